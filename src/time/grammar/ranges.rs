//! Ranges and lists: the first day of `9. und 10. März` and `vom 5. bis 17. Dezember`, the
//! completion of such a day from the date it is coordinated with, a clock time that ends a
//! range (`von 10 bis 17.30 Uhr`), and a date merged with the clock time after it.
//!
//! Rule ids: `time/date/day_in_range`, `time/time/date_clock`.

use super::*;

/// Words that join two dates of a range or a list: `9. und 10. März`, `Mai/Juni 1940`.
pub(super) fn is_connector(t: &Token) -> bool {
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
pub(super) fn complete_coordination(toks: &[Token], chosen: &mut Vec<Candidate>) {
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
pub(super) fn merge_date_and_clock(toks: &[Token], chosen: &mut Vec<Candidate>) {
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
pub(super) fn date_of(e: &Expr) -> Option<(YearRef, Option<u32>, Option<u32>)> {
    match e {
        Expr::Date { year, month, day } => Some((*year, *month, *day)),
        Expr::WeekdayDate { date, .. } | Expr::Part { base: date, .. } | Expr::DayBefore(date) => {
            date_of(date)
        }
        Expr::Time { base: Some(b), .. } => date_of(b),
        _ => None,
    }
}

pub(super) fn date_mut(e: &mut Expr) -> Option<(&mut YearRef, &mut Option<u32>, &mut Option<u32>)> {
    match e {
        Expr::Date { year, month, day } => Some((year, month, day)),
        Expr::WeekdayDate { date, .. } | Expr::Part { base: date, .. } | Expr::DayBefore(date) => {
            date_mut(date)
        }
        Expr::Time { base: Some(b), .. } => date_mut(b),
        _ => None,
    }
}

impl Parser<'_, '_> {
    /// The first day of `9. und 10. März`, `vom 5. bis 17. Dezember`: completed later from the
    /// date that follows.
    pub(super) fn day_in_range(&mut self, i: usize) {
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

    /// `bis 17.30 Uhr` follows: the number before is a clock time too.
    pub(super) fn range_to_clock(&self, e: usize) -> bool {
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
}
