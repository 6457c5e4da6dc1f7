//! [`ArticleRecord`]: the per-article JSON Lines format (`extract --format jsonl`), which the
//! evaluation scorer reads and `chronik merge` reads back.
//!
//! The schema of every field, and how it relates to the timeline's, is in `docs/schema.md`.
//! Offsets are UTF-8 byte offsets into the article's `text`, half-open.
//!
//! A record that could not be read (a malformed JSON line, an impossible publication time, a
//! teaser with bytes that are not UTF-8) is written in its place as an [`ErrorRecord`], so a
//! pipeline keeps one line out per record in:
//! ```json
//! {"error": "articles.jsonl:17: not a JSON article (column 12): expected `,` or `}`"}
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use chrono::{DateTime, FixedOffset};

use super::meeting::{
    EntityRef, EventRecord, Evidence, MeetingFacts, ParticipantRecord, ParticipantSpan, TextSpan,
};
use crate::document::Article;
use crate::events::{Event, EventCodes};
use crate::gazetteer::{ActorId, ActorKind, Gazetteer, PlaceId, UnresolvedActor};
use crate::{Extraction, Pipeline};

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimexRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The covered text.
    pub text: String,
    /// TIMEX3 type: DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub timex_type: String,
    /// TIMEX3 value.
    pub value: String,
    /// The recogniser rule that found it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

/// A mention of an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The covered text.
    pub text: String,
    /// How it matched: name, alias, inflection, abbreviation, compound, surname, ...
    pub how: String,
}

/// An actor the article names, with its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// The actor.
    #[serde(flatten)]
    pub actor: EntityRef,
    /// Every mention, including adjectives and offices.
    pub mentions: Vec<MentionRecord>,
    /// For a person the gazetteer does not know: the office the article gives before the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<OfficeRecord>,
}

/// The office of a person the gazetteer does not know, as the article gives it
/// (`der ägyptische Geheimdienstchef Abbas Kamel`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeRecord {
    /// Role id (`roles/role_words.tsv`): `intelligence_chief`.
    pub role: String,
    /// Id of the state or organisation, when the article gives it: `aegypten`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// A finding that could not become a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosticRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What is wrong.
    pub message: String,
}

/// A record that failed, in the place of its article in JSON Lines output.
///
/// ```
/// use chronik::record::ErrorRecord;
/// let line = serde_json::to_string(&ErrorRecord { error: "in.jsonl:2: kaputt".into() }).unwrap();
/// assert_eq!(line, r#"{"error":"in.jsonl:2: kaputt"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorRecord {
    /// The message, with the input and the place in it.
    pub error: String,
}

/// Everything chronik found in one article, as written to JSON Lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Article id.
    pub id: String,
    /// Publication time with the publisher's UTC offset, written in RFC 3339.
    #[serde(with = "super::rfc3339")]
    pub published: DateTime<FixedOffset>,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the article came from (its URL, agency or file), as the input gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Temporal expressions.
    pub timexes: Vec<TimexRecord>,
    /// Actors named as proper nouns (not only by adjective, demonym, office or capital).
    pub actors: Vec<ActorRecord>,
    /// Meetings.
    pub events: Vec<EventRecord>,
    /// Unresolvable findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<DiagnosticRecord>,
}

impl ArticleRecord {
    /// The record of one extraction.
    ///
    /// ```
    /// use chronik::{DataDir, Pipeline, document::Article, record::ArticleRecord};
    /// let pipeline = Pipeline::new(&DataDir::bundled())?;
    /// let article = Article::new("a", "2022-01-28T21:31:00+01:00".parse().unwrap(), "Russland und die Ukraine.");
    /// let record = ArticleRecord::new(&article, &pipeline.extract(&article), &pipeline);
    /// let ids: Vec<&str> = record.actors.iter().map(|a| a.actor.id.as_str()).collect();
    /// assert_eq!(ids, ["russland", "ukraine"]);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn new(article: &Article, found: &Extraction, pipeline: &Pipeline) -> ArticleRecord {
        let g = pipeline.gazetteer();
        let text = article.text.as_str();
        let timexes = found
            .timexes
            .iter()
            .map(|t| TimexRecord {
                start: t.span.start,
                end: t.span.end,
                text: t.span.text(text).to_string(),
                timex_type: t.timex_type.as_str().to_string(),
                value: t.value.clone(),
                rule: t.rule.clone(),
            })
            .collect();
        let mut by_actor: BTreeMap<ActorId, (usize, bool, Vec<MentionRecord>)> = BTreeMap::new();
        for (order, m) in found.mentions.iter().enumerate() {
            let Some(actor) = m.actor() else { continue };
            let entry = by_actor.entry(actor).or_insert((order, false, Vec::new()));
            entry.1 |= m.how.names_actor();
            let how = m.how.as_str().to_string();
            entry.2.push(MentionRecord {
                start: m.span.start,
                end: m.span.end,
                text: m.span.text(text).to_string(),
                how,
            });
        }
        let mut spelled: BTreeMap<ActorId, EntityRef> = BTreeMap::new();
        let mut named_actors: Vec<(usize, ActorId, Vec<MentionRecord>, Option<OfficeRecord>)> =
            Vec::new();
        for (a, (order, named, mentions)) in by_actor {
            let unresolved = a.unresolved_index().and_then(|i| found.unresolved.get(i));
            let reference = match unresolved {
                Some(person) => unresolved_ref(person),
                None if g.actor(a).kind == ActorKind::Person => {
                    as_written(actor_ref(g, a), &mentions)
                }
                None => actor_ref(g, a),
            };
            spelled.insert(a, reference);
            if named {
                let office = unresolved.and_then(|p| {
                    Some(OfficeRecord {
                        role: p.role.clone()?,
                        of: p.of.map(|of| g.actor(of).id.clone()),
                    })
                });
                named_actors.push((order, a, mentions, office));
            }
        }
        let events = found
            .events
            .iter()
            .map(|e| event_record(text, e, g, pipeline.event_codes(), &spelled))
            .collect();
        // the references move into the actor list once the events have their copies
        named_actors.sort_by_key(|(order, ..)| *order);
        let actors = named_actors
            .into_iter()
            .map(|(_, a, mentions, office)| ActorRecord {
                actor: spelled.remove(&a).expect("every named actor is spelled"),
                mentions,
                office,
            })
            .collect();
        ArticleRecord {
            id: article.id.clone(),
            published: article.published,
            title: article.title.clone(),
            source: article.source.clone(),
            timexes,
            actors,
            events,
            diagnostics: found
                .diagnostics
                .iter()
                .map(|d| DiagnosticRecord {
                    start: d.span.start,
                    end: d.span.end,
                    message: d.message.clone(),
                })
                .collect(),
        }
    }

    /// Removes the rule ids of events and timexes (what `--explain` keeps).
    pub fn drop_rules(&mut self) {
        for timex in &mut self.timexes {
            timex.rule.clear();
        }
        for event in &mut self.events {
            event.rules.clear();
        }
    }
}

/// The reference to an actor.
pub fn actor_ref(g: &Gazetteer, id: ActorId) -> EntityRef {
    let a = g.actor(id);
    EntityRef {
        id: a.id.clone(),
        qid: a.qid.clone(),
        name: a.name.clone(),
        canonical: None,
        kind: Some(a.kind.as_str().to_string()),
        in_state: None,
    }
}

/// The reference to an actor the gazetteer does not know: the name as the article writes it
/// (an institution in the nominative), no QID, and an id made from the name
/// (`unresolved-abbas-kamel`), so that records of several articles merge by name.
pub fn unresolved_ref(person: &UnresolvedActor) -> EntityRef {
    EntityRef {
        id: format!("unresolved-{}", slug(&person.name)),
        qid: None,
        name: person.name.clone(),
        canonical: None,
        kind: Some(person.kind.as_str().to_string()),
        in_state: None,
    }
}

/// A lower-case ASCII slug: `Abbas Kamel` -> `abbas-kamel`, `Jörg Kukies` -> `joerg-kukies`.
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            c if c.is_alphanumeric() => out.push(fold(c)),
            _ if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A Latin letter with a diacritic as its base letter (`é` -> `e`, `ş` -> `s`); others as `x`.
fn fold(c: char) -> char {
    const GROUPS: &[(&str, char)] = &[
        ("àáâãåāăą", 'a'),
        ("çćčĉ", 'c'),
        ("ďđ", 'd'),
        ("èéêëēėęě", 'e'),
        ("ğĝģ", 'g'),
        ("ìíîïīįı", 'i'),
        ("ķ", 'k'),
        ("ĺļľł", 'l'),
        ("ñńņň", 'n'),
        ("òóôõøōő", 'o'),
        ("ŕř", 'r'),
        ("śşšș", 's'),
        ("ţťț", 't'),
        ("ùúûūůűų", 'u'),
        ("ýÿ", 'y'),
        ("źżž", 'z'),
    ];
    GROUPS
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map_or('x', |(_, base)| *base)
}

/// The reference to a place.
pub fn place_ref(g: &Gazetteer, id: PlaceId) -> EntityRef {
    let p = g.place(id);
    let state = p.state.map(|s| &g.actor(s).id).filter(|&s| *s != p.id);
    EntityRef {
        id: p.id.clone(),
        qid: p.qid.clone(),
        name: p.name.clone(),
        canonical: None,
        kind: None,
        in_state: state.cloned(),
    }
}

/// A person under the fullest name the article writes (a name or alias mention, not an
/// inflection or a surname: `Ahmed Davutoglu`); the canonical name stays in `canonical`.
/// States and organisations keep their canonical name: their aliases include inflected forms
/// and descriptions (`der sieben großen Industriestaaten`).
fn as_written(mut reference: EntityRef, mentions: &[MentionRecord]) -> EntityRef {
    // a person named only by a surname spelt otherwise than the canonical name goes by that
    // spelling (`Orban` for Viktor Orbán); its shortest form is the nominative (not `Orbans`)
    let canonical = reference.name.clone();
    let other_spelling = |surname: &&str| {
        let base = surname.strip_suffix('s').unwrap_or(surname);
        !canonical
            .split([' ', '-'])
            .any(|w| w == *surname || w == base)
    };
    let written = mentions
        .iter()
        .filter(|m| m.how == "name" || m.how == "alias")
        .map(|m| m.text.as_str())
        .max_by_key(|t| t.chars().count())
        .or_else(|| {
            mentions
                .iter()
                .filter(|m| m.how == "surname")
                .map(|m| m.text.as_str())
                .min_by_key(|t| t.chars().count())
                .filter(other_spelling)
        });
    if let Some(w) = written.filter(|w| *w != reference.name) {
        reference.canonical = Some(std::mem::replace(&mut reference.name, w.to_string()));
    }
    reference
}

fn event_record(
    text: &str,
    e: &Event,
    g: &Gazetteer,
    codes: &EventCodes,
    spelled: &BTreeMap<ActorId, EntityRef>,
) -> EventRecord {
    let reference = |actor: ActorId| {
        spelled
            .get(&actor)
            .cloned()
            .unwrap_or_else(|| actor_ref(g, actor))
    };
    let code = codes.get(e.kind, e.status);
    let facts = MeetingFacts {
        kind: e.kind,
        status: e.status,
        date: e.date.as_ref().map(|d| d.value.clone()),
        participants: e
            .participants
            .iter()
            .map(|p| ParticipantRecord {
                actor: reference(p.actor),
                open: p.open.is_some(),
            })
            .collect(),
        place: e.place.map(|p| place_ref(g, p.place)),
        topic: e.topic.map(|t| t.text(text).to_string()),
        cameo: code.cameo.clone(),
        plover: code.plover.clone(),
    };
    let evidence = Evidence {
        trigger: TextSpan::new(text, e.trigger),
        evidence: TextSpan::new(text, e.evidence),
        support: e.support.iter().map(|s| TextSpan::new(text, *s)).collect(),
        participant_spans: e
            .participants
            .iter()
            .filter_map(|p| {
                Some(ParticipantSpan {
                    id: reference(p.actor).id,
                    span: TextSpan::new(text, p.span?),
                })
            })
            .collect(),
        open_spans: e
            .participants
            .iter()
            .filter_map(|p| {
                Some(ParticipantSpan {
                    id: reference(p.actor).id,
                    span: TextSpan::new(text, p.open?),
                })
            })
            .collect(),
        date_span: e.date.as_ref().map(|d| TextSpan::new(text, d.span)),
        place_span: e.place.map(|p| TextSpan::new(text, p.span)),
    };
    EventRecord {
        facts,
        evidence,
        rules: e.rules.iter().map(|r| r.to_string()).collect(),
    }
}
