using TlsGuard.Core.Scanning;
using TlsGuard.Fuzz.Crafted;
using TlsGuard.Fuzz.Harness;

namespace TlsGuard.Fuzz.Tests.Regressions
{
    /// <summary>
    /// Found by the ELFSharp oracle over mutated inputs (seed 9, 30,000 inputs: #11416, #17208, #17943, #18089): headers
    /// that a mutation repeated or pushed past 2^63. The scanner took the first of repeated dynamic tags and program
    /// headers, where both loaders take the last (glibc elf_get_dynamic_info and _dl_map_object_from_fd, musl
    /// decode_vec and map_library store each over the previous one), so a second DT_FLAGS, DT_STRTAB or PT_TLS changed
    /// what the loader does but not what TlsGuard reported; and a PT_TLS p_memsz above 2^63 became a negative size.
    /// </summary>
    public sealed class LoaderRuleTests
    {
        private const long DtNeeded = 1;
        private const long DtStrtab = 5;
        private const long DtStrsz = 10;
        private const long DtFlags = 30;
        private const ulong DfStaticTls = 0x10;
        private const uint PtLoad = 1;
        private const uint PtDynamic = 2;
        private const uint PtTls = 7;

        [Fact]
        public void The_last_DT_FLAGS_is_the_one_the_loader_reads()
        {
            byte[] image = SharedObject(new[] { (DtStrtab, 0UL), (DtStrsz, 1UL), (DtFlags, 0UL), (DtFlags, DfStaticTls) }, strings: new byte[1]);

            ElfScanResult result = ElfScanner.Scan(image, "two-flags.so").Single();

            Assert.Null(result.Error);
            Assert.True(result.DfStaticTls);
        }

        [Fact]
        public void Names_come_from_the_last_DT_STRTAB()
        {
            byte[] strings = "\0liba.so\0\0libb.so\0"u8.ToArray();
            var dynamic = new[] { (DtStrtab, 0UL), (DtStrtab, 9UL), (DtStrsz, 9UL), (DtNeeded, 1UL) };
            byte[] image = SharedObject(dynamic, strings);

            ElfScanResult result = ElfScanner.Scan(image, "two-strtab.so").Single();

            Assert.Null(result.Error);
            Assert.Equal(new[] { "libb.so" }, result.Needed);
        }

        [Fact]
        public void The_last_non_empty_PT_TLS_is_the_block()
        {
            byte[] image = SharedObject(new[] { (DtStrtab, 0UL), (DtStrsz, 1UL) }, new byte[1], (8, 8), (4096, 64), (0, 0));

            ElfScanResult result = ElfScanner.Scan(image, "two-tls.so").Single();

            Assert.Null(result.Error);
            Assert.Equal(4096, result.TlsBlock!.Size);
            Assert.Equal(64, result.TlsBlock.Align);
        }

        [Theory]
        [InlineData(0x8000000000000000UL, 8UL, "PT_TLS p_memsz 0x8000000000000000 is larger than any address space")]
        [InlineData(8UL, 0xffffffffffffffc8UL, "PT_TLS p_align 0xffffffffffffffc8 is not a power of two of at most 2^32")]
        public void A_PT_TLS_beyond_any_address_space_is_a_format_error_not_a_negative_size(ulong memorySize, ulong align, string expected)
        {
            // The hardened scanner bounds p_memsz (2^48) and p_align (a power of two, at most 2^32) separately
            // (ElfImageScan.TlsBlockOf): either way a documented format error and no TlsBlock, never a negative size.
            byte[] image = SharedObject(new[] { (DtStrtab, 0UL), (DtStrsz, 1UL) }, new byte[1], (memorySize, align));

            ScanMeasurement m = ScanProbe.Measure(image);

            ElfScanResult result = m.Results.Single();
            Assert.Equal(expected, result.Error);
            Assert.Null(result.TlsBlock);
            Assert.Empty(ScanJudge.Judge(m, ScanBudget.Default));
        }

        /// <summary>
        /// An x86-64 shared object laid out at address = offset: one PT_LOAD over the file, PT_DYNAMIC with the given
        /// entries (values that are addresses are relative to the string table's start), then PT_TLS headers.
        /// </summary>
        private static byte[] SharedObject((long Tag, ulong Value)[] entries, byte[] strings, params (ulong MemorySize, ulong Align)[] tls)
        {
            int headers = 2 + tls.Length;
            long stringsAt = Elf64Writer.HeaderSize + headers * Elf64Writer.ProgramHeaderSize;
            long dynamicAt = (stringsAt + strings.Length + 7) / 8 * 8;
            long dynamicSize = (entries.Length + 1) * 16L;
            var w = new Elf64Writer((int)(dynamicAt + dynamicSize));
            w.Header(Elf64Writer.EtDyn, Elf64Writer.HeaderSize, (ushort)headers, 0, 0);
            w.ProgramHeader(Elf64Writer.HeaderSize, PtLoad, 0, 0, (ulong)w.Data.Length, (ulong)w.Data.Length, 0x1000);
            w.ProgramHeader(Elf64Writer.HeaderSize + Elf64Writer.ProgramHeaderSize, PtDynamic, (ulong)dynamicAt, (ulong)dynamicAt, (ulong)dynamicSize, (ulong)dynamicSize, 8);
            for (int i = 0; i < tls.Length; i++)
            {
                w.ProgramHeader(Elf64Writer.HeaderSize + (2 + i) * Elf64Writer.ProgramHeaderSize, PtTls, 0, 0, 0, tls[i].MemorySize, tls[i].Align);
            }

            strings.CopyTo(w.Data, stringsAt);
            for (int i = 0; i < entries.Length; i++)
            {
                bool address = entries[i].Tag == DtStrtab;
                w.Dynamic(dynamicAt + 16L * i, entries[i].Tag, address ? (ulong)stringsAt + entries[i].Value : entries[i].Value);
            }

            return w.Data;
        }
    }
}
