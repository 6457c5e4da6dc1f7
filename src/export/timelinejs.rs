//! TimelineJS3 export (`--format timelinejs`): the JSON that Knight Lab's TimelineJS reads, one
//! slide per dated meeting. Undated meetings cannot be placed on a time axis and are left out;
//! the `timeline` format keeps them.

use serde::Serialize;

use crate::graph::{Timeline, TimelineEvent};

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
/// let json = chronik::export::to_timelinejs(&chronik::graph::Timeline::default());
/// assert!(json.contains("\"events\": []"));
/// ```
pub fn to_timelinejs(timeline: &Timeline) -> String {
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
        events: timeline.events.iter().filter_map(slide).collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn slide(e: &TimelineEvent) -> Option<Slide> {
    let date = e.date.as_deref()?;
    let mut parts = date.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let month = parts
        .next()
        .filter(|m| m.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string);
    let day = parts
        .next()
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string);
    let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
    let place = e
        .place
        .as_ref()
        .map(|p| format!(" in {}", p.name))
        .unwrap_or_default();
    let sources: Vec<String> = e
        .sources
        .iter()
        .map(|s| {
            format!(
                "<p>{} ({})</p>",
                html_escape(&s.evidence.text),
                html_escape(&s.article)
            )
        })
        .collect();
    Some(Slide {
        start_date: Some(StartDate {
            year: year.to_string(),
            month,
            day,
        }),
        text: Text {
            headline: html_escape(&format!(
                "{}{place} ({}, {})",
                names.join(", "),
                e.kind,
                e.status
            )),
            text: sources.join(""),
        },
        group: Some(e.kind.clone()),
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
