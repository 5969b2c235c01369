//! (a) Arbitrary bytes linted as Markdown and as plain text; see `props::lint`.

#![no_main]

#[path = "props.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::lint(data));
