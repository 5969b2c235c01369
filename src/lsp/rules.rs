//! Rule sets as the server sees them: loaded once per config file (what the CLI would load
//! from that folder), kept with a fingerprint of every file they came from, and reloaded
//! when that fingerprint changes. Loading never fails outright: a broken config or rule set
//! becomes a problem shown on that file, and linting goes on with what did load.

use crate::Linter;
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::ruleset::{self, LoadError, Rule};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Something wrong with a config or rule-set file, located in it when possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// The file's text and the byte offset of the problem.
    pub at: Option<(String, usize)>,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    fn from_load(e: &LoadError, severity: Severity) -> Problem {
        Problem {
            path: PathBuf::from(&e.path),
            at: e.text.clone().zip(e.offset),
            message: e.message.clone(),
            severity,
        }
    }
}

/// Size and modification time of each file a rule set was built from (`None`: absent).
type Stamp = Vec<(PathBuf, Option<(SystemTime, u64)>)>;

pub struct RuleSet {
    pub linter: Linter,
    pub problems: Vec<Problem>,
    /// The config file and the rule paths it names: what to re-stat to notice a change.
    watched: Vec<PathBuf>,
    stamp: Stamp,
}

impl RuleSet {
    /// Loads what `factlint check` would load with `config` (or no config): the built-in
    /// sets unless turned off, the config's rule sets, then its enable/disable/severity.
    pub fn load(config: Option<&Path>) -> RuleSet {
        let mut problems = Vec::new();
        let cfg = match config {
            Some(p) => Config::load(p).unwrap_or_else(|e| {
                problems.push(Problem::from_load(&e, Severity::Error));
                Config::default()
            }),
            None => Config::default(),
        };
        let mut rules: Vec<Rule> = if cfg.default_rules == Some(false) {
            Vec::new()
        } else {
            ruleset::load_builtin()
        };
        let rule_paths = cfg.rule_paths();
        for path in &rule_paths {
            match ruleset::load_path(path) {
                Ok(more) => rules.extend(more),
                Err(e) => problems.push(Problem::from_load(&e, Severity::Error)),
            }
        }
        // A duplicate id would make suppressions and `explain` ambiguous: keep the first.
        let mut seen = HashSet::new();
        rules.retain(|r| {
            let fresh = seen.insert(r.id.clone());
            if !fresh {
                problems.push(Problem {
                    path: PathBuf::from(&r.source),
                    at: None,
                    message: format!("rule `{}` is defined twice; this one is ignored", r.id),
                    severity: Severity::Error,
                });
            }
            fresh
        });
        let config_text = config.and_then(|p| std::fs::read_to_string(p).ok());
        for unknown in cfg.apply(&mut rules) {
            if let Some(p) = config {
                problems.push(Problem {
                    path: p.to_path_buf(),
                    at: config_text
                        .as_ref()
                        .and_then(|t| t.find(&unknown).map(|o| (t.clone(), o))),
                    message: format!("`{unknown}` matches no loaded rule"),
                    severity: Severity::Warning,
                });
            }
        }
        let date = cfg.date.as_deref().and_then(|s| match s.parse() {
            Ok(d) => Some(d),
            Err(e) => {
                if let Some(p) = config {
                    problems.push(Problem {
                        path: p.to_path_buf(),
                        at: config_text
                            .as_ref()
                            .and_then(|t| t.find(s).map(|o| (t.clone(), o))),
                        message: format!("`date: {s}` is not a date (YYYY-MM-DD): {e}"),
                        severity: Severity::Error,
                    });
                }
                None
            }
        });
        // A problem in a file that is not there (a missing rule path, a built-in set) is
        // shown on the config that led to it.
        if let Some(cfg_path) = config {
            for p in problems.iter_mut().filter(|p| !p.path.is_file()) {
                p.message = format!("{}: {}", p.path.display(), p.message);
                p.path = cfg_path.to_path_buf();
                p.at = None;
            }
        }
        let watched: Vec<PathBuf> = config
            .map(Path::to_path_buf)
            .into_iter()
            .chain(rule_paths)
            .collect();
        let stamp = stamp(&watched);
        let mut linter = Linter::new(rules);
        linter.fallback_date = date;
        RuleSet {
            linter,
            problems,
            watched,
            stamp,
        }
    }

    /// Whether any file this set came from changed, appeared or disappeared since loading.
    pub fn is_stale(&self) -> bool {
        stamp(&self.watched) != self.stamp
    }
}

/// Fingerprints the files, expanding folders into their YAML files as `load_path` does.
fn stamp(paths: &[PathBuf]) -> Stamp {
    let mut out = Vec::new();
    for p in paths {
        out.push((p.clone(), meta(p)));
        if p.is_dir()
            && let Ok(entries) = std::fs::read_dir(p)
        {
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|e| e == "yml" || e == "yaml"))
                .collect();
            files.sort();
            out.extend(files.into_iter().map(|f| {
                let m = meta(&f);
                (f, m)
            }));
        }
    }
    out
}

fn meta(p: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(p).ok()?;
    Some((m.modified().ok()?, m.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_is_applied_and_change_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("factlint.yml");
        std::fs::write(&cfg, "disable: [style.repetition]\n").unwrap();
        let set = RuleSet::load(Some(&cfg));
        assert!(set.problems.is_empty(), "{:?}", set.problems);
        assert!(!set.linter.rule("style.repetition").unwrap().enabled);
        assert!(!set.is_stale());
        std::fs::write(&cfg, "disable: [style.variants, style.repetition]\n").unwrap();
        assert!(set.is_stale());
    }

    #[test]
    fn broken_config_is_a_located_problem_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("factlint.yml");
        std::fs::write(&cfg, "disable: [style.repetition]\nbogus: 1\n").unwrap();
        let set = RuleSet::load(Some(&cfg));
        assert_eq!(set.problems.len(), 1);
        assert!(set.problems[0].at.is_some());
        // Still lints with the built-in rules.
        assert!(set.linter.rule("style.repetition").unwrap().enabled);
    }

    #[test]
    fn unknown_rule_name_is_a_warning_on_the_config() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("factlint.yml");
        std::fs::write(&cfg, "disable: [style.nope]\n").unwrap();
        let set = RuleSet::load(Some(&cfg));
        assert_eq!(set.problems.len(), 1);
        assert_eq!(set.problems[0].severity, Severity::Warning);
        assert_eq!(set.problems[0].at.as_ref().unwrap().1, 10);
    }

    #[test]
    fn new_rule_file_in_a_rules_folder_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("rules")).unwrap();
        let cfg = dir.path().join("factlint.yml");
        std::fs::write(&cfg, "rules: [rules]\n").unwrap();
        let set = RuleSet::load(Some(&cfg));
        assert!(!set.is_stale());
        std::fs::write(
            dir.path().join("rules/desk.yml"),
            "set: desk\nrules:\n  - id: x\n    kind: existence\n    tokens: [foo]\n",
        )
        .unwrap();
        assert!(set.is_stale());
    }
}
