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

                    var magic = new byte[ElfMagic.Length];
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
                var magic = new byte[ElfMagic.Length];
                int got = source.Read(0, magic, 0, magic.Length);
                switch (ElfMagic.Identify(magic, got))
                {
                    case ObjectFormat.Elf:
                        return new[] { ElfImageScan.Scan(source, displayPath, null, new NameBudget(source.Length)) };
                    case ObjectFormat.Archive:
                        return ArchiveScan.Scan(source, displayPath);
                    case ObjectFormat.ThinArchive:
                        return Failure(displayPath, "thin archive: its members are separate files");
                    case ObjectFormat.MachO:
                        return Failure(displayPath, "not an ELF file: a Mach-O object (Apple platforms)");
                    case ObjectFormat.Coff:
                    case ObjectFormat.CoffImport:
                        return Failure(displayPath, "not an ELF file: a COFF object (Windows)");
                    case ObjectFormat.LlvmBitcode:
                        return Failure(displayPath, "LLVM bitcode (LTO object): its TLS model is only chosen at link time");
                    default:
                        return Failure(displayPath, got == 0 ? "empty file" : "not an ELF file or ar archive");
                }
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
