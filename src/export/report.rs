//! The report a researcher sends: first the conflicts and disputes between camps, then per
//! place the verdicts with the sentences behind them (speaker, outlet, date, link), then the
//! sources cited — in Markdown and in HTML that prints well. Also the comparison as CSV and
//! JSON, one line per claim behind a verdict, with claim ids, sentences, outlets, titles, URLs.
//!
//! Both report formats are drawn from one model (`Report`), so they say the same thing.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::compare::{ClaimRef, Comparison, Verdict};
use crate::model::{Claim, PartialDate, Project};

/// A claim as the report quotes it.
struct Quote {
    text: String,
    speaker: String,
    relayed_by: Vec<String>,
    /// Index into `Report::sources` (1-based when shown).
    source: usize,
    date: String,
    hedged: bool,
}

struct CampLine {
    camp: String,
    phrase: String,
    sources: usize,
    quotes: Vec<Quote>,
}

struct RowView {
    period: String,
    range: String,
    topic: String,
    verdict: Verdict,
    reason: String,
    note: Option<String>,
    camps: Vec<CampLine>,
}

struct PlaceView {
    name: String,
    rows: Vec<RowView>,
    /// Periods where one camp alone takes a position ("ISW, 2025-W05").
    single: Vec<String>,
}

struct Source {
    outlet: String,
    title: String,
    date: String,
    url: Option<String>,
    file: String,
}

struct Report {
    title: String,
    articles: usize,
    claims: usize,
    counts: BTreeMap<Verdict, usize>,
    /// Conflicts and disputes: (place, period, verdict, camps, reason).
    summary: Vec<(String, String, Verdict, String, String)>,
    places: Vec<PlaceView>,
    sources: Vec<Source>,
}

/// "3 Feb 2025"; "3 Feb" when the year is not known; "Feb 2025" for a month.
fn day_label(d: Option<PartialDate>) -> String {
    match d {
        Some(PartialDate::Day(d)) => d.format("%-d %b %Y").to_string(),
        Some(other) => other.to_string(),
        None => "undated".to_owned(),
    }
}

fn range_label(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(a), Some(b)) if a == b => a.format("%-d %b %Y").to_string(),
        (Some(a), Some(b)) => format!("{} – {}", a.format("%-d %b"), b.format("%-d %b %Y")),
        _ => "undated".to_owned(),
    }
}

fn find_claim<'a>(analysis: &'a Analysis, r: &ClaimRef) -> Option<&'a Claim> {
    analysis
        .articles
        .get(&r.article)
        .and_then(|an| an.claims.iter().find(|c| c.id == r.claim))
}

fn build(p: &Project, analysis: &Analysis, comparisons: &[Comparison]) -> Report {
    let mut sources: Vec<Source> = Vec::new();
    let mut source_of: BTreeMap<crate::model::ArticleId, usize> = BTreeMap::new();
    let mut source_index = |id: &crate::model::ArticleId| -> usize {
        if let Some(&i) = source_of.get(id) {
            return i;
        }
        let an = analysis.articles.get(id);
        let file = p
            .articles
            .get(id)
            .map(|a| a.source.file_name.clone())
            .unwrap_or_default();
        let meta = an.map(|a| &a.meta);
        sources.push(Source {
            outlet: meta
                .and_then(|m| m.outlet.clone())
                .unwrap_or_else(|| "unknown outlet".into()),
            title: meta
                .and_then(|m| m.title.clone())
                .unwrap_or_else(|| file.clone()),
            date: day_label(meta.and_then(|m| m.published)),
            url: meta.and_then(|m| m.url.clone()),
            file,
        });
        source_of.insert(id.clone(), sources.len() - 1);
        sources.len() - 1
    };
    let mut counts: BTreeMap<Verdict, usize> = BTreeMap::new();
    let mut summary = Vec::new();
    let mut by_place: BTreeMap<String, PlaceView> = BTreeMap::new();
    for c in comparisons {
        *counts.entry(c.verdict).or_default() += 1;
        let place_name = match &c.oblast {
            Some(o) if !c.place.ends_with(" oblast") => format!("{} ({o} oblast)", c.place),
            _ => c.place.clone(),
        };
        let view = by_place
            .entry(place_name.clone())
            .or_insert_with(|| PlaceView {
                name: place_name.clone(),
                rows: Vec::new(),
                single: Vec::new(),
            });
        let positioned: Vec<_> = c
            .positions
            .values()
            .filter(|p| !p.claims.is_empty())
            .collect();
        if c.verdict == Verdict::Single {
            if let Some(p) = positioned.first() {
                view.single
                    .push(format!("{} ({}, {})", p.camp.label(), p.phrase, c.period));
            }
            continue;
        }
        if !c.verdict.is_cross_camp() {
            continue;
        }
        let camps_text = positioned
            .iter()
            .map(|p| format!("{}: {}", p.camp.label(), p.phrase))
            .collect::<Vec<_>>()
            .join("; ");
        if matches!(c.verdict, Verdict::Conflict | Verdict::Disputed) {
            summary.push((
                place_name.clone(),
                c.period.clone(),
                c.verdict,
                camps_text,
                c.reason.clone(),
            ));
        }
        let mut camps = Vec::new();
        for pos in positioned {
            let mut quotes = Vec::new();
            for r in pos.claims.iter().take(4) {
                let Some(cl) = find_claim(analysis, r) else {
                    continue;
                };
                let an_day = analysis
                    .articles
                    .get(&r.article)
                    .and_then(|a| a.meta.published);
                quotes.push(Quote {
                    text: cl.text.trim().to_owned(),
                    speaker: cl.speaker.clone().unwrap_or_else(|| "unattributed".into()),
                    relayed_by: cl.relayed_by.clone(),
                    source: source_index(&r.article),
                    date: day_label(cl.date.or(an_day)),
                    hedged: cl.hedged,
                });
            }
            camps.push(CampLine {
                camp: pos.camp.label().to_owned(),
                phrase: pos.phrase.clone(),
                sources: pos.sources,
                quotes,
            });
        }
        view.rows.push(RowView {
            period: c.period.clone(),
            range: range_label(c.from, c.to),
            topic: c.topic.word().to_owned(),
            verdict: c.verdict,
            reason: c.reason.clone(),
            note: c.note.clone(),
            camps,
        });
    }
    summary.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let places: Vec<PlaceView> = by_place
        .into_values()
        .filter(|v| !v.rows.is_empty())
        .collect();
    Report {
        title: "Crosscheck report".into(),
        articles: p.articles.len(),
        claims: analysis.claim_count(),
        counts,
        summary,
        places,
        sources,
    }
}

fn counts_line(r: &Report) -> String {
    let n = |v: Verdict| r.counts.get(&v).copied().unwrap_or(0);
    format!(
        "{} articles, {} claims. Compared: {} conflicts, {} disputed, {} mixed, {} agree; {} rows where one camp alone takes a position, {} where camps only mention a place.",
        r.articles,
        r.claims,
        n(Verdict::Conflict),
        n(Verdict::Disputed),
        n(Verdict::Mixed),
        n(Verdict::Agree),
        n(Verdict::Single),
        n(Verdict::None)
    )
}

fn md_escape_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The report as Markdown.
pub fn markdown(p: &Project, analysis: &Analysis, comparisons: &[Comparison]) -> String {
    let r = build(p, analysis, comparisons);
    let mut s = format!("# {}\n\n{}\n\n", r.title, counts_line(&r));
    s.push_str("## Conflicts and disputes\n\n");
    if r.summary.is_empty() {
        s.push_str("No conflicts or disputes between camps.\n\n");
    } else {
        s.push_str("| Place | Period | Verdict | Positions |\n|---|---|---|---|\n");
        for (place, period, v, camps, _) in &r.summary {
            let _ = writeln!(
                s,
                "| {} | {} | **{}** | {} |",
                md_escape_cell(place),
                period,
                v.word(),
                md_escape_cell(camps)
            );
        }
        s.push('\n');
    }
    s.push_str("## By place\n\n");
    if r.places.is_empty() {
        s.push_str("No place where two camps take positions.\n\n");
    }
    for pl in &r.places {
        let _ = writeln!(s, "### {}\n", pl.name);
        for row in &pl.rows {
            let _ = writeln!(
                s,
                "#### {} ({}) · {} — {}\n",
                row.period,
                row.range,
                row.topic,
                row.verdict.word().to_uppercase()
            );
            let _ = writeln!(s, "{}\n", row.reason);
            if let Some(n) = &row.note {
                let _ = writeln!(s, "Analyst's note: {n}\n");
            }
            for c in &row.camps {
                let _ = writeln!(
                    s,
                    "- **{}**: {} ({} independent statement{})",
                    c.camp,
                    c.phrase,
                    c.sources,
                    if c.sources == 1 { "" } else { "s" }
                );
                for q in &c.quotes {
                    let src = &r.sources[q.source];
                    let relay = if q.relayed_by.is_empty() {
                        String::new()
                    } else {
                        format!(", relayed by {}", q.relayed_by.join(", "))
                    };
                    let link = match &src.url {
                        Some(u) => format!(" <{u}>"),
                        None => String::new(),
                    };
                    let _ = writeln!(
                        s,
                        "  - “{}” — {}{relay}; {}, {} [{}]{link}{}",
                        q.text,
                        q.speaker,
                        src.outlet,
                        q.date,
                        q.source + 1,
                        if q.hedged { " (hedged)" } else { "" }
                    );
                }
            }
            s.push('\n');
        }
        if !pl.single.is_empty() {
            let _ = writeln!(s, "One camp only: {}.\n", pl.single.join("; "));
        }
    }
    s.push_str("## Sources\n\n");
    for (i, src) in r.sources.iter().enumerate() {
        let _ = writeln!(
            s,
            "{}. {} — {}, {}{} ({})",
            i + 1,
            src.outlet,
            src.title,
            src.date,
            src.url
                .as_ref()
                .map(|u| format!(", <{u}>"))
                .unwrap_or_default(),
            src.file
        );
    }
    s
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

/// A link only for web addresses; anything else is shown as text.
fn href(u: &str) -> Option<String> {
    (u.starts_with("https://") || u.starts_with("http://")).then(|| esc(u))
}

const CSS: &str = "body{font-family:Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\
h1{font-size:1.6em}h2{border-bottom:1px solid #999;margin-top:1.6em}h3{margin-bottom:.2em}h4{margin:.9em 0 .2em}\
table{border-collapse:collapse;width:100%;font-size:.92em}td,th{border:1px solid #bbb;padding:.25em .45em;vertical-align:top;text-align:left}\
.v{font-weight:bold;text-transform:uppercase;font-size:.85em;padding:0 .3em;border:1px solid}\
.conflict{color:#a00}.disputed{color:#a50}.mixed{color:#555}.agree{color:#060}\
blockquote{margin:.2em 0 .4em 1.2em;font-size:.95em}.src{color:#444;font-size:.9em}\
@media print{body{margin:0;max-width:none;font-size:10.5pt}a{color:#000}h2,h3,h4{break-after:avoid}.row{break-inside:avoid}}";

/// The report as a self-contained HTML page that prints well.
pub fn html(p: &Project, analysis: &Analysis, comparisons: &[Comparison]) -> String {
    let r = build(p, analysis, comparisons);
    let mut s = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title><style>{CSS}</style></head><body>\n<h1>{}</h1>\n<p>{}</p>\n",
        esc(&r.title),
        esc(&r.title),
        esc(&counts_line(&r))
    );
    s.push_str("<h2>Conflicts and disputes</h2>\n");
    if r.summary.is_empty() {
        s.push_str("<p>No conflicts or disputes between camps.</p>\n");
    } else {
        s.push_str(
            "<table><tr><th>Place</th><th>Period</th><th>Verdict</th><th>Positions</th></tr>\n",
        );
        for (place, period, v, camps, _) in &r.summary {
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td><span class=\"v {w}\">{w}</span></td><td>{}</td></tr>",
                esc(place),
                esc(period),
                esc(camps),
                w = v.word()
            );
        }
        s.push_str("</table>\n");
    }
    s.push_str("<h2>By place</h2>\n");
    for pl in &r.places {
        let _ = writeln!(s, "<h3>{}</h3>", esc(&pl.name));
        for row in &pl.rows {
            let _ = writeln!(
                s,
                "<div class=\"row\"><h4>{} ({}) · {} <span class=\"v {w}\">{w}</span></h4>\n<p>{}</p>",
                esc(&row.period),
                esc(&row.range),
                esc(&row.topic),
                esc(&row.reason),
                w = row.verdict.word()
            );
            if let Some(n) = &row.note {
                let _ = writeln!(s, "<p><em>Analyst's note:</em> {}</p>", esc(n));
            }
            s.push_str("<ul>\n");
            for c in &row.camps {
                let _ = write!(
                    s,
                    "<li><strong>{}</strong>: {} ({} independent statement{})",
                    esc(&c.camp),
                    esc(&c.phrase),
                    c.sources,
                    if c.sources == 1 { "" } else { "s" }
                );
                for q in &c.quotes {
                    let src = &r.sources[q.source];
                    let relay = if q.relayed_by.is_empty() {
                        String::new()
                    } else {
                        format!(", relayed by {}", esc(&q.relayed_by.join(", ")))
                    };
                    let outlet = match src.url.as_deref().and_then(href) {
                        Some(u) => format!("<a href=\"{u}\">{}</a>", esc(&src.outlet)),
                        None => esc(&src.outlet),
                    };
                    let _ = write!(
                        s,
                        "<blockquote>“{}”<br><span class=\"src\">— {}{relay}; {outlet}, {} [{}]{}</span></blockquote>",
                        esc(&q.text),
                        esc(&q.speaker),
                        esc(&q.date),
                        q.source + 1,
                        if q.hedged { " (hedged)" } else { "" }
                    );
                }
                s.push_str("</li>\n");
            }
            s.push_str("</ul></div>\n");
        }
        if !pl.single.is_empty() {
            let _ = writeln!(
                s,
                "<p class=\"src\">One camp only: {}.</p>",
                esc(&pl.single.join("; "))
            );
        }
    }
    s.push_str("<h2>Sources</h2>\n<ol>\n");
    for src in &r.sources {
        let url = match src.url.as_deref() {
            Some(u) => match href(u) {
                Some(h) => format!(", <a href=\"{h}\">{h}</a>"),
                None => format!(", {}", esc(u)),
            },
            None => String::new(),
        };
        let _ = writeln!(
            s,
            "<li>{} — {}, {}{url} <span class=\"src\">({})</span></li>",
            esc(&src.outlet),
            esc(&src.title),
            esc(&src.date),
            esc(&src.file)
        );
    }
    s.push_str("</ol>\n</body></html>\n");
    s
}

/// One line per claim behind a comparison row, with the row's verdict.
struct ClaimLine<'a> {
    row: &'a Comparison,
    camp: &'static str,
    phrase: &'a str,
    r: &'a ClaimRef,
    claim: Option<&'a Claim>,
    mention: bool,
}

fn claim_lines<'a>(analysis: &'a Analysis, comparisons: &'a [Comparison]) -> Vec<ClaimLine<'a>> {
    let mut out = Vec::new();
    for row in comparisons {
        for pos in row.positions.values() {
            for (r, mention) in pos
                .claims
                .iter()
                .map(|r| (r, false))
                .chain(pos.mentions.iter().map(|r| (r, true)))
            {
                out.push(ClaimLine {
                    row,
                    camp: pos.camp.word(),
                    phrase: &pos.phrase,
                    r,
                    claim: find_claim(analysis, r),
                    mention,
                });
            }
        }
    }
    out
}

pub(super) const COMPARISON_CSV_HEADER: &str = "place,oblast,period,from,to,topic,verdict,computed_verdict,reason,note,camp,camp_position,claim_position,mention,claim_id,article_id,speaker,relayed_by,sentence,claim_date,outlet,article_title,url";

/// The comparison as CSV: one line per claim behind each row.
pub fn comparison_csv(p: &Project, analysis: &Analysis, comparisons: &[Comparison]) -> String {
    let _ = p;
    let mut out = String::from(COMPARISON_CSV_HEADER);
    out.push('\n');
    for l in claim_lines(analysis, comparisons) {
        let meta = analysis.articles.get(&l.r.article).map(|a| &a.meta);
        let c = l.claim;
        let fields = [
            l.row.place.clone(),
            l.row.oblast.clone().unwrap_or_default(),
            l.row.period.clone(),
            l.row.from.map(|d| d.to_string()).unwrap_or_default(),
            l.row.to.map(|d| d.to_string()).unwrap_or_default(),
            l.row.topic.word().to_owned(),
            l.row.verdict.word().to_owned(),
            l.row.computed.word().to_owned(),
            l.row.reason.clone(),
            l.row.note.clone().unwrap_or_default(),
            l.camp.to_owned(),
            l.phrase.to_owned(),
            c.map(|c| c.position.word().to_owned()).unwrap_or_default(),
            l.mention.to_string(),
            l.r.claim.0.clone(),
            l.r.article.0.clone(),
            c.and_then(|c| c.speaker.clone()).unwrap_or_default(),
            c.map(|c| c.relayed_by.join("; ")).unwrap_or_default(),
            c.map(|c| c.text.trim().to_owned()).unwrap_or_default(),
            c.and_then(|c| c.date.map(|d| d.to_string()))
                .unwrap_or_default(),
            meta.and_then(|m| m.outlet.clone()).unwrap_or_default(),
            meta.and_then(|m| m.title.clone()).unwrap_or_default(),
            meta.and_then(|m| m.url.clone()).unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| super::csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// The comparison as JSON: each row with its camps' positions and the claims behind them.
pub fn comparison_json(analysis: &Analysis, comparisons: &[Comparison]) -> Value {
    let rows: Vec<Value> = comparisons
        .iter()
        .map(|row| {
            let mut v = row.to_json();
            let claims: Vec<Value> = claim_lines(analysis, std::slice::from_ref(row))
                .into_iter()
                .map(|l| {
                    let meta = analysis.articles.get(&l.r.article).map(|a| &a.meta);
                    json!({
                        "claim": l.r.claim.0,
                        "article": l.r.article.0,
                        "camp": l.camp,
                        "mention": l.mention,
                        "position": l.claim.map(|c| c.position.word()),
                        "speaker": l.claim.and_then(|c| c.speaker.clone()),
                        "relayed_by": l.claim.map(|c| c.relayed_by.clone()).unwrap_or_default(),
                        "sentence": l.claim.map(|c| c.text.trim().to_owned()),
                        "date": l.claim.and_then(|c| c.date.map(|d| d.to_string())),
                        "outlet": meta.and_then(|m| m.outlet.clone()),
                        "title": meta.and_then(|m| m.title.clone()),
                        "url": meta.and_then(|m| m.url.clone()),
                    })
                })
                .collect();
            v["claims"] = Value::Array(claims);
            v
        })
        .collect();
    json!({ "comparisons": rows })
}
