//! (c) Fixes on arbitrary bytes with the built-in rules as shipped:
//! - every fix span is sound, and applying a fix changes no byte outside its span;
//! - the fixed text is valid UTF-8;
//! - after a pass, re-linting does not report an applied fix again (the same rule offering the
//!   same replacement at the same place: the fix did not fix what the rule complains about);
//! - when the passes settle, the result has no safe fix left and fixing it again is a no-op.

#![no_main]

#[path = "common.rs"]
mod common;

use factlint::diagnostic::{Applicability, Diagnostic};
use factlint::document::{Document, Format};
use factlint::fix;
use factlint::source;
use libfuzzer_sys::fuzz_target;

fn lint(text: &str, format: Format, date: Option<jiff::civil::Date>) -> Vec<Diagnostic> {
    let name = if format == Format::Markdown {
        "f.md"
    } else {
        "f.txt"
    };
    let doc = Document::parse(name, text.to_string(), format);
    common::default_linter().lint(&doc, date)
}

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = source::decode(data.to_vec()) else {
        return;
    };
    let text = decoded.text;
    let date = common::date_for(data);
    let format = if data.last().is_some_and(|b| b & 1 == 1) {
        Format::Plain
    } else {
        Format::Markdown
    };
    let unsafe_fixes = data.get(1).is_some_and(|b| b & 1 == 1);
    let diags = lint(&text, format, date);
    common::assert_spans_sound(&text, &diags);

    // One pass, checked edit by edit.
    let plan = fix::plan(&text, &diags, unsafe_fixes);
    for e in &plan.edits {
        let alone = fix::apply(&text, std::slice::from_ref(e));
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
    let fixed = fix::apply(&text, &plan.edits);
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
    let again = lint(&fixed, format, date);
    common::assert_spans_sound(&fixed, &again);
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
    let outcome = fix::fix_text(&text, diags, unsafe_fixes, |t| lint(t, format, date));
    assert!(std::str::from_utf8(outcome.text.as_bytes()).is_ok());
    if outcome.converged {
        let remaining = lint(&outcome.text, format, date);
        let left = fix::plan(&outcome.text, &remaining, unsafe_fixes);
        assert!(
            left.edits.is_empty(),
            "safe fixes left after settling: {:?}",
            left.edits
        );
        let twice = fix::fix_text(&outcome.text, remaining, unsafe_fixes, |t| {
            lint(t, format, date)
        });
        assert_eq!(twice.applied, 0);
        assert_eq!(twice.text, outcome.text);
    }
});
