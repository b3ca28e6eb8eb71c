using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Tasks
{
    /// <summary>Turns MSBuild items (package assets, None/Content, ResolvedFileToPublish, packed files, TlsGuardLibrary) into core inputs.</summary>
    internal static class LibraryItemMapper
    {
        public const string OriginMetadata = "TlsGuardOrigin";
        public const string SuppressMetadata = "TlsGuardSuppress";

        /// <summary>One input per item; a packed file (origin Pack) gives one per path it takes in the package.</summary>
        public static IReadOnlyList<(LibraryInput Input, LibraryOrigin Origin)> MapAll(ITaskItem item, PackageFolderLookup packages)
        {
            var (input, origin) = Map(item, packages);
            if (origin != LibraryOrigin.Pack)
            {
                return new[] { (input, origin) };
            }

            var packed = new List<(LibraryInput, LibraryOrigin)>();
            var recursiveDir = FirstNonEmpty(item, "RecursiveDir", "NuGetRecursiveDir");
            foreach (var packagePath in PackedFilePaths.Of(Path.GetFileName(input.Path), item.GetMetadata("PackagePath"), recursiveDir))
            {
                // Where the file lands in the package decides where, and so under which C library, it will be loaded.
                packed.Add((input with { RelativePath = packagePath, RuntimeIdentifier = PackedFilePaths.NativeAssetRuntimeIdentifier(packagePath) }, origin));
            }

            return packed;
        }

        public static (LibraryInput Input, LibraryOrigin Origin) Map(ITaskItem item, PackageFolderLookup? packages = null)
        {
            var origin = OriginOf(item);
            var fullPath = origin == LibraryOrigin.Pack ? PackedSourcePath(item) : FullPath(item);
            var relativePath = FirstNonEmpty(item, "DestinationSubPath", "RelativePath", "TargetPath", "PathInPackage");
            relativePath = relativePath == null ? null : ItemPath.Normalize(relativePath);
            var packageId = NullIfEmpty(item.GetMetadata("NuGetPackageId"));
            var packageVersion = NullIfEmpty(item.GetMetadata("NuGetPackageVersion"));
            if (packageId == null && packages != null && packages.Find(fullPath) is PackageName package)
            {
                packageId = package.Id;
                packageVersion ??= package.Version;
            }

            var input = new LibraryInput(fullPath)
            {
                PackageId = packageId,
                PackageVersion = packageVersion,
                RuntimeIdentifier = NullIfEmpty(item.GetMetadata("RuntimeIdentifier")) ?? ItemPath.RuntimeIdentifier(relativePath),
                RelativePath = string.IsNullOrEmpty(relativePath) ? Path.GetFileName(fullPath) : relativePath,
                Suppressed = IsTrue(item.GetMetadata(SuppressMetadata)),
            };
            return (input, origin);
        }

        /// <summary>"runtimes/linux-musl-x64/native/libfoo.so" carries its RID in the path even where the SDK drops the metadata.</summary>
        public static string? RuntimeIdentifierFromPath(string? relativePath) => ItemPath.RuntimeIdentifier(relativePath);

        private static LibraryOrigin OriginOf(ITaskItem item) =>
            Enum.TryParse<LibraryOrigin>(item.GetMetadata(OriginMetadata), ignoreCase: true, out var origin) ? origin : LibraryOrigin.User;

        private static string FullPath(ITaskItem item)
        {
            var fullPath = item.GetMetadata("FullPath");
            return string.IsNullOrEmpty(fullPath) ? Path.GetFullPath(item.ItemSpec) : fullPath;
        }

        /// <summary>
        /// A file an inner build handed to pack (TfmSpecificPackageFile) is relative to the project that returned it,
        /// as NuGet's pack task reads it (PackTaskLogic.GetSourcePath, MSBuildSourceProjectFile).
        /// </summary>
        private static string PackedSourcePath(ITaskItem item)
        {
            var sourceProject = item.GetMetadata("MSBuildSourceProjectFile");
            if (string.IsNullOrEmpty(sourceProject) || Path.IsPathRooted(item.ItemSpec))
            {
                return FullPath(item);
            }

            return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceProject) ?? "", item.ItemSpec));
        }

        private static string? FirstNonEmpty(ITaskItem item, params string[] names)
        {
            foreach (var name in names)
            {
                var value = item.GetMetadata(name);
                if (!string.IsNullOrEmpty(value))
                {
                    return value;
                }
            }

            return null;
        }

        private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

        private static bool IsTrue(string value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
