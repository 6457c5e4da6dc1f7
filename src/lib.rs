//! chronik reads German news articles and turns them into a timeline of diplomatic meetings:
//! who meets whom, where, when, about what, and whether the meeting is proposed, planned, held,
//! postponed or cancelled. Every fact points back to the bytes of the text it came from.
//!
//! # Overview
//! - [`Pipeline`] compiles the gazetteers (actors, places, offices, time words, meeting words,
//!   all data under `gazetteers/`) once and runs the stages over an [`Article`](document::Article).
//! - [`Extraction`] is what one article yields: mentions, temporal expressions ([`Timex`]) and
//!   meetings ([`events::Event`]).
//! - [`record::ArticleRecord`] is an article's output (JSON Lines); its events and the merged
//!   ones share one type of facts and evidence ([`record::MeetingFacts`], [`record::Evidence`]).
//! - [`graph::TimelineBuilder`] merges the meetings of many articles into a [`graph::Timeline`],
//!   held as a [`graph::MeetingGraph`], which [`export`] writes as timeline JSON, TimelineJS3
//!   and Graphviz DOT.
//!
//! # Example: from an article to its meetings
//! ```
//! use chronik::{DataDir, Pipeline, document::Article};
//! let pipeline = Pipeline::new(&DataDir::bundled())?;
//! let article = Article::new(
//!     "n1",
//!     "2021-12-28T10:20:28+01:00".parse().unwrap(),
//!     "WASHINGTON - Vertreter der USA und Russlands wollen am 10. Januar in Genf über den \
//!      Ukraine-Konflikt sprechen.",
//! );
//! let found = pipeline.extract(&article);
//! let meeting = &found.events[0];
//! assert_eq!(meeting.date.as_ref().unwrap().value, "2022-01-10");
//! assert_eq!(meeting.status.as_str(), "planned");
//! assert_eq!(meeting.trigger.text(&article.text), "sprechen");
//! # Ok::<(), chronik::Error>(())
//! ```

pub mod analysis;
pub mod clause;
mod data;
mod diagnostic;
pub mod document;
mod error;
pub mod events;
pub mod export;
pub mod gazetteer;
pub mod graph;
mod pipeline;
pub mod record;
mod span;
pub mod time;
mod util;

pub use data::{DataDir, DataFile, Record, Row};
pub use diagnostic::Diagnostic;
pub use document::{SentenceSplitter, read_articles};
pub use error::{Error, ErrorKind, ErrorLocation};
pub use pipeline::{Extraction, Pipeline, Stage};
pub use span::Span;
pub use time::{Tense, TimeTagger, TimeTags, Timex, TimexType};
