//! One claim, many outlets: claims that report the same statement — wire copy printed by
//! several outlets, an outlet relaying another's report, a daily bulletin quoted everywhere —
//! are clustered, so the table can show a statement once with its number of outlets and a
//! verdict never counts one source twice.
//!
//! Two claims are one statement when they are of the same camp and either take the same
//! position and share most of their word trigrams (the same sentence, lightly edited), or have the same speaker, the same day,
//! the same position and a place in common (one bulletin retold in other words).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::ClaimRef;
use crate::analysis::Analysis;
use crate::model::{ArticleId, Claim, ClaimId};

type Fx = std::hash::BuildHasherDefault<crate::places::FxHasher>;

/// Which statement each claim belongs to, by its index in the input.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    root: Vec<u32>,
    /// Per root: claims in the statement, distinct articles reporting it.
    size: HashMap<u32, (usize, usize), Fx>,
}

impl Clusters {
    /// The statement of the claim at `i` (a stable id within this clustering).
    pub fn of(&self, i: usize) -> u32 {
        self.root.get(i).copied().unwrap_or(u32::MAX - i as u32)
    }

    /// How many claims report the statement of the claim at `i`.
    pub fn claims_in(&self, i: usize) -> usize {
        self.size.get(&self.of(i)).map_or(1, |s| s.0)
    }

    /// How many distinct articles report the statement of the claim at `i`.
    pub fn articles_in(&self, i: usize) -> usize {
        self.size.get(&self.of(i)).map_or(1, |s| s.1)
    }
}

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        let p = parent[i as usize];
        parent[i as usize] = parent[p as usize];
        i = p;
    }
    i
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi as usize] = lo;
    }
}

/// Word trigrams of a sentence, hashed (lower case, letters and digits only).
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut v: Vec<u64> = words
        .windows(3)
        .map(|w| xxhash_rust::xxh3::xxh3_64(w.join(" ").as_bytes()))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The speaker as one identity for matching: its last word, lower case ("Volodymyr Zelensky"
/// and "Zelensky" are one).
fn speaker_key(c: &Claim) -> Option<String> {
    c.speaker.as_deref().and_then(|s| {
        s.split_whitespace().last().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
    })
}

/// Cluster claims given as (article, claim, the article's day).
pub fn cluster_claims<'a>(
    items: impl Iterator<Item = (&'a ArticleId, &'a Claim, Option<NaiveDate>)>,
) -> Clusters {
    let items: Vec<(&ArticleId, &Claim, Option<NaiveDate>)> = items.collect();
    let n = items.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    // Same sentence: an inverted index of trigrams; common trigrams (boilerplate) are skipped.
    let sh: Vec<Vec<u64>> = items.iter().map(|(_, c, _)| shingles(&c.text)).collect();
    let mut index: HashMap<u64, Vec<u32>, Fx> = HashMap::default();
    for (i, s) in sh.iter().enumerate() {
        for h in s {
            index.entry(*h).or_default().push(i as u32);
        }
    }
    let mut shared: HashMap<u32, u32, Fx> = HashMap::default();
    for (i, s) in sh.iter().enumerate() {
        if s.len() < 3 {
            continue;
        }
        shared.clear();
        for h in s {
            let Some(list) = index.get(h) else { continue };
            if list.len() > 64 {
                continue;
            }
            for &j in list {
                if (j as usize) > i {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        for (&j, &k) in &shared {
            let (ci, cj) = (items[i].1, items[j as usize].1);
            let small = s.len().min(sh[j as usize].len()) as f32;
            if ci.camp == cj.camp && ci.position == cj.position && k as f32 >= 0.6 * small {
                union(&mut parent, i as u32, j);
            }
        }
    }
    // Same bulletin in other words: speaker, day, position and a place in common.
    let mut by_statement: HashMap<(String, NaiveDate, u8, String), u32, Fx> = HashMap::default();
    for (i, (_, c, day)) in items.iter().enumerate() {
        if !c.position.is_position() {
            continue;
        }
        let (Some(sp), Some(d)) = (speaker_key(c), c.date.and_then(|d| d.first_day()).or(*day))
        else {
            continue;
        };
        for pl in &c.places {
            let place = pl.id.clone().unwrap_or_else(|| pl.name.clone());
            let key = (
                format!("{}|{sp}", c.camp.word()),
                d,
                c.position as u8,
                place,
            );
            match by_statement.get(&key) {
                Some(&j) => union(&mut parent, i as u32, j),
                None => {
                    by_statement.insert(key, i as u32);
                }
            }
        }
    }
    let root: Vec<u32> = (0..n as u32).map(|i| find(&mut parent, i)).collect();
    let mut arts: HashMap<u32, Vec<&ArticleId>, Fx> = HashMap::default();
    for (i, r) in root.iter().enumerate() {
        arts.entry(*r).or_default().push(items[i].0);
    }
    let size = arts
        .into_iter()
        .map(|(r, mut a)| {
            let claims = a.len();
            a.sort();
            a.dedup();
            (r, (claims, a.len()))
        })
        .collect();
    Clusters { root, size }
}

/// One statement reported by several claims (wire copy, a relayed report, a retold bulletin).
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Its claims, in the analysis' order.
    pub claims: Vec<ClaimRef>,
    /// Independent sources: distinct outlets, an article without a known outlet counting as
    /// one of its own.
    pub sources: usize,
}

/// The statements of an analysis that more than one claim reports, for the claim table
/// (computed off the UI thread when the analysis changes).
#[derive(Clone, Debug, Default)]
pub struct Statements {
    /// Per article and claim: its statement, only for claims that are not alone.
    of: HashMap<ArticleId, HashMap<ClaimId, u32, Fx>, Fx>,
    statements: HashMap<u32, Statement, Fx>,
}

impl Statements {
    /// The statement the claim belongs to, when other claims report it too.
    pub fn of(&self, article: &ArticleId, claim: &ClaimId) -> Option<u32> {
        self.of.get(article)?.get(claim).copied()
    }

    /// The statements of one article's claims (one look-up of the article for all of them).
    pub fn in_article(&self, article: &ArticleId) -> InArticle<'_> {
        InArticle(self.of.get(article))
    }

    /// The statement with its claims and sources, when other claims report it too.
    pub fn statement_of(&self, article: &ArticleId, claim: &ClaimId) -> Option<&Statement> {
        self.statements.get(&self.of(article, claim)?)
    }

    /// How many statements more than one claim reports.
    pub fn len(&self) -> usize {
        self.statements.len()
    }

    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }
}

/// The statements of one article's claims.
#[derive(Clone, Copy, Debug)]
pub struct InArticle<'a>(Option<&'a HashMap<ClaimId, u32, Fx>>);

impl InArticle<'_> {
    /// The statement the claim belongs to, when other claims report it too.
    pub fn of(&self, claim: &ClaimId) -> Option<u32> {
        self.0?.get(claim).copied()
    }
}

/// Cluster the claims of an analysis (as the comparison does: each claim with its article's
/// day) and keep the statements reported more than once.
pub fn statements(analysis: &Analysis) -> Statements {
    let items: Vec<(&ArticleId, &Claim, Option<NaiveDate>)> = analysis
        .articles
        .iter()
        .flat_map(|(id, a)| {
            let day = a.meta.published.and_then(|d| d.day());
            a.claims.iter().map(move |c| (id, c, day))
        })
        .collect();
    let clusters = cluster_claims(items.iter().copied());
    let mut members: HashMap<u32, Vec<usize>, Fx> = HashMap::default();
    for i in 0..items.len() {
        if clusters.claims_in(i) > 1 {
            members.entry(clusters.of(i)).or_default().push(i);
        }
    }
    let mut out = Statements::default();
    for (id, list) in members {
        let mut outlets: Vec<&str> = Vec::new();
        let mut unnamed: Vec<&ArticleId> = Vec::new();
        for &i in &list {
            let article = items[i].0;
            match analysis.articles[article].meta.outlet.as_deref() {
                Some(o) => outlets.push(o),
                None => unnamed.push(article),
            }
        }
        outlets.sort_unstable();
        outlets.dedup();
        unnamed.sort_unstable();
        unnamed.dedup();
        for &i in &list {
            out.of
                .entry(items[i].0.clone())
                .or_default()
                .insert(items[i].1.id.clone(), id);
        }
        let claims = list
            .iter()
            .map(|&i| ClaimRef {
                article: items[i].0.clone(),
                claim: items[i].1.id.clone(),
            })
            .collect();
        out.statements.insert(
            id,
            Statement {
                claims,
                sources: outlets.len() + unnamed.len(),
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Camp, ClaimId, PartialDate, PlaceRef, Position};

    fn claim(id: &str, camp: Camp, speaker: &str, text: &str) -> Claim {
        Claim {
            id: ClaimId(id.into()),
            text: text.into(),
            speaker: Some(speaker.into()),
            camp,
            date: PartialDate::parse("2025-02-03"),
            ..Claim::default()
        }
    }

    #[test]
    fn wire_copy_and_retold_bulletins_are_one_statement() {
        let (a, b, c) = (
            ArticleId("a".into()),
            ArticleId("b".into()),
            ArticleId("c".into()),
        );
        let wire = "Russian forces captured the village of Novoocheretuvate in Zaporizhzhia region, the defence ministry said on Monday.";
        let edited = "Russian forces have captured the village of Novoocheretuvate in Zaporizhzhia region, the defence ministry said on Monday, without giving details.";
        let other = "Ukrainian forces repelled 14 attacks near Huliaipole over the past day, the General Staff said.";
        let place = PlaceRef {
            name: "Pokrovsk".into(),
            id: Some("p1".into()),
            ..PlaceRef::default()
        };
        let mut mod1 = claim(
            "m1",
            Camp::RussianOfficial,
            "Russian Defence Ministry",
            "Troops liberated Pokrovsk, the ministry said.",
        );
        mod1.position = Position::RussiaHolds;
        mod1.places = vec![place.clone()];
        let mut mod2 = claim(
            "m2",
            Camp::RussianOfficial,
            "the Defence Ministry",
            "The ministry reported the liberation of the city of Pokrovsk by units of the Centre group.",
        );
        mod2.position = Position::RussiaHolds;
        mod2.places = vec![place];
        let claims = [
            claim("w1", Camp::RussianOfficial, "defence ministry", wire),
            claim("w2", Camp::RussianOfficial, "defence ministry", edited),
            claim("o", Camp::UkrainianOfficial, "General Staff", other),
            mod1,
            mod2,
        ];
        let arts = [&a, &b, &c, &a, &b];
        let cl = cluster_claims(claims.iter().zip(arts).map(|(c, a)| (a, c, None)));
        assert_eq!(cl.of(0), cl.of(1), "wire copy");
        assert_ne!(cl.of(0), cl.of(2));
        assert_eq!(cl.articles_in(0), 2);
        assert_eq!(cl.of(3), cl.of(4), "one bulletin retold");
        assert_eq!(cl.claims_in(2), 1);
    }
}
