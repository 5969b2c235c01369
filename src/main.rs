//! The command line: parse arguments, call the library, map results to exit codes
//! (0 nothing reported, 1 something reported, 2 factlint could not do its job).

use clap::{Args, Parser, Subcommand, ValueEnum};
use factlint::Linter;
use factlint::config::Config;
use factlint::diagnostic::Severity;
use factlint::document::{Document, Format as DocFormat};
use factlint::report::{self, FileResult, Summary};
use factlint::ruleset::{self, LoadError, Rule};
use factlint::source::{self, LineIndex};
use rayon::prelude::*;
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
        /// Rule-set files or folders (default: the built-in sets).
        paths: Vec<PathBuf>,
    },
    /// Run a language server on stdin/stdout, for editors (see docs/editors.md).
    Lsp,
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
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or folders to lint; `-` reads stdin. Default: the current folder.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: report::Format,
    /// Publication date (YYYY-MM-DD); overrides the front matter's `date:`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    /// Name to report for stdin (also picks Markdown or plain text by extension).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Report only findings at or above this severity.
    #[arg(long, value_name = "LEVEL", value_parser = parse_severity, default_value = "info")]
    min_severity: Severity,
    /// Threads for linting many files (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
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

/// Prints a rule-set error like a diagnostic over the YAML, then returns an empty error.
fn render_load_error(e: &LoadError) -> String {
    use codespan_reporting::diagnostic as cs;
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, termcolor};
    if let (Some(text), Some(offset)) = (&e.text, e.offset) {
        let (line, col) = e.line_col().unwrap_or((0, 0));
        let file = SimpleFile::new(e.path.as_str(), text.as_str());
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |n| offset + n)
            .max(offset);
        let diag = cs::Diagnostic::error()
            .with_code("rule-set")
            .with_message(format!("{}:{line}:{col}: {}", e.path, e.message))
            .with_labels(vec![
                cs::Label::primary((), offset..end).with_message("here"),
            ]);
        let mut buf = termcolor::Buffer::no_color();
        if term::emit_to_write_style(&mut buf, &term::Config::default(), &file, &diag).is_ok() {
            let _ = std::io::stderr().write_all(buf.as_slice());
            return String::new();
        }
    }
    e.to_string()
}

/// Loads built-in sets, config sets and `--rules` sets, then applies the config.
fn load_rules(args: &RuleArgs) -> Result<(Vec<Rule>, Config), String> {
    let config = if args.no_config {
        Config::default()
    } else {
        let path = args
            .config
            .clone()
            .or_else(|| Config::discover(&std::env::current_dir().unwrap_or_default()));
        match path {
            Some(p) => Config::load(&p).map_err(|e| render_load_error(&e))?,
            None => Config::default(),
        }
    };
    let mut rules = if args.no_default_rules || config.default_rules == Some(false) {
        Vec::new()
    } else {
        ruleset::load_builtin()
    };
    for path in config.rule_paths().iter().chain(&args.rules) {
        rules.extend(ruleset::load_path(path).map_err(|e| render_load_error(&e))?);
    }
    let mut seen = std::collections::HashSet::new();
    for r in &rules {
        if !seen.insert(r.id.clone()) {
            return Err(format!(
                "rule `{}` is defined twice (second time in {})",
                r.id, r.source
            ));
        }
    }
    for unknown in config.apply(&mut rules) {
        eprintln!("warning: config names `{unknown}`, which matches no loaded rule");
    }
    Ok((rules, config))
}

enum Input {
    Stdin(String),
    File(PathBuf),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin(n) => n.clone(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// Expands folders (honouring .gitignore/.ignore and config `ignore:`) into article files.
fn collect_inputs(args: &CheckArgs, config: &Config, errors: &mut Vec<String>) -> Vec<Input> {
    let extensions: Vec<String> = if config.extensions.is_empty() {
        vec!["md".into(), "markdown".into(), "txt".into()]
    } else {
        config
            .extensions
            .iter()
            .map(|e| e.trim_start_matches('.').to_lowercase())
            .collect()
    };
    let mut ignore =
        ignore::overrides::OverrideBuilder::new(if config.dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &config.dir
        });
    for glob in &config.ignore {
        let _ = ignore.add(&format!("!{glob}"));
    }
    let overrides = ignore.build().ok();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin(
                args.stdin_filename
                    .clone()
                    .unwrap_or_else(|| "<stdin>".into()),
            ));
            continue;
        }
        if !p.is_dir() {
            inputs.push(Input::File(p));
            continue;
        }
        let mut walker = ignore::WalkBuilder::new(&p);
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
                        found.push(e.into_path());
                    }
                }
                Err(err) => errors.push(err.to_string()),
            }
        }
        found.sort();
        inputs.extend(found.into_iter().map(Input::File));
    }
    inputs
}

struct Linted {
    name: String,
    outcome: Result<(String, Vec<factlint::diagnostic::Diagnostic>), String>,
}

fn lint_input(
    linter: &Linter,
    input: &Input,
    date: Option<jiff::civil::Date>,
    stdin: Option<&str>,
    min: Severity,
) -> Linted {
    let name = input.name();
    let decoded = match input {
        Input::Stdin(_) => Ok(source::Decoded {
            text: stdin.unwrap_or_default().to_string(),
            transcoded: false,
        }),
        Input::File(p) => source::read_path(p),
    };
    let outcome = decoded.map_err(|e| e.to_string()).map(|d| {
        let doc = Document::parse(name.clone(), d.text, DocFormat::for_path(&name));
        let mut diags = linter.lint(&doc, date);
        diags.retain(|x| x.severity >= min);
        (doc.text, diags)
    });
    Linted { name, outcome }
}

fn check(args: CheckArgs) -> Result<u8, String> {
    let (rules, config) = load_rules(&args.rules)?;
    let date = match (args.date, &config.date) {
        (Some(d), _) => Some(d),
        (None, Some(s)) => Some(parse_date(s).map_err(|e| format!("config `date: {s}`: {e}"))?),
        _ => None,
    };
    let linter = Linter::new(rules);
    let mut walk_errors = Vec::new();
    let inputs = collect_inputs(&args, &config, &mut walk_errors);
    let stdin_text = if inputs.iter().any(|i| matches!(i, Input::Stdin(_))) {
        match source::read_stdin() {
            Ok(d) => Some(d.text),
            Err(e) => return Err(format!("<stdin>: {e}")),
        }
    } else {
        None
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut reporter = report::reporter(args.format, &report::Options { color }, &linter.rules);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut failed = walk_errors.len();
    for e in &walk_errors {
        eprintln!("error: {e}");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| e.to_string())?;
    // Lint in parallel chunk by chunk and report in input order: deterministic output,
    // bounded memory whatever the number of files.
    for chunk in inputs.chunks(256) {
        let results: Vec<Linted> = pool.install(|| {
            chunk
                .par_iter()
                .map(|i| lint_input(&linter, i, date, stdin_text.as_deref(), args.min_severity))
                .collect()
        });
        for r in results {
            match r.outcome {
                Ok((text, diags)) => {
                    summary.files += 1;
                    for d in &diags {
                        match d.severity {
                            Severity::Error => summary.errors += 1,
                            Severity::Warning => summary.warnings += 1,
                            Severity::Info => summary.infos += 1,
                        }
                    }
                    let lines = LineIndex::new(&text);
                    let file = FileResult {
                        path: &r.name,
                        text: &text,
                        lines: &lines,
                        diagnostics: &diags,
                    };
                    reporter.file(&mut out, &file).map_err(|e| e.to_string())?;
                }
                Err(e) => {
                    failed += 1;
                    let _ = out.flush();
                    eprintln!("error: {}: {e}", r.name);
                }
            }
        }
    }
    summary.failed_files = failed;
    reporter
        .finish(&mut out, &summary)
        .map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(if failed > 0 {
        2
    } else if summary.errors + summary.warnings + summary.infos > 0 {
        1
    } else {
        0
    })
}

fn list_rules(args: &RuleArgs) -> Result<u8, String> {
    let (rules, _) = load_rules(args)?;
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in &rules {
        let state = if r.enabled { "" } else { " (off)" };
        println!(
            "{:width$}  {:16} {:8} {}{state}",
            r.id,
            r.kind.doc.name,
            r.severity.as_str(),
            r.source
        );
    }
    Ok(0)
}

fn explain(name: &str, args: &RuleArgs) -> Result<u8, String> {
    let (rules, _) = load_rules(args)?;
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
    println!(
        "## Example\nReported:     {}\nNot reported: {}\n",
        d.bad, d.good
    );
    if let Some(r) = rule.filter(|r| !r.examples.bad.is_empty() || !r.examples.good.is_empty()) {
        println!("## This rule's examples");
        for b in &r.examples.bad {
            println!("  bad:  {b}");
        }
        for g in &r.examples.good {
            println!("  good: {g}");
        }
        println!();
    }
    println!(
        "## Configuration\n{}\n\n## Fix safety\n{}",
        d.config, d.fix_safety
    );
    Ok(0)
}

fn test_rules(paths: &[PathBuf]) -> Result<u8, String> {
    let rules: Vec<Rule> = if paths.is_empty() {
        ruleset::load_builtin()
    } else {
        let mut all = Vec::new();
        for p in paths {
            all.extend(ruleset::load_path(p).map_err(|e| render_load_error(&e))?);
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
