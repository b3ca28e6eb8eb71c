using TlsGuard.Core.Elf;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tls;

namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>Compares one scan result with both oracles' view of the same bytes and lists every fact they disagree on.</summary>
    public static class FactComparison
    {
        /// <summary>
        /// <paramref name="result"/> must be a result read without error. Facts an oracle has no opinion on (no section
        /// headers for ELFSharp's dynamic table, no relocation sections for LibObjectFile) are not compared; a file the
        /// oracle cannot parse at all is one <see cref="Fact.Readable"/> disagreement, unless
        /// <paramref name="onlyWhenBothOraclesRead"/> (mutated inputs): then the input is not compared and null returned.
        /// </summary>
        public static List<Disagreement>? Compare(string name, ElfScanResult result, byte[] image, bool onlyWhenBothOraclesRead = false)
        {
            var subject = new Subject(
                name,
                (ushort)result.Platform.Machine,
                result.Platform.Is64,
                result.Platform.IsBigEndian,
                result.FileType,
                image.Length >= 64 && HasSectionHeaders(image, result.Platform.Is64, result.Platform.IsBigEndian),
                ViewConsistency.SectionsMatchSegments(image),
                RepeatedSectionRanges.HasRepeatedSymbolTables(image),
                RepeatedSectionRanges.HasRepeatedRelocationSections(image),
                StringTableLinks.SymbolTablesLinkTheNamedStringTables(image));
            var found = new List<Disagreement>();
            void Check(Oracle oracle, Fact fact, string ours, string theirs)
            {
                if (ours != theirs)
                {
                    found.Add(new Disagreement(subject, oracle, fact, ours, theirs));
                }
            }

            ElfSharpFacts? elfSharp = ElfSharpOracle.Read(image, out string? elfSharpFailure);
            LibObjectFileFacts? libObjectFile = LibObjectFileOracle.Read(image, out string? libObjectFileFailure);
            if (onlyWhenBothOraclesRead && (elfSharp == null || libObjectFile == null))
            {
                return null;
            }

            if (elfSharp == null)
            {
                Check(Oracle.ElfSharp, Fact.Readable, "read", elfSharpFailure ?? "unreadable");
            }
            else
            {
                Check(Oracle.ElfSharp, Fact.TlsSegment, Text(result.TlsBlock), Text(elfSharp.Tls));
                if (elfSharp.Dynamic is DynamicFacts dynamic)
                {
                    Check(Oracle.ElfSharp, Fact.Soname, result.Soname ?? "-", dynamic.Soname ?? "-");
                    Check(Oracle.ElfSharp, Fact.Needed, List(result.Needed), List(dynamic.Needed));
                    Check(Oracle.ElfSharp, Fact.Runpath, List(result.Runpath), List(dynamic.Runpath));
                    Check(Oracle.ElfSharp, Fact.Rpath, List(result.Rpath), List(dynamic.Rpath));
                    Check(Oracle.ElfSharp, Fact.DfStaticTls, result.DfStaticTls.ToString(), dynamic.DfStaticTls.ToString());
                }

                if (elfSharp.DefinedTlsSymbols is IReadOnlyList<string> defined)
                {
                    Check(Oracle.ElfSharp, Fact.DefinedTlsSymbols, List(result.DefinedTlsSymbols), List(defined));
                }
            }

            if (libObjectFile == null)
            {
                Check(Oracle.LibObjectFile, Fact.Readable, "read", libObjectFileFailure ?? "unreadable");
            }
            else if (libObjectFile.HasSectionHeaders)
            {
                Check(Oracle.LibObjectFile, Fact.TlsRelocationCounts, Counts(OurCounts(result)), Counts(libObjectFile.TlsRelocationCounts));
            }

            return found;
        }

        /// <summary>Our static and dynamic TLS relocation counts keyed by r_type number (names mapped back through our table).</summary>
        public static IReadOnlyDictionary<uint, int> OurCounts(ElfScanResult result)
        {
            MachineTlsTable? table = TlsRelocationTables.ForMachine((ushort)result.Platform.Machine);
            var counts = new SortedDictionary<uint, int>();
            foreach (var pair in result.StaticTlsRelocations.Concat(result.DynamicTlsRelocations))
            {
                uint number = table?.Find(pair.Key)?.Number ?? throw new InvalidOperationException("no number for " + pair.Key);
                counts[number] = counts.GetValueOrDefault(number) + pair.Value;
            }

            return counts;
        }

        public static string Counts(IReadOnlyDictionary<uint, int> counts) =>
            counts.Count == 0 ? "none" : string.Join(",", counts.OrderBy(c => c.Key).Select(c => c.Key + "x" + c.Value));

        private static string Text(TlsBlock? block) => block == null ? "none" : block.Size + "/" + block.Align + "/" + block.InitializedSize;

        private static string Text(TlsSegment? segment) => segment == null ? "none" : segment.Size + "/" + segment.Align + "/" + segment.FileSize;

        private static string List(IReadOnlyList<string> items) => "[" + string.Join(";", items) + "]";

        private static bool HasSectionHeaders(byte[] image, bool is64, bool bigEndian)
        {
            int at = is64 ? 0x28 : 0x20;
            ulong offset = 0;
            int width = is64 ? 8 : 4;
            for (int i = 0; i < width; i++)
            {
                offset = bigEndian ? (offset << 8) | image[at + i] : offset | ((ulong)image[at + i] << (8 * i));
            }

            return offset != 0;
        }
    }
}
