//! [`Timeline`]: meetings merged across articles, so one meeting reported many times is one
//! event with many sources and a status history.
//!
//! Two reports are the same meeting when they name the same set of participants and the same
//! date; an undated report joins the one dated meeting of the same participants when there is
//! exactly one. The merge works on [`ArticleRecord`]s, so per-article output made on many
//! machines (`extract --format jsonl`) merges the same way as output made here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::export::{ArticleRecord, EntityRef, EventRecord, TextSpan};

/// The precision of a TIMEX3 date value.
///
/// ```
/// use chronik::graph::date_precision;
/// assert_eq!(date_precision("2022-01-10"), "day");
/// assert_eq!(date_precision("2022-W02"), "week");
/// assert_eq!(date_precision("2022-SU"), "season");
/// assert_eq!(date_precision("2022"), "year");
/// ```
pub fn date_precision(value: &str) -> String {
    let parts: Vec<&str> = value.split('-').collect();
    let p = match parts.as_slice() {
        [_, _, _, ..] => "day",
        [_, w] if w.starts_with('W') => "week",
        [_, q] if q.starts_with('Q') => "quarter",
        [_, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => "season",
        [_, _] => "month",
        [y] if y.len() == 3 => "decade",
        [y] if y.len() == 2 => "century",
        _ => "year",
    };
    p.to_string()
}

/// The entity under its canonical name: the timeline joins articles that spell it differently.
fn canonical(entity: &EntityRef) -> EntityRef {
    let mut e = entity.clone();
    if let Some(name) = e.canonical.take() {
        e.name = name;
    }
    e
}

/// One status report with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusStep {
    /// The status the source gives.
    pub status: String,
    /// When the source was published.
    pub as_of: String,
    /// The article id.
    pub source: String,
}

/// One article's report of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Article id.
    pub article: String,
    /// Its publication time.
    pub published: String,
    /// The sentence.
    pub evidence: TextSpan,
    /// The reporting word.
    pub trigger: TextSpan,
}

/// A meeting, merged over all its reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// Stable id: date (or `undated`), kind and participant ids.
    pub id: String,
    /// meeting, talks, summit, call, session or visit (from the first report).
    pub kind: String,
    /// TIMEX3 value of the day, or null.
    pub date: Option<String>,
    /// How precise `date` is: `day`, `week`, `month`, `season`, `quarter`, `year` (ACLED's
    /// time precision), or null when there is no date.
    pub date_precision: Option<String>,
    /// The latest status reported.
    pub status: String,
    /// The parties.
    pub participants: Vec<EntityRef>,
    /// Where, when any report says.
    pub place: Option<EntityRef>,
    /// What about, when any report says.
    pub topic: Option<String>,
    /// CAMEO code of the latest report.
    pub cameo: String,
    /// Every status report, oldest first.
    pub status_history: Vec<StatusStep>,
    /// Every report.
    pub sources: Vec<Source>,
}

/// The merged view of many articles.
///
/// ```
/// use chronik::{DataDir, Pipeline, document::Article, export::ArticleRecord, graph::Timeline};
/// let pipeline = Pipeline::new(&DataDir::bundled())?;
/// let texts = [
///     ("a", "2022-01-05T10:00:00+01:00", "Die Nato plant mit Russland für den 12. Januar ein Treffen."),
///     ("b", "2022-01-13T10:00:00+01:00", "Die Nato und Russland trafen sich am 12. Januar."),
/// ];
/// let records = texts.iter().map(|(id, published, text)| {
///     let article = Article::new(*id, published.parse().unwrap(), *text);
///     ArticleRecord::new(&article, &pipeline.extract(&article), pipeline.gazetteer())
/// });
/// let timeline = Timeline::from_records(records);
/// assert_eq!(timeline.events.len(), 1);
/// assert_eq!(timeline.events[0].status, "held");
/// assert_eq!(timeline.events[0].sources.len(), 2);
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// Meetings sorted by date; undated ones last.
    pub events: Vec<TimelineEvent>,
    /// Every actor that takes part in a meeting, sorted by id.
    pub actors: Vec<EntityRef>,
    /// Every place of a meeting, sorted by id.
    pub places: Vec<EntityRef>,
}

impl Timeline {
    /// Merges the events of `records`.
    pub fn from_records(records: impl IntoIterator<Item = ArticleRecord>) -> Timeline {
        let mut builder = TimelineBuilder::default();
        for record in records {
            builder.add(&record);
        }
        builder.finish()
    }
}

/// Adds article records one at a time (for streaming merges), then sorts.
#[derive(Debug, Default)]
pub struct TimelineBuilder {
    events: Vec<TimelineEvent>,
    by_key: BTreeMap<(Option<String>, Vec<String>), usize>,
}

impl TimelineBuilder {
    /// Adds the events of one article.
    pub fn add(&mut self, record: &ArticleRecord) {
        for event in &record.events {
            self.add_event(record, event);
        }
    }

    fn add_event(&mut self, record: &ArticleRecord, event: &EventRecord) {
        let mut parties: Vec<String> = event
            .participants
            .iter()
            .map(|p| p.actor.id.clone())
            .collect();
        parties.sort();
        parties.dedup();
        let key = (event.date.clone(), parties.clone());
        let index = self
            .by_key
            .get(&key)
            .copied()
            .or_else(|| self.undated_match(&key));
        let step = StatusStep {
            status: event.status.clone(),
            as_of: record.published.clone(),
            source: record.id.clone(),
        };
        let source = Source {
            article: record.id.clone(),
            published: record.published.clone(),
            evidence: event.evidence.clone(),
            trigger: event.trigger.clone(),
        };
        match index {
            Some(i) => {
                let e = &mut self.events[i];
                if e.date.is_none() && event.date.is_some() {
                    e.date = event.date.clone();
                    e.date_precision = event.date.as_deref().map(date_precision);
                    self.by_key.insert(key, i);
                }
                e.place = e
                    .place
                    .take()
                    .or_else(|| event.place.as_ref().map(canonical));
                e.topic = e.topic.take().or_else(|| event.topic.clone());
                e.status_history.push(step);
                e.status_history.sort_by(|a, b| a.as_of.cmp(&b.as_of));
                let latest = e
                    .status_history
                    .last()
                    .map(|s| s.status.clone())
                    .unwrap_or_default();
                e.status = latest;
                e.cameo = event.cameo.clone();
                e.sources.push(source);
            }
            None => {
                let id = format!(
                    "{}/{}/{}",
                    event.date.as_deref().unwrap_or("undated"),
                    event.kind,
                    parties.join("+")
                );
                self.by_key.insert(key, self.events.len());
                self.events.push(TimelineEvent {
                    id,
                    kind: event.kind.clone(),
                    date: event.date.clone(),
                    date_precision: event.date.as_deref().map(date_precision),
                    status: event.status.clone(),
                    participants: event
                        .participants
                        .iter()
                        .map(|p| canonical(&p.actor))
                        .collect(),
                    place: event.place.as_ref().map(canonical),
                    topic: event.topic.clone(),
                    cameo: event.cameo.clone(),
                    status_history: vec![step],
                    sources: vec![source],
                });
            }
        }
    }

    /// An undated report joins the single dated meeting of the same parties, and vice versa.
    fn undated_match(&self, key: &(Option<String>, Vec<String>)) -> Option<usize> {
        let mut same_parties = self.by_key.iter().filter(|((date, parties), _)| {
            parties == &key.1 && (date.is_none() || key.0.is_none())
        });
        let first = same_parties.next()?;
        same_parties.next().is_none().then_some(*first.1)
    }

    /// The sorted timeline.
    pub fn finish(mut self) -> Timeline {
        self.events.sort_by(|a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => x.cmp(y).then_with(|| a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        });
        let mut actors: BTreeMap<String, EntityRef> = BTreeMap::new();
        let mut places: BTreeMap<String, EntityRef> = BTreeMap::new();
        for e in &self.events {
            for p in &e.participants {
                actors.entry(p.id.clone()).or_insert_with(|| p.clone());
            }
            if let Some(p) = &e.place {
                places.entry(p.id.clone()).or_insert_with(|| p.clone());
            }
        }
        Timeline {
            events: self.events,
            actors: actors.into_values().collect(),
            places: places.into_values().collect(),
        }
    }
}
