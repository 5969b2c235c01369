//! The finding a check reports: what is wrong, where (byte spans into the file as read),
//! what else is involved (secondary labels), and how to fix it.

use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "info" | "note" | "hint" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Whether a fix may be applied without a human looking at it (ruff's model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Certainly what the writer meant: applied by `--fix`.
    Safe,
    /// Probably right, but needs a look: applied only with `--unsafe-fixes`.
    Unsafe,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    pub span: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    pub span: Range<usize>,
    pub replacement: String,
    pub applicability: Applicability,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Full rule id, `<set>.<id>`.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Primary span: where the problem (and the fix) is.
    pub span: Range<usize>,
    /// Short text printed under the primary span.
    pub primary_label: Option<String>,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: String::new(),
            severity: Severity::Warning,
            message: one_line(message.into()),
            span,
            primary_label: None,
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    /// Moves every span `by` bytes later (findings in a piece of a text, placed in the whole).
    pub fn shift(&mut self, by: usize) {
        let move_by = |r: &mut Range<usize>| *r = r.start + by..r.end + by;
        move_by(&mut self.span);
        self.labels.iter_mut().for_each(|l| move_by(&mut l.span));
        self.fixes.iter_mut().for_each(|f| move_by(&mut f.span));
    }

    pub fn with_label(mut self, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: one_line(message.into()),
        });
        self
    }

    pub fn with_primary_label(mut self, message: impl Into<String>) -> Self {
        self.primary_label = Some(one_line(message.into()));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(one_line(note.into()));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(one_line(help.into()));
        self
    }

    pub fn with_fix(
        mut self,
        span: Range<usize>,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        self.fixes.push(Fix {
            span,
            replacement: replacement.into(),
            applicability,
        });
        self
    }

    /// Sort key that makes output deterministic whatever order checks ran in.
    pub fn sort_key(&self) -> (usize, usize, &str, &str) {
        (self.span.start, self.span.end, &self.rule, &self.message)
    }
}

/// Messages quote the article, and a quote can run over a line break or hold a control
/// character (a lone CR, a tab from a PDF). Each run of whitespace or control characters that
/// holds anything but a plain space becomes one space, so a message is always one clean line.
fn one_line(message: String) -> String {
    // Printable ASCII (most messages) needs no look at characters.
    let printable_ascii = message
        .bytes()
        .fold(true, |ok, b| ok & (0x20..0x7f).contains(&b));
    if printable_ascii
        || !message
            .chars()
            .any(|c| c.is_control() || (c.is_whitespace() && c != ' '))
    {
        return message;
    }
    let mut out = String::with_capacity(message.len());
    let mut in_gap = false;
    for c in message.chars() {
        if c.is_whitespace() || c.is_control() {
            if !in_gap {
                out.push(' ');
            }
            in_gap = true;
        } else {
            out.push(c);
            in_gap = false;
        }
    }
    out
}

#[cfg(test)]
mod one_line_tests {
    use super::one_line;

    #[test]
    fn messages_never_hold_line_breaks_or_control_characters() {
        assert_eq!(one_line("a \r  --- b".into()), "a --- b");
        assert_eq!(one_line("a\tb\u{7}c".into()), "a b c");
        assert_eq!(one_line("plain  text".into()), "plain  text");
    }
}
