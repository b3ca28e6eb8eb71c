using System;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Collects the facts of one scan as they are read, so a scan that fails half-way still reports what it learned
    /// (machine, class, type) next to its error. Every list is capped as it grows (<see cref="ScanLimits"/>).
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
        public string? Interpreter { get; set; }
        public Capped<string> Needed { get; } = new Capped<string>(ScanLimits.Needed);
        public Capped<string> Runpath { get; } = new Capped<string>(ScanLimits.SearchPathEntries);
        public Capped<string> Rpath { get; } = new Capped<string>(ScanLimits.SearchPathEntries);
        public bool DfStaticTls { get; set; }
        public TlsBlock? TlsBlock { get; set; }
        public TlsRelocationTally Tally { get; } = new TlsRelocationTally();
        public Capped<string> DefinedTlsSymbols { get; } = new Capped<string>(ScanLimits.DefinedTlsSymbols);
        public Capped<VersionRequirement> VersionRequirements { get; } = new Capped<VersionRequirement>(ScanLimits.VersionRequirements);
        public Capped<string> VersionDefinitions { get; } = new Capped<string>(ScanLimits.VersionDefinitions);
        public Capped<VersionedImport> VersionedImports { get; } = new Capped<VersionedImport>(ScanLimits.VersionedImports);

        public void SetHeader(ElfHeader header)
        {
            Header = header;
        }

        public ElfScanResult Build(string? error)
        {
            StaticTlsSymbol[] symbols = Tally.Symbols(ScanLimits.StaticTlsSymbols);
            return new ElfScanResult
            {
                Path = path,
                ArchiveMember = member,
                Platform = Header == null ? default : ElfPlatform.Of(Header),
                FileType = Header?.Type ?? ElfType.None,
                Soname = Soname,
                Interpreter = Interpreter,
                Needed = Needed.ToArray(),
                NeededTotal = Needed.Total,
                Runpath = Runpath.ToArray(),
                RunpathTotal = Runpath.Total,
                Rpath = Rpath.ToArray(),
                RpathTotal = Rpath.Total,
                DfStaticTls = DfStaticTls,
                TlsBlock = TlsBlock,
                StaticTlsRelocations = Tally.StaticCounts(),
                DynamicTlsRelocations = Tally.DynamicCounts(),
                ObjectTlsModel = Header?.Type == ElfType.Relocatable ? Tally.ObjectModel : null,
                StaticTlsSymbols = symbols,
                StaticTlsSymbolsTotal = Tally.SymbolCount,
                DefinedTlsSymbols = DefinedTlsSymbols.ToArray(),
                DefinedTlsSymbolsTotal = DefinedTlsSymbols.Total,
                VersionRequirements = VersionRequirements.ToArray(),
                VersionRequirementsTotal = VersionRequirements.Total,
                VersionDefinitions = VersionDefinitions.ToArray(),
                VersionDefinitionsTotal = VersionDefinitions.Total,
                VersionedImports = VersionedImports.ToArray(),
                VersionedImportsTotal = VersionedImports.Total,
                Error = error,
            };
        }

        public static ElfScanResult Failure(string path, string? member, string error) =>
            new ScanResultBuilder(path, member).Build(error);

        /// <summary>Adds the entries of a DT_RUNPATH/DT_RPATH value, split the way the loader does (and readelf prints it), each once per scan.</summary>
        public static void AddSearchPath(Capped<string> list, string value, StringPool pool)
        {
            foreach (string entry in value.Split(new[] { ':' }, StringSplitOptions.None))
            {
                list.Add(pool.Intern(entry));
            }
        }
    }
}
