//! The meeting as every output writes it: [`MeetingFacts`] (what happened) and [`Evidence`]
//! (where one article says so), shared by an article's [`EventRecord`] and a merged
//! [`TimelineEvent`](crate::graph::TimelineEvent).

use serde::{Deserialize, Serialize};

use crate::Span;
use crate::events::{EventKind, Status};

/// A span with its text.
///
/// ```
/// use chronik::{Span, record::TextSpan};
/// let s = TextSpan::new("in Genf", Span::new(3, 7));
/// assert_eq!((s.start, s.end, s.text.as_str()), (3, 7, "Genf"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

impl TextSpan {
    /// The span `span` of `text`.
    pub fn new(text: &str, span: Span) -> TextSpan {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.text(text).to_string(),
        }
    }
}

/// An actor or place, as referenced from events and lists.
///
/// ```
/// use chronik::record::EntityRef;
/// let genf = EntityRef { id: "genf".into(), qid: Some("Q71".into()), name: "Genf".into(), canonical: None, kind: None, in_state: None };
/// assert_eq!(serde_json::to_string(&genf).unwrap(), r#"{"id":"genf","qid":"Q71","name":"Genf"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityRef {
    /// Stable chronik id.
    pub id: String,
    /// Wikidata id.
    pub qid: Option<String>,
    /// The name: in per-article records the fullest form the article writes (nominative), else
    /// the canonical German name.
    pub name: String,
    /// The canonical German name, when `name` is the article's own spelling and differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// state, organisation, body or person (actors); country, city, region or venue (places).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// For a place that is not a state: the id of the state it lies in (`genf` lies in
    /// `schweiz`), so that a report naming the city and one naming the state can be one meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_state: Option<String>,
}

impl EntityRef {
    /// The entity under its canonical name (a timeline joins articles that spell it differently).
    ///
    /// ```
    /// use chronik::record::EntityRef;
    /// let orban = EntityRef { id: "viktor-orban".into(), qid: None, name: "Orban".into(), canonical: Some("Viktor Orbán".into()), kind: None, in_state: None };
    /// assert_eq!(orban.canonical().name, "Viktor Orbán");
    /// ```
    pub fn canonical(&self) -> EntityRef {
        let mut e = self.clone();
        if let Some(name) = e.canonical.take() {
            e.name = name;
        }
        e
    }
}

/// A participant of a meeting.
///
/// ```
/// use chronik::record::ParticipantRecord;
/// let p: ParticipantRecord = serde_json::from_str(r#"{"id":"russland","qid":"Q159","name":"Russland","open":true}"#).unwrap();
/// assert!(p.open);
/// assert_eq!(p.actor.id, "russland");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ParticipantRecord {
    /// The actor.
    #[serde(flatten)]
    pub actor: EntityRef,
    /// True when the text leaves the participation open (in a merged event: every report does).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
}

/// What a meeting is: the fields every event has wherever it appears (an article's event, a
/// merged timeline event, every export).
///
/// ```
/// use chronik::events::{EventKind, Status};
/// use chronik::record::MeetingFacts;
/// let facts: MeetingFacts = serde_json::from_str(
///     r#"{"kind":"talks","status":"planned","date":"2022-01-10","participants":[],"place":null,"topic":null,"cameo":"036","plover":"AGREE"}"#,
/// ).unwrap();
/// assert_eq!((facts.kind, facts.status), (EventKind::Talks, Status::Planned));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MeetingFacts {
    /// meeting, talks, summit, call, session or visit.
    pub kind: EventKind,
    /// proposed, planned, held, postponed or cancelled.
    pub status: Status,
    /// TIMEX3 value of the day (or coarser: `2022-01`, `2022-W02`), or null.
    pub date: Option<String>,
    /// The parties, in order of mention.
    pub participants: Vec<ParticipantRecord>,
    /// Where, or null.
    pub place: Option<EntityRef>,
    /// What about, or null.
    pub topic: Option<String>,
    /// CAMEO code, agreeing with `status` and `kind` (`events/codes.tsv`).
    #[serde(default)]
    pub cameo: String,
    /// PLOVER event type and mode, agreeing with `cameo`.
    #[serde(default)]
    pub plover: String,
}

/// The span that names one participant.
///
/// ```
/// use chronik::record::ParticipantSpan;
/// let s: ParticipantSpan = serde_json::from_str(r#"{"id":"usa","start":34,"end":37,"text":"USA"}"#).unwrap();
/// assert_eq!((s.id.as_str(), s.span.text.as_str()), ("usa", "USA"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ParticipantSpan {
    /// The participant's id.
    pub id: String,
    /// Where the article names it.
    #[serde(flatten)]
    pub span: TextSpan,
}

/// Where one article reports a meeting: the trigger, the sentence, and the span of every fact
/// (participants, date and place may come from other sentences than the trigger's).
///
/// ```
/// use chronik::record::Evidence;
/// let e: Evidence = serde_json::from_str(
///     r#"{"trigger":{"start":9,"end":16,"text":"trafen"},"evidence":{"start":0,"end":30,"text":"Sie trafen sich am 12. Januar."}}"#,
/// ).unwrap();
/// assert!(e.date_span.is_none() && e.participant_spans.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The reporting word.
    pub trigger: TextSpan,
    /// The reporting sentence.
    pub evidence: TextSpan,
    /// Later sentences that refer back to the meeting and add to it.
    #[serde(default)]
    pub support: Vec<TextSpan>,
    /// Where each participant is named (an implied one, a body's parent, has none).
    #[serde(default)]
    pub participant_spans: Vec<ParticipantSpan>,
    /// Where the text leaves a participant's participation open (the mention in that sentence).
    #[serde(default)]
    pub open_spans: Vec<ParticipantSpan>,
    /// The temporal expression of the date, or null.
    #[serde(default)]
    pub date_span: Option<TextSpan>,
    /// The mention of the place, or null.
    #[serde(default)]
    pub place_span: Option<TextSpan>,
}

/// A meeting reported by one article: its facts and its evidence, flat in one JSON object.
///
/// ```
/// use chronik::{DataDir, Pipeline, document::Article, record::ArticleRecord};
/// let pipeline = Pipeline::new(&DataDir::bundled())?;
/// let article = Article::new("a", "2022-01-13T10:00:00+01:00".parse().unwrap(),
///     "Die Nato und Russland trafen sich am 12. Januar in Brüssel.");
/// let record = ArticleRecord::new(&article, &pipeline.extract(&article), &pipeline);
/// let json = serde_json::to_value(&record.events[0]).unwrap();
/// assert_eq!(json["status"], "held");
/// assert_eq!(json["date_span"]["text"], "12. Januar");
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventRecord {
    /// What the article says happened.
    #[serde(flatten)]
    pub facts: MeetingFacts,
    /// Where it says so.
    #[serde(flatten)]
    pub evidence: Evidence,
    /// The ids of the rules that decided the event (`chronik::events::rules`), with `--explain`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}
