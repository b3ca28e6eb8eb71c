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
        public static Dictionary<string, int> RelocationCounts(string path, string options = "-rW")
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string line in Run(options, path).Split('\n'))
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

        // -V: "  000000: Version: 1  File: libc.so.6  Cnt: 1", "  0x0010:   Name: GLIBC_2.2.5  Flags: none  Version: 3"
        private static readonly Regex NeedFile = new(@"^\s*(?:0x)?[0-9a-f]+: Version: \d+\s+File: (\S+)\s+Cnt: \d+");
        private static readonly Regex NeedVersion = new(@"^\s*(?:0x)?[0-9a-f]+:\s+Name: (\S+)\s+Flags: .*Version: (\d+)");

        // -V: "  0x001c: Rev: 1  Flags: none  Index: 2  Cnt: 1  Name: GLIBC_2.2.5"
        private static readonly Regex Definition = new(@"^\s*(?:0x)?[0-9a-f]+: Rev: \d+\s+Flags: (.*?)\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)");

        // --dyn-syms: "   5: 0000000000000000     0 FUNC    WEAK   DEFAULT  UND __cxa_finalize@GLIBC_2.2.5 (3)"
        private static readonly Regex VersionedUndefined = new(@"^\s*\d+:\s+[0-9a-f]+\s+\S+\s+\S+\s+(\S+)\s+\S+(?:\s+\[[^\]]*\])?\s+UND\s+([^@\s]+)@{1,2}(\S+)\s+\((\d+)\)");

        /// <summary>
        /// What readelf -V and --dyn-syms say about symbol versions: "file: v1, v2" per needed file, the defined versions
        /// (without the BASE entry), and "symbol@version from file (weak)" per versioned undefined dynamic symbol.
        /// </summary>
        public static (List<string> Requirements, List<string> Definitions, List<string> Imports) Versions(string path)
        {
            var requirements = new List<(string File, List<string> Versions)>();
            var definitions = new List<string>();
            var byIndex = new Dictionary<int, (string Version, string File)>();
            string? section = null;
            foreach (string line in Run("-VW", path).Split('\n'))
            {
                if (line.StartsWith("Version needs section", StringComparison.Ordinal)) { section = "needs"; continue; }
                if (line.StartsWith("Version definition section", StringComparison.Ordinal)) { section = "definitions"; continue; }
                if (line.StartsWith("Version symbols section", StringComparison.Ordinal) || line.Trim().Length == 0) { section = null; continue; }
                Match match;
                if (section == "needs" && (match = NeedFile.Match(line)).Success)
                {
                    requirements.Add((match.Groups[1].Value, new List<string>()));
                }
                else if (section == "needs" && (match = NeedVersion.Match(line)).Success)
                {
                    requirements[^1].Versions.Add(match.Groups[1].Value);
                    byIndex[int.Parse(match.Groups[2].Value)] = (match.Groups[1].Value, requirements[^1].File);
                }
                else if (section == "definitions" && (match = Definition.Match(line)).Success && !match.Groups[1].Value.Split(' ').Contains("BASE"))
                {
                    definitions.Add(match.Groups[2].Value);
                }
            }

            var imports = new List<string>();
            foreach (string line in Run("--dyn-syms", "-W", path).Split('\n'))
            {
                Match match = VersionedUndefined.Match(line);
                if (match.Success)
                {
                    (string version, string file) = byIndex[int.Parse(match.Groups[4].Value)];
                    imports.Add(match.Groups[2].Value + "@" + version + " from " + file + (match.Groups[1].Value == "WEAK" ? " (weak)" : ""));
                }
            }

            return (requirements.Select(r => r.File + ": " + string.Join(", ", r.Versions)).ToList(), definitions, imports);
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
