//! The merged meetings: [`TimelineBuilder`] merges the article records ([`crate::record::ArticleRecord`])
//! of many articles into a [`Timeline`], and [`MeetingGraph`] holds it as a [`petgraph`] graph
//! of events, actors, places and days: the structure every export and the library read.
//! Data flows one way: records → timeline → graph → `export`.

mod dates;
mod merge;
mod timeline;

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

pub use dates::{date_precision, day_range};
pub use merge::TimelineBuilder;
pub use timeline::{Source, StatusStep, Timeline, TimelineEvent};

use crate::events::EventCodes;
use crate::record::{ArticleRecord, EntityRef};

impl Timeline {
    /// Merges the events of `records` (in any order: the result is the same).
    pub fn merge(records: impl IntoIterator<Item = ArticleRecord>, codes: &EventCodes) -> Timeline {
        let mut builder = TimelineBuilder::new(codes);
        for record in records {
            builder.add(&record);
        }
        builder.finish()
    }
}

/// A node of the meeting graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A participant.
    Actor(EntityRef),
    /// A place.
    Place(EntityRef),
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

/// The timeline as a graph: one node per event, actor, place and date, edges from each event to
/// its participants, place and date. Nodes are added in the timeline's order (events by date),
/// so the same timeline gives the same node indexes.
///
/// ```
/// use chronik::{DataDir, Pipeline, document::Article, graph::{MeetingGraph, Timeline}, record::ArticleRecord};
/// let pipeline = Pipeline::new(&DataDir::bundled())?;
/// let article = Article::new("a", "2022-01-13T10:00:00+01:00".parse().unwrap(),
///     "Die Nato und Russland trafen sich am 12. Januar in Brüssel.");
/// let record = ArticleRecord::new(&article, &pipeline.extract(&article), &pipeline);
/// let graph = MeetingGraph::new(Timeline::merge([record], pipeline.event_codes()));
/// let (event, _) = graph.events().next().unwrap();
/// let names: Vec<&str> = graph.participants(event).map(|a| a.name.as_str()).collect();
/// assert_eq!(names, ["Nato", "Russland"]);
/// assert_eq!(graph.events_of("russland").count(), 1);
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct MeetingGraph {
    timeline: Timeline,
    graph: DiGraph<Node, Edge>,
    /// The node of each event, in timeline order.
    event_nodes: Vec<NodeIndex>,
    actor_nodes: HashMap<String, NodeIndex>,
}

impl MeetingGraph {
    /// Builds the graph of a timeline.
    pub fn new(timeline: Timeline) -> MeetingGraph {
        let mut graph = DiGraph::new();
        let mut actor_nodes: HashMap<String, NodeIndex> = HashMap::new();
        let mut place_nodes: HashMap<String, NodeIndex> = HashMap::new();
        let mut day_nodes: HashMap<String, NodeIndex> = HashMap::new();
        let mut event_nodes = Vec::with_capacity(timeline.events.len());
        for (i, event) in timeline.events.iter().enumerate() {
            let e = graph.add_node(Node::Event(i));
            event_nodes.push(e);
            for p in &event.facts.participants {
                let a = *actor_nodes
                    .entry(p.actor.id.clone())
                    .or_insert_with(|| graph.add_node(Node::Actor(p.actor.clone())));
                graph.add_edge(e, a, Edge::Participant);
            }
            if let Some(p) = &event.facts.place {
                let n = *place_nodes
                    .entry(p.id.clone())
                    .or_insert_with(|| graph.add_node(Node::Place(p.clone())));
                graph.add_edge(e, n, Edge::HeldAt);
            }
            if let Some(d) = &event.facts.date {
                let n = *day_nodes
                    .entry(d.clone())
                    .or_insert_with(|| graph.add_node(Node::Day(d.clone())));
                graph.add_edge(e, n, Edge::On);
            }
        }
        MeetingGraph {
            timeline,
            graph,
            event_nodes,
            actor_nodes,
        }
    }

    /// The merged timeline the graph was built from (for `--format timeline`).
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The petgraph graph itself, for graph algorithms and writers.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Every event with its node, in timeline order (by date, undated last).
    pub fn events(&self) -> impl Iterator<Item = (NodeIndex, &TimelineEvent)> {
        self.event_nodes.iter().copied().zip(&self.timeline.events)
    }

    /// The event at a node, when it is an event node.
    pub fn event(&self, node: NodeIndex) -> Option<&TimelineEvent> {
        match self.graph.node_weight(node)? {
            Node::Event(i) => self.timeline.events.get(*i),
            _ => None,
        }
    }

    /// The participants of the event at `event`, in the event's order.
    pub fn participants(&self, event: NodeIndex) -> impl Iterator<Item = &EntityRef> {
        let mut targets: Vec<(usize, &EntityRef)> = self
            .graph
            .edges_directed(event, Direction::Outgoing)
            .filter(|e| *e.weight() == Edge::Participant)
            .filter_map(|e| match &self.graph[e.target()] {
                Node::Actor(a) => Some((e.id().index(), a)),
                _ => None,
            })
            .collect();
        // petgraph lists a node's edges newest first
        targets.sort_by_key(|(edge, _)| *edge);
        targets.into_iter().map(|(_, a)| a)
    }

    /// The events an actor takes part in, in timeline order.
    pub fn events_of(&self, actor_id: &str) -> impl Iterator<Item = (NodeIndex, &TimelineEvent)> {
        let mut nodes: Vec<NodeIndex> = self
            .actor_nodes
            .get(actor_id)
            .map(|&a| {
                self.graph
                    .neighbors_directed(a, Direction::Incoming)
                    .collect()
            })
            .unwrap_or_default();
        nodes.sort();
        nodes.dedup();
        nodes
            .into_iter()
            .filter_map(|n| self.event(n).map(|e| (n, e)))
    }
}
