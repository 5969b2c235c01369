//! The time rules end to end: `factlint check --format json` on a small article with a
//! publication date in its front matter.

use assert_cmd::Command;
use serde_json::Value;

const ARTICLE: &str = "tests/articles/time-floods.md";

fn check(extra: &[&str]) -> (Vec<Value>, String) {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .args(["check", "--format", "json"])
        .args(extra)
        .arg(ARTICLE)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).expect("JSON output");
    let diags = json["diagnostics"].as_array().expect("diagnostics").clone();
    (diags, std::fs::read_to_string(ARTICLE).unwrap())
}

/// The file text under a JSON span.
fn under(text: &str, span: &Value) -> String {
    let (s, e) = (
        span["start"].as_u64().unwrap(),
        span["end"].as_u64().unwrap(),
    );
    text[s as usize..e as usize].to_string()
}

fn find<'a>(diags: &'a [Value], rule: &str, text: &str, article: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["rule"] == rule && under(article, &d["span"]) == text)
        .unwrap_or_else(|| panic!("no {rule} on {text:?} in {diags:#?}"))
}

fn fix(d: &Value) -> (&str, &str) {
    let f = &d["fixes"][0];
    (
        f["replacement"].as_str().unwrap(),
        f["applicability"].as_str().unwrap(),
    )
}

#[test]
fn time_rules_report_with_dates_from_front_matter() {
    let (diags, article) = check(&[]);
    let rules: Vec<&str> = diags
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .filter(|r| r.starts_with("time."))
        .collect();
    assert_eq!(
        rules,
        [
            "time.relative-date",
            "time.weekday-date",
            "time.impossible-date",
            "time.future-event",
            "time.unclear-time",
            "time.unclear-time",
        ]
    );

    // A resolvable relative date is house style: info, with the date as its fix.
    let d = find(&diags, "time.relative-date", "last week", &article);
    assert_eq!(d["severity"], "info");
    assert_eq!(fix(d), ("in the week of April 29, 2024", "unsafe"));

    let d = find(&diags, "time.weekday-date", "Monday", &article);
    assert_eq!(d["severity"], "error");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("April 30, 2024 is a Tuesday, not a Monday")
    );
    assert_eq!(under(&article, &d["labels"][0]["span"]), "April 30");
    assert_eq!(fix(d), ("Tuesday", "unsafe"));

    let d = find(&diags, "time.impossible-date", "31 June", &article);
    assert_eq!(d["severity"], "error");
    assert!(d["fixes"].as_array().unwrap().is_empty());

    let d = find(&diags, "time.future-event", "May 21", &article);
    assert!(d["message"].as_str().unwrap().contains("May 9, 2024"));
    assert_eq!(under(&article, &d["labels"][0]["span"]), "took");

    let d = find(&diags, "time.unclear-time", "Monday or Tuesday", &article);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("May 13 or 14, 2024")
    );
    assert_eq!(fix(d), ("May 13 or 14, 2024", "unsafe"));

    let d = find(&diags, "time.unclear-time", "since 12 days", &article);
    assert_eq!(fix(d), ("since April 27, 2024", "unsafe"));

    // Bare weekdays are wire style: the rule is off by default.
    assert!(!diags.iter().any(|d| d["rule"] == "time.bare-weekday"));
}

#[test]
fn date_flag_overrides_front_matter() {
    let (diags, article) = check(&["--date", "2024-05-23"]);
    let d = find(&diags, "time.relative-date", "last week", &article);
    assert_eq!(fix(d), ("in the week of May 13, 2024", "unsafe"));
    // On May 23 the meeting of May 21 is in the past.
    assert!(!diags.iter().any(|d| d["rule"] == "time.future-event"));
}

/// Infos are advice: shown, never failing a run (exit 0).
#[test]
fn without_a_publication_date_a_note_says_how_to_give_one() {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .args(["check", "--format", "json", "-"])
        .write_stdin("A survey last month showed him leading.\n")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["rule"], "time.relative-date");
    assert_eq!(d["severity"], "info");
    assert!(d["fixes"].as_array().unwrap().is_empty());
    let notes = d["notes"].to_string();
    assert!(
        notes.contains("--date") && notes.contains("date:"),
        "{notes}"
    );
}
