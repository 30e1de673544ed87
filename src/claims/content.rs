//! What a claim says: topic, which side it favours, its position on the place (who holds or
//! gains it: cues in `assets/lexicon/positions.tsv`), hedging, verification markers — all read
//! in one pass of a keyword automaton over the sentence.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{Position, Stance, Topic};

const HEDGES: &[&str] = &[
    "likely",
    "unlikely",
    "appear to",
    "appears to",
    "appeared to",
    "apparently",
    "reportedly",
    "allegedly",
    "possibly",
    "probably",
    "may have",
    "might",
    "could have",
    "seems",
    "it seems",
    "purportedly",
    "unconfirmed",
    "presumably",
    "ймовірно",
    "імовірно",
    "можливо",
    "нібито",
    "вероятно",
    "возможно",
    "якобы",
    "по-видимому",
    "судя по всему",
];

const UNVERIFIED: &[&str] = &[
    "could not verify",
    "could not independently verify",
    "could not be verified",
    "could not be independently verified",
    "cannot verify",
    "cannot independently verify",
    "unable to verify",
    "unable to independently verify",
    "has not verified",
    "have not verified",
    "not independently verified",
    "has not observed confirmation",
    "not been able to verify",
    "не вдалося перевірити",
    "не удалось проверить",
    "не може перевірити",
    "не может проверить",
    "не могут быть проверены",
    "проверить эти сведения независимо не удалось",
    "перевірити цю інформацію не вдалося",
    "не удалось независимо проверить",
    "не знайшли підтвердження",
    "не знайшли підтверджень",
    "не бачили підтвердження",
    "не бачать підтвердження",
    "не мають підтвердження",
    "не спостерігали підтвердження",
    "не нашли подтверждения",
    "не видели подтверждения",
    "не имеют подтверждения",
    "не наблюдали подтверждения",
    "have not observed confirmation",
    "has not yet observed confirmation",
];

/// Nouns of military units: a cue word right before one is part of the unit's name.
const UNIT_NOUNS: &[&str] = &[
    "brigade",
    "regiment",
    "battalion",
    "division",
    "detachment",
    "бригад",
    "полк",
    "батальйон",
    "батальон",
    "дивізі",
    "дивизи",
    "загін",
    "загон",
    "отряд",
];

/// Whether the word after the cue word (after the rest of it and one space) starts with one
/// of `nouns`.
fn next_word_is(after: &str, nouns: &[&str]) -> bool {
    after
        .trim_start_matches(is_word_char)
        .strip_prefix(' ')
        .is_some_and(|rest| nouns.iter().any(|u| rest.starts_with(u)))
}

/// Whether a cue word is part of a unit's name ("assault brigade").
fn names_a_unit(after: &str) -> bool {
    next_word_is(after, UNIT_NOUNS)
}

/// Nouns of organisations: "X-controlled" before one describes it, not a place.
const BODY_NOUNS: &[&str] = &[
    "paramilitary",
    "organization",
    "organisation",
    "group",
    "media",
    "company",
    "companies",
    "outlet",
    "channel",
    "television",
    "news",
    "agency",
    "militia",
    "army",
    "forces",
];

/// Whether a cue word is the second half of a compound adjective ("Kremlin-controlled")
/// before an organisation noun.
fn describes_a_body(before: &str, after: &str) -> bool {
    before.ends_with('-') && next_word_is(after, BODY_NOUNS)
}

/// Sentences about the reporting, not the war ("The Kremlin declined to comment").
const NO_COMMENT: &[&str] = &[
    "declined to comment",
    "did not respond to",
    "did not immediately respond",
    "has not commented",
    "have not commented",
    "could not be reached",
    "did not comment",
    "відмовилися коментувати",
    "отказались комментировать",
    "не ответили на запрос",
];

const CORROBORATED: &[&str] = &[
    "geolocated",
    "geo-located",
    "геолокован",
    "геолокаці",
    "геолокац",
];

const WAR: &[&str] = &[
    "forces",
    "troops",
    "army",
    "military",
    "soldier",
    "attack",
    "assault",
    "offensive",
    "front",
    "fighting",
    "battle",
    "shelling",
    "strike",
    "missile",
    "drone",
    "killed",
    "wounded",
    "captur",
    "control",
    "advanc",
    "retreat",
    "withdr",
    "occupied",
    "occupation",
    "liberat",
    "counteroffensive",
    "surrender",
    "positions",
    "brigade",
    "clashes",
    "war",
    "invasion",
    "encircl",
    "surround",
    "bypass",
    "repelled",
    "artillery",
    "casualties",
    "civilians",
    "defense",
    "defence",
    "військ",
    "атак",
    "наступ",
    "обстріл",
    "удар",
    "бої",
    "бой",
    "бою",
    "фронт",
    "штурм",
    "войск",
    "обстрел",
    "позиц",
    "окупант",
    "оккупант",
    "противник",
    "ворог",
    "втрат",
    "потер",
];

const SURRENDER: &[&str] = &[
    "surrender",
    "giving up",
    "gave up",
    "give up",
    "throwing in the towel",
    "taken prisoner",
    "prisoners of war",
    "здал",
    "полон",
    "здаю",
    "сдаю",
    "сдал",
    "сдались",
];
const CONTROL: &[&str] = &[
    "control",
    "captur",
    "seized",
    "seize",
    "took",
    "taken",
    "liberat",
    "occupied",
    "in russian hands",
    "in ukrainian hands",
    "fell to",
    "fall to",
    "lost",
    "hold the",
    "holds the",
    "held the",
    "контрол",
    "захопи",
    "звільни",
    "освобод",
    "взял",
    "взят",
    "окупова",
    "оккупир",
];
const ATTACKS: &[&str] = &[
    "attack",
    "assault",
    "repel",
    "repuls",
    "clash",
    "storm",
    "штурм",
    "атак",
    "відби",
    "отби",
];
const STRIKES: &[&str] = &[
    "strike",
    "shelling",
    "shelled",
    "missile",
    "killed",
    "wounded",
    "casualt",
    "civilian",
    "bomb",
    "drone attack",
    "обстріл",
    "обстрел",
    "загин",
    "погиб",
    "поранен",
    "ранен",
    "удар",
];
const MOVEMENT: &[&str] = &[
    "advanc",
    "push",
    "outflank",
    "bypass",
    "encircl",
    "surround",
    "withdr",
    "retreat",
    "cross",
    "counteroffensive",
    "counter-offensive",
    "infiltrat",
    "slowed",
    "offensive",
    "pincers",
    "наступ",
    "просу",
    "продвиг",
    "продвину",
    "отступ",
    "відступ",
    "оточ",
    "окруж",
];

const RU_ACTORS: &[&str] = &[
    "russian",
    "russia",
    "moscow",
    "kremlin",
    "wagner",
    "россий",
    "русск",
    "рф",
    "російськ",
    "окупант",
    "оккупант",
    "ворог",
    "противник",
    "рашист",
];
const UA_ACTORS: &[&str] = &[
    "ukrainian",
    "ukraine",
    "kyiv's",
    "kyiv’s",
    "укр",
    "всу",
    "зсу",
    "сили оборони",
];
/// "Our" is the speaker's own side.
const OUR: &[&str] = &[
    "our",
    "we",
    "us",
    "наші",
    "наших",
    "нашими",
    "наши",
    "наших",
    "мы",
    "ми",
];
/// Verbs that dispute what follows ("questioned the ministry's claim that troops captured …").
const DISPUTES: &[&str] = &[
    "questioned",
    "question",
    "questions",
    "dispute",
    "disputes",
    "disputed",
    "denied",
    "denies",
    "deny",
    "doubted",
    "rejected",
    "refuted",
    "dismissed",
    "спростували",
    "заперечили",
    "опровергли",
    "отрицают",
    "отрицает",
];
const THEY: &[&str] = &[
    "they",
    "them",
    "their",
    "they're",
    "they’re",
    "they've",
    "they’ve",
    "вони",
    "они",
    "їх",
    "их",
];

/// Words good for the actor next to them (+) or bad for it (−); outcomes weigh double.
const SIGNALS: &[(&str, f32)] = &[
    ("captur", 2.0),
    ("took", 2.0),
    ("taken", 2.0),
    ("seiz", 2.0),
    ("liberat", 2.0),
    ("control", 1.5),
    ("hold", 1.5),
    ("held", 1.0),
    ("advanc", 1.0),
    ("push", 1.0),
    ("gain", 1.0),
    ("cross", 1.0),
    ("counteroffensive", 1.5),
    ("outflank", 1.0),
    ("bypass", 0.5),
    ("encircl", 1.5),
    ("surround", 1.0),
    ("breakthrough", 1.5),
    ("destroy", 1.0),
    ("infiltrat", 0.5),
    ("progress", 1.0),
    ("fail", -2.0),
    ("unable", -2.0),
    ("without success", -2.0),
    ("repelled", -2.0),
    ("repulsed", -2.0),
    ("stalled", -2.0),
    ("slowed", -1.5),
    ("pushed back", -2.0),
    ("lost", -2.0),
    ("losses", -1.5),
    ("surrender", -2.0),
    ("giving up", -2.0),
    ("gave up", -2.0),
    ("floundered", -2.0),
    ("retreat", -1.5),
    ("withdr", -1.5),
    ("ousted", -2.0),
    ("collapse", -2.0),
    ("shortage", -1.5),
    ("back foot", -1.5),
    ("defeat", -2.0),
    ("setback", -2.0),
    ("fleeing", -2.0),
    ("killed", -0.5),
    ("захопи", 2.0),
    ("звільни", 2.0),
    ("освобод", 2.0),
    ("взял", 2.0),
    ("продвину", 1.0),
    ("просуну", 1.0),
    ("відбили", -2.0),
    ("отбили", -2.0),
    ("втрат", -1.5),
    ("потер", -1.5),
    ("відступ", -1.5),
    ("отступ", -1.5),
    ("зупинили", -2.0),
    ("остановили", -2.0),
    ("lack", -1.5),
    ("regain", 1.0),
    ("recaptur", 2.0),
    ("retak", 2.0),
    ("slowing", -1.5),
    ("driven out", -2.0),
    ("succeeded", 1.0),
    ("отражен", -2.0),
    ("відбит", -2.0),
];
const NEGATORS: &[&str] = &[
    "not",
    "no longer",
    "never",
    "isn't",
    "isn’t",
    "aren't",
    "aren’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "neither",
    "nor",
    "cannot",
    "can't",
    "не",
    "ні",
    "без",
    "fewer",
    "less",
    "менше",
    "меньше",
];
const ATTEMPTS: &[&str] = &[
    "trying",
    "tried",
    "attempt",
    "attempting",
    "attempts",
    "seeking",
    "намагаються",
    "пытаются",
    "намагався",
    "намагалися",
    "намагались",
    "намагаючись",
    "пытался",
    "пытались",
    "пытаясь",
    "tries",
];

/// What a position cue says happened, in priority order (the first kind found wins).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Event {
    Frame,
    Unconfirmed,
    NoChange,
    Withdraw,
    Capture,
    Hold,
    Repel,
    Advance,
    Attack,
    Contested,
    Strike,
}

impl Event {
    /// Priority: lower wins. Capturing and holding rank alike, so the first one said counts.
    fn rank(self) -> u8 {
        match self {
            Event::Frame => 0,
            Event::Unconfirmed => 1,
            Event::NoChange => 2,
            Event::Withdraw => 3,
            Event::Capture | Event::Hold => 4,
            Event::Repel => 5,
            Event::Advance => 6,
            Event::Attack => 7,
            Event::Contested => 8,
            Event::Strike => 9,
        }
    }

    fn from_word(w: &str) -> Option<Event> {
        Some(match w {
            "frame" => Event::Frame,
            "unconfirmed" => Event::Unconfirmed,
            "no_change" => Event::NoChange,
            "withdraw" => Event::Withdraw,
            "capture" => Event::Capture,
            "hold" => Event::Hold,
            "repel" => Event::Repel,
            "advance" => Event::Advance,
            "attack" => Event::Attack,
            "contested" => Event::Contested,
            "strike" => Event::Strike,
            _ => return None,
        })
    }
}

/// A position cue: what happened, whether it must end a word, whether the actor must be named.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Cue {
    event: Event,
    whole: bool,
    needs_actor: bool,
}

/// The position cues of `assets/lexicon/positions.tsv`.
fn position_cues() -> Vec<(&'static str, Cue)> {
    include_str!("../../assets/lexicon/positions.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (ev, cue) = l.split_once('\t')?;
            let event = Event::from_word(ev.trim())?;
            let cue = cue.trim();
            let (cue, needs_actor) = match cue.strip_suffix('!') {
                Some(c) => (c, true),
                None => (cue, false),
            };
            let (cue, whole) = match cue.strip_suffix('*') {
                Some(c) => (c, false),
                None => (cue, true),
            };
            Some((
                cue,
                Cue {
                    event,
                    whole,
                    needs_actor,
                },
            ))
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum K {
    Hedge,
    Unverified,
    Corroborated,
    NoComment,
    War,
    Topic(Topic),
    Signal(f32),
    Actor(f32),
    They,
    Our,
    Dispute,
    Negator,
    Attempt,
    Event(Cue),
}

impl K {
    /// Whether the pattern must end at a word end too (whole words), or may be a stem.
    fn whole_word(self) -> bool {
        matches!(
            self,
            K::Hedge
                | K::Unverified
                | K::NoComment
                | K::Negator
                | K::They
                | K::Our
                | K::Dispute
                | K::Attempt
        )
    }
}

struct Keywords {
    ac: AhoCorasick,
    kinds: Vec<Vec<K>>,
}

fn keywords() -> &'static Keywords {
    static KW: OnceLock<Keywords> = OnceLock::new();
    KW.get_or_init(|| {
        let mut pats: Vec<&'static str> = Vec::new();
        let mut kinds: Vec<Vec<K>> = Vec::new();
        let mut add = |p: &'static str, k: K| match pats.iter().position(|x| *x == p) {
            Some(i) => kinds[i].push(k),
            None => {
                pats.push(p);
                kinds.push(vec![k]);
            }
        };
        let lists: [(&[&'static str], K); 17] = [
            (HEDGES, K::Hedge),
            (UNVERIFIED, K::Unverified),
            (NO_COMMENT, K::NoComment),
            (CORROBORATED, K::Corroborated),
            (WAR, K::War),
            (SURRENDER, K::Topic(Topic::Surrender)),
            (CONTROL, K::Topic(Topic::Control)),
            (ATTACKS, K::Topic(Topic::Attacks)),
            (STRIKES, K::Topic(Topic::Strikes)),
            (MOVEMENT, K::Topic(Topic::Movement)),
            (RU_ACTORS, K::Actor(-1.0)),
            (UA_ACTORS, K::Actor(1.0)),
            (THEY, K::They),
            (OUR, K::Our),
            (DISPUTES, K::Dispute),
            (NEGATORS, K::Negator),
            (ATTEMPTS, K::Attempt),
        ];
        for (list, k) in lists {
            for p in list {
                add(p, k);
            }
        }
        for (p, w) in SIGNALS {
            add(p, K::Signal(*w));
        }
        for (p, cue) in position_cues() {
            add(p, K::Event(cue));
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&pats)
            .unwrap_or_else(|e| unreachable!("the keyword lists build: {e}"));
        Keywords { ac, kinds }
    })
}

/// What a sentence says, read from its lower-case text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Content {
    pub hedged: bool,
    pub unverified_marker: bool,
    pub corroborated: bool,
    /// About the reporting, not the war ("declined to comment").
    pub no_comment: bool,
    pub war: bool,
    pub topic: Topic,
    pub stance: Stance,
    /// What the sentence asserts about the place it names.
    pub position: Position,
    /// The position leaving out doubt ("Unconfirmed claims: bloggers claimed X advanced" —
    /// what the claim itself asserts), and where the first doubt cue starts (byte offset).
    pub asserted: Position,
    pub doubt_at: Option<usize>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Read a sentence. `they_side` is the side "they" stands for (+1 Ukraine, −1 Russia): the
/// speaker's opponents, when the speaker's side is known.
pub fn read(lower: &str, they_side: Option<f32>) -> Content {
    let kw = keywords();
    // Keywords that start a word (one automaton pass).
    let found: Vec<(usize, usize, usize)> = kw
        .ac
        .find_overlapping_iter(lower)
        .filter(|m| {
            !lower[..m.start()]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
        })
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    // Who a sentence favours needs word positions only when it has a signal word.
    let has_signal = found.iter().any(|&(_, _, p)| {
        kw.kinds[p]
            .iter()
            .any(|k| matches!(k, K::Signal(_) | K::Event(_)))
    });
    let mut word_starts: Vec<usize> = Vec::new();
    if has_signal {
        let mut prev_word = false;
        for (i, c) in lower.char_indices() {
            let w = is_word_char(c);
            if w && !prev_word {
                word_starts.push(i);
            }
            prev_word = w;
        }
    }
    let n = word_starts.len();
    let mut actor: Vec<Option<f32>> = vec![None; n];
    let mut negator = vec![false; n];
    let mut attempt = vec![false; n];
    let mut by = vec![false; n];
    let mut signal: Vec<Option<f32>> = vec![None; n];
    let mut repel = vec![false; n];
    let mut dispute = vec![false; n];
    let mut signal_len = vec![0usize; n];
    let mut aux = vec![false; n];
    let mut liberation: Vec<Option<f32>> = vec![None; n];
    let mut c = Content {
        hedged: false,
        unverified_marker: false,
        corroborated: false,
        no_comment: false,
        war: false,
        topic: Topic::General,
        stance: Stance::Neutral,
        position: Position::Mention,
        asserted: Position::Mention,
        doubt_at: None,
    };
    // Position cues found: (word index, cue, length).
    let mut events: Vec<(usize, Cue, usize)> = Vec::new();
    let mut topic_rank = usize::MAX;
    let topic_order = [
        Topic::Surrender,
        Topic::Control,
        Topic::Attacks,
        Topic::Strikes,
        Topic::Movement,
    ];
    let mut speaker_noun = vec![false; n];
    let mut target_word = vec![false; n];
    for (wi, &s) in word_starts.iter().enumerate() {
        let word: &str = lower[s..]
            .split(|c: char| !is_word_char(c))
            .next()
            .unwrap_or("");
        by[wi] = word == "by";
        target_word[wi] = matches!(word, "against" | "проти" | "против");
        speaker_noun[wi] = matches!(
            word,
            "officials"
                | "official"
                | "sources"
                | "spokesperson"
                | "spokesman"
                | "authorities"
                | "government"
                | "commentators"
                | "media"
                | "officers"
                | "посадовці"
                | "чиновники"
        );
        aux[wi] = matches!(
            word,
            "were" | "was" | "been" | "being" | "is" | "are" | "було" | "були" | "был" | "были"
        );
    }
    for &(s, e, pattern) in &found {
        let ends_word = !lower[e..].chars().next().is_some_and(is_word_char);
        let wi = word_starts.binary_search(&s).unwrap_or(usize::MAX);
        for &k in &kw.kinds[pattern] {
            if k.whole_word() && !ends_word {
                continue;
            }
            // Word-level facts matter only for the stance of sentences with a signal.
            if wi == usize::MAX
                && !matches!(
                    k,
                    K::Hedge
                        | K::Unverified
                        | K::Corroborated
                        | K::NoComment
                        | K::War
                        | K::Topic(_)
                )
            {
                continue;
            }
            match k {
                K::Event(cue) if cue.whole && !ends_word => {}
                // "one mountain assault brigade", "штурмова бригада": a unit's name, not an
                // attack.
                K::Event(_) if names_a_unit(&lower[e..]) => {}
                // "the Kremlin-controlled paramilitary organization": a description of a body.
                K::Event(_) if describes_a_body(&lower[..s], &lower[e..]) => {}
                K::Event(cue) => events.push((wi, cue, e - s)),
                K::Hedge => c.hedged = true,
                K::Unverified => c.unverified_marker = true,
                K::Corroborated => c.corroborated = true,
                K::NoComment => c.no_comment = true,
                K::War => c.war = true,
                K::Topic(t) => {
                    let r = topic_order
                        .iter()
                        .position(|x| *x == t)
                        .unwrap_or(usize::MAX);
                    topic_rank = topic_rank.min(r);
                }
                // "Kremlin-controlled", "Russian-held": compounds describe, they do not claim.
                K::Signal(_) if lower[..s].ends_with('-') => {}
                K::Signal(w) => {
                    // The longest signal at a word wins ("pushed back" over "push").
                    if signal_len[wi] < e - s {
                        signal[wi] = Some(w);
                        signal_len[wi] = e - s;
                    }
                    let p = &lower[s..e];
                    if matches!(
                        p,
                        "repelled"
                            | "repulsed"
                            | "відбили"
                            | "отбили"
                            | "зупинили"
                            | "остановили"
                            | "pushed back"
                            | "slowing"
                            | "отражен"
                            | "відбит"
                    ) {
                        repel[wi] = true;
                    }
                    if p == "liberat" || p == "звільни" {
                        liberation[wi] = Some(1.0);
                    } else if p == "освобод" {
                        liberation[wi] = Some(-1.0);
                    }
                }
                // "Ukrainian officials note that …": the speakers are not the actors.
                // "… to fight against Ukraine": the target, not the actor.
                K::Actor(_) if wi > 0 && target_word[wi - 1] => {}
                K::Actor(a) if !speaker_noun.get(wi + 1).copied().unwrap_or(false) => {
                    actor[wi] = Some(a)
                }
                K::Actor(_) => {}
                K::They => actor[wi] = actor[wi].or(they_side),
                K::Our => actor[wi] = actor[wi].or(they_side.map(|t| -t)),
                K::Dispute => dispute[wi] = true,
                K::Negator => negator[wi] = true,
                K::Attempt => attempt[wi] = true,
            }
        }
    }
    if topic_rank < topic_order.len() {
        c.topic = topic_order[topic_rank];
    }
    // "… their plan to surround it is still very far from realization": negation after the verb.
    let far_from: Vec<usize> = word_starts
        .iter()
        .enumerate()
        .filter(|(_, st)| {
            lower[**st..].starts_with("far from") || lower[**st..].starts_with("to no avail")
        })
        .map(|(i, _)| i)
        .collect();
    // "Despite daily assaults by Russian forces trying to regain control, …": the concession
    // is not the claim; its signals count little.
    let mut conceded = vec![false; n];
    for (wi, &st) in word_starts.iter().enumerate() {
        let rest = &lower[st..];
        if [
            "despite ",
            "although ",
            "even though ",
            "попри ",
            "несмотря ",
            "незважаючи ",
        ]
        .iter()
        .any(|p| rest.starts_with(p))
        {
            let clause_end = rest.find([',', ';']).map_or(lower.len(), |e| st + e);
            for (j, &s2) in word_starts.iter().enumerate().skip(wi) {
                if s2 >= clause_end {
                    break;
                }
                conceded[j] = true;
            }
        }
    }
    let mut score = 0.0f32;
    for i in 0..n {
        let Some(weight) = signal[i] else { continue };
        // Passive "destroyed by Russian fire": the actor follows "by" and is the one doing it.
        let passive = by.get(i + 1).copied().unwrap_or(false);
        // Repelling hurts the attacker: "Russian attacks were repelled" (passive, the attacker
        // before), "forces repelled Russian attacks" (active, the attacker after, or the
        // subject gains).
        let found = if repel[i] {
            let is_passive = (i.saturating_sub(2)..i).any(|j| aux[j]);
            let before = (0..i).rev().take(14).find_map(|j| actor[j]);
            let after = (i + 1..n.min(i + 7)).find_map(|j| actor[j]);
            if is_passive {
                before.or(after)
            } else {
                after.or(before.map(|b| -b))
            }
        } else if passive {
            (i + 2..n.min(i + 5))
                .find_map(|j| actor[j])
                .map(|a| if weight > 0.0 { a } else { -a })
        } else {
            (0..i)
                .rev()
                .take(14)
                .find_map(|j| actor[j])
                .or_else(|| (i + 1..n.min(i + 6)).find_map(|j| actor[j]))
        };
        // Liberation is Ukraine's word for its gains; "освобождение" is Moscow's for its own.
        let Some(who) = liberation[i].or(found) else {
            continue;
        };
        let negated = (i.saturating_sub(6)..i).any(|j| negator[j])
            ^ (i.saturating_sub(12)..i).any(|j| dispute[j])
            ^ far_from.iter().any(|&f| f > i && f <= i + 10);
        let tried = (i.saturating_sub(3)..i).any(|j| attempt[j]);
        let mut v = weight * who;
        if negated {
            v = -v;
        }
        if tried && !negated {
            v *= 0.3;
        }
        if conceded[i] {
            v *= 0.3;
        }
        score += v;
    }
    c.stance = if score > 0.4 {
        Stance::FavoursUkraine
    } else if score < -0.4 {
        Stance::FavoursRussia
    } else {
        Stance::Neutral
    };
    // "tried to advance", "намагався вклинитися": an attempt to advance or take is an attack.
    for (wi, cue, _) in &mut events {
        if matches!(cue.event, Event::Advance | Event::Capture)
            && (wi.saturating_sub(3)..*wi).any(|j| attempt[j])
        {
            cue.event = Event::Attack;
            cue.needs_actor = false;
        }
    }
    // "ворог атакував ЗСУ", "Russian forces attacked Ukrainian positions": the side right
    // after an attack verb is its target, not the actor.
    for (wi, cue, _) in &events {
        if cue.event == Event::Attack
            && let Some(a) = actor.get_mut(wi + 1)
        {
            *a = None;
        }
    }
    let words = Words {
        actor: &actor,
        negator: &negator,
        dispute: &dispute,
        by: &by,
        aux: &aux,
        conceded: &conceded,
    };
    // "Seizing Bakhmut could allow Russian forces to …": an event as the subject of a
    // conditional is a forecast, not a claim about the place.
    let first_word = lower
        .split(|ch: char| !is_word_char(ch))
        .find(|x| !x.is_empty())
        .unwrap_or("");
    if first_word.ends_with("ing")
        && events
            .iter()
            .any(|(wi, cue, _)| *wi == 0 && cue.event != Event::Frame)
        && events
            .iter()
            .any(|(wi, cue, _)| *wi > 0 && cue.event == Event::Frame)
    {
        events.clear();
    }
    c.doubt_at = events
        .iter()
        .filter(|(_, cue, _)| cue.event == Event::Unconfirmed)
        .filter_map(|(wi, _, _)| word_starts.get(*wi).copied())
        .min();
    c.position = position(&mut events, &words, they_side);
    c.asserted = if c.doubt_at.is_some() {
        events.retain(|(_, cue, _)| cue.event != Event::Unconfirmed);
        position(&mut events, &words, they_side)
    } else {
        c.position
    };
    c
}

/// Word-level facts of a sentence, by word index.
struct Words<'a> {
    actor: &'a [Option<f32>],
    negator: &'a [bool],
    dispute: &'a [bool],
    by: &'a [bool],
    aux: &'a [bool],
    conceded: &'a [bool],
}

/// The position a sentence takes: the highest-priority event outside a concession, its actor
/// read from the words around it, negation and dispute turning it around. `they_side` is the
/// speaker's opponents' side (+1 Ukraine, −1 Russia).
fn position(events: &mut [(usize, Cue, usize)], w: &Words<'_>, they_side: Option<f32>) -> Position {
    let n = w.actor.len();
    // The longest cue at a word wins ("pushed back" over "pushed").
    events.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)));
    let mut best: Vec<(usize, Cue)> = Vec::new();
    for &(wi, cue, _) in events.iter() {
        if best.last().is_some_and(|(b, _)| *b == wi) || wi >= n {
            continue;
        }
        best.push((wi, cue));
    }
    // A demand, plan or forecast before the event: the place is only mentioned.
    let first_event = best
        .iter()
        .find(|(_, c)| !matches!(c.event, Event::Frame | Event::Strike))
        .map(|(wi, _)| *wi);
    if let Some(fe) = first_event
        && best
            .iter()
            .any(|(wi, c)| c.event == Event::Frame && *wi < fe)
    {
        return Position::Mention;
    }
    let speaker_side = they_side.map(|t| -t);
    let actor_near = |i: usize| -> Option<f32> {
        // Passive "was captured by Russian forces": the actor follows "by".
        let passive_by = (i + 1..n.min(i + 4)).find(|&j| w.by[j]);
        if let Some(b) = passive_by
            && let Some(a) = (b + 1..n.min(b + 4)).find_map(|j| w.actor[j])
        {
            return Some(a);
        }
        (0..i)
            .rev()
            .take(10)
            .find_map(|j| w.actor[j])
            .or_else(|| (i + 1..n.min(i + 5)).find_map(|j| w.actor[j]))
    };
    let negated = |i: usize| {
        (i.saturating_sub(5)..i).any(|j| w.negator[j])
            ^ (i.saturating_sub(12)..i).any(|j| w.dispute[j])
    };
    let mut candidates: Vec<(usize, Cue)> = best
        .iter()
        .copied()
        .filter(|(wi, c)| c.event != Event::Frame && !w.conceded[*wi])
        .collect();
    candidates.sort_by_key(|(wi, c)| (c.event.rank(), *wi));
    for (i, cue) in candidates {
        let named = actor_near(i);
        let side = |default: Option<f32>| -> Option<f32> {
            if cue.needs_actor {
                named
            } else {
                named.or(default)
            }
        };
        let neg = negated(i);
        let russian = |a: f32| a < 0.0;
        let p = match cue.event {
            Event::Frame => continue,
            Event::Strike => return Position::Mention,
            Event::Unconfirmed => Position::Unconfirmed,
            Event::NoChange => Position::NoChange,
            Event::Contested => Position::Contested,
            Event::Withdraw => {
                let Some(a) = side(they_side) else { continue };
                match (russian(a), neg) {
                    (_, true) => Position::Contested,
                    (true, false) => Position::RussiaWithdrew,
                    (false, false) => Position::UkraineWithdrew,
                }
            }
            Event::Capture | Event::Hold => {
                let Some(a) = side(speaker_side) else {
                    continue;
                };
                // "did not capture", "denied that Russian forces took": the other side holds it.
                match (russian(a), neg) {
                    (true, false) | (false, true) => Position::RussiaHolds,
                    (false, false) | (true, true) => Position::UkraineHolds,
                }
            }
            Event::Repel => {
                // The attacker is the one repelled: before a passive ("attacks were repelled"),
                // after an active verb ("forces repelled Russian attacks").
                let passive = (i.saturating_sub(2)..i).any(|j| w.aux[j]);
                let before = (0..i).rev().take(10).find_map(|j| w.actor[j]);
                let after = (i + 1..n.min(i + 7)).find_map(|j| w.actor[j]);
                let attacker = if passive {
                    before.or(after)
                } else {
                    after.or(before.map(|b| -b))
                }
                .or(they_side)
                .unwrap_or(-1.0);
                if neg {
                    Position::Contested
                } else if russian(attacker) {
                    Position::Repelled
                } else {
                    Position::RussiaRepelled
                }
            }
            Event::Advance => {
                let Some(a) = side(speaker_side) else {
                    continue;
                };
                match (russian(a), neg) {
                    (_, true) => Position::NoChange,
                    (true, false) => Position::RussiaAdvances,
                    (false, false) => Position::UkraineAdvances,
                }
            }
            Event::Attack => {
                let a = side(they_side).unwrap_or(-1.0);
                match (russian(a), neg) {
                    (_, true) => Position::NoChange,
                    (true, false) => Position::RussiaAttacks,
                    (false, false) => Position::UkraineAttacks,
                }
            }
        };
        return p;
    }
    Position::Mention
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str, they: Option<f32>) -> Stance {
        read(&s.to_lowercase(), they).stance
    }

    #[test]
    fn attempts_targets_unit_names_and_forecasts() {
        // Said by the Ukrainian General Staff (their side: Ukrainian).
        let ua = Some(1.0);
        for (text, want) in [
            (
                "На Лиманському напрямку ворог вісім разів атакував ЗСУ, намагався просунутися в напрямку Чернещини.",
                Position::RussiaAttacks,
            ),
            (
                "На Торецькому напрямку ворог сім разів намагався вклинитися у нашу оборону.",
                Position::RussiaAttacks,
            ),
            (
                "Активність противник проявляв у районах Лозової та Кучерівки.",
                Position::RussiaAttacks,
            ),
            (
                "Russian forces tried to advance near Siversk and Bilohorivka.",
                Position::RussiaAttacks,
            ),
            (
                "Seizing Bakhmut could allow Russian forces to launch attacks on Kramatorsk.",
                Position::Mention,
            ),
            (
                "Strikes hit one mountain assault brigade near Huliaipole.",
                Position::Mention,
            ),
        ] {
            assert_eq!(read(&text.to_lowercase(), ua).position, want, "{text}");
        }
        // "Kremlin-controlled" describes the organisation, not a place.
        let p = read(
            &"The Kremlin-controlled paramilitary organization Wagner Group lost men near Bakhmut."
                .to_lowercase(),
            None,
        )
        .position;
        assert_ne!(p, Position::RussiaHolds);
    }

    #[test]
    fn stance_cases() {
        assert_eq!(
            st("The Russian army is failing to outflank Pokrovsk.", None),
            Stance::FavoursUkraine
        );
        assert_eq!(
            st(
                "Russian troops executed five attacks, all of which were successfully repelled.",
                None
            ),
            Stance::FavoursUkraine
        );
        assert_eq!(
            st("Kupyansk isn't under Moscow's control anymore.", None),
            Stance::FavoursUkraine
        );
        assert_eq!(
            st("Russia claimed that its forces had taken Kurakhove.", None),
            Stance::FavoursRussia
        );
        assert_eq!(
            st("Ukraine controls the east bank.", None),
            Stance::FavoursUkraine
        );
        assert_eq!(st("They're giving up.", Some(-1.0)), Stance::FavoursUkraine);
        assert_eq!(
            st(
                "Several Ukrainian positions have been destroyed by Russian fire.",
                None
            ),
            Stance::FavoursRussia
        );
        assert_eq!(st("The weather was fine.", None), Stance::Neutral);
        assert_eq!(
            st("Российские войска освободили Торецк.", None),
            Stance::FavoursRussia
        );
        assert_eq!(
            st("Сили оборони відбили 14 атак окупантів.", None),
            Stance::FavoursUkraine
        );
    }

    #[test]
    fn topics_and_markers() {
        let c = read(
            "russian forces appear to be advancing near pishchane.",
            None,
        );
        assert!(c.hedged && c.war);
        assert_eq!(c.topic, Topic::Movement);
        assert!(read("the kyiv independent could not verify the claims.", None).unverified_marker);
        assert!(
            read(
                "geolocated footage shows ukrainian troops in kupiansk.",
                None
            )
            .corroborated
        );
        assert_eq!(
            read("mercenaries have surrendered.", None).topic,
            Topic::Surrender
        );
        assert!(!read("the weather is nice because it is sunny.", None).war);
        assert!(
            !read("він сказав, бо так вирішили.", None).war,
            "бо is not a battle"
        );
    }
}
