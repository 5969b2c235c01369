//! The rules the linter reports itself, outside any rule set: `factlint.front-matter` (front
//! matter that cannot be read) and `factlint.unknown-suppression` (a suppression comment that
//! names no loaded rule). They are loaded with every configuration, `--no-default-rules`
//! included, so that `factlint rules` lists them, `factlint explain` explains them and the
//! config, `--select` and `--ignore` turn them off or change their severity like any rule.
//! Their findings come from the front-matter reader and [`crate::suppress`], not from a check.

use crate::checks::{Check, Common, Context, Kind, KindDoc};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ruleset::{Examples, Rule};
use crate::suppress::UNKNOWN_RULE_ID;

pub(crate) const SET: &str = "factlint";
pub(crate) const FRONT_MATTER_ID: &str = "factlint.front-matter";

/// Every id the linter reports itself.
pub(crate) const IDS: &[&str] = &[FRONT_MATTER_ID, UNKNOWN_RULE_ID];

static FRONT_MATTER: Kind = Kind {
    doc: KindDoc::new(
        "front-matter",
        include_str!("../docs/kinds/front-matter.md"),
    ),
    build,
};

static UNKNOWN_SUPPRESSION: Kind = Kind {
    doc: KindDoc::new(
        "unknown-suppression",
        include_str!("../docs/kinds/unknown-suppression.md"),
    ),
    build,
};

/// The kinds of the linter's own rules (documented and tested like the kinds in
/// [`crate::checks::KINDS`], which rule sets can use).
pub(crate) static KINDS: &[&Kind] = &[&FRONT_MATTER, &UNKNOWN_SUPPRESSION];

/// The check of both rules: nothing, since the linter reports their findings.
struct ReportedByTheLinter;

impl Check for ReportedByTheLinter {
    fn run(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}

fn build(_: crate::yaml::Value, _: &Common) -> Result<Box<dyn Check>, String> {
    Ok(Box::new(ReportedByTheLinter))
}

/// The linter's own rules, as loaded rules (on, `warning`).
pub(crate) fn rules() -> Vec<Rule> {
    [
        (
            FRONT_MATTER_ID,
            &FRONT_MATTER,
            "Front matter that cannot be read.",
        ),
        (
            UNKNOWN_RULE_ID,
            &UNKNOWN_SUPPRESSION,
            "A suppression comment that names no loaded rule.",
        ),
    ]
    .into_iter()
    .map(|(id, kind, description)| Rule {
        id: id.to_string(),
        set: SET.to_string(),
        kind,
        severity: Severity::Warning,
        enabled: true,
        description: Some(description.to_string()),
        // The page's examples, so that `test-rules` runs them.
        examples: Examples {
            bad: strings(&kind.doc.parsed().example.reported),
            good: strings(&kind.doc.parsed().example.not_reported),
        },
        source: crate::ruleset::BUILTIN_SOURCE.to_string(),
        check: Box::new(ReportedByTheLinter),
    })
    .collect()
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}
