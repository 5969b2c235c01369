//! What the fuzz targets check, shared with `tests/fuzz_regressions.rs` so that a saved input
//! replays through exactly the same code in `cargo test`. Each function panics when a property
//! fails.
//!
//! - [`lint`]: bytes decoded as a file would be, linted as Markdown and as plain text with every
//!   built-in rule on, rendered by every reporter; every span is sound.
//! - [`ruleset`]: bytes loaded as a rule set; an error is located and renders; loaded rules
//!   lint a sample article and their own examples.
//! - [`fix`]: fixes computed and applied with the library's fix API: a fix changes no byte
//!   outside its span, the result is UTF-8, re-linting does not report an applied fix again, and
//!   once the passes settle no safe fix is left and fixing again changes nothing.

#![allow(dead_code)]

use factlint::Linter;
use factlint::diagnostic::{Applicability, Diagnostic};
use factlint::document::{Document, Format};
use factlint::fix as fixes;
use factlint::report::{self, FileResult, Summary};
use factlint::ruleset as rulesets;
use factlint::source::{self, LineIndex};
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

const FORMATS: &[report::Format] = &[
    report::Format::Human,
    report::Format::Short,
    report::Format::Json,
    report::Format::Sarif,
    report::Format::Rdjson,
    report::Format::Github,
    report::Format::Checkstyle,
];

/// Target `lint`.
pub fn lint(data: &[u8]) {
    let Ok(decoded) = source::decode(data.to_vec()) else {
        return; // invalid UTF-8 and binary files are refused, which is tested elsewhere
    };
    let linter = all_rules_linter();
    let date = date_for(data);
    for (name, format) in [("fuzz.md", Format::Markdown), ("fuzz.txt", Format::Plain)] {
        let doc = Document::parse(name, decoded.text.clone(), format);
        assert_eq!(doc.prose.len(), doc.text.len(), "prose view changed length");
        for b in &doc.blocks {
            assert!(b.range.start <= b.range.end && b.range.end <= doc.text.len());
        }
        let diags = linter.lint(&doc, date);
        assert_spans_sound(&doc.text, &diags);
        let lines = LineIndex::new(&doc.text);
        let file = FileResult {
            path: name,
            text: &doc.text,
            lines: &lines,
            diagnostics: &diags,
        };
        for d in &diags {
            let p = file.position(d.span.start);
            assert!(p.line >= 1 && p.column >= 1);
        }
        // The human format both fitted to a terminal and with whole lines.
        let fitted = report::Options {
            width: Some(60),
            ..report::Options::default()
        };
        for (&f, options) in FORMATS
            .iter()
            .map(|f| (f, report::Options::default()))
            .chain([(&report::Format::Human, fitted)])
        {
            let mut out = Vec::new();
            let mut r = report::reporter(f, &options, &linter.rules);
            r.file(&mut out, &file).unwrap();
            r.finish(&mut out, &Summary::default()).unwrap();
        }
    }
}

const SAMPLE: &str = "---\ndate: 2019-11-09\n---\n# Kiev talks\n\nThe the OAS said on Monday, \
November 4, that 45-year-old Evo Morales, who won a fourth term, met the Organization of \
American States (OAS) in Kiev, Kyiv and La Paz. About 1,100 people marched “against and against” it \
two weeks ago.\n\n- per cent, percent\n";

/// Target `ruleset`.
pub fn ruleset(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return; // `load_path` refuses non-UTF-8 before parsing
    };
    match rulesets::parse("fuzz.yml", text) {
        Err(e) => {
            if let Some(offset) = e.offset {
                assert!(offset <= text.len(), "error offset {offset} past the end");
            }
            let _ = e.line_col();
            let _ = report::render_load_error(&e);
        }
        Ok(mut rules) => {
            for r in &mut rules {
                r.enabled = true;
            }
            let linter = Linter::new(rules);
            let diags = linter.lint_text(SAMPLE, None);
            for d in &diags {
                assert!(d.span.end <= SAMPLE.len() && SAMPLE.is_char_boundary(d.span.start));
            }
            for r in &linter.rules {
                for ex in r.examples.bad.iter().chain(&r.examples.good) {
                    let _ = linter.lint_text_with_rule(ex, None, &r.id);
                }
            }
        }
    }
}

fn lint_as(text: &str, format: Format, date: Option<jiff::civil::Date>) -> Vec<Diagnostic> {
    let name = if format == Format::Markdown {
        "f.md"
    } else {
        "f.txt"
    };
    let doc = Document::parse(name, text.to_string(), format);
    default_linter().lint(&doc, date)
}

/// Target `fix`.
pub fn fix(data: &[u8]) {
    let Ok(decoded) = source::decode(data.to_vec()) else {
        return;
    };
    let text = decoded.text;
    let date = date_for(data);
    let format = if data.last().is_some_and(|b| b & 1 == 1) {
        Format::Plain
    } else {
        Format::Markdown
    };
    let unsafe_fixes = data.get(1).is_some_and(|b| b & 1 == 1);
    let diags = lint_as(&text, format, date);
    assert_spans_sound(&text, &diags);

    // One pass, checked edit by edit.
    let plan = fixes::plan(&text, &diags, unsafe_fixes);
    for e in &plan.edits {
        let alone = fixes::apply(&text, std::slice::from_ref(e));
        let tail = text.len() - e.span.end;
        assert_eq!(
            alone.as_bytes()[..e.span.start],
            text.as_bytes()[..e.span.start]
        );
        assert_eq!(
            alone.as_bytes()[alone.len() - tail..],
            text.as_bytes()[e.span.end..]
        );
        assert_eq!(&alone[e.span.start..alone.len() - tail], e.replacement);
    }
    let fixed = fixes::apply(&text, &plan.edits);
    assert!(std::str::from_utf8(fixed.as_bytes()).is_ok());
    // Bytes between edits are kept, in order.
    let (mut at_old, mut at_new) = (0, 0);
    for e in &plan.edits {
        let keep = e.span.start - at_old;
        assert_eq!(
            fixed.as_bytes()[at_new..at_new + keep],
            text.as_bytes()[at_old..e.span.start]
        );
        at_new += keep + e.replacement.len();
        at_old = e.span.end;
    }
    assert_eq!(fixed.as_bytes()[at_new..], text.as_bytes()[at_old..]);

    // Where each edit landed in the new text.
    let mut landed = Vec::new();
    let mut delta: isize = 0;
    for e in &plan.edits {
        let start = (e.span.start as isize + delta) as usize;
        landed.push((e, start..start + e.replacement.len()));
        delta += e.replacement.len() as isize - e.span.len() as isize;
    }
    let again = lint_as(&fixed, format, date);
    assert_spans_sound(&fixed, &again);
    for d in &again {
        for f in &d.fixes {
            if f.applicability == Applicability::Unsafe && !unsafe_fixes {
                continue;
            }
            for (e, span) in &landed {
                assert!(
                    !(d.rule == e.rule && f.span == *span && f.replacement == e.replacement),
                    "{} reports its own fix again at {span:?}: {:?}",
                    e.rule,
                    e.replacement
                );
            }
        }
    }

    // All passes.
    let outcome = fixes::fix_text(&text, diags, unsafe_fixes, |t| lint_as(t, format, date));
    assert!(std::str::from_utf8(outcome.text.as_bytes()).is_ok());
    if outcome.converged {
        let remaining = lint_as(&outcome.text, format, date);
        assert_eq!(
            remaining, outcome.remaining,
            "linting the same text twice differs"
        );
        let left = fixes::plan(&outcome.text, &remaining, unsafe_fixes);
        assert!(
            left.edits.is_empty(),
            "safe fixes left after settling: {:?}",
            left.edits
        );
        let twice = fixes::fix_text(&outcome.text, remaining, unsafe_fixes, |t| {
            lint_as(t, format, date)
        });
        assert_eq!(twice.applied, 0);
        assert_eq!(twice.text, outcome.text);
    }
}
