//! The edges between factlint and the protocol: byte offsets ↔ LSP positions (in the
//! negotiated encoding), file paths ↔ `file:` URIs, and factlint diagnostics → LSP ones.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{LineIndex, floor_char_boundary};
use lsp_types as lsp;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The unit of `Position.character`, agreed at initialisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    /// The protocol's default (what VS Code and most clients count in).
    Utf16,
    /// Bytes: offered by Neovim, Helix and others; factlint's own unit, so no conversion cost.
    Utf8,
}

impl Encoding {
    /// UTF-8 when the client offers it (we count bytes natively), else the mandatory UTF-16.
    pub(super) fn negotiate(offered: Option<&[lsp::PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub(super) fn kind(self) -> lsp::PositionEncodingKind {
        match self {
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf8 => c.len_utf8(),
        }
    }
}

/// A document's text with its line index: everything needed to convert positions.
pub(super) struct Text<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub encoding: Encoding,
}

impl Text<'_> {
    /// Byte offset → LSP position (0-based line, column in the negotiated unit).
    pub(super) fn position(&self, offset: usize) -> lsp::Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.lines.line_of(offset);
        let start = self.lines.line_starts()[line];
        let prefix = &self.text[start..offset];
        let character = match self.encoding {
            Encoding::Utf16 => prefix.encode_utf16().count(),
            Encoding::Utf8 => prefix.len(),
        };
        lsp::Position::new(line as u32, character as u32)
    }

    pub(super) fn range(&self, span: &Range<usize>) -> lsp::Range {
        lsp::Range::new(self.position(span.start), self.position(span.end))
    }

    /// LSP position → byte offset. Past the end of a line means its end (before the line
    /// break), past the last line the end of the text, inside a character its start — the
    /// spec asks servers to be lenient here rather than fail.
    pub(super) fn offset(&self, pos: lsp::Position) -> usize {
        let starts = self.lines.line_starts();
        let Some(&start) = starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let end = starts
            .get(pos.line as usize + 1)
            .copied()
            .unwrap_or(self.text.len());
        let line = self.text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0;
        for (i, c) in line.char_indices() {
            let next = units + self.encoding.width(c);
            if next > pos.character as usize {
                return start + i;
            }
            units = next;
        }
        start + line.len()
    }

    pub(super) fn span(&self, range: lsp::Range) -> Range<usize> {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        a.min(b)..a.max(b)
    }
}

/// Converts a factlint finding. Notes and help go into the message (every client shows the
/// message; few show anything else), secondary labels into related information.
pub(super) fn diagnostic(d: &Diagnostic, uri: &lsp::Uri, t: &Text) -> lsp::Diagnostic {
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push_str("\nnote: ");
        message.push_str(n);
    }
    if let Some(h) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), t.range(&l.span)),
            message: l.message.clone(),
        })
        .collect();
    lsp::Diagnostic {
        range: t.range(&d.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.clone())),
        code_description: None,
        source: Some("factlint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({
            "rule": d.rule,
            "fixes": d.fixes.len(),
            "label": d.primary_label,
        })),
    }
}

pub(super) fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// The local path of a `file:` URI (percent-decoded); `None` for other schemes
/// (`untitled:`, remote file systems), which are linted from their text alone.
pub(super) fn uri_to_path(uri: &lsp::Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // Skip the authority (empty, or `localhost`).
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = percent_decode(path)?;
    let mut s = String::from_utf8(bytes).ok()?;
    // `file:///C:/x` names `C:/x` on Windows.
    if cfg!(windows) && s.as_bytes().get(2) == Some(&b':') {
        s.remove(0);
    }
    Some(PathBuf::from(s))
}

pub(super) fn path_to_uri(path: &Path) -> Option<lsp::Uri> {
    let s = path.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    lsp::Uri::from_str(&out).ok()
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The name a document is linted under: its path when it has one (front matter, messages
/// and the Markdown/plain choice by extension all read it), else the URI's path part.
pub(super) fn document_name(uri: &lsp::Uri) -> String {
    match uri_to_path(uri) {
        Some(p) => p.display().to_string(),
        None => uri.path().as_str().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, enc: Encoding) -> (String, LineIndex, Encoding) {
        (s.to_string(), LineIndex::new(s), enc)
    }

    #[test]
    fn columns_count_utf16_units_by_default() {
        let (s, l, e) = text("x\né😀 the the", Encoding::Utf16);
        let t = Text {
            text: &s,
            lines: &l,
            encoding: e,
        };
        let at = s.find("the").unwrap();
        // é is one UTF-16 unit, 😀 two: "é😀 " = 4 units.
        assert_eq!(t.position(at), lsp::Position::new(1, 4));
        assert_eq!(t.offset(lsp::Position::new(1, 4)), at);
    }

    #[test]
    fn columns_count_bytes_in_utf8() {
        let (s, l, e) = text("x\né😀 the the", Encoding::Utf8);
        let t = Text {
            text: &s,
            lines: &l,
            encoding: e,
        };
        let at = s.find("the").unwrap();
        // é is 2 bytes, 😀 4: "é😀 " = 7 bytes.
        assert_eq!(t.position(at), lsp::Position::new(1, 7));
        assert_eq!(t.offset(lsp::Position::new(1, 7)), at);
    }

    #[test]
    fn lenient_positions_clamp() {
        let (s, l, e) = text("ab\r\n😀c\n", Encoding::Utf16);
        let t = Text {
            text: &s,
            lines: &l,
            encoding: e,
        };
        // Past the end of line 0: before the CRLF, not after it.
        assert_eq!(t.offset(lsp::Position::new(0, 99)), 2);
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(t.offset(lsp::Position::new(1, 1)), 4);
        assert_eq!(t.offset(lsp::Position::new(1, 2)), 8);
        // Past the last line: the end.
        assert_eq!(t.offset(lsp::Position::new(9, 0)), s.len());
        // The empty last line after the final newline exists.
        assert_eq!(t.position(s.len()), lsp::Position::new(2, 0));
    }

    #[test]
    fn file_uris_round_trip_with_escapes() {
        let p = Path::new("/tmp/some dir/Café #1.md");
        let uri = path_to_uri(p).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/some%20dir/Caf%C3%A9%20%231.md");
        assert_eq!(uri_to_path(&uri).unwrap(), p);
        let untitled = lsp::Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(uri_to_path(&untitled), None);
        let host = lsp::Uri::from_str("file://localhost/a/b.txt").unwrap();
        assert_eq!(uri_to_path(&host).unwrap(), Path::new("/a/b.txt"));
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        use lsp::PositionEncodingKind as K;
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[K::UTF16, K::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(
            Encoding::negotiate(Some(&[K::UTF16, K::UTF8])),
            Encoding::Utf8
        );
    }

    #[test]
    fn diagnostic_carries_code_source_and_related_labels() {
        let s = "A then B.";
        let l = LineIndex::new(s);
        let t = Text {
            text: s,
            lines: &l,
            encoding: Encoding::Utf16,
        };
        let mut d = Diagnostic::new(0..1, "msg")
            .with_label(7..8, "other")
            .with_help("do this");
        d.rule = "set.rule".into();
        d.severity = Severity::Error;
        let uri = lsp::Uri::from_str("file:///a.md").unwrap();
        let l = diagnostic(&d, &uri, &t);
        assert_eq!(l.code, Some(lsp::NumberOrString::String("set.rule".into())));
        assert_eq!(l.severity, Some(lsp::DiagnosticSeverity::ERROR));
        assert_eq!(l.source.as_deref(), Some("factlint"));
        assert_eq!(l.message, "msg\nhelp: do this");
        let rel = l.related_information.unwrap();
        assert_eq!(rel[0].location.range.start, lsp::Position::new(0, 7));
        assert_eq!(rel[0].message, "other");
    }
}
