//! The count rules end to end: `factlint check --format json` on fixture articles.

use assert_cmd::Command;
use serde_json::Value;

/// Runs `factlint check --format json ARGS…` and returns the diagnostics.
fn diagnostics(args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"].as_array().unwrap().clone()
}

/// (rule, primary text) of the `counts.*` diagnostics, in output order.
fn counts(diags: &[Value]) -> Vec<(String, String)> {
    diags
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("counts."))
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(rule: &str, text: &str) -> (String, String) {
    (rule.to_string(), text.to_string())
}

#[test]
fn port_strike_fixture_reports_each_planted_error_once() {
    let diags = diagnostics(&["tests/articles/port-strike.md"]);
    assert_eq!(
        counts(&diags),
        vec![
            pair("counts.count-vs-list", "four terminals"),
            pair("counts.parts-sum", "remaining 25 bulk carriers"),
            pair("counts.date-arithmetic", "80 years"),
            pair("counts.count-vs-list", "two disputes"),
            pair("counts.quantity-conflict", "2,100 dockers"),
            pair("counts.date-arithmetic", "nine years"),
            pair("counts.ordinal-conflict", "fourth time"),
            pair("counts.date-arithmetic", "55-year-old"),
        ]
    );
}

#[test]
fn spans_labels_and_fixes_are_in_the_json() {
    let text = std::fs::read_to_string("tests/articles/port-strike.md").unwrap();
    let diags = diagnostics(&["tests/articles/port-strike.md"]);
    let find = |rule: &str| {
        diags
            .iter()
            .find(|d| d["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule}"))
    };
    // Byte spans point at the text reported.
    for d in &diags {
        let (s, e) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], d["text"].as_str().unwrap());
    }
    // The ordinal conflict labels the earlier mention.
    let ord = find("counts.ordinal-conflict");
    let label = &ord["labels"][0]["span"];
    let (s, e) = (
        label["start"].as_u64().unwrap() as usize,
        label["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "third time");
    // The list count gets an (unsafe) fix in the article's style.
    let list = find("counts.count-vs-list");
    assert_eq!(list["fixes"][0]["replacement"], "three");
    assert_eq!(list["fixes"][0]["applicability"], "unsafe");
    // The breakdown fix makes the remainder add up: 62 − 35 = 27.
    assert_eq!(find("counts.parts-sum")["fixes"][0]["replacement"], "27");
    // The age message states the computed ages and the date.
    let age = diags.iter().find(|d| d["text"] == "55-year-old").unwrap();
    assert!(
        age["message"]
            .as_str()
            .unwrap()
            .contains("59 or 60 on June 1, 2021"),
        "{}",
        age["message"]
    );
}

#[test]
fn seed_article_reports_the_ordinal_and_the_subset_marker() {
    let text = std::fs::read_to_string("tests/articles/bolivia-police.md").unwrap();
    let diags = diagnostics(&["--date", "2019-11-09", "tests/articles/bolivia-police.md"]);
    let found = counts(&diags);
    assert!(found.contains(&pair("counts.ordinal-conflict", "third time")));
    assert!(found.contains(&pair("counts.count-vs-list", "two candidates")));
    assert_eq!(found.len(), 2, "{found:?}");
    // The ordinal conflict labels "a fourth term".
    let ord = diags
        .iter()
        .find(|d| d["rule"] == "counts.ordinal-conflict")
        .unwrap();
    let s = ord["labels"][0]["span"]["start"].as_u64().unwrap() as usize;
    let e = ord["labels"][0]["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[s..e], "fourth term");
    // "most notably" is labelled.
    let list = diags
        .iter()
        .find(|d| d["rule"] == "counts.count-vs-list")
        .unwrap();
    let s = list["labels"][0]["span"]["start"].as_u64().unwrap() as usize;
    let e = list["labels"][0]["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[s..e], "most notably");
}

#[test]
fn without_a_date_the_date_arithmetic_is_silent() {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .args(["check", "--format", "json", "-"])
        .write_stdin("The 45-year-old, born in 1970, spoke.\n")
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["diagnostics"].as_array().unwrap().is_empty(), "{json}");
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .args(["check", "--format", "json", "--date", "2019-11-09", "-"])
        .write_stdin("The 45-year-old, born in 1970, spoke.\n")
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["diagnostics"][0]["rule"], "counts.date-arithmetic",
        "{json}"
    );
}
