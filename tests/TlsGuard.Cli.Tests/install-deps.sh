#!/usr/bin/env bash
# Installs what TlsGuard.Cli.Tests needs beyond the .NET SDK: python3-jsonschema validates the SARIF output
# against the official schema (no JSON-schema library restores from the NuGet mirror), and libjemalloc2 is the
# real-world library the end-to-end scans use.
set -euo pipefail

packages=(python3-jsonschema libjemalloc2)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -ne 0 ] && as_root=(sudo)
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
