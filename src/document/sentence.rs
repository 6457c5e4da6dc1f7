//! Sentence splitting for German news text.
//!
//! A sentence ends at `.`, `!` or `?` (and a closing quote after them) followed by white space,
//! or at a blank line. It does not end after an abbreviation (`Dr.`, `z.B.`), after an ordinal
//! number followed by a word that takes ordinals (`10. Januar`, `8. Jh.`, `des 9. Februars`,
//! `1. Kavalleriekorps`), inside a number (`9.30 Uhr`), or before a lower-case word. Which words are abbreviations is data: `gazetteers/text/sentence.tsv`.

use std::collections::HashSet;

use crate::{DataDir, Error, Span};

/// Splits text into sentences; built once from the data files.
///
/// ```
/// use chronik::{DataDir, SentenceSplitter};
/// let splitter = SentenceSplitter::new(&DataDir::bundled())?;
/// let text = "Das Treffen ist am 10. Januar um 9.30 Uhr. Dr. Meier kommt.";
/// let spans = splitter.split(text);
/// assert_eq!(spans.len(), 2);
/// assert_eq!(spans[1].text(text), "Dr. Meier kommt.");
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    abbreviations: HashSet<String>,
    after_ordinal: HashSet<String>,
}

impl SentenceSplitter {
    /// Loads the abbreviation and ordinal lists from `text/sentence.tsv`.
    ///
    /// # Errors
    /// When the data file is missing or malformed.
    pub fn new(data: &DataDir) -> Result<SentenceSplitter, Error> {
        let mut abbreviations = HashSet::new();
        let mut after_ordinal = HashSet::new();
        for row in data.read("text/sentence.tsv")?.table(&["form", "kind"])? {
            let form = row.required("form")?.to_string();
            match row.get("kind") {
                "abbreviation" => abbreviations.insert(form),
                "after_ordinal" => after_ordinal.insert(form),
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
        }
        Ok(SentenceSplitter {
            abbreviations,
            after_ordinal,
        })
    }

    /// The sentences of `text`, as spans without surrounding white space.
    pub fn split(&self, text: &str) -> Vec<Span> {
        self.split_from(text, 0)
    }

    /// Like [`split`](Self::split), but starting at byte `start` (e.g. after a dateline).
    pub fn split_from(&self, text: &str, start: usize) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut begin = start;
        let bytes = text.as_bytes();
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            let end_here = match b {
                b'\n' if bytes.get(i + 1) == Some(&b'\n') => Some(i),
                b'.' | b'!' | b'?' => self.sentence_end(text, begin, i),
                _ => None,
            };
            if let Some(end) = end_here {
                push_trimmed(text, begin, end, &mut spans);
                begin = end;
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
        push_trimmed(text, begin, text.len(), &mut spans);
        if spans.iter().any(|s| s.len() > MAX_SENTENCE) {
            spans = spans.into_iter().flat_map(|s| cut_long(text, s)).collect();
        }
        spans
    }

    /// If the punctuation at `i` ends a sentence, the byte offset just after the sentence.
    fn sentence_end(&self, text: &str, begin: usize, i: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut end = i + 1;
        while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')') {
            end += 1;
        }
        // closing typographic quotes
        for q in ["“", "”", "«", "»", "’"] {
            if text[end..].starts_with(q) {
                end += q.len();
            }
        }
        let rest = &text[end..];
        let next = rest.trim_start();
        if next.len() == rest.len() && !rest.is_empty() {
            return None; // no white space after: "9.30", "z.B.", "www.dpa.de"
        }
        let Some(first) = next.chars().next() else {
            return Some(end);
        };
        if first.is_lowercase()
            || first.is_ascii_digit() && bytes[i] == b'.' && next_is_number_continuation(next)
        {
            return None;
        }
        if bytes[i] == b'.' {
            let word = last_word(&text[begin..=i]);
            if self.abbreviations.contains(word) || is_initial(word) {
                return None;
            }
            // the last number of the word: `10.`, also `27./28.`
            let number = word
                .trim_end_matches('.')
                .rsplit(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap_or("");
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
                let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
                if self.takes_ordinal(&next_word) {
                    return None;
                }
            }
        }
        Some(end)
    }

    /// A word that follows an ordinal number (`10. Januar`): a listed word (also an abbreviated
    /// one, `8. Jh.`), its genitive (`des 9. Februars`), or a compound that ends in a listed word
    /// of four letters or more (`1. Kavalleriekorps`, `2. Panzerdivision`; not `Bundestag`).
    fn takes_ordinal(&self, word: &str) -> bool {
        if self.after_ordinal.contains(word) || self.after_ordinal.contains(&title_case(word)) {
            // `14. MÄRZ` in a headline set in capitals is `14. März`
            return true;
        }
        let genitive = ["es", "s"]
            .iter()
            .filter_map(|e| word.strip_suffix(e))
            .any(|stem| self.after_ordinal.contains(stem));
        genitive || self.ends_in_listed_noun(word)
    }

    /// `Kavalleriekorps` ends in the listed `Korps`: the compound counts the same units.
    fn ends_in_listed_noun(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.after_ordinal.iter().any(|listed| {
            let tail = listed.to_lowercase();
            tail.chars().count() >= 4
                && lower.len() > tail.len()
                && lower.ends_with(&tail)
                && listed.starts_with(char::is_uppercase)
        })
    }
}

/// `MÄRZ` -> `März`: the first letter kept, the rest in lower case.
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// The longest sentence, in bytes: five times the longest in the evaluation sets (610 bytes of
/// news, KRAUTS and WikiWarsDE). Text without sentence ends (a table, a list, a text without
/// punctuation) is cut into pieces of at most this length, so that the later stages, whose work
/// grows faster than linearly with a sentence's length, take time linear in the text's length.
pub const MAX_SENTENCE: usize = 3000;

/// `span` in pieces of at most [`MAX_SENTENCE`] bytes, cut at white space where there is some.
fn cut_long(text: &str, span: Span) -> Vec<Span> {
    let mut pieces = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let mut limit = start + MAX_SENTENCE;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let end = match window.rfind(char::is_whitespace) {
            Some(i) if i > 0 => start + i,
            _ => limit,
        };
        push_trimmed(text, start, end, &mut pieces);
        start = end;
    }
    push_trimmed(text, start, span.end, &mut pieces);
    pieces
}

fn next_is_number_continuation(next: &str) -> bool {
    // "am 14. und 15." is handled by the lower-case rule; here: "10. 000" never happens in news,
    // but "1. 2. 3." lists do: keep them together.
    next.split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with('.') && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit()))
}

/// The word before the dot at the end of `s`, including that dot.
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '„' | '“'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// A single capital letter and a dot: an initial in a name (`George W. Bush`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

fn push_trimmed(text: &str, begin: usize, end: usize, spans: &mut Vec<Span>) {
    let slice = &text[begin..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        spans.push(Span::new(begin + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let s = SentenceSplitter::new(&DataDir::bundled()).unwrap();
        s.split(text).iter().map(|sp| sp.text(text)).collect()
    }

    #[test]
    fn keeps_ordinals_times_abbreviations_and_initials() {
        assert_eq!(
            split("Am 10. Januar um 9.30 Uhr trifft z.B. George W. Bush ein. Danach: Pause!"),
            vec![
                "Am 10. Januar um 9.30 Uhr trifft z.B. George W. Bush ein.",
                "Danach: Pause!"
            ]
        );
    }

    #[test]
    fn an_ordinal_before_a_month_in_capitals_does_not_end() {
        assert_eq!(
            split("AM 14. MÄRZ BEGINNT DIE MESSE. Sie dauert."),
            vec!["AM 14. MÄRZ BEGINNT DIE MESSE.", "Sie dauert."]
        );
    }

    #[test]
    fn breaks_after_year_and_quote() {
        assert_eq!(
            split("Das war 2019. Dann kam „mehr.“ Übermorgen geht es weiter."),
            vec![
                "Das war 2019.",
                "Dann kam „mehr.“",
                "Übermorgen geht es weiter."
            ]
        );
    }

    #[test]
    fn keeps_date_ranges_eras_and_halves_together() {
        assert_eq!(
            split(
                "Am 27./28. September tagt der Rat. Im 1. Halbjahr 44 v. Chr. starb Caesar. Ende."
            ),
            vec![
                "Am 27./28. September tagt der Rat.",
                "Im 1. Halbjahr 44 v. Chr. starb Caesar.",
                "Ende."
            ]
        );
    }

    #[test]
    fn ordinals_before_abbreviations_genitives_and_compounds_do_not_end() {
        assert_eq!(
            split(
                "Im 8. Jh. v. Chr. wuchs die Stadt. Am Mittag des 9. Februars 1904 griff Japan an. \
                 Die Spitze bildete das 1. Kavalleriekorps. Ende."
            ),
            vec![
                "Im 8. Jh. v. Chr. wuchs die Stadt.",
                "Am Mittag des 9. Februars 1904 griff Japan an.",
                "Die Spitze bildete das 1. Kavalleriekorps.",
                "Ende."
            ]
        );
    }

    #[test]
    fn a_count_before_a_compound_of_a_short_word_still_ends() {
        assert_eq!(
            split("Die Zahl stieg auf 12. Bundestag und Bundesrat stimmten zu."),
            vec![
                "Die Zahl stieg auf 12.",
                "Bundestag und Bundesrat stimmten zu."
            ]
        );
    }

    #[test]
    fn text_without_sentence_ends_is_cut_at_white_space() {
        let word = "Verhandlungen ";
        let text = word.repeat(MAX_SENTENCE); // 14 times the limit, no sentence end
        let s = SentenceSplitter::new(&DataDir::bundled()).unwrap();
        let spans = s.split(&text);
        assert!(spans.len() >= 14, "{}", spans.len());
        for sp in &spans {
            assert!(sp.len() <= MAX_SENTENCE);
            assert!(sp.text(&text).starts_with('V') && sp.text(&text).ends_with('n'));
        }
        // no white space at all: cut on a character boundary
        let text = "ä".repeat(MAX_SENTENCE);
        let spans = s.split(&text);
        assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), text.len());
        assert!(
            spans
                .iter()
                .all(|sp| sp.len() <= MAX_SENTENCE && !sp.text(&text).is_empty())
        );
    }

    #[test]
    fn blank_line_ends_a_sentence() {
        assert_eq!(
            split("Titel ohne Punkt\n\nText."),
            vec!["Titel ohne Punkt", "Text."]
        );
    }
}
