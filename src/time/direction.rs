//! Which way a time expression without a year or week of its own points: back from the
//! publication, forward from it, or to the nearest such time. This is the only place that turns
//! what the clause says (tense, modal, the way the expression is attached) into a direction; the
//! resolver applies the direction, and the clause reading (`tense`) only describes the clause.
//!
//! # The rule
//!
//! An expression looks the way its own event lies from the time of reference (the publication, or
//! in reported speech the report): the event of the clause when the expression is an adverbial of
//! the clause, the event of the noun or participle when it is attached to one. The same day counts
//! in both directions, so a weekday that names the publication day is that day whatever the tense
//! (`am Donnerstag` in an article of Thursday; agency copy names the weekday rather than writing
//! `heute`). Without a cue the nearest reading is taken: news reports the past and announces the
//! near future about equally, and the nearer reading is the likelier in both.
//!
//! | attachment | clause | example | direction |
//! |---|---|---|---|
//! | `seit` | any | `seit Dezember` | back |
//! | past participle before a noun | any | `die am Montag unterbrochenen Verhandlungen` | back |
//! | present participle before a noun | any | `die im Mai tagende Versammlung` | nearest |
//! | event noun | past | `hat den Weg für Wahlen am 12. Oktober freigemacht`, `für das Treffen am Dienstag wurde …` | nearest |
//! | event noun | other | `will den Gipfel im Juni vorbereiten` | as an adverbial |
//! | set for (`für`, `auf` + `geplant`, `verschoben`, …) | preterite / pluperfect | `das Treffen war für den 3. Mai geplant` | nearest |
//! | set for | other | `auf den 7. Dezember verschoben`, `für Mittwoch angekündigt` | forward |
//! | adverbial | past indicative, present perfect | `traf am Freitag`, `hat am Freitag verhandelt` | back |
//! | adverbial | `wollte`, `sollte` (a past intention or duty) | `sie wollte im Juni nach Rom reisen`, `er sollte am Abend eintreffen` | nearest |
//! | adverbial | future, `wollen`, `planen`, `sollen`, `zu` infinitive | `will am Freitag entscheiden`, `soll am Freitag` | forward |
//! | adverbial | present (scheduled present) | `reist am Donnerstag nach Prag` | forward (dates: nearest) |
//! | adverbial | no tense cue | `Am Freitag: Gipfel in Brüssel` | nearest |
//!
//! "Forward" and "back" include the reference day itself; only shifted expressions
//! (`kommenden Montag`, `vergangenen Freitag`) skip it. A present-tense clause with a year-less
//! calendar date (`am 3. März`) takes the nearest such date: a present tense dates both coming
//! events and, in headlines and summaries, past ones.

use crate::Tense;

/// How an expression is attached in its sentence, as far as its direction is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Attachment {
    /// An adverbial of its clause (`traf am Freitag`): the clause's tense decides.
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
    /// The time something is set for (`für Mittwoch angekündigt`, `auf den 7. Dezember
    /// verschoben`).
    SetFor,
}

/// What the clause around an expression says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Features {
    /// The tense the clause reads as (`Future` also for `wollen`, `sollen`, `geplant`, a `zu`
    /// infinitive); `None` without a cue.
    pub tense: Option<Tense>,
    /// The past is a finite simple past or pluperfect (`war`, `traf`), not a present perfect.
    pub finite_past: bool,
    /// The past is that of a modal of intention or obligation (`wollte`, `sollte`).
    pub past_modal: bool,
    /// How the expression is attached.
    pub attachment: Attachment,
}

/// The direction the resolver applies: `Past` = the latest such time on or before the
/// reference, `Future` = the first on or after it, `Present` = forward for weekdays and nearest
/// for dates, `None` = the nearest. See the module docs for the rule and its table.
pub(crate) fn direction(f: &Features) -> Option<Tense> {
    match f.attachment {
        Attachment::Since | Attachment::PastParticiple => Some(Tense::Past),
        Attachment::PresentParticiple => None,
        Attachment::EventNoun if f.tense == Some(Tense::Past) => None,
        Attachment::EventNoun => f.tense,
        Attachment::SetFor if f.finite_past => None,
        Attachment::SetFor => Some(Tense::Future),
        Attachment::Adverbial if f.past_modal => None,
        Attachment::Adverbial => f.tense,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table() {
        let f = |tense, finite_past, attachment| {
            direction(&Features {
                tense,
                finite_past,
                past_modal: false,
                attachment,
            })
        };
        use Attachment::*;
        let past = Some(Tense::Past);
        let future = Some(Tense::Future);
        assert_eq!(f(future, false, Since), past);
        assert_eq!(f(future, false, PastParticiple), past);
        assert_eq!(f(past, true, EventNoun), None);
        assert_eq!(f(future, false, EventNoun), future);
        assert_eq!(f(past, true, PresentParticiple), None);
        assert_eq!(f(past, true, SetFor), None);
        assert_eq!(f(past, false, SetFor), future);
        assert_eq!(f(None, false, SetFor), future);
        assert_eq!(f(past, true, Adverbial), past);
        assert_eq!(f(future, false, Adverbial), future);
        assert_eq!(f(None, false, Adverbial), None);
        let wollte = Features {
            tense: past,
            finite_past: true,
            past_modal: true,
            attachment: Adverbial,
        };
        assert_eq!(direction(&wollte), None);
    }
}
