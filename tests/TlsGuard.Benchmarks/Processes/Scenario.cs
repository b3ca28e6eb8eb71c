namespace TlsGuard.Benchmarks.Processes
{
    /// <summary>
    /// One input set every scanner runs over as a fresh process, the scanner it is judged against and the issue's
    /// target (the native tool's median at most <see cref="Target"/> times the yardstick's).
    /// </summary>
    internal sealed record Scenario(string Label, string Description, IReadOnlyList<string> Files, Yardstick Yardstick, double Target, int Warmup, int Runs);
}
