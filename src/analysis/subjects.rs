//! Who each sentence is about: the names in it, lower case, so that the number checks can tie
//! two figures to one person ("Smith, 45, … Smith was born in 1970"). Worked out for a
//! sentence when a check first asks about it, then kept: the checks ask about a few
//! sentences of an article (those with an age, an ordinal, a tenure), not all of them.

use super::numbers;
use super::{Analysis, TokenKind};
use std::ops::Range;
use std::sync::OnceLock;

/// The names of every sentence of a document, each sentence's worked out on first use.
pub struct Subjects {
    sentences: Vec<OnceLock<Vec<Box<str>>>>,
    /// The last word of every mention, for `used_as_name` (made when first needed).
    ends: OnceLock<Vec<MentionEnd>>,
}

impl Subjects {
    pub(super) fn new(a: &Analysis) -> Subjects {
        Subjects {
            sentences: (0..a.sentences.len()).map(|_| OnceLock::new()).collect(),
            ends: OnceLock::new(),
        }
    }

    pub(super) fn sentence<'x>(&'x self, a: &Analysis, sentence: usize) -> Names<'x> {
        let names = self.sentences[sentence].get_or_init(|| self.extract(a, sentence));
        Names { names }
    }

    fn ends(&self, a: &Analysis) -> &[MentionEnd] {
        self.ends.get_or_init(|| mention_ends(a))
    }
}

/// The names in one sentence: lower case, each once, in alphabetical order.
#[derive(Clone, Copy)]
pub struct Names<'x> {
    names: &'x [Box<str>],
}

impl<'x> Names<'x> {
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The names, in alphabetical order.
    pub fn iter(&self) -> NamesIter<'x> {
        NamesIter {
            names: self.names.iter(),
        }
    }

    /// No name in both (`BTreeSet::is_disjoint`).
    pub fn is_disjoint(&self, other: Names) -> bool {
        self.shared_up_to(other, 1) == 0
    }

    /// How many names are in both.
    pub fn shared(&self, other: Names) -> usize {
        self.shared_up_to(other, usize::MAX)
    }

    /// How many names are in both, counting no further than `limit`: name by name for a few
    /// (most sentences have one or two), else by merging the two alphabetical lists, so that
    /// a sentence of a hundred names is not compared a hundred times a hundred.
    fn shared_up_to(&self, other: Names, limit: usize) -> usize {
        let (x, y) = (self.names, other.names);
        if x.len() * y.len() <= 64 {
            return x.iter().filter(|name| y.contains(name)).take(limit).count();
        }
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < x.len() && j < y.len() && n < limit {
            match x[i].cmp(&y[j]) {
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
    names: std::slice::Iter<'x, Box<str>>,
}

impl<'x> Iterator for NamesIter<'x> {
    type Item = &'x str;

    fn next(&mut self) -> Option<&'x str> {
        self.names.next().map(|name| &**name)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.names.size_hint()
    }
}

impl std::fmt::Debug for Names<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl Subjects {
    /// Surnames and other names in one sentence, lower case (the lemma of the last word of
    /// each capitalised run). A sentence-initial run counts only if the same word is used as
    /// a name elsewhere ("Morales was nominated…" after "…announced Morales,…") or is never
    /// written in lower case in the article ("Japan, in 2025, …" but not "Officials
    /// said…"). Months and weekdays are not who a sentence is about.
    fn extract(&self, a: &Analysis, sentence: usize) -> Vec<Box<str>> {
        let s = &a.sentences[sentence];
        // Mentions are in document order, and none crosses a sentence.
        let first = a
            .mentions
            .partition_point(|m| m.tokens.start < s.tokens.start);
        let mut names: Vec<Box<str>> = Vec::new();
        for m in a.mentions[first..]
            .iter()
            .take_while(|m| m.tokens.start < s.tokens.end)
        {
            if !(m.span.start >= s.span.start && m.span.end <= s.span.end) {
                continue;
            }
            let Some(t) = last_word(a, m.tokens.clone()) else {
                continue;
            };
            let name = numbers::lemma_of_lower(a.lower(t));
            if (m.sentence_initial && !used_as_name(a, self.ends(a), &name))
                || numbers::month_number(&name).is_some()
                || numbers::is_weekday_lower(&name)
            {
                continue;
            }
            names.push(name.into());
        }
        names.sort_unstable();
        names.dedup();
        names
    }
}

/// A mention as `used_as_name` asks about it.
struct MentionEnd {
    /// The token of its last word.
    word: usize,
    /// The first two bytes of that word, lower case (see `head_of`).
    head: u16,
    sentence_initial: bool,
    several_tokens: bool,
}

/// Every mention with a word, as `used_as_name` asks about it.
fn mention_ends(a: &Analysis) -> Vec<MentionEnd> {
    let mut ends = Vec::with_capacity(a.mentions.len());
    for m in &a.mentions {
        let Some(word) = last_word(a, m.tokens.clone()) else {
            continue;
        };
        let (start, end) = a.lower_at[word];
        ends.push(MentionEnd {
            word,
            head: head_of(&a.lower_buf.as_bytes()[start as usize..end as usize]),
            sentence_initial: m.sentence_initial,
            several_tokens: m.tokens.len() > 1,
        });
    }
    ends
}

/// The first two bytes of a word as one number, a zero for a missing one.
fn head_of(word: &[u8]) -> u16 {
    u16::from_le_bytes([
        word.first().copied().unwrap_or(0),
        word.get(1).copied().unwrap_or(0),
    ])
}

/// Is `name` (the lemma of a sentence-initial mention's last word) a name? It is if a mention
/// inside a sentence ends in it; else if a sentence-initial mention does, of more than one
/// word or a name of more than three letters and not a stop word, and no word written in
/// lower case anywhere in the document has it as its lemma.
fn used_as_name(a: &Analysis, ends: &[MentionEnd], name: &str) -> bool {
    let may_end_in = WordsFor::new(name);
    let mut initial = false;
    for m in ends {
        // Inside a sentence, or the first sentence-initial one of more than one word.
        let asked = !m.sentence_initial || (!initial && m.several_tokens);
        if !asked || !may_end_in.may_start(m.head) || !may_end_in.is(a.lower(m.word)) {
            continue;
        }
        if !m.sentence_initial {
            return true;
        }
        initial = true;
    }
    let initial = !numbers::STOP_SET.contains(name) && (initial || name.chars().count() > 3);
    initial && !written_in_lower_case(a, name)
}

/// The lower-case words whose lemma is a name.
struct WordsFor<'n> {
    name: &'n str,
    /// All of the name but its last letter: a word whose lemma is the name starts with it
    /// ("cities" → "city"), or with an irregular word for the name ("men's" → "man").
    prefix: &'n [u8],
    /// `head_of` the prefix, and the bits of a word's head to compare with it: both bytes, the
    /// first (a prefix of one letter) or none.
    head: u16,
    head_mask: u16,
    irregular: bool,
}

impl<'n> WordsFor<'n> {
    fn new(name: &'n str) -> WordsFor<'n> {
        let prefix = &name.as_bytes()[..name.len().saturating_sub(1)];
        let head_mask = match prefix.len() {
            0 => 0,
            1 => 0x00ff,
            _ => 0xffff,
        };
        WordsFor {
            name,
            prefix,
            head: head_of(prefix) & head_mask,
            head_mask,
            irregular: numbers::irregular_words_for(name).next().is_some(),
        }
    }

    /// Can a word whose `head_of` is `head` have the name as its lemma? (A test on the first
    /// bytes of the prefix, asked of every mention.)
    fn may_start(&self, head: u16) -> bool {
        self.irregular || head & self.head_mask == self.head
    }

    /// Is `name` the lemma of `word`? (A quick test on its first bytes before the lemma is
    /// worked out.)
    fn is(&self, word: &str) -> bool {
        let may_be = word.as_bytes().starts_with(self.prefix)
            || (self.irregular
                && numbers::irregular_words_for(self.name).any(|w| word.starts_with(w)));
        may_be && numbers::lemma_of_lower(word) == self.name
    }
}

/// The last word token of a mention.
fn last_word(a: &Analysis, tokens: Range<usize>) -> Option<usize> {
    tokens.rev().find(|&t| a.tokens[t].kind == TokenKind::Word)
}

/// Is `name` the lemma of a word written in lower case somewhere in the document ("officials"
/// for "Officials")?
fn written_in_lower_case(a: &Analysis, name: &str) -> bool {
    if a.lower_buf.len() == a.text.len()
        && let Some(found) = searched(a, name)
    {
        return found;
    }
    scanned(a, name)
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
            && numbers::lemma_of_lower(a.lower(i)) == name
    };
    let mut starts: Vec<&[u8]> = vec![prefix];
    for w in numbers::irregular_words_for(name) {
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
/// lower case is compared with the name.
fn scanned(a: &Analysis, name: &str) -> bool {
    // A lemma starts with its word's first byte (suffixes go, irregular plurals keep it:
    // "men" → "man"), so most words are ruled out without working out their lemma.
    let first = name.as_bytes().first();
    a.tokens.iter().enumerate().any(|(i, t)| {
        if t.kind != TokenKind::Word || t.capitalised {
            return false;
        }
        let lower = a.lower(i);
        (first.is_none() || lower.as_bytes().first() == first)
            && numbers::lemma_of_lower(lower) == name
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::analysis::numbers::{irregular_words_for, lemma_of_lower};
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

    /// The names of a sentence by their plain definition, worked out for the whole document:
    /// the lemma of every mention's last word; a sentence-initial one only if some mention
    /// inside a sentence has the same lemma, or if one at the start of a sentence passes the
    /// tests (not a stop word; more than one word or more than three letters) and no word
    /// written in lower case has it as its lemma; no month or weekday.
    fn names_by_definition(a: &Analysis, sentence: usize) -> Vec<String> {
        use crate::analysis::numbers::{STOP_SET, is_weekday_lower, month_number};
        use std::collections::BTreeSet;
        let lemma = |m: &crate::analysis::Mention| {
            super::last_word(a, m.tokens.clone()).map(|t| lemma_of_lower(a.lower(t)).into_owned())
        };
        let inside: BTreeSet<String> = a
            .mentions
            .iter()
            .filter(|m| !m.sentence_initial)
            .filter_map(lemma)
            .collect();
        let initial: BTreeSet<String> = a
            .mentions
            .iter()
            .filter(|m| m.sentence_initial)
            .filter_map(|m| {
                let l = lemma(m)?;
                let passes =
                    !STOP_SET.contains(&l) && (m.tokens.len() > 1 || l.chars().count() > 3);
                passes.then_some(l)
            })
            .collect();
        let in_lower_case: BTreeSet<String> = (0..a.tokens.len())
            .filter(|&i| {
                a.tokens[i].kind == crate::analysis::TokenKind::Word && !a.tokens[i].capitalised
            })
            .map(|i| lemma_of_lower(a.lower(i)).into_owned())
            .collect();
        let s = &a.sentences[sentence];
        let names: BTreeSet<String> = a
            .mentions
            .iter()
            .filter(|m| a.sentence_of[m.tokens.start] == sentence)
            .filter(|m| m.span.start >= s.span.start && m.span.end <= s.span.end)
            .filter_map(|m| {
                let l = lemma(m)?;
                let named =
                    inside.contains(&l) || (initial.contains(&l) && !in_lower_case.contains(&l));
                let calendar = month_number(&l).is_some() || is_weekday_lower(&l);
                ((!m.sentence_initial || named) && !calendar).then_some(l)
            })
            .collect();
        names.into_iter().collect()
    }

    proptest::proptest! {
        #[test]
        fn names_are_those_of_the_plain_definition(
            words in proptest::collection::vec(0usize..WORDS.len(), 1..60),
            any_sentence in 0usize..100,
        ) {
            let text: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
            let d = analysed(&text.join(" "));
            let a = Analysis::new(&d);
            // One sentence asked first (the rest after it), then every sentence.
            let first = (!a.sentences.is_empty()).then(|| any_sentence % a.sentences.len());
            for s in first.into_iter().chain(0..a.sentences.len()) {
                let names: Vec<&str> = a.names_in_sentence(s).iter().collect();
                proptest::prop_assert_eq!(names, names_by_definition(&a, s), "{}: {}", s, text.join(" "));
            }
        }
    }

    /// Words for `names_are_those_of_the_plain_definition`: names, words that are names only
    /// at the start of a sentence, their lower-case and irregular forms, connectors, months,
    /// one-letter words, non-ASCII capitals, sentence ends.
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "Morales", "Mesa", "Ortiz", "Officials", "officials", "official", "Cities", "cities",
        "city", "Men", "men", "men's", "Man", "Women", "People", "people", "Police", "police",
        "The", "the", "He", "In", "March", "march", "May", "may", "Monday", "Santa", "Cruz",
        "de", "la", "Sierra", "Japan", "A", "a", "I", "x", "X", "Boxes", "box", "İzmir",
        "Élise", "élise", "said", "met", "in", "and", ",", ".", ".", "!", "\"", "(", ")",
    ];

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
