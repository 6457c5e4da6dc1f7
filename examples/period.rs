//! The meetings of a period in date order, each with its participants and place; then the
//! meetings at one place.
//!
//! `cargo run --release --example period -- [FILE] [PERIOD] [PLACE]` (defaults: the bundled
//! page, `2022-01`, `Genf`; PERIOD is a TIMEX3 value such as `2022-W02`, `2022-Q1`, `2022`).

use chronik::Pipeline;
use chronik::analysis::meetings_in;
use chronik::time::DateInterval;

fn main() -> Result<(), chronik::Error> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .unwrap_or_else(|| "examples/dpa-page.txt".into());
    let period: DateInterval = args.next().as_deref().unwrap_or("2022-01").parse()?;
    let place = args.next().unwrap_or_else(|| "Genf".into());
    let pipeline = Pipeline::bundled()?;
    let meetings = meetings_in(&pipeline, &file)?;
    println!("Meetings in {period}:");
    for event in meetings.during(period) {
        let parties: Vec<&str> = meetings
            .participants(&event.id)
            .map(|a| a.name.as_str())
            .collect();
        println!(
            "  {} {} {} of {}{}",
            event.facts.date.as_deref().unwrap_or("undated"),
            event.facts.status.as_str(),
            event.facts.kind.as_str(),
            parties.join(", "),
            event
                .facts
                .place
                .as_ref()
                .map_or(String::new(), |p| format!(" in {}", p.name))
        );
    }
    println!(
        "Meetings in {place}: {}",
        meetings.events_at(&place).count()
    );
    Ok(())
}
