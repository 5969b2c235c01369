//! `consistency`: two accepted spellings of one thing used in the same article.

use super::support::phrase_scan::PhraseSet;
use super::{Check, Common, Context, Kind, KindDoc};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Groups of variants; within an article, one variant per group should be used.
    variants: Vec<Vec<String>>,
    #[serde(default = "yes")]
    ignorecase: bool,
    /// Forms that win a tie (one each in "Kiev" and "Kyiv"): the house's choice. Without one,
    /// a tie is reported with no fix.
    #[serde(default)]
    preferred: Vec<String>,
}

fn yes() -> bool {
    true
}

struct Consistency {
    matcher: PhraseSet,
    /// pattern index → (group, variant)
    owner: Vec<(usize, usize)>,
    groups: Vec<Vec<String>>,
    /// Per group, the variant preferred on a tie.
    preferred: Vec<Option<usize>>,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "consistency",
        include_str!("../../docs/kinds/consistency.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    for (g, group) in o.variants.iter().enumerate() {
        if group.len() < 2 {
            return Err(format!("variant group {} needs at least two forms", g + 1));
        }
        for (v, form) in group.iter().enumerate() {
            patterns.push(form.clone());
            owner.push((g, v));
        }
    }
    let mut preferred = vec![None; o.variants.len()];
    for p in &o.preferred {
        let (g, v) = owner
            .iter()
            .zip(&patterns)
            .find(|(_, form)| *form == p)
            .map(|(&gv, _)| gv)
            .ok_or_else(|| format!("preferred form `{p}` is in no variant group"))?;
        if preferred[g].replace(v).is_some() {
            return Err(format!("variant group {} has two preferred forms", g + 1));
        }
    }
    let matcher = PhraseSet::new(&patterns, o.ignorecase);
    Ok(Box::new(Consistency {
        matcher,
        owner,
        groups: o.variants,
        preferred,
    }))
}

impl Check for Consistency {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.analysis.text;
        let found: Vec<_> = self
            .matcher
            .find_in(text, cx.analysis.ascii_runs())
            .collect();
        // Most articles use one form per group: nothing to report, nothing more to allocate.
        let mut first_variant = vec![None; self.groups.len()];
        let mixed = found.iter().any(|m| {
            let (g, v) = self.owner[m.pattern];
            *first_variant[g].get_or_insert(v) != v
        });
        if !mixed {
            return;
        }
        // Per group: per variant, the spans where it occurs.
        let mut seen: Vec<Vec<Vec<std::ops::Range<usize>>>> = self
            .groups
            .iter()
            .map(|g| vec![Vec::new(); g.len()])
            .collect();
        let a = cx.analysis;
        for m in found {
            // Quotations keep their author's form, and other languages theirs.
            let i = a.token_at_or_after(m.range.start);
            if i < a.tokens.len() && (a.in_quoted_voice(i) || a.is_foreign(i)) {
                continue;
            }
            let (g, v) = self.owner[m.pattern];
            seen[g][v].push(m.range);
        }
        for (g, variants) in seen.iter().enumerate() {
            let used: Vec<usize> = (0..variants.len())
                .filter(|&v| !variants[v].is_empty())
                .collect();
            if used.len() < 2 {
                continue;
            }
            let most = used.iter().map(|&v| variants[v].len()).max().unwrap_or(0);
            let tied: Vec<usize> = used
                .iter()
                .copied()
                .filter(|&v| variants[v].len() == most)
                .collect();
            // The form the others are measured against: the majority; on a tie the preferred
            // form, else the one used first.
            let preferred = self.preferred[g].filter(|p| tied.contains(p));
            let anchor = preferred.unwrap_or_else(|| {
                *tied
                    .iter()
                    .min_by_key(|&&v| variants[v][0].start)
                    .unwrap_or(&used[0])
            });
            let anchor_form = &self.groups[g][anchor];
            let first_anchor = variants[anchor][0].clone();
            for &v in used.iter().filter(|&&v| v != anchor) {
                for span in &variants[v] {
                    let found = &text[span.clone()];
                    let replacement = super::match_case(found, anchor_form);
                    let both = format!("'{found}' and '{anchor_form}' are both used");
                    let d = if tied.len() == 1 {
                        Diagnostic::new(
                            span.clone(),
                            format!("{both}; this article mostly writes '{anchor_form}'"),
                        )
                    } else if preferred.is_some() {
                        Diagnostic::new(
                            span.clone(),
                            format!(
                                "{both}, as often as each other; the house prefers '{anchor_form}'"
                            ),
                        )
                    } else {
                        let d = Diagnostic::new(
                            span.clone(),
                            format!("{both}, as often as each other"),
                        );
                        out.push(
                            d.with_label(
                                first_anchor.clone(),
                                format!("'{anchor_form}' used here"),
                            )
                            .with_help("choose one form and use it throughout"),
                        );
                        continue;
                    };
                    out.push(
                        d.with_label(first_anchor.clone(), format!("'{anchor_form}' used here"))
                            .with_help(format!("write '{replacement}'"))
                            .with_fix(span.clone(), replacement, Applicability::Unsafe),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Linter;

    // What the kind reports is in its fixture, tests/kinds/consistency.md.

    #[test]
    fn a_preferred_form_must_be_a_variant() {
        let set = "set: t\nrules:\n  - id: v\n    kind: consistency\n    variants: [[Kyiv, Kiev]]\n    preferred: [Kiyv]\n";
        let e = crate::ruleset::parse("t.yml", set).err().unwrap();
        assert!(
            e.message.contains("`Kiyv` is in no variant group"),
            "{}",
            e.message
        );
    }

    #[test]
    fn the_built_in_rule_prefers_kyiv_on_a_tie() {
        let linter = Linter::with_default_rules();
        let text = "Kiev said so. Talks in Kyiv resumed.";
        let ds = linter.lint_text_with_rule(text, None, "style.variants");
        assert_eq!(ds.len(), 1);
        assert_eq!(&text[ds[0].span.clone()], "Kiev");
        assert_eq!(ds[0].fixes[0].replacement, "Kyiv");
    }
}
