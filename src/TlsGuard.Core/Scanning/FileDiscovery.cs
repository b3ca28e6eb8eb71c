using System;
using System.Collections.Generic;
using System.IO;
using TlsGuard.Core.Elf;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files;

namespace TlsGuard.Core.Scanning
{
    /// <summary>
    /// Expands the paths a user names into the files to scan, in a stable order, through an <see cref="IFileSystem"/>.
    /// A file named directly is always returned, ELF or not, so a bogus "lib.so" gets reported rather than ignored. A
    /// folder is searched recursively, each folder's entries in ordinal order, files before subfolders: ELF files and
    /// ar archives with an ELF member are returned; other regular files (text, Windows import libraries, iOS static
    /// libraries) are counted as skipped. Symbolic links to files count as files; symbolic links to folders are not
    /// followed below a named folder (counted), so link loops cannot trap the walk. Nothing else is passed over: a
    /// folder that cannot be listed, and an entry that is special (FIFO, socket, device), vanished, dangling, looping,
    /// too long or unreadable, is returned with its error. Nothing is opened that could block.
    /// </summary>
    public static class FileDiscovery
    {
        /// <summary>Discovers on the machine's own disk.</summary>
        public static DiscoveryResult Discover(IEnumerable<string> paths) => Discover(paths, DiskFileSystem.Instance, null);

        /// <summary>
        /// Named paths that do not exist go to <paramref name="onMissing"/> instead of the result, for callers that
        /// treat them as a usage error; with a null callback they are returned, and scanning them says "file not found".
        /// </summary>
        public static DiscoveryResult Discover(IEnumerable<string> paths, IFileSystem fileSystem, Action<string>? onMissing)
        {
            var walk = new Walk(fileSystem);
            foreach (string path in paths)
            {
                FileStatus status = fileSystem.Status(path);
                if (status.Kind == FileKind.Directory)
                {
                    walk.Folder(path);
                }
                else if (status.Kind == FileKind.Missing && onMissing != null)
                {
                    onMissing(path);
                }
                else
                {
                    walk.Add(path, null);
                }
            }

            return walk.Result();
        }

        private sealed class Walk
        {
            private readonly IFileSystem fileSystem;
            private readonly List<DiscoveredFile> files = new List<DiscoveredFile>();
            private readonly HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);
            private readonly byte[] magic = new byte[ElfMagic.Length];
            private int skipped;
            private int folderLinks;

            public Walk(IFileSystem fileSystem) => this.fileSystem = fileSystem;

            public DiscoveryResult Result() => new DiscoveryResult(files, skipped, folderLinks);

            public void Add(string path, string? error)
            {
                if (seen.Add(FullPath(path)))
                {
                    files.Add(new DiscoveredFile(path, error));
                }
            }

            public void Folder(string root)
            {
                var pending = new Stack<string>();
                pending.Push(root);
                while (pending.Count > 0)
                {
                    string folder = pending.Pop();
                    IReadOnlyList<string> entries = fileSystem.List(folder, out string? listError);
                    if (listError != null)
                    {
                        Add(folder, "folder cannot be listed: " + listError);
                        continue;
                    }

                    var folders = new List<string>();
                    foreach (string entry in entries)
                    {
                        FileStatus status = fileSystem.Status(entry);
                        switch (status.Kind)
                        {
                            case FileKind.Directory when status.IsSymbolicLink:
                                folderLinks++;
                                break;
                            case FileKind.Directory:
                                folders.Add(entry);
                                break;
                            case FileKind.RegularFile when status.Length == 0:
                                // Empty (or, where file types cannot be seen, possibly special): nothing to read either way.
                                skipped++;
                                break;
                            case FileKind.RegularFile:
                                File(entry);
                                break;
                            case FileKind.Missing:
                                Add(entry, status.IsSymbolicLink ? status.Error : "vanished during the folder walk");
                                break;
                            default:
                                Add(entry, status.Error ?? "cannot be read");
                                break;
                        }
                    }

                    for (int i = folders.Count - 1; i >= 0; i--)
                    {
                        pending.Push(folders[i]);
                    }
                }
            }

            /// <summary>A regular file met in a folder: returned when it is ELF or an archive with ELF members, else counted.</summary>
            private void File(string path)
            {
                try
                {
                    using (IByteSource? source = fileSystem.OpenRead(path, out string? error))
                    {
                        if (source == null)
                        {
                            Add(path, error ?? "cannot be read");
                            return;
                        }

                        int got = source.Read(0, magic, 0, magic.Length);
                        switch (ElfMagic.Identify(magic, got))
                        {
                            case ObjectFormat.Elf:
                                Add(path, null);
                                return;
                            case ObjectFormat.Archive when ArchiveScan.HasElfMembers(source):
                                Add(path, null);
                                return;
                            default:
                                skipped++;
                                return;
                        }
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ElfFormatException)
                {
                    Add(path, ScanFailure.Reason(e));
                }
            }

            private static string FullPath(string path)
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
}
