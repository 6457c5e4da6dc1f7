//! Words of a sentence and the article's sentences around one.

use super::finder::Context;
use crate::Span;
use crate::clause::{Clause, clause_at};
use crate::gazetteer::Mention;

/// A word of a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'t> {
    pub(super) span: Span,
    pub(super) text: &'t str,
}

/// The words of a sentence: runs of letters, digits, hyphens and dots inside numbers.
pub(super) fn words(text: &str, sentence: Span) -> Vec<Word<'_>> {
    let s = sentence.text(text);
    // about one word per six bytes: one allocation, not a growing list
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let in_word = c.is_alphanumeric() || (c == '-' && start.is_some());
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                let w = s[b..i].trim_end_matches('-');
                out.push(Word {
                    span: Span::new(sentence.start + b, sentence.start + b + w.len()),
                    text: w,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The mentions inside `sentence`.
pub(super) fn sentence_mentions<'c>(cx: &Context<'c>, sentence: Span) -> Vec<&'c Mention> {
    mentions_from(cx, sentence.start)
        .iter()
        .take_while(|m| !cx.sorted || m.span.start <= sentence.end)
        .filter(|m| sentence.contains(m.span))
        .collect()
}

/// The mentions from the first that starts at or after `offset` (all of them when the lists are
/// not in text order): where a scan for mentions after `offset` may begin.
pub(super) fn mentions_from<'c>(cx: &Context<'c>, offset: usize) -> &'c [Mention] {
    if cx.sorted {
        &cx.mentions[cx.mentions.partition_point(|m| m.span.start < offset)..]
    } else {
        cx.mentions
    }
}

/// The mentions up to the last that ends at or before `offset` (all of them when the lists are
/// not in text order): where a backward scan for mentions before `offset` may begin.
pub(super) fn mentions_to<'c>(cx: &Context<'c>, offset: usize) -> &'c [Mention] {
    if cx.mention_ends_sorted {
        &cx.mentions[..cx.mentions.partition_point(|m| m.span.end <= offset)]
    } else {
        cx.mentions
    }
}

/// The sentence before `sentence`.
pub(super) fn previous_sentence(cx: &Context, sentence: Span) -> Option<Span> {
    let before = if cx.sorted {
        &cx.sentences[..cx.sentences.partition_point(|s| s.end <= sentence.start)]
    } else {
        cx.sentences
    };
    before
        .iter()
        .rev()
        .find(|s| s.end <= sentence.start)
        .copied()
}

/// The clause at `offset` and the clauses it is embedded in, innermost first, up to (not into)
/// a clause that reports speech: `Das Treffen sei abgesagt, sagte ein Sprecher` is read from
/// `Das Treffen sei abgesagt` alone.
pub(super) fn governing_clauses(clauses: &[Clause], offset: usize) -> Vec<usize> {
    let mut chain = Vec::new();
    let mut next = clause_at(clauses, offset);
    while let Some(k) = next {
        if clauses[k].reporting && !chain.is_empty() {
            break;
        }
        chain.push(k);
        next = clauses[k].parent;
    }
    chain
}
