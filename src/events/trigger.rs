//! Which word reports the sentence's meeting, what kind it is, and whether it is negated or
//! in the background of another.

use super::EventFinder;
use super::finder::Context;
use super::lexicon::{Cue, Trigger, TriggerPos};
use super::words::*;
use super::{EventKind, Status};
use crate::Span;

impl EventFinder {
    /// The trigger that reports the sentence's meeting: the first one that brings a new meeting
    /// (`ein Treffen`), else the first one that refers back (`dem Treffen`, `seiner Reise`).
    pub(super) fn first_trigger<'w>(&self, words: &[Word<'w>]) -> Option<(usize, &Trigger)> {
        let mut triggers = words.iter().enumerate().filter_map(|(i, w)| {
            let trigger = self.lexicon.trigger(w.text)?;
            let satisfied = trigger.requires.is_empty()
                || words
                    .iter()
                    .any(|o| trigger.requires.iter().any(|r| r == o.text));
            satisfied.then_some((i, trigger))
        });
        let first = triggers.next()?;
        // `ob der Gipfel als direktes Treffen stattfindet`: `als` gives the form of another
        // trigger's meeting
        let predicative = |i: usize| {
            words[i.saturating_sub(2)..i]
                .iter()
                .any(|w| self.lexicon.is(w.text, Cue::Predicative))
        };
        let foreground = |i: usize| {
            !self.determined(words, i) && !self.in_background(words, i) && !predicative(i)
        };
        if foreground(first.0) {
            return Some(first);
        }
        Some(triggers.find(|(i, _)| foreground(*i)).unwrap_or(first))
    }

    /// The kind the sentence reports: a noun trigger (`Gipfeltreffen`, `Gespräch`) says more than
    /// a verb (`kamen zusammen`, `trafen sich`), so the first foreground noun decides.
    pub(super) fn kind_of(&self, words: &[Word], trigger: &Trigger) -> EventKind {
        if trigger.pos != TriggerPos::Verb {
            return trigger.kind;
        }
        words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| self.lexicon.trigger(w.text).map(|t| (i, t)))
            .find(|(i, t)| {
                // `am Rande des G20-Gipfels trifft ...`: a summit named by its group is the
                // setting (a meeting of its own), not the kind of this one
                let setting = t.kind == EventKind::Summit && words[*i].text.contains('-');
                // `Bei seinem Kurzbesuch traf er X`: a noun that frames the sentence names
                // another meeting
                let frame = words[i.saturating_sub(3)..*i]
                    .iter()
                    .any(|w| self.lexicon.is(w.text, Cue::Frame));
                t.pos != TriggerPos::Verb && !self.in_background(words, *i) && !frame && !setting
            })
            .map_or(trigger.kind, |(_, t)| t.kind)
    }

    /// A definite or possessive determiner before the trigger, adjectives allowed between
    /// (`den stundenlangen Verhandlungen`).
    pub(super) fn determined(&self, words: &[Word], t: usize) -> bool {
        let before = &words[t.saturating_sub(3)..t];
        // `das nächste Treffen`, `eine weitere Runde`: a new meeting, whatever the article
        if before.iter().any(|w| self.lexicon.is(w.text, Cue::New)) {
            return false;
        }
        before
            .iter()
            .rev()
            .take_while(|w| {
                !w.text.starts_with(char::is_uppercase) || self.lexicon.is(w.text, Cue::Definite)
            })
            .any(|w| self.lexicon.is(w.text, Cue::Definite))
    }

    /// `Nach den Friedensverhandlungen ...`: a trigger in a temporal phrase before the main event.
    pub(super) fn in_background(&self, words: &[Word], t: usize) -> bool {
        words[t.saturating_sub(3)..t]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Background))
    }

    /// `Scholz lehnte ein Treffen mit Putin ab`, `hat Gespräche ausgeschlossen`: a verb of the
    /// trigger's clause or a clause above it refuses or rules out the meeting, which is its
    /// object (not inside a prepositional phrase: `lehnten bei ihrem Treffen den Plan ab` reports
    /// a meeting), and is not negated itself (`schloss ein Treffen nicht aus`).
    pub(super) fn refused(&self, cx: &Context, words: &[Word], t: usize) -> bool {
        let in_phrase = words[t.saturating_sub(3)..t].iter().any(|w| {
            [
                Cue::Background,
                Cue::Frame,
                Cue::After,
                Cue::Companion,
                Cue::PartyPhrase,
                Cue::Topic,
                Cue::Cause,
                Cue::Schedule,
                Cue::Locative,
            ]
            .into_iter()
            .any(|cue| self.lexicon.is(w.text, cue))
        });
        !in_phrase
            && governing_clauses(cx.clauses, words[t].span.start)
                .into_iter()
                .map(|k| &cx.clauses[k])
                .any(|c| {
                    !c.verbs.negated
                        && c.verbs
                            .lemma
                            .as_deref()
                            .and_then(|l| self.lexicon.status_verb(l))
                            .is_some_and(|v| v.refusal)
                })
    }

    /// `kein Treffen`, `nicht zu einem Krisentreffen`, `ein Treffen sei nicht angemessen`: a
    /// negation among the three words before or the four words after the trigger, unless the
    /// sentence says the meeting was called off (then it is a cancelled meeting).
    pub(super) fn negated(&self, text: &str, words: &[Word], t: usize) -> bool {
        // `zu einem normalen Gipfel, nicht zu einem Krisentreffen`: a comma between the trigger
        // and the negation puts them in different phrases
        let same_phrase = |w: &Word| {
            let (a, b) = if w.span.start < words[t].span.start {
                (w.span.end, words[t].span.start)
            } else {
                (words[t].span.end, w.span.start)
            };
            !text[a..b].contains([',', ';', ':'])
        };
        // `ein Treffen sei nicht angemessen`: after the trigger a negation needs a verb between
        // (`die Teilnehmer des Gipfels in Japan nicht leichter` negates something else)
        let clause_negation = |w: &Word| {
            w.span.start < words[t].span.start
                || words.iter().any(|v| {
                    v.span.start > words[t].span.end
                        && v.span.end < w.span.start
                        && v.text.starts_with(char::is_lowercase)
                        && !self.lexicon.is(v.text, Cue::Phrase)
                })
        };
        let window = &words[t.saturating_sub(3)..(t + 5).min(words.len())];
        let cancelled = self.cue_status(words) == Some(Status::Cancelled);
        // `ist derzeit nicht geplant`: a negation right before a word that plans the meeting
        let plan_negated = words.windows(2).any(|pair| {
            self.lexicon.is(pair[0].text, Cue::Negation)
                && self.word_status(pair[1].text) == Some(Status::Planned)
        });
        // `eine Entscheidung treffen`: the verb does not mean meeting
        let collocation = self
            .lexicon
            .trigger(words[t].text)
            .is_some_and(|tr| tr.pos == TriggerPos::Verb)
            && words
                .iter()
                .any(|w| self.lexicon.is(w.text, Cue::Collocate));
        collocation
            || (!cancelled
                && (plan_negated
                    || window.iter().any(|w| {
                        self.lexicon.is(w.text, Cue::Negation)
                            && same_phrase(w)
                            && clause_negation(w)
                    })))
    }

    /// The temporal phrases that hold another meeting than the trigger's (`Nach ihrem Gespräch
    /// mit Putin trifft Merkel ...`, `..., teilte das Präsidialamt nach einem Telefonat von Putin
    /// und Erdogan mit`).
    pub(super) fn background_phrases(
        &self,
        text: &str,
        words: &[Word],
        t: usize,
    ) -> Vec<Background> {
        (0..words.len())
            .filter(|&s| self.lexicon.is(words[s].text, Cue::Background))
            .filter_map(|first| {
                let end = self.phrase_end(text, words, first);
                let trigger =
                    (first + 1..end).find(|&i| self.lexicon.trigger(words[i].text).is_some())?;
                (!(first..end).contains(&t)).then(|| Background {
                    span: Span::new(words[first].span.start, words[end - 1].span.end),
                    first,
                    trigger,
                })
            })
            .collect()
    }

    /// Where a prepositional phrase that starts at `first` ends: it runs over names, nouns,
    /// articles, prepositions and the adjectives after them, and stops at a comma or at the
    /// first other word (the finite verb after the fore-field: `Nach dem Treffen sagte ...`).
    pub(super) fn phrase_end(&self, text: &str, words: &[Word], first: usize) -> usize {
        let mut end = first + 1;
        while self.phrase_continues(text, words, end) {
            end += 1;
        }
        end
    }

    /// True when a phrase that reaches `words[end - 1]` goes on to `words[end]` (see
    /// [`phrase_end`](Self::phrase_end)).
    pub(super) fn phrase_continues(&self, text: &str, words: &[Word], end: usize) -> bool {
        if end >= words.len() {
            return false;
        }
        let (prev, w) = (words[end - 1], words[end]);
        if text[prev.span.end..w.span.start].contains([',', ';', ':', '(', ')']) {
            return false;
        }
        !w.text.starts_with(char::is_lowercase)
            || self.lexicon.is(w.text, Cue::Phrase)
            || prev.text.starts_with(char::is_lowercase)
    }

    /// The kinds of the definite triggers besides `t` (`der Gipfel`, `seinem Kurzbesuch`): each
    /// names an earlier meeting of that kind.
    pub(super) fn referred_kinds<'w>(
        &'w self,
        words: &'w [Word],
        t: usize,
    ) -> impl Iterator<Item = EventKind> + 'w {
        words.iter().enumerate().filter_map(move |(i, w)| {
            let trigger = self.lexicon.trigger(w.text)?;
            (i != t && self.determined(words, i)).then_some(trigger.kind)
        })
    }
}

/// A prepositional phrase that puts another meeting in the background of a sentence's trigger.
pub(super) struct Background {
    /// From the preposition to the end of the phrase.
    pub(super) span: Span,
    /// The preposition's word index.
    pub(super) first: usize,
    /// The word index of the phrase's own trigger.
    pub(super) trigger: usize,
}
