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
//! - their places agree: the same place, or one report names none;
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

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::dates::{date_precision, day_range};
use super::timeline::{Source, StatusStep, Timeline, TimelineEvent};
use crate::events::{EventCodes, EventKind, Status};
use crate::record::{ArticleRecord, EntityRef, EventRecord, MeetingFacts, ParticipantRecord};

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
struct Report {
    published: DateTime<FixedOffset>,
    article: String,
    source: Option<String>,
    /// The event's position in its article.
    position: usize,
    event: EventRecord,
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

/// A participant id, interned for the merge (ids are numbered in canonical order).
type Party = u32;

/// Participant ids and articles (id and publication instant) as numbers.
#[derive(Default)]
struct Interned {
    parties: HashMap<String, Party>,
    articles: HashMap<(String, i64), u32>,
}

/// An undated report is about a meeting within this many days of its publication.
const UNDATED_WINDOW_DAYS: i64 = 30;

/// What the rule compares of a report.
struct Key {
    /// The article (interned id and publication instant) and the event's position in it.
    article: (u32, usize),
    /// Publication instant, seconds since 1970.
    published: i64,
    /// Participants, sorted, without repeats.
    parties: Vec<Party>,
    call: bool,
    place: Option<String>,
    date: DateKey,
}

enum DateKey {
    /// Dated to the day.
    Day(NaiveDate),
    /// A coarser date: the days it covers, and its value.
    Range(NaiveDate, NaiveDate, String),
    /// A value that names no calendar period (`XXXX-01-12`), or no date.
    Other(Option<String>),
}

impl Key {
    fn of(report: &Report, interned: &mut Interned) -> Key {
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
            place: event.facts.place.as_ref().map(|p| p.id.clone()),
            date,
        }
    }
}

/// A meeting being merged.
struct Cluster {
    parties: Vec<Party>,
    call: bool,
    place: Option<String>,
    /// The day, for a meeting dated to the day.
    day: Option<NaiveDate>,
    /// The latest publication instant of its reports.
    latest: i64,
    /// The articles of its reports, with the event's position in each.
    articles: Vec<(u32, usize)>,
    members: Vec<usize>,
}

impl Cluster {
    fn new(key: &Key, day: Option<NaiveDate>, report: usize) -> Cluster {
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
    fn has_other_event_of(&self, key: &Key) -> bool {
        let (article, position) = key.article;
        self.articles
            .iter()
            .any(|&(a, p)| a == article && p != position)
    }

    /// How many participants the report shares with the meeting, when the rule lets it join
    /// (the date is checked by the caller).
    fn fits(&self, key: &Key) -> Option<usize> {
        if self.call != key.call || self.has_other_event_of(key) {
            return None;
        }
        if let (Some(a), Some(b)) = (&self.place, &key.place)
            && a != b
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
    fn join(&mut self, key: &Key, report: usize) -> Vec<Party> {
        self.members.push(report);
        self.articles.push(key.article);
        self.latest = self.latest.max(key.published);
        if self.place.is_none() {
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

/// Meetings by participant and by pair of participants, each under a scope (a day, a month,
/// an exact date value, or none) and whether it is a call. A report with several participants
/// is looked up by its pairs (a meeting it fits shares two of them) and then by the pair of
/// each with itself (a meeting of that one alone); a report with one participant by that
/// participant.
struct Index<S> {
    by_party: HashMap<(S, bool, Party), Vec<usize>>,
    by_pair: HashMap<(S, bool, Party, Party), Vec<usize>>,
}

impl<S: std::hash::Hash + Eq + Copy> Index<S> {
    fn new() -> Self {
        Index {
            by_party: HashMap::new(),
            by_pair: HashMap::new(),
        }
    }

    /// Files meeting `c` under `scope` for its participants `new` (all of them when it is new).
    fn file(&mut self, scope: S, cluster: &Cluster, c: usize, new: &[Party]) {
        let call = cluster.call;
        for &p in new {
            self.by_party.entry((scope, call, p)).or_default().push(c);
        }
        if cluster.parties.len() == 1 && new.len() == 1 {
            self.by_pair
                .entry((scope, call, new[0], new[0]))
                .or_default()
                .push(c);
            return;
        }
        for &p in new {
            for &q in &cluster.parties {
                // a pair of two new participants is filed once, by the smaller
                if p != q && (new.binary_search(&q).is_err() || p < q) {
                    let pair = (scope, call, p.min(q), p.max(q));
                    self.by_pair.entry(pair).or_default().push(c);
                }
            }
        }
    }

    /// The meetings of just `party` under `scope`.
    fn alone(&self, scope: S, call: bool, party: Party) -> impl Iterator<Item = usize> + '_ {
        self.by_pair
            .get(&(scope, call, party, party))
            .into_iter()
            .flatten()
            .copied()
    }

    /// The meetings under `scope` the report may fit, each at most once.
    fn candidates(&self, scope: S, key: &Key) -> impl Iterator<Item = usize> + '_ {
        let mut lists: Vec<&Vec<usize>> = Vec::new();
        if let [p] = key.parties[..] {
            lists.extend(self.by_party.get(&(scope, key.call, p)));
        } else {
            for (i, &p) in key.parties.iter().enumerate() {
                for &q in &key.parties[i + 1..] {
                    lists.extend(self.by_pair.get(&(scope, key.call, p, q)));
                }
            }
        }
        let mut seen: Vec<usize> = Vec::new();
        lists.into_iter().flatten().copied().filter(move |c| {
            // lists are short, and a meeting is in several only for a report of many parties
            if seen.contains(c) {
                false
            } else {
                seen.push(*c);
                true
            }
        })
    }
}

/// Greedy merging of reports taken in canonical order, among reports that share a scope.
struct Greedy<S> {
    index: Index<S>,
}

impl<S: std::hash::Hash + Eq + Copy> Greedy<S> {
    fn new() -> Self {
        Greedy {
            index: Index::new(),
        }
    }

    /// Adds report `report` to the meeting it fits best (most shared participants, then the
    /// first made), or to a new one. A report of one participant joins a meeting of more only
    /// when that meeting is the only one it fits.
    fn add(
        &mut self,
        clusters: &mut Vec<Cluster>,
        scope: S,
        day: Option<NaiveDate>,
        key: &Key,
        report: usize,
        window: Option<i64>,
    ) {
        let fits = |c: usize| {
            let fit = clusters[c].fits(key);
            // undated reports: of meetings reported about the same time
            let near = window.is_none_or(|w| (key.published - clusters[c].latest).abs() <= w);
            fit.filter(|_| near)
        };
        let best = if let [p] = key.parties[..] {
            // one participant: a meeting of just that one, else the only meeting it fits
            let alone = self
                .index
                .alone(scope, key.call, p)
                .find(|&c| fits(c).is_some());
            alone.or_else(|| {
                let mut fitting = self
                    .index
                    .candidates(scope, key)
                    .filter(|&c| fits(c).is_some());
                let first = fitting.next();
                first.filter(|&f| fitting.all(|c| c == f))
            })
        } else {
            // (the same participants, how many shared, the meeting)
            let mut best: Option<(bool, usize, usize)> = None;
            for c in self.index.candidates(scope, key) {
                let Some(shared) = fits(c) else { continue };
                let same = clusters[c].parties == key.parties;
                let better = best.is_none_or(|(best_same, best_shared, b)| {
                    let (rank, best_rank) = ((same, shared), (best_same, best_shared));
                    rank > best_rank || (rank == best_rank && c < b)
                });
                if better {
                    best = Some((same, shared, c));
                }
            }
            // else a meeting of one of them alone, when it is the only one that fits
            best.map(|(_, _, c)| c).or_else(|| {
                let mut alone = key
                    .parties
                    .iter()
                    .flat_map(|&p| self.index.alone(scope, key.call, p))
                    .filter(|&c| fits(c).is_some());
                let first = alone.next();
                first.filter(|&f| alone.all(|c| c == f))
            })
        };
        let (c, new) = match best {
            Some(c) => (c, clusters[c].join(key, report)),
            None => {
                clusters.push(Cluster::new(key, day, report));
                (clusters.len() - 1, key.parties.clone())
            }
        };
        if !new.is_empty() {
            let mut sorted = new;
            sorted.sort_unstable();
            self.index.file(scope, &clusters[c], c, &sorted);
        }
    }
}

/// The meetings dated to the day, filed under their month, for reports with a coarser date or
/// none.
struct DayIndex {
    by_month: Index<(i32, u32)>,
}

impl DayIndex {
    fn new(clusters: &[Cluster]) -> DayIndex {
        let mut by_month = Index::new();
        for (c, cluster) in clusters.iter().enumerate() {
            if let Some(day) = cluster.day {
                by_month.file((day.year(), day.month()), cluster, c, &cluster.parties);
            }
        }
        DayIndex { by_month }
    }

    /// The one meeting dated to a day within `range` that the report fits, if exactly one does.
    fn single_fit(
        &self,
        clusters: &[Cluster],
        key: &Key,
        (first, last): (NaiveDate, NaiveDate),
    ) -> Option<usize> {
        let mut found: Option<usize> = None;
        for month in months(first, last) {
            // a report of several parties also fits a meeting of one of them alone
            let alone = (key.parties.len() > 1).then(|| {
                key.parties
                    .iter()
                    .flat_map(move |&p| self.by_month.alone(month, key.call, p))
            });
            let candidates = self
                .by_month
                .candidates(month, key)
                .chain(alone.into_iter().flatten());
            for c in candidates {
                let cluster = &clusters[c];
                let in_range = cluster.day.is_some_and(|day| first <= day && day <= last);
                if in_range && cluster.fits(key).is_some() {
                    if found.is_some_and(|f| f != c) {
                        return None;
                    }
                    found = Some(c);
                }
            }
        }
        found
    }
}

/// The months from `first` to `last` (a TIMEX3 value covers a year at most).
fn months(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = (i32, u32)> {
    let end = (last.year(), last.month());
    std::iter::successors(Some((first.year(), first.month())), |&(y, m)| {
        Some(if m == 12 { (y + 1, 1) } else { (y, m + 1) })
    })
    .take_while(move |&ym| ym <= end)
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
                self.event(&c.members, &keys)
            })
            .collect();
        sort_and_number(&mut events);
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

    /// The merged event of `members` (report indexes in canonical order).
    fn event(&self, members: &[usize], keys: &[Key]) -> TimelineEvent {
        let reports: Vec<&Report> = members.iter().map(|&m| &self.reports[m]).collect();
        // the latest report gives the status; at the same instant the more final status; a
        // plan or proposal reported after the meeting was reported held is stale
        let held = reports.iter().any(|r| r.event.facts.status == Status::Held);
        let stale = |r: &&&Report| {
            held && matches!(r.event.facts.status, Status::Planned | Status::Proposed)
        };
        let latest = reports
            .iter()
            .filter(|r| !stale(r))
            .max_by(|a, b| {
                a.published.cmp(&b.published).then_with(|| {
                    finality(a.event.facts.status).cmp(&finality(b.event.facts.status))
                })
            })
            .expect("a meeting has a report");
        let status = latest.event.facts.status;
        let kind = most_given_kind(&reports);
        // the most precise date: a day if any report gives one
        let date = members
            .iter()
            .zip(&reports)
            .min_by_key(|(m, _)| match keys[**m].date {
                DateKey::Day(_) => 0,
                DateKey::Range(..) => 1,
                DateKey::Other(Some(_)) => 2,
                DateKey::Other(None) => 3,
            })
            .and_then(|(_, r)| r.event.facts.date.clone());
        let mut participants: Vec<ParticipantRecord> = Vec::new();
        for r in &reports {
            for p in &r.event.facts.participants {
                match participants.iter_mut().find(|q| q.actor.id == p.actor.id) {
                    // open only while every report that names it leaves it open
                    Some(q) => q.open &= p.open,
                    None => participants.push(ParticipantRecord {
                        actor: p.actor.canonical(),
                        open: p.open,
                    }),
                }
            }
        }
        let place = reports
            .iter()
            .find_map(|r| r.event.facts.place.as_ref())
            .map(EntityRef::canonical);
        let topic = reports.iter().find_map(|r| r.event.facts.topic.clone());
        let codes = self.codes.get(kind, status);
        let status_history = reports
            .iter()
            .map(|r| StatusStep {
                status: r.event.facts.status,
                as_of: r.published,
                article: r.article.clone(),
                date: r.event.facts.date.clone(),
            })
            .collect();
        let sources = reports
            .iter()
            .map(|r| Source {
                article: r.article.clone(),
                source: r.source.clone(),
                published: r.published,
                status: r.event.facts.status,
                date: r.event.facts.date.clone(),
                evidence: r.event.evidence.clone(),
            })
            .collect();
        let mut parties: Vec<&str> = participants.iter().map(|p| p.actor.id.as_str()).collect();
        parties.sort_unstable();
        let call = kind == EventKind::Call;
        let merge_key = format!(
            "{}|{}|{}",
            date.as_deref().unwrap_or("undated"),
            if call { "call" } else { "meeting" },
            parties.join("+")
        );
        TimelineEvent {
            id: format!(
                "{}-{:012x}",
                date.as_deref().unwrap_or("undated"),
                fnv1a(merge_key.as_bytes()) & 0xffff_ffff_ffff
            ),
            date_precision: date.as_deref().map(date_precision),
            facts: MeetingFacts {
                kind,
                status,
                date,
                participants,
                place,
                topic,
                cameo: codes.cameo.clone(),
                plover: codes.plover.clone(),
            },
            status_history,
            sources,
        }
    }
}

/// How final a status is, for reports published at the same instant: a cancellation outranks a
/// postponement, which outranks a held meeting, a plan and a proposal.
fn finality(status: Status) -> u8 {
    match status {
        Status::Proposed => 0,
        Status::Planned => 1,
        Status::Held => 2,
        Status::Postponed => 3,
        Status::Cancelled => 4,
    }
}

/// The kind most reports give; on a tie, the first report's among them.
fn most_given_kind(reports: &[&Report]) -> EventKind {
    let mut counts: Vec<(EventKind, usize)> = Vec::new();
    for r in reports {
        match counts.iter_mut().find(|(k, _)| *k == r.event.facts.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.event.facts.kind, 1)),
        }
    }
    // `max_by_key` keeps the last of equal maxima: the first given wins on a tie when reversed
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(EventKind::Meeting, |(k, _)| *k)
}

/// Sorts events by the first day their date covers (undated last), and makes ids unique: a
/// second event with the same merge key gets `-2`, in that order.
fn sort_and_number(events: &mut [TimelineEvent]) {
    let order = |e: &TimelineEvent| {
        let range = e.facts.date.as_deref().and_then(day_range);
        (range.is_none(), range, e.facts.date.clone(), e.id.clone())
    };
    // a stable sort: events with the same key stay in the order their meetings were made,
    // which the canonical order of the reports fixes
    events.sort_by_cached_key(order);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for e in events.iter_mut() {
        let n = seen.entry(e.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            e.id = format!("{}-{}", e.id, n);
        }
    }
}

/// The 64-bit FNV-1a hash: fixed by its definition, so ids stay the same across builds and
/// machines (std's hashers do not promise that).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
