using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;

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

        public static IReadOnlyList<ElfScanResult> Scan(string path)
        {
            try
            {
                string? refusal = RefuseToOpen(path);
                if (refusal != null)
                {
                    return Failure(path, refusal);
                }

                using (var source = new FileByteSource(path))
                {
                    // Everything is read before the file closes: archive members are not scanned lazily.
                    return Scan(source, path);
                }
            }
            catch (Exception e)
            {
                return Failure(path, ScanFailure.Reason(e));
            }
        }

        /// <summary>True when the file starts with the ELF magic or "!&lt;arch&gt;\n"; false for anything unreadable.</summary>
        public static bool LooksLikeElfOrArchive(string path)
        {
            try
            {
                if (RefuseToOpen(path) != null)
                {
                    return false;
                }

                using (var source = new FileByteSource(path))
                {
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

        /// <summary>
        /// Why a path must not be opened, or null. Opening a FIFO blocks until a writer appears, and devices never
        /// end, so only non-empty regular files are opened (FIFOs and devices report a length of 0).
        /// </summary>
        private static string? RefuseToOpen(string path)
        {
            if (Directory.Exists(path))
            {
                return "is a directory";
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return "file not found";
            }

            return info.Length == 0 ? "empty file (or not a regular file)" : null;
        }

        private static IReadOnlyList<ElfScanResult> Failure(string path, string reason) =>
            new[] { ScanResultBuilder.Failure(path, null, reason) };
    }
}
