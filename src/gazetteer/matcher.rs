//! Finds every gazetteer form in a text with one Aho-Corasick automaton, checks word boundaries
//! in code (so `Russland` does not match inside `Russlandkrise`, but does in `Russland-Krise`),
//! and keeps the leftmost-longest non-overlapping hits. Leftmost-longest search is several times
//! faster than reporting every overlapping match; a longest match that ends inside a word falls
//! back to the longest shorter form at the same start.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::Span;

/// A form found at a word boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) span: Span,
    /// Index into the form table.
    pub(crate) form: usize,
    /// Followed by a hyphen and a word: the first part of a compound (`US-Regierung`).
    pub(crate) compound: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// Form string to pattern id, for the rare fallback to a shorter form at the same start.
    ids: HashMap<String, usize>,
}

impl Matcher {
    pub(crate) fn new(strings: &[String]) -> Matcher {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(strings)
            .expect("a gazetteer of this size fits the automaton");
        let ids = strings
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i))
            .collect();
        Matcher { automaton, ids }
    }

    /// All hits in `text`, sorted and non-overlapping: at each word start the longest form that
    /// also ends at a word boundary (`Nato-Russland-Rats` falls back to `Nato`).
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self
                .automaton
                .find(aho_corasick::Input::new(text).range(pos..))
            else {
                break;
            };
            let start = m.start();
            let hit = if starts_word(text, start) {
                match ends_word(text, m.end()) {
                    Some(compound) => Some(Hit {
                        span: Span::new(start, m.end()),
                        form: m.pattern().as_usize(),
                        compound,
                    }),
                    None => self.shorter_at(text, start, m.end()),
                }
            } else {
                None
            };
            // after a miss, go on inside it: `EU-Kommissionspräsidentin` is `EU` and then
            // `Kommissionspräsidentin`, although `EU-Kommission` matched first
            pos = match &hit {
                Some(h) => h.span.end,
                None => start + text[start..].chars().next().map_or(1, char::len_utf8),
            };
            hits.extend(hit);
        }
        hits
    }

    /// The longest form that starts at `start`, ends before `end` and at a word boundary.
    fn shorter_at(&self, text: &str, start: usize, end: usize) -> Option<Hit> {
        let candidate = &text[start..end];
        candidate
            .char_indices()
            .rev()
            .filter(|&(i, _)| i > 0)
            .find_map(|(i, _)| {
                let form = *self.ids.get(&candidate[..i])?;
                let compound = ends_word(text, start + i)?;
                Some(Hit {
                    span: Span::new(start, start + i),
                    form,
                    compound,
                })
            })
    }
}

/// True when a word starts at `i`: nothing before it, or a non-alphanumeric character. A hyphen
/// counts as a boundary (`Anti-Nato`), an apostrophe does not.
fn starts_word(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '’')
}

/// `Some(false)` when a word ends at `i`, `Some(true)` when a hyphen compound continues there,
/// `None` when the match stops inside a word.
fn ends_word(text: &str, i: usize) -> Option<bool> {
    let mut rest = text[i..].chars();
    match rest.next() {
        None => Some(false),
        Some('-') => Some(rest.next().is_some_and(char::is_alphanumeric)),
        Some(c) if c.is_alphanumeric() => None,
        Some(_) => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_and_compounds() {
        let m = Matcher::new(&[
            "Russland".into(),
            "Nato".into(),
            "Nato-Russland-Rat".into(),
            "US".into(),
        ]);
        let text = "Russlandkrise, Nato-Osterweiterung, der Nato-Russland-Rat, US-Regierung, BUS, Nato-Russland-Rats";
        let hits: Vec<(&str, bool)> = m
            .find(text)
            .iter()
            .map(|h| (h.span.text(text), h.compound))
            .collect();
        assert_eq!(
            hits,
            vec![
                ("Nato", true),
                ("Nato-Russland-Rat", false),
                ("US", true),
                ("Nato", true),
                ("Russland", true)
            ]
        );
    }
}
