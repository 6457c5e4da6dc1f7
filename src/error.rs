//! The one error type of the library.
//!
//! [`Error`] is opaque: callers print it or ask a few `is_*` questions. Every error names where it
//! happened (a data file and line, an input and line or byte offset), because chronik's users
//! meet errors in files of millions of records and need to find the bad one.

use std::fmt;

/// An error from loading data or reading input.
///
/// ```
/// use chronik::DataDir;
/// let err = DataDir::open("/no/such/dir").unwrap_err();
/// assert!(err.to_string().contains("/no/such/dir"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    Io,
    Data,
    Input,
}

impl Error {
    pub(crate) fn io(what: impl fmt::Display, err: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io,
            message: format!("{what}: {err}"),
        }
    }

    /// A problem in a gazetteer data file, at `file:line`.
    pub(crate) fn data(file: &str, line: usize, message: impl fmt::Display) -> Error {
        Error {
            kind: ErrorKind::Data,
            message: format!("{file}:{line}: {message}"),
        }
    }

    /// A problem in one input record; `place` names the input and where in it.
    pub(crate) fn input(place: impl fmt::Display, message: impl fmt::Display) -> Error {
        Error {
            kind: ErrorKind::Input,
            message: format!("{place}: {message}"),
        }
    }

    /// An I/O error while reading or writing `what` (a file name, `stdin`, `output`).
    pub fn from_io(what: impl fmt::Display, err: std::io::Error) -> Error {
        Error::io(what, err)
    }

    /// An input error with a complete message (for callers that read inputs of their own).
    pub fn from_message(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Input,
            message: message.into(),
        }
    }

    /// Several problems as one error, one line each (a data directory reports every bad row at
    /// once). Problems that are themselves lists are flattened.
    pub(crate) fn many(problems: Vec<Error>) -> Error {
        let kind = problems.first().map_or(ErrorKind::Data, |e| e.kind);
        let message = problems
            .iter()
            .map(|e| e.message.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        Error { kind, message }
    }

    /// The problems this error stands for, one line each: one for most errors, every bad row of
    /// a data directory for [`Pipeline::new`](crate::Pipeline::new).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("chronik-doc-problems");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let err = chronik::Pipeline::new(&chronik::DataDir::open(&dir).unwrap()).unwrap_err();
    /// assert!(err.problems().count() > 10, "every missing file is named");
    /// ```
    pub fn problems(&self) -> impl Iterator<Item = &str> {
        self.message.lines()
    }

    /// True when a gazetteer data file is malformed or inconsistent.
    pub fn is_data(&self) -> bool {
        self.kind == ErrorKind::Data
    }

    /// True when an input record (an article, a JSON line) could not be read.
    pub fn is_input(&self) -> bool {
        self.kind == ErrorKind::Input
    }

    /// True when reading a file failed at the operating-system level.
    pub fn is_io(&self) -> bool {
        self.kind == ErrorKind::Io
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Collects the problems of a load that goes on after the first one, so that a broken data
/// directory is reported whole in one run.
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<Error>);

impl Problems {
    /// The value, or `None` with the error kept.
    pub(crate) fn take<T>(&mut self, result: Result<T, Error>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    /// Keeps a problem.
    pub(crate) fn push(&mut self, e: Error) {
        self.0.push(e);
    }

    /// Keeps the error of `result`, if any.
    pub(crate) fn check(&mut self, result: Result<(), Error>) {
        self.take(result);
    }

    /// `value` when nothing went wrong, else every problem as one error.
    pub(crate) fn finish<T>(self, value: T) -> Result<T, Error> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(Error::many(self.0))
        }
    }
}
