using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>A module whose TLS block must be placed in static TLS when the library loads: the target of TP-relative relocations.</summary>
    public sealed record StaticTlsConsumer
    {
        /// <summary>The soname, else the file name.</summary>
        public string Name { get; init; } = "";

        /// <summary>The file that defines the block (an input or a resolved dependency).</summary>
        public string Path { get; init; } = "";

        /// <summary>PT_TLS p_memsz.</summary>
        public long Size { get; init; }

        /// <summary>PT_TLS p_align.</summary>
        public long Align { get; init; }

        /// <summary>glibc's l_tls_firstbyte_offset: PT_TLS p_vaddr modulo p_align (the block keeps that misalignment).</summary>
        public long FirstByteOffset { get; init; }

        /// <summary>Names from the analysed library down to this module; one entry when it is the library itself.</summary>
        public IReadOnlyList<string> Chain { get; init; } = new string[0];

        /// <summary>Relocation type name (as readelf prints it) to count, over every module whose relocations target this block.</summary>
        public IReadOnlyDictionary<string, int> Relocations { get; init; } = new SortedDictionary<string, int>(System.StringComparer.Ordinal);

        /// <summary>The named TLS symbols those relocations use; empty when they all use the block directly (symbol 0 or local).</summary>
        public IReadOnlyList<string> Symbols { get; init; } = new string[0];

        /// <summary>The modules whose relocations target this block.</summary>
        public IReadOnlyList<string> ReferencedFrom { get; init; } = new string[0];

        /// <summary>Where the loader found the defining module (the analysed library itself, the app, this machine, a sysroot...).</summary>
        public ModuleOrigin Origin { get; init; }

        /// <summary>True when only DF_STATIC_TLS puts the block in static TLS (FreeBSD), not a relocation.</summary>
        public bool ByFlagOnly { get; init; }

        /// <summary>The block as the loader places it.</summary>
        public StaticBlock Block => new StaticBlock(Name, Size, Align, FirstByteOffset);
    }
}
