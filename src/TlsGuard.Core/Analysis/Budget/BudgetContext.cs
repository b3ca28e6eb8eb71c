using System.Collections.Generic;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// What every budget model of one analysis shares: the options, the scan memo (files the budget reads — the sysroot's
    /// libc.so.6, a runtime pack — go through the analysis' file system and are scanned once) and, per machine, the host
    /// profile and the target's C library facts.
    /// </summary>
    internal sealed class BudgetContext
    {
        private readonly Memo<ElfPlatform, HostProfile> _hosts = new Memo<ElfPlatform, HostProfile>();
        private readonly Memo<ElfPlatform, SysrootLibc> _sysroots = new Memo<ElfPlatform, SysrootLibc>();

        public BudgetContext(AnalysisOptions options, ScanMemo scans)
        {
            Options = options;
            Scans = scans;
            Tunables = options.Tunables;
        }

        public AnalysisOptions Options { get; }

        public ScanMemo Scans { get; }

        /// <summary>The tunables the application runs with (--glibc-tunables with --optional-static-tls on top).</summary>
        public GlibcTunables Tunables { get; }

        public HostProfile Host(ElfPlatform platform)
        {
            return _hosts.Get(platform, this, static (machine, context) => HostProfiles.Resolve(context, machine));
        }

        /// <summary>The target's own libc.so.6 (and libstdc++.so.6) in the sysroot, when a sysroot is given and has them.</summary>
        public SysrootLibc Sysroot(ElfPlatform platform)
        {
            return _sysroots.Get(platform, this, static (machine, context) =>
                string.IsNullOrEmpty(context.Options.Sysroot) ? SysrootLibc.None : SysrootLibc.Read(context, context.Options.Sysroot!, machine));
        }

        /// <summary>The first shared object of <paramref name="platform"/> at <paramref name="path"/>, or null.</summary>
        public Scanning.ElfScanResult? SharedObject(string path, ElfPlatform platform)
        {
            if (Options.FileSystem.KindOf(path) != Files.FileKind.RegularFile)
            {
                return null;
            }

            foreach (var result in Scans.Scan(path))
            {
                if (result.IsSharedObject && result.Platform.Equals(platform))
                {
                    return result;
                }
            }

            return null;
        }

        /// <summary>The folders directly inside <paramref name="folder"/>, or none when it cannot be listed.</summary>
        public IEnumerable<string> Subfolders(string folder)
        {
            if (Options.FileSystem.KindOf(folder) != Files.FileKind.Directory)
            {
                yield break;
            }

            foreach (var entry in Options.FileSystem.List(folder, out _))
            {
                if (Options.FileSystem.KindOf(entry) == Files.FileKind.Directory)
                {
                    yield return entry;
                }
            }
        }
    }
}
