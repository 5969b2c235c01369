//! `people`: a near miss of a listed officeholder ("President Ivor Morales" for Evo Morales,
//! "Defense Minister Javier Zabaleta" for Javier Zavaleta), from the embedded list of people in
//! public office (`crate::people`), with no list from the desk.
//!
//! Real, distinct people are often a letter apart (Evo and Jimmy Morales were presidents at
//! the same time; Luis and Héctor Arce sat in one cabinet), so a name is reported only when the
//! article itself says which listed person is meant: a role word before the name that fits the
//! person's office, the person's country (or a place in it) named in the article, and the
//! article's date within the person's years. A name any listed person bears is never reported.

mod countries;
mod matching;
pub(crate) mod roles;

use super::support::known::overlaps_any;
use super::{Check, Common, Context, Kind, KindDoc};
use crate::analysis::Analysis;
use crate::analysis::names::cues::{self, all_caps, is_calendar_word, mention_words};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::gazetteer::{self as gz, is_common_word};
use crate::people::{self, Person};
use countries::Evidence;
use matching::{Candidate, Verdict};
use serde::Deserialize;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    /// Years before a person's first listing and after the last in which an article may still
    /// name the person in office (the lists are yearly, and lag).
    #[serde(default = "slack_years")]
    slack_years: i16,
    /// Shortest surname (in letters) compared one letter off; a surname alone must have one
    /// more.
    #[serde(default = "min_letters")]
    min_letters: usize,
}

fn slack_years() -> i16 {
    2
}

fn min_letters() -> usize {
    4
}

struct People {
    o: Options,
}

pub(crate) static KIND: Kind = Kind {
    doc: KindDoc::new("people", include_str!("../../docs/kinds/people.md")),
    build,
};

fn build(value: crate::yaml::Value, _common: &Common) -> Result<Box<dyn Check>, String> {
    Ok(Box::new(People {
        o: super::options(value)?,
    }))
}

/// A name after a role word, as the article writes it.
struct Written<'w> {
    /// (token, folded) of each word of the name.
    words: &'w [(usize, String)],
    span: Range<usize>,
}

impl People {
    /// Is the article's year within the person's listed years (`slack_years` either side)?
    /// A former officeholder may be named any year after.
    fn in_period(&self, p: &Person, year: Option<i16>, former: bool) -> bool {
        year.is_none_or(|y| {
            p.first.saturating_sub(self.o.slack_years) <= y
                && (former || y <= p.last.saturating_add(self.o.slack_years))
        })
    }

    /// The candidate the context points to, with the country evidence for it; `None` when no
    /// candidate fits or two different spellings fit equally well.
    fn pick<'e>(
        &self,
        cx: &Context,
        written: &Written,
        role: &roles::Role,
        candidates: Vec<Candidate>,
        evidence: &'e [Evidence],
    ) -> Option<(Candidate, &'e Evidence)> {
        let year = cx.date.map(|d| d.year());
        let mut fits: Vec<(Candidate, &Evidence)> = candidates
            .into_iter()
            .filter(|c| {
                c.person.roles.intersects(role.roles)
                    && self.in_period(&c.person, year, role.former)
            })
            .filter_map(|c| {
                // The mention of the country the reader has in mind at the name, for the
                // label: in its sentence, else the last before it, else the first after.
                let sentence = cx.analysis.sentence_of[written.words[0].0];
                let e = evidence
                    .iter()
                    .filter(|e| {
                        c.person.in_country(e.country)
                            && !overlaps_any(std::slice::from_ref(&written.span), &e.span)
                    })
                    .min_by_key(|e| {
                        let before = e.span.start < written.span.start;
                        (
                            e.sentence != sentence,
                            !before,
                            e.span.start.abs_diff(written.span.start),
                        )
                    })?;
                Some((c, e))
            })
            .collect();
        fits.retain(|(c, _)| !(c.surname && better_informed(cx.analysis, written, c)));
        let best = fits.iter().map(|(c, _)| c.edits).min()?;
        fits.retain(|(c, _)| c.edits == best);
        let (first, _) = &fits[0];
        if fits
            .iter()
            .any(|(c, _)| c.word != first.word || c.expected != first.expected)
        {
            return None;
        }
        // A surname alone ("Defense Minister Zabaleta") is no ordinary word or place (a
        // listed surname alone is `Verdict::Listed` already).
        if written.words.len() == 1 {
            let w = written.words[0].1.as_str();
            if is_common_word(w) || gz::gazetteer().is_known(w) {
                return None;
            }
        }
        fits.into_iter().next()
    }
}

/// Does the article write the name's other words with accents the list lacks ("Łukasz
/// Szumowski" where the list has "Lukasz Szumawski")? Then it had a better source than the
/// list, whose spellings come from editions that mostly drop accents, and its spelling of the
/// surname stands against the list's (a typo there is as likely as in the article).
fn better_informed(a: &Analysis, written: &Written, c: &Candidate) -> bool {
    let accents = |s: &str| {
        s.chars()
            .filter(|ch| ch.is_alphabetic() && !ch.is_ascii())
            .count()
    };
    let others: usize = written
        .words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != c.word)
        .map(|(_, (t, _))| accents(a.word(*t)))
        .sum();
    others > accents(&c.person.full_name())
}

/// The name words of a mention after its role words: no calendar word at the end ("Morales
/// Monday"), at most five words, no acronym.
fn name_words<'w>(a: &Analysis, words: &'w [(usize, String)], from: usize) -> Option<Written<'w>> {
    let mut end = words.len();
    while end > from && is_calendar_word(&words[end - 1].1) {
        end -= 1;
    }
    let words = &words[from..end];
    if words.is_empty() || words.len() > 5 || words.iter().any(|(t, _)| all_caps(a.word(*t))) {
        return None;
    }
    let span = super::support::known::word_span(a, words[0].0, words[words.len() - 1].0);
    Some(Written { words, span })
}

impl Check for People {
    fn run(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let mut evidence: Option<Vec<Evidence>> = None;
        let mut claimed: Option<Vec<Range<usize>>> = None;
        for m in &a.mentions {
            if !roles::may_have_role(a, m.tokens.clone()) {
                continue;
            }
            // "Lee Myung" of "Lee Myung-bak": the name goes on, and only its start was read.
            if cues::continues_after_hyphen(a, m.tokens.end - 1) {
                continue;
            }
            let words = mention_words(a, m);
            let Some(role) = roles::of_name(a, &words) else {
                continue;
            };
            let Some(written) = name_words(a, &words, role.name_start) else {
                continue;
            };
            let folded: Vec<&str> = written.words.iter().map(|(_, w)| w.as_str()).collect();
            // A name the desk lists is the desk's rule's business.
            if cx.knowledge.knows_phrase(&folded.join(" ")) {
                continue;
            }
            let Verdict::Near(candidates) = matching::judge(&folded, self.o.min_letters) else {
                continue;
            };
            let evidence = evidence.get_or_insert_with(|| countries::in_article(a));
            let Some((c, e)) = self.pick(cx, &written, &role, candidates, evidence) else {
                continue;
            };
            let claimed = claimed.get_or_insert_with(|| cx.knowledge.claimed_spans(a));
            if overlaps_any(claimed, &written.span) {
                continue;
            }
            out.push(self.diagnostic(a, cx, &written, &role, &c, e));
        }
    }
}

impl People {
    fn diagnostic(
        &self,
        a: &Analysis,
        cx: &Context,
        written: &Written,
        role: &roles::Role,
        c: &Candidate,
        e: &Evidence,
    ) -> Diagnostic {
        let token = written.words[c.word].0;
        let span = super::support::known::word_span(a, token, token);
        let found = &a.text[span.clone()];
        let fix = matching::respell(found, c.expected);
        let name = &a.text[written.span.clone()];
        let corrected = format!(
            "{}{fix}{}",
            &a.text[written.span.start..span.start],
            &a.text[span.end..written.span.end]
        );
        let p = &c.person;
        let office = if p.office.is_empty() {
            p.roles.describe()
        } else {
            p.office
        };
        let country = people::country_name(e.country).unwrap_or(e.country);
        let years = if p.first == p.last {
            p.first.to_string()
        } else {
            format!("{}–{}", p.first, p.last)
        };
        let mentioned = &a.text[e.span.clone()];
        let mentions = if crate::fuzzy::fold(mentioned) == crate::fuzzy::fold(country) {
            country.to_string()
        } else {
            format!("{country} ('{mentioned}')")
        };
        let role_text = &a.text[role.span.clone()];
        let letters = if c.edits == 1 { "letter" } else { "letters" };
        let mut d = Diagnostic::new(
            span.clone(),
            format!(
                "'{name}' looks like a misspelling of '{corrected}', {office} of {country} \
                 (listed {years}): the article calls the person {role_text} and mentions \
                 {mentions}"
            ),
        )
        .with_primary_label(format!("{} {letters} away from '{fix}'", c.edits))
        .with_label(role.span.clone(), "the role")
        .with_label(e.span.clone(), format!("{country} here"))
        .with_help(format!("write '{corrected}'"));
        if cx.date.is_none() {
            d = d.with_note(format!(
                "the publication date is not known, so the years ({years}) were not checked"
            ));
        }
        d.with_fix(span, fix, Applicability::Unsafe)
    }
}

#[cfg(test)]
mod tests;
