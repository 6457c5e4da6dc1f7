//! CSV export (`--format csv`): one row per meeting and participant, for pandas and
//! spreadsheets. A meeting without participants has one row with empty participant columns.
//!
//! # Columns
//! | column | content |
//! |---|---|
//! | `event_id` | the timeline event id (the same in every format) |
//! | `date` | TIMEX3 value (`2022-01-10`, `2022-W02`, `2017-SU`), empty when undated |
//! | `date_start`, `date_end` | the first and last day of `date` (ISO 8601; [`Period`]) |
//! | `date_precision` | `day`, `week`, `month`, `season`, `quarter`, `year`, ... |
//! | `kind` | `meeting`, `talks`, `summit`, `call`, `session`, `visit` |
//! | `status` | the latest status: `proposed`, `planned`, `held`, `postponed`, `cancelled` |
//! | `participant_id`, `participant_name`, `participant_type`, `participant_qid` | one participant |
//! | `place_id`, `place_name`, `place_qid` | where |
//! | `topic` | what about |
//! | `cameo` | CAMEO code |
//! | `sources` | how many reports |
//! | `first_published`, `last_published` | the first and the latest report's publication time |
//! | `articles` | the reporting articles' ids, separated by spaces |
//! | `evidence` | the first report's sentence |
//!
//! Quoting follows RFC 4180 (the `csv` crate): `pandas.read_csv` reads it as it is.

use super::Period;
use crate::graph::{Timeline, TimelineEvent};

const HEADER: [&str; 21] = [
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
    "place_id",
    "place_name",
    "place_qid",
    "topic",
    "cameo",
    "sources",
    "first_published",
    "last_published",
    "articles",
    "evidence",
];

/// The timeline as CSV, header first.
///
/// ```
/// let csv = chronik::export::to_csv(&chronik::graph::Timeline::default());
/// assert!(csv.starts_with("event_id,date,date_start,date_end,"));
/// ```
pub fn to_csv(timeline: &Timeline) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    // writing into a Vec cannot fail, and every row has the header's length
    let _ = out.write_record(HEADER);
    for event in &timeline.events {
        for row in rows(event) {
            let _ = out.write_record(&row);
        }
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The rows of one meeting: one per participant, or one when there is none.
fn rows(e: &TimelineEvent) -> Vec<Vec<String>> {
    let period = e.date.as_deref().and_then(Period::parse);
    let text = |s: Option<&String>| s.cloned().unwrap_or_default();
    let place = e.place.as_ref();
    // by instant, not by text: `+01:00` and `-05:00` times compare as the moments they are
    let mut published: Vec<(chrono::DateTime<chrono::FixedOffset>, &str)> = e
        .sources
        .iter()
        .filter_map(|s| {
            Some((
                chrono::DateTime::parse_from_rfc3339(&s.published).ok()?,
                s.published.as_str(),
            ))
        })
        .collect();
    published.sort();
    let mut articles: Vec<&str> = e.sources.iter().map(|s| s.article.as_str()).collect();
    articles.dedup();
    let row = |participant: Option<&crate::export::EntityRef>| {
        vec![
            e.id.clone(),
            text(e.date.as_ref()),
            period.map(|p| p.start.to_string()).unwrap_or_default(),
            period.map(|p| p.end.to_string()).unwrap_or_default(),
            text(e.date_precision.as_ref()),
            e.kind.clone(),
            e.status.clone(),
            text(participant.map(|p| &p.id)),
            text(participant.map(|p| &p.name)),
            text(participant.and_then(|p| p.kind.as_ref())),
            text(participant.and_then(|p| p.qid.as_ref())),
            text(place.map(|p| &p.id)),
            text(place.map(|p| &p.name)),
            text(place.and_then(|p| p.qid.as_ref())),
            text(e.topic.as_ref()),
            e.cameo.clone(),
            e.sources.len().to_string(),
            published
                .first()
                .map(|p| p.1.to_string())
                .unwrap_or_default(),
            published
                .last()
                .map(|p| p.1.to_string())
                .unwrap_or_default(),
            articles.join(" "),
            e.sources
                .first()
                .map(|s| s.evidence.text.clone())
                .unwrap_or_default(),
        ]
    };
    if e.participants.is_empty() {
        vec![row(None)]
    } else {
        e.participants.iter().map(|p| row(Some(p))).collect()
    }
}
