//! Analysis of a whole project: cleaning with per-outlet learning, metadata, near-duplicates,
//! claims and comparison, with the user's edits applied on top of what is computed.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::clean::{self, Document, Furniture, LineClass, LineKind};
use crate::model::{Article, ArticleId, Claim, Format, LineDecision, Meta, PartialDate, Project};

/// What the analysis found for one article, edits applied.
#[derive(Clone, Debug)]
pub struct ArticleAnalysis {
    pub doc: Document,
    /// The cleaner's verdict per document line (before the user's flips).
    pub classes: Vec<LineClass>,
    /// Whether each document line is kept, after the user's flips.
    pub kept: Vec<bool>,
    /// Metadata as shown: detected, then the importer's, then the user's edits.
    pub meta: Meta,
    /// What the user should know about the import and the metadata (a malformed header, a
    /// header date the page contradicts).
    pub warnings: Vec<String>,
    /// Claims as shown: extracted with edits applied, deletions removed, hand-added included.
    pub claims: Vec<Claim>,
    /// Articles telling the same story (syndicated or rewritten).
    pub near_duplicates: Vec<ArticleId>,
}

impl ArticleAnalysis {
    /// The cleaned text: kept lines in order.
    pub fn cleaned_lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.doc
            .lines
            .iter()
            .enumerate()
            .filter(|(i, _)| self.kept[*i])
            .map(|(i, l)| (i, self.doc.line_text(l)))
    }
}

/// The analysis of a project.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub articles: BTreeMap<ArticleId, ArticleAnalysis>,
}

impl Analysis {
    /// How many claims all articles hold together.
    pub fn claim_count(&self) -> usize {
        self.articles.values().map(|a| a.claims.len()).sum()
    }
}

/// First pass for one article: document, classes without learning, outlet.
fn first_pass(a: &Article) -> (Document, Vec<LineClass>, Meta) {
    let mut doc = Document::build(&a.raw, a.source.format);
    if a.source.line > 0 {
        if a.source.format == Format::Json {
            // One record of a file: its lines count from the record's first line in the file.
            for l in &mut doc.lines {
                l.src_line = l.src_line.saturating_add(a.source.line - 1);
            }
        } else {
            // One message of a file: its lines point to the message in the file.
            for l in &mut doc.lines {
                l.src_line = a.source.line;
            }
        }
    }
    let classes = clean::classify(&doc, &Furniture::default());
    let meta = effective_meta(a, &doc, &classes);
    (doc, classes, meta)
}

fn effective_meta(a: &Article, doc: &Document, classes: &[LineClass]) -> Meta {
    let detected = clean::detect_meta(doc, classes);
    let mut meta = detected.clone();
    meta.overlay(&a.imported_meta);
    meta.published = published(a, &detected, meta.url.as_deref());
    // Nothing names the outlet: the page's own web domain does.
    if meta.outlet.is_none() {
        meta.outlet = meta.url.as_deref().and_then(crate::outlets::host_of);
    }
    meta.overlay(&a.meta_edits);
    meta
}

/// The publication date. The page's own word (its HTML or record date, the date in its URL,
/// its dateline) comes before a scraper's header date, often the day of the crawl.
fn published(a: &Article, detected: &Meta, url: Option<&str>) -> Option<PartialDate> {
    let from_url = url.and_then(clean::date_in_url);
    let imported = a.imported_meta.published;
    if a.source.scraped_meta {
        let from_text = detected.published.filter(|d| d.day().is_some());
        from_url.or(from_text).or(imported)
    } else {
        imported.or(from_url).or(detected.published)
    }
}

/// A scraper's header date the page itself contradicts, in words, from the metadata shown.
fn date_warning(a: &Article, meta: &Meta) -> Option<String> {
    if !a.source.scraped_meta || a.meta_edits.published.is_some() {
        return None;
    }
    let header = a.imported_meta.published?.day()?;
    let used = meta.published?;
    let used_day = used.day()?;
    if used_day == header {
        return None;
    }
    let from = if meta.url.as_deref().and_then(clean::date_in_url) == Some(used) {
        "its URL"
    } else {
        "its text"
    };
    Some(format!(
        "the header's date {header} differs from {used_day} given by {from}; {used_day} is used"
    ))
}

/// Lines that recur across at least two stories of the same outlet are its furniture.
fn learn_furniture(
    firsts: &[(&Article, Document, Vec<LineClass>, Meta)],
    clusters: &HashMap<ArticleId, usize>,
) -> HashMap<String, Furniture> {
    let mut counts: HashMap<String, HashMap<u64, HashSet<usize>>> = HashMap::new();
    for (a, doc, _, meta) in firsts {
        let Some(outlet) = &meta.outlet else { continue };
        let story = clusters.get(&a.id).copied().unwrap_or(usize::MAX);
        let per = counts.entry(outlet.to_lowercase()).or_default();
        let mut seen = HashSet::new();
        for l in &doc.lines {
            let t = doc.line_text(l).trim();
            if t.chars().count() < 3 {
                continue;
            }
            let k = clean::furniture_key(t);
            if seen.insert(k) {
                per.entry(k).or_default().insert(story);
            }
        }
    }
    counts
        .into_iter()
        .map(|(outlet, per)| {
            let strong = per
                .iter()
                .filter(|(_, stories)| stories.len() >= 3)
                .map(|(k, _)| *k)
                .collect();
            let keys = per
                .into_iter()
                .filter(|(_, stories)| stories.len() >= 2)
                .map(|(k, _)| k)
                .collect();
            (outlet, Furniture { keys, strong })
        })
        .collect()
}

fn shingles(doc: &Document, classes: &[LineClass]) -> HashSet<u64> {
    let mut words: Vec<String> = Vec::new();
    for (l, c) in doc.lines.iter().zip(classes) {
        if c.kind == LineKind::Body {
            words.extend(
                doc.line_text(l)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase),
            );
        }
    }
    words
        .windows(4)
        .map(|w| xxhash_rust::xxh3::xxh3_64(w.join(" ").as_bytes()))
        .collect()
}

/// Pairs of articles sharing much of their body text; returns cluster numbers and links.
fn near_duplicates(
    firsts: &[(&Article, Document, Vec<LineClass>, Meta)],
) -> (
    HashMap<ArticleId, usize>,
    HashMap<ArticleId, Vec<ArticleId>>,
) {
    let sets: Vec<HashSet<u64>> = firsts.iter().map(|(_, d, c, _)| shingles(d, c)).collect();
    // Inverted index over a sample of shingles to find candidate pairs quickly.
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, s) in sets.iter().enumerate() {
        for &h in s {
            if h % 4 == 0 {
                index.entry(h).or_default().push(i);
            }
        }
    }
    let mut pair_hits: HashMap<(usize, usize), usize> = HashMap::new();
    for list in index.values() {
        if list.len() > 50 {
            continue; // a phrase everyone uses says nothing about the story
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                *pair_hits.entry((i, j)).or_default() += 1;
            }
        }
    }
    let mut parent: Vec<usize> = (0..sets.len()).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while p[r] != r {
            r = p[r];
        }
        p[i] = r;
        r
    }
    let mut links: HashMap<ArticleId, Vec<ArticleId>> = HashMap::new();
    let mut pairs: Vec<_> = pair_hits.into_iter().filter(|&(_, n)| n >= 2).collect();
    pairs.sort_unstable();
    for ((i, j), _) in pairs {
        let small = sets[i].len().min(sets[j].len());
        if small < 20 {
            continue;
        }
        let common = sets[i].intersection(&sets[j]).count();
        if common * 100 >= small * 30 {
            // Stories count once for furniture learning only when nearly the same text: an
            // outlet's own articles share furniture, not bodies.
            if common * 100 >= small * 80 {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
            links
                .entry(firsts[i].0.id.clone())
                .or_default()
                .push(firsts[j].0.id.clone());
            links
                .entry(firsts[j].0.id.clone())
                .or_default()
                .push(firsts[i].0.id.clone());
        }
    }
    let clusters = (0..sets.len())
        .map(|i| (firsts[i].0.id.clone(), find(&mut parent, i)))
        .collect();
    (clusters, links)
}

/// Analyse every article of a project.
pub fn analyze_project(p: &Project) -> Analysis {
    analyze_articles(p, p.articles.values(), true)
}

/// Cleaning and metadata only, without claims (for `crosscheck clean`).
pub fn clean_project(p: &Project) -> Analysis {
    analyze_articles(p, p.articles.values(), false)
}

/// Analyse the given articles (with the project's overrides).
pub fn analyze_articles<'a>(
    p: &Project,
    articles: impl Iterator<Item = &'a Article>,
    with_claims: bool,
) -> Analysis {
    let firsts: Vec<(&Article, Document, Vec<LineClass>, Meta)> = articles
        .map(|a| {
            let (d, c, m) = first_pass(a);
            (a, d, c, m)
        })
        .collect();
    let (clusters, _) = near_duplicates(&firsts);
    let furniture = learn_furniture(&firsts, &clusters);
    let seconds: Vec<(&Article, Document, Vec<LineClass>, Meta)> = firsts
        .into_iter()
        .map(|(a, doc, first_classes, first_meta)| {
            let learned = first_meta
                .outlet
                .as_ref()
                .and_then(|o| furniture.get(&o.to_lowercase()));
            match learned {
                Some(f) if !f.keys.is_empty() => {
                    let c = clean::classify(&doc, f);
                    let m = effective_meta(a, &doc, &c);
                    (a, doc, c, m)
                }
                _ => (a, doc, first_classes, first_meta),
            }
        })
        .collect();
    // Same-story links on the cleaned bodies, once the outlets' furniture is gone.
    let (_, mut links) = near_duplicates(&seconds);
    let mut out = Analysis::default();
    for (a, doc, classes, meta) in seconds {
        let kept = doc
            .lines
            .iter()
            .enumerate()
            .map(|(i, _)| match a.line_decisions.get(&(i as u32 + 1)) {
                Some(LineDecision::Keep) => true,
                Some(LineDecision::Remove) => false,
                None => classes[i].kind.kept(),
            })
            .collect();
        let mut warnings = a.source.warnings.clone();
        warnings.extend(date_warning(a, &meta));
        let mut an = ArticleAnalysis {
            doc,
            classes,
            kept,
            meta,
            warnings,
            claims: Vec::new(),
            near_duplicates: links.remove(&a.id).unwrap_or_default(),
        };
        if with_claims {
            an.claims = crate::claims::claims_for(a, &an, p);
        }
        out.articles.insert(a.id.clone(), an);
    }
    out
}
