//! Saved web pages rendered to one block per line, each line mapped to its raw source line and
//! marked with the elements around it; a readability extractor marks the article's lines.

use super::doc::{DocLine, Document, Hints};
use crate::model::Format;

const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "center",
    "option",
    "select",
    "button",
    "label",
    "img",
];
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "textarea", "object", "head",
    "canvas", "math",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "social",
    "related",
    "promo",
    "newsletter",
    "subscribe",
    "advert",
    "sponsor",
    "sidebar",
    "widget",
    "breadcrumb",
    "menu",
    "cookie",
    "footer",
    "masthead",
    "popular",
    "trending",
    "recommend",
    "tags",
    "signup",
    "paywall",
    "banner",
    "outbrain",
    "taboola",
];

#[derive(Clone, Default)]
struct Open {
    name: String,
    hints: Hints,
}

struct Builder {
    text: String,
    lines: Vec<DocLine>,
    cur_start: usize,
    cur_line: Option<u32>,
    cur_hints: Hints,
    link_chars: usize,
    pending_space: bool,
}

impl Builder {
    fn flush(&mut self) {
        if let Some(src_line) = self.cur_line.take() {
            let end = self.text.len();
            if end > self.cur_start {
                let mut hints = self.cur_hints;
                hints.link_percent =
                    (self.link_chars * 100 / (end - self.cur_start)).min(100) as u8;
                self.lines.push(DocLine {
                    start: self.cur_start,
                    end,
                    src_line,
                    hints,
                });
                self.text.push('\n');
            }
        }
        self.cur_start = self.text.len();
        self.link_chars = 0;
        self.pending_space = false;
    }

    fn push_text(&mut self, s: &str, line: u32, hints: Hints, in_link: bool) {
        for ch in s.chars() {
            if ch.is_whitespace() {
                self.pending_space = self.cur_line.is_some();
                continue;
            }
            if self.cur_line.is_none() {
                self.cur_line = Some(line);
                self.cur_hints = hints;
            } else if self.pending_space {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(ch);
            if in_link {
                self.link_chars += ch.len_utf8();
            }
        }
    }
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    // s starts after '&'; returns the char and the bytes consumed including ';'.
    let end = s.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &s[..end];
    let ch = if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(v).unwrap_or('\u{fffd}')
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            "laquo" => '«',
            "raquo" => '»',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "middot" => '·',
            "bull" => '•',
            "eacute" => 'é',
            "shy" => '\u{ad}',
            _ => return None,
        }
    };
    Some((ch, end + 1))
}

fn decode_text(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        match decode_entity(rest) {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out.into()
}

fn attr_furniture(attrs: &str) -> (bool, bool) {
    let lower = attrs.to_ascii_lowercase();
    let mut furn = false;
    let mut comments = false;
    for key in ["class=", "id="] {
        let mut rest = lower.as_str();
        while let Some(i) = rest.find(key) {
            let v = &rest[i + key.len()..];
            let v = v.trim_start_matches(['"', '\'']);
            let val: String = v
                .chars()
                .take_while(|c| *c != '"' && *c != '\'' && *c != '>')
                .collect();
            if val.contains("comment") || val.contains("disqus") {
                comments = true;
            }
            if FURNITURE_WORDS.iter().any(|w| val.contains(w)) {
                furn = true;
            }
            rest = &rest[i + key.len()..];
        }
    }
    (furn, comments)
}

/// Render a page. Lines the page's readability extraction keeps get `extracted = Some(true)`.
pub fn render(raw: &str) -> Document {
    let mut b = Builder {
        text: String::new(),
        lines: Vec::new(),
        cur_start: 0,
        cur_line: None,
        cur_hints: Hints::default(),
        link_chars: 0,
        pending_space: false,
    };
    let mut stack: Vec<Open> = Vec::new();
    let bytes = raw.as_bytes();
    let mut pos = 0usize;
    let mut line: u32 = 1;
    let mut counted = 0usize; // newlines counted up to here
    let mut in_link = 0usize;
    let advance_line = |to: usize, line: &mut u32, counted: &mut usize| {
        if to > *counted {
            *line += bytes[*counted..to].iter().filter(|&&c| c == b'\n').count() as u32;
            *counted = to;
        }
    };
    while pos < bytes.len() {
        let Some(off) = memchr_lt(&bytes[pos..]) else {
            advance_line(pos, &mut line, &mut counted);
            let hints = stack.last().map(|o| o.hints).unwrap_or_default();
            b.push_text(&decode_text(&raw[pos..]), line, hints, in_link > 0);
            break;
        };
        if off > 0 {
            advance_line(pos, &mut line, &mut counted);
            let hints = stack.last().map(|o| o.hints).unwrap_or_default();
            // Text before the first non-space character may span lines: start the line count at it.
            let seg = &raw[pos..pos + off];
            let lead = seg.len() - seg.trim_start().len();
            advance_line(pos + lead, &mut line, &mut counted);
            b.push_text(&decode_text(seg), line, hints, in_link > 0);
        }
        pos += off;
        let rest = &raw[pos..];
        if rest.starts_with("<!--") {
            pos += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            pos += rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // A lone '<' in text.
            advance_line(pos, &mut line, &mut counted);
            let hints = stack.last().map(|o| o.hints).unwrap_or_default();
            b.push_text("<", line, hints, in_link > 0);
            pos += 1;
            continue;
        }
        let (tag_end, attrs_end) = match find_tag_end(rest) {
            Some(e) => (e, e - 1),
            None => (rest.len(), rest.len()),
        };
        let attrs = &rest[(name_start + name.len()).min(attrs_end)..attrs_end];
        let trimmed = attrs.trim_end();
        let self_closing = trimmed.ends_with('/')
            && trimmed[..trimmed.len() - 1]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || c == '"' || c == '\'');
        pos += tag_end;
        let is_block = BLOCK.contains(&name.as_str());
        if closing {
            if is_block {
                b.flush();
            }
            if name == "a" {
                in_link = in_link.saturating_sub(1);
            }
            if let Some(i) = stack.iter().rposition(|o| o.name == name) {
                stack.truncate(i);
            }
            continue;
        }
        if SKIP.contains(&name.as_str()) && !self_closing {
            let close = format!("</{name}");
            let lower_rest = &raw[pos..];
            let end = find_ci(lower_rest, &close).unwrap_or(lower_rest.len());
            pos += end;
            if let Some(gt) = raw[pos..].find('>') {
                pos += gt + 1;
            }
            continue;
        }
        if is_block {
            b.flush();
        }
        if name == "img" {
            continue;
        }
        if VOID.contains(&name.as_str()) || self_closing {
            continue;
        }
        if name == "a" {
            in_link += 1;
        }
        let mut hints = stack.last().map(|o| o.hints).unwrap_or_default();
        match name.as_str() {
            "h1" => hints.heading = 1,
            "h2" => hints.heading = 2,
            "h3" => hints.heading = 3,
            "h4" | "h5" | "h6" => hints.heading = 4,
            "nav" | "menu" => hints.nav = true,
            "header" => hints.header = true,
            "footer" => hints.footer = true,
            "aside" => hints.aside = true,
            "figcaption" | "caption" => hints.caption = true,
            "form" | "button" | "select" | "label" => hints.form = true,
            "li" => hints.list_item = true,
            _ => {}
        }
        let (furn, comments) = attr_furniture(attrs);
        hints.furniture_class |= furn;
        hints.comments |= comments;
        if stack.len() < 512 {
            stack.push(Open { name, hints });
        }
    }
    b.flush();
    let mut doc = Document {
        text: b.text,
        lines: b.lines,
        format: Format::Html,
    };
    mark_extracted(raw, &mut doc);
    doc
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// End of a tag (index after '>'), skipping quoted attribute values.
fn find_tag_end(s: &str) -> Option<usize> {
    // A quote opens only as an attribute value (after '='), as browsers read it; stray quotes
    // (`style="a""`) do not swallow the rest of the page.
    let mut quote = None;
    let mut prev_sig = ' ';
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') if prev_sig == '=' => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
        if quote.is_none() && !c.is_whitespace() {
            prev_sig = c;
        }
    }
    None
}

fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Mark each line kept by the readability extraction of the page.
fn mark_extracted(raw: &str, doc: &mut Document) {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    // A page too complex to extract in time keeps its lines unmarked (the importer said why).
    let super::readable::Parsed::Ready(mut r) = super::readable::parse(raw, Some(cfg)) else {
        return;
    };
    let Ok(article) = r.parse() else { return };
    let body = normalise(&article.text_content);
    if body.len() < 200 {
        return;
    }
    let paragraphs: std::collections::HashSet<String> =
        article.text_content.lines().map(normalise).collect();
    let texts: Vec<String> = doc
        .lines
        .iter()
        .map(|l| normalise(&doc.text[l.start..l.end]))
        .collect();
    let in_body = found_in(&body, &texts);
    for ((l, t), in_body) in doc.lines.iter_mut().zip(&texts).zip(in_body) {
        let hit = if t.chars().count() >= 30 {
            in_body
        } else {
            paragraphs.contains(t)
        };
        l.hints.extracted = Some(hit);
    }
}

/// Which of the texts of 30 characters or more occur in `body`, in one pass over it (one
/// `contains` per line was lines × body: minutes for a big page). Shorter texts are `false`.
fn found_in(body: &str, texts: &[String]) -> Vec<bool> {
    let mut found = vec![false; texts.len()];
    // Each distinct text once, with the lines that have it.
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut patterns: Vec<&str> = Vec::new();
    let mut lines_of: Vec<Vec<usize>> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if t.chars().count() < 30 {
            continue;
        }
        let p = *index.entry(t.as_str()).or_insert_with(|| {
            patterns.push(t.as_str());
            lines_of.push(Vec::new());
            patterns.len() - 1
        });
        lines_of[p].push(i);
    }
    let Ok(ac) = aho_corasick::AhoCorasick::new(&patterns) else {
        return found;
    };
    // Overlapping matches can repeat without end (a text of one letter over and over); the
    // pass stops when every text is found or after a budget linear in the input.
    let budget = 16 * (body.len() + texts.iter().map(String::len).sum::<usize>());
    let mut seen = vec![false; patterns.len()];
    let mut left = patterns.len();
    for (n, m) in ac.find_overlapping_iter(body).enumerate() {
        if left == 0 || n > budget {
            break;
        }
        let p = m.pattern().as_usize();
        if !seen[p] {
            seen[p] = true;
            left -= 1;
            for &i in &lines_of[p] {
                found[i] = true;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_blocks_with_source_lines() {
        let html = "<html><head><title>T</title><style>p{}</style></head>\n<body>\n<nav><a href=/>Home</a></nav>\n<h1>Big &amp; bold</h1>\n<p>First\n para.</p><p>Second</p>\n<script>var x = '<p>';</script><!-- <p>c</p> -->\n<figure><figcaption>Photo: AP</figcaption></figure></body></html>";
        let d = render(html);
        let texts: Vec<_> = d.lines.iter().map(|l| d.line_text(l)).collect();
        assert_eq!(
            texts,
            ["Home", "Big & bold", "First para.", "Second", "Photo: AP"]
        );
        let src: Vec<_> = d.lines.iter().map(|l| l.src_line).collect();
        assert_eq!(src, [3, 4, 5, 6, 8]);
        assert!(d.lines[0].hints.nav);
        assert_eq!(d.lines[0].hints.link_percent, 100);
        assert_eq!(d.lines[1].hints.heading, 1);
        assert!(d.lines[4].hints.caption);
    }

    #[test]
    fn hostile_markup_does_not_panic() {
        for s in [
            "<",
            "<a",
            "<p>&#xFFFFFFFF;</p>",
            "<<<>>>",
            "</div></div>",
            "<p class='x>",
            "&",
            "<script>",
        ] {
            let _ = render(s);
        }
    }
}
