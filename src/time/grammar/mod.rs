//! The recogniser: rules over the tokens of one sentence that find temporal expressions and say
//! what they mean as an unresolved [`Expr`].
//!
//! Each rule looks at the word classes the lexicon gives (month, weekday, unit, shift, ...), not at
//! spellings, so a new word is a line in `gazetteers/time/`. Rules may produce overlapping
//! candidates; [`recognise`] keeps the longest (then the most specific), drops those inside
//! phrases that are not dates (`Welt am Sonntag`), and completes coordinated dates
//! (`9. und 10. März`, `Mai/Juni 1940`). Extents follow TimeML: no leading preposition
//! (`am 10. Januar` → `10. Januar`), an article after a separate preposition is kept
//! (`in der vergangenen Woche` → `der vergangenen Woche`). Resolution to values is not done here.
//!
//! The rules are methods of one parser, filed by kind of expression: `dates` (calendar dates,
//! months, years, seasons, holidays), `days` (weekdays, parts of the day, clock times),
//! `relative` (deictic and relative expressions, vague references), `durations` (durations and
//! sets), `ranges` (lists and ranges of days, a date with its clock time); `blocks` holds the
//! readings they share. Every rule id is listed in [`RULES`] with a typical phrase, and
//! `tests/corpus/time.tsv` gives the rule id of each of its examples.

use super::expr::{
    Amount, AnchorKind, Clock, DayPart, Expr, NthOf, SetValue, Shift, Unit, YearRef,
};
use super::lexicon::{Lexicon, PartKind, PhraseSense, Sense, UnitKind};
use super::token::{Kind, Token};
use ranges::{complete_coordination, is_connector, merge_date_and_clock};

mod blocks;
mod dates;
mod days;
mod durations;
mod ranges;
mod relative;

/// The rule catalogue: every rule id the recogniser gives, by kind of expression (the module
/// that holds the rule), with a typical phrase. `tests/corpus/time.tsv` names the rule of each of
/// its example phrases in its `rule` column, and `tests/time_corpus.rs` checks that every rule
/// here has at least one example there and that every example's rule is listed here. A timex
/// carries its rule id (`Timex::rule`, the `rule` field of the JSON output).
///
/// ```
/// assert!(chronik::time::RULES.iter().any(|(id, _)| *id == "time/date/weekday"));
/// ```
pub const RULES: &[(&str, &str)] = &[
    // calendar dates (`grammar/dates.rs`)
    ("time/date/numeric", "`10.01.2022`, `18.07.14`"),
    ("time/date/numeric_day_month", "`am 20.3.`, `am 10.10`"),
    ("time/date/iso", "`2018-08-31`"),
    (
        "time/date/day_month",
        "`10. Januar`, `15. März kommenden Jahres`",
    ),
    ("time/date/month_day", "`März 3` (phrase mode)"),
    ("time/date/day_only", "`am 24.` without a month"),
    (
        "time/date/nth_of_month",
        "`dritter Dienstag im September 2014`",
    ),
    ("time/date/month", "`im Juni`, `Januar 2022`, `Anfang März`"),
    ("time/date/month_shift", "`nächsten März`"),
    ("time/date/year", "`2019`"),
    ("time/date/year_noun", "`im Jahr 1989`"),
    (
        "time/date/year_part",
        "`Anfang 2007`, `Ende des Jahres 2019`",
    ),
    ("time/date/era_year", "`312 v. Chr.`"),
    ("time/date/year_span_end", "`41` in `1940/41`"),
    ("time/date/decade", "`1990er Jahre`"),
    ("time/date/decade_word", "`neunziger Jahre`"),
    ("time/date/century", "`des 21. Jahrhunderts`"),
    ("time/date/season", "`im Frühjahr`, `Sommer 1941`"),
    (
        "time/date/quarter",
        "`drittes Quartal 2018`, `zweiten Jahreshälfte`",
    ),
    ("time/date/part_of", "`Ende des Jahres`, `Mitte der Woche`"),
    ("time/date/part_of_year", "`Ende dieses Jahres 2019`"),
    ("time/date/unit_part", "`Jahresende`"),
    ("time/date/holiday", "`Ostern`, `Weihnachten 1966`"),
    ("time/date/course_of", "`im Laufe des Tages`"),
    ("time/date/course_of_date", "`Verlauf des 18. August`"),
    ("time/date/course_of_year", "`Laufe des Jahres 1966`"),
    // weekdays, parts of the day and clock times (`grammar/days.rs`)
    ("time/date/weekday", "`am Dienstag`, `am kommenden Montag`"),
    ("time/date/weekday_of_week", "`Mittwoch nächster Woche`"),
    ("time/time/weekday_part", "`Montagabend`, `Montag Abend`"),
    ("time/set/weekday_part_adverb", "`Montag abends`"),
    ("time/time/clock", "`um 9.30 Uhr`, `halb vier`"),
    ("time/time/midnight", "`Mitternacht`"),
    ("time/time/part", "`am Abend`, `in der Nacht`"),
    ("time/time/part_of_date", "`Morgen des 17. Oktober`"),
    (
        "time/time/part_of_day_in_range",
        "`Nacht vom 3. auf den 4. Mai`",
    ),
    ("time/time/part_of_same_day", "`am Abend desselben Tages`"),
    ("time/time/night_before", "`in der Nacht zum Freitag`"),
    // relative and deictic expressions (`grammar/relative.rs`)
    ("time/date/deictic", "`heute`, `gestern`, `Vorjahr`"),
    ("time/time/deictic_part", "`gestern Abend`, `morgen früh`"),
    (
        "time/date/deictic_noun",
        "`am heutigen Samstag`, `mit dem heutigen Tag`",
    ),
    ("time/time/deictic_noun_part", "`am gestrigen Abend`"),
    (
        "time/date/shift_unit",
        "`der vergangenen Woche`, `nächstes Jahr`",
    ),
    ("time/date/weekend", "`am Wochenende`"),
    ("time/time/shift_part", "`am selben Abend`"),
    (
        "time/duration/shift_plural",
        "`den vergangenen Jahren` (PXY)",
    ),
    ("time/duration/shift_amount", "`die vergangenen drei Jahre`"),
    ("time/date/ago", "`vor zwei Wochen`, `in drei Tagen`"),
    ("time/date/unit_after", "`Tags darauf`, `am Tag zuvor`"),
    ("time/date/amount_after", "`zwei Tage später`"),
    ("time/time/part_after", "`am Morgen darauf`"),
    ("time/ref/word", "`derzeit`, `zuletzt`, `künftig`"),
    (
        "time/ref/nun",
        "`nun` meaning now (not `nun mal`, not in questions or narratives)",
    ),
    ("time/ref/phrase", "`in Zukunft`, `zur Zeit`"),
    // durations and sets (`grammar/durations.rs`)
    (
        "time/duration/amount",
        "`zwei Jahre`, `seit zweieinhalb Jahren`",
    ),
    (
        "time/duration/compound",
        "a number before a compound on a plural unit: `drei Verhandlungstage`, `vier Sitzungswochen`",
    ),
    ("time/duration/since_plural", "`seit Wochen` (PXW)"),
    ("time/duration/hyphen", "`15-minütigen`"),
    ("time/duration/adjective", "`zweitägige`"),
    ("time/duration/long", "`stundenlangen`, `langjährige`"),
    ("time/duration/sum", "`zwei Jahre und sieben Monate`"),
    ("time/set/frequency", "`jährlich`, `dreimal täglich`"),
    ("time/set/times_per", "`zweimal pro Woche`"),
    ("time/set/weekday_adverb", "`montags`"),
    ("time/set/part_adverb", "`abends`"),
    ("time/set/rate", "`im Monat` in `400 Euro im Monat`"),
    ("time/set/per", "`pro Tag`"),
    ("time/set/each_unit", "`jedes Jahr`, `alle zwei Wochen`"),
    ("time/set/each_weekday", "`jeden Montag`"),
    ("time/set/each_part", "`jeden Abend`"),
    (
        "time/set/nth_weekday_of_month",
        "`jeden zweiten Freitag im Monat` (P1M)",
    ),
    // ranges and lists (`grammar/ranges.rs`)
    ("time/date/day_in_range", "`9.` in `9. und 10. März`"),
    ("time/time/date_clock", "`11. November 11 Uhr`"),
];

/// One recognised expression: tokens `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// Rule id, `time/<kind>/<form>`, for `explain` and debugging.
    pub rule: &'static str,
    /// Breaks ties between candidates of equal length (higher wins).
    pub priority: u8,
    /// False for a year mentioned in passing (`der Krieg 1870/71`, `von 1856`): a narrative does
    /// not move to it.
    pub anchor: bool,
}

/// Finds the temporal expressions of one tokenised sentence.
///
/// `phrase_mode` is for a phrase that is known to be a temporal expression (`resolve-time`):
/// it also accepts readings that are too risky in running text (`um 3`, `do.`, `märz 3`).
///
/// `anchors` are the byte offsets where the prefilter found anchor words and date-like numbers;
/// rules are tried only a few tokens before them. In phrase mode every token is tried.
pub(crate) fn recognise(
    toks: &[Token],
    lex: &Lexicon,
    anchors: &[usize],
    phrase_mode: bool,
) -> Vec<Candidate> {
    let mut p = Parser {
        toks,
        lex,
        phrase_mode,
        out: Vec::new(),
        blocked: Vec::new(),
    };
    // rules start at most a few tokens before the word that anchors them (`vor mehr als zehn
    // Jahren`), so only tokens near an anchor are tried, and only their senses are looked up
    const REACH: usize = 5;
    let mut near = vec![phrase_mode; toks.len()];
    let mut next_anchor = usize::MAX;
    let mut a = anchors.len();
    for i in (0..toks.len()).rev() {
        while a > 0 && anchors[a - 1] >= toks[i].end {
            a -= 1;
        }
        if a > 0 && anchors[a - 1] >= toks[i].start {
            next_anchor = i;
        }
        near[i] |= next_anchor.saturating_sub(i) <= REACH;
    }
    for (i, near) in near.into_iter().enumerate() {
        if near {
            p.at(i);
        }
    }
    let Parser {
        mut out, blocked, ..
    } = p;
    // drop the candidates that overlap a blocked phrase: blocked by start, with the largest end
    // so far, so that each candidate is one search
    let mut blocked = blocked;
    blocked.sort_unstable();
    let reach: Vec<usize> = blocked
        .iter()
        .scan(0, |most, &(_, e)| {
            *most = e.max(*most);
            Some(*most)
        })
        .collect();
    out.retain(|c| {
        let before_end = blocked.partition_point(|&(s, _)| s < c.end);
        before_end == 0 || reach[before_end - 1] <= c.start
    });
    // the first part of a hyphen compound is not an expression of its own (`Dreimonatig-Freiwillige`)
    out.retain(|c| {
        !(c.end == c.start + 1
            && toks.get(c.end).is_some_and(|h| h.is_punct('-') && h.glued)
            && toks
                .get(c.end + 1)
                .is_some_and(|w| w.glued && w.is_word() && w.senses().is_empty()))
    });
    // the second part of a hyphen compound is not an expression of its own (`MIP-Montag`)
    out.retain(|c| {
        !(c.start >= 2
            && toks[c.start].glued
            && toks[c.start - 1].is_punct('-')
            && toks[c.start - 1].glued
            && toks[c.start - 2].is_word())
    });
    let mut chosen = select(out);
    complete_coordination(toks, &mut chosen);
    merge_date_and_clock(toks, &mut chosen);
    durations::join_durations(toks, &mut chosen);
    chosen
}

/// Keeps the longest candidates (by bytes), then the higher priority, then the leftmost.
fn select(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.priority.cmp(&a.priority))
            .then(a.start.cmp(&b.start))
    });
    let mut chosen: Vec<Candidate> = Vec::new();
    if cands.iter().any(|c| c.end <= c.start) {
        for c in cands {
            if chosen.iter().all(|k| c.end <= k.start || k.end <= c.start) {
                chosen.push(c);
            }
        }
    } else {
        // the chosen spans do not overlap: by start they are also by end, so the one that
        // starts last before a candidate ends is the only one that may overlap it
        let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
        for c in cands {
            let free = taken
                .range(..c.end)
                .next_back()
                .is_none_or(|(_, &end)| end <= c.start);
            if free {
                taken.insert(c.start, c.end);
                chosen.push(c);
            }
        }
    }
    chosen.sort_by_key(|c| c.start);
    chosen
}

struct Parser<'a, 't> {
    toks: &'a [Token<'t>],
    lex: &'a Lexicon,
    phrase_mode: bool,
    out: Vec<Candidate>,
    blocked: Vec<(usize, usize)>,
}

impl<'t> Parser<'_, 't> {
    fn tok(&self, i: usize) -> Option<&Token<'t>> {
        self.toks.get(i)
    }

    fn sense<T>(&self, i: usize, f: impl Fn(&Sense) -> Option<T>) -> Option<T> {
        self.toks.get(i)?.senses().iter().find_map(f)
    }

    fn has(&self, i: usize, f: impl Fn(&Sense) -> bool) -> bool {
        self.toks.get(i).is_some_and(|t| t.senses().iter().any(f))
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(w))
    }

    /// A `.` right after the token before it.
    fn dot(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct('.') && t.glued)
    }

    fn push(&mut self, start: usize, end: usize, expr: Expr, rule: &'static str) {
        self.push_p(start, end, expr, rule, 1);
    }

    /// Pushes a date that may carry a weekday before it (`Montag, 10. Januar`).
    fn push_date(&mut self, start: usize, i: usize, end: usize, expr: Expr, rule: &'static str) {
        let weekday = (start < i)
            .then(|| {
                self.sense(start, |s| {
                    if let Sense::Weekday { weekday, .. } = s {
                        Some(*weekday)
                    } else {
                        None
                    }
                })
            })
            .flatten();
        let expr = match weekday {
            Some(weekday) => Expr::WeekdayDate {
                date: Box::new(expr),
                weekday,
            },
            None => expr,
        };
        self.push(start, end, expr, rule);
    }

    fn push_p(&mut self, start: usize, end: usize, expr: Expr, rule: &'static str, priority: u8) {
        if start < end && end <= self.toks.len() {
            self.out.push(Candidate {
                start,
                end,
                expr,
                rule,
                priority,
                anchor: true,
            });
        }
    }

    /// An article directly before `i` (kept in the extent of noun phrases).
    fn with_article(&self, i: usize) -> usize {
        if i > 0 && self.has(i - 1, |s| matches!(s, Sense::Article)) {
            i - 1
        } else {
            i
        }
    }

    /// An article or a preposition stands before `i` (`am Montag`, `den Montag`).
    fn introduced(&self, i: usize) -> bool {
        i > 0 && self.has(i - 1, |s| matches!(s, Sense::Article | Sense::Prep { .. }))
    }

    /// The part of the day that the adverb at `i` names (`abends`, `vormittags`).
    fn part_adverb(&self, i: usize) -> Option<DayPart> {
        self.sense(i, |s| match s {
            Sense::DayPart {
                part,
                kind: PartKind::Adverb,
            } => Some(*part),
            _ => None,
        })
    }

    /// The token before `i` is a preposition (`am`, `im`, `seit`, ...).
    fn after_prep(&self, i: usize) -> bool {
        i > 0 && self.has(i - 1, |s| matches!(s, Sense::Prep { .. }))
    }

    fn at(&mut self, i: usize) {
        match self.toks[i].kind {
            Kind::Number => {
                self.numeric_date(i, i);
                self.day_month(i, i);
                self.day_in_range(i);
                self.day_only(i);
                self.year(i);
                self.decade_number(i);
                self.century(i);
                self.clock(i);
                self.duration(i);
                self.quarter(i);
            }
            Kind::Word => {
                self.phrases(i);
                if self.toks[i].senses().is_empty() {
                    // a word the lexicon does not know starts only phrases and `viertel nach drei`
                    self.clock(i);
                    return;
                }
                if let Some(j) = self.weekday_prefix(i) {
                    self.numeric_date(i, j);
                    self.day_month(i, j);
                }
                self.day_month(i, i);
                self.month(i);
                self.month_shift(i);
                self.nth_of_month(i);
                self.year(i);
                self.decade_word(i);
                self.century(i);
                self.weekday(i);
                self.deictic(i);
                self.relative(i);
                self.part_of(i);
                self.season(i);
                self.quarter(i);
                self.ago(i);
                self.after(i);
                self.duration(i);
                self.set(i);
                self.clock(i);
                self.day_part(i);
                self.reference(i);
                self.holiday(i);
                self.course(i);
            }
            Kind::Punct => {}
        }
    }
}

/// The number a word means (`zwei`, `einundzwanzig`, `zweieinhalb`).
fn number_sense(t: &Token) -> Option<f64> {
    t.senses().iter().find_map(|s| {
        if let Sense::Number(Amount::Number(n)) = s {
            Some(*n)
        } else {
            None
        }
    })
}

/// A digit run as a year, `i32::MAX` when it is longer than any year.
fn big_number(digits: &str) -> i32 {
    digits.parse().unwrap_or(i32::MAX)
}

fn date_expr(year: YearRef, month: u32, day: u32) -> Expr {
    Expr::Date {
        year,
        month: Some(month),
        day: Some(day),
    }
}

/// The day before `base` (`Nacht zum Freitag` is the night that begins on Thursday).
fn day_before(base: Expr) -> Expr {
    Expr::DayBefore(Box::new(base))
}
