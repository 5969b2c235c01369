//! Capitalised name mentions: runs of capitalised words ("President Ivor Morales",
//! "Santa Cruz de la Sierra", "Copa-Cogeca"), the raw material of the name checks.

pub(crate) mod cues;

use super::{Analysis, TokenKind};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    /// Index range into `Analysis::tokens` (connectors and hyphens included).
    pub tokens: Range<usize>,
    /// The first token starts its sentence, so its capital says nothing about being a name.
    pub sentence_initial: bool,
    pub quoted: bool,
}

/// Lower-case particles that may sit inside a name between capitalised words.
const CONNECTORS: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "do", "dos", "das", "du", "la", "le", "van",
    "von", "y", "e", "al", "bin", "ibn", "of", "el", "zu", "ter", "ten",
];

static CONNECTOR_SET: super::words::Lazy =
    super::words::Lazy::new(|| super::words::WordSet::new(CONNECTORS));

pub(super) fn extract(a: &Analysis) -> Vec<Mention> {
    // News prose has a capitalised run every six tokens or so.
    let mut out = Vec::with_capacity(a.tokens.len() / 4);
    let toks = &a.tokens;
    let capitalised_word = |j: usize| toks[j].kind == TokenKind::Word && toks[j].capitalised;
    for sentence in &a.sentences {
        // A name never runs past its sentence.
        let (first, last) = (sentence.tokens.start, sentence.tokens.end);
        let mut i = first;
        while i < last {
            // Most tokens start no name: find the next capitalised word in one tight scan.
            let Some(skip) = toks[i..last]
                .iter()
                .position(|t| t.kind == TokenKind::Word && t.capitalised)
            else {
                break;
            };
            let start = i + skip;
            // "#Tunisie", "@AguilB": labels, not names written in the prose.
            if a.is_tag(start) {
                i = start + 1;
                continue;
            }
            let mut end = start + 1;
            while end < last {
                // Next capitalised word, directly.
                if capitalised_word(end) && !toks[end].glued {
                    end += 1;
                    continue;
                }
                // A hyphen joining two capitalised parts: "Copa-Cogeca", "Kuala-Lumpur".
                if end + 1 < last
                    && toks[end].glued
                    && toks[end + 1].glued
                    && capitalised_word(end + 1)
                    && a.word(end) == "-"
                {
                    end += 2;
                    continue;
                }
                // Connector particles followed by a capitalised word: "Santa Cruz de la Sierra".
                let mut j = end;
                while j < last
                    && j - end < 3
                    && toks[j].kind == TokenKind::Word
                    && CONNECTOR_SET.contains(a.word(j))
                {
                    j += 1;
                }
                if j > end && j - end <= 2 && j < last && capitalised_word(j) {
                    end = j + 1;
                    continue;
                }
                break;
            }
            let sentence_initial = toks[first..start]
                .iter()
                .all(|t| t.kind == TokenKind::Punct);
            out.push(Mention {
                span: toks[start].span.start..toks[end - 1].span.end,
                tokens: start..end,
                sentence_initial,
                quoted: toks[start].quoted,
            });
            i = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::document::{Document, Format};

    fn mentions(text: &str) -> Vec<(String, bool)> {
        let d = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&d);
        a.mentions
            .iter()
            .map(|m| (a.slice(m.span.clone()).to_string(), m.sentence_initial))
            .collect()
    }

    #[test]
    fn runs_connectors_and_hyphens() {
        assert_eq!(
            mentions(
                "In Santa Cruz de la Sierra, President Ivor Morales met Copa-Cogeca and the Organization of American States."
            ),
            vec![
                ("In Santa Cruz de la Sierra".to_string(), true),
                ("President Ivor Morales".to_string(), false),
                ("Copa-Cogeca".to_string(), false),
                ("Organization of American States".to_string(), false),
            ]
        );
    }

    #[test]
    fn punctuation_breaks_runs() {
        assert_eq!(
            mentions("He met Mesa, Ortiz and Morales."),
            vec![
                ("He".to_string(), true),
                ("Mesa".to_string(), false),
                ("Ortiz".to_string(), false),
                ("Morales".to_string(), false)
            ]
        );
    }
}
