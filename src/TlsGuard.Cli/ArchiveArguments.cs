using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Files.Archives;
using TlsGuard.Core.Files.Archives.Discovery;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Cli
{
    /// <summary>
    /// Reads inside the archives and images named on the command line (.nupkg, .whl, .apk, .zip, .tar, .tar.gz, a
    /// `docker save` tarball, an OCI layout folder) and "-", a tar stream on standard input, without extracting them:
    /// their ELF files become inputs named "archive!/inner/path", judged together with the plain files and folders.
    /// </summary>
    internal static class ArchiveArguments
    {
        /// <summary>The argument that reads a tar stream from standard input (`docker save img | tlsguard scan -`).</summary>
        public const string StandardInput = "-";

        public static bool IsOnDisk(string path) => path != StandardInput;

        /// <summary>
        /// Analyses every path: archives through an <see cref="ArchiveFileSystem"/>, the rest through <paramref name="discoverFiles"/>,
        /// which also lists what its walk could not read (those come back as scan errors, never silently dropped).
        /// </summary>
        public static AnalysisReport Analyze(
            IReadOnlyList<string> paths,
            AnalysisOptions options,
            Func<IReadOnlyList<string>, AnalysisOptions, List<DiscoveredFile>, IReadOnlyList<LibraryInput>> discoverFiles,
            Func<Stream>? standardInput = null)
        {
            using (var files = new ArchiveFileSystem(new ArchiveLimits(), options.FileSystem))
            {
                var plain = new List<string>();
                var found = new List<ArchiveDiscovery>();
                var onDisk = paths.Where(IsOnDisk).ToList();
                var formats = ArchiveFormats.Detect(options.FileSystem, onDisk, options.ScanThreads);
                var next = 0;
                foreach (var path in paths)
                {
                    if (path == StandardInput)
                    {
                        found.Add(Readable(ArchiveInputs.Discover(files, ReadStandardInput(files, found, standardInput)), "-"));
                    }
                    else if (formats[next++] != ArchiveFormat.None)
                    {
                        found.Add(Readable(ArchiveInputs.Discover(files, path), path));
                    }
                    else
                    {
                        plain.Add(path);
                    }
                }

                // Archive contents come from one spill file, read by one reader at a time; plain files are read side by side.
                var within = options with { FileSystem = files, ScanThreads = found.Count == 0 ? options.ScanThreads : 1 };
                var discovered = new List<DiscoveredFile>();
                var inputs = discoverFiles(plain, within, discovered).Concat(found.SelectMany(archive => archive.Inputs)).ToList();
                return LoadAnalyzer.Analyze(inputs, within, new DiscoveryScanSource(discovered, new DefaultScanSource(files)));
            }
        }

        /// <summary>An archive nothing could be read from is an input error (exit 2), not a finding: a failed `docker save` must not pass.</summary>
        private static ArchiveDiscovery Readable(ArchiveDiscovery archive, string argument)
        {
            if (archive.Unreadable)
            {
                throw new UsageException(argument + ": " + string.Join("; ", archive.Problems.Select(problem => problem.Message)));
            }

            return archive;
        }

        private static string ReadStandardInput(ArchiveFileSystem files, List<ArchiveDiscovery> found, Func<Stream>? standardInput)
        {
            if (found.Any(archive => archive.ArchivePath == ArchiveFileSystem.StandardInputPath))
            {
                throw new UsageException("'-' (standard input) can be named once");
            }

            if (standardInput == null && !Console.IsInputRedirected)
            {
                throw new UsageException("'-' reads a tar stream from standard input, which is a terminal: pipe one in (docker save IMAGE | tlsguard scan -)");
            }

            using (var stream = standardInput?.Invoke() ?? Console.OpenStandardInput())
            {
                files.AddStream(stream, ArchiveFileSystem.StandardInputPath);
            }

            return ArchiveFileSystem.StandardInputPath;
        }
    }
}
