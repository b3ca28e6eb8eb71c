using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace TlsGuard.LoaderTests.Loader.Lab
{
    /// <summary>
    /// A host's static TLS budget from first principles: the modules its loader trace shows (startup set, then what the
    /// host dlopens before user code), each module's PT_TLS and relocation kinds from readelf, and glibc's arithmetic.
    /// </summary>
    internal sealed class HostBudget
    {
        private static readonly ConcurrentDictionary<string, ModuleTls> Facts = new ConcurrentDictionary<string, ModuleTls>(StringComparer.Ordinal);

        private HostBudget(IReadOnlyList<TracedModule> modules, IReadOnlyList<ModuleTls> tls, StaticTlsArea area, GlibcTunables tunables)
        {
            Modules = modules;
            Tls = tls;
            Area = area;
            Tunables = tunables;
            LargestInitialExecBlock = area.LargestInitialExecBlock();
        }

        public IReadOnlyList<TracedModule> Modules { get; }
        public IReadOnlyList<ModuleTls> Tls { get; }

        /// <summary>The area as user code finds it: after startup and the host's own dlopens.</summary>
        public StaticTlsArea Area { get; }

        public GlibcTunables Tunables { get; }

        /// <summary>The largest initial-exec block (align 1) a library loaded now can have.</summary>
        public long LargestInitialExecBlock { get; }

        public IEnumerable<TracedModule> HostLoaded => Modules.Where(m => !m.AtStartup);

        /// <summary>Runs the host once with LD_DEBUG=files loading <paramref name="sentinel"/>, and reads the modules it loaded before it.</summary>
        public static IReadOnlyList<TracedModule> TraceModules(LoadHost host, string executable, IReadOnlyList<string> searchFolders, string sentinel)
        {
            var run = host.Run(new[] { sentinel }, new Dictionary<string, string> { ["LD_DEBUG"] = "files" });
            var modules = LoaderTrace.Parse(run.Error, executable, searchFolders, sentinel);
            if (modules.Count < 2 || !run.Output.Contains("ok " + sentinel, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(host.Name + " did not load " + sentinel + " with a loader trace:\n" + run);
            }

            return modules;
        }

        public static HostBudget Compute(GlibcTarget target, IReadOnlyList<TracedModule> modules, GlibcTunables tunables, TlsBlock? rseqArea = null)
        {
            var tls = modules.Select(m => Facts.GetOrAdd(m.Path, ModuleTls.Read)).ToList();
            var startup = modules.Zip(tls).Where(p => p.First.AtStartup && p.Second.Block != null).Select(p => p.Second.Block!).ToList();
            var area = StaticTlsArea.AtStartup(target, startup, tunables, rseqArea);
            foreach (var (module, facts) in modules.Zip(tls))
            {
                if (module.AtStartup || facts.Block == null || facts.Access == OwnTlsAccess.Dynamic)
                {
                    continue;
                }

                // Each host library is dlopen'ed on its own and its relocations place its block as it is relocated.
                area.TryAllocate(facts.Block, optional: facts.Access == OwnTlsAccess.Descriptor);
            }

            return new HostBudget(modules, tls, area, tunables);
        }

        /// <summary>The area after <paramref name="descriptors"/> (TLSDESC users, in order) were loaded by user code.</summary>
        public StaticTlsArea After(IEnumerable<TlsBlock> descriptors)
        {
            var area = Area.Copy();
            foreach (var block in descriptors)
            {
                area.TryAllocate(block, optional: true);
            }

            return area;
        }

        /// <summary>Whether an initial-exec <paramref name="block"/> loads after <paramref name="descriptors"/>.</summary>
        public bool InitialExecLoads(TlsBlock block, IEnumerable<TlsBlock> descriptors) => After(descriptors).TryAllocate(block, optional: false);

        public static TlsBlock BlockOf(string path) => Facts.GetOrAdd(path, ModuleTls.Read).Block
            ?? throw new InvalidOperationException(path + " has no PT_TLS");

        /// <summary>The lab's table: one line per module and per placement decision.</summary>
        public IEnumerable<string> Describe()
        {
            yield return "tunables " + Tunables + ": surplus " + Tunables.Surplus + ", static size " + Area.Size + ", static align " + Area.StaticAlign
                + ", startup used " + Area.StartupUsed + ", used before user code " + Area.Used + ", largest IE block " + LargestInitialExecBlock;
            foreach (var (module, facts) in Modules.Zip(Tls))
            {
                var block = facts.Block == null ? "no PT_TLS" : "PT_TLS " + facts.Block.Size + "/" + facts.Block.Align;
                yield return (module.AtStartup ? "startup " : "dlopen  ") + module.Name + " (" + (module.LoadedBy.Length == 0 ? "executable" : "by " + module.LoadedBy)
                    + "): " + block + "; " + facts.Access + "; " + facts.KindsText;
            }

            foreach (var placement in Area.Placements)
            {
                yield return "  " + placement;
            }
        }
    }
}
