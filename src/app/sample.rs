//! The built-in sample project: the five seed articles, so a newcomer sees real content at once.

use crate::ingest;
use crate::model::Project;

const SAMPLES: [(&str, &str); 5] = [
    (
        "000_7131a5ad230fd336.txt",
        include_str!("../../assets/sample/000_7131a5ad230fd336.txt"),
    ),
    (
        "001_22e609cc232ea10a.txt",
        include_str!("../../assets/sample/001_22e609cc232ea10a.txt"),
    ),
    (
        "002_5560a4c548090309.txt",
        include_str!("../../assets/sample/002_5560a4c548090309.txt"),
    ),
    (
        "003_a39fba05f3801e09.txt",
        include_str!("../../assets/sample/003_a39fba05f3801e09.txt"),
    ),
    (
        "004_5c1f1eddac32ff49.txt",
        include_str!("../../assets/sample/004_5c1f1eddac32ff49.txt"),
    ),
];

/// A project holding the sample articles.
pub fn sample_project() -> Project {
    let mut p = Project::default();
    for (name, text) in SAMPLES {
        if let Ok(arts) = ingest::import_bytes(std::path::Path::new(name), text.as_bytes()) {
            for a in arts {
                p.add_article(a);
            }
        }
    }
    p
}
