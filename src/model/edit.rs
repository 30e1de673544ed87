//! Every change a user can make to a project, applied in one place.

use super::{
    Article, ArticleId, Camp, Claim, ClaimEdit, ClaimId, ConflictKey, LineDecision, MergeConflict,
    MetaField, Project, VerdictOverride,
};

/// One user edit. The app records undo around `apply`; nothing else mutates a project.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add imported articles (duplicates by id are skipped).
    AddArticles(Vec<Article>),
    RemoveArticle(ArticleId),
    /// Set (or clear with `None`) one metadata field. An empty string clears.
    SetMeta {
        article: ArticleId,
        field: MetaField,
        value: Option<String>,
    },
    /// Decide a raw line (`None` returns it to the cleaner's choice).
    SetLine {
        article: ArticleId,
        line: u32,
        decision: Option<LineDecision>,
    },
    /// Change fields of an extracted or user claim.
    EditClaim {
        article: ArticleId,
        claim: ClaimId,
        edit: ClaimEdit,
    },
    AddClaim {
        article: ArticleId,
        claim: Claim,
    },
    DeleteClaim {
        article: ArticleId,
        claim: ClaimId,
    },
    /// Put the claimant in a camp for the whole project.
    SetCampOverride {
        claimant: String,
        camp: Option<Camp>,
    },
    SetVerdict {
        group: String,
        verdict: Option<VerdictOverride>,
    },
    /// The user settled a merge conflict (by index): keep ours, or take the other side's value.
    DismissConflict(usize),
    TakeTheirs(usize),
    SetNotes {
        article: ArticleId,
        notes: String,
    },
}

impl Edit {
    /// Apply to the project. Returns false when the edit changed nothing (unknown article, ...).
    pub fn apply(self, p: &mut Project) -> bool {
        match self {
            Edit::AddArticles(list) => {
                let mut any = false;
                for a in list {
                    any |= p.add_article(a);
                }
                any
            }
            Edit::RemoveArticle(id) => p.articles.remove(&id).is_some(),
            Edit::SetMeta {
                article,
                field,
                value,
            } => {
                let Some(a) = p.articles.get_mut(&article) else {
                    return false;
                };
                let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
                a.meta_edits.set(field, value)
            }
            Edit::SetLine {
                article,
                line,
                decision,
            } => {
                let Some(a) = p.articles.get_mut(&article) else {
                    return false;
                };
                match decision {
                    Some(d) => a.line_decisions.insert(line, d) != Some(d),
                    None => a.line_decisions.remove(&line).is_some(),
                }
            }
            Edit::EditClaim {
                article,
                claim,
                edit,
            } => {
                let Some(a) = p.articles.get_mut(&article) else {
                    return false;
                };
                if let Some(uc) = a.user_claims.iter_mut().find(|c| c.id == claim) {
                    edit.apply(uc);
                    return true;
                }
                a.claim_edits.entry(claim).or_default().merge_from(&edit);
                true
            }
            Edit::AddClaim { article, claim } => {
                let Some(a) = p.articles.get_mut(&article) else {
                    return false;
                };
                if a.user_claims.iter().any(|c| c.id == claim.id) {
                    return false;
                }
                a.user_claims.push(claim);
                true
            }
            Edit::DeleteClaim { article, claim } => {
                let Some(a) = p.articles.get_mut(&article) else {
                    return false;
                };
                let before = a.user_claims.len();
                a.user_claims.retain(|c| c.id != claim);
                if a.user_claims.len() != before {
                    return true;
                }
                a.deleted_claims.insert(claim)
            }
            Edit::SetCampOverride { claimant, camp } => {
                let key = claimant.trim().to_lowercase();
                match camp {
                    Some(c) => p.camp_overrides.insert(key, c) != Some(c),
                    None => p.camp_overrides.remove(&key).is_some(),
                }
            }
            Edit::SetVerdict { group, verdict } => match verdict {
                Some(v) => p.verdict_overrides.insert(group, v.clone()) != Some(v),
                None => p.verdict_overrides.remove(&group).is_some(),
            },
            Edit::DismissConflict(i) => {
                if i < p.merge_conflicts.len() {
                    p.merge_conflicts.remove(i);
                    true
                } else {
                    false
                }
            }
            Edit::TakeTheirs(i) => {
                let Some(c) = p.merge_conflicts.get(i).cloned() else {
                    return false;
                };
                if !take_theirs(p, &c) {
                    return false;
                }
                p.merge_conflicts.remove(i);
                true
            }
            Edit::SetNotes { article, notes } => {
                let Some(a) = p.articles.get_mut(&article) else {
                    return false;
                };
                if a.notes == notes {
                    return false;
                }
                a.notes = notes;
                true
            }
        }
    }
}

/// Apply the other side's value of a merge conflict. False when it cannot be read back.
fn take_theirs(p: &mut Project, c: &MergeConflict) -> bool {
    let Some(key) = &c.key else { return false };
    let article = c.article.as_ref().and_then(|id| p.articles.get_mut(id));
    match (key, article) {
        (ConflictKey::Meta(f), Some(a)) => match ron::from_str::<String>(&c.theirs) {
            Ok(v) => {
                a.meta_edits.set(*f, Some(v));
                true
            }
            Err(_) => false,
        },
        (ConflictKey::Line(l), Some(a)) => ron::from_str::<LineDecision>(&c.theirs)
            .map(|d| a.line_decisions.insert(*l, d))
            .is_ok(),
        (ConflictKey::ClaimEdit(id), Some(a)) => ron::from_str::<ClaimEdit>(&c.theirs)
            .map(|e| a.claim_edits.insert(id.clone(), e))
            .is_ok(),
        (ConflictKey::UserClaim(id), Some(a)) => match ron::from_str::<Claim>(&c.theirs) {
            Ok(claim) => {
                a.user_claims.retain(|x| &x.id != id);
                a.user_claims.push(claim);
                true
            }
            Err(_) => false,
        },
        (ConflictKey::ClaimDeleted(id), Some(a)) => match ron::from_str::<bool>(&c.theirs) {
            Ok(true) => {
                a.deleted_claims.insert(id.clone());
                true
            }
            Ok(false) => {
                a.deleted_claims.remove(id);
                true
            }
            Err(_) => false,
        },
        (ConflictKey::CampOverride(k), _) => ron::from_str::<Camp>(&c.theirs)
            .map(|v| p.camp_overrides.insert(k.clone(), v))
            .is_ok(),
        (ConflictKey::Verdict(k), _) => ron::from_str::<VerdictOverride>(&c.theirs)
            .map(|v| p.verdict_overrides.insert(k.clone(), v))
            .is_ok(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meta, PartialDate, Source};

    fn project() -> (Project, ArticleId) {
        let mut p = Project::default();
        let a = Article::new("Hello\nworld", Source::default(), Meta::default());
        let id = a.id.clone();
        p.add_article(a);
        (p, id)
    }

    #[test]
    fn same_text_is_one_article() {
        let (mut p, _) = project();
        let again = Article::new("Hello\nworld", Source::default(), Meta::default());
        assert!(!Edit::AddArticles(vec![again]).apply(&mut p));
        assert_eq!(p.articles.len(), 1);
    }

    #[test]
    fn meta_edit_sets_and_clears() {
        let (mut p, id) = project();
        let set = |v: Option<&str>| Edit::SetMeta {
            article: id.clone(),
            field: MetaField::Published,
            value: v.map(str::to_owned),
        };
        assert!(set(Some("2025-01-24")).apply(&mut p));
        assert!(!set(Some("not a date")).apply(&mut p));
        assert_eq!(
            p.articles[&id].meta_edits.published,
            PartialDate::parse("2025-01-24")
        );
        assert!(set(None).apply(&mut p));
        assert_eq!(p.articles[&id].meta_edits.published, None);
    }

    #[test]
    fn deleting_user_claim_removes_it_and_extracted_is_remembered() {
        let (mut p, id) = project();
        let c = Claim {
            id: ClaimId::user(&id, 0, 5),
            text: "Hello".into(),
            ..Claim::default()
        };
        Edit::AddClaim {
            article: id.clone(),
            claim: c.clone(),
        }
        .apply(&mut p);
        assert!(
            Edit::DeleteClaim {
                article: id.clone(),
                claim: c.id.clone()
            }
            .apply(&mut p)
        );
        assert!(p.articles[&id].user_claims.is_empty());
        let extracted = ClaimId::derive(&id, "world", 0);
        Edit::DeleteClaim {
            article: id.clone(),
            claim: extracted.clone(),
        }
        .apply(&mut p);
        assert!(p.articles[&id].deleted_claims.contains(&extracted));
    }
}
