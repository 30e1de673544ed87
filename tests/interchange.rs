//! Interchange, data-driven: a project built here and the sample articles exported as a
//! REFI-QDA project (validated against the published schema, re-imported with the same texts,
//! codings pointing at the claims' sentences) and codebook, and as RIS, BibTeX and CSL-JSON
//! citations that parse back with their metadata.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crosscheck::analysis::{Analysis, analyze_project};
use crosscheck::export::{citations, qdpx};
use crosscheck::ingest;
use crosscheck::model::{ClaimEdit, Edit, MetaField, Project};
use quick_xml::Reader;
use quick_xml::events::Event;

const UA: &str = "Ukraine's General Staff said on Jan. 24 that Russian forces attacked near Pokrovsk 40 times over the past day.\n\nThe Russian Defence Ministry said its troops had taken control of Kurakhove.\n\nDeepState reported that Russian forces advanced near Velyka Novosilka.\n";
/// Cyrillic, CRLF line breaks and a byte-order mark: offsets must count characters of the
/// text as exported.
const UK: &str = "\u{feff}Генштаб ЗСУ повідомив, що окупанти 35 разів атакували на Покровському напрямку.\r\n\r\nЗа словами Трегубова, ворог не може оточити Покровськ.\r\n";

fn small_project() -> Project {
    let mut p = Project::default();
    for (name, text) in [("general-staff.txt", UA), ("генштаб.txt", UK)] {
        let arts = ingest::import_bytes(Path::new(name), text.as_bytes()).unwrap();
        Edit::AddArticles(arts).apply(&mut p);
    }
    let ids: Vec<_> = p.articles.keys().cloned().collect();
    let ua = ids
        .iter()
        .find(|id| p.articles[*id].source.file_name == "general-staff.txt")
        .unwrap()
        .clone();
    let uk = ids.iter().find(|id| **id != ua).unwrap().clone();
    let meta = [
        (
            &ua,
            MetaField::Title,
            "Russia attacks 40% more & {fails} near Pokrovsk_#1 — NATO",
        ),
        (&ua, MetaField::Author, "Jane Doe and Kateryna Hodunova"),
        (&ua, MetaField::Outlet, "The Kyiv Independent"),
        (
            &ua,
            MetaField::Url,
            "https://kyivindependent.com/a?b=1&c=%20",
        ),
        (&ua, MetaField::Published, "2025-01-24"),
        (&uk, MetaField::Title, "Бої за Покровськ тривають"),
        (&uk, MetaField::Author, "Олена Коваль"),
        (&uk, MetaField::Outlet, "Українська правда"),
        (&uk, MetaField::Published, "2025-01"),
    ];
    for (id, field, value) in meta {
        assert!(
            Edit::SetMeta {
                article: id.clone(),
                field,
                value: Some(value.to_owned()),
            }
            .apply(&mut p)
        );
    }
    Edit::SetNotes {
        article: ua.clone(),
        notes: "Check against ISW's assessment <of> the same day & the map.".into(),
    }
    .apply(&mut p);
    let an = analyze_project(&p);
    let first = an.articles[&ua]
        .claims
        .first()
        .expect("a claim in the English article");
    Edit::EditClaim {
        article: ua,
        claim: first.id.clone(),
        edit: ClaimEdit {
            note: Some("Number repeated by Ukrinform.".into()),
            ..ClaimEdit::default()
        },
    }
    .apply(&mut p);
    p
}

fn sample_project() -> Project {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let mut p = Project::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        Edit::AddArticles(ingest::import_path(&f).unwrap()).apply(&mut p);
    }
    p
}

/// Validate an XML document against one of the committed schemas with xmllint. Without
/// xmllint the check is skipped with a message, except in CI, which installs it.
fn validate(xml: &[u8], schema: &str) {
    let xsd = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/refi-qda")
        .join(schema);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.xml");
    std::fs::write(&file, xml).unwrap();
    let out = match Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .arg(&file)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "xmllint is needed in CI (Debian package libxml2-utils): {e}"
            );
            eprintln!(
                "SKIPPED schema validation against {schema}: xmllint not found ({e}); install libxml2-utils"
            );
            return;
        }
    };
    assert!(
        out.status.success(),
        "{schema} validation failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(xml)
    );
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(f.name().unwrap().into_owned(), b);
    }
    out
}

/// One PlainTextSelection as read back from project.qde.
#[derive(Debug)]
struct Selection {
    start: usize,
    end: usize,
    codes: Vec<String>,
}

/// What the test reads back from project.qde.
#[derive(Debug, Default)]
struct Qde {
    /// Code GUID → (name, parent name).
    codes: BTreeMap<String, (String, String)>,
    /// Source name → (plainTextPath, selections).
    sources: BTreeMap<String, (String, Vec<Selection>)>,
    notes: Vec<String>,
}

fn read_qde(xml: &str) -> Qde {
    let mut r = Reader::from_str(xml);
    let mut q = Qde::default();
    let mut code_stack: Vec<String> = Vec::new();
    let mut source: Option<String> = None;
    let mut in_notes = false;
    let attr = |e: &quick_xml::events::BytesStart<'_>, n: &str| -> String {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == n.as_bytes())
            .map(|a| {
                quick_xml::escape::unescape(std::str::from_utf8(&a.value).unwrap())
                    .unwrap()
                    .into_owned()
            })
            .unwrap_or_default()
    };
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"Code" => {
                let parent = code_stack.last().cloned().unwrap_or_default();
                q.codes.insert(attr(&e, "guid"), (attr(&e, "name"), parent));
                code_stack.push(attr(&e, "name"));
            }
            Event::Empty(e) if e.name().as_ref() == b"Code" => {
                let parent = code_stack.last().cloned().unwrap_or_default();
                q.codes.insert(attr(&e, "guid"), (attr(&e, "name"), parent));
            }
            Event::End(e) if e.name().as_ref() == b"Code" => {
                code_stack.pop();
            }
            Event::Start(e) if e.name().as_ref() == b"TextSource" => {
                let name = attr(&e, "name");
                q.sources
                    .insert(name.clone(), (attr(&e, "plainTextPath"), Vec::new()));
                source = Some(name);
            }
            Event::Start(e) if e.name().as_ref() == b"PlainTextSelection" => {
                let s = source.as_ref().unwrap();
                q.sources.get_mut(s).unwrap().1.push(Selection {
                    start: attr(&e, "startPosition").parse().unwrap(),
                    end: attr(&e, "endPosition").parse().unwrap(),
                    codes: Vec::new(),
                });
            }
            Event::Empty(e) if e.name().as_ref() == b"CodeRef" => {
                let s = source.as_ref().unwrap();
                let sel = q.sources.get_mut(s).unwrap().1.last_mut().unwrap();
                sel.codes.push(attr(&e, "targetGUID"));
            }
            Event::Start(e) if e.name().as_ref() == b"Notes" => in_notes = true,
            Event::Start(e) if in_notes && e.name().as_ref() == b"PlainTextContent" => {
                let t = r.read_text(e.name()).unwrap();
                let t = quick_xml::escape::unescape(std::str::from_utf8(&t).unwrap())
                    .unwrap()
                    .into_owned();
                q.notes.push(t);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    q
}

/// Export, validate, read back and check every claim's coding; then re-import the archive.
fn check_qdpx(p: &Project, an: &Analysis) {
    let bytes = qdpx::qdpx(p, an, "test").unwrap();
    assert_eq!(
        bytes,
        qdpx::qdpx(p, an, "test").unwrap(),
        "the same project exports to the same bytes"
    );
    let files = unzip(&bytes);
    let qde = &files["project.qde"];
    validate(qde, "Project.xsd");
    let q = read_qde(std::str::from_utf8(qde).unwrap());
    assert_eq!(q.sources.len(), p.articles.len());

    let mut claims_checked = 0;
    for (id, a) in an.articles.iter() {
        let title = a
            .meta
            .title
            .clone()
            .unwrap_or_else(|| p.articles[id].source.file_name.clone());
        let (path, sels) = &q.sources[&title];
        let file = path.strip_prefix("internal://").unwrap();
        let text = String::from_utf8(files[&format!("sources/{file}")].clone()).unwrap();
        assert!(!text.contains('\r') && !text.starts_with('\u{feff}'));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            sels.len(),
            a.claims.len(),
            "{title}: one selection per claim"
        );
        for (c, s) in a.claims.iter().zip(sels) {
            let selected: String = chars[s.start..s.end].iter().collect();
            assert_eq!(selected, c.text.trim(), "{title}: offsets of {}", c.id);
            let (camp, parent) = &q.codes[&s.codes[0]];
            assert_eq!((camp.as_str(), parent.as_str()), (c.camp.label(), "Camps"));
            let coded: BTreeSet<(&str, &str)> = s.codes[1..]
                .iter()
                .map(|g| {
                    let (n, p) = &q.codes[g];
                    (p.as_str(), n.as_str())
                })
                .collect();
            if let Some(sp) = &c.speaker {
                assert!(
                    coded
                        .iter()
                        .any(|(p, n)| *p == "Speakers" && n.eq_ignore_ascii_case(sp.trim())),
                    "{title}: speaker {sp} coded in {coded:?}"
                );
            }
            for pl in &c.places {
                assert!(coded.contains(&("Places", pl.name.as_str())), "{}", pl.name);
            }
            claims_checked += 1;
        }
    }
    assert_eq!(claims_checked, an.claim_count());

    // Re-import: one article per source, with the exported text and metadata.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("exchange.qdpx");
    std::fs::write(&f, &bytes).unwrap();
    let back = ingest::import_path(&f).unwrap();
    assert_eq!(back.len(), p.articles.len());
    let mut reimported = Project::default();
    Edit::AddArticles(back.clone()).apply(&mut reimported);
    let an2 = analyze_project(&reimported);
    for (id, a) in &an.articles {
        let (text, _) = qdpx::source_text(&a.doc);
        let b = back
            .iter()
            .find(|b| *b.raw == *text)
            .unwrap_or_else(|| panic!("{id}: text re-imported unchanged"));
        assert_eq!(b.imported_meta.title, a.meta.title);
        assert_eq!(b.imported_meta.author, a.meta.author);
        assert_eq!(b.imported_meta.outlet, a.meta.outlet);
        assert_eq!(b.imported_meta.url, a.meta.url);
        assert_eq!(b.imported_meta.published, a.meta.published);
        assert_eq!(b.notes, p.articles[id].notes.trim());
        if *p.articles[id].raw == *text {
            // The same text analysed again gives the same claims.
            let again: Vec<&str> = an2.articles[&b.id]
                .claims
                .iter()
                .map(|c| c.text.as_str())
                .collect();
            let before: Vec<&str> = a.claims.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(again, before, "{id}");
        }
    }
}

#[test]
fn qdpx_of_a_small_project_validates_and_round_trips() {
    let p = small_project();
    let an = analyze_project(&p);
    assert!(
        an.claim_count() >= 4,
        "claims in the test texts: {}",
        an.claim_count()
    );
    check_qdpx(&p, &an);
    let q = read_qde(
        std::str::from_utf8(&unzip(&qdpx::qdpx(&p, &an, "test").unwrap())["project.qde"]).unwrap(),
    );
    assert!(
        q.notes.iter().any(|n| n.contains("ISW's assessment <of>")),
        "{:?}",
        q.notes
    );
    assert!(q.notes.iter().any(|n| n == "Number repeated by Ukrinform."));
}

#[test]
fn qdpx_of_the_sample_articles_validates_and_round_trips() {
    let p = sample_project();
    let an = analyze_project(&p);
    assert!(an.claim_count() >= 10);
    check_qdpx(&p, &an);
}

/// The shared seed articles, when the shared folder is beside the repository (as in CI).
#[test]
fn qdpx_of_the_seeds_validates_and_round_trips() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&seeds) else {
        eprintln!("SKIPPED: no shared seeds at {}", seeds.display());
        return;
    };
    let mut p = Project::default();
    for e in rd {
        let f = e.unwrap().path();
        if let Ok(arts) = ingest::import_path(&f) {
            Edit::AddArticles(arts).apply(&mut p);
        }
    }
    let an = analyze_project(&p);
    check_qdpx(&p, &an);
}

#[test]
fn qdc_codebook_validates_and_lists_camps_speakers_places() {
    for p in [small_project(), sample_project(), Project::default()] {
        let an = analyze_project(&p);
        let qdc = qdpx::qdc(&p, &an).unwrap();
        validate(&qdc, "Codebook.xsd");
        let text = String::from_utf8(qdc).unwrap();
        assert!(text.contains("urn:QDA-XML:codebook:1.0"));
        for camp in crosscheck::model::Camp::ALL {
            assert!(
                text.contains(&format!("name=\"{}\"", camp.label())),
                "{camp:?}"
            );
        }
        for a in an.articles.values() {
            for c in &a.claims {
                if let Some(s) = &c.speaker {
                    let escaped = quick_xml::escape::escape(s.trim());
                    assert!(text.to_lowercase().contains(&escaped.to_lowercase()), "{s}");
                }
            }
        }
    }
    // An empty project still validates: the camps are always there.
    let p = Project::default();
    validate(
        &qdpx::qdpx(&p, &analyze_project(&p), "empty")
            .map(|b| unzip(&b)["project.qde"].clone())
            .unwrap(),
        "Project.xsd",
    );
}

#[test]
fn an_archive_that_is_not_a_project_is_refused_with_a_reason() {
    let e = ingest::import_bytes(Path::new("x.qdpx"), b"not a zip").unwrap_err();
    assert!(
        e.to_string().contains("not a readable REFI-QDA project"),
        "{e}"
    );
    assert!(e.to_string().contains("x.qdpx"), "{e}");
}

// ------------------------------------------------------------------ citations

#[test]
fn csl_json_parses_back_with_the_metadata_as_shown() {
    let p = small_project();
    let an = analyze_project(&p);
    let text = serde_json::to_string(&citations::csl_json(&p, &an)).unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(items.len(), 2);
    // Dated order: 2025-01 before 2025-01-24.
    let uk = &items[0];
    assert_eq!(uk["type"], "article-newspaper");
    assert_eq!(uk["title"], "Бої за Покровськ тривають");
    assert_eq!(uk["author"][0]["family"], "Коваль");
    assert_eq!(uk["author"][0]["given"], "Олена");
    assert_eq!(uk["container-title"], "Українська правда");
    assert_eq!(uk["issued"]["date-parts"], serde_json::json!([[2025, 1]]));
    let en = &items[1];
    assert_eq!(en["author"].as_array().unwrap().len(), 2);
    assert_eq!(en["author"][1]["family"], "Hodunova");
    assert_eq!(
        en["issued"]["date-parts"],
        serde_json::json!([[2025, 1, 24]])
    );
    assert_eq!(en["URL"], "https://kyivindependent.com/a?b=1&c=%20");
    assert_eq!(en["container-title"], "The Kyiv Independent");
    let ids: BTreeSet<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 2, "unique ids");
}

#[test]
fn ris_has_one_record_per_article_in_tag_lines() {
    let p = small_project();
    let an = analyze_project(&p);
    let ris = citations::ris(&p, &an);
    assert!(ris.ends_with("ER  - \r\n"));
    let mut records: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ris.split("\r\n").filter(|l| !l.is_empty()) {
        let (tag, value) = line.split_at(6.min(line.len()));
        let tag = tag
            .strip_suffix("  - ")
            .unwrap_or_else(|| panic!("tag line: {line:?}"));
        assert!(
            tag.len() == 2
                && tag
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        );
        assert!(!value.contains('\n'));
        if tag == "TY" {
            records.push(Vec::new());
        }
        records.last_mut().expect("TY first").push((tag, value));
    }
    assert_eq!(records.len(), 2);
    for r in &records {
        assert_eq!(r.last().unwrap().0, "ER");
    }
    let en = &records[1];
    let get = |t: &str| {
        en.iter()
            .filter(|(k, _)| *k == t)
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
    };
    assert_eq!(get("TY"), ["NEWS"]);
    assert_eq!(get("AU"), ["Doe, Jane", "Hodunova, Kateryna"]);
    assert_eq!(get("T2"), ["The Kyiv Independent"]);
    assert_eq!(get("DA"), ["2025/01/24"]);
    assert_eq!(get("PY"), ["2025"]);
    assert_eq!(get("UR"), ["https://kyivindependent.com/a?b=1&c=%20"]);
    assert!(ris.contains("TI  - Бої за Покровськ тривають\r\n"));
}

/// Braces of a BibTeX value balance when escaped ones (`\{`) are not counted.
fn braces_balance(s: &str) -> bool {
    let mut depth = 0i32;
    let mut esc = false;
    for c in s.chars() {
        match c {
            '\\' if !esc => {
                esc = true;
                continue;
            }
            '{' if !esc => depth += 1,
            '}' if !esc => depth -= 1,
            _ => {}
        }
        esc = false;
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

#[test]
fn bibtex_entries_balance_escape_and_keep_cyrillic() {
    let p = small_project();
    let an = analyze_project(&p);
    let bib = citations::bibtex(&p, &an);
    let entries: Vec<&str> = bib.split("\n@").collect();
    assert_eq!(entries.len(), 2, "{bib}");
    let mut keys = BTreeSet::new();
    for e in &entries {
        assert!(braces_balance(e), "{e}");
        let key = e
            .trim_start_matches('@')
            .split_once('{')
            .unwrap()
            .1
            .split_once(',')
            .unwrap()
            .0;
        assert!(
            key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "{key}"
        );
        assert!(keys.insert(key.to_owned()), "unique {key}");
    }
    assert!(keys.contains("koval2025boyi"), "{keys:?}");
    assert!(
        bib.contains("title        = {Бої за Покровськ тривають}"),
        "{bib}"
    );
    assert!(
        bib.contains("40\\% more \\& \\{fails\\} near Pokrovsk\\_\\#1 — {NATO}"),
        "{bib}"
    );
    assert!(bib.contains("author       = {Doe, Jane and Hodunova, Kateryna}"));
    assert!(bib.contains("month        = jan"));
    assert!(bib.contains("date         = {2025-01-24}"));
    assert!(bib.contains("url          = {https://kyivindependent.com/a?b=1&c=%20}"));
}

#[test]
fn citation_keys_are_stable_and_unique_when_bases_collide() {
    let mut p = small_project();
    // A second article with the same author, year and first title word.
    let arts = ingest::import_bytes(Path::new("b.txt"), b"Another story.\n").unwrap();
    let id = arts[0].id.clone();
    Edit::AddArticles(arts).apply(&mut p);
    for (field, value) in [
        (MetaField::Title, "Бої за Покровськ: день другий"),
        (MetaField::Author, "Олена Коваль"),
        (MetaField::Published, "2025-01-25"),
    ] {
        Edit::SetMeta {
            article: id.clone(),
            field,
            value: Some(value.into()),
        }
        .apply(&mut p);
    }
    let an = analyze_project(&p);
    let items = citations::csl_json(&p, &an);
    let keys: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(keys.len(), 3);
    assert_eq!(keys.iter().collect::<BTreeSet<_>>().len(), 3, "{keys:?}");
    assert!(
        keys.iter()
            .filter(|k| k.starts_with("koval2025boyi-"))
            .count()
            == 2,
        "{keys:?}"
    );
    assert_eq!(
        citations::bibtex(&p, &an),
        citations::bibtex(&p, &analyze_project(&p))
    );
}

#[test]
fn the_cli_exports_every_interchange_format() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    crosscheck::project::save(&proj, &small_project()).unwrap();
    for (format, file) in [
        ("ris", "out.ris"),
        ("bibtex", "out.bib"),
        ("csl-json", "out.json"),
        ("qdpx", "out.qdpx"),
        ("qdc", "out.qdc"),
    ] {
        let out = dir.path().join(file);
        let o = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["export"])
            .arg(&proj)
            .args(["--format", format, "-o"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(std::fs::metadata(&out).unwrap().len() > 100, "{format}");
    }
    let back = ingest::import_path(&dir.path().join("out.qdpx")).unwrap();
    assert_eq!(back.len(), 2);
}

/// A project another program wrote: a `Sources/` folder, a prefixed namespace, a text given
/// inline, and a source outside the archive (skipped with a warning, not read).
#[test]
fn a_foreign_qdpx_imports_its_text_sources() {
    use std::io::Write as _;
    let qde = r#"<?xml version="1.0" encoding="utf-8"?>
<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="Interviews">
  <qda:Sources>
    <qda:TextSource guid="11111111-1111-4111-8111-111111111111" name="interview1.txt" plainTextPath="internal://11111111-1111-4111-8111-111111111111.txt"/>
    <qda:TextSource guid="22222222-2222-4222-8222-222222222222" name="inline"><qda:PlainTextContent>Ворог атакував біля Покровська &amp; Торецька.</qda:PlainTextContent></qda:TextSource>
    <qda:TextSource guid="33333333-3333-4333-8333-333333333333" name="outside" plainTextPath="internal://../../etc/passwd"/>
  </qda:Sources>
</qda:Project>"#;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    z.start_file("project.qde", o).unwrap();
    z.write_all(qde.as_bytes()).unwrap();
    z.start_file("Sources/11111111-1111-4111-8111-111111111111.txt", o)
        .unwrap();
    z.write_all("\u{feff}The General Staff said 40 attacks were repelled.".as_bytes())
        .unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let arts = ingest::import_bytes(Path::new("interviews.qdpx"), &bytes).unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!(
        &*arts[0].raw,
        "The General Staff said 40 attacks were repelled."
    );
    assert_eq!(arts[0].source.file_name, "interviews.qdpx: interview1.txt");
    assert_eq!(&*arts[1].raw, "Ворог атакував біля Покровська & Торецька.");
    assert!(
        arts[0]
            .source
            .warnings
            .iter()
            .any(|w| w.contains("outside") && w.contains("outside the archive")),
        "{:?}",
        arts[0].source.warnings
    );
}
