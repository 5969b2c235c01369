//! Applying fixes: `--fix` (safe fixes), `--fix --unsafe-fixes` (all), `--diff` (show, write
//! nothing).
//!
//! A fix replaces one byte span, so everything outside the fixed spans — line endings (CRLF),
//! a byte-order mark, trailing whitespace — is kept byte for byte. A diagnostic's `fixes` are
//! alternatives: one is applied automatically only when it is the only one. Fixes are applied
//! in passes: each pass takes the fixes in file order, skips any that overlaps one already taken
//! (never interleaving two edits), applies them, and lints the new text again, so a skipped fix
//! gets its turn if it still applies. Passes stop when nothing is left to fix (a second run then
//! finds nothing) or after [`MAX_PASSES`] (fixes that keep undoing each other).
//!
//! Files are written atomically: a temporary file in the same folder, given the original's
//! permissions, renamed over the original; the file is re-read just before the rename and left
//! alone if it changed since it was linted. Read-only files and files that were transcoded on
//! reading (UTF-16) are never written.

use crate::diagnostic::{Applicability, Diagnostic};
use crate::source::LineIndex;
use std::fmt;
use std::io::Write;
use std::ops::Range;
use std::path::Path;

pub const MAX_PASSES: usize = 10;

/// One edit chosen for application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub rule: String,
    pub span: Range<usize>,
    pub replacement: String,
}

/// Why a fix was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Its span overlaps a fix applied in the same pass (rule of that fix).
    Overlaps(String),
    /// The diagnostic offers several fixes: a person must choose.
    Alternatives,
    /// Unsafe, and `--unsafe-fixes` was not given.
    Unsafe,
    /// The span is outside the text or not on character boundaries (a bug in the check).
    BadSpan,
}

#[derive(Debug, Clone)]
pub struct Skipped {
    pub rule: String,
    pub span: Range<usize>,
    /// 1-based line of the span in the text of the pass that skipped it.
    pub line: usize,
    pub reason: SkipReason,
}

/// 1-based lines of skipped fixes, with the line index built once per pass and only when
/// something is skipped (counting from the top for each one is quadratic on big files).
struct Lines<'t> {
    text: &'t str,
    index: Option<LineIndex>,
}

impl Lines<'_> {
    fn of(&mut self, offset: usize) -> usize {
        let text = self.text;
        let index = self.index.get_or_insert_with(|| LineIndex::new(text));
        index.line_of(offset.min(text.len())) + 1
    }
}

/// The fixes one pass applies, and the ones it skips.
#[derive(Debug, Default)]
pub struct Plan {
    pub edits: Vec<Edit>,
    pub skipped: Vec<Skipped>,
}

/// Chooses non-overlapping fixes in file order.
pub fn plan(text: &str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> Plan {
    let mut candidates = Vec::new();
    let mut skipped = Vec::new();
    let mut lines = Lines { text, index: None };
    for d in diagnostics {
        let mut skip = |reason| Skipped {
            rule: d.rule.clone(),
            span: d.span.clone(),
            line: lines.of(d.span.start),
            reason,
        };
        match d.fixes.as_slice() {
            [] => {}
            [fix] => {
                if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
                    skipped.push(skip(SkipReason::Unsafe));
                } else if text.get(fix.span.clone()).is_none() {
                    skipped.push(skip(SkipReason::BadSpan));
                } else if text[fix.span.clone()] != fix.replacement {
                    candidates.push(Edit {
                        rule: d.rule.clone(),
                        span: fix.span.clone(),
                        replacement: fix.replacement.clone(),
                    });
                }
            }
            _ => skipped.push(skip(SkipReason::Alternatives)),
        }
    }
    candidates.sort_by_key(|e| (e.span.start, e.span.end));
    let mut edits: Vec<Edit> = Vec::new();
    for e in candidates {
        if let Some(prev) = edits.last() {
            // Overlapping spans, or two edits at one point (whose order would be a guess).
            let overlaps = e.span.start < prev.span.end
                || (e.span.start == prev.span.start && (prev.span.is_empty() || e.span.is_empty()));
            if overlaps {
                if prev.span == e.span && prev.replacement == e.replacement {
                    continue; // the same edit from two rules: apply it once
                }
                skipped.push(Skipped {
                    rule: e.rule.clone(),
                    span: e.span.clone(),
                    line: lines.of(e.span.start),
                    reason: SkipReason::Overlaps(prev.rule.clone()),
                });
                continue;
            }
        }
        edits.push(e);
    }
    Plan { edits, skipped }
}

/// Applies sorted, non-overlapping edits; bytes outside them are copied unchanged.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The result of fixing one text.
#[derive(Debug)]
pub struct Outcome {
    pub text: String,
    /// Edits applied, over all passes.
    pub applied: usize,
    /// Overlapping fixes skipped in some pass (they were retried in the next one).
    pub overlaps: Vec<Skipped>,
    /// What the last lint found: the findings that remain.
    pub remaining: Vec<Diagnostic>,
    /// Fixes still not applied at the end (unsafe without `--unsafe-fixes`, alternatives).
    pub unapplied: Vec<Skipped>,
    /// False when fixes kept producing new fixes for [`MAX_PASSES`] passes.
    pub converged: bool,
}

impl Outcome {
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }
}

/// Fixes `text` pass by pass, linting again after each pass with `lint`.
pub fn fix_text(
    text: &str,
    diagnostics: Vec<Diagnostic>,
    unsafe_fixes: bool,
    lint: impl Fn(&str) -> Vec<Diagnostic>,
) -> Outcome {
    let mut current = text.to_string();
    let mut diags = diagnostics;
    let mut applied = 0;
    let mut overlaps = Vec::new();
    for _ in 0..MAX_PASSES {
        let p = plan(&current, &diags, unsafe_fixes);
        if p.edits.is_empty() {
            return Outcome {
                text: current,
                applied,
                overlaps,
                remaining: diags,
                unapplied: p.skipped,
                converged: true,
            };
        }
        overlaps.extend(
            p.skipped
                .into_iter()
                .filter(|s| matches!(s.reason, SkipReason::Overlaps(_))),
        );
        current = apply(&current, &p.edits);
        applied += p.edits.len();
        diags = lint(&current);
    }
    let last = plan(&current, &diags, unsafe_fixes);
    Outcome {
        converged: last.edits.is_empty(),
        text: current,
        applied,
        overlaps,
        remaining: diags,
        unapplied: last.skipped,
    }
}

/// A unified diff of one file's fix, `--- a/PATH` / `+++ b/PATH`, 3 lines of context.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[derive(Debug)]
pub enum WriteError {
    Io(std::io::Error),
    /// The file's bytes differ from what was linted: someone else wrote it meanwhile.
    ChangedOnDisk,
    ReadOnly,
    /// The file was decoded from UTF-16; writing UTF-8 back would change every byte.
    Transcoded,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Io(e) => write!(f, "{e}"),
            WriteError::ChangedOnDisk => write!(
                f,
                "changed on disk while factlint was fixing it; not written (run again)"
            ),
            WriteError::ReadOnly => write!(f, "read-only; not written"),
            WriteError::Transcoded => write!(
                f,
                "decoded from UTF-16; fixes are not written back (convert it to UTF-8 to fix it)"
            ),
        }
    }
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// Replaces the file at `path`, whose content was `original` when it was read, with `new`:
/// atomically, keeping its permissions (and, on Unix, owner where allowed), refusing if its
/// content changed meanwhile. A symlink is followed and its target replaced. No temporary file
/// is left behind, whatever happens.
pub fn write_atomic(path: &Path, original: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let target = std::fs::canonicalize(path)?;
    let meta = std::fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(new)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), meta.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Best effort: only root may give a file away, and the mode matters more.
        let _ = std::os::unix::fs::chown(tmp.path(), Some(meta.uid()), Some(meta.gid()));
    }
    if std::fs::read(&target)? != original {
        return Err(WriteError::ChangedOnDisk); // `tmp` is removed on drop
    }
    tmp.persist(&target).map_err(|e| WriteError::Io(e.error))?;
    Ok(())
}

/// Writes a new file (or replaces one) atomically; used for baselines.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    } else {
        #[cfg(unix)]
        {
            // tempfile creates 0600; a new baseline should be as readable as any file.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))?;
        }
    }
    tmp.persist(path).map_err(|e| WriteError::Io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(
        rule: &str,
        span: Range<usize>,
        fix: Range<usize>,
        repl: &str,
        a: Applicability,
    ) -> Diagnostic {
        let mut d = Diagnostic::new(span, "m").with_fix(fix, repl, a);
        d.rule = rule.into();
        d
    }

    const SAFE: Applicability = Applicability::Safe;

    #[test]
    fn applies_in_order_and_keeps_other_bytes() {
        let text = "\u{feff}a the the b\r\nrecieve c\r\n";
        let t = text.find("the the").unwrap();
        let r = text.find("recieve").unwrap();
        let diags = vec![
            d("x.rep", t..t + 7, t + 3..t + 7, "", SAFE),
            d("x.sp", r..r + 7, r..r + 7, "receive", SAFE),
        ];
        let p = plan(text, &diags, false);
        assert_eq!(p.edits.len(), 2);
        assert_eq!(apply(text, &p.edits), "\u{feff}a the b\r\nreceive c\r\n");
    }

    #[test]
    fn overlapping_fixes_are_never_interleaved() {
        let text = "abcdef";
        let diags = vec![
            d("x.b", 3..5, 3..5, "YY", SAFE),
            d("x.a", 1..4, 1..4, "XX", SAFE),
            d("x.c", 2..2, 2..2, "+", SAFE), // inside the first fix
        ];
        let p = plan(text, &diags, false);
        assert_eq!(p.edits.len(), 1);
        assert_eq!(p.edits[0].rule, "x.a");
        assert_eq!(apply(text, &p.edits), "aXXef");
        let reasons: Vec<_> = p.skipped.iter().map(|s| (&s.rule[..], &s.reason)).collect();
        assert_eq!(
            reasons,
            [
                ("x.c", &SkipReason::Overlaps("x.a".into())),
                ("x.b", &SkipReason::Overlaps("x.a".into()))
            ]
        );
        // Two insertions at one point conflict; adjacent spans do not.
        let diags = vec![
            d("x.a", 1..1, 1..1, "1", SAFE),
            d("x.b", 1..1, 1..1, "2", SAFE),
            d("x.c", 1..2, 1..2, "B", SAFE),
            d("x.d", 2..3, 2..3, "C", SAFE),
        ];
        let p = plan(text, &diags, false);
        assert_eq!(apply(text, &p.edits), "a1bCdef");
        assert_eq!(p.skipped.len(), 2);
    }

    #[test]
    fn unsafe_and_alternatives() {
        let text = "Kiev and Kyiv";
        let mut alt = d("x.alt", 0..4, 0..4, "Kyiv", SAFE);
        alt = alt.with_fix(0..4, "Kiev", SAFE);
        let diags = vec![d("x.var", 9..13, 9..13, "Kiev", Applicability::Unsafe), alt];
        let p = plan(text, &diags, false);
        assert!(p.edits.is_empty());
        assert_eq!(p.skipped.len(), 2);
        let p = plan(text, &diags, true);
        assert_eq!(apply(text, &p.edits), "Kiev and Kiev");
    }

    #[test]
    fn bad_spans_and_no_op_fixes_are_skipped() {
        let text = "é";
        let diags = vec![
            d("x.a", 0..1, 0..1, "e", SAFE),
            d("x.b", 0..2, 0..2, "é", SAFE),
        ];
        let p = plan(text, &diags, false);
        assert!(p.edits.is_empty());
        assert_eq!(p.skipped[0].reason, SkipReason::BadSpan);
    }

    /// A toy linter: every "aa" is reported with a fix to "a".
    fn lint_aa(text: &str) -> Vec<Diagnostic> {
        text.match_indices("aa")
            .map(|(i, _)| d("x.aa", i..i + 2, i..i + 2, "a", SAFE))
            .collect()
    }

    #[test]
    fn passes_until_nothing_is_left() {
        // "aaaa": pass 1 fixes 0..2 and 2..4 (adjacent), giving "aa"; pass 2 gives "a".
        let o = fix_text("xaaaax", lint_aa("xaaaax"), false, lint_aa);
        assert_eq!(o.text, "xax");
        assert!(o.converged);
        assert!(o.remaining.is_empty());
        assert_eq!(o.applied, 3);
        // Overlapping matches ("aaa" → 0..2 and 1..3) are retried after re-linting.
        let overlapping = |t: &str| -> Vec<Diagnostic> {
            (0..t.len().saturating_sub(1))
                .filter(|&i| &t[i..i + 2] == "aa")
                .map(|i| d("x.aa", i..i + 2, i..i + 2, "a", SAFE))
                .collect()
        };
        let o = fix_text("aaa", overlapping("aaa"), false, overlapping);
        assert_eq!(o.text, "a");
        assert_eq!(o.overlaps.len(), 1);
    }

    #[test]
    fn fixes_that_undo_each_other_stop() {
        let flip = |t: &str| vec![d("x.f", 0..1, 0..1, if t == "a" { "b" } else { "a" }, SAFE)];
        let o = fix_text("a", flip("a"), false, flip);
        assert!(!o.converged);
    }

    #[test]
    fn diff_shows_only_changed_lines() {
        let diff = unified_diff("a.md", "one\ntwo the the\nthree\n", "one\ntwo the\nthree\n");
        assert!(diff.starts_with("--- a/a.md\n+++ b/a.md\n"), "{diff}");
        assert!(diff.contains("-two the the\n+two the\n"), "{diff}");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_keeps_mode_and_refuses_changed_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"old", b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        // Changed since read: refused, untouched.
        assert!(matches!(
            write_atomic(&p, b"old", b"newer"),
            Err(WriteError::ChangedOnDisk)
        ));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        // Through a symlink: the target is written, the link stays a link.
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&p, &link).unwrap();
        write_atomic(&link, b"new", b"linked").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "linked");
        // No temporary file left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
