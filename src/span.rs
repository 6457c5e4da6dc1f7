//! [`Span`]: a half-open range of UTF-8 byte offsets into an article's original text.
//!
//! Every fact chronik outputs carries a span, so a user can always go back to the words it came
//! from. Spans are never taken in folded or normalised copies of the text.

use serde::Serialize;

/// A half-open byte range `start..end` into an article's text.
///
/// ```
/// use chronik::Span;
/// let text = "Gespräche in Genf";
/// let span = Span::new(14, 18); // "ä" takes two bytes
/// assert_eq!(span.text(text), "Genf");
/// assert_eq!(span.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text the span covers, or `""` when it does not fall on character boundaries of `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span moved `offset` bytes to the right.
    pub const fn shifted(&self, offset: usize) -> Span {
        Span {
            start: self.start + offset,
            end: self.end + offset,
        }
    }
}
