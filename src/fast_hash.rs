//! A fast hasher for the short strings factlint looks up by the thousand per article.

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
