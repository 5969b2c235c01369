//! `parts-total`: an account of every member of a group ("Of the 22 workers trapped, eleven
//! …, one … and nine are still missing") that does not add up to the group.
//!
//! It reads the fact model (`analysis::facts`) and stays silent without evidence that both
//! figures are about one thing.

use super::support::count_facts::{no_options, show};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::facts::{Fact, FactKind, Role, VOCAB};
use crate::analysis::numbers::{self, Approx};
use crate::diagnostic::Diagnostic;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "parts-total",
        include_str!("../../docs/kinds/parts-total.md"),
    ),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(PartsTotal))
    },
};

struct PartsTotal;

/// Words after a part that make it the rest of the group.
const RESIDUAL: &[&str] = &[
    "missing",
    "unaccounted",
    "unhurt",
    "unharmed",
    "uninjured",
    "unscathed",
    "remain",
    "remaining",
    "remained",
    "rest",
    "others",
];

/// A part counted as a kind of the total's group ("208 passengers" of "243 persons").
fn kind_of(part: &Fact, total: &Fact) -> bool {
    match (&part.group, &total.group) {
        (Some(p), Some(t)) => VOCAB.broad(p) == t.as_str(),
        _ => false,
    }
}

/// Each part a place: "twelve in Kandy, four in Galle and one in Matara".
fn all_places(a: &crate::analysis::Analysis, parts: &[&Fact]) -> bool {
    parts.iter().all(|f| {
        let q = &a.quantities()[f.quantity];
        let i = q.tokens.end;
        i + 1 < a.sentences[f.sentence].tokens.end
            && q.noun.is_none()
            && matches!(a.lower(i), "in" | "from" | "at")
            && a.tokens[i + 1].capitalised
    })
}

/// Whether the parts are set off right after the total ("243 persons, 208 passengers and 37
/// crew members"), and whether they add up to more than it, by a slip rather than another
/// count ("votes of 230-to-197 and 229-to-198" are tallies).
fn appended_and_over(
    a: &crate::analysis::Analysis,
    model: &crate::analysis::facts::Facts,
    total: &Fact,
    parts: &[&Fact],
    sum: f64,
) -> (bool, bool) {
    let qs = a.quantities();
    let s = &a.sentences[total.sentence];
    let q = &qs[total.quantity];
    let end = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
    let apposition =
        end < s.tokens.end && a.word(end) == "," && qs[parts[0].quantity].tokens.start == end + 1;
    let in_tally = |f: &Fact| {
        model
            .tallies
            .iter()
            .any(|t| t.span.start <= f.span.start && f.span.end <= t.span.end)
    };
    let over = sum > total.value
        && sum <= total.value * 1.25
        && !in_tally(total)
        && !parts.iter().any(|f| in_tally(f));
    (apposition, over)
}

impl Check for PartsTotal {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let qs = a.quantities();
        let model = a.facts();
        for (si, s) in a.sentences.iter().enumerate() {
            let here: Vec<&Fact> = model
                .in_sentence(si)
                .filter(|f| f.kind == FactKind::Count)
                .collect();
            if here.len() < 2 || a.is_heading_sentence(si) {
                continue;
            }
            // The total: a counted noun in this sentence before the parts, else (when the
            // sentence opens with a bare figure) the last counted noun of the sentence before.
            let opens_bare = here[0].noun.is_none()
                && a.quantities()[here[0].quantity].tokens.start <= s.tokens.start + 1;
            let (total, parts): (&Fact, Vec<&Fact>) = if opens_bare {
                if si == 0 {
                    continue;
                }
                let Some(t) = model
                    .in_sentence(si.wrapping_sub(1))
                    .filter(|f| f.kind == FactKind::Count && f.noun.is_some())
                    .last()
                else {
                    continue;
                };
                (t, here.clone())
            } else {
                let Some(ti) = here.iter().position(|f| f.noun.is_some()) else {
                    continue;
                };
                (here[ti], here[ti + 1..].to_vec())
            };
            // In one sentence the total is announced as one: "Of the 22 workers trapped, …",
            // or it opens the sentence and the parts are places ("Eighteen people …, twelve in
            // …"); else "Warren earned 8 delegates, Biden 6 and Klobuchar the remaining 1" is
            // read as a total.
            let of_the = {
                let q = &qs[total.quantity];
                let mut b = q.tokens.start;
                while b > s.tokens.start && matches!(a.lower(b - 1), "the" | "its" | "their") {
                    b -= 1;
                }
                b > s.tokens.start && a.lower(b - 1) == "of"
            };
            let total_opens = {
                let q = &qs[total.quantity];
                q.qualifier
                    .as_ref()
                    .map_or(q.tokens.start, |r| a.token_at_or_after(r.start))
                    <= s.tokens.start + 1
            };
            if parts.len() < 2
                || total.approx != Approx::Exact
                || total.value.fract() != 0.0
                || total.quoted
                || total.noun.as_deref().is_some_and(numbers::is_measure)
                || !matches!(total.role, Role::Stated | Role::Total)
            {
                continue;
            }
            // Every part bare (or a noun of what happened: "three bodies"), exact, smaller.
            let bare = |f: &&Fact| {
                f.approx == Approx::Exact
                    && f.value.fract() == 0.0
                    && f.value < total.value
                    && matches!(f.role, Role::Stated | Role::Part)
                    && match &f.noun {
                        None => true,
                        Some(n) => {
                            VOCAB.predicate_of.contains_key(n)
                                || f.group == total.group
                                || kind_of(f, total)
                        }
                    }
            };
            // The run of parts after the total ends at the first other figure ("… and one in
            // Queensland, and more than 1,300 homes").
            let parts: Vec<&Fact> = parts.into_iter().take_while(|f| bare(f)).collect();
            if parts.len() < 2 {
                continue;
            }
            // All of the group accounted for: one part is the rest, or each part is a place.
            let after = |f: &Fact, k: usize| {
                let q = &qs[f.quantity];
                let end = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
                (end..(end + k).min(a.sentences[f.sentence].tokens.end))
                    .map(|i| a.lower(i))
                    .collect::<Vec<_>>()
            };
            let residual = parts
                .iter()
                .any(|f| after(f, 4).iter().any(|w| RESIDUAL.contains(w)))
                || parts.iter().any(|f| {
                    qs[f.quantity]
                        .premodifier
                        .as_ref()
                        .is_some_and(|(w, _)| matches!(*w, "remaining" | "other" | "rest"))
                });
            let places = all_places(a, &parts);
            let sum: f64 = parts.iter().map(|f| f.value).sum();
            let (apposition, over) = appended_and_over(a, model, total, &parts, sum);
            let announced = opens_bare || of_the || apposition || (total_opens && places);
            if !announced || !(residual || places || over) {
                continue;
            }
            // Subsets inside the account ("five of them children") break the sum.
            if (s.tokens.clone()).any(|i| {
                matches!(
                    a.lower(i),
                    "including" | "among" | "whom" | "which" | "them" | "both"
                )
            }) {
                continue;
            }
            if sum == total.value {
                continue;
            }
            let list: Vec<String> = parts
                .iter()
                .map(|f| a.slice(f.span.clone()).to_string())
                .collect();
            let t = a.slice(total.span.clone());
            let message = format!(
                "{} = {}, not the {} given as the total",
                list.join(" + "),
                show(sum),
                t
            );
            // The rest ("nine are still missing") is the figure worked out from the others: it
            // is reported; with no rest, the total is.
            let rest = parts.iter().rev().find(|f| {
                after(f, 4).iter().any(|w| RESIDUAL.contains(w))
                    || qs[f.quantity].premodifier.is_some()
            });
            let d = match rest {
                Some(r) => Diagnostic::new(r.span.clone(), message)
                    .with_primary_label(format!("parts add up to {}", show(sum)))
                    .with_label(total.span.clone(), format!("total {t}")),
                None => Diagnostic::new(total.span.clone(), message)
                    .with_primary_label(format!("total {t}"))
                    .with_label(
                        parts[0].span.clone(),
                        format!("parts add up to {}", show(sum)),
                    ),
            };
            out.push(d.with_help("check each part and the total"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    #[test]
    fn parts_that_add_up_to_more_than_the_group() {
        for (text, hit) in [
            (
                "The bus was carrying 44 people, including the driver. Three died at the scene, twenty-eight were taken to hospital and sixteen were treated at the scene.",
                "44",
            ),
            (
                "The ferry had on board 243 persons, 208 passengers and 37 crew members, when the fire started.",
                "243",
            ),
        ] {
            assert_eq!(run_kind(&KIND, "", text, None), [hit], "{text}");
        }
    }

    #[test]
    fn accounts_that_do_not_add_up() {
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The bus carried 41 passengers when it overturned. Thirty were treated in hospital and nine were unhurt, police said.",
                None
            ),
            ["nine"]
        );
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "Nineteen climbers died on the peak this season, eight in May, seven in June and three in July.",
                None
            ),
            ["Nineteen"]
        );
        for ok in [
            "The bus carried 41 passengers when it overturned. Thirty were treated in hospital and eleven were unhurt, police said.",
            "Of the 50 members, 20 voted yes and 10 voted no.",
            "The bus carried 41 passengers. Thirty were treated in hospital, including nine children.",
            "Nineteen climbers died on the peak this season, eight in May, seven in June and four in July.",
            "Ana Ruiz won 8 seats, Tomas Berg won 6, and Lia Moss took the remaining 1.",
            // Short of the total with no word that the rest is accounted for: others unnamed.
            "The bus carried 44 people. Three died at the scene and twenty-eight were taken to hospital.",
            "The ferry had 245 persons on board, 208 passengers and 37 crew members.",
            "The bus carried 44 people. Thirty were adults, including 20 women, and ten were children.",
        ] {
            assert!(run_kind(&KIND, "", ok, None).is_empty(), "{ok}");
        }
    }
}
