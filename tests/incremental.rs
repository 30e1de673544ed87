//! Incremental, parallel and streamed analysis: the cached result after any edit equals a
//! fresh analysis, an edit recomputes only the articles it touches, one core and all cores
//! agree, a cancelled run resumes, and the streamed JSON is the document's bytes.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::sync::Arc;
use std::sync::atomic::Ordering;

use crosscheck::analysis::{Analysis, Cache, Control, analyze_project};
use crosscheck::model::{Camp, ClaimEdit, Edit, LineDecision, MetaField, Patch, Project};

fn project() -> Project {
    crosscheck::synth::project(300, 11)
}

/// Everything an analysis shows of each article, in a comparable form.
fn shown(an: &Analysis) -> Vec<String> {
    an.articles
        .iter()
        .map(|(id, a)| {
            let kinds: Vec<_> = a
                .classes
                .iter()
                .map(|c| (c.kind, c.reason.clone()))
                .collect();
            format!(
                "{id} {:?} {:?} {:?} {:?} {:?} {:?}",
                a.kept, a.meta, a.warnings, a.claims, a.near_duplicates, kinds
            )
        })
        .collect()
}

fn run(cache: &mut Cache, p: &Project) -> (Analysis, usize) {
    let mut fresh = 0;
    let an = cache.analyze(p, &Control::default(), |b| fresh += b.len());
    (an, fresh)
}

#[test]
fn cached_analysis_after_edits_equals_a_fresh_one() {
    let mut p = project();
    let mut cache = Cache::default();
    let (first, fresh) = run(&mut cache, &p);
    assert_eq!(
        fresh,
        p.articles.len(),
        "the first run computes every article"
    );
    assert_eq!(shown(&first), shown(&analyze_project(&p)));
    assert!(first.claim_count() > 1000, "{}", first.claim_count());

    let ids: Vec<_> = p.articles.keys().cloned().collect();
    let claim = first.articles[&ids[3]].claims[0].id.clone();
    let extra = crosscheck::synth::project(310, 11)
        .articles
        .into_values()
        .filter(|a| !p.articles.contains_key(&a.id))
        .collect::<Vec<_>>();
    assert!(!extra.is_empty());
    let edits = vec![
        Edit::EditClaim {
            article: ids[3].clone(),
            claim,
            edit: ClaimEdit {
                camp: Some(Camp::Isw),
                ..ClaimEdit::default()
            },
        },
        Edit::SetLine {
            article: ids[5].clone(),
            line: 1,
            decision: Some(LineDecision::Keep),
        },
        // Another outlet: its furniture and the old outlet's are learned again.
        Edit::SetMeta {
            article: ids[7].clone(),
            field: MetaField::Outlet,
            value: Some("Rybar".into()),
        },
        Edit::SetMeta {
            article: ids[9].clone(),
            field: MetaField::Published,
            value: Some("2025-02-03".into()),
        },
        Edit::SetCampOverride {
            claimant: "Rybar".into(),
            camp: Some(Camp::Media),
        },
        Edit::RemoveArticle(ids[11].clone()),
        Edit::AddArticles(extra),
    ];
    for e in edits {
        let what = format!("{e:?}").chars().take(60).collect::<String>();
        assert!(e.apply(&mut p), "{what}");
        let (an, _) = run(&mut cache, &p);
        assert_eq!(shown(&an), shown(&analyze_project(&p)), "after {what}");
    }
}

#[test]
fn an_edit_recomputes_only_the_article_it_touches() {
    let mut p = project();
    let mut cache = Cache::default();
    let (before, _) = run(&mut cache, &p);
    let (id, an) = before
        .articles
        .iter()
        .find(|(_, a)| !a.claims.is_empty())
        .unwrap();
    let edit = Edit::EditClaim {
        article: id.clone(),
        claim: an.claims[0].id.clone(),
        edit: ClaimEdit {
            hedged: Some(!an.claims[0].hedged),
            ..ClaimEdit::default()
        },
    };
    let touched = edit.touches(&p);
    assert!(edit.apply(&mut p));
    let (after, fresh) = run(&mut cache, &p);
    assert_eq!(fresh, 1, "only the edited article is analysed again");
    for (k, a) in &after.articles {
        let same = Arc::ptr_eq(a, &before.articles[k]);
        assert_eq!(!same, touched.articles.contains(k), "{k}");
    }
    assert_eq!(after.articles[id].claims[0].hedged, !an.claims[0].hedged);

    // Nothing changed: nothing is analysed again.
    let (_, fresh) = run(&mut cache, &p);
    assert_eq!(fresh, 0);
}

#[test]
fn undo_brings_back_the_cached_results() {
    let mut p = project();
    let mut cache = Cache::default();
    let (before, _) = run(&mut cache, &p);
    let id = p.articles.keys().nth(4).cloned().unwrap();
    let e = Edit::SetLine {
        article: id.clone(),
        line: 2,
        decision: Some(LineDecision::Remove),
    };
    let patch = Patch::capture(&p, &e.touches(&p));
    assert!(e.apply(&mut p));
    let (edited, fresh) = run(&mut cache, &p);
    assert_eq!(fresh, 1);
    assert!(!edited.articles[&id].kept[1]);
    let _redo = patch.restore(&mut p);
    let (undone, fresh) = run(&mut cache, &p);
    assert_eq!(fresh, 1);
    assert_eq!(shown(&undone), shown(&before));
}

#[test]
fn one_core_and_all_cores_agree() {
    let p = project();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let one = pool.install(|| analyze_project(&p));
    assert_eq!(shown(&one), shown(&analyze_project(&p)));
}

#[test]
fn a_cancelled_run_stops_and_the_next_one_finishes_it() {
    // More articles than one streamed batch holds.
    let p = crosscheck::synth::project(1100, 5);
    let mut cache = Cache::default();
    let control = Control::default();
    let mut seen = 0;
    let partial = cache.analyze(&p, &control, |b| {
        seen += b.len();
        // Cancel after the first streamed batch.
        control.cancel.store(true, Ordering::Relaxed);
    });
    assert!(seen > 0 && seen < p.articles.len(), "{seen}");
    assert_eq!(partial.articles.len(), seen);
    assert!(control.fraction() < 1.0);
    let (whole, fresh) = run(&mut cache, &p);
    assert_eq!(fresh, p.articles.len() - seen, "finished work is kept");
    assert_eq!(shown(&whole), shown(&analyze_project(&p)));
}

#[test]
fn streamed_json_is_the_documents_bytes() {
    let p = crosscheck::synth::project(40, 3);
    let an = analyze_project(&p);
    let cmp = crosscheck::compare::compare_project(&p, &an, &Default::default());
    let files: Vec<_> = p
        .articles
        .values()
        .map(|a| (a.source.file_name.clone(), vec![a.id.clone()]))
        .collect();
    let whole = serde_json::to_vec_pretty(&crosscheck::export::analyze_json(&p, &an, &files, &cmp))
        .unwrap();
    let mut streamed = Vec::new();
    crosscheck::export::write_analyze_json(&mut streamed, &p, &an, &files, &cmp).unwrap();
    assert_eq!(
        String::from_utf8(streamed).unwrap(),
        String::from_utf8(whole).unwrap()
    );
    assert!(!cmp.is_empty());
}
