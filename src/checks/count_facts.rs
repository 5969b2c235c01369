//! Count checks that read the fact model (`analysis::facts`) instead of surface strings:
//! - `tally-size`: a vote tally larger than the body that voted ("the nine-member panel voted
//!   6-4");
//! - `count-vs-apposition`: a count and the list set off after it by commas ("four districts,
//!   Kandy, Matale and Badulla, …");
//! - `transposed-figure`: one group of people given two figures with the same digits in a
//!   different order ("212 migrants were detained" … "the 221 people held");
//! - `years-since`: a span of years against the year it is counted from ("a councillor since
//!   2011" … "her 15 years on the council" in 2023);
//! - `ordinal-anchor`: one thing given two ordinals counted from the same point, whatever the
//!   noun of its synonym group ("the second landslide since March" … "this third landslip since
//!   March"), or days of one event that put its start on different weekdays ("its fourth day
//!   on Monday" … "on Tuesday, this sixth day of the stoppage").
//!
//! Each stays silent without the evidence that both figures are about one thing: sequences
//! ("the first round … the second round") and comparisons ("forecast 2.1% … grew 2.6%") are
//! not conflicts.

use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::facts::{Fact, FactKind, Role, VOCAB};
use crate::analysis::lexical;
use crate::analysis::numbers::{self, Approx, QuantityKind};
use crate::analysis::time::TimeKind;
use crate::diagnostic::Diagnostic;
use serde::Deserialize;

/// The kinds of this module: their findings give way to another rule's on an overlapping span
/// (see `Linter::one_finding_per_count`).
pub(crate) const KINDS: &[&str] = &[
    "tally-size",
    "count-vs-apposition",
    "transposed-figure",
    "years-since",
    "ordinal-anchor",
    "parts-total",
];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NoOptions {}

fn no_options(value: crate::yaml::Value) -> Result<(), String> {
    let _: NoOptions = super::options(value)?;
    Ok(())
}

fn show(v: f64) -> String {
    crate::checks::support::numeric::show(v)
}

// ---------------------------------------------------------------------------------------------
// tally-size

pub(crate) static TALLY_SIZE: Kind = Kind {
    doc: KindDoc {
        name: "tally-size",
        summary: "a vote tally larger than the body that voted",
        what: "Reports a vote tally (\"voted 6-4\", \"adopted the plan 5-3\", \"140 to 95, with \
               eleven abstentions\") whose votes add up to more than the members of the body \
               the article gives a size to (\"the nine-member panel\"), in the same sentence or \
               named in it.",
        why: "Nine members cannot cast ten votes: one of the figures is wrong.",
        config: "- id: tally-size\n  kind: tally-size\n  severity: warning",
        bad: "The nine-member panel voted 6-4 to approve the merger.",
        good: "The nine-member panel voted 6-3 to approve the merger.",
        fix_safety: "No fix: the tally or the size may be the wrong one.",
    },
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(TallySize))
    },
};

struct TallySize;

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
                let named: Vec<String> = s
                    .tokens
                    .clone()
                    .filter(|&i| VOCAB.bodies.contains(a.lower(i)))
                    .map(|i| a.lower(i).to_string())
                    .collect();
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

// ---------------------------------------------------------------------------------------------
// count-vs-apposition

pub(crate) static COUNT_VS_APPOSITION: Kind = Kind {
    doc: KindDoc {
        name: "count-vs-apposition",
        summary: "a count and the list set off after it by commas disagree",
        what: "Reports a small count (2 to 12) whose noun is followed by a comma and a list of \
               names or \"the …\" phrases closed by \"and\" and a comma or the sentence end \
               (\"four districts, Kandy, Matale and Badulla, …\") when the list has a different \
               number of items. Figures that are part of a larger group (\"of the four\") and \
               lists with \"other\", \"others\" or a figure in them are left alone.",
        why: "A list written out after its count is the reader's proof of the count: when they \
              differ, an item or the count was lost.",
        config: "- id: count-vs-apposition\n  kind: count-vs-apposition\n  severity: warning",
        bad: "The floods hit four districts, Kandy, Matale and Badulla, on Sunday.",
        good: "The floods hit three districts, Kandy, Matale and Badulla, on Sunday.",
        fix_safety: "No fix: an item may be missing from the list.",
    },
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
            // After the whole noun phrase: "three city programs, …".
            let comma = (noun.token + 1).max(q.phrase.end);
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

// ---------------------------------------------------------------------------------------------
// transposed-figure

pub(crate) static TRANSPOSED_FIGURE: Kind = Kind {
    doc: KindDoc {
        name: "transposed-figure",
        summary: "one group given two figures with the same digits in another order",
        what: "Reports a count of people (or of one synonym group of nouns) when another count \
               of the same group elsewhere in the article has the same digits in a different \
               order (\"212 migrants were detained\" … \"the 221 people held\"), unless the two \
               sentences say different things happened to them (killed, injured, missing…) or \
               one of them is a change, a forecast or a target.",
        why: "A figure copied with two digits swapped is the commonest typing slip in copy, and \
              a coincidence of the same digits for the same people is rare.",
        config: "- id: transposed-figure\n  kind: transposed-figure\n  severity: warning",
        bad: "Officials said 212 migrants were detained. The 221 people held will see a judge.",
        good: "Officials said 212 migrants were detained. The 221 people rescued were fed.",
        fix_safety: "No fix: either figure may be the wrong one.",
    },
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
                    && !f.quoted
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
                if earlier.group != later.group {
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

// ---------------------------------------------------------------------------------------------
// years-since

pub(crate) static YEARS_SINCE: Kind = Kind {
    doc: KindDoc {
        name: "years-since",
        summary: "a span of years that the year it is counted from contradicts",
        what: "Reports a span of years in a post (\"her 15 years on the council\", \"his eight \
               years at the helm\", \"23 years in power\") when the article says the same person \
               has held it since a year (\"a councillor since 2011\", \"has run the agency since \
               2003\") and the publication date makes the span different by two years or more.",
        why: "Years in office are arithmetic a reader can do; a wrong one undermines the story.",
        config: "- id: years-since\n  kind: years-since\n  severity: warning",
        bad: "Ms Okafor, a councillor since 2011, chairs the committee. She said her 15 years on the council had taught her patience.",
        good: "Ms Okafor, a councillor since 2011, chairs the committee. She said her 12 years on the council had taught her patience.",
        fix_safety: "No fix: the year or the span may be the wrong one.",
    },
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(YearsSince))
    },
};

struct YearsSince;

/// A tenure start: "since YEAR" with a tenure word in the five words before it.
struct Start<'f> {
    fact: &'f Fact,
    year: i64,
}

fn tenure_near(a: &Analysis, from: usize, to: usize) -> bool {
    (from..to).any(|i| VOCAB.tenure_cues.contains(a.lower(i)))
}

fn surname(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}

impl Check for YearsSince {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(published) = cx.date else { return };
        let a = cx.analysis;
        let qs = a.quantities();
        let facts = &a.facts().facts;
        let mut starts: Vec<Start> = Vec::new();
        for f in facts.iter().filter(|f| f.kind == FactKind::Year) {
            let q = &qs[f.quantity];
            let s = &a.sentences[f.sentence];
            if q.tokens.start <= s.tokens.start {
                continue;
            }
            // "since 2011", or "first elected in 2013", "first entered parliament in 1977".
            let since = q.tokens.start - 1;
            let first_in = a.lower(since) == "in"
                && (since.saturating_sub(4).max(s.tokens.start)..since)
                    .any(|i| a.lower(i) == "first");
            if a.lower(since) != "since" && !first_in {
                continue;
            }
            let from = since.saturating_sub(5).max(s.tokens.start);
            if !tenure_near(a, from, since) || f.value as i64 > i64::from(published.year()) {
                continue;
            }
            starts.push(Start {
                fact: f,
                year: f.value as i64,
            });
        }
        if starts.is_empty() {
            return;
        }
        for f in facts.iter().filter(|f| f.kind == FactKind::Count) {
            if f.noun.as_deref() != Some("year") || f.quoted || !(2.0..=80.0).contains(&f.value) {
                continue;
            }
            if !matches!(f.role, Role::Stated | Role::Estimate | Role::Total) {
                continue;
            }
            let q = &qs[f.quantity];
            let s = &a.sentences[f.sentence];
            // A year before the span sets another time ("In 2010, his eight years …").
            if a.quantities_in(f.sentence).iter().any(|y| {
                y.kind == QuantityKind::Year
                    && y.tokens.start < q.tokens.start
                    && !starts.iter().any(|st| st.fact.span == y.span)
            }) {
                continue;
            }
            let noun = q.noun.as_ref().map_or(q.tokens.end, |n| n.token);
            // A span in a post: a tenure word just before or after it.
            let from = q.tokens.start.saturating_sub(4).max(s.tokens.start);
            let to = (noun + 5).min(s.tokens.end);
            if !tenure_near(a, from, q.tokens.start) && !tenure_near(a, noun + 1, to) {
                continue;
            }
            // Spans that are not time served so far: "the next five years", "ago", "for
            // another four years", "a 15-year sentence".
            if (from..to).any(|i| {
                matches!(
                    a.lower(i),
                    "next"
                        | "ago"
                        | "another"
                        | "more"
                        | "coming"
                        | "first"
                        | "last"
                        | "past"
                        | "previous"
                        | "former"
                        | "old"
                        | "after"
                        | "before"
                        | "until"
                        | "within"
                        | "will"
                        | "would"
                        | "sentence"
                        | "sentenced"
                        | "term"
                        | "terms"
                        | "prison"
                        | "jail"
                        | "age"
                )
            }) || a.tokens[noun].glued
            {
                continue;
            }
            let possessive = q
                .determiner
                .is_some_and(|d| matches!(d, "his" | "her" | "their" | "'s"));
            // The start it counts from: the nearest one before it (or in its sentence) for the
            // same name, or for "his/her" the nearest one within three sentences.
            let start = starts.iter().rev().find(|st| {
                st.fact.sentence <= f.sentence
                    && f.sentence - st.fact.sentence <= 3
                    && (st.fact.sentence == f.sentence
                        || possessive
                        || matches!((&st.fact.subject, &f.subject), (Some(x), Some(y)) if surname(x) == surname(y)))
            });
            let Some(start) = start else { continue };
            // Only one start in reach: two people with "since" dates make the link unsure.
            if starts
                .iter()
                .filter(|st| st.fact.sentence <= f.sentence && f.sentence - st.fact.sentence <= 3)
                .any(|st| st.year != start.year)
            {
                continue;
            }
            let expected = i64::from(published.year()) - start.year;
            let n = f.value as i64;
            let ok = match f.approx {
                Approx::AtLeast => n <= expected,
                Approx::AtMost => n >= expected - 1,
                _ => (expected - 1..=expected + 1).contains(&n),
            };
            if ok || expected < 1 {
                continue;
            }
            let span_text =
                a.slice(q.span.start..q.noun.as_ref().map_or(q.span.end, |n| n.span.end));
            out.push(
                Diagnostic::new(
                    q.span.start..q.noun.as_ref().map_or(q.span.end, |n| n.span.end),
                    format!(
                        "'{span_text}', but since {} it is {} or {} years by {}",
                        start.year,
                        expected - 1,
                        expected,
                        published.year()
                    ),
                )
                .with_primary_label(format!("{n} years"))
                .with_label(start.fact.span.clone(), format!("since {}", start.year))
                .with_help("check the span and the year it is counted from"),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// ordinal-anchor

pub(crate) static ORDINAL_ANCHOR: Kind = Kind {
    doc: KindDoc {
        name: "ordinal-anchor",
        summary: "one thing given two ordinals counted from the same point",
        what: "Reports an ordinal on a noun (or a noun of its synonym group) counted \"since\" a \
               point when an earlier ordinal of the same group is counted since the same point \
               and differs (\"the second landslide since March\" … \"this third landslip since \
               March\"); and the days of one event that put its start on different weekdays \
               (\"its fourth day on Monday\" … \"on Tuesday, the sixth day of the stoppage\"). \
               Hypothetical ordinals (\"a possible third\", \"the next\") are left alone.",
        why: "Counted from the same point, the same thing has one number.",
        config: "- id: ordinal-anchor\n  kind: ordinal-anchor\n  severity: warning",
        bad: "It was the second landslide since March. Engineers said this third landslide since March had cut the road.",
        good: "It was the second landslide since March. A third landslide since March would close the road.",
        fix_safety: "No fix: only the writer knows which ordinal is right.",
    },
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
                .or_else(|| {
                    s.tokens.clone().find_map(|i| {
                        let l = lexical::lemma_of_lower(a.lower(i));
                        VOCAB
                            .group_of
                            .get(l.as_ref())
                            .filter(|g| g.as_str() == "stoppage")
                            .cloned()
                    })
                });
        let Some(event) = event else { continue };
        // One weekday in the sentence, and no other date.
        let days: Vec<jiff::civil::Weekday> = a
            .times()
            .iter()
            .filter(|t| t.sentence == f.sentence)
            .flat_map(|t| match &t.kind {
                TimeKind::Weekdays {
                    days,
                    either: false,
                } if days.len() == 1 => days.clone(),
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

/// Event starts: "the walkout, which began on Wednesday", "the strike started on Monday": a
/// noun of the stoppage group, "began" or "started", and one weekday right after it.
fn event_starts(a: &Analysis) -> Vec<(usize, String, i64, jiff::civil::Weekday)> {
    let mut out = Vec::new();
    for t in a.times() {
        let TimeKind::Weekdays {
            days,
            either: false,
        } = &t.kind
        else {
            continue;
        };
        let [day] = days[..] else { continue };
        let s = &a.sentences[t.sentence];
        let at = t.tokens.start;
        // "began on Wednesday": the verb just before the weekday (its "on" included).
        let verb = (at.saturating_sub(2).max(s.tokens.start)..at)
            .any(|i| matches!(a.lower(i), "began" | "started" | "begun" | "launched"));
        if !verb {
            continue;
        }
        // The event is the stoppage-group noun nearest before the verb.
        let event = (s.tokens.start..at).rev().find_map(|i| {
            let l = lexical::lemma_of_lower(a.lower(i));
            VOCAB
                .group_of
                .get(l.as_ref())
                .filter(|g| g.as_str() == "stoppage")
                .cloned()
        });
        if let Some(event) = event {
            out.push((at, event, i64::from(day.to_monday_zero_offset()), day));
        }
    }
    out
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

// ---------------------------------------------------------------------------------------------
// parts-total

pub(crate) static PARTS_TOTAL: Kind = Kind {
    doc: KindDoc {
        name: "parts-total",
        summary: "an account of every member of a group that does not add up to the group",
        what: "Reports a total (\"Of the 22 workers trapped\", \"the bus carried 41 passengers\", \
               \"Eighteen people have been killed\") followed, in its sentence or the next one, by \
               bare figures that account for all of it — one of them the rest (\"nine are still \
               missing\", \"nine were unhurt\", \"the remaining 13\"), or each one a place \
               (\"twelve in Kandy, four in Galle and one in Matara\") — when they add up to a \
               different number. Parts that may overlap or leave some out (\"eleven were rescued \
               and one died\") are left alone.",
        why: "An account that covers everyone must add up; when it does not, a figure is wrong.",
        config: "- id: parts-total\n  kind: parts-total\n  severity: warning",
        bad: "Of the 22 workers trapped, eleven were rescued, one has died and nine are still missing.",
        good: "Of the 22 workers trapped, eleven were rescued, one has died and ten are still missing.",
        fix_safety: "No fix: a part or the total may be wrong.",
    },
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
                        Some(n) => VOCAB.predicate_of.contains_key(n) || f.group == total.group,
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
            let places = parts.iter().all(|f| {
                let q = &qs[f.quantity];
                let i = q.tokens.end;
                i + 1 < s.tokens.end
                    && q.noun.is_none()
                    && matches!(a.lower(i), "in" | "from" | "at")
                    && a.tokens[i + 1].capitalised
            });
            let announced = opens_bare || of_the || (total_opens && places);
            if !announced || !(residual || places) {
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
            let sum: f64 = parts.iter().map(|f| f.value).sum();
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

    fn date(s: &str) -> Option<jiff::civil::Date> {
        s.parse().ok()
    }

    #[test]
    fn tallies_larger_than_the_body() {
        assert_eq!(
            run_kind(
                &TALLY_SIZE,
                "",
                "The five-member board voted 4-2 to close the depot.",
                None
            ),
            ["4-2"]
        );
        assert_eq!(
            run_kind(
                &TALLY_SIZE,
                "",
                "The 60-seat chamber has a new speaker. On Friday the chamber voted 31 to 25, with six abstentions, to pass the law.",
                None
            ),
            ["31 to 25"]
        );
        // Fits the body; a match score; a range; no size given.
        for ok in [
            "The five-member board voted 3-2 to close the depot.",
            "The seven-member board met as the home side won 5-4 in extra time.",
            "The 60-seat chamber voted 31 to 25, with four abstentions.",
            "Lawmakers voted 240-190 to pass the bill.",
            "The 11-member jury voted from 4 to 9 times.",
        ] {
            assert!(run_kind(&TALLY_SIZE, "", ok, None).is_empty(), "{ok}");
        }
    }

    #[test]
    fn counts_against_lists_set_off_by_commas() {
        assert_eq!(
            run_kind(
                &COUNT_VS_APPOSITION,
                "",
                "Rain closed three airports, Lagos, Abuja, Kano and Enugu, on Monday.",
                None
            ),
            ["three airports"]
        );
        assert_eq!(
            run_kind(
                &COUNT_VS_APPOSITION,
                "",
                "The five unions, the drivers' union and the guards' union, walked out.",
                None
            ),
            ["five unions"]
        );
        for ok in [
            "Rain closed four airports, Lagos, Abuja, Kano and Enugu, on Monday.",
            "Of the four airports, Lagos and Abuja reopened first.",
            "Rain closed four airports, Lagos, Abuja and others, on Monday.",
            "He met two ministers, Ana Ruiz and Tomas Berg.",
            "Rain closed three airports, Lagos and Abuja said on Monday.",
            "The two firms, Acme and Brill, merged.",
        ] {
            assert!(
                run_kind(&COUNT_VS_APPOSITION, "", ok, None).is_empty(),
                "{ok}"
            );
        }
    }

    #[test]
    fn swapped_digits_for_one_group() {
        assert_eq!(
            run_kind(
                &TRANSPOSED_FIGURE,
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
        ] {
            assert!(
                run_kind(&TRANSPOSED_FIGURE, "", ok, None).is_empty(),
                "{ok}"
            );
        }
    }

    #[test]
    fn years_in_a_post_against_the_start() {
        assert_eq!(
            run_kind(
                &YEARS_SINCE,
                "",
                "Dr Amara Fofanah has headed the hospital since 2009. Fofanah said his 11 years at the helm had been hard.",
                date("2024-02-01")
            ),
            ["11 years"]
        );
        for ok in [
            "Dr Amara Fofanah has headed the hospital since 2009. Fofanah said his 15 years at the helm had been hard.",
            "Dr Amara Fofanah has headed the hospital since 2009. Fofanah said the next 11 years at the helm would be hard.",
            "The hospital has existed since 2009. Fofanah said his 11 years at the helm had been hard.",
            "Dr Amara Fofanah has headed the hospital since 2009. He was given an 11 years prison term.",
        ] {
            assert!(
                run_kind(&YEARS_SINCE, "", ok, date("2024-02-01")).is_empty(),
                "{ok}"
            );
        }
    }

    #[test]
    fn ordinals_from_the_same_point() {
        assert_eq!(
            run_kind(
                &ORDINAL_ANCHOR,
                "",
                "She is the second envoy appointed since the ceasefire collapsed. Diplomats said the fourth mediator since the ceasefire collapsed arrived on Friday.",
                None
            ),
            ["fourth"]
        );
        assert_eq!(
            run_kind(
                &ORDINAL_ANCHOR,
                "",
                "The walkout at the port entered its third day on Wednesday. Cranes stood idle.\n\nOn Saturday, the seventh day of the stoppage, talks resumed.",
                None
            ),
            ["seventh"]
        );
        assert_eq!(
            run_kind(
                &ORDINAL_ANCHOR,
                "",
                "The strike began on Monday. Pickets were out again on Thursday, the third day of the strike.",
                None
            ),
            ["third"]
        );
        for ok in [
            "He won the first round. The second round is on June 5.",
            "It was the second landslide since March. A third landslide since March would close the road.",
            "It was the second landslide since March. It was the third flood since April.",
            "The walkout entered its third day on Wednesday. On Friday, the fifth day of the stoppage, talks resumed.",
            "The strike began on Monday. Pickets were out again on Wednesday, the third day of the strike.",
        ] {
            assert!(run_kind(&ORDINAL_ANCHOR, "", ok, None).is_empty(), "{ok}");
        }
    }

    #[test]
    fn accounts_that_do_not_add_up() {
        assert_eq!(
            run_kind(
                &PARTS_TOTAL,
                "",
                "The bus carried 41 passengers when it overturned. Thirty were treated in hospital and nine were unhurt, police said.",
                None
            ),
            ["nine"]
        );
        assert_eq!(
            run_kind(
                &PARTS_TOTAL,
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
        ] {
            assert!(run_kind(&PARTS_TOTAL, "", ok, None).is_empty(), "{ok}");
        }
    }
}
