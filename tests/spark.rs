//! The PySpark job of `examples/spark/` in Spark local mode gives the timeline a single
//! `chronik extract` gives (issue 14). Needs Java and `pyspark` (set `CHRONIK_PYTHON` to a Python
//! that has it; default `python3`); without them the test says so and passes, unless
//! `CHRONIK_CI=1` (`.ci/run` installs both) makes it mandatory.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The bundled news page as JSON Lines articles, then the invented ones of `tests/spark/`.
fn archive(dir: &Path) -> PathBuf {
    let page = std::fs::read("examples/dpa-page.txt").unwrap();
    let mut lines = String::new();
    for article in chronik::document::read_news_page("examples/dpa-page.txt", &page) {
        let a = article.expect("the bundled page reads cleanly");
        let json = serde_json::json!({
            "id": a.id,
            "published": a.published.to_rfc3339(),
            "title": a.title,
            "text": a.text,
            "source": a.source,
        });
        lines.push_str(&json.to_string());
        lines.push('\n');
    }
    lines.push_str(&std::fs::read_to_string("tests/spark/articles.jsonl").unwrap());
    let path = dir.join("archive.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

/// A Python with `pyspark` and a Java to run Spark on, or why there is none.
fn spark_python() -> Result<String, String> {
    let python = std::env::var("CHRONIK_PYTHON").unwrap_or_else(|_| "python3".into());
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Err("no `java`".into());
    }
    let pyspark = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output();
    match pyspark {
        Ok(o) if o.status.success() => Ok(python),
        _ => Err(format!("no `pyspark` for {python} (set CHRONIK_PYTHON)")),
    }
}

#[test]
fn the_spark_job_gives_the_single_process_timeline() {
    let python = match spark_python() {
        Ok(p) => p,
        Err(why) => {
            let ci = std::env::var("CHRONIK_CI").is_ok_and(|v| v == "1");
            assert!(!ci, "the Spark test is mandatory in CI: {why}");
            // straight to stderr, past the test harness's capture, so that a plain `cargo test` shows it
            let _ = writeln!(
                std::io::stderr(),
                "skipped: the Spark test needs Java and pyspark: {why}"
            );
            return;
        }
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spark");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let archive = archive(&dir);
    let chronik = env!("CARGO_BIN_EXE_chronik");

    let single = Command::new(chronik)
        .arg("extract")
        .arg(&archive)
        .output()
        .unwrap();
    assert_eq!(
        single.status.code(),
        Some(1),
        "the archive holds one bad line"
    );
    let single: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
    assert!(single["events"].as_array().unwrap().len() >= 5);

    let output = dir.join("timeline.json");
    let run = Command::new(&python)
        .arg("examples/spark/chronik_job.py")
        .args([
            "--master",
            "local[2]",
            "--partitions",
            "3",
            "--chronik",
            chronik,
        ])
        .arg("-o")
        .arg(&output)
        .arg(&archive)
        .env("PYSPARK_PYTHON", &python)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "the Spark job failed: {log}");
    assert!(
        log.contains("in 3 partitions, 1 failed"),
        "three partitions and the bad line counted: {log}"
    );
    let spark: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&output).unwrap()).unwrap();
    assert_eq!(spark, single);
}
