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
    // No temporary files are left behind (only the project and its lock file are there).
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".p.ron.lock", "p.ron"]);
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
            ..VerdictOverride::default()
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

// ---------------------------------------------------------------- issue 13 regressions

/// A project file written by hand, one article per `(key, raw, notes)`.
fn handwritten(articles: &[(&str, &str, &str)], top_extra: &str, article_extra: &str) -> String {
    let mut s = String::from("(\n  format: 1,\n  written_by: \"by hand\",\n  articles: {\n");
    for (key, raw, notes) in articles {
        s.push_str(&format!(
            "    \"{key}\": (\n      id: \"{key}\",\n      raw: \"{raw}\",\n      notes: \"{notes}\",\n{article_extra}    ),\n"
        ));
    }
    s.push_str("  },\n");
    s.push_str(top_extra);
    s.push_str(")\n");
    s
}

#[test]
fn an_article_id_given_twice_keeps_both_articles_and_their_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dup.ron");
    let text = handwritten(
        &[
            ("a1", "first text", "my notes on the first"),
            ("a1", "second text", "my notes on the second"),
        ],
        "",
        "",
    );
    fs::write(&path, &text).unwrap();
    let opened = project::open(&path).unwrap();
    assert_eq!(opened.project.articles.len(), 2, "neither is dropped");
    let notes: Vec<&str> = opened
        .project
        .articles
        .values()
        .map(|a| a.notes.as_str())
        .collect();
    assert!(notes.contains(&"my notes on the first"), "{notes:?}");
    assert!(notes.contains(&"my notes on the second"), "{notes:?}");
    assert_eq!(opened.warnings.len(), 1, "the user is told");
    assert!(opened.warnings[0].contains("a1"), "{:?}", opened.warnings);
    // The same article written twice is simply one article.
    let same = handwritten(&[("a1", "t", "n"), ("a1", "t", "n")], "", "");
    let (p, warnings) = project::parse(&same, &path).unwrap();
    assert_eq!(p.articles.len(), 1);
    assert!(warnings.is_empty());
}

#[test]
fn unknown_fields_are_kept_through_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.ron");
    let text = handwritten(
        &[("a1", "some text", "")],
        "  future_field: Something(1, [\"x\"]),\n  reviewers: {\"ann\": (role: Editor)},\n",
        "      tags: [\"kupiansk\", \"checked\"],\n      colour: Some(Red),\n",
    );
    fs::write(&path, &text).unwrap();
    let p = project::load(&path).unwrap();
    assert_eq!(p.extra.len(), 2, "{:?}", p.extra);
    let a = &p.articles[&crosscheck::model::ArticleId("a1".into())];
    assert_eq!(a.extra["tags"], "[\"kupiansk\", \"checked\"]");
    assert_eq!(a.extra["colour"], "Some(Red)");
    project::save(&path, &p).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    for kept in [
        "future_field: Something(1, [\"x\"])",
        "reviewers: {\"ann\": (role: Editor)}",
        "tags: [\"kupiansk\", \"checked\"]",
        "colour: Some(Red)",
    ] {
        assert!(saved.contains(kept), "{kept} lost:\n{saved}");
    }
    // Saving again changes nothing: still deterministic.
    let again = project::load(&path).unwrap();
    assert_eq!(again, p);
    project::save(&path, &again).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), saved);
}

#[test]
fn an_unknown_field_that_cannot_be_kept_refuses_the_file() {
    let text = "(\n  format: 1,\n  articles: {\n    \"a1\": (\n      raw: \"x\",\n      source: (file_name: \"a.txt\", checksum: \"abc\"),\n    ),\n  },\n)\n";
    assert_error_leaves_file(text.as_bytes(), &["checksum", "not lost"]);
}

#[test]
fn a_newer_file_on_disk_is_not_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let newer = "(\n  format: 2,\n  articles: {},\n)\n";
    fs::write(&path, newer).unwrap();
    let err = project::save(&path, &sample()).unwrap_err();
    assert!(
        matches!(err, ProjectError::NewerOnDisk { found: 2, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[cfg(unix)]
#[test]
fn permissions_and_symlinks_are_kept() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.ron");
    project::save(&path, &Project::default()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    project::save(&path, &sample()).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a private project stays private");

    // A read-only file is refused, not replaced.
    let ro = dir.path().join("readonly.ron");
    project::save(&ro, &Project::default()).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&ro).unwrap();
    let err = project::save(&ro, &sample()).unwrap_err();
    assert!(matches!(err, ProjectError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(fs::read(&ro).unwrap(), before);
    assert_eq!(
        fs::metadata(&ro).unwrap().permissions().mode() & 0o777,
        0o444
    );

    // A symlink is written through: the link stays a link, its target gets the project.
    let real_dir = dir.path().join("real");
    fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("target.ron");
    project::save(&target, &Project::default()).unwrap();
    let link = dir.path().join("link.ron");
    symlink(&target, &link).unwrap();
    project::save(&link, &sample()).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(project::load(&target).unwrap(), sample());
    assert!(
        real_dir.join("target.ron.bak").exists(),
        "the backup sits by the target"
    );
}

#[test]
fn temporary_files_of_a_killed_save_are_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    project::save(&path, &Project::default()).unwrap();
    // What saves killed before their rename leave behind.
    for stale in [".p.ron.4242.tmp", ".p.ron.bak.4243.tmp"] {
        fs::write(dir.path().join(stale), "half a project").unwrap();
    }
    let unrelated = dir.path().join(".q.ron.4242.tmp");
    fs::write(&unrelated, "not ours to remove").unwrap();
    project::save(&path, &sample()).unwrap();
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    names.sort();
    assert_eq!(names, [".q.ron.4242.tmp"]);
}

#[test]
fn a_change_on_disk_since_opening_is_not_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    project::save(&path, &Project::default()).unwrap();
    let opened = project::open(&path).unwrap();
    // Someone else (another window, a CLI import) saves in between.
    let mut theirs = Project::default();
    theirs.add_article(article("imported meanwhile"));
    project::save(&path, &theirs).unwrap();
    let on_disk = fs::read(&path).unwrap();
    let err = project::save_over(&path, &sample(), &opened.stamp).unwrap_err();
    assert!(matches!(err, ProjectError::ChangedOnDisk { .. }), "{err}");
    assert_eq!(
        fs::read(&path).unwrap(),
        on_disk,
        "their work is still there"
    );
    // Saving over what was just saved is fine, and gives the stamp for the next save.
    let reopened = project::open(&path).unwrap();
    let stamp = project::save_over(&path, &sample(), &reopened.stamp).unwrap();
    project::save_over(&path, &Project::default(), &stamp).unwrap();
}

#[test]
fn exports_never_write_over_a_project_and_are_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    project::save(&path, &sample()).unwrap();
    let before = fs::read(&path).unwrap();
    let err = project::write_export(&path, b"article,title\n", Some(&path)).unwrap_err();
    assert!(
        matches!(err, ProjectError::ExportOverProject { .. }),
        "{err}"
    );
    // Another project file is refused too, even when it is not the one exported.
    let other = dir.path().join("other.ron");
    project::save(&other, &Project::default()).unwrap();
    let other_before = fs::read(&other).unwrap();
    assert!(project::write_export(&other, b"x", Some(&path)).is_err());
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::read(&other).unwrap(), other_before);
    // An ordinary export is written, and rewritten, leaving no temporary file.
    let out = dir.path().join("claims.csv");
    project::write_export(&out, b"one\n", Some(&path)).unwrap();
    project::write_export(&out, b"two\n", Some(&path)).unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"two\n");
    assert!(
        fs::read_dir(dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp"))
    );
}

#[test]
fn a_damaged_recovery_file_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let rec = project::recovery_path(&path);
    let whole = project::to_ron(&sample());
    fs::write(&rec, &whole[..whole.len() / 2]).unwrap();
    let err = project::take_recovery(&rec, None).unwrap_err();
    assert!(matches!(err, ProjectError::DamagedRecovery { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("damaged") && msg.contains("p.ron.recovery"),
        "{msg}"
    );
    let kept = dir.path().join("p.ron.recovery.damaged");
    assert_eq!(
        fs::read_to_string(&kept).unwrap(),
        &whole[..whole.len() / 2]
    );
}

#[test]
fn a_failed_first_save_does_not_claim_a_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no such folder").join("p.ron");
    let msg = project::save(&path, &sample()).unwrap_err().to_string();
    assert!(!msg.contains("previous file"), "{msg}");
    assert!(msg.contains("No file was created"), "{msg}");
}

#[test]
fn merge_keeps_notes_that_are_substrings_of_the_others() {
    let shared = article("shared article");
    let id = shared.id.clone();
    let mut ours = Project::default();
    ours.add_article(shared.clone());
    let mut theirs = ours.clone();
    let notes = |p: &mut Project, n: &str| {
        Edit::SetNotes {
            article: id.clone(),
            notes: n.into(),
        }
        .apply(p);
    };
    notes(&mut ours, "It is not true that the town fell.");
    notes(&mut theirs, "the town fell");
    let summary = project::merge(&mut ours, &theirs, "theirs.ron");
    let merged = &ours.articles[&id].notes;
    assert!(
        merged.starts_with("It is not true that the town fell."),
        "{merged}"
    );
    assert!(
        merged.contains("from theirs.ron:\nthe town fell"),
        "{merged}"
    );
    assert_eq!(summary.notes_combined, 1);
    assert!(summary.to_string().contains("notes"), "{summary}");
    // Merging the same again adds nothing more.
    let before = ours.clone();
    project::merge(&mut ours, &theirs, "theirs.ron");
    assert_eq!(ours, before);
}

#[test]
fn merge_flags_a_claim_deleted_on_one_side_and_edited_on_the_other() {
    let shared = article("shared article");
    let id = shared.id.clone();
    let claim = ClaimId("c1".into());
    let mut base = Project::default();
    base.add_article(shared);
    let mut deleted = base.clone();
    Edit::DeleteClaim {
        article: id.clone(),
        claim: claim.clone(),
    }
    .apply(&mut deleted);
    let mut edited = base.clone();
    Edit::EditClaim {
        article: id.clone(),
        claim: claim.clone(),
        edit: ClaimEdit {
            camp: Some(Camp::Isw),
            ..ClaimEdit::default()
        },
    }
    .apply(&mut edited);

    // Ours edited, theirs deleted: ours applied (not deleted), the conflict shown.
    let mut ours = edited.clone();
    let s = project::merge(&mut ours, &deleted, "theirs.ron");
    assert_eq!(s.conflicts, 1);
    assert!(!ours.articles[&id].deleted_claims.contains(&claim));
    assert!(ours.merge_conflicts[0].what.contains("deleted"));
    assert!(Edit::TakeTheirs(0).apply(&mut ours));
    assert!(ours.articles[&id].deleted_claims.contains(&claim));

    // Ours deleted, theirs edited: still deleted, their edit kept, the conflict shown.
    let mut ours = deleted.clone();
    let s = project::merge(&mut ours, &edited, "theirs.ron");
    assert_eq!(s.conflicts, 1);
    let a = &ours.articles[&id];
    assert!(a.deleted_claims.contains(&claim));
    assert_eq!(a.claim_edits[&claim].camp, Some(Camp::Isw));
    assert!(Edit::TakeTheirs(0).apply(&mut ours));
    assert!(!ours.articles[&id].deleted_claims.contains(&claim));
}

#[test]
fn merge_keeps_a_different_text_under_the_same_id() {
    let ours_article = article("the text as we have it");
    let id = ours_article.id.clone();
    let mut theirs_article = article("the text as they have it");
    theirs_article.id = id.clone();
    theirs_article.notes = "their notes".into();
    let mut ours = Project::default();
    ours.add_article(ours_article);
    let mut theirs = Project::default();
    theirs.articles.insert(id.clone(), theirs_article);
    let s = project::merge(&mut ours, &theirs, "theirs.ron");
    assert_eq!(ours.articles.len(), 2, "both texts are kept");
    assert_eq!(s.texts_differing, 1);
    assert!(
        ours.articles
            .values()
            .any(|a| &*a.raw == "the text as they have it" && a.notes == "their notes")
    );
    assert_eq!(ours.merge_conflicts.len(), 1, "and shown");
    assert!(s.to_string().contains("different text"), "{s}");
    // Merging again does not add a third copy.
    project::merge(&mut ours, &theirs, "theirs.ron");
    assert_eq!(ours.articles.len(), 2);
}
