//! Fixed word lists with fast membership tests. A list of 140 stop words scanned per token
//! costs hundreds of string comparisons; grouped by length, a lookup compares a handful.

use std::sync::LazyLock;

/// The words of a list, grouped by byte length.
pub struct WordSet {
    by_len: Vec<Vec<&'static str>>,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut by_len: Vec<Vec<&'static str>> = Vec::new();
        for w in words {
            if by_len.len() <= w.len() {
                by_len.resize_with(w.len() + 1, Vec::new);
            }
            by_len[w.len()].push(w);
        }
        WordSet { by_len }
    }

    /// Is `w` in the list (exactly, as `<[&str]>::contains` would say)?
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.by_len.get(w.len()).is_some_and(|ws| ws.contains(&w))
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
}
