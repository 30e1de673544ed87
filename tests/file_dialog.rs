//! The built-in file dialog as a person uses it (egui_kittest): opened from the menu, a folder
//! typed, a file clicked, Enter and Esc.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::path::Path;

use crosscheck::app::{App, FileDialogChoice, Settings};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // Frames as a screen shows them, so two clicks in a row make a double click.
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

/// Run frames until background work (folder listings too) is done and the UI settled.
fn settle(h: &mut Harness<'_, App>) {
    for _ in 0..4 {
        h.run_steps(2);
        h.state_mut().wait_for_background();
    }
    h.run_steps(3);
}

/// The sample project, with the built-in dialog chosen as `CROSSCHECK_FILE_DIALOG=builtin` does.
fn app_with_builtin_dialog() -> Harness<'static, App> {
    let mut app = App::new(None, Settings::default(), None);
    app.file_dialog_choice = FileDialogChoice::Builtin;
    let mut h = harness(app);
    settle(&mut h);
    h
}

fn menu(h: &mut Harness<'_, App>, item: &str) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    settle(h);
}

/// Type a folder's path over the one shown and press Enter.
fn go_to(h: &mut Harness<'_, App>, dir: &Path) {
    h.get_by_label("Folder").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Folder")
        .type_text(&dir.display().to_string());
    h.run_steps(1);
    h.key_press(Key::Enter);
    settle(h);
}

fn article(path: &Path, title: &str, place: &str) {
    std::fs::write(
        path,
        format!(
            "{title}\n\nRussian forces attacked {place} overnight, but the assault was repelled, the General Staff said on Monday in its morning report.\n"
        ),
    )
    .unwrap();
}

#[test]
fn open_in_the_built_in_dialog_loads_the_project_clicked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("projects")).unwrap();
    let path = dir.path().join("projects").join("p.ron");
    let mut p = crosscheck::app::sample_project();
    let first = p.articles.keys().next().unwrap().clone();
    p.articles.remove(&first);
    crosscheck::project::save(&path, &p).unwrap();
    std::fs::write(dir.path().join("projects/notes.txt"), "not a project").unwrap();
    let mut h = app_with_builtin_dialog();
    menu(&mut h, "Open…");
    h.get_by_label("Open project");
    go_to(&mut h, dir.path());
    // A double click goes into a folder.
    let folder = h.get_by_label("projects/");
    folder.click();
    folder.click();
    settle(&mut h);
    h.get_by_label("p.ron");
    assert!(
        h.query_by_label("notes.txt").is_none(),
        "only projects are listed"
    );
    h.get_by_label("All files").click();
    h.run_steps(2);
    h.get_by_label("notes.txt");
    h.get_by_label("p.ron").click();
    h.run_steps(1);
    h.get_by_label("Open").click();
    settle(&mut h);
    assert!(
        h.query_by_label("Open project").is_none(),
        "the dialog closed"
    );
    assert_eq!(h.state().path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().project.articles.len(), 4);
    assert_eq!(
        h.state()
            .settings
            .recent_folders
            .first()
            .map(|d| d.as_path()),
        Some(dir.path().join("projects").as_path()),
        "the folder is offered next time"
    );
}

#[test]
fn import_in_the_built_in_dialog_adds_the_files_chosen_with_ctrl() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("reports");
    std::fs::create_dir(&sub).unwrap();
    article(
        &sub.join("a.txt"),
        "Heavy fighting near Kupiansk",
        "Kupiansk",
    );
    article(&sub.join("b.md"), "Assault on Lyman repelled", "Lyman");
    article(&sub.join("c.txt"), "Shelling of Kherson", "Kherson");
    let mut h = app_with_builtin_dialog();
    menu(&mut h, "Import…");
    h.get_by_label("Import articles");
    go_to(&mut h, dir.path());
    // Into the folder with the keyboard: select it (its button has the focus), Enter.
    h.get_by_label("reports/").click();
    h.get_by_label("reports/").focus();
    h.run_steps(1);
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label("a.txt").click();
    h.run_steps(1);
    h.get_by_label("c.txt").click_modifiers(Modifiers::COMMAND);
    h.run_steps(1);
    h.get_by_label("Import").click();
    settle(&mut h);
    let titles: Vec<String> = h
        .state()
        .analysis
        .articles
        .values()
        .filter_map(|a| a.meta.title.clone())
        .collect();
    assert_eq!(h.state().project.articles.len(), 7, "{titles:?}");
    assert!(titles.iter().any(|t| t == "Heavy fighting near Kupiansk"));
    assert!(titles.iter().any(|t| t == "Shelling of Kherson"));
    assert!(!titles.iter().any(|t| t == "Assault on Lyman repelled"));
}

#[test]
fn save_as_writes_the_name_typed_and_asks_before_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with_builtin_dialog();
    menu(&mut h, "Save As…");
    h.get_by_label("Save project as");
    go_to(&mut h, dir.path());
    h.get_by_label("File name").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File name").type_text("my notes");
    h.run_steps(1);
    h.get_by_label("Save").click();
    settle(&mut h);
    let path = dir.path().join("my notes.ron");
    assert!(path.exists(), "saved under the name typed");
    assert_eq!(h.state().path.as_deref(), Some(path.as_path()));
    let saved = std::fs::read(&path).unwrap();

    // Again, under the same name: the user is asked, says no, and cancels with Esc.
    menu(&mut h, "Save As…");
    h.get_by_label("File name").focus();
    h.run_steps(1);
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label_contains("“my notes.ron” already exists");
    h.get_by_label("Don't replace").click();
    settle(&mut h);
    assert!(h.query_by_label_contains("already exists").is_none());
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(
        h.query_by_label("Save project as").is_none(),
        "Esc closed it"
    );
    assert_eq!(std::fs::read(&path).unwrap(), saved);
}

#[test]
fn esc_cancels_an_import_and_nothing_changes() {
    let mut h = app_with_builtin_dialog();
    menu(&mut h, "Import…");
    h.get_by_label("Import articles");
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label("Import articles").is_none());
    assert_eq!(h.state().project.articles.len(), 5);
    assert!(!h.state().dirty());
    // The keyboard is the app's again: Ctrl+I opens the dialog anew.
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    settle(&mut h);
    h.get_by_label("Import articles");
}

#[test]
fn a_folder_that_cannot_be_read_is_a_message_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone");
    let mut h = app_with_builtin_dialog();
    menu(&mut h, "Import Folder…");
    go_to(&mut h, &missing);
    h.get_by_label_contains(&format!(
        "There is no such folder. Check the path: {}",
        missing.display()
    ));
    // Up still works, and the folder above is chosen.
    h.get_by_label("Up").click();
    settle(&mut h);
    h.get_by_label("Choose folder").click();
    settle(&mut h);
    assert!(h.query_by_label("Import a folder of articles").is_none());
    assert_eq!(
        h.state()
            .settings
            .recent_folders
            .first()
            .map(|d| d.as_path()),
        Some(dir.path())
    );
}

#[test]
fn the_view_menu_setting_chooses_the_built_in_dialog() {
    let mut app = App::new(None, Settings::default(), None);
    // Left to choose by itself (as without CROSSCHECK_FILE_DIALOG); the setting decides.
    app.file_dialog_choice = FileDialogChoice::Auto;
    let mut h = harness(app);
    settle(&mut h);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Use built-in file dialog").click();
    settle(&mut h);
    assert!(h.state().settings.builtin_file_dialog);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut h);
    h.get_by_label("Open project");
}

#[test]
fn export_in_the_built_in_dialog_adds_the_extension_to_the_name_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with_builtin_dialog();
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Export").click();
    h.run_steps(2);
    h.get_by_label("Claims as CSV…").click();
    settle(&mut h);
    h.get_by_label("Export as .csv");
    go_to(&mut h, dir.path());
    h.get_by_label("File name").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File name").type_text("claims");
    h.run_steps(1);
    h.key_press(Key::Enter);
    settle(&mut h);
    let csv = std::fs::read_to_string(dir.path().join("claims.csv")).unwrap();
    assert!(csv.lines().count() > 20, "{csv}");
    assert!(h.query_by_label("Export as .csv").is_none());
}
