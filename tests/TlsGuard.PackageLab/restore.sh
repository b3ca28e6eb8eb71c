#!/usr/bin/env bash
# Restores the package lab (packages.txt) into a test-local NuGet packages folder and writes the readelf facts of
# every ELF file in it. Idempotent: a second run with the same list and scripts only checks a stamp.
#
#   tests/TlsGuard.PackageLab/restore.sh [CACHE]
#
# CACHE defaults to $TLSGUARD_PACKAGE_LAB, else <repo>/artifacts/package-lab. Layout:
#   CACHE/packages/       the NuGet packages folder (also the RestorePackagesPath of the lab's consumer apps)
#   CACHE/manifest.json   elf_facts.py's output
#   CACHE/stamp           what the cache was made from (list + scripts); a change re-runs the restore and the facts
# Never touches ~/.nuget/packages. Concurrent runs wait for each other (flock on CACHE/lock).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${1:-${TLSGUARD_PACKAGE_LAB:-$repo/artifacts/package-lab}}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

exec 9>"$cache/lock"
flock 9

stamp=$(cat "$here/packages.txt" "$here/restore.sh" "$here/elf_facts.py" "$repo/tests/fixtures/make_manifest.py" | sha256sum | cut -d' ' -f1)
if [ -f "$cache/stamp" ] && [ "$(cat "$cache/stamp")" = "$stamp" ] && [ -f "$cache/manifest.json" ]; then
  echo "package lab up to date: $cache"
  exit 0
fi

project="$cache/restore"
rm -rf "$project"
mkdir -p "$project"
cat > "$project/nuget.config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
XML
{
  echo '<Project Sdk="Microsoft.NET.Sdk">'
  echo '  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>'
  echo '  <ItemGroup>'
  # PackageDownload fetches the exact versions as they are, with no dependency or asset resolution.
  sed -e 's/#.*//' "$here/packages.txt" | awk 'NF >= 2 { printf "    <PackageDownload Include=\"%s\" Version=\"[%s]\" />\n", $1, $2 }'
  echo '  </ItemGroup>'
  echo '</Project>'
} > "$project/PackageLabRestore.csproj"

# The throwaway project lives outside the repository's Directory.Build.props only when CACHE does; keep the
# repository's central package management and props out either way.
dotnet restore "$project/PackageLabRestore.csproj" --packages "$cache/packages" -nologo -v:q \
  -p:ImportDirectoryBuildProps=false -p:ImportDirectoryPackagesProps=false -p:ManagePackageVersionsCentrally=false

python3 "$here/elf_facts.py" "$cache/packages" "$here/packages.txt" "$cache/manifest.json"
echo "$stamp" > "$cache/stamp"
