//! Every YAML parse in factlint goes through here, so the YAML crate can be swapped in one place.

use serde::de::DeserializeOwned;

pub(crate) use serde_yaml::Value;

/// A YAML problem with its 1-based line and column when the parser knows them.
#[derive(Debug, Clone)]
pub(crate) struct YamlError {
    pub message: String,
    pub line: Option<usize>,
    /// Not shown (the offset places the error); kept for tests of the parser's positions.
    #[cfg_attr(not(test), allow(dead_code))]
    pub column: Option<usize>,
    /// Byte offset into the parsed text, when known.
    pub offset: Option<usize>,
}

impl YamlError {
    fn from_serde(e: serde_yaml::Error) -> Self {
        let loc = e.location();
        let mut message = e.to_string();
        // serde_yaml appends " at line L column C"; we print the location ourselves.
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        YamlError {
            message,
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
            offset: loc.as_ref().map(|l| l.index()),
        }
    }
}

/// Parses a whole document into a typed value.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    check_flow_depth(text)?;
    serde_yaml::from_str(text).map_err(|e| {
        let mut e = YamlError::from_serde(e);
        if e.message.starts_with("repetition limit exceeded") {
            // The YAML crate's guard against alias bombs ("billion laughs").
            e.message = "aliases expand to too many values (repetition limit exceeded); \
                         a rule set never needs that many"
                .into();
        }
        e
    })
}

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused before parsing.
///
/// Why: the YAML scanner spends time proportional to the current flow depth on every token, so
/// 100,000 nested `[` take minutes, and serde_yaml's recursion limit (128 levels) only applies
/// after the whole text has been scanned. Nothing deeper than that limit could load anyway.
pub(crate) const MAX_FLOW_DEPTH: usize = 128;

/// Measures flow nesting with a small scanner that knows quoted scalars, block scalars,
/// comments and plain scalars in block context (where `[` is an ordinary character). It errs
/// towards counting a bracket, so only hostile or broken YAML is refused.
fn check_flow_depth(text: &str) -> Result<(), YamlError> {
    let b = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    let mut line_start = 0;
    // Could a token (quoted scalar, collection, block scalar) start here?
    let mut token_start = true;
    while i < b.len() {
        let c = b[i];
        let next_is_space = b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        match c {
            b'\n' => {
                line_start = i + 1;
                token_start = true;
            }
            b' ' | b'\t' | b'\r' => {}
            b'#' if i == 0 || b[i - 1].is_ascii_whitespace() => {
                i = memchr(b, i, b'\n');
                continue;
            }
            b'[' | b'{' if token_start || depth > 0 => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    let line = 1 + b[..i].iter().filter(|&&x| x == b'\n').count();
                    return Err(YamlError {
                        message: format!(
                            "collections nested more than {MAX_FLOW_DEPTH} levels deep"
                        ),
                        line: Some(line),
                        column: Some(i - line_start + 1),
                        offset: Some(i),
                    });
                }
                token_start = true;
            }
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                token_start = false;
            }
            b',' if depth > 0 => token_start = true,
            b':' | b'-' | b'?' if next_is_space => token_start = true,
            b'\'' | b'"' if token_start => {
                i = skip_quoted(b, i);
                token_start = false;
                continue;
            }
            b'&' | b'!' if token_start => {
                // An anchor or tag: a quoted scalar or collection may follow it.
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                continue;
            }
            b'|' | b'>' if token_start && depth == 0 => {
                i = skip_block_scalar(b, line_start, i);
                token_start = true;
                continue;
            }
            _ => token_start = false,
        }
        i += 1;
    }
    Ok(())
}

/// Index of the next `byte` at or after `from`, or the end.
fn memchr(b: &[u8], from: usize, byte: u8) -> usize {
    b[from..]
        .iter()
        .position(|&x| x == byte)
        .map_or(b.len(), |p| from + p)
}

/// Index just past a quoted scalar starting at `open` (`''` escapes a single quote; a
/// backslash escapes anything in a double-quoted one), or the end if it never closes.
fn skip_quoted(b: &[u8], open: usize) -> usize {
    let quote = b[open];
    let mut i = open + 1;
    while i < b.len() {
        match b[i] {
            b'\\' if quote == b'"' => i += 2,
            q if q == quote => {
                if quote == b'\'' && b.get(i + 1) == Some(&b'\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// Index of the first line after a block scalar (`|` or `>` at `at`): its lines are blank or
/// indented more than the line that introduces it.
fn skip_block_scalar(b: &[u8], line_start: usize, at: usize) -> usize {
    let indent_of = |s: usize| b[s..].iter().take_while(|&&x| x == b' ').count();
    let parent = indent_of(line_start);
    let mut i = memchr(b, at, b'\n');
    while i < b.len() {
        let next = i + 1;
        let end = memchr(b, next, b'\n');
        let line = &b[next..end];
        let blank = line.iter().all(|x| x.is_ascii_whitespace());
        if !blank && indent_of(next) <= parent {
            return next;
        }
        i = end;
    }
    b.len()
}

/// Converts an already-parsed value (positions are lost at this point).
pub(crate) fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, YamlError> {
    serde_yaml::from_value(value).map_err(YamlError::from_serde)
}

pub(crate) fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(text: &str) -> bool {
        check_flow_depth(text).is_ok()
    }

    #[test]
    fn deep_flow_nesting_is_refused_fast_with_a_location() {
        let deep = format!("a: 1\nb: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let start = std::time::Instant::now();
        let e = from_str::<Value>(&deep).unwrap_err();
        assert!(start.elapsed().as_secs() < 2);
        assert!(
            e.message.contains("nested more than 128 levels"),
            "{}",
            e.message
        );
        assert_eq!((e.line, e.column), (Some(2), Some(132)));
        let maps = format!("a: {}{}\n", "{b: ".repeat(200), "}".repeat(200));
        assert!(!depth_ok(&maps));
        // Just below the limit, the scanner lets the YAML parser decide.
        assert!(depth_ok(&format!(
            "a: {}{}\n",
            "[".repeat(100),
            "]".repeat(100)
        )));
    }

    #[test]
    fn brackets_that_are_not_collections_are_not_counted() {
        let many = |s: &str| s.repeat(MAX_FLOW_DEPTH + 10);
        // Quoted scalars, in block and flow context, with escapes.
        assert!(depth_ok(&many(
            "- '[[' \n- \"[{\\\"[\"\n- ['it''s [', \"[\"]\n"
        )));
        // Plain scalars in block context, comments, block scalars.
        assert!(depth_ok(&many("- a[b\n- x # [[[\n")));
        assert!(depth_ok(&format!(
            "d: |\n  {}\n  more\n\nnext: 1\n",
            many("[ ")
        )));
        assert!(depth_ok(&format!("d: >-\n  {}\ne: [x]\n", many("{"))));
        // Regexes with classes, as rule sets write them.
        assert!(depth_ok(&many("patterns: ['\\[\\d+\\]', \"[A-Z]{2,}\"]\n")));
        assert!(from_str::<Value>(&many("- {a: [1, 2], b: 'x]'}\n")).is_ok());
    }

    #[test]
    fn quotes_cannot_hide_real_nesting() {
        // A closing bracket inside a quoted scalar does not close anything.
        let sneaky = format!("a: {}\n", "[ ']', ".repeat(200));
        assert!(!depth_ok(&sneaky));
        // Nor after an anchor or a tag.
        let tagged = format!("a: {}\n", "[ &x ']', !!str \"}\", ".repeat(200));
        assert!(!depth_ok(&tagged));
    }

    #[test]
    fn alias_bombs_get_a_clear_message() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let e = from_str::<Value>(&text).unwrap_err();
        assert!(
            e.message.contains("aliases expand to too many values"),
            "{}",
            e.message
        );
    }
}
