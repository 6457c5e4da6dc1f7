//! Every output format of the merged timeline, through the binary: CSV, GraphML, DOT (checked
//! in-process by a DOT parser on every run, rendered by Graphviz where it is installed and
//! always under `CHRONIK_CI=1`), TimelineJS, HTML, and what `merge --format` accepts.

use std::io::Write;
use std::process::{Command, Stdio};

fn chronik(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronik"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// The bundled page in `format`.
fn page_as(format: &str) -> String {
    let (code, out, err) = chronik(
        &["extract", "--format", format, "examples/dpa-page.txt"],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    out
}

fn timeline() -> serde_json::Value {
    serde_json::from_str(&page_as("timeline")).unwrap()
}

/// The page's per-article records with `edit` applied to each event, merged into `format`.
fn merged_with(format: &str, edit: impl Fn(usize, &mut serde_json::Value)) -> String {
    let mut lines = String::new();
    for line in page_as("jsonl").lines() {
        let mut record: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Some(events) = record["events"].as_array_mut() {
            for (i, e) in events.iter_mut().enumerate() {
                edit(i, e);
            }
        }
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let (code, out, err) = chronik(&["merge", "--format", format, "-"], lines.as_bytes());
    assert_eq!(code, 0, "{err}");
    out
}

fn ci() -> bool {
    std::env::var("CHRONIK_CI").is_ok_and(|v| v == "1")
}

#[test]
fn csv_has_one_row_per_meeting_and_participant() {
    let t = timeline();
    let events = t["events"].as_array().unwrap();
    let expected: usize = events
        .iter()
        .map(|e| e["participants"].as_array().unwrap().len().max(1))
        .sum();
    let text = page_as("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), expected);
    for r in &rows {
        assert_eq!(r.len(), header.len());
    }
    let geneva: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|r| &r[column("place_name")] == "Genf")
        .collect();
    let names: Vec<&str> = geneva
        .iter()
        .map(|r| &r[column("participant_name")])
        .collect();
    assert_eq!(names, ["USA", "Russland"]);
    assert_eq!(&geneva[0][column("date_start")], "2022-01-10");
    assert_eq!(&geneva[0][column("date_end")], "2022-01-10");
    assert_eq!(&geneva[0][column("status")], "planned");
    assert!(geneva[0][column("evidence")].contains("Genf"));
    // Russland's open participation in the Nato-Russland-Rat, with the words that name it
    let russia = rows
        .iter()
        .find(|r| {
            r[column("event_id")].starts_with("2022-01-12")
                && &r[column("participant_id")] == "russland"
        })
        .expect("Russland takes part on 12 January");
    assert_eq!(&russia[column("participant_open")], "true");
    assert_eq!(&russia[column("participant_text")], "Russland");
    assert_eq!(&russia[column("date_text")], "12. Januar");
}

#[test]
fn csv_and_timelinejs_carry_the_source_url() {
    let url = "https://example.org/artikel?id=1&x=<2>";
    let with_source = |format: &str| {
        let mut lines = String::new();
        for line in page_as("jsonl").lines() {
            let mut record: serde_json::Value = serde_json::from_str(line).unwrap();
            record["source"] = url.into();
            lines.push_str(&record.to_string());
            lines.push('\n');
        }
        let (code, out, err) = chronik(&["merge", "--format", format, "-"], lines.as_bytes());
        assert_eq!(code, 0, "{err}");
        out
    };
    assert!(with_source("csv").contains(url));
    let doc: serde_json::Value = serde_json::from_str(&with_source("timelinejs")).unwrap();
    let text = doc["events"][0]["text"]["text"].as_str().unwrap();
    assert!(
        text.contains("<a href=\"https://example.org/artikel?id=1&amp;x=&lt;2&gt;\">"),
        "{text}"
    );
}

#[test]
fn graphml_is_well_formed_with_events_actors_and_places() {
    let xml = page_as("graphml");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let nodes: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let data = |n: &roxmltree::Node, key: &str| {
        n.children()
            .find(|c| c.has_tag_name("data") && c.attribute("key") == Some(key))
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    let of_type = |t: &str| {
        nodes
            .iter()
            .filter(|n| data(n, "type").as_deref() == Some(t))
            .count()
    };
    let t = timeline();
    assert_eq!(of_type("event"), t["events"].as_array().unwrap().len());
    assert_eq!(of_type("actor"), t["actors"].as_array().unwrap().len());
    assert_eq!(of_type("place"), t["places"].as_array().unwrap().len());
    let ids: std::collections::HashSet<&str> =
        nodes.iter().filter_map(|n| n.attribute("id")).collect();
    let edges: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    assert!(!edges.is_empty());
    for e in &edges {
        assert!(ids.contains(e.attribute("source").unwrap()));
        assert!(ids.contains(e.attribute("target").unwrap()));
    }
    let geneva = nodes
        .iter()
        .find(|n| n.attribute("id") == Some("place:genf"))
        .unwrap();
    assert_eq!(data(geneva, "label").as_deref(), Some("Genf"));
    let open = edges
        .iter()
        .filter(|e| e.attribute("target") == Some("actor:russland"))
        .filter(|e| e.children().any(|c| c.attribute("key") == Some("open")))
        .count();
    assert_eq!(open, 1, "Russland's open participation is marked");
}

/// Parses DOT with an independent parser (the `dot-parser` crate, which follows Graphviz's
/// grammar) and returns the node ids it names.
fn parse_dot(dot: &str) -> std::collections::HashSet<String> {
    let graph =
        dot_parser::ast::Graph::try_from(dot).unwrap_or_else(|e| panic!("not DOT: {e}\n{dot}"));
    graph
        .get_node_ids()
        .into_iter()
        .map(|n| n.id.to_string())
        .collect()
}

/// Renders DOT with Graphviz when it is installed; under `CHRONIK_CI=1` it must be.
fn render_with_graphviz(dot: &str, what: &str) {
    let render = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match render {
        Ok(child) => child,
        Err(e) if !ci() => {
            notice(&format!(
                "skipped: rendering {what} with Graphviz (`dot` not found: {e}; CI installs it, CHRONIK_CI=1 makes it mandatory)"
            ));
            return;
        }
        Err(e) => panic!("CHRONIK_CI=1 needs Graphviz `dot` (Debian package graphviz): {e}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed on {what}: {stderr}");
    assert!(
        !stderr.contains("Warning") && !stderr.contains("Error"),
        "{what}: {stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn dot_of_meetings_parses_and_renders() {
    let dot = page_as("dot");
    let ids = parse_dot(&dot);
    let events = timeline()["events"].as_array().unwrap().len();
    for i in 0..events {
        assert!(ids.contains(&format!("e{i}")), "event node e{i}");
    }
    assert!(dot.contains("Nato-Russland-Rat"));
    assert!(dot.contains("12. Januar 2022\\nSitzung · geplant"), "{dot}");
    render_with_graphviz(&dot, "--format dot");
}

#[test]
fn dot_of_actors_parses_and_renders() {
    let dot = page_as("dot-actors");
    let ids = parse_dot(&dot);
    assert_eq!(ids.len(), timeline()["actors"].as_array().unwrap().len());
    assert!(dot.contains("label=\"Russland\\n2\""), "{dot}");
    render_with_graphviz(&dot, "--format dot-actors");
}

#[test]
fn dot_escapes_what_would_break_it() {
    let dot = merged_with("dot", |_, e| {
        e["place"] = serde_json::json!({"id": "x", "qid": null, "name": "A \"B\" \\ C\nD"});
    });
    parse_dot(&dot);
    assert!(dot.contains("in A \\\"B\\\" \\\\ C\\nD"), "{dot}");
    render_with_graphviz(&dot, "a DOT label with quotes and backslashes");
}

#[test]
fn timelinejs_ranges_german_words_and_an_honest_title() {
    let out = merged_with("timelinejs", |i, e| match i {
        0 => e["date"] = "2022-W02".into(),
        1 => e["date"] = "2017-SU".into(),
        _ => e["date"] = serde_json::Value::Null,
    });
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let slides = doc["events"].as_array().unwrap();
    let by_date = |words: &str| {
        slides
            .iter()
            .find(|s| s["display_date"] == words)
            .unwrap_or_else(|| panic!("a slide for {words}: {out}"))
    };
    let week = by_date("KW 2/2022");
    assert_eq!(
        week["start_date"],
        serde_json::json!({"year": "2022", "month": "1", "day": "10"})
    );
    assert_eq!(
        week["end_date"],
        serde_json::json!({"year": "2022", "month": "1", "day": "16"})
    );
    let summer = by_date("Sommer 2017");
    assert_eq!(summer["start_date"]["month"], "6");
    assert_eq!(
        summer["end_date"],
        serde_json::json!({"year": "2017", "month": "8", "day": "31"})
    );
    let title = doc["title"]["text"]["text"].as_str().unwrap();
    assert!(
        title.starts_with(&format!("{} Treffen", slides.len())),
        "{title}"
    );
    assert!(title.contains("1 ohne Datum"), "{title}");
    for slide in slides {
        let headline = slide["text"]["headline"].as_str().unwrap();
        for code in ["meeting", "talks", "session", "planned", "held"] {
            assert!(!headline.contains(code), "{headline}");
        }
        assert!(slide["text"]["text"].as_str().unwrap().contains("<mark>"));
    }
}

#[test]
fn timelinejs_day_slides_have_no_end_and_german_dates() {
    let doc: serde_json::Value = serde_json::from_str(&page_as("timelinejs")).unwrap();
    let first = &doc["events"][0];
    assert_eq!(first["display_date"], "10. Januar 2022");
    assert!(first.get("end_date").is_none());
    assert!(
        first["text"]["headline"]
            .as_str()
            .unwrap()
            .starts_with("Gespräche in Genf: USA, Russland (geplant)")
    );
}

#[test]
fn html_is_one_offline_page_with_the_data_escaped() {
    let html = merged_with("html", |_, e| {
        e["evidence"]["text"] = "Sie trafen sich.</script><script>alert(1)</script><!--".into();
    });
    assert!(html.starts_with("<!DOCTYPE html>"));
    // two script elements (data and code), and nothing from the data closes one
    assert_eq!(html.matches("</script>").count(), 2);
    assert_eq!(html.matches("<script").count(), 2);
    // nothing is loaded from elsewhere (the SVG namespace is a name, not a request)
    let without_namespace = html.replace("\"http://www.w3.org/2000/svg\"", "");
    for external in [
        "http://", "https://", "src=", "<link", "@import", "url(", "fetch(",
    ] {
        assert!(
            !without_namespace.contains(external),
            "{external} in an offline page"
        );
    }
    let start = html.find("id=\"chronik-data\">").unwrap() + "id=\"chronik-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    let evidence = &data["events"][0]["sources"][0]["evidence"]["text"];
    assert_eq!(
        evidence,
        "Sie trafen sich.</script><script>alert(1)</script><!--"
    );
    assert_eq!(data["events"][0]["period"]["words"], "10. Januar 2022");
    assert_eq!(data["labels"]["status"]["planned"], "geplant");
}

#[test]
fn merge_offers_only_the_formats_it_writes() {
    let (_, help, _) = chronik(&["merge", "--help"], b"");
    assert!(!help.contains("- jsonl"), "{help}");
    for format in [
        "timeline",
        "timelinejs",
        "dot",
        "dot-actors",
        "csv",
        "graphml",
        "html",
    ] {
        assert!(help.contains(format), "{format}: {help}");
    }
    let (code, _, err) = chronik(&["merge", "--format", "jsonl", "-"], b"");
    assert_eq!(code, 2, "{err}");
    let (_, help, _) = chronik(&["extract", "--help"], b"");
    assert!(help.contains("jsonl") && help.contains("html"), "{help}");
}

/// A notice on the terminal even when the test harness captures output (it captures only the
/// print macros).
fn notice(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}
