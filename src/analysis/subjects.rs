//! Who each sentence is about: the names in it, lower case, so that the number checks can tie
//! two figures to one person ("Smith, 45, … Smith was born in 1970"). Computed for every
//! sentence in one pass over the document, not once per question.

use super::numbers;
use super::{Analysis, TokenKind};
use std::collections::BTreeSet;
use std::ops::Range;

/// Surnames and other names per sentence, lower case (the last word of each capitalised
/// run). A sentence-initial run counts only if the same word is used as a name elsewhere
/// ("Morales was nominated…" after "…announced Morales,…") or is never written in lower
/// case in the article ("Japan, in 2025, …" but not "Officials said…").
pub(super) fn extract(a: &Analysis) -> Vec<BTreeSet<String>> {
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
    let mut out = vec![BTreeSet::new(); a.sentences.len()];
    for m in &a.mentions {
        // A mention never crosses a sentence, so it lies in its first token's sentence.
        let s = a.sentence_of[m.tokens.start];
        let span = &a.sentences[s].span;
        if !(m.span.start >= span.start && m.span.end <= span.end) {
            continue;
        }
        let Some(w) = last_word(a, m.tokens.clone()) else {
            continue;
        };
        if (!m.sentence_initial || inner.contains(&w))
            && !numbers::is_month(&w)
            && !numbers::is_weekday(&w)
        {
            out[s].insert(w);
        }
    }
    out
}

fn last_word(a: &Analysis, tokens: Range<usize>) -> Option<String> {
    tokens
        .rev()
        .find(|&t| a.tokens[t].kind == TokenKind::Word)
        .map(|t| numbers::lemma(a.word(t)))
}
