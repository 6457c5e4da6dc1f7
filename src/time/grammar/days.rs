//! Weekdays, parts of the day and clock times: `am Dienstag`, `Montagabend`, `Mittwoch nächster
//! Woche`, `um 9.30 Uhr`, `halb vier`, `am Abend`, `in der Nacht zum Freitag`.
//!
//! Rule ids: `time/date/weekday*`, `time/time/*`.

use super::*;

impl Parser<'_, '_> {
    /// `Dienstag`, `am kommenden Montag`, `Montagabend`, `Montag Abend`, `Sonntag der letzten
    /// Woche`, `Mittwoch nächster Woche`, `Mittwoch in zwei Wochen`, `Freitag nach dem nächsten`.
    pub(super) fn weekday(&mut self, i: usize) {
        let shifted = self.shift_at(i).filter(|(_, anaphoric)| !anaphoric);
        let j = if shifted.is_some() { i + 1 } else { i };
        let Some(t) = self.tok(j) else { return };
        let abbr = t.senses().iter().find_map(|s| {
            if let Sense::Weekday {
                weekday,
                abbr: true,
            } = s
            {
                Some(*weekday)
            } else {
                None
            }
        });
        let (weekday, mut part) = match (self.weekday_at(j), abbr) {
            (Some(w), _) => w,
            // `do.`, `sa` on their own (a lone `so` in running text is an adverb)
            (None, Some(w))
                if self.phrase_mode
                    && shifted.is_none()
                    && self.toks.len() <= j + 2
                    && (self.toks.len() == j + 1 || self.dot(j + 1)) =>
            {
                (w, None)
            }
            _ => return,
        };
        let mut end = if abbr.is_some() && self.dot(j + 1) {
            j + 2
        } else {
            j + 1
        };
        if part.is_none()
            && let Some((p, e)) = self
                .part_after(end)
                .filter(|_| !self.is(end, "am") || self.phrase_mode)
        {
            // `Mittwoch vormittags` with neither article nor preposition: every Wednesday
            if shifted.is_none() && self.part_adverb(end).is_some() && !self.introduced(i) {
                let expr = Expr::Set(SetValue::Weekday {
                    weekday,
                    part: Some(p),
                });
                self.push(i, e, expr, "time/set/weekday_part_adverb");
                return;
            }
            part = Some(p);
            end = e;
        }
        let shift = match shifted {
            Some((0, _)) | None => Shift::Tense,
            Some((o, _)) => Shift::By(o),
        };
        let mut expr = Expr::Weekday { weekday, shift };
        let mut rule = "time/date/weekday";
        if shifted.is_none() {
            if let Some((weeks, e)) = self.week_qualifier(end) {
                expr = Expr::WeekdayInWeek { weekday, weeks };
                end = e;
                rule = "time/date/weekday_of_week";
            } else if self.is(end, "nach")
                && self.is(end + 1, "dem")
                && self.shift_at(end + 2) == Some((1, false))
            {
                expr = Expr::Weekday {
                    weekday,
                    shift: Shift::By(2),
                };
                end += 3;
            }
        }
        if let Some(p) = part {
            expr = Expr::Part {
                base: Box::new(expr),
                part: p,
            };
            rule = "time/time/weekday_part";
        }
        let start = if shifted.is_some() {
            i
        } else {
            self.with_article(i)
        };
        self.push(start, end, expr, rule);
    }

    /// `der letzten Woche`, `nächste Woche`, `dieser Woche`, `in 2 Wochen`, `vor zwei Wochen`
    /// after a weekday: the week's distance from the current one.
    pub(super) fn week_qualifier(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.has(i, |s| matches!(s, Sense::Article)) {
            i + 1
        } else {
            i
        };
        if let Some((offset, false)) = self.shift_at(j)
            && self.has(j + 1, |s| {
                matches!(
                    s,
                    Sense::Unit {
                        unit: Unit::Week,
                        kind: UnitKind::Singular
                    }
                )
            })
        {
            return Some((offset, j + 2));
        }
        let sign = if self.has(i, |s| matches!(s, Sense::Ahead)) {
            1
        } else if self.has(i, |s| matches!(s, Sense::Ago)) {
            -1
        } else {
            return None;
        };
        let (Amount::Number(n), k) = self.amount(i + 1)? else {
            return None;
        };
        self.has(k, |s| {
            matches!(
                s,
                Sense::Unit {
                    unit: Unit::Week,
                    ..
                }
            )
        })
        .then_some((sign * n as i32, k + 1))
    }

    /// `9.30 Uhr`, `um 9:30`, `14 Uhr MEZ`, `4 Uhr 45`, `15h`, `fünf Uhr`, `8 Uhr abends`,
    /// `halb vier`, `viertel nach drei`, `Mitternacht`.
    pub(super) fn clock(&mut self, i: usize) {
        let t = &self.toks[i];
        if t.senses().iter().any(|s| {
            matches!(
                s,
                Sense::DayPart {
                    kind: PartKind::Midnight,
                    ..
                }
            )
        }) {
            let start = self.with_article(i);
            self.push(
                start,
                i + 1,
                Expr::Time {
                    base: None,
                    clock: Clock {
                        hour: 24,
                        minute: 0,
                        second: None,
                        zone: None,
                    },
                },
                "time/time/midnight",
            );
            return;
        }
        let before_part = i > 1
            && self.is(i - 1, "um")
            && self.has(i - 2, |s| {
                matches!(
                    s,
                    Sense::DayPart {
                        kind: PartKind::Adverb,
                        ..
                    }
                )
            });
        let prep_before = i > 0
            && matches!(
                self.toks[i - 1].lower(),
                "um" | "gegen" | "ab" | "bis" | "von" | "zwischen" | "seit"
            );
        let start = self.approx_start(i);
        let Some((mut hour, mut minute, mut end, explicit)) = self.clock_core(i, prep_before)
        else {
            return;
        };
        if !(explicit || self.phrase_mode && prep_before) {
            return;
        }
        let mut zone = None;
        if let Some(z) = self.sense(end, |s| {
            if let Sense::Zone(z) = s {
                Some(*z)
            } else {
                None
            }
        }) {
            if let Some(z) = z {
                zone = Some(z);
                end += 1;
            }
        } else if let Some(k) = self.phrase_modifier(end, |s| matches!(s, Sense::Zone(Some(_)))) {
            zone = self.tok(end).and_then(|_| {
                self.lex
                    .phrases(self.toks[end].lower())
                    .iter()
                    .find_map(|p| match &p.sense {
                        PhraseSense::Modifier(Sense::Zone(z)) => *z,
                        _ => None,
                    })
            });
            end = k;
        }
        let mut start = start;
        // `um 10 Uhr morgen` is tomorrow at ten, not ten in the morning
        if let Some((p, e)) = self
            .part_after(end)
            .filter(|_| !self.toks[end].is("morgen"))
        {
            hour = p.adjust_hour(hour);
            end = e;
        } else if before_part {
            if let Some(p) = self.sense(i - 2, |s| {
                if let Sense::DayPart { part, .. } = s {
                    Some(*part)
                } else {
                    None
                }
            }) {
                hour = p.adjust_hour(hour);
                start = i - 2;
            }
        } else {
            // `halb vier`, `viertel nach drei (Uhr)`, `um 3`: spoken times of day without a part
            // of the day mean the afternoon; `3 Uhr` written with digits is 03:00
            let spoken = self.is(i, "halb")
                || self.is(i, "viertel")
                || self.is(i + 1, "nach")
                || self.is(i + 1, "vor")
                || self.is(i + 2, "vor");
            let uhr = (i..end).any(|k| self.has(k, |s| matches!(s, Sense::Clock)));
            if (spoken || (!explicit && !uhr)) && (1..=7).contains(&hour) {
                hour += 12;
            }
        }
        if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
            return;
        }
        if hour == 24 && minute == 0 {
            minute = 0;
        }
        self.push(
            start,
            end,
            Expr::Time {
                base: None,
                clock: Clock {
                    hour,
                    minute,
                    second: None,
                    zone,
                },
            },
            "time/time/clock",
        );
    }

    /// The clock time at `i`: (hour, minute, end, explicit) where explicit means it carries
    /// `Uhr`, `h` or `HH:MM`, or is `H.MM` after `um`.
    pub(super) fn clock_core(
        &self,
        i: usize,
        prep_before: bool,
    ) -> Option<(u32, u32, usize, bool)> {
        let t = self.tok(i)?;
        let is_clock = |j: usize| self.has(j, |s| matches!(s, Sense::Clock));
        // `halb vier`, `viertel nach drei`, `zwanzig nach 3`, `15 minuten vor 12`
        if t.is("halb") {
            let (h, e) = self.hour_at(i + 1)?;
            let e = if is_clock(e) { e + 1 } else { e };
            return Some((
                (h + 23) % 24,
                30,
                e,
                prep_before || self.phrase_mode || is_clock(e - 1),
            ));
        }
        let (mins, j) = if t.is("viertel") {
            (15, i + 1)
        } else if let Some((Amount::Number(n), k)) = self
            .amount(i)
            .filter(|_| self.is(i + 1, "nach") || self.is(i + 1, "vor") || self.is(i + 2, "vor"))
        {
            let k = if self.has(k, |s| {
                matches!(
                    s,
                    Sense::Unit {
                        unit: Unit::Minute,
                        ..
                    }
                )
            }) {
                k + 1
            } else {
                k
            };
            (n as u32, k)
        } else {
            (0, i)
        };
        if j > i && (self.is(j, "nach") || self.is(j, "vor")) && mins < 60 {
            let (h, e) = self.hour_at(j + 1)?;
            let e2 = if is_clock(e) { e + 1 } else { e };
            let explicit = prep_before || self.phrase_mode || e2 > e;
            return Some(if self.is(j, "nach") {
                (h, mins, e2, explicit)
            } else {
                ((h + 23) % 24, 60 - mins, e2, explicit)
            });
        }
        let (h, mut e) = self.hour_at(i)?;
        if i > 0 && t.glued && self.toks[i - 1].kind != Kind::Punct {
            return None;
        }
        // `9.30`, `9:30`
        if let (Some(sep), Some(m)) = (self.tok(e), self.tok(e + 1))
            && sep.glued
            && m.glued
            && (sep.is_punct(':') || sep.is_punct('.'))
            && m.digits() == 2
        {
            let minute = m.num()?;
            let colon = sep.is_punct(':');
            e += 2;
            if is_clock(e) {
                return Some((h, minute, e + 1, true));
            }
            if self.tok(e).is_some_and(|x| x.is("h") && x.glued) {
                return Some((h, minute, e + 1, true));
            }
            let range_follows = matches!(
                self.tok(e).map(|x| x.lower()),
                Some("bis" | "-" | "–" | "/")
            ) && self.tok(e + 1).and_then(|x| x.num()).is_some();
            let after_clock_prep =
                i > 0 && matches!(self.toks[i - 1].lower(), "um" | "gegen" | "ab" | "bis");
            let explicit = colon || range_follows || after_clock_prep;
            if self.dot(e)
                && self
                    .tok(e + 1)
                    .is_some_and(|x| x.glued && x.kind == Kind::Number)
            {
                return None; // a date
            }
            return Some((h, minute, e, explicit));
        }
        // `15 Uhr`, `4 Uhr 45`, `15h`, `17h10`
        if is_clock(e) && (self.toks[e].is("uhr") || self.toks[e].glued) {
            e += 1;
            if let Some(m) = self
                .tok(e)
                .filter(|m| m.kind == Kind::Number && m.digits() <= 2)
                && !self.dot(e + 1)
                && !self.has(e + 1, |s| matches!(s, Sense::Unit { .. }))
            {
                return Some((h, m.num()?, e + 1, true));
            }
            return Some((h, 0, e, true));
        }
        // `um 15` (phrase mode only), `16` in `16 bis 17.30 Uhr`
        // `um drei` in phrase mode: a number word after `um`
        let word_hour = t.is_word() && self.phrase_mode && prep_before && self.toks.len() == e;
        if (t.kind == Kind::Number || word_hour) && (prep_before || self.range_to_clock(e)) {
            if self.dot(e)
                || self.has(e, |s| matches!(s, Sense::Unit { .. }))
                || self.tok(e).is_some_and(|n| n.is_word() && n.cap)
            {
                return None;
            }
            return Some((h, 0, e, self.range_to_clock(e)));
        }
        None
    }

    /// An hour 0-24, in digits or words.
    pub(super) fn hour_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if let Some(h) = t.num().filter(|_| t.digits() <= 2) {
            return (h <= 24).then_some((h, i + 1));
        }
        if !t.is_word() {
            return None;
        }
        match number_sense(t).map(Amount::Number) {
            Some(Amount::Number(n)) if n.fract() == 0.0 && (0.0..=24.0).contains(&n) => {
                Some((n as u32, i + 1))
            }
            _ => None,
        }
    }

    /// `am Abend`, `diesem Morgen`, `am späten Abend`, `gegen Mittag`, `in der Nacht`,
    /// `Morgen des 17. Oktober`, `Nacht zum Freitag`, `Nacht vom 3. auf den 4. März`,
    /// `Abend desselben Tages`.
    pub(super) fn day_part(&mut self, i: usize) {
        let adjective = self.has(i, |s| matches!(s, Sense::PartAdjective));
        let j = if adjective { i + 1 } else { i };
        let Some(part) = self.part_noun(j) else {
            return;
        };
        let t = &self.toks[j];
        if !t.cap && !self.phrase_mode && !adjective {
            return;
        }
        let start = self.with_article(i);
        let k = j + 1;
        // qualifiers
        if self.is(k, "des") || self.is(k, "vom") {
            if let Some(c) = self.date_at(k + 1) {
                let base = c.0;
                return self.push(
                    start,
                    c.1,
                    Expr::Part {
                        base: Box::new(base),
                        part,
                    },
                    "time/time/part_of_date",
                );
            }
            // `Nacht vom 3. auf den 4. März`: the first day, completed from the second
            if self.is(k, "vom")
                && let Some((d, e)) = self.day(k + 1).filter(|&(_, e)| self.dot(e - 1))
            {
                let date = Expr::Date {
                    year: YearRef::Open,
                    month: None,
                    day: Some(d),
                };
                let expr = Expr::Part {
                    base: Box::new(date),
                    part,
                };
                return self.push(start, e, expr, "time/time/part_of_day_in_range");
            }
        }
        // `Abend desselben Tages`, `Morgen dieses Tages`
        let same_day = |x: usize| {
            self.has(x, |s| matches!(s, Sense::Shift { offset: 0, .. }))
                && self.has(x + 1, |s| {
                    matches!(
                        s,
                        Sense::Unit {
                            unit: Unit::Day,
                            kind: UnitKind::Singular
                        }
                    )
                })
        };
        let q = if self.is(k, "des") { k + 1 } else { k };
        if same_day(q) {
            let base = Expr::Relative {
                unit: Unit::Day,
                offset: 0,
                anchor: AnchorKind::Text,
            };
            let expr = Expr::Part {
                base: Box::new(base),
                part,
            };
            return self.push(start, q + 2, expr, "time/time/part_of_same_day");
        }
        if (self.is(k, "zum") || self.is(k, "zu") || self.is(k, "auf")) && part == DayPart::Night {
            let w = if self.is(k + 1, "den") { k + 2 } else { k + 1 };
            if let Some((date, e)) = self.date_at(w) {
                let expr = Expr::Part {
                    base: Box::new(day_before(date)),
                    part,
                };
                return self.push(start, e, expr, "time/time/night_before");
            }
            if let Some((weekday, None)) = self.weekday_at(w) {
                let base = Expr::Weekday {
                    weekday,
                    shift: Shift::Tense,
                };
                return self.push(
                    start,
                    w + 1,
                    Expr::Part {
                        base: Box::new(day_before(base)),
                        part,
                    },
                    "time/time/night_before",
                );
            }
        }
        // without a qualifier, only after a preposition, an article or an adjective
        let introduced = adjective
            || (i > 0 && self.has(i - 1, |s| matches!(s, Sense::Prep { .. } | Sense::Article)));
        if !(introduced || self.phrase_mode && i == 0) {
            return;
        }
        if i > 0 && self.has(i - 1, |s| matches!(s, Sense::Each | Sense::Shift { .. })) {
            return;
        }
        self.push(start, k, Expr::LoosePart { part }, "time/time/part");
    }
}
