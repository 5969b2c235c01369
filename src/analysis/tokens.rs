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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `at` of `s` and its length, decoded without a full UTF-8 pass when it
/// is ASCII (nearly every byte of English news).
#[inline]
fn char_at(s: &str, at: usize) -> Option<(char, usize)> {
    let &b = s.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = s[at..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text[range]` into words, numbers and single punctuation marks (whitespace dropped).
/// Walks bytes and decodes only non-ASCII characters: this runs over every byte of every
/// article, and a `char_indices().peekable()` walk cost several times more.
pub(super) fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let slice = &text[range.clone()];
    let base = range.start;
    let mut prev_end: Option<usize> = None;
    let bytes = slice.as_bytes();
    let mut i = 0;
    while let Some((c, len)) = char_at(slice, i) {
        let start = i;
        i += len;
        if c.is_whitespace() {
            continue;
        }
        let kind = if is_word_char(c) {
            loop {
                // Runs of ASCII letters first, without decoding.
                while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    i += 1;
                }
                let Some((d, dl)) = char_at(slice, i) else {
                    break;
                };
                if is_word_char(d)
                    || (is_apostrophe(d)
                        && char_at(slice, i + dl).is_some_and(|(x, _)| is_word_char(x)))
                {
                    i += dl;
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else if c.is_ascii_digit() {
            while let Some(&d) = bytes.get(i) {
                let inner_sep =
                    matches!(d, b',' | b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if d.is_ascii_alphanumeric() || inner_sep {
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        out.push(Token {
            span: base + start..base + i,
            kind,
            glued: prev_end == Some(start),
            quoted: false,
            capitalised: c.is_uppercase(),
        });
        prev_end = Some(i);
    }
}

/// Marks tokens between paired quotation marks within one block. Straight double quotes toggle;
/// curly ones open and close. An unclosed quote at the end of a block is not marked (a stray
/// mark should not silence the rest of the paragraph).
pub(super) fn mark_quotes(text: &str, tokens: &mut [Token]) {
    let mut open: Option<usize> = None;
    let mut pairs = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        match &text[t.span.clone()] {
            "\"" => match open.take() {
                Some(o) => pairs.push((o, i)),
                None => open = Some(i),
            },
            "“" | "«" => open = Some(i),
            "”" | "»" => {
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

/// Words that end with a period without ending the sentence.
/// Longest run of tokens treated as one sentence; real news sentences are far shorter.
const MAX_SENTENCE_TOKENS: usize = 400;

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
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = &tokens[i];
        let s = &text[t.span.clone()];
        let terminal = matches!(s, "." | "!" | "?" | "…");
        let mut end = i + 1;
        // Text with no sentence punctuation (a pasted table, a 50 MB line) is cut into bounded
        // pieces, so every per-sentence scan in the checks stays linear in the document.
        if !terminal && end - start >= MAX_SENTENCE_TOKENS {
            push(tokens, start..end, block, out);
            start = end;
            i = end;
            continue;
        }
        if terminal {
            // Closing quotes and brackets belong to the sentence they end.
            while end < range.end
                && matches!(
                    &text[tokens[end].span.clone()],
                    "\"" | "”" | "’" | "'" | ")" | "»"
                )
                && tokens[end].glued
            {
                end += 1;
            }
            let next = tokens.get(end).filter(|_| end < range.end);
            let next_starts_sentence = next.is_none_or(|n| {
                !n.glued
                    && (n.capitalised
                        || n.kind == TokenKind::Number
                        || matches!(&text[n.span.clone()], "\"" | "“" | "'" | "‘" | "(" | "«"))
            });
            if next_starts_sentence && !(s == "." && is_abbreviation(text, tokens, range.start, i))
            {
                push(tokens, start..end, block, out);
                start = end;
            }
        }
        i = end;
    }
    if start < range.end {
        push(tokens, start..range.end, block, out);
    }
}

fn push(tokens: &[Token], r: Range<usize>, block: usize, out: &mut Vec<Sentence>) {
    out.push(Sentence {
        span: tokens[r.start].span.start..tokens[r.end - 1].span.end,
        tokens: r,
        block,
    });
}

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
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        // "...in the U.S. Then" is ambiguous; treat dotted acronyms as not ending the sentence
        // only when they are followed by a capitalised name-like token (common news use).
        return true;
    }
    ABBREVIATIONS.contains(&w.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn splits_like_the_reference_on_generated_text() {
        // Every pair and triple of a small alphabet that covers each branch (letters, digits,
        // separators, apostrophes, multi-byte letters and spaces, combining marks).
        let alphabet = [
            "a", "Z", "1", ",", ".", "'", "’", " ", "\u{a0}", "é", "\u{301}", "日", "😀", "-",
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
