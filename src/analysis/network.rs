//! [`Network`]: who met whom how often, and its DOT and GraphML writers.

use std::collections::BTreeMap;
use std::io::{self, Write};

use petgraph::graph::UnGraph;

use crate::graph::TimelineEvent;
use crate::record::EntityRef;

/// The co-participation network of a set of meetings ([`Meetings::network`]): the actors, and
/// for every pair that met, the meetings they shared.
///
/// [`Meetings::network`]: super::Meetings::network
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Network {
    /// Every actor of a pair, sorted by id.
    pub actors: Vec<EntityRef>,
    /// Every pair, most meetings first, then by ids.
    pub pairs: Vec<Pair>,
}

/// Two actors that took part in meetings together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The actor id that sorts first.
    pub a: String,
    /// The other actor id.
    pub b: String,
    /// The ids of their shared meetings, in date order.
    pub meetings: Vec<String>,
}

impl Pair {
    /// How many meetings the pair shares: the weight of its edge.
    pub fn count(&self) -> usize {
        self.meetings.len()
    }
}

impl Network {
    /// The network of `events`; `pair(a, b)` says whether two participants are two parties.
    pub(super) fn of<'a>(
        events: impl IntoIterator<Item = &'a TimelineEvent>,
        pair: impl Fn(&str, &str) -> bool,
    ) -> Network {
        let mut actors: BTreeMap<&str, &EntityRef> = BTreeMap::new();
        let mut pairs: BTreeMap<(&str, &str), Vec<String>> = BTreeMap::new();
        for event in events {
            let parties = &event.facts.participants;
            for (i, x) in parties.iter().enumerate() {
                for y in &parties[i + 1..] {
                    let (x, y) = (&x.actor, &y.actor);
                    if !pair(&x.id, &y.id) {
                        continue;
                    }
                    let (x, y) = if x.id <= y.id { (x, y) } else { (y, x) };
                    actors.insert(&x.id, x);
                    actors.insert(&y.id, y);
                    let shared = pairs.entry((&x.id, &y.id)).or_default();
                    if shared.last() != Some(&event.id) {
                        shared.push(event.id.clone());
                    }
                }
            }
        }
        let mut pairs: Vec<Pair> = pairs
            .into_iter()
            .map(|((a, b), meetings)| Pair {
                a: a.to_string(),
                b: b.to_string(),
                meetings,
            })
            .collect();
        pairs.sort_by(|p, q| {
            q.count()
                .cmp(&p.count())
                .then_with(|| (&p.a, &p.b).cmp(&(&q.a, &q.b)))
        });
        Network {
            actors: actors.into_values().cloned().collect(),
            pairs,
        }
    }

    /// The network as an undirected petgraph graph: actors as nodes, pairs as edges weighted by
    /// their number of meetings (for centrality, communities and other graph algorithms).
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let meetings = chronik::analysis::meetings_in(&pipeline, "examples/dpa-page.txt")?;
    /// let graph = meetings.network(meetings.events()).graph();
    /// assert_eq!((graph.node_count(), graph.edge_count()), (3, 2));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn graph(&self) -> UnGraph<EntityRef, usize> {
        let mut graph = UnGraph::with_capacity(self.actors.len(), self.pairs.len());
        let nodes: BTreeMap<&str, _> = self
            .actors
            .iter()
            .map(|a| (a.id.as_str(), graph.add_node(a.clone())))
            .collect();
        for p in &self.pairs {
            graph.add_edge(nodes[p.a.as_str()], nodes[p.b.as_str()], p.count());
        }
        graph
    }

    /// Writes the network as a Graphviz graph: one node per actor (labelled with its name),
    /// one edge per pair with the number of meetings as label and pen width.
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let meetings = chronik::analysis::meetings_in(&pipeline, "examples/dpa-page.txt")?;
    /// let mut out = Vec::new();
    /// meetings.network(meetings.events()).write_dot(&mut out)?;
    /// let dot = String::from_utf8(out).unwrap();
    /// assert!(dot.starts_with("graph meetings {"));
    /// assert!(dot.contains("\"russland\" [label=\"Russland\"]"));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_dot(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "graph meetings {{")?;
        writeln!(out, "  node [shape=box, style=rounded];")?;
        for a in &self.actors {
            writeln!(
                out,
                "  \"{}\" [label=\"{}\"];",
                dot_escape(&a.id),
                dot_escape(&a.name)
            )?;
        }
        for p in &self.pairs {
            writeln!(
                out,
                "  \"{}\" -- \"{}\" [label=\"{n}\", weight={n}, penwidth={}];",
                dot_escape(&p.a),
                dot_escape(&p.b),
                1 + p.count().min(8),
                n = p.count()
            )?;
        }
        writeln!(out, "}}")
    }

    /// Writes the network as GraphML (for Gephi, yEd, networkx, igraph): nodes with `name`
    /// and `qid`, undirected edges with `weight` (the number of meetings) and `meetings` (their
    /// ids, space-separated).
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let meetings = chronik::analysis::meetings_in(&pipeline, "examples/dpa-page.txt")?;
    /// let mut out = Vec::new();
    /// meetings.network(meetings.events()).write_graphml(&mut out)?;
    /// let xml = String::from_utf8(out).unwrap();
    /// assert!(xml.contains(r#"<edge source="nato" target="russland">"#));
    /// assert!(xml.contains(r#"<data key="weight">1</data>"#));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_graphml(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        for (key, of, kind) in [
            ("name", "node", "string"),
            ("qid", "node", "string"),
            ("weight", "edge", "int"),
            ("meetings", "edge", "string"),
        ] {
            writeln!(
                out,
                r#"  <key id="{key}" for="{of}" attr.name="{key}" attr.type="{kind}"/>"#
            )?;
        }
        writeln!(out, r#"  <graph id="meetings" edgedefault="undirected">"#)?;
        for a in &self.actors {
            writeln!(out, r#"    <node id="{}">"#, xml_escape(&a.id))?;
            writeln!(
                out,
                r#"      <data key="name">{}</data>"#,
                xml_escape(&a.name)
            )?;
            if let Some(qid) = &a.qid {
                writeln!(out, r#"      <data key="qid">{}</data>"#, xml_escape(qid))?;
            }
            writeln!(out, "    </node>")?;
        }
        for p in &self.pairs {
            writeln!(
                out,
                r#"    <edge source="{}" target="{}">"#,
                xml_escape(&p.a),
                xml_escape(&p.b)
            )?;
            writeln!(out, r#"      <data key="weight">{}</data>"#, p.count())?;
            writeln!(
                out,
                r#"      <data key="meetings">{}</data>"#,
                xml_escape(&p.meetings.join(" "))
            )?;
            writeln!(out, "    </edge>")?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")
    }
}

/// A DOT double-quoted string's content.
fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// XML character data or attribute content; characters XML 1.0 forbids become U+FFFD.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(dot_escape("a \"b\" \\ c\nd"), "a \\\"b\\\" \\\\ c d");
        assert_eq!(
            xml_escape("<a & 'b'>\u{1}"),
            "&lt;a &amp; &apos;b&apos;&gt;\u{FFFD}"
        );
    }
}
