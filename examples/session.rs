//! A headless app session on a project, for the figures that benchmarks cannot give: wall
//! time to the first claims shown and to the complete analysis, and the process's peak memory
//! after each step (Linux `VmHWM`). `cargo run --release --example session -- PROJECT.ron`
//! (make one with `--example synth`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck::app::{App, Command, Settings, Tab};
use crosscheck::model::{ClaimEdit, Edit, Verification};

fn peak_mb() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or_else(|| "?".to_owned(), |kb| format!("{:.0} MB", kb / 1024.0))
}

fn frame(ctx: &egui::Context, app: &mut App) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    };
    let out = ctx.run_ui(input, |ui| app.show(ui));
    std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: session PROJECT.ron");
        return ExitCode::FAILURE;
    };
    let t = Instant::now();
    let mut app = App::new(Some(path), Settings::default(), None);
    app.file_dialogs = false;
    app.command(Command::SetTab(Tab::Claims));
    let ctx = egui::Context::default();
    // Frames as the window would draw them, until claims show and the analysis is complete.
    let mut first_claims = None;
    loop {
        frame(&ctx, &mut app);
        if first_claims.is_none() && app.analysis.claim_count() > 0 {
            first_claims = Some(t.elapsed());
        }
        if !app.tasks.busy() && app.analysis.articles.len() == app.project.articles.len() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    frame(&ctx, &mut app);
    println!(
        "opened and analysed {} articles, {} claims: first claims shown after {:.2} s, complete after {:.2} s; peak {}",
        app.project.articles.len(),
        app.analysis.claim_count(),
        first_claims.unwrap_or_default().as_secs_f64(),
        t.elapsed().as_secs_f64(),
        peak_mb()
    );
    // 200 edits, each a claim's verification, each analysed and shown before the next.
    let targets: Vec<_> = app
        .analysis
        .articles
        .iter()
        .filter_map(|(id, an)| an.claims.first().map(|c| (id.clone(), c.id.clone())))
        .take(200)
        .collect();
    let t = Instant::now();
    for (article, claim) in &targets {
        app.command(Command::Edit(Edit::EditClaim {
            article: article.clone(),
            claim: claim.clone(),
            edit: ClaimEdit {
                verification: Some(Verification::Corroborated),
                ..ClaimEdit::default()
            },
        }));
        app.wait_for_background();
        frame(&ctx, &mut app);
    }
    let n = targets.len().max(1) as f64;
    println!(
        "{} edits, each to its updated claim table: {:.1} ms each; peak {}",
        targets.len(),
        t.elapsed().as_secs_f64() * 1000.0 / n,
        peak_mb()
    );
    let t = Instant::now();
    for _ in &targets {
        app.command(Command::Undo);
        app.wait_for_background();
        frame(&ctx, &mut app);
    }
    println!(
        "{} undos, each to its updated claim table: {:.1} ms each; peak {}",
        targets.len(),
        t.elapsed().as_secs_f64() * 1000.0 / n,
        peak_mb()
    );
    let t = Instant::now();
    for _ in 0..20 {
        frame(&ctx, &mut app);
    }
    println!(
        "claim table frame: {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / 20.0
    );
    ExitCode::SUCCESS
}
