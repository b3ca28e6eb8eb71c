using System;
using System.Collections.Generic;
using System.Text;

namespace TlsGuard.Core.Files.Archives.Tar
{
    /// <summary>A pax extended header's "LENGTH KEY=VALUE\n" records (IEEE 1003.1 pax, "pax Extended Header").</summary>
    internal static class PaxRecords
    {
        public static Dictionary<string, string> Parse(byte[] data, int count)
        {
            var records = new Dictionary<string, string>(StringComparer.Ordinal);
            int at = 0;
            while (at < count)
            {
                if (data[at] == 0)
                {
                    break;
                }

                int space = Array.IndexOf(data, (byte)' ', at, Math.Min(count - at, 20));
                if (space < 0 || !int.TryParse(Encoding.ASCII.GetString(data, at, space - at), out int length)
                    || length <= space - at + 1 || length > count - at || data[at + length - 1] != (byte)'\n')
                {
                    throw new ArchiveFormatException("malformed pax extended header record");
                }

                int equals = Array.IndexOf(data, (byte)'=', space + 1, at + length - space - 1);
                if (equals < 0)
                {
                    throw new ArchiveFormatException("malformed pax extended header record (no '=')");
                }

                var key = Encoding.UTF8.GetString(data, space + 1, equals - space - 1);
                var value = Encoding.UTF8.GetString(data, equals + 1, at + length - 1 - equals - 1);
                records[key] = value;
                at += length;
            }

            return records;
        }
    }
}
