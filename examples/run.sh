#!/usr/bin/env bash
# The TlsGuard demonstration: packs TlsGuard into artifacts/feed, builds examples/HelloJemalloc against the package
# (TLS001 and TLS100 warnings), runs the app (the library fails to load just as warned), then runs it again with the
# GLIBC_TUNABLES setting the warning suggests (it loads).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== dotnet pack nuget/TlsGuard.Package.csproj -c Release -o artifacts/feed"
dotnet pack nuget/TlsGuard.Package.csproj -c Release -o artifacts/feed -nologo -v:q
package=$(ls -t artifacts/feed/TlsGuard.[0-9]*.nupkg | head -1)
version=$(basename "$package" .nupkg)
version=${version#TlsGuard.}

# A re-pack of the same version would otherwise be served from the examples' packages folder.
rm -rf examples/.packages/tlsguard examples/HelloJemalloc/obj examples/HelloJemalloc/bin

echo
echo "== dotnet build examples/HelloJemalloc (TlsGuard $version)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build examples/HelloJemalloc -nologo -v:m -p:TlsGuardVersion="$version" | tee "$log"

app=examples/HelloJemalloc/bin/Debug/net10.0/HelloJemalloc
echo
echo "== $app"
"$app" || true

tunable=$(grep -o 'GLIBC_TUNABLES=glibc\.rtld\.[a-z_.=0-9:]*' "$log" | head -1)
echo
echo "== $tunable $app    (the run-time workaround from the warning)"
env "$tunable" "$app"
