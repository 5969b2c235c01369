//! What the integration tests share: the binary under test, and the few ways several of them
//! run it or set up an article. Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

/// The path of the binary under test; `FACTLINT_BIN` overrides it (e.g. to test a release
/// build, or when several worktrees share one target folder).
pub fn bin_path() -> PathBuf {
    match std::env::var_os("FACTLINT_BIN") {
        Some(p) => PathBuf::from(p),
        None => assert_cmd::cargo::cargo_bin("factlint"),
    }
}

/// A command running the binary under test (see [`bin_path`]).
pub fn bin() -> Command {
    match std::env::var_os("FACTLINT_BIN") {
        Some(p) => Command::new(p),
        None => Command::cargo_bin("factlint").unwrap(),
    }
}

/// The binary under test without colour, and with a timeout so that a hang fails the test.
pub fn factlint() -> Command {
    let mut c = bin();
    c.env("NO_COLOR", "1").timeout(Duration::from_secs(20));
    c
}

/// Asserts a run's exit code, showing its stderr when the code is another.
pub fn assert_code(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A fresh temporary folder holding one file, `name`, with `contents`. The file lives as long
/// as the folder: keep the `TempDir`.
pub fn file_in_temp_dir(name: &str, contents: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, contents).unwrap();
    (dir, p)
}

/// The names of the entries of a folder, sorted.
pub fn dir_names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

/// Runs `check --no-config --fix` on the file, expects every finding fixed (exit 0), and
/// returns the file's text afterwards.
pub fn fix_in_place(p: &Path) -> String {
    factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(p)
        .assert()
        .code(0);
    std::fs::read_to_string(p).unwrap()
}

/// `text` in UTF-16 with a byte-order mark, little- or big-endian.
pub fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        bytes.extend(if little_endian {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    bytes
}
