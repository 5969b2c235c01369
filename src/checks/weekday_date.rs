//! `weekday-date`: a weekday written with a date that falls on another day ("Monday, March 5,
//! 2024" when March 5, 2024 is a Tuesday). A date without a year takes the nearest year to the
//! publication date.

use super::support::time::published;
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::numbers::QuantityKind;
use crate::analysis::time::{TimeKind, format_date, weekday_name};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Check dates written without a year, taking the year nearest the publication date.
    #[serde(default = "yes")]
    infer_year: bool,
}

fn yes() -> bool {
    true
}

struct WeekdayDate {
    infer_year: bool,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "weekday-date",
        include_str!("../../docs/kinds/weekday-date.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(WeekdayDate {
        infer_year: o.infer_year,
    }))
}

impl Check for WeekdayDate {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for t in a.times() {
            let TimeKind::Date(d) = &t.kind else {
                continue;
            };
            let Some((stated, weekday_span)) = &d.weekday else {
                continue;
            };
            if d.year.is_none() && !self.infer_year {
                continue;
            }
            // Impossible dates are `impossible-date`'s.
            let Some((date, inferred)) = d.resolve(cx.date) else {
                continue;
            };
            let actual = date.weekday();
            // A yearless date is fine if any sensible year puts it on the stated day.
            if d.readings(cx.date).iter().any(|r| r.weekday() == *stated) {
                continue;
            }
            // Nor in a year the sentence names ("The 2026 edition will start on Tuesday,
            // August 18", written in 2025).
            if d.year.is_none()
                && a.quantities_in(t.sentence).iter().any(|q| {
                    q.kind == QuantityKind::Year
                        && (1..=9999).contains(&(q.value as i64))
                        && jiff::civil::Date::new(q.value as i16, d.month, d.day)
                            .is_ok_and(|r| r.weekday() == *stated)
                })
            {
                continue;
            }
            let written = a.slice(weekday_span.start..d.date_span.end);
            let (is, was) = (weekday_name(actual), weekday_name(*stated));
            let full = format_date(date);
            let mut diag = Diagnostic::new(
                weekday_span.clone(),
                format!("'{written}' does not match the calendar: {full} is a {is}, not a {was}"),
            )
            .with_primary_label(format!("not a {was}"))
            .with_label(d.date_span.clone(), format!("{full} is a {is}"));
            if inferred {
                diag = diag.with_note(format!(
                    "the year {} is the one nearest the publication date ({})",
                    date.year(),
                    cx.date.map(published).unwrap_or_default()
                ));
            }
            let fix = super::match_case(a.slice(weekday_span.clone()), is);
            diag = diag
                .with_help(format!("write '{fix}', or correct the date"))
                .with_fix(weekday_span.clone(), fix, Applicability::Unsafe);
            out.push(diag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::support::time::testing::{hits, run};
    use jiff::civil::date;

    #[test]
    fn mismatch_with_year() {
        let text = "The vote was held on Monday, March 5, 2024.";
        let d = run(&KIND, "", text, None);
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.clone()], "Monday");
        assert!(
            d[0].message
                .contains("March 5, 2024 is a Tuesday, not a Monday")
        );
        assert_eq!(&text[d[0].labels[0].span.clone()], "March 5, 2024");
        assert_eq!(d[0].fixes[0].replacement, "Tuesday");
        assert_eq!(d[0].fixes[0].applicability, Applicability::Unsafe);
    }

    #[test]
    fn year_from_publication_date() {
        let text = "The campaign began on Saturday, March 25, and ended on Saturday, May 7.";
        let d = run(&KIND, "", text, Some(date(2022, 5, 11)));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.contains("March 25, 2022 is a Friday"));
        assert!(d[0].notes[0].contains("nearest the publication date"));
        assert!(run(&KIND, "infer_year: false", text, Some(date(2022, 5, 11))).is_empty());
        // Without a publication date, a yearless date cannot be checked.
        assert!(run(&KIND, "", text, None).is_empty());
        // "Thursday, January 3" in late December 2019: January 3, 2019 was a Thursday.
        let text = "Talks began on Thursday, January 3, and failed.";
        assert!(run(&KIND, "", text, Some(date(2019, 12, 28))).is_empty());
        // A year the sentence names is the date's year: August 18, 2026 is a Tuesday.
        let text = "The 2026 edition will start in Aarhus on Tuesday, August 18.";
        assert!(run(&KIND, "", text, Some(date(2025, 8, 23))).is_empty());
        let text = "The 2024 edition started in Aarhus on Tuesday, August 18.";
        assert_eq!(run(&KIND, "", text, Some(date(2025, 8, 23))).len(), 1);
        let text = "Warnings were issued on Monday, April 30, but residents stayed.";
        assert_eq!(hits(&KIND, "", text, Some(date(2024, 5, 9))), ["Monday"]);
    }

    #[test]
    fn day_month_order_and_non_hits() {
        assert_eq!(
            hits(&KIND, "", "It opened on Tuesday 25 March 2024.", None),
            ["Tuesday"]
        );
        for text in [
            "It opened on Saturday, November 1, 2025.",
            "The river peaked on Sunday, May 5, 2024.",
            "It opened on Monday, 25 March 2024.",
            "On Monday, 18 police officers joined.",
            "It was due on Monday, February 30, 2024.",
            "\"We met on Tuesday, March 5, 2024,\" he said.",
        ] {
            assert!(hits(&KIND, "", text, None).is_empty(), "{text}");
        }
    }
}
