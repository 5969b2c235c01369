//! Big input: a whole article on one line, generated at run time (never checked in).
//! The default suite lints 5 MB in a debug build; the 50 MB case is `#[ignore]`d (run it with
//! `cargo test --release --test big_input -- --ignored`, or time the release binary with
//! scripts/robustness.sh, which also reports peak memory).
//!
//! Time and memory must grow linearly: the same text at 1 MB and 5 MB is timed, and a ratio
//! far above 5 means something quadratic crept in (column counting, suppressions, snippets).

mod common;

use common::{assert_code, bin_path};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// News copy with findings in it (a doubled word, a misspelling, a relative date), as one line.
fn one_line(bytes: usize) -> String {
    let s = "The minister said on Monday, March 4, 2024, that 1,100 people marched in La Paz \
             against Evo Morales, who won a fourth term, and the the goverment replied. ";
    let mut text = s.repeat(bytes / s.len() + 1);
    text.truncate(bytes);
    let cut = text.rfind(' ').unwrap_or(0);
    text.truncate(cut);
    text.push('\n');
    text
}

/// Lints `path` in `format` and returns the time taken and the number of findings.
fn lint(path: &Path, format: &str) -> (Duration, usize) {
    let start = Instant::now();
    let out = Command::new(bin_path())
        .args([
            "check",
            "--no-config",
            "--format",
            format,
            "--date",
            "2024-03-09",
        ])
        .arg(path)
        .output()
        .unwrap();
    let took = start.elapsed();
    assert_code(&out, 1);
    let findings = match format {
        "jsonl" => out
            .stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        _ => String::from_utf8_lossy(&out.stdout)
            .matches("warning[")
            .count(),
    };
    (took, findings)
}

#[test]
fn five_megabytes_on_one_line_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.md");
    let big = dir.path().join("big.md");
    std::fs::write(&small, one_line(1_000_000)).unwrap();
    std::fs::write(&big, one_line(5_000_000)).unwrap();
    let (t1, n1) = lint(&small, "jsonl");
    let (t5, n5) = lint(&big, "jsonl");
    assert!(n1 > 10_000 && n5 > 5 * n1 - 100, "{n1} {n5}");
    // Generous: a debug build on a busy machine. Quadratic behaviour shows as ~25x.
    assert!(t5 < Duration::from_secs(60), "5 MB took {t5:?}");
    assert!(
        t5 < t1 * 12 + Duration::from_secs(2),
        "1 MB took {t1:?}, 5 MB took {t5:?}: worse than linear"
    );
}

#[test]
fn thousands_of_snippets_on_one_long_line_stay_small() {
    // The human format shows a window of a long line per finding, not the whole line.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("line.md");
    std::fs::write(&p, one_line(1_000_000)).unwrap();
    let start = Instant::now();
    let out = Command::new(bin_path())
        .args(["check", "--no-config", "--format", "human"])
        .arg(&p)
        .output()
        .unwrap();
    let took = start.elapsed();
    let findings = String::from_utf8_lossy(&out.stdout)
        .matches("warning[")
        .count();
    assert!(findings > 10_000, "{findings}");
    assert!(
        out.stdout.len() < findings * 1500,
        "{} bytes for {findings} findings",
        out.stdout.len()
    );
    assert!(took < Duration::from_secs(60), "{took:?}");
}

#[test]
#[ignore = "50 MB: slow in debug builds; run with --release (see the module comment)"]
fn fifty_megabytes_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.md");
    std::fs::write(&p, one_line(50_000_000)).unwrap();
    let (took, findings) = lint(&p, "jsonl");
    assert!(findings > 500_000, "{findings}");
    assert!(took < Duration::from_secs(300), "{took:?}");
}

#[test]
fn pieces_of_a_huge_text_report_at_the_right_places() {
    // Over the size above which a text is analysed a piece at a time: every finding of every
    // piece must land on its own words in the whole text, none lost at the cuts.
    let text = one_line(factlint::document::SEGMENTED_ABOVE + 300_000);
    let doc = factlint::document::Document::parse(
        "huge.md",
        text.clone(),
        factlint::document::Format::Markdown,
    );
    assert!(doc.segments().len() > 1);
    let found = factlint::Linter::with_default_rules().lint(&doc, None);
    let doubled: Vec<_> = found
        .iter()
        .filter(|d| d.rule == "style.repetition")
        .collect();
    assert_eq!(doubled.len(), text.matches("the the").count());
    for d in doubled {
        assert_eq!(&text[d.span.clone()], "the the");
        for f in &d.fixes {
            assert!(text[f.span.clone()].starts_with(" the") || &text[f.span.clone()] == "the");
        }
    }
}
