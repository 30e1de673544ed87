//! What a claim asserts about a place: who holds or gains it, attacks, withdrawals, no change, or
//! that another's claim is unconfirmed. Verdicts compare positions, never mere mentions.

use serde::{Deserialize, Serialize};

/// A claim's position on the place it names.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Russia controls, captured or "liberated" it.
    RussiaHolds,
    /// Ukraine controls or retook it; a denial that Russia took it.
    UkraineHolds,
    /// Russian forces advanced in or near it (no capture claimed).
    RussiaAdvances,
    UkraineAdvances,
    /// Russian assaults there, no result stated.
    RussiaAttacks,
    UkraineAttacks,
    /// Russian attacks repelled.
    Repelled,
    /// Ukrainian attacks repelled by Russian forces.
    RussiaRepelled,
    UkraineWithdrew,
    RussiaWithdrew,
    /// No change of the front line, positional fighting, "did not advance".
    NoChange,
    /// A claim called unconfirmed, not observed, not verified.
    Unconfirmed,
    /// Fighting for it, control unclear.
    Contested,
    /// Named without a position: a strike on it, a demand, a forecast, a heading, a list.
    #[default]
    Mention,
}

/// What a position means for the question "who holds or gains the place".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// Russia holds or gains it.
    RussianGain,
    /// Ukraine holds or gains it, Russian attacks fail.
    UkrainianGain,
    /// Fighting without a stated result.
    Fighting,
    /// Says nothing changed, or doubts another's claim of a change.
    Doubt,
    /// No position.
    None,
}

impl Position {
    pub const ALL: [Position; 14] = [
        Position::RussiaHolds,
        Position::RussiaAdvances,
        Position::UkraineWithdrew,
        Position::RussiaRepelled,
        Position::UkraineHolds,
        Position::UkraineAdvances,
        Position::RussiaWithdrew,
        Position::Repelled,
        Position::RussiaAttacks,
        Position::UkraineAttacks,
        Position::Contested,
        Position::NoChange,
        Position::Unconfirmed,
        Position::Mention,
    ];

    /// The stored word ("russia_holds", ...).
    pub fn word(self) -> &'static str {
        match self {
            Position::RussiaHolds => "russia_holds",
            Position::UkraineHolds => "ukraine_holds",
            Position::RussiaAdvances => "russia_advances",
            Position::UkraineAdvances => "ukraine_advances",
            Position::RussiaAttacks => "russia_attacks",
            Position::UkraineAttacks => "ukraine_attacks",
            Position::Repelled => "repelled",
            Position::RussiaRepelled => "russia_repelled",
            Position::UkraineWithdrew => "ukraine_withdrew",
            Position::RussiaWithdrew => "russia_withdrew",
            Position::NoChange => "no_change",
            Position::Unconfirmed => "unconfirmed",
            Position::Contested => "contested",
            Position::Mention => "mention",
        }
    }

    pub fn from_word(w: &str) -> Option<Position> {
        Position::ALL.into_iter().find(|p| p.word() == w.trim())
    }

    /// A phrase for the place ("Russia holds Kupiansk").
    pub fn phrase(self, place: &str) -> String {
        match self {
            Position::RussiaHolds => format!("Russia holds {place}"),
            Position::UkraineHolds => format!("Ukraine holds {place}"),
            Position::RussiaAdvances => format!("Russian forces advance at {place}"),
            Position::UkraineAdvances => format!("Ukrainian forces advance at {place}"),
            Position::RussiaAttacks => format!("Russian attacks at {place}"),
            Position::UkraineAttacks => format!("Ukrainian attacks at {place}"),
            Position::Repelled => format!("Russian attacks at {place} repelled"),
            Position::RussiaRepelled => format!("Ukrainian attacks at {place} repelled"),
            Position::UkraineWithdrew => format!("Ukrainian forces withdrew from {place}"),
            Position::RussiaWithdrew => format!("Russian forces withdrew from {place}"),
            Position::NoChange => format!("no change at {place}"),
            Position::Unconfirmed => format!("claims about {place} unconfirmed"),
            Position::Contested => format!("fighting for {place}, control unclear"),
            Position::Mention => format!("mentions {place}"),
        }
    }

    /// A short label for the claim table.
    pub fn label(self) -> &'static str {
        match self {
            Position::RussiaHolds => "Russia holds",
            Position::UkraineHolds => "Ukraine holds",
            Position::RussiaAdvances => "Russia advances",
            Position::UkraineAdvances => "Ukraine advances",
            Position::RussiaAttacks => "Russian attacks",
            Position::UkraineAttacks => "Ukrainian attacks",
            Position::Repelled => "Russian attacks repelled",
            Position::RussiaRepelled => "Ukrainian attacks repelled",
            Position::UkraineWithdrew => "Ukraine withdrew",
            Position::RussiaWithdrew => "Russia withdrew",
            Position::NoChange => "no change",
            Position::Unconfirmed => "unconfirmed",
            Position::Contested => "contested",
            Position::Mention => "mention",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Position::RussiaHolds
            | Position::RussiaAdvances
            | Position::UkraineWithdrew
            | Position::RussiaRepelled => Direction::RussianGain,
            Position::UkraineHolds
            | Position::UkraineAdvances
            | Position::RussiaWithdrew
            | Position::Repelled => Direction::UkrainianGain,
            Position::RussiaAttacks | Position::UkraineAttacks | Position::Contested => {
                Direction::Fighting
            }
            Position::NoChange | Position::Unconfirmed => Direction::Doubt,
            Position::Mention => Direction::None,
        }
    }

    /// Whether the position says who holds or gains the place (not a mention).
    pub fn is_position(self) -> bool {
        self != Position::Mention
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_directions_partition() {
        for p in Position::ALL {
            assert_eq!(Position::from_word(p.word()), Some(p));
            assert_eq!(p.is_position(), p.direction() != Direction::None);
        }
        assert_eq!(Position::from_word("advances"), None);
        assert_eq!(
            Position::UkraineWithdrew.direction(),
            Direction::RussianGain
        );
        assert_eq!(Position::Repelled.direction(), Direction::UkrainianGain);
    }
}
