#!/usr/bin/env bash
# Recall on planted slips in real copy (../shared/eval/inject): one realistic slip (place typo,
# name spelt two ways, doubled word, impossible date, wrong weekday) per copy of a real article,
# two seeds, 300 plants per kind each. Prints recall per kind for each seed and writes the
# reports and misses under OUT.
#
#   scripts/inject.sh [BIN=target/release/factlint] [OUT=target/inject] [SEEDS="11 12"]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/factlint}
OUT=${2:-target/inject}
SEEDS=${SEEDS:-"11 12"}
SHARED=${FACTLINT_SHARED:-../shared}
[ -x "$BIN" ] || { echo "no binary at $BIN: cargo build --release first" >&2; exit 2; }
for seed in $SEEDS; do
  dir=$OUT/seed-$seed
  python3 "$SHARED/eval/inject/inject.py" "$SHARED/corpus/real" "$dir" --seed "$seed" --per-kind 300 >/dev/null
  python3 "$SHARED/eval/inject/score_inject.py" "$dir" --bin "$BIN" --breakdown > "$dir/report.md"
  echo "== seed $seed ($dir/report.md, misses in $dir/misses.tsv)"
  python3 - "$dir/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for kind, r in s["summary"].items():
    if isinstance(r, dict) and "detected" in r:
        print(f"  {kind:<20} {r['detected']:>4}/{r['planted']:<4} = {r['recall']:.2f}"
              f"  (collateral findings: {r.get('collateral_findings', 0)})")
PY
done
