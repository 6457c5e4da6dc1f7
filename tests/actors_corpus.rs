//! The actor and place corpus (`tests/corpus/actors.tsv`): one German sentence a row, with the
//! article's date and the actors and places a careful reader finds in it. The driver runs the
//! gazetteer over every sentence, collects the ids of every mention (names, aliases, inflections,
//! adjectives, demonyms, compounds, capitals, seats, offices, surnames) and compares the sets.
//!
//! `tests/corpus/actors_known_failures.tsv` holds cases the matcher's logic cannot get right yet;
//! they run too, but only print their result.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chronik::DataDir;
use chronik::gazetteer::Gazetteer;
use chrono::NaiveDate;

const CORPUS: &str = include_str!("corpus/actors.tsv");
const KNOWN_FAILURES: &str = include_str!("corpus/actors_known_failures.tsv");
const HEADER: [&str; 5] = ["sentence", "published", "actors", "places", "note"];
const MIN_CASES: usize = 200;

/// One row of a corpus file.
struct Case {
    line: usize,
    sentence: String,
    published: NaiveDate,
    actors: BTreeSet<String>,
    places: BTreeSet<String>,
    note: String,
}

/// Parses a corpus file; format errors name their line.
fn parse(name: &str, text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            if cells != HEADER {
                return Err(format!(
                    "{name}:{line_no}: header {cells:?}, want {HEADER:?}"
                ));
            }
            header_seen = true;
            continue;
        }
        if cells.len() != HEADER.len() {
            return Err(format!(
                "{name}:{line_no}: {} columns, want {}",
                cells.len(),
                HEADER.len()
            ));
        }
        let published = NaiveDate::parse_from_str(cells[1], "%Y-%m-%d")
            .map_err(|e| format!("{name}:{line_no}: published {:?}: {e}", cells[1]))?;
        let ids = |column: usize| -> Result<BTreeSet<String>, String> {
            let cell = cells[column];
            if cell.is_empty() {
                return Ok(BTreeSet::new());
            }
            let list: Vec<&str> = cell.split('|').collect();
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            if list != sorted {
                return Err(format!(
                    "{name}:{line_no}: {} {cell:?} is not sorted and unique",
                    HEADER[column]
                ));
            }
            Ok(list.into_iter().map(str::to_string).collect())
        };
        if cells[0].trim().is_empty() || cells[4].trim().is_empty() {
            return Err(format!(
                "{name}:{line_no}: sentence and note must not be empty"
            ));
        }
        cases.push(Case {
            line: line_no,
            sentence: cells[0].to_string(),
            published,
            actors: ids(2)?,
            places: ids(3)?,
            note: cells[4].to_string(),
        });
    }
    if !header_seen {
        return Err(format!("{name}: no header line"));
    }
    Ok(cases)
}

/// What the gazetteer finds in one sentence: actor ids and place ids.
/// A person the gazetteer does not know is `?` and the name the sentence writes:
/// `?Abbas Kamel`.
fn found(gazetteer: &Gazetteer, case: &Case) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut actors = BTreeSet::new();
    let mut places = BTreeSet::new();
    let reading = gazetteer.read(&case.sentence, case.published, None);
    for mention in reading.mentions {
        if let Some(i) = mention.actor().and_then(|a| a.unresolved_index()) {
            actors.insert(format!("?{}", reading.unresolved[i].name));
        } else if let Some(actor) = mention.actor() {
            actors.insert(gazetteer.actor(actor).id.clone());
        }
        if let Some(place) = mention.place() {
            places.insert(gazetteer.place(place).id.clone());
        }
    }
    (actors, places)
}

fn join(ids: &BTreeSet<String>) -> String {
    if ids.is_empty() {
        "-".to_string()
    } else {
        ids.iter().cloned().collect::<Vec<_>>().join("|")
    }
}

/// Runs every case; returns the cases and, for each case whose result differs from the
/// expectation, its line and a report paragraph.
fn run(name: &str, text: &str) -> (Vec<Case>, Vec<(usize, String)>) {
    let gazetteer = Gazetteer::new(&DataDir::bundled()).expect("bundled gazetteers load");
    let cases = parse(name, text).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    for case in &cases {
        let mut report = String::new();
        let unknown: Vec<&String> = case
            .actors
            .iter()
            .filter(|id| !id.starts_with('?') && gazetteer.actor_by_id(id).is_none())
            .chain(
                case.places
                    .iter()
                    .filter(|id| gazetteer.place_by_id(id).is_none()),
            )
            .collect();
        if !unknown.is_empty() {
            let _ = writeln!(report, "  unknown ids in the expectation: {unknown:?}");
        }
        let (actors, places) = found(&gazetteer, case);
        if actors != case.actors {
            let _ = writeln!(
                report,
                "  actors: expected {}, got {}",
                join(&case.actors),
                join(&actors)
            );
        }
        if places != case.places {
            let _ = writeln!(
                report,
                "  places: expected {}, got {}",
                join(&case.places),
                join(&places)
            );
        }
        if !report.is_empty() {
            let paragraph = format!(
                "{name}:{} [{}] {}\n  {:?}\n{report}",
                case.line, case.published, case.note, case.sentence
            );
            failures.push((case.line, paragraph));
        }
    }
    (cases, failures)
}

#[test]
fn corpus_has_enough_cases() {
    let cases = parse("actors.tsv", CORPUS).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        cases.len() >= MIN_CASES,
        "actors.tsv has {} cases, want at least {MIN_CASES}",
        cases.len()
    );
}

#[test]
fn corpus_actors_and_places() {
    let (cases, failures) = run("actors.tsv", CORPUS);
    if !failures.is_empty() {
        let reports: Vec<&str> = failures.iter().map(|(_, r)| r.as_str()).collect();
        panic!(
            "{} of {} cases fail:\n\n{}",
            failures.len(),
            cases.len(),
            reports.join("\n")
        );
    }
}

/// Known matcher limitations: reported, never failing. A case that passes is flagged so that it
/// can move back to `actors.tsv`.
#[test]
fn known_failures_are_reported() {
    let (cases, failures) = run("actors_known_failures.tsv", KNOWN_FAILURES);
    println!(
        "{} of {} known failures still fail:\n",
        failures.len(),
        cases.len()
    );
    for (_, report) in &failures {
        println!("{report}");
    }
    let failing: BTreeSet<usize> = failures.iter().map(|(line, _)| *line).collect();
    for case in cases.iter().filter(|c| !failing.contains(&c.line)) {
        println!(
            "actors_known_failures.tsv:{} now passes ({}): move it to actors.tsv",
            case.line, case.note
        );
    }
}
