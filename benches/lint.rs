//! Criterion benches: one ~1,000-word article through the whole linter (default rule sets), and
//! the stages alone (document parsing, the shared analysis with its number and time extractors).
//!
//!     cargo bench --bench lint
//!
//! The article is `benches/article.md`, written by `scripts/gen_corpus.py OUT --articles 1
//! --words 1000 --seed 7` (the same one `scripts/bench.sh` times as a whole process).

use criterion::{Criterion, criterion_group, criterion_main};
use factlint::Linter;
use factlint::analysis::Analysis;
use factlint::document::{Document, Format};
use std::hint::black_box;

const ARTICLE: &str = include_str!("article.md");
const REAL: &str = include_str!("../tests/articles/bolivia-police.md");

fn lint(c: &mut Criterion) {
    let linter = Linter::with_default_rules();
    let date = Some(jiff::civil::date(2024, 1, 1));
    for (name, text) in [("generated", ARTICLE), ("bolivia-police", REAL)] {
        c.bench_function(&format!("lint/{name}"), |b| {
            b.iter(|| {
                let doc = Document::parse("a.md", black_box(text).to_string(), Format::Markdown);
                linter.lint(&doc, date)
            })
        });
    }
}

fn stages(c: &mut Criterion) {
    c.bench_function("parse/generated", |b| {
        b.iter(|| Document::parse("a.md", black_box(ARTICLE).to_string(), Format::Markdown))
    });
    let doc = Document::parse("a.md", ARTICLE.to_string(), Format::Markdown);
    c.bench_function("analysis/generated", |b| {
        b.iter(|| {
            let a = Analysis::new(black_box(&doc));
            (a.quantities().len(), a.times().len(), a.tokens.len())
        })
    });
    c.bench_function("analysis/tokens-only", |b| {
        b.iter(|| Analysis::new(black_box(&doc)).tokens.len())
    });
}

fn startup(c: &mut Criterion) {
    // Loading and compiling the built-in rule sets: paid once per process.
    c.bench_function("rules/load-builtin", |b| b.iter(Linter::with_default_rules));
}

criterion_group!(benches, lint, stages, startup);
criterion_main!(benches);
