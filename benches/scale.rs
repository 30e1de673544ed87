//! Figures for ten thousand articles (issue 12): `cargo bench --bench scale`.
//!
//! Analysis throughput on a generated project (`crosscheck::synth`) and on the real dev pages
//! (`../shared/realtexts*`, both sets, read at bench time and repeated to about 40 MB); claim
//! extraction alone on one core; open and save beside bare serde + RON; one edit and one undo
//! step through the app up to the updated claim table; one headless UI frame (egui without a
//! GPU) with the claim table or the comparison showing. Set `CROSSCHECK_BENCH_ARTICLES` to
//! change the project size (default 10,000).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench fails loudly on purpose

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crosscheck::analysis::{Analysis, Cache, Control, analyze_project};
use crosscheck::app::{App, Command, Settings, Tab};
use crosscheck::model::{Camp, ClaimEdit, Edit, Project};
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

fn articles() -> usize {
    std::env::var("CROSSCHECK_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

fn raw_bytes(p: &Project) -> usize {
    p.articles.values().map(|a| a.raw.len()).sum()
}

/// The generated project, built once.
fn synth() -> &'static Project {
    static P: OnceLock<Project> = OnceLock::new();
    P.get_or_init(|| crosscheck::synth::project(articles(), 2026))
}

/// The generated project saved in a temporary folder, once.
fn synth_file() -> &'static Path {
    static F: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("synth.ron");
        crosscheck::project::save(&path, synth()).unwrap();
        (dir, path)
    });
    path
}

/// The real dev pages of both sets, imported as the CLI would, then repeated (each copy with
/// a line of its own, so it is another article) to about 40 MB.
fn real_project(target_bytes: usize) -> Option<Project> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for set in ["realtexts", "realtexts-cyrillic"] {
        let Ok(rd) = std::fs::read_dir(shared.join(set)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.ends_with(".tsv") || name == "gold.json" || name == "README.md" {
                continue;
            }
            if let Ok(bytes) = std::fs::read(&path) {
                files.push((path, bytes));
            }
        }
    }
    if files.is_empty() {
        eprintln!("../shared/realtexts* not found: the real-text benches measure nothing");
        return None;
    }
    let mut p = Project::default();
    let mut copy = 0usize;
    while raw_bytes(&p) < target_bytes {
        for (path, bytes) in &files {
            let mut b = bytes.clone();
            if copy > 0 && path.extension().is_none_or(|e| e != "json") {
                b.extend_from_slice(format!("\n\nCopy {copy}.\n").as_bytes());
            } else if copy > 0 {
                // A JSON record stays valid JSON: the copy differs in its whitespace.
                b.extend(std::iter::repeat_n(b' ', copy));
            }
            for a in crosscheck::ingest::import_bytes(path, &b).unwrap_or_default() {
                p.add_article(a);
            }
        }
        copy += 1;
    }
    Some(p)
}

fn real() -> Option<&'static Project> {
    static P: OnceLock<Option<Project>> = OnceLock::new();
    P.get_or_init(|| real_project(40_000_000)).as_ref()
}

// ------------------------------------------------------------------ analysis throughput

/// First full analysis of the generated project, all cores.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn analyze_generated(b: divan::Bencher) {
    let p = synth();
    b.counter(BytesCount::new(raw_bytes(p)))
        .bench(|| analyze_project(p));
}

/// The same on one core (rayon limited to one thread), for the per-core figure.
#[divan::bench(sample_count = 2, sample_size = 1)]
fn analyze_generated_one_core(b: divan::Bencher) {
    let p = synth();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    b.counter(BytesCount::new(raw_bytes(p)))
        .bench(|| pool.install(|| analyze_project(p)));
}

/// First full analysis of the real pages repeated to ~40 MB, all cores.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn analyze_real_pages(b: divan::Bencher) {
    let Some(p) = real() else { return };
    b.counter(BytesCount::new(raw_bytes(p)))
        .bench(|| analyze_project(p));
}

/// Analysis again with nothing changed: everything comes from the cache.
#[divan::bench(sample_count = 5)]
fn analyze_generated_again_cached(b: divan::Bencher) {
    let p = synth();
    let mut cache = Cache::default();
    cache.analyze(p, &Control::default(), |_| {});
    b.bench_local(|| cache.analyze(p, &Control::default(), |_| {}));
}

fn analysed(p: &'static Project) -> Analysis {
    analyze_project(p)
}

/// Claim extraction alone, one core: the real pages once (the dev sets, ~1 MB).
#[divan::bench(sample_count = 10)]
fn claims_only_real_pages(b: divan::Bencher) {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.join("realtexts").is_dir() {
        return;
    }
    static P: OnceLock<Project> = OnceLock::new();
    let p: &'static Project = P.get_or_init(|| real_project(1).unwrap_or_default());
    let an = analysed(p);
    let bytes: usize = an
        .articles
        .values()
        .map(|a| a.cleaned_lines().map(|(_, l)| l.len()).sum::<usize>())
        .sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        for (id, a) in &p.articles {
            divan::black_box(crosscheck::claims::extract(a, &an.articles[id], p));
        }
    });
}

/// Claim extraction alone, one core: 500 generated articles.
#[divan::bench(sample_count = 10)]
fn claims_only_generated(b: divan::Bencher) {
    static P: OnceLock<Project> = OnceLock::new();
    let p: &'static Project = P.get_or_init(|| crosscheck::synth::project(500, 7));
    let an = analysed(p);
    let bytes: usize = an
        .articles
        .values()
        .map(|a| a.cleaned_lines().map(|(_, l)| l.len()).sum::<usize>())
        .sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        for (id, a) in &p.articles {
            divan::black_box(crosscheck::claims::extract(a, &an.articles[id], p));
        }
    });
}

// ------------------------------------------------------------------ open and save

#[divan::bench(sample_count = 5)]
fn open_project(b: divan::Bencher) {
    let path = synth_file();
    b.counter(BytesCount::new(
        std::fs::metadata(path).unwrap().len() as usize
    ))
    .bench(|| crosscheck::project::open(path).unwrap());
}

#[divan::bench(sample_count = 5)]
fn save_project(b: divan::Bencher) {
    let p = synth();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    b.bench(|| crosscheck::project::save(&path, p).unwrap());
}

fn bare_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().escape_strings(false)
}

/// Bare serde + RON reading the same file, the yardstick for `open_project`.
#[divan::bench(sample_count = 5)]
fn bare_ron_read(b: divan::Bencher) {
    let text = std::fs::read_to_string(synth_file()).unwrap();
    b.bench(|| ron::from_str::<Project>(&text).unwrap());
}

/// Bare serde + RON writing the same project to a file, the yardstick for `save_project`.
#[divan::bench(sample_count = 5)]
fn bare_ron_write(b: divan::Bencher) {
    let p = synth();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bare.ron");
    b.bench(|| {
        let s = ron::ser::to_string_pretty(p, bare_config()).unwrap();
        std::fs::write(&path, s).unwrap();
    });
}

// ------------------------------------------------------------------ the app

fn frame(ctx: &egui::Context, app: &mut App) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    };
    let out = ctx.run_ui(input, |ui| app.show(ui));
    divan::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
}

/// The app with the generated project opened and analysed, `tab` showing, a few frames run.
fn app_with(tab: Tab) -> (egui::Context, App) {
    let mut app = App::new(Some(synth_file().to_path_buf()), Settings::default(), None);
    app.file_dialogs = false;
    app.wait_for_background();
    app.command(Command::SetTab(tab));
    let ctx = egui::Context::default();
    for _ in 0..3 {
        frame(&ctx, &mut app);
        app.wait_for_background();
    }
    assert!(app.analysis.claim_count() > 0);
    (ctx, app)
}

/// One edit (a claim's camp) until the claim table shows it: the edit, the analysis of what
/// it touched, the claim table rebuilt, one frame.
#[divan::bench(sample_count = 10)]
fn edit_to_updated_claim_table(b: divan::Bencher) {
    let (ctx, mut app) = app_with(Tab::Claims);
    let (article, claim) = app
        .analysis
        .articles
        .iter()
        .find_map(|(id, an)| an.claims.first().map(|c| (id.clone(), c.id.clone())))
        .unwrap();
    let mut k = 0usize;
    b.bench_local(|| {
        k += 1;
        let camp = if k.is_multiple_of(2) {
            Camp::Isw
        } else {
            Camp::Media
        };
        app.command(Command::Edit(Edit::EditClaim {
            article: article.clone(),
            claim: claim.clone(),
            edit: ClaimEdit {
                camp: Some(camp),
                ..ClaimEdit::default()
            },
        }));
        app.wait_for_background();
        frame(&ctx, &mut app);
        assert_eq!(
            app.analysis.articles[&article].claims[0].camp, camp,
            "the claim table shows the edit"
        );
    });
}

/// One step of history (undo, then redo, alternately) until the claim table shows it.
#[divan::bench(sample_count = 10)]
fn undo_step_to_updated_claim_table(b: divan::Bencher) {
    let (ctx, mut app) = app_with(Tab::Claims);
    let article = app.analysis.articles.keys().nth(17).cloned().unwrap();
    app.command(Command::Edit(Edit::SetNotes {
        article: article.clone(),
        notes: "checked against the map".into(),
    }));
    app.wait_for_background();
    let mut k = 0usize;
    b.bench_local(|| {
        k += 1;
        app.command(if !k.is_multiple_of(2) {
            Command::Undo
        } else {
            Command::Redo
        });
        app.wait_for_background();
        frame(&ctx, &mut app);
    });
}

/// One frame with the library and the claim table of the whole project showing.
#[divan::bench(sample_count = 20)]
fn ui_frame_claim_table(b: divan::Bencher) {
    let (ctx, mut app) = app_with(Tab::Claims);
    b.bench_local(|| frame(&ctx, &mut app));
}

/// One frame with the library and the comparison table showing.
#[divan::bench(sample_count = 20)]
fn ui_frame_comparison(b: divan::Bencher) {
    let (ctx, mut app) = app_with(Tab::Comparison);
    b.bench_local(|| frame(&ctx, &mut app));
}

/// What each edit cost before undo by patches: a copy of the whole project per step (and
/// what the analysis task still takes as its snapshot).
#[divan::bench(sample_count = 10)]
fn copy_whole_project(b: divan::Bencher) {
    let p = synth();
    b.bench(|| p.clone());
}

/// What each edit costs now for undo: a patch of the one article it touches.
#[divan::bench(sample_count = 10)]
fn undo_patch_of_one_edit(b: divan::Bencher) {
    let p = synth();
    let id = p.articles.keys().nth(100).cloned().unwrap();
    let e = Edit::SetNotes {
        article: id,
        notes: "checked".into(),
    };
    b.bench(|| crosscheck::model::Patch::capture(p, &e.touches(p)));
}
