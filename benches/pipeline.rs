//! Benchmarks in the crate's own harness (`cargo bench`): start-up (loading and compiling every
//! gazetteer) and end-to-end extraction throughput on news text. Each figure is the median of
//! several runs, because this machine is noisy; the spread (min..max) is printed beside it.
//!
//! Input: the bundled news page (`examples/dpa-page.txt`), its articles repeated to about 2 MB,
//! so the benchmark needs nothing outside the repository.

use std::time::{Duration, Instant};

use chronik::clause::ClauseParser;
use chronik::document::read_news_page;
use chronik::{DataDir, Pipeline};

fn median(mut samples: Vec<Duration>) -> (Duration, Duration, Duration) {
    samples.sort();
    (
        samples[samples.len() / 2],
        samples[0],
        samples[samples.len() - 1],
    )
}

fn main() {
    let runs = 11;
    let startup: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let pipeline = Pipeline::new(&DataDir::bundled()).expect("bundled data loads");
            let elapsed = t.elapsed();
            std::hint::black_box(pipeline);
            elapsed
        })
        .collect();
    let (med, min, max) = median(startup);
    println!(
        "start-up (load + compile gazetteers): median {med:.1?} (min {min:.1?}, max {max:.1?}, {runs} runs)"
    );

    let clause_load: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let parser = ClauseParser::new(&DataDir::bundled()).expect("bundled data loads");
            let elapsed = t.elapsed();
            std::hint::black_box(parser);
            elapsed
        })
        .collect();
    let (med, min, max) = median(clause_load);
    println!(
        "  of which the clause stage (verb lexicon + closed classes): median {med:.1?} (min {min:.1?}, max {max:.1?})"
    );

    let pipeline = Pipeline::new(&DataDir::bundled()).expect("bundled data loads");
    let (forms, lemmas) = pipeline.clause_parser().lexicon().counts();
    println!("verb lexicon: {forms} forms of {lemmas} lemmas");
    let (actors, places, forms) = pipeline.gazetteer().counts();
    println!("gazetteer: {actors} actors, {places} places, {forms} surface forms in one automaton");
    let page = include_str!("../examples/dpa-page.txt");
    let articles: Vec<_> = read_news_page("bench", page)
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    let one_pass: usize = articles.iter().map(|a| a.text.len()).sum();
    let repeat = (2_000_000 / one_pass).max(1);
    let bytes = one_pass * repeat;
    let mut events = 0;
    let samples: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..repeat {
                for a in &articles {
                    events += pipeline.extract(a).events.len();
                }
            }
            t.elapsed()
        })
        .collect();
    std::hint::black_box(events);
    let (med, min, max) = median(samples);
    let mb = bytes as f64 / 1e6;
    println!(
        "extract, one thread: {:.1} MB/s median over {mb:.1} MB ({:.1}..{:.1} MB/s, 5 runs)",
        mb / med.as_secs_f64(),
        mb / max.as_secs_f64(),
        mb / min.as_secs_f64()
    );
    let whole = med;

    // the clause stage alone, over the same sentences
    let splitter = chronik::SentenceSplitter::new(&DataDir::bundled()).expect("bundled data");
    let sentences: Vec<_> = articles
        .iter()
        .map(|a| (a, splitter.split(&a.text)))
        .collect();
    let parser = pipeline.clause_parser();
    let mut clauses = 0;
    let samples: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let mut out = Vec::new();
            for _ in 0..repeat {
                for (a, spans) in &sentences {
                    out.clear();
                    for &s in spans {
                        parser.parse_into(&a.text, s, &mut out);
                    }
                    clauses += out.len();
                }
            }
            t.elapsed()
        })
        .collect();
    std::hint::black_box(clauses);
    let (med, min, max) = median(samples);
    println!(
        "  of which clauses, one thread: {:.1} MB/s median ({:.1}..{:.1} MB/s), {:.1}% of extract",
        mb / med.as_secs_f64(),
        mb / max.as_secs_f64(),
        mb / min.as_secs_f64(),
        100.0 * med.as_secs_f64() / whole.as_secs_f64()
    );
}
