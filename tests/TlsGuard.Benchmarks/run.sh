#!/usr/bin/env bash
# Scanner benchmarks on x86-64 Linux. Installs what they need beyond the test dependencies (Debian's hyperfine and
# GNU time), then builds:
#   - the C yardstick, native/tlscount.c (mmap, walk PT_DYNAMIC, count TP-relative relocations);
#   - the JIT tool: `dotnet src/TlsGuard.Cli/bin/Release/net10.0/tlsguard.dll`;
#   - the native AOT tool, packed and installed the way a user gets it (`dotnet tool install`);
#   - a generated library with N relocations (default 3,000,000: 96 MB), in a separate first process so that
#     readelf's measured peak RSS in the in-process benchmarks excludes gcc;
#   - a corpus: the first CORPUS (default 300) ELF shared objects of LIBDIR, sorted by name, symbolic links left out;
# and runs (1) every scanner as a fresh process over (a) one small library, (b) the corpus, (c) the generated
# library: medians, ratios, peak RSS; (2) the in-process scan against readelf, with allocations.
# Usage: run.sh [--relocations N] [--work DIR] [--libdir DIR] [--corpus N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
relocations=3000000
work=/tmp/tlsguard-benchmarks
libdir=/usr/lib/x86_64-linux-gnu
corpus_size=300
while [ $# -gt 0 ]; do
  case "$1" in
    --relocations) relocations=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --libdir) libdir=$2; shift 2 ;;
    --corpus) corpus_size=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

gcc -O2 -Wall -Wextra -Werror -o "$work/tlscount" "$here/native/tlscount.c"

# The native tool for this machine only (no arm64 cross build needed here), installed from its own feed.
rm -rf "$work/feed" "$work/tools" "$work/packages"
dotnet pack "$repo/src/TlsGuard.Cli" -c Release -o "$work/feed" -p:TlsGuardNativeToolRuntimeIdentifiers=linux-x64 -nologo -v:q
NUGET_PACKAGES="$work/packages" dotnet tool install --tool-path "$work/tools" --add-source "$work/feed" TlsGuard.Tool >/dev/null
jit="$repo/src/TlsGuard.Cli/bin/Release/net10.0/tlsguard.dll"
[ -f "$jit" ] || { echo "missing $jit" >&2; exit 1; }

: > "$work/corpus.txt"
while IFS= read -r library; do
  if [ "$(head -c 4 "$library" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; then
    echo "$library" >> "$work/corpus.txt"
  fi
done < <(find "$libdir" -maxdepth 1 -name '*.so*' -type f | LC_ALL=C sort)
head -n "$corpus_size" "$work/corpus.txt" > "$work/corpus.list"

dotnet build "$here/TlsGuard.Benchmarks.csproj" -c Release -v quiet -nologo
bench=("dotnet" "$here/bin/Release/net10.0/TlsGuard.Benchmarks.dll")
"${bench[@]}" --prepare --relocations "$relocations" --work "$work"
"${bench[@]}" --processes --relocations "$relocations" --work "$work" \
  --cscan "$work/tlscount" --aot "$work/tools/tlsguard" --jit "$jit" \
  --small "$repo/tests/fixtures/elf/x86_64-gcc/libie_own.so" --corpus "$work/corpus.list"
"${bench[@]}" --relocations "$relocations" --work "$work" --libdir "$libdir"
