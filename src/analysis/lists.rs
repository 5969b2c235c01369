//! Enumerations in running text: "Kelowna, West Kelowna, Lake Country and Peachland",
//! "Carlos Mesa (center-right) and liberal Senator Oscar Ortiz", "Lanao del Sur, Maguindanao
//! and Abra". Parsed on demand from a starting token (after a colon, "namely", "most
//! notably"…), for the checks that compare a stated count with the items named.

use super::{Analysis, TokenKind};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct List {
    /// Token ranges of the items, as split (a segment with an inner "and" before the final
    /// conjunction counts as one item here; `max` allows for it being two).
    pub items: Vec<Range<usize>>,
    /// Fewest and most items the list can be read as having: "A, B and C, and D" may be
    /// three or four items.
    pub min: usize,
    pub max: usize,
    /// "…and other countries", "etc.", "among others": the list does not claim to be whole.
    pub open: bool,
    /// Byte span from the first item to the end of the last.
    pub span: Range<usize>,
}

/// Names that contain "and" and are one item: "Trinidad and Tobago".
const AND_NAMES: &[&str] = &[
    "trinidad and tobago",
    "bosnia and herzegovina",
    "antigua and barbuda",
    "são tomé and príncipe",
    "sao tome and principe",
    "saint kitts and nevis",
    "st kitts and nevis",
    "saint vincent and the grenadines",
    "heard island and mcdonald islands",
    "turks and caicos",
];

/// Is the "and" at token `t` inside a name such as "Trinidad and Tobago"?
fn name_and(a: &Analysis, t: usize) -> bool {
    // Where " and " is in each name, found once.
    static AT: std::sync::LazyLock<Vec<(&str, usize)>> = std::sync::LazyLock::new(|| {
        AND_NAMES
            .iter()
            .filter_map(|name| Some((*name, name.find(" and ")?)))
            .collect()
    });
    let span = &a.tokens[t].span;
    let bytes = a.text.as_bytes();
    AT.iter().any(|&(name, at)| {
        let from = span.start.checked_sub(at + 1);
        let to = span.end + (name.len() - at - 4);
        // Most "and"s are ruled out on the first byte: an ASCII byte must be the name's first
        // letter in either case (a non-ASCII one, or the middle of a character, goes on to
        // the full test, which says no to the latter).
        if let Some(f) = from
            && let Some(&b) = bytes.get(f)
            && b.is_ascii()
            && b.to_ascii_lowercase() != name.as_bytes()[0]
        {
            return false;
        }
        from.and_then(|f| a.text.get(f..to)).is_some_and(|s| {
            if s.is_ascii() {
                s.eq_ignore_ascii_case(name)
            } else {
                // `s.to_lowercase() == name`, char by char: no copy, and it stops at the first
                // difference. (The two differ only on a capital sigma, which no name has.)
                s.chars().flat_map(char::to_lowercase).eq(name.chars())
            }
        })
    })
}

/// Words that start a clause after the last item: "…and Abra, where…", "…and Peachland as a
/// fire…".
const CLAUSE: &[&str] = &[
    "where", "which", "who", "whom", "whose", "as", "while", "when", "that", "because", "after",
    "before", "since", "until", "if", "but", "although", "though", "whereas", "so",
];

/// Finite verbs: a segment holding one is a clause, not a list item.
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "said",
    "says", "must", "should",
];

const OPEN: &[&str] = &["other", "others", "etc", "more", "so"];

/// One stretch between commas.
struct Segment {
    range: Range<usize>,
    /// Conjunctions inside the segment (not counting a leading one).
    inner: usize,
    /// The segment starts with "and"/"or" (the last item after an Oxford comma).
    leading: bool,
    /// A comma follows the segment.
    comma_after: bool,
}

/// Is the "." at token `i` the end of an abbreviation inside the sentence ("by Oct. 25",
/// "Dr. Ruiz"): glued to a short capitalised word, with the sentence going on after it.
fn abbreviation_dot(a: &Analysis, i: usize) -> bool {
    i > 0
        && a.tokens[i].glued
        && a.tokens[i - 1].capitalised
        && a.tokens[i - 1].is_word()
        && a.word(i - 1).chars().count() <= 4
        && a.sentence_of.get(i + 1) == Some(&a.sentence_of[i])
}

fn segments(a: &Analysis, start: usize, end: usize) -> Vec<Segment> {
    let word = |i: usize| a.lower(i);
    let mut out: Vec<Segment> = Vec::new();
    let mut i = start;
    while i < end && out.len() < 40 {
        let mut seg_start = i;
        let leading = matches!(word(i), "and" | "or");
        if leading {
            seg_start += 1;
            i += 1;
        }
        let mut depth = 0usize;
        let mut inner = 0;
        let mut cut = false;
        while i < end {
            let w = word(i);
            match w {
                "(" | "[" => depth += 1,
                ")" | "]" if depth > 0 => depth -= 1,
                ")" | "]" => {
                    cut = true;
                    break;
                }
                "." if depth == 0 && abbreviation_dot(a, i) => {}
                "," | ";" | ":" | "." | "—" | "–" | "!" | "?" if depth == 0 => break,
                "and" | "or" if depth == 0 && i > seg_start && !name_and(a, i) => inner += 1,
                _ => {}
            }
            // After the final conjunction, a clause word ends the item ("…and Peachland as a
            // fire pushed…").
            if depth == 0 && (inner > 0 || leading) && i > seg_start && CLAUSE.contains(&w) {
                cut = true;
                break;
            }
            i += 1;
        }
        let range = seg_start..i;
        let has_words = range.clone().any(|t| a.tokens[t].kind != TokenKind::Punct);
        let comma_after = !cut && i < end && word(i) == ",";
        // A relative clause set off after a name describes that item ("Victor Boniface, who
        // missed three months, Wirtz and Grimaldo"): skipped, not an item, not the end.
        let described = out.last().is_some_and(|prev: &Segment| {
            a.tokens[prev.range.start].capitalised && prev.inner == 0 && !prev.leading
        }) && !leading
            && matches!(word(seg_start), "who" | "whose")
            && comma_after;
        if described {
            i += 1;
            continue;
        }
        // A segment starting with a clause word is not an item ("…, where six were killed").
        if !has_words || (!out.is_empty() && CLAUSE.contains(&word(seg_start))) {
            break;
        }
        out.push(Segment {
            range,
            inner,
            leading,
            comma_after,
        });
        if !comma_after {
            break;
        }
        i += 1;
    }
    out
}

/// Items of the reading whose last item is in segment `last`: (items, min, max).
fn reading(a: &Analysis, segs: &[Segment], last: usize) -> (Vec<Range<usize>>, usize, usize) {
    let mut items = Vec::new();
    let (mut min, mut max) = (0, 0);
    for (k, seg) in segs[..=last].iter().enumerate() {
        if k < last {
            // Not the last segment: one item, or two if it has its own "and".
            min += 1;
            max += 1 + seg.inner;
            items.push(seg.range.clone());
            continue;
        }
        // After an Oxford comma the last item is the whole segment ("…, and subsidised rice
        // and lentils"), though it might be two.
        if seg.leading {
            items.push(seg.range.clone());
            min += 1;
            max += 1 + seg.inner;
            continue;
        }
        // The last segment: "and D" or "C and D", split on its conjunctions.
        let mut from = seg.range.start;
        let mut depth = 0usize;
        for t in seg.range.clone() {
            match a.lower(t) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                "and" | "or" if depth == 0 && t > from && !name_and(a, t) => {
                    items.push(from..t);
                    min += 1;
                    max += 1;
                    from = t + 1;
                }
                _ => {}
            }
        }
        items.push(from..seg.range.end);
        min += 1;
        max += 1;
    }
    (items, min, max)
}

/// A list whose items, described with commas of their own, are set apart by semicolons:
/// "Paulo Rech, owner of the firm; his partner, Jorge Amaral; and Luana Kreutz, an engineer".
/// The last item opens with "and"/"or"; no item holds a finite verb (a clause) or a bracket.
fn semicolon_list(a: &Analysis, start: usize, mut end: usize) -> Option<List> {
    while end > start && matches!(a.word(end - 1), "." | "!" | "?") {
        end -= 1;
    }
    let breaks: Vec<usize> = (start..end).filter(|&i| a.word(i) == ";").collect();
    if breaks.is_empty() || breaks.len() > 12 {
        return None;
    }
    let mut items = Vec::new();
    let mut from = start;
    for &b in breaks.iter().chain(std::iter::once(&end)) {
        items.push(from..b);
        from = b + 1;
    }
    // (A semicolon may end the text: an empty item, never read.)
    if items.iter().any(|r| r.is_empty()) {
        return None;
    }
    let last = items.last_mut()?;
    if !matches!(a.lower(last.start), "and" | "or") {
        return None;
    }
    last.start += 1;
    let clause = items.iter().any(|r| {
        r.is_empty()
            || r.clone()
                .any(|t| FINITE.contains(&a.lower(t)) || matches!(a.word(t), "(" | ")" | "." | ":"))
    });
    if clause {
        return None;
    }
    let n = items.len();
    let last_end = items.last()?.end;
    Some(List {
        span: a.tokens[start].span.start..a.tokens[last_end - 1].span.end,
        items,
        min: n,
        max: n,
        open: false,
    })
}

/// Parses a list starting at token `start`, within tokens `..end` (the sentence end).
/// Returns `None` unless the list is closed by "and"/"or" (a lone phrase is not a list).
pub(crate) fn parse(a: &Analysis, start: usize, end: usize) -> Option<List> {
    if let Some(list) = semicolon_list(a, start, end) {
        return Some(list);
    }
    let segs = segments(a, start, end);
    // Short reading: the list ends with the first segment holding a conjunction.
    let short = segs.iter().position(|s| s.inner > 0 || s.leading)?;
    let (items, mut min, mut max) = reading(a, &segs, short);
    // Long reading, for "A and B, C, and D": an Oxford-comma segment further on, unless it
    // is a clause ("A, B and C, and the helicopters are ready").
    if segs[short].comma_after
        && let Some(long) = segs[short + 1..]
            .iter()
            .position(|s| s.leading)
            .map(|p| p + short + 1)
        && !segs[long]
            .range
            .clone()
            .any(|t| FINITE.contains(&a.lower(t)))
    {
        let (_, lmin, lmax) = reading(a, &segs, long);
        min = min.min(lmin);
        max = max.max(lmax);
    }
    if items.iter().any(|r| r.is_empty()) || items.len() < 2 {
        return None;
    }
    let word = |i: usize| a.lower(i);
    let mut open = items.iter().any(|r| OPEN.contains(&word(r.start)));
    // "etc", "among others" right after the list.
    let last_end = items.last()?.end;
    let next: Vec<&str> = (last_end..end.min(last_end + 3)).map(word).collect();
    if next.contains(&"etc") || next.windows(2).any(|w| w[0] == "among" && w[1] == "others") {
        open = true;
    }
    let first = items.first()?.start;
    Some(List {
        span: a.tokens[first].span.start..a.tokens[last_end - 1].span.end,
        items,
        min,
        max,
        open,
    })
}

/// How many more things the list names than items, from items that count their own ("A, B
/// and two Swedish journalists": one item, two people, so 1 more).
pub(crate) fn counted_items(a: &Analysis, list: &List) -> usize {
    list.items
        .iter()
        .filter_map(|r| {
            let q = a
                .quantities_in(a.sentence_of[r.start])
                .iter()
                .find(|q| q.tokens.start == r.start)?;
            (q.kind == super::numbers::QuantityKind::Cardinal && q.value >= 2.0 && q.value < 100.0)
                .then(|| q.value as usize - 1)
        })
        .sum()
}

/// Is the "list" really clauses or phrases strung with commas rather than things ("two
/// aims: an equal number of women and men, and from all backgrounds")? An item that opens
/// with a preposition is no thing to count.
pub(crate) fn has_clause_items(a: &Analysis, list: &List) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "from", "to", "in", "with", "for", "of", "on", "at", "by", "into", "about", "without",
    ];
    list.items
        .iter()
        .any(|r| r.start < r.end && PREPOSITIONS.contains(&a.lower(r.start)))
}

/// Does every item start with a figure ("11 Indonesians, 9 Filipinos and 6 Indians")?
pub(crate) fn all_items_are_figures(a: &Analysis, list: &List) -> bool {
    list.items
        .iter()
        .all(|r| r.start < r.end && starts_with_figure(a, r.start, r.end))
}

/// Does the item from token `start` (before `end`) start with a figure, after "the", "about",
/// "some" or "nearly"?
fn starts_with_figure(a: &Analysis, start: usize, end: usize) -> bool {
    let mut t = start;
    if matches!(a.lower(t), "the" | "about" | "some" | "nearly") {
        t += 1;
    }
    // A quantity starting at token `t` is one of its sentence's.
    t < end
        && a.quantities_in(a.sentence_of[t])
            .iter()
            .any(|q| q.tokens.start == t && q.kind == super::numbers::QuantityKind::Cardinal)
}

/// Could a list parsed from token `start` (within tokens `..end`) have only figures for
/// items (`all_items_are_figures`)? False when its first item cannot start with one, which
/// is told without parsing the list.
pub(crate) fn may_be_all_figures(a: &Analysis, start: usize, end: usize) -> bool {
    if start >= end {
        return false;
    }
    // The first item starts at `start`, or after a leading "and"/"or" (see `segments`), and
    // ends by `end`.
    let first = if matches!(a.lower(start), "and" | "or") {
        start + 1
    } else {
        start
    };
    first < end && starts_with_figure(a, first, end)
}

/// Does every item start with a capital letter ("France, Poland and Italy")?
pub(crate) fn all_items_capitalised(a: &Analysis, list: &List) -> bool {
    list.items.iter().all(|r| {
        (r.clone())
            .find(|&t| a.tokens[t].kind == TokenKind::Word)
            .is_some_and(|t| a.tokens[t].capitalised)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::document::{Document, Format};

    /// Parses the list after `marker` in `text`; returns (items, min, max, open).
    fn list(text: &str, marker: &str) -> Option<(Vec<String>, usize, usize, bool)> {
        let d = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&d);
        let at = text.find(marker).unwrap() + marker.len();
        let start = a.token_at_or_after(at);
        let s = &a.sentences[a.sentence_of[start]];
        let l = parse(&a, start, s.tokens.end)?;
        let items = l
            .items
            .iter()
            .map(|r| {
                a.slice(a.tokens[r.start].span.start..a.tokens[r.end - 1].span.end)
                    .to_string()
            })
            .collect();
        Some((items, l.min, l.max, l.open))
    }

    #[test]
    fn items_with_commas_set_apart_by_semicolons() {
        let (items, min, max, open) = list(
            "Four were upheld: Paulo Rech, owner of the firm; his partner, Jorge Amaral; and Luana Kreutz, an engineer.",
            ":",
        )
        .unwrap();
        assert_eq!(
            items,
            vec![
                "Paulo Rech, owner of the firm",
                "his partner, Jorge Amaral",
                "Luana Kreutz, an engineer"
            ]
        );
        assert_eq!((min, max, open), (3, 3, false));
        // Clauses set apart by semicolons are no list of things.
        let clauses = list(
            "Two things happened: the budget was late; and the tax bill failed.",
            ":",
        );
        assert!(clauses.is_none_or(|(items, ..)| items.len() != 2 || items[0].contains(';')));
    }

    #[test]
    fn a_relative_clause_after_a_name_is_no_item() {
        let (items, min, max, _) = list(
            "Four players scored ten: Victor Boniface, who missed three months, Wirtz and Alejandro Grimaldo, the wing-back.",
            ":",
        )
        .unwrap();
        assert_eq!(
            items,
            vec!["Victor Boniface", "Wirtz", "Alejandro Grimaldo"]
        );
        assert_eq!((min, max), (3, 3));
    }

    #[test]
    fn names_with_commas_and_and() {
        let (items, min, max, open) = list(
            "Orders were issued for five communities: Kelowna, West Kelowna, Lake Country and Peachland, as a fire spread.",
            ":",
        )
        .unwrap();
        assert_eq!(
            items,
            vec!["Kelowna", "West Kelowna", "Lake Country", "Peachland"]
        );
        assert_eq!((min, max, open), (4, 4, false));
    }

    #[test]
    fn particles_and_clause_after_the_last_item() {
        let (items, ..) = list(
            "Violence in four provinces: Lanao del Sur, Maguindanao and Abra, where six people were killed.",
            ":",
        )
        .unwrap();
        assert_eq!(items, vec!["Lanao del Sur", "Maguindanao", "Abra"]);
    }

    #[test]
    fn brackets_and_titles_inside_items() {
        let (items, ..) = list(
            "He faced two candidates, most notably Carlos Mesa (center-right) and liberal Senator Oscar Ortiz.",
            "most notably",
        )
        .unwrap();
        assert_eq!(
            items,
            vec!["Carlos Mesa (center-right)", "liberal Senator Oscar Ortiz"]
        );
    }

    #[test]
    fn the_list_ends_at_the_comma_after_its_last_item() {
        let (items, ..) = list(
            "The cuts hit two divisions, most notably sales and customer support, and will fall hardest on Seattle.",
            "most notably",
        )
        .unwrap();
        assert_eq!(items, vec!["sales", "customer support"]);
        let (_, min, max, _) = list(
            "The cuts hit two divisions, most notably sales and customer support, and will fall hardest.",
            "most notably",
        )
        .unwrap();
        // (A clause after the comma is no third item.)
        assert_eq!((min, max), (2, 2));
    }

    #[test]
    fn oxford_comma_is_ambiguous_after_an_inner_and() {
        // Short reading: "the statues of Rahotep" and "Nofret"; long: three or four items.
        let (_, min, max, _) = list(
            "Highlights: the statues of Rahotep and Nofret, the palette, and a hall.",
            ":",
        )
        .unwrap();
        assert_eq!((min, max), (2, 4));
        let (items, min, max, _) = list("Races: the marathon, the half marathon, the 10-kilometre race and a 5-kilometre fun run.", ":").unwrap();
        assert_eq!(items.len(), 4);
        assert_eq!((min, max), (4, 4));
        // A clause after the Oxford comma is no item.
        let (_, min, max, _) = list(
            "Troops went to the districts namely Dhading, Gorkha and Chitwan, and the helicopters are ready.",
            "namely",
        )
        .unwrap();
        assert_eq!((min, max), (3, 3));
    }

    #[test]
    fn open_lists_and_non_lists() {
        assert!(
            list(
                "from the United States, Australia, Mexico and other countries.",
                "from"
            )
            .unwrap()
            .3
        );
        assert!(list("Three things: honesty.", ":").is_none());
        let (items, ..) = list("Members: Trinidad and Tobago, Jamaica and Barbados.", ":").unwrap();
        assert_eq!(items.len(), 3);
    }

    #[test]
    fn names_with_and_in_any_case_and_with_accents() {
        for (text, n) in [
            ("Members: TRINIDAD AND TOBAGO, Jamaica and Barbados.", 3),
            ("Members: Peru, SÃO TOMÉ AND PRÍNCIPE and Chile.", 3),
            ("Members: Peru, São Tomé and Príncipe and Chile.", 3),
            ("Members: Peru, Sao Tome and Principe and Chile.", 3),
            ("Members: Peru, St Kitts and Nevis and Chile.", 3),
            ("Members: Peru, Turks and Caicos, and Chile.", 3),
            ("Members: Peru, Kitts and Nevis and Chile.", 4),
            ("Members: Peru, Trinidad or Tobago and Chile.", 4),
        ] {
            let (items, ..) = list(text, ":").unwrap();
            assert_eq!(items.len(), n, "{text}: {items:?}");
        }
    }
}
