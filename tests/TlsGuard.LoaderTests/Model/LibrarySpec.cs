using System;
using System.Collections.Generic;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Elf;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>A readable description of a shared object for constructed scan results.</summary>
    internal sealed record LibrarySpec
    {
        public string? Soname { get; init; }
        public string Machine { get; init; } = "x86_64";
        public string Type { get; init; } = "dyn";

        /// <summary>PT_TLS p_memsz; 0 = no TLS block.</summary>
        public long Tls { get; init; }
        public long Align { get; init; } = 8;

        /// <summary>PT_TLS p_vaddr (its remainder modulo p_align is glibc's l_tls_firstbyte_offset).</summary>
        public ulong TlsVirtualAddress { get; init; }

        /// <summary>TP-relative relocations against the library's own block (symbol 0).</summary>
        public int OwnRelocations { get; init; }

        /// <summary>Named TLS symbols reached by TP-relative relocations that the library does not define.</summary>
        public string[] Imports { get; init; } = new string[0];

        /// <summary>TLS symbols exported in the dynamic symbol table.</summary>
        public string[] Defines { get; init; } = new string[0];

        public string[] Needed { get; init; } = new string[0];

        /// <summary>DT_VERDEF names (libc.so.6: GLIBC_2.2.5 ... GLIBC_2.41).</summary>
        public string[] VersionDefinitions { get; init; } = new string[0];
        public string[] Runpath { get; init; } = new string[0];
        public string[] Rpath { get; init; } = new string[0];
        public bool Flag { get; init; }
        public int GdRelocations { get; init; }

        /// <summary>TLS descriptor relocations against the library's own block (R_X86_64_TLSDESC / R_AARCH64_TLSDESC).</summary>
        public int DescriptorRelocations { get; init; }
        public TlsAccessModel? ObjectModel { get; init; }
        public string? ArchiveMember { get; init; }

        public string RelocationType => Machine == "aarch64" ? "R_AARCH64_TLS_TPREL" : "R_X86_64_TPOFF64";

        public ElfScanResult Build(string path)
        {
            var symbols = new List<StaticTlsSymbol>();
            var staticRelocations = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var total = OwnRelocations + Imports.Length;
            if (OwnRelocations > 0)
            {
                symbols.Add(new StaticTlsSymbol(null, true, OwnRelocations));
            }

            foreach (var import in Imports)
            {
                symbols.Add(new StaticTlsSymbol(import, false, 1));
            }

            if (total > 0)
            {
                staticRelocations[ObjectModel != null ? "R_X86_64_GOTTPOFF" : RelocationType] = total;
            }

            var dynamicRelocations = new SortedDictionary<string, int>(StringComparer.Ordinal);
            if (GdRelocations > 0)
            {
                dynamicRelocations["R_X86_64_DTPMOD64"] = GdRelocations;
            }

            if (DescriptorRelocations > 0)
            {
                dynamicRelocations[Machine == "aarch64" ? "R_AARCH64_TLSDESC" : "R_X86_64_TLSDESC"] = DescriptorRelocations;
            }

            return new ElfScanResult
            {
                Path = path,
                ArchiveMember = ArchiveMember,
                Platform = ElfPlatform.FromName(Machine) ?? throw new ArgumentException("unknown machine " + Machine),
                FileType = ElfTypeNames.Parse(Type),
                Soname = Soname,
                Needed = Needed,
                Runpath = Runpath,
                Rpath = Rpath,
                DfStaticTls = Flag || (total > 0 && Type == "dyn"),
                TlsBlock = Tls > 0 ? new TlsBlock(Tls, Align, 0, TlsVirtualAddress) : null,
                StaticTlsRelocations = staticRelocations,
                DynamicTlsRelocations = dynamicRelocations,
                StaticTlsSymbols = symbols,
                DefinedTlsSymbols = Defines,
                VersionDefinitions = VersionDefinitions,
                ObjectTlsModel = ObjectModel,
            };
        }

        /// <summary>A library with an initial-exec block of its own, like jemalloc.</summary>
        public static LibrarySpec InitialExec(string soname, long size, long align = 8, string machine = "x86_64")
        {
            return new LibrarySpec { Soname = soname, Tls = size, Align = align, OwnRelocations = 1, Machine = machine, Needed = new[] { "libc.so.6" } };
        }

        /// <summary>A library without TLS that needs others.</summary>
        public static LibrarySpec Clean(string soname, params string[] needed)
        {
            return new LibrarySpec { Soname = soname, Needed = needed };
        }
    }
}
