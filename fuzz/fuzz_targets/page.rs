#![no_main]
//! A news page from arbitrary bytes: no panic, and every article is the page's own bytes.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = chronik::document::InputKind::detect("page.txt", data);
    for article in chronik::document::read_news_page("page.txt", data)
        .into_iter()
        .flatten()
    {
        let rest = &data[article.input_offset..];
        assert!(rest.starts_with(article.text.as_bytes()));
    }
});
