//! Where a meeting stands: proposed, planned, held, postponed or cancelled.

use chrono::NaiveDate;

use super::EventFinder;
use super::finder::Context;
use super::rules::{self, Rule};
use super::words::*;
use super::{EventDate, Status};
use crate::Span;

impl EventFinder {
    /// Status from cue words (lowest rank wins), else from the date against the publication.
    pub(super) fn status(
        &self,
        words: &[Word],
        context: Option<Status>,
        date: Option<&EventDate>,
        published: NaiveDate,
    ) -> (Status, Rule) {
        let own = self.cue_status(words);
        let cue_rule = if own.is_some() {
            rules::STATUS_CUE
        } else {
            rules::STATUS_PREVIOUS_SENTENCE
        };
        let cue = own.or(context);
        // a date before or after the publication day decides between held and planned; on the
        // day itself the words decide, and a present-tense report of today is planned
        let day = date.and_then(|d| NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").ok());
        let by_date = day.and_then(|day| match day.cmp(&published) {
            std::cmp::Ordering::Less => Some(Status::Held),
            std::cmp::Ordering::Greater => Some(Status::Planned),
            std::cmp::Ordering::Equal => None,
        });
        match (cue, by_date) {
            (Some(Status::Held), Some(Status::Planned)) => (Status::Planned, rules::STATUS_DATE),
            (Some(Status::Planned), Some(Status::Held)) => (Status::Held, rules::STATUS_DATE),
            (Some(s), _) => (s, cue_rule),
            (None, Some(s)) => (s, rules::STATUS_DATE),
            (None, None) if day.is_some() => (Status::Planned, rules::STATUS_TODAY),
            (None, None) => (Status::Held, rules::STATUS_DEFAULT),
        }
    }

    /// The status the cue words of the sentence before `sentence` give.
    pub(super) fn previous_cue_status(&self, cx: &Context, sentence: Span) -> Option<Status> {
        let previous = previous_sentence(cx, sentence)?;
        self.cue_status(&words(cx.text, previous))
    }

    /// The status the sentence's cue words give, the lowest rank winning.
    pub(super) fn cue_status(&self, words: &[Word]) -> Option<Status> {
        let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
        self.lexicon.status_of(&lower)
    }

    /// The status a single word gives as a cue, if any.
    pub(super) fn word_status(&self, word: &str) -> Option<Status> {
        self.lexicon.status_of(&[word.to_lowercase()])
    }
}
