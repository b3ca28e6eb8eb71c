using TlsGuard.Core.Scanning;

namespace TlsGuard.Fuzz.Harness
{
    /// <summary>Every fact of a result as one line, to compare two entries' answers on the same bytes.</summary>
    internal static class ResultText
    {
        public static string Of(IReadOnlyList<ElfScanResult> results) => string.Join("\n", results.Select(r => Of(r)));

        /// <summary>
        /// With <paramref name="errorWording"/> false an error shows as "error" only: the file entry words a few
        /// verdicts its own way ("empty file (or not a regular file)", since a FIFO also reports length 0).
        /// </summary>
        public static string Of(IReadOnlyList<ElfScanResult> results, bool errorWording) =>
            string.Join("\n", results.Select(r => Of(r, errorWording)));

        public static string Of(ElfScanResult r, bool errorWording = true) => string.Join(
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
            r.Error == null ? "ok" : errorWording ? r.Error : "error");
    }
}
