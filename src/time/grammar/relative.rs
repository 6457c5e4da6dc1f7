//! Relative and deictic expressions: `heute`, `gestern Abend`, `nächste Woche`, `Vorjahr`,
//! `vor zwei Wochen`, `zwei Tage später`, and the vague references `derzeit`, `zuletzt`,
//! `künftig`, with the lexicon's multi-word phrases (and the phrases that are not dates).
//!
//! Rule ids: `time/date/deictic`, `time/date/shift_unit`, `time/date/ago`, `time/date/*after`,
//! `time/ref/*`.

use super::*;

impl Parser<'_, '_> {
    /// `heute`, `gestern`, `morgen`, `übermorgen`, `gestern Abend`, `morgen früh`, `Vorjahr`,
    /// `gestrigen`.
    pub(super) fn deictic(&mut self, i: usize) {
        let Some(Sense::Deictic {
            unit,
            offset,
            anchor,
            lower_only,
            adjective,
        }) = self.sense(i, |s| matches!(s, Sense::Deictic { .. }).then_some(*s))
        else {
            return;
        };
        if adjective {
            return self.deictic_noun(i, unit, offset);
        }
        let t = &self.toks[i];
        if lower_only {
            // `morgen` is tomorrow, `am Morgen` a part of the day
            let after_article = i > 0
                && self.has(i - 1, |s| {
                    matches!(
                        s,
                        Sense::Article
                            | Sense::Prep { fused: true }
                            | Sense::Shift { .. }
                            | Sense::PartAdjective
                            | Sense::Each
                            | Sense::Deictic { .. }
                    )
                });
            let sentence_start =
                i == 0 || self.toks[i - 1].is_punct('"') || self.toks[i - 1].is_punct('„');
            if after_article || (t.cap && !sentence_start) {
                return;
            }
            if t.cap
                && self
                    .tok(i + 1)
                    .is_some_and(|n| n.is_word() && n.cap && self.part_noun(i + 1).is_none())
            {
                return;
            }
        }
        let base = Expr::Relative {
            unit,
            offset,
            anchor,
        };
        let start = if unit == Unit::Day {
            i
        } else {
            self.with_article(i)
        };
        if unit == Unit::Day
            && let Some((p, e)) = self
                .part_after(i + 1)
                .filter(|_| !self.is(i + 1, "am") || self.phrase_mode)
        {
            self.push(
                start,
                e,
                Expr::Part {
                    base: Box::new(base.clone()),
                    part: p,
                },
                "time/time/deictic_part",
            );
        }
        self.push(start, i + 1, base, "time/date/deictic");
    }

    /// A deictic adjective is a time only with a day noun: `am heutigen Samstag`, `mit dem
    /// heutigen Tag`, `am gestrigen Abend` (the news guideline leaves `der heutige Präsident`,
    /// `die gestrige Sitzung`, `die diesjährige Saison` unannotated, as adjectives).
    fn deictic_noun(&mut self, i: usize, unit: Unit, offset: i32) {
        if unit != Unit::Day {
            return;
        }
        let start = self.with_article(i);
        let day_noun = self.has(i + 1, |s| {
            matches!(
                s,
                Sense::Unit {
                    unit: Unit::Day,
                    kind: UnitKind::Singular
                }
            )
        });
        if self
            .weekday_at(i + 1)
            .is_some_and(|(_, part)| part.is_none())
            || day_noun
        {
            self.push(
                start,
                i + 2,
                Expr::NamedDay(offset),
                "time/date/deictic_noun",
            );
        } else if let Some(part) = self.part_noun(i + 1) {
            let expr = Expr::Part {
                base: Box::new(Expr::NamedDay(offset)),
                part,
            };
            self.push(start, i + 2, expr, "time/time/deictic_noun_part");
        }
    }

    /// `der vergangenen Woche`, `nächstes Jahr`, `am nächsten Tag`, `am selben Abend`,
    /// `den vergangenen Jahren` (PXY), `der letzten zehn Jahre` (P10Y), `am Wochenende`.
    pub(super) fn relative(&mut self, i: usize) {
        if let Some((offset, anaphoric)) = self.shift_at(i) {
            let start = if self.has(i, |s| {
                matches!(
                    s,
                    Sense::Shift {
                        offset: 0,
                        anaphoric: false
                    }
                )
            }) {
                i
            } else {
                self.with_article(i)
            };
            if let Some((unit, plural)) = self.unit_at(i + 1) {
                if plural {
                    let amount = if offset == 0 && !anaphoric {
                        None
                    } else {
                        Some(Amount::Vague)
                    };
                    if let Some(amount) = amount {
                        self.push(
                            start,
                            i + 2,
                            Expr::Duration { amount, unit },
                            "time/duration/shift_plural",
                        );
                    }
                    return;
                }
                let anchor = if anaphoric || unit == Unit::Day {
                    AnchorKind::Text
                } else {
                    AnchorKind::Now
                };
                let expr = match unit {
                    Unit::Quarter if !anaphoric => Expr::QuarterShift { shift: offset },
                    _ => Expr::Relative {
                        unit,
                        offset,
                        anchor,
                    },
                };
                self.push(start, i + 2, expr, "time/date/shift_unit");
                return;
            }
            if let Some((amount @ Amount::Number(_), k)) = self.amount(i + 1) {
                if let Some((unit, true)) = self.unit_at(k) {
                    self.push(
                        start,
                        k + 1,
                        Expr::Duration { amount, unit },
                        "time/duration/shift_amount",
                    );
                }
                return;
            }
            if let Some(part) = self.part_noun(i + 1) {
                let expr = if offset == 0 {
                    if anaphoric {
                        Expr::Part {
                            base: Box::new(Expr::Relative {
                                unit: Unit::Day,
                                offset: 0,
                                anchor: AnchorKind::Text,
                            }),
                            part,
                        }
                    } else {
                        Expr::LoosePart { part }
                    }
                } else {
                    Expr::Part {
                        base: Box::new(Expr::Relative {
                            unit: Unit::Day,
                            offset,
                            anchor: AnchorKind::Text,
                        }),
                        part,
                    }
                };
                self.push(start, i + 2, expr, "time/time/shift_part");
            }
            return;
        }
        // `am Wochenende`, `übers Wochenende`
        if self.has(i, |s| {
            matches!(
                s,
                Sense::Unit {
                    unit: Unit::Weekend,
                    kind: UnitKind::Singular
                }
            )
        }) && i > 0
        {
            let prev = &self.toks[i - 1];
            if prev
                .senses()
                .iter()
                .any(|s| matches!(s, Sense::Prep { fused: true }))
                || prev.is("übers")
                || prev.is("dem")
                || prev.is("das")
            {
                let start = self.with_article(i);
                self.push(
                    start,
                    i + 1,
                    Expr::TenseUnit {
                        unit: Unit::Weekend,
                    },
                    "time/date/weekend",
                );
            }
        }
    }

    /// `vor zwei Wochen` (extent with `vor`), `in drei Tagen` (without `in`), `vor wenigen Tagen`
    /// (PAST_REF).
    pub(super) fn ago(&mut self, i: usize) {
        let sign = if self.has(i, |s| matches!(s, Sense::Ago)) {
            -1
        } else if self.has(i, |s| matches!(s, Sense::Ahead)) {
            1
        } else {
            return;
        };
        let j = self.approx(i + 1);
        let Some((amount, k)) = self.amount(j) else {
            return;
        };
        let Some((unit, _)) = self.unit_at(k) else {
            return;
        };
        let start = if sign < 0 { i } else { i + 1 };
        let expr = match amount {
            Amount::Vague if sign < 0 => Expr::Ref(crate::time::expr::RefValue::Past),
            Amount::Vague => Expr::Ref(crate::time::expr::RefValue::Future),
            Amount::Number(_) => Expr::Offset {
                amount,
                unit,
                sign,
                anchor: AnchorKind::Now,
            },
        };
        self.push(start, k + 1, expr, "time/date/ago");
    }

    /// `zwei Tage später`, `drei Jahre zuvor`, `Tags darauf`, `am Tag zuvor`, `am Morgen darauf`.
    pub(super) fn after(&mut self, i: usize) {
        if let Some((unit, _)) = self.unit_at(i) {
            if let Some(sign) = self.sense(i + 1, |s| {
                if let Sense::After(x) = s {
                    Some(*x)
                } else {
                    None
                }
            }) {
                // `Tags darauf`, `im Jahr darauf`, `die Woche darauf`
                if !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                    let expr = Expr::Offset {
                        amount: Amount::Number(1.0),
                        unit,
                        sign,
                        anchor: AnchorKind::Text,
                    };
                    self.push(self.with_article(i), i + 2, expr, "time/date/unit_after");
                }
            }
            return;
        }
        if let Some(part) = self.part_noun(i) {
            if let Some(sign) = self.sense(i + 1, |s| {
                if let Sense::After(x) = s {
                    Some(*x)
                } else {
                    None
                }
            }) {
                let base = Expr::Offset {
                    amount: Amount::Number(1.0),
                    unit: Unit::Day,
                    sign,
                    anchor: AnchorKind::Text,
                };
                self.push(
                    self.with_article(i),
                    i + 2,
                    Expr::Part {
                        base: Box::new(base),
                        part,
                    },
                    "time/time/part_after",
                );
            }
            return;
        }
        let j = self.approx(i);
        let Some((amount @ Amount::Number(_), k)) = self.amount(j) else {
            return;
        };
        let Some((unit, _)) = self.unit_at(k) else {
            return;
        };
        let Some(sign) = self.sense(k + 1, |s| {
            if let Sense::After(x) = s {
                Some(*x)
            } else {
                None
            }
        }) else {
            return;
        };
        if unit.is_clock() {
            // `zwei Minuten später`, `wenige Stunden zuvor`: the text names no clock time to count
            // from, so only the amount is a time, a duration (news guideline rule 25)
            return self.push(
                i,
                k + 1,
                Expr::Duration { amount, unit },
                "time/duration/amount",
            );
        }
        self.push(
            i,
            k + 2,
            Expr::Offset {
                amount,
                unit,
                sign,
                anchor: AnchorKind::Text,
            },
            "time/date/amount_after",
        );
    }

    /// `derzeit`, `zuletzt`, `künftig`, `früher` (not `früher als`).
    pub(super) fn reference(&mut self, i: usize) {
        let Some((value, unless)) = self.sense(i, |s| {
            if let Sense::Ref { value, unless } = s {
                Some((*value, *unless))
            } else {
                None
            }
        }) else {
            return;
        };
        if self
            .tok(i + 1)
            .is_some_and(|n| self.lex.unless(unless).iter().any(|u| *u == n.lower()))
        {
            return;
        }
        let start = self.with_article(i);
        let start = if self.toks[i].cap || start == i {
            start
        } else {
            i
        };
        if self.toks[i].is("nun") {
            // `nun` means "now" except as a particle: in a question (`Wie wirkt sich das nun
            // aus?`), after `ja` (`ja nun`), or before a comma (`Nun, ...`, in `unless_next`)
            let question = self
                .toks
                .iter()
                .rev()
                .find(|t| !t.is_punct('"') && !t.is_punct('“') && !t.is_punct('»'))
                .is_some_and(|t| t.is_punct('?'));
            // `»Und nun?« ...`: the question closes right after it
            let asks = self.toks[i + 1..]
                .iter()
                .find(|t| !t.is_punct('"') && !t.is_punct('“') && !t.is_punct('»'))
                .is_some_and(|t| t.is_punct('?'));
            if question || asks || (i > 0 && self.toks[i - 1].is("ja")) || self.in_open_clause(i) {
                return;
            }
            return self.push_p(start, i + 1, Expr::Ref(value), "time/ref/nun", 2);
        }
        self.push_p(start, i + 1, Expr::Ref(value), "time/ref/word", 2);
    }

    /// Token `i` stands in a clause that asks or supposes (an indirect question or a condition:
    /// `ob der Minister nun auch ... sorge`, `Wer nun gegen ... verstößt`, `Wenn du nun ...
    /// Lust hast`), where `nun` is a particle ("then", "so"), not the present.
    fn in_open_clause(&self, i: usize) -> bool {
        let start = self.toks[..i]
            .iter()
            .rposition(|t| t.is_punct(',') || t.is_punct(';') || t.is_punct(':'))
            .map_or(0, |k| k + 1);
        self.toks[start..i]
            .iter()
            .find(|t| t.kind == Kind::Word)
            .is_some_and(|t| {
                matches!(
                    t.lower(),
                    "ob" | "wer"
                        | "wenn"
                        | "falls"
                        | "sofern"
                        | "warum"
                        | "weshalb"
                        | "wieso"
                        | "inwiefern"
                )
            })
    }

    /// Multi-word phrases from the lexicon: references, holidays, and phrases that are not dates.
    pub(super) fn phrases(&mut self, i: usize) {
        let t = &self.toks[i];
        let mut found: Vec<(usize, usize, Expr, &'static str, u8)> = Vec::new();
        for p in self.lex.phrases(t.lower()) {
            let Some(end) = self.phrase_matches(i, &p.words) else {
                continue;
            };
            match &p.sense {
                PhraseSense::NotDate => self.blocked.push((i, end)),
                PhraseSense::Ref {
                    value,
                    head,
                    unless,
                } => {
                    if self
                        .tok(end)
                        .is_some_and(|n| self.lex.unless(*unless).iter().any(|u| *u == n.lower()))
                    {
                        continue;
                    }
                    // the head words, counted in tokens (a `-` may sit between words)
                    let mut s = i;
                    for _ in 0..head.0 {
                        s += 1;
                        if self.tok(s).is_some_and(|x| x.is_punct('-')) {
                            s += 1;
                        }
                    }
                    let e = if head.1 == p.words.len() {
                        end
                    } else {
                        s + (head.1 - head.0)
                    };
                    let s = if head.0 == 0
                        && self.has(i, |x| matches!(x, Sense::Prep { .. }))
                        && p.words.len() > 1
                    {
                        i + 1
                    } else {
                        s
                    };
                    found.push((s, e, Expr::Ref(*value), "time/ref/phrase", 3));
                }
                PhraseSense::Holiday(date) => {
                    let (year, e) = match self.year_at(end) {
                        Some((y, e)) => (YearRef::Explicit(y), e),
                        None => (YearRef::Open, end),
                    };
                    found.push((
                        i,
                        e,
                        Expr::Holiday { date: *date, year },
                        "time/date/holiday",
                        2,
                    ));
                }
                PhraseSense::Modifier(_) => {}
            }
        }
        for (s, e, expr, rule, p) in found {
            self.push_p(s, e, expr, rule, p);
        }
    }
}
