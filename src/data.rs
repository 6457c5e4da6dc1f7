//! Where gazetteer data comes from, and the TSV table format every data file shares.
//!
//! [`DataDir::bundled`] serves the files compiled into the library by `build.rs`;
//! [`DataDir::open`] reads the same relative paths from a directory at run time. Stages ask for
//! a file by its path under `gazetteers/` and parse it with [`DataFile::table`], which checks the
//! header and reports every problem as `file:line`.

use std::borrow::Cow;
use std::path::PathBuf;

use crate::Error;

include!(concat!(env!("OUT_DIR"), "/bundled_data.rs"));

/// A source of gazetteer data files: the bundled copy or a directory, with optional overlay
/// directories whose files add rows to it.
///
/// ```
/// use chronik::DataDir;
/// let data = DataDir::bundled();
/// let triggers = data.read("events/triggers.tsv")?;
/// assert!(!triggers.text().is_empty());
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct DataDir {
    root: Option<PathBuf>,
    overlays: Vec<PathBuf>,
}

impl DataDir {
    /// The data compiled into this build of chronik.
    pub fn bundled() -> DataDir {
        DataDir {
            root: None,
            overlays: Vec::new(),
        }
    }

    /// Data read from `root` at run time, laid out like the repository's `gazetteers/`.
    ///
    /// # Errors
    /// When `root` is not a readable directory.
    pub fn open(root: impl Into<PathBuf>) -> Result<DataDir, Error> {
        let root = root.into();
        std::fs::read_dir(&root).map_err(|e| Error::io(root.display(), e))?;
        Ok(DataDir {
            root: Some(root),
            overlays: Vec::new(),
        })
    }

    /// This data with the files of `dir` layered on top: a file of `dir` at the path of a data
    /// file (`actors/persons.tsv`, `events/triggers.tsv`) has the same header and adds its rows
    /// to that file's. In the actor and place files a row whose id is already there amends that
    /// row instead: its list cells (aliases, adjectives, abbreviations, ...) are added, its other
    /// non-empty cells replace. Files the overlay lacks stay as they are. Errors in an overlay
    /// name the overlay's file and line. Several overlays apply in order.
    ///
    /// ```
    /// use chronik::{DataDir, Pipeline};
    /// let dir = std::env::temp_dir().join(format!("chronik-doc-overlay-{}", std::process::id()));
    /// std::fs::create_dir_all(dir.join("actors"))?;
    /// // a new alias for Russland: only the id and the aliases cell
    /// std::fs::write(
    ///     dir.join("actors/states.tsv"),
    ///     "id\tqid\tname\tgender\taliases\tadjectives\tdemonyms\tprefixes\tcapital\tseats\n\
    ///      russland\t\t\t\tZarenreich\t\t\t\t\t\n",
    /// )?;
    /// let pipeline = Pipeline::new(&DataDir::bundled().with_overlay(&dir)?)?;
    /// assert_eq!(pipeline.find_actor("Zarenreich").unwrap().name, "Russland");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), chronik::Error>(())
    /// ```
    ///
    /// # Errors
    /// When `dir` is not a readable directory.
    pub fn with_overlay(mut self, dir: impl Into<PathBuf>) -> Result<DataDir, Error> {
        let dir = dir.into();
        std::fs::read_dir(&dir).map_err(|e| Error::io(dir.display(), e))?;
        self.overlays.push(dir);
        Ok(self)
    }

    /// The file at `name` (a path relative to the data root, with `/`), with the same file of
    /// every overlay as further layers.
    ///
    /// # Errors
    /// When the file does not exist or cannot be read, or an overlay's file cannot be read.
    pub fn read(&self, name: &str) -> Result<DataFile, Error> {
        let text = match &self.root {
            Some(root) => read_text(&root.join(name), name)?,
            None => match BUNDLED.binary_search_by_key(&name, |(n, _)| n) {
                Ok(i) => Cow::Borrowed(BUNDLED[i].1),
                Err(_) => {
                    return Err(Error::data(
                        name,
                        0,
                        "no such file in the bundled gazetteers",
                    ));
                }
            },
        };
        let mut layers = vec![Layer {
            name: name.to_string(),
            text,
        }];
        for dir in &self.overlays {
            let path = dir.join(name);
            if !path.exists() {
                continue;
            }
            let shown = path.display().to_string();
            layers.push(Layer {
                text: read_text(&path, &shown)?,
                name: shown,
            });
        }
        Ok(DataFile {
            name: name.to_string(),
            layers,
        })
    }
}

/// A data file's text; invalid UTF-8 is an error at its line, named `shown`.
fn read_text(path: &std::path::Path, shown: &str) -> Result<Cow<'static, str>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path.display(), e))?;
    Ok(Cow::Owned(String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::data(shown, line, format!("byte {at}: invalid UTF-8"))
    })?))
}

/// One layer of a data file: the bundled or directory copy, or an overlay's.
#[derive(Debug, Clone)]
struct Layer {
    /// The name errors give: the path under the data root, or the overlay file's path.
    name: String,
    text: Cow<'static, str>,
}

/// One data file: its name (for error messages) and its contents.
#[derive(Debug, Clone)]
pub struct DataFile {
    name: String,
    /// The file and its overlays' copies, in order.
    layers: Vec<Layer>,
}

impl DataFile {
    /// A data file built from a string, for tests and callers that generate data.
    ///
    /// ```
    /// use chronik::DataFile;
    /// let file = DataFile::from_text("demo.tsv", "# a comment\nword\tkind\nTreffen\tmeeting\n");
    /// let rows = file.table(&["word", "kind"])?;
    /// assert_eq!(rows[0].get("kind"), "meeting");
    /// assert_eq!(rows[0].line(), 3);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn from_text(name: &str, text: &str) -> DataFile {
        DataFile {
            name: name.to_string(),
            layers: vec![Layer {
                name: name.to_string(),
                text: Cow::Owned(text.to_string()),
            }],
        }
    }

    /// The path of the file relative to the data root.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The raw contents of the file itself (without the rows overlays add).
    pub fn text(&self) -> &str {
        &self.layers[0].text
    }

    /// The raw contents of the file and of each overlay's copy, with the name errors give them.
    ///
    /// ```
    /// let file = chronik::DataDir::bundled().read("events/triggers.tsv")?;
    /// assert_eq!(file.layers().count(), 1);
    /// assert_eq!(file.layers().next().unwrap().0, "events/triggers.tsv");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn layers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.layers.iter().map(|l| (l.name.as_str(), &*l.text))
    }

    /// Parses the file as a TSV table whose header must name exactly `columns`, in order.
    ///
    /// # Errors
    /// Names the file and line of a wrong header, or of every row with too many cells.
    pub fn table(&self, columns: &[&str]) -> Result<Vec<Row>, Error> {
        let mut problems = crate::error::Problems::default();
        let rows = self.table_rows(columns, &mut problems)?;
        problems.finish(rows)
    }

    /// The rows of a table whose header is right; the problems of rows with too many cells are
    /// kept in `problems` (the rows are read with the header's cells).
    ///
    /// # Errors
    /// When the header is wrong or missing: then no row can be read.
    pub(crate) fn table_rows(
        &self,
        columns: &[&str],
        problems: &mut crate::error::Problems,
    ) -> Result<Vec<Row>, Error> {
        let columns: std::sync::Arc<[String]> = columns.iter().map(|c| c.to_string()).collect();
        let mut rows = Vec::new();
        for layer in &self.layers {
            let name = &layer.name;
            let mut header_seen = false;
            for (i, line) in layer.text.lines().enumerate() {
                let line_no = i + 1;
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let cells: Vec<&str> = line.split('\t').collect();
                if !header_seen {
                    if cells != columns.iter().map(String::as_str).collect::<Vec<_>>() {
                        return Err(Error::data(
                            name,
                            line_no,
                            format!("header is {:?}, expected {:?}", cells, columns),
                        ));
                    }
                    header_seen = true;
                    continue;
                }
                if cells.len() > columns.len() {
                    problems.check(Err(Error::data(
                        name,
                        line_no,
                        format!("{} cells, the header has {}", cells.len(), columns.len()),
                    )));
                    // the row is kept with the header's cells, so that rows referring to it do not
                    // add problems of their own
                }
                let mut cells: Vec<String> = cells
                    .iter()
                    .take(columns.len())
                    .map(|c| c.trim().to_string())
                    .collect();
                cells.resize(columns.len(), String::new());
                rows.push(Row {
                    file: name.clone(),
                    line: line_no,
                    columns: columns.clone(),
                    cells,
                });
            }
            if !header_seen {
                return Err(Error::data(name, 0, "no header line"));
            }
        }
        Ok(rows)
    }

    /// Like [`table`](Self::table), but hands each row to `each` as borrowed cells instead of
    /// building owned rows: for large generated tables (the verb lexicon has 72,000 rows) where
    /// copying every cell would dominate the load time.
    ///
    /// ```
    /// use chronik::DataFile;
    /// let file = DataFile::from_text("demo.tsv", "# note\nform\tlemma\nkam\tkommen\n");
    /// let mut seen = Vec::new();
    /// file.for_each_record(&["form", "lemma"], |r| {
    ///     seen.push((r.line(), r.cell(0).to_string(), r.cell(1).to_string()));
    ///     Ok(())
    /// })?;
    /// assert_eq!(seen, [(3, "kam".to_string(), "kommen".to_string())]);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    ///
    /// # Errors
    /// Names the file and line of a wrong header, of a row with more cells than the header, or
    /// of the first error `each` returns.
    pub fn for_each_record(
        &self,
        columns: &[&str],
        mut each: impl FnMut(&Record<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut cells: Vec<&str> = Vec::with_capacity(columns.len());
        for layer in &self.layers {
            let name = layer.name.as_str();
            let mut header_seen = false;
            for (i, line) in layer.text.lines().enumerate() {
                let line_no = i + 1;
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                cells.clear();
                cells.extend(line.split('\t'));
                if !header_seen {
                    if cells != columns {
                        return Err(Error::data(
                            name,
                            line_no,
                            format!("header is {:?}, expected {:?}", cells, columns),
                        ));
                    }
                    header_seen = true;
                    continue;
                }
                if cells.len() > columns.len() {
                    return Err(Error::data(
                        name,
                        line_no,
                        format!("{} cells, the header has {}", cells.len(), columns.len()),
                    ));
                }
                for c in cells.iter_mut() {
                    *c = c.trim();
                }
                cells.resize(columns.len(), "");
                each(&Record {
                    file: name,
                    line: line_no,
                    cells: &cells,
                })?;
            }
            if !header_seen {
                return Err(Error::data(name, 0, "no header line"));
            }
        }
        Ok(())
    }
}

/// One row of a TSV data file with its cells borrowed from the file (see
/// [`DataFile::for_each_record`]).
#[derive(Debug)]
pub struct Record<'a> {
    file: &'a str,
    line: usize,
    cells: &'a [&'a str],
}

impl Record<'_> {
    /// The cell in column `i` (0-based; empty when the row is shorter).
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).copied().unwrap_or("")
    }

    /// Line number in the file (1-based).
    pub fn line(&self) -> usize {
        self.line
    }

    /// An error located at this row.
    pub fn error(&self, message: impl std::fmt::Display) -> Error {
        Error::data(self.file, self.line, message)
    }
}

/// One row of a TSV data file.
#[derive(Debug, Clone)]
pub struct Row {
    file: String,
    line: usize,
    columns: std::sync::Arc<[String]>,
    cells: Vec<String>,
}

impl Row {
    /// The cell of `column` (empty when the cell is empty).
    ///
    /// # Panics
    /// When `column` is not one of the table's columns: that is a bug in the caller.
    pub fn get(&self, column: &str) -> &str {
        let i = self.columns.iter().position(|c| c == column);
        &self.cells[i.unwrap_or_else(|| panic!("no column {column:?} in {}", self.file))]
    }

    /// The `|`-separated values of `column`, trimmed, without empty ones.
    pub fn list(&self, column: &str) -> impl Iterator<Item = &str> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// The cell of `column`, or an error naming the file and line when it is empty.
    ///
    /// # Errors
    /// When the cell is empty.
    pub fn required(&self, column: &str) -> Result<&str, Error> {
        let v = self.get(column);
        if v.is_empty() {
            Err(self.error(format!("column {column:?} is empty")))
        } else {
            Ok(v)
        }
    }

    /// Line number in the file (1-based).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The file the row is in: the data file's path under the data root, or an overlay's file.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// An error located at this row.
    pub fn error(&self, message: impl std::fmt::Display) -> Error {
        Error::data(&self.file, self.line, message)
    }
}

/// The rows of an id-keyed table with the rows of later layers whose id is already there folded
/// into the row they amend (see [`DataDir::with_overlay`]): the cells of `lists` are joined with
/// `|`, other non-empty cells replace. A repeated id within one layer is left for the loader to
/// report.
pub(crate) fn amend_by_id(rows: Vec<Row>, lists: &[&str]) -> Vec<Row> {
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.get("id").to_string();
        match first.get(&id) {
            Some(&i) if out[i].file != row.file => {
                let base = &mut out[i];
                for (c, cell) in row.cells.iter().enumerate() {
                    let column = base.columns[c].as_str();
                    if cell.is_empty() || column == "id" {
                        continue;
                    }
                    let target = &mut base.cells[c];
                    if lists.contains(&column) && !target.is_empty() {
                        target.push('|');
                        target.push_str(cell);
                    } else {
                        target.clone_from(cell);
                    }
                }
            }
            Some(_) => out.push(row),
            None => {
                first.insert(id, out.len());
                out.push(row);
            }
        }
    }
    out
}

/// `word` in lower case, the form data tables key their words by; borrowed when it is one
/// already, so a look-up of a lower-case word copies nothing.
pub(crate) fn lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}
