//! Slips inside a passage in another language ("Marcharon muchos en diferentes ciudades de
//! Colombbia"). There, places are spelt that language's way ("Brasil", "Irak", "Kenia",
//! "Rusia", "Bagdad", "Tunisie"), so the evidence of an English sentence (cues, size, length)
//! says nothing. A name is reported only when it is a keystroke away from a place the article
//! itself writes right elsewhere, and that keystroke is none another language spells
//! differently: a letter doubled, dropped, inserted next to its key's neighbour, swapped with
//! the next, or struck for a neighbouring key; never a vowel for a vowel, `s` for `z`, `b` for
//! `v`, an `h` more or less, a double letter written single, nor a change to a word's last
//! letter (where other languages inflect: "Srbija"/"Srbiji", "Ukraina"/"Ukrainy").

use super::{CapitalisedWords, Context, Gazetteer, Lazy, MentionWords, Word, report};
use crate::analysis::Analysis;
use crate::analysis::names::cues;
use crate::analysis::names::cues::person_context;
use crate::checks::support::known::word_span;
use crate::diagnostic::Diagnostic;
use crate::fuzzy::fold;
use crate::gazetteer as gz;

/// The keys next to each letter on a QWERTY keyboard.
fn neighbours(c: char) -> &'static str {
    match c {
        'q' => "wa",
        'w' => "qeas",
        'e' => "wrsd",
        'r' => "etdf",
        't' => "ryfg",
        'y' => "tugh",
        'u' => "yihj",
        'i' => "uojk",
        'o' => "ipkl",
        'p' => "ol",
        'a' => "qwsz",
        's' => "adwezx",
        'd' => "sferxc",
        'f' => "dgrtcv",
        'g' => "fhtyvb",
        'h' => "gjyubn",
        'j' => "hkuinm",
        'k' => "jliom",
        'l' => "kop",
        'z' => "asx",
        'x' => "zcsd",
        'c' => "xvdf",
        'v' => "cbfg",
        'b' => "vngh",
        'n' => "bmhj",
        'm' => "njk",
        _ => "",
    }
}

fn adjacent(x: char, y: char) -> bool {
    neighbours(x).contains(y)
}

fn vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Letters other languages write where English writes the other one: a sound, not a key.
fn sound_pair(x: char, y: char) -> bool {
    (vowel(x) && vowel(y)) || matches!((x, y), ('s', 'z') | ('z', 's') | ('b', 'v') | ('v', 'b'))
}

/// Is `found` (folded) `form` (folded) with one keystroke slip no other language's spelling
/// explains (see the module docs)?
pub(super) fn keystroke_slip(found: &str, form: &str) -> bool {
    let f: Vec<char> = found.chars().collect();
    let g: Vec<char> = form.chars().collect();
    let prefix = f.iter().zip(&g).take_while(|(x, y)| x == y).count();
    let room = f.len().min(g.len()) - prefix;
    let suffix = f
        .iter()
        .rev()
        .zip(g.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let (fm, gm) = (&f[prefix..f.len() - suffix], &g[prefix..g.len() - suffix]);
    // The letter after the change in the longer spelling: a change at a word's end is not one.
    let after = |s: &[char], at: usize| s.get(at).copied().filter(|c| c.is_alphabetic());
    if prefix == 0 {
        return false;
    }
    let before = g[prefix - 1];
    match (fm, gm) {
        // A letter more: doubled, or a neighbour of a letter beside it; not a vowel or an `h`
        // (other languages add both: "Teherán").
        ([c], []) => {
            let Some(next) = after(&f, prefix + 1) else {
                return false;
            };
            *c != 'h'
                && !vowel(*c)
                && (*c == before || *c == next || adjacent(*c, before) || adjacent(*c, next))
        }
        // A letter less, neither an `h` nor one of a double.
        ([], [c]) => {
            let Some(next) = after(&g, prefix + 1) else {
                return false;
            };
            *c != 'h' && *c != before && *c != next
        }
        // A neighbouring key.
        ([x], [y]) => after(&g, prefix + 1).is_some() && adjacent(*x, *y) && !sound_pair(*x, *y),
        // Two letters swapped.
        ([x1, x2], [y1, y2]) => x1 == y2 && x2 == y1 && x1 != x2 && after(&g, prefix + 2).is_some(),
        _ => false,
    }
}

impl Gazetteer {
    /// Reports `phrase`, in a passage in another language, when it is a keystroke slip of a
    /// place the article writes right elsewhere; true when it reported it. A name after a
    /// lower-case word of that language is tried alone too ("Et la Francxe").
    pub(super) fn consider_foreign(
        &self,
        cx: &Context,
        lazy: &mut Lazy,
        mention_words: &MentionWords,
        phrase: &[Word],
        out: &mut Vec<Diagnostic>,
    ) -> bool {
        let a = cx.analysis;
        if self.foreign_slip(cx, lazy, mention_words, phrase, out) {
            return true;
        }
        let tail = phrase
            .iter()
            .rposition(|w| !a.tokens[w.token].capitalised)
            .map_or(phrase, |k| &phrase[k + 1..]);
        tail.len() < phrase.len() && self.foreign_slip(cx, lazy, mention_words, tail, out)
    }

    fn foreign_slip(
        &self,
        cx: &Context,
        lazy: &mut Lazy,
        mention_words: &MentionWords,
        phrase: &[Word],
        out: &mut Vec<Diagnostic>,
    ) -> bool {
        let a = cx.analysis;
        if phrase.is_empty() || phrase.len() > 4 || phrase.iter().all(Word::ordinary) {
            return false;
        }
        let (first, last) = (phrase[0].token, phrase[phrase.len() - 1].token);
        let mut text = String::new();
        super::join_into(&mut text, phrase);
        if self.no_name_to_compare(cx, phrase, &text, phrase.len() == 1)
            || person_context(a, first, last + 1)
            || phrase
                .iter()
                .any(|w| cx.knowledge.is_person_word(&w.folded))
        {
            return false;
        }
        let capitalised = lazy
            .capitalised
            .get_or_insert_with(|| super::CapitalisedWords::new(a));
        // Compared as written, but for the vowels' accents (see `raw`): "Pamamá" is a slip
        // of the "Panama" the article writes, "Cataluna" no slip of its "Catalunya".
        let found = raw(a, phrase.iter().map(|w| w.token));
        let Some(place) = gz::gazetteer().near(&text, 1).into_iter().find(|p| {
            let form = fold(p.form);
            keystroke_slip(&text, &form) && written_right(a, capitalised, &form, &found)
        }) else {
            return false;
        };
        let span = word_span(a, first, last);
        if self.vetoed_late(cx, lazy, mention_words, phrase, &text, &span) {
            return false;
        }
        let shown = &a.text[span.clone()];
        out.push(report(shown, &text, &place, false, span));
        true
    }
}

/// The words at these tokens as written, in lower case, without a possessive ending, and
/// with their vowels' accents dropped: a stress mark is one language's and another's way of
/// writing a vowel ("Bogotá", "Bogota"), but `ñ` and `ç` are letters of their own
/// ("Cataluña" is no slip of "Catalunya").
fn raw(a: &Analysis, tokens: impl Iterator<Item = usize>) -> String {
    let mut out = String::new();
    for i in tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in cues::strip_possessive(a.word(i))
            .chars()
            .flat_map(char::to_lowercase)
        {
            let plain = fold(c.encode_utf8(&mut [0; 4]));
            match plain.as_str() {
                "a" | "e" | "i" | "o" | "u" | "y" => out.push_str(&plain),
                _ => out.push(c),
            }
        }
    }
    out
}

/// Does the article write the place (`form`, folded) elsewhere in a spelling `found` (as
/// written) is a keystroke slip of?
fn written_right(a: &Analysis, capitalised: &CapitalisedWords, form: &str, found: &str) -> bool {
    let words: Vec<&str> = form.split(' ').collect();
    capitalised.0.get(words[0]).is_some_and(|starts| {
        starts.iter().any(|&i| {
            let at = i..i + words.len();
            at.end <= a.tokens.len()
                && at.clone().zip(&words).all(|(j, w)| {
                    a.tokens[j].is_word() && fold(cues::strip_possessive(a.word(j))) == *w
                })
                && keystroke_slip(found, &raw(a, at))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::keystroke_slip;

    #[test]
    fn keystroke_slips() {
        for (found, form) in [
            ("colombbia", "colombia"),
            ("indoesia", "indonesia"),
            ("puertko rico", "puerto rico"),
            ("pamama", "panama"),
            ("bogoga", "bogota"),
            ("rgina", "regina"),
            ("sucrde", "sucre"),
            ("argenitna", "argentina"),
            ("francxe", "france"),
        ] {
            assert!(keystroke_slip(found, form), "{found}");
        }
    }

    #[test]
    fn other_languages_spellings_are_no_slips() {
        for (found, form) in [
            ("brasil", "brazil"),
            ("kenia", "kenya"),
            ("irak", "iraq"),
            ("rusia", "russia"),
            ("viena", "vienna"),
            ("bagdad", "baghdad"),
            ("etiopia", "ethiopia"),
            ("teheran", "tehran"),
            ("cordova", "cordoba"),
            ("colambia", "colombia"),
            ("srbiji", "srbija"),
            ("ukrainy", "ukraina"),
            ("surinam", "suriname"),
            ("moskva", "moskvy"),
            ("parsi", "paris"),
        ] {
            assert!(!keystroke_slip(found, form), "{found}");
        }
    }
}

#[cfg(test)]
mod article_tests {
    use crate::Linter;
    use crate::ruleset;

    fn found(text: &str) -> Vec<String> {
        let set = "set: t\nrules:\n  - id: places\n    kind: gazetteer\n";
        let linter = Linter::new(ruleset::parse("t.yml", set).unwrap());
        linter
            .lint_text(text, None)
            .into_iter()
            .filter(|d| d.rule == "t.places")
            .map(|d| text[d.span].to_string())
            .collect()
    }

    #[test]
    fn keystroke_slips_of_the_articles_places_in_other_languages() {
        let text = "Workers marched in Colombia and Panama on Monday.\n\n\
            «Marcharon muchos en diferentes ciudades de Colombbia, también hubo disturbios.»\n\n\
            «Saludos a todos, sigamos trabajando por un mejor Pamamá para todos.»\n";
        assert_eq!(found(text), ["Colombbia", "Pamamá"]);
        let text = "The film was a hit in France.\n\n\
            «Et la Francxe comme un seul homme oublie que Omar Sy ne figurait pas sur la liste.»\n";
        assert_eq!(found(text), ["Francxe"]);
    }

    #[test]
    fn other_languages_spellings_and_unwritten_places_are_not_reported() {
        // Each language's own spelling of a place the article writes in English.
        let text = "Protests spread from Russia to Brazil and Kenya.\n\n\
            «Las protestas llegaron a Rusia y a Brasil, y también a Kenia con fuerza.»\n";
        assert!(found(text).is_empty());
        // A slip of a place the article never writes right is left alone there.
        let text = "Workers marched on Monday.\n\n\
            «Marcharon muchos en diferentes ciudades de Colombbia, también hubo disturbios.»\n";
        assert!(found(text).is_empty());
        // A letter of another alphabet is no slip ("ñ" for "ny").
        let text = "Crowds gathered across Catalunya on Monday.\n\n\
            «Las protestas llegaron a toda la Catalunña con mucha fuerza.»\n";
        assert!(found(text).is_empty());
    }
}
