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
use crate::graph::{Edge, Node, Timeline, meeting_graph};

/// `(id, for, name, type)` of every GraphML attribute.
const KEYS: [(&str, &str, &str, &str); 14] = [
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
    ("sources", "node", "sources", "int"),
    ("qid", "node", "qid", "string"),
    ("entity_type", "node", "entity_type", "string"),
    ("relation", "edge", "relation", "string"),
];

/// The meeting graph as GraphML.
///
/// ```
/// let xml = chronik::export::to_graphml(&chronik::graph::Timeline::default());
/// assert!(xml.starts_with("<?xml"));
/// assert!(xml.contains("<graph id=\"chronik\" edgedefault=\"directed\">"));
/// ```
pub fn to_graphml(timeline: &Timeline) -> String {
    let graph = meeting_graph(timeline);
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
            Node::Actor { id, name } => {
                let entity = timeline.actors.iter().find(|a| &a.id == id);
                (
                    format!("actor:{id}"),
                    vec![
                        ("type", "actor".to_string()),
                        ("label", name.clone()),
                        (
                            "qid",
                            entity.and_then(|a| a.qid.clone()).unwrap_or_default(),
                        ),
                        (
                            "entity_type",
                            entity.and_then(|a| a.kind.clone()).unwrap_or_default(),
                        ),
                    ],
                )
            }
            Node::Place { id, name } => {
                let entity = timeline.places.iter().find(|p| &p.id == id);
                (
                    format!("place:{id}"),
                    vec![
                        ("type", "place".to_string()),
                        ("label", name.clone()),
                        (
                            "qid",
                            entity.and_then(|p| p.qid.clone()).unwrap_or_default(),
                        ),
                        (
                            "entity_type",
                            entity.and_then(|p| p.kind.clone()).unwrap_or_default(),
                        ),
                    ],
                )
            }
            Node::Event(i) => {
                let e = &timeline.events[*i];
                let period = e.date.as_deref().and_then(Period::parse);
                let date_words = period.map_or_else(
                    || labels.get("date", "undated").to_string(),
                    |p| p.german(labels),
                );
                let label = format!(
                    "{} ({}), {date_words}",
                    labels.get("kind", &e.kind),
                    labels.get("status", &e.status)
                );
                (
                    format!("event:{}", e.id),
                    vec![
                        ("type", "event".to_string()),
                        ("label", label),
                        ("kind", e.kind.clone()),
                        ("status", e.status.clone()),
                        ("date", e.date.clone().unwrap_or_default()),
                        (
                            "date_start",
                            period.map(|p| p.start.to_string()).unwrap_or_default(),
                        ),
                        (
                            "date_end",
                            period.map(|p| p.end.to_string()).unwrap_or_default(),
                        ),
                        ("precision", e.date_precision.clone().unwrap_or_default()),
                        ("topic", e.topic.clone().unwrap_or_default()),
                        ("cameo", e.cameo.clone()),
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
        let relation = match edge.weight() {
            Edge::Participant => "participant",
            Edge::HeldAt => "held_at",
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
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"relation\">{relation}</data></edge>",
            xml_escape(source),
            xml_escape(target)
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
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
