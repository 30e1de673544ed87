//! The project file never loses data: round trips, deterministic bytes, clear errors that leave
//! the file untouched, refused newer versions, atomic saves, recovery and merging.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::fs;
use std::io;

use crosscheck::model::{
    Article, Camp, ClaimEdit, ClaimId, Edit, LineDecision, Meta, MetaField, PartialDate, Project,
    Source, VerdictOverride,
};
use crosscheck::project::{self, ProjectError, SaveStage};
use proptest::prelude::*;

fn article(text: &str) -> Article {
    Article::new(
        text,
        Source {
            file_name: "a.txt".into(),
            ..Source::default()
        },
        Meta::default(),
    )
}

fn sample() -> Project {
    let mut p = Project::default();
    let a = article("Line one\r\nKyiv — Київ — Купянск \"quoted\" \\ backslash\n\ttab\n");
    let id = a.id.clone();
    p.add_article(a);
    Edit::SetMeta {
        article: id.clone(),
        field: MetaField::Published,
        value: Some("2025-01-24T14:33".into()),
    }
    .apply(&mut p);
    Edit::SetLine {
        article: id.clone(),
        line: 2,
        decision: Some(LineDecision::Remove),
    }
    .apply(&mut p);
    Edit::EditClaim {
        article: id,
        claim: ClaimId("c0000000000000001".into()),
        edit: ClaimEdit {
            camp: Some(Camp::Isw),
            ..ClaimEdit::default()
        },
    }
    .apply(&mut p);
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn save_then_load_is_identity_and_saves_are_byte_identical(
        texts in prop::collection::vec("(?s).{0,200}", 1..5),
        title in proptest::option::of("[^\u{0}]{0,40}"),
        lines in prop::collection::btree_map(1u32..50, any::<bool>(), 0..5),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut p = Project::default();
        for t in &texts {
            let mut a = article(t);
            a.meta_edits.title.clone_from(&title);
            for (l, keep) in &lines {
                a.line_decisions.insert(*l, if *keep { LineDecision::Keep } else { LineDecision::Remove });
            }
            p.add_article(a);
        }
        project::save(&path, &p).unwrap();
        let first = fs::read(&path).unwrap();
        let loaded = project::load(&path).unwrap();
        prop_assert_eq!(&loaded, &p);
        project::save(&path, &loaded).unwrap();
        prop_assert_eq!(fs::read(&path).unwrap(), first);
    }
}

#[test]
fn raw_text_survives_verbatim_including_carriage_returns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let p = sample();
    project::save(&path, &p).unwrap();
    let back = project::load(&path).unwrap();
    let a = back.articles.values().next().unwrap();
    assert_eq!(
        &*a.raw,
        "Line one\r\nKyiv — Київ — Купянск \"quoted\" \\ backslash\n\ttab\n"
    );
    assert_eq!(
        a.meta_edits.published,
        PartialDate::parse("2025-01-24T14:33")
    );
}

fn assert_error_leaves_file(content: &[u8], expect: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    fs::write(&path, content).unwrap();
    let err = project::load(&path).unwrap_err();
    let msg = err.to_string();
    for e in expect {
        assert!(msg.contains(e), "{msg:?} should contain {e:?}");
    }
    assert!(msg.contains("bad.ron"), "{msg}");
    assert_eq!(fs::read(&path).unwrap(), content, "the file was changed");
}

#[test]
fn truncated_garbled_and_mistyped_files_name_the_line() {
    let good = project::to_ron(&sample());
    let truncated = &good.as_bytes()[..good.len() / 2];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.ron");
    fs::write(&path, truncated).unwrap();
    match project::load(&path).unwrap_err() {
        ProjectError::Parse { line, .. } => assert!(line > 1),
        e => panic!("expected a parse error, got {e}"),
    }
    assert_eq!(fs::read(&path).unwrap(), truncated);

    assert_error_leaves_file(
        b"(\n  format: 1,\n  articles: {\n    \"a1\": (raw: 42),\n  },\n)\n",
        &[":4:"],
    );
    assert_error_leaves_file(b"(\n  format: 1,\n  articles: [}\n", &[":3:"]);
    assert_error_leaves_file(b"not a project at all", &[":1:"]);
    assert_error_leaves_file(&[0xff, 0xfe, 0x00, 0x41, 0x0a], &["not text"]);
    assert_error_leaves_file(b"", &["bad.ron"]);
    // Hostile nesting is refused, not a stack overflow.
    let deep = format!(
        "(format: 1, articles: {}{})",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_error_leaves_file(deep.as_bytes(), &["bad.ron"]);
}

#[test]
fn newer_version_is_refused_with_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.ron");
    let text = "(\n  format: 99,\n  written_by: \"crosscheck 9.0\",\n  articles: {},\n  future_field: Something(1),\n)\n";
    fs::write(&path, text).unwrap();
    let msg = project::load(&path).unwrap_err().to_string();
    assert!(
        msg.contains("99") && msg.contains(&project::FORMAT_VERSION.to_string()),
        "{msg}"
    );
    assert!(msg.contains("newer"), "{msg}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn failed_save_before_rename_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let old = Project::default();
    project::save(&path, &old).unwrap();
    let before = fs::read(&path).unwrap();
    let err = project::save_with(&path, &sample(), |stage| match stage {
        SaveStage::BeforeRename => Err(io::Error::other("disk full (injected)")),
    })
    .unwrap_err();
    assert!(err.to_string().contains("disk full"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    // No temporary files are left behind.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    project::save(&path, &Project::default()).unwrap();
    let first = fs::read(&path).unwrap();
    project::save(&path, &sample()).unwrap();
    assert_eq!(fs::read(dir.path().join("p.ron.bak")).unwrap(), first);
    assert_eq!(project::load(&path).unwrap(), sample());
}

#[test]
fn recovery_after_a_simulated_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let saved = Project::default();
    project::save(&path, &saved).unwrap();
    // The app wrote unsaved work aside, then "crashed" without saving.
    let unsaved = sample();
    let rec = project::recovery_path(&path);
    project::write_recovery(&rec, &unsaved).unwrap();
    let loaded = project::load(&path).unwrap();
    let recovered = project::take_recovery(&rec, Some(&loaded)).unwrap();
    assert_eq!(recovered, Some(unsaved));
    // A stale recovery file (same as saved) is not offered and is removed.
    project::write_recovery(&rec, &loaded).unwrap();
    assert_eq!(project::take_recovery(&rec, Some(&loaded)).unwrap(), None);
    assert!(!rec.exists());
}

#[test]
fn merge_disjoint_overlapping_and_conflicting() {
    let a1 = article("first article");
    let a2 = article("second article");
    let shared = article("shared article");
    let sid = shared.id.clone();
    let mut ours = Project::default();
    ours.add_article(a1.clone());
    ours.add_article(shared.clone());
    let mut theirs = Project::default();
    theirs.add_article(a2.clone());
    theirs.add_article(shared.clone());
    // Overlapping: the same edit on both sides; different edits on different fields.
    for p in [&mut ours, &mut theirs] {
        Edit::SetMeta {
            article: sid.clone(),
            field: MetaField::Author,
            value: Some("Jane Doe".into()),
        }
        .apply(p);
    }
    Edit::SetMeta {
        article: sid.clone(),
        field: MetaField::Outlet,
        value: Some("Kyiv Post".into()),
    }
    .apply(&mut theirs);
    // Conflicting: the same claim edited differently.
    let claim = ClaimId("c1".into());
    Edit::EditClaim {
        article: sid.clone(),
        claim: claim.clone(),
        edit: ClaimEdit {
            camp: Some(Camp::Isw),
            ..ClaimEdit::default()
        },
    }
    .apply(&mut ours);
    Edit::EditClaim {
        article: sid.clone(),
        claim: claim.clone(),
        edit: ClaimEdit {
            camp: Some(Camp::Media),
            ..ClaimEdit::default()
        },
    }
    .apply(&mut theirs);
    Edit::SetVerdict {
        group: "Kupiansk|Kharkiv|2025-W52|control".into(),
        verdict: Some(VerdictOverride {
            verdict: "agree".into(),
            note: "checked".into(),
        }),
    }
    .apply(&mut theirs);

    let summary = project::merge(&mut ours, &theirs, "theirs.ron");
    assert_eq!(
        ours.articles.len(),
        3,
        "union by ids, the shared article once"
    );
    assert_eq!(summary.articles_added, 1);
    assert_eq!(summary.articles_shared, 1);
    let s = &ours.articles[&sid];
    assert_eq!(s.meta_edits.author.as_deref(), Some("Jane Doe"));
    assert_eq!(s.meta_edits.outlet.as_deref(), Some("Kyiv Post"));
    assert_eq!(s.claim_edits[&claim].camp, Some(Camp::Isw), "ours is kept");
    assert_eq!(summary.conflicts, 1);
    let c = &ours.merge_conflicts[0];
    assert!(
        c.theirs.contains("media") && c.ours.contains("isw"),
        "{c:?}"
    );
    assert_eq!(c.from, "theirs.ron");
    assert_eq!(ours.verdict_overrides.len(), 1);
    assert!(summary.to_string().contains("1 conflicting"));
    // The user takes the other side's version: applied, and the conflict is settled.
    let mut taken = ours.clone();
    assert!(Edit::TakeTheirs(0).apply(&mut taken));
    assert_eq!(
        taken.articles[&sid].claim_edits[&claim].camp,
        Some(Camp::Media)
    );
    assert!(taken.merge_conflicts.is_empty());
    // Merging again changes nothing more.
    let again = project::merge(&mut ours.clone(), &theirs, "theirs.ron");
    assert_eq!(again.articles_added, 0);
}
