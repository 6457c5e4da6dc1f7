//! CSV export (`--format csv`): one row per meeting and participant, for pandas and
//! spreadsheets. A meeting without participants has one row with empty participant columns.
//!
//! # Columns
//! | column | content |
//! |---|---|
//! | `event_id` | the timeline event id (the same in every format) |
//! | `date` | TIMEX3 value (`2022-01-10`, `2022-W02`, `2017-SU`), empty when undated |
//! | `date_start`, `date_end` | the first and last day of `date` (ISO 8601; [`Period`]) |
//! | `date_precision` | `day`, `weekend`, `week`, `month`, `quarter`, `season`, `half-year`, `year`, ... |
//! | `kind` | `meeting`, `talks`, `summit`, `call`, `session`, `visit` |
//! | `status` | the latest status: `proposed`, `planned`, `held`, `postponed`, `cancelled` |
//! | `participant_id`, `participant_name`, `participant_type`, `participant_qid` | one participant |
//! | `participant_open` | `true` when the article leaves the participation open |
//! | `participant_text` | the words that name the participant (first report that has them) |
//! | `place_id`, `place_name`, `place_qid` | where |
//! | `place_text`, `date_text` | the words that give the place and the date |
//! | `topic` | what about |
//! | `cameo`, `plover` | CAMEO code, PLOVER event type and mode |
//! | `sources` | how many reports |
//! | `first_published`, `last_published` | the first and the latest report's publication time |
//! | `articles` | the reporting articles' ids, separated by spaces |
//! | `urls` | the reporting articles' sources (URLs), separated by spaces |
//! | `evidence`, `trigger` | the first report's sentence and its reporting word |
//!
//! Quoting follows RFC 4180 (the `csv` crate): `pandas.read_csv` reads it as it is.

use super::Period;
use crate::graph::{MeetingGraph, TimelineEvent};
use crate::record::{EntityRef, ParticipantRecord, TextSpan};

const HEADER: [&str; 28] = [
    "event_id",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "kind",
    "status",
    "participant_id",
    "participant_name",
    "participant_type",
    "participant_qid",
    "participant_open",
    "participant_text",
    "place_id",
    "place_name",
    "place_qid",
    "place_text",
    "date_text",
    "topic",
    "cameo",
    "plover",
    "sources",
    "first_published",
    "last_published",
    "articles",
    "urls",
    "evidence",
    "trigger",
];

/// The timeline as CSV, header first.
///
/// ```
/// let csv = chronik::export::to_csv(&chronik::graph::MeetingGraph::default());
/// assert!(csv.starts_with("event_id,date,date_start,date_end,"));
/// ```
pub fn to_csv(graph: &MeetingGraph) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    // writing into a Vec cannot fail, and every row has the header's length
    let _ = out.write_record(HEADER);
    for (_, event) in graph.events() {
        for row in rows(event) {
            let _ = out.write_record(&row);
        }
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The words of the first report that has a span for it.
fn first_text<'a>(
    e: &'a TimelineEvent,
    span: impl Fn(&'a crate::record::Evidence) -> Option<&'a TextSpan>,
) -> String {
    e.sources
        .iter()
        .find_map(|s| span(&s.evidence))
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

/// The rows of one meeting: one per participant, or one when there is none.
fn rows(e: &TimelineEvent) -> Vec<Vec<String>> {
    let facts = &e.facts;
    let period = facts.date.as_deref().and_then(Period::parse);
    let text = |s: Option<&String>| s.cloned().unwrap_or_default();
    let place = facts.place.as_ref();
    // sources are in publication order, by instant (`TimelineBuilder`)
    let published =
        |s: Option<&crate::graph::Source>| s.map(|s| s.published.to_rfc3339()).unwrap_or_default();
    let mut articles: Vec<&str> = e.sources.iter().map(|s| s.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    let mut urls: Vec<&str> = e
        .sources
        .iter()
        .filter_map(|s| s.source.as_deref())
        .collect();
    urls.sort_unstable();
    urls.dedup();
    let first = e.sources.first();
    let row = |participant: Option<&ParticipantRecord>| {
        let actor: Option<&EntityRef> = participant.map(|p| &p.actor);
        vec![
            e.id.clone(),
            text(facts.date.as_ref()),
            period.map(|p| p.start.to_string()).unwrap_or_default(),
            period.map(|p| p.end.to_string()).unwrap_or_default(),
            e.date_precision
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
            facts.kind.as_str().to_string(),
            facts.status.as_str().to_string(),
            text(actor.map(|a| &a.id)),
            text(actor.map(|a| &a.name)),
            text(actor.and_then(|a| a.kind.as_ref())),
            text(actor.and_then(|a| a.qid.as_ref())),
            participant.map(|p| p.open.to_string()).unwrap_or_default(),
            actor
                .map(|a| {
                    first_text(e, |ev| {
                        ev.participant_spans
                            .iter()
                            .find(|s| s.id == a.id)
                            .map(|s| &s.span)
                    })
                })
                .unwrap_or_default(),
            text(place.map(|p| &p.id)),
            text(place.map(|p| &p.name)),
            text(place.and_then(|p| p.qid.as_ref())),
            first_text(e, |ev| ev.place_span.as_ref()),
            first_text(e, |ev| ev.date_span.as_ref()),
            text(facts.topic.as_ref()),
            facts.cameo.clone(),
            facts.plover.clone(),
            e.sources.len().to_string(),
            published(e.sources.first()),
            published(e.sources.last()),
            articles.join(" "),
            urls.join(" "),
            first
                .map(|s| s.evidence.evidence.text.clone())
                .unwrap_or_default(),
            first
                .map(|s| s.evidence.trigger.text.clone())
                .unwrap_or_default(),
        ]
    };
    if facts.participants.is_empty() {
        vec![row(None)]
    } else {
        facts.participants.iter().map(|p| row(Some(p))).collect()
    }
}
