//! Merge: two project files (the input split at its first NUL byte) that load merge without
//! a panic, and merging a project into itself keeps every article.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (a, b) = match bytes.iter().position(|&c| c == 0) {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => (bytes, &[][..]),
    };
    let load = |b: &[u8]| {
        std::str::from_utf8(b)
            .ok()
            .and_then(|t| crosscheck::project::from_ron(t, Path::new("fuzz.ron")).ok())
    };
    let Some(ours) = load(a) else { return };
    let theirs = load(b).unwrap_or_else(|| ours.clone());
    let mut merged = ours.clone();
    let _summary = crosscheck::project::merge(&mut merged, &theirs, "theirs.ron");
    for id in ours.articles.keys().chain(theirs.articles.keys()) {
        assert!(merged.articles.contains_key(id), "merge lost article {id}");
    }
    // The merged project saves and loads.
    let saved = crosscheck::project::to_ron(&merged);
    assert!(
        crosscheck::project::from_ron(&saved, Path::new("merged.ron")).is_ok(),
        "a merged project does not load after saving"
    );
});
