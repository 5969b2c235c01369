//! The table of common misspellings and their corrections, from the `typos-dict` crate (the
//! typos project's dictionary, MIT OR Apache-2.0; see the README).
//!
//! `build.rs` writes the crate's table into one relocation-free blob in `OUT_DIR`, in the
//! format below, and this module reads it in place. The crate's own table is a perfect-hash map
//! of 236,000 `&str` pairs: each of its pointers is a load-time relocation, and writing them
//! cost every run 4.6 MB of page faults and about 6 ms before reading the first file.
//!
//! ```text
//! "FLMS", slot_bits u32, filter_bits u32, text_len u32
//! filter [2^filter_bits / 8] u8  bit `filter_slot(hash(word))` set for every listed word
//! slots  [2^slot_bits] u32       offset + 1 of the word's record in `text` (0: empty),
//!                                open addressing from `hash(word) >> (64 - slot_bits)`
//! text   records: len u8, the word (lower-case), len u16, its corrections joined by ','
//! ```
//!
//! This file is also compiled into `build.rs` (`#[path]`), so the writer and the reader share
//! one hash and one layout.

const MAGIC: &[u8; 4] = b"FLMS";
const HEADER_LEN: usize = 16;

/// FNV-1a, then murmur3's finaliser (so every bit depends on every byte).
fn hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The filter bit of a hash: low bits, where the slot takes the high ones.
fn filter_slot(h: u64, filter_bits: u32) -> usize {
    (h & ((1u64 << filter_bits) - 1)) as usize
}

/// Writes the table for these (word, corrections) pairs (`build.rs` calls it); a word is lower-cased, and one with
/// no correction or listed twice is left out after its first listing.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn write<'a>(pairs: impl Iterator<Item = (&'a str, Vec<&'a str>)>) -> Vec<u8> {
    let mut records: Vec<(String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (word, fixes) in pairs {
        let word = word.to_lowercase();
        if fixes.is_empty() || word.is_empty() || word.len() > 255 || !seen.insert(word.clone()) {
            continue;
        }
        assert!(
            fixes.iter().all(|f| !f.contains(',')),
            "a correction with a comma"
        );
        let fixes = fixes.join(",");
        assert!(fixes.len() <= usize::from(u16::MAX), "corrections too long");
        records.push((word, fixes));
    }
    // Sorted, so the blob does not depend on the order the crate's map yields its entries.
    records.sort();
    // At most half full, so a probe for a word that is not listed ends within a slot or two.
    let slot_bits = (usize::BITS - (2 * records.len()).leading_zeros()).max(4);
    // Eight bits a word: one in eight set, so seven in eight unlisted words stop at the filter.
    let filter_bits = (usize::BITS - (8 * records.len()).leading_zeros()).max(6);
    let mut filter = vec![0u8; 1 << (filter_bits - 3)];
    let mut slots = vec![0u32; 1 << slot_bits];
    let mut text: Vec<u8> = Vec::new();
    for (word, fixes) in &records {
        let h = hash(word.as_bytes());
        let f = filter_slot(h, filter_bits);
        filter[f / 8] |= 1 << (f % 8);
        let mut slot = (h >> (64 - slot_bits)) as usize;
        while slots[slot] != 0 {
            slot = (slot + 1) & (slots.len() - 1);
        }
        slots[slot] = u32::try_from(text.len() + 1).expect("table under 4 GB");
        text.push(word.len() as u8);
        text.extend_from_slice(word.as_bytes());
        text.extend_from_slice(&(fixes.len() as u16).to_le_bytes());
        text.extend_from_slice(fixes.as_bytes());
    }
    let mut out = Vec::with_capacity(HEADER_LEN + filter.len() + 4 * slots.len() + text.len());
    out.extend_from_slice(MAGIC);
    for v in [slot_bits, filter_bits, text.len() as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&filter);
    for s in &slots {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out.extend_from_slice(&text);
    out
}

/// The corrections of one misspelling, in the dictionary's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Corrections(&'static str);

impl Corrections {
    pub(crate) fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.split(',')
    }

    /// The correction, when there is only one.
    pub(crate) fn only(self) -> Option<&'static str> {
        (!self.0.contains(',')).then_some(self.0)
    }
}

/// A table written by [`write`], read in place.
pub(crate) struct Table {
    slot_bits: u32,
    filter_bits: u32,
    filter: &'static [u8],
    slots: &'static [u8],
    text: &'static [u8],
}

impl Table {
    /// Reads the header; `None` when the bytes are not such a table.
    pub(crate) fn new(b: &'static [u8]) -> Option<Table> {
        let field = |i: usize| {
            let at = 4 + 4 * i;
            Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
        };
        if b.get(..4) != Some(&MAGIC[..]) {
            return None;
        }
        let (slot_bits, filter_bits, text_len) = (field(0)?, field(1)?, field(2)? as usize);
        if !(4..=31).contains(&slot_bits) || !(6..=40).contains(&filter_bits) {
            return None;
        }
        let filter_end = HEADER_LEN + (1usize << (filter_bits - 3));
        let slots_end = filter_end + (4usize << slot_bits);
        if b.len() != slots_end + text_len {
            return None;
        }
        Some(Table {
            slot_bits,
            filter_bits,
            filter: &b[HEADER_LEN..filter_end],
            slots: &b[filter_end..slots_end],
            text: &b[slots_end..],
        })
    }

    /// The corrections of a lower-case word, if the table lists it.
    pub(crate) fn get(&self, word: &str) -> Option<Corrections> {
        let h = hash(word.as_bytes());
        let f = filter_slot(h, self.filter_bits);
        if self.filter[f / 8] & (1 << (f % 8)) == 0 {
            return None;
        }
        let mask = (1usize << self.slot_bits) - 1;
        let mut slot = (h >> (64 - self.slot_bits)) as usize;
        loop {
            let at = 4 * slot;
            let offset = u32::from_le_bytes(self.slots[at..at + 4].try_into().ok()?) as usize;
            if offset == 0 {
                return None;
            }
            let record = &self.text[offset - 1..];
            let len = usize::from(record[0]);
            if &record[1..1 + len] == word.as_bytes() {
                let rest = &record[1 + len..];
                let fixes_len = usize::from(u16::from_le_bytes([rest[0], rest[1]]));
                return std::str::from_utf8(&rest[2..2 + fixes_len])
                    .ok()
                    .map(Corrections);
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(b: Vec<u8>) -> &'static [u8] {
        Box::leak(b.into_boxed_slice())
    }

    #[test]
    fn written_words_are_found_and_others_are_not() {
        let pairs = [
            ("teh", vec!["the"]),
            ("Recieve", vec!["receive"]),
            ("ands", vec!["and", "hands"]),
            ("nothing", vec![]),
            ("teh", vec!["ten"]),
        ];
        let t = Table::new(leak(write(pairs.into_iter()))).expect("a table");
        assert_eq!(t.get("teh").and_then(Corrections::only), Some("the"));
        assert_eq!(
            t.get("recieve").and_then(Corrections::only),
            Some("receive")
        );
        let ands = t.get("ands").expect("listed");
        assert_eq!(ands.only(), None);
        assert_eq!(ands.iter().collect::<Vec<_>>(), ["and", "hands"]);
        for unlisted in ["the", "nothing", "Recieve", "", "te", "tehh"] {
            assert_eq!(t.get(unlisted), None, "{unlisted:?}");
        }
    }

    #[test]
    fn many_words_survive_collisions() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}x")).collect();
        let t = Table::new(leak(write(words.iter().map(|w| (w.as_str(), vec!["fix"])))))
            .expect("a table");
        assert!(words.iter().all(|w| t.get(w).is_some()));
        assert!((0..5000).all(|i| t.get(&format!("w{i}y")).is_none()));
    }

    #[test]
    fn other_bytes_are_not_a_table() {
        assert!(Table::new(b"").is_none());
        assert!(Table::new(b"FLMS\x04\0\0\0\x06\0\0\0\0\0\0\0").is_none());
        let mut good = write([("teh", vec!["the"])].into_iter());
        good.push(0);
        assert!(Table::new(leak(good)).is_none());
    }
}
