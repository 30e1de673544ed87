//! Cross-source comparison: claims grouped by place, period and topic; each camp's position and
//! a verdict between camps (agree, conflict, mixed, single) with its reason and its claims.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use chrono::Datelike;
use serde_json::{Value, json};

use crate::analysis::Analysis;
use chrono::NaiveDate;

use crate::model::{
    ArticleId, Camp, Claim, ClaimId, Project, Stance, Topic, VerdictOverride, Verification,
};

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
    Agree,
    Conflict,
    Mixed,
    Single,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Conflict,
        Verdict::Mixed,
        Verdict::Agree,
        Verdict::Single,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::Mixed => "mixed",
            Verdict::Single => "single",
        }
    }

    pub fn from_word(w: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.word() == w)
    }
}

/// A claim behind a verdict.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClaimRef {
    pub article: ArticleId,
    pub claim: ClaimId,
}

/// One camp's position in a group.
#[derive(Clone, Debug)]
pub struct Position {
    pub camp: Camp,
    /// A short phrase ("Ukraine holds Kupiansk").
    pub phrase: String,
    /// +1 favours Ukraine … −1 favours Russia, weighted.
    pub lean: f32,
    /// Total weight of the camp's claims (hedged, relayed, unverified weigh less).
    pub weight: f32,
    /// The camp says both things.
    pub split: bool,
    pub claims: Vec<ClaimRef>,
    /// Every claim of the camp is hedged, relayed or unverified.
    pub weak: bool,
    /// Every claim of the camp is hedged ("likely", "reportedly").
    pub hedged: bool,
}

/// A comparison row: a place × period × topic group.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// Stable key for overrides: "place|period|topic".
    pub key: String,
    pub place: String,
    pub oblast: Option<String>,
    pub period: String,
    pub topic: Topic,
    pub verdict: Verdict,
    /// The computed verdict (differs from `verdict` when the user overrode it).
    pub computed: Verdict,
    pub reason: String,
    pub note: Option<String>,
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
        json!({
            "place": self.place,
            "oblast": self.oblast,
            "period": self.period,
            "topic": self.topic.word(),
            "verdict": self.verdict.word(),
            "computed_verdict": self.computed.word(),
            "reason": self.reason,
            "note": self.note,
            "camps": camps,
            "claims": self.claims.iter().map(|c| json!({"article": c.article.0, "claim": c.claim.0})).collect::<Vec<_>>(),
        })
    }
}

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

fn phrase(topic: Topic, lean: f32, place: &str) -> String {
    let side = if lean > 0.25 {
        1
    } else if lean < -0.25 {
        -1
    } else {
        0
    };
    match (topic, side) {
        (Topic::Control, 1) => format!("Russia does not hold {place}; Ukraine holds it"),
        (Topic::Control, -1) => format!("Russia controls {place}"),
        (Topic::Control, _) => format!("control of {place} contested"),
        (Topic::Movement, 1) => format!("Russian advance at {place} stalled or pushed back"),
        (Topic::Movement, -1) => format!("Russian forces advancing at {place}"),
        (Topic::Movement, _) => format!("fighting and movement around {place}"),
        (Topic::Attacks, 1) => format!("Russian attacks near {place} repelled"),
        (Topic::Attacks, -1) => format!("Russian assaults near {place} succeeding"),
        (Topic::Attacks, _) => format!("attacks near {place}"),
        (Topic::Strikes, 1) => format!("Ukrainian strikes hit Russian forces at {place}"),
        (Topic::Strikes, -1) => format!("Russian strikes hit {place}"),
        (Topic::Strikes, _) => format!("strikes and casualties at {place}"),
        (Topic::Surrender, 1) => format!("Russian troops surrendering at {place}"),
        (Topic::Surrender, -1) => format!("Ukrainian troops surrendering at {place}"),
        (Topic::Surrender, _) => format!("surrenders reported at {place}"),
        (Topic::General, 1) => format!("situation at {place} favours Ukraine"),
        (Topic::General, -1) => format!("situation at {place} favours Russia"),
        (Topic::General, _) => format!("reports on {place}"),
    }
}

struct Acc<'a> {
    place: String,
    oblast: Option<String>,
    period: String,
    topic: Topic,
    lat: Option<f64>,
    lon: Option<f64>,
    claims: Vec<(&'a ArticleId, &'a Claim, Option<NaiveDate>)>,
}

/// Compare the claims of a project.
pub fn compare_project(p: &Project, analysis: &Analysis, opts: &Options) -> Vec<Comparison> {
    let items = analysis.articles.iter().flat_map(|(id, an)| {
        let article_day = an.meta.published.and_then(|d| d.day());
        an.claims.iter().map(move |c| (id, c, article_day))
    });
    compare_claims(items, &p.verdict_overrides, opts)
}

/// A place as grouped: name (empty for an oblast roll-up), oblast, coordinates.
type PlaceKey<'a> = (&'a str, Option<&'a str>, Option<f64>, Option<f64>);
/// A claim in a group: its article, the claim, its day.
type Member<'a> = (&'a ArticleId, &'a Claim, Option<NaiveDate>);

/// Compare claims given as (article, claim, the article's day); `overrides` are the user's
/// verdicts by group key.
pub fn compare_claims<'a>(
    items: impl Iterator<Item = (&'a ArticleId, &'a Claim, Option<NaiveDate>)>,
    overrides: &BTreeMap<String, VerdictOverride>,
    opts: &Options,
) -> Vec<Comparison> {
    // Group by small integer keys (place, period, topic); strings are built once per group.
    type Fx = std::hash::BuildHasherDefault<crate::places::FxHasher>;
    let mut place_ids: HashMap<(&'a str, Option<&'a str>), u32, Fx> = HashMap::default();
    let mut places: Vec<PlaceKey<'a>> = Vec::new();
    let mut groups: HashMap<(u32, i64, Topic), Vec<Member<'a>>, Fx> = HashMap::default();
    let mut seen: Vec<u32> = Vec::new();
    for (id, c, article_day) in items {
        if matches!(c.camp, Camp::Other) && c.speaker.is_none() {
            continue;
        }
        let day = c.date.and_then(|d| d.first_day()).or(article_day);
        let period = period_code(day, opts.window);
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
            groups
                .entry((pid, period, c.topic))
                .or_default()
                .push((id, c, day));
        }
    }
    let mut out: Vec<Comparison> = groups
        .into_iter()
        .map(|((pid, period, topic), claims)| {
            let (name, oblast, lat, lon) = places[pid as usize];
            let (place, lat, lon) = if name.is_empty() {
                (format!("{} oblast", oblast.unwrap_or_default()), None, None)
            } else if name.ends_with(" raion") || name.ends_with(" axis") {
                (name.to_owned(), None, None)
            } else {
                (name.to_owned(), lat, lon)
            };
            let period = period_label(period, opts.window);
            let key = format!(
                "{}|{}|{}|{}",
                place,
                oblast.unwrap_or(""),
                period,
                topic.word()
            );
            let acc = Acc {
                place,
                oblast: oblast.map(str::to_owned),
                period,
                topic,
                lat,
                lon,
                claims,
            };
            judge(key, acc, overrides)
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

fn judge(key: String, acc: Acc<'_>, overrides: &BTreeMap<String, VerdictOverride>) -> Comparison {
    let mut by_camp: BTreeMap<Camp, Vec<(&ArticleId, &Claim)>> = BTreeMap::new();
    let mut days: BTreeMap<Camp, Vec<NaiveDate>> = BTreeMap::new();
    for (a, c, d) in &acc.claims {
        by_camp.entry(c.camp).or_default().push((a, c));
        if let Some(d) = d {
            days.entry(c.camp).or_default().push(*d);
        }
    }
    let mut positions = BTreeMap::new();
    for (camp, list) in &by_camp {
        let weight: f32 = list.iter().map(|(_, c)| claim_weight(c)).sum();
        let pos: f32 = list
            .iter()
            .filter(|(_, c)| c.stance == Stance::FavoursUkraine)
            .map(|(_, c)| claim_weight(c))
            .sum();
        let neg: f32 = list
            .iter()
            .filter(|(_, c)| c.stance == Stance::FavoursRussia)
            .map(|(_, c)| claim_weight(c))
            .sum();
        let lean = if weight > 0.0 {
            (pos - neg) / weight
        } else {
            0.0
        };
        let split = pos > 0.0 && neg > 0.0 && pos.min(neg) >= 0.5 * pos.max(neg);
        let weak = list.iter().all(|(_, c)| {
            c.hedged || !c.relayed_by.is_empty() || c.verification == Verification::Unverified
        });
        let hedged = list.iter().all(|(_, c)| c.hedged);
        let mut phrase = phrase(acc.topic, lean, &acc.place);
        if split {
            phrase = format!("says both: {phrase}, and the opposite");
        }
        if weak {
            phrase.push_str(" (hedged, relayed or unverified)");
        }
        positions.insert(
            *camp,
            Position {
                camp: *camp,
                phrase,
                lean,
                weight,
                split,
                claims: list
                    .iter()
                    .map(|(a, c)| ClaimRef {
                        article: (*a).clone(),
                        claim: c.id.clone(),
                    })
                    .collect(),
                weak,
                hedged,
            },
        );
    }
    let (computed, mut reason) = verdict(&positions, &days);
    let mut claims: Vec<ClaimRef> = positions
        .values()
        .flat_map(|p| p.claims.iter().cloned())
        .collect();
    claims.sort();
    claims.dedup();
    let (verdict, note) = match overrides.get(&key) {
        Some(o) => match Verdict::from_word(&o.verdict) {
            Some(v) => {
                reason = format!(
                    "set by the user: {}; computed: {} ({reason})",
                    o.note,
                    computed.word()
                );
                (v, Some(o.note.clone()))
            }
            None => (computed, None),
        },
        None => (computed, None),
    };
    Comparison {
        key,
        place: acc.place,
        oblast: acc.oblast,
        period: acc.period,
        topic: acc.topic,
        verdict,
        computed,
        reason,
        note,
        positions,
        claims,
        lat: acc.lat,
        lon: acc.lon,
    }
}

fn verdict(
    positions: &BTreeMap<Camp, Position>,
    days: &BTreeMap<Camp, Vec<NaiveDate>>,
) -> (Verdict, String) {
    let names = |f: &dyn Fn(&Position) -> bool| -> String {
        positions
            .values()
            .filter(|p| f(p))
            .map(|p| p.camp.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let weak_note = if positions.values().any(|p| p.weak) {
        format!(
            "; weaker evidence from {} (hedged, relayed or unverified)",
            names(&|p| p.weak)
        )
    } else {
        String::new()
    };
    if positions.len() == 1 {
        let p = positions
            .values()
            .next()
            .map(|p| p.camp.label())
            .unwrap_or_default();
        return (
            Verdict::Single,
            format!("only {p} speaks about this{weak_note}"),
        );
    }
    if positions.values().any(|p| p.split) {
        return (
            Verdict::Mixed,
            format!("{} contradict themselves{weak_note}", names(&|p| p.split)),
        );
    }
    let pro_u: Vec<&Position> = positions.values().filter(|p| p.lean > 0.25).collect();
    let pro_r: Vec<&Position> = positions.values().filter(|p| p.lean < -0.25).collect();
    if !pro_u.is_empty() && !pro_r.is_empty() {
        // Reports far apart in time may both be true at their time.
        let days_of = |ps: &[&Position]| -> Vec<NaiveDate> {
            ps.iter()
                .flat_map(|p| days.get(&p.camp).cloned().unwrap_or_default())
                .collect()
        };
        let (du, dr) = (days_of(&pro_u), days_of(&pro_r));
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
                    "{} favour Ukraine and {} favour Russia, but the reports are at least {gap} days apart: both may be true at their time{weak_note}",
                    names(&|p| p.lean > 0.25),
                    names(&|p| p.lean < -0.25)
                ),
            );
        }
        // A side that only hedges does not make a full conflict; unverified and relayed claims
        // weigh less in the lean and are named in the reason.
        let strong_u = pro_u.iter().any(|p| !p.hedged);
        let strong_r = pro_r.iter().any(|p| !p.hedged);
        let v = if strong_u && strong_r {
            Verdict::Conflict
        } else {
            Verdict::Mixed
        };
        return (
            v,
            format!(
                "{} say it favours Ukraine, {} say it favours Russia{}{weak_note}",
                names(&|p| p.lean > 0.25),
                names(&|p| p.lean < -0.25),
                if v == Verdict::Mixed {
                    "; one side only hedges, so the evidence is split rather than in conflict"
                } else {
                    ""
                }
            ),
        );
    }
    // One camp takes a side, the others only report: not agreement, not conflict.
    let polar = pro_u.len() + pro_r.len();
    if polar == 1 && positions.len() > 1 {
        return (
            Verdict::Mixed,
            format!(
                "only {} says it favours {}; {} report it without taking a side{weak_note}",
                names(&|p| p.lean.abs() > 0.25),
                if pro_u.is_empty() {
                    "Russia"
                } else {
                    "Ukraine"
                },
                names(&|p| p.lean.abs() <= 0.25)
            ),
        );
    }
    let opposed = positions.values().any(|p| p.camp.side() == Some(true))
        && positions.values().any(|p| p.camp.side() == Some(false));
    let direction = if !pro_u.is_empty() {
        "in Ukraine's favour"
    } else if !pro_r.is_empty() {
        "in Russia's favour"
    } else {
        "without taking a side"
    };
    (
        Verdict::Agree,
        format!(
            "{} all report it {direction}{}{weak_note}",
            names(&|_| true),
            if opposed {
                " — opposed camps agree"
            } else {
                ""
            }
        ),
    )
}

/// The comparison as a Markdown section for briefings.
pub fn report_markdown(comparisons: &[Comparison], p: &Project, analysis: &Analysis) -> String {
    let mut s = String::from("## Comparison\n\n");
    for c in comparisons {
        let _ = writeln!(
            s,
            "### {} · {} · {} — {}\n",
            c.place,
            c.period,
            c.topic.word(),
            c.verdict.word().to_uppercase()
        );
        let _ = writeln!(s, "{}\n", c.reason);
        for pos in c.positions.values() {
            let _ = writeln!(s, "- **{}**: {}", pos.camp.label(), pos.phrase);
            for r in &pos.claims {
                let Some(an) = analysis.articles.get(&r.article) else {
                    continue;
                };
                let Some(cl) = an.claims.iter().find(|x| x.id == r.claim) else {
                    continue;
                };
                let src = an
                    .meta
                    .outlet
                    .clone()
                    .or_else(|| {
                        p.articles
                            .get(&r.article)
                            .map(|a| a.source.file_name.clone())
                    })
                    .unwrap_or_default();
                let date = cl
                    .date
                    .or(an.meta.published)
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into());
                let _ = writeln!(
                    s,
                    "  - “{}” — {}, {} ({date})",
                    cl.text.trim(),
                    cl.speaker.as_deref().unwrap_or("unattributed"),
                    src
                );
            }
        }
        s.push('\n');
    }
    s
}
