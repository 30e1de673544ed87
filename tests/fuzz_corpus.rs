//! Every fuzz target's corpus (`fuzz/corpus/TARGET/`: the seeds, and each input fuzzing once
//! broke, kept as `regression-*`) replayed through the property the target checks
//! (`crosscheck::fuzzing`). The long runs need nightly and `cargo fuzz` (README, "Fuzzing");
//! this brief one runs with every `cargo test`.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::path::Path;

#[test]
fn every_targets_corpus_passes_its_property() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut inputs = 0;
    for target in crosscheck::fuzzing::TARGETS {
        let dir = root.join(target);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{target} has no corpus");
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            let outcome = std::panic::catch_unwind(|| crosscheck::fuzzing::run(target, &bytes));
            assert!(outcome.is_ok(), "{target} fails on {}", f.display());
            inputs += 1;
        }
    }
    assert!(inputs >= crosscheck::fuzzing::TARGETS.len());
}
