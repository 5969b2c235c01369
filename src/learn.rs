//! Names learned from an archive: which names a newsroom's articles use, in how many articles,
//! and between which dates. `factlint names learn` writes them as a desk rule set (kind
//! `entities`) for the desk to review; `--merge` adds up learned sets (an archive learned in
//! shards); `check` with the config's `archive_evidence: true` learns the articles it is given
//! first, for the `names.archive` rule (a spelling used once beside one used in many articles).

use crate::Linter;
use crate::analysis::Analysis;
use crate::analysis::names::cues::{continues_after_hyphen, mention_words, strip_possessive};
use crate::checks::people::roles;
use crate::checks::support::known::{Entity, EntityType};
use crate::document::{Document, Format};
use crate::fuzzy::fold;
use crate::gazetteer;
use crate::people;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// A name as an article writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    /// Byte span in the document's text (without a possessive ending).
    pub span: Range<usize>,
    /// The words as written, one space apart ("Evo Morales").
    pub written: String,
    /// Folded words ("evo", "morales"): what spellings are compared by.
    pub words: Vec<String>,
}

impl Name {
    pub(crate) fn key(&self) -> String {
        self.words.join(" ")
    }
}

/// The names an article uses: each capitalised run of two words or more, after the role
/// words that open it ("President", "Bolivian Defense Minister") and the ordinary words before
/// it ("The" opening a sentence), up to an "of" ("Amy Klobuchar of Minnesota"), not
/// quoted, with no acronym in it. One word alone is left out: a capital at a sentence's start
/// says nothing, and a surname alone is counted with its full name. An ordinary word at the
/// end stays: Trump, Brown and May are surnames too.
pub(crate) fn names_in(a: &Analysis) -> Vec<Name> {
    let mut out = Vec::new();
    for m in &a.mentions {
        if m.quoted {
            continue;
        }
        let words = mention_words(a, m);
        let mut from = roles::name_start(&words);
        if from == 0 {
            // "United States President Donald Trump": the name follows the last role word.
            from = words
                .iter()
                .rposition(|(_, w)| roles::is_head(w))
                .map_or(0, |h| h + 1);
        }
        // A sentence's first word is capitalised whatever it is ("The", "But"); an ordinary
        // capitalised word inside a sentence is part of a name ("New York", "United Arab").
        if from == 0
            && m.sentence_initial
            && words
                .first()
                .is_some_and(|(_, w)| OPENERS.contains(&w.as_str()))
        {
            from = 1;
        }
        let to = words[from..]
            .iter()
            .position(|(_, w)| w == "of")
            .map_or(words.len(), |k| from + k);
        let kept = &words[from..to];
        let capitalised = kept
            .iter()
            .filter(|(i, _)| a.tokens[*i].capitalised)
            .count();
        let acronym = kept.iter().any(|(i, _)| {
            let w = a.word(*i);
            w.chars().filter(|c| c.is_uppercase()).count() > 1
        });
        // "Lee Myung" of "Lee Myung-bak's": the name goes on.
        let cut = kept
            .last()
            .is_some_and(|(i, _)| continues_after_hyphen(a, *i));
        // "Washington D" of "Washington D.C.": a name does not end in an initial.
        let initial = kept.last().is_some_and(|(_, w)| w.chars().count() < 2);
        if capitalised < 2 || acronym || cut || initial {
            continue;
        }
        let (first, last) = (kept[0].0, kept[kept.len() - 1].0);
        let start = a.tokens[first].span.start;
        let end = a.tokens[last].span.start + strip_possessive(a.word(last)).len();
        let written = a.text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Name {
            span: start..end,
            written,
            words: kept.iter().map(|(_, w)| w.clone()).collect(),
        });
    }
    out
}

/// Words that open sentences and never names (the first word of a sentence is capitalised
/// whatever it is).
const OPENERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "during",
    "even",
    "for",
    "former",
    "from",
    "he",
    "her",
    "his",
    "however",
    "if",
    "in",
    "it",
    "its",
    "last",
    "meanwhile",
    "my",
    "next",
    "now",
    "on",
    "once",
    "only",
    "or",
    "our",
    "she",
    "since",
    "so",
    "that",
    "the",
    "their",
    "then",
    "these",
    "they",
    "this",
    "those",
    "to",
    "today",
    "under",
    "until",
    "we",
    "when",
    "while",
    "with",
    "yesterday",
    "yet",
];

/// What one article contributes: its distinct names (folded key → as written) and its date.
#[derive(Debug, Default)]
pub struct ArticleNames {
    pub names: BTreeMap<String, String>,
    pub date: Option<Date>,
}

/// Reads the names and the date of one article. The date is the one the linter uses (front
/// matter, else the dateline, else the config's), else a date the file name starts with
/// (`2019-11-09-bolivia.md`, as static-site archives name posts).
pub(crate) fn article_names(linter: &Linter, name: &str, text: String) -> ArticleNames {
    let doc = Document::parse(name, text, Format::for_path(name));
    let date = linter
        .publication_date(&doc, None)
        .or_else(|| date_in_file_name(name));
    let analysis = Analysis::new(&doc);
    let mut names = BTreeMap::new();
    for n in names_in(&analysis) {
        names.entry(n.key()).or_insert(n.written);
    }
    ArticleNames { names, date }
}

/// `…/2019-11-09-slug.md` → 2019-11-09.
pub(crate) fn date_in_file_name(path: &str) -> Option<Date> {
    let file = Path::new(path).file_name()?.to_str()?;
    file.get(..10)?.parse().ok()
}

/// How one name (folded key) was used across the archive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// Articles that used it.
    pub articles: u32,
    /// Spellings as written (they differ only in case or diacritics), with their articles.
    pub spellings: BTreeMap<String, u32>,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

impl Usage {
    /// The spelling most articles use (the first in order on a tie).
    pub fn written(&self) -> &str {
        let mut best: Option<(&String, u32)> = None;
        for (s, &n) in &self.spellings {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((s, n));
            }
        }
        best.map_or("", |(s, _)| s.as_str())
    }

    fn add(&mut self, written: &str, articles: u32, first: Option<Date>, last: Option<Date>) {
        self.articles += articles;
        *self.spellings.entry(written.to_string()).or_default() += articles;
        self.first = min_date(self.first, first);
        self.last = max_date(self.last, last);
    }
}

fn min_date(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_date(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    a.max(b)
}

/// The names of an archive, by folded key.
#[derive(Debug, Default)]
pub struct Learned {
    /// Articles read.
    pub articles: u32,
    pub names: BTreeMap<String, Usage>,
}

impl Learned {
    pub fn add_article(&mut self, article: &ArticleNames) {
        self.articles += 1;
        for (key, written) in &article.names {
            self.names
                .entry(key.clone())
                .or_default()
                .add(written, 1, article.date, article.date);
        }
    }

    /// Adds a learned rule set's counts (`--merge`).
    pub fn add_entity(&mut self, e: &Entity) -> Result<(), String> {
        let Some(articles) = e.articles else {
            return Err(format!(
                "'{}' has no `articles:` count (merge reads rule sets written by `factlint names learn`)",
                e.name
            ));
        };
        let date = |d: &Option<String>, what: &str| -> Result<Option<Date>, String> {
            d.as_deref()
                .map(|s| {
                    s.parse::<Date>().map_err(|_| {
                        format!("'{}': `{what}: {s}` is not a YYYY-MM-DD date", e.name)
                    })
                })
                .transpose()
        };
        let (first, last) = (date(&e.first, "first")?, date(&e.last, "last")?);
        let key = fold(&e.name)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.names
            .entry(key)
            .or_default()
            .add(&e.name, articles, first, last);
        Ok(())
    }

    /// The names used in at least `min_articles` articles, most used first.
    pub fn frequent(&self, min_articles: u32) -> Vec<(&str, &Usage)> {
        let mut out: Vec<(&str, &Usage)> = self
            .names
            .iter()
            .filter(|(_, u)| u.articles >= min_articles)
            .map(|(k, u)| (k.as_str(), u))
            .collect();
        out.sort_by(|a, b| b.1.articles.cmp(&a.1.articles).then(a.0.cmp(b.0)));
        out
    }

    /// The desk rule set: an `entities` rule listing the names used in at least
    /// `min_articles` articles, with their counts and dates.
    pub fn to_rule_set(&self, min_articles: u32, origin: &str) -> String {
        let names = self.frequent(min_articles);
        let mut y = String::new();
        y.push_str(&format!(
            "# Learned by `factlint names learn` from {origin}: {}.\n# Review before committing: a \
             name listed here is taken as the right spelling, and a near miss of it is reported.\n",
            summary(names.len(), min_articles, self.articles)
        ));
        y.push_str("set: learned\n");
        y.push_str(&format!(
            "description: names learned from {} articles\n",
            self.articles
        ));
        if names.is_empty() {
            // An `entities` rule needs a name: a set with none has no rule.
            y.push_str("rules: []\n");
            return y;
        }
        y.push_str("rules:\n  - id: names\n    kind: entities\n    severity: warning\n");
        y.push_str("    entities:\n");
        for (_, u) in names {
            let name = u.written();
            y.push_str(&format!(
                "      - {{name: {}, type: {}, articles: {}",
                quoted(name),
                type_name(entity_type(name)),
                u.articles
            ));
            if let Some(d) = u.first {
                y.push_str(&format!(", first: {d}"));
            }
            if let Some(d) = u.last {
                y.push_str(&format!(", last: {d}"));
            }
            y.push_str("}\n");
        }
        y
    }
}

/// "3 names used in at least 2 of 4 articles".
pub(crate) fn summary(names: usize, min_articles: u32, articles: u32) -> String {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "{names} name{} used in at least {min_articles} of {articles} article{}",
        s(names),
        s(articles as usize)
    )
}

/// A YAML double-quoted scalar (a name may hold a colon, a quote or a comma).
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn type_name(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "person",
        EntityType::Place => "place",
        EntityType::Org => "org",
    }
}

/// A best guess for the desk to correct: a known place; a person when the first word is a
/// common given name or the last a listed officeholder's surname; else an organisation (the
/// type that lets nothing but the whole name match).
pub(crate) fn entity_type(name: &str) -> EntityType {
    let words: Vec<String> = fold(name).split_whitespace().map(str::to_string).collect();
    if gazetteer::gazetteer().is_known(name) {
        return EntityType::Place;
    }
    let given = words
        .first()
        .is_some_and(|w| people::is_common_given_name(w));
    let surname = words.last().is_some_and(|w| people::is_surname(w));
    if words.len() >= 2 && (given || surname) {
        EntityType::Person
    } else {
        EntityType::Org
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let doc = Document::parse("a.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&doc);
        names_in(&a).into_iter().map(|n| n.written).collect()
    }

    #[test]
    fn names_without_roles_or_ordinary_words() {
        assert_eq!(
            names("Bolivian President Evo Morales's allies met Defense Minister Javier Zavaleta."),
            ["Evo Morales", "Javier Zavaleta"]
        );
        assert_eq!(
            names(
                "The German Chancellor Angela Merkel met Donald Trump and Amy Klobuchar of Minnesota."
            ),
            ["Angela Merkel", "Donald Trump", "Amy Klobuchar"]
        );
        // One word alone, acronyms and quotes are not names to learn.
        assert!(
            names("Morales spoke. The OAS Mission left. He said \"Happy New Year\".").is_empty()
        );
    }

    #[test]
    fn a_learned_name_is_no_spelling_authority() {
        let set = "set: learned
description: names learned from 40 articles
rules:
  - id: names
    kind: entities
    severity: warning
    entities:
      - {name: \"Mike Pence\", type: person, articles: 12}
      - {name: \"World Health Organization\", type: org, articles: 10}
";
        let linter = Linter::new(crate::ruleset::parse("learned.yml", set).unwrap());
        let found = |text: &str| -> Vec<String> {
            linter
                .lint_text(text, None)
                .iter()
                .filter(|d| d.rule == "learned.names")
                .map(|d| text[d.span.clone()].to_string())
                .collect()
        };
        assert_eq!(found("Vice President Mike Pense spoke."), ["Mike Pense"]);
        // A surname alone is matched exactly only; a British spelling is no slip.
        assert!(found("The Peace Corps left. Pense spoke.").is_empty());
        assert!(found("The World Health Organisation said so.").is_empty());
    }

    #[test]
    fn counts_dates_and_merge() {
        let linter = Linter::new(Vec::new());
        let mut l = Learned::default();
        for (name, text) in [
            ("2019-11-09-a.md", "President Evo Morales spoke."),
            ("2019-11-12-b.md", "Evo Morales left. Evo Morales flew."),
            ("c.md", "---\ndate: 2020-01-02\n---\nÉvo Morales returned."),
        ] {
            l.add_article(&article_names(&linter, name, text.to_string()));
        }
        let u = &l.names["evo morales"];
        assert_eq!(u.articles, 3);
        assert_eq!(u.written(), "Evo Morales");
        assert_eq!(u.first, Some(jiff::civil::date(2019, 11, 9)));
        assert_eq!(u.last, Some(jiff::civil::date(2020, 1, 2)));
        let yaml = l.to_rule_set(2, "test");
        assert!(
            yaml.contains(
                "- {name: \"Evo Morales\", type: person, articles: 3, first: 2019-11-09, last: 2020-01-02}"
            ),
            "{yaml}"
        );
        // The set loads, and merging it twice doubles the counts.
        let rules = crate::ruleset::parse("learned.yml", &yaml).expect("loads");
        assert_eq!(rules.len(), 1);
        let mut m = Learned::default();
        for _ in 0..2 {
            m.add_entity(&Entity {
                name: "Evo Morales".into(),
                kind: EntityType::Person,
                aliases: Vec::new(),
                articles: Some(3),
                first: Some("2019-11-09".into()),
                last: Some("2020-01-02".into()),
            })
            .unwrap();
        }
        assert_eq!(m.names["evo morales"].articles, 6);
        assert!(
            m.add_entity(&Entity {
                name: "X Y".into(),
                kind: EntityType::Person,
                aliases: Vec::new(),
                articles: None,
                first: None,
                last: None,
            })
            .is_err()
        );
    }
}
