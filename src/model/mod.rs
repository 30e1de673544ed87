//! The research data: projects, articles, claims, their ids, and the user's edits kept apart from what analysis computes.

mod bytes;
mod camp;
mod edit;
mod position;
mod time;
mod undo;

pub use camp::Camp;
pub use edit::Edit;
pub use position::{Direction, Position};
pub use time::PartialDate;
pub use undo::{Patch, Touches};

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Stable id of an article, derived from its raw text: the same text imported twice is one article.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[derive(Default)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// The id of an article whose verbatim text is `raw`.
    pub fn from_raw(raw: &str) -> Self {
        let h = xxhash_rust::xxh3::xxh3_128(raw.as_bytes());
        Self(format!("a{:016x}", (h >> 64) as u64 ^ h as u64))
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Stable id of a claim: derived from its article, its sentence text and its position among equal
/// sentences, so re-running the analysis gives the same ids and edits stay attached.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[derive(Default)]
pub struct ClaimId(pub String);

impl ClaimId {
    /// Id for an extracted claim on `sentence` (the n-th occurrence of it in the article).
    pub fn derive(article: &ArticleId, sentence: &str, occurrence: usize) -> Self {
        let mut key = String::with_capacity(article.0.len() + sentence.len() + 8);
        key.push_str(&article.0);
        key.push('\u{1f}');
        key.push_str(sentence.trim());
        key.push('\u{1f}');
        key.push_str(&occurrence.to_string());
        let h = xxhash_rust::xxh3::xxh3_64(key.as_bytes());
        Self(format!("c{h:016x}"))
    }

    /// Id for a claim the user added by hand on the byte span `start..end` of an article.
    pub fn user(article: &ArticleId, start: usize, end: usize) -> Self {
        let key = format!("{}\u{1f}user\u{1f}{start}\u{1f}{end}", article.0);
        Self(format!(
            "u{:016x}",
            xxhash_rust::xxh3::xxh3_64(key.as_bytes())
        ))
    }
}

impl std::fmt::Display for ClaimId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The format an article was imported from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// Text copied from a browser, or any plain text file.
    #[default]
    Text,
    /// Markdown, possibly with YAML front matter.
    Markdown,
    /// A saved web page.
    Html,
    /// One message of a Telegram Desktop channel export.
    Telegram,
    /// One article record of a JSON file (an object, one element of an array, one JSON line),
    /// as scrapers write them: the raw text is the record's JSON, verbatim.
    Json,
}

impl Format {
    /// Lower-case name as shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Telegram => "telegram",
            Format::Json => "json record",
        }
    }
}

/// Article metadata. Every field may be unknown; nothing is ever invented.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
}

/// The metadata fields, for edits and display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MetaField {
    Title,
    Author,
    Outlet,
    Url,
    Published,
}

impl MetaField {
    pub const ALL: [MetaField; 5] = [
        MetaField::Title,
        MetaField::Author,
        MetaField::Outlet,
        MetaField::Url,
        MetaField::Published,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MetaField::Title => "Title",
            MetaField::Author => "Author",
            MetaField::Outlet => "Outlet",
            MetaField::Url => "URL",
            MetaField::Published => "Published",
        }
    }
}

impl Meta {
    /// The field as text ("" when unknown).
    pub fn get(&self, field: MetaField) -> Option<String> {
        match field {
            MetaField::Title => self.title.clone(),
            MetaField::Author => self.author.clone(),
            MetaField::Outlet => self.outlet.clone(),
            MetaField::Url => self.url.clone(),
            MetaField::Published => self.published.map(|d| d.to_string()),
        }
    }

    /// Set one field from text (`None` clears). A date that does not parse changes nothing.
    /// Returns whether the value changed.
    pub fn set(&mut self, field: MetaField, value: Option<String>) -> bool {
        fn replace(slot: &mut Option<String>, value: Option<String>) -> bool {
            let changed = *slot != value;
            *slot = value;
            changed
        }
        match field {
            MetaField::Title => replace(&mut self.title, value),
            MetaField::Author => replace(&mut self.author, value),
            MetaField::Outlet => replace(&mut self.outlet, value),
            MetaField::Url => replace(&mut self.url, value),
            MetaField::Published => {
                let d = value.as_deref().and_then(PartialDate::parse);
                if value.is_some() && d.is_none() {
                    return false;
                }
                let changed = self.published != d;
                self.published = d;
                changed
            }
        }
    }

    /// Fields of `over` that are set replace ours.
    pub fn overlay(&mut self, over: &Meta) {
        if over.title.is_some() {
            self.title.clone_from(&over.title);
        }
        if over.author.is_some() {
            self.author.clone_from(&over.author);
        }
        if over.outlet.is_some() {
            self.outlet.clone_from(&over.outlet);
        }
        if over.url.is_some() {
            self.url.clone_from(&over.url);
        }
        if over.published.is_some() {
            self.published = over.published;
        }
    }
}

/// Where an article came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    /// File name as imported (no folders: projects travel between machines).
    pub file_name: String,
    pub format: Format,
    /// The text encoding that was detected and decoded ("UTF-8", "windows-1251", ...).
    pub encoding: String,
    /// For one of several articles in a file (a Telegram message): the file's line where it
    /// is; 0 when the article is the whole file.
    pub line: u32,
    /// For one of several article records of a JSON file: its 0-based index in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u32>,
    /// The imported metadata came from a scraper's header (front matter, `Key: value` lines,
    /// a JSON record's fields), whose date is often the day of the crawl: the page's own date
    /// (its URL, its dateline) is preferred to it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub scraped_meta: bool,
    /// What the importer noticed and the user should know (a malformed header, records
    /// without text), each naming the line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The file's bytes exactly as read, when they did not decode to text without loss
    /// (an invalid byte replaced by U+FFFD): what the user had is kept. Empty otherwise; for a
    /// file of several articles only the first keeps them.
    #[serde(skip_serializing_if = "Vec::is_empty", with = "bytes")]
    pub original_bytes: Vec<u8>,
}

/// The user's decision about one raw line, overriding the cleaner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineDecision {
    Keep,
    Remove,
}

/// Verification status of a claim.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Verification {
    /// Nothing said either way.
    #[default]
    Unknown,
    /// The reporting says it could not verify.
    Unverified,
    /// Footage geolocated, confirmed by several sources.
    Corroborated,
    /// A third party (ISW, a monitor) assessed it.
    Assessed,
    /// Contradicted by other evidence.
    Contradicted,
}

impl Verification {
    pub const ALL: [Verification; 5] = [
        Verification::Unknown,
        Verification::Unverified,
        Verification::Corroborated,
        Verification::Assessed,
        Verification::Contradicted,
    ];

    /// The word used in files and JSON (`None` for unknown).
    pub fn word(self) -> Option<&'static str> {
        match self {
            Verification::Unknown => None,
            Verification::Unverified => Some("unverified"),
            Verification::Corroborated => Some("corroborated"),
            Verification::Assessed => Some("assessed"),
            Verification::Contradicted => Some("contradicted"),
        }
    }

    pub fn label(self) -> &'static str {
        self.word().unwrap_or("—")
    }
}

/// What a claim is about.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Topic {
    /// Who holds a place.
    Control,
    /// Advances, withdrawals, encirclement, movement of troops.
    Movement,
    /// Assaults and how many were repelled.
    Attacks,
    /// Strikes, shelling, casualties, damage.
    Strikes,
    /// Surrender and capture of troops.
    Surrender,
    /// Anything else about the war.
    #[default]
    General,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::Control,
        Topic::Movement,
        Topic::Attacks,
        Topic::Strikes,
        Topic::Surrender,
        Topic::General,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Topic::Control => "control",
            Topic::Movement => "movement",
            Topic::Attacks => "attacks",
            Topic::Strikes => "strikes",
            Topic::Surrender => "surrender",
            Topic::General => "general",
        }
    }
}

/// Which side a claim's content favours.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Stance {
    /// Good news for Ukraine (Russia failing, Ukraine holding or advancing).
    FavoursUkraine,
    /// Good news for Russia.
    FavoursRussia,
    #[default]
    Neutral,
}

impl Stance {
    pub const ALL: [Stance; 3] = [
        Stance::FavoursUkraine,
        Stance::FavoursRussia,
        Stance::Neutral,
    ];

    pub fn word(self) -> Option<&'static str> {
        match self {
            Stance::FavoursUkraine => Some("favours_ukraine"),
            Stance::FavoursRussia => Some("favours_russia"),
            Stance::Neutral => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stance::FavoursUkraine => "favours Ukraine",
            Stance::FavoursRussia => "favours Russia",
            Stance::Neutral => "neutral",
        }
    }
}

/// A place a claim mentions, resolved against the gazetteer where possible.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceRef {
    /// The name as normalised (English, KMU 2010 spelling where known).
    pub name: String,
    pub oblast: Option<String>,
    /// The district (raion), for settlements from the register.
    pub district: Option<String>,
    /// Gazetteer id (`katottg:…`, `geonames:…`, `feature:…`).
    pub id: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// A claim: who claimed what, about which place, when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Claim {
    pub id: ClaimId,
    /// 1-based raw line where the claim's sentence starts.
    pub line: u32,
    /// Byte range of the sentence in the article's analysed text.
    pub span: (usize, usize),
    pub text: String,
    pub speaker: Option<String>,
    pub camp: Camp,
    pub cue: Option<String>,
    pub quote: bool,
    pub relayed_by: Vec<String>,
    pub places: Vec<PlaceRef>,
    /// The axis or sector of the front the claim is about ("Pokrovsk axis"), when the article
    /// names one.
    pub axis: Option<String>,
    pub date: Option<PartialDate>,
    pub date_text: Option<String>,
    pub topic: Topic,
    pub stance: Stance,
    /// What the claim asserts about its places (who holds or gains them), for the comparison.
    pub position: Position,
    pub hedged: bool,
    pub verification: Verification,
}

/// The user's changes to one extracted claim; `None` leaves the computed value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimEdit {
    pub speaker: Option<Option<String>>,
    pub camp: Option<Camp>,
    pub places: Option<Vec<PlaceRef>>,
    pub date: Option<Option<PartialDate>>,
    pub topic: Option<Topic>,
    pub stance: Option<Stance>,
    pub position: Option<Position>,
    pub hedged: Option<bool>,
    pub verification: Option<Verification>,
    pub note: Option<String>,
}

impl ClaimEdit {
    /// Apply these edits to a computed claim.
    pub fn apply(&self, c: &mut Claim) {
        if let Some(v) = &self.speaker {
            c.speaker.clone_from(v);
        }
        if let Some(v) = self.camp {
            c.camp = v;
        }
        if let Some(v) = &self.places {
            c.places.clone_from(v);
        }
        if let Some(v) = self.date {
            c.date = v;
        }
        if let Some(v) = self.topic {
            c.topic = v;
        }
        if let Some(v) = self.stance {
            c.stance = v;
        }
        if let Some(v) = self.position {
            c.position = v;
        }
        if let Some(v) = self.hedged {
            c.hedged = v;
        }
        if let Some(v) = self.verification {
            c.verification = v;
        }
    }

    /// Merge `other` into self: fields set in `other` win.
    pub fn merge_from(&mut self, other: &ClaimEdit) {
        macro_rules! take {
            ($($f:ident),*) => {$( if other.$f.is_some() { self.$f.clone_from(&other.$f); } )*};
        }
        take!(
            speaker,
            camp,
            places,
            date,
            topic,
            stance,
            position,
            hedged,
            verification,
            note
        );
    }
}

/// One article: verbatim raw text, import facts, and the user's edits. Analysis results are
/// not stored here; they are recomputed from the raw text and never overwrite these edits.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    pub id: ArticleId,
    pub source: Source,
    /// Metadata the importer read from the file's own structure (front matter, HTML meta,
    /// Telegram channel and message time): facts not recoverable from the text alone.
    pub imported_meta: Meta,
    /// The text exactly as imported.
    pub raw: Arc<str>,
    /// Metadata the user set; set fields win over anything detected.
    pub meta_edits: Meta,
    /// Lines the user flipped, by 1-based raw line number.
    pub line_decisions: BTreeMap<u32, LineDecision>,
    /// Edits to extracted claims.
    pub claim_edits: BTreeMap<ClaimId, ClaimEdit>,
    /// Claims the user added by hand.
    pub user_claims: Vec<Claim>,
    /// Extracted claims the user deleted.
    pub deleted_claims: BTreeSet<ClaimId>,
    /// Free notes.
    pub notes: String,
    /// Fields of the project file this version does not know (written by a newer version, or
    /// by hand), by name, as RON text: kept verbatim and written back on save.
    #[serde(skip)]
    pub extra: BTreeMap<String, String>,
}

impl Article {
    /// A new article from imported text.
    pub fn new(raw: impl Into<Arc<str>>, source: Source, imported_meta: Meta) -> Self {
        let raw: Arc<str> = raw.into();
        Self {
            id: ArticleId::from_raw(&raw),
            source,
            imported_meta,
            raw,
            ..Self::default()
        }
    }
}

/// The user's verdict on a comparison group, overriding the computed one. It is stored with
/// the place, topic and date range it was made for, and applies, under any period grouping, to
/// the rows of that place and topic whose dates lie inside the range. Files written before the
/// scope was stored have only the verdict and note; the scope is then read from the group key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VerdictOverride {
    /// "agree", "conflict", "disputed", "mixed", "single" or "none".
    pub verdict: String,
    pub note: String,
    /// The place (as the comparison names it: a settlement, "X axis", "X raion", "X oblast").
    pub place: Option<String>,
    pub oblast: Option<String>,
    /// The topic word ("control", "strikes", ...).
    pub topic: Option<String>,
    /// The first and last day the verdict was made for; both `None` for undated claims.
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

/// A difference two merged projects disagreed on: both versions are kept, ours applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeConflict {
    pub article: Option<ArticleId>,
    /// Which value differs, so the other side's version can be taken.
    #[serde(default)]
    pub key: Option<ConflictKey>,
    /// What differs, in words ("claim c12… camp", "line 14", "title").
    pub what: String,
    /// The value kept (RON).
    pub ours: String,
    /// The other side's value (RON), not applied.
    pub theirs: String,
    /// Which file the other side came from.
    pub from: String,
}

/// The value a merge conflict is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictKey {
    Meta(MetaField),
    Line(u32),
    ClaimEdit(ClaimId),
    UserClaim(ClaimId),
    CampOverride(String),
    Verdict(String),
    /// A claim one side deleted and the other edited; the value is whether it is deleted.
    ClaimDeleted(ClaimId),
}

/// A research project: everything a researcher saves, sends and merges.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub articles: BTreeMap<ArticleId, Article>,
    /// Claimant name (lower case) → camp, overriding the bundled lexicon for this project.
    pub camp_overrides: BTreeMap<String, Camp>,
    /// Comparison group key → the user's verdict.
    pub verdict_overrides: BTreeMap<String, VerdictOverride>,
    /// Differences found when merging, for the user to settle.
    pub merge_conflicts: Vec<MergeConflict>,
    /// Top-level fields of the project file this version does not know, by name, as RON text:
    /// kept verbatim and written back on save.
    #[serde(skip)]
    pub extra: BTreeMap<String, String>,
}

impl Project {
    /// Add an article unless the same text is already there; returns whether it was new.
    pub fn add_article(&mut self, article: Article) -> bool {
        if self.articles.contains_key(&article.id) {
            return false;
        }
        self.articles.insert(article.id.clone(), article);
        true
    }
}
