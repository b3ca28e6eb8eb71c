using System;
using System.Collections.Generic;
using System.IO;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Finds shared objects that appeared in the output directory without MSBuild knowing them (a CMake or Exec step
    /// wrote them), leaving out the files the build itself copied there, which were checked at their source, and every
    /// folder another build owns: a RID-less build's output holds the output of earlier `-r RID` builds
    /// (bin/Debug/net10.0/linux-musl-x64/) and `publish/` folders; a folder with its own *.deps.json or
    /// *.runtimeconfig.json, or named as a RID, is another build's and is not this build's business.
    /// </summary>
    internal static class OutputDirectoryDiscovery
    {
        /// <summary>Full paths of *.so / *.so.N files under <paramref name="outputDirectory"/> not named in <paramref name="knownRelativePaths"/>.</summary>
        public static IReadOnlyList<string> Find(string outputDirectory, IEnumerable<string> knownRelativePaths)
        {
            var found = new List<string>();
            var root = Path.GetFullPath(outputDirectory);
            if (!Directory.Exists(root))
            {
                return found;
            }

            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var relative in knownRelativePaths)
            {
                known.Add(Normalize(Path.GetFullPath(Path.Combine(root, relative))));
            }

            foreach (var file in FilesOfThisBuild(root))
            {
                if (!SharedObjectName.IsMatch(Path.GetFileName(file)) || known.Contains(Normalize(file)) || IsSymbolicLink(file))
                {
                    continue;
                }

                found.Add(file);
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }

        private static IEnumerable<string> FilesOfThisBuild(string root)
        {
            var pending = new Stack<(string Folder, bool UnderRuntimes)>();
            pending.Push((root, false));
            while (pending.Count > 0)
            {
                var (folder, underRuntimes) = pending.Pop();
                string[] files;
                string[] folders;
                try
                {
                    files = Directory.GetFiles(folder, "*.so*");
                    folders = Directory.GetDirectories(folder);
                }
                catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
                {
                    continue;
                }

                foreach (var file in files)
                {
                    yield return file;
                }

                foreach (var child in folders)
                {
                    var name = Path.GetFileName(child);
                    var isRuntimes = folder == root && string.Equals(name, "runtimes", StringComparison.OrdinalIgnoreCase);
                    if (!underRuntimes && !isRuntimes && IsAnotherBuild(child, name))
                    {
                        continue;
                    }

                    pending.Push((child, underRuntimes || isRuntimes));
                }
            }
        }

        /// <summary>Another build's output: an app or library root of its own, a publish folder, or a RID folder outside runtimes/.</summary>
        private static bool IsAnotherBuild(string folder, string name)
        {
            if (string.Equals(name, "publish", StringComparison.OrdinalIgnoreCase) || IsRuntimeIdentifier(name))
            {
                return true;
            }

            try
            {
                return Directory.EnumerateFiles(folder, "*.deps.json").GetEnumerator().MoveNext()
                    || Directory.EnumerateFiles(folder, "*.runtimeconfig.json").GetEnumerator().MoveNext();
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static bool IsRuntimeIdentifier(string name)
        {
            var rid = Core.Analysis.RuntimeIdentifiers.Parse(name);
            return rid.Platform != null || System.Text.RegularExpressions.Regex.IsMatch(
                name, "^(win|osx|ios|iossimulator|tvos|tvossimulator|maccatalyst|browser|wasi|android|linux|freebsd|illumos|solaris)(-[a-z]+)?-(x64|x86|arm64|arm|wasm|s390x|ppc64le|riscv64|loongarch64|mips64|armel|armv6)$");
        }

        /// <summary>The output-relative path with forward slashes, as messages and SARIF show it.</summary>
        public static string RelativePath(string outputDirectory, string file)
        {
            var root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return (file.StartsWith(root, StringComparison.Ordinal) ? file.Substring(root.Length) : Path.GetFileName(file)).Replace('\\', '/');
        }

        /// <summary>Native builds leave libfoo.so -> libfoo.so.1 -> libfoo.so.1.2 chains; the real file is checked once.</summary>
        private static bool IsSymbolicLink(string file)
        {
            try
            {
                return (File.GetAttributes(file) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static string Normalize(string path) => path.Replace('\\', '/');
    }
}
