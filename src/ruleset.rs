//! Rule sets: YAML files that choose rule kinds and configure them. Loading validates
//! everything up front (kinds, fields, regexes) and points errors at the YAML line and column.

use crate::checks::{self, Check, Common, Kind};
use crate::diagnostic::Severity;
use crate::yaml;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// Default rule sets, embedded so the binary works with no files beside it.
pub const BUILTIN: &[(&str, &str)] = &[
    ("rules/style.yml", include_str!("../rules/style.yml")),
    ("rules/time.yml", include_str!("../rules/time.yml")),
    ("rules/counts.yml", include_str!("../rules/counts.yml")),
    ("rules/names.yml", include_str!("../rules/names.yml")),
];

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub bad: Vec<String>,
    #[serde(default)]
    pub good: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    set: String,
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    rules: Vec<RawRule>,
}

#[derive(Deserialize)]
struct RawRule {
    id: String,
    kind: String,
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    enabled: Option<bool>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    examples: Option<Examples>,
    #[serde(flatten)]
    options: BTreeMap<String, yaml::Value>,
}

pub struct Rule {
    /// `<set>.<id>`
    pub id: String,
    pub set: String,
    pub kind: &'static Kind,
    pub severity: Severity,
    pub enabled: bool,
    pub description: Option<String>,
    pub examples: Examples,
    /// Where the rule came from (a path, or `<builtin>/rules/x.yml`).
    pub source: String,
    pub check: Box<dyn Check>,
}

/// A rule set that could not be loaded, located in its YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    /// The YAML text, when it could be read (for rendering the error over it).
    pub text: Option<String>,
    pub offset: Option<usize>,
    pub message: String,
}

impl LoadError {
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (text, offset) = (self.text.as_ref()?, self.offset?);
        let idx = crate::source::LineIndex::new(text);
        let p = idx.position(text, offset);
        Some((p.line, p.column))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_col() {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Loads one rule set from its text. `origin` names it in messages and `factlint rules`.
pub fn parse(origin: &str, text: &str) -> Result<Vec<Rule>, LoadError> {
    let err = |offset: Option<usize>, message: String| LoadError {
        path: origin.to_string(),
        text: Some(text.to_string()),
        offset,
        message,
    };
    let raw: RawSet = yaml::from_str(text).map_err(|e| err(e.offset, e.message))?;
    if !valid_id(&raw.set) {
        return Err(err(
            locate(text, 0, "set"),
            format!(
                "invalid set name `{}` (use letters, digits, '-' and '_')",
                raw.set
            ),
        ));
    }
    let mut rules = Vec::new();
    let mut cursor = 0;
    for r in raw.rules {
        let at = locate_rule(text, cursor, &r.id);
        cursor = at.unwrap_or(cursor);
        let field_at = |field: &str| locate(text, cursor, field).or(at);
        if !valid_id(&r.id) {
            return Err(err(
                at,
                format!(
                    "invalid rule id `{}` (use letters, digits, '-' and '_')",
                    r.id
                ),
            ));
        }
        let id = format!("{}.{}", raw.set, r.id);
        let kind = checks::kind(&r.kind).ok_or_else(|| {
            let known: Vec<&str> = checks::KINDS.iter().map(|k| k.doc.name).collect();
            err(
                field_at("kind"),
                format!(
                    "unknown rule kind `{}` (known kinds: {})",
                    r.kind,
                    known.join(", ")
                ),
            )
        })?;
        let severity = match &r.severity {
            None => Severity::Warning,
            Some(s) => Severity::parse(s).ok_or_else(|| {
                err(
                    field_at("severity"),
                    format!("unknown severity `{s}` (use error, warning or info)"),
                )
            })?,
        };
        if r.message.is_some() && !kind.takes_message() {
            return Err(err(
                field_at("message"),
                format!(
                    "rule `{id}` (kind `{}`): this kind writes its own messages, so `message` \
                     has no effect; remove it (kinds that take one: {})",
                    kind.doc.name,
                    checks::TAKE_MESSAGE.join(", ")
                ),
            ));
        }
        let common = Common {
            id: id.clone(),
            message: r.message.clone(),
            set: raw.set.clone(),
        };
        let options = yaml::Value::Mapping(
            r.options
                .into_iter()
                .map(|(k, v)| (yaml::Value::String(k), v))
                .collect(),
        );
        let check = (kind.build)(options, &common).map_err(|message| {
            // Point at the offending field when the message names one, else at the quoted
            // value itself (an invalid regex, say).
            let quoted = message.split('`').nth(1).unwrap_or("");
            let is_key =
                !quoted.is_empty() && quoted.chars().all(|c| c.is_alphanumeric() || c == '_');
            let as_key = if is_key {
                locate(text, cursor, quoted)
            } else {
                None
            };
            let as_value = || {
                (!quoted.is_empty())
                    .then(|| text[cursor..].find(quoted).map(|i| cursor + i))
                    .flatten()
            };
            let offset = as_key.or_else(as_value).or(at);
            err(
                offset,
                format!("rule `{id}` (kind `{}`): {message}", kind.doc.name),
            )
        })?;
        rules.push(Rule {
            id,
            set: raw.set.clone(),
            kind,
            severity,
            enabled: r.enabled.unwrap_or(true),
            description: r.description,
            examples: r.examples.unwrap_or_default(),
            source: origin.to_string(),
            check,
        });
    }
    Ok(rules)
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The lines of `text` that start at or after `from`, each with its offset.
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n')
        .scan(0, |offset, line| {
            let here = *offset;
            *offset += line.len();
            Some((here, line))
        })
        .filter(move |&(here, _)| here >= from)
}

/// Offset of `- id: <id>` (or `id: <id>`) at or after `from`.
fn locate_rule(text: &str, from: usize, id: &str) -> Option<usize> {
    lines_from(text, from).find_map(|(here, line)| {
        let t = line.trim_start().trim_start_matches("- ").trim_start();
        let rest = t.strip_prefix("id:")?;
        (rest.trim().trim_matches(|c| c == '"' || c == '\'') == id)
            .then(|| here + line.find("id:").unwrap_or(0))
    })
}

/// Offset of `<field>:` as a key at or after `from`.
fn locate(text: &str, from: usize, field: &str) -> Option<usize> {
    let needle = format!("{field}:");
    lines_from(text, from).find_map(|(here, line)| {
        let t = line.trim_start().trim_start_matches("- ");
        t.starts_with(&needle)
            .then(|| here + line.find(&needle).unwrap_or(0))
    })
}

/// Loads a rule-set file, or every `*.yml`/`*.yaml` file in a directory (sorted by name).
pub fn load_path(path: &Path) -> Result<Vec<Rule>, LoadError> {
    let display = path.display().to_string();
    let io_err = |e: std::io::Error| LoadError {
        path: display.clone(),
        text: None,
        offset: None,
        message: e.to_string(),
    };
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(io_err)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml") && p.is_file())
            .collect();
        files.sort();
        let mut rules = Vec::new();
        for f in files {
            rules.extend(load_path(&f)?);
        }
        return Ok(rules);
    }
    let bytes = std::fs::read(path).map_err(io_err)?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError {
        path: display.clone(),
        text: None,
        offset: None,
        message: format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    parse(&display, &text)
}

/// The `source` of every built-in rule starts with this.
pub const BUILTIN_SOURCE: &str = "<builtin>";

pub fn load_builtin() -> Vec<Rule> {
    BUILTIN
        .iter()
        .flat_map(|(name, text)| {
            // The embedded sets are tested (`builtin_sets_load`); a failure here is a build bug.
            parse(&format!("{BUILTIN_SOURCE}/{name}"), text)
                .unwrap_or_else(|e| panic!("built-in rule set: {e}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_sets_load() {
        for (name, text) in BUILTIN {
            parse(name, text).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    /// A rule's `message:` is used by the kinds that say they take one, and a located load
    /// error for the others; each kind's documented rule and bad example show it.
    #[test]
    fn every_kind_honours_or_rejects_a_message() {
        for kind in checks::KINDS {
            let d = kind.doc.parsed();
            // A kind no rule set configures (`archive`, from the config's archive_evidence).
            let Some(config) = d.example.rule else {
                continue;
            };
            let mut text = String::from("set: t\nrules:\n");
            for (i, line) in config.lines().enumerate() {
                if line.trim_start().starts_with("message:") {
                    continue;
                }
                text.push_str(&format!("  {line}\n"));
                if i == 0 {
                    text.push_str("    message: \"MARK {match}\"\n");
                }
            }
            match parse("t.yml", &text) {
                Ok(rules) => {
                    assert!(
                        kind.takes_message(),
                        "{}: message accepted:\n{text}",
                        d.name
                    );
                    let date = Some(jiff::civil::date(2019, 11, 9));
                    let found = crate::Linter::new(rules).lint_text(d.example.reported[0], date);
                    assert!(
                        found.iter().any(|f| f.message.starts_with("MARK ")),
                        "{}: message not used: {found:?}",
                        d.name
                    );
                }
                Err(e) => {
                    assert!(!kind.takes_message(), "{}: {e}", d.name);
                    assert!(e.message.contains("writes its own messages"), "{e}");
                    assert_eq!(e.line_col().map(|(l, _)| l), Some(4), "{e}");
                }
            }
        }
    }

    fn load_err(text: &str) -> LoadError {
        match parse("x.yml", text) {
            Err(e) => e,
            Ok(_) => panic!("expected an error"),
        }
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = load_err("set: a\nrules:\n  - id: x\n    kind: [unclosed\n");
        assert!(e.line_col().is_some(), "{e}");
    }

    #[test]
    fn unknown_kind_points_at_kind() {
        let e = load_err("set: a\nrules:\n  - id: x\n    kind: nope\n");
        assert_eq!(e.line_col(), Some((4, 5)));
        assert!(e.message.contains("unknown rule kind `nope`"));
    }

    #[test]
    fn unknown_field_points_at_field() {
        let e = load_err(
            "set: a\nrules:\n  - id: x\n    kind: substitution\n    swap: {a: b}\n    bogus: 1\n",
        );
        assert_eq!(e.line_col(), Some((6, 5)), "{e}");
        assert!(e.message.contains("bogus"));
    }

    #[test]
    fn invalid_regex_is_an_error() {
        let e = load_err(
            "set: a\nrules:\n  - id: x\n    kind: existence\n    patterns: ['(unclosed']\n",
        );
        assert!(e.message.contains("invalid regex"), "{e}");
    }

    #[test]
    fn alias_bomb_is_refused_quickly() {
        // In a rule's options, where unknown keys are read as free values: the aliases are
        // really expanded there (at the top level, the first unknown key stops parsing first).
        let mut text = String::from("set: a\nrules:\n  - id: x\n    kind: existence\n");
        text.push_str("    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            text.push_str(&format!("    a{i}: &a{i} [{refs}]\n"));
        }
        let start = std::time::Instant::now();
        let e = load_err(&text);
        assert!(e.message.contains("repetition limit exceeded"), "{e}");
        assert!(start.elapsed().as_secs() < 5);
    }
}
