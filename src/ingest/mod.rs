//! Import: files and folders into verbatim article text, with the encoding detected and the
//! metadata the file format itself carries (front matter, HTML meta, Telegram exports).

mod decode;
mod html_meta;
mod telegram;

pub use decode::{DecodeError, decode};

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::{Article, Format, Meta, Source};

/// Files larger than this are refused (a news article is a few hundred kilobytes at most;
/// a Telegram export may be large).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Supported formats, for messages.
pub const SUPPORTED: &str = "plain text (.txt), Markdown (.md), saved web pages (.html, .htm) and Telegram Desktop exports (result.json)";

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
    #[error("{path}: no article text in the file")]
    NoText { path: PathBuf },
}

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
        "json" => Some(Format::Telegram),
        _ => None,
    }
}

/// Expand folders (recursively, sorted) into the files inside them that look importable;
/// plain files are kept whatever their type so the user hears why they were refused.
pub fn collect_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                if depth < 32 {
                    walk(&p, out, depth + 1);
                }
            } else if format_of(&p).is_some() && p.extension().is_some() {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out, 0);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Read and import one file into zero or more articles (a Telegram export gives many).
pub fn import_path(path: &Path) -> Result<Vec<Article>, ImportError> {
    let size = fs::metadata(path)
        .map_err(|source| ImportError::Io {
            path: path.to_owned(),
            source,
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })?;
    import_bytes(path, &bytes)
}

/// Import a file's bytes; `path` gives the name and the format by extension.
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<Article>, ImportError> {
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
    let (text, encoding) = decode(bytes).map_err(|source| ImportError::Decode {
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
        line: 0,
    };
    match format {
        Format::Telegram => {
            let arts =
                telegram::import(&text, &source).map_err(|message| ImportError::Telegram {
                    path: path.to_owned(),
                    message,
                })?;
            if arts.is_empty() {
                return Err(ImportError::NoText {
                    path: path.to_owned(),
                });
            }
            Ok(arts)
        }
        Format::Html => {
            let meta = html_meta::read(&text);
            Ok(vec![Article::new(text, source, meta)])
        }
        Format::Markdown => {
            let meta = front_matter(&text).unwrap_or_default();
            Ok(vec![Article::new(text, source, meta)])
        }
        Format::Text => Ok(vec![Article::new(text, source, Meta::default())]),
    }
}

/// The YAML front matter block of a Markdown file: (first body line index, key → value).
pub fn front_matter_lines(text: &str) -> Option<(usize, Vec<(String, String)>)> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for (i, line) in lines.enumerate() {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some((i + 2, fields));
        }
        if let Some((k, v)) = t.split_once(':')
            && !k.starts_with([' ', '-', '#'])
        {
            let v = v.trim().trim_matches(['"', '\'']).trim();
            fields.push((k.trim().to_lowercase(), v.to_owned()));
        }
        if i > 200 {
            return None;
        }
    }
    None
}

fn front_matter(text: &str) -> Option<Meta> {
    let (_, fields) = front_matter_lines(text)?;
    let mut m = Meta::default();
    for (k, v) in fields {
        if v.is_empty() {
            continue;
        }
        match k.as_str() {
            "title" | "headline" => m.title = Some(v),
            "author" | "authors" | "byline" => {
                m.author = Some(v.trim_matches(['[', ']']).to_owned())
            }
            "outlet" | "site" | "site_name" | "source" | "publisher" => m.outlet = Some(v),
            "url" | "link" | "canonical" | "canonical_url" | "source_url" => m.url = Some(v),
            "date" | "published" | "published_at" | "pubdate" | "datetime" => {
                m.published = crate::clean::parse_date_text(&v);
            }
            _ => {}
        }
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

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
