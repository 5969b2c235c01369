//! (b) Arbitrary bytes loaded as a rule set; see `props::ruleset`.

#![no_main]

#[path = "props.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::ruleset(data));
