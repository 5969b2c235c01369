//! The command line: parse arguments, call the library, map results to exit codes
//! (0 nothing reported, 1 something reported, 2 factlint could not do its job).

/// mimalloc: the checks make many small, short-lived allocations (words, phrases, keys), and
/// glibc's allocator took about a seventh of the time on an archive.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use factlint::commands::{self, check::CheckOptions, rules::print_rules};
use factlint::diagnostic::Severity;
use factlint::report;
use factlint::run::{self, RuleOptions, Setup, SetupError};
use std::io::IsTerminal;
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
    /// Print an article's fact sheet: names and their spellings, every figure with what it
    /// counts, its subject, time and role, vote tallies, and dates resolved.
    Facts {
        /// The article (`-` reads stdin).
        article: PathBuf,
        /// Publication date (YYYY-MM-DD); overrides the front matter's `date:` and dateline.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
        /// `human` (a table) or `json`.
        #[arg(long, value_enum, default_value = "human")]
        format: FactsFormat,
    },
    /// Names: learn the names an archive uses, as a desk rule set.
    Names {
        #[command(subcommand)]
        command: NamesCommand,
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

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FactsFormat {
    Human,
    Json,
}

#[derive(Subcommand)]
enum NamesCommand {
    /// Write a desk rule set (kind `entities`) of the names the articles under DIR use, with
    /// how many articles use each and their first and last dates, for the desk to review.
    Learn(LearnArgs),
}

#[derive(Args)]
struct LearnArgs {
    /// Folders or files of articles; with --merge, rule sets written by `names learn`.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Add up learned rule sets (an archive learned in shards, each with --min-articles 1).
    #[arg(long)]
    merge: bool,
    /// Write the rule set to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// List a name when at least N articles use it.
    #[arg(long, value_name = "N", default_value_t = 3)]
    min_articles: u32,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    #[command(flatten)]
    rules: RuleArgs,
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
        Command::Facts {
            article,
            date,
            format,
        } => facts(&article, date, format),
        Command::Names {
            command: NamesCommand::Learn(args),
        } => learn(args),
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

/// `factlint facts`: reads the article (or stdin) and prints its fact sheet.
fn facts(
    article: &std::path::Path,
    date: Option<jiff::civil::Date>,
    format: FactsFormat,
) -> Result<u8, String> {
    use std::io::Read;
    let (name, text) = if article.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("stdin: {e}"))?;
        ("-".to_string(), text)
    } else {
        let bytes = std::fs::read(article).map_err(|e| format!("{}: {e}", article.display()))?;
        (
            article.display().to_string(),
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    };
    print!(
        "{}",
        factlint::commands::facts::render(&name, text, date, format == FactsFormat::Json)
    );
    Ok(0)
}

/// `factlint check`: the flags as plain options, then the library does the work.
fn check(args: CheckArgs) -> Result<u8, String> {
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let options = CheckOptions {
        paths: args.paths,
        format: args.format,
        date: args.date,
        stdin_filename: args.stdin_filename,
        files_from: args.files_from,
        color,
        width: snippet_width(args.show_source),
        min_severity: args.min_severity,
        max_warnings: args.max_warnings,
        fix: args.fix,
        unsafe_fixes: args.unsafe_fixes,
        diff: args.diff,
        baseline: args.baseline,
        write_baseline: args.write_baseline,
        force_exclude: args.force_exclude,
        threads: args.threads,
        statistics: args.statistics,
        quiet: args.quiet,
        show_settings: args.show_settings,
        show_files: args.show_files,
        rules: rule_options(&args.rules),
    };
    factlint::commands::check::check(load_rules(&args.rules)?, &options)
}

/// `factlint names learn`.
fn learn(args: LearnArgs) -> Result<u8, String> {
    let options = factlint::commands::names::LearnOptions {
        paths: args.paths,
        merge: args.merge,
        output: args.output,
        min_articles: args.min_articles,
        threads: args.threads,
    };
    factlint::commands::names::learn(load_rules(&args.rules)?, &options)
}

fn rule_options(args: &RuleArgs) -> RuleOptions {
    RuleOptions {
        rules: args.rules.clone(),
        no_default_rules: args.no_default_rules,
        config: args.config.clone(),
        no_config: args.no_config,
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    }
}

fn load_rules(args: &RuleArgs) -> Result<Setup, String> {
    let opts = rule_options(args);
    let setup = run::load(&opts, &std::env::current_dir().unwrap_or_default()).map_err(show)?;
    for w in &setup.warnings {
        eprintln!("warning: {w}");
    }
    Ok(setup)
}

/// `factlint rules`.
fn list_rules(args: &RuleArgs) -> Result<u8, String> {
    print_rules(&load_rules(args)?.rules, "");
    Ok(0)
}

/// `factlint explain RULE`.
fn explain(name: &str, args: &RuleArgs) -> Result<u8, String> {
    let rules = load_rules(args)?.rules;
    commands::explain::explain(name, &rules, &mut std::io::stdout().lock())
}

/// `factlint test-rules [PATHS]`.
fn test_rules(paths: &[PathBuf]) -> Result<u8, String> {
    let rules = commands::test_rules::load(paths).map_err(|e| show(SetupError::Load(e)))?;
    commands::test_rules::test_rules(rules, &mut std::io::stdout().lock())
        .map_err(|e| e.to_string())
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
