//! The fixed set of camps claims are compared between.

use serde::{Deserialize, Serialize};

/// Who a claimant speaks for. Stored as the words of DOMAIN.md.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Camp {
    UkrainianOfficial,
    RussianOfficial,
    RussianMilblogger,
    Isw,
    IndependentMonitor,
    WesternOfficial,
    Media,
    #[default]
    Other,
}

impl Camp {
    /// In the order the comparison panel shows them.
    pub const ALL: [Camp; 8] = [
        Camp::UkrainianOfficial,
        Camp::RussianMilblogger,
        Camp::Isw,
        Camp::RussianOfficial,
        Camp::IndependentMonitor,
        Camp::WesternOfficial,
        Camp::Media,
        Camp::Other,
    ];

    /// The stored word ("ukrainian_official", ...).
    pub fn word(self) -> &'static str {
        match self {
            Camp::UkrainianOfficial => "ukrainian_official",
            Camp::RussianOfficial => "russian_official",
            Camp::RussianMilblogger => "russian_milblogger",
            Camp::Isw => "isw",
            Camp::IndependentMonitor => "independent_monitor",
            Camp::WesternOfficial => "western_official",
            Camp::Media => "media",
            Camp::Other => "other",
        }
    }

    /// Parse a stored word.
    pub fn from_word(w: &str) -> Option<Camp> {
        Camp::ALL.into_iter().find(|c| c.word() == w.trim())
    }

    /// A short label for column headers.
    pub fn label(self) -> &'static str {
        match self {
            Camp::UkrainianOfficial => "Ukrainian official",
            Camp::RussianOfficial => "Russian official",
            Camp::RussianMilblogger => "Russian milbloggers",
            Camp::Isw => "ISW",
            Camp::IndependentMonitor => "Monitors",
            Camp::WesternOfficial => "Western official",
            Camp::Media => "Media",
            Camp::Other => "Other",
        }
    }

    /// Which side of the war the camp speaks from (`Some(true)` Ukrainian, `Some(false)`
    /// Russian, `None` third parties).
    pub fn side(self) -> Option<bool> {
        match self {
            Camp::UkrainianOfficial => Some(true),
            Camp::RussianOfficial | Camp::RussianMilblogger => Some(false),
            _ => None,
        }
    }
}

impl std::fmt::Display for Camp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}
