//! One folder's entries, for choosing files: read with a bound on their number, sorted folders
//! first in natural name order, filtered by extension and visibility.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The most entries a listing reads: a folder with more is shown in part, and says so.
pub const MAX_ENTRIES: usize = 20_000;

/// One entry of a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The name as shown (lossy for names that are not UTF-8; `path` keeps the real one).
    pub name: String,
    pub path: PathBuf,
    /// A folder, or a link to one.
    pub is_dir: bool,
    /// The size of a file; `None` for folders and entries whose details could not be read.
    pub size: Option<u64>,
    pub modified: Option<SystemTime>,
}

impl Entry {
    /// Hidden by the Unix convention: a name starting with a dot.
    pub fn hidden(&self) -> bool {
        self.name.starts_with('.')
    }
}

/// A folder's entries, sorted by [`sort`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    /// More entries than the bound: only the first ones read are here.
    pub truncated: bool,
    /// Entries that could not be read at all (they vanished or the folder changed while read).
    pub unreadable: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    #[error("There is no such folder. Check the path: {}", path.display())]
    Missing { path: PathBuf },
    #[error("This is a file, not a folder: {}", path.display())]
    NotAFolder { path: PathBuf },
    #[error("This folder cannot be read ({source}). Choose another one: {}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Read the entries of `dir`, at most `limit` of them. Links are followed to tell folders
/// from files; a broken link is listed as a file without details.
pub fn list(dir: &Path, limit: usize) -> Result<Listing, FolderError> {
    let read_error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => FolderError::Missing {
            path: dir.to_owned(),
        },
        std::io::ErrorKind::NotADirectory => FolderError::NotAFolder {
            path: dir.to_owned(),
        },
        _ => FolderError::Read {
            path: dir.to_owned(),
            source,
        },
    };
    let meta = std::fs::metadata(dir).map_err(read_error)?;
    if !meta.is_dir() {
        return Err(FolderError::NotAFolder {
            path: dir.to_owned(),
        });
    }
    let mut out = Listing {
        dir: dir.to_owned(),
        ..Listing::default()
    };
    for item in std::fs::read_dir(dir).map_err(read_error)? {
        if out.entries.len() == limit {
            out.truncated = true;
            break;
        }
        let Ok(item) = item else {
            out.unreadable += 1;
            continue;
        };
        let path = item.path();
        let is_link = item.file_type().is_ok_and(|t| t.is_symlink());
        let meta = if is_link {
            std::fs::metadata(&path).ok()
        } else {
            item.metadata().ok()
        };
        let is_dir = meta.as_ref().is_some_and(std::fs::Metadata::is_dir);
        out.entries.push(Entry {
            name: item.file_name().to_string_lossy().into_owned(),
            is_dir,
            size: meta.as_ref().filter(|m| m.is_file()).map(|m| m.len()),
            modified: meta.and_then(|m| m.modified().ok()),
            path,
        });
    }
    sort(&mut out.entries);
    Ok(out)
}

/// Folders first, then by name in natural order (`report-2` before `report-10`), ignoring case.
pub fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| natural_cmp(&a.name, &b.name))
            .then_with(|| a.name.cmp(&b.name))
    });
}

/// Compare names in natural order: runs of digits by their number, the rest ignoring case.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let mut a = a.chars().peekable();
    let mut b = b.chars().peekable();
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let take = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = String::new();
                    while let Some(c) = it.next_if(char::is_ascii_digit) {
                        digits.push(c);
                    }
                    digits
                };
                let (da, db) = (take(&mut a), take(&mut b));
                let (ta, tb) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
                let o = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                if o != Ordering::Equal {
                    return o;
                }
            }
            (Some(x), Some(y)) => {
                let o = x.to_lowercase().cmp(y.to_lowercase());
                if o != Ordering::Equal {
                    return o;
                }
                a.next();
                b.next();
            }
        }
    }
}

/// Which entries to show.
#[derive(Clone, Copy, Debug)]
pub struct Filter<'a> {
    /// Extensions (without the dot, any case) of the files to show; folders always show.
    pub extensions: &'a [&'a str],
    /// Show every file, whatever its extension.
    pub all_files: bool,
    /// Show entries whose name starts with a dot.
    pub hidden: bool,
    /// Show folders only.
    pub folders_only: bool,
}

impl Filter<'_> {
    pub fn shows(&self, e: &Entry) -> bool {
        if e.hidden() && !self.hidden {
            return false;
        }
        if e.is_dir {
            return true;
        }
        !self.folders_only && (self.all_files || has_extension(&e.name, self.extensions))
    }
}

/// Whether `name` ends in one of `extensions` (given without the dot), ignoring case.
pub fn has_extension(name: &str, extensions: &[&str]) -> bool {
    Path::new(name)
        .extension()
        .map(|x| x.to_string_lossy())
        .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)))
}

/// The positions in `entries` of those `filter` shows, in their order.
pub fn visible(entries: &[Entry], filter: &Filter<'_>) -> Vec<usize> {
    entries
        .iter()
        .enumerate()
        .filter(|(_, e)| filter.shows(e))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn entry(name: &str, is_dir: bool) -> Entry {
        Entry {
            name: name.into(),
            path: PathBuf::from("/x").join(name),
            is_dir,
            size: (!is_dir).then_some(1),
            modified: None,
        }
    }

    fn names(entries: &[Entry], idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| entries[i].name.clone()).collect()
    }

    #[test]
    fn folders_come_first_then_names_in_natural_order_ignoring_case() {
        let mut v = vec![
            entry("report-10.txt", false),
            entry("Zeta", true),
            entry("report-2.txt", false),
            entry("alpha", true),
            entry("B.md", false),
            entry("a.md", false),
            entry("report-02.txt", false),
        ];
        sort(&mut v);
        let all: Vec<_> = v.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            all,
            [
                "alpha",
                "Zeta",
                "a.md",
                "B.md",
                "report-02.txt",
                "report-2.txt",
                "report-10.txt"
            ]
        );
    }

    #[test]
    fn natural_order_compares_numbers_by_value() {
        assert_eq!(natural_cmp("day9", "day10"), Ordering::Less);
        assert_eq!(natural_cmp("day10", "day9"), Ordering::Greater);
        assert_eq!(natural_cmp("Day1", "day1"), Ordering::Equal);
        assert_eq!(natural_cmp("a", "ab"), Ordering::Less);
        assert_eq!(natural_cmp("x007", "x7"), Ordering::Equal);
    }

    #[test]
    fn the_filter_keeps_folders_and_files_with_the_extensions() {
        let v = vec![
            entry("notes", true),
            entry(".git", true),
            entry("a.RON", false),
            entry("b.txt", false),
            entry(".hidden.ron", false),
            entry("ron", false),
        ];
        let mut f = Filter {
            extensions: &["ron"],
            all_files: false,
            hidden: false,
            folders_only: false,
        };
        assert_eq!(names(&v, &visible(&v, &f)), ["notes", "a.RON"]);
        f.all_files = true;
        assert_eq!(
            names(&v, &visible(&v, &f)),
            ["notes", "a.RON", "b.txt", "ron"]
        );
        f.hidden = true;
        assert_eq!(visible(&v, &f), [0, 1, 2, 3, 4, 5]);
        f.folders_only = true;
        assert_eq!(names(&v, &visible(&v, &f)), ["notes", ".git"]);
    }

    #[test]
    fn a_folder_is_listed_sorted_with_links_followed_and_a_bound() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "hello").unwrap();
        std::fs::write(dir.path().join("a.ron"), "").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("sub"), dir.path().join("link")).unwrap();
        let l = list(dir.path(), MAX_ENTRIES).unwrap();
        let got: Vec<_> = l
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.is_dir))
            .collect();
        #[cfg(unix)]
        assert_eq!(
            got,
            [
                ("link", true),
                ("sub", true),
                ("a.ron", false),
                ("b.txt", false)
            ]
        );
        assert_eq!(l.entries.last().unwrap().size, Some(5));
        assert!(!l.truncated);
        let few = list(dir.path(), 2).unwrap();
        assert_eq!(few.entries.len(), 2);
        assert!(few.truncated);
    }

    #[test]
    fn a_missing_folder_or_a_file_is_an_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let e = list(&missing, 10).unwrap_err();
        assert!(matches!(e, FolderError::Missing { .. }), "{e}");
        assert!(e.to_string().ends_with(&missing.display().to_string()));
        let file = dir.path().join("f.txt");
        std::fs::write(&file, "x").unwrap();
        let e = list(&file, 10).unwrap_err();
        assert!(matches!(e, FolderError::NotAFolder { .. }), "{e}");
    }
}
