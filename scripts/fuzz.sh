#!/usr/bin/env bash
# Runs each fuzz target for a while (default 60 s each), one after the other, on one core, and
# reports every target's result even when one fails.
#
#   scripts/fuzz.sh [SECONDS=60] [TARGET...]
#
# Targets: lint (bytes linted as Markdown and plain text), ruleset (bytes loaded as a rule set),
# fix (fixes computed and applied). Corpora live in fuzz/corpus/<target> (not checked in) and
# are seeded from fuzz/seeds/<target> (a small minimised corpus, checked in), tests/articles,
# tests/cmd, rules/ and fuzz/regressions/.
#
# Each target is built, then fuzzed; a failing target does not stop the others. Prints one
# line per target: executions (libFuzzer's final stats), seconds (fuzzing, not building), CPU
# seconds (user + system; fewer than the seconds on a busy machine), crashes (crashes, timeouts
# and out-of-memory reports), leaks (LeakSanitizer reports, during the run or at exit) and the
# result (clean, crash, leak, timeout, oom, build-failed or exit-N).
# Exits 0 when every target is clean, else 1 after naming the failing targets. libFuzzer saves a
# failing input under fuzz/artifacts/<target>/: fix the bug and copy the input to
# fuzz/regressions/<target>/, where tests/fuzz_regressions.rs replays it through the same
# checks (fuzz/fuzz_targets/props.rs) in every `cargo test`.
#
# Environment: FUZZ_LOG_DIR (default target/fuzz-logs) keeps each run's raw output as
# <target>-<date>.log; FUZZ_TSV, when set, names a file that gets one tab-separated row per run:
# target, commit, start date, seconds, cpu_seconds, executions, crashes, leaks, result, log.
#
# Needs the nightly toolchain and cargo-fuzz
# (`rustup toolchain install nightly && cargo install cargo-fuzz --locked`).
set -uo pipefail
cd "$(dirname "$0")/.."
TIMEFORMAT='%U %S'
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(lint ruleset fix)
LOG_DIR=${FUZZ_LOG_DIR:-target/fuzz-logs}
mkdir -p "$LOG_DIR"
COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src fuzz 2>/dev/null || COMMIT="$COMMIT+dirty"

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
  cp -n fuzz/seeds/"$target"/* fuzz/regressions/"$target"/* "$dir"/ 2>/dev/null || true
}

# The result of one run from its raw output and exit status: "executions crashes leaks result".
summarise() {
  local log=$1 status=$2 execs crashes leaks result
  # Final stats; a run cut short before printing them still has its last "#N" status line.
  execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]].*/\1/p' "$log" | tail -1)
  # A crash, timeout or out-of-memory is reported by libFuzzer or a sanitizer as "ERROR: …"; a
  # leak by LeakSanitizer, after which libFuzzer also saves the last input as a crash-* file.
  crashes=$(grep -Ec 'ERROR: (libFuzzer|AddressSanitizer|UndefinedBehaviorSanitizer)' "$log")
  leaks=$(grep -c 'ERROR: LeakSanitizer' "$log")
  if grep -q 'ERROR: libFuzzer: timeout' "$log"; then result=timeout
  elif grep -q 'ERROR: libFuzzer: out-of-memory' "$log"; then result=oom
  elif [ "$crashes" -gt 0 ]; then result=crash
  elif [ "$leaks" -gt 0 ]; then result=leak
  elif [ "$status" -ne 0 ]; then result=exit-$status
  else result=clean; fi
  echo "${execs:-0} $crashes $leaks $result"
}

FAILED=()
ROWS=()
for t in "${TARGETS[@]}"; do
  seed "$t"
  dict=$PWD/fuzz/dict/lint.dict
  [ "$t" = ruleset ] && dict=$PWD/fuzz/dict/ruleset.dict
  started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log=$LOG_DIR/$t-$(date -u +%Y%m%dT%H%M%SZ).log
  echo "== fuzz target $t for ${SECONDS_EACH}s at $COMMIT (output: $log)"
  # Built first, so the seconds counted are fuzzing only.
  if cargo +nightly fuzz build "$t" >"$log" 2>&1; then
    t0=$(date +%s)
    # CPU seconds too: on a shared machine the fuzzer gets less than the wall-clock time.
    { time cargo +nightly fuzz run "$t" "$PWD/fuzz/corpus/$t" -- \
      -max_total_time="$SECONDS_EACH" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -dict="$dict" -print_final_stats=1 >>"$log" 2>&1; } 2>"$log.cpu"
    status=$?
    secs=$(($(date +%s) - t0))
    cpu=$(awk '{ printf "%d", $1 + $2 }' "$log.cpu")
    rm -f "$log.cpu"
  else
    status=build-failed secs=0 cpu=0
    tail -20 "$log" | sed 's/^/   /'
  fi
  if [ "$status" = build-failed ]; then
    execs=0 crashes=0 leaks=0 result=build-failed
  else
    read -r execs crashes leaks result < <(summarise "$log" "$status")
  fi
  [ "$result" = clean ] || FAILED+=("$t ($result)")
  grep -E '^stat::|ERROR:|SUMMARY:|Test unit written|panicked at' "$log" | sed 's/^/   /' | head -20
  ROWS+=("$(printf '%-8s %12s %8s %8s %8s %6s  %s' "$t" "$execs" "$secs" "$cpu" "$crashes" "$leaks" "$result")")
  if [ -n "${FUZZ_TSV:-}" ]; then
    [ -s "$FUZZ_TSV" ] ||
      printf 'target\tcommit\tstart\tseconds\tcpu_seconds\texecutions\tcrashes\tleaks\tresult\tlog\n' >"$FUZZ_TSV"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$COMMIT" "$started" "$secs" "$cpu" \
      "$execs" "$crashes" "$leaks" "$result" "$log" >>"$FUZZ_TSV"
  fi
done

printf '\n%-8s %12s %8s %8s %8s %6s  %s\n' target executions seconds 'cpu s' crashes leaks result
printf '%s\n' "${ROWS[@]}"
if [ ${#FAILED[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${FAILED[*]}; failing inputs are under fuzz/artifacts/<target>/" >&2
  exit 1
fi
echo "fuzz: all targets ran clean"
