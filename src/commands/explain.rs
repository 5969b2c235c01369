//! `factlint explain RULE`: the page of a rule's kind (docs/kinds/<kind>.md), with the rule's
//! own settings and examples, as `kind_doc` renders it.

use crate::ruleset::Rule;
use std::io::Write;

/// Writes the explanation of `name` (a rule id, its last part, or a kind) among `rules`.
pub fn explain(name: &str, rules: &[Rule], out: &mut impl Write) -> Result<u8, String> {
    let text = crate::kind_doc::explain(name, rules)?;
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(0)
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
        for heading in [
            "## What it checks",
            "## Example",
            "## Options",
            "## Fix safety",
        ] {
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
