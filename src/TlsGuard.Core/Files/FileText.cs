using System.Text;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files
{
    /// <summary>Small configuration files (ld.so.conf, ld-musl-ARCH.path) read whole, up to a limit: a hostile one cannot grow the analysis.</summary>
    internal static class FileText
    {
        public const int MaxBytes = 64 * 1024;

        /// <summary>The file's text (UTF-8, cut at <see cref="MaxBytes"/>), or null when it is not a readable regular file.</summary>
        public static string? Read(IFileSystem fileSystem, string path)
        {
            if (fileSystem.KindOf(path) != FileKind.RegularFile)
            {
                return null;
            }

            using (IByteSource? source = fileSystem.OpenRead(path, out _))
            {
                if (source == null)
                {
                    return null;
                }

                var buffer = new byte[(int)System.Math.Min(source.Length, MaxBytes)];
                var read = source.Read(0, buffer, 0, buffer.Length);
                return Encoding.UTF8.GetString(buffer, 0, read);
            }
        }
    }
}
