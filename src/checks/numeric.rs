//! Helpers shared by the number checks (ordinal-conflict, count-vs-list, quantity-conflict,
//! parts-sum, date-arithmetic): who a sentence is about, the words around a figure, and
//! writing a corrected figure in the article's own style.

use crate::analysis::numbers::{self, QuantityKind};
use crate::analysis::{Analysis, TokenKind};
use std::collections::BTreeSet;

/// Surnames and other names in a sentence, lower case (the last word of each capitalised
/// run). A sentence-initial run counts only if the same word is used as a name elsewhere
/// ("Morales was nominated…" after "…announced Morales,…") or is never written in lower
/// case in the article ("Japan, in 2025, …" but not "Officials said…").
pub fn names_in_sentence(a: &Analysis, sentence: usize) -> BTreeSet<String> {
    let mut inner: BTreeSet<String> = a
        .mentions
        .iter()
        .filter(|m| !m.sentence_initial)
        .filter_map(|m| last_word(a, m.tokens.clone()))
        .collect();
    let lower_case: BTreeSet<String> = a
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Word && !t.capitalised)
        .map(|(i, _)| numbers::lemma(a.word(i)))
        .collect();
    for m in a.mentions.iter().filter(|m| m.sentence_initial) {
        if let Some(w) = last_word(a, m.tokens.clone())
            && !lower_case.contains(&w)
            && !numbers::STOP.contains(&w.as_str())
            && (m.tokens.len() > 1 || w.chars().count() > 3)
        {
            inner.insert(w);
        }
    }
    let span = &a.sentences[sentence].span;
    a.mentions
        .iter()
        .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
        .filter_map(|m| {
            let w = last_word(a, m.tokens.clone())?;
            (!m.sentence_initial || inner.contains(&w)).then_some(w)
        })
        .filter(|w| !numbers::is_month(w) && !numbers::is_weekday(w))
        .collect()
}

fn last_word(a: &Analysis, tokens: std::ops::Range<usize>) -> Option<String> {
    tokens
        .rev()
        .find(|&t| a.tokens[t].kind == TokenKind::Word)
        .map(|t| numbers::lemma(a.word(t)))
}

/// Years written in a sentence.
pub fn years_in_sentence(a: &Analysis, sentence: usize) -> BTreeSet<i64> {
    a.quantities()
        .iter()
        .filter(|q| q.sentence == sentence && q.kind == QuantityKind::Year)
        .map(|q| q.value as i64)
        .collect()
}

/// Does the sentence contain one of `phrases` (lower-case words separated by spaces)?
/// Returns the byte span of the first match.
pub fn find_phrase(
    a: &Analysis,
    sentence: usize,
    phrases: &[String],
) -> Option<std::ops::Range<usize>> {
    let range = a.sentences[sentence].tokens.clone();
    find_phrase_in(a, range, phrases)
}

pub fn find_phrase_in(
    a: &Analysis,
    range: std::ops::Range<usize>,
    phrases: &[String],
) -> Option<std::ops::Range<usize>> {
    for i in range.clone() {
        for p in phrases {
            let words: Vec<&str> = p.split_whitespace().collect();
            if words.is_empty() || i + words.len() > range.end {
                continue;
            }
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| a.word(i + k).to_lowercase() == *w)
            {
                return Some(a.tokens[i].span.start..a.tokens[i + words.len() - 1].span.end);
            }
        }
    }
    None
}

/// Lower-case content-word stems around token range `tokens` within its clause: up to
/// `before` tokens back and `after` tokens forward, stopping at clause punctuation.
pub fn context_stems(
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
            || numbers::STOP.contains(&w.as_str())
            || CONTEXT_STOP.contains(&w.as_str())
            || numbers::is_month(&w)
            || numbers::is_weekday(&w)
        {
            return;
        }
        out.insert(numbers::stem(&w));
    };
    let mut i = tokens.start;
    let mut n = 0;
    while i > s.tokens.start && n < before {
        i -= 1;
        if clause_break(i) {
            break;
        }
        add(i);
        n += 1;
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

/// Writes `value` the way the original figure was written: words for small numbers written
/// in words ("five" → "four"), digits with the same thousands separator otherwise.
pub fn write_like(original: &str, value: f64) -> String {
    let in_words = original.chars().next().is_some_and(char::is_alphabetic);
    if in_words && value.fract() == 0.0 && (0.0..100.0).contains(&value) {
        let v = value as usize;
        const SMALL: &[&str] = &[
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ];
        const TENS: &[&str] = &[
            "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        let w = if v < 20 {
            SMALL[v].to_string()
        } else if v.is_multiple_of(10) {
            TENS[v / 10].to_string()
        } else {
            format!("{}-{}", TENS[v / 10], SMALL[v % 10])
        };
        return crate::checks::match_case(original, &w);
    }
    let sep = if original.contains(',') { "," } else { "" };
    group(value, sep)
}

fn group(value: f64, sep: &str) -> String {
    if value.fract() != 0.0 {
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
pub fn show(value: f64) -> String {
    group(value, ",")
}

/// English ordinal word or digits: 3 → "third".
pub fn ordinal_name(value: f64) -> String {
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
pub fn lower(v: Vec<String>) -> Vec<String> {
    v.into_iter().map(|s| s.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
