#!/usr/bin/env bash
# Times the release binary on pathological articles (scripts/pathological.py) at two sizes, to
# show that time grows linearly (a ratio near 4 for 4x the input; 16 would be quadratic), and
# measures a 50 MB single-line article with GNU time (wall time and peak memory).
#
#   scripts/robustness.sh [SCALE=1] [FORMAT=json]
#
# Needs GNU time (`apt-get install -y time`). Prints one line per input.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-1}
FORMAT=${2:-json}
WORK=${ROBUST_DIR:-target/robustness}
BIN=${FACTLINT_BIN:-${CARGO_TARGET_DIR:-target}/release/factlint}
[ -n "${FACTLINT_BIN:-}" ] || cargo build --release -q
python3 scripts/pathological.py "$WORK/x1" "$SCALE"
python3 scripts/pathological.py "$WORK/x4" $((4 * SCALE))

run() { # prints "seconds peak-KB" for one check of $1
  /usr/bin/time -f '%e %M' "$BIN" check --no-config --format "$FORMAT" "$1" 2>&1 >/dev/null | tail -1
}
printf '%-26s %9s %9s %7s %10s %10s\n' input MB 'x1 s' 'x4/x1' 'x1 MB rss' 'x4 MB rss'
for f in "$WORK"/x1/*.md; do
  n=$(basename "$f")
  read -r t1 m1 < <(run "$f")
  read -r t4 m4 < <(run "$WORK/x4/$n")
  printf '%-26s %9.2f %9.2f %7.1f %10.1f %10.1f\n' "$n" "$(stat -c %s "$f" | awk '{print $1/1e6}')" \
    "$t1" "$(echo "$t4 / ($t1 + 0.01)" | bc -l)" "$(echo "$m1/1024" | bc -l)" "$(echo "$m4/1024" | bc -l)"
done

big="$WORK/50mb-one-line.md"
python3 - "$big" <<'PY'
import sys
s = ("The minister said on Monday, March 4, 2024, that 1,100 people marched in La Paz "
     "against Evo Morales, who won a fourth term, and the the goverment in Kiev replied. ")
n = 50_000_000 // len(s) + 1
with open(sys.argv[1], "w") as f:
    f.write((s * n)[:50_000_000] + "\n")
PY
echo "50 MB on one line (--format $FORMAT):"
/usr/bin/time -v "$BIN" check --no-config --format "$FORMAT" "$big" 2>&1 >/dev/null |
  grep -E 'Elapsed|Maximum resident|Exit status'
