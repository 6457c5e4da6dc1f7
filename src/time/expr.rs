//! Unresolved temporal expressions: what the recogniser understood, before any calendar.
//!
//! The recogniser turns words into an [`Expr`] (Duckling's `TimeData`, HeidelTime's
//! `UNDEF-REF-...` values); only the resolver (`resolve.rs`) combines an `Expr` with the
//! publication time, the tense of its clause and the time the text spoke of last. Nothing here
//! knows a word of German or a date.

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    HalfYear,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    /// The unit for its name in the data files.
    pub(crate) fn from_name(name: &str) -> Option<Unit> {
        Some(match name {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "halfyear" => Unit::HalfYear,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            "millennium" => Unit::Millennium,
            _ => return None,
        })
    }

    /// True for units shorter than a day (TIMEX3 writes them after `T`).
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A part of the day, TIMEX3 `TMO` ... `TNI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum DayPart {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// The part for its TIMEX3 code in the data files (`MO`, `MI`, `AF`, `EV`, `NI`).
    pub(crate) fn from_code(code: &str) -> Option<DayPart> {
        Some(match code {
            "MO" => DayPart::Morning,
            "MI" => DayPart::Midday,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            "NI" => DayPart::Night,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    /// The hour at which the part begins, to tell whether it had begun at publication.
    pub(crate) fn start_hour(self) -> u32 {
        match self {
            DayPart::Morning => 5,
            DayPart::Midday => 12,
            DayPart::Afternoon => 13,
            DayPart::Evening => 18,
            DayPart::Night => 22,
        }
    }

    /// The hour at which the part ends (exclusive; the night ends at midnight of its day).
    pub(crate) fn end_hour(self) -> u32 {
        match self {
            DayPart::Morning => 12,
            DayPart::Midday => 13,
            DayPart::Afternoon => 18,
            DayPart::Evening => 22,
            DayPart::Night => 24,
        }
    }

    /// Moves an hour of a 12-hour clock into this part (`8 Uhr abends` = 20:00).
    pub(crate) fn adjust_hour(self, hour: u32) -> u32 {
        match self {
            DayPart::Afternoon | DayPart::Evening if hour < 12 => hour + 12,
            DayPart::Midday if hour < 6 => hour + 12,
            DayPart::Night if (6..12).contains(&hour) => hour + 12,
            _ => hour,
        }
    }
}

/// A season, TIMEX3 `SP`, `SU`, `FA`, `WI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    /// The season for its TIMEX3 code in the data files.
    pub(crate) fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Autumn,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A part of a period: `Anfang März`, `Mitte des Monats`, `Ende 2021`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PeriodPart {
    Start,
    Mid,
    End,
}

impl PeriodPart {
    /// The part for its name in the data files.
    pub(crate) fn from_name(name: &str) -> Option<PeriodPart> {
        Some(match name {
            "START" => PeriodPart::Start,
            "MID" => PeriodPart::Mid,
            "END" => PeriodPart::End,
            _ => return None,
        })
    }
}

/// TIMEX3 vague references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum RefValue {
    Present,
    Past,
    Future,
}

impl RefValue {
    /// The value for its TIMEX3 name in the data files.
    pub(crate) fn from_name(name: &str) -> Option<RefValue> {
        Some(match name {
            "PRESENT_REF" => RefValue::Present,
            "PAST_REF" => RefValue::Past,
            "FUTURE_REF" => RefValue::Future,
            _ => return None,
        })
    }

    /// The TIMEX3 value.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RefValue::Present => "PRESENT_REF",
            RefValue::Past => "PAST_REF",
            RefValue::Future => "FUTURE_REF",
        }
    }
}

/// An amount of units: a number (possibly a fraction) or an unknown amount (TIMEX3 `X`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amount {
    Number(f64),
    Vague,
}

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum AnchorKind {
    /// The publication time (`gestern`, `nächste Woche`).
    Now,
    /// The time the text spoke of last (`am Vortag`, `am selben Tag`).
    Text,
}

impl Amount {
    /// The amount, or `Vague` when it is too large for any calendar (more than 10,000).
    pub(crate) fn bounded(self) -> Amount {
        match self {
            Amount::Number(n) if n.is_finite() && n.abs() <= 10_000.0 => self,
            _ => Amount::Vague,
        }
    }
}

/// How a year is given next to a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Not given: chosen by tense and nearness (`10. Januar`).
    Open,
    /// Written out (`2022`).
    Explicit(i32),
    /// Written with two digits (`18.07.14`): the century is chosen by the resolver.
    TwoDigit(i32),
    /// Relative to the publication year (`kommenden Jahres` = +1).
    Relative(i32),
    /// Relative to the year the text spoke of last (`desselben Jahres`).
    Anaphoric(i32),
}

/// How a day, week or month is found relative to a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    /// By the tense of the clause (`am Dienstag`).
    Tense,
    /// Counted from the reference (`nächste Woche` = +1, `diese Woche` = 0).
    By(i32),
}

/// A clock time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    pub hour: u32,
    pub minute: u32,
    /// The second, only where the text counts seconds (`in einer Sekunde`): TIMEX3 writes a
    /// value in the grain of its expression.
    pub second: Option<u32>,
    /// A UTC offset written after it (`MEZ` = +01), in whole hours; `None` when not written.
    pub zone: Option<Zone>,
}

/// A time zone written after a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    Utc,
    Offset(i32),
}

/// A temporal expression as the recogniser understood it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date, possibly partial: `10. Januar`, `10.01.2022`, `Januar 2022`, `2019`.
    Date {
        year: YearRef,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// The n-th (or, with -1, the last) weekday, day or week of a month: `dritter Dienstag im
    /// September 2014`, `letzter Tag im Oktober`, `erste Woche im Oktober` (the first week that
    /// lies wholly in the month).
    NthOfMonth {
        n: i32,
        what: NthOf,
        month: u32,
        year: YearRef,
    },
    /// The n-th week of the month the text speaks of (`in der ersten Woche`).
    NthWeek(u32),
    /// A day of the month without its month (`am 24.`): the month the text speaks of.
    DayOnly(u32),
    /// A date with its weekday: `Montag, 10. Januar` (the weekday picks the year).
    WeekdayDate { date: Box<Expr>, weekday: u32 },
    /// A day named by a deictic adjective and a day noun, days after the publication:
    /// `am heutigen Samstag`, `mit dem heutigen Tag` (0), `am gestrigen Abend` (-1, with a part).
    /// Always that day: unlike `heute` alone it never means the present in general.
    NamedDay(i32),
    /// A weekday: `Dienstag`, `kommenden Montag`.
    Weekday { weekday: u32, shift: Shift },
    /// A weekday in a week counted from the current one: `Mittwoch nächster Woche`.
    WeekdayInWeek { weekday: u32, weeks: i32 },
    /// A named unit relative to a reference: `heute`, `vergangene Woche`, `Vorjahr`.
    Relative {
        unit: Unit,
        offset: i32,
        anchor: AnchorKind,
    },
    /// The unit around the reference chosen by tense: `am Wochenende`.
    TenseUnit { unit: Unit },
    /// An amount of units before or after the reference: `vor zwei Wochen`, `in drei Tagen`,
    /// `zwei Tage später`.
    Offset {
        amount: Amount,
        unit: Unit,
        sign: i32,
        anchor: AnchorKind,
    },
    /// A month relative to the current one by name: `nächsten März`.
    MonthShift { month: u32, shift: i32 },
    /// A season: `im Frühjahr`, `Sommer 1941`, `diesen Winter`.
    Season {
        season: Season,
        year: YearRef,
        shift: Shift,
    },
    /// A quarter: `drittes Quartal 2018`, `nächstes Quartal`.
    Quarter { quarter: u32, year: YearRef },
    /// A relative quarter: `dieses Quartal`.
    QuarterShift { shift: i32 },
    /// A half-year: `zweite Jahreshälfte`.
    Half { half: u32, year: YearRef },
    /// A decade, TIMEX2 style `199` for the 1990s.
    Decade(i32),
    /// A century, TIMEX2 style `19` for the 20th century.
    Century(i32),
    /// A millennium, `2` for the third.
    Millennium(i32),
    /// A holiday: days after Easter or a fixed day.
    Holiday { date: HolidayDate, year: YearRef },
    /// A part of a day: `Montagabend`, `am Abend`, `Morgen des 17. Oktober`.
    Part { base: Box<Expr>, part: DayPart },
    /// The day before a day (`Nacht zum Freitag` is Thursday night).
    DayBefore(Box<Expr>),
    /// A part of the day of the date the sentence spoke of last, else the publication day.
    LoosePart { part: DayPart },
    /// A clock time, on a given day or on the day the sentence spoke of.
    Time {
        base: Option<Box<Expr>>,
        clock: Clock,
    },
    /// A length of time: `zwei Jahre` (P2Y), `seit Wochen` (PXW).
    Duration { amount: Amount, unit: Unit },
    /// Two durations joined into one: `zwei Jahre und sieben Monate` (P2Y7M), the larger unit
    /// first.
    DurationSum {
        first: (f64, Unit),
        second: (f64, Unit),
    },
    /// A recurring time with a ready TIMEX3 value: `jährlich` (P1Y), `jeden Montag`.
    Set(SetValue),
    /// A vague reference: `derzeit`, `zuletzt`, `künftig`.
    Ref(RefValue),
}

/// What [`Expr::NthOfMonth`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NthOf {
    Weekday(u32),
    Day,
    Week,
}

/// A recurring time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum SetValue {
    /// Every n units: P1Y, P2W, PXY.
    Every { amount: Amount, unit: Unit },
    /// Every such weekday, maybe at a part of the day: XXXX-WXX-1, XXXX-WXX-1TEV.
    Weekday { weekday: u32, part: Option<DayPart> },
    /// Every such part of the day: XXXX-XX-XXTMO.
    Part(DayPart),
}

/// A holiday's date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum HolidayDate {
    Fixed { month: u32, day: u32 },
    Easter(i32),
}
