//! The recogniser: rules over the tokens of one sentence that find temporal expressions and say
//! what they mean as an unresolved [`Expr`].
//!
//! Each rule looks at the word classes the lexicon gives (month, weekday, unit, shift, ...), not at
//! spellings, so a new word is a line in `gazetteers/time/`. Rules may produce overlapping
//! candidates; [`recognise`] keeps the longest (then the most specific), drops those inside
//! phrases that are not dates (`Welt am Sonntag`), and completes coordinated dates
//! (`9. und 10. März`, `Mai/Juni 1940`). Extents follow TimeML: no leading preposition
//! (`am 10. Januar` → `10. Januar`), an article after a separate preposition is kept
//! (`in der vergangenen Woche` → `der vergangenen Woche`). Resolution to values is not done here.

use super::expr::{
    Amount, AnchorKind, Clock, DayPart, Expr, NthOf, SetValue, Shift, Unit, YearRef,
};
use super::lexicon::{Lexicon, PartKind, PhraseSense, Sense, UnitKind};
use super::token::{Kind, Token};

/// One recognised expression: tokens `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// Rule id, `time/<kind>/<form>`, for `explain` and debugging.
    pub rule: &'static str,
    /// Breaks ties between candidates of equal length (higher wins).
    pub priority: u8,
    /// False for a year mentioned in passing (`der Krieg 1870/71`, `von 1856`): a narrative does
    /// not move to it.
    pub anchor: bool,
}

/// Finds the temporal expressions of one tokenised sentence.
///
/// `phrase_mode` is for a phrase that is known to be a temporal expression (`resolve-time`):
/// it also accepts readings that are too risky in running text (`um 3`, `do.`, `märz 3`).
///
/// `anchors` are the byte offsets where the prefilter found anchor words and date-like numbers;
/// rules are tried only a few tokens before them. In phrase mode every token is tried.
pub(crate) fn recognise(
    toks: &[Token],
    lex: &Lexicon,
    anchors: &[usize],
    phrase_mode: bool,
) -> Vec<Candidate> {
    let mut p = Parser {
        toks,
        lex,
        phrase_mode,
        out: Vec::new(),
        blocked: Vec::new(),
    };
    // rules start at most a few tokens before the word that anchors them (`vor mehr als zehn
    // Jahren`), so only tokens near an anchor are tried, and only their senses are looked up
    const REACH: usize = 5;
    let mut near = vec![phrase_mode; toks.len()];
    let mut next_anchor = usize::MAX;
    let mut a = anchors.len();
    for i in (0..toks.len()).rev() {
        while a > 0 && anchors[a - 1] >= toks[i].end {
            a -= 1;
        }
        if a > 0 && anchors[a - 1] >= toks[i].start {
            next_anchor = i;
        }
        near[i] |= next_anchor.saturating_sub(i) <= REACH;
    }
    for (i, near) in near.into_iter().enumerate() {
        if near {
            p.at(i);
        }
    }
    let Parser {
        mut out, blocked, ..
    } = p;
    out.retain(|c| !blocked.iter().any(|&(s, e)| c.start < e && s < c.end));
    // the first part of a hyphen compound is not an expression of its own (`Dreimonatig-Freiwillige`)
    out.retain(|c| {
        !(c.end == c.start + 1
            && toks.get(c.end).is_some_and(|h| h.is_punct('-') && h.glued)
            && toks
                .get(c.end + 1)
                .is_some_and(|w| w.glued && w.is_word() && w.senses().is_empty()))
    });
    // the second part of a hyphen compound is not an expression of its own (`MIP-Montag`)
    out.retain(|c| {
        !(c.start >= 2
            && toks[c.start].glued
            && toks[c.start - 1].is_punct('-')
            && toks[c.start - 1].glued
            && toks[c.start - 2].is_word())
    });
    let mut chosen = select(out);
    complete_coordination(toks, &mut chosen);
    merge_date_and_clock(toks, &mut chosen);
    chosen
}

/// Keeps the longest candidates (by bytes), then the higher priority, then the leftmost.
fn select(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.priority.cmp(&a.priority))
            .then(a.start.cmp(&b.start))
    });
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in cands {
        if chosen.iter().all(|k| c.end <= k.start || k.end <= c.start) {
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.start);
    chosen
}

/// Words that join two dates of a range or a list: `9. und 10. März`, `Mai/Juni 1940`.
fn is_connector(t: &Token) -> bool {
    matches!(
        t.lower(),
        "bis"
            | "und"
            | "oder"
            | "-"
            | "–"
            | "/"
            | "zum"
            | "auf"
            | "den"
            | "sowie"
            | "bzw"
            | "."
            | ","
            | "am"
    )
}

/// A day or month without its month or year takes them from the date it is coordinated with.
fn complete_coordination(toks: &[Token], chosen: &mut Vec<Candidate>) {
    for k in (0..chosen.len()).rev() {
        let Some(next) = chosen.get(k + 1) else {
            continue;
        };
        let between = &toks[chosen[k].end..next.start];
        let joined = !between.is_empty() && between.len() <= 3 && between.iter().all(is_connector);
        let Some((n_year, n_month, _)) = date_of(&next.expr) else {
            continue;
        };
        if !joined {
            continue;
        }
        if let Some((year, month, day)) = date_mut(&mut chosen[k].expr) {
            if month.is_none() && day.is_some() {
                *month = n_month;
            }
            if *year == YearRef::Open && month.is_some() {
                *year = n_year;
            }
        }
    }
    chosen.retain(|c| !matches!(date_of(&c.expr), Some((_, None, Some(_)))));
}

/// A date directly followed by a clock time is one expression: `11. November 11 Uhr` (with `um`
/// or a comma between them they stay two, as the TimeML corpora annotate them).
fn merge_date_and_clock(toks: &[Token], chosen: &mut Vec<Candidate>) {
    let mut k = 0;
    while k + 1 < chosen.len() {
        let between = &toks[chosen[k].end..chosen[k + 1].start];
        let adjacent = between.is_empty();
        let day = matches!(date_of(&chosen[k].expr), Some((_, Some(_), Some(_))));
        if adjacent
            && day
            && let Expr::Time { base: None, clock } = chosen[k + 1].expr
        {
            let next = chosen.remove(k + 1);
            let date = chosen[k].expr.clone();
            chosen[k].expr = Expr::Time {
                base: Some(Box::new(date)),
                clock,
            };
            chosen[k].end = next.end;
            chosen[k].rule = "time/time/date_clock";
        }
        k += 1;
    }
}

/// The calendar date inside an expression (`Nacht vom 3.` holds the date `3.`).
fn date_of(e: &Expr) -> Option<(YearRef, Option<u32>, Option<u32>)> {
    match e {
        Expr::Date { year, month, day } => Some((*year, *month, *day)),
        Expr::WeekdayDate { date, .. } | Expr::Part { base: date, .. } | Expr::DayBefore(date) => {
            date_of(date)
        }
        Expr::Time { base: Some(b), .. } => date_of(b),
        _ => None,
    }
}

fn date_mut(e: &mut Expr) -> Option<(&mut YearRef, &mut Option<u32>, &mut Option<u32>)> {
    match e {
        Expr::Date { year, month, day } => Some((year, month, day)),
        Expr::WeekdayDate { date, .. } | Expr::Part { base: date, .. } | Expr::DayBefore(date) => {
            date_mut(date)
        }
        Expr::Time { base: Some(b), .. } => date_mut(b),
        _ => None,
    }
}

struct Parser<'a, 't> {
    toks: &'a [Token<'t>],
    lex: &'a Lexicon,
    phrase_mode: bool,
    out: Vec<Candidate>,
    blocked: Vec<(usize, usize)>,
}

impl<'t> Parser<'_, 't> {
    fn tok(&self, i: usize) -> Option<&Token<'t>> {
        self.toks.get(i)
    }

    fn sense<T>(&self, i: usize, f: impl Fn(&Sense) -> Option<T>) -> Option<T> {
        self.toks.get(i)?.senses().iter().find_map(f)
    }

    fn has(&self, i: usize, f: impl Fn(&Sense) -> bool) -> bool {
        self.toks.get(i).is_some_and(|t| t.senses().iter().any(f))
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(w))
    }

    /// A `.` right after the token before it.
    fn dot(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct('.') && t.glued)
    }

    fn push(&mut self, start: usize, end: usize, expr: Expr, rule: &'static str) {
        self.push_p(start, end, expr, rule, 1);
    }

    /// Pushes a date that may carry a weekday before it (`Montag, 10. Januar`).
    fn push_date(&mut self, start: usize, i: usize, end: usize, expr: Expr, rule: &'static str) {
        let weekday = (start < i)
            .then(|| {
                self.sense(start, |s| {
                    if let Sense::Weekday { weekday, .. } = s {
                        Some(*weekday)
                    } else {
                        None
                    }
                })
            })
            .flatten();
        let expr = match weekday {
            Some(weekday) => Expr::WeekdayDate {
                date: Box::new(expr),
                weekday,
            },
            None => expr,
        };
        self.push(start, end, expr, rule);
    }

    fn push_p(&mut self, start: usize, end: usize, expr: Expr, rule: &'static str, priority: u8) {
        if start < end && end <= self.toks.len() {
            self.out.push(Candidate {
                start,
                end,
                expr,
                rule,
                priority,
                anchor: true,
            });
        }
    }

    /// An article directly before `i` (kept in the extent of noun phrases).
    fn with_article(&self, i: usize) -> usize {
        if i > 0 && self.has(i - 1, |s| matches!(s, Sense::Article)) {
            i - 1
        } else {
            i
        }
    }

    /// An article or a preposition stands before `i` (`am Montag`, `den Montag`).
    fn introduced(&self, i: usize) -> bool {
        i > 0 && self.has(i - 1, |s| matches!(s, Sense::Article | Sense::Prep { .. }))
    }

    /// The part of the day that the adverb at `i` names (`abends`, `vormittags`).
    fn part_adverb(&self, i: usize) -> Option<DayPart> {
        self.sense(i, |s| match s {
            Sense::DayPart {
                part,
                kind: PartKind::Adverb,
            } => Some(*part),
            _ => None,
        })
    }

    /// The token before `i` is a preposition (`am`, `im`, `seit`, ...).
    fn after_prep(&self, i: usize) -> bool {
        i > 0 && self.has(i - 1, |s| matches!(s, Sense::Prep { .. }))
    }

    fn at(&mut self, i: usize) {
        match self.toks[i].kind {
            Kind::Number => {
                self.numeric_date(i, i);
                self.day_month(i, i);
                self.day_in_range(i);
                self.day_only(i);
                self.year(i);
                self.decade_number(i);
                self.century(i);
                self.clock(i);
                self.duration(i);
                self.quarter(i);
            }
            Kind::Word => {
                self.phrases(i);
                if self.toks[i].senses().is_empty() {
                    // a word the lexicon does not know starts only phrases and `viertel nach drei`
                    self.clock(i);
                    return;
                }
                if let Some(j) = self.weekday_prefix(i) {
                    self.numeric_date(i, j);
                    self.day_month(i, j);
                }
                self.day_month(i, i);
                self.month(i);
                self.month_shift(i);
                self.nth_of_month(i);
                self.year(i);
                self.decade_word(i);
                self.century(i);
                self.weekday(i);
                self.deictic(i);
                self.relative(i);
                self.part_of(i);
                self.season(i);
                self.quarter(i);
                self.ago(i);
                self.after(i);
                self.duration(i);
                self.set(i);
                self.clock(i);
                self.day_part(i);
                self.reference(i);
                self.holiday(i);
                self.course(i);
            }
            Kind::Punct => {}
        }
    }

    // ---- building blocks -------------------------------------------------------------

    /// A day of the month: `10.`, `zehnten`, `15ten`; plain `10` only before a month name.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if let Some(n) = t.num().filter(|n| (1..=31).contains(n) && t.digits() <= 2) {
            if self.dot(i + 1) {
                return Some((n, i + 2));
            }
            if let Some(next) = self.tok(i + 1) {
                if next.glued && matches!(next.lower(), "te" | "ten" | "ter" | "tes") {
                    return Some((n, i + 2));
                }
                if self.month_at(i + 1).is_some() {
                    return Some((n, i + 1));
                }
            }
            return None;
        }
        let n = self.sense(i, |s| {
            if let Sense::Ordinal(n) = s {
                Some(*n)
            } else {
                None
            }
        })?;
        (1..=31).contains(&n).then_some((n, i + 1))
    }

    /// A month name, or an abbreviation with its dot: `Januar`, `Jan.`, `Sept.`.
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let (month, abbr) = self.sense(i, |s| {
            if let Sense::Month { month, abbr } = s {
                Some((*month, *abbr))
            } else {
                None
            }
        })?;
        if !abbr {
            return Some((month, i + 1));
        }
        if self.dot(i + 1) {
            return Some((month, i + 2));
        }
        (self.phrase_mode || self.tok(i + 1).is_some_and(|t| t.kind == Kind::Number))
            .then_some((month, i + 1))
    }

    /// A four-digit year.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.digits() != 4 {
            return None;
        }
        let y = t.num()? as i32;
        // `2000.5`, `2000,5`: a number, not a year
        if self.tok(i + 1).is_some_and(|n| {
            n.glued
                && (n.is_punct('.') || n.is_punct(','))
                && self
                    .tok(i + 2)
                    .is_some_and(|m| m.glued && m.kind == Kind::Number)
        }) {
            return None;
        }
        (1000..=2199).contains(&y).then_some((y, i + 1))
    }

    /// A number after a day and month that can only be a year no calendar has: five digits or
    /// more (`10. Januar 20222`), or zero (`5. März 0000`; not `0 Uhr`). The resolver reports it.
    fn impossible_year(&self, i: usize) -> Option<(YearRef, usize)> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Number && !t.glued)?;
        let zero = t.text.bytes().all(|b| b == b'0');
        let clock = self.has(i + 1, |s| matches!(s, Sense::Clock));
        (t.digits() >= 5 || zero && !clock).then(|| (YearRef::Explicit(big_number(t.text)), i + 1))
    }

    /// The year given after a month or a day: `2022`, `dieses Jahres`, `des Jahres 1972`,
    /// `kommenden Jahres`, `des Vorjahres`, `desselben Jahres`.
    fn year_ref(&self, i: usize) -> Option<(YearRef, usize)> {
        if let Some((y, j)) = self.era_year(i) {
            return Some((YearRef::Explicit(y), j));
        }
        if let Some((y, j)) = self.year_at(i) {
            return Some((YearRef::Explicit(y), j));
        }
        let j = if self.is(i, "des") { i + 1 } else { i };
        if self.is_year_unit(j) {
            if let Some((y, k)) = self.year_at(j + 1) {
                return Some((YearRef::Explicit(y), k));
            }
            return (j > i).then_some((YearRef::Anaphoric(0), j + 1));
        }
        if let Some((offset, anaphoric)) = self.shift_at(j)
            && self.is_year_unit(j + 1)
        {
            let r = if anaphoric {
                YearRef::Anaphoric(offset)
            } else {
                YearRef::Relative(offset)
            };
            return Some((r, j + 2));
        }
        if let Some(Sense::Deictic {
            unit: Unit::Year,
            offset,
            ..
        }) = self.sense(j, |s| {
            matches!(
                s,
                Sense::Deictic {
                    unit: Unit::Year,
                    ..
                }
            )
            .then_some(*s)
        }) {
            return Some((YearRef::Relative(offset), j + 1));
        }
        None
    }

    fn is_year_unit(&self, i: usize) -> bool {
        self.has(i, |s| {
            matches!(
                s,
                Sense::Unit {
                    unit: Unit::Year,
                    kind: UnitKind::Singular
                }
            )
        })
    }

    fn shift_at(&self, i: usize) -> Option<(i32, bool)> {
        self.sense(i, |s| {
            if let Sense::Shift { offset, anaphoric } = s {
                Some((*offset, *anaphoric))
            } else {
                None
            }
        })
    }

    fn unit_at(&self, i: usize) -> Option<(Unit, bool)> {
        self.sense(i, |s| match s {
            Sense::Unit {
                unit,
                kind: UnitKind::Singular,
            } => Some((*unit, false)),
            Sense::Unit {
                unit,
                kind: UnitKind::Plural,
            } => Some((*unit, true)),
            _ => None,
        })
    }

    fn weekday_at(&self, i: usize) -> Option<(u32, Option<DayPart>)> {
        self.sense(i, |s| match s {
            Sense::Weekday {
                weekday,
                abbr: false,
            } => Some((*weekday, None)),
            Sense::WeekdayPart { weekday, part } => Some((*weekday, Some(*part))),
            _ => None,
        })
    }

    fn part_noun(&self, i: usize) -> Option<DayPart> {
        self.sense(i, |s| match s {
            Sense::DayPart {
                part,
                kind: PartKind::Noun,
            } => Some(*part),
            _ => None,
        })
    }

    /// A day part written right after a day or a clock time: `Abend`, `abends`, `früh`,
    /// `am Nachmittag`, `in der Früh`.
    fn part_after(&self, i: usize) -> Option<(DayPart, usize)> {
        let tomorrow = self.toks.get(i).is_some_and(|t| !t.cap)
            && self.has(i, |s| {
                matches!(
                    s,
                    Sense::Deictic {
                        lower_only: true,
                        ..
                    }
                )
            });
        if tomorrow {
            return None;
        }
        if let Some(p) = self.sense(i, |s| match s {
            Sense::DayPart {
                part,
                kind: PartKind::Noun | PartKind::Adverb | PartKind::Early,
            } => Some(*part),
            _ => None,
        }) {
            return Some((p, i + 1));
        }
        let j = if self.is(i, "am") {
            i + 1
        } else if self.is(i, "in") && self.is(i + 1, "der") {
            i + 2
        } else {
            return None;
        };
        self.part_noun(j)
            .or_else(|| {
                self.sense(j, |s| {
                    matches!(
                        s,
                        Sense::DayPart {
                            kind: PartKind::Early,
                            ..
                        }
                    )
                    .then_some(DayPart::Morning)
                })
            })
            .map(|p| (p, j + 1))
    }

    /// An amount: `zwei`, `2`, `2,5`, `zweieinhalb`, `zwei einhalb`, `eine halbe`, `ein paar`, `einige`.
    fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Number {
            if self.dot(i + 1)
                && !self
                    .tok(i + 2)
                    .is_some_and(|n| n.glued && n.kind == Kind::Number)
            {
                return None; // `2.` is an ordinal
            }
            let v = t.text.parse::<f64>().ok()?;
            if let (Some(c), Some(f)) = (self.tok(i + 1), self.tok(i + 2))
                && c.glued
                && c.is_punct(',')
                && f.glued
                && f.kind == Kind::Number
            {
                let frac: f64 = format!("0.{}", f.text).parse().ok()?;
                return Some((Amount::Number(v + frac), i + 3));
            }
            if self
                .tok(i + 1)
                .is_some_and(|n| n.glued && (n.is_punct('.') || n.is_punct(',')))
            {
                return None; // a thousands separator or a decimal that is not ours
            }
            return Some((Amount::Number(v), i + 1));
        }
        if !t.is_word() {
            return None;
        }
        // `ein paar`, `ein halbes`, `eine halbe`
        let fraction = |j: usize| {
            self.sense(j, |s| {
                if let Sense::Fraction(f) = s {
                    Some(*f)
                } else {
                    None
                }
            })
        };
        if let Some(n) = number_sense(t) {
            if self.is(i + 1, "paar") {
                return Some((Amount::Vague, i + 2));
            }
            if n == 1.0
                && let Some(f) = fraction(i + 1)
            {
                return Some((Amount::Number(f), i + 2));
            }
            if self.is(i + 1, "einhalb") {
                return Some((Amount::Number(n + 0.5), i + 2));
            }
            if self.is(i + 1, "ein") && self.is(i + 2, "halb") {
                return Some((Amount::Number(n + 0.5), i + 3));
            }
            return Some((Amount::Number(n), i + 1));
        }
        if let Some(f) = fraction(i) {
            return Some((Amount::Number(f), i + 1)); // `anderthalb`, `(der ersten) halben`
        }
        if t.senses()
            .iter()
            .any(|s| matches!(s, Sense::Number(Amount::Vague)))
        {
            return Some((Amount::Vague, i + 1));
        }
        None
    }

    /// Approximation words in front of an amount: `rund`, `mehr als`, `knapp`.
    fn approx(&self, mut i: usize) -> usize {
        loop {
            if self.has(i, |s| matches!(s, Sense::Approx)) {
                i += 1;
                continue;
            }
            if let Some(n) = self.phrase_modifier(i, |s| matches!(s, Sense::Approx)) {
                i = n;
                continue;
            }
            return i;
        }
    }

    /// A multi-word modifier (`mehr als`, `innerhalb von`) at `i`: the index after it.
    fn phrase_modifier(&self, i: usize, f: impl Fn(&Sense) -> bool) -> Option<usize> {
        let t = self.tok(i)?;
        for p in self.lex.phrases(t.lower()) {
            if let PhraseSense::Modifier(s) = &p.sense
                && f(s)
                && self.phrase_matches(i, &p.words).is_some()
            {
                return Some(i + p.words.len());
            }
        }
        None
    }

    /// `v. Chr.` / `n. Chr.` at `i`: (before Christ, index after).
    fn era_at(&self, i: usize) -> Option<(bool, usize)> {
        let t = self.tok(i)?;
        self.lex
            .phrases(t.lower())
            .iter()
            .find_map(|p| match p.sense {
                PhraseSense::Modifier(Sense::Era(bc)) => self
                    .phrase_matches(i, &p.words)
                    .map(|e| (bc, self.abbreviated(i, e))),
                _ => None,
            })
    }

    /// The end of the phrase `i..end` with its last dot when it is written abbreviated (`v. Chr.`):
    /// a dot inside the phrase makes the dot glued to its last word part of it too.
    fn abbreviated(&self, i: usize, end: usize) -> usize {
        let inner_dot = (i + 1..end).any(|k| self.toks[k].is_punct('.'));
        if inner_dot && self.dot(end) {
            end + 1
        } else {
            end
        }
    }

    /// The token index after the phrase `words` when it stands at `i` (`-` between words is skipped).
    fn phrase_matches(&self, i: usize, words: &[String]) -> Option<usize> {
        let mut j = i;
        for (n, w) in words.iter().enumerate() {
            if n > 0
                && self
                    .tok(j)
                    .is_some_and(|t| t.is_punct('-') || t.is_punct('.'))
            {
                j += 1;
            }
            if !self.tok(j)?.is(w) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// `Montag,`, `Montag, den`, `Mo.,` before a date: the index of the date.
    fn weekday_prefix(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let mut j = t.senses().iter().find_map(|s| match s {
            Sense::Weekday { abbr: false, .. } => Some(i + 1),
            Sense::Weekday { abbr: true, .. } if self.dot(i + 1) => Some(i + 2),
            Sense::Weekday { abbr: true, .. } if self.phrase_mode && self.toks.len() == i + 1 => {
                Some(i + 1)
            }
            _ => None,
        })?;
        if self.tok(j).is_some_and(|t| t.is_punct(',')) {
            j += 1;
        }
        if self.is(j, "den") || self.is(j, "der") {
            j += 1;
        }
        (j > i + 1 || self.phrase_mode).then_some(j)
    }

    // ---- dates -------------------------------------------------------------------------

    /// `10.01.2022`, `10.1.`, `18.07.14`, `am 10.10`, `2018-08-31`.
    fn numeric_date(&mut self, start: usize, i: usize) {
        let Some(t) = self.tok(i) else { return };
        if t.kind != Kind::Number || (i > 0 && t.glued && self.toks[i - 1].is_word()) {
            return;
        }
        // ISO 8601
        if t.digits() == 4 {
            let (Some(y), Some(a), Some(m), Some(b), Some(d)) = (
                t.num(),
                self.tok(i + 1),
                self.tok(i + 2),
                self.tok(i + 3),
                self.tok(i + 4),
            ) else {
                return;
            };
            if a.is_punct('-')
                && b.is_punct('-')
                && a.glued
                && m.glued
                && b.glued
                && d.glued
                && m.digits() <= 2
                && d.digits() <= 2
                && let (Some(m), Some(d)) = (m.num(), d.num())
            {
                self.push_date(
                    start,
                    i,
                    i + 5,
                    date_expr(YearRef::Explicit(y as i32), m, d),
                    "time/date/iso",
                );
            }
            return;
        }
        let (Some(d), Some(m)) = (t.num(), self.tok(i + 2).and_then(|m| m.num())) else {
            return;
        };
        if t.digits() > 2
            || !self.dot(i + 1)
            || !self.tok(i + 2).is_some_and(|m| m.glued && m.digits() <= 2)
        {
            return;
        }
        // `32.01.2022`, `10.13.2022`: impossible, but a date all the same, to be reported
        let full_year = self.dot(i + 3)
            && self
                .tok(i + 4)
                .is_some_and(|y| y.glued && y.kind == Kind::Number && y.digits() >= 4);
        if !((1..=31).contains(&d) && (1..=12).contains(&m) || full_year) {
            return;
        }
        if self.dot(i + 3) {
            if let Some(y) = self
                .tok(i + 4)
                .filter(|y| y.glued && y.kind == Kind::Number)
            {
                let year = match (y.digits(), y.num()) {
                    (4, Some(v)) => YearRef::Explicit(v as i32),
                    (2, Some(v)) => YearRef::TwoDigit(v as i32),
                    (n, _) if n >= 5 => YearRef::Explicit(big_number(y.text)),
                    _ => return,
                };
                self.push_date(start, i, i + 5, date_expr(year, m, d), "time/date/numeric");
                return;
            }
            self.push_date(
                start,
                i,
                i + 4,
                date_expr(YearRef::Open, m, d),
                "time/date/numeric_day_month",
            );
            return;
        }
        // `10.10` without a final dot: a date only after a date preposition
        let clock_follows = self.has(i + 3, |s| matches!(s, Sense::Clock));
        let date_prep = i > 0
            && matches!(
                self.toks[i - 1].lower(),
                "am" | "vom" | "bis" | "zum" | "den" | "dem" | "ab"
            );
        if !clock_follows
            && (date_prep || (self.phrase_mode && !(i > 0 && self.toks[i - 1].is("um"))))
        {
            self.push_date(
                start,
                i,
                i + 3,
                date_expr(YearRef::Open, m, d),
                "time/date/numeric_day_month",
            );
        }
    }

    /// `10. Januar`, `10. Januar 2022`, `Montag, 10. Januar`, `15. März kommenden Jahres`,
    /// `vierten Dezember`; in phrase mode also `märz 3`, `April 14, 2015`.
    fn day_month(&mut self, start: usize, i: usize) {
        // `0. März`, `32. Januar`: a day no month has, read as a date so that it is reported
        if let Some(d) = self
            .tok(i)
            .filter(|t| t.digits() <= 2 && self.dot(i + 1))
            .and_then(|t| t.num())
            .filter(|d| !(1..=31).contains(d))
            && let Some((m, k)) = self.month_at(i + 2)
        {
            let (year, end) = self
                .year_ref(k)
                .or_else(|| self.impossible_year(k))
                .unwrap_or((YearRef::Open, k));
            self.push_date(start, i, end, date_expr(year, m, d), "time/date/day_month");
            return;
        }
        if let Some((d, j)) = self.day(i) {
            let Some((m, k)) = self.month_at(j) else {
                return;
            };
            let two_digit = self
                .tok(k)
                .filter(|y| self.phrase_mode && y.digits() == 2 && self.toks.len() == k + 1)
                .and_then(|y| y.num())
                .map(|y| (YearRef::TwoDigit(y as i32), k + 1)); // `14te April 15`
            let (year, end) = self
                .year_ref(k)
                .or(two_digit)
                .or_else(|| self.impossible_year(k))
                .unwrap_or((YearRef::Open, k));
            self.push_date(start, i, end, date_expr(year, m, d), "time/date/day_month");
            return;
        }
        if !self.phrase_mode {
            return;
        }
        let Some((m, j)) = self.month_at(i) else {
            return;
        };
        let Some(d) = self
            .tok(j)
            .and_then(|t| t.num())
            .filter(|d| (1..=31).contains(d) && self.toks[j].digits() <= 2)
        else {
            return;
        };
        let mut k = j + 1;
        if self.tok(k).is_some_and(|t| t.is_punct(',')) {
            k += 1;
        }
        let (year, end) = match self.year_at(k) {
            Some((y, e)) => (YearRef::Explicit(y), e),
            None => (YearRef::Open, j + 1),
        };
        self.push_date(start, i, end, date_expr(year, m, d), "time/date/month_day");
    }

    /// The first day of `9. und 10. März`, `vom 5. bis 17. Dezember`: completed later from the
    /// date that follows.
    fn day_in_range(&mut self, i: usize) {
        let Some((d, j)) = self.day(i) else { return };
        if self.month_at(j).is_some() || !self.dot(j - 1) {
            return;
        }
        // walk a list of days (`3., 4., 5. und 7. Oktober`) up to the one with its month
        let mut k = j;
        for _ in 0..8 {
            let from = k;
            while self.tok(k).is_some_and(is_connector) && k < from + 3 {
                k += 1;
            }
            if k == from {
                return;
            }
            let Some((_, e)) = self.day(k) else { return };
            if self.month_at(e).is_some() {
                let expr = Expr::Date {
                    year: YearRef::Open,
                    month: None,
                    day: Some(d),
                };
                return self.push(i, j, expr, "time/date/day_in_range");
            }
            if !self.dot(e - 1) {
                return;
            }
            k = e;
        }
    }

    /// `am 24.` without a month: the month the text speaks of (lowest priority, so that any
    /// longer reading wins).
    fn day_only(&mut self, i: usize) {
        if i == 0 || !matches!(self.toks[i - 1].lower(), "am" | "zum" | "vom") {
            return;
        }
        let Some((d, j)) = self.day(i) else { return };
        let suffixed = j == i + 2 && self.toks[i + 1].is_word(); // `15ten`
        if !(self.dot(j - 1) || suffixed) || self.month_at(j).is_some() {
            return;
        }
        if self
            .tok(j)
            .is_some_and(|n| n.kind == Kind::Number || (n.is_word() && n.cap) || is_connector(n))
        {
            return;
        }
        self.push_p(i, j, Expr::DayOnly(d), "time/date/day_only", 0);
    }

    /// `dritter Dienstag im September 2014`, `letzter Sonntag im März`, `erste Woche im Oktober`,
    /// `letzter Tag im Oktober`.
    fn nth_of_month(&mut self, i: usize) {
        let n = match self.sense(i, |s| match s {
            Sense::Ordinal(n) => Some(*n as i32),
            Sense::Shift {
                offset: -1,
                anaphoric: false,
            } => Some(-1),
            _ => None,
        }) {
            Some(n) => n,
            None => return,
        };
        let what = if let Some((weekday, None)) = self.weekday_at(i + 1) {
            NthOf::Weekday(weekday)
        } else {
            match self.unit_at(i + 1) {
                Some((Unit::Day, false)) => NthOf::Day,
                Some((Unit::Week, false)) => NthOf::Week,
                _ => return,
            }
        };
        if !(self.is(i + 2, "im") || self.is(i + 2, "des")) {
            return;
        }
        let Some((month, k)) = self.month_at(i + 3) else {
            return;
        };
        let (year, end) = self.year_ref(k).unwrap_or((YearRef::Open, k));
        let start = self.with_article(i);
        self.push(
            start,
            end,
            Expr::NthOfMonth {
                n,
                what,
                month,
                year,
            },
            "time/date/nth_of_month",
        );
    }

    /// `Januar`, `im Juni`, `Januar 2022`, `Anfang März`, `Mitte April 2015`, `Juni vorigen Jahres`.
    fn month(&mut self, i: usize) {
        let part = self.has(i, |s| matches!(s, Sense::Part(_)));
        let j = if part { i + 1 } else { i };
        let compound = self.sense(j, |s| {
            if let Sense::MonthCompound(m) = s {
                Some(*m)
            } else {
                None
            }
        });
        let Some((m, k)) = self.month_at(j).or(compound.map(|m| (m, j + 1))) else {
            return;
        };
        let year = self.year_ref(k);
        if !part && year.is_none() && !self.month_alone_is_date(j) {
            return;
        }
        let (year, end) = year.unwrap_or((YearRef::Open, k));
        let start = if part { i } else { self.with_article(i) };
        self.push(
            start,
            end,
            Expr::Date {
                year,
                month: Some(m),
                day: None,
            },
            "time/date/month",
        );
    }

    /// A month name on its own is a date unless it reads as a name (`August Bebel`, `Karl Mai`).
    fn month_alone_is_date(&self, i: usize) -> bool {
        // `Mai/Juni 1940`, `Juni und Juli`: coordinated with another month
        let sep = self
            .tok(i + 1)
            .is_some_and(|n| n.is_punct('/') || n.is("und") || n.is("bis"));
        if sep
            && self
                .tok(i + 2)
                .is_some_and(|n| n.senses().iter().any(|s| matches!(s, Sense::Month { .. })))
        {
            return true;
        }
        let t = &self.toks[i];
        if t.senses()
            .iter()
            .any(|s| matches!(s, Sense::Month { abbr: true, .. }))
            && !self.dot(i + 1)
        {
            return false;
        }
        if i > 0
            && (self.after_prep(i)
                || self.has(i - 1, |s| matches!(s, Sense::Article | Sense::Shift { .. })))
        {
            return true;
        }
        !self.looks_like_name(i)
    }

    /// A capitalised word between capitalised words that mean nothing to the lexicon: part of a
    /// name (`Theo Sommer`, `August Bebel`).
    fn looks_like_name(&self, i: usize) -> bool {
        let unknown_cap = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.is_word() && t.cap && t.senses().is_empty())
        };
        (i > 0 && unknown_cap(i - 1)) || unknown_cap(i + 1)
    }

    /// `nächsten März`, `vergangenen Juni`.
    fn month_shift(&mut self, i: usize) {
        let Some((shift, false)) = self.shift_at(i) else {
            return;
        };
        let Some((m, k)) = self.month_at(i + 1) else {
            return;
        };
        if self.year_ref(k).is_some() {
            return;
        }
        self.push(
            i,
            k,
            Expr::MonthShift { month: m, shift },
            "time/date/month_shift",
        );
    }

    /// `2019`, `im Jahr 1989` (extent `Jahr 1989`), `Anfang 2007`, `1940/41`.
    fn year(&mut self, i: usize) {
        if self.is_year_unit(i) {
            if let Some((y, k)) = self.year_at(i + 1) {
                self.push(
                    i,
                    k,
                    Expr::Date {
                        year: YearRef::Explicit(y),
                        month: None,
                        day: None,
                    },
                    "time/date/year_noun",
                );
            }
            return;
        }
        if self.has(i, |s| matches!(s, Sense::Part(_))) {
            let j = if self.is(i + 1, "des") && self.is_year_unit(i + 2) {
                i + 3
            } else {
                i + 1
            };
            if let Some((y, k)) = self.year_at(j) {
                self.push(
                    i,
                    k,
                    Expr::Date {
                        year: YearRef::Explicit(y),
                        month: None,
                        day: None,
                    },
                    "time/date/year_part",
                );
            }
            return;
        }
        if let Some((y, k)) = self.era_year(i) {
            let start = if i > 0 && self.is_year_unit(i - 1) {
                i - 1
            } else {
                i
            };
            let expr = Expr::Date {
                year: YearRef::Explicit(y),
                month: None,
                day: None,
            };
            return self.push(start, k, expr, "time/date/era_year");
        }
        // `1870/71`: the second year of a span written with two digits
        if i >= 2
            && self.toks[i].digits() == 2
            && self.toks[i].glued
            && self.toks[i - 1].is_punct('/')
        {
            if let (Some(first), Some(second)) = (
                self.tok(i - 2)
                    .filter(|f| f.digits() == 4)
                    .and_then(|f| f.num()),
                self.toks[i].num(),
            ) {
                let y = (first / 100 * 100 + second) as i32;
                let y = if y < first as i32 { y + 100 } else { y };
                if y != first as i32 + 1 {
                    return; // `2010/15` is a term of office, `0045/75` a telephone number
                }
                let expr = Expr::Date {
                    year: YearRef::Explicit(y),
                    month: None,
                    day: None,
                };
                self.push(i, i + 1, expr, "time/date/year_span_end");
                if let Some(c) = self.out.last_mut() {
                    c.anchor = false;
                }
            }
            return;
        }
        let Some((y, k)) = self.year_at(i) else {
            return;
        };
        if self.year_alone_is_date(i) {
            self.push(
                i,
                k,
                Expr::Date {
                    year: YearRef::Explicit(y),
                    month: None,
                    day: None,
                },
                "time/date/year",
            );
            // a year in passing: `der Krieg 1870/71`, `von 1856`, `bis 1915`; not a heading
            // such as `Westfront 1939` on a line of its own
            let heading = self.tok(k).is_none_or(|n| n.newline_before);
            let prev = i.checked_sub(1).and_then(|p| self.tok(p));
            let passing = prev.is_some_and(|p| {
                matches!(
                    p.lower(),
                    "von" | "seit" | "bis" | "nach" | "vor" | "ab" | "/" | "-" | "–"
                ) || (p.is_word() && p.cap && p.senses().is_empty() && i > 1 && !heading)
            }) || self
                .tok(k)
                .is_some_and(|n| n.is_punct('/') || n.is_punct('-') || n.is_punct('–'));
            if passing && let Some(c) = self.out.last_mut() {
                c.anchor = false;
            }
        }
    }

    /// A year with its era: `490 v. Chr.`, `9 n. Chr.`, `478/477 v. Chr.` (the first of the two).
    fn era_year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        let y = t.num().filter(|y| t.digits() <= 4 && *y > 0)? as i32;
        if i > 0 && t.glued && self.toks[i - 1].is_word() {
            return None;
        }
        if let Some((bc, e)) = self.era_at(i + 1) {
            return Some((if bc { -y } else { y }, e));
        }
        // `478/477 v. Chr.`
        if self.tok(i + 1).is_some_and(|s| s.is_punct('/') && s.glued)
            && let Some((true, _)) = self
                .tok(i + 2)
                .filter(|n| n.kind == Kind::Number)
                .and_then(|_| self.era_at(i + 3))
        {
            return Some((-y, i + 1));
        }
        None
    }

    /// A four-digit number on its own is a year unless it counts something (`2000 Menschen`,
    /// `rund 1500`) or names something (`Resolution 2334`, `G20`).
    fn year_alone_is_date(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        let next = self.tok(i + 1);
        if let Some(p) = prev {
            if t.glued {
                // `1939-1945`, `1940/41`, `(1898-1976)` are years; `A2000`, `1.2000` are not
                let range = (p.is_punct('-') || p.is_punct('–') || p.is_punct('/'))
                    && i >= 2
                    && self.toks[i - 2].digits() == 4;
                if !(range || p.is_punct('(')) {
                    return false;
                }
            }
            if p.kind == Kind::Number
                || p.senses()
                    .iter()
                    .any(|s| matches!(s, Sense::Approx | Sense::NumberNoun | Sense::Each))
            {
                return false;
            }
        }
        let signal = prev.is_some_and(|p| {
            p.senses().iter().any(|s| {
                matches!(
                    s,
                    Sense::Prep { .. }
                        | Sense::Part(_)
                        | Sense::Month { .. }
                        | Sense::Season(_)
                        | Sense::Since
                        | Sense::Holiday(_)
                )
            })
        });
        let range_connector =
            prev.is_some_and(|p| matches!(p.lower(), "bis" | "und" | "oder" | "-" | "–"));
        let Some(n) = next else { return true };
        if n.senses()
            .iter()
            .any(|s| matches!(s, Sense::Clock | Sense::Unit { .. }))
            || n.is_punct('%')
        {
            return false;
        }
        let noun = |x: &Token| {
            x.is_word()
                && x.cap
                && !x.newline_before
                && !x
                    .senses()
                    .iter()
                    .any(|s| matches!(s, Sense::Month { .. } | Sense::Prep { .. } | Sense::Article))
        };
        // a noun after the number: a count (`2000 Menschen`, `von 1450 bis 1850 Mark`)
        if noun(n) && (!signal || range_connector) {
            return false;
        }
        // the first of a range of counts: `2000 bis 3000 Grad`
        if matches!(n.lower(), "bis" | "und" | "oder" | "-" | "–")
            && self.tok(i + 2).is_some_and(|m| m.kind == Kind::Number)
            && self.tok(i + 3).is_some_and(noun)
        {
            return false;
        }
        true
    }

    /// `1990er Jahre`, `1990er-Jahren`, `den 60er Jahren`, `Anfang der 1990er Jahre`.
    fn decade_number(&mut self, i: usize) {
        let Some(t) = self.tok(i) else { return };
        let Some(n) = t.num() else { return };
        if !(t.digits() == 4 || t.digits() == 2)
            || n % 10 != 0
            || (i > 0 && t.glued && self.toks[i - 1].is_word())
        {
            return;
        }
        if !self.tok(i + 1).is_some_and(|e| {
            e.glued && (e.is("er") || e.is("ern") || e.is("erjahre") || e.is("erjahren"))
        }) {
            return;
        }
        let decade = if t.digits() == 4 {
            n as i32 / 10
        } else {
            190 + n as i32 / 10
        };
        let mut end = i + 2;
        if self.tok(end).is_some_and(|d| d.is_punct('-'))
            && self.has(end + 1, |s| {
                matches!(
                    s,
                    Sense::Unit {
                        unit: Unit::Year,
                        ..
                    }
                )
            })
        {
            end += 2;
        } else if self.has(end, |s| {
            matches!(
                s,
                Sense::Unit {
                    unit: Unit::Year,
                    kind: UnitKind::Plural
                }
            )
        }) {
            end += 1;
        }
        let start = self.decade_start(i);
        self.push(start, end, Expr::Decade(decade), "time/date/decade");
    }

    /// `neunziger Jahre`, `Neunzigerjahren`.
    fn decade_word(&mut self, i: usize) {
        let Some((tens, with_years)) = self.sense(i, |s| {
            if let Sense::Decade { tens, with_years } = s {
                Some((*tens, *with_years))
            } else {
                None
            }
        }) else {
            return;
        };
        let end = if !with_years
            && self.has(i + 1, |s| {
                matches!(
                    s,
                    Sense::Unit {
                        unit: Unit::Year,
                        kind: UnitKind::Plural
                    }
                )
            }) {
            i + 2
        } else if with_years {
            i + 1
        } else {
            return;
        };
        let start = self.decade_start(i);
        self.push(
            start,
            end,
            Expr::Decade(190 + tens as i32),
            "time/date/decade_word",
        );
    }

    /// `den 60er Jahren`, `Anfang der 1990er Jahre`: where a decade's extent begins.
    fn decade_start(&self, i: usize) -> usize {
        let a = self.with_article(i);
        if a < i && a > 0 && self.has(a - 1, |s| matches!(s, Sense::Part(_))) {
            a - 1
        } else {
            a
        }
    }

    /// `des 21. Jahrhunderts` (TIMEX2 `20`), `das dritte Jahrtausend` (`2`).
    fn century(&mut self, i: usize) {
        let Some((n, j)) = self.day(i).or_else(|| {
            self.sense(i, |s| {
                if let Sense::Ordinal(n) = s {
                    Some((*n, i + 1))
                } else {
                    None
                }
            })
        }) else {
            return;
        };
        let Some((unit, false)) = self.unit_at(j) else {
            return;
        };
        // `Jh.`, and the era: `8. Jh. v. Chr.`
        let mut end = if self.dot(j + 1) { j + 2 } else { j + 1 };
        let bc = match self.era_at(end) {
            Some((bc, e)) => {
                end = e;
                bc
            }
            None => false,
        };
        let n = n as i32 - 1;
        let expr = match unit {
            Unit::Century => Expr::Century(if bc { -n } else { n }),
            Unit::Millennium => Expr::Millennium(if bc { -n } else { n }),
            _ => return,
        };
        let start = self.with_article(i);
        self.push(start, end, expr, "time/date/century");
    }

    // ---- days and weekdays ----------------------------------------------------------------

    /// `Dienstag`, `am kommenden Montag`, `Montagabend`, `Montag Abend`, `Sonntag der letzten
    /// Woche`, `Mittwoch nächster Woche`, `Mittwoch in zwei Wochen`, `Freitag nach dem nächsten`.
    fn weekday(&mut self, i: usize) {
        let shifted = self.shift_at(i).filter(|(_, anaphoric)| !anaphoric);
        let j = if shifted.is_some() { i + 1 } else { i };
        let Some(t) = self.tok(j) else { return };
        let abbr = t.senses().iter().find_map(|s| {
            if let Sense::Weekday {
                weekday,
                abbr: true,
            } = s
            {
                Some(*weekday)
            } else {
                None
            }
        });
        let (weekday, mut part) = match (self.weekday_at(j), abbr) {
            (Some(w), _) => w,
            // `do.`, `sa` on their own (a lone `so` in running text is an adverb)
            (None, Some(w))
                if self.phrase_mode
                    && shifted.is_none()
                    && self.toks.len() <= j + 2
                    && (self.toks.len() == j + 1 || self.dot(j + 1)) =>
            {
                (w, None)
            }
            _ => return,
        };
        let mut end = if abbr.is_some() && self.dot(j + 1) {
            j + 2
        } else {
            j + 1
        };
        if part.is_none()
            && let Some((p, e)) = self
                .part_after(end)
                .filter(|_| !self.is(end, "am") || self.phrase_mode)
        {
            // `Mittwoch vormittags` with neither article nor preposition: every Wednesday
            if shifted.is_none() && self.part_adverb(end).is_some() && !self.introduced(i) {
                let expr = Expr::Set(SetValue::Weekday {
                    weekday,
                    part: Some(p),
                });
                self.push(i, e, expr, "time/set/weekday_part_adverb");
                return;
            }
            part = Some(p);
            end = e;
        }
        let shift = match shifted {
            Some((0, _)) | None => Shift::Tense,
            Some((o, _)) => Shift::By(o),
        };
        let mut expr = Expr::Weekday { weekday, shift };
        let mut rule = "time/date/weekday";
        if shifted.is_none() {
            if let Some((weeks, e)) = self.week_qualifier(end) {
                expr = Expr::WeekdayInWeek { weekday, weeks };
                end = e;
                rule = "time/date/weekday_of_week";
            } else if self.is(end, "nach")
                && self.is(end + 1, "dem")
                && self.shift_at(end + 2) == Some((1, false))
            {
                expr = Expr::Weekday {
                    weekday,
                    shift: Shift::By(2),
                };
                end += 3;
            }
        }
        if let Some(p) = part {
            expr = Expr::Part {
                base: Box::new(expr),
                part: p,
            };
            rule = "time/time/weekday_part";
        }
        let start = if shifted.is_some() {
            i
        } else {
            self.with_article(i)
        };
        self.push(start, end, expr, rule);
    }

    /// `der letzten Woche`, `nächste Woche`, `dieser Woche`, `in 2 Wochen`, `vor zwei Wochen`
    /// after a weekday: the week's distance from the current one.
    fn week_qualifier(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.has(i, |s| matches!(s, Sense::Article)) {
            i + 1
        } else {
            i
        };
        if let Some((offset, false)) = self.shift_at(j)
            && self.has(j + 1, |s| {
                matches!(
                    s,
                    Sense::Unit {
                        unit: Unit::Week,
                        kind: UnitKind::Singular
                    }
                )
            })
        {
            return Some((offset, j + 2));
        }
        let sign = if self.has(i, |s| matches!(s, Sense::Ahead)) {
            1
        } else if self.has(i, |s| matches!(s, Sense::Ago)) {
            -1
        } else {
            return None;
        };
        let (Amount::Number(n), k) = self.amount(i + 1)? else {
            return None;
        };
        self.has(k, |s| {
            matches!(
                s,
                Sense::Unit {
                    unit: Unit::Week,
                    ..
                }
            )
        })
        .then_some((sign * n as i32, k + 1))
    }

    /// `heute`, `gestern`, `morgen`, `übermorgen`, `gestern Abend`, `morgen früh`, `Vorjahr`,
    /// `gestrigen`.
    fn deictic(&mut self, i: usize) {
        let Some(Sense::Deictic {
            unit,
            offset,
            anchor,
            lower_only,
        }) = self.sense(i, |s| matches!(s, Sense::Deictic { .. }).then_some(*s))
        else {
            return;
        };
        let t = &self.toks[i];
        if lower_only {
            // `morgen` is tomorrow, `am Morgen` a part of the day
            let after_article = i > 0
                && self.has(i - 1, |s| {
                    matches!(
                        s,
                        Sense::Article
                            | Sense::Prep { fused: true }
                            | Sense::Shift { .. }
                            | Sense::PartAdjective
                            | Sense::Each
                            | Sense::Deictic { .. }
                    )
                });
            let sentence_start =
                i == 0 || self.toks[i - 1].is_punct('"') || self.toks[i - 1].is_punct('„');
            if after_article || (t.cap && !sentence_start) {
                return;
            }
            if t.cap
                && self
                    .tok(i + 1)
                    .is_some_and(|n| n.is_word() && n.cap && self.part_noun(i + 1).is_none())
            {
                return;
            }
        }
        let base = Expr::Relative {
            unit,
            offset,
            anchor,
        };
        let start = if unit == Unit::Day {
            i
        } else {
            self.with_article(i)
        };
        if unit == Unit::Day
            && let Some((p, e)) = self
                .part_after(i + 1)
                .filter(|_| !self.is(i + 1, "am") || self.phrase_mode)
        {
            self.push(
                start,
                e,
                Expr::Part {
                    base: Box::new(base.clone()),
                    part: p,
                },
                "time/time/deictic_part",
            );
        }
        self.push(start, i + 1, base, "time/date/deictic");
    }

    /// `der vergangenen Woche`, `nächstes Jahr`, `am nächsten Tag`, `am selben Abend`,
    /// `den vergangenen Jahren` (PXY), `der letzten zehn Jahre` (P10Y), `am Wochenende`.
    fn relative(&mut self, i: usize) {
        if let Some((offset, anaphoric)) = self.shift_at(i) {
            let start = if self.has(i, |s| {
                matches!(
                    s,
                    Sense::Shift {
                        offset: 0,
                        anaphoric: false
                    }
                )
            }) {
                i
            } else {
                self.with_article(i)
            };
            if let Some((unit, plural)) = self.unit_at(i + 1) {
                if plural {
                    let amount = if offset == 0 && !anaphoric {
                        None
                    } else {
                        Some(Amount::Vague)
                    };
                    if let Some(amount) = amount {
                        self.push(
                            start,
                            i + 2,
                            Expr::Duration { amount, unit },
                            "time/duration/shift_plural",
                        );
                    }
                    return;
                }
                let anchor = if anaphoric || unit == Unit::Day {
                    AnchorKind::Text
                } else {
                    AnchorKind::Now
                };
                let expr = match unit {
                    Unit::Quarter if !anaphoric => Expr::QuarterShift { shift: offset },
                    _ => Expr::Relative {
                        unit,
                        offset,
                        anchor,
                    },
                };
                self.push(start, i + 2, expr, "time/date/shift_unit");
                return;
            }
            if let Some((amount @ Amount::Number(_), k)) = self.amount(i + 1) {
                if let Some((unit, true)) = self.unit_at(k) {
                    self.push(
                        start,
                        k + 1,
                        Expr::Duration { amount, unit },
                        "time/duration/shift_amount",
                    );
                }
                return;
            }
            if let Some(part) = self.part_noun(i + 1) {
                let expr = if offset == 0 {
                    if anaphoric {
                        Expr::Part {
                            base: Box::new(Expr::Relative {
                                unit: Unit::Day,
                                offset: 0,
                                anchor: AnchorKind::Text,
                            }),
                            part,
                        }
                    } else {
                        Expr::LoosePart { part }
                    }
                } else {
                    Expr::Part {
                        base: Box::new(Expr::Relative {
                            unit: Unit::Day,
                            offset,
                            anchor: AnchorKind::Text,
                        }),
                        part,
                    }
                };
                self.push(start, i + 2, expr, "time/time/shift_part");
            }
            return;
        }
        // `am Wochenende`, `übers Wochenende`
        if self.has(i, |s| {
            matches!(
                s,
                Sense::Unit {
                    unit: Unit::Weekend,
                    kind: UnitKind::Singular
                }
            )
        }) && i > 0
        {
            let prev = &self.toks[i - 1];
            if prev
                .senses()
                .iter()
                .any(|s| matches!(s, Sense::Prep { fused: true }))
                || prev.is("übers")
                || prev.is("dem")
                || prev.is("das")
            {
                let start = self.with_article(i);
                self.push(
                    start,
                    i + 1,
                    Expr::TenseUnit {
                        unit: Unit::Weekend,
                    },
                    "time/date/weekend",
                );
            }
        }
    }

    /// `Ende des Jahres`, `Anfang nächsten Jahres`, `Mitte der Woche`, `Jahresende`.
    fn part_of(&mut self, i: usize) {
        if let Some((unit, _)) = self.sense(i, |s| {
            if let Sense::UnitPart { unit, part } = s {
                Some((*unit, *part))
            } else {
                None
            }
        }) {
            if let Some((y, k)) = self.year_at(i + 1).filter(|_| unit == Unit::Year) {
                self.push(
                    i,
                    k,
                    Expr::Date {
                        year: YearRef::Explicit(y),
                        month: None,
                        day: None,
                    },
                    "time/date/unit_part",
                );
            } else {
                self.push(
                    self.with_article(i),
                    i + 1,
                    Expr::Relative {
                        unit,
                        offset: 0,
                        anchor: AnchorKind::Now,
                    },
                    "time/date/unit_part",
                );
            }
            return;
        }
        if !self.has(i, |s| matches!(s, Sense::Part(_))) {
            return;
        }
        let mut j = i + 1;
        let article = matches!(
            self.tok(j).map(|t| t.lower()),
            Some("des" | "der" | "dieses" | "dieser")
        );
        let (mut offset, mut anchor) = (0, AnchorKind::Text);
        // a shift right after the word, or after its article (`Ende des kommenden Monats`)
        if article && self.shift_at(j).is_none() {
            j += 1;
        }
        if let Some((o, anaphoric)) = self.shift_at(j) {
            offset = o;
            anchor = if anaphoric {
                AnchorKind::Text
            } else {
                AnchorKind::Now
            };
            j += 1;
        }
        let Some((unit, false)) = self.unit_at(j) else {
            return;
        };
        if !matches!(
            unit,
            Unit::Year | Unit::Month | Unit::Week | Unit::Quarter | Unit::Decade | Unit::Century
        ) {
            return;
        }
        if unit == Unit::Year
            && let Some((y, k)) = self.year_at(j + 1)
        {
            self.push(
                i,
                k,
                Expr::Date {
                    year: YearRef::Explicit(y),
                    month: None,
                    day: None,
                },
                "time/date/part_of_year",
            );
            return;
        }
        if unit == Unit::Century || unit == Unit::Decade {
            return;
        }
        self.push(
            i,
            j + 1,
            Expr::Relative {
                unit,
                offset,
                anchor,
            },
            "time/date/part_of",
        );
    }

    /// `im Frühjahr`, `das Frühjahr`, `Sommer 1941`, `Herbst des Jahres 1972`, `diesem Sommer`.
    fn season(&mut self, i: usize) {
        let shift = self.shift_at(i);
        let part = self.has(i, |s| matches!(s, Sense::Part(_)));
        let j = if shift.is_some() || part { i + 1 } else { i };
        let Some(season) = self.sense(j, |s| {
            if let Sense::Season(x) = s {
                Some(*x)
            } else {
                None
            }
        }) else {
            return;
        };
        let (year, end) = match self.year_ref(j + 1) {
            Some((y, e)) => (y, e),
            None => (YearRef::Open, j + 1),
        };
        let shift = match shift {
            Some((o, false)) if o != 0 || year == YearRef::Open => {
                if o == 0 {
                    Shift::By(0)
                } else {
                    Shift::By(o)
                }
            }
            Some((o, true)) => {
                return self.push(
                    i,
                    end,
                    Expr::Season {
                        season,
                        year: YearRef::Anaphoric(o),
                        shift: Shift::Tense,
                    },
                    "time/date/season",
                );
            }
            _ => Shift::Tense,
        };
        if year == YearRef::Open
            && shift == Shift::Tense
            && !part
            && self.looks_like_name(j)
            && !self.after_prep(j)
            && !(j > 0 && self.has(j - 1, |s| matches!(s, Sense::Article)))
        {
            return; // `Theo Sommer`
        }
        let start = if shift != Shift::Tense || part {
            i
        } else {
            self.with_article(i)
        };
        self.push(
            start,
            end,
            Expr::Season {
                season,
                year,
                shift,
            },
            "time/date/season",
        );
    }

    /// `drittes Quartal 2018`, `im dritten Quartal`, `4tes quartal`, `zweiten Jahreshälfte`.
    fn quarter(&mut self, i: usize) {
        let (n, j) = if let Some((n, j)) = self.day(i) {
            (n, j)
        } else if let Some(n) = self.sense(i, |s| {
            if let Sense::Ordinal(n) = s {
                Some(*n)
            } else {
                None
            }
        }) {
            (n, i + 1)
        } else {
            return;
        };
        let Some((unit, false)) = self.unit_at(j) else {
            return;
        };
        let (year, end) = self.year_ref(j + 1).unwrap_or((YearRef::Open, j + 1));
        let ordinal_word = j == i + 1 && self.toks[i].is_word();
        let article = i > 0 && self.has(i - 1, |s| matches!(s, Sense::Article));
        let expr = match unit {
            Unit::Quarter if (1..=4).contains(&n) => Expr::Quarter { quarter: n, year },
            Unit::HalfYear if (1..=2).contains(&n) => Expr::Half { half: n, year },
            // `in der ersten Woche` (of the month the text speaks of)
            Unit::Week
                if ordinal_word && article && (1..=5).contains(&n) && year == YearRef::Open =>
            {
                Expr::NthWeek(n)
            }
            _ => return,
        };
        let start = self.with_article(i);
        self.push(start, end, expr, "time/date/quarter");
    }

    /// `vor zwei Wochen` (extent with `vor`), `in drei Tagen` (without `in`), `vor wenigen Tagen`
    /// (PAST_REF).
    fn ago(&mut self, i: usize) {
        let sign = if self.has(i, |s| matches!(s, Sense::Ago)) {
            -1
        } else if self.has(i, |s| matches!(s, Sense::Ahead)) {
            1
        } else {
            return;
        };
        let j = self.approx(i + 1);
        let Some((amount, k)) = self.amount(j) else {
            return;
        };
        let Some((unit, _)) = self.unit_at(k) else {
            return;
        };
        let start = if sign < 0 { i } else { i + 1 };
        let expr = match amount {
            Amount::Vague if sign < 0 => Expr::Ref(super::expr::RefValue::Past),
            Amount::Vague => Expr::Ref(super::expr::RefValue::Future),
            Amount::Number(_) => Expr::Offset {
                amount,
                unit,
                sign,
                anchor: AnchorKind::Now,
            },
        };
        self.push(start, k + 1, expr, "time/date/ago");
    }

    /// `zwei Tage später`, `drei Jahre zuvor`, `Tags darauf`, `am Tag zuvor`, `am Morgen darauf`.
    fn after(&mut self, i: usize) {
        if let Some((unit, _)) = self.unit_at(i) {
            if let Some(sign) = self.sense(i + 1, |s| {
                if let Sense::After(x) = s {
                    Some(*x)
                } else {
                    None
                }
            }) {
                // `Tags darauf`, `im Jahr darauf`, `die Woche darauf`
                if !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                    let expr = Expr::Offset {
                        amount: Amount::Number(1.0),
                        unit,
                        sign,
                        anchor: AnchorKind::Text,
                    };
                    self.push(self.with_article(i), i + 2, expr, "time/date/unit_after");
                }
            }
            return;
        }
        if let Some(part) = self.part_noun(i) {
            if let Some(sign) = self.sense(i + 1, |s| {
                if let Sense::After(x) = s {
                    Some(*x)
                } else {
                    None
                }
            }) {
                let base = Expr::Offset {
                    amount: Amount::Number(1.0),
                    unit: Unit::Day,
                    sign,
                    anchor: AnchorKind::Text,
                };
                self.push(
                    self.with_article(i),
                    i + 2,
                    Expr::Part {
                        base: Box::new(base),
                        part,
                    },
                    "time/time/part_after",
                );
            }
            return;
        }
        let j = self.approx(i);
        let Some((amount @ Amount::Number(_), k)) = self.amount(j) else {
            return;
        };
        let Some((unit, _)) = self.unit_at(k) else {
            return;
        };
        let Some(sign) = self.sense(k + 1, |s| {
            if let Sense::After(x) = s {
                Some(*x)
            } else {
                None
            }
        }) else {
            return;
        };
        self.push(
            i,
            k + 2,
            Expr::Offset {
                amount,
                unit,
                sign,
                anchor: AnchorKind::Text,
            },
            "time/date/amount_after",
        );
    }

    // ---- durations and sets ---------------------------------------------------------------

    /// `zwei Jahre`, `seit zweieinhalb Jahren`, `rund 200 Stunden`, `seit Wochen` (PXW),
    /// `15-minütigen`, `zweitägige`, `stundenlangen`, `eine halbe Stunde`.
    fn duration(&mut self, i: usize) {
        let t = &self.toks[i];
        // adjectives: `zweitägige`, `stundenlangen`
        for s in t.senses() {
            match *s {
                Sense::UnitAdjective { amount, unit } => {
                    let start = self.approx_start(i);
                    self.push(
                        start,
                        i + 1,
                        Expr::Duration { amount, unit },
                        "time/duration/adjective",
                    );
                }
                Sense::Unit {
                    unit,
                    kind: UnitKind::Long,
                } => {
                    self.push(
                        i,
                        i + 1,
                        Expr::Duration {
                            amount: Amount::Vague,
                            unit,
                        },
                        "time/duration/long",
                    );
                }
                _ => {}
            }
        }
        // `seit Wochen`, `über Jahre`
        if self.has(i, |s| matches!(s, Sense::Since | Sense::Approx))
            && let Some((unit, true)) = self.unit_at(i + 1)
        {
            let start = if self.has(i, |s| matches!(s, Sense::Since)) {
                i + 1
            } else {
                i
            };
            self.push(
                start,
                i + 2,
                Expr::Duration {
                    amount: Amount::Vague,
                    unit,
                },
                "time/duration/since_plural",
            );
        }
        if i > 0 && self.has(i - 1, |s| matches!(s, Sense::Approx)) && self.amount(i).is_some() {
            return; // the approximation starts the extent
        }
        let j = self.approx(i);
        let Some((amount, k)) = self.amount(j) else {
            return;
        };
        // `15-minütigen`, `35-Stunden-Woche`
        if self.tok(k).is_some_and(|d| d.is_punct('-') && d.glued) {
            if let Some(next) = self.tok(k + 1).filter(|n| n.glued) {
                for s in next.senses() {
                    match *s {
                        Sense::UnitAdjective { unit, .. }
                        | Sense::Unit {
                            unit,
                            kind: UnitKind::Singular | UnitKind::Plural,
                        } => {
                            return self.push(
                                i,
                                k + 2,
                                Expr::Duration { amount, unit },
                                "time/duration/hyphen",
                            );
                        }
                        _ => {}
                    }
                }
                if let Some(stem_unit) = self.unit_adjective_stem(next.lower()) {
                    return self.push(
                        i,
                        k + 2,
                        Expr::Duration {
                            amount,
                            unit: stem_unit,
                        },
                        "time/duration/hyphen",
                    );
                }
            }
            return;
        }
        // `drei aufeinanderfolgenden Wochen`, `120 zusätzliche Stunden`: one adjective between
        let adjective = self
            .tok(k)
            .is_some_and(|a| a.is_word() && !a.cap && a.senses().is_empty());
        let (unit, k) = match self.unit_at(k) {
            Some((unit, _)) => (unit, k),
            None => match self.unit_at(k + 1) {
                Some((unit, plural)) if adjective && (plural || amount == Amount::Number(1.0)) => {
                    (unit, k + 1)
                }
                _ => return,
            },
        };
        if unit == Unit::Weekend && amount == Amount::Number(1.0) && !self.is(j, "ein") {
            return;
        }
        // an age, not a duration: `ab 16 Jahren`, `22 Jahre alt`
        let age_before = i > 0 && self.has(i - 1, |s| matches!(s, Sense::AgeBefore));
        if unit == Unit::Year && (age_before || self.has(k + 1, |s| matches!(s, Sense::AgeAfter))) {
            return;
        }
        self.push(
            i,
            k + 1,
            Expr::Duration { amount, unit },
            "time/duration/amount",
        );
    }

    /// Where an extent begins when approximation words may precede `i`.
    fn approx_start(&self, i: usize) -> usize {
        let mut s = i;
        while s > 0 && self.has(s - 1, |x| matches!(x, Sense::Approx)) {
            s -= 1;
        }
        s
    }

    /// `minütigen` = minute (the stem of `15-minütigen`).
    fn unit_adjective_stem(&self, lower: &str) -> Option<Unit> {
        // a unit adjective stem with an ending and no number in front
        let senses = self.lex.senses(&format!("ein{lower}"));
        senses.iter().find_map(|s| {
            if let Sense::UnitAdjective { unit, .. } = s {
                Some(*unit)
            } else {
                None
            }
        })
    }

    /// `jährlich`, `dreimal täglich`, `jeden Montag`, `jedes Jahr`, `alle zwei Wochen`,
    /// `pro Tag`, `einmal im Monat`, `montags`, `morgens`.
    fn set(&mut self, i: usize) {
        let t = &self.toks[i];
        let times = self.has(i, |s| matches!(s, Sense::Times));
        let j = if times { i + 1 } else { i };
        if let Some(unit) = self.sense(j, |s| {
            if let Sense::Unit {
                unit,
                kind: UnitKind::Frequency,
            } = s
            {
                Some(*unit)
            } else {
                None
            }
        }) {
            self.push(
                i,
                j + 1,
                Expr::Set(SetValue::Every {
                    amount: Amount::Number(1.0),
                    unit,
                }),
                "time/set/frequency",
            );
            return;
        }
        if times
            && (self.is(j, "im")
                || self.is(j, "pro")
                || self.is(j, "am")
                || (self.is(j, "in") && self.is(j + 1, "der")))
        {
            let k = if self.is(j, "in") { j + 2 } else { j + 1 };
            if let Some((unit, false)) = self.unit_at(k) {
                self.push(
                    i,
                    k + 1,
                    Expr::Set(SetValue::Every {
                        amount: Amount::Number(1.0),
                        unit,
                    }),
                    "time/set/times_per",
                );
            }
            return;
        }
        if let Some(w) = t.senses().iter().find_map(|s| {
            if let Sense::WeekdayAdverb(w) = s {
                Some(*w)
            } else {
                None
            }
        }) {
            self.push(
                i,
                i + 1,
                Expr::Set(SetValue::Weekday {
                    weekday: w,
                    part: None,
                }),
                "time/set/weekday_adverb",
            );
            return;
        }
        if let Some(p) = self.part_adverb(i) {
            self.push(
                i,
                i + 1,
                Expr::Set(SetValue::Part(p)),
                "time/set/part_adverb",
            );
            return;
        }
        // a rate: `400 Euro im Monat`, `zweimal im Jahr`
        if self.is(i, "im") {
            if let Some((unit @ (Unit::Month | Unit::Year | Unit::Week), false)) =
                self.unit_at(i + 1)
            {
                // a number right before, or a number and its unit (`400 Euro im Monat`)
                let number = |p: usize| p < i && self.toks[p].kind == Kind::Number;
                let counted = number(i.wrapping_sub(1))
                    || (i >= 2
                        && number(i - 2)
                        && self.toks[i - 1].is_word()
                        && self.toks[i - 1].cap);
                let followed = self.tok(i + 2).is_some_and(|n| {
                    n.kind == Kind::Number
                        || n.senses().iter().any(|s| matches!(s, Sense::After(_)))
                });
                if counted && !followed {
                    let expr = Expr::Set(SetValue::Every {
                        amount: Amount::Number(1.0),
                        unit,
                    });
                    self.push(i, i + 2, expr, "time/set/rate");
                }
            }
            return;
        }
        if self.has(i, |s| matches!(s, Sense::Per)) {
            if let Some((unit, false)) = self.unit_at(i + 1) {
                self.push(
                    i,
                    i + 2,
                    Expr::Set(SetValue::Every {
                        amount: Amount::Number(1.0),
                        unit,
                    }),
                    "time/set/per",
                );
            }
            return;
        }
        if !self.has(i, |s| matches!(s, Sense::Each)) {
            return;
        }
        // `jeden zweiten Tag`, `alle zwei Wochen`, `je zwei Wochen`
        let mut k = i + 1;
        let mut amount = Amount::Number(1.0);
        if let Some(n) = self.sense(k, |s| {
            if let Sense::Ordinal(n) = s {
                Some(*n)
            } else {
                None
            }
        }) {
            amount = Amount::Number(f64::from(n));
            k += 1;
        } else if let Some((a, e)) = self.amount(k).filter(|_| !t.lower().starts_with("jed")) {
            amount = a;
            k = e;
        }
        if let Some((unit, _)) = self.unit_at(k) {
            self.push(
                i,
                k + 1,
                Expr::Set(SetValue::Every { amount, unit }),
                "time/set/each_unit",
            );
        } else if let Some((weekday, part)) = self.weekday_at(k) {
            let (part, end) = match (part, self.part_after(k + 1)) {
                (Some(p), _) => (Some(p), k + 1),
                (None, Some((p, e))) => (Some(p), e),
                (None, None) => (None, k + 1),
            };
            self.push(
                i,
                end,
                Expr::Set(SetValue::Weekday { weekday, part }),
                "time/set/each_weekday",
            );
        } else if let Some(part) = self.part_noun(k) {
            self.push(
                i,
                k + 1,
                Expr::Set(SetValue::Part(part)),
                "time/set/each_part",
            );
        }
    }

    // ---- times of day ---------------------------------------------------------------------

    /// `9.30 Uhr`, `um 9:30`, `14 Uhr MEZ`, `4 Uhr 45`, `15h`, `fünf Uhr`, `8 Uhr abends`,
    /// `halb vier`, `viertel nach drei`, `Mitternacht`.
    fn clock(&mut self, i: usize) {
        let t = &self.toks[i];
        if t.senses().iter().any(|s| {
            matches!(
                s,
                Sense::DayPart {
                    kind: PartKind::Midnight,
                    ..
                }
            )
        }) {
            let start = self.with_article(i);
            self.push(
                start,
                i + 1,
                Expr::Time {
                    base: None,
                    clock: Clock {
                        hour: 24,
                        minute: 0,
                        second: None,
                        zone: None,
                    },
                },
                "time/time/midnight",
            );
            return;
        }
        let before_part = i > 1
            && self.is(i - 1, "um")
            && self.has(i - 2, |s| {
                matches!(
                    s,
                    Sense::DayPart {
                        kind: PartKind::Adverb,
                        ..
                    }
                )
            });
        let prep_before = i > 0
            && matches!(
                self.toks[i - 1].lower(),
                "um" | "gegen" | "ab" | "bis" | "von" | "zwischen" | "seit"
            );
        let start = self.approx_start(i);
        let Some((mut hour, mut minute, mut end, explicit)) = self.clock_core(i, prep_before)
        else {
            return;
        };
        if !(explicit || self.phrase_mode && prep_before) {
            return;
        }
        let mut zone = None;
        if let Some(z) = self.sense(end, |s| {
            if let Sense::Zone(z) = s {
                Some(*z)
            } else {
                None
            }
        }) {
            if let Some(z) = z {
                zone = Some(z);
                end += 1;
            }
        } else if let Some(k) = self.phrase_modifier(end, |s| matches!(s, Sense::Zone(Some(_)))) {
            zone = self.tok(end).and_then(|_| {
                self.lex
                    .phrases(self.toks[end].lower())
                    .iter()
                    .find_map(|p| match &p.sense {
                        PhraseSense::Modifier(Sense::Zone(z)) => *z,
                        _ => None,
                    })
            });
            end = k;
        }
        let mut start = start;
        if let Some((p, e)) = self.part_after(end) {
            hour = p.adjust_hour(hour);
            end = e;
        } else if before_part {
            if let Some(p) = self.sense(i - 2, |s| {
                if let Sense::DayPart { part, .. } = s {
                    Some(*part)
                } else {
                    None
                }
            }) {
                hour = p.adjust_hour(hour);
                start = i - 2;
            }
        } else {
            // `halb vier`, `viertel nach drei (Uhr)`, `um 3`: spoken times of day without a part
            // of the day mean the afternoon; `3 Uhr` written with digits is 03:00
            let spoken = self.is(i, "halb")
                || self.is(i, "viertel")
                || self.is(i + 1, "nach")
                || self.is(i + 1, "vor")
                || self.is(i + 2, "vor");
            let uhr = (i..end).any(|k| self.has(k, |s| matches!(s, Sense::Clock)));
            if (spoken || (!explicit && !uhr)) && (1..=7).contains(&hour) {
                hour += 12;
            }
        }
        if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
            return;
        }
        if hour == 24 && minute == 0 {
            minute = 0;
        }
        self.push(
            start,
            end,
            Expr::Time {
                base: None,
                clock: Clock {
                    hour,
                    minute,
                    second: None,
                    zone,
                },
            },
            "time/time/clock",
        );
    }

    /// The clock time at `i`: (hour, minute, end, explicit) where explicit means it carries
    /// `Uhr`, `h` or `HH:MM`, or is `H.MM` after `um`.
    fn clock_core(&self, i: usize, prep_before: bool) -> Option<(u32, u32, usize, bool)> {
        let t = self.tok(i)?;
        let is_clock = |j: usize| self.has(j, |s| matches!(s, Sense::Clock));
        // `halb vier`, `viertel nach drei`, `zwanzig nach 3`, `15 minuten vor 12`
        if t.is("halb") {
            let (h, e) = self.hour_at(i + 1)?;
            let e = if is_clock(e) { e + 1 } else { e };
            return Some((
                (h + 23) % 24,
                30,
                e,
                prep_before || self.phrase_mode || is_clock(e - 1),
            ));
        }
        let (mins, j) = if t.is("viertel") {
            (15, i + 1)
        } else if let Some((Amount::Number(n), k)) = self
            .amount(i)
            .filter(|_| self.is(i + 1, "nach") || self.is(i + 1, "vor") || self.is(i + 2, "vor"))
        {
            let k = if self.has(k, |s| {
                matches!(
                    s,
                    Sense::Unit {
                        unit: Unit::Minute,
                        ..
                    }
                )
            }) {
                k + 1
            } else {
                k
            };
            (n as u32, k)
        } else {
            (0, i)
        };
        if j > i && (self.is(j, "nach") || self.is(j, "vor")) && mins < 60 {
            let (h, e) = self.hour_at(j + 1)?;
            let e2 = if is_clock(e) { e + 1 } else { e };
            let explicit = prep_before || self.phrase_mode || e2 > e;
            return Some(if self.is(j, "nach") {
                (h, mins, e2, explicit)
            } else {
                ((h + 23) % 24, 60 - mins, e2, explicit)
            });
        }
        let (h, mut e) = self.hour_at(i)?;
        if i > 0 && t.glued && self.toks[i - 1].kind != Kind::Punct {
            return None;
        }
        // `9.30`, `9:30`
        if let (Some(sep), Some(m)) = (self.tok(e), self.tok(e + 1))
            && sep.glued
            && m.glued
            && (sep.is_punct(':') || sep.is_punct('.'))
            && m.digits() == 2
        {
            let minute = m.num()?;
            let colon = sep.is_punct(':');
            e += 2;
            if is_clock(e) {
                return Some((h, minute, e + 1, true));
            }
            if self.tok(e).is_some_and(|x| x.is("h") && x.glued) {
                return Some((h, minute, e + 1, true));
            }
            let range_follows = matches!(
                self.tok(e).map(|x| x.lower()),
                Some("bis" | "-" | "–" | "/")
            ) && self.tok(e + 1).and_then(|x| x.num()).is_some();
            let after_clock_prep =
                i > 0 && matches!(self.toks[i - 1].lower(), "um" | "gegen" | "ab" | "bis");
            let explicit = colon || range_follows || after_clock_prep;
            if self.dot(e)
                && self
                    .tok(e + 1)
                    .is_some_and(|x| x.glued && x.kind == Kind::Number)
            {
                return None; // a date
            }
            return Some((h, minute, e, explicit));
        }
        // `15 Uhr`, `4 Uhr 45`, `15h`, `17h10`
        if is_clock(e) && (self.toks[e].is("uhr") || self.toks[e].glued) {
            e += 1;
            if let Some(m) = self
                .tok(e)
                .filter(|m| m.kind == Kind::Number && m.digits() <= 2)
                && !self.dot(e + 1)
                && !self.has(e + 1, |s| matches!(s, Sense::Unit { .. }))
            {
                return Some((h, m.num()?, e + 1, true));
            }
            return Some((h, 0, e, true));
        }
        // `um 15` (phrase mode only), `16` in `16 bis 17.30 Uhr`
        // `um drei` in phrase mode: a number word after `um`
        let word_hour = t.is_word() && self.phrase_mode && prep_before && self.toks.len() == e;
        if (t.kind == Kind::Number || word_hour) && (prep_before || self.range_to_clock(e)) {
            if self.dot(e)
                || self.has(e, |s| matches!(s, Sense::Unit { .. }))
                || self.tok(e).is_some_and(|n| n.is_word() && n.cap)
            {
                return None;
            }
            return Some((h, 0, e, self.range_to_clock(e)));
        }
        None
    }

    /// `bis 17.30 Uhr` follows: the number before is a clock time too.
    fn range_to_clock(&self, e: usize) -> bool {
        if !matches!(
            self.tok(e).map(|x| x.lower()),
            Some("bis" | "-" | "–" | "/")
        ) {
            return false;
        }
        let mut k = e + 1;
        if self.tok(k).and_then(|x| x.num()).is_none() {
            return false;
        }
        k += 1;
        if self
            .tok(k)
            .is_some_and(|x| x.glued && (x.is_punct('.') || x.is_punct(':')))
        {
            k += 2;
        }
        self.has(k, |s| matches!(s, Sense::Clock))
    }

    /// An hour 0-24, in digits or words.
    fn hour_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if let Some(h) = t.num().filter(|_| t.digits() <= 2) {
            return (h <= 24).then_some((h, i + 1));
        }
        if !t.is_word() {
            return None;
        }
        match number_sense(t).map(Amount::Number) {
            Some(Amount::Number(n)) if n.fract() == 0.0 && (0.0..=24.0).contains(&n) => {
                Some((n as u32, i + 1))
            }
            _ => None,
        }
    }

    /// `am Abend`, `diesem Morgen`, `am späten Abend`, `gegen Mittag`, `in der Nacht`,
    /// `Morgen des 17. Oktober`, `Nacht zum Freitag`, `Nacht vom 3. auf den 4. März`,
    /// `Abend desselben Tages`.
    fn day_part(&mut self, i: usize) {
        let adjective = self.has(i, |s| matches!(s, Sense::PartAdjective));
        let j = if adjective { i + 1 } else { i };
        let Some(part) = self.part_noun(j) else {
            return;
        };
        let t = &self.toks[j];
        if !t.cap && !self.phrase_mode && !adjective {
            return;
        }
        let start = self.with_article(i);
        let k = j + 1;
        // qualifiers
        if self.is(k, "des") || self.is(k, "vom") {
            if let Some(c) = self.date_at(k + 1) {
                let base = c.0;
                return self.push(
                    start,
                    c.1,
                    Expr::Part {
                        base: Box::new(base),
                        part,
                    },
                    "time/time/part_of_date",
                );
            }
            // `Nacht vom 3. auf den 4. März`: the first day, completed from the second
            if self.is(k, "vom")
                && let Some((d, e)) = self.day(k + 1).filter(|&(_, e)| self.dot(e - 1))
            {
                let date = Expr::Date {
                    year: YearRef::Open,
                    month: None,
                    day: Some(d),
                };
                let expr = Expr::Part {
                    base: Box::new(date),
                    part,
                };
                return self.push(start, e, expr, "time/time/part_of_day_in_range");
            }
        }
        // `Abend desselben Tages`, `Morgen dieses Tages`
        let same_day = |x: usize| {
            self.has(x, |s| matches!(s, Sense::Shift { offset: 0, .. }))
                && self.has(x + 1, |s| {
                    matches!(
                        s,
                        Sense::Unit {
                            unit: Unit::Day,
                            kind: UnitKind::Singular
                        }
                    )
                })
        };
        let q = if self.is(k, "des") { k + 1 } else { k };
        if same_day(q) {
            let base = Expr::Relative {
                unit: Unit::Day,
                offset: 0,
                anchor: AnchorKind::Text,
            };
            let expr = Expr::Part {
                base: Box::new(base),
                part,
            };
            return self.push(start, q + 2, expr, "time/time/part_of_same_day");
        }
        if (self.is(k, "zum") || self.is(k, "zu") || self.is(k, "auf")) && part == DayPart::Night {
            let w = if self.is(k + 1, "den") { k + 2 } else { k + 1 };
            if let Some((date, e)) = self.date_at(w) {
                let expr = Expr::Part {
                    base: Box::new(day_before(date)),
                    part,
                };
                return self.push(start, e, expr, "time/time/night_before");
            }
            if let Some((weekday, None)) = self.weekday_at(w) {
                let base = Expr::Weekday {
                    weekday,
                    shift: Shift::Tense,
                };
                return self.push(
                    start,
                    w + 1,
                    Expr::Part {
                        base: Box::new(day_before(base)),
                        part,
                    },
                    "time/time/night_before",
                );
            }
        }
        // without a qualifier, only after a preposition, an article or an adjective
        let introduced = adjective
            || (i > 0 && self.has(i - 1, |s| matches!(s, Sense::Prep { .. } | Sense::Article)));
        if !(introduced || self.phrase_mode && i == 0) {
            return;
        }
        if i > 0 && self.has(i - 1, |s| matches!(s, Sense::Each | Sense::Shift { .. })) {
            return;
        }
        self.push(start, k, Expr::LoosePart { part }, "time/time/part");
    }

    /// A full date at `i` (for `Morgen des 17. Oktober`, `Verlauf des 18. August`).
    fn date_at(&self, i: usize) -> Option<(Expr, usize)> {
        if let Some((d, j)) = self.day(i)
            && let Some((m, k)) = self.month_at(j)
        {
            let (year, end) = self.year_ref(k).unwrap_or((YearRef::Open, k));
            return Some((date_expr(year, m, d), end));
        }
        None
    }

    /// `im Laufe des Tages` (extent `Laufe des Tages`), `Verlauf des 18. August`.
    fn course(&mut self, i: usize) {
        if !self.has(i, |s| matches!(s, Sense::Course))
            || !(self.is(i + 1, "des") || self.is(i + 1, "der"))
        {
            return;
        }
        if let Some((expr, end)) = self.date_at(i + 2) {
            return self.push(i, end, expr, "time/date/course_of_date");
        }
        if let Some((unit, false)) = self.unit_at(i + 2)
            && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
        {
            // `Laufe des Jahres 1966`
            if let Some((y, e)) = self.year_at(i + 3).filter(|_| unit == Unit::Year) {
                let expr = Expr::Date {
                    year: YearRef::Explicit(y),
                    month: None,
                    day: None,
                };
                return self.push(i, e, expr, "time/date/course_of_year");
            }
            let expr = Expr::Relative {
                unit,
                offset: 0,
                anchor: AnchorKind::Text,
            };
            self.push(i, i + 3, expr, "time/date/course_of");
        }
    }

    // ---- words and phrases ------------------------------------------------------------------

    /// `derzeit`, `zuletzt`, `künftig`, `früher` (not `früher als`).
    fn reference(&mut self, i: usize) {
        let Some((value, unless)) = self.sense(i, |s| {
            if let Sense::Ref { value, unless } = s {
                Some((*value, *unless))
            } else {
                None
            }
        }) else {
            return;
        };
        if self
            .tok(i + 1)
            .is_some_and(|n| self.lex.unless(unless).iter().any(|u| *u == n.lower()))
        {
            return;
        }
        let start = self.with_article(i);
        let start = if self.toks[i].cap || start == i {
            start
        } else {
            i
        };
        self.push_p(start, i + 1, Expr::Ref(value), "time/ref/word", 2);
    }

    /// Holidays: `Weihnachten 1966`, `Ostern`, `Tag der Deutschen Einheit`.
    fn holiday(&mut self, i: usize) {
        let Some(date) = self.sense(i, |s| {
            if let Sense::Holiday(d) = s {
                Some(*d)
            } else {
                None
            }
        }) else {
            return;
        };
        let (year, end) = match self.year_at(i + 1) {
            Some((y, e)) => (YearRef::Explicit(y), e),
            None => (YearRef::Open, i + 1),
        };
        self.push(i, end, Expr::Holiday { date, year }, "time/date/holiday");
    }

    /// Multi-word phrases from the lexicon: references, holidays, and phrases that are not dates.
    fn phrases(&mut self, i: usize) {
        let t = &self.toks[i];
        let mut found: Vec<(usize, usize, Expr, &'static str, u8)> = Vec::new();
        for p in self.lex.phrases(t.lower()) {
            let Some(end) = self.phrase_matches(i, &p.words) else {
                continue;
            };
            match &p.sense {
                PhraseSense::NotDate => self.blocked.push((i, end)),
                PhraseSense::Ref {
                    value,
                    head,
                    unless,
                } => {
                    if self
                        .tok(end)
                        .is_some_and(|n| self.lex.unless(*unless).iter().any(|u| *u == n.lower()))
                    {
                        continue;
                    }
                    // the head words, counted in tokens (a `-` may sit between words)
                    let mut s = i;
                    for _ in 0..head.0 {
                        s += 1;
                        if self.tok(s).is_some_and(|x| x.is_punct('-')) {
                            s += 1;
                        }
                    }
                    let e = if head.1 == p.words.len() {
                        end
                    } else {
                        s + (head.1 - head.0)
                    };
                    let s = if head.0 == 0
                        && self.has(i, |x| matches!(x, Sense::Prep { .. }))
                        && p.words.len() > 1
                    {
                        i + 1
                    } else {
                        s
                    };
                    found.push((s, e, Expr::Ref(*value), "time/ref/phrase", 3));
                }
                PhraseSense::Holiday(date) => {
                    let (year, e) = match self.year_at(end) {
                        Some((y, e)) => (YearRef::Explicit(y), e),
                        None => (YearRef::Open, end),
                    };
                    found.push((
                        i,
                        e,
                        Expr::Holiday { date: *date, year },
                        "time/date/holiday",
                        2,
                    ));
                }
                PhraseSense::Modifier(_) => {}
            }
        }
        for (s, e, expr, rule, p) in found {
            self.push_p(s, e, expr, rule, p);
        }
    }
}

/// The number a word means (`zwei`, `einundzwanzig`, `zweieinhalb`).
fn number_sense(t: &Token) -> Option<f64> {
    t.senses().iter().find_map(|s| {
        if let Sense::Number(Amount::Number(n)) = s {
            Some(*n)
        } else {
            None
        }
    })
}

/// A digit run as a year, `i32::MAX` when it is longer than any year.
fn big_number(digits: &str) -> i32 {
    digits.parse().unwrap_or(i32::MAX)
}

fn date_expr(year: YearRef, month: u32, day: u32) -> Expr {
    Expr::Date {
        year,
        month: Some(month),
        day: Some(day),
    }
}

/// The day before `base` (`Nacht zum Freitag` is the night that begins on Thursday).
fn day_before(base: Expr) -> Expr {
    Expr::DayBefore(Box::new(base))
}
