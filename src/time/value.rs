//! Resolved values and their TIMEX3 spelling.
//!
//! A [`Value`] is what the resolver computed: a day, a week, a season, a clock time, a duration.
//! This module only writes it the way TimeML and the gold data of `../shared/eval` do
//! (`2022-01-10`, `2022-W02`, `2021-12-27TEV`, `P2.5Y`, `PXW`, `XXXX-WXX-1`) and gives its
//! TIMEX3 type; it computes nothing.

use chrono::{Datelike, NaiveDate};

use super::expr::{Amount, Clock, DayPart, RefValue, Season, SetValue, Unit, Zone};
use crate::TimexType;

/// A resolved temporal value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Day(NaiveDate),
    /// A day of the year that recurs (`jedes Jahr am 1. Mai`): XXXX-05-01.
    DayOfYear(u32, u32),
    Month(i32, u32),
    Year(i32),
    /// ISO week-numbering year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Decade(i32),
    Century(i32),
    Millennium(i32),
    DayPart(NaiveDate, DayPart),
    /// A clock time, on a day or (when the text leaves it open) on none: `T20:00`.
    Time(Option<NaiveDate>, Clock),
    Duration(Amount, Unit),
    /// `zwei Jahre und sieben Monate`: P2Y7M.
    DurationSum((f64, Unit), (f64, Unit)),
    Set(SetValue),
    Ref(RefValue),
}

impl Value {
    /// The TIMEX3 type.
    pub(crate) fn timex_type(&self) -> TimexType {
        match self {
            Value::DayPart(..) | Value::Time(..) => TimexType::Time,
            Value::Duration(..) | Value::DurationSum(..) => TimexType::Duration,
            Value::Set(_) => TimexType::Set,
            _ => TimexType::Date,
        }
    }

    /// The TIMEX3 value.
    pub(crate) fn timex(&self) -> String {
        match self {
            Value::Day(d) => day(*d),
            Value::DayOfYear(m, d) => format!("XXXX-{m:02}-{d:02}"),
            Value::Month(y, m) => format!("{}-{m:02}", year(*y)),
            Value::Year(y) => year(*y),
            Value::Week(y, w) => format!("{}-W{w:02}", year(*y)),
            Value::Weekend(y, w) => format!("{}-W{w:02}-WE", year(*y)),
            Value::Quarter(y, q) => format!("{}-Q{q}", year(*y)),
            Value::Half(y, h) => format!("{}-H{h}", year(*y)),
            Value::Season(y, s) => format!("{}-{}", year(*y), s.code()),
            Value::Decade(d) => format!("{d:03}"),
            Value::Century(c) if *c < 0 => format!("BC{:02}", -c),
            Value::Century(c) => format!("{c:02}"),
            Value::Millennium(m) => m.to_string(),
            Value::DayPart(d, p) => format!("{}T{}", day(*d), p.code()),
            Value::Time(d, c) => format!(
                "{}T{:02}:{:02}{}{}",
                d.map(day).unwrap_or_default(),
                c.hour,
                c.minute,
                c.second.map(|s| format!(":{s:02}")).unwrap_or_default(),
                zone(c.zone)
            ),
            Value::Duration(a, u) => duration(*a, *u),
            Value::DurationSum(a, b) => duration_sum(*a, *b),
            Value::Set(s) => set(*s),
            Value::Ref(r) => r.as_str().to_string(),
        }
    }
}

fn year(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

fn day(d: NaiveDate) -> String {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        return format!("{}-{:02}-{:02}", year(y), d.month(), d.day());
    }
    // `format!` costs a few thousand instructions; every date of every article comes here
    let (y, m, d) = (y as u32, d.month(), d.day());
    let digits = [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        10,
        m / 10,
        m % 10,
        10,
        d / 10,
        d % 10,
    ];
    digits
        .iter()
        .map(|&n| {
            if n == 10 {
                '-'
            } else {
                char::from(b'0' + n as u8)
            }
        })
        .collect()
}

/// A zone written after a clock time (`16 Uhr MEZ`) stays inside the extent but not in the value:
/// the value is the wall-clock time of the stated zone, as for `15 Uhr Ortszeit` (the news
/// guideline, `../shared/eval/news/NOTES.md` rule 20; WikiWarsDE's TIMEX2 writes the offset).
fn zone(_: Option<Zone>) -> String {
    String::new()
}

/// `2`, `2.5`, `0.5`: a number as TIMEX3 writes it.
fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{}", (n * 1000.0).round() / 1000.0)
    }
}

/// `P2Y`, `PT15M`, `PXW`, `P20Y` for two decades, `P1WE`.
/// `P2Y7M`, `PT2H30M`, `P1DT12H`: the date units, then `T` and the clock units.
fn duration_sum(a: (f64, Unit), b: (f64, Unit)) -> String {
    let part = |(n, u): (f64, Unit)| {
        duration(Amount::Number(n), u)
            .replacen("PT", "", 1)
            .replacen('P', "", 1)
    };
    match (a.1.is_clock(), b.1.is_clock()) {
        (false, false) => format!("P{}{}", part(a), part(b)),
        (false, true) => format!("P{}T{}", part(a), part(b)),
        _ => format!("PT{}{}", part(a), part(b)),
    }
}

fn duration(amount: Amount, unit: Unit) -> String {
    let (scale, letter) = match unit {
        Unit::Second => (1.0, "S"),
        Unit::Minute => (1.0, "M"),
        Unit::Hour => (1.0, "H"),
        Unit::Day => (1.0, "D"),
        Unit::Week => (1.0, "W"),
        Unit::Weekend => (1.0, "WE"),
        Unit::Month => (1.0, "M"),
        Unit::Quarter => (3.0, "M"),
        Unit::HalfYear => (6.0, "M"),
        Unit::Year => (1.0, "Y"),
        Unit::Decade => (10.0, "Y"),
        Unit::Century => (1.0, "CE"),
        Unit::Millennium => (1.0, "L"),
    };
    let t = if unit.is_clock() { "T" } else { "" };
    match amount {
        Amount::Number(n) => format!("P{t}{}{letter}", number(n * scale)),
        Amount::Vague => {
            let letter = match unit {
                Unit::Decade => "DE",
                Unit::Quarter => "Q",
                Unit::HalfYear => "M",
                _ => letter,
            };
            format!("P{t}X{letter}")
        }
    }
}

fn set(s: SetValue) -> String {
    match s {
        SetValue::Every { amount, unit } => duration(amount, unit),
        SetValue::Weekday { weekday, part } => {
            format!(
                "XXXX-WXX-{weekday}{}",
                part.map(|p| format!("T{}", p.code())).unwrap_or_default()
            )
        }
        SetValue::Part(p) => format!("XXXX-XX-XXT{}", p.code()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spells_values_like_timeml() {
        let d = NaiveDate::from_ymd_opt(2021, 12, 27).unwrap();
        assert_eq!(Value::DayPart(d, DayPart::Evening).timex(), "2021-12-27TEV");
        assert_eq!(Value::Week(2022, 2).timex(), "2022-W02");
        assert_eq!(
            Value::Duration(Amount::Number(2.5), Unit::Year).timex(),
            "P2.5Y"
        );
        assert_eq!(
            Value::Duration(Amount::Number(2.0), Unit::Decade).timex(),
            "P20Y"
        );
        assert_eq!(Value::Duration(Amount::Vague, Unit::Hour).timex(), "PTXH");
        assert_eq!(
            Value::Duration(Amount::Number(0.5), Unit::Hour).timex(),
            "PT0.5H"
        );
        assert_eq!(Value::Decade(199).timex(), "199");
        assert_eq!(Value::Century(19).timex(), "19");
        let c = Clock {
            hour: 23,
            minute: 0,
            second: None,
            zone: Some(Zone::Offset(1)),
        };
        assert_eq!(Value::Time(Some(d), c).timex(), "2021-12-27T23:00");
        assert_eq!(Value::Time(None, c).timex(), "T23:00");
        let s = Clock {
            second: Some(5),
            ..c
        };
        assert_eq!(Value::Time(Some(d), s).timex(), "2021-12-27T23:00:05");
        assert_eq!(
            Value::Set(SetValue::Weekday {
                weekday: 1,
                part: Some(DayPart::Evening)
            })
            .timex(),
            "XXXX-WXX-1TEV"
        );
    }
}
