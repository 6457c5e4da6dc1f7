//! More than one meeting from one sentence: bilateral pairs, the summit around a meeting, and
//! an earlier meeting in a background phrase.

use super::EventFinder;
use super::finder::Context;
use super::lexicon::Cue;
use super::parties::*;
use super::rules;
use super::trigger::Background;
use super::words::*;
use super::{Event, EventKind, Participant, Status};
use crate::gazetteer::{ActorKind, How, Mention};

impl EventFinder {
    /// `Merkel trifft Trump und Xi`: one person meeting several others is one meeting per pair, as
    /// a timeline of bilateral meetings needs (the gold data splits them the same way).
    pub(super) fn split_bilateral(
        &self,
        cx: &Context,
        words: &[Word],
        mut event: Event,
    ) -> Vec<Event> {
        event.participants.dedup_by_key(|p| p.actor);
        let is_person = |p: &Participant| cx.gazetteer.actor(p.actor).kind == ActorKind::Person;
        let named: Vec<&Participant> = event
            .participants
            .iter()
            .filter(|p| p.span.is_some() || is_person(p))
            .collect();
        let bilateral = matches!(
            event.kind,
            EventKind::Meeting | EventKind::Talks | EventKind::Visit | EventKind::Call
        );
        // `Zusammenkünfte mit den Chefs von Boeing und mit Bill Gates`, `zu seinen
        // Gesprächspartnern gehören X und Y`: an implied person meets each named party
        let implied_host = named
            .first()
            .is_some_and(|p| p.span.is_none() && is_person(p));
        let before: Vec<&&Participant> = named
            .iter()
            .filter(|p| {
                p.span
                    .is_none_or(|s| !implied_host && s.end <= event.trigger.start)
            })
            .collect();
        let separate = implied_host && self.own_companions(words, &named[1..]);
        // `Macron, der am Sonntag mit Putin und mit Biden telefoniert hatte`: in a verb-final
        // clause all parties stand before the trigger; the first is the host unless it is
        // coordinated with the second (`Merkel und Macron trafen Putin`)
        let first_coordinated = || match (named[0].span, named[1].span) {
            (Some(a), Some(b)) if a.end <= b.start => {
                let between = &cx.text[a.end..b.start];
                let has = |cue| between.split_whitespace().any(|w| self.lexicon.is(w, cue));
                has(Cue::Coordination) && !has(Cue::Companion)
            }
            _ => true,
        };
        if !bilateral
            || named.len() < 3
            || (before.len() > 1 && first_coordinated())
            || !(separate || named.iter().all(|p| is_person(p)))
        {
            return vec![event];
        }
        // the one person before the trigger, or, in verb-second order (`trifft Merkel X und Y`),
        // the first one after it
        let host = if before.len() > 1 {
            *named[0]
        } else {
            before.first().map_or(*named[0], |p| ***p)
        };
        let guests: Vec<Participant> = event
            .participants
            .iter()
            .filter(|p| p.actor != host.actor)
            .copied()
            .collect();
        guests
            .into_iter()
            .map(|guest| {
                let mut pair = Event {
                    participants: vec![host, guest],
                    ..event.clone()
                };
                pair.rules.push(rules::EVENT_BILATERAL.id);
                pair
            })
            .collect()
    }

    /// Every party has a companion preposition (`mit`) of its own between it and the one before.
    pub(super) fn own_companions(&self, words: &[Word], parties: &[&Participant]) -> bool {
        let mut from = 0;
        parties.iter().all(|p| {
            let Some(span) = p.span else { return false };
            let to = words
                .iter()
                .rposition(|w| w.span.end <= span.start)
                .map_or(0, |b| b + 1);
            let has = words[from.min(to)..to]
                .iter()
                .any(|w| self.lexicon.is(w.text, Cue::Companion));
            from = to;
            has
        })
    }

    /// `am Rande des G20-Gipfels trifft Merkel Trump`: a summit named by its group in a sentence
    /// that reports another meeting is a meeting of its own.
    pub(super) fn summit_aside(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        main: &Event,
    ) -> Option<Event> {
        let (i, _) = words.iter().enumerate().find(|(i, w)| {
            *i != t
                && self
                    .lexicon
                    .trigger(w.text)
                    .is_some_and(|tr| tr.kind == EventKind::Summit)
                && w.text.contains('-')
        })?;
        let group = mentions_from(cx, words[i].span.start).iter().find(|m| {
            m.span.start == words[i].span.start
                && m.how == How::Compound
                && m.actor()
                    .is_some_and(|a| cx.gazetteer.actor(a).kind == ActorKind::Organisation)
        })?;
        if main.kind == EventKind::Summit {
            return None;
        }
        let mut participants = vec![Participant {
            actor: group.actor()?,
            span: Some(group.span),
            open: None,
        }];
        add_implied(cx.gazetteer, participants[0].actor, &mut participants);
        Some(Event {
            kind: EventKind::Summit,
            status: main.status,
            participants,
            place: main.place,
            date: main.date.clone(),
            topic: None,
            trigger: words[i].span,
            evidence: main.evidence,
            support: Vec::new(),
            rules: vec![rules::EVENT_SUMMIT_ASIDE.id],
        })
    }

    /// `Nach ihrem Gespräch mit Putin trifft Merkel ...`: the earlier meeting of a background
    /// phrase, between the parties it names (a possessive adds the main clause's person).
    pub(super) fn background_meeting(
        &self,
        cx: &Context,
        words: &[Word],
        phrase: &Background,
        main: &Event,
        mentions: &[&Mention],
    ) -> Option<Event> {
        if !self.lexicon.is(words[phrase.first].text, Cue::After) {
            return None;
        }
        let trigger = self.lexicon.trigger(words[phrase.trigger].text)?;
        let mut participants: Vec<Participant> = self
            .parties(cx, words, mentions, &[])
            .into_iter()
            .filter(|p| p.span.is_some_and(|s| phrase.span.contains(s)))
            .collect();
        let possessive = words[phrase.first..phrase.trigger]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Possessive));
        let owner = main.participants.iter().find(|p| {
            p.span.is_some_and(|s| !phrase.span.contains(s))
                && cx.gazetteer.actor(p.actor).kind == ActorKind::Person
        });
        if let Some(owner) = owner.filter(|_| possessive) {
            participants.insert(0, *owner);
        }
        dedup_participants(&mut participants);
        if participants.len() < 2 {
            return None;
        }
        let kind = trigger.kind;
        Some(Event {
            kind,
            status: Status::Held,
            participants,
            place: main.place.filter(|_| kind != EventKind::Call),
            date: None,
            topic: None,
            trigger: words[phrase.trigger].span,
            evidence: main.evidence,
            support: Vec::new(),
            rules: vec![rules::EVENT_BACKGROUND.id],
        })
    }
}
