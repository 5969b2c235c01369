//! Tense: the nearest verb form around an expression tells whether the clause is
//! past, present or future (a heuristic).

use super::*;

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Strength {
    /// A finite auxiliary or modal: decides.
    Strong,
    /// A past form that may be a participle or adjective ("declared", "held"): used when no
    /// strong marker is found in the clause.
    Weak,
}

pub(super) const FUTURE_MARKERS: &[&str] = &[
    "will",
    "shall",
    "would",
    "expected",
    "expects",
    "expect",
    "expecting",
    "scheduled",
    "schedule",
    "due",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "intend",
    "intended",
    "aims",
    "hopes",
    "upcoming",
    "slated",
    "likely",
    "poised",
    "effective",
    "forecast",
    "tomorrow",
];
pub(super) const PRESENT_MARKERS: &[&str] = &[
    "is", "are", "am", "being", "can", "could", "may", "might", "must", "should",
];
/// Past forms that are never participles.
pub(super) const PAST_ONLY: &[&str] = &[
    "was",
    "were",
    "did",
    "took",
    "went",
    "came",
    "began",
    "rose",
    "fell",
    "gave",
    "saw",
    "ran",
    "spoke",
    "wrote",
    "drove",
    "flew",
    "grew",
    "knew",
    "threw",
    "chose",
    "drew",
    "ate",
    "broke",
    "forgot",
    "stole",
    "swore",
    "tore",
    "wore",
    "woke",
    "yesterday",
];
/// Is this lower-case word a past participle ("indicted", "held", "taken")? A guess from the
/// ending and a list of irregular forms.
pub(crate) fn is_past_participle(w: &str) -> bool {
    (w.len() > 3 && w.ends_with("ed")) || PAST_PARTICIPLES.contains(&w)
}

/// Past forms that double as participles ("was held", "will be held").
pub(super) const PAST_PARTICIPLES: &[&str] = &[
    "held",
    "met",
    "said",
    "told",
    "made",
    "left",
    "won",
    "lost",
    "found",
    "paid",
    "sold",
    "sent",
    "brought",
    "built",
    "kept",
    "led",
    "taken",
    "given",
    "seen",
    "gone",
    "begun",
    "risen",
    "fallen",
    "broken",
    "spoken",
    "written",
    "driven",
    "known",
    "chosen",
    "drawn",
    "struck",
    "fought",
    "bought",
    "caught",
    "taught",
    "thought",
    "felt",
    "heard",
    "meant",
    "stood",
    "understood",
    "sought",
    "spent",
    "lent",
    "shot",
    "fled",
    "slept",
];
/// "-ed" words that are not past tense, or that look forward.
pub(super) const NOT_PAST_ED: &[&str] = &[
    "red",
    "bed",
    "shed",
    "hundred",
    "united",
    "limited",
    "based",
    "advanced",
    "indeed",
    "need",
    "speed",
    "feed",
    "seed",
    "breed",
    "greed",
    "creed",
    "proceed",
    "succeed",
    "exceed",
    "embed",
    "proposed",
    "supposed",
    "detailed",
    "sacred",
    "naked",
    "wicked",
    "rugged",
    "beloved",
    "crooked",
    "wretched",
    "armed",
    "aged",
    "ragged",
    "learned",
    "skilled",
    "qualified",
];

/// Which of the tense word lists a word is in (the first, in the order `marker` asks).
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Listed {
    Future,
    Present,
    /// has, have, had.
    Perfect,
    PastOnly,
    Participle,
    NotPastEd,
}

/// What [`scan_clause`] needs to know of a word from its lists, in one look-up: `marker` and
/// `clause_break` run for each word of the clause before every time expression.
#[derive(Clone, Copy, Default)]
pub(super) struct TenseWord {
    /// The first tense list the word is in, in the order `marker` asks.
    listed: Option<Listed>,
    /// In [`CLAUSE_BREAKS`].
    clause_break: bool,
}

pub(super) static TENSE_WORDS: LazyLock<words::WordMap<TenseWord>> = LazyLock::new(|| {
    // In the order `marker` asks: the first list a word is in wins.
    let lists: [(&[&'static str], Listed); 6] = [
        (FUTURE_MARKERS, Listed::Future),
        (PRESENT_MARKERS, Listed::Present),
        (&["has", "have", "had"], Listed::Perfect),
        (PAST_ONLY, Listed::PastOnly),
        (PAST_PARTICIPLES, Listed::Participle),
        (NOT_PAST_ED, Listed::NotPastEd),
    ];
    let mut entries: Vec<(&'static str, TenseWord)> = Vec::new();
    for (words, list) in lists {
        for &w in words {
            if !entries.iter().any(|(e, _)| *e == w) {
                let listed = Some(list);
                entries.push((
                    w,
                    TenseWord {
                        listed,
                        clause_break: false,
                    },
                ));
            }
        }
    }
    for &w in CLAUSE_BREAKS {
        match entries.iter_mut().find(|(e, _)| *e == w) {
            Some((_, t)) => t.clause_break = true,
            None => entries.push((
                w,
                TenseWord {
                    listed: None,
                    clause_break: true,
                },
            )),
        }
    }
    words::WordMap::new(entries)
});

/// Word `i` (lower case) and the lists it is in.
#[inline]
pub(super) fn tense_word<'x>(c: &Cursor<'x, '_>, i: usize) -> (&'x [u8], TenseWord) {
    let w = c.bytes(i);
    (w, c.tense_words.get_bytes(w).unwrap_or_default())
}

pub(super) fn marker(c: &Cursor, i: usize) -> Option<(Tense, Strength)> {
    let (w, word) = tense_word(c, i);
    marker_listed(c, i, w, word.listed)
}

/// [`marker`] of word `i`, `w` in lower case, which is in tense list `listed`.
pub(super) fn marker_listed(
    c: &Cursor,
    i: usize,
    w: &[u8],
    listed: Option<Listed>,
) -> Option<(Tense, Strength)> {
    if listed == Some(Listed::Future) || w.ends_with(b"'ll") || w.ends_with("’ll".as_bytes()) {
        return Some((Tense::Future, Strength::Strong));
    }
    if matches!(w, b"going" | b"set") && matches!(c.bytes(i + 1), b"to" | b"for") {
        return Some((Tense::Future, Strength::Strong));
    }
    match listed {
        Some(Listed::Present) => return Some((Tense::Present, Strength::Strong)),
        Some(Listed::Perfect) => {
            // "has to", "have to" are obligations, not perfects.
            return Some(if c.is(i + 1, "to") {
                (Tense::Present, Strength::Strong)
            } else {
                (Tense::Past, Strength::Strong)
            });
        }
        Some(Listed::PastOnly) => return Some((Tense::Past, Strength::Strong)),
        _ => {}
    }
    let participle = listed == Some(Listed::Participle)
        || (listed != Some(Listed::NotPastEd)
            && w.len() >= 4
            && w.ends_with(b"ed")
            && (!w.ends_with(b"eed")
                || matches!(w, b"agreed" | b"freed" | b"decreed" | b"guaranteed")));
    if !participle || c.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    // Passive or perfect: the auxiliary before it decides ("will be held", "was held").
    let prev = if i > c.start { c.bytes(i - 1) } else { b"" };
    match prev {
        b"be" | b"been" | b"being" | b"is" | b"are" | b"am" | b"was" | b"were" | b"has"
        | b"have" | b"had" => None,
        p if DETERMINERS_SET.contains_bytes(p) => None,
        _ => Some((Tense::Past, Strength::Weak)),
    }
}

/// Punctuation and subordinators that start a clause.
pub(super) const CLAUSE_BREAKS: &[&str] = &[
    ",", ";", ":", "—", "–", "(", ")", "\"", "“", "”", "before", "after", "until", "till", "when",
    "while", "because", "if", "once", "unless", "although", "though", "whether", "which", "who",
    "where",
];

/// Where a clause starts, for a backward scan: punctuation, subordinators ("before it closes",
/// "which"), and an infinitive "to" ("asked them to return"). `w`: word `i` in lower case;
/// `in_list`: it is in [`CLAUSE_BREAKS`].
pub(super) fn clause_break(c: &Cursor, i: usize, w: &[u8], in_list: bool) -> bool {
    if in_list {
        return true;
    }
    w == b"to"
        && c.kind(i + 1) == Some(TokenKind::Word)
        && !c.capitalised(i + 1)
        && !DETERMINERS_SET.contains_bytes(c.bytes(i + 1))
}

/// Tense of the clause around tokens `first..end`: the nearest strong marker before the
/// expression in its clause, else a weak one there, else the same after the expression.
pub(super) fn tense_of(c: &Cursor, first: usize, end: usize) -> (Tense, Option<usize>) {
    let quoted = c.a.tokens[first].quoted;
    if let Some((t, i)) = scan_clause(c, quoted, (c.start..first).rev()) {
        return (t, Some(i));
    }
    // "On October 21, the parties met": look past the comma that ends the expression.
    // A present tense after the expression usually has it as subject ("Wednesday's
    // announcement is…"): that says nothing about when.
    let from = end + usize::from(c.is(end, ","));
    if let Some((t, i)) = scan_clause(c, quoted, from..c.end).filter(|(t, _)| *t != Tense::Present)
    {
        return (t, Some(i));
    }
    (Tense::Unknown, None)
}

/// The tense marker nearest the start of `range` (tokens in the order to look at them) in the
/// clause and quotation (`quoted` or not) it starts in: a strong one, else the first weak one.
pub(super) fn scan_clause(
    c: &Cursor,
    quoted: bool,
    range: impl Iterator<Item = usize>,
) -> Option<(Tense, usize)> {
    let mut weak = None;
    for i in range {
        let (w, word) = tense_word(c, i);
        if clause_break(c, i, w, word.clause_break) || c.a.tokens[i].quoted != quoted {
            // "expected to announce", "scheduled to meet": the verb before "to" looks
            // forward; any other ("asked them to return") leaves the time open.
            if c.is(i, "to")
                && i > c.start
                && let Some((Tense::Future, _)) = marker(c, i - 1)
            {
                return Some((Tense::Future, i - 1));
            }
            break;
        }
        match marker_listed(c, i, w, word.listed) {
            Some((t, Strength::Strong)) => return Some((t, i)),
            Some((t, Strength::Weak)) if weak.is_none() => weak = Some((t, i)),
            _ => {}
        }
    }
    weak
}
