//! Telegram Desktop channel exports (`result.json`): each message with text is an article.

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::lines::LineCounter;
use crate::model::{Article, Meta, PartialDate, Source};

/// The export with each message still as its JSON text, borrowed from the file: where a
/// message is in the file gives its line number.
#[derive(Deserialize)]
struct Export<'a> {
    name: Option<String>,
    #[serde(borrow)]
    messages: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Message {
    id: Option<i64>,
    #[serde(rename = "type")]
    kind: Option<String>,
    date: Option<String>,
    from: Option<String>,
    #[serde(default)]
    text: Value,
}

/// The plain text of a message: a string, or a list of strings and `{type, text}` entities.
fn message_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts
            .iter()
            .map(|p| match p {
                Value::String(s) => s.clone(),
                Value::Object(o) => o
                    .get("text")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                _ => String::new(),
            })
            .collect(),
        _ => String::new(),
    }
}

/// Parse an export into articles; the error says what is wrong with the JSON.
pub fn import(text: &str, source: &Source) -> Result<Vec<Article>, String> {
    let export: Export<'_> = serde_json::from_str(text).map_err(|e| {
        format!(
            "line {}, column {}: {e} (expected a Telegram Desktop export with a \"messages\" list)",
            e.line(),
            e.column()
        )
    })?;
    let mut out = Vec::new();
    let mut lines = LineCounter::new(text);
    for raw in export.messages {
        // A message's line is its `"id"`'s (Telegram writes it first), else its start's.
        let json = raw.get();
        let line = lines.line_of(json.find("\"id\"").map_or(json, |i| &json[i..]));
        let m: Message = serde_json::from_str(json)
            .map_err(|e| format!("line {line}: a message that is not a Telegram message: {e}"))?;
        if m.kind.as_deref().is_some_and(|k| k != "message") {
            continue;
        }
        let body = message_text(&m.text);
        if body.trim().is_empty() {
            continue;
        }
        let published = m.date.as_deref().and_then(PartialDate::parse);
        let meta = Meta {
            title: None,
            author: None,
            outlet: export.name.clone().or(m.from.clone()),
            url: None,
            published,
        };
        let mut src = source.clone();
        src.line = line;
        if let Some(id) = m.id {
            src.file_name = format!("{}#{id}", source.file_name);
        }
        out.push(Article::new(body, src, meta));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_become_articles() {
        let json = r#"{"name":"Rybar","type":"public_channel","id":1,"messages":[
          {"id":7,"type":"message","date":"2025-01-24T14:33:10","from":"Rybar","text":"Штурмовики заняли Пищане."},
          {"id":8,"type":"service","date":"2025-01-24T15:00:00","text":""},
          {"id":9,"type":"message","date":"2025-01-25T09:00:00","from":"Rybar","text":["Бои у ",{"type":"bold","text":"Купянска"},"."]}]}"#;
        let arts = import(
            json,
            &Source {
                file_name: "result.json".into(),
                ..Source::default()
            },
        )
        .unwrap();
        assert_eq!(arts.len(), 2);
        assert_eq!(&*arts[1].raw, "Бои у Купянска.");
        assert_eq!(arts[0].imported_meta.outlet.as_deref(), Some("Rybar"));
        assert_eq!(
            arts[0]
                .imported_meta
                .published
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-01-24T14:33")
        );
        assert_eq!(arts[0].source.file_name, "result.json#7");
    }

    #[test]
    fn other_json_is_refused_with_position() {
        let e = import("{\"a\": 1}", &Source::default()).unwrap_err();
        assert!(e.contains("messages"), "{e}");
    }
}
