//! The `chronik` binary: formats, bad input, exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn chronik(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronik"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("chronik-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn bundled_page_as_timeline() {
    let (code, out, err) = chronik(&["extract", "examples/dpa-page.txt"], b"");
    assert_eq!(code, 0, "{err}");
    let timeline: serde_json::Value = serde_json::from_str(&out).unwrap();
    let dates: Vec<&str> = timeline["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect();
    assert_eq!(dates, ["2022-01-10", "2022-01-12", "2022-01-13"]);
}

#[test]
fn bad_json_lines_are_reported_and_the_rest_goes_through() {
    let input = b"{\"id\":\"a\",\"published\":\"2022-01-05T10:00:00+01:00\",\"text\":\"Die Nato plant mit Russland f\xc3\xbcr den 12. Januar ein Treffen.\"}\n{\"id\": \"b\", kaputt\n\xff\xfe\n{\"id\":\"c\",\"published\":\"2022-01-05\",\"text\":\"\"}\n";
    let (code, out, err) = chronik(&["extract", "--format", "jsonl", "-"], input);
    assert_eq!(code, 1, "some records failed");
    assert!(err.contains("-:2: not a JSON article"), "{err}");
    assert!(err.contains("-:3: invalid UTF-8"), "{err}");
    // one line out per record in: the failed ones as error records in their place
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            let v = serde_json::from_str::<serde_json::Value>(l).unwrap();
            match v["id"].as_str() {
                Some(id) => id.to_string(),
                None => v["error"]
                    .as_str()
                    .unwrap()
                    .split(' ')
                    .next()
                    .unwrap()
                    .to_string(),
            }
        })
        .collect();
    assert_eq!(ids, ["a", "-:2:", "-:3:", "c"]);
}

#[test]
fn plain_text_needs_a_publication_time() {
    let path = temp_file(
        "plain.txt",
        "Merkel trifft Macron am Montag in Paris.".as_bytes(),
    );
    let p = path.to_str().unwrap();
    let (code, _, err) = chronik(&["extract", p], b"");
    assert_eq!(code, 1);
    assert!(err.contains("needs --published"), "{err}");
    let (code, out, err) = chronik(
        &[
            "extract",
            "--format",
            "jsonl",
            "--published",
            "2019-03-20T12:00:00+01:00",
            p,
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"id\":\"plain\""));
}

#[test]
fn invalid_utf8_file_is_named_with_its_byte() {
    let path = temp_file("bad.txt", b"Gipfel in Genf \xff\xfe");
    let (code, _, err) = chronik(
        &[
            "extract",
            "--published",
            "2022-01-01",
            path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 1);
    assert!(err.contains("bad.txt: byte 15: invalid UTF-8"), "{err}");
}

#[test]
fn empty_input_gives_an_empty_timeline() {
    let (code, out, err) = chronik(&["extract", "--format", "jsonl", "-"], b"");
    assert_eq!(
        (code, out.as_str()),
        (0, ""),
        "an empty partition is not a failure"
    );
    assert!(err.contains("-: empty input"), "{err}");
}

#[test]
fn merge_reads_back_what_extract_wrote() {
    let (_, lines, _) = chronik(
        &["extract", "--format", "jsonl", "examples/dpa-page.txt"],
        b"",
    );
    let (code, out, err) = chronik(&["merge", "-"], lines.as_bytes());
    assert_eq!(code, 0, "{err}");
    let timeline: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(timeline["events"].as_array().unwrap().len(), 3);
}

#[test]
fn resolve_time_adds_value_and_type() {
    let input = b"{\"text\": \"10. Januar\", \"ref\": \"2021-12-28T10:20:28+01:00\", \"tense\": \"future\"}\nnot json\n";
    let (code, out, err) = chronik(&["resolve-time"], input);
    assert_eq!(code, 1, "the bad line counts as failed: {err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one output line per input line, in order");
    assert_eq!(lines[0]["value"], "2022-01-10");
    assert_eq!(lines[0]["type"], "DATE");
    assert!(lines[1]["value"].is_null());
}

#[test]
fn timelinejs_has_one_slide_per_dated_meeting() {
    let (code, out, err) = chronik(
        &["extract", "--format", "timelinejs", "examples/dpa-page.txt"],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let slides = doc["events"].as_array().unwrap();
    let days: Vec<&str> = slides
        .iter()
        .map(|s| s["start_date"]["day"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["10", "12", "13"]);
    assert_eq!(slides[0]["start_date"]["year"], "2022");
    assert!(
        slides[0]["text"]["headline"]
            .as_str()
            .unwrap()
            .contains("Genf")
    );
}
