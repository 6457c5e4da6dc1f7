//! German temporal expressions: recognition and resolution to TIMEX3 values.
//!
//! STUB: the public interface below is fixed; the implementation is being written.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::{DataDir, Diagnostic, Error, Span};

/// TimeML TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or coarser: `2022-01-10`, `2022-W02`, `2022`, `PAST_REF`.
    Date,
    /// A time of day or a part of a day: `2022-01-10T09:30`, `2021-12-27TEV`.
    Time,
    /// A length of time: `P2.5Y`, `PXW`.
    Duration,
    /// A recurring time: `P1W` for `jede Woche`.
    Set,
}

impl TimexType {
    /// The TIMEX3 type name: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The tense of the clause a temporal expression stands in: it decides whether a bare weekday
/// points back or forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// `bestätigte am Dienstag`
    Past,
    /// `kommt am Dienstag`
    Present,
    /// `soll am Samstag`, `wird am Samstag`
    Future,
}

/// A temporal expression found in a text, with its resolved TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// The extent in the article text (TimeML: without a leading preposition).
    pub span: Span,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value: `2022-01-10`, `2021-12-27TEV`, `P2.5Y`, `PRESENT_REF`, ...
    pub value: String,
    /// The id of the rule that recognised it, for `explain` and debugging.
    pub rule: String,
}

/// Everything the tagger found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeTags {
    /// Resolved expressions, sorted by span.
    pub timexes: Vec<Timex>,
    /// Expressions that could not be resolved (`31. Februar`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Recognises and resolves German temporal expressions; built once from `gazetteers/time/`.
#[derive(Debug, Clone)]
pub struct TimeTagger {}

impl TimeTagger {
    /// Compiles the time lexicon.
    ///
    /// # Errors
    /// When a lexicon file is missing or malformed.
    pub fn new(_data: &DataDir) -> Result<TimeTagger, Error> {
        Ok(TimeTagger {})
    }

    /// All temporal expressions of `text`, resolved relative to `published`. `sentences` are the
    /// sentence spans of `text` (tense is decided per clause inside a sentence).
    pub fn tag(&self, _text: &str, _sentences: &[Span], _published: DateTime<FixedOffset>) -> TimeTags {
        TimeTags::default()
    }

    /// Resolves one phrase on its own (`chronik resolve-time`): `context` is the sentence it
    /// stands in, when known; `tense` overrides the tense found in the context.
    pub fn resolve_phrase(
        &self,
        _phrase: &str,
        _context: Option<&str>,
        _tense: Option<Tense>,
        _reference: DateTime<FixedOffset>,
    ) -> Option<Timex> {
        None
    }
}
