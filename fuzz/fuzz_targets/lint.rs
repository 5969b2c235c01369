//! (a) Arbitrary bytes, decoded as a file would be, linted as Markdown and as plain text with
//! the built-in rules (all of them switched on), then rendered by every reporter.
//! Must never panic; every span must be sound.

#![no_main]

#[path = "common.rs"]
mod common;

use factlint::document::{Document, Format};
use factlint::report::{self, FileResult, Summary};
use factlint::source::{self, LineIndex};
use libfuzzer_sys::fuzz_target;

const FORMATS: &[report::Format] = &[
    report::Format::Human,
    report::Format::Short,
    report::Format::Json,
    report::Format::Sarif,
    report::Format::Rdjson,
    report::Format::Github,
    report::Format::Checkstyle,
];

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = source::decode(data.to_vec()) else {
        return; // invalid UTF-8 and binary files are refused, which is tested elsewhere
    };
    let linter = common::all_rules_linter();
    let date = common::date_for(data);
    for (name, format) in [("fuzz.md", Format::Markdown), ("fuzz.txt", Format::Plain)] {
        let doc = Document::parse(name, decoded.text.clone(), format);
        assert_eq!(doc.prose.len(), doc.text.len(), "prose view changed length");
        for b in &doc.blocks {
            assert!(b.range.start <= b.range.end && b.range.end <= doc.text.len());
        }
        let diags = linter.lint(&doc, date);
        common::assert_spans_sound(&doc.text, &diags);
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
        for &f in FORMATS {
            let mut out = Vec::new();
            let mut r = report::reporter(f, &report::Options { color: false }, &linter.rules);
            r.file(&mut out, &file).unwrap();
            r.finish(&mut out, &Summary::default()).unwrap();
        }
    }
});
