//! The write lock of a file: one Crosscheck process at a time writes it. An advisory lock
//! (`File::try_lock`) on `.NAME.lock` beside the file, which holds the writer's process id.

use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long to wait for another process to finish writing before giving up.
pub const WAIT: Duration = Duration::from_secs(20);

/// Held while a process writes a file; released when dropped.
#[derive(Debug)]
pub struct FileLock {
    file: fs::File,
}

/// Why a lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it; its process id, when it wrote one.
    Busy(Option<u32>),
    Io(io::Error),
}

/// The lock file of `path` (a resolved file path).
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.lock"))
}

impl FileLock {
    /// Take the write lock of `path`, waiting up to `wait` for another process to release it.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, LockError> {
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path(path))
            .map_err(LockError::Io)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {
                    if start.elapsed() >= wait {
                        let mut s = String::new();
                        let _ = file.read_to_string(&mut s);
                        return Err(LockError::Busy(s.trim().parse().ok()));
                    }
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
            }
        }
        // Who holds it, for the message another process shows; not needed for the lock itself.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| write!(file, "{}", std::process::id()))
            .and_then(|()| file.flush());
        Ok(Self { file })
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}
