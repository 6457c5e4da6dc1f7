//! [`Pipeline`]: the stages wired together, from an [`Article`] to an [`Extraction`].

use crate::clause::{Clause, ClauseParser};
use crate::document::{Article, Datelines, SentenceSplitter, body_start};
use crate::error::Problems;
use crate::events::{Event, EventCodes, EventFinder};
use crate::gazetteer::{Actor, Gazetteer, Mention, Place, UnresolvedActor};
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

/// A stage of [`Pipeline::extract`], as [`Pipeline::extract_observed`] reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Dateline and sentence boundaries.
    Sentences,
    /// Clauses and their verbs.
    Clauses,
    /// Actor and place mentions.
    Gazetteer,
    /// Temporal expressions, resolved.
    Time,
    /// Meetings.
    Events,
}

impl Stage {
    /// Every stage, in the order `extract` runs them.
    pub const ALL: [Stage; 5] = [
        Stage::Sentences,
        Stage::Clauses,
        Stage::Gazetteer,
        Stage::Time,
        Stage::Events,
    ];

    /// `sentences`, `clauses`, `gazetteer`, `time` or `events`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Sentences => "sentences",
            Stage::Clauses => "clauses",
            Stage::Gazetteer => "gazetteer",
            Stage::Time => "time",
            Stage::Events => "events",
        }
    }
}

/// The compiled pipeline: build once, then call [`extract`](Pipeline::extract) per article
/// (or [`extract_all`](Pipeline::extract_all) over many). It is `Send + Sync`, so threads can
/// share one pipeline (`&Pipeline` or `Arc<Pipeline>`).
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
    codes: EventCodes,
}

impl Pipeline {
    /// Loads every data file from `data` and compiles the matchers.
    ///
    /// # Errors
    /// When data files are missing, malformed or inconsistent: every problem found, one line
    /// each ([`Error::problems`]), with its file and line.
    pub fn new(data: &DataDir) -> Result<Pipeline, Error> {
        // every stage is built even when one fails, so that all problems are reported at once;
        // the clause parser is the time tagger's (one verb lexicon per process)
        let mut problems = Problems::default();
        let splitter = problems.take(SentenceSplitter::new(data));
        let datelines = problems.take(Datelines::new(data));
        let gazetteer = problems.take(Gazetteer::new(data));
        let time = problems.take(TimeTagger::new(data));
        let events = problems.take(EventFinder::new(data));
        let codes = problems.take(EventCodes::new(data));
        let stages = match (splitter, datelines, gazetteer, time, events, codes) {
            (
                Some(splitter),
                Some(datelines),
                Some(gazetteer),
                Some(time),
                Some(events),
                Some(codes),
            ) => Some(Pipeline {
                splitter,
                datelines,
                gazetteer,
                time,
                events,
                codes,
            }),
            _ => None,
        };
        problems
            .finish(stages)?
            .ok_or_else(|| Error::data("gazetteers", 0, "a stage failed without a message"))
    }

    /// The pipeline over the data bundled with chronik: the same as
    /// `Pipeline::new(&DataDir::bundled())`.
    ///
    /// ```
    /// let pipeline = chronik::Pipeline::bundled()?;
    /// assert_eq!(pipeline.actor("Q159").unwrap().name, "Russland");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only when the bundled data is broken, which the tests of chronik rule out.
    pub fn bundled() -> Result<Pipeline, Error> {
        Pipeline::new(&DataDir::bundled())
    }

    /// The actor with Wikidata id or chronik id `key` (`Q159` or `russland`).
    ///
    /// ```
    /// let pipeline = chronik::Pipeline::bundled()?;
    /// assert_eq!(pipeline.actor("Q159").unwrap().id, "russland");
    /// assert_eq!(pipeline.actor("nato").unwrap().qid.as_deref(), Some("Q7184"));
    /// assert!(pipeline.actor("Q0").is_none());
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn actor(&self, key: &str) -> Option<&Actor> {
        let g = &self.gazetteer;
        let id = g.actor_by_qid(key).or_else(|| g.actor_by_id(key))?;
        Some(g.actor(id))
    }

    /// The actor a name as text writes it names: name, alias, abbreviation or inflected form
    /// (`Russland`, `Russische Föderation`, `Russlands`, `UNO`); see
    /// [`Gazetteer::find_actor`].
    ///
    /// ```
    /// let pipeline = chronik::Pipeline::bundled()?;
    /// assert_eq!(pipeline.find_actor("Russlands").unwrap().qid.as_deref(), Some("Q159"));
    /// assert_eq!(pipeline.find_actor("UNO").unwrap().name, "Vereinte Nationen");
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn find_actor(&self, name: &str) -> Option<&Actor> {
        let g = &self.gazetteer;
        Some(g.actor(g.find_actor(name)?))
    }

    /// The place a name as text writes it names (`Genf`, `Kyjiw`); see
    /// [`Gazetteer::find_place`].
    ///
    /// ```
    /// let pipeline = chronik::Pipeline::bundled()?;
    /// assert_eq!(pipeline.find_place("Genf").unwrap().qid.as_deref(), Some("Q71"));
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn find_place(&self, name: &str) -> Option<&Place> {
        let g = &self.gazetteer;
        Some(g.place(g.find_place(name)?))
    }

    /// The gazetteer, to look up the actors and places that mentions and events refer to.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The CAMEO and PLOVER codes of meetings (`events/codes.tsv`).
    pub fn event_codes(&self) -> &EventCodes {
        &self.codes
    }

    /// The clause parser on its own.
    pub fn clause_parser(&self) -> &ClauseParser {
        // one verb lexicon per process: the time tagger's
        self.time.clause_parser()
    }

    /// The time tagger on its own (`chronik resolve-time`).
    pub fn time_tagger(&self) -> &TimeTagger {
        &self.time
    }

    /// Runs every stage over one article.
    pub fn extract(&self, article: &Article) -> Extraction {
        self.extract_observed(article, |_| {})
    }

    /// Runs every stage over each article of `articles`, lazily and in order, yielding each
    /// article with what was found in it. Takes articles or anything that borrows one
    /// (`&Article`, `Arc<Article>`). For many cores, share one pipeline between threads: it is
    /// `Send + Sync`.
    ///
    /// ```
    /// use chronik::{Pipeline, document::Article};
    /// let pipeline = Pipeline::bundled()?;
    /// let published = "2022-01-05T10:00:00+01:00".parse().unwrap();
    /// let articles = vec![
    ///     Article::new("a", published, "Olaf Scholz und Emmanuel Macron trafen sich am Dienstag in Paris."),
    ///     Article::new("b", published, "Kein Treffen heute."),
    /// ];
    /// let meetings: usize = pipeline.extract_all(&articles).map(|(_, found)| found.events.len()).sum();
    /// assert_eq!(meetings, 1);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn extract_all<'a, A, I>(
        &'a self,
        articles: I,
    ) -> impl Iterator<Item = (A, Extraction)> + 'a
    where
        A: std::borrow::Borrow<Article> + 'a,
        I: IntoIterator<Item = A>,
        I::IntoIter: 'a,
    {
        articles.into_iter().map(|article| {
            let found = self.extract(article.borrow());
            (article, found)
        })
    }

    /// Like [`extract`](Self::extract), calling `done` as each [`Stage`] ends, in the order of
    /// [`Stage::ALL`] (the benchmark reads a CPU clock there; `extract` passes a no-op).
    ///
    /// ```
    /// use chronik::{DataDir, Pipeline, Stage, document::Article};
    /// let pipeline = Pipeline::new(&DataDir::bundled())?;
    /// let article = Article::new("a", "2022-01-28T21:31:00+01:00".parse().unwrap(), "Text.");
    /// let mut seen = Vec::new();
    /// pipeline.extract_observed(&article, |stage| seen.push(stage));
    /// assert_eq!(seen, Stage::ALL);
    /// # Ok::<(), chronik::Error>(())
    /// ```
    pub fn extract_observed(&self, article: &Article, mut done: impl FnMut(Stage)) -> Extraction {
        let text = article.text.as_str();
        let dateline = article.dateline.or_else(|| self.datelines.find(text));
        let body = body_start(text, dateline);
        let sentences = self.splitter.split_from(text, body);
        done(Stage::Sentences);
        let mut clauses = Vec::with_capacity(sentences.len() * 2);
        for &sentence in &sentences {
            self.clause_parser()
                .parse_into(text, sentence, &mut clauses);
        }
        done(Stage::Clauses);
        let day = article.published.date_naive();
        let reading = self.gazetteer.read(text, day, dateline);
        let mentions = reading.mentions;
        done(Stage::Gazetteer);
        // the dateline may carry a date (`Seattle, 19.04.2006 –`): the tagger sees it as a
        // sentence of its own; events see only the body
        let tags = if body > 0 {
            let mut with_dateline = vec![Span::new(0, body)];
            with_dateline.extend_from_slice(&sentences);
            let published = article.published;
            let tagged = &with_dateline;
            self.time
                .tag_parsed(text, tagged, published, &sentences, &clauses)
        } else {
            self.time
                .tag_parsed(text, &sentences, article.published, &sentences, &clauses)
        };
        done(Stage::Time);
        let cx = crate::events::Context::new(
            text,
            day,
            dateline,
            &sentences,
            &clauses,
            &mentions,
            &tags.timexes,
            &self.gazetteer,
        );
        let events = self.events.find(&cx);
        done(Stage::Events);
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

#[cfg(test)]
mod tests {
    /// Threads share one pipeline: this fails to compile if a stage stops being `Send + Sync`.
    const _: () = {
        const fn shared<T: Send + Sync>() {}
        shared::<super::Pipeline>();
        shared::<super::Extraction>();
    };

    #[test]
    fn articles_events_actors_and_places_serialise() {
        let pipeline = super::Pipeline::bundled().unwrap();
        let article = crate::document::Article::new(
            "a",
            "2022-01-05T10:00:00+01:00".parse().unwrap(),
            "Olaf Scholz und Emmanuel Macron trafen sich am Dienstag in Paris.",
        );
        let found = pipeline.extract(&article);
        let json = |v: serde_json::Value, key: &str| v[key].clone();
        let a = serde_json::to_value(&article).unwrap();
        assert_eq!(json(a, "published"), "2022-01-05T10:00:00+01:00");
        let e = serde_json::to_value(&found.events[0]).unwrap();
        assert_eq!(json(e.clone(), "status"), "held");
        assert_eq!(json(json(e, "date"), "value"), "2022-01-04");
        let place = found.events[0].place.unwrap().place;
        let p = serde_json::to_value(pipeline.gazetteer().place(place)).unwrap();
        assert_eq!(json(p, "name"), "Paris");
        let russia = serde_json::to_value(pipeline.actor("Q159").unwrap()).unwrap();
        assert_eq!(json(russia, "kind"), "state");
    }

    #[test]
    fn threads_share_one_pipeline() {
        let pipeline = super::Pipeline::bundled().unwrap();
        let published = "2022-01-05T10:00:00+01:00".parse().unwrap();
        let counts: Vec<usize> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..2)
                .map(|i| {
                    let pipeline = &pipeline;
                    s.spawn(move || {
                        let text =
                            "Olaf Scholz und Emmanuel Macron trafen sich am Dienstag in Paris.";
                        let article =
                            crate::document::Article::new(format!("a{i}"), published, text);
                        pipeline.extract(&article).events.len()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(counts, [1, 1]);
    }
}
