//! Property tests over generated articles: spans are sound whatever the input, output does not
//! depend on the thread count, and fixes change only their spans and settle.

use factlint::Linter;
use factlint::diagnostic::{Applicability, Diagnostic};
use factlint::document::{Document, Format};
use factlint::fix;
use factlint::source::LineIndex;
use proptest::prelude::*;
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static L: OnceLock<Linter> = OnceLock::new();
    L.get_or_init(Linter::with_default_rules)
}

/// Pieces of news copy, Markdown syntax and awkward characters, glued at random.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("the".to_string()),
        Just("the the".to_string()),
        Just("against and against".to_string()),
        Just("Morales".to_string()),
        Just("Evo Morales".to_string()),
        Just("Santa Cruz".to_string()),
        Just("three cities: Oruro and Potosí".to_string()),
        Just("for a third time".to_string()),
        Just("a fourth term".to_string()),
        Just("Monday, March 5, 2024".to_string()),
        Just("February 30".to_string()),
        Just("the 20th of last month".to_string()),
        Just("two weeks ago".to_string()),
        Just("45-year-old".to_string()),
        Just("born in 1970".to_string()),
        Just("1,100.5".to_string()),
        Just("\"quoted\"".to_string()),
        Just("“curly”".to_string()),
        Just("OAS".to_string()),
        Just("Kiev".to_string()),
        Just("Kyiv".to_string()),
        Just("goverment".to_string()),
        Just("Recieved".to_string()),
        Just("UNTILL".to_string()),
        Just("yesterday".to_string()),
        Just("last Tuesday".to_string()),
        Just("Monday, October 22".to_string()),
        Just("😀".to_string()),
        Just("é".to_string()),
        Just("日本".to_string()),
        Just("\u{301}".to_string()),
        Just("`code`".to_string()),
        Just("```".to_string()),
        Just("*".to_string()),
        Just("#".to_string()),
        Just(">".to_string()),
        Just("- ".to_string()),
        Just("[link](http://x.y)".to_string()),
        Just("<!-- factlint-disable -->".to_string()),
        Just("---".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just(" ".to_string()),
        "[a-zA-Z]{1,8}".prop_map(|s| s),
        "[0-9]{1,4}".prop_map(|s| s),
    ]
}

fn article() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..80).prop_map(|v| v.join(" "))
}

fn check_spans(text: &str, format: Format) -> Result<(), TestCaseError> {
    let doc = Document::parse("p.md", text.to_string(), format);
    prop_assert_eq!(doc.prose.len(), text.len());
    let lines = LineIndex::new(text);
    for d in linter().lint(&doc, Some(jiff::civil::date(2024, 3, 1))) {
        let spans = std::iter::once(&d.span)
            .chain(d.labels.iter().map(|l| &l.span))
            .chain(d.fixes.iter().map(|f| &f.span));
        for s in spans {
            prop_assert!(
                s.start <= s.end && s.end <= text.len(),
                "span {:?} outside text ({})",
                s,
                d.rule
            );
            prop_assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "span {:?} splits a character ({})",
                s,
                d.rule
            );
        }
        // Line and column agree with the byte span.
        let p = lines.position(text, d.span.start);
        let line_start = lines.line_starts()[p.line - 1];
        prop_assert_eq!(text[line_start..d.span.start].chars().count() + 1, p.column);
    }
    Ok(())
}

fn lint(text: &str, format: Format) -> Vec<Diagnostic> {
    let doc = Document::parse("p.md", text.to_string(), format);
    linter().lint(&doc, Some(jiff::civil::date(2019, 11, 9)))
}

/// One pass of fixes: each edit alone changes exactly its span; together they keep every byte
/// between them; re-linting does not report an applied fix again (same rule, same replacement,
/// where the edit landed).
fn check_one_pass(text: &str, format: Format, unsafe_fixes: bool) -> Result<(), TestCaseError> {
    let diags = lint(text, format);
    let plan = fix::plan(text, &diags, unsafe_fixes);
    for e in &plan.edits {
        let alone = fix::apply(text, std::slice::from_ref(e));
        let tail = text.len() - e.span.end;
        prop_assert_eq!(&alone[..e.span.start], &text[..e.span.start]);
        prop_assert_eq!(&alone[alone.len() - tail..], &text[e.span.end..]);
        prop_assert_eq!(&alone[e.span.start..alone.len() - tail], &e.replacement);
    }
    let fixed = fix::apply(text, &plan.edits);
    let (mut old, mut new) = (0, 0);
    let mut landed = Vec::new();
    for e in &plan.edits {
        let keep = e.span.start - old;
        prop_assert_eq!(&fixed[new..new + keep], &text[old..e.span.start]);
        new += keep;
        landed.push((e, new..new + e.replacement.len()));
        new += e.replacement.len();
        old = e.span.end;
    }
    prop_assert_eq!(&fixed[new..], &text[old..]);
    for d in lint(&fixed, format) {
        for f in &d.fixes {
            if f.applicability == Applicability::Unsafe && !unsafe_fixes {
                continue;
            }
            for (e, span) in &landed {
                prop_assert!(
                    !(d.rule == e.rule && f.span == *span && f.replacement == e.replacement),
                    "{} reports its own fix again at {:?} in {:?}",
                    e.rule,
                    span,
                    fixed
                );
            }
        }
    }
    Ok(())
}

/// All passes: once fixes settle, re-linting the result offers no fix that would apply, and
/// fixing it again changes nothing.
fn check_settles(text: &str, format: Format, unsafe_fixes: bool) -> Result<(), TestCaseError> {
    let o = fix::fix_text(text, lint(text, format), unsafe_fixes, |t| lint(t, format));
    if !o.converged {
        return Ok(()); // reported to the user as a warning; generated text can chain fixes
    }
    let again = lint(&o.text, format);
    prop_assert_eq!(&again, &o.remaining);
    let left = fix::plan(&o.text, &again, unsafe_fixes);
    prop_assert!(left.edits.is_empty(), "fixes left: {:?}", left.edits);
    let twice = fix::fix_text(&o.text, again, unsafe_fixes, |t| lint(t, format));
    prop_assert_eq!(twice.applied, 0);
    prop_assert_eq!(twice.text, o.text);
    Ok(())
}

/// The human format's `┌─ path:line:column` headers, in order, match the line index.
fn check_human_headers(text: &str) -> Result<(), TestCaseError> {
    use factlint::report::{self, FileResult, Summary};
    let diags = lint(text, Format::Markdown);
    let lines = LineIndex::new(text);
    let file = FileResult {
        path: "p.md",
        text,
        lines: &lines,
        diagnostics: &diags,
    };
    let mut out = Vec::new();
    let mut r = report::reporter(
        report::Format::Human,
        &report::Options::default(),
        &linter().rules,
    );
    r.file(&mut out, &file).unwrap();
    r.finish(&mut out, &Summary::default()).unwrap();
    let out = String::from_utf8(out).unwrap();
    let headers: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("┌─ p.md:"))
        .collect();
    prop_assert_eq!(headers.len(), diags.len());
    for (h, d) in headers.iter().zip(&diags) {
        // codespan points the header at the first primary label, i.e. the span's start.
        let p = file.position(d.span.start);
        let want = format!("{}:{}", p.line, p.column);
        prop_assert_eq!(*h, want.as_str(), "{}", d.rule);
    }
    prop_assert!(!out.contains('\r'));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_fix_changes_only_its_span_and_is_not_reported_again(
        text in article(),
        plain in any::<bool>(),
        unsafe_fixes in any::<bool>(),
    ) {
        let format = if plain { Format::Plain } else { Format::Markdown };
        check_one_pass(&text, format, unsafe_fixes)?;
    }

    #[test]
    fn human_snippets_of_long_lines_keep_real_positions(
        text in article().prop_map(|s| s.replace('\n', " ").repeat(4)),
        cr in any::<bool>(),
    ) {
        // One long line (over the human format's window threshold), or several joined by CRs.
        let text = if cr { text.replacen(". ", ".\r", 3) } else { text };
        check_human_headers(&text)?;
    }

    #[test]
    fn safe_fixes_settle_and_are_not_reported_again(text in article(), plain in any::<bool>()) {
        let format = if plain { Format::Plain } else { Format::Markdown };
        check_settles(&text, format, false)?;
    }

    #[test]
    fn spans_are_sound_in_markdown(text in article()) {
        check_spans(&text, Format::Markdown)?;
    }

    #[test]
    fn spans_are_sound_in_plain_text(text in article()) {
        check_spans(&text, Format::Plain)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        check_spans(&text, Format::Markdown)?;
    }

    #[test]
    fn linting_is_deterministic(text in article()) {
        let doc = Document::parse("p.md", text.clone(), Format::Markdown);
        prop_assert_eq!(linter().lint(&doc, None), linter().lint(&doc, None));
    }
}

#[test]
fn output_is_identical_with_one_and_many_threads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let body = format!(
            "Story {i}: the the city of Kiev and Kyiv, against and against it, item {i}.\n"
        );
        std::fs::write(dir.path().join(format!("{i:03}.md")), body).unwrap();
    }
    let run = |threads: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["check", "--format", "json", "-j", threads])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
}
