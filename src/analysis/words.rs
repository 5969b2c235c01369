//! Fixed word lists with fast membership tests. A list of 140 stop words scanned per token
//! costs hundreds of string comparisons; hashed, a lookup compares one word, rarely two.

use std::sync::LazyLock;

/// The words of a list in an open-addressed hash table (a power of two, at most half full).
pub struct WordSet {
    slots: Box<[Option<&'static str>]>,
    /// The slot a word's probe starts at is the top bits of its hash: 64 minus this many.
    shift: u32,
    /// No longer word can be in the list.
    longest: usize,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        let size = (2 * words.len()).next_power_of_two().max(8);
        let mut set = WordSet {
            slots: vec![None; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            longest: 0,
        };
        for &w in words {
            if set.contains(w) {
                continue;
            }
            let mut i = set.home(w);
            while set.slots[i].is_some() {
                i = (i + 1) % size;
            }
            set.slots[i] = Some(w);
            set.longest = set.longest.max(w.len());
        }
        set
    }

    /// Where the probe for `w` starts: a multiplicative hash of its length and its first and
    /// last eight bytes (long words sharing both only cost an extra comparison).
    #[inline]
    fn home(&self, w: &str) -> usize {
        let b = w.as_bytes();
        let n = b.len();
        let bits = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            (Some(&head), Some(&tail)) => {
                u64::from_le_bytes(head) ^ u64::from_le_bytes(tail).rotate_left(29)
            }
            _ => b.iter().fold(0, |x, &c| x << 8 | u64::from(c)),
        };
        ((bits ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// Is `w` in the list (exactly, as `<[&str]>::contains` would say)?
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        if w.len() > self.longest {
            return false;
        }
        let mut i = self.home(w);
        while let Some(s) = self.slots[i] {
            if s == w {
                return true;
            }
            i = (i + 1) % self.slots.len();
        }
        false
    }
}

/// A `WordSet` built on first use from a constant list.
pub type Lazy = LazyLock<WordSet>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_a_list_scan() {
        const LIST: &[&str] = &["a", "an", "the", "those", "these", "", "élan"];
        let set = WordSet::new(LIST);
        for w in [
            "a",
            "an",
            "the",
            "those",
            "these",
            "",
            "élan",
            "b",
            "th",
            "thee",
            "elan",
            "x".repeat(50).as_str(),
        ] {
            assert_eq!(set.contains(w), LIST.contains(&w), "{w}");
        }
    }

    #[test]
    fn a_long_list_with_shared_prefixes() {
        let words: Vec<&'static str> = (0..500)
            .map(|i| {
                &*Box::leak(format!("word-with-a-long-prefix-{i}-and-suffix").into_boxed_str())
            })
            .chain(["a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefghij"])
            .collect();
        let set = WordSet::new(&words);
        for w in &words {
            assert!(set.contains(w), "{w}");
        }
        for w in [
            "b",
            "abcd",
            "abcdefg",
            "abcdefghijk",
            "word-with-a-long-prefix-500-and-suffix",
        ] {
            assert!(!set.contains(w), "{w}");
        }
    }
}
