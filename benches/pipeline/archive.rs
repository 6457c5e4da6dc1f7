//! A reproducible corpus that looks like a news archive: mostly short agency items, some
//! medium-length reports and a few long articles, in about the proportions of the development
//! news set (median 0.7 KB, mean about 1.2 KB). Nothing is read from outside the repository:
//! sentences come from the bundled news page (`examples/dpa-page.txt`) and from invented
//! sentences below, with names, places, dates and topics drawn from small lists by a seeded
//! generator, so the same seed always gives the same bytes.

use chronik::document::read_news_page;
use chronik::{DataDir, SentenceSplitter};

/// A small deterministic generator (SplitMix64): the corpus must not change between runs or
/// machines.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const PERSONS: &[&str] = &[
    "Olaf Scholz",
    "Emmanuel Macron",
    "Joe Biden",
    "Wladimir Putin",
    "Wolodymyr Selenskyj",
    "Recep Tayyip Erdogan",
    "Xi Jinping",
    "Annalena Baerbock",
    "Antony Blinken",
    "Sergej Lawrow",
    "Giorgia Meloni",
    "Rishi Sunak",
    "Ursula von der Leyen",
    "Jens Stoltenberg",
    "António Guterres",
    "Frank-Walter Steinmeier",
    "Narendra Modi",
    "Pedro Sánchez",
];

const STATES: &[&str] = &[
    "Frankreich",
    "Russland",
    "China",
    "Polen",
    "Italien",
    "Japan",
    "Indien",
    "Israel",
    "Ägypten",
    "Brasilien",
    "Kanada",
    "Spanien",
    "Deutschland",
    "Großbritannien",
];

const CITIES: &[&str] = &[
    "Berlin",
    "Paris",
    "Washington",
    "Moskau",
    "Kiew",
    "Genf",
    "Brüssel",
    "Warschau",
    "Rom",
    "Peking",
    "Wien",
    "Ankara",
    "Madrid",
    "London",
    "Tokio",
    "Neu-Delhi",
];

const TIMES: &[&str] = &[
    "am Montag",
    "am Dienstagabend",
    "am 10. Januar",
    "am 3. März 2022",
    "in der kommenden Woche",
    "heute",
    "gestern",
    "Ende April",
    "im Juni",
    "am Freitag um 14 Uhr",
    "am nächsten Mittwoch",
    "vor zwei Wochen",
    "am Wochenende",
    "im Herbst",
    "Anfang Mai",
    "am 24. Februar",
];

const TOPICS: &[&str] = &[
    "den Krieg in der Ukraine",
    "den Klimaschutz",
    "Handelsfragen",
    "die Energieversorgung",
    "die Migration",
    "die Lage im Nahen Osten",
    "Sicherheitsgarantien",
    "die Zusammenarbeit in der Rüstungspolitik",
];

/// Sentences about meetings: `{P}` person, `{S}` state, `{C}` city, `{T}` time, `{X}` topic.
const DIPLOMATIC: &[&str] = &[
    "{P} und {P} wollen sich {T} in {C} treffen.",
    "{P} ist {T} in {C} mit {P} zusammengekommen.",
    "{P} empfängt {T} {P} zu Gesprächen über {X}.",
    "Bei dem Treffen mit {P} in {C} ging es nach Angaben eines Sprechers vor allem um {X}.",
    "Das geplante Gipfeltreffen von {S} und {S} wurde {T} abgesagt.",
    "Die Außenminister von {S} und {S} beraten {T} in {C} über {X}.",
    "{P} reist {T} zu einem zweitägigen Besuch nach {C}.",
    "Das Treffen soll {T} stattfinden, teilte das Außenministerium in {C} mit.",
    "{P} telefonierte {T} mit {P}, wie ein Regierungssprecher mitteilte.",
    "Ein Termin für weitere Verhandlungen zwischen {S} und {S} steht noch nicht fest.",
    "{P} sagte, man werde die Gespräche mit {S} {T} fortsetzen.",
    "Zuvor hatte {P} {T} in {C} mit Vertretern aus {S} über {X} gesprochen.",
];

/// Everything else agency news carries.
const OTHER: &[&str] = &[
    "Die Polizei in {C} meldete {T} mehrere Festnahmen.",
    "Die Inflation lag {T} bei 3,4 Prozent, wie das Statistikamt mitteilte.",
    "Der Deutsche Aktienindex schloss {T} mit einem Plus von 1,2 Prozent.",
    "Nach Angaben der Feuerwehr wurde niemand verletzt.",
    "Das Wetter bleibt {T} wechselhaft, mit Regen im Norden und Sonne im Süden.",
    "Die Opposition kritisierte die Pläne der Regierung scharf.",
    "Kritiker werfen der Regierung vor, zu spät gehandelt zu haben.",
    "Der Bundestag soll {T} über das Gesetz abstimmen.",
    "Ein Sprecher des Ministeriums wollte sich dazu zunächst nicht äußern.",
    "Die Preise für Heizöl und Benzin sind seit Jahresbeginn deutlich gestiegen.",
    "Im vergangenen Jahr wurden rund 12 000 Anträge gestellt, etwa ein Drittel mehr als zuvor.",
    "Die Ermittlungen dauern an.",
    "{P} hatte {T} angekündigt, die Hilfen für {S} deutlich auszuweiten.",
];

const TITLES: &[&str] = &[
    "{P} trifft {P} in {C}",
    "Gespräche über {X} {T}",
    "{S} und {S} vereinbaren neue Verhandlungen",
    "Polizei meldet Festnahmen in {C}",
    "Börse schließt im Plus",
    "{P} reist nach {C}",
];

/// One article of the archive.
pub struct Item {
    pub id: String,
    pub published: String,
    pub title: String,
    pub text: String,
}

/// Builds items; holds the sentences of the bundled news page.
pub struct Archive {
    page: Vec<String>,
    rng: Rng,
    count: usize,
}

impl Archive {
    pub fn new(seed: u64) -> Archive {
        let page = include_str!("../../examples/dpa-page.txt");
        let splitter = SentenceSplitter::new(&DataDir::bundled()).expect("bundled data");
        let mut sentences = Vec::new();
        for article in read_news_page("bench", page).into_iter().flatten() {
            let body = article.body_start();
            for s in splitter.split_from(&article.text, body) {
                sentences.push(s.text(&article.text).to_string());
            }
        }
        Archive {
            page: sentences,
            rng: Rng::new(seed),
            count: 0,
        }
    }

    fn fill(&mut self, template: &str, out: &mut String) {
        let mut rest = template;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let slot = match &rest[i + 1..i + 2] {
                "P" => PERSONS,
                "S" => STATES,
                "C" => CITIES,
                "T" => TIMES,
                _ => TOPICS,
            };
            out.push_str(self.rng.pick(slot));
            rest = &rest[i + 3..];
        }
        out.push_str(rest);
    }

    /// The size of the next archive item: 65% short (0.2-0.9 KB), 28% medium (0.9-2.2 KB),
    /// 6% long (2.2-8 KB), 1% very long (8-25 KB).
    pub fn archive_size(&mut self) -> usize {
        let (lo, hi) = match self.rng.below(100) {
            0..65 => (200, 900),
            65..93 => (900, 2_200),
            93..99 => (2_200, 8_000),
            _ => (8_000, 25_000),
        };
        lo + self.rng.below(hi - lo)
    }

    /// An item whose text is about `bytes` long (at least `bytes`, one sentence more at most).
    pub fn item(&mut self, bytes: usize) -> Item {
        self.count += 1;
        let mut text = String::with_capacity(bytes + 200);
        if self.rng.chance(70) {
            let city = self.rng.pick(CITIES);
            if self.rng.chance(50) {
                text.push_str(&city.to_uppercase());
                text.push_str(" - ");
            } else {
                text.push_str(city);
                text.push_str(" (dpa) - ");
            }
        }
        let mut in_paragraph = 0;
        let mut first = true;
        while text.len() < bytes {
            if in_paragraph == 4 {
                text.push_str("\n\n");
                in_paragraph = 0;
            } else if !first {
                text.push(' ');
            }
            let roll = self.rng.below(100);
            if first && roll < 60 || roll < 30 {
                let t = self.rng.pick(DIPLOMATIC);
                self.fill(t, &mut text);
            } else if roll < 65 {
                let i = self.rng.below(self.page.len());
                text.push_str(&self.page[i]);
            } else {
                let t = self.rng.pick(OTHER);
                self.fill(t, &mut text);
            }
            first = false;
            in_paragraph += 1;
        }
        let mut title = String::new();
        let t = self.rng.pick(TITLES);
        self.fill(t, &mut title);
        let day = self.rng.below(28) + 1;
        let month = self.rng.below(12) + 1;
        let year = 2019 + self.rng.below(6);
        let (h, m) = (self.rng.below(24), self.rng.below(60));
        Item {
            id: format!("a{:07}", self.count),
            published: format!("{year}-{month:02}-{day:02}T{h:02}:{m:02}:00+01:00"),
            title,
            text,
        }
    }

    /// Items of archive sizes until their texts hold `bytes`.
    pub fn items(&mut self, bytes: usize) -> Vec<Item> {
        let mut out = Vec::new();
        let mut total = 0;
        while total < bytes {
            let size = self.archive_size();
            let item = self.item(size);
            total += item.text.len();
            out.push(item);
        }
        out
    }
}

/// The items as JSON Lines, the input of `chronik extract`.
pub fn json_lines(items: &[Item]) -> Vec<u8> {
    let mut out = Vec::new();
    for it in items {
        let line = serde_json::json!({
            "id": it.id,
            "published": it.published,
            "title": it.title,
            "text": it.text,
        });
        serde_json::to_writer(&mut out, &line).expect("writes to memory");
        out.push(b'\n');
    }
    out
}
