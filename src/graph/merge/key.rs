//! What the merge rule compares of a report ([`Key`]) and a meeting being merged ([`Cluster`]).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Report;
use crate::events::EventKind;
use crate::graph::day_range;
use crate::record::EntityRef;

/// A participant id, interned for the merge (ids are numbered in canonical order).
pub(super) type Party = u32;

/// Participant ids and articles (id and publication instant) as numbers.
#[derive(Default)]
pub(super) struct Interned {
    pub(super) parties: HashMap<String, Party>,
    pub(super) articles: HashMap<(String, i64), u32>,
}

/// An undated report is about a meeting within this many days of its publication.
pub(super) const UNDATED_WINDOW_DAYS: i64 = 30;

/// What the rule compares of a report.
pub(super) struct Key {
    /// The article (interned id and publication instant) and the event's position in it.
    pub(super) article: (u32, usize),
    /// Publication instant, seconds since 1970.
    pub(super) published: i64,
    /// Participants, sorted, without repeats.
    pub(super) parties: Vec<Party>,
    pub(super) call: bool,
    pub(super) place: Option<PlaceKey>,
    pub(super) date: DateKey,
}

/// A meeting's place as the merge compares it: its id and the state it lies in.
#[derive(Clone)]
pub(super) struct PlaceKey {
    id: String,
    in_state: Option<String>,
}

impl PlaceKey {
    fn of(place: &EntityRef) -> PlaceKey {
        PlaceKey {
            id: place.id.clone(),
            in_state: place.in_state.clone(),
        }
    }

    /// The same place, or a place and the state it lies in (`Genf` and `Schweiz`).
    fn agrees_with(&self, other: &PlaceKey) -> bool {
        self.id == other.id
            || self.in_state.as_ref() == Some(&other.id)
            || other.in_state.as_ref() == Some(&self.id)
    }

    /// A place within a state says more than the state.
    fn is_finer_than(&self, other: &PlaceKey) -> bool {
        self.in_state.as_ref() == Some(&other.id)
    }
}

pub(super) enum DateKey {
    /// Dated to the day.
    Day(NaiveDate),
    /// A coarser date: the days it covers, and its value.
    Range(NaiveDate, NaiveDate, String),
    /// A value that names no calendar period (`XXXX-01-12`), or no date.
    Other(Option<String>),
}

impl Key {
    pub(super) fn of(report: &Report, interned: &mut Interned) -> Key {
        let event = &report.event;
        let next = interned.articles.len() as u32;
        let article = *interned
            .articles
            .entry((report.article.clone(), report.published.timestamp()))
            .or_insert(next);
        let mut parties: Vec<Party> = event
            .facts
            .participants
            .iter()
            .map(|p| {
                let next = interned.parties.len() as Party;
                *interned.parties.entry(p.actor.id.clone()).or_insert(next)
            })
            .collect();
        parties.sort_unstable();
        parties.dedup();
        let date = match &event.facts.date {
            Some(value) => match day_range(value) {
                Some((first, last)) if first == last => DateKey::Day(first),
                Some((first, last)) => DateKey::Range(first, last, value.clone()),
                None => DateKey::Other(Some(value.clone())),
            },
            None => DateKey::Other(None),
        };
        Key {
            article: (article, report.position),
            published: report.published.timestamp(),
            parties,
            call: event.facts.kind == EventKind::Call,
            place: event.facts.place.as_ref().map(PlaceKey::of),
            date,
        }
    }
}

/// A meeting being merged.
pub(super) struct Cluster {
    pub(super) parties: Vec<Party>,
    pub(super) call: bool,
    pub(super) place: Option<PlaceKey>,
    /// The day, for a meeting dated to the day.
    pub(super) day: Option<NaiveDate>,
    /// The latest publication instant of its reports.
    pub(super) latest: i64,
    /// The articles of its reports, with the event's position in each.
    pub(super) articles: Vec<(u32, usize)>,
    pub(super) members: Vec<usize>,
}

impl Cluster {
    pub(super) fn new(key: &Key, day: Option<NaiveDate>, report: usize) -> Cluster {
        Cluster {
            parties: key.parties.clone(),
            call: key.call,
            place: key.place.clone(),
            day,
            latest: key.published,
            articles: vec![key.article],
            members: vec![report],
        }
    }

    /// Whether the meeting holds another event of the report's article: an article's events
    /// are different meetings (the article stage joined its own references to one).
    pub(super) fn has_other_event_of(&self, key: &Key) -> bool {
        let (article, position) = key.article;
        self.articles
            .iter()
            .any(|&(a, p)| a == article && p != position)
    }

    /// How many participants the report shares with the meeting, when the rule lets it join
    /// (the date is checked by the caller).
    pub(super) fn fits(&self, key: &Key) -> Option<usize> {
        if self.call != key.call || self.has_other_event_of(key) {
            return None;
        }
        if let (Some(a), Some(b)) = (&self.place, &key.place)
            && !a.agrees_with(b)
        {
            return None;
        }
        let shared = key
            .parties
            .iter()
            .filter(|p| self.parties.binary_search(p).is_ok())
            .count();
        let smaller = self.parties.len().min(key.parties.len());
        (shared >= 2 || (shared > 0 && shared == smaller)).then_some(shared)
    }

    /// Adds a report; returns the participants new to the meeting.
    pub(super) fn join(&mut self, key: &Key, report: usize) -> Vec<Party> {
        self.members.push(report);
        self.articles.push(key.article);
        self.latest = self.latest.max(key.published);
        let finer = match (&self.place, &key.place) {
            (None, Some(_)) => true,
            (Some(ours), Some(theirs)) => theirs.is_finer_than(ours),
            _ => false,
        };
        if finer {
            self.place.clone_from(&key.place);
        }
        let new: Vec<Party> = key
            .parties
            .iter()
            .filter(|p| self.parties.binary_search(p).is_err())
            .copied()
            .collect();
        self.parties.extend(&new);
        self.parties.sort_unstable();
        new
    }
}
