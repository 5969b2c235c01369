//! `archive`: cross-article evidence. With the config's `archive_evidence: true`, `factlint
//! check` first learns the names of every article it was given (crate::learn); this rule then
//! reports a name no other of those articles uses when a spelling one letter away is used in
//! many of them: "Javier Zabaleta" once against "Javier Zavaleta" in 40 articles is a slip,
//! two spellings each used a few times are two people as often as not.
//!
//! The rule is built by `check` from the articles, never from a rule set: a rule set naming
//! its kind is refused.

use super::{Check, Common, Context, Kind, KindDoc};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::fuzzy::{distance_at_most, inflected, letters, spelling_variants};
use crate::gazetteer;
use crate::learn::{Learned, names_in};
use crate::people;
use crate::ruleset::{Examples, Rule};

/// Articles that must use the other spelling: with fewer, the two are as likely two people.
pub(crate) const MIN_ARTICLES: u32 = 10;
/// The shortest word a one-letter slip is reported in: short names differ by a letter often.
const MIN_LETTERS: usize = 5;

pub(crate) const ID: &str = "names.archive";

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("archive", include_str!("../../docs/kinds/archive.md")),
    build,
};

fn build(_: crate::yaml::Value, _: &Common) -> Result<Box<dyn Check>, String> {
    Err(
        "the `archive` kind is built by `factlint check` from the articles it reads (set \
         `archive_evidence: true` in the config), not from a rule set"
            .into(),
    )
}

/// A name the archive uses in many articles.
struct Frequent {
    words: Vec<String>,
    written: String,
    articles: u32,
    dates: Option<String>,
}

struct Archive {
    articles: u32,
    /// Folded key → articles, for every name learned.
    counts: std::collections::HashMap<String, u32>,
    frequent: Vec<Frequent>,
}

/// The `names.archive` rule for what the articles of this run use.
pub(crate) fn rule(learned: &Learned) -> Rule {
    let frequent = learned
        .frequent(MIN_ARTICLES)
        .into_iter()
        .map(|(key, u)| Frequent {
            words: key.split(' ').map(str::to_string).collect(),
            written: u.written().to_string(),
            articles: u.articles,
            dates: match (u.first, u.last) {
                (Some(a), Some(b)) if a != b => Some(format!("{a} to {b}")),
                (Some(a), _) => Some(a.to_string()),
                _ => None,
            },
        })
        .collect();
    let counts = learned
        .names
        .iter()
        .map(|(k, u)| (k.clone(), u.articles))
        .collect();
    Rule {
        id: ID.into(),
        set: "names".into(),
        kind: &KIND,
        severity: Severity::Warning,
        enabled: true,
        description: None,
        examples: Examples::default(),
        source: "<config: archive_evidence>".into(),
        check: Box::new(Archive {
            articles: learned.articles,
            counts,
            frequent,
        }),
    }
}

/// Is this written word a name in its own right, one a slip would not produce? (An ordinary
/// word is no such proof: "United Sates", "Untied Nations".)
fn is_name_of_its_own(folded: &str) -> bool {
    people::is_surname(folded)
        || people::is_common_given_name(folded)
        || gazetteer::is_proper_word(folded)
}

impl Archive {
    /// The one frequent name this one is a slip of.
    fn slip_of(&self, words: &[String]) -> Option<&Frequent> {
        let mut found = None;
        for f in self
            .frequent
            .iter()
            .filter(|f| f.words.len() == words.len())
        {
            let differ: Vec<usize> = (0..words.len())
                .filter(|&j| words[j] != f.words[j])
                .collect();
            let &[j] = differ.as_slice() else {
                continue;
            };
            let (w, listed) = (&words[j], &f.words[j]);
            let near = letters(w) >= MIN_LETTERS
                && letters(listed) >= MIN_LETTERS
                && w.chars().next() == listed.chars().next()
                && !inflected(w, listed)
                && !spelling_variants(w, listed)
                && distance_at_most(w, listed, 1).is_some();
            if near {
                if found.is_some() {
                    // Two names this close: which one was meant is not for the archive to say.
                    return None;
                }
                found = Some((f, j));
            }
        }
        let (f, j) = found?;
        (!is_name_of_its_own(&words[j])).then_some(f)
    }
}

impl Check for Archive {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for name in names_in(a) {
            // Used by this article alone (or by none: an article from stdin is not counted).
            let key = name.key();
            if self.counts.get(&key).copied().unwrap_or(0) > 1 || cx.knowledge.knows_phrase(&key) {
                continue;
            }
            let Some(f) = self.slip_of(&name.words) else {
                continue;
            };
            let found = &a.text[name.span.clone()];
            let dates = f
                .dates
                .as_deref()
                .map_or(String::new(), |d| format!(", {d}"));
            let message = format!(
                "'{found}' is used in no other of the {} articles checked, '{}' in {}{dates}: \
                 likely a slip",
                self.articles, f.written, f.articles
            );
            out.push(
                Diagnostic::new(name.span.clone(), message)
                    .with_primary_label(format!("1 letter away from '{}'", f.written))
                    .with_help(format!("write '{}'", f.written))
                    .with_fix(name.span.clone(), f.written.clone(), Applicability::Unsafe),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;
    use crate::learn::article_names;

    fn archive(texts: &[String]) -> (Linter, Learned) {
        let mut linter = Linter::new(Vec::new());
        let mut learned = Learned::default();
        for (i, t) in texts.iter().enumerate() {
            learned.add_article(&article_names(&linter, &format!("{i}.md"), t.clone()));
        }
        linter.rules.push(rule(&learned));
        (linter, learned)
    }

    fn findings(linter: &Linter, text: &str) -> Vec<String> {
        linter
            .lint_text(text, None)
            .iter()
            .map(|d| text[d.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn a_spelling_used_once_beside_one_used_in_many_articles() {
        let mut texts: Vec<String> = (0..12)
            .map(|i| format!("Defense Minister Javier Zavaleta spoke on day {i}."))
            .collect();
        texts.push("Defense Minister Javier Zabaleta spoke.".into());
        let (linter, learned) = archive(&texts);
        assert_eq!(learned.names["javier zavaleta"].articles, 12);
        assert_eq!(
            findings(&linter, "Defense Minister Javier Zabaleta spoke."),
            ["Javier Zabaleta"]
        );
        assert!(findings(&linter, "Defense Minister Javier Zavaleta spoke.").is_empty());
    }

    #[test]
    fn not_a_slip() {
        let mut texts: Vec<String> = (0..12)
            .map(|i| format!("Amina Mohamed and Carlos Mesa spoke on day {i}."))
            .collect();
        // Too few articles for the other spelling; a listed surname; a second spelling used
        // twice (two people as often as not).
        texts.push("Amina Mohammed spoke. Carlos Mesas left.".into());
        texts.extend((0..2).map(|_| "Carlos Meza spoke.".to_string()));
        let (linter, _) = archive(&texts);
        assert!(findings(&linter, "Amina Mohammed spoke.").is_empty());
        assert!(findings(&linter, "Carlos Meza spoke.").is_empty());
        assert!(findings(&linter, "Carlos Mesas spoke.").is_empty());
    }
}
