#!/usr/bin/env bash
# Installs the Debian packages the tests read or load: real-world libraries (jemalloc, mimalloc, Mesa/glvnd),
# the SARIF schema validator, qemu-user with an arm64 cross compiler and C library (AArch64 loader agreement)
# and musl-tools (musl loader agreement); clang, which with that cross compiler's binutils and C library links the
# linux-arm64 native AOT tool on x86-64 (the tool-package tests pack it). Tests fail, not skip, when these are missing.
# Cross compilers are NOT needed: fixtures are committed (tests/fixtures/build.sh regenerates them).
set -euo pipefail

packages=(libjemalloc2 libmimalloc2.0 libgl1 python3-jsonschema qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross musl-tools clang)
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
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
