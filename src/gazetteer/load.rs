//! Loads the actor, place and role files, checks their cross-references, and fills the
//! [`FormTable`] with every generated form.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::forms::{Form, FormTable, How, RoleId, Target};
use super::model::{Actor, ActorId, ActorKind, Place, PlaceId, PlaceKind, Tenure};
use super::morphology::{Gender, Morphology};
use crate::{DataDir, Error, Row};

const STATES: &[&str] = &[
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
const ORGANISATIONS: &[&str] = &[
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
const PERSONS: &[&str] = &["id", "qid", "name", "aliases", "surname", "gender"];
const PLACES: &[&str] = &[
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
}

pub(crate) fn load(data: &DataDir) -> Result<Loaded, Error> {
    let morphology = Morphology::new(data)?;
    let states = data.read("actors/states.tsv")?.table(STATES)?;
    let organisations = data
        .read("actors/organisations.tsv")?
        .table(ORGANISATIONS)?;
    let persons = data.read("actors/persons.tsv")?.table(PERSONS)?;
    let places = data.read("places/places.tsv")?.table(PLACES)?;
    let roles = data.read("roles/roles.tsv")?.table(ROLES)?;
    let role_words = data.read("roles/role_words.tsv")?.table(ROLE_WORDS)?;

    let mut l = Loaded::default();
    // 1. actors, so that references between files can be resolved
    for (rows, kind) in [
        (&states, None),
        (&organisations, Some("type")),
        (&persons, None),
    ] {
        for row in rows.iter() {
            let actor_kind = match kind.map(|c| row.get(c)) {
                None if std::ptr::eq(rows, &states) => ActorKind::State,
                None => ActorKind::Person,
                Some("organisation") => ActorKind::Organisation,
                Some("body") => ActorKind::Body,
                Some(other) => {
                    return Err(row.error(format!("type {other:?} is not organisation or body")));
                }
            };
            add_actor(&mut l, row, actor_kind)?;
        }
    }
    // 2. places: states are places too
    for (i, row) in states.iter().enumerate() {
        let state = ActorId(i as u32);
        let id = row.required("id")?;
        add_place(&mut l, row, id, PlaceKind::Country, Some(state))?;
    }
    for row in &places {
        let kind = match row.get("kind") {
            "city" => PlaceKind::City,
            "region" => PlaceKind::Region,
            "venue" => PlaceKind::Venue,
            other => return Err(row.error(format!("kind {other:?} is not city, region or venue"))),
        };
        let country = optional_ref(&l.actor_ids, row, "country")?;
        add_place(&mut l, row, row.required("id")?, kind, country)?;
    }
    // 3. cross-references
    for (i, row) in states.iter().enumerate() {
        if let Some(capital) = optional_ref(&l.place_ids, row, "capital")? {
            let place = &mut l.places[capital.0 as usize];
            if let Some(other) = place.capital_of {
                let other = &l.actors[other.0 as usize].id;
                return Err(row.error(format!(
                    "{} is already the capital of {other}: a capital stands for one government",
                    place.id
                )));
            }
            place.capital_of = Some(ActorId(i as u32));
            l.actors[i].capital = Some(capital);
        }
    }
    for row in &organisations {
        let id = l.actor_ids[row.get("id")];
        let parent = optional_ref(&l.actor_ids, row, "parent")?;
        let members = row
            .list("members")
            .map(|m| {
                l.actor_ids
                    .get(m)
                    .copied()
                    .ok_or_else(|| row.error(format!("unknown member {m:?}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let actor = &mut l.actors[id.0 as usize];
        actor.parent = parent;
        actor.members = members;
    }
    // 4. forms
    for row in &states {
        add_state_forms(&mut l, &morphology, row)?;
    }
    let state_adjectives: HashSet<&str> =
        states.iter().flat_map(|r| r.list("adjectives")).collect();
    for row in &organisations {
        add_organisation_forms(&mut l, &morphology, row, &state_adjectives)?;
    }
    for row in &persons {
        add_person_forms(&mut l, &morphology, row)?;
    }
    for row in &places {
        add_place_forms(&mut l, &morphology, row)?;
    }
    for row in &role_words {
        let role = role_id(&mut l, row.required("role")?);
        let of = optional_ref(&l.actor_ids, row, "of")?;
        for form in morphology.role_forms(row.required("word")?) {
            l.forms.add(
                &form,
                Form {
                    target: Target::Role { role, of },
                    how: How::Role,
                    compound_only: false,
                },
            );
        }
    }
    for row in &roles {
        let person = required_ref(&l.actor_ids, row, "person")?;
        let of = required_ref(&l.actor_ids, row, "of")?;
        let role = role_id(&mut l, row.required("role")?);
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
    }
    Ok(l)
}

fn add_actor(l: &mut Loaded, row: &Row, kind: ActorKind) -> Result<(), Error> {
    let id = row.required("id")?;
    let next = ActorId(l.actors.len() as u32);
    if l.actor_ids.insert(id.to_string(), next).is_some() {
        return Err(row.error(format!("actor id {id:?} is used twice")));
    }
    l.actors.push(Actor {
        id: id.to_string(),
        qid: qid(row)?,
        name: row.required("name")?.to_string(),
        kind,
        parent: None,
        members: Vec::new(),
        capital: None,
        category: if kind == ActorKind::Organisation || kind == ActorKind::Body {
            row.get("category").to_string()
        } else {
            String::new()
        },
    });
    Ok(())
}

fn add_place(
    l: &mut Loaded,
    row: &Row,
    id: &str,
    kind: PlaceKind,
    state: Option<ActorId>,
) -> Result<(), Error> {
    let next = PlaceId(l.places.len() as u32);
    if l.place_ids.insert(id.to_string(), next).is_some() {
        return Err(row.error(format!("place id {id:?} is used twice")));
    }
    l.places.push(Place {
        id: id.to_string(),
        qid: qid(row)?,
        name: row.required("name")?.to_string(),
        kind,
        state,
        capital_of: None,
    });
    Ok(())
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

fn required_ref<T: Copy>(ids: &HashMap<String, T>, row: &Row, column: &str) -> Result<T, Error> {
    optional_ref(ids, row, column)?.ok_or_else(|| row.error(format!("column {column:?} is empty")))
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
    let parts: Vec<Option<u32>> = v.split('-').map(|p| p.parse().ok()).collect();
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

fn add_state_forms(l: &mut Loaded, m: &Morphology, row: &Row) -> Result<(), Error> {
    let actor = l.actor_ids[row.get("id")];
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
    let target = Target::Actor(l.actor_ids[row.get("id")]);
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
    let person = l.actor_ids[row.get("id")];
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
    let target = Target::Place(l.place_ids[row.get("id")]);
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
