using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Files.Archives.Images
{
    internal enum LayerEntryKind
    {
        File,
        Directory,
        SymbolicLink,
        HardLink,
        Special,
        Broken,
    }

    /// <summary>One member of a tar (a layer, or a plain tar seen as one layer) with its path normalised inside the view.</summary>
    internal sealed class LayerEntry
    {
        private LayerEntry(string path, LayerEntryKind kind, string? text, FileContent? content)
        {
            Path = path;
            Kind = kind;
            Text = text;
            Content = content;
        }

        /// <summary>"/usr/lib/libx.so": absolute inside the view, no "." or "..".</summary>
        public string Path { get; }

        public LayerEntryKind Kind { get; }

        /// <summary>The link target (as written for symbolic links, normalised for hard links), the device kind, or the error.</summary>
        public string? Text { get; }

        public FileContent? Content { get; }

        public static LayerEntry File(string path, FileContent content) => new LayerEntry(path, LayerEntryKind.File, null, content);

        public static LayerEntry Directory(string path) => new LayerEntry(path, LayerEntryKind.Directory, null, null);

        public static LayerEntry SymbolicLink(string path, string target) => new LayerEntry(path, LayerEntryKind.SymbolicLink, target, null);

        public static LayerEntry HardLink(string path, string target) => new LayerEntry(path, LayerEntryKind.HardLink, target, null);

        public static LayerEntry Special(string path, string description) => new LayerEntry(path, LayerEntryKind.Special, description, null);

        public static LayerEntry Broken(string path, string error) => new LayerEntry(path, LayerEntryKind.Broken, error, null);
    }
}
