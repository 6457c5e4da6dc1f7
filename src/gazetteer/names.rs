//! Persons the gazetteer does not know. The name grammar (`text/names.tsv`: given names,
//! particles, words and endings that are never names) lets the resolver read a capitalised name
//! after an office (`der ägyptische Geheimdienstchef Abbas Kamel`) or after a given name
//! (`Hans Martin Bury`) as a person of its own, and tell a known surname from the given name of
//! someone else (`Abbas Kamel` is not Mahmud Abbas).

use crate::util::FastSet as HashSet;

use super::model::{ActorId, ActorKind};
use crate::{DataDir, Error, Span};

/// An actor an article names whom the gazetteer does not know: a person (`Abbas Kamel` after
/// `der ägyptische Geheimdienstchef`) or a state's institution (`das südkoreanische
/// Verteidigungsministerium`, `die israelische Botschaft bei den Vereinten Nationen`).
/// Mentions of it carry an unresolved [`ActorId`] ([`ActorId::is_unresolved`]) that indexes
/// the article's list of them ([`Reading::unresolved`](super::Reading)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnresolvedActor {
    /// A person, or an organisation (a state's institution).
    pub kind: ActorKind,
    /// The name as the article first writes it in full: `Abbas Kamel`; an institution in the
    /// nominative: `südkoreanisches Verteidigungsministerium`.
    pub name: String,
    /// Where the article first names the person.
    pub span: Span,
    /// The office the article gives before the name (a role id of `roles/role_words.tsv`:
    /// `intelligence_chief`), if any.
    pub role: Option<String>,
    /// The state or organisation of that office, when a word gives it (`ägyptische`,
    /// `US-`, `Russlands`, or the office word itself: `Bundesfinanzminister`); the state of an
    /// institution.
    pub of: Option<ActorId>,
}

/// The words of `text/names.tsv`, plus the given names of the gazetteer's own persons.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameWords {
    first: HashSet<String>,
    not_first: HashSet<String>,
    particles: HashSet<String>,
    not_name: HashSet<String>,
    endings: Vec<String>,
    /// Institutions of a state and the adjective ending of their nominative (`es` for
    /// `Außenministerium`, `e` for `Botschaft`).
    institutions: Vec<(String, &'static str)>,
}

impl NameWords {
    /// Loads `text/names.tsv`; the first word of every multi-word person name in `persons`
    /// counts as a given name too (at least three letters, not listed as `not_first_name`).
    pub(crate) fn new<'a>(
        data: &DataDir,
        persons: impl Iterator<Item = &'a str>,
    ) -> Result<NameWords, Error> {
        let mut words = NameWords::default();
        for row in data.read("text/names.tsv")?.table(&["word", "kind"])? {
            let word = row.required("word")?.to_string();
            match row.get("kind") {
                "first_name" => words.first.insert(word),
                "not_first_name" => words.not_first.insert(word),
                "particle" => words.particles.insert(word),
                "not_name" => words.not_name.insert(word),
                "not_name_ending" => {
                    words.endings.push(word.to_lowercase());
                    true
                }
                kind @ ("institution_n" | "institution_f" | "institution_m") => {
                    let ending = match kind {
                        "institution_n" => "es",
                        "institution_f" => "e",
                        _ => "er",
                    };
                    words.institutions.push((word, ending));
                    true
                }
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
        }
        for name in persons {
            let mut parts = name.split(' ');
            let (Some(first), Some(_)) = (parts.next(), parts.next()) else {
                continue;
            };
            if first.chars().count() >= 3
                && first.chars().all(|c| c.is_alphabetic() || c == '-')
                && first.chars().any(char::is_lowercase)
            {
                words.first.insert(first.to_string());
            }
        }
        let not_first = std::mem::take(&mut words.not_first);
        words.first.retain(|w| !not_first.contains(w));
        words.not_first = not_first;
        Ok(words)
    }

    /// The institution a word names (`Außenministeriums`, `Botschaft`): its base form and the
    /// adjective ending of its nominative.
    pub(crate) fn institution(&self, word: &str) -> Option<(&str, &'static str)> {
        self.institutions.iter().find_map(|(base, ending)| {
            let rest = word.strip_prefix(base.as_str())?;
            matches!(rest, "" | "s" | "es").then_some((base.as_str(), *ending))
        })
    }

    /// A given name, or a hyphenated one whose first part is (`Hans-Dietrich`, `Jean-Claude`).
    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        self.first.contains(word)
            || word
                .split_once('-')
                .is_some_and(|(head, _)| self.first.contains(head))
    }

    /// A lower-case word inside a name (`de`, `von`, `bin`), or a prefixed part of one
    /// (`al-Sisi`, `el-Sisi`).
    pub(crate) fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    /// A particle glued to a name part by a hyphen: `al-Burhan`, `el-Sisi`.
    fn prefixed(&self, word: &str) -> bool {
        word.split_once('-').is_some_and(|(head, rest)| {
            self.particles.contains(head) && rest.starts_with(char::is_uppercase)
        })
    }

    /// A word that can be part of a name: capitalised, with a lower-case letter, neither a
    /// weekday, month or form of address nor a common noun by its ending (`Gespräche`,
    /// `Regierung`).
    pub(crate) fn name_like(&self, word: &str) -> bool {
        if self.prefixed(word) {
            return true;
        }
        if !word.starts_with(char::is_uppercase)
            || !word.chars().any(char::is_lowercase)
            || word.chars().count() < 2
            || self.not_name.contains(word)
        {
            return false;
        }
        let lower = crate::data::lower_case(word);
        !self
            .endings
            .iter()
            .any(|e| *lower == **e || (lower.len() >= e.len() + 3 && lower.ends_with(e.as_str())))
    }
}

/// The word that starts at `start`: letters, with hyphens and apostrophes between letters
/// (`Hans-Dietrich`, `O'Brien`, `al-Sisi`).
pub(crate) fn word_at(text: &str, start: usize) -> Option<Span> {
    let rest = text.get(start..)?;
    let mut end = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = matches!(c, '-' | '\'' | '’')
            && i > 0
            && chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || joiner {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    (end > 0).then(|| Span::new(start, start + end))
}

/// The word after `end` when exactly one space separates them.
pub(crate) fn next_word(text: &str, end: usize) -> Option<Span> {
    let rest = text.get(end..)?;
    let after = rest.strip_prefix(' ')?;
    if after.starts_with(char::is_whitespace) {
        return None;
    }
    word_at(text, end + 1)
}

/// True when a word starts at byte `i` (nothing alphanumeric right before it).
pub(crate) fn starts_word(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '-' | '\'' | '’'))
}

/// Index space of unresolved actors inside [`ActorId`]: the high bit.
pub(crate) const UNRESOLVED: u32 = 1 << 31;
/// Set for an unresolved person whom the article names without an office.
pub(crate) const WITHOUT_OFFICE: u32 = 1 << 30;
/// Set for an unresolved institution; bits 12 to 28 hold its state's index, bits 0 to 11 the
/// index in the article's list.
pub(crate) const INSTITUTION: u32 = 1 << 29;
const STATE_SHIFT: u32 = 12;
const INDEX_MASK: u32 = (1 << STATE_SHIFT) - 1;

impl ActorId {
    /// True for a person the gazetteer does not know ([`UnresolvedActor`]); its index in the
    /// article's list is [`ActorId::unresolved_index`].
    pub fn is_unresolved(self) -> bool {
        self.0 & UNRESOLVED != 0
    }

    /// The index of an unresolved person in its article's list, else `None`.
    pub fn unresolved_index(self) -> Option<usize> {
        if !self.is_unresolved() {
            return None;
        }
        Some(if self.0 & INSTITUTION != 0 {
            (self.0 & INDEX_MASK) as usize
        } else {
            (self.0 & !(UNRESOLVED | WITHOUT_OFFICE)) as usize
        })
    }

    /// The state of an unresolved institution.
    pub(crate) fn institution_of(self) -> Option<ActorId> {
        (self.is_unresolved() && self.0 & INSTITUTION != 0).then_some(ActorId(
            (self.0 & !(UNRESOLVED | INSTITUTION)) >> STATE_SHIFT,
        ))
    }

    pub(crate) fn unresolved_institution(index: usize, state: ActorId) -> ActorId {
        ActorId(UNRESOLVED | INSTITUTION | (state.0 << STATE_SHIFT) | (index as u32 & INDEX_MASK))
    }

    /// An unresolved person named without an office (`Hans Martin Bury`, not `Sprecher Michael
    /// Offer`): [`Gazetteer::actor`](super::Gazetteer::actor) gives it the category `private`.
    pub(crate) fn without_office(self) -> bool {
        self.is_unresolved() && self.0 & WITHOUT_OFFICE != 0
    }

    pub(crate) fn unresolved(index: usize, office: bool) -> ActorId {
        let flag = if office { 0 } else { WITHOUT_OFFICE };
        ActorId(UNRESOLVED | flag | index as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_names() {
        let text = "Chef Hans-Dietrich Genscher und O'Brien.";
        assert_eq!(
            word_at(text, 5).map(|s| s.text(text)),
            Some("Hans-Dietrich")
        );
        assert_eq!(next_word(text, 18).map(|s| s.text(text)), Some("Genscher"));
        assert_eq!(word_at(text, 32).map(|s| s.text(text)), Some("O'Brien"));
        let words = NameWords::new(&DataDir::bundled(), ["Abbas Araghtschi"].into_iter()).unwrap();
        assert!(words.is_first_name("Abbas"));
        assert!(words.is_first_name("Hans-Jürgen"));
        assert!(words.name_like("Kamel"));
        assert!(words.name_like("al-Sisi"));
        assert!(!words.name_like("Gespräche"));
        assert!(!words.name_like("Montag"));
        assert!(!words.name_like("USA"));
    }

    #[test]
    fn unresolved_ids() {
        let id = ActorId::unresolved(3, false);
        assert!(id.is_unresolved() && id.without_office());
        assert_eq!(id.unresolved_index(), Some(3));
        assert!(!ActorId::unresolved(3, true).without_office());
        let institution = ActorId::unresolved_institution(5, ActorId(207));
        assert_eq!(institution.unresolved_index(), Some(5));
        assert_eq!(institution.institution_of(), Some(ActorId(207)));
        assert!(!institution.without_office());
        assert_eq!(ActorId(3).unresolved_index(), None);
    }
}
