//! rustc-style output through codespan-reporting.

use super::{FileResult, Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{LineIndex, ceil_char_boundary, floor_char_boundary};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor};
use std::io::{self, Write};
use std::ops::Range;

/// Lines longer than this (bytes) are shown as a window around each label, not whole: an
/// article pasted as one line with thousands of findings would otherwise print the whole line
/// once per finding (quadratic output).
const LONG_LINE: usize = 1000;
/// Bytes of context kept on each side of a label in a window.
const CONTEXT: usize = 80;

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
        let lines = LineIndex::new(text);
        let file = Whole {
            name: f.path,
            text,
            lines: &lines,
        };
        let config = term::Config::default();
        let mut buffer = if self.color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        for d in f.diagnostics {
            let d = to_codespan_shifted(d, shift);
            let spans: Vec<Range<usize>> = d.labels.iter().map(|l| l.range.clone()).collect();
            let result = if spans.iter().all(|r| !file.touches_long_line(r)) {
                term::emit_to_write_style(&mut buffer, &config, &file, &d)
            } else {
                let (excerpt, spans) = Excerpt::new(&file, &spans);
                let mut d = d;
                for (label, span) in d.labels.iter_mut().zip(spans) {
                    label.range = span;
                }
                term::emit_to_write_style(&mut buffer, &config, &excerpt, &d)
            };
            result.map_err(io::Error::other)?;
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

/// The whole text, with factlint's own line breaks (a lone CR ends a line, as in every other
/// format; codespan's `SimpleFile` knows only LF).
struct Whole<'a> {
    name: &'a str,
    text: &'a str,
    lines: &'a LineIndex,
}

impl Whole<'_> {
    fn line_range(&self, line: usize) -> Range<usize> {
        let starts = self.lines.line_starts();
        starts[line]..starts.get(line + 1).copied().unwrap_or(self.text.len())
    }

    /// Does the span start, end or run through a line longer than [`LONG_LINE`]?
    fn touches_long_line(&self, span: &Range<usize>) -> bool {
        let first = self.lines.line_of(span.start.min(self.text.len()));
        let last = self.lines.line_of(span.end.min(self.text.len()));
        (first..=last).any(|l| self.line_range(l).len() > LONG_LINE)
    }
}

impl<'a> Files<'a> for Whole<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self.lines.line_of(byte_index.min(self.text.len())))
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        if line_index >= self.lines.line_starts().len() {
            return Err(files::Error::LineTooLarge {
                given: line_index,
                max: self.lines.line_starts().len() - 1,
            });
        }
        // codespan trims a trailing LF or CRLF when it prints a line, but not a lone CR, which
        // would send the terminal's cursor back to the start of the line.
        let range = Whole::line_range(self, line_index);
        let end = match self.text[range.clone()].strip_suffix('\r') {
            Some(content) => range.start + content.len(),
            None => range.end,
        };
        Ok(range.start..end)
    }
}

/// One snippet line of an [`Excerpt`]: a window of a real line.
struct Window {
    /// 0-based real line.
    line: usize,
    /// The window in the real text.
    real_start: usize,
    real_end: usize,
    /// Where its text starts in the excerpt (after a leading "…").
    start: usize,
    /// The snippet line in the excerpt, with its "…" marks and line break.
    range: Range<usize>,
}

/// Windows of long lines around one diagnostic's labels, shown in place of the whole lines,
/// with the real line and column numbers.
struct Excerpt<'a> {
    whole: &'a Whole<'a>,
    text: String,
    windows: Vec<Window>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt for `spans` (in the whole text), and the spans moved into it. A span that
    /// crosses a line break is cut at the end of its first line.
    fn new(whole: &'a Whole<'a>, spans: &[Range<usize>]) -> (Excerpt<'a>, Vec<Range<usize>>) {
        let text = whole.text;
        // (line, window) for each span, then merged per line.
        let clipped: Vec<(usize, Range<usize>)> = spans
            .iter()
            .map(|r| {
                let start = floor_char_boundary(text, r.start.min(text.len()));
                let line = whole.lines.line_of(start);
                let lr = whole.line_range(line);
                let content_end = lr.start + text[lr.clone()].trim_end_matches(['\n', '\r']).len();
                let end = floor_char_boundary(text, r.end.clamp(start, content_end.max(start)));
                (line, start..end)
            })
            .collect();
        let mut wanted: Vec<(usize, Range<usize>)> = clipped
            .iter()
            .map(|(line, r)| {
                let lr = whole.line_range(*line);
                let content_end = lr.start + text[lr.clone()].trim_end_matches(['\n', '\r']).len();
                let w = if lr.len() <= LONG_LINE {
                    lr.start..content_end
                } else {
                    floor_char_boundary(text, r.start.saturating_sub(CONTEXT).max(lr.start))
                        ..ceil_char_boundary(text, (r.end + CONTEXT).min(content_end))
                };
                (*line, w.start..w.end.max(r.end))
            })
            .collect();
        wanted.sort_by_key(|(line, w)| (*line, w.start));
        let mut merged: Vec<(usize, Range<usize>)> = Vec::new();
        for (line, w) in wanted {
            match merged.last_mut() {
                Some((l, m)) if *l == line && w.start <= m.end => m.end = m.end.max(w.end),
                _ => merged.push((line, w)),
            }
        }
        let mut out = String::new();
        let mut windows = Vec::new();
        for (line, w) in merged {
            let lr = whole.line_range(line);
            let content_end = lr.start + text[lr.clone()].trim_end_matches(['\n', '\r']).len();
            let begin = out.len();
            if w.start > lr.start {
                out.push('…');
            }
            let start = out.len();
            out.push_str(&text[w.clone()]);
            if w.end < content_end {
                out.push('…');
            }
            out.push('\n');
            windows.push(Window {
                line,
                real_start: w.start,
                real_end: w.end,
                start,
                range: begin..out.len(),
            });
        }
        let moved = clipped
            .iter()
            .map(|(line, r)| {
                let win = windows
                    .iter()
                    .find(|w| w.line == *line && w.real_start <= r.start && r.end <= w.real_end)
                    .expect("every span lies in a window");
                let at = win.start + (r.start - win.real_start);
                at..at + r.len()
            })
            .collect();
        (
            Excerpt {
                whole,
                text: out,
                windows,
            },
            moved,
        )
    }
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.whole.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self
            .windows
            .partition_point(|w| w.range.start <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.windows.get(line_index).map_or(0, |w| w.line) + 1)
    }

    /// The real column, counted in the whole text.
    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let w = self
            .windows
            .get(line_index)
            .ok_or(files::Error::LineTooLarge {
                given: line_index,
                max: self.windows.len().saturating_sub(1),
            })?;
        let real = w.real_start + byte_index.saturating_sub(w.start);
        Ok(self.whole.lines.position(self.whole.text, real).column)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        self.windows
            .get(line_index)
            .map(|w| w.range.clone())
            .ok_or(files::Error::LineTooLarge {
                given: line_index,
                max: self.windows.len().saturating_sub(1),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{FileResult, Reporter};

    fn render(text: &str, diags: &[Diagnostic]) -> String {
        let lines = LineIndex::new(text);
        let f = FileResult {
            path: "a.md",
            text,
            lines: &lines,
            diagnostics: diags,
        };
        let mut out = Vec::new();
        Human::new(false).file(&mut out, &f).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn diag(span: Range<usize>) -> Diagnostic {
        let mut d = Diagnostic::new(span, "doubled").with_primary_label("here");
        d.rule = "style.repetition".into();
        d
    }

    #[test]
    fn long_lines_are_shown_as_windows_with_real_positions() {
        let filler = "word é ".repeat(2000);
        let text = format!("Short first line.\n{filler}the the {filler}\n");
        let at = text.find("the the").unwrap();
        let other = text.find("Short").unwrap();
        let d = diag(at..at + 7).with_label(other..other + 5, "first");
        let out = render(&text, &[d]);
        let col = text[18..at].chars().count() + 1;
        assert!(out.contains(&format!("a.md:2:{col}")), "{out}");
        assert!(out.contains("1 │ Short first line."), "{out}");
        assert!(out.contains("2 │ …"), "{out}");
        assert!(out.contains("the the"), "{out}");
        assert!(out.len() < 2000, "{} bytes:\n{out}", out.len());
        // Thousands of findings on one long line: output grows with the findings, not with
        // findings times line length.
        let diags: Vec<Diagnostic> = text
            .match_indices("word")
            .map(|(i, _)| diag(i..i + 4))
            .collect();
        let out = render(&text, &diags);
        assert!(out.len() < diags.len() * 1000, "{} bytes", out.len());
    }

    #[test]
    fn lone_cr_ends_a_line_in_snippets() {
        let text = "One.\rTwo the the.\rThree.\r";
        let at = text.find("the the").unwrap();
        let out = render(text, &[diag(at..at + 7)]);
        assert!(out.contains("a.md:2:5"), "{out}");
        assert!(out.contains("2 │ Two the the."), "{out}");
        assert!(!out.contains('\r'), "{out:?}");
    }

    #[test]
    fn a_span_across_a_long_line_break_is_cut() {
        let long = "x ".repeat(1000);
        let text = format!("{long}the\nthe {long}\n");
        let at = text.find("the").unwrap();
        let out = render(&text, &[diag(at..at + 7)]);
        assert!(out.contains("a.md:1:"), "{out}");
        assert!(out.len() < 2000, "{out}");
    }
}
