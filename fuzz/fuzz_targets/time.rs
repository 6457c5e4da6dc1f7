#![no_main]
//! The time tagger and resolver on an arbitrary phrase, against ordinary and extreme reference
//! times: no panic, spans inside the phrase.

use chronik::{DataDir, Span, Tense, TimeTagger};
use libfuzzer_sys::fuzz_target;

fn tagger() -> &'static TimeTagger {
    static TAGGER: std::sync::OnceLock<TimeTagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(|| TimeTagger::new(&DataDir::bundled()).expect("bundled data"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(phrase) = std::str::from_utf8(data) else {
        return;
    };
    for reference in [
        "2022-01-28T21:31:00+01:00",
        "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+00:00",
    ] {
        let reference = chrono::DateTime::parse_from_rfc3339(reference).expect("a time");
        for tense in [None, Some(Tense::Past), Some(Tense::Future)] {
            let _ = tagger().resolve_phrase(phrase, Some(phrase), tense, reference);
        }
        let tags = tagger().tag(phrase, &[Span::new(0, phrase.len())], reference);
        for t in tags.timexes {
            assert!(phrase.get(t.span.start..t.span.end).is_some());
        }
    }
});
