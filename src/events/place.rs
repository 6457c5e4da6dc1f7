//! Where a meeting is held.

use super::EventFinder;
use super::finder::Context;
use super::lexicon::Cue;
use super::rules::{self, Rule};
use super::trigger::Background;
use super::words::*;
use super::{Event, EventDate, EventKind, EventPlace};
use crate::Span;
use crate::gazetteer::{ActorKind, How, Mention};
use chrono::NaiveDate;

impl EventFinder {
    /// The first place after a locative preposition, outside the topic and the background
    /// phrases; a state so used counts
    /// as its country.
    pub(super) fn place(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        mentions: &[&Mention],
        asides: &[Span],
        background: &[Background],
    ) -> Option<(EventPlace, Rule)> {
        // `die Genfer Gespräche`: a city adjective right before the trigger names the place
        if let Some(before) = t.checked_sub(1).map(|b| words[b].span) {
            let adjective = mentions
                .iter()
                .find(|m| m.span == before && m.how == How::Adjective && m.place().is_some());
            if let Some(m) = adjective {
                return m.place().map(|place| {
                    let found = EventPlace {
                        place,
                        span: m.span,
                    };
                    (found, rules::PLACE_CITY_ADJECTIVE)
                });
            }
        }
        mentions.iter().find_map(|m| {
            if asides.iter().any(|a| a.contains(m.span))
                || background.iter().any(|b| b.span.contains(m.span))
            {
                return None;
            }
            let found = self.locative_place(cx, words, m)?;
            Some((found, rules::PLACE_LOCATIVE))
        })
    }

    /// The place `m` names when it follows a locative preposition (`in Genf`, `nach Japan`: a
    /// state so used counts as its country); not in the dateline, nor an adjective, a role, a
    /// surname, a compound's part or a seat.
    fn locative_place(&self, cx: &Context, words: &[Word], m: &Mention) -> Option<EventPlace> {
        if cx.dateline.is_some_and(|d| d.contains(m.span))
            || matches!(
                m.how,
                How::Adjective
                    | How::Demonym
                    | How::Role
                    | How::Surname
                    | How::Compound
                    | How::Seat
            )
            || !self.after_locative(cx.text, words, m.span)
        {
            return None;
        }
        let place = m.place().or_else(|| {
            let actor = m.actor()?;
            (cx.gazetteer.actor(actor).kind == ActorKind::State)
                .then(|| cx.gazetteer.place_of_state(actor))
                .flatten()
        })?;
        Some(EventPlace {
            place,
            span: m.span,
        })
    }

    /// `Die Kanzlerin reist nach Peking. Dort trifft sie Xi Jinping`: `dort` in a sentence that
    /// names no place of its own points back to the last place the sentence before names after a
    /// locative preposition.
    pub(super) fn place_there(
        &self,
        cx: &Context,
        sentence: Span,
        words: &[Word],
    ) -> Option<EventPlace> {
        if !words.iter().any(|w| self.lexicon.is(w.text, Cue::There)) {
            return None;
        }
        let previous = previous_sentence(cx, sentence)?;
        let before = super::words::words(cx.text, previous);
        sentence_mentions(cx, previous)
            .iter()
            .rev()
            .find_map(|m| self.locative_place(cx, &before, m))
    }

    /// `in Genf`, `in den USA`, `in der äthiopischen Hauptstadt Addis Abeba`, `im mexikanischen
    /// Los Cabos`: a locative preposition, then at most an article, lower-case adjectives and a
    /// settlement noun before the name.
    pub(super) fn after_locative(&self, text: &str, words: &[Word], span: Span) -> bool {
        let Some(mut b) = words.iter().rposition(|w| w.span.end <= span.start) else {
            return false;
        };
        let mut skipped = 0;
        while skipped < 3 && b > 0 {
            let w = words[b].text;
            let filler = matches!(w, "den" | "die" | "der" | "dem" | "das")
                || w.starts_with(char::is_lowercase) && !self.lexicon.is(w, Cue::Locative)
                || self.lexicon.is(w, Cue::Settlement);
            if !filler {
                break;
            }
            b -= 1;
            skipped += 1;
        }
        let gap_ok = text[words[b].span.end..span.start]
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
        gap_ok && self.lexicon.is(words[b].text, Cue::Locative)
    }

    /// `zu einem dreitägigen China-Besuch`, `seinen Deutschland-Besuch`: a state that names a
    /// visit in a compound is where the visit goes.
    pub(super) fn visit_destination(
        &self,
        cx: &Context,
        words: &[Word],
        mentions: &[&Mention],
    ) -> Option<EventPlace> {
        words
            .iter()
            .filter(|w| {
                self.lexicon
                    .trigger(w.text)
                    .is_some_and(|t| t.kind == EventKind::Visit)
            })
            .find_map(|w| {
                mentions.iter().find_map(|m| {
                    let actor = m.actor()?;
                    let inside = m.how == How::Compound && w.span.contains(m.span);
                    let state = cx.gazetteer.actor(actor).kind == ActorKind::State;
                    let place = cx.gazetteer.place_of_state(actor)?;
                    (inside && state).then_some(EventPlace {
                        place,
                        span: m.span,
                    })
                })
            })
    }

    /// `Bei seinem Kurzbesuch traf er X`, `Mit bilateralen Gesprächen hat der Gipfel begonnen`:
    /// a meeting inside an earlier one that the sentence names with a definite trigger takes
    /// its place.
    pub(super) fn referred_place(
        &self,
        words: &[Word],
        t: usize,
        events: &[Event],
    ) -> Option<EventPlace> {
        self.referred_kinds(words, t).find_map(|kind| {
            events
                .iter()
                .rev()
                .find(|e| e.kind == kind)
                .and_then(|e| e.place)
        })
    }
}

/// `PEKING (dpa) - Merkel trifft heute Wen Jiabao`: a meeting of the publication day or the day
/// before, whose sentence names no place, is where the report comes from: the first place of
/// the dateline.
pub(super) fn dateline_place(cx: &Context, date: Option<&EventDate>) -> Option<EventPlace> {
    let dateline = cx.dateline?;
    let day = NaiveDate::parse_from_str(date?.value.get(..10)?, "%Y-%m-%d").ok()?;
    let recent = day <= cx.published && cx.published.signed_duration_since(day).num_days() <= 1;
    if !recent {
        return None;
    }
    mentions_from(cx, dateline.start)
        .iter()
        .take_while(|m| !cx.sorted || m.span.start <= dateline.end)
        .filter(|m| dateline.contains(m.span))
        .find_map(|m| {
            m.place().map(|place| EventPlace {
                place,
                span: m.span,
            })
        })
}
