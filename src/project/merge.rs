//! Merging two researchers' projects: the union by ids, nothing dropped silently.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Article, ArticleId, ClaimId, ConflictKey, MergeConflict, Project};

/// What a merge did, for the user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub articles_ours: usize,
    pub articles_added: usize,
    pub articles_shared: usize,
    pub edits_taken: usize,
    pub conflicts: usize,
    /// Articles that both projects have under one id but with different text: the other
    /// version is added as an article of its own.
    pub texts_differing: usize,
    /// Articles whose notes differed: both are kept, the other's appended.
    pub notes_combined: usize,
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
        )?;
        if self.texts_differing > 0 {
            write!(
                f,
                "; {} articles had a different text under the same id, the other version added beside yours",
                self.texts_differing
            )?;
        }
        if self.notes_combined > 0 {
            write!(
                f,
                "; {} articles' differing notes kept from both",
                self.notes_combined
            )?;
        }
        Ok(())
    }
}

/// The start of a long text, for showing in a conflict.
fn excerpt(text: &str) -> String {
    const CHARS: usize = 200;
    match text.char_indices().nth(CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
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
    // Before the edits are merged, so that ours are told from theirs.
    merge_deletions(ours, theirs, from, s, c);
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
    merge_notes(ours, theirs, from, s);
}

/// A claim deleted on one side and edited on the other is a conflict: ours is applied, the
/// edit is kept either way, and the user can take the other side's choice.
fn merge_deletions(
    ours: &mut Article,
    theirs: &Article,
    from: &str,
    s: &mut MergeSummary,
    c: &mut Vec<MergeConflict>,
) {
    let id = ours.id.clone();
    let mut conflict = |claim: &ClaimId, ours_deleted: bool| {
        c.push(MergeConflict {
            article: Some(id.clone()),
            key: Some(ConflictKey::ClaimDeleted(claim.clone())),
            what: format!("claim {claim} deleted on one side and edited on the other"),
            ours: ron_of(&ours_deleted),
            theirs: ron_of(&!ours_deleted),
            from: from.to_owned(),
        });
        s.conflicts += 1;
    };
    for d in &theirs.deleted_claims {
        if ours.deleted_claims.contains(d) {
            continue;
        }
        if ours.claim_edits.contains_key(d) {
            conflict(d, false);
        } else {
            ours.deleted_claims.insert(d.clone());
            s.edits_taken += 1;
        }
    }
    for d in &ours.deleted_claims {
        if !theirs.deleted_claims.contains(d) && theirs.claim_edits.contains_key(d) {
            conflict(d, true);
        }
    }
}

/// Differing notes are both kept: the other's appended under a line naming where it came
/// from (unless exactly that block is already there from an earlier merge).
fn merge_notes(ours: &mut Article, theirs: &Article, from: &str, s: &mut MergeSummary) {
    if ours.notes == theirs.notes || theirs.notes.is_empty() {
        return;
    }
    if ours.notes.is_empty() {
        ours.notes.clone_from(&theirs.notes);
        s.edits_taken += 1;
        return;
    }
    let block = format!("\n\n— from {from}:\n{}", theirs.notes);
    if !ours.notes.ends_with(&block) && !ours.notes.contains(&format!("{block}\n")) {
        ours.notes.push_str(&block);
        s.notes_combined += 1;
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
        let into = match ours.articles.get(id) {
            None => {
                ours.articles.insert(id.clone(), ta.clone());
                s.articles_added += 1;
                continue;
            }
            Some(oa) if oa.raw == ta.raw => id.clone(),
            Some(oa) => {
                let content_id = ArticleId::from_raw(&ta.raw);
                if ours
                    .articles
                    .get(&content_id)
                    .is_some_and(|a| a.raw == ta.raw)
                {
                    // Added beside ours by an earlier merge.
                    content_id
                } else {
                    // One id, two texts (a hand edit, another tool): keep the other text as an
                    // article of its own, and say so.
                    let mut other = ta.clone();
                    other.id = super::spare_id(ours, &ta.raw);
                    conflicts.push(MergeConflict {
                        article: Some(id.clone()),
                        key: None,
                        what: format!(
                            "the article text differs; the other version was added as article {}",
                            other.id
                        ),
                        ours: ron_of(&excerpt(&oa.raw)),
                        theirs: ron_of(&excerpt(&ta.raw)),
                        from: from.to_owned(),
                    });
                    s.texts_differing += 1;
                    s.articles_added += 1;
                    ours.articles.insert(other.id.clone(), other);
                    continue;
                }
            }
        };
        s.articles_shared += 1;
        if let Some(oa) = ours.articles.get_mut(&into) {
            merge_article(oa, ta, from, &mut s, &mut conflicts);
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
