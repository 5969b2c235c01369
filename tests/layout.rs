//! The source tree's layout rules (issue 15), checked over `src/` as text:
//! - `src/checks/` holds rule kinds only, and no kind uses another: what two kinds share
//!   lives in `checks/support/` or `analysis/`;
//! - no module is over 1,000 lines and no function over 120, tests aside.

use std::fs;
use std::path::{Path, PathBuf};

const MAX_MODULE_LINES: usize = 1000;
const MAX_FUNCTION_LINES: usize = 120;

/// Functions longer than the limit that are yet to be split, with the length they may not
/// pass. Shorten one and lower (or drop) its line; a new long function fails.
/// None is left: a function that grows past the limit is split, not listed here.
const LONG_FUNCTIONS: &[(&str, &str, usize)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The lines of a module before its test module (`#[cfg(test)] mod tests`), or all of them;
/// a file that is a test module (`tests.rs`) has none.
fn code_lines(name: &str, text: &str) -> usize {
    if name.ends_with("/tests.rs") {
        return 0;
    }
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .position(|l| l.starts_with("mod tests"))
        .unwrap_or(lines.len())
}

/// The kinds: the modules directly in `src/checks/` but its `mod.rs`.
fn kinds(files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter_map(|(name, _)| name.strip_prefix("src/checks/"))
        .filter(|rest| !rest.contains('/') && *rest != "mod.rs")
        .map(|rest| rest.trim_end_matches(".rs").to_string())
        .collect()
}

/// The names a path prefix reaches in `text`: `super::a`, `super::{a, b::c}`.
fn names_after(text: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices(prefix) {
        let rest = &text[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            names.extend(group.split(',').map(|part| {
                let part = part.trim();
                part[..part.find("::").unwrap_or(part.len())].to_string()
            }));
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            names.push(rest[..end].to_string());
        }
    }
    names
}

#[test]
fn no_kind_uses_another_kind() {
    let files = sources();
    let kinds = kinds(&files);
    assert!(kinds.len() >= 19, "{kinds:?}");
    let mut wrong = Vec::new();
    for (name, text) in &files {
        let Some(kind) = name
            .strip_prefix("src/checks/")
            .and_then(|r| r.strip_suffix(".rs"))
            .filter(|k| kinds.iter().any(|x| x == k))
        else {
            continue;
        };
        let mut used = names_after(text, "super::");
        used.extend(names_after(text, "crate::checks::"));
        for other in used {
            if other != kind && kinds.contains(&other) {
                wrong.push(format!("{name} uses the kind `{other}`"));
            }
        }
    }
    // Shared code below checks/ is no kind's either.
    for (name, text) in files
        .iter()
        .filter(|(n, _)| n.starts_with("src/checks/support/"))
    {
        for other in names_after(text, "crate::checks::") {
            if kinds.contains(&other) {
                wrong.push(format!("{name} uses the kind `{other}`"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn checks_holds_kinds_only() {
    let files = sources();
    for (name, text) in &files {
        let Some(rest) = name.strip_prefix("src/checks/") else {
            continue;
        };
        if rest.contains('/') || rest == "mod.rs" {
            continue;
        }
        assert!(
            text.contains("static KIND: Kind"),
            "{name} is no rule kind: move it to checks/support/ or analysis/"
        );
    }
}

#[test]
fn no_module_over_the_limit() {
    let over: Vec<String> = sources()
        .iter()
        .map(|(name, text)| (name, code_lines(name, text)))
        .filter(|(_, n)| *n > MAX_MODULE_LINES)
        .map(|(name, n)| format!("{name}: {n} lines"))
        .collect();
    assert!(
        over.is_empty(),
        "over {MAX_MODULE_LINES} lines:\n{}",
        over.join("\n")
    );
}

/// Each function's name and length: from its `fn` line to the closing brace at its indent.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let mut words = body.split_whitespace().peekable();
        while words
            .peek()
            .is_some_and(|w| w.starts_with("pub") || ["const", "async", "unsafe"].contains(w))
        {
            words.next();
        }
        if words.next() != Some("fn") || line.trim_end().ends_with(';') {
            continue;
        }
        let name = words.next().unwrap_or("");
        let name = &name[..name.find(['(', '<']).unwrap_or(name.len())];
        let close = format!("{indent}}}");
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            out.push((name.to_string(), end + 2));
        }
    }
    out
}

#[test]
fn no_function_over_the_limit() {
    let mut wrong = Vec::new();
    for (name, text) in sources() {
        if name.ends_with("/tests.rs") {
            continue;
        }
        let code: String = text
            .lines()
            .take(code_lines(&name, &text))
            .collect::<Vec<_>>()
            .join("\n");
        for (f, n) in functions(&code) {
            let allowed = LONG_FUNCTIONS
                .iter()
                .find(|(file, func, _)| *file == name && *func == f)
                .map_or(MAX_FUNCTION_LINES, |&(_, _, n)| n);
            if n > allowed {
                wrong.push(format!("{name}: fn {f} is {n} lines (at most {allowed})"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
