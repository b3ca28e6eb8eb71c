using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace TlsGuard.LoaderTests.Loader
{
    /// <summary>Fixture libraries and the C load host, compiled once with one toolchain into a temporary folder.</summary>
    internal sealed class FixtureSet : IDisposable
    {
        private readonly Dictionary<string, FixtureLibrary> _libraries;
        private readonly TempDirectory _folder;

        public FixtureSet(Toolchain toolchain, IEnumerable<FixtureLibrary> libraries, string label)
        {
            toolchain.Require();
            Toolchain = toolchain;
            _folder = new TempDirectory("loader-" + label);
            _libraries = libraries.ToDictionary(l => l.Name, StringComparer.Ordinal);

            var hostSource = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "native", "dlopen_host.c"));
            HostPath = Path.Combine(Folder, "dlopen_host");
            var hostBuild = Task.Run(() => toolchain.Compile(HostPath, hostSource, new[] { "-ldl" }));

            // Libraries are built in waves so that a library links against dependencies that already exist.
            var built = new HashSet<string>(StringComparer.Ordinal);
            var pending = _libraries.Values.ToList();
            while (pending.Count > 0)
            {
                var wave = pending.Where(l => l.DependsOn.All(built.Contains)).ToList();
                if (wave.Count == 0)
                {
                    throw new InvalidOperationException("fixture dependencies form a cycle: " + string.Join(", ", pending.Select(l => l.Name)));
                }

                Parallel.ForEach(wave, library => toolchain.Compile(Path.Combine(Folder, library.FileName), library.Source, library.Arguments));
                foreach (var library in wave)
                {
                    built.Add(library.Name);
                    pending.Remove(library);
                }
            }

            hostBuild.GetAwaiter().GetResult();
        }

        public Toolchain Toolchain { get; }
        public string Folder => _folder.Path;
        public string HostPath { get; }

        public string PathOf(string name) => Path.Combine(Folder, _libraries[name].FileName);

        public FixtureLibrary this[string name] => _libraries[name];

        public void Dispose() => _folder.Dispose();
    }
}
