//! Suppression comments, per-article acceptances and config-level ignore lists.
//!
//! In Markdown:
//! ```markdown
//! <!-- factlint-disable style.repetition -->   … off from here …
//! <!-- factlint-enable style.repetition -->    … on again
//! <!-- factlint-disable-next-line style -->    the next non-blank line only
//! <!-- factlint-disable-line style -->         the line the comment is on
//! ```
//! In plain text the same directives stand on a line of their own after `#` or `//`
//! (`# factlint-disable-next-line style.variants`). With no RULE every rule is meant; RULE is a
//! full id (`style.repetition`) or a set name (`style`); several are separated by spaces or
//! commas, and `-- reason` ends the list (`<!-- factlint-disable style -- quoted tweet -->`).
//! Directives act in file order: `enable X` after a bare `disable` turns X back on only.
//!
//! Per article, the front matter `factlint: {accept: [Zabaleta, "Evo Morales"]}` accepts names or
//! words: a finding whose flagged text is (or contains the word) an accepted entry is dropped. The
//! config's `accept:` does the same for every article, and its `ignore_rules:` maps path globs to
//! rules that are off for those paths ([`ConfigSuppressions`]).
//!
//! A directive naming a rule that is not loaded is reported (`factlint.unknown-suppression`):
//! a misspelt suppression would otherwise silently suppress nothing.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::source::LineIndex;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

pub(crate) const UNKNOWN_RULE_ID: &str = "factlint.unknown-suppression";

/// Which rules are off at a point of the file. A pattern matches a rule id or a whole set;
/// the empty pattern matches every rule. Sets, not lists: an article may hold thousands of
/// directives, and every finding asks this state.
#[derive(Debug, Clone, Default)]
struct State {
    disabled: BTreeSet<String>,
    /// Rules turned back on inside a broader disabled pattern.
    exceptions: BTreeSet<String>,
}

/// Every pattern that covers `rule`: "", each set prefix, the id itself ("a.b" → "", "a", "a.b").
fn covering(rule: &str) -> impl Iterator<Item = &str> {
    std::iter::once("")
        .chain(rule.match_indices('.').map(|(i, _)| &rule[..i]))
        .chain(std::iter::once(rule))
}

/// Removes every pattern that `p` covers.
fn remove_covered(set: &mut BTreeSet<String>, p: &str) {
    if p.is_empty() {
        set.clear();
        return;
    }
    set.remove(p);
    let prefix = format!("{p}.");
    let inner: Vec<String> = set
        .range(prefix.clone()..)
        .take_while(|e| e.starts_with(&prefix))
        .cloned()
        .collect();
    for e in inner {
        set.remove(&e);
    }
}

impl State {
    fn suppresses(&self, rule: &str) -> bool {
        covering(rule).any(|p| self.disabled.contains(p))
            && !covering(rule).any(|p| self.exceptions.contains(p))
    }

    fn disable(&mut self, patterns: &[String]) {
        if patterns.is_empty() {
            *self = State::default();
            self.disabled.insert(String::new());
            return;
        }
        for p in patterns {
            remove_covered(&mut self.exceptions, p);
            self.disabled.insert(p.clone());
        }
    }

    fn enable(&mut self, patterns: &[String]) {
        if patterns.is_empty() {
            *self = State::default();
            return;
        }
        for p in patterns {
            remove_covered(&mut self.disabled, p);
            if covering(p).any(|d| self.disabled.contains(d)) {
                self.exceptions.insert(p.clone());
            }
        }
    }
}

/// Rules named by line directives (`disable-next-line`, `disable-line`), by 0-based line;
/// None: every rule.
type LineRules = HashMap<usize, Option<Vec<String>>>;

/// Removes suppressed and accepted diagnostics; reports directives that name no loaded rule.
///
/// Directives and findings are swept together in file order, so the cost grows with their
/// number, not with their product.
pub(crate) fn apply(doc: &Document, known_rules: &[&str], diagnostics: &mut Vec<Diagnostic>) {
    let lines = LineIndex::new(&doc.text);
    // Region directives: (offset from which it acts, enable?, rules), in file order.
    let mut changes: Vec<(usize, bool, Vec<String>)> = Vec::new();
    let mut line_rules: LineRules = HashMap::new();
    let mut problems = Vec::new();
    for c in &doc.comments {
        let Some((directive, rules)) = parse_directive(&c.body) else {
            continue;
        };
        for r in &rules {
            let known = known_rules
                .iter()
                .chain(crate::meta_rules::IDS)
                .any(|k| rule_matches(r, k));
            if !known {
                problems.push(
                    Diagnostic::new(
                        c.range.clone(),
                        format!("suppression names unknown rule `{r}`"),
                    )
                    .with_primary_label("no loaded rule or set has this name")
                    .with_help("run `factlint rules` for the loaded rule ids"),
                );
            }
        }
        match directive {
            "factlint-disable" => changes.push((c.range.end, false, rules)),
            "factlint-enable" => changes.push((c.range.end, true, rules)),
            "factlint-disable-next-line" | "factlint-disable-line" => {
                let line = lines.line_of(c.range.end.saturating_sub(1).max(c.range.start));
                let starts = lines.line_starts();
                let target = if directive == "factlint-disable-line" {
                    line
                } else {
                    next_nonblank_line(&doc.text, starts, line + 1)
                };
                if target < starts.len() {
                    let entry = line_rules.entry(target).or_insert(Some(Vec::new()));
                    match entry {
                        Some(named) if !rules.is_empty() => named.extend(rules),
                        _ => *entry = None,
                    }
                }
            }
            d => problems.push(
                Diagnostic::new(c.range.clone(), format!("unknown directive `{d}`"))
                    .with_primary_label("not a factlint directive")
                    .with_help(
                        "use factlint-disable, factlint-enable, factlint-disable-next-line \
                         or factlint-disable-line",
                    ),
            ),
        }
    }
    changes.sort_by_key(|c| c.0); // stable: directives at one offset keep their order
    let accepted = Accepted::new(&doc.front_matter.accept);
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&i| diagnostics[i].span.start);
    let mut keep = vec![true; diagnostics.len()];
    let mut state = State::default();
    let mut next = 0;
    for i in order {
        let d = &diagnostics[i];
        let at = d.span.start;
        while let Some((from, enable, rules)) = changes.get(next)
            && *from <= at
        {
            if *enable {
                state.enable(rules);
            } else {
                state.disable(rules);
            }
            next += 1;
        }
        let on_line = line_rules
            .get(&lines.line_of(at))
            .is_some_and(|named| match named {
                None => true,
                Some(named) => named.iter().any(|x| rule_matches(x, &d.rule)),
            });
        keep[i] = !state.suppresses(&d.rule) && !on_line && !accepted.covers(&doc.text, d);
    }
    let mut keep = keep.into_iter();
    diagnostics.retain(|_| keep.next().unwrap_or(true));
    for mut p in problems {
        p.rule = UNKNOWN_RULE_ID.to_string();
        p.severity = Severity::Warning;
        diagnostics.push(p);
    }
}

/// `factlint-disable a.b, c -- reason` → ("factlint-disable", ["a.b", "c"]).
/// None for comments that are not factlint directives.
fn parse_directive(body: &str) -> Option<(&str, Vec<String>)> {
    let body = body.trim();
    if !body.starts_with("factlint-") {
        return None;
    }
    let body = body.split(" --").next().unwrap_or(body);
    let mut words = body
        .split(|ch: char| ch.is_whitespace() || ch == ',')
        .filter(|w| !w.is_empty());
    let directive = words.next()?;
    Some((directive, words.map(str::to_string).collect()))
}

/// Accepted names and words, lower-cased once (a config may list thousands).
#[derive(Debug, Clone, Default)]
struct Accepted(HashSet<String>);

impl Accepted {
    fn new(list: &[String]) -> Accepted {
        Accepted(
            list.iter()
                .map(|a| a.trim().to_lowercase())
                .filter(|a| !a.is_empty())
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Is the flagged text an accepted name, or does it contain an accepted word
    /// (case-insensitive)?
    fn covers(&self, text: &str, d: &Diagnostic) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let flagged = text.get(d.span.clone()).unwrap_or("").to_lowercase();
        if flagged.trim().is_empty() {
            return false;
        }
        self.0.contains(&flagged)
            || flagged
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                .any(|w| self.0.contains(w))
    }
}

/// Does `pattern` (a rule id, a set name, or "" for all) cover `rule`?
pub(crate) fn rule_matches(pattern: &str, rule: &str) -> bool {
    pattern.is_empty()
        || rule == pattern
        || rule
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('.'))
}

fn next_nonblank_line(text: &str, starts: &[usize], mut line: usize) -> usize {
    while let Some(&s) = starts.get(line) {
        let e = starts.get(line + 1).copied().unwrap_or(text.len());
        if !text[s..e].trim().is_empty() {
            break;
        }
        line += 1;
    }
    line
}

/// The config's suppressions: names/words accepted everywhere and rules ignored per path glob.
#[derive(Default)]
pub(crate) struct ConfigSuppressions {
    accept: Accepted,
    per_path: Vec<(ignore::overrides::Override, Vec<String>)>,
}

impl ConfigSuppressions {
    /// `accept`: words and names; `ignore_rules`: (gitignore-style glob, rule patterns), globs
    /// relative to `root` (the config file's folder).
    pub(crate) fn new(
        root: &Path,
        accept: &[String],
        ignore_rules: &[(String, Vec<String>)],
    ) -> Result<ConfigSuppressions, String> {
        let mut per_path = Vec::new();
        for (glob, rules) in ignore_rules {
            let mut b = ignore::overrides::OverrideBuilder::new(root);
            b.add(glob)
                .map_err(|e| format!("ignore_rules: bad glob `{glob}`: {e}"))?;
            let o = b
                .build()
                .map_err(|e| format!("ignore_rules: bad glob `{glob}`: {e}"))?;
            per_path.push((o, rules.clone()));
        }
        Ok(ConfigSuppressions {
            accept: Accepted::new(accept),
            per_path,
        })
    }

    /// Drops what the config suppresses for the file at `path` (None for stdin).
    pub(crate) fn apply(&self, path: Option<&Path>, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        let ignored: Vec<&String> = match path {
            Some(p) => {
                let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
                self.per_path
                    .iter()
                    .filter(|(o, _)| {
                        o.matched(&abs, false).is_whitelist() || o.matched(p, false).is_whitelist()
                    })
                    .flat_map(|(_, rules)| rules)
                    .collect()
            }
            None => Vec::new(),
        };
        if ignored.is_empty() && self.accept.is_empty() {
            return;
        }
        diagnostics.retain(|d| {
            !ignored.iter().any(|p| rule_matches(p, &d.rule)) && !self.accept.covers(text, d)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use std::ops::Range;

    const KNOWN: &[&str] = &["style.repetition", "style.misspelling", "desk.names"];

    /// One finding per occurrence of "XX" (rule style.repetition) and "YY" (desk.names).
    fn run(text: &str, format: Format) -> Vec<(String, String)> {
        let doc = Document::parse("t", text.to_string(), format);
        let mut diags = Vec::new();
        for (needle, rule) in [("XX", "style.repetition"), ("YY", "desk.names")] {
            for (i, _) in doc.prose.match_indices(needle) {
                let mut d = Diagnostic::new(i..i + 2, "x");
                d.rule = rule.into();
                diags.push(d);
            }
        }
        apply(&doc, KNOWN, &mut diags);
        diags.sort_by_key(|d| d.span.start);
        diags
            .iter()
            .map(|d| (d.rule.clone(), doc.text[d.span.clone()].to_string()))
            .collect()
    }

    fn rules(found: &[(String, String)]) -> Vec<&str> {
        found.iter().map(|(r, _)| r.as_str()).collect()
    }

    #[test]
    fn disable_enable_region() {
        let text = "XX one.\n\n<!-- factlint-disable style.repetition -->\n\nXX two. YY.\n\n\
                    <!-- factlint-enable style.repetition -->\n\nXX three.\n";
        let found = run(text, Format::Markdown);
        assert_eq!(
            rules(&found),
            ["style.repetition", "desk.names", "style.repetition"]
        );
    }

    #[test]
    fn set_name_and_bare_disable() {
        let found = run(
            "<!-- factlint-disable style -->\n\nXX YY\n",
            Format::Markdown,
        );
        assert_eq!(rules(&found), ["desk.names"]);
        let found = run("<!-- factlint-disable -->\n\nXX YY\n", Format::Markdown);
        assert!(found.is_empty());
    }

    #[test]
    fn enable_one_rule_inside_a_bare_disable() {
        let text =
            "<!-- factlint-disable -->\n\nXX YY\n\n<!-- factlint-enable desk.names -->\n\nXX YY\n";
        let found = run(text, Format::Markdown);
        assert_eq!(rules(&found), ["desk.names"]);
    }

    #[test]
    fn disable_next_line_only_covers_the_next_line() {
        let text = "<!-- factlint-disable-next-line style.repetition -->\nXX YY\nXX\n";
        let found = run(text, Format::Markdown);
        assert_eq!(rules(&found), ["desk.names", "style.repetition"]);
        // Blank lines between the directive and its line are skipped.
        let text = "<!-- factlint-disable-next-line -->\n\nXX YY\n\nXX\n";
        assert_eq!(rules(&run(text, Format::Markdown)), ["style.repetition"]);
    }

    #[test]
    fn inline_disable_line_and_reason() {
        let text = "XX here <!-- factlint-disable-line style -- a quote --> YY\nXX\n";
        let found = run(text, Format::Markdown);
        assert_eq!(rules(&found), ["desk.names", "style.repetition"]);
    }

    #[test]
    fn plain_text_directives() {
        let text = "XX one.\n# factlint-disable-next-line style.repetition\nXX two.\n\
                    // factlint-disable desk\nYY three.\n";
        let found = run(text, Format::Plain);
        assert_eq!(rules(&found), ["style.repetition"]);
        assert_eq!(found[0].1, "XX");
        // In Markdown a `#` line is a heading, not a directive.
        let md = run(
            "# factlint-disable-next-line style\n\nXX\n",
            Format::Markdown,
        );
        assert_eq!(rules(&md), ["style.repetition"]);
    }

    #[test]
    fn unknown_rule_and_directive_are_reported() {
        let text = "<!-- factlint-disable style.repetiton -->\n\n<!-- factlint-disabel -->\n\nXX\n";
        let found = run(text, Format::Markdown);
        let unknown: Vec<_> = found.iter().filter(|f| f.0 == UNKNOWN_RULE_ID).collect();
        assert_eq!(unknown.len(), 2, "{found:?}");
        assert!(unknown[0].1.contains("repetiton"));
        // The misspelt suppression suppressed nothing.
        assert!(found.iter().any(|f| f.0 == "style.repetition"));
        // Built-in ids and set names are known.
        let ok = run(
            "<!-- factlint-disable factlint.front-matter, desk -->\n\nXX\n",
            Format::Markdown,
        );
        assert_eq!(rules(&ok), ["style.repetition"]);
    }

    #[test]
    fn ordinary_comments_are_ignored() {
        let found = run("<!-- editor: check XX -->\n\nXX\n", Format::Markdown);
        assert_eq!(rules(&found), ["style.repetition"]);
    }

    #[test]
    fn front_matter_accepts_words_and_names() {
        let text = "---\nfactlint:\n  accept: [xx, \"YY zz\"]\n---\nXX and YY zz and YY.\n";
        let doc = Document::parse("t.md", text.to_string(), Format::Markdown);
        let at = |s: &str, len: usize| {
            let i = text.rfind(s).unwrap();
            let mut d = Diagnostic::new(i..i + len, "x");
            d.rule = "desk.names".into();
            d
        };
        let mut diags = vec![at("XX", 2), at("YY zz", 5), at("YY.", 2)];
        apply(&doc, KNOWN, &mut diags);
        // "XX" (a word) and "YY zz" (a name) are accepted; a lone "YY" is not.
        assert_eq!(diags.len(), 1);
        assert_eq!(&text[diags[0].span.clone()], "YY");
    }

    #[test]
    fn config_accept_and_per_path_ignores() {
        let root = Path::new("/repo");
        let cs = ConfigSuppressions::new(
            root,
            &["Zabaleta".to_string()],
            &[("archive/**".to_string(), vec!["style".to_string()])],
        )
        .unwrap();
        let text = "Zabaleta XX";
        let mk = |r: Range<usize>, rule: &str| {
            let mut d = Diagnostic::new(r, "x");
            d.rule = rule.into();
            d
        };
        let all = vec![mk(0..8, "desk.names"), mk(9..11, "style.repetition")];
        let mut d = all.clone();
        cs.apply(Some(Path::new("/repo/archive/2019/a.md")), text, &mut d);
        assert!(d.is_empty(), "{d:?}");
        let mut d = all.clone();
        cs.apply(Some(Path::new("/repo/news/a.md")), text, &mut d);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].rule, "style.repetition");
    }

    #[test]
    fn thousands_of_directives_and_findings_stay_fast() {
        // Each directive names a different rule and each finding sits on its own line: the
        // state per directive and the line regions are looked up, not scanned.
        let n = 20_000;
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!("<!-- factlint-disable desk.r{i} -->\n"));
        }
        for _ in 0..n {
            text.push_str("XX <!-- factlint-disable-line style -->\nXX\n");
        }
        let known: Vec<String> = (0..n).map(|i| format!("desk.r{i}")).collect();
        let mut known: Vec<&str> = known.iter().map(String::as_str).collect();
        known.push("style.repetition");
        let doc = Document::parse("t.md", text, Format::Markdown);
        let mut diags: Vec<Diagnostic> = doc
            .prose
            .match_indices("XX")
            .map(|(i, _)| {
                let mut d = Diagnostic::new(i..i + 2, "x");
                d.rule = "style.repetition".into();
                d
            })
            .collect();
        let start = std::time::Instant::now();
        known.drain(100..n); // the directives naming the rest are unknown
        apply(&doc, &known, &mut diags);
        let unknown = diags.iter().filter(|d| d.rule == UNKNOWN_RULE_ID).count();
        assert_eq!(unknown, n - 100);
        // Half the findings are on `disable-line` lines.
        assert_eq!(diags.len() - unknown, n);
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }

    #[test]
    fn nested_set_patterns() {
        let mut s = State::default();
        s.disable(&["desk".into()]);
        assert!(s.suppresses("desk.names") && !s.suppresses("style.x"));
        s.enable(&["desk.names".into()]);
        assert!(!s.suppresses("desk.names") && s.suppresses("desk.other"));
        s.disable(&["desk".into()]); // drops the exception again
        assert!(s.suppresses("desk.names"));
        s.enable(&["desk".into()]);
        assert!(!s.suppresses("desk.other"));
        s.disable(&[]);
        assert!(s.suppresses("anything.at.all"));
        s.enable(&["a".into()]);
        assert!(!s.suppresses("a.b") && s.suppresses("ab.c"));
    }

    #[test]
    fn patterns() {
        assert!(rule_matches("style", "style.repetition"));
        assert!(rule_matches("", "style.repetition"));
        assert!(!rule_matches("sty", "style.repetition"));
        assert!(!rule_matches("style.rep", "style.repetition"));
    }
}
