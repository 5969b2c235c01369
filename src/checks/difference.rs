//! `difference`: a gap stated beside the two figures it is the gap between ("needs about 165
//! megalitres a day but is pumping only 98 megalitres, a shortfall of 57 megalitres").
//!
//! It reads the figures of one sentence and stays silent unless the sentence holds exactly the
//! two figures and the gap, all counting one thing.

use super::support::count_facts::{no_options, show};
use super::support::numeric::{range_bound, written};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
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

/// Verbs of a change whose size the figure right after them gives: "sales rose 12% to …".
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "fell",
    "increased",
    "decreased",
    "grew",
    "dropped",
    "declined",
    "jumped",
    "climbed",
    "slipped",
    "surged",
    "plunged",
    "gained",
    "improved",
    "widened",
    "narrowed",
    "shrank",
    "worsened",
    "rises",
    "falls",
    "grows",
];

/// Comparatives that make the figure before them a gap to the figure after "than": "5.5
/// percentage points lower than the 51.3 percent".
const COMPARATIVES: &[&str] = &[
    "lower", "higher", "more", "less", "fewer", "greater", "smaller", "bigger", "larger", "above",
    "below",
];

/// "That was 5.5 percentage points lower than the 51.3 percent recorded in April", after "a
/// turnout of 46.8 percent": a gap told by a comparative, from the figure after "than" to the
/// one the sentence starts from (the last of the same noun in the sentence before, when it
/// opens with "That was", "This is", "It was").
fn comparative_gap<'q>(
    a: &'q Analysis,
    si: usize,
) -> Option<(&'q Quantity, &'q Quantity, &'q Quantity)> {
    let s = &a.sentences[si];
    let opens = |w: &[&str]| {
        s.tokens.len() > 2
            && matches!(a.lower(s.tokens.start), "that" | "this" | "it")
            && w.contains(&a.lower(s.tokens.start + 1))
    };
    if !opens(&["was", "is"]) || si == 0 {
        return None;
    }
    let here = a.quantities_in(si);
    let gap = here.first()?;
    let after = gap.noun.as_ref().map_or(gap.tokens.end, |n| n.token + 1);
    if gap.tokens.start != s.tokens.start + 2
        || after + 2 >= s.tokens.end
        || !COMPARATIVES.contains(&a.lower(after))
        || a.lower(after + 1) != "than"
    {
        return None;
    }
    let y = here
        .get(1)
        .filter(|y| (after + 2..after + 4).contains(&y.tokens.start))?;
    let wanted = if noun(gap) == Some("point") {
        Some("percent")
    } else {
        noun(gap)
    };
    let x = a
        .quantities_in(si - 1)
        .iter()
        .rev()
        .find(|q| q.kind == QuantityKind::Cardinal && noun(q) == wanted)?;
    (noun(y) == wanted && a.sentences[si - 1].block == s.block).then_some((x, y, gap))
}

/// Is `q` the size of a change told by a verb: "rose 12%", "fell by 3 million"?
fn changed_by(a: &Analysis, q: &Quantity) -> bool {
    let mut t = q.tokens.start;
    if q.qualifier.is_some() || t == 0 {
        return false;
    }
    if a.lower(t - 1) == "by" {
        t -= 1;
    }
    t > 0 && CHANGE_VERBS.contains(&a.lower(t - 1))
}

/// Does `y` follow `x` with one word between ("12% to 14.62 billion", "crowns from 13.74"):
/// one phrase of a change, not figures of another clause.
fn next_to(x: &Quantity, y: &Quantity) -> bool {
    let end = x
        .noun
        .as_ref()
        .map_or(x.tokens.end, |n| n.token + 1)
        .max(x.tokens.end);
    y.tokens.start == end + 1
}

/// Are `x` and `y` the level reached and the level left, "to X from Y" (or "from Y to X")?
fn to_and_from(a: &Analysis, x: &Quantity, y: &Quantity) -> bool {
    let before = |q: &Quantity| q.tokens.start.checked_sub(1).map(|i| a.lower(i));
    matches!(
        (before(x), before(y)),
        (Some("to"), Some("from")) | (Some("from"), Some("to"))
    )
}

/// Are `x` and `y` the ends of a range ("€7.0 billion to €7.3 billion", "between 40 and 50")
/// rather than a change ("from 40 to 52")?
fn is_range(a: &Analysis, x: &Quantity, y: &Quantity) -> bool {
    let between: Vec<&str> = (x.phrase.end.max(x.tokens.end)..y.tokens.start)
        .map(|i| a.lower(i))
        .collect();
    let s = &a.sentences[x.sentence];
    let before = |w: &str| x.tokens.start > s.tokens.start && a.lower(x.tokens.start - 1) == w;
    let joined = matches!(between[..], ["to"] | ["-"] | ["–"])
        || (matches!(between[..], ["and"]) && before("between"));
    let from = x.tokens.start > s.tokens.start
        && matches!(
            a.lower(x.tokens.start - 1),
            "from" | "rose" | "fell" | "up" | "down"
        );
    joined && !from
}

/// Does a word between the gap and the figure `y` after it set the gap against `y` ("an
/// increase of 18.4% on the 380.1 million", "a rise of 5% over last year's 40")?
fn compared_with(a: &Analysis, gap: &Quantity, y: &Quantity) -> bool {
    let from = gap.phrase.end.max(gap.tokens.end);
    (from..y.tokens.start).any(|i| {
        matches!(
            a.lower(i),
            "on" | "over"
                | "from"
                | "against"
                | "than"
                | "compared"
                | "versus"
                | "vs"
                | "relation"
                | "relative"
        )
    })
}

/// Is the gap's noun one that names a ratio when it is a percentage ("a margin of 31.2%")?
fn ratio_named(a: &Analysis, gap: &Quantity) -> bool {
    let t = gap.tokens.start;
    (t.saturating_sub(3)..t).any(|i| matches!(a.lower(i), "margin" | "surplus" | "deficit"))
}

/// Is the figure's noun followed by "of" ("3% of GDP")?
fn of_after(a: &Analysis, q: &Quantity) -> bool {
    let end = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
    end < a.tokens.len() && a.lower(end) == "of"
}

/// The rounding a figure was written to: "5.1 billion" is 5.1 billion give or take 0.05
/// billion, so a unit of 0.1 billion; a figure in words, a unit of one.
fn unit(a: &Analysis, q: &Quantity) -> f64 {
    written(a, q).map_or(1.0, |w| w.scale * 10f64.powi(-(w.decimals as i32)))
}

/// `value` written as `like` is written: "$5.1 billion" and 0.9 billion give "$0.9 billion";
/// "4.8%" and 0.4 give "0.4%".
fn written_like(a: &Analysis, like: &Quantity, value: f64) -> String {
    let text = a.slice(like.span.clone());
    let Some((w, at)) = written(a, like).and_then(|w| text.find(&w.number).map(|at| (w, at)))
    else {
        return show(value);
    };
    let scaled = value / w.scale;
    let figure = if w.decimals == 0 {
        show(scaled.round())
    } else {
        format!("{scaled:.prec$}", prec = w.decimals)
    };
    format!("{}{figure}{}", &text[..at], &text[at + w.number.len()..])
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

/// What the gap says of the two figures.
enum Stated {
    /// Their difference, in their unit (or in points for percentages).
    Absolute,
    /// Their difference as a percentage of one of them ("an increase of 18.4%").
    Relative,
    /// Either (percentages: 5.2% to 4.8% is a drop of 0.4 or of 8%).
    Either,
}

/// Can `gap` be the gap between `x` and `y`, and how: one thing counted three times ("165
/// megalitres … 98 megalitres … 57 megalitres", or a bare gap), percentages and their gap in
/// points, or a change in percent of two amounts.
fn stated(x: &Quantity, y: &Quantity, gap: &Quantity, elliptic: bool) -> Option<Stated> {
    if noun(x) != noun(y) && !(elliptic && noun(y).is_none()) {
        return None;
    }
    let gap_percent = noun(gap) == Some("percent");
    match noun(x) {
        Some("percent") if gap_percent => Some(Stated::Either),
        Some("percent") if noun(gap).is_none_or(|g| g == "point") => Some(Stated::Absolute),
        _ if gap_percent => Some(Stated::Relative),
        what if noun(gap).is_none() || noun(gap) == what => Some(Stated::Absolute),
        _ => None,
    }
}

impl Check for Difference {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for si in 0..a.sentences.len() {
            if a.is_heading_sentence(si) {
                continue;
            }
            if let Some((x, y, gap)) = comparative_gap(a, si)
                && let Some(how) = stated(x, y, gap, false)
                && [x, y, gap]
                    .iter()
                    .all(|q| !q.quoted && q.approx == Approx::Exact)
                && let Some(d) = mismatch(a, x, y, gap, &how)
            {
                out.push(d);
                continue;
            }
            // The figures that can be amounts (years, days and ranks are not).
            let figures: Vec<&Quantity> = a
                .quantities_in(si)
                .iter()
                .filter(|q| q.kind == QuantityKind::Cardinal)
                .collect();
            for (g, gap) in figures.iter().enumerate() {
                let verb = changed_by(a, gap);
                if !verb && !named_as_gap(a, gap) {
                    continue;
                }
                // The two figures next to the gap: around it ("412.6 million …, an increase of
                // 18.4% on the 380.1 million …") or just before it ("165 … 98 …, a shortfall
                // of 57"); after a verb, the two after it ("rose 12% to 14.62 billion crowns
                // from 13.74 billion", where the second may leave out its noun).
                let pairs = if verb {
                    let after = (g + 2 < figures.len())
                        .then(|| (figures[g + 1], figures[g + 2]))
                        .filter(|&(x, y)| to_and_from(a, x, y) && next_to(gap, x) && next_to(x, y));
                    [after, None]
                } else {
                    // (Around it only when a word ties the figure after it to the gap: "on",
                    // "over", "from", "compared with"; not "…, including 9 billion for …".)
                    let around = (g >= 1 && g + 1 < figures.len())
                        .then(|| (figures[g - 1], figures[g + 1]))
                        .filter(|&(_, y)| compared_with(a, gap, y));
                    // Before it: the last two figures, past a ratio set off between them
                    // ("876 billion shillings, or 4.3 percent of GDP, from 923 billion").
                    let before: Vec<&Quantity> = figures[..g]
                        .iter()
                        .rev()
                        .filter(|q| {
                            !(noun(q) == Some("percent") && of_after(a, q))
                                || matches!(noun(gap), Some("percent" | "point"))
                        })
                        // Nor a conversion in brackets: "15,000 taka ($123) from 12,500 taka".
                        .filter(|q| q.tokens.start == 0 || a.word(q.tokens.start - 1) != "(")
                        .take(2)
                        .copied()
                        .collect();
                    [around, (before.len() == 2).then(|| (before[1], before[0]))]
                };
                // "702 billion shillings, up from 656 billion": a figure after "from" may leave
                // out its noun.
                let elliptic = |y: &Quantity| {
                    verb || (y.tokens.start > 0 && a.lower(y.tokens.start - 1) == "from")
                };
                let Some(((x, y), how)) = pairs
                    .into_iter()
                    .flatten()
                    .find_map(|(x, y)| stated(x, y, gap, elliptic(y)).map(|how| ((x, y), how)))
                else {
                    continue;
                };
                // A percentage can be a ratio instead: "a margin of 31.2%" (profit to
                // revenue), "a deficit of 3% of GDP".
                if noun(gap) == Some("percent") && (ratio_named(a, gap) || of_after(a, gap)) {
                    continue;
                }
                // A range is no pair and no gap: "revenue of €7.0 billion to €7.3 billion and a
                // margin of 6.5 to 7 percent" (after a verb, "rose 12% to 14.62 billion" is the
                // change and the level reached).
                if is_range(a, x, y) || (!verb && range_bound(a, gap)) {
                    continue;
                }
                if [x, y, gap].iter().any(|q| {
                    q.quoted || !matches!(q.approx, Approx::Exact | Approx::About) || q.value <= 0.0
                }) {
                    continue;
                }
                if let Some(d) = mismatch(a, x, y, gap, &how) {
                    out.push(d);
                }
            }
        }
    }
}

/// The finding when `gap` is not the difference of `x` and `y` (in the way `how` says).
fn mismatch(
    a: &Analysis,
    x: &Quantity,
    y: &Quantity,
    gap: &Quantity,
    how: &Stated,
) -> Option<Diagnostic> {
    let apart = (x.value - y.value).abs();
    let absolute = (apart - gap.value).abs()
        <= slack(a, x) + slack(a, y) + slack(a, gap) + 1e-9 * apart.max(1.0);
    // A change in percent, of either figure (an increase is usually of the earlier one).
    let relative = |base: &Quantity| {
        let change = 100.0 * apart / base.value;
        let rounding = 100.0 * (slack(a, x) + slack(a, y)) / base.value;
        (change - gap.value).abs() <= slack(a, gap) + rounding + 0.5
    };
    let fits = match how {
        Stated::Absolute => absolute,
        Stated::Relative => relative(x) || relative(y),
        Stated::Either => absolute || relative(x) || relative(y),
    };
    if fits {
        return None;
    }
    let (big, small) = if x.value >= y.value { (x, y) } else { (y, x) };
    let gap_text = a.slice(gap.phrase_span(false));
    let (big_text, small_text) = (a.slice(big.span.clone()), a.slice(small.span.clone()));
    let difference = match how {
        Stated::Relative => format!("{:.1}%", 100.0 * apart / small.value),
        _ if noun(gap) == Some("point") => format!("{} points", written_like(a, big, apart)),
        _ => written_like(a, big, apart),
    };
    let between = match how {
        Stated::Relative => format!("from {small_text} to {big_text} is"),
        _ => format!("{big_text} - {small_text} is"),
    };
    Some(
        Diagnostic::new(
            gap.span.clone(),
            format!("'{gap_text}', but {between} {difference}"),
        )
        .with_primary_label(format!("{difference} by the figures"))
        .with_label(x.span.clone(), "one figure")
        .with_label(y.span.clone(), "the other")
        .with_help("check the gap and the two figures it is the difference of"),
    )
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
        // A change told by a verb, the two levels after it.
        assert_eq!(
            hits("Net sales rose 12% to 14.62 billion crowns from 13.74 billion, the group said."),
            ["12"]
        );
        // A change in percent of two amounts, the gap between them.
        assert_eq!(
            hits(
                "It made a profit of R$ 412.6 million in the third quarter of 2025, an increase of 18.4% in relation to the R$ 380.1 million of 2024."
            ),
            ["18.4"]
        );
    }

    #[test]
    fn the_two_figures_a_gap_is_between() {
        // Past a ratio set off between them; a second figure after "from" may drop its noun.
        assert_eq!(
            hits(
                "The deficit will narrow to 876 billion shillings, or 4.3 percent of GDP, from 923 billion shillings in 2025/26, a reduction of 57 billion shillings."
            ),
            ["57 billion"]
        );
        assert_eq!(
            hits(
                "Education receives 702 billion shillings, up from 656 billion, an increase of 11 percent, much of it for teachers."
            ),
            ["11"]
        );
        for ok in [
            "The deficit will narrow to 876 billion shillings, or 4.3 percent of GDP, from 923 billion shillings in 2025/26, a reduction of 47 billion shillings.",
            "Education receives 702 billion shillings, up from 656 billion, an increase of 7 percent, much of it for teachers.",
            // Ranges are no pair and no gap.
            "The company forecast revenue of €7.0 billion to €7.3 billion and an adjusted margin of 6.5 to 7 percent.",
            "Prices were between 40 and 50 euros, a gap of 3 euros on last year.",
            // A conversion in brackets is no figure of the pair.
            "The wage rises to 15,000 taka ($123) from 12,500 taka, a rise of 20 percent.",
            // A figure after the gap is its own unless a word sets the gap against it.
            "Health spending rises to 138 billion shillings from 127 billion, an increase of 8.7 percent, including 9 billion for a fund.",
        ] {
            assert!(hits(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_gap_told_by_a_comparative_or_a_verb_of_change() {
        let turnout = |gap: &str| {
            hits(&format!(
                "Of 312,480 voters, 146,210 cast ballots, a turnout of 46.8 percent. That was {gap} percentage points lower than the 51.3 percent recorded in April."
            ))
        };
        assert_eq!(turnout("5.5"), ["5.5"]);
        assert!(turnout("4.5").is_empty());
        assert_eq!(
            hits("The margin improved by 1.9 percentage points to 6.2 percent from 4.8 percent."),
            ["1.9"]
        );
        for ok in [
            "The margin improved by 1.4 percentage points to 6.2 percent from 4.8 percent.",
            // Another paragraph, or no "That was" to tie the two sentences.
            "Turnout was 46.8 percent.\n\nThat was 5.5 percentage points lower than the 51.3 percent recorded in April.",
            "Turnout was 46.8 percent. Women voted 5.5 percentage points more than the 51.3 percent of men.",
        ] {
            assert!(hits(ok).is_empty(), "{ok}");
        }
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
            "It made a profit of R$ 412.6 million in the third quarter of 2025, an increase of 8.6% in relation to the R$ 380.1 million of 2024.",
            "Profit fell to $3.1 billion from $4.4 billion, a decline of 30%, while sales rose 2% to $9 billion.",
            "Revenue reached R$ 3.37 billion and Ebitda was R$ 1.05 billion, with a margin of 31.2%.",
            "Net sales rose 6% to 14.62 billion crowns from 13.74 billion, the group said.",
            "Net sales rose 6.4% to 14.62 billion crowns, from 13.74 billion a year earlier.",
            "Sales rose 12% in Europe to 5 billion crowns, while profit fell from 3 billion to 2 billion.",
            "Spending was $4.1 trillion and revenue $3.2 trillion, a deficit of 3.5% of GDP.",
        ] {
            assert!(hits(ok).is_empty(), "{ok}");
        }
    }
}
