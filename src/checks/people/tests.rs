//! The `people` kind on snippets: hits, non-hits, and the real people one letter apart that
//! must never be confused.

use super::KIND;
use crate::checks::tests_support::{diagnostics, flagged_and_fixed, one};
use jiff::civil::{Date, date};

const DATE: Option<Date> = Some(date(2019, 11, 9));

/// (misspelt text, fix) of each finding.
fn found(text: &str, when: Option<Date>) -> Vec<(String, String)> {
    flagged_and_fixed(text, diagnostics(&KIND, "", text, when))
}

#[test]
fn the_founding_example() {
    let text = "Bolivian police rebelled, while President Ivor Morales called it a coup. \
                Bolivian Defense Minister Javier Zabaleta spoke of a limited insurgency.";
    assert_eq!(
        found(text, DATE),
        vec![
            ("Ivor".to_string(), "Evo".to_string()),
            ("Zabaleta".to_string(), "Zavaleta".to_string())
        ]
    );
    // With no date, the years are not checked (and a note says so).
    assert_eq!(found(text, None).len(), 2);
}

#[test]
fn message_gives_the_person_and_the_evidence() {
    let text = "In Cochabamba, police rebelled. President Ivor Morales called it a coup.";
    let d = &diagnostics(&KIND, "", text, DATE)[0];
    assert_eq!(
        d.message,
        "'Ivor Morales' looks like a misspelling of 'Evo Morales', President of Bolivia \
         (listed 2000–2026): the article calls the person President and mentions Bolivia \
         ('Cochabamba')"
    );
    assert_eq!(&text[d.span.clone()], "Ivor");
    let labels: Vec<&str> = d.labels.iter().map(|l| &text[l.span.clone()]).collect();
    assert!(
        labels.contains(&"President") && labels.contains(&"Cochabamba"),
        "{labels:?}"
    );
    assert_eq!(
        d.fixes[0].applicability,
        crate::diagnostic::Applicability::Unsafe
    );
}

#[test]
fn evo_and_jimmy_morales_are_two_presidents() {
    // Both listed: a correct spelling of either is never a finding, whatever the country.
    assert!(found("In Bolivia, President Jimmy Morales spoke.", DATE).is_empty());
    assert!(found("In Guatemala, President Evo Morales spoke.", DATE).is_empty());
    // A near miss goes to the president of the country the article names.
    assert_eq!(
        found("In Guatemala, President Jimy Morales spoke.", DATE),
        one("Jimy", "Jimmy")
    );
    assert_eq!(
        found(
            "Guatemalan and Bolivian envoys met; President Ivo Morales spoke.",
            DATE
        ),
        one("Ivo", "Evo")
    );
}

#[test]
fn luis_and_hector_arce_sat_in_one_cabinet() {
    assert!(found("Bolivian Economy Minister Luis Arce spoke.", DATE).is_empty());
    assert!(found("Bolivian Justice Minister Héctor Arce spoke.", DATE).is_empty());
    assert!(found("Bolivian Justice Minister Hector Arce spoke.", DATE).is_empty());
    assert_eq!(
        found("Bolivian Economy Minister Luiz Arce spoke.", DATE),
        one("Luiz", "Luis")
    );
    assert_eq!(
        found("Bolivian Justice Minister Hectar Arce spoke.", DATE),
        one("Hectar", "Hector")
    );
}

#[test]
fn amina_mohamed_and_amina_mohammed_are_two_ministers() {
    // Kenya's cabinet secretary and Nigeria's environment minister: each spelling is listed,
    // so neither is reported, even with the other's country.
    assert!(found("Kenyan Cabinet Secretary Amina Mohamed spoke.", DATE).is_empty());
    assert!(found("Nigerian Environment Minister Amina Mohammed spoke.", DATE).is_empty());
    assert!(found("Kenyan Cabinet Secretary Amina Mohammed spoke.", DATE).is_empty());
    assert!(found("Nigerian Environment Minister Amina Mohamed spoke.", DATE).is_empty());
}

#[test]
fn context_is_required() {
    // No role word, no country, another period, a role the person never held.
    assert!(found("In Bolivia, Ivor Morales spoke.", DATE).is_empty());
    assert!(found("President Ivor Morales spoke.", DATE).is_empty());
    assert!(
        found(
            "In Bolivia, President Ivor Morales spoke.",
            Some(date(1991, 1, 1))
        )
        .is_empty()
    );
    assert!(found("In Bolivia, Judge Ivor Morales spoke.", DATE).is_empty());
    // The country named inside the name itself is no evidence.
    assert!(found("President Ivor Morales Bolivia spoke.", DATE).is_empty());
}

#[test]
fn unknown_people_and_other_names_are_quiet() {
    // Another given name far from any listed Morales; a short surname; a surname alone that is
    // a listed surname.
    assert!(found("In Bolivia, President Carlos Morales spoke.", DATE).is_empty());
    assert!(found("In Bolivia, Minister Juan Meza spoke.", DATE).is_empty());
    assert!(found("In Bolivia, Minister Morales spoke.", DATE).is_empty());
    // A name that goes on after a hyphen ("Myung-bak's"): its start alone is no slip.
    let korea = "In South Korea, protests grew. The MB government [President Lee Myung-bak's \
                 initials] has not halted the import.";
    assert!(found(korea, Some(date(2008, 6, 1))).is_empty());
}

#[test]
fn a_desk_list_takes_precedence() {
    use crate::{Linter, ruleset};
    let set = "set: desk
rules:
  - id: names
    kind: entities
    entities:
      - {name: Evo Morales, type: person}
  - id: people
    kind: people
";
    let linter = Linter::new(ruleset::parse("desk.yml", set).unwrap());
    let rules: Vec<String> = linter
        .lint_text("In Bolivia, President Ivor Morales spoke.", DATE)
        .into_iter()
        .map(|d| d.rule)
        .collect();
    assert_eq!(rules, vec!["desk.names".to_string()]);
}

#[test]
fn an_article_with_accents_the_list_lacks_knows_better() {
    // The 2019 directory prints "Lukasz SZUMAWSKI"; Poland's health minister was Łukasz
    // Szumowski, and an article that writes the Ł had a better source.
    assert!(found("In Gdańsk, Health Minister Łukasz Szumowski spoke.", DATE).is_empty());
}

#[test]
fn a_former_officeholder_is_named_long_after() {
    let later = Some(date(2030, 1, 1));
    assert!(found("In Bolivia, President Ivor Morales spoke.", later).is_empty());
    assert_eq!(
        found("In Bolivia, former President Ivor Morales spoke.", later),
        one("Ivor", "Evo")
    );
    assert_eq!(
        found(
            "In Bolivia, the former president Ivor Morales spoke.",
            later
        ),
        one("Ivor", "Evo")
    );
}

#[test]
fn a_surname_alone_and_a_role_after_the_name() {
    assert_eq!(
        found("Bolivian Defense Minister Zabaleta spoke.", DATE),
        one("Zabaleta", "Zavaleta")
    );
    assert_eq!(
        found("Javier Zabaleta, Bolivia's defense minister, spoke.", DATE),
        one("Zabaleta", "Zavaleta")
    );
    // Alone, an ordinary word or a place is left alone.
    assert!(found("Bolivian Defense Minister Moral spoke.", DATE).is_empty());
}
