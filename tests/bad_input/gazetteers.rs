//! A broken gazetteer directory is reported whole, every problem with its file and line, in one
//! run; and the shipped data passes the same check (`chronik check-data`, run by CI).

use std::path::Path;

use super::{case_dir, messages, run_in};

/// A copy of the shipped `gazetteers/` in `dir`.
fn copy_gazetteers(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_gazetteers(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn shipped() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers"))
}

/// Replaces the first occurrence of `from` in `file` under `dir`.
fn edit(dir: &Path, file: &str, from: &[u8], to: &[u8]) {
    let path = dir.join(file);
    let bytes = std::fs::read(&path).unwrap();
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{file} has {:?}", String::from_utf8_lossy(from)));
    let edited = [&bytes[..at], to, &bytes[at + from.len()..]].concat();
    std::fs::write(path, edited).unwrap();
}

#[test]
fn the_shipped_data_has_no_problems() {
    let dir = case_dir("shipped-gazetteers");
    let gazetteers = shipped().display().to_string();
    let r = run_in(&dir, &["check-data", &gazetteers], b"");
    assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{}", r.stderr);
    assert!(r.stdout.contains("no problems, 0 warnings"), "{}", r.stdout);
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let dir = case_dir("broken-gazetteers");
    let data = dir.join("data");
    copy_gazetteers(shipped(), &data);
    // a bad gender, an id that is no slug, a row with a cell too many
    edit(
        &data,
        "actors/persons.tsv",
        b"\tPutin\tm\n",
        b"\tPutin\tx\n",
    );
    edit(
        &data,
        "actors/persons.tsv",
        b"olaf-scholz\t",
        b"Olaf Scholz\t",
    );
    edit(
        &data,
        "actors/states.tsv",
        b"\nfrankreich\t",
        b"\nfrankreich\textra\t",
    );
    // a date that is not YYYY-MM-DD, and a reference to no one
    edit(
        &data,
        "roles/roles.tsv",
        b"wolodymyr-selenskyj\thead_of_state\tukraine\t2019-05-20",
        b"wolodymyr-selenskyj\thead_of_state\tukraine\t19-5-20",
    );
    edit(&data, "places/places.tsv", b"\tschweiz\t", b"\tnirgendwo\t");
    // a byte that is not UTF-8
    edit(&data, "text/common_words.tsv", b"\n", b"\n\xff");
    let r = run_in(&dir, &["check-data", "data"], b"");
    assert_eq!(r.code, 1);
    let line = |file: &str, needle: &str| {
        let text = std::fs::read(data.join(file)).unwrap();
        let at = text
            .windows(needle.len())
            .position(|w| w == needle.as_bytes())
            .unwrap();
        text[..at].iter().filter(|&&b| b == b'\n').count() + 1
    };
    let expected = [
        format!(
            "actors/states.tsv:{}: 11 cells, the header has 10",
            line("actors/states.tsv", "\nfrankreich\textra") + 1
        ),
        format!(
            "actors/persons.tsv:{}: gender \"x\" is not m or f",
            line("actors/persons.tsv", "\tPutin\tx")
        ),
        format!(
            "actors/persons.tsv:{}: id \"Olaf Scholz\" is not a lower-case ASCII slug like nato-russland-rat",
            line("actors/persons.tsv", "Olaf Scholz\t")
        ),
        format!(
            "places/places.tsv:{}: country \"nirgendwo\" is not a known id",
            line("places/places.tsv", "\tnirgendwo\t")
        ),
        format!(
            "roles/roles.tsv:{}: from \"19-5-20\" is not a date like 2022-01-10",
            line("roles/roles.tsv", "\t19-5-20")
        ),
        format!(
            "text/common_words.tsv:2: byte {}: invalid UTF-8",
            std::fs::read(data.join("text/common_words.tsv"))
                .unwrap()
                .iter()
                .position(|&b| b == 0xFF)
                .unwrap()
        ),
    ];
    // advice first (the id that is no slug is also out of order), then the problems
    assert!(
        r.stderr
            .starts_with("chronik: warning: actors/persons.tsv:")
    );
    let got: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| !l.starts_with("chronik: warning: "))
        .collect();
    for e in &expected {
        assert!(
            got.contains(&format!("chronik: {e}").as_str()),
            "missing {e:?} in\n{}",
            r.stderr
        );
    }
    // the state with the extra cell is read with its cells shifted, so its other cells are
    // reported too; each problem once, then their number
    let n = got.len() - 1;
    assert_eq!(got[n], format!("chronik: {n} problems"));
    let unique: std::collections::HashSet<&&str> = got.iter().collect();
    assert_eq!(unique.len(), got.len(), "no problem twice");
    // extract stops before reading any input, with the same report and exit code 2
    let e = run_in(&dir, &["--gazetteers", "data", "extract", "-"], b"");
    assert_eq!(e.code, 2);
    assert_eq!(e.stderr.lines().collect::<Vec<_>>(), got);
}

#[test]
fn a_missing_directory_and_missing_files_are_named() {
    let dir = case_dir("missing-gazetteers");
    let r = run_in(&dir, &["check-data", "nowhere"], b"");
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        messages(&["nowhere: No such file or directory (os error 2)"])
    );
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    let r = run_in(&dir, &["check-data", "empty"], b"");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("chronik: empty/actors/states.tsv: No such file or directory (os error 2)\n"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.lines().count() > 10, "{}", r.stderr);
}
