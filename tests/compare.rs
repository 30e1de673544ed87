//! Verdicts between camps: agreement across opposed camps, conflict, mixed, single, hedged,
//! relayed, months apart; overrides surviving re-analysis; the report.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::collections::BTreeMap;

use chrono::NaiveDate;
use crosscheck::analysis::analyze_project;
use crosscheck::compare::{Comparison, Options, Verdict, Window, compare_claims, compare_project};
use crosscheck::model::{
    Article, ArticleId, Camp, Claim, ClaimId, Edit, Meta, PartialDate, PlaceRef, Project, Source,
    Stance, Topic, VerdictOverride,
};

fn claim(n: usize, camp: Camp, stance: Stance, day: &str) -> Claim {
    Claim {
        id: ClaimId(format!("c{n}")),
        text: format!("claim {n}"),
        speaker: Some(camp.label().into()),
        camp,
        places: vec![PlaceRef {
            name: "Kupiansk".into(),
            oblast: Some("Kharkiv".into()),
            ..PlaceRef::default()
        }],
        date: PartialDate::parse(day),
        topic: Topic::Control,
        stance,
        ..Claim::default()
    }
}

fn judge(claims: &[Claim], window: Window) -> Vec<Comparison> {
    let a = ArticleId("a1".into());
    let items = claims.iter().map(|c| (&a, c, None::<NaiveDate>));
    compare_claims(
        items,
        &BTreeMap::new(),
        &Options {
            window,
            ..Options::default()
        },
    )
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
            Stance::FavoursUkraine,
            "2025-12-24",
        ),
        claim(
            2,
            Camp::RussianMilblogger,
            Stance::FavoursUkraine,
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
            Stance::FavoursRussia,
            "2025-11-20",
        ),
        claim(
            2,
            Camp::UkrainianOfficial,
            Stance::FavoursUkraine,
            "2025-11-21",
        ),
    ]);
    assert_eq!(c.verdict, Verdict::Conflict);
    assert!(
        c.reason.contains("Russian official") && c.reason.contains("Ukrainian official"),
        "{}",
        c.reason
    );
}

#[test]
fn a_camp_contradicting_itself_is_mixed_and_one_camp_is_single() {
    let c = only(&[
        claim(
            1,
            Camp::RussianMilblogger,
            Stance::FavoursUkraine,
            "2025-11-20",
        ),
        claim(
            2,
            Camp::RussianMilblogger,
            Stance::FavoursRussia,
            "2025-11-20",
        ),
        claim(3, Camp::Isw, Stance::FavoursUkraine, "2025-11-20"),
    ]);
    assert_eq!(c.verdict, Verdict::Mixed);
    assert!(c.reason.contains("contradict themselves"));
    let c = only(&[claim(1, Camp::Isw, Stance::FavoursUkraine, "2025-11-20")]);
    assert_eq!(c.verdict, Verdict::Single);
}

#[test]
fn hedged_and_relayed_claims_weigh_less() {
    let mut hedged = claim(
        2,
        Camp::RussianMilblogger,
        Stance::FavoursRussia,
        "2025-11-20",
    );
    hedged.hedged = true;
    let c = only(&[
        claim(
            1,
            Camp::UkrainianOfficial,
            Stance::FavoursUkraine,
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
        Stance::FavoursUkraine,
        "2025-11-20",
    );
    relayed.relayed_by = vec!["ISW".into()];
    let c = only(&[
        claim(
            1,
            Camp::UkrainianOfficial,
            Stance::FavoursUkraine,
            "2025-11-20",
        ),
        relayed,
    ]);
    assert_eq!(c.verdict, Verdict::Agree);
    assert!(c.positions[&Camp::RussianMilblogger].weak);
    assert!(c.reason.contains("relayed"));
}

#[test]
fn claims_months_apart_are_not_a_conflict() {
    let claims = [
        claim(
            1,
            Camp::RussianOfficial,
            Stance::FavoursRussia,
            "2025-03-01",
        ),
        claim(
            2,
            Camp::UkrainianOfficial,
            Stance::FavoursUkraine,
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
    assert!(md.contains("## Comparison"));
    assert!(
        md.contains("### Kupiansk · 2025-W52 · control — CONFLICT"),
        "{md}"
    );
    assert!(
        md.contains(
            "“Russian military bloggers and war correspondents have started to acknowledge"
        )
    );
    assert!(md.contains("**Russian milbloggers**"));
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
    let k = find("Kupiansk", Topic::Attacks).expect("Kupiansk attacks row");
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
