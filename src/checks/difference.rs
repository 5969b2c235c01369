//! `difference`: a gap stated beside the two figures it is the gap between ("needs about 165
//! megalitres a day but is pumping only 98 megalitres, a shortfall of 57 megalitres").
//!
//! It reads the figures of one sentence and stays silent unless the sentence holds exactly the
//! two figures and the gap, all counting one thing.

use super::support::count_facts::{no_options, show};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::TokenKind;
use crate::analysis::numbers::{Approx, Quantity, QuantityKind};
use crate::diagnostic::Diagnostic;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("difference", include_str!("../../docs/kinds/difference.md")),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(Difference))
    },
};

struct Difference;

/// Nouns that name the gap between two figures: "a shortfall of 57", "an increase of $0.9
/// billion", "a margin of 4,000".
const GAP_NOUNS: &[&str] = &[
    "shortfall",
    "gap",
    "deficit",
    "difference",
    "surplus",
    "shortage",
    "margin",
    "drop",
    "fall",
    "decline",
    "decrease",
    "reduction",
    "increase",
    "rise",
    "jump",
    "gain",
];

/// Slack a figure allows for "about", "some", "nearly": a few percent of it.
const ABOUT: f64 = 0.03;

/// Is `q` written as a gap: "a shortfall of 57", "a daily shortfall of 57", "an annual increase
/// of 4.5%"?
fn named_as_gap(a: &Analysis, q: &Quantity) -> bool {
    let t = q.tokens.start;
    if q.qualifier.is_some() || t < 2 || a.lower(t - 1) != "of" {
        return false;
    }
    let gap = |i: usize| GAP_NOUNS.contains(&a.lower(i));
    gap(t - 2)
        || (t >= 3 && gap(t - 3) && !a.tokens[t - 2].capitalised && a.tokens[t - 2].is_word())
}

/// The rounding a figure was written to: "5.1 billion" is 5.1 billion give or take 0.05
/// billion, so a unit of 0.1 billion; a figure in words, a unit of one.
fn unit(a: &Analysis, q: &Quantity) -> f64 {
    let Some(i) = q
        .tokens
        .clone()
        .find(|&i| a.tokens[i].kind == TokenKind::Number)
    else {
        return 1.0;
    };
    let digits: String = a
        .word(i)
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let Ok(written) = digits.parse::<f64>() else {
        return 1.0;
    };
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let scale = if written > 0.0 {
        q.value / written
    } else {
        1.0
    };
    scale * 10f64.powi(-decimals)
}

/// `value` written as `like` is written: "$5.1 billion" and 0.9 billion give "$0.9 billion";
/// "4.8%" and 0.4 give "0.4%".
fn written_like(a: &Analysis, like: &Quantity, value: f64) -> String {
    let text = a.slice(like.span.clone());
    let Some(i) = like
        .tokens
        .clone()
        .find(|&i| a.tokens[i].kind == TokenKind::Number)
    else {
        return show(value);
    };
    let number: String = a
        .word(i)
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    let plain: String = number.chars().filter(|c| *c != ',').collect();
    let (Ok(written), Some(at)) = (plain.parse::<f64>(), text.find(&number)) else {
        return show(value);
    };
    let scale = if written > 0.0 {
        like.value / written
    } else {
        1.0
    };
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    let scaled = value / scale;
    let figure = if decimals == 0 {
        show(scaled.round())
    } else {
        format!("{scaled:.decimals$}")
    };
    format!("{}{figure}{}", &text[..at], &text[at + number.len()..])
}

/// How far the true value may be from the one written.
fn slack(a: &Analysis, q: &Quantity) -> f64 {
    unit(a, q) / 2.0
        + if q.approx == Approx::About {
            ABOUT * q.value
        } else {
            0.0
        }
}

fn noun(q: &Quantity) -> Option<&str> {
    q.noun.as_ref().map(|n| n.lemma.as_str())
}

impl Check for Difference {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for si in 0..a.sentences.len() {
            let qs = a.quantities_in(si);
            let [x, y, gap] = qs else { continue };
            if a.is_heading_sentence(si)
                || !named_as_gap(a, gap)
                || [x, y, gap].iter().any(|q| {
                    q.kind != QuantityKind::Cardinal
                        || q.quoted
                        || !matches!(q.approx, Approx::Exact | Approx::About)
                        || q.value <= 0.0
                })
            {
                continue;
            }
            // One thing counted three times: "165 megalitres … 98 megalitres … 57 megalitres"
            // (or a bare gap); percentages and their gap in points.
            let Some(what) = noun(x) else { continue };
            let percent = what == "percent";
            if noun(y) != Some(what)
                || !(noun(gap).is_none_or(|g| g == what) || (percent && noun(gap) == Some("point")))
            {
                continue;
            }
            let apart = (x.value - y.value).abs();
            let tolerance = slack(a, x) + slack(a, y) + slack(a, gap) + 1e-9 * apart.max(1.0);
            if (apart - gap.value).abs() <= tolerance {
                continue;
            }
            // A change in percent may be relative: 5.2% to 4.8% is a drop of 8%.
            if percent && noun(gap) == Some("percent") {
                let relative = |base: f64| 100.0 * apart / base;
                if [x.value, y.value]
                    .iter()
                    .any(|&b| (relative(b) - gap.value).abs() <= 1.0 + ABOUT * gap.value)
                {
                    continue;
                }
            }
            let (big, small) = if x.value >= y.value { (x, y) } else { (y, x) };
            let gap_text = a.slice(gap.phrase_span(false));
            let (big_text, small_text) = (a.slice(big.span.clone()), a.slice(small.span.clone()));
            let mut difference = written_like(a, big, apart);
            if noun(gap) == Some("point") {
                difference.push_str(" points");
            }
            out.push(
                Diagnostic::new(
                    gap.span.clone(),
                    format!("'{gap_text}', but {big_text} - {small_text} is {difference}"),
                )
                .with_primary_label(format!("{difference} by the figures"))
                .with_label(x.span.clone(), "one figure")
                .with_label(y.span.clone(), "the other")
                .with_help("check the gap and the two figures it is the difference of"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    fn hits(text: &str) -> Vec<String> {
        run_kind(&KIND, "", text, None)
    }

    #[test]
    fn a_gap_that_is_not_the_difference() {
        assert_eq!(
            hits(
                "Bulawayo needs about 165 megalitres of water a day but is pumping only 98 megalitres, a shortfall of 57 megalitres, engineers said."
            ),
            ["57"]
        );
        assert_eq!(
            hits("Sales rose to $5.1 billion from $4.2 billion, an increase of $0.7 billion."),
            ["$0.7 billion"]
        );
        assert_eq!(
            hits("Unemployment fell to 4.8% from 5.2%, a drop of 0.6 percentage points."),
            ["0.6"]
        );
    }

    #[test]
    fn gaps_that_are_the_difference_or_of_something_else() {
        for ok in [
            "Bulawayo needs about 165 megalitres of water a day but is pumping only 98 megalitres, a shortfall of 67 megalitres.",
            "Bulawayo needs about 165 megalitres a day but pumps only 98 megalitres, a shortfall of about 65 megalitres.",
            "Sales rose to $5.1 billion from $4.2 billion, an increase of $0.9 billion.",
            "Sales rose to $5.1 billion from $4.2 billion, an increase of 21%.",
            "Unemployment fell to 4.8% from 5.2%, a drop of 0.4 percentage points.",
            "Unemployment fell to 4.8% from 5.2%, a drop of 8%.",
            "She won 52,000 votes to his 48,000, a margin of 4,000.",
            "Turnout was 61% in 2019 and 58% in 2023, a fall of 3%.",
            "He needs 165 votes and has 98, a shortfall of some 60 votes, aides said, with more than 20 undecided.",
        ] {
            assert!(hits(ok).is_empty(), "{ok}");
        }
    }
}
