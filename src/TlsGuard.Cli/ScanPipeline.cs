using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Files;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Cli
{
    /// <summary>What one scan of the command line's paths found.</summary>
    internal sealed record ScanRun(AnalysisReport Analysis, int SkippedNonElfFiles);

    /// <summary>Paths on the command line -> ELF files and archives -> one analysis of them all (they are judged as one load set).</summary>
    internal static class ScanPipeline
    {
        /// <summary>The analysis of everything the paths hold, and how many files of the folders walked were passed over as not ELF.</summary>
        public static ScanRun Run(IReadOnlyList<string> paths, AnalysisOptions options)
        {
            RequireExisting(paths.Where(ArchiveArguments.IsOnDisk), "path", options.FileSystem);
            RequireExisting(options.SearchPaths, "--search", options.FileSystem);
            if (options.Sysroot != null)
            {
                RequireExisting(new[] { options.Sysroot }, "--sysroot", options.FileSystem);
            }

            var skipped = 0;
            var analysis = ArchiveArguments.Analyze(paths, options, (roots, within, discovered) => Discover(roots, within, discovered, count => skipped += count));
            return new ScanRun(analysis, skipped);
        }

        /// <summary>
        /// Every ELF file or archive under the paths, once, with its path relative to the argument that found it; what
        /// the walk could not read stays an input (its error comes back from the scan source built on <paramref name="discovered"/>).
        /// </summary>
        internal static IReadOnlyList<LibraryInput> Discover(IReadOnlyList<string> paths, AnalysisOptions options, List<DiscoveredFile> discovered, Action<int> skippedNonElf)
        {
            var inputs = new List<LibraryInput>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in paths)
            {
                var found = FileDiscovery.Discover(new[] { root }, options.FileSystem, null);
                skippedNonElf(found.SkippedNonElfFiles);
                foreach (var file in found.Files)
                {
                    var fullPath = Path.GetFullPath(file.Path);
                    if (seen.Add(fullPath))
                    {
                        discovered.Add(file);
                        inputs.Add(new LibraryInput(file.Path)
                        {
                            RelativePath = RelativeTo(root, file.Path, options.FileSystem),
                            RuntimeIdentifier = RuntimeAssetPath.RuntimeIdentifier(fullPath),
                        });
                    }
                }
            }

            return inputs;
        }

        private static string RelativeTo(string root, string file, IFileSystem fileSystem)
        {
            if (fileSystem.KindOf(root) != FileKind.Directory)
            {
                return Path.GetFileName(file);
            }

            return Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
        }

        /// <summary>Through the run's file system, whose answer every later step reuses.</summary>
        private static void RequireExisting(IEnumerable<string> paths, string what, IFileSystem fileSystem)
        {
            var missing = paths.Where(path => fileSystem.KindOf(path) == FileKind.Missing).ToList();
            if (missing.Count > 0)
            {
                throw new UsageException(what + ": no such file or directory: " + string.Join(", ", missing));
            }
        }
    }
}
