//! Encodings: a UTF-8 byte-order mark is skipped, UTF-16 is named once, bytes that are not UTF-8
//! are named with their byte offset.

use super::{article, messages, page, run};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn with_bom(text: &str) -> Vec<u8> {
    [BOM, text.as_bytes()].concat()
}

#[test]
fn a_bom_is_skipped_in_json_lines_from_a_file_and_from_stdin() {
    let lines = format!(
        "{}\n{}\n",
        article("a", "2022-01-05T10:00:00+01:00", "Text eins."),
        article("b", "2022-01-05T10:00:00+01:00", "Text zwei.")
    );
    let bytes = with_bom(&lines);
    let r = run(
        "bom-jsonl",
        &[("a.jsonl", &bytes), ("a.json", &bytes)],
        &["extract", "--format", "jsonl", "a.jsonl", "a.json"],
        b"",
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.records(), ["a", "b", "a", "b"]);
    // on stdin the mark must not hide the `{`: JSON Lines, not one plain-text article
    let r = run(
        "bom-stdin",
        &[],
        &[
            "extract",
            "--format",
            "jsonl",
            "--published",
            "2022-01-05",
            "-",
        ],
        &bytes,
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.records(), ["a", "b"]);
}

#[test]
fn a_bom_is_skipped_in_pages_and_plain_text() {
    let p = with_bom(&page("28.12.2021 - 10:20:28", &[]));
    let r = run(
        "bom-page",
        &[("page.txt", &p)],
        &["extract", "--format", "jsonl", "page.txt"],
        b"",
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.records(), ["page"]);
    let plain = with_bom("Scholz trifft Macron am 10. Januar in Paris.");
    let r = run(
        "bom-plain",
        &[("plain.txt", &plain)],
        &[
            "extract",
            "--format",
            "jsonl",
            "--published",
            "2022-01-05",
            "plain.txt",
        ],
        b"",
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let record: serde_json::Value = serde_json::from_str(r.stdout.trim()).unwrap();
    // offsets count in the text without the mark
    assert_eq!(record["timexes"][0]["start"], 24);
    assert_eq!(record["timexes"][0]["text"], "10. Januar");
}

#[test]
fn utf16_is_named_once() {
    let text = article("a", "2022-01-05T10:00:00+01:00", "Text.")
        + "\n"
        + &article("b", "2022-01-05", "Text.")
        + "\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let le_bom = [&[0xFF, 0xFE][..], &le].concat();
    let be_bom = [&[0xFE, 0xFF][..], &be].concat();
    let r = run(
        "utf16",
        &[
            ("le-bom.jsonl", &le_bom),
            ("be-bom.txt", &be_bom),
            ("le.jsonl", &le),
            ("be.jsonl", &be),
        ],
        &[
            "extract",
            "--format",
            "jsonl",
            "le-bom.jsonl",
            "be-bom.txt",
            "le.jsonl",
            "be.jsonl",
        ],
        b"",
    );
    assert_eq!(r.code, 1);
    let hint = "chronik reads UTF-8: convert it first, e.g. with `iconv -f UTF-16 -t UTF-8`";
    assert_eq!(
        r.stderr,
        messages(&[
            &format!("le-bom.jsonl: the input is UTF-16 (little-endian); {hint}"),
            &format!("be-bom.txt: the input is UTF-16 (big-endian); {hint}"),
            &format!("le.jsonl: the input is UTF-16 (little-endian); {hint}"),
            &format!("be.jsonl: the input is UTF-16 (big-endian); {hint}"),
            "4 of 4 records failed"
        ])
    );
    // one error record per input, none per line
    assert_eq!(r.records().len(), 4);
    // the same from standard input
    let r = run(
        "utf16-stdin",
        &[],
        &["extract", "--format", "jsonl", "-"],
        &le_bom,
    );
    assert_eq!(
        r.stderr,
        messages(&[
            &format!("-: the input is UTF-16 (little-endian); {hint}"),
            "1 of 1 records failed"
        ])
    );
}

#[test]
fn invalid_utf8_names_file_and_byte() {
    let r = run(
        "invalid-plain",
        &[("bad.txt", b"Gipfel in Genf \xff\xfe und mehr")],
        &["extract", "--published", "2022-01-01", "bad.txt"],
        b"",
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        messages(&["bad.txt: byte 15: invalid UTF-8", "1 of 1 records failed"])
    );
    let mut lines = article("a", "2022-01-05", "Gut.").into_bytes();
    lines.extend_from_slice(
        b"\n{\"id\":\"b\",\"published\":\"2022-01-05\",\"text\":\"Gipfel \xC3\"}\n",
    );
    lines.extend_from_slice(article("c", "2022-01-05", "Auch gut.").as_bytes());
    let r = run(
        "invalid-jsonl",
        &[("in.jsonl", &lines)],
        &["extract", "--format", "jsonl", "in.jsonl"],
        b"",
    );
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        messages(&[
            "in.jsonl:2: invalid UTF-8 at byte 50 of the line",
            "1 of 3 records failed"
        ])
    );
    assert_eq!(
        r.records(),
        [
            "a",
            "error: in.jsonl:2: invalid UTF-8 at byte 50 of the line",
            "c"
        ]
    );
}
