//! Calendar arithmetic and wording: month and weekday names, the dates a relative
//! expression stands for, and how a date or a run of dates is written.

use super::*;

pub(crate) const MONTHS: [&str; 12] = [
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
pub(crate) fn format_date(d: Date) -> String {
    let mut out = String::with_capacity(18);
    push_date(&mut out, d);
    out
}

/// Appends "October 20, 2019".
pub(super) fn push_date(out: &mut String, d: Date) {
    push_month_day(out, d);
    out.push_str(", ");
    out.push_str(itoa::Buffer::new().format(d.year()));
}

/// Appends "October 20".
pub(super) fn push_month_day(out: &mut String, d: Date) {
    out.push_str(MONTHS[d.month() as usize - 1]);
    out.push(' ');
    out.push_str(itoa::Buffer::new().format(d.day()));
}

/// "Tuesday".
pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS[w.to_monday_zero_offset() as usize]
}

/// Appends "November 11 or 12, 2019", "October 31 or November 1, 2019".
pub(super) fn push_dates(out: &mut String, dates: &[Date], conj: &str) {
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

pub(super) fn day_part_name(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "morning",
        DayPart::Afternoon => "afternoon",
        DayPart::Evening => "evening",
        DayPart::Night => "night",
    }
}

pub(super) fn season_name(s: Season, year: i16) -> String {
    match s {
        Season::Spring => format!("spring {year}"),
        Season::Summer => format!("summer {year}"),
        Season::Autumn => format!("autumn {year}"),
        Season::Winter => format!("winter {year}–{:02}", (year + 1).rem_euclid(100)),
    }
}

pub(super) fn monday_of(d: Date) -> Date {
    d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
        .unwrap_or(d)
}

/// Weekdays as a run: in the future (or present) the first named day on or after publication,
/// then the others after it; in the past, the last named day on or before publication, the
/// others before it. Wire copy dates the day of publication "on Wednesday" too.
pub(super) fn weekday_run(p: Date, days: &[Weekday], future: bool) -> Option<Vec<Date>> {
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
pub(super) fn relative_weekday(p: Date, w: Weekday, which: Which) -> Option<Date> {
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
pub(super) fn relative_season(
    p: Date,
    season: Season,
    which: Which,
    future: bool,
) -> (Season, i16) {
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
pub(super) fn back_from(p: Date, count: u32, unit: Unit) -> Option<Resolution> {
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
