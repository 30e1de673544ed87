//! What a line shows a reader: Markdown syntax taken out, footnote markers, links and bare
//! URLs counted. The classifier judges this text, not the markup around it.

use std::borrow::Cow;

use crate::model::Format;

/// The visible text of a line and what its markup said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visible<'a> {
    pub text: Cow<'a, str>,
    /// Footnote markers: `[[12]](…)`, `[12]`, `[^12]`.
    pub footnotes: usize,
    /// Markdown links with a visible label.
    pub links: usize,
    /// Links whose label is empty (share buttons and page controls drawn as icons).
    pub empty_links: usize,
    /// Bare URLs (`https://…`, `<https://…>`, `www.…`).
    pub urls: usize,
    /// Characters of the visible text inside bare URLs.
    pub url_chars: usize,
    /// The line opens with an endnote marker: `[12]`, `[[12]]`, `[^12]:`, `^12`.
    pub endnote_lead: bool,
    /// The line opens with `12.` or `12)`.
    pub number_lead: bool,
}

/// Whether `s` (without brackets) is a footnote number: `12`, `^12`, `[12]`.
fn is_footnote_label(s: &str) -> bool {
    let s = s.trim_start_matches('[').trim_end_matches(']');
    let s = s.strip_prefix('^').unwrap_or(s);
    (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Index just past the bracket that closes the one at `open` (`[`/`]` or `(`/`)`), with
/// backslash escapes skipped.
fn matching(b: &[u8], open: usize, o: u8, c: u8) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            x if x == o => depth += 1,
            x if x == c => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_url_start(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// Count bare URLs and their characters in plain text.
fn count_urls(text: &str) -> (usize, usize) {
    let mut n = 0;
    let mut chars = 0;
    for w in text.split_whitespace() {
        let w = w.trim_start_matches(['<', '(', '[']);
        if is_url_start(w) {
            n += 1;
            chars += w.len();
        }
    }
    (n, chars)
}

/// Count `[12]` footnote markers in plain text.
fn count_plain_footnotes(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'['
            && let Some(end) = matching(b, i, b'[', b']')
            && is_footnote_label(&text[i + 1..end - 1])
        {
            n += 1;
            i = end;
            continue;
        }
        i += 1;
    }
    n
}

/// The leading marker of a line: an endnote bracket or a number with `.`/`)`.
fn leads(t: &str) -> (bool, bool) {
    let t = t.trim_start();
    let b = t.as_bytes();
    let endnote = if b.first() == Some(&b'[') {
        matching(b, 0, b'[', b']').is_some_and(|end| is_footnote_label(&t[1..end - 1]))
    } else if let Some(rest) = t.strip_prefix('^') {
        rest.bytes().next().is_some_and(|c| c.is_ascii_digit())
    } else {
        false
    };
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let number = (1..=3).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && b.get(digits + 1).is_some_and(u8::is_ascii_whitespace);
    (endnote, number)
}

/// Strip Markdown block markers: quote, heading hashes, list bullet.
fn strip_block(t: &str) -> &str {
    let mut t = t.trim();
    while let Some(r) = t.strip_prefix('>') {
        t = r.trim_start();
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        t = t[hashes..].trim_start();
    }
    for bullet in ["* ", "- ", "+ "] {
        if let Some(r) = t.strip_prefix(bullet) {
            return r.trim_start();
        }
    }
    t
}

/// The visible text of one line.
pub fn visible(raw: &str, format: Format) -> Visible<'_> {
    let t = raw.trim();
    if format != Format::Markdown {
        let (urls, url_chars) = count_urls(t);
        let (endnote_lead, number_lead) = leads(t);
        return Visible {
            text: Cow::Borrowed(t),
            footnotes: count_plain_footnotes(t),
            urls,
            url_chars,
            endnote_lead,
            number_lead,
            ..Visible::default()
        };
    }
    let body = strip_block(t);
    let (endnote_lead, number_lead) = leads(body);
    let mut v = Visible {
        endnote_lead,
        number_lead,
        ..Visible::default()
    };
    let mut out = String::with_capacity(body.len());
    render_inline(body, &mut out, &mut v);
    // Collapse the spaces left where markup was.
    let mut text = String::with_capacity(out.len());
    for w in out.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
    }
    let (urls, url_chars) = count_urls(&text);
    v.urls += urls;
    v.url_chars = url_chars;
    v.text = Cow::Owned(text);
    v
}

fn render_inline(s: &str, out: &mut String, v: &mut Visible<'_>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\\' if i + 1 < b.len() && b[i + 1].is_ascii_punctuation() => {
                out.push(char::from(b[i + 1]));
                i += 2;
                continue;
            }
            b'!' if b.get(i + 1) == Some(&b'[') => {
                // An image: its alt text is not part of the prose.
                if let Some(end) = matching(b, i + 1, b'[', b']') {
                    let after = if b.get(end) == Some(&b'(') {
                        matching(b, end, b'(', b')').unwrap_or(end)
                    } else {
                        end
                    };
                    out.push(' ');
                    i = after;
                    continue;
                }
            }
            b'[' => {
                if let Some(end) = matching(b, i, b'[', b']') {
                    let label = &s[i + 1..end - 1];
                    if b.get(end) == Some(&b'(')
                        && let Some(close) = matching(b, end, b'(', b')')
                    {
                        if is_footnote_label(label) {
                            v.footnotes += 1;
                        } else {
                            let mut inner = String::new();
                            render_inline(label, &mut inner, v);
                            if inner.chars().any(char::is_alphanumeric) {
                                v.links += 1;
                                out.push(' ');
                                out.push_str(&inner);
                                out.push(' ');
                            } else {
                                v.empty_links += 1;
                            }
                        }
                        i = close;
                        continue;
                    }
                    if is_footnote_label(label) {
                        v.footnotes += 1;
                        i = end;
                        continue;
                    }
                }
            }
            b'<' => {
                // An autolink `<https://…>`: the URL is what a reader sees.
                let rest = &s[i + 1..];
                if is_url_start(rest)
                    && let Some(close) = rest.find('>')
                {
                    out.push(' ');
                    out.push_str(&rest[..close]);
                    out.push(' ');
                    i += close + 2;
                    continue;
                }
            }
            b'*' | b'_' => {
                let run = b[i..].iter().take_while(|&&x| x == c).count();
                let prev_alnum = i > 0 && b[i - 1].is_ascii_alphanumeric();
                let next_alnum = b.get(i + run).is_some_and(u8::is_ascii_alphanumeric);
                if c == b'_' && prev_alnum && next_alnum {
                    // snake_case inside a word.
                    out.push_str(&s[i..i + run]);
                } else if run >= 4 {
                    // `**a****b**`: the space between two bold runs was lost.
                    out.push(' ');
                }
                i += run;
                continue;
            }
            _ => {}
        }
        // Copy one whole character.
        let ch_len = s[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&s[i..i + ch_len]);
        i += ch_len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_footnotes_and_emphasis() {
        let v = visible(
            "**Russian forces advanced near [Kupiansk](https://x.org/a).**[[12]](https://x.org/<#_edn12>)",
            Format::Markdown,
        );
        assert_eq!(v.text, "Russian forces advanced near Kupiansk .");
        assert_eq!((v.footnotes, v.links, v.urls), (1, 1, 0));
        let v = visible("**Click****here****to see the map.**", Format::Markdown);
        assert_eq!(v.text, "Click here to see the map.");
    }

    #[test]
    fn endnotes_and_urls() {
        let v = visible(
            "[[3]](https://x.org/<#ref3>) <https://t.me/a/1>; https://t.me/b/2",
            Format::Markdown,
        );
        assert!(v.endnote_lead);
        assert_eq!(v.urls, 2);
        let v = visible("[3] https://example.org/report", Format::Text);
        assert!(v.endnote_lead);
        assert_eq!((v.urls, v.footnotes), (1, 1));
        let v = visible(
            "* [](https://x.org/<javascript:void\\(0\\)>)",
            Format::Markdown,
        );
        assert_eq!((v.text.as_ref(), v.empty_links), ("", 1));
        let v = visible("12. Smith, J. Report. 2024.", Format::Text);
        assert!(v.number_lead && !v.endnote_lead);
    }
}
