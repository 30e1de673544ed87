//! Import: files and folders into verbatim article text, with the encoding detected and the
//! metadata the file itself carries (front matter, a scraper's header, HTML meta, JSON record
//! fields, Telegram exports). What a file is comes from its content, not its name.

mod decode;
mod html_meta;
mod lines;
mod qdpx;
mod records;
mod telegram;
mod walk;

pub use decode::{DecodeError, Decoded, Lossy, decode};
pub use walk::{Collected, MAX_FOLDER_DEPTH, collect_files};

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::model::{Article, Format, Meta, Source};

/// Files larger than this are refused (a news article is a few hundred kilobytes at most;
/// a Telegram export may be large).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Supported formats, for messages.
pub const SUPPORTED: &str = "plain text (.txt), Markdown (.md), saved web pages (.html, .htm), JSON article records (.json, .jsonl: an object, an array or JSON Lines) and Telegram Desktop exports (result.json)";

/// Why one file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: could not read the file: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: {source}")]
    Decode { path: PathBuf, source: DecodeError },
    #[error("{path}: the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: unsupported file type; Crosscheck imports {SUPPORTED}")]
    Unsupported { path: PathBuf },
    #[error("{path}: not a Telegram export: {message}")]
    Telegram { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Json { path: PathBuf, message: String },
    #[error("{path}: no article text in the file")]
    NoText { path: PathBuf },
    #[error("{path}: could not read the folder, so nothing in it was imported: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not looked into: a link to a folder already imported ({target})")]
    FolderLoop { path: PathBuf, target: PathBuf },
    #[error("{path}: not looked into: folders nested more than {limit} deep")]
    TooDeep { path: PathBuf, limit: usize },
    #[error("{path}: not a regular file ({kind}), so it was not read")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{path}: not a readable REFI-QDA project: {message}")]
    Qdpx { path: PathBuf, message: String },
}

/// The file name extensions of what can be imported (without the dot): what [`format_of`]
/// knows and REFI-QDA projects. A file without an extension is read as text too.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson", "qdpx",
];

/// The format a file name suggests, if any.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" | "" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" | "jsonl" | "ndjson" => Some(Format::Json),
        _ => None,
    }
}

/// Read and import one file into zero or more articles (a Telegram export gives many).
/// Only regular files are read (a FIFO or a device would never end), and at most
/// [`MAX_FILE_BYTES`] of them whatever their size says.
pub fn import_path(path: &Path) -> Result<Vec<Article>, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ImportError::NotAFile {
            path: path.to_owned(),
            kind: kind_of(&meta.file_type()),
        });
    }
    let too_large = |size| ImportError::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // The file grew, or its size was not its length (a file in /proc).
        return Err(too_large(bytes.len() as u64));
    }
    import_bytes(path, &bytes)
}

/// What kind of file a non-regular file is, for messages.
fn kind_of(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "not a file with contents"
    }
}

/// Import a file's bytes; `path` gives the name and the format by extension.
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<Article>, ImportError> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("qdpx"))
    {
        return qdpx::import(path, bytes);
    }
    let Some(format) = format_of(path) else {
        return Err(ImportError::Unsupported {
            path: path.to_owned(),
        });
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let Decoded {
        text,
        encoding,
        lossy,
    } = decode(bytes).map_err(|source| ImportError::Decode {
        path: path.to_owned(),
        source,
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = Source {
        file_name,
        format,
        encoding: encoding.to_owned(),
        ..Source::default()
    };
    let mut articles = match sniff(&text, format) {
        Format::Json => import_json(path, &text, &source)?,
        Format::Html => {
            let mut source = Source {
                format: Format::Html,
                ..source
            };
            let mut meta = html_meta::read(&text).unwrap_or_else(|why| {
                source.warnings.push(why.to_string());
                Meta::default()
            });
            meta.outlet = outlet_for(meta.url.as_deref(), meta.outlet.as_deref());
            vec![Article::new(text, source, meta)]
        }
        format => {
            let mut source = Source { format, ..source };
            let meta = match crate::clean::header::read(&text) {
                Some(h) => {
                    source.scraped_meta = true;
                    if let Some(p) = &h.problem {
                        source.warnings.push(p.clone());
                    }
                    meta_from(&Fields::of_header(&h))
                }
                None => Meta::default(),
            };
            vec![Article::new(text, source, meta)]
        }
    };
    if let Some(lossy) = lossy {
        // What could not be decoded is shown (U+FFFD and a warning) and kept (the bytes).
        let kept = if articles.len() > 1 {
            "; the file's original bytes are kept with its first article"
        } else {
            "; the file's original bytes are kept with the article"
        };
        let warning = format!("{}{kept}", lossy.warning(encoding));
        for a in &mut articles {
            a.source.warnings.insert(0, warning.clone());
        }
        if let Some(first) = articles.first_mut() {
            first.source.original_bytes = bytes.to_vec();
        }
    }
    Ok(articles)
}

/// What a file holds, from its first characters: JSON (a record file or a Telegram export),
/// a saved web page, or the text its name says (`.md` stays Markdown, anything else text).
fn sniff(text: &str, by_name: Format) -> Format {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') || start.starts_with('[') {
        return Format::Json;
    }
    let head: String = start.chars().take(512).collect::<String>().to_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<head") || head.contains("<body")))
    {
        return Format::Html;
    }
    match by_name {
        Format::Json | Format::Telegram => Format::Text,
        other => other,
    }
}

fn import_json(path: &Path, text: &str, source: &Source) -> Result<Vec<Article>, ImportError> {
    if records::is_telegram_export(text) {
        let source = Source {
            format: Format::Telegram,
            ..source.clone()
        };
        let arts = telegram::import(text, &source).map_err(|message| ImportError::Telegram {
            path: path.to_owned(),
            message,
        })?;
        if arts.is_empty() {
            return Err(ImportError::NoText {
                path: path.to_owned(),
            });
        }
        return Ok(arts);
    }
    match records::import(text, source) {
        Ok(arts) => Ok(arts),
        Err(records::NotRecords::NoArticles(message)) => Err(ImportError::Json {
            path: path.to_owned(),
            message,
        }),
        // Text that merely starts with a brace, in a file not named as JSON, is text.
        Err(records::NotRecords::Invalid(_)) if source.format != Format::Json => {
            Ok(vec![Article::new(text, source.clone(), Meta::default())])
        }
        Err(records::NotRecords::Invalid(message)) => Err(ImportError::Json {
            path: path.to_owned(),
            message: format!("not valid JSON: {message}"),
        }),
    }
}

/// Metadata fields as a header or a record gives them, before they are interpreted.
#[derive(Default)]
pub(crate) struct Fields<'a> {
    pub title: Option<&'a str>,
    pub author: Option<&'a str>,
    /// An outlet's name, or a URL or domain standing for it.
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    pub date: Option<&'a str>,
}

impl<'a> Fields<'a> {
    fn of_header(h: &'a crate::clean::header::Header) -> Self {
        let source = h.get(&["source"]);
        let source_is_url = source.is_some_and(crate::outlets::looks_like_url);
        Fields {
            title: h.get(&["title", "headline"]),
            author: h
                .get(&["author", "authors", "byline"])
                .map(|a| a.trim_matches(['[', ']'])),
            outlet: h
                .get(&["outlet", "site_name", "site", "publisher", "channel"])
                .or(source.filter(|_| !source_is_url)),
            url: h
                .get(&["url", "link", "canonical", "canonical_url", "source_url"])
                .or(source.filter(|_| source_is_url)),
            date: h.get(&["date", "published", "published_at", "pubdate", "datetime"]),
        }
    }
}

/// Interpret header or record fields: the outlet from the page's URL first, then the name
/// given; a date that does not parse stays unknown.
pub(crate) fn meta_from(f: &Fields<'_>) -> Meta {
    let clean = |s: Option<&str>| {
        s.map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty() && !v.eq_ignore_ascii_case("unknown"))
    };
    let url = clean(f.url).filter(|u| crate::outlets::looks_like_url(u));
    Meta {
        title: clean(f.title),
        author: clean(f.author),
        outlet: outlet_for(url.as_deref(), f.outlet),
        url,
        published: f.date.and_then(crate::clean::parse_date_text),
    }
}

/// The outlet of a page: its URL's domain in the outlet table, then the name its metadata
/// gives (canonical when the table knows it), never a URL.
fn outlet_for(url: Option<&str>, named: Option<&str>) -> Option<String> {
    url.and_then(crate::outlets::from_url)
        .map(str::to_owned)
        .or_else(|| named.and_then(crate::outlets::name_for))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_importable_extension_has_a_format_or_is_a_qdpx_project() {
        for ext in ARTICLE_EXTENSIONS {
            let name = format!("a.{}", ext.to_uppercase());
            assert!(
                format_of(Path::new(&name)).is_some() || *ext == "qdpx",
                "{name} is offered by the file dialogs but not read"
            );
        }
        assert!(format_of(Path::new("a.pdf")).is_none());
    }

    #[test]
    fn front_matter_is_read() {
        let t = "---\ntitle: \"A title\"\nauthor: Jane Doe\ndate: 2025-01-24\nurl: https://x.org/a\n---\nBody.\n";
        let a = import_bytes(Path::new("a.md"), t.as_bytes()).unwrap();
        let m = &a[0].imported_meta;
        assert_eq!(m.title.as_deref(), Some("A title"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2025-01-24")
        );
        assert_eq!(&*a[0].raw, t, "raw text is verbatim");
    }

    #[test]
    fn unsupported_and_empty_are_refused() {
        let e = import_bytes(Path::new("x.pdf"), b"%PDF-1.4").unwrap_err();
        assert!(e.to_string().contains("Telegram Desktop exports"), "{e}");
        let e = import_bytes(Path::new("x.txt"), b"  \n\n").unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
    }
}
