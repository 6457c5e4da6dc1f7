#![no_main]
//! The whole pipeline on arbitrary text: no panic, every span on character boundaries inside the
//! text, and the record serialises.

use chronik::document::Article;
use chronik::record::ArticleRecord;
use chronik::{DataDir, Pipeline};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(&DataDir::bundled()).expect("bundled data"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let published = "2022-01-28T21:31:00+01:00".parse().expect("a time");
    let article = Article::new("f", published, text);
    let found = pipeline().extract(&article);
    let ok = |s: chronik::Span| text.get(s.start..s.end).is_some();
    assert!(found.sentences.iter().all(|s| ok(*s)));
    assert!(found.mentions.iter().all(|m| ok(m.span)));
    assert!(found.timexes.iter().all(|t| ok(t.span)));
    assert!(found.diagnostics.iter().all(|d| ok(d.span)));
    for e in &found.events {
        assert!(ok(e.trigger) && ok(e.evidence));
    }
    let record = ArticleRecord::new(&article, &found, pipeline());
    serde_json::to_string(&record).expect("a record serialises");
});
