namespace TlsGuard.Oracles.Tests.Oracles
{
    /// <summary>Member lists ("[a;b;c]") compared as binutils reads names: up to a NUL, any byte outside printable ASCII alike.</summary>
    public static class ArchiveNames
    {
        public static bool SameAsBinutilsReadsThem(string ours, string theirs) => Normalize(ours) == Normalize(theirs);

        private static string Normalize(string list) =>
            string.Join(";", list.Trim('[', ']').Split(';').Select(Name));

        private static string Name(string name)
        {
            int nul = name.IndexOf('\0');
            string kept = nul < 0 ? name : name.Substring(0, nul);
            return new string(kept.Select(c => c >= ' ' && c < (char)0x7f ? c : '?').ToArray());
        }
    }
}
