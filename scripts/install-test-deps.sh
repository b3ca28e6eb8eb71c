#!/usr/bin/env bash
# Installs the Debian packages the tests read or load: real-world libraries (jemalloc, libgomp, mimalloc, Mesa/glvnd,
# tcmalloc and the GCC 12 sanitizer runtimes, whose TLS the known-offender table rests on),
# the SARIF schema validator, qemu-user with an arm64 cross compiler and C library (AArch64 loader agreement)
# and musl-tools (musl loader agreement), patchelf (hosts given another C library's loader), and clang, which with that
# cross compiler's binutils and C library links the linux-arm64 native AOT tool on x86-64 (the tool-package tests pack
# it). Then it prepares the loader lab's load hosts (scripts/setup-loader-hosts.sh: arm64 and native-AOT LoadProbe,
# Debian 13's glibc 2.41). Tests fail, not skip, when these are missing.
# The arm64 cross C library (libc6/libstdc++6/libgcc-s1-arm64-cross, under /usr/aarch64-linux-gnu) is the sysroot
# qemu-aarch64 runs the arm64 hosts with.
set -euo pipefail

packages=(libjemalloc2 libgomp1 libmimalloc2.0 libgl1 libtcmalloc-minimal4 libasan8 libtsan2 liblsan0 libubsan1 python3-jsonschema qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross
  libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross musl-tools patchelf clang)
packages+=("$@")

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

install_missing() {
  if [ ${#missing[@]} -eq 0 ]; then
    return
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
}

install_missing
"$(dirname "$0")/setup-loader-hosts.sh"
