using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Collects the facts of one scan as they are read, so a scan that fails half-way still reports what it learned
    /// (machine, class, type) next to its error.
    /// </summary>
    internal sealed class ScanResultBuilder
    {
        private readonly string path;
        private readonly string? member;

        public ScanResultBuilder(string path, string? member)
        {
            this.path = path;
            this.member = member;
        }

        public ElfHeader? Header { get; private set; }
        public string? Soname { get; set; }
        public List<string> Needed { get; } = new List<string>();
        public List<string> Runpath { get; } = new List<string>();
        public List<string> Rpath { get; } = new List<string>();
        public bool DfStaticTls { get; set; }
        public TlsBlock? TlsBlock { get; set; }
        public TlsRelocationTally Tally { get; } = new TlsRelocationTally();
        public List<string> DefinedTlsSymbols { get; } = new List<string>();

        public void SetHeader(ElfHeader header)
        {
            Header = header;
        }

        public ElfScanResult Build(string? error)
        {
            return new ElfScanResult
            {
                Path = path,
                ArchiveMember = member,
                Platform = Header == null ? default : ElfPlatform.Of(Header),
                FileType = Header?.Type ?? ElfType.None,
                Soname = Soname,
                Needed = Needed.ToArray(),
                Runpath = Runpath.ToArray(),
                Rpath = Rpath.ToArray(),
                DfStaticTls = DfStaticTls,
                TlsBlock = TlsBlock,
                StaticTlsRelocations = Tally.StaticCounts,
                DynamicTlsRelocations = Tally.DynamicCounts,
                ObjectTlsModel = Header?.Type == ElfType.Relocatable ? Tally.ObjectModel : null,
                StaticTlsSymbols = Tally.Symbols(),
                DefinedTlsSymbols = DefinedTlsSymbols.ToArray(),
                Error = error,
            };
        }

        public static ElfScanResult Failure(string path, string? member, string error) =>
            new ScanResultBuilder(path, member).Build(error);

        /// <summary>Splits a DT_RUNPATH/DT_RPATH value the way the loader does (and readelf prints it).</summary>
        public static IEnumerable<string> SplitSearchPath(string value) => value.Split(new[] { ':' }, StringSplitOptions.None);
    }
}
