//! The office an article gives a name: "President Ivor Morales", "Bolivian Defense Minister
//! Javier Zabaleta", "Minister of Defense Javier Zavaleta", "defense minister Javier Zabaleta".
//! A role word is the first piece of evidence that a listed officeholder is meant, and says
//! which kind of officeholder (a judge is not a minister).

use super::countries;
use crate::analysis::Analysis;
use crate::analysis::words::{WordMap, WordSet};
use crate::people::Roles;
use std::ops::Range;
use std::sync::LazyLock;

/// Offices that may be held by, or lead to, most kinds of listed people: a president heads a
/// state, a government, a party or a central bank; a minister may be a party leader in the
/// Factbook's lists before and after.
const POLITICAL: Roles = Roles(
    Roles::HEAD_OF_STATE.0
        | Roles::HEAD_OF_GOVERNMENT.0
        | Roles::MINISTER.0
        | Roles::CENTRAL_BANK.0
        | Roles::EXECUTIVE.0
        | Roles::PARTY.0,
);
const GOVERNMENT: Roles =
    Roles(Roles::HEAD_OF_GOVERNMENT.0 | Roles::MINISTER.0 | Roles::EXECUTIVE.0 | Roles::PARTY.0);
const MONARCH: Roles = Roles(
    Roles::HEAD_OF_STATE.0 | Roles::HEAD_OF_GOVERNMENT.0 | Roles::MINISTER.0 | Roles::EXECUTIVE.0,
);

/// Role words (folded) and the listed roles they fit. The last one before the name counts
/// ("Deputy Prime Minister": minister).
static HEADS: LazyLock<WordMap<Roles>> = LazyLock::new(|| {
    WordMap::new([
        ("president", POLITICAL),
        ("vice-president", POLITICAL),
        ("chairman", POLITICAL),
        ("chairwoman", POLITICAL),
        ("leader", POLITICAL),
        ("premier", GOVERNMENT),
        ("chancellor", GOVERNMENT),
        ("minister", POLITICAL),
        ("secretary", POLITICAL),
        ("attorney", GOVERNMENT),
        ("governor", POLITICAL),
        ("senator", POLITICAL),
        ("sen", POLITICAL),
        ("congressman", POLITICAL),
        ("congresswoman", POLITICAL),
        ("lawmaker", POLITICAL),
        ("legislator", POLITICAL),
        ("deputy", POLITICAL),
        ("mp", POLITICAL),
        ("speaker", POLITICAL),
        ("candidate", POLITICAL),
        ("king", MONARCH),
        ("queen", MONARCH),
        ("emperor", MONARCH),
        ("empress", MONARCH),
        ("emir", MONARCH),
        ("amir", MONARCH),
        ("sultan", MONARCH),
        ("monarch", MONARCH),
        ("prince", MONARCH),
        ("princess", MONARCH),
        ("judge", Roles::JUDGE),
        ("justice", Roles::JUDGE),
        ("magistrate", Roles::JUDGE),
        ("ambassador", Roles::AMBASSADOR.union(Roles::MINISTER)),
        ("envoy", Roles::AMBASSADOR.union(Roles::MINISTER)),
    ])
});

/// Words that may stand with a role word without being a name: "former", "Vice", "Prime",
/// "Defense", "of", "Central Bank" ("Minister of Defense", "Central Bank Governor").
static MODIFIERS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "vice",
        "deputy",
        "prime",
        "acting",
        "interim",
        "former",
        "ex",
        "first",
        "second",
        "senior",
        "chief",
        "foreign",
        "defense",
        "defence",
        "finance",
        "financial",
        "interior",
        "justice",
        "economy",
        "economic",
        "economics",
        "health",
        "education",
        "trade",
        "energy",
        "environment",
        "agriculture",
        "labour",
        "labor",
        "home",
        "culture",
        "sports",
        "sport",
        "transport",
        "transportation",
        "information",
        "communications",
        "communication",
        "tourism",
        "mining",
        "mines",
        "oil",
        "petroleum",
        "hydrocarbons",
        "public",
        "security",
        "planning",
        "development",
        "industry",
        "commerce",
        "works",
        "water",
        "housing",
        "women",
        "youth",
        "social",
        "affairs",
        "of",
        "the",
        "and",
        "for",
        "central",
        "bank",
        "reserve",
        "state",
        "general",
        "opposition",
        "party",
        "national",
        "federal",
        "regional",
        "provincial",
        "cabinet",
        "government",
        "presidency",
        "presidential",
        "digital",
        "science",
        "technology",
        "research",
        "immigration",
        "treasury",
        "budget",
        "fisheries",
        "forestry",
        "land",
        "lands",
        "infrastructure",
        "equality",
        "welfare",
        "family",
        "children",
        "rural",
        "urban",
        "citizenship",
        "internal",
        "external",
        "relations",
        "international",
        "cooperation",
        "caretaker",
        "outgoing",
        "incoming",
        "late",
        "then",
        "new",
        "top",
        "elect",
        "crown",
        "grand",
        "supreme",
        "court",
        "constitutional",
        "parliament",
        "parliamentary",
        "senate",
        "house",
        "assembly",
        "majority",
        "minority",
        "without",
        "portfolio",
        "in",
        "charge",
        "army",
        "armed",
        "forces",
        "police",
        "mr",
        "mrs",
        "ms",
        "madam",
        "dr",
    ])
});

/// The role words around a name, and where the name starts.
#[derive(Debug, Clone)]
pub(crate) struct Role {
    pub roles: Roles,
    /// Byte span of the role words as the article writes them ("Defense Minister").
    pub span: Range<usize>,
    /// Index into the mention's words of the first word of the name.
    pub name_start: usize,
    /// "Former President", "the late king", "then-minister": the office may be long over.
    pub former: bool,
}

/// Words that put an office in the past.
fn is_former(w: &str) -> bool {
    matches!(w, "former" | "ex" | "late" | "then" | "erstwhile")
}

fn head(a: &Analysis, i: usize) -> Option<Roles> {
    HEADS.get(a.lower(i).trim_end_matches('.'))
}

/// Tokens an appositive role may take after the name's comma ("Zavaleta, Bolivia's defense
/// minister, said").
const APPOSITIVE_TOKENS: usize = 6;

/// Could the mention (token range) have a role around it? A role word inside it or right
/// before it, or after its comma: a cheap test before its words are folded.
pub(crate) fn may_have_role(a: &Analysis, tokens: Range<usize>) -> bool {
    let is_head = |i: usize| a.tokens[i].is_word() && head(a, i).is_some();
    let end = tokens.end;
    (tokens.start.saturating_sub(1)..end).any(is_head)
        || (end < a.tokens.len()
            && a.word(end) == ","
            && (end + 1..(end + 1 + APPOSITIVE_TOKENS).min(a.tokens.len())).any(is_head))
}

/// The office the article gives the name in a mention whose words are `words` (token index,
/// folded): role words at the start of the mention ("President Ivor Morales"), a role word
/// right before it ("defense minister Javier Zabaleta"), or an appositive after it ("Javier
/// Zabaleta, the defense minister,").
pub(crate) fn of_name(a: &Analysis, words: &[(usize, String)]) -> Option<Role> {
    before_name(a, words).or_else(|| after_name(a, words))
}

/// Is the folded word a role ("president", "minister", "governor")?
pub(crate) fn is_head(folded: &str) -> bool {
    HEADS.get(folded).is_some()
}

/// Where the name starts among a mention's words (token index, folded), after the role words
/// that open it ("Bolivian Defense Minister Javier Zavaleta" → 3); 0 when no role opens it.
pub(crate) fn name_start(words: &[(usize, String)]) -> usize {
    let mut head = false;
    let mut i = 0;
    while let Some((_, w)) = words.get(i) {
        if HEADS.get(w).is_some() {
            head = true;
        } else if !(MODIFIERS.contains(w) || countries::of_word(w).is_some()) {
            break;
        }
        i += 1;
    }
    if head { i } else { 0 }
}

fn before_name(a: &Analysis, words: &[(usize, String)]) -> Option<Role> {
    let mut last_head: Option<(usize, Roles)> = None;
    let mut first_role_word = None;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].1.as_str();
        if let Some(r) = HEADS.get(w) {
            last_head = Some((i, r));
            first_role_word.get_or_insert(i);
        } else if MODIFIERS.contains(w) {
            first_role_word.get_or_insert(i);
        } else if countries::of_word(w).is_none() {
            break;
        }
        i += 1;
    }
    if let Some((h, roles)) = last_head {
        // Modifiers after the last role word belong to it ("Minister of Defense"); the name
        // starts at the first word that is neither.
        let from = first_role_word.unwrap_or(h);
        let end = words[..i].last().map_or(h, |(t, _)| *t);
        let span = a.tokens[words[from].0].span.start..a.tokens[end].span.end;
        let first = words[0].0;
        let former = words[..i].iter().any(|(_, w)| is_former(w))
            || (first > 0 && is_former(a.lower(first - 1)));
        return Some(Role {
            roles,
            span,
            name_start: i,
            former,
        })
        .filter(|r| r.name_start < words.len());
    }
    // A lower-case role word just before the mention, in the same sentence.
    let first = words.first()?.0;
    let prev = first.checked_sub(1)?;
    if a.sentence_of[prev] != a.sentence_of[first] || !a.tokens[prev].is_word() {
        return None;
    }
    // "former president", "ex-president", "the late president".
    let former = (prev.saturating_sub(2)..prev).any(|i| is_former(a.lower(i)));
    Some(Role {
        roles: head(a, prev)?,
        span: a.tokens[prev].span.clone(),
        name_start: 0,
        former,
    })
}

/// "Javier Zabaleta, the defense minister," / "Evo Morales, Bolivia's president, said": a comma
/// after the name, then determiners, the country and modifiers, then a role word that no name
/// follows (", President Mesa" names the next person).
fn after_name(a: &Analysis, words: &[(usize, String)]) -> Option<Role> {
    let last = words.last()?.0;
    let comma = last + 1;
    let sentence = a.sentence_of[last];
    let same = |i: usize| i < a.tokens.len() && a.sentence_of[i] == sentence;
    if !same(comma) || a.word(comma) != "," {
        return None;
    }
    let mut start = None;
    for i in comma + 1..(comma + 1 + APPOSITIVE_TOKENS).min(a.tokens.len()) {
        if !same(i) || !a.tokens[i].is_word() {
            return None;
        }
        let w = a.lower(i);
        if let Some(roles) = head(a, i) {
            let next_is_name =
                same(i + 1) && a.tokens[i + 1].is_word() && a.tokens[i + 1].capitalised;
            let from = start.unwrap_or(i);
            let former = (comma + 1..i).any(|k| is_former(a.lower(k)));
            return (!next_is_name).then(|| Role {
                roles,
                span: a.tokens[from].span.start..a.tokens[i].span.end,
                name_start: 0,
                former,
            });
        }
        let determiner = matches!(w, "the" | "a" | "an" | "its" | "his" | "her" | "their");
        let modifier = MODIFIERS.contains(w);
        let country =
            countries::of_word(crate::analysis::names::cues::strip_possessive(w)).is_some();
        if !(determiner || modifier || country) {
            return None;
        }
        if modifier && !determiner && start.is_none() {
            start = Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::names::cues::mention_words;
    use crate::document::{Document, Format};

    fn role(text: &str) -> Option<(String, String)> {
        let d = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&d);
        let m = a
            .mentions
            .iter()
            .find(|m| !m.sentence_initial || a.mentions.len() == 1)?;
        let words = mention_words(&a, m);
        let r = of_name(&a, &words)?;
        let name: Vec<&str> = words[r.name_start..]
            .iter()
            .map(|(t, _)| a.word(*t))
            .collect();
        Some((text[r.span].to_string(), name.join(" ")))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn role_words_before_a_name() {
        assert_eq!(
            role("He met President Ivor Morales."),
            pair("President", "Ivor Morales")
        );
        assert_eq!(
            role("He met Bolivian Defense Minister Javier Zabaleta."),
            pair("Defense Minister", "Javier Zabaleta")
        );
        assert_eq!(
            role("He met Minister of Defense Javier Zavaleta."),
            pair("Minister of Defense", "Javier Zavaleta")
        );
        assert_eq!(
            role("He met the defense minister Javier Zabaleta."),
            pair("minister", "Javier Zabaleta")
        );
        assert_eq!(
            role("He met Central Bank Governor Fatih Karahan."),
            pair("Central Bank Governor", "Fatih Karahan")
        );
    }

    #[test]
    fn appositive_roles() {
        assert_eq!(
            role("He met Javier Zabaleta, the defense minister, on Monday."),
            pair("defense minister", "Javier Zabaleta")
        );
        assert_eq!(
            role("He met Evo Morales, Bolivia's president."),
            pair("president", "Evo Morales")
        );
        // The next person's title, and a role too far.
        assert_eq!(role("He met Evo Morales, President Mesa and others."), None);
        assert_eq!(
            role("He met Evo Morales, who said the new defense minister was late."),
            None
        );
    }

    #[test]
    fn no_role_no_name() {
        assert_eq!(role("He met Javier Zabaleta."), None);
        assert_eq!(role("He met Defense Minister."), None);
        assert_eq!(role("He met General Ortiz."), None);
    }
}
