//! Meetings whose status changed (planned, then held, postponed or cancelled), with the report
//! that changed it and its sentence.
//!
//! `cargo run --release --example status_changes -- [FILE]` (default: the bundled page, whose
//! articles report no change; then the example shows two reports of its own).

use chronik::Pipeline;
use chronik::analysis::{Meetings, meetings_in};
use chronik::document::Article;

fn main() -> Result<(), chronik::Error> {
    let file = std::env::args().nth(1);
    let pipeline = Pipeline::bundled()?;
    let mut meetings = meetings_in(
        &pipeline,
        file.as_deref().unwrap_or("examples/dpa-page.txt"),
    )?;
    if file.is_none() && meetings.status_changes().is_empty() {
        println!("The bundled page reports no status change; two reports a week apart do:");
        meetings = two_reports(&pipeline);
    }
    for change in meetings.status_changes() {
        println!(
            "{} {}: {} -> {} by {} ({})",
            change.event.facts.date.as_deref().unwrap_or("undated"),
            change.event.id,
            change.from.as_str(),
            change.to.as_str(),
            change.source.article,
            change.source.published.to_rfc3339()
        );
        println!("  \"{}\"", change.source.evidence.evidence.text);
    }
    Ok(())
}

fn two_reports(pipeline: &Pipeline) -> Meetings {
    let report = |id, published: &str, text| {
        Article::new(id, published.parse().expect("an RFC 3339 time"), text)
    };
    pipeline.meetings([
        report(
            "a1",
            "2022-01-05T10:00:00+01:00",
            "Die Nato plant mit Russland für den 12. Januar ein Treffen.",
        ),
        report(
            "a2",
            "2022-01-13T10:00:00+01:00",
            "Die Nato und Russland trafen sich am 12. Januar in Brüssel.",
        ),
    ])
}
