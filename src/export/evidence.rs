//! Evidence sentences as HTML for the formats that show them (TimelineJS, the HTML page's
//! server-side parts): the sentence with the trigger marked (`<mark>`), the words that name
//! a participant, the date or the place in bold (`<b>`) and those that leave a participation
//! open in italics (`<i>`), from the spans of
//! [`Evidence`](crate::record::Evidence).

use crate::record::{Evidence, TextSpan};

/// The sentences of one report (the trigger's, then the supporting ones), each as HTML with its
/// spans marked.
///
/// ```
/// use chronik::record::{Evidence, TextSpan};
/// let span = |start, end, text: &str| TextSpan { start, end, text: text.into() };
/// let evidence = Evidence {
///     trigger: span(20, 26, "trafen"),
///     evidence: span(0, 26, "Nato und <Russland> trafen"),
///     support: vec![],
///     participant_spans: vec![],
///     open_spans: vec![],
///     date_span: None,
///     place_span: None,
/// };
/// assert_eq!(chronik::export::evidence_html(&evidence), ["Nato und &lt;Russland&gt; <mark>trafen</mark>"]);
/// ```
pub fn evidence_html(evidence: &Evidence) -> Vec<String> {
    let mut spans: Vec<(&TextSpan, &str)> = vec![(&evidence.trigger, "mark")];
    spans.extend(evidence.participant_spans.iter().map(|p| (&p.span, "b")));
    spans.extend(evidence.open_spans.iter().map(|p| (&p.span, "i")));
    spans.extend(evidence.date_span.iter().map(|s| (s, "b")));
    spans.extend(evidence.place_span.iter().map(|s| (s, "b")));
    std::iter::once(&evidence.evidence)
        .chain(&evidence.support)
        .map(|sentence| marked(sentence, &spans))
        .collect()
}

/// One sentence with the spans inside it wrapped in their tags; overlapping spans after the
/// first are left unmarked, and so are spans whose offsets do not fall on characters of it.
fn marked(sentence: &TextSpan, spans: &[(&TextSpan, &str)]) -> String {
    let mut inside: Vec<(usize, usize, &str)> = spans
        .iter()
        .filter(|(s, _)| s.start >= sentence.start && s.end <= sentence.end && s.start < s.end)
        .map(|(s, tag)| (s.start - sentence.start, s.end - sentence.start, *tag))
        .filter(|(a, b, _)| sentence.text.get(*a..*b).is_some())
        .collect();
    inside.sort();
    let mut out = String::new();
    let mut at = 0;
    for (a, b, tag) in inside {
        if a < at {
            continue;
        }
        out.push_str(&html_escape(&sentence.text[at..a]));
        out.push_str(&format!(
            "<{tag}>{}</{tag}>",
            html_escape(&sentence.text[a..b])
        ));
        at = b;
    }
    out.push_str(&html_escape(sentence.text.get(at..).unwrap_or_default()));
    out
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ParticipantSpan;

    fn span(start: usize, end: usize, text: &str) -> TextSpan {
        TextSpan {
            start,
            end,
            text: text.into(),
        }
    }

    #[test]
    fn marks_participants_date_and_place_in_the_sentence_they_are_in() {
        // "Die Nato lädt Russland ein. Das Treffen ist am 12. Januar in Brüssel."
        let evidence = Evidence {
            trigger: span(33, 40, "Treffen"),
            evidence: span(29, 71, "Das Treffen ist am 12. Januar in Brüssel."),
            support: vec![span(0, 28, "Die Nato lädt Russland ein.")],
            participant_spans: vec![
                ParticipantSpan {
                    id: "nato".into(),
                    span: span(4, 8, "Nato"),
                },
                ParticipantSpan {
                    id: "russland".into(),
                    span: span(15, 23, "Russland"),
                },
            ],
            open_spans: vec![],
            date_span: Some(span(48, 58, "12. Januar")),
            place_span: Some(span(62, 70, "Brüssel")),
        };
        assert_eq!(
            evidence_html(&evidence),
            [
                "Das <mark>Treffen</mark> ist am <b>12. Januar</b> in <b>Brüssel</b>.",
                "Die <b>Nato</b> lädt <b>Russland</b> ein.",
            ]
        );
    }
}
