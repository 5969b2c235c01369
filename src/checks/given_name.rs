//! `given-name`: one person's given name written two ways ("Fatih Karahan" twice, "Faruk
//! Karahan" once). Two people often share a family name, so the rarer full name is reported
//! only when nothing says it is someone else: it comes with no title, role or apposition that
//! introduces a new person, no family word, no list of people, and the family name is not one
//! that many unrelated people have.

use super::support::count_facts::no_options;
use super::support::known::word_span;
use super::{Check, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::names::cues::{all_caps, is_calendar_word, is_title_at, strip_possessive};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fast_hash::FastMap;
use crate::fuzzy::{fold, letters};
use crate::gazetteer;

struct GivenName;

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("given-name", include_str!("../../docs/kinds/given-name.md")),
    build: |v, _| {
        no_options(v)?;
        Ok(Box::new(GivenName))
    },
};

/// Words that say the name is a relative's: a family shares its name.
const FAMILY_WORDS: &[&str] = &[
    "wife",
    "husband",
    "son",
    "sons",
    "daughter",
    "daughters",
    "brother",
    "brothers",
    "sister",
    "sisters",
    "father",
    "mother",
    "widow",
    "widower",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "child",
    "children",
    "family",
    "relative",
    "related",
    "relation",
    "sibling",
    "siblings",
    "twin",
    "parents",
    "spouse",
    "stepson",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "fiancé",
    "fiancée",
    "partner",
    "heir",
    "dynasty",
];

/// Words before a name that do not introduce a new person: the name is a subject or an object
/// of the sentence as a known person's would be.
const BARE_BEFORE: &[&str] = &[
    "and", "but", "while", "as", "that", "said", "says", "added", "told", "when", "after",
    "before", "because", "then", "so", "where", "although", "though", "yet",
];

/// Reporting verbs: a name between a comma and one of them is the sentence's speaker ("…, Chan
/// Fei told a news conference"), not an apposition.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "noted",
    "stated",
    "announced",
    "warned",
];

/// One use of a full name: the given name's token and the family name's.
#[derive(Clone, Copy)]
struct Use {
    given: usize,
    family: usize,
}

impl Check for GivenName {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        // Family name → given name → its uses, in order of first use.
        let mut families: FastMap<String, Vec<(String, Vec<Use>)>> = FastMap::default();
        for m in &a.mentions {
            let Some(u) = full_name(a, m.tokens.clone()) else {
                continue;
            };
            let given = fold(a.word(u.given));
            let names = families
                .entry(fold(strip_possessive(a.word(u.family))))
                .or_default();
            match names.iter_mut().find(|(g, _)| *g == given) {
                Some((_, uses)) => uses.push(u),
                None => names.push((given, vec![u])),
            }
        }
        for (family, names) in &families {
            let [(_, first), (_, second)] = names.as_slice() else {
                continue;
            };
            let (usual, odd) = match (first.len(), second.len()) {
                (n, 1) if n >= 2 => (first, second[0]),
                (1, n) if n >= 2 => (second, first[0]),
                // Once each: the one introduced first, if the second is a slip of it (see
                // `slipped_after_introduction`).
                (1, 1) if slipped_after_introduction(a, family, first[0], second[0]) => {
                    (first, second[0])
                }
                _ => continue,
            };
            // A family name many people share says nothing about one person.
            if (gazetteer::is_proper_word(family) && usual.len() >= 2) || someone_else(a, odd) {
                continue;
            }
            out.push(report(a, usual, odd));
        }
    }
}

/// The given and family name of a mention written as "Given Family" (after any titles), when
/// both look like names: no ordinary word, calendar word, initials or word in capitals, and no
/// third name (a middle name is no other given name).
fn full_name(a: &Analysis, tokens: std::ops::Range<usize>) -> Option<Use> {
    let words: Vec<usize> = tokens.filter(|&i| a.tokens[i].is_word()).collect();
    let start = words.iter().position(|&i| !is_title_at(a, i))?;
    let [given, family] = words[start..] else {
        return None;
    };
    // "Russia's Navalny" is no given name.
    let given_word = a.word(given);
    if family != given + 1
        || a.is_foreign(given)
        || a.is_tag(given)
        || strip_possessive(given_word) != given_word
    {
        return None;
    }
    let looks_like_a_name = |i: usize, min: usize| {
        let w = strip_possessive(a.word(i));
        let f = fold(w);
        a.tokens[i].capitalised
            && !all_caps(w)
            && letters(w) >= min
            && !gazetteer::is_common_word(&f)
            && !is_calendar_word(&f)
    };
    (looks_like_a_name(given, 2) && looks_like_a_name(family, 3)).then_some(Use { given, family })
}

/// Does the text say the one-off full name is another person: a title or role before it, an
/// apposition after it, a family word near it, or other names listed beside it?
fn someone_else(a: &Analysis, u: Use) -> bool {
    let sentence = &a.sentences[a.sentence_of[u.given]].tokens;
    let word_at = |i: usize| (sentence.contains(&i)).then(|| a.lower(i));
    // The mention's own first token: a title before the given name introduces a person.
    let mut start = u.given;
    while start > sentence.start && a.tokens[start - 1].is_word() && is_title_at(a, start - 1) {
        start -= 1;
    }
    if start < u.given {
        return true;
    }
    let before = start.checked_sub(1).and_then(word_at);
    let after = word_at(u.family + 1);
    let speaker = word_at(u.family + 1).is_some_and(|w| SPEECH_VERBS.contains(&w));
    let introduced_before = match before {
        None => false,
        Some(",") => !speaker,
        Some(w) => {
            let t = &a.tokens[start - 1];
            t.is_word() && !t.capitalised && !BARE_BEFORE.contains(&w)
        }
    };
    // ", a reporter", ", who", "(the minister)".
    let introduced_after = match after {
        Some("(") => true,
        Some(",") => word_at(u.family + 2).is_some_and(|w| {
            let t = &a.tokens[u.family + 2];
            t.is_word() && !t.capitalised && !SPEECH_VERBS.contains(&w)
        }),
        _ => false,
    };
    // "Subeksha Khadka and Nagma Shrestha": one of a list of people.
    let listed = matches!(before, Some("and" | "&" | "or"))
        && start >= 2
        && a.tokens[start - 2].is_word()
        && a.tokens[start - 2].capitalised
        || matches!(after, Some("and" | "&" | "or"))
            && u.family + 2 < sentence.end
            && a.tokens[u.family + 2].capitalised;
    let window = sentence.start.max(start.saturating_sub(6))..sentence.end.min(u.family + 7);
    let family_word = window
        .clone()
        .any(|i| FAMILY_WORDS.contains(&a.lower(i)) || a.lower(i) == "not" && related_after(a, i));
    introduced_before || introduced_after || listed || family_word
}

/// "Captain Julian Rojas, who leads the rescue teams" … "Rojas said" … "Julio Rojas told
/// reporters": a full name introduced with a title, its family name then used alone, and
/// the full name written again with a given name a letter or two off the first (the same
/// first three letters) is the one person, slipped, even under a common family name.
fn slipped_after_introduction(a: &Analysis, family: &str, first: Use, later: Use) -> bool {
    let (g1, g2) = (fold(a.word(first.given)), fold(a.word(later.given)));
    let prefix = |s: &str| s.chars().take(3).collect::<String>();
    let introduced = first.given > 0 && is_title_at(a, first.given - 1);
    let alone_between = (first.family + 1..later.given).any(|i| {
        a.tokens[i].capitalised
            && fold(strip_possessive(a.word(i))) == family
            && !(i > 0 && a.tokens[i - 1].capitalised && a.tokens[i - 1].is_word())
    });
    introduced
        && alone_between
        && first.given < later.given
        && prefix(&g1) == prefix(&g2)
        && crate::fuzzy::distance(&g1, &g2) <= 2
}

/// "not related", "no relation": said of two people who share a name.
fn related_after(a: &Analysis, i: usize) -> bool {
    i + 1 < a.tokens.len() && matches!(a.lower(i + 1), "related" | "relation")
}

fn report(a: &Analysis, usual: &[Use], odd: Use) -> Diagnostic {
    let usual_name = format!("{} {}", a.word(usual[0].given), a.word(usual[0].family));
    let odd_name = format!("{} {}", a.word(odd.given), a.word(odd.family));
    let times = match usual.len() {
        1 => "where the article introduces the name".to_string(),
        2 => "twice elsewhere".to_string(),
        n => format!("{n} times elsewhere"),
    };
    let span = word_span(a, odd.given, odd.given);
    let right = a.word(usual[0].given).to_string();
    Diagnostic::new(
        word_span(a, odd.given, odd.family),
        format!(
            "'{odd_name}' here, '{usual_name}' {times}: if they are one person, the first name \
             differs"
        ),
    )
    .with_primary_label("first name differs")
    .with_label(
        word_span(a, usual[0].given, usual[0].family),
        format!("'{usual_name}' here"),
    )
    .with_help(format!(
        "if it is the same person, write '{usual_name}'; if not, say who '{odd_name}' is"
    ))
    .with_fix(span, right, Applicability::Unsafe)
}

#[cfg(test)]
mod tests {
    fn reported(text: &str) -> Vec<String> {
        crate::checks::tests_support::diagnostics(&super::KIND, "", text, None)
            .into_iter()
            .map(|d| text[d.span].to_string())
            .collect()
    }

    #[test]
    fn a_name_introduced_once_and_slipped_once() {
        let text = "Twelve are dead, said Captain Julian Rojas, who leads the rescue teams. Rojas \
                    said the first bodies were found. Julio Rojas told reporters gas remained.";
        assert_eq!(reported(text), ["Julio Rojas"]);
        for ok in [
            // No title at the first mention, no family name alone between them.
            "Julian Rojas spoke. Rojas left. Julio Rojas stayed.",
            "Captain Julian Rojas spoke. Julio Rojas stayed.",
            // Given names that are not a slip of each other.
            "Captain Julian Rojas spoke. Rojas left. Maria Rojas stayed.",
            // The later one said to be someone else.
            "Captain Julian Rojas spoke. Rojas left. His brother Julio Rojas stayed.",
        ] {
            assert!(reported(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn a_given_name_written_once_otherwise_is_reported() {
        for (text, odd) in [
            (
                "The bank raised rates, the first rise since Governor Fatih Karahan took office. \
                 Karahan spoke on Monday. Fatih Karahan will present the report on May 9, and \
                 Faruk Karahan said the committee would meet again.",
                "Faruk Karahan",
            ),
            (
                "\"We proved every link,\" NAB prosecutor Irfan Bhola told reporters. Farhan \
                 Bhola said the bureau would recover the land. Irfan Bhola said the witnesses \
                 were heard.",
                "Farhan Bhola",
            ),
            (
                "\"We will not give up,\" said Chen Fei, the mayor. One miner died in hospital, \
                 Chan Fei told a news conference. Chen Fei said the blast was investigated.",
                "Chan Fei",
            ),
        ] {
            assert_eq!(reported(text), [odd], "{text}");
        }
    }

    #[test]
    fn other_people_with_the_family_name_are_left_alone() {
        for text in [
            // A title, a role or an apposition introduces someone new.
            "Barack Obama spoke. Barack Obama left. Former First Lady Michelle Obama gave the address.",
            "Amr Moussa won. Amr Moussa thanked voters. Jenan Moussa, a reporter, tweeted.",
            "Hendra Siregar said so. Hendra Siregar left. The commissioner, Mutiara Siregar, disagreed.",
            "Kamindu Mendis scored. Kamindu Mendis batted on with Kusal Mendis, who is not related.",
            // Family words.
            "Hana Kimura died. Hana Kimura was 22. Her mother is the wrestler Kyoko Kimura.",
            "Ginger Baker died. Ginger Baker was 80. He is survived by his wife Nettie Baker.",
            // Lists of people.
            "Shristi Shrestha won. Shristi Shrestha smiled. Subeksha Khadka and Nagma Shrestha were crowned.",
            // A family name many people have.
            "Serena Williams won. Serena Williams smiled. Venus Williams lost.",
            // Two given names used as often, or a middle name.
            "Joe Biden spoke. Hunter Biden spoke. Joe Biden left. Hunter Biden left.",
            "Perry Christie won. Perry Christie spoke. Percival Gladstone Christie, they wrote.",
            // Not given names: calendar words, titles, a place's possessive.
            "Kyriakos Mitsotakis spoke. Kyriakos Mitsotakis left. On Tuesday Mitsotakis met them.",
            "Alexei Navalny fell ill. Alexei Navalny was flown out. Russia's Navalny airlifted.",
            // A name after a preposition is introduced by what it did.
            "Suruk Rodrigues read. Suruk Rodrigues sang. The last piece was by Ary Rodrigues.",
        ] {
            assert!(reported(text).is_empty(), "{text}: {:?}", reported(text));
        }
    }
}
