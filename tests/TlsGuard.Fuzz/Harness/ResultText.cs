using TlsGuard.Core.Scanning;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>Every fact of a result as one line, to compare two entries' answers on the same bytes.</summary>
    internal static class ResultText
    {
        public static string Of(IReadOnlyList<ElfScanResult> results) => string.Join("\n", results.Select(Of));

        public static string Of(ElfScanResult r) => string.Join(
            " | ",
            r.DisplayPath,
            r.Platform.Machine + "/" + r.Platform.Class + "/" + r.Platform.ByteOrder,
            r.FileType,
            r.Soname ?? "-",
            string.Join(",", r.Needed),
            string.Join(",", r.Runpath),
            string.Join(",", r.Rpath),
            r.DfStaticTls,
            r.TlsBlock == null ? "-" : r.TlsBlock.Size + "/" + r.TlsBlock.Align + "/" + r.TlsBlock.InitializedSize,
            string.Join(",", r.StaticTlsRelocations.Select(p => p.Key + "=" + p.Value)),
            string.Join(",", r.DynamicTlsRelocations.Select(p => p.Key + "=" + p.Value)),
            r.ObjectTlsModel?.ToString() ?? "-",
            string.Join(",", r.StaticTlsSymbols.Select(s => (s.Name ?? "(own)") + ":" + s.DefinedHere + ":" + s.RelocationCount)),
            string.Join(",", r.DefinedTlsSymbols),
            r.Error ?? "ok");
    }
}
