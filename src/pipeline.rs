//! [`Pipeline`]: the stages wired together, from an [`Article`] to an [`Extraction`].

use crate::clause::{Clause, ClauseParser};
use crate::document::{Article, Datelines, SentenceSplitter, body_start};
use crate::error::Problems;
use crate::events::{Event, EventFinder};
use crate::gazetteer::{Gazetteer, Mention, UnresolvedActor};
use crate::{DataDir, Diagnostic, Error, Span, TimeTagger, Timex};

/// Everything chronik found in one article. Spans point into the article's text.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// The clauses of every sentence, in text order; `parent` and `reported_by` index this
    /// list (see [`clause_at`](crate::clause::clause_at)).
    pub clauses: Vec<Clause>,
    /// Actor and place mentions.
    pub mentions: Vec<Mention>,
    /// Persons the article names that the gazetteer does not know; mentions of them carry an
    /// unresolved [`ActorId`](crate::gazetteer::ActorId) whose
    /// [`unresolved_index`](crate::gazetteer::ActorId::unresolved_index) indexes this list.
    pub unresolved: Vec<UnresolvedActor>,
    /// Resolved temporal expressions.
    pub timexes: Vec<Timex>,
    /// Meetings.
    pub events: Vec<Event>,
    /// What could not be resolved (impossible dates, ...).
    pub diagnostics: Vec<Diagnostic>,
}

/// The compiled pipeline: build once, then call [`extract`](Pipeline::extract) per article.
/// It is `Sync`, so threads can share one pipeline.
///
/// ```
/// use chronik::{DataDir, Pipeline, document::Article};
/// let pipeline = Pipeline::new(&DataDir::bundled())?;
/// let article = Article::new(
///     "demo",
///     "2021-12-28T10:20:28+01:00".parse().unwrap(),
///     "Vertreter der USA und Russlands wollen am 10. Januar in Genf über die Ukraine sprechen.",
/// );
/// let found = pipeline.extract(&article);
/// assert_eq!(found.events.len(), 1);
/// let place = found.events[0].place.unwrap().place;
/// assert_eq!(pipeline.gazetteer().place(place).name, "Genf");
/// # Ok::<(), chronik::Error>(())
/// ```
#[derive(Debug)]
pub struct Pipeline {
    splitter: SentenceSplitter,
    datelines: Datelines,
    clauses: ClauseParser,
    gazetteer: Gazetteer,
    time: TimeTagger,
    events: EventFinder,
}

impl Pipeline {
    /// Loads every data file from `data` and compiles the matchers.
    ///
    /// # Errors
    /// When data files are missing, malformed or inconsistent: every problem found, one line
    /// each ([`Error::problems`]), with its file and line.
    pub fn new(data: &DataDir) -> Result<Pipeline, Error> {
        // every stage is built even when one fails, so that all problems are reported at once
        let mut problems = Problems::default();
        let splitter = problems.take(SentenceSplitter::new(data));
        let datelines = problems.take(Datelines::new(data));
        let clauses = problems.take(ClauseParser::new(data));
        let gazetteer = problems.take(Gazetteer::new(data));
        let time = problems.take(TimeTagger::new(data));
        let events = problems.take(EventFinder::new(data));
        let stages = match (splitter, datelines, clauses, gazetteer, time, events) {
            (
                Some(splitter),
                Some(datelines),
                Some(clauses),
                Some(gazetteer),
                Some(time),
                Some(events),
            ) => Some(Pipeline {
                splitter,
                datelines,
                clauses,
                gazetteer,
                time,
                events,
            }),
            _ => None,
        };
        problems
            .finish(stages)?
            .ok_or_else(|| Error::data("gazetteers", 0, "a stage failed without a message"))
    }

    /// The gazetteer, to look up the actors and places that mentions and events refer to.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The clause parser on its own.
    pub fn clause_parser(&self) -> &ClauseParser {
        &self.clauses
    }

    /// The time tagger on its own (`chronik resolve-time`).
    pub fn time_tagger(&self) -> &TimeTagger {
        &self.time
    }

    /// Runs every stage over one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        let text = article.text.as_str();
        let dateline = article.dateline.or_else(|| self.datelines.find(text));
        let body = body_start(text, dateline);
        let sentences = self.splitter.split_from(text, body);
        let mut clauses = Vec::with_capacity(sentences.len() * 2);
        for &sentence in &sentences {
            self.clauses.parse_into(text, sentence, &mut clauses);
        }
        let day = article.published.date_naive();
        let reading = self.gazetteer.read(text, day, dateline);
        let mentions = reading.mentions;
        // the dateline may carry a date (`Seattle, 19.04.2006 –`): the tagger sees it as a
        // sentence of its own; events see only the body
        let tags = if body > 0 {
            let mut with_dateline = vec![Span::new(0, body)];
            with_dateline.extend_from_slice(&sentences);
            self.time.tag(text, &with_dateline, article.published)
        } else {
            self.time.tag(text, &sentences, article.published)
        };
        let cx = crate::events::Context {
            text,
            published: day,
            dateline,
            sentences: &sentences,
            clauses: &clauses,
            mentions: &mentions,
            timexes: &tags.timexes,
            gazetteer: &self.gazetteer,
        };
        let events = self.events.find(&cx);
        Extraction {
            sentences,
            clauses,
            mentions,
            unresolved: reading.unresolved,
            timexes: tags.timexes,
            events,
            diagnostics: tags.diagnostics,
        }
    }
}
