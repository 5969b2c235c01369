//! Extraction: the time expressions of each sentence, found by matchers that each
//! recognise one shape (ISO dates, month-day, counts, vague references…) over a cursor.

use super::*;

pub(super) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Capitalised words before a weekday that make it a holiday or a name, not a date.
pub(super) const WEEKDAY_NAME_PREFIXES: &[&str] = &[
    "good", "black", "super", "ash", "cyber", "bloody", "easter", "palm", "holy", "maundy",
    "shrove", "giving", "whit", "low", "blue", "mail",
];
/// Capitalised words after a weekday that make it a name ("Sunday Times").
pub(super) const WEEKDAY_NAME_SUFFIXES: &[&str] = &[
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
pub(super) static DETERMINERS_SET: words::Lazy =
    words::Lazy::new(|| words::WordSet::new(DETERMINERS));
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those",
    "that",
];

/// The weekday a lower-case word names.
pub(super) fn weekday_of(w: &str) -> Option<Weekday> {
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
pub(super) fn small_number(w: &str) -> Option<u32> {
    crate::analysis::numbers::small_cardinal(w)
}

/// Lower-cased words, token kinds and sentence bounds, for the matchers.
pub(super) struct Cursor<'x, 'a> {
    pub(super) a: &'x Analysis<'a>,
    /// End (exclusive) of the current sentence's tokens.
    pub(super) end: usize,
    /// Start of the current sentence's tokens.
    pub(super) start: usize,
    /// The sentence's tokens (the first is token `start`).
    pub(super) tokens: &'x [Token],
    /// Where the sentence's tokens are in `lower_buf` (see `Analysis::lower`).
    pub(super) lower_at: &'x [(u32, u32)],
    pub(super) lower_buf: &'x str,
    /// [`CANDIDATE_WORDS`] and [`TENSE_WORDS`], fetched once per sentence rather than once
    /// per token.
    pub(super) candidate_words: &'static CandidateWords,
    pub(super) tense_words: &'static words::WordMap<TenseWord>,
}

impl<'x, 'a> Cursor<'x, 'a> {
    pub(super) fn new(a: &'x Analysis<'a>, sentence: &Sentence) -> Cursor<'x, 'a> {
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

    pub(super) fn w(&self, i: usize) -> &'x str {
        match self.lower_at.get(i.wrapping_sub(self.start)) {
            Some(&(start, end)) => &self.lower_buf[start as usize..end as usize],
            None => "",
        }
    }

    /// `w(i)` as bytes: for the per-token tests, which need no `str` (and so none of the
    /// UTF-8 boundary checks of slicing one).
    pub(super) fn bytes(&self, i: usize) -> &'x [u8] {
        match self.lower_at.get(i.wrapping_sub(self.start)) {
            Some(&(start, end)) => &self.lower_buf.as_bytes()[start as usize..end as usize],
            None => b"",
        }
    }
}

impl Cursor<'_, '_> {
    pub(super) fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }
    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i.wrapping_sub(self.start)).map(|t| t.kind)
    }
    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.tokens
            .get(i.wrapping_sub(self.start))
            .is_some_and(|t| t.capitalised)
    }
    pub(super) fn glued(&self, i: usize) -> bool {
        i < self.end && self.a.tokens[i].glued
    }
    /// Strips a possessive "'s" (Wednesday's, year's).
    pub(super) fn base(&self, i: usize) -> &str {
        let w = self.w(i);
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w)
    }

    /// A day of the month: `5`, `05`, `5th`, `21st` (1 to 31).
    pub(super) fn day(&self, i: usize) -> Option<i8> {
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
    pub(super) fn year(&self, i: usize) -> Option<i16> {
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
    pub(super) fn month(&self, i: usize) -> Option<(i8, usize)> {
        if self.kind(i) != Some(TokenKind::Word) || !self.capitalised(i) {
            return None;
        }
        // The lower-case word is the name in ASCII lower case exactly when the word is the
        // name in any ASCII case (no month name has the one letter, k, that a non-ASCII
        // capital lower-cases to).
        let w = self.w(i);
        let m = crate::analysis::numbers::month_number(w)?;
        let full = MONTHS[m as usize - 1].eq_ignore_ascii_case(w);
        let mut next = i + 1;
        if !full && self.is(next, ".") && self.glued(next) {
            next += 1;
        }
        Some((m, next))
    }

    /// A count: digits, number words ("two", "twenty-one"), "a"/"an", "a couple of"; vague
    /// counts ("a few", "several") give `None`. Returns (count, next).
    pub(super) fn count(&self, i: usize) -> Option<(Option<u32>, usize)> {
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
    pub(super) fn unit(&self, i: usize) -> Option<(Unit, u32, usize)> {
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

    pub(super) fn which(&self, i: usize) -> Option<Which> {
        match self.w(i) {
            "last" => Some(Which::Last),
            "this" => Some(Which::This),
            "next" => Some(Which::Next),
            _ => None,
        }
    }
}

/// What a matcher found: the kind and the token range it covers.
pub(super) type Found = (TimeKind, Range<usize>);

pub(super) fn match_iso(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) fn match_month_day(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) fn match_day_month(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) fn dates_out(
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
pub(super) fn match_weekday_date(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) fn match_day_of_month(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) fn match_day(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) fn match_period(c: &Cursor, i: usize) -> Vec<Found> {
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

/// last/next/this/this past/this coming/the past/the coming <weekday> ("the past Wednesday" is
/// how translated copy often writes "last Wednesday").
pub(super) fn match_relative_weekday(c: &Cursor, i: usize) -> Vec<Found> {
    let (which, j) = match (c.w(i), c.w(i + 1)) {
        ("this" | "the", "past") => (Which::Last, i + 2),
        ("this" | "the", "coming") => (Which::Next, i + 2),
        ("the", _) => return Vec::new(),
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
pub(super) fn match_count(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) fn match_vague(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) fn match_weekdays(c: &Cursor, i: usize) -> Vec<Found> {
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
pub(super) type Matcher = fn(&Cursor, usize) -> Vec<Found>;

/// The matchers, in order of preference: the first that finds something at a token wins.
/// Bit `k` of a [`candidates`] mask stands for `MATCHERS[k]`.
pub(super) const MATCHERS: [Matcher; 11] = [
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
pub(super) const ISO: u16 = 1 << 0;
pub(super) const WEEKDAY_DATE: u16 = 1 << 1;
pub(super) const MONTH_DAY: u16 = 1 << 2;
pub(super) const DAY_OF_MONTH: u16 = 1 << 3;
pub(super) const DAY_MONTH: u16 = 1 << 4;
pub(super) const DAY: u16 = 1 << 5;
pub(super) const PERIOD: u16 = 1 << 6;
pub(super) const RELATIVE_WEEKDAY: u16 = 1 << 7;
pub(super) const COUNT: u16 = 1 << 8;
pub(super) const VAGUE: u16 = 1 << 9;
pub(super) const WEEKDAYS_RUN: u16 = 1 << 10;

pub(in crate::analysis) fn extract(a: &Analysis) -> Vec<TimeExpr> {
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
pub(super) const THE: u32 = 1 << 16;
/// "in", "over", "during", "for", "within": "in recent days", "over the coming weeks".
pub(super) const PREP: u32 = 1 << 17;
/// A weekday name.
pub(super) const WEEKDAY: u32 = 1 << 18;
/// A month name or abbreviation.
pub(super) const MONTH: u32 = 1 << 19;
/// Read without its "'s" too: "yesterday's vote".
pub(super) const POSSESSIVE_DAY: u32 = 1 << 20;
/// A count ("a", "several", "two"): `match_count` finds something there only before a unit
/// ("two weeks"), or through "a few", "a couple of", "twenty-one".
pub(super) const COUNT_WORD: u32 = 1 << 21;
/// A plural unit: on its own, `match_count` finds something there only before "ago" ("days
/// ago").
pub(super) const PLURAL_UNIT: u32 = 1 << 22;

/// Every word at which some matcher may start, with the matchers (and [`candidates`]'s
/// flags): one look-up per token instead of a chain of string comparisons.
pub(super) struct CandidateWords {
    pub(super) bits: words::WordMap<u32>,
    /// The shapes (first byte and length) of those words and of the possessives [`candidates`]
    /// reads ("yesterday's", "Wednesday’s"): most words of an article have none of them, and
    /// this one test rules them out without a look-up.
    shapes: ShapeFilter,
}

pub(super) static CANDIDATE_WORDS: LazyLock<CandidateWords> = LazyLock::new(|| {
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
pub(super) fn candidate_entries() -> Vec<(&'static str, u32)> {
    let mut entries: Vec<(&'static str, u32)> = Vec::new();
    let mut add = |words: &[&'static str], bits: u32| {
        entries.extend(words.iter().map(|&w| (w, bits)));
    };
    add(&["the"], THE | u32::from(RELATIVE_WEEKDAY));
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
        .filter(|w| crate::analysis::numbers::month_number(w).is_some())
        .map(leak)
        .collect();
    add(&months, MONTH);
    // The number words `small_number` reads ("twenty-one" is two of them).
    let numbers: Vec<&'static str> = (0..100)
        .filter_map(crate::analysis::numbers::in_words)
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
pub(super) fn strip_possessive_bytes(w: &[u8]) -> Option<&[u8]> {
    w.strip_suffix(b"'s")
        .or_else(|| w.strip_suffix("’s".as_bytes()))
}

/// A cheap test to ask before [`candidates`]: false only for a token at which no matcher can
/// start, by its kind and, for a word, the shape of its lower case (at `start..end` of
/// `lower_buf`). Most tokens fail it.
#[inline]
pub(super) fn may_start(
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
pub(super) fn candidates(c: &Cursor, i: usize, t: &Token, w: &[u8]) -> u16 {
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
pub(super) fn finish(c: &Cursor, sentence: usize, kind: TimeKind, r: Range<usize>) -> TimeExpr {
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
