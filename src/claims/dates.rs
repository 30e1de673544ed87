//! Dates in claims ("on Jan. 24", "on Monday", "December 24", "last October"), resolved against
//! the article's date. Without an article date the month and day are kept and no year invented.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::clean::month_from_word;
use crate::model::PartialDate;

/// A date expression found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DateFound {
    pub start: usize,
    pub text: String,
    pub date: Option<PartialDate>,
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w.to_lowercase().as_str() {
        "monday" | "понеділок" | "понедельник" => Weekday::Mon,
        "tuesday" | "вівторок" | "вторник" => Weekday::Tue,
        "wednesday" | "середу" | "середа" | "среду" | "среда" => Weekday::Wed,
        "thursday" | "четвер" | "четверг" => Weekday::Thu,
        "friday" | "п'ятницю" | "п’ятницю" | "пятницу" | "пятница" | "п'ятниця" => {
            Weekday::Fri
        }
        "saturday" | "суботу" | "субота" | "субботу" | "суббота" => {
            Weekday::Sat
        }
        "sunday" | "неділю" | "неділя" | "воскресенье" => Weekday::Sun,
        _ => return None,
    })
}

/// Resolve month/day against the article date: the latest such date not after the article
/// (allowing two days of slack for time zones).
fn resolve_md(month: u32, day: u32, article: Option<NaiveDate>) -> Option<PartialDate> {
    NaiveDate::from_ymd_opt(2000, month, day)?;
    let Some(a) = article else {
        return Some(PartialDate::MonthDay { month, day });
    };
    let this = NaiveDate::from_ymd_opt(a.year(), month, day);
    match this {
        Some(d) if d <= a + Duration::days(2) => Some(PartialDate::Day(d)),
        _ => NaiveDate::from_ymd_opt(a.year() - 1, month, day).map(PartialDate::Day),
    }
}

struct W<'a> {
    start: usize,
    text: &'a str,
}

fn words(s: &str) -> Vec<W<'_>> {
    let mut out = Vec::new();
    let mut st: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let wc = c.is_alphanumeric() || c == '\'' || c == '’';
        match (wc, st) {
            (true, None) => st = Some(i),
            (false, Some(b)) => {
                out.push(W {
                    start: b,
                    text: &s[b..i],
                });
                st = None;
            }
            _ => {}
        }
    }
    if let Some(b) = st {
        out.push(W {
            start: b,
            text: &s[b..],
        });
    }
    out
}

fn day_num(w: &str) -> Option<u32> {
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let rest = &w[digits.len()..];
    if digits.is_empty()
        || digits.len() > 2
        || !(rest.is_empty() || ["st", "nd", "rd", "th", "го", "е"].contains(&rest))
    {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// Every date expression in a sentence, resolved against the article's day.
pub fn find_dates(s: &str, article: Option<NaiveDate>) -> Vec<DateFound> {
    let w = words(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let first = w[i].text.chars().next().unwrap_or(' ');
        // Only capitalised words (English months and days), Cyrillic words and numbers can
        // start a date; skip the rest without looking them up.
        let cyrillic = ('\u{400}'..='\u{4ff}').contains(&first);
        let candidate = first.is_uppercase() || cyrillic;
        if !candidate
            && !first.is_ascii_digit()
            && !w[i].text.eq_ignore_ascii_case("yesterday")
            && !w[i].text.eq_ignore_ascii_case("today")
        {
            i += 1;
            continue;
        }
        // Full dates with a year first.
        if let Some(m) = month_from_word(w[i].text).filter(|_| {
            w[i].text.chars().next().is_some_and(char::is_uppercase)
                || w[i].text.chars().any(|c| ('а'..='я').contains(&c))
        }) {
            // Month Day[, Year]
            if let Some(mut d) = w.get(i + 1).and_then(|x| day_num(x.text)) {
                // A range ("February 9 and 10", "9-10"): the claim is as of its last day.
                let mut day_w = i + 1;
                if let (Some(link), Some(d2)) =
                    (w.get(i + 2), w.get(i + 3).and_then(|x| day_num(x.text)))
                    && matches!(
                        link.text.to_lowercase().as_str(),
                        "and" | "to" | "through" | "і" | "та" | "и" | "по"
                    )
                    && d2 > d
                {
                    d = d2;
                    day_w = i + 3;
                }
                let year = w
                    .get(day_w + 1)
                    .and_then(|x| x.text.parse::<i32>().ok())
                    .filter(|y| (1990..=2100).contains(y));
                let end_w = if year.is_some() { day_w + 1 } else { day_w };
                let end = w[end_w].start + w[end_w].text.len();
                let date = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(PartialDate::Day),
                    None => resolve_md(m, d, article),
                };
                out.push(DateFound {
                    start: w[i].start,
                    text: s[w[i].start..end].to_owned(),
                    date,
                });
                i = end_w + 1;
                continue;
            }
            // "September 2022"
            if let Some(y) = w
                .get(i + 1)
                .and_then(|x| x.text.parse::<i32>().ok())
                .filter(|y| (1990..=2100).contains(y))
            {
                let end = w[i + 1].start + w[i + 1].text.len();
                out.push(DateFound {
                    start: w[i].start,
                    text: s[w[i].start..end].to_owned(),
                    date: Some(PartialDate::Month { year: y, month: m }),
                });
                i += 2;
                continue;
            }
            // "last October", "in October"
            let prev = if i > 0 {
                w[i - 1].text.to_lowercase()
            } else {
                String::new()
            };
            if prev == "last"
                || prev == "минулого"
                || prev == "прошлого"
                || prev == "in"
                || prev == "since"
            {
                let date = article.map(|a| {
                    let year = if m >= a.month() {
                        a.year() - 1
                    } else {
                        a.year()
                    };
                    let year = if prev == "in" || prev == "since" {
                        if m > a.month() {
                            a.year() - 1
                        } else {
                            a.year()
                        }
                    } else {
                        year
                    };
                    PartialDate::Month { year, month: m }
                });
                let st = w[i - 1].start;
                out.push(DateFound {
                    start: st,
                    text: s[st..w[i].start + w[i].text.len()].to_owned(),
                    date,
                });
            }
            i += 1;
            continue;
        }
        // Day Month (Ukrainian, Russian, British)
        if let Some(d) = day_num(w[i].text)
            && let Some(m) = w.get(i + 1).and_then(|x| month_from_word(x.text))
        {
            let year = w
                .get(i + 2)
                .and_then(|x| x.text.parse::<i32>().ok())
                .filter(|y| (1990..=2100).contains(y));
            let end_w = if year.is_some() { i + 2 } else { i + 1 };
            let date = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(PartialDate::Day),
                None => resolve_md(m, d, article),
            };
            let end = w[end_w].start + w[end_w].text.len();
            out.push(DateFound {
                start: w[i].start,
                text: s[w[i].start..end].to_owned(),
                date,
            });
            i = end_w + 1;
            continue;
        }
        if let Some(wd) = weekday(w[i].text).filter(|_| {
            w[i].text.chars().next().is_some_and(char::is_uppercase)
                || w[i].text.chars().any(|c| ('а'..='я').contains(&c))
        }) {
            let date = article.map(|a| {
                let back = (a.weekday().num_days_from_monday() as i64
                    - wd.num_days_from_monday() as i64)
                    .rem_euclid(7);
                PartialDate::Day(a - Duration::days(back))
            });
            out.push(DateFound {
                start: w[i].start,
                text: w[i].text.to_owned(),
                date,
            });
            i += 1;
            continue;
        }
        let lw = w[i].text.to_lowercase();
        let rel = match lw.as_str() {
            "yesterday" | "вчора" | "вчера" => Some(-1),
            "today" | "сьогодні" | "сегодня" => Some(0),
            _ => None,
        };
        if let Some(off) = rel {
            out.push(DateFound {
                start: w[i].start,
                text: w[i].text.to_owned(),
                date: article.map(|a| PartialDate::Day(a + Duration::days(off))),
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str, a: Option<&str>) -> Option<String> {
        let a = a.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        find_dates(s, a)
            .first()
            .and_then(|d| d.date)
            .map(|d| d.to_string())
    }

    #[test]
    fn resolved_against_the_article_date() {
        assert_eq!(
            one(
                "Trehubov said on Jan. 24 on television.",
                Some("2025-01-24")
            )
            .as_deref(),
            Some("2025-01-24")
        );
        assert_eq!(
            one("Zelensky said on Dec. 20 that", Some("2025-01-07")).as_deref(),
            Some("2024-12-20")
        );
        assert_eq!(
            one("said on Monday.", Some("2022-09-23")).as_deref(),
            Some("2022-09-19")
        );
        assert_eq!(
            one("After capturing Vuhledar last October,", Some("2025-01-07")).as_deref(),
            Some("2024-10")
        );
        assert_eq!(
            one("on December 24, Russian troops", Some("2025-12-26")).as_deref(),
            Some("2025-12-24")
        );
        assert_eq!(
            one("24 січня Трегубов заявив", Some("2025-01-25")).as_deref(),
            Some("2025-01-24")
        );
        assert_eq!(one("on Jan. 24, 2024", None).as_deref(), Some("2024-01-24"));
    }

    #[test]
    fn no_year_is_invented() {
        assert_eq!(
            one("on December 24, Russian troops", None).as_deref(),
            Some("--12-24")
        );
        assert_eq!(one("said on Monday.", None), None);
        assert_eq!(one("last October", None), None);
        assert!(find_dates("may be a march of troops", None).is_empty());
    }
}
