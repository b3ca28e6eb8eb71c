using System;
using System.IO;
using System.Runtime.InteropServices;
using TlsGuard.Core.Elf.IO;

namespace TlsGuard.Core.Files.Archives.Content
{
    /// <summary>
    /// The one temporary file kept contents go to once the memory budget is spent. It is created only when needed, with a
    /// random name, and removed from its folder as soon as it is open (on Windows: deleted when closed), so nothing is
    /// left on disk even when the process is killed; contents are only ever appended and read back by offset.
    /// </summary>
    internal sealed class SpillFile : IDisposable
    {
        private readonly FileStream stream;
        private readonly object gate = new object();

        private SpillFile(FileStream stream)
        {
            this.stream = stream;
        }

        public static SpillFile Create()
        {
            var path = Path.Combine(Path.GetTempPath(), "tlsguard-spill-" + Guid.NewGuid().ToString("N") + ".tmp");
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1, FileOptions.DeleteOnClose);
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                // POSIX keeps an unlinked file's data until the last descriptor closes: no name left to find or to leak.
                File.Delete(path);
            }

            return new SpillFile(stream);
        }

        public void Write(long position, byte[] buffer, int offset, int count)
        {
            lock (gate)
            {
                stream.Position = position;
                stream.Write(buffer, offset, count);
            }
        }

        public void Truncate(long length)
        {
            lock (gate)
            {
                stream.SetLength(length);
            }
        }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            lock (gate)
            {
                stream.Position = position;
                return stream.ReadFully(buffer, offset, count);
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                stream.Dispose();
            }
        }
    }
}
