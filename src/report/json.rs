//! `json` (one object, streamed) and `jsonl` (one diagnostic per line). The schema is in the README.

use super::{FileResult, Reporter, Summary};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::source::Position;
use serde_json::json;
use std::io::{self, Write};
use std::ops::Range;

pub(super) struct Json {
    lines: bool,
    first: bool,
    /// One diagnostic's JSON, written here first and then to the output in one call (many
    /// small writes through `dyn Write` cost more than the serialising).
    buf: Vec<u8>,
}

impl Json {
    pub(super) fn new(lines: bool) -> Json {
        Json {
            lines,
            first: true,
            buf: Vec::new(),
        }
    }
}

// The JSON objects are written by hand: serde's field-by-field serialising cost ~8,000
// instructions per finding, more than most checks spend finding it. Keys are in alphabetical
// order (the order the output has always had) and the bytes are what serde_json writes
// (compact, its escapes); a test holds the two to the same output.

/// `s` as a JSON string, escaped exactly as serde_json escapes it.
fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    // Nearly every string needs no escape; without an early exit this test vectorises.
    let plain = !bytes.iter().fold(false, |esc, &b| {
        esc | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if plain {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0c => b'f',
            0..=0x1f => 0,
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        from = i + 1;
        if short == 0 {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.push(b'\\');
            out.push(short);
        }
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

fn write_usize(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// `{"column":…,"end":…,"end_column":…,"end_line":…,"line":…,"start":…}`
fn write_span(out: &mut Vec<u8>, r: &Range<usize>, (s, e): (Position, Position)) {
    for (key, n) in [
        (&b"{\"column\":"[..], s.column),
        (b",\"end\":", r.end),
        (b",\"end_column\":", e.column),
        (b",\"end_line\":", e.line),
        (b",\"line\":", s.line),
        (b",\"start\":", r.start),
    ] {
        out.extend_from_slice(key);
        write_usize(out, n);
    }
    out.push(b'}');
}

/// The items of a JSON array, comma-separated, each written by `write_item`.
fn write_list<T>(out: &mut Vec<u8>, items: &[T], mut write_item: impl FnMut(&mut Vec<u8>, &T)) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_item(out, x);
    }
}

/// One diagnostic as a JSON object (no line break).
fn write_diagnostic(out: &mut Vec<u8>, f: &FileResult, d: &Diagnostic) {
    // Most fixes replace the finding's own span: its positions are counted once.
    let own = f.span_positions(&d.span);
    let positions = |r: &Range<usize>| {
        if *r == d.span {
            own
        } else {
            f.span_positions(r)
        }
    };
    // A fix's or a label's last field, and the end of its object.
    let span_and_close = |out: &mut Vec<u8>, r: &Range<usize>| {
        out.extend_from_slice(b",\"span\":");
        write_span(out, r, positions(r));
        out.push(b'}');
    };
    out.extend_from_slice(b"{\"fixes\":[");
    write_list(out, &d.fixes, |out, x| {
        out.extend_from_slice(b"{\"applicability\":");
        out.extend_from_slice(match x.applicability {
            Applicability::Safe => b"\"safe\"",
            Applicability::Unsafe => b"\"unsafe\"",
        });
        out.extend_from_slice(b",\"replacement\":");
        write_str(out, &x.replacement);
        span_and_close(out, &x.span);
    });
    out.extend_from_slice(b"],\"help\":");
    match &d.help {
        Some(h) => write_str(out, h),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"labels\":[");
    write_list(out, &d.labels, |out, l| {
        out.extend_from_slice(b"{\"message\":");
        write_str(out, &l.message);
        span_and_close(out, &l.span);
    });
    out.extend_from_slice(b"],\"message\":");
    write_str(out, &d.message);
    out.extend_from_slice(b",\"notes\":[");
    write_list(out, &d.notes, |out, n| write_str(out, n));
    out.extend_from_slice(b"],\"path\":");
    write_str(out, f.path);
    out.extend_from_slice(b",\"rule\":");
    write_str(out, &d.rule);
    out.extend_from_slice(b",\"severity\":");
    write_str(out, d.severity.as_str());
    out.extend_from_slice(b",\"span\":");
    write_span(out, &d.span, own);
    out.extend_from_slice(b",\"text\":");
    write_str(out, f.text.get(d.span.clone()).unwrap_or(""));
    out.push(b'}');
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        for d in f.diagnostics {
            self.buf.clear();
            if self.lines {
                write_diagnostic(&mut self.buf, f, d);
                self.buf.push(b'\n');
            } else {
                let sep = if self.first {
                    "{\"diagnostics\": [\n"
                } else {
                    ",\n"
                };
                self.first = false;
                self.buf.extend_from_slice(sep.as_bytes());
                write_diagnostic(&mut self.buf, f, d);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LineIndex;

    /// What serde_json writes for the same object: the hand-written writer must match it byte
    /// for byte (the JSON output is a contract other tools parse and diff).
    fn by_serde(f: &FileResult, d: &Diagnostic) -> String {
        let span = |r: &Range<usize>| {
            let (s, e) = (f.position(r.start), f.position(r.end));
            serde_json::json!({"start": r.start, "end": r.end, "line": s.line, "column": s.column,
                "end_line": e.line, "end_column": e.column})
        };
        serde_json::json!({
            "path": f.path, "rule": d.rule, "severity": d.severity.as_str(), "message": d.message,
            "span": span(&d.span), "text": f.text.get(d.span.clone()).unwrap_or(""),
            "labels": d.labels.iter().map(|l| serde_json::json!({"message": l.message, "span": span(&l.span)})).collect::<Vec<_>>(),
            "notes": d.notes, "help": d.help,
            "fixes": d.fixes.iter().map(|x| serde_json::json!({"applicability": x.applicability,
                "replacement": x.replacement, "span": span(&x.span)})).collect::<Vec<_>>(),
        })
        .to_string()
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let text =
            "tab\there \"quoted\" back\\slash\r\nnew é😀 line\u{1}\u{1f}\u{7f}\u{8}\u{c} end";
        let lines = LineIndex::new(text);
        let f = FileResult {
            path: "dir/\"odd\" name\\.md",
            text,
            lines: &lines,
            diagnostics: &[],
        };
        let mut plain = Diagnostic::new(0..3, "plain");
        plain.rule = "style.x".into();
        let odd = "ctl \u{0}\u{1}\u{1f} \" \\ / é 😀 \t \u{7f}\u{8}\u{c}\u{2028}";
        let mut full = Diagnostic::new(5..30, odd)
            .with_label(30..text.len(), odd)
            .with_label(0..0, "")
            .with_note(odd)
            .with_note("second")
            .with_help(odd)
            .with_fix(5..9, odd, Applicability::Safe)
            .with_fix(10..10, "", Applicability::Unsafe);
        full.rule = "names.y".into();
        full.severity = crate::diagnostic::Severity::Error;
        let mut inside_char = Diagnostic::new(text.find('é').unwrap() + 1..text.len() + 5, "x");
        inside_char.severity = crate::diagnostic::Severity::Info;
        for d in [plain, full, inside_char] {
            let mut out = Vec::new();
            write_diagnostic(&mut out, &f, &d);
            assert_eq!(String::from_utf8(out).unwrap(), by_serde(&f, &d));
        }
    }
}
