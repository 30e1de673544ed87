//! Recovery files: unsaved work written aside every so often and offered back after a crash.

use std::fs;
use std::path::{Path, PathBuf};

use super::{ProjectError, disk, from_ron, lock, to_ron};
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

/// Write the unsaved project to its recovery file (atomically, under its lock; no backup).
pub fn write_recovery(recovery: &Path, project: &Project) -> Result<(), ProjectError> {
    let lock = super::lock_waiting(recovery, lock::WAIT)?;
    disk::remove_stale_temps(&lock.target, None);
    let existed = lock.target.exists();
    disk::write_atomic(&lock.target, to_ron(project).as_bytes(), false, |_| Ok(())).map_err(
        |source| ProjectError::Write {
            path: recovery.to_owned(),
            source,
            existed,
        },
    )
}

/// Move a damaged recovery file aside (`NAME.damaged`, numbered if taken) so the next
/// recovery write does not replace what may still be read from it by hand.
fn keep_damaged(recovery: &Path) -> PathBuf {
    let mut name = recovery
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".damaged");
    let first = recovery.with_file_name(&name);
    let aside = (2..100)
        .map(|n| {
            let mut numbered = name.clone();
            numbered.push(format!(".{n}"));
            recovery.with_file_name(numbered)
        })
        .fold(
            first,
            |found, next| if found.exists() { next } else { found },
        );
    match fs::rename(recovery, &aside) {
        Ok(()) => aside,
        Err(_) => recovery.to_owned(),
    }
}

/// The recovered project, if a recovery file exists and differs from what is saved.
/// A recovery file identical to the saved project is stale and is removed. A damaged one
/// (cut short by a crash, ...) is moved aside and reported as [`ProjectError::DamagedRecovery`],
/// never ignored.
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
    let project = from_ron(&text, recovery).map_err(|e| ProjectError::DamagedRecovery {
        path: recovery.to_owned(),
        detail: e.to_string(),
        kept: keep_damaged(recovery),
    })?;
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
