//! Durations and sets: `zwei Jahre`, `seit Wochen`, `zweitägige`, `stundenlangen`, `jährlich`,
//! `jeden Montag`, `zweimal pro Woche`.
//!
//! Rule ids: `time/duration/*`, `time/set/*`.

use super::*;

/// Two counted durations joined by `und`, the larger unit first, are one: `zwei Jahre und sieben
/// Monate` (P2Y7M), `drei Stunden und 20 Minuten` (PT3H20M).
pub(super) fn join_durations(toks: &[Token], chosen: &mut Vec<Candidate>) {
    let mut k = 0;
    while k + 1 < chosen.len() {
        let joined = chosen[k + 1].start == chosen[k].end + 1 && toks[chosen[k].end].is("und");
        if let (
            true,
            Expr::Duration {
                amount: Amount::Number(a),
                unit: u,
            },
            Expr::Duration {
                amount: Amount::Number(b),
                unit: v,
            },
        ) = (joined, &chosen[k].expr, &chosen[k + 1].expr)
            && unit_rank(*u) > unit_rank(*v)
            && unit_rank(*v) > 0
        {
            let expr = Expr::DurationSum {
                first: (*a, *u),
                second: (*b, *v),
            };
            let next = chosen.remove(k + 1);
            chosen[k].expr = expr;
            chosen[k].end = next.end;
            chosen[k].rule = "time/duration/sum";
        }
        k += 1;
    }
}

/// Units by size, for `join_durations` (the ones a sum can hold).
fn unit_rank(u: Unit) -> u8 {
    match u {
        Unit::Second => 1,
        Unit::Minute => 2,
        Unit::Hour => 3,
        Unit::Day => 4,
        Unit::Week => 5,
        Unit::Month => 6,
        Unit::Year => 7,
        _ => 0,
    }
}

impl Parser<'_, '_> {
    /// `zwei Jahre`, `seit zweieinhalb Jahren`, `rund 200 Stunden`, `seit Wochen` (PXW),
    /// `15-minütigen`, `zweitägige`, `stundenlangen`, `eine halbe Stunde`.
    pub(super) fn duration(&mut self, i: usize) {
        let t = &self.toks[i];
        // adjectives: `zweitägige`, `stundenlangen`
        for s in t.senses() {
            match *s {
                Sense::UnitAdjective { amount, unit } => {
                    let start = self.approx_start(i);
                    self.push(
                        start,
                        i + 1,
                        Expr::Duration { amount, unit },
                        "time/duration/adjective",
                    );
                }
                Sense::Unit {
                    unit,
                    kind: UnitKind::Long,
                } => {
                    self.push(
                        i,
                        i + 1,
                        Expr::Duration {
                            amount: Amount::Vague,
                            unit,
                        },
                        "time/duration/long",
                    );
                }
                _ => {}
            }
        }
        // `seit Wochen`, `über Jahre`
        if self.has(i, |s| matches!(s, Sense::Since | Sense::Approx))
            && let Some((unit, true)) = self.unit_at(i + 1)
        {
            let start = if self.has(i, |s| matches!(s, Sense::Since)) {
                i + 1
            } else {
                i
            };
            self.push(
                start,
                i + 2,
                Expr::Duration {
                    amount: Amount::Vague,
                    unit,
                },
                "time/duration/since_plural",
            );
        }
        // `über die Jahre (hinweg)`, like `über Jahre`; not `über die Jahre 2010 bis 2015`, `über
        // die Tage der Konferenz`
        if self.is(i, "über")
            && self.is(i + 1, "die")
            && let Some((unit, true)) = self.unit_at(i + 2)
            && self.tok(i + 3).is_none_or(|n| {
                n.kind != Kind::Number && !n.senses().contains(&Sense::Article) && !n.cap
            })
        {
            self.push(
                i + 1,
                i + 3,
                Expr::Duration {
                    amount: Amount::Vague,
                    unit,
                },
                "time/duration/since_plural",
            );
        }
        if i > 0 && self.has(i - 1, |s| matches!(s, Sense::Approx)) && self.amount(i).is_some() {
            return; // the approximation starts the extent
        }
        let j = self.approx(i);
        let Some((amount, k)) = self.amount(j) else {
            return;
        };
        // `15-minütigen`, `35-Stunden-Woche`
        if self.tok(k).is_some_and(|d| d.is_punct('-') && d.glued) {
            if let Some(next) = self.tok(k + 1).filter(|n| n.glued) {
                for s in next.senses() {
                    match *s {
                        Sense::UnitAdjective { unit, .. }
                        | Sense::Unit {
                            unit,
                            kind: UnitKind::Singular | UnitKind::Plural,
                        } => {
                            return self.push(
                                i,
                                k + 2,
                                Expr::Duration { amount, unit },
                                "time/duration/hyphen",
                            );
                        }
                        _ => {}
                    }
                }
                if let Some(stem_unit) = self.unit_adjective_stem(next.lower()) {
                    return self.push(
                        i,
                        k + 2,
                        Expr::Duration {
                            amount,
                            unit: stem_unit,
                        },
                        "time/duration/hyphen",
                    );
                }
            }
            return;
        }
        // `drei aufeinanderfolgenden Wochen`, `120 zusätzliche Stunden`: one adjective between
        // (`elf lange Monate`: `lange` keeps its number)
        let adjective = self.tok(k).is_some_and(|a| {
            a.is_word()
                && !a.cap
                && (a.senses().is_empty() || matches!(a.lower(), "lange" | "langen"))
        });
        let (unit, k) = match self.unit_at(k) {
            Some((unit, _)) => (unit, k),
            None => match self.unit_at(k + 1) {
                Some((unit, plural)) if adjective && (plural || amount == Amount::Number(1.0)) => {
                    (unit, k + 1)
                }
                _ => {
                    // `drei Verhandlungstage`: days of negotiation, counted
                    if let Amount::Number(n) = amount
                        && n > 1.0
                        && let Some(unit) = self.compound_unit_at(k)
                        && unit != Unit::Weekend
                    {
                        self.push(
                            i,
                            k + 1,
                            Expr::Duration { amount, unit },
                            "time/duration/compound",
                        );
                    }
                    return;
                }
            },
        };
        if unit == Unit::Weekend && amount == Amount::Number(1.0) && !self.is(j, "ein") {
            return;
        }
        // an age, not a duration: `ab 16 Jahren`, `22 Jahre alt`
        let age_before = i > 0 && self.has(i - 1, |s| matches!(s, Sense::AgeBefore));
        if unit == Unit::Year && (age_before || self.has(k + 1, |s| matches!(s, Sense::AgeAfter))) {
            return;
        }
        self.push(
            i,
            k + 1,
            Expr::Duration { amount, unit },
            "time/duration/amount",
        );
    }

    /// Where an extent begins when approximation words may precede `i`.
    pub(super) fn approx_start(&self, i: usize) -> usize {
        let mut s = i;
        while s > 0 && self.has(s - 1, |x| matches!(x, Sense::Approx)) {
            s -= 1;
        }
        s
    }

    /// `minütigen` = minute (the stem of `15-minütigen`).
    pub(super) fn unit_adjective_stem(&self, lower: &str) -> Option<Unit> {
        // a unit adjective stem with an ending and no number in front
        let senses = self.lex.senses(&format!("ein{lower}"));
        senses.iter().find_map(|s| {
            if let Sense::UnitAdjective { unit, .. } = s {
                Some(*unit)
            } else {
                None
            }
        })
    }

    /// `jährlich`, `dreimal täglich`, `jeden Montag`, `jedes Jahr`, `alle zwei Wochen`,
    /// `pro Tag`, `einmal im Monat`, `montags`, `morgens`.
    pub(super) fn set(&mut self, i: usize) {
        let t = &self.toks[i];
        let times = self.has(i, |s| matches!(s, Sense::Times));
        let j = if times { i + 1 } else { i };
        if let Some(unit) = self.sense(j, |s| {
            if let Sense::Unit {
                unit,
                kind: UnitKind::Frequency,
            } = s
            {
                Some(*unit)
            } else {
                None
            }
        }) {
            self.push(
                i,
                j + 1,
                Expr::Set(SetValue::Every {
                    amount: Amount::Number(1.0),
                    unit,
                }),
                "time/set/frequency",
            );
            return;
        }
        if times
            && (self.is(j, "im")
                || self.is(j, "pro")
                || self.is(j, "am")
                || (self.is(j, "in") && self.is(j + 1, "der")))
        {
            let k = if self.is(j, "in") { j + 2 } else { j + 1 };
            if let Some((unit, false)) = self.unit_at(k) {
                self.push(
                    i,
                    k + 1,
                    Expr::Set(SetValue::Every {
                        amount: Amount::Number(1.0),
                        unit,
                    }),
                    "time/set/times_per",
                );
            }
            return;
        }
        if let Some(w) = t.senses().iter().find_map(|s| {
            if let Sense::WeekdayAdverb(w) = s {
                Some(*w)
            } else {
                None
            }
        }) {
            self.push(
                i,
                i + 1,
                Expr::Set(SetValue::Weekday {
                    weekday: w,
                    part: None,
                }),
                "time/set/weekday_adverb",
            );
            return;
        }
        if let Some(p) = self.part_adverb(i) {
            self.push(
                i,
                i + 1,
                Expr::Set(SetValue::Part(p)),
                "time/set/part_adverb",
            );
            return;
        }
        // a rate: `400 Euro im Monat`, `zweimal im Jahr`
        if self.is(i, "im") {
            if let Some((unit @ (Unit::Month | Unit::Year | Unit::Week), false)) =
                self.unit_at(i + 1)
            {
                // a number right before, or a number and its unit (`400 Euro im Monat`)
                let number = |p: usize| p < i && self.toks[p].kind == Kind::Number;
                let counted = number(i.wrapping_sub(1))
                    || (i >= 2
                        && number(i - 2)
                        && self.toks[i - 1].is_word()
                        && self.toks[i - 1].cap);
                let followed = self.tok(i + 2).is_some_and(|n| {
                    n.kind == Kind::Number
                        || n.senses().iter().any(|s| matches!(s, Sense::After(_)))
                });
                if counted && !followed {
                    let expr = Expr::Set(SetValue::Every {
                        amount: Amount::Number(1.0),
                        unit,
                    });
                    self.push(i, i + 2, expr, "time/set/rate");
                }
            }
            return;
        }
        if self.has(i, |s| matches!(s, Sense::Per)) {
            if let Some((unit, false)) = self.unit_at(i + 1) {
                self.push(
                    i,
                    i + 2,
                    Expr::Set(SetValue::Every {
                        amount: Amount::Number(1.0),
                        unit,
                    }),
                    "time/set/per",
                );
            }
            return;
        }
        if !self.has(i, |s| matches!(s, Sense::Each)) {
            return;
        }
        // `jeden zweiten Tag`, `alle zwei Wochen`, `je zwei Wochen`
        let mut k = i + 1;
        let mut amount = Amount::Number(1.0);
        if let Some(n) = self.sense(k, |s| {
            if let Sense::Ordinal(n) = s {
                Some(*n)
            } else {
                None
            }
        }) {
            amount = Amount::Number(f64::from(n));
            k += 1;
        } else if let Some((a, e)) = self.amount(k).filter(|_| !t.lower().starts_with("jed")) {
            amount = a;
            k = e;
        }
        if let Some((unit, _)) = self.unit_at(k) {
            self.push(
                i,
                k + 1,
                Expr::Set(SetValue::Every { amount, unit }),
                "time/set/each_unit",
            );
        } else if let Some((weekday, part)) = self.weekday_at(k) {
            let (part, end) = match (part, self.part_after(k + 1)) {
                (Some(p), _) => (Some(p), k + 1),
                (None, Some((p, e))) => (Some(p), e),
                (None, None) => (None, k + 1),
            };
            // `jeden zweiten Freitag im Monat`: a set that recurs monthly, as one expression
            if amount != Amount::Number(1.0)
                && self.is(end, "im")
                && self.has(end + 1, |s| {
                    matches!(
                        s,
                        Sense::Unit {
                            unit: Unit::Month,
                            kind: UnitKind::Singular
                        }
                    )
                })
            {
                let expr = Expr::Set(SetValue::Every {
                    amount: Amount::Number(1.0),
                    unit: Unit::Month,
                });
                return self.push(i, end + 2, expr, "time/set/nth_weekday_of_month");
            }
            self.push(
                i,
                end,
                Expr::Set(SetValue::Weekday { weekday, part }),
                "time/set/each_weekday",
            );
        } else if let Some(part) = self.part_noun(k) {
            self.push(
                i,
                k + 1,
                Expr::Set(SetValue::Part(part)),
                "time/set/each_part",
            );
        }
    }
}
