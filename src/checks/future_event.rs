//! `future-event`: an event told in the past tense but dated after the publication date
//! ("the meeting took place on October 21" in an article dated October 15).

use super::support::time::published;
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::time::{Tense, TimeKind, format_date, is_past_participle};
use crate::diagnostic::Diagnostic;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Words allowed between the past-tense verb and the date; further away, the date may
    /// belong to something else in the clause ("sold tickets for the concert on …").
    #[serde(default = "default_gap")]
    max_gap: usize,
    /// Words before the date that make it a limit or a plan, not the day of the event.
    #[serde(default = "default_skip_after")]
    skip_after: Vec<String>,
    /// Words anywhere in the sentence that make the event a plan or a hypothesis, whatever
    /// the tense of a verb near the date ("is scheduled to continue … followed by the
    /// primary on February 29"; "he would have been 80 on February 20").
    #[serde(default = "default_plan_words")]
    plan_words: Vec<String>,
}

fn default_gap() -> usize {
    6
}
fn default_plan_words() -> Vec<String> {
    [
        "will",
        "would",
        "shall",
        "'ll",
        "scheduled",
        "planned",
        "plans",
        "plan",
        "planning",
        "expected",
        "expects",
        "due",
        "upcoming",
        "intention",
        "intends",
        "intend",
        "next",
        "later",
        "gearing",
        "slated",
        "forthcoming",
        "proposed",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// Verbs that carry no event of their own: the past tense belongs to the verb they help
/// ("was gearing up for elections on September 4"; "students have the intention to …").
const AUXILIARIES: &[&str] = &[
    "have", "has", "had", "was", "were", "is", "are", "be", "been", "being", "did", "do", "does",
];

fn default_skip_after() -> Vec<String> {
    [
        "until", "till", "to", "by", "before", "after", "for", "from", "through", "than", "least",
        "most", "of", "between", "and", "or", "beyond", "within", "ahead", "due", "deadline",
        // A determiner makes the date attributive: "the June 30 concert".
        "the", "a", "an", "this", "that", "its", "their", "his", "her",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// A participle after these names a period, not an event: "the quarter ended June 30".
const PERIOD_NOUNS: &[&str] = &[
    "quarter", "year", "period", "months", "weeks", "half", "season", "term", "fiscal",
];

struct FutureEvent {
    max_gap: usize,
    skip_after: Vec<String>,
    plan_words: Vec<String>,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "future-event",
        include_str!("../../docs/kinds/future-event.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(FutureEvent {
        max_gap: o.max_gap,
        skip_after: o.skip_after.iter().map(|s| s.to_lowercase()).collect(),
        plan_words: o.plan_words.iter().map(|s| s.to_lowercase()).collect(),
    }))
}

/// Is auxiliary `m` followed by a past participle, adverbs aside ("were also indicted")?
fn participle_follows(a: &crate::analysis::Analysis, m: usize) -> bool {
    let adverb = |w: &str| {
        w.ends_with("ly") || matches!(w, "also" | "not" | "then" | "already" | "still" | "just")
    };
    (m + 1..a.tokens.len().min(m + 4))
        .find(|&i| !adverb(a.lower(i)))
        .is_some_and(|i| is_past_participle(a.lower(i)))
}

impl Check for FutureEvent {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(p) = cx.date else {
            return;
        };
        let a = cx.analysis;
        for t in a.times() {
            let TimeKind::Date(d) = &t.kind else {
                continue;
            };
            let (Tense::Past, Some(marker)) = (t.tense, &t.tense_marker) else {
                continue;
            };
            // A quotation is the speaker's; a limit or a plan is no event.
            if t.quoted || t.prep.as_ref().is_some_and(|w| self.skip_after.contains(w)) {
                continue;
            }
            // "last June 18", "March 20 last year": a date the writer places in the past.
            let before = t.tokens.start.checked_sub(1).map(|i| a.lower(i));
            let after = |k: usize| {
                let i = t.tokens.end + k;
                (i < a.tokens.len() && a.sentence_of[i] == t.sentence).then(|| a.lower(i))
            };
            if before == Some("last") || (after(0) == Some("last") && after(1) == Some("year")) {
                continue;
            }
            let sentence = a.sentences[t.sentence].tokens.clone();
            let plan = sentence.clone().any(|i| {
                let w = a.lower(i);
                self.plan_words.iter().any(|p| p == w)
                    || (w == "be" && i > sentence.start && a.lower(i - 1) == "to")
            });
            if plan {
                continue;
            }
            let Some((date, inferred)) = d.resolve(Some(p)) else {
                continue;
            };
            // A yearless date must be after publication in every sensible year.
            if d.readings(Some(p)).iter().any(|r| *r <= p) {
                continue;
            }
            // Words between the verb and the date.
            let m = a.token_at_or_after(marker.start);
            // "were indicted on …" is a past event; "was gearing up for elections on …" and
            // "have the intention to …" are not.
            if AUXILIARIES.contains(&a.lower(m)) && !participle_follows(a, m) {
                continue;
            }
            if m > 0 && PERIOD_NOUNS.contains(&a.lower(m - 1)) {
                continue;
            }
            let gap = if m < t.tokens.start {
                (m + 1..t.tokens.start)
                    .filter(|&i| a.tokens[i].is_word())
                    .count()
            } else {
                (t.tokens.end..m).filter(|&i| a.tokens[i].is_word()).count()
            };
            if gap > self.max_gap {
                continue;
            }
            let verb = a.slice(marker.clone());
            let mut diag = Diagnostic::new(
                d.date_span.clone(),
                format!(
                    "'{verb}' tells a past event, but {} is after the publication date ({})",
                    format_date(date),
                    published(p)
                ),
            )
            .with_primary_label("after the publication date")
            .with_label(marker.clone(), "past tense");
            if inferred {
                diag = diag.with_note(format!(
                    "the year {} is the one nearest the publication date",
                    date.year()
                ));
            }
            out.push(diag.with_help("check the date (and its year) or the tense"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::support::time::testing::{hits, run};
    use jiff::civil::date;

    const PUB: Option<jiff::civil::Date> = Some(jiff::civil::Date::constant(2020, 10, 15));

    #[test]
    fn past_event_after_publication() {
        let text =
            "The Directorate called a meeting, that took place on October 21 in Antofagasta.";
        let d = run(&KIND, "", text, PUB);
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.clone()], "October 21");
        assert!(
            d[0].message.contains("October 15, 2020"),
            "{}",
            d[0].message
        );
        assert_eq!(&text[d[0].labels[0].span.clone()], "took");
        assert_eq!(
            hits(&KIND, "", "Officials met on November 3, 2020 in Lima.", PUB),
            ["November 3, 2020"]
        );
        assert_eq!(
            hits(&KIND, "", "On October 20, the parties met in Lima.", PUB),
            ["October 20"]
        );
    }

    #[test]
    fn not_past_or_not_after() {
        for text in [
            "The meeting will take place on October 21 in Antofagasta.",
            "The meeting is scheduled for October 21.",
            "The council is scheduled to meet again on October 21 and 22.",
            "Comelec expected to proclaim the winners on October 21.",
            "The meeting took place on October 4 in Antofagasta.",
            "Flights were suspended until at least October 30.",
            "She will be sworn in on October 30.",
            "Talks stalled, with 11 days to go before the window closes on October 31.",
            "412 jobs were cut, with departures effective on October 20.",
            "The union asked the company to return to the table on October 21.",
            "It was agreed that the vote would take place on October 21.",
            "The meeting took place in 2019 and the next one is on October 21.",
            "The company reported a loss for the quarter ended October 31.",
            "Tickets went on sale on Monday for the October 30 concert.",
            // Found on real copy (tests/real/judgments.tsv).
            "He would have been 80 on October 20.",
            "The party is scheduled to continue with the caucuses on October 22, followed by the primary on October 29.",
            "Tsikhanouskaya, a candidate in the election to be held on October 19, held a rally.",
            "The public was gearing up for early elections on October 24.",
            "\"The debate, on October 25, has been cancelled,\" the commission said.",
            "Pompeo joined the trilateral meeting on March 20 last year.",
            "The rally took place last October 18.",
        ] {
            assert!(hits(&KIND, "", text, PUB).is_empty(), "{text}");
        }
        assert!(hits(&KIND, "", "The meeting took place on October 21.", None).is_empty());
        // Late December: "January 3" may be this year's.
        assert!(
            hits(
                &KIND,
                "",
                "The meeting took place on January 3.",
                Some(date(2019, 12, 28))
            )
            .is_empty()
        );
    }

    #[test]
    fn far_from_the_verb() {
        let text =
            "Tickets sold out quickly for the big open air concert in the park on October 30.";
        assert!(hits(&KIND, "", text, PUB).is_empty());
        assert_eq!(hits(&KIND, "max_gap: 20", text, PUB), ["October 30"]);
        assert!(
            hits(
                &KIND,
                "",
                "The vote took place on October 21.",
                Some(date(2020, 10, 21))
            )
            .is_empty()
        );
    }
}
