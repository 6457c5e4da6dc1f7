//! Sentences that refer back to a meeting of the article, and merging reports of one meeting.

use super::EventFinder;
use super::finder::Context;
use super::lexicon::{Cue, Trigger, TriggerPos};
use super::rules;
use super::words::*;
use super::{Event, EventKind, Status};
use crate::Span;
use crate::gazetteer::{ActorKind, Gazetteer, PlaceKind};

impl EventFinder {
    /// The sentence starts with an anaphoric adverb, or one of its triggers has a definite or
    /// possessive determiner (`aus dem Treffen`, `seiner Reise`).
    /// A verb that reports a meeting of its own (`Bei seinem Besuch traf er X`) does not refer
    /// back because another trigger of its sentence does; a noun does (`aus dem Treffen
    /// Verhandlungen`).
    pub(super) fn refers_back(&self, words: &[Word], t: usize, trigger: &Trigger) -> bool {
        let starts_anaphoric = words
            .first()
            .is_some_and(|w| self.lexicon.is(w.text, Cue::Anaphora));
        let any_determined = (0..words.len())
            .any(|i| self.lexicon.trigger(words[i].text).is_some() && self.determined(words, i));
        // `ein Treffen mit Bush` is new, whatever else the sentence refers to
        let indefinite = words[t.saturating_sub(2)..t]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Indefinite));
        // `Zusammenkünfte in Seattle mit Bill Gates`: a noun with its own companion is new
        let own_companion = words[t + 1..(t + 4).min(words.len())]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Companion));
        starts_anaphoric
            || self.determined(words, t)
            || (trigger.pos != TriggerPos::Verb && any_determined && !indefinite && !own_companion)
    }

    /// `Moskau prüft eine Teilnahme noch`: marks the named participants of the last meeting open.
    pub(super) fn mark_open_participation(
        &self,
        cx: &Context,
        sentence: Span,
        words: &[Word],
        event: Option<&mut Event>,
    ) {
        let Some(event) = event else { return };
        let has = |cue| words.iter().any(|w| self.lexicon.is(w.text, cue));
        if !(has(Cue::Participation) && has(Cue::Open)) {
            return;
        }
        for m in sentence_mentions(cx, sentence) {
            if let Some(p) = event
                .participants
                .iter_mut()
                .find(|p| Some(p.actor) == m.actor())
            {
                p.open = Some(m.span);
            }
        }
        event.support.push(sentence);
    }
}

/// The earlier meeting a sentence that refers back adds to: of those it fits (the same kind, or
/// the same place or shared parties and no other date), the one that shares most named parties,
/// then the latest.
pub(super) fn antecedent(events: &[Event], event: &Event) -> Option<usize> {
    let fits = |previous: &Event| {
        let dates_conflict =
            matches!((&previous.date, &event.date), (Some(a), Some(b)) if a.value != b.value);
        // `die Einladung zu einem Besuch`, then `bei seinem Besuch im Juli`: a dated meeting
        // that was held is not the one still planned
        let tenses_conflict = event.date.is_some()
            && event.status == Status::Held
            && matches!(previous.status, Status::Planned | Status::Proposed)
            // a present tense (`Der Gipfel beginnt`) is no plan that a later report contradicts
            && !previous.rules.contains(&rules::STATUS_TENSE.id);
        // `der Besuch` on another day is still the visit (`geht am Freitag zu Ende`)
        let same_kind = previous.kind == event.kind;
        // `die Genfer Gespräche` after a meeting in Genf
        let same_place =
            matches!((&previous.place, &event.place), (Some(a), Some(b)) if a.place == b.place);
        !tenses_conflict
            && (same_kind || (!dates_conflict && (same_place || shares_parties(previous, event))))
    };
    let shared = |previous: &Event| {
        event
            .participants
            .iter()
            .filter(|p| {
                p.span.is_some() && previous.participants.iter().any(|q| q.actor == p.actor)
            })
            .count()
    };
    // the latest of those that share most: from the end, a fitting meeting that shares every
    // named party of the new one cannot be beaten
    let most = event
        .participants
        .iter()
        .filter(|p| p.span.is_some())
        .count();
    let mut best: Option<(usize, usize)> = None;
    for (i, e) in events.iter().enumerate().rev() {
        if !fits(e) {
            continue;
        }
        let n = shared(e);
        if best.is_none_or(|(b, _)| n > b) {
            best = Some((n, i));
        }
        if n == most {
            break;
        }
    }
    best.map(|(_, i)| i)
}

/// Adds a meeting, or merges it into an earlier report of the same one.
pub(super) fn add_or_merge(events: &mut Vec<Event>, event: Event, g: &Gazetteer) {
    // `same_meeting`, with the cheap tests first: most earlier meetings differ in kind or in
    // the number of parties
    let maybe_same =
        |e: &Event| e.kind == event.kind && e.participants.len() == event.participants.len();
    if let Some(same) = events
        .iter_mut()
        .find(|e| maybe_same(e) && same_meeting(e, &event))
    {
        merge_into(same, event, g);
    } else {
        events.push(event);
    }
}

/// The new sentence names no party, or one the earlier meeting has.
pub(super) fn shares_parties(previous: &Event, new: &Event) -> bool {
    new.participants.iter().all(|p| p.span.is_none())
        || new
            .participants
            .iter()
            .any(|p| previous.participants.iter().any(|q| q.actor == p.actor))
}

/// A sentence that refers back to a meeting mostly names speakers and sources; its parties join
/// the meeting only when they are a body that convenes (`Damit würde der Nato-Russland-Rat
/// tagen`) or when the meeting had fewer than two parties and no group.
pub(super) fn keep_new_parties_only_if_needed(previous: &Event, new: &mut Event, g: &Gazetteer) {
    let brings_body = new
        .participants
        .iter()
        .any(|p| g.actor(p.actor).kind == ActorKind::Body);
    // `der G7-Gipfel`: a group is all the parties a meeting needs
    let complete = previous.participants.len() >= 2
        || previous.participants.iter().any(|p| {
            matches!(
                g.actor(p.actor).kind,
                ActorKind::Organisation | ActorKind::Body
            )
        });
    if complete && !brings_body {
        new.participants.clear();
    }
}

/// Two reports of one meeting in an article: the same named parties, and no conflicting dates.
pub(super) fn same_meeting(a: &Event, b: &Event) -> bool {
    let dates_agree = match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.value == y.value,
        _ => true,
    };
    a.kind == b.kind && dates_agree && same_parties(a, b)
}

/// The same actors as parties, as many times each (a few parties are sorted on the stack).
fn same_parties(a: &Event, b: &Event) -> bool {
    let (a, b) = (&a.participants, &b.participants);
    if a.len() != b.len() {
        return false;
    }
    match (a.first(), b.first()) {
        (Some(x), Some(y)) if a.len() <= 8 => {
            let (mut u, mut v) = ([x.actor; 8], [y.actor; 8]);
            for (k, (p, q)) in a.iter().zip(b).enumerate() {
                u[k] = p.actor;
                v[k] = q.actor;
            }
            u[..a.len()].sort_unstable();
            v[..a.len()].sort_unstable();
            u[..a.len()] == v[..a.len()]
        }
        _ => {
            let parties = |ps: &[super::Participant]| {
                let mut v: Vec<_> = ps.iter().map(|p| p.actor).collect();
                v.sort();
                v
            };
            parties(a) == parties(b)
        }
    }
}

/// Adds what a later sentence says about a meeting: new parties, a body (which makes it a
/// session), a date or place where none was known.
pub(super) fn merge_into(target: &mut Event, new: Event, g: &Gazetteer) {
    for p in new.participants {
        if !target.participants.iter().any(|q| q.actor == p.actor) {
            target.participants.push(p);
        }
    }
    if target
        .participants
        .iter()
        .any(|p| g.actor(p.actor).kind == ActorKind::Body)
        && target.kind == EventKind::Meeting
    {
        target.kind = EventKind::Session;
    }
    if new.kind == EventKind::Session {
        target.kind = EventKind::Session;
    }
    // `Die Gespräche ... mussten verschoben werden`: a later report that calls a meeting off or
    // moves it changes its status
    // `Der Gipfel ...`, then `Der Gipfel hat an diesem Morgen begonnen`: a later report in the
    // past tense, dated no later than the publication day, says the meeting took place
    let took_place = new.status == Status::Held
        && target.status == Status::Planned
        && new.rules.contains(&rules::STATUS_TENSE.id)
        && new.date.is_some();
    if (took_place || matches!(new.status, Status::Postponed | Status::Cancelled))
        && target.status != new.status
    {
        target.status = new.status;
        target.rules.push(rules::STATUS_LATER_CHANGE.id);
    }
    // the most precise date wins when it refines the known one (`Mitte März`, then `17. März`)
    let refines = matches!((&target.date, &new.date), (Some(a), Some(b)) if b.value.len() > a.value.len() && b.value.starts_with(&a.value));
    if target.date.is_none() || refines {
        target.date = new.date;
    }
    // `In der Türkei ...`, then `Das Gespräch in Antalya`: a city refines its country
    let refines_place = match (&target.place, &new.place) {
        (Some(country), Some(inside)) => {
            let (country, inside) = (g.place(country.place), g.place(inside.place));
            country.kind == PlaceKind::Country
                && inside.kind != PlaceKind::Country
                && inside.state.is_some()
                && inside.state == country.state
        }
        _ => false,
    };
    if target.place.is_none() || refines_place {
        target.place = new.place;
    }
    if target.topic.is_none() {
        target.topic = new.topic;
    }
    target.support.push(new.evidence);
}
