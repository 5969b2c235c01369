//! `factlint check`: lint articles, report, fix, diff or write a baseline, and say what the
//! exit status is. The binary parses the flags into [`CheckOptions`]; everything else is here,
//! where tests can reach it without starting a process.

use super::rules::print_rules;
use crate::baseline::{self, Baseline};
use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::fix;
use crate::report::{self, FileResult, Summary};
use crate::run::{self, FixMode, Input, Linted, RuleOptions, Session, Setup};
use crate::source::{self, LineIndex};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `factlint check` was asked to do (the flags, parsed).
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Files or folders; `-` is stdin. Empty: the current folder (unless `files_from`).
    pub paths: Vec<PathBuf>,
    pub format: report::Format,
    /// `--date`: overrides every article's own publication date.
    pub date: Option<jiff::civil::Date>,
    pub stdin_filename: Option<String>,
    pub files_from: Option<PathBuf>,
    pub color: bool,
    /// Columns the human format fits snippets in (None: whole lines).
    pub width: Option<usize>,
    pub min_severity: Severity,
    pub max_warnings: Option<usize>,
    pub fix: bool,
    pub unsafe_fixes: bool,
    pub diff: bool,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    pub force_exclude: bool,
    pub threads: Option<usize>,
    pub statistics: bool,
    pub quiet: bool,
    pub show_settings: bool,
    pub show_files: bool,
    pub rules: RuleOptions,
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

/// Runs `check` with loaded rules; the exit status (0 clean, 1 a warning or an error, 2 a
/// file could not be linted), or the message of an error that stopped the run.
pub fn check(setup: Setup, args: &CheckOptions) -> Result<u8, String> {
    let mode = mode_of(args)?;
    let mut session =
        Session::new(setup, args.date, args.min_severity).map_err(|e| e.to_string())?;
    if args.show_settings {
        return show_settings(&session, args);
    }
    let paths = paths_to_lint(args)?;
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
        return nothing_to_lint(args, &paths, &walk_errors, &session.config);
    }
    if args.show_files {
        return Ok(if walk_errors.is_empty() { 0 } else { 2 });
    }
    let reads_stdin = inputs.iter().any(|i| matches!(i, Input::Stdin(_)));
    if mode == Mode::Fix && reads_stdin && inputs.len() > 1 {
        return Err("--fix on stdin prints the fixed text, so stdin must be the only input".into());
    }
    let stdin_text = match reads_stdin {
        true => Some(
            source::read_stdin()
                .map_err(|e| format!("<stdin>: {e}"))?
                .text,
        ),
        false => None,
    };
    for e in &walk_errors {
        eprintln!("error: {e}");
    }
    if session.config.archive_evidence {
        let learned = super::names::learn_inputs(&session.linter, &inputs, args.threads)?;
        session
            .linter
            .rules
            .push(crate::checks::archive::rule(&learned));
    }
    let mut output = Output::new(args, &session, mode, reads_stdin, walk_errors.len())?;
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
    run::for_each(
        &inputs,
        args.threads.unwrap_or(0),
        work,
        |(name, result)| output.file(&name, result),
    )?;
    output.finish(args)
}

/// What `check` does with the findings, from the flags.
fn mode_of(args: &CheckOptions) -> Result<Mode, String> {
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err("--unsafe-fixes applies with --fix or --diff".into());
    }
    Ok(if args.fix {
        Mode::Fix
    } else if args.diff {
        Mode::Diff
    } else if args.write_baseline.is_some() {
        Mode::WriteBaseline
    } else {
        Mode::Report
    })
}

/// The paths named, plus those of `--files-from`; the current folder when none is.
fn paths_to_lint(args: &CheckOptions) -> Result<Vec<PathBuf>, String> {
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
    Ok(paths)
}

/// Where each linted file's outcome goes: the reporter, the baseline, the statistics, and the
/// counts for the closing lines and the exit status. Fed on the calling thread, in input order.
struct Output {
    mode: Mode,
    format: report::Format,
    reporter: Box<dyn report::Reporter>,
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    baseline: Option<Baseline>,
    baseline_writer: Option<baseline::Writer>,
    statistics: Option<Statistics>,
    /// Findings go to stdout unless stdout carries a diff or the fixed stdin text.
    report_findings: bool,
    summary: Summary,
    tally: Tally,
}

impl Output {
    fn new(
        args: &CheckOptions,
        session: &Session,
        mode: Mode,
        reads_stdin: bool,
        failed: usize,
    ) -> Result<Output, String> {
        let baseline = match &args.baseline {
            Some(p) => Some(Baseline::load(p)?),
            None => None,
        };
        let reporter = report::reporter(
            args.format,
            &report::Options {
                color: args.color,
                width: args.width,
                quiet: args.quiet,
            },
            &session.linter.rules,
        );
        Ok(Output {
            mode,
            format: args.format,
            reporter,
            out: std::io::BufWriter::new(std::io::stdout().lock()),
            baseline,
            baseline_writer: args.write_baseline.as_deref().map(baseline::Writer::new),
            statistics: args.statistics.then(Statistics::default),
            report_findings: mode == Mode::Report || (mode == Mode::Fix && !reads_stdin),
            summary: Summary::default(),
            tally: Tally {
                failed,
                ..Tally::default()
            },
        })
    }

    /// One file's outcome, in input order.
    fn file(&mut self, name: &str, result: Result<Linted, String>) -> Result<(), String> {
        let mut linted = match result {
            Ok(l) => l,
            Err(e) => {
                self.tally.failed += 1;
                let _ = self.out.flush();
                eprintln!("error: {name}: {e}");
                return Ok(());
            }
        };
        self.summary.files += 1;
        let (text, mut diags) = settle(&mut linted, self.mode, &mut self.out, &mut self.tally)?;
        if let Some(w) = &mut self.baseline_writer {
            w.add(linted.input.path(), name, &text, &diags);
            return Ok(());
        }
        if let Some(b) = &self.baseline {
            self.tally.baselined += b.filter(linted.input.path(), name, &text, &mut diags);
        }
        self.summary.add(&diags);
        // The hint is for people: the formats they read.
        if self.mode == Mode::Report
            && matches!(self.format, report::Format::Human | report::Format::Short)
        {
            self.tally.count_fixable(&diags);
        }
        if let Some(s) = &mut self.statistics {
            s.add(&diags);
        } else if self.report_findings {
            // Positions are only looked up for findings.
            let lines = LineIndex::new(if diags.is_empty() { "" } else { &text });
            let file = FileResult {
                path: name,
                text: &text,
                lines: &lines,
                diagnostics: &diags,
            };
            self.reporter
                .file(&mut self.out, &file)
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// The summary, the closing lines on stderr, and the exit status.
    fn finish(mut self, args: &CheckOptions) -> Result<u8, String> {
        self.summary.failed_files = self.tally.failed;
        if let Some(s) = &self.statistics {
            s.print(&mut self.out).map_err(|e| e.to_string())?;
        }
        if self.report_findings {
            self.reporter
                .finish(&mut self.out, &self.summary)
                .map_err(|e| e.to_string())?;
        }
        self.out.flush().map_err(|e| e.to_string())?;
        closing_lines(
            self.mode,
            &self.summary,
            &self.tally,
            self.baseline_writer,
            args.write_baseline.as_deref(),
            args.quiet,
        )?;
        // Infos are advice (house style): shown, never failing a run.
        let gate = self.summary.errors > 0
            || self.summary.warnings > args.max_warnings.unwrap_or(0)
            || (self.mode == Mode::Diff && self.tally.fixed > 0);
        Ok(if self.tally.failed > 0 {
            2
        } else if self.mode == Mode::WriteBaseline || !gate {
            0
        } else {
            1
        })
    }
}

/// Applies one file's fix outcome for the mode (writes the file, prints the diff or the fixed
/// stdin text) and returns the text and findings to report.
fn settle(
    l: &mut Linted,
    mode: Mode,
    out: &mut dyn Write,
    tally: &mut Tally,
) -> Result<(String, Vec<Diagnostic>), String> {
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
fn show_settings(session: &Session, args: &CheckOptions) -> Result<u8, String> {
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
    let date = match (session.date, session.linter.fallback_date) {
        (Some(d), _) => format!("{d} (--date)"),
        (None, Some(d)) => format!(
            "each article's front matter `date:` or dateline; else {d} (the config's `date:`)"
        ),
        (None, None) => "each article's front matter `date:` or dateline; none without one".into(),
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
    args: &CheckOptions,
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
