//! The command line as a user runs it: import, clean, analyze --json (the contract), export, merge.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

/// Run a command that must succeed; its stderr is shown if it does not.
fn run_ok(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

const CAMPS: [&str; 8] = [
    "ukrainian_official",
    "russian_official",
    "russian_milblogger",
    "isw",
    "independent_monitor",
    "western_official",
    "media",
    "other",
];

fn is_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
        || chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").is_ok()
}

#[test]
fn analyze_json_keeps_its_contract() {
    let files = samples();
    let out = run_ok(bin().arg("analyze").arg("--json").args(&files));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arts = doc["articles"].as_array().unwrap();
    assert_eq!(arts.len(), files.len());
    for (art, file) in arts.iter().zip(&files) {
        assert_eq!(art["file"].as_str().unwrap(), file.display().to_string());
        let n_lines = std::fs::read(file)
            .unwrap()
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        for k in ["title", "author", "outlet", "url", "published"] {
            assert!(art["meta"].get(k).is_some(), "meta.{k}");
        }
        if let Some(p) = art["meta"]["published"].as_str() {
            assert!(is_date(p), "{p}");
        }
        let mut seen = std::collections::HashSet::new();
        for l in art["lines"].as_array().unwrap() {
            let n = l["line"].as_u64().unwrap() as usize;
            assert!(n >= 1 && n <= n_lines && seen.insert(n));
            assert!(l["kind"].is_string());
        }
        let claims = art["claims"].as_array().unwrap();
        assert!(!claims.is_empty());
        for c in claims {
            let n = c["line"].as_u64().unwrap() as usize;
            assert!(n >= 1 && n <= n_lines);
            assert!(CAMPS.contains(&c["camp"].as_str().unwrap()), "{c}");
            assert!(!c["text"].as_str().unwrap().is_empty());
            assert!(
                c["hedged"].is_boolean() && c["quote"].is_boolean() && c["relayed_by"].is_array()
            );
            if let Some(d) = c["date"].as_str() {
                assert!(is_date(d), "{d}");
            }
            for p in c["places"].as_array().unwrap() {
                assert!(p["name"].is_string());
            }
        }
    }
    for g in doc["comparisons"].as_array().unwrap() {
        assert!(
            ["agree", "conflict", "disputed", "mixed", "single", "none"]
                .contains(&g["verdict"].as_str().unwrap())
        );
        for k in g["camps"].as_object().unwrap().keys() {
            assert!(CAMPS.contains(&k.as_str()));
        }
    }
    // The seed article from the Kyiv Independent: metadata read from its own lines.
    let m = &arts[0]["meta"];
    assert_eq!(m["published"], "2025-01-24T14:33");
    assert_eq!(m["author"], "Kateryna Hodunova");
    assert_eq!(m["outlet"], "Kyiv Independent");
    assert_eq!(
        arts[2]["meta"]["published"],
        serde_json::Value::Null,
        "no date is invented"
    );
}

#[test]
fn import_builds_a_project_that_loads_and_reimport_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    let sample_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let out = run_ok(bin().arg("import").arg(&proj).arg(&sample_dir));
    assert!(String::from_utf8_lossy(&out.stdout).contains("5 articles added"));
    let p = crosscheck::project::load(&proj).unwrap();
    assert_eq!(p.articles.len(), 5);
    let out = bin()
        .arg("import")
        .arg(&proj)
        .arg(&sample_dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 articles added, 5 already there"));
}

#[test]
fn clean_prints_the_body_and_errors_go_to_stderr() {
    let out = bin().arg("clean").arg(&samples()[0]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Trehubov stressed that the Pokrovsk sector"));
    assert!(!text.contains("indicates required"));
    let out = bin()
        .arg("clean")
        .arg("/nonexistent/file.txt")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.txt"));
}

#[test]
fn export_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    let files = samples();
    assert!(
        bin()
            .arg("import")
            .arg(&a)
            .args(&files[..3])
            .status()
            .unwrap()
            .success()
    );
    assert!(
        bin()
            .arg("import")
            .arg(&b)
            .args(&files[2..])
            .status()
            .unwrap()
            .success()
    );
    let c = dir.path().join("c.ron");
    let out = bin()
        .arg("merge")
        .arg(&a)
        .arg(&b)
        .arg("-o")
        .arg(&c)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 added"));
    assert_eq!(crosscheck::project::load(&c).unwrap().articles.len(), 5);
    for (fmt, needle) in [
        ("csv", "speaker,camp"),
        (
            "comparison-csv",
            "place,oblast,period,from,to,topic,verdict",
        ),
        ("json", "\"comparisons\""),
        ("md", "## Conflicts and disputes"),
        ("html", "<h2>Conflicts and disputes</h2>"),
        ("comparison-json", "\"comparisons\""),
    ] {
        let o = dir.path().join(format!("out.{fmt}"));
        let st = bin()
            .args(["export"])
            .arg(&c)
            .args(["--format", fmt, "-o"])
            .arg(&o)
            .status()
            .unwrap();
        assert!(st.success());
        assert!(
            std::fs::read_to_string(&o).unwrap().contains(needle),
            "{fmt}"
        );
    }
}

#[test]
fn a_telegram_export_is_one_entry_with_lines_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("result.json");
    let json = r#"{
 "name": "Rybar",
 "type": "public_channel",
 "messages": [
  {
   "id": 10,
   "type": "message",
   "date": "2025-02-01T10:00:00",
   "text": "Штурмовые подразделения ВС РФ продвинулись в районе Торецка, сообщают наши источники."
  },
  {
   "id": 11,
   "type": "message",
   "date": "2025-02-01T12:00:00",
   "text": "Противник перебрасывает резервы к Часову Яру, бои продолжаются."
  }
 ]
}"#;
    std::fs::write(&path, json).unwrap();
    let out = bin()
        .args(["analyze", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arts = doc["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 1, "one entry per file given");
    assert_eq!(arts[0]["articles"].as_array().unwrap().len(), 2);
    assert_eq!(arts[0]["meta"]["outlet"], "Rybar");
    let claims = arts[0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    // Each message's claims point to the message's place in the file.
    assert_eq!(claims[0]["line"], 6);
    assert_eq!(claims[1]["line"], 12);
    assert_eq!(
        claims[0]["camp"], "russian_milblogger",
        "a blogger channel speaks as a blogger"
    );
}

// ---------------------------------------------------------------- issue 13 regressions

/// `n` article files with distinct texts in `dir`, named with `tag`.
fn articles(dir: &Path, tag: &str, n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let f = dir.join(format!("{tag}-{i}.txt"));
            std::fs::write(
                &f,
                format!(
                    "Report {tag} {i}\n\nRussian forces attacked Kupiansk overnight, report {tag} number {i} said, and the assault was repelled according to the General Staff.\n"
                ),
            )
            .unwrap();
            f
        })
        .collect()
}

#[test]
fn imports_running_at_once_lose_no_article() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    run_ok(
        bin()
            .arg("import")
            .arg(&proj)
            .args(articles(dir.path(), "seed", 1)),
    );
    let children: Vec<_> = (0..4)
        .map(|k| {
            let files = articles(dir.path(), &format!("batch{k}"), 6);
            bin().arg("import").arg(&proj).args(files).spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let p = crosscheck::project::load(&proj).unwrap();
    assert_eq!(
        p.articles.len(),
        1 + 4 * 6,
        "every import's articles are there"
    );
}

#[test]
fn an_import_where_every_file_fails_does_not_touch_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    run_ok(
        bin()
            .arg("import")
            .arg(&proj)
            .args(articles(dir.path(), "a", 2)),
    );
    let before = std::fs::read(&proj).unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    let out = bin().arg("import").arg(&proj).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&proj).unwrap(), before);
    assert!(
        !dir.path().join("p.ron.bak").exists(),
        "no backup of an unchanged file"
    );
    // Into a project that does not exist yet: none is created.
    let fresh = dir.path().join("fresh.ron");
    let out = bin().arg("import").arg(&fresh).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    assert!(!fresh.exists());
}

#[test]
fn export_never_writes_over_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    run_ok(
        bin()
            .arg("import")
            .arg(&proj)
            .args(articles(dir.path(), "a", 2)),
    );
    let before = std::fs::read(&proj).unwrap();
    let other = dir.path().join("other.ron");
    std::fs::copy(&proj, &other).unwrap();
    for target in [&proj, &other] {
        let out = bin()
            .arg("export")
            .arg(&proj)
            .args(["--format", "csv", "-o"])
            .arg(target)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("is a Crosscheck project"), "{err}");
        assert_eq!(std::fs::read(target).unwrap(), before);
    }
}

/// Run the binary with writes limited to `kib` KiB per file (the shell's `ulimit -f`), with
/// SIGXFSZ ignored so that a write past the limit fails as on a full disk.
#[cfg(unix)]
fn with_small_disk(kib: u32, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new("bash")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {kib}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_full_disk_during_export_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    run_ok(
        bin()
            .arg("import")
            .arg(&proj)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample")),
    );
    let out_md = dir.path().join("report.md");
    std::fs::write(&out_md, "the previous report\n").unwrap();
    let out = with_small_disk(
        2,
        &[
            "export".as_ref(),
            proj.as_os_str(),
            "--format".as_ref(),
            "md".as_ref(),
            "-o".as_ref(),
            out_md.as_os_str(),
        ],
    );
    assert!(!out.status.success(), "the export cannot fit in 2 KiB");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("report.md"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&out_md).unwrap(),
        "the previous report\n",
        "the old export is whole"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
#[test]
fn a_save_killed_at_any_point_leaves_a_whole_file_and_no_temp_file_after_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("p.ron");
    // A project large enough that a save takes a few milliseconds.
    let mut p = crosscheck::model::Project::default();
    for i in 0..400 {
        p.add_article(crosscheck::model::Article::new(
            format!(
                "Article {i}\n\n{}",
                "Fighting near Pokrovsk continued. ".repeat(200)
            ),
            crosscheck::model::Source::default(),
            crosscheck::model::Meta::default(),
        ));
    }
    crosscheck::project::save(&proj, &p).unwrap();
    // How long one import takes here, to kill the next ones at points spread over it.
    let start = std::time::Instant::now();
    run_ok(
        bin()
            .arg("import")
            .arg(&proj)
            .args(articles(dir.path(), "timing", 1)),
    );
    let whole = start.elapsed();
    let mut killed = 0;
    for round in 0..24u32 {
        let files = articles(dir.path(), &format!("kill{round}"), 1);
        let mut child = bin()
            .arg("import")
            .arg(&proj)
            .args(&files)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole * round / 24);
        if child.try_wait().unwrap().is_none() {
            killed += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        // Old or new, the file is always whole.
        let now = crosscheck::project::load(&proj).unwrap();
        assert!(now.articles.len() >= 400, "round {round}");
    }
    assert!(
        killed > 0,
        "no save was interrupted; the test proves nothing"
    );
    let stale = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    eprintln!("temporary files left by killed saves: {stale}");
    run_ok(
        bin()
            .arg("import")
            .arg(&proj)
            .args(articles(dir.path(), "after", 1)),
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
