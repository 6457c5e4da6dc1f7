//! [`TimelineBuilder`]: the cross-article merge of reported meetings into [`Timeline`] events.
//!
//! # The rule
//! Two reports are the same meeting when
//! - they come from different articles (an article's own events are different meetings: the
//!   article stage already joined the sentences that refer to one), or are copies of one;
//! - both are calls, or neither is (a call and a meeting of the same parties are two events;
//!   meeting, talks, summit, session and visit are words for the same gathering);
//! - their participants overlap: they share two participants, or all of the smaller side's
//!   (`die Nato` and `die Nato und Russland`);
//! - their places agree: the same place, a place and the state it lies in (`Genf` and `die
//!   Schweiz`; the merged meeting keeps the finer place), or one report names none;
//! - their dates agree at their precision: two reports dated to the day name the same day; a
//!   coarser date (`im Januar`, `2022-W02`) joins a meeting dated to a day inside it only when
//!   exactly one such meeting fits (so the same two states meeting twice in a month stay two
//!   meetings, and a report of "a meeting in January" joins neither). A report without a date
//!   is about a meeting within 30 days of its publication: it joins the one meeting dated to a
//!   day in that window that fits, if there is exactly one.
//!
//! Among several meetings dated to the day that fit a report, it joins the one with the same
//! participants, else the one it shares most with (then the first made); a report of one
//! participant joins a meeting of more only when it fits no other. Reports whose coarse date
//! or missing date fits no meeting or several merge among themselves by the same rule: with an
//! equal date value, or, undated, published within 30 days of the meeting's latest report.
//!
//! The merged status is the latest report's (at the same instant the more final one); a plan or
//! proposal published after a report that the meeting was held is stale and does not count,
//! while a plan after a cancellation reinstates the meeting.
//!
//! # Order independence
//! The builder only collects reports; [`TimelineBuilder::finish`] sorts them into one canonical
//! order (publication instant, article id, position in the article, content) before merging, so
//! any order of the inputs (any Spark partitioning) gives the same timeline. Event ids hash the
//! merge key. Look-ups go through indexes by day and participant: the merge takes
//! `O(n log n)` in the number of reports.

mod event;
mod index;
mod key;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use super::timeline::{Timeline, TimelineEvent};
use crate::events::EventCodes;
use crate::record::{ArticleRecord, EntityRef, EventRecord};
use index::{DayIndex, Greedy};
use key::{Cluster, DateKey, Interned, Key, UNDATED_WINDOW_DAYS};

/// Collects article records, then merges them ([`finish`](Self::finish)).
///
/// ```
/// use chronik::{DataDir, events::EventCodes, graph::TimelineBuilder};
/// let codes = EventCodes::new(&DataDir::bundled())?;
/// let timeline = TimelineBuilder::new(&codes).finish();
/// assert!(timeline.events.is_empty());
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug)]
pub struct TimelineBuilder {
    codes: EventCodes,
    reports: Vec<Report>,
}

/// One article's event, with what the merge needs of its article.
#[derive(Debug)]
pub(super) struct Report {
    pub(super) published: DateTime<FixedOffset>,
    pub(super) article: String,
    pub(super) source: Option<String>,
    /// The event's position in its article.
    pub(super) position: usize,
    pub(super) event: EventRecord,
}

impl Report {
    /// The canonical order: by publication instant, then by everything else, so that equal
    /// reports are the only ones whose order is left open.
    fn canonical(&self, other: &Report) -> Ordering {
        self.published
            .cmp(&other.published)
            .then_with(|| {
                let offset = |r: &Report| r.published.offset().local_minus_utc();
                offset(self).cmp(&offset(other))
            })
            .then_with(|| self.article.cmp(&other.article))
            .then_with(|| self.source.cmp(&other.source))
            .then_with(|| self.position.cmp(&other.position))
            .then_with(|| self.event.cmp(&other.event))
    }
}

impl TimelineBuilder {
    /// An empty builder; `codes` gives the merged events their CAMEO and PLOVER codes.
    pub fn new(codes: &EventCodes) -> TimelineBuilder {
        TimelineBuilder {
            codes: codes.clone(),
            reports: Vec::new(),
        }
    }

    /// Adds the events of one article.
    pub fn add(&mut self, record: &ArticleRecord) {
        for (position, event) in record.events.iter().enumerate() {
            self.reports.push(Report {
                published: record.published,
                article: record.id.clone(),
                source: record.source.clone(),
                position,
                event: event.clone(),
            });
        }
    }

    /// Merges what was added into the sorted timeline.
    pub fn finish(mut self) -> Timeline {
        self.reports.sort_by(Report::canonical);
        let mut interned = Interned::default();
        let keys: Vec<Key> = self
            .reports
            .iter()
            .map(|r| Key::of(r, &mut interned))
            .collect();
        let mut clusters: Vec<Cluster> = Vec::new();
        // reports dated to the day, in canonical order
        let mut by_day = Greedy::new();
        for (r, key) in keys.iter().enumerate() {
            if let DateKey::Day(day) = key.date {
                by_day.add(&mut clusters, day, Some(day), key, r, None);
            }
        }
        // coarser dates and none join the one meeting dated to the day that fits; all decided
        // against the day-dated meetings as they are now, so no decision depends on another
        let index = DayIndex::new(&clusters);
        let mut joins = Vec::new();
        let mut rest = Greedy::new();
        let mut left = Vec::new();
        let window = chrono::Days::new(UNDATED_WINDOW_DAYS as u64);
        for (r, key) in keys.iter().enumerate() {
            let fit = match &key.date {
                DateKey::Day(_) => continue,
                DateKey::Range(first, last, _) => index.single_fit(&clusters, key, (*first, *last)),
                // a value that names no period only equals itself
                DateKey::Other(Some(_)) => None,
                DateKey::Other(None) => {
                    let day = self.reports[r].published.date_naive();
                    let first = day.checked_sub_days(window).unwrap_or(day);
                    let last = day.checked_add_days(window).unwrap_or(day);
                    index.single_fit(&clusters, key, (first, last))
                }
            };
            match fit {
                Some(c) => joins.push((c, r)),
                None => left.push(r),
            }
        }
        for (c, r) in joins {
            // two events of one article that fit one meeting: the first joins
            if clusters[c].has_other_event_of(&keys[r]) {
                left.push(r);
            } else {
                clusters[c].join(&keys[r], r);
            }
        }
        left.sort_unstable();
        for r in left {
            let key = &keys[r];
            let (value, window) = match &key.date {
                DateKey::Range(.., value) | DateKey::Other(Some(value)) => {
                    (Some(value.as_str()), None)
                }
                DateKey::Day(_) | DateKey::Other(None) => {
                    (None, Some(UNDATED_WINDOW_DAYS * 86_400))
                }
            };
            rest.add(&mut clusters, value, None, key, r, window);
        }
        let mut events: Vec<TimelineEvent> = clusters
            .into_iter()
            .map(|mut c| {
                c.members.sort_unstable();
                event::merged_event(&c.members, &self.reports, &keys, &self.codes)
            })
            .collect();
        event::sort_and_number(&mut events);
        let mut actors: BTreeMap<String, EntityRef> = BTreeMap::new();
        let mut places: BTreeMap<String, EntityRef> = BTreeMap::new();
        for e in &events {
            for p in &e.facts.participants {
                actors
                    .entry(p.actor.id.clone())
                    .or_insert_with(|| p.actor.clone());
            }
            if let Some(p) = &e.facts.place {
                places.entry(p.id.clone()).or_insert_with(|| p.clone());
            }
        }
        Timeline {
            events,
            actors: actors.into_values().collect(),
            places: places.into_values().collect(),
        }
    }
}
