//! A fast hasher for the short strings factlint looks up by the thousand per article.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the checks hash many short words per article; SipHash's DoS resistance buys
/// nothing here (the keys are the article's own words and the rule set's names).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// A per-thread memo for a pure look-up keyed by a short string: the checks ask about the
/// same few hundred words and names again and again, and a binary search through a large
/// sorted table misses the cache at nearly every step. Cleared when full, so it stays small.
pub(crate) struct Memo<V: Copy + 'static> {
    map: std::cell::RefCell<HashMap<Box<str>, V, BuildHasherDefault<WordAtATime>>>,
}

/// Hashes eight bytes a step (rustc's FxHash: add, multiply, and a final rotation that moves
/// the well-mixed high bits down to where hashbrown takes its bucket). For [`Memo`] only: a
/// memo is never iterated, so its hash can change without changing any output, and it hashes
/// a word on every question the checks ask.
#[derive(Default, Clone, Copy)]
struct WordAtATime(u64);

impl WordAtATime {
    fn add(&mut self, x: u64) {
        self.0 = self.0.wrapping_add(x).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl Hasher for WordAtATime {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks
            .remainder()
            .iter()
            .rev()
            .fold(0u64, |x, &b| (x << 8) | u64::from(b));
        self.add(rest);
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// Entries a [`Memo`] holds before it starts again.
const MEMO_LIMIT: usize = 20_000;

impl<V: Copy + 'static> Memo<V> {
    pub(crate) fn new() -> Memo<V> {
        Memo {
            map: std::cell::RefCell::default(),
        }
    }

    /// The value for `key`, computed by `compute` the first time.
    pub(crate) fn get(&self, key: &str, compute: impl FnOnce(&str) -> V) -> V {
        if let Some(&v) = self.map.borrow().get(key) {
            return v;
        }
        let v = compute(key);
        let mut map = self.map.borrow_mut();
        if map.len() >= MEMO_LIMIT {
            map.clear();
        }
        map.insert(key.into(), v);
        v
    }
}

impl<V: Copy + 'static> Default for Memo<V> {
    fn default() -> Memo<V> {
        Memo::new()
    }
}

/// A conservative filter over a set of strings by first byte (ASCII case ignored) and length:
/// `may_contain` is false only when no inserted string has both. Asking it first spares a
/// hash look-up (or a fold) for most words of an article.
#[derive(Default)]
pub(crate) struct ShapeFilter {
    /// Bit `len` (63 for anything longer) of row `first byte & 31`; ASCII letters differ in
    /// case only in bit 5, so `& 31` puts both cases in one row.
    rows: [u64; 32],
}

impl ShapeFilter {
    fn slot(s: &[u8]) -> (usize, u64) {
        let first = s.first().copied().unwrap_or(0);
        (usize::from(first & 31), 1 << s.len().min(63))
    }

    pub(crate) fn insert(&mut self, s: impl AsRef<[u8]>) {
        let (row, bit) = ShapeFilter::slot(s.as_ref());
        self.rows[row] |= bit;
    }

    /// False when no inserted string has this one's length and first byte (up to ASCII case).
    pub(crate) fn may_contain(&self, s: impl AsRef<[u8]>) -> bool {
        let (row, bit) = ShapeFilter::slot(s.as_ref());
        self.rows[row] & bit != 0
    }
}

// ---------------------------------------------------------------------------
// Answers for recent keys
// ---------------------------------------------------------------------------

/// Slots of a [`Recent`] cache (a power of two).
const RECENT_SLOTS: usize = 1024;

/// The answers for the last short keys asked about, one per slot (a direct-mapped cache), in
/// front of a [`Memo`]: the name checks ask about the same words and names again and again
/// within an article, and a hit here compares a key held in two integers, where the memo
/// hashes the key and compares strings. Keys of more than 16 bytes are not kept.
pub(crate) struct Recent<V: Copy> {
    slots: [Cell<Option<(ShortKey, V)>>; RECENT_SLOTS],
}

/// A key of up to 16 bytes as its length and two integers that, with the length, say which
/// key it is: its first and last eight bytes (overlapping when shorter than 16), or four, or
/// two, or its one byte. Read in at most two loads, with no copy.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortKey {
    bytes: u128,
    len: u8,
}

impl ShortKey {
    fn new(key: &str) -> Option<ShortKey> {
        let b = key.as_bytes();
        let (head, tail): (u64, u64) = if b.len() > 16 {
            return None;
        } else if let (Some(&h), Some(&t)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            (u64::from_le_bytes(h), u64::from_le_bytes(t))
        } else if let (Some(&h), Some(&t)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
            (u32::from_le_bytes(h).into(), u32::from_le_bytes(t).into())
        } else if let (Some(&h), Some(&t)) = (b.first_chunk::<2>(), b.last_chunk::<2>()) {
            (u16::from_le_bytes(h).into(), u16::from_le_bytes(t).into())
        } else {
            (b.first().map_or(0, |&c| c.into()), 0)
        };
        Some(ShortKey {
            bytes: u128::from(head) | u128::from(tail) << 64,
            len: b.len() as u8,
        })
    }

    fn slot(self) -> usize {
        let (low, high) = (self.bytes as u64, (self.bytes >> 64) as u64);
        let mixed =
            (low ^ high.rotate_left(29) ^ u64::from(self.len)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - RECENT_SLOTS.trailing_zeros())) as usize
    }
}

impl<V: Copy> Recent<V> {
    pub(crate) const fn new() -> Recent<V> {
        Recent {
            slots: [const { Cell::new(None) }; RECENT_SLOTS],
        }
    }

    /// The answer for `key`: remembered, or from `slow` (and then remembered in place of
    /// whatever key shared its slot).
    pub(crate) fn get(&self, key: &str, slow: impl FnOnce(&str) -> V) -> V {
        let Some(short) = ShortKey::new(key) else {
            return slow(key);
        };
        let slot = &self.slots[short.slot()];
        if let Some((held, value)) = slot.get()
            && held == short
        {
            return value;
        }
        let value = slow(key);
        slot.set(Some((short, value)));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The recent-answer cache gives the answer it was given for exactly that key, whatever other
    /// keys share its slot; long keys go straight to the slow path.
    #[test]
    fn recent_answers_are_exact() {
        let recent: Recent<usize> = Recent::new();
        let slow_calls = Cell::new(0);
        let answer = |k: &str| {
            slow_calls.set(slow_calls.get() + 1);
            k.len() * 31 + k.bytes().map(usize::from).sum::<usize>()
        };
        let mut keys: Vec<String> = (0..5000).map(|k| format!("w{k}")).collect();
        keys.extend(
            [
                "",
                "\0",
                "a",
                "a\0",
                "sixteen bytes!!!",
                "seventeen bytes!!",
                "Zürich",
                "zurich",
            ]
            .map(String::from),
        );
        for round in 0..2 {
            for k in &keys {
                assert_eq!(recent.get(k, answer), answer(k), "{k:?} in round {round}");
            }
        }
        // Asked twice in a row, a short key is answered from the cache the second time.
        for k in ["", "a\0", "sixteen bytes!!!", "zurich"] {
            recent.get(k, answer);
            let before = slow_calls.get();
            recent.get(k, answer);
            assert_eq!(slow_calls.get(), before, "{k:?}");
        }
        assert!(ShortKey::new("seventeen bytes!!").is_none());
        // Two short keys are one key only when they are equal.
        let mut words: Vec<String> = ["", "\0", "\0\0", "a", "ab", "ba", "abc", "acb", "ééé", "é"]
            .map(String::from)
            .to_vec();
        for len in 0..=16 {
            for k in 0..40u8 {
                words.push(
                    (0..len)
                        .map(|i| char::from(b'a' + (k >> (i % 3)) % 3))
                        .collect(),
                );
            }
        }
        for a in &words {
            for b in &words {
                let same = ShortKey::new(a) == ShortKey::new(b);
                assert_eq!(same, a == b, "{a:?} {b:?}");
            }
        }
    }
}
