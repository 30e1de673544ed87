//! Sentence splitting that survives news prose: abbreviations, initials, quotations, Cyrillic.

const ABBREV: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "gen", "lt", "col", "maj", "sgt", "capt", "cmdr", "adm", "brig", "mr", "mrs", "ms",
    "dr", "st", "vs", "inc", "corp", "jr", "sr", "gov", "sen", "rep", "rev", "prof", "approx",
    "est", "fig", "vol", "pp", "ca", "cf", "al", "mt", "ft", "pvt", "cpl", "u.s", "u.k", "d.c",
    "e.g", "i.e", "a.m", "p.m", "u.n", "e.u", "г", "ул", "им", "т.е", "т.д", "т.п", "ст", "с",
    "пгт", "смт", "обл", "р", "див", "тис", "млн", "млрд", "км", "напр", "etc",
];

fn prev_word(text: &str, dot: usize) -> &str {
    let before = &text[..dot];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '«' | '['))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

fn is_abbreviation(word: &str) -> bool {
    let w = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if w.is_empty() {
        return false;
    }
    // Single letters are initials ("V. Putin", "J.").
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true;
    }
    ABBREV.contains(&w.as_str()) || (w.contains('.') && w.len() <= 6)
}

const CLOSERS: &[char] = &['"', '”', '’', '»', ')', ']', '\''];

/// Byte ranges of the sentences of one paragraph, trimmed.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of terminators and closing quotes.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '?' | '…') || CLOSERS.contains(&chars[j].1))
            {
                j += 1;
            }
            // An endnote marker glued to the full stop ("….[[30]](https://…)", "….[4]") ends
            // the sentence with it.
            let note_end = footnote_after(&chars, j);
            let glued_note = note_end > j;
            j = note_end;
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            let next_is_space = chars.get(j).is_none_or(|x| x.1.is_whitespace());
            // The next word must look like a sentence start.
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next = chars.get(k).map(|x| x.1);
            let starts = next.is_none_or(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '«' | '‘' | '(' | '[' | '—' | '-')
            });
            let abbrev =
                c == '.' && j == i + 1 && !glued_note && is_abbreviation(prev_word(text, pos));
            // A comma-ended quotation continues the sentence: "…," he said.
            if next_is_space && starts && !abbrev {
                push(text, start, end, &mut out);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

/// Where an endnote marker starting at `chars[j]` ends: a run without spaces that opens with
/// "[" and a digit, or "[[" and a digit (Markdown footnote links, "[12]", "[[3]](url)"), and
/// closes with "]" or ")". Returns `j` when there is none.
fn footnote_after(chars: &[(usize, char)], j: usize) -> usize {
    let at = |k: usize| chars.get(k).map(|x| x.1);
    if at(j) != Some('[') {
        return j;
    }
    let first = if at(j + 1) == Some('[') { j + 2 } else { j + 1 };
    if !at(first).is_some_and(|c| c.is_ascii_digit()) {
        return j;
    }
    let mut k = j;
    while k < chars.len() && !chars[k].1.is_whitespace() {
        k += 1;
    }
    if matches!(at(k - 1), Some(']' | ')')) {
        k
    } else {
        j
    }
}

fn push(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let seg = &text[s..e];
    let lead = seg.len() - seg.trim_start().len();
    let trail = seg.len() - seg.trim_end().len();
    if seg.trim().is_empty() {
        return;
    }
    out.push((s + lead, e - trail));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentence_spans(t)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect()
    }

    #[test]
    fn endnote_markers_end_their_sentence() {
        assert_eq!(
            split(
                "Forces struck a train.[[95]](https://example.org/a#_edn95) ISW continues to assess that strikes go on.[3] They did."
            ),
            [
                "Forces struck a train.[[95]](https://example.org/a#_edn95)",
                "ISW continues to assess that strikes go on.[3]",
                "They did."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Trehubov said on Jan. 24 that the U.S. and U.K. agreed. Then Gen. Smith left."),
            [
                "Trehubov said on Jan. 24 that the U.S. and U.K. agreed.",
                "Then Gen. Smith left."
            ]
        );
        assert_eq!(
            split("He blew up the No. 3 mine. It was Lt. Col. Ivanov."),
            ["He blew up the No. 3 mine.", "It was Lt. Col. Ivanov."]
        );
        assert_eq!(
            split("According to the D.C.-based think tank, bloggers spoke."),
            ["According to the D.C.-based think tank, bloggers spoke."]
        );
    }

    #[test]
    fn quotations() {
        assert_eq!(
            split("\"So far, these attacks were repelled. They attack the town,\" Trehubov said."),
            [
                "\"So far, these attacks were repelled.",
                "They attack the town,\" Trehubov said."
            ]
        );
        assert_eq!(
            split("“They’re giving up,” Trehubov stated. “Some surrendered.”"),
            [
                "“They’re giving up,” Trehubov stated.",
                "“Some surrendered.”"
            ]
        );
    }

    #[test]
    fn cyrillic() {
        assert_eq!(
            split("Бои идут у с. Пищаное. Об этом сообщил В. Трегубов 24 января."),
            [
                "Бои идут у с. Пищаное.",
                "Об этом сообщил В. Трегубов 24 января."
            ]
        );
    }
}
