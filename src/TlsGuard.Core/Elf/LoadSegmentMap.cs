using System.Collections.Generic;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Elf
{
    /// <summary>Maps the virtual addresses the dynamic section uses to file offsets through the PT_LOAD segments.</summary>
    internal sealed class LoadSegmentMap
    {
        private readonly List<ProgramHeader> loads = new List<ProgramHeader>();
        private readonly long fileLength;

        public LoadSegmentMap(IReadOnlyList<ProgramHeader> programHeaders, long fileLength)
        {
            this.fileLength = fileLength;
            foreach (ProgramHeader ph in programHeaders)
            {
                if (ph.Type == ProgramHeaderType.Load && ph.FileSize != 0)
                {
                    loads.Add(ph);
                }
            }
        }

        /// <summary>The file offset of [address, address+size), which must lie in the file image of one PT_LOAD.</summary>
        public long ToOffset(ulong address, ulong size, string what)
        {
            foreach (ProgramHeader ph in loads)
            {
                if (address >= ph.VirtualAddress && address - ph.VirtualAddress < ph.FileSize)
                {
                    ulong delta = address - ph.VirtualAddress;
                    if (size > ph.FileSize - delta)
                    {
                        throw new ElfFormatException(what + " runs past the end of its segment");
                    }

                    return Bounds.Range(ph.Offset + delta, size, fileLength, what);
                }
            }

            throw new ElfFormatException(what + " at address 0x" + address.ToString("x") + " is not in any loadable segment");
        }

        /// <summary>The file offset of [address, address+size) as <see cref="ToOffset"/> finds it; false where it would throw.</summary>
        public bool TryToOffset(ulong address, ulong size, out long offset)
        {
            foreach (ProgramHeader ph in loads)
            {
                if (address >= ph.VirtualAddress && address - ph.VirtualAddress < ph.FileSize)
                {
                    ulong delta = address - ph.VirtualAddress;
                    offset = (long)(ph.Offset + delta);
                    return size <= ph.FileSize - delta && Bounds.Fits(ph.Offset + delta, size, fileLength);
                }
            }

            offset = 0;
            return false;
        }

        /// <summary>Bytes available from <paramref name="address"/> to the end of its segment's file image (for tables without a size).</summary>
        public ulong BytesToSegmentEnd(ulong address)
        {
            foreach (ProgramHeader ph in loads)
            {
                if (address >= ph.VirtualAddress && address - ph.VirtualAddress < ph.FileSize)
                {
                    return ph.FileSize - (address - ph.VirtualAddress);
                }
            }

            return 0;
        }
    }
}
