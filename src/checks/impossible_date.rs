//! `impossible-date`: a day the month does not have ("31 June", "February 30", "February 29,
//! 2025").

use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::time::{MONTHS, TimeKind};
use crate::diagnostic::Diagnostic;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {}

struct ImpossibleDate;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "impossible-date",
        include_str!("../../docs/kinds/impossible-date.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let _: Options = super::options(value)?;
    Ok(Box::new(ImpossibleDate))
}

impl Check for ImpossibleDate {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for t in a.times() {
            let TimeKind::Date(d) = &t.kind else {
                continue;
            };
            if d.is_possible() {
                continue;
            }
            let written = a.slice(d.date_span.clone());
            let month = MONTHS[d.month as usize - 1];
            let max = d.max_day();
            let why = match d.year {
                Some(y) if d.month == 2 && d.day == 29 => {
                    format!("{y} is not a leap year, so February {y} has 28 days")
                }
                Some(y) => format!("{month} {y} has {max} days"),
                None if d.month == 2 => "February has at most 29 days".to_string(),
                None => format!("{month} has {max} days"),
            };
            out.push(
                Diagnostic::new(
                    d.date_span.clone(),
                    format!("'{written}' is not a date: {why}"),
                )
                .with_primary_label("no such day")
                .with_help("check the day and the month with the source"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::support::time::testing::{hits, run};

    #[test]
    fn impossible_days() {
        assert_eq!(
            hits(&KIND, "", "Schools stay shut till 31 June.", None),
            ["31 June"]
        );
        assert_eq!(
            hits(&KIND, "", "The deadline is February 30.", None),
            ["February 30"]
        );
        let d = run(&KIND, "", "It happened on February 29, 2025.", None);
        assert!(
            d[0].message.contains("2025 is not a leap year"),
            "{}",
            d[0].message
        );
        assert_eq!(
            hits(&KIND, "", "Results come on 31 April 2024 at noon.", None),
            ["31 April 2024"]
        );
        assert_eq!(
            hits(
                &KIND,
                "",
                "Votes were counted on Monday, September 31.",
                None
            ),
            ["September 31"]
        );
        // A colon after the day ends the date; "5:30" is a time.
        assert_eq!(
            hits(
                &KIND,
                "",
                "Crowds marched on April 31: the day of the vote.",
                None
            ),
            ["April 31"]
        );
        assert!(hits(&KIND, "", "The train left on April 30 at 5:30.", None).is_empty());
    }

    #[test]
    fn possible_days() {
        for text in [
            "It happened on February 29, 2024.",
            "It happens on February 29.",
            "Schools stay shut till 30 June.",
            "It ended on 31 May 2019.",
            "Temperatures hit 31 degrees in June.",
            "Scores were 31-30 in June.",
        ] {
            assert!(hits(&KIND, "", text, None).is_empty(), "{text}");
        }
    }
}
