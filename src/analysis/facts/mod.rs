//! The fact model: every figure, ordinal and year of an article bound to what it counts (the
//! head noun, lemmatised, and its synonym group from `rules/lexicon/count_nouns.yml`), the
//! subject it belongs to (a name, else nothing), its time (a year in its sentence, or the point
//! it is counted "since"), and its role (total, part, rank, forecast, target, estimate,
//! change). Vote tallies ("voted 6-4", "140 to 95") and the sizes of voting bodies ("the
//! nine-member panel") are facts too.
//!
//! The count checks compare these facts rather than surface strings, and `factlint facts`
//! prints them.

pub(crate) mod sheet;
pub(crate) mod vocab;

use super::numbers::{Approx, Quantity, QuantityKind};
use super::{Analysis, TokenKind};
use crate::fast_hash::FastSet;
use serde::{Serialize, Serializer};
use std::ops::Range;
pub(crate) use vocab::VOCAB;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FactKind {
    /// A count or an amount.
    Count,
    Ordinal,
    Year,
    Age,
    /// The size of a voting body: "the nine-member panel" (noun: panel).
    BodySize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Stated as it is, with no cue.
    Stated,
    Total,
    Part,
    Rank,
    Forecast,
    Target,
    Estimate,
    Change,
}

impl Role {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Role::Stated => "stated",
            Role::Total => "total",
            Role::Part => "part",
            Role::Rank => "rank",
            Role::Forecast => "forecast",
            Role::Target => "target",
            Role::Estimate => "estimate",
            Role::Change => "change",
        }
    }

    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "total" => Role::Total,
            "part" => Role::Part,
            "forecast" => Role::Forecast,
            "target" => Role::Target,
            "estimate" => Role::Estimate,
            "change" => Role::Change,
            _ => return None,
        })
    }
}

impl FactKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            FactKind::Count => "count",
            FactKind::Ordinal => "ordinal",
            FactKind::Year => "year",
            FactKind::Age => "age",
            FactKind::BodySize => "body-size",
        }
    }
}

/// A figure and what it is about. Serialized (for the fact sheet) without its places in the
/// analysis, and with its kind, qualifier and role by name.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Fact {
    /// Index into `Analysis::quantities()`.
    #[serde(skip)]
    pub(crate) quantity: usize,
    #[serde(serialize_with = "by_name")]
    pub(crate) kind: FactKind,
    pub(crate) value: f64,
    #[serde(serialize_with = "by_name")]
    pub(crate) approx: Approx,
    #[serde(skip)]
    pub(crate) span: Range<usize>,
    #[serde(skip)]
    pub(crate) sentence: usize,
    /// Lemma of the noun counted ("passengers" → passenger); for a body size, the body.
    pub(crate) noun: Option<String>,
    /// The noun's synonym group (the lemma itself when it has none).
    pub(crate) group: Option<String>,
    /// For "fourth day of the stoppage", "third round of layoffs": the lemma after "of".
    pub(crate) of: Option<String>,
    /// The name the sentence gives the figure to (the nearest name before it, else after).
    pub(crate) subject: Option<String>,
    /// A year written in the same sentence.
    pub(crate) year: Option<i64>,
    /// What the figure is counted from: the lower-case words after "since" ("since march" →
    /// "march"; "since the talks began" → "the talks began").
    pub(crate) since: Option<String>,
    #[serde(serialize_with = "by_name")]
    pub(crate) role: Role,
    pub(crate) quoted: bool,
}

/// What a fact's kind, qualifier or role is called in the fact sheet.
pub(crate) trait Named: Copy {
    fn name(self) -> &'static str;
}

impl Named for FactKind {
    fn name(self) -> &'static str {
        FactKind::name(self)
    }
}

impl Named for Role {
    fn name(self) -> &'static str {
        Role::name(self)
    }
}

impl Named for Approx {
    fn name(self) -> &'static str {
        match self {
            Approx::Exact => "exact",
            Approx::About => "about",
            Approx::AtLeast => "at-least",
            Approx::AtMost => "at-most",
            Approx::Vague => "vague",
        }
    }
}

fn by_name<T: Named, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(value.name())
}

/// A vote tally: "voted 6-4", "adopted the plan 5-3", "140 to 95, with eleven abstentions".
#[derive(Debug, Clone)]
pub(crate) struct Tally {
    pub(crate) for_: u32,
    pub(crate) against: u32,
    /// Abstentions (or absences) counted in the same sentence.
    pub(crate) abstentions: u32,
    pub(crate) span: Range<usize>,
    pub(crate) sentence: usize,
}

impl Tally {
    pub(crate) fn total(&self) -> u32 {
        self.for_ + self.against + self.abstentions
    }
}

#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub(crate) facts: Vec<Fact>,
    pub(crate) tallies: Vec<Tally>,
}

impl Facts {
    pub(crate) fn in_sentence(&self, sentence: usize) -> impl Iterator<Item = &Fact> {
        let start = self.facts.partition_point(|f| f.sentence < sentence);
        self.facts[start..]
            .iter()
            .take_while(move |f| f.sentence == sentence)
    }
}

/// Builds the model of a document (see [`Analysis::facts`]).
pub(crate) fn extract(a: &Analysis) -> Facts {
    let v = &*VOCAB;
    let qs = a.quantities();
    let mut facts = Vec::with_capacity(qs.len());
    // Words capitalised inside sentences: a sentence's first word is a name only if it is one.
    // (A determiner that opens a name, "The PCG", does not make "The" a name.)
    let named: FastSet<&str> = a
        .mentions
        .iter()
        .filter(|m| !m.sentence_initial || m.tokens.len() > 1)
        .flat_map(|m| m.tokens.clone())
        .filter(|&i| a.tokens[i].capitalised)
        .map(|i| a.lower(i))
        .filter(|w| !is_determiner(w))
        .collect();
    for (index, q) in qs.iter().enumerate() {
        let kind = match q.kind {
            QuantityKind::Cardinal => {
                if body_size(a, q).is_some() {
                    FactKind::BodySize
                } else {
                    FactKind::Count
                }
            }
            QuantityKind::Ordinal => FactKind::Ordinal,
            QuantityKind::Year => FactKind::Year,
            QuantityKind::Age => FactKind::Age,
            _ => continue,
        };
        let noun = match kind {
            FactKind::BodySize => body_size(a, q),
            FactKind::Ordinal => compound(a, q).or_else(|| known_head(a, q)).or_else(|| {
                q.noun
                    .as_ref()
                    .or(q.of_noun.as_ref())
                    .map(|n| n.lemma.clone())
            }),
            _ => compound(a, q).or_else(|| {
                q.noun
                    .as_ref()
                    .or(q.of_noun.as_ref())
                    .map(|n| n.lemma.clone())
            }),
        };
        let group = noun.as_deref().map(|n| v.group(n).to_string());
        let after_noun = q
            .noun
            .as_ref()
            .map_or(q.tokens.end, |n| n.token + 1)
            .max(q.tokens.end);
        let of = (kind == FactKind::Ordinal)
            .then(|| of_noun(a, after_noun, q.sentence))
            .flatten();
        facts.push(Fact {
            quantity: index,
            kind,
            value: q.value,
            approx: q.approx,
            span: q.span.clone(),
            sentence: q.sentence,
            noun,
            group,
            of,
            subject: subject(a, q, &named),
            year: year_in_sentence(a, q),
            since: since_after(a, after_noun, q.sentence),
            role: role(a, q, kind),
            quoted: q.quoted,
        });
    }
    let mut tallies = tallies(a);
    tallies.extend(tallies_in_words(a, &tallies));
    Facts { facts, tallies }
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "both"
            | "all"
            | "each"
    )
}

/// A two-word counted noun the vocabulary knows ("37 crew members" → "crew member", counted
/// as crew, not as members of a body).
fn compound(a: &Analysis, q: &Quantity) -> Option<String> {
    let n = q.noun.as_ref()?;
    if n.token == 0 || n.token <= q.tokens.end || !a.tokens[n.token - 1].is_word() {
        return None;
    }
    let c = format!(
        "{} {}",
        super::lexical::lemma(a.lower(n.token - 1)),
        n.lemma
    );
    VOCAB.group_of.contains_key(&c).then_some(c)
}

/// For an ordinal whose phrase runs on past its noun ("its second general election gives"):
/// the last word of the phrase the vocabulary counts, when its own noun is not one. When it
/// is one, a counted word before it is the head the phrase ran past ("The company's fourth
/// price hike drew protests": hike, not protests).
fn known_head(a: &Analysis, q: &Quantity) -> Option<String> {
    let n = q.noun.as_ref()?;
    let counted = |t: usize| {
        a.tokens[t].is_word()
            && VOCAB
                .group_of
                .contains_key(super::lexical::lemma(a.lower(t)).as_str())
    };
    let words = q.tokens.end..q.phrase.end.min(n.token + 1);
    if VOCAB.group_of.contains_key(&n.lemma) {
        return words
            .filter(|&t| t < n.token)
            .find(|&t| counted(t))
            .map(|t| super::lexical::lemma(a.lower(t)));
    }
    words
        .rev()
        .filter(|&t| counted(t))
        .map(|t| super::lexical::lemma(a.lower(t)))
        .next()
}

/// The body a figure gives the size of: "nine-member panel", "the 230-seat assembly", "a
/// 16-member committee"; or "the committee, which has 27 full members", "a panel of nine
/// judges", "the council, with 16 members".
fn body_size(a: &Analysis, q: &Quantity) -> Option<String> {
    let v = &*VOCAB;
    let unit = q.noun.as_ref()?;
    if !v.body_units.contains(&unit.lemma) {
        return None;
    }
    // The unit is glued to the figure by a hyphen: a compound, not "nine members".
    if a.tokens[unit.token].glued {
        let head = q.head.as_ref()?;
        // A body's own name counts too: "the 101-seat Riigikogu".
        let named = a.tokens[head.token].capitalised;
        return (v.bodies.contains(&head.lemma) || named).then(|| head.lemma.clone());
    }
    let s = &a.sentences[q.sentence];
    let mut i = q.tokens.start;
    if q.qualifier.is_some() || i <= s.tokens.start {
        return None;
    }
    // "42 of the 150 seats in parliament", "won the parliamentary election with 42 of the 150
    // seats": all the seats of the body after them, or of the one the sentence names.
    if i >= s.tokens.start + 2
        && a.lower(i - 1) == "the"
        && a.lower(i - 2) == "of"
        && unit.lemma == "seat"
        && unit.token == q.tokens.end
    {
        let mut k = unit.token + 1;
        if k + 1 < s.tokens.end && matches!(a.lower(k), "in" | "of") {
            k += 1 + usize::from(a.lower(k + 1) == "the");
            if k < s.tokens.end && v.bodies.contains(a.lower(k)) {
                return Some(a.lower(k).to_string());
            }
        }
        return s.tokens.clone().find_map(|k| match a.lower(k) {
            "parliament" | "parliamentary" => Some("parliament".to_string()),
            "legislative" | "legislature" => Some("legislature".to_string()),
            "congress" | "congressional" => Some("congress".to_string()),
            w if v.bodies.contains(w) => Some(w.to_string()),
            _ => None,
        });
    }
    // All the members ("16 members", "27 full members"), not some ("four opposition members").
    if !(q.tokens.end..unit.token).all(|k| matches!(a.lower(k), "full" | "voting" | "sitting")) {
        return None;
    }
    i -= 1;
    if !matches!(
        a.lower(i),
        "has" | "have" | "had" | "with" | "of" | "comprising" | "whose"
    ) {
        return None;
    }
    // The body right before: "committee of", "committee, which has", "council, with",
    // "plenary, which is composed of", "the national council of the union, whose 120
    // members".
    let from = i.saturating_sub(5).max(s.tokens.start);
    (from..i)
        .rev()
        .take_while(|&k| a.tokens[k].is_word() || a.word(k) == ",")
        .find(|&k| v.bodies.contains(a.lower(k)))
        .map(|k| a.lower(k).to_string())
}

/// The lemma of the noun after "of (the|its)" at token `i`.
fn of_noun(a: &Analysis, i: usize, sentence: usize) -> Option<String> {
    let end = a.sentences[sentence].tokens.end;
    if i >= end || a.lower(i) != "of" {
        return None;
    }
    let mut j = i + 1;
    while j < end && matches!(a.lower(j), "the" | "its" | "their" | "this" | "a" | "an") {
        j += 1;
    }
    // "of a six-day walkout": a noun of a synonym group within the next few words, else the
    // first word.
    let known = (j..(j + 5).min(end))
        .take_while(|&k| a.tokens[k].kind != TokenKind::Punct || a.tokens[k].glued)
        .find(|&k| {
            a.tokens[k].is_word()
                && VOCAB
                    .group_of
                    .contains_key(super::lexical::lemma_of_lower(a.lower(k)).as_ref())
        });
    if let Some(k) = known {
        return Some(super::lexical::lemma(a.lower(k)));
    }
    (j < end && a.tokens[j].is_word()).then(|| super::lexical::lemma(a.lower(j)))
}

/// The words after "since" within three tokens of `i` (to the clause end, at most four).
fn since_after(a: &Analysis, i: usize, sentence: usize) -> Option<String> {
    let end = a.sentences[sentence].tokens.end;
    let at = (i..(i + 4).min(end)).find(|&j| a.lower(j) == "since")?;
    let words: Vec<&str> = (at + 1..end)
        .take_while(|&j| a.tokens[j].kind != TokenKind::Punct)
        .take(4)
        .map(|j| a.lower(j))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The nearest capitalised name before the figure in its sentence (else the first after it),
/// not counting the sentence's first word unless it runs on into a name.
fn subject(a: &Analysis, q: &Quantity, named: &FastSet<&str>) -> Option<String> {
    let s = &a.sentences[q.sentence];
    let in_sentence = |m: &&super::Mention| {
        m.tokens.start >= s.tokens.start
            && m.tokens.end <= s.tokens.end
            && !(m.sentence_initial
                && m.tokens.len() == 1
                && !named.contains(a.lower(m.tokens.start)))
            && !(m.tokens.len() == 1
                && (super::numbers::is_weekday(a.lower(m.tokens.start))
                    || super::numbers::is_month(a.lower(m.tokens.start))))
    };
    let start = a
        .mentions
        .partition_point(|m| m.tokens.start < s.tokens.start);
    let mentions: Vec<&super::Mention> = a.mentions[start..]
        .iter()
        .take_while(|m| m.tokens.start < s.tokens.end)
        .filter(in_sentence)
        .collect();
    let before = mentions
        .iter()
        .rev()
        .find(|m| m.tokens.end <= q.tokens.start);
    // A name inside an apposition that closed before the figure is not its subject; the name
    // the apposition describes is ("Khan, 72, who led Pakistan to the 1992 World Cup, has spent
    // two years …" is about Khan).
    let before = match (before, closed_apposition(a, q)) {
        (Some(m), Some(apposition)) if apposition.contains(&m.tokens.start) => mentions
            .iter()
            .rev()
            .find(|h| h.tokens.end == apposition.start - 1)
            .or(Some(m)),
        (m, _) => m,
    };
    let chosen = before.or_else(|| mentions.iter().find(|m| m.tokens.start >= q.tokens.end))?;
    Some(a.slice(chosen.span.clone()).to_string())
}

/// Auxiliaries and verbs of saying that start a clause's predicate after an apposition ("Khan,
/// 72, …, has spent").
const PREDICATE_STARTS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "said",
    "says", "told", "remains", "remained",
];

/// The tokens of an apposition set off by commas after a name and closed before figure `q`'s
/// predicate: in "Khan, 72, the former cricket star who led Pakistan to the 1992 World Cup, has
/// spent more than two years behind bars", the tokens from "72" to "Cup". The comma that opens
/// it follows a name at once, and the one that closes it is followed by the predicate.
pub(crate) fn closed_apposition(a: &Analysis, q: &Quantity) -> Option<Range<usize>> {
    let s = &a.sentences[q.sentence];
    let close = (s.tokens.start..q.tokens.start).rev().find(|&i| {
        a.word(i) == "," && i + 1 < q.tokens.start && PREDICATE_STARTS.contains(&a.lower(i + 1))
    })?;
    let open = (s.tokens.start + 1..close)
        .find(|&i| a.word(i) == "," && a.tokens[i - 1].capitalised && a.tokens[i - 1].is_word())?;
    (open + 1 < close).then_some(open + 1..close)
}

/// The first year of the figure's sentence, not counting one inside an apposition that closed
/// before it.
fn year_in_sentence(a: &Analysis, q: &Quantity) -> Option<i64> {
    if q.kind == QuantityKind::Year {
        return None;
    }
    let apposition = closed_apposition(a, q).unwrap_or(0..0);
    a.quantities_in(q.sentence)
        .iter()
        .find(|y| y.kind == QuantityKind::Year && !apposition.contains(&y.tokens.start))
        .map(|y| y.value as i64)
}

/// The role of a figure: its shape first (ordinals rank, "the remaining 18" is a part), then
/// the nearest cue word of `roles` in a window around it.
fn role(a: &Analysis, q: &Quantity, kind: FactKind) -> Role {
    if kind == FactKind::Ordinal {
        return Role::Rank;
    }
    if kind != FactKind::Count {
        return Role::Stated;
    }
    if let Some((word, _)) = &q.premodifier
        && matches!(*word, "remaining" | "other" | "rest")
    {
        return Role::Part;
    }
    let s = &a.sentences[q.sentence];
    let from = q.tokens.start.saturating_sub(5).max(s.tokens.start);
    let to = (q.phrase.end.max(q.tokens.end) + 3).min(s.tokens.end);
    let mut best: Option<(usize, Role)> = None;
    for i in from..to {
        if q.tokens.contains(&i) {
            continue;
        }
        let Some(cues) = VOCAB.cue_by_first.get(a.lower(i)) else {
            continue;
        };
        for (r, cue) in cues {
            let Some(role) = Role::parse(&VOCAB.roles[*r].0) else {
                continue;
            };
            // A change or a part is told before its figure ("rose 5%", "up from 40",
            // "including three children"): "savers who lost money" are no change, and "44
            // people, including the driver" are the whole.
            if matches!(role, Role::Change | Role::Part) && i > q.tokens.start {
                continue;
            }
            // A change is told in the figure's own clause: "11 persons lost their life and 146
            // persons were injured" says nothing changed about the 146.
            if role == Role::Change
                && (i..q.tokens.start).any(|k| matches!(a.lower(k), "and" | "," | ";" | "but"))
            {
                continue;
            }
            if cue
                .iter()
                .enumerate()
                .all(|(k, w)| i + k < to && a.lower(i + k) == w)
            {
                let distance = if i < q.tokens.start {
                    q.tokens.start - i
                } else {
                    i - q.tokens.end + 1
                };
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, role));
                }
            }
        }
    }
    // "from 40 to 52": the earlier figure of a change ("took £38m from 1,240 investors" is
    // not one).
    let from_to = q.tokens.start > s.tokens.start
        && a.lower(q.tokens.start - 1) == "from"
        && (q.tokens.end..(q.tokens.end + 4).min(s.tokens.end)).any(|i| {
            matches!(a.lower(i), "to" | "-" | "–")
                && i + 1 < s.tokens.end
                && a.tokens[i + 1].kind == TokenKind::Number
        });
    if from_to {
        return Role::Change;
    }
    match best {
        Some((_, r)) => r,
        None if q.approx == Approx::About => Role::Estimate,
        None => Role::Stated,
    }
}

/// Vote tallies: two small figures joined by a hyphen, a dash or "to", in a sentence with a
/// tally cue ("voted", "adopted", "votes").
fn tallies(a: &Analysis) -> Vec<Tally> {
    let v = &*VOCAB;
    let mut out = Vec::new();
    for (si, s) in a.sentences.iter().enumerate() {
        let range = s.tokens.clone();
        // Two figures joined by a dash or "to" first (rare), then a cue word. "55 votes to 48"
        // has the noun between them.
        let votes_to = |i: usize| {
            i + 3 < range.end
                && matches!(a.lower(i + 1), "votes" | "vote")
                && a.lower(i + 2) == "to"
                && a.tokens[i + 3].kind == TokenKind::Number
        };
        let joined = |i: usize| {
            i + 2 < range.end
                && a.tokens[i].kind == TokenKind::Number
                && (a.tokens[i + 2].kind == TokenKind::Number || votes_to(i))
        };
        if !range.clone().any(joined) {
            continue;
        }
        let has_cue = range.clone().any(|i| v.tally_cues.contains(a.lower(i)));
        if !has_cue || a.is_heading_sentence(si) {
            continue;
        }
        for i in range.clone() {
            if i + 2 >= range.end {
                break;
            }
            let with_noun = a.tokens[i].kind == TokenKind::Number && votes_to(i);
            let (x, sep, y) = if with_noun {
                (i, i + 2, i + 3)
            } else {
                (i, i + 1, i + 2)
            };
            if a.tokens[x].kind != TokenKind::Number || a.tokens[y].kind != TokenKind::Number {
                continue;
            }
            let dash =
                matches!(a.word(sep), "-" | "–" | "—") && a.tokens[sep].glued && a.tokens[y].glued;
            if !(dash || a.lower(sep) == "to") {
                continue;
            }
            // Not inside a longer run ("1-2-3"), a score line or a date ("2021-22").
            if x > range.start && matches!(a.word(x - 1), "-" | "–" | "/" | ":" | ".") {
                continue;
            }
            if y + 1 < range.end
                && matches!(a.word(y + 1), "-" | "–" | "/" | ":" | "%")
                && a.tokens[y + 1].glued
            {
                continue;
            }
            let (Ok(f), Ok(g)) = (a.word(x).parse::<u32>(), a.word(y).parse::<u32>()) else {
                continue;
            };
            if f > 999 || g > 999 || f + g == 0 {
                continue;
            }
            // "from 3 to 5 percent" is a range, not a tally; "a vote of 15 to 13" is one.
            let vote_of = x >= range.start + 2
                && a.lower(x - 1) == "of"
                && matches!(a.lower(x - 2), "vote" | "votes" | "margin" | "tally");
            if a.lower(sep) == "to"
                && x > range.start
                && matches!(a.lower(x - 1), "from" | "between" | "of" | "by")
                && !vote_of
                && !with_noun
            {
                continue;
            }
            let abstentions = a
                .quantities_in(si)
                .iter()
                .filter(|q| q.kind == QuantityKind::Cardinal && q.tokens.start > y)
                .filter(|q| {
                    q.noun_lemma().is_some_and(|n| v.abstain.contains(n))
                        || (q.tokens.end < range.end && v.abstain.contains(a.lower(q.tokens.end)))
                })
                .map(|q| q.value as u32)
                .sum();
            out.push(Tally {
                for_: f,
                against: g,
                abstentions,
                span: a.tokens[x].span.start..a.tokens[y].span.end,
                sentence: si,
            });
        }
    }
    out
}

/// Tallies written out: "81 votes in favour, 66 against and six abstentions", "52 in favour
/// and 20 against".
fn tallies_in_words(a: &Analysis, found: &[Tally]) -> Vec<Tally> {
    let v = &*VOCAB;
    let mut out = Vec::new();
    for (si, s) in a.sentences.iter().enumerate() {
        if found.iter().any(|t| t.sentence == si) || a.is_heading_sentence(si) {
            continue;
        }
        let qs = a.quantities_in(si);
        let followed_by = |q: &Quantity, words: &[&str]| {
            let mut i = q.noun.as_ref().map_or(q.tokens.end, |n| n.token + 1);
            if i < s.tokens.end && a.lower(i) == "in" {
                i += 1;
            }
            i < s.tokens.end && words.contains(&a.lower(i))
        };
        let exact = |q: &&Quantity| {
            q.kind == QuantityKind::Cardinal
                && q.approx == Approx::Exact
                && q.value.fract() == 0.0
                && q.value < 1000.0
                && q.noun_lemma().is_none_or(|n| n == "vote")
        };
        let Some(yes) = qs
            .iter()
            .filter(exact)
            .find(|q| followed_by(q, &["favour", "favor", "support"]))
        else {
            continue;
        };
        let Some(no) = qs
            .iter()
            .filter(exact)
            .find(|q| q.tokens.start > yes.tokens.end && followed_by(q, &["against"]))
        else {
            continue;
        };
        let abstentions = qs
            .iter()
            .filter(|q| q.kind == QuantityKind::Cardinal && q.tokens.start > no.tokens.end)
            .filter(|q| {
                q.noun_lemma().is_some_and(|n| v.abstain.contains(n))
                    || (q.tokens.end < s.tokens.end && v.abstain.contains(a.lower(q.tokens.end)))
            })
            .map(|q| q.value as u32)
            .sum();
        out.push(Tally {
            for_: yes.value as u32,
            against: no.value as u32,
            abstentions,
            span: yes.span.start..no.span.end,
            sentence: si,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn doc(text: &str) -> Document {
        Document::parse("t.md", text.to_string(), crate::document::Format::Markdown)
    }

    type Row = (String, FactKind, f64, Option<String>, Role);

    fn facts_of(text: &str) -> (Document, Vec<Row>) {
        let doc = Document::parse("t.md", text.to_string(), crate::document::Format::Markdown);
        let out = {
            let a = Analysis::new(&doc);
            a.facts()
                .facts
                .iter()
                .map(|f| {
                    (
                        a.slice(f.span.clone()).to_string(),
                        f.kind,
                        f.value,
                        f.group.clone(),
                        f.role,
                    )
                })
                .collect()
        };
        (doc, out)
    }

    #[test]
    fn figures_bind_to_their_nouns_and_groups() {
        let (_, f) = facts_of("Police said 212 demonstrators were held. Some 300 people marched.");
        assert_eq!(f[0].0, "212");
        assert_eq!(f[0].3.as_deref(), Some("person"));
        assert_eq!(f[1].3.as_deref(), Some("person"));
        assert_eq!(f[1].4, Role::Estimate);
    }

    #[test]
    fn roles_come_from_cues_and_shape() {
        let (_, f) = facts_of(
            "Analysts had forecast growth of 2.1 percent. The economy grew 2.6 percent. \
             The remaining 18 seats went to smaller parties. It was the third strike.",
        );
        let role = |t: &str| f.iter().find(|x| x.0 == t).map(|x| x.4);
        assert_eq!(role("2.1"), Some(Role::Forecast));
        assert_eq!(role("2.6"), Some(Role::Change));
        assert_eq!(role("18"), Some(Role::Part));
        assert_eq!(role("third"), Some(Role::Rank));
        // A change is told before its figure, and "from" is one only with a "to".
        let (_, f) = facts_of(
            "He took £38 million from 1,240 investors. The 1,420 savers lost money. \
             Output went from 40 to 52 tonnes.",
        );
        let role = |t: &str| f.iter().find(|x| x.0 == t).map(|x| x.4);
        assert_eq!(role("1,240"), Some(Role::Stated));
        assert_eq!(role("1,420"), Some(Role::Stated));
        assert_eq!(role("40"), Some(Role::Change));
        let (_, f) = facts_of("Two people lost their homes and 146 people were injured.");
        let role = |t: &str| f.iter().find(|x| x.0 == t).map(|x| x.4);
        assert_eq!(role("146"), Some(Role::Stated));
        let (_, f) = facts_of("The bus carried 44 people, including three children.");
        let role = |t: &str| f.iter().find(|x| x.0 == t).map(|x| x.4);
        assert_eq!(role("44"), Some(Role::Stated));
        assert_eq!(role("three"), Some(Role::Part));
    }

    #[test]
    fn compounds_and_sentence_initial_words() {
        let (_, f) = facts_of("The ferry had 208 passengers and 37 crew members on board.");
        let crew = f.iter().find(|x| x.0 == "37").unwrap();
        assert_eq!(crew.3.as_deref(), Some("crew"));
        let doc = doc("The PCG said 226 people were rescued. The 262 survivors were fed.");
        let a = Analysis::new(&doc);
        let m = a.facts();
        let later = m.facts.iter().find(|f| f.value == 262.0).unwrap();
        assert_eq!(later.subject, None);
    }

    #[test]
    fn an_apposition_neither_names_nor_dates_the_figure() {
        let doc = doc(
            "Police said Khan was held. Khan, 72, the former cricket star who led Pakistan to \
             the 1992 World Cup, has spent two years behind bars. Ruiz, who beat Pakistan in \
             1992 and retired, won 40 caps.",
        );
        let a = Analysis::new(&doc);
        let m = a.facts();
        let two = m.facts.iter().find(|f| f.value == 2.0).unwrap();
        assert_eq!((two.subject.as_deref(), two.year), (Some("Khan"), None));
        // Without a predicate right after the closing comma, the nearest name stands.
        let forty = m.facts.iter().find(|f| f.value == 40.0).unwrap();
        assert_eq!(forty.subject.as_deref(), Some("Pakistan"));
    }

    #[test]
    fn body_sizes_and_tallies() {
        let doc = doc(
            "The seven-member board voted 4-3 to sell the land. The match ended 2-1. Prices rose \
             by 3 to 5 percent, the board said.",
        );
        let a = Analysis::new(&doc);
        let m = a.facts();
        let size = m
            .facts
            .iter()
            .find(|f| f.kind == FactKind::BodySize)
            .unwrap();
        assert_eq!((size.value, size.noun.as_deref()), (7.0, Some("board")));
        assert_eq!(m.tallies.len(), 1);
        assert_eq!((m.tallies[0].for_, m.tallies[0].against), (4, 3));
    }

    #[test]
    fn an_ordinal_counts_the_first_counted_word_of_its_phrase() {
        let (_, f) = facts_of("The company's fourth price hike drew protests in Ikeja.");
        let fourth = f.iter().find(|x| x.0 == "fourth").unwrap();
        assert_eq!(fourth.3.as_deref(), Some("increase"));
    }

    #[test]
    fn all_the_seats_of_a_body_are_its_size() {
        let doc = doc(
            "The party won 42 of the 150 seats in parliament. Another won the parliamentary \
             election with 70 of the 101 seats. It won 12 of the 40 seats it contested.",
        );
        assert_eq!(
            body_sizes(&doc),
            [
                (150.0, Some("parliament".into())),
                (101.0, Some("parliament".into()))
            ]
        );
    }

    /// (size, body) of every body size of `doc`.
    fn body_sizes(doc: &Document) -> Vec<(f64, Option<String>)> {
        Analysis::new(doc)
            .facts()
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::BodySize)
            .map(|f| (f.value, f.noun.clone()))
            .collect()
    }

    #[test]
    fn a_vote_of_x_to_y_is_a_tally() {
        let doc = doc(
            "The board, which has 11 members, backed the plan by a vote of 6 to 5. Rents rose \
             by an average of 3 to 4 percent after the council voted.",
        );
        let a = Analysis::new(&doc);
        let t: Vec<(u32, u32)> = a
            .facts()
            .tallies
            .iter()
            .map(|t| (t.for_, t.against))
            .collect();
        assert_eq!(t, [(6, 5)]);
    }

    #[test]
    fn body_sizes_and_tallies_in_words() {
        let doc = doc(
            "The committee, which has 16 members, voted 12-5. The 150-seat council passed it with \
             81 votes in favour, 66 against and six abstentions. The firm has 16 members of staff. \
             The board has four independent members. The plenary, which is composed of 33 \
             councillors, met.",
        );
        let a = Analysis::new(&doc);
        let m = a.facts();
        assert_eq!(
            body_sizes(&doc),
            [
                (16.0, Some("committee".into())),
                (150.0, Some("council".into())),
                (33.0, Some("plenary".into()))
            ]
        );
        let t: Vec<(u32, u32, u32)> = m
            .tallies
            .iter()
            .map(|t| (t.for_, t.against, t.abstentions))
            .collect();
        assert_eq!(t, [(12, 5, 0), (81, 66, 6)]);
    }

    #[test]
    fn ordinals_keep_what_they_are_counted_from() {
        let doc = doc(
            "It was the second rockfall since April on the pass, the fourth day of the blockade.",
        );
        let a = Analysis::new(&doc);
        let m = a.facts();
        let second = &m.facts[0];
        assert_eq!(second.since.as_deref(), Some("april on the pass"));
        let fourth = m.facts.iter().find(|f| f.value == 4.0).unwrap();
        assert_eq!(fourth.of.as_deref(), Some("blockade"));
    }
}
