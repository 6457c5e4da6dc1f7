//! The entities a gazetteer knows: actors (states, organisations, bodies, persons), places and
//! the offices persons hold over time.

use chrono::NaiveDate;
use serde::Serialize;

/// Index of an actor in its [`Gazetteer`](super::Gazetteer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ActorId(pub(crate) u32);

/// Index of a place in its [`Gazetteer`](super::Gazetteer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PlaceId(pub(crate) u32);

/// What kind of party an actor is (the `type` of the evaluation schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A sovereign or de-facto state.
    State,
    /// An organisation: alliance, party, agency, company, ministry.
    Organisation,
    /// A council or organ of an organisation (`Nato-Russland-Rat`).
    Body,
    /// A natural person.
    Person,
}

impl ActorKind {
    /// `state`, `organisation`, `body` or `person`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Body => "body",
            ActorKind::Person => "person",
        }
    }
}

/// A party that can meet another: state, organisation, body or person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Stable slug, e.g. `russland`.
    pub id: String,
    /// Wikidata id, when known for sure.
    pub qid: Option<String>,
    /// Canonical German name (nominative).
    pub name: String,
    /// State, organisation, body or person.
    pub kind: ActorKind,
    /// The organisation a body belongs to.
    pub parent: Option<ActorId>,
    /// The parties a body joins (`Nato-Russland-Rat`: Nato, Russland).
    pub members: Vec<ActorId>,
    /// The capital of a state.
    pub capital: Option<PlaceId>,
    /// Free category from the data (`intergovernmental`, `party`, `agency`, `government`, ...).
    pub category: String,
    /// A person's pronoun (`persons.tsv` gender `m` or `f`): whom `er` or `sie` can refer to.
    pub pronoun: Option<Pronoun>,
}

/// The third-person singular pronoun that refers to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pronoun {
    /// `er`
    Er,
    /// `sie`
    Sie,
}

/// What kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A state used as a location (`in Japan`).
    Country,
    /// A city or town.
    City,
    /// A region, province, island or sea.
    Region,
    /// A building or site (`Schloss Bellevue`, `Camp David`).
    Venue,
}

/// A location where a meeting can take place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Stable slug, e.g. `genf`.
    pub id: String,
    /// Wikidata id, when known for sure.
    pub qid: Option<String>,
    /// Canonical German name.
    pub name: String,
    /// Country, city, region or venue.
    pub kind: PlaceKind,
    /// The state the place lies in; for a country, the state itself.
    pub state: Option<ActorId>,
    /// When this place is the capital of a state: that state (`Moskau` -> Russland).
    pub capital_of: Option<ActorId>,
}

/// One person holding one office for a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tenure {
    pub(crate) person: ActorId,
    pub(crate) from: NaiveDate,
    /// Last day, inclusive; `None` while in office.
    pub(crate) to: Option<NaiveDate>,
}

impl Tenure {
    pub(crate) fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }
}
