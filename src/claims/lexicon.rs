//! The claimant lexicon: people, roles, bodies, outlets and Telegram channels with their camps,
//! from the bundled, editable assets.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::Camp;

/// One known claimant form.
#[derive(Clone, Debug)]
pub struct Entry {
    pub camp: Camp,
    pub name: String,
}

pub struct Lexicon {
    ac: AhoCorasick,
    entries: Vec<Entry>,
}

/// A lexicon hit in a piece of text.
#[derive(Clone, Debug)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub camp: Camp,
    pub name: String,
}

fn load() -> Lexicon {
    let mut forms: Vec<String> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut add = |form: &str, camp: Camp, name: &str| {
        let f = form.trim().to_lowercase();
        if f.len() < 2 || forms.contains(&f) {
            return;
        }
        forms.push(f);
        entries.push(Entry {
            camp,
            name: name.to_owned(),
        });
    };
    // A researcher's own lexicon (same format as assets/lexicon/claimants.tsv) comes first and
    // wins over the bundled one.
    let own = std::env::var_os("CROSSCHECK_LEXICON")
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    let bundled = include_str!("../../assets/lexicon/claimants.tsv");
    for line in own.lines().chain(bundled.lines()) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let Some(camp) = f.first().and_then(|c| Camp::from_word(c)) else {
            continue;
        };
        let Some(form) = f.get(1) else { continue };
        let name = f.get(2).copied().filter(|s| !s.is_empty()).unwrap_or(form);
        add(form, camp, name);
    }
    for line in include_str!("../../assets/lexicon/telegram-channels.tsv")
        .lines()
        .skip(1)
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        let Some(camp) = Camp::from_word(f[2]) else {
            continue;
        };
        add(f[0], camp, f[1]);
        add(&format!("@{}", f[0]), camp, f[1]);
        add(f[1], camp, f[1]);
    }
    for o in crate::outlets::table() {
        let name = o.name.as_str();
        add(name, Camp::Media, name);
        if let Some(rest) = name.strip_prefix("The ") {
            add(rest, Camp::Media, name);
        }
        for f in o.forms.iter().skip(1).chain(&o.domains) {
            if f.len() > 3 {
                add(f, Camp::Media, name);
            }
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&forms)
        .unwrap_or_else(|e| unreachable!("the bundled lexicon builds: {e}"));
    Lexicon { ac, entries }
}

/// The bundled lexicon.
pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(load)
}

impl Lexicon {
    /// Hits in `text` when its lower-case form is already at hand.
    pub fn hits_lowered(&self, text: &str, lower: &str) -> Vec<Hit> {
        if lower.len() == text.len() {
            self.hits_in(lower, text)
        } else {
            self.hits(text)
        }
    }

    /// Whole-word hits in `text` (matched case-insensitively), at `text`'s byte positions.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        self.hits_in(&lower_in_place(text), text)
    }

    fn hits_in(&self, lower: &str, _orig: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for m in self.ac.find_iter(lower) {
            let before = lower[..m.start()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '-') {
                continue;
            }
            let rest = &lower[m.end()..];
            let after = rest.chars().next();
            let cyrillic = |c: char| ('\u{400}'..='\u{4ff}').contains(&c);
            let mut end = m.end();
            let ok = if !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
                || rest.starts_with("-based")
            {
                true
            } else if rest.starts_with("'s") || rest.starts_with("’s") {
                // Possessives: "ISW's", "Ukraine’s".
                true
            } else if after.is_some_and(cyrillic)
                && lower[m.start()..m.end()]
                    .chars()
                    .last()
                    .is_some_and(cyrillic)
            {
                // Case endings: "Генштабу", "Минобороны России" (up to three letters).
                let ending: usize = rest
                    .chars()
                    .take_while(|c| cyrillic(*c))
                    .map(char::len_utf8)
                    .sum();
                let n = rest[..ending].chars().count();
                end += ending;
                n <= 3 && lower[m.start()..m.end()].chars().count() >= 4
            } else {
                false
            };
            if !ok {
                continue;
            }
            let e = &self.entries[m.pattern().as_usize()];
            out.push(Hit {
                start: m.start(),
                end,
                camp: e.camp,
                name: e.name.clone(),
            });
        }
        out
    }
}

/// `text` lower-cased letter by letter where that keeps each letter's byte length (every
/// letter of English, Ukrainian and Russian), so that byte positions in the result are those
/// of `text`; the rare letters whose lower case is longer or shorter ("Ⱥ", "İ") stay as they
/// are.
pub fn lower_in_place(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
    out
}
