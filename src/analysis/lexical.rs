//! Word forms in general, not numbers alone: the lemma of a noun ("officers" → officer,
//! "people" → person), whether a word is a plural, and a crude stem for comparing context
//! words. Used by the analysis (numbers, subjects) and by the checks alike.

use std::borrow::Cow;

/// One list of irregular words and their lemmas makes `irregular` (a `match`) and the
/// tables that rule words out before it (see `IRREGULAR_SHAPES`, `irregular_words_for`).
macro_rules! irregular_words {
    ($($word:literal => $lemma:literal,)*) => {
        /// Plurals that do not end in -s, and -s words that are not plurals: their lemma. (A
        /// `match` compiles to a length switch: far cheaper than scanning a table.)
        fn irregular_match(w: &str) -> Option<&'static str> {
            Some(match w {
                $($word => $lemma,)*
                _ => return None,
            })
        }
        const IRREGULAR_WORDS: &[&str] = &[$($word),*];
        const IRREGULAR_LEMMAS: &[&str] = &[$($lemma),*];
    };
}

irregular_words! {
    "people" => "person",
    "persons" => "person",
    "men" => "man",
    "women" => "woman",
    "children" => "child",
    "police" => "police",
    "staff" => "staff",
    "personnel" => "personnel",
    "crew" => "crew",
    "cattle" => "cattle",
    "feet" => "foot",
    "teeth" => "tooth",
    "mice" => "mouse",
    "geese" => "goose",
    "data" => "data",
    "media" => "media",
    "reais" => "real",
    "indices" => "index",
    "series" => "series",
    "species" => "species",
    "aircraft" => "aircraft",
    "sheep" => "sheep",
    "fish" => "fish",
    "deer" => "deer",
    "troops" => "troop",
    "yen" => "yen",
    "yuan" => "yuan",
    "news" => "news",
    "headquarters" => "headquarters",
    "lives" => "life",
    "wives" => "wife",
    "knives" => "knife",
    "leaves" => "leaf",
    "halves" => "half",
    "thieves" => "thief",
    "per cent" => "percent",
    "%" => "percent",
    "$" => "dollar",
    "€" => "euro",
    "£" => "pound",
    "¥" => "yen",
    "₹" => "rupee",
}

/// For each pair of first two bytes (five bits each; one byte and nothing for a word of one),
/// the lengths of `words` that start with them, as bits. Only words of up to 15 bytes.
pub(super) const fn shapes(words: &[&str]) -> [u16; 1024] {
    let mut shapes = [0u16; 1024];
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        assert!(!b.is_empty() && b.len() < 16);
        shapes[shape_slot(b)] |= 1 << b.len();
        i += 1;
    }
    shapes
}

pub(super) const fn shape_slot(b: &[u8]) -> usize {
    let second = if b.len() > 1 { b[1] } else { 0 };
    ((b[0] & 31) as usize) << 5 | (second & 31) as usize
}

/// Could `w` be one of the words `table` was built from (by `shapes`)? One look-up on its
/// first two bytes and its length rules out nearly every other word; other bytes share slots
/// with letters, which only lets a word through to the exact test.
pub(super) fn has_shape(table: &[u16; 1024], b: &[u8]) -> bool {
    !b.is_empty() && b.len() < 16 && table[shape_slot(b)] >> b.len() & 1 != 0
}

pub(super) static IRREGULAR_SHAPES: [u16; 1024] = shapes(IRREGULAR_WORDS);

/// Plurals that do not end in -s, and -s words that are not plurals: their lemma.
#[inline]
pub(super) fn irregular(w: &str) -> Option<&'static str> {
    if !has_shape(&IRREGULAR_SHAPES, w.as_bytes()) {
        return None;
    }
    irregular_match(w)
}

pub(super) static IRREGULAR_LEMMA_SHAPES: [u16; 1024] = shapes(IRREGULAR_LEMMAS);

/// The irregular words whose lemma is `lemma` ("men" for "man").
pub(crate) fn irregular_words_for(lemma: &str) -> impl Iterator<Item = &'static str> + '_ {
    let any = has_shape(&IRREGULAR_LEMMA_SHAPES, lemma.as_bytes());
    IRREGULAR_WORDS
        .iter()
        .zip(IRREGULAR_LEMMAS)
        .take(if any { IRREGULAR_WORDS.len() } else { 0 })
        .filter(move |&(_, &l)| l == lemma)
        .map(|(&w, _)| w)
}

/// Lower-case singular of a noun: "officers" → "officer", "cities" → "city", "people" →
/// "person", "euros" → "euro".
pub(crate) fn lemma(word: &str) -> String {
    lemma_of(word).into_owned()
}

/// [`lemma`] without allocating, except for "-ies" plurals and words with capitals or
/// non-ASCII letters.
pub(crate) fn lemma_of(word: &str) -> Cow<'_, str> {
    match lower(word) {
        Cow::Borrowed(w) => lemma_of_lower(w),
        Cow::Owned(w) => Cow::Owned(lemma_of_lower(&w).into_owned()),
    }
}

/// [`lemma`] of a word already lower-cased (`str::to_lowercase`, e.g. `Analysis::lower`).
pub(crate) fn lemma_of_lower(lower: &str) -> Cow<'_, str> {
    // Every suffix this takes off ends in "s" or "'": a word ending otherwise ("Morales" does
    // not, most names do) is its own lemma unless it is irregular ("men").
    if !matches!(lower.as_bytes().last(), Some(b's' | b'\'')) {
        return Cow::Borrowed(irregular(lower).unwrap_or(lower));
    }
    // `trim_end_matches` of "'s", then "’s", then "'" (without building a substring searcher).
    let mut w = lower;
    while let Some(x) = w.strip_suffix("'s") {
        w = x;
    }
    while let Some(x) = w.strip_suffix("’s") {
        w = x;
    }
    let w = w.trim_end_matches('\'');
    if let Some(l) = irregular(w) {
        return Cow::Borrowed(l);
    }
    if w.len() > 4 && w.ends_with("ies") {
        // (Not `format!`: its machinery costs more than the rest of this function.)
        let stem = &w[..w.len() - 3];
        let mut l = String::with_capacity(stem.len() + 1);
        l.push_str(stem);
        l.push('y');
        return Cow::Owned(l);
    }
    for suffix in ["sses", "shes", "ches", "xes", "zes"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            return Cow::Borrowed(&w[..w.len() - 2]);
        }
    }
    if is_plural_form(w) {
        return Cow::Borrowed(&w[..w.len() - 1]);
    }
    Cow::Borrowed(w)
}

/// `word.to_lowercase()`, without allocating for a word that is already lower-case ASCII
/// (most words a check looks at).
pub(super) fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// [`is_plural`] of a word already lower-cased (`str::to_lowercase`, e.g. `Analysis::lower`).
pub(crate) fn is_plural_lower(w: &str) -> bool {
    irregular(w).is_some_and(|l| l != w) || is_plural_form(w)
}

pub(super) fn is_plural_form(w: &str) -> bool {
    w.len() > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
}

/// A crude stem for comparing context words: "offered"/"offer", "forced"/"force",
/// "homes"/"home" agree.
pub(crate) fn stem(word: &str) -> String {
    let mut w = lower(word).into_owned();
    for (suffix, min) in [("ing", 6), ("ed", 5), ("es", 5), ("s", 4)] {
        if w.len() >= min && w.ends_with(suffix) && !w.ends_with("ss") {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_irregular_words_pass_their_quick_test() {
        for (&w, &l) in IRREGULAR_WORDS.iter().zip(IRREGULAR_LEMMAS) {
            assert_eq!(irregular(w), Some(l), "{w}");
            assert!(irregular_words_for(l).any(|x| x == w), "{l}");
        }
        for w in [
            "",
            "a",
            "the",
            "officers",
            "man",
            "persons",
            "personal",
            "$",
            "€",
            "e",
            "percent",
            "very long words are ruled out by length",
        ] {
            assert_eq!(irregular(w), irregular_match(w), "{w}");
        }
        assert_eq!(irregular_words_for("man").collect::<Vec<_>>(), ["men"]);
        assert_eq!(
            irregular_words_for("person").collect::<Vec<_>>(),
            ["people", "persons"]
        );
        assert_eq!(irregular_words_for("officer").count(), 0);
    }

    #[test]
    fn lemmas_and_stems() {
        assert_eq!(lemma("cities"), "city");
        assert_eq!(lemma("People"), "person");
        assert_eq!(lemma("basis"), "basis");
        assert_eq!(lemma("churches"), "church");
        assert_eq!(stem("offered"), stem("offer"));
        assert_eq!(stem("forced"), stem("force"));
        assert_eq!(stem("homes"), stem("home"));
    }
}
