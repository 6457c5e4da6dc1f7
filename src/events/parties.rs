//! Who takes part: the actors of a sentence that are parties, and the ones it implies.

use super::EventFinder;
use super::finder::Context;
use super::lexicon::{Cue, Trigger, TriggerPos};
use super::words::*;
use super::{Event, EventKind, Participant};
use crate::Span;
use crate::clause::clause_at;
use crate::gazetteer::{ActorId, ActorKind, Gazetteer, How, Mention, Pronoun};

impl EventFinder {
    /// `Treffen von X mit Y`, `Gespräche zwischen X und Y`: a preposition that introduces the
    /// parties follows the trigger directly (`Die Sitzung war vom Iran beantragt worden` names
    /// an agent, not a party).
    pub(super) fn has_party_phrase(&self, words: &[Word], t: usize) -> bool {
        words
            .get(t + 1)
            .is_some_and(|w| self.lexicon.is(w.text, Cue::PartyPhrase))
    }

    /// The actors of a sentence that can be parties: not adjectives, sources, the topic, the
    /// dateline, or a state or employer that describes a person.
    pub(super) fn parties(
        &self,
        cx: &Context,
        words: &[Word],
        mentions: &[&Mention],
        asides: &[Span],
    ) -> Vec<Participant> {
        let mut participants = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let Some(actor) = m.actor() else { continue };
            if matches!(m.how, How::Adjective | How::Demonym)
                || cx.dateline.is_some_and(|d| d.contains(m.span))
                || asides.iter().any(|a| a.contains(m.span))
                || self.attributed(cx.text, words, m.span)
                || (modifies_person(cx, &mentions[i + 1..], m) && !self.is_group(cx, actor))
                || self.affiliation(cx, &mentions[..i], m)
            {
                continue;
            }
            let actor = government_state(cx.gazetteer, actor);
            participants.push(Participant {
                actor,
                span: Some(m.span),
                open: None,
            });
            add_implied(cx.gazetteer, actor, &mut participants);
        }
        // `die Außenminister der USA und Russlands`: the states are the parties, not the
        // office-holders the date gives
        let states: Vec<_> = participants.iter().map(|p| p.actor).collect();
        let role_of_party = |m: &Mention| {
            m.how == How::Role
                && m.actor().is_some_and(|a| {
                    cx.gazetteer
                        .offices_of(a, cx.published)
                        .any(|of| states.contains(&of))
                })
        };
        let roles: Vec<Span> = mentions
            .iter()
            .filter(|m| role_of_party(m))
            .map(|m| m.span)
            .collect();
        participants.retain(|p| p.span.is_none_or(|s| !roles.contains(&s)));
        participants
    }

    /// An organisation of states that meets as one (`intergovernmental`, `format`): `die
    /// EU-Außenbeauftragte Catherine Ashton` speaks for the EU, which is a party too.
    pub(super) fn is_group(&self, cx: &Context, actor: ActorId) -> bool {
        self.lexicon
            .is(&cx.gazetteer.actor(actor).category, Cue::Group)
    }

    /// `Bill Gates von „Microsoft“`: an organisation right after a person and `von` is the
    /// person's employer, not a party of its own.
    pub(super) fn affiliation(&self, cx: &Context, earlier: &[&Mention], m: &Mention) -> bool {
        let Some(person) = earlier.last().filter(|p| {
            p.actor()
                .is_some_and(|a| cx.gazetteer.actor(a).kind == ActorKind::Person)
        }) else {
            return false;
        };
        let Some(between) = cx.text.get(person.span.end..m.span.start) else {
            return false;
        };
        let between: Vec<&str> = between
            .split(|c: char| c.is_whitespace() || "„“\"'»«".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        matches!(between.as_slice(), [w] if self.lexicon.is(w, Cue::Affiliation))
    }

    /// The group right after the trigger in the genitive: `Sitzung des UN-Sicherheitsrats`,
    /// `Treffen der G7-Außenminister`, `Gipfel der Afrikanischen Union`.
    pub(super) fn convening_group(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        mentions: &[&Mention],
    ) -> Option<(ActorId, Span)> {
        let trigger = words[t].span;
        let m = mentions.iter().find(|m| m.span.start > trigger.end)?;
        let between: Vec<&str> = words
            .iter()
            .filter(|w| w.span.start > trigger.end && w.span.end <= m.span.start)
            .map(|w| w.text)
            .collect();
        let genitive = matches!(between.first(), Some(&("des" | "der")));
        let short =
            between.len() <= 4 && !cx.text[trigger.end..m.span.start].contains([',', ';', '(']);
        let actor = m.actor()?;
        let group = matches!(
            cx.gazetteer.actor(actor).kind,
            ActorKind::Body | ActorKind::Organisation
        );
        (genitive && short && group && !matches!(m.how, How::Adjective | How::Demonym))
            .then_some((actor, m.span))
    }

    /// `X traf sich mit Y`: a party named shortly before the trigger, in the same clause.
    pub(super) fn linked_by_mit(&self, text: &str, party: Span, trigger: Span) -> bool {
        let between = &text[party.end..trigger.start];
        !between.contains([',', ';']) && between.split_whitespace().count() <= 6
    }

    /// `sie ... sich`: a plural pronoun subject with its reflexive.
    pub(super) fn plural_subject(&self, words: &[Word]) -> bool {
        let has = |cue| words.iter().any(|w| self.lexicon.is(w.text, cue));
        words.iter().any(|w| w.text == "sie") && has(Cue::Reflexive)
    }

    /// The personal pronoun that stands for the implied person: `er` anywhere in the sentence,
    /// or `sie` in the trigger's clause when that clause's finite verb is singular (German
    /// plural finite verbs end in `-n`, or are `sind`: `wo sie mit Xi zusammenkommt`, not
    /// `wo sie mit Xi zusammenkommen`); with the word.
    pub(super) fn pronoun_subject(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
    ) -> Option<(Pronoun, Span)> {
        if let Some(er) = words.iter().find(|w| w.text == "er") {
            return Some((Pronoun::Er, er.span));
        }
        let clause = &cx.clauses[clause_at(cx.clauses, words[t].span.start)?];
        let finite = clause.verbs.finite?.text(cx.text);
        let singular = !finite.ends_with('n') && finite != "sind";
        words
            .iter()
            .find(|w| w.text == "sie" && clause.span.contains(w.span))
            .filter(|_| singular)
            .map(|w| (Pronoun::Sie, w.span))
    }

    /// `Bei seinem Besuch traf er mit X zusammen`, `ein Treffen mit US-Präsident Bush ist
    /// vorgesehen`: every named party comes after the trigger as its companion (or after a
    /// pronoun subject), so the other side is the person the article follows: the person of the
    /// latest meeting, else the person named last.
    pub(super) fn implied_host(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        sentence: Span,
        participants: &[Participant],
        protagonist: Option<ActorId>,
    ) -> Option<ActorId> {
        let named: Vec<Span> = participants.iter().filter_map(|p| p.span).collect();
        // `X und Y gehören zu den Gesprächspartnern`: all named are partners of the one implied
        let partners = self.lexicon.is(words[t].text, Cue::Partner);
        let after_trigger = partners || named.iter().all(|s| s.start > words[t].span.end);
        let companions = !named.is_empty()
            && after_trigger
            && (partners || named.iter().all(|s| self.companion(words, t, *s)));
        let subject = self.pronoun_subject(cx, words, t);
        let pronoun = match subject {
            Some((Pronoun::Er, _)) => named.len() < 2 || after_trigger,
            // `wo sie mit Xi und Li zusammenkommt`: the named are her partners
            Some((Pronoun::Sie, word)) => named.iter().all(|s| s.start > word.end),
            None => false,
        };
        if !(companions || pronoun) {
            return None;
        }
        // the person the pronoun can refer to (`er` a man, `sie` a woman; unknown either)
        let fits = |a: &ActorId| {
            let wanted = subject.filter(|_| pronoun).map(|(p, _)| p);
            let has = cx.gazetteer.actor(*a).pronoun;
            wanted.is_none_or(|w| has.is_none_or(|h| h == w))
        };
        protagonist
            .filter(fits)
            .or_else(|| last_person_before(cx, sentence.start, fits))
            .filter(|host| participants.iter().all(|p| p.actor != *host))
    }

    /// A companion preposition (`mit`) stands between the trigger and `party`, at most six
    /// words before it.
    pub(super) fn companion(&self, words: &[Word], t: usize, party: Span) -> bool {
        let before = words.iter().rposition(|w| w.span.end <= party.start);
        before.is_some_and(|b| {
            words[t + 1..=b.max(t)]
                .iter()
                .rev()
                .take(6)
                .any(|w| self.lexicon.is(w.text, Cue::Companion))
        })
    }

    /// The group that names a summit trigger (`G7-Gipfel`, `ASEAN-Gipfel`).
    pub(super) fn summit_group(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        mentions: &[&Mention],
    ) -> Option<ActorId> {
        let trigger = self.lexicon.trigger(words[t].text)?;
        if trigger.kind != EventKind::Summit || trigger.pos == TriggerPos::Verb {
            return None;
        }
        mentions
            .iter()
            .filter(|m| m.span.start == words[t].span.start && m.how == How::Compound)
            .find_map(|m| m.actor())
            .filter(|a| cx.gazetteer.actor(*a).kind == ActorKind::Organisation)
    }

    /// The participants that belong to `group`: member states, and persons who hold an office
    /// of a member state.
    pub(super) fn members_of(
        &self,
        cx: &Context,
        group: ActorId,
        participants: &[Participant],
    ) -> Vec<ActorId> {
        let members = &cx.gazetteer.actor(group).members;
        participants
            .iter()
            .map(|p| p.actor)
            .filter(|a| {
                members.contains(a)
                    || cx
                        .gazetteer
                        .offices_of(*a, cx.published)
                        .any(|of| members.contains(&of))
            })
            .collect()
    }

    /// `Laut US-Regierung`, `nach Angaben des Weißen Hauses`, `sagte Außenminister Lawrow`,
    /// `der Staatsagentur Tass zufolge`, `Merkel (CDU)`: a source or an aside, not a party.
    pub(super) fn attributed(&self, text: &str, words: &[Word], span: Span) -> bool {
        let in_parentheses = text[..span.start].trim_end().ends_with('(')
            && text[span.end..].trim_start().starts_with(')');
        // words are in text order: search, not scan (a sentence may be long)
        let i = match words.partition_point(|w| w.span.end < span.end) {
            n if n == words.len() => 0,
            n => n,
        };
        let before = words.partition_point(|w| w.span.end <= span.start);
        let cue_before = words[before.saturating_sub(3)..before].iter().any(|w| {
            let is_cue = self.lexicon.is(w.text, Cue::Attribution)
                || self.lexicon.is(w.text, Cue::Reporting);
            let clause_break = text[w.span.end..span.start].contains([',', ';', ':']);
            is_cue && !clause_break
        });
        let after_is_cue = words
            .get(i + 1)
            .is_some_and(|w| w.text == "zufolge" && text[span.end..w.span.start].trim().is_empty());
        in_parentheses || cue_before || after_is_cue
    }

    pub(super) fn enough_parties(&self, cx: &Context, event: &Event, trigger: &Trigger) -> bool {
        // named parties, and the person a pronoun or a companion phrase implies
        let named = event
            .participants
            .iter()
            .filter(|p| p.span.is_some() || cx.gazetteer.actor(p.actor).kind == ActorKind::Person)
            .count();
        // a convening body implies its parent and members (`Der Nato-Russland-Rat tagt`), and a
        // group of states meets by itself (`Die Staats- und Regierungschefs der G7 kamen zusammen`)
        let body = event.participants.iter().any(|p| {
            let actor = cx.gazetteer.actor(p.actor);
            p.span.is_some() && (actor.kind == ActorKind::Body || self.is_group(cx, p.actor))
        });
        // a meeting of companies or newspapers alone is not diplomacy
        let diplomatic = event.participants.iter().any(|p| {
            !self
                .lexicon
                .is(&cx.gazetteer.actor(p.actor).category, Cue::NonDiplomatic)
        });
        diplomatic
            && match trigger.pos {
                TriggerPos::Verb if event.kind != EventKind::Visit => named >= 2 || body,
                _ => named >= 1,
            }
    }
}

/// The first person among a meeting's parties.
pub(super) fn first_person(g: &Gazetteer, event: &Event) -> Option<ActorId> {
    event
        .participants
        .iter()
        .map(|p| p.actor)
        .find(|a| g.actor(*a).kind == ActorKind::Person)
}

/// The person named last before `offset` for whom `fits` holds (for a pronoun `er`).
pub(super) fn last_person_before(
    cx: &Context,
    offset: usize,
    fits: impl Fn(&ActorId) -> bool,
) -> Option<ActorId> {
    mentions_to(cx, offset)
        .iter()
        .rev()
        .filter(|m| m.span.end <= offset)
        .find_map(|m| {
            m.actor()
                .filter(|a| cx.gazetteer.actor(*a).kind == ActorKind::Person && fits(a))
        })
}

/// A state or organisation right before a person (`Russlands Vize-Außenminister Sergej Rjabkow`,
/// `US-Präsident George W. Bush`) describes the person and is not a party of its own.
pub(super) fn modifies_person(cx: &Context, later: &[&Mention], m: &Mention) -> bool {
    if !matches!(m.how, How::Inflection | How::Compound | How::Adjective) {
        return false;
    }
    later.iter().take(3).any(|n| {
        let person = n
            .actor()
            .is_some_and(|a| cx.gazetteer.actor(a).kind == ActorKind::Person);
        let Some(between) = cx.text.get(m.span.end..n.span.start) else {
            return false;
        };
        person && between.split_whitespace().count() <= 2 && !between.contains([',', '.', ';'])
    })
}

/// A government office that stands for one state (`US-Außenministerium`) takes part as that state.
pub(super) fn government_state(g: &Gazetteer, actor: ActorId) -> ActorId {
    let a = g.actor(actor);
    match a.members.as_slice() {
        [state] if a.category == "government" && g.actor(*state).kind == ActorKind::State => *state,
        _ => actor,
    }
}

/// A body brings its parent and members (`Nato-Russland-Rat`: Nato, Russland).
pub(super) fn add_implied(g: &Gazetteer, actor: ActorId, participants: &mut Vec<Participant>) {
    let a = g.actor(actor);
    if a.kind != ActorKind::Body {
        return;
    }
    for implied in a.parent.iter().chain(a.members.iter()) {
        participants.push(Participant {
            actor: *implied,
            span: None,
            open: None,
        });
    }
}

pub(super) fn dedup_participants(participants: &mut Vec<Participant>) {
    let mut seen = std::collections::HashSet::new();
    participants.retain(|p| seen.insert(p.actor));
}
