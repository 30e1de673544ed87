//! The metadata header a saved page may start with, whatever its file type: YAML front matter
//! (`---` … `---`, read with a YAML parser) or the `Key: value` block scrapers write
//! (`Title:`, `URL:`, `Date:`, `Source:`, in English, Ukrainian or Russian). Cleaning marks its
//! lines as metadata; import reads its fields.

use yaml_rust2::{Yaml, YamlLoader};

/// Front matter longer than this many lines is not front matter.
const MAX_FRONT_MATTER_LINES: usize = 200;

/// A header found at the top of a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// How many lines the header takes from the top: the body starts at this 0-based line.
    pub lines: usize,
    /// Keys in lower case with their values as text, in file order.
    pub fields: Vec<(String, String)>,
    /// What is wrong with the header, with its file line (malformed YAML).
    pub problem: Option<String>,
}

impl Header {
    /// The first value of any of these keys.
    pub fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.fields
                .iter()
                .find(|(f, v)| f == k && !v.trim().is_empty())
                .map(|(_, v)| v.trim())
        })
    }
}

/// Keys of a scraped header block, with the key they mean. Anything else ends the block.
const BLOCK_KEYS: &[(&str, &str)] = &[
    ("title", "title"),
    ("headline", "title"),
    ("заголовок", "title"),
    ("назва", "title"),
    ("url", "url"),
    ("link", "url"),
    ("canonical", "url"),
    ("source url", "url"),
    ("source_url", "url"),
    ("посилання", "url"),
    ("ссылка", "url"),
    ("source", "source"),
    ("джерело", "source"),
    ("источник", "source"),
    ("outlet", "outlet"),
    ("publisher", "outlet"),
    ("site", "outlet"),
    ("site name", "outlet"),
    ("site_name", "outlet"),
    ("channel", "outlet"),
    ("канал", "outlet"),
    ("date", "date"),
    ("published", "date"),
    ("published at", "date"),
    ("published_at", "date"),
    ("publication date", "date"),
    ("datetime", "date"),
    ("дата", "date"),
    ("опубліковано", "date"),
    ("опубликовано", "date"),
    ("updated", "updated"),
    ("modified", "updated"),
    ("author", "author"),
    ("authors", "author"),
    ("byline", "author"),
    ("автор", "author"),
    ("description", "description"),
    ("summary", "description"),
    ("word count", "word_count"),
    ("word_count", "word_count"),
    ("language", "language"),
    ("lang", "language"),
    ("мова", "language"),
    ("язык", "language"),
    ("tags", "tags"),
    ("category", "tags"),
    ("section", "tags"),
];

/// The header at the top of `text`, if it has one.
pub fn read(text: &str) -> Option<Header> {
    front_matter(text).or_else(|| scraped_block(text))
}

/// YAML front matter: a first line `---`, a closing `---` or `...`.
fn front_matter(text: &str) -> Option<Header> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut block = Vec::new();
    let close = lines.take(MAX_FRONT_MATTER_LINES + 1).position(|l| {
        let t = l.trim_end();
        let end = t == "---" || t == "...";
        if !end {
            block.push(l);
        }
        end
    })?;
    if block.iter().all(|l| l.trim().is_empty()) {
        return None;
    }
    let yaml = block.join("\n");
    let lines = close + 2;
    match YamlLoader::load_from_str(&yaml) {
        Ok(docs) => match docs.into_iter().next() {
            Some(Yaml::Hash(map)) => {
                let fields = map
                    .into_iter()
                    .filter_map(|(k, v)| Some((scalar(&k)?.to_lowercase(), value_text(&v)?)))
                    .collect();
                Some(Header {
                    lines,
                    fields,
                    problem: None,
                })
            }
            // A thematic break under a one-line paragraph, not front matter.
            _ => None,
        },
        Err(e) => Some(Header {
            lines,
            // What can still be read, line by line, so one bad value loses nothing else.
            fields: block.iter().filter_map(|l| key_value(l)).collect(),
            problem: Some(format!(
                "the front matter is not valid YAML at line {}: {}; its fields were read line by line",
                e.marker().line() + 1,
                e.info()
            )),
        }),
    }
}

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A value as text: a scalar, or a list of scalars joined ("authors: [A, B]").
fn value_text(y: &Yaml) -> Option<String> {
    match y {
        Yaml::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(scalar).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        other => scalar(other),
    }
}

/// `key: value` of one line, the value unquoted.
fn key_value(line: &str) -> Option<(String, String)> {
    let (k, v) = line.split_once(':')?;
    if k.starts_with([' ', '\t', '-', '#']) || k.trim().is_empty() {
        return None;
    }
    let v = v.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(v);
    Some((k.trim().to_lowercase(), v.trim().to_owned()))
}

/// The `Key: value` lines a scraper puts above the text, ended by a blank line.
fn scraped_block(text: &str) -> Option<Header> {
    let mut fields = Vec::new();
    let mut lines = 0;
    let mut started = false;
    for line in text.lines().take(40) {
        if line.trim().is_empty() {
            if started {
                break;
            }
            lines += 1;
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            break;
        };
        let key = k.trim().to_lowercase();
        let Some((_, meaning)) = BLOCK_KEYS.iter().find(|(form, _)| *form == key) else {
            break;
        };
        // "Source: the General Staff said..." is a sentence, not a header line.
        if k.starts_with(char::is_whitespace) || v.trim().chars().count() > 400 {
            break;
        }
        started = true;
        lines += 1;
        fields.push(((*meaning).to_owned(), v.trim().to_owned()));
    }
    let strong = fields
        .iter()
        .filter(|(k, v)| {
            ["title", "url", "date", "source", "outlet"].contains(&k.as_str()) && !v.is_empty()
        })
        .count();
    let next_blank = text.lines().nth(lines).is_none_or(|l| l.trim().is_empty());
    (strong >= 2 || (strong == 1 && fields.len() == 1 && next_blank)).then_some(Header {
        lines,
        fields,
        problem: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let t = "---\ntitle: \"Assessment: March 3\"\nauthors:\n  - Jane Doe\n  - John Roe\ndate: 2025-03-03\nword_count: 812\n---\nBody.\n";
        let h = read(t).unwrap();
        assert_eq!(h.lines, 8);
        assert_eq!(h.get(&["title"]), Some("Assessment: March 3"));
        assert_eq!(h.get(&["authors"]), Some("Jane Doe, John Roe"));
        assert_eq!(h.get(&["date"]), Some("2025-03-03"));
        assert_eq!(h.get(&["word_count"]), Some("812"));
        assert!(h.problem.is_none());
    }

    #[test]
    fn malformed_front_matter_says_where_and_keeps_what_it_can() {
        let t = "---\ntitle: \"unclosed\ndate: 2025-03-03\n---\nBody.\n";
        let h = read(t).unwrap();
        assert_eq!(h.lines, 4);
        let p = h.problem.as_deref().unwrap();
        assert!(p.contains("line"), "{p}");
        assert_eq!(h.get(&["date"]), Some("2025-03-03"));
    }

    #[test]
    fn scraped_blocks() {
        let t = "Title: За добу 120 боїв - Генштаб\nURL: https://www.rbc.ua/ukr/news/x.html\nDate: 2024-11-14\n\nПротягом минулої доби...\n";
        let h = read(t).unwrap();
        assert_eq!(h.lines, 3);
        assert_eq!(h.get(&["url"]), Some("https://www.rbc.ua/ukr/news/x.html"));
        assert_eq!(h.get(&["title"]), Some("За добу 120 боїв - Генштаб"));
        let t = "Дата: 2024-10-21\nДжерело: Mash\n\nТекст.\n";
        let h = read(t).unwrap();
        assert_eq!(h.get(&["source"]), Some("Mash"));
        assert_eq!(h.get(&["date"]), Some("2024-10-21"));
    }

    #[test]
    fn body_text_is_not_a_header() {
        for t in [
            "Kyiv, March 3. Russian forces attacked.\n",
            "Source: Ukrainian General Staff\nRussian forces attacked 12 times near Pokrovsk, the General Staff said.\n",
            "---\n\n---\n",
            "Title\n---\nBody\n",
            "Note: this is a sentence.\nDate: 2024\n",
        ] {
            assert_eq!(read(t), None, "{t:?}");
        }
    }
}
