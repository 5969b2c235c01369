//! The human format as a reader meets it: snippets fit a 100-column terminal, and the README's
//! sample is the tool's real output.

mod common;

use common::bin;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

fn human(args: &[&str]) -> String {
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--no-config", "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.code().unwrap_or(-1) <= 1, "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Every article the tests carry, each with and without a publication date (the notes differ).
fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<String> = ["tests/articles", "tests/corpus"]
        .iter()
        .flat_map(|d| walk(&root.join(d)))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.strip_prefix(root).unwrap().display().to_string())
        .collect();
    paths.sort();
    assert!(paths.iter().any(|p| p.ends_with("bolivia-police.md")));
    paths
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn every_line_fits_in_100_columns() {
    for path in articles() {
        for date in [None, Some("2019-11-09")] {
            let mut args = vec![path.as_str()];
            if let Some(d) = date {
                args.extend(["--date", d]);
            }
            let out = human(&args);
            // A clean article (the held-out corpus has some) shows no snippet.
            assert!(
                out.contains('│') || out.contains("0 findings") || out.trim().is_empty(),
                "{path}: no snippet:\n{out}"
            );
            for line in out.lines() {
                assert!(
                    line.width() <= 100,
                    "{path}: {} columns:\n{line}",
                    line.width()
                );
            }
        }
    }
}

#[test]
fn show_source_full_prints_whole_lines() {
    let seed = "tests/articles/bolivia-police.md";
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(seed)).unwrap();
    let paragraph = text
        .lines()
        .find(|l| l.contains("against and against"))
        .unwrap();
    let full = human(&["--show-source", "full", seed]);
    assert!(full.contains(&format!("│ {paragraph}\n")), "{full}");
    let windowed = human(&[seed]);
    assert!(!windowed.contains(paragraph), "{windowed}");
    assert!(windowed.contains("… more than 300. Demonstrations against and against Morales"));
}

/// The README opens with a command and its output, in a `console` block.
#[test]
fn the_readme_sample_is_real_output() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"));
    let readme = readme.unwrap();
    let block = readme
        .split("```console\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("a ```console block in the README");
    let (command, shown) = block.split_once('\n').unwrap();
    let args: Vec<&str> = command
        .strip_prefix("$ factlint ")
        .expect("the block starts with `$ factlint …`")
        .split_whitespace()
        .collect();
    let out = bin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(&args)
        .output()
        .unwrap();
    let real = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        real.trim_end(),
        shown.trim_end(),
        "README.md's sample is not what `factlint {}` prints:\n{real}",
        args.join(" ")
    );
}
