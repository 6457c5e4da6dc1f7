//! The catalogue of meeting rules: every decision the event finder makes is taken by one named
//! rule, and every event lists the ids of the rules that made it ([`Event::rules`], written by
//! `chronik extract --format jsonl --explain`). Each rule carries an invented example sentence;
//! `tests/event_rules.rs` runs every example (published on Wednesday 2024-03-06) and checks that
//! the rule fires on it, so a reader can find the rule for an output and the sentence for a rule.
//!
//! ```
//! use chronik::events::rules;
//! let rule = rules::find("status/cue").unwrap();
//! assert!(rule.example.contains("Absage"));
//! ```
//!
//! [`Event::rules`]: super::Event::rules

/// One rule of the event finder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, `question/name` (`status/cue`).
    pub id: &'static str,
    /// What the rule decides, in one line.
    pub summary: &'static str,
    /// An invented sentence on which it fires (published Wednesday 2024-03-06).
    pub example: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $summary:literal, $example:literal;)*) => {
        $(
            #[doc = $summary]
            pub const $name: Rule = Rule { id: $id, summary: $summary, example: $example };
        )*
        /// Every rule, in catalogue order.
        pub const ALL: &[Rule] = &[$($name),*];
    };
}

rules! {
    KIND_NOUN = "kind/noun",
        "A noun trigger in the foreground says more than a verb and gives the kind.",
        "Olaf Scholz traf am Montag Emmanuel Macron zu Gesprächen in Paris.";
    KIND_BODIES = "kind/bodies",
        "A meeting whose named parties are all bodies is a session.",
        "Der UN-Sicherheitsrat kommt am Freitag zu einem Treffen zusammen.";
    PARTIES_VISIT_HOST = "parties/visit-host",
        "The state a visit goes to is a party of the visit.",
        "Olaf Scholz ist am Montag zu einem Besuch nach Jordanien gereist.";
    PARTIES_CONVENING_GROUP = "parties/convening-group",
        "A group in the genitive right after the trigger is the party that meets.",
        "Am Freitag findet eine Sondersitzung des UN-Sicherheitsrats statt.";
    PARTIES_IMPLIED_HOST = "parties/implied-host",
        "Parties named only as companions (`mit X`) or a pronoun subject imply the person the article follows.",
        "Olaf Scholz ist in Paris. Dort ist am Donnerstag ein Treffen mit Emmanuel Macron geplant.";
    PARTIES_SUMMIT_GROUP = "parties/summit-group",
        "The group that names a summit (`G7-Gipfel`) absorbs its members named around it.",
        "Joe Biden will den G7-Gipfel im Juni abhalten.";
    PARTIES_PLURAL_PRONOUN = "parties/plural-pronoun",
        "`sie ... sich` stands for the parties of the latest meeting.",
        "Olaf Scholz traf am Montag Emmanuel Macron in Paris. Anschließend zogen sie sich zu einem Gespräch zurück.";
    PARTIES_NEXT_ROUND = "parties/next-round",
        "`das nächste Treffen` without parties is the next round between the latest meeting's parties.",
        "Olaf Scholz traf am Montag Emmanuel Macron in Paris. Das nächste Treffen ist für den 14. April geplant.";
    PLACE_CITY_ADJECTIVE = "place/city-adjective",
        "A city adjective right before the trigger names the place (`die Genfer Gespräche`).",
        "Die Genfer Gespräche zwischen Russland und den USA wurden am Montag fortgesetzt.";
    PLACE_LOCATIVE = "place/locative",
        "The first place after a locative preposition, outside topic and background phrases.",
        "Olaf Scholz trifft am Freitag in Rom Giorgia Meloni.";
    PLACE_REFERRED = "place/referred",
        "A meeting inside an earlier one named by a definite trigger takes its place.",
        "Olaf Scholz ist am Montag zu einem Besuch nach Jordanien gereist. Bei seinem Besuch traf er auch Mahmud Abbas.";
    PLACE_ANNOUNCED = "place/announced",
        "A meeting announced without parties lends its place to the next sentence's meeting.",
        "Ein Treffen gibt es am Freitag in Berlin. Frank-Walter Steinmeier empfängt Emmanuel Macron.";
    PLACE_VISIT_DESTINATION = "place/visit-destination",
        "A state that names a visit in a compound (`China-Besuch`) is where the visit goes.",
        "Olaf Scholz ist am Montag zu einem dreitägigen China-Besuch aufgebrochen.";
    PLACE_THERE = "place/there",
        "`dort` in a sentence that names no place points to the last place the sentence before names after a locative.",
        "Olaf Scholz reist am Freitag nach Rom. Dort trifft er Giorgia Meloni.";
    PLACE_DATELINE = "place/dateline",
        "A meeting (not a call or a visit) of the publication day or the day before, whose sentence names no place, is held where the dateline says.",
        "Peking (dpa) - Bundeskanzler Olaf Scholz trifft heute Ministerpräsident Li Qiang.";
    DATE_SCHEDULED = "date/scheduled",
        "A date the meeting is set for (`für Montag`) outranks the other dates of the sentence.",
        "Die USA beantragten am Montag ein Treffen des UN-Sicherheitsrats für Freitag.";
    DATE_CLAUSE = "date/clause",
        "The calendar date in the trigger's clause or a clause above it that dates neither a report, nor another event, nor a postponed meeting's original day; the nearest of several.",
        "Olaf Scholz trifft am Freitag in Rom Giorgia Meloni.";
    DATE_NEAREST = "date/nearest",
        "Else the calendar date elsewhere in the sentence nearest to the trigger, with the same exclusions.",
        "Olaf Scholz und Giorgia Meloni trafen sich, nachdem am Montag die Wahl stattgefunden hatte.";
    DATE_ONGOING = "date/ongoing",
        "A meeting under way is dated by the publication day.",
        "Das Krisentreffen von Russland und der Ukraine dauert länger als geplant.";
    DATE_PREVIOUS_SENTENCE = "date/previous-sentence",
        "A meeting sentence without a date takes the last day named in the sentence before.",
        "Am Montag begann in Genf die Konferenz. Die Außenminister Russlands und der USA trafen sich zu Gesprächen.";
    DATE_ANNOUNCED = "date/announced",
        "A meeting announced without parties lends its date to the next sentence's meeting (a day is already taken by `date/previous-sentence`).",
        "Ein Treffen gibt es im April in Berlin. Frank-Walter Steinmeier empfängt Emmanuel Macron.";
    DATE_REFERRED = "date/referred",
        "An undated earlier meeting named by a definite trigger takes the sentence's date.",
        "Der G7-Gipfel findet in Italien statt. Mit bilateralen Gesprächen von Olaf Scholz und Joe Biden hat der Gipfel am Montag begonnen.";
    STATUS_UNREALISED = "status/unrealised",
        "A modal verb of plan in Konjunktiv II pluperfect (`hätten ... treffen sollen`) reports a plan that came to nothing: cancelled.",
        "Olaf Scholz und Emmanuel Macron hätten sich am Freitag in Paris treffen sollen.";
    STATUS_VERB = "status/verb",
        "A verb whose meaning gives a status (`absagen`, `verschieben`, `einladen`, `planen`), in any form, in the trigger's clause or a clause above it.",
        "Das für Freitag geplante Treffen von Olaf Scholz und Emmanuel Macron wurde abgesagt.";
    STATUS_CUE = "status/cue",
        "A status word of the trigger's clause (`Absage`, `bevorstehende`), the lowest rank winning.",
        "Für das Treffen von Olaf Scholz und Emmanuel Macron gab es eine Absage.";
    STATUS_MODAL = "status/modal",
        "A modal verb of intention or plan (`wollen`, `sollen`; `möchten` proposes).",
        "Olaf Scholz will Emmanuel Macron in Paris treffen.";
    STATUS_TENSE = "status/tense",
        "The tense of the trigger's clause: past held, future planned, present planned unless under way.",
        "Olaf Scholz traf sich mit Emmanuel Macron in Paris.";
    STATUS_INTENTION = "status/intention",
        "A `zu`-infinitive clause is an intention: planned, not the tense of the clause above it.",
        "Emmanuel Macron ist in Berlin eingetroffen, um Olaf Scholz zu einem Gespräch zu treffen.";
    STATUS_PREVIOUS_SENTENCE = "status/previous-sentence",
        "A sentence without status words or a deciding date goes on with the status of the sentence before.",
        "Olaf Scholz will Emmanuel Macron treffen. Außerdem ein Treffen mit Giorgia Meloni.";
    STATUS_DATE = "status/date",
        "A date before the publication day gives held, after it planned, where tense and modal disagree or say nothing.",
        "Olaf Scholz trifft am 4. März in Rom Giorgia Meloni.";
    STATUS_TODAY = "status/today",
        "A meeting dated the publication day without verb or status words is planned.",
        "Heute das Treffen von Olaf Scholz mit Giorgia Meloni in Rom.";
    STATUS_DEFAULT = "status/default",
        "No verb, no status word and no date: held.",
        "Das Treffen von Olaf Scholz mit Emmanuel Macron in Paris.";
    STATUS_LATER_CHANGE = "status/later-change",
        "A later sentence that cancels or postpones the meeting changes its status.",
        "Olaf Scholz will am Freitag Emmanuel Macron in Paris treffen. Das Treffen wurde inzwischen abgesagt.";
    EVENT_REFERS_BACK = "event/refers-back",
        "A sentence that refers back (`das Treffen`, `Damit`) adds to the earlier meeting sharing most parties.",
        "Olaf Scholz will am Freitag Emmanuel Macron in Paris treffen. Bei dem Treffen soll es um die Ukraine gehen.";
    EVENT_BACKGROUND = "event/background",
        "A meeting named in a background phrase (`Nach ihrem Gespräch mit X`) is an earlier held meeting.",
        "Nach ihrem Gespräch mit Emmanuel Macron trifft Annalena Baerbock am Freitag Giorgia Meloni.";
    EVENT_SUMMIT_ASIDE = "event/summit-aside",
        "A summit named by its group around another meeting (`am Rande des G20-Gipfels`) is a meeting of its own.",
        "Am Rande des G20-Gipfels trifft Joe Biden am Freitag Xi Jinping.";
    EVENT_BILATERAL = "event/bilateral",
        "One person meeting several others gives one meeting per pair.",
        "Olaf Scholz trifft am Freitag Giorgia Meloni, Pedro Sánchez und Emmanuel Macron.";
}

/// The rule with id `id`.
///
/// ```
/// assert!(chronik::events::rules::find("date/nearest").is_some());
/// assert!(chronik::events::rules::find("date/guess").is_none());
/// ```
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.id == id)
}
