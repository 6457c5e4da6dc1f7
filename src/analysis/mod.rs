//! The questions analysts ask of a timeline, each one method of [`Meetings`]: events in date
//! order, of an actor or a pair, at a place, in a period; an actor's calendar; the first and last
//! meeting of a pair; meetings planned but never reported held; status changes with the sources
//! that made them; and the co-participation [`Network`] of a period, written as DOT or GraphML.
//!
//! [`Meetings`] reads the [`MeetingGraph`] (the petgraph graph of events, actors, places and
//! days) and answers with the timeline's plain data ([`TimelineEvent`], [`EntityRef`]). Actors
//! are named by chronik id (`russland`), Wikidata id (`Q159`) or name (`Russland`); dates are [`DateInterval`]s, so
//! a period holds the week, day and month values that lie within it.
//!
//! ```
//! let pipeline = chronik::Pipeline::bundled()?;
//! let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
//! let meetings = pipeline.meetings(&articles);
//! let january = "2022-01".parse()?;
//! for event in meetings.events_of("Q159").filter(|e| e.within(&january)) {
//!     println!("{} {}", event.facts.date.as_deref().unwrap_or("?"), event.id);
//! }
//! # assert_eq!(meetings.events_of("Q159").filter(|e| e.within(&january)).count(), 2);
//! # Ok::<(), chronik::Error>(())
//! ```

mod network;

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};

pub use network::{Network, Pair};

use crate::document::Article;
use crate::events::Status;
use crate::gazetteer::{ActorId, Gazetteer};
use crate::graph::{MeetingGraph, Source, Timeline, TimelineEvent};
use crate::record::{ArticleRecord, EntityRef};
use crate::time::DateInterval;
use crate::{Error, Pipeline};

impl TimelineEvent {
    /// The days of the event's date, when it has one that names fixed days (see
    /// [`DateInterval::from_timex`]).
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// let first = meetings.events().next().unwrap();
    /// assert_eq!(first.interval().unwrap().to_string(), "2022-01-10");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn interval(&self) -> Option<DateInterval> {
        DateInterval::from_timex(self.facts.date.as_deref()?)
    }

    /// True when the event's date lies within `period` (an undated event lies in none).
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// let first = meetings.events().next().unwrap();
    /// assert!(first.within(&"2022-W02".parse()?));
    /// assert!(!first.within(&"2021".parse()?));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn within(&self, period: &DateInterval) -> bool {
        self.interval().is_some_and(|d| period.contains(&d))
    }

    /// True when `actor` (chronik id, Wikidata id or name) takes part.
    pub fn has_participant(&self, actor: &str) -> bool {
        self.facts
            .participants
            .iter()
            .any(|p| names(&p.actor, actor))
    }
}

/// True when `key` is the entity's chronik id, Wikidata id or (canonical) name.
fn names(entity: &EntityRef, key: &str) -> bool {
    entity.id == key || entity.qid.as_deref() == Some(key) || entity.name == key
}

/// The meetings of a timeline and the questions asked of them.
///
/// Built from articles with [`Pipeline::meetings`], or from a timeline (for instance one read
/// back from `chronik merge` output) with [`Meetings::new`]. It knows from the gazetteer which
/// actors belong together (a body and its parent organisation, a joint council and its members),
/// so that they do not count as meeting each other.
///
/// ```
/// let pipeline = chronik::Pipeline::bundled()?;
/// let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
/// let meetings = pipeline.meetings(&articles);
/// let dates: Vec<&str> = meetings.events().filter_map(|e| e.facts.date.as_deref()).collect();
/// assert_eq!(dates, ["2022-01-10", "2022-01-12", "2022-01-13"]);
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Meetings {
    graph: MeetingGraph,
    /// Pairs of actor ids that are one side, not two (body and parent, council and member),
    /// smaller id first.
    one_side: HashSet<(String, String)>,
}

/// One entry of an actor's meeting calendar ([`Meetings::calendar`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEntry<'a> {
    /// The days of the meeting, when it is dated.
    pub date: Option<DateInterval>,
    /// The meeting.
    pub event: &'a TimelineEvent,
    /// The other parties, without the actor's own bodies and parents.
    pub with: Vec<&'a EntityRef>,
}

/// A change of a meeting's status and the report that made it ([`Meetings::status_changes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange<'a> {
    /// The meeting.
    pub event: &'a TimelineEvent,
    /// The status before.
    pub from: Status,
    /// The status the report gives.
    pub to: Status,
    /// The report that changed it: article, publication time, evidence.
    pub source: &'a Source,
}

impl Meetings {
    /// The meetings of `timeline`; `gazetteer` tells which actors are one side (see
    /// [`is_meeting_pair`](Self::is_meeting_pair)).
    ///
    /// ```
    /// use chronik::{analysis::Meetings, graph::Timeline};
    /// let pipeline = chronik::Pipeline::bundled()?;
    /// let meetings = Meetings::new(Timeline::default(), pipeline.gazetteer());
    /// assert_eq!(meetings.events().count(), 0);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn new(timeline: Timeline, gazetteer: &Gazetteer) -> Meetings {
        Meetings {
            graph: MeetingGraph::new(timeline),
            one_side: one_side_pairs(gazetteer),
        }
    }

    /// Extracts and merges `articles` (see [`Pipeline::meetings`]).
    pub fn from_articles<A: Borrow<Article>>(
        pipeline: &Pipeline,
        articles: impl IntoIterator<Item = A>,
    ) -> Meetings {
        let records = pipeline
            .extract_all(articles)
            .map(|(article, found)| ArticleRecord::new(article.borrow(), &found, pipeline));
        Meetings::new(
            Timeline::merge(records, pipeline.event_codes()),
            pipeline.gazetteer(),
        )
    }

    /// The graph of events, actors, places and days, for graph algorithms and the exports.
    pub fn graph(&self) -> &MeetingGraph {
        &self.graph
    }

    /// The merged timeline.
    pub fn timeline(&self) -> &Timeline {
        self.graph.timeline()
    }

    /// Every meeting in date order (by the first day its date covers; undated ones last).
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// let first = meetings.events().next().unwrap();
    /// assert_eq!(first.facts.place.as_ref().unwrap().name, "Genf");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn events(&self) -> impl Iterator<Item = &TimelineEvent> {
        self.graph.events().map(|(_, e)| e)
    }

    /// The meeting with id `id` (as the timeline output writes it).
    pub fn event(&self, id: &str) -> Option<&TimelineEvent> {
        self.events().find(|e| e.id == id)
    }

    /// The participants of the meeting with id `id`, from the graph; empty for an unknown id.
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// let id = &meetings.events().next().unwrap().id;
    /// let names: Vec<&str> = meetings.participants(id).map(|a| a.name.as_str()).collect();
    /// assert_eq!(names, ["USA", "Russland"]);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn participants(&self, id: &str) -> impl Iterator<Item = &EntityRef> {
        let node = self
            .graph
            .events()
            .find(|(_, e)| e.id == id)
            .map(|(n, _)| n);
        node.into_iter().flat_map(|n| self.graph.participants(n))
    }

    /// The meetings `actor` (chronik id, Wikidata id or name) takes part in, in date order.
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// assert_eq!(meetings.events_of("russland").count(), 2);
    /// assert_eq!(meetings.events_of("Q159").count(), 2);
    /// assert_eq!(meetings.events_of("Russland").count(), 2);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn events_of<'a>(&'a self, actor: &str) -> impl Iterator<Item = &'a TimelineEvent> + 'a {
        let id = self.actor_id(actor).unwrap_or_default();
        self.graph
            .events_of(&id)
            .map(|(_, e)| e)
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The meetings both `a` and `b` take part in, in date order.
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// let together: Vec<&str> = meetings.events_of_pair("nato", "russland")
    ///     .filter_map(|e| e.facts.date.as_deref()).collect();
    /// assert_eq!(together, ["2022-01-12"]);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn events_of_pair<'a>(
        &'a self,
        a: &str,
        b: &str,
    ) -> impl Iterator<Item = &'a TimelineEvent> + 'a {
        let b = b.to_string();
        self.events_of(a).filter(move |e| e.has_participant(&b))
    }

    /// The meetings at `place` (chronik id, Wikidata id or name), in date order.
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// assert_eq!(meetings.events_at("Genf").count(), 1);
    /// assert_eq!(meetings.events_at("Q71").count(), 1);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn events_at<'a>(&'a self, place: &'a str) -> impl Iterator<Item = &'a TimelineEvent> + 'a {
        self.events()
            .filter(move |e| e.facts.place.as_ref().is_some_and(|p| names(p, place)))
    }

    /// The meetings whose date lies within `period`, in date order: `2022-W02` and
    /// `2022-01-12` lie within January 2022, `2022-W05` (to 6 February) and undated ones do not.
    /// For meetings that only touch the period, filter on
    /// [`interval`](TimelineEvent::interval) with [`DateInterval::overlaps`].
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// assert_eq!(meetings.during("2022-01".parse()?).count(), 3);
    /// assert_eq!(meetings.during("2022-01-12".parse()?).count(), 1);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn during(&self, period: DateInterval) -> impl Iterator<Item = &TimelineEvent> {
        self.events().filter(move |e| e.within(&period))
    }

    /// `actor`'s meeting calendar: its meetings in date order, each with its date and the other
    /// parties (without those on the actor's own side).
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// let nato = meetings.calendar("nato");
    /// let with: Vec<&str> = nato[0].with.iter().map(|a| a.name.as_str()).collect();
    /// assert_eq!(with, ["Russland"], "not the Nato-Russland-Rat the Nato is part of");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn calendar(&self, actor: &str) -> Vec<CalendarEntry<'_>> {
        let id = self.actor_id(actor).unwrap_or_default();
        self.events_of(&id)
            .map(|event| CalendarEntry {
                date: event.interval(),
                event,
                with: event
                    .facts
                    .participants
                    .iter()
                    .map(|p| &p.actor)
                    .filter(|other| self.is_meeting_pair(&id, &other.id))
                    .collect(),
            })
            .collect()
    }

    /// The first and the last meeting of `a` and `b` that took place (status `held`), by date;
    /// `None` when no held meeting of theirs is dated. One meeting is first and last.
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// // on the bundled page the talks in Geneva are only planned
    /// assert!(meetings.first_and_last_meeting("usa", "russland").is_none());
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn first_and_last_meeting(
        &self,
        a: &str,
        b: &str,
    ) -> Option<(&TimelineEvent, &TimelineEvent)> {
        let mut held = self
            .events_of_pair(a, b)
            .filter(|e| e.facts.status == Status::Held && e.interval().is_some());
        let first = held.next()?;
        Some((first, held.last().unwrap_or(first)))
    }

    /// Meetings that a report planned or proposed and no report says were held, in date order
    /// (their current status tells whether they are still planned, postponed or cancelled).
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// assert_eq!(meetings.planned_never_held().count(), 3);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn planned_never_held(&self) -> impl Iterator<Item = &TimelineEvent> {
        self.events().filter(|e| {
            let steps = || e.status_history.iter().map(|s| s.status);
            steps().any(|s| matches!(s, Status::Planned | Status::Proposed))
                && !steps().any(|s| s == Status::Held)
        })
    }

    /// Every change of a meeting's status with the report that made it, meetings in date order
    /// and changes in the order of publication.
    ///
    /// ```
    /// use chronik::{Pipeline, document::Article, events::Status};
    /// let pipeline = Pipeline::bundled()?;
    /// let report = |id, published: &str, text| Article::new(id, published.parse().unwrap(), text);
    /// let articles = [
    ///     report("a", "2022-01-05T10:00:00+01:00", "Die Nato plant mit Russland für den 12. Januar ein Treffen."),
    ///     report("b", "2022-01-13T10:00:00+01:00", "Die Nato und Russland trafen sich am 12. Januar."),
    /// ];
    /// let meetings = pipeline.meetings(&articles);
    /// let changes = meetings.status_changes();
    /// assert_eq!((changes[0].from, changes[0].to), (Status::Planned, Status::Held));
    /// assert_eq!(changes[0].source.article, "b");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn status_changes(&self) -> Vec<StatusChange<'_>> {
        let mut changes = Vec::new();
        for event in self.events() {
            for pair in event.status_history.windows(2) {
                let (before, step) = (&pair[0], &pair[1]);
                if before.status == step.status {
                    continue;
                }
                let source = event
                    .sources
                    .iter()
                    .find(|s| s.article == step.article && s.published == step.as_of);
                if let Some(source) = source {
                    changes.push(StatusChange {
                        event,
                        from: before.status,
                        to: step.status,
                        source,
                    });
                }
            }
        }
        changes
    }

    /// Who met whom how often among `events`: a [`Network`] of the actors, with an edge for
    /// every pair that takes part in a meeting together, weighted by the number of meetings.
    /// A body and its parent organisation, or a joint council and its members, are one side and
    /// no pair (see [`is_meeting_pair`](Self::is_meeting_pair)). Pass [`during`](Self::during)
    /// for a period, and filter on the status for meetings that took place.
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// let network = meetings.network(meetings.during("2022-01".parse()?));
    /// let pairs: Vec<(&str, &str, usize)> =
    ///     network.pairs.iter().map(|p| (p.a.as_str(), p.b.as_str(), p.count())).collect();
    /// assert_eq!(pairs, [("nato", "russland", 1), ("russland", "usa", 1)]);
    /// let mut dot = Vec::new();
    /// network.write_dot(&mut dot)?;
    /// assert!(String::from_utf8(dot).unwrap().contains("\"nato\" -- \"russland\""));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn network<'a>(&self, events: impl IntoIterator<Item = &'a TimelineEvent>) -> Network {
        Network::of(events, |a, b| self.is_meeting_pair(a, b))
    }

    /// False when `a` and `b` (chronik ids) are one side rather than two parties: the same
    /// actor, a body and its parent organisation (also further up: a committee of a council of
    /// an organisation), or a joint body and one of its members, as the gazetteer's `parent` and
    /// `members` columns say.
    ///
    /// ```
    /// # let pipeline = chronik::Pipeline::bundled()?;
    /// # let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// assert!(!meetings.is_meeting_pair("un-sicherheitsrat", "un"));
    /// assert!(!meetings.is_meeting_pair("nato-russland-rat", "russland"));
    /// assert!(meetings.is_meeting_pair("nato", "russland"));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn is_meeting_pair(&self, a: &str, b: &str) -> bool {
        if a == b {
            return false;
        }
        let key = if a < b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        };
        !self.one_side.contains(&key)
    }

    /// The chronik id of an actor of the timeline named by chronik id, Wikidata id or name.
    fn actor_id(&self, key: &str) -> Option<String> {
        self.timeline()
            .actors
            .iter()
            .find(|a| names(a, key))
            .map(|a| a.id.clone())
    }
}

impl Pipeline {
    /// Extracts `articles` and merges their meetings into [`Meetings`], ready for questions.
    /// Takes articles or anything that borrows one (`&Article`).
    ///
    /// ```
    /// let pipeline = chronik::Pipeline::bundled()?;
    /// let articles = chronik::read_articles("examples/dpa-page.txt").collect::<Result<Vec<_>, _>>()?;
    /// let meetings = pipeline.meetings(&articles);
    /// assert_eq!(meetings.events().count(), 3);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn meetings<A: Borrow<Article>>(&self, articles: impl IntoIterator<Item = A>) -> Meetings {
        Meetings::from_articles(self, articles)
    }
}

/// Reads every article of `path` ([`read_articles`](crate::read_articles)), stopping at the
/// first bad record, and merges their meetings: the whole way from a file to [`Meetings`].
///
/// ```
/// let pipeline = chronik::Pipeline::bundled()?;
/// let meetings = chronik::analysis::meetings_in(&pipeline, "examples/dpa-page.txt")?;
/// assert_eq!(meetings.events_of("Q159").count(), 2);
/// # Ok::<(), chronik::Error>(())
/// ```
///
/// # Errors
/// The first record that could not be read, naming the file and place.
pub fn meetings_in(
    pipeline: &Pipeline,
    path: impl AsRef<std::path::Path>,
) -> Result<Meetings, Error> {
    let articles = crate::read_articles(path).collect::<Result<Vec<_>, _>>()?;
    Ok(pipeline.meetings(&articles))
}

/// The pairs of actor ids that are one side: every body with each of its ancestors and members.
fn one_side_pairs(gazetteer: &Gazetteer) -> HashSet<(String, String)> {
    let mut pairs = HashSet::new();
    let mut add = |a: &str, b: &str| {
        if a != b {
            let (x, y) = if a < b { (a, b) } else { (b, a) };
            pairs.insert((x.to_string(), y.to_string()));
        }
    };
    let ids: HashMap<ActorId, &str> = gazetteer
        .actors()
        .map(|(id, a)| (id, a.id.as_str()))
        .collect();
    for (_, actor) in gazetteer.actors() {
        let mut seen = HashSet::new();
        let mut up = actor.parent;
        while let Some(parent) = up {
            if !seen.insert(parent) {
                break;
            }
            add(&actor.id, ids[&parent]);
            up = gazetteer.actor(parent).parent;
        }
        for member in &actor.members {
            add(&actor.id, ids[member]);
        }
    }
    pairs
}
