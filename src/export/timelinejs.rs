//! TimelineJS3 export (`--format timelinejs`): the JSON that Knight Lab's TimelineJS reads, one
//! slide per dated meeting. Undated meetings cannot be placed on a time axis and are left out
//! ([`timelinejs_left_out`] says which, for the CLI to report); the `timeline` format keeps them.
//! Years before Christ, decades and centuries are placed at their first year.

use serde::Serialize;

use crate::graph::{MeetingGraph, TimelineEvent};

#[derive(Serialize)]
struct TimelineJs {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<StartDate>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Serialize)]
struct StartDate {
    year: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// The timeline as TimelineJS3 JSON.
///
/// ```
/// let json = chronik::export::to_timelinejs(&chronik::graph::MeetingGraph::default());
/// assert!(json.contains("\"events\": []"));
/// ```
pub fn to_timelinejs(graph: &MeetingGraph) -> String {
    let timeline = graph.timeline();
    let doc = TimelineJs {
        title: Slide {
            start_date: None,
            text: Text {
                headline: "chronik".into(),
                text: format!("{} Treffen", timeline.events.len()),
            },
            group: None,
            display_date: None,
            unique_id: None,
        },
        events: timeline
            .events
            .iter()
            .filter_map(|e| slide(e).ok())
            .collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// A meeting that [`to_timelinejs`] leaves out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The timeline event id.
    pub id: String,
    /// Why it has no slide.
    pub reason: String,
}

/// The meetings that [`to_timelinejs`] leaves out: those without a date, or with a date that
/// names no year.
///
/// ```
/// use chronik::graph::MeetingGraph;
/// assert!(chronik::export::timelinejs_left_out(&MeetingGraph::default()).is_empty());
/// ```
pub fn timelinejs_left_out(graph: &MeetingGraph) -> Vec<LeftOut> {
    graph
        .timeline()
        .events
        .iter()
        .filter_map(|e| {
            slide(e).err().map(|reason| LeftOut {
                id: e.id.clone(),
                reason,
            })
        })
        .collect()
}

/// The first year of a TIMEX3 date value: `2022`, `BC0490` (-490), the decade `199` (1990), the
/// century `19` (1900).
fn first_year(value: &str) -> Option<i64> {
    let (sign, digits) = match value.strip_prefix("BC") {
        Some(rest) => (-1, rest),
        None => (1, value),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    let scale = match digits.len() {
        2 => 100,
        3 => 10,
        1 => return None,
        _ => 1,
    };
    Some(sign * n * scale)
}

fn slide(e: &TimelineEvent) -> Result<Slide, String> {
    let date = e.facts.date.as_deref().ok_or("undated")?;
    let mut parts = date.split('-');
    let year = parts
        .next()
        .and_then(first_year)
        .ok_or_else(|| format!("date {date:?} names no year"))?;
    let month = parts
        .next()
        .filter(|m| m.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string);
    let day = parts
        .next()
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string);
    let names: Vec<&str> = e
        .facts
        .participants
        .iter()
        .map(|p| p.actor.name.as_str())
        .collect();
    let place = e
        .facts
        .place
        .as_ref()
        .map(|p| format!(" in {}", p.name))
        .unwrap_or_default();
    let sources: Vec<String> = e
        .sources
        .iter()
        .map(|s| {
            let from = match &s.source {
                Some(source) => format!("{}, {}", s.article, source),
                None => s.article.clone(),
            };
            format!(
                "<p>{} ({})</p>",
                html_escape(&s.evidence.evidence.text),
                html_escape(&from)
            )
        })
        .collect();
    Ok(Slide {
        start_date: Some(StartDate {
            year: year.to_string(),
            month,
            day,
        }),
        text: Text {
            headline: html_escape(&format!(
                "{}{place} ({}, {})",
                names.join(", "),
                e.facts.kind.as_str(),
                e.facts.status.as_str()
            )),
            text: sources.join(""),
        },
        group: Some(e.facts.kind.as_str().to_string()),
        display_date: Some(date.to_string()),
        unique_id: Some(e.id.replace(['/', '+'], "-")),
    })
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
