using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// One result per ELF member of an ar archive. Members that are neither ELF nor LLVM bitcode (text files,
    /// foreign data) hold no code TlsGuard can judge and are passed over; an archive with no ELF or bitcode member at
    /// all (a Windows import library, an iOS static library) is one error result that says what it holds. A broken
    /// header ends the walk with an error result.
    /// </summary>
    internal static class ArchiveScan
    {
        /// <summary>
        /// Members scanned per archive. Each gives a result (a few kilobytes while scanning), so this bounds the report
        /// and the memory a 16 MB archive of tiny members can take; real static libraries stay far below it (the largest
        /// in Debian 12, libc.a and liblapack.a, have about 2,000 members).
        /// </summary>
        public const int MaxMembers = 8192;

        public static List<ElfScanResult> Scan(IByteSource source, string path)
        {
            var results = new List<ElfScanResult>();
            var foreign = new ForeignMembers();
            var budget = new NameBudget(source.Length);
            try
            {
                using var archive = new ArArchiveReader(source, budget);
                var magic = new byte[ElfMagic.Length];
                bool capped = false;
                foreach (ArMember member in archive.Members())
                {
                    if (results.Count >= MaxMembers)
                    {
                        capped = true;
                        break;
                    }

                    if (member.Error != null)
                    {
                        results.Add(ScanResultBuilder.Failure(path, member.Name, member.Error));
                        continue;
                    }

                    var data = new ByteSourceSlice(source, member.DataOffset, member.Size);
                    int got = data.Read(0, magic, 0, magic.Length);
                    ObjectFormat format = ElfMagic.Identify(magic, got);
                    switch (format)
                    {
                        case ObjectFormat.Elf:
                            results.Add(ElfImageScan.Scan(data, path, member.Name, budget));
                            break;
                        case ObjectFormat.LlvmBitcode:
                            results.Add(ScanResultBuilder.Failure(path, member.Name, "LLVM bitcode (LTO object): its TLS model is only chosen at link time"));
                            break;
                        default:
                            foreign.Add(format);
                            break;
                    }
                }

                if (capped)
                {
                    results.Add(ScanResultBuilder.Failure(path, null, "the archive has more than " + MaxMembers + " members to report; the rest were not scanned"));
                }
                else if (results.Count == 0 && foreign.Count > 0)
                {
                    results.Add(ScanResultBuilder.Failure(path, null, "ar archive without ELF members: " + foreign.Describe()));
                }
                else if (archive.IndexProblem != null)
                {
                    results.Add(ScanResultBuilder.Failure(path, null, archive.IndexProblem));
                }
            }
            catch (Exception e)
            {
                results.Add(ScanResultBuilder.Failure(path, null, ScanFailure.Reason(e)));
            }

            return results;
        }

        /// <summary>Whether an archive has a member TlsGuard would scan (ELF or bitcode); reads member headers and leading bytes only.</summary>
        public static bool HasElfMembers(IByteSource source)
        {
            using var archive = new ArArchiveReader(source, new NameBudget(source.Length));
            var magic = new byte[ElfMagic.Length];
            foreach (ArMember member in archive.Members())
            {
                if (member.Error != null)
                {
                    // A header that cannot be read: the archive claims to be one and is broken, which is worth a report.
                    return true;
                }

                int got = new ByteSourceSlice(source, member.DataOffset, member.Size).Read(0, magic, 0, magic.Length);
                ObjectFormat format = ElfMagic.Identify(magic, got);
                if (format == ObjectFormat.Elf)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Counts the foreign members by format, for the one-line reason.</summary>
        private sealed class ForeignMembers
        {
            private readonly SortedDictionary<ObjectFormat, int> counts = new SortedDictionary<ObjectFormat, int>();

            public int Count { get; private set; }

            public void Add(ObjectFormat format)
            {
                counts.TryGetValue(format, out int n);
                counts[format] = n + 1;
                Count++;
            }

            public string Describe()
            {
                var parts = new List<string>();
                foreach (KeyValuePair<ObjectFormat, int> pair in counts)
                {
                    parts.Add(pair.Value + " " + Name(pair.Key));
                }

                return string.Join(", ", parts);
            }

            private static string Name(ObjectFormat format)
            {
                switch (format)
                {
                    case ObjectFormat.CoffImport: return "COFF import object(s) (a Windows import library)";
                    case ObjectFormat.Coff: return "COFF object(s) (Windows)";
                    case ObjectFormat.MachO: return "Mach-O object(s) (Apple platforms)";
                    case ObjectFormat.Archive: return "nested archive(s)";
                    default: return "member(s) of no object format";
                }
            }
        }
    }
}
