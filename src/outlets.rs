//! The outlet table (`assets/lexicon/outlets.tsv`): one canonical name per outlet, the forms
//! text names it by (any script) and the web domains it publishes under. The one home of
//! "which outlet is this": import asks it for a page's URL and explicit site name, cleaning for
//! the outlet a page's furniture names, claims for outlets as claimants.

use std::sync::OnceLock;

/// One outlet of the table.
#[derive(Debug)]
pub struct Outlet {
    /// The name shown.
    pub name: String,
    /// Lower-case forms text names it by (the name itself first).
    pub forms: Vec<String>,
    /// Lower-case web domains (`tass.com`), matched with their subdomains.
    pub domains: Vec<String>,
}

/// The bundled table, in file order.
pub fn table() -> &'static [Outlet] {
    static TABLE: OnceLock<Vec<Outlet>> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../assets/lexicon/outlets.tsv")))
}

fn parse(text: &str) -> Vec<Outlet> {
    let split = |s: Option<&str>| -> Vec<String> {
        s.unwrap_or_default()
            .split('|')
            .map(|f| f.trim().to_lowercase())
            .filter(|f| !f.is_empty())
            .collect()
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let name = cols.next()?.trim().to_owned();
            if name.is_empty() {
                return None;
            }
            let mut forms = vec![name.to_lowercase()];
            forms.extend(split(cols.next()));
            let domains = split(cols.next());
            Some(Outlet {
                name,
                forms,
                domains,
            })
        })
        .collect()
}

/// A comparison key: lower case, punctuation and spacing collapsed, a leading "the" dropped.
fn key(s: &str) -> String {
    let k: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '_')
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let start = usize::from(k.first().is_some_and(|w| w == "the") && k.len() > 1);
    k[start..].join(" ")
}

/// The host of a URL, lower-case and without `www.` ("https://www.rbc.ua/x" → "rbc.ua").
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (host.contains('.') && !host.contains(char::is_whitespace)).then_some(host)
}

/// Whether a value is a URL or a bare web address rather than a name.
pub fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.contains("://")
        || s.starts_with("www.")
        || (!s.contains(' ') && s.contains(".") && s.contains('/'))
}

/// The outlet a page's URL names: its domain in the table, or for a Telegram post
/// (`t.me/channel/123`) the channel when the table knows it.
pub fn from_url(url: &str) -> Option<&'static str> {
    let host = host_of(url)?;
    if host == "t.me" || host == "telegram.me" {
        let rest = url.split_once(&host)?.1.trim_start_matches('/');
        let channel = rest.trim_start_matches("s/").split('/').next()?;
        return canonical(channel);
    }
    table()
        .iter()
        .flat_map(|o| o.domains.iter().map(move |d| (o, d)))
        .filter(|(_, d)| host == **d || host.ends_with(&format!(".{d}")))
        .max_by_key(|(_, d)| d.len())
        .map(|(o, _)| o.name.as_str())
}

/// The canonical name of an outlet named in metadata ("BBC News | Русская служба",
/// "tass.com", "The Kyiv Independent"), when the table knows it by that name.
pub fn canonical(name: &str) -> Option<&'static str> {
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    if let Some(o) = table().iter().find(|o| o.forms.iter().any(|f| key(f) == k)) {
        return Some(o.name.as_str());
    }
    // A bare domain given as a name.
    from_url(name).filter(|_| !name.contains(' '))
}

/// A name for an outlet given in metadata: the table's, or the name as given when it is a
/// name (never a URL).
pub fn name_for(explicit: &str) -> Option<String> {
    let t = explicit.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(c) = canonical(t) {
        return Some(c.to_owned());
    }
    if looks_like_url(t) {
        return from_url(t).map(str::to_owned);
    }
    Some(t.to_owned())
}

/// Every form of every outlet in one automaton; each pattern's outlet by table index.
fn forms() -> &'static (aho_corasick::AhoCorasick, Vec<usize>) {
    static FORMS: OnceLock<(aho_corasick::AhoCorasick, Vec<usize>)> = OnceLock::new();
    FORMS.get_or_init(|| {
        let (patterns, owners): (Vec<&str>, Vec<usize>) = table()
            .iter()
            .enumerate()
            .flat_map(|(i, o)| o.forms.iter().map(move |f| (f.as_str(), i)))
            .unzip();
        // The table's forms are plain strings: the automaton always builds.
        let ac = aho_corasick::AhoCorasick::new(patterns).unwrap_or_else(|e| unreachable!("{e}"));
        (ac, owners)
    })
}

/// The first table outlet a line of text names as a whole word (first in table order, as
/// with a search form by form; one pass over the line).
pub fn find_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let (ac, owners) = forms();
    ac.find_overlapping_iter(&lower)
        .filter(|m| {
            let before = lower[..m.start()].chars().next_back();
            let after = lower[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|m| owners[m.pattern().as_usize()])
        .min()
        .map(|i| table()[i].name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_from_urls_names_and_text() {
        for (url, want) in [
            (
                "https://criticalthreats.org/analysis/x",
                Some("Institute for the Study of War"),
            ),
            (
                "https://www.understandingwar.org/backgrounder/x",
                Some("Institute for the Study of War"),
            ),
            ("https://tass.ru/politika/1", Some("TASS")),
            (
                "https://ua.korrespondent.net/ukraine/1-x",
                Some("Korrespondent"),
            ),
            ("https://www.rbc.ua/rus/news/x.html", Some("RBC-Ukraine")),
            ("https://www.rbc.ru/politics/x", Some("RBC")),
            ("https://t.me/rian_ru/271406", Some("RIA Novosti")),
            ("https://example.org/a", None),
            ("not a url", None),
        ] {
            assert_eq!(from_url(url), want, "{url}");
        }
        assert_eq!(
            canonical("BBC News | Русская служба"),
            Some("BBC News Russian")
        );
        assert_eq!(canonical("The Kyiv Independent"), Some("Kyiv Independent"));
        assert_eq!(canonical("tass.com"), Some("TASS"));
        assert_eq!(canonical("РБК-Україна"), Some("RBC-Ukraine"));
        assert_eq!(
            name_for("https://www.aljazeera.com/news/2026/2/10/x").as_deref(),
            Some("Al Jazeera")
        );
        assert_eq!(name_for("https://unknown.example/x"), None, "never a URL");
        assert_eq!(
            name_for("Small Town Gazette").as_deref(),
            Some("Small Town Gazette")
        );
        assert_eq!(find_in("Subscribe to TASS on Telegram"), Some("TASS"));
        assert_eq!(find_in("a mashup of things"), None, "whole words only");
        assert_eq!(
            host_of("https://user@www.Example.org:8080/x").as_deref(),
            Some("example.org")
        );
    }
}
