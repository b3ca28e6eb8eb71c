using System;
using System.Collections.Generic;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// One result per ELF member of an ar archive. Members that are neither ELF nor LLVM bitcode (text files,
    /// foreign data) hold no code and are passed over; a broken header ends the walk with an error result.
    /// </summary>
    internal static class ArchiveScan
    {
        public static List<ElfScanResult> Scan(IByteSource source, string path)
        {
            var results = new List<ElfScanResult>();
            var magic = new byte[4];
            try
            {
                foreach (ArMember member in ArArchiveReader.Members(source))
                {
                    if (member.Error != null)
                    {
                        results.Add(ScanResultBuilder.Failure(path, member.Name, member.Error));
                        continue;
                    }

                    var data = new ByteSourceSlice(source, member.DataOffset, member.Size);
                    int got = data.Read(0, magic, 0, magic.Length);
                    if (ElfMagic.IsElf(magic, got))
                    {
                        results.Add(ElfImageScan.Scan(data, path, member.Name));
                    }
                    else if (ElfMagic.IsBitcode(magic, got))
                    {
                        results.Add(ScanResultBuilder.Failure(path, member.Name, "LLVM bitcode (LTO object): its TLS model is only chosen at link time"));
                    }
                }
            }
            catch (Exception e)
            {
                results.Add(ScanResultBuilder.Failure(path, null, ScanFailure.Reason(e)));
            }

            return results;
        }
    }
}
