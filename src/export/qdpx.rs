//! REFI-QDA exchange out: the project as a `.qdpx` (a zip of `project.qde` and the articles'
//! texts under `sources/`) and its codebook as a `.qdc`, for QualCoder, NVivo, ATLAS.ti and
//! MAXQDA. Camps, speakers and places are codes; each claim is a coded text selection.
//!
//! Every GUID derives from a Crosscheck id, and the zip carries fixed times and modes, so
//! the same project always exports to the same bytes.

use std::collections::BTreeMap;
use std::io::Write as _;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::analysis::{Analysis, ArticleAnalysis};
use crate::clean::Document;
use crate::model::{Article, Camp, Claim, MetaField, Project};

/// The project namespace of REFI-QDA 1.0.
pub const PROJECT_NS: &str = "urn:QDA-XML:project:1.0";
/// The codebook namespace of REFI-QDA 1.0.
pub const CODEBOOK_NS: &str = "urn:QDA-XML:codebook:1.0";
/// Who wrote the file, in its `origin` attribute.
const ORIGIN: &str = concat!("Crosscheck ", env!("CARGO_PKG_VERSION"));

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum QdpxError {
    #[error("could not write the REFI-QDA XML: {0}")]
    Xml(#[from] std::io::Error),
    #[error("could not write the .qdpx archive: {0}")]
    Zip(#[from] zip::result::ZipError),
}

/// A GUID derived from a key: the same key always gives the same GUID (an RFC 9562 version 8
/// UUID, lower-case hex).
pub fn guid(key: &str) -> String {
    let h = xxhash_rust::xxh3::xxh3_128(key.as_bytes()).to_be_bytes();
    let mut b = h;
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// One code of the codebook, with its children.
#[derive(Clone, Debug)]
struct Code {
    guid: String,
    name: String,
    codable: bool,
    color: Option<&'static str>,
    description: Option<String>,
    children: Vec<Code>,
}

/// The codebook: camps, speakers and places under three uncodable parents.
struct CodeBook {
    roots: Vec<Code>,
    /// Lookup from a claim's facts to code GUIDs.
    speakers: BTreeMap<String, String>,
    places: BTreeMap<String, String>,
}

fn camp_guid(c: Camp) -> String {
    guid(&format!("code:camp:{}", c.word()))
}

fn speaker_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn place_key(p: &crate::model::PlaceRef) -> String {
    p.id.clone()
        .unwrap_or_else(|| format!("name:{}", p.name.to_lowercase()))
}

fn camp_color(c: Camp) -> &'static str {
    match c {
        Camp::UkrainianOfficial => "#1F77B4",
        Camp::RussianOfficial => "#D62728",
        Camp::RussianMilblogger => "#FF7F0E",
        Camp::Isw => "#2CA02C",
        Camp::IndependentMonitor => "#9467BD",
        Camp::WesternOfficial => "#17BECF",
        Camp::Media => "#8C564B",
        Camp::Other => "#7F7F7F",
    }
}

fn codebook(p: &Project, analysis: &Analysis) -> CodeBook {
    let mut speakers: BTreeMap<String, (String, Camp)> = BTreeMap::new();
    let mut places: BTreeMap<String, crate::model::PlaceRef> = BTreeMap::new();
    for (id, an) in &analysis.articles {
        if !p.articles.contains_key(id) {
            continue;
        }
        for c in &an.claims {
            if let Some(s) = c.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
                speakers
                    .entry(speaker_key(s))
                    .or_insert_with(|| (s.trim().to_owned(), c.camp));
            }
            for pl in &c.places {
                places.entry(place_key(pl)).or_insert_with(|| pl.clone());
            }
        }
    }
    let parent = |key: &str, name: &str, description: &str, children: Vec<Code>| Code {
        guid: guid(&format!("code:{key}")),
        name: name.to_owned(),
        codable: false,
        color: None,
        description: Some(description.to_owned()),
        children,
    };
    let camps = Camp::ALL
        .iter()
        .map(|&c| Code {
            guid: camp_guid(c),
            name: c.label().to_owned(),
            codable: true,
            color: Some(camp_color(c)),
            description: Some(format!("Crosscheck camp `{}`", c.word())),
            children: Vec::new(),
        })
        .collect();
    let speaker_codes = speakers
        .iter()
        .map(|(k, (name, camp))| Code {
            guid: guid(&format!("code:speaker:{k}")),
            name: name.clone(),
            codable: true,
            color: None,
            description: Some(format!("Speaks for: {}", camp.label())),
            children: Vec::new(),
        })
        .collect();
    let place_codes = places
        .iter()
        .map(|(k, pl)| Code {
            guid: guid(&format!("code:place:{k}")),
            name: pl.name.clone(),
            codable: true,
            color: None,
            description: {
                let facts: Vec<&str> = [
                    pl.district.as_deref(),
                    pl.oblast.as_deref(),
                    pl.id.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect();
                (!facts.is_empty()).then(|| facts.join("; "))
            },
            children: Vec::new(),
        })
        .collect();
    let mut roots = vec![parent("camps", "Camps", "Who a claimant speaks for", camps)];
    // Codes must hold at least one code each: empty groups are left out.
    if !speakers.is_empty() {
        roots.push(parent(
            "speakers",
            "Speakers",
            "Who made a claim",
            speaker_codes,
        ));
    }
    if !places.is_empty() {
        roots.push(parent(
            "places",
            "Places",
            "Places a claim is about",
            place_codes,
        ));
    }
    CodeBook {
        roots,
        speakers: speakers
            .keys()
            .map(|k| (k.clone(), guid(&format!("code:speaker:{k}"))))
            .collect(),
        places: places
            .keys()
            .map(|k| (k.clone(), guid(&format!("code:place:{k}"))))
            .collect(),
    }
}

/// Text as XML 1.0 allows it: characters it forbids even escaped (most C0 controls) become
/// U+FFFD.
fn xml_chars(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

type Xml = Writer<Vec<u8>>;

fn start(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, xml_chars(v).as_str()));
    }
    w.write_event(Event::Start(e))
}

fn empty(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, xml_chars(v).as_str()));
    }
    w.write_event(Event::Empty(e))
}

fn end(w: &mut Xml, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn text_element(w: &mut Xml, name: &str, text: &str) -> std::io::Result<()> {
    start(w, name, &[])?;
    w.write_event(Event::Text(BytesText::new(&xml_chars(text))))?;
    end(w, name)
}

fn write_codes(w: &mut Xml, codes: &[Code]) -> std::io::Result<()> {
    for c in codes {
        let mut attrs = vec![
            ("guid", c.guid.as_str()),
            ("name", c.name.as_str()),
            ("isCodable", if c.codable { "true" } else { "false" }),
        ];
        if let Some(col) = c.color {
            attrs.push(("color", col));
        }
        if c.description.is_none() && c.children.is_empty() {
            empty(w, "Code", &attrs)?;
            continue;
        }
        start(w, "Code", &attrs)?;
        if let Some(d) = &c.description {
            text_element(w, "Description", d)?;
        }
        write_codes(w, &c.children)?;
        end(w, "Code")?;
    }
    Ok(())
}

fn new_writer() -> std::io::Result<Xml> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    Ok(w)
}

/// The codebook alone, as a `.qdc` file (`urn:QDA-XML:codebook:1.0`).
pub fn qdc(p: &Project, analysis: &Analysis) -> Result<Vec<u8>, QdpxError> {
    let book = codebook(p, analysis);
    let mut w = new_writer()?;
    start(
        &mut w,
        "CodeBook",
        &[("xmlns", CODEBOOK_NS), ("origin", ORIGIN)],
    )?;
    start(&mut w, "Codes", &[])?;
    write_codes(&mut w, &book.roots)?;
    end(&mut w, "Codes")?;
    end(&mut w, "CodeBook")?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

/// The text an article is exported as: its analysed text (what claims' offsets point into)
/// with line breaks as `\n` and no byte-order mark, as QDA programs read text files; and for
/// each byte offset of the analysed text, the character position it has there.
pub fn source_text(doc: &Document) -> (String, Vec<usize>) {
    let t = &doc.text;
    let mut out = String::with_capacity(t.len());
    let mut pos = vec![0usize; t.len() + 1];
    let mut chars = 0usize;
    let mut it = t.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        for p in &mut pos[i..i + c.len_utf8()] {
            *p = chars;
        }
        match c {
            '\u{feff}' if i == 0 => continue,
            '\r' => {
                if it.peek().is_some_and(|&(_, n)| n == '\n') {
                    continue;
                }
                out.push('\n');
            }
            c => out.push(c),
        }
        chars += 1;
    }
    pos[t.len()] = chars;
    (out, pos)
}

/// The byte range of a claim's sentence in the analysed text: its span when that holds the
/// claim's text, else the text found on the claim's line, else anywhere.
pub fn claim_range(doc: &Document, c: &Claim) -> Option<(usize, usize)> {
    let want = c.text.trim();
    if want.is_empty() {
        return None;
    }
    let found = |from: usize, to: usize| {
        doc.text
            .get(from..to)
            .and_then(|s| s.find(want))
            .map(|i| (from + i, from + i + want.len()))
    };
    if let Some(r) = found(c.span.0, c.span.1) {
        return Some(r);
    }
    for l in doc.lines.iter().filter(|l| l.src_line == c.line) {
        if let Some(r) = found(l.start, l.end) {
            return Some(r);
        }
    }
    if let Some(r) = found(0, doc.text.len()) {
        return Some(r);
    }
    // Text edited apart from its span (a hand-made claim): the span itself, trimmed.
    let s = doc.text.get(c.span.0..c.span.1)?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| (c.span.0 + lead, c.span.0 + lead + t.len()))
}

/// The file name of an article's text inside the archive, under `sources/`.
fn source_file(source_guid: &str) -> String {
    format!("{source_guid}.txt")
}

/// What an article needs in `project.qde`.
struct SourceOut<'a> {
    article: &'a Article,
    an: &'a ArticleAnalysis,
    guid: String,
    text: String,
    pos: Vec<usize>,
}

/// The project as a `.qdpx` archive. `name` is the project's name in the file.
pub fn qdpx(p: &Project, analysis: &Analysis, name: &str) -> Result<Vec<u8>, QdpxError> {
    let book = codebook(p, analysis);
    let sources: Vec<SourceOut<'_>> = analysis
        .articles
        .iter()
        .filter_map(|(id, an)| {
            let article = p.articles.get(id)?;
            let (text, pos) = source_text(&an.doc);
            Some(SourceOut {
                article,
                an,
                guid: guid(&format!("source:{}", id.0)),
                text,
                pos,
            })
        })
        .collect();
    let qde = project_qde(&book, &sources, name)?;

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    zip.start_file("project.qde", options)?;
    zip.write_all(&qde)?;
    for s in &sources {
        zip.start_file(format!("sources/{}", source_file(&s.guid)), options)?;
        zip.write_all(s.text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The variables each source carries, from the article's metadata as shown.
const VARIABLES: [(MetaField, &str); 5] = [
    (MetaField::Title, "Title"),
    (MetaField::Author, "Author"),
    (MetaField::Outlet, "Outlet"),
    (MetaField::Url, "URL"),
    (MetaField::Published, "Published"),
];

fn variable_guid(name: &str) -> String {
    guid(&format!("variable:{name}"))
}

fn project_qde(book: &CodeBook, sources: &[SourceOut<'_>], name: &str) -> std::io::Result<Vec<u8>> {
    let mut w = new_writer()?;
    start(
        &mut w,
        "Project",
        &[("xmlns", PROJECT_NS), ("name", name), ("origin", ORIGIN)],
    )?;
    start(&mut w, "CodeBook", &[])?;
    start(&mut w, "Codes", &[])?;
    write_codes(&mut w, &book.roots)?;
    end(&mut w, "Codes")?;
    end(&mut w, "CodeBook")?;

    start(&mut w, "Variables", &[])?;
    for (_, v) in VARIABLES {
        empty(
            &mut w,
            "Variable",
            &[
                ("guid", &variable_guid(v)),
                ("name", v),
                ("typeOfVariable", "Text"),
            ],
        )?;
    }
    end(&mut w, "Variables")?;

    // Notes: each article's notes, and each claim's note.
    let mut notes: Vec<(String, String, String)> = Vec::new();
    if !sources.is_empty() {
        start(&mut w, "Sources", &[])?;
        for s in sources {
            write_source(&mut w, book, s, &mut notes)?;
        }
        end(&mut w, "Sources")?;
    }
    if !notes.is_empty() {
        start(&mut w, "Notes", &[])?;
        for (g, name, text) in &notes {
            start(&mut w, "Note", &[("guid", g), ("name", name)])?;
            text_element(&mut w, "PlainTextContent", text)?;
            end(&mut w, "Note")?;
        }
        end(&mut w, "Notes")?;
    }
    end(&mut w, "Project")?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

fn write_source(
    w: &mut Xml,
    book: &CodeBook,
    s: &SourceOut<'_>,
    notes: &mut Vec<(String, String, String)>,
) -> std::io::Result<()> {
    let a = s.article;
    let meta = &s.an.meta;
    let name = meta
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| a.source.file_name.clone());
    let name = if name.trim().is_empty() {
        a.id.0.clone()
    } else {
        name
    };
    let path = format!("internal://{}", source_file(&s.guid));
    start(
        w,
        "TextSource",
        &[("guid", &s.guid), ("name", &name), ("plainTextPath", &path)],
    )?;
    let mut facts = vec![format!("Crosscheck article {}", a.id)];
    if !a.source.file_name.is_empty() {
        facts.push(format!("imported from {}", a.source.file_name));
    }
    text_element(w, "Description", &facts.join(", "))?;
    for c in &s.an.claims {
        let Some((b0, b1)) = claim_range(&s.an.doc, c) else {
            continue;
        };
        let sel = guid(&format!("selection:{}:{}", a.id.0, c.id.0));
        let (start_pos, end_pos) = (s.pos[b0].to_string(), s.pos[b1].to_string());
        let label = format!(
            "{}: {}",
            c.speaker.as_deref().unwrap_or("unattributed"),
            c.camp.label()
        );
        start(
            w,
            "PlainTextSelection",
            &[
                ("guid", &sel),
                ("name", &label),
                ("startPosition", &start_pos),
                ("endPosition", &end_pos),
            ],
        )?;
        let mut codes = vec![("camp".to_owned(), camp_guid(c.camp))];
        if let Some(g) = c
            .speaker
            .as_deref()
            .and_then(|sp| book.speakers.get(&speaker_key(sp)))
        {
            codes.push(("speaker".to_owned(), g.clone()));
        }
        for pl in &c.places {
            if let Some(g) = book.places.get(&place_key(pl)) {
                codes.push((format!("place:{}", place_key(pl)), g.clone()));
            }
        }
        codes.dedup_by(|x, y| x.1 == y.1);
        for (what, code) in &codes {
            let coding = guid(&format!("coding:{}:{}:{what}", a.id.0, c.id.0));
            start(w, "Coding", &[("guid", &coding)])?;
            empty(w, "CodeRef", &[("targetGUID", code)])?;
            end(w, "Coding")?;
        }
        if let Some(note) = a
            .claim_edits
            .get(&c.id)
            .and_then(|e| e.note.as_deref())
            .filter(|n| !n.trim().is_empty())
        {
            let g = guid(&format!("note:claim:{}:{}", a.id.0, c.id.0));
            empty(w, "NoteRef", &[("targetGUID", &g)])?;
            notes.push((g, format!("Note on a claim of {name}"), note.to_owned()));
        }
        end(w, "PlainTextSelection")?;
    }
    if !a.notes.trim().is_empty() {
        let g = guid(&format!("note:article:{}", a.id.0));
        empty(w, "NoteRef", &[("targetGUID", &g)])?;
        notes.push((g, format!("Notes on {name}"), a.notes.clone()));
    }
    for (field, v) in VARIABLES {
        if let Some(value) = meta.get(field).filter(|v| !v.trim().is_empty()) {
            start(w, "VariableValue", &[])?;
            empty(w, "VariableRef", &[("targetGUID", &variable_guid(v))])?;
            text_element(w, "TextValue", &value)?;
            end(w, "VariableValue")?;
        }
    }
    end(w, "TextSource")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    #[test]
    fn guids_are_deterministic_and_well_formed() {
        let g = guid("source:a1");
        assert_eq!(g, guid("source:a1"));
        assert_ne!(g, guid("source:a2"));
        let parts: Vec<&str> = g.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('8'), "{g}");
    }

    #[test]
    fn offsets_count_characters_after_newline_normalisation() {
        let doc = Document::build("\u{feff}Бої\r\nтривають.", Format::Text);
        let (text, pos) = source_text(&doc);
        assert_eq!(text, "Бої\nтривають.");
        let b = doc.text.find("тривають").unwrap_or(0);
        assert_eq!(pos[b], 4);
        assert_eq!(pos[doc.text.len()], text.chars().count());
    }

    #[test]
    fn control_characters_are_replaced_in_xml() {
        assert_eq!(xml_chars("a\u{0}b\u{c}c\n"), "a\u{fffd}b\u{fffd}c\n");
    }
}
