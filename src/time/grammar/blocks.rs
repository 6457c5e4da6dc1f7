//! Building blocks the rules share: a day number, a month, a year or year reference, a shift
//! word, a unit, a weekday, a part of the day, an amount, an era, a lexicon phrase. They read
//! tokens and return what they found with the index after it; they push no candidates.

use super::*;

impl Parser<'_, '_> {
    /// A day of the month: `10.`, `zehnten`, `15ten`; plain `10` only before a month name.
    pub(super) fn day(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn month_at(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
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
    pub(super) fn impossible_year(&self, i: usize) -> Option<(YearRef, usize)> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Number && !t.glued)?;
        let zero = t.text.bytes().all(|b| b == b'0');
        let clock = self.has(i + 1, |s| matches!(s, Sense::Clock));
        (t.digits() >= 5 || zero && !clock).then(|| (YearRef::Explicit(big_number(t.text)), i + 1))
    }

    /// The year given after a month or a day: `2022`, `dieses Jahres`, `des Jahres 1972`,
    /// `kommenden Jahres`, `des Vorjahres`, `desselben Jahres`.
    pub(super) fn year_ref(&self, i: usize) -> Option<(YearRef, usize)> {
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

    pub(super) fn is_year_unit(&self, i: usize) -> bool {
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

    pub(super) fn shift_at(&self, i: usize) -> Option<(i32, bool)> {
        self.sense(i, |s| {
            if let Sense::Shift { offset, anaphoric } = s {
                Some((*offset, *anaphoric))
            } else {
                None
            }
        })
    }

    pub(super) fn unit_at(&self, i: usize) -> Option<(Unit, bool)> {
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

    /// A noun compounded on a plural unit (`Verhandlungstage`, `Sitzungswochen`,
    /// `Schuljahren`): the unit it counts. The part before the unit has at least four letters, so
    /// that words that merely end like a unit (`Montage`, `Etagen`) are none.
    pub(super) fn compound_unit_at(&self, i: usize) -> Option<Unit> {
        let t = self.tok(i).filter(|t| t.is_word() && t.cap)?;
        let lower = t.lower();
        lower
            .char_indices()
            .filter(|&(at, _)| lower[..at].chars().count() >= 4)
            .find_map(|(at, _)| {
                self.lex.senses(&lower[at..]).iter().find_map(|s| match s {
                    Sense::Unit {
                        unit,
                        kind: UnitKind::Plural,
                    } => Some(*unit),
                    _ => None,
                })
            })
    }

    pub(super) fn weekday_at(&self, i: usize) -> Option<(u32, Option<DayPart>)> {
        self.sense(i, |s| match s {
            Sense::Weekday {
                weekday,
                abbr: false,
            } => Some((*weekday, None)),
            Sense::WeekdayPart { weekday, part } => Some((*weekday, Some(*part))),
            _ => None,
        })
    }

    pub(super) fn part_noun(&self, i: usize) -> Option<DayPart> {
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
    pub(super) fn part_after(&self, i: usize) -> Option<(DayPart, usize)> {
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
            // `gestern morgen`, `Montag morgen` (older spelling): right after a day, lower-case
            // `morgen` is its morning, not tomorrow
            return self.toks[i]
                .is("morgen")
                .then_some((DayPart::Morning, i + 1));
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
    pub(super) fn amount(&self, i: usize) -> Option<(Amount, usize)> {
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
    pub(super) fn approx(&self, mut i: usize) -> usize {
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
    pub(super) fn phrase_modifier(&self, i: usize, f: impl Fn(&Sense) -> bool) -> Option<usize> {
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
    pub(super) fn era_at(&self, i: usize) -> Option<(bool, usize)> {
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
    pub(super) fn abbreviated(&self, i: usize, end: usize) -> usize {
        let inner_dot = (i + 1..end).any(|k| self.toks[k].is_punct('.'));
        if inner_dot && self.dot(end) {
            end + 1
        } else {
            end
        }
    }

    /// The token index after the phrase `words` when it stands at `i` (`-` between words is skipped).
    pub(super) fn phrase_matches(&self, i: usize, words: &[String]) -> Option<usize> {
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
    pub(super) fn weekday_prefix(&self, i: usize) -> Option<usize> {
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

    /// A full date at `i` (for `Morgen des 17. Oktober`, `Verlauf des 18. August`).
    pub(super) fn date_at(&self, i: usize) -> Option<(Expr, usize)> {
        if let Some((d, j)) = self.day(i)
            && let Some((m, k)) = self.month_at(j)
        {
            let (year, end) = self.year_ref(k).unwrap_or((YearRef::Open, k));
            return Some((date_expr(year, m, d), end));
        }
        None
    }
}
