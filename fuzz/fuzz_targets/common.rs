//! Shared by the fuzz targets: the linters (built once per process) and the span checks.

#![allow(dead_code)]

use factlint::Linter;
use factlint::diagnostic::Diagnostic;
use std::sync::OnceLock;

/// The built-in rules as shipped (rules switched off stay off).
pub fn default_linter() -> &'static Linter {
    static L: OnceLock<Linter> = OnceLock::new();
    L.get_or_init(Linter::with_default_rules)
}

/// The built-in rules with every rule switched on, to reach the code of the optional ones too.
pub fn all_rules_linter() -> &'static Linter {
    static L: OnceLock<Linter> = OnceLock::new();
    L.get_or_init(|| {
        let mut rules = factlint::ruleset::load_builtin();
        for r in &mut rules {
            r.enabled = true;
        }
        Linter::new(rules)
    })
}

/// Every span of every diagnostic lies inside `text` and on character boundaries.
pub fn assert_spans_sound(text: &str, diags: &[Diagnostic]) {
    for d in diags {
        let spans = std::iter::once(&d.span)
            .chain(d.labels.iter().map(|l| &l.span))
            .chain(d.fixes.iter().map(|f| &f.span));
        for s in spans {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{}: span {s:?} outside the text (len {})",
                d.rule,
                text.len()
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{}: span {s:?} splits a character",
                d.rule
            );
        }
    }
}

/// A publication date chosen by the input itself, so both dated and undated paths are fuzzed.
pub fn date_for(data: &[u8]) -> Option<jiff::civil::Date> {
    match data.first().map(|b| b % 3) {
        Some(0) => None,
        Some(1) => Some(jiff::civil::date(2019, 11, 9)),
        _ => Some(jiff::civil::date(2024, 2, 29)),
    }
}
