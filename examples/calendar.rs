//! An actor's meeting calendar: every meeting it takes part in, by date, with the other parties.
//!
//! `cargo run --release --example calendar -- [FILE] [ACTOR]` (defaults: the bundled page, Q159
//! for Russia; ACTOR is a chronik id, a Wikidata id or a name such as `Russland`).

use chronik::Pipeline;
use chronik::analysis::meetings_in;

fn main() -> Result<(), chronik::Error> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .unwrap_or_else(|| "examples/dpa-page.txt".into());
    let actor = args.next().unwrap_or_else(|| "Q159".into());
    let pipeline = Pipeline::bundled()?;
    let Some(who) = pipeline
        .actor(&actor)
        .or_else(|| pipeline.find_actor(&actor))
    else {
        return Err(chronik::Error::from_message(format!("no actor {actor:?}")));
    };
    let meetings = meetings_in(&pipeline, &file)?;
    println!("Meetings of {} ({}) in {file}:", who.name, who.id);
    for entry in meetings.calendar(&who.id) {
        let with: Vec<&str> = entry.with.iter().map(|a| a.name.as_str()).collect();
        let place = entry
            .event
            .facts
            .place
            .as_ref()
            .map_or("", |p| p.name.as_str());
        println!(
            "  {:<23} {:<9} {:<8} with {} {place}",
            entry.date.map_or("undated".into(), |d| d.to_string()),
            entry.event.facts.status.as_str(),
            entry.event.facts.kind.as_str(),
            with.join(", "),
        );
    }
    Ok(())
}
