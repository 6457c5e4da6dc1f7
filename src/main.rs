//! The `chronik` command line: reads inputs, runs the pipeline, writes outputs. Argument
//! parsing, I/O, progress and exit codes live here; everything else is the library.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use chronik::document::{self, Article, InputKind};
use chronik::events::EventCodes;
use chronik::export;
use chronik::graph::{MeetingGraph, TimelineBuilder};
use chronik::record::{ArticleRecord, ErrorRecord};
use chronik::{DataDir, Error, Pipeline, Tense, TimeTagger};

#[derive(Parser)]
#[command(
    name = "chronik",
    version,
    about = "German news in, a timeline of diplomatic meetings out."
)]
struct Cli {
    /// Load gazetteers from this directory instead of the bundled copy.
    #[arg(long, global = true, value_name = "DIR")]
    gazetteers: Option<PathBuf>,
    /// Add the rows of this directory's data files (same paths and headers as `gazetteers/`) to
    /// the gazetteers: your own actors, aliases, triggers. Repeatable.
    #[arg(long, global = true, value_name = "DIR")]
    extra_data: Vec<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract meetings from articles (JSON Lines, news pages or plain text).
    Extract {
        /// Input files and directories (their .jsonl, .ndjson and .txt files, recursively, in
        /// sorted path order); `-` reads standard input.
        #[arg(default_value = "-")]
        inputs: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Timeline)]
        format: Format,
        /// Publication time of plain-text input (RFC 3339, or local Berlin time).
        #[arg(long)]
        published: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Name the rule behind every event and timex in `--format jsonl` (`rules`, `rule`).
        #[arg(long)]
        explain: bool,
        /// The id of a news page or plain text read from standard input (teasers get `ID-t1`,
        /// ...); without it, `stdin-` and a hash of the bytes read (FNV-1a, 64 bit).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
    },
    /// Merge per-article JSON Lines (from `extract --format jsonl`) into one timeline.
    Merge {
        /// JSON Lines files and directories (their .jsonl and .ndjson files); `-` reads
        /// standard input.
        #[arg(default_value = "-")]
        inputs: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = MergeFormat::Timeline)]
        format: MergeFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Resolve time phrases: reads `{"text","ref","context"?,"tense"?}` lines, adds `value` and `type`.
    ResolveTime,
    /// Check gazetteer data with the loader `extract` uses: every problem with file and line,
    /// then advice (warnings). Exit code 1 when there are problems.
    CheckData {
        /// The data directory (default: `--gazetteers`, else the bundled data).
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per article.
    Jsonl,
    /// The merged timeline as JSON.
    Timeline,
    /// The merged meetings as Graphviz DOT, in date order by year and month.
    Dot,
    /// The actors as Graphviz DOT, linked by the meetings they share.
    DotActors,
    /// The merged timeline for Knight Lab's TimelineJS3.
    Timelinejs,
    /// One CSV row per meeting and participant.
    Csv,
    /// The meeting graph (events, actors, places) as GraphML, for Gephi.
    Graphml,
    /// One self-contained HTML page with an interactive timeline.
    Html,
}

/// What `merge` writes: every format but `jsonl`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MergeFormat {
    /// The merged timeline as JSON.
    Timeline,
    /// The merged meetings as Graphviz DOT, in date order by year and month.
    Dot,
    /// The actors as Graphviz DOT, linked by the meetings they share.
    DotActors,
    /// The merged timeline for Knight Lab's TimelineJS3.
    Timelinejs,
    /// One CSV row per meeting and participant.
    Csv,
    /// The meeting graph (events, actors, places) as GraphML, for Gephi.
    Graphml,
    /// One self-contained HTML page with an interactive timeline.
    Html,
}

impl From<MergeFormat> for Format {
    fn from(f: MergeFormat) -> Format {
        match f {
            MergeFormat::Timeline => Format::Timeline,
            MergeFormat::Dot => Format::Dot,
            MergeFormat::DotActors => Format::DotActors,
            MergeFormat::Timelinejs => Format::Timelinejs,
            MergeFormat::Csv => Format::Csv,
            MergeFormat::Graphml => Format::Graphml,
            MergeFormat::Html => Format::Html,
        }
    }
}

#[path = "cli/batch.rs"]
mod batch;
#[path = "cli/output.rs"]
mod output;
#[path = "cli/progress.rs"]
mod progress;

use chronik::document::inputs::{self, Input};
use output::Output;
use progress::Progress;

/// Counts of what went through and what failed, for the exit code and the summary, and the
/// progress display that shows them.
#[derive(Default)]
struct Tally {
    articles: usize,
    failed: usize,
    progress: Progress,
}

impl Tally {
    fn report(&mut self, err: &Error) {
        self.failed += 1;
        self.progress.message(&format!("chronik: {err}"));
    }

    /// Shows the counts on the progress display.
    fn show(&self) {
        self.progress.show(self.articles, self.failed);
    }

    /// With `-o FILE`, a run in which records failed and none came through does not replace
    /// the file: the error says so (exit code 2) and the temporary output is dropped.
    fn check_something_came_through(&self, output: Option<&std::path::Path>) -> Result<(), Error> {
        match output {
            Some(o) if self.articles == 0 && self.failed > 0 => Err(Error::from_message(format!(
                "no article came through ({} records failed); {} is left as it was",
                self.failed,
                o.display()
            ))),
            _ => Ok(()),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::CheckData { dir } = &cli.command {
        return check_data(dir.as_ref().or(cli.gazetteers.as_ref()), &cli.extra_data);
    }
    let data = match &cli.gazetteers {
        Some(dir) => match DataDir::open(dir) {
            Ok(d) => d,
            Err(e) => return fatal(&e),
        },
        None => DataDir::bundled(),
    };
    let data = match cli.extra_data.iter().try_fold(data, DataDir::with_overlay) {
        Ok(d) => d,
        Err(e) => return fatal(&e),
    };
    let result = match cli.command {
        Command::Extract {
            inputs,
            format,
            published,
            output,
            jobs,
            explain,
            id,
        } => {
            let options = ExtractOptions { jobs, explain, id };
            extract(
                &data,
                &inputs,
                format,
                published.as_deref(),
                output,
                options,
            )
        }
        Command::Merge {
            inputs,
            format,
            output,
        } => merge(&data, &inputs, format.into(), output),
        Command::ResolveTime => resolve_time(&data),
        Command::CheckData { .. } => unreachable!("handled before the data is loaded"),
    };
    match result {
        Ok(tally) if tally.failed == 0 => ExitCode::SUCCESS,
        Ok(tally) => {
            eprintln!(
                "chronik: {} of {} records failed",
                tally.failed,
                tally.articles + tally.failed
            );
            ExitCode::from(1)
        }
        Err(e) => fatal(&e),
    }
}

fn fatal(e: &Error) -> ExitCode {
    report_problems(e);
    ExitCode::from(2)
}

/// Prints every problem of an error on a line of its own, and their number when there are many.
fn report_problems(e: &Error) {
    let mut n = 0;
    for line in e.problems() {
        eprintln!("chronik: {line}");
        n += 1;
    }
    if n > 1 {
        eprintln!("chronik: {n} problems");
    }
}

/// `chronik check-data [DIR]`: loads the data as `extract` does and reports every problem and
/// every warning.
fn check_data(dir: Option<&PathBuf>, extra: &[PathBuf]) -> ExitCode {
    let (data, name) = match dir {
        Some(d) => match DataDir::open(d) {
            Ok(data) => (data, d.display().to_string()),
            Err(e) => return fatal(&e),
        },
        None => (DataDir::bundled(), "bundled gazetteers".to_string()),
    };
    let data = match extra.iter().try_fold(data, DataDir::with_overlay) {
        Ok(d) => d,
        Err(e) => return fatal(&e),
    };
    let warnings = chronik::gazetteer::lint(&data);
    for w in &warnings {
        eprintln!("chronik: warning: {w}");
    }
    match Pipeline::new(&data) {
        Ok(pipeline) => {
            let (actors, places, forms) = pipeline.gazetteer().counts();
            let line = format!(
                "{name}: {actors} actors, {places} places, {forms} surface forms; no problems, {} warnings\n",
                warnings.len()
            );
            let mut out = match Output::create(None) {
                Ok(out) => out,
                Err(e) => return fatal(&e),
            };
            let written = out.writer().write_all(line.as_bytes());
            match written
                .map_err(|e| out.error(e))
                .and_then(|()| out.commit())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fatal(&e),
            }
        }
        Err(e) => {
            report_problems(&e);
            ExitCode::from(1)
        }
    }
}

fn io_error(what: &str, e: std::io::Error) -> Error {
    chronik::Error::from_io(what, e)
}

fn open_input(name: &str) -> Result<Box<dyn BufRead>, Error> {
    if name == "-" {
        return Ok(Box::new(BufReader::new(std::io::stdin().lock())));
    }
    let file = std::fs::File::open(name).map_err(|e| io_error(name, e))?;
    Ok(Box::new(BufReader::with_capacity(1 << 20, file)))
}

/// The inputs named on the command line with directories replaced by their files (with one of
/// `extensions`), checked before anything is written: an input that cannot be opened, a
/// directory without such files, or an input that is the output, stops the run (exit code 2)
/// and leaves an existing output as it was.
fn check_inputs(
    names: &[String],
    extensions: &[&str],
    output: Option<&std::path::Path>,
) -> Result<Vec<Input>, Error> {
    let (inputs, mut problems) = inputs::expand(names, extensions);
    let files: Vec<String> = inputs.iter().map(|i| i.name.clone()).collect();
    problems.extend(output::check_inputs(&files, output));
    let n = problems.len();
    let mut problems = problems.into_iter();
    let Some(first) = problems.next() else {
        return Ok(inputs);
    };
    for p in problems {
        eprintln!("chronik: {p}");
    }
    let written = match output {
        Some(o) => format!("{} is left as it was", o.display()),
        None => "nothing was written".into(),
    };
    Err(Error::from_message(if n == 1 {
        format!("{first}; {written}")
    } else {
        format!("{first}; {n} inputs failed, {written}")
    }))
}

/// Where extracted records go: straight out as JSON Lines, or into a timeline.
enum Sink {
    Lines(Output),
    Merge(TimelineBuilder, Format, Output),
}

impl Sink {
    fn new(format: Format, codes: &EventCodes, output: Option<PathBuf>) -> Result<Sink, Error> {
        let out = Output::create(output)?;
        Ok(match format {
            Format::Jsonl => Sink::Lines(out),
            f => Sink::Merge(TimelineBuilder::new(codes), f, out),
        })
    }

    fn put(&mut self, record: &ArticleRecord) -> Result<(), Error> {
        match self {
            Sink::Lines(out) => write_line(out, record),
            Sink::Merge(builder, _, _) => {
                builder.add(record);
                Ok(())
            }
        }
    }

    /// A record that failed: in JSON Lines, an error record in its place.
    fn put_error(&mut self, err: &Error) -> Result<(), Error> {
        match self {
            Sink::Lines(out) => write_line(
                out,
                &ErrorRecord {
                    error: err.to_string(),
                },
            ),
            Sink::Merge(..) => Ok(()),
        }
    }

    fn finish(self) -> Result<(), Error> {
        match self {
            Sink::Lines(out) => out.commit(),
            Sink::Merge(builder, format, mut out) => {
                let graph = MeetingGraph::new(builder.finish());
                let text = match format {
                    Format::Dot => export::to_dot(&graph),
                    Format::DotActors => export::to_dot_actors(&graph),
                    Format::Csv => export::to_csv(&graph),
                    Format::Graphml => export::to_graphml(&graph),
                    Format::Html => export::to_html(&graph),
                    Format::Timelinejs => {
                        report_left_out(&export::timelinejs_left_out(&graph));
                        export::to_timelinejs(&graph) + "\n"
                    }
                    _ => export::to_timeline_json(&graph) + "\n",
                };
                if let Err(e) = out.writer().write_all(text.as_bytes()) {
                    return Err(out.error(e));
                }
                out.commit()
            }
        }
    }
}

fn write_line(out: &mut Output, record: &impl serde::Serialize) -> Result<(), Error> {
    // into memory first: serde_json writes a record in hundreds of small pieces, each a call
    // through `dyn Write`
    let written = serde_json::to_vec(record)
        .map_err(std::io::Error::from)
        .and_then(|mut line| {
            line.push(b'\n');
            out.writer().write_all(&line)
        });
    written.map_err(|e| out.error(e))
}

/// Says which meetings the TimelineJS3 export has no slide for (they are in `--format timeline`).
fn report_left_out(left_out: &[export::LeftOut]) {
    if left_out.is_empty() {
        return;
    }
    eprintln!(
        "chronik: --format timelinejs leaves out {} meeting{} without a year to place it (--format timeline keeps them):",
        left_out.len(),
        if left_out.len() == 1 { "" } else { "s" }
    );
    for l in left_out {
        eprintln!("chronik:   {}: {}", l.id, l.reason);
    }
}

const BATCH: usize = 512;

/// How `extract` runs: worker threads, whether records name their rules, and the id of a page or
/// text on stdin.
struct ExtractOptions {
    jobs: Option<usize>,
    explain: bool,
    id: Option<String>,
}

/// Articles read and not yet extracted, with the records that failed among them, in input order.
struct Batch<'p> {
    pipeline: &'p Pipeline,
    jobs: usize,
    /// Keep the rule ids in the records (`--explain`).
    explain: bool,
    articles: Vec<Article>,
    /// One slot per record in input order: `None` for the next article, or a failure.
    slots: Vec<Option<Error>>,
}

impl Batch<'_> {
    fn push(
        &mut self,
        name: &str,
        item: Result<Article, Error>,
        tally: &mut Tally,
        out: &mut Sink,
    ) -> Result<(), Error> {
        match item {
            Ok(a) => {
                self.articles.push(a);
                self.slots.push(None);
            }
            Err(e) => self.slots.push(Some(e)),
        }
        if self.slots.len() >= BATCH {
            self.flush(name, tally, out)?;
        }
        Ok(())
    }

    /// Extracts the articles and writes records and failures in input order.
    fn flush(&mut self, name: &str, tally: &mut Tally, out: &mut Sink) -> Result<(), Error> {
        let articles = std::mem::take(&mut self.articles);
        let pipeline = self.pipeline;
        let mut records = batch::run_batch(&articles, self.jobs, |a| {
            ArticleRecord::new(a, &pipeline.extract(a), pipeline)
        })
        .into_iter()
        .zip(&articles);
        for slot in self.slots.drain(..) {
            let failure = match slot {
                Some(e) => e,
                None => match records.next() {
                    Some((Ok(mut record), _)) => {
                        if !self.explain {
                            record.drop_rules();
                        }
                        out.put(&record)?;
                        tally.articles += 1;
                        continue;
                    }
                    Some((Err(panic), a)) => Error::from_message(format!(
                        "{name}: article {:?}: internal error, please report it: {panic}; article skipped",
                        a.id
                    )),
                    None => Error::from_message(format!("{name}: an article went missing")),
                },
            };
            tally.report(&failure);
            out.put_error(&failure)?;
        }
        tally.show();
        Ok(())
    }
}

fn extract(
    data: &DataDir,
    names: &[String],
    format: Format,
    published: Option<&str>,
    output: Option<PathBuf>,
    options: ExtractOptions,
) -> Result<Tally, Error> {
    let published =
        match published {
            Some(p) => Some(document::parse_published(p).ok_or_else(|| {
                Error::from_message(format!("--published {p:?} is not a date-time"))
            })?),
            None => None,
        };
    if options.id.is_some() && !names.iter().any(|n| n == "-") {
        return Err(Error::from_message(
            "--id names the page or text read from standard input: give `-` as an input",
        ));
    }
    let inputs = check_inputs(names, inputs::ARTICLES, output.as_deref())?;
    let pipeline = Pipeline::new(data)?;
    let jobs = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let kept = output.clone();
    let mut tally = Tally {
        progress: Progress::new(
            inputs.iter().map(|i| i.size).sum(),
            Progress::output_elsewhere(output.is_some()),
        ),
        ..Tally::default()
    };
    let mut out = Sink::new(format, pipeline.event_codes(), output)?;
    let mut batch = Batch {
        pipeline: &pipeline,
        jobs,
        explain: options.explain,
        articles: Vec::with_capacity(BATCH),
        slots: Vec::with_capacity(BATCH),
    };
    for input in &inputs {
        let name = input.name.as_str();
        // checked above; an input that went away since is a failure like any other
        let mut reader = tally.progress.count(open_input(name)?);
        let head = reader.fill_buf().map_err(|e| io_error(name, e))?.to_vec();
        if head.is_empty() {
            // not an error: an empty Spark partition or an empty file holds no articles
            tally
                .progress
                .message(&format!("chronik: {name}: empty input, no articles"));
            continue;
        }
        if let Err(e) = document::check_encoding(name, &head) {
            tally.report(&e);
            out.put_error(&e)?;
            continue;
        }
        match InputKind::detect(name, &head) {
            InputKind::JsonLines => {
                for item in document::read_json_lines(name, reader) {
                    batch.push(name, item, &mut tally, &mut out)?;
                }
            }
            kind => {
                let mut bytes = Vec::new();
                reader
                    .read_to_end(&mut bytes)
                    .map_err(|e| io_error(name, e))?;
                // a file is named by its path; standard input by --id or by its content
                let id = match (&input.id, &options.id) {
                    (Some(id), _) | (None, Some(id)) => id.clone(),
                    (None, None) => document::content_id(&bytes),
                };
                if kind == InputKind::NewsPage {
                    for item in document::read_news_page_with_id(name, &id, &bytes) {
                        batch.push(name, item, &mut tally, &mut out)?;
                    }
                } else {
                    let item = match (published, document::decode_utf8(name, bytes)) {
                        (_, Err(e)) => Err(e),
                        (Some(p), Ok(text)) => Ok(document::plain_text(&id, text, p)),
                        (None, Ok(_)) => Err(Error::from_message(format!(
                            "{name}: plain text needs --published (its publication time)"
                        ))),
                    };
                    batch.push(name, item, &mut tally, &mut out)?;
                }
            }
        }
        batch.flush(name, &mut tally, &mut out)?;
    }
    tally.progress.finish();
    tally.check_something_came_through(kept.as_deref())?;
    out.finish()?;
    Ok(tally)
}

fn merge(
    data: &DataDir,
    names: &[String],
    format: Format,
    output: Option<PathBuf>,
) -> Result<Tally, Error> {
    let inputs = check_inputs(names, inputs::RECORDS, output.as_deref())?;
    let codes = EventCodes::new(data)?;
    let kept = output.clone();
    let mut tally = Tally {
        progress: Progress::new(
            inputs.iter().map(|i| i.size).sum(),
            Progress::output_elsewhere(output.is_some()),
        ),
        ..Tally::default()
    };
    let mut out = Sink::new(format, &codes, output)?;
    for input in &inputs {
        let name = input.name.as_str();
        let mut reader = tally.progress.count(open_input(name)?);
        let head = reader.fill_buf().map_err(|e| io_error(name, e))?;
        if let Err(e) = document::check_encoding(name, head) {
            tally.report(&e);
            continue;
        }
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|e| io_error(name, e))?;
            let line = strip_bom(i, &line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let place = format!("{name}:{}", i + 1);
            match serde_json::from_slice::<ArticleRecord>(line) {
                Ok(record) => {
                    out.put(&record)?;
                    tally.articles += 1;
                    if tally.articles.is_multiple_of(4096) {
                        tally.show();
                    }
                }
                Err(e) => {
                    let message = match serde_json::from_slice::<ErrorRecord>(line) {
                        Ok(failed) => {
                            format!("{place}: a record that failed in extract: {}", failed.error)
                        }
                        Err(_) => format!(
                            "{place}: not an article record (column {}): {}",
                            e.column(),
                            document::json_message(&e)
                        ),
                    };
                    tally.report(&Error::from_message(message));
                }
            }
        }
    }
    tally.progress.finish();
    tally.check_something_came_through(kept.as_deref())?;
    out.finish()?;
    Ok(tally)
}

/// Line `i` (0-based) without a UTF-8 byte-order mark, which only the first line can have.
fn strip_bom(i: usize, line: &[u8]) -> &[u8] {
    match line.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) if i == 0 => rest,
        _ => line,
    }
}

fn resolve_time(data: &DataDir) -> Result<Tally, Error> {
    let tagger = TimeTagger::new(data)?;
    let mut out = Output::create(None)?;
    let mut tally = Tally::default();
    for (i, line) in std::io::stdin().lock().split(b'\n').enumerate() {
        let line = line.map_err(|e| io_error("stdin", e))?;
        let line = strip_bom(i, &line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let place = format!("stdin:{}", i + 1);
        let failed_before = tally.failed;
        let mut case: serde_json::Map<String, serde_json::Value> =
            match serde_json::from_slice(line) {
                Ok(c) => c,
                Err(e) => {
                    tally.report(&Error::from_message(format!(
                        "{place}: not a JSON object (column {}): {}",
                        e.column(),
                        document::json_message(&e)
                    )));
                    serde_json::Map::new()
                }
            };
        let field = |k: &str| case.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let reference = field("ref").and_then(|r| document::parse_published(&r));
        let tense = field("tense").and_then(|t| match t.as_str() {
            "past" => Some(Tense::Past),
            "present" => Some(Tense::Present),
            "future" => Some(Tense::Future),
            _ => None,
        });
        let timex = match (field("text"), reference) {
            (Some(text), Some(reference)) => {
                tagger.resolve_phrase(&text, field("context").as_deref(), tense, reference)
            }
            _ if !case.is_empty() => {
                tally.report(&Error::from_message(format!(
                    "{place}: needs \"text\" and a valid \"ref\""
                )));
                None
            }
            _ => None,
        };
        case.insert(
            "value".into(),
            timex
                .as_ref()
                .map_or(serde_json::Value::Null, |t| t.value.clone().into()),
        );
        case.insert(
            "type".into(),
            timex
                .as_ref()
                .map_or(serde_json::Value::Null, |t| t.timex_type.as_str().into()),
        );
        write_line(&mut out, &case)?;
        if tally.failed == failed_before {
            tally.articles += 1;
        }
    }
    out.commit()?;
    Ok(tally)
}
