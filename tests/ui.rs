//! The app as a person uses it, headless (egui_kittest): find widgets by label, click, type,
//! drop files.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crosscheck::app::{App, Command, Settings, Tab};
use crosscheck::model::{Edit, LineDecision};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app)
}

/// Run frames until background work is done and the UI settled.
fn settle(h: &mut Harness<'_, App>) {
    for _ in 0..4 {
        h.run_steps(2);
        h.state_mut().wait_for_background();
    }
    h.run_steps(3);
}

/// Click the widget labelled `label` and let the app settle.
fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_label(label).click();
    settle(h);
}

/// Type into the claim table's search field.
fn search_claims(h: &mut Harness<'_, App>, text: &str) {
    h.get_by_label("Search").focus();
    h.get_by_label("Search").type_text(text);
    h.run_steps(3);
}

fn sample_app() -> Harness<'static, App> {
    let mut app = App::new(None, Settings::default(), None);
    app.file_dialogs = false;
    let mut h = harness(app);
    settle(&mut h);
    h
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(h: &mut Harness<'_, App>, paths: &[PathBuf]) {
    for p in paths {
        h.input_mut().hovered_files.push(egui::HoveredFile {
            path: Some(p.clone()),
            ..Default::default()
        });
    }
    h.run_steps(1);
    h.input_mut().hovered_files.clear();
    for p in paths {
        h.input_mut()
            .dropped_files
            .push(Arc::new(Dropped(p.clone())));
    }
    settle(h);
}

#[test]
fn sample_project_opens_and_the_library_lists_its_five_articles() {
    let h = sample_app();
    assert_eq!(h.state().project.articles.len(), 5);
    for title in [
        "Russian army failing to outflank Pokrovsk, Ukraine's military says",
        "ISW: Russia's advances in Bakhmut likely slowed in recent days",
        "Ukraine troops focus on Donbas ‘de-occupation’ from Russia",
    ] {
        assert!(
            h.query_all_by_label(title).next().is_some(),
            "{title} is listed"
        );
    }
    h.get_by_label_contains("5 of 5 articles");
    h.get_by_label_contains("5 articles ·");
}

#[test]
fn library_filter_narrows_the_list() {
    let mut h = sample_app();
    let title = "Russian army failing to outflank Pokrovsk, Ukraine's military says";
    let before = h.query_all_by_label(title).count();
    h.get_by_label("Filter").focus();
    h.get_by_label("Filter").type_text("Bakhmut");
    h.run_steps(3);
    h.get_by_label_contains("1 of 5 articles");
    assert_eq!(
        h.query_all_by_label(title).count(),
        before - 1,
        "no longer in the library"
    );
}

#[test]
fn a_ron_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped.ron");
    let mut p = crosscheck::app::sample_project();
    let first = p.articles.keys().next().unwrap().clone();
    p.articles.remove(&first);
    crosscheck::project::save(&path, &p).unwrap();
    let mut h = sample_app();
    drop_files(&mut h, std::slice::from_ref(&path));
    assert_eq!(h.state().path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().project.articles.len(), 4);
    h.get_all_by_label_contains("dropped.ron")
        .next()
        .expect("the status bar names the file");
}

#[test]
fn files_dropped_on_the_window_appear_in_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, "Heavy fighting near Kupiansk\n\nRussian forces attacked Kupiansk overnight, but the assault was repelled, the General Staff said on Monday in its morning report.\n").unwrap();
    let bad = dir.path().join("b.bin");
    std::fs::write(&bad, [0u8, 1, 2, 3]).unwrap();
    let mut h = sample_app();
    drop_files(&mut h, &[a, bad]);
    assert_eq!(h.state().project.articles.len(), 6);
    assert!(
        h.query_all_by_label("Heavy fighting near Kupiansk")
            .next()
            .is_some()
    );
    // The bad file is reported with its reason; the good one imported.
    h.get_by_label_contains("Some files were not imported");
    h.get_by_label_contains("unsupported file type");
    assert!(h.state().dirty());
}

#[test]
fn undo_reverts_an_edit_and_redo_restores_it() {
    let mut h = sample_app();
    let id = h.state().project.articles.keys().next().unwrap().clone();
    h.state_mut().command(Command::Edit(Edit::SetLine {
        article: id.clone(),
        line: 1,
        decision: Some(LineDecision::Keep),
    }));
    settle(&mut h);
    assert!(
        h.state().project.articles[&id]
            .line_decisions
            .contains_key(&1)
    );
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.get_by_label("Undo").click();
    settle(&mut h);
    assert!(h.state().project.articles[&id].line_decisions.is_empty());
    h.state_mut().command(Command::Redo);
    settle(&mut h);
    assert!(
        h.state().project.articles[&id]
            .line_decisions
            .contains_key(&1)
    );
}

#[test]
fn a_line_clicked_in_the_reader_flips_and_survives_reanalysis() {
    let mut h = sample_app();
    h.get_all_by_label("Russian army failing to outflank Pokrovsk, Ukraine's military says")
        .next()
        .unwrap()
        .click();
    settle(&mut h);
    let id = h.state().view.selected.clone().unwrap();
    // "Skip to content" is removed by the cleaner; clicking keeps it.
    h.get_by_label("Skip to content").click();
    settle(&mut h);
    let a = &h.state().project.articles[&id];
    assert_eq!(a.line_decisions.get(&4), Some(&LineDecision::Keep));
    let an = &h.state().analysis.articles[&id];
    assert!(an.kept[3], "the flipped line is kept after re-analysis");
    assert!(an.cleaned_lines().any(|(_, t)| t == "Skip to content"));
}

#[test]
fn a_claim_row_clicked_highlights_its_sentence() {
    let mut h = sample_app();
    h.get_by_label("Claims").click();
    settle(&mut h);
    assert_eq!(h.state().view.tab, Tab::Claims);
    let total = h.state().analysis.claim_count();
    assert!(total > 20, "{total}");
    // Rows sort by article title; find the row as a person would, by searching for it.
    search_claims(&mut h, "Trehubov stressed");
    h.get_by_label_contains("Trehubov stressed that the Pokrovsk sector")
        .click();
    settle(&mut h);
    let (aid, cid) = h
        .state()
        .view
        .highlight
        .clone()
        .expect("a claim is highlighted");
    h.get_by_label("Show in reader").click();
    settle(&mut h);
    assert_eq!(h.state().view.tab, Tab::Reader);
    assert_eq!(h.state().view.selected.as_ref(), Some(&aid));
    let claim = h.state().analysis.articles[&aid]
        .claims
        .iter()
        .find(|c| c.id == cid)
        .unwrap()
        .clone();
    assert!(claim.text.starts_with("Trehubov stressed"));
}

#[test]
fn a_filter_narrows_the_claim_table() {
    let mut h = sample_app();
    h.get_by_label("Claims").click();
    settle(&mut h);
    let total = h.state().analysis.claim_count();
    let all = crosscheck::app::claims_rows(&h.state().view.claims, &h.state().analysis).len();
    h.get_by_label_contains(&format!("{all} of {total} claims"));
    search_claims(&mut h, "Kupyansk");
    let shown = crosscheck::app::claims_rows(&h.state().view.claims, &h.state().analysis).len();
    assert!(shown > 0 && shown < all, "{shown} of {all}");
    h.get_by_label_contains(&format!("{shown} of {total} claims"));
}

#[test]
fn comparison_filtered_to_conflicts_and_a_cell_opens_its_claims() {
    let mut h = sample_app();
    h.get_by_label("Comparison").click();
    settle(&mut h);
    h.get_by_label("Group by");
    // Show only the conflicts.
    h.get_all_by_label("conflict").next().unwrap().click();
    settle(&mut h);
    let v = &h.state().view.compare;
    assert_eq!(v.verdict, Some(crosscheck::compare::Verdict::Conflict));
    // Back to all, then open the Kupiansk row.
    h.get_all_by_label("all").next().unwrap().click();
    settle(&mut h);
    h.get_all_by_label("Kupiansk (Kharkiv)")
        .next()
        .expect("a Kupiansk row")
        .click();
    settle(&mut h);
    assert!(h.state().view.compare.selected.is_some());
    h.get_by_label("Override verdict:");
}

#[test]
fn save_failure_keeps_the_project_unsaved() {
    let mut h = sample_app();
    let id = h.state().project.articles.keys().next().unwrap().clone();
    h.state_mut().command(Command::Edit(Edit::SetNotes {
        article: id,
        notes: "note".into(),
    }));
    settle(&mut h);
    assert!(h.state().dirty());
    h.state_mut()
        .command(Command::SaveAs(PathBuf::from("/nonexistent-dir/x/p.ron")));
    settle(&mut h);
    assert!(h.state().dirty(), "still unsaved after a failed save");
    h.get_by_label("Could not save");
}

#[test]
fn timeline_and_map_pictures_draw_and_open_claims() {
    let mut h = sample_app();
    h.get_by_label("Comparison").click();
    settle(&mut h);
    h.get_by_label("Timeline").click();
    settle(&mut h);
    h.get_by_label_contains("Timeline of");
    h.get_by_label("Map").click();
    settle(&mut h);
    h.get_by_label_contains("most serious verdict");
    if std::env::var_os("CROSSCHECK_SHOTS").is_some() {
        if let Ok(img) = h.render() {
            img.save(std::env::temp_dir().join("map.png")).unwrap();
        }
        h.get_by_label("Timeline").click();
        settle(&mut h);
        if let Ok(img) = h.render() {
            img.save(std::env::temp_dir().join("timeline.png")).unwrap();
        }
        h.get_by_label("Table").click();
        settle(&mut h);
        if let Ok(img) = h.render() {
            img.save(std::env::temp_dir().join("table.png")).unwrap();
        }
    }
}

#[test]
fn merge_conflicts_are_flagged_and_can_be_settled() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_app();
    let id = h.state().project.articles.keys().next().unwrap().clone();
    // The other researcher set a different author on the same article.
    let mut theirs = crosscheck::app::sample_project();
    Edit::SetMeta {
        article: id.clone(),
        field: crosscheck::model::MetaField::Author,
        value: Some("Other Researcher".into()),
    }
    .apply(&mut theirs);
    let path = dir.path().join("theirs.ron");
    crosscheck::project::save(&path, &theirs).unwrap();
    h.state_mut().command(Command::Edit(Edit::SetMeta {
        article: id.clone(),
        field: crosscheck::model::MetaField::Author,
        value: Some("Me".into()),
    }));
    h.state_mut().command(Command::Merge(path));
    settle(&mut h);
    h.get_by_label("OK").click();
    settle(&mut h);
    h.get_by_label_contains("1 merge conflicts").click();
    settle(&mut h);
    h.get_by_label("Take theirs").click();
    settle(&mut h);
    assert!(h.state().project.merge_conflicts.is_empty());
    assert_eq!(
        h.state().project.articles[&id].meta_edits.author.as_deref(),
        Some("Other Researcher")
    );
}

#[test]
fn selected_text_in_the_reader_becomes_a_claim() {
    let mut h = sample_app();
    let id = h.state().view.selected.clone().unwrap();
    let an = h.state().analysis.articles[&id].clone();
    let text = &an.doc.text;
    let start = text.find("Pokrovsk sector of the front line").unwrap();
    let end = start + "Pokrovsk sector of the front line is the primary vector".len();
    h.state_mut().view.reader.selection = Some((id.clone(), start, end));
    h.run_steps(2);
    h.get_by_label("Add selection as claim").click();
    settle(&mut h);
    let a = &h.state().project.articles[&id];
    assert_eq!(a.user_claims.len(), 1);
    assert_eq!(
        a.user_claims[0].text,
        "Pokrovsk sector of the front line is the primary vector"
    );
    assert!(
        h.state().analysis.articles[&id]
            .claims
            .iter()
            .any(|c| c.id == a.user_claims[0].id),
        "the hand-made claim is in the table"
    );
    // Undo removes it again.
    h.state_mut().command(Command::Undo);
    settle(&mut h);
    assert!(h.state().project.articles[&id].user_claims.is_empty());
}

#[test]
fn quitting_with_unsaved_changes_asks_and_saving_first_then_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_app();
    let id = h.state().project.articles.keys().next().unwrap().clone();
    h.state_mut().command(Command::Edit(Edit::SetNotes {
        article: id,
        notes: "to keep".into(),
    }));
    settle(&mut h);
    h.state_mut().command(Command::Quit);
    settle(&mut h);
    h.get_by_label("Save changes?");
    // The project has no name yet: "Save" asks for one (here answered directly), saves, then quits.
    h.get_by_label("Save").click();
    h.run_steps(2);
    let path = dir.path().join("kept.ron");
    h.state_mut().answer_pick(vec![path.clone()]);
    settle(&mut h);
    assert!(path.exists());
    assert!(!h.state().dirty());
    assert!(
        h.state().quit_requested(),
        "the quit resumes after the save"
    );
}

#[test]
fn a_project_changed_on_disk_is_not_saved_over_and_the_work_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    crosscheck::project::save(&path, &crosscheck::app::sample_project()).unwrap();
    let mut h = sample_app();
    h.state_mut().command(Command::Open(path.clone()));
    settle(&mut h);
    assert_eq!(h.state().path.as_deref(), Some(path.as_path()));
    // Another process saves the file while it is open here.
    let mut theirs = crosscheck::app::sample_project();
    let first = theirs.articles.keys().next().unwrap().clone();
    theirs.articles.remove(&first);
    crosscheck::project::save(&path, &theirs).unwrap();
    let on_disk = std::fs::read(&path).unwrap();
    let id = h.state().project.articles.keys().next().unwrap().clone();
    h.state_mut().command(Command::Edit(Edit::SetNotes {
        article: id,
        notes: "my unsaved notes".into(),
    }));
    h.state_mut().command(Command::Save);
    settle(&mut h);
    h.get_all_by_label_contains("changed on disk since it was opened")
        .next()
        .expect("the user is told why the save was refused");
    assert_eq!(std::fs::read(&path).unwrap(), on_disk, "their save is kept");
    assert!(h.state().dirty(), "the work is still unsaved, in memory");
}

#[test]
fn a_damaged_recovery_file_is_shown_when_the_project_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let p = crosscheck::app::sample_project();
    crosscheck::project::save(&path, &p).unwrap();
    let whole = crosscheck::project::to_ron(&p);
    std::fs::write(
        crosscheck::project::recovery_path(&path),
        &whole[..whole.len() / 3],
    )
    .unwrap();
    let mut h = sample_app();
    h.state_mut().command(Command::Open(path.clone()));
    settle(&mut h);
    h.get_all_by_label_contains("recovery file is damaged")
        .next()
        .expect("the user is told, not left guessing");
    assert!(dir.path().join("p.ron.recovery.damaged").exists());
}

#[test]
fn citations_and_refi_qda_export_from_the_app() {
    let mut h = sample_app();
    let dir = tempfile::tempdir().unwrap();
    let kinds = [
        (crosscheck::app::ExportKind::Bibtex, "refs.bib"),
        (crosscheck::app::ExportKind::Ris, "refs.ris"),
        (crosscheck::app::ExportKind::CslJson, "refs.json"),
        (crosscheck::app::ExportKind::Qdpx, "project.qdpx"),
        (crosscheck::app::ExportKind::Qdc, "codes.qdc"),
    ];
    for (kind, name) in kinds {
        h.state_mut()
            .command(Command::Export(kind, dir.path().join(name)));
        settle(&mut h);
    }
    let bib = std::fs::read_to_string(dir.path().join("refs.bib")).unwrap();
    assert_eq!(bib.matches("\n@").count() + 1, 5, "{bib}");
    let items: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("refs.json")).unwrap()).unwrap();
    assert_eq!(items.as_array().unwrap().len(), 5);
    assert!(
        std::fs::read_to_string(dir.path().join("refs.ris"))
            .unwrap()
            .starts_with("TY  - ")
    );
    assert!(
        std::fs::read_to_string(dir.path().join("codes.qdc"))
            .unwrap()
            .contains("urn:QDA-XML:codebook:1.0")
    );
    let back = crosscheck::ingest::import_path(&dir.path().join("project.qdpx")).unwrap();
    assert_eq!(back.len(), 5);
}

/// The sample project in a window of the given width.
fn sample_app_sized(w: f32, h: f32) -> Harness<'static, App> {
    let mut app = App::new(None, Settings::default(), None);
    app.file_dialogs = false;
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    settle(&mut h);
    h
}

/// A table's header row: the role its headers have and their labels.
struct Headers<'a> {
    role: egui::accesskit::Role,
    labels: &'a [&'a str],
}

impl Headers<'_> {
    /// Whether the header `label` lies wholly between `left` and `right`.
    fn in_sight(&self, h: &Harness<'_, App>, label: &str, left: f32, right: f32) -> bool {
        h.query_all_by_role_and_label(self.role, label)
            .next()
            .is_some_and(|n| n.rect().min.x >= left - 0.5 && n.rect().max.x <= right + 0.5)
    }

    /// Scroll the table sideways as a person does (the wheel over a header on screen) until
    /// the header `label` is wholly in sight.
    fn scroll_to(&self, h: &mut Harness<'_, App>, label: &str, left: f32, right: f32) -> bool {
        for _ in 0..60 {
            if self.in_sight(h, label, left, right) {
                return true;
            }
            // The wheel over a header that is on screen (not one scrolled past, under the
            // library panel).
            let Some(at) = self.labels.iter().find_map(|l| {
                h.query_all_by_role_and_label(self.role, l)
                    .next()
                    .map(|n| n.rect().center())
                    .filter(|c| c.x > left && c.x < right)
            }) else {
                return false;
            };
            h.event(egui::Event::PointerMoved(at));
            h.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(-80.0, 0.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            });
            h.run_steps(4);
        }
        false
    }
}

#[test]
fn every_camp_column_of_the_comparison_is_reachable_at_900_px() {
    let mut h = sample_app_sized(900.0, 700.0);
    click(&mut h, "Comparison");
    let left = h.get_by_label("Table").rect().min.x;
    let camps: Vec<&str> = crosscheck::model::Camp::ALL
        .iter()
        .map(|c| c.label())
        .collect();
    let mut labels = vec!["Place", "Period", "Topic", "Verdict"];
    labels.extend(&camps);
    let headers = Headers {
        role: egui::accesskit::Role::Label,
        labels: &labels,
    };
    // At 900 px the last camps start out of sight: only scrolling brings them in.
    let last = camps[camps.len() - 1];
    assert!(
        !headers.in_sight(&h, last, left, 900.0),
        "{last} visible at once"
    );
    for camp in &camps {
        assert!(
            headers.scroll_to(&mut h, camp, left, 900.0),
            "the {camp} column cannot be scrolled into sight"
        );
    }
}

const CLAIM_HEADERS: [&str; 9] = [
    "Date",
    "Speaker",
    "Camp",
    "Position",
    "Claim",
    "Outlets",
    // Sorted by article at first: its header carries the arrow.
    "Article ^",
    "Places",
    "Topic",
];

#[test]
fn every_claim_column_is_reachable_at_900_px_with_article_and_position_cells() {
    let mut h = sample_app_sized(900.0, 700.0);
    click(&mut h, "Claims");
    // The panel's left edge: where the line counting the claims starts.
    let total = h.state().analysis.claim_count();
    let left = h
        .get_by_label_contains(&format!(" of {total} claims"))
        .rect()
        .min
        .x;
    let headers = Headers {
        role: egui::accesskit::Role::Button,
        labels: &CLAIM_HEADERS,
    };
    assert!(
        !headers.in_sight(&h, "Topic", left, 900.0),
        "all columns fit at once"
    );
    for header in CLAIM_HEADERS {
        assert!(
            headers.scroll_to(&mut h, header, left, 900.0),
            "the {header} column cannot be scrolled into sight"
        );
    }
    // The cells under Article and Position: each article's title and each claim's position.
    let an = h.state().analysis.clone();
    for a in an.articles.values().filter(|a| !a.claims.is_empty()) {
        let title = a.title().unwrap();
        assert!(
            h.query_all_by_label(&title).next().is_some(),
            "no Article cell reads {title:?}"
        );
    }
    let rows = crosscheck::app::claims_rows(&h.state().view.claims, &an);
    let first = &an.articles[&rows[0].0].claims[rows[0].1];
    h.get_all_by_label(first.position.label()).next().unwrap();
}

#[test]
fn a_claims_position_is_set_in_the_editor_and_survives_reanalysis() {
    use crosscheck::model::Position;
    let mut h = sample_app();
    click(&mut h, "Claims");
    search_claims(&mut h, "Trehubov stressed");
    h.get_by_label_contains("Trehubov stressed that the Pokrovsk sector")
        .click();
    settle(&mut h);
    let (aid, cid) = h.state().view.claims.selected.clone().unwrap();
    let position = |h: &Harness<'_, App>| {
        h.state().analysis.articles[&aid]
            .claims
            .iter()
            .find(|c| c.id == cid)
            .unwrap()
            .position
    };
    let before = position(&h);
    let to = if before == Position::RussiaHolds {
        Position::UkraineHolds
    } else {
        Position::RussiaHolds
    };
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Position")
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::Button, to.label())
        .click();
    settle(&mut h);
    assert_eq!(position(&h), to);
    assert_eq!(
        h.state().project.articles[&aid].claim_edits[&cid].position,
        Some(to)
    );
    // Another edit to the article analyses it again: the position stays the user's.
    h.state_mut().command(Command::Edit(Edit::SetLine {
        article: aid.clone(),
        line: 1,
        decision: Some(LineDecision::Keep),
    }));
    settle(&mut h);
    assert_eq!(position(&h), to, "after re-analysis");
    // The table shows it in the claim's row.
    h.get_by_role_and_label(egui::accesskit::Role::Label, to.label());
}

#[test]
fn wire_copy_is_one_row_with_its_outlets_counted_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let wire = "Russian forces captured the village of Novoocheretuvate in Zaporizhzhia region, the Russian Defence Ministry said on Monday, without giving details.";
    let mut files = Vec::new();
    for (name, url) in [
        (
            "reuters.txt",
            "https://www.reuters.com/world/europe/russia-says-it-captured-village-2025-02-03/",
        ),
        (
            "aljazeera.txt",
            "https://www.aljazeera.com/news/2025/2/3/russia-says-it-captured-village",
        ),
        (
            "kyiv.txt",
            "https://kyivindependent.com/russia-claims-capture-of-village/",
        ),
    ] {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            format!(
                "Title: Russia claims a village ({name})\nURL: {url}\nDate: 2025-02-03\n\n{wire}\n"
            ),
        )
        .unwrap();
        files.push(p);
    }
    let mut h = sample_app();
    drop_files(&mut h, &files);
    click(&mut h, "Claims");
    search_claims(&mut h, "Novoocheretuvate");
    settle(&mut h);
    let total = h.state().analysis.claim_count();
    // One row stands for the three copies.
    h.get_by_label_contains(&format!("1 of {total} claims"));
    let cell = h.get_by_label("×3 outlets");
    cell.hover();
    // Tooltips wait for the pointer to rest (half a second; a step is a quarter).
    h.run_steps(6);
    // Hovering lists the two other outlets.
    let tip = h.get_by_label_contains("also reported in");
    let node = tip.accesskit_node();
    let text = node
        .label()
        .filter(|l| !l.is_empty())
        .or_else(|| node.value())
        .unwrap_or_default();
    let shown_outlet = {
        let rows = crosscheck::app::claims_rows(&h.state().view.claims, &h.state().analysis);
        let a = &h.state().analysis.articles[&rows[0].0];
        a.meta.outlet.clone().unwrap()
    };
    for outlet in ["Reuters", "Al Jazeera", "Kyiv Independent"] {
        assert_eq!(
            text.contains(outlet),
            outlet != shown_outlet,
            "{outlet} in {text:?} (row shows {shown_outlet})"
        );
    }
    // Every copy on its own row when asked.
    click(&mut h, "every copy");
    h.get_by_label_contains(&format!("3 of {total} claims"));
}

#[test]
fn the_timeline_shows_several_places_in_lanes_and_a_bar_opens_its_row() {
    use crosscheck::app::DEFAULT_LANES;
    let mut h = sample_app();
    click(&mut h, "Comparison");
    click(&mut h, "Timeline");
    h.get_by_label(&format!("Timeline of {DEFAULT_LANES} places"));
    // Each lane: the place's name and one bar per row of that place.
    let rows = h.state().view.compare.result.clone().unwrap().2;
    let lane_places = |h: &Harness<'_, App>| -> Vec<String> {
        h.query_all_by_role(egui::accesskit::Role::Button)
            .filter_map(|n| n.accesskit_node().label())
            .filter_map(|l| l.strip_suffix(" ×").map(str::to_owned))
            .collect()
    };
    let check_lanes = |h: &Harness<'_, App>, places: &[String]| {
        for place in places {
            h.get_by_role_and_label(egui::accesskit::Role::Label, place);
            let expected = rows
                .iter()
                .filter(|c| crosscheck::app::PlaceKey::of(c).label() == *place)
                .count();
            let bars = h
                .query_all_by_label_contains(&format!("{place} · "))
                .count();
            assert_eq!(bars, expected, "bars in the lane of {place}");
        }
    };
    let places = lane_places(&h);
    assert_eq!(places.len(), DEFAULT_LANES, "{places:?}");
    check_lanes(&h, &places);
    // Add a place: a sixth lane.
    h.get_by_value("add a place").click();
    h.run_steps(2);
    let option = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.ends_with(" claims)"))
        .unwrap();
    let added = option.rsplit_once(" (").unwrap().0.to_owned();
    h.get_by_label(&option).click();
    settle(&mut h);
    h.get_by_label(&format!("Timeline of {} places", DEFAULT_LANES + 1));
    let places = lane_places(&h);
    assert!(places.contains(&added), "{added} not among {places:?}");
    check_lanes(&h, &places);
    // A bar opens its row in the table.
    let bar = h
        .query_all_by_label_contains(&format!("{added} · "))
        .next()
        .unwrap()
        .accesskit_node()
        .label()
        .unwrap();
    h.get_by_label(&bar).click();
    settle(&mut h);
    let (key, _) = h.state().view.compare.selected.clone().unwrap();
    let row = rows.iter().find(|c| c.key == key).unwrap();
    assert_eq!(crosscheck::app::PlaceKey::of(row).label(), added);
    h.get_by_label("Override verdict:");
}
