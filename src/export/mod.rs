//! Output formats: per-article JSON Lines ([`ArticleRecord`]), the merged timeline as JSON,
//! TimelineJS3 JSON, Graphviz DOT (meetings by date, or actors by shared meetings), CSV,
//! GraphML and a self-contained HTML page. Each format is one file here; none of them changes
//! what was extracted. [`Period`] turns TIMEX3 dates into day ranges and [`Labels`] gives the
//! German words the formats people read use.

mod csv;
mod dot;
mod graphml;
mod html;
mod labels;
mod period;
mod record;
mod timelinejs;

pub use csv::to_csv;
pub use dot::{to_dot, to_dot_actors};
pub use graphml::to_graphml;
pub use html::to_html;
pub use labels::Labels;
pub use period::{Period, Unit};
pub use record::{
    ActorRecord, ArticleRecord, DiagnosticRecord, EntityRef, ErrorRecord, EventRecord,
    MentionRecord, OfficeRecord, ParticipantRecord, TextSpan, TimexRecord, actor_ref, place_ref,
    unresolved_ref,
};
pub use timelinejs::{LeftOut, timelinejs_left_out, to_timelinejs};

/// The timeline as pretty-printed JSON (`--format timeline`).
///
/// ```
/// let json = chronik::export::to_timeline_json(&chronik::graph::Timeline::default());
/// assert!(json.contains("\"events\": []"));
/// ```
pub fn to_timeline_json(timeline: &crate::graph::Timeline) -> String {
    serde_json::to_string_pretty(timeline).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
