#!/usr/bin/env bash
# Measures what TlsGuard costs a build:
#  1. a no-op incremental `dotnet build` of a console app that ships a native library, with and without the
#     TlsGuard package (median of N runs each, and the ratio);
#  2. the first build of a project that carries a generated 100+ MB library (generated here, never committed),
#     with TlsGuard enabled and disabled, plus the time the TlsGuard task itself took (MSBuild's task summary);
#  3. CheckNativeLibraries' own time (MSBuild's -clp:PerformanceSummary) in a no-op rebuild of an app that ships
#     200 unchanged libraries (generated here), median of N no-op rebuilds. Target: <= 30 ms. Twice: in a fresh MSBuild
#     process per build (node reuse off, the task is JIT-compiled every time), and in a warm MSBuild server.
#  4. `dotnet pack --no-build` of a class library that packs the fixture for linux-x64 and linux-musl-x64, with
#     TlsGuardEnabled false and true (median of N runs each), and the pack-time task's own time.
# Usage: tests/TlsGuard.IntegrationTests/measure.sh [runs]   (default 5; needs gcc)
# Builds run with node reuse off so that each build is independent of the last (and no MSBuild node outlives the script).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
work=$(mktemp -d /tmp/tlsguard-measure.XXXXXX)
trap 'rm -rf "$work"' EXIT
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version="0.1.0-measure.$(date +%s)"

dotnet pack "$repo/nuget/TlsGuard.Package.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" -nologo -v:q >/dev/null

# project <dir> <with|without> <library path> [items]: the library as a None item copied to the output, or the
# given MSBuild items instead.
project() {
  local dir=$1 mode=$2 library=$3
  local items=${4:-<None Include=\"$library\" Link=\"$(basename "$library")\" CopyToOutputDirectory=\"PreserveNewest\" />}
  mkdir -p "$dir"
  cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$work/feed" />
<add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" /></packageSources></configuration>
XML
  local reference=""
  if [ "$mode" = with ]; then
    reference="<ItemGroup><PackageReference Include=\"TlsGuard\" Version=\"$version\" PrivateAssets=\"all\" /></ItemGroup>"
  fi
  cat > "$dir/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>
    <RestorePackagesPath>$work/packages</RestorePackagesPath></PropertyGroup>
  $reference
  <ItemGroup>$items</ItemGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hello");' > "$dir/Program.cs"
}

seconds() { # runs a command, prints its wall time in seconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

task_ms() { # the CheckNativeLibraries line of MSBuild's task performance summary, in ms (0 when it did not run)
  local verb=build
  if [ "$1" = pack ]; then verb=pack; shift; fi
  dotnet "$verb" "$@" -nologo -clp:PerformanceSummary | awk '/ ms +CheckNativeLibraries +[0-9]+ calls/ { print $1; found = 1 } END { if (!found) print 0 }'
}

fixture="$repo/tests/fixtures/elf/x86_64-gcc/libie_own.so"
echo "== no-op incremental build, median of $runs (console app + ${fixture#"$repo"/})"
for mode in without with; do
  project "$work/noop-$mode" "$mode" "$fixture"
  dotnet build "$work/noop-$mode" -nologo -v:q >/dev/null
  for _ in $(seq "$runs"); do seconds dotnet build "$work/noop-$mode" --no-restore -nologo -v:q; done > "$work/noop-$mode.times"
  printf '%-8s median %ss  runs: %s\n' "$mode" "$(median < "$work/noop-$mode.times")" "$(tr '\n' ' ' < "$work/noop-$mode.times")"
done
awk -v a="$(median < "$work/noop-with.times")" -v b="$(median < "$work/noop-without.times")" 'BEGIN { printf "ratio with/without: %.3f\n", a / b }'
echo "TlsGuard task in a no-op build: $(task_ms "$work/noop-with" --no-restore) ms"

echo
echo "== first build with a generated large library"
cat > "$work/big.c" <<'C'
/* 112 MiB of initialised read-only data, plus a 2632-byte initial-exec TLS block like jemalloc's. */
const char big_blob[112 * 1024 * 1024] = { 1 };
static __thread char big_tls[2632];
int big_touch(int i) { big_tls[i % 2632]++; return big_blob[i] + big_tls[(i + 1) % 2632]; }
C
gcc -shared -fPIC -O2 -ftls-model=initial-exec -o "$work/libbig.so" "$work/big.c"
echo "library: $(stat -c %s "$work/libbig.so") bytes"
project "$work/big" with "$work/libbig.so"
dotnet restore "$work/big" -nologo -v:q >/dev/null
for enabled in false true; do
  rm -rf "$work/big/bin" "$work/big/obj/Debug"
  echo "TlsGuardEnabled=$enabled: first build $(seconds dotnet build "$work/big" --no-restore -nologo -v:q -p:TlsGuardEnabled=$enabled)s"
done
rm -rf "$work/big/bin" "$work/big/obj/Debug"
echo "TlsGuard task time, first build: $(task_ms "$work/big" --no-restore) ms; no-op rebuild: $(task_ms "$work/big" --no-restore) ms"

echo
libraries=200
echo "== no-op rebuild with $libraries unchanged libraries: CheckNativeLibraries' own time, median of $runs (target <= 30 ms)"
mkdir -p "$work/many/libs"
cat > "$work/many.c" <<'C'
/* One of the app's small libraries; some also carry an initial-exec TLS variable, so findings repeat on every build. */
#ifdef WITH_TLS
static __thread int counter __attribute__((tls_model("initial-exec")));
int bump(void) { return ++counter; }
#endif
int value(void) { return VALUE; }
C
for i in $(seq "$libraries"); do
  tls=()
  if [ $((i % 40)) -eq 0 ]; then tls=(-DWITH_TLS); fi
  gcc -shared -fPIC -O2 "${tls[@]}" -DVALUE="$i" -Wl,-soname,"libapp$i.so" -o "$work/many/libs/libapp$i.so" "$work/many.c"
done
project "$work/many" with "" '<None Include="libs/*.so" CopyToOutputDirectory="PreserveNewest" />'
dotnet build "$work/many" -nologo -v:q >/dev/null
echo "analyses reused in a no-op rebuild (the scan and the output scan): $(dotnet build "$work/many" --no-restore -nologo -v:diag | grep -c 'TlsGuard: .* from cache, analysis reused')"
for _ in $(seq "$runs"); do task_ms "$work/many" --no-restore; done > "$work/many.times"
echo "CheckNativeLibraries, no-op rebuild, fresh MSBuild process (task JIT-compiled every build): median $(median < "$work/many.times") ms  runs: $(tr '\n' ' ' < "$work/many.times")"
# A warm node: the MSBuild server (DOTNET_CLI_USE_MSBUILD_SERVER) keeps the process that builds the project, and with it
# the loaded, JIT-compiled task, from one build to the next, as node reuse and an IDE do. A handshake salt of our own
# keeps other builds on this machine off our server, and lets us find and stop exactly the processes we started.
salt="tlsguard-measure-$$"
(
  unset MSBUILDDISABLENODEREUSE
  export DOTNET_CLI_USE_MSBUILD_SERVER=1 MSBUILDNODEHANDSHAKESALT="$salt"
  dotnet build "$work/many" --no-restore -nologo -v:q >/dev/null
  for _ in $(seq "$runs"); do task_ms "$work/many" --no-restore; done > "$work/many-warm.times"
)
for pid in $(pgrep -f 'MSBuild' || true); do
  if tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "MSBUILDNODEHANDSHAKESALT=$salt"; then kill "$pid" 2>/dev/null || true; fi
done
echo "CheckNativeLibraries, no-op rebuild, warm MSBuild server (task loaded and compiled once): median $(median < "$work/many-warm.times") ms  runs: $(tr '\n' ' ' < "$work/many-warm.times")"

echo
echo "== dotnet pack --no-build, class library packing ${fixture#"$repo"/} for linux-x64 and linux-musl-x64, median of $runs"
mkdir -p "$work/pack"
cp "$work/noop-with/nuget.config" "$work/pack/"
cat > "$work/pack/Lib.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><RestorePackagesPath>$work/packages</RestorePackagesPath></PropertyGroup>
  <ItemGroup><PackageReference Include="TlsGuard" Version="$version" PrivateAssets="all" /></ItemGroup>
  <ItemGroup><None Include="$fixture" Link="libie_own.so" Pack="true" PackagePath="runtimes/linux-x64/native/;runtimes/linux-musl-x64/native/" /></ItemGroup>
</Project>
XML
echo 'namespace Lib { public static class Api { } }' > "$work/pack/Api.cs"
dotnet build "$work/pack" -c Release -nologo -v:q >/dev/null   # dotnet pack builds Release by default
for enabled in false true; do
  for _ in $(seq "$runs"); do seconds dotnet pack "$work/pack" --no-build --no-restore -o "$work/pack/out" -nologo -v:q -p:TlsGuardEnabled=$enabled; done > "$work/pack-$enabled.times"
  printf 'TlsGuardEnabled=%-5s median %ss  runs: %s\n' "$enabled" "$(median < "$work/pack-$enabled.times")" "$(tr '\n' ' ' < "$work/pack-$enabled.times")"
done
echo "TlsGuard task at pack: $(task_ms pack "$work/pack" --no-build --no-restore -o "$work/pack/out") ms"
