#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the test dependencies, builds, runs all test projects,
# and prints one closing line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-deps.sh

results="$PWD/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build TlsGuard.sln -c Release -nologo -v:q
status=0
dotnet test TlsGuard.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1200000 || status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
