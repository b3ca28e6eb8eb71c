using TlsGuard.Core.Files.Archives.View;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>
    /// Applies layers, bottom first, to one tree, as the OCI image spec's layer.md "Applying Changesets" says:
    /// whiteouts of a layer (".wh.NAME" removes NAME, ".wh..wh..opq" empties its folder) act on the layers below it only,
    /// whatever their position in the layer, and are hidden themselves; an entry over an existing folder merges only
    /// when both are folders, otherwise it replaces what was there. Within one layer, or a plain tar (no whiteouts),
    /// a later entry for the same path wins, as in a tar extract. Paths are taken literally, as overlayfs stacks them.
    /// </summary>
    internal sealed class LayerMerger
    {
        private const string WhiteoutPrefix = ".wh.";
        private const string OpaqueMarker = ".wh..wh..opq";
        private readonly int maxLinkHops;

        public LayerMerger(int maxLinkHops)
        {
            this.maxLinkHops = maxLinkHops;
        }

        public DirectoryNode Root { get; } = new DirectoryNode();

        public void Apply(LayerIndex layer, bool whiteouts)
        {
            if (whiteouts)
            {
                ApplyWhiteouts(layer);
            }

            foreach (var entry in layer.Entries)
            {
                var name = ViewPath.Name(entry.Path);
                if (whiteouts && name.StartsWith(WhiteoutPrefix, System.StringComparison.Ordinal))
                {
                    continue;
                }

                var parent = EnsureFolder(ViewPath.Parent(entry.Path));
                var node = NodeFor(entry);
                if (node is DirectoryNode && parent.Children.TryGetValue(name, out var existing) && existing is DirectoryNode)
                {
                    continue;
                }

                parent.Children[name] = node;
            }
        }

        private void ApplyWhiteouts(LayerIndex layer)
        {
            foreach (var entry in layer.Entries)
            {
                var name = ViewPath.Name(entry.Path);
                if (!name.StartsWith(WhiteoutPrefix, System.StringComparison.Ordinal))
                {
                    continue;
                }

                if (!(Literal(ViewPath.Parent(entry.Path)) is DirectoryNode folder))
                {
                    continue;
                }

                if (name == OpaqueMarker)
                {
                    folder.Children.Clear();
                }
                else
                {
                    folder.Children.Remove(name.Substring(WhiteoutPrefix.Length));
                }
            }
        }

        private ViewNode NodeFor(LayerEntry entry)
        {
            switch (entry.Kind)
            {
                case LayerEntryKind.Directory:
                    return new DirectoryNode();
                case LayerEntryKind.File:
                    return new FileNode(entry.Content!, entry.Path);
                case LayerEntryKind.SymbolicLink:
                    return new SymlinkNode(entry.Text!);
                case LayerEntryKind.Special:
                    return new SpecialNode(entry.Text!);
                case LayerEntryKind.HardLink:
                    return HardLinkTarget(entry);
                default:
                    return new BrokenNode(entry.Text!);
            }
        }

        /// <summary>A hard link is the same file under another name; its target must already exist (earlier in the tar, or a lower layer).</summary>
        private ViewNode HardLinkTarget(LayerEntry entry)
        {
            var target = ViewResolver.Resolve(Root, entry.Text!, followLast: false, maxLinkHops);
            if (target.Node is FileNode || target.Node is BrokenNode || target.Node is SpecialNode)
            {
                return target.Node;
            }

            return new BrokenNode("hard link to " + entry.Text + ", which is not a file present before it");
        }

        private ViewNode? Literal(string path)
        {
            ViewNode node = Root;
            foreach (var name in path.Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries))
            {
                if (!(node is DirectoryNode folder) || !folder.Children.TryGetValue(name, out var child))
                {
                    return null;
                }

                node = child;
            }

            return node;
        }

        private DirectoryNode EnsureFolder(string path)
        {
            var folder = Root;
            foreach (var name in path.Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries))
            {
                if (!folder.Children.TryGetValue(name, out var child) || !(child is DirectoryNode next))
                {
                    next = new DirectoryNode();
                    folder.Children[name] = next;
                }

                folder = next;
            }

            return folder;
        }
    }
}
