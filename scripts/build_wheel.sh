#!/usr/bin/env bash
# Builds the factlint wheel (the binary alone; python/pyproject.toml) for this machine into
# dist/, with maturin from PyPI in a private virtualenv (target/wheel-venv).
#
#   scripts/build_wheel.sh                 # the release profile (fat LTO: a few minutes)
#   PROFILE=eval scripts/build_wheel.sh    # optimised without LTO: quicker, for trying it out
#
# The release workflow builds the same wheel for every platform (PyO3/maturin-action).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/wheel-venv
if [ ! -x "$venv/bin/maturin" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "maturin>=1.5,<2"
fi
(cd python && "../$venv/bin/maturin" build --locked --profile "${PROFILE:-release}" --out ../dist)
ls -l dist/factlint-*.whl
