//! Warnings about gazetteer data that loads but may not be what its editor meant: the same
//! Wikidata id on two rows, ids out of order, the same name for two actors, a body-less parent.
//! Problems that make the data wrong are the loader's (`load.rs`); these only advise.

use std::collections::{BTreeMap, HashMap};

use super::load::{ORGANISATIONS, PERSONS, PLACES, STATES};
use crate::DataDir;

/// Advice about the actor and place files, one line each with file and line (`chronik
/// check-data` prints them). Files that cannot be read are the loader's problem and are skipped
/// here.
///
/// ```
/// assert!(chronik::gazetteer::lint(&chronik::DataDir::bundled()).is_empty());
/// ```
pub fn lint(data: &DataDir) -> Vec<String> {
    let table = |name: &str, columns: &[&str]| {
        data.read(name)
            .and_then(|f| f.table(columns))
            .unwrap_or_default()
    };
    let files = [
        ("actors/states.tsv", table("actors/states.tsv", STATES)),
        (
            "actors/organisations.tsv",
            table("actors/organisations.tsv", ORGANISATIONS),
        ),
        ("actors/persons.tsv", table("actors/persons.tsv", PERSONS)),
        ("places/places.tsv", table("places/places.tsv", PLACES)),
    ];
    let mut warnings = Vec::new();
    for (name, rows) in &files {
        let mut qids: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut previous: Option<(&str, &str)> = None;
        for row in rows {
            let id = row.get("id");
            // each layer (the file, an overlay's copy) is sorted on its own
            if let Some((file, p)) = previous
                && file == row.file()
                && id < p
            {
                warnings.push(format!(
                    "{}:{}: not sorted by id ({id:?} after {p:?})",
                    row.file(),
                    row.line()
                ));
            }
            previous = Some((row.file(), id));
            if !row.get("qid").is_empty() {
                qids.entry(row.get("qid")).or_default().push(id);
            }
        }
        for (qid, ids) in qids.iter().filter(|(_, ids)| ids.len() > 1) {
            warnings.push(format!(
                "{name}: qid {qid} on several rows: {}",
                ids.join(", ")
            ));
        }
    }
    let organisations = &files[1].1;
    for row in organisations {
        if !row.get("parent").is_empty() && row.get("type") != "body" {
            warnings.push(format!(
                "actors/organisations.tsv:{}: {} has a parent but type {}",
                row.line(),
                row.get("id"),
                row.get("type")
            ));
        }
    }
    // the same surface form for several states or organisations
    let mut forms: HashMap<&str, Vec<&str>> = HashMap::new();
    let named = files[0]
        .1
        .iter()
        .map(|r| (r, ["aliases", "prefixes"]))
        .chain(
            organisations
                .iter()
                .map(|r| (r, ["aliases", "abbreviations"])),
        );
    for (row, columns) in named {
        let id = row.get("id");
        let names = std::iter::once(row.get("name")).filter(|n| !n.is_empty());
        for form in names.chain(columns.iter().flat_map(|c| row.list(c))) {
            let ids = forms.entry(form).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    let mut shared: Vec<_> = forms.into_iter().filter(|(_, ids)| ids.len() > 1).collect();
    shared.sort();
    for (form, mut ids) in shared {
        ids.sort();
        warnings.push(format!(
            "surface form {form:?} names several actors: {}",
            ids.join(", ")
        ));
    }
    warnings
}
