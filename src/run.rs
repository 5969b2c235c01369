//! One lint run, shared by the command line and the language server: load rule sets and the
//! config, collect the articles to lint, and lint (and fix) one article at a time.

use crate::diagnostic::Diagnostic;
use crate::fix;
use crate::source;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

// Settings are resolved in one place for the command line and the editor.
pub use crate::settings::{RuleOptions, Session, Setup, SetupError, load};

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
/// With `force_exclude` (ruff's `--force-exclude`), a file named explicitly is left out too
/// when the config's `ignore:` matches it, as pre-commit names every changed file.
pub fn collect_inputs(
    paths: &[PathBuf],
    stdin_name: Option<&str>,
    session: &Session,
    force_exclude: bool,
    errors: &mut Vec<String>,
) -> Vec<Input> {
    let config = &session.config;
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
            if !(force_exclude && session.is_excluded(p)) {
                inputs.push(Input::File(p.clone()));
            }
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
    use crate::diagnostic::Severity;

    /// The built-in rules, no config, reporting from `min` up.
    fn session_from(min: Severity) -> Session {
        let setup = load(
            &RuleOptions {
                no_config: true,
                ..Default::default()
            },
            Path::new("."),
        )
        .unwrap();
        Session::new(setup, None, min).unwrap()
    }

    fn session() -> Session {
        session_from(Severity::Info)
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
        let s = session_from(Severity::Error);
        assert!(s.lint("a.md", None, "the the".into()).1.is_empty());
    }
}
