//! Builds `rules/gazetteer/index.bin` from `places.tsv` (test-only; see the module docs).
//!
//! Layout (all integers little-endian u32 unless noted):
//!
//! ```text
//! header   "FLGZ", version, n_keys, n_entries, fp_bits, kstr_len, str_len, then for each
//!          of the two deletion tables (every key; big places' keys): bucket_bits,
//!          filter_bits, n_items
//! key_off  [n_keys + 1]       byte offsets of the sorted folded keys in `kstr`
//! key_ent  [n_keys + 1]       first entry of each key in `entries`
//! then each deletion table:
//!   buckets  [2^bucket_bits + 1] offsets into `items`
//!   items    [n_items]           key_id << fp_bits | fingerprint
//!   filter   [2^filter_bits / 8] u8, bit `filter_slot(h)` set for every indexed hash h
//! entries  [n_entries] x 16 B form_off, canonical_off, population, kind u8, country [u8; 2], primary u8
//! kstr     folded keys, concatenated in byte order
//! strs     length-prefixed (u8) UTF-8 strings
//! ```
//!
//! Entries of one key are ordered best first: primary name (the form folds to the
//! canonical name) before alternates, then population descending, then country, region,
//! city, then canonical name.

use std::collections::BTreeMap;

use super::{
    ENTRY_LEN, FORMAT_VERSION, HEADER_LEN, MAGIC, MAX_DELETE_INDEX_CHARS, PlaceKind, filter_slot,
    is_big,
};
use crate::fuzzy::{deletion_hashes, fold_phrase};

struct Row<'a> {
    key: String,
    primary: bool,
    canonical: &'a str,
    form: &'a str,
    kind: u8,
    country: &'a str,
    population: u32,
}

/// The rows of `places.tsv`, one per name form, in index order: by folded key, then primary
/// names, population, kind and names (so the first entry of a key is its best place).
fn read_rows(places_tsv: &str) -> Vec<Row<'_>> {
    let mut rows: Vec<Row> = Vec::new();
    for (no, line) in places_tsv.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            f.len(),
            5,
            "places.tsv line {}: expected 5 fields: {line:?}",
            no + 1
        );
        let kind = match f[2] {
            "country" => 0,
            "region" => 1,
            "city" => 2,
            k => panic!("places.tsv line {}: bad kind {k:?}", no + 1),
        };
        assert!(
            f[3].is_empty() || (f[3].len() == 2 && f[3].is_ascii()),
            "bad country {:?}",
            f[3]
        );
        let key = fold_phrase(f[1]);
        if key.is_empty() {
            continue;
        }
        rows.push(Row {
            primary: fold_phrase(f[0]) == key,
            key,
            canonical: f[0],
            form: f[1],
            kind,
            country: f[3],
            population: f[4].parse().expect("population"),
        });
    }
    rows.sort_by(|a, b| {
        a.key
            .cmp(&b.key)
            .then(b.primary.cmp(&a.primary))
            .then(b.population.cmp(&a.population))
            .then(a.kind.cmp(&b.kind))
            .then(a.canonical.cmp(b.canonical))
            .then(a.form.cmp(b.form))
            .then(a.country.cmp(b.country))
    });
    rows
}

pub(super) fn build(places_tsv: &str) -> Vec<u8> {
    let rows = read_rows(places_tsv);

    // Strings (deduplicated, in order of first use) and entries.
    let mut strs: Vec<u8> = Vec::new();
    let mut str_ids: BTreeMap<&str, u32> = BTreeMap::new();
    let mut entries: Vec<u8> = Vec::with_capacity(rows.len() * ENTRY_LEN);
    let mut keys: Vec<&str> = Vec::new();
    let mut key_ent: Vec<u32> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if keys.last() != Some(&r.key.as_str()) {
            keys.push(&r.key);
            key_ent.push(i as u32);
        }
        let fo = intern(r.form, &mut str_ids, &mut strs);
        let co = intern(r.canonical, &mut str_ids, &mut strs);
        entries.extend_from_slice(&fo.to_le_bytes());
        entries.extend_from_slice(&co.to_le_bytes());
        entries.extend_from_slice(&r.population.to_le_bytes());
        entries.push(r.kind);
        let cc = r.country.as_bytes();
        entries.extend_from_slice(if cc.is_empty() { &[0, 0] } else { cc });
        entries.push(u8::from(r.primary));
    }
    key_ent.push(rows.len() as u32);

    let mut kstr: Vec<u8> = Vec::new();
    let mut key_off: Vec<u32> = Vec::with_capacity(keys.len() + 1);
    for k in &keys {
        key_off.push(kstr.len() as u32);
        kstr.extend_from_slice(k.as_bytes());
    }
    key_off.push(kstr.len() as u32);

    // Deletion tables.
    let key_bits = (usize::BITS - keys.len().leading_zeros()).max(1);
    let fp_bits = 32 - key_bits;
    assert!(fp_bits >= 8, "too many keys for 32-bit items");
    let mut all: Vec<(u64, u32)> = Vec::new();
    let mut big: Vec<(u64, u32)> = Vec::new();
    let mut key_hashes: Vec<u64> = Vec::new();
    for (id, k) in keys.iter().enumerate() {
        let c: Vec<char> = k.chars().collect();
        key_hashes.clear();
        let deletions = u32::from(c.len() <= MAX_DELETE_INDEX_CHARS);
        deletion_hashes(&c, deletions, &mut key_hashes);
        all.extend(key_hashes.iter().map(|&h| (h, id as u32)));
        let (first, end) = (key_ent[id] as usize, key_ent[id + 1] as usize);
        if rows[first..end]
            .iter()
            .any(|r| is_big(PlaceKind::from_code(r.kind), r.population))
        {
            big.extend(key_hashes.iter().map(|&h| (h, id as u32)));
        }
    }
    let tables = [
        DeletionTable::build(&all, fp_bits),
        DeletionTable::build(&big, fp_bits),
    ];

    let mut out: Vec<u8> = Vec::new();
    out.extend_from_slice(MAGIC);
    let mut header = vec![
        FORMAT_VERSION,
        keys.len() as u32,
        rows.len() as u32,
        fp_bits,
        kstr.len() as u32,
        strs.len() as u32,
    ];
    for t in &tables {
        header.extend([t.bucket_bits, t.filter_bits, t.items.len() as u32]);
    }
    for v in &header {
        out.extend_from_slice(&v.to_le_bytes());
    }
    assert_eq!(
        out.len(),
        HEADER_LEN,
        "the header's length is in mod.rs too"
    );
    for v in key_off.iter().chain(&key_ent) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for t in &tables {
        for v in t.buckets.iter().chain(&t.items) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&t.filter);
    }
    out.extend_from_slice(&entries);
    out.extend_from_slice(&kstr);
    out.extend_from_slice(&strs);
    out
}

struct DeletionTable {
    bucket_bits: u32,
    buckets: Vec<u32>,
    items: Vec<u32>,
    filter_bits: u32,
    filter: Vec<u8>,
}

impl DeletionTable {
    fn build(hashes: &[(u64, u32)], fp_bits: u32) -> DeletionTable {
        // About two items a bucket: a query probes a hundred buckets and scans every item in
        // them, so small buckets are what makes the look-up fast (4 bytes a bucket).
        let target_buckets = (hashes.len() / 2).max(1024);
        let bucket_bits = usize::BITS - 1 - target_buckets.leading_zeros(); // floor(log2)
        let fp_mask = (1u32 << fp_bits) - 1;
        let mut items: Vec<(u32, u32)> = hashes
            .iter()
            .map(|&(h, id)| {
                (
                    (h >> (64 - bucket_bits)) as u32,
                    (id << fp_bits) | ((h as u32) & fp_mask),
                )
            })
            .collect();
        items.sort_unstable();
        items.dedup();
        let n_buckets = 1usize << bucket_bits;
        let mut buckets: Vec<u32> = vec![0; n_buckets + 1];
        for &(b, _) in &items {
            buckets[b as usize + 1] += 1;
        }
        for i in 0..n_buckets {
            buckets[i + 1] += buckets[i];
        }
        // About four bits a hash: a fifth of the bits are set, so four probes in five of a
        // hash that is not indexed stop at the filter.
        let filter_bits = (usize::BITS - (4 * hashes.len()).leading_zeros()).max(10);
        let mut filter = vec![0u8; 1 << (filter_bits - 3)];
        for &(h, _) in hashes {
            let slot = filter_slot(h, filter_bits);
            filter[slot / 8] |= 1 << (slot % 8);
        }
        DeletionTable {
            bucket_bits,
            buckets,
            items: items.into_iter().map(|(_, item)| item).collect(),
            filter_bits,
            filter,
        }
    }
}

fn intern<'a>(s: &'a str, ids: &mut BTreeMap<&'a str, u32>, strs: &mut Vec<u8>) -> u32 {
    if let Some(&o) = ids.get(s) {
        return o;
    }
    assert!(s.len() < 256, "name too long for the index: {s:?}");
    let o = strs.len() as u32;
    strs.push(s.len() as u8);
    strs.extend_from_slice(s.as_bytes());
    ids.insert(s, o);
    o
}
