//! Meetings: finds the sentences that report a meeting and links each to its participants,
//! place, date, status and topic, with the evidence spans.
//!
//! Input: an article's sentences, gazetteer mentions and resolved time expressions. Output:
//! [`Event`]s. This stage owns the reading of a sentence as a meeting report; the words it reads
//! (triggers, status cues, attribution and anaphora cues) are data in `gazetteers/events/`.

mod anaphora;
mod codes;
mod date;
mod finder;
mod lexicon;
mod parties;
mod place;
pub mod rules;
mod split;
mod status;
mod topic;
mod trigger;
mod words;

pub(crate) use finder::Context;

use serde::{Deserialize, Serialize};

pub use codes::{Codes, EventCodes};
pub use finder::EventFinder;

use crate::Span;
use crate::gazetteer::{ActorId, PlaceId};

/// The kind of meeting (the evaluation's vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A meeting of two or more parties.
    Meeting,
    /// Talks or negotiations.
    Talks,
    /// A summit of heads of state or government.
    Summit,
    /// A phone or video call.
    Call,
    /// A body convening.
    Session,
    /// A visit to a state or a person.
    Visit,
}

impl EventKind {
    /// Every kind, in declaration order.
    pub const ALL: [EventKind; 6] = [
        EventKind::Meeting,
        EventKind::Talks,
        EventKind::Summit,
        EventKind::Call,
        EventKind::Session,
        EventKind::Visit,
    ];

    /// Parses `meeting`, `talks`, `summit`, `call`, `session` or `visit`.
    ///
    /// ```
    /// use chronik::events::EventKind;
    /// assert_eq!(EventKind::parse("talks"), Some(EventKind::Talks));
    /// assert_eq!(EventKind::parse("party"), None);
    /// ```
    pub fn parse(s: &str) -> Option<EventKind> {
        Some(match s {
            "meeting" => EventKind::Meeting,
            "talks" => EventKind::Talks,
            "summit" => EventKind::Summit,
            "call" => EventKind::Call,
            "session" => EventKind::Session,
            "visit" => EventKind::Visit,
            _ => return None,
        })
    }

    /// The lower-case name: `meeting`, `talks`, `summit`, `call`, `session` or `visit`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Talks => "talks",
            EventKind::Summit => "summit",
            EventKind::Call => "call",
            EventKind::Session => "session",
            EventKind::Visit => "visit",
        }
    }
}

/// Where a meeting stands, as of the article's publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Suggested by one side, not agreed.
    Proposed,
    /// Agreed or announced for the future.
    Planned,
    /// Took place (or is under way).
    Held,
    /// Moved to a later date.
    Postponed,
    /// Called off.
    Cancelled,
}

impl Status {
    /// Every status, in declaration order.
    pub const ALL: [Status; 5] = [
        Status::Proposed,
        Status::Planned,
        Status::Held,
        Status::Postponed,
        Status::Cancelled,
    ];

    /// Parses `proposed`, `planned`, `held`, `postponed` or `cancelled`.
    ///
    /// ```
    /// use chronik::events::Status;
    /// assert_eq!(Status::parse("held"), Some(Status::Held));
    /// ```
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "proposed" => Status::Proposed,
            "planned" => Status::Planned,
            "held" => Status::Held,
            "postponed" => Status::Postponed,
            "cancelled" => Status::Cancelled,
            _ => return None,
        })
    }

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Planned => "planned",
            Status::Held => "held",
            Status::Postponed => "postponed",
            Status::Cancelled => "cancelled",
        }
    }
}

/// A party of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Participant {
    /// The actor.
    pub actor: ActorId,
    /// The mention it was found by, when the text names it (a body's parent is implied).
    pub span: Option<Span>,
    /// The mention whose sentence leaves its participation open (`Moskau prüft eine Teilnahme
    /// noch`), if one does.
    pub open: Option<Span>,
}

/// A date attached to a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// TIMEX3 value of the day (or coarser: `2022-01`).
    pub value: String,
    /// The temporal expression it came from.
    pub span: Span,
}

/// A place attached to a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EventPlace {
    /// The place.
    pub place: PlaceId,
    /// The mention it came from.
    pub span: Span,
}

/// One meeting reported by an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Meeting, talks, summit, call, session or visit.
    pub kind: EventKind,
    /// Proposed, planned, held, postponed or cancelled.
    pub status: Status,
    /// The parties, in order of mention.
    pub participants: Vec<Participant>,
    /// Where it is held, when the text says.
    pub place: Option<EventPlace>,
    /// When it is held, when the text says.
    pub date: Option<EventDate>,
    /// What it is about (`über den Ukraine-Konflikt`), without the preposition.
    pub topic: Option<Span>,
    /// The word that reports the meeting.
    pub trigger: Span,
    /// The sentence that reports it; further sentences that add to it are in `support`.
    pub evidence: Span,
    /// Later sentences that refer back to the meeting and added facts to it.
    pub support: Vec<Span>,
    /// The ids of the rules that decided it, in order ([`rules`]).
    pub rules: Vec<&'static str>,
}
