using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Scanning;
using TlsGuard.Core.Tls;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The host profile for a machine: the built-in .NET 10.0.12 table, with the runtime's own libraries read from a
    /// runtime pack (or shared runtime) folder instead when one is given and holds libraries of that machine, and the
    /// sysroot's libstdc++.so.6 block when the sysroot has one.
    /// </summary>
    internal static class HostProfiles
    {
        public static HostProfile Resolve(BudgetContext context, ElfPlatform platform)
        {
            var host = DotnetHostTable.For(context.Options.Host, platform.Name, platform.Is64);
            if (host.Kind == HostKind.Dotnet && !string.IsNullOrWhiteSpace(context.Options.RuntimePack))
            {
                host = FromRuntimePack(context, context.Options.RuntimePack!, platform, host);
            }

            var libStdCpp = context.Sysroot(platform).LibStdCppBlock;
            if (libStdCpp != null)
            {
                var startup = new List<StaticBlock>();
                foreach (var block in host.StartupBeforeLibc)
                {
                    startup.Add(block.Name == libStdCpp.Value.Name ? libStdCpp.Value : block);
                }

                host = host with { StartupBeforeLibc = startup };
            }

            return host;
        }

        /// <summary>
        /// Reads each runtime library's PT_TLS and how its relocations reach its own block. A NuGet runtime pack keeps
        /// them in runtimes/&lt;rid&gt;/native; a shared runtime (dotnet/shared/Microsoft.NETCore.App/&lt;version&gt;) keeps
        /// hostfxr in ../../../host/fxr/&lt;version&gt;. A library not found, or of another machine, keeps the table's figures.
        /// </summary>
        private static HostProfile FromRuntimePack(BudgetContext context, string pack, ElfPlatform platform, HostProfile table)
        {
            var folders = new List<string> { pack };
            foreach (var rid in context.Subfolders(Path.Combine(pack, "runtimes")))
            {
                folders.Add(Path.Combine(rid, "native"));
            }

            foreach (var fxr in context.Subfolders(Path.Combine(pack, "..", "..", "..", "host", "fxr")))
            {
                folders.Add(fxr);
            }

            var modules = new List<HostModule>();
            var read = 0;
            foreach (var name in DotnetHostTable.RuntimeLibraries)
            {
                var scan = Find(context, folders, name, platform);
                if (scan == null)
                {
                    var known = TableEntry(table, name);
                    if (known != null)
                    {
                        modules.Add(known);
                    }

                    continue;
                }

                read++;
                if (scan.TlsBlock != null)
                {
                    modules.Add(new HostModule(StaticBlock.Of(name, scan.TlsBlock), AccessOf(scan)));
                }
            }

            return read == 0 ? table : table with { Dlopened = modules, Source = HostDataSource.RuntimePack, RuntimePack = pack };
        }

        private static ElfScanResult? Find(BudgetContext context, IReadOnlyList<string> folders, string name, ElfPlatform platform)
        {
            foreach (var folder in folders)
            {
                var scan = context.SharedObject(Path.Combine(folder, name), platform);
                if (scan != null)
                {
                    return scan;
                }
            }

            return null;
        }

        private static HostModule? TableEntry(HostProfile table, string name)
        {
            foreach (var module in table.Dlopened)
            {
                if (module.Block.Name == name)
                {
                    return module;
                }
            }

            return null;
        }

        /// <summary>Initial-exec relocations place the block for sure; TLS descriptors try the optional pool; anything else stays dynamic.</summary>
        internal static TlsAccessKind AccessOf(ElfScanResult scan)
        {
            if (scan.StaticTlsRelocations.Count > 0)
            {
                return TlsAccessKind.InitialExec;
            }

            foreach (var name in scan.DynamicTlsRelocations.Keys)
            {
                if (TlsRelocationTables.Find((ushort)scan.Platform.Machine, name)?.InSharedObject == TlsRelocationClass.Descriptor)
                {
                    return TlsAccessKind.Descriptor;
                }
            }

            return TlsAccessKind.Dynamic;
        }
    }
}
