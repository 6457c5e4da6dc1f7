//! The table of surface forms: every string the matcher looks for, and what it may mean.

use std::collections::HashMap;

use serde::Serialize;

use super::model::{ActorId, PlaceId};

/// How a mention matched its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    /// The canonical name: `Russland`.
    Name,
    /// Another name or spelling: `Russische Föderation`, `Kyjiw`.
    Alias,
    /// A generated inflection of a name: `Russlands`.
    Inflection,
    /// A short form: `NATO`, `UN`.
    Abbreviation,
    /// The first part of a hyphen compound: `US-Regierung`, `Nato-Osterweiterung`.
    Compound,
    /// A derived adjective: `russische`, `Moskauer`.
    Adjective,
    /// A demonym: `Russen`.
    Demonym,
    /// A capital standing for its government: `Moskau prüft`.
    Capital,
    /// A seat standing for its government: `Kreml`, `Weißes Haus`.
    Seat,
    /// An office resolved to its holder on the article's date: `US-Präsident`.
    Role,
    /// A later mention by surname: `Rjabkow`.
    Surname,
}

impl How {
    /// The lower-case name used in the JSON output: `name`, `inflection`, `surname`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            How::Name => "name",
            How::Alias => "alias",
            How::Inflection => "inflection",
            How::Abbreviation => "abbreviation",
            How::Compound => "compound",
            How::Adjective => "adjective",
            How::Demonym => "demonym",
            How::Capital => "capital",
            How::Seat => "seat",
            How::Role => "role",
            How::Surname => "surname",
        }
    }

    /// True for mentions that name the actor as a proper noun (what an actor list counts), as
    /// opposed to adjectives, demonyms, metonymic capitals and offices.
    pub fn names_actor(self) -> bool {
        matches!(
            self,
            How::Name
                | How::Alias
                | How::Inflection
                | How::Abbreviation
                | How::Compound
                | How::Surname
        )
    }
}

/// Index of a role id (`head_of_state`) in the gazetteer's role list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct RoleId(pub(crate) u16);

/// What a surface form can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Actor(ActorId),
    Place(PlaceId),
    /// An office; `of` is fixed by the word (`Kremlchef`) or found in context (`US-Präsident`).
    Role {
        role: RoleId,
        of: Option<ActorId>,
    },
    /// A person's surname, valid alone only with evidence.
    Surname(ActorId),
}

/// One reading of a surface form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Form {
    pub(crate) target: Target,
    pub(crate) how: How,
    /// Valid only as the first part of a hyphen compound (`US` in `US-Regierung`).
    pub(crate) compound_only: bool,
}

/// All surface forms with their readings, in insertion order.
#[derive(Debug, Default)]
pub(crate) struct FormTable {
    index: HashMap<String, usize>,
    pub(crate) strings: Vec<String>,
    pub(crate) readings: Vec<Vec<Form>>,
}

impl FormTable {
    /// The index of the surface form `surface`, if the table has it.
    pub(crate) fn get(&self, surface: &str) -> Option<usize> {
        self.index.get(surface).copied()
    }

    pub(crate) fn add(&mut self, surface: &str, form: Form) {
        let surface = surface.trim();
        if surface.chars().count() < 2 {
            return;
        }
        let i = *self.index.entry(surface.to_string()).or_insert_with(|| {
            self.strings.push(surface.to_string());
            self.readings.push(Vec::new());
            self.strings.len() - 1
        });
        let readings = &mut self.readings[i];
        if let Some(existing) = readings.iter_mut().find(|f| f.target == form.target) {
            // keep the strongest reading: a name beats an inflection, a full form a compound-only one
            if (form.how, form.compound_only) < (existing.how, existing.compound_only) {
                *existing = form;
            }
        } else {
            readings.push(form);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::How;

    #[test]
    fn names_agree_with_serde() {
        for how in [
            How::Name,
            How::Alias,
            How::Inflection,
            How::Abbreviation,
            How::Compound,
            How::Adjective,
            How::Demonym,
            How::Capital,
            How::Seat,
            How::Role,
            How::Surname,
        ] {
            assert_eq!(serde_json::to_value(how).unwrap(), how.as_str());
        }
    }
}
