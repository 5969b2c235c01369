//! `ordinal-conflict`: one thing given two different ordinals ("nominated for a third time" …
//! "win a fourth term"; "the third strike" … "this fourth strike"; "the second-worst season"
//! … "the third-worst year").
//!
//! Different ordinals on the same noun are usually a sequence ("the first round … the second
//! round"), so a pair is reported only with evidence that both mentions are about one thing:
//! - the same noun counted from the same starting point ("second round of layoffs since July
//!   2022" … "third round of layoffs since July 2022");
//! - the same noun pointed at the present one both times ("This is the third strike" …
//!   "This fourth strike");
//! - two nouns of one group (term, time, bid…) for the same named subject, neither "first",
//!   with no event year that would set them apart;
//! - the same superlative ("second-worst", "third-worst") in sentences about the same year.

use super::support::numeric;
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::numbers::{Quantity, QuantityKind};
use crate::diagnostic::Diagnostic;
use crate::fast_hash::{FastMap, ShapeFilter};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Named groups of nouns whose ordinals count the same sequence.
    groups: BTreeMap<String, Vec<String>>,
    /// Words that point at the present instance ("this fourth strike").
    #[serde(default = "default_deixis")]
    deixis: Vec<String>,
    /// Words before an ordinal that make it hypothetical or another instance ("seeking a
    /// fourth term", "a possible third round").
    #[serde(default = "default_hypothetical")]
    hypothetical: Vec<String>,
    /// Compare superlative ranks ("second-worst" vs "third-worst").
    #[serde(default = "yes")]
    superlatives: bool,
    /// Generic nouns that join their group only next to one of the listed words ("time" is a
    /// candidacy only in "nominated for a third time", not in "visited for the third time").
    #[serde(default)]
    generic: BTreeMap<String, Vec<String>>,
}

fn yes() -> bool {
    true
}
fn default_deixis() -> Vec<String> {
    ["this", "these", "current", "latest", "ongoing", "present"]
        .map(String::from)
        .to_vec()
}
fn default_hypothetical() -> Vec<String> {
    [
        "next",
        "another",
        "possible",
        "potential",
        "seek",
        "seeks",
        "seeking",
        "sought",
        "would",
        "could",
        "might",
        "will",
        "eyeing",
        "eyes",
        "hopes",
        "hoping",
        "bid",
        "planned",
        "any",
        "if",
    ]
    .map(String::from)
    .to_vec()
}

struct OrdinalConflict {
    /// noun lemma → group name
    group_of: BTreeMap<String, String>,
    /// noun lemma → words one of which must be in the sentence
    generic: BTreeMap<String, Words>,
    deixis: Words,
    hypothetical: Words,
    superlatives: bool,
}

/// Lower-case words, asked about token by token: a filter on their first bytes and lengths
/// rules out nearly every token before any comparison.
struct Words {
    list: Vec<String>,
    shapes: ShapeFilter,
}

impl Words {
    fn new(list: Vec<String>) -> Words {
        let mut shapes = ShapeFilter::default();
        for w in &list {
            shapes.insert(w);
        }
        Words { list, shapes }
    }

    fn contains(&self, w: &str) -> bool {
        self.shapes.may_contain(w) && self.list.iter().any(|x| x == w)
    }
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "ordinal-conflict",
        include_str!("../../docs/kinds/ordinal-conflict.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    if o.groups.is_empty() {
        return Err("an `ordinal-conflict` rule needs at least one noun in `groups`".into());
    }
    let mut group_of = BTreeMap::new();
    for (name, nouns) in &o.groups {
        for n in nouns {
            group_of.insert(crate::analysis::lexical::lemma(n), name.clone());
        }
    }
    Ok(Box::new(OrdinalConflict {
        group_of,
        generic: o
            .generic
            .into_iter()
            .map(|(k, v)| {
                (
                    crate::analysis::lexical::lemma(&k),
                    Words::new(numeric::lower(v)),
                )
            })
            .collect(),
        deixis: Words::new(numeric::lower(o.deixis)),
        hypothetical: Words::new(numeric::lower(o.hypothetical)),
        superlatives: o.superlatives,
    }))
}

/// An ordinal mention worth comparing.
struct Mention<'q> {
    q: &'q Quantity,
    /// Noun lemma, if in a group.
    noun: Option<&'q str>,
    group: Option<&'q str>,
    /// Up to six lower-case words after the noun, to the clause end.
    complement: Vec<&'q str>,
    deictic: bool,
    /// A generic noun outside its group's context.
    generic: bool,
}

impl OrdinalConflict {
    fn mention<'q>(&'q self, a: &'q Analysis, q: &'q Quantity) -> Option<Mention<'q>> {
        if q.kind != QuantityKind::Ordinal || a.is_heading_sentence(q.sentence) {
            return None;
        }
        let noun = q.noun.as_ref().map(|n| n.lemma.as_str());
        let mut group = noun.and_then(|n| self.group_of.get(n)).map(String::as_str);
        // A generic noun out of its context ("visited for the third time") joins no group: it
        // is compared only with the same noun counted from the same point.
        let mut generic = false;
        if let Some(words) = noun.and_then(|n| self.generic.get(n)) {
            let s = &a.sentences[q.sentence];
            if !s.tokens.clone().any(|i| words.contains(a.lower(i))) {
                group = noun;
                generic = true;
            }
        }
        if group.is_none() && (q.superlative.is_none() || !self.superlatives) {
            return None;
        }
        let s = &a.sentences[q.sentence];
        // Hypothetical or another instance: "seeking a fourth term", "a possible third round".
        let from = q.tokens.start.saturating_sub(4).max(s.tokens.start);
        if (from..q.tokens.start).any(|i| self.hypothetical.contains(a.lower(i))) {
            return None;
        }
        let after = q.phrase.end.max(q.tokens.end);
        let complement: Vec<&str> = (after..s.tokens.end)
            .take_while(|&i| !matches!(a.word(i), "," | "." | ";" | ":" | "(" | "\"" | "”"))
            .take(6)
            .map(|i| a.lower(i))
            .collect();
        Some(Mention {
            q,
            noun,
            group,
            complement,
            deictic: self.is_deictic(a, q),
            generic,
        })
    }

    /// "this fourth strike", "the latest third round", "This is the third strike".
    fn is_deictic(&self, a: &Analysis, q: &Quantity) -> bool {
        if q.determiner
            .as_ref()
            .is_some_and(|d| self.deixis.contains(d))
            || q.premodifier
                .as_ref()
                .is_some_and(|(p, _)| self.deixis.contains(p))
        {
            return true;
        }
        let s = &a.sentences[q.sentence];
        let mut j = q.tokens.start;
        let back = |j: &mut usize| -> Option<&str> {
            if *j <= s.tokens.start {
                return None;
            }
            *j -= 1;
            Some(a.lower(*j))
        };
        let Some(mut w) = back(&mut j) else {
            return false;
        };
        if matches!(w, "the" | "a" | "its" | "their") {
            match back(&mut j) {
                Some(x) => w = x,
                None => return false,
            }
        }
        if !matches!(
            w,
            "is" | "was" | "marks" | "marked" | "becomes" | "became" | "be"
        ) {
            return false;
        }
        let mut subject = back(&mut j);
        if subject.is_some_and(|x| matches!(x, "would" | "will")) {
            subject = back(&mut j);
        }
        // "It was the second time" is an idiom about any event; only "this" points.
        subject.is_some_and(|x| self.deixis.contains(x))
    }

    /// What a mention can share with another of its bucket for `related` to tie them: a
    /// mention that shares none of these keys with another is not related to it.
    fn keys<'m>(&self, a: &'m Analysis, m: &'m Mention, superlative: bool) -> Vec<Key<'m>> {
        if superlative {
            return numeric::years_in_sentence(a, m.q.sentence)
                .into_iter()
                .map(Key::Year)
                .collect();
        }
        let mut keys = Vec::new();
        if let Some(noun) = m.noun {
            if let Some(at) = m.complement.iter().position(|&w| w == "since")
                && at + 1 < m.complement.len()
            {
                keys.push(Key::Anchor(noun, &m.complement[..at + 2]));
            }
            if m.deictic && !m.generic {
                keys.push(Key::Deictic(noun));
            }
        }
        if m.q.value >= 2.0 && !event_year(a, m) {
            keys.extend(
                numeric::names_in_sentence(a, m.q.sentence)
                    .iter()
                    .map(Key::Name),
            );
        }
        keys
    }

    /// Why two mentions are about one thing, if they are.
    fn related(&self, a: &Analysis, x: &Mention, y: &Mention) -> Option<&'static str> {
        let same_noun = x.noun.is_some() && x.noun == y.noun;
        if let (Some(sx), Some(sy)) = (&x.q.superlative, &y.q.superlative) {
            if sx != sy || !self.superlatives {
                return None;
            }
            let shared = numeric::years_in_sentence(a, x.q.sentence)
                .intersection(&numeric::years_in_sentence(a, y.q.sentence))
                .count();
            // Different named subjects ("Germany … third-largest", "Japan … second-largest").
            let (nx, ny) = (
                numeric::names_in_sentence(a, x.q.sentence),
                numeric::names_in_sentence(a, y.q.sentence),
            );
            if !nx.is_empty() && !ny.is_empty() && nx.is_disjoint(ny) {
                return None;
            }
            return (shared > 0).then_some("the same year is ranked in both places");
        }
        if x.q.superlative.is_some() || y.q.superlative.is_some() {
            return None;
        }
        if x.group.is_none() || x.group != y.group {
            return None;
        }
        if same_noun {
            // "the second round of layoffs since July" … "the third round of layoffs since
            // July": a count of events since one anchor.
            let anchored = |c: &[&str]| -> Option<std::ops::Range<usize>> {
                let at = c.iter().position(|&w| w == "since")?;
                (at + 1 < c.len()).then_some(0..at + 2)
            };
            // A generic noun must match to the end of the clause ("failed for the third time
            // since April." … "failed for the fourth time since April.").
            let whole = !(x.generic || y.generic) || x.complement == y.complement;
            if let (Some(cx), Some(cy)) = (anchored(&x.complement), anchored(&y.complement))
                && x.complement[cx] == y.complement[cy]
                && whole
            {
                return Some("both count from the same starting point");
            }
            if x.generic || y.generic {
                return None;
            }
            if x.deictic && y.deictic {
                return Some("both mentions refer to the present one");
            }
            return None;
        }
        // Different nouns of one group ("third time" / "fourth term") for the same subject.
        if x.q.value < 2.0 || y.q.value < 2.0 {
            return None;
        }
        if event_year(a, x) || event_year(a, y) {
            return None;
        }
        let shared = !numeric::names_in_sentence(a, x.q.sentence)
            .is_disjoint(numeric::names_in_sentence(a, y.q.sentence));
        shared.then_some("both mentions are about the same subject")
    }
}

/// A year "in"/"of" the mention's sentence dates the event it counts.
fn event_year(a: &Analysis, m: &Mention) -> bool {
    let s = &a.sentences[m.q.sentence];
    a.quantities_in(m.q.sentence).iter().any(|q| {
        q.kind == QuantityKind::Year
            && q.tokens.start > s.tokens.start
            && matches!(a.lower(q.tokens.start - 1), "in" | "of")
    })
}

/// What two related mentions of one bucket share (see `OrdinalConflict::keys`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'m> {
    /// A year in both sentences (superlatives).
    Year(i64),
    /// The same noun counted since the same point ("round of layoffs since July").
    Anchor(&'m str, &'m [&'m str]),
    /// The same noun, "this" in both ("this fourth strike").
    Deictic(&'m str),
    /// A name in both sentences (different nouns of one group).
    Name(&'m str),
}

/// How many earlier mentions of one ordinal value a key remembers.
const MENTIONS_KEPT_PER_VALUE: usize = 4;

/// The earlier mentions of a bucket by key, in document order.
type Bucket<'m> = FastMap<Key<'m>, Vec<usize>>;

fn phrase(a: &Analysis, q: &Quantity) -> std::ops::Range<usize> {
    let mut end = q.span.end;
    if let Some(n) = &q.noun {
        end = end.max(n.span.end);
    }
    let _ = a;
    q.span.start..end
}

impl Check for OrdinalConflict {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let mentions: Vec<Mention> = a
            .quantities()
            .iter()
            .filter_map(|q| self.mention(a, q))
            .collect();
        // Only mentions with the same superlative, or of the same group, can be related, and
        // within a bucket only those that share what `related` asks for: a year (superlatives),
        // the noun and its "since …" anchor, the noun and "this", or a name. Each later mention
        // looks these up instead of comparing itself with every earlier one.
        let mut buckets: FastMap<(bool, &str), Bucket> = FastMap::default();
        for (j, later) in mentions.iter().enumerate() {
            let key = match (&later.q.superlative, later.group) {
                (Some(s), _) if self.superlatives => (true, s.as_str()),
                (None, Some(g)) => (false, g),
                _ => continue,
            };
            let bucket = buckets.entry(key).or_default();
            let keys = self.keys(a, later, key.0);
            let mut candidates: Vec<usize> = Vec::new();
            for k in &keys {
                candidates.extend(bucket.get(k).into_iter().flatten());
            }
            candidates.sort_unstable();
            candidates.dedup();
            let earlier = candidates.iter().map(|&i| &mentions[i]).find(|e| {
                e.q.sentence != later.q.sentence
                    && e.q.value != later.q.value
                    && self.related(a, e, later).is_some()
            });
            for k in keys {
                let seen = bucket.entry(k).or_default();
                // A few earlier mentions per ordinal value are enough to find a conflict; keeping
                // every one would make a long article's repeated mention quadratic.
                let same_value = seen
                    .iter()
                    .filter(|&&i| mentions[i].q.value == later.q.value)
                    .count();
                if same_value < MENTIONS_KEPT_PER_VALUE {
                    seen.push(j);
                }
            }
            let Some(earlier) = earlier else { continue };
            let why = self.related(a, earlier, later).unwrap_or_default();
            let (ls, es) = (phrase(a, later.q), phrase(a, earlier.q));
            let (lt, et) = (a.slice(ls.clone()), a.slice(es.clone()));
            out.push(
                Diagnostic::new(
                    ls,
                    format!(
                        "'{lt}' conflicts with '{et}' earlier: {why}, but the ordinals differ ({} vs {})",
                        numeric::ordinal_name(later.q.value),
                        numeric::ordinal_name(earlier.q.value)
                    ),
                )
                .with_primary_label(format!("{} here", numeric::ordinal_name(later.q.value)))
                .with_label(es, format!("{} here", numeric::ordinal_name(earlier.q.value)))
                .with_help("check which ordinal is right and use it in both places"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests_support::run_kind;

    const RULE: &str = "groups: {office: [term, mandate, time, bid], strike: [strike, walkout], round: [round], season: [season, place]}\ngeneric: {time: [nominated, elected, run, ran]}";

    fn hits(text: &str) -> Vec<String> {
        run_kind(&KIND, RULE, text, None)
    }

    #[test]
    fn word_lists_answer_as_a_scan_would() {
        let list: Vec<String> = [
            "this",
            "these",
            "",
            "a-very-long-word-of-more-than-31-bytes",
        ]
        .map(String::from)
        .to_vec();
        let words = Words::new(list.clone());
        for w in [
            "this",
            "thus",
            "these",
            "the",
            "",
            "a-very-long-word-of-more-than-31-bytes",
            "a-very-long-word-of-more-than-31-bytez",
            "é",
        ] {
            assert_eq!(words.contains(w), list.iter().any(|x| x == w), "{w}");
        }
        assert!(!Words::new(vec![]).contains(""));
    }

    #[test]
    fn term_and_time_for_the_same_person() {
        let h = hits(
            "The court let Morales, in power since 2006, win a fourth term. Morales was nominated for a third time by the court.",
        );
        assert_eq!(h, vec!["third time"]);
    }

    #[test]
    fn same_starting_point() {
        let h = hits(
            "Corvana made its second round of layoffs since July 2022. Wednesday's cut is Corvana's third round of layoffs since July 2022.",
        );
        assert_eq!(h, vec!["third round"]);
    }

    #[test]
    fn generic_time_counted_from_the_same_point() {
        let h = hits(
            "Talks failed for the third time since April. The authority said talks had failed for the fourth time since April.",
        );
        assert_eq!(h, vec!["fourth time"]);
        let h = hits(
            "It was the second time since 2010 that he won. It was the third time since 2010 that she lost.",
        );
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn present_instance_twice() {
        let h = hits(
            "This is the third strike at the mine. \"This fourth strike is not a whim,\" said Nunez.",
        );
        assert_eq!(h, vec!["fourth strike"]);
    }

    #[test]
    fn superlatives_for_the_same_year() {
        let h = hits(
            "The 2025 season was the second-worst on record. Officials said the 2025 total made it the third-worst year.",
        );
        assert_eq!(h, vec!["third-worst year"]);
    }

    #[test]
    fn sequences_are_not_conflicts() {
        for text in [
            "He won the first round. The second round is on June 5.",
            "The first time he visited, it rained. The second time he visited, it snowed.",
            "The second round of talks failed. A third round of talks is planned for May.",
            "The second round of talks ended. The third round of talks ended too.",
            "It was the second time since 2010 that he won. It was the third time since 2015.",
            "Morales won a third term in 2014. Morales is seeking a fourth term.",
            "She won a second term in 2010 and her rival a third term in 2014.",
            "Cebu is the second-largest city. Davao is the third-largest city.",
            "In 2025, Germany was the third-largest economy. Japan, in 2025, was the second-largest economy.",
            "Merkel, in power since 2005, won a fourth term. Merkel visited Paris for the third time.",
            "They marched on the Fourth of July. It was the third march.",
            "The third strike at the mine ended in May. The fourth strike began on Monday.",
        ] {
            assert!(hits(text).is_empty(), "{text}: {:?}", hits(text));
        }
    }

    #[test]
    fn different_subjects_are_not_conflicts() {
        let h = hits("Mesa ran for a second time. Ortiz was seeking a third term.");
        assert!(h.is_empty());
        let h = hits("Mesa ran for a second time. Ortiz won a third term.");
        assert!(h.is_empty());
    }
}
