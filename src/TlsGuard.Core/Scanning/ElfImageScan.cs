using System;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Scanning
{
    /// <summary>Scans one ELF image: shared objects and executables through their dynamic segment, object files through their sections.</summary>
    internal static class ElfImageScan
    {
        public static ElfScanResult Scan(IByteSource source, string path, string? member)
        {
            var builder = new ScanResultBuilder(path, member);
            try
            {
                using (ElfImage image = ElfImage.Open(source, builder))
                {
                    builder.TlsBlock = TlsBlockOf(image);
                    switch (image.Header.Type)
                    {
                        case ElfType.SharedObject:
                        case ElfType.Executable:
                            DynamicScan.Run(image, builder);
                            break;
                        case ElfType.Relocatable:
                            ObjectScan.Run(image, builder);
                            break;
                        case ElfType.Core:
                            // A core dump loads nothing: header facts only.
                            break;
                        default:
                            throw new ElfFormatException("unknown ELF type " + (int)image.Header.Type);
                    }

                    if (image.Tls == null && image.Header.Type != ElfType.Core)
                    {
                        throw new ElfFormatException("machine " + image.Header.Machine + " is not supported: its TLS relocations are unknown");
                    }
                }

                return builder.Build(null);
            }
            catch (Exception e)
            {
                return builder.Build(ScanFailure.Reason(e));
            }
        }

        private static TlsBlock? TlsBlockOf(ElfImage image)
        {
            ProgramHeader? tls = image.FindSegment(ProgramHeaderType.Tls);
            if (tls == null)
            {
                return null;
            }

            // No loader could reserve such a block; as a signed size it would read as negative and seem to fit.
            if (tls.MemorySize > long.MaxValue || tls.Align > long.MaxValue)
            {
                throw new ElfFormatException("PT_TLS p_memsz " + tls.MemorySize + " or p_align " + tls.Align + " is larger than any address space");
            }

            return new TlsBlock((long)tls.MemorySize, (long)tls.Align, (long)tls.FileSize);
        }
    }
}
