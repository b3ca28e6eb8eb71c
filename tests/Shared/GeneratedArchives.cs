using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace TlsGuard.Tests.Shared
{
    /// <summary>
    /// The archives tests/fixtures/archives/make_archives.py builds (Python's zipfile/tarfile/gzip, not TlsGuard's
    /// readers) from the committed fixtures and this machine's Debian libraries. They are cached in the checkout's
    /// artifacts/test-cache/archives, under a key made of the script, the fixtures and the machine libraries it reads,
    /// so a change to any of them builds a fresh set; test processes running at once share one set.
    /// </summary>
    internal sealed class GeneratedArchives
    {
        /// <summary>What make_archives.py reads from this machine (scripts/install-test-deps.sh installs it).</summary>
        private static readonly string[] MachineInputs =
        {
            "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
            "/usr/lib/x86_64-linux-gnu/libc.so.6",
            "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            "/usr/lib/x86_64-linux-gnu/libm.so.6",
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/x86_64-linux-gnu/libgcc_s.so.1",
            "/lib/x86_64-linux-musl/libc.so",
            "/etc/ld-musl-x86_64.path",
        };

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
            var folder = RepositoryRoot.Combine("artifacts", "test-cache", "archives", (hostile ? "hostile-" : "packages-") + InputsKey());
            if (Directory.Exists(folder))
            {
                return new GeneratedArchives(folder);
            }

            var staging = folder + ".partial-" + Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(staging);
            var arguments = hostile ? new[] { Script, "--hostile", staging } : new[] { Script, staging };
            var result = ChildProcess.Run("python3", arguments);
            if (result.ExitCode != 0)
            {
                Directory.Delete(staging, recursive: true);
                throw new InvalidOperationException("make_archives.py failed (scripts/install-test-deps.sh installs the libraries it reads):\n" + result.Output + result.Error);
            }

            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another test process finished the same set first; its copy is identical.
                Directory.Delete(staging, recursive: true);
            }

            return new GeneratedArchives(folder);
        }

        /// <summary>A digest of the script's text and the size and time of every file it reads.</summary>
        private static string InputsKey()
        {
            var text = new StringBuilder(File.ReadAllText(Script));
            var fixtures = Directory.GetFiles(RepositoryRoot.FixtureElf, "*", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal);
            foreach (var path in fixtures.Concat(MachineInputs))
            {
                var file = new FileInfo(path);
                text.Append('\n').Append(path).Append(' ').Append(file.Exists ? file.Length + " " + file.LastWriteTimeUtc.Ticks : "missing");
            }

            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).Substring(0, 16).ToLowerInvariant();
        }
    }
}
