//! [`EventCodes`]: the CAMEO and PLOVER codes of a meeting, by its status and kind, from
//! `gazetteers/events/codes.tsv` (the codebook facts are cited there).

use crate::{DataDir, Error};

use super::{EventKind, Status};

/// A CAMEO code and the PLOVER event type (with its mode) that say the same thing, from
/// [`EventCodes::get`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes {
    /// CAMEO event code: `036`, `040`, `125`, ...
    pub cameo: String,
    /// PLOVER event type, `/mode` when it has one: `AGREE`, `CONSULT/phone`, `REJECT`.
    pub plover: String,
}

/// The code table: one [`Codes`] for every status and kind.
///
/// ```
/// use chronik::DataDir;
/// use chronik::events::{EventCodes, EventKind, Status};
/// let codes = EventCodes::new(&DataDir::bundled())?;
/// assert_eq!(codes.get(EventKind::Call, Status::Held).cameo, "041");
/// assert_eq!(codes.get(EventKind::Call, Status::Cancelled).plover, "REJECT");
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct EventCodes {
    /// Indexed by `status * KINDS + kind`.
    table: Vec<Codes>,
}

const FILE: &str = "events/codes.tsv";

impl EventCodes {
    /// Loads `events/codes.tsv`.
    ///
    /// # Errors
    /// When the file is missing or malformed, names an unknown status or kind, or leaves a
    /// status and kind without codes: every problem, with its line.
    pub fn new(data: &DataDir) -> Result<EventCodes, Error> {
        let rows = data
            .read(FILE)?
            .table(&["status", "kind", "cameo", "plover"])?;
        let mut problems = crate::error::Problems::default();
        let mut table: Vec<Option<Codes>> = vec![None; Status::ALL.len() * EventKind::ALL.len()];
        for row in &rows {
            let Some(status) = Status::parse(row.get("status")) else {
                problems.push(row.error(format!("unknown status {:?}", row.get("status"))));
                continue;
            };
            let kinds: Vec<EventKind> = match row.get("kind") {
                "*" => EventKind::ALL.to_vec(),
                k => match EventKind::parse(k) {
                    Some(kind) => vec![kind],
                    None => {
                        problems.push(row.error(format!("unknown kind {k:?}")));
                        continue;
                    }
                },
            };
            let codes = match (row.required("cameo"), row.required("plover")) {
                (Ok(cameo), Ok(plover)) => Codes {
                    cameo: cameo.to_string(),
                    plover: plover.to_string(),
                },
                (Err(e), _) | (_, Err(e)) => {
                    problems.push(e);
                    continue;
                }
            };
            for kind in kinds {
                // a row for one kind comes first; a later `*` row fills only the kinds left
                table[index(kind, status)].get_or_insert_with(|| codes.clone());
            }
        }
        let mut complete = Vec::with_capacity(table.len());
        for status in Status::ALL {
            for kind in EventKind::ALL {
                match table[index(kind, status)].take() {
                    Some(codes) => complete.push(codes),
                    None => problems.push(Error::data(
                        FILE,
                        0,
                        format!("no codes for a {} {}", status.as_str(), kind.as_str()),
                    )),
                }
            }
        }
        problems.finish(EventCodes { table: complete })
    }

    /// The codes of a meeting of `kind` with `status`.
    pub fn get(&self, kind: EventKind, status: Status) -> &Codes {
        &self.table[index(kind, status)]
    }
}

fn index(kind: EventKind, status: Status) -> usize {
    status as usize * EventKind::ALL.len() + kind as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Result<EventCodes, Error> {
        let dir = std::env::temp_dir().join(format!("chronik-codes-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("events")).unwrap();
        std::fs::write(dir.join(FILE), text).unwrap();
        let result = EventCodes::new(&DataDir::open(&dir).unwrap());
        let _ = std::fs::remove_dir_all(&dir);
        result
    }

    #[test]
    fn codes_agree_with_the_status() {
        let c = EventCodes::new(&DataDir::bundled()).unwrap();
        for kind in EventKind::ALL {
            for status in [Status::Proposed, Status::Planned, Status::Postponed] {
                assert_eq!(c.get(kind, status).cameo, "036");
                assert_eq!(c.get(kind, status).plover, "AGREE");
            }
            assert_eq!(c.get(kind, Status::Cancelled).cameo, "125");
            assert_eq!(c.get(kind, Status::Cancelled).plover, "REJECT");
            let held = c.get(kind, Status::Held);
            assert!(held.cameo.starts_with("04"), "{kind:?}: {}", held.cameo);
            assert!(
                held.plover.starts_with("CONSULT"),
                "{kind:?}: {}",
                held.plover
            );
        }
        assert_eq!(
            c.get(EventKind::Visit, Status::Held).plover,
            "CONSULT/visit"
        );
        assert_eq!(c.get(EventKind::Talks, Status::Held).cameo, "046");
    }

    #[test]
    fn a_missing_pair_and_a_bad_status_are_named() {
        let err =
            codes("status\tkind\tcameo\tplover\nheld\tcall\t041\tCONSULT/phone\nover\t*\t1\tX\n")
                .unwrap_err()
                .to_string();
        assert!(err.contains("unknown status \"over\""), "{err}");
        assert!(err.contains("no codes for a held visit"), "{err}");
    }
}
