//! Articles and their text structure: input formats, datelines, sentences.
//!
//! This stage owns turning bytes into [`Article`]s with a publication time and finding sentence
//! boundaries. It knows nothing about actors, dates or events.

mod article;
mod input;
pub mod inputs;
mod read;
mod sentence;

pub(crate) use article::agency_tags;
pub use article::{Article, Datelines, berlin_time, body_start, parse_published};
pub use input::{
    InputKind, check_encoding, content_id, decode_utf8, input_id, json_message, plain_text,
    read_json_lines, read_news_page, read_news_page_with_id,
};
pub use read::{Articles, read_articles, read_plain_text};
pub use sentence::{MAX_SENTENCE, SentenceSplitter};
