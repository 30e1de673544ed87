//! The analysed text of an article, split into lines that remember where they came from.

use super::html;
use crate::model::Format;

/// Structural hints a line carries from its format (HTML elements, Markdown syntax).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hints {
    /// Heading level 1–6, 0 for none.
    pub heading: u8,
    pub nav: bool,
    pub header: bool,
    pub footer: bool,
    pub aside: bool,
    pub caption: bool,
    pub form: bool,
    pub list_item: bool,
    /// Class or id names suggest comments, sharing, related stories or promotion.
    pub furniture_class: bool,
    pub comments: bool,
    /// Share of the line's characters inside links, in percent.
    pub link_percent: u8,
    /// Markdown front matter.
    pub front_matter: bool,
    /// Markdown image or HTML image-only line.
    pub image: bool,
    /// The page's own extractor (readability) kept this line as article text.
    pub extracted: Option<bool>,
}

/// One line of the analysed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocLine {
    /// Byte range in [`Document::text`] (without the line break).
    pub start: usize,
    pub end: usize,
    /// 1-based line in the raw file where this line's text starts.
    pub src_line: u32,
    pub hints: Hints,
}

/// The text analysis works on. For plain text and Markdown this is the raw text itself and
/// line n is raw line n; for HTML it is the page rendered to one block per line, each line
/// mapped back to the raw line it starts on.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub text: String,
    pub lines: Vec<DocLine>,
    pub format: Format,
}

impl Document {
    /// Split raw article text into lines (`\n`, `\r\n` or `\r`).
    pub fn build(raw: &str, format: Format) -> Self {
        match format {
            Format::Html => html::render(raw),
            Format::Json => Self::record(raw),
            Format::Telegram => Self::plain(raw, format),
            Format::Text => {
                let mut d = Self::plain(raw, format);
                d.mark_header(raw);
                d
            }
            Format::Markdown => {
                let mut d = Self::plain(raw, format);
                let header_end = d.mark_header(raw);
                for l in d.lines.iter_mut().skip(header_end) {
                    let t = raw[l.start..l.end].trim_start();
                    let hashes = t.bytes().take_while(|&b| b == b'#').count();
                    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
                        l.hints.heading = hashes as u8;
                    }
                    if t.starts_with("![") || t.starts_with("[![") {
                        l.hints.image = true;
                    }
                    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
                        l.hints.list_item = true;
                    }
                    let link_chars = md_link_chars(t);
                    if !t.is_empty() {
                        l.hints.link_percent = (link_chars * 100 / t.len()).min(100) as u8;
                    }
                }
                d
            }
        }
    }

    /// Mark the lines of a metadata header (front matter, a scraper's `Key: value` block);
    /// returns how many lines it takes.
    fn mark_header(&mut self, raw: &str) -> usize {
        let end = super::header::read(raw).map_or(0, |h| h.lines);
        for l in self.lines.iter_mut().take(end) {
            l.hints.front_matter = true;
        }
        end
    }

    /// A JSON article record: its title as a heading, then its paragraphs, each line mapped
    /// to the record's raw line it comes from.
    fn record(raw: &str) -> Self {
        let mut text = String::new();
        let mut lines = Vec::new();
        for (t, src_line, heading) in super::record::lines(raw) {
            if !text.is_empty() {
                text.push('\n');
            }
            let start = text.len();
            // One document line per line: a paragraph never holds a line break.
            text.push_str(&t.replace(['\r', '\n'], " "));
            let mut hints = Hints::default();
            if heading {
                hints.heading = 1;
            }
            lines.push(DocLine {
                start,
                end: text.len(),
                src_line,
                hints,
            });
        }
        Self {
            text,
            lines,
            format: Format::Json,
        }
    }

    fn plain(raw: &str, format: Format) -> Self {
        let mut lines = Vec::new();
        let bytes = raw.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    lines.push((start, i));
                    start = i + 1;
                }
                b'\r' => {
                    lines.push((start, i));
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        lines.push((start, bytes.len()));
        let lines = lines
            .into_iter()
            .enumerate()
            .map(|(n, (start, end))| DocLine {
                start,
                end,
                src_line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                hints: Hints::default(),
            })
            .collect();
        Self {
            text: raw.to_owned(),
            lines,
            format,
        }
    }

    /// The text of a line.
    pub fn line_text(&self, l: &DocLine) -> &str {
        &self.text[l.start..l.end]
    }

    /// Index of the line containing byte offset `pos`.
    pub fn line_at(&self, pos: usize) -> usize {
        match self.lines.binary_search_by(|l| l.start.cmp(&pos)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

/// Characters of `[text](url)` links in a Markdown line.
fn md_link_chars(t: &str) -> usize {
    let mut n = 0;
    let mut rest = t;
    while let Some(open) = rest.find('[') {
        let after = &rest[open..];
        let Some(close) = after.find("](") else { break };
        let Some(end) = after[close..].find(')') else {
            break;
        };
        n += close + end + 1;
        rest = &after[close + end + 1..];
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_are_all_recognised() {
        let d = Document::build("a\r\nb\rc\nd", Format::Text);
        let texts: Vec<_> = d.lines.iter().map(|l| d.line_text(l)).collect();
        assert_eq!(texts, ["a", "b", "c", "d"]);
        assert_eq!(d.lines[3].src_line, 4);
    }

    #[test]
    fn markdown_front_matter_and_headings() {
        let d = Document::build(
            "---\ntitle: X\n---\n# Head\n\nText [link](http://a).",
            Format::Markdown,
        );
        assert!(d.lines[1].hints.front_matter);
        assert!(!d.lines[3].hints.front_matter);
        assert_eq!(d.lines[3].hints.heading, 1);
        assert!(d.lines[5].hints.link_percent > 30);
    }
}
