//! Runs `tests/corpus/clauses.tsv` through [`ClauseParser`] and reports every failing row at
//! once, with the clauses found and their text.
//!
//! Each row is a sentence and its clauses in a compact notation (see the file's header), in the
//! order the parser gives them (outer before inner, in text order).

use chronik::clause::{Clause, ClauseKind, ClauseParser};
use chronik::{DataDir, Span};

/// The compact notation of one clause: `kind tense mood lemma [flags]`.
fn notation(c: &Clause) -> String {
    let v = &c.verbs;
    let mut s = match &c.kind {
        ClauseKind::Subordinate { conjunction } => format!("sub:{}", conjunction.replace(' ', "_")),
        k => k.as_str().to_string(),
    };
    s.push(' ');
    s.push_str(v.tense.map_or("-", |t| t.as_str()));
    s.push(' ');
    s.push_str(v.mood.as_str());
    s.push(' ');
    s.push_str(v.lemma.as_deref().unwrap_or("-"));
    if let Some(m) = &v.modal {
        s.push_str(&format!(" modal:{}:{}", m.lemma, m.tense.as_str()));
    }
    if v.voice != chronik::clause::Voice::Active {
        s.push(' ');
        s.push_str(v.voice.as_str());
    }
    if v.negated {
        s.push_str(" neg");
    }
    if c.reporting {
        s.push_str(" rep");
    }
    if let Some(p) = c.parent {
        s.push_str(&format!(" p:{p}"));
    }
    if let Some(r) = c.reported_by {
        s.push_str(&format!(" by:{r}"));
    }
    s
}

#[test]
fn clause_corpus() {
    let parser = ClauseParser::new(&DataDir::bundled()).expect("the bundled data loads");
    let text = include_str!("corpus/clauses.tsv");
    let mut failures = Vec::new();
    let mut rows = 0;
    let mut header = false;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header {
            assert_eq!(line, "sentence\tclauses", "clauses.tsv header");
            header = true;
            continue;
        }
        rows += 1;
        let (sentence, want) = line.split_once('\t').unwrap_or((line, ""));
        let clauses = parser.parse(sentence, Span::new(0, sentence.len()));
        let got: Vec<String> = clauses.iter().map(notation).collect();
        let want: Vec<&str> = want.split(" | ").map(str::trim).collect();
        if got != want {
            let detail: Vec<String> = clauses
                .iter()
                .enumerate()
                .map(|(k, c)| format!("      {k}: {:<50} {:?}", notation(c), c.span.text(sentence)))
                .collect();
            failures.push(format!(
                "clauses.tsv:{}: {sentence}\n    want: {}\n    got:  {}\n{}",
                n + 1,
                want.join(" | "),
                got.join(" | "),
                detail.join("\n")
            ));
        }
    }
    assert!(rows >= 80, "the corpus has {rows} rows");
    assert!(
        failures.is_empty(),
        "{} of {rows} sentences failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn long_sentences_are_linear() {
    let parser = ClauseParser::new(&DataDir::bundled()).unwrap();
    // one megabyte without punctuation, and one with a comma every few words
    let plain = "der Minister traf am Montag den Kollegen und sprach lange ".repeat(18_000);
    let commas = "Scholz, der Macron traf, sagte, dass er komme, ".repeat(22_000);
    for text in [plain, commas] {
        let t = std::time::Instant::now();
        let clauses = parser.parse(&text, Span::new(0, text.len()));
        assert!(!clauses.is_empty());
        assert!(
            t.elapsed().as_secs_f64() < 5.0,
            "{} bytes took {:?}",
            text.len(),
            t.elapsed()
        );
    }
}

#[test]
fn never_panics_on_odd_input() {
    let parser = ClauseParser::new(&DataDir::bundled()).unwrap();
    for text in [
        "",
        ",",
        "„",
        "“ sagte er.",
        "( ) – – ,,, ;;; ::",
        "Er sagte: „Wir kommen“, und ging – schnell – weg (sagte sie).",
        "“Wir kommen”, sagte er, „und",
        "»Ja«, sagte er. «Nein»",
        "und und und",
        "Ünïcödé, dass ß.",
    ] {
        let clauses = parser.parse(text, Span::new(0, text.len()));
        for c in &clauses {
            assert!(c.span.start <= c.span.end && c.span.end <= text.len());
            assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        }
    }
}
