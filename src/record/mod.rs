//! Records: the typed, serialisable form of what chronik found, below the timeline and the
//! exports. An article's [`ArticleRecord`] (the JSON Lines unit of output and of merging) holds
//! its [`EventRecord`]s; each is [`MeetingFacts`] (what happened) and [`Evidence`] (where the
//! article says so). [`graph::TimelineEvent`](crate::graph::TimelineEvent) holds the same
//! facts, merged, and one evidence per source. The schema of every field: `docs/schema.md`.
//!
//! ```
//! use chronik::{DataDir, Pipeline, document::Article, record::ArticleRecord};
//! let pipeline = Pipeline::new(&DataDir::bundled())?;
//! let article = Article::new("a", "2021-12-28T10:20:28+01:00".parse().unwrap(),
//!     "Vertreter der USA und Russlands wollen am 10. Januar in Genf über die Ukraine sprechen.");
//! let record = ArticleRecord::new(&article, &pipeline.extract(&article), &pipeline);
//! let event = &record.events[0];
//! assert_eq!(event.facts.plover, "AGREE");
//! assert_eq!(event.evidence.place_span.as_ref().unwrap().text, "Genf");
//! # Ok::<(), chronik::Error>(())
//! ```

mod article;
mod meeting;

pub use article::{
    ActorRecord, ArticleRecord, DiagnosticRecord, ErrorRecord, MentionRecord, OfficeRecord,
    TimexRecord, actor_ref, place_ref, unresolved_ref,
};
pub use meeting::{
    EntityRef, EventRecord, Evidence, MeetingFacts, ParticipantRecord, ParticipantSpan, TextSpan,
};

/// RFC 3339 times as `DateTime::to_rfc3339` writes them (the publisher's offset, never `Z` for
/// it), read with any offset.
pub(crate) mod rfc3339 {
    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        time: &DateTime<FixedOffset>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&time.to_rfc3339())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(|e| {
            serde::de::Error::custom(format!("published {text:?} is not an RFC 3339 time: {e}"))
        })
    }
}
