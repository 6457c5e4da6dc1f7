//! Articles and their text structure: input formats, datelines, sentences.

mod sentence;

pub use sentence::SentenceSplitter;
