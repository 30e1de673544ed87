//! The place index: ~30,000 Ukrainian settlements, oblasts, rivers and regions under all their
//! spellings (Ukrainian, Russian, Latin, Soviet-era), matched in text and told apart by context.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::PlaceRef;

pub mod borders;
mod evidence;
mod inflect;

pub use evidence::{DocNames, in_context, refers_back};

const DATA: &str = include_str!("../../assets/places.tsv");
const DATA_RU: &str = include_str!("../../assets/places-russia.tsv");

/// What kind of place a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A settlement; the rank orders special-status cities (0), cities (1), urban-type
    /// settlements (2), settlements (3), villages (4).
    Settlement(u8),
    Oblast,
    River,
    Region,
    Site,
}

/// One place (its strings borrow from the bundled data).
#[derive(Clone, Debug)]
pub struct Place {
    pub id: &'static str,
    pub kind: Kind,
    pub name: &'static str,
    pub oblast: Option<&'static str>,
    pub district: Option<&'static str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u32,
    /// The normalised English name and the first Cyrillic form.
    primary: [&'static str; 2],
}

/// A small, fast hasher for short string keys (FxHash).
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

impl Place {
    /// As stored in a claim.
    pub fn to_ref(&self) -> PlaceRef {
        PlaceRef {
            name: self.name.to_owned(),
            oblast: self.oblast.map(str::to_owned),
            district: self.district.map(str::to_owned),
            id: Some(self.id.to_owned()),
            lat: self.lat,
            lon: self.lon,
        }
    }
}

/// The index: places and their spellings.
pub struct Index {
    pub places: Vec<Place>,
    forms: FxMap<&'static str, Vec<u32>>,
    /// First words of names of several words, with the most words such a name has.
    first_words: FxMap<&'static str, u8>,
    /// Towns and cities by the consonant skeleton of their Latin names, for spellings the data
    /// lacks ("Hulyaipole" for Huliaipole).
    skeletons: FxMap<String, Vec<u32>>,
}

/// Lower case, apostrophes removed, ё as е, hyphens as spaces, spaces collapsed.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        match c {
            '\'' | '’' | 'ʼ' | '`' | '´' | '‘' => {}
            '-' | '‐' | '–' | ' ' | '\t' | '\u{a0}' => space = !out.is_empty(),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                for l in c.to_lowercase() {
                    out.push(if l == 'ё' { 'е' } else { l });
                }
            }
        }
    }
    out
}

fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// How the bundled place files are read: the Ukrainian index and the Russian places.
const DATA_FILES: [&str; 2] = [DATA, DATA_RU];

impl Index {
    fn build() -> Self {
        let mut places = Vec::with_capacity(31_000);
        let mut forms: FxMap<&'static str, Vec<u32>> = FxMap::default();
        forms.reserve(220_000);
        let mut first_words: FxMap<&'static str, u8> = FxMap::default();
        for line in DATA_FILES.iter().flat_map(|d| d.lines()) {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut f = line.splitn(10, '\t');
            let (
                Some(id),
                Some(kind),
                Some(name),
                Some(oblast),
                Some(district),
                Some(lat),
                Some(lon),
                Some(pop),
                Some(rank),
                Some(all),
            ) = (
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
            )
            else {
                continue;
            };
            let kind = match kind {
                "oblast" => Kind::Oblast,
                "river" => Kind::River,
                "region" => Kind::Region,
                "site" => Kind::Site,
                _ => Kind::Settlement(rank.parse().unwrap_or(4)),
            };
            let idx = places.len() as u32;
            let opt = |s: &'static str| (!s.is_empty()).then_some(s);
            let mut primary = ["", ""];
            for form in all.split('|') {
                if form.is_empty() {
                    continue;
                }
                forms.entry(form).or_default().push(idx);
                if let Some((first, _)) = form.split_once(' ') {
                    let words = form.split(' ').count().min(3) as u8;
                    let e = first_words.entry(first).or_insert(1);
                    *e = (*e).max(words);
                }
                if primary[0].is_empty() && form.eq_ignore_ascii_case(name) {
                    primary[0] = form;
                }
                let cyr = form.as_bytes()[0] >= 0xd0;
                if cyr && !form.contains(' ') && primary[1].is_empty() {
                    primary[1] = form;
                }
            }
            places.push(Place {
                id,
                kind,
                name,
                oblast: opt(oblast),
                district: opt(district),
                lat: lat.parse().ok(),
                lon: lon.parse().ok(),
                population: pop.parse().unwrap_or(0),
                primary,
            });
        }
        let mut skeletons: FxMap<String, Vec<u32>> = FxMap::default();
        for (form, ids) in &forms {
            if !form.is_ascii() || form.contains(' ') {
                continue;
            }
            for &id in ids {
                if matches!(places[id as usize].kind, Kind::Settlement(r) if r <= 2) {
                    let e = skeletons.entry(skeleton(form)).or_default();
                    if !e.contains(&id) {
                        e.push(id);
                    }
                }
            }
        }
        Self {
            places,
            forms,
            first_words,
            skeletons,
        }
    }
}

/// A spelling-tolerant key for Latin names: Kupiansk = Kupyansk = Kupjansk, Hulyaipole =
/// Huliaipole (no y/i/j, kh as h, zh as z, doubled letters once).
fn skeleton(s: &str) -> String {
    let s = s
        .replace("shch", "s")
        .replace("kh", "h")
        .replace("zh", "z")
        .replace("ch", "c")
        .replace("sh", "s")
        .replace("ts", "c")
        .replace('g', "h")
        .replace('w', "v");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, 'y' | 'i' | 'j') || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Build a fresh index from the bundled data (benchmarks; use [`index`]).
pub fn build_index() -> Index {
    Index::build()
}

/// The index, built on first use (the app starts building it in the background at start-up).
pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(Index::build)
}

/// A place name found in text.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Byte range in the text searched.
    pub start: usize,
    pub end: usize,
    pub candidates: Vec<u32>,
    /// The spelling matched (normalised).
    pub form: String,
}

struct Tok {
    start: usize,
    end: usize,
    upper: bool,
    cyr: bool,
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let word_char = c.is_alphanumeric()
            || (matches!(c, '\'' | '’' | 'ʼ' | '-')
                && start.is_some()
                && it.peek().is_some_and(|(_, n)| n.is_alphabetic()));
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(mk_tok(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(mk_tok(text, s, text.len()));
    }
    out
}

fn mk_tok(text: &str, s: usize, e: usize) -> Tok {
    let w = &text[s..e];
    Tok {
        start: s,
        end: e,
        upper: w.chars().next().is_some_and(char::is_uppercase),
        cyr: is_cyrillic(w),
    }
}

/// Words that open sentences or name people more often than villages.
const STOP: &[&str] = &[
    "may",
    "will",
    "march",
    "sun",
    "mine",
    "trump",
    "putin",
    "zelensky",
    "biden",
    "russia",
    "ukraine",
    "russian",
    "ukrainian",
    "moscow",
    "kremlin",
    "the",
    "this",
    "that",
    "they",
    "there",
    "their",
    "wagner",
    "nato",
    "isw",
    "but",
    "and",
    "also",
    "some",
    "most",
    "president",
    "general",
    "army",
    "forces",
];

/// What the word after an adjective says it names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Noun {
    /// "області", "краю": the oblast.
    Oblast,
    /// "напрямку", "району", "громади": the town the axis, district or community is named after.
    Town,
}

fn noun_of(word: &str) -> Option<Noun> {
    const OBLAST: &[&str] = &["област", "обл", "край", "краю", "краї", "крае", "края"];
    const TOWN: &[&str] = &[
        "напрям",
        "направлен",
        "ділянц",
        "ділянк",
        "участк",
        "участок",
        "район",
        "громад",
        "округ",
    ];
    if OBLAST.iter().any(|w| word.starts_with(w)) {
        Some(Noun::Oblast)
    } else if TOWN.iter().any(|w| word.starts_with(w)) {
        Some(Noun::Town)
    } else {
        None
    }
}

/// The noun a Cyrillic adjective at token `i` goes with: the next word, or the word after a
/// list of such adjectives ("Донецької, Луганської та Херсонської областей").
fn noun_after(text: &str, toks: &[Tok], i: usize) -> Option<Noun> {
    for t in toks.iter().skip(i + 1).take(8) {
        let w = text[t.start..t.end].to_lowercase();
        if let Some(n) = noun_of(&w) {
            return Some(n);
        }
        let joins = matches!(w.as_str(), "та" | "і" | "й" | "и" | "а" | "також");
        let another = t.upper && t.cyr && inflect::adjective_splits(&w).next().is_some();
        if !(joins || another) {
            return None;
        }
    }
    None
}

/// Words for axes in English ("the Kupiansky direction").
const LATIN_AXIS: &[&str] = &["direction", "axis", "sector", "front"];

/// Find place names in text: longest match first, up to three words; Latin names must be
/// capitalised; Cyrillic names may carry case endings, and adjectives made from a name count
/// when an oblast, axis or district word follows ("Курській області", "Покровському напрямку").
pub fn find(text: &str) -> Vec<Mention> {
    let idx = index();
    let mut toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.upper {
            // Russian writes axes in lower case ("на курском направлении").
            if t.cyr
                && inflect::adjective_splits(&text[t.start..t.end])
                    .next()
                    .is_some()
                && noun_after(text, &toks, i) == Some(Noun::Town)
                && let Some(c) = adjective_reading(&normalise(&text[t.start..t.end]), Noun::Town)
            {
                out.push(Mention {
                    start: t.start,
                    end: t.end,
                    candidates: c,
                    form: normalise(&text[t.start..t.end]),
                });
            }
            i += 1;
            continue;
        }
        let key0 = normalise(&text[t.start..t.end]);
        let variants0 = readings(&key0, t.cyr, 2);
        let max_n = variants0
            .iter()
            .filter_map(|v| idx.first_words.get(v.as_str()).copied())
            .max()
            .unwrap_or(1) as usize;
        let mut found: Option<(usize, Vec<u32>, String)> = None;
        // Names of several words, each word in any of its forms.
        for n in (2..=max_n).rev() {
            if i + n > toks.len() {
                continue;
            }
            // Only join words separated by spaces or hyphens.
            if toks[i..i + n].windows(2).any(|w| {
                !text[w[0].end..w[1].start]
                    .chars()
                    .all(|c| c == ' ' || c == '-')
            }) {
                continue;
            }
            let mut keys: Vec<String> = variants0.clone();
            for t2 in &toks[i + 1..i + n] {
                let vs = readings(&normalise(&text[t2.start..t2.end]), t2.cyr, 2);
                keys = keys
                    .iter()
                    .flat_map(|k| vs.iter().map(move |v| format!("{k} {v}")))
                    .take(96)
                    .collect();
            }
            if let Some((k, c)) = keys
                .iter()
                .find_map(|k| idx.forms.get(k.as_str()).map(|c| (k, c)))
            {
                found = Some((n, c.clone(), k.clone()));
                break;
            }
        }
        if found.is_none() && STOP.contains(&key0.as_str()) {
            i += 1;
            continue;
        }
        // An adjective with its noun: the oblast, or the town of an axis or district.
        if found.is_none() && t.cyr {
            let noun = noun_after(text, &toks, i);
            if let Some(noun) = noun {
                // "Куп'янсько-Лиманський напрямок": each part of a compound names an axis.
                let w = &text[t.start..t.end];
                if noun == Noun::Town && w.contains('-') {
                    let parts = hyphen_parts(w, t.start);
                    let n_parts = parts.len();
                    for (k, (s, e)) in parts.into_iter().enumerate() {
                        let part = normalise(&text[s..e]);
                        // Parts before the last end in -о ("Покровсько-").
                        let as_adj = if k + 1 < n_parts {
                            part.strip_suffix('о').map(|p| format!("{p}ий"))
                        } else {
                            Some(part.clone())
                        };
                        if let Some(c) = as_adj.and_then(|a| adjective_reading(&a, noun)) {
                            out.push(Mention {
                                start: s,
                                end: e,
                                candidates: c,
                                form: part,
                            });
                        }
                    }
                    i += 1;
                    continue;
                }
                found = adjective_reading(&key0, noun).map(|c| (1, c, key0.clone()));
            } else if i > 0
                && matches!(
                    text[toks[i - 1].start..toks[i - 1].end]
                        .to_lowercase()
                        .as_str(),
                    "в" | "у" | "во" | "на" | "из" | "з" | "із" | "по"
                )
                && inflect::feminine_adjective(&key0)
            {
                // "ещё раз в Курской": the oblast, its noun left out.
                found = adjective_reading(&key0, Noun::Oblast).map(|c| (1, c, key0.clone()));
            }
        } else if found.is_none()
            && let Some(next) = toks.get(i + 1)
            && LATIN_AXIS.contains(&text[next.start..next.end].to_lowercase().as_str())
            && let Some(k) = inflect::latin_adjective(&key0)
            && let Some(c) = idx.forms.get(k.as_str())
        {
            found = Some((1, c.clone(), k));
        }
        if found.is_none() {
            // Every reading of the word: "под Курском" may be Kursk or the village Курское;
            // the choice among candidates is made with context (`resolve`).
            let mut form = None;
            let mut cands: Vec<u32> = Vec::new();
            for k in readings(&key0, t.cyr, 4) {
                if let Some(c) = idx.forms.get(k.as_str()) {
                    form.get_or_insert(k);
                    for &x in c {
                        if !cands.contains(&x) {
                            cands.push(x);
                        }
                    }
                }
            }
            found = form.map(|f| (1, cands, f));
            // A Latin spelling the data lacks, of a town (not of a village: too many to guess).
            if found.is_none()
                && !t.cyr
                && key0.len() >= 6
                && key0.is_ascii()
                && let Some(c) = idx.skeletons.get(&skeleton(&key0))
            {
                found = Some((1, c.clone(), key0.clone()));
            }
        }
        match found {
            Some((n, candidates, form)) => {
                out.push(Mention {
                    start: t.start,
                    end: toks[i + n - 1].end,
                    candidates,
                    form,
                });
                i += n;
            }
            None => {
                // "Slovyansk-Izyum highway": the parts of a hyphenated word that is no name.
                let w = &text[toks[i].start..toks[i].end];
                if w.contains('-') {
                    let parts: Vec<Tok> = hyphen_parts(w, toks[i].start)
                        .into_iter()
                        .filter(|(s, e)| e > s)
                        .map(|(s, e)| mk_tok(text, s, e))
                        .collect();
                    toks.splice(i..=i, parts);
                } else {
                    i += 1;
                }
            }
        }
    }
    out
}

/// A word as written (normalised) and, in Cyrillic, the nominatives it can be a case of.
fn readings(word: &str, cyr: bool, min_stem: usize) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    if cyr {
        out.extend(inflect::lemmas(word, min_stem));
    }
    out
}

/// The byte ranges of the parts of a hyphenated word that starts at `start`.
fn hyphen_parts(word: &str, start: usize) -> Vec<(usize, usize)> {
    let mut pos = start;
    word.split('-')
        .map(|p| {
            let s = pos;
            pos += p.len() + 1;
            (s, s + p.len())
        })
        .collect()
}

/// What an adjective names with its noun: the oblast ("Курської області"), or the town of an
/// axis or district ("Покровському напрямку", "Харківському напрямку" → Kharkiv).
fn adjective_reading(word: &str, noun: Noun) -> Option<Vec<u32>> {
    let idx = index();
    let oblasts = |stem: &str| -> Vec<u32> {
        inflect::oblast_names(stem)
            .iter()
            .filter_map(|n| idx.forms.get(n.as_str()))
            .flatten()
            .copied()
            .filter(|&c| idx.places[c as usize].kind == Kind::Oblast)
            .collect()
    };
    // Places named as the stem itself (Покровськ for "покровськ") before those the stem is
    // made from (Покров, Покровське).
    let towns = |stem: &str| -> Vec<u32> {
        let (mut own, mut derived) = (Vec::new(), Vec::new());
        for (name, is_own) in inflect::names_of_adjective(stem) {
            for &x in idx.forms.get(name.as_str()).into_iter().flatten() {
                let v = if is_own { &mut own } else { &mut derived };
                if matches!(idx.places[x as usize].kind, Kind::Settlement(_)) && !v.contains(&x) {
                    v.push(x);
                }
            }
        }
        if own.is_empty() { derived } else { own }
    };
    let mut c = inflect::adjective_splits(word)
        .map(|stem| match noun {
            Noun::Oblast => oblasts(stem),
            Noun::Town => {
                let t = towns(stem);
                if t.is_empty() {
                    oblasts(stem).into_iter().filter_map(centre_of).collect()
                } else {
                    t
                }
            }
        })
        .find(|c| !c.is_empty())?;
    if noun == Noun::Town {
        // Axes and districts are named after towns: the biggest places that fit.
        let rank = |id: &u32| match idx.places[*id as usize].kind {
            Kind::Settlement(r) => r,
            _ => 0,
        };
        if let Some(best) = c.iter().map(rank).min() {
            c.retain(|id| rank(id) == best);
        }
    }
    Some(c)
}

/// The settlement an oblast is named after (Kharkiv Oblast → Kharkiv), for axes named with the
/// oblast's adjective.
fn centre_of(id: u32) -> Option<u32> {
    let idx = index();
    let p = idx.places.get(id as usize)?;
    if p.kind != Kind::Oblast {
        return None;
    }
    let name = p.oblast?;
    let key = normalise(name);
    idx.forms.get(key.as_str())?.iter().copied().find(|&c| {
        let q = &idx.places[c as usize];
        q.oblast == Some(name) && matches!(q.kind, Kind::Settlement(r) if r <= 1)
    })
}

const FRONT: &[&str] = &[
    "Donetsk",
    "Luhansk",
    "Kharkiv",
    "Zaporizhzhia",
    "Kherson",
    "Dnipropetrovsk",
    "Sumy",
];

/// Choose one place per mention using the article's context: oblasts it names, unambiguous
/// places (their district and oblast), and places in the same sentence ("near Pokrovsk").
/// `sentence_of` gives each mention's sentence number.
pub fn resolve(mentions: &[Mention], sentence_of: &[usize]) -> Vec<u32> {
    resolve_in(mentions, sentence_of, &[])
}

/// [`resolve`] with the places the document named before (`seen`) as further context: an
/// ambiguous name goes to the candidate nearest the document's other places.
pub fn resolve_in(mentions: &[Mention], sentence_of: &[usize], seen: &[u32]) -> Vec<u32> {
    let idx = index();
    let mut oblast_votes: HashMap<&str, f32> = HashMap::new();
    let mut district_votes: HashMap<&str, f32> = HashMap::new();
    // The places named most recently say most about the next ones (and a long document does
    // not make every sentence slower).
    for &s in seen.iter().rev().take(64) {
        let p = &idx.places[s as usize];
        if let Some(o) = &p.oblast {
            *oblast_votes.entry(o).or_default() += 0.25;
        }
        if let Some(d) = &p.district {
            *district_votes.entry(d).or_default() += 0.25;
        }
    }
    for m in mentions {
        if m.candidates.len() == 1 {
            let p = &idx.places[m.candidates[0] as usize];
            if let Some(o) = &p.oblast {
                *oblast_votes.entry(o).or_default() +=
                    if p.kind == Kind::Oblast { 2.0 } else { 1.0 };
            }
            if let Some(d) = &p.district {
                *district_votes.entry(d).or_default() += 1.0;
            }
        }
    }
    mentions
        .iter()
        .enumerate()
        .map(|(mi, m)| {
            if m.candidates.len() == 1 {
                return m.candidates[0];
            }
            // Places resolved without doubt in the same sentence.
            let near: Vec<&Place> = mentions
                .iter()
                .enumerate()
                .filter(|(j, o)| {
                    *j != mi
                        && sentence_of.get(*j) == sentence_of.get(mi)
                        && o.candidates.len() == 1
                })
                .map(|(_, o)| &idx.places[o.candidates[0] as usize])
                .collect();
            let score = |&c: &u32| -> f32 {
                let p = &idx.places[c as usize];
                let mut s = 0.0;
                if let Some(o) = &p.oblast {
                    s += oblast_votes.get(o).copied().unwrap_or(0.0).min(3.0);
                    if near.iter().any(|n| n.oblast.as_ref() == Some(o)) {
                        s += 3.0;
                    }
                    if FRONT.contains(o) {
                        s += 0.5;
                    }
                }
                if let Some(d) = &p.district {
                    s += 1.5 * district_votes.get(d).copied().unwrap_or(0.0).min(2.0);
                    if near.iter().any(|n| n.district.as_ref() == Some(d)) {
                        s += 3.0;
                    }
                }
                if p.primary.contains(&m.form.as_str()) {
                    s += 2.0;
                }
                s += match p.kind {
                    Kind::Settlement(r) => (4 - r.min(4)) as f32 * 0.6,
                    Kind::Oblast | Kind::Region | Kind::River | Kind::Site => 1.0,
                };
                s + (p.population as f32 + 1.0).log10() * 0.2
            };
            m.candidates
                .iter()
                .copied()
                .max_by(|a, b| score(a).total_cmp(&score(b)).then(b.cmp(a)))
                .unwrap_or(m.candidates[0])
        })
        .collect()
}

/// Resolve a name typed by the user (best guess without context).
pub fn resolve_name(name: &str) -> Option<PlaceRef> {
    let idx = index();
    let c = idx.forms.get(normalise(name).as_str())?;
    let m = Mention {
        start: 0,
        end: name.len(),
        candidates: c.clone(),
        form: normalise(name),
    };
    let chosen = resolve(&[m], &[0]);
    chosen.first().map(|&i| idx.places[i as usize].to_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let ms = find(text);
        let sent = vec![0; ms.len()];
        resolve(&ms, &sent)
            .into_iter()
            .map(|i| {
                let p = &index().places[i as usize];
                (p.name.to_owned(), p.oblast.map(str::to_owned))
            })
            .collect()
    }

    #[test]
    fn spellings_of_one_place() {
        for t in [
            "Kupiansk",
            "Kupyansk",
            "Куп'янськ",
            "Куп’янськ",
            "Купянск",
            "Купянска",
            "Kup'yans'k",
        ] {
            let n = names(&format!("Fighting near {t} continues."));
            assert_eq!(n.first().map(|x| x.0.as_str()), Some("Kupiansk"), "{t}");
        }
        assert_eq!(names("Бои за Артемовск")[0].0, "Bakhmut");
        assert_eq!(names("Troops near Krasnoarmeysk")[0].0, "Pokrovsk");
        assert_eq!(names("in Kiev")[0].0, "Kyiv");
        // Spellings the data lacks, of towns.
        assert_eq!(names("near Hulyaipole")[0].0, "Huliaipole");
    }

    #[test]
    fn declension_and_adjectives_decide_the_reading() {
        for (text, want) in [
            ("Удар по Курській області", "Kursk Oblast"),
            ("Бои под Курском", "Kursk"),
            ("Село Курське на Донеччині", "Kurske"),
            ("На Курахівському напрямку", "Kurakhove"),
            ("на курском направлении", "Kursk"),
            ("атаки біля Сухої Балки", "Sukha Balka"),
            ("Бои у Великой Новоселки", "Velyka Novosilka"),
            ("У Харкові та Харківській області", "Kharkiv"),
            ("Бої біля Дальнього", "Dalnie"),
            ("Росіяни просунулися в Суджі", "Sudzha"),
        ] {
            let n = names(text);
            assert_eq!(n.first().map(|x| x.0.as_str()), Some(want), "{text}: {n:?}");
        }
        // Names in a list of oblasts share the noun at its end.
        let n = names("Удари по Курській, Брянській та Бєлгородській областях");
        let got: Vec<&str> = n.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(got, ["Kursk Oblast", "Bryansk Oblast", "Belgorod Oblast"]);
        // A feminine adjective is no case of a neuter or masculine name.
        assert!(names("Українські та Курської").is_empty());
    }

    #[test]
    fn ordinary_words_are_not_villages() {
        assert!(names("the army may march on and the sun will mine gold").is_empty());
        assert!(names("May 2025 was hot. Putin said so.").is_empty());
    }

    #[test]
    fn same_name_told_apart_by_context() {
        let n = names("Russian troops attacked Pishchane near Pokrovsk in Donetsk Oblast.");
        assert!(
            n.contains(&("Pishchane".into(), Some("Donetsk".into()))),
            "{n:?}"
        );
        let n =
            names("Attacks were repelled near Petropavlivka, Pishchane, Zahryzove, and Kupyansk.");
        assert!(
            n.contains(&("Pishchane".into(), Some("Kharkiv".into()))),
            "{n:?}"
        );
    }

    #[test]
    fn oblasts_rivers_and_regions() {
        let n =
            names("The Oskil River flows into the Siversky Donets in the Donbas, Kharkiv region.");
        let got: Vec<&str> = n.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            got,
            [
                "Oskil River",
                "Siversky Donets River",
                "Donbas",
                "Kharkiv Oblast"
            ]
        );
    }
}
