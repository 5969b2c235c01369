//! Finds listed words and phrases on word boundaries (the literals of `existence`,
//! `substitution` and `consistency`).
//!
//! A match can only begin where no letter or digit comes right before, so instead of running
//! an automaton over every byte of the article (a chain of dependent table look-ups, about 20
//! instructions a byte) this classifies 64 bytes at a time into one bit per byte (ASCII letter
//! or digit or not), which gives the start and end of every word with shifts and bit counts.
//! A pattern that begins with a run of ASCII letters and digits (its "head": `per` in
//! `per cent`, `e` in `e-mail`, none in `-ish`) can only match where the text's run is exactly
//! that head, so one bit per (length, first, last byte) of the heads rules out nearly every
//! word before any comparison. (A loop over the bytes of each word took fewer instructions but
//! no less time: the processor mispredicted the end of nearly every word.)
//!
//! The checks call [`PhraseSet::find_in`], which takes those runs and their filter keys from
//! the article's [`AsciiRuns`], found once for every phrase set; only a set with a pattern
//! that has no head scans the bytes itself.
//!
//! Semantics: leftmost-longest and non-overlapping AMONG THE MATCHES ON WORD BOUNDARIES (see
//! [`on_word_boundaries`](crate::checks::on_word_boundaries)); case-insensitive for ASCII letters when
//! asked (other characters must match exactly). On equal length the pattern listed first wins.
//! Empty patterns never match.

use crate::analysis::ascii_runs::{ALNUM, AsciiRuns, alnum_bits, run_end, shape};
use std::ops::Range;

pub(crate) struct PhraseSet {
    /// The patterns by id, each byte folded (see `fold`).
    patterns: Vec<Box<[u8]>>,
    /// Per pattern: the length of its head, the run of ASCII letters and digits it begins with.
    head: Vec<usize>,
    /// What a byte is compared as: its ASCII lower case when case-insensitive, else itself.
    fold: [u8; 256],
    /// Bit [`key`] of each pattern's head.
    heads: Box<[u64; 1024]>,
    /// Some pattern begins with a character other than an ASCII letter or digit: then every
    /// such character of the text is a possible start, not only the first letter of a word.
    empty_heads: bool,
    /// Pattern ids grouped by first byte, longest first, then in listed order.
    order: Vec<u32>,
    /// `order[bucket[b] as usize..bucket[b + 1] as usize]` are the patterns starting with the
    /// folded byte `b`.
    bucket: [u32; 257],
}

/// One match: where, and which pattern (its index in the list given to [`PhraseSet::new`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    pub range: Range<usize>,
    pub pattern: usize,
}

/// The filter bit of a head of `len` bytes from `first` to `last`. An empty head (a pattern
/// that begins with another character) has the pattern's first byte itself, so that no byte
/// inside a character ever passes; the others have their length (up to 63) and the low five
/// bits of their first and last bytes (the same in either case) in the rows above.
#[inline]
fn key(len: usize, first: u8, last: u8) -> usize {
    if len == 0 {
        first as usize
    } else {
        shape(len, first, last) as usize
    }
}

impl PhraseSet {
    pub(crate) fn new<S: AsRef<str>>(patterns: &[S], ignorecase: bool) -> PhraseSet {
        let mut fold = [0u8; 256];
        for (b, f) in (0..=255u8).zip(fold.iter_mut()) {
            *f = if ignorecase {
                b.to_ascii_lowercase()
            } else {
                b
            };
        }
        let patterns: Vec<Box<[u8]>> = patterns
            .iter()
            .map(|p| p.as_ref().bytes().map(|b| fold[b as usize]).collect())
            .collect();
        let head: Vec<usize> = patterns.iter().map(|p| run_end(p, 0)).collect();
        let mut heads = Box::new([0u64; 1024]);
        let mut order: Vec<u32> = Vec::new();
        for (id, p) in patterns.iter().enumerate() {
            let Some(&first) = p.first() else {
                continue;
            };
            order.push(id as u32);
            let last = p[head[id].max(1) - 1];
            let k = key(head[id], first, last);
            heads[k >> 6] |= 1 << (k & 63);
        }
        // Stable: equal keys keep the listed order.
        order.sort_by_key(|&id| {
            let p = &patterns[id as usize];
            (p[0], std::cmp::Reverse(p.len()))
        });
        let mut bucket = [0u32; 257];
        for &id in &order {
            bucket[patterns[id as usize][0] as usize + 1] += 1;
        }
        for b in 1..257 {
            bucket[b] += bucket[b - 1];
        }
        PhraseSet {
            empty_heads: order.iter().any(|&id| head[id as usize] == 0),
            patterns,
            head,
            fold,
            heads,
            order,
            bucket,
        }
    }

    /// The matches in `text`, in order, by the byte scan alone: what the tests hold
    /// [`find_in`](Self::find_in), the checks' way in, to.
    #[cfg(test)]
    pub(crate) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = PhraseMatch> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = self.find_from(text, at)?;
            at = m.range.end;
            Some(m)
        })
    }

    /// The matches in `text`, in order, found from its runs of ASCII letters and digits
    /// (`words`, of the same text): only a run whose length and first and last bytes some
    /// pattern's head has is looked at. The same matches as [`find_iter`](Self::find_iter),
    /// which patterns that do not begin with a letter or digit still need.
    pub(crate) fn find_in<'a>(
        &'a self,
        text: &'a str,
        words: &'a AsciiRuns,
    ) -> impl Iterator<Item = PhraseMatch> + 'a {
        debug_assert!(
            words
                .runs()
                .last()
                .is_none_or(|r| r.range.end <= text.len())
        );
        let heads = &*self.heads;
        let mut runs = words.runs().iter();
        let mut at = 0;
        std::iter::from_fn(move || {
            if self.empty_heads {
                let m = self.find_from(text, at)?;
                at = m.range.end;
                return Some(m);
            }
            for run in runs.by_ref() {
                // (A run that starts inside the last match is glued to it.)
                let k = run.shape as usize;
                if heads[k >> 6] & (1 << (k & 63)) != 0
                    && run.range.start >= at
                    && let Some(m) = self.try_at(text, run.range.start, run.range.len())
                {
                    at = m.range.end;
                    return Some(m);
                }
            }
            None
        })
    }

    /// The first match starting at or after `from` (a character boundary).
    ///
    /// Works on 64 bytes at a time: one bit per byte says whether it is an ASCII letter or
    /// digit, from which shifts give every possible start (no letter or digit before) and the
    /// end of each word, with no branch per byte and no step that waits on the previous word.
    fn find_from(&self, text: &str, from: usize) -> Option<PhraseMatch> {
        let bytes = text.as_bytes();
        let heads = &*self.heads;
        let passes = |k: usize| heads[k >> 6] & (1 << (k & 63)) != 0;
        let mut at = from;
        // Is the byte before `at` an ASCII letter or digit?
        let mut glued = at > 0 && ALNUM[bytes[at - 1] as usize];
        while at < bytes.len() {
            let len = (bytes.len() - at).min(64);
            let alnum = alnum_bits(&bytes[at..at + len]);
            // Bit i: no ASCII letter or digit right before byte `at + i`.
            let free = !(alnum << 1 | glued as u64);
            let mut starts = alnum & free;
            if self.empty_heads {
                starts |= !alnum & free & (u64::MAX >> (64 - len));
            }
            while starts != 0 {
                let i = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let p = at + i;
                let first = bytes[p];
                let run = if alnum >> i & 1 == 0 {
                    0
                } else {
                    // The first byte after `p` that is not a letter or digit: in this block (a
                    // short last block reads as padded with such bytes), or further on.
                    let ends = !alnum & (u64::MAX << i);
                    let end = if ends != 0 {
                        (at + ends.trailing_zeros() as usize).min(bytes.len())
                    } else {
                        run_end(bytes, at + 64)
                    };
                    end - p
                };
                if passes(key(run, first, bytes[p + run.max(1) - 1]))
                    && let Some(m) = self.try_at(text, p, run)
                {
                    return Some(m);
                }
            }
            glued = alnum >> 63 != 0;
            at += len;
        }
        None
    }

    /// The match at `p`, where no ASCII letter or digit comes before and the text's head is
    /// `run` bytes long, if any.
    #[inline(never)]
    fn try_at(&self, text: &str, p: usize, run: usize) -> Option<PhraseMatch> {
        let bytes = text.as_bytes();
        // After a non-ASCII character, decode it: it may be a letter.
        if p > 0 && !bytes[p - 1].is_ascii() && !boundary_before(text, p) {
            return None;
        }
        let pattern = self.longest_at(text, p, run)?;
        Some(PhraseMatch {
            range: p..p + self.patterns[pattern].len(),
            pattern,
        })
    }

    /// The longest pattern matching at `p`, where the text's head is `run` bytes long, and
    /// ending on a word boundary.
    fn longest_at(&self, text: &str, p: usize, run: usize) -> Option<usize> {
        let rest = &text.as_bytes()[p..];
        let fold = |b: u8| self.fold[b as usize];
        let first = fold(rest[0]) as usize;
        let ids = &self.order[self.bucket[first] as usize..self.bucket[first + 1] as usize];
        ids.iter().map(|&id| id as usize).find(|&id| {
            let pat = &self.patterns[id];
            self.head[id] == run
                && rest.len() >= pat.len()
                && rest.iter().zip(pat.iter()).all(|(&t, &q)| fold(t) == q)
                && boundary_after(text, p + pat.len())
        })
    }
}

/// No letter or digit right before `p` (a character boundary).
fn boundary_before(text: &str, p: usize) -> bool {
    !text[..p]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// No letter or digit right at `p`. `p` ends a match of a whole pattern from a character
/// boundary, so it is a character boundary too (ASCII folding keeps UTF-8 sequences whole).
fn boundary_after(text: &str, p: usize) -> bool {
    match text.as_bytes().get(p) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[p..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};
    use proptest::prelude::*;

    /// The matches by [`PhraseSet::find_in`], checked against [`PhraseSet::find_iter`].
    fn find(patterns: &[&str], ignorecase: bool, text: &str) -> Vec<(String, usize)> {
        let set = PhraseSet::new(patterns, ignorecase);
        let words = AsciiRuns::new(text.as_bytes());
        let found: Vec<PhraseMatch> = set.find_in(text, &words).collect();
        assert_eq!(found, set.find_iter(text).collect::<Vec<_>>(), "{text:?}");
        found
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.pattern))
            .collect()
    }

    fn texts(found: &[(String, usize)]) -> Vec<&str> {
        found.iter().map(|(s, _)| s.as_str()).collect()
    }

    #[test]
    fn words_on_boundaries_only() {
        let pats = ["percent", "per cent"];
        assert_eq!(
            texts(&find(
                &pats,
                true,
                "Percent, percentage, per cent and PER CENT."
            )),
            vec!["Percent", "per cent", "PER CENT"]
        );
        assert!(find(&pats, true, "unpercent 5percent percent5 percenté").is_empty());
        assert_eq!(
            texts(&find(&pats, true, "(percent) \"per cent\" 5 percent")),
            vec!["percent", "per cent", "percent"]
        );
    }

    #[test]
    fn case_is_kept_when_asked() {
        assert_eq!(
            texts(&find(&["Kiev"], false, "kiev KIEV Kiev")),
            vec!["Kiev"]
        );
        // ASCII folding only: other letters match exactly.
        assert_eq!(
            texts(&find(&["türkiye"], true, "TÜRKIYE Türkiye tÜrkiye")),
            vec!["Türkiye"]
        );
    }

    #[test]
    fn longest_wins_and_matches_do_not_overlap() {
        let found = find(
            &["health", "health care", "care"],
            true,
            "health care, care",
        );
        assert_eq!(
            found,
            vec![("health care".to_string(), 1), ("care".to_string(), 2)]
        );
        // Equal length (after folding): the pattern listed first.
        assert_eq!(
            find(&["kiev", "Kiev"], true, "KIEV"),
            vec![("KIEV".into(), 0)]
        );
    }

    #[test]
    fn hyphens_apostrophes_dots_and_odd_first_characters() {
        let pats = [
            "e-mail",
            "cease-fire",
            "o'clock",
            "U.S.",
            ".net",
            "-ish",
            "'em",
            "3D",
        ];
        assert_eq!(
            texts(&find(
                &pats,
                true,
                "E-mail at six o'clock to the U.S. team: .NET apps, 3d films, get 'em, fun -ish."
            )),
            vec!["E-mail", "o'clock", "U.S.", ".NET", "3d", "'em", "-ish"]
        );
        // A pattern starting with a non-letter still needs no letter glued before it.
        assert!(find(&pats, true, "asp.net greenish-ish them'em e-mails 33D").is_empty());
        // "U.S." ends in a dot: a letter right after the dot is glued on.
        assert!(find(&["U.S."], true, "U.S.A").is_empty());
    }

    #[test]
    fn non_ascii_letters_are_letters_on_both_sides() {
        assert!(find(&["paz"], true, "épaz pazé").is_empty());
        assert_eq!(
            texts(&find(&["paz"], true, "«paz» — paz")),
            vec!["paz", "paz"]
        );
        assert_eq!(
            texts(&find(&["école"], true, "l’école écoles")),
            vec!["école"]
        );
    }

    #[test]
    fn a_glued_longer_match_does_not_hide_a_shorter_one_on_boundaries() {
        // The old Aho-Corasick pass took "kiev x" (glued to "y") as the leftmost-longest
        // match, then dropped it for its boundary, losing "kiev" too.
        assert_eq!(
            texts(&find(&["kiev", "kiev x"], true, "kiev xy")),
            vec!["kiev"]
        );
        // Nor does a match starting inside a word hide one on boundaries that overlaps it.
        assert_eq!(texts(&find(&["ab", "b c"], true, "xab b c")), vec!["b c"]);
        assert_eq!(texts(&find(&["xa", "a b"], true, "yxa a b")), vec!["a b"]);
    }

    #[test]
    fn patterns_of_spaces_and_punctuation() {
        // A space after a letter is glued to it; one after a space is not.
        assert_eq!(find(&[" "], false, "a  "), vec![(" ".into(), 0)]);
        // Bytes inside a character never start a match.
        assert!(
            find(&[" ", "\u{80}"], false, "’ ’")
                .iter()
                .all(|(s, _)| s == " ")
        );
        assert_eq!(texts(&find(&["—"], true, "a — b—c")), vec!["—"]);
    }

    #[test]
    fn words_across_blocks_of_64_bytes() {
        let long = "x".repeat(200);
        for pad in 0..70 {
            let pats = ["percent", "per cent"];
            let (spaces, ys) = (" ".repeat(pad), "y".repeat(pad + 1));
            let text = format!("{spaces}{long} percent, {ys}per cent");
            assert_eq!(texts(&find(&pats, true, &text)), vec!["percent"]);
            let text = format!("{spaces}{long} percent, {ys} per cent");
            assert_eq!(
                texts(&find(&pats, true, &text)),
                vec!["percent", "per cent"]
            );
            let glued = format!("{}a{long}percent", " ".repeat(pad));
            assert!(find(&["percent"], true, &glued).is_empty());
            let word = format!("{}{long}", " ".repeat(pad));
            assert_eq!(find(&[long.as_str()], true, &word).len(), 1, "pad {pad}");
        }
    }

    #[test]
    fn empty_patterns_never_match() {
        assert!(find(&[""], true, "a b").is_empty());
        assert_eq!(texts(&find(&["", "b"], true, "a b")), vec!["b"]);
    }

    /// The definition, spelled out slowly: at each start on a word boundary, left to right,
    /// the longest pattern (first listed on a tie) that also ends on one; then go on after it.
    fn reference(patterns: &[String], ignorecase: bool, text: &str) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut p = 0;
        while p <= text.len() {
            if !text.is_char_boundary(p) {
                p += 1;
                continue;
            }
            let best = patterns
                .iter()
                .enumerate()
                .filter(|(_, pat)| !pat.is_empty())
                .filter(|(_, pat)| {
                    let end = p + pat.len();
                    text.get(p..end).is_some_and(|s| {
                        (if ignorecase {
                            s.eq_ignore_ascii_case(pat)
                        } else {
                            s == pat.as_str()
                        }) && crate::checks::on_word_boundaries(text, &(p..end))
                    })
                })
                .max_by_key(|(i, pat)| (pat.len(), std::cmp::Reverse(*i)));
            match best {
                Some((i, pat)) => {
                    out.push(PhraseMatch {
                        range: p..p + pat.len(),
                        pattern: i,
                    });
                    p += pat.len();
                }
                None => p += 1,
            }
        }
        out
    }

    /// The old pass: Aho-Corasick over every byte, then only the matches on word boundaries.
    fn old(patterns: &[String], ignorecase: bool, text: &str) -> (Vec<PhraseMatch>, bool) {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(ignorecase)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        let mut dropped = false;
        let kept = ac
            .find_iter(text)
            .filter(|m| {
                let ok = crate::checks::on_word_boundaries(text, &m.range());
                dropped |= !ok;
                ok
            })
            .map(|m| PhraseMatch {
                range: m.range(),
                pattern: m.pattern().as_usize(),
            })
            .collect();
        (kept, dropped)
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "a", "b", "A", "é", "É", "\u{301}", "’", "1", " ", "-", "'", ".", "ab", "ba", "b a",
        ])
        .prop_map(str::to_string)
    }

    fn string(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..max).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_as_the_definition(
            patterns in prop::collection::vec(string(4), 1..6),
            text in string(60),
            ignorecase in any::<bool>(),
        ) {
            let set = PhraseSet::new(&patterns, ignorecase);
            let got: Vec<PhraseMatch> = set.find_iter(&text).collect();
            prop_assert_eq!(&got, &reference(&patterns, ignorecase, &text));
            let words = AsciiRuns::new(text.as_bytes());
            prop_assert_eq!(&set.find_in(&text, &words).collect::<Vec<_>>(), &got);
            // Where the old pass dropped nothing, nothing could hide a match: same answer.
            if patterns.iter().all(|p| !p.is_empty()) {
                let (old, dropped) = old(&patterns, ignorecase, &text);
                if !dropped {
                    prop_assert_eq!(got, old);
                }
            }
        }
    }
}
