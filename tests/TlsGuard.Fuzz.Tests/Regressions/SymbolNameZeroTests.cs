using TlsGuard.Core.Scanning;

namespace TlsGuard.Fuzz.Tests.Regressions
{
    /// <summary>
    /// Found by the ELFSharp oracle over mutated inputs (seed 12, 30,000 inputs: #9066, ppc64-gcc/ie.o with a TLS
    /// symbol's st_name set to 0 and byte 0 of .strtab overwritten): TlsGuard named the symbol by the bytes at offset 0.
    /// The gABI says st_name 0 means no name, and binutils' BFD, which the linker reads objects with, agrees (nm prints
    /// no name; readelf, which reads the bytes, prints them). The expected names come from nm.
    /// </summary>
    public sealed class SymbolNameZeroTests
    {
        private const long SymbolTable = 0xb0;
        private const long StringTable = 0x158;
        private const int DefinedTlsSymbol = 6;

        [Fact]
        public void A_symbol_with_st_name_zero_has_no_name_whatever_byte_zero_holds()
        {
            // x86_64-gcc/ie.o: .symtab at 0xb0 (24-byte entries, symbol 6 is obj_ie_var in .tbss), .strtab at 0x158.
            byte[] image = File.ReadAllBytes(RepositoryRoot.Fixture("x86_64-gcc", "ie.o"));
            Array.Clear(image, (int)(SymbolTable + DefinedTlsSymbol * 24), 4);
            image[StringTable] = (byte)'A';
            using var temp = new TempDirectory();
            string path = temp.Combine("unnamed.o");
            File.WriteAllBytes(path, image);
            CommandResult nm = ChildProcess.Run("nm", new[] { path }, environment: new Dictionary<string, string?> { ["LC_ALL"] = "C" });
            List<string> nmTbss = nm.Output.Split('\n')
                .Select(line => line.Split(' '))
                .Where(f => f.Length >= 3 && f[1] == "B")
                .Select(f => f[2])
                .ToList();

            ElfScanResult result = ElfScanner.Scan(path).Single();

            Assert.Equal(0, nm.ExitCode);
            Assert.Equal(new[] { "" }, nmTbss);
            Assert.Null(result.Error);
            Assert.Equal(nmTbss, result.DefinedTlsSymbols);
        }
    }
}
