using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace TlsGuard.PackageLab
{
    /// <summary>binutils readelf, the independent source of expected ELF facts for files outside the lab's manifest.</summary>
    public static class Readelf
    {
        public static IReadOnlyList<string> Needed(string path)
        {
            var result = Run("-dW", path);
            return Regex.Matches(result, @"\(NEEDED\)\s+Shared library: \[([^\]]+)\]").Select(m => m.Groups[1].Value).ToList();
        }

        /// <summary>The dynamic symbols the file defines (version suffixes dropped).</summary>
        public static ISet<string> DefinedSymbols(string path)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match symbol in Regex.Matches(Run("--dyn-syms", "-W", path), @"^\s*\d+:\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+(?<index>\S+)\s+(?<name>[^\s@]+)", RegexOptions.Multiline))
            {
                if (symbol.Groups["index"].Value != "UND")
                {
                    names.Add(symbol.Groups["name"].Value);
                }
            }

            return names;
        }

        /// <summary>PT_TLS p_memsz and p_align, or null when the file has no TLS segment.</summary>
        public static (long Size, long Align)? TlsBlock(string path)
        {
            var line = Regex.Match(Run("-lW", path), @"^\s+TLS\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+\S+\s+(\S+)\s*$", RegexOptions.Multiline);
            return line.Success ? (Hex(line.Groups[5].Value), Hex(line.Groups[6].Value)) : null;
        }

        /// <summary>
        /// Every library the .NET host of this machine has loaded before a P/Invoke runs: what its own native libraries
        /// (libcoreclr.so, libclrjit.so, libSystem.Native.so ...) need. A bare C load host lacks them; a .NET process has them.
        /// </summary>
        public static ISet<string> DotnetHostLibraries()
        {
            var runtime = RuntimeEnvironment.GetRuntimeDirectory();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var library in Directory.EnumerateFiles(runtime, "lib*.so"))
            {
                names.Add(Path.GetFileName(library));
                names.UnionWith(Needed(library));
            }

            if (!names.Contains("libcoreclr.so"))
            {
                throw new InvalidOperationException("no libcoreclr.so in the runtime folder " + runtime);
            }

            return names;
        }

        private static long Hex(string text) => long.Parse(text.Replace("0x", "", StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        private static string Run(params string[] arguments)
        {
            var result = ChildProcess.Run("readelf", arguments);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("readelf " + string.Join(" ", arguments) + ":\n" + result);
            }

            return result.Output;
        }
    }
}
