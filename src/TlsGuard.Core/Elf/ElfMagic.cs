namespace TlsGuard.Core.Elf
{
    /// <summary>The leading bytes that identify ELF files and ar archives.</summary>
    internal static class ElfMagic
    {
        public static bool IsElf(byte[] b, int count) =>
            count >= 4 && b[0] == 0x7f && b[1] == (byte)'E' && b[2] == (byte)'L' && b[3] == (byte)'F';

        /// <summary>"!&lt;arch&gt;\n"; thin archives ("!&lt;thin&gt;\n") hold no member data and are not accepted.</summary>
        public static bool IsArchive(byte[] b, int count) =>
            count >= 8 && b[0] == (byte)'!' && b[1] == (byte)'<' && b[2] == (byte)'a' && b[3] == (byte)'r'
            && b[4] == (byte)'c' && b[5] == (byte)'h' && b[6] == (byte)'>' && b[7] == (byte)'\n';

        /// <summary>"!&lt;thin&gt;\n": a GNU thin archive, whose members are separate files named by path.</summary>
        public static bool IsThinArchive(byte[] b, int count) =>
            count >= 8 && b[0] == (byte)'!' && b[1] == (byte)'<' && b[2] == (byte)'t' && b[3] == (byte)'h'
            && b[4] == (byte)'i' && b[5] == (byte)'n' && b[6] == (byte)'>' && b[7] == (byte)'\n';

        /// <summary>LLVM bitcode ("BC" 0xC0DE): an LTO object whose code, and TLS model, is only generated at link time.</summary>
        public static bool IsBitcode(byte[] b, int count) =>
            count >= 4 && b[0] == (byte)'B' && b[1] == (byte)'C' && b[2] == 0xc0 && b[3] == 0xde;
    }
}
