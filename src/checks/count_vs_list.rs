//! `count-vs-list`: a stated count and the list that spells it out disagree.
//!
//! - An exhaustive list (after a colon, "namely", a dash, or in the next sentence after
//!   "signed by"…) with a different number of items: "in three cities: Oruro and Potosí".
//! - A subset marker ("most notably", "including", "such as") that names as many items as
//!   the count or more: "two candidates, most notably Carlos Mesa and Oscar Ortiz" — the
//!   marker promises others that the count leaves no room for.

use super::support::numeric::{self, Phrases};
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::lists::{self, List};
use crate::analysis::numbers::{Approx, Quantity};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Words that introduce a whole list after the counted noun (besides a colon).
    #[serde(default = "default_exhaustive")]
    exhaustive_markers: Vec<String>,
    /// Words that introduce some of the items only.
    #[serde(default = "default_subset")]
    subset_markers: Vec<String>,
    /// Phrases that introduce a list of names in the sentence after the count ("The letter,
    /// signed by France, Poland…").
    #[serde(default = "default_introducers")]
    next_sentence_introducers: Vec<String>,
    /// A list in the next sentence is compared only when its length is this close to the
    /// count (a far-off length is more likely a different set).
    #[serde(default = "default_near_miss")]
    near_miss: usize,
    /// Largest count compared.
    #[serde(default = "default_max_count")]
    max_count: usize,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}
fn default_exhaustive() -> Vec<String> {
    strings(&["namely", "—", "–"])
}
fn default_subset() -> Vec<String> {
    strings(&[
        "most notably",
        "notably",
        "including",
        "such as",
        "among them",
        "among whom",
        "among which",
        "in particular",
        "especially",
        "particularly",
    ])
}
fn default_introducers() -> Vec<String> {
    strings(&[
        "signed by",
        "backed by",
        "joined by",
        "attended by",
        "made up of",
        "consisting of",
        "comprising",
        "namely",
    ])
}
fn default_near_miss() -> usize {
    2
}
fn default_max_count() -> usize {
    40
}

struct CountVsList {
    exhaustive: Phrases,
    subset: Phrases,
    introducers: Phrases,
    near_miss: usize,
    max_count: usize,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "count-vs-list",
        include_str!("../../docs/kinds/count-vs-list.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(CountVsList {
        exhaustive: Phrases::new(o.exhaustive_markers),
        subset: Phrases::new(o.subset_markers),
        introducers: Phrases::new(o.next_sentence_introducers),
        near_miss: o.near_miss,
        max_count: o.max_count,
    }))
}

/// The token span of the first of `phrases` that starts at token `i`.
fn phrase_at(a: &Analysis, i: usize, end: usize, phrases: &Phrases) -> Option<(usize, usize)> {
    phrases.at(a, i, end).map(|e| (i, e))
}

fn item_texts(a: &Analysis, list: &List) -> String {
    let items: Vec<&str> = list
        .items
        .iter()
        .map(|r| a.slice(a.tokens[r.start].span.start..a.tokens[r.end - 1].span.end))
        .collect();
    // Items with commas of their own are set apart by semicolons, as the article does.
    let (sep, and) = if items.iter().any(|t| t.contains(", ")) {
        ("; ", "; and ")
    } else {
        (", ", " and ")
    };
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => rest.join(sep) + and + last,
        _ => items.join(""),
    }
}

/// A count as a message writes it: "three", "forty-two", "120" (`write_like("x", n)`,
/// without its case matching).
fn count_words(n: usize) -> String {
    u32::try_from(n)
        .ok()
        .and_then(crate::analysis::numbers::in_words)
        .unwrap_or_else(|| n.to_string())
}

impl CountVsList {
    /// A count worth comparing: an exact whole number of a plural noun.
    fn countable(&self, a: &Analysis, q: &Quantity) -> bool {
        q.is_count()
            && q.approx == Approx::Exact
            && q.value.fract() == 0.0
            && q.value >= 2.0
            && q.value <= self.max_count as f64
            && q.head.is_none()
            && q.noun.as_ref().is_some_and(|n| {
                crate::analysis::lexical::is_plural_lower(a.lower(n.token)) && n.lemma != "percent"
            })
            && !a.is_heading_sentence(q.sentence)
    }

    fn check(
        &self,
        a: &Analysis,
        q: &Quantity,
        next_lists: &mut Vec<Option<Option<List>>>,
        out: &mut Vec<Diagnostic>,
    ) {
        let s = &a.sentences[q.sentence];
        let n = q.value as usize;
        let count_span = q.phrase_span(false);
        let count_text = a.slice(count_span.clone());
        let k = q.phrase.end.max(q.tokens.end);

        // Subset marker right after the counted noun, or a short tail ("two disputes this
        // year, most notably A and B").
        let mut m = k;
        while m < s.tokens.end
            && m < k + 3
            && a.tokens[m].kind == crate::analysis::TokenKind::Word
            && phrase_at(a, m, s.tokens.end, &self.subset).is_none()
        {
            m += 1;
        }
        if m < s.tokens.end && matches!(a.word(m), "," | "—" | "–" | "(") {
            m += 1;
        } else if m != k {
            m = k;
        }
        if let Some((ms, me)) = phrase_at(a, m, s.tokens.end, &self.subset)
            && let Some(list) = lists::parse(a, me, s.tokens.end)
        {
            if !lists::all_items_are_figures(a, &list) && list.min >= n {
                let marker = a.tokens[ms].span.start..a.tokens[me - 1].span.end;
                let mt = a.slice(marker.clone());
                out.push(
                    Diagnostic::new(
                        count_span,
                        format!(
                            "'{mt}' promises more {} than the ones named, but '{count_text}' leaves no room for others: the list names {}",
                            noun_text(a, q),
                            count_words(list.min)
                        ),
                    )
                    .with_primary_label(format!("{} in all", count_words(n)))
                    .with_label(marker, "introduces only some of them")
                    .with_label(list.span.clone(), format!("{} named here", count_words(list.min)))
                    .with_help(format!(
                        "drop '{mt}' if these are all of them, or give the full count"
                    )),
                );
            }
            return;
        }

        // Exhaustive list after a colon or marker, possibly after a short tail ("four races on
        // the programme: …").
        let (start, long_tail) = self.exhaustive_list_start(a, k, s.tokens.end);
        if let Some(start) = start {
            // "3 out of the 22 topics: A, B and C" lists the three, not the 22.
            if partitive_whole(a, q) {
                return;
            }
            if let Some(mut list) = lists::parse(a, start, s.tokens.end)
                && !list.open
                && !lists::all_items_are_figures(a, &list)
                && !lists::has_clause_items(a, &list)
                && (!long_tail || lists::all_items_capitalised(a, &list))
            {
                // "A, B, C and two Swedish journalists" names five.
                let counted = lists::counted_items(a, &list);
                list.min += counted;
                list.max += counted;
                if n < list.min || n > list.max {
                    self.report(a, q, &list, out);
                }
            }
            return;
        }

        // A list of names in the next sentence of the paragraph: "Ministers from 11 countries
        // sent a letter. The letter, signed by France, Poland, … and Portugal, demanded…".
        let next = q.sentence + 1;
        if next >= a.sentences.len() || a.sentences[next].block != s.block {
            return;
        }
        if let Some(list) = self.introduced_list(a, next, next_lists)
            && !list.open
            && list.items.len() >= 3
            && lists::all_items_capitalised(a, list)
            && (n < list.min || n > list.max)
            && n.abs_diff(list.min).min(n.abs_diff(list.max)) <= self.near_miss
        {
            self.report(a, q, list, out);
        }
    }

    /// Where a list that claims to be whole starts after the counted noun (ending at token
    /// `k`): after a colon, possibly after a tail of words ("four races on the programme:"), or
    /// after "namely". The flag says the tail was long ("four players reached double figures
    /// in league goals:"): the colon then introduces the counted things only if they are names.
    fn exhaustive_list_start(&self, a: &Analysis, k: usize, end: usize) -> (Option<usize>, bool) {
        let mut j = k;
        while j < end && j < k + 8 {
            let w = a.lower(j);
            if w == ":" {
                return (Some(j + 1), j >= k + 6);
            }
            // A dash after a tail ("three districts of Camaná province — Camaná, …"): a list
            // of names only.
            if j > k && matches!(w, "—" | "–") {
                return (Some(j + 1), true);
            }
            // "namely" right after the noun, or after a short tail ("the four districts most
            // affected by the floods namely …").
            if let Some((_, e)) = phrase_at(a, j, end, &self.exhaustive)
                && (j == k || a.tokens[j].is_word())
            {
                return (Some(e), false);
            }
            if j == k && w == "," {
                let after = phrase_at(a, j + 1, end, &self.exhaustive).map(|(_, e)| e);
                return (after, false);
            }
            if a.tokens[j].kind != crate::analysis::TokenKind::Word {
                break;
            }
            j += 1;
        }
        (None, false)
    }

    /// The list after the first introducer of sentence `s` ("signed by France, Poland, …"),
    /// if it has one: worked out once per sentence (in `memo`), however many counts come
    /// before it.
    fn introduced_list<'m>(
        &self,
        a: &Analysis,
        s: usize,
        memo: &'m mut Vec<Option<Option<List>>>,
    ) -> Option<&'m List> {
        if memo.is_empty() {
            memo.resize(a.sentences.len(), None);
        }
        memo[s]
            .get_or_insert_with(|| {
                let ns = &a.sentences[s];
                let e = ns.tokens.clone().find_map(|i| {
                    phrase_at(a, i, ns.tokens.end, &self.introducers).map(|(_, e)| e)
                })?;
                lists::parse(a, e, ns.tokens.end)
            })
            .as_ref()
    }

    fn report(&self, a: &Analysis, q: &Quantity, list: &List, out: &mut Vec<Diagnostic>) {
        let count_span = q.phrase_span(false);
        let count_text = a.slice(count_span.clone());
        // (Joined rather than `format!`ted: cheaper, and an article can make many of these.)
        let named = if list.min == list.max {
            count_words(list.min)
        } else {
            [count_words(list.min), count_words(list.max)].join(" or ")
        };
        let message = [
            "'",
            count_text,
            "', but the list names ",
            &named,
            ": ",
            &item_texts(a, list),
        ]
        .concat();
        let stated = count_words(q.value as usize) + " stated here";
        // The label marks the whole list, or only its first item when the list (with the
        // clauses that describe its items) is too wide to show beside the count.
        let label = match list.items.first() {
            Some(r) if list.span.len() > 60 => {
                // (An item described at length, "Paulo Rech, owner of …", up to its comma.)
                let mut end = r.end;
                let first = a.tokens[r.start].span.start;
                if a.tokens[end - 1].span.end - first > 60
                    && let Some(comma) = (r.start + 1..r.end).find(|&t| a.word(t) == ",")
                {
                    end = comma;
                }
                first..a.tokens[end - 1].span.end
            }
            _ => list.span.clone(),
        };
        let mut d = Diagnostic::new(count_span, message)
            .with_primary_label(stated)
            .with_label(label, named + " listed here")
            .with_help("add the missing item or correct the count");
        if list.min == list.max {
            let original = a.slice(q.span.clone());
            d = d.with_fix(
                q.span.clone(),
                numeric::write_like(original, list.min as f64),
                Applicability::Unsafe,
            );
        }
        out.push(d);
    }
}

/// Is the count the whole of a part ("3 out of the 22 topics", "two of the five seats")?
fn partitive_whole(a: &Analysis, q: &Quantity) -> bool {
    let mut t = q.tokens.start;
    if t > 0 && a.lower(t - 1) == "the" {
        t -= 1;
    }
    t > 0 && a.lower(t - 1) == "of"
}

fn noun_text(a: &Analysis, q: &Quantity) -> String {
    q.noun
        .as_ref()
        .map(|n| a.word(n.token).to_string())
        .unwrap_or_else(|| "items".into())
}

impl Check for CountVsList {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let mut next_lists = Vec::new();
        for q in a.quantities() {
            if self.countable(a, q) {
                self.check(a, q, &mut next_lists, out);
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
    fn counts_are_written_as_write_like_writes_them() {
        for n in [
            0,
            1,
            7,
            19,
            20,
            42,
            99,
            100,
            120,
            1000,
            12345,
            usize::MAX >> 12,
        ] {
            assert_eq!(count_words(n), numeric::write_like("x", n as f64), "{n}");
        }
    }

    /// Found on real copy (tests/real/judgments.tsv): a part of a whole, an item that counts
    /// its own, phrases strung with commas.
    #[test]
    fn lists_that_agree_with_their_count() {
        for text in [
            "On Twitter, 3 out of the 22 popular topics became trending topics: #Debate2012, #JuliaOrayen and #Hasta.",
            "Five journalists were jailed: Woubshet Taye, Elias Kifle, Reeyot Alemu and two Swedish journalists.",
            "He promised a government with two aims: an equal number of women and men, and from all ethnic backgrounds.",
        ] {
            assert!(hits(text).is_empty(), "{text}: {:?}", hits(text));
        }
        assert_eq!(
            hits(
                "Five journalists were jailed: Woubshet Taye, Elias Kifle and two Swedish journalists."
            ),
            vec!["Five journalists"]
        );
    }

    #[test]
    fn colon_list_shorter_than_the_count() {
        assert_eq!(
            hits("Police units in three cities: Oruro and Potosí joined the protest."),
            vec!["three cities"]
        );
        assert_eq!(
            hits(
                "Orders were issued for five communities: Kelowna, West Kelowna, Lake Country and Peachland, as a fire spread."
            ),
            vec!["five communities"]
        );
        assert_eq!(
            hits(
                "Violence was recorded in four provinces: Lanao del Sur, Maguindanao and Abra, where six people were killed."
            ),
            vec!["four provinces"]
        );
        // After a longer tail, a list of names; a relative clause after a name is no item.
        assert_eq!(
            hits(
                "Four players reached double figures in league goals: Victor Boniface, who missed three months with an injury, Wirtz and Alejandro Grimaldo, the wing-back."
            ),
            vec!["Four players"]
        );
        for ok in [
            "Three players reached double figures in league goals: Victor Boniface, who missed three months with an injury, Wirtz and Alejandro Grimaldo, the wing-back.",
            "Four players reached double figures in league goals this season: goals, assists and saves.",
        ] {
            assert!(hits(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn lists_after_a_dash_an_abbreviation_and_an_oxford_comma() {
        assert_eq!(
            hits(
                "An emergency was declared in three districts of Camaná province — Camaná, Mariscal Cáceres, Nicolás de Piérola and Quilca — freeing funds."
            ),
            vec!["three districts"]
        );
        assert_eq!(
            hits(
                "The alliance had four demands: a minimum wage of 25,000 taka, a 10 percent increment, payment of wages by Oct. 25, reinstatement of dismissed workers, and subsidised rice and lentils."
            ),
            vec!["four demands"]
        );
        for ok in [
            "An emergency was declared in four districts of Camaná province — Camaná, Mariscal Cáceres, Nicolás de Piérola and Quilca — freeing funds.",
            // After a tail, a dash sets off names only.
            "Prices rose in three districts last year — food, fuel and rent went up.",
            "The alliance had five demands: a minimum wage of 25,000 taka, a 10 percent increment, payment of wages by Oct. 25, reinstatement of dismissed workers, and subsidised rice and lentils.",
        ] {
            assert!(hits(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn the_fix_writes_the_number_of_items_in_the_same_style() {
        let d = diagnostics(
            &KIND,
            "",
            "They visited five communities: Kelowna, Lake Country and Peachland.",
            None,
        );
        assert_eq!(d[0].fixes[0].replacement, "three");
        let d = diagnostics(
            &KIND,
            "",
            "They visited 5 towns: Kelowna, Lake Country and Peachland.",
            None,
        );
        assert_eq!(d[0].fixes[0].replacement, "3");
    }

    #[test]
    fn subset_marker_naming_all() {
        assert_eq!(
            hits(
                "The president faced two candidates, most notably Carlos Mesa (center-right) and liberal Senator Oscar Ortiz."
            ),
            vec!["two candidates"]
        );
        assert_eq!(
            hits(
                "The cuts hit two divisions, most notably sales and customer support, and will fall hardest on Seattle."
            ),
            vec!["two divisions"]
        );
        assert_eq!(
            hits("He met three leaders, including Macron, Scholz and Meloni."),
            vec!["three leaders"]
        );
    }

    #[test]
    fn list_in_the_next_sentence() {
        assert_eq!(
            hits(
                "Ministers from 11 countries sent a letter. The letter, signed by France, Poland, Italy, Ireland, Austria, Romania, Hungary, Spain, Greece and Portugal, demanded more."
            ),
            vec!["11 countries"]
        );
        // Two counts before one list: each is compared with it (the list is read once).
        assert_eq!(
            hits(
                "Ministers from 11 countries and 12 agencies sent 3 letters. The letter, signed by France, Poland, Italy, Ireland, Austria, Romania, Hungary, Spain, Greece and Portugal, demanded more."
            ),
            vec!["11 countries", "12 agencies"]
        );
    }

    #[test]
    fn agreeing_and_partial_lists_are_fine() {
        for text in [
            "More than 12,000 runners registered for the four races on the programme: the marathon, the half marathon, the 10-kilometre race and a 5-kilometre fun run.",
            "The president faced three candidates, most notably Carlos Mesa and Oscar Ortiz.",
            "It killed 12 people, including three children and two women.",
            "Firefighters came from the United States, Australia, Mexico, South Africa and other countries.",
            "Police units in two cities: Oruro and Potosí joined.",
            "The crew of 24 members: 11 Indonesians, 9 Filipinos and 4 Indians.",
            "The plan has three parts: cutting costs, raising taxes and selling assets.",
            "Some 10,000 farmers from Belgium, France, the Netherlands, Germany, Spain and Italy joined.",
            "Ministers from 27 countries met. The talks were attended by France, Poland and Italy.",
            "Members from five countries: Trinidad and Tobago, Jamaica, Barbados, Guyana and Belize.",
        ] {
            assert!(hits(text).is_empty(), "{text}: {:?}", hits(text));
        }
    }
}
