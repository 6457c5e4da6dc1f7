//! Where a meeting stands: proposed, planned, held, postponed or cancelled, read from the clause
//! that reports it (`crate::clause`).
//!
//! One rule, tried in this order on the trigger's clause and then on each clause it is embedded
//! in, up to (not into) a clause that reports speech:
//!
//! | evidence | status | example |
//! |---|---|---|
//! | a verb whose meaning gives a status (`events/status_verbs.tsv`, any form) | that status | `Das Treffen wurde abgesagt`, `Biden lud Scholz zu Gesprächen ein` |
//! | a status word of the trigger's clause (`events/status_cues.tsv`: nouns, adjectives) | that status | `Die Absage des Gipfels`, `das geplante Treffen` |
//! | a modal verb of plan in Konjunktiv II pluperfect (a plan that came to nothing) | cancelled | `Scholz und Macron hätten sich am Freitag treffen sollen` |
//! | a modal verb (`events/status_verbs.tsv`, kind modal) | planned, or proposed for `möchten` | `Scholz will Macron treffen`, `Die Minister sollen sich treffen` |
//! | the future tense | planned | `Scholz wird Macron treffen`, `Scholz werde nach Paris reisen` |
//! | a past tense (preterite, perfect, pluperfect; also in reported speech) | held | `Scholz traf Macron`, `Scholz habe Macron getroffen` |
//! | the present tense | planned, unless the date is past or the meeting is under way (`dauert an`, or a present reference in the clause: `beraten derzeit`) | `Scholz trifft am Freitag Macron` |
//!
//! A `zu`-infinitive clause has no tense of its own and does not take its parent's: an
//! intention (`eingetroffen, um Scholz zu treffen`) is planned unless a verb above it says
//! otherwise (`vorgeschlagen, sich zu treffen`). A negated cancellation or postponement
//! (`ist nicht abgesagt`) gives nothing. A date before the publication day turns planned into
//! held and a later one held into planned, except where a verb's meaning decided. A clause
//! without any of this evidence takes the status words of the sentence before.

use chrono::NaiveDate;

use super::EventFinder;
use super::finder::Context;
use super::rules::{self, Rule};
use super::words::*;
use super::{EventDate, Status};
use crate::Span;
use crate::clause::{Clause, ClauseKind, Mood, Tense};

/// Status cues up to this rank (`events/status_cues.tsv`: cancelled, postponed, proposed) outrank
/// the tense of the clause.
const STRONG_CUE_RANK: u8 = 3;

/// What the clauses say about a meeting's status before the date is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Evidence {
    status: Status,
    rule: Rule,
    /// The date may overrule it (tense and modal evidence, not the meaning of a verb).
    by_time: bool,
}

impl EventFinder {
    /// The status of the meeting reported by the trigger at `trigger` in `sentence`, and the rule
    /// that decided it.
    pub(super) fn status(
        &self,
        cx: &Context,
        sentence: Span,
        words: &[Word],
        trigger: Span,
        date: Option<&EventDate>,
    ) -> (Status, Rule) {
        let evidence = self
            .clause_evidence(cx, words, trigger)
            .or_else(|| {
                self.cue_status(words).map(|status| Evidence {
                    status,
                    rule: rules::STATUS_CUE,
                    by_time: true,
                })
            })
            .or_else(|| {
                self.previous_cue_status(cx, sentence)
                    .map(|status| Evidence {
                        status,
                        rule: rules::STATUS_PREVIOUS_SENTENCE,
                        by_time: true,
                    })
            });
        let day = date.and_then(|d| NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").ok());
        let by_date = day.and_then(|day| match day.cmp(&cx.published) {
            std::cmp::Ordering::Less => Some(Status::Held),
            std::cmp::Ordering::Greater => Some(Status::Planned),
            std::cmp::Ordering::Equal => None,
        });
        match (evidence, by_date) {
            (Some(e), Some(dated))
                if e.by_time && matches!(e.status, Status::Held | Status::Planned) =>
            {
                if e.status == dated {
                    (e.status, e.rule)
                } else {
                    (dated, rules::STATUS_DATE)
                }
            }
            (Some(e), _) => (e.status, e.rule),
            (None, Some(dated)) => (dated, rules::STATUS_DATE),
            (None, None) if day.is_some() => (Status::Planned, rules::STATUS_TODAY),
            (None, None) => (Status::Held, rules::STATUS_DEFAULT),
        }
    }

    /// The status the trigger's clause and the clauses above it give (the table in the module
    /// docs), without the date.
    fn clause_evidence(&self, cx: &Context, words: &[Word], trigger: Span) -> Option<Evidence> {
        let chain = governing_clauses(cx.clauses, trigger.start);
        let own = *chain.first()?;
        // `Die Gespräche hätten am Freitag stattfinden sollen, mussten aber verschoben werden`:
        // a main clause that calls off or moves a meeting of its sentence, with the subject
        // shared by coordination, counts like a clause above the trigger
        let coordinated = || {
            let from = if cx.sorted {
                cx.clauses.partition_point(|c| c.span.start <= trigger.end)
            } else {
                0
            };
            let end = words.last().map_or(0, |w| w.span.end);
            cx.clauses[from..]
                .iter()
                .take_while(|c| !cx.sorted || c.span.start < end)
                .filter(|c| c.parent.is_none() && !c.reporting && c.span.start > trigger.end)
                .filter(|c| c.span.start < end)
                .filter_map(|c| self.verb_meaning(c))
                .find(|s| matches!(s, Status::Cancelled | Status::Postponed))
        };
        let meaning = chain
            .iter()
            .find_map(|&k| self.verb_meaning(&cx.clauses[k]))
            .or_else(coordinated);
        if let Some(status) = meaning {
            return Some(Evidence {
                status,
                rule: rules::STATUS_VERB,
                by_time: false,
            });
        }
        let own_span = cx.clauses[own].span;
        let in_clause: Vec<Word> = words
            .iter()
            .filter(|w| own_span.contains(w.span))
            .copied()
            .collect();
        // a word that calls off, moves or offers the meeting (`die Absage`, `Einladung`)
        // outranks the tense; plain plan and past words (`geplante`) come after it
        if let Some((status, _)) = self
            .lexicon
            .ranked_status_of(&in_clause)
            .filter(|&(_, rank)| rank <= STRONG_CUE_RANK)
        {
            return Some(Evidence {
                status,
                rule: rules::STATUS_CUE,
                by_time: true,
            });
        }
        if cx.clauses[own].kind == ClauseKind::Infinitive {
            // an intention (`um ... zu treffen`) lies ahead of the clause it depends on
            return Some(Evidence {
                status: Status::Planned,
                rule: rules::STATUS_INTENTION,
                by_time: true,
            });
        }
        let finite = chain
            .iter()
            .map(|&k| &cx.clauses[k])
            .find(|c| c.verbs.tense.is_some())?;
        let modal = finite
            .verbs
            .modal
            .as_ref()
            .and_then(|m| self.lexicon.status_verb(&m.lemma))
            .filter(|v| v.modal);
        if let Some(modal) = modal {
            if finite.verbs.mood == Mood::SubjunctiveII
                && finite.verbs.tense == Some(Tense::Pluperfect)
                && modal.status == Status::Planned
            {
                // `hätten sich am Freitag treffen sollen`: a plan that came to nothing
                return Some(Evidence {
                    status: Status::Cancelled,
                    rule: rules::STATUS_UNREALISED,
                    by_time: false,
                });
            }
            return Some(Evidence {
                status: modal.status,
                rule: rules::STATUS_MODAL,
                by_time: true,
            });
        }
        let status = match finite.verbs.tense? {
            Tense::Future | Tense::FuturePerfect => Status::Planned,
            Tense::Preterite | Tense::Perfect | Tense::Pluperfect => Status::Held,
            Tense::Present if self.ongoing_words(words) || now_in(cx, own_span) => Status::Held,
            Tense::Present => Status::Planned,
        };
        Some(Evidence {
            status,
            rule: rules::STATUS_TENSE,
            by_time: true,
        })
    }

    /// The status a clause's verb gives by its meaning (`absagen`: cancelled); a negated
    /// cancellation or postponement gives none, a negated refusal (`schloss ... nicht aus`)
    /// proposed.
    fn verb_meaning(&self, clause: &Clause) -> Option<Status> {
        let lemma = clause.verbs.lemma.as_deref()?;
        let verb = self.lexicon.status_verb(lemma).filter(|v| !v.modal)?;
        if verb.refusal {
            // `schloss ein Treffen nicht aus`: not ruled out, so possible (a refusal that
            // holds reports no meeting at all)
            return clause.verbs.negated.then_some(Status::Proposed);
        }
        let undone =
            clause.verbs.negated && matches!(verb.status, Status::Cancelled | Status::Postponed);
        (!undone).then_some(verb.status)
    }

    /// `Das Krisentreffen dauert an`: a word that reports a meeting under way.
    fn ongoing_words(&self, words: &[Word]) -> bool {
        words
            .iter()
            .any(|w| self.lexicon.is(w.text, super::lexicon::Cue::Ongoing))
    }

    /// The status the cue words of the sentence before `sentence` give.
    pub(super) fn previous_cue_status(&self, cx: &Context, sentence: Span) -> Option<Status> {
        let previous = previous_sentence(cx, sentence)?;
        self.cue_status(&words(cx.text, previous))
    }

    /// The status the cue words among `words` give, the lowest rank winning.
    pub(super) fn cue_status(&self, words: &[Word]) -> Option<Status> {
        self.lexicon.status_of(words)
    }

    /// The status a single word gives as a cue, if any.
    pub(super) fn word_status(&self, word: &str) -> Option<Status> {
        let word = Word {
            span: Span::default(),
            text: word,
        };
        self.lexicon.status_of(&[word])
    }
}

/// `Die Minister beraten derzeit in Genf`: the clause holds a timex of the present
/// (`PRESENT_REF`: `derzeit`, `zurzeit`, `gerade`), so a present tense reports a meeting under way.
pub(super) fn now_in(cx: &Context, clause: Span) -> bool {
    let from = if cx.sorted {
        cx.timexes.partition_point(|x| x.span.start < clause.start)
    } else {
        0
    };
    cx.timexes[from..]
        .iter()
        .take_while(|x| !cx.sorted || x.span.start < clause.end)
        .any(|x| clause.contains(x.span) && x.value == "PRESENT_REF")
}
