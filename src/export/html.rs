//! HTML export (`--format html`): one self-contained page that works offline (CSS, JavaScript
//! and data inline; no request leaves the page). It draws the meetings on a zoomable SVG
//! timeline, a lane per kind or per actor, coloured by status; a click on a meeting shows its
//! participants, place, status history and evidence sentences with their sources; filters by
//! actor and status. The front end is `assets/html/page.{html,css,js}` (vanilla JavaScript);
//! the data is the `--format timeline` JSON with each event's [`Period`] and the German
//! [`Labels`], embedded in a `<script type="application/json">` element. The URL fragment
//! drives the page as a user would: `#select=<event id>` clicks that meeting,
//! `#actor=<actor id>`, `#status=held,planned` and `#lanes=actor` set the filters,
//! `#from=2022-01-01&to=2022-03-31` the stretch of time shown.

use serde_json::{Value, json};

use super::{Labels, Period};
use crate::graph::{MeetingGraph, Timeline};

const PAGE: &str = include_str!("../../assets/html/page.html");
const CSS: &str = include_str!("../../assets/html/page.css");
const JS: &str = include_str!("../../assets/html/page.js");

/// Status colours of the page, in the order of the filter (the same as the DOT view's).
const STATUS_COLOURS: [(&str, &str); 5] = [
    ("proposed", "#b9a3e3"),
    ("planned", "#7fb2f0"),
    ("held", "#72c472"),
    ("postponed", "#f5b857"),
    ("cancelled", "#e57373"),
];

/// The timeline as one HTML page.
///
/// ```
/// let html = chronik::export::to_html(&chronik::graph::MeetingGraph::default());
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(!html.contains("{{DATA}}"));
/// ```
pub fn to_html(graph: &MeetingGraph) -> String {
    let timeline = graph.timeline();
    let labels = Labels::german();
    let title = html_text(labels.get("ui", "title"));
    // the template's placeholders are filled once each, data last: nothing inside the data
    // can be taken for a placeholder
    PAGE.replacen("{{TITLE}}", &title, 2)
        .replacen("{{CSS}}", CSS, 1)
        .replacen("{{JS}}", JS, 1)
        .replacen("{{DATA}}", &script_json(&page_data(timeline, labels)), 1)
}

/// The data the page's script reads.
fn page_data(timeline: &Timeline, labels: &Labels) -> Value {
    let mut events = serde_json::to_value(&timeline.events).unwrap_or(Value::Array(Vec::new()));
    if let Value::Array(list) = &mut events {
        for (event, e) in list.iter_mut().zip(&timeline.events) {
            let period = e.facts.date.as_deref().and_then(Period::parse).map(|p| {
                json!({
                    "start": p.start.to_string(),
                    "end": p.end.to_string(),
                    "words": p.german(labels),
                })
            });
            if let Value::Object(map) = event {
                map.insert("period".into(), period.unwrap_or(Value::Null));
            }
        }
    }
    let group = |name: &str| json!(labels.group(name));
    json!({
        "events": events,
        "labels": {
            "kind": group("kind"),
            "status": group("status"),
            "month": group("month"),
            "entity": group("entity"),
            "ui": group("ui"),
        },
        // pairs, so the filter keeps the order of a meeting's life
        "status_colours": STATUS_COLOURS,
    })
}

/// JSON that is safe inside a `<script>` element: `<`, `>` and `&` as `\u003c`, `\u003e`,
/// `\u0026` (so no `</script>` or `<!--` can end or change the element), and the line
/// separators U+2028 and U+2029 escaped as well. The JSON value is unchanged.
fn script_json(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".into());
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn html_text(s: &str) -> String {
    super::evidence::html_escape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let value = json!({"text": "a</script><script>alert(1)</script><!-- & \u{2028}"});
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
