//! chronik reads German news articles and turns them into a timeline of diplomatic meetings:
//! who meets whom, where, when, about what, and whether the meeting is proposed, planned, held,
//! postponed or cancelled. Every fact points back to the bytes of the text it came from.
//!
//! # Russia's meetings in January 2022, from the bundled page
//! ```
//! let pipeline = chronik::Pipeline::bundled()?;
//! let meetings = chronik::analysis::meetings_in(&pipeline, "examples/dpa-page.txt")?;
//! let january = "2022-01".parse()?;
//! for event in meetings.events_of("Q159").filter(|e| e.within(&january)) {
//!     let with: Vec<&str> = event.facts.participants.iter().map(|p| p.actor.name.as_str()).collect();
//!     println!("{} {} {}", event.facts.date.as_deref().unwrap_or("?"), event.facts.status.as_str(), with.join(", "));
//! }
//! # let dates: Vec<_> = meetings.events_of("Q159").filter(|e| e.within(&january)).filter_map(|e| e.facts.date.as_deref()).collect();
//! # assert_eq!(dates, ["2022-01-10", "2022-01-12"]);
//! # Ok::<(), chronik::Error>(())
//! ```
//!
//! # A map of the types
//! | step | types |
//! |---|---|
//! | data | [`DataDir`] (bundled, a directory, or with a user's [overlay](DataDir::with_overlay) of actors, aliases, triggers), [`DataFile`] |
//! | input | [`read_articles`] (JSON Lines, news pages), [`document::read_plain_text`], [`document::Article`] |
//! | extraction | [`Pipeline`] (`Send + Sync`; [`extract`](Pipeline::extract), [`extract_all`](Pipeline::extract_all), look-ups [`actor`](Pipeline::actor) by QID or id and [`find_actor`](Pipeline::find_actor) by name) → [`Extraction`]: [`gazetteer::Mention`]s of [`gazetteer::Actor`]s and [`gazetteer::Place`]s, [`Timex`]es, [`events::Event`]s |
//! | dates | [`time::DateInterval`] (the days of a TIMEX3 value, with its [`time::Precision`]) |
//! | records | [`record::ArticleRecord`] (an article's JSON Lines output), [`record::MeetingFacts`], [`record::Evidence`], [`record::EntityRef`] |
//! | merge | [`graph::Timeline`] of [`graph::TimelineEvent`]s with [`graph::Source`]s and [`graph::StatusStep`]s, as a petgraph [`graph::MeetingGraph`] |
//! | questions | [`analysis::Meetings`] ([`Pipeline::meetings`], [`analysis::meetings_in`]): events of an actor, a pair, a place, a period; calendars; first and last meetings; plans never held; status changes; the co-participation [`analysis::Network`] as DOT or GraphML |
//! | output | [`export`]: timeline JSON, TimelineJS3, Graphviz DOT |
//! | errors | [`Error`] with its [`ErrorKind`], [`input`](Error::input) and [`location`](Error::location) |
//!
//! The `examples/` directory holds one program per question (`cargo run --release --example
//! calendar`).
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

#![warn(missing_docs)]

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
