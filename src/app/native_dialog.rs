//! The desktop's own file chooser (rfd), on a worker thread: whether the desktop has one, and
//! telling a dialog that failed from one the user cancelled.
//!
//! On Linux rfd 0.17 asks the XDG desktop portal over D-Bus, then falls back to `zenity`. Where
//! neither exists it returns `None`, as it does when the user cancels; what differs is that it
//! logs an error. So the app first asks the session bus whether the portal's `FileChooser`
//! interface is there (or `zenity` is on the `PATH`), and after a dialog that returned nothing
//! it looks at what rfd logged on that thread: when the last of it is an error, the dialog
//! failed and the built-in one opens instead.

use std::cell::RefCell;
use std::path::PathBuf;

use super::Pick;

/// Which file dialog the user asked for (`CROSSCHECK_FILE_DIALOG`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// The desktop's where it has one (and the setting does not ask for the built-in one).
    #[default]
    Auto,
    /// Always the built-in one.
    Builtin,
    /// Always try the desktop's first, even where none was found.
    Native,
}

/// The environment variable that chooses the file dialog: `builtin`, `native` or `auto`.
pub const CHOICE_VAR: &str = "CROSSCHECK_FILE_DIALOG";

impl Choice {
    /// The choice a value of [`CHOICE_VAR`] names; unset or empty is `Auto`.
    pub fn parse(value: Option<&str>) -> Result<Choice, String> {
        match value.map(str::trim).map(str::to_ascii_lowercase).as_deref() {
            None | Some("" | "auto") => Ok(Choice::Auto),
            Some("builtin" | "built-in") => Ok(Choice::Builtin),
            Some("native") => Ok(Choice::Native),
            Some(other) => Err(format!(
                "{CHOICE_VAR}={other} is not known (use builtin, native or auto); choosing automatically"
            )),
        }
    }
}

/// What the desktop's dialog should ask.
#[derive(Clone, Debug)]
pub struct Request {
    pub pick: Pick,
    pub start_dir: Option<PathBuf>,
    /// The file name offered when saving.
    pub file_name: String,
    /// Ask the session bus first whether a file chooser exists.
    pub probe: bool,
}

/// How the desktop's dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// What the user chose; empty when they cancelled.
    Chosen(Vec<PathBuf>),
    /// No dialog could be shown, and why.
    Unavailable(String),
}

/// Show the desktop's file dialog and wait for it (on a worker thread, never the UI's).
pub fn run(req: &Request) -> Outcome {
    if req.probe
        && let Err(why) = available()
    {
        return Outcome::Unavailable(why);
    }
    let (paths, logged) = capture(|| show_rfd(req));
    match failure(&paths, &logged) {
        Some(why) => Outcome::Unavailable(format!("the desktop's file dialog failed ({why})")),
        None => Outcome::Chosen(paths),
    }
}

fn show_rfd(req: &Request) -> Vec<PathBuf> {
    let mut d = rfd::FileDialog::new().set_title(super::file_dialog::title(req.pick));
    if let Some(dir) = &req.start_dir {
        d = d.set_directory(dir);
    }
    let projects = |d: rfd::FileDialog| d.add_filter("Crosscheck project", &["ron"]);
    match req.pick {
        Pick::Open | Pick::Merge => projects(d).pick_file().into_iter().collect(),
        Pick::SaveAs => projects(d)
            .set_file_name(&req.file_name)
            .save_file()
            .into_iter()
            .collect(),
        Pick::Import => d
            .add_filter("Articles", crate::ingest::ARTICLE_EXTENSIONS)
            .pick_files()
            .unwrap_or_default(),
        Pick::ImportFolder => d.pick_folder().into_iter().collect(),
        Pick::Export(_) => d
            .set_file_name(&req.file_name)
            .save_file()
            .into_iter()
            .collect(),
    }
}

/// Why a dialog that returned `paths` failed, from what rfd `logged` meanwhile: nothing chosen
/// and an error last (an error followed by a working fallback is no failure).
fn failure(paths: &[PathBuf], logged: &[(log::Level, String)]) -> Option<String> {
    match logged.last() {
        Some((log::Level::Error, msg)) if paths.is_empty() => Some(msg.clone()),
        _ => None,
    }
}

/// Whether this desktop can show a file dialog at all, or why not.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn available() -> Result<(), String> {
    let portal = match portal_file_chooser() {
        Ok(()) => return Ok(()),
        Err(e) => e,
    };
    if zenity_on_path() {
        return Ok(());
    }
    Err(format!(
        "the desktop has no file chooser ({portal}; no zenity on the PATH)"
    ))
}

/// Windows and macOS always have their own dialogs.
#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn available() -> Result<(), String> {
    Ok(())
}

/// Ask the session bus for the portal's `FileChooser` interface (its `version` property):
/// the portal may be missing, or running without a file chooser backend.
#[cfg(all(unix, not(target_os = "macos")))]
fn portal_file_chooser() -> Result<(), String> {
    let conn = zbus::blocking::connection::Builder::session()
        .map(|b| b.method_timeout(std::time::Duration::from_secs(5)))
        .and_then(zbus::blocking::connection::Builder::build)
        .map_err(|e| format!("no D-Bus session bus ({e})"))?;
    conn.call_method(
        Some("org.freedesktop.portal.Desktop"),
        "/org/freedesktop/portal/desktop",
        Some("org.freedesktop.DBus.Properties"),
        "Get",
        &("org.freedesktop.portal.FileChooser", "version"),
    )
    .map(drop)
    .map_err(|e| format!("no XDG desktop portal with a file chooser on the session bus ({e})"))
}

#[cfg(all(unix, not(target_os = "macos")))]
fn zenity_on_path() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("zenity").is_file()))
}

thread_local! {
    /// What rfd logged on this thread while [`capture`] runs.
    static LOGGED: RefCell<Option<Vec<(log::Level, String)>>> = const { RefCell::new(None) };
}

/// Run `f`, returning with it the warnings and errors rfd logged on this thread meanwhile
/// (nothing unless [`install_logger`] was called).
fn capture<T>(f: impl FnOnce() -> T) -> (T, Vec<(log::Level, String)>) {
    LOGGED.with(|l| *l.borrow_mut() = Some(Vec::new()));
    let out = f();
    let logged = LOGGED.with(|l| l.borrow_mut().take()).unwrap_or_default();
    (out, logged)
}

/// Passes rfd's warnings and errors to standard error, and to [`capture`].
struct RfdLogger;

impl log::Log for RfdLogger {
    fn enabled(&self, meta: &log::Metadata<'_>) -> bool {
        meta.level() <= log::Level::Warn && meta.target().starts_with("rfd")
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let msg = record.args().to_string();
        eprintln!("crosscheck: file dialog: {msg}");
        LOGGED.with(|l| {
            if let Some(v) = l.borrow_mut().as_mut() {
                v.push((record.level(), msg));
            }
        });
    }

    fn flush(&self) {}
}

static LOGGER: RfdLogger = RfdLogger;

/// Listen to rfd's log (once per process; nothing happens if another logger is installed, and
/// then a failed dialog is only noticed by [`available`]).
pub fn install_logger() {
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(log::LevelFilter::Warn);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_names_a_choice_and_anything_else_is_explained() {
        assert_eq!(Choice::parse(None), Ok(Choice::Auto));
        assert_eq!(Choice::parse(Some("")), Ok(Choice::Auto));
        assert_eq!(Choice::parse(Some("Builtin")), Ok(Choice::Builtin));
        assert_eq!(Choice::parse(Some(" native ")), Ok(Choice::Native));
        let e = Choice::parse(Some("gtk")).unwrap_err();
        assert!(e.contains("CROSSCHECK_FILE_DIALOG=gtk"), "{e}");
    }

    #[test]
    fn an_error_logged_last_with_nothing_chosen_is_a_failure() {
        use log::Level::{Error, Warn};
        let portal = (Error, "OpenFile failed: ServiceUnknown".to_owned());
        let fallback = (Warn, "Using zenity fallback".to_owned());
        let zenity = (
            Error,
            "Failed to pick file with zenity: No such file".to_owned(),
        );
        // Portal and zenity both failed.
        let all = [portal.clone(), fallback.clone(), zenity];
        assert_eq!(
            failure(&[], &all).as_deref(),
            Some("Failed to pick file with zenity: No such file")
        );
        // The portal failed, zenity opened and the user cancelled: no failure.
        assert_eq!(failure(&[], &[portal.clone(), fallback]), None);
        // Cancelled without a word, or chosen despite an error.
        assert_eq!(failure(&[], &[]), None);
        assert_eq!(failure(&[PathBuf::from("/a")], &[portal]), None);
    }

    #[test]
    fn rfd_errors_logged_on_this_thread_are_captured_and_others_ignored() {
        install_logger();
        let ((), logged) = capture(|| {
            log::error!(target: "rfd::backend::xdg_desktop_portal", "Can't connect to a portal");
            log::error!(target: "wgpu_core", "not ours");
            std::thread::spawn(|| log::error!(target: "rfd", "another thread"))
                .join()
                .ok();
        });
        assert_eq!(
            logged,
            [(log::Level::Error, "Can't connect to a portal".to_owned())]
        );
        let ((), after) = capture(|| ());
        assert!(after.is_empty());
    }
}
