//! Fuzzing on the stable toolchain: generated and mutated input through the input readers, the
//! time tagger and resolver, and the whole pipeline. Each target checks that nothing panics and
//! that what comes out is true to what went in:
//!
//! - news pages: every article's text is the bytes of the page at its `input_offset`;
//! - JSON Lines: one result per non-blank line (a UTF-16 input is one error);
//! - the pipeline: every span of every output (sentences, mentions, timexes, diagnostics,
//!   meetings with participants, place, date, topic, trigger, evidence, and the JSON record's
//!   texts) lies inside the article text on UTF-8 character boundaries;
//! - the time resolver: any phrase against any reference time, also at the ends of the calendar;
//! - `merge`: records read back from damaged JSON Lines, merged and written in every format.
//!
//! The generator is a small deterministic one (SplitMix64) over German news vocabulary, the
//! bundled page and the corpora, with byte-level mutations (invalid UTF-8, BOMs, NULs, cuts,
//! repeats). `cargo test --release --test fuzz` runs a fixed number of cases per target;
//! `CHRONIK_FUZZ_CASES=100000 CHRONIK_FUZZ_SEED=7 cargo test --release --test fuzz` runs longer
//! with another seed. A failure prints the seed, the case and the input, for a regression test.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use chronik::document::{self, Article, InputKind};
use chronik::record::ArticleRecord;
use chronik::{DataDir, Extraction, Pipeline, Span, Tense};

/// SplitMix64: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn cases(default: usize) -> usize {
    std::env::var("CHRONIK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    std::env::var("CHRONIK_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15)
}

/// Runs `case` for every generated input; a panic or a failed check names seed, case and input.
fn fuzz(
    target: &str,
    default_cases: usize,
    mut make: impl FnMut(&mut Rng) -> Vec<u8>,
    check: impl Fn(&[u8]),
) {
    let seed = seed();
    let mut rng = Rng(seed
        ^ target
            .bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31) ^ u64::from(b)));
    let n = cases(default_cases);
    for i in 0..n {
        let input = make(&mut rng);
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| check(&input))) {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!(
                "fuzz target {target}, seed {seed}, case {i} of {n}: {message}\ninput: {:?}",
                String::from_utf8_lossy(&input)
            );
        }
    }
}

// ---- material -----------------------------------------------------------------------------

const WORDS: &[&str] = &[
    "Am",
    "am",
    "den",
    "der",
    "die",
    "das",
    "des",
    "vom",
    "bis",
    "zum",
    "im",
    "in",
    "um",
    "seit",
    "vor",
    "nach",
    "kommenden",
    "nächsten",
    "letzten",
    "vergangenen",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Montagabend",
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
    "Jan.",
    "Sept.",
    "Jahres",
    "Jahr",
    "Woche",
    "Wochen",
    "Tagen",
    "Monaten",
    "Uhr",
    "heute",
    "gestern",
    "morgen",
    "übermorgen",
    "Abend",
    "Nacht",
    "Frühjahr",
    "Sommer",
    "Quartal",
    "v. Chr.",
    "n. Chr.",
    "Jahrhundert",
    "Jahrzehnt",
    "damals",
    "zweieinhalb",
    "drei",
    "ersten",
    "31.",
    "0.",
    "32.",
    "10.",
    "1.",
    "29.",
    "2022",
    "1990",
    "99999",
    "0",
    "00",
    "0000",
    "12",
    "5",
    "10.01.2022",
    "30.02.2022",
    "32.13.2022",
    "1.1.",
    "9.30",
    "24:00",
    "10:20:28",
    "2022-01-10",
    "2022-13-45",
    "1870/71",
    "Treffen",
    "treffen",
    "trafen",
    "Gipfel",
    "Gespräche",
    "sprechen",
    "verhandeln",
    "empfängt",
    "besucht",
    "abgesagt",
    "verschoben",
    "geplant",
    "Telefonat",
    "Scholz",
    "Olaf Scholz",
    "Macron",
    "Putin",
    "Wladimir Putin",
    "Selenskyj",
    "Biden",
    "Merkel",
    "Nato",
    "NATO",
    "EU",
    "UN",
    "OSZE",
    "USA",
    "Russland",
    "Russlands",
    "russische",
    "Ukraine",
    "Frankreich",
    "Deutschland",
    "Kreml",
    "Weißen Haus",
    "Genf",
    "Paris",
    "Moskau",
    "Kiew",
    "Berlin",
    "Außenminister",
    "Präsident",
    "Präsidentin",
    "Kanzler",
    "Bundeskanzler",
    "Kremlchef",
    "frühere",
    "künftige",
    "sich",
    "mit",
    "und",
    "oder",
    "nicht",
    "wollen",
    "soll",
    "hat",
    "haben",
    "wird",
    "wurde",
    "sagte",
    "hieß es",
    "Nach ihrem Gespräch mit",
    "dpa",
    "(dpa)",
    "(AFP)",
    "WASHINGTON/MOSKAU -",
    "GENF -",
    "Peking (dpa) -",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "-",
    "–",
    "—",
    "(",
    ")",
    "/",
    "\"",
    "„",
    "“",
    "«",
    "»",
    "'",
    "’",
    "…",
    "z.B.",
    "Dr.",
    "Nr.",
    "ß",
    "ä",
    "Ö",
    "é",
    "ﬁ",
    "İ",
    "ǅ",
    "𝔄",
    "😀",
    "👩‍👩‍👧",
    "\u{200b}",
    "\u{feff}",
    "\u{0301}",
    "\u{00a0}",
    "\t",
    "\r\n",
    "&amp;",
    "<p>",
    "</p>",
    "<br/>",
    "@ dpa.de",
    "Weitere Meldungen",
    "weiterlesen...",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", " ", "", "\n", "\n\n", ", ", ". ", " - "];

fn corpus() -> &'static Vec<String> {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![std::fs::read_to_string(root.join("examples/dpa-page.txt")).unwrap()];
        let meetings = root.join("tests/corpus/meetings");
        let mut names: Vec<_> = std::fs::read_dir(&meetings)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(path).unwrap();
            texts.push(text.rsplit("---\n").next().unwrap_or(&text).to_string());
        }
        for file in ["tests/corpus/time.tsv", "tests/corpus/actors.tsv"] {
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            texts.extend(
                text.lines()
                    .filter(|l| !l.starts_with('#') && !l.is_empty())
                    .filter_map(|l| l.split('\t').next())
                    .map(str::to_string),
            );
        }
        texts
    })
}

fn words(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for _ in 0..n {
        let w: &&str = rng.pick(WORDS);
        let sep: &&str = rng.pick(SEPARATORS);
        s.push_str(w);
        s.push_str(sep);
    }
    s
}

/// German-ish text: vocabulary, corpus sentences, or both spliced.
fn text(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => {
            let n = 1 + rng.below(40);
            words(rng, n)
        }
        1 => rng.pick(corpus()).clone(),
        _ => {
            let mut s = rng.pick(corpus()).clone();
            for _ in 0..1 + rng.below(3) {
                let mut at = rng.below(s.len() + 1);
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                let n = rng.below(8);
                let w = words(rng, n);
                s.insert_str(at, &w);
            }
            s
        }
    }
}

const BYTES: &[&[u8]] = &[
    b"\xff",
    b"\xfe",
    b"\xc3",
    b"\xe2\x82",
    b"\xf0\x9f\x98",
    b"\x80",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\0",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\n",
    b"\r",
    b"\n\n",
    b"{",
    b"}",
    b"\"",
    b"\\",
    b"(",
    b")",
    b" - ",
    b".",
    b":",
];

/// Byte-level damage: invalid UTF-8, marks, cuts, repeats.
fn mutate(rng: &mut Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    for _ in 0..rng.below(6) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => {
                let b = rng.pick(BYTES);
                bytes.splice(at..at, b.iter().copied());
            }
            1 if at < bytes.len() => bytes[at] = rng.next() as u8,
            2 => {
                let end = (at + rng.below(20)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(40)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
            4 => bytes.truncate(at),
            _ => {
                let w = rng.pick(WORDS).as_bytes();
                bytes.splice(at..at, w.iter().copied());
            }
        }
    }
    bytes
}

fn day(rng: &mut Rng) -> String {
    let n = |rng: &mut Rng, max: usize| rng.below(max);
    if rng.chance(80) {
        format!(
            "{:02}.{:02}.{}",
            1 + n(rng, 28),
            1 + n(rng, 12),
            1990 + n(rng, 40)
        )
    } else {
        format!("{}.{}.{}", n(rng, 100), n(rng, 100), n(rng, 100_000))
    }
}

fn clock(rng: &mut Rng) -> String {
    if rng.chance(85) {
        format!("{:02}:{:02}", rng.below(24), rng.below(60))
    } else {
        format!("{}:{:02}", rng.below(100), rng.below(100))
    }
}

/// A news page: title, time line, body, teasers with stamps; some parts missing or broken.
fn page(rng: &mut Rng) -> Vec<u8> {
    let mut p = String::new();
    if rng.chance(70) {
        p.push_str("Politik\n\n");
    }
    let title = text(rng).replace('\n', " ");
    p.push_str(&title);
    p.push_str("\n\n");
    let time_line = format!("{} - {}:{:02}", day(rng), clock(rng), rng.below(60));
    p.push_str(&time_line);
    p.push_str("\n\n");
    if rng.chance(50) {
        p.push_str(&title);
        p.push_str(". ");
    }
    for _ in 0..1 + rng.below(3) {
        p.push_str(&text(rng));
        p.push_str("\n\n");
    }
    if rng.chance(70) {
        p.push_str("@ dpa.de\n\n");
    }
    if rng.chance(80) {
        p.push_str("Weitere Meldungen\n\n");
        for _ in 0..rng.below(5) {
            let teaser = text(rng).replace('\n', " ");
            p.push_str(&format!(
                "{teaser} ({}, {} - {}) weiterlesen...\n\n",
                rng.pick(&["Politik", "Wirtschaft", "Sport"]),
                day(rng),
                clock(rng)
            ));
        }
    }
    let bytes = p.into_bytes();
    if rng.chance(60) {
        mutate(rng, bytes)
    } else {
        bytes
    }
}

fn published(rng: &mut Rng) -> String {
    rng.pick(&[
        "2022-01-28T21:31:00+01:00",
        "2021-12-28T10:20:28+01:00",
        "2022-03-27T02:30:00",
        "2022-10-30 02:30",
        "2022-07-01",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59+14:00",
        "1941-06-22",
        "2022-02-30",
        "",
        "gestern",
        "2022-01-28T25:00:00+01:00",
    ])
    .to_string()
}

/// JSON Lines: valid articles, broken lines, blank lines, stray bytes.
fn json_lines(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    if rng.chance(10) {
        out.extend_from_slice(b"\xef\xbb\xbf");
    }
    for i in 0..1 + rng.below(6) {
        let line = match rng.below(5) {
            0 => String::new(),
            1 => "  \t".to_string(),
            _ => serde_json::json!({
                "id": if rng.chance(90) { serde_json::json!(format!("a{i}")) } else { serde_json::json!(i) },
                "published": published(rng),
                "title": text(rng),
                "text": text(rng),
            })
            .to_string(),
        };
        let mut bytes = line.into_bytes();
        if rng.chance(30) {
            bytes = mutate(rng, bytes);
        }
        out.extend_from_slice(&bytes);
        out.push(b'\n');
    }
    out
}

// ---- checks ---------------------------------------------------------------------------------

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(&DataDir::bundled()).expect("bundled data loads"))
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} {span:?} is not a span of the text ({} bytes)",
        text.len()
    );
}

/// Runs the pipeline and checks every span of every output.
fn check_article(article: &Article) {
    let text = article.text.as_str();
    let found: Extraction = pipeline().extract(article);
    if let Some(d) = article.dateline {
        check_span(text, d, "dateline");
    }
    for s in &found.sentences {
        check_span(text, *s, "sentence");
    }
    for m in &found.mentions {
        check_span(text, m.span, "mention");
    }
    for t in &found.timexes {
        check_span(text, t.span, "timex");
    }
    for d in &found.diagnostics {
        check_span(text, d.span, "diagnostic");
    }
    for e in &found.events {
        check_span(text, e.trigger, "trigger");
        check_span(text, e.evidence, "evidence");
        for p in &e.participants {
            if let Some(s) = p.span {
                check_span(text, s, "participant");
            }
        }
        if let Some(p) = &e.place {
            check_span(text, p.span, "place");
        }
        if let Some(d) = &e.date {
            check_span(text, d.span, "date");
        }
        if let Some(t) = e.topic {
            check_span(text, t, "topic");
        }
        for s in &e.support {
            check_span(text, *s, "support");
        }
    }
    let record = ArticleRecord::new(article, &found, pipeline());
    let line = serde_json::to_string(&record).expect("a record serialises");
    let back: ArticleRecord = serde_json::from_str(&line).expect("a record reads back");
    assert_eq!(back, record, "the record survives JSON");
    for t in &record.timexes {
        assert_eq!(
            text.get(t.start..t.end),
            Some(t.text.as_str()),
            "timex text"
        );
    }
    for e in &record.events {
        let ev = &e.evidence;
        let facts = ev.participant_spans.iter().map(|p| &p.span);
        let spans = [&ev.trigger, &ev.evidence]
            .into_iter()
            .chain(&ev.support)
            .chain(facts)
            .chain(&ev.date_span)
            .chain(&ev.place_span);
        for s in spans {
            assert_eq!(
                text.get(s.start..s.end),
                Some(s.text.as_str()),
                "event text"
            );
        }
    }
}

fn check_page(bytes: &[u8]) {
    let _ = InputKind::detect("page.txt", bytes);
    let mut ids = std::collections::HashSet::new();
    for article in document::read_news_page("page.txt", bytes)
        .into_iter()
        .flatten()
    {
        let at = article.input_offset;
        assert!(
            bytes
                .get(at..)
                .is_some_and(|rest| rest.starts_with(article.text.as_bytes())),
            "article {} is not the page's bytes at {at}",
            article.id
        );
        assert!(ids.insert(article.id.clone()), "id {} twice", article.id);
        check_article(&article);
    }
}

fn check_json_lines(bytes: &[u8]) {
    let _ = InputKind::detect("-", bytes);
    let results: Vec<_> = document::read_json_lines("in.jsonl", bytes).collect();
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if bytes.ends_with(b"\n") {
        lines.pop();
    }
    if let Some(first) = lines.first_mut() {
        *first = first.strip_prefix(b"\xef\xbb\xbf").unwrap_or(first);
    }
    let records = lines
        .iter()
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    let utf16 = document::check_encoding("in.jsonl", bytes).is_err();
    if utf16 {
        assert_eq!(results.len(), 1, "a UTF-16 input is one error");
    } else {
        assert_eq!(results.len(), records, "one result per record line");
    }
    for article in results.into_iter().flatten() {
        check_article(&article);
    }
}

#[test]
fn fuzz_news_pages() {
    fuzz("page", 300, page, check_page);
}

#[test]
fn fuzz_json_lines() {
    fuzz("jsonl", 300, json_lines, check_json_lines);
}

#[test]
fn fuzz_pipeline_on_text() {
    fuzz(
        "text",
        600,
        |rng| {
            let t = text(rng).into_bytes();
            if rng.chance(50) { mutate(rng, t) } else { t }
        },
        |bytes| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            for p in [
                "2022-01-28T21:31:00+01:00",
                "0001-01-01T00:00:00+00:00",
                "9999-12-31T23:59:59+00:00",
                "1941-06-22T04:00:00+02:00",
            ] {
                check_article(&Article::new("t", p.parse().unwrap(), text.clone()));
            }
            if let Ok(t) = std::str::from_utf8(bytes) {
                let published = "2022-01-28T21:31:00+01:00".parse().unwrap();
                let a = document::plain_text("plain", t.to_string(), published);
                check_article(&a);
            }
        },
    );
}

#[test]
fn fuzz_time_resolver() {
    let tagger = pipeline().time_tagger();
    fuzz(
        "time",
        1500,
        |rng| {
            let n = 1 + rng.below(5);
            let mut phrase = words(rng, n);
            if rng.chance(30) {
                phrase = String::from_utf8_lossy(&mutate(rng, phrase.into_bytes())).into_owned();
            }
            phrase.into_bytes()
        },
        |bytes| {
            let phrase = String::from_utf8_lossy(bytes);
            for reference in [
                "2022-01-28T21:31:00+01:00",
                "0001-01-01T00:00:00+00:00",
                "9999-12-31T23:59:59+00:00",
                "-0100-03-01T00:00:00+00:00",
            ] {
                let reference = chrono::DateTime::parse_from_rfc3339(reference)
                    .or_else(|_| "2022-01-28T21:31:00+01:00".parse())
                    .unwrap();
                for tense in [None, Some(Tense::Past), Some(Tense::Future)] {
                    if let Some(t) = tagger.resolve_phrase(&phrase, Some(&phrase), tense, reference)
                    {
                        assert!(!t.value.is_empty(), "an empty value for {phrase:?}");
                    }
                }
                let tags = tagger.tag(&phrase, &[Span::new(0, phrase.len())], reference);
                for t in &tags.timexes {
                    check_span(&phrase, t.span, "timex");
                }
            }
        },
    );
}

fn records() -> &'static Vec<String> {
    static LINES: OnceLock<Vec<String>> = OnceLock::new();
    LINES.get_or_init(|| {
        let page = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/dpa-page.txt"
        ))
        .unwrap();
        document::read_news_page("dpa-page.txt", &page)
            .into_iter()
            .flatten()
            .map(|a| {
                let found = pipeline().extract(&a);
                serde_json::to_string(&ArticleRecord::new(&a, &found, pipeline())).unwrap()
            })
            .collect()
    })
}

#[test]
fn fuzz_merge() {
    let parsed = std::sync::atomic::AtomicUsize::new(0);
    fuzz(
        "merge",
        300,
        |rng| {
            let mut out = Vec::new();
            for _ in 0..1 + rng.below(6) {
                // damage inside the record (odd dates, offsets, empty lists), so that most of
                // it still reads, and now and then to its bytes
                let record: &String = rng.pick(records());
                let mut value: serde_json::Value = serde_json::from_str(record).unwrap();
                damage(rng, &mut value);
                let mut line = value.to_string().into_bytes();
                if rng.chance(10) {
                    line = mutate(rng, line);
                }
                out.extend_from_slice(&line);
                out.push(b'\n');
            }
            out
        },
        |bytes| {
            let mut builder = chronik::graph::TimelineBuilder::new(pipeline().event_codes());
            for line in bytes.split(|&b| b == b'\n') {
                if let Ok(record) = serde_json::from_slice::<ArticleRecord>(line) {
                    parsed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    builder.add(&record);
                }
            }
            let graph = chronik::graph::MeetingGraph::new(builder.finish());
            let _ = chronik::export::to_timeline_json(&graph);
            let _ = chronik::export::to_dot(&graph);
            let _ = chronik::export::to_timelinejs(&graph);
            let _ = chronik::export::timelinejs_left_out(&graph);
        },
    );
    // the damage leaves records that still read: the merge is what is fuzzed
    assert!(
        parsed.into_inner() > cases(300) * 3 / 2,
        "too few records read back"
    );
}

const ODD_STRINGS: &[&str] = &[
    "",
    "BC0490",
    "99999-01-01",
    "2022-W02",
    "2022-SU",
    "2022-13-45",
    "19",
    "199",
    "2",
    "-",
    "2022-",
    "XXXX-01-10",
    "PRESENT_REF",
    "2021-12-28T10:20:28+01:00",
    "nie",
    "ä",
    "😀",
    "a/b+c",
    "<&>\"",
    "undated",
    "meeting",
    "held",
    "cancelled",
];

/// Replaces strings, numbers and lists in a record with odd ones; the shape stays a record.
fn damage(rng: &mut Rng, v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::String(s) if rng.chance(15) => *s = rng.pick(ODD_STRINGS).to_string(),
        Value::Number(n) if rng.chance(15) => {
            *n = (*rng.pick(&[0u64, 1, u64::from(u32::MAX), u64::MAX, 7])).into();
        }
        Value::Array(items) => {
            if rng.chance(10) {
                items.clear();
            } else if rng.chance(10) && !items.is_empty() {
                let copy = items[rng.below(items.len())].clone();
                items.push(copy);
            }
            for item in items {
                damage(rng, item);
            }
        }
        Value::Object(fields) => {
            for (_, field) in fields.iter_mut() {
                if rng.chance(1) {
                    *field = Value::Null;
                } else {
                    damage(rng, field);
                }
            }
        }
        _ => {}
    }
}
