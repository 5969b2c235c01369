//! Numbers as news writes them, extracted once per document: cardinals in digits and words
//! ("three", "twenty-one", "1.5 million", "1,100", "$9.9 billion", "14%"), ordinals ("third",
//! "4th", "third-worst"), the qualifier in front ("more than", "some", "at least"), the
//! determiner ("the 46 persons", "Dizon's 43,812-vote margin"), the noun each number counts
//! ("18 police officers" → officers), and the numbers that are not counts at all: years,
//! days of the month, clock times and ages ("45-year-old", "aged 58", "Modrić, 35,").
//!
//! The checks compare these facts; they never re-read digits themselves.

use super::lexical::{has_shape, is_plural_lower, lemma, lemma_of_lower, lower, shapes};
use super::{Analysis, Token, TokenKind, words};
use std::ops::Range;
use std::sync::LazyLock;

mod extract;

pub(super) use extract::extract;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuantityKind {
    /// A count or an amount: "18 police officers", "85 million euros", "14 percent".
    Cardinal,
    /// "third", "4th", "second-worst".
    Ordinal,
    /// "2019", "the 1990s", both ends of "2021-2027" and "2020-21".
    Year,
    /// A person's age: "45-year-old", "aged 58", "58 years old", "Modrić, 35,".
    Age,
    /// A day of the month: "May 9", "1 June", "the 20th of last month".
    Day,
    /// Clock times and race times: "6:30 a.m.", "9 p.m.", "2:08:33".
    Clock,
    /// Other numbers that count nothing: scores ("1-1 draw"), codes ("5G").
    Other,
}

/// What a qualifier says about the true figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Approx {
    Exact,
    /// about, some, around, roughly, an estimated, nearly, almost…
    About,
    /// more than, over, at least, upwards of…
    AtLeast,
    /// up to, fewer than, less than, at most, as many as…
    AtMost,
    /// dozens, hundreds, thousands: an order of magnitude, not a figure.
    Vague,
}

/// A noun attached to a quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Noun {
    /// Token index.
    pub token: usize,
    pub span: Range<usize>,
    /// Lower-case singular form: "officers" → "officer", "people" → "person".
    pub lemma: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub(crate) kind: QuantityKind,
    pub(crate) value: f64,
    /// The figure itself, multiplier and currency sign included ("1.5 million", "$32,000",
    /// "twenty-one", "third-worst", "45-year-old", "aged 58").
    pub(crate) span: Range<usize>,
    /// Token range of `span`.
    pub(crate) tokens: Range<usize>,
    pub(crate) approx: Approx,
    /// "more than", "some", "at least"… when present.
    pub(crate) qualifier: Option<Range<usize>>,
    /// Determiner right before the figure (lower case): "the", "its", "this", or "'s" for a
    /// possessive ("Dizon's"). A bare determiner marks a figure that refers back to one
    /// already given ("the 46 persons").
    pub(crate) determiner: Option<&'static str>,
    /// A modifier between determiner and figure that makes it a part or a new figure:
    /// "remaining", "other", "final", "another", "further"…
    pub(crate) premodifier: Option<(&'static str, Range<usize>)>,
    /// The noun counted or measured: "18 police officers" → officer; "85 million euros" →
    /// euro; for a compound ("43,812-vote margin", "10-kilometre race") the unit: vote.
    pub(crate) noun: Option<Noun>,
    /// Set for compounds: the noun the compound describes ("margin", "race").
    pub(crate) head: Option<Noun>,
    /// The noun a figure is "of": "a margin of 48,312" → margin; "a bid of 85 million" → bid.
    pub(crate) of_noun: Option<Noun>,
    /// Tokens of the noun phrase after the figure (adjectives and nouns, up to the head).
    pub(crate) phrase: Range<usize>,
    /// "third-worst" → "worst".
    pub(crate) superlative: Option<String>,
    pub(crate) sentence: usize,
    pub(crate) quoted: bool,
}

impl Quantity {
    /// From the qualifier (or premodifier) to the noun: "the remaining 31", "more than 163,000",
    /// "two candidates", "85 million euros".
    pub(crate) fn phrase_span(&self, with_premodifier: bool) -> Range<usize> {
        let mut start = self.span.start;
        if let Some(q) = &self.qualifier {
            start = start.min(q.start);
        }
        if with_premodifier && let Some((_, p)) = &self.premodifier {
            start = start.min(p.start);
        }
        let mut end = self.span.end;
        for n in [&self.noun, &self.head].into_iter().flatten() {
            end = end.max(n.span.end);
        }
        start..end
    }

    /// The figure is a bare back-reference: "the 46 persons", "its 13 years", "Dizon's margin".
    pub(crate) fn is_definite(&self) -> bool {
        self.premodifier.is_none() && self.determiner.is_some()
    }

    pub(crate) fn is_count(&self) -> bool {
        self.kind == QuantityKind::Cardinal && self.approx != Approx::Vague
    }

    /// The lemma of the thing counted: the noun, else the compound's unit.
    pub(crate) fn noun_lemma(&self) -> Option<&str> {
        self.noun.as_ref().map(|n| n.lemma.as_str())
    }
}

/// Index of a number word one … nineteen (a `match`: a length switch, not a table scan).
fn unit_index(w: &str) -> Option<usize> {
    Some(match w {
        "one" => 0,
        "two" => 1,
        "three" => 2,
        "four" => 3,
        "five" => 4,
        "six" => 5,
        "seven" => 6,
        "eight" => 7,
        "nine" => 8,
        "ten" => 9,
        "eleven" => 10,
        "twelve" => 11,
        "thirteen" => 12,
        "fourteen" => 13,
        "fifteen" => 14,
        "sixteen" => 15,
        "seventeen" => 16,
        "eighteen" => 17,
        "nineteen" => 18,
        _ => return None,
    })
}

/// Index of twenty … ninety.
fn tens_index(w: &str) -> Option<usize> {
    Some(match w {
        "twenty" => 0,
        "thirty" => 1,
        "forty" => 2,
        "fifty" => 3,
        "sixty" => 4,
        "seventy" => 5,
        "eighty" => 6,
        "ninety" => 7,
        _ => return None,
    })
}

/// Index of first … nineteenth.
fn ordinal_index(w: &str) -> Option<usize> {
    Some(match w {
        "first" => 0,
        "second" => 1,
        "third" => 2,
        "fourth" => 3,
        "fifth" => 4,
        "sixth" => 5,
        "seventh" => 6,
        "eighth" => 7,
        "ninth" => 8,
        "tenth" => 9,
        "eleventh" => 10,
        "twelfth" => 11,
        "thirteenth" => 12,
        "fourteenth" => 13,
        "fifteenth" => 14,
        "sixteenth" => 15,
        "seventeenth" => 16,
        "eighteenth" => 17,
        "nineteenth" => 18,
        _ => return None,
    })
}

/// Index of twentieth … ninetieth.
fn tens_ordinal_index(w: &str) -> Option<usize> {
    Some(match w {
        "twentieth" => 0,
        "thirtieth" => 1,
        "fortieth" => 2,
        "fiftieth" => 3,
        "sixtieth" => 4,
        "seventieth" => 5,
        "eightieth" => 6,
        "ninetieth" => 7,
        _ => return None,
    })
}

/// The month a lower-case month name or abbreviation names ("march", "sept" → 3, 9). (A
/// `match`: a length switch and a few compares, not a scan of 24 names.)
pub(crate) fn month_number(lower: &str) -> Option<i8> {
    Some(match lower {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Is a lower-case word a weekday name?
pub(crate) fn is_weekday_lower(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Qualifiers, longest first within each family so "just over" wins over "over".
/// (Split into words here, so that nothing splits them per figure.)
const QUALIFIERS: &[(&[&str], Approx)] = &[
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["no", "more", "than"], Approx::AtMost),
    (&["more", "than"], Approx::AtLeast),
    (&["at", "least"], Approx::AtLeast),
    (&["upwards", "of"], Approx::AtLeast),
    (&["well", "over"], Approx::AtLeast),
    (&["just", "over"], Approx::AtLeast),
    (&["in", "excess", "of"], Approx::AtLeast),
    (&["over"], Approx::AtLeast),
    (&["above"], Approx::AtLeast),
    (&["fewer", "than"], Approx::AtMost),
    (&["less", "than"], Approx::AtMost),
    (&["at", "most"], Approx::AtMost),
    (&["up", "to"], Approx::AtMost),
    (&["as", "many", "as"], Approx::AtMost),
    (&["as", "much", "as"], Approx::AtMost),
    (&["just", "under"], Approx::AtMost),
    (&["under"], Approx::AtMost),
    (&["below"], Approx::AtMost),
    (&["an", "estimated"], Approx::About),
    (&["close", "to"], Approx::About),
    (&["more", "or", "less"], Approx::About),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    (&["roughly"], Approx::About),
    (&["approximately"], Approx::About),
    (&["some"], Approx::About),
    (&["nearly"], Approx::About),
    (&["almost"], Approx::About),
    (&["circa"], Approx::About),
    (&["approx"], Approx::About),
    (&["estimated"], Approx::About),
];

const DETERMINERS: &[&str] = &[
    "the", "its", "his", "her", "their", "our", "your", "my", "these", "those", "this",
];

/// The last words of `QUALIFIERS`.
static QUALIFIER_ENDS: LazyLock<words::WordSet> = LazyLock::new(|| {
    let ends: Vec<&'static str> = QUALIFIERS
        .iter()
        .filter_map(|(w, _)| w.last().copied())
        .collect();
    words::WordSet::new(&ends)
});

static PREMODIFIERS_SET: words::Lazy = words::Lazy::new(|| words::WordSet::new(PREMODIFIERS));
const PREMODIFIERS: &[&str] = &[
    "remaining",
    "other",
    "final",
    "last",
    "first",
    "next",
    "additional",
    "further",
    "extra",
    "another",
    "same",
    "top",
    "past",
    "previous",
    "latest",
    "only",
    "new",
    "initial",
    "original",
    "rest",
];

/// Words that end a noun phrase after a figure.
/// `STOP` for lookups.
pub(crate) static STOP_SET: words::Lazy = words::Lazy::new(|| words::WordSet::new(STOP));
static DETERMINERS_SET: words::Lazy = words::Lazy::new(|| words::WordSet::new(DETERMINERS));

pub(crate) const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "who",
    "whom",
    "which",
    "that",
    "where",
    "when",
    "while",
    "whose",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "had",
    "has",
    "have",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "did",
    "do",
    "does",
    "said",
    "says",
    "per",
    "more",
    "less",
    "each",
    "it",
    "its",
    "this",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "not",
    "no",
    "so",
    "if",
    "into",
    "over",
    "under",
    "after",
    "before",
    "since",
    "until",
    "till",
    "during",
    "about",
    "against",
    "between",
    "among",
    "through",
    "up",
    "down",
    "out",
    "off",
    "ago",
    "earlier",
    "later",
    "already",
    "still",
    "also",
    "now",
    "then",
    "only",
    "just",
    "plus",
    "minus",
    "behind",
    "ahead",
    "above",
    "below",
    "inside",
    "outside",
    "across",
    "along",
    "via",
    "away",
    "here",
    "there",
    "today",
    "yesterday",
    "tomorrow",
    "all",
    "both",
    "every",
    "some",
    "any",
    "such",
    "like",
    "including",
    "most",
    "notably",
    "namely",
    "i",
    "you",
    "him",
    "them",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "toward",
    "towards",
    "within",
    "without",
    "upon",
    "despite",
    "beyond",
    "around",
    "near",
];

/// Units that may follow a figure in the singular ("48 degree Celsius", "5 percent").
static MEASURES_SET: words::Lazy = words::Lazy::new(|| words::WordSet::new(MEASURES));
const MEASURES: &[&str] = &[
    "percent",
    "degree",
    "km",
    "kg",
    "mm",
    "cm",
    "mph",
    "kph",
    "mw",
    "gw",
    "kw",
    "megawatt",
    "gigawatt",
    "metre",
    "meter",
    "kilometre",
    "kilometer",
    "mile",
    "ton",
    "tonne",
    "hectare",
    "acre",
    "point",
    "lakh",
    "crore",
    "dollar",
    "euro",
    "pound",
    "peso",
    "yuan",
    "yen",
    "rupee",
    "real",
    "franc",
    "rand",
    "naira",
    "shilling",
    "zloty",
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
    ("bn", 1e9),
    ("mn", 1e6),
];

const VAGUE: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 200.0),
    ("thousands", 2e3),
    ("millions", 2e6),
    ("billions", 2e9),
];

/// A lower-case number word's value (see `small_cardinal`).
fn word_number(w: &str) -> Option<f64> {
    small_cardinal(w).map(f64::from)
}

/// A lower-case number word's value: "zero" … "nineteen", "twenty" … "ninety".
pub(crate) fn small_cardinal(w: &str) -> Option<u32> {
    // Every number word has 3 to 9 letters and starts with one of these: most words are
    // ruled out before the word lists.
    if !(3..=9).contains(&w.len())
        || !matches!(
            w.as_bytes()[0],
            b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n'
        )
    {
        return None;
    }
    if w == "zero" {
        return Some(0);
    }
    if let Some(i) = unit_index(w) {
        return Some(i as u32 + 1);
    }
    tens_index(w).map(|i| (i as u32 + 2) * 10)
}

/// 0 … 99 in words, as copy writes them ("seven", "forty", "twenty-one").
pub(crate) fn in_words(v: u32) -> Option<String> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let v = v as usize;
    Some(match v {
        0..20 => UNITS[v].to_string(),
        20..100 if v.is_multiple_of(10) => TENS[v / 10].to_string(),
        20..100 => format!("{}-{}", TENS[v / 10], UNITS[v % 10]),
        _ => return None,
    })
}

/// A lower-case ordinal word's value: "first" … "nineteenth", "twentieth" … "ninetieth",
/// "hundredth", "thousandth".
fn ordinal_word(w: &str) -> Option<f64> {
    // Every ordinal word has 5 to 11 letters and starts with one of these: a quick test.
    if !(5..=11).contains(&w.len())
        || !matches!(w.as_bytes()[0], b'f' | b's' | b't' | b'e' | b'n' | b'h')
    {
        return None;
    }
    if let Some(i) = ordinal_index(w) {
        return Some(i as f64 + 1.0);
    }
    if let Some(i) = tens_ordinal_index(w) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    match w {
        "hundredth" => Some(100.0),
        "thousandth" => Some(1000.0),
        _ => None,
    }
}

/// A lower-case multiplier's value: "million" → 1e6.
fn multiplier(w: &str) -> Option<f64> {
    MULTIPLIERS.iter().find(|(m, _)| *m == w).map(|(_, v)| *v)
}

/// Is a lemma a unit of measure or money ("percent", "kilometre", "euro")? Different figures
/// in one unit are often different things.
/// A unit of `MEASURES` (length, weight, power, temperature, percent…), not one of time.
pub(crate) fn is_physical_measure(lemma: &str) -> bool {
    MEASURES_SET.contains(lemma)
}

pub(crate) fn is_measure(lemma: &str) -> bool {
    is_physical_measure(lemma)
        || matches!(
            lemma,
            "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "century"
        )
}

pub(crate) fn is_month(w: &str) -> bool {
    is_month_lower(&lower(w))
}

fn is_month_lower(w: &str) -> bool {
    month_number(w).is_some()
}

pub(crate) fn is_weekday(w: &str) -> bool {
    is_weekday_lower(&lower(w))
}

/// Value of a digit token ("1,100.50" → 1100.5), with its ordinal suffix if any.
fn digits_value(s: &str) -> Option<(f64, Option<&str>)> {
    // (Bytes, not characters: the first byte of any other character is none of these.)
    let end = s
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b',' || b == b'.'))
        .unwrap_or(s.len());
    let (num, rest) = s.split_at(end);
    let value = parse_figure(num)?;
    if rest.is_empty() {
        return Some((value, None));
    }
    Some((value, Some(rest)))
}

/// The value of digits with optional thousands separators and decimal point ("1,100.50"), as
/// `num.replace(',', "").parse::<f64>()` reads it, without the copy. A figure of up to 15
/// digits (nearly all of them) is read digit by digit: its digits as a whole number, exact in
/// an `f64`, divided by an exact power of ten. That one division is correctly rounded, so it
/// gives the `f64` nearest the decimal, which is what `parse` gives.
fn parse_figure(num: &str) -> Option<f64> {
    const POWERS_OF_TEN: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let mut whole = 0u64;
    let mut digits = 0;
    let mut decimals: Option<usize> = None;
    for &c in num.as_bytes() {
        match c {
            b'0'..=b'9' if digits < 15 => {
                whole = whole * 10 + u64::from(c - b'0');
                digits += 1;
                if let Some(d) = &mut decimals {
                    *d += 1;
                }
            }
            b',' => {}
            b'.' if decimals.is_none() => decimals = Some(0),
            _ => return parse_figure_slowly(num),
        }
    }
    if digits == 0 {
        return parse_figure_slowly(num);
    }
    Some(whole as f64 / POWERS_OF_TEN[decimals.unwrap_or(0)])
}

/// `parse_figure` for long figures and anything else: the separators dropped, then `parse`.
fn parse_figure_slowly(num: &str) -> Option<f64> {
    let b = num.as_bytes();
    if !b.contains(&b',') {
        return num.parse().ok();
    }
    // Drop the separators into a buffer on the stack (a longer figure takes the slow road).
    let mut buf = [0u8; 40];
    let mut n = 0;
    for &c in b.iter().filter(|&&c| c != b',') {
        if n == buf.len() {
            return num.replace(',', "").parse().ok();
        }
        buf[n] = c;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::extract::*;
    use super::*;
    use crate::analysis::Analysis;
    use crate::document::{Document, Format};

    fn doc(text: &str) -> Document {
        Document::parse("t.md", text.to_string(), Format::Markdown)
    }

    /// (figure text, kind, value, noun lemma)
    fn facts(text: &str) -> Vec<(String, QuantityKind, f64, Option<String>)> {
        let d = doc(text);
        let a = Analysis::new(&d);
        a.quantities()
            .iter()
            .map(|q| {
                (
                    a.slice(q.span.clone()).to_string(),
                    q.kind,
                    q.value,
                    q.noun.as_ref().map(|n| n.lemma.clone()),
                )
            })
            .collect()
    }

    fn one(text: &str) -> Quantity {
        let d = doc(text);
        let a = Analysis::new(&d);
        let q = a.quantities();
        assert_eq!(q.len(), 1, "{q:?}");
        q[0].clone()
    }

    fn c(
        s: &str,
        kind: QuantityKind,
        v: f64,
        noun: Option<&str>,
    ) -> (String, QuantityKind, f64, Option<String>) {
        (s.to_string(), kind, v, noun.map(str::to_string))
    }

    use QuantityKind::*;

    #[test]
    fn cardinals_in_digits_and_words() {
        assert_eq!(
            facts("In Cochabamba, 18 police officers joined three cities and twenty-one towns."),
            vec![
                c("18", Cardinal, 18.0, Some("officer")),
                c("three", Cardinal, 3.0, Some("city")),
                c("twenty-one", Cardinal, 21.0, Some("town")),
            ]
        );
        assert_eq!(
            facts("It cut 1,100 jobs and paid 85 million euros and 1.5 million dollars."),
            vec![
                c("1,100", Cardinal, 1100.0, Some("job")),
                c("85 million", Cardinal, 85e6, Some("euro")),
                c("1.5 million", Cardinal, 1.5e6, Some("dollar")),
            ]
        );
        assert_eq!(
            facts("Twelve rooms hold two hundred objects."),
            vec![
                c("Twelve", Cardinal, 12.0, Some("room")),
                c("two hundred", Cardinal, 200.0, Some("object")),
            ]
        );
    }

    #[test]
    fn currency_percent_and_measures() {
        assert_eq!(
            facts("A bonus of $32,000 and $9.9 billion, 14% and 5 per cent, 48 degree Celsius."),
            vec![
                c("$32,000", Cardinal, 32000.0, Some("dollar")),
                c("$9.9 billion", Cardinal, 9.9e9, Some("dollar")),
                c("14", Cardinal, 14.0, Some("percent")),
                c("5", Cardinal, 5.0, Some("percent")),
                c("48", Cardinal, 48.0, Some("degree")),
            ]
        );
        assert_eq!(
            facts("He won more than 10 percentage points and 4 lakh rupees."),
            vec![
                c("10", Cardinal, 10.0, Some("point")),
                c("4 lakh", Cardinal, 4e5, Some("rupee")),
            ]
        );
    }

    #[test]
    fn halves_and_years_with_months() {
        let got: Vec<(String, f64)> = facts(
            "Cut from 12 years and three months to eight years and six months, a \
             seven-and-a-half-year term, two and a half years, and 14 months.",
        )
        .into_iter()
        .map(|(t, _, v, _)| (t, v))
        .collect();
        assert_eq!(
            got,
            [
                ("12 years and three months".to_string(), 12.25),
                ("eight years and six months".to_string(), 8.5),
                ("seven-and-a-half".to_string(), 7.5),
                ("two and a half".to_string(), 2.5),
                ("14".to_string(), 14.0),
            ]
        );
        // "a year and a half" and other pairs stay apart.
        let got: Vec<f64> = facts("Three years and 14 months; two hours and five minutes.")
            .into_iter()
            .map(|(_, _, v, _)| v)
            .collect();
        assert_eq!(got, [3.0, 14.0, 2.0, 5.0]);
    }

    #[test]
    fn a_fiscal_year_is_one_year() {
        let got: Vec<(String, QuantityKind)> = facts("Spending in 2025/26 and in 2020-21 fell.")
            .into_iter()
            .map(|(t, k, _, _)| (t, k))
            .collect();
        assert_eq!(
            got,
            [
                ("2025/26".to_string(), QuantityKind::Year),
                ("2020-21".to_string(), QuantityKind::Year)
            ]
        );
    }

    #[test]
    fn qualifiers() {
        let q = one("Some 2,300 workers stopped.");
        assert_eq!(q.approx, Approx::About);
        assert_eq!(q.value, 2300.0);
        let q = one("It killed at least 36 persons.");
        assert_eq!(q.approx, Approx::AtLeast);
        let q = one("They forced more than 163,000 from their homes.");
        assert_eq!(q.approx, Approx::AtLeast);
        assert_eq!(q.noun, None);
        let q = one("It had nearly 90 members.");
        assert_eq!(q.approx, Approx::About);
        let q = one("It holds up to 40 boats.");
        assert_eq!(q.approx, Approx::AtMost);
        let q = one("Counting was delayed in dozens of towns.");
        assert_eq!(q.approx, Approx::Vague);
        assert_eq!(q.noun.unwrap().lemma, "town");
        let q = one("About $15,500 was paid.");
        assert_eq!(q.approx, Approx::About);
        let d = doc("About $15,500 was paid.");
        let a = Analysis::new(&d);
        assert_eq!(
            a.slice(a.quantities()[0].phrase_span(true)),
            "About $15,500"
        );
    }

    #[test]
    fn determiners_premodifiers_and_of_nouns() {
        let q = one("The families of the 46 persons who died.");
        assert_eq!(q.determiner, Some("the"));
        assert!(q.is_definite());
        let q = one("and the remaining 31 in the region");
        assert_eq!(q.premodifier.as_ref().unwrap().0, "remaining");
        assert!(!q.is_definite());
        let q = one("Dizon's 43,812-vote margin was the widest.");
        assert_eq!(q.determiner, Some("'s"));
        assert_eq!(q.noun.as_ref().unwrap().lemma, "vote");
        assert_eq!(q.head.as_ref().unwrap().lemma, "margin");
        let q = one("She won by a margin of 48,312 over him.");
        assert_eq!(q.of_noun.as_ref().unwrap().lemma, "margin");
        assert!(!q.is_definite());
    }

    #[test]
    fn ordinals() {
        let d = doc(
            "He won a fourth term, the 11th consecutive increase, the third-worst year and a twenty-first bid.",
        );
        let a = Analysis::new(&d);
        let got: Vec<(String, f64, Option<String>, Option<String>)> = a
            .quantities()
            .iter()
            .map(|q| {
                assert_eq!(q.kind, Ordinal);
                (
                    a.slice(q.span.clone()).to_string(),
                    q.value,
                    q.noun.as_ref().map(|n| n.lemma.clone()),
                    q.superlative.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("fourth".into(), 4.0, Some("term".into()), None),
                ("11th".into(), 11.0, Some("increase".into()), None),
                (
                    "third-worst".into(),
                    3.0,
                    Some("year".into()),
                    Some("worst".into())
                ),
                ("twenty-first".into(), 21.0, Some("bid".into()), None),
            ]
        );
        let q = one("It is the second round of layoffs.");
        assert_eq!(q.noun.unwrap().lemma, "round");
    }

    #[test]
    fn capitalised_ordinals_are_names() {
        assert!(facts("They marched on the Fourth of July with First Nations leaders.").is_empty());
        assert!(facts("Fourth of July parades were held.").is_empty());
        // Sentence-initial ordinals are still ordinals.
        assert_eq!(facts("Third place went to Chebet.")[0].1, Ordinal);
        assert!(
            facts("He finished in 87 seconds, one second ahead.")
                .iter()
                .all(|f| f.1 != Ordinal)
        );
    }

    #[test]
    fn years_days_and_clocks() {
        assert_eq!(
            facts("Born in 1970, he ruled since 2006 in the 1990s and the 2020-21 season."),
            vec![
                c("1970", Year, 1970.0, None),
                c("2006", Year, 2006.0, None),
                c("1990s", Year, 1990.0, None),
                c("2020-21", Year, 2020.0, None),
            ]
        );
        assert_eq!(
            facts("On May 9 and 1 June, the 20th of last month, at 6:30 a.m. in 2:08:33."),
            vec![
                c("9", Day, 9.0, None),
                c("1", Day, 1.0, None),
                c("20th", Day, 20.0, None),
                c("6:30", Clock, 6.0, None),
                c("2:08:33", Clock, 2.0, None),
            ]
        );
        assert_eq!(facts("October 4 and 5")[1].1, Day);
        // A four-digit figure followed by a plural noun is a count.
        assert_eq!(facts("About 1500 workers")[0].1, Cardinal);
        assert_eq!(facts("the 2025 total")[0].1, Year);
    }

    #[test]
    fn ages() {
        assert_eq!(
            facts("The 45-year-old, aged 58 by then, was 30 years old; Luka Modrić, 35, agreed."),
            vec![
                c("45-year-old", Age, 45.0, None),
                c("aged 58", Age, 58.0, None),
                c("30 years old", Age, 30.0, None),
                c("35", Age, 35.0, None),
            ]
        );
        // Not an age: a count between commas with a noun, or after a place and before a noun.
        assert_eq!(facts("In Kaptagat, 25 kilometres east")[0].1, Cardinal);
        assert_eq!(facts("On Monday, 15 said so.")[0].1, Cardinal);
    }

    #[test]
    fn compounds() {
        let q = one("a 14-month closure");
        assert_eq!(q.noun.unwrap().lemma, "month");
        assert_eq!(q.head.unwrap().lemma, "closure");
        let q = one("a 420-million-pound renovation");
        assert_eq!(q.value, 420e6);
        assert_eq!(q.noun.unwrap().lemma, "pound");
        let q = one("after 1,867 vote-counting machines broke down");
        assert_eq!(q.noun.unwrap().lemma, "machine");
        assert_eq!(facts("the 1-1 draw")[0].1, Other);
    }

    #[test]
    fn nouns_stop_at_verbs_and_prepositions() {
        assert_eq!(one("and 71 were recorded").noun, None);
        assert_eq!(one("then 31 in the region").noun, None);
        assert_eq!(one("134 people were missing").noun.unwrap().lemma, "person");
        assert_eq!(one("24 crew members").noun.unwrap().lemma, "member");
        assert_eq!(one("11 Indonesians").noun.unwrap().lemma, "indonesian");
        assert_eq!(one("one week").noun.unwrap().lemma, "week");
        // "one" before "of" counts nothing; "no one" is a pronoun.
        assert_eq!(one("one of its offices").noun, None);
        assert!(facts("no one came").is_empty());
    }

    #[test]
    fn every_number_word_passes_the_quick_test() {
        for &w in NUMBER_WORDS {
            let known = word_number(w).is_some()
                || ordinal_word(w).is_some()
                || VAGUE.iter().any(|(x, _)| *x == w)
                || w == "dozen";
            assert!(known, "{w} is not in the word lists");
            assert!(has_shape(&NUMBER_WORD_SHAPES, w.as_bytes()), "{w}");
        }
        for v in 0..20 {
            let w = in_words(v).unwrap();
            assert!(NUMBER_WORDS.contains(&w.as_str()), "{w}");
        }
        for v in (20..100).step_by(10) {
            let w = in_words(v).unwrap();
            assert!(NUMBER_WORDS.contains(&w.as_str()), "{w}");
        }
        for (w, _) in VAGUE {
            assert!(NUMBER_WORDS.contains(w), "{w}");
        }
        for w in ["of", "and", "the", "said", "that", "this", "fourths", "thi"] {
            assert!(!has_shape(&NUMBER_WORD_SHAPES, w.as_bytes()), "{w}");
        }
        // Non-letters share slots with letters; they may pass, but never panic.
        for w in ["1st", "é1é", "--------", "ab"] {
            let _ = has_shape(&NUMBER_WORD_SHAPES, w.as_bytes());
        }
    }

    #[test]
    fn figures_parse_as_the_standard_library_reads_them() {
        for num in [
            "0",
            "7",
            "007",
            "2019",
            "1,100",
            "1,100.50",
            "43,812",
            "3.14",
            "123456789012345",
            "1234567890123456",
            "12345678901234567890123",
            "1,234,567,890,123,456,789,012,345,678,901,234,567",
            ".5",
            "1.",
            "1,,2",
            ",",
            "",
            "1.2.3",
            "1.5",
            "9.9",
            "0.1",
            "0.0",
            "3.14159265358979",
            "123456789012.345",
            "1234567890123.456",
            "0.000000000000001",
            "0.0000000000000001",
            "1,2.3,4",
            "1..2",
            "..",
            ".",
            "99.99",
        ] {
            let expected: Option<f64> = num.replace(',', "").parse().ok();
            assert_eq!(parse_figure(num), expected, "{num}");
        }
    }

    mod figures {
        use super::parse_figure;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_figure_parses_as_the_standard_library_reads_it(
                num in "[0-9,.]{0,24}",
                whole in 0u64..1_000_000_000_000_000,
                decimals in 0usize..18,
            ) {
                let expected: Option<f64> = num.replace(',', "").parse().ok();
                prop_assert_eq!(parse_figure(&num), expected, "{}", num);
                // Decimals of every length, with and without a thousands separator.
                let digits = whole.to_string();
                let cut = digits.len().saturating_sub(decimals);
                for num in [
                    format!("{}.{}", &digits[..cut], &digits[cut..]),
                    format!("{},{}", &digits[..cut / 2], &digits[cut / 2..]),
                ] {
                    let expected: Option<f64> = num.replace(',', "").parse().ok();
                    prop_assert_eq!(parse_figure(&num), expected, "{}", num);
                }
            }
        }
    }
}
