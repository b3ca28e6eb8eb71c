using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TlsGuard.PackageLab
{
    /// <summary>The C library an ELF file was linked against, as elf_facts.py derives it from readelf.</summary>
    public enum LibcFamily
    {
        /// <summary>No C library named: debug-only files (.so.dbg) and wrappers such as libtorch.so that need only other libraries.</summary>
        None,
        Glibc,
        Musl,
        Bionic,
    }

    public sealed record TlsBlockFacts(int Size, int Align);

    /// <summary>One ELF file of a lab package, as readelf (binutils) reports it. Written by elf_facts.py.</summary>
    public sealed record ElfFileFacts(
        string Package,
        string Version,
        string Path,
        string? RidConvention,
        string? Rid,
        long Size,
        string Sha256,
        string Machine,
        int ElfClass,
        string Endianness,
        string Type,
        string? Soname,
        IReadOnlyList<string> Needed,
        IReadOnlyList<string> Runpath,
        IReadOnlyList<string> Rpath,
        bool DfStaticTls,
        TlsBlockFacts? TlsBlock,
        IReadOnlyDictionary<string, int> StaticTlsRelocations,
        IReadOnlyDictionary<string, int> DynamicTlsRelocations,
        string? Interp,
        IReadOnlyDictionary<string, IReadOnlyList<string>> VersionNeeds,
        string? MaxGlibc,
        string? MaxGlibcxx,
        bool AndroidNote,
        LibcFamily Libc)
    {
        public string FileName => System.IO.Path.GetFileName(Path);

        public int StaticTlsRelocationCount => StaticTlsRelocations.Values.Sum();

        /// <summary>A loadable library, not a detached debug file (those keep the ELF header but have no dynamic section).</summary>
        public bool IsLoadable => Type == "dyn" && (Libc != LibcFamily.None || Needed.Count > 0);

        public override string ToString() => Package + "/" + Version + "/" + Path;
    }

    public sealed record PackageFacts(string Id, string Version, long NupkgBytes, int ElfFiles);

    /// <summary>A file that looks native but is not ELF (PE/COFF, Mach-O, ar archives): a folder scan must pass over it.</summary>
    public sealed record OtherBinary(string Package, string Version, string Path, string? Rid, long Size, string Kind);

    /// <summary>manifest.json of the package cache: every ELF file of the listed packages, with readelf's facts.</summary>
    public sealed record ElfFactsManifest(
        string Tool,
        string Readelf,
        IReadOnlyList<PackageFacts> Packages,
        IReadOnlyList<ElfFileFacts> ElfFiles,
        IReadOnlyList<OtherBinary> OtherBinaries)
    {
        public static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };

        public static ElfFactsManifest Read(string path)
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<ElfFactsManifest>(stream, Json)
                ?? throw new InvalidDataException(path + " is empty");
        }

        /// <summary>The loadable libraries for one RID folder (runtimes/&lt;rid&gt;/ or a package's own &lt;folder&gt;/&lt;rid&gt;/).</summary>
        public IEnumerable<ElfFileFacts> Libraries(string rid) => ElfFiles.Where(f => f.Rid == rid && f.IsLoadable);

        public ElfFileFacts Single(string package, string fileName) =>
            ElfFiles.Single(f => f.Package == package && f.FileName == fileName);
    }
}
