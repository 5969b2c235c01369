//! Fixed word lists with fast membership tests. A list of 140 stop words scanned per token
//! costs hundreds of string comparisons; hashed, a lookup compares one word, rarely two.

use std::sync::LazyLock;

/// Words with a value each, in an open-addressed hash table (a power of two, at most a quarter
/// full: most words looked up are not in it, and a miss then ends at the first slot).
pub(crate) struct WordMap<V: Copy> {
    slots: Box<[Option<Slot<V>>]>,
    /// The slot a word's probe starts at is the top bits of its hash: 64 minus this many.
    shift: u32,
    /// No longer word can be in the list.
    longest: usize,
}

#[derive(Clone, Copy)]
struct Slot<V> {
    /// [`key`] of the word: for words of up to eight bytes, the word itself.
    key: u64,
    word: &'static str,
    value: V,
}

/// Eight bytes that stand for a word: up to eight bytes, every byte (read as two halves that
/// may overlap, so that with the length they say which word it is, and a look-up compares no
/// strings); longer words, their first and last eight bytes mixed.
#[inline(always)]
fn key(b: &[u8]) -> u64 {
    if b.len() > 8
        && let (Some(&head), Some(&tail)) = (b.first_chunk::<8>(), b.last_chunk::<8>())
    {
        u64::from_le_bytes(head) ^ u64::from_le_bytes(tail).rotate_left(29)
    } else if let (Some(&head), Some(&tail)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(head)) | u64::from(u32::from_le_bytes(tail)) << 32
    } else if let (Some(&head), Some(&tail)) = (b.first_chunk::<2>(), b.last_chunk::<2>()) {
        u64::from(u16::from_le_bytes(head)) | u64::from(u16::from_le_bytes(tail)) << 16
    } else {
        b.first().map_or(0, |&c| u64::from(c))
    }
}

impl<V: Copy> WordMap<V> {
    /// The first value given for a word wins.
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        let entries: Vec<(&'static str, V)> = entries.into_iter().collect();
        let size = (4 * entries.len()).next_power_of_two().max(8);
        let mut map = WordMap {
            slots: vec![None; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            longest: 0,
        };
        for (word, value) in entries {
            if map.get(word).is_some() {
                continue;
            }
            let key = key(word.as_bytes());
            let mut i = map.home(key, word.len());
            while map.slots[i].is_some() {
                i = (i + 1) & (size - 1);
            }
            map.slots[i] = Some(Slot { key, word, value });
            map.longest = map.longest.max(word.len());
        }
        map
    }

    /// Where the probe for a word starts: a hash of its key and length (the high and low
    /// halves of a 128-bit product, so that every bit of the key moves the slot).
    #[inline(always)]
    fn home(&self, key: u64, len: usize) -> usize {
        let product = u128::from(key ^ len as u64) * 0x9e37_79b9_7f4a_7c15;
        (((product >> 64) as u64 ^ product as u64) >> self.shift) as usize
    }

    /// The value of `w` (exactly `w`: no case folding).
    #[inline(always)]
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        self.get_bytes(w.as_bytes())
    }

    /// The value of the word whose UTF-8 bytes are `w`.
    #[inline(always)]
    pub(crate) fn get_bytes(&self, w: &[u8]) -> Option<V> {
        let n = w.len();
        if n > self.longest {
            return None;
        }
        let key = key(w);
        let mut i = self.home(key, n);
        while let Some(s) = &self.slots[i] {
            if s.key == key && s.word.len() == n && (n <= 8 || s.word.as_bytes() == w) {
                return Some(s.value);
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
        None
    }
}

/// The words of a list, for membership tests.
pub(crate) struct WordSet(WordMap<()>);

impl WordSet {
    pub(crate) fn new(words: &[&'static str]) -> WordSet {
        WordSet(WordMap::new(words.iter().map(|&w| (w, ()))))
    }

    /// Is `w` in the list (exactly, as `<[&str]>::contains` would say)?
    #[inline(always)]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.0.get(w).is_some()
    }

    /// Is the word whose UTF-8 bytes are `w` in the list?
    #[inline(always)]
    pub(crate) fn contains_bytes(&self, w: &[u8]) -> bool {
        self.0.get_bytes(w).is_some()
    }
}

/// A `WordSet` built on first use from a constant list.
pub(crate) type Lazy = LazyLock<WordSet>;

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

    #[test]
    fn words_that_differ_only_in_the_middle() {
        // Every length from 0 to 20, and for each a word differing from it in one middle
        // byte: short words are told apart by their key, long ones by comparing them.
        let words: Vec<&'static str> = (0..=20)
            .map(|n: usize| &*Box::leak("a".repeat(n).into_boxed_str()))
            .collect();
        let set = WordSet::new(&words);
        for n in 1..=20usize {
            let mut other = "a".repeat(n).into_bytes();
            other[n / 2] = b'b';
            let other = String::from_utf8(other).unwrap();
            assert!(set.contains(&"a".repeat(n)), "{n}");
            assert!(!set.contains(&other), "{other}");
        }
        assert!(!set.contains(&"a".repeat(21)));
    }

    #[test]
    fn a_map_gives_the_first_value_of_a_word() {
        let map = WordMap::new([("one", 1), ("two", 2), ("one", 3), ("", 0)]);
        assert_eq!(map.get("one"), Some(1));
        assert_eq!(map.get("two"), Some(2));
        assert_eq!(map.get(""), Some(0));
        assert_eq!(map.get("three"), None);
        assert_eq!(map.get("One"), None);
    }
}
