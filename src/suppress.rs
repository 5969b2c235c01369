//! Suppression comments and per-article acceptances.
//!
//! Markdown: `<!-- factlint-disable RULE... -->` … `<!-- factlint-enable RULE... -->`,
//! `<!-- factlint-disable-next-line RULE... -->`. Plain text: the same directives on a line of
//! their own after `#` or `//`. With no RULE, every rule is meant. RULE is a full id
//! (`style.repetition`) or a set name (`style`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::source::LineIndex;
use std::ops::Range;

#[derive(Debug, Clone)]
struct Region {
    rules: Vec<String>,
    range: Range<usize>,
}

pub const UNKNOWN_RULE_ID: &str = "factlint.unknown-suppression";

/// Removes suppressed diagnostics; reports directives that name no loaded rule.
pub fn apply(doc: &Document, known_rules: &[&str], diagnostics: &mut Vec<Diagnostic>) {
    let mut regions: Vec<Region> = Vec::new();
    let mut open: Vec<(Vec<String>, usize)> = Vec::new();
    let lines = LineIndex::new(&doc.text);
    let mut problems = Vec::new();
    for c in &doc.comments {
        let mut words = c
            .body
            .split(|ch: char| ch.is_whitespace() || ch == ',')
            .filter(|w| !w.is_empty());
        let Some(directive) = words.next() else {
            continue;
        };
        let rules: Vec<String> = words.map(str::to_string).collect();
        for r in &rules {
            let known = known_rules.iter().any(|k| {
                k == r
                    || k.strip_prefix(r.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            });
            if !known {
                problems.push(
                    Diagnostic::new(
                        c.range.clone(),
                        format!("suppression names unknown rule `{r}`"),
                    )
                    .with_help("run `factlint rules` for the loaded rule ids"),
                );
            }
        }
        match directive {
            "factlint-disable" => open.push((rules, c.range.end)),
            "factlint-enable" => {
                // Close the matching open regions (all of them when no rule is named).
                let mut still = Vec::new();
                for (r, start) in open.drain(..) {
                    if rules.is_empty() || r == rules || r.iter().all(|x| rules.contains(x)) {
                        regions.push(Region {
                            rules: r,
                            range: start..c.range.start,
                        });
                    } else {
                        still.push((r, start));
                    }
                }
                open = still;
            }
            "factlint-disable-next-line" | "factlint-disable-line" => {
                let line = lines.line_of(c.range.end);
                let starts = lines.line_starts();
                let target = if directive == "factlint-disable-line" {
                    line
                } else {
                    next_nonblank_line(&doc.text, starts, line + 1)
                };
                if let Some(&s) = starts.get(target) {
                    let e = starts.get(target + 1).copied().unwrap_or(doc.text.len());
                    regions.push(Region { rules, range: s..e });
                }
            }
            d if d.starts_with("factlint-") => problems.push(
                Diagnostic::new(c.range.clone(), format!("unknown directive `{d}`")).with_help(
                    "use factlint-disable, factlint-enable or factlint-disable-next-line",
                ),
            ),
            _ => {}
        }
    }
    for (rules, start) in open {
        regions.push(Region {
            rules,
            range: start..doc.text.len(),
        });
    }
    let accepted: Vec<String> = doc
        .front_matter
        .accept
        .iter()
        .map(|a| a.to_lowercase())
        .collect();
    diagnostics.retain(|d| {
        let suppressed = regions.iter().any(|r| {
            r.range.start <= d.span.start
                && d.span.start < r.range.end
                && (r.rules.is_empty() || r.rules.iter().any(|x| rule_matches(x, &d.rule)))
        });
        let text = doc.text.get(d.span.clone()).unwrap_or("").to_lowercase();
        let is_accepted = !text.is_empty()
            && accepted
                .iter()
                .any(|a| text == *a || text.split_whitespace().any(|w| w == a));
        !suppressed && !is_accepted
    });
    for mut p in problems {
        p.rule = UNKNOWN_RULE_ID.to_string();
        p.severity = Severity::Warning;
        diagnostics.push(p);
    }
}

fn rule_matches(pattern: &str, rule: &str) -> bool {
    rule == pattern
        || rule
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('.'))
}

fn next_nonblank_line(text: &str, starts: &[usize], mut line: usize) -> usize {
    while let Some(&s) = starts.get(line) {
        let e = starts.get(line + 1).copied().unwrap_or(text.len());
        if !text[s..e].trim().is_empty() {
            break;
        }
        line += 1;
    }
    line
}
