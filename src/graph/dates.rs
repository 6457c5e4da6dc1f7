//! Meeting dates as the merge compares them: a TIMEX3 value's precision and the days it covers.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// How precise a TIMEX3 date value is (ACLED's time precision, finer).
///
/// ```
/// use chronik::graph::DatePrecision;
/// assert_eq!(serde_json::to_string(&DatePrecision::Week).unwrap(), r#""week""#);
/// assert_eq!(DatePrecision::Month.as_str(), "month");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// `2022-01-10` (also with a time of day: `2022-01-10TEV`).
    Day,
    /// `2022-W02` (ISO week).
    Week,
    /// `2022-01`.
    Month,
    /// `2022-SU` (spring `SP`, summer `SU`, autumn `FA`, winter `WI`).
    Season,
    /// `2022-Q1`.
    Quarter,
    /// `2022`.
    Year,
    /// `202` (the 2020s).
    Decade,
    /// `20` (the 2000s).
    Century,
}

impl DatePrecision {
    /// The lower-case name: `day`, `week`, `month`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Season => "season",
            DatePrecision::Quarter => "quarter",
            DatePrecision::Year => "year",
            DatePrecision::Decade => "decade",
            DatePrecision::Century => "century",
        }
    }
}

/// The precision of a TIMEX3 date value.
///
/// ```
/// use chronik::graph::{DatePrecision, date_precision};
/// assert_eq!(date_precision("2022-01-10"), DatePrecision::Day);
/// assert_eq!(date_precision("2022-W02"), DatePrecision::Week);
/// assert_eq!(date_precision("2022-SU"), DatePrecision::Season);
/// assert_eq!(date_precision("2022"), DatePrecision::Year);
/// ```
pub fn date_precision(value: &str) -> DatePrecision {
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [_, w, ..] if is_week(w) => DatePrecision::Week,
        [_, _, _, ..] => DatePrecision::Day,
        [_, q] if q.starts_with('Q') => DatePrecision::Quarter,
        [_, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => DatePrecision::Season,
        [_, _] => DatePrecision::Month,
        [y] if y.len() == 3 => DatePrecision::Decade,
        [y] if y.len() == 2 => DatePrecision::Century,
        _ => DatePrecision::Year,
    }
}

/// `W02`, not `WI` (winter).
fn is_week(part: &str) -> bool {
    part.len() > 1 && part.starts_with('W') && part[1..].bytes().all(|b| b.is_ascii_digit())
}

/// The first and last day a TIMEX3 date value covers (`2022-W02`: 10 to 16 January 2022), or
/// `None` for values that name no calendar period (`XXXX-01-10`, `PRESENT_REF`, years before
/// Christ, decades and centuries).
///
/// ```
/// use chronik::graph::day_range;
/// use chrono::NaiveDate;
/// let d = |m, d| NaiveDate::from_ymd_opt(2022, m, d).unwrap();
/// assert_eq!(day_range("2022-W02"), Some((d(1, 10), d(1, 16))));
/// assert_eq!(day_range("2022-02"), Some((d(2, 1), d(2, 28))));
/// assert_eq!(day_range("2022-01-12TEV"), Some((d(1, 12), d(1, 12))));
/// assert_eq!(day_range("XXXX-01-12"), None);
/// ```
pub fn day_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let mut parts = value.split('-');
    let year_text = parts.next()?;
    if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let month_end = |m: u32| {
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            ymd(m + 1, 1)
        };
        next.and_then(|n| n.pred_opt())
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let Some(second) = parts.next() else {
        return Some((ymd(1, 1)?, ymd(12, 31)?));
    };
    if is_week(second) {
        let week = number(&second[1..])?;
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        let sunday = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?;
        return match parts.next() {
            // the weekend of the week
            Some("WE") => Some((sunday.pred_opt()?, sunday)),
            Some(_) => None,
            None => Some((monday, sunday)),
        };
    }
    let months = match second {
        "Q1" => Some((1, 3)),
        "Q2" => Some((4, 6)),
        "Q3" => Some((7, 9)),
        "Q4" => Some((10, 12)),
        "SP" => Some((3, 5)),
        "SU" => Some((6, 8)),
        "FA" => Some((9, 11)),
        _ => None,
    };
    if let Some((first, last)) = months {
        return Some((ymd(first, 1)?, month_end(last)?));
    }
    if second == "WI" {
        // winter: December of the year and the first two months of the next
        let end = NaiveDate::from_ymd_opt(year + 1, 3, 1)?.pred_opt()?;
        return Some((ymd(12, 1)?, end));
    }
    let month = number(second)?;
    let Some(third) = parts.next() else {
        return Some((ymd(month, 1)?, month_end(month)?));
    };
    // a day, perhaps with a time of day (`10T09:30`, `10TEV`)
    let day = number(third.split('T').next()?)?;
    let date = ymd(month, day)?;
    (parts.next().is_none() && date.month() == month).then_some((date, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ranges_of_every_precision() {
        assert_eq!(day_range("2022"), Some((d(2022, 1, 1), d(2022, 12, 31))));
        assert_eq!(day_range("2024-02"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(
            day_range("2022-Q4"),
            Some((d(2022, 10, 1), d(2022, 12, 31)))
        );
        assert_eq!(date_precision("2022-WI"), DatePrecision::Season);
        assert_eq!(date_precision("2022-W52-WE"), DatePrecision::Week);
        assert_eq!(day_range("2022-WI"), Some((d(2022, 12, 1), d(2023, 2, 28))));
        assert_eq!(
            day_range("2022-W52-WE"),
            Some((d(2022, 12, 31), d(2023, 1, 1)))
        );
        assert_eq!(
            day_range("2022-01-10T09:30"),
            Some((d(2022, 1, 10), d(2022, 1, 10)))
        );
    }

    #[test]
    fn impossible_or_unanchored_values_have_no_range() {
        for v in [
            "2022-02-30",
            "2022-13",
            "2022-W60",
            "XXXX-01-10",
            "PRESENT_REF",
            "202",
            "BC0490",
            "",
        ] {
            assert_eq!(day_range(v), None, "{v}");
        }
    }
}
