using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// What the scanner learned about one ELF file (or one member of an ar archive). Plain data: every face
    /// (CLI, MSBuild task, reports) prints from this, and the JSON field names mirror the property names.
    /// Lists are capped (<see cref="ScanLimits"/>); each has a total beside it that counts every entry the file has,
    /// so a list that reached its cap says so. A total left unset equals its list's length.
    /// </summary>
    public sealed class ElfScanResult
    {
        private readonly int? neededTotal;
        private readonly int? runpathTotal;
        private readonly int? rpathTotal;
        private readonly int? staticTlsSymbolsTotal;
        private readonly int? definedTlsSymbolsTotal;
        private readonly int? versionRequirementsTotal;
        private readonly int? versionDefinitionsTotal;
        private readonly int? versionedImportsTotal;
        private string path = "";

        /// <summary>The path as given; for an archive member, the archive path.</summary>
        public string Path { get => path; init => path = value; }

        /// <summary>Member name inside an ar archive, or null for a plain file.</summary>
        public string? ArchiveMember { get; init; }

        /// <summary>Machine, class and byte order; default (all None) when the header could not be read.</summary>
        public ElfPlatform Platform { get; init; }

        /// <summary>e_type; <see cref="ElfType.None"/> when the header could not be read.</summary>
        public ElfType FileType { get; init; }

        public string? Soname { get; init; }

        /// <summary>PT_INTERP: the program interpreter (the dynamic loader) an executable asks for; null without one.</summary>
        public string? Interpreter { get; init; }

        public IReadOnlyList<string> Needed { get; init; } = new string[0];

        public int NeededTotal { get => Total(neededTotal, Needed); init => neededTotal = value; }

        public IReadOnlyList<string> Runpath { get; init; } = new string[0];

        public int RunpathTotal { get => Total(runpathTotal, Runpath); init => runpathTotal = value; }

        public IReadOnlyList<string> Rpath { get; init; } = new string[0];

        public int RpathTotal { get => Total(rpathTotal, Rpath); init => rpathTotal = value; }

        /// <summary>DF_STATIC_TLS in DT_FLAGS. A hint only: GNU ld and LLD omit it on AArch64.</summary>
        public bool DfStaticTls { get; init; }

        /// <summary>The PT_TLS segment, or null when the file defines no TLS.</summary>
        public TlsBlock? TlsBlock { get; init; }

        /// <summary>
        /// Relocations that force static TLS, keyed by the type name readelf prints, ordinal order:
        /// TP-relative dynamic relocations in shared objects and executables, IE/LE relocations in object files.
        /// Counts saturate at int.MaxValue.
        /// </summary>
        public IReadOnlyDictionary<string, int> StaticTlsRelocations { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>GD/LD/TLSDESC relocations (dynamic TLS), keyed by type name; TLSDESC users draw on glibc's optional pool.</summary>
        public IReadOnlyDictionary<string, int> DynamicTlsRelocations { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>For object files: the strongest model the static-TLS relocations select (initial-exec or local-exec); null otherwise.</summary>
        public TlsAccessModel? ObjectTlsModel { get; init; }

        /// <summary>The TLS symbols the static-TLS relocations reference, one entry per distinct symbol, in first-seen order.</summary>
        public IReadOnlyList<StaticTlsSymbol> StaticTlsSymbols { get; init; } = new StaticTlsSymbol[0];

        public int StaticTlsSymbolsTotal { get => Total(staticTlsSymbolsTotal, StaticTlsSymbols); init => staticTlsSymbolsTotal = value; }

        /// <summary>
        /// Names of the TLS symbols this file defines and exports (non-local STT_TLS symbols with a section in the
        /// dynamic symbol table; for object files, in .symtab), in table order. Lets analysis find which module an
        /// initial-exec relocation against a named symbol lands on.
        /// </summary>
        public IReadOnlyList<string> DefinedTlsSymbols { get; init; } = new string[0];

        public int DefinedTlsSymbolsTotal { get => Total(definedTlsSymbolsTotal, DefinedTlsSymbols); init => definedTlsSymbolsTotal = value; }

        /// <summary>DT_VERNEED: the versions needed from each file, read through the dynamic segment (section headers not needed).</summary>
        public IReadOnlyList<VersionRequirement> VersionRequirements { get; init; } = new VersionRequirement[0];

        public int VersionRequirementsTotal { get => Total(versionRequirementsTotal, VersionRequirements); init => versionRequirementsTotal = value; }

        /// <summary>DT_VERDEF: the versions this file defines, without the base entry that names the file itself (libc.so.6: GLIBC_2.2.5 … GLIBC_PRIVATE).</summary>
        public IReadOnlyList<string> VersionDefinitions { get; init; } = new string[0];

        public int VersionDefinitionsTotal { get => Total(versionDefinitionsTotal, VersionDefinitions); init => versionDefinitionsTotal = value; }

        /// <summary>Undefined dynamic symbols bound to a needed version, in dynamic-symbol order.</summary>
        public IReadOnlyList<VersionedImport> VersionedImports { get; init; } = new VersionedImport[0];

        public int VersionedImportsTotal { get => Total(versionedImportsTotal, VersionedImports); init => versionedImportsTotal = value; }

        /// <summary>Null when the file was read; otherwise a one-line reason ("truncated program header table", ...).</summary>
        public string? Error { get; init; }

        public bool HasStaticTls => StaticTlsRelocations.Count > 0;

        /// <summary>A shared object read without error: what a DT_NEEDED name can resolve to and what dlopen maps.</summary>
        public bool IsSharedObject => Error == null && FileType == ElfType.SharedObject && ArchiveMember == null;

        /// <summary>An object file (or archive member) read without error.</summary>
        public bool IsObjectFile => Error == null && FileType == ElfType.Relocatable;

        /// <summary>"path" or "path(member)" for archive members: the name to show a person.</summary>
        public string DisplayPath => ArchiveMember == null ? Path : Path + "(" + ArchiveMember + ")";

        /// <summary>The same facts for the same file reached by another path (a link, /lib and /usr/lib on a merged-/usr system).</summary>
        internal ElfScanResult At(string otherPath)
        {
            var copy = (ElfScanResult)MemberwiseClone();
            copy.path = otherPath;
            return copy;
        }

        private static int Total<T>(int? total, IReadOnlyList<T> list) => Math.Max(total ?? 0, list.Count);
    }
}
