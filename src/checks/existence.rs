//! `existence`: words, phrases or patterns that should not appear at all.

use super::support::phrase_scan::PhraseSet;
use super::{Check, Common, Context, Kind, KindDoc};
use crate::diagnostic::Diagnostic;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Literal words or phrases, matched on word boundaries.
    #[serde(default)]
    tokens: Vec<String>,
    /// Regular expressions (linear-time `regex` syntax).
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default = "yes")]
    ignorecase: bool,
    /// Optional advice printed as `= help:`.
    #[serde(default)]
    help: Option<String>,
}

fn yes() -> bool {
    true
}

struct Existence {
    literals: Option<PhraseSet>,
    patterns: Vec<regex::Regex>,
    message: String,
    help: Option<String>,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("existence", include_str!("../../docs/kinds/existence.md")),
    build,
};

fn build(value: crate::yaml::Value, common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    if o.tokens.is_empty() && o.patterns.is_empty() {
        return Err("an `existence` rule needs `tokens` or `patterns`".into());
    }
    let literals = if o.tokens.is_empty() {
        None
    } else {
        Some(PhraseSet::new(&o.tokens, o.ignorecase))
    };
    let patterns = o
        .patterns
        .iter()
        .map(|p| super::compile_regex(p, o.ignorecase))
        .collect::<Result<_, _>>()?;
    Ok(Box::new(Existence {
        literals,
        patterns,
        message: common
            .message
            .clone()
            .unwrap_or_else(|| "'{match}' should not be used".into()),
        help: o.help,
    }))
}

impl Check for Existence {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.analysis.text;
        let mut report = |range: std::ops::Range<usize>| {
            let m = &text[range.clone()];
            let mut d = Diagnostic::new(range, super::fill(&self.message, &[("match", m)]));
            if let Some(h) = &self.help {
                d = d.with_help(h.clone());
            }
            out.push(d);
        };
        if let Some(ac) = &self.literals {
            for m in ac.find_in(text, cx.analysis.ascii_runs()) {
                report(m.range);
            }
        }
        for re in &self.patterns {
            for m in re.find_iter(text) {
                if !m.as_str().trim().is_empty() {
                    report(m.range());
                }
            }
        }
    }
}
