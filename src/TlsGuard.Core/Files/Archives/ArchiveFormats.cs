using System;
using System.IO;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Images;
using TlsGuard.Core.Files.Archives.Tar;

namespace TlsGuard.Core.Files.Archives
{
    /// <summary>Recognises archives by content (magic numbers, a valid tar header checksum), not by file name.</summary>
    public static class ArchiveFormats
    {
        /// <summary>
        /// <see cref="Detect(IFileSystem, string)"/> for each path, up to <paramref name="threads"/> at once (each costs an
        /// open and a 512-byte read; <paramref name="fileSystem"/> must answer from several threads when more than one is given).
        /// </summary>
        public static ArchiveFormat[] Detect(IFileSystem fileSystem, System.Collections.Generic.IReadOnlyList<string> paths, int threads)
        {
            var formats = new ArchiveFormat[paths.Count];
            ParallelWork.For(paths.Count, threads, i => formats[i] = Detect(fileSystem, paths[i]));
            return formats;
        }

        /// <summary>The format of a file or folder of <paramref name="fileSystem"/>; None for anything else or anything unreadable.</summary>
        public static ArchiveFormat Detect(IFileSystem fileSystem, string path)
        {
            if (OciFolderReader.IsLayout(fileSystem, path))
            {
                return ArchiveFormat.OciLayout;
            }

            try
            {
                using (IByteSource? source = fileSystem.OpenRead(path, out _))
                {
                    if (source == null)
                    {
                        return ArchiveFormat.None;
                    }

                    var head = new byte[TarHeader.BlockSize];
                    int got = source.ReadFully(0, head, 0, head.Length);

                    return Of(head, got, out _);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return ArchiveFormat.None;
            }
        }

        /// <summary>The format the leading bytes show; for <see cref="ArchiveFormat.Unsupported"/> also which compression it is.</summary>
        internal static ArchiveFormat Of(byte[] head, int count, out string? unsupported)
        {
            unsupported = null;
            if (count >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
            {
                return ArchiveFormat.Zip;
            }

            if (count >= 2 && head[0] == 0x1f && head[1] == 0x8b)
            {
                return ArchiveFormat.GzipTar;
            }

            if (TarHeader.LooksLikeTar(head, count))
            {
                return ArchiveFormat.Tar;
            }

            if (count >= 6 && head[0] == 0xfd && head[1] == (byte)'7' && head[2] == (byte)'z' && head[3] == (byte)'X' && head[4] == (byte)'Z' && head[5] == 0)
            {
                unsupported = "xz";
            }
            else if (count >= 3 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h')
            {
                unsupported = "bzip2";
            }
            else if (count >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd)
            {
                unsupported = "zstd";
            }

            return unsupported == null ? ArchiveFormat.None : ArchiveFormat.Unsupported;
        }
    }
}
