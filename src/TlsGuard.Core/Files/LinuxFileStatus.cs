using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files
{
    /// <summary>
    /// The file type, size, times and identity of a path or an open descriptor on Linux, through statx(2), whose
    /// struct statx has the same layout on every architecture (include/uapi/linux/stat.h), unlike struct stat; and a
    /// non-blocking open. netstandard2.0 has no API for the file type (.NET's FileStatus knows only directories and
    /// links: src/libraries/System.Private.CoreLib/src/System/IO/FileStatus.Unix.cs), so this calls the C library
    /// directly: glibc 2.28+ and musl 1.2.5+ export statx. Where it is missing, <see cref="IsAvailable"/> is false
    /// and <see cref="DiskFileSystem"/> falls back to what managed code can see.
    /// </summary>
    internal static class LinuxFileStatus
    {
        private const int AtFdCwd = -100;
        private const int AtSymlinkNoFollow = 0x100;
        private const int AtEmptyPath = 0x1000;

        // STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE
        private const uint Mask = 0x1 | 0x2 | 0x40 | 0x80 | 0x100 | 0x200;
        private const int StatxSize = 256;

        // Open flags and errno values of asm-generic, which every architecture .NET runs on Linux uses (x86, x64, arm,
        // arm64, s390x, ppc64le, riscv64, loongarch64); MIPS, SPARC and Alpha differ, and .NET does not run there.
        private const int ReadOnlyNonBlocking = 0x800 | 0x100 | 0x80000; // O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC

        private const int S_IFMT = 0xf000;
        private const int S_IFIFO = 0x1000;
        private const int S_IFCHR = 0x2000;
        private const int S_IFDIR = 0x4000;
        private const int S_IFBLK = 0x6000;
        private const int S_IFREG = 0x8000;
        private const int S_IFLNK = 0xa000;
        private const int S_IFSOCK = 0xc000;

        private static readonly Lazy<bool> Available = new Lazy<bool>(Probe);

        /// <summary>statx's pathname for "the descriptor itself" (AT_EMPTY_PATH).</summary>
        private static readonly byte[] EmptyPath = new byte[1];

        [ThreadStatic]
        private static byte[]? pathBuffer;

        [ThreadStatic]
        private static byte[]? statxBuffer;

        public static bool IsAvailable => Available.Value;

        /// <summary>The status of <paramref name="path"/> after following links, and whether the path itself is a link.</summary>
        public static FileStatus Of(string path)
        {
            byte[] name = NullTerminated(path);
            byte[] buffer = StatxBuffer();
            if (statx(AtFdCwd, name, AtSymlinkNoFollow, Mask, buffer) != 0)
            {
                return Failure(Marshal.GetLastWin32Error(), path, false);
            }

            bool isLink = (Mode(buffer) & S_IFMT) == S_IFLNK;
            if (isLink && statx(AtFdCwd, name, 0, Mask, buffer) != 0)
            {
                return Failure(Marshal.GetLastWin32Error(), path, true);
            }

            return Describe(buffer, isLink);
        }

        /// <summary>
        /// Opens a regular file for reading without ever blocking: O_NONBLOCK makes opening a FIFO return at once, the
        /// type is checked again on the descriptor (a file swapped after <paramref name="expected"/> was taken is refused),
        /// and only then is the descriptor handed out. O_NONBLOCK stays set: it has no effect on reads of a regular file
        /// (open(2)), and clearing it would cost two more system calls per file.
        /// </summary>
        public static IByteSource? OpenRegular(string path, FileStatus expected, out string? error)
        {
            int fd = open(NullTerminated(path), ReadOnlyNonBlocking);
            if (fd < 0)
            {
                error = Failure(Marshal.GetLastWin32Error(), path, expected.IsSymbolicLink).Error;
                return null;
            }

            var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
            try
            {
                byte[] buffer = StatxBuffer();
                if (statx(fd, EmptyPath, AtEmptyPath, Mask, buffer) != 0)
                {
                    error = Failure(Marshal.GetLastWin32Error(), path, expected.IsSymbolicLink).Error;
                    handle.Dispose();
                    return null;
                }

                FileStatus opened = Describe(buffer, expected.IsSymbolicLink);
                if (opened.Kind != FileKind.RegularFile)
                {
                    error = opened.Error ?? "not a regular file";
                    handle.Dispose();
                    return null;
                }

                if (opened.Identity.Device != expected.Identity.Device || opened.Identity.Inode != expected.Identity.Inode)
                {
                    error = "the file was replaced while it was being opened";
                    handle.Dispose();
                    return null;
                }

                error = null;
                return new LinuxFileByteSource(handle, opened.Length);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        private static FileStatus Describe(byte[] statx, bool isLink)
        {
            int type = Mode(statx) & S_IFMT;
            var identity = new FileIdentity(
                Device(BitConverter.ToUInt32(statx, 136), BitConverter.ToUInt32(statx, 140)),
                BitConverter.ToUInt64(statx, 32),
                Ticks(statx, 96));
            long length = (long)Math.Min(BitConverter.ToUInt64(statx, 40), long.MaxValue);
            long written = Ticks(statx, 112);
            switch (type)
            {
                case S_IFREG:
                    return new FileStatus(FileKind.RegularFile, isLink, length, written, identity, null);
                case S_IFDIR:
                    return new FileStatus(FileKind.Directory, isLink, 0, written, identity, "is a directory");
                default:
                    return new FileStatus(FileKind.Special, isLink, 0, written, identity, "not a regular file: " + SpecialName(type) + (isLink ? " (through a symbolic link)" : ""));
            }
        }

        private static string SpecialName(int type)
        {
            switch (type)
            {
                case S_IFIFO: return "a FIFO (named pipe)";
                case S_IFSOCK: return "a socket";
                case S_IFCHR: return "a character device";
                case S_IFBLK: return "a block device";
                default: return "an unknown file type";
            }
        }

        private static FileStatus Failure(int errno, string path, bool isLink)
        {
            switch (errno)
            {
                case 2: // ENOENT
                    return FileStatus.Failed(FileKind.Missing, isLink ? "file not found (a symbolic link to nothing)" : "file not found", isLink);
                case 20: // ENOTDIR
                    return FileStatus.Failed(FileKind.Missing, "file not found (a component of the path is not a folder)", isLink);
                case 13: // EACCES
                case 1: // EPERM
                    return FileStatus.Failed(FileKind.Unreadable, "permission denied", isLink);
                case 40: // ELOOP
                    return FileStatus.Failed(FileKind.Unreadable, "too many levels of symbolic links (a link loop)", isLink);
                case 36: // ENAMETOOLONG
                    return FileStatus.Failed(FileKind.Unreadable, "path too long (" + Encoding.UTF8.GetByteCount(path) + " bytes; the limit is 4096, PATH_MAX, with 255 per name)", isLink);
                default:
                    return FileStatus.Failed(FileKind.Unreadable, new Win32Exception(errno).Message, isLink);
            }
        }

        private static int Mode(byte[] statx) => BitConverter.ToUInt16(statx, 28);

        /// <summary>A struct statx_timestamp (tv_sec, tv_nsec) as UTC ticks.</summary>
        private static long Ticks(byte[] statx, int offset)
        {
            long seconds = BitConverter.ToInt64(statx, offset);
            uint nanoseconds = BitConverter.ToUInt32(statx, offset + 8);
            const long UnixEpochTicks = 621355968000000000;
            const long MaxSeconds = (long.MaxValue - UnixEpochTicks) / TimeSpan.TicksPerSecond - 1;
            if (seconds < -UnixEpochTicks / TimeSpan.TicksPerSecond || seconds > MaxSeconds)
            {
                return 0;
            }

            return UnixEpochTicks + seconds * TimeSpan.TicksPerSecond + nanoseconds / 100;
        }

        /// <summary>makedev(3) of glibc: the kernel's major/minor split into one number.</summary>
        private static ulong Device(uint major, uint minor) =>
            ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8) | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);

        /// <summary>
        /// The path as the C library takes it, in a buffer kept per thread (statx and open only read it during the call):
        /// scanning thousands of files would otherwise allocate each path twice more.
        /// </summary>
        private static byte[] NullTerminated(string path)
        {
            int length = Encoding.UTF8.GetByteCount(path);
            byte[]? bytes = pathBuffer;
            if (bytes == null || bytes.Length < length + 1)
            {
                bytes = new byte[Math.Max(length + 1, 256)];
                pathBuffer = bytes;
            }

            Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
            bytes[length] = 0;
            return bytes;
        }

        private static byte[] StatxBuffer() => statxBuffer ??= new byte[StatxSize];

        private static bool Probe()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return false;
            }

            CLibrary.BindLoadedCopy();

            // Compared by name: netstandard2.0's Architecture enum stops at Arm64.
            switch (RuntimeInformation.ProcessArchitecture.ToString())
            {
                case "X86":
                case "X64":
                case "Arm":
                case "Armv6":
                case "Arm64":
                case "S390x":
                case "Ppc64le":
                case "RiscV64":
                case "LoongArch64":
                    break;
                default:
                    return false;
            }

            try
            {
                var buffer = new byte[StatxSize];
                return statx(AtFdCwd, NullTerminated("/"), 0, Mask, buffer) == 0 && (Mode(buffer) & S_IFMT) == S_IFDIR;
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return false;
            }
        }

#pragma warning disable IDE1006 // the C library's names
        [DllImport(CLibrary.Name, SetLastError = true)]
        private static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] statxbuf);

        [DllImport(CLibrary.Name, SetLastError = true)]
        private static extern int open(byte[] pathname, int flags);

#pragma warning restore IDE1006
    }
}
