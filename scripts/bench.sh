#!/usr/bin/env bash
# Times the release binary as a whole process on a generated corpus and prints every figure the
# speed targets name. Medians of several runs (hyperfine). Deterministic inputs, no network.
#
#   scripts/bench.sh [ARTICLES=10000]
#
# Needs hyperfine and GNU time (`apt-get install -y hyperfine time`); installs them if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
WORK=${BENCH_DIR:-target/bench}
BIN=${CARGO_TARGET_DIR:-target}/release/factlint

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release -q
mkdir -p "$WORK"
[ -d "$WORK/corpus-$N" ] || python3 scripts/gen_corpus.py "$WORK/corpus-$N" --articles "$N" >/dev/null
[ -d "$WORK/corpus-double" ] || python3 scripts/gen_corpus.py "$WORK/corpus-double" --articles $((2 * N)) >/dev/null
if [ ! -f "$WORK/one-1000.md" ]; then
  python3 scripts/gen_corpus.py "$WORK/one" --articles 1 --words 1000 --seed 7 >/dev/null
  cp "$WORK/one/00000.md" "$WORK/one-1000.md"
fi
# The same 1,000 articles as separate files and as one file.
if [ ! -f "$WORK/joined-1000.md" ]; then
  mkdir -p "$WORK/separate-1000"
  ls "$WORK/corpus-$N" | head -1000 | while read -r f; do cp "$WORK/corpus-$N/$f" "$WORK/separate-1000/$f"; done
  for f in "$WORK"/separate-1000/*.md; do sed '1,/^---$/{/^---$/!d};/^---$/d' "$f"; echo; done > "$WORK/joined-1000.md"
fi
MB=$(du -sb "$WORK/corpus-$N" | awk '{print $1/1e6}')
WORDS=$(wc -w < "$WORK/one-1000.md")

json=$(mktemp)
median() { python3 -c "import json,sys; print(json.load(open('$json'))['results'][0]['median'])"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
hyperfine -N -w 5 -r 30 --export-json "$json" "$BIN check --format json --date 2024-01-01 $WORK/one-1000.md" -i >/dev/null 2>&1
one=$(median); printf 'one %s-word article, process start to exit: %.1f ms (median of 30)\n' "$WORDS" "$(echo "$one*1000" | bc -l)"

hyperfine -N -w 1 -r 5 --export-json "$json" "$BIN check --format jsonl -j 2 $WORK/corpus-$N" -i >/dev/null 2>&1
t=$(median); printf 'corpus %.1f MB, 2 threads: %.2f s median of 5 = %.1f MB/s\n' "$MB" "$t" "$(echo "$MB/$t" | bc -l)"

hyperfine -N -w 1 -r 5 --export-json "$json" "$BIN check --format jsonl -j 1 $WORK/corpus-$N" -i >/dev/null 2>&1
t1=$(median); printf 'corpus, 1 thread: %.2f s = %.1f MB/s\n' "$t1" "$(echo "$MB/$t1" | bc -l)"

peak() { /usr/bin/time -f '%M' "$BIN" check --format jsonl -j 2 "$1" 2>&1 >/dev/null | tail -1; }
m1=$(peak "$WORK/corpus-$N"); m2=$(peak "$WORK/corpus-double")
printf 'peak memory: %.1f MB for %s articles, %.1f MB for %s\n' "$(echo "$m1/1024" | bc -l)" "$N" "$(echo "$m2/1024" | bc -l)" $((2 * N))

hyperfine -N -w 1 -r 5 --export-json "$json" "$BIN check --format jsonl -j 1 --date 2024-01-01 $WORK/separate-1000" -i >/dev/null 2>&1
sep=$(median)
hyperfine -N -w 1 -r 5 --export-json "$json" "$BIN check --format jsonl -j 1 --date 2024-01-01 $WORK/joined-1000.md" -i >/dev/null 2>&1
joined=$(median)
printf 'linearity: 1,000 articles as one file %.3f s vs as 1,000 files %.3f s (ratio %.2f, target <= 1.5)\n' "$joined" "$sep" "$(echo "$joined/$sep" | bc -l)"
rm -f "$json"
