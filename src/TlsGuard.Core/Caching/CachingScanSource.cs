using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// An <see cref="IScanSource"/> that answers from a <see cref="ScanCache"/> when the file is unchanged and reads it
    /// otherwise, counting both so a build can report "N read, M from cache".
    /// </summary>
    public sealed class CachingScanSource : IScanSource
    {
        private readonly IScanSource _inner;
        private readonly ScanCache _cache;
        private readonly HashSet<string> _read = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _fromCache = new HashSet<string>(StringComparer.Ordinal);

        public CachingScanSource(IScanSource inner, ScanCache cache)
        {
            _inner = inner;
            _cache = cache;
        }

        /// <summary>Distinct files read from disk in this session.</summary>
        public int ReadCount => _read.Count;

        /// <summary>Distinct files answered from the cache without reading them.</summary>
        public int CacheHitCount => _fromCache.Count;

        public IReadOnlyList<ElfScanResult> Scan(string path)
        {
            var fullPath = FullPathOrNull(path);
            var before = fullPath == null ? null : FileStamp.Of(fullPath);
            if (fullPath == null || before == null)
            {
                // Missing or unnameable: the scanner reports why; nothing to remember.
                _read.Add(path);
                return _inner.Scan(path);
            }

            if (_cache.TryGet(fullPath, before.Value, out var cached) && PathsMatch(cached, path))
            {
                if (!_read.Contains(fullPath))
                {
                    _fromCache.Add(fullPath);
                }

                return cached;
            }

            var results = _inner.Scan(path);
            _read.Add(fullPath);

            // A file rewritten while it was read, or one that could not be read, is scanned again next time.
            var after = FileStamp.Of(fullPath);
            if (after.HasValue && after.Value.Equals(before.Value) && !HasError(results))
            {
                _cache.Put(fullPath, before.Value, results);
            }

            return results;
        }

        private static bool PathsMatch(IReadOnlyList<ElfScanResult> results, string path)
        {
            foreach (var result in results)
            {
                if (!string.Equals(result.Path, path, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasError(IReadOnlyList<ElfScanResult> results)
        {
            foreach (var result in results)
            {
                if (result.Error != null)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? FullPathOrNull(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception exception) when (exception is ArgumentException || exception is NotSupportedException || exception is PathTooLongException)
            {
                return null;
            }
        }
    }
}
