using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The system folders a target's loader searches after the requester's own: the sysroot's when one is given (it is the
    /// system), else this machine's when it can stand in (or when asked to always), else none. Worked out once per C
    /// library, machine and sysroot, and safe to ask from the read-ahead's threads.
    /// </summary>
    internal sealed class SystemSearches
    {
        private readonly AnalysisOptions _options;
        private readonly Memo<(LibcKind Family, ElfPlatform Platform, string? Sysroot), SystemFolderSearch?> _searches = new Memo<(LibcKind, ElfPlatform, string?), SystemFolderSearch?>();

        public SystemSearches(AnalysisOptions options)
        {
            _options = options;
        }

        public SystemFolderSearch? For(LibcKind family, ElfPlatform platform, string? sysroot) =>
            _searches.Get((family, platform, sysroot), this, static (key, searches) => searches.Find(key.Family, key.Platform, key.Sysroot));

        private SystemFolderSearch? Find(LibcKind family, ElfPlatform platform, string? sysroot)
        {
            if (family == LibcKind.Glibc || family == LibcKind.Musl)
            {
                if (sysroot != null)
                {
                    return new SystemFolderSearch(SystemFolders.For(family, _options.FileSystem, sysroot, platform), ModuleOrigin.Sysroot);
                }

                if (_options.SystemLibraries == SystemLibraries.On
                    || (_options.SystemLibraries == SystemLibraries.Auto && MachineIdentity.ThisMachine.CanStandIn(platform, family)))
                {
                    // Through the analysis' file system, which passes plain paths to the disk (an archive's serves
                    // only "outer!/inner" paths), so ld.so.conf and what it includes are among what a build records.
                    return new SystemFolderSearch(SystemFolders.For(family, _options.FileSystem, "/", platform), ModuleOrigin.ThisMachine);
                }

                return null;
            }

            return sysroot != null ? new SystemFolderSearch(LibraryFolders.InSysroot(sysroot, platform), ModuleOrigin.Sysroot) : null;
        }
    }

    /// <summary>The folders of one system search, in order, and what the loader's answer from them is called.</summary>
    internal sealed record SystemFolderSearch(IReadOnlyList<string> Folders, ModuleOrigin Origin);
}
