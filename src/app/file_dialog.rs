//! The built-in file dialog, drawn in egui, for desktops whose own dialog cannot open: a folder
//! path to type, places, the folder's entries (read by a task, never on the UI thread), a name
//! to save under with a question before replacing a file. It draws and returns [`Reply`]s.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use egui_extras::{Column, TableBuilder};

use super::Pick;
use crate::folder::{self, Entry, Filter, FolderError, Listing};

/// What the dialog asks of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// Read this folder and hand the result to [`FileDialog::listed`] with `serial`.
    List {
        serial: u64,
        dir: PathBuf,
    },
    /// The user chose these (one file, several to import, a folder, or where to save).
    Chosen(Vec<PathBuf>),
    Cancelled,
}

/// A place offered on the left: a name and its folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub dir: PathBuf,
}

enum Content {
    Reading,
    Listed(Listing),
    Failed(String),
}

/// Listings are numbered across dialogs, so a late answer for a closed one is never taken.
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

/// The state of an open built-in dialog.
pub struct FileDialog {
    pub pick: Pick,
    dir: PathBuf,
    path_text: String,
    content: Content,
    serial: u64,
    /// Entries shown (positions in the listing), after the filter.
    visible: Vec<usize>,
    /// Selected entries (positions in the listing).
    selected: Vec<usize>,
    /// Where a Shift-click range starts and the arrow keys move from (a position in `visible`).
    anchor: Option<usize>,
    scroll_to: Option<usize>,
    name: String,
    focus_name: bool,
    all_files: bool,
    hidden: bool,
    /// A file to replace, waiting for the user's yes.
    confirm: Option<PathBuf>,
    /// Select this entry once the folder is read.
    select_after: Option<String>,
    /// Save under `name` once the folder it goes in is read.
    save_after: bool,
    /// Why the built-in dialog is shown (the desktop's failed), if it is not the user's choice.
    note: Option<String>,
    /// What the user should fix (no name typed, a folder that cannot be read).
    problem: Option<String>,
    out: Vec<Reply>,
}

/// The dialog's title.
pub fn title(pick: Pick) -> String {
    match pick {
        Pick::Open => "Open project".into(),
        Pick::SaveAs => "Save project as".into(),
        Pick::Import => "Import articles".into(),
        Pick::ImportFolder => "Import a folder of articles".into(),
        Pick::Merge => "Merge another project into this one".into(),
        Pick::Export(k) => format!("Export as .{}", k.extension()),
    }
}

/// The extensions of the files a pick is for (the first is added to a name saved without one).
fn extensions(pick: Pick) -> Vec<&'static str> {
    match pick {
        Pick::Open | Pick::Merge | Pick::SaveAs => vec!["ron"],
        Pick::Import | Pick::ImportFolder => crate::ingest::ARTICLE_EXTENSIONS.to_vec(),
        Pick::Export(k) => vec![k.extension()],
    }
}

/// What the files shown without "All files" are.
fn described(pick: Pick) -> String {
    match pick {
        Pick::Open | Pick::Merge | Pick::SaveAs => "Crosscheck projects (.ron)".into(),
        Pick::Import | Pick::ImportFolder => "articles (.txt .md .html .json .qdpx …)".into(),
        Pick::Export(k) => format!(".{} files", k.extension()),
    }
}

fn saves(pick: Pick) -> bool {
    matches!(pick, Pick::SaveAs | Pick::Export(_))
}

fn action_label(pick: Pick) -> &'static str {
    match pick {
        Pick::Open => "Open",
        Pick::SaveAs => "Save",
        Pick::Import => "Import",
        Pick::ImportFolder => "Choose folder",
        Pick::Merge => "Merge",
        Pick::Export(_) => "Export",
    }
}

/// `p` with `.` and `..` worked out from the text alone.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// What the user typed, as a path: `~` is the home folder, a relative path is in `dir`.
pub fn typed_path(dir: &Path, text: &str) -> PathBuf {
    let text = text.trim();
    let home = std::env::home_dir();
    let p = match (text.strip_prefix('~'), home) {
        (Some(rest), Some(h)) if rest.is_empty() || rest.starts_with(std::path::is_separator) => {
            h.join(rest.trim_start_matches(std::path::is_separator))
        }
        _ => dir.join(text),
    };
    normalize(&p)
}

/// "1 file", "2 files"; "1 entry", "3 entries".
fn counted(n: usize, word: &str) -> String {
    match (n, word.strip_suffix('y')) {
        (1, _) => format!("1 {word}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {word}s"),
    }
}

fn human_size(n: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if n < 1024 {
        return format!("{n} B");
    }
    #[allow(clippy::cast_precision_loss)] // a size shown to one decimal
    let mut v = n as f64 / 1024.0;
    let mut unit = UNITS[0];
    for u in &UNITS[1..] {
        if v < 1024.0 {
            break;
        }
        v /= 1024.0;
        unit = u;
    }
    format!("{v:.1} {unit}")
}

impl FileDialog {
    /// A dialog for `pick` showing `dir`, offering `name` when saving; `note` says why it
    /// is the built-in one, when that was not the user's choice.
    pub fn new(pick: Pick, dir: PathBuf, name: String, note: Option<String>) -> Self {
        let mut d = Self {
            pick,
            dir: PathBuf::new(),
            path_text: String::new(),
            content: Content::Reading,
            serial: 0,
            visible: Vec::new(),
            selected: Vec::new(),
            anchor: None,
            scroll_to: None,
            name,
            focus_name: saves(pick),
            all_files: false,
            hidden: false,
            confirm: None,
            select_after: None,
            save_after: false,
            note,
            problem: None,
            out: Vec::new(),
        };
        d.go(dir);
        d
    }

    /// Whether replies wait for the next frame (after [`FileDialog::listed`]).
    pub fn has_replies(&self) -> bool {
        !self.out.is_empty()
    }

    /// Show another folder: its listing is asked for.
    fn go(&mut self, dir: PathBuf) {
        self.serial = NEXT_SERIAL.fetch_add(1, Ordering::Relaxed);
        self.path_text = dir.display().to_string();
        self.out.push(Reply::List {
            serial: self.serial,
            dir: dir.clone(),
        });
        self.dir = dir;
        self.content = Content::Reading;
        self.visible.clear();
        self.selected.clear();
        self.anchor = None;
        self.problem = None;
    }

    fn up(&mut self) {
        if let Some(p) = self.dir.parent() {
            let child = self
                .dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            self.go(p.to_path_buf());
            self.select_after = child;
        }
    }

    /// A folder's listing arrived (or could not be read).
    pub fn listed(&mut self, serial: u64, result: Result<Listing, FolderError>) {
        if serial != self.serial {
            return;
        }
        match result {
            Ok(listing) => {
                self.content = Content::Listed(listing);
                self.refilter();
                if let Some(name) = self.select_after.take() {
                    self.select_name(&name);
                }
                if std::mem::take(&mut self.save_after) {
                    self.save();
                }
            }
            Err(FolderError::NotAFolder { path }) if path.parent().is_some() => {
                // A file's path was typed: show its folder with the file selected.
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if saves(self.pick) {
                    self.name.clone_from(&name);
                }
                self.go(path.parent().map(Path::to_path_buf).unwrap_or_default());
                self.select_after = Some(name);
            }
            Err(e) => {
                self.content = Content::Failed(e.to_string());
                self.save_after = false;
                self.select_after = None;
            }
        }
    }

    fn listing(&self) -> Option<&Listing> {
        match &self.content {
            Content::Listed(l) => Some(l),
            _ => None,
        }
    }

    fn entry(&self, i: usize) -> Option<&Entry> {
        self.listing().and_then(|l| l.entries.get(i))
    }

    fn refilter(&mut self) {
        let exts = extensions(self.pick);
        let filter = Filter {
            extensions: &exts,
            all_files: self.all_files,
            hidden: self.hidden,
            folders_only: false,
        };
        self.visible = self
            .listing()
            .map(|l| folder::visible(&l.entries, &filter))
            .unwrap_or_default();
        let visible = &self.visible;
        self.selected.retain(|i| visible.contains(i));
        self.anchor = None;
    }

    fn select_name(&mut self, name: &str) {
        let found = self.visible.iter().position(|&i| {
            self.entry(i)
                .is_some_and(|e| e.name == name && self.selectable(e))
        });
        if let Some(pos) = found {
            self.selected = vec![self.visible[pos]];
            self.anchor = Some(pos);
            self.scroll_to = Some(pos);
        }
    }

    /// Files can be chosen except when a folder is wanted.
    fn selectable(&self, e: &Entry) -> bool {
        e.is_dir || self.pick != Pick::ImportFolder
    }

    /// A click on the entry shown at `pos`: Ctrl adds or removes a file, Shift takes a range
    /// of files (when importing, which takes several).
    fn click(&mut self, pos: usize, ctrl: bool, shift: bool) {
        let Some(&i) = self.visible.get(pos) else {
            return;
        };
        let Some(e) = self.entry(i).cloned().filter(|e| self.selectable(e)) else {
            return;
        };
        let multi = self.pick == Pick::Import && !e.is_dir;
        if multi
            && shift
            && let Some(a) = self.anchor
        {
            let (lo, hi) = (a.min(pos), a.max(pos));
            self.selected = self.visible[lo..=hi]
                .iter()
                .copied()
                .filter(|&j| self.entry(j).is_some_and(|e| !e.is_dir))
                .collect();
        } else if multi && ctrl {
            if let Some(k) = self.selected.iter().position(|&j| j == i) {
                self.selected.remove(k);
            } else {
                let mut files: Vec<usize> = self
                    .selected
                    .iter()
                    .copied()
                    .filter(|&j| self.entry(j).is_some_and(|e| !e.is_dir))
                    .collect();
                files.push(i);
                self.selected = files;
            }
            self.anchor = Some(pos);
        } else {
            self.selected = vec![i];
            self.anchor = Some(pos);
        }
        if saves(self.pick) && !e.is_dir {
            self.name.clone_from(&e.name);
        }
        self.problem = None;
    }

    /// Move the selection with the arrow keys.
    fn step(&mut self, down: bool) {
        if self.visible.is_empty() {
            return;
        }
        let last = self.visible.len() - 1;
        let pos = match self.anchor {
            None => 0,
            Some(a) if down => (a + 1).min(last),
            Some(a) => a.saturating_sub(1),
        };
        self.click(pos, false, false);
        self.scroll_to = Some(pos);
    }

    /// Enter, a double click or the main button: go into a selected folder, else choose.
    fn activate(&mut self) {
        let chosen: Vec<Entry> = self
            .selected
            .iter()
            .filter_map(|&i| self.entry(i).cloned())
            .collect();
        if saves(self.pick) {
            match chosen.as_slice() {
                [e] if e.is_dir && self.name.trim().is_empty() => self.go(e.path.clone()),
                _ => self.save(),
            }
            return;
        }
        match (self.pick, chosen.as_slice()) {
            (Pick::ImportFolder, [e]) => self.out.push(Reply::Chosen(vec![e.path.clone()])),
            (Pick::ImportFolder, _) => {
                if self.listing().is_some() {
                    self.out.push(Reply::Chosen(vec![self.dir.clone()]));
                }
            }
            (_, [e]) if e.is_dir => self.go(e.path.clone()),
            (_, []) => self.problem = Some("Choose a file first.".into()),
            (_, files) => {
                let paths = files
                    .iter()
                    .filter(|e| !e.is_dir)
                    .map(|e| e.path.clone())
                    .collect();
                self.out.push(Reply::Chosen(paths));
            }
        }
    }

    /// Double click or Enter on one entry.
    fn open_entry(&mut self, pos: usize) {
        let Some(e) = self.visible.get(pos).and_then(|&i| self.entry(i)).cloned() else {
            return;
        };
        if e.is_dir {
            self.go(e.path);
        } else {
            self.activate();
        }
    }

    /// Where a save goes: the name typed, in the folder shown, with the pick's extension.
    fn save_target(&self) -> Option<PathBuf> {
        let name = self.name.trim();
        if name.is_empty() {
            return None;
        }
        let mut p = typed_path(&self.dir, name);
        let exts = extensions(self.pick);
        if p.extension().is_none()
            && let Some(ext) = exts.first()
        {
            p.set_extension(ext);
        }
        Some(p)
    }

    /// Save under the name typed: in another folder, that folder is read first; an existing
    /// file is replaced only when the user says so.
    fn save(&mut self) {
        let Some(target) = self.save_target() else {
            self.problem = Some("Type a file name.".into());
            return;
        };
        let (Some(parent), Some(file_name)) = (target.parent(), target.file_name()) else {
            self.problem = Some(format!("Not a file name: {}", target.display()));
            return;
        };
        if parent != self.dir {
            self.name = file_name.to_string_lossy().into_owned();
            self.go(parent.to_path_buf());
            self.save_after = true;
            return;
        }
        match &self.content {
            Content::Reading => self.save_after = true,
            Content::Failed(e) => self.problem = Some(e.clone()),
            Content::Listed(l) => {
                let existing = l.entries.iter().find(|e| e.path == target).cloned();
                match existing {
                    Some(e) if e.is_dir => {
                        self.name.clear();
                        self.go(e.path);
                    }
                    Some(_) => self.confirm = Some(target),
                    None => self.out.push(Reply::Chosen(vec![target])),
                }
            }
        }
    }
}

/// Draw the dialog; what the app should do comes back.
pub fn show(ctx: &egui::Context, d: &mut FileDialog, places: &[Place]) -> Vec<Reply> {
    egui::Modal::new(egui::Id::unique("file-dialog")).show(ctx, |ui| {
        ui.set_width(820.0);
        ui.heading(title(d.pick));
        path_row(ui, d);
        ui.add_space(4.0);
        ui.horizontal_top(|ui| {
            places_column(ui, d, places);
            ui.add_space(8.0);
            ui.vertical(|ui| entries_box(ui, d));
        });
        ui.separator();
        bottom_rows(ui, d);
    });
    keys(ctx, d);
    std::mem::take(&mut d.out)
}

fn path_row(ui: &mut egui::Ui, d: &mut FileDialog) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(d.dir.parent().is_some(), egui::Button::new("Up"))
            .on_hover_text("The folder that holds this one (Backspace)")
            .clicked()
        {
            d.up();
        }
        let label = ui.label("Folder");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut d.path_text)
                    .desired_width(f32::INFINITY)
                    .hint_text("a folder's path; Enter to go there"),
            )
            .labelled_by(label.id);
        if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let p = typed_path(&d.dir, &d.path_text);
            d.go(p);
        }
    });
}

fn places_column(ui: &mut egui::Ui, d: &mut FileDialog, places: &[Place]) {
    ui.vertical(|ui| {
        ui.set_width(170.0);
        ui.strong("Places");
        egui::ScrollArea::vertical()
            .id_salt("file-dialog-places")
            .max_height(LIST_HEIGHT)
            .show(ui, |ui| {
                for p in places {
                    let r = ui
                        .add(egui::Button::selectable(d.dir == p.dir, p.name.as_str()).truncate())
                        .on_hover_text(p.dir.display().to_string());
                    if r.clicked() {
                        d.go(p.dir.clone());
                    }
                }
            });
    });
}

/// The height of the list of entries (and of the places beside it).
const LIST_HEIGHT: f32 = 320.0;

/// The entries, in a box of the same size whatever it holds.
fn entries_box(ui: &mut egui::Ui, d: &mut FileDialog) {
    let size = egui::vec2(ui.available_width(), LIST_HEIGHT);
    ui.allocate_ui(size, |ui| {
        ui.set_min_size(size);
        entries_table(ui, d);
    });
}

fn entries_table(ui: &mut egui::Ui, d: &mut FileDialog) {
    let listing = match &d.content {
        Content::Reading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Reading {}…", d.dir.display()));
            });
            return;
        }
        Content::Failed(e) => {
            ui.colored_label(ui.visuals().warn_fg_color, e);
            return;
        }
        Content::Listed(l) => l,
    };
    let mut clicked = None;
    let mut opened = None;
    let row_h = 20.0;
    let mut table = TableBuilder::new(ui)
        .id_salt("file-dialog-entries")
        .striped(true)
        .column(Column::remainder().at_least(240.0).clip(true))
        .column(Column::exact(80.0))
        .column(Column::exact(130.0))
        .max_scroll_height(LIST_HEIGHT)
        .auto_shrink(false);
    if let Some(pos) = d.scroll_to.take() {
        table = table.scroll_to_row(pos, None);
    }
    table
        .header(20.0, |mut h| {
            h.col(|ui| {
                ui.strong("Name");
            });
            h.col(|ui| {
                ui.strong("Size");
            });
            h.col(|ui| {
                ui.strong("Modified");
            });
        })
        .body(|body| {
            body.rows(row_h, d.visible.len(), |mut row| {
                let pos = row.index();
                let Some(e) = listing.entries.get(d.visible[pos]) else {
                    return;
                };
                let selected = d.selected.contains(&d.visible[pos]);
                row.set_selected(selected);
                row.col(|ui| {
                    let enabled = e.is_dir || d.pick != Pick::ImportFolder;
                    // A folder's name ends in a slash, as `ls -F` shows it.
                    let name = if e.is_dir {
                        format!("{}{}", e.name, std::path::MAIN_SEPARATOR)
                    } else {
                        e.name.clone()
                    };
                    let r = ui
                        .add_enabled(enabled, egui::Button::selectable(selected, name).truncate());
                    if r.double_clicked() {
                        opened = Some(pos);
                    } else if r.clicked() {
                        let m = ui.input(|i| i.modifiers);
                        clicked = Some((pos, m.command, m.shift));
                    }
                });
                row.col(|ui| {
                    if let Some(s) = e.size {
                        ui.weak(human_size(s));
                    }
                });
                row.col(|ui| {
                    if let Some(t) = e.modified {
                        let t: chrono::DateTime<chrono::Local> = t.into();
                        ui.weak(t.format("%Y-%m-%d %H:%M").to_string());
                    }
                });
            });
        });
    if let Some((pos, ctrl, shift)) = clicked {
        d.click(pos, ctrl, shift);
    }
    if let Some(pos) = opened {
        d.click(pos, false, false);
        d.open_entry(pos);
    }
}

fn bottom_rows(ui: &mut egui::Ui, d: &mut FileDialog) {
    if saves(d.pick) {
        ui.horizontal(|ui| {
            let label = ui.label("File name");
            let r = ui
                .add(egui::TextEdit::singleline(&mut d.name).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if std::mem::take(&mut d.focus_name) {
                r.request_focus();
            }
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                d.save();
            }
        });
    }
    ui.horizontal(|ui| {
        let described = described(d.pick);
        let files_label = if d.pick == Pick::ImportFolder {
            "Show all files"
        } else {
            "All files"
        };
        let mut changed = ui
            .checkbox(&mut d.all_files, files_label)
            .on_hover_text(format!("Off: only {described}"))
            .changed();
        changed |= ui.checkbox(&mut d.hidden, "Hidden files").changed();
        if changed {
            d.refilter();
        }
        ui.separator();
        let summary = match &d.content {
            Content::Listed(l) => {
                let folders = d
                    .visible
                    .iter()
                    .filter(|&&i| l.entries.get(i).is_some_and(|e| e.is_dir))
                    .count();
                let mut s = format!(
                    "{}, {} shown of {}",
                    counted(folders, "folder"),
                    counted(d.visible.len() - folders, "file"),
                    counted(l.entries.len(), "entry")
                );
                if l.truncated {
                    s.push_str(&format!(
                        "; only the first {} entries of this folder were read",
                        folder::MAX_ENTRIES
                    ));
                }
                if l.unreadable > 0 {
                    s.push_str(&format!("; {} could not be read", l.unreadable));
                }
                s
            }
            Content::Reading => "Reading…".into(),
            Content::Failed(_) => String::new(),
        };
        ui.weak(summary);
    });
    if let Some(note) = &d.note {
        ui.weak(note);
    }
    if let Some(p) = &d.problem {
        ui.colored_label(ui.visuals().warn_fg_color, p);
    }
    if let Some(target) = d.confirm.clone() {
        ui.horizontal(|ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "A file named “{}” already exists. Replace it?",
                    target
                        .file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ),
            );
            if ui.button("Replace").clicked() {
                d.confirm = None;
                d.out.push(Reply::Chosen(vec![target.clone()]));
            }
            if ui.button("Don't replace").clicked() {
                d.confirm = None;
            }
        });
        return;
    }
    ui.horizontal(|ui| {
        if ui.button("Cancel").on_hover_text("Esc").clicked() {
            d.out.push(Reply::Cancelled);
        }
        let ready = match d.pick {
            Pick::SaveAs | Pick::Export(_) => !d.name.trim().is_empty(),
            Pick::ImportFolder => d.listing().is_some(),
            _ => !d.selected.is_empty(),
        };
        if ui
            .add_enabled(ready, egui::Button::new(action_label(d.pick)))
            .on_hover_text("Enter")
            .clicked()
        {
            d.activate();
        }
        if d.pick == Pick::Import {
            ui.weak("Ctrl-click or Shift-click to choose several files.");
        }
    });
}

/// Esc cancels (or answers "don't replace"); Enter opens; arrows move; Backspace goes up.
/// Text fields keep their keys, except Esc.
fn keys(ctx: &egui::Context, d: &mut FileDialog) {
    use egui::Key;
    if ctx.input(|i| i.key_pressed(Key::Escape)) {
        if d.confirm.take().is_none() {
            d.out.push(Reply::Cancelled);
        }
        return;
    }
    // A focused button is no text field: Enter still opens (and clicks it, which selects).
    if ctx.text_edit_focused() || !d.out.is_empty() {
        return;
    }
    let (enter, down, up, back) = ctx.input(|i| {
        (
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::ArrowUp),
            i.key_pressed(Key::Backspace),
        )
    });
    if enter && d.confirm.is_none() {
        match d.anchor.filter(|_| d.selected.len() == 1) {
            Some(pos) => d.open_entry(pos),
            None => d.activate(),
        }
    } else if down || up {
        d.step(down);
    } else if back {
        d.up();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(dir: &Path, names: &[(&str, bool)]) -> Listing {
        let mut entries: Vec<Entry> = names
            .iter()
            .map(|&(n, is_dir)| Entry {
                name: n.into(),
                path: dir.join(n),
                is_dir,
                size: None,
                modified: None,
            })
            .collect();
        folder::sort(&mut entries);
        Listing {
            dir: dir.to_owned(),
            entries,
            truncated: false,
            unreadable: 0,
        }
    }

    /// A dialog on `/w` with `names` listed, its first listing request taken.
    fn dialog(pick: Pick, names: &[(&str, bool)]) -> FileDialog {
        let dir = PathBuf::from("/w");
        let mut d = FileDialog::new(pick, dir.clone(), "p".into(), None);
        let Some(Reply::List { serial, .. }) = d.out.pop() else {
            panic!("a listing is asked for first");
        };
        d.listed(serial, Ok(listing(&dir, names)));
        d
    }

    fn shown(d: &FileDialog) -> Vec<String> {
        d.visible
            .iter()
            .map(|&i| d.entry(i).map(|e| e.name.clone()).unwrap_or_default())
            .collect()
    }

    #[test]
    fn only_projects_and_folders_show_until_all_files_are_asked_for() {
        let mut d = dialog(
            Pick::Open,
            &[
                ("b.ron", false),
                ("notes.txt", false),
                ("sub", true),
                (".x", true),
            ],
        );
        assert_eq!(shown(&d), ["sub", "b.ron"]);
        d.all_files = true;
        d.hidden = true;
        d.refilter();
        assert_eq!(shown(&d), [".x", "sub", "b.ron", "notes.txt"]);
    }

    #[test]
    fn a_late_listing_for_another_folder_is_ignored() {
        let mut d = dialog(Pick::Open, &[("a.ron", false)]);
        d.click(0, false, false);
        d.go(PathBuf::from("/elsewhere"));
        let stale = d.serial - 1;
        d.listed(stale, Ok(listing(Path::new("/w"), &[("z.ron", false)])));
        assert!(matches!(d.content, Content::Reading));
    }

    #[test]
    fn import_takes_several_files_with_ctrl_and_shift() {
        let mut d = dialog(
            Pick::Import,
            &[
                ("a.txt", false),
                ("b.md", false),
                ("c.html", false),
                ("d", true),
            ],
        );
        assert_eq!(shown(&d), ["d", "a.txt", "b.md", "c.html"]);
        d.click(1, false, false);
        d.click(3, true, false);
        d.activate();
        assert_eq!(
            d.out,
            [Reply::Chosen(vec![
                PathBuf::from("/w/a.txt"),
                PathBuf::from("/w/c.html")
            ])]
        );
        d.out.clear();
        d.click(1, false, false);
        d.click(3, false, true);
        assert_eq!(d.selected.len(), 3);
        // A folder, chosen alone, is gone into.
        d.click(0, false, false);
        d.activate();
        assert_eq!(
            d.out,
            [Reply::List {
                serial: d.serial,
                dir: PathBuf::from("/w/d")
            }]
        );
    }

    #[test]
    fn open_takes_one_file_and_a_plain_click_replaces_the_selection() {
        let mut d = dialog(Pick::Open, &[("a.ron", false), ("b.ron", false)]);
        d.click(0, false, false);
        d.click(1, true, false);
        assert_eq!(
            d.selected.len(),
            1,
            "ctrl does not add when one file is wanted"
        );
        d.activate();
        assert_eq!(d.out, [Reply::Chosen(vec![PathBuf::from("/w/b.ron")])]);
    }

    #[test]
    fn saving_adds_the_extension_and_asks_before_replacing() {
        let mut d = dialog(Pick::SaveAs, &[("p.ron", false)]);
        d.name = "new".into();
        d.save();
        assert_eq!(d.out, [Reply::Chosen(vec![PathBuf::from("/w/new.ron")])]);
        d.out.clear();
        d.name = "p".into();
        d.save();
        assert!(d.out.is_empty());
        assert_eq!(d.confirm, Some(PathBuf::from("/w/p.ron")));
    }

    #[test]
    fn a_name_in_another_folder_reads_that_folder_then_saves() {
        let mut d = dialog(Pick::SaveAs, &[]);
        d.name = "../other/q.ron".into();
        d.save();
        assert_eq!(
            d.out.pop(),
            Some(Reply::List {
                serial: d.serial,
                dir: PathBuf::from("/other")
            })
        );
        assert_eq!(d.name, "q.ron");
        d.listed(d.serial, Ok(listing(Path::new("/other"), &[])));
        assert_eq!(d.out, [Reply::Chosen(vec![PathBuf::from("/other/q.ron")])]);
    }

    #[test]
    fn a_typed_file_path_shows_its_folder_with_the_file_selected() {
        let mut d = dialog(Pick::Open, &[]);
        d.listed(
            d.serial,
            Err(FolderError::NotAFolder {
                path: PathBuf::from("/v/x.ron"),
            }),
        );
        assert_eq!(d.dir.as_path(), Path::new("/v"));
        d.listed(d.serial, Ok(listing(Path::new("/v"), &[("x.ron", false)])));
        d.activate();
        assert_eq!(
            d.out.pop(),
            Some(Reply::Chosen(vec![PathBuf::from("/v/x.ron")]))
        );
    }

    #[test]
    fn an_unreadable_folder_is_shown_as_its_message() {
        let mut d = dialog(Pick::Open, &[]);
        d.go(PathBuf::from("/root/secret"));
        d.listed(
            d.serial,
            Err(FolderError::Read {
                path: PathBuf::from("/root/secret"),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            }),
        );
        let Content::Failed(msg) = &d.content else {
            panic!("a message");
        };
        assert!(
            msg.contains("cannot be read") && msg.ends_with("/root/secret"),
            "{msg}"
        );
        d.up();
        assert_eq!(d.dir.as_path(), Path::new("/root"));
    }

    #[test]
    fn folder_pick_chooses_the_selected_folder_or_the_one_shown() {
        let mut d = dialog(Pick::ImportFolder, &[("a.txt", false), ("sub", true)]);
        d.click(1, false, false);
        assert!(d.selected.is_empty(), "a file cannot be chosen");
        d.activate();
        assert_eq!(d.out.pop(), Some(Reply::Chosen(vec![PathBuf::from("/w")])));
        d.click(0, false, false);
        d.activate();
        assert_eq!(
            d.out.pop(),
            Some(Reply::Chosen(vec![PathBuf::from("/w/sub")]))
        );
    }

    #[test]
    fn typed_paths_resolve_dots_home_and_relative_names() {
        assert_eq!(typed_path(Path::new("/a/b"), ".."), PathBuf::from("/a"));
        assert_eq!(
            typed_path(Path::new("/a/b"), "c/./d"),
            PathBuf::from("/a/b/c/d")
        );
        assert_eq!(typed_path(Path::new("/a/b"), "/etc"), PathBuf::from("/etc"));
        if let Some(h) = std::env::home_dir() {
            assert_eq!(typed_path(Path::new("/a"), "~/x"), h.join("x"));
        }
        assert_eq!(typed_path(Path::new("/a"), "~x"), PathBuf::from("/a/~x"));
    }

    #[test]
    fn counts_read_as_a_person_would() {
        assert_eq!(counted(1, "folder"), "1 folder");
        assert_eq!(counted(0, "file"), "0 files");
        assert_eq!(counted(3, "entry"), "3 entries");
        assert_eq!(counted(1, "entry"), "1 entry");
    }

    #[test]
    fn sizes_read_as_a_person_would() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(2048), "2.0 KB");
        assert_eq!(human_size(5 * 1024 * 1024 + 1), "5.0 MB");
    }
}
