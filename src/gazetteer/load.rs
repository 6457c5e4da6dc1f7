//! Loads the actor, place and role files, checks their cross-references, and fills the
//! [`FormTable`] with every generated form.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::forms::{Form, FormTable, How, RoleId, Target};
use super::model::{Actor, ActorId, ActorKind, Place, PlaceId, PlaceKind, Pronoun, Tenure};
use super::morphology::{Gender, Morphology};
use crate::data::amend_by_id;
use crate::error::Problems;
use crate::{DataDir, Error, Row};

pub(super) const STATES: &[&str] = &[
    "id",
    "qid",
    "name",
    "gender",
    "aliases",
    "adjectives",
    "demonyms",
    "prefixes",
    "capital",
    "seats",
];
pub(super) const ORGANISATIONS: &[&str] = &[
    "id",
    "qid",
    "type",
    "name",
    "gender",
    "aliases",
    "abbreviations",
    "parent",
    "members",
    "category",
];
pub(super) const PERSONS: &[&str] = &["id", "qid", "name", "aliases", "surname", "gender"];
pub(super) const PLACES: &[&str] = &[
    "id",
    "qid",
    "name",
    "kind",
    "country",
    "gender",
    "aliases",
    "adjectives",
];
const ROLES: &[&str] = &["person", "role", "of", "from", "to"];
const ROLE_WORDS: &[&str] = &["word", "role", "of"];

/// Everything loaded from the data files, before the matcher is compiled.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub(crate) actors: Vec<Actor>,
    pub(crate) places: Vec<Place>,
    pub(crate) actor_ids: HashMap<String, ActorId>,
    pub(crate) place_ids: HashMap<String, PlaceId>,
    pub(crate) role_names: Vec<String>,
    pub(crate) tenures: HashMap<(RoleId, ActorId), Vec<Tenure>>,
    pub(crate) forms: FormTable,
    /// Every actor file was read (else references to unknown actors are not reported).
    pub(crate) all_actors: bool,
    /// The place file was read.
    pub(crate) all_places: bool,
}

/// Loads and checks the actor, place and role files. Every problem is collected, with its file
/// and line, so that a broken directory is reported whole in one run. A row with a problem is
/// still loaded as far as it can be, so that the rows referring to it do not add problems of
/// their own; references into a file that could not be read at all are not checked.
pub(crate) fn load(data: &DataDir) -> Result<Loaded, Error> {
    let mut problems = Problems::default();
    let morphology = problems.take(Morphology::new(data));
    let mut table = |name: &str, columns: &[&str]| {
        let rows = data
            .read(name)
            .and_then(|f| f.table_rows(columns, &mut problems));
        problems.take(rows)
    };
    // an overlay's row with a known id amends it (`DataDir::with_overlay`)
    let mut entities = |name: &str, columns: &[&str], lists: &[&str]| {
        table(name, columns).map(|rows| amend_by_id(rows, lists))
    };
    let states = entities(
        "actors/states.tsv",
        STATES,
        &["aliases", "adjectives", "demonyms", "prefixes", "seats"],
    );
    let organisations = entities(
        "actors/organisations.tsv",
        ORGANISATIONS,
        &["aliases", "abbreviations", "members"],
    );
    let persons = entities("actors/persons.tsv", PERSONS, &["aliases", "surname"]);
    let places = entities("places/places.tsv", PLACES, &["aliases", "adjectives"]);
    let roles = table("roles/roles.tsv", ROLES).unwrap_or_default();
    let role_words = table("roles/role_words.tsv", ROLE_WORDS).unwrap_or_default();
    let mut l = Loaded {
        all_actors: states.is_some() && organisations.is_some() && persons.is_some(),
        all_places: places.is_some(),
        ..Loaded::default()
    };
    let (states, organisations, persons, places) = (
        states.unwrap_or_default(),
        organisations.unwrap_or_default(),
        persons.unwrap_or_default(),
        places.unwrap_or_default(),
    );
    let p = &mut problems;

    // 1. actors, so that references between files can be resolved
    for row in &states {
        add_actor(&mut l, row, ActorKind::State, p);
    }
    for row in &organisations {
        let kind = match row.get("type") {
            "body" => ActorKind::Body,
            "organisation" => ActorKind::Organisation,
            other => {
                p.push(row.error(format!("type {other:?} is not organisation or body")));
                ActorKind::Organisation
            }
        };
        add_actor(&mut l, row, kind, p);
    }
    for row in &persons {
        if !matches!(row.get("gender"), "m" | "f") {
            p.push(row.error(format!("gender {:?} is not m or f", row.get("gender"))));
        }
        add_actor(&mut l, row, ActorKind::Person, p);
    }
    // 2. places: states are places too
    for row in &states {
        if let Some(&state) = l.actor_ids.get(row.get("id")) {
            add_place(&mut l, row, PlaceKind::Country, Some(state), p);
        }
    }
    for row in &places {
        let kind = match row.get("kind") {
            "region" => PlaceKind::Region,
            "venue" => PlaceKind::Venue,
            "city" => PlaceKind::City,
            other => {
                p.push(row.error(format!("kind {other:?} is not city, region or venue")));
                PlaceKind::City
            }
        };
        let country = p.take(actor_ref(&l, row, "country")).flatten();
        add_place(&mut l, row, kind, country, p);
    }
    // 3. cross-references
    for row in &states {
        let Some(&state) = l.actor_ids.get(row.get("id")) else {
            continue;
        };
        let Some(capital) = p.take(place_ref(&l, row, "capital")).flatten() else {
            continue;
        };
        let place = &mut l.places[capital.0 as usize];
        if let Some(other) = place.capital_of {
            let other = &l.actors[other.0 as usize].id;
            p.push(row.error(format!(
                "{} is already the capital of {other}: a capital stands for one government",
                place.id
            )));
            continue;
        }
        place.capital_of = Some(state);
        l.actors[state.0 as usize].capital = Some(capital);
    }
    for row in &organisations {
        let Some(&id) = l.actor_ids.get(row.get("id")) else {
            continue;
        };
        let parent = p.take(actor_ref(&l, row, "parent")).flatten();
        let mut members = Vec::new();
        for m in row.list("members") {
            match l.actor_ids.get(m) {
                Some(&member) if member == id => {
                    p.push(row.error(format!("{m:?} is its own member")));
                }
                Some(&member) => members.push(member),
                None if l.all_actors => p.push(row.error(format!("unknown member {m:?}"))),
                None => {}
            }
        }
        let actor = &mut l.actors[id.0 as usize];
        actor.parent = parent;
        actor.members = members;
    }
    // 4. forms (without the morphology rules there are none to make; that was reported)
    if let Some(morphology) = &morphology {
        for row in &states {
            p.check(add_state_forms(&mut l, morphology, row));
        }
        let state_adjectives: HashSet<&str> =
            states.iter().flat_map(|r| r.list("adjectives")).collect();
        for row in &organisations {
            p.check(add_organisation_forms(
                &mut l,
                morphology,
                row,
                &state_adjectives,
            ));
        }
        for row in &persons {
            p.check(add_person_forms(&mut l, morphology, row));
        }
        for row in &places {
            p.check(add_place_forms(&mut l, morphology, row));
        }
        for row in &role_words {
            p.check(add_role_word(&mut l, morphology, row));
        }
    }
    for row in &roles {
        p.check(add_tenure(&mut l, row));
    }
    problems.finish(l)
}

/// The actor a reference names; `None` when the cell is empty, or when it names no known actor
/// but an actor file could not be read (that was reported, and its ids are unknown).
fn actor_ref(l: &Loaded, row: &Row, column: &str) -> Result<Option<ActorId>, Error> {
    match optional_ref(&l.actor_ids, row, column) {
        Err(_) if !l.all_actors => Ok(None),
        r => r,
    }
}

/// Like [`actor_ref`], for places.
fn place_ref(l: &Loaded, row: &Row, column: &str) -> Result<Option<PlaceId>, Error> {
    match optional_ref(&l.place_ids, row, column) {
        Err(_) if !l.all_places => Ok(None),
        r => r,
    }
}

fn add_role_word(l: &mut Loaded, morphology: &Morphology, row: &Row) -> Result<(), Error> {
    let word = row.required("word")?;
    let of = actor_ref(l, row, "of")?;
    let role = role_id(l, row.required("role")?);
    for form in morphology.role_forms(word) {
        l.forms.add(
            &form,
            Form {
                target: Target::Role { role, of },
                how: How::Role,
                compound_only: false,
            },
        );
    }
    Ok(())
}

fn add_tenure(l: &mut Loaded, row: &Row) -> Result<(), Error> {
    let (Some(person), Some(of)) = (actor_ref(l, row, "person")?, actor_ref(l, row, "of")?) else {
        row.required("person")?;
        row.required("of")?;
        return Ok(()); // an actor file could not be read: reported
    };
    if l.actors[person.0 as usize].kind != ActorKind::Person {
        return Err(row.error(format!("{:?} is not a person id", row.get("person"))));
    }
    let role = role_id(l, row.required("role")?);
    let from =
        parse_day(row, "from", false)?.ok_or_else(|| row.error("column \"from\" is empty"))?;
    let to = parse_day(row, "to", true)?;
    if to.is_some_and(|to| to < from) {
        return Err(row.error("\"to\" is before \"from\""));
    }
    l.tenures
        .entry((role, of))
        .or_default()
        .push(Tenure { person, from, to });
    Ok(())
}

/// Ids are lower-case ASCII slugs: `russland`, `nato-russland-rat`.
fn check_slug(row: &Row, id: &str) -> Result<(), Error> {
    let ok = !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if ok {
        Ok(())
    } else {
        Err(row.error(format!(
            "id {id:?} is not a lower-case ASCII slug like nato-russland-rat"
        )))
    }
}

/// Adds the actor of `row`; its problems are kept in `p`, and it is added anyway when it has an
/// id of its own, so that rows referring to it find it.
fn add_actor(l: &mut Loaded, row: &Row, kind: ActorKind, p: &mut Problems) {
    let Some(id) = p.take(row.required("id")) else {
        return;
    };
    p.check(check_slug(row, id));
    let next = ActorId(l.actors.len() as u32);
    if l.actor_ids.contains_key(id) {
        p.push(row.error(format!("actor id {id:?} is used twice")));
        return;
    }
    l.actor_ids.insert(id.to_string(), next);
    l.actors.push(Actor {
        id: id.to_string(),
        qid: p.take(qid(row)).flatten(),
        name: p.take(row.required("name")).unwrap_or(id).to_string(),
        kind,
        parent: None,
        members: Vec::new(),
        capital: None,
        category: if kind == ActorKind::Organisation || kind == ActorKind::Body {
            row.get("category").to_string()
        } else {
            String::new()
        },
        pronoun: match (kind, row.get("gender")) {
            (ActorKind::Person, "m") => Some(Pronoun::Er),
            (ActorKind::Person, "f") => Some(Pronoun::Sie),
            _ => None,
        },
    });
}

/// Adds the place of `row` (a state's row makes its country), like [`add_actor`].
fn add_place(l: &mut Loaded, row: &Row, kind: PlaceKind, state: Option<ActorId>, p: &mut Problems) {
    let country = kind == PlaceKind::Country;
    let Some(id) = p.take(row.required("id")) else {
        return;
    };
    if !country {
        // a state's id was checked with its actor
        p.check(check_slug(row, id));
    }
    let next = PlaceId(l.places.len() as u32);
    if l.place_ids.contains_key(id) {
        let what = if country { "state id" } else { "place id" };
        p.push(row.error(format!("{what} {id:?} is used twice")));
        return;
    }
    l.place_ids.insert(id.to_string(), next);
    l.places.push(Place {
        id: id.to_string(),
        qid: if country {
            qid(row).ok().flatten()
        } else {
            p.take(qid(row)).flatten()
        },
        name: if country {
            row.get("name").to_string()
        } else {
            p.take(row.required("name")).unwrap_or(id).to_string()
        },
        kind,
        state,
        capital_of: None,
    });
}

fn qid(row: &Row) -> Result<Option<String>, Error> {
    let q = row.get("qid");
    if q.is_empty() {
        return Ok(None);
    }
    if q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(q.to_string()))
    } else {
        Err(row.error(format!("qid {q:?} is not a Wikidata id like Q159")))
    }
}

fn gender(row: &Row) -> Result<Gender, Error> {
    Gender::parse(row.get("gender")).ok_or_else(|| {
        row.error(format!(
            "gender {:?} is not m, f, n or pl",
            row.get("gender")
        ))
    })
}

fn optional_ref<T: Copy>(
    ids: &HashMap<String, T>,
    row: &Row,
    column: &str,
) -> Result<Option<T>, Error> {
    let v = row.get(column);
    if v.is_empty() {
        return Ok(None);
    }
    ids.get(v)
        .copied()
        .map(Some)
        .ok_or_else(|| row.error(format!("{column} {v:?} is not a known id")))
}

fn role_id(l: &mut Loaded, name: &str) -> RoleId {
    let i = l
        .role_names
        .iter()
        .position(|r| r == name)
        .unwrap_or_else(|| {
            l.role_names.push(name.to_string());
            l.role_names.len() - 1
        });
    RoleId(i as u16)
}

fn parse_day(row: &Row, column: &str, end_of_period: bool) -> Result<Option<NaiveDate>, Error> {
    let v = row.get(column);
    if v.is_empty() {
        return Ok(None);
    }
    // YYYY, YYYY-MM or YYYY-MM-DD, digits only
    let widths = [4, 2, 2];
    let well_formed = v.split('-').count() <= 3
        && v.split('-')
            .zip(widths)
            .all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()));
    let parts: Vec<Option<u32>> = v
        .split('-')
        .map(|p| p.parse().ok().filter(|_| well_formed))
        .collect();
    let day = match parts.as_slice() {
        [Some(y), Some(m), Some(d)] => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        [Some(y), Some(m)] if end_of_period => NaiveDate::from_ymd_opt(*y as i32, *m + 1, 1)
            .or_else(|| NaiveDate::from_ymd_opt(*y as i32 + 1, 1, 1))
            .and_then(|d| d.pred_opt()),
        [Some(y), Some(m)] => NaiveDate::from_ymd_opt(*y as i32, *m, 1),
        [Some(y)] if end_of_period => NaiveDate::from_ymd_opt(*y as i32, 12, 31),
        [Some(y)] => NaiveDate::from_ymd_opt(*y as i32, 1, 1),
        _ => None,
    };
    day.map(Some)
        .ok_or_else(|| row.error(format!("{column} {v:?} is not a date like 2022-01-10")))
}

fn add_names(
    l: &mut Loaded,
    m: &Morphology,
    row: &Row,
    target: Target,
    common_noun: bool,
) -> Result<(), Error> {
    let g = gender(row)?;
    let name = row.required("name")?;
    for (i, form) in m.name_forms(name, g, common_noun).into_iter().enumerate() {
        let how = if i == 0 { How::Name } else { How::Inflection };
        l.forms.add(
            &form,
            Form {
                target,
                how,
                compound_only: false,
            },
        );
    }
    for alias in row.list("aliases") {
        for (i, form) in m.name_forms(alias, g, common_noun).into_iter().enumerate() {
            l.forms.add(
                &form,
                Form {
                    target,
                    how: if i == 0 { How::Alias } else { How::Inflection },
                    compound_only: false,
                },
            );
        }
    }
    Ok(())
}

/// The actor a row added, or `None` when the row had a problem (reported when it was added).
fn added_actor(l: &Loaded, row: &Row) -> Option<ActorId> {
    l.actor_ids.get(row.get("id")).copied()
}

fn add_state_forms(l: &mut Loaded, m: &Morphology, row: &Row) -> Result<(), Error> {
    let Some(actor) = added_actor(l, row) else {
        return Ok(());
    };
    let target = Target::Actor(actor);
    add_names(l, m, row, target, false)?;
    for stem in row.list("adjectives") {
        for form in m.adjective_forms(stem) {
            l.forms.add(
                &form,
                Form {
                    target,
                    how: How::Adjective,
                    compound_only: false,
                },
            );
        }
    }
    let adjective_stems: Vec<&str> = row.list("adjectives").collect();
    for demonym in row.list("demonyms") {
        for form in m.demonym_forms(demonym, &adjective_stems) {
            l.forms.add(
                &form,
                Form {
                    target,
                    how: How::Demonym,
                    compound_only: false,
                },
            );
        }
    }
    for prefix in row.list("prefixes") {
        l.forms.add(
            prefix,
            Form {
                target,
                how: How::Compound,
                compound_only: true,
            },
        );
    }
    for seat in row.list("seats") {
        for form in m.name_forms(seat, Gender::Masculine, true) {
            l.forms.add(
                &form,
                Form {
                    target,
                    how: How::Seat,
                    compound_only: false,
                },
            );
        }
    }
    Ok(())
}

fn add_organisation_forms(
    l: &mut Loaded,
    m: &Morphology,
    row: &Row,
    state_adjectives: &HashSet<&str>,
) -> Result<(), Error> {
    let Some(actor) = added_actor(l, row) else {
        return Ok(());
    };
    let target = Target::Actor(actor);
    add_names(l, m, row, target, true)?;
    // `das russische Außenministerium`: in running text a state's adjective is lower case; a
    // government office so named is an organisation of its own (news notes), an army is not
    let g = gender(row)?;
    let offices = if row.get("category") == "government" {
        row.list("aliases").collect()
    } else {
        Vec::new()
    };
    for name in std::iter::once(row.get("name"))
        .filter(|_| row.get("category") == "government")
        .chain(offices)
    {
        let Some((first, rest)) = name.split_once(' ') else {
            continue;
        };
        let lower = first.to_lowercase();
        if first.starts_with(char::is_uppercase)
            && m.adjective_stem_of(&lower)
                .is_some_and(|stem| state_adjectives.contains(stem))
        {
            for (i, form) in m
                .name_forms(&format!("{lower} {rest}"), g, true)
                .into_iter()
                .enumerate()
            {
                l.forms.add(
                    &form,
                    Form {
                        target,
                        how: if i == 0 { How::Alias } else { How::Inflection },
                        compound_only: false,
                    },
                );
            }
        }
    }
    for abbreviation in row.list("abbreviations") {
        l.forms.add(
            abbreviation,
            Form {
                target,
                how: How::Abbreviation,
                compound_only: false,
            },
        );
    }
    Ok(())
}

fn add_person_forms(l: &mut Loaded, m: &Morphology, row: &Row) -> Result<(), Error> {
    let Some(person) = added_actor(l, row) else {
        return Ok(());
    };
    let target = Target::Actor(person);
    let name = row.required("name")?;
    l.forms.add(
        name,
        Form {
            target,
            how: How::Name,
            compound_only: false,
        },
    );
    for form in m
        .name_forms(name, Gender::Masculine, false)
        .into_iter()
        .skip(1)
    {
        l.forms.add(
            &form,
            Form {
                target,
                how: How::Inflection,
                compound_only: false,
            },
        );
    }
    // spellings without diacritics other than German umlauts: `Recep Tayyip Erdoğan` -> `Erdogan`
    let folded = m.fold(name);
    for alias in row.list("aliases").chain(folded.as_deref()) {
        for spelling in std::iter::once(alias.to_string()).chain(m.fold(alias)) {
            l.forms.add(
                &spelling,
                Form {
                    target,
                    how: How::Alias,
                    compound_only: false,
                },
            );
        }
    }
    let surnames: Vec<&str> = match row.get("surname") {
        "-" => Vec::new(),
        "" => name
            .rsplit(' ')
            .next()
            .filter(|s| *s != name)
            .into_iter()
            .collect(),
        _ => row.list("surname").collect(),
    };
    for surname in surnames {
        let spellings = std::iter::once(surname.to_string()).chain(m.fold(surname));
        for spelling in spellings {
            for form in m.name_forms(&spelling, Gender::Masculine, false) {
                l.forms.add(
                    &form,
                    Form {
                        target: Target::Surname(person),
                        how: How::Surname,
                        compound_only: false,
                    },
                );
            }
        }
    }
    Ok(())
}

fn add_place_forms(l: &mut Loaded, m: &Morphology, row: &Row) -> Result<(), Error> {
    let Some(&place) = l.place_ids.get(row.get("id")) else {
        return Ok(());
    };
    let target = Target::Place(place);
    add_names(l, m, row, target, false)?;
    let adjectives: Vec<String> = match row.get("adjectives") {
        "-" => Vec::new(),
        "" => m.city_adjective(row.get("name")),
        _ => row.list("adjectives").map(str::to_string).collect(),
    };
    for adjective in adjectives {
        l.forms.add(
            &adjective,
            Form {
                target,
                how: How::Adjective,
                compound_only: false,
            },
        );
    }
    Ok(())
}
