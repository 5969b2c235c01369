//! `acronym`: an acronym used before its expansion, or never expanded.

use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::{Analysis, TokenKind};
use crate::diagnostic::Diagnostic;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Acronyms every reader knows (US, UN, EU, NATO…): never reported.
    #[serde(default)]
    exceptions: Vec<String>,
    /// Also report acronyms that are never expanded anywhere in the article.
    #[serde(default)]
    require_definition: bool,
    #[serde(default = "default_min")]
    min_length: usize,
    #[serde(default = "default_max")]
    max_length: usize,
}

fn default_min() -> usize {
    2
}
fn default_max() -> usize {
    6
}

struct Acronym {
    exceptions: HashSet<String>,
    require_definition: bool,
    min_length: usize,
    max_length: usize,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("acronym", include_str!("../../docs/kinds/acronym.md")),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    let o: Options = super::options(value)?;
    Ok(Box::new(Acronym {
        exceptions: o.exceptions.into_iter().collect(),
        require_definition: o.require_definition,
        min_length: o.min_length.max(2),
        max_length: o.max_length,
    }))
}

impl Acronym {
    fn is_acronym(&self, a: &Analysis, i: usize) -> bool {
        let t = &a.tokens[i];
        // Cheap tests first: most tokens are not capitalised words.
        if t.kind != TokenKind::Word || !t.capitalised {
            return false;
        }
        let w = a.word(i);
        // Most capitalised words fail at their second letter.
        if w.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
            return false;
        }
        let n = w.chars().count();
        (self.min_length..=self.max_length).contains(&n) && w.chars().all(|c| c.is_uppercase())
    }
}

/// Are the acronym's words written out anywhere before token `i`?
fn spelled_out_before(a: &Analysis, i: usize, acronym: &str) -> bool {
    (1..i).any(|end| a.tokens[end - 1].capitalised && expansion_before(a, end, acronym).is_some())
}

/// Initials of the capitalised words just before `end` (skipping small words), compared with the acronym.
fn expansion_before(a: &Analysis, end: usize, acronym: &str) -> Option<usize> {
    let letters: Vec<char> = acronym.chars().collect();
    let mut k = letters.len();
    let mut i = end;
    while i > 0 && k > 0 {
        i -= 1;
        let t = &a.tokens[i];
        if t.kind != TokenKind::Word {
            // Hyphens and quotation marks around the name ("'People's Movement … Energy'").
            if matches!(a.word(i), "-" | "'" | "\"" | "‘" | "’" | "“" | "”") {
                continue;
            }
            return None;
        }
        let w = a.word(i);
        // The "s" of a possessive ("People's").
        if w == "s" && i > 0 && matches!(a.word(i - 1), "'" | "’") {
            continue;
        }
        if !t.capitalised {
            if matches!(
                w,
                "of" | "and"
                    | "for"
                    | "the"
                    | "on"
                    | "in"
                    | "de"
                    | "la"
                    | "des"
                    | "du"
                    | "et"
                    | "to"
            ) {
                continue;
            }
            return None;
        }
        let first = w.chars().next()?;
        if first.to_uppercase().next() != Some(letters[k - 1]) {
            return None;
        }
        k -= 1;
    }
    (k == 0).then_some(i)
}

impl Check for Acronym {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let t = &a.tokens;
        // Where each acronym is defined: "Expansion (ACR)" or "ACR (Expansion …)".
        let mut defined: HashMap<&str, usize> = HashMap::new();
        // Found once, used by both passes.
        // A plain loop, the cheapest test first: most tokens are not capitalised.
        let mut acronyms: Vec<usize> = Vec::new();
        for (i, token) in t.iter().enumerate() {
            if token.capitalised && self.is_acronym(a, i) {
                acronyms.push(i);
            }
        }
        for &i in &acronyms {
            let w = a.word(i);
            let in_parens = i > 0
                && a.word(i - 1) == "("
                && t.get(i + 1).is_some_and(|n| a.slice(n.span.clone()) == ")");
            // "ACR (the Expansion of …)": the expansion may stand anywhere in the brackets.
            let defines = (in_parens && expansion_before(a, i - 1, w).is_some())
                || (t.get(i + 1).is_some_and(|n| a.slice(n.span.clone()) == "(")
                    && (i + 2..t.len().min(i + 24))
                        .find(|&j| a.word(j) == ")")
                        .is_some_and(|close| {
                            (i + 3..=close).any(|end| expansion_before(a, end, w).is_some())
                        }));
            if defines {
                defined.entry(w).or_insert(i);
            }
        }
        let mut reported: HashSet<&str> = HashSet::new();
        for &i in &acronyms {
            let w = a.word(i);
            if self.exceptions.contains(w) || reported.contains(w) {
                continue;
            }
            // A heading in capitals is not an acronym.
            if a.is_heading_sentence(a.sentence_of[i]) {
                continue;
            }
            match defined.get(w) {
                // Spelled out earlier without the brackets ("the European Central Bank
                // meeting" … "the ECB"): the reader knows it.
                Some(&d) if d > i && !spelled_out_before(a, i, w) => {
                    reported.insert(w);
                    out.push(
                        Diagnostic::new(
                            t[i].span.clone(),
                            format!("'{w}' is used before it is spelled out"),
                        )
                        .with_label(t[d].span.clone(), "spelled out only here")
                        .with_help("move the expansion to the first use"),
                    );
                }
                None if self.require_definition => {
                    reported.insert(w);
                    out.push(
                        Diagnostic::new(
                            t[i].span.clone(),
                            format!("'{w}' is never spelled out in this article"),
                        )
                        .with_help(format!(
                            "write the full name followed by '({w})' at its first use"
                        )),
                    );
                }
                _ => {}
            }
        }
    }
}
