using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using TlsGuard.Core.Files.Archives.Tar;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>
    /// Takes the parts of a saved image out of an outer tar as they stream by, before the manifest that orders them has
    /// been seen (`docker save` writes manifest.json last): layer tars (plain or gzip) are indexed at once, small JSON
    /// documents (manifest.json, index.json, OCI manifests and configs under blobs/) are kept as text. Candidates are
    /// top-level files, "ID/layer.tar" (the legacy layout) and "blobs/ALG/DIGEST" (OCI, and docker 25+).
    /// </summary>
    internal sealed class ImagePartsClaim : IMemberClaim
    {
        private readonly TarIndexer indexer;
        private long documentBytes;

        public ImagePartsClaim(TarIndexer indexer)
        {
            this.indexer = indexer;
        }

        /// <summary>Indexed layer tars by member path ("/blobs/sha256/ab12...", "/0f3c.../layer.tar").</summary>
        public Dictionary<string, LayerIndex> Layers { get; } = new Dictionary<string, LayerIndex>(StringComparer.Ordinal);

        /// <summary>JSON documents by member path.</summary>
        public Dictionary<string, string> Documents { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public bool Wants(string path)
        {
            var parts = path.Split('/');
            return parts.Length == 2
                || (parts.Length == 3 && parts[2] == "layer.tar")
                || (parts.Length == 4 && parts[1] == "blobs");
        }

        public bool Claim(MemberData member)
        {
            if (LooksLikeJson(member.Prefix, member.PrefixCount))
            {
                // Manifests and configs are kilobytes; a tar of many large JSON files is not an image, and is not kept.
                long budget = 4L * indexer.Limits.MaxMetadataBytes;
                if (member.Size > indexer.Limits.MaxMetadataBytes || documentBytes + member.Size > budget)
                {
                    return false;
                }

                using (var text = new StreamReader(member.OpenAll(), Encoding.UTF8))
                {
                    Documents[member.Path] = text.ReadToEnd();
                }

                documentBytes += member.Size;
                return true;
            }

            var layer = ReadLayer(member, LabelFor(member.Path), indexer);
            if (layer == null)
            {
                return false;
            }

            Layers[member.Path] = layer;
            return true;
        }

        /// <summary>Indexes a layer blob (tar, gzip tar) or returns null when its first bytes are no layer at all.</summary>
        public static LayerIndex? ReadLayer(MemberData member, string label, TarIndexer indexer)
        {
            var head = member.Prefix;
            int count = member.PrefixCount;
            if (count >= 2 && head[0] == 0x1f && head[1] == 0x8b)
            {
                using (var inflater = new GZipStream(member.OpenAll(), CompressionMode.Decompress))
                {
                    return indexer.Index(TarInput.Of(inflater), label);
                }
            }

            if (count >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd)
            {
                var unsupported = new LayerIndex(label);
                unsupported.AddProblem("zstd-compressed layer: not supported (no zstd decoder in .NET Standard 2.0); its files are not checked");
                return unsupported;
            }

            // An empty layer is a tar of nothing: the end-of-archive blocks alone.
            bool empty = count == TarHeader.BlockSize && TarHeader.IsZeroBlock(head);
            if (empty || TarHeader.LooksLikeTar(head, count))
            {
                var input = member.Seekable != null ? TarInput.Of(member.Seekable, member.SourceOffset, member.Size) : TarInput.Of(member.OpenAll());
                return indexer.Index(input, label);
            }

            return null;
        }

        /// <summary>"layer sha256:ab12cd34ef56" or "layer 0f3c.../layer.tar": short enough for a report line.</summary>
        public static string LabelFor(string path)
        {
            var parts = path.Split('/');
            if (parts.Length == 4 && parts[1] == "blobs")
            {
                var digest = parts[3];
                return "layer " + parts[2] + ":" + (digest.Length > 12 ? digest.Substring(0, 12) : digest);
            }

            return "layer " + path.TrimStart('/');
        }

        private static bool LooksLikeJson(byte[] head, int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte b = head[i];
                if (b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t')
                {
                    continue;
                }

                return b == (byte)'{' || b == (byte)'[';
            }

            return false;
        }
    }
}
