//! Speed of the name checks alone on a 1,000-word article (the seed, twice, plus the desk's
//! list). Ignored by default (timing on a shared machine is noisy); run it with
//! `cargo test --release --test names_perf -- --ignored --nocapture`.

use factlint::Linter;
use factlint::document::{Document, Format};
use factlint::ruleset;
use std::time::Instant;

#[test]
#[ignore]
fn name_checks_take_well_under_a_millisecond_per_1000_words() {
    let seed = std::fs::read_to_string("tests/articles/bolivia-police.md").unwrap();
    let text = format!("{seed}\n\n{seed}\n\n{}", &seed[..seed.len() / 8]);
    let words = text.split_whitespace().count();
    let mut rules = ruleset::load_builtin();
    rules.retain(|r| r.id.starts_with("names."));
    rules.extend(
        ruleset::load_path("tests/articles/bolivia-police.knowledge.yml".as_ref()).unwrap(),
    );
    let linter = Linter::new(rules);
    let doc = Document::parse("a.md", text, Format::Markdown);
    // Everything but the checks: parse and analysis, measured with no rules.
    let bare = Linter::new(Vec::new());
    // The fastest of many short batches: the machine is shared, and interference only ever
    // adds time.
    let time = |l: &Linter| {
        for _ in 0..20 {
            l.lint(&doc, None);
        }
        (0..40)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..10 {
                    std::hint::black_box(l.lint(&doc, None));
                }
                start.elapsed().as_secs_f64() / 10.0
            })
            .fold(f64::INFINITY, f64::min)
    };
    let base = time(&bare);
    let checks = time(&linter) - base;
    if std::env::var_os("NAMES_PERF_DETAIL").is_some() {
        for id in [
            "names.consistency",
            "names.places",
            "names.diacritics",
            "desk.names",
        ] {
            let mut rules = ruleset::load_builtin();
            rules.extend(
                ruleset::load_path("tests/articles/bolivia-police.knowledge.yml".as_ref()).unwrap(),
            );
            for r in &mut rules {
                r.enabled = r.id == id || r.kind.doc.name == "entities";
            }
            let one = Linter::new(rules);
            let mut rules = ruleset::load_builtin();
            rules.extend(
                ruleset::load_path("tests/articles/bolivia-police.knowledge.yml".as_ref()).unwrap(),
            );
            for r in &mut rules {
                r.enabled = r.kind.doc.name == "entities";
            }
            let without = Linter::new(rules);
            println!("{id}: {:.3} ms", (time(&one) - time(&without)) * 1e3);
        }
    }
    println!(
        "{words} words: name checks {:.3} ms per article",
        checks * 1e3
    );
    let limit = if cfg!(debug_assertions) { 0.030 } else { 0.001 };
    assert!(checks < limit, "{:.3} ms", checks * 1e3);
}
