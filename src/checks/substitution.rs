//! `substitution`: a wrong form and the right one; reported with a safe, case-preserving fix.

use super::support::phrase_scan::PhraseSet;
use super::{Check, Common, Context, Kind, KindDoc};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// wrong → right.
    swap: BTreeMap<String, String>,
    #[serde(default = "yes")]
    ignorecase: bool,
    /// Fixes are safe by default; set false when a swap needs a human look.
    #[serde(default = "yes")]
    safe: bool,
}

fn yes() -> bool {
    true
}

struct Substitution {
    matcher: PhraseSet,
    replacements: Vec<String>,
    wrong: Vec<String>,
    message: String,
    ignorecase: bool,
    applicability: Applicability,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc {
        name: "substitution",
        summary: "a wrong form and the right one, with a fix",
        what: "Reports each listed wrong form (on word boundaries) and offers the right one, \
               keeping the capitalisation of the original.",
        why: "House style and common misspellings: one list, applied the same way on every \
              article, and fixed automatically.",
        config: "- id: house-style\n  kind: substitution\n  severity: warning\n  message: \"Use '{replacement}' instead of '{match}'\"\n  swap: {percent: per cent, accomodate: accommodate}",
        bad: "Prices rose 5 percent.",
        good: "Prices rose 5 per cent.",
        fix_safety: "Safe by default (the replacement is the listed one); a rule may set `safe: false`.",
    },
    build,
};

fn build(value: crate::yaml::Value, common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    if o.swap.is_empty() {
        return Err("a `substitution` rule needs a non-empty `swap` map".into());
    }
    let wrong: Vec<String> = o.swap.keys().cloned().collect();
    let replacements = o.swap.values().cloned().collect();
    let matcher = PhraseSet::new(&wrong, o.ignorecase);
    Ok(Box::new(Substitution {
        matcher,
        replacements,
        wrong,
        message: common
            .message
            .clone()
            .unwrap_or_else(|| "Use '{replacement}' instead of '{match}'".into()),
        ignorecase: o.ignorecase,
        applicability: if o.safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        },
    }))
}

impl Check for Substitution {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.analysis.text;
        for m in self.matcher.find_in(text, cx.analysis.ascii_runs()) {
            let range = m.range;
            let found = &text[range.clone()];
            let idx = m.pattern;
            let replacement = if self.ignorecase {
                super::match_case(found, &self.replacements[idx])
            } else {
                self.replacements[idx].clone()
            };
            if replacement == found {
                continue;
            }
            let message = super::fill(
                &self.message,
                &[
                    ("match", found),
                    ("replacement", &replacement),
                    ("wrong", &self.wrong[idx]),
                ],
            );
            out.push(
                Diagnostic::new(range.clone(), message)
                    .with_help(format!("write '{replacement}'"))
                    .with_fix(range, replacement, self.applicability),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Linter;

    #[test]
    fn a_longer_form_glued_to_a_word_does_not_hide_a_shorter_one() {
        let run = |text: &str| {
            crate::checks::tests_support::run_kind(
                &super::KIND,
                "swap: {per cent: percent, per: a}",
                text,
                None,
            )
        };
        assert_eq!(
            run("Paid per centuries, 5 per cent."),
            vec!["per", "per cent"]
        );
        assert!(run("Paid percent, upper centre.").is_empty());
    }

    #[test]
    fn swaps_keep_case_and_respect_word_boundaries() {
        let linter = Linter::with_default_rules();
        let text = "The Goverment said. Wich one? Sandwich makers recieved aid.";
        let ds = linter.lint_text_with_rule(text, None, "style.misspelling");
        let got: Vec<(&str, &str)> = ds
            .iter()
            .map(|d| (&text[d.span.clone()], d.fixes[0].replacement.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Goverment", "Government"),
                ("Wich", "Which"),
                ("recieved", "received")
            ]
        );
    }
}
