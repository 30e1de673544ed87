//! Merging two researchers' projects: the union by ids, nothing dropped silently.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Article, ArticleId, ConflictKey, MergeConflict, Project};

/// What a merge did, for the user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub articles_ours: usize,
    pub articles_added: usize,
    pub articles_shared: usize,
    pub edits_taken: usize,
    pub conflicts: usize,
}

impl std::fmt::Display for MergeSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} articles kept, {} added from the other project, {} in both; {} edits taken over; {} conflicting edits kept in both versions and flagged",
            self.articles_ours,
            self.articles_added,
            self.articles_shared,
            self.edits_taken,
            self.conflicts
        )
    }
}

fn ron_of<T: Serialize>(v: &T) -> String {
    ron::to_string(v).unwrap_or_else(|e| format!("<unprintable: {e}>"))
}

/// Merge maps key by key: missing keys are taken, equal values kept, differing values keep
/// ours and record a conflict.
fn merge_map<K: Ord + Clone + Serialize, V: Clone + PartialEq + Serialize>(
    ours: &mut BTreeMap<K, V>,
    theirs: &BTreeMap<K, V>,
    article: Option<&ArticleId>,
    describe: impl Fn(&K) -> (String, ConflictKey),
    from: &str,
    s: &mut MergeSummary,
    conflicts: &mut Vec<MergeConflict>,
) {
    for (k, tv) in theirs {
        match ours.get(k) {
            None => {
                ours.insert(k.clone(), tv.clone());
                s.edits_taken += 1;
            }
            Some(ov) if ov == tv => {}
            Some(ov) => {
                let (what, key) = describe(k);
                conflicts.push(MergeConflict {
                    article: article.cloned(),
                    key: Some(key),
                    what,
                    ours: ron_of(ov),
                    theirs: ron_of(tv),
                    from: from.to_owned(),
                });
                s.conflicts += 1;
            }
        }
    }
}

fn merge_article(
    ours: &mut Article,
    theirs: &Article,
    from: &str,
    s: &mut MergeSummary,
    c: &mut Vec<MergeConflict>,
) {
    let id = ours.id.clone();
    // Metadata field by field.
    let mut om = BTreeMap::new();
    let mut tm = BTreeMap::new();
    for f in crate::model::MetaField::ALL {
        if let Some(v) = ours.meta_edits.get(f) {
            om.insert(f, v);
        }
        if let Some(v) = theirs.meta_edits.get(f) {
            tm.insert(f, v);
        }
    }
    let before = om.clone();
    merge_map(
        &mut om,
        &tm,
        Some(&id),
        |f| {
            (
                format!("{} of the article", f.label().to_lowercase()),
                ConflictKey::Meta(*f),
            )
        },
        from,
        s,
        c,
    );
    for (f, v) in om {
        if before.get(&f) != Some(&v) {
            ours.meta_edits.set(f, Some(v));
        }
    }
    merge_map(
        &mut ours.line_decisions,
        &theirs.line_decisions,
        Some(&id),
        |l| (format!("line {l} kept or removed"), ConflictKey::Line(*l)),
        from,
        s,
        c,
    );
    merge_map(
        &mut ours.claim_edits,
        &theirs.claim_edits,
        Some(&id),
        |k| {
            (
                format!("edit of claim {k}"),
                ConflictKey::ClaimEdit(k.clone()),
            )
        },
        from,
        s,
        c,
    );
    for uc in &theirs.user_claims {
        match ours.user_claims.iter().find(|o| o.id == uc.id) {
            None => {
                ours.user_claims.push(uc.clone());
                s.edits_taken += 1;
            }
            Some(o) if o == uc => {}
            Some(o) => {
                c.push(MergeConflict {
                    article: Some(id.clone()),
                    key: Some(ConflictKey::UserClaim(uc.id.clone())),
                    what: format!("hand-added claim {}", uc.id),
                    ours: ron_of(o),
                    theirs: ron_of(uc),
                    from: from.to_owned(),
                });
                s.conflicts += 1;
            }
        }
    }
    for d in &theirs.deleted_claims {
        if ours.deleted_claims.insert(d.clone()) {
            s.edits_taken += 1;
        }
    }
    if ours.notes != theirs.notes && !theirs.notes.is_empty() {
        if ours.notes.is_empty() {
            ours.notes.clone_from(&theirs.notes);
            s.edits_taken += 1;
        } else if !ours.notes.contains(theirs.notes.as_str()) {
            let _ = write!(ours.notes, "\n\n— from {from}:\n{}", theirs.notes);
            s.edits_taken += 1;
        }
    }
}

/// Merge `theirs` into `ours`. `from` names the other project in conflict records.
pub fn merge(ours: &mut Project, theirs: &Project, from: &str) -> MergeSummary {
    let mut s = MergeSummary {
        articles_ours: ours.articles.len(),
        ..MergeSummary::default()
    };
    let mut conflicts = Vec::new();
    for (id, ta) in &theirs.articles {
        match ours.articles.get_mut(id) {
            None => {
                ours.articles.insert(id.clone(), ta.clone());
                s.articles_added += 1;
            }
            Some(oa) => {
                s.articles_shared += 1;
                merge_article(oa, ta, from, &mut s, &mut conflicts);
            }
        }
    }
    merge_map(
        &mut ours.camp_overrides,
        &theirs.camp_overrides,
        None,
        |k| (format!("camp of {k}"), ConflictKey::CampOverride(k.clone())),
        from,
        &mut s,
        &mut conflicts,
    );
    merge_map(
        &mut ours.verdict_overrides,
        &theirs.verdict_overrides,
        None,
        |k| (format!("verdict of {k}"), ConflictKey::Verdict(k.clone())),
        from,
        &mut s,
        &mut conflicts,
    );
    for c in &theirs.merge_conflicts {
        if !ours.merge_conflicts.contains(c) {
            ours.merge_conflicts.push(c.clone());
        }
    }
    for c in conflicts {
        if !ours.merge_conflicts.contains(&c) {
            ours.merge_conflicts.push(c);
        }
    }
    s
}
