//! Exports: the `analyze --json` contract and the claims CSV; the report and the comparison
//! as CSV and JSON (`report.rs`), citations (`citations.rs`) and REFI-QDA exchange (`qdpx.rs`)
//! in their own files.

pub mod citations;
pub mod qdpx;
pub mod report;

pub use report::{comparison_csv, comparison_json, html, markdown};

use serde_json::{Value, json};

use crate::analysis::{Analysis, ArticleAnalysis};
use crate::compare::Comparison;
use crate::model::{Claim, LineDecision, Meta, Project};

/// A file a project exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Claims, one row each.
    ClaimsCsv,
    /// The comparison, one line per claim behind each place × period × topic row.
    ComparisonCsv,
    /// The analysis in the `analyze --json` shape.
    Json,
    /// The comparison as JSON, each row with the claims behind it.
    ComparisonJson,
    /// The report a researcher sends, in Markdown.
    Markdown,
    /// The same report as an HTML page that prints well.
    Html,
    /// The articles as RIS citations.
    Ris,
    /// The articles as BibTeX entries.
    Bibtex,
    /// The articles as CSL-JSON items.
    CslJson,
    /// The project as a REFI-QDA project (`.qdpx`).
    Qdpx,
    /// The codebook as a REFI-QDA codebook (`.qdc`).
    Qdc,
}

impl Kind {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::ClaimsCsv | Kind::ComparisonCsv => "csv",
            Kind::Json | Kind::CslJson | Kind::ComparisonJson => "json",
            Kind::Markdown => "md",
            Kind::Html => "html",
            Kind::Ris => "ris",
            Kind::Bibtex => "bib",
            Kind::Qdpx => "qdpx",
            Kind::Qdc => "qdc",
        }
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Qdpx(#[from] qdpx::QdpxError),
    #[error("could not write the export: {0}")]
    Io(#[from] std::io::Error),
}

/// The bytes of an export. `name` names the project inside a REFI-QDA file.
pub fn render(
    kind: Kind,
    p: &Project,
    analysis: &Analysis,
    comparisons: &[Comparison],
    name: &str,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    write(kind, p, analysis, comparisons, name, &mut out)?;
    Ok(out)
}

/// Write an export to `out`. The claims CSV and the analysis JSON are written as they go
/// (an article at a time); the report, the comparison CSV and JSON (one comparison's worth),
/// citations and REFI-QDA files are built whole, then written.
pub fn write(
    kind: Kind,
    p: &Project,
    analysis: &Analysis,
    comparisons: &[Comparison],
    name: &str,
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    match kind {
        Kind::ClaimsCsv => write_claims_csv(&mut *out, p, analysis)?,
        Kind::ComparisonCsv => {
            out.write_all(report::comparison_csv(p, analysis, comparisons).as_bytes())?
        }
        Kind::ComparisonJson => {
            out.write_all(&pretty(&report::comparison_json(analysis, comparisons)))?
        }
        Kind::Json => {
            let files: Vec<(String, Vec<crate::model::ArticleId>)> = p
                .articles
                .values()
                .map(|a| (a.source.file_name.clone(), vec![a.id.clone()]))
                .collect();
            write_analyze_json(&mut *out, p, analysis, &files, comparisons)
                .map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
        }
        Kind::Markdown => out.write_all(report::markdown(p, analysis, comparisons).as_bytes())?,
        Kind::Html => out.write_all(report::html(p, analysis, comparisons).as_bytes())?,
        Kind::Ris => out.write_all(citations::ris(p, analysis).as_bytes())?,
        Kind::Bibtex => out.write_all(citations::bibtex(p, analysis).as_bytes())?,
        Kind::CslJson => out.write_all(&pretty(&citations::csl_json(p, analysis)))?,
        Kind::Qdpx => out.write_all(&qdpx::qdpx(p, analysis, name)?)?,
        Kind::Qdc => out.write_all(&qdpx::qdc(p, analysis)?)?,
    }
    Ok(out.flush()?)
}

fn pretty(v: &Value) -> Vec<u8> {
    // A `Value` always serialises.
    let mut out = serde_json::to_vec_pretty(v).unwrap_or_default();
    out.push(b'\n');
    out
}

fn meta_json(m: &Meta) -> Value {
    json!({
        "title": m.title,
        "author": m.author,
        "outlet": m.outlet,
        "url": m.url,
        "published": m.published.and_then(|d| d.contract()),
    })
}

/// One claim in the contract's shape.
pub fn claim_json(c: &Claim) -> Value {
    json!({
        "id": c.id.0,
        "line": c.line,
        "text": c.text,
        "speaker": c.speaker,
        "camp": c.camp.word(),
        "cue": c.cue,
        "quote": c.quote,
        "relayed_by": c.relayed_by,
        "places": c.places.iter().map(|p| json!({
            "name": p.name, "oblast": p.oblast, "district": p.district, "id": p.id, "lat": p.lat, "lon": p.lon,
        })).collect::<Vec<_>>(),
        "axis": c.axis,
        "date": c.date.and_then(|d| d.contract_day()),
        "date_text": c.date_text,
        "topic": c.topic.word(),
        "stance": c.stance.word(),
        "position": c.position.word(),
        "hedged": c.hedged,
        "verification": c.verification.word(),
    })
}

fn lines_json(
    an: &ArticleAnalysis,
    decisions: &std::collections::BTreeMap<u32, LineDecision>,
) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(an.doc.lines.len());
    let mut last_src = 0u32;
    for (i, l) in an.doc.lines.iter().enumerate() {
        let class = &an.classes[i];
        let user = decisions.get(&(i as u32 + 1));
        let reason = match (user, an.kept[i]) {
            (Some(LineDecision::Remove), _) => Some("removed by the user".to_owned()),
            (Some(LineDecision::Keep), _) => None,
            (None, true) => None,
            (None, false) => class.reason.clone(),
        };
        let kind = match user {
            Some(LineDecision::Keep) if !class.kind.kept() => "body",
            _ => class.kind.word(),
        };
        if l.src_line == last_src {
            // Several rendered blocks on one source line (HTML): report the line once, as
            // body if any of them is kept.
            if an.kept[i]
                && let Some(prev) = out.last_mut()
            {
                prev["kind"] = json!(kind);
                prev["reason"] = Value::Null;
            }
            continue;
        }
        last_src = l.src_line;
        out.push(json!({ "line": l.src_line, "kind": kind, "reason": reason }));
    }
    out
}

/// The `analyze --json` document. `files` pairs each article id with the name to report.
pub fn analyze_json(
    p: &Project,
    analysis: &Analysis,
    files: &[(String, Vec<crate::model::ArticleId>)],
    comparisons: &[Comparison],
) -> Value {
    json!({
        "articles": article_entries(p, analysis, files).collect::<Vec<_>>(),
        "comparisons": assessed(comparisons).map(Comparison::to_json).collect::<Vec<_>>(),
    })
}

/// The rows the `analyze --json` contract lists: those where some camp takes a position. Rows
/// whose claims only mention a place (verdict "none") stay in the comparison panel and the
/// report, but the contract's verdict words are "agree", "conflict", "disputed", "mixed" and
/// "single".
fn assessed(comparisons: &[Comparison]) -> impl Iterator<Item = &Comparison> {
    comparisons
        .iter()
        .filter(|c| c.verdict != crate::compare::Verdict::None)
}

/// A JSON array written from an iterator as it goes, one element in memory at a time.
struct LazySeq<F>(F);

impl<F, I> serde::Serialize for LazySeq<F>
where
    F: Fn() -> I,
    I: Iterator<Item = Value>,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// Write the `analyze --json` document (the same bytes as pretty-printing [`analyze_json`])
/// as it goes: one article's entry is in memory at a time, never the whole document.
pub fn write_analyze_json(
    w: impl std::io::Write,
    p: &Project,
    analysis: &Analysis,
    files: &[(String, Vec<crate::model::ArticleId>)],
    comparisons: &[Comparison],
) -> serde_json::Result<()> {
    use serde::ser::SerializeMap as _;
    struct Doc<'a> {
        p: &'a Project,
        analysis: &'a Analysis,
        files: &'a [(String, Vec<crate::model::ArticleId>)],
        comparisons: &'a [Comparison],
    }
    impl serde::Serialize for Doc<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            // Keys in the order `json!` sorts them.
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry(
                "articles",
                &LazySeq(|| article_entries(self.p, self.analysis, self.files)),
            )?;
            m.serialize_entry(
                "comparisons",
                &LazySeq(|| assessed(self.comparisons).map(Comparison::to_json)),
            )?;
            m.end()
        }
    }
    serde_json::to_writer_pretty(
        w,
        &Doc {
            p,
            analysis,
            files,
            comparisons,
        },
    )
}

/// The article entries of the `analyze --json` document, built one at a time.
fn article_entries<'a>(
    p: &'a Project,
    analysis: &'a Analysis,
    files: &'a [(String, Vec<crate::model::ArticleId>)],
) -> impl Iterator<Item = Value> + 'a {
    let entry = |file: &str,
                 id: &crate::model::ArticleId,
                 a: &crate::model::Article,
                 an: &ArticleAnalysis| {
        let mut lines: Vec<Value> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        // Several document lines of one raw line (a record on one line) are listed once.
        for l in lines_json(an, &a.line_decisions) {
            if seen.insert(l["line"].as_u64().unwrap_or(0)) {
                lines.push(l);
            }
        }
        let mut v = json!({
            "file": file,
            "id": id.0,
            "meta": meta_json(&an.meta),
            "encoding": a.source.encoding,
            "warnings": an.warnings,
            "near_duplicates": an.near_duplicates.iter().map(|d| d.0.clone()).collect::<Vec<_>>(),
            "lines": lines,
            "claims": an.claims.iter().map(claim_json).collect::<Vec<_>>(),
        });
        if let Some(r) = a.source.record {
            v["record"] = json!(r);
        }
        v
    };
    files
        .iter()
        .flat_map(move |(file, ids)| {
            let parts: Vec<_> = ids.iter().filter_map(|id| Some((id, p.articles.get(id)?, analysis.articles.get(id)?))).collect();
            let Some(&(id, a, _)) = parts.first() else {
                return Vec::new();
            };
            // One entry per article: the file's only article, or each article record.
            if parts.len() == 1 || parts.iter().all(|(_, a, _)| a.source.record.is_some()) {
                return parts.iter().map(|(id, a, an)| entry(file, id, a, an)).collect();
            }
            // A file of several articles (a Telegram export): one entry for the file, its
            // messages' lines and claims pointing to the file's lines.
            let mut lines: Vec<Value> = Vec::new();
            let mut seen = std::collections::BTreeSet::new();
            for (_, a, an) in &parts {
                for l in lines_json(an, &a.line_decisions) {
                    let n = l["line"].as_u64().unwrap_or(0);
                    if seen.insert(n) {
                        lines.push(l);
                    } else if l["kind"] != "blank"
                        && let Some(prev) = lines.iter_mut().find(|x| x["line"] == n)
                        && prev["kind"] == "blank"
                    {
                        *prev = l;
                    }
                }
            }
            lines.sort_by_key(|l| l["line"].as_u64());
            let outlets: std::collections::BTreeSet<_> = parts.iter().filter_map(|(_, _, an)| an.meta.outlet.clone()).collect();
            let first = parts.iter().filter_map(|(_, _, an)| an.meta.published).min();
            vec![json!({
                "file": file,
                "id": id.0,
                "articles": parts.iter().map(|(id, _, _)| id.0.clone()).collect::<Vec<_>>(),
                "meta": {
                    "title": Value::Null,
                    "author": Value::Null,
                    "outlet": (outlets.len() == 1).then(|| outlets.iter().next().cloned()).flatten(),
                    "url": Value::Null,
                    "published": first.and_then(|d| d.contract()),
                },
                "encoding": a.source.encoding,
                "warnings": parts.iter().flat_map(|(_, _, an)| an.warnings.iter().cloned()).collect::<Vec<_>>(),
                "lines": lines,
                "claims": parts.iter().flat_map(|(_, _, an)| an.claims.iter().map(claim_json)).collect::<Vec<_>>(),
            })]
        })
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// All claims as CSV, one row per claim.
pub fn claims_csv(p: &Project, analysis: &Analysis) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail; the fields are UTF-8.
    let _ = write_claims_csv(&mut out, p, analysis);
    String::from_utf8(out).unwrap_or_default()
}

/// Write the claims CSV as it goes, a row at a time.
pub fn write_claims_csv(
    mut out: impl std::io::Write,
    p: &Project,
    analysis: &Analysis,
) -> std::io::Result<()> {
    out.write_all(
        b"article,title,outlet,published,line,speaker,camp,cue,quote,relayed_by,places,oblasts,date,topic,stance,hedged,verification,text\n",
    )?;
    for (id, an) in &analysis.articles {
        if !p.articles.contains_key(id) {
            continue;
        }
        for c in &an.claims {
            let row = [
                id.0.clone(),
                an.meta.title.clone().unwrap_or_default(),
                an.meta.outlet.clone().unwrap_or_default(),
                an.meta.published.map(|d| d.to_string()).unwrap_or_default(),
                c.line.to_string(),
                c.speaker.clone().unwrap_or_default(),
                c.camp.word().to_owned(),
                c.cue.clone().unwrap_or_default(),
                c.quote.to_string(),
                c.relayed_by.join("; "),
                c.places
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                c.places
                    .iter()
                    .map(|p| p.oblast.clone().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join("; "),
                c.date.map(|d| d.to_string()).unwrap_or_default(),
                c.topic.word().to_owned(),
                c.stance.word().unwrap_or("").to_owned(),
                c.hedged.to_string(),
                c.verification.word().unwrap_or("").to_owned(),
                c.text.clone(),
            ];
            let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
            writeln!(out, "{}", line.join(","))?;
        }
    }
    out.flush()
}
