//! German temporal expressions: recognition and resolution to TIMEX3 values.
//!
//! [`TimeTagger`] finds expressions such as `am 10. Januar`, `gestern Abend`, `vor zwei Wochen`,
//! `seit zweieinhalb Jahren` or `jährlich` in news text and resolves them against the article's
//! publication time, following TimeML/TempEval-3 as the gold data of `../shared/eval` annotates
//! them. The work is split by job:
//!
//! - `lexicon`: the words, from `gazetteers/time/*.tsv` (months, weekdays, number words, units,
//!   day parts, seasons, cue words, phrases that are not dates), and the anchor automaton;
//! - `token`: words, numbers and marks of one sentence with their lexicon senses;
//! - `grammar`: rules over word classes that yield unresolved expressions (`expr`);
//! - `direction`: which way an expression points, from the clause stage (`crate::clause`):
//!   tense, mood, modal of its clause and how it is attached;
//! - `resolve` (with `calendar`): expression + publication time + direction → value;
//! - `value`: the TIMEX3 spelling of a value.
//!
//! Speed: an aho-corasick automaton over the lexicon's anchor words and the digits finds the
//! sentences worth parsing; word boundaries (also before umlauts, `übermorgen`) are checked in
//! code, and only those sentences are tokenised.
//!
//! ```
//! use chronik::{DataDir, TimeTagger};
//! let tagger = TimeTagger::new(&DataDir::bundled())?;
//! let text = "Die Sprecherin bestätigte am Dienstag das Datum. Die Konferenz soll am 10. Januar beginnen.";
//! let published = "2021-12-28T10:20:28+01:00".parse().unwrap();
//! let sentences = [chronik::Span::new(0, 49), chronik::Span::new(50, text.len())];
//! let tags = tagger.tag(text, &sentences, published);
//! let found: Vec<(&str, &str)> = tags.timexes.iter().map(|t| (t.span.text(text), t.value.as_str())).collect();
//! assert_eq!(found, [("Dienstag", "2021-12-28"), ("10. Januar", "2022-01-10")]);
//! # Ok::<(), chronik::Error>(())
//! ```

mod calendar;
mod direction;
mod expr;
mod grammar;
mod interval;
mod lexicon;
mod resolve;
mod token;
mod value;

pub use grammar::RULES;
pub use interval::{DateInterval, Precision};

use chrono::{DateTime, Datelike, FixedOffset};
use serde::Serialize;

use crate::clause::{Clause, ClauseKind, ClauseParser, Mood, Tags, VerbLexicon, clause_at};
use crate::{DataDir, Diagnostic, Error, Span};
use chrono::NaiveDate;
use expr::{AnchorKind, Expr, Unit, YearRef};
use lexicon::Lexicon;
use resolve::{Anchor, Context};
use value::Value;

/// TimeML TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or coarser: `2022-01-10`, `2022-W02`, `2022`, `PAST_REF`.
    Date,
    /// A time of day or a part of a day: `2022-01-10T09:30`, `2021-12-27TEV`.
    Time,
    /// A length of time: `P2.5Y`, `PXW`.
    Duration,
    /// A recurring time: `P1W` for `jede Woche`.
    Set,
}

impl TimexType {
    /// The TIMEX3 type name: `DATE`, `TIME`, `DURATION`, `SET`.
    ///
    /// ```
    /// assert_eq!(chronik::TimexType::Duration.as_str(), "DURATION");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The tense of the clause a temporal expression stands in: it decides whether a bare weekday
/// points back or forward.
///
/// ```
/// use chronik::{DataDir, Tense, TimeTagger};
/// let tagger = TimeTagger::new(&DataDir::bundled())?;
/// let tuesday = "2022-03-15T10:00:00+01:00".parse().unwrap();
/// let on = |tense| tagger.resolve_phrase("am Samstag", None, Some(tense), tuesday).unwrap().value;
/// assert_eq!(on(Tense::Past), "2022-03-12");
/// assert_eq!(on(Tense::Future), "2022-03-19");
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// `bestätigte am Dienstag`
    Past,
    /// `kommt am Dienstag`
    Present,
    /// `soll am Samstag`, `wird am Samstag`
    Future,
}

/// A temporal expression found in a text, with its resolved TIMEX3 value.
///
/// ```
/// use chronik::{DataDir, Span, TimeTagger, TimexType};
/// let tagger = TimeTagger::new(&DataDir::bundled())?;
/// let text = "Die Gespräche dauern seit zweieinhalb Jahren.";
/// let tags = tagger.tag(text, &[Span::new(0, text.len())], "2022-03-15T10:00:00+01:00".parse().unwrap());
/// let t = &tags.timexes[0];
/// assert_eq!((t.span.text(text), t.timex_type, t.value.as_str()), ("zweieinhalb Jahren", TimexType::Duration, "P2.5Y"));
/// assert_eq!(t.rule, "time/duration/amount");
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// The extent in the article text (TimeML: without a leading preposition).
    pub span: Span,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value: `2022-01-10`, `2021-12-27TEV`, `P2.5Y`, `PRESENT_REF`, ...
    pub value: String,
    /// The id of the rule that recognised it, for `explain` and debugging.
    pub rule: String,
}

impl Timex {
    /// The days the value stands for, when it stands for fixed days (see
    /// [`DateInterval::from_timex`]): `None` for durations, sets and `PRESENT_REF`.
    ///
    /// ```
    /// use chronik::{DataDir, Span, TimeTagger};
    /// let tagger = TimeTagger::new(&DataDir::bundled())?;
    /// let text = "Die Gespräche sollen in der kommenden Woche beginnen.";
    /// let tags = tagger.tag(text, &[Span::new(0, text.len())], "2022-01-05T10:00:00+01:00".parse().unwrap());
    /// let week = tags.timexes[0].interval().unwrap();
    /// assert_eq!(week.to_string(), "2022-01-10/2022-01-16");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn interval(&self) -> Option<DateInterval> {
        DateInterval::from_timex(&self.value)
    }
}

/// Everything the tagger found in one text.
///
/// ```
/// use chronik::{DataDir, Span, TimeTagger};
/// let tagger = TimeTagger::new(&DataDir::bundled())?;
/// let text = "Am 30.02.2022 und am 1. März wurde verhandelt.";
/// let tags = tagger.tag(text, &[Span::new(0, text.len())], "2022-03-15T10:00:00+01:00".parse().unwrap());
/// assert_eq!(tags.timexes.len(), 1);
/// assert_eq!(tags.timexes[0].value, "2022-03-01");
/// assert_eq!(tags.diagnostics[0].span.text(text), "30.02.2022");
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeTags {
    /// Resolved expressions, sorted by span.
    pub timexes: Vec<Timex>,
    /// Expressions that could not be resolved (`31. Februar`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Recognises and resolves German temporal expressions; built once from `gazetteers/time/`.
#[derive(Debug, Clone)]
pub struct TimeTagger {
    lexicon: Lexicon,
    /// The clause stage: tense, mood and modal of the clause around an expression.
    clauses: ClauseParser,
}

/// One recognised expression before resolution.
struct Mention {
    span: Span,
    sentence_span: Span,
    /// A narrative may move to this expression's time (see `Candidate::anchor`).
    anchor: bool,
    sentence: usize,
    expr: Expr,
    rule: &'static str,
    /// The direction of the expression (`direction::direction`): `Past` back, `Future` forward,
    /// `None` the nearest.
    direction: Option<Tense>,
    /// The expression speaks of the present or future in general, not of a day: `die Jugend
    /// von heute`, `die Welt von morgen`, and `heute` in a hypothetical or generic clause
    /// (`dann wäre das heute anders`, `heute kann man ...`, `heute lesen die meisten ...`).
    generic: bool,
    /// The expression stands in a clause that reports speech (`sagte ein Sprecher am Montag`).
    reporting: bool,
    /// The expression's clause has a verb (not a verbless list item: `Konzert, 20 Uhr.`).
    verbal: bool,
    /// The expression stands in a relative clause (`, der zuletzt vor zwei Jahren tagte`): it
    /// tells the history of a noun, not the time the sentence is about.
    in_relative: bool,
}

impl TimeTagger {
    /// Compiles the time lexicon.
    ///
    /// # Errors
    /// When a lexicon file is missing or malformed; the error names the file and line.
    ///
    /// ```
    /// use chronik::{DataDir, TimeTagger};
    /// assert!(TimeTagger::new(&DataDir::bundled()).is_ok());
    /// assert!(TimeTagger::new(&DataDir::open("/tmp").unwrap()).unwrap_err().to_string().contains("time/months.tsv"));
    /// ```
    pub fn new(data: &DataDir) -> Result<TimeTagger, Error> {
        Ok(TimeTagger {
            lexicon: Lexicon::load(data)?,
            clauses: ClauseParser::new(data)?,
        })
    }

    /// The clause stage the tagger reads tenses from (the pipeline shares it).
    pub(crate) fn clause_parser(&self) -> &ClauseParser {
        &self.clauses
    }

    /// All temporal expressions of `text`, resolved relative to `published`. `sentences` are the
    /// sentence spans of `text` (tense is decided per clause inside a sentence); text outside
    /// them is read line by line.
    ///
    /// Impossible dates get no timex but a diagnostic:
    ///
    /// ```
    /// use chronik::{DataDir, Span, TimeTagger};
    /// let tagger = TimeTagger::new(&DataDir::bundled())?;
    /// let text = "Das Treffen am 31. Februar fiel aus.";
    /// let tags = tagger.tag(text, &[Span::new(0, text.len())], "2022-01-28T12:00:00+01:00".parse().unwrap());
    /// assert!(tags.timexes.is_empty());
    /// assert_eq!(tags.diagnostics[0].span.text(text), "31. Februar");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn tag(
        &self,
        text: &str,
        sentences: &[Span],
        published: DateTime<FixedOffset>,
    ) -> TimeTags {
        self.tag_parsed(text, sentences, published, &[], &[])
    }

    /// Like [`tag`](Self::tag), reusing the clauses the caller has parsed: `clauses` as
    /// [`ClauseParser::parse_into`] filled them for each span of `parsed` in order (the
    /// pipeline's sentences). Other spans are parsed here, as `tag` parses them all.
    pub fn tag_parsed(
        &self,
        text: &str,
        sentences: &[Span],
        published: DateTime<FixedOffset>,
        parsed: &[Span],
        clauses: &[Clause],
    ) -> TimeTags {
        let mut mentions = Vec::new();
        let (spans, anchors) = self.sentences_to_parse(text, sentences);
        for (n, span) in spans.into_iter().enumerate() {
            let parsed = (parsed, clauses);
            self.recognise(text, span, n, &anchors, false, parsed, &mut mentions);
        }
        let shape = TextShape {
            narrative: is_narrative(&mentions, published.year()),
            lead_end: sentences.get(1).or(sentences.last()).map_or(0, |s| s.end),
        };
        if shape.narrative {
            // in a narrative `nun` is the time of the story, "then", not the present
            mentions.retain(|m| m.rule != "time/ref/nun");
        }
        let mut tags = TimeTags::default();
        let mut last = Anchor::default();
        resolve_mentions(
            text, &mentions, published, shape, None, &mut last, &mut tags,
        );
        tags
    }

    /// Resolves one phrase on its own (`chronik resolve-time`): `context` is the sentence it
    /// stands in, when known; `tense` overrides the tense found in the context. Without tense or
    /// context, a phrase is read as pointing forward, as scheduling text does. The span of the
    /// result is relative to `phrase`.
    ///
    /// ```
    /// use chronik::{DataDir, Tense, TimeTagger};
    /// let tagger = TimeTagger::new(&DataDir::bundled())?;
    /// let now = "2021-12-28T10:20:28+01:00".parse().unwrap();
    /// let t = tagger.resolve_phrase("am Dienstag", Some("Die Sprecherin bestätigte am Dienstag das Datum."), None, now).unwrap();
    /// assert_eq!(t.value, "2021-12-28");
    /// assert_eq!(tagger.resolve_phrase("am Dienstag", None, Some(Tense::Future), now).unwrap().value, "2021-12-28");
    /// assert_eq!(tagger.resolve_phrase("am Montag", None, Some(Tense::Future), now).unwrap().value, "2022-01-03");
    /// assert_eq!(tagger.resolve_phrase("seit zweieinhalb Jahren", None, None, now).unwrap().value, "P2.5Y");
    /// assert!(tagger.resolve_phrase("mit", None, None, now).is_none());
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn resolve_phrase(
        &self,
        phrase: &str,
        context: Option<&str>,
        tense: Option<Tense>,
        reference: DateTime<FixedOffset>,
    ) -> Option<Timex> {
        let trimmed = phrase.trim();
        let lead = phrase.len() - phrase.trim_start().len();
        if trimmed.is_empty() {
            return None;
        }
        let (text, offset) =
            match context.and_then(|c| find_ignoring_first_case(c, trimmed).map(|p| (c, p))) {
                Some((c, p)) => (c, p),
                None => (trimmed, 0),
            };
        let mut mentions = Vec::new();
        let span = Span::new(0, text.len());
        self.recognise(text, span, 0, &[], true, (&[], &[]), &mut mentions);
        let default_tense = if context.is_some() {
            None
        } else {
            Some(Tense::Future)
        };
        let mut tags = TimeTags::default();
        let mut last = Anchor::default();
        // the context is a sentence from anywhere in a text: no lead
        let shape = TextShape {
            narrative: false,
            lead_end: 0,
        };
        resolve_mentions(
            text,
            &mentions,
            reference,
            shape,
            tense.or(default_tense).map(Some),
            &mut last,
            &mut tags,
        );
        let range = Span::new(offset, offset + trimmed.len());
        let hits: Vec<&Timex> = tags
            .timexes
            .iter()
            .filter(|t| t.span.overlaps(range))
            .collect();
        let best = hits
            .iter()
            .find(|t| t.span.contains(range))
            .or_else(|| {
                hits.iter()
                    .find(|t| t.timex_type == TimexType::Time && t.value.contains(':'))
            })
            .or_else(|| hits.iter().max_by_key(|t| t.span.len()))?;
        let start = best.span.start.max(range.start) - offset + lead;
        let end = best.span.end.min(range.end) - offset + lead;
        Some(Timex {
            span: Span::new(start, end),
            ..(*best).clone()
        })
    }

    /// `parsed`: spans whose clauses the caller has parsed, and those clauses (see
    /// [`tag_parsed`](Self::tag_parsed)).
    #[allow(clippy::too_many_arguments)]
    fn recognise(
        &self,
        text: &str,
        span: Span,
        sentence: usize,
        anchors: &[usize],
        phrase_mode: bool,
        parsed: (&[Span], &[Clause]),
        out: &mut Vec<Mention>,
    ) {
        let span_of_sentence = span;
        let toks = token::tokenize(text, span.start, span.end, &self.lexicon);
        let from = anchors.partition_point(|&a| a < span.start);
        let to = anchors.partition_point(|&a| a < span.end);
        let candidates = grammar::recognise(&toks, &self.lexicon, &anchors[from..to], phrase_mode);
        if candidates.is_empty() {
            return;
        }
        // the caller's clauses of all its spans serve as well as this span's own: `clause_at`
        // and the parent links stay inside the clauses of the span that holds the offset
        let mut own = Vec::new();
        let clauses: &[Clause] = if parsed.0.binary_search(&span).is_ok() {
            parsed.1
        } else {
            self.clauses.parse_into(text, span, &mut own);
            &own
        };
        for c in candidates {
            let at = clause_at(clauses, toks[c.start].start);
            let direction = if needs_tense(&c.expr) {
                let how = attachment(&toks, c.start, c.end, &self.lexicon, self.clauses.lexicon());
                direction::direction(&direction::Features::of(clauses, at, how))
            } else {
                None
            };
            let generic = is_deictic_day(&c.expr) && generic(&toks, c.start, clauses, at);
            let span = Span::new(toks[c.start].start, toks[c.end - 1].end);
            out.push(Mention {
                span,
                sentence_span: span_of_sentence,
                anchor: c.anchor,
                sentence,
                expr: c.expr,
                rule: c.rule,
                direction,
                generic,
                reporting: at.is_some_and(|k| clauses[k].reporting),
                verbal: at.is_some_and(|k| clauses[k].verbs.lemma.is_some()),
                in_relative: at.is_some_and(|k| clauses[k].kind == ClauseKind::Relative),
            });
        }
    }

    /// The sentences that hold an anchor word or a date-like number, in text order, and the
    /// byte offsets of those anchors. Anchors outside every sentence span bring their line.
    fn sentences_to_parse(&self, text: &str, sentences: &[Span]) -> (Vec<Span>, Vec<usize>) {
        let mut hits: Vec<usize> = Vec::new();
        // anchor words, checked to be whole words or known compounds
        let mut word_end = 0;
        for m in self.lexicon.anchors().find_iter(text) {
            if m.start() < word_end {
                continue;
            }
            let (ws, we) = word_bounds(text, m.start(), m.end());
            if ws < m.start() && !self.lexicon.infix(m.pattern()) {
                continue; // `Bundes|tag`: try the rest of the word
            }
            word_end = we;
            if (ws == m.start() && we == m.end())
                || self.lexicon.infix(m.pattern())
                || !self.lexicon.senses(&text[ws..we].to_lowercase()).is_empty()
            {
                hits.push(ws);
            }
        }
        // digit runs that may be part of a date or time
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if number_may_be_time(text, start, i) {
                    hits.push(start);
                }
            } else {
                i += 1;
            }
        }
        hits.sort_unstable();
        let mut chosen: Vec<Span> = Vec::new();
        for &ws in &hits {
            if chosen.last().is_some_and(|s| s.start <= ws && ws < s.end) {
                continue;
            }
            let i = sentences.partition_point(|s| s.end <= ws);
            let span = match sentences.get(i) {
                Some(s) if s.start <= ws => *s,
                next => {
                    // the line around it, but not into the sentences before and after
                    let line = line_around(text, ws);
                    let prev_end = i
                        .checked_sub(1)
                        .and_then(|p| sentences.get(p))
                        .map_or(0, |p| p.end);
                    let next_start = next.map_or(text.len(), |n| n.start);
                    Span::new(line.start.max(prev_end), line.end.min(next_start))
                }
            };
            if chosen.last() != Some(&span) {
                chosen.push(span);
            }
        }
        chosen.sort();
        chosen.dedup();
        (chosen, hits)
    }
}

/// Where `phrase` stands in `context`, also when its first letter is capitalised differently
/// (`in der Nacht` in `In der Nacht zum Sonntag ...`).
fn find_ignoring_first_case(context: &str, phrase: &str) -> Option<usize> {
    if let Some(p) = context.find(phrase) {
        return Some(p);
    }
    let mut chars = phrase.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let swapped: String = if first.is_uppercase() {
        first.to_lowercase().collect()
    } else {
        first.to_uppercase().collect()
    };
    context
        .find(&format!("{swapped}{rest}"))
        .filter(|_| swapped.len() == first.len_utf8())
}

/// The word (letters, or a digit run) around the automaton hit `start..end`.
fn word_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let digit = text.as_bytes()[start].is_ascii_digit();
    let same = |c: char| {
        if digit {
            c.is_ascii_digit()
        } else {
            c.is_alphabetic()
        }
    };
    let ws = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| same(c))
        .last()
        .map_or(start, |(i, _)| i);
    let we = text[end..]
        .char_indices()
        .find(|&(_, c)| !same(c))
        .map_or(text.len(), |(i, _)| end + i);
    (ws, we)
}

/// A cheap look at a digit run: could it be part of a date or time (`10.`, `9:30`, `2022`,
/// `15 Uhr`, `1990er`, `15-minütig`)? Counts (`10 Soldaten`) and names (`G20`) are not.
fn number_may_be_time(text: &str, start: usize, end: usize) -> bool {
    if text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
    {
        return false;
    }
    let digits = end - start;
    // `1870/71`: the second year of a span
    if digits == 2
        && text[..start].ends_with('/')
        && text[..start - 1]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count()
            == 4
    {
        return true;
    }
    if digits == 4
        && text[start..end]
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2199).contains(&y))
    {
        return true;
    }
    let rest = &text.as_bytes()[end..];
    match rest.first() {
        // `10.`, `9:30`, `60er`, `15ten`, `15h` (`2,5 Stunden` and `15-minütig` have their unit)
        Some(b'.' | b':' | b'e' | b't' | b'h') => true,
        Some(b' ') => {
            let after = text[end..].trim_start();
            after.starts_with("Uhr") || after.starts_with("uhr") || after.starts_with("h ")
        }
        _ => false,
    }
}

/// `heute`, `morgen`, `gestern`: a day counted from the publication.
fn is_deictic_day(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Relative {
            unit: Unit::Day,
            anchor: AnchorKind::Now,
            ..
        }
    )
}

/// A deictic day word at token `i` that names no day (see `Mention::generic`): after `von` and
/// a noun (`die Jugend von heute`, not `von heute an`), or in a clause in Konjunktiv II or with
/// a generic subject (`man`, `die meisten`).
fn generic(toks: &[token::Token], i: usize, clauses: &[Clause], at: Option<usize>) -> bool {
    let of_noun = i >= 2
        && toks[i - 1].is("von")
        && toks[i - 2].is_word()
        && toks[i - 2].cap
        && !toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.lower(), "an" | "auf" | "bis" | "aus" | "ab"));
    if of_noun {
        return true;
    }
    let Some(k) = at else { return false };
    let c = &clauses[k];
    if c.verbs.mood == Mood::SubjunctiveII {
        return true;
    }
    let inside = |t: &token::Token| c.span.start <= t.start && t.end <= c.span.end;
    toks.iter().enumerate().any(|(j, t)| {
        inside(t) && (t.is("man") || (t.is("meisten") && j > 0 && toks[j - 1].is("die")))
    })
}

/// How the expression at tokens `start..end` is attached (see [`direction::Attachment`]):
/// after `seit` or a schedule preposition (`für`, `auf`), inside a participle attribute (`die am
/// Montag unterbrochenen Verhandlungen`), or after a noun naming an event (`die Wahlen am 12.
/// Oktober`).
fn attachment(
    toks: &[token::Token],
    start: usize,
    end: usize,
    lex: &Lexicon,
    verbs: &VerbLexicon,
) -> direction::Attachment {
    use direction::Attachment;
    use lexicon::Sense;
    let senses = |i: usize| toks.get(i).map_or(&[][..], |t| t.senses());
    // the preposition before the expression, over an article (`für den 12. Juni`)
    let prep = start
        .checked_sub(1)
        .filter(|&b| !senses(b).contains(&Sense::Article))
        .or(start.checked_sub(2));
    if let Some(p) = prep {
        if toks[p].is("seit") {
            return Attachment::Since;
        }
        // `die Erklärung vom Montag`, `die Wahlsieger vom Wochenende`: what is dated by `vom`
        // exists already; not the start of a span (`vom Montag bis Mittwoch`, `vom Montag an`,
        // `in der Nacht vom Montag auf Dienstag`)
        if toks[p].is("vom")
            && toks.get(end).is_none_or(|n| {
                !matches!(n.lower(), "bis" | "an" | "auf" | "zum" | "-" | "–" | "/")
            })
        {
            return Attachment::DatedBy;
        }
        if senses(p).contains(&Sense::Schedule) {
            return Attachment::SetFor;
        }
    }
    // `die am Montag unterbrochenen Verhandlungen`, `die im Mai tagende Versammlung`: a
    // determiner before the preposition, an inflected participle and a noun after the expression
    let determined = prep
        .and_then(|p| p.checked_sub(1))
        .is_some_and(|d| toks[d].is_word() && !toks[d].cap && is_determiner(toks[d].lower()));
    if determined
        && let (Some(w), Some(n)) = (toks.get(end), toks.get(end + 1))
        && w.is_word()
        && !w.cap
        && n.is_word()
        && n.cap
        && let Some(stem) = ["en", "em", "er", "es", "e"]
            .iter()
            .find_map(|e| w.lower().strip_suffix(e))
    {
        let readings = verbs.lookup(stem).unwrap_or(&[]);
        if readings.iter().any(|a| a.tags.has(Tags::PA1)) || stem.ends_with("end") {
            return Attachment::PresentParticiple;
        }
        let past_participle = readings.iter().any(|a| a.tags.has(Tags::PA2));
        if past_participle
            && readings
                .iter()
                .any(|a| direction::is_planning(verbs.lemma(a)))
        {
            return Attachment::SetFor; // `das am Freitag geplante Treffen`
        }
        if past_participle || verbs.is_participle(stem) {
            return Attachment::PastParticiple;
        }
    }
    // `die Wahlen am 12. Oktober`: a noun (not the first word) right before the preposition,
    // or before a focus particle there (`vom Beginn bereits am Montag`)
    let focus = |i: usize| {
        matches!(
            toks[i].lower(),
            "bereits" | "schon" | "erst" | "noch" | "spätestens" | "frühestens"
        )
    };
    if let Some(p) = prep
        && senses(p).iter().any(|s| matches!(s, Sense::Prep { .. }))
        && let Some(n) = (p.checked_sub(1)).map(|n| if n > 0 && focus(n) { n - 1 } else { n })
        && n >= 1
        && toks[n].is_word()
        && toks[n].cap
        && lex.is_event_noun(toks[n].lower())
    {
        return Attachment::EventNoun;
    }
    Attachment::Adverbial
}

/// Articles and determiners that open a noun phrase with a participle attribute.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "einer"
            | "eines"
            | "diese"
            | "dieser"
            | "diesen"
            | "diesem"
            | "dieses"
            | "seine"
            | "seinen"
            | "seiner"
            | "ihre"
            | "ihren"
            | "ihrer"
    )
}

/// The line holding byte `pos` (for text outside the sentence spans).
fn line_around(text: &str, pos: usize) -> Span {
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    Span::new(start, end)
}

/// A text is a narrative when most of the years it writes out lie long before its publication
/// (a history of a war rather than a report): its year-less dates then count from the time it
/// spoke of last.
fn is_narrative(mentions: &[Mention], published_year: i32) -> bool {
    let years: Vec<i32> = mentions
        .iter()
        .filter_map(|m| match &m.expr {
            Expr::Date {
                year: YearRef::Explicit(y),
                ..
            } => Some(*y),
            Expr::WeekdayDate { date, .. } => match **date {
                Expr::Date {
                    year: YearRef::Explicit(y),
                    ..
                } => Some(y),
                _ => None,
            },
            Expr::Season {
                year: YearRef::Explicit(y),
                ..
            } => Some(*y),
            _ => None,
        })
        .collect();
    // a history names many years, nearly all of them long before its publication, and hardly
    // ever says `gestern` or `am Dienstag`
    let old = years.iter().filter(|&&y| y <= published_year - 5).count();
    let deictic = mentions.iter().filter(|m| is_deictic(&m.expr)).count();
    years.len() >= 8 && old * 10 >= years.len() * 7 && deictic * 2 <= years.len()
}

/// Words that point at the publication time: `gestern`, `am Dienstag`, `nächste Woche`.
fn is_deictic(expr: &Expr) -> bool {
    match expr {
        Expr::Weekday { .. }
        | Expr::WeekdayInWeek { .. }
        | Expr::TenseUnit { .. }
        | Expr::NamedDay(_) => true,
        Expr::Relative { anchor, .. } | Expr::Offset { anchor, .. } => *anchor == AnchorKind::Now,
        Expr::Part { base, .. } => is_deictic(base),
        _ => false,
    }
}

/// Expressions whose value depends on the tense of their clause (`am Dienstag`, `10. Januar`,
/// `im Frühjahr`, `am Abend`, `um 9 Uhr`); `2019`, `seit Jahren` and `derzeit` do not.
fn needs_tense(expr: &Expr) -> bool {
    match expr {
        Expr::Date { year, .. } => *year == YearRef::Open,
        Expr::WeekdayDate { date, .. } | Expr::Part { base: date, .. } | Expr::DayBefore(date) => {
            needs_tense(date)
        }
        Expr::Weekday { shift, .. } => *shift == expr::Shift::Tense,
        Expr::Season { year, shift, .. } => *year == YearRef::Open && *shift == expr::Shift::Tense,
        Expr::Holiday { year, .. } | Expr::NthOfMonth { year, .. } => *year == YearRef::Open,
        Expr::Time { base, .. } => base.as_deref().is_none_or(needs_tense),
        Expr::TenseUnit { .. } | Expr::LoosePart { .. } | Expr::DayOnly(_) => true,
        _ => false,
    }
}

/// Expressions that take their day from the sentence (`um 9 Uhr`, `am Abend`).
fn needs_day(expr: &Expr) -> bool {
    matches!(expr, Expr::LoosePart { .. } | Expr::Time { base: None, .. })
}

/// What is known of a whole text before its mentions are resolved.
#[derive(Debug, Clone, Copy)]
struct TextShape {
    /// A history of a time long before publication (see [`is_narrative`]).
    narrative: bool,
    /// Where the lead ends (the dateline, if any, and the first sentence, or the first two
    /// sentences): a report's `heute` there is always the day of publication.
    lead_end: usize,
}

/// Resolves mentions in text order, sentence by sentence, keeping track of what the text spoke
/// of last. `tense` overrides the clause tense when given.
fn resolve_mentions(
    text: &str,
    mentions: &[Mention],
    published: DateTime<FixedOffset>,
    shape: TextShape,
    tense: Option<Option<Tense>>,
    last: &mut Anchor,
    tags: &mut TimeTags,
) {
    let now = published.naive_local();
    // the day the previous sentence spoke of last, and that sentence
    let mut previous: Option<(Span, NaiveDate)> = None;
    // the day the paragraph speaks of: set by a sentence that opens with a day (`Am Freitag
    // fahre ich nach Graz.`, `Heute in der Stadt:`) or names one in a clause with a finite verb
    // (`am Freitag kommt ein Sprint-Slalom`); it holds for the clock times and parts of the day
    // of the sentences that follow in the paragraph (a diary moves day by day), while a verbless
    // item (`Vortrag, morgen 10-12 Uhr.`) does not move the items after it
    let mut frame: Option<(Span, NaiveDate)> = None;
    // the previous sentence when it spoke of the past (`damals`, `vor zehn Jahren`, `1989`)
    let mut previous_past: Option<Span> = None;
    let counts_days = mentions.iter().any(|m| counts_days(&m.expr));
    // a point in time named before: a report names its day first
    let mut named_time = false;
    // the explicit year named last, and the sentence naming it (`Im Herbst 1989 ...`)
    let mut named_year: Option<(i32, Span)> = None;
    // where the sentence with the previous mentions ended
    let mut previous_end: Option<usize> = None;
    // the year named by the last heading that is a year (`1862`): the time of its sections
    let mut section_year: Option<i32> = None;
    let mut i = 0;
    while i < mentions.len() {
        let sentence = mentions[i].sentence;
        let end = mentions[i..]
            .iter()
            .position(|m| m.sentence != sentence)
            .map_or(mentions.len(), |k| i + k);
        let group = &mentions[i..end];
        let here = group[0].sentence_span;
        if previous_end.is_some_and(|e| heading_between(text, e, here.start)) {
            // a new section starts its own account from the time of the section around it (the
            // year of the last heading that names one): months and days do not run on from the
            // section before (`1862` ... `26. Dezember` ... `Westlicher Kriegsschauplatz` ... `im
            // Januar` is January 1862, not 1863)
            *last = Anchor {
                year: section_year.or(last.year),
                month: None,
                day: None,
            };
        }
        previous_end = Some(here.end);
        if is_heading(text, here)
            && let Some(y) = group.iter().find_map(|x| explicit_year(&x.expr))
        {
            section_year = Some(y);
        }
        let carried = frame
            .filter(|(s, _)| same_paragraph(text, *s, here))
            .map(|(_, d)| d)
            .or_else(|| {
                previous
                    .filter(|(s, _)| adjacent(text, *s, here))
                    .map(|(_, d)| d)
            });
        let past_here = group
            .iter()
            .any(|m| !m.in_relative && speaks_of_the_past(&m.expr, published.year()));
        let contrast = past_here || previous_past.is_some_and(|s| adjacent(text, s, here));
        previous_past = past_here.then_some(here);
        let clock_here = group.iter().any(|m| names_hour(&m.expr));
        let yearly = group.iter().any(|m| {
            matches!(
                m.expr,
                Expr::Set(expr::SetValue::Every {
                    unit: Unit::Year,
                    ..
                })
            )
        });
        let daily = group.iter().any(|m| {
            matches!(
                m.expr,
                Expr::Set(
                    expr::SetValue::Every {
                        unit: Unit::Day | Unit::Week,
                        ..
                    } | expr::SetValue::Weekday { .. }
                        | expr::SetValue::Part(_)
                )
            )
        });
        // a year named in the sentence before or earlier in this one carries over to the
        // year-less dates that follow (`Im Herbst 1989 kam ich nach Leipzig. Am 9. November
        // stand ich ...`; `im zweiten Quartal 2011 ... des Vorjahres`)
        let carried_year = named_year
            .filter(|(_, s)| *s != here && adjacent(text, *s, here))
            .map(|(y, _)| y);
        let mut values: Vec<Option<Value>> = vec![None; group.len()];
        for pass in [false, true] {
            for (k, m) in group.iter().enumerate() {
                if needs_day(&m.expr) != pass {
                    continue;
                }
                let (sentence_day, day_unknown) = match (pass, day_near(text, group, &values, k)) {
                    (false, _) => (None, false),
                    (true, Some((d, coordinated))) => (Some(d), coordinated),
                    (true, None) => (carried, false),
                };
                let timeless =
                    named_time && !counts_days && !clock_here && m.span.start >= shape.lead_end;
                named_time |= !pass && is_point(&m.expr);
                let year_before = group[..k].iter().rev().find_map(|x| explicit_year(&x.expr));
                let ctx = Context {
                    now,
                    tense: tense.unwrap_or(m.direction),
                    sentence_year: year_before,
                    // only a year of the sentence before: one earlier in the same sentence
                    // often dates another noun (`die 2019 gegründete Partei trat am 3. März an`)
                    named_year: carried_year.filter(|_| year_before.is_none()),
                    narrative: shape.narrative,
                    contrast,
                    generic: m.generic,
                    yearly,
                    daily,
                    timeless,
                    last: *last,
                    sentence_day,
                    day_unknown,
                };
                match resolve::resolve(&m.expr, &ctx) {
                    Ok(v) => {
                        if !pass
                            && m.anchor
                            && !counts_from_text(&m.expr, shape.narrative)
                            && !in_parentheses(text, here, m.span)
                        {
                            last.update(&v);
                        }
                        values[k] = Some(v);
                    }
                    Err(msg) => tags.diagnostics.push(Diagnostic::new(m.span, msg)),
                }
            }
        }
        previous = values.iter().rev().find_map(day_of).map(|d| (here, d));
        // the sentence opens with the expression, after at most a preposition (`Am`, `Seit`)
        let opens = text
            .get(here.start..group[0].span.start)
            .is_some_and(|lead| {
                let lead = lead.trim();
                lead.is_empty()
                    || (lead.chars().count() <= 5 && lead.chars().all(char::is_alphabetic))
            });
        let verbal = group
            .iter()
            .zip(&values)
            .rev()
            .find(|(x, v)| x.verbal && !x.reporting && day_of(v).is_some())
            .and_then(|(_, v)| day_of(v));
        if let Some(d) = values.first().and_then(day_of).filter(|_| opens).or(verbal) {
            frame = Some((here, d));
        } else if frame.is_some_and(|(s, _)| !same_paragraph(text, s, here)) {
            frame = None;
        }
        if let Some(y) = group
            .iter()
            .rev()
            .filter(|x| !in_parentheses(text, here, x.span))
            .find_map(|x| explicit_year(&x.expr))
        {
            named_year = Some((y, here));
        } else if group
            .iter()
            .any(|x| is_point(&x.expr) && !in_parentheses(text, here, x.span))
        {
            // another point in time (`im März`, `gestern`) ends the flashback
            named_year = None;
        }
        for (m, v) in group.iter().zip(values) {
            if let Some(v) = v {
                tags.timexes.push(Timex {
                    span: m.span,
                    timex_type: v.timex_type(),
                    value: v.timex(),
                    rule: m.rule.to_string(),
                });
            }
        }
        i = end;
    }
    tags.timexes.sort_by_key(|t| t.span);
}

/// The year an expression writes out: `1989`, `Herbst 1989`, `9. November 1989`, `zweites
/// Quartal 2011`.
fn explicit_year(expr: &Expr) -> Option<i32> {
    match expr {
        Expr::Date {
            year: YearRef::Explicit(y),
            ..
        }
        | Expr::Season {
            year: YearRef::Explicit(y),
            ..
        }
        | Expr::Quarter {
            year: YearRef::Explicit(y),
            ..
        }
        | Expr::Half {
            year: YearRef::Explicit(y),
            ..
        } => Some(*y),
        Expr::WeekdayDate { date, .. } | Expr::Part { base: date, .. } => explicit_year(date),
        Expr::Time { base: Some(b), .. } => explicit_year(b),
        _ => None,
    }
}

/// `damals`, `früher`, `vor zehn Jahren`, `1989`: the past set against which `heute` means
/// nowadays.
fn speaks_of_the_past(expr: &Expr, published_year: i32) -> bool {
    match expr {
        Expr::Ref(expr::RefValue::Past) => true,
        Expr::Offset {
            unit: Unit::Year | Unit::Decade | Unit::Century,
            sign: -1,
            anchor: AnchorKind::Now,
            ..
        } => true,
        Expr::Date {
            year: YearRef::Explicit(y),
            ..
        } => *y <= published_year - 5,
        Expr::Decade(_) | Expr::Century(_) => true,
        _ => false,
    }
}

/// Words that count days from the publication: `gestern`, `übermorgen`, `am Dienstag`,
/// `am Wochenende`, `heute Abend`.
fn counts_days(expr: &Expr) -> bool {
    match expr {
        Expr::Weekday { .. }
        | Expr::WeekdayInWeek { .. }
        | Expr::TenseUnit { .. }
        | Expr::NamedDay(_) => true,
        Expr::Relative {
            unit,
            offset,
            anchor: AnchorKind::Now,
        } => *unit == Unit::Weekend || (*unit == Unit::Day && *offset != 0),
        Expr::Part { base, .. } => is_today(base) || counts_days(base),
        Expr::Time { base: Some(b), .. } | Expr::DayBefore(b) => counts_days(b),
        _ => false,
    }
}

/// `heute`.
fn is_today(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Relative {
            unit: Unit::Day,
            offset: 0,
            anchor: AnchorKind::Now,
        }
    )
}

/// A clock time or a part of a day (`um 19.30 Uhr`, `am Abend`): the sentence speaks of one day.
fn names_hour(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Time { .. } | Expr::LoosePart { .. } | Expr::Part { .. }
    )
}

/// A point in time other than `heute` (`2019`, `im März`, `vor sechs Jahren`); durations, sets
/// and vague references are none.
fn is_point(expr: &Expr) -> bool {
    !is_today(expr)
        && !matches!(
            expr,
            Expr::Duration { .. } | Expr::DurationSum { .. } | Expr::Set(_) | Expr::Ref(_)
        )
}

/// Expressions counted from the time the text spoke of last (`am Vortag`, `zwei Tage später`)
/// do not become the new reference themselves: `am Vortag` twice is the same day. In a
/// narrative a glance back from the story's time (`im Vorjahr`, `des vorangegangenen Jahres`)
/// does not move the story either: `1864 ... im Vorjahr ... in diesem Jahr` is 1864 again; a
/// step forward (`im nächsten Jahr griff er wieder an. Am 26. Mai ...`) moves it.
fn counts_from_text(expr: &Expr, narrative: bool) -> bool {
    match expr {
        Expr::Relative { anchor, offset, .. } => {
            (narrative && *offset < 0) || *anchor == AnchorKind::Text
        }
        Expr::Offset { anchor, .. } => *anchor == AnchorKind::Text,
        Expr::Part { base, .. } | Expr::DayBefore(base) => counts_from_text(base, narrative),
        Expr::Date { year, .. }
        | Expr::Season { year, .. }
        | Expr::Quarter { year, .. }
        | Expr::Half { year, .. } => {
            narrative && matches!(year, YearRef::Relative(o) | YearRef::Anaphoric(o) if *o < 0)
        }
        _ => false,
    }
}

/// A heading stands between `from` and `to`: a line of its own between blank lines, of a few
/// words and without the punctuation that ends a sentence (`Westlicher Kriegsschauplatz`).
fn heading_between(text: &str, from: usize, to: usize) -> bool {
    let Some(gap) = text.get(from..to) else {
        return false;
    };
    let paragraphs: Vec<&str> = gap.split("\n\n").collect();
    // the first and last pieces belong to the sentences around the gap
    paragraphs.len() > 2
        && paragraphs[1..paragraphs.len() - 1]
            .iter()
            .any(|p| heading_shaped(p.trim()))
}

/// The sentence `span` is a heading: a paragraph of its own shaped like one.
fn is_heading(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let after = text[span.end..].trim_start_matches([' ', '\t']);
    (before.is_empty() || before.ends_with("\n\n"))
        && (after.is_empty() || after.starts_with("\n\n"))
        && heading_shaped(text[span.start..span.end].trim())
}

/// A line of a few words without the punctuation that ends a sentence.
fn heading_shaped(line: &str) -> bool {
    !line.is_empty()
        && !line.contains('\n')
        && line.split_whitespace().count() <= 8
        && !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '“', '»', ')'])
}

/// `span` stands inside parentheses within `sentence`: an aside (`den Balkankriegen
/// (1912/13)`, `Bismarck (1815-1898)`), which does not move the time the text speaks of.
fn in_parentheses(text: &str, sentence: Span, span: Span) -> bool {
    let before = text
        .get(sentence.start.min(span.start)..span.start)
        .unwrap_or("");
    let after = text.get(span.end..sentence.end.max(span.end)).unwrap_or("");
    before
        .rfind('(')
        .is_some_and(|o| before[o..].find(')').is_none())
        && after
            .find(')')
            .is_some_and(|c| after[..c].find('(').is_none())
}

/// Two sentences stand in one paragraph, the first before the second.
fn same_paragraph(text: &str, first: Span, second: Span) -> bool {
    first.end <= second.start
        && text
            .get(first.end..second.start)
            .is_some_and(|gap| !gap.contains("\n\n"))
}

/// Two sentences follow each other in one paragraph.
fn adjacent(text: &str, first: Span, second: Span) -> bool {
    first.end <= second.start
        && text
            .get(first.end..second.start)
            .is_some_and(|gap| gap.trim().is_empty() && !gap.contains("\n\n"))
}

fn day_of(v: &Option<Value>) -> Option<NaiveDate> {
    match v {
        Some(Value::Day(d) | Value::DayPart(d, _) | Value::Time(Some(d), _)) => Some(*d),
        _ => None,
    }
}

/// The day of the nearest resolved day-like value in the sentence, before `k` first, and whether
/// it is one of several coordinated days (`am 25. und 26. August von 10 bis 18 Uhr`), which
/// leaves a clock time without a day.
fn day_near(
    text: &str,
    group: &[Mention],
    values: &[Option<Value>],
    k: usize,
) -> Option<(NaiveDate, bool)> {
    // the day of a reporting clause dates the report, not the event reported (`Die Anhörung
    // beginne um 10 Uhr, sagte ein Sprecher am Montag`)
    let usable =
        |j: usize| day_of(&values[j]).is_some() && (group[k].reporting || !group[j].reporting);
    let j = (0..k)
        .rev()
        .find(|&j| usable(j))
        .or_else(|| (k + 1..values.len()).find(|&j| usable(j)))?;
    let date = |x: usize| matches!(values[x], Some(Value::Day(_)));
    let joined =
        |a: usize, b: usize| date(a) && date(b) && connected(text, group[a].span, group[b].span);
    let coordinated =
        (j > 0 && joined(j - 1, j)) || (j + 1 < values.len() && j + 1 != k && joined(j, j + 1));
    Some((day_of(&values[j])?, coordinated))
}

/// Only list words lie between two spans: `25. und 26.`, `3., 4.`, `Dienstag bis Donnerstag`.
fn connected(text: &str, a: Span, b: Span) -> bool {
    let Some(gap) = text.get(a.end..b.start) else {
        return false;
    };
    gap.len() < 24
        && gap.split(|c: char| c.is_whitespace() || c == ',').all(|w| {
            matches!(
                w,
                "" | "und"
                    | "bis"
                    | "sowie"
                    | "oder"
                    | "-"
                    | "–"
                    | "/"
                    | "am"
                    | "zum"
                    | "vom"
                    | "."
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of the tagger's timexes for `text` split into `sentences`.
    fn values(text: &str, sentences: &[&str]) -> Vec<String> {
        let tagger = TimeTagger::new(&DataDir::bundled()).unwrap();
        let spans: Vec<Span> = sentences
            .iter()
            .map(|s| {
                let start = text.find(s).unwrap();
                Span::new(start, start + s.len())
            })
            .collect();
        let published = "2022-03-15T10:00:00+01:00".parse().unwrap();
        let tags = tagger.tag(text, &spans, published);
        tags.timexes.into_iter().map(|t| t.value).collect()
    }

    #[test]
    fn heute_in_the_lead_is_the_day_and_later_nowadays() {
        let s = [
            "Zwei Wochen nach der Wahl vom 1. März tritt heute der Landtag zusammen.",
            "Die Sitzung ist öffentlich.",
            "Anders als 2020 sitzen heute fünf Parteien im Landtag.",
        ];
        let text = s.join(" ");
        assert_eq!(
            values(&text, &s),
            ["P2W", "2022-03-01", "2022-03-15", "2020", "PRESENT_REF"]
        );
    }

    #[test]
    fn a_flashback_year_carries_to_the_next_sentence() {
        let s = [
            "Im Herbst 1989 kam ich nach Leipzig.",
            "Am 9. November stand ich an der Mauer.",
        ];
        assert_eq!(values(&s.join(" "), &s), ["1989-FA", "1989-11-09"]);
    }

    #[test]
    fn a_history_restarts_each_section_and_keeps_its_year_against_relative_years() {
        let s = [
            "1862",
            "Im Januar 1862 sammelte sich die Armee.",
            "Im März 1862 zog sie nach Süden.",
            "Im Mai 1862 begann der Regen.",
            "Im August 1862 erreichte sie den Fluss.",
            "Im Oktober 1862 fiel die Festung.",
            "Am 26. Dezember kapitulierte die Stadt.",
            "Die Flotte",
            "Im Januar lief die Flotte aus.",
            "1863",
            "Im Vorjahr hatte die Flotte gesiegt.",
            "In diesem Jahr verlor sie.",
            "Im nächsten Jahr griff sie wieder an.",
            "Am 26. Mai fiel die Burg.",
            "Im Juni 1810 war die Burg gebaut worden.",
            "Im Jahr 1799 gab es die Stadt noch nicht.",
        ];
        assert_eq!(
            values(&s.join("\n\n"), &s),
            [
                "1862",
                "1862-01",
                "1862-03",
                "1862-05",
                "1862-08",
                "1862-10",
                "1862-12-26",
                // a new section goes back to the year of its heading, not on to January 1863
                "1862-01",
                "1863",
                // `im Vorjahr` counts back from the story's year without moving it
                "1862",
                "1863",
                // `im nächsten Jahr` moves the story on
                "1864",
                "1864-05-26",
                "1810-06",
                "1799"
            ]
        );
    }

    #[test]
    fn a_year_in_parentheses_is_an_aside_in_a_history() {
        let s = [
            "Im Jahr 1905 begann die Krise.",
            "Im Jahr 1908 folgte die Annexion.",
            "Im Juni 1914 fiel der Schuss.",
            "Die Lage erinnerte an die Marokkokrise (im Juli 1911).",
            "Am 28. Juli erklärte Wien den Krieg.",
            "Im Jahr 1916 kam Verdun.",
            "Im Jahr 1917 kam die Revolution.",
            "Im Jahr 1918 endete der Krieg.",
            "Im Jahr 1919 kam der Frieden.",
        ];
        let v = values(&s.join(" "), &s);
        assert_eq!(v[4], "1914-07-28", "{v:?}");
    }

    #[test]
    fn a_frame_day_holds_for_its_paragraph() {
        // a diary moves day by day
        let s = [
            "Am Freitag fahre ich nach Graz.",
            "Dort ist es kalt.",
            "Am Nachmittag treffe ich einen Freund.",
        ];
        assert_eq!(values(&s.join(" "), &s), ["2022-03-18", "2022-03-18TAF"]);
        // a listing names its day once: one item's `morgen` does not move the items after it
        let s = [
            "Heute in der Stadt: Lesung, 19 Uhr.",
            "Vortrag, morgen 10 Uhr.",
            "Konzert, 20 Uhr.",
        ];
        assert_eq!(
            values(&s.join(" "), &s),
            [
                "2022-03-15",
                "2022-03-15T19:00",
                "2022-03-16",
                "2022-03-16T10:00",
                "2022-03-15T20:00"
            ]
        );
    }

    #[test]
    fn a_reporting_clause_does_not_date_the_event() {
        let s = [
            "Das Gericht verhandelt den Fall am Mittwoch.",
            "Die Anhörung beginne um 10 Uhr, sagte ein Sprecher am Montag.",
        ];
        assert_eq!(
            values(&s.join(" "), &s),
            ["2022-03-16", "2022-03-16T10:00", "2022-03-14"]
        );
    }

    #[test]
    fn an_era_brings_its_sentence_to_the_parser() {
        let s = ["Die Flotte sank.", "312 v. Chr. fiel die Stadt."];
        assert_eq!(values(&s.join(" "), &s), ["BC0312"]);
        // the abbreviation's last dot belongs to the extent, a sentence's full stop does not
        let tagger = TimeTagger::new(&DataDir::bundled()).unwrap();
        let published = "2022-03-15T10:00:00+01:00".parse().unwrap();
        for (text, extent) in [
            ("Die Stadt fiel 312 v. Chr. an Rom.", "312 v. Chr."),
            ("Die Stadt fiel 312 vor Christus.", "312 vor Christus"),
        ] {
            let tags = tagger.tag(text, &[Span::new(0, text.len())], published);
            assert_eq!(tags.timexes[0].span.text(text), extent);
        }
    }

    #[test]
    fn number_filter() {
        let t = "am 10. Januar, 2022, 9:30, 15 Uhr, 1990er, G20, 10 Soldaten";
        let check = |s: &str| {
            let p = t.find(s).unwrap();
            number_may_be_time(t, p, p + s.len())
        };
        assert!(check("10") && check("2022") && check("9") && check("15") && check("1990"));
        assert!(!check("20") && !t[t.find("10 S").unwrap()..].is_empty());
        let p = t.find("10 S").unwrap();
        assert!(!number_may_be_time(t, p, p + 2));
    }
}
