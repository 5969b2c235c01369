#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml runs it; tests/action.rs runs it with a stand-in
# factlint). Inputs come from the environment, never pasted into a script:
#
#   FACTLINT_PATHS   files or folders, separated by spaces or newlines
#   FACTLINT_ARGS    extra `factlint check` arguments, over any number of lines
#   FACTLINT_FORMAT  sarif or github
#   FACTLINT_SARIF   where to write the SARIF file (format sarif)
#   GITHUB_OUTPUT    the step's outputs: exit-code, sarif-file
#
# FACTLINT_PATHS and FACTLINT_ARGS are split like a shell command line: at spaces, tabs and
# line breaks, with '…' and "…" quoting and backslash escapes (xargs' rules). Nothing is
# expanded or run: `$HOME`, `*` and `$(…)` stay as written. A quote must close on its own line.
# Exit status: 0 when factlint ran (its own status is the exit-code output), 2 when it could
# not do its job or the inputs are wrong.
set -uo pipefail

# Fails (with an annotation) when $1 cannot be split: an unclosed quote.
check_words() {
  if ! printf '%s\n' "$1" | xargs -r printf '' 2>/dev/null; then
    echo "::error title=factlint::$2 cannot be read: a quote is not closed on its line"
    echo "exit-code=2" >> "${GITHUB_OUTPUT:-/dev/null}"
    exit 2
  fi
}

# Prints the words of $1, each followed by a NUL byte.
words() {
  printf '%s\n' "$1" | xargs -r printf '%s\0'
}

check_words "${FACTLINT_ARGS:-}" args
check_words "${FACTLINT_PATHS:-}" paths
extra=()
while IFS= read -r -d '' word; do extra+=("$word"); done < <(words "${FACTLINT_ARGS:-}")
paths=()
while IFS= read -r -d '' word; do paths+=("$word"); done < <(words "${FACTLINT_PATHS:-}")
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi

case "${FACTLINT_FORMAT:-sarif}" in
  sarif)
    sarif=${FACTLINT_SARIF:-factlint.sarif}
    factlint check --format sarif ${extra[@]+"${extra[@]}"} -- "${paths[@]}" > "$sarif"
    code=$?
    echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
    ;;
  github)
    factlint check --format github ${extra[@]+"${extra[@]}"} -- "${paths[@]}"
    code=$?
    ;;
  *)
    echo "::error title=factlint::format must be sarif or github, not ${FACTLINT_FORMAT}"
    code=2
    ;;
esac
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
# Status 2 means factlint could not do its job: always a failure. Findings (1) are for the
# action's last step to judge (fail-on-findings).
if [ "$code" -ge 2 ]; then exit "$code"; fi
exit 0
