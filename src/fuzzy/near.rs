//! An index that finds the near neighbours of a word without comparing it with every entry
//! (symspell-style deletion keys), so that no name check is quadratic in the number of names.

use super::distance::distance_at_most;
use crate::fast_hash::FastMap;

/// A set of folded strings that answers "which entries are within k edits of this word?".
/// A small set (an article's names) is scanned, each entry first tested with a length and
/// letter-set filter that rejects nearly every non-neighbour in a few instructions. A large
/// set (a rule set's list) answers from deletion keys: two strings within k edits share a
/// string obtained from each by at most k deletions, so only entries sharing such a key are
/// compared. Both ways return exactly the entries within the distance.
#[derive(Default)]
pub(crate) struct NearIndex {
    entries: Vec<Entry>,
    exact: FastMap<String, u32>,
    /// (deletion key, entry) pairs, sorted: built on the first look-up in a large set.
    keys: std::sync::OnceLock<Vec<(u64, u32)>>,
    max_edits: u32,
}

struct Entry {
    text: String,
    chars: usize,
    letter_set: u64,
}

impl Entry {
    /// Could a string of `chars` characters with this letter set be within `max` edits?
    fn may_be_within(&self, chars: usize, letter_set: u64, max: u32) -> bool {
        self.chars.abs_diff(chars) <= max as usize
            && (self.letter_set ^ letter_set).count_ones() <= 2 * max
    }
}

/// Up to this many entries, a look-up scans them all (cheaper than generating and searching
/// the deletion keys of the query); above it, the deletion keys keep look-ups sub-linear.
const SCAN_AT_MOST: usize = 128;

/// The characters of a string as a set of 64 classes (the code point modulo 64). One edit
/// changes at most two classes (a substitution removes one and adds one), so two strings
/// whose sets differ in more than `2k` classes are more than `k` edits apart.
fn letter_set(s: &str) -> u64 {
    s.chars().fold(0, |set, c| set | 1 << (c as u32 % 64))
}

impl NearIndex {
    pub(crate) fn new(max_edits: u32) -> NearIndex {
        NearIndex {
            max_edits: max_edits.min(2),
            ..NearIndex::default()
        }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Adds a folded string; returns its id (the same id when it is already there).
    pub(crate) fn insert(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.exact.get(folded) {
            return id;
        }
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            text: folded.to_string(),
            chars: folded.chars().count(),
            letter_set: letter_set(folded),
        });
        self.exact.insert(folded.to_string(), id);
        self.keys = std::sync::OnceLock::new();
        id
    }

    pub(crate) fn get(&self, id: u32) -> &str {
        &self.entries[id as usize].text
    }

    pub(crate) fn exact(&self, folded: &str) -> Option<u32> {
        self.exact.get(folded).copied()
    }

    /// False when [`NearIndex::near`] is sure to find nothing, by the length and letter-set
    /// test alone (cheaper than most tests a caller makes before the look-up); a large set,
    /// looked up by deletion keys, always may.
    pub(crate) fn may_have_near(&self, folded: &str, max_edits: u32) -> bool {
        let max = max_edits.min(self.max_edits);
        if max == 0 || self.entries.is_empty() {
            return false;
        }
        if self.entries.len() > SCAN_AT_MOST {
            return true;
        }
        let (chars, set) = (folded.chars().count(), letter_set(folded));
        self.entries
            .iter()
            .any(|e| e.may_be_within(chars, set, max))
    }

    /// Entries within `max_edits` (at most the index's own limit) of `folded`, excluding an
    /// exact match, as (id, distance), nearest first then by id.
    pub(crate) fn near(&self, folded: &str, max_edits: u32) -> Vec<(u32, u32)> {
        let max = max_edits.min(self.max_edits);
        if max == 0 || self.entries.is_empty() {
            return Vec::new();
        }
        let chars = folded.chars().count();
        let set = letter_set(folded);
        let within = |id: u32| -> Option<(u32, u32)> {
            let e = &self.entries[id as usize];
            if !e.may_be_within(chars, set, max) {
                return None;
            }
            distance_at_most(folded, &e.text, max)
                .filter(|&d| d >= 1)
                .map(|d| (id, d))
        };
        let mut out: Vec<(u32, u32)> = if self.entries.len() <= SCAN_AT_MOST {
            (0..self.entries.len() as u32).filter_map(within).collect()
        } else {
            self.candidates(folded, max)
                .into_iter()
                .filter_map(within)
                .collect()
        };
        out.sort_by_key(|&(id, d)| (d, id));
        out
    }

    /// The entries sharing a deletion key (up to `max` deletions) with `folded`, by id.
    fn candidates(&self, folded: &str, max: u32) -> Vec<u32> {
        let sorted = self.keys.get_or_init(|| {
            let mut pairs = Vec::new();
            let mut keys = Vec::new();
            for (id, e) in self.entries.iter().enumerate() {
                let chars: Vec<char> = e.text.chars().collect();
                keys.clear();
                deletion_hashes(&chars, self.max_edits, &mut keys);
                pairs.extend(keys.iter().map(|&k| (k, id as u32)));
            }
            pairs.sort_unstable();
            pairs.dedup();
            pairs
        });
        let chars: Vec<char> = folded.chars().collect();
        let mut keys = Vec::new();
        deletion_hashes(&chars, max, &mut keys);
        keys.sort_unstable();
        keys.dedup();
        let mut candidates: Vec<u32> = Vec::new();
        for k in keys {
            let from = sorted.partition_point(|&(x, _)| x < k);
            candidates.extend(
                sorted[from..]
                    .iter()
                    .take_while(|&&(x, _)| x == k)
                    .map(|&(_, id)| id),
            );
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
    }
}

/// Hashes of `chars` and of every string made from it by deleting one or (with `max` 2) two
/// characters; a deletion inside a run of one letter is made once ("Phillipines" loses an "l"
/// once), since the strings are the same. Keys are fed incrementally: every key shares its
/// prefix with the one before, so the hashing costs about a third of hashing each key anew.
pub(crate) fn deletion_hashes(chars: &[char], max: u32, out: &mut Vec<u64>) {
    for_each_deletion_hash(chars, max, |h, _| out.push(h));
}

/// [`deletion_hashes`], each given with the number of characters deleted (0, 1 or 2).
pub(crate) fn for_each_deletion_hash(chars: &[char], max: u32, mut emit: impl FnMut(u64, u32)) {
    emit(KeyHash::START.feed(chars).finish(), 0);
    if max == 0 {
        return;
    }
    let first_of_run = |k: usize| k == 0 || chars[k] != chars[k - 1];
    // `before_i`: the hash state of chars[..i]; `kept`: of chars[..i] ++ chars[i + 1..j].
    let mut before_i = KeyHash::START;
    for i in 0..chars.len() {
        if first_of_run(i) {
            emit(before_i.feed(&chars[i + 1..]).finish(), 1);
            if max >= 2 {
                let mut kept = before_i;
                for j in i + 1..chars.len() {
                    if j == i + 1 || first_of_run(j) {
                        emit(kept.feed(&chars[j + 1..]).finish(), 2);
                    }
                    kept = kept.feed(&chars[j..=j]);
                }
            }
        }
        before_i = before_i.feed(&chars[i..=i]);
    }
}

/// The running state of a deletion-key hash (the key file format of the gazetteer's index, so
/// a change here asks for `index.bin` to be regenerated).
#[derive(Clone, Copy)]
struct KeyHash {
    h: u64,
    len: u64,
}

impl KeyHash {
    const START: KeyHash = KeyHash {
        h: 0x9E37_79B9_7F4A_7C15,
        len: 0,
    };

    #[inline]
    fn feed(mut self, chars: &[char]) -> KeyHash {
        for &c in chars {
            self.h = (self.h.rotate_left(5) ^ c as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        self.len += chars.len() as u64;
        self
    }

    /// murmur3's fmix64 over the state and the length.
    #[inline]
    fn finish(self) -> u64 {
        let mut x = self.h ^ self.len.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fuzzy::distance;

    #[test]
    fn index_finds_neighbours_within_budget() {
        let mut idx = NearIndex::new(2);
        for w in ["zavaleta", "morales", "saskatchewan", "mesa"] {
            idx.insert(w);
        }
        let hits = |w: &str, k| -> Vec<String> {
            idx.near(w, k)
                .into_iter()
                .map(|(id, _)| idx.get(id).to_string())
                .collect()
        };
        assert_eq!(hits("zabaleta", 1), vec!["zavaleta"]);
        assert_eq!(hits("zavaelta", 1), vec!["zavaleta"], "transposition");
        assert_eq!(hits("saskachewen", 2), vec!["saskatchewan"]);
        // The filter before `near`: never false when `near` finds something.
        for (w, k, may) in [
            ("zabaleta", 1, true),
            ("saskachewen", 2, true),
            ("gonzalez", 2, false),
            ("mesa", 0, false),
        ] {
            assert_eq!(idx.may_have_near(w, k), may, "{w}");
            assert!(may || hits(w, k).is_empty(), "{w}");
        }
        assert!(hits("saskachewen", 1).is_empty());
        assert!(hits("zavaleta", 2).is_empty(), "exact is not near");
        assert!(hits("gonzalez", 2).is_empty());
        assert_eq!(idx.exact("mesa"), Some(3));
    }

    #[test]
    fn scanned_and_keyed_look_ups_agree() {
        // Words a letter or two apart, enough of them that the index uses deletion keys.
        let mut seed = 7u32;
        let mut words: Vec<String> = Vec::new();
        while words.len() < 3 * SCAN_AT_MOST {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = 3 + (seed >> 16) as usize % 10;
            let word: String = (0..len)
                .map(|i| ["a", "e", "l", "n", "r", "é"][(seed >> (i % 16)) as usize % 6])
                .collect();
            words.push(word);
        }
        let mut idx = NearIndex::new(2);
        for w in &words {
            idx.insert(w);
        }
        assert!(idx.len() > SCAN_AT_MOST);
        for q in words.iter().take(60) {
            for max in 1..=2 {
                let mut brute: Vec<(u32, u32)> = (0..idx.len() as u32)
                    .map(|id| (id, distance(q, idx.get(id))))
                    .filter(|&(_, d)| d >= 1 && d <= max)
                    .collect();
                brute.sort_by_key(|&(id, d)| (d, id));
                assert_eq!(idx.near(q, max), brute, "{q} {max}");
            }
        }
    }
}
