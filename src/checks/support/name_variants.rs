//! Spelling variants of one name in one article ("Feitosa" three times, "Feitoza" once):
//! found for the `name-consistency` kind, which reports them, and for the `gazetteer` kind,
//! which leaves them to it. Found with the options of the enabled `name-consistency` rules.

use super::known::Knowledge;
use crate::analysis::names::cues::{
    all_caps, folded_word, is_calendar_word, is_title_at, strip_possessive,
};
use crate::analysis::{Analysis, Mention};
use crate::fast_hash::ShapeFilter;
use crate::fast_hash::{FastMap, FastSet};
use crate::fuzzy::{
    NearIndex, budget, distance, fold, inflected, letters, transliteration_variant,
};
use crate::gazetteer;
use serde::Deserialize;
use std::borrow::Cow;

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// Shortest name (in letters) compared; shorter real names are too often one letter apart.
    #[serde(default = "min_length")]
    pub min_length: usize,
    /// The majority spelling must be used at least this many times as often as the other.
    #[serde(default = "ratio")]
    pub ratio: usize,
}

fn min_length() -> usize {
    5
}

fn ratio() -> usize {
    2
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_length: min_length(),
            ratio: ratio(),
        }
    }
}

/// A rarer spelling of a name and the usual one, with the tokens where each is used.
pub(crate) struct Variant {
    pub wrong: String,
    pub right: String,
    pub wrong_at: Vec<usize>,
    pub right_at: Vec<usize>,
}

struct Spelling<'a> {
    /// The folded spelling ("feitosa").
    folded: Cow<'a, str>,
    letters: usize,
    /// As first written ("Feitosa").
    shown: &'a str,
    /// How many times the article uses it (the tokens are in [`Spellings::uses`]).
    uses: usize,
    /// The article also writes it in lower case: an ordinary word, not a name.
    ordinary: bool,
}

impl Spelling<'_> {
    /// Could it be a name? Tested only for the spellings compared, as the common-word look-up
    /// is not free.
    fn is_name(&self) -> bool {
        self.may_be_name() && !gazetteer::is_common_word(&self.folded)
    }

    /// [`Spelling::is_name`] without the common-word look-up.
    fn may_be_name(&self) -> bool {
        !self.ordinary && !is_calendar_word(&self.folded)
    }
}

/// The article's capitalised words grouped by folded spelling (possessive removed), leaving
/// out acronyms and words under `min_length` letters.
struct Spellings<'a> {
    all: Vec<Spelling<'a>>,
    by_fold: FastMap<Cow<'a, str>, usize>,
    /// (token, spelling) for every use, in token order: only the few spellings compared
    /// closely need their tokens, so none keeps a list of its own.
    uses: Vec<(usize, usize)>,
    /// The lower-case words of `min_length` bytes or more (which might be a spelling written
    /// as an ordinary word), gathered in the same pass over the tokens.
    lower_case: Vec<usize>,
}

impl<'a> Spellings<'a> {
    fn new(a: &'a Analysis, min_length: usize) -> Spellings<'a> {
        // Sized for the mentions, about as many as the distinct capitalised words.
        let mut all: Vec<Spelling> = Vec::with_capacity(a.mentions.len());
        let mut by_fold: FastMap<Cow<str>, usize> =
            FastMap::with_capacity_and_hasher(a.mentions.len(), Default::default());
        let mut uses = Vec::with_capacity(a.mentions.len());
        let mut lower_case = Vec::new();
        for (i, t) in a.tokens.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            if !t.capitalised {
                if t.span.len() >= min_length {
                    lower_case.push(i);
                }
                continue;
            }
            // Another language spells names its own way ("Tunisie", "Srbiji"); a hashtag or a
            // handle is a label ("@AguilB").
            if a.is_foreign(i) || a.is_tag(i) {
                continue;
            }
            let word = strip_possessive(a.word(i));
            // No character folds to more letters than it has bytes: a short word is dropped
            // unfolded and unhashed.
            if word.len() < min_length {
                continue;
            }
            let Some((folded, letters)) = folded_name(a, i, word) else {
                continue;
            };
            if letters < min_length {
                continue;
            }
            let s = match by_fold.get(&*folded) {
                Some(&s) => s,
                None => {
                    by_fold.insert(folded.clone(), all.len());
                    all.push(Spelling {
                        folded,
                        letters,
                        shown: word,
                        uses: 0,
                        ordinary: false,
                    });
                    all.len() - 1
                }
            };
            all[s].uses += 1;
            uses.push((i, s));
        }
        Spellings {
            all,
            by_fold,
            uses,
            lower_case,
        }
    }

    /// The tokens where spelling `s` is used, in order.
    fn at(&self, s: usize) -> Vec<usize> {
        self.uses
            .iter()
            .filter(|&&(_, of)| of == s)
            .map(|&(i, _)| i)
            .collect()
    }
}

/// [`folded_word`] of token `i` (written `word` once its possessive is stripped) and its
/// [`letters`], unless it is an acronym ([`all_caps`]); an ASCII word (most are) is read once
/// for all three.
fn folded_name<'a>(a: &'a Analysis, i: usize, word: &str) -> Option<(Cow<'a, str>, usize)> {
    if !word.is_ascii() {
        if all_caps(word) {
            return None;
        }
        let folded = folded_word(a, i);
        let n = letters(&folded);
        return Some((folded, n));
    }
    // What each ASCII byte is, by table: one load a byte instead of four range tests.
    const LOWER: u8 = 1;
    const UPPER: u8 = 2;
    const DIGIT: u8 = 4;
    const HYPHEN: u8 = 8;
    static CLASS: [u8; 128] = {
        let mut table = [0; 128];
        let mut b = 0;
        while b < 128 {
            table[b] = match b as u8 {
                b'a'..=b'z' => LOWER,
                b'A'..=b'Z' => UPPER,
                b'0'..=b'9' => DIGIT,
                b'-' => HYPHEN,
                _ => 0,
            };
            b += 1;
        }
        table
    };
    let (mut seen, mut upper, mut alphanumeric) = (0, 0, 0);
    for &b in word.as_bytes() {
        let class = CLASS[usize::from(b & 0x7f)];
        seen |= class;
        upper += usize::from(class == UPPER);
        alphanumeric += usize::from(class & (LOWER | UPPER | DIGIT) != 0);
    }
    if seen & LOWER == 0 && upper > 1 {
        return None;
    }
    // Folding keeps an ASCII word's letters and digits, and changes only its case and hyphens.
    let folded = if seen & HYPHEN != 0 {
        Cow::Owned(fold(word))
    } else {
        Cow::Borrowed(&a.lower(i)[..word.len()])
    };
    Some((folded, alphanumeric))
}

/// The mention token `i` is part of.
fn mention_at<'x>(a: &'x Analysis, i: usize) -> Option<&'x Mention> {
    let m = a
        .mentions
        .partition_point(|m| m.tokens.start <= i)
        .checked_sub(1)?;
    Some(&a.mentions[m]).filter(|m| i < m.tokens.end)
}

/// Folded given names written before the uses `at` of a name, in the same mention ("marcelo"
/// for "Marcelo Feitosa"); titles, ordinary words and acronyms are not given names.
fn given_names(a: &Analysis, at: &[usize]) -> FastSet<String> {
    let mut out = FastSet::default();
    for &i in at {
        let Some(m) = mention_at(a, i) else {
            continue;
        };
        if i > m.tokens.start && a.tokens[i - 1].is_word() {
            let prev = a.word(i - 1);
            if !is_title_at(a, i - 1) && !all_caps(prev) {
                let pf = fold(prev);
                if !gazetteer::is_common_word(&pf) {
                    out.insert(pf);
                }
            }
        }
    }
    out
}

/// Folded words written after the uses `at` of a name, in the same mention: the surnames, when
/// it is a given name ("feitosa" for "Marcelo").
fn family_names(a: &Analysis, at: &[usize]) -> FastSet<String> {
    let mut out = FastSet::default();
    for &i in at {
        let Some(m) = mention_at(a, i) else {
            continue;
        };
        if i + 1 < m.tokens.end && a.tokens[i + 1].is_word() {
            out.insert(fold(strip_possessive(a.word(i + 1))));
        }
    }
    out
}

/// Articles that open a name in other languages ("El Colombiano", "Le Monde", "Die Zeit").
const NAME_ARTICLES: &[&str] = &[
    "el", "la", "le", "les", "los", "las", "il", "lo", "der", "die", "das",
];

/// Does the use at token `i` follow an article that opens a name in another language, in the
/// same mention ("El Colombiano")?
fn after_name_article(a: &Analysis, i: usize) -> bool {
    mention_at(a, i).is_some_and(|m| i > m.tokens.start && NAME_ARTICLES.contains(&a.lower(i - 1)))
}

/// The spelling variants of names in the article (shared with the gazetteer check, which
/// leaves these to this one).
/// Letters of the shortest name compared: a four-letter one only against an unknown spelling
/// one edit away ("Kohl" … "Kojl"), shorter than `min_length`.
const SHORTEST: usize = 4;

pub(crate) fn find(a: &Analysis, knowledge: &Knowledge, o: &Options) -> Vec<Variant> {
    // Four-letter names are compared too, with more evidence (see `SHORTEST`).
    let shortest = o.min_length.min(SHORTEST);
    let mut spellings = Spellings::new(a, shortest);
    if spellings.all.is_empty() {
        return Vec::new();
    }
    // A spelling the article also writes in lower case is an ordinary word. Spellings have at
    // least `min_length` letters, so shorter words cannot be one; most others are ruled out by
    // their length and first letter, unhashed.
    let mut shapes = ShapeFilter::default();
    for spelling in &spellings.all {
        shapes.insert(spelling.folded.as_bytes());
    }
    for &i in &spellings.lower_case {
        let word = a.word(i);
        if shapes.may_contain(word)
            && let Some(&s) = spellings.by_fold.get(word)
        {
            spellings.all[s].ordinary = true;
        }
    }
    let all = &spellings.all;
    // Only a spelling used at least twice can be the majority one, so only those are indexed;
    // and a spelling is only looked up when some indexed one is used often enough to outvote it.
    let mut index = NearIndex::new(2);
    let mut indexed: Vec<usize> = Vec::new();
    let mut most_used = 0;
    for (s, spelling) in all.iter().enumerate() {
        if spelling.uses >= 2 && spelling.is_name() {
            index.insert(&spelling.folded);
            indexed.push(s);
            most_used = most_used.max(spelling.uses);
        }
    }
    let mut out = Vec::new();
    for (m, minority) in all.iter().enumerate() {
        if most_used < 2 || most_used < o.ratio * minority.uses {
            continue;
        }
        let wf = &*minority.folded;
        // One edit for a four-letter spelling too (`budget` allows none below five letters);
        // such short pairs pass only the tighter tests below.
        let max_edits = budget(minority.letters).max(u32::from(minority.letters >= shortest));
        // Most capitalised words are near no name of the article: the cheapest tests go
        // first, then the common-word look-up ("The", "Police"), then the distances.
        if !minority.may_be_name()
            || !index.may_have_near(wf, max_edits)
            || gazetteer::is_common_word(wf)
        {
            continue;
        }
        let near = index.near(wf, max_edits);
        // A real place or a listed name is not a slip for another one (Gambia/Zambia).
        if near.is_empty()
            || gazetteer::gazetteer().is_known(wf)
            || knowledge.knows_word(wf)
            || knowledge.knows_phrase(wf)
        {
            continue;
        }
        // A spelling that is itself a well-known name is as likely another person ("Chan",
        // "Chen"; "Johnson", "Johnston") as a slip; an unknown one one edit from a name the
        // article uses is a slip.
        let unknown = !gazetteer::is_proper_word(wf);
        let minority_at = spellings.at(m);
        let given = std::cell::OnceCell::new();
        let family = std::cell::OnceCell::new();
        let mut best: Option<(usize, u32)> = None;
        for (id, d) in near {
            let t = indexed[id as usize];
            let majority = &all[t];
            let rf = &*majority.folded;
            if majority.uses < 2
                || majority.uses < o.ratio * minority.uses
                || inflected(wf, rf)
                || (d >= 2 && wf.chars().next() != rf.chars().next())
            {
                continue;
            }
            // A short name ("Kohl", "Sata") is one letter from many others: only an unknown
            // spelling one edit away, with the same first letter, is a slip for it.
            let short = minority.letters < o.min_length || majority.letters < o.min_length;
            if short && !(unknown && d == 1 && wf.chars().next() == rf.chars().next()) {
                continue;
            }
            // And in the same place in a name: "Hong" of "Hong Kong" is not "Siu Heng", nor
            // the city of Cali the given name of "Cari Isa Vanegas".
            if short
                && *family.get_or_init(|| family_names(a, &minority_at))
                    != family_names(a, &spellings.at(t))
            {
                continue;
            }
            // Two well-known words are two words (Arabic/Arabia, Hindi/Hindu, Reagan's Regan),
            // not one name misspelt, unless both are the given name of one family name
            // ("Mohammad Syaugi" … "Muhammad Syaugi").
            if gazetteer::is_proper_word(wf)
                && (gazetteer::is_proper_word(rf) || gazetteer::gazetteer().is_known(rf))
                && family
                    .get_or_init(|| family_names(a, &minority_at))
                    .is_disjoint(&family_names(a, &spellings.at(t)))
            {
                continue;
            }
            let majority_at = spellings.at(t);
            // Two people: each spelling comes with its own given name; unless the rarer
            // spelling is unknown, one edit from the other: one family, one slip ("Martyn
            // Williams", "Shane Williasms").
            let given = given.get_or_init(|| given_names(a, &minority_at));
            let one_family = unknown && d == 1 && !gazetteer::gazetteer().is_known(rf);
            if !given.is_empty() && !one_family {
                let other = given_names(a, &majority_at);
                if !other.is_empty()
                    && given.is_disjoint(&other)
                    && !given
                        .iter()
                        .any(|g| other.iter().any(|h| distance(g, h) <= budget(letters(h))))
                {
                    continue;
                }
            }
            // Two people: each spelling is the given name of another family (Mario Draghi,
            // Maria Rossi).
            let family = family.get_or_init(|| family_names(a, &minority_at));
            if !family.is_empty() {
                let other = family_names(a, &majority_at);
                if !other.is_empty() && family.is_disjoint(&other) {
                    continue;
                }
            }
            let better = match best {
                None => true,
                Some((b, bd)) => {
                    majority.uses > all[b].uses || (majority.uses == all[b].uses && d < bd)
                }
            };
            if better {
                best = Some((t, d));
            }
        }
        let Some((t, _)) = best else {
            continue;
        };
        let rf = &*all[t].folded;
        // The minority is a word of another name: "El Colombiano" (a newspaper) beside
        // Colombia.
        if minority_at.iter().all(|&i| after_name_article(a, i)) {
            continue;
        }
        // A name in the spelling of its own language beside the English one ("Moçambique",
        // "Mozambique"; spellings that differ only in accents are one spelling here) is not a
        // slip: a slip rarely adds a letter English lacks.
        if !minority.shown.is_ascii() && all[t].shown.is_ascii() {
            continue;
        }
        // A quotation keeps its author's transliteration ("Usama" in a statement quoted word
        // for word); outside quotations, mixing them is a slip. An English name has one
        // spelling ("Afrrican", "Bejing" are slips wherever they stand).
        let transliterated = transliteration_variant(wf, rf)
            && !gazetteer::is_proper_word(rf)
            && !gazetteer::gazetteer().is_known(rf);
        let minority_at: Vec<usize> = minority_at
            .into_iter()
            .filter(|&i| !(transliterated && a.in_quoted_voice(i)))
            .collect();
        if minority_at.is_empty() {
            continue;
        }
        out.push(Variant {
            wrong: minority.shown.to_string(),
            right: all[t].shown.to_string(),
            wrong_at: minority_at,
            right_at: spellings.at(t),
        });
    }
    out.sort_by_key(|v| v.wrong_at[0]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn folded_names_agree_with_the_plain_definitions() {
        use super::{all_caps, folded_name, folded_word, letters, strip_possessive};
        use crate::analysis::Analysis;
        use crate::document::{Document, Format};
        let text = "MORALES'S aides met Evo Morales’s allies in São Paulo. Copa-Cogeca, OAS, \
                    O'Brien, McDONALD, Mc-Kay, X-Ray, A1, B2B, Ab, ΟΔΥΣΣΕΑΣ, Núñez's and I met \
                    Kowalski-Nowak in Łódź at 9 AM.";
        let doc = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&doc);
        for i in (0..a.tokens.len()).filter(|&i| a.tokens[i].is_word()) {
            let word = strip_possessive(a.word(i));
            let plain = (!all_caps(word)).then(|| {
                let folded = folded_word(&a, i);
                let n = letters(&folded);
                (folded, n)
            });
            assert_eq!(folded_name(&a, i, word), plain, "{word}");
        }
    }
}
