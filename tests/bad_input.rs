//! Bad input that cannot live as a checked-in fixture: FIFOs, symlink loops, permissions.

use assert_cmd::Command;
use std::time::Duration;

fn factlint() -> Command {
    let mut c = Command::cargo_bin("factlint").unwrap();
    c.env("NO_COLOR", "1").timeout(Duration::from_secs(20));
    c
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
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
