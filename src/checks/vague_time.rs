//! `vague-time`: time references relative to the day of publication ("last month", "two weeks
//! ago", "the 20th of last month", "on Monday or Tuesday", "since 17 days") and vague ones
//! ("recently", "in recent days"). With a publication date, the message and the fix give the
//! absolute date or period.

use super::support::time::{NO_DATE_NOTE, published, replacement_of};
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::time::{Resolution, Tense, TimeExpr, TimeKind, Unit, weekday_name};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;

/// The families of expressions, as `TimeExpr::category` names them.
const CATEGORIES: &[&str] = &[
    "day",
    "period",
    "weekday",
    "ago",
    "since",
    "day-of-month",
    "weekday-choice",
    "vague",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Which families are reported (all by default).
    #[serde(default = "all_categories")]
    report: Vec<String>,
    /// Expressions never reported, matched against the lower-cased words of the expression
    /// ("recent years" silences "in recent years").
    #[serde(default)]
    allow: Vec<String>,
    /// Report expressions inside quotation marks (without a fix: quotes are not rewritten).
    #[serde(default = "yes")]
    in_quotes: bool,
    /// Words that are not reported inside quotations, where they mean "nowadays" ("today").
    #[serde(default = "quoted_allow")]
    quoted_allow: Vec<String>,
    /// Report in headings (headlines speak in relative days by convention).
    #[serde(default)]
    in_headings: bool,
    /// Words right before a vague expression that make it an idiom or background rather than
    /// a time the reader needs ("until recently", "most recently", "had recently").
    #[serde(default)]
    not_after: Vec<String>,
}

fn yes() -> bool {
    true
}
fn all_categories() -> Vec<String> {
    CATEGORIES.iter().map(|s| s.to_string()).collect()
}
fn quoted_allow() -> Vec<String> {
    vec!["today".into(), "tonight".into()]
}

struct VagueTime {
    report: Vec<String>,
    allow: Vec<Vec<String>>,
    in_quotes: bool,
    quoted_allow: Vec<Vec<String>>,
    in_headings: bool,
    not_after: Vec<String>,
    message: Option<String>,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("vague-time", include_str!("../../docs/kinds/vague-time.md")),
    build,
};

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

/// A word of an expression as `allow` lists match it: without possessive "'s" and the
/// punctuation around it.
fn bare(w: &str) -> &str {
    let mut w = w;
    while let Some(x) = w.strip_suffix("'s") {
        w = x;
    }
    while let Some(x) = w.strip_suffix("’s") {
        w = x;
    }
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

fn build(value: crate::yaml::Value, common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    for c in &o.report {
        if !CATEGORIES.contains(&c.as_str()) {
            return Err(format!(
                "unknown family `{c}` in `report` (known: {})",
                CATEGORIES.join(", ")
            ));
        }
    }
    Ok(Box::new(VagueTime {
        report: o.report,
        allow: o.allow.iter().map(|s| words(s)).collect(),
        in_quotes: o.in_quotes,
        quoted_allow: o.quoted_allow.iter().map(|s| words(s)).collect(),
        in_headings: o.in_headings,
        not_after: o.not_after.iter().map(|s| s.to_lowercase()).collect(),
        message: common.message.clone(),
    }))
}

/// Does the word sequence `needle` occur in `hay`?
fn contains_words(hay: &[&str], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w.iter().eq(needle))
}

impl VagueTime {
    fn wanted(&self, cx: &Context, t: &TimeExpr) -> bool {
        let Some(cat) = t.category() else {
            return false;
        };
        if !self.report.iter().any(|r| r == cat) {
            return false;
        }
        if !self.in_headings && cx.analysis.is_heading_sentence(t.sentence) {
            return false;
        }
        // Lower-cased whole (as word by word: no letter lower-cases to a space, nor a final
        // sigma across one), then split.
        let lower = cx.analysis.slice(t.core.clone()).to_lowercase();
        let text: Vec<&str> = lower.split_whitespace().map(bare).collect();
        if self.allow.iter().any(|a| contains_words(&text, a)) {
            return false;
        }
        let a = cx.analysis;
        // Someone else's words: inside quotation marks, or a paragraph quoted without them (a
        // tweet, a blog post quoted at length). Quotes are not rewritten.
        if in_quotation(a, t)
            && (!self.in_quotes || self.quoted_allow.iter().any(|a| contains_words(&text, a)))
        {
            return false;
        }
        let before = t
            .tokens
            .start
            .checked_sub(1)
            .filter(|&i| a.tokens[i].is_word() && a.sentence_of[i] == t.sentence);
        if cat == "vague" && before.is_some_and(|i| self.not_after.iter().any(|w| w == a.lower(i)))
        {
            return false;
        }
        true
    }

    /// One finding for every expression that needs the publication date when it is not known:
    /// the missing date is one problem of the file, not one per phrase.
    fn undated(&self, cx: &Context, times: &[&TimeExpr]) -> Diagnostic {
        let a = cx.analysis;
        let first = times[0];
        let text = a.slice(first.core.clone());
        let message = match times.len() {
            1 => format!("'{text}' is relative to the day of publication, which is not known"),
            n => format!(
                "'{text}' and {} other time reference{} are relative to the day of publication, which is not known",
                n - 1,
                if n == 2 { "" } else { "s" }
            ),
        };
        let mut d = Diagnostic::new(first.core.clone(), message)
            .with_primary_label("relative to the publication date")
            .with_note(NO_DATE_NOTE);
        for t in &times[1..] {
            d = d.with_label(t.core.clone(), "also relative to the publication date");
        }
        d
    }
}

/// Does the expression stand for a date only the publication date can give ("last month",
/// "two weeks ago")? Vague, ungrammatical and ambiguous ones are faults of their own.
/// Is the expression in someone else's words (see `Analysis::in_quoted_voice`)?
fn in_quotation(a: &crate::analysis::Analysis, t: &TimeExpr) -> bool {
    t.quoted || a.in_quoted_voice(t.tokens.start)
}

fn needs_date(t: &TimeExpr) -> bool {
    matches!(
        t.category(),
        Some("day" | "period" | "weekday" | "ago" | "day-of-month")
    )
}

/// "for 17 days", the English for "since 17 days".
fn for_duration(t: &TimeExpr, text: &str) -> Option<String> {
    let TimeKind::SinceDuration { .. } = t.kind else {
        return None;
    };
    let rest = text.split_once(char::is_whitespace)?.1;
    let rest = rest
        .strip_prefix("the last ")
        .or_else(|| rest.strip_prefix("the past "))
        .or_else(|| rest.strip_prefix("last "))
        .or_else(|| rest.strip_prefix("past "))
        .unwrap_or(rest);
    Some(format!("for {rest}"))
}

/// How the tense was read, for weekday expressions whose date depends on it.
fn tense_note(cx: &Context, t: &TimeExpr) -> Option<String> {
    let days: Vec<&str> = match &t.kind {
        TimeKind::Weekdays { days, .. } => days.iter().map(|d| weekday_name(*d)).collect(),
        _ => return None,
    };
    let cue = t
        .tense_marker
        .clone()
        .map(|m| format!(" ('{}')", cx.analysis.slice(m)))
        .unwrap_or_default();
    Some(match t.tense {
        Tense::Future | Tense::Present => format!(
            "the clause looks forward{cue}: read as the first {} on or after publication",
            days.join("/")
        ),
        _ => format!(
            "read as the latest {} on or before publication{}",
            days.join("/"),
            if cue.is_empty() {
                String::new()
            } else {
                format!(" (past tense{cue})")
            }
        ),
    })
}

impl Check for VagueTime {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let pub_date = cx.date.map(published).unwrap_or_default();
        let mut undated = Vec::new();
        for t in a.times() {
            if !self.wanted(cx, t) {
                continue;
            }
            if cx.date.is_none() && needs_date(t) {
                undated.push(t);
                continue;
            }
            let text = a.slice(t.core.clone());
            let resolution = t.resolve(cx.date);
            let vague = match t.kind {
                TimeKind::Vague { .. } => true,
                TimeKind::Ago { count, .. } | TimeKind::SinceDuration { count, .. } => {
                    count.is_none()
                }
                _ => false,
            };
            let since = matches!(t.kind, TimeKind::SinceDuration { .. });
            let resolved = resolution
                .as_ref()
                .map(|r| r.describe())
                .unwrap_or_default();
            let either = matches!(t.kind, TimeKind::Weekdays { either: true, .. });
            let mut message = match (&resolution, vague) {
                (Some(_), _) if either => format!(
                    "'{text}' leaves the day open: in an article dated {pub_date} it means {resolved}, and readers cannot tell which"
                ),
                (None, _) if either => {
                    format!("'{text}' leaves the day open: readers cannot tell which")
                }
                (_, true) if matches!(t.kind, TimeKind::Vague { future: true }) => {
                    format!("'{text}' is vague: readers cannot tell when it will happen")
                }
                (_, true) => format!("'{text}' is vague: readers cannot tell when it happened"),
                (Some(r), _) if since => format!(
                    "'{text}' is not idiomatic English (write '{}') and depends on the day of publication: in an article dated {pub_date} it started {}",
                    for_duration(t, text).unwrap_or_default(),
                    r.adverbial_of(resolved.clone())
                ),
                // The commonest message, put together without the formatting machinery.
                (Some(_), _) => [
                    "'",
                    text,
                    "' is relative to the day of publication: in an article dated ",
                    &pub_date,
                    " it means ",
                    &resolved,
                ]
                .concat(),
                (None, _) if since => format!(
                    "'{text}' is not idiomatic English (write '{}') and leaves the start date to the reader",
                    for_duration(t, text).unwrap_or_default()
                ),
                (None, _) => format!(
                    "'{text}' is relative to the day of publication, and does not resolve to a real date"
                ),
            };
            if let Some(template) = &self.message {
                message = super::fill(
                    template,
                    &[
                        ("match", text),
                        ("resolved", &resolved),
                        ("date", &pub_date),
                    ],
                );
            }
            let mut d = Diagnostic::new(t.core.clone(), message).with_primary_label(if vague {
                "vague time reference"
            } else {
                "relative to the publication date"
            });
            if vague {
                d = d.with_help("give the date or the period, if it is known");
            } else if cx.date.is_none() {
                d = d.with_note(NO_DATE_NOTE);
                if let Some(f) = for_duration(t, text) {
                    d = d.with_help(format!("write '{f}', or give the start date"));
                }
            }
            if let Some(r) = &resolution {
                d = with_resolution_notes(d, cx, t, r);
                let fix = replacement_of(t, r, resolved.clone(), text, since);
                if in_quotation(cx.analysis, t) {
                    d = d.with_note(format!(
                        "inside a quotation: give the date ({resolved}) in the surrounding text"
                    ));
                } else {
                    d = d
                        .with_help(match for_duration(t, text) {
                            Some(f) => format!("write '{fix}' (or '{f}')"),
                            None => ["write '", &fix, "'"].concat(),
                        })
                        .with_fix(t.core.clone(), fix, Applicability::Unsafe);
                }
            }
            out.push(d);
        }
        if !undated.is_empty() {
            out.push(self.undated(cx, &undated));
        }
    }
}

/// The notes of a resolved expression: the tense's, and how weeks, seasons and counts of
/// weeks are reckoned.
fn with_resolution_notes(
    mut d: Diagnostic,
    cx: &Context,
    t: &TimeExpr,
    r: &Resolution,
) -> Diagnostic {
    if let Some(note) = tense_note(cx, t) {
        d = d.with_note(note);
    }
    match r {
        Resolution::Week { .. } | Resolution::Weekend(_) => {
            d = d.with_note("weeks are counted from Monday to Sunday");
        }
        Resolution::Season { .. } => {
            d = d.with_note("seasons are the northern hemisphere's (spring is March to May)");
        }
        _ => {}
    }
    if matches!(
        t.kind,
        TimeKind::Ago {
            unit: Unit::Week,
            ..
        } | TimeKind::SinceDuration {
            unit: Unit::Week,
            ..
        }
    ) {
        d = d.with_note("a count of weeks is approximate: check the exact day");
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::support::time::testing::{hits, run};
    use jiff::civil::date;

    const PUB: Option<jiff::civil::Date> = Some(jiff::civil::Date::constant(2019, 11, 9));

    fn one(text: &str, date: Option<jiff::civil::Date>) -> Diagnostic {
        let d = run(&KIND, "", text, date);
        assert_eq!(d.len(), 1, "{text}: {d:#?}");
        d.into_iter().next().unwrap()
    }

    fn fix(d: &Diagnostic) -> &str {
        &d.fixes[0].replacement
    }

    #[test]
    fn day_of_last_month_gets_the_date() {
        let d = one(
            "Morales rigged the election on the 20th of last month.",
            PUB,
        );
        assert!(d.message.contains("October 20, 2019"), "{}", d.message);
        assert_eq!(fix(&d), "October 20, 2019");
        assert_eq!(d.fixes[0].applicability, Applicability::Unsafe);
        let d = one(
            "The offer, presented the 28th of last month, stood.",
            Some(date(2020, 10, 15)),
        );
        assert_eq!(fix(&d), "on September 28, 2020");
    }

    #[test]
    fn since_n_days() {
        let d = one("The streets have been fighting since 17 days.", PUB);
        assert!(d.message.contains("for 17 days"), "{}", d.message);
        assert!(d.message.contains("October 23, 2019"), "{}", d.message);
        assert_eq!(fix(&d), "since October 23, 2019");
        let d = one("The heatwave persists since 15 days.", None);
        assert!(d.fixes.is_empty());
        assert!(d.notes.iter().any(|n| n.contains("--date")));
        assert_eq!(
            d.help.as_deref(),
            Some("write 'for 15 days', or give the start date")
        );
    }

    #[test]
    fn ago_is_about_a_date() {
        let d = one("Two weeks ago, Bolivia went into turmoil.", PUB);
        assert!(
            d.message.contains("about October 26, 2019"),
            "{}",
            d.message
        );
        assert_eq!(fix(&d), "On or about October 26, 2019");
    }

    #[test]
    fn weekday_choice_looks_forward_when_expected() {
        let d = one(
            "The committee is expected to report on Monday or Tuesday, officials said.",
            PUB,
        );
        assert!(
            d.message.contains("November 11 or 12, 2019"),
            "{}",
            d.message
        );
        assert_eq!(fix(&d), "November 11 or 12, 2019");
        assert!(
            d.notes.iter().any(|n| n.contains("'expected'")),
            "{:?}",
            d.notes
        );
        // In the past tense, the latest such days.
        let d = one("The committee reported on Monday or Tuesday.", PUB);
        assert!(d.message.contains("November 4 or 5, 2019"), "{}", d.message);
    }

    #[test]
    fn periods_and_seasons() {
        let d = one("A survey last month showed it.", PUB);
        assert!(d.message.contains("October 2019"));
        assert_eq!(fix(&d), "in October 2019");
        let d = one("Hiring resumes later this year.", PUB);
        assert_eq!(fix(&d), "later in 2019");
        let d = one(
            "Alerts will be reviewed before the season begins next spring.",
            Some(date(2025, 9, 30)),
        );
        assert_eq!(fix(&d), "in spring 2026");
        let d = one(
            "The rains that began last week swelled rivers.",
            Some(date(2024, 5, 9)),
        );
        assert_eq!(fix(&d), "in the week of April 29, 2024");
    }

    #[test]
    fn without_a_date_a_note_says_how_to_give_one() {
        let d = one("A survey last month showed it.", None);
        assert!(d.fixes.is_empty());
        assert!(d.message.contains("not known"));
        assert!(
            d.notes
                .iter()
                .any(|n| n.contains("--date") && n.contains("date:"))
        );
    }

    #[test]
    fn vague_words_are_reported_as_vague() {
        let d = one("Lula visited the state twice in recent days.", PUB);
        assert!(d.message.contains("vague"));
        assert!(d.fixes.is_empty());
        assert_eq!(
            hits(&KIND, "", "Heat will continue in coming days.", PUB),
            ["in coming days"]
        );
        assert_eq!(hits(&KIND, "", "Prices fell recently.", PUB), ["recently"]);
    }

    #[test]
    fn relative_days() {
        let d = one(
            "It hit 50.3 degrees on day before yesterday.",
            Some(date(2019, 6, 12)),
        );
        assert_eq!(fix(&d), "June 10, 2019");
        let d = one("He resigned yesterday.", PUB);
        assert_eq!(fix(&d), "on November 8, 2019");
        let d = one("He left last Tuesday.", PUB);
        assert_eq!(fix(&d), "on November 5, 2019");
    }

    #[test]
    fn non_hits() {
        for text in [
            "For the time being the army would not be used.",
            "Demonstrations have been taking place almost daily.",
            "Smoke lingered on several days in June.",
            "Police joined protests against the last presidential election.",
            "The Fourth of July parade was cancelled.",
            "Police said on Wednesday that the march was peaceful.",
            "Talks resumed on Friday and Saturday.",
            "It was the last week of June.",
            "The recently renovated galleries opened.",
            "He has ruled since 2006.",
            "The museum is open late on Tuesdays and Saturdays.",
            "It happened on October 20, 2019.",
        ] {
            assert!(run(&KIND, "", text, PUB).is_empty(), "{text}");
        }
    }

    #[test]
    fn quotes_and_headings() {
        // Reported in quotes, but not rewritten.
        let d = one("\"We will march next week,\" he said.", PUB);
        assert!(d.fixes.is_empty());
        assert!(d.notes.iter().any(|n| n.contains("quotation")));
        // "today" in speech usually means "nowadays".
        assert!(run(&KIND, "", "\"Bolivia today is divided,\" he said.", PUB).is_empty());
        assert_eq!(hits(&KIND, "", "Bolivia votes today.", PUB), ["today"]);
        assert!(run(&KIND, "", "# Morales to resign tomorrow\n\nText.", PUB).is_empty());
        assert_eq!(
            hits(
                &KIND,
                "in_headings: true",
                "# Morales to resign tomorrow\n\nText.",
                PUB
            ),
            ["tomorrow"]
        );
        assert!(
            run(
                &KIND,
                "in_quotes: false",
                "\"We march next week,\" he said.",
                PUB
            )
            .is_empty()
        );
        // A quotation set off without quotation marks is someone else's words too: a tweet,
        // a blog post quoted after a colon. With in_quotes: false nothing in them is reported.
        let quoted_without_marks = "Anissa tweeted:\n\n@tango7: Verdict due today in the trial.\n\n\
                                    The blogger wrote:\n\nThe march was recently banned.";
        assert!(run(&KIND, "in_quotes: false", quoted_without_marks, PUB).is_empty());
        assert_eq!(hits(&KIND, "", quoted_without_marks, PUB), ["recently"]);
    }

    #[test]
    fn configuration() {
        let text = "He left last week. Prices fell recently. In recent years it grew.";
        assert_eq!(
            hits(&KIND, "", text, PUB),
            ["last week", "recently", "In recent years"]
        );
        assert_eq!(
            hits(&KIND, "report: [vague]", text, PUB),
            ["recently", "In recent years"]
        );
        assert_eq!(
            hits(&KIND, "allow: [recently, recent years]", text, PUB),
            ["last week"]
        );
        let err = (KIND.build)(
            crate::yaml::from_str("report: [nope]").unwrap(),
            &Common::default(),
        );
        assert!(err.is_err());
    }

    #[test]
    fn custom_message() {
        let value = crate::yaml::from_str("{}").unwrap();
        let common = Common {
            message: Some("{match} = {resolved}".into()),
            ..Common::default()
        };
        let check = (KIND.build)(value, &common).unwrap();
        let doc = crate::document::Document::parse(
            "t.md",
            "It fell last month.".into(),
            crate::document::Format::Markdown,
        );
        let a = crate::analysis::Analysis::new(&doc);
        let mut out = Vec::new();
        check.run(
            &Context {
                doc: &doc,
                analysis: &a,
                date: PUB,
                knowledge: Default::default(),
                name_variants: Default::default(),
            },
            &mut out,
        );
        assert_eq!(out[0].message, "last month = October 2019");
    }
}
