//! The sentence loop: finds each sentence's trigger and files the meeting it reports, merged
//! into an earlier one when the sentence refers back.

use chrono::NaiveDate;

use super::anaphora::*;
use super::lexicon::Lexicon;
use super::lexicon::{Cue, Trigger};
use super::parties::*;
use super::place::dateline_place;
use super::rules;
use super::words::*;
use super::{Event, EventKind, Participant};
use crate::gazetteer::{ActorId, ActorKind, Gazetteer, Mention};
use crate::{DataDir, Error};
use crate::{Span, Timex};

/// Finds meetings in an article; built once from `gazetteers/events/`.
///
/// ```
/// use chronik::{DataDir, Pipeline};
/// let pipeline = Pipeline::new(&DataDir::bundled())?;
/// let article = chronik::document::Article::new(
///     "demo",
///     "2021-12-28T10:20:28+01:00".parse().unwrap(),
///     "Die Nato plant mit Russland für den 12. Januar ein Treffen.",
/// );
/// let extraction = pipeline.extract(&article);
/// let event = &extraction.events[0];
/// assert_eq!(event.date.as_ref().map(|d| d.value.as_str()), Some("2022-01-12"));
/// assert_eq!(event.status, chronik::events::Status::Planned);
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct EventFinder {
    pub(super) lexicon: Lexicon,
}

/// Everything one article offers to the event finder.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) published: NaiveDate,
    pub(crate) dateline: Option<Span>,
    pub(crate) sentences: &'a [Span],
    /// The clauses of the sentences (`crate::clause`), for the rules that read them.
    pub(crate) clauses: &'a [crate::clause::Clause],
    pub(crate) mentions: &'a [Mention],
    pub(crate) timexes: &'a [Timex],
    pub(crate) gazetteer: &'a Gazetteer,
    /// `sentences`, `clauses`, `mentions` and `timexes` are each sorted by start (as the stages
    /// make them): look-ups by offset may search instead of scanning ([`Context::new`] checks
    /// it).
    pub(crate) sorted: bool,
    /// The mentions' ends are in order too (no mention inside another).
    pub(crate) mention_ends_sorted: bool,
}

impl<'a> Context<'a> {
    /// The context of one article; checks which lists are in text order.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        text: &'a str,
        published: NaiveDate,
        dateline: Option<Span>,
        sentences: &'a [Span],
        clauses: &'a [crate::clause::Clause],
        mentions: &'a [Mention],
        timexes: &'a [Timex],
        gazetteer: &'a Gazetteer,
    ) -> Context<'a> {
        let sorted = sentences.windows(2).all(|w| w[0].end <= w[1].start)
            && clauses.is_sorted_by_key(|c| c.span.start)
            && mentions.is_sorted_by_key(|m| m.span.start)
            && timexes.is_sorted_by_key(|t| t.span.start);
        let mention_ends_sorted = mentions.is_sorted_by_key(|m| m.span.end);
        Context {
            text,
            published,
            dateline,
            sentences,
            clauses,
            mentions,
            timexes,
            gazetteer,
            sorted,
            mention_ends_sorted,
        }
    }
}

impl EventFinder {
    /// Loads the event lexicon.
    ///
    /// # Errors
    /// When a file in `events/` is missing or malformed.
    pub fn new(data: &DataDir) -> Result<EventFinder, Error> {
        Ok(EventFinder {
            lexicon: Lexicon::new(data)?,
        })
    }

    pub(crate) fn find(&self, cx: &Context) -> Vec<Event> {
        let _remembered = self.lexicon.remember(cx.text);
        let mut events: Vec<Event> = Vec::new();
        let mut last_event_sentence = None;
        // `Ein Treffen gibt es heute in Berlin. Steinmeier empfängt ...`: a meeting without
        // parties lends its place and date to the next sentence's meeting
        let mut partyless: Option<(usize, Event)> = None;
        for (k, &sentence) in cx.sentences.iter().enumerate() {
            let recent_event = last_event_sentence.is_some_and(|l| k <= l + 2);
            if !recent_event && !self.lexicon.may_trigger(sentence.text(cx.text)) {
                continue;
            }
            let words = words(cx.text, sentence);
            let Some((t, trigger)) = self.first_trigger(&words) else {
                if recent_event {
                    self.mark_open_participation(cx, sentence, &words, events.last_mut());
                }
                continue;
            };
            if self.negated(cx.text, &words, t) || self.refused(cx, &words, t) {
                continue;
            }
            let protagonist = events.last().and_then(|e| first_person(cx.gazetteer, e));
            let mut event = self.read_sentence(cx, sentence, &words, t, trigger, protagonist);
            let named = event
                .participants
                .iter()
                .filter(|p| p.span.is_some())
                .count();
            if named < 2
                && self.plural_subject(&words)
                && let Some(latest) = events.last()
            {
                // `Anschließend zogen sie sich zu einem Gespräch zurück`: `sie` are the parties
                // of the latest meeting
                event.rules.push(rules::PARTIES_PLURAL_PRONOUN.id);
                for p in &latest.participants {
                    if event.participants.iter().all(|q| q.actor != p.actor) {
                        event.participants.push(Participant { span: None, ..*p });
                    }
                }
            }
            if let Some((_, announced)) = partyless.take().filter(|(j, _)| j + 1 == k) {
                if event.place.is_none() && announced.place.is_some() {
                    event.place = announced.place;
                    event.rules.push(rules::PLACE_ANNOUNCED.id);
                }
                if event.date.is_none() && announced.date.is_some() {
                    event.date = announced.date;
                    event.rules.push(rules::DATE_ANNOUNCED.id);
                }
            }
            let mentions = sentence_mentions(cx, sentence);
            let background: Vec<Event> = self
                .background_phrases(cx.text, &words, t)
                .iter()
                .filter_map(|phrase| self.background_meeting(cx, &words, phrase, &event, &mentions))
                .collect();
            let found = !background.is_empty();
            let without_parties = event.participants.is_empty().then(|| event.clone());
            let filed = self.file_event(cx, &words, t, trigger, event, &mut events);
            if !filed {
                partyless = without_parties.map(|e| (k, e));
            }
            for earlier in background {
                add_or_merge(&mut events, earlier, cx.gazetteer);
            }
            if filed || found {
                last_event_sentence = Some(k);
            }
        }
        events
    }

    /// Adds the meeting a sentence reports to the article's meetings: merged into an earlier one
    /// when the sentence refers back, split into bilateral meetings when one person meets
    /// several, with the summit around it as a meeting of its own. False when it is not a
    /// meeting (too few parties).
    pub(super) fn file_event(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        trigger: &Trigger,
        mut event: Event,
        events: &mut Vec<Event>,
    ) -> bool {
        let refers_back = self.refers_back(words, t, trigger);
        let antecedent = antecedent(events, &event).filter(|&i| {
            // `Das Treffen von Scholz und Sánchez`: a trigger with a party phrase of its own that
            // names someone the earlier meeting lacks reports another meeting
            // (the meetings split from one sentence count as one)
            let (trigger, evidence) = (events[i].trigger, events[i].evidence);
            let known = |actor| {
                events
                    .iter()
                    .filter(|e| e.trigger == trigger && e.evidence == evidence)
                    .any(|e| e.participants.iter().any(|q| q.actor == actor))
            };
            let newcomer = event
                .participants
                .iter()
                .any(|p| p.span.is_some() && !known(p.actor));
            !(newcomer && self.has_party_phrase(words, t))
        });
        if refers_back && let Some(i) = antecedent {
            // `Die Gespräche mit Trump und Xi`: every bilateral meeting split from one sentence
            let (trigger, evidence) = (events[i].trigger, events[i].evidence);
            for previous in events
                .iter_mut()
                .filter(|e| e.trigger == trigger && e.evidence == evidence)
            {
                let mut new = event.clone();
                keep_new_parties_only_if_needed(previous, &mut new, cx.gazetteer);
                previous.rules.push(rules::EVENT_REFERS_BACK.id);
                merge_into(previous, new, cx.gazetteer);
            }
            return true;
        }
        if event.place.is_none() {
            event.place = self.referred_place(words, t, events);
            if event.place.is_some() {
                event.rules.push(rules::PLACE_REFERRED.id);
            }
        }
        if let Some(date) = &event.date {
            self.date_referred(words, t, events, date);
        }
        // `Das nächste Treffen ist für den 14. September geplant`: the next round of the latest
        // meeting, between the same parties
        let next_round = words[t.saturating_sub(3)..t]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::New));
        if next_round
            && event.participants.iter().all(|p| p.span.is_none())
            && let Some(previous) = events.last()
        {
            event.rules.push(rules::PARTIES_NEXT_ROUND.id);
            event.participants = previous.participants.clone();
        }
        let aside = self.summit_aside(cx, words, t, &event);
        if let Some(summit) = &aside {
            // the group of the summit around the meeting is not a party of the meeting
            event.participants.retain(|p| {
                p.actor != summit.participants[0].actor
                    || p.span != Some(summit.participants[0].span.unwrap_or_default())
            });
        }
        let enough = self.enough_parties(cx, &event, trigger);
        if !enough && aside.is_none() {
            return false;
        }
        let mut found = aside.into_iter().collect::<Vec<_>>();
        if enough {
            found.extend(self.split_bilateral(cx, words, event));
        }
        for event in found {
            add_or_merge(events, event, cx.gazetteer);
        }
        true
    }

    pub(super) fn read_sentence(
        &self,
        cx: &Context,
        sentence: Span,
        words: &[Word],
        t: usize,
        trigger: &Trigger,
        protagonist: Option<ActorId>,
    ) -> Event {
        let topic = self.topic(cx.text, words, t);
        let asides = self.aside_phrases(cx.text, words, t);
        let mentions = sentence_mentions(cx, sentence);
        let mut applied = Vec::new();
        let mut kind = self.kind_of(words, trigger);
        if kind != trigger.kind {
            applied.push(rules::KIND_NOUN.id);
        }
        let background = self.background_phrases(cx.text, words, t);
        let mut place = self
            .place(cx, words, t, &mentions, &asides, &background)
            .map(|(place, rule)| {
                applied.push(rule.id);
                place
            });
        if kind == EventKind::Visit
            && place.is_none()
            && let Some(found) = self.visit_destination(cx, words, &mentions)
        {
            place = Some(found);
            applied.push(rules::PLACE_VISIT_DESTINATION.id);
        }
        if place.is_none()
            && let Some(found) = self.place_there(cx, sentence, words)
        {
            place = Some(found);
            applied.push(rules::PLACE_THERE.id);
        }
        let mut participants = self.parties(cx, words, &mentions, &asides);
        if kind == EventKind::Visit {
            // the host state of a visit is a party: `Staatsbesuch in den USA`
            if let Some(host) = place.and_then(|p| cx.gazetteer.place(p.place).state) {
                applied.push(rules::PARTIES_VISIT_HOST.id);
                participants.push(Participant {
                    actor: host,
                    span: place.map(|p| p.span),
                    open: None,
                });
            }
        }
        if let Some(group) = self.convening_group(cx, words, t, &mentions) {
            // `Sondersitzung des UN-Sicherheitsrats`, `Treffen der G7-Außenminister`: the group
            // that meets is the party; other names in the sentence are its members or speakers
            applied.push(rules::PARTIES_CONVENING_GROUP.id);
            participants.retain(|p| {
                p.span.is_some_and(|s| {
                    s.start < words[t].span.start && self.linked_by_mit(cx.text, s, words[t].span)
                })
            });
            participants.insert(
                0,
                Participant {
                    actor: group.0,
                    span: Some(group.1),
                    open: None,
                },
            );
            add_implied(cx.gazetteer, group.0, &mut participants);
        } else if let Some(host) =
            self.implied_host(cx, words, t, sentence, &participants, protagonist)
        {
            applied.push(rules::PARTIES_IMPLIED_HOST.id);
            participants.insert(
                0,
                Participant {
                    actor: host,
                    span: None,
                    open: None,
                },
            );
        } else if let Some(group) = self.summit_group(cx, words, t, &mentions) {
            // `den G7-Gipfel abhalten`: the group meets; its members named around it are part of it
            applied.push(rules::PARTIES_SUMMIT_GROUP.id);
            let members = self.members_of(cx, group, &participants);
            participants.retain(|p| !members.contains(&p.actor));
        }
        // `Nach ihrem Gespräch mit Putin trifft Merkel ...`: Putin belongs to the earlier talk
        participants.retain(|p| {
            p.span
                .is_none_or(|s| background.iter().all(|b| !b.span.contains(s)))
        });
        dedup_participants(&mut participants);
        let all_bodies = participants
            .iter()
            .filter(|p| p.span.is_some())
            .all(|p| cx.gazetteer.actor(p.actor).kind == ActorKind::Body);
        if kind == EventKind::Meeting && all_bodies && !participants.is_empty() {
            kind = EventKind::Session;
            applied.push(rules::KIND_BODIES.id);
        }
        let dated = self
            .date(cx, words, sentence, t)
            .or_else(|| self.ongoing(cx, words, t).map(|d| (d, rules::DATE_ONGOING)))
            .or_else(|| {
                self.context_date(cx, sentence)
                    .map(|d| (d, rules::DATE_PREVIOUS_SENTENCE))
            });
        let date = dated.map(|(date, rule)| {
            applied.push(rule.id);
            date
        });
        if place.is_none()
            && !matches!(kind, EventKind::Call | EventKind::Visit)
            && let Some(found) = dateline_place(cx, date.as_ref())
        {
            place = Some(found);
            applied.push(rules::PLACE_DATELINE.id);
        }
        let (status, status_rule) = self.status(cx, sentence, words, words[t].span, date.as_ref());
        applied.push(status_rule.id);
        Event {
            kind,
            status,
            participants,
            place,
            date,
            topic,
            trigger: words[t].span,
            evidence: sentence,
            support: Vec::new(),
            rules: applied,
        }
    }
}
