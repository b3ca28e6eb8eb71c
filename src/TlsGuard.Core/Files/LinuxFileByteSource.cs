using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files
{
    /// <summary>
    /// A regular file opened by <see cref="LinuxFileStatus.OpenRegular"/>, read with pread(2) on its descriptor: no
    /// FileStream and no RandomAccess, whose set-up and checks ask the kernel for the file's type and position again
    /// (an fstat and an lseek per file), on .NET and in the netstandard2.0 task alike. The length is the one read
    /// from the descriptor when it was opened, so a growing file cannot stretch the bounds.
    /// </summary>
    internal sealed class LinuxFileByteSource : IByteSource
    {
        private const int EINTR = 4;

        private readonly SafeFileHandle handle;

        public LinuxFileByteSource(SafeFileHandle handle, long length)
        {
            this.handle = handle;
            Length = length;
        }

        public long Length { get; }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (position < 0 || position >= Length)
            {
                return 0;
            }

            count = (int)Math.Min(count, Length - position);
            int fd = (int)handle.DangerousGetHandle();
            int total = 0;
            while (total < count)
            {
                long read = ReadAt(fd, ref buffer[offset + total], count - total, position + total);
                if (read < 0)
                {
                    int errno = Marshal.GetLastWin32Error();
                    if (errno == EINTR)
                    {
                        continue;
                    }

                    throw new IOException(new Win32Exception(errno).Message);
                }

                if (read == 0)
                {
                    break;
                }

                total += (int)read;
            }

            return total;
        }

        public void Dispose() => handle.Dispose();

        // A 32-bit process's pread takes a 32-bit off_t; pread64 takes 64 bits on every C library (musl keeps the symbol
        // for binaries). In a 64-bit process the two are one function.
        private static long ReadAt(int fd, ref byte buffer, int count, long position) => IntPtr.Size == 8
            ? (long)pread(fd, ref buffer, (UIntPtr)(uint)count, position)
            : (long)pread64(fd, ref buffer, (UIntPtr)(uint)count, position);

#pragma warning disable IDE1006 // the C library's names
        [DllImport(CLibrary.Name, SetLastError = true)]
        private static extern IntPtr pread(int fd, ref byte buffer, UIntPtr count, long offset);

        [DllImport(CLibrary.Name, SetLastError = true)]
        private static extern IntPtr pread64(int fd, ref byte buffer, UIntPtr count, long offset);
#pragma warning restore IDE1006
    }
}
