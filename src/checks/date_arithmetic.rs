//! `date-arithmetic`: a number of years that the article's own dates contradict, counted
//! from the publication date.
//!
//! - An age and a birth year: "The 24-year-old, born in 1995, …" in August 2021 (25 or 26).
//! - An age of a thing and its start: "The CAP, launched in 1962, … its 54 years" in 2026.
//! - A time in office and its start: "13 years in office" … "in power since 2006" in 2021.

use super::support::numeric::{self, Phrases};
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::numbers::{self, Quantity, QuantityKind};
use crate::diagnostic::{Applicability, Diagnostic};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Words that introduce a birth date ("born in 1970").
    #[serde(default = "default_birth")]
    birth_words: Vec<String>,
    /// Words that make a birth date someone else's ("whose son was born in 1995").
    #[serde(default = "default_relatives")]
    relatives: Vec<String>,
    /// Verbs that date the start of a thing ("launched in 1962", "founded in 1901").
    #[serde(default = "default_founding")]
    founding_verbs: Vec<String>,
    /// Nouns after "N-year" that mean the age of a thing ("a 64-year history").
    #[serde(default = "default_lifetime")]
    lifetime_nouns: Vec<String>,
    /// Phrases after "N years" that make it a time in office ("13 years in office").
    #[serde(default = "default_tenure")]
    tenure_phrases: Vec<String>,
    /// Words that make "since 2006" the start of a time in office ("rule the country since
    /// 2006", "in power since 2006").
    #[serde(default = "default_tenure_words")]
    tenure_words: Vec<String>,
    /// Phrases before "in YYYY" that date the start of a time in office ("took office in 2006").
    #[serde(default = "default_tenure_starts")]
    tenure_starts: Vec<String>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}
fn default_birth() -> Vec<String> {
    strings(&["born"])
}
fn default_relatives() -> Vec<String> {
    strings(&[
        "son",
        "daughter",
        "child",
        "children",
        "wife",
        "husband",
        "father",
        "mother",
        "brother",
        "sister",
        "grandson",
        "granddaughter",
        "partner",
        "baby",
        "whose",
    ])
}
fn default_founding() -> Vec<String> {
    strings(&[
        "launched",
        "founded",
        "established",
        "created",
        "formed",
        "opened",
        "built",
        "inaugurated",
        "introduced",
        "incorporated",
        "registered",
        "set up",
    ])
}
fn default_lifetime() -> Vec<String> {
    strings(&["history", "existence", "life", "lifetime", "lifespan"])
}
fn default_tenure() -> Vec<String> {
    strings(&[
        "in office",
        "in power",
        "at the helm",
        "as president",
        "as prime minister",
        "as leader",
        "on the throne",
    ])
}
fn default_tenure_words() -> Vec<String> {
    strings(&[
        "rule",
        "ruled",
        "ruling",
        "power",
        "office",
        "govern",
        "governed",
        "governing",
        "reign",
        "reigned",
        "helm",
        "president",
        "leader",
    ])
}
fn default_tenure_starts() -> Vec<String> {
    strings(&[
        "took office",
        "came to power",
        "took power",
        "assumed office",
        "was elected",
        "sworn in",
    ])
}

struct DateArithmetic {
    birth: Phrases,
    relatives: Vec<String>,
    founding: Phrases,
    lifetime: Vec<String>,
    /// "of history", "of existence"… (from `lifetime`).
    of_lifetime: Phrases,
    ago: Phrases,
    tenure: Phrases,
    tenure_words: Vec<String>,
    tenure_starts: Phrases,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "date-arithmetic",
        include_str!("../../docs/kinds/date-arithmetic.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(DateArithmetic {
        birth: Phrases::new(o.birth_words),
        relatives: numeric::lower(o.relatives),
        founding: Phrases::new(o.founding_verbs),
        of_lifetime: Phrases::new(
            numeric::lower(o.lifetime_nouns.clone())
                .iter()
                .map(|l| format!("of {l}"))
                .collect(),
        ),
        lifetime: numeric::lower(o.lifetime_nouns),
        ago: Phrases::new(vec!["ago".to_string()]),
        tenure: Phrases::new(o.tenure_phrases),
        tenure_words: numeric::lower(o.tenure_words),
        tenure_starts: Phrases::new(o.tenure_starts),
    }))
}

/// What a figure counts, for the message.
#[derive(Clone, Copy)]
enum Counted {
    Age,
    Since,
}

/// A dated start: the year, its month and day when given, and the span to label.
struct Start {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
    span: Range<usize>,
}

/// The whole years between `start` and `on`: one answer for a full date, the two around the
/// anniversary for a year (or a month in the publication month). None for a start after the
/// publication date (a wrong year, or a wrong date in the front matter): no figure can be
/// checked against it.
fn elapsed(start: &Start, on: Date) -> Vec<i64> {
    let mut years = elapsed_signed(start, on);
    years.retain(|&y| y >= 0);
    years
}

fn elapsed_signed(start: &Start, on: Date) -> Vec<i64> {
    if let (Some(m), Some(d)) = (start.month, start.day)
        && let Ok(born) = jiff::civil::Date::new(start.year, m, d)
        && let Ok(span) = born.until((jiff::Unit::Year, on))
    {
        return vec![span.get_years() as i64];
    }
    let years = on.year() as i64 - start.year as i64;
    match start.month {
        Some(m) if on.month() > m => vec![years],
        Some(m) if on.month() < m => vec![years - 1],
        _ => vec![years - 1, years],
    }
}

fn describe(values: &[i64]) -> String {
    match values {
        [one] => one.to_string(),
        [a, b] => format!("{a} or {b}"),
        _ => values
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn long_date(d: Date) -> String {
    d.strftime("%B %-d, %Y").to_string()
}

impl DateArithmetic {
    /// "born in 1995", "born on March 5, 1995", "launched in 1962": the start introduced by one
    /// of `words` before the year `y`.
    fn start_before(&self, a: &Analysis, y: &Quantity, words: &Phrases) -> Option<Start> {
        let s = &a.sentences[y.sentence];
        // Every token looked at is in the year's sentence.
        let quantities = a.quantities_in(y.sentence);
        let mut i = y.tokens.start;
        let mut month = None;
        let mut day = None;
        let mut steps = 0;
        while i > s.tokens.start && steps < 5 {
            let w = a.lower(i - 1);
            if let Some(m) = numbers::month_number(w) {
                month = Some(m);
            } else if let Some(q) = quantities
                .iter()
                .find(|q| q.tokens.contains(&(i - 1)) && q.kind == QuantityKind::Day)
            {
                day = Some(q.value as i8);
            } else {
                // ("born in Lamego in 1998": the place of birth before its year.)
                let place = a.tokens[i - 1].capitalised
                    && a.tokens[i - 1].is_word()
                    && i - 1 > s.tokens.start;
                if !(matches!(w, "in" | "on" | "," | "the" | "of") || place) {
                    break;
                }
            }
            i -= 1;
            steps += 1;
        }
        let first = words.before(a, i, s.tokens.start)?;
        Some(Start {
            year: y.value as i16,
            month,
            day: day.filter(|_| month.is_some()),
            span: a.tokens[first].span.start..y.span.end,
        })
    }

    /// Another year dates `figure` to some other time: a year before it in the sentence ("In
    /// 2010, the 40-year-old…"), or after it in the same clause ("54 years in 2020"). A year in
    /// a later clause ("…, although its share has fallen since the 1980s") does not.
    fn other_year(&self, a: &Analysis, figure: &Quantity, except: &Range<usize>) -> bool {
        a.quantities_in(figure.sentence).iter().any(|q| {
            if q.kind != QuantityKind::Year
                || (except.start <= q.span.start && q.span.end <= except.end)
            {
                return false;
            }
            if q.span.start < figure.span.start {
                return true;
            }
            !(figure.tokens.end..q.tokens.start)
                .any(|t| matches!(a.word(t), "," | ";" | "—" | "–" | "(" | ":"))
        })
    }

    fn report(
        &self,
        a: &Analysis,
        figure: &Quantity,
        start: &Start,
        on: Date,
        what: Counted,
        out: &mut Vec<Diagnostic>,
    ) {
        let span = if figure.kind == QuantityKind::Age {
            figure.span.clone()
        } else {
            figure.phrase_span(false)
        };
        let allowed = &elapsed(start, on);
        if allowed.is_empty() {
            return;
        }
        let start_text = a.slice(start.span.clone());
        let figure_text = a.slice(span.clone());
        let message = match what {
            Counted::Age => format!(
                "someone {start_text} is {} on {}, not {}",
                describe(allowed),
                long_date(on),
                numeric::show(figure.value)
            ),
            Counted::Since => format!(
                "'{figure_text}' does not fit '{start_text}': that makes {} years on {}",
                describe(allowed),
                long_date(on)
            ),
        };
        let mut d = Diagnostic::new(span, message)
            .with_primary_label(format!("{} here", numeric::show(figure.value)))
            .with_label(start.span.clone(), "counted from here")
            .with_note(format!(
                "counted from the publication date, {}",
                long_date(on)
            ));
        if let Some(&right) = allowed.last() {
            // Replace the digits (or words) only: "24-year-old" → "26-year-old".
            let number = figure
                .tokens
                .clone()
                .find(|&t| {
                    a.tokens[t].kind != crate::analysis::TokenKind::Word || numbers_word(a, t)
                })
                .map(|t| a.tokens[t].span.clone())
                .unwrap_or(figure.span.clone());
            d = d.with_fix(
                number.clone(),
                numeric::write_like(a.slice(number), right as f64),
                Applicability::Unsafe,
            );
        }
        out.push(d);
    }

    fn ages(&self, a: &Analysis, on: Date, out: &mut Vec<Diagnostic>) {
        for age in a
            .quantities()
            .iter()
            .filter(|q| q.kind == QuantityKind::Age)
        {
            // In the same sentence, or the next one about the same person ("Smith, 45, leads
            // the party. Smith was born in 1970.").
            let names = numeric::names_in_sentence(a, age.sentence);
            let one_age = a
                .quantities_in(age.sentence)
                .iter()
                .filter(|q| q.kind == QuantityKind::Age)
                .count()
                == 1;
            let same_person = |y: &Quantity| {
                y.sentence == age.sentence
                    || (y.sentence == age.sentence + 1
                        && a.sentences[y.sentence].block == a.sentences[age.sentence].block
                        && ((!names.is_empty()
                            && !numeric::names_in_sentence(a, y.sentence).is_disjoint(names))
                            || (one_age && refers_back(a, y.sentence))))
            };
            // Only this sentence and the next can hold the birth year.
            let next = (age.sentence + 1).min(a.sentences.len() - 1);
            let nearby = [a.quantities_in(age.sentence), a.quantities_in(next)];
            let nearby = if next == age.sentence {
                &nearby[..1]
            } else {
                &nearby[..]
            };
            let born = nearby.iter().flat_map(|qs| qs.iter()).find_map(|y| {
                (y.kind == QuantityKind::Year && same_person(y))
                    .then(|| self.start_before(a, y, &self.birth))
                    .flatten()
            });
            let Some(born) = born else { continue };
            // Someone else's birth: "the 50-year-old, whose son was born in 1995".
            let (from, to) = if age.span.end <= born.span.start {
                (age.tokens.end, a.token_at_or_after(born.span.start))
            } else {
                (a.token_at_or_after(born.span.end), age.tokens.start)
            };
            if (from..to).any(|t| self.relatives.iter().any(|r| r == a.lower(t))) {
                continue;
            }
            if self.other_year(a, age, &born.span)
                || (a.sentence_of[a.token_at_or_after(born.span.start)] != age.sentence
                    && !numeric::years_in_sentence(a, age.sentence).is_empty())
            {
                continue;
            }
            let allowed = elapsed(&born, on);
            if !allowed.contains(&(age.value as i64)) {
                self.report(a, age, &born, on, Counted::Age, out);
            }
        }
    }

    /// "launched in 1962 … its 54 years", "a 64-year history", "54 years old".
    fn lifetimes(&self, a: &Analysis, on: Date, out: &mut Vec<Diagnostic>) {
        let qs = a.quantities();
        for y in qs.iter().filter(|q| q.kind == QuantityKind::Year) {
            let Some(start) = self.start_before(a, y, &self.founding) else {
                continue;
            };
            for q in a.quantities_in(y.sentence) {
                if !self.is_lifetime(a, q) || self.other_year(a, q, &start.span) {
                    continue;
                }
                let allowed = elapsed(&start, on);
                if !allowed.contains(&(q.value as i64)) {
                    self.report(a, q, &start, on, Counted::Since, out);
                }
            }
        }
    }

    fn is_lifetime(&self, a: &Analysis, q: &Quantity) -> bool {
        if q.value.fract() != 0.0 {
            return false;
        }
        if q.kind == QuantityKind::Age {
            return true;
        }
        if q.kind != QuantityKind::Cardinal || q.noun_lemma() != Some("year") {
            return false;
        }
        if let Some(h) = &q.head {
            return self.lifetime.contains(&h.lemma);
        }
        let possessive = q
            .determiner
            .is_some_and(|d| matches!(d, "its" | "his" | "her" | "their"));
        let after = q.phrase.end;
        let end = a.sentences[q.sentence].tokens.end;
        possessive || self.ago.after(a, after, end) || self.of_lifetime.after(a, after, end)
    }

    /// "13 years in office" against "since 2006" (with a tenure word) or "took office in 2006"
    /// in a sentence about the same person.
    fn tenures(&self, a: &Analysis, on: Date, out: &mut Vec<Diagnostic>) {
        let qs = a.quantities();
        let mut tenure_starts = None;
        for q in qs.iter() {
            if q.kind != QuantityKind::Cardinal
                || q.noun_lemma() != Some("year")
                || q.value.fract() != 0.0
            {
                continue;
            }
            let s = &a.sentences[q.sentence];
            let after = q.phrase.end;
            let tenure = self.tenure.after(a, after, s.tokens.end)
                || q.head
                    .as_ref()
                    .is_some_and(|h| matches!(h.lemma.as_str(), "rule" | "tenure" | "reign"));
            if !tenure {
                continue;
            }
            let (all, by_name) = tenure_starts.get_or_insert_with(|| self.tenure_starts(a));
            // The same sentence, the one before it in the paragraph, or a shared name; in
            // document order.
            let mut picked: Vec<usize> = all
                .iter()
                .enumerate()
                .filter(|(_, (ys, _))| {
                    *ys == q.sentence
                        || (ys + 1 == q.sentence
                            && a.sentences[*ys].block == a.sentences[q.sentence].block)
                })
                .map(|(k, _)| k)
                .collect();
            for name in numeric::names_in_sentence(a, q.sentence) {
                picked.extend(by_name.get(name).into_iter().flatten());
            }
            picked.sort_unstable();
            picked.dedup();
            let starts: Vec<&Start> = picked.iter().map(|&k| &all[k].1).collect();
            // Another year in the sentence dates the tenure ("his 13 years in office, from 1990
            // to 2003").
            let other = a.quantities_in(q.sentence).iter().any(|y| {
                y.kind == QuantityKind::Year && !starts.iter().any(|s| s.span.end == y.span.end)
            });
            if other {
                continue;
            }
            // Two different starts for the same person: not ours to pick.
            let Some(first) = starts.first() else {
                continue;
            };
            if starts.iter().any(|s| s.year != first.year) {
                continue;
            }
            let allowed = elapsed(first, on);
            if !allowed.contains(&(q.value as i64)) {
                self.report(a, q, first, on, Counted::Since, out);
            }
        }
    }

    /// Every dated start of a tenure ("since 2006" in a sentence with a tenure word, "took
    /// office in 2006"), with its sentence, in document order; and for each name, which of
    /// them are in a sentence that names it. Built once per document, so that each "13 years
    /// in office" looks up its starts instead of scanning every year.
    fn tenure_starts<'x>(&self, a: &'x Analysis) -> TenureStarts<'x> {
        let mut all = Vec::new();
        let mut by_name: HashMap<&'x str, Vec<usize>> = HashMap::new();
        for y in a
            .quantities()
            .iter()
            .filter(|y| y.kind == QuantityKind::Year)
        {
            let ys = &a.sentences[y.sentence];
            let t = y.tokens.start;
            let since = t > ys.tokens.start && a.lower(t - 1) == "since";
            let start = if since {
                let has_word = ys
                    .tokens
                    .clone()
                    .any(|i| self.tenure_words.iter().any(|w| w == a.lower(i)));
                has_word.then(|| Start {
                    year: y.value as i16,
                    month: None,
                    day: None,
                    span: a.tokens[t - 1].span.start..y.span.end,
                })
            } else {
                self.start_before(a, y, &self.tenure_starts)
            };
            let Some(start) = start else { continue };
            for name in numeric::names_in_sentence(a, y.sentence) {
                by_name.entry(name).or_default().push(all.len());
            }
            all.push((y.sentence, start));
        }
        (all, by_name)
    }
}

/// Dated tenure starts with their sentences, and their indices by name.
type TenureStarts<'x> = (Vec<(usize, Start)>, HashMap<&'x str, Vec<usize>>);

/// People a sentence can open with to refer back to the one person aged in the sentence
/// before ("Demir, 73, was rescued. The old woman, who was born in 1956, …").
const PERSON_NOUNS: &[&str] = &[
    "woman",
    "man",
    "girl",
    "boy",
    "pensioner",
    "retiree",
    "driver",
    "victim",
    "survivor",
    "suspect",
    "defendant",
    "widow",
    "widower",
    "player",
    "striker",
    "veteran",
    "politician",
];

/// Does sentence `si` open by referring back to a person: "She", "He", "The old woman", "The
/// former teacher"?
fn refers_back(a: &Analysis, si: usize) -> bool {
    let s = &a.sentences[si];
    let t = s.tokens.start;
    if t >= s.tokens.end {
        return false;
    }
    match a.lower(t) {
        "he" | "she" => true,
        "the" => (t + 1..(t + 4).min(s.tokens.end))
            .take_while(|&i| a.tokens[i].is_word() && !a.tokens[i].capitalised)
            .any(|i| PERSON_NOUNS.contains(&a.lower(i))),
        _ => false,
    }
}

fn numbers_word(a: &Analysis, t: usize) -> bool {
    let w = a.lower(t);
    !w.is_empty()
        && !matches!(w, "aged" | "year" | "years" | "old")
        && a.tokens[t].kind == crate::analysis::TokenKind::Word
}

impl Check for DateArithmetic {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(on) = cx.date else { return };
        let a = cx.analysis;
        self.ages(a, on, out);
        self.lifetimes(a, on, out);
        self.tenures(a, on, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::{diagnostics, run_kind};

    fn on(y: i16, m: i8, d: i8) -> Option<Date> {
        Some(jiff::civil::date(y, m, d))
    }

    fn hits(text: &str, date: Option<Date>) -> Vec<String> {
        run_kind(&KIND, "", text, date)
    }

    #[test]
    fn age_and_birth_year() {
        let text = "The 24-year-old, born in 1995 in Regensburg, wants to leave.";
        assert_eq!(hits(text, on(2021, 8, 20)), vec!["24-year-old"]);
        let d = diagnostics(&KIND, "", text, on(2021, 8, 20));
        assert!(d[0].message.contains("25 or 26"), "{}", d[0].message);
        assert_eq!(d[0].fixes[0].replacement, "26");
        assert_eq!(
            hits("The 45-year-old, born in 1970, spoke.", on(2019, 11, 9)),
            vec!["45-year-old"]
        );
        assert_eq!(
            hits("Smith, 45, who was born in 1970, spoke.", on(2019, 11, 9)),
            vec!["45"]
        );
        // The place of birth before the year.
        assert_eq!(
            hits(
                "Teixeira, 29, who was born in Lamego in 1998, won.",
                on(2025, 8, 31)
            ),
            vec!["29"]
        );
        // A company's registration starts its years.
        assert_eq!(
            hits(
                "The firm, registered in 2011, has been fined 23 times in its 16 years of operation.",
                on(2024, 10, 14)
            ),
            vec!["16 years"]
        );
        for ok in [
            "The firm, registered in 2011, has been fined 23 times in its 13 years of operation.",
            "Teixeira, 27, who was born in Lamego in 1998, won.",
            "Teixeira, 29, who moved to Lamego in 1998, won.",
        ] {
            assert!(hits(ok, on(2025, 8, 31)).is_empty(), "{ok}");
        }
    }

    #[test]
    fn birth_year_in_the_next_sentence() {
        let text = "Smith, 45, leads the party. Smith was born in 1970 in Leeds.";
        assert_eq!(hits(text, on(2019, 11, 9)), vec!["45"]);
        let text = "Smith, 45, leads the party. Jones was born in 1970 in Leeds.";
        assert!(hits(text, on(2019, 11, 9)).is_empty());
        // A sentence that opens by referring back to the one person aged before it.
        let text = "Rescuers pulled out Maria Lopes, 81, after six hours. The retired teacher, who was born in 1950, was unhurt.";
        assert!(hits(text, on(2019, 11, 9)).is_empty());
        let text = "Rescuers pulled out Maria Lopes, 81, after six hours. The old woman, who was born in 1945, was unhurt.";
        assert_eq!(hits(text, on(2019, 11, 9)), vec!["81"]);
        let text = "Rescuers pulled out Lopes, 81, and Silva, 40. The old woman, who was born in 1945, was unhurt.";
        assert!(hits(text, on(2019, 11, 9)).is_empty());
        let text = "Rescuers pulled out Maria Lopes, 81, and her grandson. The boy, who was born in 2012, was unhurt.";
        assert!(hits(text, on(2019, 11, 9)).is_empty());
    }

    #[test]
    fn full_birth_date_allows_one_age() {
        let text = "The 48-year-old, born on March 5, 1970, spoke.";
        assert!(hits(text, on(2019, 3, 4)).is_empty());
        assert_eq!(hits(text, on(2019, 3, 5)), vec!["48-year-old"]);
    }

    #[test]
    fn every_month_name_and_abbreviation_dates_the_birthday() {
        let names = [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May", "May"),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ];
        for (m, (full, short)) in (1..).zip(names) {
            for name in [full, short, "Sep"]
                .into_iter()
                .filter(|n| *n != "Sep" || m == 9)
            {
                let text = format!("The 48-year-old, born on {name} 5, 1970, spoke.");
                // The day before the birthday they are still 48; the day after, 49.
                assert!(hits(&text, on(2019, m, 4)).is_empty(), "{text}");
                assert_eq!(hits(&text, on(2019, m, 6)), vec!["48-year-old"], "{text}");
            }
        }
    }

    #[test]
    fn lifetime_of_a_thing() {
        assert_eq!(
            hits(
                "The CAP, launched in 1962, has been the biggest programme for most of its 54 years.",
                on(2026, 3, 20)
            ),
            vec!["54 years"]
        );
        // A year in a later clause does not date the figure.
        assert_eq!(
            hits(
                "The CAP, launched in 1962, has been the biggest programme for most of its 54 years, although its share has fallen since the mid-1980s.",
                on(2026, 3, 20)
            ),
            vec!["54 years"]
        );
        assert_eq!(
            hits(
                "The museum, founded in 1902, marks its 50-year history.",
                on(2026, 1, 1)
            ),
            vec!["50-year history"]
        );
    }

    #[test]
    fn tenure_against_since() {
        let text = "Morales, the first indigenous president to rule the country since 2006, won. During his 13 years in office, Morales achieved growth.";
        assert!(hits(text, on(2019, 11, 9)).is_empty());
        assert_eq!(hits(text, on(2021, 6, 1)), vec!["13 years"]);
    }

    #[test]
    fn tenure_in_the_same_sentence() {
        let text =
            "Varga, who has run the port since 2015, said his nine years at the helm were hard.";
        assert_eq!(hits(text, on(2021, 6, 1)), vec!["nine years"]);
        let text = "During his 13 years in office, from 1990 to 2003, Smith ruled since 1990.";
        assert!(hits(text, on(2021, 6, 1)).is_empty());
    }

    #[test]
    fn tenure_in_the_sentence_before() {
        let text = "The country has been ruled by the party since 1998. During its 20 years in power, the party built roads.";
        assert_eq!(hits(text, on(2023, 3, 14)), vec!["20 years"]);
        let text = "The country has been ruled by the party since 1998.\n\nDuring its 20 years in power, the party built roads.";
        assert!(hits(text, on(2023, 3, 14)).is_empty());
    }

    #[test]
    fn a_start_after_the_publication_date_is_not_checked() {
        // Found by fuzzing: the year 1010 in the front matter made "80 years" since 1931 a
        // fix to "-921", which the next run reported again.
        let text = "The port, opened in 1931, has handled cargo for most of its 80 years.";
        assert!(hits(text, on(1010, 6, 1)).is_empty());
        assert_eq!(hits(text, on(2021, 6, 1)).len(), 1);
    }

    #[test]
    fn consistent_or_unanchored_figures_are_fine() {
        for (text, date) in [
            (
                "The 31-year-old Rotich, who was born in 1993 in Iten, won.",
                on(2024, 10, 28),
            ),
            (
                "The 30-year-old Rotich, who was born in 1993 in Iten, won.",
                on(2024, 10, 28),
            ),
            (
                "In 2010, the 40-year-old, born in 1970, won.",
                on(2019, 11, 9),
            ),
            (
                "The CAP, launched in 1962, cost 54 billion euros over 10 years.",
                on(2026, 3, 20),
            ),
            (
                "The CAP, launched in 1962, has run for its 54 years in 2016.",
                on(2026, 3, 20),
            ),
            ("The 24-year-old, born in 1995, left.", None),
            (
                "The 50-year-old, whose son was born in 1995, left.",
                on(2021, 8, 20),
            ),
            (
                "During his 13 years in office, Smith grew the economy. Jones has ruled since 2006.",
                on(2021, 1, 1),
            ),
        ] {
            assert!(
                hits(text, date).is_empty(),
                "{text}: {:?}",
                hits(text, date)
            );
        }
    }
}
