//! rustc-style output through codespan-reporting.

use super::{FileResult, Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};
use std::io::{self, Write};

pub struct Human {
    color: bool,
}

impl Human {
    pub fn new(color: bool) -> Human {
        Human { color }
    }
}

pub fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<()> {
    to_codespan_shifted(d, 0)
}

/// Like [`to_codespan`], with every span moved `shift` bytes left (to drop a leading BOM, which
/// codespan would otherwise count as a column).
fn to_codespan_shifted(d: &Diagnostic, shift: usize) -> cs::Diagnostic<()> {
    let at =
        |r: &std::ops::Range<usize>| r.start.saturating_sub(shift)..r.end.saturating_sub(shift);
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    };
    let mut labels = vec![
        cs::Label::primary((), at(&d.span))
            .with_message(d.primary_label.clone().unwrap_or_default()),
    ];
    labels.extend(
        d.labels
            .iter()
            .map(|l| cs::Label::secondary((), at(&l.span)).with_message(l.message.clone())),
    );
    let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    cs::Diagnostic::new(severity)
        .with_code(d.rule.clone())
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        if f.diagnostics.is_empty() {
            return Ok(());
        }
        // A BOM is invisible in editors: leave it out of the snippet and the columns.
        let (text, shift) = match f.text.strip_prefix('\u{feff}') {
            Some(rest) => (rest, 3),
            None => (f.text, 0),
        };
        let file = SimpleFile::new(f.path, text);
        let config = term::Config::default();
        let mut buffer = if self.color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        for d in f.diagnostics {
            term::emit_to_write_style(&mut buffer, &config, &file, &to_codespan_shifted(d, shift))
                .map_err(io::Error::other)?;
        }
        out.write_all(buffer.as_slice())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let total = s.errors + s.warnings + s.infos;
        if total == 0 {
            return Ok(());
        }
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "factlint: {} ({}, {}, {}) in {}",
            plural(total, "finding"),
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.infos, "info"),
            plural(s.files, "file")
        )
    }
}
