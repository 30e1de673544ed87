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
    files.push(src.join("fuzzing.rs"));
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

/// The sibling modules a file of `src/app/` names: `super::NAME` paths and names inside
/// `use super::{…}` lists.
fn app_siblings(text: &str, siblings: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("super::") {
        let rest = &text[i + "super::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(list) => list
                .split('}')
                .next()
                .unwrap_or("")
                .split(',')
                .map(|n| n.trim().split("::").next().unwrap_or("").trim())
                .collect(),
            None => vec![
                rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or(""),
            ],
        };
        for n in names {
            if siblings.iter().any(|s| s == n) && !out.iter().any(|o| o == n) {
                out.push(n.to_owned());
            }
        }
    }
    out
}

#[test]
fn app_modules_import_each_other_one_way() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|n| n != "mod")
        .collect();
    assert!(names.len() >= 8, "{names:?}");
    let edges: Vec<(String, Vec<String>)> = files
        .iter()
        .filter(|f| !f.ends_with("mod.rs"))
        .map(|f| {
            let name = f
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text = fs::read_to_string(f).unwrap_or_default();
            (name, app_siblings(&text, &names))
        })
        .collect();
    // The comparison panel draws its pictures; the pictures know nothing of the panel.
    let of = |n: &str| {
        edges
            .iter()
            .find(|(m, _)| m == n)
            .map(|(_, e)| e.clone())
            .unwrap_or_default()
    };
    assert!(of("compare_ui").contains(&"compare_pictures".to_owned()));
    // No cycle: follow every path from every module.
    fn visit(
        n: &str,
        edges: &[(String, Vec<String>)],
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if path.iter().any(|p| p == n) {
            let mut cycle = path.clone();
            cycle.push(n.to_owned());
            return Some(cycle);
        }
        path.push(n.to_owned());
        let next = edges
            .iter()
            .find(|(m, _)| m == n)
            .map(|(_, e)| e.as_slice())
            .unwrap_or_default();
        for m in next {
            if let Some(c) = visit(m, edges, path) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    for (n, _) in &edges {
        if let Some(cycle) = visit(n, &edges, &mut Vec::new()) {
            panic!("src/app modules import each other: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn sibling_names_are_read_from_paths_and_use_lists() {
    let names = vec!["a_ui".to_owned(), "b_ui".to_owned(), "c".to_owned()];
    assert_eq!(
        app_siblings(
            "use super::{App, a_ui::X, c};\nfn f() { super::b_ui::g(); }",
            &names
        ),
        vec!["a_ui", "c", "b_ui"]
    );
}
