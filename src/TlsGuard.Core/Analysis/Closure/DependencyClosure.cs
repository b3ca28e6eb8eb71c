using System;
using System.Collections.Generic;

namespace TlsGuard.Core.Analysis
{
    /// <summary>
    /// The modules one dlopen maps: the root and, breadth-first, every DT_NEEDED module not already in the host.
    /// Startup libraries end the walk (the host has them); cycles and diamonds are visited once.
    /// </summary>
    internal sealed class DependencyClosure
    {
        private DependencyClosure(ModuleNode root, IReadOnlyList<ModuleNode> loadOrder, IReadOnlyList<UnresolvedDependency> missing)
        {
            Root = root;
            LoadOrder = loadOrder;
            Missing = missing;
        }

        public ModuleNode Root { get; }

        /// <summary>Breadth-first order, the root first: the order ld.so maps the modules and searches them for symbols.</summary>
        public IReadOnlyList<ModuleNode> LoadOrder { get; }

        public IReadOnlyList<UnresolvedDependency> Missing { get; }

        public bool ReachesStartupLibrary
        {
            get
            {
                for (var i = 0; i < LoadOrder.Count; i++)
                {
                    if (LoadOrder[i].IsStartup)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        [ThreadStatic]
        private static Dictionary<string, ModuleNode>? scratchByPath;

        [ThreadStatic]
        private static Dictionary<string, ModuleNode>? scratchByName;

        [ThreadStatic]
        private static Queue<ModuleNode>? scratchQueue;

        public static DependencyClosure Build(ScannedLibrary root, DependencyResolver resolver, StartupSet startup)
        {
            var rootNode = new ModuleNode(root.ModuleName, root.Input.Path, root.Scan, startup.Contains(root.Scan.Soname), null);
            var order = new List<ModuleNode> { rootNode };
            var missing = new List<UnresolvedDependency>();

            // The lookup tables live only while the closure is built: one set per thread serves every closure.
            var byPath = scratchByPath ??= new Dictionary<string, ModuleNode>(StringComparer.Ordinal);
            var byName = scratchByName ??= new Dictionary<string, ModuleNode>(StringComparer.Ordinal);
            var queue = scratchQueue ??= new Queue<ModuleNode>();
            byPath.Clear();
            byName.Clear();
            queue.Clear();
            byPath[PathText.FullPath(root.Input.Path)] = rootNode;
            byName[rootNode.Name] = rootNode;
            if (!rootNode.IsStartup)
            {
                queue.Enqueue(rootNode);
            }

            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                var neededNames = node.Scan!.Needed;
                for (var n = 0; n < neededNames.Count; n++)
                {
                    var needed = neededNames[n];
                    if (string.IsNullOrEmpty(needed))
                    {
                        continue;
                    }

                    // ld.so reuses a loaded module whose name or soname matches before it searches the file system.
                    if (byName.ContainsKey(needed))
                    {
                        continue;
                    }

                    if (startup.Contains(needed))
                    {
                        var startupNode = new ModuleNode(needed, null, null, isStartup: true, parent: node);
                        byName[needed] = startupNode;
                        order.Add(startupNode);
                        continue;
                    }

                    var resolved = resolver.Resolve(node, needed, root.Target, out var searched);
                    if (resolved == null)
                    {
                        missing.Add(new UnresolvedDependency(node, needed, searched));
                        byName[needed] = new ModuleNode(needed, null, null, isStartup: false, parent: node);
                        continue;
                    }

                    var fullPath = resolved.FullPath;
                    if (byPath.TryGetValue(fullPath, out var samefile))
                    {
                        byName[needed] = samefile;
                        continue;
                    }

                    var soname = resolved.Scan.Soname;
                    var name = string.IsNullOrEmpty(soname) ? needed : soname!;
                    var child = new ModuleNode(name, resolved.Path, resolved.Scan, startup.Contains(soname), node, resolved.Origin);
                    byPath[fullPath] = child;
                    byName[needed] = child;
                    byName[name] = child;
                    order.Add(child);
                    if (!child.IsStartup)
                    {
                        queue.Enqueue(child);
                    }
                }
            }

            byPath.Clear();
            byName.Clear();
            return new DependencyClosure(rootNode, order, missing);
        }
    }

    /// <summary>A DT_NEEDED name that resolved nowhere.</summary>
    internal sealed class UnresolvedDependency
    {
        public UnresolvedDependency(ModuleNode requester, string needed, IReadOnlyList<string> searched)
        {
            Requester = requester;
            Needed = needed;
            Searched = searched;
        }

        public ModuleNode Requester { get; }
        public string Needed { get; }
        public IReadOnlyList<string> Searched { get; }
    }
}
