using System.IO;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Core.Policy
{
    /// <summary>The identity baselines and SARIF fingerprints match findings by.</summary>
    public static class FindingKeys
    {
        /// <summary>The finding's fingerprint; a producer that set none still gets a stable one (id and file name, never a full path).</summary>
        public static string FingerprintOf(Finding finding) =>
            finding.Fingerprint.Length > 0 ? finding.Fingerprint : finding.Id + "|" + Path.GetFileName(finding.FilePath);

        internal static string Key(Finding finding) => Key(finding.Id, FingerprintOf(finding));

        internal static string Key(string id, string fingerprint) => id.ToUpperInvariant() + "\n" + fingerprint;
    }
}
