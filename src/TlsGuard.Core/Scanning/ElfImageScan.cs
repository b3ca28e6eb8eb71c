using System;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Scanning
{
    /// <summary>Scans one ELF image: shared objects and executables through their dynamic segment, object files through their sections.</summary>
    internal static class ElfImageScan
    {
        /// <summary>Larger blocks or alignments exist in no address space a thread has; beyond them the arithmetic of analysis would overflow.</summary>
        private const ulong MaxTlsSize = 1UL << 48;
        private const ulong MaxTlsAlign = 1UL << 32;

        /// <summary>Scans one image; <paramref name="budget"/> is the whole file's (an archive's members share one).</summary>
        public static ElfScanResult Scan(IByteSource source, string path, string? member, NameBudget budget)
        {
            var builder = new ScanResultBuilder(path, member);
            try
            {
                using (ElfImage image = ElfImage.Open(source, builder, budget))
                {
                    builder.TlsBlock = TlsBlockOf(image);
                    builder.Interpreter = InterpreterOf(image);
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

            if (tls.MemorySize > MaxTlsSize)
            {
                throw new ElfFormatException("PT_TLS p_memsz 0x" + tls.MemorySize.ToString("x") + " is larger than any address space");
            }

            if (tls.FileSize > tls.MemorySize)
            {
                throw new ElfFormatException("PT_TLS p_filesz " + tls.FileSize + " is larger than its p_memsz " + tls.MemorySize);
            }

            if (tls.Align > MaxTlsAlign || (tls.Align & (tls.Align - 1)) != 0)
            {
                throw new ElfFormatException("PT_TLS p_align 0x" + tls.Align.ToString("x") + " is not a power of two of at most 2^32");
            }

            return new TlsBlock((long)tls.MemorySize, (long)tls.Align, (long)tls.FileSize, tls.VirtualAddress);
        }

        /// <summary>PT_INTERP: a NUL-terminated path in the segment's file image (its range was checked with the headers).</summary>
        private static string? InterpreterOf(ElfImage image)
        {
            ProgramHeader? interp = image.FindSegment(ProgramHeaderType.Interpreter);
            if (interp == null)
            {
                return null;
            }

            long offset = (long)interp.Offset;
            return image.Strings.Read(image.Small, offset, offset + (long)interp.FileSize, StringPool.MaxPathBytes, "PT_INTERP path");
        }
    }
}
