//! factlint: a fact-check consistency linter for news articles.
//!
//! The flow: [`source`] reads bytes into text, [`document`] finds the prose, [`analysis`]
//! extracts facts once, [`checks`] (one module per rule kind, configured by YAML
//! [`ruleset`]s) compare facts and report [`diagnostic`]s, which [`report`] renders, [`fix`]
//! applies and `baseline` filters. [`run`] ties it together for the CLI and editors.

// What the binary, the tests, the benchmark and the fuzz targets use is `pub`; the rest is
// `pub(crate)`, so that the compiler reports what nothing uses.
#![warn(unreachable_pub)]

pub mod analysis;
pub(crate) mod baseline;
pub mod checks;
pub mod commands;
pub(crate) mod config;
pub mod diagnostic;
pub mod document;
pub(crate) mod fast_hash;
pub mod fix;
pub(crate) mod fuzzy;
pub(crate) mod gazetteer;
pub mod kind_doc;
pub(crate) mod learn;
pub(crate) mod lexicon;
pub mod lsp;
pub(crate) mod meta_rules;
pub(crate) mod misspellings;
pub(crate) mod people;
pub mod report;
pub mod ruleset;
pub mod run;
pub(crate) mod settings;
mod sorted_lines;
pub mod source;
pub(crate) mod suppress;
pub(crate) mod yaml;

use analysis::Analysis;
use checks::Context;
use diagnostic::{Diagnostic, Severity};
use document::Document;
use ruleset::Rule;

/// A set of loaded rules, ready to lint any number of documents (shared across threads).
pub struct Linter {
    pub rules: Vec<Rule>,
    /// The publication date assumed for an article that gives none (a config's `date:`).
    pub fallback_date: Option<jiff::civil::Date>,
}

impl Linter {
    pub fn new(rules: Vec<Rule>) -> Linter {
        Linter {
            rules,
            fallback_date: None,
        }
    }

    /// The built-in default rule sets only.
    pub fn with_default_rules() -> Linter {
        Linter::new(ruleset::load_builtin())
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Lints one document. `date` (`--date`) overrides the article's own publication date.
    /// The result is sorted and free of duplicates.
    pub fn lint(&self, doc: &Document, date: Option<jiff::civil::Date>) -> Vec<Diagnostic> {
        self.lint_filtered(doc, date, |r| r.enabled)
    }

    /// The publication date a document is linted against: `--date` (`given`), else its front
    /// matter's `date:`, else its dateline, else the config's date.
    pub fn publication_date(
        &self,
        doc: &Document,
        given: Option<jiff::civil::Date>,
    ) -> Option<jiff::civil::Date> {
        given
            .or(doc.date())
            .or_else(|| doc.dateline_date(self.fallback_date))
            .or(self.fallback_date)
    }

    fn lint_filtered(
        &self,
        doc: &Document,
        date: Option<jiff::civil::Date>,
        run: impl Fn(&Rule) -> bool,
    ) -> Vec<Diagnostic> {
        let mut all = Vec::new();
        let date = self.publication_date(doc, date);
        // An article is one segment; a huge text several, analysed one after the other.
        for range in doc.segments() {
            if range.len() == doc.text.len() {
                self.run_checks(doc, date, &run, &mut all);
            } else {
                let from = all.len();
                self.run_checks(&doc.segment(range.clone()), date, &run, &mut all);
                all[from..].iter_mut().for_each(|d| d.shift(range.start));
            }
        }
        for problem in &doc.front_matter.problems {
            let mut d = Diagnostic::new(problem.span.clone(), problem.message.clone())
                .with_primary_label(problem.label);
            d.rule = meta_rules::FRONT_MATTER_ID.into();
            d.severity = Severity::Warning;
            all.push(d);
        }
        let ids: Vec<&str> = self.rules.iter().map(|r| r.id.as_str()).collect();
        suppress::apply(doc, &ids, &mut all);
        // The linter's own findings follow their rules' settings, where those are loaded.
        all.retain_mut(|d| {
            let own = meta_rules::IDS.contains(&d.rule.as_str());
            match own.then(|| self.rule(&d.rule)).flatten() {
                Some(r) if !run(r) => false,
                Some(r) => {
                    d.severity = r.severity;
                    true
                }
                None => true,
            }
        });
        self.desk_over_builtin(&doc.text, &mut all);
        self.one_finding_per_count(&mut all);
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        all.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
        // One slip, one finding: two rules that rewrite the same span the same way (a word on
        // the hand-written misspelling list and in the typos table) are reported once, by the
        // rule that sorts first.
        let mut seen: std::collections::HashSet<(std::ops::Range<usize>, String)> =
            std::collections::HashSet::new();
        all.retain(|d| match d.fixes.first() {
            Some(f) => seen.insert((d.span.clone(), f.replacement.to_lowercase())),
            None => true,
        });
        all
    }

    /// One count problem, one finding: a finding of a fact-model count rule
    /// ([`checks::support::count_facts::KINDS`]) is dropped when another rule already reports a span
    /// that overlaps it ("nine years" from `date-arithmetic` and from `years-since`).
    fn one_finding_per_count(&self, all: &mut Vec<Diagnostic>) {
        let secondary = |id: &str| {
            self.rule(id)
                .is_some_and(|r| checks::support::count_facts::KINDS.contains(&r.kind.doc.name))
        };
        let flags: Vec<bool> = all.iter().map(|d| secondary(&d.rule)).collect();
        if !flags.contains(&true) {
            return;
        }
        let others: Vec<std::ops::Range<usize>> = all
            .iter()
            .zip(&flags)
            .filter(|(_, s)| !**s)
            .map(|(d, _)| d.span.clone())
            .collect();
        let mut i = 0;
        all.retain(|d| {
            let keep = !flags[i]
                || !others
                    .iter()
                    .any(|o| o.start < d.span.end && d.span.start < o.end);
            i += 1;
            keep
        });
    }

    /// Drops a built-in rule's finding whose fix works against a desk rule's fix: it rewrites
    /// the span a desk fix rewrites, differently, or it writes what a desk fix replaces while
    /// replacing what that fix writes (the built-in `style.variants` turning 'Kiev' into
    /// 'Kyiv' while a desk's `substitution` turns 'Kyiv' into 'Kiev'). The desk said what it
    /// wants: its rule wins.
    fn desk_over_builtin(&self, text: &str, all: &mut Vec<Diagnostic>) {
        let builtin = |id: &str| {
            self.rule(id)
                .is_some_and(|r| r.source.starts_with(ruleset::BUILTIN_SOURCE))
        };
        let ours: Vec<bool> = all
            .iter()
            .map(|d| !d.fixes.is_empty() && builtin(&d.rule))
            .collect();
        let desk: Vec<&diagnostic::Fix> = all
            .iter()
            .zip(&ours)
            .filter(|(_, ours)| !**ours)
            .flat_map(|(d, _)| &d.fixes)
            .collect();
        if desk.is_empty() || !ours.contains(&true) {
            return;
        }
        let lower = |r: &std::ops::Range<usize>| text.get(r.clone()).unwrap_or("").to_lowercase();
        // (what a desk fix replaces, what it writes)
        let swaps: std::collections::HashSet<(String, String)> = desk
            .iter()
            .map(|f| (lower(&f.span), f.replacement.to_lowercase()))
            .collect();
        let against = |f: &diagnostic::Fix| {
            swaps.contains(&(f.replacement.to_lowercase(), lower(&f.span)))
                || desk.iter().any(|g| {
                    g.span.start < f.span.end
                        && f.span.start < g.span.end
                        && g.replacement != f.replacement
                })
        };
        let drop: Vec<bool> = all
            .iter()
            .zip(&ours)
            .map(|(d, &ours)| ours && d.fixes.iter().any(against))
            .collect();
        let mut drop = drop.into_iter();
        all.retain(|_| !drop.next().unwrap_or(false));
    }

    /// Analyses `doc` once and runs every selected rule's check over it.
    fn run_checks(
        &self,
        doc: &Document,
        date: Option<jiff::civil::Date>,
        run: &impl Fn(&Rule) -> bool,
        all: &mut Vec<Diagnostic>,
    ) {
        let analysis = Analysis::new(doc);
        let knowledge = checks::support::known::Knowledge::new(
            self.rules
                .iter()
                .filter(|r| r.enabled)
                .filter_map(|r| r.check.entity_list())
                .collect(),
        );
        let name_variants = checks::support::name_variants::Found::new(
            self.rules
                .iter()
                .filter(|r| r.enabled)
                .filter_map(|r| r.check.name_variants())
                .collect(),
        );
        let cx = Context {
            doc,
            analysis: &analysis,
            date,
            knowledge,
            name_variants,
        };
        let mut buf = Vec::new();
        for rule in self.rules.iter().filter(|r| run(r)) {
            rule.check.run(&cx, &mut buf);
            for mut d in buf.drain(..) {
                d.rule.clone_from(&rule.id);
                d.severity = rule.severity;
                all.push(d);
            }
        }
    }

    /// Lints a snippet of text as a one-paragraph Markdown document (used by `test-rules`).
    pub fn lint_text(&self, text: &str, date: Option<jiff::civil::Date>) -> Vec<Diagnostic> {
        let doc = Document::parse("<example>", text.to_string(), document::Format::Markdown);
        self.lint(&doc, date)
    }

    /// Lints a snippet with one rule alone, enabled or not (used by `test-rules`).
    pub fn lint_text_with_rule(
        &self,
        text: &str,
        date: Option<jiff::civil::Date>,
        rule_id: &str,
    ) -> Vec<Diagnostic> {
        let doc = Document::parse("<example>", text.to_string(), document::Format::Markdown);
        self.lint_filtered(&doc, date, |r| r.id == rule_id)
    }
}
