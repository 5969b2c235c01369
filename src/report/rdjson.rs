//! reviewdog's Diagnostic Format: `rdjson` (one `DiagnosticResult` object) and `rdjsonl` (one
//! `Diagnostic` per line). Columns are UTF-8 byte counts, 1-based, end exclusive, as reviewdog
//! expects; each fix becomes a suggestion, each secondary label a related location.
//!
//! `reviewdog -f=rdjson` (or `-f=rdjsonl`) reads it; `-reporter=github-pr-review` turns
//! suggestions into "suggested changes" on the pull request.

use super::{FileResult, Reporter, Summary};
use crate::diagnostic::Severity;
use serde_json::{Value, json};
use std::io::{self, Write};
use std::ops::Range;

pub(super) struct Rdjson {
    lines: bool,
    first: bool,
}

impl Rdjson {
    pub(super) fn new(lines: bool) -> Rdjson {
        Rdjson { lines, first: true }
    }
}

fn range(f: &FileResult, r: &Range<usize>) -> Value {
    let s = f.position(r.start);
    let e = f.position(r.end);
    json!({
        "start": {"line": s.line, "column": s.column_byte},
        "end": {"line": e.line, "column": e.column_byte},
    })
}

pub(super) fn diagnostic(f: &FileResult, d: &crate::diagnostic::Diagnostic) -> Value {
    let severity = match d.severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    };
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push_str(&format!(" (help: {h})"));
    }
    let mut v = json!({
        "message": message,
        "location": {"path": f.path, "range": range(f, &d.span)},
        "severity": severity,
        "source": {"name": "factlint"},
        "code": {"value": d.rule},
    });
    if !d.fixes.is_empty() {
        v["suggestions"] = d
            .fixes
            .iter()
            .map(|x| json!({"range": range(f, &x.span), "text": x.replacement}))
            .collect();
    }
    if !d.labels.is_empty() {
        v["related_locations"] = d
            .labels
            .iter()
            .map(|l| {
                json!({"message": l.message, "location": {"path": f.path, "range": range(f, &l.span)}})
            })
            .collect();
    }
    v
}

impl Reporter for Rdjson {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        for d in f.diagnostics {
            let v = diagnostic(f, d);
            if self.lines {
                writeln!(out, "{v}")?;
            } else {
                let sep = if self.first {
                    "{\"source\": {\"name\": \"factlint\"}, \"diagnostics\": [\n"
                } else {
                    ",\n"
                };
                self.first = false;
                write!(out, "{sep}{v}")?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        if self.lines {
            return Ok(());
        }
        if self.first {
            writeln!(
                out,
                "{{\"source\": {{\"name\": \"factlint\"}}, \"diagnostics\": []}}"
            )
        } else {
            writeln!(out, "\n]}}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Format;
    use super::super::tests::{render, text};
    use serde_json::Value;

    #[test]
    fn byte_columns_and_suggestions() {
        for bom in [false, true] {
            let out = render(Format::Rdjson, bom);
            let v: Value = serde_json::from_str(&out).unwrap();
            let d = &v["diagnostics"][0];
            assert_eq!(d["location"]["path"], "dir with space/café.md");
            assert_eq!(
                d["location"]["range"]["start"],
                serde_json::json!({"line": 2, "column": 19})
            );
            assert_eq!(d["location"]["range"]["end"]["column"], 26);
            assert_eq!(d["suggestions"][0]["range"]["start"]["column"], 22);
            assert_eq!(d["suggestions"][0]["text"], "");
            assert_eq!(d["severity"], "WARNING");
            assert_eq!(d["code"]["value"], "style.repetition");
            // The label on line 1 counts the BOM's three bytes.
            let col = &d["related_locations"][0]["location"]["range"]["start"]["column"];
            assert_eq!(*col, if bom { 4 } else { 1 });
            // The byte column indexes the line as stored.
            let t = text(bom);
            let line2 = t.split("\r\n").nth(1).unwrap();
            assert_eq!(&line2[18..25], "the the");
        }
        let lines = render(Format::Rdjsonl, false);
        assert_eq!(lines.lines().count(), 2);
        for l in lines.lines() {
            let v: Value = serde_json::from_str(l).unwrap();
            assert!(v["location"]["range"]["start"]["column"].is_u64());
        }
    }
}
