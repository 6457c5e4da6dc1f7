//! Two actors: every meeting they share, and their first and last meeting that took place.
//!
//! `cargo run --release --example pair -- [FILE] [ACTOR] [ACTOR]` (defaults: the bundled page,
//! `nato` and `russland`).

use chronik::Pipeline;
use chronik::analysis::meetings_in;

fn main() -> Result<(), chronik::Error> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .unwrap_or_else(|| "examples/dpa-page.txt".into());
    let a = args.next().unwrap_or_else(|| "nato".into());
    let b = args.next().unwrap_or_else(|| "russland".into());
    let pipeline = Pipeline::bundled()?;
    let meetings = meetings_in(&pipeline, &file)?;
    println!("Meetings of {a} and {b}:");
    for event in meetings.events_of_pair(&a, &b) {
        println!(
            "  {} {} {} (sources: {})",
            event.facts.date.as_deref().unwrap_or("undated"),
            event.facts.kind.as_str(),
            event.facts.status.as_str(),
            event.sources.len()
        );
    }
    match meetings.first_and_last_meeting(&a, &b) {
        Some((first, last)) => println!(
            "First held meeting: {}; last: {}",
            first.facts.date.as_deref().unwrap_or("?"),
            last.facts.date.as_deref().unwrap_or("?")
        ),
        None => println!("No dated meeting of theirs is reported held."),
    }
    Ok(())
}
