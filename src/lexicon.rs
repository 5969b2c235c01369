//! Facts about English words that several checks need, from word lists generated from public
//! data and embedded in the binary (see `rules/lexicon/SOURCES.md`).

use std::cmp::Ordering;
use std::sync::OnceLock;

/// Words with a direct antonym in WordNet 3.0 (`scripts/gen_antonyms.py`).
static ANTONYMS: SortedList = SortedList::new(include_str!("../rules/lexicon/antonyms.txt"));

/// Does this lower-case word (or its singular) have an opposite ("rural" → urban, "hawks" →
/// doves)? "X and X" with such an X was almost surely meant as the pair.
pub(crate) fn has_antonym(lower: &str) -> bool {
    ANTONYMS.contains(lower)
        || lower
            .strip_suffix('s')
            .is_some_and(|w| w.len() > 2 && ANTONYMS.contains(w))
}

/// Bytes of a [`SortedList`] block: a look-up reads one block of about this size.
const BLOCK: usize = 256;

/// A byte-wise sorted word list embedded in the binary, one word a line, searched in place
/// through an index of the first line after every 256th byte (its first eight bytes and its
/// offset), built on first use by reading only those lines. The index (about 40 KB for 600 KB
/// of words) stays in cache, so a look-up reads one block of the text instead of probing 16
/// lines spread across all of it (each probe a cache miss); building it reads a few bytes per
/// block, not the whole text (splitting every line cost more than all the look-ups of a run).
pub(crate) struct SortedList {
    text: &'static str,
    index: OnceLock<Vec<(u64, u32)>>,
}

/// The first eight bytes of a line as a big-endian number, zero-padded: ordered as the lines.
fn prefix(line: &[u8]) -> u64 {
    let mut key = [0u8; 8];
    let n = line.len().min(8);
    key[..n].copy_from_slice(&line[..n]);
    u64::from_be_bytes(key)
}

/// The line that starts at byte `start`.
fn line_at(text: &[u8], start: usize) -> &[u8] {
    let end = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i);
    &text[start..end]
}

impl SortedList {
    pub(crate) const fn new(text: &'static str) -> SortedList {
        SortedList {
            text,
            index: OnceLock::new(),
        }
    }

    /// The list's text, one word a line.
    #[cfg(test)]
    pub(crate) fn text(&self) -> &'static str {
        self.text
    }

    fn index(&self) -> &[(u64, u32)] {
        self.index.get_or_init(|| {
            let text = self.text.as_bytes();
            let mut out: Vec<(u64, u32)> = Vec::with_capacity(text.len() / BLOCK + 1);
            let mut at = 0;
            while at < text.len() {
                // The first line that starts at or after `at`.
                let start = if at == 0 || text[at - 1] == b'\n' {
                    at
                } else {
                    match memchr::memchr(b'\n', &text[at..]) {
                        Some(i) => at + i + 1,
                        None => break,
                    }
                };
                if start >= text.len() {
                    break;
                }
                if out.last().is_none_or(|&(_, last)| (last as usize) < start) {
                    out.push((prefix(line_at(text, start)), start as u32));
                }
                at = start.max(at) + BLOCK;
            }
            out
        })
    }

    /// Does the list hold this line?
    pub(crate) fn contains(&self, word: &str) -> bool {
        let (index, text) = (self.index(), self.text.as_bytes());
        let (key, bytes) = (prefix(word.as_bytes()), word.as_bytes());
        // The blocks whose first line is not after the word: by prefix, the line on a tie.
        let after = index.partition_point(|&(p, at)| {
            p < key || (p == key && line_at(text, at as usize) <= bytes)
        });
        let Some(&(_, start)) = after.checked_sub(1).and_then(|k| index.get(k)) else {
            return false;
        };
        let end = index.get(after).map_or(text.len(), |&(_, at)| at as usize);
        let block = &self.text[start as usize..end];
        sorted_list_contains(block.strip_suffix('\n').unwrap_or(block), word)
    }
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
        let words: Vec<&str> = ANTONYMS.text.split_terminator('\n').collect();
        assert!(words.len() > 5_000);
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "antonyms.txt is not sorted"
        );
        assert!(words.iter().all(|w| ANTONYMS.contains(w)));
        let text = ANTONYMS.text;
        assert!(words.iter().all(|w| sorted_list_contains(text, w)));
        // Words between and around the listed ones are not found, by either search.
        for w in ["", "a", "aaaaa", "rurall", "zzzz", "hawk s", "public\n"] {
            assert_eq!(ANTONYMS.contains(w), sorted_list_contains(text, w), "{w:?}");
        }
        assert!(has_antonym("rural") && has_antonym("hawks") && has_antonym("public"));
        assert!(!has_antonym("her") && !has_antonym("quality") && !has_antonym("students"));
    }
}
