//! Verdicts between camps: agreement across opposed camps, conflict, mixed, single, hedged,
//! relayed, months apart; overrides surviving re-analysis; the report.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::collections::BTreeMap;

use chrono::NaiveDate;
use crosscheck::analysis::analyze_project;
use crosscheck::compare::{
    Comparison, Item, Options, Verdict, Window, compare_claims, compare_project,
};
use crosscheck::model::{
    Article, ArticleId, Camp, Claim, ClaimId, Edit, Meta, PartialDate, PlaceRef, Position, Project,
    Source, Topic, VerdictOverride, Verification,
};

fn claim(n: usize, camp: Camp, position: Position, day: &str) -> Claim {
    Claim {
        id: ClaimId(format!("c{n}")),
        text: format!("claim number {n} about the place, said on its own"),
        speaker: Some(camp.label().into()),
        camp,
        places: vec![PlaceRef {
            name: "Kupiansk".into(),
            oblast: Some("Kharkiv".into()),
            ..PlaceRef::default()
        }],
        date: PartialDate::parse(day),
        topic: Topic::Control,
        position,
        ..Claim::default()
    }
}

fn items<'a>(a: &'a ArticleId, claims: &'a [Claim], outlet_camp: Camp) -> Vec<Item<'a>> {
    claims
        .iter()
        .map(|c| Item {
            article: a,
            claim: c,
            day: None,
            outlet_camp,
        })
        .collect()
}

fn judge_with(
    claims: &[Claim],
    window: Window,
    overrides: &BTreeMap<String, VerdictOverride>,
) -> Vec<Comparison> {
    let a = ArticleId("a1".into());
    compare_claims(
        &items(&a, claims, Camp::Media),
        overrides,
        &Options {
            window,
            ..Options::default()
        },
    )
}

fn judge(claims: &[Claim], window: Window) -> Vec<Comparison> {
    judge_with(claims, window, &BTreeMap::new())
}

fn only(claims: &[Claim]) -> Comparison {
    let mut v = judge(claims, Window::Week);
    assert_eq!(v.len(), 1, "{v:#?}");
    v.remove(0)
}

#[test]
fn opposed_camps_saying_the_same_thing_agree() {
    let c = only(&[
        claim(
            1,
            Camp::UkrainianOfficial,
            Position::UkraineHolds,
            "2025-12-24",
        ),
        claim(
            2,
            Camp::RussianMilblogger,
            Position::UkraineHolds,
            "2025-12-25",
        ),
    ]);
    assert_eq!(c.verdict, Verdict::Agree);
    assert!(c.reason.contains("opposed camps agree"), "{}", c.reason);
    assert_eq!(c.positions.len(), 2);
    assert!(
        c.positions[&Camp::UkrainianOfficial]
            .phrase
            .contains("Kupiansk")
    );
    assert_eq!(c.claims.len(), 2, "the verdict is traceable to its claims");
}

#[test]
fn capture_claim_against_a_held_statement_is_a_conflict() {
    let c = only(&[
        claim(
            1,
            Camp::RussianOfficial,
            Position::RussiaHolds,
            "2025-11-20",
        ),
        claim(2, Camp::UkrainianOfficial, Position::Repelled, "2025-11-21"),
    ]);
    assert_eq!(c.verdict, Verdict::Conflict);
    assert!(
        c.reason.contains("Russian official") && c.reason.contains("Ukrainian official"),
        "{}",
        c.reason
    );
}

#[test]
fn an_advance_the_other_camp_has_not_confirmed_is_disputed() {
    let c = only(&[
        claim(
            1,
            Camp::RussianMilblogger,
            Position::RussiaAdvances,
            "2025-11-20",
        ),
        claim(2, Camp::Isw, Position::Unconfirmed, "2025-11-20"),
    ]);
    assert_eq!(c.verdict, Verdict::Disputed, "{}", c.reason);
    assert!(c.reason.contains("unconfirmed"), "{}", c.reason);
    // Attacks and repelled attacks are compatible; fighting and "no change" too.
    let c = only(&[
        claim(
            1,
            Camp::RussianOfficial,
            Position::RussiaAttacks,
            "2025-11-20",
        ),
        claim(2, Camp::UkrainianOfficial, Position::Repelled, "2025-11-20"),
    ]);
    assert_eq!(c.verdict, Verdict::Agree, "{}", c.reason);
    // Attacks repelled, or a line held, and "no change" say the same thing; a doubt disputes
    // only a change.
    for held in [Position::Repelled, Position::UkraineHolds] {
        let c = only(&[
            claim(1, Camp::UkrainianOfficial, held, "2025-11-20"),
            claim(2, Camp::Isw, Position::NoChange, "2025-11-20"),
        ]);
        assert_eq!(c.verdict, Verdict::Agree, "{held:?}: {}", c.reason);
    }
    let c = only(&[
        claim(1, Camp::UkrainianOfficial, Position::Repelled, "2025-11-20"),
        claim(
            2,
            Camp::RussianMilblogger,
            Position::RussiaAdvances,
            "2025-11-20",
        ),
        claim(3, Camp::Isw, Position::Unconfirmed, "2025-11-20"),
    ]);
    assert_eq!(c.verdict, Verdict::Conflict, "{}", c.reason);
}

#[test]
fn mentions_are_not_positions() {
    let mut strike = claim(1, Camp::UkrainianOfficial, Position::Mention, "2025-11-20");
    strike.topic = Topic::Strikes;
    let mut demand = claim(2, Camp::RussianOfficial, Position::Mention, "2025-11-20");
    demand.topic = Topic::Strikes;
    let c = only(&[strike, demand]);
    assert_eq!(c.verdict, Verdict::None, "{}", c.reason);
    assert!(!c.verdict.is_cross_camp());
    // One camp's position against another's mention is a single voice.
    let c = only(&[
        claim(1, Camp::Isw, Position::RussiaAdvances, "2025-11-20"),
        claim(2, Camp::UkrainianOfficial, Position::Mention, "2025-11-20"),
    ]);
    assert_eq!(c.verdict, Verdict::Single, "{}", c.reason);
    assert!(c.reason.contains("only mention"), "{}", c.reason);
}

#[test]
fn a_camp_contradicting_itself_is_mixed_and_one_camp_is_single() {
    let c = only(&[
        claim(
            1,
            Camp::RussianMilblogger,
            Position::UkraineHolds,
            "2025-11-20",
        ),
        claim(
            2,
            Camp::RussianMilblogger,
            Position::RussiaHolds,
            "2025-11-20",
        ),
        claim(3, Camp::Isw, Position::UkraineHolds, "2025-11-20"),
    ]);
    assert_eq!(c.verdict, Verdict::Mixed);
    assert!(c.reason.contains("say both things"), "{}", c.reason);
    // Beside a camp that reports fighting, the camp that says both tells of a contested place.
    let c = only(&[
        claim(
            1,
            Camp::UkrainianOfficial,
            Position::RussiaAdvances,
            "2025-11-20",
        ),
        claim(
            2,
            Camp::UkrainianOfficial,
            Position::UkraineHolds,
            "2025-11-20",
        ),
        claim(3, Camp::Isw, Position::Contested, "2025-11-20"),
    ]);
    assert_eq!(c.verdict, Verdict::Agree, "{}", c.reason);
    assert_eq!(
        c.positions[&Camp::UkrainianOfficial].stand,
        Position::Contested
    );
    let c = only(&[claim(1, Camp::Isw, Position::UkraineHolds, "2025-11-20")]);
    assert_eq!(c.verdict, Verdict::Single);
}

#[test]
fn hedged_and_relayed_claims_weigh_less() {
    let mut hedged = claim(
        2,
        Camp::RussianMilblogger,
        Position::RussiaHolds,
        "2025-11-20",
    );
    hedged.hedged = true;
    let c = only(&[
        claim(
            1,
            Camp::UkrainianOfficial,
            Position::UkraineHolds,
            "2025-11-20",
        ),
        hedged,
    ]);
    assert_eq!(
        c.verdict,
        Verdict::Mixed,
        "a hedged claim does not make a full conflict"
    );
    assert!(
        c.reason.contains("weaker evidence") && c.reason.contains("Russian milbloggers"),
        "{}",
        c.reason
    );
    let mut relayed = claim(
        3,
        Camp::RussianMilblogger,
        Position::UkraineHolds,
        "2025-11-20",
    );
    relayed.relayed_by = vec!["ISW".into()];
    let c = only(&[
        claim(
            1,
            Camp::UkrainianOfficial,
            Position::UkraineHolds,
            "2025-11-20",
        ),
        relayed,
    ]);
    assert_eq!(c.verdict, Verdict::Agree);
    assert!(c.positions[&Camp::RussianMilblogger].weak);
    assert!(c.reason.contains("relayed"));
}

#[test]
fn one_statement_in_many_outlets_counts_once() {
    let (a, b) = (ArticleId("a".into()), ArticleId("b".into()));
    let text = "Russian forces captured Kupiansk, the Russian Defence Ministry said on Thursday.";
    let mut x = claim(
        1,
        Camp::RussianOfficial,
        Position::RussiaHolds,
        "2025-11-20",
    );
    x.text = text.into();
    let mut y = x.clone();
    y.id = ClaimId("c2".into());
    let z = claim(
        3,
        Camp::UkrainianOfficial,
        Position::UkraineHolds,
        "2025-11-20",
    );
    let claims = [x, y, z];
    let items: Vec<Item<'_>> = claims
        .iter()
        .zip([&a, &b, &a])
        .map(|(c, art)| Item {
            article: art,
            claim: c,
            day: None,
            outlet_camp: Camp::Media,
        })
        .collect();
    let v = compare_claims(&items, &BTreeMap::new(), &Options::default());
    let ru = &v[0].positions[&Camp::RussianOfficial];
    assert_eq!(ru.claims.len(), 2);
    assert_eq!(ru.sources, 1, "wire copy is one statement");
    assert!((ru.weight - 1.0).abs() < 1e-6, "{}", ru.weight);
    assert!(
        v[0].reason.contains("1 independent statement"),
        "{}",
        v[0].reason
    );
}

#[test]
fn the_reports_doubt_about_a_relayed_claim_is_a_position() {
    let mut c = claim(
        1,
        Camp::RussianMilblogger,
        Position::RussiaAdvances,
        "2025-11-20",
    );
    c.verification = Verification::Unverified;
    c.relayed_by = vec!["ISW".into()];
    let a = ArticleId("isw".into());
    let claims = [c];
    let v = compare_claims(
        &items(&a, &claims, Camp::Isw),
        &BTreeMap::new(),
        &Options::default(),
    );
    assert_eq!(v[0].verdict, Verdict::Disputed, "{}", v[0].reason);
    assert!(v[0].positions[&Camp::Isw].implied);
    // The doubt is ISW's own: the relayed claim's weakness is not ISW's.
    assert!(!v[0].positions[&Camp::Isw].weak, "{}", v[0].reason);
    assert!(v[0].positions[&Camp::RussianMilblogger].weak);
}

#[test]
fn no_confirmed_advances_on_an_axis_disputes_its_places() {
    let mut village = claim(
        1,
        Camp::RussianMilblogger,
        Position::RussiaAdvances,
        "2025-11-20",
    );
    village.places[0].name = "Pishchane".into();
    village.axis = Some("Pokrovsk axis".into());
    let mut axis = claim(2, Camp::Isw, Position::Unconfirmed, "2025-11-20");
    axis.places[0].name = "Pokrovsk".into();
    axis.axis = Some("Pokrovsk axis".into());
    let v = judge(&[village, axis], Window::Week);
    let p = v.iter().find(|c| c.place == "Pishchane").unwrap();
    assert_eq!(p.verdict, Verdict::Disputed, "{}", p.reason);
    assert!(p.positions[&Camp::Isw].via_axis);
}

#[test]
fn an_override_applies_inside_its_range_under_any_grouping() {
    let claims = [
        claim(
            1,
            Camp::RussianOfficial,
            Position::RussiaHolds,
            "2025-11-18",
        ),
        claim(
            2,
            Camp::UkrainianOfficial,
            Position::UkraineHolds,
            "2025-11-19",
        ),
        claim(
            3,
            Camp::RussianOfficial,
            Position::RussiaHolds,
            "2025-11-26",
        ),
        claim(
            4,
            Camp::UkrainianOfficial,
            Position::UkraineHolds,
            "2025-11-26",
        ),
    ];
    let weeks = judge(&claims, Window::Week);
    assert_eq!(weeks.len(), 2);
    let o = weeks[0].override_with(Verdict::Mixed, "the MoD means the northern districts");
    let mut overrides = BTreeMap::new();
    overrides.insert(weeks[0].key.clone(), o);
    // By day: the days inside the week get the verdict; a day of the next week does not.
    let days = judge_with(&claims, Window::Day, &overrides);
    for d in &days {
        let inside = d
            .from
            .is_some_and(|f| f <= NaiveDate::from_ymd_opt(2025, 11, 23).unwrap());
        assert_eq!(
            d.verdict == Verdict::Mixed,
            inside,
            "{} {}",
            d.period,
            d.reason
        );
        if inside {
            assert!(
                d.override_scope().unwrap().contains("2025-11-17"),
                "{:?}",
                d.override_scope()
            );
        }
    }
    // By month the override covers only part of the row: shown, not applied.
    let months = judge_with(&claims, Window::Month, &overrides);
    assert_eq!(months[0].verdict, months[0].computed);
    assert!(!months[0].partial_overrides.is_empty());
    assert!(
        months[0].reason.contains("covers part"),
        "{}",
        months[0].reason
    );
}

#[test]
fn claims_months_apart_are_not_a_conflict() {
    let claims = [
        claim(
            1,
            Camp::RussianOfficial,
            Position::RussiaHolds,
            "2025-03-01",
        ),
        claim(
            2,
            Camp::UkrainianOfficial,
            Position::UkraineHolds,
            "2025-09-01",
        ),
    ];
    // By week they are separate groups, each a single voice.
    let v = judge(&claims, Window::Week);
    assert_eq!(v.len(), 2);
    assert!(v.iter().all(|c| c.verdict == Verdict::Single));
    // Over all time they meet, and the verdict says both may be true.
    let v = judge(&claims, Window::All);
    assert_eq!(v[0].verdict, Verdict::Mixed);
    assert!(v[0].reason.contains("days apart"), "{}", v[0].reason);
}

fn seeded_project() -> Project {
    let texts = [
        "Kupiansk update\n\nUkrainian government officials have emphasized that Russia has never truly reasserted control over Kupyansk since its liberation in September 2022.\n",
        "Milbloggers concede Kupiansk\n\nRussian military bloggers and war correspondents have started to acknowledge that Kupyansk isn't under Moscow's control anymore.\n",
        "Moscow claims Kupiansk\n\nThe Russian Defence Ministry said its forces had taken full control of Kupyansk and were clearing the city's northern districts.\n",
    ];
    let mut p = Project::default();
    for t in texts {
        let meta = Meta {
            published: PartialDate::parse("2025-12-26"),
            ..Meta::default()
        };
        p.add_article(Article::new(t, Source::default(), meta));
    }
    p
}

#[test]
fn extracted_claims_compare_and_an_override_survives_reanalysis() {
    let mut p = seeded_project();
    let an = analyze_project(&p);
    let cmp = compare_project(&p, &an, &Options::default());
    let k = cmp
        .iter()
        .find(|c| c.place == "Kupiansk" && c.topic == Topic::Control)
        .expect("a Kupiansk control row");
    assert_eq!(k.verdict, Verdict::Conflict, "{}", k.reason);
    assert!(
        k.positions.contains_key(&Camp::RussianMilblogger)
            && k.positions.contains_key(&Camp::UkrainianOfficial)
            && k.positions.contains_key(&Camp::RussianOfficial)
    );
    assert!(
        k.positions[&Camp::RussianMilblogger].lean > 0.0,
        "bloggers concede: on Ukraine's side"
    );
    let key = k.key.clone();
    Edit::SetVerdict {
        group: key.clone(),
        verdict: Some(VerdictOverride {
            verdict: "mixed".into(),
            note: "MoD statement predates the counteroffensive".into(),
            ..VerdictOverride::default()
        }),
    }
    .apply(&mut p);
    // Re-analysis (as after any edit or a reload) keeps the user's verdict.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    crosscheck::project::save(&path, &p).unwrap();
    let p = crosscheck::project::load(&path).unwrap();
    let an = analyze_project(&p);
    let cmp = compare_project(&p, &an, &Options::default());
    let k = cmp.iter().find(|c| c.key == key).unwrap();
    assert_eq!(k.verdict, Verdict::Mixed);
    assert_eq!(k.computed, Verdict::Conflict);
    assert!(k.reason.contains("predates the counteroffensive"));
}

#[test]
fn report_lists_verdicts_positions_and_quoted_sentences() {
    let p = seeded_project();
    let an = analyze_project(&p);
    let cmp = compare_project(&p, &an, &Options::default());
    let md = crosscheck::export::markdown(&p, &an, &cmp);
    // The first screen names the conflicts and disputes.
    let summary = md
        .find("## Conflicts and disputes")
        .expect("summary section");
    let by_place = md.find("## By place").expect("per place section");
    assert!(summary < by_place);
    assert!(
        md[summary..by_place].contains("| Kupiansk (Kharkiv oblast) | 2025-W52 | **conflict**"),
        "{md}"
    );
    assert!(
        md.contains("#### 2025-W52 (22 Dec – 28 Dec 2025) · control — CONFLICT"),
        "{md}"
    );
    assert!(
        md.contains(
            "“Russian military bloggers and war correspondents have started to acknowledge"
        )
    );
    assert!(md.contains("**Russian milbloggers**"));
    assert!(md.contains("## Sources"));
    let html = crosscheck::export::html(&p, &an, &cmp);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@media print"));
    assert!(html.contains("<span class=\"v conflict\">conflict</span>"));
    let csv = crosscheck::export::comparison_csv(&p, &an, &cmp);
    let first = csv.lines().next().unwrap();
    assert!(first.contains("claim_id") && first.contains("sentence") && first.contains("url"));
    assert!(csv.lines().any(|l| l.contains("Russian military bloggers")));
    let cj = crosscheck::export::comparison_json(&an, &cmp);
    assert!(
        cj["comparisons"][0]["claims"][0]["sentence"].is_string(),
        "{cj}"
    );
    let json = crosscheck::export::analyze_json(&p, &an, &[], &cmp);
    assert!(
        json["comparisons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["verdict"] == "conflict" && c["camps"]["russian_milblogger"].is_string())
    );
}

/// Held-out texts in the styles of a General Staff report, a Russian MoD post and a news
/// story about milbloggers disputing the MoD: verdicts written down before running.
#[test]
fn held_out_verdicts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout");
    let mut p = Project::default();
    for f in ["genstaff.json", "mod_russia.json", "moscowtimes_en.txt"] {
        let path = root.join(f);
        let bytes = std::fs::read(&path).unwrap();
        for a in crosscheck::ingest::import_bytes(&path, &bytes).unwrap() {
            p.add_article(a);
        }
    }
    let an = analyze_project(&p);
    let cmp = compare_project(&p, &an, &Options::default());
    let find = |place: &str, topic: Topic| {
        cmp.iter()
            .find(|c| c.place == place && c.period == "2025-W09" && c.topic == topic)
    };
    let z = find("Zahryzove", Topic::Control).expect("Zahryzove control row");
    assert_eq!(z.verdict, Verdict::Conflict, "{}", z.reason);
    assert!(
        z.positions[&Camp::RussianMilblogger].lean > 0.0,
        "bloggers dispute the ministry"
    );
    assert!(z.positions[&Camp::RussianOfficial].lean < 0.0);
    // Attacks, advances and control are one front-line row.
    assert!(find("Kupiansk", Topic::Attacks).is_none());
    let k = find("Kupiansk", Topic::Control).expect("Kupiansk front-line row");
    assert_eq!(k.verdict, Verdict::Mixed, "{}", k.reason);
}

/// The sample articles: Ukrainian officials say Kupiansk is held, Russian milbloggers concede
/// it is lost — agreement across opposed camps, as DOMAIN.md describes.
#[test]
fn sample_kupiansk_is_agreement_across_opposed_camps() {
    let p = crosscheck::app::sample_project();
    let an = analyze_project(&p);
    let cmp = compare_project(&p, &an, &Options::default());
    let k = cmp
        .iter()
        .find(|c| c.place == "Kupiansk" && c.topic == Topic::Control)
        .expect("Kupiansk control row");
    assert_eq!(k.verdict, Verdict::Agree, "{}", k.reason);
    assert!(k.reason.contains("opposed camps agree"), "{}", k.reason);
    assert!(
        k.positions.contains_key(&Camp::RussianMilblogger)
            && k.positions.contains_key(&Camp::UkrainianOfficial)
    );
    // Bakhmut: ISW and the Russian bloggers it relays ("in the area" is Bakhmut, the last
    // settlement named, not Donetsk Oblast) agree that Russian advances slowed; "Seizing
    // Bakhmut could allow …" is a forecast, and "to fight against Ukraine" names a target.
    let b = cmp
        .iter()
        .find(|c| c.place == "Bakhmut" && c.topic == Topic::Control)
        .expect("Bakhmut control row");
    assert_eq!(b.verdict, Verdict::Agree, "{}", b.reason);
    assert!(
        b.positions.contains_key(&Camp::RussianMilblogger) && b.positions.contains_key(&Camp::Isw),
        "{}",
        b.reason
    );
}

/// Villages roll up to the axis the reporting names: Pishchane near Pokrovsk belongs to the
/// "Pokrovsk sector" Trehubov speaks of; a list of axes names none of them.
#[test]
fn villages_roll_up_to_the_axis_the_reporting_names() {
    let p = crosscheck::app::sample_project();
    let an = analyze_project(&p);
    let opts = Options {
        window: Window::All,
        rollup: crosscheck::compare::Rollup::Axis,
    };
    let cmp = compare_project(&p, &an, &opts);
    let rows: Vec<&Comparison> = cmp.iter().filter(|c| c.place == "Pokrovsk axis").collect();
    assert!(
        !rows.is_empty(),
        "{:?}",
        cmp.iter().map(|c| &c.place).collect::<Vec<_>>()
    );
    let texts: Vec<String> = rows
        .iter()
        .flat_map(|c| c.claims.iter())
        .filter_map(|r| {
            an.articles[&r.article]
                .claims
                .iter()
                .find(|x| x.id == r.claim)
                .map(|x| x.text.clone())
        })
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("Pishchane near Pokrovsk")),
        "{texts:#?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("Chasiv Yar")),
        "another district is not the Pokrovsk axis"
    );
    assert!(cmp.iter().any(|c| c.place == "Kupiansk axis"));
}

/// Wire copy in several articles is one statement; its independent sources are the distinct
/// outlets, an article without a known outlet counting as one of its own.
#[test]
fn a_statement_counts_its_outlets_once_each() {
    let wire = "Russian forces captured the village of Novoocheretuvate in Zaporizhzhia region, the Russian Defence Ministry said on Monday, without giving details.";
    for (outlets, sources) in [
        (&[Some("Reuters"), Some("Al Jazeera"), Some("TASS")][..], 3),
        (&[Some("Reuters"), Some("Reuters"), Some("TASS")][..], 2),
        (&[None, None, Some("Reuters")][..], 3),
        (&[Some("Reuters"), Some("Reuters")][..], 1),
    ] {
        let mut p = Project::default();
        for (i, outlet) in outlets.iter().enumerate() {
            let meta = Meta {
                outlet: outlet.map(str::to_owned),
                published: PartialDate::parse("2025-02-03"),
                ..Meta::default()
            };
            p.add_article(Article::new(
                format!("Village claimed ({i})\n\n{wire}\n").as_str(),
                Source::default(),
                meta,
            ));
        }
        let an = analyze_project(&p);
        let st = crosscheck::compare::statements(&an);
        let copies: Vec<_> = an
            .articles
            .iter()
            .flat_map(|(id, a)| a.claims.iter().map(move |c| (id, c)))
            .filter(|(_, c)| c.text.contains("Novoocheretuvate"))
            .collect();
        assert_eq!(copies.len(), outlets.len(), "{outlets:?}");
        let s = st
            .statement_of(copies[0].0, &copies[0].1.id)
            .expect("the copies are one statement");
        assert_eq!(s.claims.len(), outlets.len(), "{outlets:?}");
        assert_eq!(s.sources, sources, "{outlets:?}");
        for (a, c) in &copies {
            assert_eq!(st.of(a, &c.id), st.of(copies[0].0, &copies[0].1.id));
        }
    }
}
