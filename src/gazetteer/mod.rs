//! Gazetteers: who and where. Loads actors, places and offices from `gazetteers/`, generates
//! their German forms, and finds [`Mention`]s of them in text.
//!
//! This stage owns the question "which entity does this word name?", including metonymy
//! (`Moskau prüft`), offices (`der französische Präsident` on the article's date) and later
//! mentions by surname. It knows nothing about events or dates beyond the article's own date.

mod forms;
mod lint;
mod load;
mod matcher;
mod model;
mod morphology;
mod names;
mod resolve;

use std::collections::HashMap;

use chrono::NaiveDate;

pub use forms::How;
pub use lint::lint;
pub use model::{Actor, ActorId, ActorKind, Place, PlaceId, PlaceKind, Pronoun};
pub use names::UnresolvedActor;
pub use resolve::{Entity, Mention};

use forms::{FormTable, RoleId};
use matcher::Matcher;
use model::Tenure;
use names::NameWords;
use resolve::ContextWords;

use crate::{DataDir, Error, Span};

/// Offices that lead an organisation or body, whatever the data calls them: a generic word for
/// one of them (`Chef`, `Präsident`, `Generalsekretär`) names whoever holds any of them.
const LEADER_ROLES: &[&str] = &[
    "secretary_general",
    "president",
    "head_of_state",
    "director_general",
    "executive_director",
    "central_bank_governor",
];

/// The compiled gazetteers: entities, their forms, and the matcher over them.
///
/// ```
/// use chronik::{DataDir, gazetteer::{Gazetteer, How}};
/// let gazetteer = Gazetteer::new(&DataDir::bundled())?;
/// let text = "Russlands Präsident traf die Nato-Spitze.";
/// let day = chrono::NaiveDate::from_ymd_opt(2021, 12, 28).unwrap();
/// let mentions = gazetteer.mentions(text, day, None);
/// let russland = gazetteer.actor_by_id("russland").unwrap();
/// assert!(mentions.iter().any(|m| m.actor() == Some(russland) && m.how == How::Inflection));
/// let nato = gazetteer.actor_by_id("nato").unwrap();
/// assert!(mentions.iter().any(|m| m.actor() == Some(nato) && m.how == How::Compound));
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug)]
pub struct Gazetteer {
    actors: Vec<Actor>,
    places: Vec<Place>,
    actor_ids: HashMap<String, ActorId>,
    place_ids: HashMap<String, PlaceId>,
    /// Actors by Wikidata id.
    actor_qids: HashMap<String, ActorId>,
    tenures: HashMap<(RoleId, ActorId), Vec<Tenure>>,
    /// Every person's offices: the state or organisation, and the tenure.
    active_persons: HashMap<ActorId, Vec<(ActorId, Tenure)>>,
    /// The offices that lead an organisation ([`LEADER_ROLES`]), by the organisation.
    leaders: HashMap<ActorId, Vec<Tenure>>,
    /// The role ids among [`LEADER_ROLES`].
    leader_roles: Vec<RoleId>,
    forms: FormTable,
    matcher: Matcher,
    context: ContextWords,
    /// Role ids by [`RoleId`] index.
    role_names: Vec<String>,
    /// Given names, particles and non-names, for persons the gazetteer does not know.
    names: NameWords,
    /// What [`Gazetteer::actor`] gives for an unresolved person named with an office, and for
    /// one named without (category `private`).
    unresolved_person: [Actor; 2],
    /// What [`Gazetteer::actor`] gives for an unresolved institution of each state: a
    /// government organisation whose one member is the state.
    institutions: Vec<Actor>,
}

/// Everything the gazetteer reads in one article: the mentions, and the persons the article
/// names that the gazetteer does not know (indexed by [`ActorId::unresolved_index`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// Mentions of actors and places, in text order.
    pub mentions: Vec<Mention>,
    /// Persons not in the gazetteer, in the order the article first names them.
    pub unresolved: Vec<UnresolvedActor>,
}

impl Gazetteer {
    /// Loads and checks every gazetteer file and compiles the matcher.
    ///
    /// # Errors
    /// Names the file and line of any malformed row or unknown reference.
    pub fn new(data: &DataDir) -> Result<Gazetteer, Error> {
        // both are read even when one fails, so that all problems are reported at once
        let (loaded, context) = match (load::load(data), ContextWords::new(data)) {
            (Ok(loaded), Ok(context)) => (loaded, context),
            (Err(a), Err(b)) => return Err(Error::many(vec![a, b])),
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        let matcher = Matcher::new(&loaded.forms.strings);
        let leader_roles: Vec<RoleId> = loaded
            .role_names
            .iter()
            .enumerate()
            .filter(|(_, name)| LEADER_ROLES.contains(&name.as_str()))
            .map(|(i, _)| RoleId(i as u16))
            .collect();
        let mut active_persons: HashMap<ActorId, Vec<_>> = HashMap::new();
        let mut leaders: HashMap<ActorId, Vec<Tenure>> = HashMap::new();
        for (&(role, of), tenures) in &loaded.tenures {
            for t in tenures {
                active_persons
                    .entry(t.person)
                    .or_default()
                    .push((of, t.clone()));
                if leader_roles.contains(&role)
                    && loaded.actors[of.0 as usize].kind != ActorKind::State
                {
                    leaders.entry(of).or_default().push(t.clone());
                }
            }
        }
        let names = NameWords::new(
            data,
            loaded
                .actors
                .iter()
                .filter(|a| a.kind == ActorKind::Person)
                .map(|a| a.name.as_str()),
        )?;
        let institutions: Vec<Actor> = loaded
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| Actor {
                id: String::new(),
                qid: None,
                name: String::new(),
                kind: ActorKind::Organisation,
                parent: None,
                members: if a.kind == ActorKind::State {
                    vec![ActorId(i as u32)]
                } else {
                    Vec::new()
                },
                capital: None,
                category: "government".to_string(),
                pronoun: None,
            })
            .collect();
        let actor_qids = loaded
            .actors
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((a.qid.clone()?, ActorId(i as u32))))
            .collect();
        Ok(Gazetteer {
            actor_qids,
            actors: loaded.actors,
            places: loaded.places,
            actor_ids: loaded.actor_ids,
            place_ids: loaded.place_ids,
            tenures: loaded.tenures,
            active_persons,
            leaders,
            leader_roles,
            forms: loaded.forms,
            matcher,
            context,
            role_names: loaded.role_names,
            names,
            institutions,
            unresolved_person: [String::new(), "private".to_string()].map(|category| Actor {
                id: String::new(),
                qid: None,
                name: String::new(),
                kind: ActorKind::Person,
                parent: None,
                members: Vec::new(),
                capital: None,
                category,
                pronoun: None,
            }),
        })
    }

    /// The actor with index `id`. For an unresolved person ([`ActorId::is_unresolved`]) this
    /// is a nameless person without id, QID or offices, of category `private` when the article
    /// gives no office; for an unresolved institution, a nameless government organisation whose
    /// one member is its state. Their names are in the article's [`Reading::unresolved`].
    pub fn actor(&self, id: ActorId) -> &Actor {
        if let Some(state) = id.institution_of() {
            return &self.institutions[state.0 as usize];
        }
        if id.is_unresolved() {
            return &self.unresolved_person[usize::from(id.without_office())];
        }
        &self.actors[id.0 as usize]
    }

    /// The place with index `id`.
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.0 as usize]
    }

    /// Looks an actor up by its slug (`russland`).
    pub fn actor_by_id(&self, id: &str) -> Option<ActorId> {
        self.actor_ids.get(id).copied()
    }

    /// Looks an actor up by its Wikidata id (`Q159`).
    ///
    /// ```
    /// use chronik::{DataDir, gazetteer::Gazetteer};
    /// let gazetteer = Gazetteer::new(&DataDir::bundled())?;
    /// let russia = gazetteer.actor_by_qid("Q159").unwrap();
    /// assert_eq!(gazetteer.actor(russia).id, "russland");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn actor_by_qid(&self, qid: &str) -> Option<ActorId> {
        self.actor_qids.get(qid).copied()
    }

    /// Looks an actor up by a name as text writes it: its name, an alias, an abbreviation or an
    /// inflected form (`Russland`, `Russische Föderation`, `Russlands`, `NATO`); else by its
    /// name in any case (`russland`). When a form names several actors, the one it names most
    /// directly (a name before an alias, an alias before an inflection), then the first listed.
    /// Offices, adjectives and capitals are not names: `russische` and `Moskau` give no actor.
    ///
    /// ```
    /// use chronik::{DataDir, gazetteer::Gazetteer};
    /// let gazetteer = Gazetteer::new(&DataDir::bundled())?;
    /// let name = |n: &str| gazetteer.find_actor(n).map(|a| gazetteer.actor(a).id.as_str());
    /// assert_eq!(name("Russische Föderation"), Some("russland"));
    /// assert_eq!(name("Russlands"), Some("russland"));
    /// assert_eq!(name("NATO"), Some("nato"));
    /// assert_eq!(name("vereinte nationen"), Some("un"));
    /// assert_eq!(name("Moskau"), None, "a capital is a place");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn find_actor(&self, name: &str) -> Option<ActorId> {
        let name = name.trim();
        let by_form = self.forms.get(name).and_then(|i| {
            self.forms.readings[i]
                .iter()
                .filter(|f| f.how.names_actor() && f.how != forms::How::Compound)
                .filter_map(|f| match f.target {
                    forms::Target::Actor(a) => Some((f.how, a)),
                    _ => None,
                })
                .min()
                .map(|(_, a)| a)
        });
        by_form.or_else(|| {
            let folded = name.to_lowercase();
            self.actors()
                .find(|(_, a)| a.name.to_lowercase() == folded)
                .map(|(id, _)| id)
        })
    }

    /// Looks a place up by a name as text writes it: its name or an alias (`Genf`, `Kyjiw`);
    /// else by its name in any case.
    ///
    /// ```
    /// use chronik::{DataDir, gazetteer::Gazetteer};
    /// let gazetteer = Gazetteer::new(&DataDir::bundled())?;
    /// let kyiv = gazetteer.find_place("Kyjiw").unwrap();
    /// assert_eq!(gazetteer.place(kyiv).id, "kiew");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn find_place(&self, name: &str) -> Option<PlaceId> {
        let name = name.trim();
        let by_form = self.forms.get(name).and_then(|i| {
            self.forms.readings[i]
                .iter()
                .filter(|f| matches!(f.how, forms::How::Name | forms::How::Alias))
                .filter_map(|f| match f.target {
                    forms::Target::Place(p) => Some((f.how, p)),
                    _ => None,
                })
                .min()
                .map(|(_, p)| p)
        });
        by_form.or_else(|| {
            let folded = name.to_lowercase();
            (0..self.places.len())
                .map(|i| PlaceId(i as u32))
                .find(|&p| self.place(p).name.to_lowercase() == folded)
        })
    }

    /// Looks a place up by its slug (`genf`).
    pub fn place_by_id(&self, id: &str) -> Option<PlaceId> {
        self.place_ids.get(id).copied()
    }

    /// The place that stands for a state used as a location (`in Japan`).
    pub fn place_of_state(&self, state: ActorId) -> Option<PlaceId> {
        self.place_ids
            .get(&self.actor(state).id)
            .copied()
            .filter(|p| self.place(*p).kind == PlaceKind::Country)
    }

    /// The state a place stands for, when it is a country.
    pub fn state_of_place(&self, place: PlaceId) -> Option<ActorId> {
        let p = self.place(place);
        (p.kind == PlaceKind::Country).then_some(p.state).flatten()
    }

    /// Number of actors, places and surface forms, for reports.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.actors.len(),
            self.places.len(),
            self.forms.strings.len(),
        )
    }

    /// Every actor, in data-file order.
    pub fn actors(&self) -> impl Iterator<Item = (ActorId, &Actor)> {
        self.actors
            .iter()
            .enumerate()
            .map(|(i, a)| (ActorId(i as u32), a))
    }

    /// Mentions of actors and places in `text`, resolved for an article of date `day`.
    /// `dateline` is left out of actor readings: a dateline names where the report comes from.
    /// Persons the gazetteer does not know are among them with unresolved ids; [`read`]
    /// gives their names too.
    ///
    /// [`read`]: Gazetteer::read
    pub fn mentions(&self, text: &str, day: NaiveDate, dateline: Option<Span>) -> Vec<Mention> {
        self.read(text, day, dateline).mentions
    }

    /// The mentions of `text` and the persons it names that the gazetteer does not know.
    ///
    /// ```
    /// use chronik::{DataDir, gazetteer::Gazetteer};
    /// let g = Gazetteer::new(&DataDir::bundled())?;
    /// let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
    /// let text = "Finanzministerin Xenia Quastberg traf Olaf Scholz. Quastberg lobte ihn.";
    /// let reading = g.read(text, day, None);
    /// assert_eq!(reading.unresolved[0].name, "Xenia Quastberg");
    /// assert_eq!(reading.unresolved[0].role.as_deref(), Some("finance_minister"));
    /// let ids: Vec<_> = reading.mentions.iter().filter_map(|m| m.actor()).filter(|a| a.is_unresolved()).collect();
    /// assert_eq!(ids.len(), 2); // the full name and the later surname
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn read(&self, text: &str, day: NaiveDate, dateline: Option<Span>) -> Reading {
        let mut hits = self.matcher.find(text);
        if let Some(dateline) = dateline {
            self.read_upper_case_dateline(text, dateline, &mut hits);
        }
        resolve::resolve(self, text, day, dateline, &hits)
    }

    /// `NEW YORK (dpa-AFX) -`: agencies write the dateline in capitals, which the forms (written
    /// as in running text) do not match. Such a dateline is matched in title case (`New York`,
    /// `St. Petersburg`) and its hits replace those found in it as written.
    ///
    /// ```
    /// use chronik::{DataDir, Span, gazetteer::Gazetteer};
    /// let g = Gazetteer::new(&DataDir::bundled())?;
    /// let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
    /// let text = "PARIS (dpa) - Scholz traf Macron.";
    /// let reading = g.read(text, day, Some(Span::new(0, 5)));
    /// assert!(reading.mentions.iter().any(|m| m.span == Span::new(0, 5) && m.place().is_some()));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    fn read_upper_case_dateline(&self, text: &str, dateline: Span, hits: &mut Vec<matcher::Hit>) {
        let written = dateline.text(text);
        if written.chars().any(char::is_lowercase) {
            return;
        }
        let titled = title_case(written);
        if titled.len() != written.len() {
            return; // offsets could not be carried over (a capital ẞ)
        }
        let found: Vec<matcher::Hit> = self
            .matcher
            .find(&titled)
            .into_iter()
            .map(|h| matcher::Hit {
                span: Span::new(h.span.start + dateline.start, h.span.end + dateline.start),
                ..h
            })
            .collect();
        if found.is_empty() {
            return;
        }
        hits.retain(|h| h.span.start >= dateline.end);
        hits.splice(0..0, found);
    }

    fn holder(&self, role: RoleId, of: ActorId, day: NaiveDate) -> Option<ActorId> {
        self.tenures
            .get(&(role, of))?
            .iter()
            .filter(|t| t.covers(day))
            .max_by_key(|t| t.from)
            .map(|t| t.person)
    }

    /// The one person who leads organisation `of` on `day`, for a leader's office the data
    /// stores under another title: `IAEA-Chef` (director general), `EZB-Präsidentin` (the
    /// bank's president and governor), `Duma-Chef`. Nobody when the office is not a leader's,
    /// `of` is a state, or several persons lead `of` on that day.
    fn leader(&self, role: RoleId, of: ActorId, day: NaiveDate) -> Option<ActorId> {
        if !self.leader_roles.contains(&role) {
            return None;
        }
        let mut holders = self
            .leaders
            .get(&of)?
            .iter()
            .filter(|t| t.covers(day))
            .map(|t| t.person);
        let first = holders.next()?;
        holders.all(|p| p == first).then_some(first)
    }

    /// Who takes `role` of `of` next after `day` (within a year): `der künftige US-Präsident`.
    fn next_holder(&self, role: RoleId, of: ActorId, day: NaiveDate) -> Option<ActorId> {
        let horizon = day + chrono::Duration::days(366);
        self.tenures
            .get(&(role, of))?
            .iter()
            .filter(|t| t.from > day && t.from <= horizon)
            .min_by_key(|t| t.from)
            .map(|t| t.person)
    }

    /// The states and organisations whose offices `person` holds on `day`.
    ///
    /// ```
    /// use chronik::{DataDir, gazetteer::Gazetteer};
    /// let g = Gazetteer::new(&DataDir::bundled())?;
    /// let merkel = g.actor_by_id("angela-merkel").unwrap();
    /// let day = chrono::NaiveDate::from_ymd_opt(2018, 12, 1).unwrap();
    /// assert!(g.offices_of(merkel, day).any(|of| Some(of) == g.actor_by_id("deutschland")));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn offices_of(
        &self,
        person: ActorId,
        day: NaiveDate,
    ) -> impl Iterator<Item = ActorId> + '_ {
        self.active_persons
            .get(&person)
            .into_iter()
            .flatten()
            .filter(move |(_, t)| t.covers(day))
            .map(|(of, _)| *of)
    }

    fn in_office_near(&self, person: ActorId, day: NaiveDate) -> bool {
        let margin = chrono::Duration::days(366);
        self.active_persons.get(&person).is_some_and(|periods| {
            periods
                .iter()
                .any(|(_, t)| t.from - margin <= day && t.to.is_none_or(|to| day <= to + margin))
        })
    }
}

/// `NEW YORK` -> `New York`, `ST. PETERSBURG` -> `St. Petersburg`: each word's first letter kept,
/// the others lower case.
fn title_case(upper: &str) -> String {
    let mut out = String::with_capacity(upper.len());
    let mut word_start = true;
    for c in upper.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphanumeric();
    }
    out
}
