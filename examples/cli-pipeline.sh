#!/usr/bin/env bash
# README's pipeline recipe, runnable as written on a fresh clone (x86-64 Linux, .NET SDK, Debian's libjemalloc2):
# install the tlsguard tool from this repository, write SARIF for a folder of native libraries, accept today's
# findings in a baseline, then see a newly added offending library fail the run.
# Usage: examples/cli-pipeline.sh [WORK_FOLDER]   (default artifacts/cli-pipeline)
# CONFIGURATION (default Release) and PACK_OPTIONS (e.g. --no-build, as the test suite uses) go to dotnet pack.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-artifacts/cli-pipeline}
rm -rf "$work"
mkdir -p "$work/libs"

step() { printf '\n== %s\n' "$*"; }
expect_exit() {
  local expected=$1; shift
  local status=0
  "$@" || status=$?
  echo "(exit $status)"
  if [ "$status" -ne "$expected" ]; then
    echo "expected exit $expected from: $*" >&2
    exit 1
  fi
}

step "pack and install the tool"
# shellcheck disable=SC2086
dotnet pack src/TlsGuard.Cli -c "${CONFIGURATION:-Release}" ${PACK_OPTIONS:-} -o "$work/feed" -nologo -v:q
# A private packages folder: a re-pack of the same version must not be served from a stale cache.
NUGET_PACKAGES="$PWD/$work/packages" dotnet tool install --tool-path "$work/tools" --add-source "$work/feed" TlsGuard.Tool
tlsguard="$work/tools/tlsguard"

step "a library with a 2632-byte initial-exec TLS block (the size of jemalloc's): SARIF, exit 1"
cp tests/fixtures/elf/x86_64-gcc/libie_own.so "$work/libs/"
expect_exit 1 "$tlsguard" scan "$work/libs" --format sarif --output "$work/tlsguard.sarif"

step "accept today's findings in a baseline: exit 0"
"$tlsguard" baseline "$work/libs" --output "$work/tlsguard.baseline.json"
expect_exit 0 "$tlsguard" scan "$work/libs" --baseline "$work/tlsguard.baseline.json"

step "a newly added offending library (Debian's libjemalloc.so.2) fails the run: exit 1"
cp /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 "$work/libs/"
expect_exit 1 "$tlsguard" scan "$work/libs" --baseline "$work/tlsguard.baseline.json"

step "done: $work/tlsguard.sarif"
