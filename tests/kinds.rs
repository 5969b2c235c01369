//! Every rule kind, over the registry (as ripgrep tests every flag): its name, its module, its
//! page `docs/kinds/<kind>.md` and its fixture `tests/kinds/<kind>.md`.
//!
//! - The registry: names unique and kebab-case, one module, one page and one fixture a kind, and
//!   nothing else in those folders.
//! - The page: it parses into the fixed sections, its `## Options` list is the kind's options,
//!   its example rule builds, its `Reported:` texts are reported and its `Not reported:` texts
//!   are not.
//! - The fixture: the page's example texts and the fixture's own cases, each with the findings
//!   it gets (message, labels, notes, help, fix) and the text with its fixes applied, as a
//!   snapshot. `FACTLINT_BLESS=1 cargo test --test kinds` writes the snapshots anew; review the
//!   diff before committing it.
//! - Defaults written once: an option a built-in rule sets must change what the rule reports on
//!   its texts; one that changes nothing repeats the kind's default (leave it out).
//! - The README: its table of built-in rules lists every built-in rule with its kind and
//!   severity, and its table of kinds is the pages' summaries.

use factlint::Linter;
use factlint::checks::{self, Kind};
use factlint::diagnostic::{Applicability, Diagnostic};
use factlint::kind_doc::{self, Doc};
use factlint::ruleset::{self, Rule};
use serde_yaml::{Mapping, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The publication date every example is linted with (a Saturday), as `test-rules` does.
fn date() -> Option<jiff::civil::Date> {
    Some(jiff::civil::date(2019, 11, 9))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("FACTLINT_BLESS").is_some_and(|v| v != "0")
}

/// Every kind: those rule sets use, then the linter's own.
fn all_kinds() -> Vec<&'static Kind> {
    kind_doc::kinds()
}

fn is_meta(kind: &Kind) -> bool {
    kind_doc::is_linters_own(kind)
}

/// The kind `check` builds from the articles it reads (`archive_evidence`), not from a rule set.
fn is_archive(kind: &Kind) -> bool {
    kind_doc::is_archive(kind)
}

fn names_in(dir: &str, ext: &str) -> BTreeSet<String> {
    std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .filter_map(|f| f.strip_suffix(ext).map(str::to_string))
        .collect()
}

#[test]
fn the_registry_is_consistent() {
    let kinds = all_kinds();
    let mut seen = BTreeSet::new();
    for k in &kinds {
        let name = k.doc.name;
        assert!(seen.insert(name), "two kinds are named `{name}`");
        let kebab = !name.is_empty()
            && !name.starts_with('-')
            && !name.ends_with('-')
            && !name.contains("--")
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        assert!(kebab, "`{name}` is not kebab-case");
        // The page's title is the kind's name.
        assert_eq!(k.doc.parsed().name, name, "docs/kinds/{name}.md's title");
        // The kind lives in the module named after it, which embeds its page.
        let module = if is_meta(k) {
            root().join("src/meta_rules.rs")
        } else {
            root().join(format!("src/checks/{}.rs", name.replace('-', "_")))
        };
        let source = std::fs::read_to_string(&module)
            .unwrap_or_else(|e| panic!("kind `{name}`: {}: {e}", module.display()));
        assert!(
            source.contains(&format!("docs/kinds/{name}.md\")")),
            "{} does not embed docs/kinds/{name}.md",
            module.display()
        );
        if !is_meta(k) {
            assert!(checks::kind(name).is_some_and(|found| std::ptr::eq(found, *k)));
        }
    }
    // One page and one fixture a kind, and nothing else.
    let names: BTreeSet<String> = seen.iter().map(|s| s.to_string()).collect();
    assert_eq!(names_in("docs/kinds", ".md"), names, "docs/kinds/");
    assert_eq!(names_in("tests/kinds", ".md"), names, "tests/kinds/");
}

/// The options a kind's YAML config accepts, as its (deny_unknown_fields) options struct lists
/// them when given one it does not know.
fn options_of(kind: &Kind) -> Vec<String> {
    let mut m = Mapping::new();
    m.insert("__no_such_option__".into(), Value::Null);
    let e = match (kind.build)(Value::Mapping(m), &checks::Common::default()) {
        Ok(_) => panic!("`{}` accepts any option", kind.doc.name),
        Err(e) => e,
    };
    if e.contains("there are no fields") {
        return Vec::new();
    }
    let list = e
        .split_once("expected ")
        .unwrap_or_else(|| panic!("`{}`: {e}", kind.doc.name))
        .1;
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_page_documents_its_kinds_options() {
    for k in checks::KINDS {
        let doc = k.doc.parsed();
        if is_archive(k) {
            // Refused in a rule set, with a message that says how it is turned on.
            let e = (k.build)(Value::Mapping(Mapping::new()), &checks::Common::default());
            assert!(e.is_err_and(|e| e.contains("archive_evidence")));
            assert!(doc.options.is_empty(), "{}", k.doc.name);
            continue;
        }
        let mut documented: Vec<String> = doc.options.iter().map(|s| s.to_string()).collect();
        let mut actual = options_of(k);
        documented.sort();
        actual.sort();
        assert_eq!(
            documented, actual,
            "docs/kinds/{}.md: `## Options` lists these options; the kind has those",
            k.doc.name
        );
    }
    for k in all_kinds().into_iter().filter(|k| is_meta(k)) {
        assert!(k.doc.parsed().options.is_empty(), "{}", k.doc.name);
    }
}

// ---------------------------------------------------------------------------------------------
// Running examples

/// Rules from a rule set's `rules:` entries (the page's example rule, a fixture's rule block).
fn rules_from(origin: &str, entries: &str) -> Result<Vec<Rule>, String> {
    let indented: String = entries.lines().map(|l| format!("  {l}\n")).collect();
    ruleset::parse(origin, &format!("set: example\nrules:\n{indented}")).map_err(|e| e.to_string())
}

/// Lints `text` as `test-rules` does: with `only` alone when given (a linter's own rule, among
/// the built-in rules), else with every rule of `rules`.
fn lint(rules: Vec<Rule>, only: Option<&str>, text: &str) -> Vec<Diagnostic> {
    let linter = Linter::new(rules);
    match only {
        Some(id) => linter.lint_text_with_rule(text, date(), id),
        None => linter.lint_text(text, date()),
    }
}

/// How a kind's examples are run: the rules to load (made anew each time: rules are not Clone)
/// and the one rule to run, if only one.
struct Runner {
    kind: &'static Kind,
    page_rule: Option<&'static str>,
}

impl Runner {
    fn new(kind: &'static Kind) -> Runner {
        let page_rule = kind.doc.parsed().example.rule;
        assert_eq!(
            page_rule.is_none(),
            is_meta(kind) || is_archive(kind),
            "docs/kinds/{}.md: a kind rule sets use has an example rule (```yaml), the \
             linter's own kinds and the archive's have none",
            kind.doc.name
        );
        Runner { kind, page_rule }
    }

    /// The findings on `text`, with `rule` (YAML entries) instead of the page's rule if given.
    fn run(&self, rule: Option<&str>, text: &str) -> Vec<Diagnostic> {
        let name = self.kind.doc.name;
        if is_archive(self.kind) && rule.is_none() {
            return archive_run(self.kind, text);
        }
        match rule.or(self.page_rule) {
            Some(entries) => {
                let rules = rules_from(&format!("tests/kinds/{name}.md"), entries)
                    .unwrap_or_else(|e| panic!("kind `{name}`: the rule does not load: {e}"));
                lint(rules, None, text)
            }
            None => {
                let rules = kind_doc::default_rules();
                let id = rules
                    .iter()
                    .find(|r| std::ptr::eq(r.kind, self.kind))
                    .map(|r| r.id.clone())
                    .expect("the linter's own rule");
                lint(rules, Some(&id), text)
            }
        }
    }
}

/// The archive kind on `text`, read among a dozen articles that write the page's first
/// `Not reported:` text (as docs/kinds/archive.md says).
fn archive_run(kind: &Kind, text: &str) -> Vec<Diagnostic> {
    let usual = kind.doc.parsed().example.not_reported[0];
    let mut articles = vec![usual; 12];
    articles.push(text);
    lint(vec![kind_doc::archive_rule(&articles)], None, text)
}

/// (line, column) of a byte offset, both 1-based, columns in characters.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

fn place(text: &str, span: &std::ops::Range<usize>) -> String {
    let (l1, c1) = line_col(text, span.start);
    let (l2, c2) = line_col(text, span.end);
    let at = if l1 == l2 {
        format!("{l1}:{c1}-{c2}")
    } else {
        format!("{l1}:{c1}-{l2}:{c2}")
    };
    format!("{at} {:?}", &text[span.clone()])
}

/// The findings on `text` as a snapshot shows them: everything a check decides (rule, severity,
/// spans, message, labels, notes, help, fixes), one finding a paragraph.
fn render(text: &str, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}[{}] {}: {}",
            d.severity.as_str(),
            d.rule,
            place(text, &d.span),
            d.message
        );
        if let Some(l) = &d.primary_label {
            let _ = writeln!(out, "  label: {l}");
        }
        for l in &d.labels {
            let _ = writeln!(out, "  also {}: {}", place(text, &l.span), l.message);
        }
        for n in &d.notes {
            let _ = writeln!(out, "  note: {n}");
        }
        if let Some(h) = &d.help {
            let _ = writeln!(out, "  help: {h}");
        }
        for f in &d.fixes {
            let safety = match f.applicability {
                Applicability::Safe => "safe",
                Applicability::Unsafe => "unsafe",
            };
            let _ = writeln!(
                out,
                "  fix ({safety}): {} -> {:?}",
                place(text, &f.span),
                f.replacement
            );
        }
    }
    out.trim_end().to_string()
}

/// The text with every fix applied (unsafe ones too), when any applies.
fn fixed(text: &str, diags: &[Diagnostic]) -> Option<String> {
    let plan = factlint::fix::plan(text, diags, true);
    (!plan.edits.is_empty()).then(|| factlint::fix::apply(text, &plan.edits))
}

/// One example in a fixture: an input and what it gets.
fn case(out: &mut String, title: &str, rule: Option<&str>, text: &str, diags: &[Diagnostic]) {
    let _ = write!(out, "\n## {title}\n\n");
    if let Some(rule) = rule {
        let _ = write!(out, "{}\n\n", kind_doc::fenced("yaml", rule));
    }
    let _ = write!(out, "{}\n\n", kind_doc::fenced("md", text));
    if diags.is_empty() {
        out.push_str("Nothing reported.\n");
        return;
    }
    let _ = write!(
        out,
        "Reported:\n\n{}\n",
        kind_doc::fenced("text", &render(text, diags))
    );
    if let Some(f) = fixed(text, diags) {
        let _ = write!(out, "\nFixed:\n\n{}\n", kind_doc::fenced("md", &f));
    }
}

/// A fixture's own case: its title, its rule block (if any) and its text.
struct Case {
    title: String,
    rule: Option<String>,
    text: String,
}

const PAGE_REPORTED: &str = "The page's example, reported";
const PAGE_NOT_REPORTED: &str = "The page's example, not reported";

/// The fixture's own cases: each `## title` but the page's examples, with a ```` ```yaml ````
/// rule (the page's rule when left out) and then a ```` ```md ```` text; what follows them is
/// the snapshot, written by the test.
fn cases(path: &Path, fixture: &str) -> Vec<Case> {
    let blocks = kind_doc::fences(fixture).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let in_block = |at: usize| blocks.iter().any(|b| b.range.contains(&at));
    let mut headings = Vec::new();
    let mut offset = 0;
    for line in fixture.split_inclusive('\n') {
        if !in_block(offset)
            && let Some(title) = line.strip_prefix("## ")
        {
            headings.push((title.trim().to_string(), offset));
        }
        offset += line.len();
    }
    let mut out = Vec::new();
    for (i, (title, start)) in headings.iter().enumerate() {
        if title.starts_with(PAGE_REPORTED) || title.starts_with(PAGE_NOT_REPORTED) {
            continue;
        }
        let end = headings.get(i + 1).map_or(fixture.len(), |h| h.1);
        let mut inputs = blocks
            .iter()
            .filter(|b| b.range.start >= *start && b.range.end <= end)
            .peekable();
        let rule = inputs
            .next_if(|b| b.info == "yaml")
            .map(|b| b.body.to_string());
        let text = match inputs.next() {
            Some(b) if b.info == "md" => b.body.to_string(),
            _ => panic!(
                "{}: case `{title}` needs a ```md text (after its ```yaml rule, if any)",
                path.display()
            ),
        };
        out.push(Case {
            title: title.clone(),
            rule,
            text,
        });
    }
    out
}

/// The page's examples are reported as the page says, and every fixture matches its snapshot.
#[test]
fn every_kinds_examples_and_fixture() {
    let mut stale = Vec::new();
    for kind in all_kinds() {
        let name = kind.doc.name;
        let doc: &Doc = kind.doc.parsed();
        let runner = Runner::new(kind);
        let ours_id = format!(".{}", rule_id(kind, doc));
        let path = root().join(format!("tests/kinds/{name}.md"));
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        let mut new = format!(
            "# {name}\n\nThe examples of docs/kinds/{name}.md, then more cases, linted as \
             published on November 9, 2019.\nA case is a `##` title, a ```` ```yaml ```` rule \
             (the page's when left out) and a ```` ```md ```` text; what\nfollows them is \
             written by `FACTLINT_BLESS=1 cargo test --test kinds`.\n"
        );
        let page = [
            (PAGE_REPORTED, &doc.example.reported, true),
            (PAGE_NOT_REPORTED, &doc.example.not_reported, false),
        ];
        for (title, texts, reported) in page {
            for (i, text) in texts.iter().enumerate() {
                let diags = runner.run(None, text);
                let ours = diags.iter().any(|d| d.rule.ends_with(&ours_id));
                assert_eq!(
                    ours,
                    reported,
                    "docs/kinds/{name}.md: this `{}` text is {}reported:\n{text}\n{}",
                    if reported {
                        "Reported:"
                    } else {
                        "Not reported:"
                    },
                    if ours { "" } else { "not " },
                    render(text, &diags)
                );
                let title = if texts.len() > 1 {
                    format!("{title} ({})", i + 1)
                } else {
                    title.to_string()
                };
                case(&mut new, &title, None, text, &diags);
            }
        }
        for c in cases(&path, &old) {
            let diags = runner.run(c.rule.as_deref(), &c.text);
            case(&mut new, &c.title, c.rule.as_deref(), &c.text, &diags);
        }
        if new != old {
            if bless() {
                std::fs::write(&path, &new).unwrap();
            } else {
                stale.push(format!(
                    "tests/kinds/{name}.md:\n{}",
                    factlint::fix::unified_diff(&format!("tests/kinds/{name}.md"), &old, &new)
                ));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nfixtures out of date: check the changes above, then \
         `FACTLINT_BLESS=1 cargo test --test kinds` writes them",
        stale.join("\n")
    );
}

/// The id (without the set) of the rule a page's example runs.
fn rule_id(kind: &Kind, doc: &Doc) -> String {
    match doc.example.rule {
        Some(entries) => {
            let rules = rules_from("page", entries).unwrap_or_else(|e| {
                panic!(
                    "docs/kinds/{}.md: the example rule does not load: {e}",
                    doc.name
                )
            });
            let ours: Vec<&Rule> = rules
                .iter()
                .filter(|r| std::ptr::eq(r.kind, kind))
                .collect();
            assert_eq!(
                ours.len(),
                1,
                "docs/kinds/{}.md: one rule of the kind",
                doc.name
            );
            ours[0].id.rsplit('.').next().unwrap().to_string()
        }
        None if is_archive(kind) => kind_doc::archive_rule(&[])
            .id
            .rsplit('.')
            .next()
            .unwrap()
            .into(),
        None => kind_doc::default_rules()
            .into_iter()
            .find(|r| std::ptr::eq(r.kind, kind))
            .map(|r| r.id.rsplit('.').next().unwrap().to_string())
            .unwrap(),
    }
}

// ---------------------------------------------------------------------------------------------
// Defaults written once

/// The fields of a rule-set entry common to every kind (not the kind's options).
const COMMON_FIELDS: &[&str] = &[
    "id",
    "kind",
    "severity",
    "message",
    "enabled",
    "description",
    "examples",
];

/// Every option a built-in rule sets changes what the rule reports on its own examples, its
/// kind's page examples or its kind's fixture texts: an option equal to the kind's default is
/// left out, so that the default is written once, in the kind's module.
#[test]
fn built_in_rules_leave_out_the_defaults() {
    for file in names_in("rules", ".yml") {
        let path = root().join(format!("rules/{file}.yml"));
        let text = std::fs::read_to_string(&path).unwrap();
        let set: Value = serde_yaml::from_str(&text).unwrap();
        let entries = set["rules"].as_sequence().unwrap();
        for entry in entries {
            let map = entry.as_mapping().unwrap();
            let id = entry["id"].as_str().unwrap();
            let kind = checks::kind(entry["kind"].as_str().unwrap()).unwrap();
            let mut texts: Vec<String> = Vec::new();
            for key in ["bad", "good"] {
                if let Some(list) = entry["examples"][key].as_sequence() {
                    texts.extend(list.iter().map(|t| t.as_str().unwrap().to_string()));
                }
            }
            let doc = kind.doc.parsed();
            texts.extend(doc.example.reported.iter().map(|t| t.to_string()));
            texts.extend(doc.example.not_reported.iter().map(|t| t.to_string()));
            let fixture = root().join(format!("tests/kinds/{}.md", kind.doc.name));
            let fixture_text = std::fs::read_to_string(&fixture).unwrap_or_default();
            texts.extend(cases(&fixture, &fixture_text).into_iter().map(|c| c.text));
            let run = |entry: &Mapping| -> Vec<String> {
                let yaml = serde_yaml::to_string(&vec![Value::Mapping(entry.clone())]).unwrap();
                let rules = match rules_from("rule", &yaml) {
                    Ok(rules) => rules,
                    Err(e) => return vec![e],
                };
                let linter = Linter::new(rules);
                texts
                    .iter()
                    .map(|t| format!("{:?}", linter.lint_text(t, date())))
                    .collect()
            };
            let with_all = run(map);
            for key in map.keys().filter_map(Value::as_str) {
                if COMMON_FIELDS.contains(&key) {
                    continue;
                }
                let mut without = map.clone();
                without.remove(key);
                assert_ne!(
                    run(&without),
                    with_all,
                    "rules/{file}.yml: `{id}` sets `{key}`, which changes nothing on the rule's \
                     examples, its kind's page or its fixture: leave it out if it is the kind's \
                     default, else add an example that shows what it does"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The README

const KINDS_START: &str = "<!-- kinds: written by tests/kinds.rs from docs/kinds/ -->";
const KINDS_END: &str = "<!-- end of kinds -->";

/// The README's table of kinds, made from the pages' summaries.
fn kinds_table() -> String {
    let mut t = String::from("| kind | what it reports |\n|---|---|\n");
    for k in all_kinds() {
        let d = k.doc.parsed();
        let _ = writeln!(
            t,
            "| [`{}`](docs/kinds/{}.md) | {} |",
            d.name, d.name, d.summary
        );
    }
    t
}

#[test]
fn the_readme_lists_every_built_in_rule_and_kind() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    // The built-in rules' table: `| `id` | `kind` | severity[, off] | … |`, one row a rule.
    let rules = kind_doc::default_rules();
    let rows: Vec<Vec<&str>> = readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.split('|').map(str::trim).collect())
        .collect();
    for r in &rules {
        let row = rows
            .iter()
            .find(|row| row.get(1) == Some(&format!("`{}`", r.id).as_str()))
            .unwrap_or_else(|| panic!("README.md's table of built-in rules lacks `{}`", r.id));
        let severity = if r.enabled {
            r.severity.as_str().to_string()
        } else {
            format!("{}, off", r.severity.as_str())
        };
        assert_eq!(
            (row[2], row[3]),
            (format!("`{}`", r.kind.doc.name).as_str(), severity.as_str()),
            "README.md's row for `{}`: kind and severity",
            r.id
        );
    }
    // The table of kinds, between its markers.
    let (before, rest) = readme
        .split_once(KINDS_START)
        .unwrap_or_else(|| panic!("README.md lacks the line {KINDS_START}"));
    let (_, after) = rest
        .split_once(KINDS_END)
        .unwrap_or_else(|| panic!("README.md lacks the line {KINDS_END}"));
    let new = format!("{before}{KINDS_START}\n{}{KINDS_END}{after}", kinds_table());
    if new != readme {
        if bless() {
            std::fs::write(&path, &new).unwrap();
        } else {
            panic!(
                "README.md's table of kinds is out of date:\n{}\n\
                 `FACTLINT_BLESS=1 cargo test --test kinds` writes it",
                factlint::fix::unified_diff("README.md", &readme, &new)
            );
        }
    }
}

/// What a finding of a kind says when it is hovered, explained or exported is rendered from its
/// page; a page that renders badly (an empty section, a broken fence) fails here.
#[test]
fn every_page_renders() {
    for k in all_kinds() {
        let d = k.doc.parsed();
        let page = d.page(None);
        for s in kind_doc::Section::ALL {
            assert!(page.contains(&format!("## {}", s.title())), "{}", d.name);
        }
        let text = kind_doc::to_text(&page);
        assert!(!text.contains("```"), "{}: {text}", d.name);
        assert!(kind_doc::hover(d).contains(d.summary.as_str()));
        // A kind rule sets use is explained by its name; the linter's own by their rule's.
        if is_meta(k) {
            let rules = kind_doc::default_rules();
            let explained = kind_doc::explain(d.name, &rules).unwrap();
            assert!(explained.starts_with(&format!("factlint.{} (", d.name)));
            assert!(explained.contains(&kind_doc::to_text(d.body(kind_doc::Section::Why))));
        } else {
            let explained = kind_doc::explain(d.name, &[]).unwrap();
            assert!(explained.starts_with(&format!("rule kind `{}`: {}", d.name, d.summary)));
        }
    }
}
