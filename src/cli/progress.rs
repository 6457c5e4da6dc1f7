//! Progress of a long run on the terminal: articles done, bytes read and MB/s, failed records.
//!
//! Shown only when stderr is a terminal and the output is not (a file given with `-o`, or
//! stdout redirected): in a pipe, a Spark task or a log file, and when the records themselves
//! scroll past on the terminal, nothing is drawn. Messages printed while the bar is drawn go
//! through [`Progress::message`] so that they do not tear it.

use std::cell::Cell;
use std::io::{BufRead, IsTerminal, Read};
use std::rc::Rc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The progress display of one run (hidden when it is not wanted).
pub struct Progress {
    bar: ProgressBar,
    /// Bytes of the inputs finished before the current one.
    done_before: u64,
    /// Bytes of the current input read so far.
    current: Rc<Cell<u64>>,
}

impl Default for Progress {
    /// A display that is never drawn.
    fn default() -> Progress {
        Progress::new(None, false)
    }
}

impl Progress {
    /// A display for inputs of `total` bytes (`None` when a size is unknown, as for stdin),
    /// drawn when `wanted` and stderr is a terminal.
    pub fn new(total: Option<u64>, wanted: bool) -> Progress {
        let target = if wanted && std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let template = match total {
            Some(_) => {
                "{spinner} {elapsed:>4} [{bar:24}] {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} {msg}"
            }
            None => "{spinner} {elapsed:>4} {decimal_bytes} {decimal_bytes_per_sec} {msg}",
        };
        let bar = ProgressBar::with_draw_target(total, target);
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress {
            bar,
            done_before: 0,
            current: Rc::new(Cell::new(0)),
        }
    }

    /// Whether the output is somewhere else than the terminal stderr is on: `-o FILE`, or a
    /// stdout that is not a terminal.
    pub fn output_elsewhere(output_is_file: bool) -> bool {
        output_is_file || !std::io::stdout().is_terminal()
    }

    /// `reader`, counting the bytes read from it as the progress of the current input.
    pub fn count<R: BufRead>(&mut self, reader: R) -> Counted<R> {
        self.done_before += self.current.replace(0);
        Counted {
            inner: reader,
            read: Rc::clone(&self.current),
        }
    }

    /// Shows the bytes read so far, `articles` done and `failed` records.
    pub fn show(&self, articles: usize, failed: usize) {
        self.bar.set_position(self.done_before + self.current.get());
        let s = if articles == 1 { "" } else { "s" };
        self.bar
            .set_message(format!("{articles} article{s}, {failed} failed"));
    }

    /// Prints a message line on stderr without tearing the bar.
    pub fn message(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Takes the bar off the terminal.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A reader that counts the bytes taken from it.
pub struct Counted<R> {
    inner: R,
    read: Rc<Cell<u64>>,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.read.set(self.read.get() + amount as u64);
        self.inner.consume(amount);
    }
}
