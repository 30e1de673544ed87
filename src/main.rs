//! The `crosscheck` binary: the app, or a command-line tool.

use std::process::ExitCode;

fn main() -> ExitCode {
    match crosscheck::cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosscheck: {e:#}");
            ExitCode::FAILURE
        }
    }
}
