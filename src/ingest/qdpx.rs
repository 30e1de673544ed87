//! REFI-QDA projects in: the text sources of a `.qdpx` archive as articles, with the notes
//! attached to them and the metadata their variables give (Title, Author, Outlet, URL,
//! Published, as Crosscheck writes them).

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{ImportError, MAX_FILE_BYTES};
use crate::model::{Article, Format, Meta, PartialDate, Source};

/// A text source as `project.qde` describes it.
#[derive(Default)]
struct TextSource {
    name: String,
    plain_text_path: Option<String>,
    content: Option<String>,
    notes: Vec<String>,
    /// Variable GUID → text value.
    values: Vec<(String, String)>,
}

/// What `project.qde` holds that an import uses.
#[derive(Default)]
struct Qde {
    sources: Vec<TextSource>,
    /// Variable GUID → name.
    variables: BTreeMap<String, String>,
    /// Note GUID → text.
    notes: BTreeMap<String, String>,
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            let raw = std::str::from_utf8(&a.value).ok()?;
            quick_xml::escape::unescape(raw)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Read `project.qde`: its text sources, variables and notes. Element names are matched
/// without their namespace prefix, as programs write them differently.
fn read_qde(xml: &str) -> Result<Qde, String> {
    let mut r = Reader::from_str(xml);
    let mut qde = Qde::default();
    // Elements open above the current event, by local name.
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut source: Option<TextSource> = None;
    let mut note_guid: Option<String> = None;
    let mut value_ref: Option<String> = None;
    loop {
        let ev = r
            .read_event()
            .map_err(|e| format!("project.qde is not well-formed XML ({e})"))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let local = e.local_name().as_ref().to_vec();
                let parent = stack.last().map(Vec::as_slice);
                match local.as_slice() {
                    b"TextSource" if parent == Some(b"Sources") => {
                        source = Some(TextSource {
                            name: attr(e, b"name").unwrap_or_default(),
                            plain_text_path: attr(e, b"plainTextPath"),
                            ..TextSource::default()
                        });
                    }
                    b"Variable" => {
                        if let (Some(g), Some(n)) = (attr(e, b"guid"), attr(e, b"name")) {
                            qde.variables.insert(g.to_lowercase(), n);
                        }
                    }
                    b"Note" if parent == Some(b"Notes") => {
                        note_guid = attr(e, b"guid").map(|g| g.to_lowercase());
                    }
                    b"NoteRef" if parent == Some(b"TextSource") => {
                        if let (Some(s), Some(g)) = (source.as_mut(), attr(e, b"targetGUID")) {
                            s.notes.push(g.to_lowercase());
                        }
                    }
                    b"VariableRef" if parent == Some(b"VariableValue") => {
                        value_ref = attr(e, b"targetGUID").map(|g| g.to_lowercase());
                    }
                    b"PlainTextContent" | b"TextValue" if !empty => {
                        let text = r
                            .read_text(e.name())
                            .map_err(|e| format!("project.qde is not well-formed XML ({e})"))?;
                        let raw = std::str::from_utf8(&text)
                            .map_err(|_| "project.qde is not UTF-8".to_owned())?;
                        let text = quick_xml::escape::unescape(raw)
                            .map_err(|e| format!("project.qde has a bad escape ({e})"))?
                            .into_owned();
                        match (local.as_slice(), parent) {
                            (b"PlainTextContent", Some(b"TextSource")) => {
                                if let Some(s) = source.as_mut() {
                                    s.content = Some(text);
                                }
                            }
                            (b"PlainTextContent", Some(b"Note")) => {
                                if let Some(g) = &note_guid {
                                    qde.notes.insert(g.clone(), text);
                                }
                            }
                            (b"TextValue", Some(b"VariableValue")) => {
                                if let (Some(s), Some(g)) = (source.as_mut(), value_ref.take()) {
                                    // Only the source's own values, not a selection's.
                                    if stack.len() >= 2
                                        && stack[stack.len() - 2].as_slice() == b"TextSource"
                                    {
                                        s.values.push((g, text));
                                    }
                                }
                            }
                            _ => {}
                        }
                        // read_text consumed the end tag: nothing to push.
                        continue;
                    }
                    _ => {}
                }
                if !empty {
                    stack.push(local);
                } else if local.as_slice() == b"TextSource"
                    && parent == Some(b"Sources")
                    && let Some(s) = source.take()
                {
                    qde.sources.push(s);
                }
            }
            Event::End(e) => {
                let local = e.local_name().as_ref().to_vec();
                stack.pop();
                if local.as_slice() == b"TextSource"
                    && stack.last().map(Vec::as_slice) == Some(b"Sources")
                    && let Some(s) = source.take()
                {
                    qde.sources.push(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(qde)
}

/// Read one entry of the archive as UTF-8 text, refusing entries larger than the import
/// limit.
fn read_entry<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<String, String> {
    let f = zip
        .by_name(name)
        .map_err(|e| format!("the archive has no readable {name} ({e})"))?;
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("could not read {name} in the archive ({e})"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{name} in the archive is larger than {MAX_FILE_BYTES} bytes"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map_or_else(|| text.clone(), str::to_owned))
}

/// The file an `internal://` path names, inside the archive's sources folder.
fn internal_entry(path: &str) -> Option<String> {
    let rest = path.strip_prefix("internal://")?;
    let rest = rest.trim_start_matches('/');
    // No way out of the sources folder.
    if rest.is_empty() || rest.split(['/', '\\']).any(|p| p == ".." || p.is_empty()) {
        return None;
    }
    Some(rest.to_owned())
}

/// Read a source file: the folder is `sources/` (Crosscheck, QualCoder) or `Sources/` (the
/// standard's examples, NVivo).
fn read_source<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    file: &str,
) -> Result<String, String> {
    let lower = format!("sources/{file}");
    let upper = format!("Sources/{file}");
    let name = if zip.index_for_name(&lower).is_some() {
        lower
    } else {
        upper
    };
    read_entry(zip, &name)
}

/// Import the text sources of a `.qdpx` archive's bytes as articles.
pub fn import(path: &Path, bytes: &[u8]) -> Result<Vec<Article>, ImportError> {
    let err = |message: String| ImportError::Qdpx {
        path: path.to_owned(),
        message,
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| err(format!("not a zip archive ({e})")))?;
    let xml = read_entry(&mut zip, "project.qde").map_err(err)?;
    let qde = read_qde(&xml).map_err(err)?;
    let archive = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for s in qde.sources {
        let text = match (&s.content, s.plain_text_path.as_deref()) {
            (Some(t), _) => Ok(t.clone()),
            (None, Some(p)) => match internal_entry(p) {
                Some(file) => read_source(&mut zip, &file),
                None => Err(format!("its text is outside the archive ({p})")),
            },
            (None, None) => Err("it has no text".to_owned()),
        };
        let text = match text {
            Ok(t) if !t.trim().is_empty() => t,
            Ok(_) => {
                skipped.push(format!("{}: its text is empty", s.name));
                continue;
            }
            Err(e) => {
                skipped.push(format!("{}: {e}", s.name));
                continue;
            }
        };
        let mut meta = Meta::default();
        for (g, v) in &s.values {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            match qde.variables.get(g).map(|n| n.to_lowercase()).as_deref() {
                Some("title") => meta.title = Some(v.to_owned()),
                Some("author") => meta.author = Some(v.to_owned()),
                Some("outlet") => meta.outlet = Some(v.to_owned()),
                Some("url") => meta.url = Some(v.to_owned()),
                Some("published") => meta.published = PartialDate::parse(v),
                _ => {}
            }
        }
        let format = if Path::new(&s.name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            Format::Markdown
        } else {
            Format::Text
        };
        let source = Source {
            file_name: if s.name.is_empty() {
                archive.clone()
            } else {
                format!("{archive}: {}", s.name)
            },
            format,
            encoding: "UTF-8".to_owned(),
            ..Source::default()
        };
        let mut a = Article::new(text, source, meta);
        a.notes = s
            .notes
            .iter()
            .filter_map(|g| qde.notes.get(g))
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n");
        out.push(a);
    }
    if out.is_empty() {
        return Err(err(if skipped.is_empty() {
            "the project has no text sources".to_owned()
        } else {
            format!("no text source could be read: {}", skipped.join("; "))
        }));
    }
    if let Some(first) = out.first_mut() {
        first.source.warnings.extend(
            skipped
                .into_iter()
                .map(|s| format!("not imported from {archive}: {s}")),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_paths_stay_in_the_sources_folder() {
        assert_eq!(internal_entry("internal://a.txt").as_deref(), Some("a.txt"));
        assert_eq!(internal_entry("internal://../x"), None);
        assert_eq!(internal_entry("file:///etc/passwd"), None);
    }

    #[test]
    fn sources_notes_and_variables_are_read() {
        let xml = r#"<?xml version="1.0"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
 <Variables><Variable guid="AA" name="Outlet" typeOfVariable="Text"/></Variables>
 <Sources>
  <TextSource guid="S1" name="one.txt"><PlainTextContent>Text &amp; more</PlainTextContent>
   <PlainTextSelection guid="X" startPosition="0" endPosition="1"/>
   <NoteRef targetGUID="N1"/>
   <VariableValue><VariableRef targetGUID="aa"/><TextValue>Kyiv Independent</TextValue></VariableValue>
  </TextSource>
  <TextSource guid="S2" name="two.txt" plainTextPath="internal://two.txt"/>
 </Sources>
 <Notes><Note guid="n1" name="n"><PlainTextContent>A note</PlainTextContent></Note></Notes>
</Project>"#;
        let q = read_qde(xml).unwrap();
        assert_eq!(q.sources.len(), 2);
        assert_eq!(q.sources[0].content.as_deref(), Some("Text & more"));
        assert_eq!(q.sources[0].notes, ["n1"]);
        assert_eq!(
            q.sources[0].values,
            [("aa".to_owned(), "Kyiv Independent".to_owned())]
        );
        assert_eq!(
            q.sources[1].plain_text_path.as_deref(),
            Some("internal://two.txt")
        );
        assert_eq!(q.notes.get("n1").map(String::as_str), Some("A note"));
        assert_eq!(q.variables.get("aa").map(String::as_str), Some("Outlet"));
    }
}
