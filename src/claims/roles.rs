//! Role phrases: the camp a speaker's title or description gives ("Ukrainian Defence Ministry
//! adviser", "pro-war Russian milblogger", "an economist at ..."), from
//! `assets/lexicon/roles.tsv`.

use std::sync::OnceLock;

use crate::model::Camp;

/// One pattern: its words, each matched whole or, ending in `*`, as a prefix.
struct Pattern {
    words: Vec<(String, bool)>,
}

impl Pattern {
    fn parse(s: &str) -> Option<Pattern> {
        let words: Vec<(String, bool)> = s
            .split_whitespace()
            .map(|w| match w.strip_suffix('*') {
                Some(p) => (p.to_owned(), true),
                None => (w.to_owned(), false),
            })
            .collect();
        (!words.is_empty()).then_some(Pattern { words })
    }

    /// Does the pattern match at `words[i..]`? Returns how many words it covers.
    fn at(&self, words: &[String], i: usize) -> Option<usize> {
        if i + self.words.len() > words.len() {
            return None;
        }
        for (k, (p, prefix)) in self.words.iter().enumerate() {
            let w = &words[i + k];
            let ok = if *prefix {
                w.starts_with(p.as_str()) && w.chars().count() > p.chars().count().min(2) || w == p
            } else {
                w == p
            };
            if !ok {
                return None;
            }
        }
        Some(self.words.len())
    }
}

struct Group {
    kind: Kind,
    patterns: Vec<Pattern>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Side(Camp),
    Official,
    Body,
    Camp(Camp),
}

fn groups() -> &'static [Group] {
    static G: OnceLock<Vec<Group>> = OnceLock::new();
    G.get_or_init(|| {
        let mut out = Vec::new();
        for line in include_str!("../../assets/lexicon/roles.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((kind, words)) = line.split_once('\t') else {
                continue;
            };
            let kind = if kind == "official" {
                Kind::Official
            } else if kind == "body" {
                Kind::Body
            } else if let Some(c) = kind.strip_prefix("side:").and_then(Camp::from_word) {
                Kind::Side(c)
            } else if let Some(c) = kind.strip_prefix("camp:").and_then(Camp::from_word) {
                Kind::Camp(c)
            } else {
                continue;
            };
            let patterns = words.split('|').filter_map(Pattern::parse).collect();
            out.push(Group { kind, patterns });
        }
        out
    })
}

/// Lower-case words of a phrase, punctuation trimmed (keeps "u.s.", "ukraine's").
pub fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | ';' | '(' | ')' | '«' | '»' | '“' | '”' | '"' | '—' | '–'
                )
        })
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’')
                .trim_end_matches('.')
                .to_lowercase()
                .replace('’', "'")
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// What a role phrase says about a camp.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoleCamp {
    /// A role that decides the camp by itself (milblogger, monitor, analyst).
    pub decided: Option<Camp>,
    /// The state a role belongs to (Ukrainian, Russian, Western).
    pub side: Option<Camp>,
    /// Whether the phrase names an official role (minister, spokesperson, forces).
    pub official: bool,
    /// Whether the phrase names a body, not a person ("Air Force", "State Emergency Service").
    pub body: bool,
}

impl RoleCamp {
    /// The camp this phrase gives, if any.
    pub fn camp(self) -> Option<Camp> {
        match (self.decided, self.side) {
            // Ukrainian military bloggers and war correspondents are not the Russian camp.
            (Some(Camp::RussianMilblogger), Some(Camp::UkrainianOfficial)) => Some(Camp::Other),
            (Some(c), _) => Some(c),
            (None, Some(side)) if self.official => Some(side),
            _ => None,
        }
    }
}

/// Read a role phrase.
pub fn read(phrase: &str) -> RoleCamp {
    let ws = words(phrase);
    let mut out = RoleCamp::default();
    let mut i = 0;
    while i < ws.len() {
        // The longest pattern at this word wins ("military blogger" over "military").
        let mut best: Option<(usize, Kind)> = None;
        for g in groups() {
            for p in &g.patterns {
                if let Some(n) = p.at(&ws, i)
                    && best.is_none_or(|(bn, _)| n > bn)
                {
                    best = Some((n, g.kind));
                }
            }
        }
        match best {
            Some((n, kind)) => {
                match kind {
                    Kind::Side(c) => {
                        out.side.get_or_insert(c);
                    }
                    Kind::Official => out.official = true,
                    Kind::Body => {
                        out.official = true;
                        out.body = true;
                    }
                    Kind::Camp(c) => {
                        // Milbloggers and monitors outrank a generic "expert".
                        let rank = |c: Camp| match c {
                            Camp::RussianMilblogger => 3,
                            Camp::IndependentMonitor => 2,
                            _ => 1,
                        };
                        if out.decided.is_none_or(|d| rank(c) > rank(d)) {
                            out.decided = Some(c);
                        }
                    }
                }
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_give_camps() {
        let cases = [
            (
                "Ukrainian Defence Ministry adviser",
                Some(Camp::UkrainianOfficial),
            ),
            (
                "Russian Security Council Chairperson",
                Some(Camp::RussianOfficial),
            ),
            (
                "pro-war Russian milblogger and head of the WarGonzo project",
                Some(Camp::RussianMilblogger),
            ),
            ("Ukrainian military observer", Some(Camp::Other)),
            (
                "an economist at the Centre for Economic Studies",
                Some(Camp::Other),
            ),
            (
                "UNICEF country representative in Ukraine",
                Some(Camp::Other),
            ),
            ("U.S. Senator", Some(Camp::WesternOfficial)),
            ("the UN monitoring mission", Some(Camp::IndependentMonitor)),
            ("Ukrainian military bloggers", Some(Camp::Other)),
            ("Президент України", Some(Camp::UkrainianOfficial)),
            ("речник Повітряних сил ЗСУ", Some(Camp::UkrainianOfficial)),
            ("российские военкоры", Some(Camp::RussianMilblogger)),
            ("губернатор Белгородской области", None),
            ("Kyiv mayor", Some(Camp::UkrainianOfficial)),
            ("The Ukrainian Air Force", Some(Camp::UkrainianOfficial)),
            (
                "Ukrainian 11th Army Corps Spokesperson Lieutenant Colonel",
                Some(Camp::UkrainianOfficial),
            ),
            (
                "Керівник Центру військово-правових досліджень",
                Some(Camp::Other),
            ),
            ("his wife", None),
        ];
        for (phrase, want) in cases {
            assert_eq!(read(phrase).camp(), want, "{phrase}");
        }
    }
}
