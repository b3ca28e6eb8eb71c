using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Content;
using TlsGuard.Core.Files.Archives.View;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>
    /// An OCI image layout on disk (image-spec image-layout.md: oci-layout, index.json, blobs/ALG/HEX): the index leads
    /// to the manifest, the manifest lists the layer blobs, and each blob is read in place when it is a plain tar or
    /// inflated once when it is gzip.
    /// </summary>
    internal static class OciFolderReader
    {
        public static ArchiveView Read(string folder, IFileSystem disk, TarIndexer indexer, List<IDisposable> owned)
        {
            var problems = new List<string>();
            var order = ImageManifest.Layers(path => Document(disk, folder, path, indexer.Limits), problems);
            var image = new LayerMerger(indexer.Limits.MaxLinkHops);
            foreach (var layerPath in order)
            {
                var label = ImagePartsClaim.LabelFor(layerPath);
                var source = disk.OpenRead(Path.Combine(folder, layerPath.TrimStart('/')), out var error);
                if (source == null)
                {
                    problems.Add(label + ": " + (error ?? "cannot be read") + "; its files are not checked");
                    continue;
                }

                var shared = new SharedByteSource(source);
                owned.Add(shared);
                var head = new byte[TarIndexer.PrefixSize];
                int count = shared.ReadFully(0, head, 0, head.Length);
                var layer = ImagePartsClaim.ReadLayer(new MemberData(layerPath, shared.Length, head, count, shared, 0, null), label, indexer);
                if (layer == null)
                {
                    problems.Add(label + " is not a tar layer (nor gzip); its files are not checked");
                    continue;
                }

                problems.AddRange(layer.Problems);
                image.Apply(layer, whiteouts: true);
            }

            return new ArchiveView(ArchiveKind.ContainerImage, image.Root, problems);
        }

        /// <summary>True for a folder holding an "oci-layout" file.</summary>
        public static bool IsLayout(IFileSystem disk, string folder) =>
            disk.KindOf(folder) == FileKind.Directory && disk.KindOf(Path.Combine(folder, "oci-layout")) == FileKind.RegularFile;

        private static string? Document(IFileSystem disk, string folder, string path, ArchiveLimits limits)
        {
            using (IByteSource? source = disk.OpenRead(Path.Combine(folder, path.TrimStart('/')), out _))
            {
                if (source == null || source.Length > limits.MaxMetadataBytes)
                {
                    return null;
                }

                var bytes = new byte[source.Length];
                int got = source.ReadFully(0, bytes, 0, bytes.Length);

                return Encoding.UTF8.GetString(bytes, 0, got);
            }
        }
    }
}
