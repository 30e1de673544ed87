//! Evidence that a name found in a sentence is a place: a locative word before it, a place word
//! after it, a list of places, or a town big enough to need none; and evidence against it: a
//! word that is never a place here, a person's name, a name that speaks ("Kyiv says").
//! The word lists are data: `assets/lexicon/place-evidence.txt`.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{Kind, Mention, index, normalise};

struct Lists {
    not_places: HashSet<&'static str>,
    not_place_prefixes: Vec<&'static str>,
    first_names: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    speech: HashSet<&'static str>,
    speech_skip: HashSet<&'static str>,
    addressed: HashSet<&'static str>,
    before: HashSet<&'static str>,
    before_prefixes: Vec<&'static str>,
    after: HashSet<&'static str>,
    events: Vec<&'static str>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lists {
            not_places: HashSet::new(),
            not_place_prefixes: Vec::new(),
            first_names: HashSet::new(),
            titles: HashSet::new(),
            speech: HashSet::new(),
            speech_skip: HashSet::new(),
            addressed: HashSet::new(),
            before: HashSet::new(),
            before_prefixes: Vec::new(),
            after: HashSet::new(),
            events: Vec::new(),
        };
        let mut section = "";
        for line in include_str!("../../assets/lexicon/place-evidence.txt").lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = s;
                continue;
            }
            let set = match section {
                "not-places" => {
                    if let Some(p) = line.strip_suffix('*') {
                        l.not_place_prefixes.push(p);
                        continue;
                    }
                    &mut l.not_places
                }
                "first-names" => &mut l.first_names,
                "titles" => &mut l.titles,
                "speech" => &mut l.speech,
                "speech-skip" => &mut l.speech_skip,
                "addressed" => &mut l.addressed,
                "before" => {
                    if let Some(p) = line.strip_suffix('*') {
                        l.before_prefixes.push(p);
                        continue;
                    }
                    &mut l.before
                }
                "after" => &mut l.after,
                "events" => {
                    l.events.push(line.trim_end_matches('*'));
                    continue;
                }
                _ => continue,
            };
            set.insert(line);
        }
        l
    })
}

/// Words of a text with their byte ranges.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let wc =
            c.is_alphanumeric() || matches!(c, '\'' | '’' | 'ʼ' | '-' | '.') && start.is_some();
        match (wc, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    // A word does not end in a dot or hyphen ("Kyiv." at the end of a sentence).
    for w in &mut out {
        while w.1 > w.0 && matches!(text.as_bytes()[w.1 - 1], b'.' | b'-') {
            w.1 -= 1;
        }
    }
    out.retain(|w| w.1 > w.0);
    out
}

fn is_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// What the document says about names: the surnames of the people it names ("Dmytro
/// Zaporozhets" makes every later "Zaporozhets" a person) and the places named so far.
#[derive(Default, Debug, Clone)]
pub struct DocNames {
    surnames: HashSet<String>,
    /// Places named so far in the document, the latest last.
    pub seen: Vec<u32>,
}

impl DocNames {
    /// Read the people a document names: a capitalised word after a first name.
    pub fn new(text: &str) -> Self {
        let l = lists();
        let ws = words(text);
        let mut surnames = HashSet::new();
        for pair in ws.windows(2) {
            let (a, b) = (&text[pair[0].0..pair[0].1], &text[pair[1].0..pair[1].1]);
            let gap = &text[pair[0].1..pair[1].0];
            if gap != " " || !is_upper(b) {
                continue;
            }
            if !is_upper(a) {
                continue;
            }
            let la = a.to_lowercase();
            if l.first_names.contains(la.as_str()) {
                surnames.insert(normalise(b));
            }
        }
        Self {
            surnames,
            seen: Vec::new(),
        }
    }
}

/// How a bracketed locator after a name starts ("(northeast of Kharkiv)", "(північніше ...)").
const LOCATORS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "near",
    "півн",
    "півд",
    "схід",
    "східн",
    "захід",
    "західн",
    "север",
    "юг",
    "восточн",
    "западн",
];

/// Keep the mentions of a sentence that are places, by the evidence around each.
pub fn in_context(text: &str, mentions: Vec<Mention>, doc: &DocNames) -> Vec<Mention> {
    if mentions.is_empty() {
        return mentions;
    }
    let l = lists();
    let idx = index();
    let ws = words(text);
    let word_at = |i: usize| -> String { text[ws[i].0..ws[i].1].to_lowercase() };
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    let keep: Vec<bool> = mentions
        .iter()
        .map(|m| {
            let surface = normalise(&text[m.start..m.end]);
            let one_word = !surface.contains(' ');
            // Never places here: ordinary words, foreign places, adjectives of nationality.
            if one_word
                && (l.not_places.contains(surface.as_str())
                    || l.not_place_prefixes.iter().any(|p| surface.starts_with(p)))
            {
                return false;
            }
            // The words the mention spans (a part of "Slovyansk-Izyum" lies inside one).
            let first = ws.iter().position(|w| w.1 > m.start);
            let last = ws
                .iter()
                .rposition(|w| w.0 < m.end)
                .map(|l| l.max(first.unwrap_or(0)));
            let (Some(first), Some(last)) = (first, last) else {
                return true;
            };
            let prev = first.checked_sub(1).map(|i| (i, word_at(i)));
            let next = ws.get(last + 1).map(|_| word_at(last + 1));
            let prev_upper = prev
                .as_ref()
                .is_some_and(|(i, _)| is_upper(&text[ws[*i].0..ws[*i].1]));
            let gap_before = prev
                .as_ref()
                .and_then(|(i, _)| text.get(ws[*i].1..m.start))
                .unwrap_or("");
            // A person: after a first name or a title, or named as a person elsewhere.
            if one_word {
                if let Some((_, p)) = &prev
                    && gap_before == " "
                    && ((prev_upper && l.first_names.contains(p.as_str()))
                        || l.titles.contains(p.trim_end_matches('.')))
                {
                    return false;
                }
                if doc.surnames.contains(&surface) {
                    return false;
                }
                // A first name before a surname ("Volodymyr Zelensky").
                if l.first_names.contains(surface.as_str())
                    && ws.get(last + 1).is_some_and(|w| {
                        is_upper(&text[w.0..w.1]) && text.get(m.end..w.0) == Some(" ")
                    })
                {
                    return false;
                }
            }
            let before = prev.as_ref().is_some_and(|(_, p)| {
                l.before.contains(p.as_str()) || l.before_prefixes.iter().any(|x| p.starts_with(x))
            }) || gap_before.trim_end().ends_with('(');
            // A name that speaks or is spoken to is a person or a government ("Kyiv says",
            // "urged Kyiv to"); not one after a locative word ("Police in Kharkiv said").
            let mut j = last + 1;
            while j < ws.len() && l.speech_skip.contains(word_at(j).as_str()) {
                j += 1;
            }
            if j < ws.len()
                && !before
                && l.speech.contains(word_at(j).as_str())
                && !text
                    .get(m.end..ws[j].0)
                    .unwrap_or(",")
                    .contains([',', '(', ')', ';', ':', '—', '–'])
            {
                return false;
            }
            if let Some((_, p)) = &prev
                && gap_before == " "
                && l.addressed.contains(p.as_str())
            {
                return false;
            }
            // "a Kyiv-based asset manager": where an organisation sits.
            if ["-based", "-born", "-led", "-linked", "-headquartered"]
                .iter()
                .any(|x| text[m.end..].starts_with(x))
            {
                return false;
            }
            // The capital stands for the government ("security guarantees for Kyiv") unless
            // a locative word or the war happening there says it is the city.
            let capital = m
                .candidates
                .iter()
                .all(|&c| matches!(idx.places[c as usize].kind, Kind::Settlement(0)));
            if capital {
                let lower = text.to_lowercase();
                let event = lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| l.events.iter().any(|e| w.starts_with(e)));
                let after_word = next.as_deref().is_some_and(|n| l.after.contains(n));
                return before || after_word || event;
            }
            // Towns, oblasts, regions and rivers need no more; a village needs evidence.
            let big = m
                .candidates
                .iter()
                .any(|&c| !matches!(idx.places[c as usize].kind, Kind::Settlement(r) if r >= 3));
            if big {
                return true;
            }
            // A word after it, or a locator in brackets ("Zelene (northeast of Kharkiv)").
            // "the Oleksandrivka and Hulyaipole directions": the place word after a list.
            let after_list = (last + 1..ws.len().min(last + 5))
                .map(|j| (j, word_at(j)))
                .take_while(|(j, w)| {
                    matches!(w.as_str(), "and" | "or" | "та" | "і" | "й" | "и")
                        || is_upper(&text[ws[*j].0..ws[*j].1])
                        || l.after.contains(w.as_str())
                })
                .any(|(_, w)| l.after.contains(w.as_str()));
            let after = after_list
                || next.as_deref().is_some_and(|n| l.after.contains(n))
                || text[m.end..]
                    .trim_start()
                    .strip_prefix('(')
                    .is_some_and(|r| {
                        let r = r.trim_start().to_lowercase();
                        LOCATORS.iter().any(|c| r.starts_with(c))
                    });
            // In a list with another place: "Pishchane, Zahryzove and Kupiansk".
            let listed = spans.iter().any(|&(s, e)| {
                let gap = if e <= m.start {
                    &text[e..m.start]
                } else if s >= m.end {
                    &text[m.end..s]
                } else {
                    return false;
                };
                let g = gap.trim();
                g == ","
                    || matches!(
                        g.trim_start_matches(',').trim(),
                        "and" | "or" | "та" | "і" | "й" | "и" | "або" | "или"
                    )
            });
            // An inflected Cyrillic name after a preposition was already read above; an
            // inflected one elsewhere is evidence of a name in a sentence's grammar, not of a
            // place, so it counts only with the rest.
            // A Cyrillic name in an oblique case ("окупацію Іллінки") is one the sentence's
            // grammar treats as a noun of its own; people were ruled out above.
            let inflected = one_word
                && surface.as_bytes().first().is_some_and(|&b| b >= 0xd0)
                && surface != m.form;
            before || after || listed || inflected
        })
        .collect();
    mentions
        .into_iter()
        .zip(keep)
        .filter_map(|(m, k)| k.then_some(m))
        .collect()
}

/// Whether a sentence points back at the last place named ("in the area", "there", "там").
pub fn refers_back(lower: &str) -> bool {
    const PHRASES: &[&str] = &[
        "in the area",
        "in this area",
        "in that area",
        "in the vicinity",
        "near the settlement",
        "in the settlement",
        "in the town",
        "in the village",
        "в этом районе",
        "в том районе",
        "у цьому районі",
        "в цьому районі",
        "у тому районі",
        "в населенном пункте",
        "у населеному пункті",
    ];
    if PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // "there" as a place, not "there is", "there were".
    let ws: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    ws.iter().enumerate().any(|(i, w)| {
        (*w == "there"
            && i > 0
            && !matches!(
                ws.get(i + 1).copied(),
                Some(
                    "is" | "are"
                        | "was"
                        | "were"
                        | "have"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                        | "may"
                        | "might"
                        | "could"
                        | "can"
                        | "must"
                        | "should"
                        | "seems"
                        | "appears"
                        | "remains"
                        | "remain"
                        | "been"
                        | "be"
                )
            ))
            || *w == "там"
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::find;

    fn kept(text: &str) -> Vec<String> {
        let doc = DocNames::new(text);
        in_context(text, find(text), &doc)
            .iter()
            .map(|m| text[m.start..m.end].to_owned())
            .collect()
    }

    #[test]
    fn names_that_are_not_places() {
        for (text, not) in [
            (
                "Foreign Minister Sergei Lavrov said the talks had failed.",
                "Lavrov",
            ),
            ("Police in the capital detained three people.", "Police"),
            ("The talks in Berlin ended without a deal.", "Berlin"),
            ("Kyiv says it will never accept the demand.", "Kyiv"),
            ("Washington urged Kyiv to accept the plan.", "Kyiv"),
            ("Volodymyr Zelensky spoke to reporters.", "Volodymyr"),
            ("Українські військові відбили атаку.", "Українські"),
            ("Бои идут в Донецкой Народной Республике.", "Республике"),
        ] {
            let k = kept(text);
            assert!(!k.iter().any(|x| x == not), "{text}: {k:?}");
        }
    }

    #[test]
    fn places_with_evidence() {
        for (text, want) in [
            (
                "Russian forces attacked near Pishchane and Kupyansk.",
                "Pishchane",
            ),
            (
                "Fighting continued in Zelene (northeast of Kharkiv City).",
                "Zelene",
            ),
            ("Росіяни атакували поблизу Піщаного.", "Піщаного"),
            ("The strike hit Kharkiv overnight.", "Kharkiv"),
        ] {
            let k = kept(text);
            assert!(k.iter().any(|x| x == want), "{text}: {k:?}");
        }
    }

    #[test]
    fn pointing_back() {
        assert!(refers_back("fighting continues in the area."));
        assert!(refers_back("бої там тривають"));
        assert!(!refers_back("there were no casualties."));
    }
}
