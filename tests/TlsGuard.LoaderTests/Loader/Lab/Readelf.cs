using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// Facts about an ELF file read with binutils readelf, the independent oracle the lab's arithmetic starts from
    /// (never TlsGuard's own reader): the PT_TLS segment, DT_NEEDED, and the TLS relocations with their symbols.
    /// </summary>
    internal static class Readelf
    {
        /// <summary>The PT_TLS segment (readelf -lW), or null when the file has none.</summary>
        public static TlsBlock? Tls(string path)
        {
            foreach (var line in Lines("-lW", path))
            {
                var fields = Fields(line);
                if (fields.Length >= 8 && fields[0] == "TLS")
                {
                    // Type Offset VirtAddr PhysAddr FileSiz MemSiz Flg Align (Flg is one field for a read-only segment).
                    var align = Hex(fields[^1]);
                    var memorySize = Hex(fields[5]);
                    var address = Hex(fields[2]);
                    return new TlsBlock(System.IO.Path.GetFileName(path), memorySize, align, align > 1 ? address & (align - 1) : 0);
                }
            }

            return null;
        }

        /// <summary>DT_NEEDED entries in order (readelf -dW).</summary>
        public static IReadOnlyList<string> Needed(string path)
        {
            return Lines("-dW", path)
                .Where(l => l.Contains("(NEEDED)", StringComparison.Ordinal))
                .Select(l => l.Substring(l.IndexOf('[') + 1).TrimEnd(']'))
                .ToList();
        }

        /// <summary>Every dynamic relocation whose type names TLS (readelf -rW), with its symbol name ("" for symbol 0).</summary>
        public static IReadOnlyList<TlsRelocation> TlsRelocations(string path)
        {
            var relocations = new List<TlsRelocation>();
            foreach (var line in Lines("-rW", path))
            {
                var fields = Fields(line);
                if (fields.Length < 3 || !IsTlsType(fields[2]))
                {
                    continue;
                }

                // Offset Info Type [Sym.Value Sym.Name + Addend]; symbol 0 leaves only the addend.
                var symbol = fields.Length >= 5 && fields[4] != "+" ? fields[4] : "";
                var version = symbol.IndexOf('@');
                relocations.Add(new TlsRelocation(fields[2], version < 0 ? symbol : symbol.Substring(0, version)));
            }

            return relocations;
        }

        /// <summary>The TLS symbols the file defines (readelf --dyn-syms: Type TLS, Ndx not UND).</summary>
        public static IReadOnlyCollection<string> DefinedTlsSymbols(string path)
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in Lines("--dyn-syms -W", path))
            {
                var fields = Fields(line);
                if (fields.Length >= 8 && fields[3] == "TLS" && fields[6] != "UND")
                {
                    var name = fields[7];
                    var version = name.IndexOf('@');
                    defined.Add(version < 0 ? name : name.Substring(0, version));
                }
            }

            return defined;
        }

        private static bool IsTlsType(string type)
        {
            return type.StartsWith("R_", StringComparison.Ordinal)
                && (type.Contains("TLS", StringComparison.Ordinal) || type.Contains("TPOFF", StringComparison.Ordinal)
                    || type.Contains("DTPMOD", StringComparison.Ordinal) || type.Contains("DTPOFF", StringComparison.Ordinal));
        }

        private static IEnumerable<string> Lines(string options, string path)
        {
            var readelf = LoaderCache.Program("readelf");
            var arguments = options.Split(' ').Concat(new[] { path }).ToList();
            var result = ChildProcess.Run(readelf, arguments, environment: new Dictionary<string, string?> { ["LC_ALL"] = "C" });
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("readelf " + options + " " + path + " failed:\n" + result);
            }

            return result.Output.Split('\n');
        }

        private static string[] Fields(string line) => line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);

        private static long Hex(string text)
        {
            return long.Parse(text.StartsWith("0x", StringComparison.Ordinal) ? text.Substring(2) : text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>One TLS relocation: its type name as readelf prints it and the symbol it names ("" for symbol 0).</summary>
    internal sealed record TlsRelocation(string Type, string Symbol);
}
