//! Modal dialogs: unsaved changes, crash recovery, messages.

use super::{App, Command, Dialog, UnsavedAnswer};

pub fn show(ctx: &egui::Context, app: &mut App) {
    let Some(dialog) = app.dialog.clone() else {
        return;
    };
    let mut out = Vec::new();
    egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match &dialog {
            Dialog::Unsaved(_) => {
                ui.heading("Save changes?");
                ui.label("This project has changes that are not saved. Save them first?");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        out.push(Command::Unsaved(UnsavedAnswer::Save));
                    }
                    if ui.button("Don't save").clicked() {
                        out.push(Command::Unsaved(UnsavedAnswer::Discard));
                    }
                    if ui.button("Cancel").clicked() {
                        out.push(Command::Unsaved(UnsavedAnswer::Cancel));
                    }
                });
            }
            Dialog::Recover { recovered } => {
                ui.heading("Recover unsaved work?");
                ui.label(format!(
                    "Crosscheck was closed with unsaved changes. A recovery copy with {} articles was found. Recover it?",
                    recovered.articles.len()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        out.push(Command::Recover(true));
                    }
                    if ui.button("Discard recovery").clicked() {
                        out.push(Command::Recover(false));
                    }
                });
            }
            Dialog::Conflicts => {
                ui.set_min_width(640.0);
                ui.heading("Merge conflicts");
                ui.label("Both projects changed these values differently. Yours is applied; the other version is kept here until you choose.");
                let an = app.analysis.clone();
                egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                    for (i, c) in app.project.merge_conflicts.iter().enumerate() {
                        ui.separator();
                        let title = c
                            .article
                            .as_ref()
                            .and_then(|a| an.articles.get(a).and_then(|x| x.meta.title.clone()).or_else(|| Some(a.0.clone())))
                            .unwrap_or_else(|| "the project".into());
                        ui.strong(format!("{} — {}", title, c.what));
                        ui.label(format!("yours: {}", c.ours));
                        ui.label(format!("theirs (from {}): {}", c.from, c.theirs));
                        ui.horizontal(|ui| {
                            if ui.button("Keep mine").clicked() {
                                out.push(Command::Edit(crate::model::Edit::DismissConflict(i)));
                            }
                            if c.key.is_some() && ui.button("Take theirs").clicked() {
                                out.push(Command::Edit(crate::model::Edit::TakeTheirs(i)));
                            }
                        });
                    }
                });
                if app.project.merge_conflicts.is_empty() {
                    ui.label("All conflicts are settled.");
                }
                if ui.button("Close").clicked() {
                    out.push(Command::CloseDialog);
                }
            }
            Dialog::Message { title, text } => {
                ui.heading(title);
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    ui.label(text);
                });
                if ui.button("OK").clicked() {
                    out.push(Command::CloseDialog);
                }
            }
        }
    });
    for c in out {
        app.command(c);
    }
}
