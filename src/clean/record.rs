//! The article inside a JSON record, as scrapers write them (`title`, `url`, `date`, `text`,
//! ...): which fields hold what, under the usual names in any case style (`publishedAt`,
//! `published_at`, `datePublished`), and the document text they make.

use serde_json::{Map, Value};

/// Field names (normalised: lower case, no `_` or `-`) by what they hold, strongest first.
const BODY: &[&str] = &[
    "text",
    "body",
    "content",
    "articlebody",
    "article",
    "fulltext",
    "maintext",
    "story",
    "message",
    "contenttext",
    "plaintext",
];
const LEAD: &[&str] = &[
    "description",
    "summary",
    "lead",
    "excerpt",
    "subtitle",
    "abstract",
];
const TITLE: &[&str] = &["title", "headline", "header"];
const URL: &[&str] = &[
    "url",
    "link",
    "canonicalurl",
    "canonical",
    "permalink",
    "href",
    "sourceurl",
    "articleurl",
];
const DATE: &[&str] = &[
    "datepublished",
    "published",
    "publishedat",
    "publishdate",
    "publicationdate",
    "pubdate",
    "date",
    "datetime",
    "time",
    "createdat",
    "created",
    "timestamp",
];
const AUTHOR: &[&str] = &["author", "authors", "byline", "creator", "writer"];
const OUTLET: &[&str] = &[
    "outlet",
    "sitename",
    "site",
    "publisher",
    "sourcename",
    "source",
    "channel",
    "domain",
];

fn norm(k: &str) -> String {
    k.chars()
        .filter(|c| *c != '_' && *c != '-' && *c != ' ')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first field of `names` present in the record.
fn field<'a>(rec: &'a Map<String, Value>, names: &[&str]) -> Option<(&'a str, &'a Value)> {
    names.iter().find_map(|n| {
        rec.iter()
            .find(|(k, v)| norm(k) == *n && !v.is_null())
            .map(|(k, v)| (k.as_str(), v))
    })
}

/// A value as one line of text: a string, a number, or the `name` of an object.
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("title"))
            .and_then(Value::as_str)?
            .trim()
            .to_owned(),
        Value::Array(items) => items
            .iter()
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Paragraphs of a body value: a string split at line breaks, or a list of strings (or of
/// `{text}` parts).
fn paragraphs(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => s.lines().map(str::to_owned).collect(),
        Value::Array(items) => items
            .iter()
            .flat_map(|p| match p {
                Value::String(s) => s.lines().map(str::to_owned).collect(),
                Value::Object(o) => o
                    .get("text")
                    .and_then(Value::as_str)
                    .map(|s| s.lines().map(str::to_owned).collect())
                    .unwrap_or_default(),
                _ => Vec::new(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// What one record holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub title: Option<String>,
    /// A lead or description that is not also the body's first paragraph.
    pub lead: Option<String>,
    pub body: Vec<String>,
    /// The JSON key the body came from (to find it in the raw text).
    pub body_key: String,
    pub url: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    /// The outlet or channel named by the record (a name, or a URL or domain).
    pub outlet: Option<String>,
}

/// The article in a record, when it has text.
pub fn read(rec: &Map<String, Value>) -> Option<Record> {
    let (body_key, body) = field(rec, BODY)
        .map(|(k, v)| (k, paragraphs(v)))
        .filter(|(_, b)| b.iter().any(|p| !p.trim().is_empty()))
        .or_else(|| {
            field(rec, LEAD)
                .map(|(k, v)| (k, paragraphs(v)))
                .filter(|(_, b)| b.iter().any(|p| !p.trim().is_empty()))
        })?;
    let title = field(rec, TITLE).and_then(|(_, v)| text_of(v));
    let lead = field(rec, LEAD)
        .and_then(|(k, v)| (k != body_key).then(|| text_of(v)).flatten())
        .filter(|l| {
            let start: String = l.chars().take(80).collect();
            !body.iter().any(|p| p.contains(start.trim()))
        });
    let date = field(rec, DATE).and_then(|(_, v)| match v {
        // Seconds (or milliseconds) since 1970.
        Value::Number(n) => n.as_i64().and_then(|t| {
            let secs = if t > 100_000_000_000 { t / 1000 } else { t };
            chrono::DateTime::from_timestamp(secs, 0)
                .map(|d| d.naive_utc().format("%Y-%m-%dT%H:%M").to_string())
        }),
        other => text_of(other),
    });
    let outlet_field = field(rec, OUTLET).and_then(|(_, v)| text_of(v));
    let mut url = field(rec, URL).and_then(|(_, v)| text_of(v));
    let mut outlet = outlet_field;
    // `source` holding a URL is the page's address.
    if outlet.as_deref().is_some_and(|o| o.starts_with("http")) {
        if url.is_none() {
            url = outlet.take();
        } else {
            outlet = None;
        }
    }
    Some(Record {
        title,
        lead,
        body,
        body_key: body_key.to_owned(),
        url,
        date,
        author: field(rec, AUTHOR).and_then(|(_, v)| text_of(v)),
        outlet,
    })
}

/// The keys a record has, for a message about a record without text.
pub fn keys(rec: &Map<String, Value>) -> String {
    let mut k: Vec<&str> = rec.keys().map(String::as_str).take(12).collect();
    if rec.len() > 12 {
        k.push("...");
    }
    k.join(", ")
}

/// The document lines of a record's raw JSON text: (text, 1-based raw line, is heading).
pub fn lines(raw: &str) -> Vec<(String, u32, bool)> {
    let Ok(Value::Object(rec)) = serde_json::from_str::<Value>(raw) else {
        return Vec::new();
    };
    let Some(r) = read(&rec) else {
        return Vec::new();
    };
    let line_at =
        |pos: usize| u32::try_from(raw[..pos].matches('\n').count() + 1).unwrap_or(u32::MAX);
    // Where a value starts in the raw text: its JSON-escaped beginning, searched from `from`.
    let find = |s: &str, from: usize| -> Option<usize> {
        let prefix: String = s.trim().chars().take(40).collect();
        let esc = serde_json::to_string(&prefix).ok()?;
        let esc = esc.trim_matches('"');
        (!esc.is_empty())
            .then(|| raw[from..].find(esc).map(|p| p + from))
            .flatten()
    };
    let key_pos = |k: &str| raw.find(&format!("\"{k}\"")).unwrap_or(0);
    let mut out = Vec::new();
    if let Some(t) = &r.title {
        let p = find(t, 0).unwrap_or_else(|| key_pos("title"));
        out.push((t.clone(), line_at(p), true));
    }
    if let Some(l) = &r.lead {
        let p = find(l, 0).unwrap_or(0);
        out.push((l.clone(), line_at(p), false));
    }
    let mut cursor = key_pos(&r.body_key);
    for para in &r.body {
        let p = find(para, cursor).unwrap_or(cursor);
        cursor = p;
        out.push((para.clone(), line_at(p), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(s: &str) -> Map<String, Value> {
        match serde_json::from_str(s) {
            Ok(Value::Object(m)) => m,
            _ => panic!("not an object: {s}"),
        }
    }

    #[test]
    fn fields_under_their_usual_names() {
        let r = read(&rec(r#"{"headline":"H","articleBody":"P1\nP2","publishedAt":"2025-01-02T03:04:05Z","source":{"name":"Kyiv Post"},"authors":["A","B"],"permalink":"https://x.org/1"}"#)).unwrap();
        assert_eq!(r.title.as_deref(), Some("H"));
        assert_eq!(r.body, vec!["P1", "P2"]);
        assert_eq!(r.date.as_deref(), Some("2025-01-02T03:04:05Z"));
        assert_eq!(r.outlet.as_deref(), Some("Kyiv Post"));
        assert_eq!(r.author.as_deref(), Some("A, B"));
        assert_eq!(r.url.as_deref(), Some("https://x.org/1"));
        let r = read(&rec(
            r#"{"text":"T","date":1733184000,"source":"https://t.me/x/1"}"#,
        ))
        .unwrap();
        assert_eq!(r.date.as_deref(), Some("2024-12-03T00:00"));
        assert_eq!(r.url.as_deref(), Some("https://t.me/x/1"));
        assert_eq!(r.outlet, None);
        assert_eq!(read(&rec(r#"{"id":1,"name":"x"}"#)), None);
        assert_eq!(read(&rec(r#"{"title":"only a title","text":""}"#)), None);
    }

    #[test]
    fn lines_point_into_the_record() {
        let raw = "{\n  \"title\": \"Strikes on Kharkiv\",\n  \"description\": \"First para\",\n  \"content\": [\n    \"First para\",\n    \"Second \\\"quoted\\\" para\"\n  ]\n}";
        let l = lines(raw);
        assert_eq!(
            l,
            vec![
                ("Strikes on Kharkiv".to_owned(), 2, true),
                ("First para".to_owned(), 5, false),
                ("Second \"quoted\" para".to_owned(), 6, false),
            ]
        );
    }
}
