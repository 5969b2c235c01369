#!/usr/bin/env bash
# Minimises each fuzz corpus (fuzz/corpus/<target>, grown by scripts/fuzz.sh) with
# `cargo fuzz cmin` and refreshes the small seed corpus checked in under fuzz/seeds/<target>/:
# the minimised inputs of at most MAX_BYTES (default 2048). Larger inputs are left out; the big
# seeds (tests/articles, tests/cmd, rules/) are in the repository already.
#
#   scripts/fuzz_seeds.sh [TARGET...]      (default: lint ruleset fix)
set -euo pipefail
cd "$(dirname "$0")/.."
MAX_BYTES=${MAX_BYTES:-2048}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(lint ruleset fix)
for t in "${TARGETS[@]}"; do
  before=$(find "fuzz/corpus/$t" -type f | wc -l)
  cargo +nightly fuzz cmin "$t" "fuzz/corpus/$t" -- -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    >"target/fuzz-cmin-$t.log" 2>&1
  mkdir -p "fuzz/seeds/$t"
  find "fuzz/seeds/$t" -type f -delete
  find "fuzz/corpus/$t" -type f -size -$((MAX_BYTES + 1))c -exec cp {} "fuzz/seeds/$t/" \;
  echo "$t: $before inputs, $(find "fuzz/corpus/$t" -type f | wc -l) after cmin," \
    "$(ls "fuzz/seeds/$t" | wc -l) seeds ($(du -sk "fuzz/seeds/$t" | cut -f1) KB)"
done
