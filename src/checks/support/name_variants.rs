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
use std::cell::OnceCell;
use std::sync::OnceLock;

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
#[derive(Clone)]
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
    /// How many of those are in the article's own language, outside quotations in another
    /// (see [`Spelling::may_be_usual`]).
    native: usize,
    /// The article also writes it in lower case: an ordinary word, not a name.
    ordinary: bool,
}

impl Spelling<'_> {
    /// Could it be a name? Tested only for the spellings compared, as the common-word look-up
    /// is not free.
    fn is_name(&self) -> bool {
        // A word written with letters English lacks is not the English word its letters fold
        // to ("Ángel" is a name, "angel" a word).
        self.may_be_name() && (!self.shown.is_ascii() || !gazetteer::is_common_word(&self.folded))
    }

    /// [`Spelling::is_name`] without the common-word look-up.
    fn may_be_name(&self) -> bool {
        !self.ordinary && !is_calendar_word(&self.folded)
    }

    /// Could it be the usual spelling of a name, which another is a slip for? It must be used
    /// twice, once at least in the article's own words: a passage in another language adds
    /// evidence for a spelling ("Bustamante" in a quoted Spanish tweet) but does not make one
    /// (its case forms, "Srbiji", "Putina", are its own).
    fn may_be_usual(&self) -> bool {
        self.uses >= 2 && self.native >= 1 && self.is_name()
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
            // A hashtag or a handle is a label ("@AguilB"), not a spelling.
            if a.is_tag(i) {
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
                        native: 0,
                        ordinary: false,
                    });
                    all.len() - 1
                }
            };
            all[s].uses += 1;
            all[s].native += usize::from(!a.is_foreign(i));
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
                if !gazetteer::is_common_word(&pf) && !is_calendar_word(&pf) {
                    out.insert(pf);
                }
            }
        }
    }
    out
}

/// The folded word written after each use `at` of a name, in the same mention, or `None` where
/// the name ends its mention: where in names it stands ("kong" after "Hong" in "Hong Kong";
/// none after "Sata" in "Michael Sata").
fn followers(a: &Analysis, at: &[usize]) -> FastSet<Option<String>> {
    at.iter().map(|&i| follower(a, i).map(fold)).collect()
}

/// Whether each use `at` of a word ends its name or has another word after it ("Hong" of
/// "Hong Kong" has, "Heng" of "Siu Heng" ends it). What comes before tells less: a full name
/// is often written once, and a slip there is still one.
fn places_in_names(a: &Analysis, at: &[usize]) -> FastSet<bool> {
    at.iter().map(|&i| follower(a, i).is_some()).collect()
}

/// The word written after the use `i` of a name, in the same mention (possessive removed).
fn follower<'a>(a: &Analysis<'a>, i: usize) -> Option<&'a str> {
    let m = mention_at(a, i)?;
    (i + 1 < m.tokens.end && a.tokens[i + 1].is_word()).then(|| strip_possessive(a.word(i + 1)))
}

/// Folded words written after the uses `at` of a name, in the same mention: the surnames, when
/// it is a given name ("feitosa" for "Marcelo"). Ordinary English words are not surnames:
/// "Greek Orthodox" and "Greek Reporter" are not two families (but "Miguel Ángel" is a name).
fn family_names(a: &Analysis, at: &[usize]) -> FastSet<String> {
    at.iter()
        .filter_map(|&i| follower(a, i))
        .map(|w| (w, fold(w)))
        .filter(|(w, f)| !w.is_ascii() || !gazetteer::is_common_word(f))
        .map(|(_, f)| f)
        .collect()
}

/// Is `minority` the usual spelling `rf` cut short by its last letter ("Mancin", "Hurle" for
/// "Mancini", "Hurley")? An unknown word is no stem of an inflection; but a final `s` or `a`
/// can be an ending of its own (a family's plural, a feminine surname), and a short name
/// cut short is too often another ("Saud", "Saudi"; "Abou", "Aboul"): it is not compared.
fn cut_short(minority: &Minority, rf: &str) -> bool {
    minority.unknown
        && rf
            .strip_prefix(minority.folded())
            .is_some_and(|rest| rest.chars().count() == 1 && rest != "s" && rest != "a")
}

/// Is token `i` in someone else's words, which keep their author's transliteration? Not in a
/// translation ([`in_translation`]), nor in a name or a title in quotation marks ("“Koboy
/// Palmerah”"), nor outside the quotation marks of a paragraph that opens with one, which marks
/// its own quotations (the "says Hammons" between two quoted halves).
fn keeps_its_authors_spelling(a: &Analysis, i: usize) -> bool {
    if !a.in_quoted_voice(i) || in_translation(a, i) || in_speaker_label(a, i) {
        return false;
    }
    let quoted = |k: &usize| a.tokens[*k].quoted;
    if a.tokens[i].quoted {
        // The quotation's words: all capitalised in a name or a title.
        let start = (0..i).rev().find(|k| !quoted(k)).map_or(0, |k| k + 1);
        let end = (i..a.tokens.len())
            .find(|k| !quoted(k))
            .unwrap_or(a.tokens.len());
        return (start..end).any(|k| a.tokens[k].is_word() && !a.tokens[k].capitalised);
    }
    let block = a.sentences[a.sentence_of[i]].block;
    let first = a.sentences.iter().find(|s| s.block == block);
    !first.is_some_and(|s| s.tokens.len() > 1 && a.tokens[s.tokens.start + 1].quoted)
}

/// Is token `i` in the label that opens an interview's answer, "Lasana Liburd (LL):": the
/// writer's words naming the speaker, not the speaker's. The label is up to four capitalised
/// words, perhaps with initials in brackets, then a colon, at the start of the paragraph.
fn in_speaker_label(a: &Analysis, i: usize) -> bool {
    let block = a.sentences[a.sentence_of[i]].block;
    let Some(first) = a.sentences.iter().find(|s| s.block == block) else {
        return false;
    };
    let start = first.tokens.start;
    let Some(colon) = (start..first.tokens.end.min(start + 9)).find(|&k| a.word(k) == ":") else {
        return false;
    };
    let mut names = 0;
    let mut k = start;
    while k < colon && a.tokens[k].is_word() && a.tokens[k].capitalised {
        names += 1;
        k += 1;
    }
    // "(LL)" after the name.
    if k + 2 < colon && a.word(k) == "(" && a.word(k + 2) == ")" {
        k += 3;
    }
    (1..=4).contains(&names) && k == colon && (start..colon).contains(&i)
}

/// Is token `i` in a paragraph that follows one in another language: a translation of it,
/// which is the writer's own words however quoted, and spells names the article's way ("Semin"
/// in the English of a quoted Russian post)?
fn in_translation(a: &Analysis, i: usize) -> bool {
    let sentence = a.sentence_of[i];
    let block = a.sentences[sentence].block;
    if block == 0 || a.is_foreign(i) {
        return false;
    }
    let (mut words, mut foreign) = (0, 0);
    let before = a.sentences[..sentence]
        .iter()
        .rev()
        .skip_while(|s| s.block == block)
        .take_while(|s| s.block + 1 == block);
    for s in before {
        for k in s.tokens.clone().filter(|&k| a.tokens[k].is_word()) {
            words += 1;
            foreign += usize::from(a.is_foreign(k));
        }
    }
    words > 0 && foreign * 2 > words
}

/// Can a use of `minority` in a passage in another language be a slip for `majority`?
/// Another language has its own names for places and for well-known things ("Tunisie",
/// "Brasil", "Africain") and its own case endings ("Srbiji" for "Srbija"); but it spells a
/// person's or a paper's name as English does, so an unknown spelling one or two letters from
/// such a name, not at its ending, is a slip there too ("Garetea" for "Garatea"); a
/// well-known surname written after a given name is a person's name ("Jonathan Shapiro").
fn foreign_slip(
    a: &Analysis,
    minority: &Minority,
    majority: &Spelling,
    majority_at: &[usize],
) -> bool {
    let (wf, rf) = (minority.folded(), &*majority.folded);
    minority.unknown
        && !gazetteer::gazetteer().is_known(rf)
        && !differ_in_ending_only(wf, rf)
        && (!gazetteer::is_proper_word(rf) || !given_names(a, majority_at).is_empty())
}

/// Do the two words differ only in their last letter, as case forms do ("srbija", "srbiji";
/// "putin", "putina"; "kirmizigul", "kirmizigul'e")?
fn differ_in_ending_only(a: &str, b: &str) -> bool {
    let common = crate::fuzzy::common_prefix_len(a, b);
    letters(&a[common..]) <= 1 && letters(&b[common..]) <= 1
}

/// Is token `i` a nickname: a word set alone in quotation marks after a word that names ('a
/// club long mocked as "Neverkusen"', 'dubbed "Iron Lady"')? A title in quotation marks is
/// the article's own writing, slips included ("the 'Intouchobles' reached 19 million").
fn mentioned_in_quotes(a: &Analysis, i: usize) -> bool {
    let mark = |k: usize| matches!(a.word(k), "\"" | "“" | "”" | "‘" | "’" | "'" | "«" | "»");
    i > 1
        && i + 1 < a.tokens.len()
        && mark(i - 1)
        && mark(i + 1)
        && matches!(
            a.lower(i - 2),
            "as" | "dubbed" | "nicknamed" | "called" | "branded" | "labelled" | "labeled" | "named"
        )
}

/// Do the two spellings differ in one letter that spells one sound two ways in family names
/// (Menezes/Meneses, Souza/Sousa)? Each may be a family's own spelling.
fn one_letter_spelt_two_ways(a: &str, b: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.len() != y.len() {
        return false;
    }
    let mut differ = x.iter().zip(&y).filter(|(p, q)| p != q);
    matches!(
        (differ.next(), differ.next()),
        (Some((p, q)), None) if matches!((p, q), ('s', 'z') | ('z', 's') | ('i', 'y') | ('y', 'i'))
    )
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

/// The name variants of the article being linted, found once (on first use) with the options
/// of each enabled `name-consistency` rule, for that rule, which reports them, and for the
/// `gazetteer` rule, which leaves them to it. Kept beside the article's [`Knowledge`] rather
/// than in its `Analysis`, as both depend on the rule sets loaded.
#[derive(Default)]
pub(crate) struct Found<'a> {
    options: Vec<&'a Options>,
    variants: OnceLock<Vec<Vec<Variant>>>,
}

impl<'a> Found<'a> {
    /// Built once per article, with the options of the enabled `name-consistency` rules.
    pub(crate) fn new(options: Vec<&'a Options>) -> Found<'a> {
        Found {
            options,
            variants: OnceLock::new(),
        }
    }

    /// What each enabled rule finds, in rule order.
    pub(crate) fn all(&self, a: &Analysis, knowledge: &Knowledge) -> &[Vec<Variant>] {
        self.variants
            .get_or_init(|| self.options.iter().map(|o| find(a, knowledge, o)).collect())
    }

    /// What a rule with these options finds: an enabled rule's share of [`Found::all`], or
    /// found now for a rule run alone while not enabled.
    pub(crate) fn with(
        &self,
        options: &Options,
        a: &Analysis,
        knowledge: &Knowledge,
    ) -> Cow<'_, [Variant]> {
        match self.options.iter().position(|o| std::ptr::eq(*o, options)) {
            Some(rule) => Cow::Borrowed(&self.all(a, knowledge)[rule]),
            None => Cow::Owned(find(a, knowledge, options)),
        }
    }
}

/// Letters of the shortest name compared: a four-letter one only against an unknown spelling
/// one edit away ("Kohl" … "Kojl"), shorter than `min_length`. A spelling a letter shorter
/// still is compared only as a slip: a letter dropped from a name used three times or more
/// ("Sata" … "Saa").
const SHORTEST: usize = 4;

/// The spelling variants of names in the article (shared with the gazetteer check, which
/// leaves these to this one).
pub(crate) fn find(a: &Analysis, knowledge: &Knowledge, o: &Options) -> Vec<Variant> {
    // Four-letter names are compared too, with more evidence (see `SHORTEST`).
    let mut spellings = Spellings::new(a, o.min_length.min(SHORTEST).saturating_sub(1).max(1));
    if spellings.all.is_empty() {
        return Vec::new();
    }
    spellings.mark_ordinary(a);
    let search = Search::new(a, knowledge, o, &spellings);
    let mut out: Vec<Variant> = (0..spellings.all.len())
        .filter_map(|m| search.variant_of(m))
        .collect();
    out.sort_by_key(|v| v.wrong_at[0]);
    out
}

impl Spellings<'_> {
    /// Marks the spellings the article also writes in lower case: ordinary words. Spellings
    /// have at least `min_length` letters, so shorter words cannot be one; most others are
    /// ruled out by their length and first letter, unhashed.
    fn mark_ordinary(&mut self, a: &Analysis) {
        let mut shapes = ShapeFilter::default();
        for spelling in &self.all {
            shapes.insert(spelling.folded.as_bytes());
        }
        for &i in &self.lower_case {
            let word = a.word(i);
            if shapes.may_contain(word)
                && let Some(&s) = self.by_fold.get(word)
            {
                self.all[s].ordinary = true;
            }
        }
    }
}

/// The spellings that may be the usual one of a name, indexed for near look-ups.
struct Search<'s, 'a> {
    a: &'s Analysis<'a>,
    knowledge: &'s Knowledge<'s>,
    o: &'s Options,
    spellings: &'s Spellings<'a>,
    /// Letters of the shortest spelling compared.
    shortest: usize,
    /// Only a spelling used at least twice can be the majority one, or a surname introduced
    /// once in full (see [`Search::introduced_then_slipped`]), so only those are indexed
    /// (`indexed` maps an index id to its spelling).
    index: NearIndex,
    indexed: Vec<usize>,
    /// Uses of the most used indexed spelling: a spelling is only looked up when some indexed
    /// one is used often enough to outvote it.
    most_used: usize,
    /// Some surname introduced once in full is indexed: a spelling used once is looked up.
    any_introduced: bool,
}

/// Is the one use `at` of a spelling a surname introduced in full: a given name before it and
/// nothing after it in its mention ("Helder Nogueira")?
fn introduces_a_surname(a: &Analysis, at: &[usize]) -> bool {
    followers(a, at).iter().all(Option::is_none) && !given_names(a, at).is_empty()
}

/// The rarer spelling being compared, with what is worked out about its uses on demand.
struct Minority<'s, 'a> {
    spelling: &'s Spelling<'a>,
    at: Vec<usize>,
    /// Not a well-known name: an unknown spelling one edit from a name the article uses is
    /// a slip.
    unknown: bool,
    given: OnceCell<FastSet<String>>,
    family: OnceCell<FastSet<String>>,
}

impl Minority<'_, '_> {
    fn folded(&self) -> &str {
        &self.spelling.folded
    }

    fn given(&self, a: &Analysis) -> &FastSet<String> {
        self.given.get_or_init(|| given_names(a, &self.at))
    }

    fn family(&self, a: &Analysis) -> &FastSet<String> {
        self.family.get_or_init(|| family_names(a, &self.at))
    }
}

impl<'s, 'a> Search<'s, 'a> {
    fn new(
        a: &'s Analysis<'a>,
        knowledge: &'s Knowledge<'s>,
        o: &'s Options,
        spellings: &'s Spellings<'a>,
    ) -> Self {
        let mut index = NearIndex::new(2);
        let mut indexed: Vec<usize> = Vec::new();
        let mut most_used = 0;
        let mut any_introduced = false;
        // The token of each spelling's first use, found in one pass (`Spellings::at` scans
        // every use, too slow to ask for each spelling used once).
        let mut first_use = vec![usize::MAX; spellings.all.len()];
        for &(i, s) in spellings.uses.iter().rev() {
            first_use[s] = i;
        }
        for (s, spelling) in spellings.all.iter().enumerate() {
            let usual = spelling.letters >= o.min_length.min(SHORTEST) && spelling.may_be_usual();
            // (The cheap test first: a capitalised word right before the one use.)
            let introduced = !usual
                && spelling.uses == 1
                && spelling.native == 1
                && spelling.letters >= o.min_length
                && first_use[s] > 0
                && a.tokens[first_use[s] - 1].capitalised
                && introduces_a_surname(a, &[first_use[s]])
                && spelling.is_name();
            if usual || introduced {
                index.insert(&spelling.folded);
                indexed.push(s);
                most_used = most_used.max(spelling.uses);
                any_introduced |= introduced;
            }
        }
        Search {
            a,
            knowledge,
            o,
            spellings,
            shortest: o.min_length.min(SHORTEST),
            index,
            indexed,
            most_used,
            any_introduced,
        }
    }

    /// Spelling `m` as a slip for a more usual one, if it is one.
    fn variant_of(&self, m: usize) -> Option<Variant> {
        let near = self.near_majorities(m)?;
        let minority = &self.spellings.all[m];
        let wf = &*minority.folded;
        let minority = Minority {
            spelling: minority,
            at: self.spellings.at(m),
            unknown: !gazetteer::is_proper_word(wf),
            given: OnceCell::new(),
            family: OnceCell::new(),
        };
        let t = self.best_majority(&minority, near)?;
        self.reported(minority, t)
    }

    /// The indexed spellings near spelling `m`, as (index id, edits), when `m` may be a slip
    /// for one at all.
    fn near_majorities(&self, m: usize) -> Option<Vec<(u32, u32)>> {
        let minority = &self.spellings.all[m];
        let outvoted = self.most_used >= 2 && self.most_used >= self.o.ratio * minority.uses;
        if !(outvoted || (minority.uses == 1 && self.any_introduced)) {
            return None;
        }
        let wf = &*minority.folded;
        // Most capitalised words are near no name of the article: the cheapest tests go
        // first, then the common-word look-up ("The", "Police"), then the distances.
        let max_edits = self.max_edits(minority.letters);
        if !minority.may_be_name()
            || !self.index.may_have_near(wf, max_edits)
            || gazetteer::is_common_word(wf)
        {
            return None;
        }
        let near = self.index.near(wf, max_edits);
        // A real place or a listed name is not a slip for another one (Gambia/Zambia).
        if near.is_empty()
            || gazetteer::gazetteer().is_known(wf)
            || self.knowledge.knows_word(wf)
            || self.knowledge.knows_phrase(wf)
        {
            return None;
        }
        Some(near)
    }

    /// Edits a spelling of `letters` letters may be from the usual one: one for a four-letter
    /// spelling too (`budget` allows none below five letters); such short pairs pass only the
    /// tighter tests of [`Search::one_name`].
    fn max_edits(&self, letters: usize) -> u32 {
        budget(letters).max(u32::from(letters + 1 >= self.shortest))
    }

    /// Of the near spellings, the one `minority` is a slip for: the most used, then the
    /// nearest.
    fn best_majority(&self, minority: &Minority, near: Vec<(u32, u32)>) -> Option<usize> {
        let all = &self.spellings.all;
        let mut best: Option<(usize, u32)> = None;
        for (id, d) in near {
            let t = self.indexed[id as usize];
            if !self.one_name(minority, t, d) {
                continue;
            }
            let majority = &all[t];
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
        best.map(|(t, _)| t)
    }

    /// Are `minority` and spelling `t`, `d` edits apart, one name: the majority used often
    /// enough, not an inflection, not two people or two words?
    fn one_name(&self, minority: &Minority, t: usize, d: u32) -> bool {
        let majority = &self.spellings.all[t];
        let (wf, rf) = (minority.folded(), &*majority.folded);
        let same_first = wf.chars().next() == rf.chars().next();
        let introduced = self.introduced_then_slipped(minority, t, d, same_first);
        if (!introduced
            && (majority.uses < 2 || majority.uses < self.o.ratio * minority.spelling.uses))
            || (inflected(wf, rf)
                && !(minority.spelling.letters >= self.o.min_length && cut_short(minority, rf)))
            || (d >= 2 && !same_first)
        {
            return false;
        }
        let a = self.a;
        // A short name ("Kohl", "Sata") is one letter from many others: only an unknown
        // spelling one edit away, with the same first letter, is a slip for it; and in a place
        // in a name where the usual spelling stands: "Hong" of "Hong Kong" is not "Siu Heng",
        // nor the city of Cali the given name of "Cari Isa Vanegas".
        // So is a place's name in another name, which may be another language's ("Blog Brasil
        // Escola" beside Brazil).
        let min_length = self.o.min_length;
        let short = minority.spelling.letters < min_length || majority.letters < min_length;
        if short && !(minority.unknown && d == 1 && same_first) {
            return false;
        }
        // Shorter than any name compared: only a letter dropped from a name used three times,
        // the slip included.
        if minority.spelling.letters < self.shortest
            && (majority.uses + minority.spelling.uses < 3
                || majority.letters != minority.spelling.letters + 1)
        {
            return false;
        }
        let majority_at = self.spellings.at(t);
        if short && !places_in_names(a, &minority.at).is_subset(&places_in_names(a, &majority_at)) {
            return false;
        }
        let (after_minority, after_majority) =
            (followers(a, &minority.at), followers(a, &majority_at));
        if gazetteer::gazetteer().is_known(rf) && !after_minority.is_subset(&after_majority) {
            return false;
        }
        // A word before a well-known name other than the ones the usual spelling stands
        // before opens another name ("Santo António" beside "Santa Maria"): a slip keeps the
        // rest of its name. (Before an ordinary word or an unknown one, it is a slip all the
        // same: "Grek Reporter" beside "Greek Orthodox".)
        if after_minority
            .iter()
            .all(|f| f.as_deref().is_some_and(gazetteer::is_proper_word))
            && !after_majority.contains(&None)
            && after_minority.is_disjoint(&after_majority)
        {
            return false;
        }
        // Two well-known words are two words (Arabic/Arabia, Hindi/Hindu, Reagan's Regan),
        // not one name misspelt, unless both are the given name of one family name
        // ("Mohammad Syaugi" … "Muhammad Syaugi") or the family name of one given name ("Ahmed
        // Mohamed" … "Ahmed Mohammed").
        if gazetteer::is_proper_word(wf)
            && (gazetteer::is_proper_word(rf) || gazetteer::gazetteer().is_known(rf))
            && minority
                .family(a)
                .is_disjoint(&family_names(a, &self.spellings.at(t)))
            && minority
                .given(a)
                .is_disjoint(&given_names(a, &self.spellings.at(t)))
        {
            return false;
        }
        !self.two_people(minority, t, d)
    }

    /// A name introduced once in full and then written once, later, on its own, one letter
    /// off ("Helder Nogueira" … "For Noguiera, …"; "Jacques Barrot" … "Mr Barot"): the full
    /// first mention is the spelling the article chose, and an unknown surname used alone
    /// later is that person's, slipped. No majority is needed for this one case.
    fn introduced_then_slipped(
        &self,
        minority: &Minority,
        t: usize,
        d: u32,
        same_first: bool,
    ) -> bool {
        let majority = &self.spellings.all[t];
        if majority.uses != 1
            || minority.spelling.uses != 1
            || !minority.unknown
            || d != 1
            || !same_first
            || minority.spelling.letters < self.o.min_length
            || majority.letters < self.o.min_length
        {
            return false;
        }
        // A feminine or masculine ending of its own is another person of the family
        // ("Ramon Abellano" … "Abellana"; "Kowalski" … "Kowalska").
        let (wf, rf) = (minority.folded(), &*majority.folded);
        if differ_in_ending_only(wf, rf)
            && [wf, rf].iter().any(|w| w.ends_with('a'))
            && [wf, rf].iter().any(|w| w.ends_with(['o', 'i', 'y', 'e']))
        {
            return false;
        }
        let a = self.a;
        let majority_at = self.spellings.at(t);
        majority_at[0] < minority.at[0]
            && !given_names(a, &majority_at).is_empty()
            && minority.given(a).is_empty()
            && minority.family(a).is_empty()
            && followers(a, &majority_at).contains(&None)
    }

    /// Do the two spellings name two people, each with a given name or a family name of its
    /// own?
    fn two_people(&self, minority: &Minority, t: usize, d: u32) -> bool {
        let a = self.a;
        let rf = &*self.spellings.all[t].folded;
        let majority_at = self.spellings.at(t);
        // Each spelling comes with its own given name; unless the rarer spelling is unknown,
        // one edit from the other: one family, one slip ("Martyn Williams", "Shane
        // Williasms").
        let given = minority.given(a);
        let one_family = minority.unknown
            && d == 1
            && !gazetteer::gazetteer().is_known(rf)
            && !one_letter_spelt_two_ways(minority.folded(), rf);
        if !given.is_empty() && !one_family {
            let other = given_names(a, &majority_at);
            if !other.is_empty()
                && given.is_disjoint(&other)
                && !given
                    .iter()
                    .any(|g| other.iter().any(|h| distance(g, h) <= budget(letters(h))))
            {
                return true;
            }
        }
        // Each spelling is the given name of another family (Mario Draghi, Maria Rossi); a word
        // after a given name is none ("Mohamed Ojld Jedou" beside "Ahmed Ould Abdallah").
        let family = minority.family(a);
        if !family.is_empty() && given.is_empty() {
            let other = family_names(a, &majority_at);
            if !other.is_empty() && family.is_disjoint(&other) {
                return true;
            }
        }
        false
    }

    /// The finding for `minority` as a slip for spelling `t`, with the uses to report, unless
    /// the rarer spelling is another name's word, another language's spelling, or only in
    /// quotations that keep their author's transliteration.
    fn reported(&self, minority: Minority, t: usize) -> Option<Variant> {
        let a = self.a;
        let majority = &self.spellings.all[t];
        let (wf, rf) = (minority.folded(), &*majority.folded);
        // The minority is a word of another name built on a well-known one: "El Colombiano"
        // (a newspaper) beside Colombia; not when the usual spelling stands there too, or is
        // no well-known word ("Les Intouchablas" beside "Intouchables").
        let majority_at = self.spellings.at(t);
        if minority.at.iter().all(|&i| after_name_article(a, i))
            && !majority_at.iter().any(|&i| after_name_article(a, i))
            && (gazetteer::is_proper_word(rf) || gazetteer::gazetteer().is_known(rf))
        {
            return None;
        }
        // A name in the spelling of its own language beside the English one ("Moçambique",
        // "Mozambique"; spellings that differ only in accents are one spelling here) is not a
        // slip: a slip rarely adds a letter English lacks.
        if !minority.spelling.shown.is_ascii() && majority.shown.is_ascii() {
            return None;
        }
        // A quotation keeps its author's transliteration ("Usama" in a statement quoted word
        // for word); outside quotations, mixing them is a slip. An English name has one
        // spelling ("Afrrican", "Bejing" are slips wherever they stand).
        let transliterated = transliteration_variant(wf, rf)
            && !gazetteer::is_proper_word(rf)
            && !gazetteer::gazetteer().is_known(rf);
        // Where the usual spelling is mostly another language's (the article's own words use
        // it once at most), a spelling that differs only in its ending is one of that
        // language's case forms ("Srbije" beside "Srbiju"); a case ending changes or adds a
        // letter, it does not drop the name's last ("Shapir" for "Shapiro").
        if majority.native < 2
            && majority.native < majority.uses
            && differ_in_ending_only(wf, rf)
            && minority.spelling.letters >= majority.letters
        {
            return None;
        }
        let foreign_slip = foreign_slip(a, &minority, majority, &majority_at);
        // A quotation that also has the usual spelling keeps no other one of its author's
        // ("Dorothy Dyton … the land Dytton was born on … said Dyton" in one quoted report).
        let block = |i: usize| a.sentences[a.sentence_of[i]].block;
        let usual_in_its_quotation = |i: usize| {
            majority_at
                .iter()
                .any(|&k| block(k) == block(i) && keeps_its_authors_spelling(a, k))
        };
        let wrong_at: Vec<usize> = minority
            .at
            .iter()
            .copied()
            .filter(|&i| {
                !(transliterated && keeps_its_authors_spelling(a, i) && !usual_in_its_quotation(i))
            })
            .filter(|&i| foreign_slip || !a.is_foreign(i))
            .filter(|&i| !mentioned_in_quotes(a, i))
            .collect();
        if wrong_at.is_empty() {
            return None;
        }
        Some(Variant {
            wrong: minority.spelling.shown.to_string(),
            right: majority.shown.to_string(),
            wrong_at,
            right_at: majority_at,
        })
    }
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
