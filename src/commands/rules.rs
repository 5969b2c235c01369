//! `factlint rules`: the rules a run would use, one a line.

use crate::ruleset::Rule;

/// One line per rule: id, kind, severity, source, and "(off)".
pub fn print_rules(rules: &[Rule], indent: &str) {
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let kind_width = rules
        .iter()
        .map(|r| r.kind.doc.name.len())
        .max()
        .unwrap_or(0);
    for r in rules {
        let state = if r.enabled { "" } else { " (off)" };
        println!(
            "{indent}{:width$}  {:kind_width$}  {:8} {}{state}",
            r.id,
            r.kind.doc.name,
            r.severity.as_str(),
            r.source
        );
    }
}
