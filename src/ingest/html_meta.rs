//! Metadata of a saved web page: title, author, dates, site name and canonical URL from meta
//! tags, OpenGraph and JSON-LD.

use crate::clean::readable::{self, Parsed, TooComplex};
use crate::model::Meta;

/// Read what the page says about itself. Absent stays absent; a page too complex to parse
/// in time gives nothing, and why.
pub fn read(html: &str) -> Result<Meta, TooComplex> {
    let r = match readable::parse(html, None) {
        Parsed::Ready(r) => r,
        Parsed::TooComplex(why) => return Err(why),
        Parsed::Failed => return Ok(Meta::default()),
    };
    let json_ld = r.parse_json_ld();
    let md = r.get_article_metadata(json_ld);
    let clean = |s: Option<String>| {
        s.map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty())
    };
    let doc = &r.doc;
    let canonical = doc
        .select(r#"link[rel="canonical"]"#)
        .attr("href")
        .map(|s| s.to_string())
        .or_else(|| {
            doc.select(r#"meta[property="og:url"]"#)
                .attr("content")
                .map(|s| s.to_string())
        });
    Ok(Meta {
        title: clean(Some(md.title)),
        author: clean(md.byline),
        outlet: clean(md.site_name),
        url: clean(canonical.or(md.url)).filter(|u| u.starts_with("http")),
        published: md
            .published_time
            .as_deref()
            .and_then(crate::clean::parse_date_text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_og_and_meta() {
        let html = r#"<html><head><title>Fallback | Site</title>
<meta property="og:title" content="Russian forces near Kupiansk">
<meta property="og:site_name" content="Kyiv Post">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-12-25T10:15:00+02:00">
<link rel="canonical" href="https://www.kyivpost.com/post/1">
</head><body><p>Text.</p></body></html>"#;
        let m = read(html).unwrap();
        assert_eq!(m.title.as_deref(), Some("Russian forces near Kupiansk"));
        assert_eq!(m.outlet.as_deref(), Some("Kyiv Post"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.url.as_deref(), Some("https://www.kyivpost.com/post/1"));
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-25T10:15")
        );
    }
}
