//! Who each sentence is about: the names in it, lower case, so that the number checks can tie
//! two figures to one person ("Smith, 45, … Smith was born in 1970"). Computed for every
//! sentence in one pass over the document, not once per question.
//!
//! Each distinct name is stored once and numbered; a sentence holds name numbers. So the
//! whole document costs a few vectors, not a set of owned strings per sentence.

use super::{Analysis, TokenKind};
use super::{lexical, numbers};
use crate::fast_hash::FastMap;
use std::borrow::Cow;
use std::ops::Range;

/// The names of every sentence of a document.
pub(super) struct Subjects {
    /// The distinct names, one after another.
    text: String,
    /// Where each name is in `text`, by name number.
    names: Vec<(u32, u32)>,
    /// Sentence `s` has the name numbers `ids[at[s]..at[s + 1]]`.
    at: Vec<u32>,
    /// Name numbers, sentence by sentence, each sentence's in the alphabetical order of the
    /// names.
    ids: Vec<u32>,
}

impl Subjects {
    pub(super) fn sentence(&self, sentence: usize) -> Names<'_> {
        let ids = &self.ids[self.at[sentence] as usize..self.at[sentence + 1] as usize];
        Names {
            text: &self.text,
            names: &self.names,
            ids,
        }
    }
}

/// The names in one sentence: lower case, each once, in alphabetical order. Two sentences'
/// names (of one document) are compared by number, not letter by letter.
#[derive(Clone, Copy)]
pub struct Names<'x> {
    text: &'x str,
    names: &'x [(u32, u32)],
    ids: &'x [u32],
}

impl<'x> Names<'x> {
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The names, in alphabetical order.
    pub fn iter(&self) -> NamesIter<'x> {
        NamesIter {
            text: self.text,
            names: self.names,
            ids: self.ids.iter(),
        }
    }

    /// No name in both (`BTreeSet::is_disjoint`). Both must be of one document.
    pub fn is_disjoint(&self, other: Names) -> bool {
        self.shared_up_to(other, 1) == 0
    }

    /// How many names are in both. Both must be of one document.
    pub fn shared(&self, other: Names) -> usize {
        self.shared_up_to(other, usize::MAX)
    }

    /// How many names are in both, counting no further than `limit`: name by name for a few
    /// (most sentences have one or two), else by merging the two alphabetical lists, so that
    /// a sentence of a hundred names is not compared a hundred times a hundred.
    fn shared_up_to(&self, other: Names, limit: usize) -> usize {
        let (x, y) = (self.ids, other.ids);
        if x.len() * y.len() <= 64 {
            return x.iter().filter(|id| y.contains(id)).take(limit).count();
        }
        let name = |id: u32| {
            let (start, end) = self.names[id as usize];
            &self.text[start as usize..end as usize]
        };
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < x.len() && j < y.len() && n < limit {
            match name(x[i]).cmp(name(y[j])) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }
}

impl<'x> IntoIterator for Names<'x> {
    type Item = &'x str;
    type IntoIter = NamesIter<'x>;

    fn into_iter(self) -> NamesIter<'x> {
        self.iter()
    }
}

/// The names of a sentence, in alphabetical order (see [`Names::iter`]).
#[derive(Clone)]
pub struct NamesIter<'x> {
    text: &'x str,
    names: &'x [(u32, u32)],
    ids: std::slice::Iter<'x, u32>,
}

impl<'x> Iterator for NamesIter<'x> {
    type Item = &'x str;

    fn next(&mut self) -> Option<&'x str> {
        let &id = self.ids.next()?;
        let (start, end) = self.names[id as usize];
        Some(&self.text[start as usize..end as usize])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ids.size_hint()
    }
}

impl std::fmt::Debug for Names<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// No name number: a mention without a word.
const NONE: u32 = u32::MAX;

/// Surnames and other names per sentence, lower case (the last word of each capitalised
/// run). A sentence-initial run counts only if the same word is used as a name elsewhere
/// ("Morales was nominated…" after "…announced Morales,…") or is never written in lower
/// case in the article ("Japan, in 2025, …" but not "Officials said…").
// (Never inlined, so that a profile shows what it costs: it runs once per document.)
#[inline(never)]
pub(super) fn extract(a: &Analysis) -> Subjects {
    let (number, distinct) = number_names(a);
    let named = counted(a, &number, &distinct);
    let pairs = sentence_names(a, &number, &distinct, &named);
    assemble(a, pairs, &distinct)
}

/// The last word of each mention, as a lemma, numbered (`NONE` for a mention without a
/// word), and the distinct lemmas by number. (Asking a map of the words before working out
/// their lemmas would cost about what the lemmas cost.)
fn number_names<'x>(a: &'x Analysis) -> (Vec<u32>, Vec<Cow<'x, str>>) {
    let mut number_of: FastMap<Cow<str>, u32> =
        FastMap::with_capacity_and_hasher(a.mentions.len(), Default::default());
    let mut distinct: Vec<Cow<str>> = Vec::new();
    let number: Vec<u32> = a
        .mentions
        .iter()
        .map(|m| {
            let Some(t) = last_word(a, m.tokens.clone()) else {
                return NONE;
            };
            let lemma = lexical::lemma_of_lower(a.lower(t));
            *number_of.entry(lemma).or_insert_with_key(|lemma| {
                distinct.push(lemma.clone());
                (distinct.len() - 1) as u32
            })
        })
        .collect();
    (number, distinct)
}

/// Which names count, by number: those used as a name inside a sentence, and those at the
/// start of one that pass the other tests and are never written in lower case.
fn counted(a: &Analysis, number: &[u32], distinct: &[Cow<str>]) -> Vec<bool> {
    let mut named = vec![false; distinct.len()];
    let mut initial = vec![false; distinct.len()];
    for (m, &n) in a.mentions.iter().zip(number) {
        if n == NONE {
            continue;
        }
        if !m.sentence_initial {
            named[n as usize] = true;
        } else {
            let w = &*distinct[n as usize];
            if !numbers::STOP_SET.contains(w) && (m.tokens.len() > 1 || w.chars().count() > 3) {
                initial[n as usize] = true;
            }
        }
    }
    let pending: Vec<u32> = (0..distinct.len() as u32)
        .filter(|&n| initial[n as usize] && !named[n as usize])
        .collect();
    let lower_case = written_in_lower_case(a, distinct, &pending);
    for (&n, lower) in pending.iter().zip(lower_case) {
        named[n as usize] = !lower;
    }
    named
}

/// (sentence, name number) of every name mention that counts, sorted, each once. Months and
/// weekdays are not who a sentence is about (asked once per name, when first met).
fn sentence_names(a: &Analysis, number: &[u32], distinct: &[Cow<str>], named: &[bool]) -> Vec<u64> {
    const UNKNOWN: u8 = 0;
    const CALENDAR: u8 = 1;
    let mut kind = vec![UNKNOWN; distinct.len()];
    let mut pairs: Vec<u64> = Vec::with_capacity(a.mentions.len());
    for (m, &n) in a.mentions.iter().zip(number) {
        // A mention never crosses a sentence, so it lies in its first token's sentence.
        let s = a.sentence_of[m.tokens.start];
        let span = &a.sentences[s].span;
        if n == NONE
            || !(m.span.start >= span.start && m.span.end <= span.end)
            || (m.sentence_initial && !named[n as usize])
        {
            continue;
        }
        let k = &mut kind[n as usize];
        if *k == UNKNOWN {
            let w = &*distinct[n as usize];
            *k = if numbers::month_number(w).is_some() || numbers::is_weekday_lower(w) {
                CALENDAR
            } else {
                CALENDAR + 1
            };
        }
        if *k != CALENDAR {
            pairs.push((s as u64) << 32 | u64::from(n));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The names of every sentence, from the sorted (sentence, name number) pairs.
fn assemble(a: &Analysis, pairs: Vec<u64>, distinct: &[Cow<str>]) -> Subjects {
    let mut text = String::new();
    let names: Vec<(u32, u32)> = distinct
        .iter()
        .map(|w| {
            let start = text.len();
            text.push_str(w);
            (offset(start), offset(text.len()))
        })
        .collect();
    let mut at = Vec::with_capacity(a.sentences.len() + 1);
    let mut ids: Vec<u32> = Vec::with_capacity(pairs.len());
    at.push(0);
    for p in pairs {
        let s = (p >> 32) as usize;
        if at.len() <= s {
            alphabetical(&mut ids, &at, distinct);
            while at.len() <= s {
                at.push(offset(ids.len()));
            }
        }
        ids.push(p as u32);
    }
    alphabetical(&mut ids, &at, distinct);
    while at.len() <= a.sentences.len() {
        at.push(offset(ids.len()));
    }
    Subjects {
        text,
        names,
        at,
        ids,
    }
}

/// Puts the names of the last sentence begun (from `at`'s last entry on) in alphabetical order.
fn alphabetical(ids: &mut [u32], at: &[u32], distinct: &[Cow<str>]) {
    let from = *at.last().expect("at least one sentence start") as usize;
    let last = &mut ids[from..];
    if last.len() > 1 {
        last.sort_unstable_by(|&x, &y| distinct[x as usize].cmp(&distinct[y as usize]));
    }
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("documents are under 4 GB")
}

/// The last word token of a mention.
fn last_word(a: &Analysis, tokens: Range<usize>) -> Option<usize> {
    tokens.rev().find(|&t| a.tokens[t].kind == TokenKind::Word)
}

/// For each of the `pending` names: is it the lemma of a word written in lower case somewhere
/// in the document ("officials" for "Officials")?
fn written_in_lower_case(a: &Analysis, distinct: &[Cow<str>], pending: &[u32]) -> Vec<bool> {
    /// Up to this many names, each is searched for in the text (a fast search per name); more
    /// are looked up word by word in one pass over the tokens (which costs the same for any
    /// number of names).
    const SEARCHED: usize = 12;
    if pending.is_empty() {
        return Vec::new();
    }
    let names: Vec<&str> = pending.iter().map(|&n| &*distinct[n as usize]).collect();
    if names.len() <= SEARCHED && a.lower_buf.len() == a.text.len() {
        let found: Option<Vec<bool>> = names.iter().map(|w| searched(a, w)).collect();
        if let Some(found) = found {
            return found;
        }
    }
    scanned(a, &names)
}

/// Is `name` the lemma of a word written in lower case, found by searching the lower-case
/// text for what such a word must start with (no pass over the tokens)? `None` when that
/// cannot be told this way (a one-letter name). Only for a document whose tokens all have
/// their lower-case text in place in `lower_buf`.
fn searched(a: &Analysis, name: &str) -> Option<bool> {
    // A word whose lemma is `name` starts with all of it but its last letter ("cities" →
    // "city"), or it is an irregular word for it ("men", "men's" → "man").
    let prefix = &name.as_bytes()[..name.len().saturating_sub(1)];
    if prefix.is_empty() {
        return None;
    }
    let text = a.lower_buf.as_bytes();
    let is_it = |at: usize| {
        let i = a.tokens.partition_point(|t| t.span.start < at);
        i < a.tokens.len()
            && a.tokens[i].span.start == at
            && a.tokens[i].kind == TokenKind::Word
            && !a.tokens[i].capitalised
            && lexical::lemma_of_lower(a.lower(i)) == name
    };
    let mut starts: Vec<&[u8]> = vec![prefix];
    for w in lexical::irregular_words_for(name) {
        if !w.as_bytes().starts_with(prefix) {
            starts.push(w.as_bytes());
        }
    }
    for start in starts {
        let finder = memchr::memmem::Finder::new(start);
        let mut from = 0;
        // Every occurrence, overlapping ones too (a word may start inside the last match).
        while let Some(at) = finder.find(&text[from..]) {
            if is_it(from + at) {
                return Some(true);
            }
            from += at + 1;
        }
    }
    Some(false)
}

/// `written_in_lower_case` by one pass over the tokens: the lemma of each word written in
/// lower case is looked up among the (distinct) names.
fn scanned(a: &Analysis, names: &[&str]) -> Vec<bool> {
    let mut found = vec![false; names.len()];
    let index: FastMap<&str, usize> = names.iter().enumerate().map(|(k, &w)| (w, k)).collect();
    // A lemma starts with its word's first byte (suffixes go, irregular plurals keep it:
    // "men" → "man"), so most words are ruled out without working out their lemma.
    let mut first = [false; 256];
    for w in names {
        match w.as_bytes().first() {
            Some(&b) => first[b as usize] = true,
            None => first = [true; 256],
        }
    }
    let mut left = names.len();
    for (i, t) in a.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || t.capitalised {
            continue;
        }
        let lower = a.lower(i);
        if !first[lower.as_bytes()[0] as usize] {
            continue;
        }
        if let Some(&k) = index.get(&*lexical::lemma_of_lower(lower))
            && !found[k]
        {
            found[k] = true;
            left -= 1;
            if left == 0 {
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::analysis::lexical::{irregular_words_for, lemma_of_lower};
    use crate::document::{Document, Format};

    #[test]
    fn a_lemma_keeps_the_first_byte_of_its_word() {
        for w in [
            "people",
            "men",
            "children",
            "feet",
            "teeth",
            "mice",
            "geese",
            "indices",
            "lives",
            "cities",
            "churches",
            "officers",
            "mayor's",
            "s's",
            "x’s",
            "police",
            "élites",
            "ñandúes",
            "reais",
            "troops",
        ] {
            assert_eq!(lemma_of_lower(w).as_bytes()[0], w.as_bytes()[0], "{w}");
        }
    }

    #[test]
    fn a_lemma_but_its_last_letter_begins_its_word_unless_irregular() {
        for w in [
            "people",
            "men",
            "children",
            "feet",
            "cities",
            "churches",
            "boxes",
            "officers",
            "mayor's",
            "s's",
            "x’s",
            "mayors'",
            "élites",
            "ñandúes",
            "reais",
            "troops",
            "basis",
            "bus",
            "lives",
            "a",
            "ies",
            "iesies",
        ] {
            let l = lemma_of_lower(w);
            let prefix = &l.as_bytes()[..l.len().saturating_sub(1)];
            assert!(
                irregular_words_for(&l).any(|x| x == w) || w.as_bytes().starts_with(prefix),
                "{w} → {l}"
            );
        }
    }

    fn analysed(text: &str) -> Document {
        Document::parse("t.md", text.to_string(), Format::Markdown)
    }

    #[test]
    fn sentence_initial_words_are_names_only_when_used_as_names() {
        let d = analysed(
            "Morales won. Officials met Morales in La Paz. Officials said the officials left. Japan, in 2025, grew.",
        );
        let a = Analysis::new(&d);
        let names = |s: usize| a.names_in_sentence(s).iter().collect::<Vec<_>>();
        assert_eq!(names(0), ["morale"]);
        assert_eq!(names(1), ["morale", "paz"]);
        assert!(names(2).is_empty());
        assert_eq!(names(3), ["japan"]);
    }

    #[test]
    fn lower_case_plurals_and_irregular_plurals_unmake_initial_names() {
        // "Cities" is written "cities", "Men" "men's", "People" "people": not names. "Women" is
        // never written in lower case, "Boxes" only as "box". Both ways of looking (a search of
        // the text; a pass over the tokens when a word's lower case is longer, as "İzmir"'s).
        for tail in ["", " İzmir grew."] {
            let d = analysed(&format!(
                "Cities grew. The cities grew. Men left. The men's cars left. Women stayed. \
                 Boxes came. A box came. People came. Many people came. Police came. Police \
                 officers came.{tail}"
            ));
            let a = Analysis::new(&d);
            assert_eq!(a.lower_buf.len() == a.text.len(), tail.is_empty());
            let names = |s: usize| a.names_in_sentence(s).iter().collect::<Vec<_>>();
            for s in [0, 2, 7] {
                assert!(names(s).is_empty(), "{tail}: {s}: {:?}", names(s));
            }
            assert_eq!(names(4), ["woman"], "{tail}");
            assert!(names(5).is_empty(), "{tail}: {:?}", names(5));
            // "Police" is only ever written with a capital.
            assert_eq!(names(9), ["police"], "{tail}");
        }
    }

    #[test]
    fn many_sentence_initial_names_at_once() {
        // More candidates than the quick test has bits: the last ones share one.
        let letter = |k: u8| char::from(b'a' + k);
        let words: Vec<String> = (0..80u8)
            .map(|k| format!("zorb{}{}", letter(k / 26), letter(k % 26)))
            .collect();
        let mut text: String = words
            .iter()
            .map(|w| format!("{}{} left. ", w[..1].to_uppercase(), &w[1..]))
            .collect();
        for w in words.iter().step_by(3) {
            text.push_str(&format!("The {w} came. "));
        }
        let d = analysed(&text);
        let a = Analysis::new(&d);
        for (k, w) in words.iter().enumerate() {
            let names: Vec<&str> = a.names_in_sentence(k).iter().collect();
            if k % 3 == 0 {
                assert!(names.is_empty(), "{w}: {names:?}");
            } else {
                assert_eq!(names, [&*lemma_of_lower(w)]);
            }
        }
    }

    #[test]
    fn long_lists_of_names_are_compared_by_merging() {
        let letter = |k: u8| char::from(b'a' + k);
        let name = |k: u8| format!("Zorb{}{}", letter(k / 26), letter(k % 26));
        // Sentence 0 names 0..40, sentence 1 names 30..70 (every other one), sentence 2 none
        // of them.
        let first: Vec<String> = (0..40).map(name).collect();
        let second: Vec<String> = (30..70).step_by(2).map(name).collect();
        let third: Vec<String> = (100..130).map(name).collect();
        let text = format!(
            "We met {}. We met {}. We met {}.",
            first.join(", "),
            second.join(", "),
            third.join(", ")
        );
        let d = analysed(&text);
        let a = Analysis::new(&d);
        let (x, y, z) = (
            a.names_in_sentence(0),
            a.names_in_sentence(1),
            a.names_in_sentence(2),
        );
        assert_eq!((x.len(), y.len(), z.len()), (40, 20, 30));
        assert_eq!(x.shared(y), 5);
        assert_eq!(y.shared(x), 5);
        assert!(!x.is_disjoint(y) && x.is_disjoint(z) && z.is_disjoint(y));
        let slow = x.iter().filter(|n| y.contains(n)).count();
        assert_eq!(slow, 5);
    }

    #[test]
    fn months_weekdays_and_repeats_are_left_out() {
        let d = analysed("In March, Ortiz met Mesa and Ortiz on Monday. Mesa left.");
        let a = Analysis::new(&d);
        let first = a.names_in_sentence(0);
        assert_eq!(first.iter().collect::<Vec<_>>(), ["mesa", "ortiz"]);
        assert_eq!(first.len(), 2);
        let second = a.names_in_sentence(1);
        assert!(!first.is_disjoint(second));
        assert_eq!(first.shared(second), 1);
        assert!(second.contains("mesa") && !second.contains("ortiz"));
        assert_eq!(format!("{first:?}"), r#"{"mesa", "ortiz"}"#);
    }
}
