using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// What an analysis depends on besides the files it reads: the tool that made it, the inputs in order with all they
    /// carry, every option, the folder relative paths are read from, and the machine it ran on. Two analyses with the
    /// same key and the same file-system answers (<see cref="FileProbe"/>) are the same analysis.
    /// </summary>
    public static class AnalysisKey
    {
        /// <summary>The key as a SHA-256 hex string.</summary>
        public static string Of(string toolVersion, IReadOnlyList<LibraryInput> inputs, AnalysisOptions options) => Sha256.Hex(Text(toolVersion, inputs, options));

        /// <summary>The text the key hashes: each value written with its length, so no two different inputs read the same.</summary>
        public static string Text(string toolVersion, IReadOnlyList<LibraryInput> inputs, AnalysisOptions options)
        {
            var text = new StringBuilder();
            void Value(string? value) => text.Append(value == null ? "~" : value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value).Append(';');
            void Number(long? value) => Value(value?.ToString(CultureInfo.InvariantCulture));
            void List(IReadOnlyList<string>? values)
            {
                Number(values?.Count);
                foreach (var value in values ?? new string[0])
                {
                    Value(value);
                }
            }

            Value(toolVersion);
            Value(Directory.GetCurrentDirectory());
            Value(RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux" : "other");
            Value(RuntimeInformation.OSArchitecture.ToString());

            Value(options.TargetLibc);
            Value(options.RuntimeIdentifier);
            List(options.SearchPaths);
            Value(options.Sysroot);
            List(options.StartupLibraries);
            Number(options.StartupStaticTlsBytes);
            Value(options.FileSystem.GetType().FullName);
            Number(options.OptionalStaticTls);
            Value(options.GlibcTunables);
            Number((long)options.Host);
            Number((long)options.SystemLibraries);
            Value(options.RuntimePack);
            Number(options.AndroidApiLevel);

            Number(inputs.Count);
            foreach (var input in inputs)
            {
                Value(input.Path);
                Value(input.PackageId);
                Value(input.PackageVersion);
                Value(input.RuntimeIdentifier);
                Value(input.RelativePath);
                Value(input.Suppressed ? "suppressed" : "");
                Value(input.TargetLibcHint);
                Value(input.Sysroot);
            }

            return text.ToString();
        }
    }
}
