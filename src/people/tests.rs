//! The embedded officeholder list: generated and current, well formed, sorted for the binary
//! searches, small; and the look-ups on it.

use super::*;
use crate::fuzzy::fold;

#[test]
fn generated_data_is_current() {
    // The raw lists live outside the repository (../shared/data/people, or the folder
    // $FACTLINT_PEOPLE_DATA names): where they are present, regenerating must give the files
    // checked in, byte for byte.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = std::env::var_os("FACTLINT_PEOPLE_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/people"));
    if !data.join("factbook-officeholders-1990-2026.tsv").exists() {
        eprintln!(
            "skipped: no raw lists at {} (set FACTLINT_PEOPLE_DATA)",
            data.display()
        );
        return;
    }
    let Ok(out) = std::process::Command::new("python3")
        .arg(root.join("scripts/gen_people.py"))
        .arg("--data")
        .arg(&data)
        .arg("--check")
        .output()
    else {
        eprintln!("skipped: python3 is not installed");
        return;
    };
    assert!(
        out.status.success(),
        "rules/people is stale: run python3 scripts/gen_people.py\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn data_is_well_formed_sorted_and_small() {
    assert!(PEOPLE.len() + COMMON_GIVEN.len() + COUNTRIES.len() + SURNAMES.len() < 2_000_000);
    let mut previous = "";
    let mut n = 0;
    for line in PEOPLE.lines() {
        let p = Person::parse(line).unwrap_or_else(|| panic!("bad line: {line}"));
        assert!(previous <= line, "not sorted: {previous} / {line}");
        assert_eq!(p.key, fold(p.surname), "{line}");
        assert!(p.roles.0 != 0 && p.first <= p.last, "{line}");
        for c in p.countries() {
            assert!(country_name(c).is_some(), "no name for {c}: {line}");
        }
        previous = line;
        n += 1;
    }
    assert!(n > 15_000, "{n} people");
    assert!(COMMON_GIVEN.lines().is_sorted());
    assert!(COUNTRIES.lines().is_sorted());
    // Exactly the distinct keys, by shape.
    assert!(SURNAMES.lines().map(|l| (shape(l), l)).is_sorted());
    let mut keys: Vec<&str> = PEOPLE.lines().map(key_of).collect();
    keys.dedup();
    let mut surnames: Vec<&str> = SURNAMES.lines().collect();
    surnames.sort();
    assert_eq!(keys, surnames);
}

#[test]
fn look_ups() {
    let morales: Vec<String> = with_key("morales").map(|p| p.full_name()).collect();
    assert!(
        morales.iter().any(|n| n == "Juan Evo Morales Ayma"),
        "{morales:?}"
    );
    assert!(
        morales.iter().any(|n| n.starts_with("Jimmy")),
        "{morales:?}"
    );
    assert!(with_key("moral").next().is_none());
    assert!(is_surname("zavaleta") && !is_surname("zabaleta"));
    assert!(surnames_one_edit_from("zabaleta").contains(&"zavaleta"));
    assert!(!surnames_one_edit_from("zavaleta").contains(&"zavaleta"));
    for (a, b, near) in [
        ("zabaleta", "zavaleta", true),
        ("gilani", "gilanni", true),
        ("trump", "trupm", true),
        ("abcd", "abdc", true),
        ("abcd", "acbd", true),
        ("abcde", "acbde", true),
        ("abcde", "bacde", true),
        ("abcde", "abced", true),
        ("abcde", "xbcde", true),
        ("morales", "moralez", true),
        ("morales", "morals", true),
        ("morales", "mroales", true),
        ("morales", "marolas", false),
        ("nunez", "nuñez", true),
    ] {
        assert_eq!(one_edit_apart(a, b), near, "{a} {b}");
    }
    assert!(is_common_given_name("luis") && !is_common_given_name("ivor"));
    assert_eq!(country_name("BO"), Some("Bolivia"));
    assert_eq!(country_name("US"), Some("the United States"));
    assert_eq!(country_name("ZZ"), None);
}

#[test]
fn the_confusable_pairs_are_all_listed() {
    let listed = |given: &str, key: &str, cc: &str| {
        with_key(key).any(|p| p.in_country(cc) && p.given_words().any(|g| fold(g) == given))
    };
    assert!(listed("evo", "morales", "BO"));
    assert!(listed("jimmy", "morales", "GT"));
    assert!(listed("luis", "arce", "BO"));
    assert!(listed("hector", "arce", "BO"));
    assert!(listed("amina", "mohamed", "KE"));
    assert!(listed("amina", "mohammed", "NG"));
    assert!(listed("javier", "zavaleta", "BO"));
}

#[test]
fn near_surnames_agree_with_a_scan_of_every_surname() {
    // Slips of every 397th surname: the shape index and its filters find exactly what a
    // comparison with every surname finds (same first letter, one edit).
    for key in SURNAMES.lines().step_by(397) {
        let chars: Vec<char> = key.chars().collect();
        let mut slips = Vec::new();
        for i in 1..chars.len() {
            let mut deleted = chars.clone();
            deleted.remove(i);
            slips.push(deleted);
            let mut swapped = chars.clone();
            swapped.swap(i - 1, i);
            slips.push(swapped);
            let mut changed = chars.clone();
            changed[i] = 'q';
            slips.push(changed);
            let mut inserted = chars.clone();
            inserted.insert(i, 'e');
            slips.push(inserted);
        }
        for slip in slips {
            let slip: String = slip.into_iter().collect();
            if slip.chars().next() != key.chars().next() {
                continue;
            }
            let mut want: Vec<&str> = SURNAMES
                .lines()
                .filter(|k| {
                    *k != slip
                        && k.chars().next() == slip.chars().next()
                        && distance_at_most(&slip, k, 1).is_some()
                })
                .collect();
            let mut got = surnames_one_edit_from(&slip);
            want.sort();
            got.sort();
            assert_eq!(got, want, "{slip}");
        }
    }
}
