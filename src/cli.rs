//! The command line: open the app, import, clean, analyze, export, merge.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use clap::{Parser, Subcommand, ValueEnum};

use crate::analysis::analyze_project;
use crate::model::{ArticleId, Edit, Project};
use crate::{compare, export, ingest, project};

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "A research notebook for reporting on the Russia–Ukraine war"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Project file to open in the app (without one, the last project or the sample opens).
    project: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// Claims, one row each.
    Csv,
    /// The comparison, one line per claim behind each place × period × topic row.
    ComparisonCsv,
    /// The comparison as JSON, each row with the claims behind it.
    ComparisonJson,
    /// The analysis in the `analyze --json` shape.
    Json,
    /// The report: conflicts and disputes first, then per place the verdicts with quoted
    /// sentences, then the sources (Markdown).
    Md,
    /// The same report as an HTML page that prints well.
    Html,
    /// The articles as RIS citations (Zotero, EndNote, Mendeley).
    Ris,
    /// The articles as BibTeX entries.
    Bibtex,
    /// The articles as CSL-JSON items (Zotero, Pandoc).
    CslJson,
    /// A REFI-QDA project (.qdpx): sources, codes and coded claims for QualCoder, NVivo,
    /// ATLAS.ti or MAXQDA.
    Qdpx,
    /// A REFI-QDA codebook (.qdc): camps, speakers and places as codes.
    Qdc,
}

impl ExportFormat {
    fn kind(self) -> export::Kind {
        match self {
            ExportFormat::Csv => export::Kind::ClaimsCsv,
            ExportFormat::ComparisonCsv => export::Kind::ComparisonCsv,
            ExportFormat::ComparisonJson => export::Kind::ComparisonJson,
            ExportFormat::Json => export::Kind::Json,
            ExportFormat::Md => export::Kind::Markdown,
            ExportFormat::Html => export::Kind::Html,
            ExportFormat::Ris => export::Kind::Ris,
            ExportFormat::Bibtex => export::Kind::Bibtex,
            ExportFormat::CslJson => export::Kind::CslJson,
            ExportFormat::Qdpx => export::Kind::Qdpx,
            ExportFormat::Qdc => export::Kind::Qdc,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Import files or folders into a project (created if needed).
    Import {
        project: PathBuf,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the cleaned body of an article file.
    Clean { file: PathBuf },
    /// Analyse article files or a project: metadata, lines, claims and comparisons.
    Analyze {
        /// Print one JSON object (the documented contract).
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Export a project: claims, comparison, report, citations or a REFI-QDA project.
    Export {
        project: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Merge two projects into a third.
    Merge {
        a: PathBuf,
        b: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Parse arguments and run; returns the exit code.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        None => {
            crate::app::run_native(cli.project)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import { project, files }) => import(&project, &files),
        Some(Command::Clean { file }) => clean(&file),
        Some(Command::Analyze { json, inputs }) => analyze(&inputs, json),
        Some(Command::Export {
            project,
            format,
            output,
        }) => {
            let p = project::load(&project)?;
            let an = analyze_project(&p);
            let cmp = compare::compare_project(&p, &an, &compare::Options::default());
            let name = project.file_stem().map_or_else(
                || "Crosscheck project".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
            project::write_export_with(&output, Some(&project), |w| {
                export::write(format.kind(), &p, &an, &cmp, &name, w).map_err(std::io::Error::other)
            })?;
            eprintln!("wrote {}", output.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Merge { a, b, output }) => {
            let mut pa = open_telling(&a)?.project;
            let pb = open_telling(&b)?.project;
            let summary = project::merge(&mut pa, &pb, &b.display().to_string());
            project::save(&output, &pa)?;
            println!("{summary}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Open a project, printing what was repaired on the way.
fn open_telling(path: &Path) -> anyhow::Result<project::Opened> {
    let opened = project::open(path)?;
    for w in &opened.warnings {
        eprintln!("{}: {w}", path.display());
    }
    Ok(opened)
}

fn import(path: &Path, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let opened = if path.exists() {
        Some(open_telling(path)?)
    } else {
        None
    };
    let since = opened
        .as_ref()
        .map_or_else(project::DiskStamp::absent, |o| o.stamp);
    let mut p = opened.map(|o| o.project).unwrap_or_default();
    let collected = ingest::collect_files(files);
    for problem in &collected.problems {
        eprintln!("skipped {problem}");
    }
    let list = collected.files;
    if list.is_empty() {
        bail!(
            "no importable files found in the paths given; Crosscheck imports {}",
            ingest::SUPPORTED
        );
    }
    let (mut added, mut dup, mut failed) = (0, 0, collected.problems.len());
    let mut new_articles = Vec::new();
    for f in &list {
        match ingest::import_path(f) {
            Ok(arts) => {
                for a in arts {
                    for w in &a.source.warnings {
                        eprintln!("warning: {}: {w}", f.display());
                    }
                    if Edit::AddArticles(vec![a.clone()]).apply(&mut p) {
                        added += 1;
                        new_articles.push(a);
                    } else {
                        dup += 1;
                    }
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("skipped {e}");
            }
        }
    }
    if added == 0 {
        println!(
            "{}: 0 articles added, {dup} already there, {failed} files skipped; the project was not written",
            path.display()
        );
        return Ok(if failed > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        });
    }
    // Write under the project's lock. If another process saved it while this one imported,
    // add the new articles to that version rather than overwrite it.
    let lock = project::lock(path)?;
    let now = lock.open()?;
    if now.stamp != since {
        eprintln!(
            "{} was changed by another process during the import; the new articles were added to its current version",
            path.display()
        );
        p = now.project;
        Edit::AddArticles(new_articles).apply(&mut p);
    }
    lock.save(&p, Some(&now.stamp), |_| Ok(()))?;
    println!(
        "{}: {added} articles added, {dup} already there, {failed} files skipped; {} articles in all",
        path.display(),
        p.articles.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn clean(file: &Path) -> anyhow::Result<ExitCode> {
    let arts = ingest::import_path(file)?;
    let mut p = Project::default();
    for a in arts {
        p.add_article(a);
    }
    let an = crate::analysis::clean_project(&p);
    let mut out = std::io::stdout().lock();
    for a in an.articles.values() {
        for (_, line) in a.cleaned_lines() {
            writeln!(out, "{}", line.trim())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn analyze(inputs: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let mut p = Project::default();
    // Each input file with the articles it gave (a Telegram export gives several).
    let mut files: Vec<(String, Vec<ArticleId>)> = Vec::new();
    let mut errors = 0;
    let collected = ingest::collect_files(inputs);
    for problem in &collected.problems {
        errors += 1;
        eprintln!("skipped {problem}");
    }
    for input in &collected.files {
        if input
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        {
            let proj = project::load(input)?;
            for a in proj.articles.values() {
                files.push((a.source.file_name.clone(), vec![a.id.clone()]));
            }
            project::merge(&mut p, &proj, &input.display().to_string());
            continue;
        }
        match ingest::import_path(input) {
            Ok(arts) => {
                files.push((
                    input.display().to_string(),
                    arts.iter().map(|a| a.id.clone()).collect(),
                ));
                for a in arts {
                    p.add_article(a);
                }
            }
            Err(e) => {
                errors += 1;
                eprintln!("skipped {e}");
            }
        }
    }
    let an = analyze_project(&p);
    let cmp = compare::compare_project(&p, &an, &compare::Options::default());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        // Written as it goes: one article's entry in memory at a time.
        export::write_analyze_json(&mut out, &p, &an, &files, &cmp)?;
        writeln!(out)?;
    } else {
        for (file, id) in files
            .iter()
            .flat_map(|(f, ids)| ids.iter().map(move |id| (f, id)))
        {
            let Some(a) = an.articles.get(id) else {
                continue;
            };
            writeln!(
                out,
                "{file}: {} — {} claims",
                a.meta.title.as_deref().unwrap_or("(no title)"),
                a.claims.len()
            )?;
            for c in &a.claims {
                writeln!(
                    out,
                    "  {:>4}  {:<20} {:<20} {}",
                    c.line,
                    c.camp.word(),
                    c.speaker.as_deref().unwrap_or("-"),
                    c.text.trim()
                )?;
            }
        }
        for c in &cmp {
            writeln!(
                out,
                "{} · {} · {}: {} — {}",
                c.place,
                c.period,
                c.topic.word(),
                c.verdict.word(),
                c.reason
            )?;
        }
    }
    Ok(if errors > 0 && files.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
