//! What a meeting is about, and the phrases that name a topic or a cause: the actors and places
//! inside them are what the meeting is about, not who meets or where (`wegen des Konflikts
//! zwischen Russland und der Ukraine`, `über die Lage im Sudan`, `angesichts der Angriffe auf
//! den Iran`).

use super::EventFinder;
use super::lexicon::Cue;
use super::words::*;
use crate::Span;

impl EventFinder {
    /// The topic: the first topic phrase of the sentence (`über X`, `es geht um X`, or `zu X`
    /// right after the trigger), without its preposition and article.
    pub(super) fn topic(&self, text: &str, words: &[Word], t: usize) -> Option<Span> {
        let first = self
            .aside_starts(words, t)
            .find(|&i| !self.lexicon.is(words[i].text, Cue::Cause))?;
        let end = self.aside_end(text, words, first, t);
        let mut start = first + 1;
        while start < end
            && (self.lexicon.is(words[start].text, Cue::Definite)
                || self.lexicon.is(words[start].text, Cue::Indefinite))
        {
            start += 1;
        }
        (end > start).then(|| Span::new(words[start].span.start, words[end - 1].span.end))
    }

    /// The topic and cause phrases of a sentence, each from its preposition to its end.
    pub(super) fn aside_phrases(&self, text: &str, words: &[Word], t: usize) -> Vec<Span> {
        self.aside_starts(words, t)
            .map(|first| {
                let end = self.aside_end(text, words, first, t);
                Span::new(words[first].span.start, words[end - 1].span.end)
            })
            .collect()
    }

    /// Where topic and cause phrases start: a topic or cause preposition (`über`, `wegen`,
    /// `angesichts`); `um` only before a determiner (`es geht um die Lage`, not `um 10 Uhr`);
    /// `zu` only right after the trigger (`Sondersitzung zu Syrien`).
    fn aside_starts<'a>(&'a self, words: &'a [Word], t: usize) -> impl Iterator<Item = usize> + 'a {
        (0..words.len()).filter(move |&i| {
            let w = words[i].text;
            let determiner_next = words.get(i + 1).is_some_and(|n| {
                self.lexicon.is(n.text, Cue::Definite) || self.lexicon.is(n.text, Cue::Indefinite)
            });
            let is_cue = self.lexicon.is(w, Cue::Cause)
                || (self.lexicon.is(w, Cue::Topic) && (w != "um" || determiner_next));
            let after_trigger = i == t + 1 && matches!(w, "zu" | "zum" | "zur");
            i != t && (is_cue || after_trigger)
        })
    }

    /// A topic or cause phrase runs like any prepositional phrase (see
    /// [`phrase_end`](EventFinder::phrase_end)), over the commas of an enumeration (`über Syrien,
    /// Libyen und den Irak`), and stops before the trigger and before a companion (`wegen der
    /// Krise mit Putin telefonieren`: Putin is a party).
    fn aside_end(&self, text: &str, words: &[Word], first: usize, t: usize) -> usize {
        let mut end = first + 1;
        while end < words.len() && end != t {
            let (prev, w) = (words[end - 1], words[end]);
            let gap = &text[prev.span.end..w.span.start];
            let enumeration = gap.trim() == ","
                && (w.text.starts_with(char::is_uppercase)
                    || self.lexicon.is(w.text, Cue::Definite));
            let broken = gap.contains([';', ':', '(', ')']) || (gap.contains(',') && !enumeration);
            let continues = !w.text.starts_with(char::is_lowercase)
                || self.lexicon.is(w.text, Cue::Phrase)
                || prev.text.starts_with(char::is_lowercase);
            if broken || !continues || self.lexicon.is(w.text, Cue::Companion) {
                break;
            }
            end += 1;
        }
        end
    }
}
