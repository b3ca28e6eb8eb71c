using System;
using System.IO;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Tasks
{
    /// <summary>
    /// Decides which candidates are worth scanning. Whatever is skipped is skipped quietly (a low-importance message):
    /// Windows and macOS assets, managed files and the .NET runtime's own libraries are not TlsGuard's business.
    /// </summary>
    internal static class CandidateFilter
    {
        private static readonly string[] RuntimePackPrefixes =
        {
            "Microsoft.NETCore.App.Runtime.",
            "Microsoft.AspNetCore.App.Runtime.",
        };

        private static readonly string[] NeverElfExtensions =
        {
            ".dylib", ".exe", ".pdb", ".dbg", ".debug", ".a", ".lib", ".json", ".xml", ".txt", ".md",
        };

        /// <summary>
        /// Null when the input should be scanned, otherwise why it is not. A packed file is judged only where NuGet
        /// treats it as a native asset (runtimes/&lt;rid&gt;/native/) of a RID whose loader reads ELF.
        /// </summary>
        public static string? SkipReason(LibraryOrigin origin, LibraryInput input)
        {
            if (origin == LibraryOrigin.Pack)
            {
                var rid = PackedFilePaths.NativeAssetRuntimeIdentifier(input.RelativePath ?? "");
                if (rid == null)
                {
                    return "packed to " + input.RelativePath + ", not under runtimes/<rid>/native/";
                }

                if (!ElfRuntimeIdentifier.IsMatch(rid))
                {
                    return "packed for " + rid + ", whose loader does not read ELF libraries";
                }
            }

            return SkipReason(origin, input.Path, input.PackageId);
        }

        /// <summary>Null when the file should be scanned, otherwise why it is not.</summary>
        public static string? SkipReason(LibraryOrigin origin, string path, string? packageId)
        {
            if (IsRuntimePack(packageId))
            {
                return "part of the .NET runtime pack " + packageId;
            }

            if (origin == LibraryOrigin.User)
            {
                return null;
            }

            if (!File.Exists(path))
            {
                return "the file does not exist";
            }

            var fileName = Path.GetFileName(path);
            if (SharedObjectName.IsMatch(fileName))
            {
                return null;
            }

            var extension = Path.GetExtension(fileName);
            if (string.Equals(extension, ".dll", StringComparison.OrdinalIgnoreCase))
            {
                // Some packages ship a Linux ELF library named *.dll (System.Data.SQLite's SQLite.Interop.dll), which
                // .NET's probing loads by that name; the magic tells it from a managed or Windows .dll.
                return ElfScanner.LooksLikeElfOrArchive(path) ? null : "a .dll file that is not ELF";
            }

            if (origin == LibraryOrigin.Publish || origin == LibraryOrigin.Output)
            {
                return "not named like a shared object (*.so, *.so.N)";
            }

            foreach (var never in NeverElfExtensions)
            {
                if (string.Equals(extension, never, StringComparison.OrdinalIgnoreCase))
                {
                    return "a " + never + " file";
                }
            }

            return ElfScanner.LooksLikeElfOrArchive(path) ? null : "not an ELF file";
        }

        public static bool IsRuntimePack(string? packageId)
        {
            if (string.IsNullOrEmpty(packageId))
            {
                return false;
            }

            foreach (var prefix in RuntimePackPrefixes)
            {
                if (packageId!.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
