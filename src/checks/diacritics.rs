//! `diacritics`: a name written without its accents (or with other ones) than a listed name or
//! another spelling in the same article: "Calderon" for Calderón, "Nuñez" beside "Núñez".

use super::support::known::{How, overlaps_any, word_span};
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::names::cues::{all_caps, strip_possessive};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fast_hash::ShapeFilter;
use crate::fast_hash::{FastMap, FastSet};
use crate::fuzzy::{fold, letters};
use serde::Deserialize;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Compare with the names listed by `entities` rules.
    #[serde(default = "yes")]
    lists: bool,
    /// Compare the spellings of one name within the article.
    #[serde(default = "yes")]
    article: bool,
}

fn yes() -> bool {
    true
}

struct Diacritics {
    lists: bool,
    article: bool,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("diacritics", include_str!("../../docs/kinds/diacritics.md")),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(Diacritics {
        lists: o.lists,
        article: o.article,
    }))
}

fn accents(s: &str) -> usize {
    s.chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii())
        .count()
}

impl Check for Diacritics {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let reported = if self.lists {
            listed(cx, out)
        } else {
            Vec::new()
        };
        if !self.article {
            return;
        }
        // Capitalised words grouped by their folded form; each group's spellings in order of
        // first use, with their occurrences.
        // Only a name written with accents at least once can have two accentings: find those
        // first (most articles have few), then gather every spelling of them.
        let is_name = |word: &str| !all_caps(word) && letters(word) >= 3;
        // The capitalised words, with the folded form of each accented name (kept, as the
        // second pass needs it again).
        let mut capitalised: Vec<(usize, &str, Option<String>)> =
            Vec::with_capacity(a.mentions.len());
        let mut accented: FastSet<String> = FastSet::default();
        let mut shapes = ShapeFilter::default();
        for (i, t) in a.tokens.iter().enumerate() {
            // Another language writes its own accents ("México" in a Spanish quotation).
            if !t.is_word() || !t.capitalised || a.is_foreign(i) || a.is_tag(i) {
                continue;
            }
            let word = strip_possessive(a.word(i));
            let mut folded = None;
            if !word.is_ascii() && is_name(word) {
                let f = fold(word);
                // "Président" beside "President" is a word in two languages, not a name.
                if crate::gazetteer::is_common_word(&f) {
                    capitalised.push((i, word, None));
                    continue;
                }
                shapes.insert(&f);
                accented.insert(f.clone());
                folded = Some(f);
            }
            capitalised.push((i, word, folded));
        }
        if accented.is_empty() {
            return;
        }
        let mut groups: FastMap<String, Vec<(String, Vec<usize>)>> = FastMap::default();
        for (i, word, folded) in capitalised {
            let folded = match folded {
                Some(folded) => folded,
                // Not a name, or not accented: only an ASCII word can still match.
                None if !word.is_ascii() => continue,
                None => {
                    // Folding an ASCII word only lower-cases it and turns hyphens into spaces:
                    // one that starts with a letter keeps its length and first letter (up to
                    // case).
                    let cannot_match = word.starts_with(|c: char| c.is_ascii_alphabetic())
                        && !shapes.may_contain(word);
                    if cannot_match || !is_name(word) {
                        continue;
                    }
                    fold(word)
                }
            };
            if !accented.contains(&folded) {
                continue;
            }
            let spellings = groups.entry(folded).or_default();
            let lower = word.to_lowercase();
            match spellings
                .iter_mut()
                .find(|(s, _)| s.to_lowercase() == lower)
            {
                Some((_, at)) => at.push(i),
                None => spellings.push((word.to_string(), vec![i])),
            }
        }
        let claimed = cx.knowledge.claimed_spans(a);
        let mut groups: Vec<_> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort_by_key(|g| g[0].1[0]);
        for spellings in groups {
            let (best, _) = spellings
                .iter()
                .enumerate()
                .max_by(|(i, x), (j, y)| {
                    x.1.len()
                        .cmp(&y.1.len())
                        .then(accents(&x.0).cmp(&accents(&y.0)))
                        .then(j.cmp(i))
                })
                .expect("a group has spellings");
            let (right, right_at) = &spellings[best];
            let first_right = word_span(a, right_at[0], right_at[0]);
            for (k, (wrong, at)) in spellings.iter().enumerate() {
                if k == best {
                    continue;
                }
                for &i in at {
                    let span = word_span(a, i, i);
                    if overlaps_any(&claimed, &span) || overlaps_any(&reported, &span) {
                        continue;
                    }
                    out.push(differ(span, wrong, right, right_at.len(), &first_right));
                }
            }
        }
    }
}

/// The names written with other accents than a listed name (`lists: true`), reported; their
/// spans, which the in-article comparison then leaves alone.
fn listed(cx: &Context, out: &mut Vec<Diagnostic>) -> Vec<Range<usize>> {
    let a = cx.analysis;
    let mut reported = Vec::new();
    for (list, matches) in cx.knowledge.lists.iter().zip(cx.knowledge.scans(a)) {
        for m in matches {
            if m.how != How::Diacritics {
                continue;
            }
            let found = &a.text[m.span.clone()];
            reported.push(m.span.clone());
            out.push(
                Diagnostic::new(
                    m.span.clone(),
                    format!(
                        "'{found}' is written '{}' in rule set `{}`",
                        m.expected, list.set
                    ),
                )
                .with_primary_label("accents differ from the listed name")
                .with_help(format!("write '{}'", m.expected))
                .with_fix(m.span.clone(), m.expected.clone(), Applicability::Safe),
            );
        }
    }
    reported
}

/// The finding: `wrong` at `span` is written `right` (`uses` times, first at `first_right`)
/// elsewhere in the article.
fn differ(
    span: Range<usize>,
    wrong: &str,
    right: &str,
    uses: usize,
    first_right: &Range<usize>,
) -> Diagnostic {
    let times = match uses {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    Diagnostic::new(
        span.clone(),
        format!("'{wrong}' is written '{right}' ({times}) elsewhere in the article"),
    )
    .with_primary_label("accents differ")
    .with_label(first_right.clone(), format!("written '{right}' here"))
    .with_help(format!("write '{right}' throughout"))
    .with_fix(span, right.to_string(), Applicability::Unsafe)
}

#[cfg(test)]
mod tests {
    use crate::Linter;
    use crate::ruleset;

    const SETS: &str = "set: t
rules:
  - id: diacritics
    kind: diacritics
    severity: info
  - id: names
    kind: entities
    entities:
      - {name: Yuri Calderón, type: person}
";

    fn found(text: &str) -> Vec<(String, String)> {
        let linter = Linter::new(ruleset::parse("t.yml", SETS).unwrap());
        linter
            .lint_text(text, None)
            .into_iter()
            .filter(|d| d.rule == "t.diacritics")
            .map(|d| (text[d.span].to_string(), d.fixes[0].replacement.clone()))
            .collect()
    }

    #[test]
    fn listed_name_without_accents() {
        assert_eq!(
            found("Police chief Yuri Calderon spoke."),
            vec![("Yuri Calderon".to_string(), "Yuri Calderón".to_string())]
        );
        assert_eq!(
            found("Calderon's remarks"),
            vec![("Calderon".to_string(), "Calderón".to_string())]
        );
        assert!(found("Police chief Yuri Calderón spoke. Calderón's remarks.").is_empty());
    }

    #[test]
    fn two_accentings_in_one_article() {
        assert_eq!(
            found("Patricio Núñez spoke. Núñez and Núñez's aides left; Nuñez stayed."),
            vec![("Nuñez".to_string(), "Núñez".to_string())]
        );
        // A tie goes to the accented form.
        assert_eq!(
            found("Sebastião Melo spoke; Sebastiao was late."),
            vec![("Sebastiao".to_string(), "Sebastião".to_string())]
        );
    }

    #[test]
    fn non_hits() {
        // Case only, all-caps datelines, and different words are not accent variants.
        assert!(found("SÃO PAULO — São Paulo voted. McDonald and Mcdonald.").is_empty());
        assert!(found("Calderón and Calderón.").is_empty());
    }
}
