using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Tests.Support
{
    /// <summary>
    /// The disk with failures injected by path: folders that cannot be listed and entries whose status fails, the way
    /// a permission error (tests run as root, who is never denied) or a file deleted mid-walk would look.
    /// </summary>
    internal sealed class InjectedFileSystem : IFileSystem
    {
        private readonly IFileSystem disk = DiskFileSystem.Instance;

        public Dictionary<string, string> ListErrors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, FileStatus> Statuses { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> OpenErrors { get; } = new(StringComparer.Ordinal);

        public FileKind KindOf(string path) => Status(path).Kind;

        public FileStatus Status(string path) => Statuses.TryGetValue(path, out FileStatus status) ? status : disk.Status(path);

        public IReadOnlyList<string> List(string folder, out string? error)
        {
            if (ListErrors.TryGetValue(folder, out string? injected))
            {
                error = injected;
                return Array.Empty<string>();
            }

            return disk.List(folder, out error);
        }

        public IByteSource? OpenRead(string path, out string? error)
        {
            if (OpenErrors.TryGetValue(path, out string? injected))
            {
                error = injected;
                return null;
            }

            return disk.OpenRead(path, out error);
        }
    }
}
