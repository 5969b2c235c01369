//! The embedded officeholder list: generated and current, well formed, sorted for the binary
//! searches, small; and the look-ups on it.

use super::*;
use crate::checks::fuzzy::fold;

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
    let out = std::process::Command::new("python3")
        .arg(root.join("scripts/gen_people.py"))
        .arg("--data")
        .arg(&data)
        .arg("--check")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "rules/people is stale: run python3 scripts/gen_people.py\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn data_is_well_formed_sorted_and_small() {
    assert!(PEOPLE.len() + COMMON_GIVEN.len() + COUNTRIES.len() < 2_000_000);
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
    assert!(surnames_near("zabaleta", 1).contains(&("zavaleta", 1)));
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
