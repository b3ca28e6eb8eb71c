using System.Text.Json;
using System.Text.Json.Serialization;

namespace TlsGuard.Core.Tests.Support
{
    /// <summary>tests/fixtures/manifest.json: what binutils readelf says about every fixture (see tests/fixtures/README.md).</summary>
    internal sealed class FixtureManifest
    {
        private static readonly Lazy<FixtureManifest> Loaded = new(Load);

        [JsonPropertyName("generator")]
        public string Generator { get; init; } = "";

        [JsonPropertyName("fixtures")]
        public List<ManifestEntry> Fixtures { get; init; } = new();

        public static FixtureManifest Instance => Loaded.Value;

        public ManifestEntry Find(string key) => Fixtures.Single(f => f.Key == key);

        private static FixtureManifest Load()
        {
            string text = File.ReadAllText(Path.Combine(RepositoryRoot.Fixtures, "manifest.json"));
            return JsonSerializer.Deserialize<FixtureManifest>(text) ?? throw new InvalidDataException("empty manifest");
        }
    }

    internal sealed class ManifestEntry
    {
        [JsonPropertyName("path")] public string Path { get; init; } = "";
        [JsonPropertyName("member")] public string? Member { get; init; }
        [JsonPropertyName("machine")] public string Machine { get; init; } = "";
        [JsonPropertyName("elfClass")] public int ElfClass { get; init; }
        [JsonPropertyName("endianness")] public string Endianness { get; init; } = "";
        [JsonPropertyName("type")] public string Type { get; init; } = "";
        [JsonPropertyName("soname")] public string? Soname { get; init; }
        [JsonPropertyName("needed")] public List<string> Needed { get; init; } = new();
        [JsonPropertyName("runpath")] public List<string> Runpath { get; init; } = new();
        [JsonPropertyName("rpath")] public List<string> Rpath { get; init; } = new();
        [JsonPropertyName("dfStaticTls")] public bool DfStaticTls { get; init; }
        [JsonPropertyName("tlsBlock")] public ManifestTlsBlock? TlsBlock { get; init; }
        [JsonPropertyName("staticTlsRelocations")] public Dictionary<string, int> StaticTlsRelocations { get; init; } = new();
        [JsonPropertyName("dynamicTlsRelocations")] public Dictionary<string, int> DynamicTlsRelocations { get; init; } = new();
        [JsonPropertyName("staticTlsSymbols")] public List<ManifestSymbol> StaticTlsSymbols { get; init; } = new();
        [JsonPropertyName("sectionHeaders")] public bool SectionHeaders { get; init; }
        [JsonPropertyName("interpreter")] public string? Interpreter { get; init; }
        [JsonPropertyName("versionRequirements")] public List<ManifestVersionRequirement> VersionRequirements { get; init; } = new();
        [JsonPropertyName("versionDefinitions")] public List<string> VersionDefinitions { get; init; } = new();
        [JsonPropertyName("versionedImports")] public List<ManifestVersionedImport> VersionedImports { get; init; } = new();

        /// <summary>"folder/file" or "folder/file(member)": the theory's case name.</summary>
        public string Key => Member == null ? Path : Path + "(" + Member + ")";

        public string FullPath => RepositoryRoot.Fixture(Path);
    }

    internal sealed class ManifestTlsBlock
    {
        [JsonPropertyName("size")] public long Size { get; init; }
        [JsonPropertyName("align")] public long Align { get; init; }
        [JsonPropertyName("virtualAddress")] public ulong VirtualAddress { get; init; }
    }

    internal sealed class ManifestVersionRequirement
    {
        [JsonPropertyName("file")] public string File { get; init; } = "";
        [JsonPropertyName("versions")] public List<string> Versions { get; init; } = new();
    }

    internal sealed class ManifestVersionedImport
    {
        [JsonPropertyName("symbol")] public string Symbol { get; init; } = "";
        [JsonPropertyName("version")] public string Version { get; init; } = "";
        [JsonPropertyName("file")] public string File { get; init; } = "";
        [JsonPropertyName("weak")] public bool Weak { get; init; }
    }

    internal sealed class ManifestSymbol
    {
        [JsonPropertyName("name")] public string? Name { get; init; }
        [JsonPropertyName("definedHere")] public bool DefinedHere { get; init; }
    }
}
