//! Pictures of the comparison: a timeline (one place by camp, a mark per claim; or several
//! places side by side, one lane each, a bar per row in its verdict's colour) and a map of the
//! places with coordinates over the oblast borders, coloured by verdict, its labels never
//! overlapping. Drawn with egui's painter from the bundled data (no map tiles); the pictures
//! return what was clicked and the comparison panel acts on it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::map_labels;
use crate::analysis::Analysis;
use crate::compare::{Comparison, Verdict};
use crate::model::{ArticleId, Camp, ClaimId, Stance};
use crate::places::borders::Country;

/// How many places the timeline shows side by side before the user chooses.
pub const DEFAULT_LANES: usize = 5;

/// What was clicked in a picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// Open a claim's sentence in the reader.
    Claim(ArticleId, ClaimId),
    /// Open a comparison row (by its key) in the table.
    Row(String),
    /// List a place's rows in the table.
    Place(String),
}

/// A place as the comparison groups it: name and oblast.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceKey {
    pub place: String,
    pub oblast: Option<String>,
}

impl PlaceKey {
    pub fn of(c: &Comparison) -> Self {
        PlaceKey {
            place: c.place.clone(),
            oblast: c.oblast.clone(),
        }
    }

    fn is(&self, c: &Comparison) -> bool {
        self.place == c.place && self.oblast == c.oblast
    }

    /// "Kupiansk (Kharkiv)"; an oblast row is its name alone.
    pub fn label(&self) -> String {
        match &self.oblast {
            Some(o) if !self.place.contains(o.as_str()) => format!("{} ({o})", self.place),
            _ => self.place.clone(),
        }
    }
}

pub fn verdict_colour(v: Verdict) -> egui::Color32 {
    match v {
        Verdict::Agree => egui::Color32::from_rgb(46, 140, 70),
        Verdict::Conflict => egui::Color32::from_rgb(200, 50, 40),
        Verdict::Disputed => egui::Color32::from_rgb(220, 100, 20),
        Verdict::Mixed => egui::Color32::from_rgb(210, 160, 0),
        Verdict::Single => egui::Color32::from_rgb(120, 120, 130),
        Verdict::None => egui::Color32::from_rgb(160, 160, 165),
    }
}

fn stance_colour(s: Stance) -> egui::Color32 {
    match s {
        Stance::FavoursUkraine => egui::Color32::from_rgb(40, 110, 210),
        Stance::FavoursRussia => egui::Color32::from_rgb(200, 50, 40),
        Stance::Neutral => egui::Color32::from_gray(140),
    }
}

/// The timeline: the places in `lanes` (the user's choice; when empty, the selected row's
/// place or the busiest places). One place is shown by camp, several side by side.
pub fn timeline(
    ui: &mut egui::Ui,
    an: &Analysis,
    rows: &[&Comparison],
    lanes: &mut Vec<PlaceKey>,
    selected: Option<PlaceKey>,
) -> Option<Picked> {
    // The places of the rows shown, busiest first.
    let mut counts: BTreeMap<PlaceKey, usize> = BTreeMap::new();
    for c in rows {
        *counts.entry(PlaceKey::of(c)).or_default() += c.claims.len();
    }
    let mut places: Vec<(PlaceKey, usize)> = counts.into_iter().collect();
    places.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if places.is_empty() {
        ui.label("No places among the rows shown: change the filters, or import articles that mention places.");
        return None;
    }
    let shown = |p: &PlaceKey| places.iter().any(|(x, _)| x == p);
    let busiest: Vec<PlaceKey> = places
        .iter()
        .take(DEFAULT_LANES)
        .map(|(p, _)| p.clone())
        .collect();
    let mut chosen: Vec<PlaceKey> = lanes.iter().filter(|p| shown(p)).cloned().collect();
    if chosen.is_empty() {
        chosen = match selected.filter(|p| shown(p)) {
            Some(p) => vec![p],
            None => busiest.clone(),
        };
    }
    let mut choice: Option<Vec<PlaceKey>> = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Places:");
        for p in &chosen {
            if ui
                .button(format!("{} ×", p.label()))
                .on_hover_text("Take this place off the timeline")
                .clicked()
            {
                choice = Some(chosen.iter().filter(|x| *x != p).cloned().collect());
            }
        }
        egui::ComboBox::from_id_salt("timeline-add")
            .selected_text("add a place")
            .height(320.0)
            .show_ui(ui, |ui| {
                for (p, n) in places.iter().filter(|(p, _)| !chosen.contains(p)) {
                    if ui
                        .selectable_label(false, format!("{} ({n} claims)", p.label()))
                        .clicked()
                    {
                        let mut v = chosen.clone();
                        v.push(p.clone());
                        choice = Some(v);
                    }
                }
            });
        if ui
            .button(format!("busiest {DEFAULT_LANES}"))
            .on_hover_text("The places with the most claims among the rows shown")
            .clicked()
        {
            choice = Some(busiest.clone());
        }
    });
    if let Some(v) = choice {
        lanes.clone_from(&v);
        if !v.is_empty() {
            chosen = v;
        }
    }
    match chosen.as_slice() {
        [one] => by_camp(ui, an, rows, one),
        many => side_by_side(ui, rows, many),
    }
}

/// Several places, one lane each: a bar per row over its period, in its verdict's colour (the
/// most serious on top where topics overlap).
fn side_by_side(ui: &mut egui::Ui, rows: &[&Comparison], places: &[PlaceKey]) -> Option<Picked> {
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Timeline of {} places", places.len()));
        for v in Verdict::ALL {
            ui.label(
                egui::RichText::new(v.word())
                    .color(verdict_colour(v))
                    .strong(),
            );
        }
        ui.label(
            egui::RichText::new("a bar per period and topic; click one to open its row").weak(),
        );
    });
    let lanes: Vec<Vec<&Comparison>> = places
        .iter()
        .map(|p| {
            let mut v: Vec<&Comparison> = rows.iter().copied().filter(|c| p.is(c)).collect();
            v.sort_by_key(|c| rank(c.verdict));
            v
        })
        .collect();
    let dated = lanes.iter().flatten().filter_map(|c| c.from.zip(c.to));
    let lo = dated.clone().map(|d| d.0).min();
    let hi = dated.map(|d| d.1).max();
    let (lo, hi) = match lo.zip(hi) {
        Some(r) => r,
        None => (NaiveDate::MIN, NaiveDate::MIN),
    };
    let span = ((hi - lo).num_days() + 1).max(1) as f32;
    let (lane_h, label_w, undated_w) = (30.0, 180.0, 80.0);
    let (rect, plot, painter) = lanes_area(ui, lanes.len(), lane_h, label_w, undated_w);
    let text_col = ui.visuals().text_color();
    let line = egui::Stroke::new(1.0, ui.visuals().weak_text_color());
    let x_of = |d: NaiveDate| plot.left() + plot.width() * ((d - lo).num_days() as f32 / span);
    let mut picked = None;
    for (li, (place, lane)) in places.iter().zip(&lanes).enumerate() {
        let y = rect.top() + lane_h * (li as f32 + 0.5);
        let name = egui::Rect::from_min_size(
            egui::pos2(rect.left(), y - lane_h / 2.0),
            egui::vec2(label_w - 8.0, lane_h),
        );
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(name)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
            |ui| ui.add(egui::Label::new(place.label()).truncate()),
        );
        painter.line_segment(
            [egui::pos2(plot.left(), y), egui::pos2(plot.right(), y)],
            line,
        );
        for c in lane {
            let (x0, x1) = match c.from.zip(c.to) {
                Some((f, t)) => (x_of(f), x_of(t + chrono::Duration::days(1))),
                None => (plot.right() + 14.0, plot.right() + undated_w - 14.0),
            };
            // A gap between neighbouring periods; never thinner than a few pixels.
            let (x0, x1) = (x0 + 1.0, (x1 - 1.0).max(x0 + 4.0));
            let bar = egui::Rect::from_min_max(
                egui::pos2(x0, y - lane_h * 0.3),
                egui::pos2(x1, y + lane_h * 0.3),
            );
            painter.rect_filled(bar, 2.0, verdict_colour(c.verdict));
            let what = format!(
                "{} · {} · {}: {}",
                place.label(),
                c.period,
                c.topic.word(),
                c.verdict.word()
            );
            let r = ui.interact(
                bar,
                ui.scope_id().with(("bar", &c.key)),
                egui::Sense::click(),
            );
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &what));
            let r = r.on_hover_text(format!("{what}\n{}\n{} claims", c.reason, c.claims.len()));
            if r.clicked() {
                picked = Some(Picked::Row(c.key.clone()));
            }
        }
    }
    axis(
        &painter,
        &rect,
        &plot,
        (lo != NaiveDate::MIN).then_some((lo, hi)),
        text_col,
        1,
    );
    picked
}

/// The space of a timeline of `lanes` lanes: the whole area, the plot between the lane names
/// and the undated column (above the axis), and a painter clipped to it.
fn lanes_area(
    ui: &mut egui::Ui,
    lanes: usize,
    lane_h: f32,
    label_w: f32,
    undated_w: f32,
) -> (egui::Rect, egui::Rect, egui::Painter) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), lane_h * lanes as f32 + 30.0),
        egui::Sense::hover(),
    );
    let plot = egui::Rect::from_min_max(
        rect.min + egui::vec2(label_w, 0.0),
        rect.max - egui::vec2(undated_w, 30.0),
    );
    (rect, plot, ui.painter_at(rect))
}

/// The dates under a timeline (a tick every day, week, fortnight, month, quarter, half-year or
/// year, as many as fit), faint lines across the lanes, and the undated column's name.
fn axis(
    painter: &egui::Painter,
    rect: &egui::Rect,
    plot: &egui::Rect,
    range: Option<(NaiveDate, NaiveDate)>,
    text_col: egui::Color32,
    span_end: i64,
) {
    let axis_y = rect.bottom() - 15.0;
    let font = egui::FontId::proportional(12.0);
    if let Some((lo, hi)) = range {
        let days = (hi - lo).num_days() + span_end;
        let fit = (plot.width() / 90.0).max(1.0) as i64;
        let step = [1, 7, 14, 30, 91, 182, 365]
            .into_iter()
            .find(|s| days / s < fit)
            .unwrap_or(365);
        let grid = egui::Stroke::new(1.0, text_col.gamma_multiply(0.12));
        let mut d = lo;
        let mut first = true;
        while d <= hi {
            let x = plot.left() + plot.width() * ((d - lo).num_days() as f32 / days.max(1) as f32);
            painter.line_segment(
                [egui::pos2(x, plot.top()), egui::pos2(x, plot.bottom())],
                grid,
            );
            let label = if first { "%-d %b %Y" } else { "%-d %b" };
            painter.text(
                egui::pos2(x, axis_y),
                egui::Align2::LEFT_CENTER,
                d.format(label).to_string(),
                font.clone(),
                text_col,
            );
            first = false;
            d += chrono::Duration::days(step);
        }
    }
    painter.text(
        egui::pos2(plot.right() + 20.0, axis_y),
        egui::Align2::LEFT_CENTER,
        "undated",
        font,
        text_col,
    );
}

/// Timeline of one place: lanes per camp, marks per claim at their dates.
fn by_camp(
    ui: &mut egui::Ui,
    an: &Analysis,
    rows: &[&Comparison],
    place: &PlaceKey,
) -> Option<Picked> {
    // Every claim about the place, in any period and topic.
    let mut marks: Vec<(
        Camp,
        Option<NaiveDate>,
        Stance,
        String,
        crate::compare::ClaimRef,
    )> = Vec::new();
    for c in rows.iter().filter(|c| place.is(c)) {
        for r in &c.claims {
            if marks.iter().any(|m| m.4 == *r) {
                continue;
            }
            let Some(a) = an.articles.get(&r.article) else {
                continue;
            };
            let Some(cl) = a.claims.iter().find(|x| x.id == r.claim) else {
                continue;
            };
            let day = cl
                .date
                .and_then(|d| d.first_day())
                .or(a.meta.published.and_then(|d| d.day()));
            // A date without a year cannot be placed: its mark is undated, named "25 Feb".
            let when = match (day, cl.date) {
                (Some(d), _) => d.to_string(),
                (None, Some(d)) => format!("{} (year unknown)", d.label()),
                (None, None) => "undated".to_owned(),
            };
            let text = format!(
                "{when}\n{} ({}): {}",
                cl.speaker.as_deref().unwrap_or("unattributed"),
                cl.camp.label(),
                cl.text.trim()
            );
            marks.push((cl.camp, day, cl.stance, text, r.clone()));
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Timeline of {}", place.label()));
        ui.label(egui::RichText::new("blue: favours Ukraine · red: favours Russia · grey: neutral; click a mark to open its sentence").weak());
    });
    if marks.is_empty() {
        ui.label("No claims about this place in the groups shown.");
        return None;
    }
    let lanes: Vec<Camp> = Camp::ALL
        .into_iter()
        .filter(|c| marks.iter().any(|m| m.0 == *c))
        .collect();
    let days: Vec<NaiveDate> = marks.iter().filter_map(|m| m.1).collect();
    let range = days.iter().min().copied().zip(days.iter().max().copied());
    let (lo, hi) = range.unwrap_or((NaiveDate::MIN, NaiveDate::MIN));
    let span = ((hi - lo).num_days().max(1)) as f32;
    let (lane_h, label_w, undated_w) = (28.0, 150.0, 70.0);
    let (rect, plot, painter) = lanes_area(ui, lanes.len(), lane_h, label_w, undated_w);
    let text_col = ui.visuals().text_color();
    let mut picked = None;
    for (li, camp) in lanes.iter().enumerate() {
        let y = rect.top() + lane_h * (li as f32 + 0.5);
        painter.text(
            egui::pos2(rect.left(), y),
            egui::Align2::LEFT_CENTER,
            camp.label(),
            egui::FontId::proportional(13.0),
            text_col,
        );
        painter.line_segment(
            [egui::pos2(plot.left(), y), egui::pos2(plot.right(), y)],
            egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
        );
        for (k, m) in marks.iter().filter(|m| m.0 == *camp).enumerate() {
            let x = match m.1 {
                Some(d) => plot.left() + plot.width() * ((d - lo).num_days() as f32 / span),
                None => plot.right() + 20.0 + (k % 4) as f32 * 10.0,
            };
            let pos = egui::pos2(x, y);
            painter.circle_filled(pos, 6.0, stance_colour(m.2));
            let id = ui.scope_id().with(("mark", li, k));
            let r = ui.interact(
                egui::Rect::from_center_size(pos, egui::vec2(12.0, 12.0)),
                id,
                egui::Sense::click(),
            );
            if r.on_hover_text(&m.3).clicked() {
                picked = Some(Picked::Claim(m.4.article.clone(), m.4.claim.clone()));
            }
        }
    }
    axis(&painter, &rect, &plot, range, text_col, 0);
    picked
}

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Conflict => 5,
        Verdict::Disputed => 4,
        Verdict::Mixed => 3,
        Verdict::Agree => 2,
        Verdict::Single => 1,
        Verdict::None => 0,
    }
}

/// The map's extent: Ukraine and the Russian regions on its border (degrees).
const LON: (f32, f32) = (22.0, 41.0);
const LAT: (f32, f32) = (44.2, 52.9);
/// Longitude degrees are narrower than latitude degrees: cos 48°N.
const KX: f32 = 0.67;

/// Map of the places shown, coloured by their most serious verdict, over the oblast borders;
/// labels never overlap (the most serious and busiest places are labelled first).
pub fn map(ui: &mut egui::Ui, rows: &[&Comparison]) -> Option<Picked> {
    ui.label(egui::RichText::new("Each circle is a place with claims, coloured by its most serious verdict; grey dots are towns for reference, lines the oblast borders. Click a place to list its rows.").weak());
    let (rect, _) = ui.allocate_exact_size(ui.available_size(), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let w = (LON.1 - LON.0) * KX;
    let h = LAT.1 - LAT.0;
    let scale = (rect.width() / w).min(rect.height() / h);
    let origin = rect.center() - egui::vec2(w * scale / 2.0, h * scale / 2.0);
    let project = |lat: f32, lon: f32| {
        egui::pos2(
            origin.x + (lon - LON.0) * KX * scale,
            origin.y + (LAT.1 - lat) * scale,
        )
    };
    let weak = ui.visuals().weak_text_color();
    // Borders first, then the towns, then the places with claims, then the labels.
    for region in crate::places::borders::regions() {
        let stroke = match region.country {
            Country::Ukraine => egui::Stroke::new(1.0, weak.gamma_multiply(0.8)),
            Country::Russia => egui::Stroke::new(0.8, weak.gamma_multiply(0.45)),
        };
        for ring in &region.rings {
            let pts: Vec<egui::Pos2> = ring.iter().map(|&(lon, lat)| project(lat, lon)).collect();
            painter.add(egui::Shape::closed_line(pts, stroke));
        }
    }
    let dot = weak.gamma_multiply(0.5);
    for p in &crate::places::index().places {
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            painter.circle_filled(project(lat as f32, lon as f32), 0.8, dot);
        }
    }
    let mut by_place: BTreeMap<&str, (f64, f64, Verdict, usize, Vec<String>)> = BTreeMap::new();
    for c in rows {
        let (Some(lat), Some(lon)) = (c.lat, c.lon) else {
            continue;
        };
        let e = by_place
            .entry(c.place.as_str())
            .or_insert((lat, lon, c.verdict, 0, Vec::new()));
        if rank(c.verdict) > rank(e.2) {
            e.2 = c.verdict;
        }
        e.3 += c.claims.len();
        e.4.push(format!(
            "{} · {}: {}",
            c.period,
            c.topic.word(),
            c.verdict.word()
        ));
    }
    let mut clicked = None;
    let place_font = egui::FontId::proportional(12.0);
    let region_font = egui::FontId::proportional(11.0);
    let text_col = ui.visuals().text_color();
    // Labels to place: each place with claims, then the oblast names, least important.
    let mut labels: Vec<(map_labels::Candidate, std::sync::Arc<egui::Galley>)> = Vec::new();
    for (place, (lat, lon, v, n, lines)) in &by_place {
        let pos = project(*lat as f32, *lon as f32);
        let r = 4.0 + (*n as f32).sqrt() * 1.5;
        painter.circle_filled(pos, r, verdict_colour(*v));
        let galley = painter.layout_no_wrap((*place).to_owned(), place_font.clone(), text_col);
        labels.push((
            map_labels::Candidate {
                anchor: pos,
                radius: r,
                size: galley.size(),
                importance: f32::from(rank(*v)) * 10_000.0 + *n as f32,
            },
            galley,
        ));
        let resp = ui.interact(
            egui::Rect::from_center_size(pos, egui::vec2(2.0 * r, 2.0 * r)),
            ui.scope_id().with(("map", *place)),
            egui::Sense::click(),
        );
        let resp = resp.on_hover_text(format!("{place}\n{}", lines.join("\n")));
        if resp.clicked() {
            clicked = Some((*place).to_owned());
        }
    }
    for region in crate::places::borders::regions() {
        if region.name == "Kyiv city" {
            continue;
        }
        let (colour, importance) = match region.country {
            Country::Ukraine => (weak.gamma_multiply(0.8), -1.0),
            Country::Russia => (weak.gamma_multiply(0.5), -2.0),
        };
        let galley = painter.layout_no_wrap(region.name.to_owned(), region_font.clone(), colour);
        let at = project(region.label.1, region.label.0);
        // Centred on the label point: the first position tried is right of the anchor.
        labels.push((
            map_labels::Candidate {
                anchor: at - egui::vec2(galley.size().x / 2.0 + 2.0, 0.0),
                radius: 0.0,
                size: galley.size(),
                importance,
            },
            galley,
        ));
    }
    let cands: Vec<map_labels::Candidate> = labels.iter().map(|(c, _)| *c).collect();
    // A faint halo keeps a label readable over the borders it crosses.
    let halo = ui.visuals().panel_fill.gamma_multiply(0.75);
    for ((_, galley), at) in labels.into_iter().zip(map_labels::place(&cands, rect)) {
        if let Some(r) = at {
            painter.rect_filled(r, 2.0, halo);
            painter.galley(r.min, galley, text_col);
        }
    }
    if by_place.is_empty() {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "No places with coordinates among the rows shown.",
            egui::FontId::proportional(14.0),
            ui.visuals().text_color(),
        );
    }
    clicked.map(Picked::Place)
}
