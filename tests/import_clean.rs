//! Import and cleaning, data-driven: formats and encodings, bad files, per-outlet learning,
//! user flips surviving re-analysis, duplicates and near-duplicates, metadata.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::fs;
use std::path::{Path, PathBuf};

use crosscheck::analysis::analyze_project;
use crosscheck::clean::{LineKind, clean_text};
use crosscheck::ingest::{self, ImportError};
use crosscheck::model::{Edit, Format, LineDecision, MetaField, Project};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean")
}

/// Every `NAME.txt` under tests/fixtures/clean (and the sample articles) cleans to `NAME.clean`.
#[test]
fn cleaned_text_matches_the_expected_body() {
    let mut cases: Vec<(PathBuf, PathBuf)> = Vec::new();
    for e in fs::read_dir(fixtures()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            cases.push((p.clone(), p.with_extension("clean")));
        }
    }
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    for e in fs::read_dir(&samples).unwrap() {
        let p = e.unwrap().path();
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        cases.push((p, fixtures().join(format!("sample_{stem}.clean"))));
    }
    assert!(cases.len() >= 9);
    let mut failures = Vec::new();
    for (input, expected) in cases {
        let text = fs::read_to_string(&input).unwrap();
        let got = clean_text(&text, Format::Text).join("\n");
        let want = fs::read_to_string(&expected)
            .unwrap_or_else(|_| panic!("missing {}", expected.display()));
        if got.trim_end() != want.trim_end() {
            failures.push(format!(
                "{}:\n--- got\n{got}\n--- want\n{want}",
                input.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn cleaning_is_deterministic_and_idempotent() {
    for e in fs::read_dir(fixtures()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = fs::read_to_string(&p).unwrap();
        let once = clean_text(&text, Format::Text);
        assert_eq!(once, clean_text(&text, Format::Text));
        let twice = clean_text(&once.join("\n\n"), Format::Text);
        assert_eq!(once, twice, "{}", p.display());
    }
}

fn import(name: &str, bytes: &[u8]) -> Result<Vec<crosscheck::model::Article>, ImportError> {
    ingest::import_bytes(Path::new(name), bytes)
}

#[test]
fn formats_and_encodings() {
    let ru = "Минобороны России заявило о взятии Торецка.\nВСУ это отрицают.\n";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
    let a = import("a.txt", &cp1251).unwrap();
    assert_eq!(&*a[0].raw, ru);
    assert_eq!(a[0].source.encoding, "windows-1251");

    let mut utf16 = vec![0xff, 0xfe];
    for u in ru.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let a = import("a.txt", &utf16).unwrap();
    assert_eq!(&*a[0].raw, ru);
    assert_eq!(a[0].source.encoding, "UTF-16LE");

    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice("Київ\n".as_bytes());
    assert_eq!(&*import("a.md", &bom).unwrap()[0].raw, "Київ\n");

    // Binary, empty, unknown type: refused with the reason and the file name.
    let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    let e = import("photo.txt", &png).unwrap_err().to_string();
    assert!(e.contains("binary") && e.contains("photo.txt"), "{e}");
    let e = import("empty.txt", b"").unwrap_err().to_string();
    assert!(e.contains("empty"), "{e}");
    let e = import("doc.pdf", b"%PDF").unwrap_err().to_string();
    assert!(e.contains("unsupported") && e.contains(".md"), "{e}");
}

#[test]
fn huge_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    let f = fs::File::create(&p).unwrap();
    f.set_len(ingest::MAX_FILE_BYTES + 1).unwrap();
    let e = ingest::import_path(&p).unwrap_err().to_string();
    assert!(e.contains("too large") && e.contains("huge.txt"), "{e}");
}

#[test]
fn html_page_body_lines_and_metadata() {
    let html = r#"<!doctype html>
<html><head>
<title>Ukraine says it holds Kupiansk | Example News</title>
<meta property="og:title" content="Ukraine says it holds Kupiansk">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Olena Kovalenko">
<meta property="article:published_time" content="2025-12-26T09:40:00+02:00">
<link rel="canonical" href="https://news.example/ukraine-kupiansk">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/war">War in Ukraine</a></li></ul></nav>
<header><a href="/subscribe">Subscribe</a></header>
<main><article>
<h1>Ukraine says it holds Kupiansk</h1>
<p class="byline">By Olena Kovalenko</p>
<p>Ukrainian forces hold the city of Kupiansk in Kharkiv Oblast and have pushed Russian units out of its northern districts, the spokesperson for the Joint Forces, Viktor Trehubov, said on Friday.</p>
<p>Russian military bloggers acknowledged the setback, writing on Telegram that the remaining assault groups in the city had run out of supplies and were surrendering one by one.</p>
<figure><img src="a.jpg"><figcaption>Ukrainian soldiers near Kupiansk. (Photo: Example/AP)</figcaption></figure>
<p>The Russian Defence Ministry has not commented on the situation in Kupiansk, which it claimed to have captured in November, and did not respond to a request for comment.</p>
<p>Fighting continues along the Oskil River to the south of the city, where Russian forces have attacked Ukrainian positions near Petropavlivka every day this week.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten things to know about the peace talks</a></li></ul></aside>
<footer><p>© 2025 Example News. All rights reserved.</p></footer>
</body></html>"#;
    let arts = import("page.html", html.as_bytes()).unwrap();
    let m = &arts[0].imported_meta;
    assert_eq!(m.title.as_deref(), Some("Ukraine says it holds Kupiansk"));
    assert_eq!(m.author.as_deref(), Some("Olena Kovalenko"));
    assert_eq!(m.outlet.as_deref(), Some("Example News"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://news.example/ukraine-kupiansk")
    );
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2025-12-26T09:40")
    );
    let mut p = Project::default();
    p.add_article(arts[0].clone());
    let an = analyze_project(&p);
    let a = an.articles.values().next().unwrap();
    let kept: Vec<&str> = a.cleaned_lines().map(|(_, t)| t).collect();
    assert!(
        kept.iter()
            .any(|t| t.starts_with("Ukrainian forces hold the city")),
        "{kept:?}"
    );
    assert!(
        kept.iter()
            .any(|t| t.starts_with("Fighting continues along the Oskil")),
        "{kept:?}"
    );
    for bad in [
        "Home",
        "Subscribe",
        "Ten things to know about the peace talks",
        "© 2025 Example News. All rights reserved.",
    ] {
        assert!(!kept.contains(&bad), "{bad} kept: {kept:?}");
    }
    assert!(
        !kept.iter().any(|t| t.contains("(Photo: Example/AP)")),
        "caption kept"
    );
    // Lines point back into the HTML source.
    let src_lines: Vec<u32> = a
        .doc
        .lines
        .iter()
        .filter(|l| a.doc.line_text(l).starts_with("Ukrainian forces hold"))
        .map(|l| l.src_line)
        .collect();
    assert_eq!(src_lines, [16]);
}

#[test]
fn markdown_front_matter_and_telegram_exports() {
    let md = "---\ntitle: Bakhmut update\nauthor: Test Author\ndate: 2023-01-03\nsource: Kyiv Independent\n---\n\n# Bakhmut update\n\n![map](map.png)\n\nRussia's advances near Bakhmut have likely slowed in recent days, the Institute for the Study of War said in its latest update.\n";
    let arts = import("a.md", md.as_bytes()).unwrap();
    let mut p = Project::default();
    p.add_article(arts[0].clone());
    let an = analyze_project(&p);
    let a = an.articles.values().next().unwrap();
    assert_eq!(a.meta.title.as_deref(), Some("Bakhmut update"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Kyiv Independent"));
    assert_eq!(
        a.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2023-01-03")
    );
    assert_eq!(
        a.classes[1].kind,
        LineKind::Metadata,
        "front matter is metadata"
    );
    let kept: Vec<&str> = a.cleaned_lines().map(|(_, t)| t).collect();
    assert!(
        kept.iter()
            .any(|t| t.starts_with("Russia's advances near Bakhmut"))
    );
    assert!(!kept.iter().any(|t| t.contains("map.png")));

    let tg = r#"{"name": "Rybar", "type": "public_channel", "id": 1, "messages": [
      {"id": 10, "type": "message", "date": "2025-02-01T10:00:00", "from": "Rybar", "text": ["Штурмовые подразделения продвинулись в районе ", {"type": "bold", "text": "Торецка"}, ".\n\nПодписывайтесь на Рыбаря"]},
      {"id": 11, "type": "message", "date": "2025-02-01T12:00:00", "from": "Rybar", "text": "Бои за Часов Яр продолжаются, противник перебрасывает резервы.\n\nПодписывайтесь на Рыбаря"},
      {"id": 12, "type": "service", "date": "2025-02-01T12:30:00", "text": ""}]}"#;
    let arts = import("result.json", tg.as_bytes()).unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].imported_meta.outlet.as_deref(), Some("Rybar"));
    let mut p = Project::default();
    for a in arts {
        p.add_article(a);
    }
    let an = analyze_project(&p);
    for a in an.articles.values() {
        let kept: Vec<&str> = a.cleaned_lines().map(|(_, t)| t).collect();
        assert_eq!(
            kept.len(),
            1,
            "the channel's signature is removed: {kept:?}"
        );
        assert_eq!(a.meta.outlet.as_deref(), Some("Rybar"));
    }
    let e = import("result.json", b"{\"chats\": 1}")
        .unwrap_err()
        .to_string();
    assert!(e.contains("messages") && e.contains("line 1"), "{e}");
}

fn outlet_article(n: usize, body: &str) -> String {
    format!(
        "Donbas Daily\nWar\nPolitics\n\nHeadline number {n} about the front\n\nby Test Writer\n\n{body}\n\nSupport independent reporting from the front line by becoming a member of Donbas Daily today.\nMembers get early access to our investigations and a weekly letter from the editors.\n"
    )
}

#[test]
fn furniture_is_learned_per_outlet() {
    let bodies = [
        "Russian forces attacked positions near Toretsk three times on Tuesday, and all the assaults were repelled, the brigade's spokesperson said in a televised briefing.",
        "A drone strike damaged a power substation in Kramatorsk overnight, leaving several districts without electricity, the city's military administration said on Wednesday.",
        "Ukrainian troops pushed Russian units back from the outskirts of Chasiv Yar after two days of fighting, a commander of the battalion defending the town told reporters.",
    ];
    // The same statement quoted in each story is reporting, however often it recurs.
    let quote = "\"The assault was repelled again,\" he said.";
    let full = bodies.map(|b| format!("{b}\n\n{quote}"));
    let mut p = Project::default();
    for (i, b) in full.iter().enumerate() {
        let arts = import(&format!("{i}.txt"), outlet_article(i, b).as_bytes()).unwrap();
        let id = arts[0].id.clone();
        p.add_article(arts[0].clone());
        Edit::SetMeta {
            article: id,
            field: MetaField::Outlet,
            value: Some("Donbas Daily".into()),
        }
        .apply(&mut p);
    }
    // On its own, the membership appeal looks like prose.
    let alone = clean_text(&outlet_article(0, bodies[0]), Format::Text);
    assert!(
        alone
            .iter()
            .any(|l| l.starts_with("Support independent reporting")),
        "{alone:?}"
    );
    // In a project with the outlet's other articles it is recognised as furniture.
    let an = analyze_project(&p);
    for a in an.articles.values() {
        let (i, _) = a
            .doc
            .lines
            .iter()
            .enumerate()
            .find(|(_, l)| a.doc.line_text(l).starts_with("Support independent"))
            .unwrap();
        assert!(!a.kept[i]);
        assert_eq!(
            a.classes[i].reason.as_deref(),
            Some("repeated in other articles from this outlet")
        );
        assert!(
            a.cleaned_lines().any(|(_, t)| bodies.contains(&t)),
            "the body stays"
        );
        assert!(
            a.cleaned_lines().any(|(_, t)| t == quote),
            "a repeated quotation stays"
        );
        assert!(
            a.near_duplicates.is_empty(),
            "shared furniture does not make the same story"
        );
    }
}

#[test]
fn a_flip_survives_reanalysis_and_a_save() {
    let text = fs::read_to_string(fixtures().join("wire_en.txt")).unwrap();
    let arts = import("wire.txt", text.as_bytes()).unwrap();
    let id = arts[0].id.clone();
    let mut p = Project::default();
    p.add_article(arts[0].clone());
    let an = analyze_project(&p);
    let line = an.articles[&id]
        .doc
        .lines
        .iter()
        .position(|l| {
            an.articles[&id].doc.line_text(l) == "Reporting by Jane Roe; Editing by John Doe"
        })
        .unwrap();
    assert!(!an.articles[&id].kept[line]);
    Edit::SetLine {
        article: id.clone(),
        line: line as u32 + 1,
        decision: Some(LineDecision::Keep),
    }
    .apply(&mut p);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    crosscheck::project::save(&path, &p).unwrap();
    let p2 = crosscheck::project::load(&path).unwrap();
    let an2 = analyze_project(&p2);
    assert!(an2.articles[&id].kept[line]);
    assert!(
        an2.articles[&id]
            .cleaned_lines()
            .any(|(_, t)| t == "Reporting by Jane Roe; Editing by John Doe")
    );
}

#[test]
fn duplicates_and_near_duplicates() {
    let text = fs::read_to_string(fixtures().join("wire_en.txt")).unwrap();
    let mut p = Project::default();
    assert!(p.add_article(import("a.txt", text.as_bytes()).unwrap().remove(0)));
    assert!(
        !p.add_article(import("copy.txt", text.as_bytes()).unwrap().remove(0)),
        "same text, one article"
    );
    // The same story syndicated with other furniture and a changed sentence.
    let body: Vec<&str> = text
        .lines()
        .filter(|l| l.split_whitespace().count() > 12)
        .collect();
    let syndicated = format!(
        "Home\nNews\n\nRussia claims village near Kupiansk\n\n{}\n\nThe ministry gave no further details.\n\nRead more stories\n",
        body.join("\n\n").replace("Monday", "Mon.")
    );
    assert!(p.add_article(import("b.txt", syndicated.as_bytes()).unwrap().remove(0)));
    let other = fs::read_to_string(fixtures().join("isw_en.txt")).unwrap();
    p.add_article(import("c.txt", other.as_bytes()).unwrap().remove(0));
    let an = analyze_project(&p);
    let linked: Vec<usize> = an
        .articles
        .values()
        .map(|a| a.near_duplicates.len())
        .collect();
    assert_eq!(linked.iter().filter(|&&n| n == 1).count(), 2, "{linked:?}");
    assert_eq!(linked.iter().filter(|&&n| n == 0).count(), 1, "{linked:?}");
}

#[test]
fn metadata_is_never_invented() {
    let text = "Fighting continues near Pokrovsk\n\nRussian forces continued to attack Ukrainian positions near Pokrovsk on Monday, the General Staff said in its evening report.\n";
    let mut p = Project::default();
    p.add_article(import("x.txt", text.as_bytes()).unwrap().remove(0));
    let an = analyze_project(&p);
    let m = &an.articles.values().next().unwrap().meta;
    assert_eq!(m.published, None);
    assert_eq!(m.author, None);
    assert_eq!(m.url, None);
    assert_eq!(m.title.as_deref(), Some("Fighting continues near Pokrovsk"));
}

fn classes_of(name: &str, format: Format) -> Vec<(String, crosscheck::clean::LineClass)> {
    use crosscheck::clean::{Document, Furniture, classify};
    let text = fs::read_to_string(fixtures().join(name)).unwrap();
    let doc = Document::build(&text, format);
    let classes = classify(&doc, &Furniture::default());
    doc.lines
        .iter()
        .map(|l| doc.line_text(l).trim().to_owned())
        .zip(classes)
        .collect()
}

/// A daily assessment in the Critical Threats shape (scraped Markdown): every section, heading
/// and key takeaway is kept; the endnotes are references, shown but not body; the furniture
/// between and around the sections is removed with a reason.
#[test]
fn a_long_daily_assessment_is_kept_whole() {
    let lines = classes_of("daily_assessment.md", Format::Markdown);
    let body_start = lines
        .iter()
        .position(|(t, _)| t.starts_with("**Russian forces intensified"))
        .unwrap();
    let mut failures = Vec::new();
    for (n, (t, c)) in lines.iter().enumerate() {
        let line = n + 1;
        let furniture = [
            "Click", "**Click", "Map by", "Image:", "Source:", "Share", "Reading",
        ]
        .iter()
        .any(|p| t.starts_with(p));
        if t.starts_with("[[") {
            if c.kind != LineKind::Reference || c.reason.is_none() {
                failures.push(format!("{line}: endnote is {c:?}"));
            }
        } else if n >= body_start
            && !furniture
            && !t.starts_with("![")
            && !t.starts_with("* [")
            && !t.starts_with("[")
            && !t.starts_with("Next up")
            && !t.is_empty()
        {
            // Every paragraph, section heading and key takeaway of the report.
            if !c.kind.kept() {
                failures.push(format!("{line}: section line dropped: {c:?} {t}"));
            }
        } else if (furniture || t.starts_with("TIPx") || t.starts_with("[Skip")) && c.kind.kept() {
            failures.push(format!("{line}: furniture kept: {t}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let endnotes = lines.iter().filter(|(t, _)| t.starts_with("[[")).count();
    assert_eq!(endnotes, 16);
    let authors = lines
        .iter()
        .find(|(t, _)| t.starts_with("Anna Karpenko"))
        .unwrap();
    assert_eq!(authors.1.kind, LineKind::Byline);
    // Reasons in words, for every removed line.
    for (t, c) in &lines {
        if !c.kind.kept() && c.kind != LineKind::Blank {
            assert!(c.reason.as_deref().is_some_and(|r| !r.is_empty()), "{t}");
        }
    }
}

/// A situation report's "Sources" list and a live blog's entries: references marked, every
/// entry of the blog kept (the exact bodies are in the `.clean` files).
#[test]
fn situation_report_sources_and_live_blog_entries() {
    let sitrep = classes_of("sitrep_en.txt", Format::Text);
    let refs: Vec<&str> = sitrep
        .iter()
        .filter(|(_, c)| c.kind == LineKind::Reference)
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(refs.len(), 4, "{refs:?}");
    assert_eq!(refs[0], "Sources");
    let blog = classes_of("liveblog_en.txt", Format::Text);
    let kept: Vec<&str> = blog
        .iter()
        .filter(|(_, c)| c.kind == LineKind::Body)
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(kept.len(), 8, "{kept:?}");
    assert!(
        kept.iter()
            .any(|t| t.starts_with("Update: The Ukrainian air force"))
    );
}

/// Every input shape (front matter in Markdown and text, scraped headers, JSON record object,
/// array and JSON Lines, HTML with and without metadata) gives the articles, metadata and
/// body lines `tests/fixtures/import/expected.tsv` lists; `-` is unknown.
#[test]
fn input_shapes_give_their_articles_and_metadata() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let expected = fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut files_seen = std::collections::BTreeSet::new();
    for row in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(f.len(), 9, "{row}");
        let opt = |s: &str| (s != "-").then(|| s.to_owned());
        files_seen.insert(f[0]);
        let arts = ingest::import_path(&dir.join(f[0])).unwrap();
        let record = f[1].parse::<u32>().ok();
        let Some(a) = arts.iter().find(|a| a.source.record == record) else {
            failures.push(format!("{}: no article with record {record:?}", f[0]));
            continue;
        };
        assert!(dir.join(f[0]).exists());
        let raw = fs::read_to_string(dir.join(f[0])).unwrap();
        assert!(
            raw.contains(&*a.raw),
            "{}: the raw text is a verbatim part of the file",
            f[0]
        );
        let mut p = Project::default();
        for a in &arts {
            p.add_article(a.clone());
        }
        let an = analyze_project(&p);
        let r = &an.articles[&a.id];
        let got = [
            a.source.format.label().to_owned(),
            r.meta.title.clone().unwrap_or("-".into()),
            r.meta.outlet.clone().unwrap_or("-".into()),
            r.meta.url.clone().unwrap_or("-".into()),
            r.meta
                .published
                .and_then(|d| d.contract_day())
                .unwrap_or("-".into()),
        ];
        let want = [f[2], f[3], f[4], f[5], f[6]];
        for (g, w) in got.iter().zip(want) {
            if g != w {
                failures.push(format!("{} record {record:?}: got {g:?}, want {w:?}", f[0]));
            }
        }
        let kept: Vec<(usize, &str)> = r.cleaned_lines().collect();
        if !kept.iter().any(|(_, t)| t.contains(f[7])) {
            failures.push(format!(
                "{}: no kept line contains {:?}: {kept:?}",
                f[0], f[7]
            ));
            continue;
        }
        if let Some(line) = opt(f[8]) {
            let first = r.doc.lines[kept[0].0].src_line.to_string();
            if first != line {
                failures.push(format!(
                    "{}: the body starts at raw line {first}, want {line}",
                    f[0]
                ));
            }
        }
    }
    assert!(files_seen.len() >= 9);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn header_and_record_problems_are_told_and_lose_nothing() {
    // A header date the page's URL contradicts: the URL's date, with a warning.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut p = Project::default();
    for a in ingest::import_path(&dir.join("front_matter.md")).unwrap() {
        p.add_article(a);
    }
    let an = analyze_project(&p);
    let w = &an.articles.values().next().unwrap().warnings;
    assert!(
        w.iter()
            .any(|w| w.contains("2025-03-15") && w.contains("2025-03-14")),
        "{w:?}"
    );

    // Malformed front matter: imported, the problem named with its line, fields still read.
    let t = "---\ntitle: \"Unclosed quote\ndate: 2025-03-03\n---\nRussian forces attacked near Pokrovsk, the General Staff said.\n";
    let a = import("bad.md", t.as_bytes()).unwrap().remove(0);
    assert_eq!(&*a.raw, t);
    assert!(
        a.source.warnings.iter().any(|w| w.contains("line")),
        "{:?}",
        a.source.warnings
    );
    assert_eq!(
        a.imported_meta
            .published
            .and_then(|d| d.contract_day())
            .as_deref(),
        Some("2025-03-03")
    );

    // Records without text are reported on the records that were imported.
    let arts = ingest::import_path(&dir.join("records_array.json")).unwrap();
    assert_eq!(arts.len(), 2);
    assert!(
        arts[0]
            .source
            .warnings
            .iter()
            .any(|w| w.contains("1 of 3") && w.contains("line 3")),
        "{:?}",
        arts[0].source.warnings
    );

    // JSON that is not articles, and broken JSON, say what and where.
    let e = import("people.json", br#"[{"id": 1, "name": "x"}]"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("people.json") && e.contains("not articles") && e.contains("keys: id, name"),
        "{e}"
    );
    let e = import("broken.json", b"[{\"text\": \"a\"},\n {\"text\": ]")
        .unwrap_err()
        .to_string();
    assert!(e.contains("broken.json") && e.contains("line 2"), "{e}");
    // Text that only starts with a bracket is still text.
    let a = import(
        "note.txt",
        b"[Updated] Russian forces attacked near Kupiansk, the General Staff said.",
    )
    .unwrap();
    assert_eq!(a[0].source.format, Format::Text);
}
