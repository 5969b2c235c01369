#!/usr/bin/env bash
# Runs each fuzz target for a short time (default 60 s each), one after the other, on one core.
#
#   scripts/fuzz.sh [SECONDS=60] [TARGET...]
#
# Targets: lint (bytes linted as Markdown and plain text), ruleset (bytes loaded as a rule set),
# fix (fixes computed and applied). Corpora live in fuzz/corpus/<target> (not checked in) and
# are seeded from tests/articles, tests/cmd, rules/ and fuzz/regressions/. A crash stops the
# script with status 1; libFuzzer saves the input under fuzz/artifacts/<target>/: fix the bug and
# copy the input to fuzz/regressions/<target>/, where tests/fuzz_regressions.rs replays it
# through the same checks (fuzz/fuzz_targets/props.rs) in every `cargo test`. Needs the nightly toolchain and cargo-fuzz
# (`rustup toolchain install nightly && cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(lint ruleset fix)

seed() {
  local target=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  case $target in
    ruleset)
      find rules tests/cmd -maxdepth 2 -name '*.yml' -exec cp -n {} "$dir"/ \; ;;
    *)
      cp -n tests/articles/*.md "$dir"/
      find tests/cmd -maxdepth 2 -type f \( -name '*.md' -o -name '*.txt' -o -name stdin \) |
        while read -r f; do cp -n "$f" "$dir/cmd-$(echo "$f" | tr / _)"; done ;;
  esac
  cp -n fuzz/regressions/"$target"/* "$dir"/ 2>/dev/null || true
}

for t in "${TARGETS[@]}"; do
  seed "$t"
  dict=$PWD/fuzz/dict/lint.dict
  [ "$t" = ruleset ] && dict=$PWD/fuzz/dict/ruleset.dict
  echo "== fuzz target $t for ${SECONDS_EACH}s"
  cargo +nightly fuzz run "$t" "$PWD/fuzz/corpus/$t" -- \
    -max_total_time="$SECONDS_EACH" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -dict="$dict" -print_final_stats=1
done
echo "fuzz: all targets ran clean"
