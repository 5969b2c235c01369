//! `event-date`: one event given two dates. "The ferry capsized … on Monday, June 18" and, later,
//! "since the sinking on June 17": a definite "the sinking" points back to the sinking the
//! article has already dated.
//!
//! Only one-off incidents count (a sinking, a crash, a derailment, an earthquake, a collapse, an
//! explosion, a stampede, a landslide): strikes, protests, attacks and elections recur, and
//! their dates are many. The earlier date must be the only one the article gives that kind of
//! incident, and the two must be within a week of each other (further apart, they are two
//! incidents); "another", "second" or "earlier" before the noun mark a second one.

use super::support::count_facts::no_options;
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::time::{CalendarDate, TimeExpr, TimeKind};
use crate::diagnostic::{Applicability, Diagnostic};

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("event-date", include_str!("../../docs/kinds/event-date.md")),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(EventDate))
    },
};

struct EventDate;

/// One-off incidents: the nouns a later mention uses ("the sinking"), then the other words of
/// the family a first report uses ("capsized").
const INCIDENTS: &[(&[&str], &[&str])] = &[
    (
        &["sinking", "capsizing"],
        &["sank", "sunk", "capsized", "capsize", "capsizes"],
    ),
    (&["crash"], &["crashed"]),
    (&["derailment"], &["derailed"]),
    (&["earthquake", "quake", "tremor"], &[]),
    (&["collapse"], &["collapsed"]),
    (&["explosion", "blast"], &["exploded"]),
    (&["stampede"], &[]),
    (&["landslide", "mudslide"], &[]),
];

/// Words before the noun that make it another incident of the kind.
const ANOTHER: &[&str] = &[
    "another", "second", "third", "earlier", "previous", "first", "last", "latest", "new", "fresh",
    "other", "separate",
];

/// The incident family (index into [`INCIDENTS`]) a lower-case word belongs to.
fn family(word: &str) -> Option<usize> {
    INCIDENTS
        .iter()
        .position(|(nouns, others)| nouns.contains(&word) || others.contains(&word))
}

/// The days from the start of the year, for dates in one month or two: enough to tell how far
/// apart two dates of one story are.
fn ordinal(d: &CalendarDate) -> i32 {
    i32::from(d.month) * 31 + i32::from(d.day)
}

impl Check for EventDate {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        // Each explicit date with the incident families of its sentence.
        let dated: Vec<(&TimeExpr, &CalendarDate, Vec<usize>)> = a
            .times()
            .iter()
            .filter_map(|t| match &t.kind {
                TimeKind::Date(d) if !t.quoted => Some((t, d, families_in(a, t.sentence))),
                _ => None,
            })
            .collect();
        for (k, &(t, d, _)) in dated.iter().enumerate() {
            let Some((f, noun)) = back_reference(a, t) else {
                continue;
            };
            // The earlier dates given an incident of this family: exactly one, and another day.
            let earlier: Vec<&(&TimeExpr, &CalendarDate, Vec<usize>)> = dated[..k]
                .iter()
                .filter(|(e, _, fams)| e.sentence != t.sentence && fams.contains(&f))
                .collect();
            let [(first, first_date, _)] = earlier.as_slice() else {
                continue;
            };
            let same_day = first_date.month == d.month && first_date.day == d.day;
            let apart = (ordinal(first_date) - ordinal(d)).abs();
            if same_day
                || apart > 7
                || first_date
                    .year
                    .is_some_and(|y| d.year.is_some_and(|z| y != z))
            {
                continue;
            }
            out.push(report(a, a.lower(noun), d, first, first_date));
        }
    }
}

/// The families of the incident words in a sentence.
fn families_in(a: &Analysis, sentence: usize) -> Vec<usize> {
    let mut out: Vec<usize> = a.sentences[sentence]
        .tokens
        .clone()
        .filter(|&i| a.tokens[i].is_word())
        .filter_map(|i| family(a.lower(i)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// "the sinking on June 17", "the June 17 sinking": the family of the incident a date is given,
/// and the noun's token, when a definite "the" points back to one the article has told of.
fn back_reference(a: &Analysis, t: &TimeExpr) -> Option<(usize, usize)> {
    let sentence = a.sentences[t.sentence].tokens.clone();
    let word = |i: usize| sentence.contains(&i).then(|| a.lower(i));
    // "the sinking on June 17": the noun, then "on" or "of", then the date (the expression's
    // tokens may start with that "on").
    let start = t.tokens.start;
    let prep = if matches!(word(start), Some("on" | "of")) {
        Some(start)
    } else {
        start
            .checked_sub(1)
            .filter(|&i| matches!(word(i), Some("on" | "of")))
    };
    let noun_before = prep.and_then(|p| p.checked_sub(1));
    // "the June 17 sinking": the noun right after the date.
    let noun_after = Some(t.tokens.end);
    for noun in [noun_before, noun_after].into_iter().flatten() {
        let Some(f) =
            word(noun).and_then(|w| INCIDENTS.iter().position(|(nouns, _)| nouns.contains(&w)))
        else {
            continue;
        };
        // Back from the noun (or from the date, for "the June 17 sinking") to its "the",
        // past one adjective at most.
        let from = if noun < start { noun } else { start };
        for det in (from.saturating_sub(2)..from).rev() {
            match word(det) {
                Some("the") => return Some((f, noun)),
                Some(w) if ANOTHER.contains(&w) => return None,
                _ => {}
            }
        }
    }
    None
}

fn report(
    a: &Analysis,
    incident: &str,
    d: &CalendarDate,
    first: &TimeExpr,
    first_date: &CalendarDate,
) -> Diagnostic {
    let written = a.slice(d.date_span.clone());
    let earlier = a.slice(first.core.clone());
    let right = a.slice(first_date.date_span.clone());
    Diagnostic::new(
        d.date_span.clone(),
        format!("'{written}' dates the {incident}, which the article dated '{earlier}' earlier"),
    )
    .with_primary_label("a second date for the same incident")
    .with_label(first.core.clone(), "dated here first")
    .with_help(format!(
        "check which date is right; if the first, write '{right}'"
    ))
    .with_fix(
        d.date_span.clone(),
        right.to_string(),
        Applicability::Unsafe,
    )
}

#[cfg(test)]
mod tests {
    fn reported(text: &str) -> Vec<String> {
        crate::checks::tests_support::diagnostics(&super::KIND, "", text, None)
            .into_iter()
            .map(|d| text[d.span].to_string())
            .collect()
    }

    #[test]
    fn an_incident_dated_again_otherwise_is_reported() {
        for (text, flagged) in [
            (
                "The ferry capsized in high waves on Monday, June 18, after leaving the port. \
                 Relatives have kept vigil since the sinking on June 17.",
                "June 17",
            ),
            (
                "A bus crashed into a ravine on March 3. Survivors of the March 4 crash were \
                 flown to the capital.",
                "March 4",
            ),
        ] {
            assert_eq!(reported(text), [flagged], "{text}");
        }
    }

    #[test]
    fn other_incidents_and_other_kinds_of_event_are_left_alone() {
        for text in [
            // The same date again.
            "The ferry capsized on June 18. Since the sinking on June 18, divers have searched.",
            // Another incident of the kind.
            "A bus crashed on March 3. A second crash on March 5 killed two more.",
            "A bus crashed on March 3. After another crash on March 5, the road was shut.",
            // Two incidents dated before: which one is meant is unclear.
            "A bus crashed on March 3, and a lorry crashed on March 4. The crash on March 5 was the third.",
            // Recurring events: strikes and protests have many dates.
            "Workers went on strike on May 2. The strike on May 5 closed the port.",
            // Far apart: another incident.
            "The mine collapsed on January 10. The collapse on February 20 was at another mine.",
            // No definite article: not a back-reference.
            "The ferry capsized on June 18. A sinking on June 17 was reported upriver.",
        ] {
            assert!(reported(text).is_empty(), "{text}: {:?}", reported(text));
        }
    }
}
