//! Which way a time expression without a year or week of its own points: back from the
//! publication, forward from it, or to the nearest such time. This is the only place that turns
//! what the clause stage (`crate::clause`) says about a clause (tense, mood, modal, main verb) and
//! the way the expression is attached into a direction; the resolver applies the direction.
//!
//! # The rule
//!
//! An expression points the way its own event lies from the time of reference (the publication):
//! the event of the clause when the expression is an adverbial of the clause, the event of the
//! noun or participle when it is attached to one. The same day counts in both directions, so a
//! weekday that names the publication day is that day whatever the tense (`am Donnerstag` in an
//! article of Thursday: agency copy names the weekday rather than writing `heute`). Without a cue
//! the nearest reading is taken: news reports the past and announces the near future, and the
//! nearer reading is the likelier in both.
//!
//! | attachment | clause | example | direction |
//! |---|---|---|---|
//! | `seit` | any | `seit Dezember` | back |
//! | `vom` dating a noun (not a span's start) | any | `die Erklärung vom Montag`, `die Sieger vom Wochenende` | back |
//! | past participle before a noun | any | `die am Montag unterbrochenen Verhandlungen` | back |
//! | present participle before a noun | any | `die im Mai tagende Versammlung` | nearest |
//! | set for (`für`, `auf`; `geplante`) | a past plan or intention (`war … geplant`, `wollte`) | `das Treffen war für den 3. Mai geplant` | nearest |
//! | set for | other | `auf den 7. Dezember verschoben`, `beantragte ein Treffen für Montag` | forward |
//! | event noun | past | `hat den Weg für Wahlen am 12. Oktober freigemacht`, `für das Treffen am Dienstag wurde …` | nearest |
//! | event noun | other | `will den Gipfel im Juni vorbereiten` | as an adverbial |
//! | adverbial | `wollte`, `sollte`; `war … geplant` (a past intention, duty or plan) | `sie wollte im Juni nach Rom reisen` | nearest |
//! | adverbial | `wollen`, `sollen`, `möchten`, `planen`, `vorsehen` | `will am Freitag entscheiden`, `soll am Freitag`, `ist für Montag geplant` | forward |
//! | adverbial | modal + perfect infinitive; modal in the pluperfect | `soll ihm am Montag aufgelauert haben`, `hätte am Freitag stattfinden sollen` | back |
//! | adverbial | future, Konjunktiv II, `zu` infinitive | `wird am Freitag`, `wäre am Freitag`, `um am Freitag zu sprechen` | forward |
//! | adverbial | preterite, perfect, pluperfect | `traf am Freitag`, `hat am Freitag verhandelt` | back |
//! | adverbial | present (scheduled present; Konjunktiv I of reported speech) | `reist am Donnerstag nach Prag`, `finde am Freitag statt` | forward (dates: nearest) |
//! | adverbial | no finite verb | `Am Freitag: Gipfel in Brüssel` | nearest |
//!
//! "Forward" and "back" include the reference day itself; only shifted expressions
//! (`kommenden Montag`, `vergangenen Freitag`) skip it. A present-tense clause with a year-less
//! calendar date (`am 3. März`) takes the nearest such date: the present tense dates coming
//! events and, in headlines and summaries, past ones.

use crate::Tense;
use crate::clause::{Clause, ClauseKind, Mood, Tense as VerbTense};

/// How an expression is attached in its sentence, as far as its direction is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Attachment {
    /// An adverbial of its clause (`traf am Freitag`): the clause decides.
    #[default]
    Adverbial,
    /// After `seit`: always in the past.
    Since,
    /// Inside a participle attribute with a past participle (`die am Montag unterbrochenen
    /// Verhandlungen`): the participle's event lies back.
    PastParticiple,
    /// Inside a participle attribute with a present participle (`die im Mai tagende
    /// Versammlung`): the participle's event has no tense of its own.
    PresentParticiple,
    /// After a noun that names an event (`die Wahlen am 12. Oktober`): the noun's event, not the
    /// clause's, is dated.
    EventNoun,
    /// After `vom` dating a noun (`die Erklärung vom Montag`): the thing dated exists, so its
    /// time lies back.
    DatedBy,
    /// The time something is set for (`für Mittwoch angekündigt`, `auf den 7. Dezember
    /// verschoben`, `das am Freitag geplante Treffen`).
    SetFor,
}

/// What a modal verb or a main verb of planning says about the time of its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Intent {
    /// `wollen`, `sollen`, `möchten`, `planen`, `vorsehen`: the event lies ahead of the modal.
    Ahead,
    /// Other modals (`können`, `müssen`, `dürfen`): the tense decides.
    Neutral,
}

/// What the clause around an expression says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Features {
    /// The tense of the clause's verb complex; `None` without a finite verb.
    pub tense: Option<VerbTense>,
    /// The mood of the finite verb.
    pub mood: Mood,
    /// A modal of intention or duty, or a main verb of planning (`planen`, `vorsehen`), with
    /// whether it stands in the preterite or pluperfect (`wollte`, `war ... geplant`).
    pub intent: Option<(Intent, bool)>,
    /// The clause is a `zu` infinitive (`um am Freitag zu sprechen`).
    pub infinitive: bool,
    /// How the expression is attached.
    pub attachment: Attachment,
}

impl Features {
    /// The features of `clause` (the innermost clause around the expression), for an expression
    /// attached as `attachment`. A clause without a finite verb that is not an infinitive takes
    /// its parent's verbs (`Als Termin nannte er den 3. Mai`, elliptic lists).
    pub(crate) fn of(clauses: &[Clause], k: Option<usize>, attachment: Attachment) -> Features {
        let Some(mut k) = k else {
            return Features {
                attachment,
                ..Features::default()
            };
        };
        let infinitive = clauses[k].kind == ClauseKind::Infinitive;
        while clauses[k].verbs.tense.is_none()
            && clauses[k].kind != ClauseKind::Infinitive
            && let Some(p) = clauses[k].parent
        {
            k = p;
        }
        let v = &clauses[k].verbs;
        let past = |t: VerbTense| matches!(t, VerbTense::Preterite | VerbTense::Pluperfect);
        let intent = match (&v.modal, v.lemma.as_deref()) {
            // a modal before a perfect infinitive reports or supposes a past event (`soll ihm
            // am Montag aufgelauert haben`, `will sie gesehen haben`): the perfect decides
            (Some(m), _)
                if m.tense == VerbTense::Present
                    && matches!(v.tense, Some(VerbTense::Perfect | VerbTense::Pluperfect)) =>
            {
                None
            }
            // `hätte am Freitag stattfinden sollen`: what should have happened, in the past
            (Some(m), _) if m.tense == VerbTense::Pluperfect => None,
            (Some(m), _) => Some((
                if matches!(m.lemma.as_str(), "wollen" | "sollen" | "möchten" | "mögen") {
                    Intent::Ahead
                } else {
                    Intent::Neutral
                },
                past(m.tense),
            )),
            (None, Some(lemma)) if is_planning(lemma) => {
                Some((Intent::Ahead, v.tense.is_some_and(past)))
            }
            _ => None,
        };
        Features {
            tense: v.tense,
            mood: v.mood,
            intent,
            infinitive,
            attachment,
        }
    }
}

/// Main verbs whose event is a plan for a later time (`ist für Montag geplant`).
pub(crate) fn is_planning(lemma: &str) -> bool {
    matches!(
        lemma,
        "planen" | "vorsehen" | "ansetzen" | "anberaumen" | "terminieren" | "beabsichtigen"
    )
}

/// The direction the resolver applies: `Past` = the latest such time on or before the
/// reference, `Future` = the first on or after it, `Present` = forward for weekdays and nearest
/// for dates, `None` = the nearest. See the module docs for the rule and its table.
pub(crate) fn direction(f: &Features) -> Option<Tense> {
    let past_tense = matches!(
        f.tense,
        Some(VerbTense::Preterite | VerbTense::Perfect | VerbTense::Pluperfect)
    );
    match f.attachment {
        Attachment::Since | Attachment::PastParticiple | Attachment::DatedBy => {
            return Some(Tense::Past);
        }
        Attachment::PresentParticiple => return None,
        // `war für den 3. Mai geplant`: a past plan, which may have passed; `beantragte ein
        // Treffen für Montag`: the time asked for lies ahead of the request
        Attachment::SetFor if matches!(f.intent, Some((Intent::Ahead, true))) => return None,
        Attachment::SetFor => return Some(Tense::Future),
        Attachment::EventNoun if past_tense => return None,
        Attachment::EventNoun | Attachment::Adverbial => {}
    }
    match f.intent {
        Some((Intent::Ahead, true)) => return None,
        Some((Intent::Ahead, false)) => return Some(Tense::Future),
        _ => {}
    }
    match f.tense {
        Some(VerbTense::Future | VerbTense::FuturePerfect) => Some(Tense::Future),
        Some(VerbTense::Preterite | VerbTense::Perfect | VerbTense::Pluperfect) => {
            Some(Tense::Past)
        }
        Some(VerbTense::Present) if f.mood == Mood::SubjunctiveII => Some(Tense::Future),
        Some(VerbTense::Present) => Some(Tense::Present),
        None if f.infinitive => Some(Tense::Future),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(tense: Option<VerbTense>, attachment: Attachment) -> Features {
        Features {
            tense,
            attachment,
            ..Features::default()
        }
    }

    #[test]
    fn the_table() {
        use Attachment::*;
        let past = Some(Tense::Past);
        let future = Some(Tense::Future);
        let pret = Some(VerbTense::Preterite);
        let perf = Some(VerbTense::Perfect);
        let fut = Some(VerbTense::Future);
        let pres = Some(VerbTense::Present);
        assert_eq!(direction(&f(fut, Since)), past);
        assert_eq!(direction(&f(fut, PastParticiple)), past);
        assert_eq!(direction(&f(pret, EventNoun)), None);
        assert_eq!(direction(&f(perf, EventNoun)), None);
        assert_eq!(direction(&f(fut, EventNoun)), future);
        assert_eq!(direction(&f(pret, PresentParticiple)), None);
        assert_eq!(direction(&f(pret, SetFor)), future);
        let war_geplant = Features {
            intent: Some((Intent::Ahead, true)),
            ..f(pret, SetFor)
        };
        assert_eq!(direction(&war_geplant), None);
        assert_eq!(direction(&f(perf, SetFor)), future);
        assert_eq!(direction(&f(None, SetFor)), future);
        assert_eq!(direction(&f(pret, Adverbial)), past);
        assert_eq!(direction(&f(perf, Adverbial)), past);
        assert_eq!(direction(&f(fut, Adverbial)), future);
        assert_eq!(direction(&f(pres, Adverbial)), Some(Tense::Present));
        assert_eq!(direction(&f(None, Adverbial)), None);
        let wollte = Features {
            intent: Some((Intent::Ahead, true)),
            ..f(pret, Adverbial)
        };
        assert_eq!(direction(&wollte), None);
        let will = Features {
            intent: Some((Intent::Ahead, false)),
            ..f(pres, Adverbial)
        };
        assert_eq!(direction(&will), future);
        let waere = Features {
            mood: Mood::SubjunctiveII,
            ..f(pres, Adverbial)
        };
        assert_eq!(direction(&waere), future);
        let zu = Features {
            infinitive: true,
            ..f(None, Adverbial)
        };
        assert_eq!(direction(&zu), future);
    }
}
