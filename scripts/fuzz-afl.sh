#!/usr/bin/env bash
# Coverage-guided fuzzing of the scanner with afl++ and SharpFuzz (see tests/TlsGuard.Fuzz/README.md).
#
#   scripts/fuzz-afl.sh                 # one-hour campaign, results in artifacts/fuzz-afl/findings
#   FUZZ_SECONDS=600 scripts/fuzz-afl.sh
#   FUZZ_RESUME=1 scripts/fuzz-afl.sh   # continue the previous campaign's queue instead of reseeding
#
# Steps: installs afl++ (Debian) and the `sharpfuzz` instrumentation tool (a .NET tool, into a local tool folder);
# publishes tests/TlsGuard.Fuzz; instruments its copy of TlsGuard.Core.dll (only that copy: the repository's build
# output is untouched); seeds the corpus with every distinct committed fixture; runs ONE afl-fuzz instance at
# nice 19 (the machine is shared). Crashes are inputs whose scan broke a harness rule (an undocumented error, the
# allocation budget, the read bound); hangs are inputs that ran past the -t timeout. Turn each into a regression
# test (tests/TlsGuard.Fuzz.Tests/Regressions).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-3600}"
timeout_ms="${FUZZ_TIMEOUT_MS:-5000}"
work="${FUZZ_WORK:-$PWD/artifacts/fuzz-afl}"
tools="$work/tools"
bin="$work/bin"
seeds="$work/seeds"
findings="$work/findings"

if ! command -v afl-fuzz >/dev/null; then
  as_root=()
  [ "$(id -u)" -ne 0 ] && as_root=(sudo)
  "${as_root[@]}" apt-get update -qq || echo "apt-get update reported a problem; trying the install anyway" >&2
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi

if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

rm -rf "$bin"
dotnet publish tests/TlsGuard.Fuzz/TlsGuard.Fuzz.csproj -c Release -o "$bin" -nologo -v:q
"$tools/sharpfuzz" "$bin/TlsGuard.Core.dll"

if [ "${FUZZ_RESUME:-0}" = 1 ] && [ -d "$findings/default/queue" ]; then
  input=-
else
  rm -rf "$seeds" "$findings"
  mkdir -p "$seeds"
  # One copy of each distinct fixture, named by content hash (afl wants small, distinct seeds).
  find tests/fixtures/elf -type f -size -1000k -print0 | while IFS= read -r -d '' f; do
    cp "$f" "$seeds/$(sha1sum "$f" | cut -c1-12)"
  done
  input="$seeds"
fi

# AFL_SKIP_BIN_CHECK: the target is the dotnet host, instrumented by SharpFuzz at the IL level, not by afl-cc.
# AFL_NO_AFFINITY: do not pin a core on a shared machine. AFL_NO_UI: plain log lines for a log file.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export DOTNET_TieredPGO=0 DOTNET_gcServer=0
nice -n 19 afl-fuzz -i "$input" -o "$findings" -t "$timeout_ms" -m none -V "$seconds" -- dotnet "$bin/TlsGuard.Fuzz.dll" afl

stats="$findings/default/fuzzer_stats"
if [ -f "$stats" ]; then
  grep -E '^(start_time|last_update|run_time|execs_done|execs_per_sec|corpus_count|corpus_found|saved_crashes|saved_hangs|bitmap_cvg|stability)' "$stats"
fi
