//! Tokens of one sentence: words, digit runs and single punctuation marks, with byte spans into
//! the original text and, on demand, the lexicon's senses of a word.
//!
//! Only sentences that hold an anchor word are tokenised, and a word's senses are looked up only
//! when a rule asks for them (most words of a sentence never are), which keeps the tagger fast.
//! It does not decide what anything means beyond the lexicon lookup.

use std::borrow::Cow;
use std::cell::OnceCell;

use super::lexicon::{Lexicon, Sense};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Token<'t> {
    /// Byte offset of the first byte in the whole text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub text: &'t str,
    pub kind: Kind,
    /// Lower-case form of a word, made on first use (borrowed when the word is lower case
    /// already); the text of numbers and punctuation.
    lower: OnceCell<Cow<'t, str>>,
    /// True when no white space separates it from the token before.
    pub glued: bool,
    /// True when a word begins with an upper-case letter.
    pub cap: bool,
    /// True when a line break separates it from the token before.
    pub newline_before: bool,
    lexicon: &'t Lexicon,
    senses: OnceCell<Vec<Sense>>,
}

impl Token<'_> {
    /// What the lexicon says the word can mean (empty for numbers and punctuation).
    pub(crate) fn senses(&self) -> &[Sense] {
        self.senses.get_or_init(|| {
            if self.kind == Kind::Word {
                self.lexicon.senses(self.lower())
            } else {
                Vec::new()
            }
        })
    }

    /// The lower-case form of a word; the text of other tokens.
    pub(crate) fn lower(&self) -> &str {
        self.lower.get_or_init(|| {
            if self.kind == Kind::Word && self.text.chars().any(char::is_uppercase) {
                Cow::Owned(self.text.to_lowercase())
            } else {
                Cow::Borrowed(self.text)
            }
        })
    }

    /// The value of a digit run (`None` for other tokens or for runs too long to be a date part).
    pub(crate) fn num(&self) -> Option<u32> {
        if self.kind == Kind::Number && self.text.len() <= 6 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// Number of digits of a digit run.
    pub(crate) fn digits(&self) -> usize {
        if self.kind == Kind::Number {
            self.text.len()
        } else {
            0
        }
    }

    /// True when the token is the punctuation mark `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// True when the token is the lower-case word `w`.
    pub(crate) fn is(&self, w: &str) -> bool {
        self.kind == Kind::Word
            && self.text.len() == w.len()
            && if self.text.is_ascii() {
                self.text.eq_ignore_ascii_case(w)
            } else {
                self.lower() == w
            }
    }

    /// True when the token is a word.
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// Splits `text[start..end]` into tokens (spans are offsets into `text`).
pub(crate) fn tokenize<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    lexicon: &'t Lexicon,
) -> Vec<Token<'t>> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let mut tokens = Vec::with_capacity(slice.len() / 5 + 1);
    let bytes = slice.as_bytes();
    // the character at byte `i` and its length, ASCII without decoding
    let char_at = |i: usize| -> (char, usize) {
        match bytes[i] {
            b if b < 0x80 => (char::from(b), 1),
            _ => slice[i..]
                .chars()
                .next()
                .map_or((' ', 1), |c| (c, c.len_utf8())),
        }
    };
    let mut i = 0;
    let mut last_end = usize::MAX;
    let mut newline = false;
    while i < bytes.len() {
        let (c, len) = char_at(i);
        if c.is_whitespace() {
            newline |= c == '\n';
            i += len;
            continue;
        }
        let mut j = i + len;
        let kind = if c.is_ascii_digit() {
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            Kind::Number
        } else if c.is_alphabetic() {
            while j < bytes.len() {
                let (d, l) = char_at(j);
                if !d.is_alphabetic() {
                    break;
                }
                j += l;
            }
            Kind::Word
        } else {
            Kind::Punct
        };
        tokens.push(Token {
            start: start + i,
            end: start + j,
            text: &slice[i..j],
            kind,
            lower: OnceCell::new(),
            glued: last_end == i,
            cap: c.is_uppercase(),
            newline_before: std::mem::take(&mut newline),
            lexicon,
            senses: OnceCell::new(),
        });
        last_end = j;
        i = j;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataDir;

    #[test]
    fn splits_words_numbers_and_marks() {
        let lex = Lexicon::load(&DataDir::bundled()).unwrap();
        let text = "x Am 10.01.2022 um 9.30 Uhr, G20-Gipfel im Übermorgen";
        let toks = tokenize(text, 2, text.len(), &lex);
        let parts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            parts,
            [
                "Am",
                "10",
                ".",
                "01",
                ".",
                "2022",
                "um",
                "9",
                ".",
                "30",
                "Uhr",
                ",",
                "G",
                "20",
                "-",
                "Gipfel",
                "im",
                "Übermorgen"
            ]
        );
        assert!(toks[2].glued && !toks[6].glued);
        assert_eq!(toks[17].lower(), "übermorgen");
        assert!(toks[0].is("am") && toks[17].is("übermorgen"));
        assert_eq!(toks[17].start, text.find("Übermorgen").unwrap());
        assert_eq!(toks[1].num(), Some(10));
        assert!(!toks[17].senses().is_empty() && toks[15].senses().is_empty());
    }
}
