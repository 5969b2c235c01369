//! The command line: parse arguments, call the library, map results to exit codes
//! (0 nothing reported, 1 something reported, 2 factlint could not do its job).

/// mimalloc: the checks make many small, short-lived allocations (words, phrases, keys), and
/// glibc's allocator took about a seventh of the time on an archive.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use factlint::Linter;
use factlint::baseline::{self, Baseline};
use factlint::config::Config;
use factlint::diagnostic::{Applicability, Diagnostic, Severity};
use factlint::fix;
use factlint::report::{self, FileResult, Summary};
use factlint::ruleset::{self, Rule};
use factlint::run::{self, FixMode, Input, Linted, RuleOptions, Session, Setup, SetupError};
use factlint::source::{self, LineIndex};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "factlint",
    version,
    about = "A fact-check consistency linter for news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint articles (files, folders, or - for stdin).
    Check(CheckArgs),
    /// List every loaded rule: id, kind, severity, source.
    Rules(RuleArgs),
    /// Explain a rule (or a rule kind): what it checks, why, an example, fix safety.
    Explain {
        /// A rule id (`style.repetition`) or a kind name (`repetition`).
        rule: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Check every rule's examples: each `bad` one must be reported, no `good` one may be.
    TestRules {
        /// Rule-set files or folders (default: the built-in sets and the linter's own rules).
        paths: Vec<PathBuf>,
    },
    /// Run a language server on stdin/stdout, for editors (see the README, "Editors").
    Lsp,
    /// Print a shell completion script to stdout (e.g. `factlint completions bash >
    /// ~/.local/share/bash-completion/completions/factlint`).
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout, or write a page per command into a folder.
    Man {
        /// Write factlint.1, factlint-check.1, … into this folder instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Args, Clone)]
struct RuleArgs {
    /// An extra rule-set file or folder (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Do not load the built-in rule sets.
    #[arg(long)]
    no_default_rules: bool,
    /// Config file (default: factlint.yml or .factlint.yml from the current folder upward).
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Ignore any config file.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Only these rules are on: rule ids or set names, comma-separated or repeated (the
    /// config's `enable:` with every other rule off; applied after the config).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Turn these rules on as well (the config's `enable:`), e.g. rules that are off by default.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    extend_select: Vec<String>,
    /// Turn these rules off (the config's `disable:`); applied last.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    ignore: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

/// How much of a line the human format shows around a finding.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ShowSource {
    /// A window around the finding, cut at word boundaries, fitted to the terminal's width
    /// (100 columns at most, and when the output is not a terminal).
    Window,
    /// Whole lines, however long (lines over 1,000 bytes are still windowed).
    Full,
}

/// The most columns a snippet takes, and its width when the output is not a terminal.
const SNIPPET_COLUMNS: usize = 100;

/// The columns the human format fits its snippets in (None: whole lines).
fn snippet_width(show: ShowSource) -> Option<usize> {
    if show == ShowSource::Full {
        return None;
    }
    let terminal = std::io::stdout()
        .is_terminal()
        .then(terminal_size::terminal_size)
        .flatten()
        .map(|(w, _)| usize::from(w.0));
    // Narrower than 40 columns, windows would show too little to be read: let it wrap.
    Some(terminal.map_or(SNIPPET_COLUMNS, |w| w.clamp(40, SNIPPET_COLUMNS)))
}

#[derive(Args)]
struct CheckArgs {
    /// Files or folders to lint; `-` reads stdin. Default: the current folder.
    paths: Vec<PathBuf>,
    /// Output format (see the README for each one's column unit).
    #[arg(long, value_enum, default_value = "human")]
    format: report::Format,
    /// Publication date (YYYY-MM-DD); overrides the front matter's `date:`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    /// Name to report for stdin (also picks Markdown or plain text by extension).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Read more paths to lint from FILE, one per line; `-` reads them from stdin.
    #[arg(long, value_name = "FILE|-")]
    files_from: Option<PathBuf>,
    /// Colour the human format: on a terminal unless NO_COLOR is set (auto), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Human format: show a window of each long line around its findings, fitted to the
    /// terminal (at most 100 columns), or whole lines (`full`).
    #[arg(long, value_enum, default_value = "window", value_name = "HOW")]
    show_source: ShowSource,
    /// Report only findings at or above this severity.
    #[arg(long, value_name = "LEVEL", value_parser = parse_severity, default_value = "info")]
    min_severity: Severity,
    /// Exit 1 only for errors or more than N warnings (default: any warning; infos never fail).
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Apply safe fixes to the files (stdin: print the fixed text), then report what remains.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff: apply unsafe fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every finding in FILE as the baseline (and exit 0).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "diff"])]
    write_baseline: Option<PathBuf>,
    /// Leave out files named on the command line that the config's `ignore:` matches, as
    /// folders walked leave them out (for pre-commit and editors, which name every file).
    #[arg(long)]
    force_exclude: bool,
    /// Threads for linting many files (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Print how many findings each rule has (and how many `--fix` settles) instead of the
    /// findings.
    #[arg(long, conflicts_with_all = ["format", "fix", "diff", "write_baseline"])]
    statistics: bool,
    /// Findings only: no summary line and no hints on stderr (errors and warnings still are).
    #[arg(short, long)]
    quiet: bool,
    /// Print the settings this run would use (config file, rule sets, rules, date, file
    /// selection) and exit without linting.
    #[arg(long, conflicts_with = "show_files")]
    show_settings: bool,
    /// Print the files this run would lint, one per line, and exit without linting.
    #[arg(long)]
    show_files: bool,
    #[command(flatten)]
    rules: RuleArgs,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| "expected error, warning or info".to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules(args) => list_rules(&args),
        Command::Explain { rule, rules } => explain(&rule, &rules),
        Command::TestRules { paths } => test_rules(&paths),
        Command::Lsp => factlint::lsp::run(),
        Command::Completions { shell } => completions(shell),
        Command::Man { dir } => man(dir.as_deref()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            ExitCode::from(2)
        }
    }
}

/// A setup error as the user should see it: rule-set errors are drawn over their YAML
/// (printed here; the returned message is then empty).
fn show(e: SetupError) -> String {
    match e {
        SetupError::Load(e) => {
            eprint!("{}", report::render_load_error(&e));
            String::new()
        }
        SetupError::Message(m) => m,
    }
}

fn load_rules(args: &RuleArgs) -> Result<Setup, String> {
    let opts = RuleOptions {
        rules: args.rules.clone(),
        no_default_rules: args.no_default_rules,
        config: args.config.clone(),
        no_config: args.no_config,
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    };
    let setup = run::load(&opts, &std::env::current_dir().unwrap_or_default()).map_err(show)?;
    for w in &setup.warnings {
        eprintln!("warning: {w}");
    }
    Ok(setup)
}

/// What `check` does with the findings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Report,
    Fix,
    Diff,
    WriteBaseline,
}

/// Counters for the closing lines on stderr.
#[derive(Default)]
struct Tally {
    failed: usize,
    fixed: usize,
    fixed_files: usize,
    baselined: usize,
    unsafe_left: usize,
    /// Reported findings with one safe fix, and with one unsafe fix.
    fixable: usize,
    fixable_unsafe: usize,
}

impl Tally {
    /// Counts the findings `--fix` (or `--fix --unsafe-fixes`) would settle.
    fn count_fixable(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            match fix_of(d) {
                Some(Applicability::Safe) => self.fixable += 1,
                Some(Applicability::Unsafe) => self.fixable_unsafe += 1,
                None => {}
            }
        }
    }
}

/// The applicability of the fix `--fix` would apply to `d`: one fix (alternatives are never
/// applied automatically).
fn fix_of(d: &Diagnostic) -> Option<Applicability> {
    match d.fixes.as_slice() {
        [only] => Some(only.applicability),
        _ => None,
    }
}

fn check(args: CheckArgs) -> Result<u8, String> {
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err("--unsafe-fixes applies with --fix or --diff".into());
    }
    let mode = if args.fix {
        Mode::Fix
    } else if args.diff {
        Mode::Diff
    } else if args.write_baseline.is_some() {
        Mode::WriteBaseline
    } else {
        Mode::Report
    };
    let session =
        Session::new(load_rules(&args.rules)?, args.date, args.min_severity).map_err(show)?;
    if args.show_settings {
        return show_settings(&session, &args);
    }
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        if list.as_os_str() == "-" && paths.iter().any(|p| p.as_os_str() == "-") {
            return Err("stdin cannot be both an article and the --files-from list".into());
        }
        let listed =
            run::read_list(list).map_err(|e| format!("--files-from {}: {e}", list.display()))?;
        paths.extend(listed);
    } else if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let mut walk_errors = Vec::new();
    let inputs = run::collect_inputs(
        &paths,
        args.stdin_filename.as_deref(),
        &session,
        args.force_exclude,
        &mut walk_errors,
    );
    if args.show_files {
        print_files(&inputs);
    }
    if inputs.is_empty() {
        return nothing_to_lint(&args, &paths, &walk_errors, &session.config);
    }
    if args.show_files {
        return Ok(if walk_errors.is_empty() { 0 } else { 2 });
    }
    let reads_stdin = inputs.iter().any(|i| matches!(i, Input::Stdin(_)));
    if mode == Mode::Fix && reads_stdin && inputs.len() > 1 {
        return Err("--fix on stdin prints the fixed text, so stdin must be the only input".into());
    }
    let stdin_text = if reads_stdin {
        Some(
            source::read_stdin()
                .map_err(|e| format!("<stdin>: {e}"))?
                .text,
        )
    } else {
        None
    };
    let baseline = match &args.baseline {
        Some(p) => Some(Baseline::load(p)?),
        None => None,
    };
    let mut baseline_writer = args.write_baseline.as_deref().map(baseline::Writer::new);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut reporter = report::reporter(
        args.format,
        &report::Options {
            color,
            width: snippet_width(args.show_source),
            quiet: args.quiet,
        },
        &session.linter.rules,
    );
    let mut statistics = args.statistics.then(Statistics::default);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // Findings go to stdout unless stdout carries a diff or the fixed stdin text.
    let report_findings = mode == Mode::Report || (mode == Mode::Fix && !reads_stdin);
    let mut summary = Summary::default();
    let mut tally = Tally {
        failed: walk_errors.len(),
        ..Tally::default()
    };
    for e in &walk_errors {
        eprintln!("error: {e}");
    }
    let fix_mode = match mode {
        Mode::Fix | Mode::Diff => FixMode::On {
            unsafe_fixes: args.unsafe_fixes,
        },
        _ => FixMode::Off,
    };
    let work = |i: &Input| {
        (
            i.name(),
            run::process(&session, i, stdin_text.as_deref(), fix_mode),
        )
    };
    let sink = |(name, result): (String, Result<Linted, String>)| -> Result<(), String> {
        let mut linted = match result {
            Ok(l) => l,
            Err(e) => {
                tally.failed += 1;
                let _ = out.flush();
                eprintln!("error: {name}: {e}");
                return Ok(());
            }
        };
        summary.files += 1;
        let (text, mut diags) = settle(&mut linted, mode, &mut out, &mut tally)?;
        if let Some(w) = &mut baseline_writer {
            w.add(linted.input.path(), &name, &text, &diags);
            return Ok(());
        }
        if let Some(b) = &baseline {
            tally.baselined += b.filter(linted.input.path(), &name, &text, &mut diags);
        }
        summary.add(&diags);
        // The hint is for people: the formats they read.
        if mode == Mode::Report
            && matches!(args.format, report::Format::Human | report::Format::Short)
        {
            tally.count_fixable(&diags);
        }
        if let Some(s) = &mut statistics {
            s.add(&diags);
        } else if report_findings {
            // Positions are only looked up for findings.
            let lines = LineIndex::new(if diags.is_empty() { "" } else { &text });
            let file = FileResult {
                path: &name,
                text: &text,
                lines: &lines,
                diagnostics: &diags,
            };
            reporter.file(&mut out, &file).map_err(|e| e.to_string())?;
        }
        Ok(())
    };
    run::for_each(&inputs, args.threads.unwrap_or(0), work, sink)?;
    summary.failed_files = tally.failed;
    if let Some(s) = &statistics {
        s.print(&mut out).map_err(|e| e.to_string())?;
    }
    if report_findings {
        reporter
            .finish(&mut out, &summary)
            .map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    closing_lines(
        mode,
        &summary,
        &tally,
        baseline_writer,
        args.write_baseline.as_deref(),
        args.quiet,
    )?;
    // Infos are advice (house style): shown, never failing a run.
    let gate = summary.errors > 0
        || summary.warnings > args.max_warnings.unwrap_or(0)
        || (mode == Mode::Diff && tally.fixed > 0);
    Ok(if tally.failed > 0 {
        2
    } else if mode == Mode::WriteBaseline || !gate {
        0
    } else {
        1
    })
}

/// Applies one file's fix outcome for the mode (writes the file, prints the diff or the fixed
/// stdin text) and returns the text and findings to report.
fn settle(
    l: &mut Linted,
    mode: Mode,
    out: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(String, Vec<factlint::diagnostic::Diagnostic>), String> {
    let name = l.input.name();
    let Some(o) = &l.fix else {
        if mode == Mode::Fix && matches!(l.input, Input::Stdin(_)) {
            out.write_all(l.original.as_bytes())
                .map_err(|e| e.to_string())?;
        }
        return Ok((
            std::mem::take(&mut l.original),
            std::mem::take(&mut l.diagnostics),
        ));
    };
    for s in &o.overlaps {
        if let fix::SkipReason::Overlaps(first) = &s.reason {
            eprintln!(
                "note: {name}:{}: the fix for {} overlapped the fix for {first}; \
                 applied {first}'s first, then linted again",
                s.line, s.rule
            );
        }
    }
    if !o.converged {
        eprintln!(
            "warning: {name}: fixes did not settle after {} passes; check the result",
            fix::MAX_PASSES
        );
    }
    tally.unsafe_left += o
        .unapplied
        .iter()
        .filter(|s| s.reason == fix::SkipReason::Unsafe)
        .count();
    let changed = o.changed(&l.original);
    match (mode, &l.input) {
        (Mode::Diff, _) if changed => {
            out.write_all(fix::unified_diff(&name, &l.original, &o.text).as_bytes())
                .map_err(|e| e.to_string())?;
        }
        (Mode::Fix, Input::Stdin(_)) => {
            out.write_all(o.text.as_bytes())
                .map_err(|e| e.to_string())?;
        }
        (Mode::Fix, Input::File(path)) if changed => {
            let written = if l.transcoded {
                Err(fix::WriteError::Transcoded)
            } else {
                fix::write_atomic(path, l.original.as_bytes(), o.text.as_bytes())
            };
            if let Err(e) = written {
                tally.failed += 1;
                eprintln!("error: {name}: {e}");
                return Ok((l.original.clone(), l.diagnostics.clone()));
            }
        }
        _ => {}
    }
    if changed {
        tally.fixed += o.applied;
        tally.fixed_files += 1;
    }
    Ok((o.text.clone(), o.remaining.clone()))
}

fn closing_lines(
    mode: Mode,
    summary: &Summary,
    tally: &Tally,
    writer: Option<baseline::Writer>,
    target: Option<&Path>,
    quiet: bool,
) -> Result<(), String> {
    if quiet {
        return writer.map_or(Ok(()), |w| w.write());
    }
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    match (tally.fixable, tally.fixable_unsafe) {
        (0, 0) => {}
        (0, u) => eprintln!("factlint: {u} fixable with --fix --unsafe-fixes"),
        (n, 0) => eprintln!("factlint: {n} fixable with --fix"),
        (n, u) => eprintln!("factlint: {n} fixable with --fix ({u} more with --unsafe-fixes)"),
    }
    match mode {
        Mode::Fix => eprintln!(
            "factlint: fixed {} in {}; {} remaining",
            plural(tally.fixed, "finding"),
            plural(tally.fixed_files, "file"),
            summary.total()
        ),
        Mode::Diff => eprintln!(
            "factlint: would fix {} in {}",
            plural(tally.fixed, "finding"),
            plural(tally.fixed_files, "file")
        ),
        _ => {}
    }
    if tally.unsafe_left > 0 {
        let n = tally.unsafe_left;
        let es = if n == 1 { "" } else { "es" };
        eprintln!("factlint: {n} more fix{es} available with --unsafe-fixes");
    }
    if tally.baselined > 0 {
        eprintln!(
            "factlint: {} in the baseline not reported",
            plural(tally.baselined, "finding")
        );
    }
    if let (Some(w), Some(target)) = (writer, target) {
        let n = w.len();
        w.write()?;
        eprintln!(
            "factlint: wrote a baseline of {} to {}",
            plural(n, "finding"),
            target.display()
        );
    }
    Ok(())
}

fn list_rules(args: &RuleArgs) -> Result<u8, String> {
    print_rules(&load_rules(args)?.rules, "");
    Ok(0)
}

/// One line per rule: id, kind, severity, source, and "(off)".
fn print_rules(rules: &[Rule], indent: &str) {
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let kind_width = rules
        .iter()
        .map(|r| r.kind.doc.name.len())
        .max()
        .unwrap_or(0);
    for r in rules {
        let state = if r.enabled { "" } else { " (off)" };
        println!(
            "{indent}{:width$}  {:kind_width$}  {:8} {}{state}",
            r.id,
            r.kind.doc.name,
            r.severity.as_str(),
            r.source
        );
    }
}

fn explain(name: &str, args: &RuleArgs) -> Result<u8, String> {
    let rules = load_rules(args)?.rules;
    let rule = rules
        .iter()
        .find(|r| r.id == name || r.id.ends_with(&format!(".{name}")));
    let kind = match rule {
        Some(r) => r.kind,
        None => factlint::checks::kind(name)
            .ok_or_else(|| format!("no rule or rule kind named `{name}` (see `factlint rules`)"))?,
    };
    let d = &kind.doc;
    if let Some(r) = rule {
        println!(
            "{} ({}, kind `{}`, from {})",
            r.id,
            r.severity.as_str(),
            d.name,
            r.source
        );
        if let Some(desc) = &r.description {
            println!("{desc}");
        }
    } else {
        println!("rule kind `{}`", d.name);
    }
    println!(
        "\n## What it checks\n{}\n\n## Why it matters\n{}\n",
        d.what, d.why
    );
    // A rule's own examples (run by `test-rules`); the kind's fit the kind's sample config.
    let (bad, good) = match rule {
        Some(r) => r.examples(),
        None => (vec![d.bad], vec![d.good]),
    };
    println!("## Examples");
    for (label, texts) in [("Reported:    ", bad), ("Not reported:", good)] {
        for t in texts {
            println!("{label} {}", t.replace('\n', "\n              "));
        }
    }
    println!();
    println!(
        "## Configuration\n{}\n\n## Fix safety\n{}",
        d.config, d.fix_safety
    );
    Ok(0)
}

fn test_rules(paths: &[PathBuf]) -> Result<u8, String> {
    let rules: Vec<Rule> = if paths.is_empty() {
        let mut rules = ruleset::load_builtin();
        rules.extend(factlint::meta_rules::rules());
        rules
    } else {
        let mut all = Vec::new();
        for p in paths {
            all.extend(ruleset::load_path(p).map_err(|e| show(SetupError::Load(e)))?);
        }
        all
    };
    let mut failures = 0;
    let mut checked = 0;
    // Each rule is tested alone, so other rules' findings cannot mask or fake a result.
    let linter = Linter::new(rules);
    for rule in &linter.rules {
        let date = Some(jiff::civil::date(2019, 11, 9));
        for (text, should_fire) in rule
            .examples
            .bad
            .iter()
            .map(|t| (t, true))
            .chain(rule.examples.good.iter().map(|t| (t, false)))
        {
            checked += 1;
            let fired = linter
                .lint_text_with_rule(text, date, &rule.id)
                .iter()
                .any(|d| d.rule == rule.id);
            if fired != should_fire {
                failures += 1;
                let what = if should_fire {
                    "bad example not reported"
                } else {
                    "good example reported"
                };
                println!("FAIL {}: {what}: {text:?}", rule.id);
            }
        }
    }
    println!(
        "test-rules: {} rules, {checked} examples, {failures} failed",
        linter.rules.len()
    );
    Ok(if failures > 0 { 1 } else { 0 })
}

/// `check --statistics`: findings per rule.
#[derive(Default)]
struct Statistics {
    /// rule → (severity, findings, with a safe fix, with an unsafe fix)
    rules: BTreeMap<String, (Severity, usize, usize, usize)>,
}

impl Statistics {
    fn add(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            let e = self
                .rules
                .entry(d.rule.clone())
                .or_insert((d.severity, 0, 0, 0));
            e.1 += 1;
            match fix_of(d) {
                Some(Applicability::Safe) => e.2 += 1,
                Some(Applicability::Unsafe) => e.3 += 1,
                None => {}
            }
        }
    }

    /// One line per rule, the most frequent first: count, rule, severity, fixable counts.
    fn print(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut rows: Vec<_> = self.rules.iter().collect();
        rows.sort_by_key(|(rule, s)| (std::cmp::Reverse(s.1), rule.as_str()));
        let width = rows.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        let count_width = rows.iter().map(|(_, s)| s.1.to_string().len()).max();
        let count_width = count_width.unwrap_or(1);
        for (rule, (severity, n, safe, unsafe_)) in rows {
            let mut fixable = Vec::new();
            if *safe > 0 {
                fixable.push(format!("{safe} fixable"));
            }
            if *unsafe_ > 0 {
                fixable.push(format!("{unsafe_} with --unsafe-fixes"));
            }
            let line = format!(
                "{n:>count_width$}  {rule:width$}  {:8} {}",
                severity.as_str(),
                fixable.join(", ")
            );
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

/// `check --show-settings`: what this run would use, without linting.
fn show_settings(session: &Session, args: &CheckArgs) -> Result<u8, String> {
    let config = &session.config;
    let rules = &session.linter.rules;
    let list = |v: &[String], none: &str| {
        if v.is_empty() {
            none.to_string()
        } else {
            v.join(", ")
        }
    };
    let mut sources: Vec<&str> = Vec::new();
    for r in rules {
        if !sources.contains(&r.source.as_str()) {
            sources.push(&r.source);
        }
    }
    let date = match (session.date, args.date) {
        (Some(d), Some(_)) => format!("{d} (--date)"),
        (Some(d), None) => format!("{d} (the config's `date:`), unless an article has its own"),
        (None, _) => "each article's front matter `date:`; none without one".into(),
    };
    let extensions = if config.extensions.is_empty() {
        "md, markdown, txt".to_string()
    } else {
        config.extensions.join(", ")
    };
    let on = rules.iter().filter(|r| r.enabled).count();
    let config_file = config
        .path
        .as_ref()
        .map_or("none".into(), |p| p.display().to_string());
    let max_warnings = args.max_warnings.map_or("none".into(), |n| n.to_string());
    println!("config file:   {config_file}");
    println!("rule sets:     {}", sources.join(", "));
    println!("date:          {date}");
    println!("min severity:  {}", args.min_severity.as_str());
    println!("max warnings:  {max_warnings}");
    println!("extensions:    {extensions}");
    println!("ignore:        {}", list(&config.ignore, "none"));
    println!("accept:        {}", list(&config.accept, "none"));
    for (glob, ids) in &config.ignore_rules {
        println!("ignore rules:  {glob}: {}", ids.join(", "));
    }
    println!("rules:         {on} on, {} off", rules.len() - on);
    print_rules(rules, "  ");
    Ok(0)
}

/// `check --show-files`: the files the run would lint, in the order it lints them.
fn print_files(inputs: &[Input]) {
    for i in inputs {
        println!("{}", i.name());
    }
}

/// Nothing to lint. An error (exit 2) when factlint walked the paths itself: a CI job pointed
/// at the wrong folder, or at `.mdx` files, would otherwise pass without a word. An empty
/// `--files-from` list is the caller's own "nothing to do" (e.g. no article changed in this
/// commit): exit 0, with a note.
fn nothing_to_lint(
    args: &CheckArgs,
    paths: &[PathBuf],
    walk_errors: &[String],
    config: &Config,
) -> Result<u8, String> {
    for e in walk_errors {
        eprintln!("error: {e}");
    }
    if args.files_from.is_some() && args.paths.is_empty() {
        if !args.quiet {
            eprintln!("factlint: the --files-from list names no file; nothing to lint");
        }
        return Ok(if walk_errors.is_empty() { 0 } else { 2 });
    }
    let extensions: Vec<String> = if config.extensions.is_empty() {
        vec!["md".into(), "markdown".into(), "txt".into()]
    } else {
        config.extensions.clone()
    };
    let names: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    let dots: Vec<String> = extensions
        .iter()
        .map(|e| format!(".{}", e.trim_start_matches('.')))
        .collect();
    Err(format!(
        "nothing to lint: no {} file in {} (files ignored by .gitignore, .ignore or the \
         config's `ignore:` are skipped); name the files, or set `extensions:` in the config",
        dots.join(", "),
        names.join(", ")
    ))
}

/// `factlint completions SHELL`.
fn completions(shell: clap_complete::Shell) -> Result<u8, String> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "factlint", &mut std::io::stdout());
    Ok(0)
}

/// `factlint man [--dir DIR]`.
fn man(dir: Option<&Path>) -> Result<u8, String> {
    use clap::CommandFactory;
    let cmd = Cli::command();
    match dir {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            clap_mangen::generate_to(cmd, dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(0)
}
