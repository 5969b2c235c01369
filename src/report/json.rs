//! `json` (one object, streamed) and `jsonl` (one diagnostic per line). The schema is in the README.

use super::{FileResult, Reporter, Summary};
use serde_json::{Value, json};
use std::io::{self, Write};
use std::ops::Range;

pub struct Json {
    lines: bool,
    first: bool,
}

impl Json {
    pub fn new(lines: bool) -> Json {
        Json { lines, first: true }
    }
}

pub fn span(f: &FileResult, r: &Range<usize>) -> Value {
    let s = f.position(r.start);
    let e = f.position(r.end);
    json!({
        "start": r.start, "end": r.end,
        "line": s.line, "column": s.column,
        "end_line": e.line, "end_column": e.column,
    })
}

pub fn diagnostic(f: &FileResult, d: &crate::diagnostic::Diagnostic) -> Value {
    json!({
        "path": f.path,
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message,
        "span": span(f, &d.span),
        "text": f.text.get(d.span.clone()).unwrap_or(""),
        "labels": d.labels.iter().map(|l| json!({"span": span(f, &l.span), "message": l.message})).collect::<Vec<_>>(),
        "notes": d.notes,
        "help": d.help,
        "fixes": d.fixes.iter().map(|x| json!({
            "replacement": x.replacement,
            "span": span(f, &x.span),
            "applicability": x.applicability,
        })).collect::<Vec<_>>(),
    })
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        for d in f.diagnostics {
            let v = diagnostic(f, d);
            if self.lines {
                writeln!(out, "{v}")?;
            } else {
                let sep = if self.first {
                    "{\"diagnostics\": [\n"
                } else {
                    ",\n"
                };
                self.first = false;
                write!(out, "{sep}{v}")?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        if self.lines {
            return Ok(());
        }
        let head = if self.first {
            "{\"diagnostics\": ["
        } else {
            "\n"
        };
        let summary = json!({"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos, "failed_files": s.failed_files});
        writeln!(out, "{head}],\n\"summary\": {summary}}}")
    }
}
