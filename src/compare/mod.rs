//! Cross-source comparison: claims grouped by place, period and topic; each camp's position
//! (what its claims assert about who holds or gains the place, never a mere mention) and a
//! verdict between camps — agree, conflict, disputed, mixed, single, or none when no camp takes
//! a position — with its reason and its claims. Claims that report the same statement (wire
//! copy, one outlet relaying another) are clustered (`cluster.rs`), and a verdict counts each
//! statement once.

mod cluster;

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::model::{
    ArticleId, Camp, Claim, ClaimId, Direction, Position as Stand, Project, Topic, VerdictOverride,
    Verification,
};

pub use cluster::{Clusters, Statement, Statements, cluster_claims, statements};

/// Time window claims are grouped by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Window {
    Day,
    #[default]
    Week,
    Month,
    /// One window for all time.
    All,
}

impl Window {
    pub const ALL: [Window; 4] = [Window::Day, Window::Week, Window::Month, Window::All];

    pub fn label(self) -> &'static str {
        match self {
            Window::Day => "day",
            Window::Week => "week",
            Window::Month => "month",
            Window::All => "all time",
        }
    }
}

/// What places are grouped by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rollup {
    /// Each settlement on its own.
    #[default]
    Place,
    /// Settlements rolled up to the axis or sector the reporting names ("Pokrovsk axis").
    Axis,
    /// Settlements rolled up to their district (raion).
    District,
    /// Settlements rolled up to their oblast.
    Oblast,
}

/// Grouping options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub window: Window,
    pub rollup: Rollup,
}

/// The verdict between camps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// The camps' positions are compatible.
    Agree,
    /// One camp asserts a gain the other's assertion excludes.
    Conflict,
    /// One camp asserts a gain; another says it is unconfirmed, not observed, or nothing changed.
    Disputed,
    /// A camp says both things, or one side only hedges.
    Mixed,
    /// Only one camp takes a position.
    Single,
    /// No camp takes a position: the place is only mentioned (a strike, a demand, a heading).
    None,
}

impl Verdict {
    /// In the order the panel lists and filters them: the ones to read first first.
    pub const ALL: [Verdict; 6] = [
        Verdict::Conflict,
        Verdict::Disputed,
        Verdict::Mixed,
        Verdict::Agree,
        Verdict::Single,
        Verdict::None,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::Disputed => "disputed",
            Verdict::Mixed => "mixed",
            Verdict::Single => "single",
            Verdict::None => "none",
        }
    }

    pub fn from_word(w: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.word() == w)
    }

    /// Whether two or more camps take positions (the rows an analyst compares).
    pub fn is_cross_camp(self) -> bool {
        matches!(
            self,
            Verdict::Agree | Verdict::Conflict | Verdict::Disputed | Verdict::Mixed
        )
    }
}

/// A claim behind a verdict.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    pub article: ArticleId,
    pub claim: ClaimId,
}

/// One camp's position in a group.
#[derive(Clone, Debug)]
pub struct Position {
    pub camp: Camp,
    /// A short phrase ("Russia holds Kupiansk").
    pub phrase: String,
    /// What the camp's claims say, taken together.
    pub direction: Direction,
    /// The camp's strongest claim position.
    pub stand: Stand,
    /// +1 favours Ukraine … −1 favours Russia, weighted.
    pub lean: f32,
    /// Total weight of the camp's statements (hedged, relayed, unverified weigh less; a
    /// statement reported by several outlets counts once).
    pub weight: f32,
    /// Independent statements behind the position (clusters, not articles).
    pub sources: usize,
    /// The camp says both things.
    pub split: bool,
    /// Claims with a position.
    pub claims: Vec<ClaimRef>,
    /// Claims of the camp that only mention the place.
    pub mentions: Vec<ClaimRef>,
    /// Every claim of the camp is hedged, relayed or unverified.
    pub weak: bool,
    /// What makes the evidence weaker, when `weak`: "hedged", "relayed", "unverified" (those
    /// true of every claim), or "each hedged, relayed or unverified".
    pub weak_reason: String,
    /// Every claim of the camp is hedged ("likely", "reportedly").
    pub hedged: bool,
    /// The position comes from a statement about the whole axis the place lies on.
    pub via_axis: bool,
    /// The position is the report's doubt about a claim it relays ("has not observed
    /// confirmation"), not a sentence of its own.
    pub implied: bool,
}

/// A comparison row: a place × period × topic group.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// Stable key: "place|oblast|period|topic".
    pub key: String,
    pub place: String,
    pub oblast: Option<String>,
    pub period: String,
    /// The first and last day of the row's period (for "all time", of its claims).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub topic: Topic,
    pub verdict: Verdict,
    /// The computed verdict (differs from `verdict` when the user overrode it).
    pub computed: Verdict,
    pub reason: String,
    pub note: Option<String>,
    /// The range of the user's override that applies to this row.
    pub override_range: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// Overrides that cover part of this row's period only (shown, not applied).
    pub partial_overrides: Vec<String>,
    pub positions: BTreeMap<Camp, Position>,
    pub claims: Vec<ClaimRef>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl Comparison {
    /// The contract's JSON shape.
    pub fn to_json(&self) -> Value {
        let camps: serde_json::Map<String, Value> = self
            .positions
            .iter()
            .map(|(c, p)| (c.word().to_owned(), json!(p.phrase)))
            .collect();
        let stands: serde_json::Map<String, Value> = self
            .positions
            .iter()
            .map(|(c, p)| {
                (
                    c.word().to_owned(),
                    json!({"position": p.stand.word(), "sources": p.sources, "weight": p.weight}),
                )
            })
            .collect();
        json!({
            "place": self.place,
            "oblast": self.oblast,
            "period": self.period,
            "from": self.from.map(|d| d.to_string()),
            "to": self.to.map(|d| d.to_string()),
            "topic": self.topic.word(),
            "verdict": self.verdict.word(),
            "computed_verdict": self.computed.word(),
            "reason": self.reason,
            "note": self.note,
            "camps": camps,
            "positions": stands,
            "claims": self.claims.iter().map(|c| json!({"article": c.article.0, "claim": c.claim.0})).collect::<Vec<_>>(),
        })
    }

    /// The override the user makes on this row: its place, topic and date range.
    pub fn override_with(&self, verdict: Verdict, note: &str) -> VerdictOverride {
        VerdictOverride {
            verdict: verdict.word().to_owned(),
            note: note.trim().to_owned(),
            place: Some(self.place.clone()),
            oblast: self.oblast.clone(),
            topic: Some(self.topic.word().to_owned()),
            from: self.from,
            to: self.to,
        }
    }

    /// Where the override on this row applies, for the panel ("2025-02-03 – 2025-02-09").
    pub fn override_scope(&self) -> Option<String> {
        self.override_range.map(|r| range_label(r.0, r.1))
    }
}

fn range_label(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "undated claims".to_owned(),
    }
}

/// How much a claim counts: hedged, relayed and unverified claims weigh less.
fn claim_weight(c: &Claim) -> f32 {
    let mut w = 1.0;
    if c.hedged {
        w *= 0.5;
    }
    if !c.relayed_by.is_empty() {
        w *= 0.7;
    }
    match c.verification {
        Verification::Unverified => w *= 0.7,
        Verification::Corroborated => w *= 1.3,
        Verification::Contradicted => w *= 0.2,
        _ => {}
    }
    w
}

fn lean_of(d: Direction) -> f32 {
    match d {
        Direction::UkrainianGain => 1.0,
        Direction::RussianGain => -1.0,
        _ => 0.0,
    }
}

/// A claim in a group.
#[derive(Clone, Copy)]
struct Member<'a> {
    item: usize,
    article: &'a ArticleId,
    claim: &'a Claim,
    day: Option<NaiveDate>,
    /// The camp the member speaks for here (the report's camp for an implied doubt).
    camp: Camp,
    stand: Stand,
    via_axis: bool,
    implied: bool,
}

/// A claim given to the comparison.
#[derive(Clone, Copy)]
pub struct Item<'a> {
    pub article: &'a ArticleId,
    pub claim: &'a Claim,
    /// The article's day, for claims without a date of their own.
    pub day: Option<NaiveDate>,
    /// The camp of the article's own voice (ISW for an ISW report).
    pub outlet_camp: Camp,
}

/// Compare the claims of a project.
pub fn compare_project(p: &Project, analysis: &Analysis, opts: &Options) -> Vec<Comparison> {
    let items: Vec<Item<'_>> = analysis
        .articles
        .iter()
        .flat_map(|(id, an)| {
            let day = an.meta.published.and_then(|d| d.day());
            let outlet_camp = crate::claims::outlet_camp(an.meta.outlet.as_deref(), p);
            an.claims.iter().map(move |c| Item {
                article: id,
                claim: c,
                day,
                outlet_camp,
            })
        })
        .collect();
    compare_claims(&items, &p.verdict_overrides, opts)
}

/// A place as grouped: name (empty for an oblast roll-up), oblast, coordinates.
type PlaceKey<'a> = (&'a str, Option<&'a str>, Option<f64>, Option<f64>);

/// The topic a claim is grouped under: every claim with a position on who holds or gains a
/// place is a front-line claim ("control"), whatever words it used; the rest keep their topic
/// and are only mentions.
fn group_topic(c: &Claim) -> Topic {
    match c.topic {
        Topic::Control | Topic::Movement | Topic::Attacks => Topic::Control,
        _ if c.position.is_position() => Topic::Control,
        t => t,
    }
}

/// Compare claims; `overrides` are the user's verdicts.
pub fn compare_claims(
    items: &[Item<'_>],
    overrides: &BTreeMap<String, VerdictOverride>,
    opts: &Options,
) -> Vec<Comparison> {
    type Fx = std::hash::BuildHasherDefault<crate::places::FxHasher>;
    let clusters = cluster_claims(items.iter().map(|i| (i.article, i.claim, i.day)));
    let mut place_ids: HashMap<(&str, Option<&str>), u32, Fx> = HashMap::default();
    let mut places: Vec<PlaceKey<'_>> = Vec::new();
    let mut groups: HashMap<(u32, i64, Topic), Vec<Member<'_>>, Fx> = HashMap::default();
    // Which grouped places lie on an axis, for statements about the whole axis.
    let mut on_axis: HashMap<&str, Vec<u32>, Fx> = HashMap::default();
    let mut axis_doubts: Vec<(&str, i64, Member<'_>)> = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    for (n, it) in items.iter().enumerate() {
        let c = it.claim;
        if matches!(c.camp, Camp::Other) && c.speaker.is_none() {
            continue;
        }
        let day = c.date.and_then(|d| d.first_day()).or(it.day);
        let period = period_code(day, opts.window);
        let topic = group_topic(c);
        let member = Member {
            item: n,
            article: it.article,
            claim: c,
            day,
            camp: c.camp,
            stand: c.position,
            via_axis: false,
            implied: false,
        };
        seen.clear();
        for pl in &c.places {
            let key = match (opts.rollup, &pl.oblast, &pl.district) {
                (Rollup::Axis, _, _) if c.axis.is_some() => {
                    (c.axis.as_deref().unwrap_or_default(), None)
                }
                (Rollup::Oblast, Some(o), _) => ("", Some(o.as_str())),
                (Rollup::District, Some(o), Some(d)) => (d.as_str(), Some(o.as_str())),
                _ => (pl.name.as_str(), pl.oblast.as_deref()),
            };
            let pid = *place_ids.entry(key).or_insert_with(|| {
                places.push((key.0, key.1, pl.lat, pl.lon));
                (places.len() - 1) as u32
            });
            if seen.contains(&pid) {
                continue;
            }
            seen.push(pid);
            if let Some(a) = c.axis.as_deref()
                && opts.rollup != Rollup::Axis
            {
                let v = on_axis.entry(a).or_default();
                if !v.contains(&pid) {
                    v.push(pid);
                }
            }
            let g = groups.entry((pid, period, topic)).or_default();
            g.push(member);
            // "Bloggers claimed X, but ISW has not observed confirmation": the report doubts
            // the claim it relays.
            if c.verification == Verification::Unverified
                && matches!(it.outlet_camp, Camp::Isw | Camp::IndependentMonitor)
                && c.camp != it.outlet_camp
                && c.position.is_position()
                && c.position.direction() != Direction::Doubt
            {
                g.push(Member {
                    camp: it.outlet_camp,
                    stand: Stand::Unconfirmed,
                    implied: true,
                    ..member
                });
            }
        }
        // "No confirmed advances on the Pokrovsk axis": said of every place on the axis.
        if let Some(a) = c.axis.as_deref()
            && c.position.direction() == Direction::Doubt
            && opts.rollup != Rollup::Axis
        {
            axis_doubts.push((a, period, member));
        }
    }
    for (axis, period, m) in axis_doubts {
        let Some(pids) = on_axis.get(axis) else {
            continue;
        };
        for &pid in pids {
            let Some(g) = groups.get_mut(&(pid, period, Topic::Control)) else {
                continue;
            };
            if g.iter().any(|x| x.item == m.item) {
                continue;
            }
            g.push(Member {
                via_axis: true,
                ..m
            });
        }
    }
    let mut out: Vec<Comparison> = groups
        .into_iter()
        .map(|((pid, period, topic), members)| {
            let (name, oblast, lat, lon) = places[pid as usize];
            let (place, lat, lon) = if name.is_empty() {
                (format!("{} oblast", oblast.unwrap_or_default()), None, None)
            } else if name.ends_with(" raion") || name.ends_with(" axis") {
                (name.to_owned(), None, None)
            } else {
                (name.to_owned(), lat, lon)
            };
            let (from, to) = period_range(period, opts.window, &members);
            let period = period_label(period, opts.window);
            let key = format!(
                "{}|{}|{}|{}",
                place,
                oblast.unwrap_or(""),
                period,
                topic.word()
            );
            let row = Row {
                key,
                place,
                oblast: oblast.map(str::to_owned),
                period,
                from,
                to,
                topic,
                lat,
                lon,
            };
            judge(row, &members, &clusters, overrides)
        })
        .collect();
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

/// A period as a number: days, ISO weeks, months; `i64::MIN` when undated.
fn period_code(d: Option<NaiveDate>, w: Window) -> i64 {
    let Some(d) = d else { return i64::MIN };
    match w {
        Window::Day => i64::from(d.num_days_from_ce()),
        Window::Week => {
            let iso = d.iso_week();
            i64::from(iso.year()) * 100 + i64::from(iso.week())
        }
        Window::Month => i64::from(d.year()) * 100 + i64::from(d.month()),
        Window::All => 0,
    }
}

fn period_label(code: i64, w: Window) -> String {
    if code == i64::MIN {
        return "undated".to_owned();
    }
    match w {
        Window::Day => NaiveDate::from_num_days_from_ce_opt(code as i32)
            .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()),
        Window::Week => format!("{}-W{:02}", code / 100, code % 100),
        Window::Month => format!("{}-{:02}", code / 100, code % 100),
        Window::All => "all".to_owned(),
    }
}

/// The first and last day of a period; for "all time", of the claims in it.
fn period_range(
    code: i64,
    w: Window,
    members: &[Member<'_>],
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    if code == i64::MIN {
        return (None, None);
    }
    match w {
        Window::Day => {
            let d = NaiveDate::from_num_days_from_ce_opt(code as i32);
            (d, d)
        }
        Window::Week => {
            let d = NaiveDate::from_isoywd_opt(
                (code / 100) as i32,
                (code % 100) as u32,
                chrono::Weekday::Mon,
            );
            (d, d.map(|d| d + Duration::days(6)))
        }
        Window::Month => {
            let first = NaiveDate::from_ymd_opt((code / 100) as i32, (code % 100) as u32, 1);
            let last = first.and_then(|f| {
                f.checked_add_months(chrono::Months::new(1))
                    .map(|n| n - Duration::days(1))
            });
            (first, last)
        }
        Window::All => (
            members.iter().filter_map(|m| m.day).min(),
            members.iter().filter_map(|m| m.day).max(),
        ),
    }
}

/// A period label as a date range: "2025-W05", "2025-02", "2025-02-03"; `None` for "all" and
/// for text that is no period.
fn label_range(label: &str) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    if label == "undated" {
        return Some((None, None));
    }
    if let Some((y, wk)) = label.split_once("-W") {
        let d =
            NaiveDate::from_isoywd_opt(y.parse().ok()?, wk.parse().ok()?, chrono::Weekday::Mon)?;
        return Some((Some(d), Some(d + Duration::days(6))));
    }
    if let Ok(d) = NaiveDate::parse_from_str(label, "%Y-%m-%d") {
        return Some((Some(d), Some(d)));
    }
    if let Ok(d) = NaiveDate::parse_from_str(&format!("{label}-01"), "%Y-%m-%d") {
        let last = d.checked_add_months(chrono::Months::new(1))? - Duration::days(1);
        return Some((Some(d), Some(last)));
    }
    None
}

/// Where an override applies: place, oblast, topic, date range. Overrides from files written
/// before the scope was stored take it from their group key.
struct Scope<'a> {
    place: &'a str,
    oblast: &'a str,
    topic: &'a str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    /// A legacy "all time" override: applies to the row with exactly its key.
    key_only: bool,
}

fn scope<'a>(key: &'a str, o: &'a VerdictOverride) -> Option<Scope<'a>> {
    if let Some(place) = o.place.as_deref() {
        return Some(Scope {
            place,
            oblast: o.oblast.as_deref().unwrap_or(""),
            topic: o.topic.as_deref().unwrap_or(""),
            from: o.from,
            to: o.to,
            key_only: false,
        });
    }
    let mut parts = key.split('|');
    let (place, oblast, period, topic) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let (from, to, key_only) = match label_range(period) {
        Some((f, t)) => (f, t, false),
        None => (None, None, true),
    };
    Some(Scope {
        place,
        oblast,
        topic,
        from,
        to,
        key_only,
    })
}

struct Row {
    key: String,
    place: String,
    oblast: Option<String>,
    period: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    topic: Topic,
    lat: Option<f64>,
    lon: Option<f64>,
}

/// The override that applies to a row (the narrowest whose range holds the row's), and the
/// ranges of those that cover only part of it.
fn find_override<'a>(
    row: &Row,
    overrides: &'a BTreeMap<String, VerdictOverride>,
) -> (Option<(&'a VerdictOverride, Scope<'a>)>, Vec<String>) {
    let mut best: Option<(&VerdictOverride, Scope<'_>)> = None;
    let mut partial = Vec::new();
    for (k, o) in overrides {
        let Some(s) = scope(k, o) else { continue };
        if s.place != row.place
            || s.oblast != row.oblast.as_deref().unwrap_or("")
            || s.topic != row.topic.word()
        {
            continue;
        }
        if s.key_only {
            if *k == row.key {
                best = Some((o, s));
            }
            continue;
        }
        let inside = match (row.from, row.to, s.from, s.to) {
            (None, None, None, None) => true,
            (Some(rf), Some(rt), Some(f), Some(t)) => rf >= f && rt <= t,
            _ => false,
        };
        let overlaps = match (row.from, row.to, s.from, s.to) {
            (Some(rf), Some(rt), Some(f), Some(t)) => rf <= t && rt >= f,
            _ => false,
        };
        if inside {
            let span = |s: &Scope<'_>| match (s.from, s.to) {
                (Some(f), Some(t)) => (t - f).num_days(),
                _ => 0,
            };
            if best.as_ref().is_none_or(|(_, b)| span(&s) < span(b)) {
                best = Some((o, s));
            }
        } else if overlaps {
            partial.push(format!(
                "the user's verdict {} for {} covers part of this period",
                o.verdict,
                range_label(s.from, s.to)
            ));
        }
    }
    (best, partial)
}

fn judge(
    row: Row,
    members: &[Member<'_>],
    clusters: &Clusters,
    overrides: &BTreeMap<String, VerdictOverride>,
) -> Comparison {
    let mut by_camp: BTreeMap<Camp, Vec<&Member<'_>>> = BTreeMap::new();
    for m in members {
        by_camp.entry(m.camp).or_default().push(m);
    }
    let mut positions = BTreeMap::new();
    for (camp, list) in &by_camp {
        if let Some(p) = camp_position(*camp, list, clusters, &row.place) {
            positions.insert(*camp, p);
        }
    }
    let days: BTreeMap<Camp, Vec<NaiveDate>> = by_camp
        .iter()
        .map(|(c, l)| {
            (
                *c,
                l.iter()
                    .filter(|m| m.stand.is_position())
                    .filter_map(|m| m.day)
                    .collect(),
            )
        })
        .collect();
    let (computed, mut reason) = verdict(&positions, &days);
    let mut claims: Vec<ClaimRef> = positions
        .values()
        .flat_map(|p| p.claims.iter().chain(&p.mentions).cloned())
        .collect();
    claims.sort();
    claims.dedup();
    let (found, partial_overrides) = find_override(&row, overrides);
    let (verdict, note, override_range) =
        match found.and_then(|(o, s)| Verdict::from_word(&o.verdict).map(|v| (o, s, v))) {
            Some((o, s, v)) => {
                reason = format!(
                    "set by the user for {}: {}; computed: {} ({reason})",
                    range_label(s.from, s.to),
                    o.note,
                    computed.word()
                );
                (v, Some(o.note.clone()), Some((s.from, s.to)))
            }
            None => (computed, None, None),
        };
    if !partial_overrides.is_empty() {
        reason = format!("{reason}; {}", partial_overrides.join("; "));
    }
    Comparison {
        key: row.key,
        place: row.place,
        oblast: row.oblast,
        period: row.period,
        from: row.from,
        to: row.to,
        topic: row.topic,
        verdict,
        computed,
        reason,
        note,
        override_range,
        partial_overrides,
        positions,
        claims,
        lat: row.lat,
        lon: row.lon,
    }
}

/// A camp's position from its members: each statement (cluster) counts once, at its strongest.
fn camp_position(
    camp: Camp,
    list: &[&Member<'_>],
    clusters: &Clusters,
    place: &str,
) -> Option<Position> {
    let refs = |f: &dyn Fn(&Member<'_>) -> bool| -> Vec<ClaimRef> {
        let mut v: Vec<ClaimRef> = list
            .iter()
            .filter(|m| f(m))
            .map(|m| ClaimRef {
                article: m.article.clone(),
                claim: m.claim.id.clone(),
            })
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let positioned: Vec<&&Member<'_>> = list.iter().filter(|m| m.stand.is_position()).collect();
    let mentions = refs(&|m| !m.stand.is_position());
    if positioned.is_empty() {
        // Only mentions: kept so the row lists them, but no position.
        return Some(Position {
            camp,
            phrase: format!("mentions {place}"),
            direction: Direction::None,
            stand: Stand::Mention,
            lean: 0.0,
            weight: 0.0,
            sources: 0,
            split: false,
            claims: Vec::new(),
            mentions,
            weak: false,
            weak_reason: String::new(),
            hedged: false,
            via_axis: false,
            implied: false,
        });
    }
    // The strongest member of each statement.
    let mut best: HashMap<u32, (&Member<'_>, f32)> = HashMap::new();
    for m in &positioned {
        let w = claim_weight(m.claim);
        let cl = clusters.of(m.item);
        let e = best.entry(cl).or_insert((m, w));
        if w > e.1 {
            *e = (m, w);
        }
    }
    let mut by_dir: BTreeMap<Direction, (f32, Stand, f32)> = BTreeMap::new();
    for (m, w) in best.values() {
        let d = m.stand.direction();
        let e = by_dir.entry(d).or_insert((0.0, m.stand, 0.0));
        e.0 += w;
        if *w > e.2 {
            e.1 = m.stand;
            e.2 = *w;
        }
    }
    let wt = |d: Direction| by_dir.get(&d).map_or(0.0, |e| e.0);
    let (ru, ua, doubt, fight) = (
        wt(Direction::RussianGain),
        wt(Direction::UkrainianGain),
        wt(Direction::Doubt),
        wt(Direction::Fighting),
    );
    let split = ru > 0.0 && ua > 0.0 && ru.min(ua) >= 0.5 * ru.max(ua);
    let gain = ru.max(ua);
    // "Unconfirmed" answers another camp's claim; it never outweighs the camp's own assessment
    // of a gain ("the blogger's 70% is unconfirmed; Russian forces hold about 23%"). "No
    // change" does.
    let no_change: f32 = best
        .values()
        .filter(|(m, _)| m.stand == Stand::NoChange)
        .map(|(_, w)| w)
        .sum();
    let direction = if gain > 0.0 && gain >= 0.5 * no_change {
        if ru >= ua {
            Direction::RussianGain
        } else {
            Direction::UkrainianGain
        }
    } else if doubt > 0.0 {
        Direction::Doubt
    } else if fight > 0.0 {
        Direction::Fighting
    } else {
        Direction::None
    };
    // A camp that says both (Russia advanced; Ukraine holds) tells of a place fought over.
    let (direction, stand) = if split {
        (Direction::Fighting, Stand::Contested)
    } else {
        (
            direction,
            by_dir.get(&direction).map_or(Stand::Mention, |e| e.1),
        )
    };
    let weight: f32 = best.values().map(|(_, w)| w).sum();
    let lean = if weight > 0.0 {
        best.values()
            .map(|(m, w)| lean_of(m.stand.direction()) * w)
            .sum::<f32>()
            / weight
    } else {
        0.0
    };
    // An implied doubt is the report's own, not the relayed claim it answers: that claim's
    // hedging, relay and verification are not the doubt's.
    let weak = positioned.iter().all(|m| {
        !m.implied
            && (m.claim.hedged
                || !m.claim.relayed_by.is_empty()
                || m.claim.verification == Verification::Unverified)
    });
    let weak_reason = if weak {
        let every = |f: &dyn Fn(&Claim) -> bool| positioned.iter().all(|m| f(m.claim));
        let why: Vec<&str> = [
            ("hedged", every(&|c: &Claim| c.hedged)),
            ("relayed", every(&|c: &Claim| !c.relayed_by.is_empty())),
            (
                "unverified",
                every(&|c: &Claim| c.verification == Verification::Unverified),
            ),
        ]
        .into_iter()
        .filter_map(|(w, all)| all.then_some(w))
        .collect();
        if why.is_empty() {
            "each hedged, relayed or unverified".to_owned()
        } else {
            why.join(", ")
        }
    } else {
        String::new()
    };
    let hedged = positioned.iter().all(|m| m.claim.hedged);
    let via_axis = positioned.iter().all(|m| m.via_axis);
    let implied = positioned.iter().all(|m| m.implied);
    let mut phrase = stand.phrase(place);
    if split {
        phrase = format!("says both: {phrase}, and the opposite");
    }
    if via_axis {
        phrase.push_str(" (said of the whole axis)");
    }
    if implied {
        phrase.push_str(" (the report's doubt about a claim it relays)");
    }
    if weak {
        phrase.push_str(&format!(" ({weak_reason})"));
    }
    Some(Position {
        camp,
        phrase,
        direction,
        stand,
        lean,
        weight,
        sources: best.len(),
        split,
        claims: refs(&|m| m.stand.is_position()),
        mentions,
        weak,
        weak_reason,
        hedged,
        via_axis,
        implied,
    })
}

fn verdict(
    all: &BTreeMap<Camp, Position>,
    days: &BTreeMap<Camp, Vec<NaiveDate>>,
) -> (Verdict, String) {
    // Only camps that take a position count; "other" speakers never decide a verdict.
    let positions: BTreeMap<Camp, &Position> = all
        .iter()
        .filter(|(c, p)| p.direction != Direction::None && **c != Camp::Other)
        .map(|(c, p)| (*c, p))
        .collect();
    let names = |f: &dyn Fn(&Position) -> bool| -> String {
        positions
            .values()
            .filter(|p| f(p))
            .map(|p| p.camp.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mentioning: Vec<&str> = all
        .values()
        .filter(|p| p.direction == Direction::None || p.camp == Camp::Other)
        .map(|p| p.camp.label())
        .collect();
    let mention_note = if mentioning.is_empty() {
        String::new()
    } else {
        format!("; {} only mention it", mentioning.join(", "))
    };
    let weak_note = if positions.values().any(|p| p.weak) {
        let weak: Vec<String> = positions
            .values()
            .filter(|p| p.weak)
            .map(|p| format!("{} ({})", p.camp.label(), p.weak_reason))
            .collect();
        format!("; weaker evidence from {}", weak.join(", "))
    } else {
        String::new()
    };
    let sources_note = {
        let many: Vec<String> = positions
            .values()
            .filter(|p| p.claims.len() > p.sources)
            .map(|p| {
                format!(
                    "{}: {} claims from {} independent statement{}",
                    p.camp.label(),
                    p.claims.len(),
                    p.sources,
                    if p.sources == 1 { "" } else { "s" }
                )
            })
            .collect();
        if many.is_empty() {
            String::new()
        } else {
            format!("; {}", many.join(", "))
        }
    };
    let tail = format!("{weak_note}{sources_note}{mention_note}");
    match positions.len() {
        0 => {
            return (
                Verdict::None,
                format!(
                    "no camp takes a position on who holds or gains it{}",
                    if mentioning.is_empty() {
                        String::new()
                    } else {
                        format!(": {} only mention it", mentioning.join(", "))
                    }
                ),
            );
        }
        1 => {
            let p = positions.values().next().map(|p| p.camp.label());
            return (
                Verdict::Single,
                format!("only {} takes a position{tail}", p.unwrap_or_default()),
            );
        }
        _ => {}
    }
    // A camp that says both beside one that asserts a gain: partly compatible. Beside fighting
    // or doubt, the camp that says both tells of a contested place (below).
    if positions.values().any(|p| p.split)
        && positions.values().any(|p| {
            !p.split
                && matches!(
                    p.direction,
                    Direction::RussianGain | Direction::UkrainianGain
                )
        })
    {
        return (
            Verdict::Mixed,
            format!("{} say both things{tail}", names(&|p| p.split)),
        );
    }
    let is = |d: Direction| move |p: &Position| p.direction == d;
    let ru: Vec<&&Position> = positions
        .values()
        .filter(|p| p.direction == Direction::RussianGain)
        .collect();
    let ua: Vec<&&Position> = positions
        .values()
        .filter(|p| p.direction == Direction::UkrainianGain)
        .collect();
    let doubt: Vec<&&Position> = positions
        .values()
        .filter(|p| p.direction == Direction::Doubt)
        .collect();
    let said = |ps: &[&&Position]| -> String {
        ps.iter()
            .map(|p| format!("{} ({})", p.camp.label(), p.stand.label()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !ru.is_empty() && !ua.is_empty() {
        // Reports far apart in time may both be true at their time.
        let days_of = |ps: &[&&Position]| -> Vec<NaiveDate> {
            ps.iter()
                .flat_map(|p| days.get(&p.camp).cloned().unwrap_or_default())
                .collect()
        };
        let (dr, du) = (days_of(&ru), days_of(&ua));
        let closest = du
            .iter()
            .flat_map(|a| dr.iter().map(move |b| (*a - *b).num_days().abs()))
            .min();
        if let Some(gap) = closest
            && gap > 30
        {
            return (
                Verdict::Mixed,
                format!(
                    "{} against {}, but the reports are at least {gap} days apart: both may be true at their time{tail}",
                    said(&ru),
                    said(&ua)
                ),
            );
        }
        // A side that only hedges does not make a full conflict.
        let strong = |ps: &[&&Position]| ps.iter().any(|p| !p.hedged);
        if strong(&ru) && strong(&ua) {
            return (
                Verdict::Conflict,
                format!("{} against {}{tail}", said(&ru), said(&ua)),
            );
        }
        return (
            Verdict::Mixed,
            format!(
                "{} against {}; one side only hedges, so the evidence is split rather than in conflict{tail}",
                said(&ru),
                said(&ua)
            ),
        );
    }
    let gains: Vec<&&Position> = ru.iter().chain(&ua).copied().collect();
    // A doubt disputes a change (a capture, an advance, a withdrawal); attacks repelled and a
    // line held say that nothing changed, as "no change" does.
    let changes: Vec<&&Position> = gains
        .iter()
        .copied()
        .filter(|g| {
            !matches!(
                g.stand,
                Stand::Repelled | Stand::UkraineHolds | Stand::RussiaRepelled
            )
        })
        .collect();
    if !changes.is_empty() && !doubt.is_empty() {
        return (
            Verdict::Disputed,
            format!(
                "{} asserted; {} say it is unconfirmed or that nothing changed{tail}",
                said(&changes),
                said(&doubt)
            ),
        );
    }
    // Fighting reported beside a result: compatible when it is the same fight ("Russian
    // attacks" and "Russian attacks repelled"), not when each camp tells of the other's attacks.
    let attacker = |s: Stand| match s {
        Stand::RussiaAttacks
        | Stand::Repelled
        | Stand::RussiaAdvances
        | Stand::RussiaHolds
        | Stand::UkraineWithdrew => Some(-1),
        Stand::UkraineAttacks
        | Stand::RussiaRepelled
        | Stand::UkraineAdvances
        | Stand::UkraineHolds
        | Stand::RussiaWithdrew => Some(1),
        _ => None,
    };
    let fights: Vec<&&Position> = positions
        .values()
        .filter(|p| p.direction == Direction::Fighting)
        .collect();
    if let Some(f) = fights.iter().find(|f| {
        gains
            .iter()
            .any(|g| matches!((attacker(f.stand), attacker(g.stand)), (Some(a), Some(b)) if a != b))
    }) {
        return (
            Verdict::Mixed,
            format!(
                "{} against {}: each tells of a different side's attacks, so the positions neither agree nor exclude each other{tail}",
                said(&[*f]),
                said(&gains)
            ),
        );
    }
    let opposed = positions.values().any(|p| p.camp.side() == Some(true))
        && positions.values().any(|p| p.camp.side() == Some(false));
    let what = if !ru.is_empty() {
        "Russia holds or gains it"
    } else if !ua.is_empty() {
        "Ukraine holds it or Russian attacks fail"
    } else if positions.values().all(|p| is(Direction::Doubt)(p)) {
        "nothing changed or nothing is confirmed"
    } else {
        "there is fighting, without a result claimed"
    };
    (
        Verdict::Agree,
        format!(
            "{}: compatible positions, {what}{}{tail}",
            said(&positions.values().collect::<Vec<_>>()),
            if opposed {
                " — opposed camps agree"
            } else {
                ""
            }
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_labels_read_back_as_ranges() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            label_range("2025-W05"),
            Some((d("2025-01-27"), d("2025-02-02")))
        );
        assert_eq!(
            label_range("2024-02"),
            Some((d("2024-02-01"), d("2024-02-29")))
        );
        assert_eq!(
            label_range("2025-02-03"),
            Some((d("2025-02-03"), d("2025-02-03")))
        );
        assert_eq!(label_range("undated"), Some((None, None)));
        assert_eq!(label_range("all"), None);
    }
}
