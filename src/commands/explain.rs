//! `factlint explain RULE`: what a rule (or a rule kind) checks, why, its examples, its
//! configuration and fix safety.

use crate::ruleset::Rule;
use std::io::{self, Write};

/// Writes the explanation of `name` (a rule id, its last part, or a kind) among `rules`.
pub fn explain(name: &str, rules: &[Rule], out: &mut impl Write) -> Result<u8, String> {
    let rule = rules
        .iter()
        .find(|r| r.id == name || r.id.ends_with(&format!(".{name}")));
    let kind = match rule {
        Some(r) => r.kind,
        // `names.archive` is loaded only by `check` with `archive_evidence`.
        None if name == crate::checks::archive::ID => &crate::checks::archive::KIND,
        None => crate::checks::kind(name)
            .ok_or_else(|| format!("no rule or rule kind named `{name}` (see `factlint rules`)"))?,
    };
    write(rule, kind, out).map_err(|e| e.to_string())?;
    Ok(0)
}

fn write(rule: Option<&Rule>, kind: &crate::checks::Kind, out: &mut impl Write) -> io::Result<()> {
    let d = &kind.doc;
    if let Some(r) = rule {
        writeln!(
            out,
            "{} ({}, kind `{}`, from {})",
            r.id,
            r.severity.as_str(),
            d.name,
            r.source
        )?;
        if let Some(desc) = &r.description {
            writeln!(out, "{desc}")?;
        }
    } else {
        writeln!(out, "rule kind `{}`", d.name)?;
    }
    writeln!(
        out,
        "\n## What it checks\n{}\n\n## Why it matters\n{}\n",
        d.what, d.why
    )?;
    // A rule's own examples (run by `test-rules`); the kind's fit the kind's sample config.
    let (bad, good) = match rule {
        Some(r) => r.examples(),
        None => (vec![d.bad], vec![d.good]),
    };
    writeln!(out, "## Examples")?;
    for (label, texts) in [("Reported:    ", bad), ("Not reported:", good)] {
        for t in texts {
            writeln!(out, "{label} {}", t.replace('\n', "\n              "))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "## Configuration\n{}\n\n## Fix safety\n{}",
        d.config, d.fix_safety
    )
}

#[cfg(test)]
mod tests {
    use super::explain;
    use crate::ruleset;

    fn explained(name: &str) -> Result<String, String> {
        let mut out = Vec::new();
        explain(name, &ruleset::load_builtin(), &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn a_rule_a_short_id_and_a_kind_are_explained() {
        let full = explained("names.consistency").unwrap();
        assert!(full.starts_with("names.consistency ("), "{full}");
        assert_eq!(explained("consistency").unwrap(), full);
        let kind = explained("name-consistency").unwrap();
        assert!(kind.starts_with("rule kind `name-consistency`"), "{kind}");
        for heading in ["## What it checks", "## Examples", "## Fix safety"] {
            assert!(kind.contains(heading), "{heading}");
        }
    }

    #[test]
    fn an_unknown_name_is_an_error() {
        assert!(
            explained("no-such-rule")
                .unwrap_err()
                .contains("no rule or rule kind")
        );
    }
}
