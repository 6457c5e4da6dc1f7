//! Benchmarks in the crate's own harness (`cargo bench`): what users run, `chronik extract
//! --format jsonl` on a news archive, in MB of input per CPU-second.
//!
//! - **archive**: a reproducible archive-like corpus (see `archive.rs`: agency items and long
//!   articles built from the bundled news page and invented sentences), 16 MB of JSON Lines by
//!   default (`CHRONIK_BENCH_MB=64` for the size). End to end is the CLI's path without
//!   the process: read JSON Lines into articles, [`Pipeline::extract`], [`ArticleRecord`],
//!   serde_json into a buffer.
//! - **stages**: the same run with a CPU clock read as each stage ends (documents, sentences,
//!   clauses, gazetteer, time, events, output); the clock reads cost a little, so the stages
//!   sum to slightly more than end to end.
//! - **floor**: the same JSON Lines parsed into `serde_json::Value`s and written back, the cost
//!   any tool pays.
//! - **per article**: items of 0.5, 2, 20 and 200 KB; cost per article and MB per CPU-second
//!   (growth at sizes 10x apart shows whether a stage is linear).
//! - **start-up**: loading and compiling every gazetteer, once per process.
//!
//! Times are CPU time of the benchmark thread (`CLOCK_THREAD_CPUTIME_ID`), because the machine
//! is shared: wall time says more about the neighbours than about chronik. Each figure is the
//! median of several runs, with the spread (min..max) beside it.
//!
//! `cargo bench --bench pipeline -- --write-corpus FILE` writes the archive corpus and exits,
//! to time the binary on it (`chronik extract --format jsonl --jobs 1 FILE`) or an older commit.

mod archive;

use std::time::{Duration, Instant};

use chronik::clause::ClauseParser;
use chronik::document::read_json_lines;
use chronik::record::ArticleRecord;
use chronik::{DataDir, Pipeline, Stage};

/// CPU time of the calling thread.
#[cfg(target_os = "linux")]
fn cpu_now() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec (64-bit time_t and long on Linux targets
    // that run this benchmark); clock_gettime writes only into it.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.sec as u64, ts.nsec as u32)
}

/// Without a thread CPU clock: wall time since the first call.
#[cfg(not(target_os = "linux"))]
fn cpu_now() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// Runs `f` `runs` times; the CPU times, sorted.
fn cpu_runs(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = cpu_now();
            f();
            cpu_now() - t
        })
        .collect();
    samples.sort();
    samples
}

fn median(samples: &[Duration]) -> Duration {
    samples[samples.len() / 2]
}

/// `median MB/s (min..max)` for `bytes` processed in each of `samples`.
fn rate(bytes: usize, samples: &[Duration]) -> String {
    let mb = bytes as f64 / 1e6;
    let per = |d: Duration| mb / d.as_secs_f64();
    format!(
        "{:.2} MB per CPU-second ({:.2}..{:.2}, {} runs)",
        per(median(samples)),
        per(samples[samples.len() - 1]),
        per(samples[0]),
        samples.len()
    )
}

/// What `extract --format jsonl` does per line, into `out`.
fn extract_jsonl(pipeline: &Pipeline, jsonl: &[u8], out: &mut Vec<u8>) -> usize {
    let mut n = 0;
    for article in read_json_lines("archive", jsonl) {
        let article = article.expect("the corpus is valid");
        let found = pipeline.extract(&article);
        let mut record = ArticleRecord::new(&article, &found, pipeline);
        record.drop_rules();
        serde_json::to_writer(&mut *out, &record).expect("writes to memory");
        out.push(b'\n');
        n += 1;
    }
    n
}

/// CPU time per stage of one end-to-end run: documents, the pipeline's stages, output.
fn stage_times(
    pipeline: &Pipeline,
    jsonl: &[u8],
    out: &mut Vec<u8>,
) -> Vec<(&'static str, Duration)> {
    let mut documents = Duration::ZERO;
    let mut stages = [Duration::ZERO; Stage::ALL.len()];
    let mut output = Duration::ZERO;
    let mut articles = read_json_lines("archive", jsonl);
    loop {
        let t = cpu_now();
        let Some(article) = articles.next() else {
            break;
        };
        let article = article.expect("the corpus is valid");
        let mut last = cpu_now();
        documents += last - t;
        let found = pipeline.extract_observed(&article, |stage| {
            let now = cpu_now();
            stages[stage as usize] += now - last;
            last = now;
        });
        let mut record = ArticleRecord::new(&article, &found, pipeline);
        record.drop_rules();
        serde_json::to_writer(&mut *out, &record).expect("writes to memory");
        out.push(b'\n');
        output += cpu_now() - last;
    }
    let mut times = vec![("documents", documents)];
    times.extend(Stage::ALL.iter().map(|s| (s.as_str(), stages[*s as usize])));
    times.push(("output", output));
    times
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let megabytes = env_number("CHRONIK_BENCH_MB", 16);
    let runs = env_number("CHRONIK_BENCH_RUNS", 5).max(1);
    let mut archive = archive::Archive::new(14);
    let items = archive.items(megabytes * 1_000_000 * 92 / 100);
    let jsonl = archive::json_lines(&items);
    if let Some(i) = args.iter().position(|a| a == "--write-corpus") {
        let path = args.get(i + 1).expect("--write-corpus FILE");
        std::fs::write(path, &jsonl).expect("writes the corpus");
        println!(
            "wrote {} articles, {} bytes to {path}",
            items.len(),
            jsonl.len()
        );
        return;
    }

    let startup = cpu_runs(runs, || {
        std::hint::black_box(Pipeline::new(&DataDir::bundled()).expect("bundled data loads"));
    });
    let clause_load = cpu_runs(runs, || {
        std::hint::black_box(ClauseParser::new(&DataDir::bundled()).expect("bundled data loads"));
    });
    println!(
        "start-up (load + compile gazetteers): median {:.1?} CPU (min {:.1?}, max {:.1?}); \
         of which the clause stage {:.1?}",
        median(&startup),
        startup[0],
        startup[startup.len() - 1],
        median(&clause_load),
    );
    let pipeline = Pipeline::new(&DataDir::bundled()).expect("bundled data loads");
    let (forms, lemmas) = pipeline.clause_parser().lexicon().counts();
    let (actors, places, surface) = pipeline.gazetteer().counts();
    println!(
        "data: verb lexicon {forms} forms of {lemmas} lemmas; gazetteer {actors} actors, \
         {places} places, {surface} surface forms"
    );

    let text_bytes: usize = items.iter().map(|i| i.text.len()).sum();
    let mut sizes: Vec<usize> = items.iter().map(|i| i.text.len()).collect();
    sizes.sort_unstable();
    println!(
        "archive: {} articles, {:.1} MB of JSON Lines ({:.1} MB of text; median {} B, mean {} B, \
         max {} B per article)",
        items.len(),
        jsonl.len() as f64 / 1e6,
        text_bytes as f64 / 1e6,
        sizes[sizes.len() / 2],
        text_bytes / items.len(),
        sizes[sizes.len() - 1],
    );

    // end to end
    let mut out = Vec::with_capacity(jsonl.len());
    let mut written = 0;
    let wall = Instant::now();
    let e2e = cpu_runs(runs, || {
        out.clear();
        std::hint::black_box(extract_jsonl(&pipeline, &jsonl, &mut out));
        written = out.len();
    });
    let wall = wall.elapsed() / runs as u32;
    println!(
        "extract --format jsonl, end to end, one thread: {} = {:.1} µs per article \
         (wall {:.2?} per run; {:.1} MB written)",
        rate(jsonl.len(), &e2e),
        median(&e2e).as_secs_f64() * 1e6 / items.len() as f64,
        wall,
        written as f64 / 1e6,
    );

    // per stage: the median run by total
    let mut per_stage: Vec<Vec<(&str, Duration)>> = (0..runs.min(3))
        .map(|_| {
            out.clear();
            stage_times(&pipeline, &jsonl, &mut out)
        })
        .collect();
    per_stage.sort_by_key(|s| s.iter().map(|(_, d)| *d).sum::<Duration>());
    let stages = &per_stage[per_stage.len() / 2];
    let total: Duration = stages.iter().map(|(_, d)| *d).sum();
    println!(
        "  per stage ({:.2?} CPU in all, {:.1?} more than end to end: clock reads):",
        total,
        total.saturating_sub(median(&e2e))
    );
    for (name, d) in stages {
        println!(
            "    {name:<10} {:>6.1}%  {:>8.1} MB per CPU-second  {:>6.2} µs per article",
            100.0 * d.as_secs_f64() / total.as_secs_f64(),
            jsonl.len() as f64 / 1e6 / d.as_secs_f64(),
            d.as_secs_f64() * 1e6 / items.len() as f64,
        );
    }

    // the floor: JSON Lines read and written back
    let floor = cpu_runs(runs, || {
        out.clear();
        for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let value: serde_json::Value = serde_json::from_slice(line).expect("valid JSON");
            serde_json::to_writer(&mut out, &value).expect("writes to memory");
            out.push(b'\n');
        }
    });
    println!(
        "floor, JSON Lines read and written back: {}; extract costs {:.1}x the floor",
        rate(jsonl.len(), &floor),
        median(&e2e).as_secs_f64() / median(&floor).as_secs_f64()
    );

    // cost per article by size
    println!("per article, one thread (growth from one size to the next shows non-linear cost):");
    let mut by_size = archive::Archive::new(20);
    for size in [500, 2_000, 20_000, 200_000] {
        let count = (4_000_000 / size).clamp(4, 4_000);
        let sized: Vec<archive::Item> = (0..count).map(|_| by_size.item(size)).collect();
        let lines = archive::json_lines(&sized);
        let samples = cpu_runs(runs, || {
            out.clear();
            std::hint::black_box(extract_jsonl(&pipeline, &lines, &mut out));
        });
        let per_article = median(&samples).as_secs_f64() * 1e6 / count as f64;
        println!(
            "  {:>6.1} KB: {:>9.1} µs per article, {}",
            size as f64 / 1e3,
            per_article,
            rate(lines.len(), &samples),
        );
    }
}
