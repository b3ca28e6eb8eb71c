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
    }
}
