//! The inputs of a run: files, `-` (standard input), and directories, which stand for the files
//! below them with the extensions the command reads (`extract`: `.jsonl`, `.ndjson`, `.txt`;
//! `merge`: `.jsonl`, `.ndjson`), recursively, in sorted path order. Hidden files and
//! directories (names starting with `.`, such as the temporary file of `-o`) are left out.
//! The CLI and [`read_articles`](super::read_articles) share these rules.

use std::path::{Path, PathBuf};

use crate::Error;
use crate::document;

/// The file extensions `extract` reads from a directory.
pub const ARTICLES: &[&str] = &["jsonl", "ndjson", "txt"];
/// The file extensions `merge` reads from a directory.
pub const RECORDS: &[&str] = &["jsonl", "ndjson"];

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// How messages name it, and where it is opened: the path, or `-`.
    pub name: String,
    /// The id of a news page or plain text read from it: the file stem for a file given by name,
    /// the path below the directory without its extension for a file found in a directory
    /// (`2022/01/page` for `archive/2022/01/page.txt` from `archive`), `None` for `-` (the id
    /// comes from `--id` or the content then).
    pub id: Option<String>,
    /// Its size in bytes, when it is a file.
    pub size: Option<u64>,
}

/// The inputs named on the command line, each directory replaced by the files it holds with one
/// of `extensions`; and every problem found (a directory that cannot be read or holds no file to read). A name that
/// is neither a directory nor `-` is kept as it is: opening it is checked later. For example
/// `archive/ -` gives `archive/2022/a.jsonl`, `archive/2022/b.txt`, ..., then `-`.
pub fn expand(names: &[String], extensions: &[&str]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for name in names {
        if name == "-" {
            inputs.push(Input {
                name: name.clone(),
                id: None,
                size: None,
            });
            continue;
        }
        let path = Path::new(name);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                walk(path, extensions, &mut files, &mut problems);
                if files.is_empty() {
                    let wanted: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
                    problems.push(Error::from_message(format!(
                        "{name}: a directory without {} files",
                        wanted.join(" or ")
                    )));
                }
                files.sort();
                inputs.extend(files.into_iter().map(|(file, size)| Input {
                    name: file.to_string_lossy().into_owned(),
                    id: Some(id_below(path, &file)),
                    size: Some(size),
                }));
            }
            m => inputs.push(Input {
                name: name.clone(),
                id: Some(document::input_id(name)),
                size: m.ok().filter(|m| m.is_file()).map(|m| m.len()),
            }),
        }
    }
    (inputs, problems)
}

/// Collects the files to read below `dir` with their sizes. Links to files are followed, links
/// to directories are not (they could lead round in a circle).
fn walk(
    dir: &Path,
    extensions: &[&str],
    files: &mut Vec<(PathBuf, u64)>,
    problems: &mut Vec<Error>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Error::from_io(dir.display(), e));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(Error::from_io(dir.display(), e));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, extensions, files, problems),
            Ok(_) if has_extension(&path, extensions) => match std::fs::metadata(&path) {
                Ok(m) if m.is_file() => files.push((path, m.len())),
                Ok(_) => {}
                Err(e) => problems.push(Error::from_io(path.display(), e)),
            },
            Ok(_) => {}
            Err(e) => problems.push(Error::from_io(path.display(), e)),
        }
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e))
}

/// `file` below `dir` without its extension, with `/` between the parts.
fn id_below(dir: &Path, file: &Path) -> String {
    let below = file.strip_prefix(dir).unwrap_or(file).with_extension("");
    below
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_its_files_in_sorted_path_order() {
        let dir = std::env::temp_dir().join(format!("chronik-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for f in [
            "b.txt",
            "a/z.jsonl",
            "a/b/c.ndjson",
            "a.jsonl",
            ".hidden/x.txt",
            "notes.md",
        ] {
            let path = dir.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let (inputs, problems) = expand(&[dir.display().to_string(), "-".into()], ARTICLES);
        assert!(problems.is_empty());
        let ids: Vec<_> = inputs.iter().map(|i| i.id.as_deref()).collect();
        assert_eq!(
            ids,
            [Some("a/b/c"), Some("a/z"), Some("a"), Some("b"), None]
        );
        assert_eq!(inputs[0].size, Some(1));
        let empty = dir.join("empty");
        std::fs::create_dir_all(&empty).unwrap();
        let (_, problems) = expand(&[empty.display().to_string()], ARTICLES);
        assert_eq!(problems.len(), 1);
        let (records, _) = expand(&[dir.display().to_string()], RECORDS);
        assert_eq!(records.len(), 3, "no .txt files for merge");
    }
}
