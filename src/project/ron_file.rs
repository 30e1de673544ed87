//! The RON file format: writing a project deterministically, and reading one back without
//! dropping what this version does not know or what the file holds twice.
//!
//! Unknown fields at the top level and in an article are kept verbatim (as RON text) in the
//! `extra` maps and written back. serde's `flatten` cannot do this with RON: a flattened
//! struct is buffered through serde's content type, which loses RON's raw text and turns the
//! struct into a map (`{"a": 1}`, not `(a: 1)`). So reading runs a typed pass that notes every
//! ignored field (`serde_ignored`) and, only when there are some, a raw pass that captures them
//! with `ron::value::RawValue`. Unknown fields deeper down (in a claim, a source, ...) cannot be
//! kept, so such a file is refused before anything is dropped.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::{Mutex, OnceLock, PoisonError};

use ron::value::RawValue;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Article, ArticleId, Camp, MergeConflict, Project, VerdictOverride};

/// The file format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// The top-level fields this version reads.
const TOP_FIELDS: [&str; 6] = [
    "format",
    "written_by",
    "articles",
    "camp_overrides",
    "verdict_overrides",
    "merge_conflicts",
];

/// How many unknown field names are listed in a refusal.
const LIST_AT_MOST: usize = 5;

/// Why a text is not a project this version can read without loss.
#[derive(Debug)]
pub enum ReadError {
    /// Not valid RON for a project, at 1-based `line` and `column`.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    NoVersion,
    TooNew(u32),
    /// Fields this version does not know and could not keep, by path.
    Unkeepable(Vec<String>),
}

/// A parsed project with what the user should be told about it.
#[derive(Debug)]
pub struct Parsed {
    pub project: Project,
    /// Things that were repaired without loss (an id that appeared twice, ...).
    pub warnings: Vec<String>,
}

fn syntax(e: &ron::error::SpannedError) -> ReadError {
    ReadError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    }
}

// ---------------------------------------------------------------- writing

/// The project as RON text. Deterministic: the same project always gives the same bytes.
pub fn to_ron(project: &Project) -> String {
    let cfg = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .struct_names(false)
        .indentor("  ".to_owned())
        .new_line("\n".to_owned());
    let mut s = ron::ser::to_string_pretty(&FileOut(project), cfg)
        .unwrap_or_else(|e| unreachable!("a project always serialises: {e}"));
    s.push('\n');
    s
}

struct FileOut<'a>(&'a Project);

impl Serialize for FileOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut st = s.serialize_struct("Project", TOP_FIELDS.len() + p.extra.len())?;
        st.serialize_field("format", &FORMAT_VERSION)?;
        st.serialize_field(
            "written_by",
            &format!("crosscheck {}", env!("CARGO_PKG_VERSION")),
        )?;
        st.serialize_field("articles", &ArticlesOut(&p.articles))?;
        st.serialize_field("camp_overrides", &p.camp_overrides)?;
        st.serialize_field("verdict_overrides", &p.verdict_overrides)?;
        st.serialize_field("merge_conflicts", &p.merge_conflicts)?;
        write_extra(&mut st, &p.extra)?;
        st.end()
    }
}

struct ArticlesOut<'a>(&'a BTreeMap<ArticleId, Article>);

impl Serialize for ArticlesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (id, a) in self.0 {
            m.serialize_entry(id, &ArticleOut(a))?;
        }
        m.end()
    }
}

/// An article as the derived `Serialize` writes it, followed by its unknown fields.
/// (`article_fields_match_the_model` checks that no field is missing here.)
struct ArticleOut<'a>(&'a Article);

impl Serialize for ArticleOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut st = s.serialize_struct("Article", 10 + a.extra.len())?;
        st.serialize_field("id", &a.id)?;
        st.serialize_field("source", &a.source)?;
        st.serialize_field("imported_meta", &a.imported_meta)?;
        st.serialize_field("raw", &a.raw)?;
        st.serialize_field("meta_edits", &a.meta_edits)?;
        st.serialize_field("line_decisions", &a.line_decisions)?;
        st.serialize_field("claim_edits", &a.claim_edits)?;
        st.serialize_field("user_claims", &a.user_claims)?;
        st.serialize_field("deleted_claims", &a.deleted_claims)?;
        st.serialize_field("notes", &a.notes)?;
        write_extra(&mut st, &a.extra)?;
        st.end()
    }
}

/// Unknown fields, written back as they were read.
fn write_extra<S: SerializeStruct>(
    st: &mut S,
    extra: &BTreeMap<String, String>,
) -> Result<(), S::Error> {
    for (name, value) in extra {
        st.serialize_field(intern(name), &ExtraOut(value))?;
    }
    Ok(())
}

/// A kept field's RON text; text that is not RON (set by code, never read from a file) is
/// written as a string rather than lost.
struct ExtraOut<'a>(&'a str);

impl Serialize for ExtraOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A value read with a line comment after it ("{…} // note") is RON only with the
        // line's end: the comment ends there, not at the comma written after it.
        let with_eol = format!("{}\n", self.0);
        match RawValue::from_ron(self.0).or_else(|_| RawValue::from_ron(&with_eol)) {
            Ok(raw) => raw.serialize(s),
            Err(_) => s.serialize_str(self.0),
        }
    }
}

/// serde wants field names as `&'static str`; unknown names are leaked once each and reused.
/// Their number is bounded by the distinct names in the files this process has read.
fn intern(name: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(n) = names.get(name) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
}

// ---------------------------------------------------------------- reading

#[derive(Deserialize)]
struct VersionProbe {
    /// 0 when the field is missing.
    #[serde(default)]
    format: u32,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FileIn {
    // Read by the probe, and informational: listed so they are not taken for unknown fields.
    #[serde(rename = "format")]
    _format: u32,
    #[serde(rename = "written_by")]
    _written_by: String,
    articles: Entries<ArticleId, Article>,
    camp_overrides: BTreeMap<String, Camp>,
    verdict_overrides: BTreeMap<String, VerdictOverride>,
    merge_conflicts: Vec<MergeConflict>,
}

/// A RON map read in order with repeated keys kept (a `BTreeMap` keeps only the last).
struct Entries<K, V>(Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V2<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for V2<K, V> {
            type Value = Entries<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    v.push(entry);
                }
                Ok(Entries(v))
            }
        }
        d.deserialize_map(V2(std::marker::PhantomData))
    }
}

/// Any struct, field by field, each value as its RON text.
struct RawStruct(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for RawStruct {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawStruct;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a struct")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut v = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    v.push(entry);
                }
                Ok(RawStruct(v))
            }
        }
        d.deserialize_struct("", &[], V)
    }
}

/// Where an ignored field was: keepable at the top level and in an article, not deeper.
fn keepable(path: &serde_ignored::Path) -> bool {
    use serde_ignored::Path;
    match path {
        Path::Map { parent, .. } => match parent {
            Path::Root => true,
            Path::Map { parent, .. } => {
                matches!(parent, Path::Map { parent: Path::Root, key } if key == "articles")
            }
            _ => false,
        },
        _ => false,
    }
}

/// The names of an article's fields, as written.
fn article_fields() -> &'static BTreeSet<String> {
    static FIELDS: OnceLock<BTreeSet<String>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let text = ron::to_string(&ArticleOut(&Article::default())).unwrap_or_default();
        ron::from_str::<RawStruct>(&text)
            .map(|r| r.0.into_iter().map(|(k, _)| k).collect())
            .unwrap_or_default()
    })
}

/// Unknown fields of one struct; a name given twice cannot be kept.
fn unknown_fields(
    raw: RawStruct,
    known: impl Fn(&str) -> bool,
    at: &str,
) -> Result<BTreeMap<String, String>, ReadError> {
    let mut extra = BTreeMap::new();
    for (k, v) in raw.0 {
        if known(&k) {
            continue;
        }
        if extra.contains_key(&k) {
            return Err(ReadError::Unkeepable(vec![format!(
                "{at}{k} (given twice)"
            )]));
        }
        extra.insert(k, v.get_ron().trim().to_owned());
    }
    Ok(extra)
}

/// Parse a project from RON text (a leading byte-order mark is allowed).
pub fn parse(text: &str) -> Result<Parsed, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let probe: VersionProbe = ron::from_str(text).map_err(|e| syntax(&e))?;
    match probe.format {
        0 => return Err(ReadError::NoVersion),
        f if f > FORMAT_VERSION => return Err(ReadError::TooNew(f)),
        // Older formats would be migrated here, one step at a time; 1 is the first format.
        _ => {}
    }
    let mut de = ron::Deserializer::from_str(text).map_err(|e| syntax(&e))?;
    let mut kept = 0usize;
    let mut lost = Vec::new();
    let file: FileIn = serde_ignored::deserialize(&mut de, |path| {
        if keepable(&path) {
            kept += 1;
        } else {
            lost.push(path.to_string());
        }
    })
    .map_err(|e| syntax(&de.span_error(e)))?;
    de.end().map_err(|e| syntax(&de.span_error(e)))?;
    if !lost.is_empty() {
        lost.truncate(LIST_AT_MOST);
        return Err(ReadError::Unkeepable(lost));
    }
    let mut entries = file.articles.0;
    let mut project = Project {
        camp_overrides: file.camp_overrides,
        verdict_overrides: file.verdict_overrides,
        merge_conflicts: file.merge_conflicts,
        ..Project::default()
    };
    if kept > 0 {
        let top: RawStruct = ron::from_str(text).map_err(|e| syntax(&e))?;
        let articles_raw = top
            .0
            .iter()
            .find(|(k, _)| k == "articles")
            .map(|(_, v)| v.get_ron().to_owned());
        project.extra = unknown_fields(top, |k| TOP_FIELDS.contains(&k), "")?;
        if let Some(raw) = articles_raw {
            let raws: Entries<IgnoredAny, RawStruct> =
                ron::from_str(&raw).map_err(|e| syntax(&e))?;
            if raws.0.len() != entries.len() {
                // Cannot happen: both passes read the same map.
                return Err(ReadError::Unkeepable(vec!["articles".into()]));
            }
            for ((id, a), (_, r)) in entries.iter_mut().zip(raws.0) {
                a.extra = unknown_fields(
                    r,
                    |k| article_fields().contains(k),
                    &format!("articles.{id}."),
                )?;
            }
        }
    }
    let warnings = insert_articles(&mut project, &mut entries);
    Ok(Parsed { project, warnings })
}

/// Insert articles by their keys. An id given twice keeps both unless they are identical:
/// the later one gets an id of its own, and the user is told.
fn insert_articles(project: &mut Project, entries: &mut Vec<(ArticleId, Article)>) -> Vec<String> {
    let mut warnings = Vec::new();
    for (id, mut a) in entries.drain(..) {
        // Keys are the ids: a hand-edited file whose key and id disagree keeps the key.
        a.id.clone_from(&id);
        match project.articles.get(&id) {
            None => {
                project.articles.insert(id, a);
            }
            Some(first) if *first == a => {}
            Some(_) => {
                let new = super::spare_id(project, &a.raw);
                warnings.push(format!(
                    "Article {id} appears twice in the file with different content; both are kept, the second as article {new}."
                ));
                a.id = new.clone();
                project.articles.insert(new, a);
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_fields_match_the_model() {
        let derived = ron::to_string(&Article::default()).unwrap_or_default();
        let derived: RawStruct = ron::from_str(&derived).unwrap_or(RawStruct(Vec::new()));
        let derived: BTreeSet<String> = derived.0.into_iter().map(|(k, _)| k).collect();
        assert!(!derived.is_empty());
        assert_eq!(&derived, article_fields());
    }

    #[test]
    fn serde_flatten_is_not_enough_in_ron() {
        // Why the `extra` maps are not `#[serde(flatten)]`: RON writes a flattened struct
        // as a map, which is no longer the file's struct syntax.
        #[derive(Serialize)]
        struct Flat {
            a: u32,
            #[serde(flatten)]
            extra: BTreeMap<String, u32>,
        }
        let s = ron::to_string(&Flat {
            a: 1,
            extra: BTreeMap::from([("b".to_owned(), 2)]),
        })
        .unwrap_or_default();
        assert!(!s.starts_with('('), "{s}");
    }
}
