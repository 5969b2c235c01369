//! "Rule sets are data" (docs/robustness.md), checked on the source: no rule kind touches the
//! file system, the network or other processes, and every regex built from rule-set text goes
//! through `checks::compile_regex`, which sets the size and nesting limits. A new kind that
//! breaks this fails here with the file and line.

use std::path::Path;

/// Things a rule kind must never do.
const FORBIDDEN: &[&str] = &[
    "std::fs",
    "std::net",
    "std::process",
    "File::open",
    "File::create",
    "Command::new",
    "TcpStream",
    "UdpSocket",
    "std::env::var",
    "libloading",
    "unsafe {",
    "unsafe fn",
];

/// The rule kinds, and with `loader` the rule-set parser too (which reads only the files the
/// user names, so it is left out of the file-system check).
fn kind_sources(loader: bool) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = if loader {
        vec![root.join("src/ruleset.rs"), root.join("src/yaml.rs")]
    } else {
        Vec::new()
    };
    // The kinds and the support code they share (`src/checks/support/`), which runs in the
    // linter as much as they do.
    let mut checks = Vec::new();
    let mut folders = vec![root.join("src/checks")];
    while let Some(folder) = folders.pop() {
        for path in std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
        {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                checks.push(path);
            }
        }
    }
    checks.sort();
    files.extend(checks);
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            // Unit tests may write scratch files; only the code that runs in the linter counts.
            let code = match text.find("#[cfg(test)]") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            (p.display().to_string(), code)
        })
        .collect()
}

#[test]
fn rule_kinds_do_not_touch_files_network_or_processes() {
    let mut found = Vec::new();
    for (path, code) in kind_sources(false) {
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            for f in FORBIDDEN {
                if line.contains(f) {
                    found.push(format!("{path}:{}: `{f}`", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "rule kinds must be pure data:\n{}",
        found.join("\n")
    );
}

#[test]
fn regexes_from_rule_sets_have_size_limits() {
    // `Regex::new` / `RegexBuilder::new` are fine on string literals (the kind's own fixed
    // patterns); anything else must be `compile_regex`.
    let mut found = Vec::new();
    for (path, code) in kind_sources(true) {
        for (n, line) in code.lines().enumerate() {
            for call in ["Regex::new(", "RegexBuilder::new(", "RegexSet::new("] {
                let mut rest = line;
                while let Some(i) = rest.find(call) {
                    let arg = rest[i + call.len()..].trim_start();
                    let literal =
                        arg.starts_with('"') || arg.starts_with("r\"") || arg.starts_with("r#");
                    let in_compile_regex = path.ends_with("checks/mod.rs")
                        && code
                            .lines()
                            .take(n + 1)
                            .any(|l| l.contains("pub fn compile_regex"));
                    if !literal && !in_compile_regex {
                        found.push(format!("{path}:{}: {}", n + 1, line.trim()));
                    }
                    rest = &rest[i + call.len()..];
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "build user regexes with checks::compile_regex:\n{}",
        found.join("\n")
    );
}

#[test]
fn compile_regex_refuses_oversized_and_overnested_patterns() {
    use factlint::checks::compile_regex;
    let big = compile_regex(r"\w{1000}\w{1000}\w{1000}", false).unwrap_err();
    assert!(big.contains("size limit"), "{big}");
    let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
    assert!(compile_regex(&deep, false).unwrap_err().contains("nest"));
    // Ordinary patterns compile.
    assert!(compile_regex(r"\b(?:Kiev|Kyiv)\b", true).is_ok());
}
