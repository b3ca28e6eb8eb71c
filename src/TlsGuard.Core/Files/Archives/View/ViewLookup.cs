namespace TlsGuard.Core.Files.Archives.View
{
    /// <summary>The outcome of resolving a path in a view: the node and its link-free path, or why there is none.</summary>
    internal readonly struct ViewLookup
    {
        private ViewLookup(ViewNode? node, string canonicalPath, string? error)
        {
            Node = node;
            CanonicalPath = canonicalPath;
            Error = error;
        }

        /// <summary>Null when the path does not exist (or a component is not a folder) or <see cref="Error"/> is set.</summary>
        public ViewNode? Node { get; }

        /// <summary>"/usr/lib/x86_64-linux-gnu/libc.so.6" for "/lib/x86_64-linux-gnu/libc.so.6" when /lib links to usr/lib.</summary>
        public string CanonicalPath { get; }

        /// <summary>Set when resolution stopped for a reason other than a missing name (a symbolic link loop).</summary>
        public string? Error { get; }

        public static ViewLookup Found(ViewNode node, string canonicalPath) => new ViewLookup(node, canonicalPath, null);

        public static ViewLookup Missing => new ViewLookup(null, "", null);

        public static ViewLookup Failed(string error) => new ViewLookup(null, "", error);
    }
}
