//! One lint run, shared by the command line and the language server: load rule sets and the
//! config, collect the articles to lint, and lint (and fix) one article at a time.

use crate::Linter;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format as DocFormat};
use crate::fix;
use crate::ruleset::{self, LoadError, Rule};
use crate::source;
use crate::suppress::{self, ConfigSuppressions};
use std::fmt;
use std::io::{self, BufRead};
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
    fn apply_selection(&self, rules: &mut [Rule]) -> Result<(), SetupError> {
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

/// Loaded rules and config, plus warnings for the user (config names that match no rule).
pub struct Setup {
    pub rules: Vec<Rule>,
    pub config: Config,
    pub warnings: Vec<String>,
}

/// Loads built-in sets, config sets and extra sets, then applies the config. `cwd` is where the
/// config search starts.
pub fn load(opts: &RuleOptions, cwd: &Path) -> Result<Setup, SetupError> {
    let mut config = if opts.no_config {
        Config::default()
    } else {
        match opts.config.clone().or_else(|| Config::discover(cwd)) {
            Some(p) => Config::load(&p).map_err(SetupError::Load)?,
            None => Config::default(),
        }
    };
    if config.dir.as_os_str().is_empty() {
        config.dir = PathBuf::from(".");
    }
    let mut rules = if opts.no_default_rules || config.default_rules == Some(false) {
        Vec::new()
    } else {
        ruleset::load_builtin()
    };
    for path in config.rule_paths().iter().chain(&opts.rules) {
        rules.extend(ruleset::load_path(path).map_err(SetupError::Load)?);
    }
    rules.extend(crate::meta_rules::rules());
    let mut seen = std::collections::HashSet::new();
    for r in &rules {
        if !seen.insert(r.id.clone()) {
            return Err(SetupError::Message(format!(
                "rule `{}` is defined twice (second time in {})",
                r.id, r.source
            )));
        }
    }
    let mut warnings: Vec<String> = config
        .apply(&mut rules)
        .into_iter()
        .map(|u| format!("config names `{u}`, which matches no loaded rule"))
        .collect();
    opts.apply_selection(&mut rules)?;
    for (glob, patterns) in &config.ignore_rules {
        for p in patterns {
            let known = rules
                .iter()
                .map(|r| r.id.as_str())
                .chain(crate::meta_rules::IDS.iter().copied())
                .any(|id| suppress::rule_matches(p, id));
            if !known {
                warnings.push(format!(
                    "config `ignore_rules` for `{glob}` names `{p}`, which matches no loaded rule"
                ));
            }
        }
    }
    Ok(Setup {
        rules,
        config,
        warnings,
    })
}

/// Everything needed to lint any number of articles the same way (shared across threads).
pub struct Session {
    pub linter: Linter,
    pub config: Config,
    suppressions: ConfigSuppressions,
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
        // `--date` overrides.
        let fallback_date = match &config.date {
            Some(s) => Some(s.parse().map_err(|e| {
                SetupError::Message(format!("config `date: {s}`: expected YYYY-MM-DD: {e}"))
            })?),
            None => None,
        };
        let root = std::path::absolute(&config.dir).unwrap_or_else(|_| config.dir.clone());
        let ignore_rules: Vec<(String, Vec<String>)> = config
            .ignore_rules
            .iter()
            .map(|(g, r)| (g.clone(), r.clone()))
            .collect();
        let suppressions = ConfigSuppressions::new(&root, &config.accept, &ignore_rules)
            .map_err(SetupError::Message)?;
        let mut linter = Linter::new(setup.rules);
        linter.fallback_date = fallback_date;
        Ok(Session {
            linter,
            config,
            suppressions,
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
}

/// An article to lint.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    /// Standard input, with the name to report.
    Stdin(String),
    File(PathBuf),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Stdin(n) => n.clone(),
            Input::File(p) => p.display().to_string(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin(_) => None,
            Input::File(p) => Some(p),
        }
    }
}

/// Expands folders (honouring .gitignore/.ignore and the config's `ignore:`) into article
/// files, sorted; files named explicitly are kept whatever their extension. `-` is stdin.
pub fn collect_inputs(
    paths: &[PathBuf],
    stdin_name: Option<&str>,
    config: &Config,
    errors: &mut Vec<String>,
) -> Vec<Input> {
    let extensions: Vec<String> = if config.extensions.is_empty() {
        vec!["md".into(), "markdown".into(), "txt".into()]
    } else {
        config
            .extensions
            .iter()
            .map(|e| e.trim_start_matches('.').to_lowercase())
            .collect()
    };
    let mut ignore = ignore::overrides::OverrideBuilder::new(&config.dir);
    for glob in &config.ignore {
        if let Err(e) = ignore.add(&format!("!{glob}")) {
            errors.push(format!("config `ignore: {glob}`: {e}"));
        }
    }
    let overrides = ignore.build().ok();
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin(stdin_name.unwrap_or("<stdin>").to_string()));
            continue;
        }
        if !p.is_dir() {
            inputs.push(Input::File(p.clone()));
            continue;
        }
        let mut walker = ignore::WalkBuilder::new(p);
        walker.hidden(true).follow_links(false);
        if let Some(o) = &overrides {
            walker.overrides(o.clone());
        }
        let mut found = Vec::new();
        for entry in walker.build() {
            match entry {
                Ok(e) => {
                    let is_file = e.file_type().is_some_and(|t| t.is_file());
                    let ext_ok = e
                        .path()
                        .extension()
                        .and_then(|x| x.to_str())
                        .is_some_and(|x| extensions.contains(&x.to_lowercase()));
                    if is_file && ext_ok {
                        // `./a.md` → `a.md`: the path GitHub, reviewdog and baselines expect.
                        let path = e.path().strip_prefix(".").unwrap_or(e.path()).to_path_buf();
                        found.push(path);
                    }
                }
                Err(err) => errors.push(err.to_string()),
            }
        }
        found.sort();
        inputs.extend(found.into_iter().map(Input::File));
    }
    // A file named twice (`. a.md`) is linted once.
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|i| seen.insert(i.clone()));
    inputs
}

/// Reads `--files-from`: one path per line (a trailing CR is dropped, blank lines skipped);
/// `-` reads the list from stdin.
pub fn read_list(source: &Path) -> io::Result<Vec<PathBuf>> {
    let reader: Box<dyn BufRead> = if source.as_os_str() == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        Box::new(io::BufReader::new(std::fs::File::open(source)?))
    };
    let mut paths = Vec::new();
    for line in reader.lines() {
        let line = line?;
        let line = line.strip_suffix('\r').unwrap_or(&line);
        if !line.trim().is_empty() {
            paths.push(PathBuf::from(line));
        }
    }
    Ok(paths)
}

/// What to do with fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Report only.
    Off,
    /// Compute fixes (`--fix` or `--diff`); `unsafe_fixes` includes unsafe ones.
    On { unsafe_fixes: bool },
}

/// One article, linted (and fixed in memory when asked).
pub struct Linted {
    pub input: Input,
    /// The text as read.
    pub original: String,
    /// Decoded from UTF-16: must not be written back.
    pub transcoded: bool,
    /// Findings in the text as read.
    pub diagnostics: Vec<Diagnostic>,
    /// The fix outcome, when fixing and something changed or was skipped.
    pub fix: Option<fix::Outcome>,
}

/// Reads and lints one input; with `FixMode::On`, also fixes it in memory (nothing is written).
pub fn process(
    session: &Session,
    input: &Input,
    stdin: Option<&str>,
    mode: FixMode,
) -> Result<Linted, String> {
    let name = input.name();
    let decoded = match input {
        Input::Stdin(_) => source::Decoded {
            text: stdin.unwrap_or_default().to_string(),
            transcoded: false,
        },
        Input::File(p) => source::read_path(p).map_err(|e| e.to_string())?,
    };
    let (original, diagnostics) = session.lint(&name, input.path(), decoded.text);
    let fix = match mode {
        FixMode::Off => None,
        FixMode::On { unsafe_fixes } => {
            let has_fix = diagnostics.iter().any(|d| !d.fixes.is_empty());
            has_fix.then(|| {
                fix::fix_text(&original, diagnostics.clone(), unsafe_fixes, |t| {
                    session.lint(&name, input.path(), t.to_string()).1
                })
            })
        }
    };
    Ok(Linted {
        input: input.clone(),
        original,
        transcoded: decoded.transcoded,
        diagnostics,
        fix,
    })
}

/// Runs `work` over `inputs` on `threads` threads (0: all cores) and hands each result to `sink`
/// in input order, on the calling thread: deterministic output. Results stream: the sink
/// writes one article while the workers lint the next ones, and at most a small window of
/// results waits for an earlier, slower one, so memory stays flat however many files there are.
pub fn for_each<R: Send, E>(
    inputs: &[Input],
    threads: usize,
    work: impl Fn(&Input) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Condvar, Mutex, mpsc};
    let threads = match threads {
        0 => rayon::current_num_threads(),
        n => n,
    }
    .min(inputs.len());
    if threads <= 1 {
        for input in inputs {
            sink(work(input))?;
        }
        return Ok(());
    }
    // Input `i` may be started only once fewer than `window` results are ahead of the sink:
    // the smallest unfinished input is always allowed, so this cannot deadlock.
    let window = 16 * threads;
    let next = AtomicUsize::new(0);
    // (results handed to the sink, stop)
    let progress = Mutex::new((0usize, false));
    let advanced = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        // The calling thread lints too, between handing results to the sink: as a pure sink
        // it would sleep and be woken once per article, a third thread on two cores.
        for _ in 1..threads {
            let tx = tx.clone();
            let (next, progress, advanced, work) = (&next, &progress, &advanced, &work);
            scope.spawn(move || {
                let _stop = StopOnPanic(progress, advanced);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= inputs.len() {
                        return;
                    }
                    {
                        let mut p = progress.lock().unwrap_or_else(|e| e.into_inner());
                        while !p.1 && i >= p.0 + window {
                            p = advanced.wait(p).unwrap_or_else(|e| e.into_inner());
                        }
                        if p.1 {
                            return;
                        }
                    }
                    if tx.send((i, work(&inputs[i]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let _stop = StopOnPanic(&progress, &advanced);
        let mut pending: std::collections::BTreeMap<usize, R> = Default::default();
        let mut emitted = 0;
        let outcome = loop {
            pending.extend(rx.try_iter());
            let before = emitted;
            let mut failed = None;
            while let Some(r) = pending.remove(&emitted) {
                emitted += 1;
                if let Err(e) = sink(r) {
                    failed = Some(e);
                    break;
                }
            }
            if emitted != before || failed.is_some() {
                let mut p = progress.lock().unwrap_or_else(|e| e.into_inner());
                *p = (emitted, failed.is_some());
                advanced.notify_all();
            }
            if let Some(e) = failed {
                break Err(e);
            }
            if emitted == inputs.len() {
                break Ok(());
            }
            // Lint the next input here, unless it is too far ahead of the sink or none is
            // left: then wait for the workers' results.
            if next.load(Ordering::Relaxed) < emitted + window {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i < inputs.len() {
                    pending.insert(i, work(&inputs[i]));
                    continue;
                }
            }
            match rx.recv() {
                Ok((i, r)) => {
                    pending.insert(i, r);
                }
                // Every worker stopped with a result still missing: one panicked, and leaving
                // the scope re-raises its panic.
                Err(_) => break Ok(()),
            }
        };
        // Dropping the receiver ends any worker still sending.
        drop(rx);
        outcome
    })
}

/// Tells the other threads to stop when its thread unwinds (a panic in `work` or `sink`), so
/// that none waits for a result that will never come; the scope then re-raises the panic.
struct StopOnPanic<'a>(&'a std::sync::Mutex<(usize, bool)>, &'a std::sync::Condvar);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
            self.1.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let setup = load(
            &RuleOptions {
                no_config: true,
                ..Default::default()
            },
            Path::new("."),
        )
        .unwrap();
        Session::new(setup, None, Severity::Info).unwrap()
    }

    #[test]
    fn lints_and_fixes_in_memory() {
        let s = session();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "We saw the the goverment.\n").unwrap();
        let l = process(
            &s,
            &Input::File(p.clone()),
            None,
            FixMode::On {
                unsafe_fixes: false,
            },
        )
        .unwrap();
        assert_eq!(l.diagnostics.len(), 2);
        let o = l.fix.unwrap();
        assert_eq!(o.text, "We saw the government.\n");
        assert!(o.remaining.is_empty());
        // Nothing was written.
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "We saw the the goverment.\n"
        );
    }

    #[test]
    fn for_each_keeps_input_order_and_bounds_the_results_waiting() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let inputs: Vec<Input> = (0..500).map(|i| Input::Stdin(i.to_string())).collect();
        // Results made but not yet handed to the sink.
        let waiting = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        for threads in [0, 1, 2, 3] {
            let mut seen = Vec::new();
            run_for_each(&inputs, threads, &waiting, &most, &mut seen);
            let names: Vec<String> = inputs.iter().map(Input::name).collect();
            assert_eq!(seen, names, "threads = {threads}");
        }
        // 16 results per thread at most, plus one in the hands of each worker.
        assert!(most.load(Ordering::Relaxed) <= 16 * 3 + 3, "{most:?}");

        fn run_for_each(
            inputs: &[Input],
            threads: usize,
            waiting: &AtomicUsize,
            most: &AtomicUsize,
            seen: &mut Vec<String>,
        ) {
            let work = |i: &Input| {
                // Uneven work, so that results finish out of order.
                let n: usize = i.name().parse().unwrap();
                if n.is_multiple_of(7) {
                    std::thread::sleep(std::time::Duration::from_micros(300));
                }
                let w = waiting.fetch_add(1, Ordering::Relaxed) + 1;
                most.fetch_max(w, Ordering::Relaxed);
                i.name()
            };
            let sink = |name: String| -> Result<(), ()> {
                waiting.fetch_sub(1, Ordering::Relaxed);
                seen.push(name);
                Ok(())
            };
            for_each(inputs, threads, work, sink).unwrap();
        }
    }

    #[test]
    fn for_each_stops_at_the_first_sink_error() {
        let inputs: Vec<Input> = (0..300).map(|i| Input::Stdin(i.to_string())).collect();
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            let r = for_each(&inputs, threads, Input::name, |name| {
                if name == "42" {
                    return Err(name);
                }
                seen.push(name);
                Ok(())
            });
            assert_eq!(r, Err("42".to_string()));
            assert_eq!(seen.len(), 42);
        }
    }

    #[test]
    fn for_each_passes_a_panic_on_instead_of_waiting_for_ever() {
        let inputs: Vec<Input> = (0..300).map(|i| Input::Stdin(i.to_string())).collect();
        for threads in [2, 3] {
            // In `work`, on whichever thread lints input 42, or in `sink`.
            for in_sink in [false, true] {
                let run = std::panic::catch_unwind(|| {
                    let work = |i: &Input| {
                        let name = i.name();
                        assert!(in_sink || name != "42", "work panics");
                        name
                    };
                    let sink = |name: String| -> Result<(), ()> {
                        assert!(!in_sink || name != "42", "sink panics");
                        Ok(())
                    };
                    for_each(&inputs, threads, work, sink)
                });
                assert!(run.is_err(), "threads = {threads}, in sink: {in_sink}");
            }
        }
    }

    #[test]
    fn files_from_list() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("list");
        std::fs::write(&p, "a.md\r\n\nb dir/c.txt\n").unwrap();
        assert_eq!(
            read_list(&p).unwrap(),
            [PathBuf::from("a.md"), PathBuf::from("b dir/c.txt")]
        );
    }

    #[test]
    fn min_severity_filters() {
        let setup = load(
            &RuleOptions {
                no_config: true,
                ..Default::default()
            },
            Path::new("."),
        )
        .unwrap();
        let s = Session::new(setup, None, Severity::Error).unwrap();
        assert!(s.lint("a.md", None, "the the".into()).1.is_empty());
    }
}
