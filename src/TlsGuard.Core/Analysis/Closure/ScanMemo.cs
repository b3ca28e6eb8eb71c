using System;
using System.Collections.Generic;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Scans each file once per analysis (the on-disk cache across builds is Caching.ScanCache); a scan source that throws
    /// is turned into an unreadable result. A file reached by a second path (a symbolic link; /lib and /usr/lib on a
    /// merged-/usr system, where ld.so.conf names the one and the inputs the other) is recognised by its identity
    /// (device, inode, change time, size and modification time, where the file system gives them) and not read again.
    /// </summary>
    internal sealed class ScanMemo
    {
        private readonly IScanSource _source;
        private readonly IFileSystem _fileSystem;
        private readonly Dictionary<string, IReadOnlyList<ElfScanResult>> _results = new Dictionary<string, IReadOnlyList<ElfScanResult>>(StringComparer.Ordinal);
        private readonly Dictionary<(FileIdentity, long, long), IReadOnlyList<ElfScanResult>> _byIdentity = new Dictionary<(FileIdentity, long, long), IReadOnlyList<ElfScanResult>>();

        public ScanMemo(IScanSource source, IFileSystem fileSystem)
        {
            _source = source;
            _fileSystem = fileSystem;
        }

        public IReadOnlyList<ElfScanResult> Scan(string path)
        {
            if (_results.TryGetValue(path, out var cached))
            {
                return cached;
            }

            var status = _fileSystem.Status(path);
            var identity = (status.Identity, status.Length, status.LastWriteTimeUtcTicks);
            var known = status.Kind == FileKind.RegularFile && status.Identity.IsKnown;
            IReadOnlyList<ElfScanResult> results;
            if (known && _byIdentity.TryGetValue(identity, out var same))
            {
                results = At(same, path);
            }
            else
            {
                results = ScanOnce(path);
                if (known && AllRead(results))
                {
                    _byIdentity[identity] = results;
                }
            }

            _results[path] = results;
            return results;
        }

        private IReadOnlyList<ElfScanResult> ScanOnce(string path)
        {
            try
            {
                return _source.Scan(path) ?? new ElfScanResult[0];
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                return new[] { new ElfScanResult { Path = path, Error = e.GetType().Name + ": " + e.Message } };
            }
        }

        /// <summary>Only results that read cleanly are shared: an error may have been the path's, not the file's.</summary>
        private static bool AllRead(IReadOnlyList<ElfScanResult> results)
        {
            foreach (var result in results)
            {
                if (result.Error != null)
                {
                    return false;
                }
            }

            return results.Count > 0;
        }

        private static IReadOnlyList<ElfScanResult> At(IReadOnlyList<ElfScanResult> results, string path)
        {
            var moved = new ElfScanResult[results.Count];
            for (var i = 0; i < moved.Length; i++)
            {
                moved[i] = results[i].At(path);
            }

            return moved;
        }
    }
}
