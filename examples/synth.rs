//! Writes a synthetic project of N articles for benchmarks and trials:
//! `cargo run --release --example synth -- N [OUT.ron]` (default `synth-N.ron`).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(n) = args.next().and_then(|a| a.parse::<usize>().ok()) else {
        eprintln!("usage: synth N [OUT.ron]");
        return ExitCode::FAILURE;
    };
    let out = args
        .next()
        .map_or_else(|| PathBuf::from(format!("synth-{n}.ron")), PathBuf::from);
    let p = crosscheck::synth::project(n, 2026);
    let bytes: usize = p.articles.values().map(|a| a.raw.len()).sum();
    match crosscheck::project::save(&out, &p) {
        Ok(_) => {
            println!(
                "{}: {} articles, {:.1} MB of text",
                out.display(),
                p.articles.len(),
                bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
