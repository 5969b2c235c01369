//! `json` (one object, streamed) and `jsonl` (one diagnostic per line). The schema is in the README.

use super::{FileResult, Reporter, Summary};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Serialize;
use serde_json::json;
use std::io::{self, Write};
use std::ops::Range;

pub struct Json {
    lines: bool,
    first: bool,
    /// One diagnostic's JSON, written here first and then to the output in one call (many
    /// small writes through `dyn Write` cost more than the serialising).
    buf: Vec<u8>,
}

impl Json {
    pub fn new(lines: bool) -> Json {
        Json {
            lines,
            first: true,
            buf: Vec::new(),
        }
    }
}

// The JSON objects, written straight from these structs (no `serde_json::Value` maps built per
// diagnostic). Fields are in alphabetical order: the order the output has always had.

#[derive(Serialize)]
struct SpanOut {
    column: usize,
    end: usize,
    end_column: usize,
    end_line: usize,
    line: usize,
    start: usize,
}

#[derive(Serialize)]
struct LabelOut<'a> {
    message: &'a str,
    span: SpanOut,
}

#[derive(Serialize)]
struct FixOut<'a> {
    applicability: Applicability,
    replacement: &'a str,
    span: SpanOut,
}

#[derive(Serialize)]
struct DiagnosticOut<'a> {
    fixes: Vec<FixOut<'a>>,
    help: &'a Option<String>,
    labels: Vec<LabelOut<'a>>,
    message: &'a str,
    notes: &'a [String],
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    span: SpanOut,
    text: &'a str,
}

fn span_out(f: &FileResult, r: &Range<usize>) -> SpanOut {
    let s = f.position(r.start);
    let e = f.position(r.end);
    SpanOut {
        start: r.start,
        end: r.end,
        line: s.line,
        column: s.column,
        end_line: e.line,
        end_column: e.column,
    }
}

fn diagnostic_out<'a>(f: &FileResult<'a>, d: &'a Diagnostic) -> DiagnosticOut<'a> {
    DiagnosticOut {
        path: f.path,
        rule: &d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        span: span_out(f, &d.span),
        text: f.text.get(d.span.clone()).unwrap_or(""),
        labels: d
            .labels
            .iter()
            .map(|l| LabelOut {
                span: span_out(f, &l.span),
                message: &l.message,
            })
            .collect(),
        notes: &d.notes,
        help: &d.help,
        fixes: d
            .fixes
            .iter()
            .map(|x| FixOut {
                replacement: &x.replacement,
                span: span_out(f, &x.span),
                applicability: x.applicability,
            })
            .collect(),
    }
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        for d in f.diagnostics {
            let v = diagnostic_out(f, d);
            self.buf.clear();
            if self.lines {
                serde_json::to_writer(&mut self.buf, &v)?;
                self.buf.push(b'\n');
            } else {
                let sep = if self.first {
                    "{\"diagnostics\": [\n"
                } else {
                    ",\n"
                };
                self.first = false;
                self.buf.extend_from_slice(sep.as_bytes());
                serde_json::to_writer(&mut self.buf, &v)?;
            }
            out.write_all(&self.buf)?;
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
