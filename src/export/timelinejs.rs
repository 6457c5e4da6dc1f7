//! TimelineJS3 export (`--format timelinejs`): the JSON that Knight Lab's TimelineJS reads, one
//! slide per meeting with a date. A date coarser than a day (a week, month, season, quarter,
//! year) is a range with `start_date` and `end_date` ([`Period`]); every slide carries its date in
//! German words as `display_date` (`10. Januar 2022`, `Sommer 2017`), German labels for kind
//! and status (`assets/labels.tsv`), and its evidence sentences with a link to each source.
//! Meetings without a date cannot be placed on a time axis and get no slide
//! ([`timelinejs_left_out`] says which, for the CLI to report); the title counts the slides and
//! says how many were left out.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::evidence::{evidence_html, html_escape};
use super::{Labels, Period};
use crate::graph::{MeetingGraph, TimelineEvent};

#[derive(Serialize)]
struct TimelineJs {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<SlideDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<SlideDate>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

/// A TimelineJS date: year, month and day as strings.
#[derive(Serialize)]
struct SlideDate {
    year: String,
    month: String,
    day: String,
}

impl SlideDate {
    fn new(d: NaiveDate) -> SlideDate {
        SlideDate {
            year: d.year().to_string(),
            month: d.month().to_string(),
            day: d.day().to_string(),
        }
    }
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
    let labels = Labels::german();
    let slides: Vec<Slide> = timeline
        .events
        .iter()
        .filter_map(|e| slide(e, labels).ok())
        .collect();
    let left_out = timeline.events.len() - slides.len();
    let mut summary = format!("{} {}", slides.len(), labels.get("ui", "events"));
    if left_out > 0 {
        summary.push_str(&format!("; {left_out} {}", labels.get("ui", "left_out")));
    }
    let doc = TimelineJs {
        title: Slide {
            start_date: None,
            end_date: None,
            text: Text {
                headline: html_escape(labels.get("ui", "title")),
                text: html_escape(&summary),
            },
            group: None,
            display_date: None,
            unique_id: None,
        },
        events: slides,
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
/// names no period (`XXXX-01-10`).
///
/// ```
/// use chronik::graph::MeetingGraph;
/// assert!(chronik::export::timelinejs_left_out(&MeetingGraph::default()).is_empty());
/// ```
pub fn timelinejs_left_out(graph: &MeetingGraph) -> Vec<LeftOut> {
    let labels = Labels::german();
    graph
        .timeline()
        .events
        .iter()
        .filter_map(|e| {
            slide(e, labels).err().map(|reason| LeftOut {
                id: e.id.clone(),
                reason,
            })
        })
        .collect()
}

fn slide(e: &TimelineEvent, labels: &Labels) -> Result<Slide, String> {
    let facts = &e.facts;
    let date = facts.date.as_deref().ok_or("undated")?;
    let period =
        Period::parse(date).ok_or_else(|| format!("date {date:?} names no day, month or year"))?;
    let names: Vec<&str> = facts
        .participants
        .iter()
        .map(|p| p.actor.name.as_str())
        .collect();
    let place = facts
        .place
        .as_ref()
        .map(|p| format!(" in {}", p.name))
        .unwrap_or_default();
    let kind = labels.get("kind", facts.kind.as_str());
    let status = labels.get("status", facts.status.as_str());
    let text: String = e
        .sources
        .iter()
        .map(|s| {
            let sentences: String = evidence_html(&s.evidence)
                .iter()
                .map(|html| format!("<p>„{html}“</p>"))
                .collect();
            let published = s.published.format("%d.%m.%Y %H:%M");
            let from = match s.source.as_deref().filter(|u| is_web_address(u)) {
                Some(url) => format!(
                    "<a href=\"{}\">{}</a>",
                    html_escape(url),
                    html_escape(&s.article)
                ),
                None => html_escape(&s.article),
            };
            format!("{sentences}<p><small>{from}, {published}</small></p>")
        })
        .collect();
    Ok(Slide {
        start_date: Some(SlideDate::new(period.start)),
        end_date: (!period.is_day()).then(|| SlideDate::new(period.end)),
        text: Text {
            headline: html_escape(&format!("{kind}{place}: {} ({status})", names.join(", "))),
            text,
        },
        group: Some(kind.to_string()),
        display_date: Some(period.german(labels)),
        unique_id: Some(slide_id(&e.id)),
    })
}

/// True for an `http://` or `https://` address: the only sources that become links.
pub(crate) fn is_web_address(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A slide id TimelineJS can use in a URL fragment: the event id with every character that is
/// not an ASCII letter, digit, `-` or `_` as `-`.
fn slide_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
