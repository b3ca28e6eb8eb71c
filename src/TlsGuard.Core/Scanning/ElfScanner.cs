using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// The scanner's front door: one result per ELF file, or one per ELF member of an ar archive. It never throws and
    /// never loads or runs what it reads; anything it cannot read comes back as a result with an Error. Only the
    /// ranges the answer needs are read, and every count and offset is checked against the file size before use.
    /// </summary>
    public static class ElfScanner
    {
        private const int MagicLength = 8;

        public static IReadOnlyList<ElfScanResult> Scan(string path) => Scan(DiskFileSystem.Instance, path);

        /// <summary>Scans a file of <paramref name="fileSystem"/>; results carry <paramref name="path"/> as written.</summary>
        public static IReadOnlyList<ElfScanResult> Scan(IFileSystem fileSystem, string path)
        {
            try
            {
                using (IByteSource? source = fileSystem.OpenRead(path, out string? refusal))
                {
                    // Everything is read before the file closes: archive members are not scanned lazily.
                    return source == null ? Failure(path, refusal ?? "cannot be read") : Scan(source, path);
                }
            }
            catch (Exception e)
            {
                return Failure(path, ScanFailure.Reason(e));
            }
        }

        /// <summary>True when the file starts with the ELF magic or "!&lt;arch&gt;\n"; false for anything unreadable.</summary>
        public static bool LooksLikeElfOrArchive(string path) => LooksLikeElfOrArchive(DiskFileSystem.Instance, path);

        public static bool LooksLikeElfOrArchive(IFileSystem fileSystem, string path)
        {
            try
            {
                using (IByteSource? source = fileSystem.OpenRead(path, out _))
                {
                    if (source == null)
                    {
                        return false;
                    }

                    var magic = new byte[MagicLength];
                    int got = source.Read(0, magic, 0, magic.Length);
                    return ElfMagic.IsElf(magic, got) || ElfMagic.IsArchive(magic, got);
                }
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Scans an image already in memory.</summary>
        internal static IReadOnlyList<ElfScanResult> Scan(byte[] image, string displayPath) =>
            Scan(new ArrayByteSource(image), displayPath);

        internal static IReadOnlyList<ElfScanResult> Scan(IByteSource source, string displayPath)
        {
            try
            {
                var magic = new byte[MagicLength];
                int got = source.Read(0, magic, 0, magic.Length);
                if (ElfMagic.IsElf(magic, got))
                {
                    return new[] { ElfImageScan.Scan(source, displayPath, null) };
                }

                if (ElfMagic.IsArchive(magic, got))
                {
                    return ArchiveScan.Scan(source, displayPath);
                }

                if (ElfMagic.IsThinArchive(magic, got))
                {
                    return Failure(displayPath, "thin archive: its members are separate files");
                }

                return Failure(displayPath, got == 0 ? "empty file" : "not an ELF file or ar archive");
            }
            catch (Exception e)
            {
                return Failure(displayPath, ScanFailure.Reason(e));
            }
        }

        private static IReadOnlyList<ElfScanResult> Failure(string path, string reason) =>
            new[] { ScanResultBuilder.Failure(path, null, reason) };
    }
}
