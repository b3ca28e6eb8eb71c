using System;
using System.Collections.Generic;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Where `dotnet pack` puts a file that has PackagePath metadata, by the rules of NuGet's pack task
    /// (NuGet.Client src/NuGet.Core/NuGet.Build.Tasks.Pack/PackTaskLogic.cs, GetContentMetadata): PackagePath is a
    /// ;-list of targets (trimmed, empty entries dropped); a target whose extension equals the file's is the file's
    /// full path in the package; any other target is a folder, to which the item's RecursiveDir (or NuGetRecursiveDir,
    /// what the pack targets copy it to across the inner builds) and then the file name are appended.
    /// </summary>
    internal static class PackedFilePaths
    {
        public static IReadOnlyList<string> Of(string fileName, string? packagePath, string? recursiveDir)
        {
            var paths = new List<string>();
            var fileExtension = Extension(fileName);
            var folderBelow = string.IsNullOrEmpty(recursiveDir) ? "" : ItemPath.Normalize(recursiveDir!);
            foreach (var entry in ListSplitter.Split(packagePath, ';'))
            {
                var target = ItemPath.Normalize(entry);
                var namesTheFile = fileExtension.Length > 0 && string.Equals(Extension(target), fileExtension, StringComparison.OrdinalIgnoreCase);
                if (!namesTheFile)
                {
                    target = Join(Join(target, folderBelow), fileName);
                }

                if (!paths.Contains(target))
                {
                    paths.Add(target);
                }
            }

            return paths;
        }

        /// <summary>The RID of a path that NuGet treats as a native asset: "runtimes/&lt;rid&gt;/native/..." from the package root.</summary>
        public static string? NativeAssetRuntimeIdentifier(string packagePath)
        {
            var segments = ItemPath.Segments(packagePath);
            return segments.Count >= 4
                && string.Equals(segments[0], "runtimes", StringComparison.OrdinalIgnoreCase)
                && string.Equals(segments[2], "native", StringComparison.OrdinalIgnoreCase)
                ? segments[1]
                : null;
        }

        private static string Join(string folder, string rest)
        {
            if (folder.Length == 0)
            {
                return rest;
            }

            return rest.Length == 0 ? folder : folder + "/" + rest;
        }

        private static string Extension(string path)
        {
            var name = path.Substring(path.LastIndexOf('/') + 1);
            var dot = name.LastIndexOf('.');
            return dot < 0 || dot == name.Length - 1 ? "" : name.Substring(dot);
        }
    }
}
