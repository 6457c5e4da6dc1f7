//! German labels for chronik's codes (`held` → `stattgefunden`, `talks` → `Gespräche`), month and
//! season names and date templates, read from the bundled table `assets/labels.tsv`: the
//! formats people read (HTML, TimelineJS, DOT) speak German without English codes in the text,
//! and a new label is a one-line data change.

use std::collections::BTreeMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../assets/labels.tsv");

/// The label table: `(group, code)` → label.
///
/// ```
/// let labels = chronik::export::Labels::german();
/// assert_eq!(labels.get("status", "held"), "stattgefunden");
/// assert_eq!(labels.get("status", "unknown-code"), "unknown-code");
/// ```
#[derive(Debug)]
pub struct Labels {
    table: BTreeMap<(String, String), String>,
}

impl Labels {
    /// The bundled German labels (read once).
    pub fn german() -> &'static Labels {
        static LABELS: OnceLock<Labels> = OnceLock::new();
        LABELS.get_or_init(|| Labels::parse(TABLE))
    }

    /// Reads `group<TAB>code<TAB>label` lines; `#` starts a comment line. Lines without three
    /// fields are skipped (the bundled table is checked by a test).
    fn parse(text: &str) -> Labels {
        let table = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (group, code, label) = (f.next()?, f.next()?, f.next()?);
                Some(((group.to_string(), code.to_string()), label.to_string()))
            })
            .collect();
        Labels { table }
    }

    /// The label of `code` in `group`, or the code itself when the table has none.
    pub fn get<'a>(&'a self, group: &str, code: &'a str) -> &'a str {
        self.table
            .get(&(group.to_string(), code.to_string()))
            .map_or(code, String::as_str)
    }

    /// Every `code → label` of one group, for embedding (the HTML page's labels).
    ///
    /// ```
    /// let kinds = chronik::export::Labels::german().group("kind");
    /// assert_eq!(kinds["summit"], "Gipfel");
    /// ```
    pub fn group(&self, group: &str) -> BTreeMap<&str, &str> {
        self.table
            .iter()
            .filter(|((g, _), _)| g == group)
            .map(|((_, code), label)| (code.as_str(), label.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_bundled_table_has_three_fields() {
        for (i, line) in TABLE.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            assert_eq!(line.split('\t').count(), 3, "assets/labels.tsv:{}", i + 1);
        }
    }

    #[test]
    fn every_kind_and_status_has_a_label() {
        let labels = Labels::german();
        for kind in ["meeting", "talks", "summit", "call", "session", "visit"] {
            assert_ne!(labels.get("kind", kind), kind);
        }
        for status in ["proposed", "planned", "held", "postponed", "cancelled"] {
            assert_ne!(labels.get("status", status), status);
        }
    }
}
