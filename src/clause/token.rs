//! Tokens of one sentence for the clause stage, and what each word can be: a verb form (with its
//! readings from the lexicon), a conjunction, a relative pronoun, a determiner, a negation.
//!
//! A word's verb readings count only where German allows a verb there ([`Tok::verbal`]):
//! capitalised words are nouns except at the start of a sentence, quote or colon (and even
//! there only an auxiliary or modal, or a form before a pronoun or article: `Trifft er ...?`);
//! determiners and `not_verb` words (`eine`, `meinen`, `lange`) are verbs only at the end of
//! their stretch; an inflected form inside an open noun phrase is an adjective (`die am Montag
//! vereinbarten Gespräche`).

use std::borrow::Cow;

use super::lexicon::{Analysis, Tags, VerbLexicon};
use super::words::{Words, flag};
use crate::Span;

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Comma,
    /// `;` or `:`
    Stop,
    Colon,
    Open,
    Close,
    /// A quote mark; which way it goes is decided by `pairs`.
    Quote,
    Dash,
    /// Other punctuation (`.`, `/`, `?`).
    Other,
}

/// One token with what the clause stage needs to know about it.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'t> {
    pub span: Span,
    pub text: &'t str,
    pub kind: Kind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// First word of a sentence, quote, bracket or after a colon: a capital says nothing.
    pub initial: bool,
    /// Lower-case form for look-ups (borrowed unless the word has capitals).
    pub lower: Cow<'t, str>,
    /// Closed-class flags (`words::flag`).
    pub flags: u16,
    /// Verb readings (from the table, a glued particle or the fallback endings).
    pub readings: Readings<'t>,
    /// Union of the tags of all readings.
    pub tags: Tags,
    /// The readings came from endings alone.
    pub guessed: bool,
    /// A verb here, after the position checks.
    pub verbal: bool,
    /// Some reading is an auxiliary or modal verb (`hat`, `wird`, `soll`).
    pub aux: bool,
    /// Last word before a comma, stop, bracket, quote, dash or the end.
    pub stretch_end: bool,
}

/// Where the readings of a word come from.
#[derive(Debug, Clone, Default)]
pub(crate) enum Readings<'t> {
    #[default]
    None,
    /// A slice of the lexicon's readings for the whole word.
    Table(&'t [Analysis]),
    /// Readings built for this word: each with the length in bytes of a separable particle
    /// glued before a known form (`ablehnt` = `ab` + `lehnt`), or 0.
    Owned(Vec<(usize, Analysis)>),
    /// Endings only.
    Guess,
}

impl<'t> Tok<'t> {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub(crate) fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }

    pub(crate) fn is_boundary(&self) -> bool {
        !matches!(self.kind, Kind::Word | Kind::Number | Kind::Other)
    }
}

fn punct_kind(c: char) -> Kind {
    match c {
        ',' => Kind::Comma,
        ';' => Kind::Stop,
        ':' => Kind::Colon,
        '(' | '[' => Kind::Open,
        ')' | ']' => Kind::Close,
        '"' | '„' | '“' | '”' | '«' | '»' | '‚' | '‘' => Kind::Quote,
        '–' | '—' => Kind::Dash,
        _ => Kind::Other,
    }
}

/// Splits `text[sentence]` into tokens with absolute byte spans. Words are letters and digits
/// with inner hyphens, apostrophes and dots between letters (`US-Präsident`, `geht's`); a
/// hyphen between spaces is a dash.
pub(crate) fn tokenize<'t>(text: &'t str, sentence: Span) -> Vec<Tok<'t>> {
    let s = sentence.text(text);
    let base = sentence.start;
    let mut toks = Vec::with_capacity(s.len() / 6 + 4);
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '-' | '\'' | '’')
                    && s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    all_digits = false;
                    it.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
            let word = &s[i..end];
            toks.push(Tok {
                span: Span::new(base + i, base + end),
                text: word,
                kind: if all_digits { Kind::Number } else { Kind::Word },
                cap: c.is_uppercase(),
                initial: false,
                lower: Cow::Borrowed(word),
                flags: 0,
                readings: Readings::None,
                tags: Tags::default(),
                guessed: false,
                verbal: false,
                aux: false,
                stretch_end: false,
            });
            continue;
        }
        let mut kind = punct_kind(c);
        if c == '-' {
            let before = i == 0 || s[..i].ends_with(char::is_whitespace);
            let after = s[i + 1..].starts_with(char::is_whitespace);
            if before && after {
                kind = Kind::Dash;
            }
        }
        let end = i + c.len_utf8();
        toks.push(Tok {
            span: Span::new(base + i, base + end),
            text: &s[i..end],
            kind,
            cap: false,
            initial: false,
            lower: Cow::Borrowed(""),
            flags: 0,
            readings: Readings::None,
            tags: Tags::default(),
            guessed: false,
            verbal: false,
            aux: false,
            stretch_end: false,
        });
    }
    toks
}

/// Fills in flags, readings and the `verbal` decision of every word.
///
/// `aux_lemma[id]` says whether the lemma with that id is an auxiliary or modal verb.
pub(crate) fn tag<'a>(
    toks: &mut [Tok<'a>],
    lexicon: &'a VerbLexicon,
    words: &Words,
    aux_lemma: &[bool],
) {
    // initial positions and stretch ends
    let mut initial = true;
    for i in 0..toks.len() {
        match toks[i].kind {
            Kind::Word | Kind::Number => {
                toks[i].initial = initial;
                initial = false;
                toks[i].stretch_end = toks.get(i + 1).is_none_or(|n| {
                    n.is_boundary() || (n.kind == Kind::Other && matches!(n.text, "." | "?" | "!"))
                });
            }
            // after a dash too: `LONDON - Der Bericht`
            Kind::Quote | Kind::Open | Kind::Colon | Kind::Stop | Kind::Dash => initial = true,
            _ => {}
        }
    }
    for t in toks.iter_mut().filter(|t| t.kind == Kind::Word) {
        if t.cap && !t.initial {
            // a noun or a name; only `Sie` would be a pronoun, and it has no flags we use
            continue;
        }
        if t.cap {
            t.lower = Cow::Owned(t.text.to_lowercase());
        }
        if t.lower.len() <= words.longest() {
            t.flags = words.flags(&t.lower);
        }
        if t.flags != 0 && t.flags & flag::ALSO_VERB == 0 {
            continue; // a closed-class word the verb lexicon does not hold
        }
        if let Some(found) = lexicon.lookup(&t.lower) {
            t.tags = found
                .iter()
                .fold(Tags::default(), |acc, a| acc.with(a.tags));
            if found.iter().any(|a| lexicon.is_separable_reading(a))
                && let Some((p, glued)) = lexicon.glued(&t.lower).map(|(p, g)| (p.len(), g))
            {
                // `ablehnen` is also the fused present of `ab|lehnen` in a verb-final clause
                let mut all: Vec<(usize, Analysis)> = found.iter().map(|&a| (0, a)).collect();
                for g in glued.into_iter().filter(|g| g.tags.is_finite()) {
                    t.tags = t.tags.with(g.tags);
                    all.push((p, g));
                }
                t.readings = Readings::Owned(all);
            } else {
                t.readings = Readings::Table(found);
            }
            t.aux = found
                .iter()
                .any(|a| a.tags.is_finite() && aux_lemma[lexicon.lemma_id(a)]);
        } else if t.cap || t.flags != 0 {
            // an unknown capitalised word at the start (a name or noun), or a closed-class word
        } else if let Some((p, found)) = lexicon.glued(&t.lower).map(|(p, f)| (p.len(), f)) {
            t.tags = found
                .iter()
                .fold(Tags::default(), |acc, a| acc.with(a.tags));
            t.readings = Readings::Owned(found.into_iter().map(|a| (p, a)).collect());
        } else {
            let tags = lexicon.fallback(&t.lower);
            if tags != Tags::default() {
                t.tags = tags;
                t.readings = Readings::Guess;
                t.guessed = true;
            }
        }
    }
    // the position checks
    let mut open_np = 0usize;
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.is_boundary() {
            open_np = 0;
            continue;
        }
        if t.kind != Kind::Word {
            continue;
        }
        if t.cap && !t.initial {
            // a noun closes the innermost noun phrase, except a bare one after a preposition
            // (`der mit Spannung erwartete Bericht`)
            if !(i > 0 && toks[i - 1].has(flag::REL_PREPOSITION)) {
                open_np = open_np.saturating_sub(1);
            }
            continue;
        }
        let has_verb = t.tags.is_finite() || t.tags.is_nonfinite();
        let mut verbal = has_verb;
        if verbal
            && t.has(flag::DETERMINER | flag::NOT_VERB | flag::CONJUNCTION | flag::REL_PRONOUN)
        {
            verbal = t.stretch_end;
        }
        if verbal && t.cap {
            // sentence-initial capital: `Treffen` is a noun; `Hat`, `Soll`, `Trifft er` verbs
            let next_is_pronoun_or_article = toks.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && !n.cap
                    && matches!(
                        n.text,
                        "er" | "sie" | "es" | "man" | "der" | "die" | "das" | "ein" | "eine"
                    )
            });
            let aux = t.aux;
            verbal =
                t.tags.is_finite() && !t.tags.has(Tags::INF) && (aux || next_is_pronoun_or_article);
        }
        if verbal && open_np > 0 && !t.stretch_end {
            // `die am Montag vereinbarten Gespräche`: an adjective before its noun
            let w = t.lower.as_ref();
            // an adjective stands before a noun or another adjective, not before an article
            // (`Das berichteten mehrere Medien`: a verb)
            let next_word = toks
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Word && (n.cap && !n.initial || n.flags == 0));
            let participle = ["e", "en", "er", "es", "em"].iter().any(|e| {
                w.strip_suffix(e)
                    .is_some_and(|stem| lexicon.is_participle(stem))
            });
            if participle && next_word {
                verbal = false;
            }
        }
        let t = &mut toks[i];
        t.verbal = verbal;
        if verbal {
            open_np = 0;
        } else if t.has(flag::DETERMINER) {
            open_np += 1;
        }
    }
}
