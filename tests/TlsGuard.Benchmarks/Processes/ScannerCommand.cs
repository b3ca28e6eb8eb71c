namespace TlsGuard.Benchmarks.Processes
{
    /// <summary>One scanner as a pipeline would run it: a fresh process over the files given as arguments.</summary>
    internal sealed record ScannerCommand(string Name, string Program, IReadOnlyList<string> Prefix, IReadOnlyList<string> Suffix)
    {
        /// <summary>The C yardstick (native/tlscount.c): mmap, walk PT_DYNAMIC, count TP-relative relocations.</summary>
        public static ScannerCommand CScanner(string path) => new("C scanner", path, Array.Empty<string>(), Array.Empty<string>());

        public static ScannerCommand Readelf() => new("readelf -dlrW", "readelf", new[] { "-dlrW" }, Array.Empty<string>());

        /// <summary>The installed native AOT tool; `--fail-on never` so a finding does not fail the timed run.</summary>
        public static ScannerCommand NativeTool(string path) => new("tlsguard (AOT)", path, new[] { "scan" }, new[] { "--fail-on", "never" });

        /// <summary>The framework-dependent build, started by the dotnet host and JIT-compiled.</summary>
        public static ScannerCommand JitTool(string assembly) => new("tlsguard (JIT)", "dotnet", new[] { assembly, "scan" }, new[] { "--fail-on", "never" });

        public IReadOnlyList<string> Arguments(IEnumerable<string> files) => Prefix.Concat(files).Concat(Suffix).ToList();

        /// <summary>The command line as hyperfine runs it without a shell (paths must not contain spaces).</summary>
        public string CommandLine(IEnumerable<string> files) => string.Join(" ", new[] { Program }.Concat(Arguments(files)));
    }
}
