//! `ordinal-anchor`: one thing given two ordinals counted from the same point, whatever the
//! noun of its synonym group ("the second landslide since March" … "this third landslip since
//! March"), or days of one event that put its start on different weekdays.
//!
//! It reads the fact model (`analysis::facts`) and stays silent without evidence that both
//! figures are about one thing.

use super::support::count_facts::no_options;
use super::support::numeric;
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::facts::{Fact, FactKind, VOCAB};
use crate::analysis::lexical;
use crate::analysis::time::{TimeExpr, TimeKind};
use crate::diagnostic::Diagnostic;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "ordinal-anchor",
        include_str!("../../docs/kinds/ordinal-anchor.md"),
    ),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(OrdinalAnchor))
    },
};

struct OrdinalAnchor;

const HYPOTHETICAL: &[&str] = &[
    "next",
    "another",
    "possible",
    "potential",
    "would",
    "could",
    "might",
    "will",
    "any",
    "if",
    "a",
    "an",
    "avoid",
    "prevent",
    "risk",
    "threat",
    "threatened",
    "threatens",
    "fear",
    "fears",
];

fn hypothetical(a: &Analysis, f: &Fact) -> bool {
    let q = &a.quantities()[f.quantity];
    let s = &a.sentences[f.sentence];
    let from = q.tokens.start.saturating_sub(4).max(s.tokens.start);
    // "a third landslide" is a new one; "the third", "this third", "its third" refer.
    (from..q.tokens.start).any(|i| HYPOTHETICAL.contains(&a.lower(i)))
}

/// The point an ordinal is counted from, reduced: "since march on the road" → "march";
/// "since the talks began" → "the talks".
fn anchor(since: &str) -> String {
    let words: Vec<&str> = since.split(' ').collect();
    // A year dates the point whatever the words around it: "since it opened in 2019" is
    // "since 2019".
    if let Some(year) = words
        .iter()
        .take(6)
        .find(|w| w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1800..=2100).contains(&y)))
    {
        return (*year).to_string();
    }
    let take = if matches!(words[0], "the" | "its" | "their" | "his" | "her") {
        2
    } else {
        1
    };
    words[..take.min(words.len())].join(" ")
}

/// An ordinal day of an event and the weekday it falls on.
struct EventDay<'f> {
    fact: &'f Fact,
    event: String,
    /// The weekday of the event's first day (0 = Monday).
    start: i64,
    weekday: jiff::civil::Weekday,
}

fn event_days<'f>(
    a: &Analysis,
    facts: &'f [Fact],
    published: Option<jiff::civil::Date>,
) -> Vec<EventDay<'f>> {
    let mut out = Vec::new();
    for f in facts.iter().filter(|f| f.kind == FactKind::Ordinal) {
        if f.noun.as_deref() != Some("day")
            || hypothetical(a, f)
            || !(1.0..=60.0).contains(&f.value)
        {
            continue;
        }
        let s = &a.sentences[f.sentence];
        // The event: "the sixth day of the stoppage", else a noun of a synonym group with
        // other members in the sentence ("the walkout entered its fourth day").
        let event =
            f.of.clone()
                .map(|o| VOCAB.group(&o).to_string())
                .or_else(|| s.tokens.clone().find_map(|i| event_noun(a, i)));
        let Some(event) = event else { continue };
        // One weekday in the sentence, and no other date.
        let days: Vec<jiff::civil::Weekday> = a
            .times()
            .iter()
            .filter(|t| t.sentence == f.sentence)
            .flat_map(|t| match t.bare_weekdays() {
                Some(days) if days.len() == 1 => days.to_vec(),
                _ => vec![jiff::civil::Weekday::Sunday, jiff::civil::Weekday::Sunday],
            })
            .collect();
        // No weekday: "this fourth day of action" is the day of publication.
        let q = &a.quantities()[f.quantity];
        let this = q.tokens.start > s.tokens.start
            && matches!(a.lower(q.tokens.start - 1), "this" | "today's");
        let weekday = match (&days[..], published) {
            ([w], _) => *w,
            ([], Some(p)) if this => p.weekday(),
            _ => continue,
        };
        let n = f.value as i64;
        let start = (i64::from(weekday.to_monday_zero_offset()) - (n - 1)).rem_euclid(7);
        out.push(EventDay {
            fact: f,
            event,
            start,
            weekday,
        });
    }
    out
}

/// The synonym group of token `i` when it is a noun of an event that lasts days: a stoppage
/// ("walkout", "strike") or a protest ("demonstrations", "sit-in").
fn event_noun(a: &Analysis, i: usize) -> Option<String> {
    let l = lexical::lemma_of_lower(a.lower(i));
    VOCAB
        .group_of
        .get(l.as_ref())
        .filter(|g| matches!(g.as_str(), "stoppage" | "protest"))
        .cloned()
}

/// "the protests began on Sept. 28" … "The protests, now in their 12th day" (published on
/// Oct. 14, the 17th): the day an event has reached, said of the present ("now in its",
/// "this", "entered its"), against the date it began. A day either way is allowed (whether
/// the first day counts).
fn days_since_a_dated_start(
    a: &Analysis,
    facts: &[Fact],
    published: jiff::civil::Date,
    reported: &mut Vec<std::ops::Range<usize>>,
    out: &mut Vec<Diagnostic>,
) {
    // Starts: a date an event began on (`started_event`).
    let mut starts: Vec<(String, jiff::civil::Date, std::ops::Range<usize>)> = Vec::new();
    for t in a.times() {
        let TimeKind::Date(d) = &t.kind else { continue };
        let Some(event) = started_event(a, t) else {
            continue;
        };
        // A date without its year is the last one on or before publication.
        let year = d.year.map_or(published.year(), i16::from);
        let Ok(mut date) = jiff::civil::Date::new(year, d.month, d.day) else {
            continue;
        };
        if d.year.is_none() && date > published {
            let Ok(earlier) = jiff::civil::Date::new(year - 1, d.month, d.day) else {
                continue;
            };
            date = earlier;
        }
        starts.push((event, date, t.span.clone()));
    }
    for f in facts.iter().filter(|f| f.kind == FactKind::Ordinal) {
        if f.noun.as_deref() != Some("day") || f.quoted || reported.contains(&f.span) {
            continue;
        }
        let q = &a.quantities()[f.quantity];
        let s = &a.sentences[f.sentence];
        let back =
            |k: usize| (q.tokens.start >= s.tokens.start + k).then(|| a.lower(q.tokens.start - k));
        let now = back(1) == Some("this")
            || (matches!(back(1), Some("its" | "their"))
                && matches!(back(2), Some("in" | "entered" | "enters" | "entering"))
                && (back(3) == Some("now") || back(2) != Some("in")));
        if !now || a.times().iter().any(|t| t.sentence == f.sentence) {
            continue;
        }
        let Some(event) = s.tokens.clone().find_map(|i| event_noun(a, i)) else {
            continue;
        };
        let same: Vec<_> = starts.iter().filter(|(e, ..)| *e == event).collect();
        let [(_, start, span)] = same[..] else {
            continue;
        };
        let Ok(days) = start.until((jiff::Unit::Day, published)) else {
            continue;
        };
        let expected = i64::from(days.get_days()) + 1;
        let n = f.value as i64;
        if expected < 2 || (expected - 1..=expected + 1).contains(&n) {
            continue;
        }
        let l = a.slice(f.span.clone());
        out.push(
            Diagnostic::new(
                f.span.clone(),
                format!(
                    "'{l}' day, but from {} to {} it is the {}",
                    start.strftime("%B %-d"),
                    published.strftime("%B %-d, %Y"),
                    numeric::ordinal_name(expected as f64)
                ),
            )
            .with_primary_label(format!("{l} day here"))
            .with_label(span.clone(), "the first day")
            .with_help("count the days again from the first one"),
        );
        reported.push(f.span.clone());
    }
}

/// The event that began at time `t`: a verb of starting right before it ("began on
/// Wednesday", "started on Sept. 28", its "on" included), and the event's synonym group, the
/// noun of a lasting event nearest before the verb ("the walkout, which began on …").
fn started_event(a: &Analysis, t: &TimeExpr) -> Option<String> {
    let s = &a.sentences[t.sentence];
    let at = t.tokens.start;
    let verb = (at.saturating_sub(2).max(s.tokens.start)..at).find(|&i| {
        matches!(
            a.lower(i),
            "began" | "started" | "begun" | "launched" | "erupted"
        )
    })?;
    (s.tokens.start..verb).rev().find_map(|i| event_noun(a, i))
}

/// Event starts: "the walkout, which began on Wednesday", "the strike started on Monday": a
/// noun of the stoppage group, "began" or "started", and one weekday right after it.
fn event_starts(a: &Analysis) -> Vec<(usize, String, i64, jiff::civil::Weekday)> {
    let mut out = Vec::new();
    for t in a.times() {
        // A weekday alone, or with its date ("began on Wednesday, October 9").
        let day = match (t.bare_weekdays(), &t.kind) {
            (Some(&[day]), _) => day,
            (None, TimeKind::Date(d)) => match &d.weekday {
                Some((w, _)) => *w,
                None => continue,
            },
            _ => continue,
        };
        if let Some(event) = started_event(a, t) {
            out.push((
                t.tokens.start,
                event,
                i64::from(day.to_monday_zero_offset()),
                day,
            ));
        }
    }
    out
}

/// Nouns too general to say which thing an ordinal ranks.
const GENERIC: &[&str] = &[
    "time", "day", "week", "month", "year", "one", "quarter", "half", "place", "round", "phase",
    "stage", "part", "floor", "deck", "lap", "leg", "set", "game", "goal", "minute",
];

/// The synonym groups of what an ordinal ranks: its noun and its "of" noun ("the third state
/// of emergency", "this third delay of the plenary"), and for "postponed for the second
/// time" the event of the verb.
fn ranked(a: &Analysis, f: &Fact) -> Vec<String> {
    // Days (weeks…) of an event move on with the calendar: the weekday checks read them.
    if matches!(
        f.noun.as_deref(),
        Some("day" | "night" | "week" | "month" | "year" | "hour")
    ) {
        return Vec::new();
    }
    let mut out: Vec<String> = [f.noun.as_deref(), f.of.as_deref()]
        .into_iter()
        .flatten()
        .filter(|n| !GENERIC.contains(n))
        .map(|n| VOCAB.group(n).to_string())
        .collect();
    let q = &a.quantities()[f.quantity];
    let s = &a.sentences[f.sentence];
    if f.noun.as_deref() == Some("time")
        && q.tokens.start >= s.tokens.start + 2
        && a.lower(q.tokens.start - 1) == "the"
        && a.lower(q.tokens.start - 2) == "for"
    {
        let from = q.tokens.start.saturating_sub(5).max(s.tokens.start);
        if let Some(g) = (from..q.tokens.start - 2).find_map(|i| event_verb(a, i, q.tokens.start)) {
            out.push(g.clone());
        }
    }
    out
}

/// The event a verb at token `i` (before `end`) counts: "postponed", or a verb and its
/// particle, "put off" (`VOCAB.event_of_verb`).
fn event_verb(a: &Analysis, i: usize, end: usize) -> Option<&'static String> {
    let vocab: &'static crate::analysis::facts::vocab::Vocab = &VOCAB;
    vocab.event_of_verb.get(a.lower(i)).or_else(|| {
        (i + 1 < end && a.tokens[i + 1].is_word())
            .then(|| format!("{} {}", a.lower(i), a.lower(i + 1)))
            .and_then(|two| vocab.event_of_verb.get(&two))
    })
}

/// Words that make "N times" the earlier ones only ("postponed three times before").
const EARLIER_ONLY: &[&str] = &[
    "before",
    "already",
    "previously",
    "earlier",
    "prior",
    "last",
];

/// Words after "N times" that make it a multiplier ("three times as many", "three times the
/// size").
const MULTIPLIER: &[&str] = &[
    "as", "more", "less", "fewer", "higher", "larger", "bigger", "greater", "the", "that", "than",
    "over", "its", "their", "his", "her",
];

/// "put off its announcement three times" … "After Monday's fourth postponement": an event
/// counted N times and then ranked past N. The count must be plain ("three times", not "more
/// than three times" nor "three times before") and the ordinal said of one that happened
/// (definite or current, not "a fourth" nor "another"), within two sentences of it.
fn times_against_ordinal(
    a: &Analysis,
    facts: &[Fact],
    reported: &mut Vec<std::ops::Range<usize>>,
    out: &mut Vec<Diagnostic>,
) {
    // (Nothing to rank past: most articles have no ordinal, so no token is read.)
    if !facts.iter().any(|f| f.kind == FactKind::Ordinal) {
        return;
    }
    // Each count: its value, its first and last token ("three times", "twice").
    let qs = a.quantities();
    let figures = facts
        .iter()
        .filter(|f| {
            f.kind == FactKind::Count
                && f.noun.as_deref() == Some("time")
                && !f.quoted
                && f.approx == crate::analysis::numbers::Approx::Exact
        })
        .filter_map(|f| {
            let q = &qs[f.quantity];
            Some((f.value, q.tokens.start, q.noun.as_ref()?.token))
        });
    let words = (0..a.tokens.len()).filter_map(|i| match a.lower(i) {
        "twice" => Some((2.0, i, i)),
        "thrice" => Some((3.0, i, i)),
        _ => None,
    });
    for (value, first, last) in figures.chain(words) {
        let s = &a.sentences[a.sentence_of[first]];
        let after = (last + 1..(last + 3).min(s.tokens.end)).map(|i| a.lower(i));
        let from = first.saturating_sub(6).max(s.tokens.start);
        if !(2.0..=20.0).contains(&value)
            || after.clone().take(1).any(|w| MULTIPLIER.contains(&w))
            || after
                .chain((from..first).map(|i| a.lower(i)))
                .any(|w| EARLIER_ONLY.contains(&w))
            || a.tokens[first].quoted
        {
            continue;
        }
        let Some(event) = (from..first).rev().find_map(|i| event_verb(a, i, first)) else {
            continue;
        };
        let sentence = a.sentence_of[first];
        let ranked_past = facts.iter().find(|o| {
            o.kind == FactKind::Ordinal
                && o.value > value
                && o.value <= value + 3.0
                && o.sentence.abs_diff(sentence) <= 2
                && !o.quoted
                && !reported.contains(&o.span)
                && !hypothetical(a, o)
                && (definite(a, o) || current(a, o))
                && ranked(a, o).contains(event)
        });
        let Some(o) = ranked_past else { continue };
        let cs = a.tokens[first].span.start..a.tokens[last].span.end;
        let os = o.span.clone();
        let (ct, ot) = (a.slice(cs.clone()), a.slice(os.clone()));
        out.push(
            Diagnostic::new(
                os.clone(),
                format!("'{ot}', but the article says it happened {ct}"),
            )
            .with_primary_label(format!("{ot} here"))
            .with_label(cs, format!("{ct} in all"))
            .with_note("an event counted this many times has no later one to rank; if the count is of the earlier ones only, say so ('three times before')")
            .with_help("check the count and the ordinal"),
        );
        reported.push(os);
    }
}

/// An ordinal said of the event the story reports, not of one in a sequence: "this third
/// delay", "It was the ninth increase", "the declaration, the third state of emergency", "was
/// postponed for the second time". ("Its third goal", "the second round" may be others.)
fn current(a: &Analysis, f: &Fact) -> bool {
    let q = &a.quantities()[f.quantity];
    let s = &a.sentences[f.sentence];
    let at = |k: usize| (q.tokens.start >= s.tokens.start + k).then(|| a.lower(q.tokens.start - k));
    if at(1) == Some("this") {
        return true;
    }
    if at(1) != Some("the") {
        return false;
    }
    let copula = matches!(
        at(2),
        Some("is" | "was" | "'s" | "marks" | "marked" | "became" | "becomes")
    );
    let apposition = at(2) == Some(",")
        && q.tokens.start >= s.tokens.start + 3
        && a.tokens[q.tokens.start - 3].is_word();
    let again = at(2) == Some("for") && f.noun.as_deref() == Some("time");
    copula || apposition || again
}

/// Two ordinals, each said of the event being reported, for one thing: they cannot both be
/// right.
fn current_conflicts(
    a: &Analysis,
    facts: &[Fact],
    reported: &mut Vec<std::ops::Range<usize>>,
    out: &mut Vec<Diagnostic>,
) {
    let ords: Vec<(&Fact, Vec<String>)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Ordinal && f.value <= 30.0 && !f.quoted)
        .filter(|f| current(a, f) && !hypothetical(a, f))
        .map(|f| (f, ranked(a, f)))
        .filter(|(_, r)| !r.is_empty())
        .collect();
    for (j, (later, lr)) in ords.iter().enumerate() {
        if reported.contains(&later.span) {
            continue;
        }
        let earlier = ords[..j].iter().find(|(e, er)| {
            e.sentence != later.sentence
                && e.value != later.value
                && er.iter().any(|g| lr.contains(g))
                && match (&e.since, &later.since) {
                    (Some(x), Some(y)) => anchor(x) == anchor(y),
                    _ => true,
                }
        });
        let Some((earlier, _)) = earlier else {
            continue;
        };
        let (e, l) = (a.slice(earlier.span.clone()), a.slice(later.span.clone()));
        out.push(
            Diagnostic::new(
                later.span.clone(),
                format!("'{l}' here, but '{e}' earlier for what reads as the same one"),
            )
            .with_primary_label(format!("{l} here"))
            .with_label(earlier.span.clone(), format!("{e} earlier"))
            .with_note(
                "both ordinals are said of the event the article reports ('this', 'it was the')",
            )
            .with_help("check which ordinal is right"),
        );
        reported.push(later.span.clone());
    }
}

/// A definite ordinal ("the third state of emergency", "its second general election",
/// "Berejiklian's fourth declaration"): one that presupposes the thing it names.
fn definite(a: &Analysis, f: &Fact) -> bool {
    let q = &a.quantities()[f.quantity];
    let s = &a.sentences[f.sentence];
    if q.tokens.start == s.tokens.start {
        return false;
    }
    let w = a.lower(q.tokens.start - 1);
    let contraction = matches!(
        w.trim_end_matches(['s', '\'', '’']),
        "it" | "that" | "what" | "there" | "he" | "she" | "here" | "who"
    );
    matches!(w, "the" | "its" | "their" | "his" | "her" | "'s" | "’s")
        || ((w.ends_with("'s") || w.ends_with("’s")) && !contraction)
}

/// An ordinal dated by its sentence (a year, a date, a weekday before it, or after it in its
/// clause): it can be an earlier one of the sequence ("The eighth hike, in January, …").
fn dated(a: &Analysis, f: &Fact) -> bool {
    let q = &a.quantities()[f.quantity];
    // Before it, right after its phrase ("The eighth hike, in March, …"), or later in its
    // clause (not in ", which curbed … in 2015").
    let end = q.phrase.end.max(q.tokens.end);
    let near = |at: usize| {
        at < q.tokens.start
            || at <= end + 3
            || !(q.tokens.end..at).any(|t| matches!(a.word(t), "," | ";" | "—" | "–" | "(" | ":"))
    };
    let years = a
        .quantities_in(f.sentence)
        .iter()
        .filter(|y| y.kind == crate::analysis::numbers::QuantityKind::Year)
        .any(|y| near(y.tokens.start));
    let s = &a.sentences[f.sentence];
    let months = s.tokens.clone().any(|t| {
        a.tokens[t].capitalised && crate::analysis::numbers::is_month(a.lower(t)) && near(t)
    });
    years
        || months
        || a.times().iter().any(|t| {
            t.sentence == f.sentence
                && matches!(
                    t.kind,
                    TimeKind::Date(_)
                        | TimeKind::Weekdays { .. }
                        | TimeKind::RelativeWeekday { .. }
                        | TimeKind::DayOfMonth { .. }
                        | TimeKind::Ago { .. }
                )
                && near(t.tokens.start)
        })
}

/// An ordinal said of the reported event ("It is the second state of emergency") against a
/// definite one for the same thing elsewhere ("the third state of emergency would be
/// reviewed", "Victory in its second general election"): when the article ranks that thing
/// with these two values only, a step or two apart, and the definite one is not dated, both
/// name the one event.
fn definite_conflicts(
    a: &Analysis,
    facts: &[Fact],
    reported: &mut Vec<std::ops::Range<usize>>,
    out: &mut Vec<Diagnostic>,
) {
    // Every ordinal, hypothetical or quoted ones too, tells how the article ranks a thing.
    let ords: Vec<(&Fact, Vec<String>)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Ordinal && f.value <= 30.0)
        .map(|f| (f, ranked(a, f)))
        .filter(|(_, r)| !r.is_empty())
        .collect();
    let said = |f: &Fact| !f.quoted && !hypothetical(a, f);
    for (cur, cr) in ords.iter().filter(|(f, _)| said(f) && current(a, f)) {
        let same: Vec<&(&Fact, Vec<String>)> = ords
            .iter()
            .filter(|(_, r)| r.first().is_some_and(|g| cr.contains(g)))
            .collect();
        // Dated ones are other members of the sequence, told apart by their dates ("The
        // first increase, in June 2023, …"); the undated ones must be two values only.
        let (dated_ones, undated): (Vec<&&(&Fact, Vec<String>)>, Vec<_>) = same
            .iter()
            .partition(|(f, _)| f.span != cur.span && dated(a, f));
        let mut values: Vec<i64> = undated.iter().map(|(f, _)| f.value as i64).collect();
        values.sort_unstable();
        values.dedup();
        if values.len() != 2 {
            continue;
        }
        for (other, _) in undated {
            if other.sentence == cur.sentence
                || dated_ones.iter().any(|(d, _)| d.value == other.value)
                || !said(other)
                || other.value == cur.value
                || other.value < 2.0
                || (other.value - cur.value).abs() > 2.0
                || current(a, other)
                || !definite(a, other)
                || reported.contains(&other.span)
                || reported.contains(&cur.span)
            {
                continue;
            }
            let (first, later) = if cur.span.start < other.span.start {
                (*cur, *other)
            } else {
                (*other, *cur)
            };
            let (e, l) = (a.slice(first.span.clone()), a.slice(later.span.clone()));
            out.push(
                Diagnostic::new(
                    later.span.clone(),
                    format!("'{l}' here, but '{e}' earlier for what reads as the same one"),
                )
                .with_primary_label(format!("{l} here"))
                .with_label(first.span.clone(), format!("{e} earlier"))
                .with_note("the article ranks this thing with these two ordinals only, and one is said of the event it reports")
                .with_help("check which ordinal is right"),
            );
            reported.push(later.span.clone());
        }
    }
}

impl Check for OrdinalAnchor {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let facts = &a.facts().facts;
        let ordinals: Vec<&Fact> = facts
            .iter()
            .filter(|f| f.kind == FactKind::Ordinal && f.since.is_some() && f.group.is_some())
            .collect();
        let mut reported = Vec::new();
        for (j, later) in ordinals.iter().enumerate() {
            if hypothetical(a, later) {
                continue;
            }
            let la = anchor(later.since.as_deref().unwrap_or_default());
            for earlier in &ordinals[..j] {
                if earlier.sentence == later.sentence
                    || earlier.value == later.value
                    || earlier.group != later.group
                    || earlier.of.as_ref().map(|o| VOCAB.group(o))
                        != later.of.as_ref().map(|o| VOCAB.group(o))
                    || hypothetical(a, earlier)
                    || anchor(earlier.since.as_deref().unwrap_or_default()) != la
                {
                    continue;
                }
                let (e, l) = (a.slice(earlier.span.clone()), a.slice(later.span.clone()));
                out.push(
                    Diagnostic::new(
                        later.span.clone(),
                        format!("'{l}' here, but '{e}' earlier for the same count since {la}"),
                    )
                    .with_primary_label(format!("{l} here"))
                    .with_label(earlier.span.clone(), format!("{e} earlier"))
                    .with_help("check which ordinal is right"),
                );
                reported.push(later.span.clone());
                break;
            }
        }
        times_against_ordinal(a, facts, &mut reported, out);
        if let Some(published) = cx.date {
            days_since_a_dated_start(a, facts, published, &mut reported, out);
        }
        current_conflicts(a, facts, &mut reported, out);
        definite_conflicts(a, facts, &mut reported, out);
        let days = event_days(a, facts, cx.date);
        let starts = event_starts(a);
        for (j, later) in days.iter().enumerate() {
            if reported.contains(&later.fact.span) {
                continue;
            }
            // Against the day the event began, when the article gives one (and only one).
            let began: Vec<_> = starts.iter().filter(|st| st.1 == later.event).collect();
            if let [(at, _, start, weekday)] = began[..]
                && a.sentence_of[*at] != later.fact.sentence
                && *start != later.start
            {
                let l = a.slice(later.fact.span.clone());
                let span = a.tokens[*at].span.clone();
                out.push(
                    Diagnostic::new(
                        later.fact.span.clone(),
                        format!(
                            "'{l}' day on {}, but it began on {}",
                            crate::analysis::time::weekday_name(later.weekday),
                            crate::analysis::time::weekday_name(*weekday)
                        ),
                    )
                    .with_primary_label(format!("{l} day here"))
                    .with_label(span, "the first day")
                    .with_help("count the days again from the first one"),
                );
                continue;
            }
            if let Some(earlier) = days[..j].iter().find(|e| {
                e.event == later.event
                    && e.start != later.start
                    && e.fact.sentence != later.fact.sentence
            }) {
                let (e, l) = (
                    a.slice(earlier.fact.span.clone()),
                    a.slice(later.fact.span.clone()),
                );
                out.push(
                    Diagnostic::new(
                        later.fact.span.clone(),
                        format!(
                            "'{l}' day on {}, but '{e}' day on {}: the two put the start on different days",
                            crate::analysis::time::weekday_name(later.weekday),
                            crate::analysis::time::weekday_name(earlier.weekday)
                        ),
                    )
                    .with_primary_label(format!("{l} day here"))
                    .with_label(earlier.fact.span.clone(), format!("{e} day earlier"))
                    .with_help("count the days again from the first one"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    #[test]
    fn ordinals_from_the_same_point() {
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "She is the second envoy appointed since the ceasefire collapsed. Diplomats said the fourth mediator since the ceasefire collapsed arrived on Friday.",
                None
            ),
            ["fourth"]
        );
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The walkout at the port entered its third day on Wednesday. Cranes stood idle.\n\nOn Saturday, the seventh day of the stoppage, talks resumed.",
                None
            ),
            ["seventh"]
        );
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The strike began on Monday. Pickets were out again on Thursday, the third day of the strike.",
                None
            ),
            ["third"]
        );
        // One year, however the point is put.
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "It was the second fatal explosion at the mine since it opened in 2019. Thursday's blast was the third deadly explosion at El Mortino since 2019.",
                None
            ),
            ["third"]
        );
        // A start given with its date.
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The walkout began on Wednesday, October 9, and Thursday was the ninth day of the strike.\n\nOn Thursday, the seventh day of the stoppage, the union spoke.",
                None
            ),
            ["seventh"]
        );
        for ok in [
            "He won the first round. The second round is on June 5.",
            "It was the second landslide since March. A third landslide since March would close the road.",
            "It was the second landslide since March. It was the third flood since April.",
            "It was the second explosion at the mine since it opened in 2019. It was the third explosion at the mine since 2020.",
            "The walkout entered its third day on Wednesday. On Friday, the fifth day of the stoppage, talks resumed.",
            "The strike began on Monday. Pickets were out again on Wednesday, the third day of the strike.",
            "The walkout began on Wednesday, October 9. On Thursday, the ninth day of the strike, talks resumed.",
        ] {
            assert!(run_kind(&KIND, "", ok, None).is_empty(), "{ok}");
        }
    }

    #[test]
    fn the_day_an_event_reached_against_its_dated_start() {
        let on = "2026-10-14".parse().ok();
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "Crowds were largest since the protests began on Sept. 28.\n\nThe protests, now in their 12th day, were triggered by a wage offer.",
                on
            ),
            ["12th"]
        );
        for ok in [
            "Crowds were largest since the protests began on Sept. 28.\n\nThe protests, now in their 17th day, were triggered by a wage offer.",
            // Not said of the present; no start; a start of another event.
            "Crowds were largest since the protests began on Sept. 28.\n\nOn the 12th day of the protests, police fired tear gas.",
            "The protests, now in their 12th day, were triggered by a wage offer.",
            "The strike began on Sept. 28.\n\nThe protests, now in their 12th day, were triggered by a wage offer.",
        ] {
            let r = run_kind(&KIND, "", ok, on);
            assert!(r.is_empty(), "{ok} {r:?}");
        }
    }

    #[test]
    fn an_event_ranked_past_its_count() {
        for (text, hit) in [
            (
                "The judge put off the verdict three times, on December 23, January 6 and January 13. After Monday's fourth postponement, he set a new date.",
                "fourth",
            ),
            (
                "The launch has been delayed twice since March. Engineers blamed the third delay on a valve.",
                "third",
            ),
        ] {
            assert_eq!(run_kind(&KIND, "", text, None), [hit], "{text}");
        }
        for ok in [
            // Consistent, or the count is of the earlier ones only.
            "The judge put off the verdict three times. After Monday's third postponement, he set a new date.",
            "The verdict had been postponed three times before. Monday's fourth postponement angered the families.",
            "The launch was already delayed twice. The third delay came on Monday.",
            // Not a count of the event: a multiplier, an approximation, a hypothetical.
            "Costs were delayed three times as long. The fourth delay was short.",
            "The hearing was adjourned more than three times. Its fifth adjournment came in May.",
            "The vote was postponed twice. A third postponement would be illegal.",
            "The vote was postponed twice. Another postponement, the third, is possible.",
            // Too far apart.
            "The vote was postponed twice. Rain fell. Crowds gathered. Police came. The third delay angered many.",
        ] {
            let r = run_kind(&KIND, "", ok, None);
            assert!(r.is_empty(), "{ok} {r:?}");
        }
    }

    #[test]
    fn a_definite_ordinal_against_the_reported_one() {
        for (text, hit) in [
            (
                "Tuesday's ruling was the second adjournment of the case. Lawyers said its third postponement had cost their client weeks.",
                "third",
            ),
            (
                "The transport authority said the sixth fare hike would take effect in spring. It is the fifth increase since the network was sold.",
                "fifth",
            ),
            (
                "Officials said it was the first general election held under the new map. The party's second election under the map gave it a majority.",
                "second",
            ),
        ] {
            assert_eq!(run_kind(&KIND, "", text, None), [hit], "{text}");
        }
        for ok in [
            // Dated: another one of the sequence.
            "It was the ninth increase since June. The eighth hike, in March, was smaller.",
            "It was the ninth increase since June. The eighth hike came on Thursday.",
            // A first one is the usual back reference; three values are a sequence.
            "It was the third strike this year. The first strike lasted a week.",
            "It was the third strike this year. The second strike lasted a week and the fourth strike is planned.",
            // Far apart, hypothetical, generic, or not said of the reported one.
            "It was the ninth increase since June. The third hike was the largest.",
            "It was the second cut this year. A third cut would follow.",
            "It was the third round of talks. The second round collapsed.",
            "Her third term began. Her second term had been calm.",
        ] {
            let r = run_kind(&KIND, "", ok, None);
            assert!(r.is_empty(), "{ok} {r:?}");
        }
    }
}
