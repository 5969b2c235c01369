//! The published crate: it holds what the binary embeds (rule sets, kinds' pages, the gazetteer
//! index) and not the tests or corpora, and stays well under crates.io's 10 MB limit for a
//! `.crate`.
//! (`cargo publish --dry-run` also builds it; that takes minutes, so it is not run here.)

use std::path::Path;
use std::process::Command;

fn cargo(args: &[&str], target: &Path) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CARGO_TARGET_DIR", target)
        .args(args)
        .args(["--allow-dirty", "--offline"])
        .output()
        .unwrap();
    assert!(out.status.success(), "cargo {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_crate_holds_the_data_and_is_small() {
    let target = tempfile::tempdir().unwrap();
    let list = cargo(&["package", "--list"], target.path());
    let files: Vec<&str> = list.lines().collect();
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "src/main.rs",
        "rules/style.yml",
        "rules/time.yml",
        "rules/counts.yml",
        "rules/names.yml",
        "rules/gazetteer/index.bin",
        "rules/gazetteer/common_words.txt",
    ] {
        assert!(files.contains(&needed), "{needed} is not packaged:\n{list}");
    }
    // Every rule set the binary embeds is packaged.
    for f in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap() {
        let name = f.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".yml") {
            assert!(files.contains(&format!("rules/{name}").as_str()), "{name}");
        }
    }
    // So is every kind's page (`explain`, SARIF and the editor show them).
    for f in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/kinds")).unwrap() {
        let name = f.unwrap().file_name().into_string().unwrap();
        assert!(
            files.contains(&format!("docs/kinds/{name}").as_str()),
            "{name}"
        );
    }
    for left_out in [
        "tests/", "fuzz/", "scripts/", "docs/", ".github/", "python/",
    ] {
        assert!(
            !files
                .iter()
                .any(|f| f.starts_with(left_out) && !f.starts_with("docs/kinds/")),
            "{left_out} is packaged"
        );
    }
    cargo(&["package", "--no-verify"], target.path());
    let version = env!("CARGO_PKG_VERSION");
    let crate_file = target
        .path()
        .join(format!("package/factlint-{version}.crate"));
    let size = std::fs::metadata(&crate_file).unwrap().len();
    assert!(size < 8 * 1024 * 1024, "the .crate is {size} bytes");
}

/// The pre-commit wrapper (pyproject.toml) installs the wheel of this very version, and the
/// wheel (python/pyproject.toml) takes its version from Cargo.toml.
#[test]
fn the_python_packages_follow_the_cargo_version() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let version = env!("CARGO_PKG_VERSION");
    let wrapper = std::fs::read_to_string(root.join("pyproject.toml")).unwrap();
    assert!(
        wrapper.contains(&format!("\nversion = \"{version}\"\n")),
        "{wrapper}"
    );
    assert!(
        wrapper.contains(&format!("dependencies = [\"factlint=={version}\"]")),
        "{wrapper}"
    );
    let wheel = std::fs::read_to_string(root.join("python/pyproject.toml")).unwrap();
    assert!(wheel.contains("dynamic = [\"version\"]"), "{wheel}");
    assert!(wheel.contains("bindings = \"bin\""), "{wheel}");
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    for id in [
        "factlint",
        "factlint-fix",
        "factlint-prebuilt",
        "factlint-prebuilt-fix",
    ] {
        assert!(hooks.contains(&format!("- id: {id}\n")), "{id}");
    }
}
