//! Splits the tokens of one sentence into clauses, in one pass from left to right with a stack
//! of open clauses.
//!
//! - A sentence, a quote with a verb, a bracket with a verb, and a pair of dashes with a verb
//!   each start a *level* whose first clause (Main, Quote, Parenthetical) is its base.
//! - After a comma (or a single dash) a new clause opens only when the stretch up to the next
//!   boundary starts with a subordinating conjunction, a relative pronoun (also after a
//!   preposition: `mit dem`), an infinitive conjunction (`um ... zu`), ends in a zu-infinitive,
//!   or holds a new finite verb while the clause before is complete. Conjunctions that are also
//!   prepositions or comparisons (`als`, `wie`, `während`) and pronouns that are also articles
//!   (`die`) open a clause only when a finite verb ends their stretch (verb-final).
//!   Otherwise the comma is one of an enumeration or apposition (`mit Vertretern Polens,
//!   Ungarns und Tschechiens verhandelt`) and the clause goes on.
//! - A finished subordinate clause (one with its finite verb) is closed at the next comma; the
//!   clause around it goes on (`Scholz, der gestern kam, traf Macron`).
//! - A coordinating conjunction (`und`, `aber`) starts a new clause of the same kind only before
//!   a new finite verb (`reiste nach Paris und traf Macron`, not `Polen und Ungarn`).
//! - `;` and `:` start a new base clause of the level.
//!
//! Every decision looks at most a few stretches ahead, so the pass is linear in the sentence.

use super::token::{Kind, Tok};
use super::words::{ConjKind, Words, flag};
use super::{ClauseKind, lexicon::Tags};

/// A clause while the sentence is read.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub kind: ClauseKind,
    pub start: usize,
    pub end: usize,
    pub parent: Option<usize>,
    /// The first clause of a level (Main, Quote, Parenthetical).
    base: bool,
    has_finite: bool,
    bracket_open: bool,
    has_zu: bool,
}

/// Buffers reused from sentence to sentence (one set per thread), so that segmenting a sentence
/// allocates nothing once they have grown. After [`segment`], `drafts` holds the clauses and
/// `owner` the innermost clause of each token (`u32::MAX`: none).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub drafts: Vec<Draft>,
    pub owner: Vec<u32>,
    next_boundary: Vec<usize>,
    mate: Vec<Option<usize>>,
    closes: Vec<bool>,
    transparent: Vec<bool>,
    opening_dash: Vec<bool>,
    closing_dash: Vec<bool>,
    stack: Vec<usize>,
    levels: Vec<Level>,
    finite_after: Vec<bool>,
}

#[derive(Debug)]
struct Level {
    /// Index in the stack of the level's base clause.
    base: usize,
}

struct Segmenter<'s, 't> {
    toks: &'s [Tok<'t>],
    words: &'s Words,
    next_boundary: Vec<usize>,
    /// For an opening quote or bracket: its closing token, if any.
    mate: Vec<Option<usize>>,
    /// A closing quote mark or bracket with its opening one.
    closes: Vec<bool>,
    /// A closing mark whose opening mark was transparent (no verb inside).
    transparent: Vec<bool>,
    /// Paired dashes: true for an opening dash, and its closing dash gets `closing_dash`.
    opening_dash: Vec<bool>,
    closing_dash: Vec<bool>,
    drafts: Vec<Draft>,
    stack: Vec<usize>,
    levels: Vec<Level>,
    owner: Vec<u32>,
    /// `finite_after[i]`: a finite verb stands at or after token `i`.
    finite_after: Vec<bool>,
}

fn refill<T: Clone>(mut v: Vec<T>, n: usize, x: T) -> Vec<T> {
    v.clear();
    v.resize(n, x);
    v
}

/// Segments the tagged tokens of one sentence; the result is in `scratch.drafts` and
/// `scratch.owner`.
pub(crate) fn segment(toks: &[Tok<'_>], words: &Words, scratch: &mut Scratch) {
    let n = toks.len();
    let mut next_boundary = refill(std::mem::take(&mut scratch.next_boundary), n + 1, n);
    for i in (0..n).rev() {
        next_boundary[i] = if toks[i].is_boundary() {
            i
        } else {
            next_boundary[i + 1]
        };
    }
    let mut s = Segmenter {
        toks,
        words,
        next_boundary,
        mate: refill(std::mem::take(&mut scratch.mate), n, None),
        closes: refill(std::mem::take(&mut scratch.closes), n, false),
        transparent: refill(std::mem::take(&mut scratch.transparent), n, false),
        opening_dash: refill(std::mem::take(&mut scratch.opening_dash), n, false),
        closing_dash: refill(std::mem::take(&mut scratch.closing_dash), n, false),
        drafts: refill(std::mem::take(&mut scratch.drafts), 0, Draft::empty()),
        stack: refill(std::mem::take(&mut scratch.stack), 0, 0),
        levels: std::mem::take(&mut scratch.levels),
        owner: refill(std::mem::take(&mut scratch.owner), n, u32::MAX),
        finite_after: refill(std::mem::take(&mut scratch.finite_after), n + 1, false),
    };
    for i in (0..n).rev() {
        let t = &toks[i];
        s.finite_after[i] = s.finite_after[i + 1] || (t.verbal && t.tags.is_finite());
    }
    s.levels.clear();
    s.pair_marks();
    s.run();
    *scratch = Scratch {
        drafts: s.drafts,
        owner: s.owner,
        next_boundary: s.next_boundary,
        mate: s.mate,
        closes: s.closes,
        transparent: s.transparent,
        opening_dash: s.opening_dash,
        closing_dash: s.closing_dash,
        stack: s.stack,
        levels: s.levels,
        finite_after: s.finite_after,
    };
}

impl Draft {
    fn empty() -> Draft {
        Draft {
            kind: ClauseKind::Main,
            start: 0,
            end: 0,
            parent: None,
            base: false,
            has_finite: false,
            bracket_open: false,
            has_zu: false,
        }
    }
}

impl Segmenter<'_, '_> {
    /// Pairs quote marks and brackets (German `„...“`, `»...«`, Swiss `«...»`, English `“...”`,
    /// straight `"..."`), and dashes two by two.
    fn pair_marks(&mut self) {
        let mut open: Vec<(usize, &str)> = Vec::new();
        let mut dashes = Vec::new();
        for (i, t) in self.toks.iter().enumerate() {
            match t.kind {
                Kind::Quote => {
                    let top = open.last().map(|&(_, m)| m);
                    let closes = match t.text {
                        "„" | "‚" => false,
                        "“" | "”" => matches!(top, Some("„" | "“" | "\"")),
                        "\"" => top == Some("\""),
                        "»" => top == Some("«"),
                        "«" => top == Some("»"),
                        "‘" => top == Some("‚"),
                        _ => false,
                    };
                    if closes {
                        let (o, _) = open.pop().unwrap();
                        self.mate[o] = Some(i);
                        self.closes[i] = true;
                    } else {
                        open.push((i, t.text));
                    }
                }
                Kind::Open => open.push((i, "(")),
                Kind::Close if open.last().is_some_and(|&(_, m)| m == "(") => {
                    let (o, _) = open.pop().unwrap();
                    self.mate[o] = Some(i);
                    self.closes[i] = true;
                }
                Kind::Dash => dashes.push(i),
                _ => {}
            }
        }
        for pair in dashes.chunks(2) {
            if let [a, b] = *pair {
                self.opening_dash[a] = true;
                self.closing_dash[b] = true;
                self.mate[a] = Some(b);
            }
        }
    }

    fn top(&self) -> usize {
        *self.stack.last().expect("a clause is always open")
    }

    fn push(&mut self, kind: ClauseKind, start: usize, parent: Option<usize>, base: bool) {
        self.drafts.push(Draft {
            kind,
            start,
            end: start,
            parent,
            base,
            has_finite: false,
            bracket_open: false,
            has_zu: false,
        });
        self.stack.push(self.drafts.len() - 1);
    }

    fn level_base(&self) -> usize {
        self.levels.last().map_or(0, |l| l.base)
    }

    /// Closes the open clauses of the level down to its base and starts a new base clause of
    /// the same kind at token `j`.
    fn new_base(&mut self, j: usize) {
        let b = self.level_base();
        self.stack.truncate(b + 1);
        let old = self.stack.pop().unwrap();
        let (kind, parent) = (self.drafts[old].kind.clone(), self.drafts[old].parent);
        self.push(kind, self.toks[j].span.start, parent, true);
    }

    fn complete(&self, c: usize) -> bool {
        let d = &self.drafts[c];
        match d.kind {
            ClauseKind::Infinitive => d.has_zu,
            _ => d.has_finite,
        }
    }

    /// Closes finished subordinate clauses on top of the stack.
    fn pop_complete(&mut self) {
        while self.stack.len() > self.level_base() + 1 {
            let top = self.top();
            if self.drafts[top].base || !self.complete(top) {
                break;
            }
            self.stack.pop();
        }
    }

    fn run(&mut self) {
        let n = self.toks.len();
        if n == 0 {
            return;
        }
        if !(self.toks[0].kind == Kind::Quote && self.mate[0].is_some() && self.has_verb(0)) {
            self.push(ClauseKind::Main, self.toks[0].span.start, None, true);
            self.level_start(0);
        }
        let mut i = 0;
        while i < n {
            let t = &self.toks[i];
            match t.kind {
                Kind::Word => {
                    if !self.coordinate(i) {
                        self.assign(i);
                    }
                }
                Kind::Number | Kind::Other => self.assign(i),
                Kind::Comma => self.after_break(i + 1),
                Kind::Dash if self.opening_dash[i] || self.closing_dash[i] => {
                    self.mark(i);
                }
                Kind::Dash => self.after_break(i + 1),
                Kind::Stop | Kind::Colon => {
                    if i + 1 < n && self.toks[i + 1].kind != Kind::Quote {
                        self.pop_complete();
                        if self.stack.is_empty() {
                            self.push(ClauseKind::Main, self.toks[i + 1].span.start, None, true);
                        } else {
                            self.new_base(i + 1);
                        }
                        self.level_start(i + 1);
                    }
                }
                Kind::Quote | Kind::Open | Kind::Close => self.mark(i),
            }
            i += 1;
        }
    }

    /// An opening or closing quote mark, bracket or paired dash at `i`.
    fn mark(&mut self, i: usize) {
        let t = &self.toks[i];
        let opening = match t.kind {
            Kind::Open => true,
            Kind::Close => false,
            Kind::Dash => self.opening_dash[i],
            _ if self.closes[i] => false,
            _ if self.mate[i].is_some() || matches!(t.text, "„" | "‚") => true,
            // an unmatched mark: closing after a word (a quote begun in an earlier sentence)
            _ => {
                !(i > 0
                    && matches!(
                        self.toks[i - 1].kind,
                        Kind::Word | Kind::Number | Kind::Other
                    ))
            }
        };
        if opening {
            let end = self.mate[i].unwrap_or(self.toks.len());
            if self.has_verb(i) && end > i + 1 {
                let kind = if t.kind == Kind::Quote {
                    ClauseKind::Quote
                } else {
                    ClauseKind::Parenthetical
                };
                let parent = self.stack.last().copied();
                self.push(kind, t.span.start, parent, true);
                self.levels.push(Level {
                    base: self.stack.len() - 1,
                });
                self.assign(i);
                self.level_start(i + 1);
            } else {
                if let Some(m) = self.mate[i] {
                    self.transparent[m] = true;
                }
                if !self.stack.is_empty() {
                    self.assign(i);
                }
            }
            return;
        }
        // closing
        if self.transparent[i] || (t.kind == Kind::Close && self.levels.is_empty()) {
            if !self.stack.is_empty() {
                self.assign(i);
            }
            return;
        }
        if let Some(level) = self.levels.pop() {
            let base = self.stack[level.base];
            self.drafts[base].end = t.span.end;
            self.stack.truncate(level.base);
            if self.stack.is_empty() {
                // a quote that opened the sentence: what follows is a new main clause
                if let Some(j) = (i + 1..self.toks.len()).find(|&j| self.toks[j].is_word()) {
                    self.push(ClauseKind::Main, self.toks[j].span.start, None, true);
                }
            }
            return;
        }
        // a closing quote without an opening one: the sentence so far continues a quote
        // begun in an earlier sentence
        if t.kind == Kind::Quote {
            for d in self.drafts.iter_mut() {
                if d.base && d.parent.is_none() && d.kind == ClauseKind::Main {
                    d.kind = ClauseKind::Quote;
                }
            }
            if !self.stack.is_empty() {
                self.assign(i);
                self.stack.clear();
                if let Some(j) = (i + 1..self.toks.len()).find(|&j| self.toks[j].is_word()) {
                    self.push(ClauseKind::Main, self.toks[j].span.start, None, true);
                }
            }
        }
    }

    /// The quoted or bracketed stretch after the mark at `i` holds a finite verb.
    fn has_verb(&self, i: usize) -> bool {
        let end = self.mate[i].unwrap_or(self.toks.len());
        self.toks[i + 1..end]
            .iter()
            .any(|t| t.verbal && t.tags.is_finite())
    }

    /// Gives token `i` to the innermost open clause.
    fn assign(&mut self, i: usize) {
        let Some(&c) = self.stack.last() else {
            return;
        };
        let t = &self.toks[i];
        self.owner[i] = c as u32;
        let zu_before = i > 0 && self.toks[i - 1].lower == "zu";
        let d = &mut self.drafts[c];
        d.end = d.end.max(t.span.end);
        if !t.verbal {
            return;
        }
        if t.tags.has(Tags::ZU) || (zu_before && t.tags.has(Tags::INF)) {
            d.has_zu = true;
        }
        if d.kind == ClauseKind::Infinitive {
            return;
        }
        if t.tags.is_finite() && !d.has_finite {
            d.has_finite = true;
            d.bracket_open = t.aux;
        } else if d.has_finite && t.tags.is_nonfinite() {
            d.bracket_open = false;
        }
    }

    /// At the start of a level (sentence, quote, bracket, after a colon): a subordinate or
    /// infinitive clause may open at once (`Nachdem er ..., traf er`, `Um ... zu sichern, ...`).
    fn level_start(&mut self, j: usize) {
        if let Some(kind) = self.opener(j, false) {
            let parent = self.stack.last().copied();
            self.push(kind, self.toks[j].span.start, parent, false);
        }
    }

    /// After a comma or single dash, with `j` the first token after it.
    fn after_break(&mut self, j: usize) {
        if j >= self.toks.len() || self.stack.is_empty() {
            return;
        }
        if matches!(self.toks[j].kind, Kind::Quote | Kind::Open) {
            return;
        }
        if let Some(kind) = self.opener(j, true) {
            if kind != ClauseKind::Relative {
                self.pop_complete();
            }
            let parent = self.stack.last().copied();
            self.push(kind, self.toks[j].span.start, parent, false);
            return;
        }
        self.pop_complete();
        let top = self.top();
        let d = &self.drafts[top];
        let stretch = self.stretch(j);
        let goes_on = !d.base
            || !d.has_finite
            || !stretch.verbal
            || (d.bracket_open && stretch.all_nonfinite)
            || !stretch.finite;
        if !goes_on {
            self.new_base(j);
        }
    }

    /// `und`, `aber` at `i`: starts a clause of the same kind when a new finite verb follows.
    /// Returns true when it did (the conjunction then belongs to the new clause).
    fn coordinate(&mut self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.cap && !t.initial || !t.has(flag::CONJUNCTION) || self.stack.is_empty() {
            return false;
        }
        let Some((ConjKind::Coordinating, _, _)) = self.words.conjunction(&t.lower, None) else {
            return false;
        };
        // `und weil`, `aber dass`: the subordinate clause opens after the conjunction
        if i + 1 < self.toks.len() && self.opener(i + 1, false).is_some() {
            // `after_break` opens the clause; the conjunction belongs to it
            self.after_break(i + 1);
            let top = self.top();
            self.drafts[top].start = t.span.start;
            self.assign(i);
            return true;
        }
        let top = self.top();
        if !self.drafts[top].has_finite || self.drafts[top].kind == ClauseKind::Infinitive {
            return false;
        }
        let end = self.next_boundary[i + 1];
        let rest = &self.toks[i + 1..end];
        let first_finite = rest.first().is_some_and(|n| n.verbal && n.tags.is_finite());
        let finite_only = rest
            .iter()
            .any(|n| n.verbal && n.tags.is_finite() && !n.tags.is_nonfinite() && !n.guessed);
        if !(first_finite || finite_only) {
            return false;
        }
        let d = &self.drafts[top];
        let (kind, parent, base) = (d.kind.clone(), d.parent, d.base);
        if base {
            self.new_base(i);
        } else {
            self.stack.pop();
            self.push(kind, t.span.start, parent, false);
        }
        self.assign(i);
        true
    }

    /// The clause that a conjunction or relative pronoun at `j` opens, if any. Relative
    /// pronouns count only after a comma (`after_comma`).
    fn opener(&self, j: usize, after_comma: bool) -> Option<ClauseKind> {
        let t = self.toks.get(j)?;
        if !t.is_word() || (t.cap && !t.initial) {
            return None;
        }
        let next = self
            .toks
            .get(j + 1)
            .filter(|n| n.is_word())
            .map(|n| n.lower.as_ref());
        if t.has(flag::CONJUNCTION | flag::PAIR_START)
            && let Some((kind, check, len)) = self.words.conjunction(&t.lower, next)
        {
            match kind {
                ConjKind::Subordinating => {
                    if check != super::words::Check::VerbFinal || self.verb_final_ahead(j + len) {
                        let conjunction = if len == 2 {
                            format!("{} {}", t.lower, next.unwrap_or(""))
                        } else {
                            t.lower.to_string()
                        };
                        return Some(ClauseKind::Subordinate { conjunction });
                    }
                }
                ConjKind::Infinitive => {
                    if self.zu_stretch(j) {
                        return Some(ClauseKind::Infinitive);
                    }
                }
                ConjKind::Coordinating => {}
            }
        }
        if !after_comma {
            return None;
        }
        // `, die Spannungen zu lösen`: an infinitive clause, though it starts like a relative one
        if self.zu_stretch(j) && !self.stretch(j).finite_only {
            return Some(ClauseKind::Infinitive);
        }
        let relative_at = |k: usize| {
            self.verb_final_end(k).is_some_and(|end| {
                // a clause still without its verb needs one after the relative clause
                // (`wie der Präsident, Roberto Fico, nach der Auszählung verkündete`)
                let top = self.stack.last().copied();
                top.is_none_or(|c| self.drafts[c].has_finite) || self.finite_after[end]
            })
        };
        if t.has(flag::REL_PREPOSITION)
            && self
                .toks
                .get(j + 1)
                .is_some_and(|n| n.has(flag::REL_PRONOUN))
            && relative_at(j + 2)
        {
            return Some(ClauseKind::Relative);
        }
        if t.has(flag::REL_PRONOUN) && relative_at(j + 1) {
            return Some(ClauseKind::Relative);
        }
        None
    }

    /// The first finite verb from `j` on (over at most four comma stretches) ends its stretch,
    /// with only verbs after it: the stretch is verb-final.
    fn verb_final_ahead(&self, j: usize) -> bool {
        self.verb_final_end(j).is_some()
    }

    /// Like [`verb_final_ahead`](Self::verb_final_ahead): the end of the stretch whose last verb
    /// is finite. A subject or object stands between the opening word and the verb, so a finite
    /// verb right at `j` does not count (`Damit solle ...` is a main clause).
    fn verb_final_end(&self, j: usize) -> Option<usize> {
        let mut k = j;
        for _ in 0..4 {
            if k >= self.toks.len() {
                return None;
            }
            let end = self.next_boundary[k];
            if let Some(f) =
                (k..end).find(|&x| self.toks[x].verbal && self.toks[x].tags.is_finite())
            {
                if f == j {
                    return None;
                }
                // up to the stretch end or a coordinated second part (`der ... ist und ...`)
                for t in &self.toks[f + 1..end] {
                    if self.is_coordinator(t) {
                        return Some(end);
                    }
                    if !(t.verbal || t.kind == Kind::Other) {
                        return None;
                    }
                }
                return Some(end);
            }
            if end < self.toks.len() && self.toks[end].kind == Kind::Comma {
                k = end + 1;
            } else {
                return None;
            }
        }
        None
    }

    fn is_coordinator(&self, t: &Tok<'_>) -> bool {
        t.has(flag::CONJUNCTION)
            && matches!(
                self.words.conjunction(&t.lower, None),
                Some((ConjKind::Coordinating, _, _))
            )
    }

    /// The stretch from `j` ends in a zu-infinitive (`abzuhalten`, `zu treffen`).
    fn zu_stretch(&self, j: usize) -> bool {
        let end = self.next_boundary[j.min(self.toks.len())];
        let Some(last) = (j..end).rev().find(|&x| self.toks[x].is_word()) else {
            return false;
        };
        let t = &self.toks[last];
        t.verbal
            && (t.tags.has(Tags::ZU)
                || (t.tags.has(Tags::INF) && last > 0 && self.toks[last - 1].lower == "zu"))
    }

    fn stretch(&self, j: usize) -> Stretch {
        let end = self.next_boundary[j.min(self.toks.len())];
        let mut s = Stretch {
            verbal: false,
            finite: false,
            finite_only: false,
            all_nonfinite: true,
        };
        for t in &self.toks[j..end] {
            if !t.verbal {
                continue;
            }
            s.verbal = true;
            s.finite |= t.tags.is_finite();
            s.finite_only |= t.tags.is_finite() && !t.tags.is_nonfinite() && !t.guessed;
            s.all_nonfinite &= t.tags.is_nonfinite();
        }
        s
    }
}

/// What a stretch between boundaries holds.
struct Stretch {
    verbal: bool,
    finite: bool,
    finite_only: bool,
    all_nonfinite: bool,
}
