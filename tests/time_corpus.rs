//! Runs `tests/corpus/time.tsv` and `tests/corpus/time_negative.tsv` through the public API and
//! reports every failing row at once.
//!
//! `time.tsv`: each phrase is resolved with `TimeTagger::resolve_phrase` (publication time, tense
//! and context from the row) and must give the row's type, value and rule id; every rule of the
//! catalogue (`chronik::time::RULES`) has at least one row, and every row's rule is in it. `time_negative.tsv`: each text
//! is tagged as one sentence and must give no timex; rows whose note starts with `impossible` must
//! also give a diagnostic. Also: the tagger never panics on garbage.

use chronik::{DataDir, Span, Tense, TimeTagger};

fn tagger() -> TimeTagger {
    TimeTagger::new(&DataDir::bundled()).expect("the bundled time lexicon loads")
}

/// The rows of a corpus file: non-comment, non-empty lines after the header, with line numbers.
fn rows(text: &str) -> Vec<(usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
        .collect()
}

#[test]
fn time_corpus() {
    let tagger = tagger();
    let text = include_str!("corpus/time.tsv");
    let mut failures = Vec::new();
    let rows = rows(text);
    assert!(rows.len() >= 300, "the corpus has {} rows", rows.len());
    for (line, cells) in &rows {
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        let (phrase, published, tense, kind, value, rule, context) = (
            cell(0),
            cell(1),
            cell(2),
            cell(3),
            cell(4),
            cell(5),
            cell(6),
        );
        let Ok(published) = chrono::DateTime::parse_from_rfc3339(published) else {
            failures.push(format!(
                "time.tsv:{line}: bad publication time {published:?}"
            ));
            continue;
        };
        let tense = match tense {
            "past" => Some(Tense::Past),
            "present" => Some(Tense::Present),
            "future" => Some(Tense::Future),
            _ => None,
        };
        let context = (!context.is_empty()).then_some(context);
        let got = tagger.resolve_phrase(phrase, context, tense, published);
        let got_pair = got
            .as_ref()
            .map(|t| (t.timex_type.as_str(), t.value.as_str(), t.rule.as_str()));
        let want = (!value.is_empty()).then_some((kind, value, rule));
        if !rule.is_empty() && !chronik::time::RULES.iter().any(|(id, _)| *id == rule) {
            failures.push(format!(
                "time.tsv:{line}: rule {rule:?} is not in the catalogue"
            ));
        }
        if got_pair != want {
            failures.push(format!(
                "time.tsv:{line}: {phrase:?}: want {want:?}, got {got_pair:?}"
            ));
        }
    }
    for (id, _) in chronik::time::RULES {
        if !rows.iter().any(|(_, cells)| cells.get(5) == Some(id)) {
            failures.push(format!("rule {id} has no example in time.tsv"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows fail:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn negative_corpus() {
    let tagger = tagger();
    let published = chrono::DateTime::parse_from_rfc3339("2022-03-15T10:00:00+01:00").unwrap();
    let mut failures = Vec::new();
    for (line, cells) in rows(include_str!("corpus/time_negative.tsv")) {
        let (text, note) = (cells[0], cells.get(1).copied().unwrap_or(""));
        let tags = tagger.tag(text, &[Span::new(0, text.len())], published);
        for t in &tags.timexes {
            failures.push(format!(
                "time_negative.tsv:{line}: {:?} found {:?} = {}",
                text,
                t.span.text(text),
                t.value
            ));
        }
        if note.starts_with("impossible") && tags.diagnostics.is_empty() {
            failures.push(format!(
                "time_negative.tsv:{line}: {text:?} gave no diagnostic"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn never_panics_on_garbage() {
    let tagger = tagger();
    let published = chrono::DateTime::parse_from_rfc3339("2022-03-15T10:00:00+01:00").unwrap();
    let mut inputs: Vec<String> = vec![
        String::new(),
        " ".into(),
        ".".into(),
        "31.".into(),
        "99.99.9999".into(),
        "0.0.0".into(),
        "am 0. Januar".into(),
        "am 32. Januar 2022".into(),
        "um 25 Uhr".into(),
        "um 24:60 Uhr".into(),
        "vor 99999999999999999999 Jahren".into(),
        "in 4294967296 Tagen".into(),
        "vor 999999999999999 Tagen und in 9999999999999 Wochen".into(),
        "vor 10001 Jahren, in 9999 Jahrtausenden, am nächsten Tag".into(),
        "im Jahr 0".into(),
        "9999 v. Chr.".into(),
        "Äpfel Übermorgen übermorgen ÜBERMORGEN Österreich ß ẞ".into(),
        "Mo. Di. Mi. Do. Fr. Sa. So.".into(),
        "1.2.3.4.5.6.7.8.9.10.11.12.13".into(),
        "---///...,,,:::".into(),
        "\u{0}\u{1}\u{7f}\u{feff}\u{200b}".into(),
        "🙂 am 10. Januar 🙂 um 9.30 Uhr 🙂".into(),
        "Montag".repeat(200),
        "am 10. ".repeat(300),
        "Jänner".into(),
        "ǅ ǈ ǋ İ ı ﬃ".into(),
    ];
    // every prefix of a dense sentence, to cut tokens at every byte
    let dense = "Am Montag, 10.01.2022, um 9.30 Uhr MEZ, seit zweieinhalb Jahren; übermorgen vom 5. bis 7. März 490 v. Chr.";
    for (i, _) in dense.char_indices() {
        inputs.push(dense[..i].to_string());
        inputs.push(dense[i..].to_string());
    }
    let extremes = [
        "0001-01-01T00:00:00-12:00",
        "9999-12-31T23:59:59+14:00",
        "2024-02-29T23:30:00+01:00",
    ]
    .map(|p| chrono::DateTime::parse_from_rfc3339(p).unwrap());
    for input in &inputs {
        for p in extremes {
            let _ = tagger.tag(input, &[Span::new(0, input.len())], p);
            let _ = tagger.resolve_phrase(input, None, None, p);
        }
        let tags = tagger.tag(input, &[Span::new(0, input.len())], published);
        for t in &tags.timexes {
            assert!(
                t.span.end <= input.len()
                    && input.is_char_boundary(t.span.start)
                    && input.is_char_boundary(t.span.end)
            );
        }
        // sentence spans that do not fit the text are tolerated too
        let _ = tagger.tag(
            input,
            &[Span::new(0, input.len() + 5), Span::new(3, 1)],
            published,
        );
        let _ = tagger.resolve_phrase(input, Some(input), None, published);
        let _ = tagger.resolve_phrase(input, None, Some(Tense::Past), published);
    }
}
