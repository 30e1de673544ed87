//! Files on disk: following symbolic links to their target, what a file held when it was read
//! (to notice a change since), and atomic writes that keep permissions and leave no temporary
//! file behind.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How many symbolic links are followed before giving up (as Linux does).
const MAX_LINKS: usize = 40;

/// How much of a file's start is read to recognise a project file.
const HEAD_BYTES: usize = 4096;

/// The file a path names: symbolic links followed (also a dangling one, to where it points),
/// so a save writes through the link and the link stays.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&p)?;
                p = if to.is_absolute() {
                    to
                } else {
                    p.parent().unwrap_or(Path::new("")).join(to)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

fn dir_and_name(path: &Path) -> io::Result<(PathBuf, String)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy()
        .into_owned();
    Ok((dir, name))
}

/// What a file held when it was read: its length and a hash of its bytes (`None`: no file).
/// Compared before saving over it, to notice that someone else wrote it in between.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DiskStamp(Option<(u64, u64)>);

impl DiskStamp {
    /// No file was there.
    pub fn absent() -> Self {
        Self(None)
    }

    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self(Some((
            bytes.len() as u64,
            xxhash_rust::xxh3::xxh3_64(bytes),
        )))
    }

    /// Whether a file was there.
    pub fn exists(self) -> bool {
        self.0.is_some()
    }
}

/// A file about to be replaced, as it is now.
pub struct Existing {
    pub stamp: DiskStamp,
    pub read_only: bool,
    /// The first bytes, to recognise a project file and its version.
    pub head: Vec<u8>,
}

/// Read what is at `path` now (`stamp` absent when there is no file).
pub fn existing(path: &Path) -> io::Result<Existing> {
    let mut f = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Existing {
                stamp: DiskStamp::absent(),
                read_only: false,
                head: Vec::new(),
            });
        }
        Err(e) => return Err(e),
    };
    let read_only = f.metadata()?.permissions().readonly();
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut head = Vec::new();
    let mut len = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = &buf[..n];
        if head.len() < HEAD_BYTES {
            head.extend_from_slice(&chunk[..n.min(HEAD_BYTES - head.len())]);
        }
        hasher.update(chunk);
        len += n as u64;
    }
    Ok(Existing {
        stamp: DiskStamp(Some((len, hasher.digest()))),
        read_only,
        head,
    })
}

/// The `format` version a Crosscheck project file starts with, if these first bytes are one.
pub fn sniff_format(head: &[u8]) -> Option<u32> {
    let text = String::from_utf8_lossy(head);
    let mut s = text.strip_prefix('\u{feff}').unwrap_or(&text).trim_start();
    while let Some(rest) = s.strip_prefix("//") {
        s = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
    }
    let s = s.strip_prefix('(')?.trim_start();
    let s = s.strip_prefix("format")?.trim_start();
    let s = s.strip_prefix(':')?.trim_start();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Steps of a save, for injecting failures in tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStage {
    /// The temporary file is written and flushed; the old file is untouched.
    BeforeRename,
}

fn is_our_temp(file: &str, name: &str) -> bool {
    let Some(rest) = file
        .strip_prefix('.')
        .and_then(|f| f.strip_prefix(name))
        .and_then(|f| f.strip_prefix('.'))
        .and_then(|f| f.strip_suffix(".tmp"))
    else {
        return false;
    };
    let rest = rest.strip_prefix("bak.").unwrap_or(rest);
    !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
}

/// Remove temporary files that an interrupted write of `path` left beside it: all of them
/// (`older_than` `None`, when a lock says no one else is writing), or those not touched for
/// that long.
pub fn remove_stale_temps(path: &Path, older_than: Option<Duration>) {
    let Ok((dir, name)) = dir_and_name(path) else {
        return;
    };
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    let now = SystemTime::now();
    for e in entries.flatten() {
        let file = e.file_name();
        if !is_our_temp(&file.to_string_lossy(), &name) {
            continue;
        }
        let stale = match older_than {
            None => true,
            Some(age) => e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|d| d >= age),
        };
        if stale {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Write bytes atomically to `path` (already resolved, see [`resolve`]): a temporary file in
/// the same folder, flushed to disk, given the old file's permissions, then renamed over it.
/// With `backup`, the old file is first copied to `NAME.bak`. On error the old file is as it
/// was and the temporary file is removed.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    backup: bool,
    hook: impl Fn(SaveStage) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_with(path, backup, hook, |f| f.write_all(bytes))
}

/// [`write_atomic`] with the contents written by `write` as it goes (through a buffer).
pub fn write_atomic_with(
    path: &Path,
    backup: bool,
    hook: impl Fn(SaveStage) -> io::Result<()>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let (dir, name) = dir_and_name(path)?;
    let old = match fs::metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let pid = std::process::id();
    let tmp = dir.join(format!(".{name}.{pid}.tmp"));
    let bak_tmp = dir.join(format!(".{name}.bak.{pid}.tmp"));
    let result = (|| {
        let mut buffered = io::BufWriter::with_capacity(1 << 16, fs::File::create(&tmp)?);
        write(&mut buffered)?;
        let f = buffered
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        if let Some(m) = &old {
            f.set_permissions(m.permissions())?;
        }
        f.sync_all()?;
        drop(f);
        hook(SaveStage::BeforeRename)?;
        if backup && old.is_some() {
            fs::copy(path, &bak_tmp)?;
            fs::rename(&bak_tmp, dir.join(format!("{name}.bak")))?;
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
        let _ = fs::remove_file(&bak_tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_ours_only() {
        assert!(is_our_temp(".p.ron.123.tmp", "p.ron"));
        assert!(is_our_temp(".p.ron.bak.123.tmp", "p.ron"));
        assert!(!is_our_temp(".p.ron.recovery.123.tmp", "p.ron"));
        assert!(!is_our_temp(".p.ron..tmp", "p.ron"));
        assert!(!is_our_temp("p.ron.123.tmp", "p.ron"));
        assert!(!is_our_temp(".q.ron.123.tmp", "p.ron"));
    }

    #[test]
    fn sniffs_the_version_of_a_project() {
        assert_eq!(
            sniff_format(b"(\n  format: 1,\n  written_by: \"x\""),
            Some(1)
        );
        assert_eq!(
            sniff_format("\u{feff}// note\n(format:7)".as_bytes()),
            Some(7)
        );
        assert_eq!(sniff_format(b"article,title\n"), None);
        assert_eq!(sniff_format(b"(articles: {})"), None);
    }
}
