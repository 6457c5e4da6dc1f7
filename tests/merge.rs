//! The cross-article merge (`graph::TimelineBuilder`): which reports become one meeting and
//! which stay apart, the status history by instant, order independence and stable ids, the
//! time it takes, and `chronik merge` against one `extract`.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chronik::document::Article;
use chronik::events::{EventKind, Status};
use chronik::graph::{Timeline, TimelineBuilder, TimelineEvent};
use chronik::record::{
    ArticleRecord, EntityRef, EventRecord, Evidence, MeetingFacts, ParticipantRecord, TextSpan,
};
use chronik::{DataDir, Pipeline};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(&DataDir::bundled()).expect("bundled gazetteers load"))
}

/// The record of an invented article, through the whole pipeline.
fn extracted(id: &str, published: &str, text: &str) -> ArticleRecord {
    let mut article = Article::new(id, published.parse().expect("RFC 3339"), text);
    article.source = Some(format!("https://example.org/{id}"));
    ArticleRecord::new(&article, &pipeline().extract(&article), pipeline())
}

fn entity(id: &str) -> EntityRef {
    EntityRef {
        id: id.into(),
        qid: None,
        name: id.into(),
        canonical: None,
        kind: None,
        in_state: None,
    }
}

fn span(text: &str) -> TextSpan {
    TextSpan {
        start: 0,
        end: text.len(),
        text: text.into(),
    }
}

/// A record of one meeting, made by hand: for statuses and times the text would not make easy.
fn report(
    id: &str,
    published: &str,
    kind: EventKind,
    status: Status,
    date: Option<&str>,
    parties: &[&str],
    place: Option<&str>,
) -> ArticleRecord {
    let event = EventRecord {
        facts: MeetingFacts {
            kind,
            status,
            date: date.map(str::to_string),
            participants: parties
                .iter()
                .map(|p| ParticipantRecord {
                    actor: entity(p),
                    open: false,
                })
                .collect(),
            place: place.map(entity),
            topic: None,
            cameo: String::new(),
            plover: String::new(),
        },
        evidence: Evidence {
            trigger: span("Treffen"),
            evidence: span("Ein Treffen."),
            support: Vec::new(),
            participant_spans: Vec::new(),
            open_spans: Vec::new(),
            date_span: None,
            place_span: None,
        },
        rules: Vec::new(),
    };
    ArticleRecord {
        id: id.into(),
        published: published.parse().expect("RFC 3339"),
        title: None,
        source: None,
        timexes: Vec::new(),
        actors: Vec::new(),
        events: vec![event],
        diagnostics: Vec::new(),
    }
}

fn merge(records: &[ArticleRecord]) -> Timeline {
    let mut builder = TimelineBuilder::new(pipeline().event_codes());
    for r in records {
        builder.add(r);
    }
    builder.finish()
}

fn parties(e: &TimelineEvent) -> Vec<&str> {
    let mut v: Vec<&str> = e
        .facts
        .participants
        .iter()
        .map(|p| p.actor.id.as_str())
        .collect();
    v.sort();
    v
}

fn summary(t: &Timeline) -> Vec<String> {
    t.events
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {} ({} sources)",
                e.facts.date.as_deref().unwrap_or("-"),
                e.facts.kind.as_str(),
                parties(e).join("+"),
                e.facts.status.as_str(),
                e.sources.len()
            )
        })
        .collect()
}

use EventKind::{Call, Meeting, Session, Talks};
use Status::{Cancelled, Held, Planned};

#[test]
fn reports_of_one_meeting_from_several_articles_become_one_event() {
    let records = [
        extracted(
            "plan",
            "2022-01-05T10:00:00+01:00",
            "Die Nato plant mit Russland für den 12. Januar ein Treffen.",
        ),
        extracted(
            "held",
            "2022-01-13T10:00:00+01:00",
            "Die Nato und Russland trafen sich am 12. Januar in Brüssel.",
        ),
    ];
    let t = merge(&records);
    assert_eq!(t.events.len(), 1, "{:#?}", summary(&t));
    let e = &t.events[0];
    assert_eq!(e.facts.status, Held);
    assert_eq!(e.facts.date.as_deref(), Some("2022-01-12"));
    assert_eq!(
        e.facts.place.as_ref().map(|p| p.id.as_str()),
        Some("bruessel")
    );
    let steps: Vec<(&str, &str)> = e
        .status_history
        .iter()
        .map(|s| (s.article.as_str(), s.status.as_str()))
        .collect();
    assert_eq!(steps, [("plan", "planned"), ("held", "held")]);
    // every source keeps its article's origin and evidence
    let origins: Vec<Option<&str>> = e.sources.iter().map(|s| s.source.as_deref()).collect();
    assert_eq!(
        origins,
        [
            Some("https://example.org/plan"),
            Some("https://example.org/held")
        ]
    );
    assert_eq!(
        e.sources[1].evidence.place_span.as_ref().unwrap().text,
        "Brüssel"
    );
}

#[test]
fn the_same_two_states_meeting_twice_in_a_month_stay_two_meetings() {
    let records = [
        report(
            "a",
            "2022-01-06T08:00:00+01:00",
            Meeting,
            Held,
            Some("2022-01-05"),
            &["frankreich", "deutschland"],
            None,
        ),
        report(
            "b",
            "2022-01-21T08:00:00+01:00",
            Meeting,
            Held,
            Some("2022-01-20"),
            &["deutschland", "frankreich"],
            None,
        ),
        // "im Januar" fits both: it joins neither
        report(
            "c",
            "2022-01-02T08:00:00+01:00",
            Meeting,
            Planned,
            Some("2022-01"),
            &["deutschland", "frankreich"],
            None,
        ),
        // undated: fits both, joins neither
        report(
            "d",
            "2022-01-22T08:00:00+01:00",
            Talks,
            Held,
            None,
            &["deutschland", "frankreich"],
            None,
        ),
    ];
    let t = merge(&records);
    assert_eq!(
        summary(&t),
        [
            // by the first day a date covers
            "2022-01 meeting deutschland+frankreich planned (1 sources)",
            "2022-01-05 meeting deutschland+frankreich held (1 sources)",
            "2022-01-20 meeting deutschland+frankreich held (1 sources)",
            "- talks deutschland+frankreich held (1 sources)",
        ]
    );
}

#[test]
fn a_coarse_or_missing_date_joins_the_one_meeting_that_fits() {
    let records = [
        report(
            "a",
            "2022-01-13T08:00:00+01:00",
            Meeting,
            Held,
            Some("2022-01-12"),
            &["nato", "russland"],
            Some("bruessel"),
        ),
        // the week of the 12th
        report(
            "b",
            "2022-01-08T08:00:00+01:00",
            Talks,
            Planned,
            Some("2022-W02"),
            &["russland", "nato"],
            None,
        ),
        // no date, one more party: shares two with the meeting
        report(
            "c",
            "2022-01-14T08:00:00+01:00",
            Talks,
            Held,
            None,
            &["nato", "russland", "usa"],
            None,
        ),
        // another week: stays apart
        report(
            "d",
            "2022-01-08T08:00:00+01:00",
            Talks,
            Planned,
            Some("2022-W05"),
            &["nato", "russland"],
            None,
        ),
    ];
    let t = merge(&records);
    assert_eq!(
        summary(&t),
        [
            "2022-01-12 talks nato+russland+usa held (3 sources)",
            "2022-W05 talks nato+russland planned (1 sources)",
        ]
    );
    let e = &t.events[0];
    // conflicting or coarser dates stay visible in the history
    let dates: Vec<Option<&str>> = e.status_history.iter().map(|s| s.date.as_deref()).collect();
    assert_eq!(dates, [Some("2022-W02"), Some("2022-01-12"), None]);
}

#[test]
fn nato_and_russia_on_the_12th_and_the_osce_on_the_13th_stay_apart() {
    let records = [
        extracted(
            "nato",
            "2022-01-05T10:00:00+01:00",
            "Die Nato plant mit Russland für den 12. Januar ein Treffen.",
        ),
        extracted(
            "osze",
            "2022-01-06T10:00:00+01:00",
            "Am 13. Januar ist ein Treffen im Rahmen des Ständigen Rats der OSZE geplant.",
        ),
        // both of them again, from a third article
        extracted(
            "beide",
            "2022-01-07T10:00:00+01:00",
            "Die Nato und Russland wollen sich am 12. Januar treffen. Am 13. Januar ist ein Treffen im Rahmen des Ständigen Rats der OSZE geplant.",
        ),
    ];
    let t = merge(&records);
    assert_eq!(
        summary(&t),
        [
            "2022-01-12 meeting nato+russland planned (2 sources)",
            "2022-01-13 session osze+osze-staendiger-rat planned (2 sources)",
        ]
    );
}

#[test]
fn calls_meetings_and_places_that_differ_stay_apart() {
    let records = [
        report(
            "a",
            "2022-03-02T08:00:00+01:00",
            Call,
            Held,
            Some("2022-03-01"),
            &["usa", "china"],
            None,
        ),
        report(
            "b",
            "2022-03-02T09:00:00+01:00",
            Meeting,
            Held,
            Some("2022-03-01"),
            &["usa", "china"],
            Some("genf"),
        ),
        report(
            "c",
            "2022-03-02T10:00:00+01:00",
            Meeting,
            Held,
            Some("2022-03-01"),
            &["usa", "china"],
            Some("wien"),
        ),
        // one shared party of two is not the same meeting
        report(
            "d",
            "2022-03-02T11:00:00+01:00",
            Meeting,
            Held,
            Some("2022-03-01"),
            &["usa", "indien"],
            Some("genf"),
        ),
        // a session of one body joins the meeting that includes it
        report(
            "e",
            "2022-03-02T12:00:00+01:00",
            Session,
            Held,
            Some("2022-03-01"),
            &["china"],
            Some("genf"),
        ),
    ];
    let t = merge(&records);
    assert_eq!(t.events.len(), 4, "{:#?}", summary(&t));
    let genf: Vec<&TimelineEvent> = t
        .events
        .iter()
        .filter(|e| e.facts.place.as_ref().is_some_and(|p| p.id == "genf"))
        .collect();
    assert_eq!(genf.len(), 2);
    assert!(
        genf.iter()
            .any(|e| parties(e) == ["china", "usa"] && e.sources.len() == 2)
    );
}

/// A report's place, given the state it lies in (the record of a city names its state).
fn placed_in(mut record: ArticleRecord, state: &str) -> ArticleRecord {
    let place = record.events[0].facts.place.as_mut().expect("a place");
    place.in_state = Some(state.into());
    record
}

#[test]
fn a_city_and_the_state_it_lies_in_are_one_place_but_two_cities_are_not() {
    let at = |id: &str, hour: u32, place: &str| {
        report(
            id,
            &format!("2022-03-02T{hour:02}:00:00+01:00"),
            Meeting,
            Held,
            Some("2022-03-01"),
            &["usa", "russland"],
            Some(place),
        )
    };
    // `in der Schweiz` first, `in Genf` later: one meeting, at the finer place
    let records = [
        at("a", 8, "schweiz"),
        placed_in(at("b", 9, "genf"), "schweiz"),
    ];
    let t = merge(&records);
    assert_eq!(t.events.len(), 1, "{:#?}", summary(&t));
    assert_eq!(t.events[0].facts.place.as_ref().unwrap().id, "genf");
    assert_eq!(t.events[0].sources.len(), 2);
    // two cities of one state are two places, and a city of another state does not agree
    let records = [
        placed_in(at("a", 8, "genf"), "schweiz"),
        placed_in(at("b", 9, "bern"), "schweiz"),
        placed_in(at("c", 10, "wien"), "oesterreich"),
        at("d", 11, "oesterreich"),
    ];
    let t = merge(&records);
    let mut places: Vec<(String, usize)> = t
        .events
        .iter()
        .map(|e| (e.facts.place.as_ref().unwrap().id.clone(), e.sources.len()))
        .collect();
    places.sort();
    assert_eq!(
        places,
        [("bern".into(), 1), ("genf".into(), 1), ("wien".into(), 2)]
    );
}

#[test]
fn an_articles_own_events_stay_apart_and_copies_of_an_article_merge() {
    let mut two = report(
        "a",
        "2022-02-02T08:00:00+01:00",
        Meeting,
        Held,
        Some("2022-02-01"),
        &["usa", "china"],
        None,
    );
    let mut second = two.events[0].clone();
    second.facts.participants.push(ParticipantRecord {
        actor: entity("japan"),
        open: false,
    });
    second.evidence.trigger.start = 20;
    two.events.push(second);
    let t = merge(&[two.clone(), two]);
    let mut events = summary(&t);
    events.sort();
    assert_eq!(
        events,
        [
            "2022-02-01 meeting china+japan+usa held (2 sources)",
            "2022-02-01 meeting china+usa held (2 sources)",
        ]
    );
}

#[test]
fn undated_reports_are_about_meetings_near_their_publication() {
    let records = [
        report(
            "a",
            "2016-10-08T08:00:00+02:00",
            Session,
            Held,
            Some("2016-10-08"),
            &["un-sicherheitsrat", "russland"],
            None,
        ),
        // the same days: joins
        report(
            "b",
            "2016-10-10T08:00:00+02:00",
            Session,
            Held,
            None,
            &["un-sicherheitsrat", "russland"],
            None,
        ),
        // years later: neither joins the dated one nor the undated one
        report(
            "c",
            "2026-03-01T08:00:00+01:00",
            Session,
            Planned,
            None,
            &["un-sicherheitsrat", "russland"],
            None,
        ),
        report(
            "d",
            "2018-04-08T08:00:00+02:00",
            Session,
            Planned,
            None,
            &["un-sicherheitsrat", "russland"],
            None,
        ),
        // two weeks after d: joins d
        report(
            "e",
            "2018-04-22T08:00:00+02:00",
            Session,
            Held,
            None,
            &["un-sicherheitsrat", "russland"],
            None,
        ),
    ];
    let t = merge(&records);
    assert_eq!(
        summary(&t),
        [
            "2016-10-08 session russland+un-sicherheitsrat held (2 sources)",
            "- session russland+un-sicherheitsrat held (2 sources)",
            "- session russland+un-sicherheitsrat planned (1 sources)",
        ]
    );
}

#[test]
fn the_status_history_is_ordered_by_instant_not_by_text() {
    // 00:00 UTC planned, 04:00 UTC cancelled written with -05:00: as text the cancellation
    // sorts first
    let records = [
        report(
            "late",
            "2022-01-09T23:00:00-05:00",
            Meeting,
            Cancelled,
            Some("2022-01-20"),
            &["usa", "russland"],
            None,
        ),
        report(
            "early",
            "2022-01-10T01:00:00+01:00",
            Meeting,
            Planned,
            Some("2022-01-20"),
            &["usa", "russland"],
            None,
        ),
    ];
    let t = merge(&records);
    let e = &t.events[0];
    assert_eq!(e.facts.status, Cancelled);
    let order: Vec<&str> = e
        .status_history
        .iter()
        .map(|s| s.article.as_str())
        .collect();
    assert_eq!(order, ["early", "late"]);
    // the codes agree with the merged status
    assert_eq!(
        (e.facts.cameo.as_str(), e.facts.plover.as_str()),
        ("125", "REJECT")
    );
    // each time keeps the offset it was written with
    assert_eq!(
        e.status_history[1].as_of.to_rfc3339(),
        "2022-01-09T23:00:00-05:00"
    );
}

#[test]
fn the_autumn_clock_change_orders_by_instant() {
    // 30 October 2022 in Berlin: 02:30 summer time (00:30 UTC) comes before 02:10 winter time
    // (01:10 UTC)
    let records = [
        report(
            "winter",
            "2022-10-30T02:10:00+01:00",
            Meeting,
            Held,
            Some("2022-10-29"),
            &["polen", "ukraine"],
            None,
        ),
        report(
            "summer",
            "2022-10-30T02:30:00+02:00",
            Meeting,
            Planned,
            Some("2022-10-29"),
            &["polen", "ukraine"],
            None,
        ),
    ];
    let e = &merge(&records).events[0];
    assert_eq!(e.facts.status, Held);
    let order: Vec<&str> = e
        .status_history
        .iter()
        .map(|s| s.article.as_str())
        .collect();
    assert_eq!(order, ["summer", "winter"]);
    assert_eq!(
        (e.facts.cameo.as_str(), e.facts.plover.as_str()),
        ("040", "CONSULT")
    );
}

#[test]
fn reports_at_the_same_instant_give_the_more_final_status() {
    let records = [
        report(
            "a",
            "2022-05-01T12:00:00+02:00",
            Meeting,
            Cancelled,
            Some("2022-05-03"),
            &["usa", "iran"],
            None,
        ),
        report(
            "b",
            "2022-05-01T10:00:00Z",
            Meeting,
            Planned,
            Some("2022-05-03"),
            &["usa", "iran"],
            None,
        ),
    ];
    for order in [[0, 1], [1, 0]] {
        let t = merge(&[records[order[0]].clone(), records[order[1]].clone()]);
        assert_eq!(t.events[0].facts.status, Cancelled);
    }
}

#[test]
fn a_plan_after_a_held_report_is_stale_but_a_plan_after_a_cancellation_reinstates() {
    let parties = ["usa", "nordkorea"];
    let held_then_planned = [
        report(
            "held",
            "2018-06-12T18:00:00+02:00",
            Meeting,
            Held,
            Some("2018-06-12"),
            &parties,
            None,
        ),
        report(
            "stale",
            "2018-06-13T08:00:00+02:00",
            Meeting,
            Planned,
            Some("2018-06-12"),
            &parties,
            None,
        ),
    ];
    let e = &merge(&held_then_planned).events[0];
    assert_eq!(e.facts.status, Held);
    assert_eq!(
        e.status_history.len(),
        2,
        "the stale report stays in the history"
    );
    let reinstated = [
        report(
            "plan",
            "2018-05-01T08:00:00+02:00",
            Meeting,
            Planned,
            Some("2018-06-12"),
            &parties,
            None,
        ),
        report(
            "off",
            "2018-05-24T08:00:00+02:00",
            Meeting,
            Cancelled,
            Some("2018-06-12"),
            &parties,
            None,
        ),
        report(
            "on",
            "2018-06-01T08:00:00+02:00",
            Meeting,
            Planned,
            Some("2018-06-12"),
            &parties,
            None,
        ),
    ];
    assert_eq!(merge(&reinstated).events[0].facts.status, Planned);
}

/// A deterministic shuffle (xorshift), so a failure can be replayed.
fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = items.to_vec();
    for i in (1..out.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.swap(i, (state % (i as u64 + 1)) as usize);
    }
    out
}

fn mixed_reports() -> Vec<ArticleRecord> {
    let mut records = vec![
        report(
            "a",
            "2022-01-06T08:00:00+01:00",
            Meeting,
            Held,
            Some("2022-01-05"),
            &["frankreich", "deutschland"],
            None,
        ),
        report(
            "b",
            "2022-01-21T08:00:00+01:00",
            Meeting,
            Held,
            Some("2022-01-20"),
            &["deutschland", "frankreich"],
            None,
        ),
        report(
            "c",
            "2022-01-02T08:00:00+01:00",
            Meeting,
            Planned,
            Some("2022-01"),
            &["deutschland", "frankreich"],
            None,
        ),
        report(
            "d",
            "2022-01-22T08:00:00+01:00",
            Talks,
            Held,
            None,
            &["deutschland", "frankreich"],
            None,
        ),
        report(
            "e",
            "2022-01-13T08:00:00+01:00",
            Meeting,
            Held,
            Some("2022-01-12"),
            &["nato", "russland"],
            Some("bruessel"),
        ),
        report(
            "f",
            "2022-01-08T08:00:00+01:00",
            Talks,
            Planned,
            Some("2022-W02"),
            &["russland", "nato"],
            None,
        ),
        report(
            "g",
            "2022-01-14T08:00:00+01:00",
            Talks,
            Held,
            None,
            &["nato", "russland", "usa"],
            None,
        ),
        report(
            "h",
            "2022-01-14T08:00:00+01:00",
            Session,
            Held,
            Some("2022-01-12"),
            &["nato"],
            None,
        ),
        report(
            "i",
            "2022-01-14T08:00:00+01:00",
            Session,
            Held,
            Some("2022-01-12"),
            &["russland"],
            None,
        ),
        report(
            "j",
            "2022-01-09T23:00:00-05:00",
            Meeting,
            Cancelled,
            Some("2022-01-20"),
            &["usa", "russland"],
            None,
        ),
        report(
            "k",
            "2022-01-10T01:00:00+01:00",
            Meeting,
            Planned,
            Some("2022-01-20"),
            &["usa", "russland"],
            None,
        ),
        report(
            "k",
            "2022-01-10T01:00:00+01:00",
            Meeting,
            Planned,
            Some("2022-01-20"),
            &["usa", "russland"],
            None,
        ),
    ];
    records.push(extracted(
        "seite",
        "2021-12-28T10:20:28+01:00",
        "Vertreter der USA und Russlands wollen am 10. Januar in Genf sprechen. Die Nato plant mit Russland für den 12. Januar ein Treffen.",
    ));
    records
}

#[test]
fn any_order_of_the_inputs_gives_the_same_timeline() {
    let records = mixed_reports();
    let expected = serde_json::to_string(&merge(&records)).unwrap();
    for seed in 1..=40 {
        let got = serde_json::to_string(&merge(&shuffled(&records, seed))).unwrap();
        assert_eq!(got, expected, "shuffle {seed} differs");
    }
}

#[test]
fn event_ids_are_stable_and_unique() {
    let t = merge(&mixed_reports());
    let mut ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    // the id hashes the merge key with FNV-1a, which no build or machine changes
    assert!(ids.contains(&"2022-01-05-f0548199f00b"), "{ids:?}");
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are unique");
}

#[test]
fn merging_is_near_linear_in_the_number_of_reports() {
    // 20,000 articles with one meeting each: on one day, the USA with 8,000 others and alone;
    // the USA and Russia on 8,000 days; undated and month-dated reports of that pair
    let mut records = Vec::new();
    let day = |i: usize| {
        let d = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(i as u64);
        d.format("%Y-%m-%d").to_string()
    };
    let published = |i: usize| format!("{}T08:00:00+01:00", day(i));
    for i in 0..8_000 {
        let other = format!("staat-{i}");
        // every fourth the USA alone, somewhere of its own
        let (parties, place) = match i % 4 {
            0 => (vec!["usa"], Some(other.as_str())),
            _ => (vec!["usa", other.as_str()], None),
        };
        records.push(report(
            &format!("s{i}"),
            "2022-01-02T08:00:00+01:00",
            Meeting,
            Held,
            Some("2022-01-01"),
            &parties,
            place,
        ));
    }
    for i in 0..8_000 {
        let date = day(i);
        records.push(report(
            &format!("p{i}"),
            &published(i + 1),
            Meeting,
            Held,
            Some(&date),
            &["usa", "russland"],
            None,
        ));
    }
    for i in 0..4_000 {
        let month = day(i * 2)[..7].to_string();
        let date = if i % 2 == 0 {
            None
        } else {
            Some(month.as_str())
        };
        records.push(report(
            &format!("u{i}"),
            &published(i * 2 + 1),
            Talks,
            Planned,
            date,
            &["russland", "usa"],
            None,
        ));
    }
    let start = Instant::now();
    let t = merge(&records);
    let took = start.elapsed();
    eprintln!("merged 20,000 reports in {took:?}");
    assert!(t.events.len() > 16_000);
    // a quadratic merge took 34 s for this many; the linear one takes a fraction of a second
    assert!(
        took < Duration::from_secs(5),
        "merging 20,000 reports took {took:?}"
    );
}

mod cli {
    use std::process::{Command, Stdio};

    fn chronik(args: &[&str], stdin: &[u8]) -> String {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_chronik"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    const ARTICLES: &str = concat!(
        r#"{"id":"x1","published":"2022-01-13T10:00:00+01:00","text":"Die Nato und Russland trafen sich am 12. Januar in Brüssel.","source":"https://example.org/x1"}"#,
        "\n",
        r#"{"id":"x2","published":"2022-01-14T09:00:00+01:00","text":"Das für Freitag geplante Treffen von Scholz und Macron wurde abgesagt.","source":"https://example.org/x2"}"#,
        "\n",
        r#"{"id":"x3","published":"2022-01-12T18:00:00+01:00","text":"Scholz und Macron wollen sich am Freitag in Paris treffen.","source":"https://example.org/x3"}"#,
        "\n",
    );

    #[test]
    fn merge_of_per_article_lines_equals_one_extract() {
        // per input, as separate Spark tasks would, then merged in another order
        let page = chronik(
            &["extract", "--format", "jsonl", "examples/dpa-page.txt"],
            b"",
        );
        let lines = chronik(&["extract", "--format", "jsonl", "-"], ARTICLES.as_bytes());
        let mut parts: Vec<&str> = page.lines().chain(lines.lines()).collect();
        parts.reverse();
        let merged_input = parts.join("\n") + "\n";
        for format in ["timeline", "dot", "timelinejs"] {
            let one = chronik(
                &["extract", "--format", format, "examples/dpa-page.txt", "-"],
                ARTICLES.as_bytes(),
            );
            let merged = chronik(&["merge", "--format", format, "-"], merged_input.as_bytes());
            assert_eq!(merged, one, "--format {format}");
        }
    }

    #[test]
    fn timeline_events_carry_every_field_of_an_article_event() {
        let lines = chronik(
            &["extract", "--format", "jsonl", "examples/dpa-page.txt", "-"],
            ARTICLES.as_bytes(),
        );
        let timeline: serde_json::Value = serde_json::from_str(&chronik(
            &[
                "extract",
                "--format",
                "timeline",
                "examples/dpa-page.txt",
                "-",
            ],
            ARTICLES.as_bytes(),
        ))
        .unwrap();
        let facts = [
            "kind",
            "status",
            "date",
            "participants",
            "place",
            "topic",
            "cameo",
            "plover",
        ];
        let evidence = [
            "trigger",
            "evidence",
            "support",
            "participant_spans",
            "open_spans",
            "date_span",
            "place_span",
        ];
        let mut article_events = 0;
        for line in lines.lines() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            for e in record["events"].as_array().unwrap() {
                article_events += 1;
                for k in facts.iter().chain(&evidence) {
                    assert!(e.get(k).is_some(), "article event without {k}: {e}");
                }
            }
        }
        assert!(article_events >= 5);
        let events = timeline["events"].as_array().unwrap();
        for e in events {
            for k in facts
                .iter()
                .chain(&["id", "date_precision", "status_history", "sources"])
            {
                assert!(e.get(k).is_some(), "timeline event without {k}: {e}");
            }
            for s in e["sources"].as_array().unwrap() {
                for k in
                    evidence
                        .iter()
                        .chain(&["article", "source", "published", "status", "date"])
                {
                    assert!(s.get(k).is_some(), "source without {k}: {s}");
                }
            }
        }
        // the Nato-Russland-Rat: the page leaves Russia's participation open and says where;
        // x1's later report that they met makes it firm
        let page: serde_json::Value = serde_json::from_str(&chronik(
            &["extract", "--format", "timeline", "examples/dpa-page.txt"],
            b"",
        ))
        .unwrap();
        let on_page = page["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| {
                e["participants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["id"] == "nato-russland-rat")
            })
            .expect("the council meets");
        let russia_on_page = on_page["participants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == "russland")
            .unwrap();
        assert_eq!(russia_on_page["open"], true);
        let council = events
            .iter()
            .find(|e| {
                e["participants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["id"] == "nato-russland-rat")
            })
            .expect("the council meets");
        let russia = council["participants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == "russland")
            .unwrap();
        assert_eq!(russia.get("open"), None, "{council}");
        assert_eq!(council["status"], "held");
        let source = &council["sources"][0];
        assert_eq!(source["open_spans"][0]["text"], "Moskau");
        let named: Vec<&str> = source["participant_spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        assert!(named.contains(&"Nato-Russland-Rat"), "{named:?}");
        assert_eq!(source["date_span"]["text"], "12. Januar");
        // the origin of every article reaches the timeline
        let x1 = events
            .iter()
            .flat_map(|e| e["sources"].as_array().unwrap())
            .find(|s| s["article"] == "x1")
            .expect("x1 reports a meeting");
        assert_eq!(x1["source"], "https://example.org/x1");
        assert_eq!(x1["place_span"]["text"], "Brüssel");
        for format in ["dot", "timelinejs"] {
            let out = chronik(&["extract", "--format", format, "-"], ARTICLES.as_bytes());
            assert!(
                out.contains("https://example.org/x1"),
                "--format {format} names no source:\n{out}"
            );
        }
    }
}
