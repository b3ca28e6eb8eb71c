using System.Security.Cryptography;
using System.Text;
using TlsGuard.Core.Diagnostics;
using TlsGuard.Core.Policy;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Names a logged finding for the next scan of the same build (after copy to output, at publish), so that a library
    /// checked at its package path and again as a copy is reported once. Hashed: fingerprints may hold characters
    /// MSBuild item specs treat specially (; % * \).
    /// </summary>
    internal static class ReportedFindingKey
    {
        public static string Of(Finding finding)
        {
            using (var sha = SHA256.Create())
            {
                var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(finding.Id + "\n" + FindingKeys.FingerprintOf(finding)));
                var hex = new StringBuilder(bytes.Length * 2);
                foreach (var b in bytes)
                {
                    hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return hex.ToString();
            }
        }
    }
}
