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
    doc: KindDoc::new(
        "substitution",
        include_str!("../../docs/kinds/substitution.md"),
    ),
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
