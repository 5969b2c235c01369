//! `entities`: the desk's list of known people, places and organisations; a mention that
//! nearly matches a listed name is reported with the listed spelling as the fix.

use super::support::known::{Entity, EntityList, How};
use super::{Check, Common, Context, Kind, KindDoc};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// `[{name, type: person|place|org, aliases: [...]}]`
    entities: Vec<Entity>,
}

struct Entities {
    list: EntityList,
    message: Option<String>,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("entities", include_str!("../../docs/kinds/entities.md")),
    build,
};

fn build(value: crate::yaml::Value, common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    if o.entities.is_empty() {
        return Err("an `entities` rule needs a non-empty `entities` list".into());
    }
    Ok(Box::new(Entities {
        list: EntityList::new(&common.set, o.entities)?,
        message: common.message.clone(),
    }))
}

impl Check for Entities {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for m in cx.knowledge.matches_of(&self.list, a) {
            let How::Near { edits } = m.how else {
                continue;
            };
            let found = &a.text[m.span.clone()];
            let listed = if m.expected == m.entity {
                format!("{} listed in rule set `{}`", m.kind.noun(), self.list.set)
            } else {
                format!(
                    "'{}', {} listed in rule set `{}`",
                    m.entity,
                    m.kind.noun(),
                    self.list.set
                )
            };
            let message = match &self.message {
                Some(t) => super::fill(
                    t,
                    &[
                        ("match", found),
                        ("replacement", &m.expected),
                        ("entity", &m.entity),
                        ("set", &self.list.set),
                    ],
                ),
                None => format!(
                    "'{found}' looks like a misspelling of '{}' ({listed})",
                    m.expected
                ),
            };
            let letters = if edits == 1 { "letter" } else { "letters" };
            let mut d = Diagnostic::new(m.span.clone(), message)
                .with_primary_label(format!("{edits} {letters} away from '{}'", m.expected))
                .with_help(format!("write '{}'", m.expected));
            if m.ambiguous {
                d = d
                    .with_note("more than one listed name is this close: check which one is meant")
                    .with_fix(m.span.clone(), m.expected.clone(), Applicability::Unsafe);
            } else {
                d = d.with_fix(m.span.clone(), m.expected.clone(), Applicability::Safe);
            }
            out.push(d);
        }
    }

    fn entity_list(&self) -> Option<&EntityList> {
        Some(&self.list)
    }
}

#[cfg(test)]
mod tests {
    use crate::Linter;
    use crate::ruleset;

    const DESK: &str = "set: desk
rules:
  - id: names
    kind: entities
    severity: error
    entities:
      - {name: Evo Morales, type: person}
      - {name: Javier Zavaleta, type: person}
      - {name: Federico Pasquali, type: person}
      - {name: Megan Calloway, type: person}
      - {name: Rebecca Lindqvist, type: person}
      - {name: Tomasz Wierzbicki, type: person}
      - {name: Ramon Abellana, type: person}
      - {name: Old Trafford, type: place}
      - {name: Santa Cruz, type: place, aliases: [Santa Cruz de la Sierra]}
";

    fn found(text: &str) -> Vec<(String, String)> {
        let linter = Linter::new(ruleset::parse("desk.yml", DESK).unwrap());
        linter
            .lint_text(text, None)
            .into_iter()
            .filter(|d| d.rule == "desk.names")
            .map(|d| (text[d.span].to_string(), d.fixes[0].replacement.clone()))
            .collect()
    }

    fn one(a: &str, b: &str) -> Vec<(String, String)> {
        vec![(a.to_string(), b.to_string())]
    }

    #[test]
    fn corpus_shapes_are_reported() {
        assert_eq!(
            found("his agent Frederico Pasquali said"),
            one("Frederico Pasquali", "Federico Pasquali")
        );
        assert_eq!(
            found("Meghan Calloway, who runs it"),
            one("Meghan Calloway", "Megan Calloway")
        );
        assert_eq!(
            found("said Rebecca Lindquist, an analyst"),
            one("Rebecca Lindquist", "Rebecca Lindqvist")
        );
        assert_eq!(
            found("minister, Tomasz Wierzbiki."),
            one("Tomasz Wierzbiki", "Tomasz Wierzbicki")
        );
        assert_eq!(
            found("In Cebu City, Ramon Abellano, a former"),
            one("Ramon Abellano", "Ramon Abellana")
        );
        assert_eq!(
            found("arrival at Old Traford in the window"),
            one("Old Traford", "Old Trafford")
        );
        assert_eq!(
            found("Defense Minister Javier Zabaleta spoke"),
            one("Javier Zabaleta", "Javier Zavaleta")
        );
        assert_eq!(
            found("in Santa Cruz de la Sierre"),
            one("Santa Cruz de la Sierre", "Santa Cruz de la Sierra")
        );
    }

    #[test]
    fn message_names_entity_and_set() {
        let linter = Linter::new(ruleset::parse("desk.yml", DESK).unwrap());
        let d = &linter.lint_text("President Ivor Morales spoke.", None)[0];
        assert_eq!(
            d.message,
            "'Ivor Morales' looks like a misspelling of 'Evo Morales' (a person listed in rule set `desk`)"
        );
        assert_eq!(
            d.fixes[0].applicability,
            crate::diagnostic::Applicability::Safe
        );
        let d = &linter.lint_text("Minister Zabaleta spoke.", None)[0];
        assert!(
            d.message
                .contains("'Javier Zavaleta', a person listed in rule set `desk`"),
            "{}",
            d.message
        );
    }

    #[test]
    fn listed_and_unrelated_names_are_quiet() {
        assert!(
            found("Evo Morales and Javier Zavaleta met Federico Pasquali at Old Trafford.")
                .is_empty()
        );
        assert!(found("Juan Morales and Pedro Zabaleta spoke in Santa Ana.").is_empty());
        assert!(found("The Bolivian president's aides and Morales's allies").is_empty());
    }

    #[test]
    fn empty_list_is_an_error() {
        let e = ruleset::parse(
            "x.yml",
            "set: x\nrules:\n  - id: n\n    kind: entities\n    entities: []\n",
        );
        assert!(e.is_err());
    }
}
