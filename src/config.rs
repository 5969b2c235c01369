//! `factlint.yml` / `.factlint.yml`: which rule sets to load, which rules to turn off or on,
//! severity overrides, paths to ignore, article extensions.

use crate::diagnostic::Severity;
use crate::ruleset::{LoadError, Rule};
use crate::yaml;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(crate) const FILE_NAMES: &[&str] = &[
    "factlint.yml",
    ".factlint.yml",
    "factlint.yaml",
    ".factlint.yaml",
];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Extra rule-set files or folders, relative to the config file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Load the built-in sets (default true).
    #[serde(default)]
    pub default_rules: Option<bool>,
    /// Rule ids or set names to turn off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Rule ids or set names to turn on (rules that are off by default).
    #[serde(default)]
    pub enable: Vec<String>,
    /// Severity per rule id or set name.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// Gitignore-style globs of paths not to lint.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Article file extensions when walking folders (default md, markdown, txt).
    #[serde(default)]
    pub extensions: Vec<String>,
    /// Publication date to assume when an article has none.
    #[serde(default)]
    pub date: Option<String>,
    /// Names and words accepted in every article (like front matter `factlint: {accept: [...]}`).
    #[serde(default)]
    pub accept: Vec<String>,
    /// Rules (ids or set names) ignored per path: `{"archive/**": [style.variants]}`; globs are
    /// gitignore-style, relative to the config file's folder.
    #[serde(default)]
    pub ignore_rules: BTreeMap<String, Vec<String>>,
    /// Cross-article evidence: `check` learns the names of every article it is given first,
    /// and the `names.archive` rule reports a name used once beside a near spelling used in
    /// many articles. Off by default: it reads every article twice, and its evidence is only
    /// as good as the archive is large.
    #[serde(default)]
    pub archive_evidence: bool,
    #[serde(skip)]
    pub dir: PathBuf,
    /// The file this config was read from (None: no config file).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// The config file in `start` or the nearest parent folder, if any.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            for name in FILE_NAMES {
                let p = d.join(name);
                if p.is_file() {
                    return Some(p);
                }
            }
            dir = d.parent();
        }
        None
    }

    pub fn load(path: &Path) -> Result<Config, LoadError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| LoadError {
            path: display.clone(),
            text: None,
            offset: None,
            message: e.to_string(),
        })?;
        let mut config: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            yaml::from_str(&text).map_err(|e| LoadError {
                path: display.clone(),
                text: Some(text.clone()),
                offset: e.offset,
                message: e.message,
            })?
        };
        config.dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.path = Some(path.to_path_buf());
        for (rule, sev) in &config.severity {
            if Severity::parse(sev).is_none() {
                return Err(LoadError {
                    path: display,
                    offset: text.find(sev.as_str()),
                    text: Some(text.clone()),
                    message: format!(
                        "unknown severity `{sev}` for `{rule}` (use error, warning or info)"
                    ),
                });
            }
        }
        Ok(config)
    }

    pub fn rule_paths(&self) -> Vec<PathBuf> {
        self.rules.iter().map(|p| self.dir.join(p)).collect()
    }

    /// Applies enable/disable/severity to loaded rules. Returns names that matched no rule.
    pub fn apply(&self, rules: &mut [Rule]) -> Vec<String> {
        let matches = |pat: &str, r: &Rule| r.id == pat || r.set == pat;
        let mut unknown = Vec::new();
        for (pats, on) in [(&self.enable, true), (&self.disable, false)] {
            for p in pats {
                let mut hit = false;
                for r in rules.iter_mut().filter(|r| matches(p, r)) {
                    r.enabled = on;
                    hit = true;
                }
                if !hit {
                    unknown.push(p.clone());
                }
            }
        }
        for (p, sev) in &self.severity {
            let sev = Severity::parse(sev).unwrap_or(Severity::Warning);
            let mut hit = false;
            for r in rules.iter_mut().filter(|r| matches(p, r)) {
                r.severity = sev;
                hit = true;
            }
            if !hit {
                unknown.push(p.clone());
            }
        }
        unknown
    }
}
