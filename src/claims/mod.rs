//! Claims: who claimed what, about which place, when — extracted from the kept body lines.
//!
//! Per sentence: the attribution (cue verbs, "according to", quotes with "he said", pronouns
//! and roles pointing back, relays), the claimant's camp from the lexicon, places from the
//! gazetteer, dates resolved against the article, topic, stance, hedging and verification.

mod content;
mod dates;
mod lexicon;
mod roles;
mod sentences;

pub use dates::{DateFound, find_dates};
pub use lexicon::{Hit, lexicon};
pub use sentences::sentence_spans;

use std::collections::HashMap;

use crate::analysis::ArticleAnalysis;
use crate::clean::LineKind;
use crate::model::{Article, Camp, Claim, ClaimId, PartialDate, Position, Project, Verification};
use crate::places;

/// Cue participles ("saying", "adding") elaborate a claim; they never relay one.
/// Words after which a cue word is a noun or an adjective ("the reporting period").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
    "such", "any", "every", "each", "no", "recent", "latest", "previous", "earlier",
];

/// Forms of "to be" and "to have" before a passive cue ("was reported by TASS").
const BE_FORMS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "also",
    "first",
    "widely",
    "reportedly",
    "initially",
];

const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "claiming",
    "stating",
    "warning",
    "indicating",
    "reporting",
    "writing",
    "acknowledging",
    "denying",
];

/// Prepositions after which a country or capital is where something is, not who speaks.
const LOCATIVES: &[&str] = &[
    "in", "from", "near", "at", "to", "into", "across", "в", "у", "во", "из", "із", "з", "под",
    "під", "до",
];

/// Words that make a place name an axis or sector of the front.
const AXIS_WORDS: &[&str] = &[
    "axis",
    "axes",
    "sector",
    "direction",
    "front",
    "напрям",
    "направлен",
    "участ",
];

/// "According to" phrases, from `assets/lexicon/according.txt`.
fn according_phrases() -> &'static [&'static str] {
    static P: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        include_str!("../../assets/lexicon/according.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Byte ranges inside quotation marks. A quotation left open runs to the end of the sentence
/// (it continues in the next one); a closing mark without its opening covers the start (the
/// quotation began in the previous sentence).
fn quoted_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match c {
            '“' | '«' | '„' => open = Some(i),
            '”' | '»' => match open.take() {
                Some(o) => out.push((o, i + c.len_utf8())),
                None => out.push((0, i + c.len_utf8())),
            },
            '"' => match open.take() {
                Some(o) => out.push((o, i + 1)),
                None if prev.is_whitespace() || matches!(prev, ':' | '(' | '[' | '—') || i == 0 => {
                    open = Some(i)
                }
                None => out.push((0, i + 1)),
            },
            _ => {}
        }
        prev = c;
    }
    if let Some(o) = open {
        out.push((o, s.len()));
    }
    out
}

fn in_ranges(r: &[(usize, usize)], p: usize) -> bool {
    r.iter().any(|&(a, b)| p > a && p < b)
}

/// What is found once per sentence and reused by every cue in it.
struct Scan {
    hits: Vec<Hit>,
    names: Vec<(usize, usize)>,
}

#[derive(Clone, Debug, Default)]
struct Speaker {
    name: String,
    camp: Option<Camp>,
    person: bool,
    plural: bool,
}

/// Countries and capitals that stand for their governments ("Moscow said"), from
/// `assets/lexicon/metonyms.txt`.
fn is_metonym(name: &str) -> bool {
    static SET: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        include_str!("../../assets/lexicon/metonyms.txt")
            .lines()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    let n = name.trim().trim_start_matches("the ").to_lowercase();
    set.contains(&n)
}

/// Whether a capitalised name is a place or holds one at its edge ("Chasiv Yar", "Kupiansk
/// Yesterday", "Head of Kupiansk"), rather than a person whose surname merely looks like a
/// place after a first name and a title ("Colonel Dmytro Zaporozhets").
fn is_place_name(name: &str) -> bool {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let n = words.len();
    places::find(name).iter().any(|m| {
        let covered: Vec<usize> = (0..n)
            .filter(|&i| words[i].0 >= m.start && words[i].0 < m.end)
            .collect();
        let first = covered.contains(&0);
        let last = covered.contains(&(n.saturating_sub(1)));
        covered.len() * 2 > n || first || (last && !(n >= 3 && covered.len() == 1))
    })
}

/// Pronouns and roles that point back to an earlier claimant.
fn back_reference(w: &str) -> Option<&'static str> {
    let w = w
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let lw = w.to_lowercase();
    // "В ведомстве утверждают", "У відомстві заявили".
    let lw = lw
        .strip_prefix("в ")
        .or_else(|| lw.strip_prefix("у "))
        .unwrap_or(&lw)
        .to_owned();
    // "the Russian leader", "the Ukrainian president": a role of one side's person.
    for (side, kind) in [
        ("russian ", "russian person"),
        ("russia's ", "russian person"),
        ("kremlin ", "russian person"),
        ("ukrainian ", "ukrainian person"),
        ("ukraine's ", "ukrainian person"),
    ] {
        if let Some(role) = lw.strip_prefix(side)
            && back_reference(role) == Some("person")
            && !["he", "she", "one"].contains(&role)
        {
            return Some(kind);
        }
    }
    Some(match lw.as_str() {
        "he" | "she" | "він" | "вона" | "он" | "она" => "person",
        "they" | "вони" | "они" => "plural",
        "it" => "body",
        "spokesperson" | "spokesman" | "spokeswoman" | "official" | "officer" | "governor"
        | "minister" | "commander" | "general" | "president" | "head" | "chief" | "mayor"
        | "leader" | "envoy" | "diplomat" | "negotiator" | "ambassador" | "adviser" | "advisor"
        | "aide" | "prime minister" | "foreign minister" | "defense minister"
        | "defence minister" | "one" | "the latter" | "the former" => "person",
        "think tank"
        | "institute"
        | "d.c.-based think tank"
        | "washington-based think tank"
        | "u.s.-based think tank" => "isw",
        "group" | "monitoring group" | "monitor" | "project" => "group",
        // "Аналітики проєкту", "Проект": a monitor named before (DeepState); with none named,
        // the role reads as usual.
        "проект"
        | "проєкт"
        | "проекта"
        | "проєкту"
        | "проекте"
        | "проєкті"
        | "аналітики"
        | "аналитики"
        | "аналітики проєкту"
        | "аналитики проекта"
        | "також аналітики"
        | "мониторинговая группа"
        | "моніторингова група" => "monitor",
        "ministry"
        | "defense ministry"
        | "defence ministry"
        | "ведомстве"
        | "ведомство"
        | "відомстві"
        | "відомство"
        | "міністерстві"
        | "министерстве"
        | "штабе"
        | "штабі" => "ministry",
        "bloggers" | "military bloggers" | "milbloggers" => "bloggers",
        _ => return None,
    })
}

/// Capitalised name sequences (two to four words) in `s`, as byte ranges.
fn person_names(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<(usize, usize)>, out: &mut Vec<(usize, usize)>| {
        if run.len() >= 2 && run.len() <= 4 {
            out.push((run[0].0, run[run.len() - 1].1));
        } else if run.len() > 4 {
            out.push((run[run.len() - 3].0, run[run.len() - 1].1));
        }
        run.clear();
    };
    let mut start: Option<usize> = None;
    let mut words = Vec::new();
    for (i, c) in s.char_indices() {
        let wc = c.is_alphabetic() || c == '\'' || c == '’' || c == '-';
        match (wc, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                words.push((b, i, c));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        words.push((b, s.len(), ' '));
    }
    const NOT_NAMES: &[&str] = &[
        "The",
        "A",
        "An",
        "Ukraine",
        "Ukraine's",
        "Ukraine’s",
        "Ukrainian",
        "Russia",
        "Russian",
        "Russia's",
        "Moscow",
        "Moscow's",
        "Kremlin",
        "President",
        "General",
        "Staff",
        "Defense",
        "Defence",
        "Ministry",
        "Forces",
        "Group",
        "Oblast",
        "Telegram",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Jan",
        "Feb",
        "Dec",
        "Nov",
        "Oct",
        "Sept",
        "Aug",
        "But",
        "And",
        "On",
        "In",
        "According",
        "U",
        "S",
        "K",
        "Institute",
        "Study",
        "War",
        "Joint",
        "Khortytsia",
        "Kyiv",
        "Independent",
        "Post",
        "News",
        "Times",
        "Fox",
    ];
    for (b, e, sep) in words {
        let w = &s[b..e];
        let bare = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        let cap = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase);
        if cap && !NOT_NAMES.contains(&w) && !NOT_NAMES.contains(&bare) && !is_not_speaker(bare) {
            // Names are words separated by single spaces ("Donbas – Moscow" is two things).
            if let Some(&(_, pe)) = run.last()
                && &s[pe..b] != " "
            {
                flush(&mut run, &mut out);
            }
            run.push((b, e));
            if sep != ' ' {
                flush(&mut run, &mut out);
            }
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Words that are never a speaker on their own: sentence openers, months and weekdays,
/// military unit words and the like (`assets/lexicon/not-speakers.txt`).
fn is_not_speaker(name: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        include_str!("../../assets/lexicon/not-speakers.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.trim().to_lowercase())
            .collect()
    });
    let lower = name.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.is_empty()
        || set.contains(&lower)
        || words.iter().all(|w| set.contains(*w))
        || words
            .first()
            .is_some_and(|w| set.contains(&format!("{w} *")))
        || words
            .last()
            .is_some_and(|w| set.contains(&format!("* {w}")))
}

/// A Cyrillic word in a case other than the nominative ("Украины", "Белгородом",
/// "Зеленским", "Києву"): not the subject that speaks.
fn oblique_cyrillic(w: &str) -> bool {
    let l = w.to_lowercase();
    if !l.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        return false;
    }
    [
        "ами", "ями", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ём", "ой", "ей", "ах",
        "ях", "ам", "ям", "ів", "ою", "ею", "ні", "ві", "ці", "ті", "ки", "ги", "ы", "у", "ю",
    ]
    .iter()
    .any(|e| l.ends_with(e))
}

/// The role phrase around a name at `text[s..e]`: the words before it back to a clause
/// boundary (at most eight, not before `from`), and an apposition after it (", a spokesperson
/// for Ukraine's Khortytsia group,").
fn role_around(text: &str, from: usize, s: usize, e: usize) -> roles::RoleCamp {
    // A parenthesis closed before the name is an aside ("Ukrainian 11th Army Corps (AC)
    // Spokesperson …"): the role reads on across it.
    let before = without_asides(&text[from.min(s)..s]);
    let cut = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '.' | '(' | ')'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let before = &before[cut..];
    let words: Vec<&str> = before.split_whitespace().collect();
    let before: String = words[words.len().saturating_sub(8)..].join(" ");
    // The name's own words ("Lieutenant Colonel …", "Air Force") and the state named right
    // after it ("the State Emergency Service of Ukraine") belong to the role.
    let after = &text[e.min(text.len())..];
    let of_state = after
        .strip_prefix(" of ")
        .map(|rest| {
            let end = rest
                .find([',', ';', '.', '"', '“', '”', '(', ')', ':'])
                .unwrap_or(rest.len());
            rest[..end]
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let mut role = roles::read(&format!("{before} {} {of_state}", &text[s..e]));
    if role.camp().is_none()
        && let Some(rest) = after.strip_prefix(", ")
    {
        {
            let end = rest
                .find([',', ';', '.', '"', '“', '”', '(', ')'])
                .unwrap_or(rest.len());
            let app = &rest[..end];
            // The apposition replaces the role only when it names one (", якого цитує
            // «Думка»" does not undo "начальника … військової адміністрації").
            let app_role = roles::read(app);
            if app.split_whitespace().count() <= 12
                && !app.split_whitespace().any(|w| is_cue(w).is_some())
                && (app_role.official || app_role.decided.is_some())
            {
                role = app_role;
            }
        }
    }
    role
}

/// `text` without its closed parenthetical asides of a few words ("(AC)", "(MoD)"), which
/// break no clause.
fn without_asides(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(')') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        match rest[open..].find(')') {
            Some(close) if rest[open..open + close].split_whitespace().count() <= 4 => {
                out.push_str(&rest[..open]);
                rest = &rest[open + close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

struct Ctx<'a> {
    /// The state an unqualified official role belongs to in this text: a Ukrainian-language
    /// report's "речник", "начальник МВА" are Ukrainian officials.
    default_side: Option<Camp>,
    memory: Vec<Speaker>,
    names: HashMap<String, Camp, std::hash::BuildHasherDefault<places::FxHasher>>,
    overrides: &'a std::collections::BTreeMap<String, Camp>,
}

impl Ctx<'_> {
    fn camp_for(&self, name: &str, fallback: Option<Camp>) -> Camp {
        let key = name.to_lowercase();
        if let Some(c) = self.overrides.get(&key) {
            return *c;
        }
        if let Some(c) = fallback {
            return c;
        }
        if let Some(c) = self.names.get(&key) {
            return *c;
        }
        // Surname alone.
        if let Some(last) = key.split_whitespace().last()
            && let Some(c) = self.names.get(last)
        {
            return *c;
        }
        lexicon().hits(name).last().map_or(Camp::Other, |h| h.camp)
    }

    /// The camp a role phrase gives, an unqualified official role taking the text's own state.
    fn role_camp(&self, mut role: roles::RoleCamp) -> Option<Camp> {
        if role.side.is_none() {
            role.side = self.default_side;
        }
        role.camp()
    }

    /// A person's camp: the user's override, then what the text says of them here (their
    /// lexicon entry or role), then what the document said of them before, then a body named
    /// right next to them, else `other`.
    fn camp_for_person(&self, name: &str, here: Option<Camp>, adjacent: Option<Camp>) -> Camp {
        let key = name.to_lowercase();
        if let Some(c) = self.overrides.get(&key) {
            return *c;
        }
        if let Some(c) = here {
            return c;
        }
        if let Some(c) = self.names.get(&key) {
            return *c;
        }
        if let Some(last) = key.split_whitespace().last()
            && let Some(c) = self.names.get(last)
        {
            return *c;
        }
        adjacent
            .filter(|c| !matches!(c, Camp::Media))
            .unwrap_or(Camp::Other)
    }

    fn remember(&mut self, s: &Speaker) {
        if let Some(c) = s.camp {
            self.names.insert(s.name.to_lowercase(), c);
            if s.person
                && let Some(last) = s.name.split_whitespace().last()
            {
                self.names.insert(last.to_lowercase(), c);
            }
        }
        self.memory.push(s.clone());
    }

    fn resolve_back(&self, kind: &str) -> Option<Speaker> {
        self.memory
            .iter()
            .rev()
            .find(|s| match kind {
                "person" => s.person,
                "russian person" => s.person && s.camp.and_then(Camp::side) == Some(false),
                "ukrainian person" => s.person && s.camp.and_then(Camp::side) == Some(true),
                "plural" => s.plural || !s.person,
                "isw" => s.camp == Some(Camp::Isw),
                "group" => s.camp == Some(Camp::IndependentMonitor) || !s.person,
                "monitor" => s.camp == Some(Camp::IndependentMonitor),
                "ministry" | "body" => !s.person,
                "bloggers" => s.camp == Some(Camp::RussianMilblogger),
                _ => false,
            })
            .cloned()
            .or_else(|| {
                (kind == "isw").then(|| Speaker {
                    name: "ISW".into(),
                    camp: Some(Camp::Isw),
                    person: false,
                    plural: false,
                })
            })
    }

    /// The speaker in `text[ws..we]`, using the sentence's lexicon hits and names.
    fn speaker_in_scan(
        &self,
        text: &str,
        scan: &Scan,
        ws: usize,
        we: usize,
        anchor_at_end: bool,
    ) -> Option<Speaker> {
        // Positions stay those of the sentence; only hits and names inside the window count.
        let hits: Vec<&Hit> = scan
            .hits
            .iter()
            .filter(|h| h.start >= ws && h.end <= we)
            .collect();
        let names: Vec<(usize, usize)> = scan
            .names
            .iter()
            .filter(|n| n.0 >= ws && n.1 <= we)
            .copied()
            .collect();
        self.speaker_from(text, ws, we, &hits, &names, anchor_at_end)
    }

    fn speaker_from(
        &self,
        text: &str,
        ws: usize,
        we: usize,
        hits: &[&Hit],
        names: &[(usize, usize)],
        anchor_at_end: bool,
    ) -> Option<Speaker> {
        let window = &text[ws..we];
        // "…, he added": a pronoun right before the cue is the speaker, whatever names the
        // clause holds before it ("the Trump administration will …, he added").
        if anchor_at_end
            && let Some(last) = window
                .trim_end_matches([',', ' '])
                .split_whitespace()
                .last()
            && let Some(kind) = back_reference(last.trim_matches(|c: char| !c.is_alphanumeric()))
            && [
                "person",
                "plural",
                "body",
                "russian person",
                "ukrainian person",
            ]
            .contains(&kind)
            && let Some(sp) = self.resolve_back(kind)
        {
            return Some(sp);
        }
        // "Як зазначили аналітики": the monitor the document named before, where it named one.
        if back_reference(window.trim().trim_matches([',', ' '])) == Some("monitor")
            && let Some(sp) = self.resolve_back("monitor")
        {
            return Some(sp);
        }
        // A lexicon hit that is only part of a longer name ("Russia Matters reports") is not
        // that claimant; a country or capital standing for its government ("Moscow said")
        // sits right next to the cue, not deep in the clause before it.
        let hits: Vec<&Hit> = hits
            .iter()
            .copied()
            .filter(|h| {
                let after = text[h.end..we].split_whitespace().next().unwrap_or("");
                let part_of_name = is_metonym(&h.name)
                    && after.chars().next().is_some_and(char::is_uppercase)
                    && is_cue(after.trim_matches(|c: char| !c.is_alphanumeric())).is_none();
                // A subject is never cut from its verb by one comma ("… Ukraine since 2022,
                // suggests …" is the clause's object, not its subject).
                let between = &text[h.end..we];
                // ", in turn,", ", for its part,": an aside between subject and verb.
                let aside = between.trim_start().starts_with(',')
                    && between.trim_end().ends_with(',')
                    && between.matches(',').count() == 2
                    && between.split_whitespace().count() <= 4;
                let far = is_metonym(&h.name)
                    && anchor_at_end
                    && !aside
                    && (between.split_whitespace().count() > 4
                        || between.trim_end().ends_with(',')
                            && between.split_whitespace().count() > 1);
                // "the consultancy ExPro in Kyiv": a capital after a preposition is a place.
                let located = is_metonym(&h.name)
                    && text[..h.start]
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|w| LOCATIVES.contains(&w.to_lowercase().as_str()));
                !part_of_name && !far && !located
            })
            .collect();
        let hits = hits.as_slice();
        let mut pick_hit = if anchor_at_end {
            hits.iter().max_by_key(|h| h.end)
        } else {
            hits.iter().min_by_key(|h| h.start)
        };
        // "The DeepState monitoring group": a generic role right after a name means the name.
        if let Some(h) = pick_hit
            && h.name.chars().next().is_some_and(char::is_lowercase)
            && let Some(named) = hits
                .iter()
                .find(|o| o.end <= h.start && h.start - o.end <= 2)
        {
            pick_hit = Some(named);
        }
        let pick_name = if anchor_at_end {
            names.iter().max_by_key(|n| n.1)
        } else {
            names.iter().min_by_key(|n| n.0)
        };
        // A person's full name wins, with the camp of a role next to it.
        if let Some(&(s, e)) = pick_name {
            let name = text[s..e].trim().to_owned();
            let name_hits: Vec<&Hit> = hits
                .iter()
                .filter(|h| h.start >= s && h.end <= e)
                .copied()
                .collect();
            let is_org = name_hits.iter().any(|h| {
                h.end - h.start + 2 >= e - s
                    && !matches!(h.camp, Camp::Media)
                    && h.name.contains(' ')
            });
            if !is_org && !is_place_name(&name) && !is_not_speaker(&name) {
                // The person's own lexicon entry, else the role around the name ("Ukrainian
                // Defence Ministry adviser X", "X, an economist at ..."), else what the
                // document said of them before, else a lexicon hit right next to the name.
                let own = name_hits.first().map(|h| h.camp);
                let role = self.role_camp(role_around(text, ws.min(s), s, e));
                let adjacent = hits
                    .iter()
                    .filter(|h| h.end <= s && text[h.end..s].split_whitespace().count() <= 2)
                    .max_by_key(|h| h.end)
                    .map(|h| h.camp);
                let camp = self.camp_for_person(&name, own.or(role), adjacent);
                // One identity across spellings and scripts: "Volodymyr Zelenskyy",
                // "Зеленський" and "Zelensky" are the lexicon's "Volodymyr Zelensky".
                let name = name_hits
                    .iter()
                    .find(|h| {
                        let first = |x: &str| x.split_whitespace().next().map(str::to_lowercase);
                        let cyrillic = name.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
                        h.name.contains(' ')
                            && h.name.chars().next().is_some_and(char::is_uppercase)
                            // Not another person of the same surname ("Mykhailo" vs "Ivan Fedorov").
                            && (cyrillic
                                || name.split_whitespace().count() == 1
                                || first(&name) == first(&h.name)
                                || first(&name).zip(first(&h.name)).is_some_and(|(a, b)| a.get(..3) == b.get(..3)))
                    })
                    .map_or(name, |h| h.name.clone());
                // "Air Force", "State Emergency Service": a body named like a person.
                let person = !roles::read(&name).body;
                return Some(Speaker {
                    name,
                    camp: Some(camp),
                    person,
                    plural: false,
                });
            }
        }
        if let Some(h) = pick_hit {
            let plural = h.name.ends_with('s')
                || h.name.contains("officials")
                || h.name.contains("bloggers");
            let person = hit_is_person(h);
            let camp = self.camp_for(&h.name, Some(h.camp));
            return Some(Speaker {
                name: h.name.clone(),
                camp: Some(camp),
                person,
                plural,
            });
        }
        // No name and no known body: a role phrase is the speaker ("за словами начальника
        // Куп'янської МВА", "по информации российских военных телеграм-каналов").
        let phrase = window
            .trim()
            .trim_end_matches([',', ' '])
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let phrase_words = phrase.split_whitespace().count();
        if !phrase.is_empty() && phrase_words <= 14 {
            let role = roles::read(phrase);
            // Beyond eight words only a phrase that names its side ("A pilot of a Ukrainian
            // drone crew operating in the Slovyansk direction").
            if (role.decided.is_some()
                || role.official && (phrase_words <= 8 || role.side.is_some()))
                && let Some(camp) = self.role_camp(role)
            {
                return Some(Speaker {
                    name: phrase.to_owned(),
                    camp: Some(camp),
                    person: false,
                    plural: phrase.ends_with('s') || phrase.ends_with(|c: char| "иыі".contains(c)),
                });
            }
        }
        // A lone capitalised word right before the cue ("Trehubov stressed").
        let last = window
            .trim_end_matches([',', ' '])
            .split_whitespace()
            .last()?;
        let bare = last.trim_matches(|c: char| !c.is_alphanumeric());
        if let Some(kind) = back_reference(
            window
                .trim()
                .trim_end_matches(',')
                .to_lowercase()
                .split(", ")
                .last()
                .unwrap_or(""),
        )
        .or_else(|| back_reference(bare))
        {
            return self.resolve_back(kind);
        }
        if bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().count() > 2
            && places::find(bare).is_empty()
            && !is_not_speaker(bare)
            && !bare.chars().all(|c| !c.is_lowercase())
            && !oblique_cyrillic(bare)
        {
            let known = self.names.get(&bare.to_lowercase()).copied();
            let full = self
                .memory
                .iter()
                .rev()
                .find(|s| s.person && s.name.split_whitespace().last() == Some(bare))
                .map(|s| s.name.clone());
            let name = full.unwrap_or_else(|| bare.to_owned());
            let tw = window.trim_end_matches([',', ' ']);
            let at = ws + tw.rfind(bare).unwrap_or(0);
            let role = self.role_camp(role_around(text, ws, at, at + bare.len()));
            let camp = self.camp_for_person(&name, known.or(role), None);
            return Some(Speaker {
                name,
                camp: Some(camp),
                person: true,
                plural: false,
            });
        }
        None
    }
}

/// Whether a lexicon hit names a person: a first name and a surname ("Trehubov" is shown as
/// "Viktor Trehubov"), not a body, an outlet or a group.
fn hit_is_person(h: &Hit) -> bool {
    !h.name.contains("'s ")
        && h.name.split_whitespace().count() == 2
        && h.name.chars().next().is_some_and(char::is_uppercase)
        && ![Camp::Media, Camp::Isw, Camp::IndependentMonitor].contains(&h.camp)
        && !roles::read(&h.name).body
        && !h.name.contains("forces")
}

/// One sentence with its attribution.
struct Attributed {
    speaker: Option<Speaker>,
    cue: Option<String>,
    relays: Vec<Speaker>,
    cue_pos: Option<usize>,
    /// The sentence's lexicon hits and names, when attribution needed them.
    scan: Option<Scan>,
}

type CueSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<places::FxHasher>>;

/// The cue words of `assets/lexicon/cues.txt`: whole words, and stems (ending in `*`) that
/// match any ending.
struct Cues {
    words: CueSet,
    stems: CueSet,
}

fn cue_set() -> &'static Cues {
    static SET: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut c = Cues {
            words: CueSet::default(),
            stems: CueSet::default(),
        };
        for l in include_str!("../../assets/lexicon/cues.txt").lines() {
            let l = l.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            match l.strip_suffix('*') {
                Some(stem) => c.stems.insert(stem),
                None => c.words.insert(l),
            };
        }
        c
    })
}

impl Cues {
    fn contains(&self, w: &str) -> bool {
        if self.words.contains(w) {
            return true;
        }
        // Stems: every prefix of the word, at char boundaries, from three letters on.
        w.char_indices()
            .skip(3)
            .map(|(i, _)| &w[..i])
            .chain(std::iter::once(w))
            .any(|p| self.stems.contains(p))
    }
}

/// Is this word a cue verb? Lower-case words are looked up as they are; capitalised ones
/// (sentence starts) are lower-cased first.
fn is_cue(word: &str) -> Option<String> {
    if word.is_empty() || word.len() > 40 {
        return None;
    }
    if cue_set().contains(word) {
        return Some(word.to_owned());
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        let l = word.to_lowercase();
        if cue_set().contains(&l) {
            return Some(l);
        }
    }
    None
}

fn attribute(s: &str, lower: &str, ctx: &mut Ctx<'_>) -> Attributed {
    let same_len = lower.len() == s.len();
    let quotes = quoted_ranges(s);
    // Cue verbs outside quotations, and "according to" phrases.
    let mut cues: Vec<(usize, usize, String)> = Vec::new();
    let mut pos = 0;
    let mut prev = String::new();
    for w in s.split_inclusive(|c: char| c.is_whitespace()) {
        let start = pos;
        pos += w.len();
        // A Markdown link's text ("[сообщил](https://t.me/…)") is the word.
        let word = w.find("](").map_or(w, |i| &w[..i]);
        let bare = word.trim().trim_matches(|c: char| !c.is_alphanumeric());
        let next = s[pos..]
            .split_whitespace()
            .next()
            .map(|n| {
                n.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .unwrap_or_default();
        // "the reporting period", "a statement": after a determiner the word is a noun; "a pause
        // suggested by the U.S.": a participle qualifying a noun reports nobody's claim.
        let noun = DETERMINERS.contains(&prev.as_str()) && !w.trim_end().ends_with(',');
        let passive_modifier = next == "by" && !BE_FORMS.contains(&prev.as_str());
        if let Some(cue) = is_cue(bare)
            && !in_ranges(&quotes, start)
            && !noun
            && !passive_modifier
            && (cue != "pointed" || s[pos..].trim_start().starts_with("out"))
        {
            cues.push((start, pos, cue));
        }
        prev = bare.to_lowercase();
    }
    let mut according: Vec<(usize, &str)> = Vec::new();
    if same_len {
        static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
        let ac = AC.get_or_init(|| {
            aho_corasick::AhoCorasick::new(according_phrases())
                .unwrap_or_else(|e| unreachable!("fixed patterns build: {e}"))
        });
        for m in ac.find_iter(lower) {
            if !in_ranges(&quotes, m.start()) {
                according.push((m.start(), according_phrases()[m.pattern().as_usize()]));
            }
        }
    }
    if cues.is_empty() && according.is_empty() {
        return Attributed {
            speaker: None,
            cue: None,
            relays: Vec::new(),
            cue_pos: None,
            scan: None,
        };
    }
    let scan = Scan {
        hits: lexicon().hits_lowered(s, lower),
        names: person_names(s),
    };
    let mut found: Vec<(usize, Speaker, String)> = Vec::new();
    for (p, a) in according {
        let ws = p + a.len();
        let rest = &s[ws..];
        let end = clause_end(rest, &[',', ';', ':', '—', '(']);
        let window = &rest[..end];
        if let Some(sp) = ctx
            .speaker_in_scan(s, &scan, ws, ws + end, false)
            .or_else(|| back_reference(window).and_then(|k| ctx.resolve_back(k)))
        {
            found.push((p, sp, a.to_string()));
        }
    }
    for (start, pos, bare) in cues {
        // Speaker before the cue: back to a closing quote or the sentence start, at most 16 words.
        let before = &s[..start];
        // Back to the end of a quotation, but not past a quoted name («Рыбарь», "Two Majors").
        let qstop = quotes
            .iter()
            .copied()
            .filter(|&(a, b)| b <= start && before[a..b].split_whitespace().count() > 3)
            .map(|(_, b)| b)
            .max()
            .unwrap_or(0);
        let mut wstart = qstop;
        let n_words = before[qstop..].split_whitespace().count();
        if n_words > 16 {
            let skip = n_words - 16;
            let mut count = 0;
            for (i, c) in before[qstop..].char_indices() {
                if c.is_whitespace()
                    && i > 0
                    && !before[qstop..][..i].ends_with(char::is_whitespace)
                {
                    count += 1;
                    if count == skip {
                        wstart = qstop + i;
                        break;
                    }
                }
            }
        }
        // Cut at "that" and at clause boundaries: speakers sit next to the cue ("Ukraine is
        // ready if Russia commits; but he added ..." is his, not Russia's).
        let participle = PARTICIPLES.contains(&bare.as_str());
        let sentence_start = wstart;
        for b in [
            " that ",
            "; ",
            ", but ",
            " but ",
            ", while ",
            ", whereas ",
            ", although ",
            " and then ",
            ", and ",
        ] {
            if let Some(t) = s[wstart..start].rfind(b) {
                // ", and X said": cut; ", saying": the subject is the main clause's.
                wstart += t + b.len();
            }
        }
        let window_empty = s[wstart..start].trim().is_empty();
        // ", warning that ...": a participle after a comma speaks for the main clause's subject.
        let before_trim = s[..start].trim_end();
        let mut sp = if participle && before_trim.ends_with(',') {
            ctx.speaker_in_scan(s, &scan, sentence_start, start, false)
        } else {
            ctx.speaker_in_scan(s, &scan, wstart, start, true)
        };
        // "…, reported Ukrainian Defence Ministry adviser Serhiy Beskrestnov.": a clause, a
        // comma, then the cue and its speaker.
        // The speaker phrase after the cue runs to the end of the sentence or a comma and is
        // mostly capitalised words ("Russia, in turn, accused Ukraine of launching …" is not).
        let after_cue = &s[pos..];
        let after_end = after_cue
            .find([',', '.', ';', ':', '“', '"', '–', '—'])
            .unwrap_or(after_cue.len());
        let after_words: Vec<&str> = after_cue[..after_end].split_whitespace().collect();
        let capitalised = after_words
            .iter()
            .filter(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '“')
            })
            .count();
        let inverted = !participle
            && (before_trim.ends_with(',')
                || before_trim.ends_with(",”")
                || before_trim.ends_with(",\"")
                || before_trim.ends_with('—'))
            && s[sentence_start..start].split_whitespace().count() > 4
            && !after_words.is_empty()
            && capitalised * 2 >= after_words.len()
            && after_cue
                .trim_start()
                .starts_with(|c: char| c.is_uppercase());
        if sp.is_none() || window_empty || inverted {
            // Inverted: "…,” said Trehubov.
            let after = &s[pos..];
            let mut end = after
                .find([',', '.', ';', ':', '“', '"', '–', '—'])
                .unwrap_or(after.len());
            // "… have been reported by emergency and health officials this year in two
            // Ukrainian regions": the passive agent, to the first word that starts an
            // adverbial; its side may be named further on in the clause.
            if lower.len() == s.len()
                && let Some(agent) = lower[pos..pos + end].trim_start().strip_prefix("by ")
            {
                let a0 = pos + end - (lower[pos..pos + end].trim_start().len() - 3);
                let a_end = pos + end;
                let short_end = AGENT_STOPS
                    .iter()
                    .filter_map(|w| agent.find(w))
                    .min()
                    .map_or(a_end, |k| a0 + k);
                let found_agent =
                    ctx.speaker_in_scan(s, &scan, a0, short_end, false)
                        .or_else(|| {
                            (s[a0..a_end].split_whitespace().count() <= 14)
                                .then(|| ctx.speaker_in_scan(s, &scan, a0, a_end, false))
                                .flatten()
                                .map(|mut sp| {
                                    if sp.name == s[a0..a_end].trim() {
                                        s[a0..short_end].trim().clone_into(&mut sp.name);
                                    }
                                    sp
                                })
                        });
                if let Some(agent) = found_agent {
                    sp = Some(agent);
                    end = 0;
                }
            }
            // "Про це повідомляє РБК-Україна з посиланням на …": the speaker phrase ends where
            // the source it cites begins (that source is read by `named_relays`).
            if lower.len() == s.len() {
                let after_lower = &lower[pos..pos + end];
                if let Some(cut) = relay_phrases()
                    .iter()
                    .filter(|(citing, _)| *citing)
                    .filter_map(|(_, p)| after_lower.find(&format!(" {p} ")))
                    .min()
                {
                    end = cut;
                }
            }
            if end > 0 && after[..end].split_whitespace().count() <= 10 {
                sp = ctx.speaker_in_scan(s, &scan, pos, pos + end, false).or(sp);
            }
        }
        if let Some(sp) = sp {
            found.push((start, sp, bare));
        }
    }
    found.sort_by_key(|f| f.0);
    if found.is_empty() {
        return Attributed {
            speaker: None,
            cue: None,
            relays: Vec::new(),
            cue_pos: None,
            scan: Some(scan),
        };
    }
    // The first claimant speaks, unless it only relays: "According to X, Y reported …" or
    // "X reported that Y claimed …". Participles ("saying", "adding") elaborate, never relay.

    let mut it = found.into_iter();
    let (mut pos, mut main, mut cue) = it.next().unwrap_or_else(|| unreachable!());
    let mut relays: Vec<Speaker> = Vec::new();
    for (p2, sp2, cue2) in it {
        if PARTICIPLES.contains(&cue2.as_str()) || sp2.name == main.name {
            continue;
        }
        let between = &lower[pos.min(lower.len())..p2.min(lower.len())];
        let initial_according =
            according_phrases().contains(&cue.as_str()) && s[..pos].trim().is_empty();
        // "X claimed that …, but Y has not confirmed it": Y answers X, it does not relay X.
        let coordinated = [
            ", but ",
            ", however",
            ", while ",
            ", although ",
            "; ",
            " – ",
            " — ",
        ]
        .iter()
        .any(|c| between.contains(c));
        let that = [" that ", " что ", " що ", ", что", ", що"]
            .iter()
            .any(|t| between.contains(t));
        if initial_according || (that && !coordinated && p2 - pos < 160) {
            relays.push(main);
            pos = p2;
            main = sp2;
            cue = cue2;
        }
    }
    named_relays(s, lower, &scan, ctx, pos, &mut main, &mut relays);
    // Vague sourcing ("reports indicate", "sources say") is the outlet's own voice.
    if matches!(
        main.name.to_lowercase().as_str(),
        "reports" | "sources" | "it" | "media reports"
    ) {
        return Attributed {
            speaker: None,
            cue: Some(cue),
            relays,
            cue_pos: Some(pos),
            scan: Some(scan),
        };
    }
    ctx.remember(&main);
    Attributed {
        speaker: Some(main),
        cue: Some(cue),
        relays,
        cue_pos: Some(pos),
        scan: Some(scan),
    }
}

/// Where a clause ends in `rest`: at one of `stops`, or at a full stop that ends a sentence
/// (not the dots of "D.C.-based" or "U.S.").
fn clause_end(rest: &str, stops: &[char]) -> usize {
    let stop = rest.find(stops).unwrap_or(rest.len());
    let mut from = 0;
    while let Some(i) = rest[from..stop].find('.') {
        let at = from + i;
        let next = rest[at + 1..].chars().next();
        let prev_single = rest[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count()
            == 1;
        if next.is_none_or(char::is_whitespace) && !prev_single {
            return at;
        }
        from = at + 1;
    }
    stop
}

/// Relay phrases of `assets/lexicon/relay-phrases.txt`: (is "citing", phrase).
fn relay_phrases() -> &'static [(bool, &'static str)] {
    static P: std::sync::OnceLock<Vec<(bool, &'static str)>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        include_str!("../../assets/lexicon/relay-phrases.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, p)| (k == "citing", p.trim()))
            .collect()
    })
}

/// The outlet or body a claim reached the page through, where the sentence names it: "X
/// reported, citing Y" (Y speaks, X relays), "Y told Axios", "в интервью Reuters" (the outlet
/// relays).
fn named_relays(
    s: &str,
    lower: &str,
    scan: &Scan,
    ctx: &Ctx<'_>,
    cue_pos: usize,
    main: &mut Speaker,
    relays: &mut Vec<Speaker>,
) {
    if lower.len() != s.len() {
        return;
    }
    for &(citing, phrase) in relay_phrases() {
        let mut from = 0;
        while let Some(i) = lower[from..].find(phrase) {
            let at = from + i;
            from = at + phrase.len();
            let word_start = at == 0 || !lower[..at].ends_with(|c: char| c.is_alphanumeric());
            let word_end = !lower[from..].starts_with(|c: char| c.is_alphanumeric());
            if !word_start || !word_end || at + 1 < cue_pos {
                continue;
            }
            if !citing {
                // "Zelensky told Axios news service that …": an outlet right after "told"
                // relays; a person told is an audience, not a relay.
                let rest = &s[from..];
                let skip = rest.len() - rest.trim_start().len();
                let skip =
                    skip + usize::from(rest.trim_start().to_lowercase().starts_with("the ")) * 4;
                if let Some(h) = scan.hits.iter().find(|h| {
                    h.camp == Camp::Media && h.start >= from && h.start <= from + skip + 1
                }) && h.name != main.name
                    && !relays.iter().any(|r| r.name == h.name)
                {
                    relays.push(Speaker {
                        name: h.name.clone(),
                        camp: Some(Camp::Media),
                        person: false,
                        plural: false,
                    });
                    return;
                }
                continue;
            }
            // The name right after the phrase (a few words, to a comma or full stop).
            let rest = &s[from..];
            let end = rest
                .find([',', '.', ';', ':', '(', '“', '"', '«'])
                .unwrap_or(rest.len());
            let words = rest[..end].split_whitespace().count();
            if words == 0 || words > 10 {
                continue;
            }
            let Some(sp) = ctx.speaker_in_scan(s, scan, from, from + end, false) else {
                continue;
            };
            if sp.name == main.name {
                continue;
            }
            // "RBC-Ukraine reports, citing the General Staff": the General Staff speaks.
            let relay = std::mem::replace(main, sp);
            if !relays.iter().any(|r| r.name == relay.name) {
                relays.push(relay);
            }
            return;
        }
    }
}

/// Place names in a sentence, minus names that are part of a claimant ("Kyiv Independent",
/// "Khortytsia group"), of a person's name ("Volodymyr Zelensky") or stand for a side ("Kyiv's
/// forces", "Kyiv sources").
fn place_mentions(text: &str, lower: &str, scan: Option<&Scan>) -> Vec<places::Mention> {
    let found = places::find(text);
    if found.is_empty() {
        return found;
    }
    let own;
    let scan = match scan {
        Some(s) => s,
        None => {
            own = Scan {
                hits: lexicon().hits_lowered(text, lower),
                names: person_names(text),
            };
            &own
        }
    };
    let (hits, names) = (&scan.hits, &scan.names);
    // "Загрызово Харьковской области" is a place and its oblast, not a person's name.
    let found_spans: Vec<(usize, usize)> = found.iter().map(|m| (m.start, m.end)).collect();
    found
        .into_iter()
        .filter(|m| {
            let in_hit = hits
                .iter()
                .any(|h| h.start <= m.start && h.end >= m.end && h.end - h.start > m.end - m.start);
            // A first name that is also a town ("Volodymyr Zelensky"); not "Seizing Bakhmut".
            let in_name = names.iter().any(|&(a, b)| {
                a == m.start && b > m.end && !found_spans.iter().any(|&(o, _)| o > m.start && o < b)
            });
            // The dateline ("KYIV, March 3 (Reuters) -") says where the report was filed.
            let dateline = m.start == 0
                && text[m.start..m.end]
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                && text[m.end..].starts_with(',');
            let after = lower.get(m.end..).unwrap_or("");
            let stands_for_side = [
                "'s forces",
                "’s forces",
                "'s troops",
                "’s troops",
                "'s military",
                "’s military",
                "'s army",
                "’s army",
                " sources",
                " authorities",
                "'s government",
                "’s government",
                " government",
                " regime",
                "-controlled",
                "-backed",
            ]
            .iter()
            .any(|x| after.starts_with(x));
            !in_hit && !in_name && !stands_for_side && !dateline
        })
        .collect()
}

/// One sentence of the body with its attribution, before it becomes a claim.
struct Raw {
    line: u32,
    span: (usize, usize),
    text: String,
    lower: String,
    para: usize,
    attr: Attributed,
    quote: bool,
    pure_quote: bool,
    ends_open_quote: bool,
    heading: bool,
    bullet: bool,
    /// Not a claim of its own ("Про це повідомляє Генштаб.": the attribution of what
    /// came before).
    skip: bool,
    /// The speaker comes from the document's voice, not from the sentence itself.
    voiced: bool,
}

/// A list item: "* ", "- ", "• ", an emoji bullet, "1. ".
fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    let first = t.chars().next();
    t.starts_with("* ")
        || t.starts_with("- ")
        || t.starts_with("• ")
        || t.starts_with("– ")
        || first.is_some_and(|c| {
            !c.is_alphanumeric()
                && !c.is_whitespace()
                && !c.is_ascii_punctuation()
                && (c as u32) > 0x2000
                && !matches!(c, '«' | '“' | '„' | '—')
        })
        || t.split_once(". ")
            .or_else(|| t.split_once(") "))
            .is_some_and(|(n, _)| {
                !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
            })
}

/// The claimant a heading names: "Генштаб ВСУ: атаки на Купянск отбиты" (before a colon),
/// "За добу 161 бій, - Генштаб" / "... — Putin" (after a final dash), or a cue inside it
/// ("DeepState рассказал, что ..."). None when the heading names nobody.
fn heading_attribution(
    sent: &str,
    lower: &str,
    attr: Attributed,
    ctx: &mut Ctx<'_>,
) -> Option<Attributed> {
    if attr.speaker.is_some() {
        return Some(attr);
    }
    let sp = headline_speaker(sent, lower, ctx)?;
    ctx.remember(&sp);
    Some(Attributed {
        speaker: Some(sp),
        cue: Some(":".to_owned()),
        relays: Vec::new(),
        cue_pos: Some(0),
        scan: None,
    })
}

/// The claimant named by a headline's form alone: the few words before a colon, or after a
/// final dash.
fn headline_speaker(sent: &str, lower: &str, ctx: &Ctx<'_>) -> Option<Speaker> {
    let t = sent.trim().trim_matches(['*', '_', '#', ' ']);
    let tl = lower.trim().trim_matches(['*', '_', '#', ' ']);
    let candidates = [
        t.find(": ").map(|i| &t[..i]),
        [" - ", " — ", " – ", ", -", ",-", ", —"]
            .iter()
            .filter_map(|d| t.rfind(d).map(|i| t[i + d.len()..].trim()))
            .next(),
        // "…: карти ISW", "…: ISW" — a source named after the last colon.
        t.rfind(": ")
            .map(|i| &t[i + 2..])
            .filter(|c| c.split_whitespace().count() <= 3),
    ];
    let _ = tl;
    for c in candidates.into_iter().flatten() {
        let c = c
            .trim()
            .trim_matches(['*', '_', '.', ' ', '"', '«', '»', '“', '”']);
        if c.is_empty() || c.split_whitespace().count() > 5 {
            continue;
        }
        let hits = lexicon().hits(c);
        // The claimant must be (nearly) all of it: "Генштаб ВСУ", not "Russia-Ukraine talks".
        let covered: usize = hits.iter().map(|h| h.end - h.start).sum();
        let letters = c.len();
        let short = c.split_whitespace().count() <= 2;
        if (covered * 10 >= letters * 6 || short && covered * 10 >= letters * 3)
            && let Some(h) = hits
                .iter()
                .find(|h| !matches!(h.camp, Camp::Media))
                .or(hits.first())
        {
            let camp = ctx.camp_for(&h.name, Some(h.camp));
            return Some(Speaker {
                name: h.name.clone(),
                camp: Some(camp),
                person: hit_is_person(h),
                plural: false,
            });
        }
        // A person's name alone, before a colon or after the dash, with a camp known for it.
        let names = person_names(c);
        if let Some(&(a, b)) = names.first()
            && b - a + 2 >= c.len()
            && ctx.names.contains_key(&c[a..b].to_lowercase())
            && !is_not_speaker(&c[a..b])
            && places::find(&c[a..b]).is_empty()
        {
            let name = c[a..b].to_owned();
            let role = roles::read(c).camp();
            let camp = ctx.camp_for_person(&name, role, None);
            return Some(Speaker {
                name,
                camp: Some(camp),
                person: true,
                plural: false,
            });
        }
    }
    None
}

/// Phrases that attribute what came before: "Про це повідомляє Генштаб.", "This was reported
/// by the General Staff.".
const BACK_ATTRIBUTION: &[&str] = &[
    "про це ",
    "об этом ",
    "this was reported",
    "this was announced",
    "that is according to",
    "this is according to",
    "це повідомив",
    "это сообщил",
];

/// The document's voices, across sentences: a headline naming its source ("…, - Генштаб")
/// speaks for the unattributed sentences of the article; "Про це повідомляє X" attributes
/// what came before it and what follows; a lead-in ending in a colon ("В Минобороны
/// рассказали:", "As reported by the General Staff:") speaks for the list or paragraphs after
/// it, until a heading, a sentence with its own speaker or the end of the list.
fn assign_voices(raws: &mut [Raw], title: Option<&str>, ctx: &mut Ctx<'_>) {
    let voice_of = |r: &Raw| {
        (
            r.attr.speaker.clone(),
            r.attr.cue.clone(),
            r.attr.relays.clone(),
        )
    };
    type Voice = (Option<Speaker>, Option<String>, Vec<Speaker>);
    let mut doc: Option<Voice> = title.and_then(|t| {
        let lower = t.to_lowercase();
        // A body named by the headline ("…, - Генштаб") speaks for the whole report; a person
        // in the headline ("Witkoff: …") for the headline's claim only; the publisher's name
        // after a dash ("… - Atlantic Council") for nothing.
        headline_speaker(t, &lower, ctx)
            .filter(|sp| !sp.person && !matches!(sp.camp, Some(Camp::Media | Camp::Other) | None))
            .map(|sp| (Some(sp), Some(":".to_owned()), Vec::new()))
    });
    let mut list: Option<Voice> = None;
    // "**The General Staff** reported that …": a digest's section, led by its source in bold,
    // speaks for the paragraphs after it until the next such lead or a heading.
    let mut section: Option<Voice> = None;
    let mut list_seen_bullet = false;
    let mut last_attributed: Option<usize> = None;
    for i in 0..raws.len() {
        let r = &raws[i];
        let back = BACK_ATTRIBUTION.iter().any(|p| r.lower.starts_with(p))
            && r.text.split_whitespace().count() <= 20;
        if back && r.attr.speaker.is_some() {
            let v = voice_of(r);
            let from = last_attributed.map_or(0, |k| k + 1);
            for prev in &mut raws[from..i] {
                if prev.attr.speaker.is_none() && !prev.heading {
                    prev.voiced = true;
                    prev.attr.speaker.clone_from(&v.0);
                    prev.attr.cue.clone_from(&v.1);
                    prev.attr.relays.clone_from(&v.2);
                }
            }
            raws[i].skip = true;
            last_attributed = Some(i);
            doc = Some(v);
            continue;
        }
        if r.heading {
            list = None;
            section = None;
        }
        if list.is_some() && !r.bullet && list_seen_bullet && !r.heading {
            // The list ended.
            list = None;
        }
        if r.attr.speaker.is_some() {
            last_attributed = Some(i);
            let t = r.text.trim_start();
            if let Some(rest) = t.strip_prefix("**")
                && let Some(close) = rest.find("**")
                && r.attr.cue_pos.is_some_and(|p| p + 4 >= close)
                && rest[..close].split_whitespace().count() <= 10
                && !r.voiced
            {
                section = Some(voice_of(r));
            }
            if r.text
                .trim_end()
                .trim_end_matches(['*', '_'])
                .ends_with(':')
            {
                list = Some(voice_of(r));
                list_seen_bullet = false;
            } else if !r.pure_quote && !r.bullet {
                list = None;
            }
            continue;
        }
        if r.bullet {
            list_seen_bullet = true;
        }
        if let Some(v) = list.as_ref().or(section.as_ref()).or(doc.as_ref()) {
            let r = &mut raws[i];
            r.voiced = true;
            r.attr.speaker.clone_from(&v.0);
            r.attr.cue.clone_from(&v.1);
            r.attr.relays.clone_from(&v.2);
        }
    }
}

/// The state of an unqualified official role, from the language of the article's body:
/// Ukrainian text (і, ї, є, ґ) reports Ukrainian officials without saying "Ukrainian".
fn language_side(an: &ArticleAnalysis) -> Option<Camp> {
    let (mut uk, mut cyr) = (0usize, 0usize);
    for (_, line) in an.cleaned_lines().take(200) {
        for c in line.chars() {
            if ('\u{400}'..='\u{4ff}').contains(&c) {
                cyr += 1;
                uk += usize::from(matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ'));
            }
        }
    }
    (cyr > 200 && uk * 40 > cyr).then_some(Camp::UkrainianOfficial)
}

/// Whether the page's outlet is the relay of the claims it attributes to others, and its
/// name. An ISW assessment relays every source it cites. Ukrainian- and Russian-language
/// reporting passes on official reports, channels and monitors as the outlet's relay ("Про це
/// повідомляє РБК-Україна з посиланням на Генштаб", "передает РИА Новости"), and is recorded
/// so; English-language news quoting a speaker records only the intermediaries it names
/// ("told Axios").
fn outlet_relays(outlet: Option<&str>, outlet_camp: Camp, raws: &[Raw]) -> Option<String> {
    let outlet = outlet?;
    if outlet_camp == Camp::Isw {
        return Some(outlet.to_owned());
    }
    let (mut cyr, mut letters) = (0usize, 0usize);
    for r in raws.iter().take(200) {
        for c in r.text.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            cyr += usize::from(('\u{400}'..='\u{4ff}').contains(&c));
        }
    }
    (letters > 0 && cyr * 2 > letters).then(|| outlet.to_owned())
}

/// Two names of one claimant ("RIA Novosti" and "РИА Новости" via the lexicon, or the same
/// words).
fn same_claimant(a: &str, b: &str) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if la == lb || la.contains(&lb) || lb.contains(&la) {
        return true;
    }
    let canon = |x: &str| {
        lexicon()
            .hits(x)
            .into_iter()
            .find(|h| h.end - h.start + 3 >= x.len())
            .map(|h| h.name.to_lowercase())
    };
    matches!((canon(a), canon(b)), (Some(x), Some(y)) if x == y)
}

/// The report's own doubt about the claim before it ("ISW has not observed confirmation of
/// these claims"): a claim of the report's camp about the same places and day, unconfirmed.
/// Clauses that bring in one member's claim ("…, with one saying that …").
const SUB_CLAIMS: &[&str] = &[
    ", with one saying",
    ", with one claiming",
    ", with one reporting",
    ", with some saying",
    ", with some claiming",
    ", with others saying",
    ", with another saying",
    ", with one milblogger",
    ", with one blogger",
];

/// Words that end a passive agent ("reported by officials | this year in …").
const AGENT_STOPS: &[&str] = &[
    " this ",
    " last ",
    " in ",
    " on ",
    " at ",
    " over ",
    " during ",
    " since ",
    " after ",
    " before ",
    " earlier",
    " overnight",
    " yesterday",
    " today",
    " from ",
    " to ",
];

/// Words that turn a sentence against its first clause ("X claimed …, but ISW has not
/// observed …").
const CONTRAST: &[&str] = &[
    " but ",
    "; ",
    ", although ",
    ", however",
    " though ",
    ", але ",
    ", однак",
    ", проте ",
    ", хоча ",
    ", втім",
    ", но ",
    ", однако",
    ", хотя ",
    ", впрочем",
];

fn doubt_claim(
    prev: &Claim,
    r: &Raw,
    outlet: Option<String>,
    outlet_camp: Camp,
    article: &crate::model::ArticleId,
) -> Claim {
    Claim {
        id: ClaimId::derive(article, r.text.trim(), 0),
        line: r.line,
        span: r.span,
        text: r.text.clone(),
        speaker: outlet,
        camp: outlet_camp,
        cue: None,
        quote: false,
        relayed_by: Vec::new(),
        places: prev.places.clone(),
        axis: prev.axis.clone(),
        date: prev.date,
        date_text: None,
        topic: prev.topic,
        stance: crate::model::Stance::Neutral,
        position: Position::Unconfirmed,
        hedged: false,
        verification: Verification::Assessed,
    }
}

/// The camp of an article's own voice: an ISW report speaks as ISW, a Rybar post as a military
/// blogger; news outlets as media. The user's camp override for the outlet wins.
pub fn outlet_camp(outlet: Option<&str>, p: &Project) -> Camp {
    let outlet_override = outlet.and_then(|o| p.camp_overrides.get(&o.to_lowercase()).copied());
    outlet_override
        .or_else(|| {
            outlet
                .and_then(|o| {
                    lexicon()
                        .hits(o)
                        .into_iter()
                        .find(|h| h.end - h.start + 4 >= o.len())
                })
                .map(|h| h.camp)
                .filter(|c| *c != Camp::Other)
        })
        .unwrap_or(Camp::Media)
}

/// Extract the claims of one article from its kept body lines.
pub fn extract(a: &Article, an: &ArticleAnalysis, p: &Project) -> Vec<Claim> {
    let article_day = an.meta.published.and_then(PartialDate::day);
    let outlet = an.meta.outlet.clone();
    let outlet_camp = outlet_camp(outlet.as_deref(), p);
    let mut ctx = Ctx {
        default_side: language_side(an),
        memory: Vec::new(),
        names: HashMap::default(),
        overrides: &p.camp_overrides,
    };
    let mut raws: Vec<Raw> = Vec::new();
    for (li, l) in an.doc.lines.iter().enumerate() {
        let heading = matches!(an.classes[li].kind, LineKind::Title | LineKind::Subhead)
            && !a.line_decisions.contains_key(&(li as u32 + 1));
        if !an.kept[li] && !heading {
            continue;
        }
        let text = an.doc.line_text(l);
        let bullet = is_bullet(text);
        // A "paragraph" of more than 100 kB is not prose (a data dump, a minified page).
        if text.len() > 100_000 {
            continue;
        }
        let mut open_quote = false;
        for (s, e) in sentence_spans(text) {
            let sent = &text[s..e];
            let qs = quoted_ranges(sent);
            let quoted_len: usize = qs.iter().map(|(a, b)| b - a).sum();
            let pure_quote = quoted_len * 10 >= sent.len() * 8
                || (open_quote && !sent.contains(['“', '"', '”']));
            let quote_count = sent.matches(['"', '“', '”', '«', '»']).count();
            let ends_open = if sent.contains(['“', '«']) {
                sent.matches(['“', '«']).count() > sent.matches(['”', '»']).count()
            } else {
                quote_count % 2 == 1
            };
            // Byte positions in `lower` are those of `sent` (spans, cues and names are found
            // in one and cut from the other).
            let lower = lexicon::lower_in_place(sent);
            let attr = attribute(sent, &lower, &mut ctx);
            // A heading is a claim only when it says who claims it ("Генштаб ВСУ: атаки
            // отбиты", "DeepState: russians entered Kupiansk", "... — Putin").
            let attr = if heading {
                let Some(attr) = heading_attribution(sent, &lower, attr, &mut ctx) else {
                    continue;
                };
                attr
            } else {
                attr
            };
            raws.push(Raw {
                heading,
                bullet,
                skip: false,
                voiced: false,
                line: l.src_line,
                span: (l.start + s, l.start + e),
                text: sent.to_owned(),
                lower,
                para: li,
                quote: quoted_len > 12,
                pure_quote,
                ends_open_quote: ends_open,
                attr,
            });
            open_quote = if ends_open { !open_quote } else { open_quote };
        }
    }
    // Unattributed quotations take the speaker of the quotation next to them in the paragraph:
    // the next sentence ("…,” the military wrote) or the previous one.
    for i in 0..raws.len() {
        if raws[i].attr.speaker.is_some() || !(raws[i].pure_quote || raws[i].ends_open_quote) {
            continue;
        }
        let para = raws[i].para;
        let speaker_of = |r: &Raw| (r.attr.speaker.clone(), r.attr.cue.clone());
        let next = raws
            .get(i + 1)
            .filter(|r| r.para == para && r.attr.speaker.is_some())
            .map(speaker_of);
        let prev = (i > 0)
            .then(|| &raws[i - 1])
            .filter(|r| {
                (r.para == para || raws[i].pure_quote)
                    && r.attr.speaker.is_some()
                    && (r.quote || r.pure_quote)
            })
            .map(speaker_of);
        let from = if raws[i].ends_open_quote {
            next.or(prev)
        } else {
            prev.or(next)
        };
        if let Some((sp, cue)) = from {
            raws[i].attr.speaker = sp;
            raws[i].attr.cue = cue;
        }
    }
    assign_voices(&mut raws, an.meta.title.as_deref(), &mut ctx);
    let outlet_relays = outlet_relays(outlet.as_deref(), outlet_camp, &raws);
    let mut out: Vec<Claim> = Vec::new();
    let mut occurrences: HashMap<u64, usize> = HashMap::new();
    let mut since_marker = 0usize;
    let mut current_axis: Option<(String, Option<&'static str>)> = None;
    let mut carry: Option<(usize, Option<String>, Position)> = None;
    // The people and places of the whole document, for telling a surname from a village and
    // for "in the area" (the last place named).
    let mut doc_names = {
        let body: String = raws
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        places::DocNames::new(&body)
    };
    for r in raws {
        let lower = r.lower.as_str();
        if r.skip {
            continue;
        }
        // The speaker's side; a sentence in the article's own voice speaks for the outlet's camp
        // (a ministry's channel, a milblogger's post).
        let they_side = match r
            .attr
            .speaker
            .as_ref()
            .map_or(Some(outlet_camp), |sp| sp.camp)
            .and_then(Camp::side)
        {
            Some(true) => Some(-1.0),
            Some(false) => Some(1.0),
            None => None,
        };
        let mut content = content::read(lower, they_side);
        // "Bloggers reported that X, with one saying that Y": Y is one member's claim; the
        // group's position is that of its main clause.
        if let Some(cut) = SUB_CLAIMS.iter().filter_map(|m| lower.find(m)).min() {
            let main = content::read(&lower[..cut], they_side);
            if main.position.is_position() {
                content.position = main.position;
                content.asserted = main.asserted;
                content.doubt_at = main.doubt_at;
            }
        }
        let mut unverified_here = false;
        if content.unverified_marker {
            let marked_from = since_marker;
            // "Bloggers claimed X, but ISW has not observed confirmation": a claim, unverified.
            let own_claim =
                r.attr.speaker.is_some() && r.attr.cue_pos.is_some_and(|p| p < r.text.len() / 2);
            // A doubt in a report's own voice ("ISW has not observed confirmation") is about
            // the others' claims before it, never the report's own assessments.
            let doubting_voice = (!own_claim).then(|| {
                r.attr
                    .speaker
                    .as_ref()
                    .and_then(|sp| sp.camp)
                    .unwrap_or(outlet_camp)
            });
            for c in &mut out[since_marker..] {
                if c.camp != Camp::Media
                    && Some(c.camp) != doubting_voice
                    && c.verification == Verification::Unknown
                {
                    c.verification = Verification::Unverified;
                }
            }
            since_marker = out.len();
            if !own_claim {
                // "ISW has not observed confirmation of these claims": the report's own doubt
                // about the claims before it, a position of its own when the report is an
                // assessment (ISW, a monitor), not a newsroom's routine disclaimer.
                // The doubter is the report's own voice, or an assessing body the sentence
                // names or the digest speaks for ("Однак в ISW не знайшли підтвердження" in an
                // outlet's digest of an ISW report).
                let assessing = |c: Camp| matches!(c, Camp::Isw | Camp::IndependentMonitor);
                let doubter: Option<(Option<String>, Camp, Vec<String>)> =
                    match r.attr.speaker.as_ref() {
                        Some(sp) if sp.camp.is_some_and(assessing) => Some((
                            Some(sp.name.clone()),
                            sp.camp.unwrap_or(Camp::Isw),
                            r.attr
                                .relays
                                .iter()
                                .map(|x| x.name.clone())
                                .chain(outlet.clone().filter(|o| !same_claimant(o, &sp.name)))
                                .collect(),
                        )),
                        Some(_) => None,
                        None if assessing(outlet_camp) => {
                            Some((outlet.clone(), outlet_camp, Vec::new()))
                        }
                        None => lexicon()
                            .hits_lowered(&r.text, lower)
                            .into_iter()
                            .find(|h| assessing(h.camp))
                            .map(|h| (Some(h.name), h.camp, outlet.clone().into_iter().collect())),
                    };
                if let Some((who, doubt_camp, relays)) = doubter
                    && let Some(prev) = out[marked_from..]
                        .iter()
                        .rev()
                        .find(|c| c.camp != doubt_camp && !c.places.is_empty())
                {
                    let mut doubt = doubt_claim(prev, &r, who, doubt_camp, &a.id);
                    for x in relays {
                        if !doubt.relayed_by.iter().any(|y| same_claimant(y, &x)) {
                            doubt.relayed_by.push(x);
                        }
                    }
                    // "ISW has no confirmation that Russian forces operate in Rivnopil": the
                    // places the doubt names; else those of the claims it answers.
                    let mentions = places::in_context(
                        &r.text,
                        place_mentions(&r.text, lower, r.attr.scan.as_ref()),
                        &doc_names,
                    );
                    let ids = vec![0usize; mentions.len()];
                    let named: Vec<crate::model::PlaceRef> =
                        places::resolve_in(&mentions, &ids, &doc_names.seen)
                            .into_iter()
                            .map(|i| places::index().places[i as usize].to_ref())
                            .collect();
                    if named.is_empty() {
                        // The claims it answers: those right before it, back to the doubter's
                        // own last statement.
                        let answered: Vec<&Claim> = out[marked_from..]
                            .iter()
                            .rev()
                            .take_while(|c| c.camp != doubt_camp)
                            .collect();
                        for c in answered.into_iter().rev() {
                            for pl in &c.places {
                                if !doubt.places.iter().any(|x| x.id == pl.id) {
                                    doubt.places.push(pl.clone());
                                }
                            }
                        }
                    } else {
                        doubt.places = named;
                    }
                    let occ = occurrences
                        .entry(xxhash_rust::xxh3::xxh3_64(doubt.text.trim().as_bytes()))
                        .or_default();
                    let doubt = Claim {
                        id: ClaimId::derive(&a.id, doubt.text.trim(), *occ),
                        ..doubt
                    };
                    *occ += 1;
                    out.push(doubt);
                    since_marker = out.len();
                }
                continue;
            }
            unverified_here = true;
        }
        // "The Kremlin declined to comment": about the reporting, not the war.
        if content.no_comment {
            continue;
        }
        let mentions = places::in_context(
            &r.text,
            place_mentions(&r.text, lower, r.attr.scan.as_ref()),
            &doc_names,
        );
        let sentence_ids = vec![0usize; mentions.len()];
        let mut chosen = places::resolve_in(&mentions, &sentence_ids, &doc_names.seen);
        // "in the area": the last settlement named ("Bakhmut in Donetsk Oblast" → Bakhmut).
        if chosen.is_empty()
            && places::refers_back(lower)
            && let Some(&last) = doc_names
                .seen
                .iter()
                .rev()
                .find(|&&i| {
                    matches!(
                        places::index().places[i as usize].kind,
                        places::Kind::Settlement(_)
                    )
                })
                .or(doc_names.seen.last())
        {
            chosen.push(last);
        } else {
            doc_names.seen.extend(chosen.iter().copied());
        }
        // "the Pokrovsk axis", "на Покровському напрямку": the sector this and the following
        // sentences are about.
        for (m, &idx) in mentions.iter().zip(&chosen) {
            let after = lower.get(m.end..).unwrap_or("").trim_start();
            let after = after.strip_prefix("-").unwrap_or(after).trim_start();
            // A list ("the Lyman, Siversk and Pokrovsk axes") names several: none of them.
            if AXIS_WORDS.iter().any(|w| after.starts_with(w)) && !after.starts_with("axes") {
                let p = &places::index().places[idx as usize];
                current_axis = Some((format!("{} axis", p.name), p.district));
            }
        }
        let mut place_refs = Vec::new();
        for idx in chosen {
            let pr = places::index().places[idx as usize].to_ref();
            if !place_refs
                .iter()
                .any(|x: &crate::model::PlaceRef| x.id == pr.id)
            {
                place_refs.push(pr);
            }
        }
        // The axis applies to places in its district (the hub's raion).
        let axis = current_axis
            .as_ref()
            .filter(|(_, d)| d.is_some() && place_refs.iter().any(|p| p.district.as_deref() == *d))
            .map(|(a, _)| a.clone());
        let not_a_claim = r.text.split_whitespace().count() < 6
            || r.text.trim_end().ends_with('?')
            || (!content.war && place_refs.is_empty());
        if r.voiced && not_a_claim {
            continue;
        }
        let (speaker, camp, cue) = match &r.attr.speaker {
            Some(sp) => (
                Some(sp.name.clone()),
                sp.camp.unwrap_or(Camp::Other),
                r.attr.cue.clone(),
            ),
            None => {
                if not_a_claim {
                    continue;
                }
                (outlet.clone(), outlet_camp, None)
            }
        };
        let found = find_dates(&r.text, article_day);
        // When the claim was made: a date next to the cue ("said on Jan. 24", "On Monday, X
        // said"); else a day the sentence is about; else the article's date.
        let is_day = |d: &&DateFound| {
            d.date
                .is_none_or(|x| !matches!(x, PartialDate::Month { .. }))
        };
        let date_pick = r
            .attr
            .cue_pos
            .and_then(|cp| found.iter().find(|d| d.start >= cp && d.start <= cp + 40))
            .or_else(|| {
                found
                    .iter()
                    .find(|d| r.attr.cue_pos.is_some_and(|cp| d.start < cp) && is_day(d))
            })
            .or_else(|| found.iter().find(is_day));
        let (date, date_text) = match date_pick {
            Some(d) => (d.date, Some(d.text.clone())),
            None => (
                an.meta
                    .published
                    .and_then(|d| d.day())
                    .map(PartialDate::Day),
                None,
            ),
        };
        let hedged = content.hedged;
        // The doubt in "Unconfirmed claims: bloggers claimed X" or "Bloggers claimed X, but ISW
        // has not observed confirmation" is the report's, not the speaker's: the speaker's
        // position is what the claim asserts, and the claim is unverified. A doubt the speaker
        // voices ("the General Staff said the claims are not confirmed") stays the speaker's.
        let report_doubt = content.position == Position::Unconfirmed
            && camp != outlet_camp
            && r.attr.speaker.is_some()
            && match (content.doubt_at, r.attr.cue_pos) {
                (Some(d), Some(cp)) if d < cp => true,
                (Some(d), Some(cp)) => CONTRAST
                    .iter()
                    .any(|m| lower.get(cp..d).is_some_and(|between| between.contains(m))),
                _ => unverified_here,
            };
        let position = if report_doubt {
            unverified_here = true;
            content.asserted
        } else {
            content.position
        };
        // "The Zapad group improved the tactical situation. Troops inflicted damage near X, Y":
        // a position said without a place carries to the places the same speaker lists next in
        // the paragraph, when they take none of their own.
        let position = match &carry {
            Some((para, sp, pos))
                if position == Position::Mention
                    && !place_refs.is_empty()
                    && *para == r.para
                    && *sp == speaker =>
            {
                *pos
            }
            _ => position,
        };
        if place_refs.is_empty() && position.is_position() {
            carry = Some((r.para, speaker.clone(), position));
        } else if !place_refs.is_empty() || r.para != carry.as_ref().map_or(r.para, |c| c.0) {
            carry = None;
        }
        let mut verification = if content.corroborated {
            Verification::Corroborated
        } else if unverified_here {
            Verification::Unverified
        } else {
            Verification::Unknown
        };
        if camp == Camp::Isw
            && cue.as_deref().is_some_and(|c| c.starts_with("assess"))
            && verification == Verification::Unknown
        {
            verification = Verification::Assessed;
        }
        let mut relayed_by: Vec<String> = r.attr.relays.iter().map(|x| x.name.clone()).collect();
        if let (Some(o), Some(sp)) = (outlet_relays.as_deref(), speaker.as_deref())
            && !same_claimant(sp, o)
            && !relayed_by.iter().any(|x| same_claimant(x, o))
        {
            relayed_by.push(o.to_owned());
        }
        let key = r.text.trim();
        let occ = occurrences
            .entry(xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
            .or_default();
        let id = ClaimId::derive(&a.id, key, *occ);
        *occ += 1;
        // "Bloggers claimed X, but ISW found no confirmation": the assessing body the doubt
        // names takes its own position on the same places.
        let doubter = report_doubt
            .then(|| {
                let cp = r.attr.cue_pos?;
                r.attr.scan.as_ref()?.hits.iter().find(|h| {
                    h.start > cp
                        && matches!(h.camp, Camp::Isw | Camp::IndependentMonitor)
                        && h.camp != camp
                })
            })
            .flatten()
            .map(|h| (h.name.clone(), h.camp));
        let doubt = doubter
            .filter(|_| !place_refs.is_empty())
            .map(|(name, dcamp)| {
                let occ = occurrences
                    .entry(xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
                    .or_default();
                let id = ClaimId::derive(&a.id, key, *occ);
                *occ += 1;
                Claim {
                    id,
                    line: r.line,
                    span: r.span,
                    text: r.text.clone(),
                    relayed_by: outlet
                        .iter()
                        .filter(|o| !same_claimant(o, &name))
                        .cloned()
                        .collect(),
                    speaker: Some(name),
                    camp: dcamp,
                    cue: None,
                    quote: false,
                    places: place_refs.clone(),
                    axis: axis.clone(),
                    date,
                    date_text: date_text.clone(),
                    topic: content.topic,
                    stance: crate::model::Stance::Neutral,
                    position: Position::Unconfirmed,
                    hedged: false,
                    verification: Verification::Assessed,
                }
            });
        out.push(Claim {
            id,
            line: r.line,
            span: r.span,
            text: r.text,
            speaker,
            camp,
            cue,
            quote: r.quote,
            relayed_by,
            places: place_refs,
            axis,
            date,
            date_text,
            topic: content.topic,
            stance: content.stance,
            position,
            hedged,
            verification,
        });
        out.extend(doubt);
    }
    repelled_back(&mut out);
    out
}

/// "Russian forces attacked near X, Y and Z. Ukrainian defenders stopped 40 assaults.": a
/// bulletin's repelled attacks, said without places, are the attacks its speaker just listed
/// in the same paragraph.
fn repelled_back(out: &mut [Claim]) {
    for i in 1..out.len() {
        if out[i].position != Position::Repelled {
            continue;
        }
        let (before, rest) = out.split_at_mut(i);
        let this = &rest[0];
        if let Some(prev) = before.last_mut()
            && prev.line == this.line
            && prev.speaker == this.speaker
            && prev.position == Position::RussiaAttacks
            && !prev.places.is_empty()
            // It names no place of its own (the sector it may carry is the list's).
            && this
                .places
                .iter()
                .all(|p| prev.places.iter().any(|q| q.id == p.id))
        {
            prev.position = Position::Repelled;
        }
    }
}

/// The claims of an article as the user sees them: extracted claims with the user's edits
/// applied and deletions removed, then the claims the user added by hand.
pub fn claims_for(a: &Article, an: &ArticleAnalysis, p: &Project) -> Vec<Claim> {
    let mut out = extract(a, an, p);
    out.retain(|c| !a.deleted_claims.contains(&c.id));
    for c in &mut out {
        if let Some(e) = a.claim_edits.get(&c.id) {
            e.apply(c);
        }
    }
    out.extend(a.user_claims.iter().cloned());
    out
}
