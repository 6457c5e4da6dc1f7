//! Inputs that once took time growing faster than their size (issue 14, "Cost that grows faster
//! than the input"): each must finish well within a generous limit, so that CI on two shared
//! cores is not flaky while a quadratic stage still fails (they took 4 to 75 s when a stage was
//! quadratic, 0.2 to 2.6 s when linear, on one core of the development machine).

#[path = "../benches/pipeline/archive.rs"]
#[allow(dead_code)]
mod archive;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chronik::document::Article;
use chronik::record::ArticleRecord;
use chronik::{DataDir, Pipeline};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(&DataDir::bundled()).expect("bundled data loads"))
}

/// Extracts `text` as one article and writes its record; fails when that takes over `limit`.
fn within(limit: Duration, text: String) -> ArticleRecord {
    let article = Article::new("scale", "2022-01-10T09:00:00+01:00".parse().unwrap(), text);
    let t = Instant::now();
    let found = pipeline().extract(&article);
    let record = ArticleRecord::new(&article, &found, pipeline());
    serde_json::to_string(&record).expect("serialises");
    let took = t.elapsed();
    assert!(
        took < limit,
        "{} KB took {took:.1?} (limit {limit:?})",
        article.text.len() / 1000
    );
    record
}

/// One 10 MB article of agency items: many meetings, each compared with the earlier ones
/// (`add_or_merge`, `antecedent`), mentions, dates and clauses found per sentence (74 s when
/// the mentions were scanned per sentence, 2.6 s searched).
#[test]
fn long_article() {
    let mut archive = archive::Archive::new(7);
    let text = archive
        .items(10_000_000)
        .into_iter()
        .map(|i| i.text)
        .collect::<Vec<_>>()
        .join("\n\n");
    let record = within(Duration::from_secs(30), text);
    assert!(record.events.len() > 100, "{} events", record.events.len());
}

/// `am Montag ` 100,000 times: one sentence of 1 MB with 100,000 candidate dates (the blocked
/// filter and the choice among overlapping candidates of the time grammar).
#[test]
fn repeated_weekday() {
    let record = within(Duration::from_secs(30), "am Montag ".repeat(100_000));
    assert!(record.timexes.len() > 1000);
}

/// 1 MB of words without punctuation: one sentence with thousands of mentions and dates
/// (parties, attribution and background dates looked up per mention).
#[test]
fn unpunctuated_sentence() {
    let mut archive = archive::Archive::new(9);
    let mut text = String::new();
    while text.len() < 1_000_000 {
        let item = archive.item(2_000);
        for word in item.text.split_whitespace() {
            let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            if !word.is_empty() {
                text.push_str(&word);
                text.push(' ');
            }
        }
    }
    let record = within(Duration::from_secs(30), text);
    assert!(!record.actors.is_empty());
}
