//! Facts about English words that several checks need, from word lists generated from public
//! data and embedded in the binary (see `rules/lexicon/SOURCES.md`).

use std::cmp::Ordering;

/// Words with a direct antonym in WordNet 3.0 (`scripts/gen_antonyms.py`).
static ANTONYMS: &str = include_str!("../rules/lexicon/antonyms.txt");

/// Does this lower-case word (or its singular) have an opposite ("rural" → urban, "hawks" →
/// doves)? "X and X" with such an X was almost surely meant as the pair.
pub(crate) fn has_antonym(lower: &str) -> bool {
    sorted_list_contains(ANTONYMS, lower)
        || lower
            .strip_suffix('s')
            .is_some_and(|w| w.len() > 2 && sorted_list_contains(ANTONYMS, w))
}

/// Whether a word list holds this line. A list is byte-wise sorted, one word a line, so a
/// binary search over the embedded text itself finds a word in about 16 steps with no table to
/// build first (splitting 64,000 lines cost more than all the look-ups of a run).
pub(crate) fn sorted_list_contains(list: &str, word: &str) -> bool {
    let (text, word) = (list.as_bytes(), word.as_bytes());
    // `lo` and `hi` are always at the start of a line (or at the end of the text).
    let (mut lo, mut hi) = (0, text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = text[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = text[start..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |i| start + i);
        match text[start..end].cmp(word) {
            Ordering::Less => lo = end + 1,
            Ordering::Greater => hi = start,
            Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn antonym_list_is_sorted_and_found() {
        let words: Vec<&str> = ANTONYMS.split_terminator('\n').collect();
        assert!(words.len() > 5_000);
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "antonyms.txt is not sorted"
        );
        assert!(words.iter().all(|w| sorted_list_contains(ANTONYMS, w)));
        assert!(has_antonym("rural") && has_antonym("hawks") && has_antonym("public"));
        assert!(!has_antonym("her") && !has_antonym("quality") && !has_antonym("students"));
    }
}
