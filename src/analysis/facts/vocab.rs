//! The count vocabulary of the fact model, as data: `rules/lexicon/count_nouns.yml` (synonym
//! groups, role cues, voting bodies, tenure words), embedded in the binary and read once.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

static SOURCE: &str = include_str!("../../../rules/lexicon/count_nouns.yml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    synonyms: BTreeMap<String, Vec<String>>,
    broader: BTreeMap<String, String>,
    roles: BTreeMap<String, Vec<String>>,
    bodies: Vec<String>,
    body_units: Vec<String>,
    tally_cues: Vec<String>,
    abstain: Vec<String>,
    tenure_cues: Vec<String>,
    predicates: BTreeMap<String, Vec<String>>,
    event_verbs: BTreeMap<String, Vec<String>>,
}

pub(crate) struct Vocab {
    /// noun lemma → synonym group name
    pub(crate) group_of: HashMap<String, String>,
    /// synonym group → the broader group it is a kind of (passenger → person)
    pub(crate) broader: HashMap<String, String>,
    /// role name → cue phrases, each split into lower-case words
    pub(crate) roles: Vec<(String, Vec<Vec<String>>)>,
    /// first word of a cue → (index into `roles`, the cue's words)
    pub(crate) cue_by_first: HashMap<String, Vec<(usize, Vec<String>)>>,
    pub(crate) bodies: HashSet<String>,
    pub(crate) body_units: HashSet<String>,
    pub(crate) tally_cues: HashSet<String>,
    pub(crate) abstain: HashSet<String>,
    pub(crate) tenure_cues: HashSet<String>,
    /// word (lower case, and its lemma) → predicate group
    pub(crate) predicate_of: HashMap<String, String>,
    /// verb (lower case) → the synonym group of the event it counts ("postponed" →
    /// postponement)
    pub(crate) event_of_verb: HashMap<String, String>,
}

pub(crate) static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let raw: Raw = crate::yaml::from_str(SOURCE).expect("rules/lexicon/count_nouns.yml parses");
    let mut group_of = HashMap::new();
    for (group, nouns) in &raw.synonyms {
        for n in nouns {
            group_of.insert(super::super::lexical::lemma(n), group.clone());
        }
    }
    let mut predicate_of = HashMap::new();
    for (group, words) in &raw.predicates {
        for w in words {
            predicate_of.insert(w.clone(), group.clone());
        }
    }
    let mut event_of_verb = HashMap::new();
    for (group, verbs) in &raw.event_verbs {
        for w in verbs {
            event_of_verb.insert(w.clone(), group.clone());
        }
    }
    let set = |v: Vec<String>| v.into_iter().collect::<HashSet<_>>();
    let roles: Vec<(String, Vec<Vec<String>>)> = raw
        .roles
        .into_iter()
        .map(|(role, cues)| {
            let cues = cues
                .iter()
                .map(|c| c.split_whitespace().map(String::from).collect())
                .collect();
            (role, cues)
        })
        .collect();
    let mut cue_by_first: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
    for (r, (_, cues)) in roles.iter().enumerate() {
        for cue in cues {
            if let Some(first) = cue.first() {
                cue_by_first
                    .entry(first.clone())
                    .or_default()
                    .push((r, cue.clone()));
            }
        }
    }
    Vocab {
        group_of,
        broader: raw.broader.into_iter().collect(),
        roles,
        cue_by_first,
        bodies: set(raw.bodies),
        body_units: set(raw.body_units),
        tally_cues: set(raw.tally_cues),
        abstain: set(raw.abstain),
        tenure_cues: set(raw.tenure_cues),
        predicate_of,
        event_of_verb,
    }
});

impl Vocab {
    /// The broader group of a synonym group (passenger → person), else the group itself.
    pub(crate) fn broad<'x>(&'x self, group: &'x str) -> &'x str {
        self.broader.get(group).map_or(group, String::as_str)
    }

    /// The synonym group of a noun lemma, else the lemma itself.
    pub(crate) fn group<'x>(&'x self, lemma: &'x str) -> &'x str {
        self.group_of.get(lemma).map_or(lemma, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_loads_and_groups_synonyms() {
        let v = &*VOCAB;
        assert_eq!(v.group("protester"), v.group("person"));
        assert_eq!(v.group("walkout"), v.group("stoppage"));
        assert_eq!(v.group("lawmaker"), v.group("vote"));
        assert_eq!(v.group("giraffe"), "giraffe");
        assert!(v.bodies.contains("panel"));
        assert!(v.roles.iter().any(|(r, _)| r == "forecast"));
    }
}
