//! Helpers shared by the number checks (ordinal-conflict, count-vs-list, quantity-conflict,
//! parts-sum, date-arithmetic): who a sentence is about, the words around a figure, and
//! writing a corrected figure in the article's own style.

use crate::analysis::lexical;
use crate::analysis::numbers::{self, Quantity, QuantityKind};
use crate::analysis::{Analysis, Names, TokenKind};
use crate::fast_hash::ShapeFilter;
use std::collections::BTreeSet;

/// Surnames and other names in a sentence, lower case (see `Analysis::names_in_sentence`).
pub(crate) fn names_in_sentence<'x>(a: &'x Analysis, sentence: usize) -> Names<'x> {
    a.names_in_sentence(sentence)
}

/// Years written in a sentence.
pub(crate) fn years_in_sentence(a: &Analysis, sentence: usize) -> BTreeSet<i64> {
    a.quantities_in(sentence)
        .iter()
        .filter(|q| q.kind == QuantityKind::Year)
        .map(|q| q.value as i64)
        .collect()
}

/// Lower-case phrases, split into words once when the rule is built, so that matching them
/// at a token costs no allocation (the tokens' lower-case text comes from `Analysis::lower`).
pub(crate) struct Phrases {
    list: Vec<Vec<String>>,
    /// The shapes (first byte, length) of the phrases' first words: a token of another shape
    /// starts none of them, which rules out nearly every token of a sentence scanned for one.
    first_words: ShapeFilter,
    /// The same for their last words: a token of another shape ends none of them.
    last_words: ShapeFilter,
    /// A phrase is empty: it matches at any token, so none can be ruled out.
    has_empty: bool,
}

impl Phrases {
    pub(crate) fn new(phrases: Vec<String>) -> Phrases {
        let list: Vec<Vec<String>> = phrases
            .iter()
            .map(|p| {
                p.to_lowercase()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        let mut first_words = ShapeFilter::default();
        let mut last_words = ShapeFilter::default();
        let mut has_empty = false;
        for words in &list {
            match (words.first(), words.last()) {
                (Some(first), Some(last)) => {
                    first_words.insert(first);
                    last_words.insert(last);
                }
                _ => has_empty = true,
            }
        }
        Phrases {
            list,
            first_words,
            last_words,
            has_empty,
        }
    }

    /// Can a phrase start at token `i`? (A quick test on the token's shape; past the last
    /// token only an empty phrase can.)
    fn may_start(&self, a: &Analysis, i: usize) -> bool {
        self.has_empty || (i < a.tokens.len() && self.first_words.may_contain(a.lower(i)))
    }

    /// Do `words` match the tokens from `start` on?
    fn matches(a: &Analysis, words: &[String], start: usize) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| a.lower(start + k) == w)
    }

    /// The first phrase (in list order) that starts at token `i` and ends by `end`
    /// (exclusive): the token after it.
    pub(crate) fn at(&self, a: &Analysis, i: usize, end: usize) -> Option<usize> {
        if !self.may_start(a, i) {
            return None;
        }
        self.list.iter().find_map(|words| {
            (i + words.len() <= end && Self::matches(a, words, i)).then_some(i + words.len())
        })
    }

    /// The first phrase (in list order) that ends at token `end` (exclusive) and starts at
    /// or after `from`: its first token.
    pub(crate) fn before(&self, a: &Analysis, end: usize, from: usize) -> Option<usize> {
        // (A quick test on the shape of the token before `end`; none ends before the first.)
        let last = end.checked_sub(1);
        if !self.has_empty
            && last.is_none_or(|t| t < a.tokens.len() && !self.last_words.may_contain(a.lower(t)))
        {
            return None;
        }
        self.list.iter().find_map(|words| {
            let start = end.checked_sub(words.len())?;
            (start >= from && Self::matches(a, words, start)).then_some(start)
        })
    }

    /// Does a phrase start at token `start` and end by `end` (exclusive)?
    pub(crate) fn after(&self, a: &Analysis, start: usize, end: usize) -> bool {
        self.at(a, start, end).is_some()
    }

    /// The byte span of the first phrase found in token range `range`.
    pub(crate) fn find_in(
        &self,
        a: &Analysis,
        range: std::ops::Range<usize>,
    ) -> Option<std::ops::Range<usize>> {
        for i in range.clone() {
            if !self.may_start(a, i) {
                continue;
            }
            for words in &self.list {
                if words.is_empty() || i + words.len() > range.end {
                    continue;
                }
                if Self::matches(a, words, i) {
                    return Some(a.tokens[i].span.start..a.tokens[i + words.len() - 1].span.end);
                }
            }
        }
        None
    }

    /// Does a phrase occur in sentence `sentence`? Returns the byte span of the first one.
    pub(crate) fn find(&self, a: &Analysis, sentence: usize) -> Option<std::ops::Range<usize>> {
        self.find_in(a, a.sentences[sentence].tokens.clone())
    }
}

/// Lower-case content-word stems around token range `tokens` within its clause: up to
/// `before` tokens back and `after` tokens forward, stopping at clause punctuation.
pub(crate) fn context_stems(
    a: &Analysis,
    tokens: std::ops::Range<usize>,
    before: usize,
    after: usize,
) -> BTreeSet<String> {
    let s = &a.sentences[a.sentence_of[tokens.start]];
    let clause_break = |i: usize| matches!(a.word(i), "," | ";" | ":" | "(" | ")" | "—" | "–");
    let mut out = BTreeSet::new();
    let mut add = |i: usize| {
        let t = &a.tokens[i];
        // Names say who, not what: two figures about the same person can be different things.
        if t.kind != TokenKind::Word || (t.capitalised && i != s.tokens.start) {
            return;
        }
        let w = a.word(i).to_lowercase();
        if w.chars().count() < 3
            || numbers::STOP_SET.contains(&w)
            || CONTEXT_STOP.contains(&w.as_str())
            || numbers::is_month(&w)
            || numbers::is_weekday(&w)
        {
            return;
        }
        out.insert(lexical::stem(&w));
    };
    // A name in the window is skipped without using it up: "sentenced former Prime Minister
    // Imran Khan to 14 years" keeps "sentenced".
    let is_name = |i: usize| a.tokens[i].capitalised && i != s.tokens.start;
    let mut i = tokens.start;
    let mut n = 0;
    while i > s.tokens.start && n < before {
        i -= 1;
        if clause_break(i) {
            break;
        }
        add(i);
        n += usize::from(!is_name(i));
    }
    let mut i = tokens.end;
    let mut n = 0;
    while i < s.tokens.end && n < after {
        if clause_break(i) {
            break;
        }
        add(i);
        i += 1;
        n += 1;
    }
    out
}

/// Words too common to tie two figures together.
const CONTEXT_STOP: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "reported",
    "officials",
    "official",
    "also",
    "than",
    "year",
    "years",
    "percent",
    "cent",
    "million",
    "billion",
    "thousand",
    "hundred",
    "there",
    "what",
    "were",
    "been",
    "being",
    "have",
    "very",
    "many",
    "much",
    "total",
    "some",
    "other",
];

/// Whole numbers above this are not all exact in an `f64`: sums of such figures are not to be
/// trusted, nor offered as a fix (adding 35 to 6.2e96 changes nothing).
pub(crate) const LARGEST_EXACT: f64 = 9_007_199_254_740_992.0; // 2^53

/// Writes `value` the way the original figure was written: words for small numbers written
/// in words ("five" → "four"), digits with the same thousands separator otherwise.
pub(crate) fn write_like(original: &str, value: f64) -> String {
    let in_words = original.chars().next().is_some_and(char::is_alphabetic);
    if in_words
        && value.fract() == 0.0
        && (0.0..100.0).contains(&value)
        && let Some(w) = crate::analysis::numbers::in_words(value as u32)
    {
        return crate::checks::match_case(original, &w);
    }
    let sep = if original.contains(',') { "," } else { "" };
    group(value, sep)
}

fn group(value: f64, sep: &str) -> String {
    if value.fract() != 0.0 || value.abs() > LARGEST_EXACT {
        return format!("{value}");
    }
    let digits = format!("{}", value.abs() as u64);
    if sep.is_empty() || digits.len() <= 3 {
        return digits;
    }
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// "2,300" for messages.
pub(crate) fn show(value: f64) -> String {
    group(value, ",")
}

/// English ordinal word or digits: 3 → "third".
pub(crate) fn ordinal_name(value: f64) -> String {
    const NAMES: &[&str] = &[
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "eleventh", "twelfth",
    ];
    let v = value as usize;
    if v < NAMES.len() {
        return NAMES[v].to_string();
    }
    let suffix = match (v % 10, v % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{v}{suffix}")
}

/// Lower-cased strings.
pub(crate) fn lower(v: Vec<String>) -> Vec<String> {
    v.into_iter().map(|s| s.to_lowercase()).collect()
}

/// A bound of a range ("4% to 5%", "the 4.25% to 4.50% range", "between 40 and 50"): not a
/// figure given for a quantity.
pub(crate) fn range_bound(a: &Analysis, q: &Quantity) -> bool {
    let s = &a.sentences[q.sentence].tokens;
    let number = |i: usize| i < s.end && a.tokens[i].kind == TokenKind::Number;
    let start = q.tokens.start;
    let mut end = q.tokens.end;
    while end < s.end && matches!(a.lower(end), "%" | "percent" | "per" | "cent") {
        end += 1;
    }
    let joiner = |i: usize| matches!(a.lower(i), "to" | "–" | "-");
    let before = start >= s.start + 2
        && joiner(start - 1)
        && (number(start - 2) || matches!(a.word(start - 2), "%" | "percent" | "per"));
    let after = end + 1 < s.end && joiner(end) && (number(end + 1) || a.word(end + 1) == "$");
    let between = start > s.start
        && a.lower(start - 1) == "between"
        && end + 1 < s.end
        && a.lower(end) == "and"
        && number(end + 1);
    before || after || between
}

/// A figure's number as written: the digits token's text (separators kept), its decimals, and
/// the scale that turns it into the figure's value ("5.1 billion": "5.1", 1, a billion).
pub(crate) struct Written {
    pub(crate) number: String,
    pub(crate) decimals: usize,
    pub(crate) scale: f64,
}

pub(crate) fn written(a: &Analysis, q: &Quantity) -> Option<Written> {
    let i = q
        .tokens
        .clone()
        .find(|&i| a.tokens[i].kind == TokenKind::Number)?;
    let number: String = a
        .word(i)
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    let plain: String = number.chars().filter(|c| *c != ',').collect();
    let value = plain.parse::<f64>().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    let scale = if value > 0.0 { q.value / value } else { 1.0 };
    Some(Written {
        number,
        decimals,
        scale,
    })
}

impl Written {
    /// The place of the last digit written, in the figure's units: "580" → 10, "600" → 100,
    /// "5.1 billion" → 0.1 billion. An approximation is as loose as this says ("about 580" is
    /// not "about 600").
    pub(crate) fn last_digit(&self) -> f64 {
        let mut unit = 10f64.powi(-(self.decimals as i32));
        if self.decimals == 0 {
            let mut n: u64 = self.number.replace(',', "").parse().unwrap_or(0);
            while n >= 10 && n.is_multiple_of(10) {
                n /= 10;
                unit *= 10.0;
            }
        }
        unit * self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_lower_case_tokens() {
        use crate::document::{Document, Format};
        let d = Document::parse(
            "t.md",
            "Prices Rose To 5 percent, up from four.".to_string(),
            Format::Markdown,
        );
        let a = Analysis::new(&d);
        let p = Phrases::new(vec!["rose to".into(), "Up From".into(), "now".into()]);
        assert_eq!(p.at(&a, 1, a.tokens.len()), Some(3));
        assert_eq!(p.at(&a, 1, 2), None, "the phrase must end by `end`");
        assert_eq!(p.at(&a, 0, a.tokens.len()), None);
        assert_eq!(p.before(&a, 8, 0), Some(6));
        assert_eq!(p.before(&a, 3, 0), Some(1));
        assert_eq!(
            p.before(&a, 3, 2),
            None,
            "the phrase must start at or after `from`"
        );
        assert_eq!(p.before(&a, 2, 0), None);
        assert_eq!(p.before(&a, 0, 0), None);
        assert!(p.after(&a, 6, 8) && !p.after(&a, 5, 8));
        assert_eq!(
            p.find_in(&a, 0..a.tokens.len()).map(|r| a.slice(r)),
            Some("Rose To")
        );
        assert_eq!(
            p.find_in(&a, 3..a.tokens.len()).map(|r| a.slice(r)),
            Some("up from")
        );
        assert_eq!(p.find_in(&a, 3..7), None);
        // An empty phrase matches anywhere with `at`, nowhere with `find_in`.
        let e = Phrases::new(vec![String::new()]);
        assert_eq!(e.at(&a, 2, a.tokens.len()), Some(2));
        assert_eq!(e.find_in(&a, 0..a.tokens.len()), None);
        assert_eq!(e.before(&a, 0, 0), Some(0));
        assert_eq!(e.before(&a, 4, 1), Some(4));
    }

    #[test]
    fn figures_are_written_in_the_original_style() {
        assert_eq!(write_like("five", 4.0), "four");
        assert_eq!(write_like("Five", 4.0), "Four");
        assert_eq!(write_like("twenty-one", 36.0), "thirty-six");
        assert_eq!(write_like("2,300", 2800.0), "2,800");
        assert_eq!(write_like("31", 36.0), "36");
        assert_eq!(write_like("1500", 1600.0), "1600");
        assert_eq!(show(163000.0), "163,000");
        assert_eq!(ordinal_name(3.0), "third");
        assert_eq!(ordinal_name(21.0), "21st");
    }
}
