//! The founding example through the command line, with the desk's knowledge file: every name
//! rule reports its finding with the right suggestion.

use assert_cmd::Command;
use serde_json::Value;

const ARTICLE: &str = "tests/articles/bolivia-police.md";
const KNOWLEDGE: &str = "tests/articles/bolivia-police.knowledge.yml";

fn diagnostics(args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .args([
            "check",
            "--format",
            "json",
            "--date",
            "2019-11-09",
            "--no-config",
        ])
        .args(args)
        .arg(ARTICLE)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"].as_array().unwrap().clone()
}

/// (rule, text under the primary span, first fix) of each diagnostic from a names rule.
fn names_findings(diags: &[Value]) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    diags
        .iter()
        .filter(|d| {
            let rule = d["rule"].as_str().unwrap();
            rule.starts_with("names.") || rule.starts_with("desk.")
        })
        .map(|d| {
            let (s, e) = (
                d["span"]["start"].as_u64().unwrap() as usize,
                d["span"]["end"].as_u64().unwrap() as usize,
            );
            (
                d["rule"].as_str().unwrap().to_string(),
                text[s..e].to_string(),
                d["fixes"][0]["replacement"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect()
}

fn has(found: &[(String, String, String)], rule: &str, text: &str, fix: &str) -> bool {
    found
        .iter()
        .any(|(r, t, f)| r == rule && t.contains(text) && f.contains(fix))
}

#[test]
fn seed_with_desk_knowledge() {
    let found = names_findings(&diagnostics(&["--rules", KNOWLEDGE]));
    assert!(
        has(&found, "desk.names", "Ivor Morales", "Evo Morales"),
        "{found:?}"
    );
    assert!(
        has(&found, "desk.names", "Zabaleta", "Zavaleta"),
        "{found:?}"
    );
    assert!(
        has(&found, "names.places", "Sana Cruz", "Santa Cruz"),
        "{found:?}"
    );
    // The milder diacritics rule: the desk writes Yuri Calderón.
    assert!(
        has(&found, "names.diacritics", "Calderon", "Calderón"),
        "{found:?}"
    );
    // Nothing else from the name rules: Morales, Mesa, Ortiz, Cochabamba, La Paz are right.
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn message_names_the_entity_and_its_rule_set() {
    let diags = diagnostics(&["--rules", KNOWLEDGE]);
    let ivor = diags
        .iter()
        .find(|d| d["rule"] == "desk.names" && d["message"].as_str().unwrap().contains("Ivor"))
        .unwrap();
    assert_eq!(
        ivor["message"],
        "'Ivor Morales' looks like a misspelling of 'Evo Morales' (a person listed in rule set `desk`)"
    );
    assert_eq!(ivor["severity"], "error");
    assert_eq!(ivor["fixes"][0]["applicability"], "safe");
}

#[test]
fn without_knowledge_only_the_gazetteer_speaks() {
    let found = names_findings(&diagnostics(&[]));
    assert!(
        has(&found, "names.places", "Sana Cruz", "Santa Cruz"),
        "{found:?}"
    );
    assert!(!found.iter().any(|(r, _, _)| r == "desk.names"));
    assert!(
        !found.iter().any(|(_, t, _)| t.contains("Ivor")),
        "{found:?}"
    );
}
