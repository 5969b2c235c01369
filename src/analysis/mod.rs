//! Facts about a document, extracted ONCE and shared by every check: tokens, sentences, quoted
//! stretches, capitalised name mentions, and (lazily, on first use) numbers and time expressions.
//!
//! Everything is computed over the document's prose view, so every span is a byte range into
//! the file as read.

pub(crate) mod ascii_runs;
pub(crate) mod facts;
mod language;
pub(crate) mod lexical;
pub(crate) mod lists;
pub(crate) mod names;
pub mod numbers;
mod subjects;
pub mod time;
mod tokens;
pub(crate) mod words;

pub use names::Mention;
pub use subjects::{Names, NamesIter};
pub use tokens::{Token, TokenKind};

use crate::document::{BlockKind, Document};
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct Sentence {
    pub(crate) span: Range<usize>,
    /// Index range into `Analysis::tokens`.
    pub tokens: Range<usize>,
    /// Index into `Document::blocks`.
    pub(crate) block: usize,
}

pub struct Analysis<'a> {
    pub(crate) doc: &'a Document,
    /// The prose view (same offsets as the file).
    pub(crate) text: &'a str,
    pub tokens: Vec<Token>,
    pub(crate) sentences: Vec<Sentence>,
    /// Sentence index of each token.
    pub(crate) sentence_of: Vec<usize>,
    pub(crate) mentions: Vec<Mention>,
    /// Lower-case copy of the prose (same offsets), plus at its end the lower-case text of
    /// the few tokens whose lower case is longer or shorter: computed once, so that no check
    /// lower-cases (and allocates) per token.
    lower_buf: String,
    /// Where each token's lower-case text is in `lower_buf`.
    lower_at: Vec<(u32, u32)>,
    numbers: OnceLock<Vec<numbers::Quantity>>,
    facts: OnceLock<facts::Facts>,
    times: OnceLock<Vec<time::TimeExpr>>,
    subjects: OnceLock<subjects::Subjects>,
    ascii_runs: OnceLock<ascii_runs::AsciiRuns>,
    foreign: OnceLock<Vec<bool>>,
    voiced_blocks: OnceLock<Vec<bool>>,
}

impl<'a> Analysis<'a> {
    pub fn new(doc: &'a Document) -> Analysis<'a> {
        let text = doc.prose.as_str();
        // Room for every token and sentence at once (news prose runs to five or six bytes a
        // token): growing a vector of a hundred thousand tokens copies it a dozen times.
        let prose_len: usize = doc.blocks.iter().map(|b| b.range.len()).sum();
        let mut tokens = Vec::with_capacity(prose_len / 4 + 16);
        let mut sentences = Vec::with_capacity(prose_len / 64 + 16);
        for (block_index, block) in doc.blocks.iter().enumerate() {
            let first = tokens.len();
            tokens::tokenize(text, block.range.clone(), &mut tokens);
            tokens::mark_quotes(text, &mut tokens[first..]);
            tokens::split_sentences(
                text,
                &tokens,
                first..tokens.len(),
                block_index,
                &mut sentences,
            );
        }
        let mut sentence_of = vec![0; tokens.len()];
        for (i, s) in sentences.iter().enumerate() {
            sentence_of[s.tokens.clone()].fill(i);
        }
        let (lower_buf, lower_at) = lower_case(text, &tokens);
        let mut analysis = Analysis {
            doc,
            text,
            tokens,
            sentences,
            sentence_of,
            mentions: Vec::new(),
            lower_buf,
            lower_at,
            numbers: OnceLock::new(),
            facts: OnceLock::new(),
            times: OnceLock::new(),
            subjects: OnceLock::new(),
            ascii_runs: OnceLock::new(),
            foreign: OnceLock::new(),
            voiced_blocks: OnceLock::new(),
        };
        analysis.mentions = names::extract(&analysis);
        analysis
    }

    /// The text of token `i` (from the prose view).
    pub(crate) fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span.clone()]
    }

    /// The lower-case text of token `i` (`str::to_lowercase` of `word(i)`, without allocating).
    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &str {
        let (start, end) = self.lower_at[i];
        &self.lower_buf[start as usize..end as usize]
    }

    pub(crate) fn slice(&self, span: Range<usize>) -> &'a str {
        &self.text[span]
    }

    /// Does token `i` stand in a stretch written in another language (a quoted French
    /// sentence, a Spanish tweet)? Worked out for the whole document on first use.
    pub(crate) fn is_foreign(&self, i: usize) -> bool {
        self.foreign
            .get_or_init(|| language::foreign_tokens(self))
            .get(i)
            .copied()
            .unwrap_or(false)
    }

    /// Is token `i` someone else's words: inside quotation marks, or in a paragraph that is a
    /// quotation set off without them (a tweet, "@handle: …"; a reader's comment or a
    /// statement in the first person, as blogs and wire copy quote at length).
    pub(crate) fn in_quoted_voice(&self, i: usize) -> bool {
        self.tokens[i].quoted || {
            let voiced = self
                .voiced_blocks
                .get_or_init(|| language::voiced_blocks(self));
            voiced[self.sentences[self.sentence_of[i]].block]
        }
    }

    /// Is token `i` a hashtag's or a handle's word ("#Tunisie", "@AguilB"): a label, not a
    /// name written in the prose?
    pub(crate) fn is_tag(&self, i: usize) -> bool {
        i > 0 && self.tokens[i].glued && matches!(self.word(i - 1), "#" | "@")
    }

    pub(crate) fn is_heading_sentence(&self, sentence: usize) -> bool {
        self.doc.blocks[self.sentences[sentence].block].kind == BlockKind::Heading
    }

    /// Index of the first token starting at or after `offset`.
    pub(crate) fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// Numbers, ordinals and ages in the document (extracted on first use).
    pub fn quantities(&self) -> &[numbers::Quantity] {
        self.numbers.get_or_init(|| numbers::extract(self))
    }

    /// The quantities of one sentence (a slice of `quantities()`, which is in sentence order).
    pub(crate) fn quantities_in(&self, sentence: usize) -> &[numbers::Quantity] {
        let all = self.quantities();
        let start = all.partition_point(|q| q.sentence < sentence);
        let end = start + all[start..].partition_point(|q| q.sentence == sentence);
        &all[start..end]
    }

    /// The fact model: each figure bound to what it counts, its subject, time and role, plus
    /// vote tallies (built on first use).
    pub(crate) fn facts(&self) -> &facts::Facts {
        self.facts.get_or_init(|| facts::extract(self))
    }

    /// Dates, weekdays and relative time expressions (extracted on first use).
    pub fn times(&self) -> &[time::TimeExpr] {
        self.times.get_or_init(|| time::extract(self))
    }

    /// The runs of ASCII letters and digits of the prose, where the phrase checks look for
    /// their words (found on first use).
    pub(crate) fn ascii_runs(&self) -> &ascii_runs::AsciiRuns {
        self.ascii_runs
            .get_or_init(|| ascii_runs::AsciiRuns::new(self.text.as_bytes()))
    }

    /// Who sentence `sentence` is about: the names in it, lower case (see
    /// [`subjects`](subjects::extract); computed for every sentence on first use).
    pub(crate) fn names_in_sentence(&self, sentence: usize) -> Names<'_> {
        self.subjects
            .get_or_init(|| subjects::extract(self))
            .sentence(sentence)
    }
}

/// Lower-cases every token once: the whole prose in one ASCII pass, then the tokens with other
/// letters one by one (in place when their lower case has the same length, else appended).
/// Those tokens are found from the text's non-ASCII bytes, which are few in most articles.
fn lower_case(text: &str, tokens: &[Token]) -> (String, Vec<(u32, u32)>) {
    let offset = |n: usize| u32::try_from(n).expect("documents are under 4 GB");
    // Every span of the text fits, checked once.
    offset(text.len());
    let mut buf = text.to_owned();
    buf.make_ascii_lowercase();
    let mut at: Vec<(u32, u32)> = tokens
        .iter()
        .map(|t| (t.span.start as u32, t.span.end as u32))
        .collect();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(p) = non_ascii_from(bytes, from) {
        // The token holding this byte, if any (spaces, blanked markup and punctuation outside
        // tokens hold none).
        let i = tokens.partition_point(|t| t.span.end <= p);
        let Some(t) = tokens.get(i).filter(|t| t.span.start <= p) else {
            from = p + 1;
            continue;
        };
        let span = t.span.clone();
        let l = text[span.clone()].to_lowercase();
        if l.len() == span.len() {
            buf.replace_range(span.clone(), &l);
        } else {
            let start = buf.len();
            buf.push_str(&l);
            at[i] = (offset(start), offset(buf.len()));
        }
        from = span.end;
    }
    (buf, at)
}

/// The first byte at or after `from` that is not ASCII.
fn non_ascii_from(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let rest = bytes.get(from..)?;
    let mut words = rest.chunks_exact(8);
    let mut at = from;
    for w in &mut words {
        let high = u64::from_le_bytes(w.try_into().expect("chunks of 8")) & HIGH;
        if high != 0 {
            return Some(at + (high.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|p| at + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    pub(crate) fn doc(text: &str) -> Document {
        Document::parse("t.md", text.to_string(), Format::Markdown)
    }

    #[test]
    fn sentences_split_on_terminal_punctuation_not_abbreviations() {
        let d = doc(
            "Mr. Smith met Dr. Jones in the U.S. capital. Then he left! Did he? Yes.\n\nNew para.",
        );
        let a = Analysis::new(&d);
        let texts: Vec<&str> = a
            .sentences
            .iter()
            .map(|s| a.slice(s.span.clone()))
            .collect();
        assert_eq!(
            texts,
            vec![
                "Mr. Smith met Dr. Jones in the U.S. capital.",
                "Then he left!",
                "Did he?",
                "Yes.",
                "New para."
            ]
        );
    }

    #[test]
    fn tokens_keep_hyphen_glue_and_numbers() {
        let d = doc("The 45-year-old paid 1,100.50 dollars on the 20th.");
        let a = Analysis::new(&d);
        let words: Vec<&str> = (0..a.tokens.len()).map(|i| a.word(i)).collect();
        assert_eq!(
            words,
            vec![
                "The", "45", "-", "year", "-", "old", "paid", "1,100.50", "dollars", "on", "the",
                "20th", "."
            ]
        );
        assert!(a.tokens[2].glued && a.tokens[3].glued);
        assert!(!a.tokens[1].glued);
        assert_eq!(a.tokens[7].kind, TokenKind::Number);
    }

    #[test]
    fn unpunctuated_text_is_cut_into_bounded_sentences() {
        let text = "word ".repeat(1000);
        let d = doc(&text);
        let a = Analysis::new(&d);
        assert!(a.sentences.len() >= 3);
        assert!(a.sentences.iter().all(|s| s.tokens.len() <= 400));
        assert_eq!(
            a.sentences.iter().map(|s| s.tokens.len()).sum::<usize>(),
            1000
        );
    }

    #[test]
    fn lower_case_text_of_every_token() {
        let d = doc("The ÉCOLE in İzmir said OK, ΟΔΟΣ 45-Year-Old.");
        let a = Analysis::new(&d);
        for i in 0..a.tokens.len() {
            assert_eq!(a.lower(i), a.word(i).to_lowercase(), "token {i}");
        }
        assert_eq!(a.lower(1), "école");
        assert_eq!(a.lower(0), "the");
        assert_eq!(a.lower(a.tokens.len() - 1), ".");
        // Non-ASCII bytes outside tokens, tokens long and short, several per eight bytes.
        let d = doc(
            "“ÜNÏCÖDÉ”\u{a0}—\u{a0}ΣΟΦΙΑ Straße İİİİİİİİİ KELVIN\u{212a} x É é\n\nΑΘΗΝΑ and ROMA. ÀÉÎ",
        );
        let a = Analysis::new(&d);
        assert!(a.tokens.len() > 10);
        for i in 0..a.tokens.len() {
            assert_eq!(a.lower(i), a.word(i).to_lowercase(), "token {i}");
        }
    }

    #[test]
    fn quotes_are_marked() {
        let d = doc("He said \"the fourth term\" was over. Then “third” came, «quatre» » ” too.");
        let a = Analysis::new(&d);
        let quoted: Vec<&str> = (0..a.tokens.len())
            .filter(|&i| a.tokens[i].quoted)
            .map(|i| a.word(i))
            .collect();
        assert_eq!(quoted, vec!["the", "fourth", "term", "third", "quatre"]);
    }
}
