//! (c) Fixes computed and applied; see `props::fix`.

#![no_main]

#[path = "props.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::fix(data));
