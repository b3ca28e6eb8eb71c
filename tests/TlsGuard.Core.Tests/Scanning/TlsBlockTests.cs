using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>
    /// PT_TLS placement facts. Linkers align p_vaddr to p_align, so no built fixture has a misaligned block; the
    /// misaligned one here is a fixture with p_vaddr moved, and readelf reads the moved value back.
    /// </summary>
    public sealed class TlsBlockTests : IDisposable
    {
        private const uint PtTls = 7;
        private readonly TempDirectory temp = new();

        public void Dispose() => temp.Dispose();

        [Fact]
        public void First_byte_offset_is_p_vaddr_modulo_p_align()
        {
            var elf = ElfBytes.Load("x86_64-clang/libie_own.so");
            int tls = elf.ProgramHeader(PtTls);
            elf.Set64(tls + 16, elf.U64(tls + 16) + 4).Set64(tls + 24, elf.U64(tls + 24) + 4);
            string path = temp.Write("libmisaligned.so", elf.Data);
            string[] readelf = Readelf.Run("-lW", path).Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("TLS ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ulong virtualAddress = Convert.ToUInt64(readelf[2], 16);
            long align = Convert.ToInt64(readelf[^1], 16);

            TlsBlock block = Assert.Single(ElfScanner.Scan(path)).TlsBlock!;

            Assert.Equal(16, align);
            Assert.Equal(virtualAddress, block.VirtualAddress);
            Assert.Equal((long)(virtualAddress % (ulong)align), block.FirstByteOffset);
            Assert.Equal(4, block.FirstByteOffset);
        }

        [Theory]
        [InlineData(0UL, 0x1234UL, 0L)]
        [InlineData(1UL, 0x1234UL, 0L)]
        [InlineData(64UL, 0x1234UL, 0x34L)]
        public void Unaligned_and_byte_aligned_blocks_start_at_offset_zero_or_the_remainder(ulong align, ulong virtualAddress, long firstByte)
        {
            Assert.Equal(firstByte, new TlsBlock(8, (long)align, 0, virtualAddress).FirstByteOffset);
        }
    }
}
