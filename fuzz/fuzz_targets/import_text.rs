//! The text importer: any bytes in a file named `a.txt` give articles or an error, never a panic
//! or a hang, and every article's text is non-empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(articles) = crosscheck::ingest::import_bytes(std::path::Path::new("a.txt"), bytes) {
        for a in &articles {
            assert!(!a.raw.trim().is_empty(), "an article without text");
        }
    }
});
