//! Output formats. Each reporter receives files one at a time (results stream; nothing holds
//! every article) and writes to the given sink. Line/column conversion happens here, at the edge.
//!
//! ## Column units
//!
//! Spans are byte offsets inside factlint; every format converts them to the unit its consumers
//! expect. Lines are always 1-based, and a CRLF or a lone CR ends a line like an LF. Columns are
//! 1-based and an end column points just past the last character (exclusive), except where noted.
//!
//! | format        | column unit                                   | why |
//! |---------------|-----------------------------------------------|-----|
//! | `human`       | Unicode scalar values (characters)            | what a reader counts |
//! | `short`       | Unicode scalar values                         | same as `human` |
//! | `json`/`jsonl`| Unicode scalar values; `start`/`end` are byte offsets into the file as read | the documented JSON contract |
//! | `sarif`       | UTF-16 code units (`columnKind: utf16CodeUnits`), plus `byteOffset`/`byteLength` into the file | GitHub code scanning and SARIF viewers are JavaScript/.NET |
//! | `rdjson`/`rdjsonl` | UTF-8 bytes                              | reviewdog's `Position.column` is a byte count |
//! | `github`      | UTF-16 code units; `col`/`endColumn` are given only when the finding is on one line | GitHub accepts columns on a single line only; its UI is JavaScript |
//! | `checkstyle`  | UTF-16 code units (Java `char`s, as Checkstyle itself counts); start column only | Checkstyle's own convention |
//! | LSP           | UTF-16 code units, or UTF-8 bytes when the client negotiates them | the LSP default |
//!
//! So after `é😀` (2 characters) a finding starts at column 3 in characters, 4 in UTF-16 code
//! units (the emoji is a surrogate pair) and 7 in bytes. A UTF-8 byte-order mark at the start of
//! the file is not counted in character or UTF-16 columns (editors hide it), but it is counted
//! in byte columns and byte offsets, which index the file as stored.

mod checkstyle;
mod github;
mod human;
mod json;
mod rdjson;
mod sarif;
mod short;
mod window;

pub use human::to_codespan;

use crate::diagnostic::Diagnostic;
use crate::ruleset::{LoadError, Rule};
use crate::source::{LineIndex, Position};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets (codespan-reporting).
    Human,
    /// `path:line:col: severity[rule]: message`, one per line, then a summary line.
    Short,
    /// One JSON object: `{"diagnostics": [...], "summary": {...}}`.
    Json,
    /// One JSON diagnostic per line (for streaming and batch engines).
    Jsonl,
    /// SARIF 2.1.0 (GitHub code scanning, SARIF viewers); UTF-16 columns.
    Sarif,
    /// reviewdog's Diagnostic Format, one `DiagnosticResult` object; UTF-8 byte columns.
    Rdjson,
    /// reviewdog's Diagnostic Format, one `Diagnostic` per line; UTF-8 byte columns.
    Rdjsonl,
    /// GitHub Actions workflow commands (`::error file=…::…`), i.e. pull-request annotations.
    Github,
    /// Checkstyle XML.
    Checkstyle,
}

/// One linted file, as reporters see it.
pub struct FileResult<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub diagnostics: &'a [Diagnostic],
}

impl FileResult<'_> {
    /// Line and columns of a byte offset. A leading UTF-8 BOM is not counted in the character
    /// and UTF-16 columns (editors do not show it) but is in the byte column.
    pub fn position(&self, offset: usize) -> Position {
        let mut p = self.lines.position(self.text, offset);
        if p.line == 1 && self.text.starts_with('\u{feff}') && offset >= 3 {
            p.column -= 1;
            p.column_utf16 -= 1;
        }
        p
    }

    /// The positions of a span's start and end. The end of a span within one line is counted
    /// on from its start rather than again from the line's start or a checkpoint.
    pub fn span_positions(&self, span: &std::ops::Range<usize>) -> (Position, Position) {
        let start = self.position(span.start);
        let within = match self.text.get(span.clone()) {
            // A span from offset 0 of a text with a BOM ends at a column counted without it.
            Some(within) if span.start > 0 || !self.text.starts_with('\u{feff}') => within,
            _ => return (start, self.position(span.end)),
        };
        if memchr::memchr2(b'\n', b'\r', within.as_bytes()).is_some() {
            return (start, self.position(span.end));
        }
        let (chars, utf16) = crate::source::units(within.as_bytes());
        let end = Position {
            line: start.line,
            column: start.column + chars,
            column_utf16: start.column_utf16 + utf16,
            column_byte: start.column_byte + within.len(),
        };
        (start, end)
    }

    /// The text of a span ("" when the span is not on character boundaries).
    pub fn slice(&self, span: &std::ops::Range<usize>) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub failed_files: usize,
}

impl Summary {
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        use crate::diagnostic::Severity;
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// `factlint: 3 findings (1 error, 2 warnings, 0 infos) in 2 files`, closing the human and
/// short formats; None when nothing was found.
fn summary_line(s: &Summary) -> Option<String> {
    let total = s.total();
    if total == 0 {
        return None;
    }
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    Some(format!(
        "factlint: {} ({}, {}, {}) in {}",
        plural(total, "finding"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.files, "file")
    ))
}

pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub color: bool,
    /// `human`: the columns each snippet is fitted in (windows of long lines, wrapped
    /// messages); None prints whole lines (`--show-source full`).
    pub width: Option<usize>,
    /// `human`, `short`: no summary line.
    pub quiet: bool,
}

pub fn reporter(format: Format, options: &Options, rules: &[Rule]) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human::new(*options)),
        Format::Short => Box::new(short::Short::new(*options)),
        Format::Json => Box::new(json::Json::new(false)),
        Format::Jsonl => Box::new(json::Json::new(true)),
        Format::Sarif => Box::new(sarif::Sarif::new(rules)),
        Format::Rdjson => Box::new(rdjson::Rdjson::new(false)),
        Format::Rdjsonl => Box::new(rdjson::Rdjson::new(true)),
        Format::Github => Box::new(github::Github::default()),
        Format::Checkstyle => Box::new(checkstyle::Checkstyle::default()),
    }
}

/// Renders a rule-set or config error over its YAML, like a diagnostic (plain text).
pub fn render_load_error(e: &LoadError) -> String {
    use codespan_reporting::diagnostic as cs;
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, termcolor};
    if let (Some(text), Some(offset)) = (&e.text, e.offset) {
        let (line, col) = e.line_col().unwrap_or((0, 0));
        let file = SimpleFile::new(e.path.as_str(), text.as_str());
        let offset = crate::source::floor_char_boundary(text, offset.min(text.len()));
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |n| offset + n)
            .max(offset);
        let diag = cs::Diagnostic::error()
            .with_code("rule-set")
            .with_message(format!("{}:{line}:{col}: {}", e.path, e.message))
            .with_labels(vec![
                cs::Label::primary((), offset..end).with_message("here"),
            ]);
        let mut buf = termcolor::Buffer::no_color();
        if term::emit_to_write_style(&mut buf, &term::Config::default(), &file, &diag).is_ok() {
            return String::from_utf8_lossy(buf.as_slice()).into_owned();
        }
    }
    format!("error: {e}\n")
}

#[cfg(test)]
pub(crate) mod tests {
    //! Shared fixtures: a line with accents, CJK and an emoji before the finding.
    use super::*;
    use crate::diagnostic::{Applicability, Severity};

    /// "Café 東京 😀 the the end": `the the` starts at column 11 in characters, 12 in UTF-16 units,
    /// 19 in bytes (on line 2; the BOM variant adds a BOM to line 1).
    pub(crate) const LINE2: &str = "Café 東京 😀 the the end.";

    pub(crate) fn text(bom: bool) -> String {
        format!(
            "{}Intro, with a \"quote\" & <tag>.\r\n{LINE2}\r\n",
            if bom { "\u{feff}" } else { "" }
        )
    }

    pub(crate) fn diagnostics(text: &str) -> Vec<Diagnostic> {
        let start = text.find("the the").unwrap();
        let mut d = Diagnostic::new(
            start..start + 7,
            "'the' is written twice, \"here\" & <there>, 100%\nsecond line",
        )
        .with_primary_label("doubled word")
        .with_label(
            text.find("Intro").unwrap()..text.find(',').unwrap(),
            "see: this",
        )
        .with_help("remove the second 'the'")
        .with_fix(start + 3..start + 7, "", Applicability::Safe);
        d.rule = "style.repetition".into();
        d.severity = Severity::Warning;
        // `Diagnostic::new` keeps messages on one line; reporters still escape a line break
        // that reaches them some other way.
        d.message = "'the' is written twice, \"here\" & <there>, 100%\nsecond line".into();
        let mut e = Diagnostic::new(start + 4..text.find(" end").unwrap() + 4, "an error");
        e.rule = "style.misspelling".into();
        e.severity = Severity::Error;
        let span = e.span.clone();
        e = e.with_fix(span, "thé end", Applicability::Unsafe);
        vec![d, e]
    }

    /// Runs a reporter over the fixture and returns what it wrote.
    pub(crate) fn render(format: Format, bom: bool) -> String {
        let rules = crate::ruleset::load_builtin();
        let text = text(bom);
        let diags = diagnostics(&text);
        let lines = LineIndex::new(&text);
        let mut r = reporter(format, &Options::default(), &rules);
        let mut out = Vec::new();
        let f = FileResult {
            path: "dir with space/café.md",
            text: &text,
            lines: &lines,
            diagnostics: &diags,
        };
        r.file(&mut out, &f).unwrap();
        let mut s = Summary {
            files: 1,
            ..Summary::default()
        };
        s.add(&diags);
        r.finish(&mut out, &s).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A file `a` with nothing to report, for its positions.
    fn clean_file<'a>(text: &'a str, lines: &'a LineIndex) -> FileResult<'a> {
        FileResult {
            path: "a",
            text,
            lines,
            diagnostics: &[],
        }
    }

    #[test]
    fn positions_in_every_unit_and_bom() {
        for bom in [false, true] {
            let t = text(bom);
            let lines = LineIndex::new(&t);
            let f = clean_file(&t, &lines);
            let p = f.position(t.find("the the").unwrap());
            assert_eq!(
                (p.line, p.column, p.column_utf16, p.column_byte),
                (2, 11, 12, 19)
            );
            let first = f.position(t.find("Intro").unwrap());
            assert_eq!((first.column, first.column_utf16), (1, 1));
            assert_eq!(first.column_byte, if bom { 4 } else { 1 });
        }
    }

    #[test]
    fn span_positions_agree_with_positions() {
        for prefix in ["", "\u{feff}"] {
            let t = format!("{prefix}é a\r\nb\rc 😀 d\n\ne");
            let lines = LineIndex::new(&t);
            let f = clean_file(&t, &lines);
            for start in 0..=t.len() + 1 {
                for end in start..=t.len() + 1 {
                    assert_eq!(
                        f.span_positions(&(start..end)),
                        (f.position(start), f.position(end)),
                        "{t:?} {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn short_uses_characters() {
        let out = render(Format::Short, true);
        let first = out.lines().next().unwrap();
        assert!(
            first.starts_with("dir with space/café.md:2:11: warning[style.repetition]: "),
            "{first}"
        );
    }

    #[test]
    fn json_uses_characters_and_bytes() {
        let t = text(false);
        let out = render(Format::Jsonl, false);
        let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(v["span"]["column"], 11);
        assert_eq!(v["span"]["start"], t.find("the the").unwrap());
        assert_eq!(v["text"], "the the");
    }

    #[test]
    fn human_renders_the_snippet() {
        for bom in [false, true] {
            let out = render(Format::Human, bom);
            assert!(out.contains("warning[style.repetition]"), "{out}");
            assert!(out.contains("café.md:2:11"), "{out}");
            assert!(out.contains("1 │ Intro,"), "{out}");
            assert!(!out.contains('\u{feff}'), "{out}");
        }
    }
}
