//! `bare-weekday`: "said on Thursday", the wire-service habit of dating events by weekday
//! alone. Accepted house style in most newsrooms, so the default rule is `info` and off; when
//! on, it shows the date each weekday stands for.

use super::support::time::{NO_DATE_NOTE, published};
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::time::{MONTHS, Resolution, Tense};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default = "yes")]
    in_quotes: bool,
    #[serde(default)]
    in_headings: bool,
}

fn yes() -> bool {
    true
}

struct BareWeekday {
    in_quotes: bool,
    in_headings: bool,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "bare-weekday",
        include_str!("../../docs/kinds/bare-weekday.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(BareWeekday {
        in_quotes: o.in_quotes,
        in_headings: o.in_headings,
    }))
}

impl Check for BareWeekday {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for t in a.times() {
            let Some(days) = t.bare_weekdays() else {
                continue;
            };
            if (t.quoted && !self.in_quotes)
                || (!self.in_headings && a.is_heading_sentence(t.sentence))
            {
                continue;
            }
            let text = a.slice(t.core.clone());
            let mut d = match &t.resolve(cx.date) {
                Some(r @ Resolution::Days { dates, .. }) => {
                    let resolved = r.describe();
                    let mut d = Diagnostic::new(
                        t.core.clone(),
                        format!(
                            "'{text}' gives a weekday without a date: in an article dated {} it means {resolved}",
                            cx.date.map(published).unwrap_or_default()
                        ),
                    )
                    .with_primary_label(resolved.clone())
                    .with_note(match t.tense {
                        Tense::Future | Tense::Present => {
                            "the clause looks forward: read as the next such day on or after publication"
                        }
                        _ => "read as the latest such day on or before publication",
                    });
                    // "Thursday, November 7": keeps the weekday, adds the date (not for
                    // possessives or lists, which read badly with a date inside).
                    if let ([day], [date]) = (days, dates.as_slice())
                        && !text.ends_with('s')
                    {
                        let mut fix = format!(
                            "{}, {} {}",
                            crate::analysis::time::weekday_name(*day),
                            MONTHS[date.month() as usize - 1],
                            date.day()
                        );
                        if cx.date.is_some_and(|p| p.year() != date.year()) {
                            fix.push_str(&format!(", {}", date.year()));
                        }
                        d = d.with_help(format!("write '{fix}'")).with_fix(
                            t.core.clone(),
                            fix,
                            Applicability::Unsafe,
                        );
                    }
                    d
                }
                _ => Diagnostic::new(
                    t.core.clone(),
                    format!("'{text}' gives a weekday without a date"),
                )
                .with_note(NO_DATE_NOTE),
            };
            if t.quoted {
                d.fixes.clear();
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::support::time::testing::{hits, run};
    use jiff::civil::date;

    const PUB: Option<jiff::civil::Date> = Some(jiff::civil::Date::constant(2019, 11, 9));

    #[test]
    fn shows_the_date() {
        let d = run(
            &KIND,
            "",
            "The minister said on Thursday that talks would resume.",
            PUB,
        );
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("November 7, 2019"),
            "{}",
            d[0].message
        );
        assert_eq!(d[0].fixes[0].replacement, "Thursday, November 7");
        let d = run(&KIND, "", "The minister will speak on Thursday.", PUB);
        assert!(
            d[0].message.contains("November 14, 2019"),
            "{}",
            d[0].message
        );
        let d = run(
            &KIND,
            "",
            "Rain is forecast on Friday and Saturday.",
            Some(date(2024, 5, 9)),
        );
        assert!(
            d[0].message.contains("May 10 and 11, 2024"),
            "{}",
            d[0].message
        );
        assert!(d[0].fixes.is_empty());
    }

    #[test]
    fn without_a_date() {
        let d = run(&KIND, "", "He spoke on Thursday.", None);
        assert!(d[0].notes.iter().any(|n| n.contains("--date")));
    }

    #[test]
    fn non_hits() {
        for text in [
            "He spoke on Thursday, November 7.",
            "He spoke last Thursday.",
            "It is expected on Monday or Tuesday.",
            "Stores opened on Black Friday.",
            "The museum opens late on Tuesdays.",
        ] {
            assert!(hits(&KIND, "", text, PUB).is_empty(), "{text}");
        }
        assert!(
            hits(
                &KIND,
                "in_quotes: false",
                "\"We met on Thursday,\" he said.",
                PUB
            )
            .is_empty()
        );
    }
}
