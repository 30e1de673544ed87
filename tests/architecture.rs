//! Architecture invariants: the core never knows the screen, and UI code never touches files.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.map(|e| e.path()).unwrap_or_default();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn core_modules_never_import_the_ui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for m in [
        "model", "project", "ingest", "clean", "claims", "places", "compare", "export",
    ] {
        let d = src.join(m);
        if d.is_dir() {
            rust_files(&d, &mut files);
        }
    }
    files.push(src.join("analysis.rs"));
    files.push(src.join("synth.rs"));
    files.push(src.join("folder.rs"));
    assert!(files.len() > 15, "{files:?}");
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for ui in ["egui", "eframe", "egui_extras", "rfd"] {
            assert!(
                !text.contains(&format!("{ui}::")) && !text.contains(&format!("use {ui}")),
                "{} uses {ui}",
                f.display()
            );
        }
    }
}

#[test]
fn ui_code_never_reads_or_writes_files_itself() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        // Reading and writing happens in tasks (`mod.rs` spawns them); panels only lay out.
        if f.ends_with("mod.rs") || f.ends_with("tasks.rs") {
            continue;
        }
        for call in [
            "std::fs::",
            "fs::read",
            "fs::write",
            "File::open",
            "File::create",
        ] {
            assert!(!text.contains(call), "{} calls {call}", f.display());
        }
    }
}
