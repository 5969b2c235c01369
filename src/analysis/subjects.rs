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
    // Sentence-initial names that pass the other tests; then drop those written in lower
    // case somewhere (one pass over the tokens, looking up only these few words).
    let mut initial: BTreeSet<String> = BTreeSet::new();
    for m in a.mentions.iter().filter(|m| m.sentence_initial) {
        if let Some(w) = last_word(a, m.tokens.clone())
            && !numbers::STOP.contains(&w.as_str())
            && (m.tokens.len() > 1 || w.chars().count() > 3)
        {
            initial.insert(w);
        }
    }
    if !initial.is_empty() {
        for (i, t) in a.tokens.iter().enumerate() {
            if t.kind == TokenKind::Word && !t.capitalised {
                let l = numbers::lemma_of(a.word(i));
                if initial.contains(&*l) {
                    initial.remove(&*l);
                    if initial.is_empty() {
                        break;
                    }
                }
            }
        }
    }
    inner.extend(initial);
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
