#!/usr/bin/env bash
# Runs the same generated articles through factlint and peer prose linters installed from the
# package registries, and prints each one's throughput and factlint's speed as a ratio.
#
#   scripts/compare_peers.sh [ARTICLES=100]     (RUNS=3 by default)
#
# Peers (installed into target/peers on first use, pinned):
#   proselint 0.16.0 (PyPI), write-good 1.0.8 (npm), harper.js 2.10.0 (npm, Harper's WebAssembly build)
# Each peer is timed as one process over all files (its start-up included, as factlint's is).
# The peers check style and grammar, factlint checks facts: the ratios compare throughput on the
# same text, not the work done.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
BIN=${CARGO_TARGET_DIR:-target}/release/factlint
PEERS=target/peers
CORPUS=target/bench/peers-$N
mkdir -p "$PEERS"
if [ ! -x "$PEERS/venv/bin/proselint" ]; then
  python3 -m venv "$PEERS/venv" && "$PEERS/venv/bin/pip" install -q proselint==0.16.0
fi
if [ ! -d "$PEERS/node_modules/harper.js" ]; then
  (cd "$PEERS" && npm install --silent --no-save write-good@1.0.8 harper.js@2.10.0 >/dev/null)
fi
cp scripts/peers/harper-lint.mjs "$PEERS/"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cargo build --release -q
[ -d "$CORPUS" ] || python3 scripts/gen_corpus.py "$CORPUS" --articles "$N" >/dev/null
MB=$(find "$CORPUS" -name '*.md' -print0 | xargs -0 cat | wc -c | awk '{print $1/1e6}')
json=$(mktemp)
time_cmd() { # name, command...
  local name=$1; shift
  # No warm-up run: harper.js alone spends ~15 s compiling its WebAssembly and dictionary.
  hyperfine -N -i -w 0 -r "${RUNS:-3}" --export-json "$json" "$*" >/dev/null 2>&1
  python3 - "$json" "$name" "$MB" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["results"][0]["median"]
print(f"{sys.argv[2]:<12} {m:8.3f} s  {float(sys.argv[3]) / m:8.2f} MB/s")
open("/tmp/peer_" + sys.argv[2], "w").write(str(m))
PY
}
echo "$N articles, $MB MB, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); medians of ${RUNS:-3} runs"
time_cmd factlint "$BIN check --format jsonl -j 1 $CORPUS"
time_cmd proselint "$PEERS/venv/bin/proselint check $CORPUS"
time_cmd write-good "$PEERS/node_modules/.bin/write-good $(ls -d $CORPUS/*.md | tr '\n' ' ')"
time_cmd harper.js "node $PEERS/harper-lint.mjs $CORPUS"
f=$(cat /tmp/peer_factlint)
for p in proselint write-good harper.js; do
  python3 -c "print(f'factlint (1 thread) is {float(open(\"/tmp/peer_$p\").read()) / $f:.1f}x as fast as $p')"
done
rm -f "$json"
