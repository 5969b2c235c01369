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
    doc: KindDoc {
        name: "front-matter",
        summary: "front matter that cannot be read",
        what: "Reports YAML front matter that is never closed, is not valid YAML, or has a \
               `date:` factlint does not understand, on the line at fault.",
        why: "The front matter's `date:` is the publication date every relative time (\"last \
              month\", \"on Monday\") is resolved against; when it cannot be read, those checks \
              silently lose their anchor.",
        config: "Not configurable: reported by the linter itself. Turn it off with \
                 `disable: [factlint.front-matter]` in the config or `--ignore \
                 factlint.front-matter`.",
        bad: "---\ndate: next Tuesday\n---\nThe minister resigned last month.",
        good: "---\ndate: 2019-11-09\n---\nThe minister resigned last month.",
        fix_safety: "No fix: write the date as YYYY-MM-DD (or `November 9, 2019`).",
    },
    build,
};

static UNKNOWN_SUPPRESSION: Kind = Kind {
    doc: KindDoc {
        name: "unknown-suppression",
        summary: "a suppression comment that names no loaded rule",
        what: "Reports a `factlint-disable`/`enable` comment that names a rule or set that is \
               not loaded, and a `factlint-` directive that does not exist.",
        why: "A misspelt suppression silently suppresses nothing, and a reader of the article \
              believes the finding was looked at.",
        config: "Not configurable: reported by the linter itself. Turn it off with \
                 `disable: [factlint.unknown-suppression]` in the config or `--ignore \
                 factlint.unknown-suppression`.",
        bad: "<!-- factlint-disable-next-line style.repetiton -->\nThe the minister spoke.",
        good: "<!-- factlint-disable-next-line style.repetition -->\nThe the minister spoke.",
        fix_safety: "No fix: correct the rule id (`factlint rules` lists them).",
    },
    build,
};

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
        examples: Examples {
            bad: vec![kind.doc.bad.to_string()],
            good: vec![kind.doc.good.to_string()],
        },
        source: crate::ruleset::BUILTIN_SOURCE.to_string(),
        check: Box::new(ReportedByTheLinter),
    })
    .collect()
}
