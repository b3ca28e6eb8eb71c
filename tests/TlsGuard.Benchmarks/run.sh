#!/usr/bin/env bash
# Builds the scanner benchmarks in Release and runs them. Needs gcc and binutils (readelf).
# Arguments are passed through: [--libdir DIR] [--relocations N] [--work DIR].
# The generated library is built by a separate first process so that readelf's measured peak RSS excludes gcc.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/TlsGuard.Benchmarks.csproj" -c Release -v quiet -nologo
dotnet "$here/bin/Release/net10.0/TlsGuard.Benchmarks.dll" --prepare "$@"
dotnet "$here/bin/Release/net10.0/TlsGuard.Benchmarks.dll" "$@"
