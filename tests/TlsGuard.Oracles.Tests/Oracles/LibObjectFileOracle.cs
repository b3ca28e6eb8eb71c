using LibObjectFile.Ar;
using LibObjectFile.Diagnostics;
using LibObjectFile.Elf;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Tls;

namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>LibObjectFile's view of one ELF image: TLS relocation counts by r_type number, from its relocation sections.</summary>
    public sealed record LibObjectFileFacts(bool HasSectionHeaders, IReadOnlyDictionary<uint, int> TlsRelocationCounts);

    /// <summary>One archive member as LibObjectFile lists it: whether its data starts like an ELF file, and LibObjectFile's
    /// facts when it could also parse it as one.</summary>
    public sealed record OracleMember(string Name, bool StartsLikeElf, LibObjectFileFacts? Elf);

    /// <summary>
    /// LibObjectFile 2.3.1 as an independent reader of relocation tables and ar archives. It reads relocations only
    /// through section headers (SHT_REL/SHT_RELA): in linked files the allocated ones are the tables the loader applies
    /// (.rela.dyn, .rela.plt), in object files every one counts. Which numbers are TLS relocations, and of which class,
    /// is TlsGuard's table, and so is the choice of which classes are tallied; the counting is LibObjectFile's.
    /// </summary>
    public static class LibObjectFileOracle
    {
        public static LibObjectFileFacts? Read(byte[] image, out string? failure)
        {
            failure = null;
            try
            {
                using var stream = new MemoryStream(image, writable: false);
                if (!ElfFile.TryRead(stream, out ElfFile? elf, out DiagnosticBag? diagnostics) || elf == null)
                {
                    failure = "LibObjectFile: " + FirstError(diagnostics);
                    return null;
                }

                return Facts(elf);
            }
            catch (Exception e)
            {
                failure = "LibObjectFile " + e.GetType().Name + ": " + e.Message;
                return null;
            }
        }

        /// <summary>The members of a GNU or BSD archive, or null when LibObjectFile cannot read it.</summary>
        public static IReadOnlyList<OracleMember>? ReadArchive(byte[] archive, bool bsd, out string? failure)
        {
            failure = null;
            try
            {
                using var stream = new MemoryStream(archive, writable: false);
                var options = new ArArchiveFileReaderOptions(bsd ? ArArchiveKind.BSD : ArArchiveKind.GNU) { ProcessObjectFiles = true };
                if (!ArArchiveFile.TryRead(stream, options, out ArArchiveFile? ar, out DiagnosticBag diagnostics) || ar == null)
                {
                    failure = "LibObjectFile: " + FirstError(diagnostics);
                    return null;
                }

                return ar.Files
                    .Where(f => !f.IsSystem)
                    .Select(f => f is ArElfFile { ElfFile: ElfFile elf }
                        ? new OracleMember(f.Name ?? "", true, Facts(elf))
                        : new OracleMember(f.Name ?? "", f is ArBinaryFile { Stream: Stream s } && StartsLikeElf(s), null))
                    .ToList();
            }
            catch (Exception e)
            {
                failure = "LibObjectFile " + e.GetType().Name + ": " + e.Message;
                return null;
            }
        }

        private static LibObjectFileFacts Facts(ElfFile elf)
        {
            bool objectFile = elf.FileType == ElfFileType.Relocatable;
            ElfType fileType = objectFile ? ElfType.Relocatable : ElfType.SharedObject;
            MachineTlsTable? tls = TlsRelocationTables.ForMachine((ushort)elf.Arch.Value);
            var counts = new SortedDictionary<uint, int>();
            bool hasSections = false;
            foreach (ElfSection section in elf.Sections)
            {
                hasSections |= section.Type != ElfSectionType.Null;
                if (section is not ElfRelocationTable table || (!objectFile && (section.Flags & ElfSectionFlags.Alloc) == 0))
                {
                    continue;
                }

                foreach (ElfRelocation relocation in table.Entries)
                {
                    uint number = relocation.Type.Value;
                    if (tls?.Find(number)?.ClassIn(fileType) is TlsRelocationClass c && IsCounted(c))
                    {
                        counts[number] = counts.GetValueOrDefault(number) + 1;
                    }
                }
            }

            return new LibObjectFileFacts(hasSections, counts);
        }

        private static bool StartsLikeElf(Stream stream)
        {
            var magic = new byte[4];
            stream.Position = 0;
            return stream.Read(magic, 0, 4) == 4 && magic[0] == 0x7f && magic[1] == (byte)'E' && magic[2] == (byte)'L' && magic[3] == (byte)'F';
        }

        /// <summary>The classes TlsGuard tallies (ElfScanResult's static and dynamic counts); markers and data words are not tallied.</summary>
        private static bool IsCounted(TlsRelocationClass c) => c != TlsRelocationClass.DynamicTlsData && c != TlsRelocationClass.SequenceMarker;

        private static string FirstError(DiagnosticBag? diagnostics) =>
            diagnostics?.Messages.Where(m => m.Kind == DiagnosticKind.Error).Select(m => m.ToString()).FirstOrDefault() ?? "unreadable";
    }
}
