//! The tense of the clause around a temporal expression, from the cue words of `tense.tsv`.
//!
//! German news marks tense on auxiliaries and modals (`hatte`, `wurde`, `soll`, `wird`) and on the
//! endings of weak verbs (`bestätig-te`); perfect tense is an auxiliary (`hat`, `ist`) plus a
//! participle (`an-ge-kündigt`, `verschoben`). A clause is the stretch between commas, colons,
//! brackets and quotes; when it has no cue, the neighbouring clauses are asked, nearest first.
//! An auxiliary outranks a
//! verb ending (`wird ... leiten` is future although `leiten` ends like `leitete`), and past wins
//! over future between auxiliaries (`hätten ... stattfinden sollen`). This module knows endings and prefixes
//! only as the data gives them; it does not resolve anything.

use super::lexicon::{Cue, TenseCues};
use std::cell::OnceCell;

use super::token::{Kind, Token};
use crate::Tense;

/// What the clause of an expression says about its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Clause {
    /// `None` when nothing in the clause or sentence marks a tense.
    pub tense: Option<Tense>,
    /// The past comes from a finite verb in the simple past or pluperfect (`war`, `traf`), not
    /// from a perfect (`hat ... angekündigt`).
    pub finite_past: bool,
    /// The past is that of `wollte` or `sollte`: what was intended may still lie ahead.
    pub past_modal: bool,
}

#[derive(Default)]
struct Cues {
    past: bool,
    finite_past: bool,
    past_modal: bool,
    future: bool,
    present: bool,
    weak_past: bool,
    weak_future: bool,
}

impl Cues {
    fn decide(&self) -> Option<Tense> {
        if self.past {
            Some(Tense::Past)
        } else if self.future || self.weak_future {
            Some(Tense::Future)
        } else if self.weak_past {
            Some(Tense::Past)
        } else if self.present {
            Some(Tense::Present)
        } else {
            None
        }
    }

    fn any(&self) -> bool {
        self.past || self.future || self.present || self.weak_future || self.weak_past
    }
}

/// The clauses of one sentence with the cues each holds, computed once per sentence.
pub(crate) struct Clauses<'a, 't> {
    toks: &'a [Token<'t>],
    lexicon: &'a TenseCues,
    /// Token ranges of the clauses, in order.
    ranges: Vec<(usize, usize)>,
    /// The cues of each clause, read when first asked for.
    cues: Vec<OnceCell<Cues>>,
}

impl<'a, 't> Clauses<'a, 't> {
    /// Splits a sentence at commas, colons, brackets and quotes.
    pub(crate) fn new(toks: &'a [Token<'t>], cues: &'a TenseCues) -> Clauses<'a, 't> {
        let is_boundary = |t: &Token| {
            t.kind == Kind::Punct
                && matches!(
                    t.text,
                    "," | ";"
                        | ":"
                        | "("
                        | ")"
                        | "\""
                        | "„"
                        | "“"
                        | "”"
                        | "–"
                        | "—"
                        | "?"
                        | "!"
                        | "«"
                        | "»"
                )
        };
        let mut ranges = Vec::new();
        let mut start = 0;
        for (i, t) in toks.iter().enumerate() {
            if is_boundary(t) {
                ranges.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < toks.len() || ranges.is_empty() {
            ranges.push((start, toks.len()));
        }
        Clauses {
            toks,
            lexicon: cues,
            cues: ranges.iter().map(|_| OnceCell::new()).collect(),
            ranges,
        }
    }

    /// The tense of the clause holding token `start`; a clause without a cue (`wenn du im Sommer,
    /// ...`) asks its neighbours, the following one first, nearest first.
    pub(crate) fn at(&self, start: usize) -> Clause {
        let k = self
            .ranges
            .iter()
            .position(|&(s, e)| s <= start && start < e)
            .unwrap_or(0);
        for d in 0..self.ranges.len() {
            for j in [k.checked_add(d), k.checked_sub(d)].into_iter().flatten() {
                let Some(&(s, e)) = self.ranges.get(j) else {
                    continue;
                };
                let c = self.cues[j].get_or_init(|| scan(&self.toks[s..e], self.lexicon));
                if c.any() {
                    return Clause {
                        tense: c.decide(),
                        finite_past: c.finite_past,
                        past_modal: c.past_modal,
                    };
                }
            }
        }
        Clause {
            tense: None,
            finite_past: false,
            past_modal: false,
        }
    }
}

/// Token `i` stands in a relative clause: the clause opened by the last comma or dash before it
/// begins with a relative pronoun, after a preposition or not (`, der zuletzt tagte`, `, in dem`).
pub(crate) fn in_relative_clause(toks: &[Token], i: usize) -> bool {
    let Some(b) = toks[..i.min(toks.len())]
        .iter()
        .rposition(|t| t.kind == Kind::Punct && matches!(t.text, "," | "–" | "—" | "(" | ";"))
    else {
        return false;
    };
    let relative = |k: usize| {
        toks.get(k).is_some_and(|t| {
            matches!(
                t.text,
                "der"
                    | "die"
                    | "das"
                    | "dem"
                    | "den"
                    | "denen"
                    | "deren"
                    | "dessen"
                    | "welche"
                    | "welcher"
                    | "welchem"
                    | "welchen"
                    | "welches"
            )
        })
    };
    let first = b + 1;
    let prep = toks
        .get(first)
        .is_some_and(|t| t.is_word() && !t.cap && t.senses().is_empty() && t.text.len() <= 5);
    relative(first) && first < i || (prep && relative(first + 1) && first + 1 < i)
}

fn scan(toks: &[Token], cues: &TenseCues) -> Cues {
    let mut c = Cues::default();
    let mut perfect = false;
    let words = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_word())
        .map(|(i, _)| i);
    // the last three words, where a participle stands (`hat ... angekündigt`)
    let mut tail = [usize::MAX; 3];
    for (k, i) in toks
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| t.is_word())
        .map(|(i, _)| i)
        .take(3)
        .enumerate()
    {
        tail[k] = i;
    }
    for (n, i) in words.enumerate() {
        let t = &toks[i];
        if t.cap && n > 0 {
            continue; // nouns and names; verbs are lower case except at the start
        }
        let w = t.lower();
        match cues.words.get(w) {
            Some(Cue::Finite(tense)) => {
                match tense {
                    Tense::Past => {
                        c.past = true;
                        c.finite_past = true;
                    }
                    Tense::Future => c.future = true,
                    Tense::Present => c.present = true,
                }
                continue;
            }
            Some(Cue::Perfect) => {
                perfect = true;
                continue;
            }
            Some(Cue::PastModal) => {
                c.past = true;
                c.finite_past = true;
                c.past_modal = true;
                continue;
            }
            Some(Cue::Weak(tense)) => {
                match tense {
                    Tense::Past => c.weak_past = true,
                    Tense::Future => c.weak_future = true,
                    Tense::Present => {}
                }
                continue;
            }
            Some(Cue::NotVerb) => continue,
            None => {}
        }
        if is_zu_infinitive(toks, i, cues) {
            c.weak_future = true;
        } else if is_simple_past(toks, i, cues) && t.senses().is_empty() {
            // an ending is a weaker sign than an auxiliary: `leiten` may be an infinitive
            c.weak_past = true;
        }
    }
    if perfect {
        // `hat ... angekündigt`: past; `ist ... geplant` was caught as a future cue
        let participle = tail.iter().filter(|&&i| i < toks.len()).any(|&i| {
            let w = toks[i].lower();
            !matches!(
                cues.words.get(w),
                Some(Cue::Finite(_) | Cue::Weak(_) | Cue::Perfect | Cue::PastModal)
            ) && toks[i].senses().is_empty()
                && perfect_participle(w, cues, true)
        });
        if participle {
            c.past = true;
        } else {
            c.present = true;
        }
    }
    c
}

/// `ange-kündigt`, `ge-troffen`, `zusammen-ge-kommen`; at the clause end also `bestätigt`,
/// `verschoben` (inseparable prefixes take no `ge`).
pub(crate) fn perfect_participle(w: &str, cues: &TenseCues, at_end: bool) -> bool {
    if w.chars().count() < 6 || !(w.ends_with('t') || w.ends_with("en")) {
        return false;
    }
    let mut rest = w;
    if let Some(p) = cues
        .prefixes
        .iter()
        .filter(|p| w.starts_with(p.as_str()))
        .max_by_key(|p| p.len())
        && w[p.len()..].starts_with("ge")
    {
        rest = &w[p.len()..];
    }
    if rest.starts_with("ge") && rest.len() >= 5 {
        return true;
    }
    // `telefoniert`, `informiert`
    if cues
        .participle_suffixes
        .iter()
        .any(|x| w.ends_with(x.as_str()))
    {
        return true;
    }
    at_end
        && cues
            .inseparable
            .iter()
            .any(|p| p != "ge" && w.starts_with(p.as_str()))
}

/// `ab-zu-halten`, `zu treffen`: an infinitive with `zu` points forward.
fn is_zu_infinitive(toks: &[Token], i: usize, cues: &TenseCues) -> bool {
    let w = toks[i].lower();
    if !w.contains("zu") {
        return false;
    }
    if w == "zu" {
        return toks.get(i + 1).is_some_and(|n| {
            n.is_word() && !n.cap && n.lower().ends_with("en") && n.senses().is_empty()
        });
    }
    cues.prefixes.iter().any(|p| {
        w.strip_prefix(p.as_str())
            .and_then(|r| r.strip_prefix("zu"))
            .is_some_and(|r| r.len() >= 4 && r.ends_with("en"))
    })
}

/// `bestätigte`, `kündigten`: a weak verb in the simple past, not an adjective before a noun
/// (`einem veröffentlichten Brief`).
fn is_simple_past(toks: &[Token], i: usize, cues: &TenseCues) -> bool {
    let w = toks[i].lower();
    if w.chars().count() < 5
        || w.ends_with("sten")
        || !cues.suffixes.iter().any(|s| w.ends_with(s.as_str()))
    {
        return false;
    }
    let next_is_noun = toks.get(i + 1).is_some_and(|n| n.is_word() && n.cap);
    let prev_is_noun = i > 0 && toks[i - 1].is_word() && toks[i - 1].cap;
    !(next_is_noun && !prev_is_noun && i > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataDir;
    use crate::time::lexicon::Lexicon;
    use crate::time::token::tokenize;

    fn tense_of(sentence: &str, word: &str) -> Option<Tense> {
        let lex = Lexicon::load(&DataDir::bundled()).unwrap();
        let toks = tokenize(sentence, 0, sentence.len(), &lex);
        let i = toks.iter().position(|t| t.text == word).unwrap();
        Clauses::new(&toks, &lex.tense).at(i).tense
    }

    #[test]
    fn tenses_of_news_clauses() {
        assert_eq!(
            tense_of(
                "Die Sprecherin bestätigte am Dienstag das Datum.",
                "Dienstag"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of(
                "Die Regierung plant für den 12. Januar eine Konferenz.",
                "Januar"
            ),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("Das Treffen soll am Samstag stattfinden.", "Samstag"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("Sie ist am Samstag nach Lissabon geflogen.", "Samstag"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("Das Treffen ist für Montag geplant.", "Montag"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("Es hätte am Freitag stattfinden sollen.", "Freitag"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("Am Freitag geht der Besuch zu Ende.", "Freitag"),
            Some(Tense::Present)
        );
        assert_eq!(
            tense_of("Am Freitag endet sie.", "Freitag"),
            Some(Tense::Present)
        );
        assert_eq!(
            tense_of(
                "Die Minister haben am Donnerstag lange beraten.",
                "Donnerstag"
            ),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("Sie haben am Mittwoch telefoniert.", "Mittwoch"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of(
                "Der Kanzler hat vorgeschlagen, die Konferenz im September abzuhalten.",
                "September"
            ),
            Some(Tense::Future)
        );
    }
}
