using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace TlsGuard.Core.Elf.IO
{
    /// <summary>Positioned reads from an open file; the length is fixed when opened so a growing file cannot stretch the bounds.</summary>
    internal sealed class FileByteSource : IByteSource
    {
#if NET
        private readonly SafeFileHandle? handle;
#endif
        private readonly FileStream? stream;

        /// <summary>Takes ownership of <paramref name="stream"/>, opened with bufferSize 1: the readers keep their own windows.</summary>
        public FileByteSource(FileStream stream)
        {
            this.stream = stream;
            Length = stream.Length;
        }

#if NET
        private FileByteSource(SafeFileHandle handle, long length)
        {
            this.handle = handle;
            Length = length;
        }
#endif

        public long Length { get; }

        /// <summary>
        /// Takes ownership of <paramref name="handle"/>, a regular file whose size the caller has just read from it. On
        /// .NET the reads are plain pread(2) calls: no FileStream, whose set-up asks the kernel for the type and the
        /// position of the file again.
        /// </summary>
        public static IByteSource Of(SafeFileHandle handle, long length)
        {
#if NET
            return new FileByteSource(handle, length);
#else
            return new FileByteSource(new FileStream(handle, FileAccess.Read, 1));
#endif
        }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (position >= Length)
            {
                return 0;
            }

            count = (int)Math.Min(count, Length - position);
            int total = 0;
            while (total < count)
            {
                int read = ReadAt(position + total, buffer, offset + total, count - total);
                if (read <= 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }

        private int ReadAt(long position, byte[] buffer, int offset, int count)
        {
#if NET
            if (handle != null)
            {
                return RandomAccess.Read(handle, new Span<byte>(buffer, offset, count), position);
            }
#endif
            stream!.Position = position;
            return stream.Read(buffer, offset, count);
        }

        public void Dispose()
        {
#if NET
            handle?.Dispose();
#endif
            stream?.Dispose();
        }
    }
}
