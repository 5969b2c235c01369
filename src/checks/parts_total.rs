//! `parts-total`: an account of every member of a group ("Of the 22 workers trapped, eleven
//! …, one … and nine are still missing") that does not add up to the group.
//!
//! It reads the fact model (`analysis::facts`) and stays silent without evidence that both
//! figures are about one thing.

use super::support::count_facts::{no_options, show, surname};
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::facts::{Fact, FactKind, Role, VOCAB};
use crate::analysis::numbers::{self, Approx};
use crate::analysis::{Analysis, Sentence};
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
    "continue",
    "continues",
    "pending",
    "outstanding",
    "undecided",
];

/// "still" before one of these makes a part the rest: "two are still being considered",
/// "four are still under review" (but not "two are still in hospital").
const STILL_PENDING: &[&str] = &["being", "under", "to", "awaiting", "pending"];

/// A part counted as a kind of the total's group ("208 passengers" of "243 persons").
fn kind_of(part: &Fact, total: &Fact) -> bool {
    match (&part.group, &total.group) {
        (Some(p), Some(t)) => VOCAB.broad(p) == t.as_str() || (sex_or_age(p) && t == "person"),
        _ => false,
    }
}

/// Classes of people by sex or age, which split any group of people ("37 pensioners, 22 women
/// and 14 men").
fn sex_or_age(noun: &str) -> bool {
    matches!(
        noun,
        "woman" | "man" | "girl" | "boy" | "adult" | "child" | "male" | "female" | "minor"
    )
}

/// Parts that are the classes of one split of a group: women and men, girls and boys, adults
/// and children. Together they are the whole group.
fn complementary(parts: &[&Fact]) -> bool {
    let nouns: Vec<&str> = parts.iter().filter_map(|f| f.noun.as_deref()).collect();
    nouns.len() == parts.len()
        && [
            ["woman", "man"],
            ["girl", "boy"],
            ["adult", "child"],
            ["adult", "minor"],
            ["male", "female"],
        ]
        .iter()
        .any(|pair| nouns.len() == 2 && pair.iter().all(|p| nouns.contains(p)))
}

/// Each part a place: "twelve in Kandy, four in Galle and one in Matara".
fn all_places(a: &Analysis, parts: &[&Fact]) -> bool {
    parts
        .iter()
        .all(|f| is_place(a, &a.sentences[f.sentence], f))
}

/// Whether the parts are set off right after the total ("243 persons, 208 passengers and 37
/// crew members"), and whether they add up to more than it, by a slip rather than another
/// count ("votes of 230-to-197 and 229-to-198" are tallies).
fn appended_and_over(
    a: &Analysis,
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

/// Words after a figure's noun that make it the sum of the named ones' figures: "would hold
/// 69 seats between them", "a combined 31 years", "12 goals together".
fn says_combined(a: &Analysis, f: &Fact) -> bool {
    let q = &a.quantities()[f.quantity];
    let s = &a.sentences[f.sentence];
    let after = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
    let at = |i: usize| (i < s.tokens.end).then(|| a.lower(i));
    let before = q.tokens.start > s.tokens.start + 1
        && a.lower(q.tokens.start - 1) == "combined"
        && matches!(a.lower(q.tokens.start - 2), "a" | "their" | "its");
    before
        || matches!(
            (at(after), at(after + 1)),
            (Some("between"), Some("them")) | (Some("combined"), _) | (Some("together"), _)
        )
}

/// The one figure the article gave earlier for `name` counting `group`: a figure whose
/// subject is that name, or a bare one in a list that follows a figure of the group ("came
/// second with 35 seats, followed by the National Union with 22"). `None` when there is none
/// or more than one value.
fn figure_of<'f>(a: &'f Analysis, name: &str, group: &str, before: usize) -> Option<&'f Fact> {
    let facts = &a.facts().facts;
    let mut found: Option<&Fact> = None;
    for (k, f) in facts.iter().enumerate() {
        if f.sentence >= before || f.kind != FactKind::Count || f.approx != Approx::Exact {
            continue;
        }
        let counts_group = f.group.as_deref() == Some(group)
            || (f.noun.is_none()
                && facts[..k]
                    .iter()
                    .rev()
                    .take_while(|e| e.sentence == f.sentence)
                    .find(|e| e.noun.is_some())
                    .is_some_and(|e| e.group.as_deref() == Some(group)));
        // The same name, or the same last word ("the National Union" … "National Union").
        let named = f
            .subject
            .as_deref()
            .is_some_and(|s| s == name || surname(s) == surname(name));
        if counts_group && named && matches!(f.role, Role::Stated | Role::Total) {
            if found.is_some_and(|g| g.value != f.value) {
                return None;
            }
            found = Some(f);
        }
    }
    found
}

/// "…, for three years, making a combined 26 years for the four defendants": a combined
/// figure that says how many it sums ("for the four", "between the three") sums the last that
/// many figures of its noun before it in its paragraph; `None` unless there are that many.
fn the_last_k<'f>(a: &'f Analysis, f: &Fact, group: &str) -> Option<Vec<&'f Fact>> {
    let q = &a.quantities()[f.quantity];
    let s = &a.sentences[f.sentence];
    let after = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
    let at = |i: usize| (i < s.tokens.end).then(|| a.lower(i));
    if !matches!(at(after), Some("for" | "between" | "among")) || at(after + 1) != Some("the") {
        return None;
    }
    let k = at(after + 2).and_then(numbers::small_cardinal)? as usize;
    if !(2..=12).contains(&k) {
        return None;
    }
    let block = s.block;
    let earlier: Vec<&Fact> = a
        .facts()
        .facts
        .iter()
        .filter(|e| {
            e.span.start < f.span.start
                && a.sentences[e.sentence].block == block
                && e.kind == FactKind::Count
                && e.group.as_deref() == Some(group)
                && e.approx == Approx::Exact
                && !e.quoted
        })
        .collect();
    (earlier.len() >= k).then(|| earlier[earlier.len() - k..].to_vec())
}

/// "Direction Forward, National Union and the Hungarian Community Party … would hold 69 seats
/// between them", after 35, 22 and 14 seats for each: a combined figure that is not the sum
/// of the figures the article gave each named one.
fn combined_totals(a: &Analysis, out: &mut Vec<Diagnostic>) {
    for f in a.facts().facts.iter() {
        let Some(group) = f.group.as_deref() else {
            continue;
        };
        if f.kind != FactKind::Count
            || f.approx != Approx::Exact
            || f.quoted
            || !whole(f.value)
            || !says_combined(a, f)
        {
            continue;
        }
        let q = &a.quantities()[f.quantity];
        let s = &a.sentences[f.sentence];
        // The names since the figure before it in the sentence, if any ("Lind and Moor have 17
        // between them, and Ruiz and Lind 21 together").
        let from = a
            .quantities_in(f.sentence)
            .iter()
            .filter(|p| p.tokens.end <= q.tokens.start)
            .map(|p| p.phrase.end.max(p.tokens.end))
            .max()
            .unwrap_or(s.tokens.start);
        let names: Vec<&crate::analysis::names::Mention> = a
            .mentions
            .iter()
            .filter(|m| {
                m.tokens.start >= from
                    && m.tokens.end <= q.tokens.start
                    // ("The three parties …" opens with no name; "Ruiz, Lind and Moor" does.)
                    && !(m.sentence_initial
                        && m.tokens.len() == 1
                        && crate::gazetteer::is_common_word(a.lower(m.tokens.start)))
            })
            .collect();
        let by_name: Option<Vec<&Fact>> = (names.len() >= 2)
            .then(|| {
                names
                    .iter()
                    .map(|m| figure_of(a, a.slice(m.span.clone()), group, f.sentence))
                    .collect()
            })
            .flatten();
        let parts = by_name.or_else(|| the_last_k(a, f, group));
        let Some(parts) = parts else { continue };
        let sum: f64 = parts.iter().map(|p| p.value).sum();
        if (sum - f.value).abs() < 0.5 {
            continue;
        }
        let list: Vec<&str> = parts.iter().map(|p| a.slice(p.span.clone())).collect();
        let t = a.slice(f.span.clone());
        let mut d = Diagnostic::new(
            f.span.clone(),
            format!(
                "{t} combined, but the figures given for each add up to {} = {}",
                list.join(" + "),
                show(sum)
            ),
        )
        .with_primary_label(format!("{t} combined"));
        for p in &parts {
            d = d.with_label(p.span.clone(), "given earlier");
        }
        out.push(d.with_help("check the combined figure against each one's"));
    }
}

/// "the remaining 18 seats" when the parts before it, with it, come to more than the body's
/// seats: the parts of its paragraph (the results listed with it: "54 seats", "won 10", "three")
/// plus, if there is one, the smallest seat figure of the paragraph before (the winner's: "took 145 seats",
/// "150 of the 225 seats"; the smallest, since two there may overlap) add up to more than the
/// 225 the article gives the body. A rest can only be what the named parts leave.
fn remainder_of_a_body(a: &Analysis, out: &mut Vec<Diagnostic>) {
    let model = a.facts();
    let qs = a.quantities();
    let sizes: Vec<&Fact> = model
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::BodySize)
        .collect();
    // One size for one unit, or nothing to measure against.
    let [size] = sizes[..] else { return };
    let Some(unit) = qs[size.quantity].noun.as_ref().map(|n| n.lemma.as_str()) else {
        return;
    };
    for rest in model.facts.iter() {
        let q = &qs[rest.quantity];
        if rest.kind != FactKind::Count
            || rest.quoted
            || q.noun_lemma() != Some(unit)
            || q.premodifier
                .as_ref()
                .is_none_or(|(w, _)| *w != "remaining")
            || rest.span.start <= size.span.start
        {
            continue;
        }
        let block = a.sentences[rest.sentence].block;
        let seat_like = |f: &Fact| {
            f.kind == FactKind::Count
                && f.approx == Approx::Exact
                && whole(f.value)
                && f.span.start < rest.span.start
                && !f.quoted
        };
        // The parts of its paragraph: figures of the unit, or bare ones.
        let here: Vec<&Fact> = model
            .facts
            .iter()
            .filter(|f| seat_like(f) && a.sentences[f.sentence].block == block)
            .filter(|f| {
                qs[f.quantity].noun_lemma().is_none() || qs[f.quantity].noun_lemma() == Some(unit)
            })
            .collect();
        // The paragraph before: its smallest figure of the unit (or "N of the M seats").
        let before = model
            .facts
            .iter()
            .filter(|f| seat_like(f) && block > 0 && a.sentences[f.sentence].block == block - 1)
            .filter(|f| {
                let fq = &qs[f.quantity];
                fq.noun_lemma() == Some(unit)
                    || (fq.noun.is_none()
                        && fq.tokens.end + 2 < a.tokens.len()
                        && a.lower(fq.tokens.end) == "of"
                        && a.lower(fq.tokens.end + 1) == "the"
                        && qs[size.quantity].tokens.start == fq.tokens.end + 2)
            })
            .min_by(|x, y| x.value.total_cmp(&y.value));
        if here.is_empty() {
            continue;
        }
        let sum = before.map_or(0.0, |b| b.value)
            + here.iter().map(|f| f.value).sum::<f64>()
            + rest.value;
        if sum <= size.value {
            continue;
        }
        let mut parts: Vec<&str> = before.iter().map(|b| a.slice(b.span.clone())).collect();
        parts.extend(here.iter().map(|f| a.slice(f.span.clone())));
        parts.push(a.slice(rest.span.clone()));
        let t = a.slice(size.span.clone());
        let mut d = Diagnostic::new(
            rest.span.clone(),
            format!(
                "the remaining {}, but {} = {} is more than the {t} in all",
                a.slice(rest.span.clone()),
                parts.join(" + "),
                show(sum)
            ),
        )
        .with_primary_label(format!(
            "at most {} remain",
            show(size.value - sum + rest.value)
        ))
        .with_label(size.span.clone(), format!("{t} in all"));
        if let Some(b) = before {
            d = d.with_label(b.span.clone(), "given earlier");
        }
        out.push(d.with_help("check the remaining figure against the others"));
    }
}

impl Check for PartsTotal {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        combined_totals(a, out);
        remainder_of_a_body(a, out);
        for si in 0..a.sentences.len() {
            if let Some(d) = check_sentence(a, si) {
                out.push(d);
            }
        }
    }
}

/// The finding for sentence `si` when it accounts for every member of a group and the parts
/// do not add up to the total.
fn check_sentence(a: &Analysis, si: usize) -> Option<Diagnostic> {
    let s = &a.sentences[si];
    let (total, parts, opens_bare) = total_and_parts(a, si)?;
    // An amount broken down to its rest ("the remaining 0.64 billion pounds") may be a
    // measure: parts of money add up.
    let amount = total.noun.is_some()
        && parts.iter().all(|f| f.noun == total.noun)
        && parts.iter().any(|f| named_as_rest(a, f));
    let stated = total.approx == Approx::Exact
        && !total.quoted
        && (matches!(total.role, Role::Stated | Role::Total) || reached(a, total));
    if parts.len() < 2 || !(can_be_total(total) || (amount && stated)) {
        return None;
    }
    // The run of parts after the total ends at the first other figure ("… and one in
    // Queensland, and more than 1,300 homes").
    let parts: Vec<&Fact> = parts
        .into_iter()
        .take_while(|f| is_part_of(f, total))
        .collect();
    if parts.len() < 2 || partitive(a, &parts) {
        return None;
    }
    // All of the group accounted for: one part is the rest, or each part is a place.
    let residual = parts
        .iter()
        .any(|f| followed_by_residual(a, f) || named_as_rest(a, f))
        || complementary(&parts);
    let places = all_places(a, &parts);
    let sum: f64 = parts.iter().map(|f| f.value).sum();
    let (apposition, over) = appended_and_over(a, a.facts(), total, &parts, sum);
    let announced = opens_bare
        || after_of_the(a, s, total)
        || apposition
        || (opens_sentence(a, s, total) && places);
    if !announced || !(residual || places || over) || has_subset(a, s, &parts) {
        return None;
    }
    if (sum - total.value).abs() <= 1e-9 * total.value.abs().max(1.0) {
        return None;
    }
    Some(report(a, total, &parts, sum))
}

/// "Three of the five eliminated candidates": one figure is a part of the next, so the two are
/// no parts of a sum.
fn partitive(a: &Analysis, parts: &[&Fact]) -> bool {
    let qs = a.quantities();
    parts.windows(2).any(|w| {
        let (x, y) = (&qs[w[0].quantity], &qs[w[1].quantity]);
        let between: Vec<&str> = (x.tokens.end..y.tokens.start).map(|i| a.lower(i)).collect();
        matches!(
            between[..],
            ["of"] | ["of", "the"] | ["out", "of"] | ["out", "of", "the"]
        )
    })
}

/// The total and the figures after it in sentence `si`, and whether the sentence opens with
/// a bare figure. The total is a counted noun in this sentence before the parts, else (when
/// the sentence opens with a bare figure) the last counted noun of the sentence before.
fn total_and_parts<'f>(a: &'f Analysis, si: usize) -> Option<(&'f Fact, Vec<&'f Fact>, bool)> {
    let s = &a.sentences[si];
    let model = a.facts();
    let here: Vec<&Fact> = model
        .in_sentence(si)
        .filter(|f| f.kind == FactKind::Count)
        .collect();
    if here.len() < 2 || a.is_heading_sentence(si) {
        return None;
    }
    if let Some(t) = of_the_predicate(a, si) {
        return Some((t, here, true));
    }
    if let Some(t) = rest_of_the_sentence_before(a, si, &here) {
        return Some((t, here, true));
    }
    let opens_bare = here[0].noun.is_none()
        && a.quantities()[here[0].quantity].tokens.start <= s.tokens.start + 1;
    if opens_bare {
        if si == 0 {
            return None;
        }
        let t = model
            .in_sentence(si - 1)
            .filter(|f| f.kind == FactKind::Count && f.noun.is_some())
            .last()?;
        Some((t, here, true))
    } else {
        let ti = here.iter().position(|f| f.noun.is_some())?;
        let mut parts = here[ti + 1..].to_vec();
        // "won 14 of the 31 seats, Law and Justice nine, …": the figure the total is "of" is
        // its first part.
        let tq = &a.quantities()[here[ti].quantity];
        if ti > 0
            && tq.tokens.start >= 3
            && a.lower(tq.tokens.start - 1) == "the"
            && a.lower(tq.tokens.start - 2) == "of"
            && a.quantities()[here[ti - 1].quantity].tokens.end == tq.tokens.start - 2
        {
            parts.insert(0, here[ti - 1]);
        }
        Some((here[ti], parts, false))
    }
}

/// "Revenue rose to 6.84 billion pounds. Food contributed 4.11 billion pounds, clothing 1.92
/// billion pounds and banking the remaining 0.64 billion pounds.": a breakdown whose figures
/// all count one noun, one of them the rest, with no total of its own, breaks down the one
/// figure for that noun stated in the sentence before (in the same paragraph).
fn rest_of_the_sentence_before<'f>(a: &'f Analysis, si: usize, here: &[&Fact]) -> Option<&'f Fact> {
    let noun = here[0].noun.as_deref()?;
    if si == 0
        || a.sentences[si - 1].block != a.sentences[si].block
        || !here.iter().all(|f| f.noun.as_deref() == Some(noun))
        || !here.iter().any(|f| named_as_rest(a, f))
        || after_of_the(a, &a.sentences[si], here[0])
    {
        return None;
    }
    let mut before = a.facts().in_sentence(si - 1).filter(|f| {
        f.kind == FactKind::Count
            && f.noun.as_deref() == Some(noun)
            && (f.role != Role::Change || reached(a, f))
    });
    let total = before.next()?;
    before.next().is_none().then_some(total)
}

/// The level a change reached: "rose 4.2% to 6.84 billion pounds".
fn reached(a: &Analysis, f: &Fact) -> bool {
    let t = a.quantities()[f.quantity].tokens.start;
    f.role == Role::Change && t > 0 && a.lower(t - 1) == "to"
}

/// "Of the injured, ninety-eight were discharged and …": a sentence opening "Of the" and a
/// word of what happened refers to the one figure given earlier for it ("146 persons were
/// injured"); with two such figures it is not known which.
fn of_the_predicate<'f>(a: &'f Analysis, si: usize) -> Option<&'f Fact> {
    let s = &a.sentences[si];
    let t = s.tokens.start;
    if t + 3 >= s.tokens.end
        || a.lower(t) != "of"
        || a.lower(t + 1) != "the"
        || a.word(t + 3) != ","
    {
        return None;
    }
    let group = VOCAB.predicate_of.get(a.lower(t + 2))?;
    let mut found = a.facts().facts.iter().filter(|f| {
        f.sentence < si
            && f.kind == FactKind::Count
            && predicate_after(a, f) == Some(group.as_str())
    });
    let first = found.next()?;
    (found.next().is_none() && first.noun.is_some()).then_some(first)
}

/// The predicate group of a word in the three after a figure's noun ("146 persons were
/// injured" → injured), or of the verb right before the figure ("have killed 27 people" →
/// dead).
fn predicate_after(a: &Analysis, f: &Fact) -> Option<&'static str> {
    let q = &a.quantities()[f.quantity];
    let end = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
    let s = &a.sentences[f.sentence];
    let stop = (end + 3).min(s.tokens.end);
    let verb_before = (q.tokens.start > s.tokens.start).then(|| q.tokens.start - 1);
    (end..stop)
        .chain(verb_before)
        .find_map(|i| VOCAB.predicate_of.get(a.lower(i)).map(String::as_str))
}

/// A figure that can stand for a whole group: exact, whole, unquoted, no measure, and stated
/// or given as a total.
fn can_be_total(total: &Fact) -> bool {
    total.approx == Approx::Exact
        && whole(total.value)
        && !total.quoted
        && !total.noun.as_deref().is_some_and(numbers::is_measure)
        && matches!(total.role, Role::Stated | Role::Total)
}

/// A part of `total`: bare (or a noun of what happened: "three bodies"), exact, smaller.
fn is_part_of(f: &Fact, total: &Fact) -> bool {
    f.approx == Approx::Exact
        && whole(f.value)
        && f.value < total.value
        && matches!(f.role, Role::Stated | Role::Part)
        && match &f.noun {
            None => true,
            Some(n) => {
                VOCAB.predicate_of.contains_key(n) || f.group == total.group || kind_of(f, total)
            }
        }
}

/// A whole number, up to the rounding of "4.11 billion" (4110000000.0000005).
fn whole(v: f64) -> bool {
    (v - v.round()).abs() <= 1e-6 * v.abs().max(1.0)
}

/// One of the four words after the figure (or its noun) makes it the rest: "nine are still
/// missing".
fn followed_by_residual(a: &Analysis, f: &Fact) -> bool {
    let q = &a.quantities()[f.quantity];
    let end = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
    let stop = (end + 4).min(a.sentences[f.sentence].tokens.end);
    (end..stop).any(|i| {
        RESIDUAL.contains(&a.lower(i))
            || (a.lower(i) == "still" && i + 1 < stop && STILL_PENDING.contains(&a.lower(i + 1)))
    })
}

/// The figure says it is the rest: "the remaining 1", "the other three".
fn named_as_rest(a: &Analysis, f: &Fact) -> bool {
    let q = &a.quantities()[f.quantity];
    // (The premodifier, or "remaining" right before the figure when no determiner was
    // read: "the group's arm the remaining 0.64 billion".)
    q.premodifier
        .as_ref()
        .is_some_and(|(w, _)| matches!(*w, "remaining" | "other" | "rest"))
        || (q.tokens.start > 0 && a.lower(q.tokens.start - 1) == "remaining")
}

/// A bare figure followed by a place: "eight in May", "twelve in Lima".
fn is_place(a: &Analysis, s: &Sentence, f: &Fact) -> bool {
    let q = &a.quantities()[f.quantity];
    let mut i = q.tokens.end;
    // "11 were in Ratnapura district, 7 in Kegalle": the first part may carry the verb.
    if i < s.tokens.end && matches!(a.lower(i), "were" | "was" | "died" | "are") {
        i += 1;
    }
    i + 1 < s.tokens.end
        && q.noun.is_none()
        && matches!(a.lower(i), "in" | "from" | "at")
        && a.tokens[i + 1].capitalised
}

/// The total is announced as one: "Of the 22 workers trapped, …".
fn after_of_the(a: &Analysis, s: &Sentence, total: &Fact) -> bool {
    let q = &a.quantities()[total.quantity];
    let mut b = q.tokens.start;
    while b > s.tokens.start && matches!(a.lower(b - 1), "the" | "its" | "their") {
        b -= 1;
    }
    b > s.tokens.start && a.lower(b - 1) == "of"
}

/// The total (with its qualifier) opens the sentence: "Eighteen people …, twelve in …". With
/// places for parts that announces a total; else "Warren earned 8 delegates, Biden 6 and
/// Klobuchar the remaining 1" would be read as one.
fn opens_sentence(a: &Analysis, s: &Sentence, total: &Fact) -> bool {
    let q = &a.quantities()[total.quantity];
    q.qualifier
        .as_ref()
        .map_or(q.tokens.start, |r| a.token_at_or_after(r.start))
        <= s.tokens.start + 1
}

/// Subsets inside the account ("five of them children") break the sum; words after it ("…,
/// most of them contacted by cold callers") do not.
fn has_subset(a: &Analysis, s: &Sentence, parts: &[&Fact]) -> bool {
    let end = parts.last().map_or(s.tokens.end, |f| {
        let q = &a.quantities()[f.quantity];
        (q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1) + 3).min(s.tokens.end)
    });
    (s.tokens.start..end).any(|i| {
        matches!(
            a.lower(i),
            "including" | "among" | "whom" | "which" | "them" | "both"
        )
    })
}

/// The finding: the rest ("nine are still missing") is the figure worked out from the others,
/// so it is reported; with no rest, the total is.
fn report(a: &Analysis, total: &Fact, parts: &[&Fact], sum: f64) -> Diagnostic {
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
    let rest = parts
        .iter()
        .rev()
        .find(|f| followed_by_residual(a, f) || a.quantities()[f.quantity].premodifier.is_some());
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
    d.with_help("check each part and the total")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    #[test]
    fn a_combined_figure_against_each_ones() {
        let run = |text: &str| run_kind(&KIND, "", text, None);
        assert_eq!(
            run(
                "Direction Forward came second with 35 seats, followed by the National Union with 22 and the Hungarian Community Party with 14.\n\nThe three parties — Direction Forward, National Union and the Hungarian Community Party — would hold 69 seats between them."
            ),
            ["69"]
        );
        assert_eq!(
            run(
                "Ana Ruiz has played 12 seasons, Bo Lind 9 seasons and Cy Moor 8 seasons.\n\nRuiz, Lind and Moor have a combined 31 seasons at the club."
            ),
            ["31"]
        );
        assert_eq!(
            run(
                "Hollis got nine years. His son was jailed for five years, Fenwick for seven years and Pryce for three years, making a combined 26 years for the four defendants."
            ),
            ["26"]
        );
        for ok in [
            // Said to be of K, the last K figures before it.
            "Hollis got nine years. His son was jailed for five years, Fenwick for seven years and Pryce for three years, making a combined 24 years for the four defendants.",
            "Hollis got nine years. His son was jailed for five years and Pryce for three years, making a combined 26 years for the four defendants.",
            "Direction Forward came second with 35 seats, followed by the National Union with 22 and the Hungarian Community Party with 14.\n\nThe three parties — Direction Forward, National Union and the Hungarian Community Party — would hold 71 seats between them.",
            "Ana Ruiz has played 12 seasons, Bo Lind 9 seasons and Cy Moor 8 seasons.\n\nLind and Moor have 17 seasons between them, and Ruiz and Lind 21 seasons together.",
            // One of them has no figure of its own: the combined one may be right.
            "Ana Ruiz has played 12 seasons and Bo Lind 9 seasons.\n\nRuiz, Lind and Moor have a combined 31 seasons at the club.",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn women_and_men_are_the_whole_group() {
        let run = |text: &str| run_kind(&KIND, "", text, None);
        assert_eq!(
            run("The gang defrauded 37 pensioners, 22 women and 14 men, over six years."),
            ["37"]
        );
        // Words after the account are no subset of it.
        assert_eq!(
            run(
                "The gang defrauded 37 pensioners, 22 women and 14 men, between 2015 and 2021, most of them contacted by cold callers."
            ),
            ["37"]
        );
        for ok in [
            "The gang defrauded 36 pensioners, 22 women and 14 men, over six years.",
            // Not a split of the whole: one class only, or two of another kind.
            "The gang defrauded 37 pensioners, 22 women and 14 widows, over six years.",
            "The gang defrauded 37 pensioners, 22 of them women.",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_partitive_is_no_sum() {
        assert!(
            run_kind(
                &KIND,
                "",
                "Seven candidates stood in the first round. Three of the five eliminated candidates endorsed her.",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn a_remainder_that_overfills_the_body() {
        let run = |text: &str| run_kind(&KIND, "", text, None);
        let lead = "The party and its allies won 150 of the 225 seats in parliament. The party \
                    alone took 145 seats.\n\n";
        assert_eq!(
            run(&format!(
                "{lead}The opposition won 54 seats. The Tamil alliance won 10 and the NPP three, with the remaining 18 seats going to smaller parties."
            )),
            ["18"]
        );
        // The parts and the body in one sentence.
        assert_eq!(
            run(
                "The Coalition won 14 of the 31 seats, Law and Justice nine, Third Way four and the Left three, with the remaining two seats going to the mayor's list."
            ),
            ["two"]
        );
        for ok in [
            format!("{lead}The opposition won 54 seats. The Tamil alliance won 10 and the NPP three, with the remaining 13 seats going to smaller parties."),
            // No size for the body, or the parts are not given.
            "The party took 145 seats.\n\nThe opposition won 54 seats, with the remaining 18 seats going to smaller parties.".to_string(),
            format!("{lead}Smaller parties took the remaining 18 seats."),
            "The Coalition won 14 of the 31 seats, Law and Justice nine, Third Way four and the Left three, with the remaining one seat going to the mayor's list.".to_string(),
        ] {
            assert!(run(&ok).is_empty(), "{ok}");
        }
    }

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
    fn accounts_of_the_injured_and_of_pending_requests() {
        for (text, hit) in [
            (
                "Police said 60 people were injured in the blast.\n\nOf the injured, 41 were discharged and 22 remain in hospital.",
                "22",
            ),
            (
                "The council received 20 bids for the site. Twelve were refused, five were granted and two are still being considered.",
                "two",
            ),
        ] {
            assert_eq!(run_kind(&KIND, "", text, None), [hit], "{text}");
        }
    }

    #[test]
    fn of_the_dead_by_place_against_the_killed() {
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "Floods have killed 27 people in Sri Lanka. Of the dead, 11 were in Ratnapura district, 7 in Kegalle, 5 in Kalutara and 2 in Galle.",
                None
            ),
            ["27"]
        );
        let ok = "Floods have killed 25 people in Sri Lanka. Of the dead, 11 were in Ratnapura district, 7 in Kegalle, 5 in Kalutara and 2 in Galle.";
        assert!(run_kind(&KIND, "", ok, None).is_empty());
    }

    #[test]
    fn a_breakdown_of_the_figure_before() {
        assert_eq!(
            run_kind(
                &KIND,
                "",
                "Sales rose 3% to 9.4 billion euros. Europe brought in 5.2 billion euros, Asia 2.9 billion euros, and the group's Americas arm the remaining 1.6 billion euros.",
                None
            ),
            ["1.6 billion"]
        );
        for ok in [
            "Sales rose 3% to 9.4 billion euros. Europe brought in 5.2 billion euros, Asia 2.9 billion euros and the Americas the remaining 1.3 billion euros.",
            "Sales rose 3% to 9.4 billion euros. Europe brought in 5.2 billion euros and Asia 2.9 billion euros.",
            "Sales were 9.4 billion euros and costs 8 billion euros. Europe brought in 5.2 billion euros and the Americas the remaining 1.6 billion euros.",
            "Revenue was 0.3 billion euros. Fees brought in 0.1 billion euros and trading the remaining 0.2 billion euros.",
        ] {
            let r = run_kind(&KIND, "", ok, None);
            assert!(r.is_empty(), "{ok}: {r:?}");
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
            "Police said 60 people were injured. Of the injured, 41 were discharged and 19 remain in hospital.",
            "Police said 60 people were injured and 12 were injured in a second blast. Of the injured, 41 were discharged and 20 remain in hospital.",
            "The council received 20 bids. Twelve were refused, five were granted and three are still being considered.",
            "The bus carried 41 passengers. Thirty were treated in hospital and two are still in hospital.",
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
