using System;
using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Files.Archives.View
{
    /// <summary>One name in an archive's file-system view.</summary>
    internal abstract class ViewNode
    {
    }

    internal sealed class DirectoryNode : ViewNode
    {
        public Dictionary<string, ViewNode> Children { get; } = new Dictionary<string, ViewNode>(StringComparer.Ordinal);

        public IEnumerable<KeyValuePair<string, ViewNode>> Sorted() => Children.OrderBy(child => child.Key, StringComparer.Ordinal);
    }

    /// <summary>A regular file; hard links to it are the same instance under several names.</summary>
    internal sealed class FileNode : ViewNode
    {
        public FileNode(FileContent content, string origin)
        {
            Content = content;
            Origin = origin;
        }

        public FileContent Content { get; }

        /// <summary>The path the file was written under (hard links add names; this one is reported).</summary>
        public string Origin { get; }
    }

    internal sealed class SymlinkNode : ViewNode
    {
        public SymlinkNode(string target) => Target = target;

        public string Target { get; }
    }

    /// <summary>A device or FIFO entry: it exists, but is never opened.</summary>
    internal sealed class SpecialNode : ViewNode
    {
        public SpecialNode(string description) => Description = description;

        public string Description { get; }
    }

    /// <summary>An entry that could not be read (truncated, too large, an unsupported format): reported, never guessed at.</summary>
    internal sealed class BrokenNode : ViewNode
    {
        public BrokenNode(string error) => Error = error;

        public string Error { get; }
    }
}
