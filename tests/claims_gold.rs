//! Claim extraction measured against hand-made gold (tests/fixtures/claims/gold.tsv): recall
//! and precision of claim sentences, camp, speaker, places and dates. Prints the figures the
//! README reports and fails if they fall below the targets.

#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::collections::BTreeMap;
use std::path::Path;

use crosscheck::analysis::analyze_project;
use crosscheck::model::Project;

struct Gold {
    prefix: String,
    camp: String,
    speaker: String,
    places: Option<Vec<(String, String)>>,
    date: Option<Option<String>>,
}

fn load_gold(name: &str) -> BTreeMap<String, Vec<Gold>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/claims").join(name)).unwrap();
    let mut out: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 6, "{line}");
        let places = (f[4] != "-").then(|| {
            f[4].split(';')
                .map(|p| {
                    let (n, o) = p.split_once('/').unwrap();
                    (n.to_owned(), o.to_owned())
                })
                .collect()
        });
        let date = match f[5] {
            "-" => None,
            "none" => Some(None),
            d => Some(Some(d.to_owned())),
        };
        out.entry(f[0].to_owned()).or_default().push(Gold {
            prefix: f[1].to_owned(),
            camp: f[2].to_owned(),
            speaker: f[3].to_owned(),
            places,
            date,
        });
    }
    out
}

struct Scores {
    recall: f64,
    precision: f64,
    camp: f64,
    places: f64,
    dates: f64,
}

fn measure(name: &str) -> Scores {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold = load_gold(name);
    let (mut n_gold, mut found, mut n_extracted, mut camp_ok, mut speaker_ok) = (0, 0, 0, 0, 0);
    let (mut place_rows, mut place_ok, mut date_rows, mut date_ok) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for (file, rows) in &gold {
        let path = if let Some(rest) = file.strip_prefix("sample/") {
            root.join("assets/sample").join(rest)
        } else {
            root.join("tests/fixtures").join(file)
        };
        let bytes = std::fs::read(&path).unwrap();
        let mut p = Project::default();
        for a in crosscheck::ingest::import_bytes(&path, &bytes).unwrap() {
            p.add_article(a);
        }
        let an = analyze_project(&p);
        let claims = &an.articles.values().next().unwrap().claims;
        n_extracted += claims.len();
        for g in rows {
            n_gold += 1;
            let Some(c) = claims
                .iter()
                .find(|c| c.text.trim().starts_with(g.prefix.trim()))
            else {
                misses.push(format!("MISSED {file}: {}", g.prefix));
                continue;
            };
            found += 1;
            if c.camp.word() == g.camp {
                camp_ok += 1;
            } else {
                misses.push(format!(
                    "CAMP {file}: {} — got {} want {}",
                    g.prefix,
                    c.camp.word(),
                    g.camp
                ));
            }
            if g.speaker == "-"
                || c.speaker
                    .as_deref()
                    .unwrap_or("")
                    .to_lowercase()
                    .contains(&g.speaker.to_lowercase())
            {
                speaker_ok += 1;
            } else {
                misses.push(format!(
                    "SPEAKER {file}: {} — got {:?} want {}",
                    g.prefix, c.speaker, g.speaker
                ));
            }
            if let Some(want) = &g.places {
                place_rows += 1;
                let got: Vec<(String, String)> = c
                    .places
                    .iter()
                    .map(|p| {
                        (
                            p.name.clone(),
                            p.oblast.clone().unwrap_or_else(|| "-".into()),
                        )
                    })
                    .collect();
                let mut a = got.clone();
                let mut b = want.clone();
                a.sort();
                b.sort();
                if a == b {
                    place_ok += 1;
                } else {
                    misses.push(format!(
                        "PLACES {file}: {} — got {got:?} want {want:?}",
                        g.prefix
                    ));
                }
            }
            if let Some(want) = &g.date {
                date_rows += 1;
                let got = c.date.and_then(|d| d.contract_day());
                if &got == want {
                    date_ok += 1;
                } else {
                    misses.push(format!(
                        "DATE {file}: {} — got {got:?} want {want:?}",
                        g.prefix
                    ));
                }
            }
        }
        for c in claims {
            if !rows
                .iter()
                .any(|g| c.text.trim().starts_with(g.prefix.trim()))
            {
                misses.push(format!(
                    "EXTRA {file}: {}",
                    c.text.chars().take(80).collect::<String>()
                ));
            }
        }
    }
    let recall = found as f64 / n_gold as f64;
    let precision = found as f64 / n_extracted.max(1) as f64;
    let camp = camp_ok as f64 / found.max(1) as f64;
    let speaker = speaker_ok as f64 / found.max(1) as f64;
    let places = place_ok as f64 / place_rows.max(1) as f64;
    let dates = date_ok as f64 / date_rows.max(1) as f64;
    println!("{name}: {n_gold} gold sentences, {n_extracted} extracted");
    println!(
        "recall {recall:.3}  precision {precision:.3}  camp {camp:.3}  speaker {speaker:.3}  places {places:.3} ({place_rows} rows)  dates {dates:.3} ({date_rows} rows)"
    );
    for m in &misses {
        println!("  {m}");
    }
    Scores {
        recall,
        precision,
        camp,
        places,
        dates,
    }
}

#[test]
fn claim_extraction_meets_its_targets_on_the_development_gold() {
    let s = measure("gold.tsv");
    assert!(s.recall >= 0.9, "recall {:.3}", s.recall);
    assert!(s.precision >= 0.85, "precision {:.3}", s.precision);
    assert!(s.camp >= 0.9, "camp {:.3}", s.camp);
    assert!(s.places >= 0.85, "places {:.3}", s.places);
    assert!(s.dates >= 0.9, "dates {:.3}", s.dates);
}

/// Texts annotated before the extractor ever saw them: a floor against regressions, and the
/// honest figures for the README.
#[test]
fn claim_extraction_on_held_out_texts() {
    let s = measure("heldout.tsv");
    assert!(
        s.recall >= 0.7 && s.precision >= 0.6 && s.camp >= 0.7,
        "recall {:.3} precision {:.3} camp {:.3}",
        s.recall,
        s.precision,
        s.camp
    );
}
