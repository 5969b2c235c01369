//! `years-since`: a span of years against the year it is counted from ("a councillor since
//! 2011" … "her 15 years on the council" in 2023).
//!
//! It reads the fact model (`analysis::facts`) and stays silent without evidence that both
//! figures are about one thing.

use super::support::count_facts::{no_options, surname};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::facts::{Fact, FactKind, Role, VOCAB};
use crate::analysis::numbers::{self, Approx, Quantity, QuantityKind};
use crate::diagnostic::Diagnostic;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "years-since",
        include_str!("../../docs/kinds/years-since.md"),
    ),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(YearsSince))
    },
};

struct YearsSince;

/// A tenure start: "since YEAR" with a tenure word in the five words before it, or "was
/// appointed in October 2022".
struct Start<'f> {
    fact: &'f Fact,
    year: i64,
    /// The month, when the start gives one ("since March 2019", "in October 2022").
    month: Option<i8>,
}

/// "October" for month 10.
fn month_name(m: i8) -> &'static str {
    crate::analysis::time::MONTHS[(m.clamp(1, 12) - 1) as usize]
}

/// Words that start a tenure at the date after them: "was appointed in October 2022", "since
/// his arrest in April 2019" (time in custody counts from it).
const STARTED: &[&str] = &[
    "appointed",
    "named",
    "hired",
    "installed",
    "sworn",
    "took",
    "elected",
    "arrest",
    "arrested",
    "detained",
    "became",
];

/// Nouns of a post that "N years into" counts from its start: "three years into the job".
const POSTS: &[&str] = &[
    "job",
    "role",
    "tenure",
    "post",
    "reign",
    "presidency",
    "mandate",
];

/// "three years into the job", "two years into her tenure": a span of a post so far.
fn into_the_post(a: &Analysis, noun: usize, end: usize) -> bool {
    noun + 2 < end
        && a.lower(noun + 1) == "into"
        && (noun + 2..(noun + 4).min(end)).any(|i| POSTS.contains(&a.lower(i)))
}

fn tenure_near(a: &Analysis, from: usize, to: usize) -> bool {
    (from..to).any(|i| VOCAB.tenure_cues.contains(a.lower(i)))
}

/// Tenure starts: "since YEAR", "first elected in YEAR", with a tenure word before them.
fn tenure_starts<'f>(
    a: &Analysis,
    facts: &'f [Fact],
    published: jiff::civil::Date,
) -> Vec<Start<'f>> {
    let qs = a.quantities();
    let mut starts: Vec<Start> = Vec::new();
    for f in facts.iter().filter(|f| f.kind == FactKind::Year) {
        let q = &qs[f.quantity];
        let s = &a.sentences[f.sentence];
        if q.tokens.start <= s.tokens.start {
            continue;
        }
        // "since 2011", or "first elected in 2013", "first entered parliament in 1977", or
        // "was appointed in October 2022"; a month may stand before the year.
        let mut since = q.tokens.start - 1;
        let month = numbers::month_number(a.lower(since));
        if month.is_some() {
            if since <= s.tokens.start {
                continue;
            }
            since -= 1;
        }
        // ("took over as chief executive in 2019": the verb may stand six words back.)
        let before_in = since.saturating_sub(6).max(s.tokens.start)..since;
        let first_in = a.lower(since) == "in" && before_in.clone().any(|i| a.lower(i) == "first");
        let started_in = a.lower(since) == "in"
            && before_in.clone().any(|i| STARTED.contains(&a.lower(i)))
            && !before_in
                .clone()
                .any(|i| matches!(a.lower(i), "will" | "would" | "to" | "be"));
        if a.lower(since) != "since" && !first_in && !started_in {
            continue;
        }
        let mut from = since.saturating_sub(5).max(s.tokens.start);
        // After an apposition ("who has chaired the council, the country's fiscal watchdog,
        // since 2018"): back to the clause's "who" or "which".
        if since > s.tokens.start && a.word(since - 1) == "," {
            let back = since.saturating_sub(16).max(s.tokens.start);
            if let Some(w) = (back..since)
                .rev()
                .find(|&i| matches!(a.lower(i), "who" | "which"))
            {
                from = from.min(w);
            }
        }
        if !(started_in || tenure_near(a, from, since))
            || f.value as i64 > i64::from(published.year())
        {
            continue;
        }
        starts.push(Start {
            fact: f,
            year: f.value as i64,
            month,
        });
    }
    starts
}

/// "construction began in 2019, is still unfinished eight years later": a span "later" than a
/// year of its own sentence, told in the present tense, ends now, so it is the years from that
/// year to the publication date. (In the past tense, "was finished eight years later", it ends
/// at a time the article does not give.)
fn years_later_now(
    a: &Analysis,
    facts: &[Fact],
    published: jiff::civil::Date,
    out: &mut Vec<Diagnostic>,
) {
    let qs = a.quantities();
    for f in facts.iter().filter(|f| f.kind == FactKind::Count) {
        if f.noun.as_deref() != Some("year") || f.quoted || !(2.0..=80.0).contains(&f.value) {
            continue;
        }
        let q = &qs[f.quantity];
        let Some(noun) = &q.noun else { continue };
        let s = &a.sentences[f.sentence];
        if q.approx != Approx::Exact
            || noun.token + 1 >= s.tokens.end
            || a.lower(noun.token + 1) != "later"
        {
            continue;
        }
        // The one year before it in the sentence, "in 2019" or "since 2019".
        let mut years = a
            .quantities_in(f.sentence)
            .iter()
            .filter(|y| y.kind == QuantityKind::Year && y.tokens.start < q.tokens.start);
        let (Some(year), None) = (years.next(), years.next()) else {
            continue;
        };
        let from = year.tokens.start;
        if from == 0
            || !matches!(a.lower(from - 1), "in" | "since")
            || year.value as i64 > i64::from(published.year())
        {
            continue;
        }
        // Between the year and the span: a verb in the present tense, none in another.
        let between = year.tokens.end..q.tokens.start;
        let present = between
            .clone()
            .any(|i| matches!(a.lower(i), "is" | "are" | "remains" | "remain" | "still"));
        let other = between
            .clone()
            .chain(noun.token + 1..s.tokens.end)
            .any(|i| {
                matches!(
                    a.lower(i),
                    "was"
                        | "were"
                        | "had"
                        | "will"
                        | "would"
                        | "could"
                        | "might"
                        | "may"
                        | "when"
                        | "if"
                )
            });
        if !present || other {
            continue;
        }
        let expected = i64::from(published.year()) - year.value as i64;
        let n = f.value as i64;
        if expected < 1 || (expected - 1..=expected + 1).contains(&n) {
            continue;
        }
        let span = q.span.start..a.tokens[noun.token + 1].span.end;
        out.push(
            Diagnostic::new(
                span.clone(),
                format!(
                    "'{}', but from {} to {} it is {} or {} years",
                    a.slice(span),
                    year.value as i64,
                    published.year(),
                    expected - 1,
                    expected
                ),
            )
            .with_primary_label(format!("{n} years"))
            .with_label(
                year.span.clone(),
                format!("counted from {}", year.value as i64),
            )
            .with_help("check the span and the year it is counted from"),
        );
    }
}

/// "Wickremesinghe, who first entered parliament in 1977, lost his seat for the first time in
/// 48 years" (in 2020): the first time in N years since a start in the same sentence cannot
/// reach back past the start. Only a span longer than the time since the start is reported;
/// a shorter one may count from an earlier loss.
fn first_time_since_start(
    a: &Analysis,
    facts: &[Fact],
    starts: &[Start],
    published: jiff::civil::Date,
    out: &mut Vec<Diagnostic>,
) {
    let qs = a.quantities();
    for f in facts.iter().filter(|f| f.kind == FactKind::Count) {
        if f.noun.as_deref() != Some("year") || f.quoted || f.approx == Approx::AtMost {
            continue;
        }
        let q = &qs[f.quantity];
        let s = &a.sentences[f.sentence];
        // "for the first time in 48 years", "… in more than 40 years".
        let Some(at) = (q.tokens.start.saturating_sub(3).max(s.tokens.start + 2)..q.tokens.start)
            .find(|&i| a.lower(i) == "in")
        else {
            continue;
        };
        if a.lower(at - 1) != "time" || a.lower(at - 2) != "first" {
            continue;
        }
        let Some(start) = starts.iter().find(|st| {
            st.fact.sentence == f.sentence && st.fact.span.end <= a.tokens[at].span.start
        }) else {
            continue;
        };
        let expected = i64::from(published.year()) - start.year;
        if expected < 1 || f.value as i64 <= expected + 1 {
            continue;
        }
        out.push(report(a, q, start, published));
    }
}

/// Words near a span of years that make it no time served so far: "the next five years",
/// "ago", "for another four years", "a 15-year sentence".
const NOT_SO_FAR: &[&str] = &[
    "next",
    "ago",
    "another",
    "more",
    "coming",
    "first",
    "last",
    "past",
    "previous",
    "former",
    "old",
    "after",
    "before",
    "until",
    "within",
    "will",
    "would",
    "sentence",
    "sentenced",
    "term",
    "terms",
    "prison",
    "jail",
    "age",
];

/// A span of years in a post, served so far ("his eight years at the helm", "three years
/// into the job", "has already spent seven years in custody"): whether it is "into" a post
/// (it may then count from a start in the sentence before), or `None` when it is no such span.
fn span_in_a_post(a: &Analysis, q: &Quantity) -> Option<bool> {
    let s = &a.sentences[q.sentence];
    let noun = q.noun.as_ref().map_or(q.tokens.end, |n| n.token);
    // A span in a post: a tenure word just before or after it.
    let from = q.tokens.start.saturating_sub(4).max(s.tokens.start);
    let to = (noun + 5).min(s.tokens.end);
    let into = into_the_post(a, noun, s.tokens.end);
    if !into && !tenure_near(a, from, q.tokens.start) && !tenure_near(a, noun + 1, to) {
        return None;
    }
    // Time in custody runs to now only when it is told so ("has already spent seven years in
    // custody"); "spent three years in custody" may have ended long ago.
    let in_custody = (noun + 1..to).any(|i| {
        matches!(
            a.lower(i),
            "custody" | "detention" | "bars" | "confined" | "confinement"
        )
    });
    // ("has already spent seven years in custody"; "the four years he has spent confined")
    let told_so_far = (from..q.tokens.start).chain(noun + 1..to).any(|i| {
        matches!(
            a.lower(i),
            "has" | "have" | "had" | "already" | "now" | "still"
        )
    });
    if (in_custody && !told_so_far)
        || (from..to).any(|i| {
            // ("more than two years" is a span; "two more years" is not.)
            NOT_SO_FAR.contains(&a.lower(i))
                && !(a.lower(i) == "more" && i + 1 < to && a.lower(i + 1) == "than")
        })
        || a.tokens[noun].glued
    {
        return None;
    }
    Some(into)
}

/// Months from the start's month (or January of its year) to the publication date.
fn months_since(start: &Start, published: jiff::civil::Date) -> i64 {
    (i64::from(published.year()) * 12 + i64::from(published.month()))
        - (start.year * 12 + i64::from(start.month.unwrap_or(1)))
}

/// Does a span of `n` years (with its qualifier) fit the time from `start` to publication?
/// With a month, the years so far to the month (October 2022 to May 2024 is 1.6); with a
/// year only, the difference of the years, give or take one.
fn fits(start: &Start, n: f64, approx: Approx, published: jiff::civil::Date) -> bool {
    let expected = i64::from(published.year()) - start.year;
    if start.month.is_some() {
        let elapsed = months_since(start, published) as f64 / 12.0;
        return match approx {
            Approx::AtLeast => n <= elapsed + 0.5,
            Approx::AtMost => n >= elapsed - 0.5,
            _ => (n - elapsed).abs() <= 1.0,
        };
    }
    let n = n as i64;
    match approx {
        Approx::AtLeast => n <= expected,
        Approx::AtMost => n >= expected - 1,
        _ => (expected - 1..=expected + 1).contains(&n),
    }
}

/// The finding: span `q` does not fit the time since `start`.
fn report(a: &Analysis, q: &Quantity, start: &Start, published: jiff::civil::Date) -> Diagnostic {
    let span = q.span.start..q.noun.as_ref().map_or(q.span.end, |n| n.span.end);
    let expected = i64::from(published.year()) - start.year;
    let so_far = match start.month {
        Some(m) => {
            let months = months_since(start, published);
            let plural = |n: i64, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
            format!(
                "from {} {} to {} {} it is {} and {}",
                month_name(m),
                start.year,
                month_name(published.month()),
                published.year(),
                plural(months / 12, "year"),
                plural(months % 12, "month")
            )
        }
        None => format!(
            "since {} it is {} or {} years by {}",
            start.year,
            expected - 1,
            expected,
            published.year()
        ),
    };
    Diagnostic::new(span.clone(), format!("'{}', but {so_far}", a.slice(span)))
        .with_primary_label(format!("{} years", q.value as i64))
        .with_label(start.fact.span.clone(), format!("since {}", start.year))
        .with_help("check the span and the year it is counted from")
}

impl Check for YearsSince {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(published) = cx.date else { return };
        let a = cx.analysis;
        let qs = a.quantities();
        let facts = &a.facts().facts;
        years_later_now(a, facts, published, out);
        let starts = tenure_starts(a, facts, published);
        if starts.is_empty() {
            return;
        }
        first_time_since_start(a, facts, &starts, published, out);
        for f in facts.iter().filter(|f| f.kind == FactKind::Count) {
            if f.noun.as_deref() != Some("year") || f.quoted || !(2.0..=80.0).contains(&f.value) {
                continue;
            }
            if !matches!(f.role, Role::Stated | Role::Estimate | Role::Total) {
                continue;
            }
            let q = &qs[f.quantity];
            // A year before the span sets another time ("In 2010, his eight years …"), unless
            // it only describes the subject ("Khan, who led Pakistan to the 1992 World Cup,").
            let apposition = crate::analysis::facts::closed_apposition(a, q).unwrap_or(0..0);
            if a.quantities_in(f.sentence).iter().any(|y| {
                y.kind == QuantityKind::Year
                    && y.tokens.start < q.tokens.start
                    && !apposition.contains(&y.tokens.start)
                    && !starts.iter().any(|st| st.fact.span == y.span)
            }) {
                continue;
            }
            let Some(into) = span_in_a_post(a, q) else {
                continue;
            };
            // "his eight years", or "the four years he has spent": the span of someone the
            // sentences before have named.
            let after_noun = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
            let possessive = q
                .determiner
                .is_some_and(|d| matches!(d, "his" | "her" | "their" | "'s"))
                || (after_noun < a.tokens.len()
                    && matches!(a.lower(after_noun), "he" | "she" | "they"));
            // The start it counts from: the nearest one before it (or in its sentence) for the
            // same name, or for "his/her" the nearest one within three sentences. Farther back,
            // the same name's start still counts when it is that name's only start.
            let same_name = |st: &Start| matches!((&st.fact.subject, &f.subject), (Some(x), Some(y)) if surname(x) == surname(y));
            let start = starts.iter().rev().find(|st| {
                st.fact.sentence <= f.sentence
                    && (f.sentence - st.fact.sentence <= 3
                        || (same_name(st)
                            && starts
                                .iter()
                                .all(|other| other.year == st.year || !same_name(other))))
                    && (st.fact.sentence == f.sentence
                        || possessive
                        // "… was appointed in October 2022. Three years into the job, …"
                        || (into && f.sentence - st.fact.sentence <= 1)
                        || same_name(st))
            });
            let Some(start) = start else { continue };
            // Only one start in reach: two people with "since" dates make the link unsure.
            if starts
                .iter()
                .filter(|st| st.fact.sentence <= f.sentence && f.sentence - st.fact.sentence <= 3)
                .any(|st| st.year != start.year)
            {
                continue;
            }
            let expected = i64::from(published.year()) - start.year;
            if expected < 1 || fits(start, f.value, f.approx, published) {
                continue;
            }
            out.push(report(a, q, start, published));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    fn date(s: &str) -> Option<jiff::civil::Date> {
        s.parse().ok()
    }

    #[test]
    fn years_later_told_in_the_present() {
        let later = |text: &str| run_kind(&KIND, "", text, date("2024-10-17"));
        assert_eq!(
            later(
                "The dam, on which construction began in 2019, is still unfinished eight years later."
            ),
            ["eight years later"]
        );
        for ok in [
            "The dam, on which construction began in 2019, is still unfinished five years later.",
            "Construction began in 2009 and the dam was finished eight years later.",
            "Construction began in 2019; if funds run dry, the dam will be unfinished eight years later.",
            "In 2019 the plan was drafted. It is expected eight years later, in 2027.",
        ] {
            assert!(later(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_start_several_words_after_its_verb() {
        let run = |text: &str| run_kind(&KIND, "", text, date("2026-08-06"));
        assert_eq!(
            run(
                "Lindqvist, who took over as chief executive in 2019 after a decade at a rival, has spent most of her nine years at the helm cutting plastics."
            ),
            ["nine years"]
        );
        assert!(
            run("Lindqvist, who took over as chief executive in 2019 after a decade at a rival, has spent most of her seven years at the helm cutting plastics.")
                .is_empty()
        );
    }

    #[test]
    fn years_in_custody_since_an_arrest() {
        let run = |text: &str| run_kind(&KIND, "", text, date("2024-10-17"));
        assert_eq!(
            run(
                "His lawyer said his client, who has been held since his arrest in April 2019, had already spent seven years in custody."
            ),
            ["seven years"]
        );
        for ok in [
            "His lawyer said his client, who has been held since his arrest in April 2019, had already spent five years in custody.",
            "He was arrested in 2009 and spent three years in custody.",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_start_by_becoming_and_time_confined_at_home() {
        let run = |text: &str| run_kind(&KIND, "", text, date("2024-10-24"));
        assert_eq!(
            run(
                "Lindqvist, who became chief executive in February 2021, has cut costs. The fall was the steepest of her five years in charge."
            ),
            ["five years"]
        );
        let may = |text: &str| run_kind(&KIND, "", text, date("2024-05-16"));
        assert_eq!(
            may(
                "Brandão was arrested in March 2021 and has been under house arrest since then. His lawyer argued that the more than four years he has spent confined to his home should count."
            ),
            ["four years"]
        );
        for ok in [
            "Lindqvist, who became chief executive in February 2021, has cut costs. The fall was the steepest of her four years in charge.",
            "Brandão was arrested in March 2021 and has been under house arrest since then. His lawyer argued that the more than three years he has spent confined to his home should count.",
            // Not so far: a span that ended.
            "Brandão was arrested in March 2021. He spent four years confined to his home in the 1990s.",
        ] {
            assert!(run(ok).is_empty() && may(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn the_first_time_in_more_years_than_since_the_start() {
        let run = |text: &str| run_kind(&KIND, "", text, date("2020-08-07"));
        assert_eq!(
            run(
                "Ranil Wickremesinghe, 71, a former prime minister who first entered parliament in 1977, lost his Colombo seat for the first time in 48 years."
            ),
            ["48 years"]
        );
        for ok in [
            "Ranil Wickremesinghe, 71, a former prime minister who first entered parliament in 1977, lost his Colombo seat for the first time in 43 years.",
            // Shorter: it may count from an earlier loss; no start; or another sentence.
            "Ranil Wickremesinghe, who first entered parliament in 1977, lost his seat for the first time in 20 years.",
            "Ranil Wickremesinghe, a former prime minister, lost his seat for the first time in 48 years.",
            "Wickremesinghe first entered parliament in 1977. The party lost Colombo for the first time in 48 years.",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn time_behind_bars_told_after_an_apposition() {
        let run = |text: &str| run_kind(&KIND, "", text, date("2025-01-17"));
        let far = "Judge Rana said Khan has been held since August 2023. He denies it. The court sat. Lawyers spoke. \
                   Crowds gathered. Police watched.\n\n";
        assert_eq!(
            run(&format!(
                "{far}Khan, 72, the former cricket star who led Pakistan to the 1992 World Cup, has spent more than two years behind bars."
            )),
            ["two years"]
        );
        for ok in [
            // It fits; it is another person's; or the nearer start of the same name fits it.
            format!(
                "{far}Khan, 72, the former cricket star who led Pakistan to the 1992 World Cup, has spent more than a year behind bars."
            ),
            format!(
                "{far}Qureshi, 68, the party's deputy who joined it in 2011, has spent more than two years behind bars."
            ),
            format!(
                "{far}Khan was also held since May 2021 in another case. Khan, 72, has spent more than two years behind bars."
            ),
            // A year in the predicate sets another time.
            format!("{far}In 2019, Khan had spent two years behind bars."),
        ] {
            assert!(run(&ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn years_into_a_post_since_its_month() {
        let run = |text: &str| run_kind(&KIND, "", text, date("2024-05-27"));
        assert_eq!(
            run(
                "Alonso, 42, was appointed in October 2022, replacing Seoane. Three years into the job, he has built a side that presses high."
            ),
            ["Three years"]
        );
        for ok in [
            "Alonso, 42, was appointed in October 2022, replacing Seoane. Two years into the job, he has built a side that presses high.",
            "Alonso, 42, was appointed in October 2020, replacing Seoane. Three years into the job, he has built a side that presses high.",
            "Alonso will be appointed in October 2022. Three years into the job, he plans to leave.",
            "Alonso was appointed in October 2022. The club was founded in 1904. Three years into the job, Seoane left.",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn years_in_a_post_against_the_start() {
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "Dr Amara Fofanah has headed the hospital since 2009. Fofanah said his 11 years at the helm had been hard.",
                date("2024-02-01")
            ),
            ["11 years"]
        );
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "Ana Ruiz, who has led the agency, the region's largest employer, since 2009, spoke. In her 11 years at the helm, Ruiz said, staff had doubled.",
                date("2024-02-01")
            ),
            ["11 years"]
        );
        for ok in [
            "Dr Amara Fofanah has headed the hospital since 2009. Fofanah said his 15 years at the helm had been hard.",
            "Ana Ruiz, who founded the group, the region's largest charity, since 2009 has grown. In her 11 years at the helm, Ruiz said, it had doubled.",
            "Dr Amara Fofanah has headed the hospital since 2009. Fofanah said the next 11 years at the helm would be hard.",
            "The hospital has existed since 2009. Fofanah said his 11 years at the helm had been hard.",
            "Dr Amara Fofanah has headed the hospital since 2009. He was given an 11 years prison term.",
        ] {
            assert!(
                run_kind(&KIND, "", ok, date("2024-02-01")).is_empty(),
                "{ok}"
            );
        }
    }
}
