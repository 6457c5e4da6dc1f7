//! Calendar arithmetic the resolver needs and chrono does not offer directly: month steps,
//! ISO weeks, seasons as a sequence, quarters, Easter. Pure functions of dates; no words.

use chrono::{Datelike, Duration, NaiveDate};

use super::expr::Season;

/// The date, or `None` when the day does not exist (`2022-02-30`).
pub(crate) fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// True when `day` exists in `month` of some year (`29.02.` does, `30.02.` does not).
pub(crate) fn day_exists(month: u32, day: u32) -> bool {
    date(2000, month, day).is_some()
}

/// `(year, month)` moved by `n` months.
pub(crate) fn add_months(year: i32, month: u32, n: i32) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(n);
    let year =
        i32::try_from(index.div_euclid(12)).unwrap_or(if index < 0 { i32::MIN } else { i32::MAX });
    (year, index.rem_euclid(12) as u32 + 1)
}

/// The day `n` days after `d` (saturating at chrono's limits).
pub(crate) fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    Duration::try_days(n)
        .and_then(|n| d.checked_add_signed(n))
        .unwrap_or(d)
}

/// ISO week-numbering year and week of `d`.
pub(crate) fn iso_week(d: NaiveDate) -> (i32, u32) {
    let w = d.iso_week();
    (w.year(), w.week())
}

/// ISO weekday number, 1 = Monday.
pub(crate) fn weekday_number(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// The Monday of the ISO week of `d`.
pub(crate) fn monday(d: NaiveDate) -> NaiveDate {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// The day of the given ISO weekday in the week of `d`.
pub(crate) fn in_week(d: NaiveDate, weekday: u32) -> NaiveDate {
    add_days(monday(d), i64::from(weekday) - 1)
}

/// Quarter of a month, 1-4.
pub(crate) fn quarter(month: u32) -> u32 {
    month.div_ceil(3)
}

/// Position of a season in the sequence of all seasons. A winter is named after the year in which
/// it ends: December 2013 to February 2014 is `2014-WI`.
pub(crate) fn season_index(year: i32, season: Season) -> i32 {
    let k = match season {
        Season::Winter => 0,
        Season::Spring => 1,
        Season::Summer => 2,
        Season::Autumn => 3,
    };
    year * 4 + k
}

/// The season at a position of [`season_index`].
pub(crate) fn season_at(index: i32) -> (i32, Season) {
    let season = match index.rem_euclid(4) {
        0 => Season::Winter,
        1 => Season::Spring,
        2 => Season::Summer,
        _ => Season::Autumn,
    };
    (index.div_euclid(4), season)
}

/// The season `d` falls in.
pub(crate) fn season_of(d: NaiveDate) -> (i32, Season) {
    match d.month() {
        1 | 2 => (d.year(), Season::Winter),
        3..=5 => (d.year(), Season::Spring),
        6..=8 => (d.year(), Season::Summer),
        9..=11 => (d.year(), Season::Autumn),
        _ => (d.year() + 1, Season::Winter),
    }
}

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_facts() {
        assert_eq!(add_months(2021, 12, 1), (2022, 1));
        assert_eq!(add_months(2022, 1, -13), (2020, 12));
        assert_eq!(easter(2024), date(2024, 3, 31));
        assert_eq!(easter(1995), date(1995, 4, 16));
        assert_eq!(iso_week(date(2014, 3, 15).unwrap()), (2014, 11));
        assert_eq!(
            season_of(date(2013, 12, 24).unwrap()),
            (2014, Season::Winter)
        );
        assert_eq!(
            season_at(season_index(2017, Season::Spring) - 1),
            (2017, Season::Winter)
        );
        assert!(!day_exists(2, 30) && day_exists(2, 29));
    }
}
