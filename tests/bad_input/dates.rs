//! Impossible or contradictory dates in article text get a diagnostic and no value: never a
//! neighbouring day, never the publication year in place of an impossible one.

use chronik::{DataDir, Span, TimeTagger};

/// The timex values and the diagnostics (`text: message`) of `text`, published on 28.01.2022.
fn tag(text: &str) -> (Vec<String>, Vec<String>) {
    let tagger = TimeTagger::new(&DataDir::bundled()).expect("the bundled lexicon loads");
    let published = "2022-01-28T12:00:00+01:00".parse().unwrap();
    let tags = tagger.tag(text, &[Span::new(0, text.len())], published);
    (
        tags.timexes
            .iter()
            .map(|t| format!("{}={}", t.span.text(text), t.value))
            .collect(),
        tags.diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.span.text(text), d.message))
            .collect(),
    )
}

#[test]
fn impossible_dates_have_a_diagnostic_and_no_value() {
    for (text, diagnostic) in [
        (
            "Das Treffen am 31. Februar fiel aus.",
            "31. Februar: the date 31.2. does not exist",
        ),
        (
            "Das Treffen am 30.02.2022 fiel aus.",
            "30.02.2022: the date 30.2. does not exist",
        ),
        (
            "Das Treffen am 0. März fand statt.",
            "0. März: the date 0.3. does not exist",
        ),
        (
            "Das Treffen am 32. Januar fand statt.",
            "32. Januar: the date 32.1. does not exist",
        ),
        (
            "Das Treffen am 32.01.2022 fand statt.",
            "32.01.2022: the date 32.1. does not exist",
        ),
        (
            "Das Treffen am 5. März 99999 fand statt.",
            "5. März 99999: the year 99999 cannot be a date",
        ),
        (
            "Das Treffen am 10. Januar 20222 fand statt.",
            "10. Januar 20222: the year 20222 cannot be a date",
        ),
        (
            "Das Treffen am 5.3.99999 fand statt.",
            "5.3.99999: the year 99999 cannot be a date",
        ),
        (
            "Das Treffen am 5. März 0 fand statt.",
            "5. März 0: there is no year 0",
        ),
        (
            "Das Treffen am 05.03.0000 fand statt.",
            "05.03.0000: there is no year 0",
        ),
        (
            "Das Treffen am Montag, 11. Januar 2022, fand statt.",
            "Montag, 11. Januar 2022: 11.1.2022 is a Tuesday, not a Monday",
        ),
        (
            "Das Treffen am Dienstag, den 10.01.2022 fand statt.",
            "Dienstag, den 10.01.2022: 10.1.2022 is a Monday, not a Tuesday",
        ),
    ] {
        let (values, diagnostics) = tag(text);
        assert_eq!(values, Vec::<String>::new(), "{text}");
        assert_eq!(diagnostics, [diagnostic], "{text}");
    }
}

#[test]
fn possible_dates_next_to_them_are_kept() {
    let (values, diagnostics) = tag("Am Montag, 10. Januar 2022 um 0 Uhr begann das Treffen.");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(values[0], "Montag, 10. Januar 2022=2022-01-10");
    // a count after a date is no year
    let (values, diagnostics) = tag("Am 10. Januar 2022 kamen 500 Menschen.");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(values, ["10. Januar 2022=2022-01-10"]);
}

#[test]
fn an_impossible_date_does_not_date_a_meeting() {
    use chronik::Pipeline;
    use chronik::document::Article;
    let pipeline = Pipeline::new(&DataDir::bundled()).unwrap();
    for text in [
        "Scholz und Macron wollen sich am 32. Januar in Paris treffen.",
        "Scholz und Macron wollen sich am 5. März 99999 in Paris treffen.",
        "Scholz und Macron trafen sich am Montag, 11. Januar 2022, in Paris.",
    ] {
        let article = Article::new("a", "2022-01-05T10:00:00+01:00".parse().unwrap(), text);
        let found = pipeline.extract(&article);
        assert_eq!(found.diagnostics.len(), 1, "{text}");
        for e in &found.events {
            assert_eq!(e.date, None, "{text}");
        }
    }
}
