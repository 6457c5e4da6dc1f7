//! The bundled news page (`examples/dpa-page.txt`) end to end: articles, dates, meetings and
//! their evidence, through the library API.

use chronik::document::{Article, read_news_page};
use chronik::record::ArticleRecord;
use chronik::{DataDir, Pipeline};

fn page() -> Vec<Article> {
    let text = include_str!("../examples/dpa-page.txt");
    read_news_page("dpa-page", text)
        .into_iter()
        .map(|a| a.expect("every article of the page parses"))
        .collect()
}

fn records() -> Vec<(Article, ArticleRecord)> {
    let pipeline = Pipeline::new(&DataDir::bundled()).expect("bundled gazetteers load");
    page()
        .into_iter()
        .map(|a| {
            let r = ArticleRecord::new(&a, &pipeline.extract(&a), &pipeline);
            (a, r)
        })
        .collect()
}

fn value_of(record: &ArticleRecord, text: &str) -> Option<String> {
    record
        .timexes
        .iter()
        .find(|t| t.text == text)
        .map(|t| t.value.clone())
}

fn ids(e: &chronik::record::EventRecord) -> Vec<&str> {
    let mut v: Vec<&str> = e
        .facts
        .participants
        .iter()
        .map(|p| p.actor.id.as_str())
        .collect();
    v.sort();
    v
}

#[test]
fn page_has_main_article_and_six_teasers() {
    let articles = page();
    assert_eq!(articles.len(), 7);
    assert_eq!(
        articles[0].published.to_rfc3339(),
        "2021-12-28T10:20:28+01:00"
    );
    assert!(
        articles[0]
            .text
            .starts_with("WASHINGTON/MOSKAU - Vertreter der USA")
    );
    assert_eq!(
        articles[3].published.to_rfc3339(),
        "2022-01-28T21:31:00+01:00"
    );
    assert!(
        articles[3]
            .text
            .contains("Ein siebter Wahlgang soll am Samstag ab 9.30 Uhr")
    );
}

#[test]
fn main_article_dates() {
    let all = records();
    let main = &all[0].1;
    assert_eq!(value_of(main, "10. Januar").as_deref(), Some("2022-01-10"));
    assert_eq!(value_of(main, "Dienstag").as_deref(), Some("2021-12-28"));
    assert_eq!(
        value_of(main, "Montagabend").as_deref(),
        Some("2021-12-27TEV")
    );
    assert_eq!(
        value_of(main, "zweieinhalb Jahren").as_deref(),
        Some("P2.5Y")
    );
    assert_eq!(value_of(main, "Samstag").as_deref(), Some("2021-12-25"));
    let italy = &all[3].1;
    // `am Samstag ab 9.30 Uhr`: the clock time is resolved on the Saturday after publication
    let saturday = italy
        .timexes
        .iter()
        .find(|t| t.text.starts_with("Samstag"))
        .expect("Samstag is tagged");
    assert_eq!(saturday.value, "2022-01-29");
    let clock = italy
        .timexes
        .iter()
        .find(|t| t.text.contains("9.30 Uhr"))
        .expect("9.30 Uhr is tagged");
    assert_eq!(clock.value, "2022-01-29T09:30");
}

#[test]
fn main_article_meetings() {
    let all = records();
    let (article, main) = &all[0];
    assert_eq!(main.events.len(), 3, "{:#?}", main.events);

    let geneva = &main.events[0];
    assert_eq!(
        (geneva.facts.kind.as_str(), geneva.facts.status.as_str()),
        ("talks", "planned")
    );
    assert_eq!(geneva.facts.date.as_deref(), Some("2022-01-10"));
    assert_eq!(ids(geneva), ["russland", "usa"]);
    assert_eq!(
        geneva.facts.place.as_ref().map(|p| p.qid.as_deref()),
        Some(Some("Q71"))
    );
    assert!(
        geneva
            .facts
            .topic
            .as_deref()
            .is_some_and(|t| t.starts_with("Ukraine-Konflikt"))
    );
    assert_eq!(geneva.evidence.trigger.text, "sprechen");
    assert!(
        geneva
            .evidence
            .evidence
            .text
            .starts_with("Vertreter der USA und Russlands wollen am 10. Januar in Genf")
    );
    assert_eq!(
        &article.text[geneva.evidence.evidence.start..geneva.evidence.evidence.end],
        geneva.evidence.evidence.text
    );

    let council = &main.events[1];
    assert_eq!(
        (council.facts.kind.as_str(), council.facts.status.as_str()),
        ("session", "planned")
    );
    assert_eq!(council.facts.date.as_deref(), Some("2022-01-12"));
    assert_eq!(ids(council), ["nato", "nato-russland-rat", "russland"]);
    let russia = council
        .facts
        .participants
        .iter()
        .find(|p| p.actor.id == "russland")
        .unwrap();
    assert!(russia.open, "Moskau prüft eine Teilnahme noch");
    assert_eq!(
        council.evidence.evidence.text,
        "Die Nato plant mit Russland für den 12. Januar ein Treffen."
    );

    let osce = &main.events[2];
    assert_eq!(
        (osce.facts.kind.as_str(), osce.facts.status.as_str()),
        ("session", "planned")
    );
    assert_eq!(osce.facts.date.as_deref(), Some("2022-01-13"));
    assert_eq!(ids(osce), ["osze", "osze-staendiger-rat"]);
    assert_eq!(osce.evidence.trigger.text, "Treffen");
    assert!(osce.facts.place.is_none(), "the text names no place");
}

#[test]
fn teasers_report_no_meetings() {
    let all = records();
    for (article, record) in &all[1..] {
        assert!(
            record.events.is_empty(),
            "{}: {:#?}",
            article.id,
            record.events
        );
    }
}

#[test]
fn actors_named_in_the_main_article() {
    let all = records();
    let main = &all[0].1;
    let ids: Vec<&str> = main.actors.iter().map(|a| a.actor.id.as_str()).collect();
    for expected in [
        "usa",
        "russland",
        "ukraine",
        "nato",
        "sergej-rjabkow",
        "nato-russland-rat",
        "osze",
        "wladimir-putin",
    ] {
        assert!(ids.contains(&expected), "{expected} missing from {ids:?}");
    }
    let rjabkow = main
        .actors
        .iter()
        .find(|a| a.actor.id == "sergej-rjabkow")
        .unwrap();
    let hows: Vec<&str> = rjabkow.mentions.iter().map(|m| m.how.as_str()).collect();
    assert_eq!(hows, ["name", "surname"]);
    assert_eq!(rjabkow.actor.qid.as_deref(), Some("Q4350370"));
    // adjectives and metonymic capitals are mentions, but do not make an actor on their own
    let russland = main
        .actors
        .iter()
        .find(|a| a.actor.id == "russland")
        .unwrap();
    assert!(
        russland
            .mentions
            .iter()
            .any(|m| m.text == "russische" && m.how == "adjective")
    );
    assert!(
        russland
            .mentions
            .iter()
            .any(|m| m.text == "Moskau" && m.how == "capital")
    );
}
