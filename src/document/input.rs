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
        let head = &head[bom_len(head)..];
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
    name: impl AsRef<str> + 'a,
    mut reader: R,
) -> impl Iterator<Item = Result<Article, Error>> + 'a {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    let mut done = false;
    std::iter::from_fn(move || {
        let name = name.as_ref();
        loop {
            if done {
                return None;
            }
            buf.clear();
            line_no += 1;
            if line_no == 1 {
                // the encoding is judged on the first block, as the CLI judges it
                let head = reader.fill_buf().map(|h| check_encoding(name, h));
                if let Ok(Err(e)) = head {
                    done = true;
                    return Some(Err(e));
                }
            }
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // a read error does not go away by reading on
                    done = true;
                    return Some(Err(Error::io(name, e).at_line(line_no)));
                }
            }
            let line = if line_no == 1 {
                &buf[bom_len(&buf)..]
            } else {
                &buf[..]
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_json_line(name, line_no, line));
        }
    })
}

fn parse_json_line(name: &str, line_no: usize, bytes: &[u8]) -> Result<Article, Error> {
    let place = |message: String| Error::bad_input(name, message).at_line(line_no);
    let line = std::str::from_utf8(bytes).map_err(|e| {
        place(format!(
            "invalid UTF-8 at byte {} of the line",
            e.valid_up_to()
        ))
    })?;
    let line = line.trim_end_matches(['\n', '\r']);
    if !line.trim_start().starts_with('{') {
        return Err(place(
            "not a JSON article: expected an object `{\"id\", \"published\", \"text\", ...}`"
                .into(),
        ));
    }
    let record: JsonArticle = serde_json::from_str(line).map_err(|e| {
        place(format!(
            "not a JSON article (column {}): {}",
            e.column(),
            json_message(&e)
        ))
        .with_source(e)
    })?;
    let id = match record.id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        other => {
            return Err(place(format!(
                "\"id\" must be a string or a number, got {other}"
            )));
        }
    };
    let published = parse_published(&record.published).ok_or_else(|| {
        place(format!(
            "article {id:?}: \"published\" {:?} is not a date-time",
            record.published
        ))
    })?;
    let mut article = Article::new(id, published, record.text);
    article.title = record.title;
    article.source = record.source;
    Ok(article)
}

/// serde_json's message without its `at line 1 column 7`: the caller names the line and column of
/// the input itself.
///
/// ```
/// let e = serde_json::from_str::<serde_json::Value>("{x").unwrap_err();
/// assert_eq!(chronik::document::json_message(&e), "key must be a string");
/// ```
pub fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(message) => message.to_string(),
        None => full,
    }
}

/// Decodes a whole input as UTF-8, or says where it stops being UTF-8.
///
/// # Errors
/// Names the input and the byte offset of the first invalid byte.
pub fn decode_utf8(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::bad_input(name, "invalid UTF-8").at_byte(at)
    })
}

/// One plain-text article with a given publication time; its id is `name`. A UTF-8 byte-order
/// mark at the start is not part of the text (`input_offset` is 3 then).
pub fn plain_text(name: &str, text: String, published: DateTime<FixedOffset>) -> Article {
    let bom = bom_len(text.as_bytes());
    let text = if bom > 0 {
        text[bom..].to_string()
    } else {
        text
    };
    let mut article = Article::new(name, published, text);
    article.input_offset = bom;
    article
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
/// sentence. Article ids are the file stem of `name` ([`input_id`]) for the main article and
/// `<stem>-t1`, `<stem>-t2`, ... for teasers; errors name `name` itself.
///
/// The page is read as bytes and each article stands on its own: an article with an impossible
/// time stamp, or with bytes that are not UTF-8, is returned as an error in its place (naming the
/// line and the byte offset in the page) and the other articles still come through. A UTF-8
/// byte-order mark at the start is skipped; offsets (`Article::input_offset`, error bytes) count
/// from the start of the input, mark included.
///
/// ```
/// use chronik::document::read_news_page;
/// let page = b"Titel\n\n31.02.2021 - 10:20:28\n\nText.\n\nWeitere Meldungen\n\nTeaser \xff. (Politik, 28.01.2022 - 21:56)\n\nGut. (Politik, 28.01.2022 - 21:31)\n";
/// let articles = read_news_page("page.txt", page);
/// assert_eq!(articles[0].as_ref().unwrap_err().to_string(), "page.txt:3: main article page: impossible date \"31.02.2021 - 10:20:28\"; article skipped");
/// assert_eq!(articles[1].as_ref().unwrap_err().to_string(), "page.txt:9: byte 63: invalid UTF-8 in teaser page-t1; article skipped");
/// assert_eq!(articles[2].as_ref().unwrap().text, "Gut.");
/// ```
///
/// # Errors
/// When the page has no time line, only that error: the input is not a news page.
pub fn read_news_page<P: AsRef<[u8]> + ?Sized>(
    name: &str,
    page: &P,
) -> Vec<Result<Article, Error>> {
    read_news_page_with_id(name, &input_id(name), page)
}

/// [`read_news_page`] with the id of the main article given: `id`, and `<id>-t1`, `<id>-t2`, ...
/// for the teasers (a page read from standard input has no file name to take one from).
///
/// ```
/// use chronik::document::read_news_page_with_id;
/// let page = "Titel\n\n28.12.2021 - 10:20:28\n\nText.\n";
/// let articles = read_news_page_with_id("-", "page-17", page);
/// assert_eq!(articles[0].as_ref().unwrap().id, "page-17");
/// ```
pub fn read_news_page_with_id<P: AsRef<[u8]> + ?Sized>(
    name: &str,
    id: &str,
    page: &P,
) -> Vec<Result<Article, Error>> {
    let bytes = page.as_ref();
    if let Err(e) = check_encoding(name, bytes) {
        return vec![Err(e)];
    }
    let bom = bom_len(bytes);
    let (page, invalid) = mark_invalid_utf8(bytes);
    let lines = LineIndex::new(&page);
    let mut bad = InvalidBytes {
        at: &invalid,
        claimed: vec![false; invalid.len()],
    };
    let id = id.to_string();
    let patterns = page_patterns();
    let Some(caps) = patterns.time_line.captures_at(&page, bom) else {
        return vec![Err(Error::bad_input(
            name,
            "no time line like `28.12.2021 - 10:20:28`: not a news page",
        ))];
    };
    let time_line = caps.get(0).expect("group 0 always matches");
    let before = page[bom..time_line.start()].trim_end();
    let title_start = before.rfind('\n').map_or(bom, |i| bom + i + 1);
    let title = Some(page[title_start..bom + before.len()].trim()).filter(|t| !t.is_empty());
    let (body_start, body_end, teasers_start) = main_body_bounds(&page, time_line.end());
    let mut start = body_start;
    if let Some(t) = title {
        let rest = &page[start..body_end];
        if let Some(after) = rest.strip_prefix(t) {
            let after_dot = after.strip_prefix('.').unwrap_or(after);
            start += rest.len() - after_dot.trim_start().len();
        }
    }
    let mut out = Vec::new();
    let main_line = lines.line_of(time_line.start());
    out.push(match bad.claim(title_start, body_end) {
        Some((at, n)) => Err(invalid_in(name, &lines, at, n, "main article", &id)),
        None => match stamp_time(&caps, 1) {
            Some(published) => {
                let mut main =
                    Article::new(id.clone(), published, page[start..body_end].trim_end());
                main.title = title.map(str::to_string);
                main.input_offset = start;
                Ok(main)
            }
            None => Err(Error::bad_input(
                name,
                format!(
                    "main article {id}: impossible date {:?}; article skipped",
                    time_line.as_str().trim()
                ),
            )
            .at_line(main_line)),
        },
    });
    if let Some(teasers_start) = teasers_start {
        read_teasers(name, &id, &page, teasers_start, &lines, &mut bad, &mut out);
    }
    if let Some((at, n)) = bad.unclaimed() {
        let places = if n > 1 {
            format!(" ({n} places)")
        } else {
            String::new()
        };
        out.push(Err(Error::bad_input(
            name,
            format!("invalid UTF-8 outside the articles{places}; ignored"),
        )
        .at_line(lines.line_of(at))
        .at_byte(at)));
    }
    out
}

/// The teasers after `Weitere Meldungen`: each paragraph that ends in a stamp.
fn read_teasers(
    name: &str,
    id: &str,
    page: &str,
    teasers_start: usize,
    lines: &LineIndex,
    bad: &mut InvalidBytes,
    out: &mut Vec<Result<Article, Error>>,
) {
    let patterns = page_patterns();
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
        let teaser = format!("{id}-t{n}");
        if let Some((at, count)) = bad.claim(para_start, para_start + para.len()) {
            out.push(Err(invalid_in(name, lines, at, count, "teaser", &teaser)));
            continue;
        }
        let Some(published) = stamp_time(&caps, 2) else {
            let line = lines.line_of(para_start);
            out.push(Err(Error::bad_input(
                name,
                format!("teaser {teaser}: impossible date in stamp; article skipped"),
            )
            .at_line(line)));
            continue;
        };
        let lead = para.len() - para.trim_start().len();
        let stamp = caps.get(0).expect("group 0 always matches");
        let text = trimmed[..stamp.start()].trim();
        let mut article = Article::new(teaser, published, text);
        article.title = Some(first_sentence(text).to_string());
        // group 1 (the section) is not optional in the pattern: it is there when the stamp is
        article.source = Some(caps[1].trim().to_string());
        article.input_offset = para_start + lead;
        article.dateline = find_dateline(text);
        out.push(Ok(article));
    }
}

/// The id of the articles of an input: its file stem (`dpa-page` for `news/dpa-page.txt`),
/// `stdin` for `-`.
///
/// ```
/// assert_eq!(chronik::document::input_id("news/dpa-page.txt"), "dpa-page");
/// assert_eq!(chronik::document::input_id("-"), "stdin");
/// ```
pub fn input_id(name: &str) -> String {
    if name == "-" {
        return "stdin".into();
    }
    std::path::Path::new(name)
        .file_stem()
        .map_or("stdin".into(), |s| s.to_string_lossy().into_owned())
}

/// A stable id for an input without a name (a page or a text on standard input): `stdin-` and the
/// 64-bit FNV-1a hash of its bytes in 16 hexadecimal digits. The same bytes give the same id on
/// every machine, run and version, so a Spark partition that pipes a text through `chronik` names
/// it the same way every time, and different texts get different ids.
///
/// ```
/// use chronik::document::content_id;
/// assert_eq!(content_id(b""), "stdin-cbf29ce484222325");
/// assert_eq!(content_id(b"a"), "stdin-af63dc4c8601ec8c");
/// ```
pub fn content_id(bytes: &[u8]) -> String {
    // FNV-1a, 64 bit: offset basis and prime from the specification
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("stdin-{hash:016x}")
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Checks that an input is not UTF-16 or UTF-32, from its first bytes (a byte-order mark, or
/// zero bytes in every other place), and says so once, plainly. A UTF-8 byte-order mark is fine:
/// the readers skip it.
///
/// ```
/// use chronik::document::check_encoding;
/// assert!(check_encoding("a.txt", "Gipfel".as_bytes()).is_ok());
/// assert!(check_encoding("a.txt", b"\xEF\xBB\xBFGipfel").is_ok());
/// let e = check_encoding("a.txt", b"\xFF\xFEG\0i\0").unwrap_err();
/// assert_eq!(e.to_string(), "a.txt: the input is UTF-16 (little-endian); chronik reads UTF-8: convert it first, e.g. with `iconv -f UTF-16 -t UTF-8`");
/// ```
///
/// # Errors
/// When the input is UTF-16 or UTF-32.
pub fn check_encoding(name: &str, head: &[u8]) -> Result<(), Error> {
    let found = match head {
        [0xFF, 0xFE, 0, 0, ..] => Some(("UTF-32", "little-endian")),
        [0, 0, 0xFE, 0xFF, ..] => Some(("UTF-32", "big-endian")),
        [0xFF, 0xFE, ..] => Some(("UTF-16", "little-endian")),
        [0xFE, 0xFF, ..] => Some(("UTF-16", "big-endian")),
        _ => {
            // no mark: ASCII text in UTF-16 has a zero byte in every other place
            let head = &head[..head.len().min(512)];
            let zeros = |parity: usize| {
                head.iter()
                    .skip(parity)
                    .step_by(2)
                    .filter(|&&b| b == 0)
                    .count()
            };
            let pairs = head.len() / 2;
            let (even, odd) = (zeros(0), zeros(1));
            // a few stray zero bytes are no encoding
            if odd >= 4 && odd * 10 >= pairs * 4 && even * 20 < pairs {
                Some(("UTF-16", "little-endian"))
            } else if even >= 4 && even * 10 >= pairs * 4 && odd * 20 < pairs {
                Some(("UTF-16", "big-endian"))
            } else {
                None
            }
        }
    };
    match found {
        Some((encoding, order)) => Err(Error::bad_input(
            name,
            format!(
                "the input is {encoding} ({order}); chronik reads UTF-8: convert it first, e.g. with `iconv -f {encoding} -t UTF-8`"
            ),
        )),
        None => Ok(()),
    }
}

fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(BOM) { BOM.len() } else { 0 }
}

/// The page as text in which every byte that is not UTF-8 is replaced by the control character
/// SUB (0x1A), so that every offset stays the offset of the input; and the offsets of the first
/// bytes of the invalid sequences.
fn mark_invalid_utf8(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Vec<usize>) {
    let mut invalid = Vec::new();
    let mut rest = bytes;
    let mut offset = 0;
    let mut owned: Option<Vec<u8>> = None;
    while let Err(e) = std::str::from_utf8(rest) {
        let at = offset + e.valid_up_to();
        let len = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        invalid.push(at);
        let copy = owned.get_or_insert_with(|| bytes.to_vec());
        copy[at..at + len].fill(0x1A);
        offset = at + len;
        rest = &bytes[offset..];
    }
    let text = match owned {
        // every invalid sequence was replaced by ASCII: the copy is UTF-8
        Some(copy) => std::borrow::Cow::Owned(String::from_utf8(copy).unwrap_or_default()),
        None => std::borrow::Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default()),
    };
    (text, invalid)
}

/// The invalid sequences of a page and which of them an article has reported.
struct InvalidBytes<'a> {
    at: &'a [usize],
    claimed: Vec<bool>,
}

impl InvalidBytes<'_> {
    /// The first invalid byte in `start..end` and how many sequences lie there; marks them
    /// reported.
    fn claim(&mut self, start: usize, end: usize) -> Option<(usize, usize)> {
        let from = self.at.partition_point(|&b| b < start);
        let to = self.at.partition_point(|&b| b < end);
        self.claimed[from..to].fill(true);
        (from < to).then(|| (self.at[from], to - from))
    }

    /// The first invalid byte no article reported, and how many there are.
    fn unclaimed(&self) -> Option<(usize, usize)> {
        let mut left = self.at.iter().zip(&self.claimed).filter(|(_, c)| !**c);
        let first = *left.next()?.0;
        Some((first, left.count() + 1))
    }
}

fn invalid_in(name: &str, lines: &LineIndex, at: usize, n: usize, what: &str, id: &str) -> Error {
    let places = if n > 1 {
        format!(" ({n} places)")
    } else {
        String::new()
    };
    Error::bad_input(
        name,
        format!("invalid UTF-8{places} in {what} {id}; article skipped"),
    )
    .at_line(lines.line_of(at))
    .at_byte(at)
}

/// Line numbers of byte offsets, in logarithmic time.
struct LineIndex {
    newlines: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let newlines = text
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| (b == b'\n').then_some(i))
            .collect();
        LineIndex { newlines }
    }

    /// The 1-based line of byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.newlines.partition_point(|&n| n < at) + 1
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Politik\n\nGipfel in Genf\n\n28.12.2021 - 10:20:28\n\nGipfel in Genf. GENF - Die Präsidenten treffen sich.\n\nZweiter Absatz.\n\n@ dpa.de\n\nWeitere Meldungen\n\nTeaser eins. Mehr Text. ROM - Italien wählt. (Wirtschaft, 28.01.2022 - 21:31) weiterlesen...\n\nNur ein Titel (Politik, 31.02.2022 - 20:45) weiterlesen...\n";

    #[test]
    fn page_main_article_and_teasers() {
        // found by fuzzing: a title that runs past an `@ agency` line right after the time line
        let page = "@ dpa Text\n\n04.05.1992 - 12:13:21\n\n@ dpa Text. Mehr\n";
        let main = read_news_page("p", page)[0].as_ref().unwrap().clone();
        assert_eq!((main.text.as_str(), main.input_offset), ("", 35));

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
