using System.Collections.Generic;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The plain scanner: reads each file of a file system with <see cref="ElfScanner"/>, no cache.</summary>
    public sealed class DefaultScanSource : IScanSource
    {
        private readonly IFileSystem _fileSystem;

        public DefaultScanSource()
            : this(DiskFileSystem.Instance)
        {
        }

        public DefaultScanSource(IFileSystem fileSystem)
        {
            _fileSystem = fileSystem;
        }

        public IReadOnlyList<ElfScanResult> Scan(string path) => ElfScanner.Scan(_fileSystem, path);
    }
}
