using System.IO;
using System.Runtime.CompilerServices;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>
    /// The throws of the read path, kept out of line so the bounds check that guards every read stays small enough to
    /// inline (System.Reflection.Metadata's BlobReader does the same).
    /// </summary>
    internal static class ReadFailure
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ElfFormatException PastEnd(long offset) => new ElfFormatException("read past the end of the file at offset " + offset);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EndOfStreamException Truncated(long offset) => new EndOfStreamException("the file ended while reading offset " + offset);
    }
}
