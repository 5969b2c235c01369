#![cfg(unix)]
//! The GitHub Action's lint step, scripts/action-run.sh, run here with a stand-in `factlint`
//! that records its arguments: `args:` and `paths:` are split like a shell command line
//! (several lines, quotes, backslashes), nothing in them is expanded, and the step's outputs
//! and status follow factlint's.

use std::path::Path;
use std::process::Command;

struct Run {
    /// The arguments the stand-in factlint received.
    args: Vec<String>,
    status: i32,
    /// The step's outputs (GITHUB_OUTPUT).
    outputs: String,
    stdout: String,
}

fn run(format: &str, paths: &str, args: &str, factlint_status: i32) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let fake = bin.join("factlint");
    let record = dir.path().join("args");
    std::fs::write(
        &fake,
        format!(
            "#!/usr/bin/env bash\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > '{}'\n\
             echo '{{\"fake\": true}}'\nexit {factlint_status}\n",
            record.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let outputs = dir.path().join("outputs");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action-run.sh");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg(&script)
        .current_dir(dir.path())
        .env("PATH", path)
        .env("FACTLINT_FORMAT", format)
        .env("FACTLINT_PATHS", paths)
        .env("FACTLINT_ARGS", args)
        .env("FACTLINT_SARIF", "out.sarif")
        .env("GITHUB_OUTPUT", &outputs)
        .env("HOME", "/home/nobody")
        .output()
        .unwrap();
    let args = std::fs::read(&record)
        .map(|b| {
            String::from_utf8(b)
                .unwrap()
                .split_terminator('\0')
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    Run {
        args,
        status: out.status.code().unwrap_or(-1),
        outputs: std::fs::read_to_string(&outputs).unwrap_or_default(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

#[test]
fn multi_line_and_quoted_args_reach_factlint_as_written() {
    let args = "--baseline .factlint-baseline.json\n\
                --rules 'desk rules/names.yml'   --rules \"desk/style.yml\"\n\
                \t--max-warnings 0 --stdin-filename it\\'s.md\n\
                --date $HOME --select \"$(rm -rf /)\" --ignore '*'\n";
    let r = run("github", "articles\n'opinion pieces'  news", args, 0);
    assert_eq!(r.status, 0, "{}", r.stdout);
    let expected = [
        "check",
        "--format",
        "github",
        "--baseline",
        ".factlint-baseline.json",
        "--rules",
        "desk rules/names.yml",
        "--rules",
        "desk/style.yml",
        "--max-warnings",
        "0",
        "--stdin-filename",
        "it's.md",
        // Nothing is expanded or run.
        "--date",
        "$HOME",
        "--select",
        "$(rm -rf /)",
        "--ignore",
        "*",
        "--",
        "articles",
        "opinion pieces",
        "news",
    ];
    assert_eq!(r.args, expected);
    assert_eq!(r.outputs, "exit-code=0\n");
}

#[test]
fn sarif_goes_to_the_file_and_findings_do_not_fail_the_step() {
    let r = run("sarif", "", "", 1);
    assert_eq!(r.status, 0);
    assert_eq!(r.args, ["check", "--format", "sarif", "--", "."]);
    assert_eq!(r.outputs, "sarif-file=out.sarif\nexit-code=1\n");
}

#[test]
fn factlint_failing_fails_the_step() {
    let r = run("sarif", "a.md", "", 2);
    assert_eq!(r.status, 2);
    assert!(r.outputs.ends_with("exit-code=2\n"), "{}", r.outputs);
}

#[test]
fn an_unclosed_quote_or_a_wrong_format_is_an_error() {
    let r = run("github", ".", "--rules 'desk/names.yml", 0);
    assert_eq!(r.status, 2);
    assert!(r.args.is_empty(), "factlint ran: {:?}", r.args);
    assert!(
        r.stdout
            .contains("::error title=factlint::args cannot be read"),
        "{}",
        r.stdout
    );
    let r = run("json", ".", "", 0);
    assert_eq!(r.status, 2);
    assert!(
        r.stdout.contains("format must be sarif or github"),
        "{}",
        r.stdout
    );
}

/// Runs scripts/action-install.sh for Linux x86-64 with releases served from `releases`
/// (a `file://` folder); returns (status, outputs, PATH additions, stdout).
fn install(mode: &str, releases: &Path) -> (i32, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let (outputs, path) = (dir.path().join("outputs"), dir.path().join("path"));
    let out = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action-install.sh"))
        .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
        .env("FACTLINT_INSTALL", mode)
        .env("FACTLINT_REPOSITORY", "example/factlint")
        .env(
            "FACTLINT_DOWNLOAD",
            format!("file://{}", releases.display()),
        )
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RUNNER_TEMP", dir.path())
        .env("GITHUB_OUTPUT", &outputs)
        .env("GITHUB_PATH", &path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        std::fs::read_to_string(outputs).unwrap_or_default(),
        std::fs::read_to_string(path).unwrap_or_default(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_action_installs_the_release_binary_or_says_to_build() {
    let version = env!("CARGO_PKG_VERSION");
    let releases = tempfile::tempdir().unwrap();
    let tag = releases.path().join(format!("v{version}"));
    std::fs::create_dir(&tag).unwrap();
    let archive = format!("factlint-v{version}-x86_64-unknown-linux-musl.tar.gz");
    // No release: a build, unless only the release binary will do.
    let (status, outputs, path, _) = install("auto", releases.path());
    assert_eq!(status, 0);
    assert!(
        outputs.contains(&format!("version={version}\n")),
        "{outputs}"
    );
    assert!(outputs.contains("build=true"), "{outputs}");
    assert!(outputs.contains("source="), "{outputs}");
    assert!(path.is_empty());
    assert_eq!(install("release", releases.path()).0, 2);
    // A release archive and its checksum, as the release workflow makes them.
    std::fs::write(tag.join("factlint"), "#!/bin/sh\necho factlint\n").unwrap();
    let sh = |cmd: &str| {
        let ok = Command::new("bash")
            .arg("-c")
            .arg(cmd)
            .current_dir(&tag)
            .status();
        assert!(ok.unwrap().success(), "{cmd}");
    };
    sh(&format!(
        "tar -czf {archive} factlint && sha256sum {archive} > {archive}.sha256"
    ));
    let (status, outputs, path, stdout) = install("auto", releases.path());
    assert_eq!(status, 0, "{stdout}");
    assert!(outputs.contains("build=false"), "{outputs}");
    assert!(
        path.trim_end().ends_with(&format!("factlint-v{version}")),
        "{path}"
    );
    // `install: build` never downloads.
    assert!(install("build", releases.path()).1.contains("build=true"));
    // A checksum that does not match: not used.
    sh(&format!(
        "echo 0000 > x && sha256sum x | sed 's/x$/{archive}/' > {archive}.sha256"
    ));
    assert!(install("auto", releases.path()).1.contains("build=true"));
}
