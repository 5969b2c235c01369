use super::{FileResult, Options, Reporter, Summary};
use codespan_reporting::term::termcolor::{Ansi, Color, ColorSpec, WriteColor};
use std::io::{self, Write};

/// `path:line:col: severity[rule]: message`, one finding per line, then the summary line
/// (unless quiet). With colour (on a terminal): the location bold, the severity in its colour.
pub(super) struct Short {
    color: bool,
    quiet: bool,
}

impl Short {
    pub(super) fn new(o: Options) -> Short {
        Short {
            color: o.color,
            quiet: o.quiet,
        }
    }
}

/// Writes `text` in `spec` when colouring, else plain.
fn paint(out: &mut dyn Write, color: bool, spec: &ColorSpec, text: &str) -> io::Result<()> {
    if !color {
        return out.write_all(text.as_bytes());
    }
    let mut ansi = Ansi::new(out);
    ansi.set_color(spec)?;
    ansi.write_all(text.as_bytes())?;
    ansi.reset()
}

impl Reporter for Short {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        let mut bold = ColorSpec::new();
        bold.set_bold(true);
        for d in f.diagnostics {
            let p = f.position(d.span.start);
            let hue = match d.severity {
                crate::diagnostic::Severity::Error => Color::Red,
                crate::diagnostic::Severity::Warning => Color::Yellow,
                crate::diagnostic::Severity::Info => Color::Green,
            };
            let mut severity = ColorSpec::new();
            severity.set_fg(Some(hue)).set_bold(true);
            let location = format!("{}:{}:{}:", f.path, p.line, p.column);
            paint(out, self.color, &bold, &location)?;
            write!(out, " ")?;
            paint(out, self.color, &severity, d.severity.as_str())?;
            writeln!(out, "[{}]: {}", d.rule, d.message)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        match super::summary_line(s) {
            Some(line) if !self.quiet => writeln!(out, "{line}"),
            _ => Ok(()),
        }
    }
}
