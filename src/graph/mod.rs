//! The meeting graph: actors, places, events and days as [`petgraph`] nodes, and the merged
//! [`Timeline`] it is built from.

mod timeline;

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

pub use timeline::{Source, StatusStep, Timeline, TimelineBuilder, TimelineEvent, date_precision};

/// A node of the meeting graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A participant: id and name.
    Actor {
        /// Stable id.
        id: String,
        /// Display name.
        name: String,
    },
    /// A place: id and name.
    Place {
        /// Stable id.
        id: String,
        /// Display name.
        name: String,
    },
    /// A meeting: index into [`Timeline::events`].
    Event(usize),
    /// A day (or coarser TIMEX3 value).
    Day(String),
}

/// An edge of the meeting graph, always from an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The actor takes part.
    Participant,
    /// The meeting is held at the place.
    HeldAt,
    /// The meeting is on the day.
    On,
}

/// Builds the graph of a timeline: one node per actor, place, event and day, deterministic
/// order (the timeline's order), edges from each event.
///
/// ```
/// use chronik::graph::{Timeline, meeting_graph};
/// let graph = meeting_graph(&Timeline::default());
/// assert_eq!(graph.node_count(), 0);
/// ```
pub fn meeting_graph(timeline: &Timeline) -> DiGraph<Node, Edge> {
    let mut graph = DiGraph::new();
    let mut index: HashMap<(u8, String), NodeIndex> = HashMap::new();
    let mut node = |graph: &mut DiGraph<Node, Edge>, key: (u8, String), make: &dyn Fn() -> Node| {
        *index.entry(key).or_insert_with(|| graph.add_node(make()))
    };
    for (i, event) in timeline.events.iter().enumerate() {
        let e = graph.add_node(Node::Event(i));
        for p in &event.participants {
            let a = node(&mut graph, (0, p.id.clone()), &|| Node::Actor {
                id: p.id.clone(),
                name: p.name.clone(),
            });
            graph.add_edge(e, a, Edge::Participant);
        }
        if let Some(p) = &event.place {
            let n = node(&mut graph, (1, p.id.clone()), &|| Node::Place {
                id: p.id.clone(),
                name: p.name.clone(),
            });
            graph.add_edge(e, n, Edge::HeldAt);
        }
        if let Some(d) = &event.date {
            let n = node(&mut graph, (2, d.clone()), &|| Node::Day(d.clone()));
            graph.add_edge(e, n, Edge::On);
        }
    }
    graph
}
