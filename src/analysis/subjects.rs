//! Who each sentence is about: the names in it, lower case, so that the number checks can tie
//! two figures to one person ("Smith, 45, … Smith was born in 1970"). Computed for every
//! sentence in one pass over the document, not once per question.

use super::numbers;
use super::{Analysis, TokenKind};
use crate::fast_hash::FastSet;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;

/// Surnames and other names per sentence, lower case (the last word of each capitalised
/// run). A sentence-initial run counts only if the same word is used as a name elsewhere
/// ("Morales was nominated…" after "…announced Morales,…") or is never written in lower
/// case in the article ("Japan, in 2025, …" but not "Officials said…").
pub(super) fn extract(a: &Analysis) -> Vec<BTreeSet<String>> {
    // The last word of each mention, as a lemma: worked out once per mention.
    let last: Vec<Option<Cow<str>>> = a
        .mentions
        .iter()
        .map(|m| last_word(a, m.tokens.clone()))
        .collect();
    // (Hash sets: they are only asked whether they hold a word.)
    let mut inner: FastSet<&str> = a
        .mentions
        .iter()
        .zip(&last)
        .filter(|(m, _)| !m.sentence_initial)
        .filter_map(|(_, w)| w.as_deref())
        .collect();
    // Sentence-initial names that pass the other tests; then drop those written in lower
    // case somewhere (one pass over the tokens, looking up only these few words).
    let mut initial: FastSet<&str> = FastSet::default();
    for (m, w) in a.mentions.iter().zip(&last) {
        if let Some(w) = w.as_deref()
            && m.sentence_initial
            && !numbers::STOP_SET.contains(w)
            && (m.tokens.len() > 1 || w.chars().count() > 3)
        {
            initial.insert(w);
        }
    }
    if !initial.is_empty() {
        // A lemma starts with its word's first byte (suffixes go, irregular plurals keep it:
        // "men" → "man"), so most words are ruled out without working out their lemma.
        let mut first = [false; 256];
        for w in initial.iter() {
            match w.as_bytes().first() {
                Some(&b) => first[b as usize] = true,
                None => first = [true; 256],
            }
        }
        for (i, t) in a.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || t.capitalised {
                continue;
            }
            let lower = a.lower(i);
            if first[lower.as_bytes()[0] as usize]
                && initial.remove(&*numbers::lemma_of_lower(lower))
                && initial.is_empty()
            {
                break;
            }
        }
    }
    inner.extend(initial);
    let mut out = vec![BTreeSet::new(); a.sentences.len()];
    for (m, w) in a.mentions.iter().zip(&last) {
        // A mention never crosses a sentence, so it lies in its first token's sentence.
        let s = a.sentence_of[m.tokens.start];
        let span = &a.sentences[s].span;
        if !(m.span.start >= span.start && m.span.end <= span.end) {
            continue;
        }
        let Some(w) = w.as_deref() else {
            continue;
        };
        if (!m.sentence_initial || inner.contains(w))
            && !numbers::is_month(w)
            && !numbers::is_weekday(w)
        {
            out[s].insert(w.to_string());
        }
    }
    out
}

/// Lemma of the last word of a mention.
fn last_word<'x>(a: &'x Analysis, tokens: Range<usize>) -> Option<Cow<'x, str>> {
    tokens
        .rev()
        .find(|&t| a.tokens[t].kind == TokenKind::Word)
        .map(|t| numbers::lemma_of_lower(a.lower(t)))
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::analysis::numbers::lemma_of_lower;
    use crate::document::{Document, Format};

    #[test]
    fn a_lemma_keeps_the_first_byte_of_its_word() {
        for w in [
            "people",
            "men",
            "children",
            "feet",
            "teeth",
            "mice",
            "geese",
            "indices",
            "lives",
            "cities",
            "churches",
            "officers",
            "mayor's",
            "s's",
            "x’s",
            "police",
            "élites",
            "ñandúes",
            "reais",
            "troops",
        ] {
            assert_eq!(lemma_of_lower(w).as_bytes()[0], w.as_bytes()[0], "{w}");
        }
    }

    #[test]
    fn sentence_initial_words_are_names_only_when_used_as_names() {
        let d = Document::parse(
            "t.md",
            "Morales won. Officials met Morales in La Paz. Officials said the officials left. Japan, in 2025, grew."
                .to_string(),
            Format::Markdown,
        );
        let a = Analysis::new(&d);
        let names = |s: usize| a.names_in_sentence(s).iter().cloned().collect::<Vec<_>>();
        assert_eq!(names(0), ["morale"]);
        assert_eq!(names(1), ["morale", "paz"]);
        assert!(names(2).is_empty());
        assert_eq!(names(3), ["japan"]);
    }
}
