//! (b) Arbitrary bytes loaded as a rule set. Loading must either fail with a located error (which
//! is rendered over the YAML, as the CLI does) or give rules that lint text without panicking.

#![no_main]

use factlint::Linter;
use factlint::ruleset;
use libfuzzer_sys::fuzz_target;

const SAMPLE: &str = "---\ndate: 2019-11-09\n---\n# Kiev talks\n\nThe the OAS said on Monday, \
November 4, that 45-year-old Evo Morales, who won a fourth term, met the Organization of \
American States (OAS) in Kiev, Kyiv and La Paz. About 1,100 people marched “against and against” it \
two weeks ago.\n\n- per cent, percent\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return; // `load_path` refuses non-UTF-8 before parsing
    };
    match ruleset::parse("fuzz.yml", text) {
        Err(e) => {
            if let Some(offset) = e.offset {
                assert!(offset <= text.len(), "error offset {offset} past the end");
            }
            let _ = e.line_col();
            let _ = factlint::report::render_load_error(&e);
        }
        Ok(mut rules) => {
            for r in &mut rules {
                r.enabled = true;
            }
            let linter = Linter::new(rules);
            let diags = linter.lint_text(SAMPLE, None);
            for d in &diags {
                assert!(d.span.end <= SAMPLE.len() && SAMPLE.is_char_boundary(d.span.start));
            }
            for r in &linter.rules {
                for ex in r.examples.bad.iter().chain(&r.examples.good) {
                    let _ = linter.lint_text_with_rule(ex, None, &r.id);
                }
            }
        }
    }
});
