//! News pages: each article stands on its own, so one bad article never costs the others.

use super::{messages, page, run};

const TEASERS: &[(&str, &str)] = &[
    (
        "ROM - Italien sucht weiter ein neues Staatsoberhaupt.",
        "28.01.2022 - 21:31",
    ),
    (
        "MOSKAU - Russland verhängt weitere Einreiseverbote.",
        "28.01.2022 - 21:47",
    ),
];

#[test]
fn an_impossible_main_time_line_fails_the_main_article_only() {
    for (case, time_line) in [
        ("main-31-feb", "31.02.2021 - 10:20:28"),
        ("main-hour-24", "28.12.2021 - 24:20:28"),
    ] {
        let p = page(time_line, TEASERS);
        let r = run(
            case,
            &[("page.txt", p.as_bytes())],
            &["extract", "--format", "jsonl", "page.txt"],
            b"",
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        let error = format!(
            "page.txt:5: main article page: impossible date \"{time_line}\"; article skipped"
        );
        assert_eq!(
            r.stderr,
            messages(&[&error, "1 of 3 records failed"]),
            "{case}"
        );
        assert_eq!(
            r.records(),
            [
                format!("error: {error}"),
                "page-t1".into(),
                "page-t2".into()
            ]
        );
    }
}

#[test]
fn a_teaser_with_an_impossible_stamp_fails_alone() {
    let p = page(
        "28.12.2021 - 10:20:28",
        &[TEASERS[0], ("Nur ein Titel.", "31.02.2022 - 20:45")],
    );
    let r = run(
        "teaser-stamp",
        &[("page.txt", p.as_bytes())],
        &["extract", "--format", "jsonl", "page.txt"],
        b"",
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        messages(&[
            "page.txt:15: teaser page-t2: impossible date in stamp; article skipped",
            "1 of 3 records failed"
        ])
    );
    assert_eq!(r.records()[..2], ["page", "page-t1"]);
}

#[test]
fn one_invalid_byte_fails_only_the_article_that_holds_it() {
    // main article, first teaser, and a header line outside every article
    for (case, needle, expected, ids) in [
        (
            "byte-in-main",
            "treffen sich",
            "page.txt:7: byte 74: invalid UTF-8 in main article page; article skipped",
            vec!["page-t1", "page-t2"],
        ),
        (
            "byte-in-teaser",
            "Staatsoberhaupt",
            "page.txt:13: byte 177: invalid UTF-8 in teaser page-t1; article skipped",
            vec!["page", "page-t2"],
        ),
        (
            "byte-outside",
            "Politik\n\nGipfel",
            "page.txt:1: byte 0: invalid UTF-8 outside the articles; ignored",
            vec!["page", "page-t1", "page-t2"],
        ),
    ] {
        let mut bytes = page("28.12.2021 - 10:20:28", TEASERS).into_bytes();
        let at = bytes
            .windows(needle.len())
            .position(|w| w == needle.as_bytes())
            .unwrap();
        bytes.insert(at, 0xFF);
        let r = run(
            case,
            &[("page.txt", &bytes)],
            &["extract", "--format", "jsonl", "page.txt"],
            b"",
        );
        assert_eq!(r.code, 1, "{case}: {}", r.stderr);
        let failed = if case == "byte-outside" {
            "1 of 4 records failed"
        } else {
            "1 of 3 records failed"
        };
        assert_eq!(r.stderr, messages(&[expected, failed]), "{case}");
        let good: Vec<String> = r
            .records()
            .into_iter()
            .filter(|r| !r.starts_with("error: "))
            .collect();
        assert_eq!(good, ids, "{case}");
    }
}

#[test]
fn many_invalid_bytes_in_one_article_are_one_message() {
    // Latin-1 umlauts in the first teaser: `Außenminister` would be `Au\xDFenminister`
    let mut bytes = page("28.12.2021 - 10:20:28", &[]).into_bytes();
    bytes.extend_from_slice(
        b"M\xDCNCHEN - Gespr\xE4che \xFCber Gr\xF6\xDFe. (Politik, 28.01.2022 - 21:31)\n",
    );
    let r = run(
        "latin-1-teaser",
        &[("page.txt", &bytes)],
        &["extract", "--format", "jsonl", "page.txt"],
        b"",
    );
    assert_eq!(
        r.stderr,
        messages(&[
            "page.txt:13: byte 141: invalid UTF-8 (5 places) in teaser page-t1; article skipped",
            "1 of 2 records failed"
        ])
    );
    assert_eq!(r.records()[0], "page");
}

#[test]
fn page_messages_name_the_file_and_ids_the_stem() {
    let p = page("28.12.2021 - 10:20:28", &[("Text.", "30.02.2022 - 10:00")]);
    let r = run(
        "file-name",
        &[("news/dpa.page.txt", p.as_bytes())],
        &["extract", "--format", "jsonl", "news/dpa.page.txt"],
        b"",
    );
    assert_eq!(
        r.stderr,
        messages(&[
            "news/dpa.page.txt:13: teaser dpa.page-t1: impossible date in stamp; article skipped",
            "1 of 2 records failed"
        ])
    );
    // from standard input the articles are named by `--id` (see tests/cli.rs for the default)
    let r = run(
        "stdin-page",
        &[],
        &["extract", "--format", "jsonl", "--id", "p", "-"],
        page("28.12.2021 - 10:20:28", TEASERS).as_bytes(),
    );
    assert_eq!(r.records(), ["p", "p-t1", "p-t2"]);
}

#[test]
fn a_page_without_a_time_line_is_plain_text() {
    let r = run(
        "no-time-line",
        &[("page.txt", b"Politik\n\nNur Text ohne Zeitzeile.\n")],
        &["extract", "page.txt"],
        b"",
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        messages(&[
            "page.txt: plain text needs --published (its publication time)",
            "1 of 1 records failed"
        ])
    );
}
