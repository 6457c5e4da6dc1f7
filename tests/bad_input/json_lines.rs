//! JSON Lines: a bad line is an error naming file and line, the rest goes through, and in
//! `--format jsonl` the failed record is an error record in its place.

use super::{article, messages, run};

#[test]
fn malformed_lines_are_errors_in_their_place() {
    let good = |id: &str| article(id, "2022-01-05T10:00:00+01:00", "Text.");
    let input = [
        good("a"),
        r#"{"id":"b" "text":1}"#.into(),
        r#"{"id":"c","text":"x"}"#.into(),
        r#"{"id":"d","published":"2022-01-05","text":"x""#.into(),
        r#"{"id":[1],"published":"2022-01-05","text":"x"}"#.into(),
        r#"{"id":"e","published":"2022-02-30","text":"x"}"#.into(),
        r#"{"id":"f","published":"","text":"x"}"#.into(),
        r#"["x"]"#.into(),
        "<p>HTML-Rest</p>".into(),
        String::new(),
        "   \t".into(),
        good("g"),
        r#"{"id":"h","published":"2022-01-05","text":"abgeschnit"#.into(),
    ]
    .join("\n");
    let r = run(
        "malformed",
        &[("in.jsonl", input.as_bytes())],
        &["extract", "--format", "jsonl", "in.jsonl"],
        b"",
    );
    assert_eq!(r.code, 1);
    let errors = [
        "in.jsonl:2: not a JSON article (column 11): expected `,` or `}`",
        "in.jsonl:3: not a JSON article (column 21): missing field `published`",
        "in.jsonl:4: not a JSON article (column 45): EOF while parsing an object",
        "in.jsonl:5: \"id\" must be a string or a number, got [1]",
        "in.jsonl:6: article \"e\": \"published\" \"2022-02-30\" is not a date-time",
        "in.jsonl:7: article \"f\": \"published\" \"\" is not a date-time",
        "in.jsonl:8: not a JSON article: expected an object `{\"id\", \"published\", \"text\", ...}`",
        "in.jsonl:9: not a JSON article: expected an object `{\"id\", \"published\", \"text\", ...}`",
        "in.jsonl:13: not a JSON article (column 53): EOF while parsing a string",
    ];
    let mut expected: Vec<&str> = errors.to_vec();
    expected.push("9 of 11 records failed");
    assert_eq!(r.stderr, messages(&expected));
    // one line out per record in (blank lines are no records)
    let mut out: Vec<String> = vec!["a".into()];
    out.extend(errors[..8].iter().map(|e| format!("error: {e}")));
    out.push("g".into());
    out.push(format!("error: {}", errors[8]));
    assert_eq!(r.records(), out);
}

#[test]
fn empty_inputs_are_no_failure() {
    for (case, bytes) in [
        ("empty", &b""[..]),
        ("blank-lines", b"\n\n\r\n"),
        ("whitespace", b"  \t \n  "),
    ] {
        let r = run(
            case,
            &[("in.jsonl", bytes)],
            &["extract", "--format", "jsonl", "in.jsonl"],
            b"",
        );
        assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{case}: {}", r.stderr);
        if case == "empty" {
            assert_eq!(r.stderr, messages(&["in.jsonl: empty input, no articles"]));
        }
    }
    let r = run(
        "empty-timeline",
        &[("in.jsonl", b"")],
        &["extract", "in.jsonl"],
        b"",
    );
    assert_eq!(r.code, 0);
    assert_eq!(r.timeline()["events"], serde_json::json!([]));
}

#[test]
fn merge_reports_bad_lines_and_error_records() {
    let dir = super::case_dir("merge");
    let input = [
        article(
            "a",
            "2022-01-05T10:00:00+01:00",
            "Vertreter der USA und Russlands wollen am 10. Januar in Genf über die Ukraine sprechen.",
        ),
        "kaputt".into(),
    ]
    .join("\n");
    super::write_files(&dir, &[("in.jsonl", input.as_bytes())]);
    let extracted = super::run_in(&dir, &["extract", "--format", "jsonl", "in.jsonl"], b"");
    assert_eq!(extracted.code, 1);
    let with_junk = format!("{}{{\"id\": 1}}\n", extracted.stdout);
    let r = super::run_in(&dir, &["merge", "-"], with_junk.as_bytes());
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        messages(&[
            "-:2: a record that failed in extract: in.jsonl:2: not a JSON article: expected an object `{\"id\", \"published\", \"text\", ...}`",
            "-:3: not an article record (column 8): invalid type: integer `1`, expected a string",
            "2 of 3 records failed"
        ])
    );
    assert_eq!(r.timeline()["events"].as_array().unwrap().len(), 1);
}

#[test]
fn resolve_time_messages_do_not_repeat_serdes_position() {
    let r = run("resolve-time", &[], &["resolve-time"], b"{\"text\": }\n");
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        messages(&[
            "stdin:1: not a JSON object (column 10): expected value",
            "1 of 1 records failed"
        ])
    );
}
