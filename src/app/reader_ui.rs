//! The reader: metadata above, raw and cleaned text side by side in one scrolling table; removed
//! lines struck through with their reason on hover; a click flips a line.

use std::collections::HashMap;

use egui_extras::{Column, TableBuilder};

use super::{App, Command};
use crate::clean::LineKind;
use crate::model::{ArticleId, Claim, ClaimId, Edit, LineDecision, MetaField};

/// Reader state: metadata fields being typed.
#[derive(Default)]
pub struct ReaderView {
    drafts: HashMap<(ArticleId, MetaField), String>,
    notes_draft: Option<(ArticleId, String)>,
    /// Text selected in the cleaned column: article, byte range in the analysed text.
    pub selection: Option<(ArticleId, usize, usize)>,
}

/// A claim made by hand from a span of the analysed text.
fn user_claim(
    id: &ArticleId,
    an: &crate::analysis::ArticleAnalysis,
    start: usize,
    end: usize,
) -> Claim {
    let line = an
        .doc
        .lines
        .get(an.doc.line_at(start))
        .map_or(0, |l| l.src_line);
    Claim {
        id: ClaimId::user(id, start, end),
        line,
        span: (start, end),
        text: an.doc.text[start..end].trim().to_owned(),
        ..Claim::default()
    }
}

/// The researcher's notes on an article, saved when the field loses focus.
fn notes_editor(ui: &mut egui::Ui, app: &mut App, id: &ArticleId, current: &str) {
    egui::CollapsingHeader::new(if current.is_empty() {
        "Notes".to_owned()
    } else {
        format!("Notes ({} characters)", current.chars().count())
    })
    .id_salt("article-notes")
    .show(ui, |ui| {
        let mut text = match &app.view.reader.notes_draft {
            Some((a, t)) if a == id => t.clone(),
            _ => current.to_owned(),
        };
        let r = ui.add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("Your notes on this article"),
        );
        if r.changed() {
            app.view.reader.notes_draft = Some((id.clone(), text.clone()));
        }
        if r.lost_focus()
            && let Some((a, t)) = app.view.reader.notes_draft.take()
            && t != current
        {
            app.command(Command::Edit(Edit::SetNotes {
                article: a,
                notes: t,
            }));
        }
    });
}

fn meta_editor(ui: &mut egui::Ui, app: &mut App, id: &ArticleId) {
    let meta = app
        .analysis
        .articles
        .get(id)
        .map(|a| a.meta.clone())
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut field = |ui: &mut egui::Ui, f: MetaField, width: f32| {
        let current = meta.get(f).unwrap_or_default();
        let key = (id.clone(), f);
        let mut text = app
            .view
            .reader
            .drafts
            .get(&key)
            .cloned()
            .unwrap_or_else(|| current.clone());
        let label = ui.label(f.label());
        let hint = match f {
            MetaField::Published => "YYYY-MM-DD[THH:MM]",
            _ => "unknown",
        };
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(hint)
                    .desired_width(width),
            )
            .labelled_by(label.id);
        if resp.changed() {
            app.view.reader.drafts.insert(key.clone(), text.clone());
        }
        if resp.lost_focus()
            && let Some(draft) = app.view.reader.drafts.remove(&key)
            && draft.trim() != current
        {
            out.push(Command::Edit(Edit::SetMeta {
                article: id.clone(),
                field: f,
                value: Some(draft),
            }));
        }
    };
    ui.horizontal(|ui| {
        let w = ui.available_width() - 60.0;
        field(ui, MetaField::Title, w);
    });
    ui.horizontal_wrapped(|ui| {
        field(ui, MetaField::Author, 180.0);
        field(ui, MetaField::Outlet, 160.0);
        field(ui, MetaField::Published, 140.0);
        field(ui, MetaField::Url, 260.0);
    });
    for c in out {
        app.command(c);
    }
}

pub fn show(ui: &mut egui::Ui, app: &mut App) {
    let Some(id) = app.view.selected.clone() else {
        ui.centered_and_justified(|ui| {
            ui.label(
                "Select an article in the library, or drop files on the window to import them.",
            );
        });
        return;
    };
    let Some(article) = app.project.articles.get(&id).cloned() else {
        app.view.selected = None;
        return;
    };
    let analysis = app.analysis.clone();
    let Some(an) = analysis.articles.get(&id) else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Analysing…");
        });
        return;
    };
    meta_editor(ui, app, &id);
    notes_editor(ui, app, &id, &article.notes);
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!(
                "{}{} · {} · {} · {} lines, {} kept · {} claims",
                article.source.file_name,
                article
                    .source
                    .record
                    .map(|r| format!(", record {}", r + 1))
                    .unwrap_or_default(),
                article.source.format.label(),
                article.source.encoding,
                an.doc.lines.len(),
                an.kept.iter().filter(|k| **k).count(),
                an.claims.len()
            ))
            .weak(),
        );
        if !an.near_duplicates.is_empty() {
            ui.separator();
            ui.label("Same story as:");
            for d in &an.near_duplicates {
                let name = analysis
                    .articles
                    .get(d)
                    .and_then(|x| x.meta.title.clone())
                    .unwrap_or_else(|| d.0.clone());
                if ui.link(name).clicked() {
                    app.command(Command::SelectArticle(d.clone()));
                }
            }
        }
    });
    // What the import noticed (a malformed header, records without text, a header date the
    // page contradicts): shown, never silently applied.
    for w in &an.warnings {
        ui.label(egui::RichText::new(format!("⚠ {w}")).color(ui.visuals().warn_fg_color));
    }
    ui.separator();

    // Lines of the highlighted claim.
    let highlight: Option<(usize, usize)> = app
        .view
        .highlight
        .as_ref()
        .filter(|(a, _)| *a == id)
        .and_then(|(_, c)| {
            let cl = an.claims.iter().find(|x| x.id == *c)?;
            Some((
                an.doc.line_at(cl.span.0),
                an.doc.line_at(cl.span.1.saturating_sub(1).max(cl.span.0)),
            ))
        });
    let scroll_to = app.view.scroll_to_line.take();

    // Select words in the cleaned text, then make a claim of them.
    let mut selection = app
        .view
        .reader
        .selection
        .clone()
        .filter(|(a, s, e)| *a == id && *e <= an.doc.text.len() && s < e);
    let mut out: Vec<Command> = Vec::new();
    ui.horizontal(|ui| {
        match &selection {
            Some((_, s, e)) => {
                let snippet: String = an.doc.text[*s..*e].chars().take(80).collect();
                if ui.button("Add selection as claim").clicked() {
                    out.push(Command::Edit(Edit::AddClaim { article: id.clone(), claim: user_claim(&id, an, *s, *e) }));
                }
                ui.label(egui::RichText::new(format!("“{}”", snippet.trim())).italics());
            }
            None => {
                ui.label(egui::RichText::new("Select words in the cleaned text to add them as a claim; right-click a line for its sentences.").weak());
            }
        }
    });

    let font_h = ui.text_style_height(&egui::TextStyle::Body);
    let avail = ui.available_width();
    let col_w = ((avail - 60.0) / 2.0).max(120.0);
    let char_w = font_h * 0.5;
    let per_line = (col_w / char_w).max(10.0);
    let heights: Vec<f32> = an
        .doc
        .lines
        .iter()
        .map(|l| {
            let chars = an.doc.line_text(l).chars().count() as f32;
            ((chars / per_line).ceil().max(1.0)) * (font_h + 2.0) + 6.0
        })
        .collect();
    let mut table = TableBuilder::new(ui)
        .id_salt(("reader", &id.0))
        .striped(false)
        .resizable(false)
        .column(Column::exact(44.0))
        .column(Column::exact(col_w))
        .column(Column::remainder())
        .auto_shrink(false);
    if let Some(r) = scroll_to {
        table = table.scroll_to_row(r, Some(egui::Align::Center));
    }
    table
        .header(22.0, |mut h| {
            h.col(|ui| {
                ui.strong("Line");
            });
            h.col(|ui| {
                ui.strong("Raw text (click a line to keep or remove it)");
            });
            h.col(|ui| {
                ui.strong("Cleaned text");
            });
        })
        .body(|body| {
            body.heterogeneous_rows(heights.into_iter(), |mut row| {
                let i = row.index();
                let l = &an.doc.lines[i];
                let text = an.doc.line_text(l);
                let class = &an.classes[i];
                let kept = an.kept[i];
                let user = article.line_decisions.get(&(i as u32 + 1)).copied();
                if let Some((a, b)) = highlight {
                    row.set_selected(i >= a && i <= b);
                }
                row.col(|ui| {
                    ui.label(
                        egui::RichText::new(l.src_line.to_string())
                            .weak()
                            .monospace(),
                    );
                });
                row.col(|ui| {
                    if class.kind == LineKind::Blank && text.trim().is_empty() {
                        return;
                    }
                    let mut rt = egui::RichText::new(text);
                    if !kept && class.kind == LineKind::Reference && user.is_none() {
                        // Endnotes and source lists: out of the body, but still to be read.
                        rt = rt.weak().small();
                    } else if !kept {
                        rt = rt.strikethrough().weak();
                    }
                    if user.is_some() {
                        rt = rt.italics();
                    }
                    let resp = ui.add(egui::Label::new(rt).wrap().sense(egui::Sense::click()));
                    let reason = match (user, kept) {
                        (Some(LineDecision::Remove), _) => {
                            "Removed by you. Click to restore the cleaner's choice.".to_owned()
                        }
                        (Some(LineDecision::Keep), _) => {
                            "Kept by you. Click to restore the cleaner's choice.".to_owned()
                        }
                        (None, true) => format!("{} — click to remove", class.kind.word()),
                        (None, false) => format!(
                            "{}: {} — click to keep",
                            class.kind.word(),
                            class.reason.as_deref().unwrap_or("removed")
                        ),
                    };
                    let resp = resp.on_hover_text(reason);
                    if resp.clicked() {
                        let decision = if user.is_some() {
                            None
                        } else if kept {
                            Some(LineDecision::Remove)
                        } else {
                            Some(LineDecision::Keep)
                        };
                        out.push(Command::Edit(Edit::SetLine {
                            article: id.clone(),
                            line: i as u32 + 1,
                            decision,
                        }));
                    }
                });
                row.col(|ui| {
                    if !kept && class.kind == LineKind::Reference && user.is_none() {
                        ui.add(
                            egui::Label::new(egui::RichText::new(text).weak().small().italics())
                                .wrap(),
                        )
                        .on_hover_text(format!(
                            "{}: not part of the body",
                            class.reason.as_deref().unwrap_or("reference")
                        ));
                    }
                    if kept {
                        // Selectable, read-only: select words to make a claim of them.
                        let mut buf: &str = text;
                        let output = egui::TextEdit::multiline(&mut buf)
                            .id_salt(("clean-line", &id.0, i))
                            .frame(egui::Frame::NONE)
                            .margin(egui::Margin::ZERO)
                            .desired_rows(1)
                            .desired_width(ui.available_width())
                            .show(ui);
                        if let Some(r) = output.cursor_range {
                            let chars = r.as_sorted_char_range();
                            let byte = |c: usize| {
                                text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
                            };
                            let (s, e) = (byte(chars.start.0), byte(chars.end.0));
                            if e > s && !text[s..e].trim().is_empty() {
                                selection = Some((id.clone(), l.start + s, l.start + e));
                            }
                        }
                        let resp = output.response;
                        resp.context_menu(|ui| {
                            if let Some((_, s, e)) = selection
                                .clone()
                                .filter(|(a, s, _)| *a == id && an.doc.line_at(*s) == i)
                            {
                                if ui.button("Add the selected text as a claim").clicked() {
                                    out.push(Command::Edit(Edit::AddClaim {
                                        article: id.clone(),
                                        claim: user_claim(&id, an, s, e),
                                    }));
                                    ui.close();
                                }
                                ui.separator();
                            }
                            ui.label(egui::RichText::new("Add a claim from this line").strong());
                            for (s, e) in crate::claims::sentence_spans(text) {
                                let sentence = &text[s..e];
                                let short: String = sentence.chars().take(70).collect();
                                if ui.button(format!("“{short}…”")).clicked() {
                                    let start = l.start + s;
                                    let end = l.start + e;
                                    let claim = Claim {
                                        id: ClaimId::user(&id, start, end),
                                        line: l.src_line,
                                        span: (start, end),
                                        text: sentence.to_owned(),
                                        ..Claim::default()
                                    };
                                    out.push(Command::Edit(Edit::AddClaim {
                                        article: id.clone(),
                                        claim,
                                    }));
                                    ui.close();
                                }
                            }
                        });
                    }
                });
            });
        });
    app.view.reader.selection = selection;
    for c in out {
        app.command(c);
    }
}
