//! The founding example through the command line, with the desk's knowledge file: every name
//! rule reports its finding with the right suggestion.

mod common;

use common::{assert_code, bin};
use serde_json::Value;

const ARTICLE: &str = "tests/articles/bolivia-police.md";
const KNOWLEDGE: &str = "tests/articles/bolivia-police.knowledge.yml";

fn diagnostics(args: &[&str]) -> Vec<Value> {
    let out = bin()
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
    assert_code(&out, 1);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"].as_array().unwrap().clone()
}

/// The text under a diagnostic's primary span.
fn spanned<'t>(text: &'t str, d: &Value) -> &'t str {
    let start = d["span"]["start"].as_u64().unwrap() as usize;
    let end = d["span"]["end"].as_u64().unwrap() as usize;
    &text[start..end]
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
            (
                d["rule"].as_str().unwrap().to_string(),
                spanned(&text, d).to_string(),
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
fn without_knowledge_the_gazetteer_and_the_people_list_speak() {
    let found = names_findings(&diagnostics(&[]));
    assert!(
        has(&found, "names.places", "Sana Cruz", "Santa Cruz"),
        "{found:?}"
    );
    assert!(!found.iter().any(|(r, _, _)| r == "desk.names"));
    // The embedded list of officeholders: the misspelt part, the listed spelling.
    assert!(has(&found, "names.people", "Ivor", "Evo"), "{found:?}");
    assert!(
        has(&found, "names.people", "Zabaleta", "Zavaleta"),
        "{found:?}"
    );
    // Yuri Calderon (a police chief) and Carlos Mesa, Oscar Ortiz are no near misses of a listed
    // officeholder the article names with a role.
    assert_eq!(found.len(), 3, "{found:?}");
}

/// The README's first command, as a newcomer runs it: no desk list, no date, no config.
#[test]
fn the_first_command_reports_the_misspelt_officeholders() {
    let out = bin()
        .args(["check", "--format", "json", "--no-config", ARTICLE])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let people: Vec<&Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "names.people")
        .collect();
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let spans: Vec<(&str, &str)> = people
        .iter()
        .map(|d| {
            (
                spanned(&text, d),
                d["fixes"][0]["replacement"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(spans, vec![("Ivor", "Evo"), ("Zabaleta", "Zavaleta")]);
    // The reason: the role and the country, from the article itself.
    assert_eq!(
        people[0]["message"],
        "'Ivor Morales' looks like a misspelling of 'Evo Morales', President of Bolivia \
         (listed 2000–2026): the article calls the person President and mentions Bolivia \
         ('Bolivian')"
    );
    assert_eq!(
        people[1]["message"],
        "'Javier Zabaleta' looks like a misspelling of 'Javier Zavaleta', Minister of Defense \
         of Bolivia (listed 2019): the article calls the person Defense Minister and mentions \
         Bolivia ('Bolivian')"
    );
}
