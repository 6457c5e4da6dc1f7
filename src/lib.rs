//! chronik reads German news articles and turns them into a timeline of diplomatic meetings.

mod data;
mod diagnostic;
pub mod document;
mod error;
mod span;
pub mod time;

pub use data::{DataDir, DataFile, Row};
pub use diagnostic::Diagnostic;
pub use document::SentenceSplitter;
pub use error::Error;
pub use span::Span;
pub use time::{Tense, TimeTagger, TimeTags, Timex, TimexType};
