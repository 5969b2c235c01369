//! A fast hasher for the short strings factlint looks up by the thousand per article.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the checks hash many short words per article; SipHash's DoS resistance buys
/// nothing here (the keys are the article's own words and the rule set's names).
#[derive(Clone, Copy)]
pub struct Fnv(u64);

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

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// A per-thread memo for a pure look-up keyed by a short string: the checks ask about the
/// same few hundred words and names again and again, and a binary search through a large
/// sorted table misses the cache at nearly every step. Cleared when full, so it stays small.
pub struct Memo<V: Copy + 'static> {
    map: std::cell::RefCell<FastMap<Box<str>, V>>,
}

/// Entries a [`Memo`] holds before it starts again.
const MEMO_LIMIT: usize = 20_000;

impl<V: Copy + 'static> Memo<V> {
    pub fn new() -> Memo<V> {
        Memo {
            map: std::cell::RefCell::new(FastMap::default()),
        }
    }

    /// The value for `key`, computed by `compute` the first time.
    pub fn get(&self, key: &str, compute: impl FnOnce(&str) -> V) -> V {
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
