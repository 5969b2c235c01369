//! CLI tests driven by data, in the spirit of typos' tests/cmd: each folder under tests/cmd/
//! is one case, run with that folder as the working directory:
//!
//! - `args`: the arguments, one per line (the binary name is implied);
//! - `stdin` (optional): fed to standard input;
//! - `stdout`, `stderr` (optional): expected output, exactly;
//! - `status`: the expected exit status.
//!
//! `FACTLINT_BLESS=1 cargo test --test cmd` rewrites the expected files from the actual run:
//! review the diff before committing.

use std::path::Path;
use std::process::{Command, Stdio};

fn run_case(dir: &Path) -> Result<(), String> {
    let args: Vec<String> = std::fs::read_to_string(dir.join("args"))
        .map_err(|e| format!("{}: args: {e}", dir.display()))?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let stdin = std::fs::read(dir.join("stdin")).ok();
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(&args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(&input)
            .map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let status = out.status.code().unwrap_or(-1).to_string();
    let actual = [
        ("stdout", String::from_utf8_lossy(&out.stdout).into_owned()),
        ("stderr", String::from_utf8_lossy(&out.stderr).into_owned()),
        ("status", status + "\n"),
    ];
    let bless = std::env::var_os("FACTLINT_BLESS").is_some();
    let mut problems = Vec::new();
    for (name, got) in actual {
        let path = dir.join(name);
        if bless {
            if name == "status" || !got.is_empty() || path.exists() {
                std::fs::write(&path, &got).map_err(|e| e.to_string())?;
            }
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != got {
            problems.push(format!(
                "--- {name}: expected\n{want}\n--- {name}: actual\n{got}"
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("case {}:\n{}", dir.display(), problems.join("\n")))
    }
}

#[test]
fn cmd_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("args").is_file())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases under {}", root.display());
    let failures: Vec<String> = cases.iter().filter_map(|c| run_case(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
