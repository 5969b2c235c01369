#!/usr/bin/env bash
# The GitHub Action's install step (action.yml runs it): puts the release binary of this
# action's version on PATH, checked against its .sha256, or says that factlint must be built.
#
#   FACTLINT_INSTALL     auto (the release binary, else build), release (the binary or fail),
#                        build (always build)
#   FACTLINT_REPOSITORY  owner/name the releases are downloaded from (the action's repository)
#   FACTLINT_DOWNLOAD    optional: the base URL of the release files instead (for tests)
#   GITHUB_ACTION_PATH, RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT
#
# Outputs: version (from the action's Cargo.toml), build (true when the next steps must build),
# source (a hash of what a build would compile: the build cache's key).
set -euo pipefail

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

root=$GITHUB_ACTION_PATH
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
echo "version=$version" >> "$GITHUB_OUTPUT"
# The build cache's key changes only when what a build compiles changes, not with every commit.
source=$(cd "$root" && find Cargo.toml Cargo.lock src rules -type f | LC_ALL=C sort \
  | while IFS= read -r f; do sha256 "$f"; done | sha256 | cut -c1-20)
echo "source=$source" >> "$GITHUB_OUTPUT"

case "${RUNNER_OS}-${RUNNER_ARCH}" in
  Linux-X64) target=x86_64-unknown-linux-musl ;;
  Linux-ARM64) target=aarch64-unknown-linux-musl ;;
  macOS-X64) target=x86_64-apple-darwin ;;
  macOS-ARM64) target=aarch64-apple-darwin ;;
  Windows-X64) target=x86_64-pc-windows-msvc ;;
  *) target="" ;;
esac

mode=${FACTLINT_INSTALL:-auto}
if [ "$mode" != build ] && [ -n "$target" ]; then
  archive="factlint-v$version-$target.tar.gz"
  base=${FACTLINT_DOWNLOAD:-https://github.com/$FACTLINT_REPOSITORY/releases/download}
  url="$base/v$version/$archive"
  dir="$RUNNER_TEMP/factlint-v$version"
  mkdir -p "$dir"
  if (cd "$dir" && curl -fsSL --retry 3 -o "$archive" "$url" \
      && curl -fsSL --retry 3 -o "$archive.sha256" "$url.sha256" \
      && sha256 -c "$archive.sha256" >/dev/null \
      && tar -xzf "$archive"); then
    echo "$dir" >> "$GITHUB_PATH"
    echo "build=false" >> "$GITHUB_OUTPUT"
    echo "factlint $version: the release binary for $target"
    exit 0
  fi
  if [ "$mode" = release ]; then
    echo "::error title=factlint::no release binary $archive for v$version at $url"
    exit 2
  fi
  echo "::notice title=factlint::no release binary for v$version on $target; building with cargo"
elif [ "$mode" = release ]; then
  echo "::error title=factlint::no release binary for ${RUNNER_OS} ${RUNNER_ARCH}"
  exit 2
fi
echo "build=true" >> "$GITHUB_OUTPUT"
