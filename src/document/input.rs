//! Input formats: JSON Lines of articles, news pages with teasers, and plain text.
//!
//! Readers never stop at a bad record: each yields `Result<Article, Error>` per article, and an
//! error names the input and the place (line, byte offset) so the rest of a batch goes through.

use std::io::BufRead;

use chrono::{DateTime, FixedOffset, NaiveDate};
use regex::Regex;
use serde::Deserialize;

use super::article::{Article, berlin_time, find_dateline, parse_published};
use crate::Error;

/// Which reader an input needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// One JSON object per line: `{"id","published","title"?,"text","source"?}`.
    JsonLines,
    /// A news page: a main article with a time line (`28.12.2021 - 10:20:28`) and teasers
    /// stamped `(Ressort, 28.01.2022 - 21:56)`.
    NewsPage,
    /// Plain text; the publication time must be given.
    PlainText,
}

impl InputKind {
    /// Guesses the kind from a file name and the first bytes of the content.
    ///
    /// ```
    /// use chronik::document::InputKind;
    /// assert_eq!(InputKind::detect("a.jsonl", b"{}"), InputKind::JsonLines);
    /// assert_eq!(InputKind::detect("-", b"Titel\n\n28.12.2021 - 10:20:28\n\nText"), InputKind::NewsPage);
    /// assert_eq!(InputKind::detect("a.txt", b"Nur Text."), InputKind::PlainText);
    /// ```
    pub fn detect(name: &str, head: &[u8]) -> InputKind {
        if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            return InputKind::JsonLines;
        }
        let head = String::from_utf8_lossy(&head[..head.len().min(4096)]);
        if head.trim_start().starts_with('{') {
            InputKind::JsonLines
        } else if page_patterns().time_line.is_match(&head) {
            InputKind::NewsPage
        } else {
            InputKind::PlainText
        }
    }
}

#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    published: String,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    source: Option<String>,
}

/// Reads JSON Lines articles one by one from `reader`; `name` is used in error messages.
/// Blank lines are skipped; a line that is not valid UTF-8 or not a valid article is an error for
/// that line only.
///
/// ```
/// use chronik::document::read_json_lines;
/// let input = "{\"id\":\"a\",\"published\":\"2022-01-10T09:00:00+01:00\",\"text\":\"Text.\"}\nkaputt\n";
/// let results: Vec<_> = read_json_lines("in.jsonl", input.as_bytes()).collect();
/// assert_eq!(results[0].as_ref().unwrap().id, "a");
/// assert!(results[1].as_ref().unwrap_err().to_string().starts_with("in.jsonl:2:"));
/// ```
pub fn read_json_lines<'a, R: BufRead + 'a>(
    name: &'a str,
    mut reader: R,
) -> impl Iterator<Item = Result<Article, Error>> + 'a {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    std::iter::from_fn(move || {
        loop {
            buf.clear();
            line_no += 1;
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(Error::io(format!("{name}:{line_no}"), e))),
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_json_line(name, line_no, &buf));
        }
    })
}

fn parse_json_line(name: &str, line_no: usize, bytes: &[u8]) -> Result<Article, Error> {
    // written out only for an error: most lines have none
    let place = format_args!("{name}:{line_no}");
    let line = std::str::from_utf8(bytes).map_err(|e| {
        Error::input(
            place,
            format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
        )
    })?;
    let record: JsonArticle = serde_json::from_str(line).map_err(|e| {
        Error::input(
            place,
            format!("not a JSON article (column {}): {e}", e.column()),
        )
    })?;
    let id = match record.id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        other => {
            return Err(Error::input(
                place,
                format!("\"id\" must be a string, got {other}"),
            ));
        }
    };
    let published = parse_published(&record.published).ok_or_else(|| {
        Error::input(
            place,
            format!(
                "article {id:?}: \"published\" {:?} is not a date-time",
                record.published
            ),
        )
    })?;
    let mut article = Article::new(id, published, record.text);
    article.title = record.title;
    article.source = record.source;
    Ok(article)
}

/// Decodes a whole input as UTF-8, or says where it stops being UTF-8.
///
/// # Errors
/// Names the input and the byte offset of the first invalid byte.
pub fn decode_utf8(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::input(format!("{name}: byte {at}"), "invalid UTF-8")
    })
}

/// One plain-text article with a given publication time; its id is `name`.
pub fn plain_text(name: &str, text: String, published: DateTime<FixedOffset>) -> Article {
    Article::new(name, published, text)
}

struct PagePatterns {
    time_line: Regex,
    teaser_stamp: Regex,
}

fn page_patterns() -> &'static PagePatterns {
    static PATTERNS: std::sync::OnceLock<PagePatterns> = std::sync::OnceLock::new();
    PATTERNS.get_or_init(|| PagePatterns {
        time_line: Regex::new(r"(?m)^[ \t]*(\d{1,2})\.(\d{1,2})\.(\d{4}) - (\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]*\r?$")
            .expect("valid regex"),
        teaser_stamp: Regex::new(r"\(([^(),]+), (\d{1,2})\.(\d{1,2})\.(\d{4}) - (\d{1,2}):(\d{2})\)\s*(?:weiterlesen\.*)?\s*$")
            .expect("valid regex"),
    })
}

fn stamp_time(caps: &regex::Captures, first: usize) -> Option<DateTime<FixedOffset>> {
    let n = |i: usize| {
        caps.get(first + i)
            .and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let date = NaiveDate::from_ymd_opt(n(2)? as i32, n(1)?, n(0)?)?;
    let second = caps
        .get(first + 5)
        .map_or(Some(0), |m| m.as_str().parse().ok())?;
    Some(berlin_time(date.and_hms_opt(n(3)?, n(4)?, second)?))
}

/// Splits a news page into its main article and its teasers.
///
/// The main article is the title line before the time line (`28.12.2021 - 10:20:28`) and the
/// paragraphs after it, up to `@ agency` or `Weitere Meldungen`; a copy of the title at the start
/// of the body is left out. Each paragraph after `Weitere Meldungen` that ends in a stamp
/// `(Ressort, 28.01.2022 - 21:56)` is a teaser article of its own; its title is its first
/// sentence. Article ids are `name` for the main article and `name-t1`, `name-t2`, ... for teasers.
///
/// # Errors
/// When the page has no time line, or its date is impossible. A teaser with a bad stamp is
/// returned as an error in its place; the other articles still come through.
pub fn read_news_page(name: &str, page: &str) -> Vec<Result<Article, Error>> {
    let patterns = page_patterns();
    let Some(caps) = patterns.time_line.captures(page) else {
        return vec![Err(Error::input(
            name,
            "no time line like `28.12.2021 - 10:20:28`: not a news page",
        ))];
    };
    let time_line = caps.get(0).expect("group 0 always matches");
    let Some(published) = stamp_time(&caps, 1) else {
        let line = line_of(page, time_line.start());
        return vec![Err(Error::input(
            format!("{name}:{line}"),
            format!("impossible date {:?}", time_line.as_str().trim()),
        ))];
    };
    let title = page[..time_line.start()]
        .trim_end()
        .rsplit('\n')
        .next()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let (body_start, body_end, teasers_start) = main_body_bounds(page, time_line.end());
    let mut start = body_start;
    if let Some(t) = title {
        let rest = &page[start..];
        if let Some(after) = rest.strip_prefix(t) {
            let after_dot = after.strip_prefix('.').unwrap_or(after);
            start += rest.len() - after_dot.trim_start().len();
        }
    }
    let mut out = Vec::new();
    let mut main = Article::new(name, published, page[start..body_end].trim_end());
    main.title = title.map(str::to_string);
    main.input_offset = start;
    out.push(Ok(main));
    let Some(teasers_start) = teasers_start else {
        return out;
    };
    let mut offset = teasers_start;
    let mut n = 0;
    for para in page[teasers_start..].split('\n') {
        let para_start = offset;
        offset += para.len() + 1;
        let trimmed = para.trim_end();
        if trimmed.trim().is_empty() {
            continue;
        }
        let Some(caps) = patterns.teaser_stamp.captures(trimmed) else {
            continue;
        };
        n += 1;
        let id = format!("{name}-t{n}");
        let Some(published) = stamp_time(&caps, 2) else {
            let line = line_of(page, para_start);
            out.push(Err(Error::input(
                format!("{name}:{line}"),
                format!("teaser {id}: impossible date in stamp"),
            )));
            continue;
        };
        let lead = para.len() - para.trim_start().len();
        let text = trimmed[..caps.get(0).expect("group 0").start()].trim();
        let mut article = Article::new(id, published, text);
        article.title = Some(first_sentence(text).to_string());
        article.source = Some(caps[1].trim().to_string());
        article.input_offset = para_start + lead;
        article.dateline = find_dateline(text);
        out.push(Ok(article));
    }
    out
}

/// The body of the main article: from after the time line to the `@ agency` line or the
/// `Weitere Meldungen` line; and where the teasers start.
fn main_body_bounds(page: &str, after_time: usize) -> (usize, usize, Option<usize>) {
    let start = after_time + (page[after_time..].len() - page[after_time..].trim_start().len());
    let mut end = page.len();
    let mut teasers = None;
    let mut offset = start;
    for line in page[start..].split('\n') {
        let t = line.trim();
        if end == page.len() && (t.starts_with("@ ") || t == "Weitere Meldungen") {
            end = offset;
        }
        if t == "Weitere Meldungen" {
            teasers = Some(offset + line.len() + 1);
            break;
        }
        offset += line.len() + 1;
    }
    (
        start,
        end.min(page.len()),
        teasers.filter(|&t| t <= page.len()),
    )
}

fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |i| &text[..=i])
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Politik\n\nGipfel in Genf\n\n28.12.2021 - 10:20:28\n\nGipfel in Genf. GENF - Die Präsidenten treffen sich.\n\nZweiter Absatz.\n\n@ dpa.de\n\nWeitere Meldungen\n\nTeaser eins. Mehr Text. ROM - Italien wählt. (Wirtschaft, 28.01.2022 - 21:31) weiterlesen...\n\nNur ein Titel (Politik, 31.02.2022 - 20:45) weiterlesen...\n";

    #[test]
    fn page_main_article_and_teasers() {
        let articles = read_news_page("p", PAGE);
        let main = articles[0].as_ref().unwrap();
        assert_eq!(main.title.as_deref(), Some("Gipfel in Genf"));
        assert_eq!(
            main.text,
            "GENF - Die Präsidenten treffen sich.\n\nZweiter Absatz."
        );
        assert_eq!(&PAGE[main.input_offset..main.input_offset + 4], "GENF");
        assert_eq!(main.published.to_rfc3339(), "2021-12-28T10:20:28+01:00");
        let teaser = articles[1].as_ref().unwrap();
        assert_eq!(teaser.id, "p-t1");
        assert_eq!(teaser.text, "Teaser eins. Mehr Text. ROM - Italien wählt.");
        assert_eq!(teaser.title.as_deref(), Some("Teaser eins."));
        assert_eq!(teaser.published.to_rfc3339(), "2022-01-28T21:31:00+01:00");
        assert_eq!(
            &PAGE[teaser.input_offset..teaser.input_offset + 6],
            "Teaser"
        );
        let bad = articles[2].as_ref().unwrap_err().to_string();
        assert!(
            bad.contains("p-t2") && bad.contains("impossible date"),
            "{bad}"
        );
    }

    #[test]
    fn json_lines_errors_name_the_line_and_go_on() {
        let input = b"{\"id\":\"a\",\"published\":\"2022-01-10\",\"text\":\"x\"}\n\n\xff\xfe\n{\"id\":1,\"published\":\"nie\",\"text\":\"y\"}\n{\"id\":2,\"published\":\"2022-01-10T10:00:00Z\",\"text\":\"z\"}";
        let results: Vec<_> = read_json_lines("in", &input[..]).collect();
        assert_eq!(results.len(), 4);
        assert!(
            results[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("in:3: invalid UTF-8")
        );
        assert!(
            results[2]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("in:4: article \"1\"")
        );
        assert_eq!(results[3].as_ref().unwrap().id, "2");
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = decode_utf8("f.txt", b"ab\xffc".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "f.txt: byte 2: invalid UTF-8");
    }
}
