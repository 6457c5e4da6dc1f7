#![no_main]
//! JSON Lines from arbitrary bytes: no panic, and one result per non-blank line.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let results: Vec<_> = chronik::document::read_json_lines("in.jsonl", data).collect();
    if chronik::document::check_encoding("in.jsonl", data).is_err() {
        assert_eq!(results.len(), 1);
        return;
    }
    let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(results.len(), lines);
});
