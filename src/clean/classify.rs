//! The line classifier: finds the article's body region and gives every other line a reason.

use std::collections::HashSet;

use super::doc::{DocLine, Document};
use super::markup::visible;
use super::patterns::{
    CREDITS, END_MARKERS, EXACT, FIGURE_LABELS, NOTICES, PREFIX, REFERENCE_HEADINGS,
};
use super::{LineClass, LineKind};
use crate::model::Format;

/// Lines learned as furniture of an outlet: they recur across its articles.
#[derive(Clone, Debug, Default)]
pub struct Furniture {
    /// Lines seen in two or more of the outlet's stories.
    pub keys: HashSet<u64>,
    /// Lines seen in three or more: furniture even when they read like prose.
    pub strong: HashSet<u64>,
}

/// The key a line is compared by across articles (case and spacing ignored).
pub fn furniture_key(line: &str) -> u64 {
    let mut s = String::with_capacity(line.len());
    for w in line.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&w.to_lowercase());
    }
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

#[derive(Clone, Copy, Debug, Default)]
struct Feat {
    blank: bool,
    words: usize,
    caps: bool,
    pattern: Option<&'static str>,
    end_marker: bool,
    caption: bool,
    byline: bool,
    metadata: bool,
    truncated: bool,
    prose: bool,
    headline: bool,
    learned: bool,
    /// Recurs in three or more stories of the outlet.
    strong: bool,
    /// Looks like the header or controls of a reader comment.
    comment_marker: bool,
    /// A short sentence (four words or more, ending like a sentence) or a "Heading:" line.
    short_sentence: bool,
    /// A paragraph of reporting: footnoted, or long with several sentences. Never a caption,
    /// byline or teaser, whatever its last words look like.
    reporting: bool,
    /// A heading or an image by its format's own markup (Markdown `#`, `![]`, HTML `<h2>`).
    structural: bool,
    /// Carries footnote markers ("[12]").
    footnoted: bool,
    /// An endnote, a source line or a reference list (with the reason shown).
    reference: Option<&'static str>,
    /// A "References" / "Sources" / "Notes" heading.
    ref_heading: bool,
    /// Looks like one entry of a reference list: an endnote marker, a URL, a year.
    citation: bool,
}

fn exact() -> &'static std::collections::HashMap<&'static str, &'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| EXACT.iter().copied().collect())
}

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '.' | '!' | '|' | '›' | '»' | '→' | '-' | '–' | '—' | '>' | '•' | '·'
            )
    })
}

/// "Figure 2: ...", "Map 1 – ...": the caption of a figure, map or table.
fn is_figure_label(lower: &str) -> bool {
    FIGURE_LABELS.iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|rest| {
            let rest = rest.trim_start();
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0
                && rest[digits..]
                    .trim_start()
                    .starts_with([':', '.', '–', '-', '—', '|'])
        })
    })
}

/// A cookie, newsletter or subscription notice, by its topic and request words together.
fn notice(lower: &str) -> Option<&'static str> {
    let at_word_start = |w: &str| {
        lower.match_indices(w).any(|(i, _)| {
            lower[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    };
    NOTICES
        .iter()
        .find(|(topic, request, _)| {
            topic.iter().any(|w| at_word_start(w)) && request.iter().any(|w| at_word_start(w))
        })
        .map(|(_, _, r)| *r)
}

/// A relative time stamp: "12 minutes ago", "Updated 3 hours ago", "1 hr ago".
fn is_relative_time(lower: &str, words: usize) -> bool {
    words <= 6
        && (lower.ends_with(" ago") || lower.ends_with(" тому") || lower.ends_with(" назад"))
        && lower
            .split_whitespace()
            .any(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// A trailing "(Name/Agency)" or "[... via AP]" photo credit, or a "Photo: ..." line.
fn is_caption(t: &str, lower: &str) -> bool {
    if is_figure_label(lower) {
        return true;
    }
    let close = match t.chars().last() {
        Some(')') => '(',
        Some(']') => '[',
        _ => {
            let tail_start = lower.char_indices().rev().nth(70).map_or(0, |(i, _)| i);
            let tail = &lower[tail_start..];
            return lower.contains("(photo")
                || lower.contains("(фото")
                || INLINE_CREDITS.iter().any(|c| tail.contains(c));
        }
    };
    let Some(open) = t.rfind(close) else {
        return false;
    };
    let inner = t[open + 1..t.len() - 1].to_lowercase();
    if inner.len() > 90 || inner.is_empty() {
        return false;
    }
    inner.contains('/')
        || CREDITS.iter().any(|c| {
            inner
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| w == *c)
                || (c.len() > 4 && inner.contains(c))
        })
}

fn is_byline(t: &str, lower: &str, words: usize) -> bool {
    if !(2..=24).contains(&words) {
        return false;
    }
    let starts = [
        "by ",
        "автор:",
        "author:",
        "written by",
        "posted by",
        "words by",
        "автор ",
        "від ",
    ];
    if starts.iter().any(|s| lower.starts_with(s)) {
        // "By Name Surname": the next word is capitalised.
        return t
            .split_whitespace()
            .nth(1)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
            || lower.starts_with("автор");
    }
    (lower.starts_with("published")
        || lower.starts_with("updated")
        || lower.starts_with("posted")
        || lower.starts_with("originally published")
        || lower.starts_with("first published")
        || lower.starts_with("last updated")
        || lower.starts_with("опубліковано")
        || lower.starts_with("опубликовано"))
        && super::meta::parse_date_text(t).is_some()
        || (words <= 8
            && starts_like_date(t)
            && super::meta::parse_date_text(t).is_some()
            && !t.ends_with('.'))
}

/// The line opens with a date: a day number, a month or a weekday.
fn starts_like_date(t: &str) -> bool {
    let first = t
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    first.chars().all(|c| c.is_ascii_digit())
        || super::meta::month_from_word(first).is_some()
        || [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "понеділок",
            "вівторок",
            "середа",
            "четвер",
            "пʼятниця",
            "п'ятниця",
            "субота",
            "неділя",
            "понедельник",
            "вторник",
            "среда",
            "четверг",
            "пятница",
            "суббота",
            "воскресенье",
        ]
        .contains(&first.to_lowercase().as_str())
}

/// Credits that end captions without parentheses ("… REUTERS/Name", "AP Photo/Name").
const INLINE_CREDITS: &[&str] = &[
    "getty images",
    "reuters/",
    "ap photo",
    "afp via",
    "/afp",
    "/ap",
    "photo:",
    "фото:",
    "licensing rights",
    "epa-efe",
    "/epa",
    "/reuters",
    "photograph:",
    "image credit",
];

/// Whether the text holds a time of day like "8:03 pm" or "14:33".
fn has_clock(lower: &str) -> bool {
    let b = lower.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
    })
}

fn is_timestamp(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits) && b.get(digits) == Some(&b':') && t.split_whitespace().count() <= 5
}

fn is_reading_time(lower: &str) -> bool {
    let w: Vec<&str> = lower.split_whitespace().collect();
    w.len() <= 6
        && w.windows(3).any(|x| {
            x[0].chars().all(|c| c.is_ascii_digit())
                && x[1].starts_with("min")
                && x[2].starts_with("read")
        })
        || (w.len() <= 4
            && (lower.ends_with("min read")
                || lower.ends_with("хв читання")
                || lower.ends_with("мин чтения")))
}

/// Sentences in a line: sentence ends followed by a space or the end of the line.
fn sentence_count(t: &str) -> usize {
    let b = t.as_bytes();
    let mut n = 0;
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?')
            && b.get(i + 1)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'"')
        {
            // "U.S." and initials are not sentence ends: the word before has 3+ letters.
            let word = t[..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if word.chars().count() >= 3 || word.chars().all(|c| c.is_ascii_digit()) {
                n += 1;
            }
        }
    }
    n
}

/// Whether the text holds a year (1900–2099) as a word.
fn has_year(t: &str) -> bool {
    t.split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

fn features(text: &str, format: Format, furniture: &Furniture) -> Feat {
    let v = visible(text, format);
    let t: &str = v.text.trim();
    if t.is_empty() {
        if !text.trim().is_empty() {
            // Markup with nothing to read: an image (its hint says so), or links drawn as
            // icons only (share buttons, page controls).
            return Feat {
                words: 0,
                pattern: Some(if v.empty_links > 0 {
                    "links without text (share buttons or page controls)"
                } else {
                    "markup without text"
                }),
                ..Feat::default()
            };
        }
        return Feat {
            blank: true,
            ..Feat::default()
        };
    }
    let lower = t.to_lowercase();
    let words = t.split_whitespace().count();
    let sentences = sentence_count(t);
    let reporting =
        (v.footnotes > 0 && words >= 10) || (words >= 40 && sentences >= 2) || words >= 70;
    // Endnotes and source lines: an endnote marker at the start, or mostly bare URLs.
    let url_heavy = v.urls > 0 && v.url_chars * 2 >= t.len();
    let reference = if format == Format::Telegram {
        None
    } else if v.endnote_lead && !(reporting && v.urls == 0 && words >= 25) {
        Some("endnote")
    } else if url_heavy {
        Some("source link")
    } else if v.number_lead && v.urls > 0 {
        Some("endnote")
    } else {
        None
    };
    let ref_heading = words <= 4 && REFERENCE_HEADINGS.contains(&trim_punct(&lower));
    let citation = v.endnote_lead
        || v.urls > 0
        || (words <= 60 && has_year(t) && t.contains(','))
        || (v.number_lead && words <= 60);
    let last = t.chars().last().unwrap_or(' ');
    let ends_sentence = matches!(
        last,
        '.' | '!' | '?' | '"' | '”' | '»' | '\'' | '’' | ';' | ':' | ')'
    ) && !t.ends_with("...")
        || t.ends_with("?\"")
        || t.ends_with(".”");
    let truncated = t.ends_with('…') || (t.ends_with("...") && words > 12);
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let caps = letters.len() >= 10 && upper * 10 >= letters.len() * 9 && words >= 3;
    let tp = trim_punct(&lower);
    let mut pattern = if words <= 16 {
        exact().get(tp).copied()
    } else {
        None
    };
    // "Mail   Facebook   Twitter / X   LinkedIn": a row of share buttons, each word one.
    if pattern.is_none() && (2..=10).contains(&words) {
        let buttons: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | '·' | '•' | ','))
            .filter(|w| !w.is_empty())
            .collect();
        if buttons.len() >= 2
            && buttons
                .iter()
                .all(|w| *w == "x" || exact().get(trim_punct(w)) == Some(&"share buttons"))
        {
            pattern = Some("share buttons");
        }
    }
    if pattern.is_none() {
        pattern = PREFIX
            .iter()
            .find(|(p, _)| lower.starts_with(p))
            .map(|(_, r)| *r)
            // "Update: ..." heading a long paragraph of a live blog is reporting, not a teaser.
            .filter(|r| !(reporting && (v.footnotes > 0 || *r == "teaser for another story")));
    }
    if pattern.is_none() && is_timestamp(t) {
        pattern = Some("time stamp of a news feed item");
    }
    if pattern.is_none() && words <= 60 && v.footnotes == 0 {
        pattern = notice(&lower);
    }
    if pattern.is_none() && is_relative_time(&lower, words) {
        pattern = Some("time stamp");
    }
    if pattern.is_none() && is_reading_time(&lower) {
        pattern = Some("reading time");
    }
    // "73 Comments", "Comments (73)", "12 responses to …": a counted section heading.
    let counted_section = words <= 8
        && !t.ends_with('.')
        && t.chars().any(|c| c.is_ascii_digit())
        && lower.split(|c: char| !c.is_alphabetic()).any(|w| {
            matches!(
                w,
                "comment"
                    | "comments"
                    | "response"
                    | "responses"
                    | "reply"
                    | "replies"
                    | "thoughts"
                    | "коментарі"
                    | "коментарів"
                    | "комментарии"
                    | "комментариев"
            )
        });
    let end_marker = (words <= 6 && END_MARKERS.contains(&tp)) || counted_section;
    // A reader comment's header or controls: "Jane says:", "[Reply]", "Report abuse".
    // A short line with a clock time ("Dec 8th, 2009 at 8:03 pm") heads a comment or a feed item.
    let clock = (words <= 10
        || (words <= 16 && (lower.starts_with("posted by") || lower.contains(" | "))))
        && has_clock(&lower);
    let comment_marker = counted_section
        || clock
        || (words <= 14
            && (lower.ends_with(" says:")
                || lower.ends_with(" said:")
                || lower.ends_with(" wrote:")
                || lower.ends_with(" says") && words <= 6))
        || matches!(
            tp,
            "[reply]"
                | "reply"
                | "report abuse"
                | "reply ↓"
                | "permalink"
                | "like"
                | "відповісти"
                | "ответить"
        );
    let metadata = lower.starts_with("original article source")
        || (lower.starts_with("source:")
            || lower.starts_with("джерело:")
            || lower.starts_with("источник:"))
            && words <= 12;
    let caption = pattern.is_none() && !metadata && !reporting && is_caption(t, &lower);
    let byline = pattern.is_none() && !metadata && !reporting && is_byline(t, &lower, words);
    // A quotation an outlet's stories repeat is the same statement reported again, not
    // furniture (furniture speaks for the outlet; it does not quote anyone).
    let quotes = words >= 5 && t.contains(['"', '«', '»', '“', '”', '„']);
    let (learned, strong) = if furniture.keys.is_empty() || quotes {
        (false, false)
    } else {
        let key = furniture_key(t);
        let learned = furniture.keys.contains(&key);
        (learned, learned && furniture.strong.contains(&key))
    };
    let min_words = if format == Format::Telegram { 3 } else { 10 };
    let prose = reference.is_none()
        && pattern.is_none()
        && !caption
        && !metadata
        && !byline
        && !truncated
        && !caps
        && words >= min_words
        && (ends_sentence || words >= 25 || reporting)
        // Words, not lists of numbers, dates or links ("08/05 - 08/12 (3) 07/29 …").
        && t.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count() * 10 >= words * 6;
    let headline = pattern.is_none()
        && reference.is_none()
        && !ref_heading
        && !caption
        && !byline
        && !metadata
        && !truncated
        && (2..=25).contains(&words)
        && !matches!(
            t.trim_end_matches(['"', '”', '’', '»', '\'', ')'])
                .chars()
                .last(),
            Some('.' | ',' | ';' | '!')
        )
        && !t.starts_with(['"', '“', '«']);
    let short_sentence = pattern.is_none()
        && reference.is_none()
        && !ref_heading
        && !caption
        && !metadata
        && !byline
        && !caps
        && !truncated
        && !learned
        && ((words >= 4 && matches!(last, '.' | '!' | '?' | '"' | '”' | '»'))
            || (words <= 5 && last == ':'));
    Feat {
        comment_marker,
        strong,
        short_sentence,
        blank: false,
        words,
        caps,
        pattern,
        end_marker,
        caption,
        byline,
        metadata,
        truncated,
        prose,
        headline,
        learned,
        reporting,
        footnoted: v.footnotes > 0,
        structural: false,
        reference,
        ref_heading,
        citation,
    }
}

/// The body region: (first, last) line index, or `None` when nothing looks like prose.
fn body_region(f: &[Feat]) -> Option<(usize, usize)> {
    // Runs of prose separated by breaks: an end marker or four furniture lines in a row.
    #[derive(Clone, Copy)]
    struct Run {
        first: usize,
        last: usize,
        mass: usize,
        /// Paragraphs of reporting (footnoted, or long with several sentences).
        reporting: usize,
        /// Paragraphs with footnote markers: a report's sourced prose, never reader comments.
        footnoted: usize,
        ended_by_marker: bool,
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut cur: Option<Run> = None;
    let mut gap = 0usize;
    for (i, x) in f.iter().enumerate() {
        if x.end_marker {
            if let Some(mut r) = cur.take() {
                r.ended_by_marker = true;
                runs.push(r);
            } else if let Some(r) = runs.last_mut() {
                r.ended_by_marker = true;
            }
            gap = 0;
            continue;
        }
        if x.blank {
            continue;
        }
        if x.prose && !(x.learned && (x.words < 15 || x.strong)) {
            gap = 0;
            let r = cur.get_or_insert(Run {
                first: i,
                last: i,
                mass: 0,
                reporting: 0,
                footnoted: 0,
                ended_by_marker: false,
            });
            r.last = i;
            r.mass += x.words;
            r.reporting += usize::from(x.reporting);
            r.footnoted += usize::from(x.footnoted && x.reporting);
        } else {
            gap += 1;
            if gap >= 4
                && let Some(r) = cur.take()
            {
                runs.push(r);
            }
        }
    }
    if let Some(r) = cur.take() {
        runs.push(r);
    }
    if runs.is_empty() {
        // No paragraph long enough to be prose (a short note, a Telegram-style post): take
        // the short sentences.
        let short: Vec<usize> = (0..f.len())
            .filter(|&i| f[i].short_sentence && f[i].words >= 5)
            .collect();
        return Some((*short.first()?, *short.last()?));
    }
    // Reader comments are prose too: runs full of comment headers weigh little.
    for r in &mut runs {
        let markers = (r.first..=(r.last + 3).min(f.len() - 1))
            .filter(|&i| f[i].comment_marker)
            .count();
        if markers >= 2 {
            r.mass /= 4;
        }
    }
    // A section marker ("Comments", "Related") followed by more sourced reporting than came
    // before it is a heading inside a long report, not the end of the article. Reader comments
    // are long prose too, so the evidence is footnoted paragraphs.
    for k in 0..runs.len().saturating_sub(1) {
        let next = runs[k + 1];
        let comments = (next.first..=next.last)
            .filter(|&i| f[i].comment_marker)
            .count();
        if runs[k].ended_by_marker
            && next.mass >= runs[k].mass.max(250)
            && next.footnoted >= 3
            && comments < 2
        {
            runs[k].ended_by_marker = false;
        }
    }
    let mut best = (0..runs.len()).max_by_key(|&i| runs[i].mass)?;
    // The article comes before what follows it (comments, more stories): an earlier run with
    // a third of the mass wins.
    if let Some(earlier) =
        (0..best).find(|&i| runs[i].mass * 3 >= runs[best].mass && runs[i].mass >= 60)
    {
        best = earlier;
    }
    let (mut lo, mut hi) = (best, best);
    let min_mass = (runs[best].mass / 5).max(25);
    // Furniture lines between two runs (headings, maps, credits, bullets).
    let between = |a: &Run, b: &Run| (a.last + 1..b.first).filter(|&i| !f[i].blank).count();
    // A neighbouring section joins the body with mass, or, in a long document, with a
    // paragraph of reporting close by: a long report's short sections are still the report.
    // What separates two sections of one report: headings, images, captions and credits.
    let section_gap = |a: &Run, b: &Run| {
        (a.last + 1..b.first).all(|i| {
            let x = &f[i];
            x.blank
                || x.structural
                || x.caption
                || matches!(
                    x.pattern,
                    Some("photo credit" | "image credit" | "map credit")
                )
        })
    };
    let joins = |near: &Run, r: &Run, floor: usize| {
        let (a, b) = if near.first < r.first {
            (near, r)
        } else {
            (r, near)
        };
        r.mass >= floor
            || (runs[best].mass >= 400
                && r.mass >= 30
                && between(a, b) <= 12
                && (r.footnoted >= 1 || (r.reporting >= 2 && section_gap(a, b))))
    };
    while hi + 1 < runs.len()
        && !runs[hi].ended_by_marker
        && joins(&runs[hi], &runs[hi + 1], min_mass)
    {
        hi += 1;
    }
    while lo > 0
        && !runs[lo - 1].ended_by_marker
        && joins(&runs[lo], &runs[lo - 1], min_mass.max(40))
    {
        lo -= 1;
    }
    let (mut first, mut last) = (runs[lo].first, runs[hi].last);
    // Short sentences next to the body belong to it ("Key takeaways:", "Claims could not be
    // verified.").
    while let Some(j) = (0..first).rev().find(|&j| !f[j].blank) {
        if f[j].short_sentence && !f[j].end_marker {
            first = j;
        } else {
            break;
        }
    }
    while let Some(j) = (last + 1..f.len()).find(|&j| !f[j].blank) {
        if f[j].short_sentence && !f[j].end_marker {
            last = j;
        } else {
            break;
        }
    }
    Some((first, last))
}

/// Classify every line of a document.
pub fn classify(doc: &Document, furniture: &Furniture) -> Vec<LineClass> {
    let f: Vec<Feat> = doc
        .lines
        .iter()
        .map(|l| features(doc.line_text(l), doc.format, furniture))
        .collect();
    let mut f = f;
    for (x, l) in f.iter_mut().zip(&doc.lines) {
        x.structural = l.hints.heading > 0 || l.hints.image;
    }
    mark_author_lines(doc, &mut f);
    if doc.format != Format::Telegram {
        mark_reference_lists(doc, &mut f);
    }
    let mut out: Vec<LineClass> = vec![LineClass::keep(LineKind::Blank); f.len()];
    if doc.format == Format::Html && doc.lines.iter().any(|l| l.hints.extracted == Some(true)) {
        classify_extracted(doc, &f, &mut out);
        return out;
    }
    if doc.format == Format::Telegram {
        for (i, x) in f.iter().enumerate() {
            if !x.blank {
                out[i] = furniture_reason(x).map_or(LineClass::keep(LineKind::Body), |(k, r)| {
                    LineClass::drop(k, r)
                });
            }
        }
        return out;
    }
    let hinted: Vec<Option<LineClass>> = doc
        .lines
        .iter()
        .zip(&f)
        .map(|(l, x)| from_hints(l, x))
        .collect();
    let region = body_region(&f);
    let (start, end) = region.unwrap_or((f.len(), f.len()));
    // Before the body: title, byline, captions, furniture.
    let first_byline = (0..start).find(|&i| f[i].byline);
    let title_idx = hinted
        .iter()
        .take(start)
        .position(|h| h.as_ref().is_some_and(|c| c.kind == LineKind::Title))
        .or_else(|| {
            let before = first_byline.unwrap_or(start);
            // "Format: Situation Report": a short "Label: value" field of the page, not a title.
            let field = |i: usize| {
                let t = doc.line_text(&doc.lines[i]).trim();
                f[i].words <= 4
                    && t.split_once(": ")
                        .is_some_and(|(label, _)| !label.contains(char::is_whitespace))
            };
            (0..before).rev().find(|&i| {
                f[i].headline && !f[i].learned && !f[i].end_marker && f[i].words >= 3 && !field(i)
            })
        });
    let mut section: Option<String> = None;
    for i in 0..f.len() {
        let x = &f[i];
        if x.blank {
            continue;
        }
        if let Some(r) = x.reference {
            out[i] = LineClass::drop(LineKind::Reference, r);
            continue;
        }
        if let Some(h) = &hinted[i]
            && (h.kind != LineKind::Title || Some(i) == title_idx)
        {
            out[i] = h.clone();
            continue;
        }
        if i < start {
            out[i] = if Some(i) == title_idx {
                LineClass::keep(LineKind::Title)
            } else if let Some((k, r)) = furniture_reason(x) {
                LineClass::drop(k, r)
            } else {
                LineClass::drop(
                    LineKind::Boilerplate,
                    "before the article starts (navigation or promotion)",
                )
            };
            continue;
        }
        if i > end {
            if x.end_marker {
                section = Some(
                    doc.line_text(&doc.lines[i])
                        .trim()
                        .trim_end_matches(':')
                        .to_owned(),
                );
            }
            out[i] = if let Some((k, r)) = furniture_reason(x) {
                LineClass::drop(k, r)
            } else if let Some(s) = &section {
                LineClass::drop(
                    LineKind::Boilerplate,
                    format!("in the “{s}” section after the article"),
                )
            } else if x.truncated
                || (x.headline && f.get(next_nonblank(&f, i)).is_some_and(|n| n.truncated))
            {
                LineClass::drop(LineKind::Boilerplate, "teaser for another story")
            } else {
                LineClass::drop(LineKind::Boilerplate, "after the end of the article")
            };
            continue;
        }
        // Inside the body region.
        out[i] = if x.prose && !(x.learned && (x.words < 15 || x.strong)) {
            LineClass::keep(LineKind::Body)
        } else if let Some((k, r)) = furniture_reason(x) {
            LineClass::drop(k, r)
        } else if x.truncated
            || (x.headline && f.get(next_nonblank(&f, i)).is_some_and(|n| n.truncated))
        {
            LineClass::drop(LineKind::Boilerplate, "teaser for another story")
        } else if x.headline && f.get(next_nonblank(&f, i)).is_some_and(|n| n.caption) {
            LineClass::drop(LineKind::Caption, "photo description")
        } else if x.headline && x.words <= 14 && !x.caps {
            LineClass::keep(LineKind::Subhead)
        } else {
            LineClass::keep(LineKind::Body)
        };
    }
    // A paragraph printed twice (pull quotes, print views): keep the first.
    let mut seen = std::collections::HashSet::new();
    for (i, l) in doc.lines.iter().enumerate() {
        if out[i].kind == LineKind::Body
            && f[i].words >= 8
            && !seen.insert(xxhash_rust::xxh3::xxh3_64(
                doc.line_text(l).trim().as_bytes(),
            ))
        {
            out[i] = LineClass::drop(
                LineKind::Boilerplate,
                "repeats an earlier paragraph (pull quote)",
            );
        }
    }
    // A standfirst: the first body line right after the title, followed by furniture.
    if let Some(t) = title_idx
        && start < f.len()
        && next_nonblank(&f, t) == start
        && f[start].words <= 45
        && !f.get(next_nonblank(&f, start)).is_some_and(|n| n.prose)
    {
        out[start] = LineClass::keep(LineKind::Dek);
    }
    out
}

/// A line of names ("Jane Roe, Ann Poe and John Doe") next to a date line is a byline.
fn mark_author_lines(doc: &Document, f: &mut [Feat]) {
    let is_names = |t: &str| {
        let t = t.trim();
        let words: Vec<&str> = t.split_whitespace().collect();
        (2..=14).contains(&words.len())
            && !t.ends_with(['.', ':', '?', '!'])
            && !t.chars().any(|c| c.is_ascii_digit())
            && words.iter().all(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphabetic());
                w.is_empty()
                    || w.chars().next().is_some_and(char::is_uppercase)
                    || ["and", "і", "и", "та", "de", "von", "van"].contains(&w)
            })
    };
    // "Jane Roe, Ann Poe and John Doe": a list of three or more full names is an authors line.
    let is_author_list = |t: &str| {
        let t = t.trim();
        if !is_names(t) || !t.contains(',') || !(t.contains(" and ") || t.contains(" & ")) {
            return false;
        }
        t.split([',', '&'])
            .flat_map(|p| p.split(" and "))
            .map(|p| p.split_whitespace().count())
            .filter(|&n| n > 0)
            .all(|n| (2..=4).contains(&n))
    };
    for (fi, line) in f.iter_mut().zip(&doc.lines) {
        if fi.blank || fi.byline || fi.pattern.is_some() || fi.prose {
            continue;
        }
        if is_author_list(doc.line_text(line)) {
            fi.byline = true;
            fi.headline = false;
        }
    }
    for i in 0..f.len() {
        if !f[i].byline {
            continue;
        }
        let prev = (0..i).rev().find(|&j| !f[j].blank);
        let next = (i + 1..f.len()).find(|&j| !f[j].blank);
        for j in [prev, next].into_iter().flatten() {
            if !f[j].byline
                && f[j].pattern.is_none()
                && is_names(doc.line_text(&doc.lines[j]))
                && doc.line_text(&doc.lines[j]).contains([',', ' '])
            {
                // Only with a comma or "and": a single name could be a headline.
                let t = doc.line_text(&doc.lines[j]);
                if t.contains(',') || t.contains(" and ") || t.contains(" і ") || t.contains(" и ")
                {
                    f[j].byline = true;
                    f[j].headline = false;
                }
            }
        }
    }
}

/// A "References" / "Sources" / "Notes" heading followed by entries that look like citations
/// opens a reference list: it runs while lines look like entries (or are short), up to the
/// next heading or section marker.
fn mark_reference_lists(doc: &Document, f: &mut [Feat]) {
    let mut i = 0;
    while i < f.len() {
        if !f[i].ref_heading || !f.get(next_nonblank(f, i)).is_some_and(|n| n.citation) {
            i += 1;
            continue;
        }
        set_reference(&mut f[i], "reference list");
        let mut j = i + 1;
        while j < f.len() {
            let x = &f[j];
            if x.blank {
                j += 1;
                continue;
            }
            let heading = doc.lines[j].hints.heading > 0 || x.end_marker || x.ref_heading;
            if heading || !(x.citation || (x.words <= 25 && x.pattern.is_none())) {
                break;
            }
            if x.reference.is_none() {
                set_reference(&mut f[j], "reference list");
            }
            j += 1;
        }
        i = j;
    }
    for (x, l) in f.iter_mut().zip(&doc.lines) {
        if l.hints.front_matter {
            x.reference = None;
        } else if let Some(r) = x.reference {
            set_reference(x, r);
        }
    }
}

/// Make a line a reference: never prose, a headline or a short sentence of the body.
fn set_reference(x: &mut Feat, reason: &'static str) {
    x.reference = Some(reason);
    x.prose = false;
    x.headline = false;
    x.short_sentence = false;
    x.caption = false;
    x.byline = false;
}

fn next_nonblank(f: &[Feat], i: usize) -> usize {
    (i + 1..f.len()).find(|&j| !f[j].blank).unwrap_or(f.len())
}

/// The kind and reason of a line that is furniture by its own look, if it is.
fn furniture_reason(x: &Feat) -> Option<(LineKind, String)> {
    if let Some(r) = x.pattern {
        return Some((LineKind::Boilerplate, r.to_owned()));
    }
    if x.metadata {
        return Some((
            LineKind::Metadata,
            "source line, read into the metadata".to_owned(),
        ));
    }
    if x.byline {
        return Some((LineKind::Byline, "read into the metadata".to_owned()));
    }
    if x.caption {
        return Some((LineKind::Caption, "photo caption".to_owned()));
    }
    if x.learned {
        return Some((
            LineKind::Boilerplate,
            "repeated in other articles from this outlet".to_owned(),
        ));
    }
    if x.comment_marker {
        return Some((LineKind::Boilerplate, "reader comments".to_owned()));
    }
    if x.caps {
        return Some((
            LineKind::Boilerplate,
            "headline of another story, in capitals".to_owned(),
        ));
    }
    if x.end_marker {
        return Some((
            LineKind::Boilerplate,
            "heading of a section after the article".to_owned(),
        ));
    }
    None
}

/// Classes that format hints decide on their own (Markdown front matter, images, headings).
fn from_hints(l: &DocLine, x: &Feat) -> Option<LineClass> {
    let h = &l.hints;
    if h.front_matter {
        return Some(LineClass::drop(
            LineKind::Metadata,
            "front matter (read into the metadata)",
        ));
    }
    if h.image {
        return Some(LineClass::drop(LineKind::Caption, "image"));
    }
    if h.heading == 1 {
        return Some(LineClass::keep(LineKind::Title));
    }
    if h.nav {
        return Some(LineClass::drop(LineKind::Boilerplate, "navigation"));
    }
    if h.list_item && h.link_percent > 60 {
        return Some(LineClass::drop(LineKind::Boilerplate, "list of links"));
    }
    if h.link_percent > 80 && !x.prose {
        return Some(LineClass::drop(LineKind::Boilerplate, "link"));
    }
    None
}

/// HTML whose readability extraction succeeded: extracted lines are the article.
fn classify_extracted(doc: &Document, f: &[Feat], out: &mut [LineClass]) {
    let mut title_done = false;
    for (i, l) in doc.lines.iter().enumerate() {
        let x = &f[i];
        let h = &l.hints;
        if x.blank {
            continue;
        }
        if let Some(r) = x.reference {
            out[i] = LineClass::drop(LineKind::Reference, r);
            continue;
        }
        if h.heading == 1 && !title_done {
            title_done = true;
            out[i] = LineClass::keep(LineKind::Title);
            continue;
        }
        if h.extracted == Some(true) {
            out[i] = if h.caption || x.caption {
                LineClass::drop(LineKind::Caption, "photo caption")
            } else if let Some(r) = x.pattern.filter(|_| !x.prose) {
                LineClass::drop(LineKind::Boilerplate, r)
            } else if x.byline {
                LineClass::drop(LineKind::Byline, "read into the metadata")
            } else if h.heading > 0 {
                LineClass::keep(LineKind::Subhead)
            } else {
                LineClass::keep(LineKind::Body)
            };
            continue;
        }
        let reason = if let Some((_, r)) = furniture_reason(x) {
            r
        } else if h.comments {
            "reader comments".to_owned()
        } else if h.nav {
            "navigation".to_owned()
        } else if h.header {
            "page header".to_owned()
        } else if h.footer {
            "page footer".to_owned()
        } else if h.aside {
            "sidebar".to_owned()
        } else if h.caption {
            "photo caption".to_owned()
        } else if h.form {
            "form".to_owned()
        } else if h.link_percent > 60 {
            "link to another page".to_owned()
        } else if h.furniture_class {
            "page furniture (sharing, related stories, promotion)".to_owned()
        } else {
            "outside the article text".to_owned()
        };
        let kind = if x.byline {
            LineKind::Byline
        } else if h.caption || x.caption {
            LineKind::Caption
        } else {
            LineKind::Boilerplate
        };
        out[i] = LineClass::drop(kind, reason);
    }
}
