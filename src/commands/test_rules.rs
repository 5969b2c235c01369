//! `factlint test-rules [PATHS]`: every rule's own examples, each run with that rule alone:
//! a `bad` example must be reported, a `good` one must not. Run over the built-in rule sets
//! by `cargo test` too.

use crate::Linter;
use crate::ruleset::{self, LoadError, Rule};
use std::io::{self, Write};
use std::path::PathBuf;

/// The rules to test: those of the rule-set files named, or (none named) the built-in rule
/// sets and the meta rules.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Rule>, LoadError> {
    if paths.is_empty() {
        let mut rules = ruleset::load_builtin();
        rules.extend(crate::meta_rules::rules());
        return Ok(rules);
    }
    let mut all = Vec::new();
    for p in paths {
        all.extend(ruleset::load_path(p)?);
    }
    Ok(all)
}

/// What a run of the examples found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub rules: usize,
    pub checked: usize,
    /// One line per failed example: `FAIL <rule>: <what>: <text>`.
    pub failures: Vec<String>,
}

/// Runs every example of every rule, each rule alone, so other rules' findings cannot mask
/// or fake a result. Examples are dated 9 November 2019.
pub fn run(rules: Vec<Rule>) -> Outcome {
    let linter = Linter::new(rules);
    let date = Some(jiff::civil::date(2019, 11, 9));
    let mut outcome = Outcome {
        rules: linter.rules.len(),
        ..Outcome::default()
    };
    for rule in &linter.rules {
        let bad = rule.examples.bad.iter().map(|t| (t, true));
        for (text, should_fire) in bad.chain(rule.examples.good.iter().map(|t| (t, false))) {
            outcome.checked += 1;
            let fired = linter
                .lint_text_with_rule(text, date, &rule.id)
                .iter()
                .any(|d| d.rule == rule.id);
            if fired != should_fire {
                let what = if should_fire {
                    "bad example not reported"
                } else {
                    "good example reported"
                };
                outcome
                    .failures
                    .push(format!("FAIL {}: {what}: {text:?}", rule.id));
            }
        }
    }
    outcome
}

/// Runs the examples and writes each failure and a summary line; the exit status is 1 when
/// any example failed.
pub fn test_rules(rules: Vec<Rule>, out: &mut impl Write) -> io::Result<u8> {
    let outcome = run(rules);
    for line in &outcome.failures {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "test-rules: {} rules, {} examples, {} failed",
        outcome.rules,
        outcome.checked,
        outcome.failures.len()
    )?;
    Ok(if outcome.failures.is_empty() { 0 } else { 1 })
}

#[cfg(test)]
mod tests {
    /// `factlint test-rules` over the built-in rule sets and the meta rules.
    #[test]
    fn every_builtin_example_passes() {
        let outcome = super::run(super::load(&[]).unwrap());
        assert!(outcome.checked > outcome.rules, "{outcome:?}");
        assert!(
            outcome.failures.is_empty(),
            "{}",
            outcome.failures.join("\n")
        );
    }
}
