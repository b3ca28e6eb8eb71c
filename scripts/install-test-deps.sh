#!/usr/bin/env bash
# Installs the Debian packages the tests read or load: real-world libraries (jemalloc, mimalloc, Mesa/glvnd),
# the SARIF schema validator, qemu-user with an arm64 cross compiler and C library (AArch64 loader agreement)
# and musl-tools (musl loader agreement). Tests fail, not skip, when these are missing.
# Cross compilers are NOT needed: fixtures are committed (tests/fixtures/build.sh regenerates them).
set -euo pipefail

packages=(libjemalloc2 libmimalloc2.0 libgl1 python3-jsonschema qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross musl-tools)
packages+=("$@")

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi

echo "Installing: ${missing[*]}"
# One unreachable index (a third-party source, a mirror down) makes apt-get update fail although the indexes that
# hold these packages were refreshed; only a failed install means the tests cannot run.
if ! "${as_root[@]}" apt-get update -qq; then
  echo "install-test-deps: apt-get update could not refresh every package index; installing with the indexes at hand" >&2
fi
if ! DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "install-test-deps: could not install: ${missing[*]}" >&2
  exit 1
fi
