//! The claim table: sort by any column, filter by camp, place, date and text; one row per
//! statement with its number of outlets (wire copy shown once); edit the selected claim above;
//! a row opens its sentence in the reader. Virtual rows, cached order; the table scrolls
//! sideways and its columns resize.

use std::sync::Arc;

use egui_extras::{Column, TableBuilder};

use super::{App, Command};
use crate::analysis::Analysis;
use crate::compare::Statements;
use crate::model::{
    ArticleId, Camp, Claim, ClaimEdit, ClaimId, Edit, PartialDate, PlaceRef, Position, Stance,
    Topic, Verification,
};

/// Filtered, sorted rows: (article, claim index).
type Rows = Arc<Vec<(ArticleId, usize)>>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// By article title; an article's claims in their order.
    #[default]
    Article,
    Speaker,
    Camp,
    Position,
    Place,
    Date,
    Topic,
    /// By the number of independent sources behind the statement.
    Sources,
    Text,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Key {
    analysis: u64,
    /// The analysis the statements were computed from, when they are used.
    statements: Option<u64>,
    every_copy: bool,
    text: String,
    camp: Option<Camp>,
    place: String,
    date: String,
    sort: SortBy,
    desc: bool,
}

/// State of the claim table.
#[derive(Default)]
pub struct ClaimsView {
    pub text: String,
    pub camp: Option<Camp>,
    pub place: String,
    pub date: String,
    pub sort: SortBy,
    pub desc: bool,
    /// Show every copy of a statement, not one row per statement.
    pub every_copy: bool,
    pub selected: Option<(ArticleId, ClaimId)>,
    /// Which claims report one statement, for an analysis serial (computed by a task when the
    /// analysis changes; an older one serves until then: it is keyed by claim ids).
    pub statements: Option<(u64, Arc<Statements>)>,
    pub statements_computing: Option<u64>,
    cache: Option<(Key, Rows)>,
    speaker_draft: Option<String>,
    date_draft: Option<String>,
    places_draft: Option<String>,
}

fn place_names(c: &Claim) -> String {
    c.places
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The number of independent sources behind a claim's statement (1 when it stands alone).
fn sources_of(st: Option<&Statements>, article: &ArticleId, c: &Claim) -> usize {
    st.and_then(|s| s.statement_of(article, &c.id))
        .map_or(1, |s| s.sources)
}

/// Filtered and sorted (article, claim index) pairs; one per statement unless every copy is
/// asked for (the first copy in the order shown stands for the others).
pub fn rows(view: &ClaimsView, an: &Analysis) -> Vec<(ArticleId, usize)> {
    let text = view.text.to_lowercase();
    let place = view.place.to_lowercase();
    let statements = view.statements.as_ref().map(|(_, s)| s.as_ref());
    // Articles by title, so that sorting by article needs no per-claim sort.
    let mut articles: Vec<(String, &ArticleId)> = an
        .articles
        .iter()
        .map(|(id, a)| (a.title().unwrap_or_default().to_lowercase(), id))
        .collect();
    articles.sort();
    // Each row with its statement, when it shares one with other claims and copies fold.
    let fold = statements.filter(|_| !view.every_copy);
    let mut out: Vec<(ArticleId, usize, Option<u32>)> = Vec::new();
    for (_, id) in articles {
        let a = &an.articles[id];
        let in_article = fold.map(|s| s.in_article(id));
        for (i, c) in a.claims.iter().enumerate() {
            if view.camp.is_some_and(|k| k != c.camp) {
                continue;
            }
            if !text.is_empty()
                && !c.text.to_lowercase().contains(&text)
                && !c
                    .speaker
                    .as_deref()
                    .unwrap_or("")
                    .to_lowercase()
                    .contains(&text)
            {
                continue;
            }
            if !place.is_empty()
                && !c.places.iter().any(|p| {
                    p.name.to_lowercase().contains(&place)
                        || p.oblast
                            .as_deref()
                            .unwrap_or("")
                            .to_lowercase()
                            .contains(&place)
                })
            {
                continue;
            }
            if !view.date.is_empty()
                && !c
                    .date
                    .or(a.meta.published)
                    .is_some_and(|d| d.to_string().starts_with(view.date.trim()))
            {
                continue;
            }
            out.push((id.clone(), i, in_article.and_then(|s| s.of(&c.id))));
        }
    }
    let get = |r: &(ArticleId, usize, Option<u32>)| &an.articles[&r.0].claims[r.1];
    match view.sort {
        SortBy::Article => {}
        SortBy::Speaker => {
            out.sort_by_cached_key(|r| get(r).speaker.clone().unwrap_or_default().to_lowercase())
        }
        SortBy::Camp => out.sort_by_key(|r| get(r).camp),
        SortBy::Position => out.sort_by_key(|r| get(r).position.label()),
        SortBy::Place => out.sort_by_cached_key(|r| place_names(get(r))),
        SortBy::Date => out.sort_by_key(|r| {
            get(r)
                .date
                .or(an.articles[&r.0].meta.published)
                .and_then(|d| d.first_day())
        }),
        SortBy::Topic => out.sort_by_key(|r| get(r).topic),
        // Most sources first.
        SortBy::Sources => {
            out.sort_by_key(|r| std::cmp::Reverse(sources_of(statements, &r.0, get(r))));
        }
        SortBy::Text => out.sort_by_cached_key(|r| get(r).text.clone()),
    }
    if view.desc {
        out.reverse();
    }
    // The first copy in the order shown stands for its statement.
    let mut shown: std::collections::HashSet<
        u32,
        std::hash::BuildHasherDefault<crate::places::FxHasher>,
    > = std::collections::HashSet::default();
    out.into_iter()
        .filter(|r| r.2.is_none_or(|s| shown.insert(s)))
        .map(|(a, i, _)| (a, i))
        .collect()
}

/// A choice labelled by the field name before it (as a screen reader or a test finds it).
fn combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    field: &egui::Response,
    current: T,
    all: &[T],
    label: impl Fn(T) -> String,
) -> Option<T> {
    let mut v = current;
    egui::ComboBox::from_id_salt(field.id)
        .selected_text(label(current))
        .show_ui(ui, |ui| {
            for &x in all {
                ui.selectable_value(&mut v, x, label(x));
            }
        })
        .response
        .labelled_by(field.id);
    (v != current).then_some(v)
}

fn editor(ui: &mut egui::Ui, app: &mut App, article: &ArticleId, c: &Claim) {
    let mut edits: Vec<ClaimEdit> = Vec::new();
    let mut out = Vec::new();
    let mut project_cmds: Vec<Command> = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.strong("Selected claim:");
        ui.label(egui::RichText::new(c.text.trim()).italics());
    });
    ui.horizontal_wrapped(|ui| {
        let view = &mut app.view.claims;
        ui.label("Speaker");
        let mut s = view
            .speaker_draft
            .clone()
            .unwrap_or_else(|| c.speaker.clone().unwrap_or_default());
        let r = ui.add(egui::TextEdit::singleline(&mut s).desired_width(180.0));
        if r.changed() {
            view.speaker_draft = Some(s.clone());
        }
        if r.lost_focus() && view.speaker_draft.take().is_some() {
            let v = s.trim().to_owned();
            edits.push(ClaimEdit {
                speaker: Some((!v.is_empty()).then_some(v)),
                ..ClaimEdit::default()
            });
        }
        let field = ui.label("Camp");
        ui.horizontal(|ui| {
            if let Some(v) = combo(ui, &field, c.camp, &Camp::ALL, |x| x.label().to_owned()) {
                edits.push(ClaimEdit {
                    camp: Some(v),
                    ..ClaimEdit::default()
                });
            }
            if let Some(sp) = &c.speaker
                && ui
                    .small_button("for all")
                    .on_hover_text(format!(
                        "Put every claim by {sp} in this camp, in this project"
                    ))
                    .clicked()
            {
                project_cmds.push(Command::Edit(Edit::SetCampOverride {
                    claimant: sp.clone(),
                    camp: Some(c.camp),
                }));
            }
        });
        let field = ui.label("Topic");
        if let Some(v) = combo(ui, &field, c.topic, &Topic::ALL, |x| x.word().to_owned()) {
            edits.push(ClaimEdit {
                topic: Some(v),
                ..ClaimEdit::default()
            });
        }
        let field = ui.label("Position");
        if let Some(v) = combo(ui, &field, c.position, &Position::ALL, |x| {
            x.label().to_owned()
        }) {
            edits.push(ClaimEdit {
                position: Some(v),
                ..ClaimEdit::default()
            });
        }
        let field = ui.label("Stance");
        if let Some(v) = combo(ui, &field, c.stance, &Stance::ALL, |x| x.label().to_owned()) {
            edits.push(ClaimEdit {
                stance: Some(v),
                ..ClaimEdit::default()
            });
        }
        ui.end_row();
        ui.label("Date");
        let mut d = view
            .date_draft
            .clone()
            .unwrap_or_else(|| c.date.map(|d| d.to_string()).unwrap_or_default());
        let r = ui.add(
            egui::TextEdit::singleline(&mut d)
                .hint_text("YYYY-MM-DD or --MM-DD")
                .desired_width(180.0),
        );
        if r.changed() {
            view.date_draft = Some(d.clone());
        }
        if let Some(md @ PartialDate::MonthDay { .. }) = c.date {
            ui.label(egui::RichText::new(format!("{}, year unknown", md.label())).weak());
        }
        if r.lost_focus() && view.date_draft.take().is_some() {
            let t = d.trim();
            if t.is_empty() {
                edits.push(ClaimEdit {
                    date: Some(None),
                    ..ClaimEdit::default()
                });
            } else if let Some(pd) = PartialDate::parse(t) {
                edits.push(ClaimEdit {
                    date: Some(Some(pd)),
                    ..ClaimEdit::default()
                });
            }
        }
        let field = ui.label("Verification");
        if let Some(v) = combo(ui, &field, c.verification, &Verification::ALL, |x| {
            x.label().to_owned()
        }) {
            edits.push(ClaimEdit {
                verification: Some(v),
                ..ClaimEdit::default()
            });
        }
        ui.label("Hedged");
        let mut h = c.hedged;
        if ui.checkbox(&mut h, "").changed() {
            edits.push(ClaimEdit {
                hedged: Some(h),
                ..ClaimEdit::default()
            });
        }
        ui.end_row();
        ui.label("Places");
        let mut p = view.places_draft.clone().unwrap_or_else(|| place_names(c));
        let r = ui.add(
            egui::TextEdit::singleline(&mut p)
                .hint_text("comma-separated")
                .desired_width(180.0),
        );
        if r.changed() {
            view.places_draft = Some(p.clone());
        }
        if r.lost_focus() && view.places_draft.take().is_some() {
            let places: Vec<PlaceRef> = p
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|name| {
                    crate::places::resolve_name(name).unwrap_or_else(|| PlaceRef {
                        name: name.to_owned(),
                        ..PlaceRef::default()
                    })
                })
                .collect();
            edits.push(ClaimEdit {
                places: Some(places),
                ..ClaimEdit::default()
            });
        }
        if ui.button("Show in reader").clicked() {
            out.push(Command::ShowClaim(article.clone(), c.id.clone()));
        }
        if ui.button("Delete claim").clicked() {
            out.push(Command::Edit(Edit::DeleteClaim {
                article: article.clone(),
                claim: c.id.clone(),
            }));
            app.view.claims.selected = None;
        }
        ui.end_row();
    });
    copies(ui, app, article, c, &mut out);
    for e in edits {
        out.push(Command::Edit(Edit::EditClaim {
            article: article.clone(),
            claim: c.id.clone(),
            edit: e,
        }));
    }
    out.extend(project_cmds);
    for c in out {
        app.command(c);
    }
}

/// The other claims reporting the selected claim's statement, each a link to its sentence.
fn copies(ui: &mut egui::Ui, app: &App, article: &ArticleId, c: &Claim, out: &mut Vec<Command>) {
    let Some((_, st)) = &app.view.claims.statements else {
        return;
    };
    let Some(statement) = st.statement_of(article, &c.id) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "The same statement, {} in all:",
            sources_label(statement.sources, statement.claims.len())
        ));
        for r in &statement.claims {
            if r.article == *article && r.claim == c.id {
                continue;
            }
            if ui.link(copy_line(&app.analysis, r)).clicked() {
                out.push(Command::ShowClaim(r.article.clone(), r.claim.clone()));
            }
        }
    });
}

/// "×3 outlets" for a statement three outlets carry; "×2 copies" for one outlet's repeats.
fn sources_label(sources: usize, claims: usize) -> String {
    if sources > 1 {
        format!("×{sources} outlets")
    } else {
        format!("×{claims} copies")
    }
}

/// The Article cell's hover text: the whole title, the outlet and the date.
fn article_hover(title: &str, a: &crate::analysis::ArticleAnalysis) -> String {
    let mut sub: Vec<String> = a.meta.outlet.iter().cloned().collect();
    sub.extend(a.meta.published.map(|d| d.label()));
    if sub.is_empty() {
        title.to_owned()
    } else {
        format!("{title}\n{}", sub.join(" · "))
    }
}

/// A copy of a statement as the panel names it: outlet, article title and date.
fn copy_line(an: &Analysis, r: &crate::compare::ClaimRef) -> String {
    let Some(a) = an.articles.get(&r.article) else {
        return String::new();
    };
    let outlet = a.meta.outlet.as_deref().unwrap_or("unknown outlet");
    let title = a.title().unwrap_or_default();
    let date = a
        .claims
        .iter()
        .find(|x| x.id == r.claim)
        .and_then(|x| x.date)
        .or(a.meta.published)
        .map(|d| format!(", {}", d.label()))
        .unwrap_or_default();
    format!("{outlet}: {title}{date}")
}

pub fn show(ui: &mut egui::Ui, app: &mut App) {
    let an = app.analysis.clone();
    // Wraps in a narrow window rather than hiding the last filters.
    ui.horizontal_wrapped(|ui| {
        let v = &mut app.view.claims;
        let l = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut v.text)
                .hint_text("text or speaker")
                .desired_width(180.0),
        )
        .labelled_by(l.id);
        egui::ComboBox::from_id_salt("camp-filter")
            .selected_text(v.camp.map_or("all camps", Camp::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut v.camp, None, "all camps");
                for c in Camp::ALL {
                    ui.selectable_value(&mut v.camp, Some(c), c.label());
                }
            });
        let l = ui.label("Place");
        ui.add(
            egui::TextEdit::singleline(&mut v.place)
                .hint_text("place or oblast")
                .desired_width(140.0),
        )
        .labelled_by(l.id);
        let l = ui.label("Date");
        ui.add(
            egui::TextEdit::singleline(&mut v.date)
                .hint_text("2025-01")
                .desired_width(100.0),
        )
        .labelled_by(l.id);
        ui.checkbox(&mut v.every_copy, "every copy")
            .on_hover_text("Show each outlet's copy of a statement on its own row");
    });
    let key = {
        let v = &app.view.claims;
        Key {
            analysis: app.analysis_serial,
            statements: v
                .statements
                .as_ref()
                .filter(|_| !v.every_copy)
                .map(|(serial, _)| *serial),
            every_copy: v.every_copy,
            text: v.text.clone(),
            camp: v.camp,
            place: v.place.clone(),
            date: v.date.clone(),
            sort: v.sort,
            desc: v.desc,
        }
    };
    let list = match &app.view.claims.cache {
        Some((k, l)) if *k == key => l.clone(),
        _ => {
            let l = Arc::new(rows(&app.view.claims, &an));
            app.view.claims.cache = Some((key, l.clone()));
            l
        }
    };
    let total = an.claim_count();
    ui.label(egui::RichText::new(format!("{} of {total} claims", list.len())).weak());

    let selected = app.view.claims.selected.clone();
    if let Some((aid, cid)) = &selected
        && let Some(c) = an
            .articles
            .get(aid)
            .and_then(|a| a.claims.iter().find(|c| &c.id == cid))
    {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            editor(ui, app, aid, c);
        });
    }

    let statements = app.view.claims.statements.clone().map(|(_, s)| s);
    let every_copy = app.view.claims.every_copy;
    let mut out = Vec::new();
    let mut new_sort: Option<SortBy> = None;
    let headers = [
        ("Date", SortBy::Date),
        ("Speaker", SortBy::Speaker),
        ("Camp", SortBy::Camp),
        ("Position", SortBy::Position),
        ("Claim", SortBy::Text),
        ("Outlets", SortBy::Sources),
        ("Article", SortBy::Article),
        ("Places", SortBy::Place),
        ("Topic", SortBy::Topic),
    ];
    let (sort, desc) = (app.view.claims.sort, app.view.claims.desc);
    // Wider than the window: the table scrolls sideways, and each column can be resized.
    super::wide_table::wide_table(ui, "claims-hscroll", |ui| {
        TableBuilder::new(ui)
            .id_salt("claims-table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .column(Column::initial(78.0).at_least(40.0).clip(true))
            .column(Column::initial(130.0).at_least(40.0).clip(true))
            .column(Column::initial(110.0).at_least(40.0).clip(true))
            .column(Column::initial(110.0).at_least(40.0).clip(true))
            .column(Column::initial(380.0).at_least(120.0).clip(true))
            .column(Column::initial(78.0).at_least(40.0).clip(true))
            .column(Column::initial(160.0).at_least(40.0).clip(true))
            .column(Column::initial(130.0).at_least(40.0).clip(true))
            .column(Column::remainder().at_least(70.0).clip(true))
            .auto_shrink(false)
            .header(22.0, |mut h| {
                for (name, s) in headers {
                    h.col(|ui| {
                        let arrow = if sort == s {
                            if desc { " v" } else { " ^" }
                        } else {
                            ""
                        };
                        if ui
                            .add(
                                egui::Button::new(
                                    egui::RichText::new(format!("{name}{arrow}")).strong(),
                                )
                                .frame(false),
                            )
                            .clicked()
                        {
                            new_sort = Some(s);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, list.len(), |mut row| {
                    let (aid, ci) = &list[row.index()];
                    let Some(a) = an.articles.get(aid) else {
                        return;
                    };
                    let Some(c) = a.claims.get(*ci) else {
                        return;
                    };
                    let is_sel = selected
                        .as_ref()
                        .is_some_and(|(x, id)| x == aid && *id == c.id);
                    row.set_selected(is_sel);
                    let date = c.date.or(a.meta.published).map(|d| d.label());
                    let title = a.title().unwrap_or_default();
                    let statement = statements
                        .as_deref()
                        .and_then(|s| s.statement_of(aid, &c.id));
                    // The cells, each with its hover text.
                    let sources = statement.map_or_else(
                        || (String::new(), None),
                        |s| {
                            let others: Vec<String> = s
                                .claims
                                .iter()
                                .filter(|r| !(r.article == *aid && r.claim == c.id))
                                .map(|r| copy_line(&an, r))
                                .collect();
                            let head = if every_copy {
                                "Also reported in:"
                            } else {
                                "Shown once; also reported in:"
                            };
                            (
                                sources_label(s.sources, s.claims.len()),
                                Some(format!("{head}\n{}", others.join("\n"))),
                            )
                        },
                    );
                    let cells: [(String, Option<String>); 9] = [
                        (date.unwrap_or_default(), c.date_text.clone()),
                        (c.speaker.clone().unwrap_or_else(|| "—".into()), None),
                        (c.camp.label().to_owned(), None),
                        (
                            c.position.label().to_owned(),
                            c.places.first().map(|p| c.position.phrase(&p.name)),
                        ),
                        (
                            format!(
                                "{}{}",
                                if c.hedged { "(hedged) " } else { "" },
                                c.text.trim()
                            ),
                            None,
                        ),
                        sources,
                        // Cut to the column's width; the full title on hover.
                        (title.clone(), Some(article_hover(&title, a))),
                        (place_names(c), None),
                        (c.topic.word().to_owned(), None),
                    ];
                    let mut clicked = false;
                    let mut double = false;
                    for (t, hover) in cells {
                        row.col(|ui| {
                            // A cell with hover text of its own shows that, not egui's
                            // copy of the text it cut.
                            let mut r = ui.add(
                                egui::Label::new(t)
                                    .truncate()
                                    .show_tooltip_when_elided(hover.is_none())
                                    .sense(egui::Sense::click()),
                            );
                            if let Some(h) = hover {
                                r = r.on_hover_text(h);
                            }
                            clicked |= r.clicked();
                            double |= r.double_clicked();
                        });
                    }
                    let r = row.response();
                    if r.clicked() || clicked {
                        out.push((aid.clone(), c.id.clone(), false));
                    }
                    if r.double_clicked() || double {
                        out.push((aid.clone(), c.id.clone(), true));
                    }
                });
            });
    });
    if let Some(s) = new_sort {
        let v = &mut app.view.claims;
        if v.sort == s {
            v.desc = !v.desc;
        } else {
            v.sort = s;
            v.desc = false;
        }
    }
    for (a, c, open) in out {
        app.view.claims.selected = Some((a.clone(), c.clone()));
        app.view.claims.speaker_draft = None;
        app.view.claims.date_draft = None;
        app.view.claims.places_draft = None;
        app.view.highlight = Some((a.clone(), c.clone()));
        if open {
            app.command(Command::ShowClaim(a, c));
        }
    }
}
