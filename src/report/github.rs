//! GitHub Actions workflow commands: one annotation per finding,
//! `::warning file=a.md,line=3,endLine=3,col=5,endColumn=12,title=factlint style.repetition::message`.
//!
//! Escaping (as the Actions runner decodes it): in the message `%` → `%25`, CR → `%0D`,
//! LF → `%0A`; in property values also `:` → `%3A` and `,` → `%2C`.
//!
//! Severity: error → `error`, warning → `warning`, info → `notice`. Columns are UTF-16 code
//! units, given only when the finding starts and ends on one line (GitHub ignores `col` and
//! `endColumn` on a multi-line annotation).
//!
//! GitHub turns at most 10 annotations of each type (error, warning, notice) per step into
//! annotations, and 50 per job; the rest only reach the step's log. When a run has more than
//! it will show, the first annotation written is a notice that says so, with the totals.

use super::{FileResult, Reporter, Summary};
use crate::diagnostic::Severity;
use std::io::{self, Write};

/// Annotations of one type GitHub shows per step.
pub(super) const SHOWN_PER_TYPE: usize = 10;
/// Annotations GitHub shows per job.
pub(super) const SHOWN_PER_JOB: usize = 50;

/// Annotations are buffered so the "more than GitHub shows" notice can come first.
#[derive(Default)]
pub(super) struct Github {
    lines: Vec<String>,
}

pub(super) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub(super) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Reporter for Github {
    fn file(&mut self, _out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        for d in f.diagnostics {
            let (s, e) = f.span_positions(&d.span);
            let mut props = format!(
                "file={},line={},endLine={}",
                escape_property(f.path),
                s.line,
                e.line
            );
            if s.line == e.line {
                props.push_str(&format!(
                    ",col={},endColumn={}",
                    s.column_utf16, e.column_utf16
                ));
            }
            props.push_str(&format!(
                ",title={}",
                escape_property(&format!("factlint {}", d.rule))
            ));
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            self.lines.push(format!(
                "::{} {props}::{}",
                command(d.severity),
                escape_data(&message)
            ));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let hidden = s.errors.saturating_sub(SHOWN_PER_TYPE)
            + s.warnings.saturating_sub(SHOWN_PER_TYPE)
            + s.infos.saturating_sub(SHOWN_PER_TYPE);
        if hidden > 0 || s.total() > SHOWN_PER_JOB {
            let text = format!(
                "factlint found {} in {} ({}, {}, {}), more than GitHub annotates: it shows \
                 {SHOWN_PER_TYPE} of each type per step and {SHOWN_PER_JOB} per job. Every \
                 finding is in this step's log; upload `--format sarif` to code scanning to see \
                 them all on the pull request.",
                plural(s.total(), "finding"),
                plural(s.files, "file"),
                plural(s.errors, "error"),
                plural(s.warnings, "warning"),
                plural(s.infos, "notice"),
            );
            writeln!(
                out,
                "::notice title={}::{}",
                escape_property("factlint: more findings than annotations"),
                escape_data(&text)
            )?;
        }
        for l in self.lines.drain(..) {
            writeln!(out, "{l}")?;
        }
        if s.total() > 0 {
            writeln!(
                out,
                "factlint: {} ({}, {}, {}) in {}",
                plural(s.total(), "finding"),
                plural(s.errors, "error"),
                plural(s.warnings, "warning"),
                plural(s.infos, "info"),
                plural(s.files, "file")
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::Format;
    use super::super::tests::render;
    use super::*;
    use std::collections::BTreeMap;

    /// Parses a workflow command the way the Actions runner does: `::name k=v,k=v::data`,
    /// then unescapes. Returns (name, properties, data).
    pub(crate) fn parse(line: &str) -> Option<(String, BTreeMap<String, String>, String)> {
        let rest = line.strip_prefix("::")?;
        let (head, data) = rest.split_once("::")?;
        let (name, props) = head.split_once(' ').unwrap_or((head, ""));
        let unescape = |s: &str| {
            s.replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%")
        };
        let mut map = BTreeMap::new();
        for kv in props.split(',').filter(|p| !p.is_empty()) {
            let (k, v) = kv.split_once('=')?;
            map.insert(k.to_string(), unescape(v));
        }
        Some((name.to_string(), map, unescape(data)))
    }

    #[test]
    fn lines_parse_back() {
        let out = render(Format::Github, true);
        let mut lines = out.lines();
        let (name, props, data) = parse(lines.next().unwrap()).unwrap();
        assert_eq!(name, "warning");
        assert_eq!(props["file"], "dir with space/café.md");
        assert_eq!(props["line"], "2");
        assert_eq!(props["col"], "12");
        assert_eq!(props["endColumn"], "19");
        assert_eq!(props["title"], "factlint style.repetition");
        assert!(data.starts_with("'the' is written twice, \"here\" & <there>, 100%\nsecond line"));
        assert!(data.ends_with("\nhelp: remove the second 'the'"));
        let (name, props, _) = parse(lines.next().unwrap()).unwrap();
        assert_eq!((name.as_str(), props["line"].as_str()), ("error", "2"));
        assert!(lines.next().unwrap().starts_with("factlint: 2 findings"));
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_data("a%b\r\nc: d, e"), "a%25b%0D%0Ac: d, e");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn multi_line_finding_has_no_columns() {
        use crate::source::LineIndex;
        let text = "one\ntwo\n";
        let mut d = crate::diagnostic::Diagnostic::new(1..6, "m");
        d.rule = "x.y".into();
        let diags = [d];
        let lines = LineIndex::new(text);
        let f = FileResult {
            path: "a,b.md",
            text,
            lines: &lines,
            diagnostics: &diags,
        };
        let mut g = Github::default();
        let mut out = Vec::new();
        g.file(&mut out, &f).unwrap();
        g.finish(&mut out, &Summary::default()).unwrap();
        let out = String::from_utf8(out).unwrap();
        let (_, props, _) = parse(out.lines().next().unwrap()).unwrap();
        assert_eq!(props["file"], "a,b.md");
        assert_eq!(
            (props["line"].as_str(), props["endLine"].as_str()),
            ("1", "2")
        );
        assert!(!props.contains_key("col"));
    }

    #[test]
    fn summary_notice_when_github_would_hide_some() {
        use crate::source::LineIndex;
        let text = "x".repeat(20);
        let diags: Vec<_> = (0..12)
            .map(|i| {
                let mut d = crate::diagnostic::Diagnostic::new(i..i + 1, "m");
                d.rule = "x.y".into();
                d
            })
            .collect();
        let lines = LineIndex::new(&text);
        let f = FileResult {
            path: "a.md",
            text: &text,
            lines: &lines,
            diagnostics: &diags,
        };
        let mut g = Github::default();
        let mut out = Vec::new();
        g.file(&mut out, &f).unwrap();
        let mut s = Summary {
            files: 1,
            ..Default::default()
        };
        s.add(&diags);
        g.finish(&mut out, &s).unwrap();
        let out = String::from_utf8(out).unwrap();
        let (name, _, data) = parse(out.lines().next().unwrap()).unwrap();
        assert_eq!(name, "notice");
        assert!(data.contains("12 findings"), "{data}");
        assert_eq!(
            out.lines().filter(|l| l.starts_with("::warning")).count(),
            12
        );
    }
}
