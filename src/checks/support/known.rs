//! Known names: the people, places and organisations an `entities` rule lists, indexed once
//! when the rule set loads, and matched against an article's capitalised mentions.
//!
//! Every loaded `entities` list is also shared with the other name checks through
//! [`Knowledge`] (in the check `Context`), so that no check reports a name some rule set lists,
//! and a near miss of a listed name is reported once, by the `entities` rule, with the list's
//! authority, rather than again by the weaker in-article or gazetteer checks.

use crate::analysis::Analysis;
use crate::analysis::names::cues::{self, all_caps, is_title};
use crate::fast_hash::{FastMap, FastSet};
use crate::fuzzy::{self, NearIndex, budget, distance, inflected, letters};
use crate::gazetteer;
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Place,
    #[serde(alias = "organisation", alias = "organization")]
    Org,
}

impl EntityType {
    pub fn noun(self) -> &'static str {
        match self {
            EntityType::Person => "a person",
            EntityType::Place => "a place",
            EntityType::Org => "an organisation",
        }
    }
}

/// One entry of an `entities` list, as written in the rule set.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What `factlint names learn` counted: the articles that used the name, and the first
    /// and last of their dates (YYYY-MM-DD). Kept for the desk and for `--merge`; not used
    /// in matching.
    #[serde(default)]
    pub articles: Option<u32>,
    #[serde(default)]
    pub first: Option<String>,
    #[serde(default)]
    pub last: Option<String>,
}

/// A name or an alias of an entity, split into words the way the tokenizer splits text.
struct Form {
    entity: usize,
    text: String,
    /// Folded words.
    words: Vec<String>,
    /// Words as written, lower-cased (to tell a diacritics-only difference).
    raw: Vec<String>,
}

/// How a stretch of an article matched a known name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Spelled exactly as listed.
    Exact,
    /// Equal once diacritics are removed, but written with other (or without) diacritics.
    Diacritics,
    /// A near miss: `edits` letters away.
    Near { edits: u32 },
}

#[derive(Debug, Clone)]
pub struct EntityMatch {
    /// Byte span of the matched words (without a possessive ending).
    pub span: Range<usize>,
    /// The listed form it matched (the name or an alias), or just its surname.
    pub expected: String,
    /// The entity's canonical name.
    pub entity: String,
    pub kind: EntityType,
    pub how: How,
    /// More than one listed entity matched equally well.
    pub ambiguous: bool,
}

/// The names of one `entities` rule, with the indexes that make matching cheap.
pub struct EntityList {
    /// The rule set the list came from (named in messages).
    pub set: String,
    entities: Vec<Entity>,
    forms: Vec<Form>,
    /// Folded whole form ("evo morales") → forms.
    phrases: FastMap<String, Vec<usize>>,
    /// Folded word → (form, position in the form).
    words: FastMap<String, Vec<(usize, usize)>>,
    /// Words of several-word forms, for a name with every part a near miss.
    parts: NearIndex,
    part_forms: FastMap<u32, Vec<(usize, usize)>>,
    /// Targets for a one-word mention: persons' surnames and one-word forms.
    singles: NearIndex,
    single_forms: FastMap<u32, Vec<(usize, usize)>>,
    person_words: FastSet<String>,
    max_words: usize,
}

/// A candidate stretch of a mention's words: (start, length, form, how, ambiguous).
type Window = (usize, usize, usize, How, bool);

/// Mention word `i` as written, lower-cased, without a possessive ending.
fn word_as_written(a: &Analysis, words: &[(usize, String)], i: usize) -> String {
    cues::strip_possessive(a.word(words[i].0)).to_lowercase()
}

/// Splits a listed name into words as the tokenizer would: letters and inner apostrophes.
fn split_words(name: &str) -> Vec<&str> {
    name.split(|c: char| {
        !(c.is_alphabetic() || c == '\'' || c == '’' || matches!(c, '\u{300}'..='\u{36f}'))
    })
    .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
    .filter(|w| !w.is_empty())
    .collect()
}

impl EntityList {
    pub fn new(set: &str, entities: Vec<Entity>) -> Result<EntityList, String> {
        let mut list = EntityList {
            set: set.to_string(),
            entities: Vec::new(),
            forms: Vec::new(),
            phrases: FastMap::default(),
            words: FastMap::default(),
            parts: NearIndex::new(1),
            part_forms: FastMap::default(),
            singles: NearIndex::new(2),
            single_forms: FastMap::default(),
            person_words: FastSet::default(),
            max_words: 0,
        };
        for (e, entity) in entities.iter().enumerate() {
            if split_words(&entity.name).is_empty() {
                return Err(format!(
                    "entity {} has no name (`name` must contain letters)",
                    e + 1
                ));
            }
            for text in std::iter::once(&entity.name).chain(&entity.aliases) {
                let raw_words = split_words(text);
                if raw_words.is_empty() {
                    continue;
                }
                let f = list.forms.len();
                let words: Vec<String> = raw_words.iter().map(|w| fuzzy::fold(w)).collect();
                list.phrases.entry(words.join(" ")).or_default().push(f);
                for (p, w) in words.iter().enumerate() {
                    list.words.entry(w.clone()).or_default().push((f, p));
                    if words.len() > 1 {
                        let id = list.parts.insert(w);
                        list.part_forms.entry(id).or_default().push((f, p));
                    }
                    if entity.kind == EntityType::Person {
                        list.person_words.insert(w.clone());
                    }
                }
                // One-word mentions are compared with surnames and one-word names. Acronyms
                // ("OAS") are matched exactly only: one letter off is another acronym.
                let last = words.len() - 1;
                let is_acronym = raw_words.len() == 1 && all_caps(raw_words[0]);
                // A learned person's surname alone is matched exactly only: the archive saw
                // the full name, and an ordinary word is often a letter from a surname
                // ("Peace" and Pence).
                let lone_surname = entity.kind == EntityType::Person && entity.articles.is_none();
                if (words.len() == 1 || lone_surname) && !is_acronym {
                    let id = list.singles.insert(&words[last]);
                    list.single_forms.entry(id).or_default().push((f, last));
                }
                list.max_words = list.max_words.max(words.len());
                list.forms.push(Form {
                    entity: e,
                    text: text.clone(),
                    words,
                    raw: raw_words.iter().map(|w| w.to_lowercase()).collect(),
                });
            }
        }
        list.entities = entities;
        Ok(list)
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Is the folded word part of a listed name?
    pub fn knows_word(&self, folded: &str) -> bool {
        self.words.contains_key(folded)
    }

    /// Is the folded phrase a listed name or alias?
    pub fn knows_phrase(&self, folded: &str) -> bool {
        self.phrases.contains_key(folded)
    }

    pub fn is_person_word(&self, folded: &str) -> bool {
        self.person_words.contains(folded)
    }

    fn matched(&self, a: &Analysis, tokens: &[usize], form: usize, how: How) -> EntityMatch {
        let f = &self.forms[form];
        let entity = &self.entities[f.entity];
        EntityMatch {
            span: word_span(a, tokens[0], *tokens.last().unwrap_or(&tokens[0])),
            expected: f.text.clone(),
            entity: entity.name.clone(),
            kind: entity.kind,
            how,
            ambiguous: false,
        }
    }

    /// Every mention of a listed name in the article, exact or near.
    pub fn scan(&self, a: &Analysis, knowledge: &Knowledge) -> Vec<EntityMatch> {
        let mut out = Vec::new();
        if self.forms.is_empty() {
            return out;
        }
        for m in &a.mentions {
            let words = cues::mention_words(a, m);
            if words.is_empty() {
                continue;
            }
            self.scan_mention(a, &words, m.sentence_initial, knowledge, &mut out);
        }
        out
    }

    /// The listed names in one mention's words, exact or near, longest first; then a lone
    /// surname with other diacritics, or near a listed one.
    fn scan_mention(
        &self,
        a: &Analysis,
        words: &[(usize, String)],
        sentence_initial: bool,
        knowledge: &Knowledge,
        out: &mut Vec<EntityMatch>,
    ) {
        let tokens: Vec<usize> = words.iter().map(|(i, _)| *i).collect();
        let mut windows = self.listed_windows(a, words);
        windows.extend(self.near_windows(a, words, knowledge));
        let mut taken = self.take_windows(a, &tokens, windows, out);
        self.surnames_with_diacritics(a, words, &tokens, &mut taken, out);
        let last = words.len() - 1;
        if !taken[last] {
            out.extend(self.near_surname(a, words, &tokens, sentence_initial, knowledge));
        }
    }

    /// Step 1: listed names as written, or with other diacritics (only from a word that starts
    /// a listed name).
    fn listed_windows(&self, a: &Analysis, words: &[(usize, String)]) -> Vec<Window> {
        let n = words.len();
        let mut windows = Vec::new();
        let mut key = String::new();
        for start in 0..n {
            let starts_a_name = self
                .words
                .get(&words[start].1)
                .is_some_and(|at| at.iter().any(|&(_, p)| p == 0));
            if !starts_a_name {
                continue;
            }
            key.clear();
            for k in 1..=self.max_words.min(n - start) {
                if k > 1 {
                    key.push(' ');
                }
                key.push_str(&words[start + k - 1].1);
                let Some(forms) = self.phrases.get(key.as_str()) else {
                    continue;
                };
                let written: Vec<String> = (start..start + k)
                    .map(|i| word_as_written(a, words, i))
                    .collect();
                let as_written = forms.iter().find(|&&f| self.forms[f].raw == written);
                windows.push(match as_written {
                    Some(&f) => (start, k, f, How::Exact, false),
                    None => (start, k, forms[0], How::Diacritics, false),
                });
            }
        }
        windows
    }

    /// Step 2: a several-word name with one part exact and the others near ("Ivor Morales"):
    /// the fewest edits for each stretch, ambiguous when two entities tie.
    fn near_windows(
        &self,
        a: &Analysis,
        words: &[(usize, String)],
        knowledge: &Knowledge,
    ) -> Vec<Window> {
        let n = words.len();
        let mut best: FastMap<(usize, usize), (u32, usize, bool)> = FastMap::default();
        for (i, (_, w)) in words.iter().enumerate() {
            let exact = self.words.get(w).map(Vec::as_slice).unwrap_or(&[]);
            let near: Vec<(usize, usize)> = if letters(w) >= 4 {
                self.parts
                    .near(w, 1)
                    .into_iter()
                    .flat_map(|(id, _)| self.part_forms[&id].iter().copied())
                    .collect()
            } else {
                Vec::new()
            };
            for &(f, p) in exact.iter().chain(&near) {
                let form = &self.forms[f];
                let k = form.words.len();
                if k < 2 || p > i || i - p + k > n {
                    continue;
                }
                let s = i - p;
                if let Some(edits) = self.window_edits(a, &words[s..s + k], form, knowledge) {
                    let entry = best.entry((s, k)).or_insert((edits, f, false));
                    if edits < entry.0 {
                        *entry = (edits, f, false);
                    } else if edits == entry.0 && self.forms[entry.1].entity != form.entity {
                        entry.2 = true;
                    }
                }
            }
        }
        best.into_iter()
            .map(|((s, k), (edits, f, amb))| (s, k, f, How::Near { edits }, amb))
            .collect()
    }

    /// Reports the windows that do not overlap a better one: longest first (a near miss of
    /// "Santa Cruz de la Sierra" beats an exact "Santa Cruz" inside it), then exact before
    /// near, then fewest edits, then leftmost. Returns which words are taken.
    fn take_windows(
        &self,
        a: &Analysis,
        tokens: &[usize],
        mut windows: Vec<Window>,
        out: &mut Vec<EntityMatch>,
    ) -> Vec<bool> {
        windows.sort_by_key(|&(s, k, f, how, _)| {
            let rank = match how {
                How::Exact => 0,
                How::Diacritics => 1,
                How::Near { edits } => 1 + edits,
            };
            (std::cmp::Reverse(k), rank, s, f)
        });
        let mut taken = vec![false; tokens.len()];
        for (s, k, f, how, ambiguous) in windows {
            if taken[s..s + k].iter().any(|&t| t) {
                continue;
            }
            let mut m = self.matched(a, &tokens[s..s + k], f, how);
            m.ambiguous = ambiguous;
            out.push(m);
            taken[s..s + k].fill(true);
        }
        taken
    }

    /// A listed surname alone with other diacritics ("Calderon" for Yuri Calderón), among the
    /// words not yet taken.
    fn surnames_with_diacritics(
        &self,
        a: &Analysis,
        words: &[(usize, String)],
        tokens: &[usize],
        taken: &mut [bool],
        out: &mut Vec<EntityMatch>,
    ) {
        for i in 0..words.len() {
            if taken[i] {
                continue;
            }
            let Some(id) = self.singles.exact(&words[i].1) else {
                continue;
            };
            let spellings = &self.single_forms[&id];
            let (f, p) = spellings[0];
            let unanimous = spellings
                .iter()
                .all(|&(g, q)| self.forms[g].raw[q] == self.forms[f].raw[p]);
            if unanimous
                && self.forms[f].raw[p] != word_as_written(a, words, i)
                && !all_caps(a.word(tokens[i]))
            {
                let mut m = self.matched(a, &tokens[i..=i], f, How::Diacritics);
                m.expected = original_word(&self.forms[f].text, p);
                out.push(m);
                taken[i] = true;
            }
        }
    }

    /// Step 3: the mention's last word, a surname alone, near a listed one ("Zabaleta" for
    /// Javier Zavaleta).
    fn near_surname(
        &self,
        a: &Analysis,
        words: &[(usize, String)],
        tokens: &[usize],
        sentence_initial: bool,
        knowledge: &Knowledge,
    ) -> Option<EntityMatch> {
        let i = words.len() - 1;
        let w = &words[i].1;
        if all_caps(a.word(tokens[i]))
            || knowledge.knows_word(w)
            || gazetteer::gazetteer().is_known(w)
            || (sentence_initial && i == 0 && gazetteer::is_common_word(w))
        {
            return None;
        }
        // Another given name before it makes it another person ("Pedro Zabaleta").
        if i > 0 {
            let prev = &words[i - 1].1;
            let plain = is_title(a.word(tokens[i - 1]))
                || gazetteer::is_common_word(prev)
                || (sentence_initial && i == 1 && gazetteer::is_common_word(prev));
            if !plain {
                return None;
            }
        }
        let mut candidates: Vec<(u32, usize, usize)> = Vec::new();
        for (id, edits) in self.singles.near(w, budget(letters(w))) {
            if inflected(w, self.singles.get(id)) {
                continue;
            }
            for &(f, p) in &self.single_forms[&id] {
                candidates.push((edits, f, p));
            }
        }
        candidates.sort_by_key(|&(e, f, _)| (e, self.forms[f].entity, f));
        let &(edits, f, p) = candidates.first()?;
        let entity = self.forms[f].entity;
        let ambiguous = candidates
            .iter()
            .any(|&(e, g, _)| e == edits && self.forms[g].entity != entity);
        let mut m = self.matched(a, &tokens[i..=i], f, How::Near { edits });
        m.expected = original_word(&self.forms[f].text, p);
        m.ambiguous = ambiguous;
        Some(m)
    }

    /// Edits between a window of mention words and a several-word form, when at least one part
    /// is exact and every other part is a near miss within its budget; `None` otherwise.
    fn window_edits(
        &self,
        a: &Analysis,
        window: &[(usize, String)],
        form: &Form,
        knowledge: &Knowledge,
    ) -> Option<u32> {
        let kind = self.entities[form.entity].kind;
        // A learned name (`factlint names learn`) is what an archive wrote most, not an
        // authority on spelling: British and American spellings and transliterations of it
        // are not slips ("Organisation", "Bolotnaya").
        let learned = self.entities[form.entity].articles.is_some();
        let mut exact = 0;
        let mut total = 0;
        for (j, ((t, got), want)) in window.iter().zip(&form.words).enumerate() {
            if got == want {
                exact += 1;
                continue;
            }
            if all_caps(a.word(*t))
                || knowledge.knows_word(got)
                || (learned && fuzzy::spelling_variants(got, want))
            {
                return None;
            }
            let given_name = kind == EntityType::Person && j == 0;
            let len = letters(want);
            let limit = if given_name && len >= 3 {
                2
            } else if len >= 4 {
                budget(len).max(1)
            } else {
                0
            };
            let d = distance(got, want);
            if d == 0 || d > limit || (!given_name && inflected(got, want)) {
                return None;
            }
            // Two edits on a short given name must keep most of it ("Ivor"/"Evo").
            if d >= letters(got).min(len) as u32 {
                return None;
            }
            total += d;
        }
        if total == 0 {
            return None;
        }
        // With no part exact, the whole name must be within the budget of its length
        // ("Claus Oberlender" for Klaus Oberländer).
        let whole: usize = form.words.iter().map(|w| letters(w)).sum();
        (exact > 0 || total <= budget(whole)).then_some(total)
    }
}

/// The `p`-th word of a listed name, as written there.
fn original_word(text: &str, p: usize) -> String {
    split_words(text)
        .get(p)
        .map(|w| w.to_string())
        .unwrap_or_default()
}

/// Byte span from token `first` to token `last`, without a possessive ending on the last.
pub(crate) fn word_span(a: &Analysis, first: usize, last: usize) -> Range<usize> {
    let end = a.tokens[last].span.end;
    let word = a.word(last);
    let trimmed = word.len() - cues::strip_possessive(word).len();
    a.tokens[first].span.start..end - trimmed
}

/// Every `entities` list loaded (enabled rules only), seen by every check, with what they
/// match in the article being linted (computed once, on first use).
#[derive(Default)]
pub struct Knowledge<'a> {
    pub lists: Vec<&'a EntityList>,
    scans: OnceLock<Vec<Vec<EntityMatch>>>,
}

impl<'a> Knowledge<'a> {
    /// Built once per article (the scans it caches belong to that article).
    pub fn new(lists: Vec<&'a EntityList>) -> Knowledge<'a> {
        Knowledge {
            lists,
            scans: OnceLock::new(),
        }
    }

    pub fn knows_word(&self, folded: &str) -> bool {
        self.lists.iter().any(|l| l.knows_word(folded))
    }

    pub fn knows_phrase(&self, folded: &str) -> bool {
        self.lists.iter().any(|l| l.knows_phrase(folded))
    }

    pub fn is_person_word(&self, folded: &str) -> bool {
        self.lists.iter().any(|l| l.is_person_word(folded))
    }

    /// What each list matches in the article, in list order.
    pub fn scans(&self, a: &Analysis) -> &[Vec<EntityMatch>] {
        self.scans
            .get_or_init(|| self.lists.iter().map(|l| l.scan(a, self)).collect())
    }

    /// What this list matches in the article (empty for a list that is not loaded).
    pub fn matches_of(&self, list: &EntityList, a: &Analysis) -> &[EntityMatch] {
        self.lists
            .iter()
            .position(|l| std::ptr::eq(*l, list))
            .map_or(&[], |i| &self.scans(a)[i])
    }

    /// Spans of mentions that some list matches (exactly or near): the `entities` rules speak
    /// for these, so the other name checks stay silent there.
    pub fn claimed_spans(&self, a: &Analysis) -> Vec<Range<usize>> {
        let mut spans: Vec<Range<usize>> = self
            .scans(a)
            .iter()
            .flatten()
            .map(|m| m.span.clone())
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }
}

/// Does `span` overlap any of the (sorted) spans?
pub(crate) fn overlaps_any(spans: &[Range<usize>], span: &Range<usize>) -> bool {
    spans
        .iter()
        .any(|s| s.start < span.end.max(span.start + 1) && span.start < s.end.max(s.start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    fn list(yaml: &str) -> EntityList {
        let entities: Vec<Entity> = crate::yaml::from_str(yaml).unwrap();
        EntityList::new("desk", entities).unwrap()
    }

    fn desk() -> EntityList {
        list(
            "[{name: Evo Morales, type: person}, {name: Javier Zavaleta, type: person},
              {name: Yuri Calderón, type: person}, {name: Carlos Mesa, type: person},
              {name: Annelies Verhoeven, type: person}, {name: Old Trafford, type: place},
              {name: Organization of American States, type: org, aliases: [OAS]},
              {name: Manchester United, type: org, aliases: [United]},
              {name: Manchester City, type: org}, {name: Ole Gunnar Solskjær, type: person}]",
        )
    }

    fn scan(text: &str) -> Vec<(String, String, How)> {
        let d = Document::parse("t.md", text.to_string(), Format::Markdown);
        let a = Analysis::new(&d);
        let l = desk();
        let k = Knowledge::new(vec![&l]);
        l.scan(&a, &k)
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.expected, m.how))
            .collect()
    }

    fn near(text: &str) -> Vec<(String, String)> {
        scan(text)
            .into_iter()
            .filter(|(_, _, h)| matches!(h, How::Near { .. }))
            .map(|(a, b, _)| (a, b))
            .collect()
    }

    fn pair(a: &str, b: &str) -> Vec<(String, String)> {
        vec![(a.to_string(), b.to_string())]
    }

    #[test]
    fn exact_and_alias_mentions() {
        let found =
            scan("President Evo Morales met the OAS. Morales's aides and Carlos Mesa agreed.");
        assert!(found.contains(&("Evo Morales".into(), "Evo Morales".into(), How::Exact)));
        assert!(found.contains(&("OAS".into(), "OAS".into(), How::Exact)));
        assert!(found.contains(&("Carlos Mesa".into(), "Carlos Mesa".into(), How::Exact)));
        assert!(near("President Evo Morales met the OAS. Morales's aides agreed.").is_empty());
    }

    #[test]
    fn given_name_near_miss_with_exact_surname() {
        assert_eq!(
            near("President Ivor Morales spoke."),
            pair("Ivor Morales", "Evo Morales")
        );
        assert_eq!(
            near("Minister Anneliese Verhoeven said no."),
            pair("Anneliese Verhoeven", "Annelies Verhoeven")
        );
        assert_eq!(
            near("He met Carlos Meza."),
            pair("Carlos Meza", "Carlos Mesa")
        );
        assert_eq!(
            near("at Old Traford on Sunday"),
            pair("Old Traford", "Old Trafford")
        );
    }

    #[test]
    fn surname_alone_near_a_listed_surname() {
        assert_eq!(
            near("Defense Minister Zabaleta spoke."),
            pair("Zabaleta", "Zavaleta")
        );
        assert_eq!(
            near("Javier Zabaleta spoke."),
            pair("Javier Zabaleta", "Javier Zavaleta")
        );
        assert_eq!(near("Zabaleta's plan"), pair("Zabaleta", "Zavaleta"));
    }

    #[test]
    fn near_miss_non_hits() {
        // Another given name: another person with a similar surname.
        assert!(near("Pedro Zabaleta spoke.").is_empty());
        // Two listed names are never misspellings of each other.
        assert!(near("Manchester City beat Manchester United.").is_empty());
        // An inflection, a far given name, a short surname, an acronym one letter off.
        assert!(near("Moral support came from Juan Morales and the OAU.").is_empty());
        assert!(near("Meza said so.").is_empty());
        // Transliteration of a letter without a decomposition is not a misspelling.
        assert!(near("Ole Gunnar Solskjaer smiled.").is_empty());
    }

    #[test]
    fn diacritics_only() {
        let found = scan("Police chief Yuri Calderon spoke; Calderon said more.");
        assert_eq!(
            found,
            vec![
                (
                    "Yuri Calderon".into(),
                    "Yuri Calderón".into(),
                    How::Diacritics
                ),
                ("Calderon".into(), "Calderón".into(), How::Diacritics),
            ]
        );
    }

    #[test]
    fn empty_name_is_refused() {
        let entities: Vec<Entity> = crate::yaml::from_str("[{name: '--', type: person}]").unwrap();
        assert!(EntityList::new("desk", entities).is_err());
    }
}
