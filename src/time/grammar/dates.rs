//! Calendar dates: numeric and written dates, months, years, decades, centuries, seasons,
//! quarters, parts of a year (`Ende des Jahres`), holidays and `im Laufe des Tages`.
//!
//! Rule ids: `time/date/*` (except weekdays and the deictic ones, see `days` and `relative`).

use super::*;

impl Parser<'_, '_> {
    /// `10.01.2022`, `10.1.`, `18.07.14`, `am 10.10`, `2018-08-31`.
    pub(super) fn numeric_date(&mut self, start: usize, i: usize) {
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
    pub(super) fn day_month(&mut self, start: usize, i: usize) {
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

    /// `am 24.` without a month: the month the text speaks of (lowest priority, so that any
    /// longer reading wins).
    pub(super) fn day_only(&mut self, i: usize) {
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
    pub(super) fn nth_of_month(&mut self, i: usize) {
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
    pub(super) fn month(&mut self, i: usize) {
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
    pub(super) fn month_alone_is_date(&self, i: usize) -> bool {
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
    pub(super) fn looks_like_name(&self, i: usize) -> bool {
        let unknown_cap = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.is_word() && t.cap && t.senses().is_empty())
        };
        (i > 0 && unknown_cap(i - 1)) || unknown_cap(i + 1)
    }

    /// `nächsten März`, `vergangenen Juni`.
    pub(super) fn month_shift(&mut self, i: usize) {
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
    pub(super) fn year(&mut self, i: usize) {
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
    pub(super) fn era_year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        let y = t.num().filter(|y| t.digits() <= 4 && *y > 0)? as i32;
        if i > 0 && t.glued && self.toks[i - 1].is_word() {
            return None;
        }
        if let Some((bc, e)) = self.era_at(i + 1) {
            return Some((if bc { -y } else { y }, e));
        }
        // `478/477 v. Chr.`, `264–260 v. Chr.`: the first year of a span takes the era of the
        // second
        if self
            .tok(i + 1)
            .is_some_and(|s| s.is_punct('/') || s.is_punct('–') || s.is_punct('-'))
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
    pub(super) fn year_alone_is_date(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        let next = self.tok(i + 1);
        if let Some(p) = prev {
            if t.glued {
                // `1939-1945`, `1940/41`, `(1898-1976)` are years; `A2000`, `1.2000` are not
                let range = (p.is_punct('-') || p.is_punct('–') || p.is_punct('/'))
                    && i >= 2
                    && self.toks[i - 2].digits() == 4;
                // `"2019 kamen 300 Gäste"`: a quotation may open with the year
                let quoted = ['"', '„', '»', '«', '‚', '\'']
                    .iter()
                    .any(|&q| p.is_punct(q));
                if !(range || quoted || p.is_punct('(')) {
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
        // `1600 km`, `2000 t`: a measure
        if n.is_word()
            && !n.cap
            && matches!(
                n.lower(),
                "km" | "m"
                    | "cm"
                    | "mm"
                    | "kg"
                    | "g"
                    | "t"
                    | "ha"
                    | "l"
                    | "qm"
                    | "qkm"
                    | "mio"
                    | "mrd"
                    | "ps"
                    | "kw"
                    | "mw"
                    | "meter"
                    | "kilometer"
            )
        {
            return false;
        }
        // a list item or chronology line that opens with the number (`* 1920 Chili-Anhwei-Krieg`)
        let line_start = t.newline_before
            || prev.is_some_and(|p| {
                (p.is_punct('*') || p.is_punct('•') || p.is_punct('-'))
                    && (p.newline_before || i == 1)
            });
        if line_start && t.digits() == 4 {
            return true;
        }
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
        // `je 2200`, `von je 2200 auf 1550`: counts; so is the second number of a change or range
        // whose first number can be no year
        if prev.is_some_and(|p| p.is("je")) {
            return false;
        }
        if prev.is_some_and(|p| matches!(p.lower(), "auf" | "bis" | "und" | "-" | "–"))
            && i >= 2
            && self.toks[i - 2]
                .num()
                .is_some_and(|a| self.toks[i - 2].digits() != 4 || !(1000..=2199).contains(&a))
        {
            return false;
        }
        // a noun after the number: a count (`2000 Menschen`, `von 1450 bis 1850 Mark`), unless a
        // verb stands before a year that is no round count (`Er war 1998 Botschafter`,
        // `wurde 2005 gewählt`)
        let verb_before = prev.is_some_and(|p| {
            p.is_word()
                && !p.cap
                && p.senses().is_empty()
                && !matches!(
                    p.lower(),
                    "rund"
                        | "etwa"
                        | "über"
                        | "mehr"
                        | "fast"
                        | "knapp"
                        | "insgesamt"
                        | "nur"
                        | "gut"
                        | "ca"
                        | "circa"
                        | "weitere"
                        | "weiteren"
                        | "zusätzlich"
                        | "zusätzliche"
                        | "die"
                        | "der"
                        | "den"
                        | "dem"
                        | "des"
                        | "alle"
                        | "allein"
                        | "bis"
                        | "und"
                        | "oder"
                        | "von"
                        | "mit"
                        | "als"
                        | "für"
                        | "auf"
                        | "um"
                        | "zu"
                        | "nach"
                        | "gegen"
                        | "unter"
                        | "ab"
                        | "zwischen"
                )
        });
        let year_like = |x: &Token| {
            x.digits() == 4
                && x.num()
                    .is_some_and(|y| (1900..=2099).contains(&y) && y % 10 != 0)
        };
        // `von 2003 bis 2007 Leiter`, `zwischen 1939 und 1945`: two numbers that look like
        // years (not round) and run forward within a century are a span of years, whatever
        // follows; `von 2000 bis 3000 Mitarbeiter` is a range of counts
        let years_span = |a: &Token, b: &Token| {
            year_like(a)
                && year_like(b)
                && a.num()
                    .zip(b.num())
                    .is_some_and(|(x, y)| x < y && y - x <= 100)
        };
        let span_end = range_connector && i >= 2 && years_span(&self.toks[i - 2], t);
        if noun(n) && (!signal || range_connector) && !(verb_before && year_like(t)) && !span_end {
            return false;
        }
        // the first of a range of counts: `2000 bis 3000 Grad`; not a number that goes back
        // (`München 2019 – 300 S.`, a place, a year and a page count)
        if matches!(n.lower(), "bis" | "und" | "oder" | "-" | "–")
            && let Some(m) = self.tok(i + 2).filter(|m| m.kind == Kind::Number)
            && self.tok(i + 3).is_some_and(noun)
            && !years_span(t, m)
            && m.num().zip(t.num()).is_some_and(|(b, a)| b > a)
        {
            return false;
        }
        true
    }

    /// `1990er Jahre`, `1990er-Jahren`, `den 60er Jahren`, `Anfang der 1990er Jahre`.
    pub(super) fn decade_number(&mut self, i: usize) {
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
    pub(super) fn decade_word(&mut self, i: usize) {
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
    pub(super) fn decade_start(&self, i: usize) -> usize {
        let a = self.with_article(i);
        if a < i && a > 0 && self.has(a - 1, |s| matches!(s, Sense::Part(_))) {
            a - 1
        } else {
            a
        }
    }

    /// `des 21. Jahrhunderts` (TIMEX2 `20`), `das dritte Jahrtausend` (`2`).
    pub(super) fn century(&mut self, i: usize) {
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

    /// `im Frühjahr`, `das Frühjahr`, `Sommer 1941`, `Herbst des Jahres 1972`, `diesem Sommer`.
    pub(super) fn season(&mut self, i: usize) {
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
    pub(super) fn quarter(&mut self, i: usize) {
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

    /// `Ende des Jahres`, `Anfang nächsten Jahres`, `Mitte der Woche`, `Jahresende`.
    pub(super) fn part_of(&mut self, i: usize) {
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

    /// Holidays: `Weihnachten 1966`, `Ostern`, `Tag der Deutschen Einheit`.
    pub(super) fn holiday(&mut self, i: usize) {
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

    /// `im Laufe des Tages` (extent `Laufe des Tages`), `Verlauf des 18. August`.
    pub(super) fn course(&mut self, i: usize) {
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
}
