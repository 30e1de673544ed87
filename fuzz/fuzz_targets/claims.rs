//! The claim extractor: an imported article of any bytes is analysed without a panic, and
//! every claim's span lies inside the analysed text.
#![no_main]

use std::path::Path;

use crosscheck::analysis::analyze_project;
use crosscheck::model::Project;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(articles) = crosscheck::ingest::import_bytes(Path::new("a.txt"), bytes) else {
        return;
    };
    let mut project = Project::default();
    for a in articles {
        project.add_article(a);
    }
    let analysis = analyze_project(&project);
    for a in analysis.articles.values() {
        for c in &a.claims {
            assert!(c.span.0 <= c.span.1 && c.span.1 <= a.doc.text.len(), "span out of bounds");
        }
    }
});
