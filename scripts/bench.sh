#!/usr/bin/env bash
# Times the release binary as a whole process on a generated corpus and prints every figure the
# speed targets name, each with its target. Wall-clock medians of several runs (hyperfine), peak
# memory from GNU time. Deterministic inputs (scripts/gen_corpus.py), no network.
#
#   scripts/bench.sh [ARTICLES=10000]
#
# Env: CARGO_TARGET_DIR (where the release binary is built), BENCH_DIR (default target/bench),
# RUNS (runs per corpus figure, default 5).
# Needs hyperfine and GNU time (`apt-get install -y hyperfine time`); installs them if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
WORK=${BENCH_DIR:-target/bench}
RUNS=${RUNS:-5}
BIN=${CARGO_TARGET_DIR:-target}/release/factlint

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

cargo build --release -q
mkdir -p "$WORK"
[ -d "$WORK/corpus-$N" ] || python3 scripts/gen_corpus.py "$WORK/corpus-$N" --articles "$N" >/dev/null
[ -d "$WORK/corpus-$((2 * N))" ] || python3 scripts/gen_corpus.py "$WORK/corpus-$((2 * N))" --articles $((2 * N)) >/dev/null
if [ ! -f "$WORK/one-1000.md" ]; then
  python3 scripts/gen_corpus.py "$WORK/one" --articles 1 --words 1000 --seed 7 >/dev/null
  cp "$WORK/one/00000.md" "$WORK/one-1000.md"
fi
# The same 1,000 articles as separate files and as one file (front matter dropped, so that the
# one file is one article body after another; --date stands in for the dates).
if [ ! -f "$WORK/joined-1000.md" ]; then
  mkdir -p "$WORK/separate-1000"
  find "$WORK/corpus-$N" -name '*.md' | sort > "$WORK/corpus-$N.list"
  head -1000 "$WORK/corpus-$N.list" | xargs -I{} cp {} "$WORK/separate-1000/"
  for f in "$WORK"/separate-1000/*.md; do sed '1,/^---$/{/^---$/!d};/^---$/d' "$f"; echo; done > "$WORK/joined-1000.md"
fi
bytes() { find "$1" -name '*.md' -print0 | xargs -0 cat | wc -c; }
MB=$(bytes "$WORK/corpus-$N" | awk '{print $1/1e6}')
WORDS=$(wc -w < "$WORK/one-1000.md")

json=$(mktemp)
trap 'rm -f "$json"' EXIT
median() { python3 -c "import json; print(json.load(open('$json'))['results'][0]['median'])"; }
calc() { python3 -c "print(f'{$1:$2}')"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $BIN ($(git describe --always --dirty 2>/dev/null || echo unknown))"

hyperfine -N -i -w 5 -r 30 --export-json "$json" "$BIN check --format json --date 2024-01-01 $WORK/one-1000.md" >/dev/null 2>&1
one=$(median)
echo "one $WORDS-word article, process start to exit: $(calc "$one*1000" .1f) ms (median of 30; target <= 20 ms)"

hyperfine -N -i -w 1 -r "$RUNS" --export-json "$json" "$BIN check --format jsonl -j 2 $WORK/corpus-$N" >/dev/null 2>&1
t2=$(median)
echo "corpus $N articles, $(calc "$MB" .1f) MB, 2 threads: $(calc "$t2" .2f) s = $(calc "$MB/$t2" .1f) MB/s (median of $RUNS; target >= 25 MB/s)"

hyperfine -N -i -w 1 -r "$RUNS" --export-json "$json" "$BIN check --format jsonl -j 1 $WORK/corpus-$N" >/dev/null 2>&1
t1=$(median)
echo "corpus, 1 thread: $(calc "$t1" .2f) s = $(calc "$MB/$t1" .1f) MB/s (2 threads: x$(calc "$t1/$t2" .2f))"

# Peak resident set size in KB (factlint exits 1 when it finds something: not a failure here).
peak() { /usr/bin/time -f '%M' -o "$json" "$BIN" check --format jsonl -j 2 "$1" >/dev/null 2>&1 || true; tail -1 "$json"; }
m1=$(peak "$WORK/corpus-$N")
m2=$(peak "$WORK/corpus-$((2 * N))")
echo "peak memory, 2 threads: $(calc "$m1/1024" .1f) MB for $N articles, $(calc "$m2/1024" .1f) MB for $((2 * N)) (x$(calc "$m2/$m1" .2f); target <= 100 MB and flat)"

hyperfine -N -i -w 1 -r "$RUNS" --export-json "$json" "$BIN check --format jsonl -j 1 --date 2024-01-01 $WORK/separate-1000" >/dev/null 2>&1
sep=$(median)
hyperfine -N -i -w 1 -r "$RUNS" --export-json "$json" "$BIN check --format jsonl -j 1 --date 2024-01-01 $WORK/joined-1000.md" >/dev/null 2>&1
joined=$(median)
echo "linearity, 1 thread: 1,000 articles as one file $(calc "$joined" .3f) s, as 1,000 files $(calc "$sep" .3f) s (ratio $(calc "$joined/$sep" .2f); target <= 1.5)"
