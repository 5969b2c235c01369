//! The documentation of a rule kind, written once: one Markdown page per kind
//! (`docs/kinds/<kind>.md`, embedded next to the kind with `include_str!`), parsed here and
//! rendered here for every surface: `factlint explain` (text), SARIF rule help (text and
//! Markdown) and the editor's hover (Markdown). The README's table of kinds is checked against
//! the same pages (tests/kinds.rs).
//!
//! A page is a `# <kind>` title, a one-paragraph summary, then these sections in this order:
//! - `## What it checks`, `## Why it matters`: prose;
//! - `## Example`: a ```` ```yaml ```` rule using the kind (none for the linter's own rules),
//!   then `Reported:` and `Not reported:`, each followed by ```` ```md ```` texts. Tests build
//!   the rule and run the texts as `test-rules` runs a rule's examples (as published on
//!   November 9, 2019), and keep what each gets in the kind's fixture, `tests/kinds/<kind>.md`;
//! - `## Options`: one top-level item ``- `field`: …`` per option of the kind's YAML config
//!   (tests hold the list to the kind's options struct), or prose when there are none;
//! - `## Fix safety`: prose.

use crate::ruleset::Rule;
use std::ops::Range;

/// The sections every page has, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    What,
    Why,
    Example,
    Options,
    FixSafety,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::What,
        Section::Why,
        Section::Example,
        Section::Options,
        Section::FixSafety,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::What => "What it checks",
            Section::Why => "Why it matters",
            Section::Example => "Example",
            Section::Options => "Options",
            Section::FixSafety => "Fix safety",
        }
    }
}

/// A parsed page.
#[derive(Debug)]
pub struct Doc {
    pub name: &'static str,
    /// The summary paragraph, on one line.
    pub summary: String,
    /// Each section's Markdown, in [`Section::ALL`] order, without its heading.
    bodies: [&'static str; 5],
    pub example: Example,
    /// The options documented under `## Options`, in order.
    pub options: Vec<&'static str>,
}

/// The `## Example` section's parts.
#[derive(Debug, Default)]
pub struct Example {
    /// A YAML rule-set entry (`- id: … kind: …`), for the kinds a rule set can use.
    pub rule: Option<&'static str>,
    /// Texts that rule reports.
    pub reported: Vec<&'static str>,
    /// Texts it does not.
    pub not_reported: Vec<&'static str>,
}

/// How [`Doc::markdown`] sets section titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `## Title` headings: a page of its own (`explain`, SARIF help).
    Page,
    /// Bold titles: a few sections inside another text (the editor's hover).
    Inline,
}

impl Doc {
    /// A section's Markdown, without its heading.
    pub fn body(&self, section: Section) -> &'static str {
        self.bodies[section as usize]
    }

    /// Some sections as Markdown, with their titles.
    pub fn markdown(&self, sections: &[Section], style: Style) -> String {
        let parts: Vec<String> = sections
            .iter()
            .map(|&s| titled(s.title(), self.body(s), style))
            .collect();
        parts.join("\n\n")
    }

    /// The whole page as Markdown, with a rule's own examples (when it has any) after the
    /// kind's: what `explain` prints and SARIF gives as a rule's help.
    pub fn page(&self, rule: Option<&Rule>) -> String {
        let mut parts = Vec::new();
        for s in Section::ALL {
            parts.push(titled(s.title(), self.body(s), Style::Page));
            if s == Section::Example
                && let Some(own) = rule.and_then(|r| self.rule_examples(r))
            {
                parts.push(titled("This rule's examples", &own, Style::Page));
            }
        }
        parts.join("\n\n")
    }
}

fn titled(title: &str, body: &str, style: Style) -> String {
    match style {
        Style::Page => format!("## {title}\n\n{body}"),
        Style::Inline => format!("**{title}**\n\n{body}"),
    }
}

impl Doc {
    /// A rule's own `examples:` as Markdown, like the page's `Reported:` / `Not reported:`
    /// texts; none when it has none, or only the page's (the linter's own rules).
    fn rule_examples(&self, rule: &Rule) -> Option<String> {
        let e = &rule.examples;
        let same = |own: &[String], page: &[&str]| own.iter().eq(page.iter().copied());
        if (e.bad.is_empty() && e.good.is_empty())
            || (same(&e.bad, &self.example.reported) && same(&e.good, &self.example.not_reported))
        {
            return None;
        }
        let mut out = Vec::new();
        for (label, texts) in [("Reported:", &e.bad), ("Not reported:", &e.good)] {
            if !texts.is_empty() {
                out.push(label.to_string());
                out.extend(texts.iter().map(|t| fenced("md", t)));
            }
        }
        Some(out.join("\n\n"))
    }
}

/// `text` in a fence longer than any run of backticks in it.
pub fn fenced(info: &str, text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{info}\n{text}\n{fence}")
}

/// Markdown as a terminal shows it: fences dropped and their lines indented; the rest (the
/// pages keep to headings, paragraphs, lists and `code`) reads as it is.
pub fn to_text(markdown: &str) -> String {
    let Ok(blocks) = fences(markdown) else {
        return markdown.to_string();
    };
    let mut out = String::with_capacity(markdown.len());
    let mut at = 0;
    for b in blocks {
        out.push_str(&markdown[at..b.range.start]);
        for line in b.body.lines() {
            out.push_str("    ");
            out.push_str(line);
            out.push('\n');
        }
        at = b.range.end;
    }
    out.push_str(&markdown[at..]);
    out
}

/// A fenced code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fence<'a> {
    /// What follows the opening fence (`yaml`, `md each-line`…), trimmed.
    pub info: &'a str,
    /// The lines between the fences, without the last line break.
    pub body: &'a str,
    /// From the opening fence's line to the end of the closing fence's line break.
    pub range: Range<usize>,
}

/// The fenced code blocks of a Markdown text, in order. A fence is three or more backticks
/// or tildes at the start of a line; the block ends at a line of at least as many of the
/// same character.
pub fn fences(markdown: &str) -> Result<Vec<Fence<'_>>, String> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize, &str, usize, usize)> = None;
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let bare = line.trim_end_matches(['\n', '\r']);
        let Some(c) = bare.chars().next().filter(|&c| c == '`' || c == '~') else {
            continue;
        };
        let run = bare.len() - bare.trim_start_matches(c).len();
        if run < 3 {
            continue;
        }
        match open {
            None => open = Some((c, run, bare[run..].trim(), start, offset)),
            Some((oc, orun, info, from, body)) if oc == c && run >= orun => {
                if !bare[run..].trim().is_empty() {
                    continue;
                }
                let text = markdown[body..start].strip_suffix('\n').unwrap_or("");
                out.push(Fence {
                    info,
                    body: text.strip_suffix('\r').unwrap_or(text),
                    range: from..offset,
                });
                open = None;
            }
            Some(_) => {}
        }
    }
    match open {
        Some((_, _, info, from, _)) => Err(format!(
            "the ```{info} block opened at byte {from} is never closed"
        )),
        None => Ok(out),
    }
}

/// Parses a page (see the module documentation for its shape).
pub fn parse(markdown: &'static str) -> Result<Doc, String> {
    let blocks = fences(markdown)?;
    let in_block = |at: usize| blocks.iter().any(|b| b.range.contains(&at));
    // (heading level, title, start of the heading line, start of the body)
    let mut headings = Vec::new();
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if in_block(start) {
            continue;
        }
        let level = line.len() - line.trim_start_matches('#').len();
        if (1..=2).contains(&level) && line[level..].starts_with(' ') {
            headings.push((level, line[level..].trim(), start, offset));
        }
    }
    let Some(&(1, name, _, summary_at)) = headings.first() else {
        return Err("a page starts with `# <kind>`".into());
    };
    let sections = &headings[1..];
    let titles: Vec<&str> = sections.iter().map(|h| h.1).collect();
    let expected: Vec<&str> = Section::ALL.iter().map(|s| s.title()).collect();
    if titles != expected || sections.iter().any(|h| h.0 != 2) {
        return Err(format!(
            "the sections are {titles:?}; a page has `## {}`, in that order",
            expected.join("`, `## ")
        ));
    }
    let body = |i: usize| {
        let end = sections.get(i + 1).map_or(markdown.len(), |h| h.2);
        markdown[sections[i].3..end].trim()
    };
    let summary = markdown[summary_at..sections[0].2].trim();
    if summary.is_empty() || summary.contains("\n\n") {
        return Err("the title is followed by a summary of one paragraph".into());
    }
    let bodies = [body(0), body(1), body(2), body(3), body(4)];
    if let Some(s) = Section::ALL
        .iter()
        .find(|&&s| bodies[s as usize].is_empty())
    {
        return Err(format!("`## {}` is empty", s.title()));
    }
    Ok(Doc {
        name,
        summary: summary.split_whitespace().collect::<Vec<_>>().join(" "),
        example: example(bodies[Section::Example as usize])?,
        options: options(bodies[Section::Options as usize]),
        bodies,
    })
}

/// The `## Example` section: an optional ```` ```yaml ```` rule first, then ```` ```md ````
/// texts, each after a `Reported:` or `Not reported:` line.
fn example(body: &'static str) -> Result<Example, String> {
    let mut out = Example::default();
    let mut at = 0;
    for (i, b) in fences(body)?.into_iter().enumerate() {
        let label = body[at..b.range.start].trim().lines().last().unwrap_or("");
        at = b.range.end;
        match (b.info, label) {
            // The rule comes first, after any words that introduce it ("In a rule set:").
            ("yaml", _) if i == 0 => out.rule = Some(b.body),
            ("md", "Reported:") => out.reported.push(b.body),
            ("md", "Not reported:") => out.not_reported.push(b.body),
            ("md", "") if i > 0 => {
                // Another text under the same label as the one before.
                let last = if out.not_reported.is_empty() {
                    &mut out.reported
                } else {
                    &mut out.not_reported
                };
                last.push(b.body);
            }
            (info, label) => {
                return Err(format!(
                    "## Example: unexpected ```{info} block after {label:?} (a ```yaml rule \
                     first, then ```md texts after `Reported:` and `Not reported:`)"
                ));
            }
        }
    }
    if out.reported.is_empty() || out.not_reported.is_empty() {
        return Err("## Example needs a `Reported:` text and a `Not reported:` one".into());
    }
    Ok(out)
}

/// The option names of the `## Options` list: its top-level items that open with `` `name` ``.
fn options(body: &'static str) -> Vec<&'static str> {
    body.lines()
        .filter_map(|l| l.strip_prefix("- `"))
        .filter_map(|l| l.split('`').next())
        .collect()
}

/// Every kind with a page: those rule sets use ([`crate::checks::KINDS`]), then the linter's own.
pub fn kinds() -> Vec<&'static crate::checks::Kind> {
    crate::checks::KINDS
        .iter()
        .chain(crate::meta_rules::KINDS)
        .copied()
        .collect()
}

/// Is `kind` one of the linter's own (its rules are reported by the linter, not a rule set)?
pub fn is_linters_own(kind: &crate::checks::Kind) -> bool {
    crate::meta_rules::KINDS
        .iter()
        .any(|k| std::ptr::eq(*k, kind))
}

/// Is `kind` the archive's (built by `check` from the articles it reads, not from a rule set)?
pub fn is_archive(kind: &crate::checks::Kind) -> bool {
    std::ptr::eq(kind, &crate::checks::archive::KIND)
}

/// The archive's rule for these articles, as `check` builds it with `archive_evidence` (its
/// page's examples are run with it).
pub fn archive_rule(articles: &[&str]) -> Rule {
    let reader = crate::Linter::new(Vec::new());
    let mut learned = crate::learn::Learned::default();
    for (i, text) in articles.iter().enumerate() {
        let name = format!("article-{i}.md");
        learned.add_article(&crate::learn::article_names(
            &reader,
            &name,
            text.to_string(),
        ));
    }
    crate::checks::archive::rule(&learned)
}

/// The rules a run loads by default: the built-in rule sets and the linter's own rules.
pub fn default_rules() -> Vec<Rule> {
    let mut rules = crate::ruleset::load_builtin();
    rules.extend(crate::meta_rules::rules());
    rules
}

/// What `factlint explain NAME` prints: the page of a loaded rule's kind (a rule id, or the
/// part after its set's name) with the rule's own settings and examples, or a kind's page.
pub fn explain(name: &str, rules: &[Rule]) -> Result<String, String> {
    let rule = rules
        .iter()
        .find(|r| r.id == name || r.id.ends_with(&format!(".{name}")));
    let kind = match rule {
        Some(r) => r.kind,
        // `names.archive` is loaded only by `check` with `archive_evidence`.
        None if name == crate::checks::archive::ID => &crate::checks::archive::KIND,
        None => crate::checks::kind(name)
            .ok_or_else(|| format!("no rule or rule kind named `{name}` (see `factlint rules`)"))?,
    };
    let doc = kind.doc.parsed();
    let header = match rule {
        Some(r) => {
            let mut h = format!(
                "{} ({}, kind `{}`, from {})",
                r.id,
                r.severity.as_str(),
                doc.name,
                r.source
            );
            if let Some(desc) = &r.description {
                h.push('\n');
                h.push_str(desc.trim_end());
            }
            h
        }
        None => format!("rule kind `{}`: {}", doc.name, doc.summary),
    };
    Ok(format!("{header}\n\n{}\n", to_text(&doc.page(rule))))
}

/// What the editor's hover says about a kind (after the finding and its rule's description):
/// the summary, what it checks, why it matters and the fix safety.
pub fn hover(doc: &Doc) -> String {
    format!(
        "*Kind `{}`:* {}\n\n{}",
        doc.name,
        doc.summary,
        doc.markdown(
            &[Section::What, Section::Why, Section::FixSafety],
            Style::Inline
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "# some-kind\n\nA summary\non two lines.\n\n## What it checks\n\nWhat.\n\n\
        ## Why it matters\n\nWhy.\n\n## Example\n\nIn a rule set:\n\n```yaml\n- id: x\n  kind: some-kind\n```\n\n\
        Reported:\n\n```md\n# A heading inside\nBad.\n```\n\n```md\nBad too.\n```\n\n\
        Not reported:\n\n````md\nGood ```code```.\n````\n\n## Options\n\n- `one` (default 1): \
        one.\n  - `not-an-option`: a nested item.\n- `two`: two.\n\n## Fix safety\n\nNo fix.\n";

    #[test]
    fn a_page_parses_into_its_parts() {
        let d = parse(PAGE).unwrap();
        assert_eq!(d.name, "some-kind");
        assert_eq!(d.summary, "A summary on two lines.");
        assert_eq!(d.example.rule, Some("- id: x\n  kind: some-kind"));
        assert_eq!(d.example.reported, ["# A heading inside\nBad.", "Bad too."]);
        assert_eq!(d.example.not_reported, ["Good ```code```."]);
        assert_eq!(d.options, ["one", "two"]);
        assert_eq!(d.body(Section::FixSafety), "No fix.");
    }

    #[test]
    fn malformed_pages_say_what_is_wrong() {
        for (page, says) in [
            ("## What it checks\n\nx\n".to_string(), "starts with"),
            (
                "# k\n\nS.\n\n## What it checks\n\nx\n".into(),
                "the sections are",
            ),
            (PAGE.replace("Why.", ""), "`## Why it matters` is empty"),
            (PAGE.replace("Not reported:", "Fine:"), "unexpected"),
            ("# k\n\n```md\nopen\n".into(), "never closed"),
        ] {
            // `parse` borrows from embedded pages, which live as long as the program.
            let page: &'static str = String::leak(page);
            let e = parse(page).unwrap_err();
            assert!(e.contains(says), "{e}");
        }
    }

    #[test]
    fn text_indents_code_and_keeps_the_rest() {
        let md = "Reported:\n\n```md\nLine one.\nLine two.\n```\n\nAfter `x`.";
        assert_eq!(
            to_text(md),
            "Reported:\n\n    Line one.\n    Line two.\n\nAfter `x`."
        );
    }

    #[test]
    fn a_fence_outlasts_the_backticks_inside() {
        assert_eq!(fenced("md", "a ``` b"), "````md\na ``` b\n````");
        assert_eq!(fenced("md", "plain"), "```md\nplain\n```");
    }
}
