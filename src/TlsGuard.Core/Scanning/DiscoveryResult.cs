using System.Collections.Generic;

namespace TlsGuard.Core.Scanning
{
    /// <summary>What <see cref="FileDiscovery"/> found: the files to scan (with the errors it met) and what it passed over, counted.</summary>
    public sealed class DiscoveryResult
    {
        public DiscoveryResult(IReadOnlyList<DiscoveredFile> files, int skippedNonElfFiles, int folderLinksNotFollowed)
        {
            Files = files;
            SkippedNonElfFiles = skippedNonElfFiles;
            FolderLinksNotFollowed = folderLinksNotFollowed;
        }

        public IReadOnlyList<DiscoveredFile> Files { get; }

        /// <summary>
        /// Regular files met in folders that are neither ELF nor an ar archive with an ELF member (text, Windows COFF
        /// import libraries, Mach-O static libraries, thin archives), so a summary can say "N non-ELF files skipped".
        /// </summary>
        public int SkippedNonElfFiles { get; }

        /// <summary>Symbolic links to folders met below a named folder; they are not followed, so link loops cannot trap the walk.</summary>
        public int FolderLinksNotFollowed { get; }
    }
}
