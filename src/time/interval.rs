//! [`DateInterval`]: the days a TIMEX3 date value stands for, to filter and compare dates of any
//! precision (`2022-01-10`, `2022-W02`, `2022-01`, `2022-SU`, `2022`) as intervals of days.

use std::fmt;
use std::str::FromStr;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Error;

/// How precise a date is: the calendar unit its TIMEX3 value names. Ordered from finest to
/// coarsest, so `precision <= Precision::Week` asks "a week or finer".
///
/// ```
/// use chronik::time::{DateInterval, Precision};
/// let precision = |v: &str| DateInterval::from_timex(v).unwrap().precision;
/// assert_eq!(precision("2022-01-10T09:30"), Precision::Day);
/// assert_eq!(precision("2022-W02"), Precision::Week);
/// assert_eq!(precision("2022-SU"), Precision::Season);
/// assert!(Precision::Week < Precision::Month);
/// assert_eq!(Precision::HalfYear.as_str(), "half-year");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// One day: `2022-01-10`, also a part of a day or a clock time on it (`2022-01-10TEV`,
    /// `2022-01-10T09:30`), and a weekday of an ISO week (`2022-W02-1`).
    Day,
    /// Saturday and Sunday of an ISO week: `2022-W02-WE`.
    Weekend,
    /// An ISO week, Monday to Sunday: `2022-W02`.
    Week,
    /// A calendar month: `2022-01`.
    Month,
    /// A quarter: `2022-Q1` (January to March).
    Quarter,
    /// A meteorological season: `2022-SP` (March to May), `2022-SU` (June to August), `2022-FA`
    /// (September to November), `2022-WI` (December 2021 to February 2022: a winter is named
    /// after the year in which it ends, as chronik's resolver names it).
    Season,
    /// A half year: `2022-H1` (January to June), `2022-H2`.
    HalfYear,
    /// A year: `2022`.
    Year,
    /// A decade: `202` (2020 to 2029), also `202X`.
    Decade,
    /// A century: `20` (2000 to 2099), also `20XX`.
    Century,
    /// A millennium: `2` (2000 to 2999).
    Millennium,
    /// Any interval given by its first and last day ([`DateInterval::new`]), not a calendar
    /// unit.
    Range,
}

impl Precision {
    /// The name: `day`, `weekend`, `week`, `month`, `quarter`, `season`, `half-year`, `year`,
    /// `decade`, `century`, `millennium` or `range` (as serialised).
    ///
    /// ```
    /// assert_eq!(chronik::time::Precision::Quarter.as_str(), "quarter");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Weekend => "weekend",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::HalfYear => "half-year",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
            Precision::Millennium => "millennium",
            Precision::Range => "range",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The days a date stands for: from `start` to `end`, **both inclusive**, and the precision it
/// was given with. A day is an interval of one day; `2022-W02` is 10 to 16 January 2022.
///
/// Built from a TIMEX3 value ([`from_timex`](Self::from_timex), or `parse`), from a calendar unit
/// ([`day`](Self::day), [`month`](Self::month), [`year`](Self::year)) or from two days
/// ([`new`](Self::new)). Intervals order by start, then end, so sorting by them sorts dates of
/// any precision in calendar order.
///
/// ```
/// use chronik::time::{DateInterval, Precision};
/// let january = DateInterval::month(2022, 1).unwrap();
/// let week: DateInterval = "2022-W02".parse()?;
/// assert_eq!(week.start.to_string(), "2022-01-10");
/// assert_eq!(week.end.to_string(), "2022-01-16");
/// assert!(january.contains(&week));
/// // week 5 ends in February: it overlaps January, it is not within it
/// let fifth: DateInterval = "2022-W05".parse()?;
/// assert!(january.overlaps(&fifth) && !january.contains(&fifth));
/// assert_eq!(fifth.to_string(), "2022-01-31/2022-02-06");
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateInterval {
    /// The first day.
    pub start: NaiveDate,
    /// The last day (inclusive).
    pub end: NaiveDate,
    /// The calendar unit the date names.
    pub precision: Precision,
}

impl DateInterval {
    /// The interval from `start` to `end`, both inclusive, with precision
    /// [`Range`](Precision::Range); `None` when `end` is before `start`.
    ///
    /// ```
    /// use chronik::time::DateInterval;
    /// use chrono::NaiveDate;
    /// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    /// let talks = DateInterval::new(d("2022-01-10"), d("2022-01-13")).unwrap();
    /// assert_eq!(talks.days(), 4);
    /// assert!(DateInterval::new(d("2022-01-13"), d("2022-01-10")).is_none());
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<DateInterval> {
        (start <= end).then_some(DateInterval {
            start,
            end,
            precision: Precision::Range,
        })
    }

    /// The one day `day`.
    ///
    /// ```
    /// use chronik::time::{DateInterval, Precision};
    /// let day = "2022-01-10".parse().unwrap();
    /// assert_eq!(DateInterval::day(day), DateInterval::from_timex("2022-01-10").unwrap());
    /// assert_eq!(DateInterval::day(day).precision, Precision::Day);
    /// ```
    pub fn day(day: NaiveDate) -> DateInterval {
        DateInterval {
            start: day,
            end: day,
            precision: Precision::Day,
        }
    }

    /// The calendar month `month` (1 to 12) of `year`; `None` for a month that does not exist.
    ///
    /// ```
    /// use chronik::time::DateInterval;
    /// let feb = DateInterval::month(2024, 2).unwrap();
    /// assert_eq!(feb.end.to_string(), "2024-02-29");
    /// assert!(DateInterval::month(2024, 13).is_none());
    /// ```
    pub fn month(year: i32, month: u32) -> Option<DateInterval> {
        months(year, month, 1, Precision::Month)
    }

    /// The calendar year `year`; `None` outside the years chrono can represent.
    ///
    /// ```
    /// use chronik::time::DateInterval;
    /// assert_eq!(DateInterval::year(2022).unwrap().days(), 365);
    /// ```
    pub fn year(year: i32) -> Option<DateInterval> {
        years(year, 1, Precision::Year)
    }

    /// The days a TIMEX3 value stands for, or `None` when it stands for no fixed days.
    ///
    /// Reads what chronik's time tagger writes and what TimeML allows for dates: days, ISO weeks
    /// and their weekends or weekdays, months, quarters, half years, seasons, years, decades,
    /// centuries, millennia, years before Christ (`BC0044`), and a date with a time of day
    /// (`2022-01-10T09:30`, `2022-01-10TEV`: the day). A trailing unknown part makes the
    /// interval coarser (`2022-01-XX` is January 2022, `201X` the 2010s). No fixed days: a
    /// reference to the present, past or future (`PRESENT_REF`), an unknown year
    /// (`XXXX-05-01`), a clock time without a day (`T20:00`), a duration (`P2W`) or set, and
    /// anything malformed or impossible (`2022-02-30`).
    ///
    /// ```
    /// use chronik::time::{DateInterval, Precision};
    /// let span = |v: &str| {
    ///     let i = DateInterval::from_timex(v).unwrap();
    ///     (i.start.to_string(), i.end.to_string(), i.precision)
    /// };
    /// assert_eq!(span("2022-01-10TEV"), ("2022-01-10".into(), "2022-01-10".into(), Precision::Day));
    /// assert_eq!(span("2022-Q1"), ("2022-01-01".into(), "2022-03-31".into(), Precision::Quarter));
    /// assert_eq!(span("2022-WI"), ("2021-12-01".into(), "2022-02-28".into(), Precision::Season));
    /// assert_eq!(span("202"), ("2020-01-01".into(), "2029-12-31".into(), Precision::Decade));
    /// assert_eq!(DateInterval::from_timex("PRESENT_REF"), None);
    /// assert_eq!(DateInterval::from_timex("XXXX-05-01"), None);
    /// ```
    pub fn from_timex(value: &str) -> Option<DateInterval> {
        // a time of day, a part of a day or a zone after `T` does not change the day
        let date = match value.find('T') {
            Some(0) => return None,
            Some(t) => &value[..t],
            None => value,
        };
        let mut parts = date.split('-');
        let first = parts.next()?;
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return None;
        }
        let Some(second) = second else {
            return year_field(first);
        };
        let year = whole_year(first)?;
        match (second, third) {
            (_, None) => year_part(year, second),
            (_, Some(third)) if is_unknown(third) => match second.strip_prefix('W') {
                Some(week) if !is_unknown(week) => iso_week(year, week),
                Some(_) => DateInterval::year(year),
                None => year_part(year, second),
            },
            (_, Some(third)) => match second.strip_prefix('W') {
                Some(week) => week_part(iso_week(year, week)?, third),
                None if second.len() != 2 || third.len() != 2 => None,
                None => {
                    let day = NaiveDate::from_ymd_opt(year, number(second)?, number(third)?)?;
                    Some(DateInterval::day(day))
                }
            },
        }
    }

    /// True when `day` lies within the interval.
    ///
    /// ```
    /// use chronik::time::DateInterval;
    /// let q1 = DateInterval::from_timex("2022-Q1").unwrap();
    /// assert!(q1.contains_day("2022-03-31".parse().unwrap()));
    /// assert!(!q1.contains_day("2022-04-01".parse().unwrap()));
    /// ```
    pub fn contains_day(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// True when every day of `other` lies within this interval.
    ///
    /// ```
    /// use chronik::time::DateInterval;
    /// let i = |v: &str| DateInterval::from_timex(v).unwrap();
    /// assert!(i("2022").contains(&i("2022-SU")));
    /// assert!(!i("2022").contains(&i("2022-WI")), "winter 2022 starts in December 2021");
    /// assert!(i("2022-01").contains(&i("2022-01")));
    /// ```
    pub fn contains(&self, other: &DateInterval) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the intervals share at least one day.
    ///
    /// ```
    /// use chronik::time::DateInterval;
    /// let i = |v: &str| DateInterval::from_timex(v).unwrap();
    /// assert!(i("2022-W05").overlaps(&i("2022-02")), "week 5 ends on 6 February");
    /// assert!(!i("2022-W04").overlaps(&i("2022-02")));
    /// ```
    pub fn overlaps(&self, other: &DateInterval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The number of days, at least 1.
    ///
    /// ```
    /// use chronik::time::DateInterval;
    /// assert_eq!(DateInterval::from_timex("2022-W02-WE").unwrap().days(), 2);
    /// ```
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// `2022-01-10` for a day, `2022-01-03/2022-01-09` (ISO 8601 interval of days) otherwise.
impl fmt::Display for DateInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}/{}", self.start, self.end)
        }
    }
}

/// Parses a TIMEX3 value as [`DateInterval::from_timex`] does.
///
/// ```
/// use chronik::time::DateInterval;
/// let err = "PRESENT_REF".parse::<DateInterval>().unwrap_err();
/// assert_eq!(err.input(), Some("PRESENT_REF"));
/// assert_eq!(err.to_string(), "PRESENT_REF: not a TIMEX3 value of fixed days");
/// ```
impl FromStr for DateInterval {
    type Err = Error;

    fn from_str(value: &str) -> Result<DateInterval, Error> {
        DateInterval::from_timex(value)
            .ok_or_else(|| Error::value(value, "not a TIMEX3 value of fixed days"))
    }
}

/// A run of ASCII digits as a number (no sign, no `+`).
fn number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// True for `X`, `XX`, `XXXX`: a part TIMEX3 leaves unknown.
fn is_unknown(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b == b'X')
}

/// The year of a four-digit year field, `BC` years negative (`BC0044` is -44, as chronik writes
/// them).
fn whole_year(field: &str) -> Option<i32> {
    let (negative, digits) = match field.strip_prefix("BC") {
        Some(rest) => (true, rest),
        None => (false, field),
    };
    if digits.len() != 4 {
        return None;
    }
    let year = i32::try_from(number(digits)?).ok()?;
    Some(if negative { -year } else { year })
}

/// A value that is only a year field: `2022`, `202` (decade), `20` (century), `2` (millennium),
/// with unknown trailing digits (`201X`) and `BC`.
fn year_field(field: &str) -> Option<DateInterval> {
    let (negative, rest) = match field.strip_prefix("BC") {
        Some(rest) => (true, rest),
        None => (false, field),
    };
    let digits = rest.trim_end_matches('X');
    let unknown = rest.len() - digits.len();
    if unknown > 0 && rest.len() != 4 {
        // `201X` is a decade; `20X` is nothing TimeML writes
        return None;
    }
    let precision = match digits.len() {
        4 => Precision::Year,
        3 => Precision::Decade,
        2 => Precision::Century,
        1 => Precision::Millennium,
        _ => return None,
    };
    let scale = 10i32.pow(4 - digits.len() as u32);
    let n = i32::try_from(number(digits)?).ok()?;
    let n = if negative { -n } else { n };
    years(n.checked_mul(scale)?, scale, precision)
}

/// The part of a year named by the second field of a value: month, ISO week, quarter, half,
/// season; `XX` (an unknown month) is the year.
fn year_part(year: i32, part: &str) -> Option<DateInterval> {
    if is_unknown(part) {
        return DateInterval::year(year);
    }
    match part {
        "SP" => return months(year, 3, 3, Precision::Season),
        "SU" => return months(year, 6, 3, Precision::Season),
        "FA" => return months(year, 9, 3, Precision::Season),
        "WI" => return months(year.checked_sub(1)?, 12, 3, Precision::Season),
        _ => {}
    }
    if let Some(week) = part.strip_prefix('W') {
        return if is_unknown(week) {
            DateInterval::year(year)
        } else {
            iso_week(year, week)
        };
    }
    if let Some(q) = part.strip_prefix('Q') {
        return numbered(year, q, 4, |q| {
            months(year, 3 * q - 2, 3, Precision::Quarter)
        });
    }
    if let Some(h) = part.strip_prefix('H') {
        return numbered(year, h, 2, |h| {
            months(year, 6 * h - 5, 6, Precision::HalfYear)
        });
    }
    if part.len() != 2 {
        return None;
    }
    DateInterval::month(year, number(part)?)
}

/// The `n`th (`1`) of `count` parts of `year` (quarters, halves); `X` is the whole year.
fn numbered(
    year: i32,
    n: &str,
    count: u32,
    make: impl Fn(u32) -> Option<DateInterval>,
) -> Option<DateInterval> {
    if is_unknown(n) {
        return DateInterval::year(year);
    }
    if n.len() != 1 {
        return None;
    }
    number(n).filter(|k| (1..=count).contains(k)).and_then(make)
}

/// ISO week `week` (`02`) of the ISO week-numbering year `year`; `None` for week 53 of a year
/// that has 52.
fn iso_week(year: i32, week: &str) -> Option<DateInterval> {
    if week.len() != 2 {
        return None;
    }
    let monday = NaiveDate::from_isoywd_opt(year, number(week)?, chrono::Weekday::Mon)?;
    Some(DateInterval {
        start: monday,
        end: monday.checked_add_signed(Duration::days(6))?,
        precision: Precision::Week,
    })
}

/// The weekend (`WE`) or a weekday (`1` to `7`) of an ISO week.
fn week_part(week: DateInterval, part: &str) -> Option<DateInterval> {
    if part == "WE" {
        return Some(DateInterval {
            start: week.start.checked_add_signed(Duration::days(5))?,
            end: week.end,
            precision: Precision::Weekend,
        });
    }
    let weekday = number(part).filter(|d| (1..=7).contains(d) && part.len() == 1)?;
    let day = week
        .start
        .checked_add_signed(Duration::days(i64::from(weekday) - 1))?;
    Some(DateInterval::day(day))
}

/// `count` months from the first of `month` in `year`.
fn months(year: i32, month: u32, count: u32, precision: Precision) -> Option<DateInterval> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let after = start.checked_add_months(chrono::Months::new(count))?;
    Some(DateInterval {
        start,
        end: after.pred_opt()?,
        precision,
    })
}

/// `count` years from 1 January of `year`.
fn years(year: i32, count: i32, precision: Precision) -> Option<DateInterval> {
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(year.checked_add(count - 1)?, 12, 31)?;
    Some(DateInterval {
        start,
        end: last,
        precision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(value: &str) -> Option<(String, String, Precision)> {
        DateInterval::from_timex(value)
            .map(|i| (i.start.to_string(), i.end.to_string(), i.precision))
    }

    fn is(value: &str, start: &str, end: &str, precision: Precision) {
        assert_eq!(
            span(value),
            Some((start.to_string(), end.to_string(), precision)),
            "{value}"
        );
    }

    #[test]
    fn days_and_times_of_day() {
        is("2022-01-10", "2022-01-10", "2022-01-10", Precision::Day);
        is("2024-02-29", "2024-02-29", "2024-02-29", Precision::Day);
        is(
            "2022-01-10T09:30",
            "2022-01-10",
            "2022-01-10",
            Precision::Day,
        );
        is(
            "2022-01-10T09:30:15+01:00",
            "2022-01-10",
            "2022-01-10",
            Precision::Day,
        );
        is("2022-01-10TEV", "2022-01-10", "2022-01-10", Precision::Day);
        is("2022-01-10TMO", "2022-01-10", "2022-01-10", Precision::Day);
        assert_eq!(span("2022-02-30"), None);
        assert_eq!(span("2023-02-29"), None);
        assert_eq!(span("2022-13-01"), None);
        assert_eq!(span("2022-00-10"), None);
        assert_eq!(span("2022-1-10"), None, "TIMEX3 months have two digits");
        assert_eq!(span("T20:00"), None);
        assert_eq!(span("2022-01-10-11"), None);
    }

    #[test]
    fn weeks_weekends_and_weekdays() {
        is("2022-W02", "2022-01-10", "2022-01-16", Precision::Week);
        is("2022-W01", "2022-01-03", "2022-01-09", Precision::Week);
        // ISO week 1 of 2020 starts in 2019; 2020 has 53 weeks, 2021 has 52
        is("2020-W01", "2019-12-30", "2020-01-05", Precision::Week);
        is("2020-W53", "2020-12-28", "2021-01-03", Precision::Week);
        assert_eq!(span("2021-W53"), None);
        assert_eq!(span("2022-W00"), None);
        assert_eq!(span("2022-W2"), None);
        is(
            "2022-W02-WE",
            "2022-01-15",
            "2022-01-16",
            Precision::Weekend,
        );
        is("2022-W02-1", "2022-01-10", "2022-01-10", Precision::Day);
        is("2022-W02-7", "2022-01-16", "2022-01-16", Precision::Day);
        assert_eq!(span("2022-W02-8"), None);
        assert_eq!(span("2022-W02-0"), None);
        is("2022-W02-X", "2022-01-10", "2022-01-16", Precision::Week);
        is("2022-WXX", "2022-01-01", "2022-12-31", Precision::Year);
        assert_eq!(span("XXXX-WXX-1"), None, "a weekday of every week is a set");
    }

    #[test]
    fn months_quarters_halves_and_seasons() {
        is("2022-01", "2022-01-01", "2022-01-31", Precision::Month);
        is("2022-02", "2022-02-01", "2022-02-28", Precision::Month);
        is("2024-02", "2024-02-01", "2024-02-29", Precision::Month);
        is("2022-12", "2022-12-01", "2022-12-31", Precision::Month);
        assert_eq!(span("2022-13"), None);
        assert_eq!(span("2022-00"), None);
        is("2022-Q1", "2022-01-01", "2022-03-31", Precision::Quarter);
        is("2022-Q4", "2022-10-01", "2022-12-31", Precision::Quarter);
        assert_eq!(span("2022-Q5"), None);
        assert_eq!(span("2022-Q0"), None);
        is("2022-QX", "2022-01-01", "2022-12-31", Precision::Year);
        is("2022-H1", "2022-01-01", "2022-06-30", Precision::HalfYear);
        is("2022-H2", "2022-07-01", "2022-12-31", Precision::HalfYear);
        assert_eq!(span("2022-H3"), None);
        is("2022-SP", "2022-03-01", "2022-05-31", Precision::Season);
        is("2022-SU", "2022-06-01", "2022-08-31", Precision::Season);
        is("2022-FA", "2022-09-01", "2022-11-30", Precision::Season);
        is("2022-WI", "2021-12-01", "2022-02-28", Precision::Season);
        is("2024-WI", "2023-12-01", "2024-02-29", Precision::Season);
        assert_eq!(span("2022-AU"), None);
    }

    #[test]
    fn years_and_longer() {
        is("2022", "2022-01-01", "2022-12-31", Precision::Year);
        is("0800", "0800-01-01", "0800-12-31", Precision::Year);
        is("202", "2020-01-01", "2029-12-31", Precision::Decade);
        is("201X", "2010-01-01", "2019-12-31", Precision::Decade);
        is("20", "2000-01-01", "2099-12-31", Precision::Century);
        is("19XX", "1900-01-01", "1999-12-31", Precision::Century);
        is("2", "2000-01-01", "2999-12-31", Precision::Millennium);
        is("BC0044", "-0044-01-01", "-0044-12-31", Precision::Year);
        // chronik writes a century before Christ as its negative `div_euclid` (`BC02` for the
        // years -200 to -101)
        is("BC02", "-0200-01-01", "-0101-12-31", Precision::Century);
        is("2022-XX", "2022-01-01", "2022-12-31", Precision::Year);
        is("2022-01-XX", "2022-01-01", "2022-01-31", Precision::Month);
        assert_eq!(span("20X"), None);
        assert_eq!(span("20222"), None);
        assert_eq!(span("999999"), None);
    }

    #[test]
    fn no_fixed_days() {
        for value in [
            "",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "XXXX",
            "XXXX-05-01",
            "XXXX-XX-XX",
            "XXXX-SU",
            "P2W",
            "PXY",
            "P2.5Y",
            "T09:30",
            "TMO",
            "-2022",
            "+2022",
            "2022-",
            "-01-10",
            "２０２２",
            "2022-01-1x",
            "BC",
            "BCXX",
            "2022-W02-WE-1",
        ] {
            assert_eq!(span(value), None, "{value:?}");
            assert!(value.parse::<DateInterval>().is_err(), "{value:?}");
        }
    }

    #[test]
    fn comparisons() {
        let i = |v: &str| DateInterval::from_timex(v).unwrap();
        let january = i("2022-01");
        assert!(january.contains(&i("2022-01-31")));
        assert!(!january.contains(&i("2022-02-01")));
        assert!(january.contains(&i("2022-W02")));
        assert!(!january.contains(&i("2022-W05")));
        assert!(january.overlaps(&i("2022-W05")));
        assert!(january.overlaps(&i("2022-WI")) && i("2022-WI").contains(&january));
        assert!(!january.overlaps(&i("2022-02")));
        assert!(i("2022-Q1").contains(&january) && !january.contains(&i("2022-Q1")));
        assert!(i("202").contains(&i("2022-H2")));
        // overlap is symmetric, containment is not
        for (a, b) in [("2022-W05", "2022-02"), ("2021-12-31", "2022-WI")] {
            assert_eq!(i(a).overlaps(&i(b)), i(b).overlaps(&i(a)));
        }
        let day = "2022-01-31".parse().unwrap();
        assert!(january.contains_day(day) && !i("2022-02").contains_day(day));
        assert_eq!(january.days(), 31);
        assert_eq!(i("2024").days(), 366);
    }

    #[test]
    fn order_is_calendar_order() {
        let mut values = ["2022-02", "2022-01-10", "2022", "2022-W01", "2021-WI"]
            .map(|v| DateInterval::from_timex(v).unwrap());
        values.sort();
        let shown: Vec<String> = values.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "2020-12-01/2021-02-28",
                "2022-01-01/2022-12-31",
                "2022-01-03/2022-01-09",
                "2022-01-10",
                "2022-02-01/2022-02-28",
            ]
        );
    }

    #[test]
    fn serde_round_trip() {
        let week = DateInterval::from_timex("2022-W02").unwrap();
        let json = serde_json::to_string(&week).unwrap();
        assert_eq!(
            json,
            r#"{"start":"2022-01-10","end":"2022-01-16","precision":"week"}"#
        );
        assert_eq!(serde_json::from_str::<DateInterval>(&json).unwrap(), week);
    }

    #[test]
    fn new_checks_the_order() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let r = DateInterval::new(d("2022-01-10"), d("2022-01-10")).unwrap();
        assert_eq!((r.days(), r.precision), (1, Precision::Range));
        assert!(DateInterval::new(d("2022-01-11"), d("2022-01-10")).is_none());
        assert_eq!(DateInterval::year(i32::MAX), None);
        assert_eq!(DateInterval::month(2022, 0), None);
    }
}
