//! Bad input never panics and never loses data (issue 15): every case runs the `chronik`
//! binary in a directory of its own, on the files the case writes, and checks the exit code,
//! the exact messages on stderr and what came through.
//!
//! Messages are compared whole: a user meets them in files of millions of records, so their
//! wording (the input, the line, the byte, what happened to the record) is part of the interface.

mod dates;
mod encoding;
mod gazetteers;
mod json_lines;
mod output;
mod pages;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the binary gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The JSON Lines of stdout, each as `id` or `error: <message>`.
    pub fn records(&self) -> Vec<String> {
        self.stdout
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
                match (v["id"].as_str(), v["error"].as_str()) {
                    (Some(id), _) => id.to_string(),
                    (None, Some(e)) => format!("error: {e}"),
                    _ => panic!("neither a record nor an error record: {l}"),
                }
            })
            .collect()
    }

    /// The merged timeline on stdout.
    pub fn timeline(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).expect("stdout is a JSON document")
    }
}

/// A directory for one case, empty, under Cargo's temporary directory for tests.
pub fn case_dir(case: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bad_input")
        .join(case);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a fresh directory");
    dir
}

/// Writes `files` into `dir`.
pub fn write_files(dir: &Path, files: &[(&str, &[u8])]) {
    for (name, bytes) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a directory for the file");
        }
        std::fs::write(path, bytes).expect("the file is written");
    }
}

/// Runs `chronik args` in `dir` with `stdin`.
pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronik"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    // a run that does not read stdin may close it early: that is not the case's failure
    let _ = input.write_all(stdin);
    drop(input);
    let out = child.wait_with_output().expect("the binary finishes");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "chronik panicked: {}",
        run.stderr
    );
    run
}

/// Writes `files` into a fresh directory for `case` and runs `chronik args` there.
pub fn run(case: &str, files: &[(&str, &[u8])], args: &[&str], stdin: &[u8]) -> Run {
    let dir = case_dir(case);
    write_files(&dir, files);
    run_in(&dir, args, stdin)
}

/// The lines a run is expected to print on stderr, each with the `chronik: ` prefix.
pub fn messages(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("chronik: {l}\n")).collect()
}

/// A JSON Lines article.
pub fn article(id: &str, published: &str, text: &str) -> String {
    serde_json::json!({"id": id, "published": published, "text": text}).to_string()
}

/// A small news page: a main article stamped `time_line`, and teasers with their stamps.
pub fn page(time_line: &str, teasers: &[(&str, &str)]) -> String {
    let mut p = format!(
        "Politik\n\nGipfel in Genf\n\n{time_line}\n\nGENF - Die Außenminister treffen sich am 10. Januar in Genf.\n\n@ dpa.de\n\nWeitere Meldungen\n\n"
    );
    for (text, stamp) in teasers {
        p.push_str(&format!("{text} (Politik, {stamp}) weiterlesen...\n\n"));
    }
    p
}
