//! GraphML export (`--format graphml`) of the meeting graph, for Gephi, yEd, NetworkX
//! (`networkx.read_graphml`) and igraph. Nodes are events, actors and places (attribute `type`);
//! edges go from an event to each participant (`relation` = `participant`) and to its place
//! (`held_at`). Events carry kind, status, date (TIMEX3 and its first and last day), CAMEO code
//! and their number of sources; actors and places their Wikidata id and type. Every node has a
//! `label` (Gephi shows it). Node ids are the chronik ids with a type prefix (`event:...`,
//! `actor:russland`, `place:genf`), so they are stable across runs.

use std::fmt::Write;

use petgraph::visit::EdgeRef;

use super::{Labels, Period};
use crate::graph::{Edge, MeetingGraph, Node};
use crate::record::EntityRef;

/// `(id, for, name, type)` of every GraphML attribute.
const KEYS: [(&str, &str, &str, &str); 16] = [
    ("type", "node", "type", "string"),
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("status", "node", "status", "string"),
    ("date", "node", "date", "string"),
    ("date_start", "node", "date_start", "string"),
    ("date_end", "node", "date_end", "string"),
    ("precision", "node", "date_precision", "string"),
    ("topic", "node", "topic", "string"),
    ("cameo", "node", "cameo", "string"),
    ("plover", "node", "plover", "string"),
    ("sources", "node", "sources", "int"),
    ("qid", "node", "qid", "string"),
    ("entity_type", "node", "entity_type", "string"),
    ("relation", "edge", "relation", "string"),
    ("open", "edge", "open", "boolean"),
];

/// The meeting graph as GraphML.
///
/// ```
/// let xml = chronik::export::to_graphml(&chronik::graph::MeetingGraph::default());
/// assert!(xml.starts_with("<?xml"));
/// assert!(xml.contains("<graph id=\"chronik\" edgedefault=\"directed\">"));
/// ```
pub fn to_graphml(meetings: &MeetingGraph) -> String {
    let graph = meetings.graph();
    let timeline = meetings.timeline();
    let labels = Labels::german();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, on, name, ty) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <graph id=\"chronik\" edgedefault=\"directed\">\n");
    let mut ids = Vec::with_capacity(graph.node_count());
    for n in graph.node_indices() {
        let (id, data) = match &graph[n] {
            Node::Actor(a) => (format!("actor:{}", a.id), entity_data("actor", a)),
            Node::Place(p) => (format!("place:{}", p.id), entity_data("place", p)),
            Node::Event(i) => {
                let e = &timeline.events[*i];
                let facts = &e.facts;
                let period = facts.date.as_deref().and_then(Period::parse);
                let date_words = period.map_or_else(
                    || labels.get("date", "undated").to_string(),
                    |p| p.german(labels),
                );
                let label = format!(
                    "{} ({}), {date_words}",
                    labels.get("kind", facts.kind.as_str()),
                    labels.get("status", facts.status.as_str())
                );
                (
                    format!("event:{}", e.id),
                    vec![
                        ("type", "event".to_string()),
                        ("label", label),
                        ("kind", facts.kind.as_str().to_string()),
                        ("status", facts.status.as_str().to_string()),
                        ("date", facts.date.clone().unwrap_or_default()),
                        (
                            "date_start",
                            period.map(|p| p.start.to_string()).unwrap_or_default(),
                        ),
                        (
                            "date_end",
                            period.map(|p| p.end.to_string()).unwrap_or_default(),
                        ),
                        (
                            "precision",
                            e.date_precision
                                .map(|p| p.as_str().to_string())
                                .unwrap_or_default(),
                        ),
                        ("topic", facts.topic.clone().unwrap_or_default()),
                        ("cameo", facts.cameo.clone()),
                        ("plover", facts.plover.clone()),
                        ("sources", e.sources.len().to_string()),
                    ],
                )
            }
            // the day is an attribute of its events here
            Node::Day(_) => {
                ids.push(None);
                continue;
            }
        };
        let _ = writeln!(out, "    <node id=\"{}\">", xml_escape(&id));
        for (key, value) in data.iter().filter(|(_, v)| !v.is_empty()) {
            let _ = writeln!(
                out,
                "      <data key=\"{key}\">{}</data>",
                xml_escape(value)
            );
        }
        out.push_str("    </node>\n");
        ids.push(Some(id));
    }
    for (i, edge) in graph.edge_references().enumerate() {
        let (relation, open) = match edge.weight() {
            Edge::Participant => (
                "participant",
                participation_open(meetings, edge.source(), edge.target()),
            ),
            Edge::HeldAt => ("held_at", false),
            Edge::On => continue,
        };
        let (Some(Some(source)), Some(Some(target))) = (
            ids.get(edge.source().index()),
            ids.get(edge.target().index()),
        ) else {
            continue;
        };
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"relation\">{relation}</data>{}</edge>",
            xml_escape(source),
            xml_escape(target),
            if open {
                "<data key=\"open\">true</data>"
            } else {
                ""
            }
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn entity_data(kind: &str, entity: &EntityRef) -> Vec<(&'static str, String)> {
    vec![
        ("type", kind.to_string()),
        ("label", entity.name.clone()),
        ("qid", entity.qid.clone().unwrap_or_default()),
        ("entity_type", entity.kind.clone().unwrap_or_default()),
    ]
}

/// True when the event at `event` leaves the participation of the actor at `actor` open.
fn participation_open(
    meetings: &MeetingGraph,
    event: petgraph::graph::NodeIndex,
    actor: petgraph::graph::NodeIndex,
) -> bool {
    let (Some(e), Node::Actor(a)) = (meetings.event(event), &meetings.graph()[actor]) else {
        return false;
    };
    e.facts
        .participants
        .iter()
        .any(|p| p.actor.id == a.id && p.open)
}

/// Escapes text for XML content and double-quoted attributes; drops the characters XML 1.0
/// cannot carry (control characters other than tab, newline and carriage return).
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::xml_escape;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            xml_escape("a<b>&\"c\"\u{1}d"),
            "a&lt;b&gt;&amp;&quot;c&quot;d"
        );
    }
}
