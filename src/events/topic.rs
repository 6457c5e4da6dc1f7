//! What a meeting is about.

use super::EventFinder;
use super::lexicon::Cue;
use super::words::*;
use crate::Span;

impl EventFinder {
    /// The topic: the words after `über` up to a comma or the clause's final verb.
    pub(super) fn topic(&self, text: &str, words: &[Word], t: usize) -> Option<Span> {
        // `Sondersitzung zu Syrien`, `Treffen zur Ukraine-Krise`: `zu` right after the trigger
        let right_after = words
            .get(t + 1)
            .filter(|w| matches!(w.text, "zu" | "zum" | "zur"))
            .map(|_| t + 2);
        let start = match right_after {
            Some(s) => s,
            None => {
                words
                    .iter()
                    .position(|w| self.lexicon.is(w.text, Cue::Topic))?
                    + 1
            }
        };
        let mut first = start;
        while first < words.len()
            && matches!(
                words[first].text,
                "den" | "die" | "das" | "dem" | "der" | "des" | "einen" | "eine" | "ein"
            )
        {
            first += 1;
        }
        // the topic runs to the trigger when the trigger follows (`über X sprechen`), else to
        // the end of the sentence (`berät über A, B und C`), but not across `;` or `:`
        let mut end = first;
        while end < words.len() {
            let w = words[end];
            let clause_end =
                end > first && text[words[end - 1].span.end..w.span.start].contains([';', ':']);
            if end == t || clause_end {
                break;
            }
            end += 1;
        }
        (end > first).then(|| Span::new(words[first].span.start, words[end - 1].span.end))
    }
}
