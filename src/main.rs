//! The `chronik` command line: reads inputs, runs the pipeline, writes outputs. Argument
//! parsing, I/O, progress and exit codes live here; everything else is the library.

use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use chronik::document::{self, Article, InputKind};
use chronik::export::{self, ArticleRecord};
use chronik::graph::TimelineBuilder;
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
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract meetings from articles (JSON Lines, news pages or plain text).
    Extract {
        /// Input files; `-` reads standard input.
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
    },
    /// Merge per-article JSON Lines (from `extract --format jsonl`) into one timeline.
    Merge {
        /// JSON Lines files; `-` reads standard input.
        #[arg(default_value = "-")]
        inputs: Vec<String>,
        /// Output format (`timeline`, `timelinejs` or `dot`).
        #[arg(long, value_enum, default_value_t = Format::Timeline)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Resolve time phrases: reads `{"text","ref","context"?,"tense"?}` lines, adds `value` and `type`.
    ResolveTime,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per article.
    Jsonl,
    /// The merged timeline as JSON.
    Timeline,
    /// The merged meeting graph as Graphviz DOT.
    Dot,
    /// The merged timeline for Knight Lab's TimelineJS3.
    Timelinejs,
}

/// Counts of what went through and what failed, for the exit code and the summary.
#[derive(Default)]
struct Tally {
    articles: usize,
    failed: usize,
}

impl Tally {
    fn report(&mut self, err: &Error) {
        self.failed += 1;
        eprintln!("chronik: {err}");
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data = match &cli.gazetteers {
        Some(dir) => match DataDir::open(dir) {
            Ok(d) => d,
            Err(e) => return fatal(&e),
        },
        None => DataDir::bundled(),
    };
    let result = match cli.command {
        Command::Extract {
            inputs,
            format,
            published,
            output,
            jobs,
            explain,
        } => {
            let options = ExtractOptions { jobs, explain };
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
        } => merge(&inputs, format, output),
        Command::ResolveTime => resolve_time(&data),
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
    eprintln!("chronik: {e}");
    ExitCode::from(2)
}

fn output_writer(output: Option<PathBuf>) -> Result<Box<dyn Write>, Error> {
    Ok(match output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(&path).map_err(|e| io_error(&path.display().to_string(), e))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
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

/// Where extracted records go: straight out as JSON Lines, or into a timeline.
enum Sink {
    Lines(Box<dyn Write>),
    Merge(TimelineBuilder, Format, Box<dyn Write>),
}

impl Sink {
    fn put(&mut self, record: &ArticleRecord) -> Result<(), Error> {
        match self {
            Sink::Lines(w) => {
                // into memory first: serde_json writes a record in hundreds of small pieces,
                // each a call through `dyn Write`
                let mut line =
                    serde_json::to_vec(record).map_err(|e| io_error("output", e.into()))?;
                line.push(b'\n');
                w.write_all(&line).map_err(|e| io_error("output", e))
            }
            Sink::Merge(builder, _, _) => {
                builder.add(record);
                Ok(())
            }
        }
    }

    fn finish(self) -> Result<(), Error> {
        match self {
            Sink::Lines(mut w) => w.flush().map_err(|e| io_error("output", e)),
            Sink::Merge(builder, format, mut w) => {
                let timeline = builder.finish();
                let text = match format {
                    Format::Dot => export::to_dot(&timeline),
                    Format::Timelinejs => export::to_timelinejs(&timeline) + "\n",
                    _ => export::to_timeline_json(&timeline) + "\n",
                };
                w.write_all(text.as_bytes())
                    .and_then(|()| w.flush())
                    .map_err(|e| io_error("output", e))
            }
        }
    }
}

fn sink(format: Format, output: Option<PathBuf>) -> Result<Sink, Error> {
    let w = output_writer(output)?;
    Ok(match format {
        Format::Jsonl => Sink::Lines(w),
        f => Sink::Merge(TimelineBuilder::default(), f, w),
    })
}

const BATCH: usize = 512;

/// How `extract` runs: worker threads, and whether records name their rules.
struct ExtractOptions {
    jobs: Option<usize>,
    explain: bool,
}

fn extract(
    data: &DataDir,
    inputs: &[String],
    format: Format,
    published: Option<&str>,
    output: Option<PathBuf>,
    options: ExtractOptions,
) -> Result<Tally, Error> {
    let pipeline = Pipeline::new(data)?;
    let published =
        match published {
            Some(p) => Some(document::parse_published(p).ok_or_else(|| {
                Error::from_message(format!("--published {p:?} is not a date-time"))
            })?),
            None => None,
        };
    let jobs = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut out = sink(format, output)?;
    let mut tally = Tally::default();
    let progress = std::io::stderr().is_terminal();
    for name in inputs {
        let mut reader = match open_input(name) {
            Ok(r) => r,
            Err(e) => {
                tally.report(&e);
                continue;
            }
        };
        let head = match reader.fill_buf() {
            Ok(head) => head.to_vec(),
            Err(e) => {
                tally.report(&io_error(name, e));
                continue;
            }
        };
        if head.is_empty() {
            // not an error: an empty Spark partition or an empty file holds no articles
            eprintln!("chronik: {name}: empty input, no articles");
            continue;
        }
        let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
        let flush =
            |batch: &mut Vec<Article>, tally: &mut Tally, out: &mut Sink| -> Result<(), Error> {
                for mut record in run_batch(&pipeline, batch, jobs) {
                    if !options.explain {
                        record.drop_rules();
                    }
                    out.put(&record)?;
                    tally.articles += 1;
                }
                batch.clear();
                if progress {
                    eprint!("\rchronik: {} articles", tally.articles);
                }
                Ok(())
            };
        match InputKind::detect(name, &head) {
            InputKind::JsonLines => {
                for item in document::read_json_lines(name, reader) {
                    match item {
                        Ok(article) => batch.push(article),
                        Err(e) => tally.report(&e),
                    }
                    if batch.len() == BATCH {
                        flush(&mut batch, &mut tally, &mut out)?;
                    }
                }
            }
            kind => {
                let mut bytes = Vec::new();
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    tally.report(&io_error(name, e));
                    continue;
                }
                let text = match document::decode_utf8(name, bytes) {
                    Ok(t) => t,
                    Err(e) => {
                        tally.report(&e);
                        continue;
                    }
                };
                let stem = std::path::Path::new(name)
                    .file_stem()
                    .map_or("stdin".into(), |s| s.to_string_lossy().into_owned());
                if kind == InputKind::NewsPage {
                    for item in document::read_news_page(&stem, &text) {
                        match item {
                            Ok(article) => batch.push(article),
                            Err(e) => tally.report(&e),
                        }
                    }
                } else if let Some(published) = published {
                    batch.push(document::plain_text(&stem, text, published));
                } else {
                    tally.report(&Error::from_message(format!(
                        "{name}: plain text needs --published (its publication time)"
                    )));
                }
            }
        }
        flush(&mut batch, &mut tally, &mut out)?;
    }
    if progress {
        eprintln!();
    }
    out.finish()?;
    Ok(tally)
}

/// Extracts a batch on `jobs` threads, keeping input order.
fn run_batch(pipeline: &Pipeline, batch: &[Article], jobs: usize) -> Vec<ArticleRecord> {
    let one = |a: &Article| ArticleRecord::new(a, &pipeline.extract(a), pipeline.gazetteer());
    if jobs == 1 || batch.len() < 2 {
        return batch.iter().map(one).collect();
    }
    let chunk = batch.len().div_ceil(jobs);
    std::thread::scope(|s| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn merge(inputs: &[String], format: Format, output: Option<PathBuf>) -> Result<Tally, Error> {
    if format == Format::Jsonl {
        return Err(Error::from_message(
            "merge writes a timeline: use --format timeline or dot",
        ));
    }
    let mut out = sink(format, output)?;
    let mut tally = Tally::default();
    for name in inputs {
        let reader = match open_input(name) {
            Ok(r) => r,
            Err(e) => {
                tally.report(&e);
                continue;
            }
        };
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|e| io_error(name, e))?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<ArticleRecord>(&line) {
                Ok(record) => {
                    out.put(&record)?;
                    tally.articles += 1;
                }
                Err(e) => tally.report(&Error::from_message(format!(
                    "{name}:{}: not an article record: {e}",
                    i + 1
                ))),
            }
        }
    }
    out.finish()?;
    Ok(tally)
}

fn resolve_time(data: &DataDir) -> Result<Tally, Error> {
    let tagger = TimeTagger::new(data)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut tally = Tally::default();
    for (i, line) in std::io::stdin().lock().split(b'\n').enumerate() {
        let line = line.map_err(|e| io_error("stdin", e))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let place = format!("stdin:{}", i + 1);
        let mut case: serde_json::Map<String, serde_json::Value> =
            match serde_json::from_slice(&line) {
                Ok(c) => c,
                Err(e) => {
                    tally.report(&Error::from_message(format!(
                        "{place}: not a JSON object: {e}"
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
        serde_json::to_writer(&mut out, &case).map_err(|e| io_error("stdout", e.into()))?;
        out.write_all(b"\n").map_err(|e| io_error("stdout", e))?;
        tally.articles += 1;
    }
    out.flush().map_err(|e| io_error("stdout", e))?;
    Ok(tally)
}
