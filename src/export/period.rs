//! [`Period`]: the stretch of days a TIMEX3 date value names, for the formats that draw a time
//! axis (TimelineJS, HTML, CSV). A day is one day; a week runs Monday to Sunday (ISO 8601), a
//! weekend Saturday to Sunday, a quarter and a half their three and six months, a season its
//! meteorological months (spring March–May, summer June–August, autumn September–November,
//! winter December of the year before to the end of February: `2022-WI` is the winter that
//! ends in 2022, as the resolver names it), a decade and a century their years.
//! A time of day (`2022-01-10TEV`, `2022-01-10T09:30`) is its day. Values with unknown parts
//! (`XXXX-01-10`) name no period.

use chrono::{Datelike, NaiveDate};

use super::Labels;
use crate::time::DateInterval;

/// What a TIMEX3 date value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A day.
    Day(NaiveDate),
    /// An ISO week: year and week.
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    /// A month: year and month (1–12).
    Month(i32, u32),
    /// A quarter (1–4).
    Quarter(i32, u32),
    /// A half year (1–2).
    Half(i32, u32),
    /// A season: year and TIMEX3 code (`SP`, `SU`, `FA`, `WI`).
    Season(i32, &'static str),
    /// A year.
    Year(i32),
    /// A decade, by its first year (1990).
    Decade(i32),
    /// A century, by its first year (1900).
    Century(i32),
}

/// A TIMEX3 date value as a stretch of days, both ends included.
///
/// ```
/// use chronik::export::Period;
/// let week = Period::parse("2022-W02").unwrap();
/// assert_eq!(week.start.to_string(), "2022-01-10");
/// assert_eq!(week.end.to_string(), "2022-01-16");
/// let winter = Period::parse("2022-WI").unwrap();
/// assert_eq!((winter.start.to_string(), winter.end.to_string()), ("2021-12-01".into(), "2022-02-28".into()));
/// assert!(Period::parse("XXXX-01-10").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// What the value names.
    pub unit: Unit,
    /// The first day.
    pub start: NaiveDate,
    /// The last day (the same as `start` for a day).
    pub end: NaiveDate,
}

impl Period {
    /// The period of a TIMEX3 date value, or `None` when it names none.
    pub fn parse(value: &str) -> Option<Period> {
        let date = value.split('T').next()?;
        let (negative, date) = match date.strip_prefix("BC") {
            Some(rest) => (true, rest),
            None => (false, date),
        };
        let mut parts = date.split('-');
        let year_text = parts.next()?;
        if year_text.is_empty() || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let number: i32 = year_text.parse().ok()?;
        let sign = if negative { -1 } else { 1 };
        let rest: Vec<&str> = parts.collect();
        let unit = match (year_text.len(), rest.as_slice()) {
            (2, []) => Unit::Century(sign * number * 100),
            (3, []) => Unit::Decade(sign * number * 10),
            (n, _) if n < 4 => return None,
            (_, []) => Unit::Year(sign * number),
            (_, parts) => unit_of_year(sign * number, parts)?,
        };
        // the days come from the one reader of TIMEX3 date values; the unit only names them
        let days = DateInterval::from_timex(value)?;
        Some(Period {
            unit,
            start: days.start,
            end: days.end,
        })
    }

    /// True for a single day.
    pub fn is_day(&self) -> bool {
        matches!(self.unit, Unit::Day(_))
    }

    /// The period in German words, from the templates in `assets/labels.tsv`: `10. Januar 2022`,
    /// `KW 2/2022`, `Sommer 2017`, `1. Quartal 2022`.
    ///
    /// ```
    /// use chronik::export::{Labels, Period};
    /// let german = |v: &str| Period::parse(v).unwrap().german(Labels::german());
    /// assert_eq!(german("2022-01-10"), "10. Januar 2022");
    /// assert_eq!(german("2017-SU"), "Sommer 2017");
    /// assert_eq!(german("2024-W02"), "KW 2/2024");
    /// ```
    pub fn german(&self, labels: &Labels) -> String {
        let year = |y: i32| {
            if y < 0 {
                fill(labels.get("date", "bc"), &[("{y}", (-y).to_string())])
            } else {
                y.to_string()
            }
        };
        let month = |m: u32| labels.get("month", &m.to_string()).to_string();
        let (template, fields): (&str, Vec<(&str, String)>) = match self.unit {
            Unit::Day(d) => (
                "day",
                vec![
                    ("{d}", d.day().to_string()),
                    ("{m}", month(d.month())),
                    ("{y}", year(d.year())),
                ],
            ),
            Unit::Month(y, m) => ("month", vec![("{m}", month(m)), ("{y}", year(y))]),
            Unit::Week(y, w) => ("week", vec![("{w}", w.to_string()), ("{y}", year(y))]),
            Unit::Weekend(y, w) => ("weekend", vec![("{w}", w.to_string()), ("{y}", year(y))]),
            Unit::Quarter(y, q) => ("quarter", vec![("{q}", q.to_string()), ("{y}", year(y))]),
            Unit::Half(y, h) => ("half", vec![("{h}", h.to_string()), ("{y}", year(y))]),
            Unit::Season(y, s) => (
                "season",
                vec![
                    ("{s}", labels.get("season", s).to_string()),
                    ("{y}", year(y)),
                ],
            ),
            Unit::Year(y) => ("year", vec![("{y}", year(y))]),
            Unit::Decade(y) => ("decade", vec![("{y}", year(y))]),
            Unit::Century(y) => ("century", vec![("{c}", (y / 100 + 1).to_string())]),
        };
        fill(labels.get("date", template), &fields)
    }
}

fn fill(template: &str, fields: &[(&str, String)]) -> String {
    fields.iter().fold(template.to_string(), |t, (key, value)| {
        t.replace(key, value)
    })
}

fn number(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The TIMEX3 season codes: spring, summer, autumn, winter.
const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// The unit of a value with a year and more parts: `01`, `01-10`, `W02`, `W02-WE`, `Q1`, `H2`, `SU`.
fn unit_of_year(y: i32, parts: &[&str]) -> Option<Unit> {
    Some(match parts {
        [m] if number(m).is_some() => Unit::Month(y, number(m)?),
        [w, "WE"] if w.starts_with('W') => Unit::Weekend(y, number(&w[1..])?),
        [m, d] => Unit::Day(NaiveDate::from_ymd_opt(y, number(m)?, number(d)?)?),
        [q] if q.starts_with('Q') => Unit::Quarter(y, number(&q[1..])?),
        [h] if h.starts_with('H') => Unit::Half(y, number(&h[1..])?),
        [s] if SEASONS.contains(s) => Unit::Season(y, SEASONS.into_iter().find(|c| c == s)?),
        // after the seasons: `WI` is winter, not a week
        [w] if w.starts_with('W') => Unit::Week(y, number(&w[1..])?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(value: &str) -> Option<(String, String)> {
        Period::parse(value).map(|p| (p.start.to_string(), p.end.to_string()))
    }

    #[test]
    fn periods_of_every_precision() {
        let cases = [
            ("2022-01-10", "2022-01-10", "2022-01-10"),
            ("2021-12-27TEV", "2021-12-27", "2021-12-27"),
            ("2022-01-10T09:30", "2022-01-10", "2022-01-10"),
            ("2022-02", "2022-02-01", "2022-02-28"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2022-W02", "2022-01-10", "2022-01-16"),
            ("2024-W02", "2024-01-08", "2024-01-14"),
            ("2022-W02-WE", "2022-01-15", "2022-01-16"),
            ("2022-Q4", "2022-10-01", "2022-12-31"),
            ("2022-H1", "2022-01-01", "2022-06-30"),
            ("2017-SU", "2017-06-01", "2017-08-31"),
            ("2020-FA", "2020-09-01", "2020-11-30"),
            ("2024-WI", "2023-12-01", "2024-02-29"),
            ("2022", "2022-01-01", "2022-12-31"),
            ("199", "1990-01-01", "1999-12-31"),
            ("19", "1900-01-01", "1999-12-31"),
        ];
        for (value, start, end) in cases {
            assert_eq!(span(value), Some((start.into(), end.into())), "{value}");
        }
    }

    #[test]
    fn values_that_name_no_period() {
        for value in [
            "",
            "XXXX-01-10",
            "2022-13",
            "2022-02-30",
            "2022-W54",
            "2022-Q0",
            "2022-Q5",
            "2022-XX",
            "PRESENT_REF",
            "P2Y",
            "2",
            "2022-W",
            "BC",
        ] {
            assert_eq!(span(value), None, "{value}");
        }
    }

    #[test]
    fn the_same_days_as_the_merge_compares() {
        // `graph::day_range` (through `time::DateInterval`) is what the merge compares; a period
        // must cover the same days
        for value in [
            "2022-01-10",
            "2022-01-10TEV",
            "2022-02",
            "2024-02",
            "2022-W02",
            "2022-W52-WE",
            "2022-Q1",
            "2022-Q4",
            "2017-SU",
            "2020-FA",
            "2023-WI",
            "2022-SP",
            "2022",
            "2022-13",
            "2022-02-30",
            "XXXX-01-10",
        ] {
            let period = Period::parse(value).map(|p| (p.start, p.end));
            assert_eq!(period, crate::graph::day_range(value), "{value}");
        }
    }

    #[test]
    fn years_before_christ() {
        let p = Period::parse("BC0490").unwrap();
        assert_eq!(p.start.year(), -490);
        assert_eq!(p.german(Labels::german()), "490 v. Chr.");
    }

    #[test]
    fn german_words_for_coarse_periods() {
        let german = |v: &str| Period::parse(v).unwrap().german(Labels::german());
        assert_eq!(german("2022-02"), "Februar 2022");
        assert_eq!(german("2022-Q1"), "1. Quartal 2022");
        assert_eq!(german("2022-H2"), "2. Halbjahr 2022");
        assert_eq!(german("199"), "1990er-Jahre");
        assert_eq!(german("20"), "21. Jahrhundert");
        assert_eq!(german("2022-W02-WE"), "Wochenende KW 2/2022");
    }
}
