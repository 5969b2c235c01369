//! Baselines: record the findings a repository already has (`--write-baseline FILE`) and later
//! report only new ones (`--baseline FILE`), so a linter can gate merges from day one.
//!
//! A finding is identified by its rule, its file (relative to the baseline file's folder) and the
//! text it flags (whitespace collapsed), plus an occurrence index among findings with the same
//! three: no line numbers, so editing elsewhere in the article, moving paragraphs or reflowing
//! lines keeps old findings matched. Matching is by count: if the baseline holds two `the the` in
//! an article and it now has three, one is new and reported.
//!
//! The file is JSON, one finding per line, sorted, so it diffs well in review:
//! `{"factlint_baseline": 1, "findings": [{"path", "rule", "text", "occurrence", "fingerprint"}]}`.

use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub(crate) const VERSION: u32 = 1;

/// What identifies a finding across edits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct Key {
    pub path: String,
    pub rule: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub path: String,
    pub rule: String,
    pub text: String,
    #[serde(default)]
    pub occurrence: usize,
    /// A stable hash of the other fields (also used as SARIF `partialFingerprints`).
    #[serde(default)]
    pub fingerprint: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    factlint_baseline: u32,
    findings: Vec<Entry>,
}

/// The flagged text with whitespace runs collapsed; the message when the span is empty.
fn flagged(text: &str, d: &Diagnostic) -> String {
    let s = text.get(d.span.clone()).unwrap_or("");
    let s = if s.trim().is_empty() { &d.message } else { s };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keys and occurrence indexes of a file's findings, in the given order.
pub(crate) fn keys(path: &str, text: &str, diagnostics: &[Diagnostic]) -> Vec<(Key, usize)> {
    let mut seen: HashMap<Key, usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let key = Key {
                path: path.to_string(),
                rule: d.rule.clone(),
                text: flagged(text, d),
            };
            let n = seen.entry(key.clone()).or_default();
            let occurrence = *n;
            *n += 1;
            (key, occurrence)
        })
        .collect()
}

/// A stable 64-bit FNV-1a hash of the key and occurrence, in hex (stable across Rust versions,
/// unlike `DefaultHasher`).
pub(crate) fn fingerprint(key: &Key, occurrence: usize) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        key.path.as_bytes(),
        key.rule.as_bytes(),
        key.text.as_bytes(),
        occurrence.to_string().as_bytes(),
    ] {
        for &b in part.iter().chain(&[0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Paths in a baseline are relative to its folder (`../` where needed), with `/`, whatever the
/// current folder was, so a baseline committed to a repository works in any checkout.
pub(crate) fn relative_path(file: &Path, base_dir: &Path) -> String {
    use std::path::Component;
    let abs = std::fs::canonicalize(file)
        .or_else(|_| std::path::absolute(file))
        .unwrap_or_else(|_| file.to_path_buf());
    let a: Vec<Component> = abs.components().collect();
    let b: Vec<Component> = base_dir.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return abs.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        a[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

fn base_dir_of(baseline: &Path) -> PathBuf {
    let parent = match baseline.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::canonicalize(&parent)
        .or_else(|_| std::path::absolute(&parent))
        .unwrap_or(parent)
}

/// A loaded baseline: how many findings of each key are old.
#[derive(Debug, Default)]
pub(crate) struct Baseline {
    counts: HashMap<Key, usize>,
    pub base_dir: PathBuf,
}

impl Baseline {
    pub(crate) fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("baseline {}: {e}", path.display()))?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            format!(
                "baseline {}: not a factlint baseline ({e}); write one with --write-baseline",
                path.display()
            )
        })?;
        if file.factlint_baseline != VERSION {
            return Err(format!(
                "baseline {}: version {} is not supported (expected {VERSION})",
                path.display(),
                file.factlint_baseline
            ));
        }
        let mut counts = HashMap::new();
        for e in file.findings {
            *counts
                .entry(Key {
                    path: e.path,
                    rule: e.rule,
                    text: e.text,
                })
                .or_default() += 1;
        }
        Ok(Baseline {
            counts,
            base_dir: base_dir_of(path),
        })
    }

    /// Removes the findings the baseline already knows; returns how many.
    /// `path` is the file as given (None for stdin, which is matched by `name`).
    pub(crate) fn filter(
        &self,
        path: Option<&Path>,
        name: &str,
        text: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> usize {
        let rel = path.map_or_else(|| name.to_string(), |p| relative_path(p, &self.base_dir));
        let keys = keys(&rel, text, diagnostics);
        let mut keep = keys
            .iter()
            .map(|(k, occurrence)| *occurrence >= self.counts.get(k).copied().unwrap_or(0));
        let before = diagnostics.len();
        diagnostics.retain(|_| keep.next().unwrap_or(true));
        before - diagnostics.len()
    }
}

/// Collects findings for `--write-baseline`.
pub(crate) struct Writer {
    target: PathBuf,
    base_dir: PathBuf,
    entries: Vec<Entry>,
}

impl Writer {
    pub(crate) fn new(target: &Path) -> Writer {
        Writer {
            target: target.to_path_buf(),
            base_dir: base_dir_of(target),
            entries: Vec::new(),
        }
    }

    pub(crate) fn add(
        &mut self,
        path: Option<&Path>,
        name: &str,
        text: &str,
        diags: &[Diagnostic],
    ) {
        let rel = path.map_or_else(|| name.to_string(), |p| relative_path(p, &self.base_dir));
        for (key, occurrence) in keys(&rel, text, diags) {
            let fingerprint = fingerprint(&key, occurrence);
            self.entries.push(Entry {
                path: key.path,
                rule: key.rule,
                text: key.text,
                occurrence,
                fingerprint,
            });
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Writes the baseline (atomically, like fixes).
    pub(crate) fn write(mut self) -> Result<(), String> {
        self.entries.sort_by(|a, b| {
            (&a.path, &a.rule, &a.text, a.occurrence).cmp(&(
                &b.path,
                &b.rule,
                &b.text,
                b.occurrence,
            ))
        });
        let mut out = format!("{{\"factlint_baseline\": {VERSION}, \"findings\": [");
        for (i, e) in self.entries.iter().enumerate() {
            out.push_str(if i == 0 { "\n  " } else { ",\n  " });
            out.push_str(&serde_json::to_string(e).map_err(|e| e.to_string())?);
        }
        out.push_str("\n]}\n");
        crate::fix::write_new(&self.target, out.as_bytes())
            .map_err(|e| format!("baseline {}: {e}", self.target.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(text: &str, needle: &str, nth: usize, rule: &str) -> Diagnostic {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        let mut d = Diagnostic::new(start..start + needle.len(), "m");
        d.rule = rule.into();
        d
    }

    #[test]
    fn survives_line_moves_and_reflow() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.md");
        std::fs::write(&article, "x").unwrap();
        let old = "Para one has the the slip.\n\nPara two.\n";
        let mut w = Writer::new(&dir.path().join("baseline.json"));
        w.add(
            Some(&article),
            "a.md",
            old,
            &[diag(old, "the the", 0, "style.repetition")],
        );
        w.write().unwrap();
        let b = Baseline::load(&dir.path().join("baseline.json")).unwrap();
        // New paragraphs before it, the slip reflowed over a line break, and one new slip.
        let new = "New lead.\n\nMore.\n\nPara one has the\nthe slip.\n\nAnd the the again.\n";
        let mut d = vec![
            diag(new, "the\nthe", 0, "style.repetition"),
            diag(new, "the the", 0, "style.repetition"),
        ];
        // Run from another folder: the path is still matched relative to the baseline.
        assert_eq!(b.filter(Some(&article), "a.md", new, &mut d), 1);
        assert_eq!(d.len(), 1);
        assert_eq!(&new[d[0].span.clone()], "the the");
    }

    #[test]
    fn other_rule_or_file_is_new() {
        let text = "the the";
        let key = |p: &str, r: &str| Key {
            path: p.into(),
            rule: r.into(),
            text: "the the".into(),
        };
        let mut b = Baseline::default();
        b.counts.insert(key("a.md", "style.repetition"), 1);
        let mut d = vec![diag(text, "the the", 0, "style.other")];
        assert_eq!(b.filter(None, "a.md", text, &mut d), 0);
        let mut d = vec![diag(text, "the the", 0, "style.repetition")];
        assert_eq!(b.filter(None, "b.md", text, &mut d), 0);
        assert_eq!(b.filter(None, "a.md", text, &mut d), 1);
    }

    #[test]
    fn paths_are_relative_to_the_baseline() {
        let base = Path::new("/repo/ci");
        assert_eq!(relative_path(Path::new("/repo/ci/a.md"), base), "a.md");
        assert_eq!(
            relative_path(Path::new("/repo/news/a.md"), base),
            "../news/a.md"
        );
    }

    #[test]
    fn fingerprints_are_stable() {
        let k = Key {
            path: "a.md".into(),
            rule: "r".into(),
            text: "t".into(),
        };
        assert_eq!(fingerprint(&k, 0), fingerprint(&k.clone(), 0));
        assert_ne!(fingerprint(&k, 0), fingerprint(&k, 1));
        assert_eq!(fingerprint(&k, 0).len(), 16);
    }

    #[test]
    fn bad_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.json");
        std::fs::write(&p, "[]").unwrap();
        assert!(
            Baseline::load(&p)
                .unwrap_err()
                .contains("not a factlint baseline")
        );
    }
}
