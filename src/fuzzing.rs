//! The properties the fuzz targets check, one function per target, so that `cargo fuzz`
//! (`fuzz/`, nightly) and the ordinary test suite (`tests/fuzz_corpus.rs`, which replays each
//! target's corpus and the inputs fuzzing once broke) check the same thing. Each function takes
//! any bytes and panics only when a property is violated.

use std::path::Path;

use crate::analysis::analyze_project;
use crate::clean::{Document, Furniture, classify};
use crate::model::{Format, Project};

/// The targets, by name: the folder names under `fuzz/corpus/`.
pub const TARGETS: &[&str] = &[
    "project_load",
    "import_text",
    "import_markdown",
    "import_html",
    "import_json",
    "import_telegram",
    "clean",
    "claims",
    "merge",
];

/// Run the named target on `bytes`. Unknown names are a programming error.
pub fn run(target: &str, bytes: &[u8]) {
    match target {
        "project_load" => project_load(bytes),
        "import_text" => import("a.txt", bytes),
        "import_markdown" => import("a.md", bytes),
        "import_html" => import("a.html", bytes),
        "import_json" => import("a.json", bytes),
        "import_telegram" => import("result.json", bytes),
        "clean" => clean(bytes),
        "claims" => claims(bytes),
        "merge" => merge(bytes),
        other => panic!("no fuzz target {other}"),
    }
}

/// Any bytes are a project or an error; a project that loads saves to text that loads again
/// to the same project.
pub fn project_load(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok((project, _warnings)) = crate::project::parse(text, Path::new("fuzz.ron")) else {
        return;
    };
    let saved = crate::project::to_ron(&project);
    match crate::project::from_ron(&saved, Path::new("saved.ron")) {
        Ok(p) => assert_eq!(p, project, "save then load changed the project"),
        Err(e) => panic!("a project that loaded does not load after saving: {e}\n{saved}"),
    }
}

/// Any bytes in a file of this name give articles or an error, and every article has text.
pub fn import(name: &str, bytes: &[u8]) {
    if let Ok(articles) = crate::ingest::import_bytes(Path::new(name), bytes) {
        for a in &articles {
            assert!(!a.raw.trim().is_empty(), "an article without text");
        }
    }
}

/// Any text in any format (the first byte picks it) renders to lines inside the text, each
/// classified.
pub fn clean(bytes: &[u8]) {
    let Some((&selector, rest)) = bytes.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = match selector % 5 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::Html,
        3 => Format::Json,
        _ => Format::Telegram,
    };
    let doc = Document::build(text, format);
    for l in &doc.lines {
        assert!(
            l.start <= l.end && l.end <= doc.text.len(),
            "line out of bounds"
        );
        assert!(doc.text.is_char_boundary(l.start) && doc.text.is_char_boundary(l.end));
    }
    let kinds = classify(&doc, &Furniture::default());
    assert_eq!(kinds.len(), doc.lines.len());
}

/// An imported text article of any bytes is analysed, and every claim's span lies inside the
/// analysed text.
pub fn claims(bytes: &[u8]) {
    let Ok(articles) = crate::ingest::import_bytes(Path::new("a.txt"), bytes) else {
        return;
    };
    let mut project = Project::default();
    for a in articles {
        project.add_article(a);
    }
    let analysis = analyze_project(&project);
    for a in analysis.articles.values() {
        for c in &a.claims {
            assert!(
                c.span.0 <= c.span.1 && c.span.1 <= a.doc.text.len(),
                "span out of bounds"
            );
        }
    }
}

/// Two project files (split at the first NUL byte) that load merge without losing an article,
/// and the merged project saves and loads.
pub fn merge(bytes: &[u8]) {
    let (a, b) = match bytes.iter().position(|&c| c == 0) {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => (bytes, &[][..]),
    };
    let load = |b: &[u8]| {
        std::str::from_utf8(b)
            .ok()
            .and_then(|t| crate::project::from_ron(t, Path::new("fuzz.ron")).ok())
    };
    let Some(ours) = load(a) else { return };
    let theirs = load(b).unwrap_or_else(|| ours.clone());
    let mut merged = ours.clone();
    let _summary = crate::project::merge(&mut merged, &theirs, "theirs.ron");
    for id in ours.articles.keys().chain(theirs.articles.keys()) {
        assert!(merged.articles.contains_key(id), "merge lost article {id}");
    }
    let saved = crate::project::to_ron(&merged);
    assert!(
        crate::project::from_ron(&saved, Path::new("merged.ron")).is_ok(),
        "a merged project does not load after saving"
    );
}
