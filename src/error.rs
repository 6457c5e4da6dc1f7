//! The one error type of the library.
//!
//! [`Error`] is opaque: callers print it, ask what [`kind`](Error::kind) it is, which
//! [`input`](Error::input) it concerns and where in it ([`location`](Error::location)). Every
//! error names where it happened (a data file and line, an input and line or byte offset),
//! because chronik's users meet errors in files of millions of records and need to find the bad
//! one.

use std::fmt;

/// What went wrong, in broad classes; see [`Error::kind`].
///
/// ```
/// use chronik::{DataDir, ErrorKind};
/// assert_eq!(DataDir::open("/no/such/dir").unwrap_err().kind(), ErrorKind::Io);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed at the operating-system level.
    Io,
    /// A gazetteer data file is missing, malformed or inconsistent.
    Data,
    /// An input record (an article, a JSON line, a page) could not be read.
    Input,
    /// A value given to the library could not be parsed (a TIMEX3 value that names no days).
    Value,
}

/// Where in its input an error is: a line (1-based) and a byte offset (0-based, from the start
/// of the input), each when known.
///
/// ```
/// use chronik::document::read_json_lines;
/// let input = "{\"id\":\"a\",\"published\":\"2022-01-10T09:00:00+01:00\",\"text\":\"x\"}\nkaputt\n";
/// let err = read_json_lines("in.jsonl", input.as_bytes()).nth(1).unwrap().unwrap_err();
/// assert_eq!(err.input(), Some("in.jsonl"));
/// assert_eq!(err.location().unwrap().line, Some(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct ErrorLocation {
    /// The line, counted from 1.
    pub line: Option<usize>,
    /// The byte offset from the start of the input.
    pub byte: Option<usize>,
}

/// An error from loading data, reading input or parsing a value.
///
/// Its `Display` is one complete line: the input, the place in it and what is wrong
/// (`in.jsonl:2: not a JSON article ...`), as the CLI prints it. The cause, when there is one
/// (an [`std::io::Error`], a JSON error), is also given by [`source`](std::error::Error::source)
/// for programs that match on it. A data directory with many bad rows is one error whose
/// [`problems`](Error::problems) are every row's error.
///
/// ```
/// use chronik::{DataDir, ErrorKind};
/// let err = DataDir::open("/no/such/dir").unwrap_err();
/// assert!(err.to_string().contains("/no/such/dir"));
/// assert_eq!(err.input(), Some("/no/such/dir"));
/// let cause = std::error::Error::source(&err).unwrap();
/// let io = cause.downcast_ref::<std::io::Error>().unwrap();
/// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
/// ```
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    input: Option<String>,
    location: ErrorLocation,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
    /// Every problem, when this error stands for several (then the fields above are empty).
    problems: Vec<Error>,
}

impl Error {
    fn new(kind: ErrorKind, input: Option<String>, message: String) -> Error {
        Error(Box::new(Inner {
            kind,
            input,
            location: ErrorLocation::default(),
            message,
            source: None,
            problems: Vec::new(),
        }))
    }

    /// An I/O error while reading or writing `input` (a file name, `stdin`).
    pub(crate) fn io(input: impl fmt::Display, err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, Some(input.to_string()), err.to_string()).with_source(err)
    }

    /// A problem in a gazetteer data file, at `line` (0: the file as a whole).
    pub(crate) fn data(file: &str, line: usize, message: impl fmt::Display) -> Error {
        let e = Error::new(ErrorKind::Data, Some(file.to_string()), message.to_string());
        if line == 0 { e } else { e.at_line(line) }
    }

    /// A problem in the input named `input`; add the place with [`at_line`](Self::at_line) and
    /// [`at_byte`](Self::at_byte).
    pub(crate) fn bad_input(input: impl fmt::Display, message: impl fmt::Display) -> Error {
        Error::new(
            ErrorKind::Input,
            Some(input.to_string()),
            message.to_string(),
        )
    }

    /// A value that could not be parsed.
    pub(crate) fn value(value: &str, message: impl fmt::Display) -> Error {
        Error::new(
            ErrorKind::Value,
            Some(value.to_string()),
            message.to_string(),
        )
    }

    /// The error located at `line` (1-based) of its input.
    pub(crate) fn at_line(mut self, line: usize) -> Error {
        self.0.location.line = Some(line);
        self
    }

    /// The error located at byte `byte` of its input.
    pub(crate) fn at_byte(mut self, byte: usize) -> Error {
        self.0.location.byte = Some(byte);
        self
    }

    /// The error with its cause.
    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.0.source = Some(Box::new(source));
        self
    }

    /// An I/O error while reading or writing `what` (a file name, `stdin`, `output`).
    ///
    /// ```
    /// let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
    /// let err = chronik::Error::from_io("out.json", io);
    /// assert_eq!(err.to_string(), "out.json: permission denied");
    /// ```
    pub fn from_io(what: impl fmt::Display, err: std::io::Error) -> Error {
        Error::io(what, err)
    }

    /// An input error with a complete message (for callers that read inputs of their own).
    ///
    /// ```
    /// let err = chronik::Error::from_message("feed.xml: no articles");
    /// assert_eq!((err.kind(), err.input()), (chronik::ErrorKind::Input, None));
    /// ```
    pub fn from_message(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, None, message.into())
    }

    /// Several problems as one error, one line each (a data directory reports every bad row at
    /// once). Problems that are themselves lists are flattened.
    pub(crate) fn many(problems: Vec<Error>) -> Error {
        let mut flat: Vec<Error> = Vec::with_capacity(problems.len());
        for p in problems {
            if p.0.problems.is_empty() {
                flat.push(p);
            } else {
                flat.extend(p.0.problems);
            }
        }
        if flat.len() == 1 {
            return flat.pop().expect("one problem");
        }
        let kind = flat.first().map_or(ErrorKind::Data, Error::kind);
        let mut e = Error::new(kind, None, String::new());
        e.0.problems = flat;
        e
    }

    /// What went wrong, broadly (for an error of several problems: the first one's).
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The input the error concerns: a file name, `stdin`, a data file under `gazetteers/`, or
    /// a value; `None` when unknown (for an error of several problems: the first one's).
    ///
    /// ```
    /// use chronik::document::decode_utf8;
    /// let err = decode_utf8("notes.txt", b"ab\xffc".to_vec()).unwrap_err();
    /// assert_eq!(err.input(), Some("notes.txt"));
    /// assert_eq!(err.location().unwrap().byte, Some(2));
    /// ```
    pub fn input(&self) -> Option<&str> {
        match self.0.problems.first() {
            Some(first) => first.input(),
            None => self.0.input.as_deref(),
        }
    }

    /// Where in [`input`](Self::input) the error is, when known (for an error of several
    /// problems: the first one's).
    pub fn location(&self) -> Option<ErrorLocation> {
        match self.0.problems.first() {
            Some(first) => first.location(),
            None => Some(self.0.location).filter(|l| *l != ErrorLocation::default()),
        }
    }

    /// The problems this error stands for: itself for most errors, every bad row of a data
    /// directory for [`Pipeline::new`](crate::Pipeline::new). Each displays as one line.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("chronik-doc-problems");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let err = chronik::Pipeline::new(&chronik::DataDir::open(&dir).unwrap()).unwrap_err();
    /// assert!(err.problems().count() > 10, "every missing file is named");
    /// assert!(err.problems().all(|p| p.input().is_some()));
    /// ```
    pub fn problems(&self) -> impl Iterator<Item = &Error> {
        let all: &[Error] = if self.0.problems.is_empty() {
            std::slice::from_ref(self)
        } else {
            &self.0.problems
        };
        all.iter()
    }

    /// True when a gazetteer data file is malformed or inconsistent.
    pub fn is_data(&self) -> bool {
        self.kind() == ErrorKind::Data
    }

    /// True when an input record (an article, a JSON line) could not be read.
    pub fn is_input(&self) -> bool {
        self.kind() == ErrorKind::Input
    }

    /// True when reading a file failed at the operating-system level.
    pub fn is_io(&self) -> bool {
        self.kind() == ErrorKind::Io
    }
}

/// An I/O error without a file name (prefer [`Error::from_io`], which names the file).
///
/// ```
/// fn read() -> Result<String, chronik::Error> {
///     Ok(std::fs::read_to_string("/no/such/file")?)
/// }
/// assert_eq!(read().unwrap_err().kind(), chronik::ErrorKind::Io);
/// ```
impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, None, err.to_string()).with_source(err)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.0.problems.is_empty() {
            for (i, p) in self.0.problems.iter().enumerate() {
                if i > 0 {
                    f.write_str("\n")?;
                }
                write!(f, "{p}")?;
            }
            return Ok(());
        }
        let inner = &self.0;
        let mut place = false;
        if let Some(input) = &inner.input {
            f.write_str(input)?;
            place = true;
        }
        if let Some(line) = inner.location.line {
            write!(f, "{}{line}", if place { ":" } else { "line " })?;
            place = true;
        }
        if let Some(byte) = inner.location.byte {
            write!(f, "{}byte {byte}", if place { ": " } else { "" })?;
            place = true;
        }
        if place {
            f.write_str(": ")?;
        }
        f.write_str(&inner.message)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.0;
        let mut d = f.debug_struct("Error");
        d.field("kind", &inner.kind);
        if inner.problems.is_empty() {
            d.field("input", &inner.input)
                .field("location", &inner.location)
                .field("message", &inner.message)
                .field("source", &inner.source);
        } else {
            d.field("problems", &inner.problems);
        }
        d.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_input_line_and_byte() {
        let e = Error::bad_input("page.txt", "invalid UTF-8")
            .at_line(9)
            .at_byte(63);
        assert_eq!(e.to_string(), "page.txt:9: byte 63: invalid UTF-8");
        assert_eq!(
            e.location(),
            Some(ErrorLocation {
                line: Some(9),
                byte: Some(63)
            })
        );
        assert_eq!(
            Error::data("a.tsv", 0, "no header line").to_string(),
            "a.tsv: no header line"
        );
        assert_eq!(Error::data("a.tsv", 0, "x").location(), None);
        assert_eq!(Error::data("a.tsv", 4, "x").to_string(), "a.tsv:4: x");
        let bare = Error::from(std::io::Error::other("disk full"));
        assert_eq!((bare.to_string(), bare.input()), ("disk full".into(), None));
    }

    #[test]
    fn many_problems_flatten_and_keep_the_first_place() {
        let one = Error::many(vec![Error::data("a.tsv", 2, "x")]);
        assert_eq!(one.problems().count(), 1);
        let inner = Error::many(vec![
            Error::data("a.tsv", 2, "x"),
            Error::data("b.tsv", 3, "y"),
        ]);
        let all = Error::many(vec![inner, Error::bad_input("in", "z")]);
        let lines: Vec<String> = all.problems().map(ToString::to_string).collect();
        assert_eq!(lines, ["a.tsv:2: x", "b.tsv:3: y", "in: z"]);
        assert_eq!(all.to_string(), lines.join("\n"));
        assert_eq!((all.kind(), all.input()), (ErrorKind::Data, Some("a.tsv")));
        assert_eq!(all.location().unwrap().line, Some(2));
    }

    #[test]
    fn the_error_is_send_sync_and_small() {
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<Error>();
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }
}
