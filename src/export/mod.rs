//! Output formats of the merged meetings: each reads the [`MeetingGraph`] and writes one
//! format (timeline JSON, TimelineJS3 JSON, Graphviz DOT); none changes what was extracted or
//! merged. The per-article JSON Lines are [`record::ArticleRecord`](crate::record::ArticleRecord)s.

mod dot;
mod timelinejs;

pub use dot::to_dot;
pub use timelinejs::{LeftOut, timelinejs_left_out, to_timelinejs};

use crate::graph::MeetingGraph;

/// The timeline as pretty-printed JSON (`--format timeline`); every event has every field of
/// an article's event (`docs/schema.md`).
///
/// ```
/// let json = chronik::export::to_timeline_json(&chronik::graph::MeetingGraph::default());
/// assert!(json.contains("\"events\": []"));
/// ```
pub fn to_timeline_json(graph: &MeetingGraph) -> String {
    serde_json::to_string_pretty(graph.timeline())
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
