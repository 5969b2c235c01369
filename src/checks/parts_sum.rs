//! `parts-sum`: a total and its breakdown disagree.
//!
//! - "Of the 107 deaths, 71 were recorded in X and the remaining 31 in Y": with "remaining"
//!   (or "the rest", "the other") the parts must add up to the total; without it they must not
//!   exceed it.
//! - "24 crew members: 11 Indonesians, 9 Filipinos and 6 Indians": a breakdown after a colon
//!   must add up; after "including" it must not exceed the total.
//! - "seven of the five candidates": a part larger than its whole.

use super::support::numeric::{self, Phrases};
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::numbers::{Approx, Quantity, QuantityKind};
use crate::analysis::{Analysis, lists};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Premodifiers that make a breakdown complete ("the remaining 31", "the other 12").
    #[serde(default = "default_complete")]
    complete_words: Vec<String>,
    /// Markers after which a breakdown is partial ("including 3 children").
    #[serde(default = "default_subset")]
    subset_markers: Vec<String>,
    /// Words that may open the clause a part starts ("…, 71 were…", "and the remaining 31…").
    #[serde(default = "default_openers")]
    clause_openers: Vec<String>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}
fn default_complete() -> Vec<String> {
    strings(&["remaining", "rest", "other"])
}
fn default_subset() -> Vec<String> {
    strings(&[
        "including",
        "among them",
        "among whom",
        "of whom",
        "of which",
    ])
}
fn default_openers() -> Vec<String> {
    strings(&[",", "and", ";", ":", "while", "whereas", "but"])
}

struct PartsSum {
    complete: Vec<String>,
    subset: Phrases,
    openers: Vec<String>,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("parts-sum", include_str!("../../docs/kinds/parts-sum.md")),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(PartsSum {
        complete: numeric::lower(o.complete_words),
        subset: Phrases::new(o.subset_markers),
        openers: numeric::lower(o.clause_openers),
    }))
}

/// A figure that can be one part of `total`: no noun ("71 were…"), the total's noun, or a
/// sub-group ("11 Indonesians") — not a measure ("50 basis points", "14 percent").
fn is_part(q: &Quantity, total: &Quantity) -> bool {
    q.is_count()
        && q.value > 0.0
        && q.head.is_none()
        && q.noun.as_ref().is_none_or(|n| {
            total.noun.as_ref().is_some_and(|t| t.lemma == n.lemma)
                || !crate::analysis::numbers::is_measure(&n.lemma)
        })
}

impl PartsSum {
    /// Token where the clause holding `q` would open: before its determiner and premodifier.
    fn opens_clause(&self, a: &Analysis, q: &Quantity, from: usize) -> bool {
        let mut t = a.token_at_or_after(q.phrase_span(true).start);
        if q.determiner.is_some() && t > from {
            t -= 1;
        }
        t > from && self.openers.iter().any(|o| o == a.lower(t - 1))
    }

    fn complete_part(&self, a: &Analysis, q: &Quantity) -> bool {
        if q.premodifier
            .as_ref()
            .is_some_and(|(p, _)| self.complete.iter().any(|c| c == p))
        {
            return true;
        }
        // "the rest, 31, …" / "the rest of them, 31": not worth the trouble; "the other 12" is
        // covered by the premodifier.
        let t = q.tokens.start;
        t >= 2 && a.word(t - 1) == "," && self.complete.iter().any(|c| c == a.lower(t - 2))
    }

    /// "Of the 107 deaths …, 71 were … and the remaining 31 …"
    fn of_the_total(&self, a: &Analysis, total: &Quantity, out: &mut Vec<Diagnostic>) {
        let s = &a.sentences[total.sentence];
        let mut t = total.tokens.start;
        if total.determiner.is_some() {
            t -= 1;
        }
        if t <= s.tokens.start || a.lower(t - 1) != "of" {
            return;
        }
        let of = t - 1;
        if of != s.tokens.start && a.word(of - 1) != "," {
            return;
        }
        let after = total.phrase.end.max(total.tokens.end);
        let Some(comma) = (after..s.tokens.end).find(|&i| a.word(i) == ",") else {
            return;
        };
        let parts: Vec<&Quantity> = a
            .quantities_in(total.sentence)
            .iter()
            .filter(|q| {
                q.tokens.start > comma && is_part(q, total) && self.opens_clause(a, q, comma)
            })
            .collect();
        self.compare(a, total, &parts, None, out);
    }

    /// "24 crew members: 11 Indonesians, …" and "12 people, including 3 children and …".
    fn listed_parts(&self, a: &Analysis, total: &Quantity, out: &mut Vec<Diagnostic>) {
        let s = &a.sentences[total.sentence];
        let k = total.phrase.end.max(total.tokens.end);
        let mut start = None;
        let mut complete = false;
        let mut j = k;
        while j < s.tokens.end && j < k + 6 {
            let w = a.lower(j);
            if w == ":" {
                start = Some(j + 1);
                complete = true;
                break;
            }
            if w == "," || j == k {
                let m = if w == "," { j + 1 } else { j };
                if let Some(e) = self.subset.at(a, m, s.tokens.end) {
                    start = Some(e);
                    break;
                }
                if w == "," {
                    break;
                }
            }
            if a.tokens[j].kind != crate::analysis::TokenKind::Word {
                break;
            }
            j += 1;
        }
        let Some(start) = start else { return };
        // The breakdown must start with a figure ("24 crew members: 11 Indonesians, …"): most
        // lists after a colon ("two cities: Bogotá, …") are ruled out before they are parsed.
        if !lists::may_be_all_figures(a, start, s.tokens.end) {
            return;
        }
        let Some(list) = lists::parse(a, start, s.tokens.end) else {
            return;
        };
        if list.open || !lists::all_items_are_figures(a, &list) {
            return;
        }
        let parts: Vec<&Quantity> = list
            .items
            .iter()
            .filter_map(|r| {
                // A quantity starting in the item is in the item's sentence.
                a.quantities_in(a.sentence_of[r.start])
                    .iter()
                    .find(|q| q.tokens.start >= r.start && q.tokens.start < r.end.min(r.start + 2))
            })
            .collect();
        if parts.len() != list.items.len() {
            return;
        }
        self.compare(a, total, &parts, Some(complete), out);
    }

    fn compare(
        &self,
        a: &Analysis,
        total: &Quantity,
        parts: &[&Quantity],
        complete: Option<bool>,
        out: &mut Vec<Diagnostic>,
    ) {
        if parts.len() < 2 || parts.iter().any(|p| p.approx != Approx::Exact) {
            return;
        }
        let rest = parts.iter().find(|p| self.complete_part(a, p));
        let complete = complete.unwrap_or(false) || rest.is_some();
        let sum: f64 = parts.iter().map(|p| p.value).sum();
        let t = total.value;
        let exact_total = total.approx == Approx::Exact;
        let wrong = if complete {
            exact_total && sum != t
        } else {
            match total.approx {
                Approx::Exact | Approx::AtMost => sum > t,
                _ => false,
            }
        };
        if !wrong {
            return;
        }
        let terms: Vec<String> = parts.iter().map(|p| numeric::show(p.value)).collect();
        let total_span = total.phrase_span(false);
        let total_text = a.slice(total_span.clone());
        let how = if complete { "" } else { "more than " };
        let message = format!(
            "the parts add up to {} ({}), {how}not the {} of '{total_text}'",
            numeric::show(sum),
            terms.join(" + "),
            if complete { "total" } else { "whole" }
        );
        let mut d;
        match rest {
            Some(r) if complete => {
                let others: f64 = sum - r.value;
                let span = r.phrase_span(true);
                d = Diagnostic::new(span, message)
                    .with_primary_label(format!("{} here", numeric::show(r.value)))
                    .with_label(total_span, format!("total {}", numeric::show(t)));
                // No fix from inexact arithmetic: it would be reported again, as wrong.
                if t > others && t <= numeric::LARGEST_EXACT {
                    let right = t - others;
                    d = d
                        .with_help(format!(
                            "the remainder is {} ({} − {})",
                            numeric::show(right),
                            numeric::show(t),
                            numeric::show(others)
                        ))
                        .with_fix(
                            r.span.clone(),
                            numeric::write_like(a.slice(r.span.clone()), right),
                            Applicability::Unsafe,
                        );
                }
            }
            _ => {
                d = Diagnostic::new(total_span, message)
                    .with_primary_label(format!("total {}", numeric::show(t)))
                    .with_help("check each part and the total");
            }
        }
        for p in parts {
            if Some(p) != rest {
                d = d.with_label(p.phrase_span(true), "part");
            }
        }
        out.push(d);
    }

    /// "seven of the five candidates"
    fn part_of_whole(&self, a: &Analysis, part: &Quantity, out: &mut Vec<Diagnostic>) {
        if !part.is_count() || part.noun.is_some() || part.head.is_some() {
            return;
        }
        let s = &a.sentences[part.sentence];
        let of = part.tokens.end;
        if of >= s.tokens.end || a.lower(of) != "of" {
            return;
        }
        // "of the five", "of its 16", "of the network's 16".
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s") || w == "'" || w == "’";
        let between_ok = |end: usize| {
            (of + 1..end).all(|i| {
                let w = a.lower(i);
                matches!(w, "the" | "its" | "their" | "his" | "her" | "s")
                    || possessive(w)
                    || (a.tokens[i].is_word() && i + 1 < end && possessive(a.lower(i + 1)))
            })
        };
        let whole = a.quantities_in(part.sentence).iter().find(|q| {
            q.tokens.start > of
                && q.tokens.start <= of + 4
                && between_ok(q.tokens.start)
                && q.kind == QuantityKind::Cardinal
                && q.noun.is_some()
                && q.approx == Approx::Exact
        });
        let Some(whole) = whole else { return };
        if part.approx == Approx::Exact && part.value > whole.value {
            let ws = whole.phrase_span(false);
            out.push(
                Diagnostic::new(
                    part.span.clone(),
                    format!(
                        "{} of {}: the part is larger than the whole",
                        a.slice(part.span.clone()),
                        a.slice(ws.clone())
                    ),
                )
                .with_primary_label("part")
                .with_label(ws, "whole"),
            );
        }
    }
}

impl Check for PartsSum {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for q in a.quantities() {
            if !q.is_count() || a.is_heading_sentence(q.sentence) {
                continue;
            }
            self.part_of_whole(a, q, out);
            if q.approx == Approx::Vague {
                continue;
            }
            // "Of the 11 dead, six …": the total needs no noun here.
            self.of_the_total(a, q, out);
            if q.noun.is_some() || q.of_noun.is_some() {
                self.listed_parts(a, q, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::{diagnostics, run_kind};

    fn hits(text: &str) -> Vec<String> {
        run_kind(&KIND, "", text, None)
    }

    #[test]
    fn remaining_part_does_not_make_up_the_total() {
        let text = "Of the 107 deaths confirmed by the agency, 71 were recorded in the valley, where towns were submerged, and the remaining 31 in the metropolitan region, including Canoas.";
        assert_eq!(hits(text), vec!["remaining 31"]);
        let d = diagnostics(&KIND, "", text, None);
        assert_eq!(d[0].fixes[0].replacement, "36");
    }

    #[test]
    fn total_without_noun() {
        assert_eq!(
            hits("Of the 11 dead, six were in Dnipro and the remaining four in Kharkiv."),
            vec!["remaining four"]
        );
    }

    #[test]
    fn colon_breakdown() {
        assert_eq!(
            hits("The ship had 24 crew members: 11 Indonesians, 9 Filipinos and 6 Indians."),
            vec!["24 crew members"]
        );
        assert_eq!(
            hits("It killed 12 people, including 9 children and 5 women."),
            vec!["12 people"]
        );
    }

    #[test]
    fn part_larger_than_whole() {
        assert_eq!(
            hits("Seven of the five candidates withdrew."),
            vec!["Seven"]
        );
        assert_eq!(
            hits("Traffic was disrupted on 18 of the network's 16 metro lines."),
            vec!["18"]
        );
        assert!(hits("Traffic was disrupted on 12 of the network's 16 metro lines.").is_empty());
    }

    #[test]
    fn breakdowns_that_add_up() {
        for text in [
            "Of 22 analysts polled before the meeting, 15 had forecast a quarter-point increase and seven had expected a rise of 50 basis points.",
            "Of 22 analysts polled, 15 had forecast a rise and 5 a cut.",
            "The ship had 24 crew members: 11 Indonesians, 9 Filipinos and 4 Indians.",
            "It killed 12 people, including three children and two women.",
            "Of the 116,000 people forced from their homes, about 67,000 were staying in shelters.",
            "Four of the capital's six water treatment plants were shut.",
            "A fire destroyed 358 of the 1,113 structures in the town.",
            "Of the 107 deaths, 71 were in the valley and the remaining 36 in the capital.",
        ] {
            assert!(hits(text).is_empty(), "{text}: {:?}", hits(text));
        }
    }
}
