//! What the words around a name say about it: a person (a title before it, a speech verb after
//! it), a place (a preposition or "city of" before it), or nothing. Shared by the name checks.

use crate::analysis::words::{Lazy, WordSet};
use crate::analysis::{Analysis, Mention};
use crate::fuzzy;
use std::borrow::Cow;

/// Titles and roles written before a person's name ("President Morales", "agent Pasquali").
const TITLES: &[&str] = &[
    "president",
    "vice",
    "minister",
    "senator",
    "sen",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "governor",
    "gov",
    "mayor",
    "general",
    "gen",
    "judge",
    "justice",
    "chief",
    "director",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "sir",
    "dame",
    "lord",
    "lady",
    "captain",
    "capt",
    "coach",
    "manager",
    "ambassador",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "deputy",
    "premier",
    "agent",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "analyst",
    "economist",
    "scientist",
    "officer",
    "inspector",
    "sergeant",
    "sgt",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "commander",
    "cmdr",
    "admiral",
    "rabbi",
    "imam",
    "bishop",
    "archbishop",
    "cardinal",
    "father",
    "reverend",
    "rev",
    "sister",
    "brother",
    "dean",
    "emperor",
    "empress",
    "sultan",
    "emir",
    "speaker",
    "leader",
    "founder",
    "executive",
    "businessman",
    "businesswoman",
    "candidate",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "lawmaker",
    "mp",
    "attorney",
    "lawyer",
    "president-elect",
    "mayor-elect",
    "activist",
    "journalist",
    "correspondent",
    "singer",
    "actor",
    "actress",
    "player",
    "star",
    "champion",
    "runner",
    "winner",
    "incumbent",
    "challenger",
    "rival",
    "opponent",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "counsel",
    "historian",
    "professor",
    "researcher",
    "specialist",
    "superintendent",
    "commissar",
    "marshal",
    "pastor",
    "priest",
    "monk",
    "nun",
    "chef",
    "designer",
    "architect",
    "director-general",
    "secretary-general",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "head",
    "boss",
];

/// Verbs of saying and doing that follow a person's name ("Dizon told supporters").
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "explained",
    "argued",
    "noted",
    "wrote",
    "writes",
    "insisted",
    "warned",
    "replied",
    "responded",
    "urged",
    "recalled",
    "stressed",
    "conceded",
    "acknowledged",
    "admitted",
    "tweeted",
    "spoke",
    "speaks",
    "himself",
    "herself",
    "resigned",
    "married",
    "advised",
    "asked",
    "declined",
    "thanked",
    "testified",
];

/// Words before a place name ("in Santa Cruz", "the state of Santa Catarina").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "from",
    "to",
    "near",
    "into",
    "across",
    "outside",
    "inside",
    "around",
    "towards",
    "toward",
    "via",
    "throughout",
    "within",
    "between",
    "reach",
    "reached",
    "visited",
    "visit",
    "entered",
    "leaving",
    "left",
    // At sea, near a coast: "off Alaska".
    "off",
    // A part of a place: "in central Bangkok", "northern Italy".
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Units of government, a generic word that may end a place's name ("Iloilo City") and,
/// followed by "of", announce one ("the city of Sana Cruz").
pub(crate) const ADMINISTRATIVE_UNITS: &[&str] = &[
    "city",
    "province",
    "state",
    "region",
    "department",
    "district",
    "county",
    "municipality",
];

/// Nouns that, right before a name, announce a place ("the Serbian capital Belgrade"); not
/// "state" or "county", which also come before titles ("state Senator").
const PLACE_APPOSITION_NOUNS: &[&str] = &["capital", "city", "town", "village", "port", "island"];

/// Other nouns that, followed by "of", announce a place ("the town of Sana Cruz").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "village",
    "capital",
    "country",
    "continent",
    "island",
    "islands",
    "port",
    "suburb",
    "outskirts",
    "centre",
    "center",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "prefecture",
    "governorate",
    "canton",
    "territory",
    "republic",
    "kingdom",
    "villages",
    "towns",
    "cities",
    "streets",
    "people",
    "residents",
    "parts",
    "border",
    "borders",
    "coast",
    "shores",
    "heart",
    "mayor",
    "governor",
    "government",
];

static TITLE_SET: Lazy = Lazy::new(|| WordSet::new(TITLES));
static PERSON_VERB_SET: Lazy = Lazy::new(|| WordSet::new(PERSON_VERBS));
static PLACE_PREPOSITION_SET: Lazy = Lazy::new(|| WordSet::new(PLACE_PREPOSITIONS));
static PLACE_NOUN_SET: Lazy =
    Lazy::new(|| WordSet::new(&[ADMINISTRATIVE_UNITS, PLACE_NOUNS].concat()));

/// No title is longer, so an ASCII word can be lower-cased on the stack.
const LONGEST_TITLE: usize = 24;

/// Is the word a title or role ("President", "Sen.")? Any case; trailing dots are ignored.
pub(crate) fn is_title(word: &str) -> bool {
    if !word.is_ascii() {
        return TITLE_SET.contains(word.to_lowercase().trim_end_matches('.'));
    }
    let word = word.trim_end_matches('.');
    let mut buf = [0u8; LONGEST_TITLE];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    TITLE_SET.contains_bytes(lower)
}

/// [`is_title`] of token `i`, from the analysis' lower-case text (no copy to lower-case).
pub(crate) fn is_title_at(a: &Analysis, i: usize) -> bool {
    TITLE_SET.contains(a.lower(i).trim_end_matches('.'))
}

/// Calendar words are capitalised but never names of people or places.
pub(crate) fn is_calendar_word(folded: &str) -> bool {
    matches!(
        folded,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Does the sentence say this mention is a person: a title before it (inside the mention or
/// just before it), or a speech verb right after it?
pub(crate) fn person_context(a: &Analysis, first: usize, end: usize) -> bool {
    let toks = &a.tokens;
    let sentence = &a.sentences[a.sentence_of[first]];
    // A title or role word just before ("police chief Calderon", "President Morales").
    if first > sentence.tokens.start {
        let prev = first - 1;
        if toks[prev].is_word() && is_title_at(a, prev) {
            return true;
        }
    }
    // A verb of saying right after ("Dizon told"), or ", who".
    let mut j = end;
    if j < sentence.tokens.end && a.word(j) == "," {
        j += 1;
        if j < sentence.tokens.end && a.word(j).eq_ignore_ascii_case("who") {
            return true;
        }
        return false;
    }
    j < sentence.tokens.end && toks[j].is_word() && PERSON_VERB_SET.contains(a.lower(j))
}

/// Strength of the place cue before token `first`: 2 for "in X", "city of X", "state of X",
/// "border with X", a list whose previous item is a known place ("Kano, Katsina and X"); 1
/// for a weaker "of X", "at X"; 0 for none.
pub(crate) fn place_context(a: &Analysis, first: usize) -> u32 {
    let sentence = &a.sentences[a.sentence_of[first]];
    if first == sentence.tokens.start {
        return 0;
    }
    let prev = first - 1;
    let w = a.lower(prev);
    let before =
        (prev > sentence.tokens.start && a.tokens[prev - 1].is_word()).then(|| a.lower(prev - 1));
    match w {
        _ if PLACE_PREPOSITION_SET.contains(w) => 2,
        "of" if before.is_some_and(|b| PLACE_NOUN_SET.contains(b)) => 2,
        // A name "of" a name: a person's state or town ("Mike Lee of Utah"), an institution's
        // seat ("the University of Calgary").
        "of" if before.is_some()
            && a.tokens[prev - 1].capitalised
            && prev - 1 > sentence.tokens.start =>
        {
            2
        }
        "with" if matches!(before, Some("border" | "borders")) => 2,
        // A place noun in apposition: "the Serbian capital Belgrade", "the port city Odessa".
        _ if PLACE_APPOSITION_NOUNS.contains(&w) => 2,
        "of" | "at" => 1,
        "and" | "or" | "&" | "," => {
            // The previous item of the list: the whole name ending just before ("Tel Aviv").
            let Some(mut item_end) = prev.checked_sub(1).filter(|&i| i >= sentence.tokens.start)
            else {
                return 0;
            };
            // A serial comma: "Illinois, Ohio, and Arizona".
            if w != "," && a.word(item_end) == "," && item_end > sentence.tokens.start {
                item_end -= 1;
            }
            let m = a.mentions.partition_point(|m| m.tokens.start <= item_end);
            let Some(item) = m.checked_sub(1).map(|m| &a.mentions[m]) else {
                return 0;
            };
            if item.tokens.end != item_end + 1 {
                return 0;
            }
            let words = mention_words(a, item);
            let g = crate::gazetteer::gazetteer();
            let known = (0..words.len()).any(|from| {
                let text: Vec<&str> = words[from..].iter().map(|(_, w)| w.as_str()).collect();
                g.is_known(&text.join(" "))
            });
            if known { 2 } else { 0 }
        }
        _ => 0,
    }
}

/// Place evidence after the name at token `last`, on the scale of [`place_context`]: 2 when
/// the next item of a list is a known place ("California and Florida", the mirror of the list
/// cue before), the name is described as a place ("Italy, the country with …") or a unit of
/// government follows it in lower case ("the Oromia regional state").
pub(crate) fn place_context_after(a: &Analysis, last: usize) -> u32 {
    let same = |i: usize| i < a.tokens.len() && a.sentence_of[i] == a.sentence_of[last];
    let next_item_is_place = same(last + 2)
        && matches!(a.word(last + 1), "and" | "or" | "&")
        && a.tokens[last + 2].capitalised
        && a.mentions
            .binary_search_by_key(&(last + 2), |m| m.tokens.start)
            .is_ok_and(|m| {
                let words = mention_words(a, &a.mentions[m]);
                let text: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
                crate::gazetteer::gazetteer().is_known(&text.join(" "))
            });
    let described = same(last + 3)
        && a.word(last + 1) == ","
        && matches!(a.lower(last + 2), "the" | "a")
        && is_kind_of_place(a.lower(last + 3));
    // A unit of government in lower case after it: "the Oromia regional state", "the Sulu
    // region", "the Tbilisi city court" (capitalised, it would be part of the name).
    let unit = same(last + 1)
        && !a.tokens[last + 1].capitalised
        && a.tokens[last + 1].is_word()
        && (ADMINISTRATIVE_UNITS.contains(&a.lower(last + 1)) || a.lower(last + 1) == "regional");
    if next_item_is_place || described || unit {
        2
    } else {
        0
    }
}

/// A noun for a kind of place: "country", "capital", "province" …
fn is_kind_of_place(w: &str) -> bool {
    matches!(w, "country" | "nation")
        || ADMINISTRATIVE_UNITS.contains(&w)
        || PLACE_APPOSITION_NOUNS.contains(&w)
}

/// The name words of a mention: its word tokens as (token index, folded text), with a
/// possessive ending removed ("Morales's" → "morales").
pub(crate) fn mention_words(a: &Analysis, m: &Mention) -> Vec<(usize, String)> {
    let mut out = Vec::with_capacity(m.tokens.len());
    out.extend(
        m.tokens
            .clone()
            .filter(|&i| a.tokens[i].is_word())
            .map(|i| (i, fuzzy::fold(strip_possessive(a.word(i))))),
    );
    out
}

/// `fold(strip_possessive(word(i)))`, borrowed from the analysis' lower-case text when that is
/// the same: folding an ASCII word only lower-cases it and turns hyphens into spaces.
pub(crate) fn folded_word<'r>(a: &'r Analysis, i: usize) -> Cow<'r, str> {
    let word = strip_possessive(a.word(i));
    if word.bytes().all(|b| b.is_ascii() && b != b'-') {
        // Lower-casing keeps an ASCII prefix as long as it was.
        Cow::Borrowed(&a.lower(i)[..word.len()])
    } else {
        Cow::Owned(fuzzy::fold(word))
    }
}

/// "Morales's" → "Morales", "Bolivia’s" → "Bolivia".
pub(crate) fn strip_possessive(word: &str) -> &str {
    // Matched as bytes: `strip_suffix` would compare each ending with a call. (`’` is E2 80 99.)
    let ending = match word.as_bytes() {
        [.., b'\'', b's'] => 2,
        [.., 0xE2, 0x80, 0x99, b's'] => 4,
        _ => 0,
    };
    &word[..word.len() - ending]
}

/// Every letter is upper case (an acronym or a dateline: "OAS", "ANTOFAGASTA").
pub(crate) fn all_caps(word: &str) -> bool {
    // ASCII words byte by byte (most capitalised words fail at their second letter).
    let mut letters = 0;
    for b in word.bytes() {
        if !b.is_ascii() {
            return all_caps_by_char(word);
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        letters += usize::from(b.is_ascii_uppercase());
    }
    letters > 1
}

fn all_caps_by_char(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters > 1
}

/// Does a lower-case part follow token `i` across a hyphen ("Bong" in "Chung Bong-ju")?
pub(crate) fn continues_after_hyphen(a: &Analysis, i: usize) -> bool {
    let (hyphen, next) = (i + 1, i + 2);
    next < a.tokens.len()
        && a.tokens[hyphen].glued
        && a.tokens[next].glued
        && a.word(hyphen) == "-"
        && a.tokens[next].is_word()
        && !a.tokens[next].capitalised
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    fn with_analysis(text: &str, f: impl FnOnce(&Analysis)) {
        let d = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&d);
        f(&a)
    }

    fn token(a: &Analysis, w: &str) -> usize {
        (0..a.tokens.len()).find(|&i| a.word(i) == w).unwrap()
    }

    #[test]
    fn person_cues() {
        with_analysis(
            "Dizon told supporters. He met Mayor Dizon in Manila.",
            |a| {
                let first = token(a, "Dizon");
                assert!(person_context(a, first, first + 1));
                let second = (0..a.tokens.len())
                    .filter(|&i| a.word(i) == "Dizon")
                    .nth(1)
                    .unwrap();
                assert!(person_context(a, second, second + 1));
                let manila = token(a, "Manila");
                assert!(!person_context(a, manila, manila + 1));
            },
        );
    }

    #[test]
    fn place_cues() {
        with_analysis(
            "In the city of Sana Cruz, police met in Vilnuis. The son of Dizon spoke. Senator Mike \
             Lee of Utah and a professor at the University of Calgar met.",
            |a| {
                assert_eq!(place_context(a, token(a, "Sana")), 2);
                assert_eq!(place_context(a, token(a, "Vilnuis")), 2);
                assert_eq!(place_context(a, token(a, "Dizon")), 1);
                assert_eq!(place_context(a, token(a, "Utah")), 2);
                assert_eq!(place_context(a, token(a, "Calgar")), 2);
                assert_eq!(place_context(a, token(a, "Cruz")), 0);
                assert_eq!(place_context(a, token(a, "In")), 0);
            },
        );
        with_analysis(
            "Offices in Buenos Aires, Mnuich and La Paz. Talks with Dizon and Mnuich. Votes in \
             Illinois, Ohio, and Arikzona. Protests in the Serbian capital Belgrede grew, in \
             central Bangko and off Alaqska.",
            |a| {
                assert_eq!(place_context(a, token(a, "Mnuich")), 2);
                assert_eq!(place_context(a, token(a, "Arikzona")), 2);
                assert_eq!(place_context(a, token(a, "Belgrede")), 2);
                assert_eq!(place_context(a, token(a, "Bangko")), 2);
                assert_eq!(place_context(a, token(a, "Alaqska")), 2);
                let second = (0..a.tokens.len())
                    .filter(|&i| a.word(i) == "Mnuich")
                    .nth(1)
                    .unwrap();
                assert_eq!(place_context(a, second), 0);
            },
        );
    }

    #[test]
    fn titles_in_any_case() {
        assert!(TITLES.iter().all(|t| t.len() <= LONGEST_TITLE));
        for w in [
            "President",
            "SEN.",
            "mr",
            "Dr.",
            "director-general",
            "Sec",
            "Kingdom",
            "",
        ] {
            let slow = TITLES.contains(&w.to_lowercase().trim_end_matches('.'));
            assert_eq!(is_title(w), slow, "{w}");
        }
        assert!(is_title("\u{212a}ing"), "Kelvin sign lower-cases to k");
        with_analysis(
            "President Lula, SEN. Smith, Dr. Who, Director-General Ko, \u{212a}ing Olaf, \
             Präsident Ruiz and MR Bean met Sec Ollie, ΣOS and Kingdom Come.",
            |a| {
                for i in 0..a.tokens.len() {
                    assert_eq!(is_title_at(a, i), is_title(a.word(i)), "{}", a.word(i));
                }
            },
        );
    }

    #[test]
    fn possessives_and_caps() {
        assert_eq!(strip_possessive("Morales's"), "Morales");
        assert_eq!(strip_possessive("Bolivia’s"), "Bolivia");
        for (word, stripped) in [
            ("'s", ""),
            ("’s", ""),
            ("s", "s"),
            ("Morales'", "Morales'"),
            ("Morales’", "Morales’"),
            ("Nuñez’s", "Nuñez"),
            ("ʼs", "ʼs"),
            ("", ""),
        ] {
            assert_eq!(strip_possessive(word), stripped, "{word}");
        }
        assert!(all_caps("OAS"));
        assert!(!all_caps("Oas"));
        assert!(!all_caps("I"));
    }
}
