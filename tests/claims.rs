//! Claim extraction, data-driven: attribution patterns, relay chains, every camp, place
//! spellings and same-name villages, dates with and without an article date, edits surviving
//! re-analysis.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use crosscheck::analysis::analyze_project;
use crosscheck::model::{
    Article, Camp, Claim, ClaimEdit, Edit, Meta, PartialDate, Project, Source, Stance, Topic,
    Verification,
};

/// The claims of an article made of `body` paragraphs, published on `date` (if any).
fn claims(body: &str, date: Option<&str>) -> Vec<Claim> {
    let raw = format!("Test headline for the article\n\n{body}\n");
    let meta = Meta {
        published: date.and_then(PartialDate::parse),
        outlet: Some("Test Outlet".into()),
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
    let an = analyze_project(&p);
    an.articles.into_values().next().unwrap().claims.clone()
}

fn one(body: &str) -> Claim {
    let c = claims(body, Some("2025-01-24"));
    assert_eq!(c.len(), 1, "{c:#?}");
    c.into_iter().next().unwrap()
}

struct Case {
    text: &'static str,
    speaker: &'static str,
    camp: Camp,
    relayed_by: &'static [&'static str],
}

/// Bodies named by their own name, and long role phrases that name their side.
fn more_cases() -> Vec<Case> {
    vec![
        Case {
            text: "Ukrenergo, the national grid operator, said the overnight strike damaged two substations in Odesa Oblast.",
            speaker: "Ukrenergo",
            camp: Camp::UkrainianOfficial,
            relayed_by: &[],
        },
        // A person's surname that looks like a place is still a person.
        Case {
            text: "Ukrainian brigade spokesperson Major Ivan Zaporozhets said the assault on the bridgehead was repelled.",
            speaker: "Zaporozhets",
            camp: Camp::UkrainianOfficial,
            relayed_by: &[],
        },
    ]
}

#[test]
fn pronouns_nouns_and_countries_do_not_mislead() {
    // "he added" is the last person's, not a name earlier in the clause.
    let c = claims(
        "Zelensky said the talks had stalled. If the deadline passes, the Trump administration will press both sides, he added.",
        Some("2025-01-24"),
    );
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(
        c[1].speaker.as_deref(),
        Some("Volodymyr Zelensky"),
        "{c:#?}"
    );
    // "the reporting period" is no report; a country deep in a clause is no speaker; a
    // country that is part of another name is not that country.
    let c = one("Russian forces intensified strikes on Zaporizhzhia during the reporting period.");
    assert_eq!(c.camp, Camp::Media, "{c:#?}");
    for text in [
        "A rough estimate, considering that five million people have left Ukraine since 2022, suggests that the toll is far higher.",
        "Russia Watchers Weekly reports that shelling of Kherson continued through the week.",
    ] {
        for c in claims(text, Some("2025-01-24")) {
            assert!(
                ![Camp::UkrainianOfficial, Camp::RussianOfficial].contains(&c.camp),
                "{text}: {c:#?}"
            );
        }
    }
}

#[test]
fn attribution_patterns() {
    let cases = [
        // X said, with the role in apposition.
        Case {
            text: "The Russian army is failing to outflank Pokrovsk, a spokesperson for Ukraine's Khortytsia group of forces, Viktor Trehubov, said on Jan. 24.",
            speaker: "Viktor Trehubov",
            camp: Camp::UkrainianOfficial,
            relayed_by: &[],
        },
        // Speaker first.
        Case {
            text: "Oleksandr Syrskyi said Ukrainian troops had stabilised the front near Kurakhove.",
            speaker: "Oleksandr Syrskyi",
            camp: Camp::UkrainianOfficial,
            relayed_by: &[],
        },
        // Inverted: said X.
        Case {
            text: "\"The assault groups were destroyed before they reached the town,\" said Vladyslav Voloshyn.",
            speaker: "Vladyslav Voloshyn",
            camp: Camp::UkrainianOfficial,
            relayed_by: &[],
        },
        // According to X, trailing.
        Case {
            text: "Russian troops are continuing to push on the Lyman and Siversk axes, according to Ukraine's General Staff.",
            speaker: "Ukraine's General Staff",
            camp: Camp::UkrainianOfficial,
            relayed_by: &[],
        },
        // According to X, leading.
        Case {
            text: "According to the Russian Defence Ministry, its forces took control of the village of Pishchane.",
            speaker: "Russian Defense Ministry",
            camp: Camp::RussianOfficial,
            relayed_by: &[],
        },
        // Other cue verbs.
        Case {
            text: "The Kremlin denied that Russian troops had withdrawn from positions near Kupiansk.",
            speaker: "Kremlin",
            camp: Camp::RussianOfficial,
            relayed_by: &[],
        },
        Case {
            text: "Rybar acknowledged that Ukrainian units had recaptured several positions north of Kupiansk.",
            speaker: "Rybar",
            camp: Camp::RussianMilblogger,
            relayed_by: &[],
        },
        Case {
            text: "The Institute for the Study of War assessed that Russian forces will likely continue attacks near Toretsk.",
            speaker: "ISW",
            camp: Camp::Isw,
            relayed_by: &[],
        },
        Case {
            text: "DeepState reported that Russian forces advanced near Chasiv Yar.",
            speaker: "DeepState",
            camp: Camp::IndependentMonitor,
            relayed_by: &[],
        },
        Case {
            text: "The U.K. Defence Ministry warned that Russia is recruiting more convicts to fight near Bakhmut.",
            speaker: "U.K. Defence Ministry",
            camp: Camp::WesternOfficial,
            relayed_by: &[],
        },
        Case {
            text: "The New York Times reported that Ukraine blew up a mine shaft near Pokrovsk.",
            speaker: "The New York Times",
            camp: Camp::Media,
            relayed_by: &[],
        },
        Case {
            text: "Metinvest announced it had suspended operations at the Pokrovsk coal mine.",
            speaker: "Metinvest",
            camp: Camp::Other,
            relayed_by: &[],
        },
        // Relay chains.
        Case {
            text: "According to the Institute for the Study of War, Russian military bloggers reported that Ukrainian forces pushed back Wagner units near Bakhmut.",
            speaker: "Russian military bloggers",
            camp: Camp::RussianMilblogger,
            relayed_by: &["ISW"],
        },
        Case {
            text: "The Kyiv Post reported on Thursday that Ukrainian military sources claim Russian forces in Kupiansk lack supplies.",
            speaker: "Ukrainian military sources",
            camp: Camp::UkrainianOfficial,
            relayed_by: &["Kyiv Post"],
        },
        // Ukrainian and Russian.
        Case {
            text: "Речник угруповання «Хортиця» Віктор Трегубов заявив, що ворог не має успіху під Покровськом.",
            // One identity across scripts; Ukrainian-language reporting records its outlet as
            // the relay of the official it quotes.
            speaker: "Viktor Trehubov",
            camp: Camp::UkrainianOfficial,
            relayed_by: &["Test Outlet"],
        },
        Case {
            text: "Минобороны России сообщило о взятии Торецка.",
            speaker: "Russian Defense Ministry",
            camp: Camp::RussianOfficial,
            relayed_by: &["Test Outlet"],
        },
    ];
    let mut failures = Vec::new();
    for c in cases.iter().chain(&more_cases()) {
        let got = claims(c.text, Some("2025-01-24"));
        let Some(cl) = got.first() else {
            failures.push(format!("no claim: {}", c.text));
            continue;
        };
        let sp = cl.speaker.clone().unwrap_or_default();
        if !sp.contains(c.speaker)
            || cl.camp != c.camp
            || cl.relayed_by.iter().map(String::as_str).collect::<Vec<_>>() != c.relayed_by
        {
            failures.push(format!(
                "{}\n  got {sp:?} {:?} relayed by {:?}",
                c.text, cl.camp, cl.relayed_by
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn quotes_pronouns_and_roles_point_back() {
    let body = "Trehubov stressed that the Pokrovsk sector is the main focus of Russia's offensive.\n\n\"This is the main point of concentration of their efforts. There is the largest number of clashes there,\" he said.\n\n\"They are not threatening the town itself.\"\n\nRussian forces are trying to bypass Pokrovsk, but without success, according to the spokesperson.";
    let cs = claims(body, Some("2025-01-24"));
    assert_eq!(cs.len(), 5, "{cs:#?}");
    for c in &cs {
        assert_eq!(c.speaker.as_deref(), Some("Viktor Trehubov"), "{}", c.text);
        assert_eq!(c.camp, Camp::UkrainianOfficial);
    }
    assert!(cs[1].quote && cs[2].quote && cs[3].quote);
    assert!(!cs[0].quote);
    // A quote with its speaker named in the next sentence.
    let cs = claims(
        "\"We have pushed across the river. Ukraine controls the east bank,\" the Ukrainian military wrote on Telegram.",
        None,
    );
    assert_eq!(cs.len(), 2);
    assert!(
        cs.iter().all(|c| c.camp == Camp::UkrainianOfficial),
        "{cs:#?}"
    );
    // The think tank.
    let cs = claims(
        "ISW said Russian advances near Bakhmut have slowed.\n\nThe think tank added that Wagner units suffered heavy losses near Bakhmut.",
        None,
    );
    assert!(cs.iter().all(|c| c.camp == Camp::Isw), "{cs:#?}");
}

#[test]
fn the_outlets_own_voice_is_media_and_furniture_is_not_a_claim() {
    let c = one(
        "Fighting rages on around Kupyansk, mostly across the Oskil River, but Ukrainian forces hold the city firmly.",
    );
    assert_eq!(c.camp, Camp::Media);
    assert_eq!(c.speaker.as_deref(), Some("Test Outlet"));
    assert!(
        claims(
            "The weather was pleasant and the café was full of students.",
            None
        )
        .is_empty()
    );
}

#[test]
fn verification_hedging_and_topics() {
    let cs = claims(
        "Russia claimed on Jan. 6 that its forces had taken Kurakhove.\n\nThe Kyiv Independent could not verify the claims.\n\nGeolocated footage shows Ukrainian forces advanced in northern Kupiansk.",
        Some("2025-01-07"),
    );
    assert_eq!(
        cs.len(),
        2,
        "the verification sentence is not a claim: {cs:#?}"
    );
    assert_eq!(cs[0].verification, Verification::Unverified);
    assert_eq!(cs[0].topic, Topic::Control);
    assert_eq!(cs[0].stance, Stance::FavoursRussia);
    assert_eq!(cs[1].verification, Verification::Corroborated);
    let c = one("Moscow's troops appear to be advancing through Pishchane, DeepState reported.");
    assert!(c.hedged);
    assert_eq!(c.topic, Topic::Movement);
    let c = one(
        "Russian troops executed five attacks near Kupiansk, all of which were repelled, the General Staff said.",
    );
    assert_eq!(c.topic, Topic::Attacks);
    assert_eq!(c.stance, Stance::FavoursUkraine);
    let c = one(
        "“Some foreign mercenaries fighting for the Russians have even surrendered near Kupiansk,” Trehubov said.",
    );
    assert_eq!(c.topic, Topic::Surrender);
    let c = one(
        "Russian military bloggers acknowledged that Kupyansk isn't under Moscow's control anymore.",
    );
    assert_eq!(c.stance, Stance::FavoursUkraine, "bloggers conceding");
    assert!(!c.hedged);
}

#[test]
fn place_spellings_and_same_name_villages() {
    let spellings = ["Kupiansk", "Kupyansk", "Куп'янськ", "Купянск", "Kup’yansk"];
    for s in spellings {
        let c = one(&format!(
            "Russian troops attacked {s} again on Monday, the General Staff said."
        ));
        assert_eq!(
            c.places.first().map(|p| p.name.as_str()),
            Some("Kupiansk"),
            "{s}"
        );
        assert_eq!(c.places[0].oblast.as_deref(), Some("Kharkiv"));
        assert!(c.places[0].lat.is_some());
    }
    let c =
        one("Russian bloggers claimed the capture of Artemovsk, the Soviet-era name of the city.");
    assert_eq!(c.places[0].name, "Bakhmut");
    let c = one("Rybar wrote that assault units entered Krasnoarmeysk from the south.");
    assert_eq!(c.places[0].name, "Pokrovsk");
    // Pishchane near Pokrovsk (Donetsk) and near Kupiansk (Kharkiv).
    let c = one(
        "Ukraine blew up a mine shaft in the village of Pishchane near Pokrovsk, The New York Times reported.",
    );
    let p = c.places.iter().find(|p| p.name == "Pishchane").unwrap();
    assert_eq!(p.oblast.as_deref(), Some("Donetsk"));
    let c = one(
        "Five attacks were repelled near Petropavlivka, Pishchane, Zahryzove and Kupyansk, the General Staff said.",
    );
    let p = c.places.iter().find(|p| p.name == "Pishchane").unwrap();
    assert_eq!(p.oblast.as_deref(), Some("Kharkiv"));
    // Names that are not places here.
    let c = one("President Volodymyr Zelensky said the Kyiv Independent was right about Bakhmut.");
    let names: Vec<&str> = c.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Bakhmut"]);
}

/// The places of claims in the three languages: sentence, then the places wanted (oblasts by
/// their row name), in order. Sentences written for this test in the styles of General Staff
/// reports, Russian MoD summaries, milblogger posts and English news.
#[test]
fn places_of_claims_in_three_languages() {
    let cases: &[(&str, &[&str])] = &[
        // Oblast adjectives are the oblast, not a village named like them (Курське, Сумське).
        (
            "Губернатор повідомив, що росіяни обстріляли прикордоння Сумської області, заявив Генштаб.",
            &["Sumy Oblast"],
        ),
        (
            "Минобороны России заявило, что ВСУ потеряли более 200 военнослужащих в Курской области.",
            &["Kursk Oblast"],
        ),
        // Adjectives of nationality are no town (Українськ).
        (
            "Українські військові відбили дві атаки біля Піщаного, повідомив Генштаб.",
            &["Pishchane"],
        ),
        // An axis names its town, in Ukrainian, Russian and English.
        (
            "На Курахівському напрямку ворог атакував 12 разів, повідомили в Генштабі.",
            &["Kurakhove"],
        ),
        (
            "На покровском направлении подразделения «Центр» улучшили положение, сообщили в Минобороны.",
            &["Pokrovsk"],
        ),
        (
            "Russian forces attacked in the Kupiansky direction near Petropavlivka, the General Staff said.",
            &["Kupiansk", "Petropavlivka"],
        ),
        // A Russian spelling of a name of two words, inflected.
        (
            "Военкоры пишут, что бои идут на окраинах Великой Новосёлки.",
            &["Velyka Novosilka"],
        ),
        // Places in Russia.
        (
            "Russian officials claimed Ukrainian drones hit an oil depot near Bryansk and a substation in Belgorod Oblast.",
            &["Bryansk", "Belgorod Oblast"],
        ),
        (
            "Рыбар пишет, что штурмовые группы ВСУ вошли в Суджу.",
            &["Sudzha"],
        ),
        // Surnames, first names, foreign capitals and governments are no places.
        (
            "Foreign Minister Sergei Lavrov said in Berlin that Kyiv wants the war to go on.",
            &[],
        ),
        (
            "Ukrainian military observer Dmytro Zaporozhets said Russian troops seized Zelene (northeast of Kharkiv).",
            &["Zelene", "Kharkiv"],
        ),
        // Soviet-era names are the same place.
        (
            "The Russian MoD said its troops took Dzerzhinsk and advanced on Artemovsk.",
            &["Toretsk", "Bakhmut"],
        ),
    ];
    for (text, want) in cases {
        let c = claims(text, Some("2025-01-24"));
        let got: Vec<&str> = c
            .iter()
            .flat_map(|c| c.places.iter().map(|p| p.name.as_str()))
            .collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn in_the_area_is_the_last_place_named() {
    let c = claims(
        "Russian troops attacked Vovchansk on Monday, the General Staff said. Ukrainian units repelled four assaults in the area, the General Staff added.",
        Some("2025-01-24"),
    );
    let last = c.last().unwrap();
    assert_eq!(
        last.places.first().map(|p| p.name.as_str()),
        Some("Vovchansk"),
        "{c:#?}"
    );
}

#[test]
fn dates_with_and_without_an_article_date() {
    let body = "Trehubov said on Jan. 24 that attacks near Pokrovsk were repelled.\n\nZelensky said on Dec. 20 that Bakhmut remains the hottest point of the front.\n\nThe Ukrainian military wrote on Telegram on Monday that its troops crossed the Oskil River.\n\nAfter capturing Vuhledar last October, Russia claimed that its forces had taken Kurakhove.";
    let with: Vec<Option<String>> = claims(body, Some("2025-01-24"))
        .iter()
        .map(|c| c.date.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        with,
        [
            Some("2025-01-24".into()),
            Some("2024-12-20".into()),
            Some("2025-01-20".into()),
            Some("2025-01-24".into())
        ],
        "a month in the content is what the claim is about, not when it was made"
    );
    let without: Vec<(Option<String>, Option<String>)> = claims(body, None)
        .iter()
        .map(|c| (c.date.map(|d| d.to_string()), c.date_text.clone()))
        .collect();
    assert_eq!(
        without[0],
        (Some("--01-24".into()), Some("Jan. 24".into())),
        "month and day kept, no year"
    );
    assert_eq!(
        without[2],
        (None, Some("Monday".into())),
        "no date invented"
    );
    assert_eq!(without[3].0, None);
}

#[test]
fn an_edit_survives_reanalysis_and_deleted_claims_stay_deleted() {
    let raw = "Headline\n\nRussian forces captured Pishchane, the Russian Defence Ministry said on Monday.\n\nUkraine's General Staff said the attack near Pishchane was repelled.\n";
    let mut p = Project::default();
    let a = Article::new(raw, Source::default(), Meta::default());
    let id = a.id.clone();
    p.add_article(a);
    let an = analyze_project(&p);
    let cs = &an.articles[&id].claims;
    assert_eq!(cs.len(), 2);
    let (first, second) = (cs[0].id.clone(), cs[1].id.clone());
    Edit::EditClaim {
        article: id.clone(),
        claim: first.clone(),
        edit: ClaimEdit {
            camp: Some(Camp::Other),
            verification: Some(Verification::Contradicted),
            ..ClaimEdit::default()
        },
    }
    .apply(&mut p);
    Edit::DeleteClaim {
        article: id.clone(),
        claim: second.clone(),
    }
    .apply(&mut p);
    let an = analyze_project(&p);
    let cs = &an.articles[&id].claims;
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].id, first, "ids are stable across analyses");
    assert_eq!(cs[0].camp, Camp::Other);
    assert_eq!(cs[0].verification, Verification::Contradicted);
    // A project-wide camp override for a claimant.
    Edit::SetCampOverride {
        claimant: "Russian Defense Ministry".into(),
        camp: Some(Camp::Isw),
    }
    .apply(&mut p);
    Edit::EditClaim {
        article: id.clone(),
        claim: first.clone(),
        edit: ClaimEdit::default(),
    }
    .apply(&mut p);
    let mut p2 = p.clone();
    p2.articles.get_mut(&id).unwrap().claim_edits.clear();
    let an = analyze_project(&p2);
    assert_eq!(an.articles[&id].claims[0].camp, Camp::Isw);
}

#[test]
fn the_own_voice_takes_the_outlets_camp() {
    let raw = "Assessment\n\nRussian forces recently advanced near Toretsk and continued attacks near Pokrovsk.\n";
    for (outlet, camp) in [
        ("Institute for the Study of War", Camp::Isw),
        ("Rybar", Camp::RussianMilblogger),
        ("Kyiv Independent", Camp::Media),
    ] {
        let meta = Meta {
            outlet: Some(outlet.into()),
            ..Meta::default()
        };
        let mut p = Project::default();
        p.add_article(Article::new(raw, Source::default(), meta));
        let an = analyze_project(&p);
        let c = &an.articles.values().next().unwrap().claims[0];
        assert_eq!(c.camp, camp, "{outlet}");
    }
}
