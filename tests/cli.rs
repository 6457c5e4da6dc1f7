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
    // fed from a thread: a run that writes much before it has read all cannot block the test
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        // a run that does not read stdin may close it early: not the test's failure
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
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

/// A fresh, empty directory for one test under Cargo's temporary directory for tests.
fn case_dir(case: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(case);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `n` JSON Lines articles `a0`, `a1`, ... about a meeting.
fn articles(n: usize) -> String {
    (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("a{i}"),
                "published": "2022-01-05T10:00:00+01:00",
                "text": "Scholz traf Macron am 3. Januar in Paris. Die Außenminister wollen sich am 10. Januar in Genf treffen.",
            })
            .to_string()
                + "\n"
        })
        .collect()
}

/// The `id` of every JSON Lines record, or `error` for an error record.
fn record_ids(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            match v["id"].as_str() {
                Some(id) => id.to_string(),
                None => {
                    assert!(v["error"].is_string(), "neither record nor error: {l}");
                    "error".to_string()
                }
            }
        })
        .collect()
}

#[test]
fn a_directory_is_read_recursively_in_sorted_path_order() {
    let dir = case_dir("directory");
    let archive = dir.join("archive");
    std::fs::create_dir_all(archive.join("2022/01")).unwrap();
    std::fs::create_dir_all(archive.join(".cache")).unwrap();
    std::fs::copy("examples/dpa-page.txt", archive.join("2022/01/page.txt")).unwrap();
    std::fs::write(archive.join("2022/b.jsonl"), articles(1).replace("a0", "b")).unwrap();
    std::fs::write(archive.join("a.jsonl"), articles(2)).unwrap();
    std::fs::write(archive.join("notes.md"), "not an input").unwrap();
    std::fs::write(archive.join(".cache/x.jsonl"), "hidden").unwrap();
    let archive = archive.to_str().unwrap();
    let (code, out, err) = chronik(&["extract", "--format", "jsonl", archive, "-"], b"");
    assert_eq!(code, 0, "{err}");
    let ids = record_ids(&out);
    assert_eq!(
        ids[..5],
        [
            "2022/01/page",
            "2022/01/page-t1",
            "2022/01/page-t2",
            "2022/01/page-t3",
            "2022/01/page-t4"
        ]
    );
    assert_eq!(ids[ids.len() - 3..], ["b", "a0", "a1"]);
    // errors name the file found in the directory
    std::fs::write(dir.join("archive/c.txt"), "Nur Text.").unwrap();
    let (code, _, err) = chronik(&["extract", archive], b"");
    assert_eq!(code, 1);
    assert!(
        err.contains("archive/c.txt: plain text needs --published"),
        "{err}"
    );
    // merge reads the records of a directory
    let records = dir.join("records");
    std::fs::create_dir_all(&records).unwrap();
    std::fs::write(records.join("part-0.jsonl"), &out).unwrap();
    std::fs::write(records.join("notes.txt"), "not records").unwrap();
    let (code, merged, err) = chronik(&["merge", records.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{err}");
    assert_eq!(merged, chronik(&["merge", "-"], out.as_bytes()).1);
    // a directory without anything to read stops the run
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let (code, _, err) = chronik(&["extract", empty.to_str().unwrap()], b"");
    assert_eq!(code, 2);
    assert!(
        err.contains("a directory without .jsonl or .ndjson or .txt files"),
        "{err}"
    );
}

#[test]
fn progress_is_drawn_on_a_terminal_only() {
    let dir = case_dir("progress");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, articles(40)).unwrap();
    let input = input.to_str().unwrap();
    let out = dir.join("out.jsonl");
    let out = out.to_str().unwrap();
    // stderr is a pipe here: no progress, nothing on stderr for a clean run
    let (code, _, err) = chronik(&["extract", "--format", "jsonl", input, "-o", out], b"");
    assert_eq!((code, err.as_str()), (0, ""));
    // on a terminal (util-linux `script` gives the run one): articles, bytes and failures
    let command = format!(
        "{} extract --format jsonl {input} -o {out}",
        env!("CARGO_BIN_EXE_chronik")
    );
    let run = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output();
    let Ok(run) = run else {
        let ci = std::env::var("CHRONIK_CI").is_ok_and(|v| v == "1");
        assert!(!ci, "`script` (util-linux) is needed for this test in CI");
        // straight to stderr, past the test harness's capture, so that a plain `cargo test` shows it
        let _ = writeln!(
            std::io::stderr(),
            "skipped: no `script` (util-linux) to give chronik a terminal"
        );
        return;
    };
    let terminal = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{terminal}");
    assert!(terminal.contains("40 articles, 0 failed"), "{terminal:?}");
    assert!(terminal.contains("B/s"), "bytes per second: {terminal:?}");
}

#[test]
fn an_output_is_kept_when_every_record_fails() {
    let dir = case_dir("all-failed");
    let out = dir.join("timeline.json");
    std::fs::write(&out, "the old timeline").unwrap();
    let bad = dir.join("bad.jsonl");
    std::fs::write(
        &bad,
        "kaputt
{\"id\": 1}
",
    )
    .unwrap();
    let (bad, out_name) = (bad.to_str().unwrap(), out.to_str().unwrap());
    for args in [
        &["extract", bad, "-o", out_name][..],
        &["extract", "--format", "jsonl", bad, "-o", out_name],
        &["merge", bad, "-o", out_name],
    ] {
        let (code, _, err) = chronik(args, b"");
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.ends_with(&format!(
                "chronik: no article came through (2 records failed); {out_name} is left as it was\n"
            )),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "the old timeline");
    }
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        2,
        "no temporary file left"
    );
    // an empty input is no failure: the empty timeline replaces the file
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let (code, _, _) = chronik(&["extract", empty.to_str().unwrap(), "-o", out_name], b"");
    assert_eq!(code, 0);
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "the old timeline");
}

#[test]
fn an_only_input_that_is_missing_exits_2() {
    for command in ["extract", "merge"] {
        let (code, out, err) = chronik(&[command, "no-such-input.jsonl"], b"");
        assert_eq!((code, out.as_str()), (2, ""), "{command}");
        assert_eq!(
            err,
            "chronik: no-such-input.jsonl: No such file or directory (os error 2); nothing was written\n"
        );
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    for command in ["extract", "resolve-time"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_chronik"))
            .args(if command == "extract" {
                &["extract", "--format", "jsonl", "-"][..]
            } else {
                &["resolve-time"]
            })
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // far more output than a pipe holds, so chronik is still writing when the reader goes
        let input = if command == "extract" {
            articles(3000)
        } else {
            "{\"text\": \"am Montag\", \"ref\": \"2022-01-05T10:00:00+01:00\"}\n".repeat(200_000)
        };
        let mut stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            // chronik stops reading when its reader has gone
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
        assert!(first.starts_with('{'), "{first}");
        drop(stdout); // what `| head -1` does
        let out = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        assert_eq!(out.status.code(), Some(0), "{command}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{command}");
    }
}

#[test]
fn a_page_on_stdin_is_named_by_id_or_by_its_content() {
    let page = std::fs::read("examples/dpa-page.txt").unwrap();
    let ids = |args: &[&str], input: &[u8]| {
        let mut all = vec!["extract", "--format", "jsonl"];
        all.extend_from_slice(args);
        let (code, out, err) = chronik(&all, input);
        assert_eq!(code, 0, "{err}");
        record_ids(&out)
    };
    let first = ids(&["-"], &page);
    // the same bytes get the same id in every run (and every Spark partition) ...
    assert_eq!(first, ids(&["-"], &page));
    assert!(
        first[0].starts_with("stdin-") && first[0].len() == 22,
        "{first:?}"
    );
    assert_eq!(first[1], format!("{}-t1", first[0]));
    // ... other bytes another one
    let mut other = page.clone();
    other.extend_from_slice(
        b"
",
    );
    assert_ne!(ids(&["-"], &other)[0], first[0]);
    // and --id names it
    assert_eq!(
        ids(&["--id", "dpa-2021-12-28", "-"], &page)[..2],
        ["dpa-2021-12-28", "dpa-2021-12-28-t1"]
    );
    let text = "Scholz traf Macron am 3. Januar in Paris.";
    assert_eq!(
        ids(
            &["--published", "2022-01-05", "--id", "n1", "-"],
            text.as_bytes()
        ),
        ["n1"]
    );
    let (code, _, err) = chronik(&["extract", "--id", "x", "examples/dpa-page.txt"], b"");
    assert_eq!(code, 2);
    assert!(
        err.contains("--id names the page or text read from standard input"),
        "{err}"
    );
}

#[test]
fn json_lines_stream_one_line_out_per_line_in() {
    // more lines than a batch, with bad lines and blank lines in between
    let mut input = String::new();
    let mut expected = Vec::new();
    for (i, line) in articles(1100).lines().enumerate() {
        match i % 97 {
            5 => {
                input.push_str("{\"id\": \"kaputt\n");
                expected.push("error".to_string());
            }
            6 => input.push_str("\n  \n"),
            7 => {
                input.push_str("{\"id\":\"x\",\"published\":\"nie\",\"text\":\"\"}\n");
                expected.push("error".to_string());
            }
            _ => {}
        }
        input.push_str(line);
        input.push('\n');
        expected.push(format!("a{i}"));
    }
    let (code, out, err) = chronik(
        &["extract", "--format", "jsonl", "--jobs", "3", "-"],
        input.as_bytes(),
    );
    assert_eq!(code, 1, "bad lines count as failed");
    assert_eq!(
        err.lines().count(),
        12 * 2 + 1,
        "one message per bad line and a summary: {err}"
    );
    assert_eq!(record_ids(&out), expected);
}

#[test]
fn the_code_is_dual_licensed() {
    assert_eq!(env!("CARGO_PKG_LICENSE"), "MIT OR Apache-2.0");
    let mit = std::fs::read_to_string("LICENSE-MIT").unwrap();
    assert!(mit.starts_with("MIT License") || mit.contains("Permission is hereby granted"));
    let apache = std::fs::read_to_string("LICENSE-APACHE").unwrap();
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0"));
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("LICENSE-MIT") && readme.contains("LICENSE-APACHE"));
    let gazetteers = std::fs::read_to_string("gazetteers/README.md").unwrap();
    // the data keep licences of their own
    assert!(gazetteers.contains("CC0 1.0") && gazetteers.contains("LICENSES.md"));
}
