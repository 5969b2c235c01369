//! `factlint names learn`: the names a newsroom's articles use consistently, as a desk rule set
//! (kind `entities`) with their counts and dates; `--merge` adds up learned sets, so an archive
//! learned in shards (each with `--min-articles 1`) is reduced to one.

use crate::Linter;
use crate::checks::support::known::Entity;
use crate::diagnostic::Severity;
use crate::learn::{Learned, article_names};
use crate::run::{self, Input};
use crate::settings::{Session, Setup};
use crate::source;
use serde::Deserialize;
use std::path::PathBuf;

/// What `factlint names learn` was asked to do.
#[derive(Debug, Clone)]
pub struct LearnOptions {
    /// Folders or files of articles; with `merge`, learned rule sets.
    pub paths: Vec<PathBuf>,
    pub merge: bool,
    /// Where to write the rule set (None: stdout).
    pub output: Option<PathBuf>,
    /// A name is listed when at least this many articles use it.
    pub min_articles: u32,
    pub threads: Option<usize>,
}

/// Runs `names learn`; exit status 0, or the message of what stopped it (exit 2).
pub fn learn(setup: Setup, o: &LearnOptions) -> Result<u8, String> {
    if o.min_articles == 0 {
        return Err("--min-articles must be 1 or more".into());
    }
    let (learned, origin) = if o.merge {
        merge(&o.paths)?
    } else {
        let session = Session::new(setup, None, Severity::Info).map_err(|e| e.to_string())?;
        (
            read_articles(&session, &o.paths, o.threads)?,
            origin(&o.paths),
        )
    };
    let yaml = learned.to_rule_set(o.min_articles, &origin);
    let listed = learned.frequent(o.min_articles).len();
    match &o.output {
        Some(path) => std::fs::write(path, &yaml)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => print!("{yaml}"),
    }
    eprintln!(
        "factlint: {}{}",
        crate::learn::summary(listed, o.min_articles, learned.articles),
        o.output
            .as_ref()
            .map_or(String::new(), |p| format!(", written to {}", p.display()))
    );
    Ok(0)
}

fn origin(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Learns every article under `paths` (the config's extensions and ignores apply); an
/// unreadable article stops the run, as a partial count would mislead the desk.
fn read_articles(
    session: &Session,
    paths: &[PathBuf],
    threads: Option<usize>,
) -> Result<Learned, String> {
    for p in paths {
        if p.as_os_str() == "-" {
            return Err("names learn reads files and folders, not stdin".into());
        }
        if !p.exists() {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    let mut errors = Vec::new();
    let inputs = run::collect_inputs(paths, None, session, false, &mut errors);
    if let Some(e) = errors.first() {
        return Err(e.clone());
    }
    if inputs.is_empty() {
        return Err(format!("no articles under {}", origin(paths)));
    }
    learn_from(&session.linter, &inputs, threads, true)
}

/// Learns the names of the articles `check` was given (`archive_evidence`); stdin and
/// unreadable files are left to the check itself, which reports them.
pub fn learn_inputs(
    linter: &Linter,
    inputs: &[Input],
    threads: Option<usize>,
) -> Result<Learned, String> {
    learn_from(linter, inputs, threads, false)
}

fn learn_from(
    linter: &Linter,
    inputs: &[Input],
    threads: Option<usize>,
    strict: bool,
) -> Result<Learned, String> {
    let mut learned = Learned::default();
    let work = |i: &Input| -> Result<Option<_>, String> {
        let Input::File(path) = i else {
            return Ok(None);
        };
        match source::read_path(path) {
            Ok(d) => Ok(Some(article_names(linter, &i.name(), d.text))),
            Err(e) if strict => Err(format!("{}: {e}", path.display())),
            Err(_) => Ok(None),
        }
    };
    run::for_each(inputs, threads.unwrap_or(0), work, |r| {
        if let Some(article) = r? {
            learned.add_article(&article);
        }
        Ok::<(), String>(())
    })?;
    Ok(learned)
}

/// A learned rule set, as `--merge` reads it.
#[derive(Deserialize)]
struct LearnedSet {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    rules: Vec<LearnedRule>,
}

#[derive(Deserialize)]
struct LearnedRule {
    kind: String,
    #[serde(default)]
    entities: Vec<Entity>,
}

/// Adds up learned rule sets: articles and counts summed, dates widened.
fn merge(paths: &[PathBuf]) -> Result<(Learned, String), String> {
    let mut learned = Learned::default();
    for path in paths {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        // A learned set is a rule set: the loader's errors say where it is wrong.
        crate::ruleset::parse(&shown.to_string(), &text).map_err(|e| e.to_string())?;
        let set: LearnedSet =
            crate::yaml::from_str(&text).map_err(|e| format!("{shown}: {}", e.message))?;
        learned.articles += set
            .description
            .as_deref()
            .and_then(|d| d.strip_prefix("names learned from "))
            .and_then(|d| d.strip_suffix(" articles"))
            .and_then(|n| n.parse::<u32>().ok())
            .ok_or_else(|| {
                format!(
                    "{shown}: not written by `factlint names learn` (its description does not \
                     say how many articles it was learned from)"
                )
            })?;
        for rule in set.rules.iter().filter(|r| r.kind == "entities") {
            for e in &rule.entities {
                learned.add_entity(e).map_err(|m| format!("{shown}: {m}"))?;
            }
        }
    }
    let n = paths.len();
    Ok((learned, format!("{n} learned rule sets merged")))
}
