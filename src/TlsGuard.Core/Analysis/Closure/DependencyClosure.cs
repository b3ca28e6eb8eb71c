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
                foreach (var node in LoadOrder)
                {
                    if (node.IsStartup)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public static DependencyClosure Build(ScannedLibrary root, DependencyResolver resolver, StartupSet startup)
        {
            var rootNode = new ModuleNode(root.ModuleName, root.Input.Path, root.Scan, startup.Contains(root.Scan.Soname), null);
            var order = new List<ModuleNode> { rootNode };
            var missing = new List<UnresolvedDependency>();
            var byPath = new Dictionary<string, ModuleNode>(StringComparer.Ordinal) { [PathText.FullPath(root.Input.Path)] = rootNode };
            var byName = new Dictionary<string, ModuleNode>(StringComparer.Ordinal) { [rootNode.Name] = rootNode };
            var queue = new Queue<ModuleNode>();
            if (!rootNode.IsStartup)
            {
                queue.Enqueue(rootNode);
            }

            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var needed in node.Scan!.Needed)
                {
                    if (string.IsNullOrEmpty(needed))
                    {
                        continue;
                    }

                    // ld.so reuses a loaded module whose name or soname matches before it searches the file system.
                    if (byName.TryGetValue(needed, out var known))
                    {
                        node.Dependencies.Add(known);
                        continue;
                    }

                    if (startup.Contains(needed))
                    {
                        var startupNode = new ModuleNode(needed, null, null, isStartup: true, parent: node);
                        byName[needed] = startupNode;
                        node.Dependencies.Add(startupNode);
                        order.Add(startupNode);
                        continue;
                    }

                    var searched = new List<string>();
                    var resolved = resolver.Resolve(node, needed, root.Target, searched);
                    if (resolved == null)
                    {
                        missing.Add(new UnresolvedDependency(node, needed, searched));
                        byName[needed] = new ModuleNode(needed, null, null, isStartup: false, parent: node);
                        continue;
                    }

                    var fullPath = PathText.FullPath(resolved.Path);
                    if (byPath.TryGetValue(fullPath, out var samefile))
                    {
                        byName[needed] = samefile;
                        node.Dependencies.Add(samefile);
                        continue;
                    }

                    var soname = resolved.Scan.Soname;
                    var name = string.IsNullOrEmpty(soname) ? needed : soname!;
                    var child = new ModuleNode(name, resolved.Path, resolved.Scan, startup.Contains(soname), node, resolved.Origin);
                    byPath[fullPath] = child;
                    byName[needed] = child;
                    byName[name] = child;
                    node.Dependencies.Add(child);
                    order.Add(child);
                    if (!child.IsStartup)
                    {
                        queue.Enqueue(child);
                    }
                }
            }

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
