using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using TlsGuard.Core.Json;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// SHA-256 of everything one cache entry says (tool version, path, file identity, results in their canonical JSON),
    /// written beside it. A field edited afterwards, even to a well-formed value that means something else (another
    /// soname, a flipped flag), no longer matches, and the entry is scanned again instead of trusted.
    /// </summary>
    internal static class EntryChecksum
    {
        public static string Of(string toolVersion, string path, FileStamp stamp, IReadOnlyList<ElfScanResult> results)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            text.Write(toolVersion);
            text.Write('\n');
            text.Write(path);
            text.Write('\n');
            text.Write(string.Format(
                CultureInfo.InvariantCulture,
                "{0},{1},{2},{3},{4}",
                stamp.Length,
                stamp.LastWriteTimeUtcTicks,
                stamp.Identity.Device,
                stamp.Identity.Inode,
                stamp.Identity.ChangeTimeUtcTicks));
            text.Write('\n');
            var writer = new JsonWriter(text, indented: false);
            writer.StartArray();
            foreach (ElfScanResult result in results)
            {
                ScanResultJson.Write(writer, result);
            }

            writer.EndArray();
            using (var sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
                var hex = new StringBuilder(hash.Length * 2);
                foreach (byte b in hash)
                {
                    hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                return hex.ToString();
            }
        }
    }
}
