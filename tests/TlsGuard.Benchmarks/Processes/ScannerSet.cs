namespace TlsGuard.Benchmarks.Processes
{
    /// <summary>The four scanners every scenario runs, in the order the table lists them.</summary>
    internal sealed record ScannerSet(ScannerCommand CScanner, ScannerCommand Readelf, ScannerCommand NativeTool, ScannerCommand JitTool)
    {
        public IReadOnlyList<ScannerCommand> All => new[] { CScanner, Readelf, NativeTool, JitTool };

        public ScannerCommand Yardstick(Yardstick yardstick) => yardstick == Processes.Yardstick.CScanner ? CScanner : Readelf;
    }

    /// <summary>What a scenario's target compares the native tool with.</summary>
    internal enum Yardstick
    {
        CScanner,
        Readelf,
    }
}
