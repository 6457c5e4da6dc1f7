//! The questions of `chronik::analysis` over a small set of reports whose answers are known:
//! a meeting planned then held, a second held meeting of the same pair, a cancelled one, a body
//! meeting with its parent organisation and a third state, and talks planned for a week.

use chronik::Pipeline;
use chronik::analysis::Meetings;
use chronik::document::Article;
use chronik::events::Status;
use chronik::time::DateInterval;

const REPORTS: &[(&str, &str, &str)] = &[
    (
        "a1",
        "2022-01-05T10:00:00+01:00",
        "Die Nato plant mit Russland für den 12. Januar ein Treffen.",
    ),
    (
        "a2",
        "2022-01-13T10:00:00+01:00",
        "Die Nato und Russland trafen sich am 12. Januar in Brüssel.",
    ),
    (
        "a3",
        "2022-02-20T10:00:00+01:00",
        "Die Nato und Russland trafen sich am Freitag in Brüssel.",
    ),
    (
        "a4",
        "2022-03-01T10:00:00+01:00",
        "Das für den 10. März geplante Treffen zwischen der Nato und Russland wurde abgesagt.",
    ),
    (
        "a5",
        "2022-01-20T10:00:00+01:00",
        "Der UN-Sicherheitsrat und die Vereinten Nationen berieten am Mittwoch mit der Ukraine in New York.",
    ),
    (
        "a6",
        "2022-01-26T10:00:00+01:00",
        "Frankreich und Deutschland wollen in der kommenden Woche in Paris Gespräche führen.",
    ),
];

fn meetings() -> Meetings {
    let pipeline = Pipeline::bundled().unwrap();
    // a reversed input order gives the same answers: the merge does not depend on it
    let articles: Vec<Article> = REPORTS
        .iter()
        .rev()
        .map(|(id, published, text)| Article::new(*id, published.parse().unwrap(), *text))
        .collect();
    pipeline.meetings(&articles)
}

fn dates<'a>(events: impl Iterator<Item = &'a chronik::graph::TimelineEvent>) -> Vec<String> {
    events
        .map(|e| e.facts.date.clone().unwrap_or_default())
        .collect()
}

#[test]
fn events_in_date_order_of_actors_pairs_places_and_periods() {
    let m = meetings();
    assert_eq!(
        dates(m.events()),
        [
            "2022-01-12",
            "2022-01-19",
            "2022-W05",
            "2022-02-18",
            "2022-03-10"
        ]
    );
    assert_eq!(
        dates(m.events_of("russland")),
        ["2022-01-12", "2022-02-18", "2022-03-10"]
    );
    assert_eq!(dates(m.events_of("Q159")), dates(m.events_of("russland")));
    assert_eq!(
        dates(m.events_of_pair("russland", "nato")),
        dates(m.events_of("russland"))
    );
    assert_eq!(m.events_of_pair("russland", "ukraine").count(), 0);
    assert_eq!(m.events_of("nobody").count(), 0);
    assert_eq!(dates(m.events_at("bruessel")), ["2022-01-12", "2022-02-18"]);
    assert_eq!(dates(m.events_at("New York")), ["2022-01-19"]);
    // week 5 runs to 6 February: within the first quarter, not within January or February
    let period = |v: &str| v.parse::<DateInterval>().unwrap();
    assert_eq!(
        dates(m.during(period("2022-01"))),
        ["2022-01-12", "2022-01-19"]
    );
    assert_eq!(dates(m.during(period("2022-02"))), ["2022-02-18"]);
    assert_eq!(m.during(period("2022-Q1")).count(), 5);
    let touching_february: Vec<_> = m
        .events()
        .filter(|e| e.interval().is_some_and(|d| d.overlaps(&period("2022-02"))))
        .collect();
    assert_eq!(
        dates(touching_february.into_iter()),
        ["2022-W05", "2022-02-18"]
    );
}

#[test]
fn participants_of_an_event() {
    let m = meetings();
    let un = m.events_of("un-sicherheitsrat").next().unwrap();
    let ids: Vec<&str> = m.participants(&un.id).map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["un-sicherheitsrat", "un", "ukraine"]);
    assert_eq!(m.participants("no-such-event").count(), 0);
    assert_eq!(m.event(&un.id), Some(un));
}

#[test]
fn calendar_first_and_last_meeting() {
    let m = meetings();
    let calendar = m.calendar("Q159");
    let entries: Vec<(String, Status, Vec<&str>)> = calendar
        .iter()
        .map(|c| {
            (
                c.date.unwrap().to_string(),
                c.event.facts.status,
                c.with.iter().map(|a| a.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            ("2022-01-12".to_string(), Status::Held, vec!["nato"]),
            ("2022-02-18".to_string(), Status::Held, vec!["nato"]),
            ("2022-03-10".to_string(), Status::Cancelled, vec!["nato"]),
        ]
    );
    // the council's calendar does not list its own organisation as a party met
    let council = m.calendar("un-sicherheitsrat");
    let with: Vec<&str> = council[0].with.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(with, ["ukraine"]);

    let (first, last) = m.first_and_last_meeting("nato", "Q159").unwrap();
    assert_eq!(
        (first.facts.date.as_deref(), last.facts.date.as_deref()),
        (Some("2022-01-12"), Some("2022-02-18")),
        "the cancelled meeting of 10 March is no meeting"
    );
    assert!(
        m.first_and_last_meeting("frankreich", "deutschland")
            .is_none(),
        "only planned"
    );
    let (first, last) = m.first_and_last_meeting("ukraine", "un").unwrap();
    assert_eq!(first.id, last.id);
}

#[test]
fn planned_never_held_and_status_changes() {
    let m = meetings();
    assert_eq!(dates(m.planned_never_held()), ["2022-W05"]);
    let changes: Vec<(String, Status, Status, &str)> = m
        .status_changes()
        .iter()
        .map(|c| {
            (
                c.event.facts.date.clone().unwrap(),
                c.from,
                c.to,
                c.source.article.as_str(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [(
            "2022-01-12".to_string(),
            Status::Planned,
            Status::Held,
            "a2"
        )]
    );
    let change = &m.status_changes()[0];
    assert!(change.source.evidence.evidence.text.contains("trafen sich"));
}

#[test]
fn the_network_counts_meetings_and_no_body_with_its_parent() {
    let m = meetings();
    let held: Vec<_> = m
        .events()
        .filter(|e| e.facts.status == Status::Held)
        .collect();
    let network = m.network(held);
    let pairs: Vec<(&str, &str, usize)> = network
        .pairs
        .iter()
        .map(|p| (p.a.as_str(), p.b.as_str(), p.count()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("nato", "russland", 2),
            ("ukraine", "un", 1),
            ("ukraine", "un-sicherheitsrat", 1),
        ]
    );
    assert!(!m.is_meeting_pair("un", "un-sicherheitsrat"));
    assert!(!m.is_meeting_pair("nato", "nato"));
    let ids: Vec<&str> = network.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["nato", "russland", "ukraine", "un", "un-sicherheitsrat"]
    );

    let mut dot = Vec::new();
    network.write_dot(&mut dot).unwrap();
    let dot = String::from_utf8(dot).unwrap();
    assert!(
        dot.contains("\"nato\" -- \"russland\" [label=\"2\", weight=2, penwidth=3];"),
        "{dot}"
    );
    assert!(!dot.contains("\"un\" -- \"un-sicherheitsrat\""));
    assert_eq!(dot.matches(" -- ").count(), 3);

    let mut xml = Vec::new();
    network.write_graphml(&mut xml).unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert_eq!(xml.matches("<node ").count(), 5);
    assert_eq!(xml.matches("<edge ").count(), 3);
    assert_eq!(
        xml.matches("<edge ").count(),
        xml.matches("</edge>").count()
    );
    assert!(xml.contains(r#"<data key="qid">Q159</data>"#));
    assert!(xml.trim_end().ends_with("</graphml>"));

    let graph = network.graph();
    assert_eq!((graph.node_count(), graph.edge_count()), (5, 3));
    assert_eq!(graph.edge_weights().sum::<usize>(), 4);
}

#[test]
fn writing_to_a_failing_writer_is_an_error() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let m = meetings();
    let network = m.network(m.events());
    assert!(network.write_dot(&mut Full).is_err());
    let err: chronik::Error = network.write_graphml(&mut Full).unwrap_err().into();
    assert_eq!(err.kind(), chronik::ErrorKind::Io);
}
