using System.Collections.Generic;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// The analysis' file system with every question and answer written down (<see cref="ProbeRecorder"/>): the folders
    /// searched for dependencies, the candidates that were not there, ld.so.conf and what it includes, a sysroot, a
    /// runtime pack. A content read is recorded as the file's status when it was opened.
    /// </summary>
    public sealed class RecordingFileSystem : IFileSystem
    {
        private readonly ProbeRecorder _recorder;

        public RecordingFileSystem(ProbeRecorder recorder)
        {
            _recorder = recorder;
        }

        private IFileSystem Inner => _recorder.FileSystem;

        /// <summary>The kind, read from the status as the disk reads it (DiskFileSystem.KindOf is Status().Kind).</summary>
        public FileKind KindOf(string path)
        {
            var status = Inner.Status(path);
            _recorder.Record(ProbeKind.Kind, path, FileProbe.KindAnswer(status.Kind));
            return status.Kind;
        }

        public FileStatus Status(string path)
        {
            var status = Inner.Status(path);
            _recorder.Record(ProbeKind.Status, path, FileProbe.StatusAnswer(status));
            return status;
        }

        public IReadOnlyList<string> List(string folder, out string? error)
        {
            var entries = Inner.List(folder, out error);
            _recorder.Record(ProbeKind.Listing, folder, FileProbe.ListingAnswer(entries, error));
            return entries;
        }

        public IByteSource? OpenRead(string path, out string? error)
        {
            _recorder.Ask(ProbeKind.Content, path);
            return Inner.OpenRead(path, out error);
        }
    }
}
