//! [`Diagnostic`]: a non-fatal finding about the input, such as an impossible date.

use serde::Serialize;

use crate::Span;

/// Something chronik noticed in an article but could not turn into a fact.
///
/// ```
/// use chronik::{Diagnostic, Span};
/// let d = Diagnostic::new(Span::new(3, 13), "31. Februar does not exist");
/// assert_eq!(d.to_string(), "bytes 3..13: 31. Februar does not exist");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Where in the article text.
    pub span: Span,
    /// What is wrong, in words.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "bytes {}..{}: {}",
            self.span.start, self.span.end, self.message
        )
    }
}
