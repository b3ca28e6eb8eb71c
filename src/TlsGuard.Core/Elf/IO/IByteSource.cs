using System;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>Random access to the bytes of one file, one archive member or one in-memory image; disposing releases the file.</summary>
    public interface IByteSource : IDisposable
    {
        long Length { get; }

        /// <summary>Copies up to <paramref name="count"/> bytes at <paramref name="position"/>; returns how many were copied.</summary>
        int Read(long position, byte[] buffer, int offset, int count);
    }
}
