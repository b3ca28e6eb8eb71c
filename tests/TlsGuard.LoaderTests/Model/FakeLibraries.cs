using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Scanning;

namespace TlsGuard.LoaderTests.Model
{
    /// <summary>
    /// Constructed scan results behind real (empty) files: the resolver checks that a candidate file exists, the
    /// analysis reads only what this source says the file contains.
    /// </summary>
    internal sealed class FakeLibraries : IScanSource, IDisposable
    {
        private readonly Dictionary<string, IReadOnlyList<ElfScanResult>> _files = new Dictionary<string, IReadOnlyList<ElfScanResult>>(StringComparer.Ordinal);
        private readonly TempDirectory _folder = new TempDirectory("model");

        public string Root => _folder.Path;

        public List<string> Scanned { get; } = new List<string>();

        /// <summary>Places a library at <paramref name="relativePath"/> under the root and returns its full path.</summary>
        public string Add(string relativePath, LibrarySpec spec) => AddResults(relativePath, path => new[] { spec.Build(path) });

        public string AddResults(string relativePath, Func<string, IReadOnlyList<ElfScanResult>> results)
        {
            var path = _folder.Write(relativePath, Array.Empty<byte>());
            _files[path] = results(path);
            return path;
        }

        public IReadOnlyList<ElfScanResult> Scan(string path)
        {
            Scanned.Add(path);
            return _files.TryGetValue(path, out var results)
                ? results
                : new[] { new ElfScanResult { Path = path, Error = "file not found" } };
        }

        public void Dispose() => _folder.Dispose();
    }
}
