using System.Collections.Generic;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Elf;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>A scanner stand-in that records which paths it was asked to read.</summary>
    internal sealed class CountingScanSource : IScanSource
    {
        public List<string> Calls { get; } = new List<string>();

        public string? Error { get; set; }

        public IReadOnlyList<ElfScanResult> Scan(string path)
        {
            Calls.Add(path);
            return new[]
            {
                new ElfScanResult
                {
                    Path = path,
                    Platform = new ElfPlatform(ElfMachine.X86_64, ElfClass.Elf64, ElfData.LittleEndian),
                    FileType = ElfType.SharedObject,
                    TlsBlock = new TlsBlock(2632, 32, 0),
                    StaticTlsRelocations = new SortedDictionary<string, int> { ["R_X86_64_TPOFF64"] = 1 },
                    StaticTlsSymbols = new[] { new StaticTlsSymbol(null, true, 1) },
                    Error = Error,
                },
            };
        }
    }
}
