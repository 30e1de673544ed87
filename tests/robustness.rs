//! Bad input never panics: random bytes through every importer, random text through the
//! project loader, the HTML renderer, cleaning and claim extraction.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::path::Path;

use crosscheck::analysis::analyze_project;
use crosscheck::clean::Document;
use crosscheck::model::{Format, Project};
use proptest::prelude::*;

/// Text that looks a little like the real thing: words, Cyrillic, quotes, tags, newlines.
fn texty() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("Pokrovsk".to_owned()),
            Just("Куп'янськ".to_owned()),
            Just("said on Jan. 24".to_owned()),
            Just("“".to_owned()),
            Just("”".to_owned()),
            Just("\"".to_owned()),
            Just("<p class=\"x\">".to_owned()),
            Just("</div>".to_owned()),
            Just("<!--".to_owned()),
            Just("&amp;".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("According to".to_owned()),
            Just("by Jane Doe".to_owned()),
            Just("News Feed".to_owned()),
            "[ -~]{0,12}",
            "\\PC{0,6}",
        ],
        0..60,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn importers_never_panic_on_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for name in ["a.txt", "a.md", "a.html", "result.json", "a.pdf"] {
            let _ = crosscheck::ingest::import_bytes(Path::new(name), &bytes);
        }
    }

    #[test]
    fn project_loader_never_panics(text in "\\PC{0,400}") {
        let _ = crosscheck::project::from_ron(&text, Path::new("x.ron"));
        let wrapped = format!("(format: 1, articles: {{ {text} }})");
        let _ = crosscheck::project::from_ron(&wrapped, Path::new("x.ron"));
    }

    #[test]
    fn analysis_never_panics_and_spans_stay_in_bounds(text in texty()) {
        for (name, format) in [("a.txt", Format::Text), ("a.html", Format::Html), ("a.md", Format::Markdown)] {
            let doc = Document::build(&text, format);
            for l in &doc.lines {
                prop_assert!(l.start <= l.end && l.end <= doc.text.len());
            }
            let Ok(arts) = crosscheck::ingest::import_bytes(Path::new(name), text.as_bytes()) else { continue };
            let mut p = Project::default();
            for a in arts {
                p.add_article(a);
            }
            let an = analyze_project(&p);
            for a in an.articles.values() {
                prop_assert_eq!(a.kept.len(), a.doc.lines.len());
                for c in &a.claims {
                    prop_assert!(c.span.0 <= c.span.1 && c.span.1 <= a.doc.text.len());
                    prop_assert!(!c.text.is_empty());
                }
            }
        }
    }

    #[test]
    fn cleaning_twice_is_cleaning_once(text in texty()) {
        let once = crosscheck::clean::clean_text(&text, Format::Text);
        let twice = crosscheck::clean::clean_text(&once.join("\n\n"), Format::Text);
        // Cleaning the cleaned text keeps everything that was kept.
        for l in &once {
            prop_assert!(twice.contains(l) || l.trim().is_empty(), "{l:?} lost: {once:?} -> {twice:?}");
        }
    }
}
