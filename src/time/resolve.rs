//! The resolver: an unresolved [`Expr`] plus its context gives a [`Value`].
//!
//! The context is the publication time (local wall time of the publisher), the tense of the
//! clause, the time the text spoke of last, and the day the sentence spoke of. The rules are
//! those of TimeML news annotation: a bare weekday is the latest such day on or before
//! publication in past tense and the next one in future tense; a year-less date takes the year
//! that puts it nearest the publication time in the direction of the clause; `vor zwei Wochen`
//! is the ISO week it names; in a narrative (a text about a time long past) year-less dates and
//! anaphoric days count from the time the text spoke of last. Impossible dates are errors,
//! never a neighbouring day. This is the only module that knows "now".

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};

use super::calendar::{
    self, add_days, add_months, date, day_exists, iso_week, season_at, season_index, season_of,
};
use super::expr::{
    Amount, AnchorKind, Clock, Expr, HolidayDate, NthOf, RefValue, Season, Shift, Unit, YearRef,
};
use super::value::Value;
use crate::Tense;

/// What the text spoke of last: the reference of `am selben Tag`, `Vorjahr` in a narrative,
/// `im März` after `1941`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub day: Option<NaiveDate>,
    pub month: Option<(i32, u32)>,
    pub year: Option<i32>,
}

impl Anchor {
    /// Takes a resolved value as the new reference, at the precision it has.
    pub(crate) fn update(&mut self, v: &Value) {
        match *v {
            Value::Day(d) | Value::DayPart(d, _) | Value::Time(Some(d), _) => {
                *self = Anchor {
                    day: Some(d),
                    month: Some((d.year(), d.month())),
                    year: Some(d.year()),
                };
            }
            Value::Month(y, m) => {
                if self.month != Some((y, m)) {
                    self.day = None;
                }
                self.month = Some((y, m));
                self.year = Some(y);
            }
            Value::Year(y) | Value::Season(y, _) | Value::Quarter(y, _) | Value::Half(y, _) => {
                if self.year != Some(y) {
                    self.day = None;
                    self.month = None;
                }
                self.year = Some(y);
            }
            Value::Week(..) | Value::Weekend(..) => {}
            _ => {}
        }
    }
}

/// Everything the resolver may look at besides the expression.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    /// Publication time, local wall time.
    pub now: NaiveDateTime,
    /// Tense of the clause; `None` when nothing marks it.
    pub tense: Option<Tense>,
    /// The text is a narrative about a time long before its publication.
    pub narrative: bool,
    /// The sentence or the one before sets the present against the past (`damals ... heute`):
    /// `heute` then means nowadays, PRESENT_REF.
    pub contrast: bool,
    /// The expression speaks of the present or future in general (`die Jugend von heute`, `die
    /// Welt von morgen`, `heute` in a generic clause): a vague reference, not a day.
    pub generic: bool,
    /// The sentence names a yearly recurrence (`jedes Jahr`, `alljährlich`): a year-less date
    /// in it recurs too (`jedes Jahr am 1. Mai` = XXXX-05-01).
    pub yearly: bool,
    /// The sentence names a recurrence within the week or day (`täglich`, `montags`,
    /// `wochentags`): a clock time in it has no day (`wochentags von 9 bis 17 Uhr`).
    pub daily: bool,
    /// The text does not count days from its publication (no `gestern`, `am Dienstag`, no clock
    /// time beside it) and has named another time before: `heute` then means nowadays, as in an
    /// essay, PRESENT_REF. A report names its day first or counts its days.
    pub timeless: bool,
    /// What the text spoke of last.
    pub last: Anchor,
    /// The day the sentence speaks of (for `um 9 Uhr`, `am Abend`).
    pub sentence_day: Option<NaiveDate>,
    /// The sentence speaks of several days at once: a clock time gets no day.
    pub day_unknown: bool,
}

impl Context {
    fn today_date(&self) -> NaiveDate {
        self.now.date()
    }

    /// The day relative expressions count from.
    fn base_day(&self, anchor: AnchorKind) -> NaiveDate {
        if (anchor == AnchorKind::Text || self.narrative)
            && let Some(d) = self.last.day
        {
            return d;
        }
        self.today_date()
    }

    fn base_month(&self, anchor: AnchorKind) -> (i32, u32) {
        if anchor == AnchorKind::Text || self.narrative {
            if let Some(m) = self.last.month {
                return m;
            }
            if let Some(d) = self.last.day {
                return (d.year(), d.month());
            }
        }
        (self.now.year(), self.now.month())
    }

    fn base_year(&self, anchor: AnchorKind) -> i32 {
        if (anchor == AnchorKind::Text || self.narrative)
            && let Some(y) = self.last.year
        {
            return y;
        }
        self.now.year()
    }

    fn year_of(&self, r: YearRef) -> Option<i32> {
        match r {
            YearRef::Open => None,
            YearRef::Explicit(y) => Some(y),
            YearRef::TwoDigit(y) => {
                let short = self.now.year().rem_euclid(100);
                let century = self.now.year() - short;
                Some(if y <= short + 10 {
                    century + y
                } else {
                    century - 100 + y
                })
            }
            YearRef::Relative(o) => Some(self.base_year(AnchorKind::Now).saturating_add(o)),
            YearRef::Anaphoric(o) => Some(self.base_year(AnchorKind::Text).saturating_add(o)),
        }
    }
}

/// Resolves `expr`; an error is a message for a diagnostic (an impossible date).
pub(crate) fn resolve(expr: &Expr, ctx: &Context) -> Result<Value, String> {
    Ok(match expr {
        Expr::Date { year, month, day } => return resolve_date(*year, *month, *day, None, ctx),
        Expr::WeekdayDate { date, weekday } => match **date {
            Expr::Date { year, month, day } => {
                return resolve_date(year, month, day, Some(*weekday), ctx);
            }
            ref other => return resolve(other, ctx),
        },
        Expr::NthOfMonth {
            n,
            what,
            month,
            year,
        } => {
            let y = ctx
                .year_of(*year)
                .unwrap_or_else(|| pick_month_year(ctx, *month));
            let first = date(y, *month, 1).ok_or("no such month")?;
            let (ny, nm) = add_months(y, *month, 1);
            let last = add_days(date(ny, nm, 1).ok_or("no such month")?, -1);
            let missing = || format!("there is no such day in {y}-{month:02}");
            match *what {
                NthOf::Day if *n > 0 => Value::Day(date(y, *month, *n as u32).ok_or_else(missing)?),
                NthOf::Day => Value::Day(last),
                NthOf::Weekday(w) => {
                    let d = if *n > 0 {
                        let ahead = (i64::from(w) - i64::from(calendar::weekday_number(first)))
                            .rem_euclid(7);
                        add_days(first, ahead + 7 * (i64::from(*n) - 1))
                    } else {
                        let back = (i64::from(calendar::weekday_number(last)) - i64::from(w))
                            .rem_euclid(7);
                        add_days(last, -back)
                    };
                    if d.month() != *month {
                        return Err(missing());
                    }
                    Value::Day(d)
                }
                NthOf::Week => {
                    // weeks that lie wholly in the month: from the first Monday on
                    let d = if *n > 0 {
                        let ahead = (8 - i64::from(calendar::weekday_number(first))).rem_euclid(7);
                        add_days(first, ahead + 7 * (i64::from(*n) - 1))
                    } else {
                        add_days(
                            last,
                            -i64::from(calendar::weekday_number(last)) - 6
                                + 7 * i64::from(calendar::weekday_number(last) == 7),
                        )
                    };
                    if d.month() != *month {
                        return Err(missing());
                    }
                    let (wy, w) = iso_week(d);
                    Value::Week(wy, w)
                }
            }
        }
        Expr::NthWeek(n) => {
            let (y, m) = ctx.base_month(AnchorKind::Text);
            let first = date(y, m, 1).ok_or("no such month")?;
            let (y, w) = iso_week(add_days(first, 7 * (i64::from(*n) - 1)));
            Value::Week(y, w)
        }
        Expr::DayOnly(day) => {
            let base = ctx.base_day(AnchorKind::Text);
            let (y, m) = if ctx.narrative || ctx.last.day.is_some() {
                // forward from the day spoken of: `am 23. August ... am 24.`
                let (y, m) = (base.year(), base.month());
                if *day < base.day() {
                    add_months(y, m, 1)
                } else {
                    (y, m)
                }
            } else {
                let today = ctx.today_date();
                let (y, m) = (today.year(), today.month());
                match ctx.tense {
                    Some(Tense::Past) if *day > today.day() => add_months(y, m, -1),
                    Some(Tense::Future) if *day < today.day() => add_months(y, m, 1),
                    _ => (y, m),
                }
            };
            Value::Day(
                date(y, m, *day).ok_or_else(|| format!("the date {day}.{m}.{y} does not exist"))?,
            )
        }
        Expr::Weekday { weekday, shift } => Value::Day(resolve_weekday(*weekday, *shift, ctx)),
        Expr::NamedDay(offset) => {
            Value::Day(add_days(ctx.base_day(AnchorKind::Now), i64::from(*offset)))
        }
        Expr::WeekdayInWeek { weekday, weeks } => {
            let d = add_days(ctx.base_day(AnchorKind::Now), 7 * i64::from(*weeks));
            Value::Day(calendar::in_week(d, *weekday))
        }
        Expr::Relative {
            unit,
            offset,
            anchor,
        } => resolve_relative(*unit, *offset, *anchor, ctx),
        Expr::TenseUnit { .. } => {
            let today = ctx.base_day(AnchorKind::Now);
            let weekend_passed =
                calendar::weekday_number(today) < 6 && ctx.tense == Some(Tense::Past);
            let (y, w) = iso_week(if weekend_passed {
                add_days(today, -7)
            } else {
                today
            });
            Value::Weekend(y, w)
        }
        Expr::Offset {
            amount,
            unit,
            sign,
            anchor,
        } => resolve_offset(*amount, *unit, *sign, *anchor, ctx),
        Expr::MonthShift { month, shift } => {
            let (ny, nm) = (ctx.now.year(), ctx.now.month());
            let y = match shift.signum() {
                1 => (if *month > nm { ny } else { ny + 1 }) + shift - 1,
                -1 => (if *month < nm { ny } else { ny - 1 }) + shift + 1,
                _ => ny,
            };
            Value::Month(y, *month)
        }
        Expr::Season {
            season,
            year,
            shift,
        } => resolve_season(*season, *year, *shift, ctx),
        Expr::Quarter { quarter, year } => Value::Quarter(
            ctx.year_of(*year)
                .unwrap_or_else(|| ctx.base_year(AnchorKind::Now)),
            *quarter,
        ),
        Expr::QuarterShift { shift } => {
            let (y, m) = add_months(ctx.now.year(), ctx.now.month(), 3 * shift);
            Value::Quarter(y, calendar::quarter(m))
        }
        Expr::Half { half, year } => Value::Half(
            ctx.year_of(*year)
                .unwrap_or_else(|| ctx.base_year(AnchorKind::Now)),
            *half,
        ),
        Expr::Decade(d) => Value::Decade(*d),
        Expr::Century(c) => Value::Century(*c),
        Expr::Millennium(m) => Value::Millennium(*m),
        Expr::Holiday { date: h, year } => {
            let on = |y: i32| match *h {
                HolidayDate::Fixed { month, day } => date(y, month, day),
                HolidayDate::Easter(n) => calendar::easter(y).map(|e| add_days(e, i64::from(n))),
            };
            match ctx.year_of(*year) {
                Some(y) => Value::Day(on(y).ok_or("no such holiday date")?),
                None => Value::Day(pick_day(ctx, on).ok_or("no such holiday date")?),
            }
        }
        Expr::Part { base, part } => match resolve(base, ctx)? {
            Value::Day(d) => Value::DayPart(d, *part),
            other => other,
        },
        Expr::DayBefore(base) => match resolve(base, ctx)? {
            Value::Day(d) => Value::Day(add_days(d, -1)),
            other => other,
        },
        Expr::LoosePart { part } => {
            let day = ctx
                .sentence_day
                .or(if ctx.narrative { ctx.last.day } else { None })
                .unwrap_or_else(|| {
                    let today = ctx.today_date();
                    match ctx.tense {
                        Some(Tense::Past) if ctx.now.hour() < part.start_hour() => {
                            add_days(today, -1)
                        }
                        Some(Tense::Future) if ctx.now.hour() >= part.end_hour() => {
                            add_days(today, 1)
                        }
                        _ => today,
                    }
                });
            Value::DayPart(day, *part)
        }
        Expr::Time { base, clock } => {
            let day = match base {
                Some(b) => match resolve(b, ctx)? {
                    Value::Day(d) | Value::DayPart(d, _) => Some(d),
                    _ => None,
                },
                None => None,
            };
            let day = day
                .or(ctx.sentence_day)
                .or(if ctx.narrative { ctx.last.day } else { None })
                .unwrap_or_else(|| {
                    let today = ctx.today_date();
                    let passed = (clock.hour, clock.minute) < (ctx.now.hour(), ctx.now.minute());
                    if ctx.tense == Some(Tense::Future) && passed {
                        add_days(today, 1)
                    } else {
                        today
                    }
                });
            if (ctx.day_unknown || ctx.daily) && base.is_none() {
                return Ok(Value::Time(None, *clock));
            }
            Value::Time(Some(day), *clock)
        }
        Expr::Duration { amount, unit } => Value::Duration(*amount, *unit),
        Expr::DurationSum { first, second } => Value::DurationSum(*first, *second),
        Expr::Set(s) => Value::Set(*s),
        Expr::Ref(r) => Value::Ref(*r),
    })
}

/// `10. Januar`, `10.01.2022`, `Januar 2022`, `2019`, `Montag, 10. Januar`.
fn resolve_date(
    year: YearRef,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<u32>,
    ctx: &Context,
) -> Result<Value, String> {
    let explicit = ctx.year_of(year);
    if let Some(y) = explicit.filter(|y| *y == 0 || !(-9999..=9999).contains(y)) {
        return Err(if y == 0 {
            "there is no year 0".to_string()
        } else {
            format!("the year {y} cannot be a date")
        });
    }
    match (month, day) {
        (None, _) => Ok(Value::Year(
            explicit.ok_or("a year-less date without a month")?,
        )),
        (Some(m), None) => {
            let y = match explicit {
                Some(y) => y,
                None => narrative_year(ctx, m).unwrap_or_else(|| pick_month_year(ctx, m)),
            };
            Ok(Value::Month(y, m))
        }
        (Some(m), Some(d)) => {
            if !day_exists(m, d) {
                return Err(format!("the date {d}.{m}. does not exist"));
            }
            if explicit.is_none() && weekday.is_none() && ctx.yearly {
                return Ok(Value::DayOfYear(m, d));
            }
            if let Some(y) = explicit {
                let day =
                    date(y, m, d).ok_or_else(|| format!("the date {d}.{m}.{y} does not exist"))?;
                // `Montag, 11. Januar 2022`: a weekday that contradicts its date leaves both in doubt
                if let Some(w) = weekday.filter(|&w| w != calendar::weekday_number(day)) {
                    return Err(format!(
                        "{d}.{m}.{y} is a {}, not a {}",
                        weekday_name(calendar::weekday_number(day)),
                        weekday_name(w)
                    ));
                }
                return Ok(Value::Day(day));
            }
            if let Some(w) = weekday {
                // `Sonntag, 10. Februar`: the year in which that day is a Sunday, near publication
                let now = ctx.now.year();
                let mut fits: Vec<NaiveDate> = (now - 6..=now + 6)
                    .filter_map(|y| date(y, m, d))
                    .filter(|x| calendar::weekday_number(*x) == w)
                    .collect();
                fits.sort_by_key(|x| (*x - ctx.today_date()).num_days().abs());
                if let Some(x) = fits.first() {
                    return Ok(Value::Day(*x));
                }
            }
            if let Some(y) = narrative_year(ctx, m) {
                return date(y, m, d)
                    .map(Value::Day)
                    .ok_or_else(|| format!("the date {d}.{m}.{y} does not exist"));
            }
            pick_day(ctx, |y| date(y, m, d))
                .map(Value::Day)
                .ok_or_else(|| {
                    format!("the date {d}.{m}. does not exist in the years around publication")
                })
        }
    }
}

/// The English name of an ISO weekday number, for diagnostics.
fn weekday_name(w: u32) -> &'static str {
    match w {
        1 => "Monday",
        2 => "Tuesday",
        3 => "Wednesday",
        4 => "Thursday",
        5 => "Friday",
        6 => "Saturday",
        _ => "Sunday",
    }
}

/// In a narrative, a year-less month takes the year the text spoke of last (the next one when the
/// text moves from late autumn to the new year).
fn narrative_year(ctx: &Context, month: u32) -> Option<i32> {
    if !ctx.narrative {
        return None;
    }
    let y = ctx.last.year?;
    match ctx.last.month {
        Some((ly, lm)) if ly == y && lm >= 10 && month <= 3 && lm - month >= 8 => Some(y + 1),
        _ => Some(y),
    }
}

/// The year of a year-less day: past tense takes the latest such day on or before publication,
/// future tense the first on or after it, otherwise the nearest.
fn pick_day(ctx: &Context, on: impl Fn(i32) -> Option<NaiveDate>) -> Option<NaiveDate> {
    let today = ctx.today_date();
    let candidates: Vec<NaiveDate> = (today.year() - 1..=today.year() + 1)
        .filter_map(on)
        .collect();
    let past = candidates.iter().filter(|d| **d <= today).max().copied();
    let future = candidates.iter().filter(|d| **d >= today).min().copied();
    match ctx.tense {
        // a past-tense report about the next days (`wurden die Rennen vom 18. Dezember
        // abgesagt`, two days ahead) is far likelier than one about the same days a year ago
        Some(Tense::Past) => match (past, future) {
            (_, Some(f)) if (f - today).num_days() <= 14 => Some(f),
            (p, f) => p.or(f),
        },
        Some(Tense::Future) => future.or(past),
        _ => match (past, future) {
            (Some(p), Some(f)) => Some(if (today - p) < (f - today) { p } else { f }),
            (p, f) => p.or(f),
        },
    }
}

/// The year of a year-less month, like [`pick_day`] at month precision; the current year on a tie.
fn pick_month_year(ctx: &Context, month: u32) -> i32 {
    let (y, m) = (ctx.now.year(), ctx.now.month() as i32);
    let month = month as i32;
    match ctx.tense {
        Some(Tense::Past) => {
            if month <= m {
                y
            } else {
                y - 1
            }
        }
        Some(Tense::Future) => {
            if month >= m {
                y
            } else {
                y + 1
            }
        }
        _ => {
            let d = month - m;
            if d > 6 {
                y - 1
            } else if d < -6 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// A bare weekday by direction: past = latest on or before the reference day, future and present
/// = first on or after it, none = the nearer of the two. Shifted weekdays
/// (`kommenden Montag`, `vergangenen Freitag`) never count the reference day.
fn resolve_weekday(weekday: u32, shift: Shift, ctx: &Context) -> NaiveDate {
    let base = ctx.base_day(AnchorKind::Now);
    let cur = calendar::weekday_number(base) as i64;
    let w = i64::from(weekday);
    let forward = (w - cur).rem_euclid(7); // 0..6 days ahead
    let backward = (cur - w).rem_euclid(7); // 0..6 days back
    let next_strict = if forward == 0 { 7 } else { forward };
    let prev_strict = if backward == 0 { 7 } else { backward };
    match shift {
        Shift::By(n) if n > 0 => add_days(base, next_strict + 7 * (i64::from(n) - 1)),
        Shift::By(n) if n < 0 => add_days(base, -prev_strict - 7 * (i64::from(-n) - 1)),
        // the reference day itself counts in both directions (`am Donnerstag` in a Thursday
        // article is that day, also in future tense); without a direction, the nearer one
        _ => match ctx.tense {
            Some(Tense::Past) => add_days(base, -backward),
            Some(Tense::Future | Tense::Present) => add_days(base, forward),
            None if backward <= forward => add_days(base, -backward),
            None => add_days(base, forward),
        },
    }
}

/// `heute`, `gestern`, `nächste Woche`, `Vorjahr`, `am selben Tag`, `im Laufe des Tages`.
fn resolve_relative(unit: Unit, offset: i32, anchor: AnchorKind, ctx: &Context) -> Value {
    if ctx.generic && anchor == AnchorKind::Now && unit == Unit::Day {
        return Value::Ref(match offset {
            0 => RefValue::Present,
            o if o > 0 => RefValue::Future,
            _ => RefValue::Past,
        });
    }
    if (ctx.narrative || ctx.contrast || ctx.timeless)
        && anchor == AnchorKind::Now
        && unit == Unit::Day
        && offset == 0
    {
        return Value::Ref(RefValue::Present); // `heute` in a history, or against `damals`
    }
    let o = i64::from(offset);
    match unit {
        Unit::Week => {
            let (y, w) = iso_week(add_days(ctx.base_day(anchor), 7 * o));
            Value::Week(y, w)
        }
        Unit::Weekend => {
            // `kommendes Wochenende` on a Tuesday is this week's, on a Sunday next week's;
            // `vergangenes Wochenende` is the last one that has begun before the day
            let base = ctx.base_day(anchor);
            let weekend_day = calendar::weekday_number(base) >= 6;
            let weeks = match offset {
                o if o > 0 => i64::from(o) - 1 + i64::from(weekend_day),
                o if o < 0 => i64::from(o),
                _ => 0,
            };
            let (y, w) = iso_week(add_days(base, 7 * weeks));
            Value::Weekend(y, w)
        }
        Unit::Month => {
            let (y, m) = ctx.base_month(anchor);
            let (y, m) = add_months(y, m, offset);
            Value::Month(y, m)
        }
        Unit::Quarter => {
            let (y, m) = ctx.base_month(anchor);
            let (y, m) = add_months(y, m, 3 * offset);
            Value::Quarter(y, calendar::quarter(m))
        }
        Unit::HalfYear => {
            let (y, m) = ctx.base_month(anchor);
            let (y, m) = add_months(y, m, 6 * offset);
            Value::Half(y, if m <= 6 { 1 } else { 2 })
        }
        Unit::Year => Value::Year(ctx.base_year(anchor) + offset),
        Unit::Decade => Value::Decade((ctx.base_year(anchor) + 10 * offset).div_euclid(10)),
        Unit::Century => Value::Century((ctx.base_year(anchor) + 100 * offset).div_euclid(100)),
        Unit::Millennium => {
            Value::Millennium((ctx.base_year(anchor) + 1000 * offset).div_euclid(1000))
        }
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            Value::Day(add_days(ctx.base_day(anchor), o))
        }
    }
}

/// `vor zwei Wochen` = that ISO week, `in drei Tagen` = that day, `vor zehn Jahren` = that year,
/// `in zwei Stunden` = that time (`in 30 Sekunden` to the second); `zwei Tage später` counts from
/// the day the text spoke of.
fn resolve_offset(
    amount: Amount,
    unit: Unit,
    sign: i32,
    anchor: AnchorKind,
    ctx: &Context,
) -> Value {
    // an amount no calendar reaches (`vor 99999999 Jahren`) is only a vague past or future
    let Amount::Number(n) = amount.bounded() else {
        return Value::Ref(if sign < 0 {
            RefValue::Past
        } else {
            RefValue::Future
        });
    };
    let s = f64::from(sign);
    let days = |k: f64| (s * k).round() as i64;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => {
            let secs = match unit {
                Unit::Second => 1.0,
                Unit::Minute => 60.0,
                _ => 3600.0,
            };
            let base = if anchor == AnchorKind::Text {
                ctx.base_day(anchor).and_hms_opt(0, 0, 0).unwrap_or(ctx.now)
            } else {
                ctx.now
            };
            let t = base
                .checked_add_signed(Duration::try_seconds(days(n * secs)).unwrap_or_default())
                .unwrap_or(base);
            Value::Time(
                Some(t.date()),
                Clock {
                    hour: t.hour(),
                    minute: t.minute(),
                    second: (unit == Unit::Second).then(|| t.second()),
                    zone: None,
                },
            )
        }
        Unit::Day => Value::Day(add_days(ctx.base_day(anchor), days(n))),
        Unit::Week | Unit::Weekend => {
            let (y, w) = iso_week(add_days(ctx.base_day(anchor), days(7.0 * n)));
            Value::Week(y, w)
        }
        Unit::Month | Unit::Quarter | Unit::HalfYear => {
            let k = match unit {
                Unit::Quarter => 3.0,
                Unit::HalfYear => 6.0,
                _ => 1.0,
            };
            let (y, m) = ctx.base_month(anchor);
            let (y, m) = add_months(y, m, clamp(days(k * n)));
            Value::Month(y, m)
        }
        Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium => {
            let k = match unit {
                Unit::Decade => 10.0,
                Unit::Century => 100.0,
                Unit::Millennium => 1000.0,
                _ => 1.0,
            };
            if (k * n).fract() != 0.0 {
                let (y, m) = ctx.base_month(anchor);
                let (y, m) = add_months(y, m, clamp(days(12.0 * k * n)));
                return Value::Month(y, m);
            }
            Value::Year(ctx.base_year(anchor).saturating_add(clamp(days(k * n))))
        }
    }
}

/// An i64 count as an i32, saturating.
fn clamp(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
}

/// Seasons as a sequence: `nächsten Sommer` is the first summer after the current season,
/// `diesen Winter` the nearest winter, a bare season goes by tense.
fn resolve_season(season: Season, year: YearRef, shift: Shift, ctx: &Context) -> Value {
    if let Some(y) = ctx.year_of(year) {
        return Value::Season(y, season);
    }
    if ctx.narrative
        && let Some(y) = ctx.last.year
    {
        return Value::Season(y, season);
    }
    let (cy, cs) = season_of(ctx.today_date());
    let cur = season_index(cy, cs);
    // the instances of this season just before / at-or-after the current one
    let mut at_or_after = season_index(cy - 1, season);
    while at_or_after < cur {
        at_or_after += 4;
    }
    let before = at_or_after - 4;
    let same = at_or_after == cur;
    let idx = match shift {
        Shift::By(n) if n > 0 => (if same { at_or_after + 4 } else { at_or_after }) + 4 * (n - 1),
        Shift::By(n) if n < 0 => before + 4 * (n + 1),
        Shift::By(_) => {
            if same || at_or_after - cur <= cur - before {
                at_or_after
            } else {
                before
            }
        }
        Shift::Tense => match ctx.tense {
            Some(Tense::Past) => {
                if same {
                    at_or_after
                } else {
                    before
                }
            }
            Some(Tense::Future) => at_or_after,
            _ => {
                let y = if season == Season::Winter && ctx.now.month() == 12 {
                    cy
                } else {
                    ctx.now.year()
                };
                return Value::Season(y, season);
            }
        },
    };
    let (y, s) = season_at(idx);
    Value::Season(y, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(now: &str, tense: Option<Tense>) -> Context {
        Context {
            now: NaiveDateTime::parse_from_str(now, "%Y-%m-%d %H:%M").unwrap(),
            tense,
            narrative: false,
            contrast: false,
            generic: false,
            yearly: false,
            daily: false,
            timeless: false,
            last: Anchor::default(),
            sentence_day: None,
            day_unknown: false,
        }
    }

    fn value(expr: Expr, c: &Context) -> String {
        resolve(&expr, c)
            .map(|v| v.timex())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn weekdays_follow_tense() {
        // Tuesday 2021-12-28
        let past = ctx("2021-12-28 10:20", Some(Tense::Past));
        let future = ctx("2021-12-28 10:20", Some(Tense::Future));
        let tuesday = Expr::Weekday {
            weekday: 2,
            shift: Shift::Tense,
        };
        assert_eq!(value(tuesday.clone(), &past), "2021-12-28");
        // the publication day counts forward too
        assert_eq!(value(tuesday.clone(), &future), "2021-12-28");
        // without a direction, the nearer one: Monday is yesterday, Friday in three days
        let none = ctx("2021-12-28 10:20", None);
        let day = |weekday| Expr::Weekday {
            weekday,
            shift: Shift::Tense,
        };
        assert_eq!(value(day(1), &none), "2021-12-27");
        assert_eq!(value(day(5), &none), "2021-12-31");
        assert_eq!(value(tuesday, &none), "2021-12-28");
        assert_eq!(
            value(
                Expr::Weekday {
                    weekday: 6,
                    shift: Shift::Tense
                },
                &past
            ),
            "2021-12-25"
        );
        assert_eq!(
            value(
                Expr::Weekday {
                    weekday: 1,
                    shift: Shift::By(1)
                },
                &past
            ),
            "2022-01-03"
        );
    }

    #[test]
    fn year_less_dates_take_the_nearest_year_in_the_clause_direction() {
        let c = ctx("2021-12-28 10:20", Some(Tense::Future));
        assert_eq!(
            value(
                Expr::Date {
                    year: YearRef::Open,
                    month: Some(1),
                    day: Some(10)
                },
                &c
            ),
            "2022-01-10"
        );
        let c = ctx("2021-12-28 10:20", Some(Tense::Past));
        let date = |month, day| Expr::Date {
            year: YearRef::Open,
            month: Some(month),
            day: Some(day),
        };
        assert_eq!(value(date(3, 10), &c), "2021-03-10");
        // a past-tense report about the coming days: `wurde das Treffen am 5. Januar abgesagt`
        assert_eq!(value(date(1, 5), &c), "2022-01-05");
        assert_eq!(value(date(1, 20), &c), "2021-01-20");
        assert_eq!(
            value(
                Expr::Date {
                    year: YearRef::Open,
                    month: Some(2),
                    day: Some(31)
                },
                &c
            ),
            "error: the date 31.2. does not exist"
        );
    }

    #[test]
    fn weeks_seasons_and_offsets() {
        let c = ctx("2014-03-15 12:00", Some(Tense::Past));
        let ago = Expr::Offset {
            amount: Amount::Number(2.0),
            unit: Unit::Week,
            sign: -1,
            anchor: AnchorKind::Now,
        };
        assert_eq!(value(ago, &c), "2014-W09");
        let c = ctx("2016-11-14 12:00", Some(Tense::Future));
        assert_eq!(
            value(
                Expr::Season {
                    season: Season::Spring,
                    year: YearRef::Open,
                    shift: Shift::Tense
                },
                &c
            ),
            "2017-SP"
        );
    }
}
