//! `share-figures`: a share put in words that its own figures contradict ("31 of the 48
//! accidents were derailments, or nearly half"; "451,800 of the 912,400 valid votes, or
//! around one third"; "of the 14,600 trains, some 9,700 were cancelled, that is nearly one
//! train in three").
//!
//! The part and the whole come from the figures of one sentence ("X of (the) Y", "Of (the) Y
//! …, X"); the share is the fraction set off right after them ("or about half", ", a third",
//! "that is to say one in three", "or 65 percent"). Its qualifier sets the slack: "nearly"
//! and "almost" allow a share a little below, "more than" and "less than" one on their side,
//! "about" either side.

use super::support::count_facts::{no_options, show};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::numbers::{Approx, Quantity, QuantityKind};
use crate::analysis::{Analysis, TokenKind};
use crate::diagnostic::Diagnostic;
use std::ops::Range;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "share-figures",
        include_str!("../../docs/kinds/share-figures.md"),
    ),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(ShareFigures))
    },
};

struct ShareFigures;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Hedge {
    /// No qualifier: "or a third".
    Plain,
    /// "about", "around", "roughly", "some".
    About,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "more than", "over", "just over".
    Over,
    /// "less than", "under", "fewer than".
    Under,
}

/// A share in words: its value, its hedge and its tokens.
struct Share {
    value: f64,
    hedge: Hedge,
    tokens: Range<usize>,
    /// For a percentage in digits, the slack its own precision allows ("86.3 percent" is
    /// meant to the tenth: half a point, not the six of "a third").
    precise: Option<f64>,
}

/// A small whole number in words or digits ("one", "three", "5").
fn small(w: &str) -> Option<f64> {
    Some(match w {
        "one" | "a" | "an" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        _ => return w.parse::<u8>().ok().filter(|&n| n > 0).map(f64::from),
    })
}

/// The denominator a fraction word names ("third", "thirds" → 3).
fn denominator(w: &str) -> Option<f64> {
    Some(match w.trim_end_matches('s') {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "tenth" => 10.0,
        _ => return None,
    })
}

/// The hedge at token `i`, and where the fraction starts after it.
fn hedge(a: &Analysis, i: usize, end: usize) -> (Hedge, usize) {
    let w = |k: usize| if k < end { a.lower(k) } else { "" };
    let two = (w(i), w(i + 1));
    match two {
        ("more" | "less" | "fewer", "than") => {
            let h = if two.0 == "more" {
                Hedge::Over
            } else {
                Hedge::Under
            };
            (h, i + 2)
        }
        ("close", "to") => (Hedge::Nearly, i + 2),
        ("just", "under") => (Hedge::Nearly, i + 2),
        ("just", "over") => (Hedge::Over, i + 2),
        ("nearly" | "almost", _) => (Hedge::Nearly, i + 1),
        ("about" | "around" | "roughly" | "approximately" | "some", _) => (Hedge::About, i + 1),
        ("over", _) => (Hedge::Over, i + 1),
        ("under", _) => (Hedge::Under, i + 1),
        _ => (Hedge::Plain, i),
    }
}

/// The share written from token `i`: a hedge, then "half", "a third", "two-thirds", "one in
/// three", "one train on three", "65 percent".
fn share_at(a: &Analysis, i: usize, end: usize) -> Option<Share> {
    let (h, mut k) = hedge(a, i, end);
    let w = |k: usize| (k < end).then(|| a.lower(k));
    let start = i;
    // "half" alone.
    if w(k)? == "half" {
        return Some(Share {
            value: 0.5,
            hedge: h,
            tokens: start..k + 1,
            precise: None,
        });
    }
    // "65 percent", "65%".
    if a.tokens[k].kind == TokenKind::Number
        && let Ok(p) = a.word(k).parse::<f64>()
        && matches!(w(k + 1), Some("%" | "percent"))
    {
        // A whole percentage allows a point and a half of rounding, one with decimals half a
        // point.
        let decimals = a.word(k).contains('.');
        return Some(Share {
            value: p / 100.0,
            hedge: h,
            tokens: start..k + 2,
            precise: Some(if decimals { 0.005 } else { 0.015 }),
        });
    }
    let n = small(w(k)?)?;
    k += 1;
    if w(k).is_some_and(|x| x == "-") && a.tokens[k].glued {
        k += 1;
    }
    // "a third", "two-thirds".
    if let Some(d) = denominator(w(k)?) {
        return Some(Share {
            value: n / d,
            hedge: h,
            tokens: start..k + 1,
            precise: None,
        });
    }
    // "one in three", "one train on three", "two out of five".
    if a.tokens[k].is_word() && !matches!(w(k)?, "in" | "on" | "out") {
        k += 1;
    }
    match w(k)? {
        "in" | "on" => k += 1,
        "out" if w(k + 1)? == "of" => k += 2,
        _ => return None,
    }
    let m = small(w(k)?)?;
    (m > n && n >= 1.0).then_some(Share {
        value: n / m,
        hedge: h,
        tokens: start..k + 1,
        precise: None,
    })
}

/// Does the share fit the ratio, given its hedge? The slack is generous: only a share that
/// no reading of its words allows is reported.
fn fits(share: &Share, ratio: f64) -> bool {
    let f = share.value;
    match share.hedge {
        Hedge::Plain => (ratio - f).abs() <= share.precise.unwrap_or(0.06),
        // "about a third" may be 24% to 42%; a percentage in digits is meant more closely:
        // "roughly 15%" is no 7.5% (a quarter of itself, at least 3 points, at most 9).
        Hedge::About => {
            let slack = match share.precise {
                Some(_) => (0.25 * f).clamp(0.03, 0.09),
                None => 0.09,
            };
            (ratio - f).abs() <= slack
        }
        Hedge::Nearly => ratio >= f - 0.13 && ratio <= f + 0.03,
        Hedge::Over => ratio >= f - 0.01 && ratio <= f + 0.25,
        Hedge::Under => ratio <= f + 0.01 && ratio >= f - 0.25,
    }
}

/// A figure worth reading as a part or a whole: a cardinal count or amount, not a share.
fn plain(a: &Analysis, q: &Quantity) -> bool {
    q.kind == QuantityKind::Cardinal
        && q.approx != Approx::Vague
        && q.value > 0.0
        && !a.slice(q.span.clone()).ends_with('%')
        && q.noun_lemma() != Some("percent")
}

/// The part and the whole of a sentence: "X (words) of (the) Y", or "Of (the) Y …, X".
fn part_and_whole<'q>(a: &Analysis, qs: &'q [Quantity]) -> Option<(&'q Quantity, &'q Quantity)> {
    for (j, x) in qs.iter().enumerate() {
        if !plain(a, x) {
            continue;
        }
        let s = &a.sentences[x.sentence];
        let after = x.phrase.end.max(x.tokens.end);
        // "inspected 1,200 homes and declared 300 of them uninhabitable": the whole is the
        // figure before.
        if after + 1 < s.tokens.end
            && a.lower(after) == "of"
            && matches!(a.lower(after + 1), "them" | "those" | "these")
            && let Some(w) = qs[..j]
                .iter()
                .rev()
                .find(|q| plain(a, q) && q.noun.is_some())
            && w.value > x.value
        {
            return Some((x, w));
        }
        let y = qs[j + 1..]
            .iter()
            .find(|q| q.kind == QuantityKind::Cardinal)?;
        // "X of the Y": "of" within three words after X's noun phrase, then determiners.
        let of = (after..(after + 4).min(y.tokens.start)).find(|&i| a.lower(i) == "of");
        if let Some(of) = of
            && (after..of).all(|i| a.tokens[i].is_word())
            && whole_after_of(a, of + 1, y.tokens.start + 1) == y.tokens.start
            && plain(a, y)
            && y.value > x.value
        {
            return Some((x, y));
        }
        // "Of the Y …, X …" opening the sentence or a clause ("data show that of the 48
        // accidents …, 31 were …"): X is the first figure after the comma.
        let mut b = x.tokens.start;
        while b > s.tokens.start && matches!(a.lower(b - 1), "the" | "all" | "its" | "their") {
            b -= 1;
        }
        let opens = b > s.tokens.start
            && a.lower(b - 1) == "of"
            && (b - 1 == s.tokens.start || matches!(a.lower(b - 2), "," | "that" | ";" | ":"));
        if opens && plain(a, y) && y.value < x.value {
            let comma = (x.tokens.end..y.tokens.start).any(|i| a.word(i) == ",");
            if comma {
                return Some((y, x));
            }
        }
    }
    None
}

/// Where the whole starts after an "of" (token `k` follows it): past determiners, a
/// possessive ("of the country's 4.39 million"), "total", and one noun with its own "of"
/// ("of the company's total output of 1.6 million").
fn whole_after_of(a: &Analysis, mut k: usize, end: usize) -> usize {
    let possessive = |i: usize| {
        let w = a.word(i);
        matches!(w, "'" | "’") || crate::analysis::names::cues::strip_possessive(w).len() < w.len()
    };
    let skippable = |i: usize| {
        matches!(
            a.lower(i),
            "the" | "a" | "its" | "their" | "his" | "her" | "total" | "all"
        ) || possessive(i)
            || (i + 1 < end && possessive(i + 1) && a.tokens[i].is_word())
    };
    let mut skipped = 0;
    while k < end && skipped < 4 && skippable(k) {
        k += 1;
        skipped += 1;
    }
    if k + 1 < end && a.tokens[k].is_word() && a.lower(k + 1) == "of" {
        k += 2;
    }
    k
}

/// The share set off after token `from`: "or", "that is (to say)", "i.e.", a comma or a dash,
/// then the share, within twelve tokens and with no other figure between.
fn share_after(a: &Analysis, from: usize, end: usize) -> Option<Share> {
    let limit = (from + 12).min(end);
    let mut i = from;
    while i < limit {
        let w = a.lower(i);
        let intro = match w {
            "or" => Some(i + 1),
            // (A comma may end the text: `i + 1` is checked before it is read.)
            "," | "—" | "–" => Some(if i + 1 < end && a.lower(i + 1) == "or" {
                i + 2
            } else {
                i + 1
            }),
            "that" if i + 2 < end && a.lower(i + 1) == "is" => {
                if a.lower(i + 2) == "to" && i + 3 < end && a.lower(i + 3) == "say" {
                    Some(i + 4)
                } else {
                    Some(i + 2)
                }
            }
            _ => None,
        };
        if let Some(k) = intro
            && k < end
            && let Some(share) = share_at(a, k, end)
        {
            return Some(share);
        }
        if a.tokens[i].kind == TokenKind::Number {
            return None;
        }
        i += 1;
    }
    None
}

/// The share that a ", with" clause giving its part and whole follows: "Turnout was 86.3
/// percent, with 215,635 of the 268,422 people on the roll casting a ballot".
fn share_before(a: &Analysis, part: usize, start: usize) -> Option<Share> {
    if part < start + 3 || a.lower(part - 1) != "with" || a.word(part - 2) != "," {
        return None;
    }
    let comma = part - 2;
    (comma.saturating_sub(5).max(start)..comma)
        .filter_map(|k| share_at(a, k, comma))
        .find(|share| share.tokens.end == comma)
}

/// A part, then its share of a whole given after the share: "About 48,000 hectares were
/// damaged, or about 60 percent of the 120,000 hectares planted" (a percentage, the whole
/// counting what the part counts).
fn share_of_a_whole<'q>(
    a: &Analysis,
    qs: &'q [Quantity],
    end: usize,
) -> Option<(&'q Quantity, &'q Quantity, Share)> {
    qs.iter()
        .filter(|x| plain(a, x) && x.noun.is_some())
        .find_map(|part| {
            let share = share_after(a, part.phrase.end.max(part.tokens.end), end)?;
            share.precise?;
            let k = share.tokens.end;
            if k >= end || a.lower(k) != "of" {
                return None;
            }
            let k = whole_after_of(a, k + 1, end);
            let whole = qs.iter().find(|q| q.tokens.start == k)?;
            (plain(a, whole) && whole.noun_lemma() == part.noun_lemma() && whole.value > part.value)
                .then_some((part, whole, share))
        })
}

impl Check for ShareFigures {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for (si, s) in a.sentences.iter().enumerate() {
            let qs = a.quantities_in(si);
            if qs.len() < 2 || a.is_heading_sentence(si) {
                continue;
            }
            let found = part_and_whole(a, qs)
                .and_then(|(part, whole)| {
                    let last = part.tokens.end.max(whole.tokens.end);
                    let first = part.tokens.start.min(whole.tokens.start);
                    share_after(a, last, s.tokens.end)
                        .or_else(|| share_before(a, first, s.tokens.start))
                        .map(|share| (part, whole, share))
                })
                .or_else(|| share_of_a_whole(a, qs, s.tokens.end));
            let Some((part, whole, share)) = found else {
                continue;
            };
            let ratio = part.value / whole.value;
            if fits(&share, ratio) {
                continue;
            }
            let span =
                a.tokens[share.tokens.start].span.start..a.tokens[share.tokens.end - 1].span.end;
            let text = a.slice(span.clone());
            let percent = (ratio * 100.0).round();
            out.push(
                Diagnostic::new(
                    span,
                    format!(
                        "'{text}', but {} of {} is about {}%",
                        show(part.value),
                        show(whole.value),
                        show(percent)
                    ),
                )
                .with_primary_label("the share in words")
                .with_label(part.span.clone(), "the part")
                .with_label(whole.span.clone(), "the whole")
                .with_help("check the share against the figures"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    #[test]
    fn a_share_before_the_figures_it_is_given_with() {
        let run = |text: &str| run_kind(&KIND, "", text, None);
        assert_eq!(
            run(
                "Turnout was 86.3 percent, with 215,635 of the 268,422 people on the roll casting a ballot."
            ),
            ["86.3 percent"]
        );
        assert_eq!(
            run(
                "About 48,000 hectares of rice were damaged, or about 60 percent of the 120,000 hectares planted."
            ),
            ["about 60 percent"]
        );
        // A possessive before the whole, a noun with its own "of"; a percentage in digits is
        // meant more closely than "about a third".
        assert_eq!(
            run(
                "Turnout was 69.4%, with 2.81 million of the country's 4.39 million registered voters casting ballots."
            ),
            ["69.4%"]
        );
        assert_eq!(
            run(
                "The mine produces about 120,000 ounces a year, roughly 15% of the company's total output of 1.6 million ounces."
            ),
            ["roughly 15%"]
        );
        // "N of them" after the whole.
        assert_eq!(
            run(
                "Engineers inspected 1,200 homes and declared 300 of them uninhabitable, about 40 percent of those checked."
            ),
            ["about 40 percent"]
        );
        for ok in [
            "Engineers inspected 1,200 homes and declared 300 of them uninhabitable, about 25 percent of those checked.",
            "Turnout was 64%, with 2.81 million of the country's 4.39 million registered voters casting ballots.",
            "The mine produces about 120,000 ounces a year, roughly 8% of the company's total output of 1.6 million ounces.",
            "About 48,000 hectares of rice were damaged, or about 35 percent of the 120,000 hectares planted.",
            "About 48,000 hectares of rice were damaged, or about 40 percent of the 120,000 hectares planted.",
            "About 48,000 hectares of rice were damaged, or about 60 percent of the 120,000 tonnes expected.",
            "Turnout was 80.3 percent, with 215,635 of the 268,422 people on the roll casting a ballot.",
            "Prices rose 5 percent, and 3 of the 10 stores raised rents.",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn shares_that_their_figures_contradict() {
        for (text, hit) in [
            (
                "Of the 60 schools inspected in the county, 41 were rated good, or about half.",
                "about half",
            ),
            (
                "The mayor won 18,200 of the 36,900 votes cast, more than two-thirds of the total.",
                "more than two-thirds",
            ),
            (
                "Inspectors found 240 of 300 lifts faulty, that is nearly one lift in three.",
                "nearly one lift in three",
            ),
            (
                "Some 52 of the 80 delegates, or 45 percent, backed the motion.",
                "45 percent",
            ),
            (
                "Records show that of the 90 claims filed since 2020, 70 were rejected, or about half.",
                "about half",
            ),
        ] {
            let r = run_kind(&KIND, "", text, None);
            assert_eq!(r, [hit], "{text}");
        }
        for ok in [
            "Of the 60 schools inspected in the county, 29 were rated good, or about half.",
            "The mayor won 25,200 of the 36,900 votes cast, more than two-thirds of the total.",
            "Inspectors found 95 of 300 lifts faulty, that is nearly one lift in three.",
            "Some 52 of the 80 delegates, or 65 percent, backed the motion.",
            // No part and whole: two companies, a change, a score.
            "Acme sold 40 cars and Brill 90, about half of the market.",
            "Sales rose to 52 from 80, about a third lower.",
            "One in five stations was closed.",
            // Another figure between: the share is not of these two.
            "Of the 60 schools, 41 were rated good and 12 poor, or about a fifth.",
        ] {
            let r = run_kind(&KIND, "", ok, None);
            assert!(r.is_empty(), "{ok}: {r:?}");
        }
    }
}
