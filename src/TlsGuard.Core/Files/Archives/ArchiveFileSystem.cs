using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Content;
using TlsGuard.Core.Files.Archives.View;

namespace TlsGuard.Core.Files.Archives
{
    /// <summary>
    /// Serves "outer!/inner/path" from inside zips (.nupkg, .whl, .apk, .zip), tars (plain or gzip), `docker save`
    /// tarballs and OCI image layouts (the image's final file system), and passes every other path to the file system
    /// outside (the disk), so one instance serves a whole run. An archive is opened when a path first reaches inside it
    /// and stays open until disposal; nothing is extracted: uncompressed members are read in place, and only what must
    /// be kept from compressed or streamed data is kept, in memory within <see cref="ArchiveLimits.MemoryBytes"/>, then
    /// in one temporary file that has no name on disk (see <see cref="SpillFile"/>). Archive-wide problems (a corrupt
    /// layer, a truncated stream) are reported by OpenRead of the archive's own path.
    /// </summary>
    public sealed class ArchiveFileSystem : IFileSystem, IDisposable
    {
        /// <summary>The outer path of a tar read from standard input (`tlsguard scan -`): "/dev/stdin!/usr/lib/...".</summary>
        public const string StandardInputPath = "/dev/stdin";

        private readonly IFileSystem outside;
        private readonly ContentStore store;
        private readonly List<IDisposable> owned = new List<IDisposable>();
        private readonly Dictionary<string, ArchiveView> views = new Dictionary<string, ArchiveView>(StringComparer.Ordinal);
        private readonly HashSet<string> streams = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> isArchive = new Dictionary<string, bool>(StringComparer.Ordinal);
        private readonly object gate = new object();
        private bool disposed;

        public ArchiveFileSystem()
            : this(new ArchiveLimits(), DiskFileSystem.Instance)
        {
        }

        public ArchiveFileSystem(ArchiveLimits limits, IFileSystem? outside = null)
        {
            Limits = limits ?? throw new ArgumentNullException(nameof(limits));
            this.outside = outside ?? DiskFileSystem.Instance;
            store = new ContentStore(limits);
        }

        public ArchiveLimits Limits { get; }

        /// <summary>Bytes of file contents kept in memory so far.</summary>
        public long KeptInMemoryBytes => store.MemoryBytes;

        /// <summary>Bytes of file contents kept in the temporary spill file so far (0: nothing was written to disk).</summary>
        public long SpilledBytes => store.SpilledBytes;

        /// <summary>
        /// Reads a tar or gzip tar stream (a `docker save` image, an OCI layout tar, a root file system) to its end, once,
        /// and serves it as "<paramref name="name"/>!/...". Returns that root ("/dev/stdin!").
        /// </summary>
        public string AddStream(Stream stream, string name = StandardInputPath)
        {
            if (stream == null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            lock (gate)
            {
                ThrowIfDisposed();
                var key = Key(name);
                views[key] = new ArchiveLoader(outside, Limits, store, owned).LoadStream(stream);
                streams.Add(key);
                return ArchivePath.Root(name);
            }
        }

        /// <summary>True when <paramref name="path"/> names something inside an archive; the outer part is then checked to be one.</summary>
        public bool TrySplit(string path, out string outer, out string inner)
        {
            if (Find(path, out var view, out outer, out inner))
            {
                return view != null;
            }

            return false;
        }

        public FileKind KindOf(string path)
        {
            if (!Find(path, out var view, out _, out var inner))
            {
                return streams.Contains(Key(path)) ? FileKind.Special : outside.KindOf(path);
            }

            var found = view!.Resolve(inner, followLast: true, Limits.MaxLinkHops);
            if (found.Error != null)
            {
                return FileKind.Unreadable;
            }

            switch (found.Node)
            {
                case null:
                    return FileKind.Missing;
                case DirectoryNode _:
                    return FileKind.Directory;
                case FileNode _:
                    return FileKind.RegularFile;
                case SpecialNode _:
                    return FileKind.Special;
                default:
                    return FileKind.Unreadable;
            }
        }

        /// <summary>
        /// Inside an archive there are no times or identities: the archive's own stamp covers every file in it, and the
        /// view is built once per run. Links inside the view are followed; the last component's own link-ness is reported.
        /// </summary>
        public FileStatus Status(string path)
        {
            if (!Find(path, out var view, out _, out var inner))
            {
                return streams.Contains(Key(path)) ? FileStatus.Failed(FileKind.Special, "a stream, read once") : outside.Status(path);
            }

            var found = view!.Resolve(inner, followLast: true, Limits.MaxLinkHops);
            if (found.Error != null)
            {
                return FileStatus.Failed(FileKind.Unreadable, found.Error);
            }

            var isLink = view.Resolve(inner, followLast: false, Limits.MaxLinkHops).Node is SymlinkNode;
            switch (found.Node)
            {
                case null:
                    return FileStatus.Failed(FileKind.Missing, "not in the archive", isLink);
                case DirectoryNode _:
                    return new FileStatus(FileKind.Directory, isLink, 0, 0, default, null);
                case FileNode file:
                    return new FileStatus(FileKind.RegularFile, isLink, file.Content.Length, 0, default, null);
                case SpecialNode _:
                    return FileStatus.Failed(FileKind.Special, "not a regular file (FIFO, socket or device)", isLink);
                default:
                    return FileStatus.Failed(FileKind.Unreadable, "cannot be read", isLink);
            }
        }

        public IReadOnlyList<string> List(string folder, out string? error)
        {
            if (!Find(folder, out var view, out _, out var inner))
            {
                return outside.List(folder, out error);
            }

            var found = view!.Resolve(inner, followLast: true, Limits.MaxLinkHops);
            if (!(found.Node is DirectoryNode directory))
            {
                error = found.Error ?? (found.Node == null ? "folder not found" : "not a folder");
                return new string[0];
            }

            error = null;
            var prefix = folder.TrimEnd('/');
            return directory.Sorted().Select(child => prefix + "/" + child.Key).ToList();
        }

        public IByteSource? OpenRead(string path, out string? error)
        {
            if (!Find(path, out var view, out _, out var inner))
            {
                return OpenOutside(path, out error);
            }

            var found = view!.Resolve(inner, followLast: true, Limits.MaxLinkHops);
            switch (found.Node)
            {
                case FileNode file:
                    return file.Content.Open(out error);
                case BrokenNode broken:
                    error = broken.Error;
                    return null;
                case DirectoryNode _:
                    error = "is a directory";
                    return null;
                case SpecialNode special:
                    error = "not a regular file (" + special.Description + ")";
                    return null;
                default:
                    error = found.Error ?? "file not found";
                    return null;
            }
        }

        /// <summary>Closes every archive and drops the spill file; sources handed out before stop working.</summary>
        public void Dispose()
        {
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                disposed = true;
                foreach (var item in owned)
                {
                    item.Dispose();
                }

                owned.Clear();
                views.Clear();
                store.Dispose();
            }
        }

        /// <summary>The view of the archive at <paramref name="outer"/>, opening it on first use.</summary>
        internal ArchiveView ViewOf(string outer)
        {
            lock (gate)
            {
                ThrowIfDisposed();
                var key = Key(outer);
                if (!views.TryGetValue(key, out var view))
                {
                    view = new ArchiveLoader(outside, Limits, store, owned).Load(outer);
                    views[key] = view;
                }

                return view;
            }
        }

        /// <summary>
        /// Splits at the first '!' (followed by '/' or the end) whose left part is an open archive, a registered stream, or
        /// a file or OCI layout folder of the outside file system. False: no archive in the path.
        /// </summary>
        private bool Find(string path, out ArchiveView? view, out string outer, out string inner)
        {
            view = null;
            outer = path;
            inner = "/";
            for (int at = ArchivePath.SeparatorIndex(path, 0); at >= 0; at = ArchivePath.SeparatorIndex(path, at + 1))
            {
                var prefix = path.Substring(0, at);
                if (!IsArchive(prefix))
                {
                    continue;
                }

                view = ViewOf(prefix);
                outer = prefix;
                inner = path.Substring(at + 1);
                if (inner.Length == 0)
                {
                    inner = "/";
                }

                return true;
            }

            return false;
        }

        /// <summary>
        /// Whether the part before a '!' is an archive, by content (checked once per path): a library named in a path
        /// such as "libc.so.6!/x" stays a plain file and is never opened as an archive.
        /// </summary>
        private bool IsArchive(string prefix)
        {
            var key = Key(prefix);
            lock (gate)
            {
                if (views.ContainsKey(key))
                {
                    return true;
                }

                if (!isArchive.TryGetValue(key, out bool known))
                {
                    known = ArchiveFormats.Detect(outside, prefix) != ArchiveFormat.None;
                    isArchive[key] = known;
                }

                return known;
            }
        }

        /// <summary>The archive's own path: its whole-archive problems, when it has any, are what reading it reports.</summary>
        private IByteSource? OpenOutside(string path, out string? error)
        {
            ArchiveView? view;
            bool stream;
            lock (gate)
            {
                views.TryGetValue(Key(path), out view);
                stream = streams.Contains(Key(path));
            }

            if (view != null && view.Problems.Count > 0)
            {
                error = string.Join("; ", view.Problems);
                return null;
            }

            if (stream)
            {
                error = "a stream, already read as an archive";
                return null;
            }

            return outside.OpenRead(path, out error);
        }

        private void ThrowIfDisposed()
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(ArchiveFileSystem));
            }
        }

        private static string Key(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return path;
            }
        }
    }
}
