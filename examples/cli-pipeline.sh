#!/usr/bin/env bash
# README's pipeline recipe, runnable as written on a fresh clone (x86-64 Linux, .NET SDK, Debian's libjemalloc2):
# install the tlsguard tool from this repository, write SARIF for a folder of native libraries, accept today's
# findings in a baseline, then see a newly added offending library fail the run.
# Usage: examples/cli-pipeline.sh [WORK_FOLDER]   (default artifacts/cli-pipeline)
# CONFIGURATION (default Release) and PACK_OPTIONS go to dotnet pack. TLSGUARD_FEED names a folder that already holds
# the packed TlsGuard.Tool packages (the test suite passes the one it packed) and skips the pack step.
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
feed=${TLSGUARD_FEED:-$work/feed}
if [ -z "${TLSGUARD_FEED:-}" ]; then
  # One pack makes the pointer package TlsGuard.Tool and the package for each platform it lists: native AOT
  # executables for linux-x64 and linux-arm64 (cross-compiled with clang), framework-dependent musl and any.
  # shellcheck disable=SC2086
  dotnet pack src/TlsGuard.Cli -c "${CONFIGURATION:-Release}" ${PACK_OPTIONS:-} -o "$feed" -nologo -v:q
fi
# A private packages folder: a re-pack of the same version must not be served from a stale cache.
NUGET_PACKAGES="$PWD/$work/packages" dotnet tool install --tool-path "$work/tools" --add-source "$feed" TlsGuard.Tool
tlsguard="$work/tools/tlsguard"

step "on x86-64 Linux the installed command is the native executable: no .NET runtime starts"
program=$(readlink -f "$tlsguard")
# ILCompiler puts the compiled .NET code in the __managedcode section; a framework-dependent tool has a tlsguard.dll.
sections=$(LC_ALL=C readelf -SW "$program")
if grep -q ' __managedcode ' <<<"$sections" && [ ! -e "$(dirname "$program")/tlsguard.dll" ]; then
  echo "native executable: ${program#"$PWD"/}"
else
  echo "not a native executable: $program" >&2
  exit 1
fi

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
