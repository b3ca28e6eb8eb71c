using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files
{
    /// <summary>
    /// The machine's own file system. Paths are OS paths; nothing here follows the "outer!/inner" archive convention.
    /// A path is judged after following its links and again on the opened handle: FIFOs, sockets and devices are refused
    /// before anything is opened, and the open itself cannot block. On Linux that is exact (statx and a non-blocking
    /// open, <see cref="LinuxFileStatus"/>); elsewhere on Unix links are resolved with realpath and a file that reports
    /// no size is refused, since FIFOs, sockets and devices all report none; Windows has no such files under paths.
    /// </summary>
    public sealed class DiskFileSystem : IFileSystem
    {
        private readonly bool useStatx;
        private readonly bool useRealPath;
        private readonly Dictionary<string, FileStatus>? statuses;

        private DiskFileSystem(bool useStatx, bool useRealPath, bool remembersStatuses = false)
        {
            this.useStatx = useStatx;
            this.useRealPath = useRealPath;
            statuses = remembersStatuses ? new Dictionary<string, FileStatus>(StringComparer.Ordinal) : null;
        }

        public static DiskFileSystem Instance { get; } = new DiskFileSystem(LinuxFileStatus.IsAvailable, UnixRealPath.IsAvailable);

        /// <summary>
        /// A view of the disk for one run (one `tlsguard scan`): each path's status is taken once, however many steps ask
        /// (the argument checks, archive detection, discovery, the scan memo, the open). What is opened is still checked
        /// again on its descriptor, so a file replaced during the run is refused as before.
        /// </summary>
        public static DiskFileSystem ForOneRun() => new DiskFileSystem(Instance.useStatx, Instance.useRealPath, remembersStatuses: true);

        /// <summary>The portable path (realpath and sizes, no statx), for tests of what macOS and older C libraries get.</summary>
        internal static DiskFileSystem WithoutStatx { get; } = new DiskFileSystem(false, UnixRealPath.IsAvailable);

        /// <summary>True when file types and identities come from statx (Linux); false where only sizes and times are seen.</summary>
        public bool SeesFileTypes => useStatx;

        public FileKind KindOf(string path) => Status(path).Kind;

        public FileStatus Status(string path)
        {
            if (statuses == null)
            {
                return Read(path);
            }

            lock (statuses)
            {
                if (statuses.TryGetValue(path, out FileStatus known))
                {
                    return known;
                }
            }

            FileStatus status = Read(path);
            lock (statuses)
            {
                statuses[path] = status;
            }

            return status;
        }

        private FileStatus Read(string path)
        {
            try
            {
                return useStatx ? LinuxFileStatus.Of(path) : ManagedStatus(path);
            }
            catch (Exception e) when (IsFileSystemError(e))
            {
                return FileStatus.Failed(FileKind.Unreadable, e.Message);
            }
        }

        public IReadOnlyList<string> List(string folder, out string? error)
        {
            error = null;
            try
            {
                var entries = Directory.GetFileSystemEntries(folder);
                Array.Sort(entries, StringComparer.Ordinal);
                return entries;
            }
            catch (Exception e) when (IsFileSystemError(e))
            {
                error = e is UnauthorizedAccessException ? "permission denied" : e.Message;
                return new string[0];
            }
        }

        public IByteSource? OpenRead(string path, out string? error)
        {
            FileStatus status = Status(path);
            if (status.Kind != FileKind.RegularFile)
            {
                error = status.Error ?? "cannot be read";
                return null;
            }

            if (status.Length == 0)
            {
                // Off Linux the size is all there is to go by: FIFOs, sockets and devices report none.
                error = useStatx ? "empty file" : "empty file (or not a regular file)";
                return null;
            }

            try
            {
                if (useStatx)
                {
                    return LinuxFileStatus.OpenRegular(path, status, out error);
                }

                error = null;
                return new FileByteSource(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.RandomAccess));
            }
            catch (Exception e) when (IsFileSystemError(e))
            {
                error = e is UnauthorizedAccessException ? "permission denied" : e.Message;
                return null;
            }
        }

        private static bool IsFileSystemError(Exception e) =>
            e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException;

        /// <summary>What managed code sees, with links resolved through realpath where the C library has it.</summary>
        private FileStatus ManagedStatus(string path)
        {
            var info = new FileInfo(path);
            bool isLink = info.Exists || Directory.Exists(path) ? (info.Attributes & FileAttributes.ReparsePoint) != 0 : false;
            if (Directory.Exists(path))
            {
                return new FileStatus(FileKind.Directory, isLink, 0, 0, default, "is a directory");
            }

            if (!info.Exists)
            {
                return FileStatus.Failed(FileKind.Missing, "file not found");
            }

            if (isLink)
            {
                string? target = useRealPath ? UnixRealPath.Resolve(path) : null;
                if (useRealPath && target == null)
                {
                    return FileStatus.Failed(FileKind.Missing, "file not found (a symbolic link to nothing, a link loop or a folder that cannot be entered)", true);
                }

                if (target != null)
                {
                    info = new FileInfo(target);
                }
            }

            return new FileStatus(FileKind.RegularFile, isLink, info.Length, info.LastWriteTimeUtc.Ticks, default, null);
        }
    }
}
