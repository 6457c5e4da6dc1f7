//! Builds a timeline from two reports of the same meeting, published a week apart, and prints
//! each meeting with its status history: the library without the command line.
//!
//! Run with `cargo run --example timeline`.

use chronik::document::Article;
use chronik::graph::Timeline;
use chronik::record::ArticleRecord;
use chronik::{DataDir, Pipeline};

fn main() -> Result<(), chronik::Error> {
    let pipeline = Pipeline::new(&DataDir::bundled())?;
    let reports = [
        (
            "a1",
            "2022-01-05T10:00:00+01:00",
            "Die Nato plant mit Russland für den 12. Januar ein Treffen.",
        ),
        (
            "a2",
            "2022-01-13T09:00:00+01:00",
            "Die Nato und Russland trafen sich am 12. Januar in Brüssel.",
        ),
    ];
    let records = reports.iter().map(|(id, published, text)| {
        let published = published.parse().expect("a valid RFC 3339 time");
        let article = Article::new(*id, published, *text);
        ArticleRecord::new(&article, &pipeline.extract(&article), &pipeline)
    });
    let timeline = Timeline::merge(records, pipeline.event_codes());
    for event in &timeline.events {
        let facts = &event.facts;
        let parties: Vec<&str> = facts
            .participants
            .iter()
            .map(|p| p.actor.name.as_str())
            .collect();
        println!(
            "{} {} {} ({}, CAMEO {}, PLOVER {})",
            facts.date.as_deref().unwrap_or("undatiert"),
            facts.kind.as_str(),
            parties.join(", "),
            facts.status.as_str(),
            facts.cameo,
            facts.plover
        );
        for step in &event.status_history {
            println!(
                "  {} as of {} ({})",
                step.status.as_str(),
                step.as_of.to_rfc3339(),
                step.article
            );
        }
    }
    Ok(())
}
