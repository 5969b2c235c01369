//! Which stretches of an English article are in another language: a French quotation, a
//! Spanish tweet, a Swahili phrase, a line of Arabic. There, names and words are spelled the way
//! that language spells them ("Tunisie", "Srbiji", "piki piki"), so the name and spelling checks
//! must not read them as English slips.
//!
//! A sentence is cut into runs of quoted and unquoted tokens. A run is foreign when it is in a
//! non-Latin script, when its function words are those of another language ("est", "los",
//! "und") more than English ones, or when most of its words are not English at all. Names say
//! nothing about the language ("Santa Cruz de la Sierra"), so words inside a name mention do
//! not count.

use super::{Analysis, TokenKind};
use crate::gazetteer;

/// Fewer lower-case words than this say too little to call a run foreign (unless every one of
/// them is in a non-Latin script).
const MIN_WORDS: usize = 3;

/// A run is foreign when fewer than this share of its words are English words.
const MAX_ENGLISH_SHARE: f32 = 0.35;

/// The commonest English function words: a run that has them is English.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with", "by", "at", "from",
    "it", "as", "be", "are", "were", "has", "have", "had", "he", "she", "they", "we", "you", "not",
    "this", "but", "or", "will", "said", "which", "who", "their", "his", "her", "an", "its",
    "been", "would", "our", "there", "about",
];

/// The commonest function words of the languages news copy quotes most (French, Spanish,
/// Portuguese, Italian, German, Indonesian/Malay), none of them an English word.
const FOREIGN: &[&str] = &[
    "le", "la", "les", "des", "est", "une", "et", "du", "sont", "dans", "pour", "avec", "pas",
    "qui", "nous", "vous", "ce", "cette", "el", "los", "las", "por", "para", "con", "que", "y",
    "es", "una", "del", "al", "se", "lo", "su", "sus", "como", "pero", "más", "muy", "os", "da",
    "do", "dos", "das", "na", "nas", "um", "uma", "não", "é", "em", "mais", "der", "die", "und",
    "ist", "nicht", "mit", "ein", "eine", "den", "dem", "zu", "von", "auf", "il", "di", "che",
    "per", "non", "sono", "della", "un", "yang", "dan", "ini", "itu", "tidak", "dengan", "untuk",
    "kita", "ke", "dari", "ya", "si", "ng", "sa", "mga",
];

static ENGLISH_SET: super::words::Lazy =
    super::words::Lazy::new(|| super::words::WordSet::new(ENGLISH));
static FOREIGN_SET: super::words::Lazy =
    super::words::Lazy::new(|| super::words::WordSet::new(FOREIGN));

/// One flag per token: does it stand in a foreign-language run?
pub(super) fn foreign_tokens(a: &Analysis) -> Vec<bool> {
    let mut out = vec![false; a.tokens.len()];
    let mut in_name = vec![false; a.tokens.len()];
    for m in &a.mentions {
        in_name[m.tokens.clone()].fill(true);
    }
    for s in &a.sentences {
        let mut start = s.tokens.start;
        while start < s.tokens.end {
            let quoted = a.tokens[start].quoted;
            let end = (start..s.tokens.end)
                .find(|&i| a.tokens[i].quoted != quoted)
                .unwrap_or(s.tokens.end);
            if run_is_foreign(a, &in_name, start..end) {
                out[start..end].fill(true);
            }
            start = end;
        }
    }
    out
}

fn run_is_foreign(a: &Analysis, in_name: &[bool], run: std::ops::Range<usize>) -> bool {
    let (mut words, mut other_script) = (0usize, 0usize);
    let (mut english_function, mut foreign_function) = (0usize, 0usize);
    // The lower-case words a dictionary may be asked about, looked up only when the function
    // words leave the question open: most runs have "the" or "of", and a dictionary look-up
    // per word of every article cost a tenth of a run.
    let mut plain = Vec::new();
    for i in run {
        let t = &a.tokens[i];
        if t.kind != TokenKind::Word || (in_name[i] && t.capitalised) {
            continue;
        }
        let lower = a.lower(i);
        if ENGLISH_SET.contains(lower) {
            english_function += 1;
        } else if FOREIGN_SET.contains(lower) && !in_name[i] {
            foreign_function += 1;
        }
        let w = a.word(i);
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        if non_latin(w) {
            words += 1;
            other_script += 1;
            continue;
        }
        // Names and acronyms tell nothing about the language; one-letter words little.
        if t.capitalised || w.len() < 2 {
            continue;
        }
        words += 1;
        plain.push(lower);
    }
    if words > 0 && other_script == words {
        return true;
    }
    if foreign_function >= 2 && foreign_function > english_function {
        return true;
    }
    if words < MIN_WORDS || english_function > 0 {
        return false;
    }
    let english = plain
        .iter()
        .filter(|w| gazetteer::is_common_word(w))
        .count();
    (english as f32) < MAX_ENGLISH_SHARE * words as f32
}

/// Per block: is the paragraph a quotation set off without quotation marks? A tweet
/// ("@handle: …"), a paragraph after one that ends in a colon ("Sauzande wrote:") or that opens
/// with an ellipsis ("[...] Germany should …"), or one that
/// speaks in the first person outside quotation marks (news narrative does not say "I" or
/// "we"), or a turn of an interview transcript ("SG: Start a blog!", the speaker's label
/// opening two paragraphs or more).
pub(super) fn voiced_blocks(a: &Analysis) -> Vec<bool> {
    let mut out = vec![false; a.doc.blocks.len()];
    let mut first_person = vec![0u32; a.doc.blocks.len()];
    let mut first_token: Vec<Option<usize>> = vec![None; a.doc.blocks.len()];
    for s in &a.sentences {
        let block = s.block;
        for i in s.tokens.clone() {
            first_token[block].get_or_insert(i);
            if !a.tokens[i].quoted
                && a.tokens[i].is_word()
                && (a.word(i) == "I"
                    || matches!(a.lower(i), "my" | "we" | "our" | "me")
                    // ("US" is the country, not "us".)
                    || matches!(a.word(i), "us" | "Us"))
            {
                first_person[block] += 1;
            }
        }
    }
    for (b, voiced) in out.iter_mut().enumerate() {
        // "@handle: …" (a handle may hold underscores, so the colon is looked for a few
        // tokens on).
        let tweet = first_token[b].is_some_and(|i| {
            a.word(i) == "@" && (i + 1..a.tokens.len().min(i + 6)).any(|k| a.word(k) == ":")
        });
        let introduced = b > 0
            && a.text[a.doc.blocks[b - 1].range.clone()]
                .trim_end()
                .ends_with(':');
        // A quotation that goes on from an earlier paragraph: "[...] Germany should …".
        let continued = ["[...]", "[…]", "...", "…"].iter().any(|m| {
            a.text[a.doc.blocks[b].range.clone()]
                .trim_start()
                .starts_with(m)
        });
        *voiced = tweet || introduced || continued || first_person[b] >= 2;
    }
    let labels: Vec<Option<&str>> = first_token.iter().map(|&i| speaker_label(a, i?)).collect();
    for (b, label) in labels.iter().enumerate() {
        if label.is_some_and(|l| labels.iter().filter(|m| **m == Some(l)).count() >= 2) {
            out[b] = true;
        }
    }
    out
}

/// The speaker's label a paragraph opens with in an interview transcript: one to three
/// capitalised words, or initials, then a colon ("SG:", "Mark Kaigwa:").
fn speaker_label<'a>(a: &Analysis<'a>, first: usize) -> Option<&'a str> {
    let end = (first..a.tokens.len().min(first + 4)).find(|&i| a.word(i) == ":")?;
    let words = first..end;
    (!words.is_empty()
        && words
            .clone()
            .all(|i| a.tokens[i].is_word() && a.tokens[i].capitalised))
    .then(|| a.slice(a.tokens[first].span.start..a.tokens[end - 1].span.end))
}

/// Written in a script other than Latin (Cyrillic, Greek, Arabic, Hebrew, Devanagari, CJK…).
fn non_latin(w: &str) -> bool {
    w.chars().any(|c| {
        c.is_alphabetic() && !matches!(c as u32, 0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F)
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::document::{Document, Format};

    fn foreign_words(text: &str) -> Vec<String> {
        let doc = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&doc);
        (0..a.tokens.len())
            .filter(|&i| a.is_foreign(i) && a.tokens[i].is_word())
            .map(|i| a.word(i).to_string())
            .collect()
    }

    #[test]
    fn quotations_and_sentences_in_other_languages() {
        assert_eq!(
            foreign_words("He wrote: « La Tunisie est un pays libre », and left."),
            ["La", "Tunisie", "est", "un", "pays", "libre"]
        );
        assert_eq!(
            foreign_words("Los estudiantes marcharon por las calles de Bogotá."),
            [
                "Los",
                "estudiantes",
                "marcharon",
                "por",
                "las",
                "calles",
                "de",
                "Bogotá"
            ]
        );
        assert_eq!(
            foreign_words("Они вышли на улицы."),
            ["Они", "вышли", "на", "улицы"]
        );
    }

    #[test]
    fn interview_turns_are_someone_elses_words() {
        let text = "The blogger spoke to us.\n\nCT: What do you write about?\n\nSG: Politics, \
                    mostly.\n\nCT: And next?\n\nSG: Start a blog!\n\nNote: one label alone \
                    is no interview.";
        let doc = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&doc);
        let voiced = |word: &str| {
            let i = (0..a.tokens.len()).find(|&i| a.word(i) == word).unwrap();
            a.in_quoted_voice(i)
        };
        assert!(voiced("Politics") && voiced("Start") && voiced("write"));
        assert!(!voiced("blogger") && !voiced("label"));
    }

    #[test]
    fn the_us_is_no_first_person() {
        let voiced = |text: &str| {
            let doc = Document::parse("t.md", text.to_string(), Format::Markdown);
            let a = Analysis::new(&doc);
            a.in_quoted_voice(0)
        };
        assert!(!voiced(
            "Jurors convicted the US lawyer who had sued the US President."
        ));
        assert!(voiced("They told us the cuts would hurt us all."));
    }

    #[test]
    fn english_with_foreign_names_is_english() {
        assert!(foreign_words("Evo Morales flew to Santa Cruz de la Sierra on Monday.").is_empty());
        assert!(foreign_words("\"We will not go back,\" said Tunisie Numérique.").is_empty());
        assert!(foreign_words("He said the piki piki riders were safe.").is_empty());
    }
}
