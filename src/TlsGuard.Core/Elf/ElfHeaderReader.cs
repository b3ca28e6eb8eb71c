using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Reads e_ident, picks the file's <see cref="ElfDecoder"/> from EI_CLASS and EI_DATA, and decodes the file header.</summary>
    internal static class ElfHeaderReader
    {
        /// <summary>The decoder for the file's class and byte order; throws for anything that is not an ELF identification.</summary>
        public static ElfDecoder Identify(IByteSource source)
        {
            var ident = new byte[ElfDecoder.IdentificationSize];
            if (source.Length < ident.Length || source.Read(0, ident, 0, ident.Length) < ident.Length)
            {
                throw new ElfFormatException("file too short for an ELF identification");
            }

            if (!ElfMagic.IsElf(ident, ident.Length))
            {
                throw new ElfFormatException("not an ELF file");
            }

            var elfClass = (ElfClass)ident[4];
            var data = (ElfData)ident[5];
            if (elfClass != ElfClass.Elf32 && elfClass != ElfClass.Elf64)
            {
                throw new ElfFormatException("unknown ELF class " + (int)elfClass);
            }

            if (data != ElfData.LittleEndian && data != ElfData.BigEndian)
            {
                throw new ElfFormatException("unknown ELF data encoding " + (int)data);
            }

            return ElfDecoder.For(elfClass, data);
        }

        public static ElfHeader Read(WindowedReader reader)
        {
            ElfDecoder decoder = reader.Decoder;
            if (reader.Length < decoder.HeaderSize)
            {
                throw new ElfFormatException("file too short for an ELF header");
            }

            int at = reader.Prepare(0, decoder.HeaderSize);
            return decoder.Header(reader.Window, at);
        }
    }
}
