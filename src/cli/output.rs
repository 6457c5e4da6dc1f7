//! Where the CLI writes: standard output, or a file given with `-o` that is written under a
//! temporary name beside it and renamed over it only when the run finished (a device or a pipe
//! is written to directly). An existing output
//! is never truncated before the inputs were read, never replaced by the output of a run whose
//! inputs could not be opened, and never one of the inputs.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chronik::Error;

/// The output of one run.
pub struct Output {
    /// `-o FILE`, or `None` for standard output.
    target: Option<PathBuf>,
    /// The file the target names (the target itself, or the file a link points to).
    real: PathBuf,
    /// The temporary file beside `real` that is written first.
    temp: Option<PathBuf>,
    writer: Box<dyn Write>,
}

impl Output {
    /// Standard output, or a temporary file beside `target`.
    pub fn create(target: Option<PathBuf>) -> Result<Output, Error> {
        let Some(target) = target else {
            return Ok(Output {
                target: None,
                real: PathBuf::new(),
                temp: None,
                writer: Box::new(BufWriter::new(std::io::stdout().lock())),
            });
        };
        // a device or a pipe (`/dev/stdout`, a FIFO) is written to as it is: there is nothing
        // to keep and nothing to rename over
        if std::fs::metadata(&target).is_ok_and(|m| !m.is_file()) {
            let file = File::options()
                .write(true)
                .open(&target)
                .map_err(|e| Error::from_io(format!("-o {}", target.display()), e))?;
            return Ok(Output {
                real: target.clone(),
                target: Some(target),
                temp: None,
                writer: Box::new(BufWriter::new(file)),
            });
        }
        // through a link, the file it points to is replaced, not the link
        let real = if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_symlink()) {
            std::fs::canonicalize(&target).unwrap_or_else(|_| target.clone())
        } else {
            target.clone()
        };
        let temp = temp_path(&real);
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| Error::from_io(format!("-o {}", target.display()), e))?;
        if let Ok(m) = std::fs::metadata(&real) {
            // the replaced file keeps its permissions
            let _ = file.set_permissions(m.permissions());
        }
        Ok(Output {
            target: Some(target),
            real,
            temp: Some(temp),
            writer: Box::new(BufWriter::new(file)),
        })
    }

    /// How messages name the output: `-o out.json` or `stdout`.
    pub fn name(&self) -> String {
        match &self.target {
            Some(t) => format!("-o {}", t.display()),
            None => "stdout".to_string(),
        }
    }

    /// The writer.
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut *self.writer
    }

    /// An error while writing, naming the output. When the output is a pipe whose reader has
    /// gone (`chronik extract ... | head`), the run ends here, quietly and with exit code 0:
    /// the reader has all it wanted, and there is no temporary file to clean up.
    pub fn error(&self, e: std::io::Error) -> Error {
        if e.kind() == std::io::ErrorKind::BrokenPipe && self.temp.is_none() {
            std::process::exit(0);
        }
        Error::from_io(self.name(), e)
    }

    /// Flushes and puts the output in place of the target.
    pub fn commit(mut self) -> Result<(), Error> {
        self.writer.flush().map_err(|e| self.error(e))?;
        if let Some(temp) = self.temp.take() {
            // drop the file handle before renaming (needed on Windows)
            self.writer = Box::new(std::io::sink());
            if let Err(e) = std::fs::rename(&temp, &self.real) {
                let _ = std::fs::remove_file(&temp);
                return Err(self.error(e));
            }
        }
        Ok(())
    }
}

impl Drop for Output {
    /// An output that was not committed leaves no trace: the target keeps what it had.
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            self.writer = Box::new(std::io::sink());
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// `dir/.name.chronik-<pid>.tmp` beside `target`: the same file system, so the rename is atomic.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.chronik-{}.tmp", std::process::id()))
}

/// The inputs that cannot be opened, and an input that is the output itself: every problem,
/// before anything is read or written. `-` (standard input) is always there.
pub fn check_inputs(inputs: &[String], output: Option<&Path>) -> Vec<Error> {
    let mut problems = Vec::new();
    for name in inputs.iter().filter(|n| *n != "-") {
        match File::open(name) {
            Err(e) => problems.push(Error::from_io(name, e)),
            Ok(file) if file.metadata().is_ok_and(|m| m.is_dir()) => {
                problems.push(Error::from_message(format!("{name}: is a directory")));
            }
            Ok(file) => {
                if let Some(out) = output
                    && same_file(&file, Path::new(name), out)
                {
                    problems.push(Error::from_message(format!(
                        "-o {} is also an input: write the output to another file",
                        out.display()
                    )));
                }
            }
        }
    }
    problems
}

/// True when `out` names the file `input` is open on (also through a link or another path).
fn same_file(input: &File, input_path: &Path, out: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (input.metadata(), std::fs::metadata(out)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    let _ = input;
    match (input_path.canonicalize(), out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("chronik-out-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn an_uncommitted_output_leaves_the_target_alone() {
        let d = dir("uncommitted");
        let target = d.join("out.json");
        std::fs::write(&target, "old").unwrap();
        let mut out = Output::create(Some(target.clone())).unwrap();
        out.writer().write_all(b"new").unwrap();
        drop(out);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(
            std::fs::read_dir(&d).unwrap().count(),
            1,
            "no temporary file left"
        );
        let mut out = Output::create(Some(target.clone())).unwrap();
        out.writer().write_all(b"new").unwrap();
        out.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1);
    }

    #[test]
    fn an_output_that_is_an_input_is_refused() {
        let d = dir("same");
        let input = d.join("a.jsonl");
        std::fs::write(&input, "{}").unwrap();
        let other = d.join(".").join("a.jsonl");
        let problems = check_inputs(&[input.display().to_string()], Some(&other));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("is also an input"));
        assert!(check_inputs(&[input.display().to_string()], Some(&d.join("b"))).is_empty());
    }
}
