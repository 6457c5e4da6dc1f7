//! Reads meetings out of sentences: trigger, then participants, place, date, topic and status,
//! each from the same sentence; a trigger that refers back (`Damit würde der Rat tagen`, `in den
//! Gesprächen`) adds to the meeting of an earlier sentence instead of starting a new one.

use chrono::NaiveDate;

use super::lexicon::{Cue, Lexicon, Trigger, TriggerPos};
use super::{Event, EventDate, EventKind, EventPlace, Participant, Status};
use crate::gazetteer::{ActorKind, Gazetteer, How, Mention, PlaceKind};
use crate::{DataDir, Error, Span, Timex, TimexType};

/// Finds meetings in an article; built once from `gazetteers/events/`.
///
/// ```
/// use chronik::{DataDir, Pipeline};
/// let pipeline = Pipeline::new(&DataDir::bundled())?;
/// let article = chronik::document::Article::new(
///     "demo",
///     "2021-12-28T10:20:28+01:00".parse().unwrap(),
///     "Die Nato plant mit Russland für den 12. Januar ein Treffen.",
/// );
/// let extraction = pipeline.extract(&article);
/// let event = &extraction.events[0];
/// assert_eq!(event.date.as_ref().map(|d| d.value.as_str()), Some("2022-01-12"));
/// assert_eq!(event.status, chronik::events::Status::Planned);
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct EventFinder {
    lexicon: Lexicon,
}

/// A word of a sentence.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    span: Span,
    text: &'t str,
}

/// Everything one article offers to the event finder.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) published: NaiveDate,
    pub(crate) dateline: Option<Span>,
    pub(crate) sentences: &'a [Span],
    /// The clauses of the sentences (`crate::clause`), for the rules that read them.
    #[allow(dead_code)]
    pub(crate) clauses: &'a [crate::clause::Clause],
    pub(crate) mentions: &'a [Mention],
    pub(crate) timexes: &'a [Timex],
    pub(crate) gazetteer: &'a Gazetteer,
}

impl EventFinder {
    /// Loads the event lexicon.
    ///
    /// # Errors
    /// When a file in `events/` is missing or malformed.
    pub fn new(data: &DataDir) -> Result<EventFinder, Error> {
        Ok(EventFinder {
            lexicon: Lexicon::new(data)?,
        })
    }

    pub(crate) fn find(&self, cx: &Context) -> Vec<Event> {
        let mut events: Vec<Event> = Vec::new();
        let mut last_event_sentence = None;
        // `Ein Treffen gibt es heute in Berlin. Steinmeier empfängt ...`: a meeting without
        // parties lends its place and date to the next sentence's meeting
        let mut partyless: Option<(usize, Event)> = None;
        for (k, &sentence) in cx.sentences.iter().enumerate() {
            let recent_event = last_event_sentence.is_some_and(|l| k <= l + 2);
            if !recent_event && !self.lexicon.may_trigger(sentence.text(cx.text)) {
                continue;
            }
            let words = words(cx.text, sentence);
            let Some((t, trigger)) = self.first_trigger(&words) else {
                if recent_event {
                    self.mark_open_participation(cx, sentence, &words, events.last_mut());
                }
                continue;
            };
            if self.negated(cx.text, &words, t) {
                continue;
            }
            let protagonist = events.last().and_then(|e| first_person(cx.gazetteer, e));
            let mut event = self.read_sentence(cx, sentence, &words, t, trigger, protagonist);
            let named = event
                .participants
                .iter()
                .filter(|p| p.span.is_some())
                .count();
            if named < 2
                && self.plural_subject(&words)
                && let Some(latest) = events.last()
            {
                // `Anschließend zogen sie sich zu einem Gespräch zurück`: `sie` are the parties
                // of the latest meeting
                for p in &latest.participants {
                    if event.participants.iter().all(|q| q.actor != p.actor) {
                        event.participants.push(Participant { span: None, ..*p });
                    }
                }
            }
            if let Some((_, announced)) = partyless.take().filter(|(j, _)| j + 1 == k) {
                event.place = event.place.or(announced.place);
                event.date = event.date.or(announced.date);
            }
            let mentions = sentence_mentions(cx, sentence);
            let background: Vec<Event> = self
                .background_phrases(cx.text, &words, t)
                .iter()
                .filter_map(|phrase| self.background_meeting(cx, &words, phrase, &event, &mentions))
                .collect();
            let found = !background.is_empty();
            let without_parties = event.participants.is_empty().then(|| event.clone());
            let filed = self.file_event(cx, &words, t, trigger, event, &mut events);
            if !filed {
                partyless = without_parties.map(|e| (k, e));
            }
            for earlier in background {
                add_or_merge(&mut events, earlier, cx.gazetteer);
            }
            if filed || found {
                last_event_sentence = Some(k);
            }
        }
        events
    }

    /// `Bei seinem Kurzbesuch traf er X`, `Mit bilateralen Gesprächen hat der Gipfel begonnen`:
    /// a meeting inside an earlier one that the sentence names with a definite trigger takes
    /// its place.
    fn referred_place(&self, words: &[Word], t: usize, events: &[Event]) -> Option<EventPlace> {
        self.referred_kinds(words, t).find_map(|kind| {
            events
                .iter()
                .rev()
                .find(|e| e.kind == kind)
                .and_then(|e| e.place)
        })
    }

    /// `Mit bilateralen Gesprächen hat der Gipfel an diesem Morgen begonnen`: an earlier meeting
    /// that the sentence names with a definite trigger, and that has no date yet, takes the
    /// sentence's.
    fn date_referred(&self, words: &[Word], t: usize, events: &mut [Event], date: &EventDate) {
        for kind in self.referred_kinds(words, t) {
            if let Some(earlier) = events.iter_mut().rev().find(|e| e.kind == kind) {
                earlier.date.get_or_insert_with(|| date.clone());
            }
        }
    }

    /// The kinds of the definite triggers besides `t` (`der Gipfel`, `seinem Kurzbesuch`): each
    /// names an earlier meeting of that kind.
    fn referred_kinds<'w>(
        &'w self,
        words: &'w [Word],
        t: usize,
    ) -> impl Iterator<Item = EventKind> + 'w {
        words.iter().enumerate().filter_map(move |(i, w)| {
            let trigger = self.lexicon.trigger(w.text)?;
            (i != t && self.determined(words, i)).then_some(trigger.kind)
        })
    }

    /// Adds the meeting a sentence reports to the article's meetings: merged into an earlier one
    /// when the sentence refers back, split into bilateral meetings when one person meets
    /// several, with the summit around it as a meeting of its own. False when it is not a
    /// meeting (too few parties).
    fn file_event(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        trigger: &Trigger,
        mut event: Event,
        events: &mut Vec<Event>,
    ) -> bool {
        let refers_back = self.refers_back(words, t, trigger);
        if refers_back && let Some(i) = antecedent(events, &event) {
            // `Die Gespräche mit Trump und Xi`: every bilateral meeting split from one sentence
            let (trigger, evidence) = (events[i].trigger, events[i].evidence);
            for previous in events
                .iter_mut()
                .filter(|e| e.trigger == trigger && e.evidence == evidence)
            {
                let mut new = event.clone();
                keep_new_parties_only_if_needed(previous, &mut new, cx.gazetteer);
                merge_into(previous, new, cx.gazetteer);
            }
            return true;
        }
        if event.place.is_none() {
            event.place = self.referred_place(words, t, events);
        }
        if let Some(date) = &event.date {
            self.date_referred(words, t, events, date);
        }
        // `Das nächste Treffen ist für den 14. September geplant`: the next round of the latest
        // meeting, between the same parties
        let next_round = words[t.saturating_sub(3)..t]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::New));
        if next_round
            && event.participants.iter().all(|p| p.span.is_none())
            && let Some(previous) = events.last()
        {
            event.participants = previous.participants.clone();
        }
        let aside = self.summit_aside(cx, words, t, &event);
        if let Some(summit) = &aside {
            // the group of the summit around the meeting is not a party of the meeting
            event.participants.retain(|p| {
                p.actor != summit.participants[0].actor
                    || p.span != Some(summit.participants[0].span.unwrap_or_default())
            });
        }
        let enough = self.enough_parties(cx, &event, trigger);
        if !enough && aside.is_none() {
            return false;
        }
        let mut found = aside.into_iter().collect::<Vec<_>>();
        if enough {
            found.extend(self.split_bilateral(cx, words, event));
        }
        for event in found {
            add_or_merge(events, event, cx.gazetteer);
        }
        true
    }

    /// The trigger that reports the sentence's meeting: the first one that brings a new meeting
    /// (`ein Treffen`), else the first one that refers back (`dem Treffen`, `seiner Reise`).
    fn first_trigger<'w>(&self, words: &[Word<'w>]) -> Option<(usize, &Trigger)> {
        let mut triggers = words.iter().enumerate().filter_map(|(i, w)| {
            let trigger = self.lexicon.trigger(w.text)?;
            let satisfied = trigger.requires.is_empty()
                || words
                    .iter()
                    .any(|o| trigger.requires.iter().any(|r| r == o.text));
            satisfied.then_some((i, trigger))
        });
        let first = triggers.next()?;
        // `ob der Gipfel als direktes Treffen stattfindet`: `als` gives the form of another
        // trigger's meeting
        let predicative = |i: usize| {
            words[i.saturating_sub(2)..i]
                .iter()
                .any(|w| self.lexicon.is(w.text, Cue::Predicative))
        };
        let foreground = |i: usize| {
            !self.determined(words, i) && !self.in_background(words, i) && !predicative(i)
        };
        if foreground(first.0) {
            return Some(first);
        }
        Some(triggers.find(|(i, _)| foreground(*i)).unwrap_or(first))
    }

    /// `am Rande des G20-Gipfels trifft Merkel Trump`: a summit named by its group in a sentence
    /// that reports another meeting is a meeting of its own.
    fn summit_aside(&self, cx: &Context, words: &[Word], t: usize, main: &Event) -> Option<Event> {
        let (i, _) = words.iter().enumerate().find(|(i, w)| {
            *i != t
                && self
                    .lexicon
                    .trigger(w.text)
                    .is_some_and(|tr| tr.kind == EventKind::Summit)
                && w.text.contains('-')
        })?;
        let group = cx.mentions.iter().find(|m| {
            m.span.start == words[i].span.start
                && m.how == How::Compound
                && m.actor()
                    .is_some_and(|a| cx.gazetteer.actor(a).kind == ActorKind::Organisation)
        })?;
        if main.kind == EventKind::Summit {
            return None;
        }
        let mut participants = vec![Participant {
            actor: group.actor()?,
            span: Some(group.span),
            open: false,
        }];
        add_implied(cx.gazetteer, participants[0].actor, &mut participants);
        Some(Event {
            kind: EventKind::Summit,
            status: main.status,
            participants,
            place: main.place,
            date: main.date.clone(),
            topic: None,
            trigger: words[i].span,
            evidence: main.evidence,
            support: Vec::new(),
        })
    }

    /// The temporal phrases that hold another meeting than the trigger's (`Nach ihrem Gespräch
    /// mit Putin trifft Merkel ...`, `..., teilte das Präsidialamt nach einem Telefonat von Putin
    /// und Erdogan mit`).
    fn background_phrases(&self, text: &str, words: &[Word], t: usize) -> Vec<Background> {
        (0..words.len())
            .filter(|&s| self.lexicon.is(words[s].text, Cue::Background))
            .filter_map(|first| {
                let end = self.phrase_end(text, words, first);
                let trigger =
                    (first + 1..end).find(|&i| self.lexicon.trigger(words[i].text).is_some())?;
                (!(first..end).contains(&t)).then(|| Background {
                    span: Span::new(words[first].span.start, words[end - 1].span.end),
                    first,
                    trigger,
                })
            })
            .collect()
    }

    /// Where a prepositional phrase that starts at `first` ends: it runs over names, nouns,
    /// articles, prepositions and the adjectives after them, and stops at a comma or at the
    /// first other word (the finite verb after the fore-field: `Nach dem Treffen sagte ...`).
    fn phrase_end(&self, text: &str, words: &[Word], first: usize) -> usize {
        let mut end = first + 1;
        while end < words.len() {
            let (prev, w) = (words[end - 1], words[end]);
            if text[prev.span.end..w.span.start].contains([',', ';', ':', '(', ')']) {
                break;
            }
            let continues = !w.text.starts_with(char::is_lowercase)
                || self.lexicon.is(w.text, Cue::Phrase)
                || prev.text.starts_with(char::is_lowercase);
            if !continues {
                break;
            }
            end += 1;
        }
        end
    }

    /// `Nach ihrem Gespräch mit Putin trifft Merkel ...`: the earlier meeting of a background
    /// phrase, between the parties it names (a possessive adds the main clause's person).
    fn background_meeting(
        &self,
        cx: &Context,
        words: &[Word],
        phrase: &Background,
        main: &Event,
        mentions: &[&Mention],
    ) -> Option<Event> {
        if !self.lexicon.is(words[phrase.first].text, Cue::After) {
            return None;
        }
        let trigger = self.lexicon.trigger(words[phrase.trigger].text)?;
        let mut participants: Vec<Participant> = self
            .parties(cx, words, mentions, None)
            .into_iter()
            .filter(|p| p.span.is_some_and(|s| phrase.span.contains(s)))
            .collect();
        let possessive = words[phrase.first..phrase.trigger]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Possessive));
        let owner = main.participants.iter().find(|p| {
            p.span.is_some_and(|s| !phrase.span.contains(s))
                && cx.gazetteer.actor(p.actor).kind == ActorKind::Person
        });
        if let Some(owner) = owner.filter(|_| possessive) {
            participants.insert(0, *owner);
        }
        dedup_participants(&mut participants);
        if participants.len() < 2 {
            return None;
        }
        let kind = trigger.kind;
        Some(Event {
            kind,
            status: Status::Held,
            participants,
            place: main.place.filter(|_| kind != EventKind::Call),
            date: None,
            topic: None,
            trigger: words[phrase.trigger].span,
            evidence: main.evidence,
            support: Vec::new(),
        })
    }

    /// `Nach den Friedensverhandlungen ...`: a trigger in a temporal phrase before the main event.
    fn in_background(&self, words: &[Word], t: usize) -> bool {
        words[t.saturating_sub(3)..t]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Background))
    }

    /// The kind the sentence reports: a noun trigger (`Gipfeltreffen`, `Gespräch`) says more than
    /// a verb (`kamen zusammen`, `trafen sich`), so the first foreground noun decides.
    fn kind_of(&self, words: &[Word], trigger: &Trigger) -> EventKind {
        if trigger.pos != TriggerPos::Verb {
            return trigger.kind;
        }
        words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| self.lexicon.trigger(w.text).map(|t| (i, t)))
            .find(|(i, t)| {
                // `am Rande des G20-Gipfels trifft ...`: a summit named by its group is the
                // setting (a meeting of its own), not the kind of this one
                let setting = t.kind == EventKind::Summit && words[*i].text.contains('-');
                // `Bei seinem Kurzbesuch traf er X`: a noun that frames the sentence names
                // another meeting
                let frame = words[i.saturating_sub(3)..*i]
                    .iter()
                    .any(|w| self.lexicon.is(w.text, Cue::Frame));
                t.pos != TriggerPos::Verb && !self.in_background(words, *i) && !frame && !setting
            })
            .map_or(trigger.kind, |(_, t)| t.kind)
    }

    /// A definite or possessive determiner before the trigger, adjectives allowed between
    /// (`den stundenlangen Verhandlungen`).
    fn determined(&self, words: &[Word], t: usize) -> bool {
        let before = &words[t.saturating_sub(3)..t];
        // `das nächste Treffen`, `eine weitere Runde`: a new meeting, whatever the article
        if before.iter().any(|w| self.lexicon.is(w.text, Cue::New)) {
            return false;
        }
        before
            .iter()
            .rev()
            .take_while(|w| {
                !w.text.starts_with(char::is_uppercase) || self.lexicon.is(w.text, Cue::Definite)
            })
            .any(|w| self.lexicon.is(w.text, Cue::Definite))
    }

    /// `kein Treffen`, `nicht zu einem Krisentreffen`, `ein Treffen sei nicht angemessen`: a
    /// negation among the three words before or the four words after the trigger, unless the
    /// sentence says the meeting was called off (then it is a cancelled meeting).
    fn negated(&self, text: &str, words: &[Word], t: usize) -> bool {
        // `zu einem normalen Gipfel, nicht zu einem Krisentreffen`: a comma between the trigger
        // and the negation puts them in different phrases
        let same_phrase = |w: &Word| {
            let (a, b) = if w.span.start < words[t].span.start {
                (w.span.end, words[t].span.start)
            } else {
                (words[t].span.end, w.span.start)
            };
            !text[a..b].contains([',', ';', ':'])
        };
        // `ein Treffen sei nicht angemessen`: after the trigger a negation needs a verb between
        // (`die Teilnehmer des Gipfels in Japan nicht leichter` negates something else)
        let clause_negation = |w: &Word| {
            w.span.start < words[t].span.start
                || words.iter().any(|v| {
                    v.span.start > words[t].span.end
                        && v.span.end < w.span.start
                        && v.text.starts_with(char::is_lowercase)
                        && !self.lexicon.is(v.text, Cue::Phrase)
                })
        };
        let window = &words[t.saturating_sub(3)..(t + 5).min(words.len())];
        let cancelled = self.cue_status(words) == Some(Status::Cancelled);
        // `ist derzeit nicht geplant`: a negation right before a word that plans the meeting
        let plan_negated = words.windows(2).any(|pair| {
            self.lexicon.is(pair[0].text, Cue::Negation)
                && self.word_status(pair[1].text) == Some(Status::Planned)
        });
        // `eine Entscheidung treffen`: the verb does not mean meeting
        let collocation = self
            .lexicon
            .trigger(words[t].text)
            .is_some_and(|tr| tr.pos == TriggerPos::Verb)
            && words
                .iter()
                .any(|w| self.lexicon.is(w.text, Cue::Collocate));
        collocation
            || (!cancelled
                && (plan_negated
                    || window.iter().any(|w| {
                        self.lexicon.is(w.text, Cue::Negation)
                            && same_phrase(w)
                            && clause_negation(w)
                    })))
    }

    /// The status a single word gives as a cue, if any.
    fn word_status(&self, word: &str) -> Option<Status> {
        self.lexicon.status_of(&[word.to_lowercase()])
    }

    /// The sentence starts with an anaphoric adverb, or one of its triggers has a definite or
    /// possessive determiner (`aus dem Treffen`, `seiner Reise`).
    /// A verb that reports a meeting of its own (`Bei seinem Besuch traf er X`) does not refer
    /// back because another trigger of its sentence does; a noun does (`aus dem Treffen
    /// Verhandlungen`).
    fn refers_back(&self, words: &[Word], t: usize, trigger: &Trigger) -> bool {
        let starts_anaphoric = words
            .first()
            .is_some_and(|w| self.lexicon.is(w.text, Cue::Anaphora));
        let any_determined = (0..words.len())
            .any(|i| self.lexicon.trigger(words[i].text).is_some() && self.determined(words, i));
        // `ein Treffen mit Bush` is new, whatever else the sentence refers to
        let indefinite = words[t.saturating_sub(2)..t]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Indefinite));
        // `Zusammenkünfte in Seattle mit Bill Gates`: a noun with its own companion is new
        let own_companion = words[t + 1..(t + 4).min(words.len())]
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Companion));
        starts_anaphoric
            || self.determined(words, t)
            || (trigger.pos != TriggerPos::Verb && any_determined && !indefinite && !own_companion)
    }

    fn enough_parties(&self, cx: &Context, event: &Event, trigger: &Trigger) -> bool {
        // named parties, and the person a pronoun or a companion phrase implies
        let named = event
            .participants
            .iter()
            .filter(|p| p.span.is_some() || cx.gazetteer.actor(p.actor).kind == ActorKind::Person)
            .count();
        // a convening body implies its parent and members (`Der Nato-Russland-Rat tagt`), and a
        // group of states meets by itself (`Die Staats- und Regierungschefs der G7 kamen zusammen`)
        let body = event.participants.iter().any(|p| {
            let actor = cx.gazetteer.actor(p.actor);
            p.span.is_some() && (actor.kind == ActorKind::Body || self.is_group(cx, p.actor))
        });
        // a meeting of companies or newspapers alone is not diplomacy
        let diplomatic = event.participants.iter().any(|p| {
            !self
                .lexicon
                .is(&cx.gazetteer.actor(p.actor).category, Cue::NonDiplomatic)
        });
        diplomatic
            && match trigger.pos {
                TriggerPos::Verb if event.kind != EventKind::Visit => named >= 2 || body,
                _ => named >= 1,
            }
    }

    /// The topic: the words after `über` up to a comma or the clause's final verb.
    fn topic(&self, text: &str, words: &[Word], t: usize) -> Option<Span> {
        // `Sondersitzung zu Syrien`, `Treffen zur Ukraine-Krise`: `zu` right after the trigger
        let right_after = words
            .get(t + 1)
            .filter(|w| matches!(w.text, "zu" | "zum" | "zur"))
            .map(|_| t + 2);
        let start = match right_after {
            Some(s) => s,
            None => {
                words
                    .iter()
                    .position(|w| self.lexicon.is(w.text, Cue::Topic))?
                    + 1
            }
        };
        let mut first = start;
        while first < words.len()
            && matches!(
                words[first].text,
                "den" | "die" | "das" | "dem" | "der" | "des" | "einen" | "eine" | "ein"
            )
        {
            first += 1;
        }
        // the topic runs to the trigger when the trigger follows (`über X sprechen`), else to
        // the end of the sentence (`berät über A, B und C`), but not across `;` or `:`
        let mut end = first;
        while end < words.len() {
            let w = words[end];
            let clause_end =
                end > first && text[words[end - 1].span.end..w.span.start].contains([';', ':']);
            if end == t || clause_end {
                break;
            }
            end += 1;
        }
        (end > first).then(|| Span::new(words[first].span.start, words[end - 1].span.end))
    }

    fn read_sentence(
        &self,
        cx: &Context,
        sentence: Span,
        words: &[Word],
        t: usize,
        trigger: &Trigger,
        protagonist: Option<crate::gazetteer::ActorId>,
    ) -> Event {
        let topic = self.topic(cx.text, words, t);
        let mentions = sentence_mentions(cx, sentence);
        let mut kind = self.kind_of(words, trigger);
        let background = self.background_phrases(cx.text, words, t);
        let place = self.place(cx, words, t, &mentions, topic, &background);
        let mut participants = self.parties(cx, words, &mentions, topic);
        if kind == EventKind::Visit {
            // the host state of a visit is a party: `Staatsbesuch in den USA`
            if let Some(host) = place.and_then(|p| cx.gazetteer.place(p.place).state) {
                participants.push(Participant {
                    actor: host,
                    span: place.map(|p| p.span),
                    open: false,
                });
            }
        }
        if let Some(group) = self.convening_group(cx, words, t, &mentions) {
            // `Sondersitzung des UN-Sicherheitsrats`, `Treffen der G7-Außenminister`: the group
            // that meets is the party; other names in the sentence are its members or speakers
            participants.retain(|p| {
                p.span.is_some_and(|s| {
                    s.start < words[t].span.start && self.linked_by_mit(cx.text, s, words[t].span)
                })
            });
            participants.insert(
                0,
                Participant {
                    actor: group.0,
                    span: Some(group.1),
                    open: false,
                },
            );
            add_implied(cx.gazetteer, group.0, &mut participants);
        } else if let Some(host) =
            self.implied_host(cx, words, t, sentence, &participants, protagonist)
        {
            participants.insert(
                0,
                Participant {
                    actor: host,
                    span: None,
                    open: false,
                },
            );
        } else if let Some(group) = self.summit_group(cx, words, t, &mentions) {
            // `den G7-Gipfel abhalten`: the group meets; its members named around it are part of it
            let members = self.members_of(cx, group, &participants);
            participants.retain(|p| !members.contains(&p.actor));
        }
        // `Nach ihrem Gespräch mit Putin trifft Merkel ...`: Putin belongs to the earlier talk
        participants.retain(|p| {
            p.span
                .is_none_or(|s| background.iter().all(|b| !b.span.contains(s)))
        });
        dedup_participants(&mut participants);
        let all_bodies = participants
            .iter()
            .filter(|p| p.span.is_some())
            .all(|p| cx.gazetteer.actor(p.actor).kind == ActorKind::Body);
        if kind == EventKind::Meeting && all_bodies && !participants.is_empty() {
            kind = EventKind::Session;
        }
        let date = self
            .date(cx, words, sentence, t)
            .or_else(|| self.ongoing(cx, words, t))
            .or_else(|| self.context_date(cx, sentence));
        // `Neben X gehört auch Y zu seinen Gesprächspartnern`: a sentence without status words,
        // and without a date that decides (none, or the publication day), goes on with the
        // status of the sentence before
        let undecided = date.as_ref().is_none_or(|d| {
            NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").is_ok_and(|day| day == cx.published)
        });
        let context_status = (self.cue_status(words).is_none() && undecided)
            .then(|| self.previous_cue_status(cx, sentence))
            .flatten();
        let status = self.status(words, context_status, date.as_ref(), cx.published);
        Event {
            kind,
            status,
            participants,
            place,
            date,
            topic,
            trigger: words[t].span,
            evidence: sentence,
            support: Vec::new(),
        }
    }

    /// The actors of a sentence that can be parties: not adjectives, sources, the topic, the
    /// dateline, or a state or employer that describes a person.
    fn parties(
        &self,
        cx: &Context,
        words: &[Word],
        mentions: &[&Mention],
        topic: Option<Span>,
    ) -> Vec<Participant> {
        let mut participants = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let Some(actor) = m.actor() else { continue };
            if matches!(m.how, How::Adjective | How::Demonym)
                || cx.dateline.is_some_and(|d| d.contains(m.span))
                || topic.is_some_and(|tp| tp.contains(m.span))
                || self.attributed(cx.text, words, m.span)
                || (modifies_person(cx, &mentions[i + 1..], m) && !self.is_group(cx, actor))
                || self.affiliation(cx, &mentions[..i], m)
            {
                continue;
            }
            let actor = government_state(cx.gazetteer, actor);
            participants.push(Participant {
                actor,
                span: Some(m.span),
                open: false,
            });
            add_implied(cx.gazetteer, actor, &mut participants);
        }
        // `die Außenminister der USA und Russlands`: the states are the parties, not the
        // office-holders the date gives
        let states: Vec<_> = participants.iter().map(|p| p.actor).collect();
        let role_of_party = |m: &Mention| {
            m.how == How::Role
                && m.actor().is_some_and(|a| {
                    cx.gazetteer
                        .offices_of(a, cx.published)
                        .any(|of| states.contains(&of))
                })
        };
        let roles: Vec<Span> = mentions
            .iter()
            .filter(|m| role_of_party(m))
            .map(|m| m.span)
            .collect();
        participants.retain(|p| p.span.is_none_or(|s| !roles.contains(&s)));
        participants
    }

    /// An organisation of states that meets as one (`intergovernmental`, `format`): `die
    /// EU-Außenbeauftragte Catherine Ashton` speaks for the EU, which is a party too.
    fn is_group(&self, cx: &Context, actor: crate::gazetteer::ActorId) -> bool {
        self.lexicon
            .is(&cx.gazetteer.actor(actor).category, Cue::Group)
    }

    /// `Bill Gates von „Microsoft“`: an organisation right after a person and `von` is the
    /// person's employer, not a party of its own.
    fn affiliation(&self, cx: &Context, earlier: &[&Mention], m: &Mention) -> bool {
        let Some(person) = earlier.last().filter(|p| {
            p.actor()
                .is_some_and(|a| cx.gazetteer.actor(a).kind == ActorKind::Person)
        }) else {
            return false;
        };
        let Some(between) = cx.text.get(person.span.end..m.span.start) else {
            return false;
        };
        let between: Vec<&str> = between
            .split(|c: char| c.is_whitespace() || "„“\"'»«".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        matches!(between.as_slice(), [w] if self.lexicon.is(w, Cue::Affiliation))
    }

    /// The group right after the trigger in the genitive: `Sitzung des UN-Sicherheitsrats`,
    /// `Treffen der G7-Außenminister`, `Gipfel der Afrikanischen Union`.
    fn convening_group(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        mentions: &[&Mention],
    ) -> Option<(crate::gazetteer::ActorId, Span)> {
        let trigger = words[t].span;
        let m = mentions.iter().find(|m| m.span.start > trigger.end)?;
        let between: Vec<&str> = words
            .iter()
            .filter(|w| w.span.start > trigger.end && w.span.end <= m.span.start)
            .map(|w| w.text)
            .collect();
        let genitive = matches!(between.first(), Some(&("des" | "der")));
        let short =
            between.len() <= 4 && !cx.text[trigger.end..m.span.start].contains([',', ';', '(']);
        let actor = m.actor()?;
        let group = matches!(
            cx.gazetteer.actor(actor).kind,
            ActorKind::Body | ActorKind::Organisation
        );
        (genitive && short && group && !matches!(m.how, How::Adjective | How::Demonym))
            .then_some((actor, m.span))
    }

    /// `X traf sich mit Y`: a party named shortly before the trigger, in the same clause.
    fn linked_by_mit(&self, text: &str, party: Span, trigger: Span) -> bool {
        let between = &text[party.end..trigger.start];
        !between.contains([',', ';']) && between.split_whitespace().count() <= 6
    }

    /// `sie ... sich`: a plural pronoun subject with its reflexive.
    fn plural_subject(&self, words: &[Word]) -> bool {
        let has = |cue| words.iter().any(|w| self.lexicon.is(w.text, cue));
        words.iter().any(|w| w.text == "sie") && has(Cue::Reflexive)
    }

    fn has_pronoun_subject(&self, words: &[Word]) -> bool {
        words.iter().any(|w| w.text == "er")
    }

    /// `Bei seinem Besuch traf er mit X zusammen`, `ein Treffen mit US-Präsident Bush ist
    /// vorgesehen`: every named party comes after the trigger as its companion (or after a
    /// pronoun subject), so the other side is the person the article follows: the person of the
    /// latest meeting, else the person named last.
    fn implied_host(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        sentence: Span,
        participants: &[Participant],
        protagonist: Option<crate::gazetteer::ActorId>,
    ) -> Option<crate::gazetteer::ActorId> {
        let named: Vec<Span> = participants.iter().filter_map(|p| p.span).collect();
        // `X und Y gehören zu den Gesprächspartnern`: all named are partners of the one implied
        let partners = self.lexicon.is(words[t].text, Cue::Partner);
        let after_trigger = partners || named.iter().all(|s| s.start > words[t].span.end);
        let companions = !named.is_empty()
            && after_trigger
            && (partners || named.iter().all(|s| self.companion(words, t, *s)));
        let pronoun = self.has_pronoun_subject(words) && (named.len() < 2 || after_trigger);
        if !(companions || pronoun) {
            return None;
        }
        protagonist
            .or_else(|| last_person_before(cx, sentence.start))
            .filter(|host| participants.iter().all(|p| p.actor != *host))
    }

    /// A companion preposition (`mit`) stands between the trigger and `party`, at most six
    /// words before it.
    fn companion(&self, words: &[Word], t: usize, party: Span) -> bool {
        let before = words.iter().rposition(|w| w.span.end <= party.start);
        before.is_some_and(|b| {
            words[t + 1..=b.max(t)]
                .iter()
                .rev()
                .take(6)
                .any(|w| self.lexicon.is(w.text, Cue::Companion))
        })
    }

    /// The group that names a summit trigger (`G7-Gipfel`, `ASEAN-Gipfel`).
    fn summit_group(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        mentions: &[&Mention],
    ) -> Option<crate::gazetteer::ActorId> {
        let trigger = self.lexicon.trigger(words[t].text)?;
        if trigger.kind != EventKind::Summit || trigger.pos == TriggerPos::Verb {
            return None;
        }
        mentions
            .iter()
            .filter(|m| m.span.start == words[t].span.start && m.how == How::Compound)
            .find_map(|m| m.actor())
            .filter(|a| cx.gazetteer.actor(*a).kind == ActorKind::Organisation)
    }

    /// The participants that belong to `group`: member states, and persons who hold an office
    /// of a member state.
    fn members_of(
        &self,
        cx: &Context,
        group: crate::gazetteer::ActorId,
        participants: &[Participant],
    ) -> Vec<crate::gazetteer::ActorId> {
        let members = &cx.gazetteer.actor(group).members;
        participants
            .iter()
            .map(|p| p.actor)
            .filter(|a| {
                members.contains(a)
                    || cx
                        .gazetteer
                        .offices_of(*a, cx.published)
                        .any(|of| members.contains(&of))
            })
            .collect()
    }

    /// `Laut US-Regierung`, `nach Angaben des Weißen Hauses`, `sagte Außenminister Lawrow`,
    /// `der Staatsagentur Tass zufolge`, `Merkel (CDU)`: a source or an aside, not a party.
    fn attributed(&self, text: &str, words: &[Word], span: Span) -> bool {
        let in_parentheses = text[..span.start].trim_end().ends_with('(')
            && text[span.end..].trim_start().starts_with(')');
        let i = words
            .iter()
            .position(|w| w.span.end >= span.end)
            .unwrap_or(0);
        let before = words
            .iter()
            .rposition(|w| w.span.end <= span.start)
            .map_or(0, |b| b + 1);
        let cue_before = words[before.saturating_sub(3)..before].iter().any(|w| {
            let is_cue = self.lexicon.is(w.text, Cue::Attribution)
                || self.lexicon.is(w.text, Cue::Reporting);
            let clause_break = text[w.span.end..span.start].contains([',', ';', ':']);
            is_cue && !clause_break
        });
        let after_is_cue = words
            .get(i + 1)
            .is_some_and(|w| w.text == "zufolge" && text[span.end..w.span.start].trim().is_empty());
        in_parentheses || cue_before || after_is_cue
    }

    /// `in Genf`, `in den USA`, `in der äthiopischen Hauptstadt Addis Abeba`, `im mexikanischen
    /// Los Cabos`: a locative preposition, then at most an article, lower-case adjectives and a
    /// settlement noun before the name.
    fn after_locative(&self, text: &str, words: &[Word], span: Span) -> bool {
        let Some(mut b) = words.iter().rposition(|w| w.span.end <= span.start) else {
            return false;
        };
        let mut skipped = 0;
        while skipped < 3 && b > 0 {
            let w = words[b].text;
            let filler = matches!(w, "den" | "die" | "der" | "dem" | "das")
                || w.starts_with(char::is_lowercase) && !self.lexicon.is(w, Cue::Locative)
                || self.lexicon.is(w, Cue::Settlement);
            if !filler {
                break;
            }
            b -= 1;
            skipped += 1;
        }
        let gap_ok = text[words[b].span.end..span.start]
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
        gap_ok && self.lexicon.is(words[b].text, Cue::Locative)
    }

    /// The first place after a locative preposition, outside the topic and the background
    /// phrases; a state so used counts
    /// as its country.
    fn place(
        &self,
        cx: &Context,
        words: &[Word],
        t: usize,
        mentions: &[&Mention],
        topic: Option<Span>,
        background: &[Background],
    ) -> Option<EventPlace> {
        // `die Genfer Gespräche`: a city adjective right before the trigger names the place
        if let Some(before) = t.checked_sub(1).map(|b| words[b].span) {
            let adjective = mentions
                .iter()
                .find(|m| m.span == before && m.how == How::Adjective && m.place().is_some());
            if let Some(m) = adjective {
                return m.place().map(|place| EventPlace {
                    place,
                    span: m.span,
                });
            }
        }
        mentions.iter().find_map(|m| {
            if cx.dateline.is_some_and(|d| d.contains(m.span))
                || topic.is_some_and(|t| t.contains(m.span))
                || background.iter().any(|b| b.span.contains(m.span))
                || matches!(
                    m.how,
                    How::Adjective
                        | How::Demonym
                        | How::Role
                        | How::Surname
                        | How::Compound
                        | How::Seat
                )
                || !self.after_locative(cx.text, words, m.span)
            {
                return None;
            }
            let place = m.place().or_else(|| {
                let actor = m.actor()?;
                (cx.gazetteer.actor(actor).kind == ActorKind::State)
                    .then(|| cx.gazetteer.place_of_state(actor))
                    .flatten()
            })?;
            Some(EventPlace {
                place,
                span: m.span,
            })
        })
    }

    /// The calendar date in the sentence nearest to the trigger, not one that dates a report
    /// (`bestätigte am Dienstag`).
    fn date(&self, cx: &Context, words: &[Word], sentence: Span, t: usize) -> Option<EventDate> {
        let trigger = words[t].span;
        self.meeting_dates(cx, words, sentence)
            .min_by_key(|x| x.span.start.abs_diff(trigger.start))
            .map(|x| EventDate {
                value: x.value.split('T').next().unwrap_or(&x.value).to_string(),
                span: x.span,
            })
    }

    /// The calendar dates of a sentence that can date a meeting: not the date of a report or of
    /// another event (`nach der US-Wahl am 3. November`).
    fn meeting_dates<'c>(
        &self,
        cx: &Context<'c>,
        words: &'c [Word],
        sentence: Span,
    ) -> impl Iterator<Item = &'c Timex> {
        cx.timexes
            .iter()
            .filter(move |x| sentence.contains(x.span))
            .filter(|x| matches!(x.timex_type, TimexType::Date | TimexType::Time))
            .filter(|x| {
                x.value.starts_with(|c: char| c.is_ascii_digit()) && !x.value.starts_with("XXXX")
            })
            .filter(move |x| {
                !self.dates_report(cx.text, words, x.span)
                    && !self.dates_other_event(cx.text, words, x.span)
                    && !self.original_date(cx.text, words, x.span)
            })
    }

    /// `Das Krisentreffen dauert länger als geplant`: a meeting under way is dated by the
    /// publication day (the trigger's span stands for the date's provenance).
    fn ongoing(&self, cx: &Context, words: &[Word], t: usize) -> Option<EventDate> {
        words
            .iter()
            .any(|w| self.lexicon.is(w.text, Cue::Ongoing))
            .then(|| EventDate {
                value: cx.published.format("%Y-%m-%d").to_string(),
                span: words[t].span,
            })
    }

    /// A meeting sentence without a date of its own takes the last day named in the sentence
    /// before (`Am Donnerstag begannen in Genf die Gespräche. Die Außenminister trafen sich ...`).
    fn context_date(&self, cx: &Context, sentence: Span) -> Option<EventDate> {
        let previous = previous_sentence(cx, sentence)?;
        let words = words(cx.text, previous);
        let day = |v: &str| v.len() >= 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
        let found = self
            .meeting_dates(cx, &words, previous)
            .filter(|x| day(&x.value))
            .last()?;
        Some(EventDate {
            value: found.value[..10].to_string(),
            span: found.span,
        })
    }

    /// `nach der US-Wahl am 3. November`, `nach seiner Amtsübernahme am 20. Januar`: a date in
    /// a background phrase whose noun comes before it dates that noun, not the meeting.
    fn dates_other_event(&self, text: &str, words: &[Word], span: Span) -> bool {
        (0..words.len())
            .filter(|&s| {
                words[s].span.end <= span.start && self.lexicon.is(words[s].text, Cue::Background)
            })
            .any(|first| {
                let end = self.phrase_end(text, words, first);
                let inside = span.start < words[end - 1].span.end;
                let noun_before = words[first + 1..end]
                    .iter()
                    .take_while(|w| w.span.end <= span.start)
                    .any(|w| w.text.starts_with(char::is_uppercase));
                inside && noun_before
            })
    }

    /// `ursprünglich für Juni geplant`, `hätten eigentlich am Freitag stattfinden sollen`: the
    /// date a postponed meeting no longer has.
    fn original_date(&self, text: &str, words: &[Word], span: Span) -> bool {
        let Some(i) = words.iter().position(|w| w.span.start >= span.start) else {
            return false;
        };
        words[i.saturating_sub(4)..i].iter().any(|w| {
            self.lexicon.is(w.text, Cue::Original) && !text[w.span.end..span.start].contains(',')
        })
    }

    /// `bestätigte am Dienstag`: a reporting verb near the date, in the same clause (`bei einem
    /// Telefonat am Donnerstagabend, teilte ... mit` dates the call).
    fn dates_report(&self, text: &str, words: &[Word], span: Span) -> bool {
        let Some(i) = words.iter().position(|w| w.span.start >= span.start) else {
            return false;
        };
        let window = &words[i.saturating_sub(5)..(i + 3).min(words.len())];
        window.iter().any(|w| {
            let between = if w.span.end <= span.start {
                &text[w.span.end..span.start]
            } else {
                &text[span.end.min(w.span.start)..w.span.start]
            };
            self.lexicon.is(w.text, Cue::Reporting) && !between.contains([',', ';'])
        })
    }

    /// Status from cue words (lowest rank wins), else from the date against the publication.
    fn status(
        &self,
        words: &[Word],
        context: Option<Status>,
        date: Option<&EventDate>,
        published: NaiveDate,
    ) -> Status {
        let cue = self.cue_status(words).or(context);
        // a date before or after the publication day decides between held and planned; on the
        // day itself the words decide, and a present-tense report of today is planned
        let day = date.and_then(|d| NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").ok());
        let by_date = day.and_then(|day| match day.cmp(&published) {
            std::cmp::Ordering::Less => Some(Status::Held),
            std::cmp::Ordering::Greater => Some(Status::Planned),
            std::cmp::Ordering::Equal => None,
        });
        match (cue, by_date) {
            (Some(Status::Held), Some(Status::Planned)) => Status::Planned,
            (Some(Status::Planned), Some(Status::Held)) => Status::Held,
            (Some(s), _) => s,
            (None, Some(s)) => s,
            (None, None) if day.is_some() => Status::Planned,
            (None, None) => Status::Held,
        }
    }

    /// The status the cue words of the sentence before `sentence` give.
    fn previous_cue_status(&self, cx: &Context, sentence: Span) -> Option<Status> {
        let previous = previous_sentence(cx, sentence)?;
        self.cue_status(&words(cx.text, previous))
    }

    /// The status the sentence's cue words give, the lowest rank winning.
    fn cue_status(&self, words: &[Word]) -> Option<Status> {
        let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
        self.lexicon.status_of(&lower)
    }

    /// `Merkel trifft Trump und Xi`: one person meeting several others is one meeting per pair, as
    /// a timeline of bilateral meetings needs (the gold data splits them the same way).
    fn split_bilateral(&self, cx: &Context, words: &[Word], mut event: Event) -> Vec<Event> {
        event.participants.dedup_by_key(|p| p.actor);
        let is_person = |p: &Participant| cx.gazetteer.actor(p.actor).kind == ActorKind::Person;
        let named: Vec<&Participant> = event
            .participants
            .iter()
            .filter(|p| p.span.is_some() || is_person(p))
            .collect();
        let bilateral = matches!(
            event.kind,
            EventKind::Meeting | EventKind::Talks | EventKind::Visit
        );
        // `Zusammenkünfte mit den Chefs von Boeing und mit Bill Gates`, `zu seinen
        // Gesprächspartnern gehören X und Y`: an implied person meets each named party
        let implied_host = named
            .first()
            .is_some_and(|p| p.span.is_none() && is_person(p));
        let before: Vec<&&Participant> = named
            .iter()
            .filter(|p| {
                p.span
                    .is_none_or(|s| !implied_host && s.end <= event.trigger.start)
            })
            .collect();
        let separate = implied_host && self.own_companions(words, &named[1..]);
        if !bilateral
            || named.len() < 3
            || before.len() > 1
            || !(separate || named.iter().all(|p| is_person(p)))
        {
            return vec![event];
        }
        // the one person before the trigger, or, in verb-second order (`trifft Merkel X und Y`),
        // the first one after it
        let host = before.first().map_or(*named[0], |p| ***p);
        let guests: Vec<Participant> = event
            .participants
            .iter()
            .filter(|p| p.actor != host.actor)
            .copied()
            .collect();
        guests
            .into_iter()
            .map(|guest| Event {
                participants: vec![host, guest],
                ..event.clone()
            })
            .collect()
    }

    /// Every party has a companion preposition (`mit`) of its own between it and the one before.
    fn own_companions(&self, words: &[Word], parties: &[&Participant]) -> bool {
        let mut from = 0;
        parties.iter().all(|p| {
            let Some(span) = p.span else { return false };
            let to = words
                .iter()
                .rposition(|w| w.span.end <= span.start)
                .map_or(0, |b| b + 1);
            let has = words[from.min(to)..to]
                .iter()
                .any(|w| self.lexicon.is(w.text, Cue::Companion));
            from = to;
            has
        })
    }

    /// `Moskau prüft eine Teilnahme noch`: marks the named participants of the last meeting open.
    fn mark_open_participation(
        &self,
        cx: &Context,
        sentence: Span,
        words: &[Word],
        event: Option<&mut Event>,
    ) {
        let Some(event) = event else { return };
        let has = |cue| words.iter().any(|w| self.lexicon.is(w.text, cue));
        if !(has(Cue::Participation) && has(Cue::Open)) {
            return;
        }
        for m in sentence_mentions(cx, sentence) {
            if let Some(p) = event
                .participants
                .iter_mut()
                .find(|p| Some(p.actor) == m.actor())
            {
                p.open = true;
            }
        }
        event.support.push(sentence);
    }
}

/// The earlier meeting a sentence that refers back adds to: of those it fits (the same kind, or
/// the same place or shared parties and no other date), the one that shares most named parties,
/// then the latest.
fn antecedent(events: &[Event], event: &Event) -> Option<usize> {
    let fits = |previous: &Event| {
        let dates_conflict =
            matches!((&previous.date, &event.date), (Some(a), Some(b)) if a.value != b.value);
        // `die Einladung zu einem Besuch`, then `bei seinem Besuch im Juli`: a dated meeting
        // that was held is not the one still planned
        let tenses_conflict = event.date.is_some()
            && event.status == Status::Held
            && matches!(previous.status, Status::Planned | Status::Proposed);
        // `der Besuch` on another day is still the visit (`geht am Freitag zu Ende`)
        let same_kind = previous.kind == event.kind;
        // `die Genfer Gespräche` after a meeting in Genf
        let same_place =
            matches!((&previous.place, &event.place), (Some(a), Some(b)) if a.place == b.place);
        !tenses_conflict
            && (same_kind || (!dates_conflict && (same_place || shares_parties(previous, event))))
    };
    let shared = |previous: &Event| {
        event
            .participants
            .iter()
            .filter(|p| {
                p.span.is_some() && previous.participants.iter().any(|q| q.actor == p.actor)
            })
            .count()
    };
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| fits(e))
        .max_by_key(|(i, e)| (shared(e), *i))
        .map(|(i, _)| i)
}

/// Adds a meeting, or merges it into an earlier report of the same one.
fn add_or_merge(events: &mut Vec<Event>, event: Event, g: &Gazetteer) {
    if let Some(same) = events.iter_mut().find(|e| same_meeting(e, &event)) {
        merge_into(same, event, g);
    } else {
        events.push(event);
    }
}

/// The first person among a meeting's parties.
fn first_person(g: &Gazetteer, event: &Event) -> Option<crate::gazetteer::ActorId> {
    event
        .participants
        .iter()
        .map(|p| p.actor)
        .find(|a| g.actor(*a).kind == ActorKind::Person)
}

/// A prepositional phrase that puts another meeting in the background of a sentence's trigger.
struct Background {
    /// From the preposition to the end of the phrase.
    span: Span,
    /// The preposition's word index.
    first: usize,
    /// The word index of the phrase's own trigger.
    trigger: usize,
}

/// The mentions inside `sentence`.
fn sentence_mentions<'c>(cx: &Context<'c>, sentence: Span) -> Vec<&'c Mention> {
    cx.mentions
        .iter()
        .filter(|m| sentence.contains(m.span))
        .collect()
}

/// The sentence before `sentence`.
fn previous_sentence(cx: &Context, sentence: Span) -> Option<Span> {
    cx.sentences
        .iter()
        .rev()
        .find(|s| s.end <= sentence.start)
        .copied()
}

/// The person named last before `offset` (for a pronoun `er`).
fn last_person_before(cx: &Context, offset: usize) -> Option<crate::gazetteer::ActorId> {
    cx.mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= offset)
        .find_map(|m| {
            m.actor()
                .filter(|a| cx.gazetteer.actor(*a).kind == ActorKind::Person)
        })
}

/// A state or organisation right before a person (`Russlands Vize-Außenminister Sergej Rjabkow`,
/// `US-Präsident George W. Bush`) describes the person and is not a party of its own.
fn modifies_person(cx: &Context, later: &[&Mention], m: &Mention) -> bool {
    if !matches!(m.how, How::Inflection | How::Compound | How::Adjective) {
        return false;
    }
    later.iter().take(3).any(|n| {
        let person = n
            .actor()
            .is_some_and(|a| cx.gazetteer.actor(a).kind == ActorKind::Person);
        let Some(between) = cx.text.get(m.span.end..n.span.start) else {
            return false;
        };
        person && between.split_whitespace().count() <= 2 && !between.contains([',', '.', ';'])
    })
}

/// A government office that stands for one state (`US-Außenministerium`) takes part as that state.
fn government_state(g: &Gazetteer, actor: crate::gazetteer::ActorId) -> crate::gazetteer::ActorId {
    let a = g.actor(actor);
    match a.members.as_slice() {
        [state] if a.category == "government" && g.actor(*state).kind == ActorKind::State => *state,
        _ => actor,
    }
}

/// A body brings its parent and members (`Nato-Russland-Rat`: Nato, Russland).
fn add_implied(
    g: &Gazetteer,
    actor: crate::gazetteer::ActorId,
    participants: &mut Vec<Participant>,
) {
    let a = g.actor(actor);
    if a.kind != ActorKind::Body {
        return;
    }
    for implied in a.parent.iter().chain(a.members.iter()) {
        participants.push(Participant {
            actor: *implied,
            span: None,
            open: false,
        });
    }
}

fn dedup_participants(participants: &mut Vec<Participant>) {
    let mut seen = std::collections::HashSet::new();
    participants.retain(|p| seen.insert(p.actor));
}

/// The new sentence names no party, or one the earlier meeting has.
fn shares_parties(previous: &Event, new: &Event) -> bool {
    new.participants.iter().all(|p| p.span.is_none())
        || new
            .participants
            .iter()
            .any(|p| previous.participants.iter().any(|q| q.actor == p.actor))
}

/// A sentence that refers back to a meeting mostly names speakers and sources; its parties join
/// the meeting only when they are a body that convenes (`Damit würde der Nato-Russland-Rat
/// tagen`) or when the meeting had fewer than two parties and no group.
fn keep_new_parties_only_if_needed(previous: &Event, new: &mut Event, g: &Gazetteer) {
    let brings_body = new
        .participants
        .iter()
        .any(|p| g.actor(p.actor).kind == ActorKind::Body);
    // `der G7-Gipfel`: a group is all the parties a meeting needs
    let complete = previous.participants.len() >= 2
        || previous.participants.iter().any(|p| {
            matches!(
                g.actor(p.actor).kind,
                ActorKind::Organisation | ActorKind::Body
            )
        });
    if complete && !brings_body {
        new.participants.clear();
    }
}

/// Two reports of one meeting in an article: the same named parties, and no conflicting dates.
fn same_meeting(a: &Event, b: &Event) -> bool {
    let parties = |e: &Event| {
        let mut v: Vec<_> = e.participants.iter().map(|p| p.actor).collect();
        v.sort();
        v
    };
    let dates_agree = match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.value == y.value,
        _ => true,
    };
    parties(a) == parties(b) && dates_agree && a.kind == b.kind
}

/// Adds what a later sentence says about a meeting: new parties, a body (which makes it a
/// session), a date or place where none was known.
fn merge_into(target: &mut Event, new: Event, g: &Gazetteer) {
    for p in new.participants {
        if !target.participants.iter().any(|q| q.actor == p.actor) {
            target.participants.push(p);
        }
    }
    if target
        .participants
        .iter()
        .any(|p| g.actor(p.actor).kind == ActorKind::Body)
        && target.kind == EventKind::Meeting
    {
        target.kind = EventKind::Session;
    }
    if new.kind == EventKind::Session {
        target.kind = EventKind::Session;
    }
    // `Die Gespräche ... mussten verschoben werden`: a later report that calls a meeting off or
    // moves it changes its status
    if matches!(new.status, Status::Postponed | Status::Cancelled) {
        target.status = new.status;
    }
    // the most precise date wins when it refines the known one (`Mitte März`, then `17. März`)
    let refines = matches!((&target.date, &new.date), (Some(a), Some(b)) if b.value.len() > a.value.len() && b.value.starts_with(&a.value));
    if target.date.is_none() || refines {
        target.date = new.date;
    }
    // `In der Türkei ...`, then `Das Gespräch in Antalya`: a city refines its country
    let refines_place = match (&target.place, &new.place) {
        (Some(country), Some(inside)) => {
            let (country, inside) = (g.place(country.place), g.place(inside.place));
            country.kind == PlaceKind::Country
                && inside.kind != PlaceKind::Country
                && inside.state.is_some()
                && inside.state == country.state
        }
        _ => false,
    };
    if target.place.is_none() || refines_place {
        target.place = new.place;
    }
    if target.topic.is_none() {
        target.topic = new.topic;
    }
    target.support.push(new.evidence);
}

/// The words of a sentence: runs of letters, digits, hyphens and dots inside numbers.
fn words(text: &str, sentence: Span) -> Vec<Word<'_>> {
    let s = sentence.text(text);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let in_word = c.is_alphanumeric() || (c == '-' && start.is_some());
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                let w = s[b..i].trim_end_matches('-');
                out.push(Word {
                    span: Span::new(sentence.start + b, sentence.start + b + w.len()),
                    text: w,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}
