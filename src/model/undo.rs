//! Undo by patches: what an edit touches, saved before it, and put back to undo it. A step
//! costs what the edit touched (one article, a few maps), never a copy of the whole project.

use std::collections::{BTreeMap, BTreeSet};

use super::{Article, ArticleId, Camp, Edit, MergeConflict, Project, VerdictOverride};

/// The parts of a project an edit may change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touches {
    pub articles: BTreeSet<ArticleId>,
    pub camp_overrides: bool,
    pub verdict_overrides: bool,
    pub merge_conflicts: bool,
}

impl Touches {
    fn article(id: &ArticleId) -> Self {
        Self {
            articles: BTreeSet::from([id.clone()]),
            ..Self::default()
        }
    }

    /// Everything a merge of `theirs` into a project may change: the articles they share or
    /// it adds, and every project-wide map.
    pub fn merge_of(theirs: &Project) -> Self {
        Self {
            articles: theirs.articles.keys().cloned().collect(),
            camp_overrides: true,
            verdict_overrides: true,
            merge_conflicts: true,
        }
    }
}

impl Edit {
    /// What applying this edit to `p` may change (for undo, and for what to analyse again).
    pub fn touches(&self, p: &Project) -> Touches {
        match self {
            Edit::AddArticles(list) => Touches {
                articles: list.iter().map(|a| a.id.clone()).collect(),
                ..Touches::default()
            },
            Edit::RemoveArticle(article)
            | Edit::SetMeta { article, .. }
            | Edit::SetLine { article, .. }
            | Edit::EditClaim { article, .. }
            | Edit::AddClaim { article, .. }
            | Edit::DeleteClaim { article, .. }
            | Edit::SetNotes { article, .. } => Touches::article(article),
            Edit::SetCampOverride { .. } => Touches {
                camp_overrides: true,
                ..Touches::default()
            },
            Edit::SetVerdict { .. } => Touches {
                verdict_overrides: true,
                ..Touches::default()
            },
            Edit::DismissConflict(_) => Touches {
                merge_conflicts: true,
                ..Touches::default()
            },
            Edit::TakeTheirs(i) => Touches {
                articles: p
                    .merge_conflicts
                    .get(*i)
                    .and_then(|c| c.article.clone())
                    .into_iter()
                    .collect(),
                camp_overrides: true,
                verdict_overrides: true,
                merge_conflicts: true,
            },
        }
    }
}

/// The state of some parts of a project. Restoring it puts those parts back and returns the
/// patch that restores what they were just before (undo gives redo, redo gives undo).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patch {
    /// Each touched article as it was; `None`: it was not in the project.
    articles: Vec<(ArticleId, Option<Article>)>,
    camp_overrides: Option<BTreeMap<String, Camp>>,
    verdict_overrides: Option<BTreeMap<String, VerdictOverride>>,
    merge_conflicts: Option<Vec<MergeConflict>>,
    extra: Option<BTreeMap<String, String>>,
}

impl Patch {
    /// Save the parts of `p` that `t` names.
    pub fn capture(p: &Project, t: &Touches) -> Self {
        Self {
            articles: t
                .articles
                .iter()
                .map(|id| (id.clone(), p.articles.get(id).cloned()))
                .collect(),
            camp_overrides: t.camp_overrides.then(|| p.camp_overrides.clone()),
            verdict_overrides: t.verdict_overrides.then(|| p.verdict_overrides.clone()),
            merge_conflicts: t.merge_conflicts.then(|| p.merge_conflicts.clone()),
            extra: None,
        }
    }

    /// The patch that brings back `old` after it was replaced by `new` as a whole (a
    /// recovered file): the old articles are moved in, not copied.
    pub fn replaced(old: Project, new: &Project) -> Self {
        let mut articles: Vec<(ArticleId, Option<Article>)> = new
            .articles
            .keys()
            .filter(|id| !old.articles.contains_key(*id))
            .map(|id| (id.clone(), None))
            .collect();
        articles.extend(old.articles.into_iter().map(|(id, a)| (id, Some(a))));
        Self {
            articles,
            camp_overrides: Some(old.camp_overrides),
            verdict_overrides: Some(old.verdict_overrides),
            merge_conflicts: Some(old.merge_conflicts),
            extra: Some(old.extra),
        }
    }

    /// The articles this patch puts back (or removes).
    pub fn article_ids(&self) -> impl Iterator<Item = &ArticleId> {
        self.articles.iter().map(|(id, _)| id)
    }

    /// Put the saved parts back into `p`; returns the patch that undoes this.
    pub fn restore(self, p: &mut Project) -> Patch {
        let articles = self
            .articles
            .into_iter()
            .map(|(id, saved)| {
                let now = match saved {
                    Some(a) => p.articles.insert(id.clone(), a),
                    None => p.articles.remove(&id),
                };
                (id, now)
            })
            .collect();
        Patch {
            articles,
            camp_overrides: self
                .camp_overrides
                .map(|v| std::mem::replace(&mut p.camp_overrides, v)),
            verdict_overrides: self
                .verdict_overrides
                .map(|v| std::mem::replace(&mut p.verdict_overrides, v)),
            merge_conflicts: self
                .merge_conflicts
                .map(|v| std::mem::replace(&mut p.merge_conflicts, v)),
            extra: self.extra.map(|v| std::mem::replace(&mut p.extra, v)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimEdit, ClaimId, Meta, MetaField, Source};

    fn project(n: usize) -> Project {
        let mut p = Project::default();
        for i in 0..n {
            p.add_article(Article::new(
                format!("Article {i}\nbody"),
                Source::default(),
                Meta::default(),
            ));
        }
        p
    }

    /// Apply each edit with a patch, then undo all and redo all: the project goes back and
    /// forth exactly.
    #[test]
    fn undo_and_redo_every_kind_of_edit() {
        let mut p = project(3);
        let ids: Vec<ArticleId> = p.articles.keys().cloned().collect();
        let added = Article::new("New one", Source::default(), Meta::default());
        let edits = vec![
            Edit::SetMeta {
                article: ids[0].clone(),
                field: MetaField::Title,
                value: Some("A title".into()),
            },
            Edit::AddArticles(vec![added]),
            Edit::RemoveArticle(ids[1].clone()),
            Edit::EditClaim {
                article: ids[2].clone(),
                claim: ClaimId("c1".into()),
                edit: ClaimEdit {
                    camp: Some(Camp::Isw),
                    ..ClaimEdit::default()
                },
            },
            Edit::SetCampOverride {
                claimant: "Rybar".into(),
                camp: Some(Camp::RussianMilblogger),
            },
            Edit::SetVerdict {
                group: "g".into(),
                verdict: Some(VerdictOverride {
                    verdict: "agree".into(),
                    ..VerdictOverride::default()
                }),
            },
            Edit::SetNotes {
                article: ids[0].clone(),
                notes: "checked".into(),
            },
        ];
        let mut states = vec![p.clone()];
        let mut undo = Vec::new();
        for e in edits {
            let patch = Patch::capture(&p, &e.touches(&p));
            assert!(e.apply(&mut p));
            undo.push(patch);
            states.push(p.clone());
        }
        let mut redo = Vec::new();
        for k in (0..undo.len()).rev() {
            let patch = undo.pop().unwrap_or_else(|| unreachable!());
            redo.push(patch.restore(&mut p));
            assert_eq!(p, states[k], "after undoing step {k}");
        }
        for (k, state) in states.iter().enumerate().skip(1) {
            let patch = redo.pop().unwrap_or_else(|| unreachable!());
            undo.push(patch.restore(&mut p));
            assert_eq!(&p, state, "after redoing step {k}");
        }
    }

    #[test]
    fn a_step_holds_only_what_it_touched() {
        let p = project(1000);
        let id = p.articles.keys().nth(500).cloned().unwrap_or_default();
        let e = Edit::SetNotes {
            article: id.clone(),
            notes: "x".into(),
        };
        let patch = Patch::capture(&p, &e.touches(&p));
        assert_eq!(patch.article_ids().collect::<Vec<_>>(), vec![&id]);
        assert!(patch.camp_overrides.is_none() && patch.merge_conflicts.is_none());
    }

    #[test]
    fn replacing_the_whole_project_is_undone() {
        let old = project(3);
        let mut p = project(5);
        p.camp_overrides.insert("x".into(), Camp::Isw);
        let new = p.clone();
        let patch = Patch::replaced(old.clone(), &p);
        let redo = patch.restore(&mut p);
        assert_eq!(p, old);
        redo.restore(&mut p);
        assert_eq!(p, new);
    }
}
