namespace TlsGuard.Benchmarks
{
    /// <summary>
    /// Scanner throughput against binutils readelf, and archive reading. Usage: TlsGuard.Benchmarks [--prepare]
    /// [--libdir DIR] [--relocations N] [--work DIR] [--archives-only].
    /// readelf's peak RSS is read with getrusage over all waited-for children, which would include the gcc that builds
    /// the generated library; so run.sh builds it first in a separate "--prepare" process, and the generated-library
    /// benchmark runs before the per-file readelf runs.
    /// </summary>
    internal static class Program
    {
        public static int Main(string[] args)
        {
            string libdir = Option(args, "--libdir") ?? "/usr/lib/x86_64-linux-gnu";
            int relocations = int.Parse(Option(args, "--relocations") ?? "2000000");
            string work = Option(args, "--work") ?? Path.Combine(Path.GetTempPath(), "tlsguard-benchmarks");

            if (args.Contains("--prepare"))
            {
                Console.WriteLine("generated: " + GeneratedLibrary.Build(work, relocations));
                return 0;
            }

            if (!args.Contains("--archives-only"))
            {
                ManyRelocationsBenchmark.Run(work, relocations);
                SystemLibrariesBenchmark.Run(libdir);
            }

            ArchiveBenchmark.Run(libdir, Path.Combine(work, "archives"));
            return 0;
        }

        private static string? Option(string[] args, string name)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
    }
}
