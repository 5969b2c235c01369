//! Replays inputs through the fuzz targets' own checks (fuzz/fuzz_targets/props.rs), so a
//! crash or hang found by fuzzing stays fixed: save the input under
//! `fuzz/regressions/<target>/` (lint, ruleset or fix) and it runs in every `cargo test`.
//! The seed corpus (tests/articles, tests/cmd, rules/) runs through the same checks.

#[path = "../fuzz/fuzz_targets/props.rs"]
mod props;

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p, keep));
        } else if keep(&p) {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Runs `target` on each file, naming the file when it panics.
fn replay(target: fn(&[u8]), inputs: &[PathBuf]) {
    for p in inputs {
        let bytes = std::fs::read(p).unwrap();
        let result = std::panic::catch_unwind(|| target(&bytes));
        assert!(result.is_ok(), "{} fails its fuzz checks", p.display());
    }
}

fn saved(target: &str) -> Vec<PathBuf> {
    files(&root().join("fuzz/regressions").join(target), &|_| true)
}

fn articles() -> Vec<PathBuf> {
    let mut v = files(&root().join("tests/articles"), &|_| true);
    v.extend(files(&root().join("tests/cmd"), &|p| {
        p.extension().is_some_and(|e| e == "md" || e == "txt")
    }));
    v
}

fn rule_sets() -> Vec<PathBuf> {
    let is_yaml = |p: &Path| p.extension().is_some_and(|e| e == "yml");
    let mut v = files(&root().join("rules"), &is_yaml);
    v.extend(files(&root().join("tests/cmd"), &is_yaml));
    v
}

#[test]
fn saved_inputs_pass_the_lint_checks() {
    let inputs = saved("lint");
    assert!(!inputs.is_empty());
    replay(props::lint, &inputs);
    replay(props::lint, &articles());
}

#[test]
fn saved_inputs_pass_the_ruleset_checks() {
    let inputs = saved("ruleset");
    assert!(!inputs.is_empty());
    replay(props::ruleset, &inputs);
    replay(props::ruleset, &rule_sets());
}

#[test]
fn saved_inputs_pass_the_fix_checks() {
    let mut inputs = saved("fix");
    assert!(!inputs.is_empty());
    inputs.extend(saved("lint"));
    replay(props::fix, &inputs);
    replay(props::fix, &articles());
}
