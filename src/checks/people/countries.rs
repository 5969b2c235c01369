//! Which countries an article is about: country names ("Bolivia", "Bolivia's"), demonyms
//! ("Bolivian", "Bolivians"), and places whose country the gazetteer knows ("Cochabamba", "in
//! Santa Cruz"). A listed officeholder is only suggested for an article that mentions his or
//! her country.

use crate::analysis::Analysis;
use crate::analysis::names::cues::{all_caps, mention_words};
use crate::fast_hash::Memo;
use crate::gazetteer::{self, PlaceKind, is_common_word};
use crate::people;
use std::ops::Range;

/// Demonyms that no ending rule below turns into their country's name.
const IRREGULAR: &[(&str, &str)] = &[
    ("afghan", "AF"),
    ("american", "US"),
    ("argentine", "AR"),
    ("azeri", "AZ"),
    ("belgian", "BE"),
    ("british", "GB"),
    ("burmese", "MM"),
    ("comorian", "KM"),
    ("croat", "HR"),
    ("czech", "CZ"),
    ("danish", "DK"),
    ("dominican", "DO"),
    ("dutch", "NL"),
    ("ecuadorean", "EC"),
    ("ecuadorian", "EC"),
    ("egyptian", "EG"),
    ("emirati", "AE"),
    ("english", "GB"),
    ("filipina", "PH"),
    ("filipino", "PH"),
    ("finnish", "FI"),
    ("french", "FR"),
    ("german", "DE"),
    ("greek", "GR"),
    ("guinean", "GN"),
    ("icelandic", "IS"),
    ("irish", "IE"),
    ("kazakh", "KZ"),
    ("korean", "KR"),
    ("kosovar", "XK"),
    ("kyrgyz", "KG"),
    ("lao", "LA"),
    ("laotian", "LA"),
    ("malagasy", "MG"),
    ("mauritian", "MU"),
    ("montenegrin", "ME"),
    ("mozambican", "MZ"),
    ("nepali", "NP"),
    ("nigerien", "NE"),
    ("norwegian", "NO"),
    ("panamanian", "PA"),
    ("peruvian", "PE"),
    ("polish", "PL"),
    ("portuguese", "PT"),
    ("salvadoran", "SV"),
    ("salvadorean", "SV"),
    ("saudi", "SA"),
    ("scottish", "GB"),
    ("serb", "RS"),
    ("slovak", "SK"),
    ("slovene", "SI"),
    ("soviet", "SU"),
    ("spanish", "ES"),
    ("swedish", "SE"),
    ("swiss", "CH"),
    ("tajik", "TJ"),
    ("thai", "TH"),
    ("turkish", "TR"),
    ("turkmen", "TM"),
    ("uzbek", "UZ"),
    ("welsh", "GB"),
];

/// Demonym endings and what replaces them in the country's name: Bolivia-n, Chile-an,
/// Brazil-ian, Ital-ian/y, Mexic-an/o, Sudan-ese, Chin-ese/a, Pakistan-i.
const ENDINGS: &[(&str, &[&str])] = &[
    ("n", &[""]),
    ("an", &["", "o", "a"]),
    ("ian", &["", "y", "e", "i", "a"]),
    ("ese", &["", "a", "o", "e", "al", "on"]),
    ("i", &[""]),
];

/// The country a single (folded) word names, as its name or its demonym, singular or plural:
/// "bolivia", "bolivian", "bolivians" → BO. Remembered per thread: it takes a few gazetteer
/// look-ups, and an article's words come back.
pub(super) fn of_word(folded: &str) -> Option<&'static str> {
    thread_local! {
        static COUNTRY: Memo<Option<&'static str>> = Memo::new();
    }
    if folded.len() < 4 || !folded.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    COUNTRY.with(|m| m.get(folded, look_up))
}

fn look_up(folded: &str) -> Option<&'static str> {
    let g = gazetteer::gazetteer();
    if let Some(cc) = g.country(folded) {
        return Some(cc);
    }
    let singular = folded.strip_suffix('s').unwrap_or(folded);
    if let Ok(i) = IRREGULAR.binary_search_by_key(&singular, |(w, _)| w) {
        return Some(IRREGULAR[i].1);
    }
    let mut name = String::with_capacity(singular.len() + 2);
    for (ending, replacements) in ENDINGS {
        let Some(stem) = singular.strip_suffix(ending) else {
            continue;
        };
        if stem.len() < 3 {
            continue;
        }
        for r in *replacements {
            name.clear();
            name.push_str(stem);
            name.push_str(r);
            if let Some(cc) = g.country(&name) {
                return Some(cc);
            }
        }
    }
    None
}

/// Country abbreviations the gazetteer lacks, as an article writes them (folded): "US",
/// "U.S." (the tokens U . S), "UK", "DRC".
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("dprk", "KP"),
    ("drc", "CD"),
    ("eu", "EU"),
    ("prc", "CN"),
    ("uae", "AE"),
    ("uk", "GB"),
    ("us", "US"),
    ("usa", "US"),
];

/// The country of an all-capital abbreviation at token `i` ("US", "UK"), or of a dotted one
/// starting there ("U.S.", "U.K."), with the index of its last token.
fn abbreviation(a: &Analysis, i: usize) -> Option<(&'static str, usize)> {
    let word = a.word(i);
    if word.len() >= 2 && all_caps(word) {
        let lower = a.lower(i);
        let k = ABBREVIATIONS
            .binary_search_by_key(&lower, |(w, _)| w)
            .ok()?;
        return Some((ABBREVIATIONS[k].1, i));
    }
    // "U.S.": single capitals, each with its period, glued together.
    let mut letters = String::new();
    let mut j = i;
    while j + 1 < a.tokens.len()
        && a.word(j).len() == 1
        && a.tokens[j].capitalised
        && a.word(j + 1) == "."
        && a.tokens[j + 1].glued
        && (j == i || a.tokens[j].glued)
    {
        letters.push_str(a.lower(j));
        j += 2;
    }
    if letters.len() < 2 {
        return None;
    }
    let k = ABBREVIATIONS
        .binary_search_by_key(&letters.as_str(), |(w, _)| w)
        .ok()?;
    Some((ABBREVIATIONS[k].1, j - 1))
}

/// A mention of a country in the article.
#[derive(Debug, Clone)]
pub(super) struct Evidence {
    pub country: &'static str,
    /// Byte span of the words that name it.
    pub span: Range<usize>,
    /// The sentence it is in.
    pub sentence: usize,
}

/// Every mention of a country in the article, in order: country names and demonyms anywhere
/// in a name ("Bolivian Defense Minister", "Bank of Bolivia"), and whole names of places the
/// gazetteer knows ("Cochabamba", "In Santa Cruz"), unless the name is also a listed surname
/// ("Morales" is a town in Guatemala, and a president of Bolivia).
pub(super) fn in_article(a: &Analysis) -> Vec<Evidence> {
    let g = gazetteer::gazetteer();
    let mut out = Vec::new();
    let mut i = 0;
    while i < a.tokens.len() {
        if a.tokens[i].capitalised
            && let Some((country, last)) = abbreviation(a, i)
        {
            let span = a.tokens[i].span.start..a.tokens[last].span.end;
            out.push(Evidence {
                country,
                span,
                sentence: a.sentence_of[i],
            });
            i = last + 1;
            continue;
        }
        i += 1;
    }
    let mut phrase = String::new();
    for m in &a.mentions {
        let words = mention_words(a, m);
        // Country names of up to three words ("Sri Lanka", "United Arab Emirates") and
        // demonyms.
        let mut i = 0;
        while i < words.len() {
            let mut found = None;
            for k in (1..=3.min(words.len() - i)).rev() {
                phrase.clear();
                for (j, (_, w)) in words[i..i + k].iter().enumerate() {
                    if j > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(w);
                }
                let cc = if k == 1 {
                    of_word(&phrase)
                } else {
                    g.country(&phrase)
                };
                if let Some(cc) = cc {
                    found = Some((cc, k));
                    break;
                }
            }
            match found {
                Some((country, k)) if !all_caps(a.word(words[i].0)) || k > 1 => {
                    let span =
                        a.tokens[words[i].0].span.start..a.tokens[words[i + k - 1].0].span.end;
                    out.push(Evidence {
                        country,
                        span,
                        sentence: a.sentence_of[words[i].0],
                    });
                    i += k;
                }
                _ => i += 1,
            }
        }
        // The whole name as a place, less a sentence's first ordinary word ("In Santa Cruz").
        let mut from = 0;
        while from + 1 < words.len() && is_common_word(&words[from].1) {
            from += 1;
        }
        let rest = &words[from..];
        if rest.is_empty() || rest.iter().any(|(t, _)| all_caps(a.word(*t))) {
            continue;
        }
        phrase.clear();
        for (j, (_, w)) in rest.iter().enumerate() {
            if j > 0 {
                phrase.push(' ');
            }
            phrase.push_str(w);
        }
        if people::is_surname(&phrase) || is_common_word(&phrase) {
            continue;
        }
        // Of the places sharing a name, the largest is the likeliest meant ("Santa Cruz": the
        // Bolivian city of 1.4 million, not the Philippine one of 126,000).
        let largest = g
            .places(&phrase)
            .filter(|p| !p.country.is_empty())
            .max_by_key(|p| (p.kind == PlaceKind::Country, p.population));
        if let Some(place) = largest {
            let span = a.tokens[rest[0].0].span.start..a.tokens[rest[rest.len() - 1].0].span.end;
            out.push(Evidence {
                country: place.country,
                span,
                sentence: a.sentence_of[rest[0].0],
            });
        }
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out.dedup_by(|x, y| x.span == y.span && x.country == y.country);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    #[test]
    fn tables_are_sorted() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn demonyms_and_names() {
        for (word, cc) in [
            ("bolivia", "BO"),
            ("bolivian", "BO"),
            ("bolivians", "BO"),
            ("chilean", "CL"),
            ("brazilian", "BR"),
            ("italian", "IT"),
            ("mexican", "MX"),
            ("sudanese", "SD"),
            ("chinese", "CN"),
            ("pakistani", "PK"),
            ("kenyan", "KE"),
            ("guatemalan", "GT"),
            ("georgian", "GE"),
            ("nigerian", "NG"),
            ("peruvian", "PE"),
        ] {
            assert_eq!(of_word(word), Some(cc), "{word}");
        }
        for word in ["morales", "police", "christian", "ivor", "roman"] {
            assert_eq!(of_word(word), None, "{word}");
        }
    }

    #[test]
    fn places_in_an_article() {
        let text = "Bolivian police met in Cochabamba. In Santa Cruz, Morales spoke. \
                    The Bank of Guatemala agreed with the U.S. and the UK.";
        let d = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&d);
        let found: Vec<(&str, &str)> = in_article(&a)
            .iter()
            .map(|e| (e.country, &text[e.span.clone()]))
            .collect();
        assert_eq!(
            found,
            vec![
                ("BO", "Bolivian"),
                ("BO", "Cochabamba"),
                ("BO", "Santa Cruz"),
                ("GT", "Guatemala"),
                ("US", "U.S."),
                ("GB", "UK")
            ]
        );
    }
}
