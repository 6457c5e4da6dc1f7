//! The time lexicon: loads `gazetteers/time/*.tsv` and answers "what can this word mean?".
//!
//! Every word the recogniser knows comes from the data files; this module only compiles them:
//! a map from lower-case forms to [`Sense`]s, adjective stems that take endings (`nächst|en`),
//! compound analysis built from the same lists (`Montag|abend`, `zwei|tägig|e`, `März|tagen`),
//! multi-word phrases (`vor kurzem`, `Welt am Sonntag`), the event nouns, and the aho-corasick
//! automaton of anchor words that finds the places worth parsing. It does not parse phrases
//! (`grammar.rs`) and knows no calendar (`resolve.rs`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::expr::{
    Amount, AnchorKind, DayPart, HolidayDate, PeriodPart, RefValue, Season, Unit, Zone,
};
use crate::{DataDir, Error, Row};

/// Maps with a fast hash: the keys are short words we wrote ourselves, not attacker input.
type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// FNV-1a over the key bytes: several times faster than SipHash on short words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Adjective endings added to stems (`nächst` + `en`).
const ENDINGS: [&str; 6] = ["", "e", "en", "er", "es", "em"];

/// One meaning of one word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Sense {
    Month {
        month: u32,
        abbr: bool,
    },
    /// `Märztagen`, `Julimitte`: the month, never after a day number
    MonthCompound(u32),
    Weekday {
        weekday: u32,
        abbr: bool,
    },
    WeekdayAdverb(u32),
    /// `Montagabend`
    WeekdayPart {
        weekday: u32,
        part: DayPart,
    },
    DayPart {
        part: DayPart,
        kind: PartKind,
    },
    Season(Season),
    Unit {
        unit: Unit,
        kind: UnitKind,
    },
    /// `zweitägig`, `mehrwöchigen`
    UnitAdjective {
        amount: Amount,
        unit: Unit,
    },
    /// `Jahresende`, `Monatsanfang`
    UnitPart {
        unit: Unit,
        part: PeriodPart,
    },
    Number(Amount),
    Fraction(f64),
    Ordinal(u32),
    /// `neunziger` (value 9), `Neunzigerjahre`
    Decade {
        tens: u32,
        with_years: bool,
    },
    Deictic {
        unit: Unit,
        offset: i32,
        anchor: AnchorKind,
        lower_only: bool,
        /// A stem with adjective endings (`gestrig|en`).
        adjective: bool,
    },
    Shift {
        offset: i32,
        anaphoric: bool,
    },
    Part(PeriodPart),
    Ref {
        value: RefValue,
        unless: u16,
    },
    Holiday(HolidayDate),
    Approx,
    Ago,
    Ahead,
    Since,
    Within,
    After(i32),
    Each,
    Times,
    Per,
    Course,
    Prep {
        fused: bool,
    },
    Article,
    /// `früh`, `spät` before a part of the day
    PartAdjective,
    /// `Resolution`, `Nr.`: a number after it is a label
    NumberNoun,
    /// `ab`, `unter` before an amount of years: an age limit
    AgeBefore,
    /// `alt`, `jünger` after an amount of years: an age
    AgeAfter,
    /// `für`, `auf` before the time something is set for
    Schedule,
    /// `v. Chr.` (true) or `n. Chr.` (false) after a year
    Era(bool),
    Clock,
    Zone(Option<Zone>),
}

/// How a day-part word is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartKind {
    Noun,
    Adverb,
    Early,
    Midnight,
}

/// How a unit word is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Singular,
    Plural,
    Adjective,
    Long,
    Frequency,
}

/// What a multi-word phrase means.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PhraseSense {
    /// A vague reference; `head` = the word range of the extent.
    Ref {
        value: RefValue,
        head: (usize, usize),
        unless: u16,
    },
    /// Not a temporal expression.
    NotDate,
    Holiday(HolidayDate),
    /// A modifier spelled with several words (`mehr als`, `innerhalb von`).
    Modifier(Sense),
}

/// A multi-word phrase, matched word by word in lower case.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phrase {
    pub words: Vec<String>,
    pub sense: PhraseSense,
}

/// The compiled time lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    words: Map<String, Vec<Sense>>,
    stems: Map<String, Vec<Sense>>,
    phrases: Map<String, Vec<Phrase>>,
    unless: Vec<Vec<String>>,
    weekday_names: Vec<(String, u32)>,
    month_names: Vec<(String, u32)>,
    part_nouns: Vec<(String, DayPart)>,
    unit_adjectives: Vec<(String, Unit)>,
    cardinals: Vec<(String, f64)>,
    /// Nouns that name an event (`event_nouns.tsv`): a time after them dates the event.
    event_nouns: Vec<String>,
    anchors: AhoCorasick,
    /// The parts compounds are built from: only words holding one are analysed.
    compound_parts: AhoCorasick,
    /// Per anchor pattern: may it stand inside a word?
    infix: Vec<bool>,
}

impl Lexicon {
    /// `Treffen`, `Krisentreffens`, `Wahlen`: a noun that names an event.
    pub(crate) fn is_event_noun(&self, lower: &str) -> bool {
        self.event_nouns.iter().any(|n| {
            lower.strip_suffix(n.as_str()).is_some()
                || ["e", "en", "n", "s", "es"].iter().any(|e| {
                    lower
                        .strip_suffix(e)
                        .is_some_and(|s| s.ends_with(n.as_str()))
                })
        })
    }

    /// Loads every file of `time/`.
    pub(crate) fn load(data: &DataDir) -> Result<Lexicon, Error> {
        let mut b = Builder::default();
        b.months(
            &data
                .read("time/months.tsv")?
                .table(&["form", "month", "kind"])?,
        )?;
        b.weekdays(
            &data
                .read("time/weekdays.tsv")?
                .table(&["form", "weekday", "kind"])?,
        )?;
        b.day_parts(
            &data
                .read("time/day_parts.tsv")?
                .table(&["form", "part", "kind"])?,
        )?;
        b.seasons(&data.read("time/seasons.tsv")?.table(&["form", "season"])?)?;
        b.units(
            &data
                .read("time/units.tsv")?
                .table(&["form", "unit", "kind"])?,
        )?;
        b.numbers(
            &data
                .read("time/numbers.tsv")?
                .table(&["form", "value", "kind"])?,
        )?;
        b.deictic(
            &data
                .read("time/deictic.tsv")?
                .table(&["form", "unit", "offset", "anchor", "kind"])?,
        )?;
        b.modifiers(
            &data
                .read("time/modifiers.tsv")?
                .table(&["form", "kind", "value"])?,
        )?;
        b.references(&data.read("time/references.tsv")?.table(&[
            "form",
            "value",
            "head",
            "unless_next",
        ])?)?;
        b.holidays(&data.read("time/holidays.tsv")?.table(&["form", "date"])?)?;
        b.not_dates(
            &data
                .read("time/not_dates.tsv")?
                .table(&["phrase", "note"])?,
        )?;
        for row in data
            .read("time/event_nouns.tsv")?
            .table(&["form", "kind"])?
            .iter()
        {
            if row.get("kind") != "noun" {
                return Err(row.error(format!("unknown kind {:?}", row.get("kind"))));
            }
            b.event_nouns.push(form(row, "form")?);
        }
        b.finish()
    }

    /// Every meaning of a lower-case word, including stems with endings and compounds.
    pub(crate) fn senses(&self, lower: &str) -> Vec<Sense> {
        let mut out: Vec<Sense> = self.words.get(lower).cloned().unwrap_or_default();
        // the stem without an adjective ending: only the endings the word has are tried
        let b = lower.as_bytes();
        let two = match b {
            [.., b'e', b'n' | b'r' | b's' | b'm'] => Some(2),
            _ => None,
        };
        let one = (b.last() == Some(&b'e')).then_some(1);
        for cut in [Some(0), one, two].into_iter().flatten() {
            let (stem, ending) = lower.split_at(lower.len() - cut);
            if let Some(senses) = self.stems.get(stem) {
                out.extend(senses.iter().copied().filter(|s| ending_fits(s, ending)));
            }
        }
        if out.is_empty() && self.compound_parts.is_match(lower) {
            self.compound(lower, &mut out);
        }
        out
    }

    /// Multi-word phrases that begin with the lower-case word `first`.
    pub(crate) fn phrases(&self, first: &str) -> &[Phrase] {
        self.phrases.get(first).map_or(&[], Vec::as_slice)
    }

    /// The words that cancel a reference when they follow it (`früher als`).
    pub(crate) fn unless(&self, index: u16) -> &[String] {
        self.unless
            .get(usize::from(index))
            .map_or(&[], Vec::as_slice)
    }

    /// True when the anchor pattern `id` may be found inside a word (`zweitägig`), not only at
    /// its start.
    pub(crate) fn infix(&self, id: aho_corasick::PatternID) -> bool {
        self.infix.get(id.as_usize()).copied().unwrap_or(false)
    }

    /// The automaton of anchor words (ASCII case-insensitive); digits are found apart.
    pub(crate) fn anchors(&self) -> &AhoCorasick {
        &self.anchors
    }

    /// Compounds built from the lists: `montagabend`, `zweitägigen`, `märztagen`,
    /// `jahresende`, `neunzigerjahre`, `zweieinhalb`, `einundzwanzig`.
    fn compound(&self, lower: &str, out: &mut Vec<Sense>) {
        for (name, weekday) in &self.weekday_names {
            if let Some(rest) = lower.strip_prefix(name.as_str()) {
                for (noun, part) in &self.part_nouns {
                    if rest == noun || rest.strip_suffix('s') == Some(noun.as_str()) {
                        out.push(Sense::WeekdayPart {
                            weekday: *weekday,
                            part: *part,
                        });
                    }
                }
            }
        }
        for (name, month) in &self.month_names {
            if let Some(rest) = lower.strip_prefix(name.as_str())
                && [
                    "tag", "tage", "tagen", "woche", "wochen", "hälfte", "mitte", "anfang", "ende",
                ]
                .contains(&rest)
            {
                out.push(Sense::MonthCompound(*month));
            }
        }
        for (stem, unit) in &self.unit_adjectives {
            if let Some(pos) = lower.find(stem.as_str()) {
                let (head, tail) = (&lower[..pos], &lower[pos + stem.len()..]);
                if ENDINGS.contains(&tail)
                    && !head.is_empty()
                    && let Some(amount) = self.amount_word(head)
                {
                    out.push(Sense::UnitAdjective {
                        amount,
                        unit: *unit,
                    });
                }
            }
        }
        for (genitive, unit) in [
            ("jahres", Unit::Year),
            ("monats", Unit::Month),
            ("wochen", Unit::Week),
        ] {
            if let Some(rest) = lower.strip_prefix(genitive) {
                let senses = self.words.get(rest).into_iter().flatten();
                for sense in senses {
                    if let Sense::Part(part) = sense {
                        out.push(Sense::UnitPart { unit, part: *part });
                    }
                }
            }
        }
        if let Some(tens) = self.decade_word(lower) {
            out.push(tens);
        }
        if let Some(amount) = self.amount_word(lower)
            && !matches!(amount, Amount::Vague)
        {
            out.push(Sense::Number(amount));
        }
        if let Some(n) = self.composed_ordinal(lower) {
            out.push(Sense::Ordinal(n));
        }
    }

    /// A number written as one word: `zwei`, `einundzwanzig`, `zweieinhalb`, `mehr` (vague).
    pub(crate) fn amount_word(&self, word: &str) -> Option<Amount> {
        if word == "mehr" || word == "viel" {
            return Some(Amount::Vague);
        }
        if let Some(senses) = self.words.get(word) {
            for s in senses {
                match s {
                    Sense::Number(a) => return Some(*a),
                    Sense::Fraction(f) => return Some(Amount::Number(*f)),
                    _ => {}
                }
            }
        }
        if let Some(whole) = word.strip_suffix("einhalb")
            && let Some(Amount::Number(n)) = self.cardinal(whole)
        {
            return Some(Amount::Number(n + 0.5));
        }
        self.cardinal(word)
    }

    /// A cardinal word, composed when needed: `einundzwanzig` = 21.
    fn cardinal(&self, word: &str) -> Option<Amount> {
        if let Some(&(_, v)) = self.cardinals.iter().find(|(w, _)| w == word) {
            return Some(Amount::Number(v));
        }
        let (unit, tens) = word.split_once("und")?;
        let unit = if unit == "ein" {
            1.0
        } else {
            self.cardinals.iter().find(|(w, _)| w == unit)?.1
        };
        let tens = self.cardinals.iter().find(|(w, _)| w == tens)?.1;
        (unit < 10.0 && (20.0..100.0).contains(&tens)).then_some(Amount::Number(tens + unit))
    }

    /// `einunddreißigsten` = 31.
    fn composed_ordinal(&self, word: &str) -> Option<u32> {
        for ending in ENDINGS.iter().rev() {
            if let Some(stem) = word.strip_suffix(ending).and_then(|w| w.strip_suffix("st"))
                && stem.contains("und")
                && let Some(Amount::Number(n)) = self.cardinal(stem)
            {
                return Some(n as u32);
            }
        }
        None
    }

    /// `neunziger`, `neunzigern`, `neunzigerjahre`, `neunzigerjahren`.
    fn decade_word(&self, word: &str) -> Option<Sense> {
        for (name, value) in &self.cardinals {
            let tens = *value as u32;
            if !(20..100).contains(&tens) || !tens.is_multiple_of(10) {
                continue;
            }
            if let Some(rest) = word
                .strip_prefix(name.as_str())
                .and_then(|r| r.strip_prefix("er"))
            {
                let with_years = matches!(rest, "jahre" | "jahren" | "jahrs" | "jahres");
                if rest.is_empty() || rest == "n" || with_years {
                    return Some(Sense::Decade {
                        tens: tens / 10,
                        with_years,
                    });
                }
            }
        }
        None
    }
}

/// Which endings a stem sense accepts.
fn ending_fits(sense: &Sense, ending: &str) -> bool {
    match sense {
        Sense::Unit {
            kind: UnitKind::Frequency | UnitKind::Long | UnitKind::Adjective,
            ..
        } => true,
        Sense::Ref { .. } => !ending.is_empty(),
        _ => !ending.is_empty(),
    }
}

#[derive(Default)]
struct Builder {
    words: Map<String, Vec<Sense>>,
    stems: Map<String, Vec<Sense>>,
    phrases: Map<String, Vec<Phrase>>,
    unless: Vec<Vec<String>>,
    weekday_names: Vec<(String, u32)>,
    month_names: Vec<(String, u32)>,
    part_nouns: Vec<(String, DayPart)>,
    unit_adjectives: Vec<(String, Unit)>,
    cardinals: Vec<(String, f64)>,
    event_nouns: Vec<String>,
    anchors: Vec<String>,
}

fn parse<T: std::str::FromStr>(row: &Row, column: &str) -> Result<T, Error> {
    let cell = row.required(column)?;
    cell.parse()
        .map_err(|_| row.error(format!("column {column:?}: {cell:?} is not a number")))
}

fn form(row: &Row, column: &str) -> Result<String, Error> {
    let f = row.required(column)?;
    if f.chars().any(char::is_uppercase) {
        return Err(row.error(format!("{f:?} must be written in lower case")));
    }
    Ok(f.to_string())
}

impl Builder {
    fn word(&mut self, form: &str, sense: Sense, anchor: bool) {
        self.words.entry(form.to_string()).or_default().push(sense);
        if anchor {
            self.anchors.push(form.to_string());
        }
    }

    fn stem(&mut self, stem: &str, sense: Sense, anchor: bool) {
        self.stems.entry(stem.to_string()).or_default().push(sense);
        if anchor {
            self.anchors.push(stem.to_string());
        }
    }

    fn phrase(&mut self, text: &str, sense: PhraseSense, anchor: bool) {
        let words: Vec<String> = text.split(' ').map(str::to_string).collect();
        if anchor {
            // the longest word of a phrase is the cheapest anchor to find it by
            if let Some(w) = words.iter().max_by_key(|w| w.len()) {
                self.anchors.push(w.clone());
            }
        }
        self.phrases
            .entry(words[0].clone())
            .or_default()
            .push(Phrase { words, sense });
    }

    fn months(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let month: u32 = parse(row, "month")?;
            if !(1..=12).contains(&month) {
                return Err(row.error("month must be 1-12"));
            }
            let abbr = match row.get("kind") {
                "name" => false,
                "abbr" => true,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            if !abbr {
                self.month_names.push((f.clone(), month));
            }
            self.word(&f, Sense::Month { month, abbr }, !abbr);
        }
        Ok(())
    }

    fn weekdays(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let weekday: u32 = parse(row, "weekday")?;
            if !(1..=7).contains(&weekday) {
                return Err(row.error("weekday must be 1-7"));
            }
            match row.get("kind") {
                "name" => {
                    self.weekday_names.push((f.clone(), weekday));
                    self.word(
                        &f,
                        Sense::Weekday {
                            weekday,
                            abbr: false,
                        },
                        true,
                    );
                }
                "abbr" => self.word(
                    &f,
                    Sense::Weekday {
                        weekday,
                        abbr: true,
                    },
                    false,
                ),
                "adverb" => self.word(&f, Sense::WeekdayAdverb(weekday), true),
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            }
        }
        Ok(())
    }

    fn day_parts(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let part =
                DayPart::from_code(row.get("part")).ok_or_else(|| row.error("unknown part"))?;
            let kind = match row.get("kind") {
                "noun" => PartKind::Noun,
                "adverb" => PartKind::Adverb,
                "early" => PartKind::Early,
                "midnight" => PartKind::Midnight,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            if kind == PartKind::Noun {
                self.part_nouns.push((f.clone(), part));
                // inflected nouns: des Abends, die Nächte
                for inflected in [format!("{f}s"), format!("{f}e")] {
                    self.word(&inflected, Sense::DayPart { part, kind }, false);
                }
            }
            self.word(&f, Sense::DayPart { part, kind }, kind != PartKind::Early);
            if kind == PartKind::Midnight {
                self.word(&format!("{f}s"), Sense::DayPart { part, kind }, false);
            }
        }
        Ok(())
    }

    fn seasons(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let season =
                Season::from_code(row.get("season")).ok_or_else(|| row.error("unknown season"))?;
            self.word(&f, Sense::Season(season), true);
        }
        Ok(())
    }

    fn units(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let unit = Unit::from_name(row.get("unit")).ok_or_else(|| row.error("unknown unit"))?;
            let kind = match row.get("kind") {
                "singular" => UnitKind::Singular,
                "plural" => UnitKind::Plural,
                "adjective" => UnitKind::Adjective,
                "long" => UnitKind::Long,
                "frequency" => UnitKind::Frequency,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            match kind {
                UnitKind::Singular | UnitKind::Plural => {
                    self.word(&f, Sense::Unit { unit, kind }, true)
                }
                UnitKind::Adjective => {
                    self.unit_adjectives.push((f.clone(), unit));
                    self.anchors.push(f.clone());
                }
                UnitKind::Long | UnitKind::Frequency => {
                    self.stem(&f, Sense::Unit { unit, kind }, true)
                }
            }
        }
        Ok(())
    }

    fn numbers(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            match row.get("kind") {
                "cardinal" => {
                    let v: f64 = parse(row, "value")?;
                    self.cardinals.push((f.clone(), v));
                    self.word(&f, Sense::Number(Amount::Number(v)), false);
                }
                "fraction" => {
                    let v: f64 = parse(row, "value")?;
                    // `halb` anchors its sentence: `um halb neun` has no other anchor
                    let anchor = f == "halb";
                    self.word(&f, Sense::Fraction(v), anchor);
                }
                "vague" => self.word(&f, Sense::Number(Amount::Vague), false),
                "ordinal" => {
                    let v: u32 = parse(row, "value")?;
                    self.stem(&f, Sense::Ordinal(v), false);
                }
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            }
        }
        Ok(())
    }

    fn deictic(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let unit = Unit::from_name(row.get("unit")).ok_or_else(|| row.error("unknown unit"))?;
            let offset: i32 = parse(row, "offset")?;
            let anchor = match row.get("anchor") {
                "now" => AnchorKind::Now,
                "text" => AnchorKind::Text,
                other => return Err(row.error(format!("unknown anchor {other:?}"))),
            };
            let (kind, lower_only) = match row.get("kind") {
                "adverb" => (false, false),
                "lower" => (false, true),
                "adjective" => (true, false),
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            let sense = Sense::Deictic {
                unit,
                offset,
                anchor,
                lower_only,
                adjective: kind,
            };
            if kind {
                self.stem(&f, sense, true);
            } else {
                self.word(&f, sense, true);
            }
        }
        Ok(())
    }

    fn modifiers(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let value = row.get("value");
            let int = || -> Result<i32, Error> { parse(row, "value") };
            let (sense, stem) = match row.get("kind") {
                "shift" => (
                    Sense::Shift {
                        offset: int()?,
                        anaphoric: false,
                    },
                    true,
                ),
                "anaphoric" => (
                    Sense::Shift {
                        offset: int()?,
                        anaphoric: true,
                    },
                    true,
                ),
                "part" => (
                    Sense::Part(
                        PeriodPart::from_name(value).ok_or_else(|| row.error("unknown part"))?,
                    ),
                    false,
                ),
                "approx" => (Sense::Approx, false),
                "ago" => (Sense::Ago, false),
                "ahead" => (Sense::Ahead, false),
                "since" => (Sense::Since, false),
                "within" => (Sense::Within, false),
                "after" | "before" => (Sense::After(int()?), false),
                "each" => (Sense::Each, f == "jed"),
                "times" => (Sense::Times, false),
                "per" => (Sense::Per, false),
                "course" => (Sense::Course, false),
                "prep" => (
                    Sense::Prep {
                        fused: value == "fused",
                    },
                    false,
                ),
                "article" => (Sense::Article, false),
                "clock" => (Sense::Clock, false),
                "number_noun" => (Sense::NumberNoun, false),
                "age_before" => (Sense::AgeBefore, false),
                "age_after" => (Sense::AgeAfter, false),
                "schedule" => (Sense::Schedule, false),
                "era" => (Sense::Era(value == "BC"), false),
                "part_adjective" => (Sense::PartAdjective, true),
                "zone" => {
                    let zone = match value {
                        "" => None,
                        "Z" => Some(Zone::Utc),
                        v => Some(Zone::Offset(
                            v.parse().map_err(|_| row.error("zone must be Z or +HH"))?,
                        )),
                    };
                    (Sense::Zone(zone), false)
                }
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            if f.contains(' ') {
                // an era anchors its sentence: the year before it may be short (`490 v. Chr.`)
                let anchor = matches!(sense, Sense::Era(_));
                self.phrase(&f, PhraseSense::Modifier(sense), anchor);
            } else if sense == Sense::Clock {
                // `Uhr` anchors a sentence; a single letter (`15h`) would match everywhere
                self.word(&f, sense, f.chars().count() > 2);
            } else if stem {
                self.stem(&f, sense, false);
            } else {
                self.word(&f, sense, false);
            }
        }
        Ok(())
    }

    fn references(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let value =
                RefValue::from_name(row.get("value")).ok_or_else(|| row.error("unknown value"))?;
            let unless =
                u16::try_from(self.unless.len()).map_err(|_| row.error("too many rows"))?;
            self.unless
                .push(row.list("unless_next").map(str::to_string).collect());
            if let Some(stem) = f.strip_suffix('-') {
                self.stem(stem, Sense::Ref { value, unless }, true);
            } else if !f.contains(' ') && row.get("head").is_empty() {
                self.word(&f, Sense::Ref { value, unless }, true);
            } else {
                let words: Vec<&str> = f.split(' ').collect();
                let head = match row.get("head") {
                    "" => (0, words.len()),
                    h => {
                        let hw: Vec<&str> = h.split(' ').collect();
                        let start = words
                            .windows(hw.len())
                            .position(|w| w == hw.as_slice())
                            .ok_or_else(|| {
                                row.error(format!("head {h:?} is not part of the form"))
                            })?;
                        (start, start + hw.len())
                    }
                };
                self.phrase(
                    &f,
                    PhraseSense::Ref {
                        value,
                        head,
                        unless,
                    },
                    true,
                );
            }
        }
        Ok(())
    }

    fn holidays(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "form")?;
            let d = row.required("date")?;
            let date = if let Some(n) = d.strip_prefix("easter") {
                let n = n.trim_start_matches('+');
                HolidayDate::Easter(
                    n.parse()
                        .map_err(|_| row.error("easter offset must be +N or -N"))?,
                )
            } else {
                let (m, day) = d
                    .split_once('-')
                    .ok_or_else(|| row.error("date must be MM-DD or easter+N"))?;
                let month: u32 = m.parse().map_err(|_| row.error("bad month"))?;
                let day: u32 = day.parse().map_err(|_| row.error("bad day"))?;
                if chrono::NaiveDate::from_ymd_opt(2000, month, day).is_none() {
                    return Err(row.error("no such day"));
                }
                HolidayDate::Fixed { month, day }
            };
            if f.contains(' ') {
                self.phrase(&f, PhraseSense::Holiday(date), true);
            } else {
                self.word(&f, Sense::Holiday(date), true);
            }
        }
        Ok(())
    }

    fn not_dates(&mut self, rows: &[Row]) -> Result<(), Error> {
        for row in rows {
            let f = form(row, "phrase")?;
            self.phrase(&f, PhraseSense::NotDate, false);
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Lexicon, Error> {
        // Capitalised variants of anchors that begin with a non-ASCII letter (`Übermorgen`),
        // which ASCII case folding does not cover.
        let mut patterns: Vec<String> = Vec::new();
        for a in &self.anchors {
            let mut chars = a.chars();
            if let Some(first) = chars.next()
                && !first.is_ascii()
            {
                patterns.push(first.to_uppercase().chain(chars).collect());
            }
        }
        patterns.append(&mut self.anchors);
        patterns.sort();
        patterns.dedup();
        // anchors that may stand inside a word: `zwei|tägig|e`, `Neunziger|jahre`; every other
        // anchor must begin its word (`Bundes|tag` and `Steu|er` are no hits)
        let infix_words: Vec<&str> = self
            .unit_adjectives
            .iter()
            .map(|(w, _)| w.as_str())
            .chain(["jahre", "jahren"])
            .collect();
        let infix: Vec<bool> = patterns
            .iter()
            .map(|p| infix_words.contains(&p.as_str()))
            .collect();
        let anchors = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| {
                Error::data(
                    "time/",
                    0,
                    format!("cannot compile the anchor automaton: {e}"),
                )
            })?;
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.weekday_names.iter().map(|(w, _)| w.as_str()));
        parts.extend(self.month_names.iter().map(|(w, _)| w.as_str()));
        parts.extend(self.unit_adjectives.iter().map(|(w, _)| w.as_str()));
        parts.extend([
            "jahres", "monats", "wochen", "und", "einhalb", "mehr", "viel",
        ]);
        parts.extend(
            self.cardinals
                .iter()
                .filter(|(_, v)| *v >= 20.0 && *v < 100.0)
                .map(|(w, _)| w.as_str()),
        );
        let compound_parts = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .build(&parts)
            .map_err(|e| {
                Error::data(
                    "time/",
                    0,
                    format!("cannot compile the compound automaton: {e}"),
                )
            })?;
        Ok(Lexicon {
            infix,
            compound_parts,
            words: self.words,
            stems: self.stems,
            phrases: self.phrases,
            unless: self.unless,
            weekday_names: self.weekday_names,
            month_names: self.month_names,
            part_nouns: self.part_nouns,
            unit_adjectives: self.unit_adjectives,
            cardinals: self.cardinals,
            event_nouns: self.event_nouns,
            anchors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::load(&DataDir::bundled()).unwrap()
    }

    #[test]
    fn words_stems_and_compounds() {
        let l = lex();
        assert!(l.senses("jänner").contains(&Sense::Month {
            month: 1,
            abbr: false
        }));
        assert!(l.senses("nächsten").contains(&Sense::Shift {
            offset: 1,
            anaphoric: false
        }));
        assert!(l.senses("dritten").contains(&Sense::Ordinal(3)));
        assert!(l.senses("montagabend").contains(&Sense::WeekdayPart {
            weekday: 1,
            part: DayPart::Evening
        }));
        assert!(l.senses("zweitägige").contains(&Sense::UnitAdjective {
            amount: Amount::Number(2.0),
            unit: Unit::Day
        }));
        assert!(l.senses("märztagen").contains(&Sense::MonthCompound(3)));
        assert!(l.senses("jahresende").contains(&Sense::UnitPart {
            unit: Unit::Year,
            part: PeriodPart::End
        }));
        assert!(l.senses("neunzigerjahren").contains(&Sense::Decade {
            tens: 9,
            with_years: true
        }));
        assert_eq!(l.amount_word("zweieinhalb"), Some(Amount::Number(2.5)));
        assert_eq!(l.amount_word("einundzwanzig"), Some(Amount::Number(21.0)));
        assert!(l.senses("einunddreißigsten").contains(&Sense::Ordinal(31)));
        assert!(l.senses("verhandlungswochen").is_empty());
        assert!(l.senses("bundestag").is_empty());
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let file = crate::DataFile::from_text("time/x.tsv", "form\tmonth\tkind\nJanuar\t1\tname\n");
        let mut b = Builder::default();
        let err = b
            .months(&file.table(&["form", "month", "kind"]).unwrap())
            .unwrap_err();
        assert!(err.to_string().starts_with("time/x.tsv:2:"), "{err}");
    }
}
