//! Dates, weekdays and relative time expressions, with exact byte spans.
//!
//! The extractor records what the text *says* ("March 5", "Tuesday, March 5, 2024", "on Monday
//! or Tuesday", "last month", "two weeks ago", "since 17 days", "recently") and the tense of the
//! clause around it. What an expression *means* depends on the day the article was published:
//! [`TimeExpr::resolve`] turns it into calendar dates against that day. All calendar arithmetic
//! is jiff's.

use super::{Analysis, Sentence, Token, TokenKind, words};
use crate::fast_hash::ShapeFilter;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use std::ops::Range;
use std::sync::LazyLock;

mod calendar;
mod extract;
mod tense;
use calendar::*;
use extract::*;
use tense::*;

pub(crate) use calendar::{MONTHS, format_date, weekday_name};
pub(super) use extract::extract;
pub(crate) use tense::is_past_participle;

/// The tense of the clause an expression sits in (a heuristic: the nearest verb form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// "took place", "was held", "said", "has lifted".
    Past,
    /// "is", "are", "being", modals other than will/would.
    Present,
    /// "will", "would", "is expected to", "is scheduled for", "plans to".
    Future,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// `last`, `this`, `next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    Last,
    This,
    Next,
}

impl Which {
    fn offset(self) -> i64 {
        match self {
            Which::Last => -1,
            Which::This => 0,
            Which::Next => 1,
        }
    }
}

/// "earlier this month" (Early), "later this year" (Late).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// A calendar date as written: "March 5, 2024", "5 March", "Tuesday, March 5", "2024-03-05".
/// The day may be impossible ("31 June"): see [`CalendarDate::max_day`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CalendarDate {
    pub year: Option<i16>,
    pub month: i8,
    pub day: i8,
    /// A weekday written with the date ("Tuesday, March 5") and its span.
    pub weekday: Option<(Weekday, Range<usize>)>,
    /// The date without the weekday ("March 5, 2024").
    pub date_span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TimeKind {
    Date(CalendarDate),
    /// Bare weekdays: "on Monday", "Wednesday's", "on Friday and Saturday" (`either: false`),
    /// "on Monday or Tuesday" (`either: true`).
    Weekdays {
        days: Vec<Weekday>,
        either: bool,
    },
    /// "last Tuesday", "next Friday", "this Monday".
    RelativeWeekday {
        day: Weekday,
        which: Which,
    },
    /// "yesterday" (-1), "today", "tonight", "tomorrow" (+1), "the day before yesterday" (-2).
    Day {
        offset: i8,
        part: Option<DayPart>,
    },
    /// "last week", "this month", "next year", "earlier this week", "later this year",
    /// "this weekend".
    Period {
        unit: Unit,
        which: Which,
        part: Option<Part>,
    },
    /// "next spring", "last summer".
    Season {
        season: Season,
        which: Which,
        part: Option<Part>,
    },
    /// "the 20th of last month".
    DayOfMonth {
        day: i8,
        which: Which,
    },
    /// "two weeks ago", "3 days ago"; `count: None` for "a few days ago", "weeks ago".
    Ago {
        count: Option<u32>,
        unit: Unit,
    },
    /// "since 17 days" (a calque of "for 17 days"); `count: None` for "since a few days".
    SinceDuration {
        count: Option<u32>,
        unit: Unit,
    },
    /// No date can be recovered: "recently", "in recent days", "in the coming days".
    Vague {
        future: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// The whole expression, with a preceding "on" ("on Monday or Tuesday").
    pub(crate) span: Range<usize>,
    /// The expression without that "on": where a replacement goes.
    pub(crate) core: Range<usize>,
    /// Token range of `span`.
    pub(crate) tokens: Range<usize>,
    pub(crate) sentence: usize,
    pub(crate) kind: TimeKind,
    /// Lower-case word right before `core` ("on", "since", "until", "for"…), if any.
    pub(crate) prep: Option<String>,
    pub(crate) tense: Tense,
    /// The word that decided the tense ("took", "will", "expected").
    pub(crate) tense_marker: Option<Range<usize>>,
    /// Inside quotation marks.
    pub(crate) quoted: bool,
}

impl TimeExpr {
    /// The days of bare weekdays that all hold ("on Friday and Saturday"); `None` for any
    /// other expression, a choice ("on Monday or Tuesday") among them.
    pub(crate) fn bare_weekdays(&self) -> Option<&[Weekday]> {
        match &self.kind {
            TimeKind::Weekdays {
                days,
                either: false,
            } => Some(days),
            _ => None,
        }
    }

    /// The family of a relative or vague expression, as rule sets name it: `day`, `period`,
    /// `weekday`, `ago`, `since`, `day-of-month`, `weekday-choice`, `vague`. `None` for
    /// absolute dates and bare weekdays.
    pub(crate) fn category(&self) -> Option<&'static str> {
        Some(match &self.kind {
            TimeKind::Day { .. } => "day",
            TimeKind::Period { .. } | TimeKind::Season { .. } => "period",
            TimeKind::RelativeWeekday { .. } => "weekday",
            // "a few days ago", "weeks ago": no count, no date: vague.
            TimeKind::Ago { count: None, .. } => "vague",
            TimeKind::Ago { .. } => "ago",
            TimeKind::SinceDuration { .. } => "since",
            TimeKind::DayOfMonth { .. } => "day-of-month",
            TimeKind::Weekdays { either: true, .. } => "weekday-choice",
            TimeKind::Vague { .. } => "vague",
            TimeKind::Date(_) | TimeKind::Weekdays { either: false, .. } => return None,
        })
    }

    /// What the expression denotes in an article published on `published`. `None` when it
    /// cannot be said: vague words, impossible dates, or a relative expression with no
    /// publication date.
    pub(crate) fn resolve(&self, published: Option<Date>) -> Option<Resolution> {
        if let TimeKind::Date(d) = &self.kind {
            return d
                .resolve(published)
                .map(|(date, _)| Resolution::Day { date, part: None });
        }
        let p = published?;
        let future = matches!(self.tense, Tense::Future | Tense::Present);
        Some(match &self.kind {
            TimeKind::Date(_) => unreachable!("handled above"),
            TimeKind::Weekdays { days, either } => Resolution::Days {
                dates: weekday_run(p, days, future)?,
                either: *either,
            },
            TimeKind::RelativeWeekday { day, which } => Resolution::Day {
                date: relative_weekday(p, *day, *which)?,
                part: None,
            },
            TimeKind::Day { offset, part } => Resolution::Day {
                date: p.checked_add(i64::from(*offset).days()).ok()?,
                part: *part,
            },
            TimeKind::Period { unit, which, part } => {
                let n = which.offset();
                match unit {
                    Unit::Week => Resolution::Week {
                        monday: monday_of(p).checked_add((7 * n).days()).ok()?,
                        part: *part,
                    },
                    Unit::Weekend => {
                        Resolution::Weekend(monday_of(p).checked_add((7 * n + 5).days()).ok()?)
                    }
                    Unit::Month => Resolution::Month {
                        first: p.first_of_month().checked_add(n.months()).ok()?,
                        part: *part,
                    },
                    Unit::Year => Resolution::Year {
                        year: p.year().checked_add(n as i16)?,
                        part: *part,
                    },
                    Unit::Day => Resolution::Day {
                        date: p.checked_add(n.days()).ok()?,
                        part: None,
                    },
                }
            }
            TimeKind::Season {
                season,
                which,
                part,
            } => {
                let (season, year) = relative_season(p, *season, *which, future);
                Resolution::Season {
                    season,
                    year,
                    part: *part,
                }
            }
            TimeKind::DayOfMonth { day, which } => {
                let month = p
                    .first_of_month()
                    .checked_add(which.offset().months())
                    .ok()?;
                Resolution::Day {
                    date: Date::new(month.year(), month.month(), *day).ok()?,
                    part: None,
                }
            }
            TimeKind::Ago { count, unit } | TimeKind::SinceDuration { count, unit } => {
                back_from(p, (*count)?, *unit)?
            }
            TimeKind::Vague { .. } => return None,
        })
    }
}

impl CalendarDate {
    /// The last valid day of this month (in the stated year; 29 for a February with no year).
    pub(crate) fn max_day(&self) -> i8 {
        match self.year {
            Some(y) => Date::new(y, self.month, 1).map_or(31, |d| d.days_in_month()),
            None if self.month == 2 => 29,
            None => Date::new(2001, self.month, 1).map_or(31, |d| d.days_in_month()),
        }
    }

    pub(crate) fn is_possible(&self) -> bool {
        self.day >= 1 && self.day <= self.max_day()
    }

    /// The date meant, and whether its year was inferred from `published` (the nearest year
    /// in which the date exists). `None` if impossible, or yearless with no publication date.
    pub(crate) fn resolve(&self, published: Option<Date>) -> Option<(Date, bool)> {
        if let Some(y) = self.year {
            return Date::new(y, self.month, self.day).ok().map(|d| (d, false));
        }
        let p = published?;
        (p.year() - 1..=p.year() + 1)
            .filter_map(|y| Date::new(y, self.month, self.day).ok())
            .min_by_key(|d| d.duration_since(p).as_secs().unsigned_abs())
            .map(|d| (d, true))
    }
}

impl CalendarDate {
    /// Every sensible reading: the date itself when the year is written; otherwise the
    /// nearest-year reading first, then the publication year's if it differs (wire style
    /// leaves out the current year, so "January 3" in a late-December story may be either).
    pub(crate) fn readings(&self, published: Option<Date>) -> Vec<Date> {
        let mut out: Vec<Date> = self
            .resolve(published)
            .map(|(d, _)| d)
            .into_iter()
            .collect();
        if self.year.is_none()
            && let Some(p) = published
            && let Ok(d) = Date::new(p.year(), self.month, self.day)
            && !out.contains(&d)
        {
            out.push(d);
        }
        out
    }
}

/// A relative expression turned into calendar terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolution {
    Day {
        date: Date,
        part: Option<DayPart>,
    },
    /// "on or about": a count of weeks back is not exact.
    About(Date),
    /// Weekdays resolved together: "November 11 or 12, 2019".
    Days {
        dates: Vec<Date>,
        either: bool,
    },
    /// The week starting on this Monday.
    Week {
        monday: Date,
        part: Option<Part>,
    },
    /// The weekend starting on this Saturday.
    Weekend(Date),
    Month {
        first: Date,
        part: Option<Part>,
    },
    Year {
        year: i16,
        part: Option<Part>,
    },
    /// A northern-hemisphere season; winter belongs to the year it starts in (December).
    Season {
        season: Season,
        year: i16,
        part: Option<Part>,
    },
}

impl Resolution {
    /// A noun phrase: "October 20, 2019", "October 2019", "the week of October 28, 2019".
    pub(crate) fn describe(&self) -> String {
        // Written piece by piece: every finding on a relative time spells one or two of these.
        let mut out = String::with_capacity(32);
        match self.part() {
            Some(Part::Early) => out.push_str("earlier in "),
            Some(Part::Late) => out.push_str("later in "),
            None => {}
        }
        match self {
            Resolution::Day { date, part: None } => push_date(&mut out, *date),
            Resolution::Day {
                date,
                part: Some(part),
            } => {
                out.push_str("the ");
                out.push_str(day_part_name(*part));
                out.push_str(" of ");
                push_date(&mut out, *date);
            }
            Resolution::About(d) => {
                out.push_str("about ");
                push_date(&mut out, *d);
            }
            Resolution::Days { dates, either } => {
                push_dates(&mut out, dates, if *either { "or" } else { "and" });
            }
            Resolution::Week { monday, .. } => {
                out.push_str("the week of ");
                push_date(&mut out, *monday);
            }
            Resolution::Weekend(sat) => {
                let sun = sat.tomorrow().unwrap_or(*sat);
                out.push_str("the weekend of ");
                push_dates(&mut out, &[*sat, sun], "and");
            }
            Resolution::Month { first, .. } => {
                out.push_str(MONTHS[first.month() as usize - 1]);
                out.push(' ');
                out.push_str(itoa::Buffer::new().format(first.year()));
            }
            Resolution::Year { year, .. } => out.push_str(itoa::Buffer::new().format(*year)),
            Resolution::Season { season, year, .. } => out.push_str(&season_name(*season, *year)),
        }
        out
    }

    /// An adverbial that can replace the expression in a sentence: "on October 20, 2019",
    /// "on or about October 26, 2019", "in October 2019", "later in 2023".
    #[cfg(test)]
    pub(crate) fn adverbial(&self) -> String {
        self.adverbial_of(self.describe())
    }

    /// [`adverbial`](Self::adverbial), given what [`describe`](Self::describe) says.
    pub(crate) fn adverbial_of(&self, described: String) -> String {
        if self.part().is_some() {
            return described;
        }
        let preposition = match self {
            Resolution::Day { .. } | Resolution::Days { .. } => "on ",
            Resolution::About(d) => {
                let mut out = String::from("on or about ");
                push_date(&mut out, *d);
                return out;
            }
            Resolution::Weekend(_) => "over ",
            _ => "in ",
        };
        let mut out = String::with_capacity(preposition.len() + described.len());
        out.push_str(preposition);
        out.push_str(&described);
        out
    }

    fn part(&self) -> Option<Part> {
        match self {
            Resolution::Week { part, .. }
            | Resolution::Month { part, .. }
            | Resolution::Year { part, .. }
            | Resolution::Season { part, .. } => *part,
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::doc;
    use jiff::civil::date;

    #[test]
    fn candidates_never_leave_out_a_match() {
        let texts = [
            include_str!("../../benches/article.md"),
            include_str!("../../tests/articles/bolivia-police.md"),
            include_str!("../../tests/articles/time-floods.md"),
            include_str!("../../tests/articles/port-strike.md"),
            "We met yesterday's envoy, the day before yesterday, earlier this month and in the coming weeks. \
             Since last year, two weeks ago, a few days later, several months ago, twenty-one days on, \
             for the past few days, recently, lately, the other day, in the near future, in recent days, \
             this morning, last night, tonight, tomorrow's vote, days ago, weeks later, coming Monday, \
             the 5th of this month, 5 March, the 20th of last month, within the next few weeks.",
            "Last Tuesday, on Tuesday, March 5, 2024, and 2024-03-05, Oct. 4 and 5, the 5th of March, \
             this coming Friday, this past Monday, next spring, later this year, the Sunday Times, \
             since 17 days, a couple of weeks ago, in the days ahead, Monday or Tuesday, Yesterday's \
             talks, Today, This morning, Since two weeks ago, Coming Sunday, In recent weeks, A few \
             days ago, Twenty-one days ago, Days later, Sept. 9 or Saturday 25 March 2023.",
        ];
        for text in texts {
            let d = doc(text);
            let a = Analysis::new(&d);
            for s in &a.sentences {
                let c = Cursor::new(&a, s);
                for i in s.tokens.clone() {
                    let (t, at) = (&a.tokens[i], a.lower_at[i]);
                    let mask = candidates(&c, i, t, c.bytes(i));
                    if !may_start(&CANDIDATE_WORDS, t, a.lower_buf.as_bytes(), at) {
                        assert_eq!(mask, 0, "token {i}: {}", a.word(i));
                    }
                    for (k, m) in MATCHERS.iter().enumerate() {
                        if mask & (1 << k) == 0 {
                            assert!(m(&c, i).is_empty(), "token {i}: {} ({k})", a.word(i));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn candidate_words_cover_months_weekdays_and_number_words() {
        let bits = |w: &str| CANDIDATE_WORDS.bits.get(w).unwrap_or(0);
        for m in [
            "jan",
            "january",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "june",
            "jul",
            "aug",
            "sep",
            "sept",
            "september",
            "oct",
            "nov",
            "dec",
            "december",
        ] {
            assert_ne!(bits(m) & MONTH, 0, "{m}");
            assert!(super::super::numbers::month_number(m).is_some(), "{m}");
        }
        for w in ["monday", "sunday"] {
            assert_ne!(bits(w) & WEEKDAY, 0, "{w}");
        }
        for n in ["zero", "one", "nine", "ten", "nineteen", "twenty", "ninety"] {
            assert_ne!(bits(n) & COUNT_WORD, 0, "{n}");
        }
        for w in ["septe", "ju", "mon", "hundred", "twenty-one", "the"] {
            assert_eq!(bits(w) & (MONTH | WEEKDAY | COUNT_WORD), 0, "{w}");
        }
    }

    #[test]
    fn the_shape_test_passes_every_candidate_word_and_possessive() {
        // `may_start` may rule out a word only where `candidates` finds nothing: neither the
        // word nor the base of its possessive has bits.
        let token = |text: &str| {
            let d = doc(text);
            let a = Analysis::new(&d);
            a.tokens[0].clone()
        };
        let word = token("word");
        let capitalised = token("Word");
        for (w, bits) in candidate_entries() {
            let mut forms = vec![w.to_string()];
            if bits & (POSSESSIVE_DAY | WEEKDAY) != 0 {
                forms.extend([format!("{w}'s"), format!("{w}’s")]);
            }
            for form in forms {
                for t in [&word, &capitalised] {
                    let at = (0, form.len() as u32);
                    assert!(
                        may_start(&CANDIDATE_WORDS, t, form.as_bytes(), at),
                        "{form}"
                    );
                }
            }
        }
        for w in ["x", "", "zebra", "quietly", "undated"] {
            let at = (0, w.len() as u32);
            assert!(!may_start(&CANDIDATE_WORDS, &word, w.as_bytes(), at), "{w}");
        }
    }

    fn exprs(text: &str) -> Vec<(String, TimeKind)> {
        let d = doc(text);
        let a = Analysis::new(&d);
        a.times()
            .iter()
            .map(|t| (text[t.span.clone()].to_string(), t.kind.clone()))
            .collect()
    }

    fn one(text: &str) -> TimeExpr {
        let d = doc(text);
        let a = Analysis::new(&d);
        let t = a.times();
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t[0].clone()
    }

    fn spans(text: &str) -> Vec<String> {
        exprs(text).into_iter().map(|(s, _)| s).collect()
    }

    fn cal(text: &str) -> CalendarDate {
        match one(text).kind {
            TimeKind::Date(d) => d,
            k => panic!("{text}: {k:?}"),
        }
    }

    fn resolved(text: &str, p: Date) -> String {
        one(text)
            .resolve(Some(p))
            .map(|r| r.describe())
            .unwrap_or_default()
    }

    /// Asserts that each text's time expression, published on `p`, resolves to the date given
    /// ("" where it does not resolve).
    fn assert_resolves(p: Date, cases: &[(&str, &str)]) {
        for &(text, want) in cases {
            assert_eq!(resolved(text, p), want, "{text}");
        }
    }

    const PUB: Date = Date::constant(2019, 11, 9); // a Saturday

    #[test]
    fn month_day_forms() {
        let d = cal("It happened on March 5, 2024 in Paris.");
        assert_eq!((d.year, d.month, d.day), (Some(2024), 3, 5));
        let d = cal("It happened on March 5th 2024.");
        assert_eq!((d.year, d.month, d.day), (Some(2024), 3, 5));
        let d = cal("It happened on Oct. 21.");
        assert_eq!((d.year, d.month, d.day), (None, 10, 21));
        assert_eq!(
            spans("It happened on March 5, 2024 in Paris."),
            ["on March 5, 2024"]
        );
    }

    #[test]
    fn day_month_forms() {
        let d = cal("Schools stay shut till 31 June.");
        assert_eq!((d.year, d.month, d.day), (None, 6, 31));
        assert!(!d.is_possible());
        let d = cal("The record was set on 19 May 2016.");
        assert_eq!((d.year, d.month, d.day), (Some(2016), 5, 19));
        let d = cal("He left on the 5th of March.");
        assert_eq!((d.month, d.day), (3, 5));
        assert_eq!(
            spans("The Baltic ministers met on 6 March."),
            ["on 6 March"]
        );
        assert_eq!(
            spans("On 1 June and 2 June it rained."),
            ["On 1 June", "2 June"]
        );
    }

    #[test]
    fn date_lists_and_iso() {
        let s = exprs("The council meets on October 4 and 5.");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].0, "on October 4");
        assert_eq!(s[1].0, "5");
        let d = cal("Filed 2024-03-05 by the clerk.");
        assert_eq!((d.year, d.month, d.day), (Some(2024), 3, 5));
    }

    #[test]
    fn weekday_with_date() {
        let t = one("The vote was on Monday, March 5, 2024.");
        assert_eq!(
            &"The vote was on Monday, March 5, 2024."[t.span.clone()],
            "on Monday, March 5, 2024"
        );
        let TimeKind::Date(d) = t.kind else { panic!() };
        assert_eq!(d.weekday.map(|w| w.0), Some(Weekday::Monday));
        let d = cal("Campaigning began on Saturday, March 25, and ended later.");
        assert_eq!((d.year, d.month, d.day), (None, 3, 25));
        assert!(d.weekday.is_some());
        let d = cal("It opened on Saturday 25 March 2023.");
        assert_eq!((d.year, d.day), (Some(2023), 25));
    }

    #[test]
    fn not_dates() {
        assert!(exprs("The 2020-21 season ended 1-1 in June.").is_empty());
        assert!(exprs("In 2014 the workers stopped during 21 days.").is_empty());
        assert!(exprs("It opened in March 2024 with 5 May stalls.").len() <= 1);
        assert!(exprs("He may 5 times.").is_empty());
        assert!(exprs("Almost daily, for the time being, in June.").is_empty());
        assert!(exprs("Celebrations for the Fourth of July went ahead.").is_empty());
        assert!(exprs("The last presidential election and its last offer.").is_empty());
    }

    #[test]
    fn year_inference_takes_the_nearest_year() {
        let d = cal("It was on December 28.");
        assert_eq!(
            d.resolve(Some(date(2020, 1, 5))),
            Some((date(2019, 12, 28), true))
        );
        let d = cal("It was on October 21.");
        assert_eq!(
            d.resolve(Some(date(2020, 10, 15))),
            Some((date(2020, 10, 21), true))
        );
        assert_eq!(d.resolve(None), None);
        let d = cal("It was on February 29.");
        assert_eq!(d.resolve(Some(PUB)), Some((date(2020, 2, 29), true)));
        let d = cal("It was on January 3.");
        assert_eq!(
            d.readings(Some(date(2019, 12, 28))),
            [date(2020, 1, 3), date(2019, 1, 3)]
        );
        assert_eq!(
            cal("It was on March 3, 2018.").readings(None),
            [date(2018, 3, 3)]
        );
        let d = cal("It was on February 29, 2025.");
        assert!(!d.is_possible());
        assert_eq!(d.max_day(), 28);
    }

    #[test]
    fn bare_and_listed_weekdays() {
        let s = exprs("Police said on Wednesday that Friday and Saturday were calm.");
        assert_eq!(s[0].0, "on Wednesday");
        assert_eq!(
            s[1].1,
            TimeKind::Weekdays {
                days: vec![Weekday::Friday, Weekday::Saturday],
                either: false
            }
        );
        let t = one("The report is expected on Monday or Tuesday, officials said.");
        assert_eq!(t.category(), Some("weekday-choice"));
        assert_eq!(t.tense, Tense::Future);
        assert_eq!(
            t.resolve(Some(PUB)).unwrap().describe(),
            "November 11 or 12, 2019"
        );
        assert_eq!(
            spans("Comelec expected to proclaim them on Thursday or Friday, once done."),
            ["on Thursday or Friday"]
        );
        assert!(exprs("The museum opens late on Tuesdays and Saturdays.").is_empty());
        assert!(exprs("Shoppers crowded stores on Black Friday.").is_empty());
        assert_eq!(
            spans("Wednesday's announcement surprised many."),
            ["Wednesday's"]
        );
    }

    #[test]
    fn bare_weekday_resolution_follows_tense() {
        // Published on a Saturday: a past Wednesday is Nov 6, a future one Nov 13.
        assert_resolves(
            PUB,
            &[
                ("He resigned on Wednesday.", "November 6, 2019"),
                ("He will resign on Wednesday.", "November 13, 2019"),
                ("He resigned on Saturday.", "November 9, 2019"),
            ],
        );
    }

    #[test]
    fn relative_weekdays() {
        assert_resolves(
            PUB,
            &[
                ("He left last Tuesday.", "November 5, 2019"),
                ("He leaves next Tuesday.", "November 12, 2019"),
                ("He left this Monday.", "November 4, 2019"),
                ("He left last Saturday.", "November 2, 2019"),
                ("He left the past Tuesday.", "November 5, 2019"),
                ("He leaves the coming Tuesday.", "November 12, 2019"),
            ],
        );
        assert!(
            !spans("He left the Tuesday before.")
                .iter()
                .any(|s| s.starts_with("the"))
        );
        assert_eq!(one("He left last Tuesday.").category(), Some("weekday"));
    }

    #[test]
    fn relative_days() {
        assert_resolves(
            PUB,
            &[
                ("He spoke yesterday.", "November 8, 2019"),
                ("He speaks today.", "November 9, 2019"),
                ("He speaks tomorrow.", "November 10, 2019"),
                ("He speaks tonight.", "the night of November 9, 2019"),
                (
                    "It hit 50.3 degrees on day before yesterday.",
                    "November 7, 2019",
                ),
                ("They meet the day after tomorrow.", "November 11, 2019"),
                (
                    "Shots were fired last night.",
                    "the night of November 8, 2019",
                ),
            ],
        );
        assert_eq!(
            spans("It hit 50 degrees on day before yesterday."),
            ["on day before yesterday"]
        );
    }

    #[test]
    fn periods() {
        assert_resolves(
            PUB,
            &[
                ("It rained last week.", "the week of October 28, 2019"),
                ("It rains this week.", "the week of November 4, 2019"),
                ("Figures come next month.", "December 2019"),
                ("A survey last month showed it.", "October 2019"),
                (
                    "They met earlier this week.",
                    "earlier in the week of November 4, 2019",
                ),
                ("Hiring resumes later this year.", "later in 2019"),
                (
                    "Rain earlier this month helped.",
                    "earlier in November 2019",
                ),
                ("It was built last year.", "2018"),
                ("It closes next year.", "2020"),
                (
                    "They rest this weekend.",
                    "the weekend of November 9 and 10, 2019",
                ),
            ],
        );
        assert!(exprs("It was the last week of June.").is_empty());
        assert!(exprs("Over the next year prices rose.").is_empty());
        assert_eq!(one("Figures come next month.").category(), Some("period"));
    }

    #[test]
    fn seasons() {
        assert_resolves(
            date(2025, 9, 30),
            &[
                ("The review comes before next spring.", "spring 2026"),
                ("Fires burned last spring.", "spring 2025"),
                ("Fires burned last summer.", "summer 2025"),
                ("It snows next winter.", "winter 2025–26"),
            ],
        );
        assert_eq!(
            resolved("They will travel this summer.", date(2025, 5, 2)),
            "summer 2025"
        );
        assert!(exprs("Analysts expect this fall in prices to last.").is_empty());
    }

    #[test]
    fn day_of_last_month() {
        let t = one("Morales rigged the vote on the 20th of last month.");
        assert_eq!(t.category(), Some("day-of-month"));
        assert_eq!(t.resolve(Some(PUB)).unwrap().describe(), "October 20, 2019");
        assert_eq!(
            resolved(
                "The offer, presented the 28th of last month, stood.",
                date(2020, 10, 15)
            ),
            "September 28, 2020"
        );
        assert_eq!(
            resolved("It ends on the 3rd of next month.", PUB),
            "December 3, 2019"
        );
        // No 31st in October… of last month from December.
        assert_eq!(
            resolved("It was the 31st of last month.", date(2019, 12, 5)),
            ""
        );
    }

    #[test]
    fn ago_and_since() {
        assert_eq!(
            resolved("Two weeks ago, Bolivia erupted.", PUB),
            "about October 26, 2019"
        );
        assert_eq!(
            one("Two weeks ago, Bolivia erupted.")
                .resolve(Some(PUB))
                .unwrap()
                .adverbial(),
            "on or about October 26, 2019"
        );
        assert_resolves(
            PUB,
            &[
                ("It fell 3 days ago.", "November 6, 2019"),
                ("It fell a month ago.", "October 2019"),
                ("It fell twenty-one days ago.", "October 19, 2019"),
                ("It fell a couple of years ago.", "2017"),
                ("It fell a few days ago.", ""),
            ],
        );
        assert_eq!(one("It fell days ago.").category(), Some("vague"));
        let t = one("Streets have been fighting since 17 days.");
        assert_eq!(t.category(), Some("since"));
        assert_eq!(t.resolve(Some(PUB)).unwrap().describe(), "October 23, 2019");
        assert_eq!(
            spans("A strike continues since 11 days, the union said."),
            ["since 11 days"]
        );
        assert_eq!(
            spans("The heat persists since last 15 days."),
            ["since last 15 days"]
        );
        assert_eq!(spans("Prices rose since two weeks ago."), ["two weeks ago"]);
        assert!(exprs("He has ruled since 2006 and since then for 13 years.").is_empty());
    }

    #[test]
    fn vague() {
        assert_eq!(
            spans("He visited twice in recent days."),
            ["in recent days"]
        );
        assert_eq!(
            spans("It will continue in coming days."),
            ["in coming days"]
        );
        assert_eq!(
            spans("It will continue in the coming weeks."),
            ["in the coming weeks"]
        );
        assert_eq!(spans("Prices fell recently."), ["recently"]);
        assert_eq!(
            spans("It will end in the next few days."),
            ["in the next few days"]
        );
        assert!(exprs("The recently renovated galleries opened.").is_empty());
        assert!(exprs("In the last few days of the campaign he spoke.").is_empty());
        let t = one("It will continue in coming days.");
        assert_eq!(t.kind, TimeKind::Vague { future: true });
        assert_eq!(t.resolve(Some(PUB)), None);
    }

    #[test]
    fn tense_detection() {
        let t = |s: &str| one(s).tense;
        assert_eq!(
            t("The meeting took place on October 21 in Antofagasta."),
            Tense::Past
        );
        assert_eq!(t("She will be sworn in on June 30."), Tense::Future);
        assert_eq!(
            t("The council is scheduled to meet again on October 4."),
            Tense::Future
        );
        assert_eq!(t("The vote will be held on October 21."), Tense::Future);
        assert_eq!(
            t("Manitoba declared a state of emergency on May 28."),
            Tense::Past
        );
        assert_eq!(
            t("On October 21, the parties met in Antofagasta."),
            Tense::Past
        );
        assert_eq!(
            t("He will visit the flooded areas on Monday."),
            Tense::Future
        );
        assert_eq!(
            t(
                "The notice showed 412 positions being eliminated, with departures effective on March 20."
            ),
            Tense::Future
        );
        assert_eq!(t("The plan, with details on March 20."), Tense::Unknown);
        assert_eq!(
            t("Talks stalled, with days to go before it closes on August 31."),
            Tense::Unknown
        );
        assert_eq!(
            t("They asked the union to return on October 21."),
            Tense::Unknown
        );
        assert_eq!(t("They went to Paris on October 21."), Tense::Past);
        assert_eq!(t("Wednesday's announcement is the third."), Tense::Unknown);
    }

    #[test]
    fn quoted_expressions_are_marked() {
        let d = doc("\"We will march tomorrow,\" he said. He left yesterday.");
        let a = Analysis::new(&d);
        let q: Vec<bool> = a.times().iter().map(|t| t.quoted).collect();
        assert_eq!(q, [true, false]);
    }

    #[test]
    fn seed_article_forms() {
        let text = std::fs::read_to_string("tests/articles/bolivia-police.md").unwrap();
        let d = crate::document::Document::parse(
            "a.md",
            text.clone(),
            crate::document::Format::Markdown,
        );
        let a = Analysis::new(&d);
        let found: Vec<&str> = a.times().iter().map(|t| &text[t.span.clone()]).collect();
        for want in [
            "on the 20th of last month",
            "since 17 days",
            "Two weeks ago",
            "on Monday or Tuesday",
        ] {
            assert!(found.contains(&want), "{want} not in {found:?}");
        }
    }
}
