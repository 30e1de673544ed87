//! Folders into the importable files inside them, and what could not be looked at: a folder
//! that cannot be read, a link back to a folder already walked (a symlink loop), a FIFO, socket
//! or device, a folder nested too deep. Nothing is skipped silently.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::{ImportError, format_of};

/// Folders deeper than this below a folder given are not looked into (and this is said).
pub const MAX_FOLDER_DEPTH: usize = 32;

/// The files a list of paths gives, with the problems met on the way.
#[derive(Debug, Default)]
pub struct Collected {
    /// Files to import, in order: each path given, folders expanded (recursively, sorted).
    pub files: Vec<PathBuf>,
    /// What could not be looked at, each naming its path.
    pub problems: Vec<ImportError>,
}

/// Expand folders (recursively, sorted) into the files inside them that look importable;
/// plain files are kept whatever their type so the user hears why they were refused. Hidden
/// entries (a name starting with `.`) are passed over; a folder reached twice (through a link)
/// is walked once.
pub fn collect_files(paths: &[PathBuf]) -> Collected {
    let mut walk = Walk::default();
    for p in paths {
        if p.is_dir() {
            walk.folder(p, 0);
        } else {
            walk.out.files.push(p.clone());
        }
    }
    walk.out
}

#[derive(Default)]
struct Walk {
    out: Collected,
    /// Folders walked, by canonical path (links resolved), so a loop ends.
    seen: HashSet<PathBuf>,
}

impl Walk {
    fn folder(&mut self, dir: &Path, depth: usize) {
        match fs::canonicalize(dir) {
            Ok(real) => {
                if !self.seen.insert(real.clone()) {
                    self.out.problems.push(ImportError::FolderLoop {
                        path: dir.to_owned(),
                        target: real,
                    });
                    return;
                }
            }
            Err(source) => {
                self.out.problems.push(ImportError::Folder {
                    path: dir.to_owned(),
                    source,
                });
                return;
            }
        }
        let entries = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(source) => {
                self.out.problems.push(ImportError::Folder {
                    path: dir.to_owned(),
                    source,
                });
                return;
            }
        };
        let mut paths = Vec::new();
        for e in entries {
            match e {
                Ok(e) => paths.push(e.path()),
                Err(source) => self.out.problems.push(ImportError::Folder {
                    path: dir.to_owned(),
                    source,
                }),
            }
        }
        paths.sort();
        for p in paths {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            // Follows links: a link is what it points to.
            let meta = match fs::metadata(&p) {
                Ok(m) => m,
                Err(source) => {
                    self.out.problems.push(ImportError::Io { path: p, source });
                    continue;
                }
            };
            if meta.is_dir() {
                if depth < MAX_FOLDER_DEPTH {
                    self.folder(&p, depth + 1);
                } else {
                    self.out.problems.push(ImportError::TooDeep {
                        path: p,
                        limit: MAX_FOLDER_DEPTH,
                    });
                }
            } else if !meta.is_file() {
                self.out.problems.push(ImportError::NotAFile {
                    kind: super::kind_of(&meta.file_type()),
                    path: p,
                });
            } else if format_of(&p).is_some() && p.extension().is_some() {
                self.out.files.push(p);
            }
        }
    }
}
