//! The project file: RON on disk, versioned, saved atomically, recovered after a crash, merged.

mod merge;
mod recovery;

pub use merge::{MergeSummary, merge};
pub use recovery::{discard_recovery, recovery_path, take_recovery, write_recovery};

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::model::{Article, ArticleId, Camp, MergeConflict, Project, VerdictOverride};

/// The file format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// Largest project file we will read (4 GiB would not fit the machine anyway).
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Why a project could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("Could not read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("Could not save {path}: {source}. The previous file is unchanged.")]
    Write { path: PathBuf, source: io::Error },
    #[error("{path}:{line}:{column}: this is not a valid Crosscheck project: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path} was written by a newer Crosscheck (file format {found}; this version reads up to {supported}). Update Crosscheck to open it; the file was not changed."
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path} is not text (it is not UTF-8): {detail}")]
    NotText { path: PathBuf, detail: String },
    #[error("{path} is too large to be a project ({size} bytes)")]
    TooLarge { path: PathBuf, size: u64 },
}

/// What is written to disk: the format version first, then the project.
#[derive(Serialize)]
struct FileOut<'a> {
    format: u32,
    written_by: String,
    articles: &'a BTreeMap<ArticleId, Article>,
    camp_overrides: &'a BTreeMap<String, Camp>,
    verdict_overrides: &'a BTreeMap<String, VerdictOverride>,
    merge_conflicts: &'a [MergeConflict],
}

#[derive(Deserialize)]
struct VersionProbe {
    /// 0 when the field is missing.
    #[serde(default)]
    format: u32,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FileIn {
    articles: BTreeMap<ArticleId, Article>,
    camp_overrides: BTreeMap<String, Camp>,
    verdict_overrides: BTreeMap<String, VerdictOverride>,
    merge_conflicts: Vec<MergeConflict>,
}

/// The project as RON text. Deterministic: the same project always gives the same bytes.
pub fn to_ron(project: &Project) -> String {
    let out = FileOut {
        format: FORMAT_VERSION,
        written_by: format!("crosscheck {}", env!("CARGO_PKG_VERSION")),
        articles: &project.articles,
        camp_overrides: &project.camp_overrides,
        verdict_overrides: &project.verdict_overrides,
        merge_conflicts: &project.merge_conflicts,
    };
    let cfg = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .struct_names(false)
        .indentor("  ".to_owned())
        .new_line("\n".to_owned());
    let mut s = ron::ser::to_string_pretty(&out, cfg)
        .unwrap_or_else(|e| unreachable!("a project always serialises: {e}"));
    s.push('\n');
    s
}

/// Parse a project from RON text; `path` only names the file in errors.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, ProjectError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parse_err = |e: ron::error::SpannedError| ProjectError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    };
    let probe: VersionProbe = ron::from_str(text).map_err(parse_err)?;
    let found = probe.format;
    if found == 0 {
        return Err(ProjectError::Parse {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "no `format` version at the top of the file".into(),
        });
    }
    if found > FORMAT_VERSION {
        return Err(ProjectError::TooNew {
            path: path.to_owned(),
            found,
            supported: FORMAT_VERSION,
        });
    }
    // Older formats would be migrated here, one step at a time; 1 is the first format.
    let file: FileIn = ron::from_str(text).map_err(parse_err)?;
    let mut project = Project {
        articles: file.articles,
        camp_overrides: file.camp_overrides,
        verdict_overrides: file.verdict_overrides,
        merge_conflicts: file.merge_conflicts,
    };
    // Keys are the ids: a hand-edited file whose key and id disagree keeps the key.
    for (id, a) in &mut project.articles {
        a.id.clone_from(id);
    }
    Ok(project)
}

/// Read a project file. The file is never modified.
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    let meta = fs::metadata(path).map_err(|source| ProjectError::Read {
        path: path.to_owned(),
        source,
    })?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(ProjectError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let bytes = fs::read(path).map_err(|source| ProjectError::Read {
        path: path.to_owned(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        ProjectError::NotText {
            path: path.to_owned(),
            detail: format!("invalid byte at line {line}"),
        }
    })?;
    from_ron(&text, path)
}

/// Steps of a save, for injecting failures in tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStage {
    /// The temporary file is written and flushed; the old file is untouched.
    BeforeRename,
}

/// Save atomically: write a temporary file in the same folder, flush it to disk, keep the
/// previous version as `NAME.ron.bak`, then rename the temporary file over the old one.
pub fn save(path: &Path, project: &Project) -> Result<(), ProjectError> {
    save_with(path, project, |_| Ok(()))
}

/// [`save`] with a hook called at each stage; an error from the hook aborts the save.
pub fn save_with(
    path: &Path,
    project: &Project,
    hook: impl Fn(SaveStage) -> io::Result<()>,
) -> Result<(), ProjectError> {
    let text = to_ron(project);
    write_atomic(path, text.as_bytes(), true, hook).map_err(|source| ProjectError::Write {
        path: path.to_owned(),
        source,
    })
}

/// Write bytes atomically next to `path`; with `backup`, the old file becomes `path.bak`.
pub(crate) fn write_atomic(
    path: &Path,
    bytes: &[u8],
    backup: bool,
    hook: impl Fn(SaveStage) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy()
        .into_owned();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        hook(SaveStage::BeforeRename)?;
        if backup && path.exists() {
            let bak = dir.join(format!("{name}.bak"));
            let bak_tmp = dir.join(format!(".{name}.bak.{}.tmp", std::process::id()));
            fs::copy(path, &bak_tmp)?;
            fs::rename(&bak_tmp, &bak)?;
        }
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(&dir) {
            // Make the rename itself durable; not all platforms allow syncing a folder.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_first_field() {
        let s = to_ron(&Project::default());
        assert!(s.starts_with("(\n  format: 1,"), "{s}");
    }

    #[test]
    fn missing_version_is_an_error() {
        let e = from_ron("(articles: {})", Path::new("x.ron")).unwrap_err();
        assert!(e.to_string().contains("no `format`"), "{e}");
    }
}
