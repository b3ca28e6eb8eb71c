#!/usr/bin/env bash
# Prepares the load hosts the loader lab tests run (tests/TlsGuard.LoaderTests/Loader/Lab), cached under
# artifacts/loader-cache and rebuilt only when their inputs change:
#   probe-linux-arm64/   LoadProbe published self-contained for linux-arm64 (run under qemu-aarch64 with the
#                        Debian arm64 cross C library as sysroot)
#   probe-aot-linux-x64/ LoadProbe published with native AOT for linux-x64
#   probe-singlefile-linux-x64/, probe-singlefile-linux-arm64/
#                        LoadProbe published as one self-contained file (singlefilehost: the runtime linked in)
#   glibc-2.41/          Debian 13 ("trixie") libc6, libstdc++6 and libgcc-s1 unpacked (debs cached in debs/)
#   dotnet-glibc-2.41/   a copy of the dotnet muxer whose interpreter and RPATH point into glibc-2.41/
# NuGet restores go to artifacts/loader-cache/packages, apt state to artifacts/loader-cache/apt: neither the global
# NuGet folder nor the system's apt lists are touched. Needs dotnet, apt-get, dpkg-deb and patchelf
# (scripts/install-test-deps.sh installs patchelf and calls this script).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="$repo/artifacts/loader-cache"
probe="$repo/tests/TlsGuard.LoaderTests/LoadProbe"
mkdir -p "$cache"

# A stamp holds the hash of everything a product depends on; a product is rebuilt when the hash changes.
stamp_of() {
  { cat "$@"; dotnet --version; } | sha256sum | cut -d' ' -f1
}

fresh() {
  local stamp_file="$1" expected="$2"
  [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$expected" ]
}

publish_probe() {
  local name="$1"
  shift
  local out="$cache/$name" stamp
  stamp=$(stamp_of "$probe/Program.cs" "$probe/LoadProbe.csproj" <(echo "$*"))
  if fresh "$out/.stamp" "$stamp"; then
    return
  fi
  echo "loader-cache: publishing $name"
  rm -rf "$out" "$cache/build-$name"
  # --artifacts-path keeps this publish's obj/bin away from the solution build of the same project.
  dotnet publish "$probe/LoadProbe.csproj" -c Release -nologo -v:q \
    -p:InvariantGlobalization=true -p:DisableTransitiveFrameworkReferenceDownloads=true \
    --artifacts-path "$cache/build-$name" --packages "$cache/packages" -o "$out" "$@"
  echo "$stamp" >"$out/.stamp"
}

publish_probe probe-linux-arm64 -r linux-arm64 --self-contained
publish_probe probe-aot-linux-x64 -r linux-x64 -p:PublishAot=true
publish_probe probe-singlefile-linux-x64 -r linux-x64 --self-contained -p:PublishSingleFile=true
publish_probe probe-singlefile-linux-arm64 -r linux-arm64 --self-contained -p:PublishSingleFile=true

# glibc 2.41 from Debian 13, fetched with a private apt configuration (own sources, lists and archive cache).
trixie_packages=(libc6 libstdc++6 libgcc-s1)
root="$cache/glibc-2.41"
root_stamp=$(echo "trixie ${trixie_packages[*]}" | sha256sum | cut -d' ' -f1)
if ! fresh "$root/.stamp" "$root_stamp"; then
  echo "loader-cache: fetching ${trixie_packages[*]} from Debian 13 (trixie)"
  apt_dir="$cache/apt"
  mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$cache/debs"
  cat >"$apt_dir/sources/trixie.sources" <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt_options=(
    -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/sources"
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir" -o "Dir::Cache::Archives=$apt_dir/archives"
    -o Dir::State::Status=/dev/null -o APT::Sandbox::User=root
    -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false
  )
  apt-get -qq "${apt_options[@]}" update
  (cd "$cache/debs" && rm -f ./*.deb && apt-get -qq "${apt_options[@]}" download "${trixie_packages[@]}")
  rm -rf "$root"
  mkdir -p "$root"
  for deb in "$cache"/debs/*.deb; do
    dpkg-deb -x "$deb" "$root"
  done
  echo "$root_stamp" >"$root/.stamp"
fi

# The dotnet muxer finds host/ and shared/ next to itself: links to the installed ones keep the runtime the same.
libdir="$root/usr/lib/x86_64-linux-gnu"
muxer_dir="$cache/dotnet-glibc-2.41"
installed_muxer="$(readlink -f "$(command -v dotnet)")"
muxer_stamp=$(stamp_of "$installed_muxer" "$root/.stamp")
if ! fresh "$muxer_dir/.stamp" "$muxer_stamp"; then
  echo "loader-cache: patching a dotnet muxer for glibc 2.41"
  rm -rf "$muxer_dir"
  mkdir -p "$muxer_dir"
  dotnet_root="$(dirname "$installed_muxer")"
  cp "$installed_muxer" "$muxer_dir/dotnet"
  ln -s "$dotnet_root/host" "$muxer_dir/host"
  ln -s "$dotnet_root/shared" "$muxer_dir/shared"
  # DT_RPATH (not RUNPATH) so that libraries loaded later (libstdc++ for libcoreclr, librt) come from the same root.
  patchelf --set-interpreter "$libdir/ld-linux-x86-64.so.2" --force-rpath --set-rpath "$libdir" "$muxer_dir/dotnet"
  echo "$muxer_stamp" >"$muxer_dir/.stamp"
fi
