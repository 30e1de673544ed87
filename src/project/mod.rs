//! The project file: RON on disk, versioned, saved atomically under a lock, recovered after a
//! crash, merged; and the guard that keeps exports from writing over a project.

mod disk;
mod lock;
mod merge;
mod recovery;
mod ron_file;

pub use disk::{DiskStamp, SaveStage};
pub use merge::{MergeSummary, merge};
pub use recovery::{discard_recovery, recovery_path, take_recovery, write_recovery};
pub use ron_file::{FORMAT_VERSION, to_ron};

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::model::{ArticleId, Project};
use lock::{FileLock, LockError};
use ron_file::ReadError;

/// Largest project file we will read (4 GiB would not fit the machine anyway).
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Temporary files of an export older than this are taken as left by a killed export.
const STALE_EXPORT_TEMP: Duration = Duration::from_secs(3600);

/// Why a project could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("Could not read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("Could not write {path}: {source}. {}", if *.existed { "The previous file is unchanged." } else { "No file was created." })]
    Write {
        path: PathBuf,
        source: io::Error,
        /// Whether there was a file before (which is then unchanged).
        existed: bool,
    },
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
    #[error(
        "{path} holds fields this version of Crosscheck does not know and could not keep ({fields}); it was not opened, so they are not lost. Update Crosscheck to open it; the file was not changed."
    )]
    UnknownFields { path: PathBuf, fields: String },
    #[error("{path} is not text (it is not UTF-8): {detail}")]
    NotText { path: PathBuf, detail: String },
    #[error("{path} is too large to be a project ({size} bytes)")]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "Did not save: {path} is read-only. Save under another name, or make the file writable and save again."
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "Did not save: {path} was changed on disk since it was opened (by another program or another Crosscheck). Save under another name to keep your changes, then merge the two projects."
    )]
    ChangedOnDisk { path: PathBuf },
    #[error(
        "Did not save: {path} on disk was written by a newer Crosscheck (file format {found}; this version writes {supported}), and saving over it would lose what this version does not know. Save under another name."
    )]
    NewerOnDisk {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "Did not save: another Crosscheck process{} is writing {path}. Try again when it has finished.", .holder.map(|p| format!(" (pid {p})")).unwrap_or_default()
    )]
    Locked { path: PathBuf, holder: Option<u32> },
    #[error(
        "Unsaved changes were found in {path}, but that recovery file is damaged, so they cannot be offered back. It was kept as {kept} for reading by hand. ({detail})"
    )]
    DamagedRecovery {
        path: PathBuf,
        kept: PathBuf,
        detail: String,
    },
    #[error(
        "Did not export: {path} is a Crosscheck project, and an export would replace it. Choose another file name for the export."
    )]
    ExportOverProject { path: PathBuf },
}

/// A project read from disk, with what was on disk (to notice a change before saving over
/// it) and what the user should be told about the file.
#[derive(Debug)]
pub struct Opened {
    pub project: Project,
    pub stamp: DiskStamp,
    /// Repairs made without loss (an article id that appeared twice, ...).
    pub warnings: Vec<String>,
}

/// An id for an article with this raw text that no article of `p` has: its content id, or
/// that id with a number after it.
pub(crate) fn spare_id(p: &Project, raw: &str) -> ArticleId {
    let base = ArticleId::from_raw(raw);
    if !p.articles.contains_key(&base) {
        return base;
    }
    (2u64..)
        .map(|n| ArticleId(format!("{}-{n}", base.0)))
        .find(|id| !p.articles.contains_key(id))
        .unwrap_or(base)
}

fn read_error(e: ReadError, path: &Path) -> ProjectError {
    let path = path.to_owned();
    match e {
        ReadError::Syntax {
            line,
            column,
            message,
        } => ProjectError::Parse {
            path,
            line,
            column,
            message,
        },
        ReadError::NoVersion => ProjectError::Parse {
            path,
            line: 1,
            column: 1,
            message: "no `format` version at the top of the file".into(),
        },
        ReadError::TooNew(found) => ProjectError::TooNew {
            path,
            found,
            supported: FORMAT_VERSION,
        },
        ReadError::Unkeepable(fields) => ProjectError::UnknownFields {
            path,
            fields: fields.join(", "),
        },
    }
}

/// Parse a project from RON text, with the warnings of [`Opened`]; `path` names the file in
/// errors.
pub fn parse(text: &str, path: &Path) -> Result<(Project, Vec<String>), ProjectError> {
    let parsed = ron_file::parse(text).map_err(|e| read_error(e, path))?;
    Ok((parsed.project, parsed.warnings))
}

/// Parse a project from RON text; `path` only names the file in errors.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, ProjectError> {
    parse(text, path).map(|(p, _)| p)
}

/// Read a project file with its stamp and warnings. The file is never modified.
pub fn open(path: &Path) -> Result<Opened, ProjectError> {
    let read = |source| ProjectError::Read {
        path: path.to_owned(),
        source,
    };
    let meta = fs::metadata(path).map_err(read)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(ProjectError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let bytes = fs::read(path).map_err(read)?;
    let stamp = DiskStamp::of_bytes(&bytes);
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        ProjectError::NotText {
            path: path.to_owned(),
            detail: format!("invalid byte at line {line}"),
        }
    })?;
    let (project, warnings) = parse(&text, path)?;
    Ok(Opened {
        project,
        stamp,
        warnings,
    })
}

/// Read a project file. The file is never modified.
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    open(path).map(|o| o.project)
}

/// The write lock of one project file, held while a process reads-then-writes or writes it.
/// Symbolic links are followed: the lock and the save are those of the link's target.
#[derive(Debug)]
pub struct ProjectLock {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// The file written (links followed).
    pub(crate) target: PathBuf,
    _lock: FileLock,
}

/// Take the write lock of the project file at `path`, waiting a while for another process.
pub fn lock(path: &Path) -> Result<ProjectLock, ProjectError> {
    lock_waiting(path, lock::WAIT)
}

pub(crate) fn lock_waiting(path: &Path, wait: Duration) -> Result<ProjectLock, ProjectError> {
    let write_err = |source| ProjectError::Write {
        path: path.to_owned(),
        source,
        existed: path.exists(),
    };
    let target = disk::resolve(path).map_err(write_err)?;
    let lock = FileLock::acquire(&target, wait).map_err(|e| match e {
        LockError::Busy(holder) => ProjectError::Locked {
            path: path.to_owned(),
            holder,
        },
        LockError::Io(source) => write_err(source),
    })?;
    Ok(ProjectLock {
        path: path.to_owned(),
        target,
        _lock: lock,
    })
}

impl ProjectLock {
    /// Read the project as it is on disk now (no file: an empty project, stamp absent).
    pub fn open(&self) -> Result<Opened, ProjectError> {
        if !self.target.exists() {
            return Ok(Opened {
                project: Project::default(),
                stamp: DiskStamp::absent(),
                warnings: Vec::new(),
            });
        }
        open(&self.path)
    }

    /// Save atomically, keeping the previous version as `NAME.ron.bak` and the file's
    /// permissions. Refused when the file is read-only, was written by a newer Crosscheck, or
    /// (with `since`) is no longer what was read. Returns the stamp of what was written.
    pub fn save(
        &self,
        project: &Project,
        since: Option<&DiskStamp>,
        hook: impl Fn(SaveStage) -> io::Result<()>,
    ) -> Result<DiskStamp, ProjectError> {
        let path = self.path.clone();
        let now = disk::existing(&self.target).map_err(|source| ProjectError::Write {
            path: path.clone(),
            source,
            existed: true,
        })?;
        if now.read_only {
            return Err(ProjectError::ReadOnly { path });
        }
        if since.is_some_and(|s| *s != now.stamp) {
            return Err(ProjectError::ChangedOnDisk { path });
        }
        if let Some(found) = disk::sniff_format(&now.head)
            && found > FORMAT_VERSION
        {
            return Err(ProjectError::NewerOnDisk {
                path,
                found,
                supported: FORMAT_VERSION,
            });
        }
        // Under the lock no other Crosscheck writes this file: any temporary file is stale.
        disk::remove_stale_temps(&self.target, None);
        let text = to_ron(project);
        disk::write_atomic(&self.target, text.as_bytes(), true, hook).map_err(|source| {
            ProjectError::Write {
                path,
                source,
                existed: now.stamp.exists(),
            }
        })?;
        Ok(DiskStamp::of_bytes(text.as_bytes()))
    }
}

/// Save atomically under the file's lock: write a temporary file in the same folder, flush it
/// to disk, keep the previous version as `NAME.ron.bak`, then rename the temporary file over
/// the old one. Returns the stamp of what was written.
pub fn save(path: &Path, project: &Project) -> Result<DiskStamp, ProjectError> {
    save_with(path, project, |_| Ok(()))
}

/// [`save`], refused with [`ProjectError::ChangedOnDisk`] when the file is no longer what was
/// read (`since`: the stamp from [`open`] or from the last save).
pub fn save_over(
    path: &Path,
    project: &Project,
    since: &DiskStamp,
) -> Result<DiskStamp, ProjectError> {
    lock(path)?.save(project, Some(since), |_| Ok(()))
}

/// [`save`] with a hook called at each stage; an error from the hook aborts the save.
pub fn save_with(
    path: &Path,
    project: &Project,
    hook: impl Fn(SaveStage) -> io::Result<()>,
) -> Result<DiskStamp, ProjectError> {
    lock(path)?.save(project, None, hook)
}

/// Write an export atomically (temporary file, then rename), so a full disk leaves no partial
/// file. Refused when `output` is a Crosscheck project file, or is `project` (the project
/// exported from) itself.
pub fn write_export(
    output: &Path,
    bytes: &[u8],
    project: Option<&Path>,
) -> Result<(), ProjectError> {
    write_export_with(output, project, |w| w.write_all(bytes))
}

/// [`write_export`] with the contents written by `write` as it goes, so an export of any size
/// needs no copy of itself in memory.
pub fn write_export_with(
    output: &Path,
    project: Option<&Path>,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> Result<(), ProjectError> {
    let existed = output.exists();
    let write_err = |source| ProjectError::Write {
        path: output.to_owned(),
        source,
        existed,
    };
    let target = disk::resolve(output).map_err(write_err)?;
    let same = |p: &Path| {
        matches!(
            (fs::canonicalize(p), fs::canonicalize(&target)),
            (Ok(a), Ok(b)) if a == b
        )
    };
    if project.is_some_and(same) {
        return Err(ProjectError::ExportOverProject {
            path: output.to_owned(),
        });
    }
    let now = disk::existing(&target).map_err(write_err)?;
    if disk::sniff_format(&now.head).is_some() {
        return Err(ProjectError::ExportOverProject {
            path: output.to_owned(),
        });
    }
    if now.read_only {
        return Err(ProjectError::ReadOnly {
            path: output.to_owned(),
        });
    }
    disk::remove_stale_temps(&target, Some(STALE_EXPORT_TEMP));
    disk::write_atomic_with(&target, false, |_| Ok(()), write).map_err(write_err)
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

    #[test]
    fn write_error_says_unchanged_only_when_there_was_a_file() {
        let e = |existed| ProjectError::Write {
            path: "p.ron".into(),
            source: io::Error::other("disk full"),
            existed,
        };
        assert!(e(true).to_string().contains("previous file is unchanged"));
        let none = e(false).to_string();
        assert!(!none.contains("previous"), "{none}");
        assert!(none.contains("No file was created"), "{none}");
    }
}
