//! The `import_json` target: see `crosscheck::fuzzing` for the property it checks (the test suite
//! replays its corpus through the same function, `tests/fuzz_corpus.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| crosscheck::fuzzing::run("import_json", bytes));
