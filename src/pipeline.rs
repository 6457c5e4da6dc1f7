//! [`Pipeline`]: the stages wired together, from an [`Article`] to an [`Extraction`].

use crate::document::{Article, Datelines, SentenceSplitter, body_start};
use crate::events::{Event, EventFinder};
use crate::gazetteer::{Gazetteer, Mention, UnresolvedActor};
use crate::{DataDir, Diagnostic, Error, Span, TimeTagger, Timex};

/// Everything chronik found in one article. Spans point into the article's text.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Sentence spans.
    pub sentences: Vec<Span>,
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
    gazetteer: Gazetteer,
    time: TimeTagger,
    events: EventFinder,
}

impl Pipeline {
    /// Loads every data file from `data` and compiles the matchers.
    ///
    /// # Errors
    /// When a data file is missing, malformed or inconsistent; the error names file and line.
    pub fn new(data: &DataDir) -> Result<Pipeline, Error> {
        Ok(Pipeline {
            splitter: SentenceSplitter::new(data)?,
            datelines: Datelines::new(data)?,
            gazetteer: Gazetteer::new(data)?,
            time: TimeTagger::new(data)?,
            events: EventFinder::new(data)?,
        })
    }

    /// The gazetteer, to look up the actors and places that mentions and events refer to.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
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
            mentions: &mentions,
            timexes: &tags.timexes,
            gazetteer: &self.gazetteer,
        };
        let events = self.events.find(&cx);
        Extraction {
            sentences,
            mentions,
            unresolved: reading.unresolved,
            timexes: tags.timexes,
            events,
            diagnostics: tags.diagnostics,
        }
    }
}
