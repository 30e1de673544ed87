//! Analysis of a whole project: cleaning with per-outlet learning, metadata, near-duplicates,
//! claims and comparison, with the user's edits applied on top of what is computed.
//!
//! Per-article work runs on all cores (rayon). A [`Cache`] keeps each stage's result per
//! article, keyed by what it was computed from (the article's content id and source, its
//! edits, its outlet's learned furniture, the project's camp overrides), so a second run
//! recomputes only the articles an edit touched; the project-wide steps (same-story links,
//! furniture learning) run again over cached per-article data, and only when their inputs
//! changed.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::clean::{self, Document, Furniture, LineClass, LineKind};
use crate::model::{
    Article, ArticleId, Camp, Claim, Format, LineDecision, Meta, PartialDate, Project,
};

/// What the analysis found for one article, edits applied.
#[derive(Clone, Debug)]
pub struct ArticleAnalysis {
    /// The article's lines (shared with the analysis cache).
    pub doc: Arc<Document>,
    /// The cleaner's verdict per document line (before the user's flips).
    pub classes: Arc<Vec<LineClass>>,
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

    /// The title the panels show: the metadata's, else the first line of the cleaned text
    /// (for a JSON record or a page, its text, not its markup), at most 80 characters.
    pub fn title(&self) -> Option<String> {
        self.meta.title.clone().or_else(|| {
            self.cleaned_lines()
                .map(|(_, t)| t.trim())
                .find(|t| !t.is_empty())
                .map(|t| t.chars().take(80).collect())
        })
    }
}

/// The analysis of a project. Each article's result is shared (`Arc`): copying an analysis,
/// or building the next one from cached results, copies no article's data.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub articles: BTreeMap<ArticleId, Arc<ArticleAnalysis>>,
}

impl Analysis {
    /// How many claims all articles hold together.
    pub fn claim_count(&self) -> usize {
        self.articles.values().map(|a| a.claims.len()).sum()
    }
}

/// Progress and cancellation of a run, shared with the thread that runs it. `total` counts
/// two steps per article (cleaning, then claims).
#[derive(Debug, Default)]
pub struct Control {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

impl Control {
    /// Share of the work done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        let t = self.total.load(Ordering::Relaxed).max(1);
        self.done.load(Ordering::Relaxed) as f32 / t as f32
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

/// First pass of one article: its lines, classes without learning, what they say of its
/// metadata, and the keys furniture learning needs. Depends only on the raw text (the id) and
/// where in a file it came from. (Shingles for same-story detection are not kept: they take
/// more memory than the text; they are computed again when the stories must be compared.)
struct First {
    format: Format,
    line: u32,
    doc: Arc<Document>,
    classes: Arc<Vec<LineClass>>,
    detected: Meta,
    /// The distinct furniture keys of its lines of three or more characters.
    line_keys: Vec<u64>,
}

/// Second pass: classes with the outlet's learned furniture and the metadata shown.
struct Second {
    /// What it was computed from.
    source: crate::model::Source,
    imported_meta: Meta,
    meta_edits: Meta,
    furniture: u64,
    classes: Arc<Vec<LineClass>>,
    meta: Meta,
}

/// The final result, and what it was computed from.
struct Final {
    article: Article,
    furniture: u64,
    overrides: u64,
    result: Arc<ArticleAnalysis>,
}

/// Results kept between runs, per article and for the project-wide steps. One cache serves
/// one project at a time; results for articles no longer in it are dropped after a run.
#[derive(Default)]
pub struct Cache {
    firsts: HashMap<ArticleId, Arc<First>>,
    seconds: HashMap<ArticleId, Arc<Second>>,
    finals: HashMap<ArticleId, Final>,
    clusters: Option<(u64, Arc<HashMap<ArticleId, usize>>)>,
    furniture: Option<(u64, Arc<Learned>)>,
    links: Option<(u64, Arc<Links>)>,
}

/// Each outlet's learned furniture with its fingerprint, by lower-case outlet.
type Learned = HashMap<String, (u64, Furniture)>;
/// Same-story links of each article.
type Links = HashMap<ArticleId, Vec<ArticleId>>;

/// A batch of finished articles, streamed while a run goes on.
pub type Batch = Vec<(ArticleId, Arc<ArticleAnalysis>)>;

/// How many articles are finished between two streamed batches.
const BATCH: usize = 512;

fn first_pass(a: &Article) -> First {
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
    let detected = clean::detect_meta(&doc, &classes);
    let mut seen = HashSet::new();
    let mut line_keys = Vec::new();
    for l in &doc.lines {
        let t = doc.line_text(l).trim();
        if t.chars().count() < 3 {
            continue;
        }
        let k = clean::furniture_key(t);
        if seen.insert(k) {
            line_keys.push(k);
        }
    }
    First {
        format: a.source.format,
        line: a.source.line,
        doc: Arc::new(doc),
        classes: Arc::new(classes),
        detected,
        line_keys,
    }
}

/// The outlet of [`shown_meta`], without building the rest.
fn shown_outlet<'a>(a: &'a Article, detected: &'a Meta) -> Option<std::borrow::Cow<'a, str>> {
    if let Some(o) = a.meta_edits.outlet.as_deref() {
        return Some(o.into());
    }
    if let Some(o) = a
        .imported_meta
        .outlet
        .as_deref()
        .or(detected.outlet.as_deref())
    {
        return Some(o.into());
    }
    let url = a.imported_meta.url.as_deref().or(detected.url.as_deref())?;
    crate::outlets::host_of(url).map(Into::into)
}

/// Metadata as shown, from what the text says (`detected`), the importer's and the user's.
fn shown_meta(a: &Article, detected: &Meta) -> Meta {
    let mut meta = detected.clone();
    meta.overlay(&a.imported_meta);
    meta.published = published(a, detected, meta.url.as_deref());
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

/// Lines that recur across at least two stories of the same outlet are its furniture; each
/// outlet's furniture comes with a fingerprint of its keys.
fn learn_furniture<'a>(
    items: impl Iterator<Item = (&'a ArticleId, &'a First, Option<&'a str>)>,
    clusters: &HashMap<ArticleId, usize>,
) -> HashMap<String, (u64, Furniture)> {
    // Per outlet and line: the first two stories it was seen in, and whether a third.
    let mut counts: HashMap<&str, HashMap<u64, Stories>> = HashMap::new();
    for (id, first, outlet) in items {
        let Some(outlet) = outlet else { continue };
        let story = clusters.get(id).copied().unwrap_or(usize::MAX);
        let per = counts.entry(outlet).or_default();
        for &k in &first.line_keys {
            per.entry(k)
                .and_modify(|s| s.add(story))
                .or_insert(Stories(story, None, false));
        }
    }
    counts
        .into_iter()
        .map(|(outlet, per)| {
            let strong: HashSet<u64> = per.iter().filter(|(_, s)| s.2).map(|(k, _)| *k).collect();
            let keys: HashSet<u64> = per
                .into_iter()
                .filter(|(_, s)| s.1.is_some())
                .map(|(k, _)| k)
                .collect();
            let mut sorted: Vec<(u64, bool)> =
                keys.iter().map(|k| (*k, strong.contains(k))).collect();
            sorted.sort_unstable();
            let fp = if sorted.is_empty() {
                0
            } else {
                hash_of(&sorted) | 1
            };
            (outlet.to_owned(), (fp, Furniture { keys, strong }))
        })
        .collect()
}

/// The distinct stories a line was seen in, up to three: the first, the second, a third.
struct Stories(usize, Option<usize>, bool);

impl Stories {
    fn add(&mut self, story: usize) {
        match self.1 {
            _ if story == self.0 => {}
            None => self.1 = Some(story),
            Some(second) if second != story => self.2 = true,
            Some(_) => {}
        }
    }
}

fn hash_of(v: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

/// Whether `c` is part of a word (`char::is_alphanumeric`, with Cyrillic answered without
/// the Unicode table lookup).
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        // Cyrillic letters; U+0482..U+0489 are a sign and combining marks.
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{4ff}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphanumeric(),
    }
}

/// Append `w` lower-cased, as `str::to_lowercase` would, to `out`: ASCII and basic Cyrillic
/// directly, anything else through `to_lowercase`.
fn push_lowercase(out: &mut String, w: &str) {
    if w.is_ascii() {
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
        return;
    }
    if !w
        .chars()
        .all(|c| c.is_ascii() || ('\u{400}'..='\u{45f}').contains(&c))
    {
        out.push_str(&w.to_lowercase());
        return;
    }
    for c in w.chars() {
        out.push(match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '\u{410}'..='\u{42f}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            '\u{400}'..='\u{40f}' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
            c => c,
        });
    }
}

/// Hashes of the body's four-word windows (lower-cased words joined by a space).
fn shingles(doc: &Document, classes: &[LineClass]) -> HashSet<u64> {
    // All words in one buffer, with their ends: no allocation per word or window.
    let mut words = String::new();
    let mut ends: Vec<usize> = Vec::new();
    for (l, c) in doc.lines.iter().zip(classes) {
        if c.kind == LineKind::Body {
            for w in doc.line_text(l).split(|c: char| !is_word_char(c)) {
                if !w.is_empty() {
                    push_lowercase(&mut words, w);
                    ends.push(words.len());
                }
            }
        }
    }
    let mut window = String::new();
    let mut out = HashSet::with_capacity(ends.len());
    for k in 3..ends.len() {
        window.clear();
        for j in k - 3..=k {
            let start = if j == 0 { 0 } else { ends[j - 1] };
            if j > k - 3 {
                window.push(' ');
            }
            window.push_str(&words[start..ends[j]]);
        }
        out.insert(xxhash_rust::xxh3::xxh3_64(window.as_bytes()));
    }
    out
}

/// Pairs of articles sharing much of their body text; returns cluster numbers and links.
fn near_duplicates(
    sets: &[(&ArticleId, &HashSet<u64>)],
) -> (
    HashMap<ArticleId, usize>,
    HashMap<ArticleId, Vec<ArticleId>>,
) {
    // Inverted index over a sample of shingles to find candidate pairs quickly.
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, (_, s)) in sets.iter().enumerate() {
        for &h in s.iter() {
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
        let (si, sj) = (sets[i].1, sets[j].1);
        let small = si.len().min(sj.len());
        if small < 20 {
            continue;
        }
        let common = si.intersection(sj).count();
        if common * 100 >= small * 30 {
            // Stories count once for furniture learning only when nearly the same text: an
            // outlet's own articles share furniture, not bodies.
            if common * 100 >= small * 80 {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
            links
                .entry(sets[i].0.clone())
                .or_default()
                .push(sets[j].0.clone());
            links
                .entry(sets[j].0.clone())
                .or_default()
                .push(sets[i].0.clone());
        }
    }
    let clusters = (0..sets.len())
        .map(|i| (sets[i].0.clone(), find(&mut parent, i)))
        .collect();
    (clusters, links)
}

/// Analyse every article of a project (all cores, no cache kept).
pub fn analyze_project(p: &Project) -> Analysis {
    Cache::default().run(p, true, &Control::default(), |_| {})
}

/// Cleaning and metadata only, without claims (for `crosscheck clean`).
pub fn clean_project(p: &Project) -> Analysis {
    Cache::default().run(p, false, &Control::default(), |_| {})
}

impl Cache {
    /// Analyse a project, reusing what earlier runs computed for unchanged inputs. Articles
    /// computed afresh are handed to `stream` in batches as they finish; the whole analysis is
    /// returned at the end. If `control` is cancelled, returns what is finished so far (the
    /// cache keeps it for the next run).
    pub fn analyze(
        &mut self,
        p: &Project,
        control: &Control,
        stream: impl FnMut(Batch),
    ) -> Analysis {
        self.run(p, true, control, stream)
    }

    /// How many articles have a cached final result (for tests and figures).
    pub fn cached_articles(&self) -> usize {
        self.finals.len()
    }

    fn run(
        &mut self,
        p: &Project,
        with_claims: bool,
        control: &Control,
        mut stream: impl FnMut(Batch),
    ) -> Analysis {
        let articles: Vec<&Article> = p.articles.values().collect();
        control.total.store(2 * articles.len(), Ordering::Relaxed);
        control.done.store(0, Ordering::Relaxed);
        let mut out = Analysis::default();

        // 1. First pass, per article, cached by content id and source position.
        let cached = &self.firsts;
        let firsts: Vec<Option<Arc<First>>> = articles
            .par_iter()
            .map(|a| {
                if control.cancelled() {
                    return None;
                }
                let f = match cached.get(&a.id) {
                    Some(f) if f.format == a.source.format && f.line == a.source.line => f.clone(),
                    _ => Arc::new(first_pass(a)),
                };
                control.step();
                Some(f)
            })
            .collect();
        let Some(firsts) = firsts.into_iter().collect::<Option<Vec<_>>>() else {
            return out;
        };
        for (a, f) in articles.iter().zip(&firsts) {
            if !self.firsts.get(&a.id).is_some_and(|c| Arc::ptr_eq(c, f)) {
                self.firsts.insert(a.id.clone(), f.clone());
            }
        }

        // 2. Stories told twice, on the first-pass bodies; then each outlet's furniture.
        let key1 = hash_of(
            &articles
                .iter()
                .map(|a| (&a.id, a.source.format as u8, a.source.line))
                .collect::<Vec<_>>(),
        );
        let clusters = match &self.clusters {
            Some((k, c)) if *k == key1 => c.clone(),
            _ => {
                let shingled: Vec<HashSet<u64>> = firsts
                    .par_iter()
                    .map(|f| shingles(&f.doc, &f.classes))
                    .collect();
                let sets: Vec<(&ArticleId, &HashSet<u64>)> =
                    articles.iter().map(|a| &a.id).zip(&shingled).collect();
                let c = Arc::new(near_duplicates(&sets).0);
                self.clusters = Some((key1, c.clone()));
                c
            }
        };
        let outlets: Vec<Option<String>> = articles
            .par_iter()
            .zip(&firsts)
            .map(|(a, f)| shown_outlet(a, &f.detected).map(|o| o.to_lowercase()))
            .collect();
        let key2 = hash_of(&(key1, &outlets));
        let furniture = match &self.furniture {
            Some((k, f)) if *k == key2 => f.clone(),
            _ => {
                let items = articles
                    .iter()
                    .zip(&firsts)
                    .zip(&outlets)
                    .map(|((a, f), o)| (&a.id, &**f, o.as_deref()));
                let f = Arc::new(learn_furniture(items, &clusters));
                self.furniture = Some((key2, f.clone()));
                f
            }
        };
        let learned = |o: &Option<String>| {
            o.as_ref()
                .and_then(|o| furniture.get(o))
                .filter(|(fp, _)| *fp != 0)
        };

        // 3. Second pass with the learned furniture, per article, cached by its inputs.
        let cached = &self.seconds;
        let seconds: Vec<Arc<Second>> = articles
            .par_iter()
            .zip(&firsts)
            .zip(&outlets)
            .map(|((a, f), o)| {
                let fur = learned(o);
                let fp = fur.map_or(0, |(fp, _)| *fp);
                if let Some(s) = cached.get(&a.id)
                    && s.furniture == fp
                    && s.source == a.source
                    && s.imported_meta == a.imported_meta
                    && s.meta_edits == a.meta_edits
                {
                    return s.clone();
                }
                let classes = match fur {
                    Some((_, fur)) => Arc::new(clean::classify(&f.doc, fur)),
                    None => f.classes.clone(),
                };
                let detected = if fur.is_some() {
                    clean::detect_meta(&f.doc, &classes)
                } else {
                    f.detected.clone()
                };
                Arc::new(Second {
                    source: a.source.clone(),
                    imported_meta: a.imported_meta.clone(),
                    meta_edits: a.meta_edits.clone(),
                    furniture: fp,
                    meta: shown_meta(a, &detected),
                    classes,
                })
            })
            .collect();
        for (a, s) in articles.iter().zip(&seconds) {
            if !self.seconds.get(&a.id).is_some_and(|c| Arc::ptr_eq(c, s)) {
                self.seconds.insert(a.id.clone(), s.clone());
            }
        }

        // 4. Same-story links on the cleaned bodies, once the outlets' furniture is gone.
        let key3 = hash_of(
            &articles
                .iter()
                .zip(&seconds)
                .map(|(a, s)| (&a.id, a.source.format as u8, a.source.line, s.furniture))
                .collect::<Vec<_>>(),
        );
        let links = match &self.links {
            Some((k, l)) if *k == key3 => l.clone(),
            _ => {
                let shingled: Vec<HashSet<u64>> = firsts
                    .par_iter()
                    .zip(&seconds)
                    .map(|(f, s)| shingles(&f.doc, &s.classes))
                    .collect();
                let sets: Vec<(&ArticleId, &HashSet<u64>)> =
                    articles.iter().map(|a| &a.id).zip(&shingled).collect();
                let l = Arc::new(near_duplicates(&sets).1);
                self.links = Some((key3, l.clone()));
                l
            }
        };

        // 5. Kept lines and claims, per article, in batches streamed as they finish.
        let overrides = if with_claims {
            hash_of(&p.camp_overrides.iter().collect::<Vec<(&String, &Camp)>>()) | 1
        } else {
            0
        };
        let mut done_ids = 0;
        for ((chunk_a, chunk_f), chunk_s) in articles
            .chunks(BATCH)
            .zip(firsts.chunks(BATCH))
            .zip(seconds.chunks(BATCH))
        {
            let finals = &self.finals;
            let batch: Vec<Option<(Arc<ArticleAnalysis>, bool)>> = chunk_a
                .par_iter()
                .zip(chunk_f)
                .zip(chunk_s)
                .map(|((a, f), s)| {
                    if control.cancelled() {
                        return None;
                    }
                    let near: &[ArticleId] = links.get(&a.id).map_or(&[], Vec::as_slice);
                    if let Some(c) = finals.get(&a.id)
                        && c.furniture == s.furniture
                        && c.overrides == overrides
                        && c.result.near_duplicates == near
                        && Arc::ptr_eq(&c.result.doc, &f.doc)
                        && c.article == **a
                    {
                        control.step();
                        return Some((c.result.clone(), false));
                    }
                    let r = finish(a, f, s, near.to_vec(), with_claims.then_some(p));
                    control.step();
                    Some((Arc::new(r), true))
                })
                .collect();
            let mut streamed = Batch::with_capacity(batch.len());
            for ((a, s), r) in chunk_a.iter().zip(chunk_s).zip(batch) {
                let Some((r, fresh)) = r else { continue };
                if fresh {
                    streamed.push((a.id.clone(), r.clone()));
                    self.finals.insert(
                        a.id.clone(),
                        Final {
                            article: (*a).clone(),
                            furniture: s.furniture,
                            overrides,
                            result: r.clone(),
                        },
                    );
                }
                out.articles.insert(a.id.clone(), r);
                done_ids += 1;
            }
            if !streamed.is_empty() {
                stream(streamed);
            }
            if control.cancelled() {
                return out;
            }
        }
        debug_assert_eq!(done_ids, articles.len());
        // Forget articles that left the project (each map holds every article of it now).
        if self.firsts.len() > articles.len() {
            self.firsts.retain(|id, _| p.articles.contains_key(id));
        }
        if self.seconds.len() > articles.len() {
            self.seconds.retain(|id, _| p.articles.contains_key(id));
        }
        if self.finals.len() > articles.len() {
            self.finals.retain(|id, _| p.articles.contains_key(id));
        }
        out
    }
}

/// Kept lines, warnings and claims of one article.
fn finish(
    a: &Article,
    f: &First,
    s: &Second,
    near_duplicates: Vec<ArticleId>,
    claims_of: Option<&Project>,
) -> ArticleAnalysis {
    let kept = f
        .doc
        .lines
        .iter()
        .enumerate()
        .map(|(i, _)| match a.line_decisions.get(&(i as u32 + 1)) {
            Some(LineDecision::Keep) => true,
            Some(LineDecision::Remove) => false,
            None => s.classes[i].kind.kept(),
        })
        .collect();
    let mut warnings = a.source.warnings.clone();
    warnings.extend(date_warning(a, &s.meta));
    let mut an = ArticleAnalysis {
        doc: f.doc.clone(),
        classes: s.classes.clone(),
        kept,
        meta: s.meta.clone(),
        warnings,
        claims: Vec::new(),
        near_duplicates,
    };
    if let Some(p) = claims_of {
        an.claims = crate::claims::claims_for(a, &an, p);
    }
    an
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outlet alone is the outlet of the whole metadata, whichever source gives it.
    #[test]
    fn shown_outlet_is_the_outlet_shown() {
        let some = |s: &str| Some(s.to_owned());
        let metas = [
            Meta::default(),
            Meta {
                outlet: some("Rybar"),
                ..Meta::default()
            },
            Meta {
                url: some("https://www.rbc.ua/news/1"),
                ..Meta::default()
            },
            Meta {
                outlet: some("TASS"),
                url: some("https://kyivindependent.com/x"),
                ..Meta::default()
            },
        ];
        for edits in &metas {
            for imported in &metas {
                for detected in &metas {
                    let a = Article {
                        meta_edits: edits.clone(),
                        imported_meta: imported.clone(),
                        ..Article::default()
                    };
                    assert_eq!(
                        shown_outlet(&a, detected).map(|o| o.into_owned()),
                        shown_meta(&a, detected).outlet,
                        "{edits:?} {imported:?} {detected:?}"
                    );
                }
            }
        }
    }
}
