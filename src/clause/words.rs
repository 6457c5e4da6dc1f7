//! [`Words`]: the closed word classes of `gazetteers/clauses/` (conjunctions, relative
//! pronouns, negation, determiners, verb classes). Look-ups only; the decisions are in
//! `segment` and `verbs`.

use super::lexicon::StrTable;
use crate::util::{FastMap, WordTable};
use crate::{DataDir, Error};

/// How a conjunction opens a clause (`clauses/conjunctions.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConjKind {
    Subordinating,
    Infinitive,
    Coordinating,
}

/// When a conjunction opens a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    Always,
    VerbFinal,
    Verb,
}

/// Flags of a word (`clauses/words.tsv`, `clauses/relatives.tsv`).
pub(crate) mod flag {
    pub const NEGATION: u16 = 1;
    pub const DETERMINER: u16 = 1 << 1;
    pub const NOT_VERB: u16 = 1 << 2;
    pub const PERSON_1S: u16 = 1 << 3;
    pub const PERSON_2S: u16 = 1 << 4;
    pub const PERSON_1P: u16 = 1 << 5;
    pub const REL_PRONOUN: u16 = 1 << 6;
    pub const REL_PREPOSITION: u16 = 1 << 7;
    pub const CONJUNCTION: u16 = 1 << 8;
    pub const PAIR_START: u16 = 1 << 9;
    pub const FUNCTION: u16 = 1 << 10;
    /// Set by [`Words::mark_verbs`](super::Words::mark_verbs): the verb lexicon holds the word.
    pub const ALSO_VERB: u16 = 1 << 11;
}

/// The class of a verb lemma (`clauses/verbs.tsv`).
#[derive(Debug, Clone, Default)]
pub(crate) struct VerbClass {
    pub modal: bool,
    pub auxiliary: bool,
    pub sein_perfect: bool,
    /// Reporting verb; `Some("")` without a required word, `Some("es")` for `hieß es`.
    pub reporting: Option<String>,
}

/// The closed classes, loaded once.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    table: StrTable,
    flags: Vec<u16>,
    /// The flags again, by word, for the look-up of every word (see `util::WordTable`).
    by_word: WordTable,
    /// Conjunction readings by word id (one- and two-word conjunctions).
    conj: FastMap<u32, (ConjKind, Check)>,
    /// Two-word phrases that are not negation (`nicht nur`).
    not_negation: Vec<(String, String)>,
    verbs: FastMap<String, VerbClass>,
    /// Length in bytes of the longest word in `table`.
    longest: usize,
}

impl Words {
    pub(crate) fn new(data: &DataDir) -> Result<Words, Error> {
        let mut words = Words {
            table: StrTable::with_capacity(512, 4096),
            flags: Vec::new(),
            by_word: WordTable::default(),
            conj: FastMap::default(),
            not_negation: Vec::new(),
            verbs: FastMap::default(),
            longest: 0,
        };
        for row in data.read("clauses/words.tsv")?.table(&["word", "class"])? {
            let word = row.required("word")?;
            let f = match row.get("class") {
                "negation" => flag::NEGATION,
                "determiner" => flag::DETERMINER,
                "not_verb" => flag::NOT_VERB,
                "person.1s" => flag::PERSON_1S,
                "person.2s" => flag::PERSON_2S,
                "person.1p" => flag::PERSON_1P,
                "function" => flag::FUNCTION,
                "not_negation" => {
                    let mut parts = word.split_whitespace();
                    match (parts.next(), parts.next(), parts.next()) {
                        (Some(a), Some(b), None) => {
                            words.not_negation.push((a.to_string(), b.to_string()))
                        }
                        _ => return Err(row.error("not_negation needs two words")),
                    }
                    continue;
                }
                other => return Err(row.error(format!("unknown class {other:?}"))),
            };
            words.add(word, f);
        }
        for row in data
            .read("clauses/relatives.tsv")?
            .table(&["word", "kind"])?
        {
            let f = match row.get("kind") {
                "pronoun" => flag::REL_PRONOUN,
                "preposition" => flag::REL_PREPOSITION,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            words.add(row.required("word")?, f);
        }
        for row in data
            .read("clauses/conjunctions.tsv")?
            .table(&["words", "kind", "check"])?
        {
            let kind = match row.get("kind") {
                "subordinating" => ConjKind::Subordinating,
                "infinitive" => ConjKind::Infinitive,
                "coordinating" => ConjKind::Coordinating,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            let check = match row.get("check") {
                "always" => Check::Always,
                "verb_final" => Check::VerbFinal,
                "verb" => Check::Verb,
                other => return Err(row.error(format!("unknown check {other:?}"))),
            };
            let phrase = row.required("words")?;
            let parts: Vec<&str> = phrase.split_whitespace().collect();
            if parts.len() > 2 {
                return Err(row.error("at most two words"));
            }
            if parts.len() == 2 {
                words.add(parts[0], flag::PAIR_START);
            }
            let id = words.add(&parts.join(" "), flag::CONJUNCTION);
            words.conj.insert(id, (kind, check));
        }
        for row in data
            .read("clauses/verbs.tsv")?
            .table(&["lemma", "class", "with"])?
        {
            let lemma = row.required("lemma")?.to_string();
            let class = words.verbs.entry(lemma).or_default();
            match row.get("class") {
                "modal" => class.modal = true,
                "auxiliary" => class.auxiliary = true,
                "sein_perfect" => class.sein_perfect = true,
                "reporting" => class.reporting = Some(row.get("with").to_string()),
                other => return Err(row.error(format!("unknown class {other:?}"))),
            }
        }
        words.index();
        Ok(words)
    }

    fn index(&mut self) {
        let map = (0..self.flags.len() as u32)
            .map(|id| {
                (
                    self.table.string(id).to_string(),
                    self.flags[id as usize].into(),
                )
            })
            .collect();
        self.by_word = WordTable::new(map);
    }

    /// Flags the listed words that the verb lexicon holds too (`meinen`, `sein`): only those
    /// are looked up there.
    pub(crate) fn mark_verbs(&mut self, lexicon: &super::VerbLexicon) {
        for id in 0..self.flags.len() as u32 {
            if lexicon.lookup(self.table.string(id)).is_some() {
                self.flags[id as usize] |= flag::ALSO_VERB;
            }
        }
        self.index();
    }

    fn add(&mut self, word: &str, f: u16) -> u32 {
        self.longest = self.longest.max(word.len());
        let id = self.table.insert(word);
        if id as usize == self.flags.len() {
            self.flags.push(0);
        }
        self.flags[id as usize] |= f;
        id
    }

    /// Length in bytes of the longest listed word: longer words need no look-up.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// The flags of a lower-case word (0 when it has none).
    pub(crate) fn flags(&self, word: &str) -> u16 {
        self.by_word.get(word).map_or(0, |f| f as u16)
    }

    /// The conjunction reading of one word or of a two-word phrase `first second`.
    pub(crate) fn conjunction(
        &self,
        first: &str,
        second: Option<&str>,
    ) -> Option<(ConjKind, Check, usize)> {
        if let Some(second) = second
            && self.flags(first) & flag::PAIR_START != 0
        {
            let phrase = format!("{first} {second}");
            if let Some(&(k, c)) = self.table.get(&phrase).and_then(|id| self.conj.get(&id)) {
                return Some((k, c, 2));
            }
        }
        let id = self.table.get(first)?;
        self.conj.get(&id).map(|&(k, c)| (k, c, 1))
    }

    /// True when `first second` is listed as not negating (`nicht nur`).
    pub(crate) fn is_not_negation(&self, first: &str, second: &str) -> bool {
        self.not_negation
            .iter()
            .any(|(a, b)| a == first && b == second)
    }

    /// The class of a verb lemma.
    pub(crate) fn verb(&self, lemma: &str) -> Option<&VerbClass> {
        self.verbs.get(lemma)
    }
}
