//! The dateline at the top of a story ("LUSAKA, April 5, 2019 (Reuters) -", "Monday, August 3,
//! 2020"): the story's date when nothing else gives one.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// A dateline: an optional place in capitals ("LUSAKA,", "NEW YORK, N.Y.,"), an optional
/// weekday, a month and day, an optional year, then a dash, an agency in brackets or the text.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:(?P<place>[\p{Lu}][\p{Lu}\p{M}.'\ -]+),\s*(?:(?P<region>[\p{Lu}][\p{L}.]*),\s*)?)?
        (?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?
        (?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?
        \s+(?P<day>\d{1,2})
        (?:,?\s+(?P<year>(?:19|20)\d{2}))?
        \s*(?P<agency>\([^)\n]+\))?\s*(?P<end>[-–—]|\s)",
    )
    .expect("the dateline pattern compiles")
});

/// The date of the dateline that opens `first_paragraph`, if any. A dateline without a year
/// takes the year of `near` (the date a desk's config assumes) that puts it nearest to `near`;
/// without either, it gives no date.
pub fn date(first_paragraph: &str, near: Option<Date>) -> Option<Date> {
    let text = first_paragraph.trim_start();
    // Most stories open with no dateline: without a month's name near the start, the pattern
    // (whose Unicode classes take about a millisecond to compile) is never built.
    let head = &text.as_bytes()[..text.len().min(120)];
    if !crate::analysis::time::MONTHS
        .iter()
        .any(|m| memchr::memmem::find(head, &m.as_bytes()[..3]).is_some())
    {
        return None;
    }
    let caps = DATELINE.captures(text)?;
    // The lengths are checked here, not in the pattern: a bounded repetition of a Unicode class
    // compiles to one copy of the class per repeat, and building that automaton cost more
    // than linting a few articles.
    let too_long = |group, max: usize| {
        caps.name(group)
            .is_some_and(|m| m.as_str().chars().count() > max)
    };
    if too_long("place", 41) || too_long("region", 13) || too_long("agency", 42) {
        return None;
    }
    // Without a year, only a dash or an agency says it is a dateline, not a sentence that
    // starts with a date ("May 5 was quiet").
    let marked = caps.name("agency").is_some() || &caps["end"] != " ";
    if caps.name("year").is_none() && !marked {
        return None;
    }
    let month = crate::analysis::numbers::month_number(&caps["month"].to_lowercase())?;
    let day: i8 = caps["day"].parse().ok()?;
    match caps.name("year") {
        Some(y) => Date::new(y.as_str().parse().ok()?, month, day).ok(),
        None => {
            let near = near?;
            [near.year() - 1, near.year(), near.year() + 1]
                .into_iter()
                .filter_map(|y| Date::new(y, month, day).ok())
                .min_by_key(|d| d.since(near).map_or(i32::MAX, |s| s.get_days().abs()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn datelines_give_the_date() {
        assert_eq!(
            date(
                "LUSAKA, April 5, 2019 (Reuters) - Zambia's president said",
                None
            ),
            Some(d(2019, 4, 5))
        );
        assert_eq!(
            date(
                "Monday, August 3, 2020 On Thursday, Sviatlana held a rally.",
                None
            ),
            Some(d(2020, 8, 3))
        );
        assert_eq!(
            date(
                "NEW YORK, N.Y., Sept. 12 - Stocks fell.",
                Some(d(2019, 9, 20))
            ),
            Some(d(2019, 9, 12))
        );
        // A yearless dateline in early January, near a December date: the new year.
        assert_eq!(
            date("LONDON, Jan 2 (Reuters) - ", Some(d(2019, 12, 30))),
            Some(d(2020, 1, 2))
        );
    }

    #[test]
    fn no_dateline_no_date() {
        assert_eq!(
            date("LUSAKA, April 5 - Zambia's president said", None),
            None
        );
        assert_eq!(date("WASHINGTON (Reuters) - The Senate voted.", None), None);
        assert_eq!(date("The vote on April 5, 2019 was close.", None), None);
        assert_eq!(date("March 45 protesters were held.", None), None);
    }
}
