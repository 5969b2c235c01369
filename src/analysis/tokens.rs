//! Tokens and sentences.

use super::Sentence;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), with inner apostrophes: `Bolivia's`, `don't`.
    Word,
    /// Starts with a digit: `2019`, `1,100.50`, `20th`, `1990s`.
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: TokenKind,
    /// No whitespace between this token and the previous one (`year` in `45-year-old`).
    pub glued: bool,
    /// Inside quotation marks (direct speech, titles): checks treat it more carefully.
    pub quoted: bool,
    /// The first character is an upper-case letter.
    pub capitalised: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '\u{300}'..='\u{36f}')
}

/// What an ASCII byte starts or continues.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Lower,
    Upper,
    Digit,
    Other,
}

/// The class of each ASCII byte (`char::is_whitespace`, letters, digits, the rest).
static ASCII: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => Class::Space,
            b'a'..=b'z' => Class::Lower,
            b'A'..=b'Z' => Class::Upper,
            b'0'..=b'9' => Class::Digit,
            _ => Class::Other,
        };
        b += 1;
    }
    t
};

/// The (non-ASCII) character starting at byte `at` of `s`, and its length.
#[inline]
fn wide_char_at(s: &str, at: usize) -> (char, usize) {
    let c = s[at..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// Does a word character start at byte `at`?
#[inline]
fn word_char_at(s: &str, at: usize) -> bool {
    match s.as_bytes().get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => is_word_char(wide_char_at(s, at).0),
    }
}

/// Where the run of ASCII letters at `i` ends: eight bytes at a time while there are eight.
#[inline]
fn ascii_letters_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte, without carries between bytes: folded to lower case (which maps exactly
        // A-Z to a-z among ASCII letters, and no other byte into a-z), then compared with `a`
        // and past `z` in its low seven bits; bytes from 0x80 up are never letters.
        let low7 = (w | (0x20 * ONES)) & !HIGH;
        let at_least_a = low7 + (0x80 - u64::from(b'a')) * ONES;
        let past_z = low7 + (0x80 - u64::from(b'z') - 1) * ONES;
        let letters = at_least_a & !past_z & !w & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// End of the word whose first character ends at `i`: letters (any script), combining marks,
/// and apostrophes with a letter after them.
#[inline(always)]
fn word_end(s: &str, i: usize) -> usize {
    // Most words are a run of ASCII letters ended by a space or punctuation other than an
    // apostrophe: that much is inlined in the tokenizer's loop, the rest is not.
    let bytes = s.as_bytes();
    let i = ascii_letters_end(bytes, i);
    match bytes.get(i) {
        Some(&b) if !b.is_ascii() || b == b'\'' => word_end_slow(s, i),
        _ => i,
    }
}

/// [`word_end`] at an apostrophe or a non-ASCII character.
#[inline(never)]
fn word_end_slow(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        let Some(&b) = bytes.get(i) else {
            return i;
        };
        if b == b'\'' {
            if !word_char_at(s, i + 1) {
                return i;
            }
            i += 1;
        } else if b.is_ascii() {
            return i;
        } else {
            let (d, len) = wide_char_at(s, i);
            if is_word_char(d) || (d == '’' && word_char_at(s, i + len)) {
                i += len;
            } else {
                return i;
            }
        }
        // Runs of ASCII letters, without decoding.
        i = ascii_letters_end(bytes, i);
    }
}

/// End of the number whose first digit is at `i - 1`: ASCII letters and digits, and `,` or `.`
/// between digits.
#[inline]
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&d) = bytes.get(i) {
        if d.is_ascii_alphanumeric()
            || (matches!(d, b',' | b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Splits `text[range]` into words, numbers and single punctuation marks (whitespace dropped).
/// Walks bytes, classifying ASCII ones by table and decoding only the others: this runs over
/// every byte of every article.
pub(super) fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let slice = &text[range.clone()];
    let base = range.start;
    let bytes = slice.as_bytes();
    // No token ends at `usize::MAX`: the block's first token is never glued.
    let mut prev_end = usize::MAX;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let (kind, capitalised) = if b.is_ascii() {
            match ASCII[usize::from(b)] {
                Class::Space => {
                    i += 1;
                    continue;
                }
                class @ (Class::Lower | Class::Upper) => {
                    i = word_end(slice, i + 1);
                    (TokenKind::Word, class == Class::Upper)
                }
                Class::Digit => {
                    i = number_end(bytes, i + 1);
                    (TokenKind::Number, false)
                }
                Class::Other => {
                    i += 1;
                    (TokenKind::Punct, false)
                }
            }
        } else {
            let (c, len) = wide_char_at(slice, i);
            i += len;
            if c.is_whitespace() {
                continue;
            }
            if is_word_char(c) {
                i = word_end(slice, i);
                (TokenKind::Word, c.is_uppercase())
            } else {
                (TokenKind::Punct, c.is_uppercase())
            }
        };
        out.push(Token {
            span: base + start..base + i,
            kind,
            glued: prev_end == start,
            quoted: false,
            capitalised,
        });
        prev_end = i;
    }
}

/// Marks tokens between paired quotation marks within one block. Straight double quotes toggle;
/// curly ones open and close. An unclosed quote at the end of a block is not marked (a stray
/// mark should not silence the rest of the paragraph).
pub(super) fn mark_quotes(text: &str, tokens: &mut [Token]) {
    const LEFT: &[u8] = "“".as_bytes();
    const RIGHT: &[u8] = "”".as_bytes();
    const LEFT_GUILLEMET: &[u8] = "«".as_bytes();
    const RIGHT_GUILLEMET: &[u8] = "»".as_bytes();
    let bytes = text.as_bytes();
    let mut open: Option<usize> = None;
    let mut pairs = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // Quotation marks are `"` and a few non-ASCII marks.
        if t.kind != TokenKind::Punct || (bytes[t.span.start] != b'"' && bytes[t.span.start] < 0x80)
        {
            continue;
        }
        match &bytes[t.span.clone()] {
            b"\"" => match open.take() {
                Some(o) => pairs.push((o, i)),
                None => open = Some(i),
            },
            LEFT | LEFT_GUILLEMET => open = Some(i),
            RIGHT | RIGHT_GUILLEMET => {
                if let Some(o) = open.take() {
                    pairs.push((o, i));
                }
            }
            _ => {}
        }
    }
    for (o, c) in pairs {
        for t in &mut tokens[o + 1..c] {
            t.quoted = true;
        }
    }
}

/// Longest run of tokens treated as one sentence; real news sentences are far shorter.
const MAX_SENTENCE_TOKENS: usize = 400;

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cpt",
    "prof", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "rev",
    "fig", "approx", "est", "dept", "univ", "adm", "cmdr", "maj", "brig", "supt", "insp", "hon",
    "messrs", "mme", "mlle", "e.g", "i.e", "al", "op", "vol", "pp", "p",
];

pub(super) fn split_sentences(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    block: usize,
    out: &mut Vec<Sentence>,
) {
    if range.is_empty() {
        return;
    }
    let bytes = text.as_bytes();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        // Words and numbers short of the length cap change nothing: skip to the next mark.
        let stop = range.end.min(start + MAX_SENTENCE_TOKENS - 1);
        if i < stop {
            i += tokens[i..stop]
                .iter()
                .position(|t| t.kind == TokenKind::Punct)
                .unwrap_or(stop - i);
            if i == range.end {
                break;
            }
        }
        let t = &tokens[i];
        let mut end = i + 1;
        // Only punctuation can end a sentence: `.`, `!`, `?` or `…` (in UTF-8).
        let terminal = t.kind == TokenKind::Punct
            && matches!(&bytes[t.span.clone()], b"." | b"!" | b"?" | b"\xE2\x80\xA6");
        if !terminal {
            // Text with no sentence punctuation (a pasted table, a 50 MB line) is cut into
            // bounded pieces, so every per-sentence scan in the checks stays linear in the
            // document.
            if end - start >= MAX_SENTENCE_TOKENS {
                push(tokens, start..end, block, out);
                start = end;
            }
            i = end;
            continue;
        }
        end = after_closing_marks(text, tokens, end, range.end);
        if starts_sentence(text, tokens, end, range.end)
            && !(bytes[t.span.start] == b'.' && is_abbreviation(text, tokens, range.start, i))
        {
            push(tokens, start..end, block, out);
            start = end;
        }
        i = end;
    }
    if start < range.end {
        push(tokens, start..range.end, block, out);
    }
}

/// Past the closing quotes and brackets glued on from token `end` (before `limit`): they belong
/// to the sentence they end.
fn after_closing_marks(text: &str, tokens: &[Token], mut end: usize, limit: usize) -> usize {
    while end < limit
        && tokens[end].glued
        && matches!(
            &text[tokens[end].span.clone()],
            "\"" | "”" | "’" | "'" | ")" | "»"
        )
    {
        end += 1;
    }
    end
}

/// Whether a sentence may start at token `end`: at the end of the range (`limit`), or at an
/// unglued capitalised word, number, or opening quote or bracket.
fn starts_sentence(text: &str, tokens: &[Token], end: usize, limit: usize) -> bool {
    let next = tokens.get(end).filter(|_| end < limit);
    next.is_none_or(|n| {
        !n.glued
            && (n.capitalised
                || n.kind == TokenKind::Number
                || matches!(&text[n.span.clone()], "\"" | "“" | "'" | "‘" | "(" | "«"))
    })
}

fn push(tokens: &[Token], r: Range<usize>, block: usize, out: &mut Vec<Sentence>) {
    out.push(Sentence {
        span: tokens[r.start].span.start..tokens[r.end - 1].span.end,
        tokens: r,
        block,
    });
}

static ABBREVIATION_SET: super::words::Lazy =
    super::words::Lazy::new(|| super::words::WordSet::new(ABBREVIATIONS));

/// Is the period at token `dot` part of an abbreviation or an initial (`Dr.`, `U.S.`, `J.`)?
fn is_abbreviation(text: &str, tokens: &[Token], first: usize, dot: usize) -> bool {
    if dot == first || !tokens[dot].glued {
        return false;
    }
    let prev = &tokens[dot - 1];
    let w = &text[prev.span.clone()];
    if prev.kind != TokenKind::Word {
        return false;
    }
    // Single letters: initials ("J. Smith") and dotted acronyms ("U.S.").
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        // "...in the U.S. Then" is ambiguous; treat dotted acronyms as not ending the sentence
        // only when they are followed by a capitalised name-like token (common news use).
        return true;
    }
    if !w.is_ascii() {
        return ABBREVIATION_SET.contains(&w.to_lowercase());
    }
    // Lower-cased on the stack: every listed abbreviation is short.
    let mut buf = [0u8; 8];
    let Some(lower) = buf.get_mut(..w.len()) else {
        return false;
    };
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATION_SET.contains_bytes(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_apostrophe(c: char) -> bool {
        c == '\'' || c == '’'
    }

    /// The tokenizer's specification, written the obvious way (one `char` at a time); the fast
    /// byte-walking version must split every text exactly as this does.
    fn reference(text: &str) -> Vec<Token> {
        let next_is = |at: usize, pred: fn(char) -> bool| {
            text.get(at..)
                .and_then(|r| r.chars().next())
                .is_some_and(pred)
        };
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        let mut prev_end = None;
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut end = start + c.len_utf8();
            let kind = if is_word_char(c) {
                while let Some(&(j, d)) = chars.peek() {
                    if is_word_char(d)
                        || (is_apostrophe(d) && next_is(j + d.len_utf8(), is_word_char))
                    {
                        chars.next();
                        end = j + d.len_utf8();
                    } else {
                        break;
                    }
                }
                TokenKind::Word
            } else if c.is_ascii_digit() {
                while let Some(&(j, d)) = chars.peek() {
                    let sep = matches!(d, ',' | '.') && next_is(j + 1, |x| x.is_ascii_digit());
                    if d.is_ascii_alphanumeric() || sep {
                        chars.next();
                        end = j + d.len_utf8();
                    } else {
                        break;
                    }
                }
                TokenKind::Number
            } else {
                TokenKind::Punct
            };
            out.push(Token {
                span: start..end,
                kind,
                glued: prev_end == Some(start),
                quoted: false,
                capitalised: c.is_uppercase(),
            });
            prev_end = Some(end);
        }
        out
    }

    fn fast(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        out
    }

    #[test]
    fn splits_like_the_reference() {
        for text in [
            "",
            "The 45-year-old paid 1,100.50 dollars on the 20th.",
            "Bolivia's don't rock'n'roll ’tis O’Brien' 'quoted'",
            "São Paulo\u{a0}Zürich\u{2003}Ğdańsk — “Évo” «Morales» 1990s 3.5% 1,000,",
            "e\u{301}cole \u{301}x 12abc 1.2.3 ,5 5, 5. .5 ' ’x x’ x'",
            "日本語のテキスト 😀 x😀y  \t\r\n\u{85}end",
            "ALL CAPS Ünïcödé éa ÉA",
        ] {
            assert_eq!(fast(text), reference(text), "{text:?}");
        }
    }

    /// The sentence splitter's specification, one token at a time (as it was written first).
    fn reference_sentences(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Sentence> {
        let mut out = Vec::new();
        let (mut start, mut i) = (range.start, range.start);
        while i < range.end {
            let t = &tokens[i];
            let s = &text[t.span.clone()];
            let terminal = matches!(s, "." | "!" | "?" | "…");
            let mut end = i + 1;
            if !terminal && end - start >= MAX_SENTENCE_TOKENS {
                push(tokens, start..end, 0, &mut out);
                start = end;
                i = end;
                continue;
            }
            if terminal {
                end = after_closing_marks(text, tokens, end, range.end);
                if starts_sentence(text, tokens, end, range.end)
                    && !(s == "." && is_abbreviation(text, tokens, range.start, i))
                {
                    push(tokens, start..end, 0, &mut out);
                    start = end;
                }
            }
            i = end;
        }
        if start < range.end {
            push(tokens, start..range.end, 0, &mut out);
        }
        out
    }

    #[test]
    fn sentences_split_like_the_reference() {
        let mut texts: Vec<String> = vec![
            "Mr. Smith met Dr. Jones in the U.S. capital. Then he left! Did he? Yes… \"Go.\" (No.) A".into(),
            "He said \"stop.\" And left. 3 more. e.g. this. Prof. X. spoke; ok? “Yes.” «Non.» ‘a’".into(),
        ];
        // Around the length cap, with marks that end sentences and marks that do not.
        for n in (MAX_SENTENCE_TOKENS - 3)..(MAX_SENTENCE_TOKENS + 3) {
            for tail in [
                ". Next one.",
                ", and more words here",
                "! Then",
                ". lower case",
            ] {
                texts.push(format!("{}{tail}", "word ".repeat(n)));
                texts.push(format!("{}{tail}", "a, ".repeat(n / 2)));
            }
            texts.push("word ".repeat(3 * n));
        }
        for text in &texts {
            let tokens = fast(text);
            let mut out = Vec::new();
            split_sentences(text, &tokens, 0..tokens.len(), 0, &mut out);
            let spans = |v: &[Sentence]| v.iter().map(|s| s.tokens.clone()).collect::<Vec<_>>();
            assert_eq!(
                spans(&out),
                spans(&reference_sentences(text, &tokens, 0..tokens.len())),
                "{text:.80}"
            );
        }
    }

    #[test]
    fn ascii_letter_runs_end_at_the_first_other_byte() {
        // Every byte value, at every place in and after an eight-byte window.
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes =
                    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[..20].to_vec();
                bytes[at] = b;
                let expected = bytes
                    .iter()
                    .position(|c| !c.is_ascii_alphabetic())
                    .unwrap_or(20);
                assert_eq!(ascii_letters_end(&bytes, 0), expected, "{b:#x} at {at}");
                assert_eq!(ascii_letters_end(&bytes, 20), 20);
            }
        }
    }

    #[test]
    fn splits_like_the_reference_on_generated_text() {
        // Every pair and triple of a small alphabet that covers each branch (letters, digits,
        // separators, apostrophes, multi-byte letters and spaces, combining marks).
        let alphabet = [
            "a", "Z", "1", ",", ".", "'", "’", " ", "\u{a0}", "é", "\u{301}", "日", "😀", "-",
            "\u{b}",
        ];
        for x in alphabet {
            for y in alphabet {
                for z in alphabet {
                    let text = format!("{x}{y}{z}{x}");
                    assert_eq!(fast(&text), reference(&text), "{text:?}");
                }
            }
        }
    }
}
