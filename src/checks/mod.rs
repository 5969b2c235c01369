//! Rule kinds. Each kind is one module: a typed (serde) config read from a rule set, its
//! documentation, and a `Check` that reads the shared `Analysis` and reports diagnostics.
//!
//! To add a kind: write the module, its page `docs/kinds/<kind>.md` and its fixture
//! `tests/kinds/<kind>.md`, then add one line to `KINDS` (CONTRIBUTING.md says how).

pub(crate) mod acronym;
pub(crate) mod archive;
pub(crate) mod bare_weekday;
pub(crate) mod common_misspelling;
pub(crate) mod consistency;
pub(crate) mod count_vs_apposition;
pub(crate) mod count_vs_list;
pub(crate) mod date_arithmetic;
pub(crate) mod diacritics;
pub(crate) mod difference;
pub(crate) mod entities;
pub(crate) mod event_date;
pub(crate) mod existence;
pub(crate) mod future_event;
pub(crate) mod gazetteer;
pub(crate) mod given_name;
pub(crate) mod impossible_date;
pub(crate) mod name_consistency;
pub(crate) mod ordinal_anchor;
pub(crate) mod ordinal_conflict;
pub(crate) mod parts_sum;
pub(crate) mod parts_total;
pub(crate) mod people;
pub(crate) mod quantity_conflict;
pub(crate) mod repetition;
pub(crate) mod share_figures;
pub(crate) mod substitution;
pub(crate) mod support;
pub(crate) mod tally_size;
pub(crate) mod transposed_figure;
pub(crate) mod vague_time;
pub(crate) mod weekday_date;
pub(crate) mod years_since;

use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::kind_doc;
use crate::yaml;
use std::sync::OnceLock;
use support::{known, name_variants};

/// What a check sees: the document, its analysis (built once), the publication date, and
/// the rule's own settings common to every kind.
pub struct Context<'a> {
    #[allow(dead_code)] // no kind reads the document itself today
    pub(crate) doc: &'a Document,
    pub(crate) analysis: &'a Analysis<'a>,
    pub(crate) date: Option<jiff::civil::Date>,
    /// The names listed by every enabled `entities` rule, whatever its rule set.
    pub(crate) knowledge: known::Knowledge<'a>,
    /// The name variants every enabled `name-consistency` rule reports (found once, on first
    /// use), which other name checks leave to them.
    pub(crate) name_variants: name_variants::Found<'a>,
}

pub trait Check: Send + Sync {
    /// Appends findings. Rule id and severity are filled in by the linter.
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>);

    /// The names this rule lists (`entities` rules), shared with every check through
    /// [`Context::knowledge`] so that no name check reports a listed name.
    fn entity_list(&self) -> Option<&known::EntityList> {
        None
    }

    /// The options with which this rule finds name variants (`name-consistency` rules),
    /// shared through [`Context::name_variants`].
    fn name_variants(&self) -> Option<&name_variants::Options> {
        None
    }
}

/// Settings every rule has, whatever its kind (passed to the kind's builder).
#[derive(Debug, Clone, Default)]
pub struct Common {
    /// Full rule id, `<set>.<id>`.
    pub id: String,
    /// The rule's own message template, if any (`{match}`, `{replacement}` are filled in).
    pub message: Option<String>,
    /// Name of the rule set (for messages such as "known from desk").
    pub set: String,
}

/// A kind's documentation: its page, `docs/kinds/<name>.md`, embedded by the kind's module and
/// parsed on first use (see [`crate::kind_doc`]).
pub struct KindDoc {
    pub name: &'static str,
    /// The page's Markdown.
    pub markdown: &'static str,
    parsed: OnceLock<kind_doc::Doc>,
}

impl KindDoc {
    pub const fn new(name: &'static str, markdown: &'static str) -> KindDoc {
        KindDoc {
            name,
            markdown,
            parsed: OnceLock::new(),
        }
    }

    /// The parsed page. Every page is parsed by the tests (tests/kinds.rs), so a malformed
    /// one cannot ship.
    pub fn parsed(&self) -> &kind_doc::Doc {
        self.parsed.get_or_init(|| {
            kind_doc::parse(self.markdown)
                .unwrap_or_else(|e| panic!("docs/kinds/{}.md: {e}", self.name))
        })
    }
}

pub type Builder = fn(yaml::Value, &Common) -> Result<Box<dyn Check>, String>;

pub struct Kind {
    pub doc: KindDoc,
    pub build: Builder,
}

/// The kinds whose findings use a rule's `message:` template; a rule of another kind that
/// sets one is a load error rather than a message silently not shown
/// (`every_kind_honours_or_rejects_a_message` keeps this list true).
pub const TAKE_MESSAGE: &[&str] = &["entities", "existence", "substitution", "vague-time"];

impl Kind {
    /// Does this kind use a rule's `message:`?
    pub fn takes_message(&self) -> bool {
        TAKE_MESSAGE.contains(&self.doc.name)
    }
}

pub static KINDS: &[&Kind] = &[
    &existence::KIND,
    &substitution::KIND,
    &common_misspelling::KIND,
    &repetition::KIND,
    &consistency::KIND,
    &acronym::KIND,
    &vague_time::KIND,
    &bare_weekday::KIND,
    &weekday_date::KIND,
    &impossible_date::KIND,
    &future_event::KIND,
    &event_date::KIND,
    &ordinal_conflict::KIND,
    &count_vs_list::KIND,
    &quantity_conflict::KIND,
    &parts_sum::KIND,
    &date_arithmetic::KIND,
    &tally_size::KIND,
    &share_figures::KIND,
    &difference::KIND,
    &count_vs_apposition::KIND,
    &transposed_figure::KIND,
    &years_since::KIND,
    &ordinal_anchor::KIND,
    &parts_total::KIND,
    &entities::KIND,
    &diacritics::KIND,
    &name_consistency::KIND,
    &given_name::KIND,
    &gazetteer::KIND,
    &people::KIND,
    // Built by `check` from the articles (`archive_evidence`); listed for `explain` and for a
    // clear error when a rule set names it.
    &archive::KIND,
];

pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().copied().find(|k| k.doc.name == name)
}

/// Deserialises a kind's options, naming the field at fault.
pub fn options<T: serde::de::DeserializeOwned>(value: yaml::Value) -> Result<T, String> {
    yaml::from_value(value).map_err(|e| e.message)
}

/// Fills `{name}` placeholders in a message template.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in pairs {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Keeps the case shape of `original` in `replacement` ("Percent" → "Per cent", "KIEV" → "KYIV").
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    let first_upper = original.chars().next().is_some_and(char::is_uppercase);
    let repl_first_lower = replacement.chars().next().is_some_and(char::is_lowercase);
    if first_upper && repl_first_lower {
        let mut c = replacement.chars();
        return c
            .next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default();
    }
    replacement.to_string()
}

/// Compiles a user-supplied regex with size limits (rule sets are untrusted data).
pub fn compile_regex(pattern: &str, case_insensitive: bool) -> Result<regex::Regex, String> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 22)
        .nest_limit(64)
        .build()
        .map_err(|e| format!("invalid regex `{pattern}`: {e}"))
}

/// Is `range` on word boundaries in `text` (no letter or digit glued on either side)?
pub fn on_word_boundaries(text: &str, range: &std::ops::Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Runs one kind on a snippet, for the kinds' unit tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// Builds `kind` from `options` (YAML), lints `text` (Markdown) and returns the text of
    /// each primary span, in order.
    pub(crate) fn run_kind(
        kind: &Kind,
        options: &str,
        text: &str,
        date: Option<jiff::civil::Date>,
    ) -> Vec<String> {
        diagnostics(kind, options, text, date)
            .iter()
            .map(|d| text[d.span.clone()].to_string())
            .collect()
    }

    /// (flagged text, first fix) of each finding on `text`: what a name check's tests compare.
    pub(crate) fn flagged_and_fixed(text: &str, found: Vec<Diagnostic>) -> Vec<(String, String)> {
        found
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.fixes[0].replacement.clone()))
            .collect()
    }

    /// The one finding a test expects: `flagged`, to be written `fix`.
    pub(crate) fn one(flagged: &str, fix: &str) -> Vec<(String, String)> {
        vec![(flagged.to_string(), fix.to_string())]
    }

    pub(crate) fn diagnostics(
        kind: &Kind,
        options: &str,
        text: &str,
        date: Option<jiff::civil::Date>,
    ) -> Vec<Diagnostic> {
        let value: yaml::Value = yaml::from_str(if options.trim().is_empty() {
            "{}"
        } else {
            options
        })
        .expect("options parse");
        let check = (kind.build)(value, &Common::default()).expect("options build");
        let doc = Document::parse("t.md", text.to_string(), crate::document::Format::Markdown);
        let analysis = Analysis::new(&doc);
        let cx = Context {
            doc: &doc,
            analysis: &analysis,
            date,
            knowledge: Default::default(),
            name_variants: Default::default(),
        };
        let mut out = Vec::new();
        check.run(&cx, &mut out);
        out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_kept() {
        assert_eq!(match_case("Percent", "per cent"), "Per cent");
        assert_eq!(match_case("KIEV", "Kyiv"), "KYIV");
        assert_eq!(match_case("kiev", "Kyiv"), "Kyiv");
    }

    #[test]
    fn huge_regex_is_refused() {
        assert!(compile_regex("(a{1000}){1000}", false).is_err());
    }
}
