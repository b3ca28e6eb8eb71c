namespace TlsGuard.Core.Elf
{
    /// <summary>The leading bytes that identify ELF files, ar archives and the foreign objects met beside them.</summary>
    internal static class ElfMagic
    {
        /// <summary>Enough leading bytes for <see cref="Identify"/>.</summary>
        public const int Length = 8;

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

        /// <summary>LLVM bitcode ("BC" 0xC0DE, or Apple's wrapper 0x0B17C0DE): an LTO object whose TLS model is only chosen at link time.</summary>
        public static bool IsBitcode(byte[] b, int count) =>
            (count >= 4 && b[0] == (byte)'B' && b[1] == (byte)'C' && b[2] == 0xc0 && b[3] == 0xde)
            || (count >= 4 && b[0] == 0xde && b[1] == 0xc0 && b[2] == 0x17 && b[3] == 0x0b);

        public static ObjectFormat Identify(byte[] b, int count)
        {
            if (IsElf(b, count))
            {
                return ObjectFormat.Elf;
            }

            if (IsArchive(b, count))
            {
                return ObjectFormat.Archive;
            }

            if (IsThinArchive(b, count))
            {
                return ObjectFormat.ThinArchive;
            }

            if (IsBitcode(b, count))
            {
                return ObjectFormat.LlvmBitcode;
            }

            if (count < 4)
            {
                return ObjectFormat.Unknown;
            }

            uint big = ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
            switch (big)
            {
                case 0xfeedface: // MH_MAGIC, MH_MAGIC_64 (big-endian hosts)
                case 0xfeedfacf:
                case 0xcefaedfe: // MH_CIGAM, MH_CIGAM_64 (little-endian: arm64, x86_64)
                case 0xcffaedfe:
                case 0xcafebabe: // FAT_MAGIC: a universal binary
                    return ObjectFormat.MachO;
                case 0x0000ffff: // IMPORT_OBJECT_HDR_SIG2 after Sig1 0 (Microsoft PE/COFF specification, "Import Library Format")
                    return ObjectFormat.CoffImport;
            }

            switch (b[0] | (b[1] << 8))
            {
                // IMAGE_FILE_MACHINE_*: I386, AMD64, ARMNT, ARM64, ARM64EC, ARM64X.
                case 0x014c:
                case 0x8664:
                case 0x01c4:
                case 0xaa64:
                case 0xa641:
                case 0xa64e:
                    return ObjectFormat.Coff;
                default:
                    return ObjectFormat.Unknown;
            }
        }
    }
}
