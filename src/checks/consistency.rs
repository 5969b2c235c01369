//! `consistency`: two accepted spellings of one thing used in the same article.

use super::phrase_scan::PhraseSet;
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
}

fn yes() -> bool {
    true
}

struct Consistency {
    matcher: PhraseSet,
    /// pattern index → (group, variant)
    owner: Vec<(usize, usize)>,
    groups: Vec<Vec<String>>,
}

pub static KIND: Kind = Kind {
    doc: KindDoc {
        name: "consistency",
        summary: "two accepted variants of one word in one article",
        what: "For each group of variants (Kiev/Kyiv, percent/per cent), counts the forms used in \
               the article. When more than one is used, every occurrence of the minority form is \
               reported, with a label on the first occurrence of the majority form (on a tie, \
               the form used first wins).",
        why: "Either spelling may be acceptable; both in one article look careless and can make \
              readers think two different things are meant.",
        config: "- id: variants\n  kind: consistency\n  severity: warning\n  variants: [[Kiev, Kyiv], [percent, per cent]]",
        bad: "Kyiv said the talks in Kiev would resume.",
        good: "Kyiv said the talks in Kyiv would resume.",
        fix_safety: "Unsafe: the fix writes the majority form, but the minority one may be inside a quotation or a name.",
    },
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
    let matcher = PhraseSet::new(&patterns, o.ignorecase);
    Ok(Box::new(Consistency {
        matcher,
        owner,
        groups: o.variants,
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
            let majority = *used
                .iter()
                .max_by(|&&a, &&b| {
                    variants[a]
                        .len()
                        .cmp(&variants[b].len())
                        .then(variants[b][0].start.cmp(&variants[a][0].start))
                })
                .unwrap_or(&used[0]);
            let major_form = &self.groups[g][majority];
            let first_major = variants[majority][0].clone();
            for &v in used.iter().filter(|&&v| v != majority) {
                for span in &variants[v] {
                    let found = &text[span.clone()];
                    let replacement = super::match_case(found, major_form);
                    out.push(
                        Diagnostic::new(
                            span.clone(),
                            format!(
                                "'{found}' and '{major_form}' are both used; this article mostly writes '{major_form}'"
                            ),
                        )
                        .with_label(first_major.clone(), format!("'{major_form}' used here"))
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

    #[test]
    fn quotations_keep_their_own_form() {
        let linter = Linter::with_default_rules();
        let text = "Kyiv said so. Kyiv agreed. Kyiv waits.\n\nA blogger wrote:\n\nMerkel should have come to Kiev.\n\n\"Kiev is cold,\" he said.\n";
        let found = linter.lint_text_with_rule(text, None, "style.variants");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn minority_form_is_reported_with_a_label_on_the_majority() {
        let linter = Linter::with_default_rules();
        let text = "Kyiv said so. In Kyiv, talks resumed; Kiev denied it.";
        let ds = linter.lint_text_with_rule(text, None, "style.variants");
        assert_eq!(ds.len(), 1);
        assert_eq!(&text[ds[0].span.clone()], "Kiev");
        assert_eq!(&text[ds[0].labels[0].span.clone()], "Kyiv");
        assert_eq!(ds[0].fixes[0].replacement, "Kyiv");
    }

    #[test]
    fn one_form_only_is_fine_and_words_inside_words_do_not_count() {
        let linter = Linter::with_default_rules();
        assert!(
            linter
                .lint_text_with_rule(
                    "Kiev and Kiev again; percentage points and per cent.",
                    None,
                    "style.variants"
                )
                .is_empty()
        );
    }
}
