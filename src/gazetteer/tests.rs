use super::*;
use crate::fuzzy::{distance as damerau_levenshtein, fold_phrase as fold};

const REGEN: &str =
    "FACTLINT_REGEN_GAZETTEER=1 cargo test --lib gazetteer::tests::generated_index_is_current";

#[test]
fn generated_index_is_current() {
    let tsv = include_str!("../../rules/gazetteer/places.tsv");
    let built = index_build::build(tsv);
    if std::env::var_os("FACTLINT_REGEN_GAZETTEER").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/gazetteer/index.bin");
        std::fs::write(path, &built).expect("write index.bin");
        eprintln!("wrote {path} ({} bytes); rebuild to embed it", built.len());
        return;
    }
    assert!(
        built == INDEX,
        "rules/gazetteer/index.bin is stale (places.tsv or the index format changed); regenerate with:\n    {REGEN}"
    );
}

#[test]
fn misspellings_resolve_to_the_right_place() {
    let g = gazetteer();
    let cases = [
        // The Bolivian city of 1.8 million, whose short name beats the regions of that name.
        ("Sana Cruz", "Santa Cruz de la Sierra"),
        ("Buenos Aries", "Buenos Aires"),
        ("Johannesberg", "Johannesburg"),
        ("Phillipines", "Philippines"),
        ("Kuala Lumpor", "Kuala Lumpur"),
        ("Saskatchewen", "Saskatchewan"),
        ("Santa Caterina", "Santa Catarina"),
        ("Antofogasta", "Antofagasta"),
        ("Vilnuis", "Vilnius"),
        ("Stuttgard", "Stuttgart"),
        ("Rajastan", "Rajasthan"),
        ("Illoilo", "Iloilo"),
    ];
    for (typo, want) in cases {
        assert!(!g.is_known(typo), "{typo} must not be a known form");
        let near = g.near(typo, 2);
        assert!(!near.is_empty(), "{typo}: no candidate");
        assert_eq!(
            near[0].canonical,
            want,
            "{typo}: best candidates {:?}",
            &near[..near.len().min(5)]
        );
        assert_eq!(
            near[0].distance,
            damerau_levenshtein(&fold(typo), &fold(near[0].form))
        );
    }
}

/// Real names a letter or two from other real names: known, and never offered as a near miss
/// of themselves.
const REAL_NEIGHBOURS: [&str; 6] = [
    "Austria",
    "Australia",
    "Mesa",
    "Santa Cruz",
    "Kyiv",
    "Munich",
];

#[test]
fn real_names_are_known() {
    let g = gazetteer();
    for name in REAL_NEIGHBOURS.into_iter().chain([
        "Bolivia",
        "La Paz",
        "Kiev",
        "München",
        "Cologne",
        "Warsaw",
        "Philippines",
        "Ivory Coast",
        "Côte d'Ivoire",
        "Czech Republic",
        "South Korea",
        "Russia",
        "Iran",
        "Rajasthan",
        "Rājasthān",
        "Saskatchewan",
        "Santa Catarina",
        "Antofagasta",
        "São Paulo",
        "sao paulo",
        "BUENOS AIRES",
        "Kuala Lumpur",
        "Hanover",
        "Odessa",
        "Bavaria",
        "Europe",
        "Scotland",
        "Guinea-Bissau",
        "Guinea Bissau",
        "St. Louis",
        "St Louis",
        "Prague",
        "Vienna",
        "Rome",
        "Naples",
        "Lisbon",
        "Lisboa",
        "Brussels",
        "The Hague",
        "Zurich",
        "Geneva",
        "Kharkiv",
        "Kharkov",
        "Bombay",
        "Mumbai",
        "Saigon",
        "Mexico City",
        "New York",
        "Washington",
        "Hong Kong",
        "Xi'an",
        "Cologne",
        "Köln",
        "Tokio",
    ]) {
        assert!(g.is_known(name), "{name} should be known");
    }
    assert_eq!(g.lookup("Kiev"), Some("Kyiv"));
    assert_eq!(g.lookup("munchen"), Some("Munich"));
    assert_eq!(g.lookup("Mesa"), Some("Mesa"));
    assert_eq!(g.lookup("Côte d’Ivoire"), Some("Ivory Coast"));
    assert_eq!(g.lookup("Rajasthan"), Some("Rajasthan"));
    // A region named with a Romance article is also known without it, as English copy
    // writes it; a short or English remainder is not ("El Oro" is never "Oro").
    assert_eq!(g.lookup("Araucanía"), Some("La Araucanía"));
    assert_eq!(g.lookup("Guajira"), Some("La Guajira"));
    assert_eq!(g.lookup("Oro"), None);
    assert_eq!(g.lookup("Sana Cruz"), None);
    assert!(!g.is_known(""));
    assert!(g.len() > 50_000, "only {} forms", g.len());
}

#[test]
fn real_names_are_not_near_each_other_as_exact() {
    let g = gazetteer();
    // Austria and Australia are both real; near() offers the other but never the input.
    for name in REAL_NEIGHBOURS {
        for p in g.near(name, 2) {
            assert_ne!(fold(p.form), fold(name), "{name}: exact match returned");
            assert!(p.distance >= 1 && p.distance <= 2);
        }
    }
    assert!(
        g.near("Austria", 2)
            .iter()
            .all(|p| p.canonical != "Austria")
    );
    assert!(
        g.near("Austrai", 1)
            .iter()
            .any(|p| p.canonical == "Austria")
    );
}

#[test]
fn near_is_sorted_and_bounded() {
    let g = gazetteer();
    let r = g.near("Sana Cruz", 2);
    assert!(r.windows(2).all(|w| w[0].distance <= w[1].distance));
    // Santa Catarina (canonical name) ranks above Florianópolis' old name "Santa Catherina".
    let sc = g.near("Santa Caterina", 2);
    assert_eq!(sc[0].form, "Santa Catarina");
    assert!(sc.iter().any(|p| p.canonical == "Florianópolis"));
    let one = g.near("Stuttgard", 1);
    assert!(one.iter().all(|p| p.distance == 1));
    assert_eq!(one[0].canonical, "Stuttgart");
    assert_eq!(one[0].kind, PlaceKind::City);
    assert_eq!(one[0].country, "DE");
    assert!(one[0].population > 500_000);
    assert!(g.near("Stuttgard", 0).is_empty());
    assert!(g.near("", 2).is_empty());
    let ph = &g.near("Phillipines", 2)[0];
    assert_eq!((ph.kind, ph.country), (PlaceKind::Country, "PH"));
    let sk = &g.near("Saskatchewen", 2)[0];
    assert_eq!((sk.kind, sk.country), (PlaceKind::Region, "CA"));
}

#[test]
fn common_words() {
    for w in [
        "river", "River", "RIVER", "the", "city", "mesa", "zebra", "a",
    ] {
        assert!(is_common_word(w), "{w} should be common");
    }
    for w in [
        "cruz",
        "Cruz",
        "lumpur",
        "johannesburg",
        "",
        "xqzv",
        "rivers'",
    ] {
        assert!(!is_common_word(w), "{w} should not be common");
    }
    // British spellings of listed (American) words are common words too.
    for w in [
        "neighbouring",
        "centre",
        "organised",
        "defence",
        "travelled",
        "Neighbouring",
    ] {
        assert!(is_common_word(w), "{w} should be common");
    }
    for w in ["lativa", "colombo", "tourre"] {
        assert!(!is_common_word(w), "{w} should not be common");
    }
    let lines: Vec<&str> = COMMON_WORDS.text().lines().collect();
    assert!(lines.len() > 40_000);
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]),
        "common_words.txt must be sorted and unique"
    );
    assert!(lines.iter().all(|w| *w == w.to_lowercase()));
    // first and last entries are found by the binary search
    assert!(is_common_word(lines[0]) && is_common_word(lines[lines.len() - 1]));
}

/// Timing; `cargo test --release --lib gazetteer::tests::timing -- --nocapture`.
#[test]
fn timing() {
    use std::time::Instant;
    let t = Instant::now();
    let g = Gazetteer::from_bytes(INDEX).unwrap();
    let init = t.elapsed();
    let t = Instant::now();
    let _ = gazetteer();
    let first = t.elapsed();

    let words = [
        "Sana Cruz",
        "Buenos Aries",
        "Johannesberg",
        "Phillipines",
        "Kuala Lumpor",
        "Saskatchewen",
        "Santa Caterina",
        "Antofogasta",
        "Vilnuis",
        "Stuttgard",
        "Rajastan",
        "Illoilo",
        "Austria",
        "Australia",
        "Mesa",
        "New York",
        "Washington",
        "President Biden",
        "Monday",
        "Reuters",
        "United Nations",
        "Ministry",
        "Emmanuel Macron",
        "Tuesday",
        "Parliament",
    ];
    let queries: Vec<&str> = words.iter().cycle().take(200).copied().collect();
    let mut per: Vec<u128> = Vec::with_capacity(queries.len());
    let mut hits = 0;
    let t = Instant::now();
    for q in &queries {
        let s = Instant::now();
        hits += g.near(q, 2).len();
        per.push(s.elapsed().as_nanos());
    }
    let total = t.elapsed();
    per.sort_unstable();
    let t = Instant::now();
    let mut known = 0;
    for q in &queries {
        known += usize::from(g.is_known(q));
    }
    let known_t = t.elapsed();
    eprintln!(
        "gazetteer: init {:?} (first gazetteer() call {:?}); 200 near(_, 2): total {:?}, median {} ns, p90 {} ns, max {} ns ({hits} hits); 200 is_known: {:?} ({known} known)",
        init,
        first,
        total,
        per[per.len() / 2],
        per[per.len() * 9 / 10],
        per[per.len() - 1],
        known_t
    );
    if !cfg!(debug_assertions) {
        assert!(init.as_micros() < 3_000);
        assert!(per[per.len() / 2] < 50_000, "near() median too slow");
    }
}

/// Every single edit (deletion, insertion, substitution, transposition) of a sample of
/// known forms is found by `near(_, 1)`, and so are the distance-2 edits documented as
/// covered (an extra letter in the phrase plus any other edit) when the place is big; a small
/// place two edits away is not found.
#[test]
fn near_finds_single_edits_of_known_forms() {
    let g = gazetteer();
    let mut checked = 0;
    for k in (0..g.n_keys).step_by(997) {
        let key: Vec<char> = std::str::from_utf8(g.key_bytes(k))
            .unwrap()
            .chars()
            .collect();
        if key.len() < 4 || key.len() > MAX_DELETE_INDEX_CHARS {
            continue;
        }
        let form = g.entry(g.key_entries(k).0).form;
        let s = |v: Vec<char>| v.into_iter().collect::<String>();
        let mut variants = Vec::new();
        for i in 0..key.len() {
            let mut d = key.clone();
            d.remove(i);
            variants.push((s(d), 1));
            let mut sub = key.clone();
            sub[i] = if sub[i] == 'q' { 'z' } else { 'q' };
            variants.push((s(sub), 1));
            let mut ins = key.clone();
            ins.insert(i, 'q');
            variants.push((s(ins.clone()), 1));
            // extra letter + substitution
            let j = (i + 2) % ins.len();
            ins[j] = if ins[j] == 'z' { 'x' } else { 'z' };
            variants.push((s(ins), 2));
            if i + 1 < key.len() && key[i] != key[i + 1] {
                let mut t = key.clone();
                t.swap(i, i + 1);
                variants.push((s(t.clone()), 1));
                t.insert((i + 3) % t.len(), 'q'); // transposition + extra letter
                variants.push((s(t), 2));
            }
        }
        for (v, max) in variants {
            if g.is_known(&v) || fold(&v) != v || damerau_levenshtein(&v, &s(key.clone())) != max {
                continue;
            }
            let found = g.near(&v, max);
            // Two edits away, only a big place is found.
            let expected = max < 2 || g.entry_is_big(g.most_prominent(k));
            assert_eq!(
                found.iter().any(|p| fold(p.form) == s(key.clone())),
                expected,
                "{v:?} (edit of {form:?}, max {max}): {found:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} variants checked");
}

/// `is_common_word` binary-searches the list: it must be sorted byte-wise, without repeats.
#[test]
fn common_words_are_sorted_bytewise() {
    let words: Vec<&str> = COMMON_WORDS.text().split_terminator('\n').collect();
    assert!(words.len() > 10_000);
    assert!(
        words.windows(2).all(|w| w[0] < w[1]),
        "common_words.txt is not sorted"
    );
    assert!(words.iter().all(|w| !w.is_empty() && !w.contains('\r')));
    assert!(COMMON_WORDS.text().ends_with('\n'));
}

/// The binary search over a list's text finds every line, and nothing between two lines; both
/// embedded lists are sorted byte-wise, as the search needs.
#[test]
fn every_listed_word_is_found() {
    for list in [&COMMON_WORDS, &PROPER_WORDS] {
        let words: Vec<&str> = list.text().split_terminator('\n').collect();
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "a word list is not sorted"
        );
        for w in &words {
            assert!(is_listed(list, w), "{w} not found");
            // Sorts right after `w`, before the next line.
            let between = format!("{w}\u{1}");
            assert!(!is_listed(list, &between), "{between:?} found");
        }
        assert!(
            !is_listed(list, "") && !is_listed(list, "\u{0}") && !is_listed(list, "\u{10ffff}")
        );
    }
    assert!(is_proper_word("argentine") && is_proper_word("hindi") && !is_proper_word("feitoza"));
}
