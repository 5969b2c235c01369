//! `repetition`: a doubled word ("the the") and a word or phrase repeated on both sides of a
//! conjunction ("Demonstrations against and against Morales").

use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::{Analysis, TokenKind};
use crate::diagnostic::{Applicability, Diagnostic};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Words that may legitimately be doubled ("had had", "that that").
    #[serde(default = "default_doubles")]
    allow_doubled: Vec<String>,
    /// Conjunctions across which a repeated phrase is suspicious.
    #[serde(default = "default_conjunctions")]
    conjunctions: Vec<String>,
    /// Words that repeat idiomatically across a conjunction ("more and more", "over and over").
    #[serde(default = "default_idioms")]
    allow_across: Vec<String>,
    /// Longest phrase (in words) compared across a conjunction.
    #[serde(default = "default_max_phrase")]
    max_phrase: usize,
    /// A phrase repeated across a conjunction is reported only when it starts with a word that
    /// has an opposite: one of these prepositions ("for and against", "before and after") or a
    /// word with an antonym in WordNet ("rural and rural" for "urban and rural"). Other repeats
    /// are idioms ("may or may not"), names ("Johnson and Johnson"), compounds ("aspirin and
    /// aspirin-free") or plain English ("her and her cat").
    #[serde(default = "default_across_first")]
    across_first_words: Vec<String>,
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
fn default_doubles() -> Vec<String> {
    strings(&[
        "had", "that", "bye", "ha", "no", "yes", "very", "so", "knock", "tut", "bla", "blah",
        "chop", "pooh", "hush", "aye", "bora", "tsk", "ho", "hip", "hear",
    ])
}
fn default_conjunctions() -> Vec<String> {
    strings(&["and", "or", "nor"])
}
fn default_idioms() -> Vec<String> {
    strings(&[
        "again", "over", "on", "round", "around", "through", "by", "more", "less", "out", "back",
        "up", "down", "side", "time", "day", "year", "hour", "mile", "on", "off", "to", "fro",
        "here", "there", "now", "then", "neck", "hand", "arm", "shoulder", "inch", "bit", "step",
        "far", "wide", "tried", "true", "door", "face", "head", "heart", "soul", "mind", "body",
    ])
}
fn default_max_phrase() -> usize {
    3
}
fn default_across_first() -> Vec<String> {
    strings(&[
        "against", "for", "in", "with", "without", "before", "after", "inside", "outside", "above",
        "below", "under", "pro", "anti", "from", "into", "within", "toward", "towards", "during",
        "since", "until", "among", "between", "beyond", "beside",
    ])
}

struct Repetition {
    allow_doubled: Vec<String>,
    conjunctions: Vec<String>,
    /// Per byte: may a token that begins with it be a conjunction? Rules out most tokens
    /// without lower-casing them.
    conjunction_first: [bool; 256],
    allow_across: Vec<String>,
    max_phrase: usize,
    across_first_words: Vec<String>,
}

/// Which first bytes of a token can lower-case to text starting with one of `words` (lower
/// case): both cases of an ASCII letter, and every byte of a non-ASCII character (some, like
/// the Kelvin sign, lower-case to ASCII).
fn first_bytes(words: &[String]) -> [bool; 256] {
    let mut t = [false; 256];
    t[0x80..].fill(true);
    for w in words {
        if let Some(&b) = w.as_bytes().first() {
            t[b as usize] = true;
            t[b.to_ascii_uppercase() as usize] = true;
        }
    }
    t
}

/// Can two tokens beginning with bytes `x` and `y` be the same word in lower case? Only
/// ASCII first bytes are compared (a non-ASCII letter may lower-case to any lead byte).
#[inline]
fn may_be_same(x: u8, y: u8) -> bool {
    x.eq_ignore_ascii_case(&y) || !x.is_ascii() || !y.is_ascii()
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("repetition", include_str!("../../docs/kinds/repetition.md")),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = if value.as_mapping().is_some_and(|m| m.is_empty()) {
        super::options(crate::yaml::Value::Mapping(Default::default()))?
    } else {
        super::options(value)?
    };
    let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
    let conjunctions: Vec<String> = lower(o.conjunctions);
    Ok(Box::new(Repetition {
        allow_doubled: lower(o.allow_doubled),
        conjunction_first: first_bytes(&conjunctions),
        conjunctions,
        allow_across: lower(o.allow_across),
        max_phrase: o.max_phrase.clamp(1, 8),
        across_first_words: lower(o.across_first_words),
    }))
}

fn same_word(a: &Analysis, i: usize, j: usize) -> bool {
    a.tokens[i].kind == TokenKind::Word
        && a.tokens[j].kind == TokenKind::Word
        && a.lower(i) == a.lower(j)
}

impl Repetition {
    /// Token `i` followed by the same word.
    fn doubled(&self, a: &Analysis, i: usize, out: &mut Vec<Diagnostic>) -> bool {
        let t = &a.tokens;
        if i + 1 >= t.len()
            || t[i + 1].glued
            || t[i].kind != TokenKind::Word
            || t[i + 1].kind != TokenKind::Word
            || a.sentence_of[i] != a.sentence_of[i + 1]
        {
            return false;
        }
        let w = a.lower(i);
        if a.lower(i + 1) != w {
            return false;
        }
        if self.allow_doubled.iter().any(|x| x == w) {
            return false;
        }
        // Reduplication is grammar in many languages ("piki piki", "rame rame"): only an
        // English word written twice is a slip. "sit-in in" is two words; "first FIRST
        // Global" a name.
        let glued_to_hyphen = i > 0 && t[i].glued && a.word(i - 1) == "-";
        let long_acronym = |j: usize| {
            let word = a.word(j);
            word.chars().filter(|c| c.is_alphabetic()).count() > 3
                && !word.chars().any(char::is_lowercase)
        };
        if glued_to_hyphen
            || (long_acronym(i + 1) && !long_acronym(i))
            || a.is_foreign(i)
            || !crate::gazetteer::is_common_word(w)
        {
            return false;
        }
        // Names can legitimately repeat ("Bora Bora", "Baden-Baden" is glued anyway).
        if t[i].capitalised
            && t[i + 1].capitalised
            && i > a.sentences[a.sentence_of[i]].tokens.start
        {
            return false;
        }
        let first = a.word(i);
        out.push(
            Diagnostic::new(
                t[i].span.start..t[i + 1].span.end,
                format!("'{first}' is written twice in a row"),
            )
            .with_primary_label("doubled word")
            .with_help(format!("remove the second '{}'", a.word(i + 1)))
            .with_fix(t[i].span.end..t[i + 1].span.end, "", Applicability::Safe),
        );
        true
    }

    /// `X conj X` with X a phrase of up to `max_phrase` words, ending right before the conjunction.
    /// Token `c` is a conjunction (see [`Self::is_conjunction`]).
    fn across(&self, a: &Analysis, c: usize, out: &mut Vec<Diagnostic>) {
        let t = &a.tokens;
        if c == 0 {
            return;
        }
        let sentence = &a.sentences[a.sentence_of[c]];
        for n in (1..=self.max_phrase).rev() {
            if c < sentence.tokens.start + n || c + n >= sentence.tokens.end {
                continue;
            }
            let left = c - n;
            let right = c + 1;
            if !(0..n).all(|k| same_word(a, left + k, right + k) && !t[right + k].glued) {
                continue;
            }
            // "West Kelowna and Kelowna": the left side is the tail of a longer name.
            let extends_name = |i: usize| t.get(i).is_some_and(|x| x.is_word() && x.capitalised);
            if t[left].capitalised
                && ((left > sentence.tokens.start && extends_name(left - 1))
                    || extends_name(right + n))
            {
                return;
            }
            if n == 1 && self.is_idiomatic(a.lower(left)) {
                return;
            }
            // "between New York and New York": a name (the city and the state). But one place
            // of one kind on both sides after a place cue is a slip ("services in Brittany and
            // Brittany" for another region).
            let place_twice = n == 1 && t[left].capitalised && one_place_twice(a, left);
            if (left..left + n).any(|i| t[i].capitalised && i != sentence.tokens.start)
                && !place_twice
            {
                return;
            }
            // The writer meant the opposite: "for and against", "urban and rural"; or, for
            // a phrase of content words, another of its kind ("specialty doctors and
            // specialty doctors" for "… and locums").
            let first = a.lower(left);
            let has_opposite = self.across_first_words.iter().any(|w| w == first)
                || crate::lexicon::has_antonym(first);
            if !(has_opposite || place_twice || n >= 2 && content_phrase(a, left, n))
                || a.is_foreign(c)
            {
                return;
            }
            // "X and X" ending a list of the same X is emphasis ("years and years").
            let phrase_text = a.slice(t[left].span.start..t[left + n - 1].span.end);
            let conj = a.word(c);
            out.push(
                Diagnostic::new(
                    t[left].span.start..t[right + n - 1].span.end,
                    format!("'{phrase_text}' appears on both sides of '{conj}'"),
                )
                .with_primary_label("the same words on both sides")
                .with_note(if place_twice {
                    format!(
                        "'{phrase_text} {conj} {phrase_text}' names one place twice; one side was probably meant to be another place"
                    )
                } else {
                    format!(
                        "'{phrase_text} {conj} {phrase_text}' says nothing; one side was probably meant to be different (e.g. 'for and against')"
                    )
                }),
            );
            return;
        }
    }

    fn is_conjunction(&self, a: &Analysis, i: usize) -> bool {
        let w = a.lower(i);
        self.conjunctions.iter().any(|x| x == w)
    }

    fn is_idiomatic(&self, w: &str) -> bool {
        let singular = w.strip_suffix('s').unwrap_or(w);
        self.allow_across.iter().any(|x| x == w || x == singular)
            // Comparatives repeat for emphasis: "faster and faster", "bigger and bigger".
            || (w.len() > 4 && w.ends_with("er") && !matches!(w, "after" | "under" | "over" | "other" | "whether" | "either" | "neither"))
    }
}

/// Words that open a phrase repeated on purpose: a determiner or pronoun ("the world or the
/// world that feeds it"), an auxiliary for emphasis ("do fail and do fail fast"), a negation.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our",
    "their", "i", "you", "he", "she", "it", "we", "they", "do", "does", "did", "is", "are", "was",
    "were", "be", "been", "have", "has", "will", "would", "can", "could", "may", "might", "must",
    "shall", "should", "not", "no", "to", "some", "all", "each", "every", "one",
];

/// Is the word at `i` a known place of one kind only (not a city and a state, as New York or
/// Washington are), after a place cue ("in Brittany")? Then "X and X" names it twice by
/// mistake.
fn one_place_twice(a: &Analysis, i: usize) -> bool {
    let word = a.word(i);
    let g = crate::gazetteer::gazetteer();
    if crate::analysis::names::cues::place_context(a, i) == 0 || !g.is_known(word) {
        return false;
    }
    let mut places = g.places(word);
    let Some(first) = places.next() else {
        return false;
    };
    places.all(|p| p.kind == first.kind)
}

/// Is the phrase of `n` words at `left` made of content words, opening with none of the
/// [`FUNCTION_WORDS`]? Such a phrase on both sides of a conjunction is a slip: rhetoric starts
/// otherwise.
fn content_phrase(a: &Analysis, left: usize, n: usize) -> bool {
    !FUNCTION_WORDS.contains(&a.lower(left))
        && (left..left + n).all(|i| {
            let t = &a.tokens[i];
            t.is_word() && !a.word(i).contains('\'')
        })
}

impl Check for Repetition {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let t = &a.tokens;
        // This runs on every token: the first bytes of the tokens rule out nearly all of them
        // before any lower-casing or string comparison.
        let first = |i: usize| a.text.as_bytes()[t[i].span.start];
        let mut i = 0;
        while i < t.len() {
            let f = first(i);
            if i + 1 < t.len() && may_be_same(f, first(i + 1)) && self.doubled(a, i, out) {
                i += 2;
                continue;
            }
            if self.conjunction_first[f as usize] && self.is_conjunction(a, i) {
                self.across(a, i, out);
            }
            i += 1;
        }
    }
}
