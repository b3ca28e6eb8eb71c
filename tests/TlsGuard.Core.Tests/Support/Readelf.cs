using System.Text.RegularExpressions;

namespace TlsGuard.Core.Tests.Support
{
    /// <summary>Runs binutils readelf (the independent oracle) and parses the few listings the tests compare with.</summary>
    internal static class Readelf
    {
        // Offset, Info, Type: one relocation entry of `readelf -rW`.
        private static readonly Regex RelocationLine = new(@"^\s*[0-9a-f]{8,16}\s+[0-9a-f]{8,16}\s+(\S+)");

        // Num: Value Size Type Bind Vis [st_other note] Ndx Name
        private static readonly Regex SymbolLine = new(@"^\s*\d+:\s+[0-9a-f]+\s+\S+\s+(\S+)\s+(\S+)\s+\S+(?:\s+\[[^\]]*\])?\s+(\S+)\s+(\S+)");

        public static string Run(params string[] arguments)
        {
            CommandResult readelf = ChildProcess.Run("readelf", arguments, environment: new Dictionary<string, string?> { ["LC_ALL"] = "C" });
            if (readelf.ExitCode != 0)
            {
                throw new InvalidOperationException("readelf " + string.Join(" ", arguments) + " failed: " + readelf.Error);
            }

            return readelf.Output;
        }

        /// <summary>Relocation type name -> count over every table readelf -rW lists.</summary>
        public static Dictionary<string, int> RelocationCounts(string path)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string line in Run("-rW", path).Split('\n'))
            {
                Match match = RelocationLine.Match(line);
                if (match.Success)
                {
                    string type = match.Groups[1].Value;
                    counts[type] = counts.GetValueOrDefault(type) + 1;
                }
            }

            return counts;
        }

        /// <summary>The type column of every relocation entry, in listing order.</summary>
        public static List<string> RelocationTypes(string path) =>
            Run("-rW", path).Split('\n').Select(line => RelocationLine.Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

        /// <summary>
        /// The non-local, defined STT_TLS symbols of the listing (names without @version), per archive member
        /// ("" for a plain file). <paramref name="table"/> is the symbol table to take them from (".dynsym", ".symtab").
        /// </summary>
        public static Dictionary<string, List<string>> DefinedTlsSymbols(string output, string table)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            string member = "";
            bool inTable = false;
            foreach (string line in output.Split('\n'))
            {
                if (line.StartsWith("File: ", StringComparison.Ordinal))
                {
                    int open = line.LastIndexOf('(');
                    member = open < 0 ? "" : line.Substring(open + 1, line.Length - open - 2);
                    inTable = false;
                    continue;
                }

                if (line.StartsWith("Symbol table ", StringComparison.Ordinal))
                {
                    inTable = line.Contains("'" + table + "'", StringComparison.Ordinal) || line.Contains("for image", StringComparison.Ordinal);
                    if (inTable && !result.ContainsKey(member))
                    {
                        result[member] = new List<string>();
                    }

                    continue;
                }

                Match match = SymbolLine.Match(line);
                if (inTable && match.Success && match.Groups[1].Value == "TLS" && match.Groups[2].Value != "LOCAL" && match.Groups[3].Value != "UND")
                {
                    string name = match.Groups[4].Value;
                    int at = name.IndexOf('@');
                    result[member].Add(at < 0 ? name : name.Substring(0, at));
                }
            }

            return result;
        }

        /// <summary>p_memsz of PT_TLS, or null.</summary>
        public static long? TlsSegmentSize(string path)
        {
            foreach (string line in Run("-lW", path).Split('\n'))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 7 && fields[0] == "TLS" && fields[1].StartsWith("0x", StringComparison.Ordinal))
                {
                    return Convert.ToInt64(fields[5], 16);
                }
            }

            return null;
        }
    }
}
