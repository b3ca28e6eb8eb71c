using System;
using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// Which modules of a closure need static TLS. A TP-relative relocation costs the module that DEFINES the symbol
    /// (glibc's CHECK_STATIC_TLS takes sym_map): the relocating module's own block for symbol 0, local or self-defined
    /// symbols; otherwise the first closure module that defines the name. Definitions in startup libraries cost nothing.
    /// </summary>
    internal sealed class StaticTlsAttribution
    {
        private StaticTlsAttribution(
            IReadOnlyList<StaticTlsConsumer> consumers,
            IReadOnlyList<StaticTlsConsumer> flagOnly,
            IReadOnlyList<UnattributedSymbol> unattributed,
            IReadOnlyList<StaticTlsConsumer> dynamicFirstHazards,
            IReadOnlyList<TlsModule> tlsModules)
        {
            Consumers = consumers;
            FlagOnly = flagOnly;
            Unattributed = unattributed;
            DynamicFirstHazards = dynamicFirstHazards;
            TlsModules = tlsModules;
        }

        /// <summary>Blocks that relocations force into static TLS, in relocation order (dependencies first).</summary>
        public IReadOnlyList<StaticTlsConsumer> Consumers { get; }

        /// <summary>Blocks of DF_STATIC_TLS modules that no relocation targets (only FreeBSD allocates these).</summary>
        public IReadOnlyList<StaticTlsConsumer> FlagOnly { get; }

        public IReadOnlyList<UnattributedSymbol> Unattributed { get; }

        /// <summary>
        /// Consumers defined in another input that does not place its own block statically: if that input is loaded and
        /// its TLS touched first, glibc marks the block dynamic and this library's relocation fails.
        /// </summary>
        public IReadOnlyList<StaticTlsConsumer> DynamicFirstHazards { get; }

        /// <summary>
        /// Every module the dlopen maps that has a PT_TLS block, whatever its TLS model, in mapping order (each gets the
        /// next TLS module id; bionic before API level 29 refuses any of them).
        /// </summary>
        public IReadOnlyList<TlsModule> TlsModules { get; }

        public static StaticTlsAttribution Collect(DependencyClosure closure, ISet<string> inputPaths)
        {
            var builders = new Dictionary<ModuleNode, ConsumerBuilder>();
            var order = new List<ModuleNode>();
            var unattributed = new List<UnattributedSymbol>();
            var modules = NonStartupModules(closure);

            // Relocation order: ld.so relocates dependencies before the modules that need them.
            for (var i = modules.Count - 1; i >= 0; i--)
            {
                var module = modules[i];
                var scan = module.Scan!;
                var symbols = SymbolsOf(scan);
                for (var k = 0; k < symbols.Count; k++)
                {
                    var symbol = symbols[k];
                    var definer = symbol.IsOwnBlock || symbol.DefinedHere ? module : FindDefiner(modules, symbol.Name!);
                    if (definer == null)
                    {
                        var likely = Unresolved(closure, symbol.Name!);
                        if (likely.Attributable)
                        {
                            unattributed.Add(new UnattributedSymbol(module.Name, KnownStartupSymbols.WithoutVersion(symbol.Name!), likely.MissingLibrary));
                        }

                        continue;
                    }

                    if (definer.Scan!.TlsBlock == null)
                    {
                        continue;
                    }

                    if (!builders.TryGetValue(definer, out var builder))
                    {
                        builder = new ConsumerBuilder(definer);
                        builders[definer] = builder;
                        order.Add(definer);
                    }

                    builder.Add(module, scan, symbol);
                }
            }

            var consumers = new List<StaticTlsConsumer>();
            var hazards = new List<StaticTlsConsumer>();
            foreach (var definer in order)
            {
                var consumer = builders[definer].Build(byFlagOnly: false);
                consumers.Add(consumer);
                if (definer != closure.Root && definer.Path != null && inputPaths.Contains(PathText.FullPath(definer.Path)) && !PlacesOwnBlock(definer.Scan!))
                {
                    hazards.Add(consumer);
                }
            }

            var flagOnly = new List<StaticTlsConsumer>();
            for (var i = modules.Count - 1; i >= 0; i--)
            {
                var module = modules[i];
                if (module.Scan!.DfStaticTls && module.Scan.TlsBlock != null && !builders.ContainsKey(module))
                {
                    flagOnly.Add(new ConsumerBuilder(module).Build(byFlagOnly: true));
                }
            }

            return new StaticTlsAttribution(consumers, flagOnly, unattributed, hazards, TlsModulesOf(modules));
        }

        private static List<TlsModule> TlsModulesOf(List<ModuleNode> modules)
        {
            var tls = new List<TlsModule>();
            foreach (var module in modules)
            {
                var scan = module.Scan!;
                if (scan.TlsBlock != null)
                {
                    var relocations = new SortedDictionary<string, int>(StringComparer.Ordinal);
                    foreach (var pair in scan.DynamicTlsRelocations)
                    {
                        relocations[pair.Key] = pair.Value;
                    }

                    foreach (var pair in scan.StaticTlsRelocations)
                    {
                        relocations[pair.Key] = pair.Value;
                    }

                    tls.Add(new TlsModule(module.Name, module.Path ?? "", StaticBlock.Of(module.Name, scan.TlsBlock), HostProfiles.AccessOf(scan), module.Chain(), relocations));
                }
            }

            return tls;
        }

        /// <summary>
        /// The scanner's per-symbol list; when it is empty but static-TLS relocations exist, they can only target the
        /// file's own block if it has one (symbol 0), otherwise an unnamed import that cannot be attributed.
        /// </summary>
        private static IReadOnlyList<StaticTlsSymbol> SymbolsOf(ElfScanResult scan)
        {
            if (scan.StaticTlsSymbols.Count > 0 || scan.StaticTlsRelocations.Count == 0)
            {
                return scan.StaticTlsSymbols;
            }

            var total = 0;
            foreach (var count in scan.StaticTlsRelocations.Values)
            {
                total += count;
            }

            return new[] { scan.TlsBlock != null ? new StaticTlsSymbol(null, true, total) : new StaticTlsSymbol("(unnamed)", false, total) };
        }

        private static List<ModuleNode> NonStartupModules(DependencyClosure closure)
        {
            var modules = new List<ModuleNode>();
            var order = closure.LoadOrder;
            for (var i = 0; i < order.Count; i++)
            {
                var node = order[i];
                if (!node.IsStartup && node.Scan != null)
                {
                    modules.Add(node);
                }
            }

            return modules;
        }

        private static ModuleNode? FindDefiner(List<ModuleNode> modules, string symbolName)
        {
            var name = KnownStartupSymbols.WithoutVersion(symbolName);
            foreach (var module in modules)
            {
                var defined = module.Scan!.DefinedTlsSymbols;
                for (var i = 0; i < defined.Count; i++)
                {
                    if (string.Equals(KnownStartupSymbols.WithoutVersion(defined[i]), name, StringComparison.Ordinal))
                    {
                        return module;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// A name no scanned module defines: C-library names (errno) bind to the startup libc; a missing dependency may
        /// define it (unknown cost); otherwise it binds into the startup set when the closure reaches a startup library.
        /// </summary>
        private static (bool Attributable, string? MissingLibrary) Unresolved(DependencyClosure closure, string symbolName)
        {
            var reachesStartup = closure.ReachesStartupLibrary;
            if (reachesStartup && KnownStartupSymbols.Contains(KnownStartupSymbols.WithoutVersion(symbolName)))
            {
                return (false, null);
            }

            if (closure.Missing.Count > 0)
            {
                return (true, closure.Missing[0].Needed);
            }

            return reachesStartup ? (false, null) : (true, null);
        }

        /// <summary>True when the module's own relocations already put its block in static TLS when it loads alone.</summary>
        private static bool PlacesOwnBlock(ElfScanResult scan)
        {
            foreach (var symbol in scan.StaticTlsSymbols)
            {
                if (symbol.IsOwnBlock || symbol.DefinedHere)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class ConsumerBuilder
        {
            private readonly ModuleNode _definer;
            private readonly SortedDictionary<string, int> _relocations = new SortedDictionary<string, int>(StringComparer.Ordinal);
            private readonly List<string> _symbols = new List<string>();
            private readonly List<string> _referencedFrom = new List<string>();

            public ConsumerBuilder(ModuleNode definer)
            {
                _definer = definer;
            }

            public void Add(ModuleNode module, ElfScanResult scan, StaticTlsSymbol symbol)
            {
                var type = RelocationTypeName(scan);
                _relocations.TryGetValue(type, out var count);
                _relocations[type] = count + Math.Max(1, symbol.RelocationCount);
                if (!symbol.IsOwnBlock)
                {
                    var name = KnownStartupSymbols.WithoutVersion(symbol.Name!);
                    if (!_symbols.Contains(name))
                    {
                        _symbols.Add(name);
                    }
                }

                if (!_referencedFrom.Contains(module.Name))
                {
                    _referencedFrom.Add(module.Name);
                }
            }

            public StaticTlsConsumer Build(bool byFlagOnly)
            {
                var block = _definer.Scan!.TlsBlock!;
                return new StaticTlsConsumer
                {
                    Name = _definer.Name,
                    Path = _definer.Path ?? "",
                    Size = block.Size,
                    Align = block.Align,
                    FirstByteOffset = block.FirstByteOffset,
                    Chain = _definer.Chain(),
                    Relocations = _relocations,
                    Symbols = _symbols,
                    ReferencedFrom = _referencedFrom,
                    Origin = _definer.Origin,
                    ByFlagOnly = byFlagOnly,
                };
            }

            /// <summary>The scanner counts relocations per type for the file and per symbol; with several static types the split per symbol is unknown.</summary>
            private static string RelocationTypeName(ElfScanResult scan)
            {
                if (scan.StaticTlsRelocations.Count == 0)
                {
                    return "static-TLS relocation";
                }

                return string.Join("/", new List<string>(scan.StaticTlsRelocations.Keys));
            }
        }
    }
}
