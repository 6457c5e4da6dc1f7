//! The verb complex of one clause: which word is the finite verb, which participles and
//! infinitives complete it, and what they say together (tense, mood, modality, voice).
//!
//! - **Finite verb.** In a main clause (and quote, parenthesis) the first verb with a finite
//!   reading (V2 or V1); in a subordinate, relative or infinitive clause the verbs at its end
//!   (verb-final), the finite one usually last (`weil er gekommen ist`), first before an
//!   infinitive pair (`dass er hätte kommen sollen`).
//! - **Chain.** From the finite verb, each auxiliary governs the next non-finite verb from the
//!   right: `haben`/`sein` + participle (perfect; `sein` + participle of a verb that does not
//!   take `sein` is a state, `ist geplant`), `werden` + infinitive (future), `werden` +
//!   participle (passive), modal + infinitive, `haben` + modal infinitive (`hat kommen wollen`).
//!   The last verb of the chain is the main verb; a separable particle at the clause end joins
//!   it (`kam ... zusammen` → `zusammenkommen`).
//! - **Mood.** The reading of the finite verb for the clause's person (third unless `ich`, `du`,
//!   `wir` stand in the clause): indicative when there is one (`wollte` is preterite, not
//!   Konjunktiv II), else Konjunktiv I (`sei`, `habe`, `werde`), else Konjunktiv II (`wäre`).
//! - **Tense** (the time the form refers to, not its morphology):
//!
//!   | finite verb | + nothing | + perfect | + future (`werden` + inf.) | + both |
//!   |---|---|---|---|---|
//!   | present, Konjunktiv I | Present | Perfect | Future | FuturePerfect |
//!   | preterite | Preterite | Pluperfect | — | — |
//!   | Konjunktiv II | Present (`wäre`, `würde kommen`) | Pluperfect (`hätte gesagt`) | Present | Pluperfect |
//!
//!   A perfect infinitive under a modal counts as perfect (`soll sich getroffen haben`).

use std::borrow::Cow;

use super::lexicon::{Analysis, Paradigm, Tags, VerbLexicon};
use super::token::{Readings, Tok};
use super::words::{Words, flag};
use super::{ClauseKind, Modal, Mood, Tense, VerbComplex, Voice};

/// How a chain link governs the next verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Perfect,
    Stative,
    Future,
    Passive,
    Modal,
}

/// A verb of the chain: token, lemma (particle joined), the reading used.
struct Link<'a> {
    tok: usize,
    lemma: Cow<'a, str>,
}

/// Word lists reused from clause to clause.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    verbal: Vec<usize>,
    cluster: Vec<usize>,
    nonfinite: Vec<usize>,
    rest: Vec<usize>,
}

/// The lemma of token `i`'s reading with tag `want` (any when `want` is empty).
fn lemma_of<'a>(t: &Tok<'_>, lexicon: &'a VerbLexicon, want: Tags) -> Option<Cow<'a, str>> {
    let fits = |a: &Analysis| want == Tags::default() || a.tags.any(want);
    match &t.readings {
        Readings::Table(found) => found
            .iter()
            .find(|a| fits(a))
            .map(|a| Cow::Borrowed(lexicon.lemma(a))),
        Readings::Owned(found) => found
            .iter()
            .find(|(_, a)| fits(a))
            .map(|(p, a)| joined(&t.lower[..*p], lexicon.lemma(a))),
        Readings::Guess => Some(Cow::Owned(guess_lemma(&t.lower))),
        Readings::None => None,
    }
}

/// A particle and a lemma as one (`zusammen` + `kommen`), borrowed when there is no particle.
fn joined<'a>(particle: &str, lemma: &'a str) -> Cow<'a, str> {
    if particle.is_empty() {
        Cow::Borrowed(lemma)
    } else {
        Cow::Owned([particle, lemma].concat())
    }
}

/// The infinitive of a form known only by its shape: `gastiert` → `gastieren`,
/// `vereinbarten` → `vereinbaren`, `gedealt` → `dealen`.
fn guess_lemma(w: &str) -> String {
    if let Some(i) = w.rfind("ier") {
        return format!("{}ieren", &w[..i]);
    }
    let stem = ["ten", "tet", "te", "t"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .unwrap_or(w);
    let stem = match stem.strip_prefix("ge") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => stem,
    };
    format!("{stem}en")
}

/// The finite reading of a token for the clause's persons: paradigm and lemma.
fn finite_reading<'a>(
    t: &Tok<'_>,
    lexicon: &'a VerbLexicon,
    persons: u32,
) -> Option<(Paradigm, Cow<'a, str>)> {
    let (table, owned): (&[Analysis], &[(usize, Analysis)]) = match &t.readings {
        Readings::Table(found) => (found, &[]),
        Readings::Owned(found) => (&[], found),
        Readings::Guess | Readings::None => (&[], &[]),
    };
    let analyses = || table.iter().map(|&a| (0, a)).chain(owned.iter().copied());
    if table.is_empty() && owned.is_empty() {
        if t.tags.is_finite() {
            let p = if t.tags.persons(Paradigm::Preterite) != 0 {
                Paradigm::Preterite
            } else {
                Paradigm::Present
            };
            return Some((p, Cow::Owned(guess_lemma(&t.lower))));
        }
        return None;
    }
    for mask in [persons, 0x3f] {
        for p in Paradigm::ALL {
            if let Some((n, a)) = analyses().find(|(_, a)| a.tags.persons(p) & mask != 0) {
                return Some((p, joined(&t.lower[..n], lexicon.lemma(&a))));
            }
        }
    }
    None
}

/// Analyses the verbs among `own` (the clause's own word tokens, in order).
pub(crate) fn analyse(
    toks: &[Tok<'_>],
    own: &[usize],
    kind: &ClauseKind,
    lexicon: &VerbLexicon,
    words: &Words,
    buffers: &mut Buffers,
) -> (VerbComplex, bool) {
    let Buffers {
        verbal,
        cluster,
        nonfinite,
        rest,
    } = buffers;
    verbal.clear();
    verbal.extend(own.iter().copied().filter(|&i| toks[i].verbal));
    let verbal = &*verbal;
    let verb_final = matches!(
        kind,
        ClauseKind::Subordinate { .. } | ClauseKind::Relative | ClauseKind::Infinitive
    );
    let mut persons = 0u32;
    for &i in own {
        let t = &toks[i];
        if t.has(flag::PERSON_1S) {
            persons |= 1;
        }
        if t.has(flag::PERSON_2S) {
            persons |= 1 << 1;
        }
        if t.has(flag::PERSON_1P) {
            persons |= 1 << 3;
        }
    }
    if persons == 0 {
        persons = (1 << 2) | (1 << 5);
    }
    let is_finite = |i: usize| toks[i].tags.is_finite();
    nonfinite.clear();
    let finite: Option<usize> = if verb_final {
        // the verbs at the end of the clause
        let mut k = own.len();
        while k > 0 && toks[own[k - 1]].verbal {
            k -= 1;
        }
        cluster.clear();
        cluster.extend_from_slice(&own[k..]);
        if cluster.is_empty()
            && let Some(&last) = verbal.last()
        {
            cluster.push(last);
        }
        if *kind == ClauseKind::Infinitive {
            nonfinite.extend_from_slice(cluster);
            None
        } else {
            let f = match cluster.last() {
                Some(&l) if is_finite(l) => Some(l),
                _ => cluster.iter().copied().find(|&i| is_finite(i)),
            };
            nonfinite.extend(cluster.iter().copied().filter(|&i| Some(i) != f));
            f
        }
    } else {
        let f = verbal
            .iter()
            .copied()
            .find(|&i| is_finite(i) && !toks[i].guessed)
            .or_else(|| verbal.iter().copied().find(|&i| is_finite(i)));
        match f {
            Some(f) => nonfinite.extend(
                verbal
                    .iter()
                    .copied()
                    .filter(|&i| i > f && toks[i].tags.is_nonfinite()),
            ),
            None => nonfinite.extend(
                verbal
                    .iter()
                    .copied()
                    .filter(|&i| toks[i].tags.is_nonfinite()),
            ),
        }
        f
    };
    let nonfinite = &*nonfinite;

    let mut vc = VerbComplex {
        finite: finite.map(|i| toks[i].span),
        nonfinite: nonfinite.iter().map(|&i| toks[i].span).collect(),
        ..VerbComplex::default()
    };
    vc.negated = own.iter().enumerate().any(|(k, &i)| {
        toks[i].has(flag::NEGATION)
            && !own
                .get(k + 1)
                .is_some_and(|&n| words.is_not_negation(&toks[i].lower, &toks[n].lower))
    });

    // the top of the chain
    let mut paradigm = None;
    let mut chain: Vec<Link> = Vec::new();
    if let Some(f) = finite {
        if let Some((p, lemma)) = finite_reading(&toks[f], lexicon, persons) {
            paradigm = Some(p);
            chain.push(Link { tok: f, lemma });
        }
    } else if let Some(&last) = nonfinite.last()
        && let Some(lemma) = lemma_of(&toks[last], lexicon, Tags::default())
    {
        chain.push(Link { tok: last, lemma });
    }
    let mut ops = Vec::new();
    rest.clear();
    rest.extend(
        nonfinite
            .iter()
            .copied()
            .filter(|&i| chain.first().is_none_or(|l| l.tok != i)),
    );
    while let (Some(&e), Some(top)) = (rest.last(), chain.last()) {
        let class = words.verb(&top.lemma);
        let et = &toks[e];
        let step = match top.lemma.as_ref() {
            "haben" => {
                if et.tags.has(Tags::PA2) {
                    Some((Op::Perfect, Tags::PA2))
                } else if et.tags.has(Tags::INF)
                    && lemma_of(et, lexicon, Tags::INF)
                        .is_some_and(|l| words.verb(&l).is_some_and(|c| c.modal))
                {
                    Some((Op::Perfect, Tags::INF))
                } else {
                    None
                }
            }
            "sein" => {
                if et.tags.has(Tags::PA2) {
                    let l = lemma_of(et, lexicon, Tags::PA2).unwrap_or_default();
                    if takes_sein(&l, lexicon, words) {
                        Some((Op::Perfect, Tags::PA2))
                    } else {
                        Some((Op::Stative, Tags::PA2))
                    }
                } else {
                    None
                }
            }
            "werden" => {
                // `wurde`, `worden`, `werden` under a modal take a participle (`wurde
                // einberufen`); a present `wird` prefers the infinitive (`wird beraten`)
                let passive_first = chain.len() > 1 || paradigm == Some(Paradigm::Preterite);
                let inf = et.tags.has(Tags::INF).then_some((Op::Future, Tags::INF));
                let pa2 = et.tags.has(Tags::PA2).then_some((Op::Passive, Tags::PA2));
                if passive_first {
                    pa2.or(inf)
                } else {
                    inf.or(pa2)
                }
            }
            _ if class.is_some_and(|c| c.modal) && et.tags.has(Tags::INF) => {
                Some((Op::Modal, Tags::INF))
            }
            _ => None,
        };
        let Some((op, reading)) = step else {
            break;
        };
        let Some(lemma) = lemma_of(et, lexicon, reading) else {
            break;
        };
        ops.push(op);
        chain.push(Link { tok: e, lemma });
        rest.pop();
    }

    // the separable particle at the end of a main clause joins a finite main verb
    if chain.len() == 1
        && finite == Some(chain[0].tok)
        && !verb_final
        && let Some(&last) = own.last()
        && last > chain[0].tok
        && !toks[last].verbal
        && !toks[last].cap
        && lexicon.is_particle(&toks[last].lower)
    {
        let joined = [toks[last].lower.as_ref(), chain[0].lemma.as_ref()].concat();
        if lexicon.is_separable(&joined) {
            vc.particle = Some(toks[last].span);
            chain[0].lemma = Cow::Owned(joined);
        }
    }

    if let Some(main) = chain.last() {
        vc.lemma = Some(main.lemma.to_string());
    }
    let perfect = ops.contains(&Op::Perfect);
    let future = ops.first() == Some(&Op::Future);
    if let Some(p) = paradigm {
        vc.mood = match p {
            Paradigm::Present | Paradigm::Preterite => Mood::Indicative,
            Paradigm::SubjunctiveI => Mood::SubjunctiveI,
            Paradigm::SubjunctiveII => Mood::SubjunctiveII,
        };
        vc.tense = Some(match p {
            Paradigm::Present | Paradigm::SubjunctiveI => match (future, perfect) {
                (true, true) => Tense::FuturePerfect,
                (true, false) => Tense::Future,
                (false, true) => Tense::Perfect,
                (false, false) => Tense::Present,
            },
            Paradigm::Preterite if perfect => Tense::Pluperfect,
            Paradigm::Preterite => Tense::Preterite,
            Paradigm::SubjunctiveII if perfect => Tense::Pluperfect,
            Paradigm::SubjunctiveII => Tense::Present,
        });
    }
    vc.voice = if ops.contains(&Op::Passive) {
        Voice::Passive
    } else if ops.contains(&Op::Stative) {
        Voice::Stative
    } else {
        Voice::Active
    };
    if let Some(k) = ops.iter().position(|&o| o == Op::Modal) {
        let tense = if k == 0 && finite.is_some() {
            match paradigm {
                Some(Paradigm::Preterite) => Tense::Preterite,
                _ => Tense::Present,
            }
        } else {
            vc.tense.unwrap_or(Tense::Present)
        };
        vc.modal = Some(Modal {
            lemma: chain[k].lemma.to_string(),
            tense,
        });
    }
    let reporting = vc.lemma.as_deref().is_some_and(|l| {
        words
            .verb(l)
            .and_then(|c| c.reporting.as_deref())
            .is_some_and(|with| with.is_empty() || own.iter().any(|&i| toks[i].lower == with))
    });
    (vc, reporting)
}

/// `lemma` builds its perfect with `sein`: listed, or a separable compound of a listed verb.
fn takes_sein(lemma: &str, lexicon: &VerbLexicon, words: &Words) -> bool {
    if words.verb(lemma).is_some_and(|c| c.sein_perfect) {
        return true;
    }
    lemma.char_indices().skip(1).any(|(i, _)| {
        let (p, base) = lemma.split_at(i);
        base.len() >= 4
            && words.verb(base).is_some_and(|c| c.sein_perfect)
            && lexicon.is_particle(p)
            && lexicon.is_separable(lemma)
    })
}
