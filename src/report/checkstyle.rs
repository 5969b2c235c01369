//! Checkstyle XML (Jenkins warnings-ng, GitLab and other CI report readers, `reviewdog
//! -f=checkstyle`). Columns are UTF-16 code units, as Checkstyle itself counts Java `char`s;
//! Checkstyle has no end position. Every file that was linted gets a `<file>` element, so
//! readers can tell "clean" from "not linted".

use super::{FileResult, Reporter, Summary};
use crate::diagnostic::Severity;
use std::io::{self, Write};

#[derive(Default)]
pub(super) struct Checkstyle {
    started: bool,
}

/// Escapes text for an XML 1.0 attribute value. Characters XML 1.0 cannot carry at all
/// (most C0 controls) become U+FFFD; tabs and line breaks become character references so
/// attribute-value normalisation keeps them.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

impl Checkstyle {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
            writeln!(out, "<checkstyle version=\"4.3\">")?;
        }
        Ok(())
    }
}

impl Reporter for Checkstyle {
    fn file(&mut self, out: &mut dyn Write, f: &FileResult) -> io::Result<()> {
        self.start(out)?;
        writeln!(out, "<file name=\"{}\">", escape(f.path))?;
        for d in f.diagnostics {
            let p = f.position(d.span.start);
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(&format!(" (help: {h})"));
            }
            writeln!(
                out,
                "  <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"{}\"/>",
                p.line,
                p.column_utf16,
                escape(&message),
                escape(&d.rule)
            )?;
        }
        writeln!(out, "</file>")
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        self.start(out)?;
        writeln!(out, "</checkstyle>")
    }
}

#[cfg(test)]
mod tests {
    use super::super::Format;
    use super::super::tests::render;
    use super::*;

    /// A strict little reader for the subset we write: one element per line, attributes in
    /// double quotes, only the five named entities and numeric references. Returns
    /// (element, attributes) per line.
    pub(super) fn parse(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
        let mut elements = Vec::new();
        for line in xml.lines() {
            let line = line.trim();
            assert!(line.starts_with('<') && line.ends_with('>'), "{line}");
            let inner = line.trim_start_matches('<').trim_end_matches('>');
            let inner = inner.trim_end_matches('/').trim_end_matches('?');
            let (name, mut rest) = inner.split_once(' ').unwrap_or((inner, ""));
            let mut attrs = Vec::new();
            while let Some(eq) = rest.find("=\"") {
                let key = rest[..eq].trim().to_string();
                let after = &rest[eq + 2..];
                let end = after.find('"').expect("closing quote");
                let raw = &after[..end];
                assert!(!raw.contains('<'), "unescaped < in {raw}");
                attrs.push((key, unescape(raw)));
                rest = &after[end + 1..];
            }
            assert!(rest.trim().is_empty(), "junk after attributes: {rest}");
            elements.push((name.trim_start_matches('?').to_string(), attrs));
        }
        elements
    }

    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find(';').expect("entity end") + i;
            let entity = &rest[i + 1..end];
            out.push(match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                e => {
                    let n: u32 = e.strip_prefix('#').expect("known entity").parse().unwrap();
                    char::from_u32(n).unwrap()
                }
            });
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn xml_parses_with_utf16_columns() {
        let out = render(Format::Checkstyle, true);
        let el = parse(&out);
        let names: Vec<&str> = el.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "xml",
                "checkstyle",
                "file",
                "error",
                "error",
                "/file",
                "/checkstyle"
            ]
        );
        let attr = |i: usize, k: &str| el[i].1.iter().find(|a| a.0 == k).unwrap().1.clone();
        assert_eq!(attr(2, "name"), "dir with space/café.md");
        assert_eq!(attr(3, "line"), "2");
        assert_eq!(attr(3, "column"), "12");
        assert_eq!(attr(3, "severity"), "warning");
        assert_eq!(attr(3, "source"), "style.repetition");
        assert!(
            attr(3, "message")
                .starts_with("'the' is written twice, \"here\" & <there>, 100%\nsecond line")
        );
        assert_eq!(attr(4, "severity"), "error");
    }

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(escape("a\u{1}b\tc"), "a\u{fffd}b&#9;c");
    }
}
