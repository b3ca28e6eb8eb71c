using System.Security.Cryptography;
using System.Text;

namespace TlsGuard.Core.Caching
{
    /// <summary>SHA-256 of a text's UTF-8 bytes, as lowercase hex.</summary>
    internal static class Sha256
    {
        public static string Hex(string text)
        {
            using (var sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                var hex = new StringBuilder(hash.Length * 2);
                foreach (byte b in hash)
                {
                    hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return hex.ToString();
            }
        }
    }
}
