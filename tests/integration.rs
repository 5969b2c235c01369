//! CLI tests for editor and CI integration: machine formats (validated against their JSON
//! schemas), `--fix`/`--diff`, suppressions, `--max-warnings`, baselines and `--files-from`.

mod common;

use assert_cmd::Command;
use common::{bin, dir_names, file_in_temp_dir, utf16};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Accents, CJK and an emoji before each finding; CRLF line endings; a UTF-8 BOM.
const ARTICLE: &str = "\u{feff}Café 東京 😀 saw the the goverment.\r\n\r\n\
                       Señor Müller recieved it, and and left.\r\n";

fn factlint(dir: &Path) -> Command {
    let mut c = bin();
    c.current_dir(dir).arg("check").arg("--no-config");
    c
}

fn setup(text: &str) -> (tempfile::TempDir, PathBuf) {
    file_in_temp_dir("article.md", text)
}

fn stdout(c: &mut Command) -> (String, i32) {
    let out = c.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn schema(name: &str) -> jsonschema::Validator {
    // The official SARIF 2.1.0 and reviewdog schemas, vendored so the suite needs nothing beside the repo.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/schemas")
        .join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
}

#[test]
fn sarif_validates_and_counts_utf16() {
    let (dir, _) = setup(ARTICLE);
    let (out, code) = stdout(factlint(dir.path()).args(["--format", "sarif", "article.md"]));
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_valid(&schema("sarif-2.1.0.json"), &v);
    let results = v["runs"][0]["results"].as_array().unwrap();
    let first = &results[0]["locations"][0]["physicalLocation"]["region"];
    // "Café 東京 😀 saw " (BOM not counted): 14 characters, 15 UTF-16 units.
    assert_eq!(
        (first["startLine"].as_u64(), first["startColumn"].as_u64()),
        (Some(1), Some(16))
    );
    let start = first["byteOffset"].as_u64().unwrap() as usize;
    assert_eq!(&ARTICLE[start..start + 7], "the the");
    // Every result's rule is described.
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(!rule[field]["text"].as_str().unwrap().is_empty(), "{field}");
        }
    }
    // The validator is strict enough to catch a broken run (a driver without a name, a bad
    // column kind).
    let mut broken = v.clone();
    broken["runs"][0]["tool"]["driver"]
        .as_object_mut()
        .unwrap()
        .remove("name");
    assert!(!schema("sarif-2.1.0.json").is_valid(&broken));
    let mut broken = v.clone();
    broken["runs"][0]["columnKind"] = "bytes".into();
    assert!(!schema("sarif-2.1.0.json").is_valid(&broken));
    // An empty run validates too.
    let (clean, _) = setup("Nothing wrong here.\n");
    let (out, code) = stdout(factlint(clean.path()).args(["--format", "sarif", "article.md"]));
    assert_eq!(code, 0);
    assert_valid(
        &schema("sarif-2.1.0.json"),
        &serde_json::from_str(&out).unwrap(),
    );
}

#[test]
fn rdjson_and_rdjsonl_validate_with_byte_columns() {
    let (dir, _) = setup(ARTICLE);
    let (out, _) = stdout(factlint(dir.path()).args(["--format", "rdjson", "article.md"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_valid(&schema("rdjson-DiagnosticResult.json"), &v);
    let d = &v["diagnostics"][0];
    // Byte columns count the BOM (3) + "Café 東京 😀 saw " (22 bytes).
    assert_eq!(d["location"]["range"]["start"]["column"], 26);
    let line = ARTICLE.lines().next().unwrap();
    assert_eq!(&line[25..32], "the the");

    let mut broken = v.clone();
    broken["diagnostics"][0]["severity"] = "SEVERE".into();
    assert!(!schema("rdjson-DiagnosticResult.json").is_valid(&broken));

    let (out, _) = stdout(factlint(dir.path()).args(["--format", "rdjsonl", "article.md"]));
    let validator = schema("rdjsonl-Diagnostic.json");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4);
    for l in &lines {
        assert_valid(&validator, &serde_json::from_str(l).unwrap());
    }
    let misspelt: Value = serde_json::from_str(lines[2]).unwrap();
    // Line 3: "Señor Müller " is 15 bytes.
    assert_eq!(
        misspelt["location"]["range"]["start"],
        serde_json::json!({"line": 3, "column": 16})
    );
    assert_eq!(misspelt["suggestions"][0]["text"], "received");
}

#[test]
fn github_and_checkstyle_parse() {
    let (dir, _) = setup(ARTICLE);
    let (out, _) = stdout(factlint(dir.path()).args(["--format", "github", "article.md"]));
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 4);
    for a in &annotations {
        let (head, data) = a[2..].split_once("::").unwrap();
        let (kind, props) = head.split_once(' ').unwrap();
        assert_eq!(kind, "warning");
        assert!(!data.contains('\n') && !data.contains('\r'));
        for kv in props.split(',') {
            let (k, v) = kv.split_once('=').unwrap();
            assert!(["file", "line", "endLine", "col", "endColumn", "title"].contains(&k));
            assert!(!v.contains(':'), "unescaped ':' in {v}");
        }
    }
    assert!(
        annotations[2].contains("line=3,endLine=3,col=14,"),
        "{}",
        annotations[2]
    );

    let (out, _) = stdout(factlint(dir.path()).args(["--format", "checkstyle", "article.md"]));
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle"));
    assert!(out.trim_end().ends_with("</checkstyle>"));
    let errors: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("<error "))
        .collect();
    assert_eq!(errors.len(), 4);
    assert!(
        errors[0].contains("line=\"1\" column=\"16\""),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].contains("message=\"&apos;the&apos; is written twice"),
        "{}",
        errors[0]
    );
}

#[test]
fn short_and_jsonl_count_characters() {
    let (dir, _) = setup(ARTICLE);
    let (out, _) = stdout(factlint(dir.path()).args(["--format", "short", "article.md"]));
    assert!(
        out.lines()
            .next()
            .unwrap()
            .starts_with("article.md:1:15: warning[style.repetition]")
    );
    let (out, _) = stdout(factlint(dir.path()).args(["--format", "jsonl", "article.md"]));
    let v: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["span"]["column"], 15);
    assert_eq!(v["span"]["start"], ARTICLE.find("the the").unwrap());
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

#[test]
fn fix_changes_exactly_the_fixed_spans() {
    let (dir, p) = setup(ARTICLE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    // --diff shows the change and writes nothing.
    let (diff, code) = stdout(factlint(dir.path()).args(["--diff", "article.md"]));
    assert_eq!(code, 1);
    assert!(
        diff.contains("--- a/article.md\n+++ b/article.md\n"),
        "{diff}"
    );
    assert!(
        diff.contains("+\u{feff}Café 東京 😀 saw the government.\r\n"),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), ARTICLE);
    assert_eq!(dir_names(dir.path()), ["article.md"]);

    let (out, code) =
        stdout(factlint(dir.path()).args(["--fix", "--format", "short", "article.md"]));
    assert_eq!((out.as_str(), code), ("", 0));
    let expected = "\u{feff}Café 東京 😀 saw the government.\r\n\r\n\
                    Señor Müller received it, and left.\r\n";
    // Byte for byte: BOM, CRLF and every byte outside the four fixed spans are kept.
    assert_eq!(std::fs::read(&p).unwrap(), expected.as_bytes());
    #[cfg(unix)]
    assert_eq!(mode(&p), 0o640);
    assert_eq!(
        dir_names(dir.path()),
        ["article.md"],
        "no temporary file left"
    );

    // A second run finds nothing to fix and changes nothing.
    let before = std::fs::metadata(&p).unwrap().modified().unwrap();
    let out = factlint(dir.path())
        .args(["--fix", "article.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixed 0 findings"));
    assert_eq!(std::fs::read(&p).unwrap(), expected.as_bytes());
    assert_eq!(std::fs::metadata(&p).unwrap().modified().unwrap(), before);
}

#[test]
fn unsafe_fixes_need_the_flag_and_remaining_findings_are_reported() {
    let text = "Kyiv said talks in Kiev would resume in Kiev.\n";
    let (dir, p) = setup(text);
    let out = factlint(dir.path())
        .args(["--fix", "--format", "short", "article.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains("style.variants"), "{printed}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("available with --unsafe-fixes"));
    let (_, code) = stdout(factlint(dir.path()).args(["--fix", "--unsafe-fixes", "article.md"]));
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "Kiev said talks in Kiev would resume in Kiev.\n"
    );
}

#[test]
fn fix_refuses_utf16_files() {
    let bytes = utf16("We saw the the car.\n", true);
    let (dir, p) = file_in_temp_dir("article.md", &bytes);
    let out = factlint(dir.path())
        .args(["--fix", "article.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-16"));
    assert_eq!(std::fs::read(&p).unwrap(), bytes);
    assert_eq!(dir_names(dir.path()), ["article.md"]);
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let (out, code) = stdout(
        factlint(dir.path())
            .args(["--fix", "-", "--stdin-filename", "a.md"])
            .write_stdin("We saw the the car.\r\n"),
    );
    assert_eq!((out.as_str(), code), ("We saw the car.\r\n", 0));
}

#[test]
fn max_warnings_gates_warnings_not_errors() {
    let (dir, _) = setup(ARTICLE); // four warnings
    let code = |extra: &[&str]| stdout(factlint(dir.path()).args(extra).arg("article.md")).1;
    assert_eq!(code(&[]), 1);
    assert_eq!(code(&["--max-warnings", "4"]), 0);
    assert_eq!(code(&["--max-warnings", "3"]), 1);
    // An error always fails, whatever --max-warnings says.
    std::fs::write(
        dir.path().join("factlint.yml"),
        "severity: {style.misspelling: error}\n",
    )
    .unwrap();
    let mut c = bin();
    c.current_dir(dir.path())
        .args(["check", "--max-warnings", "100", "article.md"]);
    assert_eq!(stdout(&mut c).1, 1);
    let mut c = bin();
    c.current_dir(dir.path()).args([
        "check",
        "--min-severity",
        "error",
        "--format",
        "short",
        "--quiet", // findings only, no summary line
        "article.md",
    ]);
    let (out, code) = stdout(&mut c);
    assert_eq!((out.lines().count(), code), (2, 1));
}

#[test]
fn baseline_gates_only_new_findings() {
    let (dir, p) = setup(ARTICLE);
    let out = factlint(dir.path())
        .args([
            "--write-baseline",
            "base/factlint-baseline.json",
            "article.md",
        ])
        .output()
        .unwrap();
    // The folder must exist: the error says so, exit 2.
    assert_eq!(out.status.code(), Some(2));
    std::fs::create_dir(dir.path().join("base")).unwrap();
    let (out, code) = stdout(factlint(dir.path()).args([
        "--write-baseline",
        "base/factlint-baseline.json",
        "article.md",
    ]));
    assert_eq!((out.as_str(), code), ("", 0));
    let baseline = std::fs::read_to_string(dir.path().join("base/factlint-baseline.json")).unwrap();
    assert!(
        baseline.contains("\"path\":\"../article.md\""),
        "{baseline}"
    );

    let gate = |dir: &Path| {
        stdout(
            factlint(dir)
                .args(["--format", "short", "--quiet", "--baseline"])
                .arg(dir.join("base/factlint-baseline.json"))
                .arg(dir.join("article.md")),
        )
    };
    assert_eq!(gate(dir.path()), (String::new(), 0));
    // Lines move, text is added: old findings stay known, a new one is reported.
    let moved = format!(
        "New lead paragraph.\r\n\r\n{}\r\nAnd the the new slip.\r\n",
        ARTICLE.trim_start_matches('\u{feff}')
    );
    std::fs::write(&p, moved).unwrap();
    let (out, code) = gate(dir.path());
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains(":7:5: warning[style.repetition]"), "{out}");
}

#[test]
fn files_from_with_jsonl_for_batch_engines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "The the cat.\n").unwrap();
    std::fs::write(dir.path().join("b c.txt"), "A goverment.\n").unwrap();
    std::fs::write(dir.path().join("clean.md"), "Fine.\n").unwrap();
    let (out, code) = stdout(
        factlint(dir.path())
            .args(["--format", "jsonl", "--files-from", "-"])
            .write_stdin("a.md\nb c.txt\r\n\nclean.md\n"),
    );
    assert_eq!(code, 1);
    let paths: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["a.md", "b c.txt"]);
    // A missing listed file is an error (exit 2) but the others are still linted.
    let (out, code) = stdout(
        factlint(dir.path())
            .args(["--format", "jsonl", "--files-from", "-"])
            .write_stdin("missing.md\na.md\n"),
    );
    assert_eq!((out.lines().count(), code), (1, 2));
}

#[test]
fn suppressions_from_the_cli() {
    let text = "<!-- factlint-disable-next-line style.repetition -->\nThe the cat.\n\n\
                <!-- factlint-disable style.misspeling -->\n\nA goverment.\n";
    let (dir, _) = setup(text);
    let (out, _) = stdout(factlint(dir.path()).args(["--format", "short", "-q", "article.md"]));
    let rules: Vec<&str> = out
        .lines()
        .map(|l| l.split('[').nth(1).unwrap().split(']').next().unwrap())
        .collect();
    assert_eq!(rules, ["factlint.unknown-suppression", "style.misspelling"]);
}

#[test]
fn config_accept_and_ignore_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("archive/old.md"), "The the goverment.\n").unwrap();
    std::fs::write(dir.path().join("new.md"), "The the goverment.\n").unwrap();
    std::fs::write(
        dir.path().join("factlint.yml"),
        "accept: [goverment]\nignore_rules:\n  \"archive/**\": [style.repetition]\n",
    )
    .unwrap();
    let mut c = bin();
    c.current_dir(dir.path())
        .args(["check", "--format", "short", "-q", "."]);
    let (out, _) = stdout(&mut c);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("new.md:1:1: warning[style.repetition]"),
        "{out}"
    );
}

#[test]
fn overlapping_fixes_are_reported_and_settled() {
    // Two rules fix overlapping text ("gray" and "gray sky"): the first fix is applied, the
    // text linted again, and the overlap reported.
    let (dir, p) = setup("The gray sky.\n");
    std::fs::write(
        dir.path().join("desk.yml"),
        "set: desk\nrules:\n  - id: spelling\n    kind: substitution\n    swap: {gray: grey}\n  - id: cliche\n    kind: substitution\n    swap: {gray sky: overcast sky}\n",
    )
    .unwrap();
    let out = factlint(dir.path())
        .args(["--rules", "desk.yml", "--fix", "article.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("article.md:1: the fix for desk.cliche overlapped the fix for desk.spelling"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "The grey sky.\n");
}

#[test]
fn completions_and_man_pages() {
    for shell in ["bash", "zsh", "fish"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8(out.stdout).unwrap();
        for flag in ["select", "show-source", "statistics"] {
            // fish writes `-l select`, the others `--select`.
            let written = [format!("--{flag}"), format!("-l {flag}")];
            assert!(
                written.iter().any(|w| script.contains(w)),
                "{shell}: no {flag}"
            );
        }
        // The script parses, where the shell is installed.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factlint.completion");
        std::fs::write(&path, &script).unwrap();
        let check = match shell {
            "bash" => std::process::Command::new("bash")
                .arg("-n")
                .arg(&path)
                .output(),
            "zsh" => std::process::Command::new("zsh")
                .arg("-n")
                .arg(&path)
                .output(),
            _ => std::process::Command::new("fish")
                .arg("--no-execute")
                .arg(&path)
                .output(),
        };
        if let Ok(o) = check {
            assert!(o.status.success(), "{shell}: {o:?}");
        }
    }
    let out = bin().arg("man").output().unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH factlint 1"),
        "{page}"
    );
    assert!(page.contains("completions"), "{page}");
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["man", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let check_page = std::fs::read_to_string(dir.path().join("factlint-check.1")).unwrap();
    assert!(check_page.contains("statistics"), "{check_page}");
}

#[test]
fn sarif_links_the_tool_and_anchors_relative_paths() {
    let (dir, _) = setup(ARTICLE);
    let (out, _) = stdout(factlint(dir.path()).args(["--format", "sarif", "article.md"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let run = &v["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let expected = format!("file://{}/", root.display());
    assert_eq!(base.replace("%20", " "), expected);
    let location = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "article.md");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    assert!(run["tool"]["driver"]["informationUri"].is_string());
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["helpUri"].is_string()));
}
