using System.Collections.Generic;
using TlsGuard.Core.Scanning;

namespace TlsGuard.Core.Analysis
{
    /// <summary>One module of a dependency closure, with the DT_NEEDED edge that first reached it (breadth-first, as ld.so loads).</summary>
    internal sealed class ModuleNode
    {
        public ModuleNode(string name, string? path, ElfScanResult? scan, bool isStartup, ModuleNode? parent, ModuleOrigin origin = ModuleOrigin.Input)
        {
            Name = name;
            Path = path;
            Scan = scan;
            IsStartup = isStartup;
            Parent = parent;
            Origin = origin;
        }

        /// <summary>The soname, else the DT_NEEDED name or file name.</summary>
        public string Name { get; }

        /// <summary>The resolved file; null for startup libraries (never resolved: the host already has them).</summary>
        public string? Path { get; }

        public ElfScanResult? Scan { get; }

        public bool IsStartup { get; }

        public ModuleNode? Parent { get; }

        /// <summary>The search step that found the module.</summary>
        public ModuleOrigin Origin { get; }

        /// <summary>The names from the closure's root down to this module.</summary>
        public IReadOnlyList<string> Chain()
        {
            var names = new List<string>();
            for (var node = this; node != null; node = node.Parent)
            {
                names.Insert(0, node.Name);
            }

            return names;
        }
    }
}
