//! `transposed-figure`: one group of people given two figures with the same digits in another
//! order ("212 migrants were detained" … "the 221 people held"), groups from the fact model.
//!
//! It reads the fact model (`analysis::facts`) and stays silent without evidence that both
//! figures are about one thing.

use super::support::count_facts::{no_options, surname};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::facts::{Fact, FactKind, Role, VOCAB};
use crate::analysis::lexical;
use crate::analysis::numbers::{self, Approx};
use crate::diagnostic::Diagnostic;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "transposed-figure",
        include_str!("../../docs/kinds/transposed-figure.md"),
    ),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(TransposedFigure))
    },
};

struct TransposedFigure;

fn digits(a: &Analysis, f: &Fact) -> Option<Vec<u8>> {
    let text = a.slice(f.span.clone());
    if !text.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    let mut d: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).collect();
    if d.len() < 2 {
        return None;
    }
    d.sort_unstable();
    Some(d)
}

/// The predicate groups (killed, held, rescued…) of a sentence's words near a figure.
fn predicates(a: &Analysis, f: &Fact) -> Vec<&'static str> {
    let s = &a.sentences[f.sentence];
    let q = &a.quantities()[f.quantity];
    let from = q.tokens.start.saturating_sub(6).max(s.tokens.start);
    let to = (q.tokens.end + 8).min(s.tokens.end);
    let mut out = Vec::new();
    for i in from..to {
        let w = a.lower(i);
        let g = VOCAB
            .predicate_of
            .get(w)
            .or_else(|| VOCAB.predicate_of.get(lexical::lemma_of_lower(w).as_ref()));
        if let Some(g) = g {
            let g: &'static str = g.as_str();
            if !out.contains(&g) {
                out.push(g);
            }
        }
    }
    out
}

/// The name a figure belongs to when one stands right before it: "Brill employs 1,520",
/// "Acme's 1,250 staff", "Rival Brill has 1,520".
fn owner(a: &Analysis, f: &Fact) -> Option<String> {
    let q = &a.quantities()[f.quantity];
    let s = &a.sentences[f.sentence];
    let start = q
        .qualifier
        .as_ref()
        .map_or(q.tokens.start, |r| a.token_at_or_after(r.start));
    let mut j = start;
    let mut skipped = 0;
    while j > s.tokens.start && skipped < 3 {
        j -= 1;
        let t = &a.tokens[j];
        // A sentence's capitalised first word ("A total of 226", "The 262") is no owner.
        if t.is_word()
            && j == s.tokens.start
            && matches!(
                a.lower(j),
                "a" | "an" | "the" | "this" | "these" | "those" | "its" | "their" | "his" | "her"
            )
        {
            return None;
        }
        if t.is_word() && t.capitalised {
            let m = a.mentions.iter().find(|m| {
                m.tokens.end == j + 1 || (m.tokens.end == j + 2 && a.word(j + 1) == "'s")
            })?;
            return Some(a.slice(m.span.clone()).to_string());
        }
        // A source, not an owner: "Police said 221".
        if !(t.is_word() || matches!(a.word(j), "'" | "’"))
            || matches!(
                a.lower(j),
                "said" | "says" | "say" | "told" | "reported" | "estimated"
            )
        {
            return None;
        }
        skipped += 1;
    }
    None
}

impl Check for TransposedFigure {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let facts = &a.facts().facts;
        let candidates: Vec<(&Fact, Vec<u8>)> = facts
            .iter()
            .filter(|f| {
                f.kind == FactKind::Count
                    && f.value >= 10.0
                    && f.value.fract() == 0.0
                    && matches!(f.approx, Approx::Exact | Approx::AtLeast | Approx::About)
                    && matches!(f.role, Role::Stated | Role::Total | Role::Estimate)
                    && f.group.is_some()
                    && !f.noun.as_deref().is_some_and(numbers::is_measure)
            })
            .filter_map(|f| digits(a, f).map(|d| (f, d)))
            .collect();
        for (j, (later, dl)) in candidates.iter().enumerate() {
            for (earlier, de) in &candidates[..j] {
                if earlier.sentence == later.sentence || earlier.value == later.value || de != dl {
                    continue;
                }
                // One group, or kinds of one ("43 passengers" … "34 people").
                let broad = |f: &Fact| f.group.as_deref().map(|g| VOCAB.broad(g).to_string());
                if earlier.group != later.group && broad(earlier) != broad(later) {
                    continue;
                }
                // Two owners' figures ("Acme employs 1,250 … Brill employs 1,520").
                if let (Some(x), Some(y)) = (owner(a, earlier), owner(a, later))
                    && surname(&x) != surname(&y)
                {
                    continue;
                }
                // Two digits only: both must say the same thing happened ("detained").
                let (pe, pl) = (predicates(a, earlier), predicates(a, later));
                let shared = pe.iter().any(|p| pl.contains(p));
                let different = !pe.is_empty() && !pl.is_empty() && !shared;
                if different || (dl.len() < 3 && !shared) {
                    continue;
                }
                let (e, l) = (a.slice(earlier.span.clone()), a.slice(later.span.clone()));
                out.push(
                    Diagnostic::new(
                        later.span.clone(),
                        format!("{l} here, {e} earlier: the same digits in another order"),
                    )
                    .with_primary_label(format!("{l} here"))
                    .with_label(earlier.span.clone(), format!("{e} earlier"))
                    .with_help("check which figure is right; two digits may be swapped"),
                );
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    #[test]
    fn swapped_digits_for_one_group() {
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "Police said 318 protesters were arrested on Saturday. Lawyers for the 381 people detained asked for bail.",
                None
            ),
            ["381"]
        );
        for ok in [
            // Different fates; different groups; a change; two digits with no shared verb.
            "Police said 318 protesters were arrested. The 381 people injured were treated.",
            "The 318 passengers were safe. The 381 sheep drowned.",
            "Some 318 people came last year. This year attendance rose to 381 people.",
            "There were 34 people at the first meeting. Another 43 people came to the second.",
            // Kinds of people with different fates; a change from a figure.
            "The 208 passengers were rescued. The 280 crew members are missing.",
            "The fund took money from 1,240 investors. Their number rose to 1,420 investors.",
        ] {
            assert!(run_kind(&KIND, "", ok, None).is_empty(), "{ok}");
        }
    }

    #[test]
    fn synonyms_compounds_and_kinds_of_people() {
        for (text, hit) in [
            // A compound counted noun: brigade members are firefighters.
            (
                "Conaf said 1,850 brigade members were fighting the fires. Conaf said the 1,580 forest firefighters would be reinforced.",
                "1,580",
            ),
            // Survivors are the people rescued; "A total of" names no owner.
            (
                "A total of 226 persons were rescued. The 262 survivors were given first aid.",
                "262",
            ),
            // Passengers are people; two digits, one thing said of both (a capacity).
            (
                "The boat was licensed to carry 43 passengers. \"It had a permitted capacity of 34 people,\" the minister said.",
                "34",
            ),
            // "lost" after the figure does not make it a change.
            (
                "He took £38 million from 1,240 investors. Of the 1,420 savers who lost money, 300 were retired.",
                "1,420",
            ),
        ] {
            assert_eq!(run_kind(&KIND, "", text, None), [hit], "{text}");
        }
        for ok in [
            "The boat was licensed to carry 43 passengers. It sank with 34 people on board.",
            "The 226 persons were rescued. The 262 sheep drowned.",
        ] {
            assert!(run_kind(&KIND, "", ok, None).is_empty(), "{ok}");
        }
    }
}
