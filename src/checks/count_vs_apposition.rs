//! `count-vs-apposition`: a count and the list set off after it by commas ("four districts,
//! Kandy, Matale and Badulla, …").
//!
//! It reads the fact model (`analysis::facts`) and stays silent without evidence that both
//! figures are about one thing.

use super::support::count_facts::{no_options, show};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::lexical;
use crate::analysis::numbers::{self, Approx, QuantityKind};
use crate::diagnostic::Diagnostic;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "count-vs-apposition",
        include_str!("../../docs/kinds/count-vs-apposition.md"),
    ),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(CountVsApposition))
    },
};

struct CountVsApposition;

/// The items of a list starting at token `i`: (item count, end token), if it is one.
fn apposition_list(a: &Analysis, mut i: usize, end: usize) -> Option<(usize, usize)> {
    let mut items = 0;
    let mut after_and = false;
    loop {
        // An item: a capitalised word, or "the"/"a" and words, up to six tokens.
        let start = i;
        if i >= end || !a.tokens[i].is_word() {
            return None;
        }
        let first = a.lower(i);
        if !(a.tokens[i].capitalised || matches!(first, "the" | "a" | "an")) {
            return None;
        }
        while i < end
            && (a.tokens[i].is_word() || matches!(a.word(i), "-" | "'" | "’" | "."))
            && !(i > start && matches!(a.lower(i), "and" | "or"))
        {
            if matches!(
                a.lower(i),
                "other" | "others" | "more" | "several" | "various" | "etc" | "including"
            ) {
                return None;
            }
            // Names and noun phrases only: a lower-case word after a name ("Kandy said") ends
            // the list as a clause, not an item.
            if i > start
                && a.tokens[i].is_word()
                && !a.tokens[i].capitalised
                && a.tokens[start].capitalised
                && !matches!(a.lower(i), "of" | "de" | "del" | "la" | "the")
            {
                return None;
            }
            i += 1;
        }
        if i - start > 6 || i == start {
            return None;
        }
        items += 1;
        if after_and {
            // The list must close here.
            let closes = i >= end || matches!(a.word(i), "," | "." | ";" | ":" | ")" | "—" | "–");
            return closes.then_some((items, i));
        }
        if i >= end {
            return None;
        }
        match a.word(i) {
            "," => {
                i += 1;
                if i < end && matches!(a.lower(i), "and" | "or") {
                    if a.lower(i) == "or" {
                        return None;
                    }
                    i += 1;
                    after_and = true;
                }
            }
            w if w.eq_ignore_ascii_case("and") => {
                i += 1;
                after_and = true;
            }
            _ => return None,
        }
    }
}

impl Check for CountVsApposition {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for (qi, q) in a.quantities().iter().enumerate() {
            let _ = qi;
            if q.kind != QuantityKind::Cardinal
                || q.approx != Approx::Exact
                || !(2.0..=12.0).contains(&q.value)
                || q.value.fract() != 0.0
                || q.premodifier.is_some()
            {
                continue;
            }
            let Some(noun) = &q.noun else { continue };
            if !lexical::is_plural_lower(a.lower(noun.token)) || numbers::is_measure(&noun.lemma) {
                continue;
            }
            let s = &a.sentences[q.sentence];
            // "of the four", "among the three": a part of a larger group.
            let before = q
                .qualifier
                .as_ref()
                .map_or(q.tokens.start, |r| a.token_at_or_after(r.start));
            let mut b = before;
            while b > s.tokens.start
                && matches!(a.lower(b - 1), "the" | "its" | "their" | "his" | "her")
            {
                b -= 1;
            }
            if b > s.tokens.start && matches!(a.lower(b - 1), "of" | "among") {
                continue;
            }
            // After the whole noun phrase: "three city programs, …", or its "of" phrase: "the
            // four unions of the railway workers, …".
            let mut comma = (noun.token + 1).max(q.phrase.end);
            if comma < s.tokens.end && a.lower(comma) == "of" {
                let tail = (comma + 1..(comma + 6).min(s.tokens.end))
                    .find(|&i| !a.tokens[i].is_word() || a.tokens[i].capitalised);
                if let Some(t) = tail
                    && a.word(t) == ","
                {
                    comma = t;
                }
            }
            if comma >= s.tokens.end || a.word(comma) != "," {
                continue;
            }
            let Some((items, _)) = apposition_list(a, comma + 1, s.tokens.end) else {
                continue;
            };
            let count = q.value as usize;
            if items < 2 || items == count {
                continue;
            }
            let list_start = a.tokens[comma + 1].span.start;
            let phrase = a.slice(q.span.start..noun.span.end);
            out.push(
                Diagnostic::new(
                    q.span.start..noun.span.end,
                    format!("'{phrase}', but the list after it names {items}"),
                )
                .with_primary_label(format!("{} stated", show(q.value)))
                .with_label(list_start..list_start, format!("{items} listed"))
                .with_help("check the count and the list"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    #[test]
    fn counts_against_lists_set_off_by_commas() {
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "Rain closed three airports, Lagos, Abuja, Kano and Enugu, on Monday.",
                None
            ),
            ["three airports"]
        );
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The five unions, the drivers' union and the guards' union, walked out.",
                None
            ),
            ["five unions"]
        );
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "The strike was called by the three unions of the dock workers, the ITF, GMB-Scotland, Unite and the RMT, on Monday.",
                None
            ),
            ["three unions"]
        );
        for ok in [
            "The strike was called by the three unions of the dock workers, the ITF, the GMB and Unite, on Monday.",
            "Rain closed four airports, Lagos, Abuja, Kano and Enugu, on Monday.",
            "Of the four airports, Lagos and Abuja reopened first.",
            "Rain closed four airports, Lagos, Abuja and others, on Monday.",
            "He met two ministers, Ana Ruiz and Tomas Berg.",
            "Rain closed three airports, Lagos and Abuja said on Monday.",
            "The two firms, Acme and Brill, merged.",
        ] {
            assert!(run_kind(&KIND, "", ok, None).is_empty(), "{ok}");
        }
    }
}
