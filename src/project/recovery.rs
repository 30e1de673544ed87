//! Recovery files: unsaved work written aside every so often and offered back after a crash.

use std::fs;
use std::path::{Path, PathBuf};

use super::{ProjectError, from_ron, to_ron, write_atomic};
use crate::model::Project;

/// Where unsaved changes to `project_path` are kept: `NAME.ron.recovery` beside it.
pub fn recovery_path(project_path: &Path) -> PathBuf {
    let mut name = project_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".recovery");
    project_path.with_file_name(name)
}

/// Write the unsaved project to its recovery file (atomically; no backup).
pub fn write_recovery(recovery: &Path, project: &Project) -> Result<(), ProjectError> {
    write_atomic(recovery, to_ron(project).as_bytes(), false, |_| Ok(())).map_err(|source| {
        ProjectError::Write {
            path: recovery.to_owned(),
            source,
        }
    })
}

/// The recovered project, if a recovery file exists and differs from what is saved.
/// A recovery file identical to the saved project is stale and is removed.
pub fn take_recovery(
    recovery: &Path,
    saved: Option<&Project>,
) -> Result<Option<Project>, ProjectError> {
    let text = match fs::read_to_string(recovery) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(ProjectError::Read {
                path: recovery.to_owned(),
                source,
            });
        }
    };
    let project = from_ron(&text, recovery)?;
    if saved == Some(&project) {
        discard_recovery(recovery);
        return Ok(None);
    }
    Ok(Some(project))
}

/// Remove a recovery file after a successful save or a deliberate discard.
pub fn discard_recovery(recovery: &Path) {
    let _ = fs::remove_file(recovery);
}
