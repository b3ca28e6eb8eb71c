#!/usr/bin/env python3
"""Writes the package lab's facts manifest: what binutils readelf says about every ELF file in the restored packages.

    elf_facts.py PACKAGES_FOLDER PACKAGES_LIST OUTPUT_JSON

PACKAGES_FOLDER is the NuGet packages folder restore.sh filled (lower-case <id>/<version>/ layout); PACKAGES_LIST is
packages.txt. Only the listed package versions are described, whatever else a consumer restore put in the folder.

This is the independent oracle for TlsGuard's reader and loader model, so it uses no TlsGuard code: the TLS facts
come from the fixture manifest's readelf parser (tests/fixtures/make_manifest.py, `readelf -hlSdrW --dyn-syms`);
this script adds what the loader model needs on top: PT_INTERP, the version needs of .gnu.version_r (-V) and the C
library family those imply. Files that are not ELF but look like native binaries (ar archives, PE/COFF, Mach-O) are
listed by kind, so tests can check that folder scans pass over them. Standard library only.
"""
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))
import make_manifest  # noqa: E402  (the fixture manifest's readelf parser: one parser for both oracles)

ANDROID_NOTE_RE = re.compile(r"^\s+Android\s+0x[0-9a-f]+\s")
INTERP_RE = re.compile(r"\[Requesting program interpreter: (.*)\]")
VERSION_FILE_RE = re.compile(r"^\s*0x[0-9a-f]+:\s+Version: \d+\s+File: (\S+)\s+Cnt: \d+")
VERSION_NAME_RE = re.compile(r"^\s*0x[0-9a-f]+:\s+Name: (\S+)\s+Flags:")
# readelf prints the first entry's offset as "000000:" rather than "0x0000:".
VERSION_FIRST_FILE_RE = re.compile(r"^\s*0+:\s+Version: \d+\s+File: (\S+)\s+Cnt: \d+")

# The folder that names the RID in the layouts seen in real packages: NuGet's runtimes/<rid>/, and the private
# layouts some packages copy with their own targets (LLamaSharp, Whisper.net, Mono.Unix's debug symbols).
RID_FOLDERS = ("runtimes", "LLamaSharpRuntimes", "build", "auxiliary")


def read_packages_list(path):
    packages = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            text = line.split("#", 1)[0].strip()
            if text:
                package_id, version = text.split()[:2]
                packages.append((package_id, version))
    return packages


def file_kind(path):
    with open(path, "rb") as handle:
        magic = handle.read(8)
    if magic[:4] == b"\x7fELF":
        return "elf"
    if magic == b"!<arch>\n":
        return "ar"
    if magic[:2] == b"MZ":
        return "pe"
    if magic[:4] in (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa\xcf"):
        return "macho"
    return None


def rid_of(relative_path):
    """(convention, rid): 'nuget' for runtimes/<rid>/native, 'private' for a package's own <folder>/<rid>/ layout."""
    parts = relative_path.split("/")
    if len(parts) > 2 and parts[0] == "runtimes":
        return "nuget" if parts[2] in ("native", "nativeassets") else "runtimes-other", parts[1]
    if len(parts) > 2 and parts[0] in RID_FOLDERS:
        return "private", parts[1]
    return None, None


def version_needs(lines):
    """{file: [version names]} from readelf -V's .gnu.version_r listing."""
    needs, current, in_needs = {}, None, False
    for line in lines:
        if line.startswith("Version needs section"):
            in_needs = True
            continue
        if line.startswith("Version ") and "section" in line:
            in_needs = False
        if not in_needs:
            continue
        match = VERSION_FILE_RE.match(line) or VERSION_FIRST_FILE_RE.match(line)
        if match:
            current = needs.setdefault(match.group(1), [])
            continue
        match = VERSION_NAME_RE.match(line)
        if match and current is not None:
            current.append(match.group(1))
    return needs


def highest(versions, prefix):
    numbered = []
    for name in versions:
        if name.startswith(prefix):
            try:
                numbered.append((tuple(int(p) for p in name[len(prefix):].split(".")), name))
            except ValueError:
                continue
    return max(numbered)[1] if numbered else None


def libc_family(needed, interp, needs, android_note):
    """The C library the file was linked against, from DT_NEEDED, PT_INTERP, the version needs and the notes.

    A bare "libc.so" is ambiguous: bionic's soname, and also the soname of musl's own libc.so when a musl
    cross toolchain links the library (SQLitePCLRaw, libsodium, Secp256k1.Net musl builds). Bionic libraries carry
    an "Android" ELF note (NT_VERSION, the API level) and version needs on LIBC; musl has no symbol versioning.
    """
    names = set(needed) | ({os.path.basename(interp)} if interp else set())
    if any(n.startswith("libc.musl-") or n.startswith("ld-musl-") for n in names):
        return "musl"
    if "libc.so.6" in names or any(n.startswith("ld-linux") for n in names) or any(
            v.startswith("GLIBC_") for vs in needs.values() for v in vs):
        return "glibc"
    if android_note or (interp or "").startswith("/system/bin/linker") or any(
            v.startswith("LIBC") for v in needs.get("libc.so", [])):
        return "bionic"
    if "libc.so" in names:
        return "musl"
    return "none"


def describe(path):
    text = make_manifest.readelf(["-hlSdrVnW", "--dyn-syms", path])
    lines = text.splitlines()
    facts = make_manifest.describe(path, None, lines)
    facts.pop("path")
    facts.pop("member")
    interp = next((m.group(1) for m in map(INTERP_RE.search, lines) if m), None)
    needs = version_needs(lines)
    all_versions = [v for vs in needs.values() for v in vs]
    android_note = any(ANDROID_NOTE_RE.match(line) for line in lines)
    facts.update({
        "interp": interp,
        "versionNeeds": needs,
        "maxGlibc": highest(all_versions, "GLIBC_"),
        "maxGlibcxx": highest(all_versions, "GLIBCXX_"),
        "androidNote": android_note,
        "libc": libc_family(facts["needed"], interp, needs, android_note),
    })
    return facts


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: elf_facts.py PACKAGES_FOLDER PACKAGES_LIST OUTPUT_JSON")
    folder, listing, output = sys.argv[1:]
    packages, files, others = [], [], []
    for package_id, version in read_packages_list(listing):
        root = os.path.join(folder, package_id.lower(), version.lower())
        nupkg = os.path.join(root, f"{package_id.lower()}.{version.lower()}.nupkg")
        if not os.path.isfile(nupkg):
            sys.exit(f"{package_id} {version} is not restored in {folder}")
        count = 0
        for directory, subfolders, names in os.walk(root):
            subfolders.sort()
            for name in sorted(names):
                full = os.path.join(directory, name)
                relative = os.path.relpath(full, root).replace(os.sep, "/")
                kind = file_kind(full) if os.path.getsize(full) >= 64 else None
                if kind is None:
                    continue
                convention, rid = rid_of(relative)
                entry = {"package": package_id, "version": version, "path": relative, "ridConvention": convention,
                         "rid": rid, "size": os.path.getsize(full)}
                if kind == "elf":
                    entry["sha256"] = sha256(full)
                    entry.update(describe(full))
                    files.append(entry)
                    count += 1
                else:
                    entry["kind"] = kind
                    others.append(entry)
        packages.append({"id": package_id, "version": version, "nupkgBytes": os.path.getsize(nupkg), "elfFiles": count})
    manifest = {
        "tool": "readelf (binutils), via tests/TlsGuard.PackageLab/elf_facts.py",
        "readelf": make_manifest.readelf(["--version"]).splitlines()[0],
        "packages": packages,
        "elfFiles": files,
        "otherBinaries": others,
    }
    temporary = output + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1, sort_keys=False)
        handle.write("\n")
    os.replace(temporary, output)
    print(f"{len(files)} ELF files in {len(packages)} packages -> {output}")


if __name__ == "__main__":
    main()
