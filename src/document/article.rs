//! [`Article`]: one news article, the unit every later stage works on.

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Berlin;

use crate::Span;

/// One article: its text, its publication time and where it came from.
///
/// All spans that chronik reports are byte offsets into [`Article::text`].
///
/// ```
/// use chronik::document::Article;
/// let article = Article::new("a1", "2021-12-28T10:20:28+01:00".parse().unwrap(), "GENF - Text.");
/// assert_eq!(article.dateline.map(|d| d.text(&article.text)), Some("GENF"));
/// assert_eq!(article.body_start(), 7);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Article {
    /// Identifier, unique within one input.
    pub id: String,
    /// Publication time with its UTC offset (local time of the publisher).
    pub published: DateTime<FixedOffset>,
    /// Headline, when the input has one.
    pub title: Option<String>,
    /// The article body; all spans point into it.
    pub text: String,
    /// Where the article came from (URL, agency, file).
    pub source: Option<String>,
    /// The dateline (`WASHINGTON/MOSKAU`) at the start of the body, if any.
    pub dateline: Option<Span>,
    /// Byte offset of `text` in the input it was read from (a news page holds many articles).
    pub input_offset: usize,
}

impl Article {
    /// An article from its id, publication time and text; the dateline is detected.
    pub fn new(
        id: impl Into<String>,
        published: DateTime<FixedOffset>,
        text: impl Into<String>,
    ) -> Article {
        let text = text.into();
        let dateline = find_dateline(&text);
        Article {
            id: id.into(),
            published,
            title: None,
            text,
            source: None,
            dateline,
            input_offset: 0,
        }
    }

    /// Byte offset where the body proper begins: after the dateline, its agency tag, date and dash.
    pub fn body_start(&self) -> usize {
        body_start(&self.text, self.dateline)
    }

    /// Looks for a mixed-case dateline (`Peking (dpa) -`), which needs a known agency tag or a
    /// date after it; an upper-case one (`WASHINGTON/MOSKAU -`) was found when the article was
    /// made.
    ///
    /// ```
    /// use chronik::{DataDir, document::{Article, Datelines}};
    /// let datelines = Datelines::new(&DataDir::bundled())?;
    /// let mut a = Article::new("a", "2014-04-15T12:00:00+02:00".parse().unwrap(), "Peking (dpa) - Im Konflikt");
    /// a.find_dateline_with(&datelines);
    /// assert_eq!(&a.text[a.body_start()..], "Im Konflikt");
    /// let mut b = Article::new("b", "2016-01-30T12:00:00+01:00".parse().unwrap(), "Frank-Walter Steinmeier (SPD) hat");
    /// b.find_dateline_with(&datelines);
    /// assert_eq!(b.dateline, None);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn find_dateline_with(&mut self, datelines: &Datelines) {
        if self.dateline.is_none() {
            self.dateline = datelines.find(&self.text);
        }
    }
}

/// The news agency tags of `text/agencies.tsv`, lower case: they mark datelines (`Peking (dpa) -`)
/// and bylines (`(AFP)`).
pub(crate) fn agency_tags(
    data: &crate::DataDir,
) -> Result<std::collections::HashSet<String>, crate::Error> {
    let mut agencies = std::collections::HashSet::new();
    for row in data.read("text/agencies.tsv")?.table(&["tag"])? {
        agencies.insert(row.required("tag")?.to_lowercase());
    }
    Ok(agencies)
}

/// The agency tags that make a mixed-case dateline (`gazetteers/text/agencies.tsv`).
#[derive(Debug, Clone)]
pub struct Datelines {
    agencies: std::collections::HashSet<String>,
}

impl Datelines {
    /// Loads the agency tags.
    ///
    /// # Errors
    /// When the data file is missing or malformed.
    pub fn new(data: &crate::DataDir) -> Result<Datelines, crate::Error> {
        Ok(Datelines {
            agencies: agency_tags(data)?,
        })
    }

    /// The mixed-case dateline at the start of `text`, if any.
    pub fn find(&self, text: &str) -> Option<Span> {
        let caps = dateline_patterns().0.captures(text)?;
        let name = caps.get(1)?;
        let rest = &text[name.end()..];
        let tail = &rest[..dateline_tail(rest)?];
        let tag = tail
            .trim_start()
            .strip_prefix('(')
            .and_then(|t| t.split(')').next())
            .unwrap_or("");
        let first = tag
            .split(['-', '/', ' '])
            .next()
            .unwrap_or("")
            .to_lowercase();
        let dated = tail.contains(|c: char| c.is_ascii_digit());
        (self.agencies.contains(&first) || dated).then(|| Span::new(name.start(), name.end()))
    }
}

/// Byte offset where the body of `text` begins after `dateline`, its agency tag, date and dash.
pub fn body_start(text: &str, dateline: Option<Span>) -> usize {
    dateline.map_or(0, |d| d.end + dateline_tail(&text[d.end..]).unwrap_or(0))
}

fn dateline_patterns() -> &'static (regex::Regex, regex::Regex) {
    static PATTERNS: std::sync::OnceLock<(regex::Regex, regex::Regex)> = std::sync::OnceLock::new();
    PATTERNS.get_or_init(|| {
        (
            // place names: `WASHINGTON/MOSKAU`, `Buenos Aires`, `Sankt Petersburg`
            regex::Regex::new(r"^\s*(\p{Lu}[\p{L}.'-]*(?:[ /]\p{Lu}[\p{L}.'-]*){0,3})").expect("valid regex"),
            // what follows: `(dpa-AFX)`, `, 19.04.2006`, and a dash; or only an agency tag
            regex::Regex::new(r"^(?:\s*\([^()\n]{1,40}\))?(?:\s*,\s*\d{1,2}\.\d{1,2}\.\d{2,4})?\s*[-–—]\s|^\s*\([^()\n]{1,40}\)\s+")
                .expect("valid regex"),
        )
    })
}

/// Length of what follows a dateline's place names, when it is a dateline tail.
fn dateline_tail(rest: &str) -> Option<usize> {
    dateline_patterns().1.find(rest).map(|m| m.end())
}

/// An upper-case dateline: place names at the start of the text (`WASHINGTON/MOSKAU`, `ROM`)
/// followed by a dash, an agency tag (`BERLIN (dpa-AFX) -`) or a date. Mixed-case datelines
/// (`Peking (dpa) -`) need data, the agency tags: see [`Datelines`].
pub(crate) fn find_dateline(text: &str) -> Option<Span> {
    let caps = dateline_patterns().0.captures(text)?;
    let name = caps.get(1)?;
    dateline_tail(&text[name.end()..])?;
    let upper = name
        .as_str()
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let letters = name.as_str().chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && upper).then(|| Span::new(name.start(), name.end()))
}

/// Converts a wall-clock time in Berlin to a fixed-offset time (DST-safe; an ambiguous time in the
/// autumn fold takes the earlier offset, a time in the spring gap is moved past it).
pub fn berlin_time(naive: NaiveDateTime) -> DateTime<FixedOffset> {
    match Berlin.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t.fixed_offset(),
        chrono::LocalResult::None => Berlin
            .from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
            .map_or_else(|| naive.and_utc().fixed_offset(), |t| t.fixed_offset()),
    }
}

/// Parses a publication time: RFC 3339 with offset, or a local time (`2022-01-28T21:31:00`,
/// `2022-01-28 21:31`, `2022-01-28`) read as Europe/Berlin.
///
/// ```
/// use chronik::document::parse_published;
/// assert_eq!(parse_published("2022-01-28T21:31").unwrap().to_rfc3339(), "2022-01-28T21:31:00+01:00");
/// assert_eq!(parse_published("2022-07-01").unwrap().to_rfc3339(), "2022-07-01T00:00:00+02:00");
/// assert!(parse_published("gestern").is_none());
/// ```
pub fn parse_published(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, format) {
            return Some(berlin_time(naive));
        }
    }
    let date = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(berlin_time(date.and_hms_opt(0, 0, 0)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let t = "WASHINGTON/MOSKAU - Vertreter der USA";
        assert_eq!(
            find_dateline(t).map(|s| s.text(t)),
            Some("WASHINGTON/MOSKAU")
        );
        let t = "BERLIN (dpa) - Die Kanzlerin";
        assert_eq!(find_dateline(t).map(|s| s.text(t)), Some("BERLIN"));
        let t = "SANKT PETERSBURG - Putin";
        assert_eq!(
            find_dateline(t).map(|s| s.text(t)),
            Some("SANKT PETERSBURG")
        );
        assert_eq!(find_dateline("USA und Russland sprechen"), None);
        assert_eq!(find_dateline("Russland - ein Land im Umbruch"), None);
        let datelines = Datelines::new(&crate::DataDir::bundled()).unwrap();
        let t = "Buenos Aires (AFP) Nach ihrem Gespräch";
        assert_eq!(datelines.find(t).map(|s| s.text(t)), Some("Buenos Aires"));
        let t = "Seattle (Vereinigte Staaten), 19.04.2006 – Der Präsident";
        let mut a = Article::new("x", "2006-04-19T19:01:00+02:00".parse().unwrap(), t);
        a.find_dateline_with(&datelines);
        assert_eq!(&t[a.body_start()..], "Der Präsident");
        assert_eq!(
            datelines.find("Bundesaußenminister Steinmeier (SPD) hat"),
            None
        );
        let t = "BERLIN (dpa-AFX) - Bundespräsident";
        let a = Article::new("x", "2024-05-26T12:00:00+02:00".parse().unwrap(), t);
        assert_eq!(
            (a.dateline.map(|s| s.text(t)), &t[a.body_start()..]),
            (Some("BERLIN"), "Bundespräsident")
        );
    }

    #[test]
    fn berlin_dst_gap_and_fold() {
        let gap = NaiveDateTime::parse_from_str("2022-03-27 02:30", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(berlin_time(gap).to_rfc3339(), "2022-03-27T03:30:00+02:00");
        let fold = NaiveDateTime::parse_from_str("2022-10-30 02:30", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(berlin_time(fold).to_rfc3339(), "2022-10-30T02:30:00+02:00");
    }
}
