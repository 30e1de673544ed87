//! JSON article records, as scrapers write them: one object, an array of objects, or JSON
//! Lines. Each record with article text becomes one article whose raw text is the record's
//! JSON, verbatim; the fields it names give its metadata.

use serde_json::Value;
use serde_json::value::RawValue;

use super::lines::LineCounter;
use crate::clean::record;
use crate::model::{Article, Format, Source};

/// One record of a file: its verbatim JSON text and the file line it starts on.
struct Span<'a> {
    json: &'a str,
    line: u32,
}

/// Why a JSON file gave no articles.
pub enum NotRecords {
    /// Not JSON at all (the message says where parsing stopped).
    Invalid(String),
    /// JSON, but no record in it holds article text.
    NoArticles(String),
}

/// Split a file into records: a top-level array's elements, one top-level object, or one
/// object per line (JSON Lines).
fn spans(text: &str) -> Result<Vec<Span<'_>>, String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| where_(&e))?;
        let mut lines = LineCounter::new(text);
        return Ok(items
            .into_iter()
            .map(|r| Span {
                json: r.get(),
                line: lines.line_of(r.get()),
            })
            .collect());
    }
    match serde_json::from_str::<&RawValue>(text) {
        Ok(r) => Ok(vec![Span {
            json: r.get(),
            line: LineCounter::new(text).line_of(r.get()),
        }]),
        Err(whole) => {
            // JSON Lines: every non-blank line a JSON value of its own.
            let mut out = Vec::new();
            for (i, l) in text.lines().enumerate() {
                let t = l.trim();
                if t.is_empty() {
                    continue;
                }
                match serde_json::from_str::<&RawValue>(t) {
                    Ok(r) => out.push(Span {
                        json: r.get(),
                        line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    }),
                    Err(_) if out.is_empty() => return Err(where_(&whole)),
                    Err(e) => {
                        return Err(format!("line {}, column {}: {e}", i + 1, e.column()));
                    }
                }
            }
            if out.len() < 2 {
                return Err(where_(&whole));
            }
            Ok(out)
        }
    }
}

fn where_(e: &serde_json::Error) -> String {
    format!("line {}, column {}: {e}", e.line(), e.column())
}

/// Whether a parsed file is a Telegram Desktop export (an object with a `messages` list).
pub fn is_telegram_export(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe<'a> {
        #[serde(borrow)]
        messages: Option<&'a RawValue>,
    }
    serde_json::from_str::<Probe<'_>>(text)
        .ok()
        .and_then(|p| p.messages)
        .is_some_and(|m| m.get().trim_start().starts_with('['))
}

/// The articles of a file of JSON records.
pub fn import(text: &str, source: &Source) -> Result<Vec<Article>, NotRecords> {
    let spans = spans(text).map_err(NotRecords::Invalid)?;
    let several = spans.len() > 1;
    let mut out: Vec<Article> = Vec::new();
    let mut skipped: Vec<(u32, String)> = Vec::new();
    for s in &spans {
        let Ok(Value::Object(rec)) = serde_json::from_str::<Value>(s.json) else {
            skipped.push((s.line, "not an object".to_owned()));
            continue;
        };
        let Some(r) = record::read(&rec) else {
            skipped.push((
                s.line,
                format!("no article text (keys: {})", record::keys(&rec)),
            ));
            continue;
        };
        let meta = super::meta_from(&super::Fields {
            title: r.title.as_deref(),
            author: r.author.as_deref(),
            outlet: r.outlet.as_deref(),
            url: r.url.as_deref(),
            date: r.date.as_deref(),
        });
        let src = Source {
            format: Format::Json,
            line: if several || s.line > 1 { s.line } else { 0 },
            record: several.then(|| u32::try_from(out.len()).unwrap_or(u32::MAX)),
            scraped_meta: true,
            ..source.clone()
        };
        out.push(Article::new(s.json, src, meta));
    }
    if out.is_empty() {
        let (line, why) = skipped
            .first()
            .cloned()
            .unwrap_or((1, "no records".to_owned()));
        return Err(NotRecords::NoArticles(format!(
            "JSON, but not articles: expected article records (objects with a \"text\", \"body\" or \"content\" field) or a Telegram Desktop export (an object with a \"messages\" list); the first record, at line {line}, has {why}"
        )));
    }
    if !skipped.is_empty() {
        let lines: Vec<String> = skipped
            .iter()
            .take(10)
            .map(|(l, _)| l.to_string())
            .collect();
        let more = if skipped.len() > 10 { ", ..." } else { "" };
        let w = format!(
            "{} of {} records hold no article text and were not imported ({} {}{more}); the first: {}",
            skipped.len(),
            spans.len(),
            if skipped.len() == 1 { "line" } else { "lines" },
            lines.join(", "),
            skipped[0].1
        );
        if let Some(first) = out.first_mut() {
            first.source.warnings.push(w);
        }
    }
    Ok(out)
}
