using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// What the scanner learned about one ELF file (or one member of an ar archive). Plain data: every face
    /// (CLI, MSBuild task, reports) prints from this, and the JSON field names mirror the property names.
    /// </summary>
    public sealed class ElfScanResult
    {
        /// <summary>The path as given; for an archive member, the archive path.</summary>
        public string Path { get; init; } = "";

        /// <summary>Member name inside an ar archive, or null for a plain file.</summary>
        public string? ArchiveMember { get; init; }

        /// <summary>Machine, class and byte order; default (all None) when the header could not be read.</summary>
        public ElfPlatform Platform { get; init; }

        /// <summary>e_type; <see cref="ElfType.None"/> when the header could not be read.</summary>
        public ElfType FileType { get; init; }

        public string? Soname { get; init; }
        public IReadOnlyList<string> Needed { get; init; } = new string[0];
        public IReadOnlyList<string> Runpath { get; init; } = new string[0];
        public IReadOnlyList<string> Rpath { get; init; } = new string[0];

        /// <summary>DF_STATIC_TLS in DT_FLAGS. A hint only: GNU ld and LLD omit it on AArch64.</summary>
        public bool DfStaticTls { get; init; }

        /// <summary>The PT_TLS segment, or null when the file defines no TLS.</summary>
        public TlsBlock? TlsBlock { get; init; }

        /// <summary>
        /// Relocations that force static TLS, keyed by the type name readelf prints, ordinal order:
        /// TP-relative dynamic relocations in shared objects and executables, IE/LE relocations in object files.
        /// </summary>
        public IReadOnlyDictionary<string, int> StaticTlsRelocations { get; init; } = new SortedDictionary<string, int>(System.StringComparer.Ordinal);

        /// <summary>GD/LD/TLSDESC relocations (dynamic TLS), keyed by type name; TLSDESC users draw on glibc's optional pool.</summary>
        public IReadOnlyDictionary<string, int> DynamicTlsRelocations { get; init; } = new SortedDictionary<string, int>(System.StringComparer.Ordinal);

        /// <summary>For object files: the strongest model the static-TLS relocations select (initial-exec or local-exec); null otherwise.</summary>
        public TlsAccessModel? ObjectTlsModel { get; init; }

        /// <summary>The TLS symbols the static-TLS relocations reference, one entry per distinct symbol, in first-seen order.</summary>
        public IReadOnlyList<StaticTlsSymbol> StaticTlsSymbols { get; init; } = new StaticTlsSymbol[0];

        /// <summary>
        /// Names of the TLS symbols this file defines and exports (non-local STT_TLS symbols with a section in the
        /// dynamic symbol table; for object files, in .symtab), in table order. Lets analysis find which module an
        /// initial-exec relocation against a named symbol lands on.
        /// </summary>
        public IReadOnlyList<string> DefinedTlsSymbols { get; init; } = new string[0];

        /// <summary>Null when the file was read; otherwise a one-line reason ("truncated program header table", ...).</summary>
        public string? Error { get; init; }

        public bool HasStaticTls => StaticTlsRelocations.Count > 0;

        /// <summary>A shared object read without error: what a DT_NEEDED name can resolve to and what dlopen maps.</summary>
        public bool IsSharedObject => Error == null && FileType == ElfType.SharedObject && ArchiveMember == null;

        /// <summary>An object file (or archive member) read without error.</summary>
        public bool IsObjectFile => Error == null && FileType == ElfType.Relocatable;

        /// <summary>"path" or "path(member)" for archive members: the name to show a person.</summary>
        public string DisplayPath => ArchiveMember == null ? Path : Path + "(" + ArchiveMember + ")";
    }
}
