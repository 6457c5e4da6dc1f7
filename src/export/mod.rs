//! Output formats: per-article JSON Lines ([`ArticleRecord`]), the merged timeline as JSON,
//! TimelineJS3 JSON, and Graphviz DOT. Each format is one file here; none of them changes what was extracted.

mod dot;
mod record;
mod timelinejs;

pub use dot::to_dot;
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
