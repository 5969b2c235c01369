//! The bad-input catalogue (docs/robustness.md), for input that cannot live as a checked-in
//! fixture under tests/cmd: FIFOs, devices, symlink loops, permissions, generated files, odd
//! encodings and line endings, pathological nesting, hostile rule sets.

mod common;

use common::{assert_code, factlint, file_in_temp_dir, fix_in_place, utf16};
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs `factlint check --no-config --format short ARGS` and returns (stdout, stderr, status).
fn check_short(args: &[&std::ffi::OsStr]) -> (String, String, i32) {
    let out = factlint()
        .args(["check", "--no-config", "--format", "short"])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn os(p: &Path) -> &std::ffi::OsStr {
    p.as_os_str()
}

#[cfg(unix)]
#[test]
fn fifo_on_the_command_line_is_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let out = factlint().arg("check").arg(&fifo).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_a_folder_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("a");
    std::fs::create_dir(&sub).unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    std::fs::write(sub.join("story.md"), "The the end.\n").unwrap();
    let out = factlint()
        .arg("check")
        .arg("--format")
        .arg("short")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_code(&out, 1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("story.md:1:1"));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_and_others_still_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.md");
    std::fs::write(&locked, "text").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        return; // running as root: permissions do not apply
    }
    let ok = dir.path().join("ok.md");
    std::fs::write(&ok, "The the end.\n").unwrap();
    let out = factlint()
        .args(["check", "--format", "short"])
        .arg(&locked)
        .arg(&ok)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok.md:1:1"));
}

#[test]
fn empty_and_whitespace_files_are_clean() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        ("empty.md", ""),
        ("blank.md", " \n\t\n\n"),
        ("blank.txt", "\r\n\r\n"),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        factlint().arg("check").arg(&p).assert().code(0);
    }
}

#[test]
fn bad_date_flag_is_a_usage_error() {
    factlint()
        .args(["check", "--date", "2019-13-45", "x.md"])
        .assert()
        .code(2);
}

#[cfg(unix)]
#[test]
fn fifo_in_a_folder_is_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::write(dir.path().join("story.md"), "The the end.\n").unwrap();
    // Nobody ever writes to the pipe: opening it would block until the timeout.
    let (stdout, stderr, code) = check_short(&[os(dir.path())]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("story.md:1:1"), "{stdout}");
    assert!(!stdout.contains("pipe.md") && !stderr.contains("pipe.md"));
}

#[cfg(unix)]
#[test]
fn device_files_on_the_command_line_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.md");
    std::fs::write(&ok, "The the end.\n").unwrap();
    // /dev/zero never ends: reading it would exhaust memory.
    for dev in ["/dev/zero", "/dev/null"] {
        let (stdout, stderr, code) = check_short(&[dev.as_ref(), os(&ok)]);
        assert_eq!(code, 2, "{dev}: {stderr}");
        assert!(
            stderr.contains(&format!("{dev}: not a regular file")),
            "{stderr}"
        );
        assert!(stdout.contains("ok.md:1:1"), "{stdout}");
    }
}

#[cfg(unix)]
#[test]
fn symlink_loop_on_the_command_line_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let ok = dir.path().join("ok.md");
    std::fs::write(&ok, "The the end.\n").unwrap();
    let (stdout, stderr, code) = check_short(&[os(&a), os(&ok)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("a.md:"), "{stderr}");
    assert!(stdout.contains("ok.md:1:1"), "{stdout}");
    // The same loop inside a folder walk: reported by the walker or skipped, never followed.
    let (stdout, _, code) = check_short(&[os(dir.path())]);
    assert!(code == 1 || code == 2, "{code}");
    assert!(stdout.contains("ok.md:1:1"), "{stdout}");
}

#[test]
fn binary_file_in_a_folder_is_skipped_and_the_rest_linted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("image.md"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    std::fs::write(dir.path().join("story.md"), "The the end.\n").unwrap();
    let (stdout, stderr, code) = check_short(&[os(dir.path())]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("image.md: looks like a binary file (contains NUL bytes); skipped"),
        "{stderr}"
    );
    assert!(stdout.contains("story.md:1:1"), "{stdout}");
}

#[test]
fn utf16_with_a_bom_is_linted_with_positions_in_characters() {
    let dir = tempfile::tempdir().unwrap();
    for (name, le) in [("le.md", true), ("be.md", false)] {
        let p = dir.path().join(name);
        std::fs::write(&p, utf16("Intro 😀.\r\nWe saw the the car.\r\n", le)).unwrap();
        let (stdout, stderr, code) = check_short(&[os(&p)]);
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stdout.contains(&format!("{name}:2:8: warning[style.repetition]")),
            "{stdout}"
        );
    }
}

#[test]
fn lone_cr_line_endings_give_the_right_lines_columns_and_fixes() {
    let text = "Old Mac file.\r\rWe saw the the goverment.\rEnd.\r";
    let (_dir, p) = file_in_temp_dir("mac.md", text);
    let (stdout, _, code) = check_short(&[os(&p)]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("mac.md:3:8: warning[style.repetition]"),
        "{stdout}"
    );
    assert!(stdout.contains("mac.md:3:16: "), "{stdout}");
    let out = factlint()
        .args(["check", "--no-config", "--format", "json"])
        .arg(&p)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["span"]["line"].as_u64(), d["span"]["column"].as_u64()),
        (Some(3), Some(8))
    );
    let start = d["span"]["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + 7], "the the");
    // Fixing keeps every CR: only the fixed spans change.
    assert_eq!(
        fix_in_place(&p),
        "Old Mac file.\r\rWe saw the government.\rEnd.\r"
    );
}

#[test]
fn mixed_line_endings_count_each_break_once() {
    let (_dir, p) = file_in_temp_dir("mixed.txt", "one\r\ntwo\rthree\nWe saw the the car.\n");
    let (stdout, _, code) = check_short(&[os(&p)]);
    assert_eq!(code, 1);
    assert!(stdout.contains("mixed.txt:4:8: "), "{stdout}");
}

#[test]
fn front_matter_that_never_closes_is_reported_and_the_body_linted() {
    let (_dir, p) = file_in_temp_dir(
        "open.md",
        "---\ntitle: Unclosed\ndate: 2019-11-09\n\nWe saw the the car.\n",
    );
    let (stdout, stderr, code) = check_short(&[os(&p)]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("open.md:1:1: warning[factlint.front-matter]: front matter opened with `---` on line 1 is never closed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("open.md:5:8: warning[style.repetition]"),
        "{stdout}"
    );
}

#[test]
fn a_date_that_does_not_parse_is_reported_and_relative_times_left_unresolved() {
    let (_dir, p) = file_in_temp_dir(
        "date.md",
        "---\ndate: next Tuesday-ish\n---\nTwo weeks ago, it rained.\n",
    );
    let (stdout, stderr, code) = check_short(&[os(&p)]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        // On the value of `date:`, not at the top of the file.
        stdout.contains("date.md:2:7: warning[factlint.front-matter]: front matter `date: next Tuesday-ish` is not a date"),
        "{stdout}"
    );
    assert!(
        stdout.contains("date.md:4:1: info[time.relative-date]"),
        "{stdout}"
    );
    // An impossible calendar date is no better.
    std::fs::write(&p, "---\ndate: 2019-02-30\n---\nText.\n").unwrap();
    let (stdout, _, code) = check_short(&[os(&p)]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("`date: 2019-02-30` is not a date"),
        "{stdout}"
    );
}

/// Deep nesting: parsers that recurse per level overflow the stack long before 10,000.
fn deep_nesting_cases() -> Vec<(&'static str, String)> {
    let n = 10_000;
    vec![
        (
            "block quotes",
            format!("{}We saw the the car.\n", "> ".repeat(n)),
        ),
        (
            "block quotes on lines",
            "> ".repeat(n).replace("> ", ">\n") + "the the\n",
        ),
        ("list items", format!("{}the the\n", "- ".repeat(n))),
        (
            "emphasis",
            format!("{}the the{}\n", "*".repeat(n), "*".repeat(n)),
        ),
        (
            "links",
            format!("{}the the{}\n", "[".repeat(n), "](x)".repeat(n)),
        ),
        (
            "html",
            format!("{}the the{}\n", "<div>".repeat(n), "</div>".repeat(n)),
        ),
    ]
}

#[test]
fn ten_thousand_nested_levels_do_not_overflow_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    for (what, text) in deep_nesting_cases() {
        let p = dir.path().join("deep.md");
        std::fs::write(&p, &text).unwrap();
        let start = Instant::now();
        let (_, stderr, code) = check_short(&[os(&p)]);
        assert!(code == 0 || code == 1, "{what}: status {code}: {stderr}");
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{what}: {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn ten_thousand_nested_levels_in_a_small_stack() {
    // Library callers may lint on a thread with a small stack (rayon's default is 2 MiB).
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            let linter = factlint::Linter::with_default_rules();
            for (what, text) in deep_nesting_cases() {
                let doc = factlint::document::Document::parse(
                    "deep.md",
                    text,
                    factlint::document::Format::Markdown,
                );
                let _ = (what, linter.lint(&doc, None));
            }
        })
        .unwrap();
    handle
        .join()
        .expect("linting deep nesting panicked or overflowed");
}

fn rule_set_error(yaml: &str) -> String {
    match factlint::ruleset::parse("hostile.yml", yaml) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

/// "Billion laughs": 9 levels of 9 aliases expand to 9^9 (387 million) strings. The anchors sit
/// in a rule's options, where unknown keys are read as free YAML values (and then refused),
/// so the aliases really are expanded.
fn alias_bomb() -> String {
    let mut text = String::from("set: bomb\nrules:\n  - id: x\n    kind: existence\n");
    text.push_str("    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*l{}", i - 1); 9].join(", ");
        text.push_str(&format!("    l{i}: &l{i} [{refs}]\n"));
    }
    text.push_str("    tokens: *l9\n");
    text
}

#[test]
fn yaml_alias_bomb_is_a_clear_error_fast() {
    let (dir, p) = file_in_temp_dir("bomb.yml", alias_bomb());
    let start = Instant::now();
    let out = factlint()
        .args(["check", "--no-config", "--rules"])
        .arg(&p)
        .arg(dir.path().join("none.md"))
        .output()
        .unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bomb.yml: aliases expand to too many values (repetition limit exceeded)"),
        "{stderr}"
    );
    // The same bomb in an article's front matter: reported, and the article still linted.
    let article = dir.path().join("bomb.md");
    let front = alias_bomb().replace("set: bomb\nrules:\n  - id: x\n    kind: existence\n", "");
    let front = front.replace("    ", "");
    std::fs::write(&article, format!("---\n{front}---\nWe saw the the car.\n")).unwrap();
    let start = Instant::now();
    let (stdout, stderr, code) = check_short(&[os(&article)]);
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("front matter is not valid YAML (aliases expand"),
        "{stdout}"
    );
    assert!(stdout.contains("warning[style.repetition]"), "{stdout}");
}

#[test]
fn deeply_nested_yaml_is_a_clear_error_fast() {
    // The YAML scanner is quadratic in flow depth: 100,000 levels used to take minutes.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let start = Instant::now();
    let e = rule_set_error(&format!(
        "set: deep\nrules:\n  - id: x\n    kind: existence\n    tokens: {deep}\n"
    ));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(
        e,
        "hostile.yml:5:141: collections nested more than 128 levels deep"
    );
    // In front matter: reported, body linted, fast.
    let (_dir, p) = file_in_temp_dir(
        "deep.md",
        format!("---\ntags: {deep}\n---\nWe saw the the car.\n"),
    );
    let start = Instant::now();
    let (stdout, stderr, code) = check_short(&[os(&p)]);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("nested more than 128 levels deep"),
        "{stdout}"
    );
    assert!(
        stdout.contains("deep.md:4:8: warning[style.repetition]"),
        "{stdout}"
    );
}

#[test]
fn a_hundred_thousand_substitutions_load_in_seconds() {
    // Distinct made-up words (a deterministic generator), as a large house list would hold.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut words = std::collections::BTreeSet::new();
    while words.len() < 100_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = 5 + (seed % 8) as usize;
        let w: String = (0..len)
            .map(|k| (b'a' + ((seed >> (5 * k)) % 26) as u8) as char)
            .collect();
        words.insert(w);
    }
    let mut text =
        String::from("set: big\nrules:\n  - id: words\n    kind: substitution\n    swap:\n");
    for w in &words {
        text.push_str(&format!("      {w}: {w}x\n"));
    }
    let start = Instant::now();
    let rules = factlint::ruleset::parse("big.yml", &text).unwrap();
    let load = start.elapsed();
    let linter = factlint::Linter::new(rules);
    let last = words.iter().next_back().unwrap();
    let found = linter.lint_text(&format!("We saw {last} today."), None);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].fixes[0].replacement, format!("{last}x"));
    // Release builds load this in about a second; debug builds are several times slower.
    assert!(load < Duration::from_secs(60), "loading took {load:?}");
}

#[test]
fn a_regex_beyond_the_size_limit_is_a_clear_error() {
    let e = rule_set_error(
        "set: big\nrules:\n  - id: x\n    kind: existence\n    patterns: ['\\w{1000}\\w{1000}\\w{1000}']\n",
    );
    assert!(
        e.contains("invalid regex") && e.contains("size limit"),
        "{e}"
    );
    assert!(e.starts_with("hostile.yml:5:"), "{e}");
    let deep = format!("{}a{}", "(".repeat(1000), ")".repeat(1000));
    let e = rule_set_error(&format!(
        "set: big\nrules:\n  - id: x\n    kind: existence\n    patterns: ['{deep}']\n"
    ));
    assert!(e.contains("invalid regex") && e.contains("nest"), "{e}");
}
