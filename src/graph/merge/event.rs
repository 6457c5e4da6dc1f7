//! The merged [`TimelineEvent`] of a meeting's reports: status, kind, date, participants, codes,
//! history and sources, and the stable id.

use std::collections::HashMap;

use super::Report;
use super::key::{DateKey, Key};
use crate::events::{EventCodes, EventKind, Status};
use crate::graph::timeline::{Source, StatusStep, TimelineEvent};
use crate::graph::{date_precision, day_range};
use crate::record::{EntityRef, MeetingFacts, ParticipantRecord};

/// The merged event of `members` (indexes of `reports` and `keys`, in canonical order).
pub(super) fn merged_event(
    members: &[usize],
    all: &[Report],
    keys: &[Key],
    codes: &EventCodes,
) -> TimelineEvent {
    let reports: Vec<&Report> = members.iter().map(|&m| &all[m]).collect();
    // the latest report gives the status; at the same instant the more final status; a
    // plan or proposal reported after the meeting was reported held is stale
    let held = reports.iter().any(|r| r.event.facts.status == Status::Held);
    let stale =
        |r: &&&Report| held && matches!(r.event.facts.status, Status::Planned | Status::Proposed);
    let latest = reports
        .iter()
        .filter(|r| !stale(r))
        .max_by(|a, b| {
            a.published
                .cmp(&b.published)
                .then_with(|| finality(a.event.facts.status).cmp(&finality(b.event.facts.status)))
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
    // the reports' places agree (the merge rule); the finest says most: a city over its state
    let places: Vec<&EntityRef> = reports
        .iter()
        .filter_map(|r| r.event.facts.place.as_ref())
        .collect();
    let place = places
        .iter()
        .find(|p| !places.iter().any(|q| q.in_state.as_ref() == Some(&p.id)))
        .map(|p| p.canonical());
    let topic = reports.iter().find_map(|r| r.event.facts.topic.clone());
    let codes = codes.get(kind, status);
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
        date_precision: date.as_deref().and_then(date_precision),
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
pub(super) fn sort_and_number(events: &mut [TimelineEvent]) {
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
