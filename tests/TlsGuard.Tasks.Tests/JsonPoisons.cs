using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace TlsGuard.Tasks.Tests
{
    /// <summary>
    /// Wrong values for each node of a stored JSON document (wrong type, empty, out of range, an array with an entry more
    /// or fewer), and a '/'-separated pointer to put them at: what the cache poisoning tests feed the task.
    /// </summary>
    internal static class JsonPoisons
    {
        public static IEnumerable<JsonNode?> For(JsonNode? node)
        {
            switch (node)
            {
                case null:
                    return new JsonNode?[] { "x", 0, new JsonObject() };
                case JsonArray array:
                    var doubled = array.Count > 0 ? JsonNode.Parse(array.ToJsonString())!.AsArray() : null;
                    doubled?.Add(JsonNode.Parse(array[0]?.ToJsonString() ?? "null"));
                    var shortened = array.Count > 0 ? JsonNode.Parse(array.ToJsonString())!.AsArray() : null;
                    shortened?.RemoveAt(shortened.Count - 1);
                    return new JsonNode?[] { new JsonArray(), "x", null }
                        .Concat(doubled == null ? Array.Empty<JsonNode?>() : new JsonNode?[] { doubled })
                        .Concat(shortened == null ? Array.Empty<JsonNode?>() : new JsonNode?[] { shortened });
                case JsonObject:
                    return new JsonNode?[] { new JsonObject(), "x", new JsonArray(), null };
            }

            var value = node.AsValue();
            if (value.TryGetValue(out bool flag))
            {
                return new JsonNode?[] { !flag, "true", 1 };
            }

            if (value.TryGetValue(out string? text))
            {
                return new JsonNode?[] { text + "x", "", 7, null };
            }

            var number = value.GetValue<long>();
            return new JsonNode?[] { -1, number + 1, 0.5, 1e300, number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        public static JsonNode? Find(JsonNode root, string pointer)
        {
            JsonNode? node = root;
            foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node is JsonArray array ? array[int.Parse(part)] : node![part];
            }

            return node;
        }

        public static void Replace(JsonNode root, string pointer, JsonNode? replacement)
        {
            var last = pointer.LastIndexOf('/');
            var parent = Find(root, pointer.Substring(0, last))!;
            var key = pointer.Substring(last + 1);
            if (parent is JsonArray array)
            {
                array[int.Parse(key)] = replacement;
            }
            else
            {
                parent[key] = replacement;
            }
        }
    }
}
