#!/usr/bin/env bash
# Shows that a machine without Rust can use factlint from the wheel scripts/build_wheel.sh
# made (dist/factlint-*.whl): in a fresh virtualenv, with nothing of Rust's on PATH, it
#   1. installs the wheel with pip and runs `factlint --version`;
#   2. installs pre-commit and runs it in a sample repository whose .pre-commit-config.yaml
#      uses the hook `factlint-prebuilt` of this repository (by its local path, at HEAD):
#      pre-commit pip-installs the hook, which depends on the factlint wheel, found in dist/
#      (PIP_FIND_LINKS stands in for PyPI, where the release workflow publishes it).
#
#   scripts/try_wheel.sh [WORKDIR]     (default: a new temporary folder)
#
# The hook definitions are read from the commit at HEAD: commit before running this.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
wheel=$(find "$root/dist" -name "factlint-*.whl" | sort | tail -n 1)
python=$(command -v python3)
rev=$(git -C "$root" rev-parse HEAD)

say() { printf '\n$ %s\n' "$*"; }

"$python" -m venv "$work/venv"
# The system's tools (git) and the new virtualenv: no ~/.cargo/bin, no rustup.
export PATH="$work/venv/bin:/usr/bin:/bin"
unset CARGO_HOME RUSTUP_HOME
export PRE_COMMIT_HOME="$work/pre-commit-cache" PIP_DISABLE_PIP_VERSION_CHECK=1
say 'command -v cargo rustc || echo "no Rust on PATH"'
command -v cargo rustc || echo "no Rust on PATH"

say pip install "dist/$(basename "$wheel")"
pip install --quiet "$wheel"
say factlint --version
factlint --version
say 'command -v factlint'
command -v factlint

say pip install pre-commit
pip install --quiet pre-commit
pre-commit --version

sample="$work/newsroom"
rm -rf "$sample"
mkdir -p "$sample/articles"
cat > "$sample/articles/strike.md" <<'ARTICLE'
---
date: 2019-11-09
---
Dock workers said the the strike would go on. The goverment met the union on Monday.
ARTICLE
cat > "$sample/.pre-commit-config.yaml" <<CONFIG
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: factlint-prebuilt
CONFIG
git -C "$sample" init --quiet
git -C "$sample" add -A
say cat .pre-commit-config.yaml
cat "$sample/.pre-commit-config.yaml"

say "PIP_FIND_LINKS=$root/dist pre-commit run --all-files   # the article has two slips"
status=0
(cd "$sample" && PIP_FIND_LINKS="$root/dist" pre-commit run --all-files) || status=$?
echo "(exit status $status)"
hook_env=$(find "$PRE_COMMIT_HOME" -path '*/py_env-*/bin/factlint' | head -n 1)
say "the hook's factlint: $hook_env"
"$hook_env" --version
"$(dirname "$hook_env")/python" -m pip list 2>/dev/null | grep -i factlint

printf -- '---\ndate: 2019-11-09\n---\nDock workers said the strike would go on.\n' \
  > "$sample/articles/strike.md"
say "pre-commit run --all-files   # after fixing the article"
(cd "$sample" && pre-commit run --all-files)
