//! Citations out: the project's articles as RIS, BibTeX and CSL-JSON, from the metadata as
//! shown (detected, imported, then the user's edits), with stable citation keys.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::Datelike as _;
use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::model::{ArticleId, Format, Meta, PartialDate, Project};

/// What kind of publication an article is, for the reference type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A news story or report of an outlet.
    News,
    /// A post of a Telegram channel.
    Post,
}

/// One article to cite.
#[derive(Clone, Debug)]
struct Reference {
    key: String,
    kind: Kind,
    meta: Meta,
}

/// The project's articles with their metadata as shown, in order of publication (undated
/// last), each with a citation key unique in the project.
fn references(p: &Project, analysis: &Analysis) -> Vec<Reference> {
    let mut items: Vec<(&ArticleId, Kind, &Meta)> = analysis
        .articles
        .iter()
        .filter_map(|(id, an)| {
            let a = p.articles.get(id)?;
            let kind = if a.source.format == Format::Telegram {
                Kind::Post
            } else {
                Kind::News
            };
            Some((id, kind, &an.meta))
        })
        .collect();
    items.sort_by(|a, b| {
        let day = |m: &Meta| m.published.and_then(PartialDate::first_day);
        (day(a.2).is_none(), day(a.2), &a.2.title, a.0).cmp(&(
            day(b.2).is_none(),
            day(b.2),
            &b.2.title,
            b.0,
        ))
    });
    let bases: Vec<String> = items.iter().map(|(_, _, m)| base_key(m)).collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for b in &bases {
        *count.entry(b).or_default() += 1;
    }
    items
        .iter()
        .zip(&bases)
        .map(|((id, kind, meta), base)| {
            // A key shared by several articles takes a piece of each one's content id, so
            // it does not depend on the order of export or on unrelated articles.
            let key = if count.get(base.as_str()).copied().unwrap_or(0) > 1 {
                format!(
                    "{base}-{}",
                    id.0.trim_start_matches('a').get(..6).unwrap_or(&id.0)
                )
            } else {
                base.clone()
            };
            Reference {
                key,
                kind: *kind,
                meta: (*meta).clone(),
            }
        })
        .collect()
}

/// A citation key from the article's own facts: who (first author's surname, else the
/// outlet), the year and the first significant word of the title, in ASCII.
fn base_key(m: &Meta) -> String {
    let who = m
        .author
        .as_deref()
        .and_then(|a| authors(a).into_iter().next())
        .map(|n| match n {
            Name::Person { family, .. } => family,
            Name::Literal(l) => l,
        })
        .or_else(|| m.outlet.clone())
        .unwrap_or_default();
    let who: String = ascii_key(&who).chars().take(24).collect();
    let year = m
        .published
        .and_then(PartialDate::first_day)
        .map(|d| d.year().to_string())
        .unwrap_or_default();
    let word = m
        .title
        .as_deref()
        .and_then(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .map(ascii_key)
                .find(|w| w.len() > 3 && !STOP_WORDS.contains(&w.as_str()))
        })
        .unwrap_or_default();
    let key = format!("{who}{year}{word}");
    if key.is_empty() {
        "article".to_owned()
    } else {
        key
    }
}

const STOP_WORDS: [&str; 12] = [
    "about", "after", "from", "into", "over", "that", "their", "there", "they", "this", "what",
    "with",
];

/// Lower-case ASCII letters and digits of a word, Cyrillic transliterated.
fn ascii_key(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(t) = translit(c) {
            out.push_str(t);
        }
    }
    out
}

/// Ukrainian and Russian letters in a plain Latin spelling (for keys only; the fields keep
/// their Cyrillic).
fn translit(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'є' => "ye",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' | 'ы' => "y",
        'і' => "i",
        'ї' => "yi",
        'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ю' => "yu",
        'я' => "ya",
        'á' | 'à' | 'ä' | 'â' => "a",
        'é' | 'è' | 'ë' | 'ê' => "e",
        'í' | 'ï' => "i",
        'ó' | 'ö' | 'ô' => "o",
        'ú' | 'ü' => "u",
        'ł' => "l",
        'ń' => "n",
        'ś' | 'š' => "s",
        'ż' | 'ź' | 'ž' => "z",
        'č' | 'ć' => "c",
        _ => return None,
    })
}

/// An author as a reference manager wants it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Name {
    /// A person: given names and family name.
    Person { given: String, family: String },
    /// An organisation or a name that should not be split ("Institute for the Study of War",
    /// "Reuters").
    Literal(String),
}

/// The authors of a byline: split on "and", "&", ";" or commas between full names.
fn authors(byline: &str) -> Vec<Name> {
    let b = byline.trim();
    let b = b
        .strip_prefix("By ")
        .or_else(|| b.strip_prefix("by "))
        .unwrap_or(b);
    let mut parts: Vec<&str> = b
        .split(';')
        .flat_map(|p| p.split(" & "))
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" і "))
        .flat_map(|p| p.split(" и "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // "Jane Doe, John Smith": commas between full names; "Doe, Jane" is one name.
    if parts.iter().any(|p| p.contains(',')) {
        parts = parts
            .into_iter()
            .flat_map(|p| {
                let pieces: Vec<&str> = p.split(',').map(str::trim).collect();
                if pieces.iter().all(|x| x.contains(' ')) {
                    pieces
                } else {
                    vec![p]
                }
            })
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts.into_iter().map(name).collect()
}

fn name(s: &str) -> Name {
    if let Some((family, given)) = s.split_once(',') {
        return Name::Person {
            given: given.trim().to_owned(),
            family: family.trim().to_owned(),
        };
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let corporate = words.len() == 1
        || words.len() > 3
        || words.iter().any(|w| {
            w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && w.chars().count() > 1
                || w.chars().next().is_some_and(char::is_lowercase)
        });
    match words.split_last() {
        Some((family, given)) if !corporate => Name::Person {
            given: given.join(" "),
            family: (*family).to_owned(),
        },
        _ => Name::Literal(words.join(" ")),
    }
}

/// One line of a field: line breaks and tabs as spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- RIS

/// The articles as RIS (tag lines, CRLF, UTF-8), as Zotero, EndNote and Mendeley import.
pub fn ris(p: &Project, analysis: &Analysis) -> String {
    let mut s = String::new();
    for r in references(p, analysis) {
        let mut tag = |t: &str, v: &str| {
            let v = one_line(v);
            if !v.is_empty() {
                let _ = write!(s, "{t}  - {v}\r\n");
            }
        };
        tag(
            "TY",
            match r.kind {
                Kind::News => "NEWS",
                Kind::Post => "ELEC",
            },
        );
        tag("ID", &r.key);
        if let Some(t) = &r.meta.title {
            tag("TI", t);
        }
        for a in r.meta.author.as_deref().map(authors).unwrap_or_default() {
            match a {
                Name::Person { given, family } => tag("AU", &format!("{family}, {given}")),
                Name::Literal(l) => tag("AU", &l),
            }
        }
        if let Some(o) = &r.meta.outlet {
            tag("T2", o);
        }
        if let Some(d) = r.meta.published {
            let (y, m, day) = parts(d);
            if let Some(y) = y {
                tag("PY", &y.to_string());
            }
            let date = match (y, m, day) {
                (Some(y), Some(m), Some(d)) => format!("{y:04}/{m:02}/{d:02}"),
                (Some(y), Some(m), None) => format!("{y:04}/{m:02}"),
                _ => String::new(),
            };
            tag("DA", &date);
        }
        if let Some(u) = &r.meta.url {
            tag("UR", u);
        }
        s.push_str("ER  - \r\n");
    }
    s
}

/// Year, month and day of a date, as far as they are known.
fn parts(d: PartialDate) -> (Option<i32>, Option<u32>, Option<u32>) {
    match d {
        PartialDate::MonthDay { .. } => (None, None, None),
        PartialDate::Month { year, month } => (Some(year), Some(month), None),
        other => match other.day() {
            Some(day) => (Some(day.year()), Some(day.month()), Some(day.day())),
            None => (None, None, None),
        },
    }
}

// ---------------------------------------------------------------- BibTeX

/// The articles as BibTeX (biblatex-friendly, UTF-8): news as `@article` of the outlet, posts
/// as `@online`.
pub fn bibtex(p: &Project, analysis: &Analysis) -> String {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut s = String::new();
    for r in references(p, analysis) {
        let kind = match r.kind {
            Kind::News => "article",
            Kind::Post => "online",
        };
        let _ = writeln!(s, "@{kind}{{{},", r.key);
        let mut field = |name: &str, value: String| {
            let _ = writeln!(s, "  {name:<12} = {value},");
        };
        if r.kind == Kind::News {
            field("entrysubtype", "{newspaper}".into());
        }
        if let Some(t) = &r.meta.title {
            field("title", format!("{{{}}}", bib_title(&one_line(t))));
        }
        if let Some(a) = r.meta.author.as_deref() {
            let names: Vec<String> = authors(a)
                .into_iter()
                .map(|n| match n {
                    Name::Person { given, family } => {
                        format!("{}, {}", bib_text(&family), bib_text(&given))
                    }
                    Name::Literal(l) => format!("{{{}}}", bib_text(&l)),
                })
                .collect();
            if !names.is_empty() {
                field("author", format!("{{{}}}", names.join(" and ")));
            }
        }
        if let Some(o) = &r.meta.outlet {
            let name = if r.kind == Kind::News {
                "journal"
            } else {
                "organization"
            };
            field(name, format!("{{{}}}", bib_text(&one_line(o))));
        }
        if let Some(d) = r.meta.published {
            let (y, m, _) = parts(d);
            if let Some(y) = y {
                field("year", format!("{{{y}}}"));
            }
            if let Some(m) = m.and_then(|m| MONTHS.get((m as usize).checked_sub(1)?)) {
                field("month", (*m).to_owned());
            }
            if y.is_some() {
                field(
                    "date",
                    format!("{{{}}}", d.contract_day().unwrap_or_else(|| d.to_string())),
                );
            }
        }
        if let Some(u) = &r.meta.url {
            field("url", format!("{{{}}}", bib_url(&one_line(u))));
        }
        // No trailing comma after the last field, for strict parsers.
        if s.ends_with(",\n") {
            s.truncate(s.len() - 2);
            s.push('\n');
        }
        s.push_str("}\n\n");
    }
    s
}

/// Text for a braced BibTeX field: LaTeX's special characters escaped, so braces stay
/// balanced; other characters (Cyrillic included) are kept as UTF-8.
fn bib_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A title: escaped, and words whose capitals must stay (acronyms, "ЗСУ", "McDonald")
/// protected with braces from a style's case change.
fn bib_title(t: &str) -> String {
    t.split(' ')
        .map(|w| {
            let caps = w.chars().filter(|c| c.is_uppercase()).count();
            let first_only = caps == 1 && w.chars().next().is_some_and(char::is_uppercase);
            if caps > 0 && !first_only {
                format!("{{{}}}", bib_text(w))
            } else {
                bib_text(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A URL field is read verbatim by biblatex: only braces (which would unbalance the field)
/// and backslashes are percent-encoded.
fn bib_url(u: &str) -> String {
    u.replace('\\', "%5C")
        .replace('{', "%7B")
        .replace('}', "%7D")
}

// ---------------------------------------------------------------- CSL-JSON

/// The articles as CSL-JSON (an array of items), as Zotero, Pandoc and citeproc read it.
pub fn csl_json(p: &Project, analysis: &Analysis) -> Value {
    let items: Vec<Value> = references(p, analysis)
        .into_iter()
        .map(|r| {
            let mut item = json!({
                "id": r.key,
                "type": match r.kind {
                    Kind::News => "article-newspaper",
                    Kind::Post => "post",
                },
            });
            if let Some(t) = &r.meta.title {
                item["title"] = json!(one_line(t));
            }
            if let Some(a) = r.meta.author.as_deref() {
                let names: Vec<Value> = authors(a)
                    .into_iter()
                    .map(|n| match n {
                        Name::Person { given, family } => {
                            json!({ "family": family, "given": given })
                        }
                        Name::Literal(l) => json!({ "literal": l }),
                    })
                    .collect();
                if !names.is_empty() {
                    item["author"] = Value::Array(names);
                }
            }
            if let Some(o) = &r.meta.outlet {
                item["container-title"] = json!(one_line(o));
            }
            if let Some(d) = r.meta.published {
                let date: Vec<u32> = match parts(d) {
                    (Some(y), m, day) => std::iter::once(u32::try_from(y).unwrap_or(0))
                        .chain(m)
                        .chain(day.filter(|_| m.is_some()))
                        .collect(),
                    _ => Vec::new(),
                };
                if !date.is_empty() {
                    item["issued"] = json!({ "date-parts": [date] });
                }
            }
            if let Some(u) = &r.meta.url {
                item["URL"] = json!(one_line(u));
            }
            item
        })
        .collect();
    Value::Array(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_split_into_people_and_organisations() {
        assert_eq!(
            authors("Jane Doe and Олена Коваль"),
            vec![
                Name::Person {
                    given: "Jane".into(),
                    family: "Doe".into()
                },
                Name::Person {
                    given: "Олена".into(),
                    family: "Коваль".into()
                }
            ]
        );
        assert_eq!(
            authors("Doe, Jane"),
            vec![Name::Person {
                given: "Jane".into(),
                family: "Doe".into()
            }]
        );
        assert_eq!(authors("Jane Doe, John Smith").len(), 2);
        assert_eq!(
            authors("Institute for the Study of War"),
            vec![Name::Literal("Institute for the Study of War".into())]
        );
        assert_eq!(authors("ISW"), vec![Name::Literal("ISW".into())]);
        assert_eq!(authors("Reuters"), vec![Name::Literal("Reuters".into())]);
    }

    #[test]
    fn keys_are_ascii_and_transliterated() {
        let m = Meta {
            title: Some("Бої за Покровськ тривають".into()),
            author: Some("Олена Коваль".into()),
            published: PartialDate::parse("2025-01-24"),
            ..Meta::default()
        };
        assert_eq!(base_key(&m), "koval2025boyi");
        assert_eq!(base_key(&Meta::default()), "article");
    }

    #[test]
    fn bibtex_specials_are_escaped() {
        assert_eq!(bib_text("50% & {x} #1_a"), "50\\% \\& \\{x\\} \\#1\\_a");
        assert_eq!(bib_title("NATO says"), "{NATO} says");
        assert_eq!(
            bib_url("https://x.org/a?b=%20{c}"),
            "https://x.org/a?b=%20%7Bc%7D"
        );
    }
}
