//! [`Timeline`]: meetings merged across articles, so one meeting reported many times is one
//! [`TimelineEvent`] with the same [`MeetingFacts`] an article's event has, every [`Source`]
//! (with its [`Evidence`]) and a status history. [`TimelineBuilder`](super::TimelineBuilder)
//! makes it; `docs/schema.md` describes every field.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::events::Status;
use crate::record::{EntityRef, Evidence, MeetingFacts};
use crate::time::Precision;

/// One report of a meeting's status, in the order of publication instants (see
/// [`Timeline`] for an example).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusStep {
    /// The status the report gives.
    pub status: Status,
    /// When the report was published (its own UTC offset).
    #[serde(with = "crate::record::rfc3339")]
    pub as_of: DateTime<FixedOffset>,
    /// The article id.
    pub article: String,
    /// The date the report gives (a coarser one than the event's, or null), so that
    /// disagreeing reports stay visible.
    pub date: Option<String>,
}

/// One article's report of a meeting: its article, origin, time, status and date, and its
/// [`Evidence`] (see [`TimelineEvent`] for how to read one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Article id.
    pub article: String,
    /// Where the article came from (its URL, agency or file), when the input says.
    #[serde(default)]
    pub source: Option<String>,
    /// Its publication time.
    #[serde(with = "crate::record::rfc3339")]
    pub published: DateTime<FixedOffset>,
    /// The status this article gives.
    pub status: Status,
    /// The date this article gives.
    pub date: Option<String>,
    /// Where the article says so: trigger, sentence and the span of every fact.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// A meeting, merged over all its reports.
///
/// ```
/// use chronik::graph::TimelineEvent;
/// let json = r#"{"id":"2022-01-12-0a1b2c3d4e5f","kind":"meeting","status":"held","date":"2022-01-12",
///   "participants":[{"id":"nato","qid":"Q7184","name":"Nato"}],"place":null,"topic":null,
///   "cameo":"040","plover":"CONSULT","date_precision":"day","status_history":[],"sources":[]}"#;
/// let event: TimelineEvent = serde_json::from_str(json).unwrap();
/// assert_eq!(event.facts.participants[0].actor.name, "Nato");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Stable id: the date (or `undated`) and a hash of the merge key (date, participants, call or
    /// not), the same for any order of the inputs.
    pub id: String,
    /// The merged facts: the status of the latest report, the kind most reports give, every
    /// participant of every report, codes agreeing with kind and status.
    #[serde(flatten)]
    pub facts: MeetingFacts,
    /// How precise `date` is, or null when there is no date.
    pub date_precision: Option<Precision>,
    /// Every status report, oldest first (by instant, not by the text of the time).
    pub status_history: Vec<StatusStep>,
    /// Every report, in the order of `status_history`.
    pub sources: Vec<Source>,
}

/// The merged view of many articles.
///
/// ```
/// use chronik::{DataDir, Pipeline, document::Article, graph::Timeline, record::ArticleRecord};
/// let pipeline = Pipeline::new(&DataDir::bundled())?;
/// let texts = [
///     ("a", "2022-01-05T10:00:00+01:00", "Die Nato plant mit Russland für den 12. Januar ein Treffen."),
///     ("b", "2022-01-13T10:00:00+01:00", "Die Nato und Russland trafen sich am 12. Januar."),
/// ];
/// let records = texts.iter().map(|(id, published, text)| {
///     let article = Article::new(*id, published.parse().unwrap(), *text);
///     ArticleRecord::new(&article, &pipeline.extract(&article), &pipeline)
/// });
/// let timeline = Timeline::merge(records, pipeline.event_codes());
/// assert_eq!(timeline.events.len(), 1);
/// assert_eq!(timeline.events[0].facts.status.as_str(), "held");
/// assert_eq!(timeline.events[0].facts.plover, "CONSULT");
/// assert_eq!(timeline.events[0].sources.len(), 2);
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// Meetings sorted by date (the first day they cover); undated ones last.
    pub events: Vec<TimelineEvent>,
    /// Every actor that takes part in a meeting, sorted by id.
    pub actors: Vec<EntityRef>,
    /// Every place of a meeting, sorted by id.
    pub places: Vec<EntityRef>,
}
