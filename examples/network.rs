//! Who met whom how often in a period: the co-participation network, written as DOT (Graphviz)
//! or GraphML (Gephi) to standard output. A body and its parent organisation are one side.
//!
//! `cargo run --release --example network -- [FILE] [PERIOD] [dot|graphml]` (defaults: the
//! bundled page, `2022-01`, `dot`; PERIOD is a TIMEX3 value: `2022`, `2022-Q1`, `2022-W02`).
//! Render with `... | dot -Tsvg > network.svg`.

use chronik::Pipeline;
use chronik::analysis::meetings_in;
use chronik::time::DateInterval;

fn main() -> Result<(), chronik::Error> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .unwrap_or_else(|| "examples/dpa-page.txt".into());
    let period: DateInterval = args.next().as_deref().unwrap_or("2022-01").parse()?;
    let format = args.next().unwrap_or_else(|| "dot".into());
    let pipeline = Pipeline::bundled()?;
    let meetings = meetings_in(&pipeline, &file)?;
    let network = meetings.network(meetings.during(period));
    eprintln!(
        "{} actors, {} pairs in {period}",
        network.actors.len(),
        network.pairs.len()
    );
    let mut out = std::io::stdout().lock();
    match format.as_str() {
        "graphml" => network.write_graphml(&mut out)?,
        _ => network.write_dot(&mut out)?,
    }
    Ok(())
}
