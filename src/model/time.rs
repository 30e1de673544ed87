//! Dates with their precision: a date alone is not midnight, a month and day need no year.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// A point in time known only as precisely as the source says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PartialDate {
    /// Month and day without a year ("December 24" in an undated article).
    MonthDay { month: u32, day: u32 },
    /// A year and month ("last October" resolved).
    Month { year: i32, month: u32 },
    /// A calendar day.
    Day(NaiveDate),
    /// A day and a time of day (minutes).
    Minute(NaiveDateTime),
}

impl PartialDate {
    /// A day and time, dropping seconds.
    pub fn minute(date: NaiveDate, time: NaiveTime) -> Self {
        let t = NaiveTime::from_hms_opt(time.hour(), time.minute(), 0).unwrap_or(time);
        PartialDate::Minute(date.and_time(t))
    }

    /// The calendar day, when it is known.
    pub fn day(self) -> Option<NaiveDate> {
        match self {
            PartialDate::Day(d) => Some(d),
            PartialDate::Minute(dt) => Some(dt.date()),
            _ => None,
        }
    }

    /// The earliest day this could be, for sorting and grouping (`None` without a year).
    pub fn first_day(self) -> Option<NaiveDate> {
        match self {
            PartialDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            other => other.day(),
        }
    }

    /// Parse "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]", "YYYY-MM" or "--MM-DD".
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Some(md) = s.strip_prefix("--") {
            let (m, d) = md.split_once('-')?;
            let (month, day) = (m.parse().ok()?, d.parse().ok()?);
            NaiveDate::from_ymd_opt(2000, month, day)?;
            return Some(PartialDate::MonthDay { month, day });
        }
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
            return Some(Self::minute(dt.date(), dt.time()));
        }
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M") {
            return Some(PartialDate::Minute(dt));
        }
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Some(PartialDate::Day(d));
        }
        let (y, m) = s.split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(PartialDate::Month { year, month })
    }

    /// The JSON contract form: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; `None` when no day is known.
    pub fn contract(self) -> Option<String> {
        match self {
            PartialDate::Day(d) => Some(d.format("%Y-%m-%d").to_string()),
            PartialDate::Minute(dt) => Some(dt.format("%Y-%m-%dT%H:%M").to_string()),
            _ => None,
        }
    }

    /// How the panels show it: "25 Feb" for a day and month without a year, else as stored
    /// ("2025-02-25", "2025-02", "2025-02-25T14:33").
    pub fn label(self) -> String {
        match self {
            PartialDate::MonthDay { month, day } => NaiveDate::from_ymd_opt(2000, month, day)
                .map_or_else(|| self.to_string(), |d| d.format("%-d %b").to_string()),
            other => other.to_string(),
        }
    }

    /// The day part only, as "YYYY-MM-DD".
    pub fn contract_day(self) -> Option<String> {
        self.day().map(|d| d.format("%Y-%m-%d").to_string())
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartialDate::MonthDay { month, day } => write!(f, "--{month:02}-{day:02}"),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            PartialDate::Minute(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip() {
        for s in ["2025-01-24", "2025-01-24T14:33", "2024-10", "--12-24"] {
            let d = PartialDate::parse(s).expect(s);
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(
            PartialDate::parse("2025-01-24T14:33:59").map(|d| d.to_string()),
            Some("2025-01-24T14:33".into())
        );
        assert!(PartialDate::parse("2025-13-01").is_none());
        assert!(PartialDate::parse("--02-30").is_none());
        assert!(PartialDate::parse("yesterday").is_none());
    }

    #[test]
    fn panels_show_a_yearless_date_as_day_and_month() {
        for (stored, shown) in [
            ("--02-25", "25 Feb"),
            ("--12-01", "1 Dec"),
            ("2025-02-25", "2025-02-25"),
            ("2024-10", "2024-10"),
            ("2025-01-24T14:33", "2025-01-24T14:33"),
        ] {
            let d = PartialDate::parse(stored).expect(stored);
            assert_eq!(d.label(), shown, "{stored}");
        }
    }

    #[test]
    fn month_day_has_no_contract_day() {
        let d = PartialDate::MonthDay { month: 12, day: 24 };
        assert_eq!(d.contract(), None);
    }
}
