using System;
using System.Collections.Generic;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// Every question one analysis asked the file system, each once, in the order first asked. A question that got two
    /// different answers during the analysis (a file rewritten while it ran) makes the record unstable: such an analysis
    /// is used once and not kept.
    /// </summary>
    public sealed class ProbeRecorder
    {
        private readonly Dictionary<(ProbeKind, string), int> _index = new Dictionary<(ProbeKind, string), int>();
        private readonly List<FileProbe> _probes = new List<FileProbe>();

        public ProbeRecorder(IFileSystem fileSystem)
        {
            FileSystem = fileSystem;
        }

        /// <summary>The file system the questions are asked of (the disk, for an analysis that may be kept).</summary>
        public IFileSystem FileSystem { get; }

        public IReadOnlyList<FileProbe> Probes => _probes;

        public bool IsStable { get; private set; } = true;

        /// <summary>Asks the question now and records the answer.</summary>
        public void Ask(ProbeKind kind, string path) => Record(kind, path, FileProbe.Ask(FileSystem, kind, path));

        public void Record(ProbeKind kind, string path, string answer)
        {
            if (_index.TryGetValue((kind, path), out var at))
            {
                if (!string.Equals(_probes[at].Answer, answer, StringComparison.Ordinal))
                {
                    IsStable = false;
                }

                return;
            }

            _index.Add((kind, path), _probes.Count);
            _probes.Add(new FileProbe(kind, path, answer));
        }
    }
}
