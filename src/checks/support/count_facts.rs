//! What the count kinds that read the fact model (`analysis::facts`) share: their names (a
//! finding of theirs gives way to another rule's on an overlapping span, see
//! `Linter::one_finding_per_count`), options-free building, and wording.

use serde::Deserialize;

/// The kinds that read the fact model.
pub(crate) const KINDS: &[&str] = &[
    "tally-size",
    "count-vs-apposition",
    "transposed-figure",
    "years-since",
    "ordinal-anchor",
    "parts-total",
];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NoOptions {}

/// These kinds take no options.
pub(crate) fn no_options(value: crate::yaml::Value) -> Result<(), String> {
    let _: NoOptions = crate::checks::options(value)?;
    Ok(())
}

pub(crate) fn show(v: f64) -> String {
    super::numeric::show(v)
}

/// The last word of a name ("Amara Fofanah" → "Fofanah").
pub(crate) fn surname(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}
