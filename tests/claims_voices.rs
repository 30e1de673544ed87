//! Attribution mechanisms on small texts written in the styles of real pages (an ISW
//! assessment with endnote links, a wire story, a Ukrainian and a Russian news report): the
//! speaker, camp and relay of each claim, so each mechanism is tested without the dev pages.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use crosscheck::analysis::analyze_project;
use crosscheck::model::{Article, Camp, Claim, Meta, Position, Project, Source, Verification};

fn claims(body: &str, outlet: &str) -> Vec<Claim> {
    let raw = format!("Test headline for the article\n\n{body}\n");
    let meta = Meta {
        outlet: Some(outlet.into()),
        ..Meta::default()
    };
    let mut p = Project::default();
    p.add_article(Article::new(
        raw,
        Source {
            file_name: "t.txt".into(),
            ..Source::default()
        },
        meta,
    ));
    analyze_project(&p)
        .articles
        .into_values()
        .next()
        .unwrap()
        .claims
        .clone()
}

/// The claim holding `needle`: its camp and relays must be these.
fn check(cs: &[Claim], needle: &str, camp: Camp, relay: Option<&str>) {
    let c = cs
        .iter()
        .find(|c| c.text.contains(needle))
        .unwrap_or_else(|| panic!("no claim holds {needle:?}: {cs:#?}"));
    assert_eq!(c.camp, camp, "{needle}: {c:#?}");
    match relay {
        Some(r) => assert!(
            c.relayed_by.iter().any(|x| x.contains(r)),
            "{needle}: relay {r} missing: {c:#?}"
        ),
        None => assert!(c.relayed_by.is_empty(), "{needle}: {c:#?}"),
    }
}

#[test]
fn endnote_links_end_sentences_and_roles_read_across_asides() {
    let body = "The Ukrainian Air Force reported that Russian forces launched 90 drones against Kharkiv Oblast overnight.[[12]](https://example.org/analysis/<#_edn12>) ISW continues to assess that Russian forces are striking Ukrainian railway hubs near Lozova.[[13]](https://example.org/analysis/<#_edn13>)\n\n\
Ukrainian 3rd Army Corps (AC) Spokesperson Major Petro Hnatenko reported on March 3 that Russian forces attacked near Borova.[[14]](https://example.org/analysis/<#_edn14>)\n\n\
An operator of a Ukrainian drone unit operating in the Kostiantynivka direction reported on March 3 that Russian forces attack in groups of two near Kostiantynivka.";
    let cs = claims(body, "ISW");
    check(
        &cs,
        "launched 90 drones",
        Camp::UkrainianOfficial,
        Some("ISW"),
    );
    check(&cs, "ISW continues to assess", Camp::Isw, None);
    check(
        &cs,
        "attacked near Borova",
        Camp::UkrainianOfficial,
        Some("ISW"),
    );
    check(&cs, "groups of two", Camp::UkrainianOfficial, Some("ISW"));
}

#[test]
fn outlets_told_relay_and_capitals_after_prepositions_are_places() {
    let body = "Zelensky told Reuters news agency that Ukraine would not withdraw from the rest of Donetsk Oblast.\n\n\
Hungary bought 60% of Ukraine's imported power in May, according to the consultancy EnerLine in Kyiv.\n\n\
Russia, in turn, accused Ukraine of launching 120 drones at Belgorod overnight.\n\n\
A 50-year-old man died of hypothermia in the town of Dubno on Sunday, said the State Emergency Service of Ukraine.";
    let cs = claims(body, "Test Outlet");
    check(
        &cs,
        "would not withdraw",
        Camp::UkrainianOfficial,
        Some("Reuters"),
    );
    check(&cs, "imported power", Camp::Other, None);
    check(&cs, "launching 120 drones", Camp::RussianOfficial, None);
    check(&cs, "hypothermia", Camp::UkrainianOfficial, None);
}

#[test]
fn cyrillic_cue_verbs_in_links_and_role_words() {
    let uk = "Генштаб запевнив, що українські воїни знищили всю бронетехніку противника під Куп'янськом.\n\n\
Начальник Ізюмської МВА додав, що ситуація у місті станом на ранок контрольована.\n\n\
Ворог продовжує штурмові дії на Лиманському напрямку, де за минулу добу відбулося дев'ятнадцять боєзіткнень, а також на Покровському напрямку, де українські захисники зупинили тридцять атак.";
    let cs = claims(uk, "RBC-Ukraine");
    check(
        &cs,
        "знищили всю бронетехніку",
        Camp::UkrainianOfficial,
        Some("RBC-Ukraine"),
    );
    check(
        &cs,
        "ситуація у місті",
        Camp::UkrainianOfficial,
        Some("RBC-Ukraine"),
    );

    let ru = "Накануне вечером украинский аналитический проект DeepState [сообщил](https://t.me/example/1), что российские военные зашли на окраины Купянска.";
    let cs = claims(ru, "BBC News Russian");
    check(
        &cs,
        "зашли на окраины",
        Camp::IndependentMonitor,
        Some("BBC"),
    );
}

/// The claim holding `needle`: its position and verification.
fn stance(cs: &[Claim], needle: &str) -> (Position, Verification) {
    let c = cs
        .iter()
        .find(|c| c.text.contains(needle))
        .unwrap_or_else(|| panic!("no claim holds {needle:?}: {cs:#?}"));
    (c.position, c.verification)
}

#[test]
fn a_digest_citing_a_report_speaks_with_the_reports_voice() {
    // A Ukrainian outlet's digest of an ISW assessment: the source is named once, in a long
    // "Про це повідомляє … з посиланням на …" sentence; the digest's unattributed sentences
    // are ISW's, relayed by the outlet; "Russian sources" are the bloggers ISW cites; ISW's
    // own doubt about them is a claim of its own, and does not make ISW's assessments
    // unverified.
    let body = "Українські сили просунулися поблизу Великої Новосілки та утримують позиції біля Вугледара.\n\n\
Про це повідомляє Тестове Видання з посиланням на оприлюднений 3 березня звіт американського Інституту вивчення війни (ISW).\n\n\
Російські окупанти 2 березня продовжували наступ поблизу Покровська, однак підтверджених змін лінії фронту не було.\n\n\
Російські джерела стверджували, що війська РФ просунулися на південь від Покровська біля Котлиного.\n\n\
Однак в ISW не знайшли підтвердження.\n\n\
Російський \"воєнкор\" стверджував, що війська РФ просунулися біля Мирнограда, але експерти ISW не знайшли підтвердження цьому.";
    let cs = claims(body, "Тестове Видання");
    check(
        &cs,
        "поблизу Великої Новосілки",
        Camp::Isw,
        Some("Тестове Видання"),
    );
    check(
        &cs,
        "продовжували наступ поблизу Покровська",
        Camp::Isw,
        Some("Тестове Видання"),
    );
    assert_eq!(
        stance(&cs, "продовжували наступ поблизу Покровська"),
        (Position::NoChange, Verification::Unknown)
    );
    check(
        &cs,
        "Російські джерела стверджували",
        Camp::RussianMilblogger,
        Some("Тестове Видання"),
    );
    check(
        &cs,
        "в ISW не знайшли підтвердження",
        Camp::Isw,
        Some("Тестове Видання"),
    );
    assert_eq!(stance(&cs, "в ISW не знайшли").0, Position::Unconfirmed);
    let doubt = cs
        .iter()
        .find(|c| c.text.starts_with("Однак в ISW"))
        .unwrap();
    assert!(
        doubt.places.iter().any(|p| p.name == "Pokrovsk"),
        "{doubt:#?}"
    );
    // The blogger asserts an advance; the doubt is the report's, so the claim is unverified.
    check(
        &cs,
        "біля Мирнограда",
        Camp::RussianMilblogger,
        Some("Тестове Видання"),
    );
    assert_eq!(
        stance(&cs, "біля Мирнограда"),
        (Position::RussiaAdvances, Verification::Unverified)
    );
}

#[test]
fn passive_agents_dashes_and_a_sides_leader_name_the_speaker() {
    let body = "The Kremlin said on Tuesday that talks would resume, and Russian President Vladimir Putin said the offer stood.\n\n\
\"There is no deal yet, and it cannot be signed within a week,\" the Russian leader said.\n\n\
At least 12 deaths from the cold have been reported by regional health officials this month in three Ukrainian regions, far from the front.\n\n\
Russian forces lost 28,400 troops in March, estimated Ukraine's General Staff – a figure that matched earlier months, analysts say.";
    let cs = claims(body, "Test Wire");
    let deal = cs.iter().find(|c| c.text.contains("no deal yet")).unwrap();
    assert_eq!(deal.speaker.as_deref(), Some("Vladimir Putin"), "{deal:#?}");
    check(&cs, "no deal yet", Camp::RussianOfficial, None);
    check(
        &cs,
        "reported by regional health officials",
        Camp::UkrainianOfficial,
        None,
    );
    let cold = cs
        .iter()
        .find(|c| c.text.contains("regional health"))
        .unwrap();
    assert_eq!(
        cold.speaker.as_deref(),
        Some("regional health officials"),
        "{cold:#?}"
    );
    check(
        &cs,
        "estimated Ukraine's General Staff",
        Camp::UkrainianOfficial,
        None,
    );
}

#[test]
fn a_bulletins_repelled_attacks_are_the_attacks_it_just_listed() {
    let body = "**The General Staff of the Armed Forces of Ukraine** reported that in the Pokrovsk direction Russian forces attacked near Udachne, Uspenivka and Nadiivka. Ukrainian defenders have stopped 40 Russian assault actions, and seven fights are still ongoing.";
    let cs = claims(body, "Test Wire");
    assert_eq!(
        stance(&cs, "attacked near Udachne").0,
        Position::Repelled,
        "{cs:#?}"
    );
}

#[test]
fn a_monitor_named_once_speaks_as_the_analysts_and_an_apposition_keeps_the_role() {
    let body = "Російські війська вночі намагалися прорватися до центру Вовчанська з двох напрямків, але їх зупинили.\n\n\
Про це повідомляє Тестове Видання з посиланням на начальника Вовчанської міської військової адміністрації Тараса Гриценка, якого цитує \"Думка\".\n\n\
У середу сервіс DeepState повідомив, що російські підрозділи просунулися біля Вовчанська.\n\n\
Як зазначили аналітики, дві колони техніки противника висунулися до міста з півночі.";
    let cs = claims(body, "Тестове Видання");
    check(
        &cs,
        "намагалися прорватися",
        Camp::UkrainianOfficial,
        Some("Тестове Видання"),
    );
    check(
        &cs,
        "сервіс DeepState повідомив",
        Camp::IndependentMonitor,
        Some("Тестове Видання"),
    );
    check(
        &cs,
        "Як зазначили аналітики",
        Camp::IndependentMonitor,
        Some("Тестове Видання"),
    );
}
