//! Output formats of the merged meetings: each reads the [`MeetingGraph`] and writes one
//! format (timeline JSON, TimelineJS3 JSON, Graphviz DOT by date or of the actors, CSV, GraphML,
//! a self-contained HTML page); none changes what was extracted or merged. [`Period`] turns
//! TIMEX3 dates into day ranges with German words, [`Labels`] gives the German labels of the
//! formats people read. The per-article JSON Lines are
//! [`record::ArticleRecord`](crate::record::ArticleRecord)s.

mod csv;
mod dot;
mod evidence;
mod graphml;
mod html;
mod labels;
mod period;
mod timelinejs;

pub use csv::to_csv;
pub use dot::{to_dot, to_dot_actors};
pub use evidence::evidence_html;
pub use graphml::to_graphml;
pub use html::to_html;
pub use labels::Labels;
pub use period::{Period, Unit};
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
