//! The article library: title, outlet, date; filter as you type; near-duplicates marked.

use std::sync::Arc;

use super::{App, Command};

/// One row of the library: the article, its title, outlet and date, same-story mark.
type Row = (crate::model::ArticleId, String, String, bool);

/// What the rows were built from: project generation, analysis serial, filter.
type RowsKey = (u64, u64, String);

/// The library's rows, kept while the project, its analysis and the filter stay the same:
/// with thousands of articles, building them takes longer than a frame.
#[derive(Default)]
pub struct LibraryView {
    rows: Option<(RowsKey, Arc<Vec<Row>>)>,
}

pub fn show(ui: &mut egui::Ui, app: &mut App) {
    egui::Panel::left("library")
        .resizable(true)
        .default_size(300.0)
        .min_size(180.0)
        .show(ui, |ui| {
            ui.heading("Library");
            ui.horizontal(|ui| {
                let label = ui.label("Filter");
                ui.add(
                    egui::TextEdit::singleline(&mut app.view.library_filter)
                        .hint_text("title, outlet or date")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            });
            let key = (
                app.generation,
                app.analysis_serial,
                app.view.library_filter.clone(),
            );
            let rows = match &app.view.library.rows {
                Some((k, rows)) if *k == key => rows.clone(),
                _ => {
                    let rows = Arc::new(rows(app));
                    app.view.library.rows = Some((key, rows.clone()));
                    rows
                }
            };
            ui.label(
                egui::RichText::new(format!(
                    "{} of {} articles",
                    rows.len(),
                    app.project.articles.len()
                ))
                .weak(),
            );
            ui.separator();
            let row_h = 40.0;
            egui::ScrollArea::vertical().auto_shrink(false).show_rows(
                ui,
                row_h,
                rows.len(),
                |ui, range| {
                    for (id, title, sub, dup) in &rows[range] {
                        let selected = app.view.selected.as_ref() == Some(id);
                        ui.vertical(|ui| {
                            ui.set_height(row_h - 4.0);
                            let title = if *dup {
                                format!("[same story] {title}")
                            } else {
                                title.clone()
                            };
                            let resp = ui.add_sized(
                                [ui.available_width(), 20.0],
                                egui::Button::selectable(selected, title).truncate(),
                            );
                            let resp = if *dup {
                                resp.on_hover_text(
                                    "another article in the project tells the same story",
                                )
                            } else {
                                resp
                            };
                            if resp.clicked() {
                                app.command(Command::SelectArticle(id.clone()));
                            }
                            ui.add(
                                egui::Label::new(egui::RichText::new(sub).weak().small())
                                    .truncate(),
                            );
                        });
                    }
                },
            );
        });
}

/// The rows the filter lets through, in the project's order.
fn rows(app: &App) -> Vec<Row> {
    let filter = app.view.library_filter.to_lowercase();
    let mut rows: Vec<Row> = Vec::new();
    for (id, a) in &app.project.articles {
        let an = app.analysis.articles.get(id);
        let meta = an.map(|x| x.meta.clone()).unwrap_or_else(|| {
            let mut m = a.imported_meta.clone();
            m.overlay(&a.meta_edits);
            m
        });
        // Untitled: the first line of the article's text, else of the raw file.
        let title = an.and_then(|x| x.title()).unwrap_or_else(|| {
            meta.title.clone().unwrap_or_else(|| {
                let first = a.raw.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                first.trim().chars().take(80).collect()
            })
        });
        let mut sub = Vec::new();
        if let Some(o) = &meta.outlet {
            sub.push(o.clone());
        }
        if let Some(d) = meta.published {
            sub.push(d.to_string());
        }
        if sub.is_empty() {
            sub.push(a.source.file_name.clone());
        }
        let sub = sub.join(" · ");
        if !filter.is_empty()
            && !title.to_lowercase().contains(&filter)
            && !sub.to_lowercase().contains(&filter)
        {
            continue;
        }
        let dup = an.is_some_and(|x| !x.near_duplicates.is_empty());
        rows.push((id.clone(), title, sub, dup));
    }
    rows
}
