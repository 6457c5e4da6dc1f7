//! Graphviz DOT export of the meeting graph, written by hand (petgraph's `Dot` is for
//! debugging and may change): stable node names, escaped labels, events grouped by day.

use std::fmt::Write;

use petgraph::visit::EdgeRef;

use crate::graph::{Edge, MeetingGraph, Node};

/// The timeline as a DOT digraph: events are boxes labelled with kind, status and date, with
/// their sources (article id and origin) as tooltip; actors ellipses; places diamonds; days
/// notes. Same input, same output.
///
/// ```
/// use chronik::{export::to_dot, graph::MeetingGraph};
/// let dot = to_dot(&MeetingGraph::default());
/// assert!(dot.starts_with("digraph chronik {"));
/// ```
pub fn to_dot(meetings: &MeetingGraph) -> String {
    let graph = meetings.graph();
    let mut out =
        String::from("digraph chronik {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    for n in graph.node_indices() {
        let (shape, label, tooltip) = match &graph[n] {
            Node::Actor(a) => ("ellipse", a.name.clone(), None),
            Node::Place(p) => ("diamond", p.name.clone(), None),
            Node::Day(d) => ("note", d.clone(), None),
            Node::Event(i) => {
                let e = &meetings.timeline().events[*i];
                let date = e.facts.date.as_deref().unwrap_or("undatiert");
                // the sources, one a line: article id and where it came from
                let sources: Vec<String> = e
                    .sources
                    .iter()
                    .map(|s| match &s.source {
                        Some(origin) => format!("{}: {origin}", s.article),
                        None => s.article.clone(),
                    })
                    .collect();
                (
                    "box",
                    format!(
                        "{} ({})\n{}\n{} Quelle(n)",
                        e.facts.kind.as_str(),
                        e.facts.status.as_str(),
                        date,
                        e.sources.len()
                    ),
                    Some(sources.join("\n")),
                )
            }
        };
        let tooltip = tooltip
            .map(|t| format!(", tooltip=\"{}\"", escape(&t)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  n{} [shape={shape}, label=\"{}\"{tooltip}];",
            n.index(),
            escape(&label)
        );
    }
    for edge in graph.edge_references() {
        let style = match edge.weight() {
            Edge::Participant => "label=\"Teilnehmer\"",
            Edge::HeldAt => "label=\"in\", style=dashed",
            Edge::On => "label=\"am\", style=dotted",
        };
        let _ = writeln!(
            out,
            "  n{} -> n{} [{style}];",
            edge.source().index(),
            edge.target().index()
        );
    }
    out.push_str("}\n");
    out
}

/// Escapes a label for a DOT double-quoted string; newlines become `\n` line breaks.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape("a \"b\"\\c\nd"), "a \\\"b\\\"\\\\c\\nd");
    }
}
