//! [`read_articles`]: the articles of an input file in one call, whatever its format.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::Article;
use super::input::{
    InputKind, check_encoding, decode_utf8, input_id, plain_text, read_json_lines,
    read_news_page_with_id,
};
use super::inputs;
use crate::Error;

/// The articles of a file, read lazily: what [`read_articles`] returns. Each item is an article
/// or the error of one record (naming the file and the line or byte); reading goes on after a
/// bad record. An error opening the file is the only item.
pub struct Articles {
    items: Box<dyn Iterator<Item = Result<Article, Error>> + Send>,
}

impl Iterator for Articles {
    type Item = Result<Article, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.items.next()
    }
}

impl std::fmt::Debug for Articles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Articles").finish_non_exhaustive()
    }
}

/// Reads the articles of the file at `path`, or of the files below a directory (the CLI's rules:
/// [`inputs::expand`]): JSON Lines (one
/// `{"id", "published", "text", "title"?, "source"?}` object a line; streamed, so the file may be
/// larger than memory) or a news page (a main article and its teasers), told apart by the file
/// name and the first bytes as the CLI does ([`InputKind::detect`]). Plain text has no
/// publication time: it is an error here; read it with [`read_plain_text`]. An empty file has
/// no articles.
///
/// ```
/// let articles: Vec<_> = chronik::document::read_articles("examples/dpa-page.txt")
///     .collect::<Result<_, _>>()?;
/// assert_eq!(articles[0].id, "dpa-page");
/// assert_eq!(articles[0].published.to_rfc3339(), "2021-12-28T10:20:28+01:00");
/// assert_eq!(articles.len(), 7, "the main article and its six teasers");
/// # Ok::<(), chronik::Error>(())
/// ```
pub fn read_articles(path: impl AsRef<Path>) -> Articles {
    let path = path.as_ref();
    if path.is_dir() {
        return read_directory(path);
    }
    let name = path.display().to_string();
    read_file(&name, &input_id(&name))
}

/// The articles of the files below `dir` ([`inputs::expand`]: `.jsonl`, `.ndjson` and `.txt`,
/// recursively, in sorted path order; a page found there is named by its path below `dir`),
/// after the problems of the walk.
fn read_directory(dir: &Path) -> Articles {
    let (files, problems) = inputs::expand(&[dir.display().to_string()], inputs::ARTICLES);
    let files = files.into_iter().flat_map(|file| {
        let id = file.id.unwrap_or_else(|| input_id(&file.name));
        read_file(&file.name, &id)
    });
    Articles {
        items: Box::new(problems.into_iter().map(Err).chain(files)),
    }
}

/// The articles of one file; a news page's articles are named after `id`.
fn read_file(name: &str, id: &str) -> Articles {
    let path = Path::new(name);
    let name = name.to_string();
    let items: Box<dyn Iterator<Item = _> + Send> = match open(path, &name) {
        Err(e) => Box::new(std::iter::once(Err(e))),
        Ok(None) => Box::new(std::iter::empty()),
        Ok(Some((InputKind::JsonLines, reader))) => Box::new(read_json_lines(name, reader)),
        Ok(Some((InputKind::NewsPage, mut reader))) => {
            let mut bytes = Vec::new();
            match reader.read_to_end(&mut bytes) {
                Ok(_) => Box::new(read_news_page_with_id(&name, id, &bytes).into_iter()),
                Err(e) => Box::new(std::iter::once(Err(Error::io(&name, e)))),
            }
        }
        Ok(Some((InputKind::PlainText, _))) => Box::new(std::iter::once(Err(Error::bad_input(
            &name,
            "plain text has no publication time: read it with `read_plain_text(path, published)`",
        )))),
    };
    Articles { items }
}

/// The plain-text file at `path` as one article published at `published`; its id is the file
/// stem ([`input_id`]).
///
/// ```
/// let path = std::env::temp_dir().join(format!("chronik-doc-{}.txt", std::process::id()));
/// std::fs::write(&path, "Scholz trifft Macron.")?;
/// let published = "2022-01-10T09:00:00+01:00".parse().unwrap();
/// let article = chronik::document::read_plain_text(&path, published)?;
/// assert_eq!(article.text, "Scholz trifft Macron.");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), chronik::Error>(())
/// ```
///
/// # Errors
/// When the file cannot be read, or is not UTF-8 (naming the byte).
pub fn read_plain_text(
    path: impl AsRef<Path>,
    published: DateTime<FixedOffset>,
) -> Result<Article, Error> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&name, e))?;
    check_encoding(&name, &bytes)?;
    Ok(plain_text(
        &input_id(&name),
        decode_utf8(&name, bytes)?,
        published,
    ))
}

/// The file opened with its kind, or `None` when it is empty.
fn open(path: &Path, name: &str) -> Result<Option<(InputKind, BufReader<std::fs::File>)>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(name, e))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::bad_input(name, "is a directory"));
    }
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf().map_err(|e| Error::io(name, e))?;
    if head.is_empty() {
        return Ok(None);
    }
    check_encoding(name, head)?;
    let kind = InputKind::detect(name, head);
    Ok(Some((kind, reader)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("chronik-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn json_lines_stream_with_errors_in_place() {
        let path = temp(
            "in.jsonl",
            b"{\"id\":\"a\",\"published\":\"2022-01-10T09:00:00+01:00\",\"text\":\"x\"}\nkaputt\n{\"id\":\"b\",\"published\":\"2022-01-10T09:00:00+01:00\",\"text\":\"y\"}\n",
        );
        let items: Vec<_> = read_articles(&path).collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_ref().unwrap().id, "a");
        let err = items[1].as_ref().unwrap_err();
        assert_eq!(err.input(), Some(path.display().to_string().as_str()));
        assert_eq!(err.location().unwrap().line, Some(2));
        assert_eq!(items[2].as_ref().unwrap().id, "b");
    }

    #[test]
    fn missing_empty_plain_and_utf16_inputs() {
        let missing = read_articles("/no/such/file.jsonl").collect::<Vec<_>>();
        assert_eq!(missing.len(), 1);
        assert_eq!(
            missing[0].as_ref().unwrap_err().kind(),
            crate::ErrorKind::Io
        );
        assert_eq!(read_articles(temp("empty.jsonl", b"")).count(), 0);
        let plain: Vec<_> = read_articles(temp("p.txt", b"Nur Text.")).collect();
        assert!(
            plain[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("read_plain_text")
        );
        let utf16 = read_articles(temp("u.txt", b"\xFF\xFEG\0i\0")).collect::<Vec<_>>();
        assert!(
            utf16[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("UTF-16")
        );
    }

    #[test]
    fn plain_text_is_one_article() {
        let published = "2022-01-10T09:00:00+01:00".parse().unwrap();
        let a = read_plain_text(temp("genf.txt", "\u{feff}Genf.".as_bytes()), published).unwrap();
        assert_eq!(
            (a.id.as_str(), a.text.as_str(), a.input_offset),
            ("genf", "Genf.", 3)
        );
        let bad = read_plain_text(temp("bad.txt", b"ab\xff"), published).unwrap_err();
        assert_eq!(bad.location().unwrap().byte, Some(2));
    }

    #[test]
    fn a_directory_is_read_file_by_file_in_path_order() {
        let dir = std::env::temp_dir().join(format!("chronik-read-dir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("2022/01")).unwrap();
        std::fs::write(
            dir.join("a.jsonl"),
            b"{\"id\":\"a1\",\"published\":\"2022-01-10T09:00:00+01:00\",\"text\":\"x\"}\n",
        )
        .unwrap();
        let page = std::fs::read("examples/dpa-page.txt").unwrap();
        std::fs::write(dir.join("2022/01/page.txt"), page).unwrap();
        std::fs::write(dir.join("notes.md"), b"not read").unwrap();
        let ids: Vec<String> = read_articles(&dir).map(|a| a.unwrap().id).collect();
        assert_eq!(
            ids[..3],
            ["2022/01/page", "2022/01/page-t1", "2022/01/page-t2"]
        );
        assert_eq!(ids.last().map(String::as_str), Some("a1"));
        assert_eq!(ids.len(), 8, "six teasers, the main article and one line");

        let empty = dir.join("empty");
        std::fs::create_dir_all(&empty).unwrap();
        let problems: Vec<_> = read_articles(&empty).collect();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("a directory without")
        );
    }
}
