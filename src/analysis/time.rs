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

/// The tense of the clause an expression sits in (a heuristic: the nearest verb form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// "took place", "was held", "said", "has lifted".
    Past,
    /// "is", "are", "being", modals other than will/would.
    Present,
    /// "will", "would", "is expected to", "is scheduled for", "plans to".
    Future,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// `last`, `this`, `next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
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
pub enum Part {
    Early,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// A calendar date as written: "March 5, 2024", "5 March", "Tuesday, March 5", "2024-03-05".
/// The day may be impossible ("31 June"): see [`CalendarDate::max_day`].
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarDate {
    pub year: Option<i16>,
    pub month: i8,
    pub day: i8,
    /// A weekday written with the date ("Tuesday, March 5") and its span.
    pub weekday: Option<(Weekday, Range<usize>)>,
    /// The date without the weekday ("March 5, 2024").
    pub date_span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TimeKind {
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
    pub span: Range<usize>,
    /// The expression without that "on": where a replacement goes.
    pub core: Range<usize>,
    /// Token range of `span`.
    pub tokens: Range<usize>,
    pub sentence: usize,
    pub kind: TimeKind,
    /// Lower-case word right before `core` ("on", "since", "until", "for"…), if any.
    pub prep: Option<String>,
    pub tense: Tense,
    /// The word that decided the tense ("took", "will", "expected").
    pub tense_marker: Option<Range<usize>>,
    /// Inside quotation marks.
    pub quoted: bool,
}

impl TimeExpr {
    /// The family of a relative or vague expression, as rule sets name it: `day`, `period`,
    /// `weekday`, `ago`, `since`, `day-of-month`, `weekday-choice`, `vague`. `None` for
    /// absolute dates and bare weekdays.
    pub fn category(&self) -> Option<&'static str> {
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
    pub fn resolve(&self, published: Option<Date>) -> Option<Resolution> {
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
    pub fn max_day(&self) -> i8 {
        match self.year {
            Some(y) => Date::new(y, self.month, 1).map_or(31, |d| d.days_in_month()),
            None if self.month == 2 => 29,
            None => Date::new(2001, self.month, 1).map_or(31, |d| d.days_in_month()),
        }
    }

    pub fn is_possible(&self) -> bool {
        self.day >= 1 && self.day <= self.max_day()
    }

    /// The date meant, and whether its year was inferred from `published` (the nearest year
    /// in which the date exists). `None` if impossible, or yearless with no publication date.
    pub fn resolve(&self, published: Option<Date>) -> Option<(Date, bool)> {
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
    pub fn readings(&self, published: Option<Date>) -> Vec<Date> {
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
pub enum Resolution {
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
    pub fn describe(&self) -> String {
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
    pub fn adverbial(&self) -> String {
        self.adverbial_of(self.describe())
    }

    /// [`adverbial`](Self::adverbial), given what [`describe`](Self::describe) says.
    pub fn adverbial_of(&self, described: String) -> String {
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

    /// The first and last days covered.
    pub fn bounds(&self) -> (Date, Date) {
        let day = |d: Date, n: i64| d.checked_add(n.days()).unwrap_or(d);
        match self {
            Resolution::Day { date, .. } | Resolution::About(date) => (*date, *date),
            Resolution::Days { dates, .. } => (
                dates.first().copied().unwrap_or(Date::MIN),
                dates.last().copied().unwrap_or(Date::MAX),
            ),
            Resolution::Week { monday, .. } => (*monday, day(*monday, 6)),
            Resolution::Weekend(sat) => (*sat, day(*sat, 1)),
            Resolution::Month { first, .. } => (*first, first.last_of_month()),
            Resolution::Year { year, .. } => (
                Date::new(*year, 1, 1).unwrap_or(Date::MIN),
                Date::new(*year, 12, 31).unwrap_or(Date::MAX),
            ),
            Resolution::Season { season, year, .. } => {
                let start = Date::new(*year, season_start(*season), 1).unwrap_or(Date::MIN);
                let end = start
                    .checked_add(3.months())
                    .and_then(|d| d.yesterday())
                    .unwrap_or(start);
                (start, end)
            }
        }
    }
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "October 20, 2019".
pub fn format_date(d: Date) -> String {
    let mut out = String::with_capacity(18);
    push_date(&mut out, d);
    out
}

/// Appends "October 20, 2019".
fn push_date(out: &mut String, d: Date) {
    push_month_day(out, d);
    out.push_str(", ");
    out.push_str(itoa::Buffer::new().format(d.year()));
}

/// Appends "October 20".
fn push_month_day(out: &mut String, d: Date) {
    out.push_str(MONTHS[d.month() as usize - 1]);
    out.push(' ');
    out.push_str(itoa::Buffer::new().format(d.day()));
}

/// "Tuesday".
pub fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS[w.to_monday_zero_offset() as usize]
}

/// Appends "November 11 or 12, 2019", "October 31 or November 1, 2019".
fn push_dates(out: &mut String, dates: &[Date], conj: &str) {
    let Some(first) = dates.first() else {
        return;
    };
    let same_year = dates.iter().all(|d| d.year() == first.year());
    let same_month = same_year && dates.iter().all(|d| d.month() == first.month());
    for (i, d) in dates.iter().enumerate() {
        if i + 1 == dates.len() && i > 0 {
            out.push(' ');
            out.push_str(conj);
            out.push(' ');
        } else if i > 0 {
            out.push_str(", ");
        }
        if same_month && i > 0 {
            out.push_str(itoa::Buffer::new().format(d.day()));
        } else if same_year {
            push_month_day(out, *d);
        } else {
            push_date(out, *d);
        }
    }
    if same_year {
        out.push_str(", ");
        out.push_str(itoa::Buffer::new().format(first.year()));
    }
}

fn day_part_name(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "morning",
        DayPart::Afternoon => "afternoon",
        DayPart::Evening => "evening",
        DayPart::Night => "night",
    }
}

fn season_start(s: Season) -> i8 {
    match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Autumn => 9,
        Season::Winter => 12,
    }
}

fn season_name(s: Season, year: i16) -> String {
    match s {
        Season::Spring => format!("spring {year}"),
        Season::Summer => format!("summer {year}"),
        Season::Autumn => format!("autumn {year}"),
        Season::Winter => format!("winter {year}–{:02}", (year + 1).rem_euclid(100)),
    }
}

fn monday_of(d: Date) -> Date {
    d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
        .unwrap_or(d)
}

/// Weekdays as a run: in the future (or present) the first named day on or after publication,
/// then the others after it; in the past, the last named day on or before publication, the
/// others before it. Wire copy dates the day of publication "on Wednesday" too.
fn weekday_run(p: Date, days: &[Weekday], future: bool) -> Option<Vec<Date>> {
    let mut dates = Vec::with_capacity(days.len());
    if future {
        let mut d = p
            .checked_add(i64::from(p.weekday().until(*days.first()?)).days())
            .ok()?;
        dates.push(d);
        for w in &days[1..] {
            d = d
                .checked_add(i64::from(d.weekday().until(*w)).days())
                .ok()?;
            dates.push(d);
        }
    } else {
        let mut d = p
            .checked_sub(i64::from(p.weekday().since(*days.last()?)).days())
            .ok()?;
        dates.push(d);
        for w in days[..days.len() - 1].iter().rev() {
            d = d
                .checked_sub(i64::from(d.weekday().since(*w)).days())
                .ok()?;
            dates.push(d);
        }
        dates.reverse();
    }
    Some(dates)
}

/// "last Tuesday": the latest Tuesday before publication; "next Tuesday": the first after it;
/// "this Tuesday": the Tuesday of the publication week (Monday to Sunday).
fn relative_weekday(p: Date, w: Weekday, which: Which) -> Option<Date> {
    let n = match which {
        Which::Last => -i64::from(match p.weekday().since(w) {
            0 => 7,
            n => n,
        }),
        Which::Next => i64::from(match p.weekday().until(w) {
            0 => 7,
            n => n,
        }),
        Which::This => {
            i64::from(w.to_monday_zero_offset()) - i64::from(p.weekday().to_monday_zero_offset())
        }
    };
    p.checked_add(n.days()).ok()
}

/// Seasons are numbered year*4 + index, winter counted from its December.
fn relative_season(p: Date, season: Season, which: Which, future: bool) -> (Season, i16) {
    let index = |s: Season| match s {
        Season::Spring => 0,
        Season::Summer => 1,
        Season::Autumn => 2,
        Season::Winter => 3,
    };
    let (cur_season, cur_year) = match p.month() {
        3..=5 => (Season::Spring, p.year()),
        6..=8 => (Season::Summer, p.year()),
        9..=11 => (Season::Autumn, p.year()),
        12 => (Season::Winter, p.year()),
        _ => (Season::Winter, p.year() - 1),
    };
    let cur = i32::from(cur_year) * 4 + index(cur_season);
    let target = index(season);
    let next = (cur + 1..)
        .find(|n| n.rem_euclid(4) == target)
        .unwrap_or(cur);
    let last = (0..cur)
        .rev()
        .find(|n| n.rem_euclid(4) == target)
        .unwrap_or(cur);
    let n = match which {
        Which::Next => next,
        Which::Last => last,
        Which::This if cur.rem_euclid(4) == target => cur,
        Which::This if next - cur < cur - last || (next - cur == cur - last && future) => next,
        Which::This => last,
    };
    (season, n.div_euclid(4) as i16)
}

/// `count` units before `p`: days are exact, weeks approximate ("on or about"), months and
/// years name the month or year.
fn back_from(p: Date, count: u32, unit: Unit) -> Option<Resolution> {
    let n = i64::from(count);
    Some(match unit {
        Unit::Day => Resolution::Day {
            date: p.checked_sub(n.days()).ok()?,
            part: None,
        },
        Unit::Week | Unit::Weekend => Resolution::About(p.checked_sub(n.weeks()).ok()?),
        Unit::Month => Resolution::Month {
            first: p.checked_sub(n.months()).ok()?.first_of_month(),
            part: None,
        },
        Unit::Year => Resolution::Year {
            year: p.year().checked_sub(i16::try_from(count).ok()?)?,
            part: None,
        },
    })
}

// ---------------------------------------------------------------------------------------------
// Extraction

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Capitalised words before a weekday that make it a holiday or a name, not a date.
const WEEKDAY_NAME_PREFIXES: &[&str] = &[
    "good", "black", "super", "ash", "cyber", "bloody", "easter", "palm", "holy", "maundy",
    "shrove", "giving", "whit", "low", "blue", "mail",
];
/// Capitalised words after a weekday that make it a name ("Sunday Times").
const WEEKDAY_NAME_SUFFIXES: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "herald",
    "post",
    "mail",
    "independent",
    "school",
    "league",
];

/// Determiners before "recently" make it descriptive ("the recently renovated galleries").
static DETERMINERS_SET: words::Lazy = words::Lazy::new(|| words::WordSet::new(DETERMINERS));
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those",
    "that",
];

/// The weekday a lower-case word names.
fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// One, two … ninety; "twenty-one" is handled by the caller (hyphen tokens).
fn small_number(w: &str) -> Option<u32> {
    super::numbers::small_cardinal(w)
}

/// Lower-cased words, token kinds and sentence bounds, for the matchers.
struct Cursor<'x, 'a> {
    a: &'x Analysis<'a>,
    /// End (exclusive) of the current sentence's tokens.
    end: usize,
    /// Start of the current sentence's tokens.
    start: usize,
    /// The sentence's tokens (the first is token `start`).
    tokens: &'x [Token],
    /// Where the sentence's tokens are in `lower_buf` (see `Analysis::lower`).
    lower_at: &'x [(u32, u32)],
    lower_buf: &'x str,
    /// [`CANDIDATE_WORDS`] and [`TENSE_WORDS`], fetched once per sentence rather than once
    /// per token.
    candidate_words: &'static CandidateWords,
    tense_words: &'static words::WordMap<TenseWord>,
}

impl<'x, 'a> Cursor<'x, 'a> {
    fn new(a: &'x Analysis<'a>, sentence: &Sentence) -> Cursor<'x, 'a> {
        let tokens = sentence.tokens.clone();
        Cursor {
            a,
            start: tokens.start,
            end: tokens.end,
            tokens: &a.tokens[tokens.clone()],
            lower_at: &a.lower_at[tokens],
            lower_buf: &a.lower_buf,
            candidate_words: &CANDIDATE_WORDS,
            tense_words: &TENSE_WORDS,
        }
    }

    fn w(&self, i: usize) -> &'x str {
        match self.lower_at.get(i.wrapping_sub(self.start)) {
            Some(&(start, end)) => &self.lower_buf[start as usize..end as usize],
            None => "",
        }
    }

    /// `w(i)` as bytes: for the per-token tests, which need no `str` (and so none of the
    /// UTF-8 boundary checks of slicing one).
    fn bytes(&self, i: usize) -> &'x [u8] {
        match self.lower_at.get(i.wrapping_sub(self.start)) {
            Some(&(start, end)) => &self.lower_buf.as_bytes()[start as usize..end as usize],
            None => b"",
        }
    }
}

impl Cursor<'_, '_> {
    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i.wrapping_sub(self.start)).map(|t| t.kind)
    }
    fn capitalised(&self, i: usize) -> bool {
        self.tokens
            .get(i.wrapping_sub(self.start))
            .is_some_and(|t| t.capitalised)
    }
    fn glued(&self, i: usize) -> bool {
        i < self.end && self.a.tokens[i].glued
    }
    /// Strips a possessive "'s" (Wednesday's, year's).
    fn base(&self, i: usize) -> &str {
        let w = self.w(i);
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w)
    }

    /// A day of the month: `5`, `05`, `5th`, `21st` (1 to 31).
    fn day(&self, i: usize) -> Option<i8> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let w = self.w(i);
        let digits: &str = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            || digits.is_empty()
            || digits.len() > 2
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        // "5:30", "5%", "5/6" are not days; "on April 31: the parade" is (a colon is a time's
        // only when a figure follows it).
        if self.glued(i + 1)
            && match self.w(i + 1) {
                ":" => self.glued(i + 2) && self.kind(i + 2) == Some(TokenKind::Number),
                "%" | "/" => true,
                _ => false,
            }
        {
            return None;
        }
        let n: i8 = digits.parse().ok()?;
        (1..=31).contains(&n).then_some(n)
    }

    /// A four-digit year, 1000 to 2999, not part of "2020-21" or "2024s".
    fn year(&self, i: usize) -> Option<i16> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let w = self.w(i);
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if self.glued(i + 1) && matches!(self.w(i + 1), "-" | "–" | "/") && self.glued(i + 2) {
            return None;
        }
        let y: i16 = w.parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    }

    /// A capitalised month name or abbreviation (with its period). Returns (month, next).
    fn month(&self, i: usize) -> Option<(i8, usize)> {
        if self.kind(i) != Some(TokenKind::Word) || !self.capitalised(i) {
            return None;
        }
        // The lower-case word is the name in ASCII lower case exactly when the word is the
        // name in any ASCII case (no month name has the one letter, k, that a non-ASCII
        // capital lower-cases to).
        let w = self.w(i);
        let m = super::numbers::month_number(w)?;
        let full = MONTHS[m as usize - 1].eq_ignore_ascii_case(w);
        let mut next = i + 1;
        if !full && self.is(next, ".") && self.glued(next) {
            next += 1;
        }
        Some((m, next))
    }

    /// A count: digits, number words ("two", "twenty-one"), "a"/"an", "a couple of"; vague
    /// counts ("a few", "several") give `None`. Returns (count, next).
    fn count(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let w = self.w(i);
        if self.kind(i) == Some(TokenKind::Number) {
            return w.parse::<u32>().ok().map(|n| (Some(n), i + 1));
        }
        match w {
            "a" | "an" if self.is(i + 1, "few") => return Some((None, i + 2)),
            "a" if self.is(i + 1, "couple") && self.is(i + 2, "of") => {
                return Some((Some(2), i + 3));
            }
            "a" | "an" => return Some((Some(1), i + 1)),
            "few" | "several" | "some" | "many" => return Some((None, i + 1)),
            _ => {}
        }
        let n = small_number(w)?;
        if n >= 20
            && self.is(i + 1, "-")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some(u) = small_number(self.w(i + 2)).filter(|u| (1..10).contains(u))
        {
            return Some((Some(n + u), i + 3));
        }
        Some((Some(n), i + 1))
    }

    /// day(s), week(s), fortnight(s), month(s), year(s). Returns (unit, multiplier, next).
    fn unit(&self, i: usize) -> Option<(Unit, u32, usize)> {
        let (u, m) = match self.bytes(i) {
            b"day" | b"days" => (Unit::Day, 1),
            b"week" | b"weeks" => (Unit::Week, 1),
            b"fortnight" | b"fortnights" => (Unit::Week, 2),
            b"month" | b"months" => (Unit::Month, 1),
            b"year" | b"years" => (Unit::Year, 1),
            _ => return None,
        };
        Some((u, m, i + 1))
    }

    fn which(&self, i: usize) -> Option<Which> {
        match self.w(i) {
            "last" => Some(Which::Last),
            "this" => Some(Which::This),
            "next" => Some(Which::Next),
            _ => None,
        }
    }
}

/// What a matcher found: the kind and the token range it covers.
type Found = (TimeKind, Range<usize>);

fn match_iso(c: &Cursor, i: usize) -> Vec<Found> {
    let w = c.w(i);
    let y: Option<i16> = (c.kind(i) == Some(TokenKind::Number)
        && w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit()))
    .then(|| w.parse().ok())
    .flatten();
    let ok = y.is_some()
        && c.is(i + 1, "-")
        && c.glued(i + 1)
        && c.glued(i + 2)
        && c.is(i + 3, "-")
        && c.glued(i + 3)
        && c.glued(i + 4);
    let two = |j: usize| -> Option<i8> {
        let w = c.w(j);
        (c.kind(j) == Some(TokenKind::Number)
            && w.len() == 2
            && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
    };
    if !ok {
        return Vec::new();
    }
    let (Some(month), Some(day)) = (two(i + 2), two(i + 4)) else {
        return Vec::new();
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Vec::new();
    }
    let span = c.a.tokens[i].span.start..c.a.tokens[i + 4].span.end;
    vec![(
        TimeKind::Date(CalendarDate {
            year: y,
            month,
            day,
            weekday: None,
            date_span: span,
        }),
        i..i + 5,
    )]
}

/// "March 5", "March 5, 2024", "Oct. 4 and 5", "March 5th 2024".
fn match_month_day(c: &Cursor, i: usize) -> Vec<Found> {
    let Some((month, j)) = c.month(i) else {
        return Vec::new();
    };
    let Some(day) = c.day(j) else {
        return Vec::new();
    };
    let mut days = vec![(day, j)];
    let mut k = j + 1;
    // A second day: "October 4 and 5", "March 5-7".
    if matches!(c.w(k), "and" | "or" | "-" | "–" | "to" | "through")
        && let Some(d2) = c.day(k + 1)
        && d2 > day
    {
        days.push((d2, k + 1));
        k += 2;
    }
    let mut year = None;
    let comma = usize::from(c.is(k, ","));
    if let Some(y) = c.year(k + comma) {
        year = Some(y);
        k += comma + 1;
    }
    dates_out(c, month, &days, year, i, k)
}

/// "5 March", "5 March 2024", "the 5th of March", "1 and 2 June".
fn match_day_month(c: &Cursor, i: usize) -> Vec<Found> {
    let first = i;
    let j = if c.is(i, "the") { i + 1 } else { i };
    // The cheap test first: what follows a day is a second day's conjunction, "of" or a
    // (capitalised) month.
    if !(c.capitalised(j + 1) || matches!(c.w(j + 1), "and" | "or" | "-" | "–" | "to" | "of")) {
        return Vec::new();
    }
    let Some(day) = c.day(j) else {
        return Vec::new();
    };
    // Not a figure glued to something before it ("1-1 draw", "$5").
    if j > c.start
        && c.glued(j)
        && matches!(
            c.w(j - 1),
            "-" | "–" | "/" | "$" | "€" | "£" | "." | ":" | "+" | "#"
        )
    {
        return Vec::new();
    }
    let mut days = vec![(day, j)];
    let mut k = j + 1;
    if matches!(c.w(k), "and" | "or" | "-" | "–" | "to")
        && let Some(d2) = c.day(k + 1)
        && d2 > day
        && (c.month(k + 2).is_some() || (c.is(k + 2, "of") && c.month(k + 3).is_some()))
    {
        days.push((d2, k + 1));
        k += 2;
    }
    if c.is(k, "of") {
        k += 1;
    } else if j != i {
        // "the 5 March" is not a form; "the 5th of March" is.
        return Vec::new();
    }
    let Some((month, next)) = c.month(k) else {
        return Vec::new();
    };
    k = next;
    let mut year = None;
    let comma = usize::from(c.is(k, ","));
    if let Some(y) = c.year(k + comma) {
        year = Some(y);
        k += comma + 1;
    }
    dates_out(c, month, &days, year, first, k)
}

/// One `Date` per listed day; the first covers the leading words, the last the year.
fn dates_out(
    c: &Cursor,
    month: i8,
    days: &[(i8, usize)],
    year: Option<i16>,
    first: usize,
    end: usize,
) -> Vec<Found> {
    let span = |r: Range<usize>| c.a.tokens[r.start].span.start..c.a.tokens[r.end - 1].span.end;
    days.iter()
        .enumerate()
        .map(|(n, &(day, tok))| {
            let only = days.len() == 1;
            // "October 4" and "5, 2022" of "October 4 and 5, 2022"; "1" and "2 June".
            let r = if only {
                first..end
            } else if n == 0 {
                first..tok + 1
            } else {
                tok..end
            };
            (
                TimeKind::Date(CalendarDate {
                    year,
                    month,
                    day,
                    weekday: None,
                    date_span: span(r.clone()),
                }),
                r,
            )
        })
        .collect()
}

/// "Tuesday, March 5, 2024", "Saturday 25 March".
fn match_weekday_date(c: &Cursor, i: usize) -> Vec<Found> {
    let Some(wd) = (c.capitalised(i) && c.kind(i) == Some(TokenKind::Word))
        .then(|| weekday_of(c.w(i)))
        .flatten()
    else {
        return Vec::new();
    };
    let j = i + 1 + usize::from(c.is(i + 1, ","));
    let mut found = match_month_day(c, j);
    if found.is_empty() {
        found = match_day_month(c, j);
    }
    let Some((TimeKind::Date(d), r)) = found.first_mut() else {
        return Vec::new();
    };
    d.weekday = Some((wd, c.a.tokens[i].span.clone()));
    r.start = i;
    found
}

/// "the 20th of last month", "the 5th of this month".
fn match_day_of_month(c: &Cursor, i: usize) -> Vec<Found> {
    let j = if c.is(i, "the") { i + 1 } else { i };
    // The cheap test first: most figures are not followed by "of".
    if !c.is(j + 1, "of") {
        return Vec::new();
    }
    let Some(day) = c.day(j) else {
        return Vec::new();
    };
    let Some(which) = c.which(j + 2) else {
        return Vec::new();
    };
    if c.base(j + 3) != "month" {
        return Vec::new();
    }
    vec![(TimeKind::DayOfMonth { day, which }, i..j + 4)]
}

/// yesterday, today, tonight, tomorrow, (the) day before yesterday, (the) day after tomorrow,
/// last night, this morning/afternoon/evening.
fn match_day(c: &Cursor, i: usize) -> Vec<Found> {
    let j = if c.is(i, "the") { i + 1 } else { i };
    if c.is(j, "day") && matches!(c.w(j + 1), "before" | "after") {
        let offset = match (c.w(j + 1), c.base(j + 2)) {
            ("before", "yesterday") => -2,
            ("after", "tomorrow") => 2,
            _ => return Vec::new(),
        };
        return vec![(TimeKind::Day { offset, part: None }, i..j + 3)];
    }
    let (offset, part, len) = match (c.base(i), c.w(i + 1)) {
        ("yesterday", _) => (-1, None, 1),
        ("today", _) => (0, None, 1),
        ("tonight", _) => (0, Some(DayPart::Night), 1),
        ("tomorrow", _) => (1, None, 1),
        ("last", "night") => (-1, Some(DayPart::Night), 2),
        ("this", "morning") => (0, Some(DayPart::Morning), 2),
        ("this", "afternoon") => (0, Some(DayPart::Afternoon), 2),
        ("this", "evening") => (0, Some(DayPart::Evening), 2),
        _ => return Vec::new(),
    };
    if len == 2 && c.is(i.wrapping_sub(1), "the") {
        return Vec::new();
    }
    vec![(TimeKind::Day { offset, part }, i..i + len)]
}

/// [earlier|later|early|late] last/this/next week/weekend/month/year/season.
fn match_period(c: &Cursor, i: usize) -> Vec<Found> {
    let part = match c.w(i) {
        "earlier" | "early" => Some(Part::Early),
        "later" | "late" => Some(Part::Late),
        _ => None,
    };
    let j = i + usize::from(part.is_some());
    let Some(which) = c.which(j) else {
        return Vec::new();
    };
    // "the last week of June", "the next year", "that next week" are not relative to today.
    if part.is_none() && j > c.start && DETERMINERS_SET.contains(c.w(j - 1)) {
        return Vec::new();
    }
    let unit = c.base(j + 1);
    let kind = match unit {
        "week" => TimeKind::Period {
            unit: Unit::Week,
            which,
            part,
        },
        "weekend" => TimeKind::Period {
            unit: Unit::Weekend,
            which,
            part,
        },
        "month" => TimeKind::Period {
            unit: Unit::Month,
            which,
            part,
        },
        "year" => TimeKind::Period {
            unit: Unit::Year,
            which,
            part,
        },
        "spring" | "summer" | "autumn" | "fall" | "winter" => {
            // "this fall in prices" is a drop, not a season.
            if unit == "fall" && matches!(c.w(j + 2), "in" | "of" | "from" | "to" | "by") {
                return Vec::new();
            }
            let season = match unit {
                "spring" => Season::Spring,
                "summer" => Season::Summer,
                "winter" => Season::Winter,
                _ => Season::Autumn,
            };
            TimeKind::Season {
                season,
                which,
                part,
            }
        }
        _ => return Vec::new(),
    };
    // "this week's" (possessive) is as relative as "this week".
    vec![(kind, i..j + 2)]
}

/// last/next/this/this past/this coming <weekday>.
fn match_relative_weekday(c: &Cursor, i: usize) -> Vec<Found> {
    let (which, j) = match (c.w(i), c.w(i + 1)) {
        ("this", "past") => (Which::Last, i + 2),
        ("this", "coming") => (Which::Next, i + 2),
        ("coming", _) => (Which::Next, i + 1),
        _ => match c.which(i) {
            Some(w) => (w, i + 1),
            None => return Vec::new(),
        },
    };
    if !c.capitalised(j) {
        return Vec::new();
    }
    let Some(day) = weekday_of(c.base(j)) else {
        return Vec::new();
    };
    if i > c.start && DETERMINERS_SET.contains(c.w(i - 1)) && c.w(i) != "this" {
        return Vec::new();
    }
    vec![(TimeKind::RelativeWeekday { day, which }, i..j + 1)]
}

/// N units ago; "since N units" (not followed by "ago").
fn match_count(c: &Cursor, i: usize) -> Vec<Found> {
    let since = c.is(i, "since");
    let mut j = i + usize::from(since);
    if since && matches!(c.w(j), "last" | "past") {
        j += 1;
    } else if since && c.is(j, "the") && matches!(c.w(j + 1), "last" | "past") {
        j += 2;
    }
    // A figure is a count of the unit right after it: most figures are not.
    if c.kind(j) == Some(TokenKind::Number) && c.unit(j + 1).is_none() {
        return Vec::new();
    }
    let (count, k) = match c.count(j) {
        Some(x) => x,
        // "days ago", "weeks ago": a unit with no count.
        None if !since && c.unit(j).is_some() && c.w(j).ends_with('s') => (None, j),
        None => return Vec::new(),
    };
    let Some((unit, mult, k)) = c.unit(k) else {
        return Vec::new();
    };
    // "years ago", "many years ago" are background, not a date to pin down.
    if count.is_none() && unit == Unit::Year {
        return Vec::new();
    }
    let count = match count {
        Some(n) => match n.checked_mul(mult) {
            Some(n) => Some(n),
            None => return Vec::new(),
        },
        None => None,
    };
    if c.is(k, "ago") {
        // "since two weeks ago" is English; the relative part is "two weeks ago".
        let start = if since { i + 1 } else { i };
        return vec![(TimeKind::Ago { count, unit }, start..k + 1)];
    }
    if since {
        return vec![(TimeKind::SinceDuration { count, unit }, i..k)];
    }
    Vec::new()
}

/// recently, lately, in recent days/weeks/months, in (the) coming days/weeks/months, in the
/// next/past/last few days/weeks, in the days/weeks ahead, in the near future, the other day.
fn match_vague(c: &Cursor, i: usize) -> Vec<Found> {
    let w = c.w(i);
    if matches!(w, "recently" | "lately") {
        if i > c.start && DETERMINERS_SET.contains(c.w(i - 1)) {
            return Vec::new();
        }
        return vec![(TimeKind::Vague { future: false }, i..i + 1)];
    }
    if w == "the" && c.is(i + 1, "other") && c.is(i + 2, "day") {
        return vec![(TimeKind::Vague { future: false }, i..i + 3)];
    }
    let prep = matches!(w, "in" | "over" | "during" | "for" | "within");
    let mut j = i + usize::from(prep);
    let the = c.is(j, "the");
    j += usize::from(the);
    let units = |k: usize| matches!(c.w(k), "days" | "weeks" | "months" | "years" | "decades");
    let future = match (c.w(j), c.w(j + 1)) {
        ("recent", _) if units(j + 1) => {
            j += 2;
            false
        }
        ("coming", _) if units(j + 1) => {
            j += 2;
            true
        }
        ("next" | "past" | "last", "few") if prep && the && units(j + 2) => {
            let future = c.is(j, "next");
            j += 3;
            future
        }
        ("days" | "weeks" | "months", "ahead") if prep && the => {
            j += 2;
            true
        }
        ("near", "future") if prep && the => {
            j += 2;
            true
        }
        _ => return Vec::new(),
    };
    // "in the last few days of the campaign" is anchored elsewhere.
    if c.is(j, "of") {
        return Vec::new();
    }
    vec![(TimeKind::Vague { future }, i..j)]
}

/// Weekdays not written with a date: "on Monday", "Wednesday's", "Friday and Saturday",
/// "Monday or Tuesday", "Monday, Tuesday or Wednesday".
fn match_weekdays(c: &Cursor, i: usize) -> Vec<Found> {
    let day_at = |k: usize| -> Option<Weekday> {
        if c.kind(k) != Some(TokenKind::Word) || !c.capitalised(k) {
            return None;
        }
        weekday_of(c.base(k))
    };
    let Some(first) = day_at(i) else {
        return Vec::new();
    };
    if i > c.start && c.capitalised(i - 1) && WEEKDAY_NAME_PREFIXES.contains(&c.w(i - 1)) {
        return Vec::new();
    }
    if c.capitalised(i + 1) && WEEKDAY_NAME_SUFFIXES.contains(&c.w(i + 1)) {
        return Vec::new();
    }
    let mut days = vec![first];
    let mut k = i + 1;
    let mut either = false;
    loop {
        if c.is(k, ",") && day_at(k + 1).is_some() {
            days.push(day_at(k + 1).unwrap_or(first));
            k += 2;
            continue;
        }
        if matches!(c.w(k), "or" | "and")
            && let Some(d) = day_at(k + 1)
        {
            either = c.is(k, "or");
            days.push(d);
            k += 2;
        }
        break;
    }
    vec![(TimeKind::Weekdays { days, either }, i..k)]
}

/// A matcher: the expressions it finds starting at a token.
type Matcher = fn(&Cursor, usize) -> Vec<Found>;

/// The matchers, in order of preference: the first that finds something at a token wins.
/// Bit `k` of a [`candidates`] mask stands for `MATCHERS[k]`.
const MATCHERS: [Matcher; 11] = [
    match_iso,
    match_weekday_date,
    match_month_day,
    match_day_of_month,
    match_day_month,
    match_day,
    match_period,
    match_relative_weekday,
    match_count,
    match_vague,
    match_weekdays,
];
const ISO: u16 = 1 << 0;
const WEEKDAY_DATE: u16 = 1 << 1;
const MONTH_DAY: u16 = 1 << 2;
const DAY_OF_MONTH: u16 = 1 << 3;
const DAY_MONTH: u16 = 1 << 4;
const DAY: u16 = 1 << 5;
const PERIOD: u16 = 1 << 6;
const RELATIVE_WEEKDAY: u16 = 1 << 7;
const COUNT: u16 = 1 << 8;
const VAGUE: u16 = 1 << 9;
const WEEKDAYS_RUN: u16 = 1 << 10;

pub(super) fn extract(a: &Analysis) -> Vec<TimeExpr> {
    let mut out = Vec::with_capacity(a.sentences.len() / 2);
    for (si, s) in a.sentences.iter().enumerate() {
        let c = Cursor::new(a, s);
        let lower_buf = c.lower_buf.as_bytes();
        // Tokens before `next` are in an expression found already.
        let mut next = s.tokens.start;
        for (k, (t, &at)) in c.tokens.iter().zip(c.lower_at).enumerate() {
            let i = s.tokens.start + k;
            if i < next || !may_start(c.candidate_words, t, lower_buf, at) {
                continue;
            }
            let mut mask = candidates(&c, i, t, &lower_buf[at.0 as usize..at.1 as usize]);
            let mut found = Vec::new();
            while mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                found = MATCHERS[k](&c, i);
                if !found.is_empty() {
                    break;
                }
            }
            if let Some(last) = found.iter().map(|(_, r)| r.end).max() {
                for (kind, r) in found {
                    out.push(finish(&c, si, kind, r));
                }
                next = last;
            }
        }
    }
    out
}

/// What [`candidates`] reads a word for, beyond the mask of matchers it may start: flags
/// above the matcher bits.
const THE: u32 = 1 << 16;
/// "in", "over", "during", "for", "within": "in recent days", "over the coming weeks".
const PREP: u32 = 1 << 17;
/// A weekday name.
const WEEKDAY: u32 = 1 << 18;
/// A month name or abbreviation.
const MONTH: u32 = 1 << 19;
/// Read without its "'s" too: "yesterday's vote".
const POSSESSIVE_DAY: u32 = 1 << 20;
/// A count ("a", "several", "two"): `match_count` finds something there only before a unit
/// ("two weeks"), or through "a few", "a couple of", "twenty-one".
const COUNT_WORD: u32 = 1 << 21;
/// A plural unit: on its own, `match_count` finds something there only before "ago" ("days
/// ago").
const PLURAL_UNIT: u32 = 1 << 22;

/// Every word at which some matcher may start, with the matchers (and [`candidates`]'s
/// flags): one look-up per token instead of a chain of string comparisons.
struct CandidateWords {
    bits: words::WordMap<u32>,
    /// The shapes (first byte and length) of those words and of the possessives [`candidates`]
    /// reads ("yesterday's", "Wednesday’s"): most words of an article have none of them, and
    /// this one test rules them out without a look-up.
    shapes: ShapeFilter,
}

static CANDIDATE_WORDS: LazyLock<CandidateWords> = LazyLock::new(|| {
    let entries = candidate_entries();
    let mut shapes = ShapeFilter::default();
    for &(w, bits) in &entries {
        shapes.insert(w);
        if bits & (POSSESSIVE_DAY | WEEKDAY) != 0 {
            shapes.insert(format!("{w}'s"));
            shapes.insert(format!("{w}’s"));
        }
    }
    CandidateWords {
        bits: words::WordMap::new(entries),
        shapes,
    }
});

/// The words of [`CANDIDATE_WORDS`], each once, with its bits.
fn candidate_entries() -> Vec<(&'static str, u32)> {
    let mut entries: Vec<(&'static str, u32)> = Vec::new();
    let mut add = |words: &[&'static str], bits: u32| {
        entries.extend(words.iter().map(|&w| (w, bits)));
    };
    add(&["the"], THE);
    add(&["in", "over", "during", "for", "within"], PREP);
    add(&["day"], u32::from(DAY));
    add(
        &["yesterday", "today", "tonight", "tomorrow"],
        u32::from(DAY) | POSSESSIVE_DAY,
    );
    add(
        &["last", "this"],
        u32::from(DAY | PERIOD | RELATIVE_WEEKDAY) | POSSESSIVE_DAY,
    );
    add(&["next"], u32::from(PERIOD | RELATIVE_WEEKDAY));
    add(&["earlier", "early", "later", "late"], u32::from(PERIOD));
    add(&["coming"], u32::from(RELATIVE_WEEKDAY | VAGUE));
    add(&["since"], u32::from(COUNT));
    add(&["a", "an", "few", "several", "some", "many"], COUNT_WORD);
    // "days ago": a unit with no count.
    add(
        &["days", "weeks", "fortnights", "months", "years"],
        PLURAL_UNIT,
    );
    add(&["recently", "lately", "recent"], u32::from(VAGUE));
    // Leaked once for the table, which lives as long as the program: only words kept in the
    // table are leaked, so every leaked string stays reachable (LeakSanitizer stays quiet).
    let leak = |w: String| -> &'static str { Box::leak(w.into_boxed_str()) };
    let lower = |w: &str| leak(w.to_lowercase());
    let weekdays: Vec<&'static str> = WEEKDAYS.iter().map(|w| lower(w)).collect();
    add(&weekdays, WEEKDAY);
    // Month names and the abbreviations `month_number` reads: their first letters.
    let months: Vec<&'static str> = MONTHS
        .iter()
        .flat_map(|m| (3..=m.len()).map(|n| m[..n].to_lowercase()))
        .filter(|w| super::numbers::month_number(w).is_some())
        .map(leak)
        .collect();
    add(&months, MONTH);
    // The number words `small_number` reads ("twenty-one" is two of them).
    let numbers: Vec<&'static str> = (0..100)
        .filter_map(super::numbers::in_words)
        .filter(|w| small_number(w).is_some())
        .map(|w| lower(&w))
        .collect();
    add(&numbers, COUNT_WORD);
    // A word in several lists ("may" is a month; none other yet) gets every list's bits.
    let mut merged: Vec<(&'static str, u32)> = Vec::new();
    for (w, bits) in entries {
        match merged.iter_mut().find(|(m, _)| *m == w) {
            Some((_, b)) => *b |= bits,
            None => merged.push((w, bits)),
        }
    }
    merged
}

/// The word without a possessive "'s" (Wednesday's, year's), if it has one.
fn strip_possessive_bytes(w: &[u8]) -> Option<&[u8]> {
    w.strip_suffix(b"'s")
        .or_else(|| w.strip_suffix("’s".as_bytes()))
}

/// A cheap test to ask before [`candidates`]: false only for a token at which no matcher can
/// start, by its kind and, for a word, the shape of its lower case (at `start..end` of
/// `lower_buf`). Most tokens fail it.
#[inline]
fn may_start(
    candidate_words: &CandidateWords,
    t: &Token,
    lower_buf: &[u8],
    (start, end): (u32, u32),
) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => false,
        TokenKind::Word => candidate_words
            .shapes
            .may_contain(&lower_buf[start as usize..end as usize]),
    }
}

/// The matchers that can find something at token `i`, as a mask over `MATCHERS`. Each
/// matcher starts on a number, a capitalised month or weekday, or one of a few words ("the",
/// "last", "since", "in", a number word, a unit…): most tokens need none of them, and most of
/// the others one or two. It must never leave out a matcher that would match there: keep it
/// (and [`CANDIDATE_WORDS`]) in step with them. `t` is the token, `w` its lower case.
fn candidates(c: &Cursor, i: usize, t: &Token, w: &[u8]) -> u16 {
    let candidate_words = c.candidate_words;
    if t.kind == TokenKind::Punct {
        return 0;
    }
    if t.kind == TokenKind::Number {
        // What follows a figure says which matchers can start at it, and most figures are
        // followed by none of these: "2024-03-05", "5 of", "5 March", "5 and 6", "5 days".
        let next = c.w(i + 1);
        let mut mask = 0;
        if next == "-" {
            mask |= ISO;
        }
        if next == "of" {
            mask |= DAY_OF_MONTH;
        }
        if c.capitalised(i + 1) || matches!(next, "and" | "or" | "-" | "–" | "to" | "of") {
            mask |= DAY_MONTH;
        }
        if c.unit(i + 1).is_some() {
            mask |= COUNT;
        }
        return mask;
    }
    let bits = candidate_words.bits.get_bytes(w).unwrap_or(0);
    // The low bits are matchers.
    let mut mask = bits as u16;
    if bits & THE != 0 {
        // "the 5th of March", "the day before yesterday", "the other day", "the coming days":
        // what follows "the" says which can match ("the" is the commonest word).
        let next = c.w(i + 1);
        if c.kind(i + 1) == Some(TokenKind::Number) {
            mask |= DAY_OF_MONTH | DAY_MONTH;
        }
        if next == "day" {
            mask |= DAY;
        }
        if matches!(next, "other" | "recent" | "coming") {
            mask |= VAGUE;
        }
    }
    if bits & PREP != 0 && matches!(c.w(i + 1), "the" | "recent" | "coming") {
        mask |= VAGUE;
    }
    // Most counts and units are not the start of "two weeks ago" or "days ago".
    if bits & COUNT_WORD != 0
        && (c.unit(i + 1).is_some() || matches!(c.w(i + 1), "few" | "couple" | "-"))
    {
        mask |= COUNT;
    }
    if bits & PLURAL_UNIT != 0 && c.is(i + 1, "ago") {
        mask |= COUNT;
    }
    if t.capitalised {
        if bits & WEEKDAY != 0 {
            mask |= WEEKDAY_DATE | WEEKDAYS_RUN;
        }
        if bits & MONTH != 0 {
            mask |= MONTH_DAY;
        }
    }
    // "yesterday's vote": `match_day` reads the word without its "'s", and so does
    // `match_weekdays` ("Wednesday's").
    if let Some(base) = strip_possessive_bytes(w) {
        let base_bits = candidate_words.bits.get_bytes(base).unwrap_or(0);
        if base_bits & POSSESSIVE_DAY != 0 {
            mask |= DAY;
        }
        if t.capitalised && base_bits & WEEKDAY != 0 {
            mask |= WEEKDAYS_RUN;
        }
    }
    mask
}

/// Adds the span, a preceding "on", the preposition, quoting and tense.
fn finish(c: &Cursor, sentence: usize, kind: TimeKind, r: Range<usize>) -> TimeExpr {
    let toks = &c.a.tokens;
    let core = toks[r.start].span.start..toks[r.end - 1].span.end;
    let has_on = r.start > c.start && c.is(r.start - 1, "on");
    let first = if has_on { r.start - 1 } else { r.start };
    let prep = (r.start > c.start && c.kind(r.start - 1) == Some(TokenKind::Word))
        .then(|| c.w(r.start - 1).to_string());
    let (tense, marker) = tense_of(c, first, r.end);
    TimeExpr {
        span: toks[first].span.start..core.end,
        core,
        tokens: first..r.end,
        sentence,
        kind,
        prep,
        tense,
        tense_marker: marker.map(|m| toks[m].span.clone()),
        quoted: toks[r.clone()].iter().any(|t| t.quoted),
    }
}

// ---------------------------------------------------------------------------------------------
// Tense

#[derive(Clone, Copy, PartialEq)]
enum Strength {
    /// A finite auxiliary or modal: decides.
    Strong,
    /// A past form that may be a participle or adjective ("declared", "held"): used when no
    /// strong marker is found in the clause.
    Weak,
}

const FUTURE_MARKERS: &[&str] = &[
    "will",
    "shall",
    "would",
    "expected",
    "expects",
    "expect",
    "expecting",
    "scheduled",
    "schedule",
    "due",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "aims",
    "hopes",
    "upcoming",
    "slated",
    "likely",
    "poised",
    "effective",
    "forecast",
    "tomorrow",
];
const PRESENT_MARKERS: &[&str] = &[
    "is", "are", "am", "being", "can", "could", "may", "might", "must", "should",
];
/// Past forms that are never participles.
const PAST_ONLY: &[&str] = &[
    "was",
    "were",
    "did",
    "took",
    "went",
    "came",
    "began",
    "rose",
    "fell",
    "gave",
    "saw",
    "ran",
    "spoke",
    "wrote",
    "drove",
    "flew",
    "grew",
    "knew",
    "threw",
    "chose",
    "drew",
    "ate",
    "broke",
    "forgot",
    "stole",
    "swore",
    "tore",
    "wore",
    "woke",
    "yesterday",
];
/// Is this lower-case word a past participle ("indicted", "held", "taken")? A guess from the
/// ending and a list of irregular forms.
pub fn is_past_participle(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed")) || PAST_PARTICIPLES.contains(&w)
}

/// Past forms that double as participles ("was held", "will be held").
const PAST_PARTICIPLES: &[&str] = &[
    "held",
    "met",
    "said",
    "told",
    "made",
    "left",
    "won",
    "lost",
    "found",
    "paid",
    "sold",
    "sent",
    "brought",
    "built",
    "kept",
    "led",
    "taken",
    "given",
    "seen",
    "gone",
    "begun",
    "risen",
    "fallen",
    "broken",
    "spoken",
    "written",
    "driven",
    "known",
    "chosen",
    "drawn",
    "struck",
    "fought",
    "bought",
    "caught",
    "taught",
    "thought",
    "felt",
    "heard",
    "meant",
    "stood",
    "understood",
    "sought",
    "spent",
    "lent",
    "shot",
    "fled",
    "slept",
];
/// "-ed" words that are not past tense, or that look forward.
const NOT_PAST_ED: &[&str] = &[
    "red",
    "bed",
    "shed",
    "hundred",
    "united",
    "limited",
    "based",
    "advanced",
    "indeed",
    "need",
    "speed",
    "feed",
    "seed",
    "breed",
    "greed",
    "creed",
    "proceed",
    "succeed",
    "exceed",
    "embed",
    "proposed",
    "supposed",
    "detailed",
    "sacred",
    "naked",
    "wicked",
    "rugged",
    "beloved",
    "crooked",
    "wretched",
    "armed",
    "aged",
    "ragged",
    "learned",
    "skilled",
    "qualified",
];

/// Which of the tense word lists a word is in (the first, in the order `marker` asks).
#[derive(Clone, Copy, PartialEq)]
enum Listed {
    Future,
    Present,
    /// has, have, had.
    Perfect,
    PastOnly,
    Participle,
    NotPastEd,
}

/// What [`scan_clause`] needs to know of a word from its lists, in one look-up: `marker` and
/// `clause_break` run for each word of the clause before every time expression.
#[derive(Clone, Copy, Default)]
struct TenseWord {
    /// The first tense list the word is in, in the order `marker` asks.
    listed: Option<Listed>,
    /// In [`CLAUSE_BREAKS`].
    clause_break: bool,
}

static TENSE_WORDS: LazyLock<words::WordMap<TenseWord>> = LazyLock::new(|| {
    // In the order `marker` asks: the first list a word is in wins.
    let lists: [(&[&'static str], Listed); 6] = [
        (FUTURE_MARKERS, Listed::Future),
        (PRESENT_MARKERS, Listed::Present),
        (&["has", "have", "had"], Listed::Perfect),
        (PAST_ONLY, Listed::PastOnly),
        (PAST_PARTICIPLES, Listed::Participle),
        (NOT_PAST_ED, Listed::NotPastEd),
    ];
    let mut entries: Vec<(&'static str, TenseWord)> = Vec::new();
    for (words, list) in lists {
        for &w in words {
            if !entries.iter().any(|(e, _)| *e == w) {
                let listed = Some(list);
                entries.push((
                    w,
                    TenseWord {
                        listed,
                        clause_break: false,
                    },
                ));
            }
        }
    }
    for &w in CLAUSE_BREAKS {
        match entries.iter_mut().find(|(e, _)| *e == w) {
            Some((_, t)) => t.clause_break = true,
            None => entries.push((
                w,
                TenseWord {
                    listed: None,
                    clause_break: true,
                },
            )),
        }
    }
    words::WordMap::new(entries)
});

/// Word `i` (lower case) and the lists it is in.
#[inline]
fn tense_word<'x>(c: &Cursor<'x, '_>, i: usize) -> (&'x [u8], TenseWord) {
    let w = c.bytes(i);
    (w, c.tense_words.get_bytes(w).unwrap_or_default())
}

fn marker(c: &Cursor, i: usize) -> Option<(Tense, Strength)> {
    let (w, word) = tense_word(c, i);
    marker_listed(c, i, w, word.listed)
}

/// [`marker`] of word `i`, `w` in lower case, which is in tense list `listed`.
fn marker_listed(
    c: &Cursor,
    i: usize,
    w: &[u8],
    listed: Option<Listed>,
) -> Option<(Tense, Strength)> {
    if listed == Some(Listed::Future) || w.ends_with(b"'ll") || w.ends_with("’ll".as_bytes()) {
        return Some((Tense::Future, Strength::Strong));
    }
    if matches!(w, b"going" | b"set") && matches!(c.bytes(i + 1), b"to" | b"for") {
        return Some((Tense::Future, Strength::Strong));
    }
    match listed {
        Some(Listed::Present) => return Some((Tense::Present, Strength::Strong)),
        Some(Listed::Perfect) => {
            // "has to", "have to" are obligations, not perfects.
            return Some(if c.is(i + 1, "to") {
                (Tense::Present, Strength::Strong)
            } else {
                (Tense::Past, Strength::Strong)
            });
        }
        Some(Listed::PastOnly) => return Some((Tense::Past, Strength::Strong)),
        _ => {}
    }
    let participle = listed == Some(Listed::Participle)
        || (listed != Some(Listed::NotPastEd)
            && w.len() >= 4
            && w.ends_with(b"ed")
            && (!w.ends_with(b"eed")
                || matches!(w, b"agreed" | b"freed" | b"decreed" | b"guaranteed")));
    if !participle || c.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    // Passive or perfect: the auxiliary before it decides ("will be held", "was held").
    let prev = if i > c.start { c.bytes(i - 1) } else { b"" };
    match prev {
        b"be" | b"been" | b"being" | b"is" | b"are" | b"am" | b"was" | b"were" | b"has"
        | b"have" | b"had" => None,
        p if DETERMINERS_SET.contains_bytes(p) => None,
        _ => Some((Tense::Past, Strength::Weak)),
    }
}

/// Punctuation and subordinators that start a clause.
const CLAUSE_BREAKS: &[&str] = &[
    ",", ";", ":", "—", "–", "(", ")", "\"", "“", "”", "before", "after", "until", "till", "when",
    "while", "because", "if", "once", "unless", "although", "though", "whether", "which", "who",
    "where",
];

/// Where a clause starts, for a backward scan: punctuation, subordinators ("before it closes",
/// "which"), and an infinitive "to" ("asked them to return"). `w`: word `i` in lower case;
/// `in_list`: it is in [`CLAUSE_BREAKS`].
fn clause_break(c: &Cursor, i: usize, w: &[u8], in_list: bool) -> bool {
    if in_list {
        return true;
    }
    w == b"to"
        && c.kind(i + 1) == Some(TokenKind::Word)
        && !c.capitalised(i + 1)
        && !DETERMINERS_SET.contains_bytes(c.bytes(i + 1))
}

/// Tense of the clause around tokens `first..end`: the nearest strong marker before the
/// expression in its clause, else a weak one there, else the same after the expression.
fn tense_of(c: &Cursor, first: usize, end: usize) -> (Tense, Option<usize>) {
    let quoted = c.a.tokens[first].quoted;
    if let Some((t, i)) = scan_clause(c, quoted, (c.start..first).rev()) {
        return (t, Some(i));
    }
    // "On October 21, the parties met": look past the comma that ends the expression.
    // A present tense after the expression usually has it as subject ("Wednesday's
    // announcement is…"): that says nothing about when.
    let from = end + usize::from(c.is(end, ","));
    if let Some((t, i)) = scan_clause(c, quoted, from..c.end).filter(|(t, _)| *t != Tense::Present)
    {
        return (t, Some(i));
    }
    (Tense::Unknown, None)
}

/// The tense marker nearest the start of `range` (tokens in the order to look at them) in the
/// clause and quotation (`quoted` or not) it starts in: a strong one, else the first weak one.
fn scan_clause(
    c: &Cursor,
    quoted: bool,
    range: impl Iterator<Item = usize>,
) -> Option<(Tense, usize)> {
    let mut weak = None;
    for i in range {
        let (w, word) = tense_word(c, i);
        if clause_break(c, i, w, word.clause_break) || c.a.tokens[i].quoted != quoted {
            // "expected to announce", "scheduled to meet": the verb before "to" looks
            // forward; any other ("asked them to return") leaves the time open.
            if c.is(i, "to")
                && i > c.start
                && let Some((Tense::Future, _)) = marker(c, i - 1)
            {
                return Some((Tense::Future, i - 1));
            }
            break;
        }
        match marker_listed(c, i, w, word.listed) {
            Some((t, Strength::Strong)) => return Some((t, i)),
            Some((t, Strength::Weak)) if weak.is_none() => weak = Some((t, i)),
            _ => {}
        }
    }
    weak
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
        assert_eq!(
            resolved("He resigned on Wednesday.", PUB),
            "November 6, 2019"
        );
        assert_eq!(
            resolved("He will resign on Wednesday.", PUB),
            "November 13, 2019"
        );
        assert_eq!(
            resolved("He resigned on Saturday.", PUB),
            "November 9, 2019"
        );
    }

    #[test]
    fn relative_weekdays() {
        assert_eq!(resolved("He left last Tuesday.", PUB), "November 5, 2019");
        assert_eq!(
            resolved("He leaves next Tuesday.", PUB),
            "November 12, 2019"
        );
        assert_eq!(resolved("He left this Monday.", PUB), "November 4, 2019");
        assert_eq!(resolved("He left last Saturday.", PUB), "November 2, 2019");
        assert_eq!(one("He left last Tuesday.").category(), Some("weekday"));
    }

    #[test]
    fn relative_days() {
        assert_eq!(resolved("He spoke yesterday.", PUB), "November 8, 2019");
        assert_eq!(resolved("He speaks today.", PUB), "November 9, 2019");
        assert_eq!(resolved("He speaks tomorrow.", PUB), "November 10, 2019");
        assert_eq!(
            resolved("He speaks tonight.", PUB),
            "the night of November 9, 2019"
        );
        assert_eq!(
            resolved("It hit 50.3 degrees on day before yesterday.", PUB),
            "November 7, 2019"
        );
        assert_eq!(
            spans("It hit 50 degrees on day before yesterday."),
            ["on day before yesterday"]
        );
        assert_eq!(
            resolved("They meet the day after tomorrow.", PUB),
            "November 11, 2019"
        );
        assert_eq!(
            resolved("Shots were fired last night.", PUB),
            "the night of November 8, 2019"
        );
    }

    #[test]
    fn periods() {
        assert_eq!(
            resolved("It rained last week.", PUB),
            "the week of October 28, 2019"
        );
        assert_eq!(
            resolved("It rains this week.", PUB),
            "the week of November 4, 2019"
        );
        assert_eq!(resolved("Figures come next month.", PUB), "December 2019");
        assert_eq!(
            resolved("A survey last month showed it.", PUB),
            "October 2019"
        );
        assert_eq!(
            resolved("They met earlier this week.", PUB),
            "earlier in the week of November 4, 2019"
        );
        assert_eq!(
            resolved("Hiring resumes later this year.", PUB),
            "later in 2019"
        );
        assert_eq!(
            resolved("Rain earlier this month helped.", PUB),
            "earlier in November 2019"
        );
        assert_eq!(resolved("It was built last year.", PUB), "2018");
        assert_eq!(resolved("It closes next year.", PUB), "2020");
        assert_eq!(
            resolved("They rest this weekend.", PUB),
            "the weekend of November 9 and 10, 2019"
        );
        assert!(exprs("It was the last week of June.").is_empty());
        assert!(exprs("Over the next year prices rose.").is_empty());
        assert_eq!(one("Figures come next month.").category(), Some("period"));
    }

    #[test]
    fn seasons() {
        let p = date(2025, 9, 30);
        assert_eq!(
            resolved("The review comes before next spring.", p),
            "spring 2026"
        );
        assert_eq!(resolved("Fires burned last spring.", p), "spring 2025");
        assert_eq!(resolved("Fires burned last summer.", p), "summer 2025");
        assert_eq!(resolved("It snows next winter.", p), "winter 2025–26");
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
        assert_eq!(resolved("It fell 3 days ago.", PUB), "November 6, 2019");
        assert_eq!(resolved("It fell a month ago.", PUB), "October 2019");
        assert_eq!(
            resolved("It fell twenty-one days ago.", PUB),
            "October 19, 2019"
        );
        assert_eq!(resolved("It fell a couple of years ago.", PUB), "2017");
        assert_eq!(resolved("It fell a few days ago.", PUB), "");
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
