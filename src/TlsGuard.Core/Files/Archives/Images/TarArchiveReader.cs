using System;
using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Files.Archives.Tar;
using TlsGuard.Core.Files.Archives.View;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>
    /// One pass over an outer tar, seekable or streamed: every member is indexed as a plain tar would be, and image
    /// parts are taken as they go by. Afterwards, when the tar holds a manifest, the view is the image's final file
    /// system (its layers applied in the manifest's order, whatever order they were stored in); otherwise it is the
    /// tar itself. Only what each layer's winning entries need was kept, so no layer is ever held whole.
    /// </summary>
    internal static class TarArchiveReader
    {
        public static ArchiveView Read(TarInput input, TarIndexer indexer)
        {
            var parts = new ImagePartsClaim(indexer);
            var plain = indexer.Index(input, "", parts);
            var problems = new List<string>(plain.Problems);
            var members = new LayerMerger(indexer.Limits.MaxLinkHops);
            members.Apply(plain, whiteouts: false);
            Func<string, string?> document = path => Document(parts, members, path, indexer.Limits);
            if (!ImageManifest.IsImage(document))
            {
                return new ArchiveView(ArchiveKind.Tar, members.Root, problems);
            }

            var order = ImageManifest.Layers(document, problems);
            var image = new LayerMerger(indexer.Limits.MaxLinkHops);
            foreach (var layerPath in order)
            {
                var layer = Layer(parts, members, layerPath, indexer.Limits);
                if (layer == null)
                {
                    problems.Add(ImagePartsClaim.LabelFor(layerPath) + " is not in the archive, or is not a tar layer; its files are not checked");
                    continue;
                }

                problems.AddRange(layer.Problems);
                image.Apply(layer, whiteouts: true);
            }

            return new ArchiveView(ArchiveKind.ContainerImage, image.Root, problems);
        }

        /// <summary>A layer by the path the manifest gives, following the symbolic links `docker save` writes for shared layers.</summary>
        private static LayerIndex? Layer(ImagePartsClaim parts, LayerMerger members, string path, ArchiveLimits limits)
        {
            if (parts.Layers.TryGetValue(path, out var layer))
            {
                return layer;
            }

            var resolved = ViewResolver.Resolve(members.Root, path, true, limits.MaxLinkHops);
            return resolved.Node is FileNode && parts.Layers.TryGetValue(resolved.CanonicalPath, out layer) ? layer : null;
        }

        private static string? Document(ImagePartsClaim parts, LayerMerger members, string path, ArchiveLimits limits)
        {
            if (parts.Documents.TryGetValue(path, out var text))
            {
                return text;
            }

            var resolved = ViewResolver.Resolve(members.Root, path, true, limits.MaxLinkHops);
            return resolved.Node is FileNode && parts.Documents.TryGetValue(resolved.CanonicalPath, out text) ? text : null;
        }
    }
}
