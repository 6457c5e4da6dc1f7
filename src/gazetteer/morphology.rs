//! Generates German word forms from base forms, by the rules in `gazetteers/morphology.tsv`.
//!
//! Only the mechanism lives here: which suffixes exist is data. The generator over-generates on
//! purpose (a form that never occurs costs nothing in an automaton) but never produces a form
//! that is another common word.

use crate::{DataDir, Error};

/// Grammatical gender of a name, which decides its genitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    Neuter,
    Plural,
}

impl Gender {
    pub(crate) fn parse(s: &str) -> Option<Gender> {
        match s {
            "m" => Some(Gender::Masculine),
            "f" => Some(Gender::Feminine),
            "n" | "" => Some(Gender::Neuter),
            "pl" => Some(Gender::Plural),
            _ => None,
        }
    }

    fn takes_genitive_s(self) -> bool {
        matches!(self, Gender::Masculine | Gender::Neuter)
    }
}

/// The inflection rules, loaded from data.
#[derive(Debug, Clone)]
pub(crate) struct Morphology {
    genitive: Vec<String>,
    genitive_long: Vec<String>,
    no_genitive_after: Vec<String>,
    adjective_endings: Vec<String>,
    city_adjective: Vec<String>,
    demonym_after_e: Vec<String>,
    demonym_after_er: Vec<String>,
    role_endings: Vec<String>,
    /// Letters with diacritics and the letters a spelling without them writes.
    fold: Vec<(char, String)>,
}

impl Morphology {
    pub(crate) fn new(data: &DataDir) -> Result<Morphology, Error> {
        let rows = data.read("morphology.tsv")?.table(&["rule", "value"])?;
        let get = |rule: &str| -> Result<Vec<String>, Error> {
            let row = rows.iter().find(|r| r.get("rule") == rule).ok_or_else(|| {
                Error::data("morphology.tsv", 0, format!("rule {rule:?} is missing"))
            })?;
            Ok(row.list("value").map(str::to_string).collect())
        };
        Ok(Morphology {
            genitive: get("genitive")?,
            genitive_long: get("genitive_long")?,
            no_genitive_after: get("no_genitive_after")?,
            adjective_endings: get("adjective_endings")?,
            city_adjective: get("city_adjective")?,
            demonym_after_e: get("demonym_after_e")?,
            demonym_after_er: get("demonym_after_er")?,
            role_endings: get("role_endings")?,
            fold: get("fold")?
                .iter()
                .map(|pair| {
                    let (from, to) = pair.split_once('=').unwrap_or((pair, ""));
                    let mut chars = from.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => Ok((c, to.to_string())),
                        _ => Err(Error::data(
                            "morphology.tsv",
                            0,
                            format!("fold {pair:?} is not a letter=replacement pair"),
                        )),
                    }
                })
                .collect::<Result<_, _>>()?,
        })
    }

    /// A name and its genitive: `Russland` -> `Russlands`; `Ukraine` (f) -> nothing more.
    /// Multi-word names inflect their adjectives and head noun: `Ständiger Rat der OSZE` ->
    /// `Ständigen Rats der OSZE`, `Ständigen Rates der OSZE`, ...
    pub(crate) fn name_forms(&self, name: &str, gender: Gender, common_noun: bool) -> Vec<String> {
        let words: Vec<&str> = name.split(' ').collect();
        let mut forms = vec![name.to_string()];
        if words.len() == 1 {
            forms.extend(self.genitives(name, gender, common_noun));
            return dedup(forms);
        }
        // adjectives before the head noun: capitalised words ending like an adjective and
        // followed by another capitalised word
        let head = words
            .iter()
            .position(|w| !self.is_adjective_word(w))
            .filter(|&h| h > 0 || words.len() > 1)
            .unwrap_or(0);
        let head = head.min(words.len() - 1);
        let stems: Vec<Option<&str>> = words[..head]
            .iter()
            .map(|w| self.adjective_stem(w))
            .collect();
        if stems.iter().any(Option::is_none) {
            return dedup(forms);
        }
        let mut heads = vec![words[head].to_string()];
        heads.extend(self.genitives(words[head], gender, true));
        for ending in &self.adjective_endings {
            for head_form in &heads {
                let mut parts: Vec<String> = stems
                    .iter()
                    .map(|s| format!("{}{ending}", s.unwrap_or("")))
                    .collect();
                parts.push(head_form.clone());
                parts.extend(words[head + 1..].iter().map(|w| w.to_string()));
                forms.push(parts.join(" "));
            }
        }
        dedup(forms)
    }

    fn genitives(&self, word: &str, gender: Gender, common_noun: bool) -> Vec<String> {
        if !gender.takes_genitive_s() {
            return Vec::new();
        }
        if self
            .no_genitive_after
            .iter()
            .any(|e| word.ends_with(e.as_str()))
        {
            // a common noun still takes the long genitive (des Hauses); a name takes none (Paris)
            return if common_noun {
                self.genitive_long
                    .iter()
                    .map(|s| format!("{word}{s}"))
                    .collect()
            } else {
                Vec::new()
            };
        }
        let last_is_letter = word
            .chars()
            .last()
            .is_some_and(|c| c.is_alphabetic() && c.is_lowercase());
        if !last_is_letter {
            return Vec::new(); // abbreviations: "des IWF", not "IWFs"
        }
        let mut out: Vec<String> = self.genitive.iter().map(|s| format!("{word}{s}")).collect();
        if common_noun && !word.ends_with('e') {
            out.extend(self.genitive_long.iter().map(|s| format!("{word}{s}")));
        }
        out
    }

    fn is_adjective_word(&self, word: &str) -> bool {
        word.chars().next().is_some_and(char::is_alphabetic) && self.adjective_stem(word).is_some()
    }

    /// The stem of an adjective form: `russisches` -> `russisch`.
    pub(crate) fn adjective_stem_of<'w>(&self, word: &'w str) -> Option<&'w str> {
        self.adjective_stem(word)
    }

    /// `s` spelt without diacritics (German umlauts and ß stay): `Erdoğan` -> `Erdogan`;
    /// `None` when nothing changes.
    pub(crate) fn fold(&self, s: &str) -> Option<String> {
        let mut changed = false;
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match self.fold.iter().find(|(from, _)| *from == c) {
                Some((_, to)) => {
                    out.push_str(to);
                    changed = true;
                }
                None => out.push(c),
            }
        }
        changed.then_some(out)
    }

    /// `Ständiger` -> `Ständig`; `Europäische` -> `Europäisch`; `Rat` -> None.
    fn adjective_stem<'w>(&self, word: &'w str) -> Option<&'w str> {
        let mut endings: Vec<&String> = self.adjective_endings.iter().collect();
        endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
        let ending = endings
            .into_iter()
            .find(|e| word.ends_with(e.as_str()) && word.len() > e.len() + 3)?;
        let stem = &word[..word.len() - ending.len()];
        let adjectival = [
            "isch", "lich", "ig", "al", "är", "ar", "iv", "ell", "ant", "ent", "t", "en", "ß", "r",
            "n",
        ];
        adjectival
            .iter()
            .any(|suffix| stem.ends_with(suffix))
            .then_some(stem)
    }

    /// Every form of an adjective stem, lower case and capitalised: `russisch` -> `russische`,
    /// `Russischen`, ...
    pub(crate) fn adjective_forms(&self, stem: &str) -> Vec<String> {
        let mut forms = Vec::new();
        for ending in &self.adjective_endings {
            let form = format!("{stem}{ending}");
            forms.push(capitalise(&form));
            forms.push(form);
        }
        dedup(forms)
    }

    /// The city adjective: `Genf` -> `Genfer`.
    pub(crate) fn city_adjective(&self, name: &str) -> Vec<String> {
        if name.contains(' ') || name.ends_with("er") {
            return Vec::new();
        }
        self.city_adjective
            .iter()
            .map(|s| format!("{name}{s}"))
            .collect()
    }

    /// Demonym forms: `Russe` -> `Russen`, `Russin`, `Russinnen`; a nominalised adjective
    /// (`Deutscher`, whose state has the adjective `deutsch`) takes adjective endings.
    pub(crate) fn demonym_forms(&self, demonym: &str, adjective_stems: &[&str]) -> Vec<String> {
        let mut forms = vec![demonym.to_string()];
        if let Some(stem) = demonym.strip_suffix('e') {
            forms.extend(self.demonym_after_e.iter().map(|s| format!("{stem}e{s}")));
            forms.extend(
                self.demonym_after_e
                    .iter()
                    .filter(|s| s.starts_with('i'))
                    .map(|s| format!("{stem}{s}")),
            );
        } else if let Some(stem) = demonym.strip_suffix("er") {
            if adjective_stems
                .iter()
                .any(|a| a.to_lowercase() == stem.to_lowercase())
            {
                forms.extend(
                    self.adjective_forms(stem)
                        .into_iter()
                        .filter(|f| f.starts_with(char::is_uppercase)),
                );
            } else {
                forms.extend(
                    self.demonym_after_er
                        .iter()
                        .map(|s| format!("{demonym}{s}")),
                );
            }
        }
        dedup(forms)
    }

    /// Inflected role words: `Präsident` -> `Präsidenten`, `Kanzler` -> `Kanzlers`.
    pub(crate) fn role_forms(&self, word: &str) -> Vec<String> {
        let mut forms = vec![word.to_string()];
        if !word.ends_with("in") || word.ends_with("min") {
            forms.extend(self.role_endings.iter().map(|s| format!("{word}{s}")));
        }
        dedup(forms)
    }
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn dedup(mut forms: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    forms.retain(|f| seen.insert(f.clone()));
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> Morphology {
        Morphology::new(&DataDir::bundled()).unwrap()
    }

    #[test]
    fn genitives_follow_gender() {
        let m = m();
        assert_eq!(
            m.name_forms("Russland", Gender::Neuter, false),
            vec!["Russland", "Russlands"]
        );
        assert_eq!(
            m.name_forms("Ukraine", Gender::Feminine, false),
            vec!["Ukraine"]
        );
        assert_eq!(m.name_forms("Paris", Gender::Neuter, false), vec!["Paris"]);
        assert_eq!(m.name_forms("IWF", Gender::Masculine, false), vec!["IWF"]);
    }

    #[test]
    fn multi_word_names_inflect_adjectives_and_head() {
        let forms = m().name_forms("Ständiger Rat der OSZE", Gender::Masculine, true);
        assert!(
            forms.contains(&"Ständigen Rats der OSZE".to_string()),
            "{forms:?}"
        );
        assert!(forms.contains(&"Ständigen Rates der OSZE".to_string()));
        let forms = m().name_forms("Weißes Haus", Gender::Neuter, true);
        assert!(forms.contains(&"Weißen Hauses".to_string()), "{forms:?}");
        let forms = m().name_forms("Europäische Union", Gender::Feminine, true);
        assert!(
            forms.contains(&"Europäischen Union".to_string()),
            "{forms:?}"
        );
    }

    #[test]
    fn adjectives_demonyms_cities_roles() {
        let m = m();
        assert!(
            m.adjective_forms("russisch")
                .contains(&"Russischen".to_string())
        );
        assert!(
            m.demonym_forms("Russe", &["russisch"])
                .contains(&"Russen".to_string())
        );
        assert!(
            m.demonym_forms("Amerikaner", &["amerikanisch"])
                .contains(&"Amerikanern".to_string())
        );
        assert!(
            m.demonym_forms("Deutscher", &["deutsch"])
                .contains(&"Deutschen".to_string())
        );
        assert_eq!(m.city_adjective("Genf"), vec!["Genfer"]);
        assert!(
            m.role_forms("Präsident")
                .contains(&"Präsidenten".to_string())
        );
    }
}
