//! YAML front matter: `---` on the first line, closed by `---` or `...` on a line of its own.

use crate::yaml;
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// The whole block including both delimiter lines; None when there is none (or it never closes).
    pub range: Option<Range<usize>>,
    pub date: Option<jiff::civil::Date>,
    /// Problems worth telling the user (a `date:` that does not parse, bad YAML, no closing line).
    pub problems: Vec<Problem>,
    /// Words and names accepted for this article only (`factlint: {accept: [...]}`).
    pub accept: Vec<String>,
}

/// Something wrong with the front matter, where it is (bytes of the text).
#[derive(Debug, Clone)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
    /// The label under the span.
    pub label: &'static str,
}

impl FrontMatter {
    pub fn parse(text: &str) -> FrontMatter {
        let mut fm = FrontMatter::default();
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let rest = &text[start..];
        let Some(after_open) = rest
            .strip_prefix("---\n")
            .or_else(|| rest.strip_prefix("---\r\n"))
        else {
            return fm;
        };
        let body_start = text.len() - after_open.len();
        let mut offset = body_start;
        for line in after_open.split_inclusive('\n') {
            let trimmed = line.trim_end();
            if trimmed == "---" || trimmed == "..." {
                fm.range = Some(start..offset + line.len());
                fm.read_yaml(text, body_start..offset);
                return fm;
            }
            offset += line.len();
        }
        fm.problems.push(Problem {
            span: start..start + 3,
            message: "front matter opened with `---` on line 1 is never closed; treating the file \
                      as body text"
                .to_string(),
            label: "opened here",
        });
        fm
    }

    /// Reads the front matter in `body` (bytes of `text`, between the `---` lines).
    fn read_yaml(&mut self, text: &str, body: Range<usize>) {
        let yaml_text = &text[body.clone()];
        // Most front matter is a few `key: value` lines; a full YAML parse of them cost more
        // than tokenizing the article, so the simple case is read directly.
        let raw_date = match simple_date(yaml_text) {
            Some(raw) => raw,
            None => match self.read_full_yaml(yaml_text) {
                Ok(raw) => raw,
                Err(line) => {
                    if let Some(p) = self.problems.last_mut() {
                        p.span = shift(line_span(yaml_text, line), body.start);
                    }
                    return;
                }
            },
        };
        if let Some(raw) = raw_date {
            match parse_publication_date(&raw) {
                Some(d) => self.date = Some(d),
                None => self.problems.push(Problem {
                    span: shift(date_span(yaml_text), body.start),
                    message: format!(
                        "front matter `date: {raw}` is not a date factlint understands (use \
                         YYYY-MM-DD); relative times will not be resolved"
                    ),
                    label: "not a date",
                }),
            }
        }
    }

    /// Parses the front matter as YAML: the raw `date:` (None without one) and the accepted
    /// words; when it is not valid YAML, records a problem and returns the 0-based line at
    /// fault (its span is the caller's to set).
    fn read_full_yaml(&mut self, yaml_text: &str) -> Result<Option<String>, usize> {
        let value: yaml::Value = match yaml::from_str(yaml_text) {
            Ok(v) => v,
            Err(e) => {
                let line = e.line.unwrap_or(0);
                self.problems.push(Problem {
                    span: 0..0,
                    message: format!(
                        "front matter is not valid YAML ({}, line {})",
                        e.message,
                        line + 1
                    ),
                    label: "here",
                });
                return Err(line);
            }
        };
        let Some(map) = value.as_mapping() else {
            return Ok(None);
        };
        if let Some(accept) = map
            .get("factlint")
            .and_then(|v| v.get("accept"))
            .and_then(|v| v.as_sequence())
        {
            self.accept = accept
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
        }
        Ok(map.get("date").map(|date| match date {
            yaml::Value::String(s) => s.clone(),
            other => yaml::to_string(other).trim().to_string(),
        }))
    }
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// The 0-based `line` of `s`, without its line break (the last line if there are fewer).
fn line_span(s: &str, line: usize) -> Range<usize> {
    let mut offset = 0;
    let mut last = 0..0;
    for (i, l) in s.split_inclusive('\n').enumerate() {
        last = offset..offset + l.trim_end_matches(['\n', '\r']).len();
        if i == line {
            break;
        }
        offset += l.len();
    }
    last
}

/// The value of the top-level `date:` key (the whole line when the key is not found on a
/// line of its own, as in a flow mapping).
fn date_span(yaml_text: &str) -> Range<usize> {
    let mut offset = 0;
    for l in yaml_text.split_inclusive('\n') {
        if let Some(rest) = l.strip_prefix("date:") {
            let value = rest.trim_start();
            let start = offset + l.len() - value.len();
            let value = value.trim_end();
            // An empty value: the key itself.
            return if value.is_empty() {
                offset..offset + 4
            } else {
                start..start + value.len()
            };
        }
        offset += l.len();
    }
    line_span(yaml_text, 0)
}

/// The raw `date:` of front matter made only of `key: value` lines, blank lines and comments,
/// each value a quoted string without escapes or a plain one-line scalar (and the date one that
/// YAML reads as a string, not a number). Some(None): no date. None: anything else (nesting,
/// lists, `factlint:`, repeated keys, unusual characters), which the YAML parser must read.
fn simple_date(yaml_text: &str) -> Option<Option<String>> {
    let mut keys: Vec<&str> = Vec::new();
    let mut date = None;
    for line in yaml_text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let colon = find_pair(line, b": ")?;
        let (key, value) = (&line[..colon], &line[colon + 2..]);
        let key_ok = key.starts_with(|c: char| c.is_ascii_alphabetic())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !key_ok || key == "factlint" || keys.contains(&key) {
            return None;
        }
        keys.push(key);
        let value = simple_scalar(value.trim_start())?;
        if key == "date" {
            date = Some(value);
        }
    }
    match date {
        None => Some(None),
        Some(Scalar::Quoted(s)) => Some(Some(s.to_string())),
        Some(Scalar::Plain(s)) => plain_is_text(s).then(|| Some(s.to_string())),
    }
}

enum Scalar<'a> {
    Quoted(&'a str),
    Plain(&'a str),
}

/// A one-line scalar YAML reads verbatim: `"..."` without `\` or `"` inside, `'...'` without
/// `'` inside, or a plain scalar that starts with a letter or digit and holds no `: `, ` #`,
/// tabs or characters YAML refuses.
fn simple_scalar(v: &str) -> Option<Scalar<'_>> {
    let printable = |s: &str| {
        !s.chars().any(|c| {
            c == '\t'
                || c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                )
        })
    };
    for quote in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(quote) {
            let inner = inner.strip_suffix(quote)?;
            let escaped = inner.contains(quote) || (quote == '"' && inner.contains('\\'));
            return (!escaped && printable(inner)).then_some(Scalar::Quoted(inner));
        }
    }
    let plain = v.starts_with(|c: char| c.is_alphanumeric())
        && find_pair(v, b": ").is_none()
        && find_pair(v, b" #").is_none()
        && !v.ends_with(':')
        && printable(v);
    plain.then_some(Scalar::Plain(v))
}

/// Where the two ASCII bytes `pair` first occur in `s` (a `str` pattern's searcher costs more
/// to set up than these short lines take to scan).
fn find_pair(s: &str, pair: &[u8; 2]) -> Option<usize> {
    s.as_bytes().windows(2).position(|w| w == pair)
}

/// Does YAML read this plain scalar as a string (not a number, boolean or null)? Only the
/// shapes dates come in are vouched for: a digit followed later by a space, `-` or `/` that is
/// no exponent sign (`2019-11-09`, `9 November 2019`), or words with a space between them.
fn plain_is_text(s: &str) -> bool {
    let b = s.as_bytes();
    if b[0].is_ascii_digit() {
        return (1..b.len())
            .any(|i| matches!(b[i], b' ' | b'-' | b'/') && !matches!(b[i - 1], b'e' | b'E'));
    }
    s.contains(' ')
}

/// `2019-11-09`, `2019-11-09T10:00:00Z`, `2019-11-09 10:00`, `November 9, 2019`, `9 November 2019`.
pub(super) fn parse_publication_date(raw: &str) -> Option<jiff::civil::Date> {
    let raw = raw.trim().trim_matches(|c| c == '"' || c == '\'');
    if let Some(Ok(d)) = raw.get(..10).map(str::parse::<jiff::civil::Date>) {
        return Some(d);
    }
    for fmt in ["%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y"] {
        if let Ok(d) = jiff::civil::Date::strptime(fmt, raw) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms() {
        for raw in [
            "2019-11-09",
            "2019-11-09T10:00:00Z",
            "November 9, 2019",
            "9 November 2019",
        ] {
            assert_eq!(
                parse_publication_date(raw).unwrap().to_string(),
                "2019-11-09",
                "{raw}"
            );
        }
        assert!(parse_publication_date("yesterday").is_none());
    }

    /// The shortcut for simple front matter must read exactly what the YAML parser reads, and
    /// step aside for everything else.
    #[test]
    fn simple_front_matter_reads_like_yaml() {
        let values = [
            "2019-11-09",
            "2019-11-09T10:00:00Z",
            "\"2019-11-09\"",
            "'2019-11-09'",
            "November 9, 2019",
            "9 November 2019",
            "2019",
            "1e-5",
            "-1",
            "0x1F",
            "true",
            "null",
            "~",
            "soon",
            "yes please",
            "\"a \\\"b\\\" c\"",
            "'it''s'",
            "\"x\" # note",
            "x # note",
            "a: b",
            "C# and F#",
            "He said \"hi\"",
            "[a, b]",
            "{a: b}",
            "a [b] {c}",
            "&anchor x",
            "*alias",
            "!tag x",
            "| block",
            "> folded",
            "@at",
            "`tick`",
            "%pct",
            "São Paulo",
            "tab\there",
            "line\u{2028}sep",
            "ends with:",
            "\"unclosed",
            "'unclosed",
            "",
        ];
        for v in values {
            for text in [
                format!("date: {v}\n"),
                format!("title: {v}\ndate: 2020-01-02\n"),
                format!("title: x\n\n# c\ndate: {v}\r\n"),
                format!("date: {v}\ndate: 2020-01-02\n"),
                format!("factlint: {v}\n"),
                format!("  date: {v}\n"),
            ] {
                let Some(quick) = simple_date(&text) else {
                    continue;
                };
                let mut full = FrontMatter::default();
                let read = full.read_full_yaml(&text);
                assert!(full.problems.is_empty(), "{text:?}: {:?}", full.problems);
                assert_eq!(read, Ok(quick), "{text:?}");
            }
        }
        // The common case does take the shortcut.
        assert_eq!(
            simple_date("title: \"A title\"\ndate: 2023-07-26\n"),
            Some(Some("2023-07-26".to_string()))
        );
        assert_eq!(simple_date("title: Plain words\n"), Some(None));
        assert_eq!(simple_date("date: 2019\n"), None);
    }

    #[test]
    fn unclosed_front_matter_is_body() {
        let fm = FrontMatter::parse("---\ndate: 2020-01-01\nno end\n");
        assert!(fm.range.is_none());
        assert!(fm.date.is_none());
        assert_eq!(fm.problems.len(), 1);
    }

    #[test]
    fn bad_date_is_reported_on_its_value() {
        for (text, flagged) in [
            ("---\ndate: soon\n---\n", "soon"),
            (
                "---\ntitle: x\ndate: \"next Tuesday\"  \r\n---\n",
                "\"next Tuesday\"",
            ),
            (
                "---\nfactlint:\n  accept: [x]\ndate: 12 Smarch\n---\n",
                "12 Smarch",
            ),
        ] {
            let fm = FrontMatter::parse(text);
            assert!(fm.date.is_none());
            assert!(fm.problems[0].message.contains(flagged.trim_matches('"')));
            assert_eq!(&text[fm.problems[0].span.clone()], flagged, "{text:?}");
        }
    }

    #[test]
    fn bad_yaml_and_unclosed_front_matter_are_located() {
        let text = "---\ntitle: x\nlist: [a, b\n---\n";
        let fm = FrontMatter::parse(text);
        assert_eq!(fm.problems.len(), 1, "{:?}", fm.problems);
        let span = fm.problems[0].span.clone();
        assert!(
            text[..span.start].starts_with("---\ntitle: x\n"),
            "{span:?}"
        );
        assert!(!span.is_empty());
        let fm = FrontMatter::parse("---\ndate: 2020-01-01\n");
        assert_eq!(fm.problems[0].span, 0..3);
    }

    #[test]
    fn accept_list() {
        let fm = FrontMatter::parse("---\nfactlint:\n  accept: [Zabaleta]\n---\n");
        assert_eq!(fm.accept, vec!["Zabaleta"]);
    }
}
