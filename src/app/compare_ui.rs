//! The comparison panel: place × period × topic rows, one column per camp, the verdict in
//! colour; filters; a clicked cell lists its claims; verdicts can be overridden with a note.

use std::sync::Arc;

use egui_extras::{Column, TableBuilder};

use super::compare_pictures::{self, Picked, PlaceKey, verdict_colour};
use super::{App, Command};
use crate::compare::{Comparison, Options, Rollup, Verdict, Window};
use crate::model::{Camp, Edit};

/// State of the comparison panel.
#[derive(Default)]
pub struct CompareView {
    pub options: Options,
    pub verdict: Option<Verdict>,
    pub place: String,
    pub period: String,
    /// The selected row (group key) and camp column.
    pub selected: Option<(String, Option<Camp>)>,
    /// Comparisons for (analysis serial, options).
    pub result: Option<(u64, Options, Arc<Vec<Comparison>>)>,
    pub computing: Option<(u64, Options)>,
    pub picture: Picture,
    /// The places the timeline shows side by side (empty: the selected row's place, or the
    /// busiest places).
    pub timeline_places: Vec<PlaceKey>,
    note: String,
}

/// How the comparison is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Picture {
    #[default]
    Table,
    Timeline,
    Map,
}

/// Start computing comparisons in the background when the analysis or options changed.
fn ensure(app: &mut App) -> Option<Arc<Vec<Comparison>>> {
    let an = app.analysis.clone();
    let key = (app.analysis_serial, app.view.compare.options);
    if let Some((a, o, r)) = &app.view.compare.result
        && (*a, *o) == key
    {
        return Some(r.clone());
    }
    if app.view.compare.computing != Some(key) {
        app.view.compare.computing = Some(key);
        let p = app.project.clone();
        let opts = key.1;
        app.tasks.spawn("compare", move || super::Done::Compared {
            analysis: key.0,
            options: opts,
            comparisons: Arc::new(crate::compare::compare_project(&p, &an, &opts)),
        });
    }
    app.view.compare.result.as_ref().map(|(_, _, r)| r.clone())
}

pub fn show(ui: &mut egui::Ui, app: &mut App) {
    let Some(all) = ensure(app) else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Comparing…");
        });
        return;
    };
    // Wraps onto a second line in a narrow window rather than hiding the filters.
    ui.horizontal_wrapped(|ui| {
        let v = &mut app.view.compare;
        for (p, name) in [
            (Picture::Table, "Table"),
            (Picture::Timeline, "Timeline"),
            (Picture::Map, "Map"),
        ] {
            if ui.selectable_label(v.picture == p, name).clicked() {
                v.picture = p;
            }
        }
        ui.separator();
        ui.label("Group by");
        egui::ComboBox::from_id_salt("window")
            .selected_text(v.options.window.label())
            .show_ui(ui, |ui| {
                for w in Window::ALL {
                    ui.selectable_value(&mut v.options.window, w, w.label());
                }
            });
        egui::ComboBox::from_id_salt("rollup")
            .selected_text(match v.options.rollup {
                Rollup::Place => "each place",
                Rollup::Axis => "axis",
                Rollup::District => "district",
                Rollup::Oblast => "oblast",
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut v.options.rollup, Rollup::Place, "each place");
                ui.selectable_value(&mut v.options.rollup, Rollup::Axis, "axis");
                ui.selectable_value(&mut v.options.rollup, Rollup::District, "district");
                ui.selectable_value(&mut v.options.rollup, Rollup::Oblast, "oblast");
            });
        ui.separator();
        ui.label("Show");
        if ui.selectable_label(v.verdict.is_none(), "all").clicked() {
            v.verdict = None;
        }
        for verdict in Verdict::ALL {
            let text = egui::RichText::new(verdict.word()).color(verdict_colour(verdict));
            if ui
                .selectable_label(v.verdict == Some(verdict), text)
                .clicked()
            {
                v.verdict = Some(verdict);
            }
        }
        ui.separator();
        ui.add(
            egui::TextEdit::singleline(&mut v.place)
                .hint_text("place")
                .desired_width(120.0),
        );
        ui.add(
            egui::TextEdit::singleline(&mut v.period)
                .hint_text("period")
                .desired_width(90.0),
        );
    });
    let v = &app.view.compare;
    let place = v.place.to_lowercase();
    let rows: Vec<&Comparison> = all
        .iter()
        .filter(|c| v.verdict.is_none_or(|x| x == c.verdict))
        .filter(|c| place.is_empty() || c.place.to_lowercase().contains(&place))
        .filter(|c| v.period.is_empty() || c.period.starts_with(v.period.trim()))
        .collect();
    ui.label(egui::RichText::new(format!("{} of {} groups", rows.len(), all.len())).weak());

    let selected = app.view.compare.selected.clone();
    let selected_row = selected
        .as_ref()
        .and_then(|(key, camp)| all.iter().find(|c| &c.key == key).map(|c| (c, *camp)));

    let picked = match app.view.compare.picture {
        Picture::Table => None,
        Picture::Timeline => {
            let place = selected_row.map(|(c, _)| PlaceKey::of(c));
            let an = app.analysis.clone();
            compare_pictures::timeline(ui, &an, &rows, &mut app.view.compare.timeline_places, place)
        }
        Picture::Map => compare_pictures::map(ui, &rows),
    };
    if app.view.compare.picture != Picture::Table {
        match picked {
            Some(Picked::Claim(a, c)) => app.command(Command::ShowClaim(a, c)),
            Some(Picked::Row(key)) => {
                app.view.compare.note.clear();
                app.view.compare.selected = Some((key, None));
                app.view.compare.picture = Picture::Table;
            }
            Some(Picked::Place(p)) => {
                app.view.compare.place = p;
                app.view.compare.picture = Picture::Table;
            }
            None => {}
        }
        return;
    }
    let mut clicked: Option<(String, Option<Camp>)> = None;
    // The table takes the space above the details of the selected row.
    let detail_h = if selected_row.is_some() { 250.0 } else { 0.0 };
    let full_w = ui.available_width();
    let table_size = egui::vec2(full_w, (ui.available_height() - detail_h).max(120.0));
    ui.allocate_ui(table_size, |ui| {
        // Every camp column is reachable in a narrow window: the table scrolls sideways, and
        // each column can be resized.
        super::wide_table::wide_table(ui, "compare-hscroll", |ui| {
            table(ui, &rows, selected.as_ref(), &mut clicked);
        });
    });
    if let Some((c, camp)) = selected_row {
        ui.separator();
        ui.allocate_ui(egui::vec2(full_w, ui.available_height()), |ui| {
            ui.set_max_width(full_w);
            detail(ui, app, c, camp);
        });
    }
    if let Some(s) = clicked {
        app.view.compare.note.clear();
        app.view.compare.selected = Some(s);
    }
}

/// The comparison table: place, period, topic, verdict, then one column per camp.
fn table(
    ui: &mut egui::Ui,
    rows: &[&Comparison],
    selected: Option<&(String, Option<Camp>)>,
    clicked: &mut Option<(String, Option<Camp>)>,
) {
    let camps = Camp::ALL;
    let mut tb = TableBuilder::new(ui)
        .id_salt("compare-table")
        .striped(true)
        .resizable(true)
        .column(Column::initial(140.0).at_least(40.0).clip(true))
        .column(Column::initial(80.0).at_least(40.0).clip(true))
        .column(Column::initial(80.0).at_least(40.0).clip(true))
        .column(Column::initial(80.0).at_least(40.0).clip(true));
    for _ in camps {
        tb = tb.column(Column::initial(170.0).at_least(40.0).clip(true));
    }
    tb.auto_shrink(false)
        .header(22.0, |mut h| {
            for name in ["Place", "Period", "Topic", "Verdict"] {
                h.col(|ui| {
                    ui.strong(name);
                });
            }
            for c in camps {
                h.col(|ui| {
                    ui.strong(c.label());
                });
            }
        })
        .body(|body| {
            body.rows(24.0, rows.len(), |mut row| {
                let c = rows[row.index()];
                row.set_selected(selected.is_some_and(|(k, _)| *k == c.key));
                row.col(|ui| {
                    let label = PlaceKey::of(c).label();
                    if ui
                        .add(
                            egui::Label::new(label)
                                .truncate()
                                .sense(egui::Sense::click()),
                        )
                        .clicked()
                    {
                        *clicked = Some((c.key.clone(), None));
                    }
                });
                row.col(|ui| {
                    ui.label(&c.period);
                });
                row.col(|ui| {
                    ui.label(c.topic.word());
                });
                row.col(|ui| {
                    let mut t = egui::RichText::new(c.verdict.word())
                        .color(egui::Color32::WHITE)
                        .background_color(verdict_colour(c.verdict))
                        .strong();
                    if c.verdict != c.computed {
                        t = t.italics();
                    }
                    let r = ui
                        .add(egui::Label::new(t).sense(egui::Sense::click()))
                        .on_hover_text(&c.reason);
                    if r.clicked() {
                        *clicked = Some((c.key.clone(), None));
                    }
                });
                for camp in camps {
                    row.col(|ui| {
                        if let Some(p) = c.positions.get(&camp) {
                            let statements = if p.sources == 1 {
                                "one statement".to_owned()
                            } else {
                                format!("{} independent statements", p.sources)
                            };
                            // The phrase in full with what stands behind it (not egui's copy
                            // of the cut text as well).
                            let r = ui
                                .add(
                                    egui::Label::new(format!("{} ({})", p.phrase, p.claims.len()))
                                        .truncate()
                                        .show_tooltip_when_elided(false)
                                        .sense(egui::Sense::click()),
                                )
                                // The row named too: scrolled sideways, its place is out
                                // of sight.
                                .on_hover_text(format!(
                                    "{} · {} · {}\n{}: {}\n{} claims, {statements}; click for them",
                                    PlaceKey::of(c).label(),
                                    c.period,
                                    c.topic.word(),
                                    camp.label(),
                                    p.phrase,
                                    p.claims.len()
                                ));
                            if r.clicked() {
                                *clicked = Some((c.key.clone(), Some(camp)));
                            }
                        }
                    });
                }
            });
        });
}

fn detail(ui: &mut egui::Ui, app: &mut App, c: &Comparison, camp: Option<Camp>) {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{} · {} · {}", c.place, c.period, c.topic.word()));
        ui.label(
            egui::RichText::new(c.verdict.word())
                .color(verdict_colour(c.verdict))
                .strong(),
        );
        ui.label(&c.reason);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Override verdict:");
        for v in Verdict::ALL {
            if ui.button(v.word()).clicked() {
                out.push(Command::Edit(Edit::SetVerdict {
                    group: c.key.clone(),
                    verdict: Some(c.override_with(v, &app.view.compare.note)),
                }));
            }
        }
        ui.add(
            egui::TextEdit::singleline(&mut app.view.compare.note)
                .hint_text("note: why")
                .desired_width(240.0),
        );
        if let Some(scope) = c.override_scope() {
            ui.label(format!("your verdict applies to {scope}"));
        }
        if c.override_range.is_some() && ui.button("Clear override").clicked() {
            out.push(Command::Edit(Edit::SetVerdict {
                group: c.key.clone(),
                verdict: None,
            }));
        }
    });
    ui.separator();
    let an = app.analysis.clone();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for p in c
                .positions
                .values()
                .filter(|p| camp.is_none_or(|k| k == p.camp))
            {
                ui.strong(format!("{}: {}", p.camp.label(), p.phrase));
                for r in &p.claims {
                    let Some(a) = an.articles.get(&r.article) else {
                        continue;
                    };
                    let Some(cl) = a.claims.iter().find(|x| x.id == r.claim) else {
                        continue;
                    };
                    let speaker = cl.speaker.as_deref().unwrap_or("unattributed");
                    let via = match &a.meta.outlet {
                        Some(o) if o != speaker => format!(" ({o})"),
                        _ => String::new(),
                    };
                    let date = cl
                        .date
                        .or(a.meta.published)
                        .map(|d| format!(", {}", d.label()))
                        .unwrap_or_default();
                    let text = format!(
                        "“{}” — {speaker}{via}{date}",
                        cl.text.trim().trim_matches(['"', '“', '”'])
                    );
                    if ui.link(text).clicked() {
                        out.push(Command::ShowClaim(r.article.clone(), r.claim.clone()));
                    }
                }
            }
        });
    for c in out {
        app.command(c);
    }
}
