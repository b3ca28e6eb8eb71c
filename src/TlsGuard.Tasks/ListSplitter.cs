using System;
using System.Collections.Generic;

namespace TlsGuard.Tasks
{
    /// <summary>Splits MSBuild list properties ("a;b", "CS1591, TLS001") into trimmed, non-empty entries.</summary>
    internal static class ListSplitter
    {
        public static IReadOnlyList<string> Split(string? list, params char[] separators)
        {
            var entries = new List<string>();
            if (string.IsNullOrWhiteSpace(list))
            {
                return entries;
            }

            foreach (var entry in list!.Split(separators, StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = entry.Trim();
                if (trimmed.Length > 0)
                {
                    entries.Add(trimmed);
                }
            }

            return entries;
        }

        /// <summary>Diagnostic code lists as NoWarn and WarningsNotAsErrors spell them: ; or , separated, spaces allowed.</summary>
        public static HashSet<string> Codes(string? list) =>
            new HashSet<string>(Split(list, ';', ',', ' ', '\t', '\r', '\n'), StringComparer.OrdinalIgnoreCase);
    }
}
