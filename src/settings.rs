//! The one place that decides how articles are linted, for the command line and the language
//! server alike: which rule sets load, which config applies, which rules are on and how severe,
//! which words the desk accepts, which files are left out, and which publication date counts.
//!
//! Loading is lenient: every problem (a config or rule set that does not load, a rule defined
//! twice, a name that matches no rule) is collected with where it is, and what did load is
//! kept. The command line then refuses to run on an error ([`load`]); the editor shows the
//! problems on the files at fault and lints with what loaded ([`load_lenient`]).

use crate::Linter;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format as DocFormat};
use crate::ruleset::{self, LoadError, Rule};
use crate::suppress::ConfigSuppressions;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where rules come from (the `--rules`, `--no-default-rules`, `--config`, `--no-config` flags)
/// and which are on (`--select`, `--extend-select`, `--ignore`).
#[derive(Debug, Clone, Default)]
pub struct RuleOptions {
    pub rules: Vec<PathBuf>,
    pub no_default_rules: bool,
    pub config: Option<PathBuf>,
    pub no_config: bool,
    /// Only these rules (ids or sets) are on; None leaves the config's choice.
    pub select: Option<Vec<String>>,
    /// Rules turned on as well (like the config's `enable:`).
    pub extend_select: Vec<String>,
    /// Rules turned off (like the config's `disable:`).
    pub ignore: Vec<String>,
}

impl RuleOptions {
    /// Applies `--select`, `--extend-select` and `--ignore` after the config, with its
    /// `enable:`/`disable:` semantics (`--select` first turns every rule off). A name that
    /// matches no loaded rule is an error: a typo would otherwise select nothing and pass.
    pub fn apply_selection(&self, rules: &mut [Rule]) -> Result<(), SetupError> {
        if let Some(select) = &self.select {
            rules.iter_mut().for_each(|r| r.enabled = false);
            if select.is_empty() {
                return Err(SetupError::Message("--select names no rule".into()));
            }
        }
        let cli = Config {
            enable: self
                .select
                .iter()
                .flatten()
                .chain(&self.extend_select)
                .cloned()
                .collect(),
            disable: self.ignore.clone(),
            ..Config::default()
        };
        match cli.apply(rules).first() {
            Some(name) => Err(SetupError::Message(format!(
                "`{name}` (--select, --extend-select or --ignore) matches no loaded rule or set; \
                 `factlint rules` lists them"
            ))),
            None => Ok(()),
        }
    }
}

#[derive(Debug)]
pub enum SetupError {
    /// A rule set or config file that does not load (rendered over its YAML by the CLI).
    Load(LoadError),
    Message(String),
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetupError::Load(e) => write!(f, "{e}"),
            SetupError::Message(m) => write!(f, "{m}"),
        }
    }
}

/// Something wrong with a config or rule-set file, located in it when possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub path: PathBuf,
    /// The file's text and the byte offset of the problem.
    pub at: Option<(String, usize)>,
    pub message: String,
    pub severity: Severity,
    /// The load error behind it, which the CLI draws over the YAML.
    pub load_error: Option<LoadError>,
}

impl Problem {
    fn from_load(e: LoadError) -> Problem {
        Problem {
            path: PathBuf::from(&e.path),
            at: e.text.clone().zip(e.offset),
            message: e.message.clone(),
            severity: Severity::Error,
            load_error: Some(e),
        }
    }

    /// A problem in the config file, at the first place its text holds `needle`.
    fn in_config(
        config: &Config,
        text: Option<&String>,
        needle: &str,
        message: String,
        severity: Severity,
    ) -> Problem {
        Problem {
            path: config.path.clone().unwrap_or_default(),
            at: text.and_then(|t| t.find(needle).map(|o| (t.clone(), o))),
            message,
            severity,
            load_error: None,
        }
    }
}

/// Loaded rules and config, plus warnings for the user (config names that match no rule).
pub struct Setup {
    pub rules: Vec<Rule>,
    pub config: Config,
    pub warnings: Vec<String>,
}

/// Loads what a run needs, refusing on the first error (the command line).
pub fn load(opts: &RuleOptions, cwd: &Path) -> Result<Setup, SetupError> {
    let (setup, problems) = load_lenient(opts, cwd);
    let mut warnings = Vec::new();
    for p in problems {
        match (p.severity, p.load_error) {
            (Severity::Error, Some(e)) => return Err(SetupError::Load(e)),
            (Severity::Error, None) => return Err(SetupError::Message(p.message)),
            _ => warnings.push(p.message),
        }
    }
    // `--select` and friends are the command line's own: a typo there is an error.
    let mut setup = setup;
    opts.apply_selection(&mut setup.rules)?;
    setup.warnings = warnings;
    Ok(setup)
}

/// Loads built-in sets, the config's sets and extra sets, then applies the config; every
/// problem is collected and what loads is kept (the editor). `cwd` is where the config search
/// starts.
pub(crate) fn load_lenient(opts: &RuleOptions, cwd: &Path) -> (Setup, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut config = if opts.no_config {
        Config::default()
    } else {
        match opts.config.clone().or_else(|| Config::discover(cwd)) {
            Some(p) => Config::load(&p).unwrap_or_else(|e| {
                problems.push(Problem::from_load(e));
                Config {
                    path: Some(p),
                    ..Config::default()
                }
            }),
            None => Config::default(),
        }
    };
    if config.dir.as_os_str().is_empty() {
        config.dir = match config.path.as_deref().and_then(Path::parent) {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
    }
    let mut rules = if opts.no_default_rules || config.default_rules == Some(false) {
        Vec::new()
    } else {
        ruleset::load_builtin()
    };
    for path in config.rule_paths().iter().chain(&opts.rules) {
        match ruleset::load_path(path) {
            Ok(more) => rules.extend(more),
            Err(e) => problems.push(Problem::from_load(e)),
        }
    }
    rules.extend(crate::meta_rules::rules());
    // A duplicate id would make suppressions and `explain` ambiguous: an error, and the first
    // definition is the one kept.
    let mut seen = std::collections::HashSet::new();
    rules.retain(|r| {
        let fresh = seen.insert(r.id.clone());
        if !fresh {
            problems.push(Problem {
                path: PathBuf::from(&r.source),
                at: None,
                message: format!(
                    "rule `{}` is defined twice (second time in {})",
                    r.id, r.source
                ),
                severity: Severity::Error,
                load_error: None,
            });
        }
        fresh
    });
    let config_text = config
        .path
        .as_deref()
        .and_then(|p| std::fs::read_to_string(p).ok());
    for unknown in config.apply(&mut rules) {
        problems.push(Problem::in_config(
            &config,
            config_text.as_ref(),
            &unknown,
            format!("config names `{unknown}`, which matches no loaded rule"),
            Severity::Warning,
        ));
    }
    for (glob, patterns) in &config.ignore_rules {
        for p in patterns {
            let known = rules
                .iter()
                .map(|r| r.id.as_str())
                .chain(crate::meta_rules::IDS.iter().copied())
                .any(|id| crate::suppress::rule_matches(p, id));
            if !known {
                problems.push(Problem::in_config(
                    &config,
                    config_text.as_ref(),
                    p,
                    format!("config `ignore_rules` for `{glob}` names `{p}`, which matches no loaded rule"),
                    Severity::Warning,
                ));
            }
        }
    }
    if let Some(s) = &config.date
        && let Err(e) = s.parse::<jiff::civil::Date>()
    {
        problems.push(Problem::in_config(
            &config,
            config_text.as_ref(),
            s,
            format!("config `date: {s}`: expected YYYY-MM-DD: {e}"),
            Severity::Error,
        ));
    }
    let setup = Setup {
        rules,
        config,
        warnings: Vec::new(),
    };
    (setup, problems)
}

/// Everything needed to lint any number of articles the same way (shared across threads).
pub struct Session {
    pub linter: Linter,
    pub config: Config,
    suppressions: ConfigSuppressions,
    /// The config's `ignore:` globs, as a matcher (None: no globs).
    excluded: Option<ignore::overrides::Override>,
    /// Publication date for every article (`--date`), overriding the article's own; the
    /// config's is the linter's fallback.
    pub date: Option<jiff::civil::Date>,
    pub min_severity: Severity,
}

impl Session {
    pub fn new(
        setup: Setup,
        date: Option<jiff::civil::Date>,
        min_severity: Severity,
    ) -> Result<Session, SetupError> {
        let config = setup.config;
        // The config's date stands in for an article's own (front matter, dateline), which
        // `--date` overrides. (A bad one is a load problem; here it is simply not used.)
        let fallback_date = config.date.as_deref().and_then(|s| s.parse().ok());
        let root = std::path::absolute(&config.dir).unwrap_or_else(|_| config.dir.clone());
        let ignore_rules: Vec<(String, Vec<String>)> = config
            .ignore_rules
            .iter()
            .map(|(g, r)| (g.clone(), r.clone()))
            .collect();
        let suppressions = ConfigSuppressions::new(&root, &config.accept, &ignore_rules)
            .map_err(SetupError::Message)?;
        let excluded = excluded_matcher(&root, &config.ignore).map_err(SetupError::Message)?;
        let mut linter = Linter::new(setup.rules);
        linter.fallback_date = fallback_date;
        Ok(Session {
            linter,
            config,
            suppressions,
            excluded,
            date,
            min_severity,
        })
    }

    /// Lints one article. `name` is reported and picks Markdown or plain text by extension;
    /// `path` (None for stdin or an editor buffer) selects the config's per-path ignores.
    pub fn lint(&self, name: &str, path: Option<&Path>, text: String) -> (String, Vec<Diagnostic>) {
        let doc = Document::parse(name, text, DocFormat::for_path(name));
        let mut diags = self.linter.lint(&doc, self.date);
        self.suppressions.apply(path, &doc.text, &mut diags);
        diags.retain(|d| d.severity >= self.min_severity);
        (doc.text, diags)
    }

    /// Does the config's `ignore:` leave this file out? Folders walked are filtered as they are
    /// read; this answers for a file named on the command line (with `--force-exclude`) or
    /// opened in an editor.
    pub fn is_excluded(&self, path: &Path) -> bool {
        let Some(m) = &self.excluded else {
            return false;
        };
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        // A glob may name the file or a folder above it ("archive/**", "drafts/").
        abs.ancestors()
            .take_while(|p| p.starts_with(m.path()))
            .any(|p| m.matched(p, p.is_dir() || p != abs).is_whitelist())
    }
}

/// The config's `ignore:` globs, relative to `root`, as a matcher whose "whitelist" answers are
/// the ignored paths.
fn excluded_matcher(
    root: &Path,
    globs: &[String],
) -> Result<Option<ignore::overrides::Override>, String> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = ignore::overrides::OverrideBuilder::new(root);
    for glob in globs {
        b.add(glob)
            .map_err(|e| format!("config `ignore: {glob}`: {e}"))?;
    }
    b.build()
        .map(Some)
        .map_err(|e| format!("config `ignore`: {e}"))
}
