//! When a meeting is held: the calendar date that belongs to it, not to a report or another
//! event.

use super::EventFinder;
use super::finder::Context;
use super::lexicon::Cue;
use super::rules::{self, Rule};
use super::words::*;
use super::{Event, EventDate};
use crate::clause::clause_at;
use crate::{Span, Timex, TimexType};

impl EventFinder {
    /// The calendar date of the meeting in its sentence, not one that dates a report
    /// (`bestätigte am Dienstag`) or another event. Of the candidates, a scheduled date (`ein
    /// Treffen für Montag`, `für den 3. Mai geplant`) comes first, then one in the trigger's clause
    /// or a clause above it (not in a relative clause about something else: `zum Rat, der zuletzt
    /// vor zwei Jahren tagte`), then the rest; among equals the nearest to the trigger.
    pub(super) fn date(
        &self,
        cx: &Context,
        words: &[Word],
        sentence: Span,
        t: usize,
    ) -> Option<(EventDate, Rule)> {
        let trigger = words[t].span;
        let chain = governing_clauses(cx.clauses, trigger.start);
        let rank = |x: &Timex| {
            if self.scheduled(words, x.span) {
                0
            } else if clause_at(cx.clauses, x.span.start).is_some_and(|k| chain.contains(&k)) {
                1
            } else {
                2
            }
        };
        let best = self
            .meeting_dates(cx, words, sentence)
            .min_by_key(|x| (rank(x), x.span.start.abs_diff(trigger.start)))?;
        let rule = [
            rules::DATE_SCHEDULED,
            rules::DATE_CLAUSE,
            rules::DATE_NEAREST,
        ][rank(best)];
        let date = EventDate {
            value: best
                .value
                .split('T')
                .next()
                .unwrap_or(&best.value)
                .to_string(),
            span: best.span,
        };
        Some((date, rule))
    }

    /// `für Montag`, `für den 3. Mai`: a schedule preposition (with at most an article) before
    /// the date.
    fn scheduled(&self, words: &[Word], span: Span) -> bool {
        let Some(i) = words.iter().position(|w| w.span.start >= span.start) else {
            return false;
        };
        words[i.saturating_sub(2)..i]
            .iter()
            .rev()
            .take_while(|w| {
                self.lexicon.is(w.text, Cue::Schedule) || self.lexicon.is(w.text, Cue::Definite)
            })
            .any(|w| self.lexicon.is(w.text, Cue::Schedule))
    }

    /// The calendar dates of a sentence that can date a meeting: not the date of a report or of
    /// another event (`nach der US-Wahl am 3. November`).
    pub(super) fn meeting_dates<'c>(
        &self,
        cx: &Context<'c>,
        words: &'c [Word],
        sentence: Span,
    ) -> impl Iterator<Item = &'c Timex> {
        let from = if cx.sorted {
            cx.timexes
                .partition_point(|x| x.span.start < sentence.start)
        } else {
            0
        };
        cx.timexes[from..]
            .iter()
            .take_while(move |x| !cx.sorted || x.span.start <= sentence.end)
            .filter(move |x| sentence.contains(x.span))
            .filter(|x| matches!(x.timex_type, TimexType::Date | TimexType::Time))
            .filter(|x| {
                x.value.starts_with(|c: char| c.is_ascii_digit()) && !x.value.starts_with("XXXX")
            })
            .filter(move |x| {
                !self.dates_report(cx.text, words, x.span)
                    && !self.dates_other_event(cx.text, words, x.span)
                    && !self.original_date(cx.text, words, x.span)
            })
    }

    /// `Das Krisentreffen dauert länger als geplant`, `Die Minister beraten derzeit`: a meeting
    /// under way is dated by the publication day (the trigger's span stands for the date's provenance).
    pub(super) fn ongoing(&self, cx: &Context, words: &[Word], t: usize) -> Option<EventDate> {
        // `beraten derzeit`: a plain present with a present reference (not `plant derzeit`,
        // `will derzeit`, whose meeting lies ahead)
        let clause =
            crate::clause::clause_at(cx.clauses, words[t].span.start).map(|k| &cx.clauses[k]);
        let now = clause.is_some_and(|c| {
            c.verbs.tense == Some(crate::clause::Tense::Present)
                && c.verbs.modal.is_none()
                && c.verbs
                    .lemma
                    .as_deref()
                    .is_none_or(|l| self.lexicon.status_verb(l).is_none())
                && super::status::now_in(cx, c.span)
        });
        (now || words.iter().any(|w| self.lexicon.is(w.text, Cue::Ongoing))).then(|| EventDate {
            value: cx.published.format("%Y-%m-%d").to_string(),
            span: words[t].span,
        })
    }

    /// A meeting sentence without a date of its own takes the last day named in the sentence
    /// before (`Am Donnerstag begannen in Genf die Gespräche. Die Außenminister trafen sich ...`).
    pub(super) fn context_date(&self, cx: &Context, sentence: Span) -> Option<EventDate> {
        let previous = previous_sentence(cx, sentence)?;
        let words = words(cx.text, previous);
        let day = |v: &str| v.len() >= 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
        let found = self
            .meeting_dates(cx, &words, previous)
            .filter(|x| day(&x.value))
            .last()?;
        Some(EventDate {
            value: found.value[..10].to_string(),
            span: found.span,
        })
    }

    /// `nach der US-Wahl am 3. November`, `nach seiner Amtsübernahme am 20. Januar`: a date in
    /// a background phrase whose noun comes before it dates that noun, not the meeting.
    pub(super) fn dates_other_event(&self, text: &str, words: &[Word], span: Span) -> bool {
        // the background word `first` before the date (words[..q]) whose phrase (`phrase_end`)
        // reaches past the date, with a capitalised word between them: walking back from the
        // date, only the words of the phrase that holds the date can be `first`
        let q = words.partition_point(|w| w.span.end <= span.start);
        if q == 0 || q >= words.len() {
            return false;
        }
        let mut capital = false; // a capitalised word in words[first + 1..q]
        let mut j = q;
        loop {
            if !self.phrase_continues(text, words, j) {
                return false;
            }
            let first = j - 1;
            if capital && self.lexicon.is(words[first].text, Cue::Background) {
                return true;
            }
            capital |= words[first].text.starts_with(char::is_uppercase);
            if first == 0 {
                return false;
            }
            j = first;
        }
    }

    /// `ursprünglich für Juni geplant`, `hätten eigentlich am Freitag stattfinden sollen`: the
    /// date a postponed meeting no longer has.
    pub(super) fn original_date(&self, text: &str, words: &[Word], span: Span) -> bool {
        // words are in text order: the first at or after the date by search
        let i = words.partition_point(|w| w.span.start < span.start);
        if i == words.len() {
            return false;
        }
        words[i.saturating_sub(4)..i].iter().any(|w| {
            self.lexicon.is(w.text, Cue::Original) && !text[w.span.end..span.start].contains(',')
        })
    }

    /// `bestätigte am Dienstag`: a reporting verb near the date, in the same clause (`bei einem
    /// Telefonat am Donnerstagabend, teilte ... mit` dates the call).
    pub(super) fn dates_report(&self, text: &str, words: &[Word], span: Span) -> bool {
        let i = words.partition_point(|w| w.span.start < span.start);
        if i == words.len() {
            return false;
        }
        let window = &words[i.saturating_sub(5)..(i + 3).min(words.len())];
        window.iter().any(|w| {
            let between = if w.span.end <= span.start {
                &text[w.span.end..span.start]
            } else {
                &text[span.end.min(w.span.start)..w.span.start]
            };
            self.lexicon.is(w.text, Cue::Reporting) && !between.contains([',', ';'])
        })
    }

    /// `Mit bilateralen Gesprächen hat der Gipfel an diesem Morgen begonnen`: an earlier meeting
    /// that the sentence names with a definite trigger, and that has no date yet, takes the
    /// sentence's.
    pub(super) fn date_referred(
        &self,
        words: &[Word],
        t: usize,
        events: &mut [Event],
        date: &EventDate,
    ) {
        for kind in self.referred_kinds(words, t) {
            if let Some(earlier) = events.iter_mut().rev().find(|e| e.kind == kind)
                && earlier.date.is_none()
            {
                earlier.date = Some(date.clone());
                earlier.rules.push(rules::DATE_REFERRED.id);
            }
        }
    }
}
