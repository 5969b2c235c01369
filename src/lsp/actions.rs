//! What an editor asks about findings: code actions built from their fixes, and hover text
//! explaining the rule behind them.

use super::convert::{self, Text};
use crate::Linter;
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use lsp_types as lsp;
use std::collections::HashMap;
use std::ops::Range;

/// The kind of the "apply every safe fix" action.
pub(super) const FIX_ALL: &str = "source.fixAll.factlint";

pub(super) struct Doc<'a> {
    pub uri: &'a lsp::Uri,
    pub version: i32,
    pub text: Text<'a>,
    pub diagnostics: &'a [Diagnostic],
    /// Answer with versioned `documentChanges` (so a stale edit is refused) when the client can.
    pub document_changes: bool,
}

impl Doc<'_> {
    fn edit(&self, fixes: &[&Fix]) -> lsp::WorkspaceEdit {
        let edits: Vec<lsp::TextEdit> = fixes
            .iter()
            .map(|f| lsp::TextEdit::new(self.text.range(&f.span), f.replacement.clone()))
            .collect();
        if self.document_changes {
            lsp::WorkspaceEdit {
                document_changes: Some(lsp::DocumentChanges::Edits(vec![lsp::TextDocumentEdit {
                    text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                        uri: self.uri.clone(),
                        version: Some(self.version),
                    },
                    edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
                }])),
                ..Default::default()
            }
        } else {
            lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(self.uri.clone(), edits)])),
                ..Default::default()
            }
        }
    }

    fn lsp_diagnostic(&self, d: &Diagnostic) -> lsp::Diagnostic {
        convert::diagnostic(d, self.uri, &self.text)
    }
}

/// `only` filtering as the spec defines it: kind `a.b` is asked for by `a` or `a.b`.
fn wanted(only: Option<&[lsp::CodeActionKind]>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|o| {
            let o = o.as_str();
            kind == o || kind.strip_prefix(o).is_some_and(|r| r.starts_with('.'))
        })
    })
}

/// One quick fix per fix of each finding touching `range`, then (when there is any safe fix
/// in the document) one source action applying all safe fixes that do not overlap.
pub(super) fn code_actions(
    doc: &Doc,
    range: Range<usize>,
    only: Option<&[lsp::CodeActionKind]>,
) -> Vec<lsp::CodeActionOrCommand> {
    let mut out = Vec::new();
    if wanted(only, lsp::CodeActionKind::QUICKFIX.as_str()) {
        for d in doc
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= range.end && range.start <= d.span.end)
        {
            for fix in &d.fixes {
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: title(doc.text.text, fix, &d.rule),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![doc.lsp_diagnostic(d)]),
                    edit: Some(doc.edit(&[fix])),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..Default::default()
                }));
            }
        }
    }
    if wanted(only, FIX_ALL) {
        let mut safe: Vec<&Fix> = doc
            .diagnostics
            .iter()
            .flat_map(|d| &d.fixes)
            .filter(|f| f.applicability == Applicability::Safe)
            .collect();
        safe.sort_by_key(|f| (f.span.start, f.span.end));
        // Overlapping fixes are never combined: the first wins, a later lint offers the rest.
        let mut end = 0;
        safe.retain(|f| {
            let keep = f.span.start >= end;
            if keep {
                end = f.span.end;
            }
            keep
        });
        if !safe.is_empty() {
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!("factlint: apply {} safe fix(es)", safe.len()),
                kind: Some(lsp::CodeActionKind::from(FIX_ALL)),
                edit: Some(doc.edit(&safe)),
                ..Default::default()
            }));
        }
    }
    out
}

fn title(text: &str, fix: &Fix, rule: &str) -> String {
    let old = text.get(fix.span.clone()).unwrap_or("").trim();
    let new = fix.replacement.trim();
    let what = if new.is_empty() {
        format!("Remove '{old}'")
    } else if old.is_empty() {
        format!("Insert '{new}'")
    } else {
        format!("Replace '{old}' with '{new}'")
    };
    let safety = match fix.applicability {
        Applicability::Safe => "",
        Applicability::Unsafe => ", check the result",
    };
    format!("{what} ({rule}{safety})")
}

/// Markdown explaining every finding under `offset`: its message, then the rule's
/// description and its kind's documentation (what `factlint explain` prints).
pub(super) fn hover(doc: &Doc, linter: &Linter, offset: usize) -> Option<lsp::Hover> {
    let hits: Vec<&Diagnostic> = doc
        .diagnostics
        .iter()
        .filter(|d| {
            d.span.start <= offset
                && (offset < d.span.end || (d.span.is_empty() && offset == d.span.start))
        })
        .collect();
    let first = hits.first()?;
    let sections: Vec<String> = hits.iter().map(|d| explain(d, linter)).collect();
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(doc.text.range(&first.span)),
    })
}

fn explain(d: &Diagnostic, linter: &Linter) -> String {
    let mut s = format!(
        "**{}** ({}): {}",
        d.rule,
        d.severity.as_str(),
        escape(&d.message)
    );
    if let Some(rule) = linter.rule(&d.rule) {
        if let Some(desc) = &rule.description {
            s.push_str(&format!("\n\n{}", escape(desc)));
        }
        // The kind's page is Markdown already.
        s.push_str("\n\n");
        s.push_str(&crate::kind_doc::hover(rule.kind.doc.parsed()));
    }
    s
}

/// Keeps article text and rule descriptions from being read as Markdown markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::convert::Encoding;
    use crate::source::LineIndex;
    use std::str::FromStr;

    /// An article linted with the default rules, with what a `Doc` of it borrows.
    struct Article<'t> {
        text: &'t str,
        linter: Linter,
        diags: Vec<Diagnostic>,
        lines: LineIndex,
        uri: lsp::Uri,
    }

    impl<'t> Article<'t> {
        fn new(text: &'t str) -> Self {
            let linter = Linter::with_default_rules();
            let diags = linter.lint_text(text, None);
            Article {
                text,
                linter,
                diags,
                lines: LineIndex::new(text),
                uri: lsp::Uri::from_str("file:///a.md").unwrap(),
            }
        }

        /// The open document at `version`, positions in `encoding`.
        fn doc(&self, version: i32, encoding: Encoding, document_changes: bool) -> Doc<'_> {
            Doc {
                uri: &self.uri,
                version,
                text: Text {
                    text: self.text,
                    lines: &self.lines,
                    encoding,
                },
                diagnostics: &self.diags,
                document_changes,
            }
        }
    }

    #[test]
    fn doubled_word_gives_a_preferred_quick_fix() {
        let text = "Héllo 😀 to the the press.";
        let article = Article::new(text);
        let doc = article.doc(3, Encoding::Utf16, false);
        let at = text.find("the the").unwrap();
        let actions = code_actions(&doc, at..at, None);
        let lsp::CodeActionOrCommand::CodeAction(a) = &actions[0] else {
            panic!("expected a code action")
        };
        assert_eq!(a.is_preferred, Some(true));
        assert!(a.title.starts_with("Remove 'the'"), "{}", a.title);
        let edits = &a.edit.as_ref().unwrap().changes.as_ref().unwrap()[&article.uri];
        // "Héllo 😀 to the" is 15 UTF-16 units; the fix removes " the".
        assert_eq!(edits[0].range.start, lsp::Position::new(0, 15));
        assert_eq!(edits[0].range.end, lsp::Position::new(0, 19));
        assert_eq!(edits[0].new_text, "");
        // The fix-all source action comes too, unless only quick fixes are asked for.
        assert_eq!(actions.len(), 2);
        let only = [lsp::CodeActionKind::QUICKFIX];
        assert_eq!(code_actions(&doc, at..at, Some(&only)).len(), 1);
        let only = [lsp::CodeActionKind::SOURCE];
        assert_eq!(code_actions(&doc, at..at, Some(&only)).len(), 1);
        // Nothing away from the finding.
        assert!(code_actions(&doc, 0..2, Some(&[lsp::CodeActionKind::QUICKFIX])).is_empty());
    }

    #[test]
    fn versioned_edit_when_client_supports_document_changes() {
        let text = "The the end.";
        let article = Article::new(text);
        let doc = article.doc(7, Encoding::Utf8, true);
        let actions = code_actions(&doc, 0..0, Some(&[lsp::CodeActionKind::QUICKFIX]));
        let lsp::CodeActionOrCommand::CodeAction(a) = &actions[0] else {
            panic!("expected a code action")
        };
        let Some(lsp::DocumentChanges::Edits(e)) = &a.edit.as_ref().unwrap().document_changes
        else {
            panic!("expected document changes")
        };
        assert_eq!(e[0].text_document.version, Some(7));
    }

    #[test]
    fn hover_explains_the_rule_only_over_the_finding() {
        let text = "Protests against and against it.";
        let article = Article::new(text);
        let doc = article.doc(1, Encoding::Utf16, false);
        let at = text.find("and").unwrap();
        let h = hover(&doc, &article.linter, at).unwrap();
        let lsp::HoverContents::Markup(m) = h.contents else {
            panic!("expected markup")
        };
        assert!(m.value.contains("**style.repetition**"), "{}", m.value);
        assert!(m.value.contains("**Why it matters**"));
        assert!(hover(&doc, &article.linter, 0).is_none());
        assert!(hover(&doc, &article.linter, text.len() - 1).is_none());
    }
}
