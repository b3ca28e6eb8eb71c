using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files
{
    /// <summary>The machine's own file system. Paths are OS paths; nothing here follows the "outer!/inner" archive convention.</summary>
    public sealed class DiskFileSystem : IFileSystem
    {
        public static DiskFileSystem Instance { get; } = new DiskFileSystem();

        private DiskFileSystem()
        {
        }

        public FileKind KindOf(string path)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    return FileKind.Directory;
                }

                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return FileKind.Missing;
                }

                return FileKind.RegularFile;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return FileKind.Unreadable;
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
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                error = e.Message;
                return new string[0];
            }
        }

        public IByteSource? OpenRead(string path, out string? error)
        {
            switch (KindOf(path))
            {
                case FileKind.Missing:
                    error = "file not found";
                    return null;
                case FileKind.Directory:
                    error = "is a directory";
                    return null;
                case FileKind.Special:
                    error = "not a regular file (FIFO, socket or device)";
                    return null;
                case FileKind.Unreadable:
                    error = "cannot be read";
                    return null;
            }

            try
            {
                // FIFOs and devices report a length of 0 and opening a FIFO blocks; an empty file has nothing to read either.
                if (new FileInfo(path).Length == 0)
                {
                    error = "empty file (or not a regular file)";
                    return null;
                }

                error = null;
                return new FileByteSource(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                error = e.Message;
                return null;
            }
        }
    }
}
