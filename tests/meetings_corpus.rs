//! The meeting corpus (`tests/corpus/meetings/*.txt`): short German news articles written for
//! chronik, each with the meetings a careful annotator finds in it (`# expect:` lines, format in
//! `tests/corpus/meetings/README.md`). The driver runs the whole pipeline over every article,
//! writes each event in the same canonical line form and compares the multisets.
//!
//! Every mismatching file is listed (expected and produced lines) before the test fails. Files
//! whose name starts with `known-failure-` run and print too, but do not fail the test: they
//! document limits of the extractor's logic.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use chronik::document::Article;
use chronik::events::Event;
use chronik::{DataDir, Extraction, Pipeline};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/meetings");
const MIN_FILES: usize = 25;
const KNOWN_FAILURE: &str = "known-failure-";

/// One corpus file, parsed.
struct Case {
    name: String,
    published: chrono::DateTime<chrono::FixedOffset>,
    expected: Vec<String>,
    text: String,
}

/// Parses a corpus file; format errors name the file and line.
fn parse(name: &str, content: &str) -> Result<Case, String> {
    let mut published = None;
    let mut about = false;
    let mut expected = Vec::new();
    let mut none = false;
    let mut body = None;
    let mut offset = 0;
    for (i, line) in content.split_inclusive('\n').enumerate() {
        let line_no = i + 1;
        let trimmed = line.trim_end_matches(['\n', '\r']);
        offset += line.len();
        if trimmed == "---" {
            body = Some(&content[offset..]);
            break;
        }
        let Some(header) = trimmed.strip_prefix("# ") else {
            return Err(format!(
                "{name}:{line_no}: header lines start with `# `, the body after `---`"
            ));
        };
        let (key, value) = header
            .split_once(':')
            .ok_or_else(|| format!("{name}:{line_no}: `# key: value` expected"))?;
        let value = value.trim();
        match key {
            "published" => {
                let p = chrono::DateTime::parse_from_rfc3339(value)
                    .map_err(|e| format!("{name}:{line_no}: published {value:?}: {e}"))?;
                published = Some(p);
            }
            "about" => about = !value.is_empty(),
            "expect" if value == "none" => none = true,
            "expect" => expected.push(canonical_expectation(name, line_no, value)?),
            other => return Err(format!("{name}:{line_no}: unknown header {other:?}")),
        }
    }
    let body = body.ok_or_else(|| format!("{name}: no `---` line before the article"))?;
    let published = published.ok_or_else(|| format!("{name}: no `# published:` line"))?;
    if !about {
        return Err(format!("{name}: no `# about:` line"));
    }
    if none && !expected.is_empty() {
        return Err(format!(
            "{name}: `# expect: none` together with other expectations"
        ));
    }
    if !none && expected.is_empty() {
        return Err(format!(
            "{name}: no `# expect:` line (write `# expect: none` for a negative)"
        ));
    }
    if body.trim().is_empty() {
        return Err(format!("{name}: empty article"));
    }
    expected.sort();
    Ok(Case {
        name: name.to_string(),
        published,
        expected,
        text: body.trim_end().to_string(),
    })
}

/// Checks an expectation's shape (kind, status, date, sorted ids, optional place) and returns it
/// in canonical form.
fn canonical_expectation(name: &str, line_no: usize, value: &str) -> Result<String, String> {
    let fields: Vec<&str> = value.split_whitespace().collect();
    let err = |why: &str| format!("{name}:{line_no}: expectation {value:?}: {why}");
    if !(4..=5).contains(&fields.len()) {
        return Err(err("want `kind status date ids [@place]`"));
    }
    if chronik::events::EventKind::parse(fields[0]).is_none() {
        return Err(err("unknown kind"));
    }
    if chronik::events::Status::parse(fields[1]).is_none() {
        return Err(err("unknown status"));
    }
    let ids: Vec<&str> = fields[3]
        .split('+')
        .map(|i| i.strip_suffix('?').unwrap_or(i))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    if ids != sorted || ids.iter().any(|i| i.is_empty()) {
        return Err(err("participant ids must be sorted and joined by `+`"));
    }
    if let Some(place) = fields.get(4)
        && !place.starts_with('@')
    {
        return Err(err("the place is written `@id`"));
    }
    Ok(fields.join(" "))
}

/// An event in the canonical line form: `kind status date ids [@place]`; a participant whose
/// participation is still open carries a `?`. A person the gazetteer does not know has the id
/// of the JSON output (`unresolved-abbas-kamel`).
fn canonical_event(pipeline: &Pipeline, extraction: &Extraction, event: &Event) -> String {
    let g = pipeline.gazetteer();
    let mut ids: Vec<(String, bool)> = event
        .participants
        .iter()
        .map(|p| {
            let id = match p.actor.unresolved_index() {
                Some(i) => chronik::record::unresolved_ref(&extraction.unresolved[i]).id,
                None => g.actor(p.actor).id.clone(),
            };
            (id, p.open.is_some())
        })
        .collect();
    ids.sort_unstable();
    let ids: Vec<String> = ids
        .into_iter()
        .map(|(id, open)| if open { format!("{id}?") } else { id })
        .collect();
    let ids = if ids.is_empty() {
        "-".to_string()
    } else {
        ids.join("+")
    };
    let date = event.date.as_ref().map_or("-", |d| d.value.as_str());
    let mut line = format!(
        "{} {} {date} {ids}",
        kind_name(event),
        event.status.as_str()
    );
    if let Some(place) = event.place {
        let _ = write!(line, " @{}", g.place(place.place).id);
    }
    line
}

fn kind_name(event: &Event) -> &'static str {
    use chronik::events::EventKind::*;
    match event.kind {
        Meeting => "meeting",
        Talks => "talks",
        Summit => "summit",
        Call => "call",
        Session => "session",
        Visit => "visit",
    }
}

fn cases() -> Vec<Case> {
    let mut paths: Vec<_> = std::fs::read_dir(DIR)
        .unwrap_or_else(|e| panic!("{DIR}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut errors = Vec::new();
    let mut cases = Vec::new();
    for path in paths {
        let name = file_name(&path);
        let content = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        match parse(&name, &content) {
            Ok(case) => cases.push(case),
            Err(e) => errors.push(e),
        }
    }
    assert!(
        errors.is_empty(),
        "malformed corpus files:\n{}",
        errors.join("\n")
    );
    cases
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The lines only one side has, with their counts: (missing, extra).
fn difference(expected: &[String], produced: &[String]) -> (Vec<String>, Vec<String>) {
    let mut count: BTreeMap<&str, i32> = BTreeMap::new();
    for e in expected {
        *count.entry(e).or_default() += 1;
    }
    for p in produced {
        *count.entry(p).or_default() -= 1;
    }
    let mut missing = Vec::new();
    let mut extra = Vec::new();
    for (line, n) in count {
        for _ in 0..n.max(0) {
            missing.push(line.to_string());
        }
        for _ in 0..(-n).max(0) {
            extra.push(line.to_string());
        }
    }
    (missing, extra)
}

#[test]
fn meetings_corpus() {
    let pipeline = Pipeline::new(&DataDir::bundled()).expect("bundled gazetteers load");
    let cases = cases();
    assert!(
        cases.len() >= MIN_FILES,
        "{} corpus files, want at least {MIN_FILES}",
        cases.len()
    );
    let mut failures = String::new();
    let mut known = String::new();
    let (mut passed, mut known_failing, mut known_passing) = (0, 0, 0);
    for case in &cases {
        let article = Article::new(case.name.as_str(), case.published, case.text.as_str());
        let extraction = pipeline.extract(&article);
        let mut produced: Vec<String> = extraction
            .events
            .iter()
            .map(|e| canonical_event(&pipeline, &extraction, e))
            .collect();
        produced.sort();
        let is_known = case.name.starts_with(KNOWN_FAILURE);
        if produced == case.expected {
            if is_known {
                known_passing += 1;
                let _ = writeln!(
                    known,
                    "{}: now passes; drop the `{KNOWN_FAILURE}` prefix",
                    case.name
                );
            } else {
                passed += 1;
            }
            continue;
        }
        let (missing, extra) = difference(&case.expected, &produced);
        let mut report = format!("{}\n", case.name);
        let none = || vec!["none".to_string()];
        let show = |lines: &[String]| {
            if lines.is_empty() {
                none()
            } else {
                lines.to_vec()
            }
        };
        for line in show(&case.expected) {
            let _ = writeln!(report, "  expected  {line}");
        }
        for line in show(&produced) {
            let _ = writeln!(report, "  produced  {line}");
        }
        for line in &missing {
            let _ = writeln!(report, "  - missing {line}");
        }
        for line in &extra {
            let _ = writeln!(report, "  + extra   {line}");
        }
        if is_known {
            known_failing += 1;
            known.push_str(&report);
        } else {
            failures.push_str(&report);
        }
    }
    let failing = cases.len() - passed - known_failing - known_passing;
    println!(
        "meetings corpus: {} files, {passed} pass, {failing} fail, {known_failing} known failures ({known_passing} of them now pass)",
        cases.len()
    );
    if !known.is_empty() {
        println!("known failures (not counted):\n{known}");
    }
    assert!(
        failures.is_empty(),
        "{failing} corpus files do not match:\n{failures}"
    );
}
