using System;
using System.IO;
using Microsoft.Build.Framework;
using TlsGuard.Core.Analysis;

namespace TlsGuard.Tasks
{
    /// <summary>Turns MSBuild items (package assets, None/Content, ResolvedFileToPublish, TlsGuardLibrary) into core inputs.</summary>
    internal static class LibraryItemMapper
    {
        public const string OriginMetadata = "TlsGuardOrigin";
        public const string SuppressMetadata = "TlsGuardSuppress";

        public static (LibraryInput Input, LibraryOrigin Origin) Map(ITaskItem item)
        {
            var fullPath = FullPath(item);
            var relativePath = FirstNonEmpty(item, "DestinationSubPath", "RelativePath", "TargetPath", "PathInPackage");
            var input = new LibraryInput(fullPath)
            {
                PackageId = NullIfEmpty(item.GetMetadata("NuGetPackageId")),
                PackageVersion = NullIfEmpty(item.GetMetadata("NuGetPackageVersion")),
                RuntimeIdentifier = NullIfEmpty(item.GetMetadata("RuntimeIdentifier")) ?? RuntimeIdentifierFromPath(relativePath),
                RelativePath = relativePath?.Replace('\\', '/') ?? Path.GetFileName(fullPath),
                Suppressed = IsTrue(item.GetMetadata(SuppressMetadata)),
            };
            return (input, OriginOf(item));
        }

        /// <summary>"runtimes/linux-musl-x64/native/libfoo.so" carries its RID in the path even where the SDK drops the metadata.</summary>
        public static string? RuntimeIdentifierFromPath(string? relativePath)
        {
            if (string.IsNullOrEmpty(relativePath))
            {
                return null;
            }

            var parts = relativePath!.Replace('\\', '/').Split('/');
            for (var i = 0; i + 2 < parts.Length; i++)
            {
                if (string.Equals(parts[i], "runtimes", StringComparison.OrdinalIgnoreCase) && parts[i + 1].Length > 0)
                {
                    return parts[i + 1];
                }
            }

            return null;
        }

        private static LibraryOrigin OriginOf(ITaskItem item) =>
            Enum.TryParse<LibraryOrigin>(item.GetMetadata(OriginMetadata), ignoreCase: true, out var origin) ? origin : LibraryOrigin.User;

        private static string FullPath(ITaskItem item)
        {
            var fullPath = item.GetMetadata("FullPath");
            return string.IsNullOrEmpty(fullPath) ? Path.GetFullPath(item.ItemSpec) : fullPath;
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
