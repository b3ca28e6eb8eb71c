using System;
using System.Collections.Generic;
using TlsGuard.Core.Reporting;

namespace TlsGuard.Analyzers.Matching
{
    /// <summary>The flagged libraries keyed by file name and relative path, each also under its less specific versioned names.</summary>
    internal sealed class FlaggedLibraryIndex
    {
        private static readonly IReadOnlyList<FlaggedLibrary> NoLibraries = new FlaggedLibrary[0];

        private readonly Dictionary<string, List<FlaggedLibrary>> _byFileName = new Dictionary<string, List<FlaggedLibrary>>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<FlaggedLibrary>> _byRelativePath = new Dictionary<string, List<FlaggedLibrary>>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<FlaggedLibrary>> _versionsByFileName = new Dictionary<string, List<FlaggedLibrary>>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<FlaggedLibrary>> _versionsByRelativePath = new Dictionary<string, List<FlaggedLibrary>>(StringComparer.Ordinal);

        public FlaggedLibraryIndex(IEnumerable<FlaggedLibrary> libraries)
        {
            foreach (var library in libraries)
            {
                Add(_byFileName, library.FileName, library);
                Add(_byRelativePath, library.RelativePath, library);
                foreach (var name in SharedObjectVersions.LessSpecificNames(library.FileName))
                {
                    Add(_versionsByFileName, name, library);
                }

                foreach (var path in SharedObjectVersions.LessSpecificNames(library.RelativePath))
                {
                    Add(_versionsByRelativePath, path, library);
                }

                Count++;
            }
        }

        public int Count { get; }

        /// <summary>Libraries whose file name (or relative path) is exactly <paramref name="name"/>.</summary>
        public IReadOnlyList<FlaggedLibrary> Exact(MatchField field, string name) =>
            Find(field == MatchField.FileName ? _byFileName : _byRelativePath, name);

        /// <summary>Libraries that are a more specific version of <paramref name="name"/> ("libfoo.so" -> "libfoo.so.2").</summary>
        public IReadOnlyList<FlaggedLibrary> MoreSpecificVersions(MatchField field, string name) =>
            Find(field == MatchField.FileName ? _versionsByFileName : _versionsByRelativePath, name);

        private static IReadOnlyList<FlaggedLibrary> Find(Dictionary<string, List<FlaggedLibrary>> map, string key) =>
            map.TryGetValue(key, out var found) ? found : NoLibraries;

        private static void Add(Dictionary<string, List<FlaggedLibrary>> map, string key, FlaggedLibrary library)
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<FlaggedLibrary>();
                map.Add(key, list);
            }

            list.Add(library);
        }
    }
}
