using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Caching;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>
    /// The meaning checks a cache entry passes besides its checksum: a result read back from the cache that
    /// contradicts itself, or names another file, is rejected with a reason; a real scan passes.
    /// </summary>
    public class ScanResultValidationTests
    {
        private static readonly string Library = Path.GetFullPath(RepositoryRoot.Fixture("x86_64-gcc", "libie_ext.so"));
        private static readonly string Object = Path.GetFullPath(RepositoryRoot.Fixture("x86_64-gcc", "le.o"));

        public static TheoryData<string> Contradictions() => new()
        {
            "error", "other path", "class 3", "byte order 0", "type 0x1234", "unknown machine", 
            "needed total above an uncapped list", "import of an unlisted version",
            "tls size negative", "initialized size above size", "alignment 3", "unknown relocation name",
            "dynamic relocation among the static ones", "symbol counts do not add up", "own block not defined here",
            "duplicate symbol", "object model on a shared object", "local-exec object called initial-exec",
        };

        [Fact]
        public void Real_scans_pass()
        {
            Assert.Null(ScanResultValidation.Problem(Scan(Library), Library));
            Assert.Null(ScanResultValidation.Problem(Scan(Object), Object));
        }

        [Theory]
        [MemberData(nameof(Contradictions))]
        public void A_result_that_contradicts_itself_is_rejected(string contradiction)
        {
            (ElfScanResult result, string path) = Contradict(contradiction);

            Assert.NotNull(ScanResultValidation.Problem(result, path));
        }

        [Theory]
        [InlineData("\"machineCode\":62", "\"machineCode\":-62")]
        [InlineData("\"elfClass\":2", "\"elfClass\":2.5")]
        [InlineData("\"fileType\":3", "\"fileType\":9")]
        [InlineData("\"neededTotal\":2", "\"neededTotal\":\"2\"")]
        [InlineData("\"neededTotal\":2", "\"neededTotal\":1")]
        [InlineData("\"versionsTotal\":1", "\"versionsTotal\":0")]
        [InlineData("\"dfStaticTls\":true", "\"dfStaticTls\":1")]
        [InlineData("\"needed\":[", "\"needed\":[7,")]
        [InlineData("\"objectTlsModel\":null", "\"objectTlsModel\":\"2\"")]
        public void A_field_of_the_wrong_type_range_or_enum_does_not_read(string field, string poisoned)
        {
            var text = new StringWriter();
            ScanResultJson.Write(new JsonWriter(text, indented: false), Scan(Library));
            Assert.Contains(field, text.ToString());

            Assert.Throws<FormatException>(() => ScanResultJson.Read(JsonValue.Parse(text.ToString().Replace(field, poisoned))));
        }

        private static ElfScanResult Scan(string path) => ElfScanner.Scan(path).Single();

        private static (ElfScanResult, string) Contradict(string contradiction)
        {
            ElfScanResult r = Scan(Library);
            ElfScanResult o = Scan(Object);
            switch (contradiction)
            {
                case "error": return (Copy(r, error: "truncated"), Library);
                case "other path": return (r, Object);
                case "class 3": return (Copy(r, platform: new ElfPlatform(ElfMachine.X86_64, (ElfClass)3, ElfData.LittleEndian)), Library);
                case "byte order 0": return (Copy(r, platform: new ElfPlatform(ElfMachine.X86_64, ElfClass.Elf64, ElfData.None)), Library);
                case "type 0x1234": return (Copy(r, type: (ElfType)0x1234), Library);
                case "unknown machine": return (Copy(r, platform: new ElfPlatform((ElfMachine)0x1234, ElfClass.Elf64, ElfData.LittleEndian)), Library);
                case "needed total above an uncapped list": return (Copy(r, neededTotal: r.Needed.Count + 1), Library);
                case "import of an unlisted version":
                    return (Copy(r, imports: r.VersionedImports.Select(i => i with { Version = "GLIBC_9.99" }).ToArray()), Library);
                case "tls size negative": return (Copy(o, block: new TlsBlock(-4, 4, 0)), Object);
                case "initialized size above size": return (Copy(o, block: new TlsBlock(4, 4, 8)), Object);
                case "alignment 3": return (Copy(o, block: new TlsBlock(4, 3, 0)), Object);
                case "unknown relocation name": return (Copy(r, statics: Rename(r.StaticTlsRelocations, "R_X86_64_NOT_A_RELOCATION")), Library);
                case "dynamic relocation among the static ones": return (Copy(r, statics: Rename(r.StaticTlsRelocations, "R_X86_64_DTPMOD64")), Library);
                case "symbol counts do not add up":
                    return (Copy(r, symbols: r.StaticTlsSymbols.Select(s => new StaticTlsSymbol(s.Name, s.DefinedHere, s.RelocationCount + 1)).ToArray()), Library);
                case "own block not defined here": return (Copy(o, symbols: new[] { new StaticTlsSymbol(null, false, o.StaticTlsRelocations.Values.Sum()) }), Object);
                case "duplicate symbol":
                    var first = r.StaticTlsSymbols[0];
                    var halves = new[] { new StaticTlsSymbol(first.Name, first.DefinedHere, 1), new StaticTlsSymbol(first.Name, first.DefinedHere, first.RelocationCount - 1) };
                    return (Copy(r, symbols: halves.Where(s => s.RelocationCount > 0).Concat(halves).Take(2).ToArray()), Library);
                case "object model on a shared object": return (Copy(r, model: TlsAccessModel.InitialExec), Library);
                case "local-exec object called initial-exec": return (Copy(o, model: TlsAccessModel.InitialExec), Object);
                default: throw new ArgumentException(contradiction);
            }
        }

        private static SortedDictionary<string, int> Rename(IReadOnlyDictionary<string, int> counts, string name) =>
            new(StringComparer.Ordinal) { [name] = counts.Values.Sum() };

        private static ElfScanResult Copy(
            ElfScanResult r,
            string? error = null,
            ElfPlatform? platform = null,
            ElfType? type = null,
            int? neededTotal = null,
            IReadOnlyList<VersionRequirement>? requirements = null,
            IReadOnlyList<VersionedImport>? imports = null,
            TlsBlock? block = null,
            IReadOnlyDictionary<string, int>? statics = null,
            IReadOnlyList<StaticTlsSymbol>? symbols = null,
            TlsAccessModel? model = null) => new()
            {
                Path = r.Path,
                ArchiveMember = r.ArchiveMember,
                Platform = platform ?? r.Platform,
                FileType = type ?? r.FileType,
                Soname = r.Soname,
                Interpreter = r.Interpreter,
                Needed = r.Needed,
                NeededTotal = neededTotal ?? r.NeededTotal,
                Runpath = r.Runpath,
                Rpath = r.Rpath,
                DfStaticTls = r.DfStaticTls,
                TlsBlock = block ?? r.TlsBlock,
                StaticTlsRelocations = statics ?? r.StaticTlsRelocations,
                DynamicTlsRelocations = r.DynamicTlsRelocations,
                ObjectTlsModel = model ?? r.ObjectTlsModel,
                StaticTlsSymbols = symbols ?? r.StaticTlsSymbols,
                DefinedTlsSymbols = r.DefinedTlsSymbols,
                VersionRequirements = requirements ?? r.VersionRequirements,
                VersionDefinitions = r.VersionDefinitions,
                VersionedImports = imports ?? r.VersionedImports,
                Error = error ?? r.Error,
            };
    }
}
