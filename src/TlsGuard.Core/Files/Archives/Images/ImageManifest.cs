using System;
using System.Collections.Generic;
using System.Linq;
using TlsGuard.Core.Json;

namespace TlsGuard.Core.Files.Archives.Images
{
    /// <summary>
    /// Finds an image's layers, bottom first, from its documents: `docker save`'s manifest.json
    /// ([{"Config", "RepoTags", "Layers": ["ID/layer.tar" | "blobs/sha256/HEX"]}]) or an OCI layout's index.json
    /// (image-spec image-index.md → manifest.md: "layers"[].digest → blobs/ALG/HEX, nested indexes followed).
    /// Only the first image is read; others are reported. Digests are used as names, not verified.
    /// </summary>
    internal static class ImageManifest
    {
        private const int MaxIndexDepth = 4;

        /// <summary>
        /// True when the documents describe an image: docker's manifest.json (an array of images with "Layers"), or an
        /// oci-layout file beside index.json. A root file system that merely holds some other manifest.json is no image.
        /// </summary>
        public static bool IsImage(Func<string, string?> document)
        {
            if (document("/oci-layout") != null && document("/index.json") != null)
            {
                return true;
            }

            var docker = document("/manifest.json");
            if (docker == null)
            {
                return false;
            }

            try
            {
                var root = JsonValue.Parse(docker);
                return root.Kind == JsonKind.Array && root.Items.Count > 0 && root.Items[0].Get("Layers")?.Kind == JsonKind.Array;
            }
            catch (JsonParseException)
            {
                return false;
            }
        }

        /// <summary>The layer member paths in order ("/blobs/sha256/HEX"); what cannot be followed goes to <paramref name="problems"/>.</summary>
        public static List<string> Layers(Func<string, string?> document, List<string> problems)
        {
            var docker = document("/manifest.json");
            if (docker != null)
            {
                var fromDocker = FromDockerManifest(docker, problems);
                if (fromDocker != null)
                {
                    return fromDocker;
                }
            }

            var index = document("/index.json");
            if (index == null)
            {
                problems.Add("no usable manifest.json or index.json: the image's layers are unknown");
                return new List<string>();
            }

            return FromOciIndex(index, document, problems, 0) ?? new List<string>();
        }

        private static List<string>? FromDockerManifest(string text, List<string> problems)
        {
            var root = Parse(text, "manifest.json", problems);
            if (root == null || root.Kind != JsonKind.Array || root.Items.Count == 0)
            {
                problems.Add("manifest.json lists no image");
                return null;
            }

            if (root.Items.Count > 1)
            {
                problems.Add("the archive holds " + root.Items.Count + " images; only the first (" + Tags(root.Items[0]) + ") is read");
            }

            var layers = root.Items[0].Get("Layers");
            if (layers == null || layers.Kind != JsonKind.Array)
            {
                problems.Add("manifest.json names no layers for the first image");
                return null;
            }

            return layers.Items.Where(item => item.Kind == JsonKind.String).Select(item => ArchivePath.NormalizeInner(item.StringValue)).ToList();
        }

        private static List<string>? FromOciIndex(string text, Func<string, string?> document, List<string> problems, int depth)
        {
            var index = Parse(text, "index.json", problems);
            var manifests = index?.GetArray("manifests") ?? new JsonValue[0];
            if (manifests.Count == 0)
            {
                problems.Add("the OCI index lists no manifest");
                return null;
            }

            if (manifests.Count > 1)
            {
                problems.Add("the OCI index lists " + manifests.Count + " manifests; only the first (" + Platform(manifests[0]) + ") is read");
            }

            var blob = BlobPath(manifests[0].GetString("digest"));
            var body = blob == null ? null : document(blob);
            if (body == null)
            {
                problems.Add("the manifest " + (manifests[0].GetString("digest") ?? "(no digest)") + " is not in the archive");
                return null;
            }

            var manifest = Parse(body, blob!, problems);
            if (manifest == null)
            {
                return null;
            }

            if (manifest.Get("manifests") != null)
            {
                if (depth >= MaxIndexDepth)
                {
                    problems.Add("OCI indexes nest deeper than " + MaxIndexDepth);
                    return null;
                }

                return FromOciIndex(body, document, problems, depth + 1);
            }

            var layers = new List<string>();
            foreach (var layer in manifest.GetArray("layers"))
            {
                var path = BlobPath(layer.GetString("digest"));
                if (path == null)
                {
                    problems.Add("a layer of the manifest has no usable digest");
                    continue;
                }

                layers.Add(path);
            }

            return layers;
        }

        /// <summary>"sha256:HEX" → "/blobs/sha256/HEX"; null for anything that is not algorithm:hex (no path tricks).</summary>
        public static string? BlobPath(string? digest)
        {
            if (digest == null)
            {
                return null;
            }

            int colon = digest.IndexOf(':');
            if (colon <= 0 || colon == digest.Length - 1)
            {
                return null;
            }

            var algorithm = digest.Substring(0, colon);
            var encoded = digest.Substring(colon + 1);
            bool algorithmOk = algorithm.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '_' || c == '-');
            bool encodedOk = encoded.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '=' || c == '_' || c == '-');
            return algorithmOk && encodedOk ? "/blobs/" + algorithm + "/" + encoded : null;
        }

        private static JsonValue? Parse(string text, string name, List<string> problems)
        {
            try
            {
                return JsonValue.Parse(text);
            }
            catch (JsonParseException e)
            {
                problems.Add(name.TrimStart('/') + " is not valid JSON: " + e.Message);
                return null;
            }
        }

        private static string Tags(JsonValue image)
        {
            var tags = image.GetArray("RepoTags").Where(tag => tag.Kind == JsonKind.String).Select(tag => tag.StringValue).ToList();
            return tags.Count == 0 ? "untagged" : string.Join(", ", tags);
        }

        private static string Platform(JsonValue descriptor)
        {
            var platform = descriptor.Get("platform");
            if (platform == null)
            {
                return descriptor.GetString("digest") ?? "no digest";
            }

            var variant = platform.GetString("variant");
            return (platform.GetString("os") ?? "?") + "/" + (platform.GetString("architecture") ?? "?") + (variant == null ? "" : "/" + variant);
        }
    }
}
