//! Cleaning: every line of an article gets a kind (body, title, byline, caption, ...) and every
//! removed line a reason; metadata is read from the article's own furniture.

mod classify;
mod doc;
pub mod header;
mod html;
mod markup;
mod meta;
mod patterns;
pub mod readable;
pub mod record;

pub use classify::{Furniture, classify, furniture_key};
pub use doc::{DocLine, Document};
pub use meta::{date_in_url, detect_meta, month_from_word, parse_date_text};

use serde::Serialize;

/// What a line of an article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Body,
    Title,
    /// The standfirst under the headline.
    Dek,
    Subhead,
    Byline,
    Caption,
    Boilerplate,
    /// Front matter, "Source: ...", and other metadata lines.
    Metadata,
    /// Endnotes, footnote lists and source lists: not body, but kept visible (dimmed).
    Reference,
    Blank,
}

impl LineKind {
    /// Whether the cleaned text keeps lines of this kind.
    pub fn kept(self) -> bool {
        matches!(
            self,
            LineKind::Body | LineKind::Title | LineKind::Dek | LineKind::Subhead
        )
    }

    pub fn word(self) -> &'static str {
        match self {
            LineKind::Body => "body",
            LineKind::Title => "title",
            LineKind::Dek => "dek",
            LineKind::Subhead => "subhead",
            LineKind::Byline => "byline",
            LineKind::Caption => "caption",
            LineKind::Boilerplate => "boilerplate",
            LineKind::Metadata => "metadata",
            LineKind::Reference => "reference",
            LineKind::Blank => "blank",
        }
    }
}

/// The cleaner's verdict on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineClass {
    pub kind: LineKind,
    /// Why the line is removed, in words a person understands (`None` for kept lines).
    pub reason: Option<String>,
}

impl LineClass {
    pub(crate) fn keep(kind: LineKind) -> Self {
        Self { kind, reason: None }
    }

    pub(crate) fn drop(kind: LineKind, reason: impl Into<String>) -> Self {
        Self {
            kind,
            reason: Some(reason.into()),
        }
    }
}

/// Clean a plain text: the kept lines, in order. Convenience for `crosscheck clean`.
pub fn clean_text(text: &str, format: crate::model::Format) -> Vec<String> {
    let doc = Document::build(text, format);
    let classes = classify(&doc, &Furniture::default());
    doc.lines
        .iter()
        .zip(&classes)
        .filter(|(_, c)| c.kind.kept())
        .map(|(l, _)| doc.line_text(l).trim().to_owned())
        .collect()
}
