//! The readability parse of a saved page (dom_smoothie), refused with a reason for pages whose
//! shape would make it take minutes: its work grows with each element's depth (100,000 nested
//! `div`s, 20,000 unclosed tables) and, in html5ever's serializer, with each `&` times the
//! length of the text after it (10 MB of `&amp;`). Pages within the limits are parsed as before.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

/// Elements nested deeper than this make a page too deep to extract (real pages stay under
/// about 100).
pub const MAX_DEPTH: usize = 512;

/// Open tags without their end tags (as the source has them, before the parser closes
/// any implicitly) deeper than this make a page too deep even to parse: html5ever looks
/// through the open elements for each tag, so 20,000 nested `div`s take seconds.
pub const MAX_SOURCE_DEPTH: usize = 4096;

/// The sum over elements of their depth (the extractor's work, roughly) above which a page
/// is not extracted: a real 1 MB page is well under a million.
pub const MAX_DEPTH_SUM: u64 = 4_000_000;

/// The serializer's work on one text (its `&`s times its length) above which a page is not
/// extracted.
pub const MAX_ESCAPE_WORK: u64 = 2_000_000_000;

/// Why a page was not given to the readability extractor.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TooComplex {
    #[error(
        "the page nests elements {depth} deep (the limit is {limit}), so its article and metadata were not extracted; lines are judged by layout alone"
    )]
    Deep { depth: usize, limit: usize },
    #[error(
        "the page has {elements} elements nested {average} deep on average, too many to extract its article and metadata in time; lines are judged by layout alone"
    )]
    Heavy { elements: u64, average: u64 },
    #[error(
        "the page has a text of {len} bytes with {ampersands} `&` characters, too slow to extract its article and metadata; lines are judged by layout alone"
    )]
    Ampersands { len: usize, ampersands: usize },
}

/// A page's readability parser, or why the page is not parsed.
pub enum Parsed {
    Ready(Box<Readability>),
    TooComplex(TooComplex),
    /// dom_smoothie refused it (it never does without a document URL; kept for its API).
    Failed,
}

/// Parse a page for readability extraction, unless its shape makes that too slow.
pub fn parse(html: &str, cfg: Option<Config>) -> Parsed {
    let depth = source_depth(html);
    if depth > MAX_SOURCE_DEPTH {
        return Parsed::TooComplex(TooComplex::Deep {
            depth,
            limit: MAX_SOURCE_DEPTH,
        });
    }
    // Entities decode to fewer bytes, so the source's `&`s bound the decoded text's.
    for text in html.as_bytes().split(|&c| c == b'<') {
        if let Err(why) = check_ampersands(text) {
            return Parsed::TooComplex(why);
        }
    }
    let doc = Document::from(html);
    if let Err(why) = check(doc.root()) {
        return Parsed::TooComplex(why);
    }
    match Readability::with_document(doc, None, cfg) {
        Ok(r) => Parsed::Ready(Box::new(r)),
        Err(_) => Parsed::Failed,
    }
}

/// Walk the tree once (iteratively: a deep tree must not overflow the stack) and measure it.
fn check(root: NodeRef<'_>) -> Result<(), TooComplex> {
    let mut stack = vec![(root, 0usize)];
    let (mut elements, mut depth_sum) = (0u64, 0u64);
    while let Some((node, depth)) = stack.pop() {
        if node.is_element() {
            if depth > MAX_DEPTH {
                return Err(TooComplex::Deep {
                    depth,
                    limit: MAX_DEPTH,
                });
            }
            elements += 1;
            depth_sum += depth as u64;
            if depth_sum > MAX_DEPTH_SUM {
                return Err(TooComplex::Heavy {
                    elements,
                    average: depth_sum / elements,
                });
            }
        } else if node.is_text() {
            check_ampersands(node.text().as_bytes())?;
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            stack.push((c, depth + 1));
            child = c.next_sibling();
        }
    }
    Ok(())
}

/// Tags a parser closes by itself when the next one opens (or that have no end tag): they do
/// not nest in practice, however the source leaves them open.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body", "area", "base", "br", "col",
    "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// The deepest nesting of open tags in the source, counting only tags that nest (one
/// linear pass; the contents of scripts, styles and comments are skipped).
fn source_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut pos = 0;
    while let Some(off) = b[pos..].iter().position(|&c| c == b'<') {
        pos += off + 1;
        let rest = &b[pos..];
        if rest.starts_with(b"!--") {
            pos += find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[pos + name_start..pos + name_start + name_len].to_ascii_lowercase();
        pos += name_start + name_len;
        let tag_end = b[pos..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |e| pos + e);
        let self_closed = tag_end > pos && b[tag_end - 1] == b'/';
        if closing {
            if !SELF_CLOSING.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            pos = tag_end.min(b.len());
            pos += find_ascii_ci(&b[pos..], close.as_bytes()).unwrap_or(b.len() - pos);
            continue;
        }
        if !self_closed && !SELF_CLOSING.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Refuse a text whose escaping would be slow: html5ever's serializer searches the rest of a
/// text for `<` and `>` at each `&` (and each first byte of a no-break space) in it.
fn check_ampersands(text: &[u8]) -> Result<(), TooComplex> {
    let ampersands = text.iter().filter(|&&c| c == b'&' || c == 0xC2).count();
    if (ampersands as u64).saturating_mul(text.len() as u64) > MAX_ESCAPE_WORK {
        return Err(TooComplex::Ampersands {
            len: text.len(),
            ampersands,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(html: &str) -> Option<TooComplex> {
        match parse(html, None) {
            Parsed::TooComplex(w) => Some(w),
            _ => None,
        }
    }

    #[test]
    fn ordinary_pages_are_parsed() {
        assert_eq!(
            why("<html><body><div><p>Text &amp; more.</p></div></body></html>"),
            None
        );
    }

    #[test]
    fn deep_pages_are_refused_with_their_depth() {
        let html = format!("<body>{}x</body>", "<div>".repeat(MAX_DEPTH + 10));
        let w = why(&html).unwrap();
        assert!(matches!(w, TooComplex::Deep { .. }), "{w}");
        assert!(w.to_string().contains("deep"), "{w}");
    }

    #[test]
    fn source_depth_counts_only_tags_that_nest() {
        assert_eq!(
            source_depth("<div><p>a<p>b<br><img src=x/><div></div></div>"),
            2
        );
        assert_eq!(
            source_depth("<ul><li>a<li>b</ul><script>'<div><div>'</script>"),
            1
        );
        assert_eq!(source_depth("<!-- <div><div> --><span/>"), 0);
        let deep = "<div>".repeat(MAX_SOURCE_DEPTH + 1);
        assert!(matches!(why(&deep), Some(TooComplex::Deep { .. })));
    }

    #[test]
    fn ampersand_floods_are_refused() {
        let html = format!("<body><p>{}</p></body>", "&amp;".repeat(100_000));
        assert!(matches!(why(&html), Some(TooComplex::Ampersands { .. })));
    }
}
