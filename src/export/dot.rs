//! Graphviz DOT export, written by hand (petgraph's `Dot` is for debugging and may change):
//! stable node names, escaped labels. Two views:
//!
//! - [`to_dot`] (`--format dot`): the meetings in date order, top to bottom: a row per year,
//!   the year's label at the left and a column per month beside it (a date coarser than a
//!   month, a season or a quarter, has a column of its own, before the months). Each meeting
//!   is one node: its date in German words, kind and status, participants and place; its
//!   colour is its status; its tooltip its id and sources. Meetings without a date are a grid
//!   at the end. Only invisible edges order the picture (dot does not keep the order of
//!   clusters). The development set's 102 meetings render to about 2,200 × 6,700 px instead
//!   of a 774 × 21,056 px strip.
//! - [`to_dot_actors`] (`--format dot-actors`): who meets whom: one node per actor (its size
//!   grows with its number of meetings), one edge per pair of actors that share a meeting,
//!   labelled and weighted by how many they share; laid out by `neato`.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::Datelike;

use super::{Labels, Period};
use crate::graph::{MeetingGraph, TimelineEvent};

/// Fill colours by status (light shades of the HTML page's, so the black text stays legible).
const STATUS_COLOURS: [(&str, &str); 5] = [
    ("proposed", "#e8dff5"),
    ("planned", "#d6e6fb"),
    ("held", "#d5f0d5"),
    ("postponed", "#fde9c8"),
    ("cancelled", "#f8d4d4"),
];

/// Meetings of a month column stack vertically; undated meetings fill rows of this many.
const UNDATED_PER_ROW: usize = 6;

/// The timeline as a DOT digraph of meetings in date order (see the module documentation).
/// Same input, same output.
///
/// ```
/// use chronik::{export::to_dot, graph::MeetingGraph};
/// let dot = to_dot(&MeetingGraph::default());
/// assert!(dot.starts_with("digraph chronik {"));
/// ```
pub fn to_dot(graph: &MeetingGraph) -> String {
    let timeline = graph.timeline();
    let labels = Labels::german();
    let mut out = String::from(
        "digraph chronik {\n  graph [rankdir=TB, nodesep=0.2, ranksep=0.25, fontname=\"Helvetica\"];\n  \
         node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, width=2.2];\n  \
         edge [style=invis];\n",
    );
    legend(&mut out, labels);
    // year → column (month, or a coarser period) → meetings; undated apart
    let mut years: BTreeMap<i32, BTreeMap<Column, Vec<usize>>> = BTreeMap::new();
    let mut undated = Vec::new();
    for (i, e) in timeline.events.iter().enumerate() {
        match e.facts.date.as_deref().and_then(Period::parse) {
            Some(p) => years
                .entry(p.start.year())
                .or_default()
                .entry(Column::of(&p))
                .or_default()
                .push(i),
            None => undated.push(i),
        }
    }
    // Each year is a row: the year, then a header per column, left to right on one rank, each
    // with its meetings below it. The year nodes form a straight spine down the left edge; the
    // next year starts below the longest column. Only invisible edges: no clusters, whose
    // order dot does not keep.
    let mut above = String::from("legend");
    for (year, columns) in &years {
        let row = format!("y{}", year_id(*year));
        let _ = writeln!(
            out,
            "  {row} [shape=plaintext, style=\"\", fontsize=16, label=\"{}\"];",
            escape(&year_words(*year, labels))
        );
        let _ = writeln!(out, "  {above} -> {row} [weight=1000];");
        let mut headers = vec![row.clone()];
        for (c, (column, events)) in columns.iter().enumerate() {
            let header = format!("{row}_{c}");
            let _ = writeln!(
                out,
                "  {header} [shape=plaintext, style=\"\", fontsize=12, label=\"{}\"];",
                escape(&column.words(&timeline.events[events[0]], labels))
            );
            let mut previous = header.clone();
            for &i in events {
                event_node(&mut out, "  ", i, &timeline.events[i], labels);
                let _ = writeln!(out, "  {previous} -> e{i} [weight=10];");
                previous = format!("e{i}");
            }
            headers.push(header);
        }
        let _ = writeln!(out, "  {{rank=same; {};}}", headers.join(" -> "));
        // the next year below every column's last meeting
        let end = format!("{row}_end");
        let _ = writeln!(out, "  {end} [shape=point, style=invis, width=0];");
        let _ = writeln!(out, "  {row} -> {end} [weight=1000];");
        for events in columns.values() {
            if let Some(last) = events.last() {
                let _ = writeln!(out, "  e{last} -> {end} [weight=0];");
            }
        }
        above = end;
    }
    if !undated.is_empty() {
        let _ = writeln!(
            out,
            "  undated [shape=plaintext, style=\"\", fontsize=16, label=\"{}\"];",
            escape(labels.get("date", "undated"))
        );
        let _ = writeln!(out, "  {above} -> undated [weight=1000];");
        for (k, &i) in undated.iter().enumerate() {
            event_node(&mut out, "  ", i, &timeline.events[i], labels);
            let from = match k.checked_sub(UNDATED_PER_ROW) {
                Some(j) => format!("e{}", undated[j]),
                None => "undated".to_string(),
            };
            let _ = writeln!(out, "  {from} -> e{i} [weight=10];");
        }
        let first_row: Vec<String> = undated
            .iter()
            .take(UNDATED_PER_ROW)
            .map(|i| format!("e{i}"))
            .collect();
        let _ = writeln!(out, "  {{rank=same; {};}}", first_row.join(" -> "));
    }
    out.push_str("}\n");
    out
}

/// Where a dated meeting goes within its year: the month of a date of a month or finer (a
/// week by its first day), else a box for the coarser period itself, before the months.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Column {
    Coarse(chrono::NaiveDate, chrono::NaiveDate),
    Month(u32),
}

impl Column {
    fn of(p: &Period) -> Column {
        use super::period::Unit;
        match p.unit {
            Unit::Day(_) | Unit::Week(..) | Unit::Weekend(..) | Unit::Month(..) => {
                Column::Month(p.start.month())
            }
            _ => Column::Coarse(p.start, p.end),
        }
    }

    fn words(&self, first: &TimelineEvent, labels: &Labels) -> String {
        match self {
            Column::Month(m) => labels.get("month", &m.to_string()).to_string(),
            Column::Coarse(..) => first
                .facts
                .date
                .as_deref()
                .and_then(Period::parse)
                .map(|p| p.german(labels))
                .unwrap_or_default(),
        }
    }
}

/// A year as a DOT id part: `2022`, `m490` for 490 BC.
fn year_id(year: i32) -> String {
    if year < 0 {
        format!("m{}", -year)
    } else {
        year.to_string()
    }
}

fn year_words(year: i32, labels: &Labels) -> String {
    let day = chrono::NaiveDate::from_ymd_opt(year, 1, 1).map(|d| Period {
        unit: super::period::Unit::Year(year),
        start: d,
        end: d,
    });
    day.map_or_else(|| year.to_string(), |p| p.german(labels))
}

fn event_node(out: &mut String, indent: &str, i: usize, e: &TimelineEvent, labels: &Labels) {
    let facts = &e.facts;
    let date = facts.date.as_deref().and_then(Period::parse).map_or_else(
        || labels.get("date", "undated").to_string(),
        |p| p.german(labels),
    );
    let names: Vec<&str> = facts
        .participants
        .iter()
        .map(|p| p.actor.name.as_str())
        .collect();
    let mut label = format!(
        "{date}\n{} · {}\n{}",
        labels.get("kind", facts.kind.as_str()),
        labels.get("status", facts.status.as_str()),
        wrap(&names.join(", "), 32)
    );
    if let Some(place) = &facts.place {
        label.push_str(&format!("\nin {}", place.name));
    }
    if e.sources.len() > 1 {
        label.push_str(&format!(
            "\n{} {}",
            e.sources.len(),
            labels.get("ui", "sources")
        ));
    }
    // the tooltip (SVG): the event id, then each source, article id and origin
    let mut tooltip = e.id.clone();
    for s in &e.sources {
        tooltip.push('\n');
        tooltip.push_str(&s.article);
        if let Some(origin) = &s.source {
            tooltip.push_str(&format!(": {origin}"));
        }
    }
    let _ = writeln!(
        out,
        "{indent}e{i} [label=\"{}\", fillcolor=\"{}\", tooltip=\"{}\"];",
        escape(&label),
        status_colour(facts.status.as_str()),
        escape(&tooltip)
    );
}

fn status_colour(status: &str) -> &'static str {
    STATUS_COLOURS
        .iter()
        .find(|(s, _)| *s == status)
        .map_or("#eeeeee", |(_, c)| c)
}

/// The legend at the top: the title, then one node per status in its colour, on one rank.
/// The node named `legend` is the last of them; the first year hangs below it.
fn legend(out: &mut String, labels: &Labels) {
    let _ = writeln!(
        out,
        "  title [shape=plaintext, style=\"\", fontsize=18, label=\"{}\"];",
        escape(labels.get("ui", "title"))
    );
    let mut row = vec!["title".to_string()];
    for (status, colour) in STATUS_COLOURS {
        let _ = writeln!(
            out,
            "  status_{status} [width=0, label=\"{}\", fillcolor=\"{colour}\"];",
            escape(labels.get("status", status))
        );
        row.push(format!("status_{status}"));
    }
    row.push("legend".into());
    let _ = writeln!(out, "  legend [shape=point, style=invis, width=0];");
    let _ = writeln!(out, "  {{rank=same; {};}}", row.join(" -> "));
}

/// Breaks a list of names into lines of about `width` characters at `, `.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for (k, part) in text.split(", ").enumerate() {
        if k > 0 {
            if line + part.chars().count() + 2 > width {
                out.push_str(",\n");
                line = 0;
            } else {
                out.push_str(", ");
                line += 2;
            }
        }
        out.push_str(part);
        line += part.chars().count();
    }
    out
}

/// The actors and how many meetings each pair shares, as an undirected DOT graph for `neato`.
///
/// ```
/// use chronik::{export::to_dot_actors, graph::MeetingGraph};
/// let dot = to_dot_actors(&MeetingGraph::default());
/// assert!(dot.starts_with("graph chronik_actors {"));
/// ```
pub fn to_dot_actors(graph: &MeetingGraph) -> String {
    let mut meetings: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    let mut pairs: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (node, _) in graph.events() {
        let mut actors: Vec<&crate::record::EntityRef> = graph.participants(node).collect();
        actors.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        actors.dedup_by(|a, b| a.id == b.id);
        for a in &actors {
            meetings.entry(&a.id).or_insert((&a.name, 0)).1 += 1;
        }
        for (k, a) in actors.iter().enumerate() {
            for b in &actors[k + 1..] {
                *pairs.entry((&a.id, &b.id)).or_default() += 1;
            }
        }
    }
    let mut out = String::from(
        "graph chronik_actors {\n  graph [layout=neato, overlap=false, splines=true, sep=\"+8\", \
         fontname=\"Helvetica\"];\n  node [shape=ellipse, style=filled, fillcolor=\"#d6e6fb\", \
         fontname=\"Helvetica\"];\n  edge [color=\"#555555\", fontname=\"Helvetica\", fontsize=9];\n",
    );
    let node_ids: BTreeMap<&str, usize> = meetings
        .keys()
        .enumerate()
        .map(|(i, id)| (*id, i))
        .collect();
    for (id, (name, count)) in &meetings {
        let size = 10.0 + 4.0 * (*count as f64).sqrt();
        let _ = writeln!(
            out,
            "  a{} [label=\"{}\\n{count}\", fontsize={size:.0}, tooltip=\"{}\"];",
            node_ids[id],
            escape(name),
            escape(id)
        );
    }
    for ((a, b), n) in &pairs {
        let width = 1.0 + (*n as f64).log2();
        let label = if *n > 1 {
            format!(", label=\"{n}\"")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  a{} -- a{} [penwidth={width:.1}, weight={n}{label}];",
            node_ids[a], node_ids[b]
        );
    }
    out.push_str("}\n");
    out
}

/// Escapes a label for a DOT double-quoted string; newlines become `\n` line breaks.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, wrap};

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape("a \"b\"\\c\nd"), "a \\\"b\\\"\\\\c\\nd");
    }

    #[test]
    fn wraps_long_lists_of_names_at_commas() {
        assert_eq!(wrap("USA, Russland", 32), "USA, Russland");
        assert_eq!(
            wrap("Vereinigte Staaten, Russische Föderation, Ukraine", 32),
            "Vereinigte Staaten,\nRussische Föderation, Ukraine"
        );
    }
}
