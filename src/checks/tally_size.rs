//! `tally-size`: a vote tally larger than the body that voted ("the nine-member panel voted
//! 6-4"), read from the fact model's tallies and body sizes.
//!
//! It reads the fact model (`analysis::facts`) and stays silent without evidence that both
//! figures are about one thing.

use super::support::count_facts::{no_options, show};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::facts::{Fact, FactKind, VOCAB};
use crate::diagnostic::Diagnostic;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("tally-size", include_str!("../../docs/kinds/tally-size.md")),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(TallySize))
    },
};

struct TallySize;

/// Bodies that pass laws and topple governments.
const LEGISLATURES: &[&str] = &[
    "parliament",
    "assembly",
    "senate",
    "house",
    "chamber",
    "congress",
    "legislature",
];

/// Words of a vote in a legislature: its motions and its members.
const LEGISLATIVE_VOTES: &[&str] = &[
    "confidence",
    "impeachment",
    "deputies",
    "lawmakers",
    "legislators",
    "mps",
    "senators",
];

impl Check for TallySize {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let model = a.facts();
        for t in &model.tallies {
            let sizes: Vec<&Fact> = model
                .in_sentence(t.sentence)
                .filter(|f| f.kind == FactKind::BodySize)
                .collect();
            let (size, at) = if !sizes.is_empty() {
                (
                    sizes.iter().map(|f| f.value).sum::<f64>(),
                    sizes[0].span.clone(),
                )
            } else {
                // A body named in the tally's sentence and sized elsewhere in the article, with
                // one size only.
                let s = &a.sentences[t.sentence];
                let mut named: Vec<String> = s
                    .tokens
                    .clone()
                    .filter(|&i| VOCAB.bodies.contains(a.lower(i)))
                    .map(|i| a.lower(i).to_string())
                    .collect();
                // A vote of a legislature that names no body ("lost a no-confidence vote by
                // 78 votes to 74, when five deputies broke ranks"): the article's legislature.
                if named.is_empty()
                    && s.tokens
                        .clone()
                        .any(|i| LEGISLATIVE_VOTES.contains(&a.lower(i)))
                {
                    named = LEGISLATURES.iter().map(|w| w.to_string()).collect();
                }
                let mut found: Option<&Fact> = None;
                let mut ambiguous = false;
                for f in model.facts.iter().filter(|f| f.kind == FactKind::BodySize) {
                    if f.noun.as_ref().is_some_and(|n| named.contains(n)) {
                        if found.is_some_and(|g| g.value != f.value) {
                            ambiguous = true;
                        }
                        found = Some(f);
                    }
                }
                match found {
                    Some(f) if !ambiguous => (f.value, f.span.clone()),
                    _ => continue,
                }
            };
            let total = f64::from(t.total());
            if total > size {
                let parts = if t.abstentions > 0 {
                    format!(
                        "{} + {} + {} abstaining = {}",
                        t.for_,
                        t.against,
                        t.abstentions,
                        t.total()
                    )
                } else {
                    format!("{} + {} = {}", t.for_, t.against, t.total())
                };
                out.push(
                    Diagnostic::new(
                        t.span.clone(),
                        format!(
                            "a tally of {parts} votes is more than the body's {} members",
                            show(size)
                        ),
                    )
                    .with_primary_label(format!("{} votes", t.total()))
                    .with_label(at, format!("{} members", show(size)))
                    .with_help("check the tally and the body's size"),
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
    fn tallies_larger_than_the_body() {
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The five-member board voted 4-2 to close the depot.",
                None
            ),
            ["4-2"]
        );
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The 60-seat chamber has a new speaker. On Friday the chamber voted 31 to 25, with six abstentions, to pass the law.",
                None
            ),
            ["31 to 25"]
        );
        // A legislature's vote that names no body, against the seats of the article's
        // parliament.
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The party won 42 of the 150 seats in parliament. The government lost a no-confidence vote in June by 78 votes to 74.",
                None
            ),
            ["78 votes to 74"]
        );
        for ok in [
            "The party won 42 of the 150 seats in parliament. The government lost a no-confidence vote in June by 76 votes to 74.",
            "The party won 42 of the 150 seats in parliament. The club's members voted 78 to 74 to sack the coach.",
        ] {
            assert!(run_kind(&KIND, "", ok, None).is_empty(), "{ok}");
        }
        // Fits the body; a match score; a range; no size given.
        for ok in [
            "The five-member board voted 3-2 to close the depot.",
            "The seven-member board met as the home side won 5-4 in extra time.",
            "The 60-seat chamber voted 31 to 25, with four abstentions.",
            "Lawmakers voted 240-190 to pass the bill.",
            "The 11-member jury voted from 4 to 9 times.",
        ] {
            assert!(run_kind(&KIND, "", ok, None).is_empty(), "{ok}");
        }
    }
}
