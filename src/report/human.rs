//! rustc-style output through codespan-reporting.

use super::window::{self, LONG_LINE, Mark};
use super::{FileResult, Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{LineIndex, floor_char_boundary};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor};
use std::io::{self, Write};
use std::ops::Range;

/// Lines longer than [`LONG_LINE`] bytes are shown as windows even with `--show-source full`:
/// an article pasted as one line with thousands of findings would otherwise print the whole
/// line once per finding (quadratic output). This is the columns of such a window.
const LONG_LINE_COLUMNS: usize = 200;

pub(super) struct Human {
    color: bool,
    /// Columns to fit each snippet in (windows of long lines, wrapped messages and notes);
    /// None shows whole lines (`--show-source full`).
    width: Option<usize>,
    quiet: bool,
}

impl Human {
    pub(super) fn new(o: super::Options) -> Human {
        Human {
            color: o.color,
            width: o.width,
            quiet: o.quiet,
        }
    }

    /// Renders one diagnostic (spans already moved for a BOM) into `buffer`.
    fn emit(
        &self,
        buffer: &mut termcolor::Buffer,
        file: &Whole,
        mut d: cs::Diagnostic<()>,
    ) -> Result<(), files::Error> {
        let config = term::Config::default();
        // codespan's gutter: the widest line number, then " │ ".
        let last_line = d
            .labels
            .iter()
            .map(|l| file.lines.line_of(l.range.end.min(file.text.len())) + 1)
            .max()
            .unwrap_or(1);
        let gutter = last_line.to_string().len() + 3;
        let budget = self.width.map_or(usize::MAX, |w| w.saturating_sub(gutter));
        if let Some(width) = self.width {
            wrap_text(&mut d, width, gutter);
        }
        let marks: Vec<Mark> = d
            .labels
            .iter()
            .map(|l| Mark {
                span: l.range.clone(),
                message: window::columns(&l.message),
            })
            .collect();
        if file.fits(&marks, budget) {
            return term::emit_to_write_style(buffer, &config, file, &d);
        }
        let line_budget = |line: &Range<usize>| match self.width {
            Some(_) => budget,
            None if line.len() > LONG_LINE => LONG_LINE_COLUMNS,
            None => usize::MAX,
        };
        let (excerpt, spans) = Excerpt::new(file, &marks, line_budget);
        for (label, span) in d.labels.iter_mut().zip(spans) {
            label.range = span;
        }
        term::emit_to_write_style(buffer, &config, &excerpt, &d)
    }
}

/// Breaks the header message and the notes of `d` to fit `width` columns: the message's
/// later lines are indented under its first, a note's under its text after `note: `.
fn wrap_text(d: &mut cs::Diagnostic<()>, width: usize, gutter: usize) {
    // `warning[rule.id]: `
    let severity = match d.severity {
        cs::Severity::Bug => "bug",
        cs::Severity::Error => "error",
        cs::Severity::Warning => "warning",
        cs::Severity::Note => "note",
        cs::Severity::Help => "help",
    };
    let code = d.code.as_deref().map_or(0, |c| c.len() + 2);
    let head = severity.len() + code + 2;
    let indent = "  ";
    d.message = window::wrap(
        &d.message,
        width.saturating_sub(head),
        width.saturating_sub(indent.len()),
    )
    .join(&format!("\n{indent}"));
    // ` = note: ` after the gutter's width less its " │ "
    let note_start = gutter - 3 + 3;
    for note in &mut d.notes {
        let label = note.find(": ").map_or(0, |i| i + 2);
        let indent = " ".repeat(label);
        *note = window::wrap(
            note,
            width.saturating_sub(note_start),
            width.saturating_sub(note_start + label),
        )
        .join(&format!("\n{indent}"));
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
        let mut buffer = if self.color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        for d in f.diagnostics {
            self.emit(&mut buffer, &file, to_codespan_shifted(d, shift))
                .map_err(io::Error::other)?;
        }
        out.write_all(buffer.as_slice())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        match super::summary_line(s) {
            Some(line) if !self.quiet => writeln!(out, "{line}"),
            _ => Ok(()),
        }
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

    /// The line's content: without its line break.
    fn content(&self, line: usize) -> Range<usize> {
        let r = self.line_range(line);
        r.start..r.start + self.text[r.clone()].trim_end_matches(['\n', '\r']).len()
    }

    /// Can the marks be drawn under whole lines in `budget` columns? Every line they touch
    /// must fit, with each mark's carets and message, and none may be longer than
    /// [`LONG_LINE`] bytes. A mark across lines takes two more columns for its bracket.
    fn fits(&self, marks: &[Mark], budget: usize) -> bool {
        let across = marks
            .iter()
            .filter(|m| self.line_of(m.span.start) != self.line_of(m.span.end))
            .count();
        let budget = budget.saturating_sub(2 * across);
        marks.iter().all(|m| {
            let (first, last) = (self.line_of(m.span.start), self.line_of(m.span.end));
            let short = (first..=last).all(|l| {
                let c = self.content(l);
                c.len() <= LONG_LINE && window::columns(&self.text[c]) <= budget
            });
            // (The bytes are compared first: measuring a long line per finding is quadratic.)
            // Carets and the message sit on the last line of a mark across lines.
            let on_last = Mark {
                span: self.content(last).start.max(m.span.start)..m.span.end,
                message: m.message,
            };
            short && window::line_fits(self.text, &self.content(last), &[on_last], budget)
        })
    }

    fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset.min(self.text.len()))
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
    /// codespan's line index: consecutive for consecutive real lines (and for windows of one
    /// line), with a gap elsewhere, so that codespan draws its `·` break there.
    index: usize,
    /// The window in the real text.
    real_start: usize,
    /// Where its text starts in the excerpt (after a leading "… ").
    start: usize,
    /// The snippet line in the excerpt, with its "…" marks and line break.
    range: Range<usize>,
}

/// Windows of lines around one diagnostic's labels, shown in place of the whole lines, with
/// the real line and column numbers.
struct Excerpt<'a> {
    whole: &'a Whole<'a>,
    text: String,
    windows: Vec<Window>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt for `marks` (in the whole text), each line planned by
    /// [`window::plan`] in the columns `budget` gives for it, and the marks' spans moved into
    /// the excerpt. A span that crosses a line break is cut at the end of its first line.
    fn new(
        whole: &'a Whole<'a>,
        marks: &[Mark],
        budget: impl Fn(&Range<usize>) -> usize,
    ) -> (Excerpt<'a>, Vec<Range<usize>>) {
        let text = whole.text;
        // Each mark on its first line, then the marks of each line together.
        let mut on_line: Vec<(usize, usize, Mark)> = marks
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let start = floor_char_boundary(text, m.span.start.min(text.len()));
                let line = whole.line_of(start);
                let content = whole.content(line);
                let end =
                    floor_char_boundary(text, m.span.end.clamp(start, content.end.max(start)));
                let mark = Mark {
                    span: start..end,
                    message: m.message,
                };
                (line, i, mark)
            })
            .collect();
        on_line.sort_by_key(|(line, i, _)| (*line, *i));
        let mut out = String::new();
        let mut windows: Vec<Window> = Vec::new();
        let mut moved = vec![0..0; marks.len()];
        for group in on_line.chunk_by(|a, b| a.0 == b.0) {
            let line = group[0].0;
            let content = whole.content(line);
            let line_marks: Vec<Mark> = group.iter().map(|(_, _, m)| m.clone()).collect();
            let plan = window::plan(text, content.clone(), &line_marks, budget(&content));
            let first_index = match windows.last() {
                Some(w) if w.line + 1 == line => w.index + 1,
                Some(w) => w.index + 3,
                None => 0,
            };
            let first = windows.len();
            for (index, w) in (first_index..).zip(&plan.windows) {
                let begin = out.len();
                if w.start > content.start {
                    out.push_str(if text[..w.start].ends_with(' ') {
                        "… "
                    } else {
                        "…"
                    });
                }
                let start = out.len();
                out.push_str(&text[w.clone()]);
                if w.end < content.end {
                    out.push_str(if text[w.end..].starts_with(' ') {
                        " …"
                    } else {
                        "…"
                    });
                }
                out.push('\n');
                windows.push(Window {
                    line,
                    index,
                    real_start: w.start,
                    start,
                    range: begin..out.len(),
                });
            }
            for ((_, i, m), &k) in group.iter().zip(&plan.of_mark) {
                let win = &windows[first + k];
                let at = win.start + (m.span.start - win.real_start);
                moved[*i] = at..at + m.span.len();
            }
        }
        (
            Excerpt {
                whole,
                text: out,
                windows,
            },
            moved,
        )
    }

    fn window(&self, line_index: usize) -> Result<&Window, files::Error> {
        self.windows
            .binary_search_by_key(&line_index, |w| w.index)
            .map(|i| &self.windows[i])
            .map_err(|_| files::Error::LineTooLarge {
                given: line_index,
                max: self.windows.last().map_or(0, |w| w.index),
            })
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
        let i = self
            .windows
            .partition_point(|w| w.range.start <= byte_index)
            .saturating_sub(1);
        Ok(self.windows.get(i).map_or(0, |w| w.index))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.window(line_index)?.line + 1)
    }

    /// The real column, counted in the whole text.
    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let w = self.window(line_index)?;
        let real = w.real_start + byte_index.saturating_sub(w.start);
        Ok(self.whole.lines.position(self.whole.text, real).column)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        Ok(self.window(line_index)?.range.clone())
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
        let options = crate::report::Options {
            width: Some(100),
            ..Default::default()
        };
        Human::new(options).file(&mut out, &f).unwrap();
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
