//! The event lexicon: triggers, status cues and sentence cues from `gazetteers/events/`.

use super::words::Word;
use super::{EventKind, Status};
use crate::util::{EdgeFilter, FastMap, WordTable, is_lowercase_of, with_lower, with_to_lowercase};
use crate::{DataDir, Error};

/// How a trigger form matches a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TriggerPos {
    /// The word, or the head of a compound (`Krisentreffen`).
    Noun,
    /// The whole word only.
    Word,
    /// A lower-case verb form.
    Verb,
    /// Not a trigger, although its head is one (`Pressekonferenz`, `Einreise`).
    None,
}

#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub(crate) kind: EventKind,
    pub(crate) pos: TriggerPos,
    pub(crate) requires: Vec<String>,
}

/// Kinds of sentence cue (`events/cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    Attribution,
    Anaphora,
    Definite,
    Negation,
    Reporting,
    Topic,
    Cause,
    Coordination,
    Schedule,
    PartyPhrase,
    Participation,
    Open,
    Locative,
    Background,
    Collocate,
    NonDiplomatic,
    New,
    Settlement,
    After,
    Possessive,
    Indefinite,
    Phrase,
    Companion,
    Affiliation,
    Predicative,
    Original,
    Group,
    Partner,
    Frame,
    Ongoing,
    Reflexive,
    There,
}

// a word's cue kinds are a bit each in a `u32`
const _: () = assert!((Cue::There as u32) < 32);

#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// Every trigger form and head, case-insensitive: a sentence without a hit has no trigger.
    prefilter: aho_corasick::AhoCorasick,
    /// Exact forms: verbs, whole words, and nouns as written.
    exact: WordTable,
    /// The triggers `exact` points to.
    triggers: Vec<Trigger>,
    /// Noun heads, longest first, for compounds; blocked heads (`pos` none) among them.
    heads: Vec<(String, Trigger)>,
    /// The first index in `heads` of each head.
    head_index: FastMap<String, usize>,
    /// Length in bytes of the longest head.
    head_max: usize,
    /// A bit per length in bytes of a head (up to 63).
    head_lengths: u64,
    /// A bit per first byte of a head.
    head_starts: [u64; 4],
    /// Status cues: (cue words, status, rank).
    status: Vec<(Vec<String>, Status, u8)>,
    /// The status cues that start with a word, by that word.
    status_by_first: FastMap<String, Vec<usize>>,
    /// The cue kinds of a lower-case word, a bit per [`Cue`].
    cues: WordTable,
    /// The ends of `cues`' words.
    cue_filter: EdgeFilter,
    /// Verbs and modals that give a status by their lemma (`events/status_verbs.tsv`).
    status_verbs: FastMap<String, StatusVerb>,
}

/// A verb whose meaning gives the status of the meeting it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StatusVerb {
    pub(crate) status: Status,
    /// A modal verb (`will ... treffen`), not a full verb (`sagte ... ab`).
    pub(crate) modal: bool,
    /// The verb refuses or rules out the meeting it governs (`lehnte ein Treffen ab`): no
    /// meeting is reported.
    pub(crate) refusal: bool,
    /// The lowest rank wins among the verbs of one clause.
    pub(crate) rank: u8,
}

impl Lexicon {
    pub(crate) fn new(data: &DataDir) -> Result<Lexicon, Error> {
        let mut exact: FastMap<String, Trigger> = FastMap::default();
        let mut heads = Vec::new();
        for row in data
            .read("events/triggers.tsv")?
            .table(&["form", "kind", "pos", "requires"])?
        {
            let kind =
                EventKind::parse(row.get("kind")).ok_or_else(|| row.error("unknown kind"))?;
            let pos = match row.get("pos") {
                "noun" => TriggerPos::Noun,
                "word" => TriggerPos::Word,
                "verb" => TriggerPos::Verb,
                "none" => TriggerPos::None,
                other => {
                    return Err(row.error(format!("pos {other:?} is not noun, word, verb or none")));
                }
            };
            let requires = row.list("requires").map(str::to_string).collect();
            let form = row.required("form")?.to_string();
            let trigger = Trigger {
                kind,
                pos,
                requires,
            };
            if matches!(pos, TriggerPos::Noun | TriggerPos::None) {
                heads.push((form.to_lowercase(), trigger.clone()));
            }
            exact.insert(form, trigger);
        }
        heads.sort_by_key(|(h, _)| std::cmp::Reverse(h.len()));
        let mut head_index = FastMap::default();
        for (k, (head, _)) in heads.iter().enumerate() {
            head_index.entry(head.clone()).or_insert(k);
        }
        let head_max = heads.first().map_or(0, |(h, _)| h.len());
        let (mut head_lengths, mut head_starts) = (0u64, [0u64; 4]);
        for (head, _) in &heads {
            head_lengths |= 1 << head.len().min(63);
            let b = head.as_bytes()[0] as usize;
            head_starts[b / 64] |= 1 << (b % 64);
        }
        let mut status: Vec<(Vec<String>, Status, u8)> = Vec::new();
        for row in data
            .read("events/status_cues.tsv")?
            .table(&["cue", "status", "rank"])?
        {
            let s = Status::parse(row.get("status")).ok_or_else(|| row.error("unknown status"))?;
            let rank: u8 = row
                .get("rank")
                .parse()
                .map_err(|_| row.error("rank is not a small number"))?;
            status.push((
                row.required("cue")?
                    .split(' ')
                    .map(str::to_string)
                    .collect(),
                s,
                rank,
            ));
        }
        let mut cues: FastMap<String, u32> = FastMap::default();
        for row in data.read("events/cues.tsv")?.table(&["word", "kind"])? {
            let cue = match row.get("kind") {
                "attribution" => Cue::Attribution,
                "anaphora" => Cue::Anaphora,
                "definite" => Cue::Definite,
                "negation" => Cue::Negation,
                "reporting" => Cue::Reporting,
                "topic" => Cue::Topic,
                "cause" => Cue::Cause,
                "coordination" => Cue::Coordination,
                "schedule" => Cue::Schedule,
                "party_phrase" => Cue::PartyPhrase,
                "participation" => Cue::Participation,
                "open" => Cue::Open,
                "locative" => Cue::Locative,
                "background" => Cue::Background,
                "collocate" => Cue::Collocate,
                "nondiplomatic" => Cue::NonDiplomatic,
                "new" => Cue::New,
                "settlement" => Cue::Settlement,
                "after" => Cue::After,
                "possessive" => Cue::Possessive,
                "indefinite" => Cue::Indefinite,
                "phrase" => Cue::Phrase,
                "companion" => Cue::Companion,
                "affiliation" => Cue::Affiliation,
                "predicative" => Cue::Predicative,
                "original" => Cue::Original,
                "group" => Cue::Group,
                "partner" => Cue::Partner,
                "frame" => Cue::Frame,
                "ongoing" => Cue::Ongoing,
                "reflexive" => Cue::Reflexive,
                "there" => Cue::There,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            *cues
                .entry(row.required("word")?.to_lowercase())
                .or_default() |= 1 << cue as u32;
        }
        let mut status_verbs = FastMap::default();
        for row in data
            .read("events/status_verbs.tsv")?
            .table(&["lemma", "status", "kind", "rank"])?
        {
            let status =
                Status::parse(row.get("status")).ok_or_else(|| row.error("unknown status"))?;
            let (modal, refusal) = match row.get("kind") {
                "verb" => (false, false),
                "modal" => (true, false),
                "refusal" => (false, true),
                other => {
                    return Err(row.error(format!("kind {other:?} is not verb, modal or refusal")));
                }
            };
            let rank: u8 = row
                .get("rank")
                .parse()
                .map_err(|_| row.error("rank is not a small number"))?;
            status_verbs.insert(
                row.required("lemma")?.to_string(),
                StatusVerb {
                    status,
                    modal,
                    refusal,
                    rank,
                },
            );
        }
        let mut cue_filter = EdgeFilter::default();
        for word in cues.keys() {
            cue_filter.insert(word);
        }
        let cues = WordTable::new(cues);
        let forms: Vec<String> = exact.keys().map(|f| f.to_lowercase()).collect();
        let mut triggers = Vec::with_capacity(exact.len());
        let mut index = FastMap::default();
        for (form, trigger) in exact {
            index.insert(form, triggers.len() as u32);
            triggers.push(trigger);
        }
        let exact = WordTable::new(index);
        let prefilter = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&forms)
            .map_err(|e| Error::data("events/triggers.tsv", 0, e))?;
        let mut status_by_first: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, (cue, _, _)) in status.iter().enumerate() {
            status_by_first.entry(cue[0].clone()).or_default().push(i);
        }
        Ok(Lexicon {
            prefilter,
            exact,
            triggers,
            heads,
            head_index,
            head_max,
            head_lengths,
            head_starts,
            status,
            status_by_first,
            cues,
            cue_filter,
            status_verbs,
        })
    }

    /// The status that the cues among `words` (a sentence's words, compared in lower case)
    /// give, the lowest rank winning.
    pub(crate) fn status_of(&self, words: &[Word]) -> Option<Status> {
        self.ranked_status_of(words).map(|(status, _)| status)
    }

    /// Like [`status_of`](Self::status_of), with the winning cue's rank (the first cue of
    /// that rank in text order).
    pub(crate) fn ranked_status_of(&self, words: &[Word]) -> Option<(Status, u8)> {
        let mut best: Option<(Status, u8)> = None;
        for i in 0..words.len() {
            let Some(cues) = with_to_lowercase(words[i].text, |w| self.status_by_first.get(w))
            else {
                continue;
            };
            for &c in cues {
                let (cue, status, rank) = &self.status[c];
                // the first word is the key
                let fits = cue.len() <= words.len() - i
                    && cue[1..]
                        .iter()
                        .zip(&words[i + 1..])
                        .all(|(c, w)| is_lowercase_of(w.text, c));
                if fits && best.is_none_or(|(_, r)| *rank < r) {
                    best = Some((*status, *rank));
                }
            }
        }
        best
    }

    /// The status a verb gives by its lemma (`absagen`: cancelled), if any.
    pub(crate) fn status_verb(&self, lemma: &str) -> Option<StatusVerb> {
        self.status_verbs.get(lemma).copied()
    }

    /// False when `text` cannot hold a trigger (a cheap scan before splitting it into words).
    pub(crate) fn may_trigger(&self, text: &str) -> bool {
        self.prefilter.is_match(text)
    }

    pub(crate) fn is(&self, word: &str, cue: Cue) -> bool {
        let cues = memo::cues(word, || {
            if self.cue_filter.may_hold(word, true) {
                self.cues.get_lower(word).unwrap_or(0)
            } else {
                0
            }
        });
        cues & (1 << cue as u32) != 0
    }

    /// The trigger a word is, if any: verbs only in lower case, nouns also as compound heads.
    pub(crate) fn trigger(&self, word: &str) -> Option<&Trigger> {
        let found = match memo::trigger(word, || self.find_trigger(word)) {
            memo::Found::Exact(k) => Some(&self.triggers[k as usize]),
            memo::Found::Head(k) => Some(&self.heads[k as usize].1),
            memo::Found::None => None,
        };
        found.filter(|t| t.pos != TriggerPos::None)
    }

    fn find_trigger(&self, word: &str) -> memo::Found {
        match self.exact.get(word) {
            Some(k) => memo::Found::Exact(k),
            // the longest head that ends the word, three bytes or more after its start
            None if word.starts_with(char::is_uppercase) => with_lower(word, |lower| {
                (3.max(lower.len().saturating_sub(self.head_max))..lower.len())
                    .filter(|&i| {
                        let b = lower.as_bytes()[i] as usize;
                        self.head_lengths & (1 << (lower.len() - i).min(63)) != 0
                            && self.head_starts[b / 64] & (1 << (b % 64)) != 0
                            && lower.is_char_boundary(i)
                    })
                    .find_map(|i| self.head_index.get(&lower[i..]))
                    .map_or(memo::Found::None, |&k| memo::Found::Head(k as u32))
            }),
            None => memo::Found::None,
        }
    }

    /// Remembers the cue kinds and trigger of the words of `text` until the scope ends (see
    /// [`memo`]): an article asks about each of its words many times.
    pub(crate) fn remember(&self, text: &str) -> memo::Scope {
        memo::Scope::new(text)
    }
}

/// What the lexicon says about the words of the article being read, by their place in memory:
/// the event rules ask whether a word is a cue of some kind dozens of times per word, and a
/// look-up lower-cases and hashes it each time. Only words inside the article's text are kept,
/// and only while its [`Scope`] lives (the text cannot change meanwhile); a new scope forgets
/// everything, so no answer outlives the text it was about.
pub(crate) mod memo {
    use std::cell::Cell;

    /// Where a trigger was found.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Found {
        Exact(u32),
        Head(u32),
        None,
    }

    #[derive(Clone, Copy)]
    struct Slot {
        ptr: usize,
        len: usize,
        generation: u32,
        /// A bit per [`super::Cue`], once looked up.
        cues: Option<u32>,
        trigger: Option<Found>,
    }

    const EMPTY: Slot = Slot {
        ptr: 0,
        len: 0,
        generation: 0,
        cues: None,
        trigger: None,
    };
    const SLOTS: usize = 1024;

    // plain cells, initialised at compile time: no lazy set-up, no borrow flag per access
    thread_local! {
        /// The text's first and end address, while a scope lives.
        static TEXT: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
        static GENERATION: Cell<u32> = const { Cell::new(0) };
        static MEMO: [Cell<Slot>; SLOTS] = const { [const { Cell::new(EMPTY) }; SLOTS] };
    }

    /// While it lives, answers about the words of one text are remembered.
    pub(crate) struct Scope(());

    impl Scope {
        pub(super) fn new(text: &str) -> Scope {
            let generation = GENERATION.get().wrapping_add(1);
            if generation == 0 {
                // after 2^32 scopes: forget every slot for certain
                MEMO.with(|m| m.iter().for_each(|s| s.set(EMPTY)));
            }
            GENERATION.set(generation.max(1));
            let start = text.as_ptr() as usize;
            TEXT.set((start, start + text.len()));
            Scope(())
        }
    }

    impl Drop for Scope {
        fn drop(&mut self) {
            TEXT.set((0, 0));
        }
    }

    /// The remembered slot of `word` and where it goes, or `None` when `word` is not in the
    /// text of the scope.
    #[inline]
    fn slot(word: &str) -> Option<(usize, Slot)> {
        let (ptr, len) = (word.as_ptr() as usize, word.len());
        let (start, end) = TEXT.get();
        if !(start <= ptr && ptr + len <= end && len > 0) {
            return None;
        }
        let generation = GENERATION.get();
        let i = (ptr ^ len.rotate_left(7)) % SLOTS;
        let slot = MEMO.with(|m| m[i].get());
        if slot.ptr == ptr && slot.len == len && slot.generation == generation {
            Some((i, slot))
        } else {
            Some((
                i,
                Slot {
                    ptr,
                    len,
                    generation,
                    ..EMPTY
                },
            ))
        }
    }

    /// The cue kinds of `word`, from `look_up` unless remembered.
    #[inline]
    pub(super) fn cues(word: &str, look_up: impl FnOnce() -> u32) -> u32 {
        let Some((i, mut slot)) = slot(word) else {
            return look_up();
        };
        if let Some(cues) = slot.cues {
            return cues;
        }
        let cues = look_up();
        slot.cues = Some(cues);
        MEMO.with(|m| m[i].set(slot));
        cues
    }

    /// The trigger of `word`, from `look_up` unless remembered.
    #[inline]
    pub(super) fn trigger(word: &str, look_up: impl FnOnce() -> Found) -> Found {
        let Some((i, mut slot)) = slot(word) else {
            return look_up();
        };
        if let Some(found) = slot.trigger {
            return found;
        }
        let found = look_up();
        slot.trigger = Some(found);
        MEMO.with(|m| m[i].set(slot));
        found
    }
}
