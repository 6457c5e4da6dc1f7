//! Meetings planned or proposed that no report says were held, with their current status.
//!
//! `cargo run --release --example planned -- [FILE]` (default: the bundled page).

use chronik::Pipeline;
use chronik::analysis::meetings_in;

fn main() -> Result<(), chronik::Error> {
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/dpa-page.txt".into());
    let pipeline = Pipeline::bundled()?;
    let meetings = meetings_in(&pipeline, &file)?;
    println!("Planned, never reported held:");
    for event in meetings.planned_never_held() {
        let parties: Vec<&str> = event
            .facts
            .participants
            .iter()
            .map(|p| p.actor.name.as_str())
            .collect();
        let first = &event.sources[0];
        println!(
            "  {} {} of {} (now {}; first reported in {} on {})",
            event.facts.date.as_deref().unwrap_or("undated"),
            event.facts.kind.as_str(),
            parties.join(", "),
            event.facts.status.as_str(),
            first.article,
            first.published.date_naive()
        );
    }
    Ok(())
}
