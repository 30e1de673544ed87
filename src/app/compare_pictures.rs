//! Pictures of the comparison: a timeline per place (one lane per camp, a mark per claim) and a
//! map of the places with coordinates, coloured by verdict, drawn with egui's painter from the
//! bundled place index (no map tiles).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::compare_ui::verdict_colour;
use super::{App, Command};
use crate::compare::{Comparison, Verdict};
use crate::model::{Camp, Stance};

fn stance_colour(s: Stance) -> egui::Color32 {
    match s {
        Stance::FavoursUkraine => egui::Color32::from_rgb(40, 110, 210),
        Stance::FavoursRussia => egui::Color32::from_rgb(200, 50, 40),
        Stance::Neutral => egui::Color32::from_gray(140),
    }
}

/// Timeline of one place: lanes per camp, marks per claim at their dates.
pub fn timeline(ui: &mut egui::Ui, app: &mut App, rows: &[&Comparison], place: Option<&str>) {
    let Some(place) = place.or_else(|| rows.first().map(|c| c.place.as_str())) else {
        ui.label("No places to show: import articles that mention places.");
        return;
    };
    let an = app.analysis.clone();
    // Every claim about the place, in any period and topic.
    let mut marks: Vec<(
        Camp,
        Option<NaiveDate>,
        Stance,
        String,
        crate::compare::ClaimRef,
    )> = Vec::new();
    for c in rows.iter().filter(|c| c.place == place) {
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
            let text = format!(
                "{} ({}): {}",
                cl.speaker.as_deref().unwrap_or("unattributed"),
                cl.camp.label(),
                cl.text.trim()
            );
            marks.push((cl.camp, day, cl.stance, text, r.clone()));
        }
    }
    ui.horizontal(|ui| {
        ui.strong(format!("Timeline of {place}"));
        ui.label(egui::RichText::new("blue: favours Ukraine · red: favours Russia · grey: neutral; click a mark to open its sentence").weak());
    });
    if marks.is_empty() {
        ui.label("No claims about this place in the groups shown.");
        return;
    }
    let lanes: Vec<Camp> = Camp::ALL
        .into_iter()
        .filter(|c| marks.iter().any(|m| m.0 == *c))
        .collect();
    let days: Vec<NaiveDate> = marks.iter().filter_map(|m| m.1).collect();
    let (lo, hi) = match (days.iter().min(), days.iter().max()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (NaiveDate::MIN, NaiveDate::MIN),
    };
    let span = ((hi - lo).num_days().max(1)) as f32;
    let lane_h = 28.0;
    let label_w = 150.0;
    let undated_w = 70.0;
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), lane_h * lanes.len() as f32 + 30.0),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let plot = egui::Rect::from_min_max(
        rect.min + egui::vec2(label_w, 0.0),
        rect.max - egui::vec2(undated_w, 30.0),
    );
    let text_col = ui.visuals().text_color();
    let mut out = Vec::new();
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
            let date = m.1.map_or_else(|| "undated".to_owned(), |d| d.to_string());
            let r = r.on_hover_text(format!("{date}\n{}", m.3));
            if r.clicked() {
                out.push(Command::ShowClaim(m.4.article.clone(), m.4.claim.clone()));
            }
        }
    }
    let axis_y = rect.bottom() - 15.0;
    if !days.is_empty() {
        painter.text(
            egui::pos2(plot.left(), axis_y),
            egui::Align2::LEFT_CENTER,
            lo.to_string(),
            egui::FontId::proportional(12.0),
            text_col,
        );
        painter.text(
            egui::pos2(plot.right(), axis_y),
            egui::Align2::RIGHT_CENTER,
            hi.to_string(),
            egui::FontId::proportional(12.0),
            text_col,
        );
    }
    painter.text(
        egui::pos2(plot.right() + 20.0, axis_y),
        egui::Align2::LEFT_CENTER,
        "undated",
        egui::FontId::proportional(12.0),
        text_col,
    );
    for c in out {
        app.command(c);
    }
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

/// Map of the places shown, coloured by their most serious verdict.
pub fn map(ui: &mut egui::Ui, app: &mut App, rows: &[&Comparison]) {
    ui.label(egui::RichText::new("Each circle is a place with claims, coloured by its most serious verdict; grey dots are Ukraine's towns for reference. Click a place to list its rows.").weak());
    let (rect, _) = ui.allocate_exact_size(ui.available_size(), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    // Keep the aspect: longitude degrees are narrower than latitude degrees at 48°N.
    let (lon0, lon1, lat0, lat1) = (22.0f32, 40.3f32, 44.3f32, 52.4f32);
    let kx = 0.67;
    let w = (lon1 - lon0) * kx;
    let h = lat1 - lat0;
    let scale = (rect.width() / w).min(rect.height() / h);
    let origin = rect.center() - egui::vec2(w * scale / 2.0, h * scale / 2.0);
    let project = |lat: f64, lon: f64| {
        egui::pos2(
            origin.x + (lon as f32 - lon0) * kx * scale,
            origin.y + (lat1 - lat as f32) * scale,
        )
    };
    let dot = ui.visuals().weak_text_color().gamma_multiply(0.5);
    for p in &crate::places::index().places {
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            painter.circle_filled(project(lat, lon), 0.8, dot);
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
    for (place, (lat, lon, v, n, lines)) in &by_place {
        let pos = project(*lat, *lon);
        let r = 4.0 + (*n as f32).sqrt() * 1.5;
        painter.circle_filled(pos, r, verdict_colour(*v));
        painter.text(
            pos + egui::vec2(r + 2.0, 0.0),
            egui::Align2::LEFT_CENTER,
            *place,
            egui::FontId::proportional(12.0),
            ui.visuals().text_color(),
        );
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
    if by_place.is_empty() {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "No places with coordinates among the rows shown.",
            egui::FontId::proportional(14.0),
            ui.visuals().text_color(),
        );
    }
    if let Some(p) = clicked {
        app.view.compare.place = p;
        app.view.compare.picture = super::compare_ui::Picture::Table;
    }
}
