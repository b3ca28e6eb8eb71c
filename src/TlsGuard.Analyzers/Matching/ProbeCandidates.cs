using System;
using System.Collections.Generic;

namespace TlsGuard.Analyzers.Matching
{
    /// <summary>The names a call site makes the loader try, in the order it tries them (Linux rules: case-sensitive, ".so").</summary>
    internal sealed class ProbeCandidates
    {
        private const string Prefix = "lib";
        private const string Suffix = ".so";

        private static readonly ProbeCandidates None = new ProbeCandidates(MatchField.FileName, new string[0]);

        private ProbeCandidates(MatchField field, IReadOnlyList<string> names)
        {
            Field = field;
            Names = names;
        }

        public MatchField Field { get; }
        public IReadOnlyList<string> Names { get; }

        public static ProbeCandidates For(string name, NameResolution resolution)
        {
            if (name.Length == 0)
            {
                return None;
            }

            if (name.IndexOf('/') < 0)
            {
                return new ProbeCandidates(MatchField.FileName, resolution == NameResolution.OsLoader ? new[] { name } : Variations(name, withPrefix: true));
            }

            if (name[0] == '/')
            {
                // The runtime and dlopen both open a rooted path as written; its folder is on the target machine, so only
                // the file name can be compared with the build's files.
                var fileName = name.Substring(name.LastIndexOf('/') + 1);
                return fileName.Length == 0 ? None : new ProbeCandidates(MatchField.FileName, new[] { fileName });
            }

            var path = WithoutCurrentDirectoryPrefix(name);
            if (path.Length == 0 || path[path.Length - 1] == '/')
            {
                return None;
            }

            // A name with a folder never gets the "lib" prefix, only the suffix.
            return new ProbeCandidates(MatchField.RelativePath, resolution == NameResolution.OsLoader ? new[] { path } : Variations(path, withPrefix: false));
        }

        /// <summary>
        /// dotnet/runtime LibraryNameVariation.Unix.cs: a name that already carries ".so" (at its end or before a
        /// version, "libicuuc.so.57") is tried as written first; any other name is tried with the suffix first.
        /// </summary>
        private static string[] Variations(string name, bool withPrefix)
        {
            var prefixed = Prefix + name;
            if (ContainsSuffix(name))
            {
                return withPrefix
                    ? new[] { name, prefixed, name + Suffix, prefixed + Suffix }
                    : new[] { name, name + Suffix };
            }

            return withPrefix
                ? new[] { name + Suffix, prefixed + Suffix, name, prefixed }
                : new[] { name + Suffix, name };
        }

        private static bool ContainsSuffix(string name)
        {
            // The runtime looks at the first ".so", ignoring case; this only orders the candidates.
            var index = name.IndexOf(Suffix, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var end = index + Suffix.Length;
            return end == name.Length || name[end] == '.';
        }

        /// <summary>"./native/libfoo.so" and "native/libfoo.so" are the same file below the application folder.</summary>
        private static string WithoutCurrentDirectoryPrefix(string path)
        {
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path.Substring(2);
            }

            return path;
        }
    }
}
