//! `common-misspelling`: an ordinary word misspelt the way people often misspell it
//! ("analsyts", "comapnies", "governent"), from the table of the typos project (the
//! `typos-dict` crate, MIT OR Apache-2.0), which lists known misspellings and their
//! corrections and is built for precision: a word is reported only when it is listed, never
//! because it is missing from a word list.
//!
//! The table was made for source code, so news copy needs guards it does not: only lower-case
//! words (capitalised ones are names), never an English word, a word of another language, a
//! tag, a handle, a web address or a word the article also writes as a name.

use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fast_hash::Recent;
use crate::misspellings::{Corrections, Table};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Shortest word (in letters) looked up: the table's short entries ("ot", "te") are
    /// abbreviations and foreign words as often as slips.
    #[serde(default = "min_length")]
    min_length: usize,
    /// Words never reported (a desk's own spellings).
    #[serde(default)]
    allow: Vec<String>,
}

fn min_length() -> usize {
    4
}

struct CommonMisspelling {
    min_length: usize,
    allow: Vec<String>,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new(
        "common-misspelling",
        include_str!("../../docs/kinds/common-misspelling.md"),
    ),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(CommonMisspelling {
        min_length: o.min_length.max(1),
        allow: o.allow.iter().map(|w| w.to_lowercase()).collect(),
    }))
}

/// The table `build.rs` writes from the `typos-dict` crate.
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/misspellings.bin"));

/// The corrections the table gives for a (lower-case ASCII) word, if it lists it.
pub(crate) fn corrections(word: &str) -> Option<Corrections> {
    static PARSED: OnceLock<Table> = OnceLock::new();
    // Most words are asked about again and again within an article.
    thread_local! {
        static RECENT: Recent<Option<Corrections>> = const { Recent::new() };
    }
    let table = PARSED.get_or_init(|| Table::new(TABLE).expect("build.rs writes the table"));
    RECENT.with(|r| r.get(word, |w| table.get(w)))
}

/// Is token `i` glued to something that makes it part of an address, a file name, a handle,
/// a number or a compound ("example.com", "re-elect", "_id")?
fn glued_to_symbol(a: &Analysis, i: usize) -> bool {
    let joins = |w: &str| {
        matches!(
            w,
            "." | "/"
                | "\\"
                | "_"
                | "-"
                | "@"
                | "#"
                | "="
                | ":"
                | "~"
                | "&"
                | "+"
                | "'"
                | "’"
                | "["
                | "]"
                | "("
                | ")"
        )
    };
    (i > 0 && a.tokens[i].glued && (joins(a.word(i - 1)) || a.tokens[i - 1].is_word()))
        || (i + 1 < a.tokens.len()
            && a.tokens[i + 1].glued
            && (joins(a.word(i + 1)) || a.tokens[i + 1].is_word()))
}

impl Check for CommonMisspelling {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        // Worked out once per article, and only when a listed word turns up.
        let mut names: Option<std::collections::HashSet<&str>> = None;
        let mut english: std::collections::HashMap<usize, bool> = Default::default();
        for (i, t) in a.tokens.iter().enumerate() {
            if !t.is_word() || t.capitalised || t.span.len() < self.min_length {
                continue;
            }
            let word = a.word(i);
            if !word.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let Some(fixes) = corrections(word) else {
                continue;
            };
            // Quotes are not rewritten: a slip in someone else's words is theirs.
            if crate::gazetteer::is_common_word(word)
                || self.allow.iter().any(|w| w == word)
                || glued_to_symbol(a, i)
                || a.in_quoted_voice(i)
                || a.is_foreign(i)
                || a.is_tag(i)
                || names
                    .get_or_insert_with(|| written_as_names(a))
                    .contains(word)
                || !*english
                    .entry(a.sentence_of[i])
                    .or_insert_with(|| english_sentence(a, a.sentence_of[i]))
            {
                continue;
            }
            let span = t.span.clone();
            let d = if let Some(fix) = fixes.only() {
                // A correction that only drops the word's end is often not the word meant
                // ("holding ands" is "hands", not "and"; "moreso" is "more so").
                let safety = if word.starts_with(fix) {
                    Applicability::Unsafe
                } else {
                    Applicability::Safe
                };
                Diagnostic::new(
                    span.clone(),
                    format!("'{word}' is a common misspelling of '{fix}'"),
                )
                .with_primary_label("misspelt")
                .with_help(format!("write '{fix}'"))
                .with_fix(span, fix, safety)
            } else {
                let options: Vec<String> = fixes.iter().map(|f| format!("'{f}'")).collect();
                Diagnostic::new(
                    span,
                    format!(
                        "'{word}' is a common misspelling of {}",
                        options.join(" or ")
                    ),
                )
                .with_primary_label("misspelt")
                .with_help("write the word that is meant")
            };
            out.push(d);
        }
    }
}

/// Is sentence `s` English: are most of its lower-case words English words (listed
/// misspellings of them included)? A quotation in another language that the language test
/// missed ("La corrupción mata") is not.
fn english_sentence(a: &Analysis, s: usize) -> bool {
    let sentence = &a.sentences[s];
    let (mut words, mut english) = (0, 0);
    for j in sentence.tokens.clone() {
        let t = &a.tokens[j];
        if t.is_word() && !t.capitalised {
            words += 1;
            let w = a.lower(j);
            english += usize::from(crate::gazetteer::is_common_word(w) || corrections(w).is_some());
        }
    }
    words < 3 || english * 10 >= words * 7
}

/// The words the article writes capitalised mid-sentence, as names (lower-cased).
fn written_as_names<'a>(a: &'a Analysis) -> std::collections::HashSet<&'a str> {
    a.tokens
        .iter()
        .enumerate()
        .filter(|&(j, t)| {
            t.capitalised && t.is_word() && j > a.sentences[a.sentence_of[j]].tokens.start
        })
        .map(|(j, _)| a.lower(j))
        .collect()
}

#[cfg(test)]
mod tests {
    fn run(text: &str) -> Vec<(String, Option<String>)> {
        crate::checks::tests_support::diagnostics(&super::KIND, "", text, None)
            .into_iter()
            .map(|d| {
                (
                    text[d.span.clone()].to_string(),
                    d.fixes.first().map(|f| f.replacement.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn listed_misspellings_are_reported_with_their_correction() {
        assert_eq!(
            run("The analsyts said comapnies had annouced cuts."),
            vec![
                ("analsyts".to_string(), Some("analysts".to_string())),
                ("comapnies".to_string(), Some("companies".to_string())),
                ("annouced".to_string(), Some("announced".to_string())),
            ]
        );
    }

    #[test]
    fn names_words_addresses_and_other_languages_are_left_alone() {
        for text in [
            // Correct English, British spellings included.
            "The organisation's colour and centre were praised by the government.",
            // Capitalised: a name, or the start of a sentence.
            "Comapnies House filed it. Analsyts Ltd said so.",
            // Web addresses, file names, handles, tags and compounds.
            "See www.comapnies.org, file analsyts_2020.csv, @comapnies and #analsyts.",
            // A word the article also writes as a name.
            "We met at the Annouced Gallery, where nothing was annouced.",
            // Someone else's words: a quotation, a quoted tweet.
            "He said: \"the comapnies have annouced nothing\".",
            "The minister replied.\n\n@reader: the goverment never annouced the critism it got",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
        }
    }

    #[test]
    fn a_word_on_the_hand_written_list_is_reported_once() {
        let linter = crate::Linter::with_default_rules();
        let text = "The board said that it would recieve the analsyts on Monday morning.";
        let rules: Vec<(String, String)> = linter
            .lint_text(text, None)
            .into_iter()
            .map(|d| (d.rule, text[d.span].to_string()))
            .collect();
        assert_eq!(
            rules,
            vec![
                ("style.misspelling".to_string(), "recieve".to_string()),
                ("style.typos".to_string(), "analsyts".to_string()),
            ]
        );
    }

    #[test]
    fn a_correction_that_drops_the_end_is_no_safe_fix() {
        let ds = crate::checks::tests_support::diagnostics(
            &super::KIND,
            "",
            "The couple were holding ands along the street.",
            None,
        );
        assert_eq!(ds.len(), 1);
        assert_eq!(
            ds[0].fixes[0].applicability,
            crate::diagnostic::Applicability::Unsafe
        );
    }

    #[test]
    fn a_sentence_in_another_language_is_left_alone() {
        assert!(
            run("Banners read “La corrupción mata”, “Ni corruptos ni coimeros” en las calles.")
                .is_empty()
        );
    }

    #[test]
    fn several_corrections_give_no_fix() {
        let got = run("They came abou noon.");
        // A four-letter entry with several corrections, if the table has one.
        for (_, fix) in got {
            assert_eq!(fix, None);
        }
    }
}
