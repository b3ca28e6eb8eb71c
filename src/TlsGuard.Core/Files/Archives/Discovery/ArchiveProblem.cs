namespace TlsGuard.Core.Files.Archives.Discovery
{
    /// <summary>Something in an archive that could not be read: a member ("outer!/inner") or the archive itself ("outer").</summary>
    public sealed class ArchiveProblem
    {
        public ArchiveProblem(string path, string message)
        {
            Path = path;
            Message = message;
        }

        public string Path { get; }
        public string Message { get; }

        public override string ToString() => Path + ": " + Message;
    }
}
