//! Rule sets as the server sees them: loaded once per config file (what the CLI would load
//! from that folder), kept with a fingerprint of every file they came from, and reloaded
//! when that fingerprint changes. Loading never fails outright: a broken config or rule set
//! becomes a problem shown on that file, and linting goes on with what did load.

use crate::diagnostic::Severity;
use crate::settings::{self, RuleOptions, Session};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub(super) use crate::settings::Problem;

/// Size and modification time of each file a rule set was built from (`None`: absent).
type Stamp = Vec<(PathBuf, Option<(SystemTime, u64)>)>;

pub(super) struct RuleSet {
    /// The settings `factlint check` would use in that folder: the same rule sets, config,
    /// accepted words, per-path ignores and dates.
    pub session: Session,
    pub problems: Vec<Problem>,
    /// The config file and the rule paths it names: what to re-stat to notice a change.
    watched: Vec<PathBuf>,
    stamp: Stamp,
}

impl RuleSet {
    /// Loads what `factlint check` would load with `config` (or no config), through the one
    /// settings loader; problems are kept to be shown on their files.
    pub(super) fn load(config: Option<&Path>) -> RuleSet {
        let opts = RuleOptions {
            config: config.map(Path::to_path_buf),
            no_config: config.is_none(),
            ..RuleOptions::default()
        };
        let cwd = config.and_then(Path::parent).unwrap_or(Path::new("."));
        let (setup, mut problems) = settings::load_lenient(&opts, cwd);
        let rule_paths = setup.config.rule_paths();
        let session = match Session::new(setup, None, Severity::Info) {
            Ok(s) => s,
            Err(e) => {
                // A bad glob in `ignore_rules`/`ignore`: shown on the config, linted without it.
                problems.push(Problem {
                    path: config.map(Path::to_path_buf).unwrap_or_default(),
                    at: None,
                    message: e.to_string(),
                    severity: Severity::Error,
                    load_error: None,
                });
                let (mut bare, _) = settings::load_lenient(&opts, cwd);
                bare.config.ignore.clear();
                bare.config.ignore_rules.clear();
                Session::new(bare, None, Severity::Info).expect("no globs, no glob error")
            }
        };
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
        RuleSet {
            session,
            problems,
            watched,
            stamp,
        }
    }

    /// Whether any file this set came from changed, appeared or disappeared since loading.
    pub(super) fn is_stale(&self) -> bool {
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
        assert!(!set.session.linter.rule("style.repetition").unwrap().enabled);
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
        assert!(set.session.linter.rule("style.repetition").unwrap().enabled);
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
