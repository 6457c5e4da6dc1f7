//! Meeting dates as the merge compares them: the days a TIMEX3 date value covers, read by
//! [`DateInterval`] (the one reader of TIMEX3 date values) and limited to calendar units up to a
//! year.

use chrono::NaiveDate;

use crate::time::{DateInterval, Precision};

/// The precision of a TIMEX3 date value (`day`, `week`, `month`, `season`, `half-year`, ...), or
/// `None` for a value that names no calendar period (`XXXX-01-10`, `PRESENT_REF`).
///
/// ```
/// use chronik::graph::date_precision;
/// use chronik::time::Precision;
/// assert_eq!(date_precision("2022-01-10"), Some(Precision::Day));
/// assert_eq!(date_precision("2022-W02"), Some(Precision::Week));
/// assert_eq!(date_precision("2022-H1"), Some(Precision::HalfYear));
/// assert_eq!(date_precision("XXXX-01-10"), None);
/// ```
pub fn date_precision(value: &str) -> Option<Precision> {
    DateInterval::from_timex(value).map(|i| i.precision)
}

/// The first and last day a TIMEX3 date value covers (`2022-W02`: 10 to 16 January 2022), or
/// `None` for values that name no calendar period (`XXXX-01-10`, `PRESENT_REF`) and for periods
/// longer than a year (decades, centuries), which the merge does not compare.
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
    DateInterval::from_timex(value)
        .filter(|i| i.precision <= Precision::Year)
        .map(|i| (i.start, i.end))
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
        assert_eq!(date_precision("2022-WI"), Some(Precision::Season));
        assert_eq!(date_precision("2022-W52-WE"), Some(Precision::Weekend));
        // a winter is named after the year it ends in, as the resolver writes it
        assert_eq!(day_range("2022-WI"), Some((d(2021, 12, 1), d(2022, 2, 28))));
        assert_eq!(
            day_range("2022-W52-WE"),
            Some((d(2022, 12, 31), d(2023, 1, 1)))
        );
        assert!(
            day_range("BC0490").is_some(),
            "a year before Christ is a year"
        );
        assert_eq!(
            day_range("2022-01-10T09:30"),
            Some((d(2022, 1, 10), d(2022, 1, 10)))
        );
    }

    #[test]
    fn impossible_unanchored_or_long_values_have_no_range() {
        for v in [
            "2022-02-30",
            "2022-13",
            "2022-W60",
            "XXXX-01-10",
            "PRESENT_REF",
            "202",
            "",
        ] {
            assert_eq!(day_range(v), None, "{v}");
        }
    }
}
