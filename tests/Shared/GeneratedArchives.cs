using System;
using System.IO;

namespace TlsGuard.Tests.Shared
{
    /// <summary>
    /// The archives tests/fixtures/archives/make_archives.py builds (Python's zipfile/tarfile/gzip, not TlsGuard's
    /// readers) from the committed fixtures and this machine's Debian libraries, made once per test run in a
    /// temporary folder removed when the test process exits.
    /// </summary>
    internal sealed class GeneratedArchives
    {
        private static readonly Lazy<GeneratedArchives> PackagesAndImages = new Lazy<GeneratedArchives>(() => Generate(hostile: false));
        private static readonly Lazy<GeneratedArchives> HostileSet = new Lazy<GeneratedArchives>(() => Generate(hostile: true));

        private GeneratedArchives(string folder)
        {
            Folder = folder;
        }

        /// <summary>The .nupkg, wheels, .apk, tars and the musl and glibc images.</summary>
        public static GeneratedArchives Packages => PackagesAndImages.Value;

        /// <summary>Zip bombs, traversal, link loops, truncated and corrupt streams.</summary>
        public static GeneratedArchives Hostile => HostileSet.Value;

        public static string Script => RepositoryRoot.Combine("tests", "fixtures", "archives", "make_archives.py");

        public string Folder { get; }

        /// <summary>The full path of a generated archive; a missing one fails the test.</summary>
        public string this[string name]
        {
            get
            {
                var path = Path.Combine(Folder, name);
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    throw new FileNotFoundException("make_archives.py did not write " + name, path);
                }

                return path;
            }
        }

        private static GeneratedArchives Generate(bool hostile)
        {
            var folder = new TempDirectory(hostile ? "hostile-archives" : "archives");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
            var arguments = hostile ? new[] { Script, "--hostile", folder.Path } : new[] { Script, folder.Path };
            var result = ChildProcess.Run("python3", arguments);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("make_archives.py failed (scripts/install-test-deps.sh installs the libraries it reads):\n" + result.Output + result.Error);
            }

            return new GeneratedArchives(folder.Path);
        }
    }
}
