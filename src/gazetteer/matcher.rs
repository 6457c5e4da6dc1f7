//! Finds every gazetteer form in a text with one Aho-Corasick automaton, checks word boundaries
//! in code (so `Russland` does not match inside `Russlandkrise`, but does in `Russland-Krise`),
//! and keeps the leftmost-longest non-overlapping hits.

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
}

impl Matcher {
    pub(crate) fn new(strings: &[String]) -> Matcher {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(strings)
            .expect("a gazetteer of this size fits the automaton");
        Matcher { automaton }
    }

    /// All hits in `text`, sorted, non-overlapping, longest first where two start together.
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        let mut candidates: Vec<Hit> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let span = Span::new(m.start(), m.end());
            if !starts_word(text, span.start) {
                continue;
            }
            let Some(compound) = ends_word(text, span.end) else {
                continue;
            };
            candidates.push(Hit {
                span,
                form: m.pattern().as_usize(),
                compound,
            });
        }
        candidates.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
        let mut hits: Vec<Hit> = Vec::with_capacity(candidates.len());
        for hit in candidates {
            if hits
                .last()
                .is_none_or(|last| last.span.end <= hit.span.start)
            {
                hits.push(hit);
            }
        }
        hits
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
        let text = "Russlandkrise, Nato-Osterweiterung, der Nato-Russland-Rat, US-Regierung, BUS";
        let hits: Vec<(&str, bool)> = m
            .find(text)
            .iter()
            .map(|h| (h.span.text(text), h.compound))
            .collect();
        assert_eq!(
            hits,
            vec![("Nato", true), ("Nato-Russland-Rat", false), ("US", true)]
        );
    }
}
