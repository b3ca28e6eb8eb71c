namespace TlsGuard.Tasks
{
    /// <summary>A NuGet package's id and version, as a packages folder holds it.</summary>
    internal sealed class PackageName
    {
        public PackageName(string id, string version)
        {
            Id = id;
            Version = version;
        }

        public string Id { get; }
        public string Version { get; }
    }
}
