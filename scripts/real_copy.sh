#!/usr/bin/env bash
# The ecosystem check (like ruff's): lint every article of the open real-copy corpus with its own
# publication date, print findings per rule per 1,000 words, then precision per rule against the
# judgments kept in tests/real/judgments.tsv (rubric: ../shared/eval/JUDGING.md).
#
#   scripts/real_copy.sh [BIN=target/release/factlint] [OUT=target/real-copy]
#
# Findings land in OUT/findings.tsv. To judge new findings, sample them:
#   python3 scripts/precision.py OUT/findings.tsv --sample 20 --seed 1 --out todo.tsv
# fill in the verdict and reason columns, and append the rows (first 7 columns) to the judgments.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/factlint}
OUT=${2:-target/real-copy}
SHARED=${FACTLINT_SHARED:-../shared}
[ -x "$BIN" ] || { echo "no binary at $BIN: cargo build --release first" >&2; exit 2; }
python3 "$SHARED/eval/real_copy.py" "$BIN" --corpus "$SHARED/corpus/real" --out "$OUT"
python3 scripts/precision.py "$OUT/findings.tsv" --judgments tests/real/judgments.tsv --corpus "$SHARED/corpus/real"
