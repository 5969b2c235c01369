//! No lost data under faults: `--fix` writes a temporary file beside the article and renames it
//! over the original, so a failure or a kill at any point leaves the article either as it was or
//! fully fixed, never half written; and a file changed on disk after it was read is not
//! overwritten.

mod common;

use common::{bin_path, dir_names, factlint, file_in_temp_dir, fix_in_place};
use factlint::diagnostic::Severity;
use factlint::fix::{self, WriteError};
use factlint::run::{self, FixMode, Input, Linted, RuleOptions, Session};
use std::path::Path;

/// An article of about 200 KB with a safe fix in every paragraph.
fn big_article() -> String {
    (0..2000)
        .map(|i| format!("Paragraph {i}: we saw the the goverment building in the city.\n\n"))
        .collect()
}

/// `--fix` under a file-size limit smaller than the fixed article, so the write of the
/// temporary file fails half-way. `ignore_signal`: the write fails with EFBIG and factlint
/// reports it; otherwise the kernel kills factlint with SIGXFSZ in the middle of the write.
#[cfg(unix)]
fn fix_under_file_size_limit(path: &Path, ignore_signal: bool) -> std::process::Output {
    let trap = if ignore_signal { "trap '' XFSZ; " } else { "" };
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{trap}ulimit -f 64 && exec \"$0\" check --no-config --fix --format short \"$1\""
        ))
        .arg(bin_path())
        .arg(path)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn killed_in_the_middle_of_writing_leaves_the_article_intact() {
    use std::os::unix::process::ExitStatusExt;
    let original = big_article();
    let (dir, p) = file_in_temp_dir("article.md", &original);
    let out = fix_under_file_size_limit(&p, false);
    assert_eq!(
        out.status.signal(),
        Some(25), // SIGXFSZ
        "expected a kill by SIGXFSZ: {out:?}"
    );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), original);
    // What a kill can leave behind is a hidden, partial temporary file, never the article.
    for n in dir_names(dir.path()) {
        assert!(
            n == "article.md" || (n.starts_with(".factlint-") && n.ends_with(".tmp")),
            "{n}"
        );
    }
    // Such leftovers are not linted as articles.
    let out = factlint()
        .args(["check", "--no-config", "--format", "short"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains(".factlint-"), "{stdout}");
    // And the next run fixes the article for real.
    assert_eq!(
        fix_in_place(&p),
        original.replace("the the goverment", "the government")
    );
}

#[cfg(unix)]
#[test]
fn a_failed_write_is_reported_and_cleans_up() {
    let original = big_article();
    let (dir, p) = file_in_temp_dir("article.md", &original);
    let out = fix_under_file_size_limit(&p, true);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("error: "), "{stderr}");
    assert!(stderr.contains("article.md: File too large"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), original);
    assert_eq!(
        dir_names(dir.path()),
        ["article.md"],
        "temporary file left behind"
    );
}

#[test]
fn read_only_articles_are_not_written() {
    let (dir, p) = file_in_temp_dir("article.md", "We saw the the car.\n");
    let mut perms = std::fs::metadata(&p).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&p, perms).unwrap();
    let out = factlint()
        .args(["check", "--no-config", "--fix"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only; not written"));
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "We saw the the car.\n"
    );
    assert_eq!(dir_names(dir.path()), ["article.md"]);
}

/// The same steps as `check --fix` up to the write: read, lint and fix in memory.
fn lint_and_fix(p: &Path) -> Linted {
    let opts = RuleOptions {
        no_config: true,
        ..Default::default()
    };
    let setup = run::load(&opts, Path::new(".")).unwrap();
    let session = Session::new(setup, None, Severity::Info).unwrap();
    let mode = FixMode::On {
        unsafe_fixes: false,
    };
    run::process(&session, &Input::File(p.to_path_buf()), None, mode).unwrap()
}

#[test]
fn a_file_changed_on_disk_after_reading_is_not_overwritten() {
    let (dir, p) = file_in_temp_dir("article.md", "We saw the the car.\n");
    // The same steps as `check --fix`: read, lint and fix in memory, then write.
    let linted = lint_and_fix(&p);
    let fixed = linted.fix.as_ref().unwrap().text.clone();
    assert_eq!(fixed, "We saw the car.\n");
    // An editor saves the article in between.
    std::fs::write(&p, "We saw the the car. A new line from the editor.\n").unwrap();
    let result = fix::write_atomic(&p, linted.original.as_bytes(), fixed.as_bytes());
    assert!(
        matches!(result, Err(WriteError::ChangedOnDisk)),
        "{result:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "We saw the the car. A new line from the editor.\n"
    );
    assert_eq!(
        dir_names(dir.path()),
        ["article.md"],
        "temporary file left behind"
    );
    // A change that keeps the length is caught as well (content is compared, not size or time).
    std::fs::write(&p, "We saw the the bus.\n").unwrap();
    let result = fix::write_atomic(&p, b"We saw the the car.\n", fixed.as_bytes());
    assert!(matches!(result, Err(WriteError::ChangedOnDisk)));
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "We saw the the bus.\n"
    );
    // A deleted article is not recreated from the fixed text.
    std::fs::remove_file(&p).unwrap();
    assert!(fix::write_atomic(&p, linted.original.as_bytes(), fixed.as_bytes()).is_err());
    assert!(!p.exists());
    assert!(dir_names(dir.path()).is_empty());
}

#[test]
fn the_written_file_is_exactly_the_fixed_text() {
    let original = big_article();
    let (dir, p) = file_in_temp_dir("article.md", &original);
    let linted = lint_and_fix(&p);
    let fixed = &linted.fix.as_ref().unwrap().text;
    fix::write_atomic(&p, original.as_bytes(), fixed.as_bytes()).unwrap();
    assert_eq!(&std::fs::read_to_string(&p).unwrap(), fixed);
    assert_eq!(dir_names(dir.path()), ["article.md"]);
}
