//! Speed figures for the README: `cargo bench`.
//!
//! Cleaning and claims on plain text (MB/s), HTML extraction (pages/s), analysis of 1,000
//! articles, the place index build, and comparing 200,000 claims.

use std::path::Path;

use crosscheck::analysis::{Analysis, ArticleAnalysis, analyze_project};
use crosscheck::clean::{Document, Furniture, classify};
use crosscheck::model::{
    Article, Camp, Claim, ClaimId, Format, Meta, PartialDate, PlaceRef, Project, Source, Stance,
    Topic,
};
use divan::counter::{BytesCount, ItemsCount};

fn main() {
    divan::main();
}

const SAMPLES: [&str; 5] = [
    include_str!("../assets/sample/000_7131a5ad230fd336.txt"),
    include_str!("../assets/sample/001_22e609cc232ea10a.txt"),
    include_str!("../assets/sample/002_5560a4c548090309.txt"),
    include_str!("../assets/sample/003_a39fba05f3801e09.txt"),
    include_str!("../assets/sample/004_5c1f1eddac32ff49.txt"),
];

/// About 1 MB of pasted articles.
fn corpus() -> Vec<String> {
    (0..240)
        .map(|i| format!("{}\nArticle number {i}.\n", SAMPLES[i % 5]))
        .collect()
}

#[divan::bench]
fn clean_plain_text(b: divan::Bencher) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        for d in &docs {
            let doc = Document::build(d, Format::Text);
            divan::black_box(classify(&doc, &Furniture::default()));
        }
    });
}

fn project_of(n: usize) -> Project {
    let mut p = Project::default();
    for i in 0..n {
        let raw = format!("{}\nArticle number {i}.\n", SAMPLES[i % 5]);
        p.add_article(Article::new(
            raw,
            Source {
                file_name: format!("{i}.txt"),
                ..Source::default()
            },
            Meta::default(),
        ));
    }
    p
}

#[divan::bench(sample_count = 5)]
fn claims_and_places_plain_text(b: divan::Bencher) {
    let p = project_of(240);
    let an = analyze_project(&p);
    let bytes: usize = p.articles.values().map(|a| a.raw.len()).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        for (id, a) in &p.articles {
            let x: &ArticleAnalysis = &an.articles[id];
            divan::black_box(crosscheck::claims::extract(a, x, &p));
        }
    });
}

#[divan::bench(sample_count = 3)]
fn analyze_1000_articles(b: divan::Bencher) {
    let p = project_of(1000);
    b.counter(ItemsCount::new(1000usize))
        .bench(|| divan::black_box(analyze_project(&p)));
}

#[divan::bench(sample_count = 3)]
fn import_and_analyze_1000_files(b: divan::Bencher) {
    let dir = std::env::temp_dir().join(format!("crosscheck-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    for i in 0..1000 {
        let text = format!("{}\nArticle number {i}.\n", SAMPLES[i % 5]);
        std::fs::write(dir.join(format!("{i:04}.txt")), text).unwrap_or_else(|e| panic!("{e}"));
    }
    b.counter(ItemsCount::new(1000usize)).bench(|| {
        let mut p = Project::default();
        for f in crosscheck::ingest::collect_files(std::slice::from_ref(&dir)).files {
            for a in crosscheck::ingest::import_path(&f).unwrap_or_default() {
                p.add_article(a);
            }
        }
        divan::black_box(analyze_project(&p))
    });
    let _ = std::fs::remove_dir_all(&dir);
}

#[divan::bench(sample_count = 5)]
fn html_extraction(b: divan::Bencher) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/cleaning-dev/dragnet/html");
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .take(50)
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    if pages.is_empty() {
        // Without the shared pages, a synthetic news page.
        let body: String = SAMPLES[0]
            .lines()
            .map(|l| format!("<p>{l}</p>\n"))
            .collect();
        pages.push(format!("<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav><article><h1>Title</h1>{body}</article><footer>© 2025</footer></body></html>"));
    }
    b.counter(ItemsCount::new(pages.len())).bench(|| {
        for p in &pages {
            divan::black_box(Document::build(p, Format::Html));
        }
    });
}

#[divan::bench(sample_count = 3)]
fn place_index_build() {
    // Builds a fresh index each time (the app builds it once, in the background, at start-up).
    divan::black_box(crosscheck::places::build_index());
}

fn synthetic_analysis(n: usize) -> (Project, Analysis) {
    let places = [
        "Pokrovsk",
        "Kupiansk",
        "Bakhmut",
        "Toretsk",
        "Chasiv Yar",
        "Lyman",
        "Vuhledar",
        "Kurakhove",
    ];
    let camps = [
        Camp::UkrainianOfficial,
        Camp::RussianMilblogger,
        Camp::Isw,
        Camp::RussianOfficial,
        Camp::Media,
    ];
    let p = project_of(100);
    let mut an = analyze_project(&p);
    let ids: Vec<_> = an.articles.keys().cloned().collect();
    for (k, id) in ids.iter().enumerate() {
        let a = std::sync::Arc::make_mut(an.articles.get_mut(id).unwrap_or_else(|| unreachable!()));
        a.claims = (0..n / ids.len())
            .map(|i| {
                let j = i + k * 7;
                Claim {
                    id: ClaimId(format!("c{k}-{i}")),
                    text: "Russian forces were repelled.".into(),
                    camp: camps[j % camps.len()],
                    places: vec![PlaceRef {
                        name: places[j % places.len()].into(),
                        oblast: Some("Donetsk".into()),
                        ..PlaceRef::default()
                    }],
                    date: chrono::NaiveDate::from_ymd_opt(
                        2025,
                        1 + (j % 12) as u32,
                        1 + (j % 28) as u32,
                    )
                    .map(PartialDate::Day),
                    topic: Topic::ALL[j % 5],
                    stance: Stance::ALL[j % 3],
                    ..Claim::default()
                }
            })
            .collect();
    }
    (p, an)
}

#[divan::bench(sample_count = 5)]
fn compare_200k_claims(b: divan::Bencher) {
    let (p, an) = synthetic_analysis(200_000);
    b.counter(ItemsCount::new(200_000usize)).bench(|| {
        divan::black_box(crosscheck::compare::compare_project(
            &p,
            &an,
            &crosscheck::compare::Options::default(),
        ))
    });
}

#[divan::bench(sample_count = 5)]
fn claim_table_filter_and_sort_100k(b: divan::Bencher) {
    let (_, an) = synthetic_analysis(100_000);
    let mut view = crosscheck::app::ClaimsView::default();
    view.text = "repelled".into();
    view.sort = crosscheck::app::SortBy::Place;
    b.counter(ItemsCount::new(100_000usize))
        .bench(|| divan::black_box(crosscheck::app::claims_rows(&view, &an)));
}

// ---------------------------------------------------------------- hostile input
// Files built to be slow: each must end in well under a second per MB (issue 13).

/// Import a file's bytes and build each article's lines, as the app does.
fn import_and_build(name: &str, bytes: &[u8]) -> usize {
    let arts = crosscheck::ingest::import_bytes(Path::new(name), bytes).unwrap_or_default();
    arts.iter()
        .map(|a| Document::build(&a.raw, a.source.format).lines.len())
        .sum()
}

fn html_page(body: &str) -> String {
    format!("<!doctype html><html><head><title>T</title></head><body>{body}</body></html>")
}

#[divan::bench(sample_count = 3)]
fn hostile_100k_nested_divs(b: divan::Bencher) {
    let n = 100_000;
    let page = html_page(&format!("{}Text{}", "<div>".repeat(n), "</div>".repeat(n)));
    b.counter(BytesCount::new(page.len()))
        .bench(|| import_and_build("page.html", page.as_bytes()));
}

#[divan::bench(sample_count = 3)]
fn hostile_20k_unclosed_tables(b: divan::Bencher) {
    let page = html_page(&"<table><tr><td>x".repeat(20_000));
    b.counter(BytesCount::new(page.len()))
        .bench(|| import_and_build("page.html", page.as_bytes()));
}

#[divan::bench(sample_count = 3)]
fn hostile_10mb_of_entities(b: divan::Bencher) {
    let page = html_page(&format!("<p>{}</p>", "&amp;".repeat(2 * 1024 * 1024)));
    b.counter(BytesCount::new(page.len()))
        .bench(|| import_and_build("page.html", page.as_bytes()));
}

#[divan::bench(sample_count = 3)]
fn hostile_page_with_20k_lines_outside_the_article(b: divan::Bencher) {
    let article = "<p>Russian forces advanced near Pokrovsk on Tuesday, the General Staff said in its report.</p>".repeat(2_000);
    let nav: String = (0..20_000)
        .map(|i| {
            format!("<li><a href=/{i}>Another story about the front line, number {i}</a></li>")
        })
        .collect();
    let page = html_page(&format!(
        "<nav><ul>{nav}</ul></nav><article>{article}</article>"
    ));
    b.counter(BytesCount::new(page.len()))
        .bench(|| import_and_build("page.html", page.as_bytes()));
}

#[divan::bench(sample_count = 3)]
fn telegram_export_100k_messages(b: divan::Bencher) {
    let mut json = String::from(
        "{\n \"name\": \"Rybar\",\n \"type\": \"public_channel\",\n \"messages\": [\n",
    );
    for i in 0..100_000 {
        if i > 0 {
            json.push_str(",\n");
        }
        json.push_str(&format!(
            "  {{\n   \"id\": {i},\n   \"type\": \"message\",\n   \"date\": \"2025-02-01T10:00:00\",\n   \"text\": \"Бои у Торецка, сообщение {i}.\"\n  }}"
        ));
    }
    json.push_str("\n ]\n}\n");
    b.counter(BytesCount::new(json.len())).bench(|| {
        crosscheck::ingest::import_bytes(Path::new("result.json"), json.as_bytes())
            .map(|a| a.len())
            .unwrap_or_default()
    });
}
