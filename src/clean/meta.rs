//! Metadata read from an article's own lines: title, byline author and date, outlet; and the
//! date parser shared with claim dating.

use chrono::{NaiveDate, NaiveTime};

use super::{Document, LineClass, LineKind};
use crate::model::{Meta, PartialDate};

/// Month number for an English, Ukrainian or Russian month name or abbreviation.
pub fn month_from_word(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    // Month names are 3 to 11 letters; reject everything else before allocating.
    let n = w.chars().count();
    if !(2..=11).contains(&n) || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    let w = w.to_lowercase();
    const EN: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const UK: [&str; 12] = [
        "січ",
        "лют",
        "берез",
        "квіт",
        "трав",
        "черв",
        "лип",
        "серп",
        "верес",
        "жовт",
        "листопад",
        "груд",
    ];
    const RU: [&str; 12] = [
        "январ",
        "феврал",
        "март",
        "апрел",
        "ма",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
    ];
    for (i, m) in EN.iter().enumerate() {
        if w == *m || (w.len() >= 3 && m.starts_with(w.as_str())) || (w == "sept" && i == 8) {
            return Some(i as u32 + 1);
        }
    }
    if !w
        .chars()
        .next()
        .is_some_and(|c| ('а'..='я').contains(&c) || "іїєґ".contains(c))
    {
        return None;
    }
    for (i, m) in UK.iter().enumerate() {
        if w.starts_with(m) && w.chars().count() <= m.chars().count() + 3 {
            return Some(i as u32 + 1);
        }
    }
    for (i, m) in RU.iter().enumerate() {
        let ok = if *m == "ма" {
            w == "мая" || w == "май"
        } else {
            w.starts_with(m) && w.chars().count() <= m.chars().count() + 2
        };
        if ok {
            return Some(i as u32 + 1);
        }
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    Num(u32, usize),
    Word(&'a str),
    Colon,
    Dot,
    Dash,
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            let digits = &s[i..end];
            if digits.len() <= 4 {
                out.push(Tok::Num(digits.parse().unwrap_or(0), digits.len()));
            } else {
                out.push(Tok::Word(digits));
            }
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Word(&s[i..end]));
        } else if c == ':' {
            out.push(Tok::Colon);
        } else if c == '.' {
            out.push(Tok::Dot);
        } else if c == '-' {
            out.push(Tok::Dash);
        }
    }
    out
}

fn time_at(t: &[Tok<'_>], i: usize) -> Option<NaiveTime> {
    let (Some(Tok::Num(h, _)), Some(Tok::Colon), Some(Tok::Num(m, 2))) =
        (t.get(i), t.get(i + 1), t.get(i + 2))
    else {
        return None;
    };
    let mut h = *h;
    match t.get(i + 3) {
        Some(Tok::Word(w)) if w.eq_ignore_ascii_case("pm") && h < 12 => h += 12,
        Some(Tok::Word(w)) if w.eq_ignore_ascii_case("am") && h == 12 => h = 0,
        _ => {}
    }
    NaiveTime::from_hms_opt(h, *m, 0)
}

fn with_time(d: NaiveDate, t: &[Tok<'_>], i: usize) -> PartialDate {
    // A time may follow directly, or after "at" / a comma-less word like "T".
    for j in [i, i + 1] {
        if let Some(tm) = time_at(t, j) {
            return PartialDate::minute(d, tm);
        }
    }
    PartialDate::Day(d)
}

/// The first full date (with year) in a piece of text, with its time when one follows.
pub fn parse_date_text(s: &str) -> Option<PartialDate> {
    let t = tokens(s);
    for i in 0..t.len() {
        match (
            t.get(i),
            t.get(i + 1),
            t.get(i + 2),
            t.get(i + 3),
            t.get(i + 4),
        ) {
            // 2025-01-24[T14:33]
            (
                Some(Tok::Num(y, 4)),
                Some(Tok::Dash),
                Some(Tok::Num(m, _)),
                Some(Tok::Dash),
                Some(Tok::Num(d, _)),
            ) => {
                if let Some(date) = NaiveDate::from_ymd_opt(*y as i32, *m, *d) {
                    let j = i + 5;
                    // ISO "T14": the T is glued to the hour; tokens() splits "T" as a word only if separate.
                    return Some(with_time(date, &t, j));
                }
            }
            // 24.01.2025
            (
                Some(Tok::Num(d, 1..=2)),
                Some(Tok::Dot),
                Some(Tok::Num(m, 1..=2)),
                Some(Tok::Dot),
                Some(Tok::Num(y, 4)),
            ) => {
                if let Some(date) = NaiveDate::from_ymd_opt(*y as i32, *m, *d) {
                    return Some(with_time(date, &t, i + 5));
                }
            }
            _ => {}
        }
        // Month D[,] YYYY  /  Mon. D, YYYY
        if let Some(Tok::Word(w)) = t.get(i)
            && let Some(m) = month_from_word(w)
        {
            let mut j = i + 1;
            if t.get(j) == Some(&Tok::Dot) {
                j += 1;
            }
            if let (Some(Tok::Num(d, 1..=2)), Some(Tok::Num(y, 4))) = (t.get(j), t.get(j + 1))
                && let Some(date) = NaiveDate::from_ymd_opt(*y as i32, m, *d)
            {
                return Some(with_time(date, &t, j + 2));
            }
        }
        // D Month YYYY
        if let (Some(Tok::Num(d, 1..=2)), Some(Tok::Word(w))) = (t.get(i), t.get(i + 1))
            && let Some(m) = month_from_word(w)
        {
            let mut j = i + 2;
            if t.get(j) == Some(&Tok::Dot) {
                j += 1;
            }
            if let Some(Tok::Num(y, 4)) = t.get(j)
                && let Some(date) = NaiveDate::from_ymd_opt(*y as i32, m, *d)
            {
                let mut k = j + 1;
                while matches!(t.get(k), Some(Tok::Word(w)) if w.chars().count() <= 4 && time_at(&t, k).is_none())
                    || t.get(k) == Some(&Tok::Dot)
                {
                    k += 1;
                    if k > j + 4 {
                        break;
                    }
                }
                return Some(with_time(date, &t, k));
            }
        }
    }
    None
}

/// The publication date a URL's path gives: `/2026/02/23/`, `/2026/2/20/`, `/2026/feb/20/`,
/// `-2026-02-23` in a slug, `/20260223/`. The host is not read (a domain may hold digits).
pub fn date_in_url(url: &str) -> Option<PartialDate> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let parts: Vec<&str> = path
        .split(['/', '-', '_', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let day_of = |y: &str, m: &str, d: &str| -> Option<NaiveDate> {
        if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() {
            return None;
        }
        let y: i32 = y.parse().ok()?;
        let m: u32 = if m.len() <= 2 {
            m.parse().ok()?
        } else {
            month_from_word(m)?
        };
        let d: u32 = d.parse().ok()?;
        (1990..=2100)
            .contains(&y)
            .then(|| NaiveDate::from_ymd_opt(y, m, d))
            .flatten()
    };
    for w in parts.windows(3) {
        if let Some(d) = day_of(w[0], w[1], w[2]) {
            return Some(PartialDate::Day(d));
        }
    }
    parts.iter().find_map(|p| {
        (p.len() == 8 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| day_of(&p[..4], &p[4..6], &p[6..]))
            .flatten()
            .map(PartialDate::Day)
    })
}

/// The author part of a byline: "by Kateryna Hodunova January 24, 2025" → "Kateryna Hodunova".
fn byline_author(line: &str) -> Option<String> {
    let t = line.trim();
    let lower = t.to_lowercase();
    let rest = [
        "written by ",
        "posted by ",
        "words by ",
        "by ",
        "author: ",
        "автор: ",
        "автор ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))?;
    let mut words = Vec::new();
    for w in rest.split_whitespace() {
        let bare =
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-');
        if bare.is_empty()
            || bare.chars().next().is_some_and(|c| c.is_ascii_digit())
            || month_from_word(bare).is_some()
        {
            break;
        }
        let lw = bare.to_lowercase();
        if ["and", "і", "и", "та"].contains(&lw.as_str()) {
            words.push(bare.to_owned());
            continue;
        }
        if !bare.chars().next().is_some_and(char::is_uppercase)
            || ["updated", "published", "posted"].contains(&lw.as_str())
        {
            break;
        }
        words.push(bare.to_owned());
        if w.ends_with(',') || w.ends_with('|') {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| ["and", "і", "и", "та"].contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    (!words.is_empty() && words.len() <= 8).then(|| words.join(" "))
}

/// Metadata found in the article's lines. Nothing is guessed: absent stays absent.
pub fn detect_meta(doc: &Document, classes: &[LineClass]) -> Meta {
    let mut m = Meta::default();
    let text = |i: usize| doc.line_text(&doc.lines[i]).trim();
    for (i, c) in classes.iter().enumerate() {
        match c.kind {
            LineKind::Title if m.title.is_none() => {
                m.title = Some(
                    text(i)
                        .trim_start_matches('#')
                        .trim()
                        .trim_matches(['*', '_'])
                        .trim()
                        .to_owned(),
                )
            }
            LineKind::Byline => {
                if m.author.is_none() {
                    m.author = byline_author(text(i));
                }
                if m.published.is_none() {
                    m.published = parse_date_text(text(i));
                }
            }
            LineKind::Metadata => {
                let t = text(i);
                let lower = t.to_lowercase();
                if let Some(rest) = lower.strip_prefix("original article source") {
                    let title = t[t.len() - rest.len()..]
                        .trim_start_matches([':', ' '])
                        .trim();
                    if m.title.is_none() && !title.is_empty() {
                        m.title = Some(title.to_owned());
                    }
                }
                if m.url.is_none() {
                    m.url = t
                        .split_whitespace()
                        .find(|w| w.starts_with("http://") || w.starts_with("https://"))
                        .map(str::to_owned);
                }
            }
            _ => {}
        }
    }
    // A report dated in its title ("… Assessment, March 14, 2025") when nothing else dates it.
    if m.published.is_none()
        && let Some(t) = &m.title
    {
        m.published = parse_date_text(t)
            .and_then(|d| d.day())
            .map(PartialDate::Day);
    }
    // The outlet names itself in its furniture (promotions, app prompts, source lines, desk names).
    for (i, c) in classes.iter().enumerate() {
        if !c.kind.kept()
            && c.kind != LineKind::Blank
            && c.kind != LineKind::Caption
            && let Some(o) = crate::outlets::find_in(text(i))
        {
            m.outlet = Some(o.to_owned());
            break;
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date_text(s).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_many_forms() {
        assert_eq!(
            d("by Kateryna Hodunova January 24, 2025 2:33 PM 2 min read").as_deref(),
            Some("2025-01-24T14:33")
        );
        assert_eq!(d("Jan. 7, 2025").as_deref(), Some("2025-01-07"));
        assert_eq!(d("Published 19 July 2012").as_deref(), Some("2012-07-19"));
        assert_eq!(
            d("2025-12-25T10:15:00+02:00").as_deref(),
            Some("2025-12-25T10:15")
        );
        assert_eq!(
            d("24 січня 2025, 14:33").as_deref(),
            Some("2025-01-24T14:33")
        );
        assert_eq!(
            d("24 января 2025 г. 09:05").as_deref(),
            Some("2025-01-24T09:05")
        );
        assert_eq!(d("24.01.2025 12:00").as_deref(), Some("2025-01-24T12:00"));
        assert_eq!(d("Sept. 3, 2024").as_deref(), Some("2024-09-03"));
        assert_eq!(d("on Monday"), None);
        assert_eq!(d("December 24"), None, "no year is never invented");
        assert_eq!(d("May 2025 was hot"), None);
    }

    #[test]
    fn dates_in_url_paths() {
        for (url, want) in [
            (
                "https://www.aljazeera.com/news/2026/2/10/in-ukraine-deaths",
                Some("2026-02-10"),
            ),
            (
                "https://www.theguardian.com/world/ng-interactive/2026/feb/20/a-war",
                Some("2026-02-20"),
            ),
            (
                "https://reuters.com/world/europe/power-drought-2026-02-23",
                Some("2026-02-23"),
            ),
            (
                "https://example.org/news/20250311/story",
                Some("2025-03-11"),
            ),
            (
                "https://www.rbc.ua/rus/news/dobu-bilshe-160-1731566073.html",
                None,
            ),
            ("https://2026.example.org/12/31", None),
            ("https://x.org/2025/13/40/x", None),
        ] {
            assert_eq!(
                date_in_url(url).and_then(|d| d.contract()).as_deref(),
                want,
                "{url}"
            );
        }
    }

    #[test]
    fn months() {
        assert_eq!(month_from_word("Dec."), Some(12));
        assert_eq!(month_from_word("листопада"), Some(11));
        assert_eq!(month_from_word("мая"), Some(5));
        assert_eq!(month_from_word("марта"), Some(3));
        assert_eq!(month_from_word("березня"), Some(3));
        assert_eq!(month_from_word("Mar"), Some(3));
        assert_eq!(month_from_word("man"), None);
        assert_eq!(month_from_word("ma"), None);
    }

    #[test]
    fn byline_authors() {
        assert_eq!(
            byline_author("by Kateryna Hodunova January 24, 2025 2:33 PM").as_deref(),
            Some("Kateryna Hodunova")
        );
        assert_eq!(
            byline_author("By Morgen Peck").as_deref(),
            Some("Morgen Peck")
        );
        assert_eq!(
            byline_author("By Jane Doe and John Roe, Reuters").as_deref(),
            Some("Jane Doe and John Roe")
        );
    }
}
