//! The desktop app: window, menus, panels. Panels return commands; `apply` is the one place that
//! changes the project, records undo and marks it unsaved. Files are read and written by tasks.

mod claims_ui;
mod compare_pictures;
mod compare_ui;
mod dialogs;
mod file_dialog;
mod library_ui;
mod map_labels;
mod native_dialog;
mod reader_ui;
mod sample;
mod tasks;
mod wide_table;

pub use claims_ui::{ClaimsView, SortBy, rows as claims_rows};
pub use compare_pictures::{DEFAULT_LANES, PlaceKey};
pub use native_dialog::{CHOICE_VAR as FILE_DIALOG_VAR, Choice as FileDialogChoice};
pub use sample::sample_project;
pub use tasks::{AfterSave, Done, LoadedProject, Progress, Tasks};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::analysis::{self, Analysis};
use crate::model::{ArticleId, ClaimId, Edit, Patch, Project, Touches};
use crate::{compare, export, ingest, project};

/// How often unsaved work is written to the recovery file.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);
const MAX_UNDO: usize = 200;
/// How often streamed analysis results are shown while an analysis runs (each showing
/// rebuilds the claim table and the comparison).
const STREAM_EVERY: Duration = Duration::from_millis(400);
const MAX_RECENT: usize = 10;
const MAX_RECENT_FOLDERS: usize = 8;

/// The main panels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Reader,
    Claims,
    Comparison,
}

/// What the app remembers between runs (in eframe's storage, never in the project).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub dark: bool,
    pub tab: Tab,
    /// Always use the built-in file dialog, never the desktop's.
    pub builtin_file_dialog: bool,
    /// Folders files were last chosen in, newest first (the built-in dialog's places).
    pub recent_folders: Vec<PathBuf>,
}

/// Export formats offered in the menu: the core's list.
pub use crate::export::Kind as ExportKind;

/// What a file picker was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Open,
    SaveAs,
    Import,
    ImportFolder,
    Merge,
    Export(ExportKind),
}

/// Everything a panel can ask for.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // a handful per frame, consumed at once: boxing buys nothing
pub enum Command {
    Edit(Edit),
    New,
    Open(PathBuf),
    Save,
    SaveAs(PathBuf),
    Import(Vec<PathBuf>),
    Merge(PathBuf),
    Export(ExportKind, PathBuf),
    /// Ask the user for a file, on a worker thread.
    Pick(Pick),
    Undo,
    Redo,
    Quit,
    CancelImport,
    /// Stop the running analysis; it starts again with the next change.
    CancelAnalysis,
    SelectArticle(ArticleId),
    /// Open a claim in the reader with its sentence highlighted.
    ShowClaim(ArticleId, ClaimId),
    SetTab(Tab),
    ToggleTheme,
    /// Use the built-in file dialog always (true) or only where the desktop has none.
    SetBuiltinFileDialog(bool),
    CloseDialog,
    /// Answer to the unsaved-changes prompt.
    Unsaved(UnsavedAnswer),
    /// Answer to the recovery prompt.
    Recover(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// A modal dialog.
#[derive(Clone, Debug)]
pub enum Dialog {
    Unsaved(AfterSave),
    Recover {
        recovered: Box<Project>,
    },
    Message {
        title: String,
        text: String,
    },
    /// Review of the differences a merge found.
    Conflicts,
}

/// View state of the panels.
#[derive(Default)]
pub struct ViewState {
    pub tab: Tab,
    pub selected: Option<ArticleId>,
    pub library_filter: String,
    pub highlight: Option<(ArticleId, ClaimId)>,
    /// Scroll the reader to this document line on the next frame.
    pub scroll_to_line: Option<usize>,
    pub claims: claims_ui::ClaimsView,
    pub compare: compare_ui::CompareView,
    pub reader: reader_ui::ReaderView,
    pub library: library_ui::LibraryView,
}

/// The application state.
pub struct App {
    pub project: Project,
    pub path: Option<PathBuf>,
    generation: u64,
    saved_generation: u64,
    recovery_generation: u64,
    /// What the file at `path` held when it was opened or last saved.
    disk_stamp: Option<project::DiskStamp>,
    pub analysis: Arc<Analysis>,
    analysis_generation: Option<u64>,
    /// Bumped whenever `analysis` is replaced: the key of caches derived from it.
    /// (An `Arc` address is not: a freed analysis's address can be reused.)
    analysis_serial: u64,
    /// Per-article analysis results kept between runs (an edit recomputes what it touched).
    analysis_cache: Arc<Mutex<analysis::Cache>>,
    /// The generation whose analysis the user cancelled: not started again until a change.
    analysis_cancelled: Option<u64>,
    /// Streamed results not shown yet, and when results were last shown.
    streamed: Vec<analysis::Batch>,
    last_streamed: Instant,
    /// Undo and redo steps: each holds what its edit touched, as it was.
    undo: Vec<Patch>,
    redo: Vec<Patch>,
    pub tasks: Tasks,
    pub view: ViewState,
    pub settings: Settings,
    pub dialog: Option<Dialog>,
    /// The last status message.
    pub status: String,
    last_recovery: Instant,
    /// Where an untitled project's recovery file goes.
    untitled_recovery: Option<PathBuf>,
    commands: Vec<Command>,
    /// The desktop's file dialog, open on a worker thread.
    pending_pick: Option<(Pick, std::sync::mpsc::Receiver<native_dialog::Outcome>)>,
    /// The built-in file dialog, when open.
    file_dialog: Option<file_dialog::FileDialog>,
    /// Which file dialog the environment asks for (`CROSSCHECK_FILE_DIALOG`).
    pub file_dialog_choice: FileDialogChoice,
    /// Why the desktop's file dialog could not open, once it failed: the built-in one is used
    /// from then on.
    native_unavailable: Option<String>,
    /// What to do after a Save As that the unsaved-changes prompt asked for.
    after_save_as: Option<AfterSave>,
    /// Whether to open file dialogs at all (off for headless use: picks wait for
    /// [`App::answer_pick`]).
    pub file_dialogs: bool,
    unanswered_pick: Option<Pick>,
    quit_confirmed: bool,
    theme_applied: Option<bool>,
}

impl App {
    /// A new app with the given project path, or the sample project when none is given.
    pub fn new(path: Option<PathBuf>, settings: Settings, storage_dir: Option<PathBuf>) -> Self {
        // Build the place index and claimant lexicon in the background while the window opens.
        let _ = std::thread::Builder::new()
            .name("crosscheck-warmup".into())
            .spawn(|| {
                crate::places::index();
                crate::claims::lexicon();
            });
        let mut app = Self {
            project: Project::default(),
            path: None,
            generation: 0,
            saved_generation: 0,
            recovery_generation: 0,
            disk_stamp: None,
            analysis: Arc::new(Analysis::default()),
            analysis_generation: None,
            analysis_serial: 0,
            analysis_cache: Arc::default(),
            analysis_cancelled: None,
            streamed: Vec::new(),
            last_streamed: Instant::now(),
            undo: Vec::new(),
            redo: Vec::new(),
            tasks: Tasks::new(),
            view: ViewState {
                tab: settings.tab,
                ..ViewState::default()
            },
            settings,
            dialog: None,
            status: String::new(),
            last_recovery: Instant::now(),
            untitled_recovery: storage_dir.map(|d| d.join("untitled.ron.recovery")),
            commands: Vec::new(),
            pending_pick: None,
            file_dialog: None,
            file_dialog_choice: FileDialogChoice::Auto,
            native_unavailable: None,
            after_save_as: None,
            file_dialogs: true,
            unanswered_pick: None,
            quit_confirmed: false,
            theme_applied: None,
        };
        match path {
            Some(p) => app.start_load(p),
            None => {
                app.project = sample_project();
                app.status =
                    "Sample project: five articles. Drop files on the window to import your own."
                        .into();
                app.view.selected = app.project.articles.keys().next().cloned();
                if let Some(r) = app.untitled_recovery.clone() {
                    match project::take_recovery(&r, None) {
                        Ok(Some(rec)) => {
                            app.dialog = Some(Dialog::Recover {
                                recovered: Box::new(rec),
                            });
                        }
                        Ok(None) => {}
                        Err(e) => app.error("Damaged recovery file", e.to_string()),
                    }
                }
            }
        }
        app
    }

    /// Whether the user asked to quit and nothing stands in the way.
    pub fn quit_requested(&self) -> bool {
        self.quit_confirmed
    }

    /// Whether there are unsaved changes.
    pub fn dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    /// Queue a command (applied at the end of the frame, or by [`App::apply_pending`]).
    pub fn command(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// Apply queued commands and pick up finished background work.
    pub fn apply_pending(&mut self) {
        for d in self.tasks.poll() {
            self.finish(d);
        }
        let cmds = std::mem::take(&mut self.commands);
        for c in cmds {
            self.apply(c);
        }
        self.schedule_background();
    }

    /// Wait until all background work is done and applied (tests; never in a frame).
    pub fn wait_for_background(&mut self) {
        loop {
            self.apply_pending();
            match self.tasks.wait_one() {
                Some(d) => self.finish(d),
                None => {
                    if self.analysis_generation == Some(self.generation)
                        || self.project.articles.is_empty() && self.analysis_generation.is_some()
                    {
                        break;
                    }
                    self.schedule_background();
                    if !self.tasks.busy() {
                        break;
                    }
                }
            }
        }
        self.apply_pending();
    }

    fn mark_changed(&mut self) {
        self.generation += 1;
    }

    /// Undo (or redo) one edit: the current project goes on the other stack.
    fn step_history(&mut self, redo: bool) {
        let (from, to) = if redo {
            (&mut self.redo, &mut self.undo)
        } else {
            (&mut self.undo, &mut self.redo)
        };
        if let Some(patch) = from.pop() {
            to.push(patch.restore(&mut self.project));
            self.mark_changed();
            self.status = if redo { "Redone." } else { "Undone." }.into();
        }
    }

    /// Apply an edit with undo: the step saves only what the edit touches.
    fn edit(&mut self, e: Edit) {
        let before = Patch::capture(&self.project, &e.touches(&self.project));
        if e.apply(&mut self.project) {
            self.push_undo(before);
            self.mark_changed();
        }
    }

    fn push_undo(&mut self, step: Patch) {
        self.undo.push(step);
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn replace_project(&mut self, p: Project, path: Option<PathBuf>, dirty: bool) {
        self.project = p;
        if path != self.path {
            self.disk_stamp = None;
        }
        self.path = path;
        self.undo.clear();
        self.redo.clear();
        self.generation += 1;
        self.saved_generation = if dirty { 0 } else { self.generation };
        self.recovery_generation = self.saved_generation;
        self.analysis = Arc::new(Analysis::default());
        self.analysis_serial += 1;
        self.analysis_generation = None;
        // Another project: what was cached for the last one is of no use.
        self.analysis_cache = Arc::default();
        self.view.selected = self.project.articles.keys().next().cloned();
        self.view.highlight = None;
    }

    fn recovery_file(&self) -> Option<PathBuf> {
        match &self.path {
            Some(p) => Some(project::recovery_path(p)),
            None => self.untitled_recovery.clone(),
        }
    }

    fn add_recent(&mut self, p: &Path) {
        let p = p.to_path_buf();
        self.settings.recent.retain(|r| r != &p);
        self.settings.recent.insert(0, p);
        self.settings.recent.truncate(MAX_RECENT);
    }

    fn error(&mut self, title: &str, text: String) {
        self.status = text.clone();
        self.dialog = Some(Dialog::Message {
            title: title.to_owned(),
            text,
        });
    }

    fn start_load(&mut self, path: PathBuf) {
        self.status = format!("Opening {}…", path.display());
        self.tasks.spawn("load", move || {
            let result = project::open(&path).map_err(|e| e.to_string()).map(|o| {
                let mut warnings = o.warnings;
                let recovered = match project::take_recovery(
                    &project::recovery_path(&path),
                    Some(&o.project),
                ) {
                    Ok(r) => r,
                    Err(e) => {
                        warnings.push(e.to_string());
                        None
                    }
                };
                LoadedProject {
                    project: o.project,
                    stamp: o.stamp,
                    recovered,
                    warnings,
                }
            });
            Done::Loaded { path, result }
        });
    }

    fn start_save(&mut self, path: PathBuf, then: AfterSave) {
        let snapshot = self.project.clone();
        let generation = self.generation;
        let recovery = self.recovery_file();
        self.tasks.saving = true;
        self.status = format!("Saving {}…", path.display());
        // Saving over the file that was opened: refused if someone else changed it since.
        let since = self
            .disk_stamp
            .filter(|_| self.path.as_ref() == Some(&path));
        self.tasks.spawn("save", move || {
            let result = match since {
                Some(s) => project::save_over(&path, &snapshot, &s),
                None => project::save(&path, &snapshot),
            }
            .map_err(|e| e.to_string());
            if result.is_ok()
                && let Some(r) = recovery
            {
                project::discard_recovery(&r);
            }
            Done::Saved {
                path,
                generation,
                result,
                then,
            }
        });
    }

    fn start_import(&mut self, paths: Vec<PathBuf>) {
        if self.tasks.import.is_some() {
            self.status = "An import is already running.".into();
            return;
        }
        let progress = Arc::new(Progress::default());
        self.tasks.import = Some(progress.clone());
        self.status = "Importing…".into();
        self.tasks.spawn("import", move || {
            let collected = ingest::collect_files(&paths);
            let files = collected.files;
            progress
                .total
                .store(files.len(), std::sync::atomic::Ordering::Relaxed);
            let mut articles = Vec::new();
            // What could not be looked at is shown with the files that failed.
            let mut errors: Vec<String> =
                collected.problems.iter().map(ToString::to_string).collect();
            let mut cancelled = false;
            for f in &files {
                if progress.cancel.load(std::sync::atomic::Ordering::Relaxed) {
                    cancelled = true;
                    break;
                }
                match ingest::import_path(f) {
                    Ok(a) => articles.extend(a),
                    Err(e) => errors.push(e.to_string()),
                }
                progress
                    .done
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Done::Imported {
                articles,
                errors,
                files: files.len(),
                cancelled,
            }
        });
    }

    /// Ask the user for a file: the desktop's dialog on a worker thread, or the built-in one
    /// where the desktop has none, it failed, or the user prefers it.
    fn start_pick(&mut self, pick: Pick) {
        if !self.file_dialogs {
            // Headless (tests): the pick waits for `answer_pick`.
            self.unanswered_pick = Some(pick);
            return;
        }
        if self.pending_pick.is_some() || self.file_dialog.is_some() {
            self.status = "A file dialog is already open.".into();
            return;
        }
        let probe = match self.file_dialog_choice {
            FileDialogChoice::Builtin => return self.open_builtin_dialog(pick, None),
            FileDialogChoice::Native => false,
            FileDialogChoice::Auto if self.settings.builtin_file_dialog => {
                return self.open_builtin_dialog(pick, None);
            }
            FileDialogChoice::Auto => {
                if let Some(why) = self.native_unavailable.clone() {
                    return self.open_builtin_dialog(pick, Some(why));
                }
                true
            }
        };
        let req = native_dialog::Request {
            pick,
            start_dir: self.pick_start_dir(),
            file_name: self.pick_file_name(pick),
            probe,
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = self.tasks.context();
        let spawned = std::thread::Builder::new()
            .name("crosscheck-pick".into())
            .spawn(move || {
                let _ = tx.send(native_dialog::run(&req));
                if let Some(c) = ctx {
                    c.request_repaint();
                }
            });
        match spawned {
            Ok(_) => self.pending_pick = Some((pick, rx)),
            Err(e) => self.open_builtin_dialog(
                pick,
                Some(format!(
                    "The desktop's file dialog could not be started ({e})"
                )),
            ),
        }
    }

    /// Where a file dialog starts: the project's folder, else the last folder used, else home.
    fn pick_start_dir(&self) -> Option<PathBuf> {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| self.settings.recent_folders.first().cloned())
    }

    /// The name a save dialog offers.
    fn pick_file_name(&self, pick: Pick) -> String {
        let stem = self.path.as_ref().and_then(|p| p.file_stem()).map_or_else(
            || "crosscheck".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        match pick {
            Pick::SaveAs => format!("{stem}.ron"),
            Pick::Export(k) => format!("{stem}.{}", k.extension()),
            _ => String::new(),
        }
    }

    /// Open the built-in dialog; `why` says why the desktop's is not used.
    fn open_builtin_dialog(&mut self, pick: Pick, why: Option<String>) {
        let dir = self
            .pick_start_dir()
            .or_else(std::env::home_dir)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        if let Some(why) = &why {
            self.status = format!("Built-in file dialog: {why}.");
        }
        let note = why.map(|w| format!("Crosscheck shows its own file dialog: {w}."));
        self.file_dialog = Some(file_dialog::FileDialog::new(
            pick,
            dir,
            self.pick_file_name(pick),
            note,
        ));
    }

    /// The places the built-in dialog offers: home, the project's folder, recent folders.
    fn file_dialog_places(&self) -> Vec<file_dialog::Place> {
        let mut out: Vec<file_dialog::Place> = Vec::new();
        let mut add = |name: String, dir: PathBuf| {
            if !out.iter().any(|p| p.dir == dir) {
                out.push(file_dialog::Place { name, dir });
            }
        };
        if let Some(h) = std::env::home_dir() {
            add("Home".into(), h);
        }
        if let Some(d) = self.path.as_ref().and_then(|p| p.parent()) {
            add("Project folder".into(), d.to_path_buf());
        }
        for d in &self.settings.recent_folders {
            let name = d.file_name().map_or_else(
                || d.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            add(name, d.clone());
        }
        add("Root (/)".into(), PathBuf::from("/"));
        out
    }

    /// What the built-in dialog asked for.
    fn file_dialog_reply(&mut self, r: file_dialog::Reply) {
        match r {
            file_dialog::Reply::List { serial, dir } => {
                self.tasks.spawn("list-folder", move || Done::Listed {
                    serial,
                    result: crate::folder::list(&dir, crate::folder::MAX_ENTRIES),
                });
            }
            file_dialog::Reply::Chosen(paths) => {
                if let Some(d) = self.file_dialog.take() {
                    self.picked(d.pick, paths);
                }
            }
            file_dialog::Reply::Cancelled => {
                if let Some(d) = self.file_dialog.take() {
                    self.picked(d.pick, Vec::new());
                }
            }
        }
    }

    fn add_recent_folder(&mut self, pick: Pick, first: &Path) {
        let dir = if pick == Pick::ImportFolder {
            Some(first)
        } else {
            first.parent()
        };
        if let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            let d = d.to_path_buf();
            self.settings.recent_folders.retain(|r| r != &d);
            self.settings.recent_folders.insert(0, d);
            self.settings.recent_folders.truncate(MAX_RECENT_FOLDERS);
        }
    }

    fn apply(&mut self, c: Command) {
        match c {
            Command::Edit(e) => self.edit(e),
            Command::New => {
                if self.dirty() {
                    self.dialog = Some(Dialog::Unsaved(AfterSave::New));
                } else {
                    self.replace_project(Project::default(), None, false);
                    self.status = "New project.".into();
                }
            }
            Command::Open(p) => {
                if self.dirty() && !self.quit_confirmed {
                    self.dialog = Some(Dialog::Unsaved(AfterSave::Open(Some(p))));
                } else {
                    self.start_load(p);
                }
            }
            Command::Save => match self.path.clone() {
                Some(p) => self.start_save(p, AfterSave::Nothing),
                None => self.start_pick(Pick::SaveAs),
            },
            Command::SaveAs(p) => {
                let p = if p.extension().is_none() {
                    p.with_extension("ron")
                } else {
                    p
                };
                let then = self.after_save_as.take().unwrap_or(AfterSave::Nothing);
                self.start_save(p, then);
            }
            Command::Import(paths) => self.start_import(paths),
            Command::Merge(path) => {
                self.status = format!("Reading {} to merge…", path.display());
                self.tasks.spawn("merge", move || {
                    let result = project::load(&path).map_err(|e| e.to_string());
                    Done::MergeLoaded { path, result }
                });
            }
            Command::Export(kind, path) => {
                let p = self.project.clone();
                let an = self.analysis.clone();
                let window = self.view.compare.options;
                let project_path = self.path.clone();
                self.tasks.spawn("export", move || {
                    let cmp = compare::compare_project(&p, &an, &window);
                    let name = project_path
                        .as_deref()
                        .and_then(std::path::Path::file_stem)
                        .map_or_else(
                            || "Crosscheck project".to_owned(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                    let result = project::write_export_with(&path, project_path.as_deref(), |w| {
                        export::write(kind, &p, &an, &cmp, &name, w).map_err(std::io::Error::other)
                    })
                    .map_err(|e| e.to_string());
                    Done::Exported { path, result }
                });
            }
            Command::Pick(p) => self.start_pick(p),
            Command::Undo => self.step_history(false),
            Command::Redo => self.step_history(true),
            Command::Quit => {
                if self.dirty() && !self.quit_confirmed {
                    self.dialog = Some(Dialog::Unsaved(AfterSave::Quit));
                } else {
                    self.quit_confirmed = true;
                }
            }
            Command::CancelImport => {
                if let Some(p) = &self.tasks.import {
                    p.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
            Command::CancelAnalysis => {
                if let Some(c) = &self.tasks.analysis_control {
                    c.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                    self.analysis_cancelled = Some(self.generation);
                    self.status = "Analysis cancelled; it resumes with the next change.".into();
                }
            }
            Command::SelectArticle(id) => {
                self.view.selected = Some(id);
                self.view.tab = Tab::Reader;
            }
            Command::ShowClaim(a, c) => {
                let line = self.analysis.articles.get(&a).and_then(|an| {
                    an.claims
                        .iter()
                        .find(|x| x.id == c)
                        .map(|x| an.doc.line_at(x.span.0))
                });
                self.view.selected = Some(a.clone());
                self.view.highlight = Some((a, c));
                self.view.scroll_to_line = line;
                self.view.tab = Tab::Reader;
            }
            Command::SetTab(t) => {
                self.view.tab = t;
                self.settings.tab = t;
            }
            Command::ToggleTheme => self.settings.dark = !self.settings.dark,
            Command::SetBuiltinFileDialog(on) => {
                self.settings.builtin_file_dialog = on;
                self.status = if on {
                    "File dialogs: the built-in one, always.".into()
                } else {
                    "File dialogs: the desktop's, where it has one.".into()
                };
            }
            Command::CloseDialog => self.dialog = None,
            Command::Unsaved(answer) => {
                let Some(Dialog::Unsaved(then)) = self.dialog.take() else {
                    return;
                };
                match answer {
                    UnsavedAnswer::Cancel => {}
                    UnsavedAnswer::Save => match self.path.clone() {
                        Some(p) => self.start_save(p, then),
                        None => {
                            // Resume the quit/open/new once the project has a name and is saved.
                            self.after_save_as = Some(then);
                            self.start_pick(Pick::SaveAs);
                        }
                    },
                    UnsavedAnswer::Discard => {
                        if let Some(r) = self.recovery_file() {
                            project::discard_recovery(&r);
                        }
                        self.saved_generation = self.generation;
                        self.after_save(then);
                    }
                }
            }
            Command::Recover(yes) => {
                let Some(Dialog::Recover { recovered }) = self.dialog.take() else {
                    return;
                };
                if yes {
                    let before = std::mem::replace(&mut self.project, *recovered);
                    let step = Patch::replaced(before, &self.project);
                    self.push_undo(step);
                    self.mark_changed();
                    self.view.selected = self.project.articles.keys().next().cloned();
                    self.status = "Recovered the unsaved changes. Save to keep them.".into();
                } else if let Some(r) = self.recovery_file() {
                    project::discard_recovery(&r);
                }
            }
        }
    }

    fn after_save(&mut self, then: AfterSave) {
        match then {
            AfterSave::Nothing => {}
            AfterSave::Quit => self.quit_confirmed = true,
            AfterSave::Open(Some(p)) => self.start_load(p),
            AfterSave::Open(None) => self.start_pick(Pick::Open),
            AfterSave::New => self.replace_project(Project::default(), None, false),
        }
    }

    fn finish(&mut self, d: Done) {
        match d {
            Done::Loaded { path, result } => match result {
                Ok(loaded) => {
                    self.replace_project(loaded.project, Some(path.clone()), false);
                    self.disk_stamp = Some(loaded.stamp);
                    self.add_recent(&path);
                    self.status = format!(
                        "Opened {} ({} articles).",
                        path.display(),
                        self.project.articles.len()
                    );
                    if let Some(r) = loaded.recovered {
                        self.dialog = Some(Dialog::Recover {
                            recovered: Box::new(r),
                        });
                    }
                    if !loaded.warnings.is_empty() {
                        let text = loaded.warnings.join("\n\n");
                        if self.dialog.is_none() {
                            self.dialog = Some(Dialog::Message {
                                title: format!("Opened {}", path.display()),
                                text: text.clone(),
                            });
                        }
                        self.status = format!("{} {text}", self.status);
                    }
                }
                Err(e) => self.error("Could not open the project", e),
            },
            Done::Saved {
                path,
                generation,
                result,
                then,
            } => {
                self.tasks.saving = false;
                match result {
                    Ok(stamp) => {
                        self.disk_stamp = Some(stamp);
                        self.saved_generation = generation;
                        self.recovery_generation = generation;
                        self.path = Some(path.clone());
                        self.add_recent(&path);
                        self.status = format!("Saved {}.", path.display());
                        self.after_save(then);
                    }
                    Err(e) => self.error("Could not save", e),
                }
            }
            Done::RecoveryWritten => {}
            Done::Imported {
                articles,
                errors,
                files,
                cancelled,
            } => {
                self.tasks.import = None;
                let n = articles.len();
                let before = self.project.articles.len();
                self.edit(Edit::AddArticles(articles));
                let added = self.project.articles.len() - before;
                if let Some(first) = self.project.articles.keys().next().cloned()
                    && self.view.selected.is_none()
                {
                    self.view.selected = Some(first);
                }
                let mut msg = format!(
                    "Imported {added} new articles from {files} files{}",
                    if n > added {
                        format!(" ({} already in the project)", n - added)
                    } else {
                        String::new()
                    }
                );
                if cancelled {
                    msg.push_str("; cancelled before the end");
                }
                if !errors.is_empty() {
                    msg.push_str(&format!("; {} files or folders skipped", errors.len()));
                    let text = format!("{msg}.\n\n{}", errors.join("\n"));
                    self.dialog = Some(Dialog::Message {
                        title: "Some files were not imported".into(),
                        text,
                    });
                }
                self.status = format!("{msg}.");
            }
            Done::Analyzed {
                generation,
                analysis,
                complete,
            } => {
                self.tasks.analyzing = None;
                self.tasks.analysis_control = None;
                self.streamed.clear();
                if complete {
                    self.analysis = analysis;
                    self.analysis_serial += 1;
                    self.analysis_generation = Some(generation);
                }
            }
            Done::AnalyzedPart { generation, batch } => {
                // Results stream in while the analysis of the current version runs.
                if generation == self.generation {
                    self.streamed.push(batch);
                    self.show_streamed();
                }
            }
            Done::MergeLoaded { path, result } => match result {
                Ok(other) => {
                    let before = Patch::capture(&self.project, &Touches::merge_of(&other));
                    let summary =
                        project::merge(&mut self.project, &other, &path.display().to_string());
                    self.push_undo(before);
                    self.mark_changed();
                    self.status = format!("Merged {}.", path.display());
                    self.dialog = Some(Dialog::Message {
                        title: "Merged".into(),
                        text: format!("Merged {}:\n{summary}.", path.display()),
                    });
                }
                Err(e) => self.error("Could not merge", e),
            },
            Done::Compared {
                analysis,
                options,
                comparisons,
            } => {
                let v = &mut self.view.compare;
                if v.computing == Some((analysis, options)) {
                    v.computing = None;
                }
                v.result = Some((analysis, options, comparisons));
            }
            Done::Statements {
                analysis,
                statements,
            } => {
                let v = &mut self.view.claims;
                if v.statements_computing == Some(analysis) {
                    v.statements_computing = None;
                }
                v.statements = Some((analysis, statements));
            }
            Done::Listed { serial, result } => {
                if let Some(d) = &mut self.file_dialog {
                    d.listed(serial, result);
                }
            }
            Done::Exported { path, result } => match result {
                Ok(()) => self.status = format!("Exported {}.", path.display()),
                Err(e) => self.error("Could not export", e),
            },
        }
    }

    /// Show the streamed results, at most every `STREAM_EVERY`.
    fn show_streamed(&mut self) {
        if self.streamed.is_empty() || self.last_streamed.elapsed() < STREAM_EVERY {
            return;
        }
        self.last_streamed = Instant::now();
        let an = Arc::make_mut(&mut self.analysis);
        for batch in self.streamed.drain(..) {
            an.articles.extend(batch);
        }
        self.analysis_serial += 1;
    }

    /// Cluster the claims into statements for the claim table when the analysis changed and
    /// the table is shown; one task at a time, the last result serving until the next.
    fn schedule_statements(&mut self) {
        let v = &mut self.view.claims;
        let serial = self.analysis_serial;
        if self.view.tab != Tab::Claims
            || v.statements_computing.is_some()
            || v.statements.as_ref().is_some_and(|(s, _)| *s == serial)
        {
            return;
        }
        v.statements_computing = Some(serial);
        let an = self.analysis.clone();
        self.tasks.spawn("statements", move || Done::Statements {
            analysis: serial,
            statements: Arc::new(compare::statements(&an)),
        });
    }

    /// Start analysis, clustering and recovery writes when they are due.
    fn schedule_background(&mut self) {
        self.show_streamed();
        self.schedule_statements();
        let due = self.analysis_generation != Some(self.generation)
            && self.analysis_cancelled != Some(self.generation);
        if due && let Some(c) = &self.tasks.analysis_control {
            // A newer version waits: stop the run (what it finished stays cached).
            if self.tasks.analyzing != Some(self.generation) {
                c.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        } else if due {
            let snapshot = self.project.clone();
            let generation = self.generation;
            let control = Arc::new(analysis::Control::default());
            let cache = self.analysis_cache.clone();
            self.tasks.analyzing = Some(generation);
            self.tasks.analysis_control = Some(control.clone());
            self.tasks.spawn_streaming("analyze", move |send| {
                let mut cache = cache
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let analysis = cache.analyze(&snapshot, &control, |batch| {
                    send(Done::AnalyzedPart { generation, batch });
                });
                let complete = !control.cancel.load(std::sync::atomic::Ordering::Relaxed);
                Done::Analyzed {
                    generation,
                    analysis: Arc::new(analysis),
                    complete,
                }
            });
        }
        if self.dirty()
            && self.recovery_generation != self.generation
            && self.last_recovery.elapsed() >= AUTOSAVE_EVERY
            && let Some(r) = self.recovery_file()
        {
            self.last_recovery = Instant::now();
            self.recovery_generation = self.generation;
            let snapshot = self.project.clone();
            self.tasks.spawn("recovery", move || {
                let _ = project::write_recovery(&r, &snapshot);
                Done::RecoveryWritten
            });
        }
    }

    /// Draw the whole window. Called by eframe and by the UI tests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.tasks.set_context(&ctx);
        if self.theme_applied != Some(self.settings.dark) {
            ctx.set_visuals(if self.settings.dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            });
            self.theme_applied = Some(self.settings.dark);
        }
        self.poll_pick();
        if self.file_dialog.is_none() {
            // A file dialog keeps the keyboard: Ctrl+Z must not change the project behind it.
            self.shortcuts(&ctx);
        }
        self.handle_drops(&ctx);
        self.menu_bar(ui);
        self.status_bar(ui);
        library_ui::show(ui, self);
        egui::CentralPanel::default().show(ui, |ui| match self.view.tab {
            Tab::Reader => reader_ui::show(ui, self),
            Tab::Claims => claims_ui::show(ui, self),
            Tab::Comparison => compare_ui::show(ui, self),
        });
        dialogs::show(&ctx, self);
        if self.file_dialog.is_some() {
            let places = self.file_dialog_places();
            let replies = self
                .file_dialog
                .as_mut()
                .map(|d| file_dialog::show(&ctx, d, &places))
                .unwrap_or_default();
            for r in replies {
                self.file_dialog_reply(r);
            }
        }
        if !ctx.input(|i| i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop articles to import them, or a .ron project to open it",
                egui::FontId::proportional(22.0),
                egui::Color32::WHITE,
            );
        }
        self.apply_pending();
        if self
            .file_dialog
            .as_ref()
            .is_some_and(file_dialog::FileDialog::has_replies)
        {
            ctx.request_repaint();
        } else if self.tasks.busy() || self.pending_pick.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        } else if self.dirty() {
            ctx.request_repaint_after(AUTOSAVE_EVERY);
        }
    }

    fn poll_pick(&mut self) {
        let Some((pick, rx)) = &self.pending_pick else {
            return;
        };
        let pick = *pick;
        let outcome = match rx.try_recv() {
            Ok(o) => o,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                native_dialog::Outcome::Unavailable(
                    "the desktop's file dialog stopped without an answer".into(),
                )
            }
        };
        self.pending_pick = None;
        match outcome {
            native_dialog::Outcome::Chosen(paths) => self.picked(pick, paths),
            native_dialog::Outcome::Unavailable(why) => {
                self.native_unavailable = Some(why.clone());
                self.open_builtin_dialog(pick, Some(why));
            }
        }
    }

    /// Answer the file dialog the app is waiting for (headless use: tests, scripting).
    pub fn answer_pick(&mut self, paths: Vec<PathBuf>) {
        if let Some(pick) = self.unanswered_pick.take() {
            self.picked(pick, paths);
        }
    }

    fn picked(&mut self, pick: Pick, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            // Cancelled: nothing waits on this pick any more.
            self.after_save_as = None;
            return;
        };
        self.add_recent_folder(pick, &first);
        self.command(match pick {
            Pick::Open => Command::Open(first),
            Pick::SaveAs => Command::SaveAs(first),
            Pick::Import | Pick::ImportFolder => Command::Import(paths),
            Pick::Merge => Command::Merge(first),
            Pick::Export(k) => Command::Export(k, first),
        });
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if ctx.egui_wants_keyboard_input() {
            // Text fields keep their own undo and shortcuts, except saving.
            if ctx.input_mut(|i| {
                i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S))
            }) {
                self.command(Command::Save);
            }
            return;
        }
        let table = [
            (
                KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
                Command::Redo,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
                Command::Undo,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
                Command::Redo,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
                Command::Pick(Pick::SaveAs),
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
                Command::Save,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
                Command::Pick(Pick::Open),
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
                Command::New,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::I),
                Command::Pick(Pick::Import),
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
                Command::Quit,
            ),
        ];
        for (s, c) in table {
            if ctx.input_mut(|i| i.consume_shortcut(&s)) {
                self.command(c);
            }
        }
    }

    fn handle_drops(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if dropped.is_empty() {
            return;
        }
        let paths: Vec<PathBuf> = dropped
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        if paths.len() == 1
            && paths[0]
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        {
            self.command(Command::Open(paths[0].clone()));
        } else if !paths.is_empty() {
            self.command(Command::Import(paths));
        } else {
            self.status =
                "Dropped data without a file path cannot be imported; save it as a file first."
                    .into();
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    if ui.button("New").clicked() {
                        self.command(Command::New);
                    }
                    if ui.button("Open…").clicked() {
                        self.command(Command::Pick(Pick::Open));
                    }
                    ui.menu_button("Open Recent", |ui| {
                        if self.settings.recent.is_empty() {
                            ui.label("No recent projects");
                        }
                        for r in self.settings.recent.clone() {
                            if ui.button(r.display().to_string()).clicked() {
                                self.command(Command::Open(r));
                            }
                        }
                    });
                    ui.separator();
                    if ui.button("Save").clicked() {
                        self.command(Command::Save);
                    }
                    if ui.button("Save As…").clicked() {
                        self.command(Command::Pick(Pick::SaveAs));
                    }
                    ui.separator();
                    if ui.button("Import…").clicked() {
                        self.command(Command::Pick(Pick::Import));
                    }
                    if ui.button("Import Folder…").clicked() {
                        self.command(Command::Pick(Pick::ImportFolder));
                    }
                    if ui.button("Merge…").clicked() {
                        self.command(Command::Pick(Pick::Merge));
                    }
                    ui.menu_button("Export", |ui| {
                        if ui.button("Claims as CSV…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::ClaimsCsv)));
                        }
                        if ui.button("Comparison as CSV…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::ComparisonCsv)));
                        }
                        if ui.button("Analysis as JSON…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::Json)));
                        }
                        if ui.button("Comparison as JSON…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::ComparisonJson)));
                        }
                        if ui.button("Report as Markdown…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::Markdown)));
                        }
                        if ui.button("Report as HTML…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::Html)));
                        }
                        ui.separator();
                        if ui.button("Citations as RIS…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::Ris)));
                        }
                        if ui.button("Citations as BibTeX…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::Bibtex)));
                        }
                        if ui.button("Citations as CSL-JSON…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::CslJson)));
                        }
                        ui.separator();
                        if ui.button("REFI-QDA project (.qdpx)…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::Qdpx)));
                        }
                        if ui.button("REFI-QDA codebook (.qdc)…").clicked() {
                            self.command(Command::Pick(Pick::Export(ExportKind::Qdc)));
                        }
                    });
                    ui.separator();
                    if ui.button("Quit").clicked() {
                        self.command(Command::Quit);
                    }
                });
                ui.menu_button("Edit", |ui| {
                    if ui
                        .add_enabled(!self.undo.is_empty(), egui::Button::new("Undo"))
                        .clicked()
                    {
                        self.command(Command::Undo);
                    }
                    if ui
                        .add_enabled(!self.redo.is_empty(), egui::Button::new("Redo"))
                        .clicked()
                    {
                        self.command(Command::Redo);
                    }
                });
                ui.menu_button("View", |ui| {
                    let label = if self.settings.dark {
                        "Light theme"
                    } else {
                        "Dark theme"
                    };
                    if ui.button(label).clicked() {
                        self.command(Command::ToggleTheme);
                    }
                    ui.separator();
                    let forced = self.file_dialog_choice != FileDialogChoice::Auto;
                    let mut builtin = match self.file_dialog_choice {
                        FileDialogChoice::Builtin => true,
                        FileDialogChoice::Native => false,
                        FileDialogChoice::Auto => self.settings.builtin_file_dialog,
                    };
                    let r = ui
                        .add_enabled(
                            !forced,
                            egui::Checkbox::new(&mut builtin, "Use built-in file dialog"),
                        )
                        .on_hover_text(
                            "Crosscheck's own file dialog instead of the desktop's. \
                             Without this, it is used only where the desktop has none.",
                        )
                        .on_disabled_hover_text(format!(
                            "Set by the environment variable {}",
                            native_dialog::CHOICE_VAR
                        ));
                    if r.changed() {
                        self.command(Command::SetBuiltinFileDialog(builtin));
                    }
                });
                ui.separator();
                for (t, name) in [
                    (Tab::Reader, "Reader"),
                    (Tab::Claims, "Claims"),
                    (Tab::Comparison, "Comparison"),
                ] {
                    if ui.selectable_label(self.view.tab == t, name).clicked() {
                        self.command(Command::SetTab(t));
                    }
                }
            });
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
                    || "Untitled".to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                );
                ui.label(if self.dirty() {
                    format!("* {name} (unsaved changes)")
                } else {
                    name
                });
                ui.separator();
                let claims = self.analysis.claim_count();
                ui.label(format!(
                    "{} articles · {claims} claims",
                    self.project.articles.len()
                ));
                if !self.project.merge_conflicts.is_empty() {
                    ui.separator();
                    let text = egui::RichText::new(format!(
                        "{} merge conflicts",
                        self.project.merge_conflicts.len()
                    ))
                    .color(egui::Color32::from_rgb(200, 120, 0));
                    if ui
                        .button(text)
                        .on_hover_text("Review what the merged projects disagreed on")
                        .clicked()
                    {
                        self.dialog = Some(Dialog::Conflicts);
                    }
                }
                if let Some(p) = self.tasks.import.clone() {
                    ui.separator();
                    ui.add(
                        egui::ProgressBar::new(p.fraction())
                            .desired_width(160.0)
                            .show_percentage(),
                    );
                    if ui.button("Cancel import").clicked() {
                        self.command(Command::CancelImport);
                    }
                }
                if let Some(c) = self.tasks.analysis_control.clone() {
                    ui.separator();
                    ui.label("Analysing");
                    ui.add(
                        egui::ProgressBar::new(c.fraction())
                            .desired_width(120.0)
                            .show_percentage(),
                    );
                    if ui.button("Cancel analysis").clicked() {
                        self.command(Command::CancelAnalysis);
                    }
                }
                if self.tasks.saving {
                    ui.separator();
                    ui.label("Saving…");
                }
                ui.separator();
                ui.label(egui::RichText::new(&self.status).weak());
            });
        });
    }
}

/// eframe glue: persistence of settings and the close prompt.
struct NativeApp {
    app: App,
}

const SETTINGS_KEY: &str = "crosscheck-settings";

impl eframe::App for NativeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.app.quit_confirmed {
            if self.app.dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.app.dialog = Some(Dialog::Unsaved(AfterSave::Quit));
            } else {
                self.app.quit_confirmed = true;
            }
        }
        self.app.show(ui);
        if self.app.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.app.settings);
    }
}

/// Open the window.
pub fn run_native(path: Option<PathBuf>) -> anyhow::Result<()> {
    native_dialog::install_logger();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Crosscheck")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Crosscheck",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            let dir = eframe::storage_dir("Crosscheck");
            let choice_var = std::env::var(native_dialog::CHOICE_VAR).ok();
            let choice = FileDialogChoice::parse(choice_var.as_deref()).unwrap_or_else(|e| {
                eprintln!("crosscheck: {e}");
                FileDialogChoice::Auto
            });
            // Without a project on the command line, reopen the last one; the sample otherwise.
            let path = path.or_else(|| settings.recent.first().filter(|p| p.exists()).cloned());
            let mut app = App::new(path, settings, dir);
            app.file_dialog_choice = choice;
            Ok(Box::new(NativeApp { app }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
