//! Turns raw matcher hits into [`Mention`]s by looking at their context: compounds, capitals
//! as governments, offices resolved to their holders, surnames resolved to persons named before.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::forms::{Form, How, Target};
use super::matcher::Hit;
use super::model::{ActorId, ActorKind, PlaceId};
use super::names::{UnresolvedPerson, next_word, starts_word, word_at};
use super::{Gazetteer, Reading};
use crate::{DataDir, Error, Span};

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    /// A state, organisation, body or person.
    Actor(ActorId),
    /// A location.
    Place(PlaceId),
}

/// A span of text that refers to a gazetteer entity, and how it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where in the article text.
    pub span: Span,
    /// The entity.
    #[serde(skip)]
    pub entity: Entity,
    /// How the text names it.
    pub how: How,
}

impl Mention {
    /// The actor, when the mention refers to one.
    pub fn actor(&self) -> Option<ActorId> {
        match self.entity {
            Entity::Actor(a) => Some(a),
            Entity::Place(_) => None,
        }
    }

    /// The place, when the mention refers to one.
    pub fn place(&self) -> Option<PlaceId> {
        match self.entity {
            Entity::Place(p) => Some(p),
            Entity::Actor(_) => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContextKind {
    Locative,
    Party,
    Genitive,
    Article,
    NotCurrent,
    FutureOffice,
    Settlement,
    Indefinite,
}

/// Function words that tell how a name is used (`text/context_words.tsv`), and capitalised
/// common words that are also surnames (`text/common_words.tsv`).
#[derive(Debug, Clone)]
pub(crate) struct ContextWords {
    kinds: HashMap<String, Vec<ContextKind>>,
    common: HashSet<String>,
    /// News agency tags (`text/agencies.tsv`): in parentheses they are bylines.
    agencies: HashSet<String>,
}

impl ContextWords {
    pub(crate) fn new(data: &DataDir) -> Result<ContextWords, Error> {
        let mut kinds: HashMap<String, Vec<ContextKind>> = HashMap::new();
        for row in data
            .read("text/context_words.tsv")?
            .table(&["word", "kind"])?
        {
            let kind = match row.get("kind") {
                "locative" => ContextKind::Locative,
                "party" => ContextKind::Party,
                "genitive" => ContextKind::Genitive,
                "article" => ContextKind::Article,
                "not_current" => ContextKind::NotCurrent,
                "future_office" => ContextKind::FutureOffice,
                "settlement" => ContextKind::Settlement,
                "indefinite" => ContextKind::Indefinite,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            kinds
                .entry(row.required("word")?.to_lowercase())
                .or_default()
                .push(kind);
        }
        let mut common = HashSet::new();
        for row in data.read("text/common_words.tsv")?.table(&["word"])? {
            let word = row.required("word")?;
            common.insert(format!("{word}s")); // the genitive: `des Westfälischen Friedens`
            common.insert(word.to_string());
        }
        Ok(ContextWords {
            kinds,
            common,
            agencies: crate::document::agency_tags(data)?,
        })
    }

    fn is(&self, word: &str, kind: ContextKind) -> bool {
        self.kinds
            .get(crate::data::lower_case(word).as_ref())
            .is_some_and(|k| k.contains(&kind))
    }

    /// The word before byte `start`, and where it starts.
    fn word_before(text: &str, start: usize) -> Option<(&str, usize)> {
        let head = text[..start].trim_end();
        if head.ends_with(|c: char| !c.is_alphabetic()) {
            return None;
        }
        let word = head.rsplit(|c: char| !c.is_alphabetic()).next()?;
        Some((word, head.len() - word.len()))
    }

    fn before(&self, text: &str, start: usize, kind: ContextKind) -> bool {
        Self::word_before(text, start).is_some_and(|(w, _)| self.is(w, kind))
    }

    /// `in Genf`, `in den USA`, `nach Moskau`, `in der äthiopischen Hauptstadt Addis Abeba`: a
    /// location, not a party. A settlement noun and the lower-case adjectives before it may
    /// stand between the article and the name.
    fn locative(&self, text: &str, start: usize) -> bool {
        let mut at = start;
        if let Some((w, before)) = Self::word_before(text, at)
            && self.is(w, ContextKind::Settlement)
        {
            at = before;
            while let Some((w, before)) = Self::word_before(text, at)
                && w.starts_with(char::is_lowercase)
                && !self.is(w, ContextKind::Article)
                && !self.is(w, ContextKind::Locative)
            {
                at = before;
            }
        }
        match Self::word_before(text, at) {
            Some((w, _)) if self.is(w, ContextKind::Locative) => true,
            Some((w, at)) if self.is(w, ContextKind::Article) => {
                self.before(text, at, ContextKind::Locative)
            }
            _ => false,
        }
    }
}

/// True when `start` begins a sentence: nothing before it but white space after `.`, `!`, `?`,
/// `:`, a quote or a line break.
fn sentence_initial(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end_matches([' ', '\t', '"', '„', '“', '»', '«']);
    head.is_empty() || head.ends_with(['.', '!', '?', ':', '\n']) || text[..start].ends_with('\n')
}

/// `(dpa)`, `(AFP/dpa)`: a news agency named in parentheses is a byline, not an actor.
fn byline(text: &str, span: Span) -> bool {
    let before = text[..span.start]
        .trim_end_matches(|c: char| c.is_alphabetic() || matches!(c, '/' | ' ' | ','));
    let after = text[span.end..]
        .trim_start_matches(|c: char| c.is_alphabetic() || matches!(c, '/' | ' ' | ','));
    before.ends_with('(') && after.starts_with(')')
}

pub(crate) fn resolve(
    g: &Gazetteer,
    text: &str,
    day: NaiveDate,
    dateline: Option<Span>,
    hits: &[Hit],
) -> Reading {
    let mut out = Vec::with_capacity(hits.len());
    let mut named: HashSet<ActorId> = HashSet::new();
    let (unknown, unresolved) = unknown_persons(g, text, hits, dateline);
    for (i, hit) in hits.iter().enumerate() {
        if unknown
            .iter()
            .any(|u| u.span.start <= hit.span.start && hit.span.start < u.span.end)
        {
            continue; // a word of a name the gazetteer does not know: `Abbas` in `Abbas Kamel`
        }
        let readings = &g.forms.readings[hit.form];
        let in_dateline = dateline.is_some_and(|d| d.contains(hit.span));
        let has_name_reading = readings
            .iter()
            .any(|f| matches!(f.target, Target::Actor(_) | Target::Place(_)));
        // a building that is both a place and an institution (`Weißes Haus`, `Kreml`): after a
        // locative it is the place (`im Weißen Haus`), elsewhere the institution
        let place_or_institution = readings
            .iter()
            .any(|f| matches!(f.target, Target::Place(_)))
            && readings.iter().any(
                |f| matches!(f.target, Target::Actor(a) if g.actor(a).kind != ActorKind::State),
            );
        let locative =
            place_or_institution && !hit.compound && g.context.locative(text, hit.span.start);
        for form in readings {
            if form.compound_only && !hit.compound {
                continue;
            }
            match form.target {
                Target::Actor(actor) => {
                    let a = g.actor(actor);
                    if in_dateline
                        || (g
                            .context
                            .agencies
                            .contains(&hit.span.text(text).to_lowercase())
                            && byline(text, hit.span))
                    {
                        continue;
                    }
                    if foreign_adjective(g, text, hits, i, actor) {
                        continue; // `des syrischen Nationalrates` is not Austria's Nationalrat
                    }
                    if locative && a.kind != ActorKind::State {
                        continue; // `im Weißen Haus`: the building
                    }
                    // a seat stays a seat in a compound (`Kreml-Sprecher` does not name Russland)
                    let how = if hit.compound && !matches!(form.how, How::Adjective | How::Seat) {
                        How::Compound
                    } else {
                        form.how
                    };
                    let country = g
                        .place_of_state(actor)
                        .filter(|_| a.kind == ActorKind::State);
                    if let Some(place) = country
                        .filter(|_| !hit.compound && g.context.locative(text, hit.span.start))
                    {
                        // `in Japan`: the country as a location, not the state as a party
                        out.push(Mention {
                            span: hit.span,
                            entity: Entity::Place(place),
                            how,
                        });
                        continue;
                    }
                    out.push(Mention {
                        span: hit.span,
                        entity: Entity::Actor(actor),
                        how,
                    });
                    push_leading_adjective(g, text, hit, &mut out);
                    if g.actor(actor).kind == ActorKind::Person
                        && matches!(form.how, How::Name | How::Alias | How::Inflection)
                    {
                        named.insert(actor);
                    }
                    if hit.span.text(text).contains('-') {
                        push_parts(g, actor, hit.span, &mut out);
                    }
                }
                Target::Place(place) => {
                    if place_or_institution && !locative {
                        continue; // `Das Weiße Haus teilte mit`: the institution
                    }
                    out.push(Mention {
                        span: hit.span,
                        entity: Entity::Place(place),
                        how: form.how,
                    });
                    let Some(state) = g.place(place).capital_of else {
                        continue;
                    };
                    if !in_dateline
                        && form.how != How::Adjective
                        && acts_as_government(g, text, hit)
                    {
                        out.push(Mention {
                            span: hit.span,
                            entity: Entity::Actor(state),
                            how: How::Capital,
                        });
                    }
                }
                Target::Surname(person) => {
                    let surface = hit.span.text(text);
                    if !named.contains(&person)
                        && unknown.iter().any(|u| {
                            u.span.end <= hit.span.start
                                && same_surname(u.surname.text(text), surface)
                        })
                    {
                        continue; // `Kamel` after `Abbas Kamel`: the unknown person named before
                    }
                    if given_name_of_another(g, text, hits, hit) {
                        continue; // `Abbas Kamel`, `Hans-Dietrich`: not Mahmud Abbas, not Han
                    }
                    let alone_ok = !has_name_reading
                        && !g.context.common.contains(surface)
                        && !sentence_initial(text, hit.span.start)
                        && g.in_office_near(person, day)
                        && unique_surname(g, readings, day);
                    let evidence = named.contains(&person) || alone_ok;
                    if !in_dateline && evidence {
                        out.push(Mention {
                            span: hit.span,
                            entity: Entity::Actor(person),
                            how: How::Surname,
                        });
                    }
                }
                Target::Role { role, of } => {
                    let qualifier = office_qualifier(g, text, hits, i);
                    if unknown.iter().any(|u| u.role_hit == Some(i))
                        || names_person_next(g, text, hits, i)
                        || matches!(
                            qualifier,
                            Some(ContextKind::NotCurrent | ContextKind::Indefinite)
                        )
                    {
                        continue; // `US-Präsident Barack Obama`: the name says who; `der frühere Präsident`; `ein Sprecher`
                    }
                    let of = of.or_else(|| office_state(g, text, hits, i));
                    let holder = |of| match qualifier {
                        Some(_) => g.next_holder(role, of, day),
                        None => g.holder(role, of, day).or_else(|| g.leader(role, of, day)),
                    };
                    if let Some(person) = of.and_then(holder) {
                        out.push(Mention {
                            span: hit.span,
                            entity: Entity::Actor(person),
                            how: How::Role,
                        });
                    }
                }
            }
        }
    }
    unresolved_mentions(text, &unknown, &mut out);
    out.sort_by_key(|m| m.span.start);
    Reading {
        mentions: out,
        unresolved,
    }
}

/// A name the gazetteer does not know, found before the hits are read.
#[derive(Debug, Clone, Copy)]
struct Unknown {
    /// The whole name: `Abbas Kamel`.
    span: Span,
    /// Its last word, which later mentions use alone.
    surname: Span,
    /// The office hit right before it, whose holder the name gives.
    role_hit: Option<usize>,
    /// Index into the article's unresolved persons.
    index: usize,
    /// The article gives the person an office.
    office: bool,
}

/// The hit that starts at byte `start`.
fn hit_at(hits: &[Hit], start: usize) -> Option<&Hit> {
    hits.binary_search_by_key(&start, |h| h.span.start)
        .ok()
        .map(|i| &hits[i])
}

/// A hit whose every reading is a surname: a known person's surname, or someone else's name.
fn surname_only(g: &Gazetteer, hit: &Hit) -> bool {
    g.forms.readings[hit.form]
        .iter()
        .all(|f| matches!(f.target, Target::Surname(_)))
}

/// A word the gazetteer knows as something other than a surname (a state, an office, a full
/// name, a place): not part of an unknown name.
fn known_word(g: &Gazetteer, hits: &[Hit], word: Span) -> bool {
    let from = hits.partition_point(|h| h.span.end <= word.start);
    hits[from..]
        .iter()
        .take_while(|h| h.span.start < word.end)
        .any(|h| !surname_only(g, h))
}

/// The words of a name after byte `end`: name-like words and particles (`de`, `bin`), each
/// after one space, up to five; a name starts and ends with a name-like word.
fn name_words(g: &Gazetteer, text: &str, hits: &[Hit], end: usize) -> Vec<Span> {
    let mut words: Vec<(Span, bool)> = Vec::new();
    let mut at = end;
    while words.len() < 5 {
        let Some(w) = next_word(text, at) else { break };
        let s = w.text(text);
        if g.names.is_particle(s) && !words.is_empty() {
            words.push((w, true));
        } else if g.names.name_like(s) && !known_word(g, hits, w) {
            words.push((w, false));
        } else {
            break;
        }
        at = w.end;
    }
    while words.last().is_some_and(|(_, particle)| *particle) {
        words.pop();
    }
    words.into_iter().map(|(w, _)| w).collect()
}

/// Persons the gazetteer does not know: a name after an office (`Geheimdienstchef Abbas
/// Kamel`, `Ministerpräsident Kemmerich`) or a given name and more name words (`Hans Martin
/// Bury`). A single word after an office that is a known surname is that person
/// (`Außenminister Fidan`); a given name before a known surname is someone else (`Thomas
/// Schäuble`).
fn unknown_persons(
    g: &Gazetteer,
    text: &str,
    hits: &[Hit],
    dateline: Option<Span>,
) -> (Vec<Unknown>, Vec<UnresolvedPerson>) {
    let mut found: Vec<(Span, Option<usize>)> = Vec::new();
    for (i, hit) in hits.iter().enumerate() {
        let is_role = g.forms.readings[hit.form]
            .iter()
            .any(|f| matches!(f.target, Target::Role { .. }));
        if !is_role || hit.compound {
            continue;
        }
        let words = name_words(g, text, hits, hit.span.end);
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        if hit_at(hits, first.start).is_some()
            && (words.len() == 1 || !g.names.is_first_name(first.text(text)))
        {
            continue; // `Außenminister Fidan`, `Präsident Moon Jae-In`: the known person's surname
        }
        found.push((Span::new(first.start, last.end), Some(i)));
    }
    let mut at = 0;
    for (i, c) in text.char_indices() {
        if i < at || !c.is_uppercase() || !starts_word(text, i) {
            continue;
        }
        let Some(first) = word_at(text, i) else {
            continue;
        };
        at = first.end;
        let inside = hits.partition_point(|h| h.span.start < i);
        let inside_hit = inside > 0 && hits[inside - 1].span.end > i;
        if !g.names.is_first_name(first.text(text))
            || inside_hit
            || hit_at(hits, i).is_some_and(|h| !surname_only(g, h))
            || found.iter().any(|(f, _)| f.start <= i && i < f.end)
        {
            continue;
        }
        let words = name_words(g, text, hits, first.end);
        if let Some(last) = words.last() {
            found.push((Span::new(first.start, last.end), None));
            at = last.end;
        }
    }
    found.retain(|(span, _)| dateline.is_none_or(|d| !d.contains(*span)));
    found.sort_by_key(|(span, _)| span.start);
    let mut unknown = Vec::with_capacity(found.len());
    let mut persons: Vec<UnresolvedPerson> = Vec::new();
    for (span, role_hit) in found {
        let name = span.text(text);
        let index = match persons.iter().position(|p| p.name == name) {
            Some(index) => index,
            None => {
                let (role, of) = role_hit
                    .and_then(|i| {
                        g.forms.readings[hits[i].form]
                            .iter()
                            .find_map(|f| match f.target {
                                Target::Role { role, of } => Some((role, of, i)),
                                _ => None,
                            })
                    })
                    .map_or((None, None), |(role, of, i)| {
                        (
                            Some(g.role_names[role.0 as usize].clone()),
                            of.or_else(|| office_state(g, text, hits, i)),
                        )
                    });
                persons.push(UnresolvedPerson {
                    name: name.to_string(),
                    span,
                    role,
                    of,
                });
                persons.len() - 1
            }
        };
        let surname = name
            .rfind(' ')
            .map_or(span, |k| Span::new(span.start + k + 1, span.end));
        unknown.push(Unknown {
            span,
            surname,
            role_hit,
            index,
            office: persons[index].role.is_some(),
        });
    }
    (unknown, persons)
}

/// `Kamel` or `Kamels` for the surname `Kamel`.
fn same_surname(surname: &str, word: &str) -> bool {
    word == surname || word.strip_suffix('s') == Some(surname)
}

/// A known surname that is a given name right before another name word (`Abbas Kamel`,
/// `Hans-Dietrich`): the given name of someone else.
fn given_name_of_another(g: &Gazetteer, text: &str, hits: &[Hit], hit: &Hit) -> bool {
    if !g.names.is_first_name(hit.span.text(text)) {
        return false;
    }
    if hit.compound {
        return text[hit.span.end + 1..].starts_with(char::is_uppercase);
    }
    next_word(text, hit.span.end)
        .is_some_and(|w| g.names.name_like(w.text(text)) && !known_word(g, hits, w))
}

/// The mentions of unknown persons: each full name, and later mentions of its surname alone
/// (`Kamel sagte`) that no known person's mention holds.
fn unresolved_mentions(text: &str, unknown: &[Unknown], out: &mut Vec<Mention>) {
    let mut later = Vec::new();
    for u in unknown {
        out.push(Mention {
            span: u.span,
            entity: Entity::Actor(ActorId::unresolved(u.index, u.office)),
            how: How::Name,
        });
        if unknown
            .iter()
            .any(|v| v.index == u.index && v.span.start > u.span.start)
        {
            continue; // the later full mention searches on
        }
        let surname = u.surname.text(text);
        for (k, _) in text[u.span.end..].match_indices(surname) {
            let start = u.span.end + k;
            let Some(word) = word_at(text, start) else {
                continue;
            };
            let taken = |s: Span| {
                unknown
                    .iter()
                    .any(|v| v.span.start <= s.start && s.start < v.span.end)
                    || out.iter().any(|m| m.span.start == s.start)
            };
            if !starts_word(text, start) || !same_surname(surname, word.text(text)) || taken(word) {
                continue;
            }
            later.push(Mention {
                span: word,
                entity: Entity::Actor(ActorId::unresolved(u.index, u.office)),
                how: How::Surname,
            });
        }
    }
    out.extend(later);
}

/// A state's organ right after the adjective of another state (`des syrischen Nationalrates`,
/// `das russische Parlament`... when the organ is another state's): the name is the generic noun.
fn foreign_adjective(g: &Gazetteer, text: &str, hits: &[Hit], i: usize, actor: ActorId) -> bool {
    let a = g.actor(actor);
    let [own] = a.members.as_slice() else {
        return false;
    };
    if a.parent.is_some() || g.actor(*own).kind != ActorKind::State {
        return false;
    }
    let Some(prev) = i.checked_sub(1).map(|p| &hits[p]) else {
        return false;
    };
    let adjacent = text[prev.span.end..hits[i].span.start].trim().is_empty();
    adjacent
        && g.forms.readings[prev.form].iter().any(|f| {
            f.how == How::Adjective
                && matches!(f.target, Target::Actor(s) if s != *own && g.actor(s).kind == ActorKind::State)
        })
}

/// The office is followed by the holder's name (`US-Präsident George W. Bush`).
fn names_person_next(g: &Gazetteer, text: &str, hits: &[Hit], i: usize) -> bool {
    let Some(next) = hits.get(i + 1) else {
        return false;
    };
    let adjacent = text[hits[i].span.end..next.span.start].trim().is_empty();
    adjacent
        && g.forms.readings[next.form]
            .iter()
            .any(|f| matches!(f.target, Target::Actor(a) if g.actor(a).kind == ActorKind::Person))
}

/// The word before the office (and before its state adjective or prefix) that shifts who holds
/// it: `der frühere Kanzler` (not the holder on the date), `der künftige US-Präsident` (the
/// next holder).
fn office_qualifier(g: &Gazetteer, text: &str, hits: &[Hit], i: usize) -> Option<ContextKind> {
    let mut start = hits[i].span.start;
    if let Some(prev) = i.checked_sub(1).map(|p| &hits[p])
        && text[prev.span.end..start]
            .chars()
            .all(|c| c == ' ' || c == '-')
    {
        start = prev.span.start;
    }
    [
        ContextKind::NotCurrent,
        ContextKind::FutureOffice,
        ContextKind::Indefinite,
    ]
    .into_iter()
    .find(|kind| g.context.before(text, start, *kind))
}

/// A name that starts with a state's adjective in lower case (`die iranischen
/// Revolutionsgarden`, `das russische Außenministerium`) mentions the state by that adjective,
/// as the adjective alone would.
fn push_leading_adjective(g: &Gazetteer, text: &str, hit: &Hit, out: &mut Vec<Mention>) {
    let surface = hit.span.text(text);
    let Some((first, _)) = surface.split_once(' ') else {
        return;
    };
    if !first.starts_with(char::is_lowercase) {
        return;
    }
    let Some(form) = g.forms.get(first) else {
        return;
    };
    for f in &g.forms.readings[form] {
        if let Target::Actor(state) = f.target
            && f.how == How::Adjective
            && g.actor(state).kind == ActorKind::State
            && !out
                .iter()
                .any(|m| m.span.start == hit.span.start && m.entity == Entity::Actor(state))
        {
            out.push(Mention {
                span: Span::new(hit.span.start, hit.span.start + first.len()),
                entity: Entity::Actor(state),
                how: How::Adjective,
            });
        }
    }
}

/// A hyphenated body name mentions its parts: `Nato-Russland-Rat` names Nato and Russland,
/// `UN-Sicherheitsrat` names the UN. A group's members are not named by its name (`G7-Gipfel`).
fn push_parts(g: &Gazetteer, actor: ActorId, span: Span, out: &mut Vec<Mention>) {
    let a = g.actor(actor);
    if a.kind != ActorKind::Body {
        return;
    }
    for part in a.members.iter().chain(a.parent.iter()) {
        out.push(Mention {
            span,
            entity: Entity::Actor(*part),
            how: How::Compound,
        });
    }
}

/// A capital stands for its government when it is a party (`mit Moskau`) or the subject of a
/// verb (`Moskau prüft`), not after a locative preposition (`in Moskau`).
fn acts_as_government(g: &Gazetteer, text: &str, hit: &Hit) -> bool {
    if hit.compound {
        return false;
    }
    if g.context.locative(text, hit.span.start) {
        return false;
    }
    if g.context.before(text, hit.span.start, ContextKind::Party) {
        return true;
    }
    let next = text[hit.span.end..].trim_start();
    next.chars().next().is_some_and(char::is_lowercase) && !next.starts_with("und ")
}

/// Exactly one person in office near `day` carries this surname.
fn unique_surname(g: &Gazetteer, readings: &[Form], day: NaiveDate) -> bool {
    readings
        .iter()
        .filter(|f| matches!(f.target, Target::Surname(p) if g.in_office_near(p, day)))
        .count()
        == 1
}

/// The state an office belongs to, from the words around it: `russische Präsident`,
/// `US-Präsident`, `Russlands Präsident`, `Präsident der USA`, `Präsident Frankreichs`.
fn office_state(g: &Gazetteer, text: &str, hits: &[Hit], i: usize) -> Option<ActorId> {
    let state_in = |hit: &Hit, allowed: &[How]| {
        g.forms.readings[hit.form]
            .iter()
            .find_map(|f| match f.target {
                Target::Actor(a) if allowed.contains(&f.how) || hit.compound => matches!(
                    g.actor(a).kind,
                    ActorKind::State | ActorKind::Organisation | ActorKind::Body
                )
                .then_some(a),
                _ => None,
            })
    };
    let role = hits[i].span;
    if let Some(prev) = i.checked_sub(1).map(|p| &hits[p]) {
        let gap = &text[prev.span.end..role.start];
        if gap.len() <= 2
            && gap.chars().all(|c| c == ' ' || c == '-')
            && let Some(s) = state_in(prev, &[How::Adjective, How::Inflection, How::Compound])
        {
            return Some(s);
        }
    }
    let next = hits.get(i + 1)?;
    let gap = text[role.end..next.span.start].trim();
    let genitive = gap.is_empty() || g.context.is(gap, ContextKind::Genitive);
    if genitive {
        state_in(
            next,
            &[How::Inflection, How::Name, How::Alias, How::Abbreviation],
        )
    } else {
        None
    }
}
