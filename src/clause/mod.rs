//! Clauses and their verbs: the stage between sentences and the stages that read them (events,
//! time).
//!
//! [`ClauseParser`] splits a sentence into [`Clause`]s (main, subordinate, relative,
//! infinitive, parenthetical, quote; nested, each with its parent) and reads each clause's
//! [`VerbComplex`]: finite verb, participles and infinitives, separable particle, the lemma of
//! the main verb, [`Tense`], [`Mood`], modal verb, [`Voice`] and negation; and whether the
//! clause reports speech (`sagte ein Sprecher`).
//!
//! The verb forms come from a full-form lexicon imported as data ([`VerbLexicon`],
//! `gazetteers/verbs/`), the closed word classes from `gazetteers/clauses/`. The stage is
//! linear in the length of the sentence.
//!
//! Files: `lexicon` (verb forms), `words` (closed classes), `token` (tokens and what each word
//! can be where it stands), `segment` (clause boundaries), `verbs` (the verb complex).
//!
//! # Example
//! ```
//! use chronik::clause::{ClauseKind, ClauseParser, Mood, Tense};
//! use chronik::{DataDir, Span};
//! let parser = ClauseParser::new(&DataDir::bundled())?;
//! let text = "Die Anhörung beginne um 10 Uhr, sagte ein Sprecher am Montag.";
//! let clauses = parser.parse(text, Span::new(0, text.len()));
//! assert_eq!(clauses.len(), 2);
//! assert_eq!(clauses[0].verbs.mood, Mood::SubjunctiveI);
//! assert_eq!(clauses[0].reported_by, Some(1));
//! assert!(clauses[1].reporting);
//! assert_eq!(clauses[1].verbs.tense, Some(Tense::Preterite));
//! assert_eq!(clauses[1].verbs.lemma.as_deref(), Some("sagen"));
//!
//! let text = "Olaf Scholz kam am Freitag mit Emmanuel Macron zusammen, um über die Ukraine zu sprechen.";
//! let clauses = parser.parse(text, Span::new(0, text.len()));
//! assert_eq!(clauses[0].verbs.lemma.as_deref(), Some("zusammenkommen"));
//! assert_eq!(clauses[1].kind, ClauseKind::Infinitive);
//! assert_eq!(clauses[1].parent, Some(0));
//! # Ok::<(), chronik::Error>(())
//! ```

mod lexicon;
mod segment;
mod token;
mod verbs;
mod words;

pub use lexicon::{Analysis, Paradigm, Tags, VerbLexicon};

use crate::{DataDir, Error, Span};

/// What kind of clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClauseKind {
    /// A main clause (verb second or first).
    Main,
    /// A verb-final clause after a subordinating conjunction (lower case: `dass`, `weil`,
    /// `nachdem`, `so dass`).
    Subordinate {
        /// The conjunction, lower case.
        conjunction: String,
    },
    /// A relative clause (`, der gestern ankam`, `, mit dem er sprach`).
    Relative,
    /// An infinitive clause with `zu` (`um ... zu sprechen`, `, sich zu treffen`).
    Infinitive,
    /// A clause in brackets or between dashes.
    Parenthetical,
    /// Quoted speech with a verb of its own.
    Quote,
}

impl ClauseKind {
    /// `main`, `sub`, `rel`, `inf`, `paren` or `quote`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClauseKind::Main => "main",
            ClauseKind::Subordinate { .. } => "sub",
            ClauseKind::Relative => "rel",
            ClauseKind::Infinitive => "inf",
            ClauseKind::Parenthetical => "paren",
            ClauseKind::Quote => "quote",
        }
    }
}

/// The time a verb complex refers to (see the table in the `verbs` module docs: Konjunktiv II
/// `wäre`, `würde kommen` is [`Present`](Tense::Present), not past).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// `kommt`, `sei`, `wäre`, `wird ... gefeiert` (passive).
    Present,
    /// `kam`, `wollte`, `wurde ... verschoben`.
    Preterite,
    /// `hat ... verhandelt`, `ist gekommen`, `habe ... mitgeteilt`.
    Perfect,
    /// `hatte ... mitgeteilt`, `war gekommen`, `hätte ... gesagt`.
    Pluperfect,
    /// `wird ... aufnehmen`, `werde ... reisen`.
    Future,
    /// `wird ... abgeschlossen haben`.
    FuturePerfect,
}

impl Tense {
    /// `present`, `preterite`, `perfect`, `pluperfect`, `future`, `future_perfect`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Present => "present",
            Tense::Preterite => "preterite",
            Tense::Perfect => "perfect",
            Tense::Pluperfect => "pluperfect",
            Tense::Future => "future",
            Tense::FuturePerfect => "future_perfect",
        }
    }

    /// True for the tenses that refer to the past (preterite, perfect, pluperfect).
    pub fn is_past(self) -> bool {
        matches!(self, Tense::Preterite | Tense::Perfect | Tense::Pluperfect)
    }
}

/// The mood of the finite verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mood {
    /// `kommt`, `kam`, also forms shared with a subjunctive (`wollte`, `kommen`).
    #[default]
    Indicative,
    /// Konjunktiv I, the mood of reported speech (`sei`, `habe`, `werde`, `treffe`).
    SubjunctiveI,
    /// Konjunktiv II (`wäre`, `hätte`, `würde`, `könnte`, `käme`).
    SubjunctiveII,
}

impl Mood {
    /// `ind`, `subj1` or `subj2`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mood::Indicative => "ind",
            Mood::SubjunctiveI => "subj1",
            Mood::SubjunctiveII => "subj2",
        }
    }
}

/// Active, passive (`werden` + participle) or state (`sein` + participle of a verb that builds
/// its perfect with `haben`: `ist geplant`, `war ... vorgesehen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Voice {
    /// The default.
    #[default]
    Active,
    /// `wird ... gefeiert`, `soll ... abgehalten werden`.
    Passive,
    /// `ist ... geplant` (Zustandspassiv).
    Stative,
}

impl Voice {
    /// `active`, `passive` or `stative`.
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Active => "active",
            Voice::Passive => "passive",
            Voice::Stative => "stative",
        }
    }
}

/// A modal verb in the complex (`wollen`, `sollen`, `möchten`, ...) and its own tense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modal {
    /// The modal's lemma.
    pub lemma: String,
    /// The modal's tense: `wollte` preterite, `will`, `solle`, `könnte` present.
    pub tense: Tense,
}

/// The verbs of one clause and what they say together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerbComplex {
    /// The finite verb (`hat`, `soll`, `kam`), if the clause has one.
    pub finite: Option<Span>,
    /// Participles and infinitives, in text order (`abgehalten`, `werden`).
    pub nonfinite: Vec<Span>,
    /// A separable particle apart from the finite verb (`zusammen` in `kam ... zusammen`).
    pub particle: Option<Span>,
    /// The lemma of the main verb, particle joined (`zusammenkommen`, `abhalten`).
    pub lemma: Option<String>,
    /// `None` when the clause has no finite verb (infinitive clauses, fragments).
    pub tense: Option<Tense>,
    /// The mood of the finite verb.
    pub mood: Mood,
    /// The modal verb of the complex, if any.
    pub modal: Option<Modal>,
    /// Active, passive or stative.
    pub voice: Voice,
    /// The clause holds a negation word of its own (`nicht`, `kein`, `nie`).
    pub negated: bool,
}

/// One clause of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// From the clause's first word (conjunction, pronoun, quote mark) to its last; it covers
    /// the clauses embedded in it.
    pub span: Span,
    /// Main, subordinate, relative, ...
    pub kind: ClauseKind,
    /// The clause this one is embedded in (an index into the same list).
    pub parent: Option<usize>,
    /// The verbs.
    pub verbs: VerbComplex,
    /// The main verb reports speech (`sagte ein Sprecher`, `teilte ... mit`, `hieß es`).
    pub reporting: bool,
    /// The reporting clause whose speech this clause gives: the clause before `, sagte ein
    /// Sprecher`, the clause after `Ein Sprecher sagte,` or `teilte mit:`, the `dass`/`ob` clause
    /// of a reporting verb, the clause around `, wie ein Sprecher sagte,`; clauses embedded in
    /// such a clause inherit it.
    pub reported_by: Option<usize>,
}

/// The clause stage, built once from the data (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct ClauseParser {
    lexicon: VerbLexicon,
    words: words::Words,
    /// Per lemma id of the lexicon: an auxiliary or modal verb.
    aux_lemma: Vec<bool>,
}

impl ClauseParser {
    /// Loads the verb lexicon (`verbs/`) and the closed classes (`clauses/`).
    ///
    /// # Errors
    /// When a file is missing or malformed; the error names file and line.
    pub fn new(data: &DataDir) -> Result<ClauseParser, Error> {
        let lexicon = VerbLexicon::new(data)?;
        let mut words = words::Words::new(data)?;
        words.mark_verbs(&lexicon);
        let aux_lemma = (0..lexicon.lemma_count())
            .map(|id| {
                words
                    .verb(lexicon.lemma_string(id))
                    .is_some_and(|c| c.modal || c.auxiliary)
            })
            .collect();
        Ok(ClauseParser {
            lexicon,
            words,
            aux_lemma,
        })
    }

    /// The verb lexicon.
    pub fn lexicon(&self) -> &VerbLexicon {
        &self.lexicon
    }

    /// The clauses of `text[sentence]`, outer before inner, in text order.
    pub fn parse(&self, text: &str, sentence: Span) -> Vec<Clause> {
        let mut out = Vec::new();
        self.parse_into(text, sentence, &mut out);
        out
    }

    /// Like [`parse`](Self::parse), appending to `out`; `parent` and `reported_by` indices are
    /// indices into `out`, so the clauses of a whole article can share one list.
    pub fn parse_into(&self, text: &str, sentence: Span, out: &mut Vec<Clause>) {
        let mut toks = token::tokenize(text, sentence);
        if toks.is_empty() {
            return;
        }
        token::tag(&mut toks, &self.lexicon, &self.words, &self.aux_lemma);
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            self.finish(&toks, &mut scratch, out);
        });
    }

    fn finish(&self, toks: &[token::Tok<'_>], scratch: &mut Scratch, out: &mut Vec<Clause>) {
        segment::segment(toks, &self.words, &mut scratch.segment);
        let seg = &scratch.segment;
        let n = seg.drafts.len();
        // the word tokens of each clause, in one list: `own[starts[k]..starts[k + 1]]`
        let starts = &mut scratch.starts;
        starts.clear();
        starts.resize(n + 2, 0);
        for (i, &c) in seg.owner.iter().enumerate() {
            if c != u32::MAX && toks[i].is_word() {
                starts[c as usize + 2] += 1;
            }
        }
        for k in 2..starts.len() {
            starts[k] += starts[k - 1];
        }
        let own = &mut scratch.own;
        own.clear();
        own.resize(starts[n + 1], 0);
        for (i, &c) in seg.owner.iter().enumerate() {
            if c != u32::MAX && toks[i].is_word() {
                let at = &mut starts[c as usize + 1];
                own[*at] = i;
                *at += 1;
            }
        }
        let own_of = |k: usize| &own[starts[k]..starts[k + 1]];
        let offset = out.len();
        out.reserve(n);
        for (k, d) in seg.drafts.iter().enumerate() {
            let (verbs, reporting) = verbs::analyse(
                toks,
                own_of(k),
                &d.kind,
                &self.lexicon,
                &self.words,
                &mut scratch.verbs,
            );
            out.push(Clause {
                span: Span::new(d.start, d.end),
                kind: d.kind.clone(),
                parent: d.parent,
                verbs,
                reporting,
                reported_by: None,
            });
        }
        let clauses = &mut out[offset..];
        // a clause covers the clauses embedded in it
        for k in (0..n).rev() {
            if let Some(p) = clauses[k].parent {
                let end = clauses[k].span.end;
                clauses[p].span.end = clauses[p].span.end.max(end);
            }
        }
        link_reports(clauses, toks, own_of);
        for c in clauses {
            c.parent = c.parent.map(|p| p + offset);
            c.reported_by = c.reported_by.map(|p| p + offset);
        }
    }
}

/// Buffers reused from sentence to sentence.
#[derive(Debug, Default)]
struct Scratch {
    segment: segment::Scratch,
    verbs: verbs::Buffers,
    starts: Vec<usize>,
    own: Vec<usize>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Sets [`Clause::reported_by`].
fn link_reports<'o>(
    clauses: &mut [Clause],
    toks: &[token::Tok<'_>],
    own: impl Fn(usize) -> &'o [usize],
) {
    let n = clauses.len();
    let tops: Vec<usize> = (0..n).filter(|&k| clauses[k].parent.is_none()).collect();
    let speech_child = |clauses: &[Clause], r: usize| {
        clauses.iter().any(|c| {
            c.parent == Some(r)
                && matches!(&c.kind, ClauseKind::Subordinate { conjunction } if conjunction == "dass" || conjunction == "ob")
        })
    };
    for w in tops.windows(2) {
        let (a, b) = (w[0], w[1]);
        // `..., sagte ein Sprecher`: the reporting verb comes first in its clause
        let b_verb_first = clauses[b].reporting
            && own(b).first().is_some_and(|&i| {
                clauses[b].verbs.finite == Some(toks[i].span)
                    || toks[i].lower == "so"
                        && own(b)
                            .get(1)
                            .is_some_and(|&j| clauses[b].verbs.finite == Some(toks[j].span))
            });
        if b_verb_first && !clauses[a].reporting {
            clauses[a].reported_by = Some(b);
        } else if clauses[a].reporting && !speech_child(clauses, a) && !clauses[b].reporting {
            clauses[b].reported_by = Some(a);
        }
    }
    for k in 0..n {
        let Some(p) = clauses[k].parent else {
            continue;
        };
        let speech = match &clauses[k].kind {
            ClauseKind::Subordinate { conjunction } => conjunction == "dass" || conjunction == "ob",
            ClauseKind::Quote => true,
            _ => false,
        };
        if clauses[p].reporting && speech {
            clauses[k].reported_by = Some(p);
        }
        if clauses[k].reporting
            && matches!(&clauses[k].kind, ClauseKind::Subordinate { conjunction } if conjunction == "wie")
            && clauses[p].reported_by.is_none()
        {
            clauses[p].reported_by = Some(k);
        }
    }
    for k in 0..n {
        if clauses[k].reported_by.is_none()
            && let Some(p) = clauses[k].parent
            && let Some(r) = clauses[p].reported_by
            && r != k
        {
            clauses[k].reported_by = Some(r);
        }
    }
}

/// The innermost clause of `clauses` (as [`ClauseParser::parse_into`] fills them, sorted by
/// start) that holds byte `offset`.
///
/// ```
/// use chronik::clause::{ClauseParser, clause_at};
/// use chronik::{DataDir, Span};
/// let parser = ClauseParser::new(&DataDir::bundled())?;
/// let text = "Scholz, der am Montag in Paris war, traf Macron.";
/// let clauses = parser.parse(text, Span::new(0, text.len()));
/// let monday = text.find("Montag").unwrap();
/// assert_eq!(clause_at(&clauses, monday), Some(1));
/// assert_eq!(clause_at(&clauses, text.find("Macron").unwrap()), Some(0));
/// # Ok::<(), chronik::Error>(())
/// ```
pub fn clause_at(clauses: &[Clause], offset: usize) -> Option<usize> {
    let mut k = clauses
        .partition_point(|c| c.span.start <= offset)
        .checked_sub(1)?;
    loop {
        let c = &clauses[k];
        if c.span.start <= offset && offset < c.span.end {
            return Some(k);
        }
        k = c.parent?;
    }
}
