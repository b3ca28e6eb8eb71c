using System.IO;
using System.Linq;
using System.Text.Json;

namespace TlsGuard.Cli.Tests
{
    /// <summary>tests/fixtures/manifest.json: the readelf-derived facts for each committed fixture.</summary>
    internal static class Manifest
    {
        public static JsonElement Entry(string relativePath)
        {
            var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Fixtures, "manifest.json"))).RootElement;
            return manifest.GetProperty("fixtures").EnumerateArray()
                .Single(entry => entry.GetProperty("path").GetString() == relativePath && entry.GetProperty("member").ValueKind == JsonValueKind.Null);
        }
    }
}
