using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Finds the file ld.so would map for a DT_NEEDED name: the requester's DT_RPATH chain (when it has no DT_RUNPATH),
    /// its DT_RUNPATH, its own folder, the other inputs (by soname or file name), the search paths, then the sysroot.
    /// A candidate counts only when it is a shared object of the requester's machine, class and byte order.
    /// </summary>
    internal sealed class DependencyResolver
    {
        public const string InputsLabel = "the other input libraries";

        private readonly AnalysisOptions _options;
        private readonly ScanMemo _scans;
        private readonly IReadOnlyList<ScannedLibrary> _inputs;

        public DependencyResolver(AnalysisOptions options, ScanMemo scans, IReadOnlyList<ScannedLibrary> inputs)
        {
            _options = options;
            _scans = scans;
            _inputs = inputs;
        }

        /// <summary>Returns the resolved module, or null with the places searched.</summary>
        public ResolvedModule? Resolve(ModuleNode requester, string needed, string? preferredRid, List<string> searched)
        {
            var scan = requester.Scan!;
            if (needed.IndexOf('/') >= 0)
            {
                searched.Add(needed);
                return Path.IsPathRooted(needed) ? TryFile(needed, scan) : null;
            }

            foreach (var folder in LoaderFolders(requester))
            {
                searched.Add(folder);
                var found = TryFile(Path.Combine(folder, needed), scan);
                if (found != null)
                {
                    return found;
                }
            }

            searched.Add(InputsLabel);
            var fromInputs = FromInputs(needed, scan, preferredRid, requester.Path);
            if (fromInputs != null)
            {
                return fromInputs;
            }

            foreach (var folder in ConfiguredFolders(scan))
            {
                searched.Add(folder);
                var found = TryFile(Path.Combine(folder, needed), scan);
                if (found != null)
                {
                    return found;
                }
            }

            return null;
        }

        private IEnumerable<string> LoaderFolders(ModuleNode requester)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var requesterScan = requester.Scan!;
            if (requesterScan.Runpath.Count == 0)
            {
                // ld.so walks DT_RPATH of the requester and then of each object that loaded it; an object with
                // DT_RUNPATH contributes no DT_RPATH.
                for (var node = requester; node != null; node = node.Parent)
                {
                    if (node.Scan == null || node.Path == null || node.Scan.Runpath.Count > 0)
                    {
                        continue;
                    }

                    foreach (var folder in Expand(node.Scan.Rpath, node.Path))
                    {
                        if (seen.Add(folder))
                        {
                            yield return folder;
                        }
                    }
                }
            }

            if (requester.Path == null)
            {
                yield break;
            }

            foreach (var folder in Expand(requesterScan.Runpath, requester.Path))
            {
                if (seen.Add(folder))
                {
                    yield return folder;
                }
            }

            var own = PathText.Folder(requester.Path);
            if (!string.IsNullOrEmpty(own) && seen.Add(own!))
            {
                yield return own!;
            }
        }

        private IEnumerable<string> ConfiguredFolders(ElfScanResult requester)
        {
            foreach (var folder in _options.SearchPaths)
            {
                if (!string.IsNullOrWhiteSpace(folder))
                {
                    yield return folder;
                }
            }

            if (!string.IsNullOrWhiteSpace(_options.Sysroot))
            {
                foreach (var folder in LibraryFolders.InSysroot(_options.Sysroot!, requester.Platform))
                {
                    yield return folder;
                }
            }
        }

        /// <summary>$ORIGIN and ${ORIGIN} become the object's folder; entries left relative or with other tokens ($LIB, $PLATFORM) are skipped.</summary>
        private static IEnumerable<string> Expand(IReadOnlyList<string> entries, string objectPath)
        {
            var origin = PathText.Folder(objectPath);
            foreach (var entry in entries)
            {
                if (string.IsNullOrEmpty(entry))
                {
                    continue;
                }

                var expanded = entry.Replace("${ORIGIN}", origin).Replace("$ORIGIN", origin);
                if (expanded.IndexOf('$') >= 0 || !Path.IsPathRooted(expanded))
                {
                    continue;
                }

                yield return expanded.Length > 1 ? expanded.TrimEnd('/') : expanded;
            }
        }

        private ResolvedModule? FromInputs(string needed, ElfScanResult requester, string? preferredRid, string? requesterPath)
        {
            ScannedLibrary? fallback = null;
            foreach (var candidate in _inputs)
            {
                if (!SameName(candidate, needed) || !Compatible(candidate.Scan, requester) || SamePath(candidate.Input.Path, requesterPath))
                {
                    continue;
                }

                if (string.Equals(candidate.Input.RuntimeIdentifier, preferredRid, StringComparison.OrdinalIgnoreCase))
                {
                    return new ResolvedModule(candidate.Input.Path, candidate.Scan);
                }

                fallback ??= candidate;
            }

            return fallback == null ? null : new ResolvedModule(fallback.Input.Path, fallback.Scan);
        }

        private static bool SameName(ScannedLibrary candidate, string needed)
        {
            return string.Equals(candidate.Scan.Soname, needed, StringComparison.Ordinal)
                || string.Equals(candidate.FileName, needed, StringComparison.Ordinal);
        }

        private static bool SamePath(string a, string? b)
        {
            return b != null && string.Equals(PathText.FullPath(a), PathText.FullPath(b), StringComparison.Ordinal);
        }

        private ResolvedModule? TryFile(string candidate, ElfScanResult requester)
        {
            var path = PathText.FullPath(candidate);
            if (_options.FileSystem.KindOf(path) != FileKind.RegularFile)
            {
                return null;
            }

            foreach (var result in _scans.Scan(path))
            {
                if (Compatible(result, requester))
                {
                    return new ResolvedModule(path, result);
                }
            }

            return null;
        }

        internal static bool Compatible(ElfScanResult candidate, ElfScanResult requester)
        {
            return candidate.IsSharedObject && candidate.Platform == requester.Platform;
        }
    }

    internal sealed class ResolvedModule
    {
        public ResolvedModule(string path, ElfScanResult scan)
        {
            Path = path;
            Scan = scan;
        }

        public string Path { get; }
        public ElfScanResult Scan { get; }
    }
}
