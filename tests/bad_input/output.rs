//! `-o`: written under a temporary name and renamed at the end; never an input; never replaced
//! when an input cannot be opened; write errors name the path. `--format timelinejs` says what
//! it leaves out.

use super::{article, case_dir, messages, run, run_in, write_files};

fn lines() -> String {
    article(
        "a",
        "2022-01-05T10:00:00+01:00",
        "Scholz traf Macron am 3. Januar in Paris.",
    ) + "\n"
}

#[test]
fn an_output_that_is_also_an_input_is_refused_and_left_alone() {
    let dir = case_dir("output-is-input");
    write_files(&dir, &[("a.jsonl", lines().as_bytes())]);
    for args in [
        &["extract", "a.jsonl", "--format", "jsonl", "-o", "a.jsonl"][..],
        &["extract", "a.jsonl", "-o", "./a.jsonl"],
        &["merge", "a.jsonl", "-o", "a.jsonl"],
    ] {
        let r = run_in(&dir, args, b"");
        assert_eq!(r.code, 2, "{args:?}");
        let out = args[args.len() - 1];
        assert_eq!(
            r.stderr,
            messages(&[&format!(
                "-o {out} is also an input: write the output to another file; {out} is left as it was"
            )])
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("a.jsonl")).unwrap(),
            lines()
        );
    }
}

#[test]
fn an_input_that_cannot_be_opened_leaves_the_output_alone() {
    let dir = case_dir("missing-input");
    write_files(
        &dir,
        &[
            ("a.jsonl", lines().as_bytes()),
            ("out.json", b"old timeline"),
        ],
    );
    let r = run_in(
        &dir,
        &[
            "extract",
            "a.jsonl",
            "missing.jsonl",
            "gone.txt",
            "-o",
            "out.json",
        ],
        b"",
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        messages(&[
            "gone.txt: No such file or directory (os error 2)",
            "missing.jsonl: No such file or directory (os error 2); 2 inputs failed, out.json is left as it was",
        ])
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("out.json")).unwrap(),
        "old timeline"
    );
    // a directory stands for its files; one without any is a problem like a missing file
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    let r = run_in(
        &dir,
        &["extract", "a.jsonl", "empty", "-o", "out.json"],
        b"",
    );
    assert_eq!(
        r.stderr,
        messages(&[
            "empty: a directory without .jsonl or .ndjson or .txt files; out.json is left as it was"
        ])
    );
    // nothing is left beside the output
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.jsonl", "empty", "out.json"]);
}

#[test]
fn the_output_is_replaced_only_when_the_run_is_done() {
    let dir = case_dir("replace");
    write_files(
        &dir,
        &[
            ("a.jsonl", lines().as_bytes()),
            ("out.jsonl", b"old"),
            ("bad.jsonl", b"kaputt\n"),
        ],
    );
    // failed records do not stop the run: the output is written, the exit code says 1
    let r = run_in(
        &dir,
        &[
            "extract",
            "--format",
            "jsonl",
            "a.jsonl",
            "bad.jsonl",
            "-o",
            "out.jsonl",
        ],
        b"",
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let out = std::fs::read_to_string(dir.join("out.jsonl")).unwrap();
    assert_eq!(out.lines().count(), 2);
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .starts_with("{\"error\":\"bad.jsonl:1: ")
    );
    let names = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(names, 3, "no temporary file is left");
}

#[cfg(target_os = "linux")]
#[test]
fn write_errors_name_the_output() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let r = run(
        "write-error",
        &[("a.jsonl", lines().as_bytes())],
        &["extract", "--format", "jsonl", "a.jsonl", "-o", "/dev/full"],
        b"",
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        messages(&["-o /dev/full: No space left on device (os error 28)"])
    );
    let r = run(
        "unwritable-dir",
        &[("a.jsonl", lines().as_bytes())],
        &["extract", "a.jsonl", "-o", "no/such/dir/out.json"],
        b"",
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        messages(&["-o no/such/dir/out.json: No such file or directory (os error 2)"])
    );
}

#[test]
fn timelinejs_says_which_meetings_it_leaves_out() {
    let input = [
        article(
            "dated",
            "2022-01-05T10:00:00+01:00",
            "Vertreter der USA und Russlands wollen am 10. Januar in Genf über die Ukraine sprechen.",
        ),
        article(
            "undated",
            "2022-01-05T10:00:00+01:00",
            "Ein Treffen von Scholz und Putin ist geplant, einen Termin gibt es nicht.",
        ),
    ]
    .join("\n");
    let r = run(
        "timelinejs",
        &[("in.jsonl", input.as_bytes())],
        &["extract", "--format", "timelinejs", "in.jsonl"],
        b"",
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stderr,
        messages(&[
            "--format timelinejs leaves out 1 meeting without a year to place it (--format timeline keeps them):",
            "  undated-bc535b404822: undated",
        ])
    );
    assert_eq!(r.timeline()["events"].as_array().unwrap().len(), 1);
}
