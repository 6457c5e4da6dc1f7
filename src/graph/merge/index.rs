//! Indexes of meetings by participant and pair of participants, and the greedy merge of reports
//! over them: no report is compared with every meeting.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::key::{Cluster, Key, Party};

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
pub(super) struct Greedy<S> {
    index: Index<S>,
}

impl<S: std::hash::Hash + Eq + Copy> Greedy<S> {
    pub(super) fn new() -> Self {
        Greedy {
            index: Index::new(),
        }
    }

    /// Adds report `report` to the meeting it fits best (most shared participants, then the
    /// first made), or to a new one. A report of one participant joins a meeting of more only
    /// when that meeting is the only one it fits.
    pub(super) fn add(
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
pub(super) struct DayIndex {
    by_month: Index<(i32, u32)>,
}

impl DayIndex {
    pub(super) fn new(clusters: &[Cluster]) -> DayIndex {
        let mut by_month = Index::new();
        for (c, cluster) in clusters.iter().enumerate() {
            if let Some(day) = cluster.day {
                by_month.file((day.year(), day.month()), cluster, c, &cluster.parties);
            }
        }
        DayIndex { by_month }
    }

    /// The one meeting dated to a day within `range` that the report fits, if exactly one does.
    pub(super) fn single_fit(
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
